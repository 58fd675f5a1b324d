"""Near-duplicate detection: shingle Jaccard, and MinHash band keys that find the candidates."""

from __future__ import annotations

import pytest

from rashomon.watch import dedup
from tests.watch.conftest import article_text

BASE = "\n\n".join(article_text(1))
OTHER = "\n\n".join(article_text(2))


def _copies() -> dict[str, str]:
    paras = article_text(1)
    return {
        "same": BASE,
        "whitespace and case": "\n".join(p.upper().replace(" ", "   ") for p in paras),
        "punctuation": BASE.replace(".", " --"),
        "byline and trailer": "By our wire desk.\n\n" + BASE
                              + "\n\nReporting by the wire desk; editing by a night editor.",
        "last sentence dropped": BASE.rsplit(". ", 1)[0] + ".",
        "a fifth dropped": "\n\n".join(paras[:-1]),
        "unrelated": OTHER,
        "half of it": "\n\n".join(article_text(1)[:2] + article_text(2)[2:]),
    }


@pytest.mark.parametrize(("name", "near"), [
    ("same", True), ("whitespace and case", True), ("punctuation", True), ("byline and trailer", True),
    ("last sentence dropped", True), ("unrelated", False), ("half of it", False), ("a fifth dropped", False),
])
def test_dedup_shingles_near_duplicates(name, near):
    a, b = dedup.shingles(BASE), dedup.shingles(_copies()[name])
    sim = dedup.jaccard(a, b)
    assert (sim >= 0.8) is near, sim
    shared = set(dedup.band_keys(a)) & set(dedup.band_keys(b))
    if near:  # a near-duplicate is always a candidate (shares a band key)
        assert shared
    elif sim < 0.1:
        assert not shared


def test_dedup_shingles_keys_are_stable_and_short():
    keys = dedup.band_keys(dedup.shingles(BASE))
    assert keys == dedup.band_keys(dedup.shingles(BASE))
    assert len(keys) == dedup.BANDS and all(len(k) == 18 and k[:2].isdigit() for k in keys)
    assert dedup.band_keys(set()) == [] and dedup.shingles("… — !") == set()


def test_dedup_shingles_short_text_is_one_shingle():
    assert len(dedup.shingles("Two words")) == 1
    assert dedup.jaccard(dedup.shingles("Two words"), dedup.shingles("two   WORDS!")) == 1.0
    assert dedup.jaccard(set(), set()) == 0.0


def test_dedup_shingles_long_text_signature_in_chunks():
    # More shingles than one hashing chunk: same keys whatever the set's iteration order.
    text = " ".join(f"w{i}" for i in range(50_000))
    sh = dedup.shingles(text)
    assert len(sh) > dedup._CHUNK
    assert dedup.band_keys(sh) == dedup.band_keys(set(sorted(sh)))
