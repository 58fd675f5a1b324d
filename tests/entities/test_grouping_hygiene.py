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


@pytest.mark.parametrize(
    "text,items,groups,types",
    [
        # A surname with its particle or generation joins the one full name it ends ...
        ("Kevin de Léon spoke. Later de Léon left.", [("Kevin de Léon", "PERSON", None), ("de Léon", "PERSON", None)],
         [["Kevin de Léon", "de Léon"]], ["PERSON"]),
        ("Donald Trump Jr spoke. Trump Jr left.", [("Donald Trump Jr", "PERSON", None), ("Trump Jr", "PERSON", None)],
         [["Donald Trump Jr", "Trump Jr"]], ["PERSON"]),
        ("Урсула фон дер Ляйен прибыла. фон дер Ляйен сказала.",
         [("Урсула фон дер Ляйен", "PERSON", None), ("фон дер Ляйен", "PERSON", None)],
         [["Урсула фон дер Ляйен", "фон дер Ляйен"]], ["PERSON"]),
        # ... so does what follows listed given names ...
        ("Debbie Wasserman Schultz spoke. Wasserman Schultz left.",
         [("Debbie Wasserman Schultz", "PERSON", None), ("Wasserman Schultz", "PERSON", None)],
         [["Debbie Wasserman Schultz", "Wasserman Schultz"]], ["PERSON"]),
        # ... but a full name is not shortened from a headline's label or from two names run together,
        ("Abuser Keith Ellison. Keith Ellison said no.",
         [("Abuser Keith Ellison", "PERSON", None), ("Keith Ellison", "PERSON", None)],
         [["Abuser Keith Ellison"], ["Keith Ellison"]], ["PERSON", "PERSON"]),
        ("John Bolton Richard Grenell met. Richard Grenell left.",
         [("John Bolton Richard Grenell", "PERSON", None), ("Richard Grenell", "PERSON", None)],
         [["John Bolton Richard Grenell"], ["Richard Grenell"]], ["PERSON", "PERSON"]),
        # nor joined to one of two full names it ends.
        ("Hunter de Léon and Kevin de Léon. de Léon left.",
         [("Hunter de Léon", "PERSON", None), ("Kevin de Léon", "PERSON", None), ("de Léon", "PERSON", None)],
         [["Hunter de Léon"], ["Kevin de Léon"], ["de Léon"]], ["PERSON", "PERSON", "PERSON"]),
        # An organisation without its nation word is the same organisation ...
        ("The US State Department said. The State Department added.",
         [("US State Department", "ORG", None), ("State Department", "ORG", None)],
         [["US State Department", "State Department"]], ["ORG"]),
        ("Американский Институт Гаттмахера сообщил. Институт Гаттмахера добавил.",
         [("Американский Институт Гаттмахера", "ORG", None), ("Институт Гаттмахера", "ORG", "Институт Гаттмахера")],
         [["Американский Институт Гаттмахера", "Институт Гаттмахера"]], ["ORG"]),
        # ... but not without a place that is no nation.
        ("The Alabama Supreme Court ruled. The Supreme Court declined.",
         [("Alabama Supreme Court", "ORG", None), ("Supreme Court", "ORG", None)],
         [["Alabama Supreme Court"], ["Supreme Court"]], ["ORG", "ORG"]),
        # A person's full name the model typed ORG once joins the surname it typed PERSON more often ...
        ("Nikki Haley spoke. Haley said no. Haley left.",
         [("Nikki Haley", "ORG", None), ("Haley", "PERSON", None), ("Haley", "PERSON", None)],
         [["Nikki Haley", "Haley", "Haley"]], ["PERSON"]),
        # ... a newspaper does not, and neither does a full name said as often as the surname.
        ("The Cincinnati Enquirer reported. Enquirer said. Enquirer added.",
         [("Cincinnati Enquirer", "ORG", None), ("Enquirer", "PERSON", None), ("Enquirer", "PERSON", None)],
         [["Cincinnati Enquirer"], ["Enquirer", "Enquirer"]], ["ORG", "PERSON"]),
        ("Nikki Haley spoke. Haley said no.", [("Nikki Haley", "ORG", None), ("Haley", "PERSON", None)],
         [["Nikki Haley"], ["Haley"]], ["ORG", "PERSON"]),
    ],
)
def test_grouping_hygiene_shortened_names(text, items, groups, types):
    ents = group_mentions(_mentions(text, items), variant_same, text)
    assert [[m.text for m in e.mentions] for e in ents] == groups
    assert [e.type for e in ents] == types


def test_grouping_hygiene_shortened_names_meet_only_their_hosts(monkeypatch):
    # An article of thousands of names: a shortened name is compared only with the names it ends
    # (the soak's entity-heavy worst case grew x3 per doubling when every pair was compared).
    import rashomon.entities.grouping as grouping

    calls = []
    real = grouping._shortens
    monkeypatch.setattr(grouping, "_shortens", lambda *a: calls.append(a) or real(*a))
    import random

    rng = random.Random(7)
    word = lambda: "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)).title()  # noqa: E731
    n = 600
    names = sorted({f"{word()} {word()}" for _ in range(n)})
    n = len(names)
    parts = [f"US {x}" for x in names] + names
    text = ". ".join(parts) + "."
    ents = group_mentions(_mentions(text, [(p, "ORG", None) for p in parts]), variant_same, text)
    assert len(ents) == n  # each short name joined its one host
    assert len(calls) <= 2 * n


@pytest.mark.parametrize(
    "text,items,groups,names",
    [
        # One country by its listed names is one entity, named by its most frequent form ...
        ("The U.S. said. The United States agreed.", [("U.S", "LOC", None), ("United States", "LOC", None)],
         [["U.S", "United States"]], ["United States"]),
        ("The US said. The United States and the US agreed.",
         [("US", "LOC", None), ("United States", "LOC", None), ("US", "LOC", None)],
         [["US", "United States", "US"]], ["US"]),
        ("Russia spoke. Russia and the Russian Federation agreed.",
         [("Russia", "LOC", None), ("Russia", "LOC", None), ("Russian Federation", "LOC", None)],
         [["Russia", "Russia", "Russian Federation"]], ["Russia"]),
        ("Россия и РФ договорились.", [("Россия", "LOC", None), ("РФ", "LOC", None)], [["Россия", "РФ"]], ["Россия"]),
        # ... but a short form only as written, and not an unlisted longer place.
        ("The United States and Prasviet (World and Us).", [("United States", "LOC", None), ("Us", "LOC", None)],
         [["United States"], ["Us"]], ["United States", "Us"]),
        ("Homel and the Homiel region.", [("Homel", "LOC", None), ("Homiel region", "LOC", None)],
         [["Homel"], ["Homiel region"]], ["Homel", "Homiel region"]),
        # A first name and patronymic join the one person named in full with that first name ...
        ("Vladimir Putin spoke. Vladimir Vladimirovich is convinced.",
         [("Vladimir Putin", "PERSON", None), ("Vladimir Vladimirovich", "PERSON", None)],
         [["Vladimir Putin", "Vladimir Vladimirovich"]], ["Vladimir Putin"]),
        ("Александр Лукашенко выступил. Александр Григорьевич добавил.",
         [("Александр Лукашенко", "PERSON", None), ("Александр Григорьевич", "PERSON", None)],
         [["Александр Лукашенко", "Александр Григорьевич"]], ["Александр Лукашенко"]),
        # ... not one of two such persons, and a surname ending like a patronymic is no patronymic.
        ("Vladimir Putin and Vladimir Zelensky met. Vladimir Vladimirovich smiled.",
         [("Vladimir Putin", "PERSON", None), ("Vladimir Zelensky", "PERSON", None), ("Vladimir Vladimirovich", "PERSON", None)],
         [["Vladimir Putin"], ["Vladimir Zelensky"], ["Vladimir Vladimirovich"]],
         ["Vladimir Putin", "Vladimir Zelensky", "Vladimir Vladimirovich"]),
        ("Yury Ivanov spoke. Yury Zyankovich left.",
         [("Yury Ivanov", "PERSON", None), ("Yury Zyankovich", "PERSON", None)],
         [["Yury Ivanov"], ["Yury Zyankovich"]], ["Yury Ivanov", "Yury Zyankovich"]),
    ],
)
def test_grouping_hygiene_one_place_one_person(text, items, groups, names):
    ents = group_mentions(_mentions(text, items), variant_same, text)
    assert [[m.text for m in e.mentions] for e in ents] == groups
    assert [e.name for e in ents] == names


@pytest.mark.parametrize(
    "text,items,groups",
    [
        # One person written in different cases, whose normal forms the lemmatizer got wrong ...
        ("Олафа Шольца встретили. Олафу Шольцу рассказали. Шольц ответил.",
         [("Олафа Шольца", "PERSON", "Олафа Шолец"), ("Олафу Шольцу", "PERSON", "Олафу Шолец"), ("Шольц", "PERSON", "Шольц")],
         [["Олафа Шольца", "Олафу Шольцу", "Шольц"]]),
        ("Эка Гигаури сказала. Эку Гигаури спросили.",
         [("Эка Гигаури", "PERSON", "Эка Гигаури"), ("Эку Гигаури", "PERSON", "Эку Гигаури")],
         [["Эка Гигаури", "Эку Гигаури"]]),
        # ... but two people of one surname stay two, and a man's surname is not a woman's.
        ("Игорь Иванов и Анна Иванова пришли.",
         [("Игорь Иванов", "PERSON", None), ("Анна Иванова", "PERSON", None)],
         [["Игорь Иванов"], ["Анна Иванова"]]),
        ("Олеся Медведева написала. Медведев ответил.",
         [("Олеся Медведева", "PERSON", None), ("Медведев", "PERSON", None)],
         [["Олеся Медведева"], ["Медведев"]]),
    ],
)
def test_grouping_hygiene_inflected_russian_names(text, items, groups):
    ents = group_mentions(_mentions(text, items), variant_same, text)
    assert [[m.text for m in e.mentions] for e in ents] == groups


@pytest.mark.parametrize(
    "text,items,groups,types",
    [
        # An acronym joins the one organisation it abbreviates, and takes its type ...
        ("The Federal Bureau of Investigation said. The F.B.I. added.",
         [("Federal Bureau of Investigation", "ORG", None), ("F.B.I", "LOC", None)],
         [["Federal Bureau of Investigation", "F.B.I"]], ["ORG"]),
        ("Министерство иностранных дел сообщило. В МИД добавили.",
         [("Министерство иностранных дел", "ORG", None), ("МИД", "ORG", None)],
         [["Министерство иностранных дел", "МИД"]], ["ORG"]),
        # ... not one of two it fits, not a listed place's short form, not from an abbreviated word.
        ("The Federal Bureau of Investigation and the Foreign Broadcast Information office. The FBI said.",
         [("Federal Bureau of Investigation", "ORG", None), ("Foreign Broadcast Information", "ORG", None), ("FBI", "ORG", None)],
         [["Federal Bureau of Investigation"], ["Foreign Broadcast Information"], ["FBI"]], ["ORG", "ORG", "ORG"]),
        ("Евразийский союз и ЕС спорят.", [("Евразийский союз", "ORG", None), ("ЕС", "LOC", None)],
         [["Евразийский союз"], ["ЕС"]], ["ORG", "LOC"]),
        ("The U.S. Senate voted. The US objected.", [("U.S. Senate", "ORG", None), ("US", "LOC", None)],
         [["U.S. Senate"], ["US"]], ["ORG", "LOC"]),
    ],
)
def test_grouping_hygiene_acronyms(text, items, groups, types):
    ents = group_mentions(_mentions(text, items), variant_same, text)
    assert [[m.text for m in e.mentions] for e in ents] == groups
    assert [e.type for e in ents] == types
