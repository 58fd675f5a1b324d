"""Output writers for `analyze`: JSON (the contract), a text summary, HTML pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import RashomonError
from ..model import Article


def error_dicts(errors: list[RashomonError]) -> list[dict[str, str]]:
    """Errors as JSON records: code, message, path."""
    return [{"code": e.code, "message": str(e), "path": e.path or ""} for e in errors]


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def write_output(articles: list[Article], errors: list[RashomonError], fmt: str, out: Path | None) -> None:
    """Write analysed articles in `fmt` to stdout or `out` (a directory for several HTML pages)."""
    if fmt == "json":
        from ..serialize import analysis_dict

        doc = analysis_dict(articles, error_dicts(errors))
        _emit(json.dumps(doc, ensure_ascii=False, indent=2), out)
    elif fmt == "text":
        from .text import render_text

        _emit("\n".join(render_text(a) for a in articles), out)
    elif fmt == "html":
        from .html import render_article_page

        if out is None or (out.suffix.lower() in (".html", ".htm") and len(articles) <= 1):
            for art in articles:
                _emit(render_article_page(art), out)
            return
        out.mkdir(parents=True, exist_ok=True)
        for art in articles:
            (out / f"{art.id}.html").write_text(render_article_page(art), encoding="utf-8")
        sys.stderr.write(f"wrote {len(articles)} page(s) to {out}/\n")
    else:
        raise RashomonError("E050", fmt=fmt, choices="json, text, html")
