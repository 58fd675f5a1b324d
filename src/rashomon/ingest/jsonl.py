"""JSON Lines reader: one article per line, `text` plus optional metadata."""

from __future__ import annotations

import json
from typing import Iterator

from ..errors import RashomonError
from ..model import Article
from .decode import decode_bytes
from .ids import article_id
from .text import require_letters

_META = ("title", "published", "outlet", "author")


def read_jsonl_bytes(data: bytes, source: str) -> Iterator[Article | RashomonError]:
    """Yield an Article per good line and a RashomonError per bad one; never stop early."""
    if not data.strip():
        raise RashomonError("E002", path=source)
    text, _ = decode_bytes(data, source)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RashomonError("E007", path=source, line=lineno, detail=exc.msg)
            continue
        body = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield RashomonError("E008", path=source, line=lineno)
            continue
        where = f"{source}:{lineno}"
        try:
            require_letters(body, where)
        except RashomonError as err:
            yield err
            continue
        art = Article(id=str(obj.get("id") or article_id(body)), text=body, source=obj.get("source") or where)
        for key in _META:
            value = obj.get(key)
            if value is not None:
                setattr(art, key, str(value))
        yield art
