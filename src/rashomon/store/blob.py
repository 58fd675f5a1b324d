"""The whole internal Article as one compact value: zlib-compressed JSON of every layer.

One generic converter walks `dataclasses.fields`, so a field added to a record is stored and
restored without touching this module. The JSON contract (`serialize`) leaves out tokens,
mention types and quantity heads' lemmas; the store keeps this blob beside it so a stored
article comes back equal (`==`) to the analysed one.
"""

from __future__ import annotations

import json
import types
import typing
import zlib
from dataclasses import fields, is_dataclass
from functools import lru_cache
from typing import Any, Callable

from ..model import Article

# Bumped only if the blob layout itself changes; added record fields need no bump.
BLOB_FORMAT = 1


@lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, None for anything else (worked out once per type)."""
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def to_plain(obj: Any) -> Any:
    """Dataclass records -> dicts keyed by field name, lists and dicts walked, scalars as they are."""
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    names = _names(type(obj))
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """How to rebuild a value of this annotated type from plain JSON; None when it is kept as is."""
    if isinstance(hint, type) and is_dataclass(hint):
        return lambda v: None if v is None else from_plain(hint, v)
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        inner = _converter(item)
        return None if inner is None else (lambda v: None if v is None else [inner(x) for x in v])
    if origin in (typing.Union, types.UnionType):
        # `Span | None` and the like: the one dataclass member decides.
        for member in typing.get_args(hint):
            if member is not type(None):
                inner = _converter(member)
                if inner is not None:
                    return inner
    return None


@lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Per field of `cls`: its name and converter, worked out once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in fields(cls))


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    """A record of `cls` from `to_plain` output; fields the data lacks take their defaults."""
    kwargs = {}
    for name, convert in _plan(cls):
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is None else convert(value)
    return cls(**kwargs)


def encode_article(art: Article) -> bytes:
    """The whole Article as zlib-compressed JSON bytes."""
    doc = {"format": BLOB_FORMAT, "article": to_plain(art)}
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(raw.encode("utf-8", "surrogatepass"), 6)


def decode_article(blob: bytes) -> Article:
    """The Article `encode_article` stored."""
    doc = json.loads(zlib.decompress(bytes(blob)).decode("utf-8", "surrogatepass"))
    return from_plain(Article, doc["article"])
