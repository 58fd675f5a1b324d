"""Russian reported speech that the language-neutral rules in `reported` miss.

- a «что»/«будто»/«чтобы» clause after the cue, however the parser hangs it;
- «X сообщил о Y»: the «о …» phrase is what was said;
- directives with an infinitive: «призвал отказаться от …», «предложила Москве оплатить …»;
- inverted and parenthetical cues: «…, сообщает ТАСС.», «…, уверен журналист, …»;
- «Об этом сообщил X.»: the content is the text before it;
- impersonal cues with no source: «сообщается, что …», «известно, что …», «как стало известно, …»;
- indefinite-personal cues: «в МИД заявили, что …» (the source is the place named);
- «по словам X», «по его словам», «по предварительным данным»: markers with or without a source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..lang import load_list, load_table
from ..model import Article
from ..parse import dateline_end
from ..script import has_cyrillic
from ..syntax import SyntaxView
from .lexicon import QuoteLexicon
from .morph_ru import (gerund, in_case, inanimate_noun, infinitive, instrumental, never_nominative, nominal_subject,
                       noun_only, passive_short, past_singular, third_person)
from .reported import Attribution, clause_after_opener, source_span

_CYRILLIC = re.compile(r"[а-яё]")
_THAT = {"что", "будто", "якобы", "чтобы", "чтоб"}
# A plural verb with no subject speaks for people unnamed («заявили», «говорят»), reflexive ones
# too («жалуются», «возмутились»).
_PLURAL_ENDINGS = ("ли", "ют", "ят", "лись", "ются", "ятся")
_DIRECTIVE_THAT = {"чтобы", "чтоб"}
_ABOUT_PREPS = ("о", "об", "обо", "про")  # «рассказал про …»: the colloquial «о»
_EDGE = " \t\r\n,;:—–-"
_DASHES = "—–-"
# «Об этом сообщил …», «О том же заявил …»: the content is what came before.
_ANAPHORIC_OPENERS = re.compile(r"^\s*(?:[а-яё]+\s+)?об?\s+(?:этом|том|чем)\b(?!\s*,\s*(?:как|почему|зачем|где|когда|кто|чем|сколько|ли)\b)",
                                re.IGNORECASE)
# «О несогласии с решением заявил X», «О том, как изменится мир, прогнозировал X»: the fronted
# «о»-phrase is what was said (not «Об этом …», which points back).
# «Как и следовало ожидать, …», «как можно было предположить, …»: the author's comment on
# what follows, an infinitive of belief under an impersonal modal; nobody expects anything.
_AS_EXPECTED = re.compile(r"(?<!\w)как\s+(?:и\s+)?(?:следовало|стоило|можно(?:\s+было)?|нужно\s+было|надо\s+было)\s+$",
                          re.IGNORECASE)
# «Понятие, как известно, появилось …»: common knowledge the writer invokes, no one's report
# («как стало известно» and «как известно из материалов дела» stay reports).
_AS_KNOWN = re.compile(r"(?<!\w)как\s+(?:всем\s+|хорошо\s+|широко\s+)?$", re.IGNORECASE)
_FRONTED_ABOUT = re.compile(r"^\s*(?:об?|обо)\s+(?!этом\b|том\s*,\s*что\b|том\s+же\b|чем\b)", re.IGNORECASE)
# Nouns of a document or statement: «говорится в сообщении ведомства» — the source is the
# document's owner when named, else the document.
_POSSESSIVE = {"его", "её", "ее", "их"}
_MARKER_PREPS = ("по", "со", "с", "согласно")  # «с его слов»: «с» before a consonant
_MAX_MARKER_WORDS = 2  # «по последним официальным данным»: adjectives between «по» and the noun


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The Russian word lists these rules read, lower-cased, from lang/ru/."""
    raw = {
        "predicative_cues": load_list("ru", "predicative_cues"),
        "impersonal_cues": load_list("ru", "impersonal_cues"),
        "directive_verbs": load_list("ru", "directive_verbs"),
        "comparison_verbs": load_list("ru", "comparison_verbs"),
        "evaluation_verbs": load_list("ru", "evaluation_verbs"),
        "document_nouns": load_list("ru", "document_nouns"),
        "marker_nouns": load_list("ru", "marker_nouns"),
        "naming_after": load_list("ru", "naming_after"),
        "evidential_cues": load_list("ru", "evidential_cues"),
        "anaphoric_openers": load_list("ru", "anaphoric_openers"),
        "adverbial_nouns": load_list("ru", "adverbial_nouns"),
        "medium_nouns": load_list("ru", "medium_nouns"),
        "thing_subjects": load_list("ru", "thing_subjects"),
        "claim_nouns": load_list("ru", "claim_nouns"),
        "personal_pronouns": load_list("ru", "personal_pronouns"),
        "thing_verbs": load_list("ru", "thing_verbs"),
        "aside_forms": load_list("ru", "aside_forms"),
        "focus_particles": load_list("ru", "focus_particles"),
        "predicative_adverbs": load_list("ru", "predicative_adverbs"),
        "question_verbs": load_list("ru", "question_verbs"),
        "relative_pronouns": load_list("ru", "relative_pronouns"),
        "question_words": load_list("ru", "question_words"),
        "speaking_nouns": tuple(w for name in ("person_nouns", "org_nouns", "document_nouns", "medium_nouns",
                                               "group_person_nouns", "speaking_bodies", "unnamed_source_nouns",
                                               "finding_nouns")
                                for w in load_list("ru", name)),
    }
    return {name: frozenset(w.lower() for w in words) for name, words in raw.items()}


@lru_cache(maxsize=1)
def _phrases() -> dict[str, dict[str, str]]:
    """verb lemma -> {noun lemma: preposition of the content}, from lang/ru/speech_phrases.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in load_table("ru", "speech_phrases"):
        if len(row) >= 2:
            out.setdefault(row[0].lower(), {})[row[1].lower()] = row[2].lower() if len(row) > 2 else "о"
    return out


def _phrase_noun(view: SyntaxView, verb: int, before: bool = False) -> int | None:
    """The noun of a light-verb cue: «выступил с заявлением», «пришли к выводу», «обратил внимание»
    (`before`: also a fronted noun, «С таким заявлением выступил …»)."""
    nouns = _phrases().get(view.tokens[verb].lemma.lower())
    if not nouns or view.tokens[verb].pos not in ("VERB", "AUX"):
        return None
    for c in view.kids(verb, "obj", "obl", "nmod", "xcomp"):
        # «дал понять, что …»: an infinitive makes the phrase as a noun does.
        if (c > verb or before) and view.tokens[c].lemma.lower() in nouns \
                and (view.tokens[c].dep != "xcomp" or view.tokens[c].pos == "VERB"):
            return c
    return None


_OBJECT_DEPS = ("obj", "obl", "iobj", "advmod", "nmod")


def _demonstrative_opener(view: SyntaxView, verb: int) -> bool:
    """«Такую точку зрения выразил X», «С таким заявлением выступил X», «Так считает X»: the
    sentence opens with a demonstrative in the cue's object or adverbial (never its subject,
    «Эти люди заявили …»), with no comma or other verb before the cue: what was said is what
    came before."""
    toks = view.tokens
    sent = toks[verb].sent
    first = verb
    while first > 0 and toks[first - 1].sent == sent:
        first -= 1
    k = first + 1 if toks[first].pos == "ADP" else first
    if k >= verb or toks[k].text.lower() not in _ru_words("anaphoric_openers"):
        return False
    if any(toks[j].text in (",", ":", "—", "–", "-") or toks[j].pos in ("VERB", "AUX") for j in range(first, verb)):
        return False
    # A clause or infinitive after the cue is what it reports («Так граждан призывают ездить …»).
    after = [c for c in view.kids(verb) if c > verb]
    if any(toks[c].dep in ("xcomp", "ccomp") for c in after):
        return False
    word = toks[k]
    if word.head == verb:
        return word.dep in _OBJECT_DEPS  # «Так считает X», «Это подтвердили в X»
    noun = toks[word.head]
    # «Эти записи подтвердили договорённости»: with an object after the cue, the fronted
    # phrase is its subject, whatever the parse says.
    if any(toks[c].dep == "obj" for c in after):
        return False
    return word.dep == "det" and noun.head == verb and noun.dep in _OBJECT_DEPS and word.head < verb


def _previous_sentence(article: Article, view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """What «Такую точку зрения выразил X» refers to: the sentence before, in this paragraph
    or ending the one before it."""
    text = article.text
    k = view.tokens[verb].sent
    if k < 1:
        return None
    prev = article.sentences[k - 1]
    if text[prev.end : article.sentences[k].start].count("\n") > 4:
        return None  # a section break: nothing to refer back to
    return _trim(text, prev.start, prev.end)


def _ru_words(name: str) -> frozenset[str]:
    return _lists()[name]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink past edge punctuation and white space, and a final full stop."""
    while start < end and (text[start] in _EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE + "." or text[end - 1].isspace()):
        end -= 1
    return start, end


def _is_russian(lemma: str) -> bool:
    return bool(_CYRILLIC.search(lemma))


def _cue_kind(view: SyntaxView, i: int, lex: QuoteLexicon) -> str | None:
    """'speech', 'belief', 'impersonal' (a reflexive «сообщается», a predicative «известно»),
    'predicative' («уверен» with a subject) or 'evidential' («выяснилось», «установили»: only
    with a «что» clause); None if the token is no Russian cue."""
    tok = view.tokens[i]
    lemma = tok.lemma.lower()
    if not _is_russian(lemma):
        return None
    word = tok.text.lower()
    if tok.pos in ("ADJ", "ADV", "VERB") and word in _ru_words("predicative_cues") and tok.dep != "amod":
        return "impersonal" if word in _ru_words("impersonal_cues") else "predicative"
    if tok.pos not in ("VERB", "AUX"):
        return None
    if lemma in lex.speech:
        return "speech"
    if lemma in lex.cognition:
        return "belief"
    if lemma in _ru_words("evidential_cues"):
        return "evidential"  # «выяснилось, что …»: a finding, reported only with a «что» clause
    if lemma.endswith(("ся", "сь")) and lemma[:-2] in lex.speech | lex.cognition and lemma not in lex.speech:
        return "impersonal"  # «сообщается», «отмечалось», «ожидается»: a passive with no speaker
    return None


def _quoted_names(view: SyntaxView, lo: int, hi: int) -> set[int]:
    """Tokens of short «…» pairs (four words at most, no verb) within tokens [lo, hi): a name in
    marks, such as a medium addressed («напомнил «360», что …»)."""
    toks = view.tokens
    out: set[int] = set()
    j = lo
    while j < hi:
        if toks[j].text == "«":
            close = next((k for k in range(j + 1, min(hi, j + 6)) if toks[k].text == "»"), None)
            if close is not None and close > j + 1 and not any(
                    toks[k].pos in ("VERB", "AUX") or toks[k].text == "«" for k in range(j + 1, close)):
                out.update(range(j, close + 1))
                j = close + 1
                continue
        j += 1
    return out


def _that_clause(view: SyntaxView, verb: int, directive: bool, lex: QuoteLexicon,
                 after: int | None = None) -> list[int] | None:
    """Tokens of the «что …» clause the cue governs, from the word after «что» to the clause end.

    The mark must follow the cue with nothing but the cue's own dependents between
    («сообщил читателям, что …», «заявил о том, что …»), and no other cue may stand between
    («сравнил …, заявив, что …»: the clause is the gerund's)."""
    toks = view.tokens
    sent = toks[verb].sent
    start = verb if after is None else after  # a light-verb cue's clause follows its noun
    named = _quoted_names(view, start + 1, min(len(toks), start + 25))
    for j in range(start + 1, min(len(toks), start + 25)):
        t = toks[j]
        if j in named:
            continue  # «напомнил «360», что …»: a medium addressed, in marks
        if t.sent != sent or t.text in (".", "!", "?", ";", ":") or t.text in "«»\"“”„":
            return None
        if t.pos in ("VERB", "AUX") and lex.is_cue(t.lemma.lower()):
            return None
        word = t.text.lower()
        if word in _THAT and t.dep == "mark":
            if word in _DIRECTIVE_THAT and not directive:
                return None  # «…, чтобы …» after a belief is a purpose clause, not content
            head = t.head
            adjacent = all(toks[k].pos == "PUNCT" or k == start for k in range(verb + 1, j)) or \
                all(toks[k].pos == "PUNCT" for k in range(start + 1, j))
            if head == j or not ((head == verb and adjacent) or (head != verb and (adjacent or view.is_ancestor(verb, head)))):
                return None
            # The clause: the mark's head and the cue's later dependents (a misparse may hang
            # part of the clause on the cue; «напомнил что …» with no comma hangs «что» itself
            # on it), minus any other cue's own clause.
            cand = set() if head == verb else set(view.subtree(head))
            for c in view.kids(verb):
                if c > j and toks[c].dep != "punct" and not _own_report(view, c, lex):
                    cand |= set(view.subtree(c))
            # «…, и считает, что …»: a coordinated cue starts a clause of its own.
            others = [k for k in cand if k != verb and toks[k].pos in ("VERB", "AUX") and k > j
                      and lex.is_cue(toks[k].lemma.lower()) and toks[k - 1].text.lower() in (",", "и", "а", "но")
                      and not _thing_report(view, k)]
            stop = min([k - 1 for k in others] + [max(cand) + 1 if cand else j + 1])
            if not others:
                stop = _run_on(view, lex, stop, sent)
            idx = [k for k in range(j + 1, stop) if toks[k].sent == sent]
            return before_sibling_report(view, verb, idx, lex, head if head != verb else None) or None
    return None


_QUESTION_REACH = 8  # tokens between the cue and the comma of its question: «спросил у главы района, …»


def _question_clause(view: SyntaxView, verb: int, lex: QuoteLexicon, after: int | None = None) -> list[int] | None:
    """«спросил, когда закончится проверка», «поинтересовался у министра, с чего …»: the indirect
    question a question verb (lang/ru/question_verbs.txt) governs, from its question word (or the
    preposition before it) to the clause end; only the cue's own words may stand before the comma."""
    toks = view.tokens
    start = verb if after is None else after  # «задался вопросом, …»: after the noun
    if toks[verb].lemma.lower() not in _ru_words("question_verbs"):
        return None
    sent = toks[verb].sent
    for j in range(start + 1, min(len(toks), start + 2 + _QUESTION_REACH)):
        t = toks[j]
        if t.sent != sent or t.pos in ("VERB", "AUX") or t.text in (".", "!", "?", ";", ":") or t.text in "«»\"“”„":
            return None
        if t.text != ",":
            continue
        if any(not view.is_ancestor(verb, k) for k in range(verb + 1, j)):
            return None  # words of another phrase stand between: not the cue's question
        if any(toks[k].text.lower() in _ABOUT_PREPS for k in range(start + 1, j)):
            return None  # «спросил об этом, когда встретил министра»: the «о»-phrase is what was asked
        q = j + 2 if j + 2 < len(toks) and toks[j + 1].pos == "ADP" else j + 1
        if q >= len(toks) or toks[q].sent != sent or toks[q].text.lower() not in _ru_words("question_words"):
            return None
        clause = q
        while toks[clause].head not in (verb, clause) and view.is_ancestor(verb, toks[clause].head):
            clause = toks[clause].head
            if toks[clause].pos in ("VERB", "AUX") and lex.is_cue(toks[clause].lemma.lower()):
                return None  # «спросила, кто …, и добавила, что …»: hung on the second report
        if toks[clause].head != verb:
            return None  # the parse hangs the question on another word: not this cue's
        sub = [k for k in view.subtree(clause) if k > j and toks[k].sent == sent]
        stop = _run_on(view, lex, max(sub) + 1, sent) if sub else j + 1
        # «спросили, почему цены растут, но ответа не получили»: a coordinated clause is the asker's.
        stop = next((k for k in range(q, stop - 1) if toks[k].text == ","
                     and toks[k + 1].text.lower() in ("и", "а", "но", "однако")), stop)
        idx = [k for k in range(j + 1, stop) if toks[k].sent == sent]
        return before_sibling_report(view, verb, idx, lex, clause) or None
    return None


def before_sibling_report(view: SyntaxView, verb: int, idx: list[int], lex: QuoteLexicon,
                          clause: int | None) -> list[int]:
    """«призвал восстановить право …, а также пообещал, что …», «отметил, что …, в апреле он же
    выразил надежду …»: a clause the parser hangs on the cue beside its content (`clause`), headed
    by another cue, is a second report, so the content ends before it (the parse may hang later
    words of the content past it, which are cut with it)."""
    if not idx or clause is None:
        return idx  # «что» hung on the cue itself: any clause beside it may be the content's
    toks = view.tokens
    lo, hi = min(idx), max(idx)

    def second_report(c: int) -> bool:
        if toks[c].pos not in ("VERB", "AUX") or not (lo < c <= hi):
            return False
        subj = view.kids(c, "nsubj")
        if not subj:  # the cue's own subject reports again («…, а также пообещал, что …»)
            return toks[c].dep == "conj" and bool(view.kids(verb, "nsubj")) \
                and (lex.is_cue(toks[c].lemma.lower()) or _phrase_noun(view, c) is not None)
        # «…, в апреле он же выразил надежду …»: the speaker again, as a pronoun, saying more; a
        # clause with any other subject may be part of what was said («…, а три из них не хотят …»).
        return toks[subj[0]].lemma.lower() in _ru_words("personal_pronouns") and (
            toks[c].lemma.lower() in lex.speech or _phrase_noun(view, c) is not None)

    sibs = [c for c in view.kids(verb, "conj", "parataxis", "ccomp") if c != clause and second_report(c)]
    if not sibs:
        return idx
    first = min(k for k in view.subtree(sibs[0]) if k > lo)
    return [k for k in idx if k < first]


def _own_report(view: SyntaxView, k: int, lex: QuoteLexicon) -> bool:
    """«Эксперты заявили, что цены вырастут, а министр сказал, что …»: a cue coordinated with
    the first one and with a subject of its own reports someone else; it is no part of the
    first cue's clause."""
    tok = view.tokens[k]
    lemma = tok.lemma.lower()
    subj = [c for c in view.kids(k, "nsubj") if c < k]
    if tok.dep != "conj" or tok.pos not in ("VERB", "AUX") or not subj:
        return False
    # «…, поэтому экспертиза покажет …»: a thing that shows is part of what was said.
    return lemma in lex.speech or (lemma in lex.cognition and not (view.tokens[subj[0]].pos == "NOUN"
                                                                  and inanimate_noun(view.tokens[subj[0]].text)))


def _run_on(view: SyntaxView, lex: QuoteLexicon, stop: int, sent: int) -> int:
    """Where a «что» clause ends when the parser hung its last words elsewhere («заявив, что в ней
    течет преимущественно русская и польская кровь»: «кровь» on the main verb): the sentence's
    end, if nothing but plain words stands between (no comma, colon, dash, bracket, quotation
    mark or other cue)."""
    toks = view.tokens
    k = stop
    while k < len(toks) and toks[k].sent == sent:
        t = toks[k]
        if t.pos == "PUNCT":
            if t.text in (".", "!", "?", "…") and all(toks[r].sent != sent or toks[r].pos == "PUNCT"
                                                      for r in range(k, min(len(toks), k + 3))):
                return k
            return stop
        if t.pos in ("VERB", "AUX") and lex.is_cue(t.lemma.lower()) and not _thing_report(view, k):
            return stop
        k += 1
    return k


def _thing_report(view: SyntaxView, verb: int) -> bool:
    """«… заявил, что появление штамма, более известного как «кентавр», свидетельствует об окончании
    пандемии»: a cue with a thing as its subject reports nobody, so it does not end the clause it
    stands in (`thing_subject`)."""
    return any(thing_subject(view.article, view, verb, s) for s in view.kids(verb, "nsubj"))


_COLON_REACH = 4  # tokens between the cue and the colon: its object («подтвердили эту информацию:»)


def _colon_clause(view: SyntaxView, verb: int) -> list[int] | None:
    """«В концерне подтвердили: …», «Эксперт уверен: …»: the rest of the sentence after a colon
    that closes the cue's own words (at most a short object between, no other verb)."""
    toks = view.tokens
    sent = toks[verb].sent
    word = toks[verb].text.lower()
    if verb + 1 < len(toks) and toks[verb + 1].text in ("—", "–") and toks[verb + 1].sent == sent \
            and any(k < verb for k in view.kids(verb, "nsubj")) \
            and (word in _ru_words("predicative_cues") or word.endswith(("л", "ла", "ли", "ло"))):
        # (not «экспертиза покажет – …»: what a future finding will show is nobody's statement yet)
        # «Специалисты уверены — сейчас об этом не думает никто»: a dash right after the cue of
        # a subject before it opens the content as a colon does.
        rest = [k for k in range(verb + 2, len(toks)) if toks[k].sent == sent]
        if len([k for k in rest if toks[k].pos != "PUNCT"]) >= 2 and not any(toks[k].text in ("—", "–") for k in rest[:1]):
            return rest
    for j in range(verb + 1, min(len(toks), verb + 2 + _COLON_REACH)):
        t = toks[j]
        if t.sent != sent or t.pos in ("VERB", "AUX") or t.text in (".", "!", "?", ";", ",", "«", "»", "\"", "—", "–"):
            return None
        if t.text == ":":
            if any(not view.is_ancestor(verb, k) for k in range(verb + 1, j)):
                return None  # words of another phrase stand between: not the cue's colon
            rest = [k for k in range(j + 1, len(toks)) if toks[k].sent == sent]
            words = [k for k in rest if toks[k].pos != "PUNCT"]
            return rest if len(words) >= 2 else None
    return None


def _comma_clause(view: SyntaxView, verb: int) -> list[int] | None:
    """«Эксперт уверен, рынок восстановится», «Отмечается, этот результат не рекорд»: a clause with
    a subject of its own right after the cue and its comma, where the writer left out «что» (or the
    colon): the parser hangs it on the cue with no conjunction or «что» of its own. The rest of
    the sentence is the content."""
    toks = view.tokens
    sent = toks[verb].sent
    if verb + 2 >= len(toks) or toks[verb + 1].text != "," or toks[verb + 2].sent != sent:
        return None
    for c in view.kids(verb, "ccomp", "conj", "parataxis", "dep"):
        sub = view.subtree(c)
        words = [k for k in sub if toks[k].pos != "PUNCT"]
        if c <= verb or not words or words[0] != verb + 2 or toks[c].pos not in ("VERB", "AUX", "ADJ"):
            continue
        if view.kids(c, "cc", "mark") or not view.kids(c, "nsubj", "nsubj:pass") or gerund(toks[c].text) \
                or infinitive(toks[c].text):
            continue  # «сказал, а потом ушёл», «заявил, что …», «говорит, смеясь»: no clause of its own
        rest = [k for k in range(verb + 2, len(toks)) if toks[k].sent == sent]
        return rest if len([k for k in rest if toks[k].pos != "PUNCT"]) >= 2 else None
    return None


def _about(view: SyntaxView, verb: int, noun: int | None = None) -> list[int] | None:
    """«заявил о готовности …»: an «о»-phrase after a verb of saying (or after the noun of a
    light-verb cue, with the preposition the phrase takes: «обратил внимание на …»)."""
    toks = view.tokens
    if toks[verb].dep == "advcl":
        return None  # «Говоря об Украине, …»: a gerund sets the topic, it reports nothing
    preps = _ABOUT_PREPS
    own, case = _content_preps().get(toks[verb].lemma.lower(), (None, None)) if noun is None else (None, None)
    if noun is not None:
        prep = _phrases()[toks[verb].lemma.lower()][toks[noun].lemma.lower()]
        preps = (prep,) if prep != "о" else preps
    elif own is not None:
        preps = (*preps, own)  # «пожаловался на рост тарифов»
    for c in view.kids(verb, "obl", "nmod", "obj") + (view.kids(noun, "nmod", "obl") if noun is not None else []):
        if c < verb or c == noun:
            continue
        cases = [k for k in view.kids(c, "case") if toks[k].text.lower() in preps]
        if cases and own is not None and toks[cases[0]].text.lower() == own and (
                not in_case(toks[c].text, case) or any(toks[a].lemma.lower() == "быть" for a in view.kids(verb, "aux"))):
            continue  # «пожаловался на совещании»: where, not what; «будем настаивать на …»: an intention
        if cases and toks[c].text.lower() not in ("этом", "том", "чем"):
            # A misparse may hang words before the cue on the phrase's noun (a quotation mark,
            # «и Переходный совет объявил об …»): the content starts after the cue.
            return [k for k in view.subtree(c) if k > verb] or None
    return None


@lru_cache(maxsize=1)
def _content_preps() -> dict[str, tuple[str, str]]:
    """verb lemma -> (preposition, case) of its content phrase other than «о» (lang/ru/content_preps.tsv)."""
    return {row[0].lower(): (row[1].lower(), row[2].lower()) for row in load_table("ru", "content_preps") if len(row) >= 3}


def _directive(view: SyntaxView, verb: int, lex: QuoteLexicon) -> list[int] | None:
    """«призвал власти отказаться от …»: the infinitive with what stands between it and the cue;
    after a light-verb cue's noun, the infinitive the parser hangs on it («обратился с призывом
    снизить …»)."""
    toks = view.tokens
    deps = ("xcomp", "ccomp", "advcl") + (("nmod", "acl") if toks[verb].pos == "NOUN" else ())
    for c in view.kids(verb, *deps):
        # On the noun only an infinitive is what is demanded (the parser may call «померзнуть» a
        # noun); a participle or a noun there is not.
        on_noun = toks[c].dep in ("nmod", "acl")
        if on_noun and not infinitive(toks[c].text):
            continue
        if c > verb and (on_noun or toks[c].pos == "VERB") and not view.kids(c, "mark", "nsubj"):
            idx = before_sibling_report(view, verb, view.subtree(c), lex, c)
            if idx[0] <= verb:
                return idx
            # The addressee is not what is asked (guideline convention 3): «призвал [Запад]
            # задуматься», «поручил [правительству] подготовить».
            addressee = {k for a in _addressees(view, verb) for k in view.subtree(a)}
            return [k for k in range(verb + 1, idx[0]) if k not in addressee] + idx
    return None


def _addressees(view: SyntaxView, verb: int) -> list[int]:
    """Who a directive is addressed to: its noun or pronoun object, or a bare dative."""
    toks = view.tokens
    out = []
    for a in view.kids(verb, "obj", "iobj", "obl"):
        if toks[a].pos not in ("NOUN", "PROPN", "PRON"):
            continue
        if toks[a].dep == "obl" and view.kids(a, "case"):
            continue  # «призвал к спокойствию», «в ближайшее время»: not the addressee
        out.append(a)
    return out


def _directive_object(view: SyntaxView, verb: int) -> list[int] | None:
    """«потребовала от партнёров юридических гарантий …», «попросил помощи»: what is demanded or
    promised is a noun object, with what stands between it and the cue."""
    toks = view.tokens
    for c in view.kids(verb, "obj"):
        after = max(view.subtree(c)) + 1
        if c > verb and after < len(toks) and toks[after].text.lower() in ("к", "ко") and toks[after].sent == toks[verb].sent:
            # «призывает стороны к соблюдению (международного) права»: the addressee is left out
            # (guideline convention 3), what they are urged to is the «к»-phrase, read to the
            # clause's punctuation since the parser may hang it anywhere.
            end, depth = after, 0
            for j in range(after + 1, len(toks)):
                t = toks[j]
                depth += (t.text == "(") - (t.text == ")")
                if t.sent != toks[verb].sent or t.pos in ("VERB", "AUX") or depth < 0 or \
                        (depth == 0 and t.text in (",", ".", ";", ":", "!", "?", "—", "–", "\"", "«", "»", "“", "”")):
                    break
                end = j
            if end > after:
                return list(range(after, end + 1))
        if c > verb and toks[c].pos == "NOUN":
            last = max(view.subtree(c))
            # «призвал граждан к спокойствию»: what they are urged to is the «к»-phrase after them.
            for o in view.kids(verb, "obl"):
                if o > last and any(toks[k].text.lower() in ("к", "ко") for k in view.kids(o, "case")):
                    last = max(view.subtree(o))
            idx = [k for k in range(verb + 1, last + 1) if toks[k].sent == toks[verb].sent]
            if any(toks[k].pos in ("VERB", "AUX") or toks[k].text in (";", ":") for k in idx):
                return None  # a clause inside: not one object phrase
            return idx or None
    for o in view.kids(verb, "obl"):
        # «призывает к освобождению …» with no addressee: what is urged is the «к»-phrase.
        if o > verb and any(toks[k].text.lower() in ("к", "ко") for k in view.kids(o, "case")):
            sub = sorted(view.subtree(o))
            end = next((a for a, b in zip(sub, sub[1:]) if b != a + 1), sub[-1])  # a stray far dependent is a misparse
            addressee = {k for a in _addressees(view, verb) for k in view.subtree(a)}  # «призывает нас к войне»
            idx = [k for k in range(verb + 1, end + 1) if toks[k].sent == toks[verb].sent and k not in addressee]
            if any(toks[k].pos in ("VERB", "AUX") or toks[k].text in (";", ":") for k in idx):
                return None
            return idx or None
    return None


def ru_source_span(view: SyntaxView, head: int, verb: int) -> tuple[int, int]:
    """The whole subject phrase with its descriptors and appositions («бывший премьер Грузии,
    лидер партии Георгий Гахария»), without relative or participial clauses, on the subject's
    side of the cue, and without a leading «и»/«а» or a trailing «же»."""
    toks = view.tokens
    sub = view.subtree(head)
    cut = {k for k in sub if k != head and toks[k].dep in ("acl", "acl:relcl", "parataxis")}
    inside = set(view.subtree(head, exclude=cut))
    # Grow from the head over the phrase's own tokens (a misparse may hang far words on it):
    # a comma or a quotation mark may stand between them, nothing else.
    lo = hi = head
    side = range(0, verb) if head < verb else range(verb + 1, len(toks))

    def reach(k: int, step: int) -> int:
        """The next phrase token from k in direction step, across at most three strays."""
        for gap in range(1, 5):
            j = k + step * gap
            if j not in side or toks[j].sent != toks[head].sent:
                return k
            if j in inside:
                return j
            if toks[j].pos in ("VERB", "AUX", "SCONJ"):
                return k
        return k

    while (nxt := reach(lo, -1)) != lo:
        lo = nxt
    while (nxt := reach(hi, 1)) != hi:
        hi = nxt
    if head < verb:
        # «Специалист по особо опасным инфекциям, врач-иммунолог, доктор наук Владислав Жемчугов
        # заявил»: a misparse may hang a middle stretch of the phrase elsewhere; the phrase's own
        # far end before the cue, with no verb or clause between, still closes it.
        far = max((k for k in inside if hi < k < verb and toks[k].sent == toks[head].sent), default=hi)
        if far > hi and not any(toks[j].pos in ("VERB", "AUX", "SCONJ") or toks[j].text in (":", ";", "—", "–")
                                for j in range(hi + 1, far + 1)):
            hi = far
    while lo < head and (toks[lo].pos == "CCONJ" or toks[lo].pos == "PUNCT" and toks[lo].text not in "«\"“„("
                         or toks[lo].text.lower() in ("и", "а", "но", "же")):
        lo += 1
    while hi > head and (toks[hi].pos == "PUNCT" and toks[hi].text not in "»\"”)" or toks[hi].text.lower() in ("же", "ведь")):
        hi -= 1
    # «Президент России В.В. Путин напоминал»: the parser may end the phrase inside a name it split
    # at the initials' periods; a source never cuts a name in half.
    for m in view.article.mentions:
        if toks[lo].start <= m.start < toks[hi].end < m.end and (head > verb or m.end <= toks[verb].start):
            hi = max(k for k in range(hi, len(toks)) if toks[k].start < m.end)
    # «написал член палаты Билл Поузи комиссару Роберту Калиффу», «заявила госпожа Вестагер с явным
    # посылом»: a Russian phrase names its person last; words glued on after the name without a
    # comma are the verb's (an addressee, a manner), not the speaker's.
    for m in view.article.mentions:
        if m.type == "PERSON" and toks[lo].start <= m.start and toks[head].start < m.end < toks[hi].end:
            rest = view.article.text[m.end : toks[hi].end]
            if re.match(r" +[а-яё]", rest) and not re.match(r" +(?:и|или|а|либо|но)\b", rest):
                return toks[lo].start, m.end
    return toks[lo].start, toks[hi].end


def addressed_medium(view: SyntaxView, k: int) -> bool:
    """A one-word name right after a verb of saying, in marks or an abbreviation («комментирует
    «МК» эксперт», «сказал WP миллиардер»): the medium spoken to, when a second subject follows."""
    toks = view.tokens
    tok = toks[k]
    if view.subtree(k) not in ([k], [k - 1, k, k + 1]):
        return False
    quoted = 0 < k < len(toks) - 1 and toks[k - 1].text in "«\"“„" and toks[k + 1].text in "»\"”“"
    return quoted or (tok.text.isupper() and len(tok.text) <= 5)


# Verbs of clauses that modify a noun: the scan for a misparsed subject passes over them.
_MODIFIER_CLAUSES = ("amod", "acl", "acl:relcl")


def _subject(view: SyntaxView, verb: int) -> int | None:
    """The cue's subject, or that of the verb a gerund or a conjunct hangs on; failing both, a
    subject standing before the cue that the parser hung on a later verb, past a relative or
    participle clause of its own («Эта группа, которая долгое время выступала против …, утверждала,
    что …»)."""
    found = _subject_up(view, verb)
    return found if found is not None else preceding_subject(view, verb)


def preceding_subject(view: SyntaxView, verb: int) -> int | None:
    """A subject before a Russian cue that the parser hung on a later verb (the cue itself left a
    root or a bare «dep»): «… президент Грузии Саломе Зурабишвили совершенно серьёзно заявила,
    что «…»», past a relative or participle clause of the subject's own."""
    toks = view.tokens
    if toks[verb].dep not in ("root", "ROOT", "dep") or not _is_russian(toks[verb].lemma.lower()):
        return None
    for k in range(verb - 1, max(-1, verb - 30), -1):
        # A gerund phrase between subject and cue is passed over too («X, комментируя Y, заявлял, что»).
        if toks[k].sent != toks[verb].sent or toks[k].pos in ("VERB", "AUX") and toks[k].dep not in _MODIFIER_CLAUSES \
                and not (toks[k].dep == "advcl" and gerund(toks[k].text)) or toks[k].text in (".", ";", ":"):
            return None
        if toks[k].dep == "nsubj" and (toks[k].head > verb or _second_subject(view, k)):
            return k
    return None


def _second_subject(view: SyntaxView, subj: int) -> bool:
    """A subject the parser hung on the clause before «, а …» / «, но …», whose verb has a subject
    of its own: «Грузия придерживается курса на НАТО, а Украина уже объявила, что …» (Украина
    under «придерживается» beside «Грузия»): it belongs to the verb after it."""
    toks = view.tokens
    head = toks[subj].head
    if head >= subj or not any(c < subj for c in view.kids(head, "nsubj") if c != subj):
        return False
    return any(toks[j].pos == "CCONJ" and toks[j].text.lower() in ("а", "но", "и") and toks[j - 1].text == ","
               for j in range(head + 1, subj))


def stray_subject(view: SyntaxView, verb: int) -> int | None:
    """A name right before a Russian cue that has no subject, hung by the parser on a word before
    it («С явным неудовольствием Фергюсон отмечает, что …»: an apposition of the adverbial): a
    proper noun with a nominative reading, only adverbs between it and the cue, in the cue's
    sentence and not inside its content. Common nouns are left out: they are what the fronted
    phrase is about as often as who speaks."""
    toks = view.tokens
    if not _is_russian(toks[verb].lemma.lower()) or not third_person(toks[verb].text):
        return None  # «к Норвегии … можно сказать», «режиму X советую»: no third person, no name speaks
    k = verb - 1
    while k >= 0 and toks[k].pos in ("ADV", "PART") and toks[k].sent == toks[verb].sent:
        k -= 1
    # «Иван Сомов, комментируя сроки, заявлял»: past the cue's own gerund phrase in commas.
    for g in view.kids(verb, "advcl"):
        if gerund(toks[g].text) and toks[k].text == "," and g < k and g >= 2 and toks[g - 1].text == "," \
                and not any(toks[j].text in (",", ".", ";", ":") for j in range(g + 1, k)):
            k = g - 2
            break
    while k > 0 and toks[k].dep.startswith("flat") and toks[k].head < k and toks[k].pos == "PROPN":
        k = toks[k].head  # «Елена Якименко»: the name's head word
    if k < 0 or toks[k].sent != toks[verb].sent or toks[k].pos != "PROPN" or toks[k].dep in ("nsubj", "nsubj:pass") \
            or toks[k].head == verb or not nominal_subject(view, k) or not toks[k].text[:1].isupper() \
            or any(toks[c].pos == "ADP" for c in view.kids(k, "case")):
        return None
    # Past the name's own first name or initials, the phrase must start the clause or follow a
    # fronted adverbial: no verb of its own between it and the clause start.
    j = k - 1
    while j >= 0 and toks[j].sent == toks[verb].sent and toks[j].text not in (",", ";", ":", "—", "–"):
        if toks[j].pos in ("VERB", "AUX") and toks[j].dep not in _MODIFIER_CLAUSES:
            return None
        j -= 1
    return k


def _reporting_verb(view: SyntaxView, clause: int) -> int | None:
    """The verb whose «что»/«чтобы» clause `clause` heads, if it is one."""
    toks = view.tokens
    marked = any(toks[k].text.lower() in ("что", "чтобы") for k in view.kids(clause, "mark"))
    head = toks[clause].head
    if marked and toks[clause].dep == "ccomp" and head != clause and toks[head].pos in ("VERB", "AUX"):
        return head
    return None


def _subject_up(view: SyntaxView, verb: int) -> int | None:
    """nsubj of the cue, or of the verb a gerund or a conjunct hangs on."""
    toks = view.tokens
    for _ in range(3):
        # An apposition hung on a verb is a misparsed subject («… нардеп Анна Скороход заявила»).
        subj = view.kids(verb, "nsubj") or [c for c in view.kids(verb, "appos")
                                            if c < verb and toks[c].pos in ("NOUN", "PROPN")]
        if len(subj) >= 2 and verb < subj[0] and addressed_medium(view, subj[0]):
            subj = subj[1:]  # «сказал WP один из миллиардеров»: the paper is spoken to
        if subj:
            return _past_label(view, subj[0], verb)
        tok = toks[verb]
        if tok.dep == "xcomp" and tok.head != verb:
            # «КГБ убедил Лукашенко заявить, что …», «это заставило депутатов заявить …»: the object
            # of the verb above the infinitive does what it says («пообещал избирателям» is no object).
            objs = [c for c in view.kids(tok.head, "obj") if c < verb and toks[c].pos in ("NOUN", "PROPN", "PRON")]
            if objs:
                return objs[0]
        if tok.dep in ("conj", "advcl", "xcomp", "dep") and tok.head != verb and toks[tok.head].pos in ("VERB", "AUX", "ADJ"):
            verb = tok.head
            if tok.dep in ("conj", "advcl") and gerund(tok.text):
                # «Министр сообщил, что завод закроется, отметив, что …»: a gerund the parser hung
                # on the reported clause continues the report; its agent is the reporter's.
                verb = _reporting_verb(view, verb) or verb
            continue
        if _in_which(view, verb):
            # «Байден издал указ, в котором объявил, что …»: who wrote the text speaks in it.
            noun = tok.head
            if toks[noun].head != noun and toks[toks[noun].head].pos in ("VERB", "AUX"):
                verb = toks[noun].head
                continue
        return None
    return None


def hypothetical_you(view: SyntaxView, verb: int, subj: int) -> bool:
    """«Вы можете сказать, что …», «ты можешь возразить»: an infinitive under «мочь» said of «вы» or
    «ты» is a reply the author imagines, no one's statement."""
    toks = view.tokens
    head = toks[verb].head
    return (toks[subj].text.lower() in ("вы", "ты") and toks[verb].text.lower().endswith(("ть", "ти", "чь"))
            and head != verb and toks[head].lemma.lower() == "мочь")


def conditional_cue(view: SyntaxView, verb: int) -> bool:
    """«Путин мог бы заявить, что …», «он сказал бы, что …»: a Russian cue in the conditional (its
    own «бы», or that of the modal it depends on) is speech imagined, not made."""
    toks = view.tokens
    if not _is_russian(toks[verb].lemma.lower()):
        return False
    heads = [verb]
    if toks[verb].dep == "xcomp" and toks[verb].head != verb:
        heads.append(toks[verb].head)
    return any(toks[k].text.lower() in ("бы", "б") for h in heads for k in view.kids(h))


def _past_label(view: SyntaxView, subj: int, verb: int) -> int | None:
    """«„СП“: — Байден не раз говорил, что …»: a subject before a colon that the verb comes after
    is the line's label (the interviewer), not who speaks; the speaker is the name or pronoun
    after the colon that the parser hung on the verb some other way, if any."""
    toks = view.tokens
    colons = [k for k in range(subj + 1, verb) if toks[k].text == ":"]
    if not colons:
        return subj
    after = [c for c in view.kids(verb) if colons[-1] < c < verb and toks[c].pos in ("PROPN", "NOUN", "PRON")
             and toks[c].dep in ("parataxis", "appos", "nsubj", "dep", "dislocated")]
    return after[0] if after else None


def _in_which(view: SyntaxView, verb: int) -> bool:
    """A relative clause «в котором …» on a noun: the cue speaks inside a text or a speech."""
    toks = view.tokens
    if toks[verb].dep != "acl:relcl" or toks[verb].head == verb:
        return False
    return any(toks[c].lemma.lower() == "который" and any(toks[k].text.lower() in ("в", "во") for k in view.kids(c, "case"))
               for c in view.kids(verb, "obl"))


def place_source(view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """«В МИД заявили»: the «в X» phrase of a subjectless plural verb; «говорится в докладе ООН»:
    the document's owner, else the document; «сообщается на сайте Кремля»: the medium's owner,
    else the named medium."""
    toks = view.tokens
    text = view.article.text
    if not _is_russian(toks[verb].lemma.lower()):
        return None
    for c in view.kids(verb, "obl"):
        on = [k for k in view.kids(c, "case") if toks[k].text.lower() == "на"]
        if on and (toks[c].lemma.lower() in _ru_words("medium_nouns") or (toks[c].pos == "PROPN" and not _a_place(view, c))):
            # «сообщается на сайте Кремля», «на EurekAlert!»: where it is published; «на встрече»,
            # «на этой неделе», «на Украине» are no one's medium.
            owners = [k for k in view.kids(c, "nmod") if k > c]
            if owners and toks[c].pos != "PROPN":
                return _trim(text, *view.span_of(view.subtree(owners[0])))
            return _trim(text, *view.span_of(sorted(set(view.subtree(c)) - set(on))))
        if on and toks[c].pos == "PROPN" and _a_place(view, c) and c < verb and toks[verb].text.lower().endswith(("ют", "ят")):
            # «На Западе считают, что …»: the people of a place named with «на», before a plural
            # present-tense cue (not «на Украине заявили», where a meeting may have been held).
            return _trim(text, *view.span_of(sorted(set(view.subtree(c)) - set(on))))
        cases = [k for k in view.kids(c, "case") if toks[k].text.lower() in ("в", "во")]
        if not cases or toks[c].lemma.lower() in _ru_words("adverbial_nouns"):
            continue  # «заключили в ответ», «в итоге заявили»: an adverbial, nobody's place
        if any(view.kids(k, "fixed") for k in cases) or toks[c].lemma.lower() in ("тот", "то", "это", "этот"):
            # «в качестве которых называют», «в связи с этим заявили»: a compound preposition;
            # «упрекали в том, что …», «в том числе»: a pronoun, what is said or an aside.
            continue
        if toks[c].lemma.lower() in _ru_words("document_nouns"):
            owners = [k for k in view.kids(c, "nmod") if k > c]
            if owners:
                owner = owners[0]
                # «в заявлении на сайте министерства»: the medium's owner speaks.
                inner = [k for k in view.kids(owner, "nmod") if k > owner]
                if toks[owner].lemma.lower() in _ru_words("medium_nouns") and inner:
                    owner = inner[0]
                return _trim(text, *view.span_of(view.subtree(owner)))
        # «в журнале Nature в статье …»: the outlet speaks; the document it printed is no part of it.
        inner_docs = {d for d in view.kids(c, "nmod") if d > c and view.kids(d, "case")
                      and toks[d].lemma.lower() in _ru_words("document_nouns")}
        idx = set(view.subtree(c, exclude=inner_docs)) - set(cases)
        # The phrase is one stretch around its noun: a misparse may hang far words on it.
        lo = hi = c
        while lo - 1 in idx:
            lo -= 1
        while hi + 1 in idx:
            hi += 1
        return _trim(text, *view.span_of([lo, hi]))
    return None


def _passive_agent(view: SyntaxView, cue: int) -> int | None:
    """The agent of a passive cue, a noun in the instrumental («заявлено представителем МИД»,
    «Представителем ведомства было отмечено»), if the parser marked it so."""
    toks = view.tokens
    agents = [c for c in view.kids(cue, "obl:agent") if toks[c].pos in ("NOUN", "PROPN") and not view.kids(c, "case")]
    if not agents and passive_short(toks[cue].text):
        # A fronted agent the parser left a plain «obl»: a bare noun with an instrumental reading.
        agents = [c for c in view.kids(cue, "obl") if toks[c].pos in ("NOUN", "PROPN") and not view.kids(c, "case")
                  and instrumental(toks[c].text)]
    return agents[0] if agents else None


def _known_from(view: SyntaxView, cue: int) -> tuple[int, int] | None:
    """The «из»-phrase of «известно» («Из открытых источников известно, что …»): where it is known from."""
    toks = view.tokens
    for c in view.kids(cue, "obl", "nmod"):
        if any(toks[k].text.lower() == "из" for k in view.kids(c, "case")) and toks[c].pos in ("NOUN", "PROPN"):
            idx = [k for k in view.subtree(c) if toks[k].text.lower() != "из" and toks[k].pos != "PUNCT"]
            if idx:
                return view.span_of(idx)
    return None


def _a_place(view: SyntaxView, k: int) -> bool:
    """Whether token k lies in a place name the entities layer found."""
    start = view.tokens[k].start
    return any(e.type == "LOC" and any(m.start <= start < m.end for m in e.mentions) for e in view.article.entities)


def _before(article: Article, view: SyntaxView, verb: int, starts: list[int]) -> tuple[int, int] | None:
    """What «Об этом сообщил X» refers to: the paragraph's text before this sentence, or
    the previous non-blank paragraph when the sentence opens its own."""
    text = article.text
    paras = article.paragraphs
    sent = article.sentences[view.tokens[verb].sent]
    k = bisect_right(starts, sent.start) - 1
    if k < 0 or not sent.start < paras[k].end:
        return None
    # The wire dateline opening the paragraph ("ЖЕНЕВА, 12 июня. /Корр. ТАСС …/. ") is not said.
    start = paras[k].start + dateline_end(paras[k].text)
    if start < sent.start and text[start : sent.start].strip():
        return _trim(text, start, sent.start)
    if text[paras[k].start : sent.start].strip():
        return None  # only the dateline stands before: nothing was said before it
    for prev in paras[max(0, k - 3) : k][::-1]:  # a blank paragraph or two may stand between
        if prev.text.strip():
            return _trim(text, prev.start + dateline_end(prev.text), prev.end)
    return None


def _subject_after(view: SyntaxView, verb: int) -> bool:
    """«…, уверен журналист, …»: the subject follows the cue."""
    return any(c > verb for c in view.kids(verb, "nsubj"))


def _object_and_complement(view: SyntaxView, verb: int, lex: QuoteLexicon) -> list[int] | None:
    """«назвал иллюзией поддержку Украины», «сравнил Х с Y»: the object with its second
    complement, in either order. Naming someone with no complement reports nothing; naming
    things lists them («назвал три шага, которые …»), and the object is the content."""
    toks = view.tokens
    # «"Трагической ошибкой" решение суда назвал президент»: with the subject after the verb, the
    # object and its complement may stand before it.
    fronted = any(k > verb for k in view.kids(verb, "nsubj"))
    naming = toks[verb].lemma.lower() in lex.naming
    # «заклеймило Путина как военного преступника»: a naming verb's complement may take «как».
    preps = ("с", "со", "как") if naming else ("с", "со")
    objs = [c for c in view.kids(verb, "obj") if c > verb or fronted]
    comps = [c for c in view.kids(verb, "xcomp", "obl") if (c > verb or fronted) and toks[c].pos in ("NOUN", "PROPN", "ADJ", "PRON")
             and not any(toks[k].text.lower() not in preps for k in view.kids(c, "case"))]
    if toks[verb].lemma.lower() in _ru_words("evaluation_verbs"):
        # «считал славян низшей расой»: the second complement is instrumental («считает деньги
        # каждый вечер», «не считая борьбы с террористами» have none); of oneself nothing is claimed.
        comps = [c for c in comps if not view.kids(c, "case") and instrumental(toks[c].text, ("NOUN", "ADJF"))]
        if any(toks[c].text.lower() in ("себя", "себе") for c in objs):
            return None
    if naming and not objs and len(comps) >= 2:
        # «называет западных коллег "акцентуированными личностями"»: both parsed as complements.
        objs, comps = comps[:1], comps[1:]
    if naming and objs and not comps:
        # «назвал Фергюсона фальсификатором истории» (the name parsed as a modifier of the verb),
        # «прозвали меня «Товарищ Нейтралитет»» (as an apposition of the object).
        comps = [c for c in view.kids(verb, "amod", "nmod") if c > objs[0] and toks[c].pos in ("NOUN", "ADJ", "PROPN")
                 and not view.kids(c, "case")]
        comps = comps or [c for c in view.kids(objs[0], "appos") if c > objs[0] and toks[objs[0]].pos == "PRON"]
    if comps and not objs:
        # «назвал подвид вируса признаком …»: the parser may hang the object as a modifier.
        objs = [c for c in view.kids(verb, "amod", "nmod", "iobj") if c > verb and c not in comps
                and toks[c].pos in ("NOUN", "PROPN") and not view.kids(c, "case")]
    if objs and not comps and toks[verb].lemma.lower() in lex.naming and toks[objs[0]].pos == "NOUN" \
            and toks[objs[0]].lemma.lower() not in lex.person_nouns \
            and not any(toks[c].lemma.lower() in _ru_words("naming_after") for c in view.kids(verb, "obl")):
        # A clause the parser hung on the object («… и предупредил, что …») is not listed.
        clauses = {k for k in view.subtree(objs[0]) if k != objs[0] and toks[k].pos in ("VERB", "AUX")
                   and toks[k].dep in ("parataxis", "conj")}
        idx = view.subtree(objs[0], exclude=clauses)
        # The cue's own next verb («назвал X и предупредил, что …») ends the object.
        stop = min((k for k in view.kids(verb, "conj") if k > objs[0]), default=len(toks))
        stop = min([stop] + [k for k in view.kids(stop, "cc") if k > objs[0]]) if stop < len(toks) else stop
        idx = [k for k in idx if k < stop]
        return list(range(idx[0], idx[-1] + 1))
    if objs and not comps and toks[verb].lemma.lower() in _ru_words("comparison_verbs"):
        # «сравнил налог с ограблением»: the parser often hangs the «с»-phrase on the object.
        comps = [c for c in view.kids(objs[0], "nmod")
                 if any(toks[k].text.lower() in ("с", "со") for k in view.kids(c, "case"))]
    if naming and comps and not objs and toks[comps[0]].dep == "xcomp" and comps[0] > verb:
        # «назвала причиной смерти … передозировку», «назвал плененных … "солдатами удачи"»: the
        # object went astray in the parse; what follows the cue up to the complement's end is named.
        clauses = {k for k in view.subtree(comps[0]) if k != comps[0] and toks[k].pos in ("VERB", "AUX")
                   and toks[k].dep in ("parataxis", "conj")}
        idx = [k for k in view.subtree(comps[0], exclude=clauses) if k > verb]
        stop = min((k for k in view.kids(verb, "conj") if k > verb), default=len(toks))
        idx = [k for k in idx if k < stop]
        if not idx or (idx[-1] == comps[0] and verb + 1 == comps[0]) or toks[verb + 1].lemma == toks[verb].lemma:
            return None  # «назвали победителем»: a complement alone names nothing
        return list(range(verb + 1, idx[-1] + 1))
    if not objs or not comps:
        return None
    # A clause the parser hung on a noun («целью, …, сравнивая их …») is not part of the phrase.
    clauses = {k for head in (objs[0], comps[0]) for k in view.subtree(head) if k not in (objs[0], comps[0])
               and toks[k].pos in ("VERB", "AUX") and toks[k].dep in ("nmod", "dep", "parataxis", "advcl")}
    idx = sorted(set(view.subtree(objs[0], exclude=clauses)) | set(view.subtree(comps[0], exclude=clauses)))
    if not fronted:
        idx = [k for k in idx if k > verb]  # a comma the parser hung far down is no part of the phrase
    return list(range(idx[0], idx[-1] + 1)) if idx else None


def _fronted_about(article: Article, view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """«О несогласии с решением суда заявил и генпрокурор»: a sentence that opens with an
    «о»-phrase of the cue says what was said before the cue."""
    text = article.text
    toks = view.tokens
    sent = article.sentences[toks[verb].sent]
    if _FRONTED_ABOUT.match(text[sent.start : toks[verb].start]) is None:
        return None
    first = next(iter(view.tokens_in(sent.start, toks[verb].start)), None)
    if first is None or toks[toks[first].head].head != verb or toks[first].dep != "case":
        return None
    return _trim(text, sent.start, toks[verb].start)


def _that_before(article: Article, view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """«О том, что …, сообщил X»: the «что» clause before the cue."""
    text = article.text
    sent = article.sentences[view.tokens[verb].sent]
    m = re.match(r"\s*об?\s+том\s*,\s*что\s+", text[sent.start : view.tokens[verb].start], re.IGNORECASE)
    if m is None:
        return None
    end = text.rfind(",", sent.start, view.tokens[verb].start)
    if end <= sent.start + m.end():
        return None
    return _trim(text, sent.start + m.end(), end)


def _inverted(article: Article, view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """«…, сообщает ТАСС.» / «…, — заявил он.»: the cue follows its content after a comma or a
    dash; «…, уверен журналист, …» stands inside it (the content is the whole sentence)."""
    text = article.text
    toks = view.tokens
    sent = article.sentences[toks[verb].sent]
    before = text[sent.start : toks[verb].start].rstrip()
    if not before.endswith((",", "—", "–", "-")):
        return None
    if before in ("—", "–", "-") and toks[verb].sent > 0 and view.kids(verb, "nsubj"):
        # «… по обогащению урана,¶¶– предупреждает телеканал CNBC.»: a line break split the
        # sentence after its comma; the content is the sentence before.
        prev = article.sentences[toks[verb].sent - 1]
        body = text[prev.start : prev.end].rstrip()
        if body.endswith(",") and len(body) > 10:
            return _trim(text, prev.start, prev.start + len(body) - 1)
        return None
    # «Впрочем, подчёркивает он, …»: a short lead of discourse words only, the content after the cue.
    opener = len(before) < 10 and before.endswith(",") and all(
        toks[k].pos in ("ADV", "CCONJ", "PART", "PUNCT") for k in view.tokens_in(sent.start, toks[verb].start))
    if len(before) < 10 and not opener:
        return None
    if toks[verb].dep == "advcl":
        return None  # «…, комментируя решение, …»: a gerund hangs on another verb
    subj = view.kids(verb, "nsubj")
    if subj and subj[0] < verb:
        return None  # «Министр, выступая …, заявил»: an ordinary subject, not an inversion
    head = toks[verb].head
    if head != verb and toks[head].pos in ("NOUN", "PROPN", "PRON") and toks[verb].dep in ("acl", "acl:relcl"):
        return None  # a participle or relative clause on a noun
    cut = before.rstrip(",—–- ")
    end = sent.start + len(cut)
    # The words after the cue's own phrase: more content when the cue is parenthetical.
    phrase_end = _remark_end(view, verb)
    rest = text[toks[phrase_end].end : sent.end].strip()
    if rest.startswith(",") and len(rest) > 10 and not _remark_goes_on(view, verb, phrase_end):
        return _trim(text, sent.start, sent.end)  # the remark is left out by `_parenthetical_remark`
    return None if opener else _trim(text, sent.start, end)


def _remark_end(view: SyntaxView, verb: int) -> int:
    """The last token of an inverted cue's own phrase (its subject, objects and adverbials)."""
    return max(view.subtree(verb, exclude=set(view.kids(verb, "punct")))[-1], verb)


def _remark_goes_on(view: SyntaxView, verb: int, phrase_end: int) -> bool:
    """Whether the words after the comma that follows a remark still tell of the remark:
    «…, пишет автор, ссылаясь на …» (a gerund), «…, сказал он перед заседанием, на котором …»
    (a relative clause on the remark's noun); or the remark reports more itself («…, – подчеркнул
    он, отметив, что …, …»), so what follows is the gerund's."""
    toks = view.tokens
    if any(toks[k].pos == "VERB" and gerund(toks[k].text) for k in range(verb + 1, phrase_end + 1)):
        return True
    after = [k for k in range(phrase_end + 1, min(len(toks), phrase_end + 5)) if toks[k].pos != "PUNCT"][:2]
    if not after:
        return False
    first = toks[after[0]]
    return gerund(first.text) or any(toks[k].lemma.lower() in _ru_words("relative_pronouns") for k in after)


def _last_word_subject(view: SyntaxView, verb: int) -> int | None:
    """«…, сообщили СМИ» with no final stop (a headline): the parser makes the noun that ends the
    sentence after an inverted cue its object; a noun with no preposition that can be nominative
    is the cue's subject."""
    toks = view.tokens
    k = verb + 1
    if k >= len(toks) or toks[k].sent != toks[verb].sent or toks[k].pos not in ("NOUN", "PROPN"):
        return None
    if toks[k].head != verb or toks[k].dep not in ("obj", "iobj") or view.kids(k, "case") or never_nominative(toks[k].text):
        return None
    # ... a noun that speaks: a name, a medium, a body or a person's title (not «…, озвучивает
    # нарратив ФСБ», whose noun is what is voiced).
    named = any(m.start <= toks[k].start < m.end and m.type in ("PERSON", "ORG") for m in view.article.mentions)
    if not named and toks[k].lemma.lower() not in _ru_words("speaking_nouns") and toks[k].text.lower() not in _ru_words("speaking_nouns"):
        return None
    j = k + 1
    while j < len(toks) and toks[j].sent == toks[verb].sent:  # the sentence's end only, not the text's
        if toks[j].pos != "PUNCT" and not view.is_ancestor(k, j):
            return None
        j += 1
    return k


def _parenthetical_remark(article: Article, view: SyntaxView, verb: int,
                          content: tuple[int, int]) -> tuple[int, int] | None:
    """«Таким образом, заключил автор, реформа не достигла цели»: the remark between the commas
    inside an inverted report's content, from the comma before the cue to the first word after
    the comma that closes its phrase (the content is the two pieces around it)."""
    text = article.text
    toks = view.tokens
    if not content[0] < toks[verb].start < content[1]:
        return None
    cut = text.rfind(",", content[0], toks[verb].start)
    phrase_end = _remark_end(view, verb)
    comma = text.find(",", toks[phrase_end].end, content[1])
    if cut < 0 or comma < 0 or text[toks[phrase_end].end : comma].strip():
        return None
    resume = comma + 1
    while resume < content[1] and text[resume].isspace():
        resume += 1
    return (cut, resume) if content[0] < cut and resume < content[1] else None


def _as_clause(view: SyntaxView, verb: int) -> list[int] | None:
    """«как сообщает ТАСС, …», «как стало известно, …»: the clause the «как»-phrase modifies."""
    toks = view.tokens
    node = verb
    if not view.kids(node, "mark") and toks[node].dep in ("xcomp", "nsubj") and toks[node].head != node:
        node = toks[node].head  # «стало известно»: the mark sits on «стало»
    marks = [c for c in view.kids(node, "mark") if toks[c].text.lower() == "как"]
    if not marks or toks[node].dep not in ("advcl", "parataxis", "conj") or toks[node].head == node:
        return None
    after = clause_after_opener(view, marks[0], max(view.subtree(node)))  # «…: как утверждает X, …»
    if after is not None:
        return after or None
    idx = view.subtree(toks[node].head, exclude={node})
    own = set(view.subtree(node))
    lead = [k for k in idx if k < min(own)]
    if lead and all(toks[k].pos in ("ADV", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT") for k in lead):
        # «Однако, как сообщает ТАСС, цены вырастут»: only discourse words stand before the
        # «как»-phrase, so what it vouches for is the clause after it.
        idx = [k for k in idx if k > max(own)]
        while idx and toks[idx[0]].pos == "PUNCT":
            idx = idx[1:]
    elif all(toks[k].pos == "PUNCT" for k in idx if k > max(own)):
        idx = [k for k in idx if k < min(own)]  # «Цены вырастут, как сообщает ТАСС.»: the phrase trails
    return idx or None


def russian_verb_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """Attributions of Russian cue words (verbs of saying and believing, impersonal and
    predicative cues) found by the clause rules above, in order of preference."""
    text = article.text
    if not has_cyrillic(text):
        return []  # an article without a Russian word holds no Russian cue
    out: list[Attribution] = []
    directives = _ru_words("directive_verbs")
    para_starts = [p.start for p in article.paragraphs]
    for i, tok in enumerate(view.tokens):
        kind = _cue_kind(view, i, lex)
        noun = _phrase_noun(view, i) if _is_russian(tok.lemma) else None
        opener = tok.pos in ("VERB", "AUX") and _is_russian(tok.lemma) and _demonstrative_opener(view, i)
        if opener and noun is None:
            noun = _phrase_noun(view, i, before=True)  # «К такому выводу пришли учёные»
        if kind is None and noun is None:
            continue
        if kind == "belief" and _AS_EXPECTED.search(text, max(0, tok.start - 40), tok.start):
            continue
        if tok.text.lower() in _ru_words("aside_forms") and any(
                0 <= k < len(view.tokens) and view.tokens[k].text == "," for k in (i - 1, i + 1)):
            continue  # «Скажем, в Якутии …», «Думается, они …»: the writer's aside between commas
        if tok.text.lower() == "известно" and _AS_KNOWN.search(text, max(0, tok.start - 20), tok.start) \
                and not re.match(r"\s+(?:из|от|по)\s", text[tok.end : tok.end + 5]):
            continue
        kind = kind or "speech"
        lemma = tok.lemma.lower()
        directive = lemma in directives
        content: tuple[int, int] | None = None
        how = ""
        idx = _that_clause(view, i, directive, lex, after=noun if noun is not None and noun > i else None)
        if idx:
            content, how = _trim(text, *view.span_of(idx)), "ru:that"
        if content is None:
            idx = _question_clause(view, i, lex, after=noun if noun is not None and noun > i else None)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:question"
        evidential = kind == "evidential"
        if evidential:
            if content is None:
                continue
            kind = "belief"
        if content is None:
            idx = _colon_clause(view, i)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:colon"
        if content is None:
            idx = _comma_clause(view, i)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:comma"
        if content is None:
            idx = _as_clause(view, i)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:as"
        if content is None and opener:
            content, how = _previous_sentence(article, view, i), "ru:anaphoric"
        if content is None and _ANAPHORIC_OPENERS.match(text[article.sentences[tok.sent].start : tok.start]):
            content, how = _that_before(article, view, i) or _before(article, view, i, para_starts), "ru:anaphoric"
        if content is None and kind in ("speech", "impersonal"):
            content, how = _fronted_about(article, view, i), "ru:about"
        if content is None and kind in ("speech", "impersonal"):
            idx = _about(view, i, noun)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:about"
        if content is None and (directive or noun is not None):
            idx = _directive(view, i if noun is None else noun, lex)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:directive"
        if content is None and directive and noun is None:
            idx = _directive_object(view, i)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:directive"
        if content is None and (lemma in lex.naming or lemma in _ru_words("comparison_verbs")
                                or lemma in _ru_words("evaluation_verbs")):
            idx = _object_and_complement(view, i, lex)
            if idx:
                content, how = _trim(text, *view.span_of(idx)), "ru:object"
        if content is None and (kind != "predicative" or _subject_after(view, i)):
            content, how = _inverted(article, view, i), "ru:inverted"
        if content is None or content[1] - content[0] < 3:
            continue
        # «оказалось», «выяснилось» take no agent: their subject is what turned out, not a source.
        subj = _subject(view, i) if kind != "impersonal" and not (evidential and lemma.endswith("ся")) else None
        if subj is None and how == "ru:inverted" and kind != "impersonal":
            subj = _last_word_subject(view, i)
        if subj is not None and not nominal_subject(view, subj):
            subj = None  # «в качестве которых называют», «Лидера … подчеркнул»: a misparse, no speaker
        if subj is not None and view.tokens[subj].lemma.lower() in _ru_words("thing_subjects") \
                and not view.kids(subj, "nmod", "amod", "acl"):
            continue  # «Это говорит о том, что …»: a fact indicates, nobody says
        if subj is not None and hypothetical_you(view, i, subj):
            continue  # «Вы можете возразить, что …»: the author's imagined reader says nothing
        src: tuple[int, int] | None = None
        if (subj is not None and how == "ru:inverted" and tok.text.lower().endswith(("ли", "ют", "ят"))
                and _reported_before(view, subj, i) and place_source(view, i)):
            subj = None  # «Цены на бензин упали, сообщили в министерстве»: "цены" is what was said
        # «…, как сообщают работники центра, …»: the «как»-phrase's subject stands inside the clause it reports.
        if subj is not None and (how in ("ru:inverted", "ru:as") or not content[0] <= view.tokens[subj].start < content[1]):
            src = ru_source_span(view, subj, i)
        elif evidential:
            subj = None  # «выяснилось, что …»: found out, nobody named
        elif kind == "impersonal" or tok.text.lower().endswith(_PLURAL_ENDINGS) \
                or (kind == "predicative" and tok.text.lower().endswith("ы")):
            src = place_source(view, i)  # «в МИД заявили», «говорится в докладе ООН», «в США уверены»
            if src is None and tok.text.lower() == "известно":
                src = _known_from(view, i)  # «Из материалов дела известно, что …»
            if src is None and kind != "impersonal":
                src = share_source(article, view, i)  # «Более 60% россиян считают, что …»
            subj = None
        elif (stray := stray_subject(view, i)) is not None:
            subj = stray  # «С явным неудовольствием Фергюсон отмечает, что …»: the name hung elsewhere
            src = ru_source_span(view, subj, i)
        elif how in ("ru:that", "ru:colon", "ru:question") and past_singular(tok.text):
            subj = None  # «Затем заявил, что …»: the subject left out, as Russian narration does; nobody named
        else:
            continue  # a singular verb with no subject found: a fragment, nobody is reported
        if src is None and (agent := _passive_agent(view, i)) is not None:
            subj, src = agent, ru_source_span(view, agent, i)  # «было заявлено представителем МИД»
        weak = kind in ("belief", "predicative") or (kind == "impersonal" and lemma[:-2] not in lex.speech
                                                       and tok.pos in ("VERB", "AUX"))
        cue = (tok.start, max(tok.end, view.tokens[noun].end)) if noun is not None else (tok.start, tok.end)
        remark = _parenthetical_remark(article, view, i, content) if how == "ru:inverted" else None
        if remark is not None and src is not None and not (remark[0] <= src[0] and src[1] <= remark[1]):
            remark = None  # the source stands outside the remark: the parse did not find the remark's end
        out.append(Attribution(content, cue, src, subj, how, weak, remark))
    return out


@lru_cache(maxsize=1)
def _share() -> re.Pattern[str]:
    """«Более 60% россиян», «около 30 процентов опрошенных»: a share of people (an approximation
    marker or a focus particle, a number, a percent unit, one or two words), which the parser may
    hang off the verb as an adverbial."""
    from ..quantities import approx_markers

    before = sorted({phrase for phrase, _ in approx_markers("ru")} | set(_ru_words("focus_particles")), key=len, reverse=True)
    units = sorted({re.escape(row[0]).replace(r"\*", r"\w*") for row in load_table("ru", "quantity_units")
                    if len(row) >= 2 and row[1] == "percent"} | {"%"}, key=len, reverse=True)
    return re.compile(rf"(?:(?:{'|'.join(map(re.escape, before))})\s+)?\d[\d\s,.]*\s*(?:{'|'.join(units)})"
                      r"\s+[^\W\d_]+(?:\s+[^\W\d_]+)?", re.IGNORECASE)


def share_source(article: Article, view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """The share of people right before a plural cue with no subject in its clause, else None."""
    text = article.text
    sent = article.sentences[view.tokens[verb].sent]
    start = max(sent.start, text.rfind(",", sent.start, view.tokens[verb].start) + 1)
    while start < view.tokens[verb].start and text[start].isspace():
        start += 1
    end = view.tokens[verb].start
    while end > start and text[end - 1].isspace():
        end -= 1
    # «Так, до 2013 года более 36% опрошенных называли …»: the share ends the words before the cue.
    m = next((m for m in _share().finditer(text, start, end) if m.end() == end), None)
    return (m.start(), m.end()) if m is not None else None


def thing_subject(article: Article, view: SyntaxView, cue: int, subj: int) -> bool:
    """«демонстрация победы требует переоценки», «этот факт говорит о сговоре»: a verb that also
    means "require" or "indicate" (lang/ru/thing_verbs.txt) with a common noun for a thing as its
    subject: inanimate, not one of the nouns that speak (a body, a document, a medium, a person's
    title), and no name; or a pronoun for a fact (lang/ru/thing_subjects.txt: «это»). Nobody is
    reported."""
    tok = view.tokens[subj]
    if view.tokens[cue].lemma.lower() not in _ru_words("thing_verbs"):
        return False
    if (tok.lemma.lower() in _ru_words("thing_subjects") or tok.text.lower() in _ru_words("thing_subjects")) \
            and not view.kids(subj, "nmod", "amod", "acl"):  # «Всё» (lemma «весь»), not «Все говорят»
        return True  # «Это подтверждает наши опасения»: a fact confirms
    if tok.pos != "NOUN" or tok.lemma.lower() in _ru_words("speaking_nouns") or not inanimate_noun(tok.text):
        return False
    return not any(m.start <= tok.start < m.end for m in article.mentions)


def _reported_before(view: SyntaxView, subj: int, verb: int) -> bool:
    """A subject before an inverted cue with a comma between them is in the reported clause
    («Цены на бензин упали, сообщили в министерстве»: a misparse; with a plural cue the «в X»
    phrase is the source), not the cue's own («Завтра, он сказал, …»)."""
    toks = view.tokens
    return subj < verb and "," in view.article.text[toks[subj].end : toks[verb].start]


# A dialogue dash or an interview label opening the sentence before a marker («„СП“: — По словам …»).
_DIALOGUE_LEAD = re.compile(r"^(?:[«\"„][^«»\"„“]{1,40}[»\"“]\s*:\s*)?[—–-]\s*$")


def _main_clause_start(view: SyntaxView, start: int, end: int) -> int:
    """Where the main clause begins after `start`: «По словам X, представителя ведомства, никто
    не …» starts at the root's subject, so an apposition to X stays out of the content."""
    toks = view.tokens
    text = view.article.text
    for root in (k for k in view.tokens_in(start, end) if toks[k].head == k):
        for subj in view.kids(root, "nsubj"):
            left = toks[view.subtree(subj)[0]].start
            if start < left < toks[root].start and "," in text[start:left]:
                # «По словам X, эту программу никто не отменял»: an object or adverbial fronted
                # before the subject, after the marker's comma, is the clause's too.
                fronted = [toks[view.subtree(c)[0]].start for c in view.kids(root, "obj", "iobj", "advmod", "advcl", "xcomp")
                           if start < toks[view.subtree(c)[0]].start < left
                           and "," in text[start : toks[view.subtree(c)[0]].start]]
                return min([left] + fronted)
    return start


_SOURCE_END = re.compile(r",|\s[—–-]\s")  # «по данным Всемирного банка — 4,785 трлн»


def _marker_source(view: SyntaxView, noun: int, limit: int) -> tuple[tuple[int, int] | None, int | None]:
    """Who «по словам …» names: the words up to the next comma (no verb among them), else the
    noun's genitive dependent; nothing for «по предварительным данным, …»."""
    toks = view.tokens
    text = view.article.text
    start = toks[noun].end
    m = _SOURCE_END.search(text, start, limit)
    end = m.start() if m else limit
    words = list(view.tokens_in(start, end))
    if len(words) > 1 and toks[words[0]].pos == "ADP":
        # «По данным из отчёта центра, …»: the report is the source, not «из».
        start, words = toks[words[0]].end, words[1:]
    if words and not any(toks[k].pos in ("VERB", "AUX") or toks[k].text.lower() in _ru_words("predicative_adverbs") for k in words):
        head = next((k for k in words if not start <= toks[toks[k].head].start < end), words[0])
        return _trim(text, start, end), head
    gen = [k for k in view.kids(noun, "nmod", "appos") if k > noun]
    if gen and "," not in text[start : toks[gen[0]].start]:
        idx = [k for k in view.subtree(gen[0]) if toks[k].start < end]
        if idx:
            return _trim(text, *view.span_of(idx)), gen[0]
    return None, None


# A comma and «а»/«но»/«и», then a marker: «, а по данным X», «, но, по словам Y».
_NEXT_MARKER = re.compile(r"(?:,\s*(?:а|но|и|однако)\s*,?|\()\s*(по|согласно)\s+(?:[^\W\d_]+\s+){0,2}?([^\W\d_]+)", re.IGNORECASE)
_LEAD_CONJUNCTION = re.compile(r"^(?:и|а|но|однако|также|при\s+этом|впрочем)$", re.IGNORECASE)
_MOL = re.compile(r"(?:мол|дескать)\s*,\s*", re.IGNORECASE)


def hearsay_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """«Посол ответил резко. Мол, договор — не молоко»: a sentence opened by «мол» or «дескать»
    retells someone's words: the subject of a verb of saying in the sentence before, else whoever
    spoke just before (resolved with the speakers)."""
    text = article.text
    if not has_cyrillic(text):
        return []  # an article without a Russian word holds no Russian cue
    out = []
    for n, sent in enumerate(article.sentences):
        m = _MOL.match(text, sent.start, sent.end)
        if m is None:
            continue
        content = _trim(text, m.end(), sent.end)
        if content[1] - content[0] < 3:
            continue
        src: tuple[int, int] | None = None
        head: int | None = None
        if n > 0:
            prev = article.sentences[n - 1]
            for k in view.tokens_in(prev.start, prev.end):
                tok = view.tokens[k]
                subj = _subject(view, k) if tok.pos == "VERB" and tok.lemma.lower() in lex.speech else None
                if subj is not None and nominal_subject(view, subj):
                    src, head = ru_source_span(view, subj, k), subj
                    break
        word_end = sent.start + len(m.group().rstrip(" ,"))
        out.append(Attribution(content, (sent.start, word_end), src, head, "ru:hearsay"))
    return out


_CLAUSE_MARKS = ("что", "будто", "чтобы")


def russian_noun_attributions(article: Article, view: SyntaxView) -> list[Attribution]:
    """«слухи о том, что …», «версию украинских властей о том, что …», «его утверждение, что …»: a
    claim noun (lang/ru/claim_nouns.txt) with its «что»-clause as content («о том» kept, guideline
    convention 4) and as source its possessive or the genitive after it, else nobody. Not the noun
    of a light-verb cue («выступил с заявлением, что …»), which the verb rules read."""
    text = article.text
    if not has_cyrillic(text):
        return []
    toks = view.tokens
    nouns = _ru_words("claim_nouns")
    out: list[Attribution] = []
    for i, tok in enumerate(toks):
        if tok.pos != "NOUN" or tok.lemma.lower() not in nouns:
            continue
        head = toks[tok.head]
        if tok.head != i and head.pos in ("VERB", "AUX") and tok.lemma.lower() in _phrases().get(head.lemma.lower(), {}):
            continue
        owner = next((c for c in view.kids(i, "det") if toks[c].text.lower() in _POSSESSIVE), None)
        if owner is None:
            owner = next((c for c in view.kids(i, "nmod") if c > i and toks[c].pos in ("NOUN", "PROPN")
                          and not view.kids(c, "case")), None)
        content = _claim_clause(view, i)
        if content is None:
            continue
        if owner is not None and toks[owner].start >= content[0]:
            owner = None
        src, src_head = None, None
        if owner is not None:
            idx = [k for k in view.subtree(owner) if toks[k].start < content[0]]
            src, src_head = _trim(text, *view.span_of(idx)), owner
        out.append(Attribution(content, (tok.start, tok.end), src, src_head, "ru:noun", False))
    return out


def _claim_clause(view: SyntaxView, noun: int) -> tuple[int, int] | None:
    """The «что»-clause a claim noun reports: «о том, что …» from «о», or «, что …» after «что»."""
    toks = view.tokens
    text = view.article.text
    for c in view.kids(noun, "nmod", "obl"):
        if c > noun and toks[c].text.lower() == "том" and any(toks[k].text.lower() in ("о", "об") for k in view.kids(c, "case")):
            for cl in view.kids(c, "acl", "ccomp", "advcl", "acl:relcl"):
                if any(toks[m].text.lower() in _CLAUSE_MARKS for m in view.kids(cl, "mark")):
                    prep = min(k for k in view.kids(c, "case"))
                    end = max(view.subtree(cl))
                    return _trim(text, toks[prep].start, toks[end].end)
    for cl in view.kids(noun, "acl", "ccomp"):
        marks = [m for m in view.kids(cl, "mark") if toks[m].text.lower() in _CLAUSE_MARKS]
        if cl > noun and marks and toks[marks[0] - 1].text == ",":
            idx = [k for k in view.subtree(cl) if k > marks[0]]
            if idx:
                return _trim(text, toks[idx[0]].start, toks[idx[-1]].end)
    return _claim_clause_by_text(view, noun)


# What may follow a claim noun's own phrase in the text when the parser hung its clause elsewhere:
# «заявлений Шивы о том, что …» (the «о том» on another noun), «Основные тезисы Шивы: …».
_ABOUT_THAT = re.compile(r"\s*(об?\s+том\s*,\s*(?:что|будто|чтобы)\b)", re.IGNORECASE)
_COLON_AFTER = re.compile(r"\s*:\s*(?=\S)")


def _claim_clause_by_text(view: SyntaxView, noun: int) -> tuple[int, int] | None:
    """A claim noun's «о том, что …» clause or, for a verbless heading phrase that opens its
    sentence, its colon clause, read off the text right after the noun's own phrase."""
    toks = view.tokens
    text = view.article.text
    # The noun's phrase without the clauses hung on it: a root noun heads «версия властей: …» too.
    clauses = {k for t in view.subtree(noun) if toks[t].sent == toks[noun].sent
               for c in view.kids(t, "parataxis", "acl", "ccomp", "advcl", "conj", "appos", "dep")
               for k in view.subtree(c)}
    own = [k for k in view.subtree(noun) if toks[k].sent == toks[noun].sent and toks[k].pos != "PUNCT"
           and k not in clauses]
    if not own or own != list(range(own[0], own[-1] + 1)):
        return None  # the noun's phrase is broken up: the parse is too unsure to read past it
    sent = view.article.sentences[toks[noun].sent]
    end = toks[own[-1]].end
    m = _ABOUT_THAT.match(text, end, sent.end)
    if m is not None:
        return _trim(text, m.start(1), sent.end)
    m = _COLON_AFTER.match(text, end, sent.end)
    if m is not None and not text[sent.start : toks[own[0]].start].strip() and m.end() < sent.end:
        return _trim(text, m.end(), sent.end)
    return None


def russian_marker_attributions(article: Article, view: SyntaxView) -> list[Attribution]:
    """«по словам X», «по его словам», «по предварительным данным», «со слов X», «судя по информации X»."""
    text = article.text
    if not has_cyrillic(text):
        return []  # an article without a Russian word holds no Russian cue
    toks = view.tokens
    nouns = _ru_words("marker_nouns")
    out: list[Attribution] = []
    for i, tok in enumerate(toks):
        if tok.text.lower() not in nouns or tok.dep == "amod" or (tok.pos not in ("NOUN", "PROPN") and not noun_only(tok.text)):
            continue  # «по данным адресам»: an adjective, not the noun of a marker («прикидкам» is one)
        # Walk back over possessives and adjectives to «по» / «со».
        j, between = i - 1, []
        while j >= 0 and toks[j].sent == tok.sent and len(between) <= _MAX_MARKER_WORDS and \
                toks[j].text.lower() not in _MARKER_PREPS:
            # «по имеющейся информации», «по многим оценкам»: a participle or a quantity word
            # modifies the noun as an adjective does.
            if toks[j].pos not in ("DET", "ADJ", "PRON") and toks[j].text.lower() not in _POSSESSIVE \
                    and not (toks[j].dep == "amod" and toks[j].head == i and toks[j].pos in ("VERB", "NUM")):
                break
            between.append(j)
            j -= 1
        if j < 0 or toks[j].sent != tok.sent or toks[j].text.lower() not in _MARKER_PREPS:
            continue
        if toks[j].text.lower() in ("с", "со") and tok.text.lower() != "слов" or \
                toks[j].text.lower() == "согласно" and tok.text.lower() == "слов":
            continue
        sent = article.sentences[tok.sent]
        cue = (toks[j].start, tok.end)
        if toks[j].text.lower() == "по" and j > 0 and toks[j - 1].sent == tok.sent and toks[j - 1].text.lower() == "судя":
            cue = (toks[j - 1].start, tok.end)  # «Судя по информации Bloomberg, …»: judging by it is citing it
        owner = [k for k in between if toks[k].text.lower() in _POSSESSIVE]
        src: tuple[int, int] | None = None
        src_head: int | None = None
        if owner:
            src, src_head = (toks[owner[0]].start, toks[owner[0]].end), owner[0]
        else:
            src, src_head = _marker_source(view, i, sent.end)
        phrase_end = max(cue[1], src[1] if src else cue[1])
        lead = _DIALOGUE_LEAD.sub("", text[sent.start : cue[0]].strip())  # «— По словам X, …» in an interview
        lead = _LEAD_CONJUNCTION.sub("", lead)  # «И по предварительным данным, …»: a sentence opener
        tail = text[phrase_end : sent.end].lstrip()
        # A marker is set off by commas: «По данным МВД, …», «…, по его словам, …», «…, по данным МВД.»
        # «…, – по его мнению, …»: after a dash the marker opens a clause of its own.
        # «…, а по словам министра, …»: after a conjunction too.
        # «… достигли мрачной отметки: по данным ООН, …»: after a colon too.
        dashed = (lead.endswith(("–", "—", " -", ":")) or re.search(r",\s*(?:а|но|однако)\s*,?$", lead, re.IGNORECASE) is not None) \
            and tail.startswith(",")
        # «… (по данным украинских СМИ, к ним примыкает Швеция).»: a bracketed clause of its own.
        bracket = lead.endswith("(") and tail.startswith(",") and ")" in text[phrase_end : sent.end]
        # «…, а по данным Всемирного банка — 4,785 трлн»: a second source's figure with its verb left out.
        elliptic = re.search(r",\s*(?:а|но|однако)$", lead, re.IGNORECASE) is not None and tail[:1] in _DASHES
        # «По данным МВД погибли пять человек.»: a sentence-opening marker whose comma was left
        # out; its named source (a short phrase, no verb) ends where the clause begins.
        # (not before «по»: «По данным Департамента по … вопросам ООН …» is one long name)
        uncommaed = not lead and src is not None and tail[:1].islower() and len(text[src[0] : src[1]].split()) <= 6 \
            and re.match(r"по\s", tail, re.IGNORECASE) is None \
            and (any(c.isupper() for c in text[src[0] : src[1]])
                 or src_head is not None and toks[src_head].lemma.lower() in _ru_words("speaking_nouns")) \
            and not any(toks[k].pos in ("VERB", "AUX", "ADV") for k in view.tokens_in(*src)) \
            and re.match(r"(?:что|как|чтобы|будто|ли)\b", tail, re.IGNORECASE) is None  # «по данным таблицам видно, что …»
        if not (tail.startswith(",") and (not lead or lead.endswith(",")) or lead.endswith(",") and not tail.strip(".!?…")
                or dashed or bracket or elliptic or uncommaed):
            continue
        if elliptic:
            content = _trim(text, text.index(tail[0], phrase_end) + 1, sent.end)
        elif bracket:
            content = _trim(text, _main_clause_start(view, phrase_end, sent.end), text.index(")", phrase_end))
        elif not lead or dashed:
            content = _trim(text, _main_clause_start(view, phrase_end, sent.end), sent.end)  # «По словам X, …»
        elif tail.startswith(",") and lead.endswith(","):
            content = _trim(text, sent.start, sent.end)  # «…, по его словам, …»: the whole sentence
        else:
            content = _trim(text, sent.start, cue[0])  # «…, по данным МВД.»
        content = (content[0], _before_next_marker(text, max(content[0], phrase_end), content[1], nouns))
        if content[1] - content[0] < 3 or (src is not None and src[1] <= src[0]):
            continue
        out.append(Attribution(content, cue, src, src_head, "ru:marker"))
    return out


def _before_next_marker(text: str, start: int, end: int, nouns: frozenset[str]) -> int:
    """Where a marker's content ends when another marker opens a clause of its own after it:
    «…, по данным МВФ, составил 4,49 трлн, а по данным Всемирного банка — 4,785 трлн», «… (по
    данным СМИ, …)»."""
    for m in _NEXT_MARKER.finditer(text, start, end):
        if m.group(2).lower() in nouns:
            return _trim(text, start, m.start())[1]
    return end


_REFERENCE = re.compile(r"(?<!\w)(?:со\s+ссылкой\s+на|ссылаясь\s+на)(?!\w)", re.IGNORECASE)


def reference_attributions(article: Article, view: SyntaxView, found: list[Attribution]) -> list[Attribution]:
    """«сообщает ТАСС со ссылкой на источник», «пишет газета, ссылаясь на МИД»: the referenced
    source says the same content; one more attribution, its cue the reference phrase."""
    text = article.text
    by_sentence: dict[int, list[Attribution]] = {}
    for att in found:
        if att.cue is not None and att.source is not None:
            k = view.sentence_of(att.cue[0])
            if k is not None:
                by_sentence.setdefault(k, []).append(att)
    out = []
    for m in _REFERENCE.finditer(text):
        k = view.sentence_of(m.start())
        host = [a for a in by_sentence.get(k, []) if a.cue is not None and a.cue[1] <= m.start()] if k is not None else []
        if not host:
            continue
        sent = article.sentences[k]
        comma = text.find(",", m.end(), sent.end)
        src = _trim(text, m.end(), comma if comma != -1 else sent.end)
        if src[1] - src[0] < 2 or host[-1].content[0] <= src[0] < host[-1].content[1]:
            continue
        src = _before_occasion(article, view, src)
        idx = list(view.tokens_in(*src))
        # The phrase's own head («генерального [директора] ДТЭК Максима Тимченко»), not its first word.
        head = next((k for k in idx if not src[0] <= view.tokens[view.tokens[k].head].start < src[1]
                     or view.tokens[k].head == k), idx[0] if idx else None)
        out.append(Attribution(host[-1].content, (m.start(), m.end()), src, head, "ru:reference"))
    return out


_OCCASION_PREPS = frozenset({"на", "в", "во", "по", "после"})


def _before_occasion(article: Article, view: SyntaxView, src: tuple[int, int]) -> tuple[int, int]:
    """A referenced source without the where or when after its name («… Максима Тимченко на форуме
    Atlantic Council»): the phrase ends with the person named before a
    preposition (an organisation's name may go on: «Центр … при СНБО»)."""
    text = article.text
    for mention in article.mentions:
        if mention.type == "PERSON" and src[0] <= mention.start and mention.end < src[1]:
            rest = text[mention.end : src[1]].lstrip()
            word = rest.split(" ", 1)[0].lower()
            if word in _OCCASION_PREPS and len(rest.split()) > 1:
                return (src[0], mention.end)
    return src


# «пока украинский официоз объясняет»: a subordinating conjunction the parser left on the subject.
_EDGE_WORDS_BEFORE = re.compile(r"^(?:(?:и|а|но|да|же|ведь|пока|когда|если|хотя|поскольку|будто|вон|вот)\s+)+", re.IGNORECASE)
_EDGE_WORDS_AFTER = re.compile(r"(?:\s+(?:же|ведь))+$", re.IGNORECASE)
# «глава региона в своём канале»: a phrase with the reflexive «свой» refers back to the
# subject, so it is the verb's adverbial, never part of the subject phrase.
_OWN_PHRASE = re.compile(r"\s+(?:в|во|на|по|через|с|со)\s+сво(?:ём|ем|ей|ем|их|ю|его|ему|им|ими)(?!\w)", re.IGNORECASE)
_WRAPS = {"«": "»", '"': '"', "“": "”", "„": "“"}


def ru_source_edges(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A Russian source phrase without a conjunction or particle at its edges («и генпрокурор»,
    «МИД же»), without a «в своём …» adverbial, without a bracket closing around it, and without marks that wrap all of it
    («"Известия"» → «Известия», the name in quotation marks)."""
    start, end = span
    if not _CYRILLIC.search(text[start:end].lower()):
        return span
    if (m := _OWN_PHRASE.search(text, start, end)) is not None and m.start() > start:
        end = m.start()
    if (m := _EDGE_WORDS_BEFORE.match(text[start:end])) is not None and m.end() < end - start:
        start += m.end()
    if (m := _EDGE_WORDS_AFTER.search(text[start:end])) is not None and m.start() > 0:
        end = start + m.start()
    while end - start > 1 and text[end - 1] == ")" and "(" not in text[start : end - 1]:
        end = len(text[start : end - 1].rstrip()) + start  # «… Яцека Пехоты)»: the bracket closes around it
    close = _WRAPS.get(text[start : start + 1])
    inner = text[start + 1 : end - 1]
    if close is not None and end - start > 2 and text[end - 1] == close and not any(c in inner for c in "«»\"“”„"):
        start, end = start + 1, end - 1
    return start, end
