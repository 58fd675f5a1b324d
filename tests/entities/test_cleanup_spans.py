"""Backend mention spans are trimmed to the name: no 'the', possessive, brackets or credits."""

from __future__ import annotations

import pytest

from rashomon.entities.cleanup import POSSESSED, clean_mentions
from rashomon.model import Mention


def _m(text, sub, typ="PERSON"):
    s = text.index(sub)
    return Mention(s, s + len(sub), sub, typ, sub, typ)


@pytest.mark.parametrize(
    "text,sub,expected",
    [
        ("talks with the European Union today", "the European Union", ["European Union"]),
        ("Vladimir Putin’s loud statements", "Vladimir Putin’s", ["Vladimir Putin"]),
        ("Aleksandr Lukashenko‘s entourage", "Lukashenko‘s", ["Lukashenko"]),
        ("Photos: Nikolai Petrov / TASS / Forum", "Nikolai Petrov / TASS / Forum", ["Nikolai Petrov", "TASS", "Forum"]),
        ("about Lukashenka\n\nObviously it", "Lukashenka\n\nObviously", ["Lukashenka", "Obviously"]),
        ("[Alyaksandr] Fyaduta were", "Alyaksandr] Fyaduta", ["Alyaksandr", "Fyaduta"]),
        ("a “quoted” word", "“quoted”", ["quoted"]),
        ("costs 2021", "2021", []),
        # a spaced dash is no part of a name: what it cuts off stays only if it names something
        ("he is weak on crime. Weak - Rubio - weak on crime", "Weak - Rubio", ["Rubio"]),
        ("Robert Barr - won the seat", "Robert Barr - won", ["Robert Barr"]),
        ("Trump - 60 percent of them", "Trump - 60 percent", ["Trump"]),
        ("Marilou Danley - Paddock said", "Marilou Danley - Paddock", ["Marilou Danley", "Paddock"]),
        ("ROME \u2014 Bernie Sanders said", "ROME \u2014 Bernie Sanders", ["ROME", "Bernie Sanders"]),
        # a hyphen inside a name is no spaced dash
        ("Jean-Luc Picard said", "Jean-Luc Picard", ["Jean-Luc Picard"]),
        ("Иван Петров \u2014 глава района", "Иван Петров \u2014 глава", ["Иван Петров"]),
        # a name and its bracketed acronym or original are two mentions (session 46)
        ("The National Rifle Association (N.R.A.) said", "National Rifle Association (N.R.A", ["National Rifle Association", "N.R.A"]),
        ("эксперт Мика Аалтола (Mika Aaltola) считает", "Мика Аалтола (Mika Aaltola", ["Мика Аалтола", "Mika Aaltola"]),
        # an office before a person's name is not the name; a name of two words stays whole
        ("NJ Gov Chris Christie said", "NJ Gov Chris Christie", ["Chris Christie"]),
        ("Sen. Al Franken said", "Sen. Al Franken", ["Al Franken"]),
        ("Gov. Christie said", "Gov. Christie", ["Gov. Christie"]),
    ],
)
def test_cleanup_spans_table(text, sub, expected):
    out = clean_mentions(text, [_m(text, sub)])
    assert [m.text for m in out] == expected
    for m in out:
        assert text[m.start : m.end] == m.text


def test_cleanup_spans_possessive_inside_marks_the_possessed_part():
    text = "Like on Kiev’s Maidan, where"
    out = clean_mentions(text, [_m(text, "Kiev’s Maidan")])
    assert [(m.text, m.label.endswith(POSSESSED)) for m in out] == [("Kiev", False), ("Maidan", True)]


def test_cleanup_spans_cyrillic_name_keeps_its_dash():
    # Party names hold a spaced dash («Справедливая Россия — За правду»): kept whole outside persons.
    text = "депутаты партии Справедливая Россия \u2014 За правду заявили"
    out = clean_mentions(text, [_m(text, "Справедливая Россия \u2014 За правду", "ORG")])
    assert [m.text for m in out] == ["Справедливая Россия \u2014 За правду"]


def test_cleanup_spans_keeps_russian_normal_form():
    text = "встреча с Дмитрием Песковым."
    s = text.index("Дмитрием")
    m = Mention(s, s + len("Дмитрием Песковым"), "Дмитрием Песковым", "PERSON", "Дмитрий Песков", "PER")
    (out,) = clean_mentions(text, [m])
    assert out.normal == "Дмитрий Песков"


def test_cleanup_spans_bracket_split_keeps_russian_normal_form():
    # «Всемирной торговой организации (ВТО)»: the name before the bracket keeps the nominative.
    text = "членом Всемирной торговой организации (ВТО) стала"
    s = text.index("Всемирной")
    e = text.index(")") + 1
    m = Mention(s, e, text[s:e], "ORG", "Всемирная торговая организация (ВТО)", "ORG")
    out = clean_mentions(text, [m])
    assert [(x.text, x.normal) for x in out] == [("Всемирной торговой организации", "Всемирная торговая организация"),
                                                   ("ВТО", "ВТО")]
