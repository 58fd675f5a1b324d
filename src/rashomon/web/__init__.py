"""The web app: FastAPI + Jinja2 pages and a REST API over a corpus store.

`create_app(store, token=...)` returns the ASGI app; `rashomon serve` runs it with uvicorn.
Importing this package loads neither FastAPI nor a model.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the ASGI app (see rashomon.web.app.create_app)."""
    from .app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
