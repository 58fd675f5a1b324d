"""One typed options object: packaged defaults, a user TOML file, keyword overrides."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.settings import load_options


def test_settings_config_defaults_load():
    opts = load_options()
    assert opts.language.languages == ["en", "ru", "be", "uk"]
    assert opts.ingest.max_bytes > 1_000_000


def test_settings_config_user_file_overrides_one_key(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[ingest]\nmax_bytes = 1234\n", encoding="utf-8")
    opts = load_options(cfg)
    assert opts.ingest.max_bytes == 1234
    assert opts.ingest.title_from_first_line is True  # untouched keys keep defaults


@pytest.mark.parametrize(
    "content,code",
    [
        ("[ingest\nmax_bytes = 1", "E030"),  # not TOML
        ("[ingest]\nmax_bytes = -5\n", "E031"),  # out of range
        ("[ingest]\nmax_byte = 5\n", "E031"),  # typo'd key is refused, not ignored
        ("[language]\nlanguages = 'en'\n", "E031"),  # wrong type
        ("[techniques]\nrules = 'some'\n", "E031"),  # not one of all/confirmed/off
    ],
)
def test_settings_config_invalid_files(tmp_path, content, code):
    cfg = tmp_path / "c.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(RashomonError) as info:
        load_options(cfg)
    assert info.value.code == code
    assert str(cfg) in str(info.value)


def test_settings_config_missing_file(tmp_path):
    with pytest.raises(RashomonError) as info:
        load_options(tmp_path / "absent.toml")
    assert info.value.code == "E030"


@pytest.mark.parametrize("rules", ["all", "confirmed", "off"])
def test_settings_config_technique_rules_reach_the_component(tmp_path, rules):
    from rashomon.components import REGISTRY

    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[techniques]\nrules = '{rules}'\n", encoding="utf-8")
    opts = load_options(cfg)
    det = REGISTRY["techniques"](opts)
    assert det.rules == rules and opts.techniques.model == ""
