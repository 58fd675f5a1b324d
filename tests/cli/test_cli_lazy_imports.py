"""Starting the CLI imports no heavy library: pydantic, numpy and spaCy load only when a command needs them."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "numpy", "spacy", "natasha", "lingua", "rashomon.settings", "rashomon.api")


def _loaded_after(statement: str) -> list[str]:
    """Heavy modules present in sys.modules after running `statement` in a fresh interpreter."""
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.split()


@pytest.mark.parametrize("statement", ["import rashomon.cli", "import rashomon", "import rashomon.errors",
                                       "from rashomon import RashomonError, __version__"])
def test_cli_lazy_imports_nothing_heavy(statement):
    assert _loaded_after(statement) == []


@pytest.mark.parametrize("statement,expected", [
    ("from rashomon import load_options", ["pydantic", "rashomon.settings"]),
    ("import rashomon; rashomon.Analyzer", ["pydantic", "rashomon.settings", "rashomon.api"]),
])
def test_cli_lazy_imports_load_on_first_use(statement, expected):
    assert set(expected) <= set(_loaded_after(statement))


def test_cli_lazy_imports_unknown_name():
    import rashomon

    with pytest.raises(AttributeError):
        rashomon.no_such_name  # noqa: B018
    assert rashomon.Analyzer is rashomon.api.Analyzer
