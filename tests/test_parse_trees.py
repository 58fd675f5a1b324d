"""The parser hands every later layer one tree per sentence, whatever its backend emits.

A fake backend emits head cycles, self-loops, two roots and out-of-range heads; the whole
default pipeline then runs, in a forked child under a hard timeout and memory cap, on
English and Russian text. A second run skips the repair (raw heads written back after
parsing) to check that every walk over heads is bounded on its own.
"""

from __future__ import annotations

import multiprocessing
import re
import resource
import traceback
from typing import Callable

import pytest

from rashomon.backends import ParsedText, ParsedToken
from rashomon.trees import tree_problems

from tests.conftest import DATA, need

TIMEOUT = 120  # seconds per pipeline run: generous, a hang guard and not a speed test
MEMORY = 3 << 30  # bytes over the parent's address space a child may add

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_VERBS = {"said": "say", "says": "say", "told": "tell", "заявил": "заявить", "сказал": "сказать",
          "сообщил": "сообщить"}


class MalformedBackend:
    """Real offsets, wrong heads: each sentence gets one of four broken shapes in turn."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.raw: dict[str, list[int]] = {}  # text -> paragraph-local heads as emitted (the parser repairs in place)

    def parse_many(self, texts: list[str]) -> list[ParsedText]:
        """Parse paragraphs, recording each text and the heads emitted for it."""
        out = [self.parse(t) for t in texts]
        self.texts += texts
        for text, parsed in zip(texts, out):
            self.raw[text] = [t.head for t in parsed.tokens]
        return out

    def parse(self, text: str) -> ParsedText:
        """One paragraph: regex sentences and tokens, capitalised words as PERSON entities."""
        out = ParsedText()
        for m in _SENTENCE.finditer(text):
            words = list(_TOKEN.finditer(text, m.start(), m.end()))
            if not words:
                continue
            si, base = len(out.sentences), len(out.tokens)
            out.sentences.append((words[0].start(), words[-1].end()))
            heads, deps = _broken_shape(si, [w.group() for w in words])
            for w, h, d in zip(words, heads, deps):
                word = w.group()
                low = word.lower()
                pos = "VERB" if low in _VERBS else "PUNCT" if not word[0].isalnum() else \
                    "PROPN" if word[0].isupper() else "NOUN"
                head = base + h if 0 <= h < len(words) else h  # out-of-range heads stay out of range
                out.tokens.append(ParsedToken(w.start(), w.end(), _VERBS.get(low, low), pos, d, head, si))
                if word[0].isupper() and word.isalpha() and w.start() > m.start():
                    out.ents.append((w.start(), w.end(), "PERSON" if word.isascii() else "PER", word))
        return out


def _kinds(parsed: ParsedText) -> set[str]:
    """Which malformations a parse holds, found independently of rashomon.trees."""
    kinds = set()
    heads, sents = [t.head for t in parsed.tokens], [t.sent for t in parsed.tokens]
    n = len(heads)
    roots: dict[int, int] = {}
    for i, h in enumerate(heads):
        if not 0 <= h < n:
            kinds.add("out of range")
        elif h == i:
            roots[sents[i]] = roots.get(sents[i], 0) + 1
    if any(k > 2 for k in roots.values()):
        kinds.add("self-loops")
    if any(k == 2 for k in roots.values()):
        kinds.add("two roots")
    for i in range(n):
        j, steps = i, 0
        while 0 <= heads[j] < n and heads[j] != j and steps <= n:
            j, steps = heads[j], steps + 1
        if steps > n:
            kinds.add("cycle")
    return kinds


def _broken_shape(si: int, words: list[str]) -> tuple[list[int], list[str]]:
    """Sentence-local heads and labels for shape si % 4 (cycle, self-loops, two roots, out of range)."""
    m = len(words)
    verb = next((i for i, w in enumerate(words) if w.lower() in _VERBS), m // 2)
    deps = ["nsubj" if i < verb else "ccomp" if i == verb + 1 else "root" if i == verb else "obj" for i in range(m)]
    shape = si % 4
    if shape == 0:  # the verb and its clause head each other: subtree(ccomp) never ended
        heads = [verb if i != verb else min(verb + 1, m - 1) for i in range(m)]
        heads = [h if i != verb + 1 else verb for i, h in enumerate(heads)]
        for i in range(verb + 2, m):
            heads[i] = verb + 1
    elif shape == 1:  # every token heads itself
        heads, deps = list(range(m)), ["root"] * m
    elif shape == 2:  # two roots, a chain between them
        heads = [i - 1 if i else 0 for i in range(m)]
        heads[m // 2] = m // 2
        deps[m // 2] = "root"
    else:  # heads off both ends of the paragraph
        heads = [-7 if i % 2 else 10_000_000 + i for i in range(m)]
    return heads, deps


EN = (
    "Lawmakers Debate Budget\n"
    "Minister John Smith said that the plan failed badly in March. The mayor told reporters the bridge was closed! "
    "Critics said the deal is a provocation? Officials said: “We will respond to 200 attacks.”\n"
    "According to Anna Brown, prices rose by 30 percent on 12 March 2021, as Smith said.\n"
    "“This is a disgrace,” said Mary Jones, who told the committee that the so-called reform is a lie."
)
RU = (
    "Бюджет обсудили в Думе\n"
    "Министр Иван Петров заявил, что план провалился в марте. Мэр сказал журналистам, что мост закрыт! "
    "Критики заявил, что сделка является провокацией? Чиновники сообщил: «Мы ответим на 200 атак».\n"
    "По словам Анны Смирновой, цены выросли на 30 процентов 12 марта 2021 года, как сказал Петров.\n"
    "«Это позор», — заявил Сергей Иванов, который сказал комиссии, что так называемая реформа является ложью."
)


def _bounded(fn: Callable[[], object], timeout: float = TIMEOUT) -> object:
    """Run fn in a forked child with a memory cap; fail the test if it hangs or raises."""
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    vm = int(next(line for line in open("/proc/self/status") if line.startswith("VmSize")).split()[1]) * 1024

    def child() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (vm + MEMORY, vm + MEMORY))
        try:
            send.send(("ok", fn()))
        except BaseException:  # noqa: BLE001 - report any failure to the parent
            send.send(("error", traceback.format_exc()))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    got = recv.poll(timeout)
    if not got:
        proc.kill()
        proc.join()
        pytest.fail(f"did not finish within {timeout} s (a head walk that never ends?)")
    status, value = recv.recv()
    proc.join()
    assert status == "ok", value
    return value


def _analyzer_with(backend: MalformedBackend):  # noqa: ANN202 - rashomon.Analyzer
    from rashomon import Analyzer

    an = Analyzer()
    parser = next(c for c in an.pipeline.components if c.name == "parse")
    parser._en = backend
    parser._ru = backend
    return an, parser


def _sentence_trees(article) -> list[str]:  # noqa: ANN001
    return tree_problems([t.head for t in article.tokens], [t.sent for t in article.tokens])


def test_parse_trees_fake_backend_emits_every_malformation():
    backend = MalformedBackend()
    kinds = set().union(*(_kinds(backend.parse(para)) for t in (EN, RU) for para in t.splitlines()))
    assert kinds == {"cycle", "self-loops", "two roots", "out of range"}


class StrayBackend(MalformedBackend):
    """Also stray sentence indices, and one paragraph with tokens but no sentences."""

    def parse(self, text: str) -> ParsedText:
        """The malformed parse, then every third token in sentence 99 or -2."""
        out = super().parse(text)
        for i, t in enumerate(out.tokens):
            if i % 3 == 2:
                t.sent = 99 if i % 2 else -2
        if text.startswith("According"):
            out.sentences.clear()
        return out


@pytest.mark.parametrize("max_chars", [20_000, 60])
def test_parse_trees_parser_repairs_without_models(max_chars):
    from rashomon.parse import Parser
    from rashomon.segment import ParagraphSegmenter
    from rashomon.settings import load_options
    from rashomon.model import Article

    art = ParagraphSegmenter()(Article(id="stray", text=EN))
    for para in art.paragraphs:
        para.language = "en"
    parser = Parser(load_options().models, max_chars=max_chars)
    parser._en = StrayBackend()
    parser(art)
    art.check_spans()
    assert len(art.tokens) == len(_TOKEN.findall(EN))
    assert all(0 <= t.sent < len(art.sentences) for t in art.tokens)
    assert all(art.sentences[t.sent].start <= t.start for t in art.tokens)
    assert _sentence_trees(art) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, language", [(EN, "en"), (RU, "ru")], ids=["en", "ru"])
def test_parse_trees_malformed_backend_full_pipeline(text, language):
    backend = MalformedBackend()
    an, parser = _analyzer_with(backend)
    parser.max_chars = 90  # long paragraphs go in pieces too, so joined pieces are repaired as well

    def run() -> dict:
        art = an.analyze_text(text)  # runs every component, then check_spans()
        toks = art.tokens
        return {"done": list(art.done), "language": art.language, "problems": _sentence_trees(art),
                "root_labels": sorted({t.dep for i, t in enumerate(toks) if t.head == i}),
                "tokens": len(toks), "longest": max(len(t) for t in backend.texts)}

    got = _bounded(run)
    assert got["language"] == language
    assert got["done"] == an.pipeline.names  # every component ran to the end
    assert got["tokens"] > 50
    assert got["problems"] == []
    assert got["root_labels"] == ["root"]  # the backend's own spelling of the root label
    assert got["longest"] <= 90


@pytest.mark.slow
@pytest.mark.parametrize("text", [EN, RU], ids=["en", "ru"])
def test_parse_trees_walks_bounded_without_repair(text):
    """Second line of defence: the raw cyclic heads written back after parsing; later layers still end."""
    backend = MalformedBackend()
    an, _ = _analyzer_with(backend)

    def run() -> list[str]:
        from rashomon.ingest.text import article_from_text

        art = article_from_text(text, "<cyclic>")
        comps = an.pipeline.components
        cut = [c.name for c in comps].index("parse") + 1
        for comp in comps[:cut]:
            art = comp(art)
            art.done.append(comp.name)
        base = 0
        for para in art.paragraphs:  # paragraph-local raw heads -> article indices, in-range ones only
            raw = backend.raw[para.text]
            for k, h in enumerate(raw):
                if 0 <= h < len(raw):
                    art.tokens[base + k].head = base + h
            base += len(raw)
        assert base == len(art.tokens)
        assert any("cycle" in p for p in _sentence_trees(art)), "the raw heads should hold cycles"
        for comp in comps[cut:]:
            art = comp(art)
            art.done.append(comp.name)
        art.check_spans()
        return art.done

    assert _bounded(run) == an.pipeline.names


# Real Russian articles whose natasha parse has a head cycle under a speech verb: before the
# repair, `rashomon analyze` never finished them (SyntaxView.subtree looped, memory grew).
# Found by running all 223 SemEval-2023 ru training articles and tgcontest texts with a 60 s
# limit (20 stuck in subtree; one more, article2489, was only slow); read at run time.
HUNG_SEMEVAL_RU = (
    "article24103.txt", "article24104.txt", "article24109.txt", "article24111.txt", "article24128.txt",
    "article24153.txt", "article2416.txt", "article24172.txt", "article2419.txt", "article2441.txt",
    "article2450.txt", "article2477.txt", "article2485.txt", "article2486.txt", "article2490.txt",
    "article2491.txt",
)
HUNG_TGCONTEST = (  # (line of pairs.jsonl, side)
    (9, "first"), (16, "first"), (34, "first"), (36, "first"),
)


def _hung_texts() -> list[tuple[str, str]]:


    out = []
    folder = need(DATA / "semeval2023" / "ru" / "train-articles-subtask-3")
    for name in HUNG_SEMEVAL_RU:
        with open(folder / name, encoding="utf-8", newline="") as f:  # CRLF: keep offsets
            out.append((name, f.read()))
    if HUNG_TGCONTEST:
        import json

        lines = need(DATA / "tgcontest_ru_dev" / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
        for line, side in HUNG_TGCONTEST:
            pair = json.loads(lines[line])
            out.append((f"tgcontest:{line}:{side}", pair[f"{side}_title"] + "\n" + pair[f"{side}_text"]))
    return out


@pytest.mark.slow
def test_parse_trees_real_articles_that_hung_now_finish(analyzer):
    texts = _hung_texts()
    analyzer.analyze_text("Министр заявил, что мост закрыт. The minister said the bridge was closed.")  # load models once

    for name, text in texts:
        def run(text: str = text) -> tuple[int, list[str]]:
            art = analyzer.analyze_text(text, source=name)  # check_spans() included
            return len(art.quotes), _sentence_trees(art)

        quotes, problems = _bounded(run, timeout=300)  # 5-60 s each on a loaded 2-core machine
        assert problems == [], name
        assert quotes > 0, name  # the speech verbs whose walk hung still yield their quotes
