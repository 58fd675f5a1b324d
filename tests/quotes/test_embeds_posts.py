"""An embedded post ("… pic.twitter.com/x — Jane Roe (@janeroe) October 6, 2017") is a direct
quote of the name before the handle. Posts written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("The sheriff spoke on Friday.\n\nPolice misled the public about the date. pic.twitter.com/Ab12Cd "
     "— Jane Roe (@janeroe) October 6, 2017\n",
     [("Police misled the public about the date.", "Jane Roe", "@janeroe")]),
    # A link ends the post; an abbreviated month and a title before the name.
    ("The sheriff spoke on Friday.\n\nBorder security is national security. https://t.co/x1Y2 "
     "— Sec. Tom Harlow (@SecHarlow) Nov. 2, 2018\n",
     [("Border security is national security.", "Tom Harlow", "@SecHarlow")]),
    # A quotation the post attributes stays its speaker's, inside the post.
    ("The sheriff spoke on Friday.\n\nHarlow said “the vote was rigged” — Jane Roe (@janeroe) May 5, 2018\n",
     [("Harlow said “the vote was rigged”", "Jane Roe", "@janeroe"), ("the vote was rigged", "Harlow", "said")]),
    # Negatives: a byline with the post's text in the lines above, and a dash with no handle and date.
    ("The sheriff spoke on Friday.\n\npic.twitter.com/Ab12Cd — Jane Roe (@janeroe) October 6, 2017\n", []),
    ("The sheriff spoke on Friday.\n\nThe vote was close — Jane Roe, a voter, on Monday.\n", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][30:70] for c in CASES])
def test_embeds_posts(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.content.text.strip("“”"), q.speaker_name, q.cue.text if q.cue else None) for q in art.quotes
           if not (q.cue and q.cue.text == "spoke")]
    for content, speaker, cue in expected:
        assert any(c == content.strip("“”") and s is not None and speaker in s and k == cue for c, s, k in got), got
    if not expected:
        assert not any(k and k.startswith("@") for _, _, k in got), got
    for q in art.quotes:
        assert art.text[q.content.start : q.content.end] == q.content.text
