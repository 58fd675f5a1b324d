"""Entity hygiene on the seed articles (read from ../shared/seeds at run time)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_entities_seeds_credit_line_has_no_mentions(seed_articles):
    art = seed_articles["003"]
    line = art.text.find("Photos in collage:")
    assert line != -1
    end = art.text.find("\n", line)
    end = len(art.text) if end == -1 else end
    assert not [m.text for m in art.mentions if line <= m.start < end]
    kremlin = [e for e in art.entities if "Kremlin" in e.name]
    assert [e.name for e in kremlin] == ["Kremlin"]


def test_entities_seeds_place_not_folded_into_longer_place(seed_articles):
    art = seed_articles["000"]
    owner = {m.text: e.id for e in art.entities for m in e.mentions if m.text in ("Europe", "Western Europe")}
    assert set(owner) == {"Europe", "Western Europe"}
    assert owner["Europe"] != owner["Western Europe"]


def test_entities_seeds_aliases_without_editorial_brackets(seed_articles):
    for art in seed_articles.values():
        for e in art.entities:
            assert all("[" not in a and "]" not in a for a in [e.name, *e.aliases]), (e.name, e.aliases)
