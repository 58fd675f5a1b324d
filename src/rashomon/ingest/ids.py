"""Stable article identifiers derived from content, so re-ingesting is idempotent."""

from __future__ import annotations

import hashlib


def content_hash(text: str) -> str:
    """Full SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str) -> str:
    """Short id: the first 12 hex digits of the content hash."""
    return content_hash(text)[:12]
