"""Turn paths, directories, URLs and stdin into Articles, one reader module per format.

`read_sources` never stops at a bad input: it yields a `RashomonError` for it and goes on.
Every door (file, directory, URL, stdin, web upload) ends in the same readers and the same
limits: `ingest.max_bytes` per file or JSONL line (E005), `ingest.max_chars` per article (E012).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import RashomonError
from ..model import Article
from ..settings import IngestOptions
from .decode import bom_encoding
from .html import read_html_bytes
from .jsonl import HEAD_BYTES, read_json_document, read_jsonl_stream
from .text import read_text_bytes
from .url import is_url, read_url

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}

__all__ = ["SUFFIXES", "expand_sources", "read_bytes", "read_source", "read_sources"]


def _expand(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """(source, input folder it was found in, or None for inputs named directly).

    Symbolic links to folders are not descended into (pathlib's rglob does not follow them),
    so a link loop cannot hang the walk; links to files are listed and judged by the reader.
    """
    for item in inputs:
        if item == "-" or is_url(item):
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith(".") and child.is_file():
                    yield str(child), path
        else:
            yield item, None


def expand_sources(inputs: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (known suffixes only, sorted); pass other inputs through."""
    for source, _ in _expand(inputs):
        yield source


def _leaves_root(source: str, root: Path) -> bool:
    """True if `source` (found below `root`) is a symbolic link whose target lies outside root."""
    path = Path(source)
    if not path.is_symlink():
        return False
    try:
        return not path.resolve(strict=True).is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError):  # a dangling link or a loop: not something to read
        return True


def _sniff(data: bytes) -> str:
    enc = bom_encoding(data)
    if enc is not None:  # judge the first characters, not the byte-order mark
        data = data[:800].decode(enc, errors="ignore").encode("utf-8")
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    # An array, or an object printed over several lines ("{" alone on the first), is one JSON
    # document; an object on the first line starts JSON Lines.
    if head.startswith(b"[") or head.split(b"\n", 1)[0].strip() == b"{":
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _limited(art: Article, source: str, opts: IngestOptions) -> Article:
    """The article, unless its text is over ingest.max_chars (E012): spaCy refuses longer texts."""
    if len(art.text) > opts.max_chars:
        raise RashomonError("E012", path=source, size=len(art.text), limit=opts.max_chars)
    return art


def read_bytes(data: bytes, source: str, opts: IngestOptions, kind: str | None = None) -> Iterator[Article | RashomonError]:
    """Articles from raw bytes, whatever door they came through (file, stdin, web upload).

    `kind` is 'text', 'html', 'json' or 'jsonl'; None sniffs it from the first bytes. Raises
    RashomonError for a bad whole input; yields an error item per bad JSONL line (whose
    limits apply per line) or JSON array item.
    """
    kind = kind or _sniff(data[:HEAD_BYTES])
    if kind != "jsonl" and len(data) > opts.max_bytes:
        raise RashomonError("E005", path=source, size=len(data), limit=opts.max_bytes)
    if kind == "jsonl":
        yield from _from_stream(io.BytesIO(data), source, opts)
    elif kind == "json":
        yield from read_json_document(data, source, max_chars=opts.max_chars)
    else:
        yield _from_bytes(data, kind, source, opts)


def _from_bytes(data: bytes, kind: str, source: str, opts: IngestOptions) -> Article:
    if kind == "text":
        art = read_text_bytes(data, source, title_from_first_line=opts.title_from_first_line)
    else:
        art = read_html_bytes(data, source)
    return _limited(art, source, opts)


def _from_stream(stream: BinaryIO, source: str, opts: IngestOptions) -> Iterator[Article | RashomonError]:
    yield from read_jsonl_stream(stream, source, max_bytes=opts.max_bytes, max_chars=opts.max_chars)


class _Prefixed(io.RawIOBase):
    """A stream that first replays bytes already read (stdin sniffing), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stdin(opts: IngestOptions) -> Iterator[Article | RashomonError]:
    stdin = sys.stdin.buffer
    head = stdin.read(HEAD_BYTES)
    kind = _sniff(head)
    if kind == "jsonl":  # streamed line by line, like a .jsonl file
        yield from _from_stream(io.BufferedReader(_Prefixed(head, stdin)), "<stdin>", opts)
        return
    data = head + stdin.read(max(0, opts.max_bytes + 1 - len(head)))
    if len(data) > opts.max_bytes:
        raise RashomonError("E005", path="<stdin>", size=f">{opts.max_bytes}", limit=opts.max_bytes)
    if kind == "json":
        yield from read_json_document(data, "<stdin>", max_chars=opts.max_chars)
        return
    yield _from_bytes(data, kind, "<stdin>", opts)


def read_source(source: str, opts: IngestOptions) -> Iterator[Article | RashomonError]:
    """Articles from one file, URL or '-' (stdin); raises RashomonError for a bad whole source."""
    if is_url(source):
        art = read_url(source, timeout=opts.url_timeout, max_bytes=opts.max_bytes, allow_private=opts.allow_private)
        yield _limited(art, source, opts)
        return
    if source == "-":
        yield from _read_stdin(opts)
        return
    path = Path(source)
    if not path.is_file():
        raise RashomonError("E001", path=source)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        if path.suffix:
            raise RashomonError("E010", path=source, suffix=path.suffix)
        kind = "text"
    size = path.stat().st_size
    if size == 0:
        raise RashomonError("E002", path=source)
    if kind == "jsonl":  # line by line: max_bytes applies to each line, memory stays bounded
        with open(path, "rb") as fh:
            yield from _from_stream(fh, source, opts)
        return
    if size > opts.max_bytes:
        raise RashomonError("E005", path=source, size=size, limit=opts.max_bytes)
    with open(path, "rb") as fh:  # read no more than the limit, even if the file grows meanwhile
        data = fh.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        raise RashomonError("E005", path=source, size=f">{opts.max_bytes}", limit=opts.max_bytes)
    if kind == "json":
        yield from read_json_document(data, source, max_chars=opts.max_chars)
        return
    yield _from_bytes(data, kind, source, opts)


def read_sources(inputs: Iterable[str], opts: IngestOptions) -> Iterator[Article | RashomonError]:
    """Every article from every input, with an error item in place of each bad one.

    A symbolic link inside an input folder that leads outside it is skipped with E017
    unless `ingest.follow_links` is set (a folder of articles must not read /etc/passwd).
    """
    for source, root in _expand(inputs):
        try:
            if root is not None and not opts.follow_links and _leaves_root(source, root):
                raise RashomonError("E017", path=source, root=str(root))
            yield from read_source(source, opts)
        except RashomonError as err:
            yield err
        except OSError as exc:
            yield RashomonError("E001", path=f"{source} ({exc.strerror})")
