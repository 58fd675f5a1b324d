"""rashomon: who says what, and where accounts diverge, across news articles.

Library first: `analyze_texts`, `analyze_paths` and `Article` are the public API; the CLI,
HTML report and web app are thin layers over them. Importing this package loads no model.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Names resolve on first use (PEP 562), so `rashomon --help` and `import rashomon.cli` do not
# pay for pydantic, numpy or spaCy: the CLI starts in a fraction of the time the library needs.
_LAZY = {
    "Analyzer": "api",
    "analyze_paths": "api",
    "analyze_text": "api",
    "RashomonError": "errors",
    "Article": "model",
    "Options": "settings",
    "load_options": "settings",
}


def __getattr__(name: str):  # noqa: ANN202 - whatever the named module holds
    """Import the submodule that defines a public name when that name is first read."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rashomon' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Analyzer",
    "Article",
    "Options",
    "RashomonError",
    "__version__",
    "analyze_paths",
    "analyze_text",
    "load_options",
]
