"""Russian-style dialogue dashes with no quotation marks:

    — Мы не допустим провокаций, — заявил Лукашенко. — Всё под контролем.

The text between the opening dash and ", —" is the quote; the speech verb after the second
dash gives cue and speaker; text after ". —" continues the same speaker's quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from ..lang import load_list
from ..model import Article
from ..script import is_cyrillic
from ..syntax import SyntaxView
from .direct import speaker_token
from .lexicon import QuoteLexicon
from .marks import never_closes
from .reported import Attribution, not_source_labels, person_words, source_span

_DASHES = "—–"
# ", — " / "! — " / "? — " / "… — " / ". — " between a quote and the author's words (a hyphen
# between spaces stands for a dash in much typed news: ", - заявил он. - ").
_BREAK = re.compile(r"([,!?…]|\.)\s+(?:[—–-]\s+|—(?=[а-яё]))")  # «…, —считает он»: a space lost
# An interview or dialogue transcript: speech shows in a question or a first or second person.
_MIN_LONE_WORDS = 5
_CONTINUED = re.compile(r"[.!?…]\s+[—–-]\s+")
_SPEAKING_RU = "я|мы|ты|вы|меня|мне|нас|нам|вас|вам"  # the first and second person
_SPEECHLIKE = re.compile(rf"\?|(?<!\w)(?:{_SPEAKING_RU})(?!\w)", re.IGNORECASE)


# A line break lost in flattening: two or more spaces after a sentence's end, before a dash or
# a capital.
_FLAT_BREAK = re.compile(r"(?<=[.!?…)»\"])[ \t]{2,}(?=[—–-]\s|[«\"]?[A-ZА-ЯЁ])")


# An interview flattened into one paragraph: a question, then the answer's dash («…регионы? —
# Я думаю, …»). Two of them make the paragraph a transcript whose every «. — Capital» starts a turn.
_QA_TURN = re.compile(r"\?[ \t\u00a0]+[—–][ \t\u00a0]+[«\"]?[А-ЯЁ]")
_MIN_QA_TURNS = 2
_TURN_BREAK = re.compile(r"(?<=[.!?…»\"])[ \t\u00a0]+(?=[—–][ \t\u00a0]+[«\"]?[А-ЯЁ])")


def _lines(article: Article) -> list[tuple[int, int]]:
    """The paragraphs as (start, end), each split where a text whose line breaks were lost
    shows a new line: «…дел.  — Я говорю…» is two lines, and so is every turn of an interview
    flattened into one paragraph («…регионы? — Я думаю, …. — А что дальше? — …»)."""
    text = article.text
    out = []
    for para in article.paragraphs:
        start = para.start
        flat = _QA_TURN.findall(text, para.start, para.end)
        breaks = _TURN_BREAK if len(flat) >= _MIN_QA_TURNS else _FLAT_BREAK
        for m in breaks.finditer(text, para.start, para.end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, para.end))
    return out


def _opens_with_dash(text: str) -> bool:
    """A dialogue line: a dash, or a hyphen and a space, first."""
    return text[:1] in _DASHES or text.startswith("- ")


# An interview line labelled with who asks or answers, then a dash: «„СП“: — …», «Корр.: — …».
# The label is short and is a name or an outlet's initials, not a sentence.
_LABEL = re.compile(r"(?:«(?P<q>[^«»\n]{1,24})»|(?P<w>[A-ZА-ЯЁ][\w.-]{0,15}(?: [A-ZА-ЯЁ][\w.-]{0,15}){0,2}))"
                    r":[ \t\u00a0]*(?=[—–]|- )")


def _label(text: str, start: int, end: int) -> tuple[tuple[int, int], int] | None:
    """(the label's span, where its dash stands) of a labelled interview line, else None."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return None
    group = "q" if m.group("q") is not None else "w"
    return m.span(group), m.end()


def dialogue_attributions(article: Article, view: SyntaxView, lex: QuoteLexicon) -> list[Attribution]:
    """Quotes in paragraphs that open with a dialogue dash and name the speaker after a second dash."""
    text = article.text
    out: list[Attribution] = []
    bare: list[tuple[int, int, int]] = []  # (paragraph number, dash offset, body start) without a remark
    labels: dict[int, tuple[int, int]] = {}  # paragraph number -> its interview label's span
    lines = _lines(article)
    for n, (para_start, para_end) in enumerate(lines):
        labelled = _label(text, para_start, para_end)
        if labelled is not None:
            labels[n], para_start = labelled
        elif not _opens_with_dash(text[para_start:para_end]):
            continue
        body_start = para_start + 1
        while body_start < para_end and text[body_start].isspace():
            body_start += 1
        m = _BREAK.search(text, body_start, para_end)
        cue = None
        if m is not None:
            author_start = m.end()
            cue = _first_speech_verb(view, lex, author_start, min(para_end, author_start + 60)) \
                or _remark_verb(article, view, author_start, para_end)
        if m is None or cue is None:
            bare.append((n, para_start, body_start))
            continue
        verb = view.tokens[cue]
        subj = speaker_token(view, cue)
        src = source_span(view, subj) if subj is not None and view.tokens[subj].start >= author_start else None
        if src is None:
            after = [x for x in article.mentions if verb.end <= x.start <= verb.end + 30 and x.type in ("PERSON", "ORG")]
            src = (after[0].start, after[0].end) if after else None
        content_end = m.start() + (1 if m.group(1) in "!?…" else 0)
        out.append(Attribution((body_start, content_end), (verb.start, verb.end), src, subj, "dialogue"))
        # ". — Всё под контролем." after the attribution continues the quote (a hyphen between
        # spaces stands for the dash here too, as in _BREAK).
        tail = _CONTINUED.search(text, verb.end, para_end)
        if tail is not None and tail.end() < para_end:
            end = para_end
            out.append(Attribution((tail.end(), end), (verb.start, verb.end), src, subj, "dialogue:continued"))
        out += _speech_runs_on(text, lines, n, (verb.start, verb.end), src, subj)
    interviewee = _interviewee(article, lines, bare, labels, next((a for a in out if a.source is not None), None))
    # With two interviewees one after the other, an answer is the one named last before it.
    named = [(a.cue[0], a.source) for a in out if a.source is not None and a.how == "dialogue" and a.cue is not None]
    return out + _transcript_lines(text, lines, bare, voiced=bool(out), labels=labels, interviewee=interviewee,
                                   named=named if interviewee is not None else []) + transcript_turns(article, lines)


# A transcript turn without a dash: "JAKE TAPPER: Donald Trump released …", "Matthews: Well, …". The
# label is a name in capitals, or one to three capitalised words that name a person of the article.
_TURN = re.compile(r"(?P<label>[A-ZА-ЯЁ][\w.'’-]*(?: [A-ZА-ЯЁ][\w.'’-]*){0,3}):[ \t\u00a0]+(?=[\w«\"“‘(\[])")
_MIN_TURNS = 2  # labelled paragraphs that make an article a transcript
_MIN_TURN_WORDS = 2  # words a turn says
# A question, or the first or second person: signs of speech in a transcript.
_TURN_SPEECH = re.compile(rf"\?|(?<!\w)I(?!\w)|(?<!\w)(?i:we|you|me|us|my|our|your|{_SPEAKING_RU})(?!\w)")


def transcript_turns(article: Article, lines: list[tuple[int, int]] | None = None) -> list[Attribution]:
    """Turns of a transcript whose lines open with the speaker's label and a colon, no dash: each
    line's text after the colon is the labelled speaker's; an article needs two such lines."""
    text = article.text
    persons = [m for m in article.mentions if m.type == "PERSON"]
    names = {m.text for m in persons} | {m.text.split()[-1] for m in persons if m.text.split()}
    places = {(m.start, m.end) for m in article.mentions if m.type == "LOC"}
    not_labels = not_source_labels()
    turns = []
    for start, end in lines if lines is not None else _lines(article):
        m = _TURN.match(text, start, end)
        if m is None:
            continue
        label = m.group("label")
        letters = [ch for ch in label if ch.isalpha()]
        shouted = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        if label.lower().rstrip(".") in not_labels or any(ch.isdigit() for ch in label) \
                or m.span("label") in places or not (shouted or label in names):
            continue
        body_end = end
        while body_end > m.end() and text[body_end - 1] in " \t\r\n":
            body_end -= 1
        if len(_WORD.findall(text, m.end(), body_end)) < _MIN_TURN_WORDS:
            continue  # "Hillary Clinton: 1,769.": a tally, not a turn
        colon = m.end("label")
        turns.append(Attribution((m.end(), body_end), (colon, colon + 1), m.span("label"), None, "dialogue:turn"))
    # Lines of a list ("Rubio: Finish second.") have labels too; a transcript shows speech somewhere.
    speech = any(_TURN_SPEECH.search(text, a.content[0], a.content[1]) for a in turns)
    return turns if len(turns) >= _MIN_TURNS and speech else []


def _interviewee(article: Article, lines: list[tuple[int, int]], bare: list[tuple[int, int, int]],
                 labels: dict[int, tuple[int, int]], voiced: Attribution | None) -> tuple[int, int] | None:
    """In an interview whose questions carry the outlet's label («„СП“: — …») and whose answers
    carry none, who answers: the speaker the first answer names after its dash (`voiced`), else
    the person named last in the paragraph right before the first dash line («Экономист Александр
    Бунич сомневается, что … / — Запад, давая деньги …»); None if no line is labelled."""
    if not labels or not bare or all(n in labels for n, _, _ in bare):
        return None
    if voiced is not None:
        return voiced.source  # the first answer named its speaker after a dash
    n = min(n for n, _, _ in bare)
    if n == 0:
        return None
    start, end = lines[n - 1]  # the paragraph that introduces the interviewee, right before
    named = [m for m in article.mentions if m.type == "PERSON" and start <= m.start and m.end <= end]
    return (named[-1].start, named[-1].end) if named else None


def _transcript_lines(text: str, lines: list[tuple[int, int]], bare: list[tuple[int, int, int]],
                      voiced: bool = False, labels: dict[int, tuple[int, int]] | None = None,
                      interviewee: tuple[int, int] | None = None,
                      named: list[tuple[int, tuple[int, int]]] | None = None) -> list[Attribution]:
    """Dash lines with no author's remark, in a run of two or more consecutive paragraphs that
    reads as speech (a question, «я», «вы» …): each line is said by someone; the cue is the dash.
    A run of dash lines without such signs is a list, not a dialogue. In an article whose dash
    lines are `voiced` (others name their speaker after a second dash), a lone dash line of
    whole sentences is speech too: the writer quotes the same way without a remark; so is one
    opening with a capital in any article (a list item opens small or is short). A line
    labelled with its speaker («„СП“: — …») is speech wherever it stands; the label is its source.
    In such an interview an unlabelled line of whole sentences is an answer, by the `interviewee`."""
    labels = labels or {}
    runs: list[list[tuple[int, int, int]]] = []
    for item in bare:
        if runs and runs[-1][-1][0] == item[0] - 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    out = []
    for run in runs:
        paras = [lines[n] for n, _, _ in run]
        # A lone line of whole sentences opening with a capital is a line of speech even with no
        # other dash line to go by (Russian sets a reply off by its dash): a list item starts
        # small or is short.
        lone = len(run) == 1 and _whole_sentences(text, run[0][2], paras[0][1]) and (
            voiced or interviewee is not None or _capital_first(text, run[0][2]))
        labelled = any(n in labels for n, _, _ in run)
        # Known only by its dash: nobody names the voice (extract_quotes drops it around a report).
        how = "dialogue:lone" if lone and not (voiced or interviewee is not None or labelled) else "dialogue:line"
        if not lone and not labelled and (len(run) < 2 or not any(_SPEECHLIKE.search(text, start, end)
                                                                  for start, end in paras)):
            continue
        for (n, dash, body), (_, end) in zip(run, paras):
            while end > body and text[end - 1] in " \t\r\n.":
                end -= 1
            who = interviewee
            if named:
                k = bisect_left([pos for pos, _ in named], dash) - 1
                who = named[k][1] if k >= 0 else interviewee
            if end - body >= 2:
                out.append(Attribution((body, end), (dash, dash + 1), labels.get(n, who), None, how))
            if who is not None and n not in labels:
                out += _answer_runs_on(text, lines, n, (dash, dash + 1), who, labels)
    return out


def _answer_runs_on(text: str, lines: list[tuple[int, int]], n: int, cue: tuple[int, int], who: tuple[int, int],
                    labels: dict[int, tuple[int, int]]) -> list[Attribution]:
    """An interview answer goes on over the paragraphs after its dash line, up to the next
    labelled question: each is the interviewee's too. After the last question the author may
    speak again: the answer goes on over at most three paragraphs, and not into one that names
    the interviewee or opens with a person's title («Эксперт объяснил также, что …»)."""
    out = []
    last = n > max(labels)
    words = _WORD.findall(text[who[0] : who[1]])
    stem = words[-1][:5].lower() if words else None
    for k in range(n + 1, min(len(lines), n + 1 + _AFTER_LAST) if last else max(labels)):
        if k in labels:
            break
        start, end = lines[k]
        if _opens_with_dash(text[start:end]) or _label(text, start, end) is not None:
            break
        para_words = [w.lower() for w in _WORD.findall(text[start:end])]
        if last and (stem is not None and stem in text[start:end].lower()
                     or any(w in person_words() for w in para_words[:3])
                     or any(w.startswith(_narrator_stems()) for w in para_words)):
            break  # the author speaks of the interviewee, or of themself («Автор благодарит собеседника»)
        while end > start and text[end - 1] in " \t\r\n":
            end -= 1
        if end - start >= 2:
            out.append(Attribution((start, end), cue, who, None, "dialogue:continued"))
    return out


_MAX_RUN_ON = 5  # paragraphs a remarked quote may run on over
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _first_person() -> frozenset[str]:
    """Every form of the Russian first-person pronouns: the speaker's own voice in a paragraph."""
    return frozenset(w.lower() for w in load_list("ru", "first_person_forms"))


@lru_cache(maxsize=1)
def _narrator_stems() -> tuple[str, ...]:
    """Word beginnings of the author's narration around an interview («собеседни…», «автор…»)."""
    return tuple(w.lower() for w in load_list("ru", "narrator_stems"))


def _speech_runs_on(text: str, lines: list[tuple[int, int]], n: int, cue: tuple[int, int],
                    src: tuple[int, int] | None, subj: int | None, *, open_to_end: bool = False) -> list[Attribution]:
    """«– …, – говорит Владимир Пастухов. ¶ Я предлагаю сильный центр. …»: the paragraphs right
    after a dash line with a named speaker go on in that speaker's voice while each speaks in the
    first person and names the speaker nowhere (the author's narration names them: «…, Владимир
    Пастухов считает …»); not past a dash line, a labelled line, or five paragraphs. With
    `open_to_end` (a quotation whose « no » ever closes) every paragraph up to such a line, one
    naming the speaker or one shorter than a sentence is the speaker's, first person or not."""
    if src is None:
        return []
    words = _WORD.findall(text[src[0] : src[1]])
    stem = words[-1][:5].lower() if words and words[-1][:1].isupper() else None
    out = []
    for k in range(n + 1, len(lines) if open_to_end else min(len(lines), n + 1 + _MAX_RUN_ON)):
        start, end = lines[k]
        para = text[start:end]
        if not para.strip() and open_to_end:
            continue
        if not para.strip() or _opens_with_dash(para.lstrip()) or _label(text, start, end) is not None:
            break
        if stem is not None and stem in para.lower():
            break  # the author's narration names the speaker: «Сомов покинул студию»
        if not open_to_end and not any(w.lower() in _first_person() for w in _WORD.findall(para)):
            break
        if open_to_end and len(para.split()) < _MIN_LONE_WORDS:
            break  # a short line in the author's voice, a caption or a sign-off
        while end > start and text[end - 1] in " \t\r\n":
            end -= 1
        out.append(Attribution((start, end), cue, src, subj, "dialogue:continued"))
    return out


def open_quotation_runs_on(article: Article, att: Attribution) -> list[Attribution]:
    """«Иван Сомов: «… ¶ Мы …» with its closing mark lost at the paragraph's end: the paragraphs
    after it go on in the speaker's voice as after a remarked dash line (_speech_runs_on)."""
    if att.source is None or att.cue is None:
        return []
    text = article.text
    lines = _lines(article)
    n = next((k for k, (start, end) in enumerate(lines) if start <= att.content[0] < end), None)
    if n is None or text[att.content[1] : lines[n][1]].strip():
        return []  # the quotation stops inside its paragraph: nothing runs on
    # «Иван Сомов: «… to the article's end with no » closing it: an interview answer whose marks
    # stay open; every paragraph after it is inside them (a label's colon right before the «).
    labelled = text[att.cue[0] : att.cue[1]] == ":" and text[att.cue[1] : att.content[0]].strip() == "" \
        and text[att.content[0] : att.content[0] + 1] == "«"
    return _speech_runs_on(text, lines, n, att.cue, att.source, att.source_head,
                           open_to_end=labelled and never_closes(text, att.content[0]))


_AFTER_LAST = 3  # paragraphs an answer after the last question may run on over


def _whole_sentences(text: str, start: int, end: int) -> bool:
    """A line of running prose, not a list item: five words or more, ending a sentence."""
    line = text[start:end].rstrip()
    # «…! — завершил он»: a remark whose verb is no speech verb is still a remark, not speech.
    return len(line.split()) >= _MIN_LONE_WORDS and line.endswith((".", "!", "?", "…")) \
        and _BREAK.search(line) is None


def _capital_first(text: str, start: int) -> bool:
    """The line's first letter (after any opening quotation mark) is a Cyrillic capital: the
    convention is Russian ("— The Associated Press contributed." closes English news)."""
    first = text[start : start + 2].lstrip("«\"„“")[:1]
    return first.isupper() and is_cyrillic(first)


def _remark_verb(article: Article, view: SyntaxView, start: int, end: int) -> int | None:
    """«— …, — считает политический обозреватель Дмитрий Галкин.»: the remark's first word is
    its verb, whatever verb, when a name it says follows it in the remark."""
    first = next(iter(view.tokens_in(start, end)), None)
    if first is None or view.tokens[first].pos not in ("VERB", "AUX"):
        return None
    stop = article.text.find(".", view.tokens[first].end, end)
    stop = end if stop < 0 else stop
    mentions = article.mentions  # sorted by start: only those inside the remark are read
    k = bisect_left(mentions, view.tokens[first].end, key=lambda m: m.start)
    named = any(m.type in ("PERSON", "ORG") and m.end <= stop for m in islice(mentions, k, None) if m.start < stop)
    return first if named else None


def _first_speech_verb(view: SyntaxView, lex: QuoteLexicon, start: int, end: int) -> int | None:
    for i in view.tokens_in(start, end):
        tok = view.tokens[i]
        if tok.pos in ("VERB", "AUX") and tok.lemma.lower() in lex.speech:
            return i
    return None
