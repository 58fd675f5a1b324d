"""Stable article identifiers derived from content, so re-ingesting is idempotent."""

from __future__ import annotations

import hashlib
import re


def content_hash(text: str) -> str:
    """Full SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str) -> str:
    """Short id: the first 12 hex digits of the content hash."""
    return content_hash(text)[:12]


# One rule for ids, shared by ingest (which refuses others with E014), the web routes and
# output file names: no path separators, no leading dot, nothing that needs escaping.
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}"
_ID = re.compile(rf"\A{ID_PATTERN}\Z")


def is_valid_id(value: str) -> bool:
    """True if `value` is a usable article id (see ID_PATTERN); '..' anywhere is refused."""
    return bool(_ID.match(value)) and ".." not in value


def file_stem(article_id: str) -> str:
    """A safe file name stem for an article: the id if valid, else a hash of it."""
    if is_valid_id(article_id):
        return article_id
    return "id-" + hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
