"""One organisation named two ways in one article is one entity: nicknames and short forms listed in
lang/orgs/aliases.tsv ("GOP" / "Republican Party", «Госдума» / «Государственная дума») and place
lines read for organisations ("EU" / "European Union"). Sentences written for this test."""

from __future__ import annotations

import pytest

from rashomon.entities.exonyms import org_group


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("GOP", "Republican Party", True),
        ("ФСБ", "Федеральная служба безопасности", True),
        ("НАТО", "North Atlantic Treaty Organization", True),
        ("NATO", "Republican Party", False),
    ],
)
def test_grouping_org_aliases_table(a, b, same):
    ga, gb = org_group(a), org_group(b)
    assert ga is not None and gb is not None
    assert (ga == gb) is same


@pytest.mark.parametrize("name", ["Acme Widgets Incorporated", "Минздрав", "МИД", "Министерство обороны"])
def test_grouping_org_aliases_unlisted_is_none(name):
    # A ministry's short form names a different ministry in each country: not listed.
    assert org_group(name) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,together",
    [
        ("The European Union imposed sanctions on Monday. The EU said the measures would last a year.",
         ("European Union", "EU")),
        ("The Republican Party met in Ohio. GOP leaders said the party was united.", ("Republican Party", "GOP")),
        ("Государственная дума приняла закон в среду. Госдума также отклонила две поправки.",
         ("Государственная дума", "Госдума")),
    ],
)
def test_grouping_org_aliases_one_entity(analyzer, text, together):
    art = analyzer.analyze_text(text)
    holding = [e for e in art.entities if {m.text for m in e.mentions} & set(together)]
    assert len(holding) == 1 and {m.text for m in holding[0].mentions} >= set(together), \
        [(e.name, [m.text for m in e.mentions]) for e in art.entities]


@pytest.mark.slow
def test_grouping_org_aliases_two_listed_organisations_stay_two(analyzer):
    art = analyzer.analyze_text("NATO and the European Union met in Brussels. The EU and NATO agreed on nothing.")
    names = {frozenset(m.text for m in e.mentions) for e in art.entities if e.type == "ORG"}
    assert not any({"NATO", "EU"} <= n for n in names), names
