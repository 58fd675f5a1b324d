"""A date written before its clause ("On Wednesday, the House voted …") has no content word in its
window, so it meets no other day. Anchoring it on the word it is said of in the parse found these
conflicts, and on real news only wrong ones (two arrests of two people, a tweet and a video on two
days; docs/quality_history.md, session 53): the positives are expected failures until "one event"
means more than one verb."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow

_TAIL = " The bill now goes to the Senate, where its fate is unclear."
_UNANCHORED = pytest.mark.xfail(strict=True, reason="a fronted date has no anchor (session 53: anchoring it on its "
                                                    "head added only wrong candidates on real news)")


@pytest.mark.parametrize(
    "a,b,conflict",
    [
        pytest.param("The House of Representatives voted on the spending bill on Tuesday.",
                     "On Wednesday, the House of Representatives voted on the spending bill.", True, marks=_UNANCHORED),
        pytest.param("On Tuesday, the House of Representatives voted on the spending bill.",
                     "On Wednesday, the House of Representatives voted on the spending bill.", True, marks=_UNANCHORED),
        pytest.param("Во вторник депутаты Государственной думы приняли закон о митингах.",
                     "Депутаты Государственной думы приняли закон о митингах в среду.", True, marks=_UNANCHORED),
        # a date after its verb is anchored by it: found
        ("The House of Representatives voted on the spending bill on Tuesday.",
         "The House of Representatives voted on the spending bill on Wednesday.", True),
        # the same day both ways: nothing to report
        ("The House of Representatives voted on the spending bill on Tuesday.",
         "On Tuesday, the House of Representatives voted on the spending bill.", False),
        # the day someone spoke is not the day of the event
        ("The House of Representatives voted on the spending bill on Tuesday.",
         "On Wednesday, the speaker said the House of Representatives voted on the spending bill.", False),
        # two acts: a debate began one day, a vote took place another
        ("The House of Representatives voted on the spending bill on Tuesday.",
         "On Monday, the House of Representatives began the debate on the spending bill.", False),
    ],
)
def test_detect_fronted_dates_meet_no_other_day(analyzer, a, b, conflict):
    arts = [analyzer.analyze_text(t + _TAIL, source=f"f{k}") for k, t in enumerate((a, b))]
    found = [c for c in compare_articles(arts, min_confidence=0.0).conflicts if c.kind == "date"]
    assert bool(found) is conflict, [c.why for c in found]
