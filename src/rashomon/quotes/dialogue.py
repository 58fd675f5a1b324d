"""Russian-style dialogue dashes with no quotation marks:

    — Мы не допустим провокаций, — заявил Лукашенко. — Всё под контролем.

The text between the opening dash and ", —" is the quote; the speech verb after the second
dash gives cue and speaker; text after ". —" continues the same speaker's quote.
"""

from __future__ import annotations

import re

from ..model import Article
from ..syntax import SyntaxView
from .direct import speaker_token
from .lexicon import QuoteLexicon
from .reported import Attribution, source_span

_DASHES = "—–"
# ", — " / "! — " / "? — " / "… — " / ". — " between a quote and the author's words.
_BREAK = re.compile(r"([,!?…]|\.)\s+[—–]\s+")


def dialogue_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """Quotes in paragraphs that open with a dialogue dash and name the speaker after a second dash."""
    text = article.text
    out: list[Attribution] = []
    for para in article.paragraphs:
        if para.text[:1] not in _DASHES:
            continue
        body_start = para.start + 1
        while body_start < para.end and text[body_start].isspace():
            body_start += 1
        m = _BREAK.search(text, body_start, para.end)
        if m is None:
            continue
        author_start = m.end()
        cue = _first_speech_verb(view, lex, author_start, min(para.end, author_start + 60))
        if cue is None:
            continue
        verb = view.tokens[cue]
        subj = speaker_token(view, cue)
        src = source_span(view, subj) if subj is not None and view.tokens[subj].start >= author_start else None
        if src is None:
            after = [x for x in article.mentions if verb.end <= x.start <= verb.end + 30 and x.type in ("PERSON", "ORG")]
            src = (after[0].start, after[0].end) if after else None
        content_end = m.start() + (1 if m.group(1) in "!?…" else 0)
        out.append(Attribution((body_start, content_end), (verb.start, verb.end), src, subj, "dialogue"))
        # ". — Всё под контролем." after the attribution continues the quote.
        tail = re.compile(r"\.\s+[—–]\s+").search(text, verb.end, para.end)
        if tail is not None and tail.end() < para.end:
            end = para.end
            out.append(Attribution((tail.end(), end), (verb.start, verb.end), src, subj, "dialogue:continued"))
    return out


def _first_speech_verb(view: SyntaxView, lex: QuoteLexicon, start: int, end: int) -> int | None:
    for i in view.tokens_in(start, end):
        tok = view.tokens[i]
        if tok.pos in ("VERB", "AUX") and tok.lemma.lower() in lex.speech:
            return i
    return None
