"""Docs and code in step: every error code and every contract key appears in the README."""

from __future__ import annotations

import re

from rashomon.errors import MESSAGES, RashomonError
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_errors_docs_every_code_documented():
    documented = set(re.findall(r"^\| (E\d{3}) \|", README, flags=re.M))
    assert documented == set(MESSAGES)


def test_errors_docs_messages_format_and_are_one_line():
    for code, template in MESSAGES.items():
        fields = {name: "x" for name in re.findall(r"{(\w+)}", template)}
        err = RashomonError(code, **fields)
        assert str(err).startswith(code) and "\n" not in str(err)


def test_errors_docs_readme_starts_with_two_commands():
    block = re.search(r"```bash\n(.*?)```", README, flags=re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert "rashomon analyze" in block[0] and block[1] == "bash .ci/run"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in ci


def test_errors_docs_contract_keys_documented():
    for key in ("speaker_entity", "source_entity", "explanation", "aliases", "mentions", "stance"):
        assert key in README
