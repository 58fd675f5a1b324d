"""Whose words a statement is when its quotation names no entity (sentences written for these
tests, real models): a quotation is never the author's own voice, whatever the speaker step
found; a sentence merely quoting a phrase still is the author's; and such a speaker keeps the
author's key, so a speaker nobody identified is not set against their own article. A bare frame
around a quote ("Mayor Tim Oak said on Thursday") agrees with nothing."""

from __future__ import annotations

import pytest

from rashomon.compare import _clusters
from rashomon.compare.units import author_name, build_units

pytestmark = pytest.mark.slow


def _units(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"q{k}") for k, t in enumerate(texts)]
    clusters = _clusters(arts)
    cluster_of = {m: c.id for c in clusters for m in c.members}
    return arts, build_units(arts, cluster_of, {c.id: c.type for c in clusters})


@pytest.mark.parametrize(
    "text,fragment,source",
    [
        # A quotation after an unattributed frame ("…?" then a verb that is no speech verb).
        ("Mayor Tim Oak met the council on Monday.\n\n\"What have you been doing all year?\" he went on, pointing at "
         "the council. \"You have been debating a statue for the park. That is not putting people back to work.\"",
         "debating a statue", None),
        # A speaker no entity names keeps its own words.
        ("The border will reopen in May, an aide said on Monday.", "border will reopen", "an aide"),
        # A bare pronoun nobody resolved names no one («Они выяснили, что …» without a name before).
        ("Они выяснили, что граница откроется в мае после долгого перерыва.", "граница откроется",
         "an unnamed speaker"),
        # Negatives: the author's sentence quoting a phrase, and the author's plain sentence.
        ("The council called the plan a \"bold step\" and voted for it on Monday after a long debate.",
         "voted for it", "author"),
        ("The council voted for the plan on Monday after a long debate in the town hall.", "voted for", "author"),
    ],
    ids=["unattributed-continuation", "unnamed-speaker", "unresolved-pronoun", "quoted-phrase", "plain"],
)
def test_units_quoted_sources_never_the_author(analyzer, text, fragment, source):
    arts, units = _units(analyzer, text)
    unit = next(u for u in units if fragment in u.claim.text)
    if source == "author":
        assert unit.source == author_name(arts[0])
    else:
        assert unit.source != author_name(arts[0])
        if source is not None:
            assert unit.source == source
    # Conflicts still treat an unidentified speaker as one with their article.
    assert unit.source_key == f"author:{arts[0].id}"



@pytest.mark.parametrize(
    "frame_a,frame_b,agree",
    [
        # Two bare frames read alike whatever was said inside them: no agreement.
        ("Mayor Tim Oak said on Thursday in Springfield.", "Mayor Tim Oak said on Thursday in Springfield.", False),
        # A frame with a verb of its own states something both report.
        ("Mayor Tim Oak said after he met Governor Ann Lee on Thursday.",
         "Mayor Tim Oak said after he met Governor Ann Lee on Thursday.", True),
    ],
    ids=["bare-frames", "frames-with-a-fact"],
)
def test_units_quoted_sources_bare_frames_do_not_agree(analyzer, frame_a, frame_b, agree):
    from rashomon.compare import compare_articles

    # Quotations the claims layer keeps (a figure), so the frames are what is left around them.
    a = analyzer.analyze_text(f"“The new bridge will cost the city of Springfield $40 million,” {frame_a}", source="fa")
    b = analyzer.analyze_text(f"“Property taxes in Springfield will fall by 12 percent next year,” {frame_b}", source="fb")
    found = compare_articles([a, b]).agreements
    assert any("Thursday" in p.text for f in found for p in f.positions) is agree
