"""Reported speech from the dependency parse: "X claims that …", "according to X, …",
«по словам X, …», «X заявил, что …», headline "KGB: …" and "X speaks of …"."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article
from ..morph import russian_morph
from ..script import has_cyrillic
from ..syntax import SyntaxView
from .lexicon import QuoteLexicon
from .marks import DOUBLE_MARKS
from .morph_ru import misparsed_subject, past_disagrees, surname_like

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
    # «A, — заявил министр, — B»: the author's remark inside the quotation (from just after the
    # mark that ends A to where B resumes), left out of the content (two fragments, one cue).
    remark: tuple[int, int] | None = None


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past edge punctuation, whitespace, a final period and stray brackets and
    quotation marks (a closing one at the start, an opening one at the end: ‘“…,” Ramos, 58,
    said’ hangs the closing mark on the name; "[Yury] X" keeps its bracket)."""
    while start < end and text[start] in _PUNCT_EDGE + ")]”»":
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + ".([“«„":
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
        or (toks[c].dep == "appos" and "," in text[toks[head].end : toks[c].start])
        # "The Clinton campaign on Monday said": when it spoke is not who.
        or (toks[c].dep == "prep" and toks[c].text.lower() in _TIME_PREPS and _names_a_time(view, c))
        or (toks[c].dep in ("npadvmod", "tmod") and toks[c].lemma.lower() in _time_words())
        or (toks[c].text.lower() == "out" and any(toks[k].lemma.lower() in _time_words()
                                                  for k in view.kids(c, "npadvmod", "tmod"))))}  # "a poll out Monday"
    clauses = [c for c in cut if toks[c].dep in ("relcl", "acl:relcl", "acl")]
    if clauses:
        # A quotation the parse hung on the head after its clause ("Trump called Comey “a
        # showboat”", the quotation an apposition of Trump) is not part of the phrase either.
        cut |= {c for c in view.children[head] if c > min(clauses)
                and any(toks[k].text in DOUBLE_MARKS for k in view.subtree(c))}
    idx = view.subtree(head, exclude=cut)
    # Stop at the first comma after the head: "Andrey Parotnikau, head of …".
    here = toks[head].start
    comma = next((toks[i].start for i in idx if toks[i].start > here and toks[i].text == ","), None)
    if comma is not None:
        idx = [i for i in idx if toks[i].start < comma]
    # ... and start after the last comma before it: "Of Carson, Levine said" (the parse hung
    # "Carson," on the name).
    opening = next((toks[i].start for i in reversed(idx) if toks[i].start < here and toks[i].text == ","), None)
    if opening is not None:
        idx = [i for i in idx if toks[i].start > opening]
    s, e = strip_edges(text, *view.span_of(idx))
    while s > 1 and text[s - 1] in "-‐" and text[s - 2].isalnum():
        s -= 1  # "E-mails": back to the word's start
        while s > 0 and text[s - 1].isalnum():
            s -= 1
    s, e = _balance_opening(text, s, e)
    # "[Yury] Zyankovich and [Alyaksandr] Fyaduta were sure …": the editor's bracket the parser
    # left outside the subject opens the phrase.
    if s > 0 and text[s - 1] in "[(" and text.count("]" if text[s - 1] == "[" else ")", s, e) > text.count(text[s - 1], s, e):
        s -= 1
    return s, e


_TIME_PREPS = frozenset({"on", "in", "at", "during", "since", "after", "before", "over"})


def _balance_opening(text: str, start: int, end: int) -> tuple[int, int]:
    """Mend a subject phrase whose opening mark the parser hung on the verb: "“Comrades-in-arms”
    explained …" keeps only the closing ” (dropped: the words in marks are the speaker), and
    "“Father” Martin declares …" keeps "Father” Martin" (the opening “ is taken back)."""
    phrase = text[start:end]
    marks = [k for k, ch in enumerate(phrase) if ch in DOUBLE_MARKS]
    if start == 0 or len(marks) % 2 == 0 or phrase[marks[0]] not in "”»" or text[start - 1] not in "“«„":
        return start, end
    return (start, end - 1) if marks == [len(phrase) - 1] else (start - 1, end)


def _mentioned_name(view: SyntaxView, head: int, span: tuple[int, int]) -> bool:
    """The whole subject is one proper name in quotation marks (“Philipp” presumably refers to
    Philipp Schindler): the word is talked about, nobody speaks. A scare-quoted noun still
    speaks (“Comrades-in-arms” explained …)."""
    text = view.article.text
    s, e = span
    if e - s > 2 and text[s] in "“«„\"" and text[e - 1] in "”»“\"":
        s, e = s + 1, e - 1
    return (0 < s and e < len(text) and text[s - 1] in "“«„\"" and text[e] in "”»“\""
            and view.tokens[head].pos == "PROPN" and not any(ch in DOUBLE_MARKS for ch in text[s:e]))


def full_source_span(view: SyntaxView, head: int, source: tuple[int, int], limit: int) -> tuple[int, int]:
    """The source phrase as PolNeAR marks it: `source` grown over the head's comma apposition and
    relative clause ("Huma Abedin, vice chairwoman for Clinton's campaign,"; "Joe Bateman, who
    traveled from Illinois,"), never reaching `limit` (the cue or content). Who speaks is still
    resolved from `source`; this is the span shown and scored."""
    toks = view.tokens
    text = view.article.text
    if toks[head].start < source[0] or toks[head].end > source[1]:
        return source
    extra = [c for c in view.children[head] if toks[c].start >= source[1] and toks[c].dep in _POSTPOSED
             and (toks[c].dep != "appos" or "," in text[toks[head].end : toks[c].start])
             # "The Kremlin, to put it mildly, …": an infinitive is the writer's aside, not a descriptor.
             and not (toks[c].dep != "appos" and any(toks[k].text.lower() == "to" for k in view.kids(c, "aux")))]
    if not extra:
        return source
    idx = [k for c in extra for k in view.subtree(c)]
    s, e = view.span_of(idx)
    s, e = strip_edges(text, s, e)
    # One stretch, after the source, before what it says, with no full stop or colon in between.
    if e > limit or e <= source[1] or any(ch in text[source[1] : e] for ch in ".:;!?\n“”\"«»"):
        return source
    return source[0], e


_POSTPOSED = ("appos", "relcl", "acl:relcl", "acl")


@lru_cache(maxsize=1)
def focus_words() -> frozenset[str]:
    """Words from lang/<code>/focus_particles.txt, trimmed from a source phrase's left edge."""
    from ..lang import load_words

    return load_words("focus_particles")


_FIRST_WORD = re.compile(r"(\w+)\s+")


def trim_focus(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source phrase without the focus words opening it ("even the biggest skeptics", «лишь
    министерство»): they qualify the claim, not who speaks. A phrase of one word stays."""
    start, end = span
    while (m := _FIRST_WORD.match(text, start, end)) is not None and m.end() < end \
            and (m.group(1).lower() in focus_words() or m.group(1).lower() in _COORDINATORS):
        start = m.end()
    return start, end


# "But multiple sources … say": a conjunction the parser left on a misparsed subject is no part of it.
_COORDINATORS = frozenset({"but", "and", "yet", "or"})


def _verb_subject(view: SyntaxView, verb: int, speech: frozenset[str] = frozenset()) -> int | None:
    """nsubj of the verb, or of the verb it is coordinated with / participle of.

    The cue's own passive subject is who was told or shown, not who spoke ("he was shown …"):
    the speaker is then the by-agent, if any. A passive subject higher up controls the cue
    ("X was persuaded to … declare that …": X declares)."""
    toks = view.tokens
    cue = verb
    for _ in range(4):
        passive = view.kids(verb, *_PASSIVE_SUBJ)
        if passive and verb == cue and _contracted_has(view, verb, passive[0]):
            return passive[0]
        subj = [c for c in view.kids(verb, *_SUBJ) if c not in passive]
        subj = nearest_subjects(view, verb, subj)
        if subj:
            first = subj[0]
            while first + 1 in subj and toks[first].end == toks[first + 1].start:
                first += 1  # "E-mails revealed …": one word the tokenizer split, headed by its last piece
            return first
        # "About 4 in 10 say …": the parser hangs a share of people on the verb as a number.
        share = [c for c in view.kids(verb, "nummod") if c < verb and toks[c].text.isascii()
                 and any(toks[k].text.lower() in ("in", "percent", "%") for k in view.subtree(c))]
        if share and verb == cue and not passive:
            return share[0]
        if passive and verb == cue:
            return _agent(view, verb)
        if verb == cue and _agent(view, verb) is not None:
            return _agent(view, verb)  # "…, as shown by the last rally": the rally shows it
        if passive:
            return passive[0]
        tok = toks[verb]
        if tok.dep == "conj" and tok.head != verb:
            verb = _conjunct_head(view, verb)
            continue
        if tok.dep == "xcomp" and tok.head != verb:
            # "The KGB persuaded Lukashenko to declare …", "led Republicans to say …", «это заставило
            # депутатов заявить …»: the object of the verb above the infinitive does it (not
            # "promised voters to …", whose voters are no object in Russian either).
            objs = [c for c in view.kids(tok.head, "dobj", "obj") if c < verb and toks[c].pos in ("NOUN", "PROPN", "PRON")]
            english = tok.text.isascii()
            if objs and toks[tok.head].lemma.lower() not in _subject_control() \
                    and (not english or any(toks[a].text.lower() == "to" for a in view.kids(verb, "aux"))):
                return objs[0]
        if tok.dep in ("advcl", "xcomp") and tok.head != verb:
            reporter = closing_participle(view, verb, speech) if verb == cue else None
            # "X said that the candidate was not …, noting that …": the participle closing the
            # report is X's, not the reported clause's subject's.
            verb = tok.head if reporter is None else reporter
            continue
        head = toks[tok.head]
        if tok.dep == "pcomp" and head.dep in ("prep", "agent") and toks[head.head].pos in ("VERB", "AUX") \
                and head.head != tok.head:
            verb = head.head  # "the governor tripped Rubio up by calling him out …": the governor calls
            continue
        if tok.dep == "acl" and tok.text.lower().endswith("ing") and head.pos in ("NOUN", "PROPN") and verb == cue:
            # "a new poll showing Trump down", "the Super PAC backing Bush"; but "the campaign
            # issued a statement saying …": the campaign, who issued it, speaks.
            issuer = document_issuer(view, tok.head)
            if issuer is None:
                issuer = _messenger(view, tok.head)
            return tok.head if issuer is None else issuer
        return None
    return None


def _messenger(view: SyntaxView, noun: int) -> int | None:
    """The subject of a verb that sends a message to `noun` ("The senator emailed supporters
    saying …", "Sanders wrote to donors saying …"; lang/en/contact_verbs.txt) or holds it as an
    occasion ("opened a rally blasting …"): the participle after it is the subject's message."""
    from ..lang import load_words

    toks = view.tokens
    verb, dep = toks[noun].head, toks[noun].dep
    if dep == "pobj" and toks[verb].lemma.lower() == "to" and toks[verb].dep == "prep":
        verb, dep = toks[verb].head, "dative"
    # "opened a rally blasting Clinton …": an occasion held (lang/en/occasion_nouns.txt) speaks
    # through its holder as a message does through its sender.
    occasion = dep == "dobj" and toks[noun].lemma.lower() in load_words("occasion_nouns")
    if dep not in ("dobj", "dative") or verb == noun or toks[verb].pos not in ("VERB", "AUX") \
            or not (occasion or toks[verb].lemma.lower() in load_words("contact_verbs")):
        return None
    subj = [c for c in view.kids(verb, *_SUBJ) if toks[c].pos in ("NOUN", "PROPN", "PRON")]
    return subj[0] if subj else None


def document_verb(view: SyntaxView, noun: int) -> int | None:
    """The verb a document noun is issued by ("X issued a statement", «X распространило
    заявление»; lang/<code>/issue_verbs.txt) or is the means of ("X said in a statement", "X shot
    back in an article", «X заявило в сообщении»), if any."""
    from ..lang import load_words

    toks = view.tokens
    verb, dep = toks[noun].head, toks[noun].dep
    means = dep == "obl" and any(toks[c].lemma.lower() in ("в", "во") for c in view.kids(noun, "case"))
    if dep == "pobj" and toks[verb].pos == "ADP" and toks[verb].lemma.lower() == "in":
        verb, means = toks[verb].head, True
    issued = dep in ("dobj", "obj") and toks[verb].lemma.lower() in load_words("issue_verbs")
    return verb if verb != noun and toks[verb].pos in ("VERB", "AUX") and (means or issued) else None


def document_issuer(view: SyntaxView, noun: int) -> int | None:
    """The subject of the verb that issued a document noun or wrote in it (document_verb;
    lang/<code>/document_nouns.txt), if any: "the campaign issued a statement saying …"."""
    from ..lang import load_words

    toks = view.tokens
    verb = document_verb(view, noun) if toks[noun].lemma.lower() in load_words("document_nouns") else None
    if verb is None:
        return None
    subj = [c for c in view.kids(verb, *_SUBJ) if toks[c].pos in ("NOUN", "PROPN", "PRON")]
    return subj[0] if subj else None


_CLOSING_REACH = 5  # heads walked up from a closing participle to the verb of saying it follows


def nearest_subjects(view: SyntaxView, verb: int, subj: list[int]) -> list[int]:
    """Of two or more subjects the English parse gave one verb before it, the one next to it
    ("Speaking in Salem, New Hampshire, Trump went …": the place was made a subject too)."""
    if len(subj) >= 2 and subj[-1] < verb and view.tokens[verb].text.isascii():
        return subj[-1:]
    return subj


def closing_participle(view: SyntaxView, k: int, speech: frozenset[str]) -> int | None:
    """The verb of saying whose report a participle after a comma closes, the parse having hung
    it somewhere inside the report: "X said that Y was wrong, noting that …", "X argued that a
    database would …, saying …", "X denied the notion that a shakeup is coming, explaining …".
    None when the participle hangs on a verb of saying itself (its subject speaks) or on a
    clause no verb of saying governs ("Police arrested him, saying …")."""
    toks = view.tokens
    tok = toks[k]
    before = k - 2 if k > 1 and toks[k - 1].text in _QUOTE_CHARS else k - 1  # `values," stating`
    if tok.dep != "advcl" or not tok.text.lower().endswith("ing") or before < 0 or toks[before].text != "," \
            or tok.head >= k or toks[tok.head].lemma.lower() in speech:
        return None
    j = tok.head
    for _ in range(_CLOSING_REACH):
        if toks[j].head == j:
            return None
        j = toks[j].head
        if j > k:
            return None  # the parse climbed into the words the participle introduces: no report before it
        if toks[j].pos in ("VERB", "AUX") and toks[j].lemma.lower() in speech:
            return j
    return None


def _without_closing_participle(view: SyntaxView, verb: int, idx: list[int], lex: QuoteLexicon) -> list[int]:
    """The report's clause without what the reporter goes on to do: a participle of saying that
    closes it (closing_participle), a verb joined to its clause in another tense (_tense_apart:
    "forecast that the economy would rebound and praised …") or a second report (_second_report)."""
    toks = view.tokens
    for k in idx:
        if lex.lemma_of(toks[k]) in lex.speech and closing_participle(view, k, lex.speech) == verb:
            cut = set(view.subtree(k)) | {j for j in (k - 2, k - 1) if toks[j].text == ","}
            return [j for j in idx if j not in cut]
        head = toks[k].head
        if toks[k].dep == "conj" and head != k and toks[head].head == verb \
                and (_tense_apart(view, k, head) or _second_report(view, k, head, own_clause=True)):
            cut = set(view.subtree(k)) | {j for j in view.kids(head, "cc", "punct") if j < k and j > head}
            return [j for j in idx if j not in cut]
    return idx


def _opens_marks(view: SyntaxView, first: int) -> bool:
    """Whether a phrase starting at token `first` opens with double quotation marks, or right after them."""
    toks = view.tokens
    return toks[first].text in DOUBLE_MARKS or (first > 0 and toks[first - 1].text in DOUBLE_MARKS
                                                 and toks[first - 1].end == toks[first].start)


def _contracted_has(view: SyntaxView, verb: int, subj: int) -> bool:
    """ "She's said that the plan will fail": the parse read the contraction as "is" and the
    clause as passive; with a that-clause (not "is said to …") and a subject that can speak
    ("It's said that …" stays impersonal) it is "has said"."""
    toks = view.tokens
    return toks[subj].text.lower() not in ("it", "this", "that", "there") \
        and any(toks[a].text.lower() in ("'s", "’s") for a in view.kids(verb, "auxpass", "aux:pass")) \
        and bool(view.kids(verb, "ccomp")) and not view.kids(verb, "xcomp", "agent")


def _before_adjective(view: SyntaxView, subj: int) -> bool:
    """Whether the subject's verb is "be" with an adjective ("it was necessary to …", "it is
    hard to say …"): the subject is then an expletive 'it', not a referent."""
    toks = view.tokens
    head = toks[subj].head
    return toks[head].lemma.lower() == "be" and any(toks[c].pos == "ADJ" for c in view.kids(head, "acomp"))


_APPOSITION_REACH = 12  # tokens of an apposition between a stranded name and its verb


def stranded_subject(view: SyntaxView, verb: int, names: list[tuple[int, int]]) -> int | None:
    """A person's or organisation's name right before a subjectless speech verb, hung elsewhere by
    the parser ("Saturday at the convention Sen. Elizabeth Warren (D-MA) said …": the name was
    taken for an apposition of "convention"). A bracketed aside after the name is skipped."""
    toks = view.tokens
    if toks[verb].dep not in ("ROOT", "ccomp", "parataxis") or view.kids(verb, *_SUBJ, *_PASSIVE_SUBJ, "expl"):
        return None
    k = verb - 1
    if k >= 0 and toks[k].text == ")":
        opening = next((j for j in range(k - 1, max(k - 8, -1), -1) if toks[j].text == "("), None)
        if opening is None:
            return None
        k = opening - 1
    elif k >= 0 and toks[k].text == ",":
        opener = _opening_name(view, verb, names)
        if opener is not None:
            return opener
        # "…, Senator Harry Reid, the minority leader, said": an apposition set off by commas,
        # which the parser hangs on the name, stands between the name and the verb.
        j = next((j for j in range(k - 1, max(k - _APPOSITION_REACH, -1), -1) if toks[j].text in (",", "(", ")")), None)
        if j is None or toks[j].text != "," or j == 0:
            return None
        if not any(toks[x].dep == "appos" and toks[x].head == j - 1 for x in range(j + 1, k)):
            return None
        k = j - 1
    if k < 0 or toks[k].sent != toks[verb].sent or toks[k].pos != "PROPN":
        return None
    if not any(s <= toks[k].start and toks[k].end <= e for s, e in names):
        return None
    return k


def _opening_name(view: SyntaxView, verb: int, names: list[tuple[int, int]]) -> int | None:
    """ "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said …": the
    English sentence opens with a name and a comma, and only a description without a verb of its
    own (a participle may qualify it) stands between it and the comma before the verb; the parse
    lost the name somewhere inside that description."""
    toks = view.tokens
    bounds = view.article.sentences[toks[verb].sent]  # its own tokens, not a scan of the article
    sent = [k for k in view.tokens_in(bounds.start, bounds.end) if k < verb and toks[k].sent == toks[verb].sent]
    if not sent or not toks[verb].text.isascii():
        return None
    start = toks[sent[0]].start
    at = bisect_left(names, (start, -1))
    if at == len(names) or names[at][0] != start:
        return None
    name = names[at]
    inside = [k for k in sent if toks[k].start < name[1]]
    after = [k for k in sent if toks[k].start >= name[1]]
    if not inside or not after or toks[after[0]].text != "," or len(after) > _APPOSITION_REACH + 6:
        return None
    # A verb with a subject of its own makes a clause ("Salkin, who said …, said"); one whose
    # subject is the name is a description the parse misread ("rabbi" as a verb of "Salkin").
    if any((toks[k].pos in ("VERB", "AUX") and any(c not in inside for c in view.kids(k, *_SUBJ, *_PASSIVE_SUBJ)))
           or toks[k].text in (";", ":", "(", '"', "“") for k in after):
        return None
    return max(inside, key=lambda k: (toks[k].pos == "PROPN", k))


# Subjects that hold no view or say nothing: "all of this accusing Russia", "nothing suggests",
# "no one wants to …"; and, for a belief, wish or judgement, a relative or demonstrative pronoun.
_NON_SPEAKERS = {"all", "this", "these", "nothing", "everything", "something", "anything", "none", "no one", "nobody"}
_NON_HOLDERS = _NON_SPEAKERS | {"that", "which", "what"}


def _non_holder(view: SyntaxView, subj: int, words: set[str]) -> bool:
    """The subject is a word like "all", "nothing" or "no one" ("no" + "one")."""
    toks = view.tokens
    word = toks[subj].text.lower()
    if word in ("one", "body") and subj > 0 and toks[subj - 1].text.lower() == "no":
        word = "no " + word
    return word in words


_RELATIVES = {"who", "that", "which"}
_QUESTION_WORDS = {"why", "whether", "if", "how", "what", "who", "where", "when", "which",
                   "почему", "зачем", "как", "где", "когда", "кто", "куда", "ли"}  # not «что»: "knew that"
# A content with none of these is a pronoun, auxiliary or particle left over ("they were").
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


def antecedent(view: SyntaxView, subj: int) -> int:
    """The noun a relative pronoun subject stands for ("people who say …"), else the subject.

    The pronoun stays the source span (PolNeAR marks "who"); its noun names the speaker."""
    toks = view.tokens
    owner = toks[subj].head
    if toks[owner].dep == "ccomp" and toks[toks[owner].head].dep in ("relcl", "acl:relcl") and toks[owner].head < owner:
        owner = toks[owner].head  # "records that he said indicated …": the records indicate
    if (toks[subj].text.lower() in _RELATIVES or toks[subj].lemma.lower() == "который") and toks[owner].dep in ("relcl", "acl:relcl") \
            and toks[owner].head != owner and toks[toks[owner].head].pos in ("NOUN", "PROPN") and toks[owner].head < subj:
        return toks[owner].head
    if toks[subj].lemma.lower() == "который":
        # The parser hung the relative clause elsewhere («закон, согласно которому все страны
        # должны …» as a clause of the main verb): the noun just before its comma.
        k = subj - 1
        while k >= 0 and toks[k].pos == "ADP" and toks[k].sent == toks[subj].sent:
            k -= 1
        if k >= 1 and toks[k].text == "," and toks[k - 1].sent == toks[subj].sent and toks[k - 1].pos in ("NOUN", "PROPN"):
            noun = k - 1
            # «версию Минобороны РФ, которое заявило …»: up a genitive chain to the noun the word agrees with.
            while not _agrees(toks[subj].text, toks[noun].text) and toks[noun].dep.startswith("nmod") \
                    and toks[noun].head < noun and toks[toks[noun].head].pos in ("NOUN", "PROPN"):
                noun = toks[noun].head
            return noun if _agrees(toks[subj].text, toks[noun].text) else subj
    return subj


def _agrees(relative: str, noun: str) -> bool:
    """Whether a Russian relative word («которое») may stand for a noun («Минобороны», not «РФ»):
    some readings share number and, in the singular, gender; a noun the dictionary does not know may."""
    nouns = [p.tag for p in russian_morph().parse(noun) if p.is_known]
    if not nouns:
        return True
    rels = [p.tag for p in russian_morph().parse(relative) if p.is_known]
    return any(r.number == n.number and (r.number == "plur" or r.gender == n.gender) for r in rels for n in nouns)


def _open_question(view: SyntaxView, verb: int, content: list[int]) -> bool:
    """A negated belief verb over an open question: "do not understand why …", "не знают, как …"."""
    toks = view.tokens
    if not view.kids(verb, "neg") and not any(toks[c].text.lower() in ("не", "not", "n't") for c in view.kids(verb, "advmod")):
        return False
    first = min(content)
    # "do not know exactly how many …": an adverb before the question word is part of it.
    while first < max(content) and toks[first].pos == "ADV" and toks[first].text.lower() not in _QUESTION_WORDS:
        first += 1
    return toks[first].text.lower() in _QUESTION_WORDS or any(
        toks[m].text.lower() in ("whether", "if", "ли") for m in content[:3])


def _comma_split(view: SyntaxView, subj: int, verb: int) -> bool:
    """An English subject parted from its verb by one lone comma ("The work of the CIA, plans …"):
    the parser took a list of noun phrases for a clause. An apposition brings its own comma pair."""
    toks = view.tokens
    if not toks[verb].text.isascii() or subj > verb or toks[verb].text.endswith("ing"):
        return False  # "Mr. Biden, recalling weekly breakfasts, …": a participle clause takes a comma
    s, e = view.span_of(view.subtree(subj))
    if e > toks[verb].start:
        return False
    text = view.article.text
    return text[e : toks[verb].start].strip() == "," and "," not in text[s:e] and not text[s:e].endswith(")")


def _passive_participle_clause(view: SyntaxView, verb: int) -> bool:
    """ "Asked about her vote, …", "Told of the ruling, …": an English past participle opening an
    adverbial clause with no subject or auxiliary of its own; the main subject is the one asked."""
    tok = view.tokens[verb]
    word = tok.text.lower()
    return (tok.dep == "advcl" and word.endswith("ed") and word != tok.lemma.lower() and tok.text.isascii()
            and not view.kids(verb, "aux", "auxpass", "mark", *_SUBJ, *_PASSIVE_SUBJ))


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
    if _tense_apart(view, verb, head) or _second_report(view, verb, head):
        return toks[head].head
    if not _bare_after_and(view, verb):
        return head
    for k in range(verb - 1, head, -1):
        if toks[k].sent != toks[verb].sent:
            break
        if toks[k].dep == "xcomp" and toks[k].pos == "VERB" and toks[k].text.lower() == toks[k].lemma.lower() \
                and any(toks[a].text.lower() == "to" for a in view.kids(k, "aux")):
            return k
    return head


def _second_report(view: SyntaxView, verb: int, head: int, *, own_clause: bool = False) -> bool:
    """ "Kirsch told the AP her group never worked with him and said the group hired …": an
    English verb of saying joined to the verb of a clause another verb of saying reports, that
    clause with a subject of its own, is the reporter's second report, not the clause's."""
    from ..lang import load_words

    toks = view.tokens
    own, other = toks[verb], toks[head]
    speech = load_words("speech_verbs")
    # `own_clause`: only a second report with a clause of its own ("… and declare themselves
    # “heirs”" has none: cut out of the first report, its quoted words would be nobody's).
    return (own.text.isascii() and own.lemma.lower() in speech and not view.kids(verb, *_SUBJ, *_PASSIVE_SUBJ)
            and (not own_clause or bool(view.kids(verb, "ccomp")))
            and other.dep == "ccomp" and other.head != head and toks[other.head].lemma.lower() in speech
            and bool(view.kids(head, *_SUBJ)) and other.head < head)


def _tense_apart(view: SyntaxView, verb: int, head: int) -> bool:
    """ "Putin forecast that the economy would soon rebound and praised …": a finite or
    participial English verb cannot share "would" with the bare verb the parse joined it to, nor a
    Russian past verb a subject it cannot agree with, so it joins the verb whose clause that one
    is (forecast)."""
    toks = view.tokens
    own, other = toks[verb], toks[head]
    if has_cyrillic(own.text):
        # «Министр заявил, что экономика восстановится, и похвалил …»: «похвалил» cannot agree
        # with «экономика».
        return other.dep == "ccomp" and other.head != head and not view.kids(verb, *_SUBJ, *_PASSIVE_SUBJ) \
            and any(past_disagrees(own.text, toks[s].text) for s in view.kids(head, *_SUBJ))
    return (own.text.isascii() and own.text.lower() != own.lemma.lower() and own.text.lower().endswith(("ed", "s"))
            and not view.kids(verb, *_SUBJ, *_PASSIVE_SUBJ)
            and other.text.lower() == other.lemma.lower() and other.dep in ("ccomp", "xcomp") and other.head != head
            and any(toks[a].text.lower() in ("can", "to") or toks[a].text.lower() in _predictive_auxiliaries()
                    for a in view.kids(head, "aux")))


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


# A fronted clause opened by one of these says when or why, not what ("after the emails were made
# public, Buck said …"); "that", "if" and "whether" clauses are said.
_ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "since", "as", "because", "although", "though",
                              "once", "until", "till", "whereas", "whenever"})
# Before "that", these make the clause an adverbial ("so loud that", "now that", "in order that").
_THAT_ADVERBIALS = frozenset({"so", "such", "now", "order", "given", "except", "provided", "providing"})


def _adverbial_clause(view: SyntaxView, clause: int) -> bool:
    """The clause opens with a subordinator of time or cause right before its own subject ("after
    the emails were made public"). Not "Since that ruling, Arizona has …" (a phrase, then the
    subject) nor a name that holds "As" ("Reem As Saba’ee had been traveling")."""
    toks = view.tokens
    subjects = [k for k in view.kids(clause, *_SUBJ, *_PASSIVE_SUBJ)]
    for m in view.kids(clause, "mark"):
        if toks[m].text.lower() not in _ADVERBIAL_MARKS:
            continue
        # No comma up to the clause's verb: "Since that ruling, Arizona has engaged …" is a phrase
        # the parser took for the clause's opener.
        if any(m < k for k in subjects) and not any(toks[j].text == "," for j in range(m, clause)):
            return True
    return False


def _content_of(view: SyntaxView, verb: int, lex: QuoteLexicon) -> tuple[list[int], str] | None:
    """Token indices of what the verb reports, and which rule found them."""
    toks = view.tokens
    lemma = lex.lemma_of(toks[verb])
    nxt = verb + 1
    if nxt < len(toks) and toks[nxt].text == ":" and toks[nxt].sent == toks[verb].sent:
        # "The FSB reports: …" — the parser often hangs the verb under the clause instead.
        rest = [j for j in range(nxt + 1, len(toks)) if toks[j].sent == toks[verb].sent]
        if rest:
            return rest, "colon"
    later = any(c > verb for c in view.kids(verb, "ccomp"))
    for c in view.kids(verb, "ccomp"):
        if c < verb and ":" in view.article.text[toks[c].end : toks[verb].start]:
            continue  # "This is not the first time …: he claimed" — not his words
        if c < verb and (later or ";" in view.article.text[toks[view.subtree(c)[-1]].end : toks[verb].start]):
            continue  # "A asserted X; B maintained that Y": Y is B's, X is A's
        if c < verb and _adverbial_clause(view, c):
            continue  # "In a response shortly after the emails were made public, Buck said …": when, not what
        if lemma in _volition_verbs() and _wish_clause(view, c):
            continue  # "they want him to take …": a wish about someone's act, not a view held
        return _before_next_report(view, c, lex), "ccomp"
    for c in view.kids(verb, "advcl"):
        # "Trump tweeted last month that he had selected Haspel": the parser took the that-clause
        # after a time phrase for an adverbial; "so loud that", "now that" are adverbials indeed.
        first = view.subtree(c)[0]
        if c > verb and toks[first].text.lower() == "that" and toks[first].dep == "mark" \
                and toks[first - 1].text.lower() not in _THAT_ADVERBIALS and toks[first - 1].text not in ",;:":
            return view.subtree(c), "ccomp"
        # "Mr. Rubin asked the students if they were serious": the question, not whom he asked.
        if c > verb and lemma == "ask" and toks[first].text.lower() in ("if", "whether") and toks[first].dep == "mark" \
                and toks[first - 1].text not in ",;:":
            return view.subtree(c), "ccomp"
    if lemma in _XCOMP_CUES:
        for c in view.kids(verb, "xcomp"):
            return view.subtree(c), "xcomp"
    if lemma in _directive_verbs() and toks[verb].text.isascii() and toks[verb].dep != "acl":
        # (Not a participle on a noun: "a microphone telling Christie to …" is not the microphone's.)
        # "told Christie to go home": the infinitive after the addressee is what was said.
        objs = [c for c in view.kids(verb, "dobj") if c > verb]
        for c in view.kids(verb, "xcomp"):
            if objs and c > objs[0] and any(toks[a].text.lower() == "to" for a in view.kids(c, "aux")):
                return view.subtree(c), "xcomp"
    if lemma in lex.speech and toks[verb].text.isascii():
        # "economists say taxing consumption encourages savings": the parser made the reported
        # clause's gerund subject the verb's complement; not "said to be" (no infinitive).
        for c in view.kids(verb, "xcomp"):
            own = view.subtree(c)
            if own[0] == verb + 1 and toks[c].pos == "VERB" and toks[c].text.lower().endswith("ing") and view.kids(c, "ccomp") \
                    and not any(toks[a].text.lower() == "to" for a in view.kids(c, "aux")):
                return own, "ccomp"
    if lemma in lex.intention and not view.kids(verb, "dobj", "obj", "iobj", "dative"):
        # "wants to expand …": the subject's own act; "want him to take …" is someone else's.
        for c in view.kids(verb, "xcomp"):
            if any(toks[a].text.lower() == "to" for a in view.kids(c, "aux")) and not view.kids(c, *_SUBJ) \
                    and not any(k < verb for k in view.kids(c, "dobj", "obj")):
                return view.subtree(c), "xcomp"  # not "what do they want to hide": a question, not an aim
    for c in view.kids(verb, "prep"):
        if (lemma, toks[c].lemma.lower()) in lex.prepositional:
            objs = view.kids(c, "pobj")
            if objs:
                idx = view.subtree(objs[0])
                # "called for the administration [to ensure …]": the infinitive the parser hung
                # on the verb right after the object is what is called for.
                inf = [a for a in view.kids(verb, "advcl", "xcomp") if view.subtree(a)[0] == idx[-1] + 1
                       and not _says_when(view, c)
                       and any(toks[x].text.lower() == "to" for x in view.kids(a, "aux"))]
                if not inf and (lemma, toks[c].lemma.lower()) in lex.needs_infinitive:
                    continue  # "called on Monday", "called on his mother": a visit, not a demand
                return (sorted(set(idx) | set(view.subtree(inf[0]))) if inf else idx), "prep"
    for c in view.kids(verb, "advcl"):
        # "called for the senator to resign": the parser made "for" the infinitive clause's mark.
        marks = [m for m in view.kids(c, "mark") if (lemma, toks[m].lemma.lower()) in lex.prepositional]
        if c > verb and marks and view.kids(c, *_SUBJ):
            return [i for i in view.subtree(c) if i != marks[0]], "prep"
    if lemma in lex.objective or lemma in lex.regard:
        # A Russian pronoun object («подтвердил это») points back to what was said; it is not it.
        objs = [c for c in view.kids(verb, "dobj", "obj") if c > verb and not (toks[c].dep == "obj" and toks[c].pos == "PRON")]
        if objs:
            # "called the expulsion a provocation": the object and its complement.
            # After a naming verb, a Russian «obl» with a preposition is an adverbial («назвали
            # сына в честь деда»), not the name («обвинил X в Y» keeps its «в»-phrase).
            comps = [c for c in view.kids(verb, "oprd", "xcomp", "obl") if c > objs[0] and not (
                lemma in lex.naming and toks[c].dep == "obl" and view.kids(c, "case"))]
            # "accused Trump of lying", "see Clinton as the stronger candidate".
            comps += [c for c in view.kids(verb, "prep") if c > objs[0] and toks[c].lemma.lower() in lex.complement_preps
                      and (lemma not in lex.regard or toks[c].lemma.lower() == "as")]
            comps.sort()
            if lemma in lex.naming and not comps and toks[verb].text.isascii():
                # "calling her remarks about his candidacy “highly inappropriate”": the complement in
                # marks, hung by the parse on a noun inside the object as an adjective after it.
                # So is a noun in marks the parse read as the object's apposition ("calls Horgos
                # "a mistake"", its opening mark hung on the object).
                comps = [k for k in view.subtree(objs[0]) if toks[k].dep in ("amod", "appos") and toks[k].head < k
                         and _opens_marks(view, view.subtree(k)[0])][:1]
            if lemma in lex.naming and not comps:
                return [], "naming"  # "as they called Lukashenko": naming someone, not saying anything
            if lemma in lex.regard and not comps:
                return [], "naming"  # "voters see a chance": seeing is no view without "as …"
            idx = sorted({i for c in objs[:1] + comps[:1] for i in view.subtree(c)})
            return idx, "object"
    # Colon-introduced content the parser hung off the verb as a sibling clause.
    for c in view.kids(verb, "parataxis"):
        if c > verb and not (lex.is_cue(toks[c].lemma.lower()) and any(k > c for k in view.kids(c, *_SUBJ))):
            # ««…», — отметил Кобахидзе» hung on a verb inside the quotation is the outer report.
            return view.subtree(c), "parataxis"
    inverted = _inverted_conjunct(view, verb, lex)
    if inverted:
        return inverted, "inverted"
    if (lemma in lex.speech or lemma in lex.cognition) and toks[verb].text.isascii():
        pro = _pro_form(view, verb)
        if pro:
            return pro, "pro-form"
    return None


@lru_cache(maxsize=1)
def _directive_verbs() -> frozenset[str]:
    """English verbs of telling someone to act (lang/en/directive_verbs.txt)."""
    from ..lang import load_list

    return frozenset(load_list("en", "directive_verbs"))


# What a poll answer or a view stands for in a word: "half said so", "75 percent said yes", "64
# percent say the same of Sanders". PolNeAR marks the word (and "the same …") as the content.
_PRO_WORDS = frozenset({"so", "yes", "no"})


def _pro_form(view: SyntaxView, verb: int) -> list[int]:
    """"said so", "said yes", "say the same of X": the pro-form right after the verb, or nothing."""
    toks = view.tokens
    nxt = verb + 1
    if nxt >= len(toks) or toks[nxt].sent != toks[verb].sent:
        return []
    word = toks[nxt].text.lower()
    after = toks[nxt + 1].text.lower() if nxt + 1 < len(toks) and toks[nxt + 1].sent == toks[verb].sent else ""
    if word in _PRO_WORDS and toks[nxt].head == verb and after not in ("far", "much", "many", "that", "long", "one", "longer", "matter"):
        return [nxt]
    if word == "the" and after == "same" and toks[nxt + 1].head == verb:
        same = view.subtree(nxt + 1)
        preps = [c for c in view.kids(verb, "prep") if c == same[-1] + 1 and toks[c].lemma.lower() in ("of", "for", "about")]
        return sorted(set(same) | (set(view.subtree(preps[0])) if preps else set()))
    return []


def _before_next_report(view: SyntaxView, clause: int, lex: QuoteLexicon) -> list[int]:
    """The reported clause up to a conjunct that reports someone else's words: "officials said that
    the troops will leave, and Trump later tweeted that …": the parser hangs the second report on
    the first one's clause, but the tweet is Trump's, not the officials'."""
    toks = view.tokens
    idx = view.subtree(clause)
    for k in view.kids(clause, "conj"):
        if k <= clause or lex.lemma_of(toks[k]) not in lex.speech:
            continue
        # Its own active subject and its own reported clause, and no "that" making it a second
        # clause of the first report ("… and that Tapper had mentioned it" is still CNN's).
        subj = [c for c in view.kids(k, "nsubj") if c < k and toks[c].pos in ("PROPN", "NOUN", "PRON")]
        if not subj or view.kids(k, "mark") or not view.kids(k, "ccomp"):
            continue
        cut = view.subtree(k)[0]
        while cut - 1 > idx[0] and (toks[cut - 1].dep == "cc" or toks[cut - 1].pos == "PUNCT"):
            cut -= 1  # ", and" goes with the second report
        idx = [i for i in idx if i < cut]
        break
    while len(idx) > 1 and (toks[idx[-1]].dep == "cc" or toks[idx[-1]].text == ","):
        idx = idx[:-1]  # "that prices rose and [the unions said …]": the conjunction is not said
    return idx


def _inverted_conjunct(view: SyntaxView, verb: int, lex: QuoteLexicon) -> list[int]:
    """"The plant is hanging on, but it is under pressure, said its chief executive.": an
    inverted speech verb closing the sentence after a comma, which the parser made a conjunct of
    the clauses it reports; they are its content (everything before the comma)."""
    toks = view.tokens
    tok = toks[verb]
    if tok.dep != "conj" or tok.head >= verb or lex.lemma_of(tok) not in lex.speech or not tok.text.isascii():
        return []
    if verb == 0 or toks[verb - 1].text != "," or view.kids(verb, "dobj", "obj", "ccomp", "xcomp"):
        return []
    subj = [c for c in view.kids(verb, *_SUBJ) if c > verb and toks[c].pos in ("NOUN", "PROPN")]
    if not subj:
        return []
    sent = view.article.sentences[tok.sent]
    own = view.subtree(verb)
    if any(toks[k].pos != "PUNCT" for k in range(own[-1] + 1, len(toks)) if toks[k].start < sent.end):
        return []  # words after the speaker: not a closing frame
    idx = list(view.tokens_in(sent.start, toks[verb - 1].start))
    return idx if any(toks[k].pos in ("VERB", "AUX") for k in idx) else []


def _that_clause_as_object(view: SyntaxView, idx: list[int]) -> list[int]:
    """"tweeting that campaign collusion with Russia would be a “phony crime.”": the parser read
    "that" as a determiner and the clause's subject as the verb's object; a finite verb right
    after the object shows the clause, which runs to the sentence end."""
    toks = view.tokens
    first, last = idx[0], idx[-1]
    nxt = last + 1
    if toks[first].text.lower() != "that" or toks[first].dep != "det" or nxt >= len(toks) \
            or toks[nxt].sent != toks[first].sent or toks[nxt].pos != "AUX" or not toks[first].text.isascii():
        return []
    end = nxt
    while end + 1 < len(toks) and toks[end + 1].sent == toks[first].sent:
        end += 1
    return list(range(first, end + 1))


def _extend_object(view: SyntaxView, verb: int, idx: list[int]) -> list[int]:
    """An object content runs on over what the parser hung on the verb right after it ("discuss
    the migrant crisis [in Europe]") and over a conjunct its last word announces ("talk about the
    border and [how many can slip through]"); a dangling "and" goes."""
    toks = view.tokens
    idx = sorted(idx)
    while idx:
        last = idx[-1]
        nxt = [c for c in view.kids(verb, "prep") if c > last and view.subtree(c)[0] == last + 1
               and not _says_when(view, c)]
        if toks[last].dep == "cc" and not nxt:
            nxt = [k for k in range(last + 1, min(len(toks), last + 3)) if toks[k].dep == "conj"
                   and view.subtree(k)[0] == last + 1]
        if not nxt:
            break
        idx = sorted(set(idx) | set(view.subtree(nxt[0])))
    while idx and toks[idx[-1]].dep == "cc":
        idx = idx[:-1]
    return idx


def _says_when(view: SyntaxView, prep: int) -> bool:
    """Whether a prepositional phrase says when ("on Monday", "in 2015", "last week"): a time, not
    part of what was said."""
    toks = view.tokens
    objs = view.kids(prep, "pobj")
    return any(toks[o].pos == "NUM" or toks[o].lemma.lower() in _time_words() for o in objs)


def _names_a_time(view: SyntaxView, prep: int) -> bool:
    """A prepositional phrase on a day, month, part of day or year ("on Monday", "in 2015"); not
    a ratio ("one in three", "8 in 10")."""
    toks = view.tokens
    return any(toks[o].lemma.lower() in _time_words() or (toks[o].text.isdigit() and len(toks[o].text) == 4
                                                           and toks[o].text[:2] in ("19", "20"))
               for o in view.kids(prep, "pobj"))


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Weekdays, months, units and parts of time (lang/<code>/weekdays, months, time_units, day_parts)."""
    from ..lang import load_words

    return frozenset().union(*(load_words(n) for n in ("weekdays", "months", "time_units", "day_parts")))


def _wish_clause(view: SyntaxView, verb: int) -> bool:
    """Someone's act wished for: "him to take the honour", «чтобы он взял»; not a statement."""
    toks = view.tokens
    return any(toks[a].text.lower() == "to" for a in view.kids(verb, "aux")) or any(
        toks[m].text.lower() in ("чтобы", "чтоб") for m in view.kids(verb, "mark"))


@lru_cache(maxsize=1)
def _volition_verbs() -> frozenset[str]:
    """Lemmas from lang/<code>/non_speech_verbs.txt: their subject wants, it does not say."""
    from ..lang import load_words

    return load_words("non_speech_verbs")


_BLOCK_LEAD_MAX = 300  # characters of a paragraph that introduces a block
_NOT_A_BLOCK = re.compile(r"[\"“”«»„'‘’—–<-]|\d+[.)]\s")


def block_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """"Fox News reports:", "In a speech last July, he said:" closing a short paragraph, the next
    paragraph, without quotation marks (a block quotation whose layout was lost), is what was said:
    the paragraph's main verb is one of saying with a subject and nothing said of its own ("CNN
    also noted the relatively sparse attendance:" has its object; a numbered list or a dash line
    below is no block)."""
    text = article.text
    out = []
    paras = article.paragraphs
    for para, nxt in zip(paras, paras[1:]):
        lead = text[para.start : para.end].rstrip()
        if not lead.endswith(":") or len(lead) > _BLOCK_LEAD_MAX:
            continue
        body = text[nxt.start : nxt.end].strip()
        if len(body.split()) < 4 or _NOT_A_BLOCK.match(body) or body[:1].islower():
            continue  # a page widget ("take our poll - story continues below") is no block
        colon = para.start + len(lead) - 1
        sent = view.sentence_of(colon)
        if sent is None:
            continue
        root = next((k for k in view.tokens_in(article.sentences[sent].start, colon)
                     if view.tokens[k].dep.lower() == "root"), None)
        if root is None or view.tokens[root].pos not in ("VERB", "AUX") or lex.lemma_of(view.tokens[root]) not in lex.speech:
            continue
        if view.kids(root, "dobj", "obj", "ccomp", "xcomp", "dative", "iobj"):
            continue
        subj = _verb_subject(view, root)
        if subj is None:
            continue
        start = nxt.start + (len(text[nxt.start : nxt.end]) - len(text[nxt.start : nxt.end].lstrip()))
        tok = view.tokens[root]
        out.append(Attribution((start, start + len(body)), (tok.start, tok.end), source_span(view, subj), subj, "block"))
    return out


def adjective_attributions(article: Article, view: SyntaxView) -> list[Attribution]:
    """"Republicans are convinced that Trump will lose", "She was adamant that …": an adjective of
    belief after "be" (lang/en/belief_adjectives.txt) with a that-clause reports the subject's view."""
    from ..lang import load_words

    adjectives = load_words("belief_adjectives")
    toks = view.tokens
    out = []
    for i, tok in enumerate(toks):
        if tok.dep != "acomp" or tok.text.lower() not in adjectives or tok.head == i:
            continue
        copula = tok.head
        # The clause hangs on the adjective, or on "be" right after it ("was adamant that …").
        clauses = [c for c in view.kids(i, "ccomp") if c > i] + \
            [c for c in view.kids(copula, "ccomp") if c > i and toks[view.subtree(c)[0]].text.lower() == "that"]
        subj = [c for c in view.kids(copula, "nsubj") if c < copula]
        if not clauses or not subj:
            continue
        idx = view.subtree(clauses[0])
        if toks[idx[0]].text.lower() != "that":
            continue  # "sure it will": only a that-clause, the commonest and the clearest
        s, e = strip_edges(view.article.text, *view.span_of(idx))
        out.append(Attribution((s, e), (tok.start, tok.end), source_span(view, subj[0]), subj[0], "adjective"))
    return out


def person_org_spans(article: Article) -> list[tuple[int, int]]:
    """Sorted (start, end) of every mention of a person or organisation entity."""
    return sorted((m.start, m.end) for e in article.entities if e.type in ("PERSON", "ORG") for m in e.mentions)


def verb_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """Cue verbs with a subject and a content clause."""
    out = []
    text = article.text
    names = person_org_spans(article)
    for i, tok in enumerate(view.tokens):
        if tok.pos not in ("VERB", "AUX") or not lex.is_cue(lex.lemma_of(tok)):
            continue
        if tok.text.isascii() and view.kids(i, "det"):
            continue  # "a weakened Washington prefers …" parsed with "prefers" as a noun's head
        found = _content_of(view, i, lex)
        if found is None and lex.lemma_of(tok) in lex.naming:
            continue  # "…, as reporters called him": a naming verb reports only with a complement
        if found is None:
            found = _as_clause(view, i, lex) or _closing_frame(view, i, lex) or _stray_that_clause(view, i, lex)
            if found is None:
                continue
        content_idx, how = found
        if how == "naming":
            continue
        if how == "object":
            clause = _that_clause_as_object(view, content_idx)
            if clause:
                content_idx, how = clause, "ccomp"
        if how in ("object", "prep"):
            content_idx = _extend_object(view, i, content_idx)
        if how in ("ccomp", "object"):
            content_idx = _without_closing_participle(view, i, content_idx, lex)
        subj = _closing_subject(view, i) if how == "closing-frame" else _verb_subject(view, i, lex.speech)
        if subj is not None and view.tokens[subj].text.lower() in ("'s", "’s", "us") \
                and view.tokens[tok.head].lemma.lower() == "let":
            continue  # "Let's say there's no certificate": a supposition, nobody's claim
        if subj is not None and misparsed_subject(view, subj):
            # «без тени шутки заявил», «В - объявило», «Т.е. … призывает»: a Russian word that
            # cannot be the subject, in a clause the parser got wrong.
            subj = None
        if subj is None and lex.lemma_of(tok) in lex.speech and how != "pro-form":
            subj = stranded_subject(view, i, names)  # a pro-form's holder must be its own subject
        if how == "pro-form" and subj is not None and subj not in view.kids(i, "nsubj"):
            continue  # "after half said so": a subject taken from another clause is not the holder
        told = subj is None and _passive_without_agent(view, i)
        if _passive_participle_clause(view, i):
            subj, told = None, True  # "Asked about her vote, Clinton said …": Clinton was asked
        if told and how == "object":
            continue  # "he was shown “preparation for a Maidan”": shown to him, not said by him
        if subj is not None and subj in content_idx:
            subj = None
        if told and how == "xcomp":
            # "Trump is expected to win": nobody named expects it; the raised subject is part of it.
            raised = [k for p in view.kids(i, *_PASSIVE_SUBJ) for k in view.subtree(p)]
            content_idx = sorted({*content_idx, *raised})
        if subj is not None and view.tokens[subj].text.lower() == "it" and (how == "object" or _before_adjective(view, subj)):
            continue  # "it is not enough to support the US", "it was necessary to find out who …": an expletive 'it' holds no view
        weak = lex.lemma_of(tok) not in lex.speech
        if subj is not None and _non_holder(view, subj, _NON_HOLDERS if weak else _NON_SPEAKERS):
            continue  # a belief, wish or judgement needs somebody to hold it
        if subj is not None and _comma_split(view, subj, i):
            continue  # "The work of the CIA, plans to capture …, and a cellar": a list of nouns, not a clause
        if how in ("object", "prep") and len(content_idx) == 1 and view.tokens[content_idx[0]].pos == "PRON":
            continue  # "nobody cared about this": a pronoun points back, it is not what was said
        if subj is None and how not in ("as-clause", "parenthetical") and not told:
            continue  # imperatives ("Note that …") and fragments: nobody is reported
        if weak and how == "ccomp" and _open_question(view, i, content_idx):
            continue  # "they do not know whether to laugh or cry": not knowing holds no view
        if not any(view.tokens[k].pos in _CONTENT_POS for k in content_idx) and how != "pro-form":
            continue  # "as he said they were": an ellipsis says nothing by itself
        cs, ce = strip_edges(text, *view.span_of(content_idx))
        if ce - cs < 3 and how != "pro-form":
            continue
        src = source_span(view, subj) if subj is not None else None
        if src is not None and src[0] < tok.start < src[1]:
            src = strip_edges(text, src[0], tok.start)  # "A sign saying “No war” hung …": the noun's phrase stops at its cue
        if src is not None and text[src[0] : src[1]].lower().rstrip(".") in not_source_labels():
            continue  # "I.e., …": an abbreviation the parser took for a subject
        if src is not None and _mentioned_name(view, subj, src):
            continue  # "“Lisa” presumably refers to Lisa Gevelber": a name in marks is a word mentioned
        cue = (tok.start, tok.end)
        remark = _parenthetical_remark(view, i) if how == "parenthetical" else None
        if remark is not None and not cs < remark[0] < remark[1] < ce:
            remark = None
        out.append(Attribution((cs, ce), cue, src, subj, f"verb:{how}", weak, remark))
    return out


def _parenthetical_remark(view: SyntaxView, verb: int) -> tuple[int, int] | None:
    """ "This campaign, he says, is different": the author's words set off by commas, from the
    comma before the cue clause to the comma after it (PolNeAR's content is the two pieces around it)."""
    toks = view.tokens
    own = [k for k in view.subtree(verb) if toks[k].pos != "PUNCT"]
    before, after = own[0] - 1, own[-1] + 1
    if before < 0 or after >= len(toks) or toks[before].text != "," or toks[after].text != ",":
        return None
    return toks[before].start, toks[after].end


def noun_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """ "Trump's claim that …", "Clinton's criticism of Sanders", "Obama made the case that …": a
    cue noun with its that-clause, infinitive or prepositional object as content, and as source
    its possessor or the subject of the light verb it is the object of."""
    out = []
    text = article.text
    toks = view.tokens
    for i, tok in enumerate(toks):
        if tok.pos != "NOUN" or tok.lemma.lower() not in lex.nouns or not tok.text.isascii():
            continue
        owners = [c for c in view.kids(i, "poss") if c < i and toks[c].text.lower() != "its"]
        # The light verb must come first ("made the case that …"): a fronted object ("whatever
        # criticism they have leveled against X") is no cue, and its cue span would run backwards.
        verb = tok.head if tok.dep == "dobj" and tok.head < i and toks[tok.head].lemma.lower() in lex.light else None
        sender = _sender(view, i, lex) if not owners else None
        if not owners and verb is None and sender is None:
            continue
        content = _noun_content(view, i, lex) or (_noun_content(view, verb, lex, after=i) if verb is not None else [])
        if not content:
            continue
        cs, ce = strip_edges(text, *view.span_of(content))
        if ce - cs < 3:
            continue
        weak = tok.lemma.lower() not in lex.speech
        # "he will toughen up his opposition to the Kremlin": a stance toward a thing, under a
        # verb in the future or the possible, is an act foreseen; a proposition ("could fuel
        # Trump's concern that …") is still held.
        if weak and toks[content[0]].dep != "mark" and any(toks[k].dep == "pobj" and toks[k].head not in content
                                                            for k in content) and _foreseen(view, i):
            continue
        if owners:
            s, e = strip_edges(text, *view.span_of(view.subtree(owners[0])))
            if text[s:e].endswith(("'s", "’s")):
                e -= 2
            out.append(Attribution((cs, ce), (tok.start, tok.end), (s, e), owners[0], "noun", weak))
            continue
        if sender is not None and sender not in content:
            out.append(Attribution((cs, ce), (tok.start, tok.end), source_span(view, sender), sender, "noun:from", weak))
            continue
        if verb is None:
            continue
        subj = _verb_subject(view, verb)
        if subj is None or subj in content:
            continue
        cue = (toks[verb].start, tok.end)
        out.append(Attribution((cs, ce), cue, source_span(view, subj), subj, "noun:light", weak))
    return out


def _sender(view: SyntaxView, noun: int, lex: QuoteLexicon) -> int | None:
    """Who a cue noun comes from, named right after it ("complaints from his American
    counterpart that …", "warnings by economists that …"): a name, a pronoun or a noun for a
    person or a body, not a place or a thing ("calls from the floor")."""
    from ..lang import load_words

    toks = view.tokens
    if noun + 1 >= len(toks) or toks[noun + 1].head != noun or toks[noun + 1].lemma.lower() not in ("from", "by"):
        return None
    objs = view.kids(noun + 1, "pobj")
    if not objs:
        return None
    obj = toks[objs[0]]
    lemma = obj.lemma.lower()
    if obj.pos == "PRON":
        return objs[0] if obj.text.lower() in lex.pronouns else None
    if lemma in person_words() or lemma in lex.org_nouns or lemma in load_words("document_nouns"):
        return objs[0]
    # A name: a person, a body, or a country speaking as its government ("claims by Ukraine").
    if obj.pos == "PROPN" and any(m.type in ("PERSON", "ORG", "LOC") and m.start <= obj.start < m.end
                                  for m in view.article.mentions):
        return objs[0]
    return None


@lru_cache(maxsize=1)
def _subject_control() -> frozenset[str]:
    """English verbs whose subject, not object, does what their infinitive says (lang/en/subject_control_verbs.txt)."""
    from ..lang import load_list

    return frozenset(w.lower() for w in load_list("en", "subject_control_verbs"))


@lru_cache(maxsize=1)
def _predictive_auxiliaries() -> frozenset[str]:
    """lang/en/predictive_auxiliaries.txt, lower-cased."""
    from ..lang import load_list

    return frozenset(w.lower() for w in load_list("en", "predictive_auxiliaries"))


def _foreseen(view: SyntaxView, noun: int) -> bool:
    """ "he will … toughen up his opposition to the Kremlin": the stance noun is the object of a
    verb in the future or the possible (its own auxiliary or that of the verb it is coordinated
    with), so it is an act foreseen, not a view held."""
    toks = view.tokens
    if toks[noun].dep != "dobj" or toks[noun].head == noun:
        return False
    verb = toks[noun].head
    for _ in range(3):
        if any(toks[a].text.lower() in _predictive_auxiliaries() for a in view.kids(verb, "aux")):
            return True
        if toks[verb].dep != "conj" or toks[verb].head == verb:
            return False
        verb = toks[verb].head
    return False


def _noun_content(view: SyntaxView, head: int, lex: QuoteLexicon, after: int = -1) -> list[int]:
    """What a cue noun (or its light verb, right of `after`) attributes: a that-clause, an
    infinitive, or the object of one of `lex.noun_preps`."""
    toks = view.tokens
    for c in view.kids(head, "acl", "ccomp", "relcl"):
        if c > max(head, after) and (any(toks[m].text.lower() == "that" for m in view.kids(c, "mark"))
                                     or any(toks[a].text.lower() == "to" for a in view.kids(c, "aux"))):
            return view.subtree(c)
    for c in view.kids(head, "prep"):
        if c > max(head, after) and toks[c].lemma.lower() in lex.noun_preps and view.kids(c, "pobj"):
            obj = view.kids(c, "pobj")[0]
            # "calling her remarks about his candidacy “highly inappropriate”": an English adjective
            # in marks after its noun is the calling verb's complement the parse hung on the noun.
            late = [k for k in view.kids(obj, "amod") if k > obj and toks[view.subtree(k)[0]].text in DOUBLE_MARKS]
            return view.subtree(obj, exclude=set(late[:1]))
    return []


def _as_clause(view: SyntaxView, verb: int, lex: QuoteLexicon) -> tuple[list[int], str] | None:
    """ "as X said, …" / «как заявил X, …» / "This campaign, he says, is different": the content
    is the clause the cue modifies."""
    toks = view.tokens
    marks = [c for c in view.kids(verb, "mark") if toks[c].text.lower() in ("as", "как")]
    if not marks and _parenthetical(view, verb):
        head = toks[verb].head
        while toks[head].dep in ("aux", "auxpass", "aux:pass") and toks[head].head != head:
            head = toks[head].head  # "The border, she says, is closed": the clause is "closed"'s
        idx = view.subtree(head, exclude={verb})
        return (idx, "parenthetical") if idx else None
    if not marks or toks[verb].dep not in ("advcl", "parataxis") or toks[verb].head == verb:
        return None
    if toks[toks[verb].head].pos == "ADV":
        return None  # "As long as the people do not know …": 'as' of a conjunction, not "as X said"
    m = marks[0]
    if toks[m].text.isascii() and m > 0 and toks[m - 1].sent == toks[m].sent and toks[m - 1].pos != "PUNCT" \
            and not view.kids(verb, *_SUBJ, "agent"):
        return None  # "have been listed as threatened since 1978": a category, nobody's words
    head = toks[verb].head
    objs = [c for c in view.kids(verb, "dobj", "obj", "ccomp", "xcomp") if c > verb]
    if objs and lex.lemma_of(toks[verb]) not in lex.speech:
        # "…, as she considers how to attack Sanders": a belief with its own object is a clause of
        # time or reason, and what it reports is that object, not the clause it hangs on (a
        # speech verb's object is often the hearer: "as he told the AP").
        return view.subtree(objs[0]), "as-object"
    own = view.subtree(verb)
    after = clause_after_opener(view, m, max(own))
    if after is not None:
        return (after, "as-clause") if after else None
    # "X did it, as shown by Y.": the cue clause closes the sentence, and the content ends
    # before it (the final period hangs on the main verb and would pull the span over it).
    idx = [k for k in view.subtree(head, exclude={verb}) if k < own[0] or toks[own[0]].start < toks[head].start]
    return (idx, "as-clause") if idx else None


def clause_after_opener(view: SyntaxView, mark: int, phrase_end: int) -> list[int] | None:
    """«…пришли: как утверждает издание Focus, для доставки … использовано …»: after a colon or a
    dash an «as»-phrase opens the clause that follows it, wherever the parser hung it. Its tokens
    (maybe none), or None when no colon or dash stands before the mark."""
    toks = view.tokens
    if mark == 0 or toks[mark - 1].text not in (":", "—", "–") or toks[mark - 1].sent != toks[mark].sent:
        return None
    sent = toks[mark].sent
    after = [k for k in range(phrase_end + 1, len(toks)) if toks[k].sent == sent]
    while after and toks[after[0]].pos == "PUNCT":
        after = after[1:]
    return after


_QUOTE_CHARS = frozenset("\"“”‘’'«»")
_FRAME_TAIL_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})  # "…, he said on Tuesday in a statement."


def _closing_subject(view: SyntaxView, verb: int) -> int | None:
    """Who speaks in a closing frame: the subject nearest before the verb (the parse may give it
    the reported clause's subject too), or, in "…, said X", the one right after it."""
    toks = view.tokens
    subjects = view.kids(verb, *_SUBJ)
    after = [k for k in subjects if k > verb]
    if after and toks[verb - 1].text == ",":
        return after[0]
    before = [k for k in subjects if k < verb]
    return before[-1] if before else None


def _closing_frame(view: SyntaxView, verb: int, lex: QuoteLexicon) -> tuple[list[int], str] | None:
    """ "Those who take on heavy debt struggle, even with a good job, he said." / "…, said Geert
    Wilders, founder of …": an English speech verb closing its sentence after a comma, its subject
    before or right after it, with nothing of its own to report, reports the words before that
    comma (the parse hung them on it as loose dependents)."""
    toks = view.tokens
    tok = toks[verb]
    if not tok.text.isascii() or lex.lemma_of(tok) not in lex.speech:
        return None
    bounds = view.article.sentences[tok.sent]  # its own tokens: a scan of the article per verb would grow quadratically
    sent = [k for k in view.tokens_in(bounds.start, bounds.end) if toks[k].sent == tok.sent]
    # The sentence's own verb, or one the parse hung on it that closes the sentence ("…, she
    # said." as an adverbial clause); never a relative clause's ("…, according to officials, who spoke").
    own = set(view.subtree(verb))
    if tok.dep.lower() != "root" and not (tok.dep in ("advcl", "conj", "parataxis", "ccomp")
                                          and all(k in own or toks[k].pos == "PUNCT" for k in sent if k > verb)):
        return None
    subj = _closing_subject(view, verb)
    if subj is None or toks[subj].text.lower() in ("who", "which", "that"):
        return None
    inverted = subj > verb
    first = verb if inverted else view.subtree(subj)[0]
    if first < 2 or toks[first - 1].text != "," or toks[first - 1].sent != tok.sent:
        return None
    from ..lang import load_words

    # After the verb only who spoke, when and where, and to whom ("told the committee"): no
    # object or clause of its own.
    addressee = lex.lemma_of(tok) in load_words("addressee_verbs")
    if any(k > verb and k != subj and toks[k].dep not in _FRAME_TAIL_DEPS
           and not (addressee and toks[k].dep in ("dobj", "dative")) for k in view.kids(verb)):
        return None
    idx = [k for k in sent if k < first - 1]
    words = [k for k in idx if toks[k].pos not in ("PUNCT", "SPACE")]
    # A clause: a verb, or in the inverted frame, where the parse may read a verb as a noun
    # ("The rejection of the treaty signals …, said X"), five words or more.
    if not any(toks[k].pos in ("VERB", "AUX") for k in idx) and not (inverted and len(words) >= 5):
        return None
    if toks[idx[0]].text.lower() in load_words("subordinators") and not any(toks[k].text == "," for k in idx):
        return None  # "When the minister arrived, he said.": a subordinate clause alone says nothing
    if toks[idx[0]].text in _QUOTE_CHARS or toks[idx[-1]].text in _QUOTE_CHARS:
        return None  # “…,” he said.: a quotation before the frame is the direct rules'
    return idx, "closing-frame"


def _stray_that_clause(view: SyntaxView, verb: int, lex: QuoteLexicon) -> tuple[list[int], str] | None:
    """ "Lewandowski said on CNN, where he is a contributor, that Manafort should be held to account":
    the parse hung the that-clause on a noun after an English speech verb as a relative clause;
    a relative clause has no "that" as its mark, a complement clause does."""
    toks = view.tokens
    if not toks[verb].text.isascii() or lex.lemma_of(toks[verb]) not in lex.speech:
        return None
    for c in view.subtree(verb):
        if c > verb and toks[c].dep in ("relcl", "acl") and toks[c].head != verb \
                and any(toks[m].text.lower() == "that" and m < c for m in view.kids(c, "mark")) \
                and _under_preposition(view, toks[c].head, verb):
            return view.subtree(c), "ccomp"
    return None


def _under_preposition(view: SyntaxView, k: int, verb: int) -> bool:
    """Whether token k hangs on `verb` through prepositional phrases only ("said on CNN, …"), not
    inside its object ("says the increase … that Bloomberg decries", a true relative clause)."""
    toks = view.tokens
    for _ in range(12):
        if toks[k].dep not in ("pobj", "prep", "conj", "appos"):
            return False
        k = toks[k].head
        if k == verb:
            return True
    return False


def _parenthetical(view: SyntaxView, verb: int) -> bool:
    """ "…, he said, …": an English cue clause set off by commas inside the clause it reports."""
    toks = view.tokens
    tok = toks[verb]
    if tok.dep != "parataxis" or tok.head == verb or not view.kids(verb, *_SUBJ) or not tok.text.isascii():
        return False
    own = [k for k in view.subtree(verb) if toks[k].pos != "PUNCT"]  # its commas may hang on it
    before, after = own[0] - 1, own[-1] + 1
    return (before >= 0 and toks[before].text == "," and toks[before].sent == tok.sent
            and after < len(toks) and toks[after].sent == tok.sent and toks[after].text in (",", ".", ";"))


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
            relative = _relative_marker(view, after, sent.end)
            if relative is not None:
                # «закон, согласно которому все страны должны …»: the relative word is the source (its
                # antecedent, the law, names it) and its clause is what the law says.
                src, content = relative
                out.append(Attribution(content, (m.start(), m.end()), src, None, "marker"))
                continue
            if closing != -1:
                # "(93 percent were white, according to exit polls)": the bracket's own clause;
                # "If he is a citizen (at least according to Kiev), then …": a bare qualifier
                # bracket vouches for what stands before it, and the content stops there.
                inner = strip_edges(text, opening + 1, m.start())
                has_verb = any(view.tokens[k].pos in ("VERB", "AUX") for k in view.tokens_in(*inner))
                content = inner if has_verb else strip_edges(text, sent.start, opening)
            elif m.start() - sent.start <= 2:
                # Marker opens the sentence: content follows the source phrase's comma, and
                # starts at the main clause's subject so an apposition stays out of it.
                content = strip_edges(text, src[1], sent.end)
                content = (_clause_start(view, content, sent.start, sent.end), content[1])
            elif (b := _last_conjunct(text, sent.start, m.start())) is not None \
                    and _set_off_inside(view, b, m.start(), src[1], sent.end) \
                    and not _CLAUSE_AFTER_SOURCE.match(text, src[1], sent.end) \
                    and not any(view.tokens[k].dep in ("nsubj", "nsubj:pass", "nsubjpass", "ROOT", "root")
                                for k in view.tokens_in(b, m.start())):
                # «…, а в России, если верить Википедии, производится 200 вертолетов»: the marker
                # is set off inside the sentence's last conjunct, which is what it vouches for.
                content = strip_edges(text, b, sent.end)
            elif _set_off_inside(view, sent.start, m.start(), src[1], sent.end):
                # "But according to police, the man fled", «Так, согласно распоряжению, …»: only
                # discourse words before the marker, so the clause it vouches for follows it;
                # "The man, according to police, fled": a verbless subject before, the whole sentence.
                before = list(view.tokens_in(sent.start, m.start()))
                if all(view.tokens[k].pos in _DISCOURSE_POS for k in before):
                    content = strip_edges(text, src[1], sent.end)
                    content = (_clause_start(view, content, sent.start, sent.end), content[1])
                else:
                    content = strip_edges(text, sent.start, sent.end)
            else:
                content = strip_edges(text, sent.start, m.start())
            content = _past_subordinator(view, content)
            if content[1] - content[0] < 3:
                continue
            out.append(Attribution(content, (m.start(), m.end()), src, None, "marker"))
    out += _viewpoint_attributions(article)
    return out


_DISCOURSE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT"})
# Where a sentence's conjunct starts: after ", а", ", но", ", but", ";".
_CONJUNCT = re.compile(r"(?:,\s*(?:а|но|однако|but|yet)|;)\s+", re.IGNORECASE)
# A source phrase followed by a new clause of its own or the next conjunct («…, если верить знающим
# людям, которые говорят …», «…, если верить Дубилету, а лично я …»): the marker closes its clause.
_CLAUSE_AFTER_SOURCE = re.compile(r"\s*,\s*(?:а|но|и|однако|который|которая|которое|которые|что|где|but|and|which|who)\b",
                                  re.IGNORECASE)


def _last_conjunct(text: str, start: int, marker: int) -> int | None:
    """Where the last conjunct before a marker starts in its sentence, or None if there is none."""
    found = None
    for m in _CONJUNCT.finditer(text, start, marker):
        found = m.end()
    return found


def _set_off_inside(view: SyntaxView, start: int, marker: int, source_end: int, end: int) -> bool:
    """Whether a marker phrase stands inside its clause set off by commas with no verb before it
    ("But according to police, the man fled"; not "He fled, according to police."): the words
    before the marker hold no verb, and a comma and words with a verb follow the source."""
    toks = view.tokens
    if any(toks[k].pos in ("VERB", "AUX") for k in view.tokens_in(start, marker)):
        return False
    tail = view.article.text[source_end:end]
    if not tail.lstrip().startswith(","):
        return False
    return any(toks[k].pos in ("VERB", "AUX") for k in view.tokens_in(source_end, end))


# "In Trump's mind, …", "In his view, …", "In the eyes of many voters, …": whose view the
# sentence gives (English; the possessor or the of-phrase is the source).
_VIEWPOINT = re.compile(r"In ((?:his|her|their|its|[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}['’]s?)) (mind|view|eyes|opinion|estimation),\s+"
                        r"|In the (?:view|eyes|opinion|estimation) of ([^,]{2,60}),\s+")


def _viewpoint_attributions(article: Article) -> list[Attribution]:
    """A sentence opening "In X's mind/view/eyes/opinion, …": X's view, the rest of the sentence."""
    text = article.text
    out = []
    for sent in article.sentences:
        m = _VIEWPOINT.match(text, sent.start, sent.end)
        if m is None:
            continue
        group = 1 if m.group(1) else 3
        s, e = m.span(group)
        if group == 1 and text[e - 2 : e] in ("'s", "’s"):
            e -= 2
        elif group == 1 and text[e - 1 : e] in ("'", "’"):
            e -= 1
        content = strip_edges(text, m.end(), sent.end)
        if content[1] - content[0] < 3:
            continue
        cue_end = m.end(2) if group == 1 else text.index(" of ", m.start()) + 3
        out.append(Attribution(content, (m.start(), cue_end), (s, e), None, "marker"))
    return out



def _past_subordinator(view: SyntaxView, content: tuple[int, int]) -> tuple[int, int]:
    """The content without the conjunction of the conditional clause it is: "If he is a citizen
    (at least according to Kiev), then …" vouches that he is one; the "if" is the author's frame."""
    toks = view.tokens
    idx = view.tokens_in(*content)
    if len(idx) < 2:
        return content
    first = idx[0]
    tok = toks[first]
    if tok.dep != "mark" or tok.head == first or toks[tok.head].dep != "advcl" \
            or tok.text.lower() not in _conditional_marks():
        return content
    return toks[idx[1]].start, content[1]


@lru_cache(maxsize=1)
def _conditional_marks() -> frozenset[str]:
    """lang/en/conditional_marks.txt, lower-cased."""
    from ..lang import load_list

    return frozenset(w.lower() for w in load_list("en", "conditional_marks"))


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


def _relative_marker(view: SyntaxView, phrase: tuple[int, int], limit: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source, content) when a marker's phrase opens with a Russian relative word («согласно
    которому …»): the word alone, and its clause (the relative clause the parse gives, else the
    rest of the sentence)."""
    idx = list(view.tokens_in(*phrase))
    if not idx or view.tokens[idx[0]].lemma.lower() != "который":
        return None
    toks, rel = view.tokens, idx[0]
    owner = toks[rel].head
    end = limit
    if owner != rel and toks[owner].dep in ("relcl", "acl:relcl"):
        end = max(toks[k].end for k in view.subtree(owner))
    after = [k for k in view.tokens_in(toks[rel].end, end) if k > rel]
    if not after:
        return None
    content = strip_edges(view.article.text, toks[after[0]].start, min(end, limit))
    return ((toks[rel].start, toks[rel].end), content) if content[1] - content[0] >= 3 else None


def _phrase_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The source phrase after a marker: up to the next comma or the end of the sentence."""
    comma = text.find(",", start, limit)
    end = comma if comma != -1 else limit
    s, e = strip_edges(text, start, end)
    return (s, e) if e > s else None


_HEADLINE_COLON = re.compile(r"^(?:[A-ZА-ЯЁ ]+\s[–—-]\s)?([^\W\d_][^:\n]{0,40}?)\s*:\s+(\S.*)$")


# «У ЕС есть два решения по Украине - СМИ», "Exports fell again in May — Reuters": a headline's
# source after its final dash.
_HEADLINE_TAIL = re.compile(r"^(\S.*?\S)\s+([—–-])\s+([^\W\d_][^—–\n]{0,40}?)\s*$")
_MEDIA_LABELS = frozenset({"сми", "источник", "источники", "media", "reports"})


def _headline_tail(article: Article, para) -> Attribution | None:  # noqa: ANN001 - Paragraph
    """A headline-like line "claim — Source": the source a news medium, a whole PERSON/ORG name or
    a role word («— депутат») of at most four words, the claim four words or more."""
    if len(para.text) > 200 or para.text.rstrip().endswith((".", ":", ";", ",")):
        return None
    quoted = _quoted_headline(article, para)
    if quoted is not None:
        return quoted
    m = _HEADLINE_TAIL.match(para.text)
    if m is None or len(m.group(3).split()) > 4 or len(m.group(1).split()) < 4:
        return None
    s, e = para.start + m.start(3), para.start + m.end(3)
    words = m.group(3).split()
    role = len(words) <= 2 and has_cyrillic(words[0]) and _person_label(words[0])  # «… посла США! — депутат»
    if m.group(3).lower() not in _MEDIA_LABELS and not role and not any(
            x.start == s and x.end >= e and x.type in ("PERSON", "ORG") for x in article.mentions):
        return None
    dash = para.start + m.start(2)
    cs, ce = strip_edges(article.text, para.start + m.start(1), para.start + m.end(1))
    return Attribution((cs, ce), (dash, dash + 1), (s, e), None, "headline-tail")


# «Европарламент стал жертвой фейков» - председатель партии Ираклий Кобахидзе: a line that opens with
# a whole quotation (one level of inner marks) and a spaced dash after it.
_QUOTED_HEAD = re.compile(r"\s*(«(?:[^«»]|«[^«»]*»)+»|\"[^\"]+\"|“[^“”]+”)\s+([—–-])\s+")
# Where the speaker phrase after the dash ends: «— Шольц о поставках оружия», «— Шольц: …».
_SPEAKER_END = re.compile(r"\s+(?:о|об|про|about|on)\s|:|$")
_QUOTED_SPEAKER_WORDS = 15


def _quoted_headline(article: Article, para) -> Attribution | None:  # noqa: ANN001 - Paragraph
    """A headline that opens with a quotation and names its speaker after a spaced dash:
    «Меркель была разумнее!» — Шольц о поставках оружия Киеву; the speaker a PERSON or ORG name
    (with the role before it), a medium, or a role word, up to «о …», a colon or the line's end."""
    m = _QUOTED_HEAD.match(para.text)
    if m is None:
        return None
    rest = para.text[m.end() :]
    end = _SPEAKER_END.search(rest)
    speaker = rest[: end.start() if end else len(rest)].rstrip()
    words = speaker.split()
    if not words or len(words) > _QUOTED_SPEAKER_WORDS or not words[0][:1].isalpha():
        return None
    s, e = para.start + m.end(), para.start + m.end() + len(speaker)
    named = any(s <= x.start and x.end >= e - 1 and x.end <= e + 1 and x.type in ("PERSON", "ORG")
                for x in article.mentions)
    if any(_PREDICATE_END.search(w) for w in words):
        return None  # «— украинский канал демонизирует Дугина»: a clause, the speaker's words are its
    capitalised = len(words) <= 3 and all(w[:1].isupper() for w in words)  # a name the tagger missed: «— Шольц»
    if not (named or capitalised or speaker.lower() in _MEDIA_LABELS or (len(words) <= 3 and _person_label(words[0]))):
        return None
    return Attribution((para.start + m.start(1), para.start + m.end(1)),
                       (para.start + m.start(2), para.start + m.end(2)), (s, e), None, "headline-tail")


# A lower-case last word of a Russian label that is a verb or a short participle («возмущен»,
# «считает», «заявил»), not part of the name.
_PREDICATE_END = re.compile(r"^[а-яё]+(?:ен|ена|ены|ан|ана|аны|ят|ит|ет|ут|ют|ал|ала|али|ил|ила|или)$")


def headline_attributions(article: Article) -> list[Attribution]:
    """A headline "KGB: Persons involved … face charge": a short name, a colon, the claim; or the
    claim first and its source after a dash ("… - СМИ")."""
    text = article.text
    out = []
    for n, para in enumerate(article.paragraphs):
        tail = _headline_tail(article, para)
        if tail is not None:
            out.append(tail)
            continue
        # A title may carry a final period ("Graham: Trump's rhetoric destroying GOP's chance.").
        ends = ("!", "?", "…", ":", "»", "”", '"') if n == 0 else (".", "!", "?", "…", ":", "»", "”", '"')
        m = _HEADLINE_COLON.match(para.text)
        # A title that exclaims may still be a label's claim («X: Грузия должна разорвать …!»).
        exclaims = n == 0 and m is not None and para.text.rstrip().endswith("!") and not para.text.rstrip().endswith("?!")
        if para.text.rstrip().endswith(ends) and not exclaims or len(para.text) > 200:
            continue
        off = 0
        if not m and n == 0:
            # «Украина продала суверенитет. Чем … с Западом - Политолог Донцов: Запад может …»: a
            # title of several segments, the speaker's one after the last spaced dash.
            colon = para.text.find(":")
            dash = max((para.text.rfind(d, 0, colon) for d in (" - ", " — ", " – ")), default=-1) if colon > 0 else -1
            if dash > 0:
                off = dash + 3
                m = _HEADLINE_COLON.match(para.text[off:])
        if not m:
            continue
        s = para.start + off + m.start(1)
        e = para.start + off + m.end(1)
        label = text[s:e]
        if label.lower() in not_source_labels():
            continue
        ents = [x for x in article.mentions if s <= x.start and x.end <= e and x.type in ("PERSON", "ORG")]
        # The label must be a name: the whole of it a PERSON/ORG mention, or a short run of
        # capitalised words ("Graham", "NY Daily News"). "Lukashenko’s Self-Overthrow" is a title.
        words = label.split()
        possessive = bool(re.search(r"['’]s\b", label))
        named = bool(ents) and ents[0].start == s and (ents[0].end >= e or len(words) <= 3) and not possessive
        capitalised = len(words) <= 4 and all(w[:1].isupper() for w in words) and not possessive
        # «Глава делегации РФ на форуме ВТО: …»: a Russian label opens with the speaker's role.
        role_first = not (named or capitalised) and len(words) <= 8 and words[0][:1].isupper() \
            and re.search(r"[а-яё]", words[0].lower()) is not None and _person_label(words[0]) \
            and not re.search(r"[\d.!?―—–]", label)  # «Глава 3: …» is a chapter; a sentence before is no label
        named = named or role_first
        if role_first and len(words) <= 2 and _PREDICATE_END.search(words[-1]):
            continue  # «Эксперт уверен: …»: a clause, which the verb rules read
        if role_first and len(words) > 2 and _PREDICATE_END.search(words[-1]):
            e = s + label.rindex(words[-1]) - 1  # «Генсек ООН возмущен: …»: the speaker without his state
            e = s + len(text[s:e].rstrip())
        where = _speaker_where(text, s, e, ents) if not (named or capitalised or possessive) else None
        if where is not None:
            named, e = True, where  # "Obama To Asians Worried About U.S. Election: It's Going To Be OK."
        if not (named or capitalised):
            continue
        if not named and any(x.start <= s and e <= x.end and x.type == "LOC" for x in article.mentions):
            continue  # «Украина: не-Киевская не-Русь», "Syria: what we know": a topic, not a speaker
        if not named and not any(x.start >= s and x.end <= e and x.type in ("PERSON", "ORG") for x in article.mentions) \
                and not _named_again(text, words[-1], para.end) and not _person_label(words[-1]) \
                and not (len(words) <= 2 and surname_like(words[-1])):
            continue  # "Sore Loser: Abrams ends …", "BOOM: …": a label the article never names again is no source
        colon = text.index(":", e)
        cs, ce = strip_edges(text, para.start + off + m.start(2), para.end)
        nxt = article.paragraphs[n + 1] if n + 1 < len(article.paragraphs) else None
        if nxt is not None and nxt.text[:1].islower() and not para.text.rstrip().endswith((".", "!", "?", "…")):
            ce = strip_edges(text, nxt.start, nxt.end)[1]  # a title broken over two lines («… фактически ¶противоречили …»)
        if text.startswith(("http", "www."), cs):
            continue  # "Facebook: https://…": a link, not a claim
        out.append(Attribution((cs, ce), (colon, colon + 1), (s, e), None, "headline-colon"))
    return out


_LABEL_PREPOSITION = re.compile(r"\s+(?:to|at|on|in|for|with)\s", re.IGNORECASE)


def _speaker_where(text: str, s: int, e: int, ents: list) -> int | None:  # noqa: ANN001 - Mention
    """A headline label "Name + to/at/on … place or audience" ("Former AG Mukasey at RNC", "Obama
    To Asians Worried About U.S. Election"): the end of the speaker's part (up to the name), or
    None. The name is the label's first person or organisation, after at most three capitalised
    title words; a preposition follows it."""
    m = next((x for x in ents if x.type == "PERSON" or x.start == s), None)
    if m is None:
        return None
    before = text[s : m.start].split()
    if len(before) > 3 or not all(w[:1].isupper() for w in before):
        return None
    if not _LABEL_PREPOSITION.match(text, m.end, e):
        return None
    return m.end if not before else e


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Titles, roles and group nouns for people (person_nouns, role_nouns, group_person_nouns)."""
    from ..lang import load_words

    return load_words("person_nouns") | load_words("role_nouns") | load_words("group_person_nouns")


def _person_label(word: str) -> bool:
    """A label naming a person by title or role ("Lawyer", "Witness", "Historians")."""
    w = word.lower().strip(".,;'’\"")
    return w in person_words() or (w.endswith("s") and w[:-1] in person_words())


def _named_again(text: str, word: str, after: int) -> bool:
    """Whether the word (by its first five letters, so «Гуреев» finds «Гуреева») stands
    capitalised after `after`, not opening a sentence."""
    bare = word.strip(".,;'’\"")
    if bare.isupper() and len(bare) > 3:
        bare = bare.capitalize()  # a title in capitals («АРНО ХИДИРБЕГИШВИЛИ: …») names «Хидирбегишвили»
    stem = re.escape(bare[:5])
    if len(stem) < 3 or not word[:1].isupper():
        return False
    return re.search(rf"(?<=[\w,;] ){stem}", text[after:]) is not None


def not_source_labels() -> frozenset[str]:
    """Labels before a colon that name a section, not a source (lang/<code>/not_source_labels.txt)."""
    from ..lang import load_words

    return load_words("not_source_labels")


def is_first_person(text: str, span: tuple[int, int] | None) -> bool:
    """A source that is the speaker themself ("I", "we")."""
    return span is not None and text[span[0] : span[1]].strip().lower() in _FIRST_PERSON
