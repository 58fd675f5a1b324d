"""What the comparison sees of each claim: its source, the corpus entities and places it
mentions, its event class and predicates, who it says acted, its polarity and modality, and
its quantities and dates. Word lists are language data (lang/<code>/)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..intervals import trim_space
from ..lang import load_list, load_table, load_words
from ..model import Article, Claim, DateRef, Quantity, Token
from ..syntax import SyntaxView
from ..wordpatterns import whole_words

# Words that end an agent phrase: "… by Belarusian generals with the support of the US, while …".
_AGENT_STOP = re.compile(r"[,.;:!?()]|\s(?:while|whereas|but|which|who|and then|а|но|который|которые)\s")
_LANGS = ("en", "ru")


@dataclass
class ClaimUnit:
    """One claim as compared: where it is, whose it is, and what it is about."""

    index: int
    article: str
    claim: Claim
    source: str  # display name; the article's author/outlet when the author asserts it
    source_key: str  # identity of the source for "different sources" checks
    source_entity: str | None = None  # corpus cluster of the speaker; None = the author
    language: str = "und"
    frame: bool = False  # a bare frame around a quote ("Trump said Thursday"): no statement of its own
    clusters: set[str] = field(default_factory=set)
    places: dict[str, tuple[int, int]] = field(default_factory=dict)  # LOC cluster -> first span
    events: set[str] = field(default_factory=set)
    predicates: set[str] = field(default_factory=set)  # verb lemmas
    agents: list[tuple[int, int]] = field(default_factory=list)  # spans of agent phrases
    agent_keys: set[str] = field(default_factory=set)
    negation: tuple[int, int] | None = None  # span of a negation or denial of the claim's predicate
    modal: tuple[int, int] | None = None  # span of a modal or hedge cue
    lemmas: set[str] = field(default_factory=set)  # content-word lemmas
    sequence: list[str] = field(default_factory=list)  # the same, in text order
    negated: set[str] = field(default_factory=set)  # content lemmas in the scope of the negation
    negated_head: str | None = None  # the first of them: what is negated ("never [served]")
    hedged: set[str] = field(default_factory=set)  # content lemmas in the scope of the modal cue
    hedged_head: str | None = None  # the first of them: what is hedged ("may [close]", «может [передать]»)
    # It wants, plans, guesses or conditions rather than states, or negates without "not"
    # ("failed to", "falsely stated"): no plain affirmation for a polarity or modality conflict.
    qualified: bool = False
    asking: bool = False  # a question, a condition or a frame ending in ":": it states nothing
    implicit_negation: bool = False
    # The noun subject of each verb of the claim (verb lemma -> (subject lemma, its part of
    # speech), a relative pronoun read as the noun its clause is said of: «решение, [которое]
    # давало право» -> решение), and of the verb the negation bears on.
    subjects: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # ... and whether passive
    negated_subject: tuple[str, str, bool] | None = None
    # Verbs the claim only mentions, never asserts: said as an infinitive or complement of another
    # verb, or under a modal ("pleaded with him [to run]", "will help [create] jobs", "could have
    # been [sent]"); an affirmation of these is no plain statement to set against a negation.
    unasserted: set[str] = field(default_factory=set)
    # The negation sits on a modifier of a noun ("another man, [not seen] on camera"), not on
    # what the claim states.
    negation_on_modifier: bool = False
    lead: set[str] = field(default_factory=set)  # lemmas of the words introducing it ("X accused Y [of …]")
    # Who each clause is about: (offset, cluster) of the people and organisations named in the
    # claim, offsets of its clause breaks, the first offset of each content lemma, and where
    # it says "I"/"we" (its own source).
    named_at: list[tuple[int, str]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    lemma_at: dict[str, int] = field(default_factory=dict)
    self_at: list[int] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    context: str = ""  # the claim with the start of its sentence ("Earlier it was reported [that …]")
    # What a date or place is attached to: content lemmas (not speech verbs) just around it.
    anchors: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    # The common noun a place is said of, when the place hangs on one ("scientists [from the UK]",
    # «учёные [из Великобритании]"): place span -> that noun's lemma.
    place_heads: dict[tuple[int, int], str] = field(default_factory=dict)
    # The verb each quantity depends on ("remain with [194] seats" -> remain): quantity span -> lemma.
    governors: dict[tuple[int, int], str] = field(default_factory=dict)
    populations: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)  # "among voters under 45"
    date_heads: dict[tuple[int, int], str] = field(default_factory=dict)  # "[Saturday]'s caucuses" -> caucus
    # Words of `contraries.tsv` in the claim, each with the common nouns it is said of ("[younger]
    # sister" -> sister, "prices [rose]" -> price, «[рост] цен» -> цена) and its first token's span.
    contraries: dict[str, tuple[frozenset[str], tuple[int, int]]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def event_classes() -> dict[str, str]:
    """lemma -> event class, both languages."""
    return {r[0]: r[1] for lang in _LANGS for r in load_table(lang, "event_classes") if len(r) >= 2}


@lru_cache(maxsize=None)
def _cue_pattern(name: str) -> re.Pattern[str]:
    """Any entry of lang/{en,ru}/<name>.txt as a whole-word, case-insensitive pattern."""
    return whole_words(m for lang in _LANGS for m in load_list(lang, name))


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    """One-word entries of a word list (lemma lookups)."""
    return frozenset(w for w in load_words(name) if " " not in w)


UNNAMED_SPEAKER = "an unnamed speaker"


def author_name(article: Article) -> str:
    """How the article's own voice is named in positions."""
    return article.author or (f"{article.outlet} (author)" if article.outlet else "the author")


def agent_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Phrases naming who acted: after "prepared by", "led by", "with the support of", «при поддержке»."""
    spans = []
    pattern = _cue_pattern("agent_markers")
    for m in pattern.finditer(text, start, end):
        stop = _AGENT_STOP.search(text, m.end(), end)
        nxt = pattern.search(text, m.end(), end)
        e = min(x for x in (stop.start() if stop else end, nxt.start() if nxt else end, end))
        s, e = trim_space(text, m.end(), e)
        if e - s >= 2:
            spans.append((s, e))
    return spans


_CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")
_WORD = re.compile(r"\w")
_CLAUSE_STOP = re.compile(r"^[,.;:!?()—–]+$")
_SCOPE_STOP = re.compile(r"^[,.;:!?()«»\"“”—–]+$|^(?:but|and|while|whereas|because|а|но|и|потому|хотя)$", re.IGNORECASE)


def _scope(view: SyntaxView, idx: list[int], k: int, width: int) -> set[str]:
    """Content lemmas of the few tokens after position k (a negation or modal) up to a clause break."""
    out: set[str] = set()
    for i in idx[k + 1 : k + 1 + width]:
        tok = view.tokens[i]
        if _SCOPE_STOP.match(tok.text):
            break
        if tok.pos in _CONTENT and tok.lemma.lower() not in _words("function_words"):
            out.add(tok.lemma.lower() if tok.pos != "PROPN" else "=" + tok.lemma.lower())
    return out


@lru_cache(maxsize=None)
def _light_verbs() -> frozenset[str]:
    """Verbs too general to say what a negation denies: light, speech and cognition verbs."""
    return _words("light_verbs") | _words("speech_verbs") | _words("cognition_verbs")


def _first_content(view: SyntaxView, idx: list[int], k: int, skip_light: bool = True) -> str | None:
    """The first content lemma after position k, as `lemmas` spells it (past light, speech and
    cognition verbs unless `skip_light` is false: a modal hedges «передать» as much as "close")."""
    light = _light_verbs() if skip_light else frozenset()
    for i in idx[k + 1 : k + 5]:
        tok = view.tokens[i]
        if tok.pos in _CONTENT and tok.lemma.lower() not in _words("function_words") and tok.lemma.lower() not in light:
            return tok.lemma.lower() if tok.pos != "PROPN" else "=" + tok.lemma.lower()
    return None


@lru_cache(maxsize=None)
def _irrealis() -> dict[str, frozenset[str]]:
    """lang/<code>/polarity_irrealis.tsv by scope: near, clause, assert, unhedge."""
    out: dict[str, set[str]] = {"near": set(), "clause": set(), "assert": set(), "unhedge": set()}
    for lang in _LANGS:
        for row in load_table(lang, "polarity_irrealis"):
            if len(row) >= 2 and row[1] in out:
                out[row[1]].add(row[0].lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _irrealis_pos() -> dict[str, str]:
    """Words of polarity_irrealis.tsv that count only as one part of speech (column 3)."""
    return {row[0].lower(): row[2] for lang in _LANGS for row in load_table(lang, "polarity_irrealis")
            if len(row) >= 3 and row[2]}


@lru_cache(maxsize=None)
def _lemma_fixes() -> dict[str, str]:
    """Forms the taggers lemmatise wrongly (lang/<code>/cue_lemma_fixes.tsv, shared with quotes):
    "hopes" is "hope", not "hop"."""
    return {row[0].lower(): row[1].lower() for lang in _LANGS for row in load_table(lang, "cue_lemma_fixes")
            if len(row) >= 2}


def _asserting(tok: Token, low: str, lemma: str, assertive: frozenset[str]) -> bool:
    """Whether a token wants, plans or guesses (the `assert` words, in their part of speech)."""
    lemma = _lemma_fixes().get(low, lemma)
    word = low if low in assertive else lemma if lemma in assertive else None
    if word is None:
        return False
    pos = _irrealis_pos().get(word)
    return pos is None or tok.pos == pos


def _irrealis_negation(view: SyntaxView, idx: list[int], k: int) -> bool:
    """Whether the negation at position k denies only a possible, wished or conditional act
    ("he would not support", "if they don't find", "let's say there's no"): no fact to contradict."""
    words = _irrealis()
    for j in range(k - 1, max(-1, k - 4), -1):
        tok = view.tokens[idx[j]]
        if tok.text.lower() in words["near"]:
            return True
        if tok.pos in ("NOUN", "PROPN") or _SCOPE_STOP.match(tok.text):
            break
    for j in range(k - 1, -1, -1):
        tok = view.tokens[idx[j]]
        if _CLAUSE_STOP.match(tok.text):
            break
        if tok.text.lower() in words["clause"]:
            return True
    sent = view.tokens[idx[k]].sent
    return any(view.tokens[i].text == "?" for i in idx[k:] if view.tokens[i].sent == sent)


def _unhedged(view: SyntaxView, idx: list[int], k: int) -> bool:
    """Whether the modal at position k hedges nothing: it follows "before", "until", "so", "than"
    ("intercepted before it could reach the offices"), a time or purpose, not a doubt."""
    words = _irrealis()["unhedge"]
    if any(view.tokens[idx[j]].text.lower() in words for j in range(max(0, k - 2), k)):
        return True
    # ... or it stands in a purpose clause ("refused to surrender the microphone [so that] other
    # reporters might ask", «[чтобы] журналисты могли спросить»; lang/<code>/purpose_markers.txt):
    # what is wanted, not what is doubted.
    start = k
    while start > 0 and not _CLAUSE_STOP.match(view.tokens[idx[start - 1]].text):
        start -= 1
    clause = " " + " ".join(view.tokens[idx[j]].text.lower() for j in range(start, k)) + " "
    return any(f" {marker} " in clause for marker in load_words("purpose_markers"))


def _unasserted(view: SyntaxView, i: int) -> bool:
    """Whether verb token i is mentioned rather than asserted: a complement of another verb
    ("help [create]"), a clausal subject ("[running] for president is a bigger stage"), an
    infinitive or conditional (a particle auxiliary: "to", «бы»), under a modal auxiliary ("could
    have been [sent]"), or in a clause a condition or question word opens ("asked if he [owed]")."""
    if view.tokens[i].dep in ("xcomp", "csubj", "csubjpass"):
        return True
    modals = _words("modal_cues")
    clause = _irrealis()["clause"]
    # ... or opened by a condition or question word ("asked him [if] he owed her an apology").
    return any((view.tokens[c].dep == "aux" and (view.tokens[c].pos == "PART" or view.tokens[c].text.lower() in modals))
               or (view.tokens[c].dep == "mark" and view.tokens[c].text.lower() in clause)
               for c in view.children[i])


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


def _negates_unasserted(view: SyntaxView, i: int) -> bool:
    """Whether negation token i bears on a verb the clause only mentions ("urged Mr. Trump [not] to
    declare a national emergency", "decided [not] to run", «призвали мэра [не] закрывать завод»): a
    request or a plan, no fact denied."""
    tok = view.tokens[i]
    head = tok.head if tok.dep in ("neg", "advmod") and 0 <= tok.head < len(view.tokens) else None
    return head is not None and head != i and view.tokens[head].pos == "VERB" and _unasserted(view, head)


def _on_modifier(view: SyntaxView, at: int) -> bool:
    """Whether the negation or denial at offset `at` bears on a noun's modifier (a participle or
    adjective: "another man, [not seen] on camera") or on an adjunct ("supports an exception, but
    [not for] cases of rape"; "aimed her speech [not at] her rival but at …") rather than on a
    clause's predicate."""
    i = view.token_at(at)
    if i is None:
        return False
    tok = view.tokens[i]
    pred = tok.head if tok.dep in ("neg", "advmod") and 0 <= tok.head < len(view.tokens) else i
    if tok.dep == "det" and 0 <= tok.head < len(view.tokens):
        # "no" before a noun in a noun's prepositional phrase ("legalization [with no path] to
        # citizenship can gain votes") denies nothing the clause states.
        noun = view.tokens[tok.head]
        prep = noun.head if noun.dep == "pobj" and 0 <= noun.head < len(view.tokens) else None
        owner = view.tokens[prep].head if prep is not None else -1
        # The owner is a noun, or in a noun's place (a gerund tagged as a verb: "[legalization]").
        if 0 <= owner < len(view.tokens) and (view.tokens[owner].pos in ("NOUN", "PROPN")
                                              or view.tokens[owner].dep in _NOMINAL_DEPS):
            return True
    return view.tokens[pred].dep in ("acl", "amod") or (pred != i and view.tokens[pred].pos == "ADP") \
        or _full_participle(view.tokens[pred].text, view.tokens[pred].lemma)


# A Russian full participle («опровергнутые», «отрицающий»): a verb's lemma written with an
# adjective's ending. It modifies a noun whatever the parser hung it on («выделяя неоднократно
# [опровергнутые] материалы» parsed with «материалы» as its object), and predicates nothing.
_PARTICIPLE = re.compile(r"(?:вш|ш|щ|н|м|т)(?:ий|ый|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими|ой|ей)$")


def _full_participle(text: str, lemma: str) -> bool:
    low = text.lower()
    return lemma.lower().endswith(("ть", "ться", "ти", "чь")) and _PARTICIPLE.search(low) is not None


def _verb_above(view: SyntaxView, start: int, steps: int) -> int | None:
    """Index of the nearest verb ancestor of the token at offset `start` (itself included), at most
    `steps` tokens up the tree."""
    i = view.token_at(start)
    for _ in range(steps):
        if i is None:
            return None
        tok = view.tokens[i]
        if tok.pos == "VERB":
            return i
        if tok.head == i or not 0 <= tok.head < len(view.tokens):
            return None
        i = tok.head
    return None


def governor(view: SyntaxView, start: int, steps: int = 6) -> str | None:
    """Lemma of the verb the token at offset `start` depends on (its nearest verb ancestor)."""
    i = _verb_above(view, start, steps)
    return None if i is None else view.tokens[i].lemma.lower()


def _polarity_and_modality(unit: "ClaimUnit", view: SyntaxView, s: int, e: int) -> None:
    """Content lemmas, the first negation or denial ("not", «не», "denied") with the lemmas it
    scopes over, and the first modal cue ("may", «возможно») with its scope.

    Token text and lemma only: comparison runs on slim copies without syntax trees."""
    negs = _words("negations")
    denials = _words("denials")
    modals = _words("modal_cues")
    function = _words("function_words")
    assertive = _irrealis()["assert"]
    implicit = _words("implicit_negations")
    idx = list(view.tokens_in(s, e))
    asserted: set[str] = set()
    # A claim that opens with a condition or a question word is no statement ("[if he owed Lewinsky
    # an apology]", asked by a reporter): it affirms nothing a denial could contradict.
    # ... nor is a question ("Is this clear?") or a frame that only announces what follows ("As
    # commentator Sean Davis tweeted:"); no one's claim for a rebuttal to deny either.
    if idx and (view.tokens[idx[0]].text.lower() in _irrealis()["clause"] or _ends_asking(view, idx[-1])):
        unit.qualified = unit.asking = True
    for k, i in enumerate(idx):
        tok = view.tokens[i]
        low, lemma = tok.text.lower(), tok.lemma.lower()
        if tok.pos == "VERB":
            (unit.unasserted if _unasserted(view, i) else asserted).add(lemma)
            subj = _subject(view, i)
            if subj is not None:
                unit.subjects.setdefault(lemma, subj)
        if tok.pos in _CONTENT and lemma not in function and low not in negs and _WORD.search(lemma):
            unit.lemmas.add(lemma if tok.pos != "PROPN" else "=" + lemma)
            unit.sequence.append(lemma if tok.pos != "PROPN" else "=" + lemma)
            unit.lemma_at.setdefault(lemma if tok.pos != "PROPN" else "=" + lemma, tok.start)
        if _SCOPE_STOP.match(tok.text) or low in _words("clause_openers"):
            unit.breaks.append(tok.start)
        if low in _words("first_person"):
            unit.self_at.append(tok.start)
        if _asserting(tok, low, lemma, assertive):
            unit.qualified = True
        if low in implicit or lemma in implicit:
            unit.implicit_negation = True
        if unit.negation is None and (low in negs or lemma in denials or low in denials):
            if low in negs and k + 1 < len(idx) and view.tokens[idx[k + 1]].text.lower() in _words("negation_focus"):
                # "not only X but also Y", «не только»: affirms X; "not all Hispanics are Mexican"
                # denies a generalisation, not a statement about some of them.
                continue
            if low in negs and (_irrealis_negation(view, idx, k) or _negates_unasserted(view, i)):
                unit.qualified = True
                continue
            unit.negation = (tok.start, tok.end)
            unit.negation_on_modifier = _on_modifier(view, tok.start)
            unit.negated = _scope(view, idx, k, 10 if lemma in denials or low in denials else 4)
            unit.negated_head = _first_content(view, idx, k)
            unit.negated_subject = _subject(view, tok.head if tok.dep in ("neg", "advmod") else i)
            if lemma in denials or low in denials:
                unit.negated.add(lemma)
        elif unit.modal is None and (low in modals or lemma in modals) and not _unhedged(view, idx, k):
            unit.modal = (tok.start, tok.end)
            unit.hedged = _scope(view, idx, k, 4)
            unit.hedged_head = _first_content(view, idx, k, skip_light=False)
    # The words that introduce the claim count too: "many have speculated [that …]", "Trump
    # falsely stated [that …]".
    lead = view.tokens_in(view.tokens[idx[0]].start - 200, s) if idx else []
    framed_no = framed_wish = False
    sent = view.tokens[idx[0]].sent if idx else -1
    for i in lead:
        tok = view.tokens[i]
        if tok.sent != sent:
            continue
        low, lemma = tok.text.lower(), tok.lemma.lower()
        unit.lead.add(lemma)
        unit.implicit_negation |= low in implicit or lemma in implicit
        if _SCOPE_STOP.match(tok.text) or lemma in _words("cue_nouns"):
            # A negation or a plan in an earlier clause does not frame this one ("officials said
            # the administration is making plans to pull out troops, and Trump tweeted [that …]"),
            # nor does a negation before a noun whose possessor holds the claim ("did not rule on
            # CNN's claim [that …]").
            framed_no = False
            # ... though a comma before a complementiser leads into the wished clause («надеется,
            # что …»).
            nxt = view.tokens[i + 1].text.lower() if i + 1 < len(view.tokens) else ""
            framed_wish = framed_wish and tok.text == "," and nxt in _words("complementisers")
        elif low in negs:
            framed_no = True
        framed_wish |= _asserting(tok, low, lemma, assertive)
    # A claim a negated frame introduces is what the frame denies, not a statement ("no reasonable
    # person can believe [that the records will sink the country]", "he did not say [that …]");
    # one a wish or a plan introduces is not stated either ("he hopes [that …]").
    unit.qualified |= framed_no or framed_wish
    unit.unasserted -= asserted
    if unit.negation is None:
        m = _cue_pattern("denials").search(view.article.text, s, e)
        if m:
            unit.negation = (m.start(), m.end())
            unit.negation_on_modifier = _on_modifier(view, m.start())
            unit.negated = {view.tokens[i].lemma.lower() for i in view.tokens_in(m.end(), e)
                            if view.tokens[i].pos in _CONTENT}


def _statements(art: Article) -> list[Claim]:
    """The article's claims, plus every sentence no claim covers (as the author's, or as the
    speaker's where a quote covers it): a divergence is often in a sentence that names no
    entity or number ("It is not a hoax"), which the claims layer does not keep."""
    covered = sorted((c.start, c.end) for c in art.claims)
    out = list(art.claims)
    quotes = sorted(art.quotes, key=lambda q: q.content.start)
    starts = [c[0] for c in covered]

    for sent in art.sentences:
        i = bisect_left(starts, sent.start)
        j = bisect_right(starts, sent.end)
        inside = [(cs, ce) for cs, ce in covered[max(0, i - 1) : j] if cs < sent.end and sent.start < ce]
        if inside:
            out += _remainders(art, sent, inside, quotes)
            continue
        if _word_count(sent.text) < 3:
            continue
        quote = next((q for q in quotes if q.content.start < sent.end and sent.start < q.content.end), None)
        if quote is not None and quote.speaker_entity:
            out.append(Claim("", sent.start, sent.end, sent.text, quote.speaker_entity, "attributed",
                             quote.speaker_name, quote.id))
        elif quote is not None and _mostly_quoted(sent.start, sent.end, quote):
            # A quotation whose speaker no entity names ("a spokesman", or nobody found: “…,” Obama
            # continued) is still not the author's own voice.
            out.append(Claim("", sent.start, sent.end, sent.text, None, "attributed", quote.speaker_name, quote.id))
        else:
            out.append(Claim("", sent.start, sent.end, sent.text, None, "asserted"))
    return sorted(out, key=lambda c: (c.start, c.end))


# Hashtags, handles and links are tags, not words of a statement ("#петербург#спб#происшествие").
_TAGS = re.compile(r"[#@]\w+|https?://\S+|www\.\S+")


def _word_count(text: str) -> int:
    """Words of a sentence, its hashtags, handles and links left out."""
    return len(re.findall(r"\w+", _TAGS.sub(" ", text)))


def _mostly_quoted(start: int, end: int, quote) -> bool:  # noqa: ANN001
    """Whether the quote's words are most of the span (not a phrase quoted in the author's sentence)."""
    inside = min(end, quote.content.end) - max(start, quote.content.start)
    return inside * 2 > end - start


class FrameClaim(Claim):
    """The author's words around a quote that date or count something ("…," she told the Times
    in an article [published Sunday]): compared for dates and figures; when it says no more than
    who spoke when, nothing to agree on or to report alone (ClaimUnit.frame)."""

    __slots__ = ()


def _remainders(art: Article, sent, covered: list[tuple[int, int]], quotes: list) -> list[Claim]:  # noqa: ANN001
    """The author's words of a sentence outside its claims that date or count something
    ("…," she told the Times in an article [published Sunday]): a claim about a quote leaves
    the frame around it out, and the frame can be where two accounts differ."""
    out = []
    cuts = [sent.start] + [x for span in sorted(covered) for x in span] + [sent.end]
    for a, b in zip(cuts[::2], cuts[1::2]):
        a, b = max(a, sent.start), min(b, sent.end)
        piece = art.text[a:b]
        a += len(piece) - len(piece.lstrip(" ,;:—–”\"’»"))
        b -= len(piece) - len(piece.rstrip())
        if b - a < 1 or _word_count(art.text[a:b]) < 3:
            continue
        if any(q.content.start < b and a < q.content.end for q in quotes):
            continue  # a quote's words belong to its speaker
        if not any(a <= d.start and d.end <= b for d in art.dates) and not any(a <= q.start and q.end <= b for q in art.quantities):
            continue
        out.append(FrameClaim("", a, b, art.text[a:b], None, "asserted"))
    return out


def _ends_asking(view: SyntaxView, i: int) -> bool:
    """Whether the sentence of token i ends with "?" or ":" (closing quotation marks aside)."""
    sent = view.tokens[i].sent
    sentences = view.article.sentences
    if not 0 <= sent < len(sentences):
        return False
    end = sentences[sent].end
    for j in reversed(view.tokens_in(max(sentences[sent].start, end - 12), end)):
        text = view.tokens[j].text
        if text not in _CLOSING_MARKS:
            return text in ("?", ":")
    return False


# Quotation marks and brackets that may close a sentence after its final punctuation.
_CLOSING_MARKS = frozenset({'"', "'", "”", "’", "»", ")", "]", "''"})



def _subject(view: SyntaxView, i: int) -> tuple[str, str, bool] | None:
    """(lemma, POS, passive) of the noun or personal-pronoun subject of token i, a relative pronoun
    read as the noun its clause modifies; None when the subject is another pronoun or absent."""
    if not 0 <= i < len(view.tokens):
        return None
    for c in view.children[i]:
        sub = view.tokens[c]
        if not sub.dep.startswith("nsubj"):
            continue
        passive = "pass" in sub.dep
        relative = _words("relative_pronouns")
        if sub.lemma.lower() in relative or sub.text.lower() in relative:
            verb = view.tokens[i]
            if verb.dep.startswith(("acl", "relcl")) and 0 <= verb.head < len(view.tokens):
                sub = view.tokens[verb.head]
            else:
                return None
        if sub.pos in ("NOUN", "PROPN"):
            return sub.lemma.lower(), sub.pos, passive
        if sub.text.lower() in _words("personal_pronouns"):
            return sub.text.lower(), "PRON", passive
        return None
    return None


def _date_head(view: SyntaxView, start: int, end: int) -> str | None:
    """The noun or verb a date is said of in the parse ("removed a man [Wednesday]" -> remove,
    "[Saturday]'s Wyoming caucuses" -> caucus), past prepositions and the date's own words."""
    i = view.token_at(start)
    for _ in range(4):
        if i is None or not 0 <= view.tokens[i].head < len(view.tokens) or view.tokens[i].head == i:
            return None
        i = view.tokens[i].head
        tok = view.tokens[i]
        if start <= tok.start < end or tok.pos == "ADP":
            continue
        return tok.lemma.lower() if tok.pos in ("NOUN", "VERB") else None
    return None


_POPULATION_REACH = 12  # tokens: "Among likely GOP primary voters, about two-thirds, [67 percent], say"


def _population(view: SyntaxView, at: int) -> frozenset[str]:
    """The group a figure is measured in ("66 percent among voters under age 45", «среди
    пенсионеров»): content lemmas after the nearest population marker of its sentence
    (lang/<code>/population_markers.txt) within a few tokens; empty when it names none."""
    i = view.token_at(at)
    if i is None:
        return frozenset()
    markers = _words("population_markers")
    sent = view.tokens[i].sent
    near = [j for j in range(max(0, i - _POPULATION_REACH), min(len(view.tokens), i + _POPULATION_REACH))
            if view.tokens[j].sent == sent and view.tokens[j].text.lower() in markers]
    if not near:
        return frozenset()
    m = min(near, key=lambda j: abs(j - i))
    out = set()
    for j in range(m + 1, min(len(view.tokens), m + 7)):
        tok = view.tokens[j]
        if tok.sent != sent or _CLAUSE_STOP.match(tok.text):
            break
        if tok.pos in _CONTENT or tok.pos == "NUM":
            out.add(tok.lemma.lower())
    return frozenset(out)


def _said_on(view: SyntaxView, start: int) -> bool:
    """Whether the date at `start` dates a report of speech: its nearest verb ancestor (three
    steps up) is a speech verb with a clause or a quotation of what was said ("saying Monday that
    …", «заявил в понедельник, что …»). "tweeted the video Wednesday" dates the tweet itself."""
    i = _verb_above(view, start, 3)
    return (i is not None and view.tokens[i].lemma.lower() in _words("speech_verbs")
            and any(view.tokens[c].dep in ("ccomp", "parataxis") for c in view.children[i]))


def _anchor(view: SyntaxView, s: int, e: int, lo: int, hi: int, width: int = 4) -> frozenset[str]:
    """Content lemmas within four tokens before and three after a span, inside [lo, hi): what a
    date or place is said of ("published Sunday", "the event in Norwalk"), speech verbs aside
    (the day someone *said* something is not the day of the event)."""
    speech = _words("speech_verbs")
    function = _words("function_words") | _words("day_parts")  # "Saturday [evening]" says when, not what
    before = list(view.tokens_in(max(lo, s - 20 * width), s))[-width:]
    after = list(view.tokens_in(e, min(hi, e + 15 * width)))[: width - 1]
    out = set()
    for i in before + after:
        tok = view.tokens[i]
        lemma = tok.lemma.lower()
        if tok.pos in ("VERB", "NOUN") and lemma not in speech and lemma not in function:
            out.add(lemma)
    return frozenset(out)


@lru_cache(maxsize=None)
def contrary_table() -> dict[str, frozenset[str]]:
    """lemma -> its contraries (`lang/<code>/contraries.tsv`, read both ways)."""
    out: dict[str, set[str]] = {}
    for lang in _LANGS:
        for row in load_table(lang, "contraries"):
            if len(row) >= 2:
                a, b = row[0].lower(), row[1].lower()
                out.setdefault(a, set()).add(b)
                out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


_SAID_OF_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "nmod", "compound", "obl", "pobj", "amod")


def _said_of(view: SyntaxView, i: int) -> frozenset[str]:
    """Common nouns a word is said of: its head when that is a noun ("[younger] sister"), and its
    subject or noun dependents, through a preposition too ("prices [rose]", "[increase] in
    prices", «[рост] цен»). An age is none: "45-year-[old]" hangs on "year"."""
    toks = view.tokens
    times = _words("time_units")
    if any(toks[c].lemma.lower() in times and toks[c].dep in ("npadvmod", "compound", "nmod:npmod")
           for c in view.children[i]):
        return frozenset()  # "45-year-old", "a two-week high": a measure, not what it is said of
    near = [toks[i].head] if toks[i].head != i else []
    for c in view.children[i]:
        near.append(c)
        if toks[c].dep == "prep":  # spaCy: "increase [in] prices" -> pobj under the preposition
            near += view.children[c]
    out = set()
    for j in near:
        if not 0 <= j < len(toks) or toks[j].pos != "NOUN" or toks[j].lemma.lower() in times:
            continue
        if j != toks[i].head and toks[j].dep not in _SAID_OF_DEPS:
            continue
        out.add(toks[j].lemma.lower())
    return frozenset(out)


def _place_head(view: SyntaxView, a: int, b: int) -> str | None:
    """Lemma of the common noun outside [a, b) that the place's words hang on, if any."""
    idx = list(view.tokens_in(a, b))
    for i in idx:
        h = view.tokens[i].head
        if h == i or h in idx or not 0 <= h < len(view.tokens):
            continue
        head = view.tokens[h]
        return head.lemma.lower() if head.pos == "NOUN" else None
    return None


def subject_of(unit: ClaimUnit, at: int) -> set[str]:
    """Who the clause holding offset `at` is about: the people and organisations it names before
    `at` (since the last clause break), and the claim's own source where it says "I" or "we"."""
    start = max((b for b in unit.breaks if b < at), default=unit.claim.start)
    out = {c for a, c in unit.named_at if start <= a < at}
    if any(start <= a < at for a in unit.self_at):
        out.add(unit.source_entity or unit.source_key)
    return out


def build_units(articles: list[Article], cluster_of: dict[tuple[str, str], str],
                kinds: dict[str, str] | None = None) -> list[ClaimUnit]:
    """A unit per claim of every article; cluster_of maps (article id, entity id) to a corpus cluster."""
    units: list[ClaimUnit] = []
    classes = event_classes()
    contraries = contrary_table()
    kinds = kinds or {}
    for art in articles:
        text = art.text
        view = SyntaxView(art)
        mention_cluster = [(m.start, m.end, cluster_of.get((art.id, e.id)), e.type)
                           for e in art.entities for m in e.mentions]
        mention_cluster.sort()
        sent_starts = [x.start for x in art.sentences]
        for claim in _statements(art):
            s, e = claim.start, claim.end
            if claim.source_entity is None and claim.quote is not None and claim.stance != "asserted":
                # Quoted words whose speaker no entity names are shown as that speaker's ("an aide"),
                # or an unnamed one's, never as the author's own voice; they keep the author's key:
                # a speaker nobody identified is not set against their own article (22 -> 27
                # candidates on the tuning half, none right, when they were keyed apart).
                # A bare pronoun nobody resolved ("Они", "he") names no one: shown as unnamed.
                named = claim.source_name and claim.source_name.lower() not in _words("personal_pronouns")
                source = claim.source_name if named else UNNAMED_SPEAKER
                key, entity = f"author:{art.id}", None
            elif claim.source_entity is None:
                source, key, entity = author_name(art), f"author:{art.id}", None
            else:
                entity = cluster_of.get((art.id, claim.source_entity))
                key = entity or f"{art.id}:{claim.source_entity}"
                source = claim.source_name or key
            unit = ClaimUnit(len(units), art.id, claim, source, key, entity, art.language)
            k = bisect_right(sent_starts, s) - 1
            unit.context = text[art.sentences[k].start if k >= 0 else s : e]
            inside = [(a, b, c, t) for a, b, c, t in mention_cluster if c and s <= a and b <= e]
            unit.clusters = {c for _a, _b, c, t in inside if t != "OTHER"}
            unit.named_at = [(a, c) for a, _b, c, t in inside if t in ("PERSON", "ORG")]
            for a, b, c, t in inside:
                if t == "LOC" and c not in unit.places:
                    unit.places[c] = (a, b)
            for i in view.tokens_in(s, e):
                tok = view.tokens[i]
                lemma = tok.lemma.lower()
                if lemma in classes:
                    unit.events.add(classes[lemma])
                if lemma in contraries and lemma not in unit.contraries:
                    unit.contraries[lemma] = (_said_of(view, i), (tok.start, tok.end))
                if tok.pos == "VERB":
                    unit.predicates.add(lemma)
            # A frame whose every verb is a speech verb ("Donald Trump said Thursday") states nothing
            # beyond who spoke when; one with a verb of its own ("met with Obama on Thursday and
            # said afterward") still does.
            unit.frame = isinstance(claim, FrameClaim) and unit.predicates <= load_words("speech_verbs")
            # An agent is someone: a phrase after "led by" that names no person, organisation or
            # place ("behind closed doors") is not one.
            for a, b in agent_spans(text, s, e):
                ids = {c for x, y, c, t in mention_cluster if c and a <= x and y <= b and t != "OTHER"}
                if ids:
                    unit.agents.append((a, b))
                    unit.agent_keys |= ids
            _polarity_and_modality(unit, view, s, e)
            # A figure that starts inside the claim is its figure, even where its scale word
            # stands outside a quotation ("we're asking for $5.6” billion").
            unit.quantities = [q for q in art.quantities if s <= q.start < e]
            # The day someone said something ("saying Monday that …", «заявил в понедельник») is
            # not the day of what they said: such dates are not compared.
            unit.dates = [d for d in art.dates if s <= d.start and d.end <= e and not _said_on(view, d.start)]
            for a, b in [(d.start, d.end) for d in unit.dates] + list(unit.places.values()):
                unit.anchors[(a, b)] = _anchor(view, a, b, s, e)
            for d in unit.dates:
                head = _date_head(view, d.start, d.end)
                if head is not None:
                    unit.date_heads[(d.start, d.end)] = head
            for q in unit.quantities:
                unit.anchors[(q.start, q.end)] = _anchor(view, q.start, q.end, s, e, width=6)
                verb = governor(view, q.start)
                if verb is not None:
                    unit.governors[(q.start, q.end)] = verb
                group = _population(view, q.start)
                if group:
                    unit.populations[(q.start, q.end)] = group
            for a, b in unit.places.values():
                head = _place_head(view, a, b)
                if head is not None:
                    unit.place_heads[(a, b)] = head
            units.append(unit)
    return units
