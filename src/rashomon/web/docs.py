"""Offline API docs: Swagger UI at /docs from packaged assets.

The JavaScript and CSS come from the pinned `fastapi-offline` wheel and are served by this
app, and the page bootstraps from /static/docs.js, so the docs need no network and no
inline script (see DOCS_CSP in security.py). There is no /redoc: ReDoc's bundle fetches its
logo from a CDN.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

ASSETS = Path(str(resources.files("fastapi_offline") / "static"))

_SWAGGER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rashomon API</title>
<link rel="icon" href="/docs-assets/favicon.png">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""


def install_docs(app: FastAPI) -> None:
    """Add /docs to the app (left out of the OpenAPI document)."""

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return HTMLResponse(_SWAGGER)
