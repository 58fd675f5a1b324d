"""JSON readers: JSON Lines (one article per line) and a JSON document (one article object, or
an array of them); each article is `text` plus optional metadata, or a news-dataset record whose
body is a list of paragraphs (BASIL's `body-paragraphs`, or `paragraphs`).

JSON Lines are read line by line from a binary stream, so a large file never sits in memory
whole and every limit (bytes, characters, nesting, id) applies to one line: a bad line gets
its own coded error and the other lines go on. A JSON document is read whole (bounded by
`ingest.max_bytes` like a text file); a bad item of its array gets its own error likewise.
"""

from __future__ import annotations

import codecs
import json
from typing import BinaryIO, Iterator

from ..errors import RashomonError
from ..model import Article
from .decode import bom_encoding, utf16_without_bom, decode_bytes, looks_binary
from .ids import article_id, is_valid_id
from .text import require_letters

_META = ("title", "published", "outlet", "author")
# Enough to sniff the encoding; lines are then read with readline(), bounded by max_bytes.
HEAD_BYTES = 65536
_SKIP_CHUNK = 1 << 20


def read_jsonl_stream(
    stream: BinaryIO, source: str, *, max_bytes: int, max_chars: int
) -> Iterator[Article | RashomonError]:
    """Yield an Article per good line and a RashomonError per bad one; never stop early.

    Raises RashomonError only for the whole input: empty (E002), binary (E003), or a UTF-16/32
    file (decoded whole, so bounded by `max_bytes` as a whole: E005).
    """
    head = _peek(stream)
    if bom_encoding(head) not in (None, "utf-8-sig") or utf16_without_bom(head):
        lines = _wide_lines(stream, source, max_bytes)
    else:
        if looks_binary(head):
            raise RashomonError("E003", path=source)
        lines = _byte_lines(stream, max_bytes)
    seen = False
    for lineno, raw in lines:
        where = f"{source}:{lineno}"
        if isinstance(raw, int):
            seen = True
            yield RashomonError("E005", path=where, size=raw, limit=max_bytes)
            continue
        if lineno == 1 and isinstance(raw, bytes) and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        seen = True
        try:
            line = raw if isinstance(raw, str) else _decode_line(raw, where)
            yield article_from_line(line, source, lineno, max_chars=max_chars)
        except RashomonError as err:
            yield err
    if not seen:
        raise RashomonError("E002", path=source)


def article_from_line(line: str, source: str, lineno: int, *, max_chars: int) -> Article:
    """One JSON line to an Article, or the coded error for this line (E007/E008/E011-E014)."""
    where = f"{source}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RashomonError("E007", path=source, line=lineno, detail=exc.msg) from None
    except RecursionError:
        raise RashomonError("E013", path=source, line=lineno) from None
    except ValueError as exc:  # e.g. an integer longer than Python's 4300-digit limit
        raise RashomonError("E007", path=source, line=lineno, detail=str(exc).split(";")[0][:120]) from None
    if not isinstance(obj, dict):
        raise RashomonError("E013", path=source, line=lineno)
    body = article_body(obj)
    if body is None:
        raise RashomonError("E008", path=source, line=lineno)
    return article_from_object(obj, body, source, where, max_chars=max_chars)


# Keys holding the body as a list of paragraphs, each a string or a list of sentence strings
# (BASIL prints `body-paragraphs` so); the first present wins.
_PARAGRAPH_KEYS = ("body-paragraphs", "paragraphs")


def article_body(obj: dict) -> str | None:
    """The article text of a JSON object: its `text`, else its paragraph list joined (one
    paragraph per block, blank lines between, a paragraph's sentences joined by spaces); None
    when it has neither with some non-blank text."""
    body = obj.get("text")
    if isinstance(body, str) and body.strip():
        return body
    if "text" in obj:
        return None  # a `text` that is empty or not a string is not silently replaced
    for key in _PARAGRAPH_KEYS:
        paras = obj.get(key)
        if not isinstance(paras, list):
            continue
        blocks = []
        for para in paras:
            parts = [para] if isinstance(para, str) else para if isinstance(para, list) else None
            if parts is None or not all(isinstance(x, str) for x in parts):
                return None
            block = " ".join(x.strip() for x in parts if x.strip())
            if block:
                blocks.append(block)
        return "\n\n".join(blocks) or None
    return None


def read_json_document(data: bytes, source: str, *, max_chars: int) -> Iterator[Article | RashomonError]:
    """A whole JSON document: one article object, or an array of them (an error item per bad one).

    Raises RashomonError for the whole input: undecodable (E003/E004), not JSON (E007), or
    neither an object nor an array (E018 for item 1).
    """
    text, _ = decode_bytes(data, source)
    try:
        doc = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise RashomonError("E007", path=source, line=exc.lineno, detail=exc.msg) from None
    except RecursionError:
        raise RashomonError("E007", path=source, line=1, detail="nested too deeply") from None
    except ValueError as exc:
        raise RashomonError("E007", path=source, line=1, detail=str(exc).split(";")[0][:120]) from None
    items = doc if isinstance(doc, list) else [doc]
    if not items:
        raise RashomonError("E002", path=source)
    for n, obj in enumerate(items, start=1):
        where = source if len(items) == 1 and not isinstance(doc, list) else f"{source}#{n}"
        body = article_body(obj) if isinstance(obj, dict) else None
        if body is None:
            yield RashomonError("E018", path=source, item=n)
            continue
        try:
            yield article_from_object(obj, body, source, where, max_chars=max_chars)
        except RashomonError as err:
            yield err


def article_from_object(obj: dict, body: str, source: str, where: str, *, max_chars: int) -> Article:
    """One article object and its body (from `article_body`) to an Article (E011/E012/E014).

    A paragraph-list record reads as BASIL writes it: `date` is its publication day and `source`
    its outlet (where `published` and `outlet` are absent)."""
    if len(body) > max_chars:
        raise RashomonError("E012", path=where, size=len(body), limit=max_chars)
    require_letters(body, where)
    given = obj.get("id")
    if given is None:
        ident = article_id(body)
    elif isinstance(given, bool) or not isinstance(given, (str, int)) or not is_valid_id(str(given)):
        raise RashomonError("E014", path=where, id=_short(given))
    else:
        ident = str(given)
    record = "text" not in obj  # its body came from a paragraph list
    label = None if record else obj.get("source")
    art = Article(id=ident, text=body, source=str(label) if label not in (None, "") else where)
    for key in _META:
        value = obj.get(key)
        if value is None and record:
            value = obj.get(_RECORD_ALIASES.get(key, key))
        if value is not None and value != "":
            setattr(art, key, str(value))
    return art


# A paragraph-list record's names for our metadata (BASIL: "date", and "source" = the outlet).
_RECORD_ALIASES = {"published": "date", "outlet": "source"}


def _short(value: object) -> str:
    """An offending id as shown in an error message: one line (control characters escaped), bounded."""
    text = repr(value[:80])[1:-1] if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:80]
    return text if len(text) <= 80 else text[:77] + "..."


def _peek(stream: BinaryIO) -> bytes:
    """The first bytes of the stream without consuming them."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return peek(HEAD_BYTES)[:HEAD_BYTES]
    pos = stream.tell()
    head = stream.read(HEAD_BYTES)
    stream.seek(pos)
    return head


def _byte_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line without its newline) per line; the size instead for an oversized line.

    Splits on b"\\n" only: U+2028/U+2029 inside a JSON string are valid JSON, not line ends.
    """
    lineno = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while not raw.endswith(b"\n"):  # drop the rest of the line without keeping it
                raw = stream.readline(_SKIP_CHUNK)
                if not raw:
                    break
                size += len(raw)
            yield lineno, size - (1 if raw.endswith(b"\n") else 0)
            continue
        yield lineno, raw.rstrip(b"\n").removesuffix(b"\r")


def _wide_lines(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[tuple[int, str]]:
    """UTF-16/32 files cannot be split on bytes: decode whole (bounded by max_bytes), then split."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise RashomonError("E005", path=source, size=f">{max_bytes}", limit=max_bytes)
    text, _ = decode_bytes(data, source)
    for lineno, line in enumerate(text.split("\n"), start=1):
        yield lineno, line.removesuffix("\r")


def _decode_line(raw: bytes, where: str) -> str:
    """UTF-8 (JSON's own encoding), else the 8-bit Cyrillic detection used for whole files."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, where)[0]
