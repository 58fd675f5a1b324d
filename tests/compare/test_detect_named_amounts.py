"""One named thing priced two ways across outlets, even inside lists of figures (session 55;
texts written for these tests, real models): "$5,687.75 on the Lakeside Holistic Retreat" against
"a $5,587.75 vacation at the Lakeside Holistic Retreat"."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow

LIST = ("Records disclosed Wednesday showed that the congressman's campaign paid $4,272.78 on the Northern Star "
        "cruise, $2,306.08 at Pine Valley Park and $5,687.75 on the Lakeside Holistic Retreat.")


def _quantities(analyzer, a, b):
    arts = [analyzer.analyze_text(t, source=f"t{k}") for k, t in enumerate((a, b))]
    res = compare_articles(arts, min_confidence=0.0)
    return [c for c in res.conflicts if c.kind == "quantity"]


@pytest.mark.parametrize(
    "other,amounts",
    [
        # the same retreat, another amount, in another outlet's list
        ("The congressman used the money for things like a $466.30 dinner at the Harbor Grill and a $5,587.75 "
         "vacation at the Lakeside Holistic Retreat, the filing said.", {"$5,687.75", "$5,587.75"}),
        # the same amount: no conflict
        ("The congressman used the money for things like a $466.30 dinner at the Harbor Grill and a $5,687.75 "
         "vacation at the Lakeside Holistic Retreat, the filing said.", None),
        # another named thing: no conflict
        ("The congressman used the money for things like a $466.30 dinner at the Harbor Grill and a $5,587.75 "
         "vacation at the Mountain Spa Resort, the filing said.", None),
    ],
    ids=["same-name-other-amount", "same-amount", "other-name"],
)
def test_detect_named_amounts(analyzer, other, amounts):
    found = _quantities(analyzer, LIST, other)
    named = [c for c in found if c.frame and "Lakeside Holistic Retreat" in c.frame]
    if amounts is None:
        assert named == []
    else:
        assert named and {p.text for p in named[0].positions} == amounts
        assert all(p.text == p.text.strip() for p in named[0].positions)
