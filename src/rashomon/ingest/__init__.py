"""Turn paths, directories, URLs and stdin into Articles, one reader module per format.

`read_sources` never stops at a bad input: it yields a `RashomonError` for it and goes on.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import RashomonError
from ..model import Article
from ..settings import IngestOptions
from .html import read_html_bytes
from .jsonl import read_jsonl_bytes
from .text import read_text_bytes
from .url import is_url, read_url

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

__all__ = ["SUFFIXES", "expand_sources", "read_bytes", "read_source", "read_sources"]


def expand_sources(inputs: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (known suffixes only, sorted); pass other inputs through."""
    for item in inputs:
        if item == "-" or is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield str(child)
        else:
            yield item


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, source: str, opts: IngestOptions, kind: str | None = None) -> Iterator[Article | RashomonError]:
    """Articles from raw bytes, whatever door they came through (file, stdin, web upload).

    `kind` is 'text', 'html' or 'jsonl'; None sniffs it from the first bytes. Raises
    RashomonError for a bad whole input; yields an error item per bad JSONL line.
    """
    if len(data) > opts.max_bytes:
        raise RashomonError("E005", path=source, size=len(data), limit=opts.max_bytes)
    yield from _from_bytes(data, kind or _sniff(data), source, opts)


def _from_bytes(data: bytes, kind: str, source: str, opts: IngestOptions) -> Iterator[Article | RashomonError]:
    if kind == "text":
        yield read_text_bytes(data, source, title_from_first_line=opts.title_from_first_line)
    elif kind == "html":
        yield read_html_bytes(data, source)
    else:
        yield from read_jsonl_bytes(data, source)


def read_source(source: str, opts: IngestOptions) -> Iterator[Article | RashomonError]:
    """Articles from one file, URL or '-' (stdin); raises RashomonError for a bad whole source."""
    if is_url(source):
        yield read_url(source, timeout=opts.url_timeout, max_bytes=opts.max_bytes)
        return
    if source == "-":
        data = sys.stdin.buffer.read(opts.max_bytes + 1)
        if len(data) > opts.max_bytes:
            raise RashomonError("E005", path="<stdin>", size=f">{opts.max_bytes}", limit=opts.max_bytes)
        yield from _from_bytes(data, _sniff(data), "<stdin>", opts)
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
    if size > opts.max_bytes:
        raise RashomonError("E005", path=source, size=size, limit=opts.max_bytes)
    if size == 0:
        raise RashomonError("E002", path=source)
    yield from _from_bytes(path.read_bytes(), kind, source, opts)


def read_sources(inputs: Iterable[str], opts: IngestOptions) -> Iterator[Article | RashomonError]:
    """Every article from every input, with an error item in place of each bad one."""
    for source in expand_sources(inputs):
        try:
            yield from read_source(source, opts)
        except RashomonError as err:
            yield err
        except OSError as exc:
            yield RashomonError("E001", path=f"{source} ({exc.strerror})")
