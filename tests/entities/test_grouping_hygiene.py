"""Entity hygiene in grouping: a place is not merged into a longer place holding it, one
organisation is one entity, and editorial brackets never reach an alias."""

from __future__ import annotations

import pytest

from rashomon.entities.grouping import group_mentions, strip_editorial, variant_same
from rashomon.model import Mention


def _mentions(text, items):
    out, pos = [], 0
    for name, typ, normal in items:
        s = text.index(name, pos)
        out.append(Mention(s, s + len(name), name, typ, normal or name, typ))
        pos = s + len(name)
    return out


@pytest.mark.parametrize(
    "text,items,groups",
    [
        # A place inside a longer place stays apart ...
        ("Northern Italy is calm. Italy voted.", [("Northern Italy", "LOC", None), ("Italy", "LOC", None)],
         [["Northern Italy"], ["Italy"]]),
        ("New York and York differ.", [("New York", "LOC", None), ("York", "LOC", None)], [["New York"], ["York"]]),
        # ... while spelling variants of one place still join, and so do an organisation's forms.
        ("Homel and Homiel.", [("Homel", "LOC", None), ("Homiel", "LOC", None)], [["Homel", "Homiel"]]),
        ("The Polish ABW said. The ABW added.", [("Polish ABW", "ORG", None), ("ABW", "ORG", None)],
         [["Polish ABW", "ABW"]]),
    ],
)
def test_grouping_hygiene_places_and_organisations(text, items, groups):
    ents = group_mentions(_mentions(text, items), variant_same)
    assert [[m.text for m in e.mentions] for e in ents] == groups


def test_grouping_hygiene_editorial_brackets_not_in_aliases():
    text = "[Ivan] Sidorov and Sidorov."
    ents = group_mentions(_mentions(text, [("[Ivan] Sidorov", "PERSON", "Ivan Sidorov"), ("Sidorov", "PERSON", None)]),
                          variant_same)
    assert len(ents) == 1
    assert ents[0].name == "Ivan Sidorov"
    assert all("[" not in a and "]" not in a for a in ents[0].aliases)
    assert ents[0].mentions[0].text == "[Ivan] Sidorov"  # the span itself is untouched


@pytest.mark.parametrize("raw,clean", [("[Ivan] Sidorov", "Ivan Sidorov"), ("Ivan [Petrovich] Sidorov", "Ivan Petrovich Sidorov"),
                                       ("Ivan Sidorov", "Ivan Sidorov"), ("[Иван]  Сидоров", "Иван Сидоров")])
def test_grouping_hygiene_strip_editorial(raw, clean):
    assert strip_editorial(raw) == clean


@pytest.mark.parametrize(
    "text,items,groups,types",
    [
        # A lone surname the model typed as a place joins its full name and becomes a person ...
        ("Sen. Al Franken spoke. Franken said no. Later Franken left.",
         [("Al Franken", "PERSON", None), ("Franken", "LOC", None), ("Franken", "LOC", None)],
         [["Al Franken", "Franken", "Franken"]], ["PERSON"]),
        # A possessive after a preposition is the person's ("from Franken's office"), not a place.
        ("Sen. Al Franken spoke. A letter came from Franken's office. Franken said no.",
         [("Al Franken", "PERSON", None), ("Franken", "LOC", None), ("Franken", "LOC", None)],
         [["Al Franken", "Franken", "Franken"]], ["PERSON"]),
        # ... but not one written after a preposition of place, a nation's name or initials.
        ("George Washington was born in Virginia. He died far from Washington.",
         [("George Washington", "PERSON", None), ("Virginia", "LOC", None), ("Washington", "LOC", None)],
         [["George Washington"], ["Virginia"], ["Washington"]], ["PERSON", "LOC", "LOC"]),
        ("Orders U.S came. The U.S replied.", [("Orders U.S", "PERSON", None), ("U.S", "LOC", None)],
         [["Orders U.S"], ["U.S"]], ["PERSON", "LOC"]),
        ("Анри Франция приехал. Франция ответила.", [("Анри Франция", "PERSON", None), ("Франция", "LOC", None)],
         [["Анри Франция"], ["Франция"]], ["PERSON", "LOC"]),
    ],
)
def test_grouping_hygiene_place_typed_surnames(text, items, groups, types):
    ents = group_mentions(_mentions(text, items), variant_same, text)
    assert [[m.text for m in e.mentions] for e in ents] == groups
    assert [e.type for e in ents] == types


def test_grouping_hygiene_place_typed_surname_needs_text():
    # Without the article's text nothing shows how the word was used: it stays a place.
    text = "Al Franken spoke. Franken said no."
    ents = group_mentions(_mentions(text, [("Al Franken", "PERSON", None), ("Franken", "LOC", None)]), variant_same)
    assert [e.type for e in ents] == ["PERSON", "LOC"]
