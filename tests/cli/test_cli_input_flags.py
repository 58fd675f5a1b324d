"""--allow-private and --follow-links exist on every command that reads inputs, and reach the options."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rashomon.cli import app, options


@pytest.mark.parametrize("command", ["analyze", "compare", "ingest"])
def test_cli_input_flags_listed(command):
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--allow-private" in result.output and "--follow-links" in result.output


@pytest.mark.parametrize("command", ["export", "search", "serve", "entities"])
def test_cli_input_flags_not_on_other_commands(command):
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert "--allow-private" not in result.output


@pytest.mark.parametrize(
    "flags,private,links",
    [({}, False, False), ({"allow_private": True}, True, False), ({"follow_links": True}, False, True)],
)
def test_cli_input_flags_reach_ingest_options(flags, private, links):
    opts = options(None, **flags).ingest
    assert (opts.allow_private, opts.follow_links) == (private, links)


def test_cli_input_flags_refuse_loopback_url_without_flag():
    # Nothing listens there and nothing is sent: the address is refused before connecting.
    result = CliRunner().invoke(app, ["analyze", "http://127.0.0.1:9/x.html", "--no-progress"])
    assert result.exit_code == 1 and "E016" in result.output
