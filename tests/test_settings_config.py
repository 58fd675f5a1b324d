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
        ("[techniques]\nparagraph_stage = 'on'\n", "E031"),  # not one of gate/label/off
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


@pytest.mark.parametrize("mode", ["gate", "label", "off"])
def test_settings_config_paragraph_stage_reaches_the_component(tmp_path, mode):
    from rashomon.components import REGISTRY

    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[techniques]\nparagraph_stage = '{mode}'\n", encoding="utf-8")
    assert REGISTRY["techniques"](load_options(cfg)).paragraph_stage == mode


def test_settings_config_paragraph_stage_default_is_label(tmp_path):
    from rashomon.components import REGISTRY

    cfg = tmp_path / "c.toml"
    cfg.write_text("", encoding="utf-8")
    assert REGISTRY["techniques"](load_options(cfg)).paragraph_stage == "label"


# Hostile values (issue 14): each is a coded error, never a traceback or a runaway later.
HOSTILE = [
    ("batch-size-1e11", "[models]\nbatch_size = 1e11\n", "E031"),
    ("batch-size-float", "[models]\nbatch_size = 2.5\n", "E031"),
    ("languages-unknown", "[language]\nlanguages = ['xx']\n", "E031"),
    ("languages-upper-case", "[language]\nlanguages = ['EN']\n", "E031"),
    ("languages-empty", "[language]\nlanguages = []\n", "E031"),
    ("languages-not-strings", "[language]\nlanguages = [1, 2]\n", "E031"),
    ("max-bytes-1e20", "[ingest]\nmax_bytes = 1e20\n", "E031"),
    ("max-bytes-huge-int", "[ingest]\nmax_bytes = 9223372036854775807\n", "E031"),
    ("max-chars-over-spacy", "[ingest]\nmax_chars = 5_000_000\n", "E031"),
    ("max-chars-zero", "[ingest]\nmax_chars = 0\n", "E031"),
    ("url-timeout-inf", "[ingest]\nurl_timeout = inf\n", "E031"),
    ("url-timeout-nan", "[ingest]\nurl_timeout = nan\n", "E031"),
    ("url-timeout-week", "[ingest]\nurl_timeout = 604800\n", "E031"),
    ("allow-private-junk", "[ingest]\nallow_private = 'maybe'\n", "E031"),
    ("follow-links-list", "[ingest]\nfollow_links = [true]\n", "E031"),
    ("min-paragraph-huge", "[language]\nmin_paragraph_chars = 1e15\n", "E031"),
    ("models-en-empty", "[models]\nen = []\n", "E031"),
    ("components-huge", "[pipeline]\ncomponents = [" + "'segment'," * 1000 + "]\n", "E031"),
    ("model-path-huge", "[techniques]\nmodel = '" + "a" * 5000 + "'\n", "E031"),
    ("section-not-table", "ingest = 5\n", "E031"),
    ("nested-100k-arrays", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "E030"),
    ("nested-100k-tables", "x = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n", "E030"),
    ("dotted-100k-deep", "[ingest." + ".".join(["a"] * 100_000) + "]\n", "E030"),  # tomllib: minutes
    ("dotted-key-100k-deep", ".".join(["a"] * 100_000) + " = 1\n", "E030"),
    ("not-utf8", b"[ingest]\nmax_bytes = 5 # \xff\xfe\n", "E030"),
    ("nul-byte", b"[ingest]\x00\n", "E030"),
]


@pytest.mark.parametrize("case,content,code", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_settings_config_hostile_values(tmp_path, case, content, code):
    cfg = tmp_path / "c.toml"
    cfg.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(RashomonError) as info:
        load_options(cfg)
    assert info.value.code == code
    assert str(cfg) in str(info.value) and "\n" not in str(info.value)
    assert len(str(info.value)) < 600  # the offending input is never echoed whole


def test_settings_config_size_cap(tmp_path):
    from rashomon.settings import MAX_CONFIG_BYTES

    cfg = tmp_path / "big.toml"
    cfg.write_text("# padding\n" * (MAX_CONFIG_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(RashomonError) as info:
        load_options(cfg)
    assert info.value.code == "E032"


def test_settings_config_symlink_to_dev_zero(tmp_path):
    if not __import__("os").path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    cfg = tmp_path / "zero.toml"
    cfg.symlink_to("/dev/zero")
    with pytest.raises(RashomonError) as info:
        load_options(cfg)  # read until the OOM killer before the cap
    assert info.value.code == "E032"


def test_settings_config_directory_is_unreadable(tmp_path):
    with pytest.raises(RashomonError) as info:
        load_options(tmp_path)
    assert info.value.code == "E030"


def test_settings_config_new_ingest_keys():
    opts = load_options().ingest
    assert (opts.max_chars, opts.allow_private, opts.follow_links) == (1_000_000, False, False)


@pytest.mark.parametrize(
    "args,code,needle",
    [
        (["--max-bytes", "1" + "0" * 20], 2, "E031"),  # an int, but far over the bound
        (["--max-bytes", "1e20"], 2, "--max-bytes"),  # not an int: a usage error
        (["--config", "/dev/zero"], 2, "E032"),
    ],
)
def test_settings_config_hostile_flags_are_coded(tmp_path, args, code, needle):
    from typer.testing import CliRunner

    from rashomon.cli import app

    path = tmp_path / "a.txt"
    path.write_text("The council met.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--no-progress", *args], env={"COLUMNS": "200"})
    assert result.exit_code == code
    assert needle in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_settings_config_flags_turn_on_ingest_switches(tmp_path):
    from rashomon.cli import options

    assert options(None).ingest.allow_private is False
    opts = options(None, allow_private=True, follow_links=True)
    assert opts.ingest.allow_private and opts.ingest.follow_links
    cfg = tmp_path / "c.toml"
    cfg.write_text("[ingest]\nallow_private = true\n", encoding="utf-8")
    assert options(cfg).ingest.allow_private  # without the flag the config decides
