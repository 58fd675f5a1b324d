"""Who says what: direct quotes in every quote style, reported speech, speakers resolved to
entities, nested attribution, and the one decision on quoted phrases that are not quotes."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..intervals import Cover, LastEnclosing
from ..lang import load_words
from ..model import Article, QuotedPhrase, Quote, Span
from ..syntax import SyntaxView
from .dialogue import dialogue_attributions, open_quotation_runs_on
from .direct import attribute_quotation
from .embeds import embed_attributions
from .lexicon import QuoteLexicon, merged_lexicon
from .marks import DOUBLE_MARKS, MarkPair, scan_marks
from .morph_ru import never_nominative, nominative_phrase
from .reported import (Attribution, adjective_attributions, antecedent, block_attributions, full_source_span, headline_attributions, is_first_person, person_org_spans, strip_edges,
                       marker_attributions, noun_attributions, source_span, trim_focus, verb_attributions)
from .reported_ru import (conditional_cue, hearsay_attributions, hypothetical_you, reference_attributions, russian_marker_attributions, russian_noun_attributions,
                          russian_verb_attributions,
                          ru_source_edges, thing_subject)
from .roles import (LONG_WORDS, addressed_name, cited_title, classify_unattributed, is_long_quotation, names_a_thing,
                    speech_without_cue)
from .speakers import SaidBefore, Speaker, SpeakerResolver, continued_speaker, document_author
from ..pipeline import component
from ..script import has_cyrillic

__all__ = ["QuoteExtractor", "extract_quotes", "display_speaker"]

# "[Alyaksandr] Fyaduta": an editor's bracket around a name's own words, not "[… – ed]".
_NAME_BRACKET = re.compile(r"\[(\w[\w'’.-]*(?: \w[\w'’.-]*){0,2})\]")


def display_speaker(name: str | None) -> str | None:
    """A speaker's name as shown: an editor's bracket around part of a name is dropped, as in
    entity names ("[Yury] Zyankovich and [Alyaksandr] Fyaduta" -> "Yury Zyankovich and …")."""
    if not name or "[" not in name:
        return name
    return " ".join(_NAME_BRACKET.sub(lambda m: m.group(1) if m.group(1)[:1].isupper() else m.group(0), name).split())


@component("quotes", requires=("entities", "sentences", "tokens"), assigns=("quotes", "quoted"))
class QuoteExtractor:
    """Component: assigns `quotes` and `quoted`."""

    def __init__(self, lex: QuoteLexicon | None = None) -> None:
        self.lex = lex or merged_lexicon()

    def __call__(self, article: Article) -> Article:
        article.quotes, article.quoted = extract_quotes(article, self.lex)
        return article


_AFTER_PLACE_PREP = re.compile(r"(?<!\w)(?:в|во)\s+$", re.IGNORECASE)


def _relative_word(view: SyntaxView, span: tuple[int, int]) -> int | None:
    """The token of a source phrase that is one relative word («в которой говорится …», «в
    котором заявили …»), for its antecedent to name the speaker."""
    idx = [k for k in view.tokens_in(*span) if view.tokens[k].pos not in ("ADP", "PUNCT")]
    return idx[0] if len(idx) == 1 and view.tokens[idx[0]].lemma.lower() == "который" else None


def _without_clauses(view: SyntaxView, noun: int, span: tuple[int, int]) -> tuple[int, int]:
    """A noun's phrase without a clause the parser hung on it before the noun («, что ЕС одобрил
    новый закон, согласно которому …»: the law, not what was said of it)."""
    start = span[0]
    for c in view.kids(noun, "acl", "relcl", "ccomp"):
        sub = view.subtree(c)
        if sub and max(sub) < noun:
            start = max(start, view.tokens[max(sub) + 1].start)
    return (start, span[1])


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _adjacent_cue(text: str, pair: MarkPair) -> bool:
    """A short quotation counts as speech only with the cue right at it: “No,” he said / said: “No”."""
    after = text[pair.end : pair.end + 3].lstrip()
    before = text[max(0, pair.start - 3) : pair.start].rstrip()
    inner_tail = text[pair.inner_end - 1 : pair.inner_end]
    return after[:1] in (",", "—", "–") or inner_tail in (",", "!", "?") or before.endswith((":", ","))


class _PairIndex:
    """Mark pairs (in scan order) by start and by end offset, for _cover_pairs."""

    def __init__(self, pairs: list[MarkPair]) -> None:
        self.pairs = pairs
        self.by_start: dict[int, list[int]] = {}
        self.by_end: dict[int, list[int]] = {}
        for k, p in enumerate(pairs):
            self.by_start.setdefault(p.start, []).append(k)
            self.by_end.setdefault(p.end, []).append(k)


def _cover_pairs(span: tuple[int, int], index: _PairIndex, cue: tuple[int, int] | None) -> tuple[int, int]:
    """Grow a content span so it never cuts through a quotation: “enough is enough” whole
    (unless the cue itself is inside that quotation: then the content belongs inside it too)."""
    # The rule below, applied to the pairs in order, only ever fires for a pair whose opening
    # mark sits at s-1/s-2 or whose closing mark ends at e+1/e+2 (inner = outer minus one
    # mark each side). Visit just those, in order, adding new ones as s and e grow.
    pairs = index.pairs
    s, e = span
    todo: list[int] = []
    seen: set[int] = set()

    def push(after: int) -> None:
        for k in (*index.by_start.get(s - 1, ()), *index.by_start.get(s - 2, ()),
                  *index.by_end.get(e + 1, ()), *index.by_end.get(e + 2, ())):
            if k > after and k not in seen:
                seen.add(k)
                heapq.heappush(todo, k)

    push(-1)
    while todo:
        k = heapq.heappop(todo)
        p = pairs[k]
        if cue is not None and p.start <= cue[0] < p.end:
            continue
        if p.start < e and s < p.end and not (s <= p.start and p.end <= e):
            if p.start < s <= p.inner_start + 1 or p.inner_end - 1 <= e < p.end:
                s, e = min(s, p.start), max(e, p.end)
                push(k)
    return s, e


def _touches_marks(text: str, span: tuple[int, int]) -> bool:
    """A source that is a quoted phrase, not a name in marks inside a phrase: «Коммерсантъ»,
    газета "Известия", лидер партии «За Грузию» Георгий Гахария are speakers."""
    phrase = text[span[0] : span[1]]
    marks = [k for k, ch in enumerate(phrase) if ch in DOUBLE_MARKS]
    if not marks:
        return False
    # Every quoted stretch must be a capitalised name of at most five words, or one word in scare
    # quotes beside unquoted words of the phrase (Западные «партнеры», «политтехнологи» из X).
    function = load_words("function_words")
    outside = [w for w in re.sub(r"[«\"„“”][^«»\"„“”]*[»\"“”]", " ", phrase).split()
               if w.lower().strip(".,") not in function]  # "The “patriots”" is still a quoted phrase
    for a, b in zip(marks[::2], marks[1::2] + [len(phrase)] * (len(marks) % 2)):
        inner = phrase[a + 1 : b]
        # A lone Russian word in marks is a name or a scare-quoted subject («обозреватель» сообщает,
        # «эксперты» утверждают; the Russian guideline's convention 7), a quoted «они» is a word; the
        # English “patriots” said stays nobody's.
        lone = len(marks) == 2 and has_cyrillic(inner) and inner.lower() not in function
        scare = len(inner.split()) == 1 and inner.replace("-", "").isalpha() and (bool(outside) or lone)
        if not (inner[:1].isupper() or scare) or len(inner.split()) > 5 or len(marks) % 2:
            return True
    return False


def _rank(att: Attribution) -> int:
    """Which rule wins when two find the same cue: the Russian clause rules know Russian word
    order better than the general ones (an inverted cue is a last resort)."""
    return 1 if att.how.startswith("ru:") and att.how != "ru:inverted" else 0


def _preferred(att: Attribution, old: Attribution) -> bool:
    """`att` replaces `old` for one cue: a better rule, else the longer content."""
    if _rank(att) != _rank(old):
        return _rank(att) > _rank(old)
    return (att.content[1] - att.content[0]) > (old.content[1] - old.content[0])


def _marker_at(text: str, att: Attribution, pair: MarkPair) -> bool:
    """A marker phrase right at a quotation's marks ("According to X, “…”", "“…,” according to X"):
    no direct-quote rule reads a marker, so the marker attributes the quotation."""
    if att.source is None or att.cue is None:
        return False
    if att.cue[1] <= pair.start:
        return text[att.source[1] : pair.start].strip() in ("", ",", ":")
    return pair.end <= att.cue[0] and text[pair.end : att.cue[0]].strip() in ("", ",")


def _reported(article: Article, view: SyntaxView, lex: QuoteLexicon, top: list[MarkPair],
              pairs_all: list[MarkPair]) -> list[Attribution]:
    """Reported speech, minus what is really a direct quotation's cue, deduplicated by cue."""
    text = article.text
    found = verb_attributions(article, view, lex) + marker_attributions(article, view, lex) + adjective_attributions(article, view)
    found += headline_attributions(article) + noun_attributions(article, view, lex) + block_attributions(article, view, lex)
    found += russian_verb_attributions(article, view, lex) + russian_marker_attributions(article, view)
    found += russian_noun_attributions(article, view)
    found += hearsay_attributions(article, view, lex)
    keep: dict[tuple[int, int] | None, Attribution] = {}
    pair_index = _PairIndex(pairs_all)
    # pairs_all is sorted by start, so the first pair holding a point is found by bisection.
    stab = Cover((p.start, p.end) for p in pairs_all)
    long_top = [p for p in top if is_long_quotation(text[p.inner_start : p.inner_end])]
    long_starts = [p.start for p in long_top]
    for att in found:
        att.content = _cover_pairs(att.content, pair_index, att.cue)
        if att.source is not None and _touches_marks(text, att.source):
            continue  # a quoted phrase is never a speaker
        cue_tok = view.token_at(att.cue[0]) if att.cue else None
        if cue_tok is not None and att.source_head is not None and hypothetical_you(view, cue_tok, att.source_head):
            continue  # «Вы можете возразить, что …»: a reply the author imagines
        if cue_tok is not None and conditional_cue(view, cue_tok):
            continue  # «Путин мог бы заявить, что …»: speech imagined, not made
        if cue_tok is not None and att.source_head is not None and thing_subject(article, view, cue_tok, att.source_head):
            continue  # «демонстрация победы требует переоценки»: a thing requires, nobody demands
        k = stab.first_stabbing(att.cue[0]) if att.cue else None
        home = pairs_all[k] if k is not None else None
        if home is not None and not _contains((home.start, home.end), att.content):
            continue  # a verb inside a quotation cannot report words outside it
        if att.how in ("ru:as", "verb:as-clause") and att.cue is not None and is_first_person(text, att.source) \
                and has_cyrillic(text[att.cue[0] : att.cue[1]]):
            continue  # «как мы уже говорили, …»: the writer's or speaker's aside (convention 5)
        if home is not None and is_first_person(text, att.source) and not _nested_report_ru(text, att):
            # «"Я уверен, что …", — сказал он» is a report of its own (the Russian guideline,
            # convention 5); a parenthetical «думаю» is no «что»-clause.
            continue  # “Some sort of amnesty, I think, is part of his plan”: the quoted speaker's own hedge
        # The verb introduces a whole quotation: the direct-quote rules own it. Top-level pairs
        # are disjoint and sorted: only those overlapping the content can contain or be contained.
        # Not a Russian marker or phrase of several words («По словам автора, «…»», «пришли к
        # выводу, что «…»»), nor a marker right at the marks ("According to X, “…”", `_marker_at`):
        # those rules know no such cue, and the quotation would lose its source.
        lo = max(0, bisect_right(long_starts, att.content[0]) - 1)
        hi = bisect_left(long_starts, att.content[1] + 1)
        cue_text = text[att.cue[0] : att.cue[1]] if att.cue is not None else ""
        russian = has_cyrillic(cue_text)
        # ... nor a Russian belief («В Москве считают, что «…»»: the direct rules take verbs of
        # saying only), nor a Russian clause with words of its own before the marks («отметили,
        # что нужно уточнить «…»»: the direct rules would take the clause's own verb as the cue).
        owned = not (russian and (att.how == "ru:marker" or " " in cue_text.strip() or att.weak))
        if owned and any(_contains(att.content, (p.start, p.end)) or _contains((p.start, p.end), att.content)
               for p in long_top[lo:hi]
               if att.cue is not None and not (p.start <= att.cue[0] < p.end) and att.how not in ("headline-colon", "headline-tail")
               and not (att.how == "marker" and _marker_at(text, att, p))
               and not (russian and text[att.content[0] : p.start].strip(" \t\n\r«»\"„“”"))
               and abs((p.end - p.start) - (att.content[1] - att.content[0])) < 0.5 * (p.end - p.start) + 5):
            continue
        key = att.cue
        if key not in keep or _preferred(att, keep[key]):
            keep[key] = att
    # «Согласно данным X» is found by the general marker list and the Russian marker rule.
    ru_markers = Cover(sorted(a.cue for a in keep.values() if a.how == "ru:marker" and a.cue is not None))
    keep = {k: a for k, a in keep.items()
            if not (a.how == "marker" and a.cue is not None and ru_markers.overlaps(*a.cue))}
    # «Грузия, как заявил X в пятницу, воевала …»: the marker rule reads «как заявил» with the words
    # before it, the verb rule the whole clause around it; one quote, the verb's, under the
    # marker's fuller cue.
    verbs = [a for a in keep.values() if (a.how.startswith("verb") or a.how == "ru:as") and a.cue is not None]
    for key, att in list(keep.items()):
        if att.how != "marker" or att.cue is None:
            continue
        inner = next((v for v in verbs if att.cue[0] <= v.cue[0] and v.cue[1] <= att.cue[1]), None)  # type: ignore[index]
        if inner is not None and _contains(inner.content, att.content) and inner.source is None \
                and att.source is not None and inner.how.startswith("verb"):
            # «Однако, как гласит народная мудрость, …» misparsed: the verb rule found no subject
            # and took the whole sentence; the marker read its source and clause off the text.
            keep = {k: a for k, a in keep.items() if a is not inner}
            verbs.remove(inner)
            continue
        if inner is not None and _contains(inner.content, att.content):
            del keep[key]
            if has_cyrillic(text[att.cue[0] : att.cue[1]]):
                inner.cue = att.cue  # the Russian guideline's cue is «как заявил»
    # «выразил надежду, что …»: the Russian phrase rule's cue holds the general rule's verb, and
    # their contents overlap: one quote, the phrase's («надежду, что …» is not what was said).
    phrases = [a for a in keep.values() if a.how.startswith("ru:") and a.cue is not None]
    for key, att in list(keep.items()):
        if att.cue is None or att.how.startswith("ru:"):
            continue
        if any(p.cue[0] <= att.cue[0] and att.cue[1] <= p.cue[1] and p.cue != att.cue  # type: ignore[index]
               and att.content[0] < p.content[1] and p.content[0] < att.content[1] for p in phrases):
            del keep[key]
    # «Шоумен отметил, что КВН, по его мнению, …»: a marker naming its source by a possessive
    # pronoun inside another report's words is that speaker's own aside, not a second report.
    # Inside a report with no source («Затем заявил, что …, по его словам, …») it is the only
    # mention of who speaks, and stays.
    reports = [a for a in keep.values() if a.how != "ru:marker" and a.cue is not None and a.source is not None]
    for key, att in list(keep.items()):
        if att.how == "ru:marker" and att.cue is not None and att.source is not None \
                and text[att.source[0] : att.source[1]].strip().lower() in _RU_POSSESSIVES \
                and any(r.content[0] < att.cue[0] < r.content[1] for r in reports):  # type: ignore[index]
            del keep[key]
    # «Как заявил X, …» is found both as a verb and as a marker: one content, one quote.
    by_content: dict[tuple[int, int], Attribution] = {}
    for att in keep.values():
        if att.content not in by_content or att.how.startswith("verb"):
            by_content[att.content] = att
    kept = list(by_content.values())
    kept += reference_attributions(article, view, kept)  # «… со ссылкой на X»: X says it too
    return sorted(kept, key=lambda a: a.content)


def extract_quotes(article: Article, lex: QuoteLexicon) -> tuple[list[Quote], list[QuotedPhrase]]:
    """All quotes and the roles of all quoted phrases in an article."""
    text = article.text
    view = SyntaxView.of(article)
    pairs = scan_marks(text).pairs
    top = [p for p in pairs if p.depth == 0]
    reported = _reported(article, view, lex, top, pairs)
    dialogue = dialogue_attributions(article, view, lex)
    dialogue_cues = {d.cue for d in dialogue}
    reported = [a for a in reported if a.cue not in dialogue_cues]  # «— …, — заявил он»: the dash rule owns it
    reported = [part for a in reported for part in _around_remark(a, text)]  # "A, he says, B"
    kinds: dict[int, str] = {id(a): "indirect" for a in reported}
    direct: list[Attribution] = []
    quoted: list[QuotedPhrase] = []
    direct_end = -1  # pairs come in start order: a direct span holds this pair iff it ends late enough
    names = person_org_spans(article)
    said: Attribution | None = None  # the last whole quotation with a cue: “A,” he said. “B” continues it
    for pair in pairs:
        span = (pair.start, pair.end)
        inner = text[pair.inner_start : pair.inner_end]
        qp = (pair.inner_start, pair.inner_end)
        if not inner.strip():
            continue
        host = next((a for a in reported if _contains(a.content, span)
                     and not (a.cue and pair.start <= a.cue[0] < pair.end)), None)
        # Quoted words inside someone else's reported speech are theirs (a mixed quote); inside
        # a belief ("they want …") or the author's own "I wrote that …" they are scare quotes.
        # A whole sentence in marks inside a belief or a document's words («В документе указано,
        # что «…»») is quoted from its source too.
        if host is not None and not is_first_person(text, host.source) and (
                not host.weak or (len(inner.split()) >= LONG_WORDS and not _adjacent_cue(text, pair))):
            # The whole content in marks ("the Kremlin said “enough is enough”") is direct speech.
            kinds[id(host)] = "direct" if host.content == span else "mixed"
            said = host if host.content == span and pair.depth == 0 else said
            quoted.append(QuotedPhrase(*qp, inner, "quote", f"quoted words inside reported speech ({_cue(text, host)})"))
            continue
        outer = direct_end >= span[1]
        long = is_long_quotation(inner)
        att = None
        # A name after a noun for a work ("the PBS television program “Charlie Rose.”") is no
        # speech even when its closing full stop makes it read like a sentence.
        named = (len(inner.split()) < LONG_WORDS and names_a_thing(text, pair.start, inner, lex)) \
            or cited_title(text, pair.start, pair.end) or addressed_name(text, pair.end, inner)
        if pair.depth == 0 and not named and (long or _adjacent_cue(text, pair)):
            att = attribute_quotation(article, view, lex, pair, top, short=not long, previous=said, names=names)
        # Short words in marks inside a belief's or an evaluation's content ("referred to the team as
        # a “gang.”") belong to that report, not to an unnamed speaker of their own.
        if att is None and long and not outer and not named and speech_without_cue(inner) \
                and not (host is not None and len(inner.split()) < LONG_WORDS):
            att = Attribution(span, None, None, None, "direct:unattributed")
        if att is not None:
            direct.append(att)
            if not pair.closed and has_cyrillic(inner):
                direct += open_quotation_runs_on(article, att)
            said = att if att.cue is not None else said
            direct_end = max(direct_end, span[1])
            why = f"direct quote, cue '{_cue(text, att)}'" if att.cue else "direct quote, speaker not stated"
            quoted.append(QuotedPhrase(*qp, inner, "quote", why))
        else:
            role, reason = classify_unattributed(text, pair.start, pair.end, *qp, lex)
            quoted.append(QuotedPhrase(*qp, inner, role, reason))  # type: ignore[arg-type]
    # «A, — заявил он, — B»: the remark's verb is the quotation's cue, not a second report.
    remark_cues = {a.cue for a in direct if a.how == "direct:remark"}
    reported = [a for a in reported if a.cue not in remark_cues]
    # «"A. B", — заключили они»: a sentence split inside the marks leaves a report of "B" under
    # the quotation's own cue; the quotation already holds it.
    direct_by_cue: dict[tuple[int, int], list[Attribution]] = {}
    for d in direct:  # “A,” he said. “B”: the continuation shares the cue
        if d.cue is not None:
            direct_by_cue.setdefault(d.cue, []).append(d)
    reported = [a for a in reported if not any(_contains(d.content, a.content) for d in direct_by_cue.get(a.cue, ()))]  # type: ignore[arg-type]
    # "“…?” Trump asked reporters.": the object of a verb of address whose quotation is the
    # direct quote's is whom it was said to, not what was said.
    reported = [a for a in reported if not (a.how == "verb:object" and a.cue in direct_by_cue
                                            and _lemma_at(view, a.cue[0]) in load_words("addressee_verbs"))]
    # "declares that “A. B.”": the report stops at the first sentence end inside the marks and
    # the quotation rule takes the whole quotation under the same cue: one mixed quote. So does
    # “A. B” but to …, said X: the report starts inside the marks and runs on past them.
    for a in reported:
        for d in direct_by_cue.get(a.cue, ()):  # type: ignore[arg-type]
            if d in direct and (a.content[0] < d.content[0] < a.content[1] < d.content[1]
                                or d.content[0] < a.content[0] < d.content[1] < a.content[1]):
                a.content = (min(a.content[0], d.content[0]), max(a.content[1], d.content[1]))
                kinds[id(a)] = "mixed"
                direct.remove(d)
    for a in reported:
        a.content = _without_russian_edges(text, a.content)
    top_cover = Cover((p.start, p.end) for p in top)
    # A lone dash line known only by its dash that holds a third person's report («— По словам
    # министра, …») is that report; the unnamed voice around it adds nothing.
    direct += [d for d in dialogue if not top_cover.contains_span(*d.content) and not (
        d.how == "dialogue:lone" and any(a.cue is not None and _contains(d.content, a.cue) and _contains(d.content, a.content)
                                         and not is_first_person(text, a.source) for a in reported))]
    embeds = embed_attributions(article, view)
    if embeds:
        # The post is one quote of its author; an unattributed quotation inside it is part of it,
        # one it attributes ("Farrakhan said “…”") is nested in it.
        direct = [d for d in direct if d.cue is not None or not any(_contains(e.content, d.content) for e in embeds)] + embeds
        for a in reported:  # what the post reports ends where the post does, not in its byline
            for e in embeds:
                if e.content[0] <= a.content[0] < e.content[1] < a.content[1]:
                    a.content = (a.content[0], e.content[1])
    direct = [part for d in direct for part in _around_remark(d, text)]
    return _assemble(article, view, lex, reported, direct, kinds, top), sorted(quoted, key=lambda q: q.start)


def _around_remark(att: Attribution, text: str) -> list[Attribution]:
    """«A, — заявил министр, — B» as two quotes sharing the remark's cue and speaker, `«A,` and
    `B»`: the author's words are not the speaker's (the Russian guideline's two fragments). So
    is a reported "A, he says, B", its pieces without the commas around the remark."""
    if att.remark is None:
        return [att]
    (start, end), (cut, resume) = att.content, att.remark
    if not start < cut < resume < end:
        return [att]
    if att.how.startswith("verb:"):
        first, second = strip_edges(text, start, cut), strip_edges(text, resume, end)
        if not (first[0] < first[1] and second[0] < second[1]):
            return [replace(att, remark=None)]
        return [replace(att, content=first, remark=None), replace(att, content=second, remark=None)]
    return [replace(att, content=(start, cut), remark=None), replace(att, content=(resume, end), remark=None)]


def _nested_report_ru(text: str, att: Attribution) -> bool:
    """«Я уверен, что …», «они рассчитывают, что …» inside someone's Russian quotation: a report of
    its own with a «что»-clause (the Russian guideline's convention 5), not a parenthetical hedge."""
    return att.how == "ru:that" and att.cue is not None and has_cyrillic(text[att.cue[0] : att.cue[1]])


_RU_POSSESSIVES = frozenset({"его", "её", "ее", "их"})
_HEARSAY_REACH = 300  # characters from the last report to a «мол» sentence that retells it
_LEADING_CHTO = re.compile(r"(?:что|чтобы|будто|мол\s*,|дескать\s*,)\s+(?=\S)")


def _without_russian_edges(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A Russian report's content without a leading «что», «чтобы» or «будто» (the clause begins after it, as
    the dev set marks it) and without a closing mark it never opened («…политизирован»» cut from
    a longer quotation)."""
    start, end = span
    body = text[start:end]
    if not has_cyrillic(body):
        return span
    lead = _LEADING_CHTO.match(body)
    if lead is not None and lead.end() < len(body):
        start += lead.end()
        body = text[start:end]
    if len(body) > 1 and ((body[-1] == "»" and body.count("«") < body.count("»"))
                          or (body[-1] == '"' and body.count('"') % 2 == 1)):
        end -= 1
    return start, end


_IN_PLACE = re.compile(r"(?<!\w)(?:в|во|на)\s+$", re.IGNORECASE)


def _in_place(text: str, source: tuple[int, int]) -> bool:
    """«В США уверены: …», «на Западе считают»: a place named with «в» or «на» before an impersonal plural
    cue stands for the people there who hold the view (the dev set's guideline marks it)."""
    return bool(_IN_PLACE.search(text[max(0, source[0] - 4) : source[0]]))


def _interlocutor(text: str, head: tuple[int, int]) -> bool:
    """Whether the speaker phrase's head is «собеседник» ("the person the outlet spoke to")."""
    word = text[head[0] : head[1]].lower()
    return any(word.startswith(n) for n in load_words("interlocutor_nouns"))


def _lemma_at(view: SyntaxView, pos: int) -> str:
    k = view.token_at(pos)
    return view.tokens[k].lemma.lower() if k is not None else ""


def _with_apposed_name(view: SyntaxView, noun: int, named: tuple[int, int]) -> tuple[int, int]:
    """The speaker phrase reaching over a name set after its descriptor by a comma ("BuzzFeed's
    editor in chief, Ben Smith, tweeted"): the span shown stops at the comma, but the name is who
    speaks, and without it the descriptor would be resolved to someone named earlier."""
    toks = view.tokens
    if toks[noun].pos == "PROPN":
        return named
    text = view.article.text
    for c in view.kids(noun, "appos"):
        if toks[c].pos != "PROPN":
            continue
        start, end = view.span_of(view.subtree(c))
        # Right after the phrase and its comma: a name deep inside a relative clause the parser
        # hung on the head («Резолюция, которая призывает освободить … Саакашвили») is not it.
        if text[named[1] : start].strip() == ",":
            return named[0], max(named[1], end)
    return named


def _listed_names(view: SyntaxView, noun: int, people: set[int]) -> list[int]:
    """"Ben Carson, Ted Cruz and Rand Paul": the parser makes the second name an apposition of
    the first and the third its conjunct; a person's name in apposition with another person's
    name as its conjunct is a list of people, not a second name for the first ("Adam Schiff, a
    Democrat of California and a member of …" is one man). `people`: tokens of person names."""
    if noun not in people:
        return []
    return [c for c in view.kids(noun, "appos") if c in people and any(k in people for k in view.kids(c, "conj"))]


def _second_person(text: str, span: tuple[int, int] | None) -> bool:
    return span is not None and text[span[0] : span[1]].strip().lower() in ("you", "ты", "вы")


def _cue(text: str, att: Attribution) -> str:
    return text[att.cue[0] : att.cue[1]] if att.cue else ""


def _assemble(article: Article, view: SyntaxView, lex: QuoteLexicon, reported: list[Attribution],
              direct: list[Attribution], kinds: dict[int, str], top: list[MarkPair]) -> list[Quote]:
    """Quote records in text order with speakers resolved and parents linked."""
    text = article.text
    resolver = SpeakerResolver(article, lex, view)
    items = [(a, "direct") for a in direct] + [(a, kinds[id(a)]) for a in reported]
    # Outer quotes first, so a nested one can inherit "I"/"we" from its parent.
    items.sort(key=lambda x: (x[0].content[0], -(x[0].content[1] - x[0].content[0])))
    quoted_spans = [(p.start, p.end) for p in top]
    top_cover = Cover(quoted_spans)  # top-level pairs are disjoint and sorted
    enclosing_quotes = LastEnclosing()  # quotes come in start order: parents by bisection
    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    said_before: list[SaidBefore] = []  # the top-level quotes so far
    people = {k for m in article.mentions if m.type == "PERSON" for k in view.tokens_in(m.start, m.end)}
    document_nouns = load_words("document_nouns")
    for att, kind in items:
        parent_idx = enclosing_quotes.find(*att.content)
        # Inside someone's quote, their own "I think …" is part of what they say, not a
        # second attribution; a third party they report ("the FSB reports: …") is nested.
        if parent_idx is not None and (att.weak or is_first_person(text, att.source) or _second_person(text, att.source)) \
                and not _nested_report_ru(text, att):
            continue
        enclosing = speakers[parent_idx] if parent_idx is not None else None
        speaker_span = None
        head: tuple[int, int] | None = None
        who = Speaker(None, None, "none")
        pointed: tuple[int, int] | None = None  # the antecedent a relative word stands for
        if att.source is not None and att.source[1] > att.source[0]:
            # Edges of any language's source: «и генпрокурор», then "even the skeptics" (focus words).
            att = replace(att, source=trim_focus(text, ru_source_edges(text, att.source)))
            shown = att.source
            if att.source_head is not None and not has_cyrillic(text[att.source[0] : att.source[1]]):
                # English postposed descriptors belong to the phrase (PolNeAR); the Russian rules
                # already take the whole subject phrase.
                after = [x for x in (att.content[0], att.cue[0] if att.cue else -1) if x > att.source[1]]
                limit = min(after, default=len(text))
                shown = full_source_span(view, att.source_head, att.source, limit)
            speaker_span = Span(shown[0], shown[1], text[shown[0] : shown[1]])
            def in_other_quote(pos: int, source: tuple[int, int] = att.source) -> bool:
                # A mention inside a quotation the speaker phrase is not in: "“Kathy and I are
                # friends …,” he explained" is not Kathy; inside one quote, "the FSB reports: …"
                # may point back to a name earlier in the same quote.
                k = top_cover.first_stabbing(pos)
                return k is not None and not (quoted_spans[k][0] <= source[0] < quoted_spans[k][1])

            head = None
            named = att.source
            source_head = att.source_head if att.source_head is not None else _relative_word(view, att.source)
            issued_by = None
            if source_head is not None:
                noun = antecedent(view, source_head)  # "farmers who say …": the farmers speak
                if noun != source_head:
                    named = pointed = _without_clauses(view, noun, source_span(view, noun))
                    words = [k for k in view.tokens_in(*pointed) if view.tokens[k].pos not in ("ADP", "PUNCT")]
                    if words and view.tokens[words[0]].start > pointed[0]:
                        # «борется с судебными решениями, в которых …»: the noun's preposition is no name.
                        pointed = (view.tokens[words[0]].start, pointed[1])
                    # «Bild опубликовал статью, в которой говорится …»: the document's issuer speaks.
                    if view.tokens[noun].lemma.lower() in document_nouns:
                        issued_by = resolver.issuer(noun)
                tok = view.tokens[noun]
                head = (tok.start, tok.end)
                named = _with_apposed_name(view, noun, named)
            who = resolver.resolve(named, head=head, enclosing=enclosing, in_quote=in_other_quote)
            if issued_by is not None and who.entity is None:
                who = Speaker(issued_by, issued_by.name, "the issuer of the document a relative clause hangs on")
            # Things never speak; a place speaks only as a government ("according to Kiev"),
            # never "finds" or "supports" in our output.
            titled = head is not None and text[head[0] : head[1]].lower() in lex.person_nouns | lex.org_nouns
            said_by = text[att.source[0] : att.source[1]]
            if who.entity is not None and who.entity.type == "LOC" and att.weak and said_by.lower() in lex.pronouns \
                    and "nearest" in who.how:
                # "if Russia does not help him, it means that it wants …": 'it' is Russia, and a
                # place holds no view of its own; the pronoun stays unnamed rather than wrong.
                who = Speaker(None, said_by, "a place holds no view")
            if who.entity is not None and (who.entity.type == "OTHER" or (att.weak and who.entity.type == "LOC"
                                                                          and not titled and not _in_place(text, att.source))):
                continue  # «власти США считают»: the authorities hold the view, not the place
            in_phrase = [m for m in who.entity.mentions if named[0] <= m.start < named[1]] if who.entity else []
            group_end = None
            if head is not None and who.entity is not None:
                if any(head[1] <= view.tokens[c].start < named[1]
                       # «шоумен и музыкант Валдис Пельш»: a second title before the name is one person.
                       and not (view.tokens[c].pos == "NOUN" and in_phrase and view.tokens[c].start < in_phrase[0].start)
                       for c in view.kids(noun, "conj")):
                    group_end = named[1]  # "he and his entourage can see …"
                elif any(shown[0] <= view.tokens[c].start < shown[1] for c in _listed_names(view, noun, people)):
                    group_end = shown[1]  # "Ben Carson, Ted Cruz and Rand Paul", past the first comma
            if group_end is not None:
                # A group speaks, never one person of it. The rest of the phrase after the name
                # («Ольга Зинякова и директор …»), not its title again.
                rest = max([head[1]] + [m.end for m in in_phrase])
                who = Speaker(None, who.name + text[rest:group_end], "a group: " + who.how)
        if who.entity is None and head is not None and _interlocutor(text, head) and parent_idx is None:
            # «…, — отметил собеседник агентства»: whom the outlet spoke to, the person quoted last.
            last = next((b[1] for b in reversed(said_before)
                         if b[1].entity is not None and b[1].entity.type == "PERSON"), None)
            if last is not None:
                who = replace(last, how="the outlet's interlocutor: the person quoted last")
        if att.how == "ru:hearsay" and who.entity is None and speaker_span is None and said_before \
                and att.content[0] - said_before[-1][0] <= _HEARSAY_REACH:
            who = replace(said_before[-1][1], how="the speaker just before «мол»")  # «…, — ответил посол. Мол, …»
        if who.entity is None and speaker_span is not None and parent_idx is None:
            # "The statement added …", «В сообщении говорится …»: the document of the source just named.
            who = document_author(resolver, att.source, att.source_head, said_before) or who
        elif who.entity is not None and speaker_span is not None and parent_idx is None:
            # "Pow told reporters that he'd back Mr. Moore. “…,” he said.": Pow, not Moore.
            who = continued_speaker(resolver, att.source, att.content, who, said_before) or who
        if who.entity is None and pointed is not None and who.name is not None \
                and who.name.endswith(text[pointed[0] : pointed[1]]):
            # «статью, в которой говорится …»: the antecedent named in the nominative (one noun by
            # the parser's lemma: «статью» is also a form of «стать»; «Фермеры» stays).
            one = [k for k in view.tokens_in(*pointed) if view.tokens[k].pos != "PUNCT"]
            if len(one) == 1 and view.tokens[one[0]].pos == "NOUN":
                nominative = view.tokens[one[0]].lemma if never_nominative(view.tokens[one[0]].text) else None
            elif any(view.tokens[k].pos == "NUM" for k in one):
                nominative = None  # «семь стран, которые говорили …»: a numeral governs the case
            else:
                nominative = nominative_phrase(view, pointed)
            if nominative is not None:
                who = Speaker(None, nominative, who.how + ", in the nominative")
        elif who.entity is None and speaker_span is not None and who.name == speaker_span.text:
            # «по словам военного эксперта»: an unnamed speaker is named in the nominative.
            # After «по словам» or a preposition («заявили в администрации президента») the phrase is oblique.
            governed = att.how == "ru:marker" or _AFTER_PLACE_PREP.search(text[max(0, att.source[0] - 6) : att.source[0]]) is not None
            nominative = nominative_phrase(view, att.source, oblique=governed)
            if nominative is not None:
                who = Speaker(None, nominative, who.how + ", in the nominative")
        cue = Span(att.cue[0], att.cue[1], text[att.cue[0] : att.cue[1]]) if att.cue else None
        quote = Quote(
            id=f"q{len(quotes) + 1}",
            kind=kind,  # type: ignore[arg-type]
            content=Span(att.content[0], att.content[1], text[att.content[0] : att.content[1]]),
            cue=cue,
            speaker=speaker_span,
            speaker_name=display_speaker(who.name),
            speaker_entity=who.entity.id if who.entity else None,
            parent=quotes[parent_idx].id if parent_idx is not None else None,
        )
        quotes.append(quote)
        enclosing_quotes.append(att.content[0], att.content[1])
        speakers.append(who)
        if parent_idx is None:
            said_before.append((max(att.content[1], att.source[1] if att.source else 0), who,
                                view.tokens[view.token_at(att.cue[0])].lemma.lower()
                                if att.cue and view.token_at(att.cue[0]) is not None else "", att.source,
                                att.content))
    return quotes
