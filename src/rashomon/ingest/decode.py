"""Bytes to str: encoding detection for the scripts in play (UTF-8/16, cp1251, KOI8-R)."""

from __future__ import annotations

import codecs
import re

from ..errors import RashomonError
from ..script import RUSSIAN_LOWER, RUSSIAN_UPPER

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM shows NULs in every other byte for Latin/ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even = sample[0::2].count(0) / max(1, len(sample) // 2)
    odd = sample[1::2].count(0) / max(1, len(sample) // 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _cyrillic_score(text: str) -> float:
    """Real Cyrillic prose is mostly lower case; a wrong 8-bit code page swaps the cases."""
    lower = len(RUSSIAN_LOWER.findall(text))
    upper = len(RUSSIAN_UPPER.findall(text))
    return lower - 3 * upper


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean this is not a text file."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > max(4, len(sample) // 100)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode to (text, encoding) keeping every character; raise E003/E004 when impossible."""
    enc = bom_encoding(data) or utf16_without_bom(data)
    if enc:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            raise RashomonError("E004", path=path, tried=enc) from None
    if looks_binary(data):
        raise RashomonError("E003", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: the 8-bit Cyrillic code pages decode anything, so choose by plausibility.
    candidates = []
    for name in ("cp1251", "koi8-r"):
        try:
            candidates.append((_cyrillic_score(data.decode(name)), name))
        except UnicodeDecodeError:
            continue
    if candidates:
        score, name = max(candidates)
        if score > 0:
            return data.decode(name), name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if not _CONTROL.search(text):
            return text, best.encoding
    raise RashomonError("E004", path=path, tried="utf-8, utf-16, cp1251, koi8-r, charset-normalizer")
