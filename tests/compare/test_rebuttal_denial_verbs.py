"""When a denial verb denies a claim, on token rows written for these tests (no models): its
object must be a that-clause or a claim noun heading its first noun group; a modal, "to", an
infinitive, a condition or a question makes it no assertion; a court or vote rejecting is a
legal act; a day or month never names the rebutter."""

from __future__ import annotations

import pytest

from rashomon.compare.rebuttal import _calendar_word, _irrealis_verb, _legal_act, _object_noun
from rashomon.model import Token


def _tokens(spec: str) -> list[Token]:
    """Tokens from 'text/POS[/lemma]' items separated by spaces (lemma defaults to the text)."""
    out, at = [], 0
    for k, item in enumerate(spec.split()):
        parts = item.split("/")
        text, pos = parts[0], parts[1]
        lemma = parts[2] if len(parts) > 2 else text.lower()
        out.append(Token(at, at + len(text), text, lemma, pos, "", k, 0))
        at += len(text) + 1
    return out


@pytest.mark.parametrize(
    "after,expected",
    [
        ("the/DET allegations/NOUN/allegation on/ADP Monday/PROPN", 1),
        ("the/DET Post/PROPN 's/PART damaging/ADJ reports/NOUN/report", 4),
        ("“/PUNCT claims/NOUN/claim ”/PUNCT", 1),
        ("эти/DET обвинения/NOUN/обвинение", 1),
        # not the direct object: the claim noun comes after another noun group or a preposition
        ("calls/NOUN/call for/ADP an/DET inquiry/NOUN into/ADP the/DET allegations/NOUN/allegation", None),
        ("him/PRON entry/NOUN ,/PUNCT citing/VERB/cite reports/NOUN/report", None),
        ("the/DET motion/NOUN", None),
        ("it/PRON", None),
    ],
)
def test_rebuttal_denial_verbs_object_noun(after, expected):
    toks = _tokens(after)
    assert _object_noun(toks, list(range(len(toks)))) == expected


@pytest.mark.parametrize(
    "sentence,verb_at,expected",
    [
        ("Brooks/PROPN denied/VERB/deny the/DET allegations/NOUN/allegation", 1, False),
        ("her/PRON lawyer/NOUN urged/VERB/urge her/PRON to/PART reject/VERB it/PRON", 5, True),
        ("she/PRON could/AUX refute/VERB the/DET claims/NOUN/claim at/ADP a/DET trial/NOUN", 2, True),
        ("he/PRON would/AUX flatly/ADV deny/VERB it/PRON", 3, True),
        ("if/SCONJ he/PRON denies/VERB/deny the/DET report/NOUN", 2, True),
        ("did/AUX/do he/PRON deny/VERB the/DET report/NOUN ?/PUNCT", 2, True),
        ("призвал/VERB/призвать опровергнуть/VERB/опровергнуть эти/DET сведения/NOUN/сведения", 1, True),
        ("министр/NOUN опроверг/VERB/опровергнуть эти/DET сведения/NOUN/сведения", 1, False),
    ],
)
def test_rebuttal_denial_verbs_irrealis(sentence, verb_at, expected):
    toks = _tokens(sentence)
    assert _irrealis_verb(toks, list(range(len(toks))), verb_at) is expected


@pytest.mark.parametrize(
    "sentence,verb_at,expected",
    [
        ("courts/NOUN/court dismissed/VERB/dismiss their/PRON claims/NOUN/claim", 1, True),
        ("the/DET judge/NOUN rejected/VERB/reject the/DET motion/NOUN", 2, True),
        ("суд/NOUN отверг/VERB/отвергнуть обвинения/NOUN/обвинение", 1, True),
        ("the/DET senator/NOUN rejected/VERB/reject the/DET claims/NOUN/claim", 2, False),
        # a court named in an earlier clause is not the subject
        ("after/ADP the/DET court/NOUN ruling/NOUN ,/PUNCT Brooks/PROPN rejected/VERB/reject the/DET claims/NOUN/claim", 6, False),
    ],
)
def test_rebuttal_denial_verbs_legal_act(sentence, verb_at, expected):
    toks = _tokens(sentence)
    assert _legal_act(toks, list(range(len(toks))), verb_at) is expected


@pytest.mark.parametrize(
    "word,expected",
    [("Monday", True), ("Tuesday", True), ("March", True), ("марта", True), ("среду", True),
     ("Brooks", False), ("Trump", False), ("Мартынов", False), ("Marchetti", False)],
)
def test_rebuttal_denial_verbs_calendar_words_name_no_rebutter(word, expected):
    assert _calendar_word(word) is expected
