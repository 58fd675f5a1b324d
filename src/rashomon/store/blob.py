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
from typing import Any

from ..model import Article

# Bumped only if the blob layout itself changes; added record fields need no bump.
BLOB_FORMAT = 1


def to_plain(obj: Any) -> Any:
    """Dataclass records -> dicts keyed by field name, lists and dicts walked, scalars as they are."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_hint(hint: Any, value: Any) -> Any:
    """Rebuild `value` as the annotated type says: dataclasses from dicts, lists element-wise."""
    if value is None:
        return None
    if isinstance(hint, type) and is_dataclass(hint):
        return from_plain(hint, value)
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return [_from_hint(item, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        # `Span | None` and the like: the one dataclass member decides, else keep the value.
        for member in typing.get_args(hint):
            if isinstance(member, type) and is_dataclass(member) and isinstance(value, dict):
                return from_plain(member, value)
    return value


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    """A record of `cls` from `to_plain` output; fields the data lacks take their defaults."""
    hints = _hints(cls)
    kwargs = {f.name: _from_hint(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data}
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
