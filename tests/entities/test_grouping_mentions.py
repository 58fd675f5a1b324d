"""Mentions of one referent form one entity; different people stay apart."""

from __future__ import annotations

from rashomon.entities.grouping import group_mentions
from rashomon.model import Mention


def _mentions(text, items):
    out, pos = [], 0
    for name, typ in items:
        s = text.index(name, pos)
        out.append(Mention(s, s + len(name), name, typ, name, typ))
        pos = s + len(name)
    return out


def test_grouping_mentions_surname_joins_full_name():
    text = "Vladimir Putin met Lukashenka. Putin said. Alyaksandr Lukashenka agreed with Putin."
    ents = group_mentions(
        _mentions(text, [("Vladimir Putin", "PERSON"), ("Lukashenka", "PERSON"), ("Putin", "PERSON"),
                         ("Alyaksandr Lukashenka", "PERSON"), ("Putin", "PERSON")])
    )
    assert [(e.name, len(e.mentions)) for e in ents] == [("Vladimir Putin", 3), ("Alyaksandr Lukashenka", 2)]
    assert ents[0].aliases == ["Putin"]
    assert [e.id for e in ents] == ["e1", "e2"]


def test_grouping_mentions_ambiguous_surname_stays_alone():
    text = "Anna Petrova and Olga Petrova met. Petrova spoke."
    ents = group_mentions(_mentions(text, [("Anna Petrova", "PERSON"), ("Olga Petrova", "PERSON"), ("Petrova", "PERSON")]))
    assert sorted(e.name for e in ents) == ["Anna Petrova", "Olga Petrova", "Petrova"]


def test_grouping_mentions_type_vote_fixes_minority_tag():
    text = "Lukashenka spoke. Lukashenka left. Lukashenka returned."
    ents = group_mentions(_mentions(text, [("Lukashenka", "PERSON"), ("Lukashenka", "LOC"), ("Lukashenka", "PERSON")]))
    assert len(ents) == 1 and ents[0].type == "PERSON"


def test_grouping_mentions_surname_never_joins_non_person():
    text = "Washington Post reported. Post said."
    ents = group_mentions(_mentions(text, [("Washington Post", "ORG"), ("Post", "PERSON")]))
    assert len(ents) == 2


def test_grouping_mentions_case_and_yo_insensitive():
    text = "Алексей Навальный. АЛЕКСЕЙ НАВАЛЬНЫЙ."
    ents = group_mentions(_mentions(text, [("Алексей Навальный", "PERSON"), ("АЛЕКСЕЙ НАВАЛЬНЫЙ", "PERSON")]))
    assert len(ents) == 1
