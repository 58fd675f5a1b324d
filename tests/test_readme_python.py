"""The README's Python example runs as written (slow: it loads the models)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")]


def _example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "README has a Python example"
    return blocks[0]


def test_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    # The example's relative paths: ../shared/seeds beside the project, and a corpus/ folder.
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "seeds").symlink_to(SEEDS, target_is_directory=True)
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    (project / "corpus" / "note.txt").write_text("Anna Kowalczyk said 30 people were detained in Minsk.\n",
                                                 encoding="utf-8")
    monkeypatch.chdir(project)
    scope: dict = {}
    exec(compile(_example(), "README.md", "exec"), scope)  # noqa: S102 - our own documentation
    assert scope["art"].entities
    assert scope["result"].articles and not scope["result"].errors
    assert "Putin" in capsys.readouterr().out
