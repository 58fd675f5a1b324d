"""Rebuttals: a source calling another's claim false ("That is not true", "X denied the
allegations", «информация не соответствует действительности»), linked to the claim it denies.

A rebuttal restates little ("that is baseless"), so the encoder cannot pair it with the claim.
It points back instead: to an object clause ("denied that A", «опроверг, что A», "any suggestion
that A is off base"), to a claim named by a noun ("the allegations", «эти сведения»: the nearest
earlier claim of another named source in its article) or, with a demonstrative ("That is
false.", «Это ложь»), to the statement before it. That statement is a conflict partner itself;
a restated clause is aligned with the story's claims by the encoder (a close paraphrase) or, in
its own article, with an earlier claim sharing two content words. A conflict needs a named
rebutter (a quoted or reported speaker, the subject of a denial verb, or the one named before
the speech verb that introduces the cue) other than the claim's source: an author calling a
claim false is a fact-check, not a second source, and one source disputing itself is no
conflict; a day or month is never a rebutter.

A denial verb denies a claim only when its object is one: a that-clause or a claim noun heading
its first noun group ("denied the allegations", not "rejected calls for an inquiry into the
claims"; "rejected it" may be an offer). It asserts nothing under a modal, "to" or a condition
("could refute the claims at a trial", "urged her to reject it", "if he denies"), and a court,
judge or vote rejecting is a legal act. A claim named only by a noun must share an entity (the
rebutter too) or a content word with the rebuttal's statement, and a noun that names its owner
("the Gazette report", "Reuters' account", «доклад ООН») points only at that owner's claim or at
a statement spelling out the same owner's claim. Cue words are language data
(lang/<code>/rebuttal_cues.txt, rebuttal_verbs.txt, rebuttal_object_verbs.txt,
rebuttal_targets.txt, rebuttal_irrealis.tsv, rebuttal_legal_actors.txt).

A pronoun points at the statement before only when its own sentence says little before it: in
"allegations against Trump, who has denied them" or "he never heard such things, which isn't
true" it points inside the sentence. A cue noun its verb's subject says ("posts this nonsense")
makes that subject a claimant, a cue noun its own relative clause defines ("the lie that his
campaign is built on") names what follows, and a verdict limited to a party ("not the case with
X", lang/<code>/rebuttal_scope_preps.txt) is an exception, not a denial.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..lang import load_list, load_table, load_words
from ..model import Article
from .units import ClaimUnit

_LANGS = ("en", "ru")
RESTATE_SIM = 0.7  # a claim this close to what a rebuttal denies states it (paraphrases ~0.6-0.9)
LEXICAL_SIM = 0.3  # ... or this close when two content words recur
_OWN_CLAUSE = 40  # characters from a denial cue within which a claim is its own complement ("denied reports that")
_NEIGHBOURS = 24  # each restatement meets at most this many most similar claims of its story
_CLAUSE = frozenset({"that", "что", "чтобы", "whether"})
# Clause breaks; quotation marks are not ("said the report is “baseless”").
_BREAK = frozenset({",", ";", ":", "(", ")", "—", "–"})
_PRONOUN_POS = ("PRON", "DET")
_CONTENT = ("NOUN", "VERB", "ADJ", "PROPN", "NUM")


@dataclass
class Rebuttal:
    """A denial in one statement: who disputes, where the cue is, and what it denies."""

    unit: int  # the statement holding the cue
    cue: tuple[int, int]
    rebutter_key: str  # identity of the disputing source (cluster id or the unit's source key)
    rebutter: str  # its display name
    target: str  # how the denied content was found: clause, noun, previous
    antecedents: list[int] = field(default_factory=list)  # units of the same article it points at
    restatement: str = ""  # the denied content in the rebuttal's own article
    lemmas: frozenset[str] = frozenset()  # its content lemmas, spelt as ClaimUnit.lemmas
    claimant: str | None = None  # who made the claim, when the rebutter restates it ("Pence suggested A")
    owner: frozenset[str] = frozenset()  # name words of whose claim it is ("the Gazette report"), if named


@lru_cache(maxsize=None)
def _cues() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Single-word cues, and multi-word cue phrases by their first word (longest first), of
    every language (not verbs)."""
    entries = {e.lower() for lang in _LANGS for e in load_list(lang, "rebuttal_cues")}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for e in entries:
        if " " in e:
            phrases.setdefault(e.split()[0], []).append(tuple(e.split()))
    return (frozenset(e for e in entries if " " not in e),
            {w: tuple(sorted(p, key=len, reverse=True)) for w, p in phrases.items()})


@lru_cache(maxsize=None)
def _irrealis() -> dict[str, frozenset[str]]:
    """Words that make a denial verb no assertion, by where they count: near (just before it),
    clause (anywhere before it in its clause), ending (the verb's own ending: an infinitive)."""
    out: dict[str, set[str]] = {"near": set(), "clause": set(), "ending": set()}
    for lang in _LANGS:
        for row in load_table(lang, "rebuttal_irrealis"):
            if len(row) >= 2 and row[1] in out:
                out[row[1]].add(row[0].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _forms(tok) -> tuple[str, str]:  # noqa: ANN001 - model.Token
    return tok.text.lower(), tok.lemma.lower()


def _cue_at(tokens, idx: list[int], k: int) -> tuple[int, bool]:  # noqa: ANN001
    """How many tokens from position k form a cue (0: none), and whether it is a denial verb."""
    tok = tokens[idx[k]]
    if tok.pos == "VERB":
        return (1, True) if tok.lemma.lower() in load_words("rebuttal_verbs") else (0, False)
    single, phrases = _cues()
    text, lemma = tok.text.lower(), tok.lemma.lower()
    for phrase in phrases.get(text, ()) + (phrases.get(lemma, ()) if lemma != text else ()):
        if k + len(phrase) <= len(idx) and all(w in _forms(tokens[idx[k + n]]) for n, w in enumerate(phrase)):
            return len(phrase), False
    return (1 if text in single or lemma in single else 0), False


def _conditional(tokens, sent: list[int], n: int) -> bool:  # noqa: ANN001
    """A cue inside a conditional or an indirect question ("if Ryan says something that's nonsense")."""
    return any(tokens[i].text.lower() in _irrealis()["clause"] for i in _clause_before(tokens, sent, n))


def _judges_fact(tokens, sent: list[int], n: int, width: int) -> bool:  # noqa: ANN001
    """An evaluative cue with a that-clause ("it is absurd that …", «абсурдно, что …»): it affirms
    the clause (lang/<code>/rebuttal_evaluative.txt)."""
    tok = tokens[sent[n]]
    if width != 1 or (tok.text.lower() not in load_words("rebuttal_evaluative")
                      and tok.lemma.lower() not in load_words("rebuttal_evaluative")):
        return False
    after = [tokens[i].text.lower() for i in sent[n + 1 : n + 3]]
    return "that" in after or "что" in after


def _withholds(tokens, verb: int) -> bool:  # noqa: ANN001
    """A denial verb with two objects withholds something ("denying him a first-ballot victory")."""
    return any(t.head == verb and t.dep in ("dative", "iobj") for t in tokens[max(0, verb - 3) : verb + 4])


def _said_of_no_claim(tokens, idx: list[int], k: int, width: int) -> bool:  # noqa: ANN001
    """A one-word cue that calls no claim false: attributive to a noun that is no claim ("the
    absurd theatrics"; "baseless allegations", «нелепые обвинения» stay rebuttals) or said of
    the person addressed ("you're being ridiculous")."""
    if width != 1:
        return False
    tok = tokens[idx[k]]
    if tok.dep == "amod":
        return tokens[tok.head].lemma.lower() not in load_words("rebuttal_targets")
    # The subject hangs on the cue or, for a predicate adjective ("are being [ridiculous]"), on its
    # verb; "they" only with "being" (a behaviour: "they were being ridiculous"), since "they" is
    # as often the allegations themselves ("They are false").
    heads = {idx[k], tok.head} if tok.dep in ("acomp", "attr", "xcomp") else {idx[k]}
    being = k > 0 and tokens[idx[k - 1]].text.lower() == "being"
    return any(t.head in heads and t.dep.startswith("nsubj")
               and (t.text.lower() in load_words("rebuttal_person_subjects") or (being and t.text.lower() == "they"))
               for t in (tokens[i] for i in idx))


def _negated(tokens, idx: list[int], k: int) -> bool:  # noqa: ANN001
    """A negation in the three tokens before the cue with no noun or verb in between ("not a
    hoax", "did not deny", «не фейк»)."""
    negs = load_words("negations")
    for j in range(k - 1, max(-1, k - 4), -1):
        tok = tokens[idx[j]]
        if tok.text.lower() in negs or tok.lemma.lower() in negs:
            return True
        if tok.pos in ("NOUN", "PROPN") or (tok.pos == "VERB" and tok.lemma.lower() not in ("do", "be", "have")):
            return False
    return False


def _clause_before(tokens, sent: list[int], n: int) -> list[int]:  # noqa: ANN001
    """The tokens of the verb's own clause before position n (after the last clause break)."""
    start = max((m + 1 for m in range(n) if tokens[sent[m]].text in _BREAK), default=0)
    return sent[start:n]


# Content words before a pronoun's clause from which "it", "that" or "which" takes its referent
# inside the sentence ("Obama said he never heard such things, which isn't true"; "allegations
# against Trump, who has denied them"), instead of the statement before: a speech frame and names
# ("Trump said Sunday that it was false") are fewer.
_WITHIN = 3


def _refers_within(tokens, sent: list[int], n: int) -> bool:  # noqa: ANN001
    """Whether the sentence says enough before the cue's clause for its pronoun to point there."""
    speech = load_words("speech_verbs")
    head = sent[: max((m for m in range(n) if tokens[sent[m]].text in _BREAK or _complementiser(tokens, sent, m)),
                      default=0)]
    return sum(tokens[i].pos in ("NOUN", "VERB", "ADJ") and tokens[i].lemma.lower() not in speech
               for i in _content(tokens, head)) >= _WITHIN


def _spoken(tokens, cue: int) -> bool:  # noqa: ANN001
    """A cue noun that is what its verb's subject says ("NewsGuard posts this nonsense", "he told
    a lie"): the subject is the claimant, not a rebutter."""
    tok = tokens[cue]
    return tok.pos == "NOUN" and tok.dep == "dobj" and 0 <= tok.head < len(tokens) \
        and tokens[tok.head].lemma.lower() in load_words("speech_verbs")


def _limited(tokens, sent: list[int], m: int) -> bool:  # noqa: ANN001
    """A verdict limited to a party ("this was not the case with Guyger", «не так для X»): an
    exception to a general statement, not a denial of it (lang/<code>/rebuttal_scope_preps.txt)."""
    return m < len(sent) and tokens[sent[m]].text.lower() in load_words("rebuttal_scope_preps")


def _defined_after(tokens, cue: int) -> bool:  # noqa: ANN001
    """A cue noun its own relative clause defines ("the lie that Ted's campaign is built on: …"):
    it names what follows, not the statement before."""
    return tokens[cue].pos == "NOUN" and any(t.head == cue and t.dep in ("relcl", "acl")
                                              for t in tokens[cue + 1 : cue + 12])


def _irrealis_verb(tokens, sent: list[int], n: int) -> bool:  # noqa: ANN001
    """A denial verb that asserts nothing: governed by a modal or "to" ("could refute the
    claims at a trial", "urged her to reject it", «призвал опровергнуть»), an infinitive, or in
    a conditional or question ("if he denies", «если он опровергнет»)."""
    words = _irrealis()
    verb = tokens[sent[n]].text.lower()
    if any(verb.endswith(e) and len(verb) > len(e) + 2 for e in words["ending"]) and tokens[sent[n]].lemma.lower() == verb:
        return True
    for j in range(n - 1, max(-1, n - 4), -1):
        tok = tokens[sent[j]]
        if tok.text.lower() in words["near"] or tok.lemma.lower() in words["near"] and tok.pos in ("AUX", "PART"):
            return True
        if tok.pos in ("NOUN", "PROPN", "VERB") or tok.text in _BREAK:
            break
    return any(tokens[i].text.lower() in words["clause"] for i in _clause_before(tokens, sent, n)) or \
        any(tokens[i].text == "?" for i in sent[n:])


def _legal_act(tokens, sent: list[int], n: int) -> bool:  # noqa: ANN001
    """Whether a court, judge, jury or vote is what rejects or dismisses ("courts dismissed
    their claims"): a legal act on a motion or lawsuit, not a source denying a fact."""
    legal = load_words("rebuttal_legal_actors")
    return any(tokens[i].lemma.lower() in legal or tokens[i].text.lower() in legal
               for i in _clause_before(tokens, sent, n) if tokens[i].pos in ("NOUN", "PROPN"))


def _object_noun(tokens, after: list[int]) -> int | None:  # noqa: ANN001
    """Position in `after` of a claim noun that is the verb's direct object: in the first noun
    group after it ("denied the allegations", "dismissed the Post's reports", «отверг эти
    обвинения»), not further on ("rejected calls for a probe into the claims", "denied him
    entry, citing reports")."""
    targets = load_words("rebuttal_targets")
    seen_noun = False
    for m, i in enumerate(after[:8]):
        tok = tokens[i]
        if tok.pos in ("NOUN", "PROPN"):
            if tok.lemma.lower() in targets or tok.text.lower() in targets:
                return m
            seen_noun = True
        elif tok.pos in ("DET", "ADJ", "NUM", "PRON", "PART") or tok.pos == "ADV" and not seen_noun:
            continue
        elif tok.pos == "PUNCT" and tok.text not in _BREAK and tok.text not in ".!?":
            continue  # quotation marks around the noun
        else:
            return None
    return None


def _complementiser(tokens, idx: list[int], m: int) -> bool:  # noqa: ANN001
    """Whether idx[m] opens a clause ("said that …", «заявил, что …»), not a demonstrative
    ("That is false")."""
    tok = tokens[idx[m]]
    if tok.text.lower() not in _CLAUSE:
        return False
    return tok.pos not in _PRONOUN_POS or (m > 0 and tokens[idx[m - 1]].text == ",")


def _lemma(tok) -> str:  # noqa: ANN001
    return tok.lemma.lower() if tok.pos != "PROPN" else "=" + tok.lemma.lower()


def _text(article: Article, tokens, idx: list[int]) -> str:  # noqa: ANN001
    return article.text[tokens[idx[0]].start : tokens[idx[-1]].end] if idx else ""


def _content(tokens, idx: list[int]) -> list[int]:  # noqa: ANN001
    function = load_words("function_words")
    return [i for i in idx if tokens[i].pos in _CONTENT and tokens[i].lemma.lower() not in function]


def _target_noun(tokens, idx: list[int]) -> int | None:  # noqa: ANN001
    """Position in idx of a noun that names a claim ("the allegations", «эти сведения»)."""
    targets = load_words("rebuttal_targets")
    return next((n for n, i in enumerate(idx) if tokens[i].pos in ("NOUN", "PROPN")
                 and (tokens[i].lemma.lower() in targets or tokens[i].text.lower() in targets)), None)


def _clause_after(tokens, idx: list[int], reach: int = 6) -> list[int]:  # noqa: ANN001
    """Tokens of a "that"/«что» clause starting among the first `reach` positions of idx, to a
    semicolon or the end."""
    for n in range(min(reach, len(idx))):
        if _complementiser(tokens, idx, n):
            rest = idx[n + 1 :]
            return rest[: next((m for m, j in enumerate(rest) if tokens[j].text == ";"), len(rest))]
    return []


def _phrase(tokens, idx: list[int]) -> list[int]:  # noqa: ANN001
    """idx up to the first clause break."""
    return idx[: next((m for m, i in enumerate(idx) if tokens[i].text in _BREAK), len(idx))]


def _named_before(mentions: list[tuple[int, int, str, str]], lo: int, hi: int) -> tuple[int, int, str] | None:
    """The last person or organisation mentioned in [lo, hi)."""
    before = [m for m in mentions if lo <= m[0] and m[1] <= hi and m[3] in ("PERSON", "ORG")]
    return before[-1][:3] if before else None


def _speaker(unit: ClaimUnit | None, article: Article, tokens, sent_idx: list[int], n: int, is_verb: bool,  # noqa: ANN001
             mentions: list[tuple[int, int, str, str]]) -> tuple[str, str] | None:
    """Who disputes: the quoted or reported speaker of the statement; else, in the author's own
    sentence, the person or organisation named before the denial verb or before a speech verb
    that introduces the cue ("Moore's campaign issued a statement saying the report is false")."""
    if unit is not None and unit.source_entity is not None:
        return unit.source_key, unit.source
    at = sent_idx[n] if is_verb else next(
        (m for m in range(n - 1, -1, -1) if tokens[sent_idx[m]].pos == "VERB"
         and tokens[sent_idx[m]].lemma.lower() in load_words("speech_verbs")), None)
    if at is None:
        return None  # the author calling a claim false is a fact-check, not a second source
    if is_verb:
        at = n
    # The subject sits in the verb's own clause: "X's campaign denied …", not the outlet named
    # in a relative clause before it ("…, which The Post reported, telling the paper …").
    start = max((m + 1 for m in range(at) if tokens[sent_idx[m]].text in _BREAK), default=0)
    clause = sent_idx[start:at]
    if not clause:
        return None
    named = _named_before(mentions, tokens[clause[0]].start, tokens[sent_idx[at]].start)
    if named is not None:
        return named[2], article.text[named[0] : named[1]]
    # A name the entity layer missed ("Moore’s campaign"): the proper nouns before the verb,
    # matched to other sources by surname.
    # Never a day or month ("On Monday, …"), nor a place: those name no one who could speak.
    not_named = [(d.start, d.end) for d in article.dates] + [m[:2] for m in mentions if m[3] not in ("PERSON", "ORG")]
    names = [i for i in clause if tokens[i].pos == "PROPN"
             and not any(s <= tokens[i].start < e for s, e in not_named) and not _calendar_word(tokens[i].text)]
    if not names:
        return None
    last = names[-1]
    first = last
    while first - 1 in names:
        first -= 1
    name = article.text[tokens[first].start : tokens[last].end]
    return f"name:{tokens[last].text.lower()}", name


@lru_cache(maxsize=None)
def _calendar() -> re.Pattern[str]:
    """Weekday and month names of every language (the dates layer's own lists)."""
    words = [w for lang in _LANGS for name in ("weekdays", "months") for w in load_list(lang, name)]
    # Russian entries are stems (and regexes): a case ending may follow.
    return re.compile(r"(?:" + "|".join(words) + r")[аеуяюьйы]{0,2}\.?$", re.IGNORECASE)


def _calendar_word(word: str) -> bool:
    return _calendar().match(word) is not None


def find_rebuttals(units: list[ClaimUnit], articles: list[Article],
                   cluster_of: dict[tuple[str, str], str]) -> list[Rebuttal]:
    """Every sentence that disputes something (its first resolvable cue), with the statement it
    belongs to, the source disputing and what it denies."""
    out: list[Rebuttal] = []
    by_article: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        by_article.setdefault(u.article, []).append(k)
    for art in articles:
        members = by_article.get(art.id, [])
        if not members:
            continue
        mentions = sorted((m.start, m.end, cluster_of[(art.id, e.id)], e.type) for e in art.entities
                          for m in e.mentions if (art.id, e.id) in cluster_of)
        sentences: dict[int, list[int]] = {}
        for i, t in enumerate(art.tokens):
            if t.sent >= 0:
                sentences.setdefault(t.sent, []).append(i)
        starts = [units[k].claim.start for k in members]
        tokens_at = [t.start for t in art.tokens]
        for sent in sentences.values():
            lo, hi = art.tokens[sent[0]].start, art.tokens[sent[-1]].end
            # The statements of this sentence (claims may cover only a clause of it).
            own = [members[j] for j in range(max(0, bisect_right(starts, lo) - 8), bisect_right(starts, hi))
                   if units[members[j]].claim.start < hi and lo < units[members[j]].claim.end]
            if own:
                found = _rebuttal(units, own, art, sent, mentions, members, tokens_at)
                if found is not None:
                    out.append(found)
    return out


def _rebuttal(units: list[ClaimUnit], own: list[int], art: Article, sent: list[int],
              mentions: list[tuple[int, int, str, str]], members: list[int], tokens_at: list[int]) -> Rebuttal | None:
    """The first cue of a sentence that points back at something, or None. The cue is read in its
    whole sentence: the words before a quoted "completely false" ("told The Post that the
    allegations were") say what it is about."""
    tokens = art.tokens
    for n, c in enumerate(sent):
        width, is_verb = _cue_at(tokens, sent, n)
        if not width or _negated(tokens, sent, n) or (not is_verb and _said_of_no_claim(tokens, sent, n, width)):
            continue
        if is_verb and (_irrealis_verb(tokens, sent, n) or _legal_act(tokens, sent, n) or _withholds(tokens, sent[n])):
            continue
        if not is_verb and (_conditional(tokens, sent, n) or _judges_fact(tokens, sent, n, width)
                            or _spoken(tokens, sent[n]) or _limited(tokens, sent, n + width)):
            continue
        at = tokens[c].start
        holder = next((k for k in own if units[k].claim.start <= at < units[k].claim.end), None)
        unit = units[holder if holder is not None else min(own, key=lambda k: abs(units[k].claim.start - at))]
        speaker = _speaker(unit if holder is not None else None, art, tokens, sent, n, is_verb, mentions)
        if speaker is None:
            continue
        found = _target(tokens, sent, n, width, is_verb)
        if found is None:
            continue
        target, restated, noun = found
        reb = Rebuttal(unit.index, (at, tokens[sent[n + width - 1]].end), speaker[0], speaker[1], target)
        reb.owner = _owner(tokens, sent, noun) if noun is not None else frozenset()
        if restated:
            if len(_content(tokens, restated)) < 2:
                continue
            reb.restatement = _text(art, tokens, restated)
            reb.lemmas = frozenset(_lemma(tokens[i]) for i in _content(tokens, restated))
        else:
            found_ante = _antecedent(units, unit.index, members, art, noun, speaker[0], mentions, tokens_at, at,
                                     reb.owner)
            if found_ante is None:
                continue
            ante, reb.claimant, part = found_ante
            reb.antecedents = [ante]
            reb.restatement = _text(art, tokens, part) if part else units[ante].claim.text
            reb.lemmas = frozenset(_lemma(tokens[i]) for i in _content(tokens, part)) if part else frozenset(units[ante].lemmas)
        return reb
    return None


def _target(tokens, sent: list[int], n: int, width: int, is_verb: bool) -> tuple[str, list[int], int | None] | None:  # noqa: ANN001
    """How a cue points at what it denies: ("clause", tokens restating it, the claim noun's token
    index or None), ("noun", [], the noun's token index) or ("previous", [], None); None when it
    points at nothing it can resolve."""
    after = sent[n + width :]
    before = sent[:n]
    speech = load_words("speech_verbs")
    cut = max((m for m, i in enumerate(before) if tokens[i].text in _BREAK or _complementiser(tokens, before, m)
               or tokens[i].pos == "VERB" and tokens[i].lemma.lower() in speech), default=-1)
    subject = before[cut + 1 :]
    if is_verb:
        # "X denied having said that", "denied saying that A": the denial is of the saying (a
        # speech verb the cue governs, after its auxiliaries only); what follows it is what the
        # denial points at.
        lead = [i for i in after if tokens[i].pos != "PUNCT"]
        said = next((m for m, i in enumerate(lead) if tokens[i].pos != "AUX"), None)
        if said is not None and tokens[lead[said]].pos == "VERB" and tokens[lead[said]].dep == "xcomp" \
                and tokens[lead[said]].head == sent[n] and tokens[lead[said]].lemma.lower() in speech:
            after = after[after.index(lead[said]) + 1 :]
        # "X denied that A", "X dismissed reports that A", «X опроверг информацию о том, что A».
        lead = [i for i in after if tokens[i].pos != "PUNCT"]
        clause = _clause_after(tokens, lead, reach=1)  # "denied that A", «опроверг, что A»
        if clause:
            return "clause", clause, None
        m = _object_noun(tokens, after)
        if m is not None:
            return _named(tokens, after, m)
        first = next((i for i in after if tokens[i].pos != "PUNCT"), None)
        # "X denied it." / «опроверг это»: what was said just before (not "denied what some said",
        # whose pronoun opens a clause of its own); not with a verb that also acts on things
        # ("rejected it" may be an offer).
        if tokens[sent[n]].lemma.lower() in load_words("rebuttal_object_verbs"):
            return None
        if first is not None and tokens[first].pos in _PRONOUN_POS and not _content(tokens, after[:2]) \
                and not any(tokens[i].pos in ("VERB", "AUX") for i in _phrase(tokens, after)) \
                and not _refers_within(tokens, sent, n):
            return "previous", [], None
        return None
    cue = tokens[sent[n]]
    if after and cue.pos == "ADJ" and tokens[after[0]].pos in ("NOUN", "PROPN"):
        # "baseless allegations": attributive; only a noun naming a claim makes it a rebuttal,
        # and only one that points back ("his false claims about the wall" is a verdict on
        # claims it does not restate).
        if _target_noun(tokens, after[:1]) != 0:
            return None
        found = _named(tokens, after, 0)
        return found if found[0] == "noun" else None
    named = _target_noun(tokens, before[max(0, cut - 2) : cut]) if cut >= 0 and _complementiser(tokens, before, cut) else None
    if named is not None:
        return "clause", subject, before[max(0, cut - 2) + named]  # "any suggestion that this is a budget issue is off base"
    m = _target_noun(tokens, subject)
    if m is not None:
        return _named(tokens, subject, m)
    if not _content(tokens, subject) and any(tokens[i].pos in _PRONOUN_POS for i in subject) \
            and not _refers_within(tokens, sent, n) and not _defined_after(tokens, sent[n]):
        return "previous", [], None  # "That is not true.", «Это ложь.»
    return None


def _named(tokens, idx: list[int], m: int) -> tuple[str, list[int], int | None]:  # noqa: ANN001
    """A claim named by the noun at idx[m]: its own "that" clause or complement when it has one
    ("reports that A", "allegations of misconduct against him"), else the noun alone."""
    rest = _phrase(tokens, idx[m + 1 :])
    clause = _clause_after(tokens, idx[m + 1 :], reach=4)  # "reports that A", «информация о том, что A»
    if len(_content(tokens, clause)) >= 2:
        return "clause", clause, idx[m]
    if len(_content(tokens, rest)) >= 2 and not tokens[rest[0]].pos == "VERB":
        return "clause", [idx[m]] + rest, idx[m]
    return "noun", [], idx[m]


def _antecedent(units: list[ClaimUnit], k: int, members: list[int], art: Article, noun: int | None,
                rebutter: str, mentions: list[tuple[int, int, str, str]],
                starts: list[int], cue_at: int = -1,
                owner: frozenset[str] = frozenset()) -> tuple[int, str | None, list[int] | None] | None:
    """The statement a rebuttal points back at, who made the claim when the rebutter restated
    it, and the tokens spelling the claim out when they are only part of the statement: with a noun ("the allegations"), the nearest earlier claim of another named
    source, else an earlier statement spelling it out ("allegations that A"); without one, the
    statement before, if another source's or if it names the claimant before a speech verb
    ("Pence falsely suggested A. That is not true," Earnest said)."""
    earlier = [j for j in members if units[j].claim.end <= units[k].claim.start][::-1]
    own = lambda j: units[j].source_key == rebutter or units[j].source_entity == rebutter  # noqa: E731
    if noun is not None:
        # The allegations are what another named source claims ("The Post reported that …",
        # "she said he kissed her") before "the allegations were false". Statements that merely
        # use the noun ("the report caused problems", "if these allegations are true") are
        # about the claim, not the claim.
        # It must speak of something the rebuttal's statement names (the rebutter, an entity, a
        # content word): the nearest claim of someone else may be about another matter.
        # A noun that names whose claim it is ("the Guardian report", "Exxon's accusations") points
        # only at that source's claim: the nearest other speaker may be a bystander.
        named = next((j for j in earlier[:6] if units[j].source_entity is not None and not own(j)
                      and (not owner or _said_by(units[j], owner)) and units[j].modal is None and units[j].predicates and _shares(units[j], units[k], rebutter)
                      and _target_noun(art.tokens, _indices(art, units[j], starts)) is None), None)
        if named is not None:
            return named, None, None
        # Else the statement that spelt the claim out with the same noun ("allegations that
        # Moore molested a girl" in the lead, "denied the allegations" further down).
        for j in earlier[:12]:
            idx = _indices(art, units[j], starts)
            m = _target_noun(art.tokens, idx)
            clause = _clause_after(art.tokens, idx[m + 1 :], reach=4) if m is not None else []
            if len(_content(art.tokens, clause)) >= 2 and not own(j) and _shares(units[j], units[k], rebutter) \
                    and (not owner or _said_by(units[j], owner) or owner <= _owner(art.tokens, idx, idx[m])):
                return j, None, clause
        return None
    for j in earlier[:2]:
        if not own(j):
            # A denial that says what it is about ("when I am described as a Japanese admiral, it's
            # not true") points back only at a statement it shares something with; a bare "That
            # is not true" points at the statement before.
            if _self_contained(art, cue_at) and not _shares(units[j], units[k], rebutter):
                continue
            return j, None, None
        claimant = _claimant(art, units[j], rebutter, mentions, starts)
        if claimant is not None:
            return j, claimant, None
    return None


def _owner(tokens, sent: list[int], noun: int) -> frozenset[str]:  # noqa: ANN001
    """Stems (`_name_stem`) of the words of the name a claim noun is owned by: a possessive or proper-noun compound
    before it ("Exxon's accusations", "the Guardian report") or a proper-noun genitive after it
    («доклад ООН»); empty when it names none."""
    heads = [i for i in sent if i != noun and tokens[i].head == noun and tokens[i].pos == "PROPN"
             and (tokens[i].dep in ("poss", "compound") and i < noun or tokens[i].dep == "nmod" and i > noun)]
    words = {tokens[i].text for h in heads for i in sent
             if i == h or tokens[i].head == h and tokens[i].dep in ("compound", "flat", "flat:name")}
    return frozenset(_name_stem(w) for w in words) - {""}


def _name_stem(word: str) -> str:
    """A name word compared across inflections: lower case, no possessive, its first five letters
    («Минюста» and «Минюст», "Guardian's" and "Guardian")."""
    return word.lower().strip(".,:;\"“”«»").removesuffix("'s").removesuffix("’s")[:5]


def _said_by(unit: ClaimUnit, owner: frozenset[str]) -> bool:
    """Whether a claim is an owner's: its source, or the words of its sentence before it ("a letter
    the Sanders campaign sent alleging [that …]"), share a name word with the owner."""
    lead = unit.context[: len(unit.context) - len(unit.claim.text)] if unit.context.endswith(unit.claim.text) else ""
    return bool(owner & {_name_stem(w) for w in (unit.source + " " + lead).split()})


def _self_contained(art: Article, cue_at: int) -> bool:
    """Whether the quotation holding a rebuttal's cue names three or more content words of its own
    (common nouns, verbs, adjectives; not speech, claim or denial words): it says what it denies
    ("when I am described as a Japanese admiral, it's not true"), unlike "That is not true"."""
    quote = next((q for q in art.quotes if q.content.start <= cue_at < q.content.end), None)
    if quote is None:
        return False
    skip = _not_content()
    words = {t.lemma.lower() for t in art.tokens if quote.content.start <= t.start and t.end <= quote.content.end
             and t.pos in ("NOUN", "VERB", "ADJ") and t.lemma.lower() not in skip}
    return len(words) >= 3


@lru_cache(maxsize=None)
def _not_content() -> frozenset[str]:
    """Speech, claim and denial words: what a claim and its rebuttal share without being about one thing."""
    return load_words("speech_verbs") | load_words("rebuttal_targets") | load_words("rebuttal_verbs") | _cues()[0]


def _own_words(u: ClaimUnit) -> set[str]:
    return {w.lstrip("=") for w in u.lemmas} - _not_content()


def _shares(claim: ClaimUnit, rebuttal: ClaimUnit, rebutter: str) -> bool:
    """Whether a claim speaks of something the rebuttal's statement names: an entity or the
    rebutter (a claim about them), or a content word other than speech, claim and denial words."""
    if claim.clusters & (rebuttal.clusters | {rebutter}):
        return True
    return bool(_own_words(claim) & _own_words(rebuttal))


def _claimant(art: Article, unit: ClaimUnit, rebutter: str, mentions: list[tuple[int, int, str, str]],
              starts: list[int]) -> str | None:
    """A person or organisation other than the rebutter named before a speech verb inside the
    rebutter's own statement: the source of the claim it restates."""
    speech = load_words("speech_verbs")
    for i in _indices(art, unit, starts):
        tok = art.tokens[i]
        if tok.pos == "VERB" and tok.lemma.lower() in speech:
            named = _named_before(mentions, unit.claim.start, tok.start)
            # The name must be the verb's subject: "Axelrod, adviser to Obama in the White House,
            # tweeted" names the White House inside the rebutter's own apposition.
            if named is not None and named[2] != rebutter and _subject_within(art, i, named[0], named[1]):
                return art.text[named[0] : named[1]]
            return None
    return None


def _frame_only(u: ClaimUnit, speech: frozenset[str]) -> bool:
    """A statement that only says who spoke ("the pope said in Chile", left over after a quote):
    speech verbs and at most three other content words."""
    return bool(u.predicates) and u.predicates <= speech and len(u.lemmas - speech) <= 3


def _subject_within(art: Article, verb: int, start: int, end: int) -> bool:
    """Whether the verb's nominal subject (or, for a verb without one, nothing) lies in [start, end)."""
    near = art.tokens[max(0, verb - 40) : verb + 15]
    subjects = [t for t in near if t.head == verb and t.dep in ("nsubj", "nsubjpass", "nsubj:pass")]
    return not subjects or any(start <= t.start and t.end <= end for t in subjects)


def _indices(art: Article, unit: ClaimUnit, starts: list[int]) -> list[int]:
    """Indices of the tokens of a statement (`starts`: the article's token offsets)."""
    lo, hi = bisect_right(starts, unit.claim.start - 1), bisect_right(starts, unit.claim.end - 1)
    return [i for i in range(lo, hi) if art.tokens[i].end <= unit.claim.end]


def _same_source(rebuttal: Rebuttal, unit: ClaimUnit, units: list[ClaimUnit]) -> bool:
    """Whether a claim is the rebutter's own (the same cluster, key or surname)."""
    if unit.source_key == rebuttal.rebutter_key or unit.source_entity == rebuttal.rebutter_key:
        return True
    last = lambda name: name.split()[-1].lower().strip("'’s") if name.split() else ""  # noqa: E731
    return unit.source_entity is not None and last(unit.source) == last(rebuttal.rebutter)


def rebuttal_pairs(units: list[ClaimUnit], vecs: np.ndarray, rebuttals: list[Rebuttal],
                   restated: np.ndarray) -> list[tuple[int, Rebuttal, float, bool]]:
    """(claim unit, rebuttal, similarity of the claim to the denied content, is the antecedent)
    for each claim of another source that states what a rebuttal denies; per rebuttal, the
    closest claim of each article."""
    out = []
    denying = {r.unit for r in rebuttals}
    disputing = load_words("rebuttal_verbs")
    speech = load_words("speech_verbs")
    for r, rv in zip(rebuttals, restated):
        sims = vecs @ rv
        order = np.argsort(-sims)[:_NEIGHBOURS]
        best: dict[str, tuple[int, float, bool, tuple]] = {}
        for j in list(order.tolist()) + r.antecedents:
            u = units[j]
            ante = j in r.antecedents
            s = float(sims[j])
            # The encoder pairs close paraphrases; a short restatement ("this is a budget issue")
            # also pairs with an earlier claim of its own article that shares two content words
            # (the claim it answers), at a looser similarity.
            # Only a reported source's claim: the author's own sentences share words with what the
            # rebutter denies without being what the rebutter answers.
            lexical = (u.article == units[r.unit].article and u.claim.end <= units[r.unit].claim.start
                       and (u.source_entity is not None or u.claim.quote is not None and u.claim.stance != "asserted")
                       and len({w for w in r.lemmas & u.lemmas if not w.startswith("=")}) >= 2 and s >= LEXICAL_SIM)
            close = s >= RESTATE_SIM or lexical
            if j == r.unit or (not ante and (j in denying or u.negation is not None or not close)):
                continue
            # "Rubio's claim that A is not true" answers Rubio, not whoever else said something like A.
            if not ante and r.owner and not _said_by(u, r.owner):
                continue
            # "X denied [that A]": A right after the cue is the denial's own words, whoever the quotes
            # layer gave them to, unless the denial names whose claim A is.
            if not r.owner and u.article == units[r.unit].article and 0 <= u.claim.start - r.cue[1] <= _OWN_CLAUSE:
                continue
            # A statement that itself reports a denial ("the dean published a letter disputing
            # Exxon's accusations") is about the dispute, not one side's claim in it; a question
            # ("Is this clear?") or a frame ("As Davis tweeted:") claims nothing.
            if u.lemmas & disputing or u.asking or _frame_only(u, speech):
                continue
            if _same_source(r, u, units) and not (ante and r.claimant):
                continue
            # The antecedent first, then the nearest earlier claim it answers, then the closest.
            rank = (ante, u.claim.start if lexical else -1, s)
            if u.article not in best or rank > best[u.article][3]:
                best[u.article] = (j, s, ante, rank)
        out += [(j, r, s, ante) for j, s, ante, _rank in best.values()]
    return out


__all__ = ["RESTATE_SIM", "Rebuttal", "find_rebuttals", "rebuttal_pairs"]
