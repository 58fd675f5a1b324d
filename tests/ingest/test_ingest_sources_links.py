"""Folders: symbolic links leading out of the input folder are skipped (E017) unless asked."""

from __future__ import annotations

import os
import threading

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import expand_sources, read_sources
from rashomon.model import Article
from rashomon.settings import load_options

OPTS = load_options().ingest
FOLLOW = load_options(ingest={"follow_links": True}).ingest
SECRET = "Secret outside text that must not be read.\n"


def _run(inputs, opts, seconds=20.0):
    """read_sources with a hang guard: a symlink loop must end, not spin."""
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(read_sources(inputs, opts)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the folder did not finish"
    return out


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a_good.txt").write_text("A good article about the harbour.\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (root / "b_out.txt").symlink_to(outside)
    (root / "sub" / "c_up.txt").symlink_to("../../outside.txt")  # relative, still outside
    (root / "d_inside.txt").symlink_to(root / "a_good.txt")  # inside: fine
    return root


def test_ingest_sources_links_outside_skipped(folder):
    items = _run([str(folder)], OPTS)
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, RashomonError)]
    assert [a.text for a in arts] == ["A good article about the harbour.\n"] * 2  # the file and the inner link
    assert sorted(e.code for e in errs) == ["E017", "E017"]
    assert all("--follow-links" in str(e) and str(folder) in str(e) for e in errs)
    assert not any(SECRET in a.text for a in arts)


def test_ingest_sources_links_followed_when_asked(folder):
    items = _run([str(folder)], FOLLOW)
    assert sum(isinstance(i, Article) and i.text == SECRET for i in items) == 2
    assert not any(isinstance(i, RashomonError) for i in items)


def test_ingest_sources_links_etc_passwd(tmp_path):
    if not os.path.exists("/etc/passwd"):
        pytest.skip("no /etc/passwd here")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (items,) = [_run([str(tmp_path)], OPTS)]
    assert [i.code for i in items] == ["E017"]


def test_ingest_sources_links_root_given_through_a_link(tmp_path, folder):
    alias = tmp_path / "alias"
    alias.symlink_to(folder, target_is_directory=True)
    items = _run([str(alias)], OPTS)
    assert sorted(type(i).__name__ for i in items) == ["Article", "Article", "RashomonError", "RashomonError"]


def test_ingest_sources_links_loops_and_devices_end(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text("A good article.\n", encoding="utf-8")
    (root / "x.txt").symlink_to(root / "y.txt")  # a loop between two links
    (root / "y.txt").symlink_to(root / "x.txt")
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "again").symlink_to(root, target_is_directory=True)  # a folder loop
    (root / "up").symlink_to(tmp_path, target_is_directory=True)
    (root / "zero.txt").symlink_to("/dev/zero")  # a device: never read, with or without links
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    for opts in (OPTS, FOLLOW):
        items = _run([str(root)], opts)
        assert [i.text for i in items] == ["A good article.\n"]
    assert list(expand_sources([str(root)])) == [str(root / "good.txt")]
