"""Who said a quotation in marks: a speech verb beside it, a colon lead-in, or an
interview label line ("Name, title:") in the paragraph before it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..lang import load_list, load_words
from ..model import Article, Mention, Token
from ..script import has_cyrillic
from ..syntax import SyntaxView
from .lexicon import QuoteLexicon
from .marks import MarkPair
from .morph_ru import nominal_subject, surname_like
from .reported import (Attribution, closing_participle, document_issuer, nearest_subjects, person_org_spans, source_span,
                       stranded_subject)
from .reported_ru import addressed_medium, place_source, preceding_subject, ru_source_span
from .roles import LONG_WORDS

_NEAR_CHARS = 160  # how far from the marks a speech verb may stand
_SHORT_NEAR = 20  # … and from a short quotation
_LABEL_MAX = 220  # an interview label line is short


def speaker_token(view: SyntaxView, verb: int) -> int | None:
    """Who does the saying: the agent of a passive ("told by X"), else the subject."""
    toks = view.tokens
    for agent in view.kids(verb, "agent"):
        objs = view.kids(agent, "pobj")
        if objs:
            return objs[0]
    climbed = False
    cue = verb
    if _participle_into_quotation(view, verb):
        return _subject_before_comma(view, verb)
    for _ in range(4):
        subj = [c for c in view.kids(verb, "nsubj") if not toks[c].dep.startswith(("nsubjpass", "nsubj:pass"))]
        if len(subj) >= 2 and verb < subj[0] and addressed_medium(view, subj[0]):
            subj = subj[1:]  # «комментирует «МК» сотрудник института …»: the paper is spoken to
        if subj and toks[subj[0]].pos == "ADP" and toks[subj[0]].text.isascii():
            # "Of Carson, Levine, who …, said, “…”": the parse made the preposition the subject.
            objs = view.kids(subj[0], "pobj")
            return objs[-1] if objs else None
        if subj and climbed and toks[subj[0]].text.lower() == "it":
            return None  # "It seems unfair to tell them: “…”": an expletive says nothing
        subj = nearest_subjects(view, verb, subj)
        if subj:
            # «в качестве которых называют «…»»: a Russian word with no nominative reading is a misparse.
            return subj[0] if nominal_subject(view, subj[0]) else None
        if toks[verb].dep in ("conj", "advcl") and toks[verb].head != verb:
            # "X said Clinton will have to choose …, saying, “…”": the participle closing X's report is X's.
            reporter = closing_participle(view, verb, load_words("speech_verbs")) if verb == cue else None
            verb = toks[verb].head if reporter is None else reporter
            continue
        if toks[verb].dep == "acl" and toks[verb].head != verb and toks[verb].text.isascii():
            # "Trump issued a statement Tuesday saying, “…”": who issued the statement speaks.
            issuer = document_issuer(view, toks[verb].head)
            if issuer is not None:
                return issuer
            # "O'Malley, who signed …, interjected to say: “…”": the parse made the clause's verb
            # a modifier of the name before it (never a passive with its agent: "the words said by X").
            head = toks[verb].head
            if head < verb and toks[head].pos == "PROPN" and toks[verb - 1].text == "," \
                    and not view.kids(verb, "agent"):
                return head
            # "Trump called Comey “a showboat.”": the parse made the sentence's only predicate a
            # modifier of the name at its root ("a man called John" has a root verb of its own).
            if head < verb and toks[head].dep in ("ROOT", "root") and toks[head].pos in ("PROPN", "NOUN") \
                    and all(toks[k].head == head and toks[k].dep in ("compound", "flat", "amod", "det")
                            or k == head for k in range(head, verb)) and not view.kids(verb, "agent"):
                return head
            return None
        if toks[verb].text.isascii() and not climbed:
            # "Clinton, exasperated, famously responded: “…”": the subject hung on the aside.
            asides = [c for p in view.kids(verb, "parataxis") if p < verb
                      for c in view.kids(p, "nsubj") if c < p and toks[c].pos in ("PROPN", "PRON", "NOUN")]
            if asides:
                return asides[0]
        # "Husted continued by saying, “…”": the gerund of a "by"-phrase is the clause verb's act.
        prep = toks[verb].head
        if toks[verb].dep == "pcomp" and toks[prep].text.lower() == "by" and toks[prep].dep == "prep" \
                and toks[prep].head != prep and toks[toks[prep].head].pos in ("VERB", "AUX"):
            verb = toks[prep].head
            continue
        if toks[verb].dep == "xcomp" and toks[verb].head != verb:
            # "the people who will be persuaded … to admit that …": the persuaded one admits.
            passive = view.kids(toks[verb].head, "nsubjpass", "nsubj:pass")
            if passive:
                return passive[0]
            # "continued to say “…”", "tweeting that … “phony crime.”": the one who continued (an
            # infinitive or a participle only: "all she could do was shout" has no speaker in "all").
            if toks[verb].text.isascii() and (toks[verb].text.lower().endswith("ing")
                                              or any(toks[a].text.lower() == "to" for a in view.kids(verb, "aux"))):
                verb = toks[verb].head
                climbed = True
                continue
        # "“…,” Viguerie notes.": the small model reads the name as a compound of the verb.
        named = [c for c in view.kids(verb, "compound") if c < verb and toks[c].pos == "PROPN"]
        if named and toks[verb].pos in ("VERB", "AUX"):
            return named[-1]
        break
    found = preceding_subject(view, verb)  # a Russian subject the parser hung on a later verb
    return found if found is not None and nominal_subject(view, found) else None


def _name_before_aside(article: Article, view: SyntaxView, pair: MarkPair, verb: int,
                       names: list[tuple[int, int]]) -> int | None:
    """“…,” Texas delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” pins, said: a name
    right after the closing mark, then an aside between commas with no verb of its own but a
    participle, then the frame's verb; the parse lost the subject in the aside."""
    toks = view.tokens
    text = article.text
    # The name may follow a short descriptor ("Texas delegate Bill Eastland").
    name = next(((s, e) for s, e in names if pair.end <= s and len(text[pair.end : s].split()) <= 4
                 and not re.search(r"[^\w\s,.'’-]|[,.]\s*\w", text[pair.end : s].lstrip(" ,"))), None)
    if name is None:
        return None
    start, end = name
    words = [k for k in view.tokens_in(end, toks[verb].start)]
    if not words or toks[words[0]].text != "," or toks[words[-1]].text != "," or len(words) < 3 \
            or any(toks[k].sent != toks[verb].sent for k in words) \
            or any(toks[k].pos in ("VERB", "AUX") and not toks[k].text.lower().endswith(("ing", "ed"))
                   for k in words):
        return None
    inside = [k for k in view.tokens_in(start, end)]
    return inside[-1] if inside else None


def _participle_into_quotation(view: SyntaxView, verb: int) -> bool:
    """", writing “Feels great …”": an English participle after a comma that the parse hung on
    a word after it (inside the quotation it introduces) as a subject or a modifier."""
    toks = view.tokens
    tok = toks[verb]
    return (tok.text.isascii() and tok.text.lower().endswith("ing") and verb > 0 and toks[verb - 1].text == ","
            and tok.head > verb and tok.dep in ("nsubj", "csubj", "dep", "amod", "compound", "advcl"))


def _subject_before_comma(view: SyntaxView, verb: int) -> int | None:
    """The subject of the nearest verb before the comma ahead of `verb`, in its sentence ("Band
    member Flea shared the news …, writing “…”": Flea)."""
    toks = view.tokens
    for j in range(verb - 2, -1, -1):
        if toks[j].sent != toks[verb].sent:
            return None
        if toks[j].pos in ("VERB", "AUX"):
            subj = [c for c in view.kids(j, "nsubj") if c < j and toks[c].pos in ("PROPN", "NOUN", "PRON")]
            if subj:
                return subj[0]
    return None


def _inside(pos: int, pairs: list[MarkPair]) -> bool:
    return any(p.start <= pos < p.end for p in pairs)


def _entity_after(article: Article, pos: int, limit: int) -> Mention | None:
    """The first PERSON/ORG mention starting within `limit` characters after pos ("said Lukashenka")."""
    for m in article.mentions:
        if pos <= m.start <= pos + limit and m.type in ("PERSON", "ORG"):
            return m
    return None


def _leads_in(text: str, tok: Token, pair: MarkPair) -> bool:
    """A frame verb (`frame_verbs.txt`) right before the marks with a comma or colon: "He
    continued, “…”" (English; any other verb there is the sentence's own)."""
    return (tok.end <= pair.start and text[tok.end : pair.start].strip() in (",", ":")
            and tok.text.isascii() and tok.lemma.lower() in load_words("frame_verbs"))


def _as_frame(view: SyntaxView, i: int, pair: MarkPair) -> bool:
    """ "As Byler put it, “…”", "As Byler pointed out in December, “…”": an English as-clause of
    a phrase of saying (`as_frames.txt`: verb and particle or object) right before the marks."""
    toks, tok = view.tokens, view.tokens[i]
    if not tok.text.isascii() or tok.end > pair.start or not any(toks[m].lemma.lower() == "as" for m in view.kids(i, "mark")):
        return False
    words = {toks[c].text.lower() for c in view.kids(i, "prt", "dobj")}
    if not any(f"{tok.lemma.lower()} {w}" in load_words("as_frames") for w in words):
        return False
    # The parse may hang the comma and the opening mark on the clause's verb: its words before the marks.
    last = max(k for k in view.subtree(i) if toks[k].end <= pair.start and toks[k].pos != "PUNCT")
    return view.article.text[toks[last].end : pair.start].strip() in (",", ":")


def _speech_lemma(lemma: str, lex: QuoteLexicon) -> bool:
    """A verb of saying, or its Russian reflexive passive: «говорится: «…»», «сообщается: «…»»."""
    return lemma in lex.speech or (lemma.endswith(("ся", "сь")) and lemma[:-2] in lex.speech)


def _verb_cue(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
              quoted: list[MarkPair], near: int = _NEAR_CHARS,
              names: list[tuple[int, int]] | None = None) -> Attribution | None:
    """A speech verb in the sentences the quotation touches, outside every quotation."""
    text = article.text
    s0 = view.sentence_of(pair.start)
    s1 = view.sentence_of(max(pair.start, pair.end - 1))
    if s0 is None or s1 is None:
        return None
    sents = article.sentences
    lo, hi = sents[s0].start, sents[s1].end
    # "…,” said X." is sometimes split after the closing mark: take one short follow-up sentence.
    if s1 + 1 < len(sents) and "\n" not in text[hi : sents[s1 + 1].start] and sents[s1 + 1].end - sents[s1 + 1].start < 90:
        nxt = text[sents[s1 + 1].start : sents[s1 + 1].end]
        if nxt[:1] in "—–-" or nxt[:1].islower():
            hi = sents[s1 + 1].end
    lo, hi = max(lo, pair.start - near), min(hi, pair.end + near)
    best = None
    for i in view.tokens_in(lo, hi):
        tok = view.tokens[i]
        if tok.pos not in ("VERB", "AUX") or _inside(tok.start, quoted):
            continue
        if not (_speech_lemma(tok.lemma.lower(), lex) or _leads_in(text, tok, pair) or _as_frame(view, i, pair)):
            continue
        dist = tok.start - pair.end if tok.start >= pair.end else pair.start - tok.end
        if "\n" in text[min(tok.start, pair.end) : max(tok.end, pair.start)]:
            continue
        if best is None or dist < best[0]:
            best = (dist, i)
    if best is None:
        return None
    verb = best[1]
    tok = view.tokens[verb]
    subj = speaker_token(view, verb)
    framed = False
    if subj is None and tok.start >= pair.end and not has_cyrillic(tok.text):
        # “…?” the 43-year-old asked: the parser hung the verb on the noun as a participle.
        subj = _frame_subject(view, verb, _after_marks(article, view, pair))
        framed = subj is not None
    if subj is None and tok.start >= pair.end and tok.text.isascii():
        subj = _name_before_aside(article, view, pair, verb, person_org_spans(article) if names is None else names)
    if subj is not None and pair.start <= view.tokens[subj].start < pair.end and tok.start >= pair.end:
        # "“Toil hopelessly or go to prison,” Frank writes.": the parse gave the verb a subject in
        # the marks and the speaker both; the one outside them speaks.
        outside = [c for c in view.kids(verb, "nsubj") if pair.end <= view.tokens[c].start < tok.start
                   and view.tokens[c].pos in ("PROPN", "PRON", "NOUN")]
        if not outside:
            return None  # «…», пишет «Коммерсантъ»: the marks hold the speaker's name, not words
        subj = outside[0]
    if subj is not None and tok.start >= pair.end and _within_subject(view, subj, pair):
        return None  # "fans, who are delighted with the “…”, do not explain": part of who, not what
    if subj is None and tok.end <= pair.start and tok.text.isascii():
        # "In a call on Dec. 2, Col. Steven H. Warren, a military spokesman, said, ''…''": a name
        # the parse hung elsewhere, right before the verb, as for reported speech.
        subj = stranded_subject(view, verb, person_org_spans(article) if names is None else names)
    after = _subject_after(view, verb) if subj is None and tok.start >= pair.end else None
    src = None
    if after is not None and not _inside(view.tokens[after].start, quoted):
        subj, src = after, ru_source_span(view, after, verb)  # the phrase on the remark's side only
    elif subj is not None and not _inside(view.tokens[subj].start, quoted):
        src = _frame_source(view, subj, pair, verb) if framed else source_span(view, subj)
        if src[0] < pair.end and pair.start < src[1] \
                and len(text[pair.inner_start : pair.inner_end].split()) >= LONG_WORDS:
            # A misparse hung words of a quotation on the speaker: the phrase on the cue's side only
            # (a short name in marks, «Эспрессо», may belong to the speaker's phrase).
            src = ru_source_span(view, subj, verb) if has_cyrillic(tok.text) else _frame_source(view, subj, pair, verb)
            if src[0] < pair.end and pair.start < src[1]:
                src = (view.tokens[subj].start, view.tokens[subj].end)
    else:
        subj = None
        # «В пресс-службе отметили: «…»», «В докладе ООН говорится: «…»»: the place or document.
        # «заявили», «говорится», and the short passives «сказано», «отмечено» (impersonal_cues.txt).
        impersonal = tok.text.lower().endswith(("ли", "ют", "ят", "ся", "сь")) \
            or tok.text.lower() in load_list("ru", "impersonal_cues")
        place = place_source(view, verb) if impersonal else None
        ent = _entity_after(article, tok.end, 25)
        if place is not None and not _inside(place[0], quoted):
            src = place
        elif ent is not None and not _inside(ent.start, quoted):
            src = (ent.start, ent.end)
    return Attribution((pair.start, pair.end), (tok.start, tok.end), src, subj, "direct:verb")


# Complements a verb takes when it reports something of its own, not the quotation.
_OWN_COMPLEMENTS = ("dobj", "obj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd")


def _after_marks(article: Article, view: SyntaxView, pair: MarkPair) -> list[int]:
    """Word tokens of the quotation's sentence after its closing mark, if one follows at once."""
    toks = view.tokens
    s = view.sentence_of(max(pair.start, pair.end - 1))
    if s is None:
        return []
    sents = article.sentences
    end = sents[s].end
    if end <= pair.end + 1 and s + 1 < len(sents) and "\n" not in article.text[end:sents[s + 1].start]:
        end = sents[s + 1].end  # the parser may end the sentence at the closing mark
    idx = [i for i in view.tokens_in(pair.end, end) if toks[i].pos not in ("PUNCT", "SPACE")]
    if not idx or article.text[pair.end:toks[idx[0]].start].strip(" ,\u00a0"):
        return []
    return idx


def _frame_subject(view: SyntaxView, verb: int, idx: list[int]) -> int | None:
    """Who speaks in “…,” X verb / “…,” verb X, `idx` being the words after the marks: the
    verb's subject between the marks and the verb, or the noun the parser hung the verb on
    ("Murphy, the head of …, Tweeted" as a participle of Murphy), or the name right after a
    verb that comes first ("continued Carson", parsed as its attribute)."""
    toks = view.tokens
    n = idx.index(verb) if verb in idx else -1
    if n < 0:
        return None
    if n == 0:
        # "continued Carson", "opined Cleveland's Plain Dealer": the phrase right after the verb,
        # its head the verb's subject, attribute or (misparsed) object.
        heads = [c for c in view.kids(verb, "nsubj", "attr", "dobj", "obj") if c in idx[1:]]
        if heads and toks[heads[0]].pos in ("PROPN", "PRON", "NOUN"):
            k = heads[0]
            phrase = set(view.subtree(k))
            if all(i in phrase for i in idx[1 : idx.index(k)]):
                return k
        return None
    subj = [c for c in view.kids(verb, "nsubj") if not toks[c].dep.startswith(("nsubjpass", "nsubj:pass"))]
    k = subj[0] if subj else (toks[verb].head if toks[verb].dep == "acl" else None)
    if k is None or k not in idx[:n]:
        return None
    phrase = set(view.subtree(k))
    # Everything between the marks and the verb is the subject phrase ("Murphy, the head of …,").
    return k if all(i in phrase for i in idx[:n]) else None


_STOP_FRAME_WORDS = 6  # words after a quotation closed on a full stop: "Sen. Dick Durbin said Tuesday."


def _frame_verb(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
                quoted: list[MarkPair]) -> Attribution | None:
    """The reporting frame “…,” Carson continued. / “…,” continued Carson.: a quotation closed on
    a comma and followed at once by a subject and a verb (either order) that takes nothing else
    is the quotation's cue, whatever the verb (the speech-verb list is for verbs standing
    anywhere). After "!" or "?" the next words may be a sentence of their own ("“Enough!” The
    crowd marched …"), so there the verb must be a speech verb."""
    text, toks = article.text, view.tokens
    # A quotation whose closing mark was lost has a frame only when the author's dash follows.
    if (not pair.closed and not _DASH_REMARK.match(text, pair.end)) or pair.inner_end <= pair.inner_start:
        return None
    inner = text[pair.inner_start:pair.inner_end].rstrip()
    if has_cyrillic(inner):
        return _dash_frame(article, view, pair, quoted, inner)  # Russian frames a remark with a dash
    # A comma after the marks (“…”, he said) may also follow a quoted name (“Fantastic Four”, the
    # reboot …): there the quotation must read like words said, four words or more.
    comma = inner[-1:] == "," or (text[pair.end:pair.end + 1] == "," and len(inner.split()) >= 4)
    if not comma and inner[-1:] not in "!?.":
        return None
    idx = _after_marks(article, view, pair)
    # A full stop where a comma belongs ("“….” Durbin said."): only a short frame of its own, with
    # a speech verb, follows; a longer sentence after the marks is the author's.
    if inner[-1:] == "." and len(idx) > _STOP_FRAME_WORDS:
        return None
    verb = next((i for i in idx[:12] if toks[i].pos == "VERB"), None)
    if verb is None:
        return None
    lemma = toks[verb].lemma.lower()
    # After "?" or "!" a frame verb (`frame_verbs.txt`: "continued", "laughed") frames it only
    # with a name or a personal pronoun as subject: "“…, John?” Obama continued".
    framing = not comma and lemma in load_words("frame_verbs")
    if not (comma or framing or _speech_lemma(lemma, lex)):
        return None
    k = _frame_subject(view, verb, idx)
    if k is None or _inside(toks[k].start, quoted):
        return None
    if framing and not _speech_lemma(lemma, lex) and toks[k].pos not in ("PROPN", "PRON"):
        return None
    own = [c for c in view.kids(verb, *_OWN_COMPLEMENTS) if c != k and not pair.start <= toks[c].start < pair.end
           and not (lemma in load_words("addressee_verbs") and toks[c].dep in ("dobj", "obj", "dative"))]
    if own:
        return None  # "…,” he continued to argue / he added fuel": the verb reports something else
    return Attribution((pair.start, pair.end), (toks[verb].start, toks[verb].end), _frame_source(view, k, pair, verb),
                       k, "direct:frame")


# «…», — усмехнулся Песков / «…!» — крикнул он: the author's remark after the closing mark. A bare
# dash after the marks may be a copula («„Северный поток“ — крупнейший проект»), so a comma must
# precede it, or the quotation must end on "!", "?" or "…".
_DASH_REMARK = re.compile(r"(,\s*|\s*)(?:[—–]|-(?=\s))\s*")


def _dash_frame(article: Article, view: SyntaxView, pair: MarkPair, quoted: list[MarkPair],
                inner: str) -> Attribution | None:
    """A Russian quotation followed by «, —» and a remark whose verb is not in the speech list
    («усмехнулся», «отрезал», «пожал плечами»): the remark's verb is the cue, its subject the speaker."""
    text, toks = article.text, view.tokens
    m = _DASH_REMARK.match(text, pair.end)
    if m is None or not (m.group(1).strip() == "," or inner[-1:] in "!?…"):
        return None
    s = view.sentence_of(m.end()) if m.end() < len(text) else None
    if s is None:
        return None
    words = [i for i in view.tokens_in(m.end(), article.sentences[s].end) if toks[i].pos not in ("PUNCT", "SPACE")]
    verb = next((i for i in words[:3] if toks[i].pos == "VERB"), None)
    if verb is None or "\n" in text[pair.end:toks[verb].start]:
        return None
    subj = speaker_token(view, verb)
    if subj is None:
        subj = _subject_after(view, verb)
    if subj is None or not pair.end <= toks[subj].start or _inside(toks[subj].start, quoted):
        return None
    return Attribution((pair.start, pair.end), (toks[verb].start, toks[verb].end), ru_source_span(view, subj, verb),
                       subj, "direct:dash-frame")


def _frame_source(view: SyntaxView, k: int, pair: MarkPair, verb: int) -> tuple[int, int]:
    """The subject phrase between the marks and the verb (a misparse may hang the quotation,
    the verb or the final stop on it), cut at a comma apposition as `source_span` cuts it."""
    toks = view.tokens
    s, e = source_span(view, k)
    if toks[k].start > toks[verb].start:
        return s, e  # "…,” opined Cleveland's Plain Dealer: the phrase after the verb
    words = [t for t in view.subtree(k, exclude={verb}) if pair.end <= toks[t].start < toks[verb].start
             and s <= toks[t].start and toks[t].end <= max(e, toks[k].end) and toks[t].pos not in ("PUNCT", "SPACE")]
    return (toks[words[0]].start, toks[words[-1]].end) if words else (toks[k].start, toks[k].end)


def _within_subject(view: SyntaxView, subj: int, pair: MarkPair) -> bool:
    """The quotation sits inside the subject phrase (its relative clause, its modifier), not
    beside it: a word the speaker phrase uses, not words the verb reports."""
    toks = view.tokens
    idx = [k for k in view.subtree(subj) if toks[k].pos != "PUNCT"]
    return bool(idx) and toks[idx[0]].start < pair.start and pair.end <= toks[idx[-1]].end + 1


def _subject_after(view: SyntaxView, verb: int) -> int | None:
    """«…», — сыронизировал британец: the word right after the remark's verb (and its own objects
    and adverbials), when the parser made it a subject of some other verb (the quotation's, across
    the marks)."""
    toks = view.tokens
    # Past the verb's own words («— комментирует для «Корреспондент.net» эти результаты аналитик …»).
    own = {j for c in view.kids(verb, "obl", "obj", "iobj", "advmod", "punct") if c > verb for j in view.subtree(c)}
    k = verb + 1
    while k in own and toks[k].sent == toks[verb].sent:
        k += 1
    if k < len(toks) and toks[k].sent == toks[verb].sent and toks[k].dep == "nsubj" and toks[k].head != verb \
            and toks[k].pos in ("NOUN", "PROPN", "PRON"):
        return k
    return None


# «A, — сказал он, — B»: the author's remark between two dashes inside the marks.
_REMARK = re.compile(r"[,!?…]\s*[—–-]\s+(?=\w)")


def _inner_remark(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair) -> Attribution | None:
    """A quotation interrupted by the author's remark: «A, — заявил министр, — B». The
    remark's verb is the cue and its subject the speaker."""
    text = article.text
    for m in _REMARK.finditer(text, pair.inner_start, pair.inner_end):
        # The frame itself says the remark reports the quotation, so its verb need not be one of
        # saying («— считает собеседник. —», «— выдал ведущий. —»), as after a closing mark; such
        # a verb needs its subject inside the remark.
        verb = next((i for i in view.tokens_in(m.end(), min(pair.inner_end, m.end() + 25))
                     if view.tokens[i].pos in ("VERB", "AUX")), None)
        if verb is None or text[m.end() : view.tokens[verb].start].count(" ") > 1:
            continue
        said = view.tokens[verb].lemma.lower() in lex.speech
        tok = view.tokens[verb]
        close = re.compile(r"[,.:]\s*[—–-]\s").search(text, tok.end, min(pair.inner_end, tok.end + 120))
        if close is None:
            continue
        subj = speaker_token(view, verb)
        src = None
        if subj is not None and tok.end <= view.tokens[subj].start < close.start():
            s, e = source_span(view, subj)
            src = (max(s, tok.end + 1), min(e, close.start()))
            src = src if src[1] > src[0] else None
        if src is None and not said:
            continue
        resume = close.end()
        while resume < pair.inner_end and text[resume].isspace():
            resume += 1
        return Attribution((pair.start, pair.end), (tok.start, tok.end), src, subj if src else None, "direct:remark",
                           remark=(m.start() + 1, resume) if resume < pair.inner_end else None)
    return None


def _colon_frame(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
                 quoted: list[MarkPair]) -> Attribution | None:
    """ "Trump offered this assessment of …: “What kind of man is this?”": a sentence that closes on
    the colon with a verb of saying, or a light verb with a cue noun as its object, introduces the
    quotation; its subject speaks (English)."""
    text = article.text
    before = text[max(0, pair.start - 4) : pair.start].rstrip()
    if not before.endswith(":") or not text[pair.inner_start : pair.inner_end].isascii():
        return None
    colon = text.rindex(":", 0, pair.start)
    if "\n" in text[colon : pair.start]:
        return None
    sent = view.sentence_of(colon)
    if sent is None:
        return None
    toks = view.tokens

    def frames(tok: Token, i: int) -> bool:
        # The sentence's main verb: "Where the Gospel proclaims …, Allah has nothing to offer …:"
        # and "In remarks reported by the newspaper, the cardinal made it clear …:" are not framed
        # by the verb of a side clause.
        if tok.pos != "VERB" or tok.dep.lower() != "root" or _inside(tok.start, quoted):
            return False
        lemma = tok.lemma.lower()
        return lemma in lex.speech or (lemma in lex.light and any(
            toks[o].lemma.lower() in lex.nouns for o in view.kids(i, "dobj", "obj")))

    return _framed_by(view, pair, quoted, article.sentences[sent].start, colon, "direct:colon-frame", frames)


@lru_cache(maxsize=1)
def _signature() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in load_words("signature_words")), key=len, reverse=True))
    return re.compile(rf"[ \t]*\.?[ \t]*(?P<cue>(?i:{words}))[ \t]*[—―–:-][ \t]*(?=[^\W\d_])")


# Where a signed name ends: a sentence's end (not an initial's full stop), a clause after a comma
# («Автор ― партия, закрепившая …»), a bracket or the line's end.
_SIGNED_END = re.compile(r"(?<![\s.][^\W\d_])\.(?=\s|$)|,\s+(?=[a-zа-яё])|[;(\n]")


def _signed(article: Article, pair: MarkPair) -> Attribution | None:
    """ "Утверждение второе: «…». Автор ― Дмитрий Спивак.": a quotation signed right after its
    closing mark (the fact-check layout: the claim, then who made it) is the signed name's; the cue
    is the colon before the quotation on its line, else the signature word."""
    text = article.text
    m = _signature().match(text, pair.end, min(len(text), pair.end + 30))
    if m is None:
        return None
    start = m.end()
    stop = _SIGNED_END.search(text, start, min(len(text), start + _SIGNED_REACH))
    end = stop.start() if stop is not None else min(len(text), start + _SIGNED_REACH)
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "»\")"):
        end -= 1
    if end - start < 2:
        return None
    colon = pair.start - 1
    while colon >= 0 and text[colon] in " \t":
        colon -= 1
    cue = (colon, colon + 1) if colon >= 0 and text[colon] == ":" else m.span("cue")
    return Attribution((pair.start, pair.end), cue, (start, end), None, "direct:signed")


_SIGNED_REACH = 80  # characters a signed name may run over


def _colon_lead(article: Article, pair: MarkPair, quoted: list[MarkPair]) -> Attribution | None:
    """ "Kowalczyk: “…”" inside one paragraph: the name just before a colon."""
    text = article.text
    before = text[max(0, pair.start - 4) : pair.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = text.rindex(":", 0, pair.start)
    if "\n" in text[colon : pair.start]:
        return None  # a label line above the quotation: _label_line decides
    line_start = text.rfind("\n", 0, colon) + 1
    cands = [m for m in article.mentions if line_start <= m.start and m.end <= colon
             and m.type in ("PERSON", "ORG") and not _inside(m.start, quoted)]
    if not cands:
        label = _surname_label(article, line_start, colon)
        return Attribution((pair.start, pair.end), (colon, colon + 1), label, None, "direct:colon") if label else None
    if colon - cands[-1].end > 60:
        return None
    m = cands[-1]
    return Attribution((pair.start, pair.end), (colon, colon + 1), (m.start, m.end), None, "direct:colon")


_RU_MARKER = re.compile(r"(?i:по|согласно)\s+(\w+)(?!\w)")
_SURNAME = re.compile(r"[^\W\d_][\w'’-]*")


def _surname_label(article: Article, start: int, colon: int) -> tuple[int, int] | None:
    """A line opening with a bare surname and a colon ("Ratzinger: “…”") that the recogniser
    left untagged, when a person of that surname is named in the article or the word is a Russian surname."""
    text = article.text
    label = text[start:colon].strip()
    if not _SURNAME.fullmatch(label) or not label[0].isupper():
        return None
    # «Песков: «…»» in a text that names him nowhere else: a surname by the dictionary.
    if not any(e.type == "PERSON" and len(e.name.split()) > 1 and e.name.split()[-1] == label for e in article.entities) \
            and not surname_like(label):
        return None
    s = text.index(label, start)
    return s, s + len(label)


def _previous_paragraph(article: Article, pos: int):  # noqa: ANN202 - Paragraph | None
    prev = None
    for para in article.paragraphs:
        if para.start >= pos:
            break
        if para.end <= pos:
            prev = para
    return prev


def _label_line(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
                quoted: list[MarkPair]) -> Attribution | None:
    """The quotation opens a paragraph and the one before ends with a colon: a label or a lead-in."""
    text = article.text
    line_start = text.rfind("\n", 0, pair.start) + 1
    if text[line_start : pair.start].strip(" \t—–-"):
        return None
    prev = _previous_paragraph(article, line_start)
    if prev is None or not prev.text.endswith(":"):
        return None
    colon = prev.end - 1
    if len(prev.text) <= _LABEL_MAX:
        first = [m for m in article.mentions if prev.start <= m.start < prev.end and m.type in ("PERSON", "ORG")]
        if first and first[0].start - prev.start <= 2:
            m = first[0]
            return Attribution((pair.start, pair.end), (colon, colon + 1), (m.start, m.end), None, "direct:label")
        # "According to Ritter:" / «По словам эксперта:» on its own line: the marker's phrase.
        marker = next((mk for mk in lex.source_markers if prev.text.lower().startswith(mk)
                       and not prev.text[len(mk) : len(mk) + 1].isalnum()), None)
        ru = _RU_MARKER.match(prev.text)
        if marker is None and ru is not None and ru.group(1).lower() in load_list("ru", "marker_nouns"):
            marker = ru.group(0)
        if marker is not None:
            src = (prev.start + len(marker) + 1, colon)
            if text[src[0] : src[1]].strip() and "," not in text[src[0] : src[1]] and src[1] - src[0] <= 80:
                lead = len(text[src[0] : src[1]]) - len(text[src[0] : src[1]].lstrip())
                return Attribution((pair.start, pair.end), (prev.start, prev.start + len(marker)),
                                   (src[0] + lead, src[1]), None, "direct:label")
    # A lead-in sentence: "Bedtime tales are told by its illegitimate leader:"
    last = view.sentence_of(colon)
    if last is None:
        return None
    sent = article.sentences[last]
    return _framed_by(view, pair, quoted, sent.start, sent.end, "direct:lead-in",
                      lambda tok, i: tok.pos in ("VERB", "AUX") and tok.lemma.lower() in lex.speech)


def _framed_by(view: SyntaxView, pair: MarkPair, quoted: list[MarkPair], lo: int, hi: int, how: str,
               frames: Callable[[Token, int], bool]) -> Attribution | None:
    """The quotation under the first verb between `lo` and `hi` that `frames` accepts and whose
    speaker stands outside every quotation (the shared end of the lead-in rules)."""
    for i in view.tokens_in(lo, hi):
        tok = view.tokens[i]
        if not frames(tok, i):
            continue
        subj = speaker_token(view, i)
        if subj is None or _inside(view.tokens[subj].start, quoted):
            continue
        return Attribution((pair.start, pair.end), (tok.start, tok.end), source_span(view, subj), subj, how)
    return None


def attribute_quotation(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
                        quoted: list[MarkPair], *, short: bool = False,
                        previous: Attribution | None = None,
                        names: list[tuple[int, int]] | None = None) -> Attribution | None:
    """Find cue and speaker for one quotation, trying the rules from most to least local.

    A short quotation ("No," he said) only takes a verb standing right at its marks; a long one
    right after “A,” he said. continues `previous` (the last attributed quotation). `names`: the
    article's person and organisation mention spans (`person_org_spans`), computed once by the caller.
    """
    found = (
        _inner_remark(article, view, lex, pair)
        or _verb_cue(article, view, lex, pair, quoted, near=_SHORT_NEAR if short else _NEAR_CHARS, names=names)
        or _frame_verb(article, view, lex, pair, quoted)
        or _colon_frame(article, view, lex, pair, quoted)
        or _colon_lead(article, pair, quoted)
        or _label_line(article, view, lex, pair, quoted)
        or (None if short else _continued(article.text, pair, previous))
        or (None if short else _intro_sentence(article, view, lex, pair, quoted))
    )
    if found is None or found.source is None:
        signed = _signed(article, pair)  # «Заявление: «…». Автор ― X.»: the signature names who
        if signed is not None:
            return signed if found is None else Attribution(found.content, found.cue or signed.cue, signed.source,
                                                            None, signed.how)
    return found


# Dependents that give a verb of saying its own content: then the sentence says what was said.
_OWN_CONTENT = ("ccomp", "dobj", "obj", "xcomp", "attr", "oprd", "parataxis")


def _intro_sentence(article: Article, view: SyntaxView, lex: QuoteLexicon, pair: MarkPair,
                    quoted: list[MarkPair]) -> Attribution | None:
    """ "Trump noted in a tweet Wednesday morning.¶“Former President Vicente Fox, who …”": a
    quotation that is a whole paragraph, after a paragraph ending in a sentence whose verb of
    saying has a subject and says nothing itself, is what that verb introduces (English)."""
    text = article.text
    line_start = text.rfind("\n", 0, pair.start) + 1
    line_end = text.find("\n", pair.end)
    if text[line_start : pair.start].strip() or text[pair.end : len(text) if line_end < 0 else line_end].strip():
        return None
    prev = _previous_paragraph(article, line_start)
    if prev is None or not prev.text.rstrip().endswith(".") or not prev.text.isascii():
        return None
    last = view.sentence_of(prev.start + len(prev.text.rstrip()) - 1)
    if last is None:
        return None
    sent = article.sentences[last]
    if any(ch in text[sent.start : sent.end] for ch in "\"“”"):
        return None  # a sentence with its own quotation says what it reports
    # The sentence's own main verb, saying nothing itself: "Grassley said his staff contacted those
    # Ford complained of:" introduces nothing by "complained".
    return _framed_by(view, pair, quoted, sent.start, sent.end, "direct:intro",
                      lambda tok, i: tok.pos == "VERB" and tok.dep.lower() == "root"
                      and tok.lemma.lower() in lex.speech and not view.kids(i, *_OWN_CONTENT))


_CONTINUATION_GAP = 80  # characters of the remark's tail between “A,” he said … and “B”
_LONG_REMARK = 250  # … or up to this many when the tail is the rest of one sentence
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")


# A programme's or a book's name in marks closing the remark, its full stop inside the marks.
_CLOSING_TITLE = re.compile(r"(?:''|[“\"])([^\"“”'\n]{1,60}\.)(?:''|[”\"])\s*\Z")
_TITLE_WORDS = 6


def _continued(text: str, pair: MarkPair, previous: Attribution | None) -> Attribution | None:
    """ “A,” he said in an interview. “B.”: the second quotation in the same paragraph, right after
    the remark that attributes the first, is the same speaker's, under the same cue (English). So
    is a quotation that is the whole next paragraph ("“A,” he said Friday.¶“B.”")."""
    if previous is None or previous.cue is None or previous.cue[0] < previous.content[1]:
        return None
    if not text[previous.cue[0] : previous.cue[1]].isascii():
        return None  # English only: the Russian rules are tuned on their own dev set (reported_ru)
    gap = text[previous.cue[1] : pair.start]
    if "\n" in gap:
        # The remark ends its paragraph and the quotation is all of the next one.
        rest, _, between = gap.partition("\n")
        line_end = text.find("\n", pair.end)
        after = text[pair.end : len(text) if line_end < 0 else line_end]
        if between.strip() or after.strip() or not rest.rstrip().endswith("."):
            return None
        gap = rest
    title = _CLOSING_TITLE.search(gap)
    if title is not None and len(title.group(1).split()) <= _TITLE_WORDS and title.group(1)[:1].isupper():
        gap = gap[: title.start()] + title.group(1)  # "he said on NBC's ''Meet the Press.''" ends the remark
    if not gap.rstrip().endswith((".", ":", ",")):
        return None
    # A long remark is still the remark if it is one sentence ("…,” said Army Capt. Jane Roe, a
    # spokeswoman for the brigade at Fort Hood, Texas. “B.”).
    if len(gap) > _CONTINUATION_GAP and (len(gap) > _LONG_REMARK or _SENTENCE_BREAK.search(gap.rstrip()[:-1])):
        return None
    if any(ch in gap for ch in "\"“”«»„"):
        return None
    return Attribution((pair.start, pair.end), previous.cue, previous.source, previous.source_head, "direct:continued")
