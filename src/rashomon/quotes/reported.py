"""Reported speech from the dependency parse: "X claims that …", "according to X, …",
«по словам X, …», «X заявил, что …», headline "KGB: …" and "X speaks of …"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from ..syntax import SyntaxView
from .lexicon import QuoteLexicon

# Verbs whose infinitive complement is the content: "claims to have prevented".
# (Not want/plan/hope: "what do they want to hide" is not reported speech.)
_XCOMP_CUES = {
    "claim", "promise", "threaten", "vow", "deny", "pledge", "swear", "pretend",
    "пообещать", "обещать", "пригрозить", "угрожать", "заявить", "утверждать",
}
_SUBJ = ("nsubj",)
_PASSIVE_SUBJ = ("nsubjpass", "nsubj:pass")
_PUNCT_EDGE = " \t\r\n,;:—–-"
_FIRST_PERSON = {"i", "we", "я", "мы"}


@dataclass(slots=True)
class Attribution:
    """One attribution before speaker resolution: character spans and the rule that found it."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None  # token index of the source's head, for pronoun resolution
    how: str
    weak: bool = False  # a verb of believing or evaluating ("thinks", "showed"), not of saying


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past edge punctuation, whitespace, a final period and stray brackets
    (a closing bracket at the start, an opening one at the end; "[Yury] X" keeps its bracket)."""
    while start < end and text[start] in _PUNCT_EDGE + ")]":
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + ".([":
        end -= 1
    return start, end


def source_span(view: SyntaxView, head: int) -> tuple[int, int]:
    """The subject phrase: the head's subtree cut before a relative clause or a comma apposition."""
    toks = view.tokens
    text = view.article.text
    # Relative clauses go; an apposition goes only after a comma ("Parotnikau, head of …"),
    # not when it is the name itself ("Министр обороны Анна Ковальчик").
    cut = {c for c in view.children[head] if toks[c].start > toks[head].start and (
        toks[c].dep in ("relcl", "acl:relcl", "acl")
        or (toks[c].dep == "appos" and "," in text[toks[head].end : toks[c].start]))}
    idx = view.subtree(head, exclude=cut)
    # Stop at the first comma after the head: "Andrey Parotnikau, head of …".
    here = toks[head].start
    comma = next((toks[i].start for i in idx if toks[i].start > here and toks[i].text == ","), None)
    if comma is not None:
        idx = [i for i in idx if toks[i].start < comma]
    s, e = view.span_of(idx)
    return _strip(view.article.text, s, e)


def _verb_subject(view: SyntaxView, verb: int) -> int | None:
    """nsubj of the verb, or of the verb it is coordinated with / participle of.

    The cue's own passive subject is who was told or shown, not who spoke ("he was shown …"):
    the speaker is then the by-agent, if any. A passive subject higher up controls the cue
    ("X was persuaded to … declare that …": X declares)."""
    toks = view.tokens
    cue = verb
    for _ in range(4):
        passive = view.kids(verb, *_PASSIVE_SUBJ)
        subj = [c for c in view.kids(verb, *_SUBJ) if c not in passive]
        if subj:
            return subj[0]
        if passive and verb == cue:
            return _agent(view, verb)
        if passive:
            return passive[0]
        tok = toks[verb]
        if tok.dep == "conj" and tok.head != verb:
            verb = _conjunct_head(view, verb)
            continue
        if tok.dep in ("advcl", "xcomp") and tok.head != verb:
            verb = tok.head
            continue
        return None
    return None


def _passive_without_agent(view: SyntaxView, verb: int) -> bool:
    """ "It was reported that …", "he was told that …": reported, by nobody named."""
    return bool(view.kids(verb, *_PASSIVE_SUBJ)) and _agent(view, verb) is None


def _agent(view: SyntaxView, verb: int) -> int | None:
    """The by-phrase of a passive verb ("was shown … by the KGB"), else None."""
    for a in view.kids(verb, "agent"):
        objs = view.kids(a, "pobj")
        if objs:
            return objs[0]
    objs = view.kids(verb, "obl:agent")
    return objs[0] if objs else None


def _conjunct_head(view: SyntaxView, verb: int) -> int:
    """The verb a subjectless conjunct shares its subject with.

    Coordinated verbs share their form: in "was persuaded to move troops … and publicly
    declare that …" the bare "declare" joins the infinitive "move", even when the parser hangs
    it on the main clause's copula ("It was no coincidence that …")."""
    toks = view.tokens
    head = toks[verb].head
    if not _bare_after_and(view, verb):
        return head
    for k in range(verb - 1, head, -1):
        if toks[k].sent != toks[verb].sent:
            break
        if toks[k].dep == "xcomp" and toks[k].pos == "VERB" and toks[k].text.lower() == toks[k].lemma.lower() \
                and any(toks[a].text.lower() == "to" for a in view.kids(k, "aux")):
            return k
    return head


def _bare_after_and(view: SyntaxView, verb: int) -> bool:
    """An English bare infinitive ("declare", not "declared") with no subject or 'to' of its
    own right after and/or (+ adverbs)."""
    toks = view.tokens
    if toks[verb].text.lower() != toks[verb].lemma.lower() or view.kids(verb, "aux", "auxpass", *_SUBJ, *_PASSIVE_SUBJ):
        return False
    k = verb - 1
    while k >= 0 and toks[k].pos == "ADV":
        k -= 1
    return k >= 0 and toks[k].text.lower() in ("and", "or")


def _content_of(view: SyntaxView, verb: int, lex: QuoteLexicon) -> tuple[list[int], str] | None:
    """Token indices of what the verb reports, and which rule found them."""
    toks = view.tokens
    lemma = toks[verb].lemma.lower()
    nxt = verb + 1
    if nxt < len(toks) and toks[nxt].text == ":" and toks[nxt].sent == toks[verb].sent:
        # "The FSB reports: …" — the parser often hangs the verb under the clause instead.
        rest = [j for j in range(nxt + 1, len(toks)) if toks[j].sent == toks[verb].sent]
        if rest:
            return rest, "colon"
    for c in view.kids(verb, "ccomp"):
        if c < verb and ":" in view.article.text[toks[c].end : toks[verb].start]:
            continue  # "This is not the first time …: he claimed" — not his words
        if lemma in _volition_verbs() and _wish_clause(view, c):
            continue  # "they want him to take …": a wish about someone's act, not a view held
        return view.subtree(c), "ccomp"
    if lemma in _XCOMP_CUES:
        for c in view.kids(verb, "xcomp"):
            return view.subtree(c), "xcomp"
    for c in view.kids(verb, "prep"):
        if (lemma, toks[c].lemma.lower()) in lex.prepositional:
            objs = view.kids(c, "pobj")
            if objs:
                return view.subtree(objs[0]), "prep"
    if lemma in lex.objective:
        # A Russian pronoun object («подтвердил это») points back to what was said; it is not it.
        objs = [c for c in view.kids(verb, "dobj", "obj") if c > verb and not (toks[c].dep == "obj" and toks[c].pos == "PRON")]
        if objs:
            # "called the expulsion a provocation": the object and its complement.
            # After a naming verb, a Russian «obl» with a preposition is an adverbial («назвали
            # сына в честь деда»), not the name («обвинил X в Y» keeps its «в»-phrase).
            comps = [c for c in view.kids(verb, "oprd", "xcomp", "obl") if c > objs[0] and not (
                lemma in lex.naming and toks[c].dep == "obl" and view.kids(c, "case"))]
            if lemma in lex.naming and not comps:
                return [], "naming"  # "as they called Lukashenko": naming someone, not saying anything
            idx = sorted({i for c in objs[:1] + comps[:1] for i in view.subtree(c)})
            return idx, "object"
    # Colon-introduced content the parser hung off the verb as a sibling clause.
    for c in view.kids(verb, "parataxis"):
        if c > verb:
            return view.subtree(c), "parataxis"
    return None


def _wish_clause(view: SyntaxView, verb: int) -> bool:
    """Someone's act wished for: "him to take the honour", «чтобы он взял»; not a statement."""
    toks = view.tokens
    return any(toks[a].text.lower() == "to" for a in view.kids(verb, "aux")) or any(
        toks[m].text.lower() in ("чтобы", "чтоб") for m in view.kids(verb, "mark"))


@lru_cache(maxsize=1)
def _volition_verbs() -> frozenset[str]:
    """Lemmas from lang/<code>/non_speech_verbs.txt: their subject wants, it does not say."""
    from ..lang import load_list

    return frozenset(w.lower() for lang in ("en", "ru") for w in load_list(lang, "non_speech_verbs"))


def verb_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """Cue verbs with a subject and a content clause."""
    out = []
    text = article.text
    for i, tok in enumerate(view.tokens):
        if tok.pos not in ("VERB", "AUX") or not lex.is_cue(tok.lemma.lower()):
            continue
        found = _content_of(view, i, lex)
        if found is None and tok.lemma.lower() in lex.naming:
            continue  # "…, as reporters called him": a naming verb reports only with a complement
        if found is None:
            found = _as_clause(view, i)
            if found is None:
                continue
        content_idx, how = found
        if how == "naming":
            continue
        subj = _verb_subject(view, i)
        told = subj is None and _passive_without_agent(view, i)
        if told and how == "object":
            continue  # "he was shown “preparation for a Maidan”": shown to him, not said by him
        if subj is not None and subj in content_idx:
            subj = None
        if subj is not None and view.tokens[subj].text.lower() == "it" and how == "object":
            continue  # "it is not enough to support the US": an expletive 'it' holds no view
        if subj is None and how != "as-clause" and not told:
            continue  # imperatives ("Note that …") and fragments: nobody is reported
        cs, ce = _strip(text, *view.span_of(content_idx))
        if ce - cs < 3:
            continue
        src = source_span(view, subj) if subj is not None else None
        cue = (tok.start, tok.end)
        weak = tok.lemma.lower() not in lex.speech
        out.append(Attribution((cs, ce), cue, src, subj, f"verb:{how}", weak))
    return out


def _as_clause(view: SyntaxView, verb: int) -> tuple[list[int], str] | None:
    """ "as X said, …" / «как заявил X, …»: the content is the clause the cue modifies."""
    toks = view.tokens
    marks = [c for c in view.kids(verb, "mark") if toks[c].text.lower() in ("as", "как")]
    if not marks or toks[verb].dep not in ("advcl", "parataxis") or toks[verb].head == verb:
        return None
    if toks[toks[verb].head].pos == "ADV":
        return None  # "As long as the people do not know …": 'as' of a conjunction, not "as X said"
    head = toks[verb].head
    idx = view.subtree(head, exclude={verb})
    return (idx, "as-clause") if idx else None


def marker_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """ "according to X, …", «по словам X, …»: source after the marker, content the rest of the clause."""
    text = article.text
    out = []
    if not lex.source_markers:
        return out
    alternatives = "|".join(re.escape(m) for m in lex.source_markers)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    for sent in article.sentences:
        for m in pattern.finditer(text, sent.start, sent.end):
            marker_toks = list(view.tokens_in(m.start(), m.end()))
            if not marker_toks:
                continue
            opening = _open_bracket(text, sent.start, m.start())
            closing = text.find(")", m.end(), sent.end) if opening is not None else -1
            after = _phrase_after(text, m.end(), closing if closing != -1 else sent.end)
            if after is None:
                continue
            src = after
            if closing != -1:
                # "(93 percent were white, according to exit polls)": the bracket's own clause;
                # "If he is a citizen (at least according to Kiev), then …": a bare qualifier
                # bracket vouches for what stands before it, and the content stops there.
                inner = _strip(text, opening + 1, m.start())
                has_verb = any(view.tokens[k].pos in ("VERB", "AUX") for k in view.tokens_in(*inner))
                content = inner if has_verb else _strip(text, sent.start, opening)
            elif m.start() - sent.start <= 2:
                # Marker opens the sentence: content follows the source phrase's comma, and
                # starts at the main clause's subject so an apposition stays out of it.
                content = _strip(text, src[1], sent.end)
                content = (_clause_start(view, content, sent.start, sent.end), content[1])
            else:
                content = _strip(text, sent.start, m.start())
            if content[1] - content[0] < 3:
                continue
            out.append(Attribution(content, (m.start(), m.end()), src, None, "marker"))
    return out


def _open_bracket(text: str, start: int, end: int) -> int | None:
    """Offset of the "(" left open before `end` (searching from `start`), else None."""
    depth_at: list[int] = []
    for k in range(start, end):
        if text[k] == "(":
            depth_at.append(k)
        elif text[k] == ")" and depth_at:
            depth_at.pop()
    return depth_at[-1] if depth_at else None


def _clause_start(view: SyntaxView, content: tuple[int, int], lo: int, hi: int) -> int:
    """Where the main clause begins inside `content`: the left edge of the root's subject."""
    toks = view.tokens
    roots = [i for i in view.tokens_in(lo, hi) if toks[i].head == i]
    for root in roots:
        for subj in view.kids(root, "nsubj"):
            left = toks[view.subtree(subj)[0]].start
            if content[0] < left < toks[root].start:
                return left
    return content[0]


def _phrase_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The source phrase after a marker: up to the next comma or the end of the sentence."""
    comma = text.find(",", start, limit)
    end = comma if comma != -1 else limit
    s, e = _strip(text, start, end)
    return (s, e) if e > s else None


_HEADLINE_COLON = re.compile(r"^(?:[A-ZА-ЯЁ ]+\s[–—-]\s)?([^\W\d_][^:\n]{0,40}?)\s*:\s+(\S.*)$")


def headline_attributions(article: Article) -> list[Attribution]:
    """A headline "KGB: Persons involved … face charge": a short name, a colon, the claim."""
    text = article.text
    out = []
    for para in article.paragraphs:
        if para.text.rstrip().endswith((".", "!", "?", "…", ":", "»", "”", '"')) or len(para.text) > 200:
            continue
        m = _HEADLINE_COLON.match(para.text)
        if not m:
            continue
        s = para.start + m.start(1)
        e = para.start + m.end(1)
        label = text[s:e]
        if label.lower() in _not_source_labels():
            continue
        ents = [x for x in article.mentions if s <= x.start and x.end <= e and x.type in ("PERSON", "ORG")]
        # The label must be a name: the whole of it a PERSON/ORG mention, or a short run of
        # capitalised words ("Graham", "NY Daily News"). "Lukashenko’s Self-Overthrow" is a title.
        words = label.split()
        possessive = bool(re.search(r"['’]s\b", label))
        named = bool(ents) and ents[0].start == s and (ents[0].end >= e or len(words) <= 3) and not possessive
        capitalised = len(words) <= 4 and all(w[:1].isupper() for w in words) and not possessive
        if not (named or capitalised):
            continue
        colon = text.index(":", e)
        cs, ce = _strip(text, para.start + m.start(2), para.end)
        out.append(Attribution((cs, ce), (colon, colon + 1), (s, e), None, "headline-colon"))
    return out


def _not_source_labels() -> frozenset[str]:
    from ..lang import load_list

    return frozenset(w.lower() for lang in ("en", "ru") for w in load_list(lang, "not_source_labels"))


def is_first_person(text: str, span: tuple[int, int] | None) -> bool:
    """A source that is the speaker themself ("I", "we")."""
    return span is not None and text[span[0] : span[1]].strip().lower() in _FIRST_PERSON
