"""Request helpers shared by page and API routes: state access, id patterns, filters, bounds."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from fastapi import HTTPException, Request

from ..ingest.ids import ID_PATTERN, is_valid_id
from ..store import Filters

# The one id rule ingest applies (rashomon.ingest.ids): every stored id has a page.
ARTICLE_ID = rf"^{ID_PATTERN}$"
CLUSTER_ID = r"^E[0-9]{1,9}$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_COMPARE = 4
# Far past any real corpus page, far below SQLite's 64-bit integers (2**63 was a 500).
MAX_OFFSET = 1_000_000
MAX_FILTER = 200  # characters of a filter value


def state(request: Request) -> Any:
    """The AppState of this app."""
    return request.app.state.rashomon


def has_control(value: str) -> bool:
    """True if the value holds a control or format character (NUL, tab, bidi overrides, ...)."""
    return any(unicodedata.category(c) in ("Cc", "Cf") for c in value)


def _filter_value(name: str, value: str | None) -> str | None:
    """A filter value, stripped; control characters or overlong values are a 422, never a match-all."""
    if value is None:
        return None
    if has_control(value):
        raise HTTPException(422, f"{name} must not contain control characters")
    if len(value) > MAX_FILTER:
        raise HTTPException(422, f"{name} is longer than {MAX_FILTER} characters")
    return value.strip() or None


def make_filters(outlet: str | None = None, language: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, technique: str | None = None, speaker: str | None = None) -> Filters:
    """Filters from query values; empty form fields mean no filter, bad values are a 422."""
    values = {name: _filter_value(name, value) for name, value in
              (("outlet", outlet), ("language", language), ("date_from", date_from), ("date_to", date_to),
               ("technique", technique), ("speaker", speaker))}
    for name in ("date_from", "date_to"):
        if values[name] and not _DATE.match(values[name]):
            raise HTTPException(422, f"{name} must be YYYY-MM-DD")
    return Filters(**values)


def article_ids(values: list[str]) -> list[str]:
    """Validated, de-duplicated article ids for comparison (ids may be comma-separated)."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            if not is_valid_id(part):
                raise HTTPException(422, "article ids are 1-128 letters, digits, '.', '_' or '-'")
            if part not in out:
                out.append(part)
            if len(out) > MAX_COMPARE:
                raise HTTPException(422, f"compare at most {MAX_COMPARE} articles")
    return out
