"""Which figures a statement holds (sentences written for these tests, real models): a figure
that starts inside the statement is its own, even where its scale word stands outside the
quotation the statement is; figures of other sentences are not."""

from __future__ import annotations

import pytest

from rashomon.compare import _clusters
from rashomon.compare.units import build_units

pytestmark = pytest.mark.slow


def _units(analyzer, text):
    art = analyzer.analyze_text(text, source="f0")
    clusters = _clusters([art])
    cluster_of = {m: c.id for c in clusters for m in c.members}
    return art, build_units([art], cluster_of, {c.id: c.type for c in clusters})


@pytest.mark.parametrize(
    "text,fragment,figures",
    [
        # the quotation ends inside the figure: “… $5.6” billion
        ("The talks stalled on Friday.\n\n\u201cNo, not $2.5 billion, no \u2014 we\u2019re asking for $5.6\u201d billion, "
         "Mr. Hill said during a cabinet meeting, hours before the briefing.", "asking for",
         ["$2.5 billion", "$5.6\u201d billion"]),
        ("Переговоры зашли в тупик.\n\n\u00abНам нужно 40\u00bb млн рублей на ремонт моста, заявил мэр города.",
         "Нам нужно", ["40\u00bb млн рублей"]),
        # negative: a figure of the next sentence is not this statement's
        ("The mayor said the bridge would reopen soon. Repairs cost $3 million last year.", "reopen soon", []),
    ],
    ids=["en-scale-outside-quote", "ru-scale-outside-quote", "next-sentence"],
)
def test_units_figures_start_inside(analyzer, text, fragment, figures):
    art, units = _units(analyzer, text)
    (unit,) = [u for u in units if fragment in u.claim.text]
    assert [q.text for q in unit.quantities] == figures
    assert all(art.text[q.start : q.end] == q.text for q in unit.quantities)
