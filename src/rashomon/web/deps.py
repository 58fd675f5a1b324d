"""Request helpers shared by page and API routes: state access, id patterns, filters."""

from __future__ import annotations

import re
from typing import Any

from fastapi import HTTPException, Request

from ..store import Filters

ARTICLE_ID = r"^[0-9a-f]{6,64}$"
CLUSTER_ID = r"^E[0-9]{1,9}$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_COMPARE = 4


def state(request: Request) -> Any:
    """The AppState of this app."""
    return request.app.state.rashomon


def make_filters(outlet: str | None = None, language: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, technique: str | None = None, speaker: str | None = None) -> Filters:
    """Filters from query values; empty form fields mean no filter, bad dates are a 422."""
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not _DATE.match(value):
            raise HTTPException(422, f"{name} must be YYYY-MM-DD")
    return Filters(outlet=outlet or None, language=language or None, date_from=date_from or None,
                   date_to=date_to or None, technique=technique or None, speaker=(speaker or "").strip() or None)


def article_ids(values: list[str]) -> list[str]:
    """Validated, de-duplicated article ids for comparison (ids may be comma-separated)."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            if not re.match(ARTICLE_ID, part):
                raise HTTPException(422, "article ids are 6-64 hex digits")
            if part not in out:
                out.append(part)
    if len(out) > MAX_COMPARE:
        raise HTTPException(422, f"compare at most {MAX_COMPARE} articles")
    return out
