"""Throughput of the full default pipeline (`rashomon analyze`) against its NLP backend alone, in one process.

English: `Analyzer(load_options()).analyze` per article, every default component, vs spaCy's
`nlp.pipe` alone: the same pipeline package, loaded as spaCy loads it (rashomon's copy has a
faster attribute-ruler matcher, backends/ruler.py), on the same texts; and, stricter, on the
paragraphs rashomon's parser feeds it. Russian: the same analyser vs natasha alone as its
README runs it (segment, morphology, syntax, NER, every token's lemma, every span's normal
form), with models and caches of its own, and OpenBLAS held to one thread for both (`rashomon.threads`).
Machines here are noisy and shared, so only the ratio is meaningful: the two sides run
`--rounds` times interleaved and each side's best round counts, by wall time and by this
process's CPU time (steadier when other jobs share the cores).

    python benchmarks/throughput.py [--limit 40] [--rounds 3] [--skip-ru] [--skip-en] [--fresh]

`--fresh` (Russian): the same rounds repeat the same articles, so the backend's word memos are
warm from round two on; with it every round is on articles neither side has seen, and the ratio
is of the totals.

With the ratio it prints where the pipeline's time goes: CPU seconds per component in the
best round by CPU (`Pipeline.timings` read with `time.process_time`), and the share of each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


def english_texts(limit: int) -> tuple[list[str], str]:
    """PTC-2020 training articles when present, else the seeds and our fixtures."""
    ptc = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))
    if ptc:
        return [p.read_text(encoding="utf-8") for p in ptc[:limit]], f"{min(limit, len(ptc))} PTC-2020 articles"
    files = sorted(SEEDS.glob("*.txt")) + [FIXTURES / "en_summit.txt"]
    return [p.read_text(encoding="utf-8") for p in files if p.exists()] * 5, "seeds+fixture x5"


def russian_texts(limit: int) -> tuple[list[str], str]:
    """SemEval-2023 Russian training articles when present, else our fixture."""
    ru = sorted((DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))
    if ru:
        texts = [p.open(encoding="utf-8", newline="").read() for p in ru[:limit]]
        return texts, f"{len(texts)} SemEval-2023 ru articles"
    return [(FIXTURES / "ru_summit.txt").read_text(encoding="utf-8")] * 20, "ru fixture x20"


def words(texts: list[str]) -> int:
    """Whitespace-separated words."""
    return sum(len(t.split()) for t in texts)


def race(texts: list[str], rounds: int, sides: dict[str, Callable[[list[str]], object]]) -> dict[str, tuple[float, float]]:
    """Best (wall, CPU) seconds of each side over `rounds` interleaved rounds (side order alternates).

    Both sides run in this one thread with numeric libraries held to one thread, so this
    process's CPU time is their work; on a shared machine it varies far less than wall time.
    Each round's CPU seconds per side are kept in `ROUNDS` for `paired_ratios`.
    """
    best = {name: (float("inf"), float("inf")) for name in sides}
    names = list(sides)
    ROUNDS.clear()
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            t0, c0 = time.perf_counter(), time.process_time()
            sides[name](texts)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
            ROUNDS.setdefault(name, []).append(cpu)
    return best


# CPU seconds of each side in each round of the last `race`.
ROUNDS: dict[str, list[float]] = {}


def paired_ratios(baseline: str, ours: str = "full pipeline") -> list[float]:
    """Per round, the baseline's CPU time over ours: the two run back to back, so a machine that
    slows down for minutes (these are shared) moves both sides of a round together, where the
    best rounds of each side may come from different minutes."""
    return [b / o for b, o in zip(ROUNDS.get(baseline, []), ROUNDS.get(ours, [])) if o > 0]


def race_fresh(chunks: list[list[str]], sides: dict[str, Callable[[list[str]], object]]) -> dict[str, tuple[float, float]]:
    """Summed (wall, CPU) seconds of each side over the chunks, each round on texts neither side has
    seen (side order alternates): warm memos can only come from earlier, different articles."""
    ROUNDS.clear()  # totals of different articles per round: no pairs to report
    total = {name: (0.0, 0.0) for name in sides}
    names = list(sides)
    for r, chunk in enumerate(chunks):
        for name in names if r % 2 == 0 else names[::-1]:
            t0, c0 = time.perf_counter(), time.process_time()
            sides[name](chunk)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            total[name] = (total[name][0] + wall, total[name][1] + cpu)
    return total


class Full:
    """The full default pipeline, as `rashomon analyze` runs it, keeping the per-step times of its best round."""

    def __init__(self) -> None:
        from rashomon import Analyzer, load_options

        self.analyzer = Analyzer(load_options())
        self.pipeline = self.analyzer.load()
        self.pipeline.clock = time.process_time  # per-step CPU time: steadier than wall on a shared machine
        self.reset()

    def reset(self) -> None:
        """Forget the best round (after a warm-up, between languages)."""
        self.best_total = float("inf")
        self.best_steps: dict[str, float] = {}

    def __call__(self, texts: list[str]) -> None:
        steps: dict[str, float] = {}
        self.pipeline.timings = steps
        t0 = time.process_time()
        try:
            for text in texts:
                self.analyzer.analyze_text(text)
        finally:
            self.pipeline.timings = None
        total = time.process_time() - t0
        if total < self.best_total:
            self.best_total, self.best_steps = total, steps

    def breakdown(self) -> None:
        """CPU seconds per component in the best round, and what is left (span checks, ingest)."""
        total = self.best_total
        for name, spent in self.best_steps.items():
            print(f"    {name:<11} {spent:7.2f} CPU-s  {100 * spent / total:5.1f}%")
        rest = total - sum(self.best_steps.values())
        print(f"    {'(rest)':<11} {rest:7.2f} CPU-s  {100 * rest / total:5.1f}%   reading text, span checks")


def report(head: str, n_words: int, best: dict[str, tuple[float, float]], full: Full, label: str = "best round") -> None:
    """Words/s of each side, the full pipeline's ratio to each baseline and its breakdown."""
    print(head)
    for name, (wall, cpu) in best.items():
        print(f"  {name:<40} {n_words / wall:9,.0f} words/s  ({label} {wall:.2f} s wall, {cpu:.2f} s CPU)")
    ours = best["full pipeline"]
    for name, (wall, cpu) in best.items():
        if name != "full pipeline":
            print(f"  ratio full pipeline / {name} = {wall / ours[0]:.2f} by wall time, {cpu / ours[1]:.2f} by CPU time")
            paired = sorted(paired_ratios(name))
            if paired:
                print(f"    per round, by CPU time (back-to-back pairs): median {statistics.median(paired):.2f}, "
                      f"range {paired[0]:.2f}-{paired[-1]:.2f} over {len(paired)} rounds")
    print("  full pipeline, per step (CPU time, best round):")
    full.breakdown()


def main() -> None:
    """Run the benchmark and print the ratios and breakdowns."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-ru", action="store_true")
    parser.add_argument("--skip-en", action="store_true")
    parser.add_argument("--fresh", action="store_true",
                        help="Russian: each round on articles not seen before (memos warm only from earlier "
                             "articles), totals instead of best rounds")
    parser.add_argument("--paragraphs", action="store_true",
                        help="also time spaCy alone on the paragraphs the parser feeds it (a stricter baseline)")
    args = parser.parse_args()

    from rashomon.threads import loaded_openblas, single_threaded

    single_threaded()
    full = Full()
    parse = next(c for c in full.pipeline.components if c.name == "parse")
    print(f"pipeline: {' -> '.join(full.pipeline.names)}; OpenBLAS libraries held to one thread: "
          f"{single_threaded()} of {len(loaded_openblas())}")

    if not args.skip_en:
        import spacy

        from rashomon.backends.spacy_en import BATCH_CHARS, char_batches

        ours = parse.en.nlp
        nlp = spacy.load(f"{ours.meta['lang']}_{ours.meta['name']}")  # the same package, stock
        batch_size = full.analyzer.options.models.batch_size

        def spacy_alone(texts: list[str]) -> None:
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass

        def spacy_paragraphs(texts: list[str]) -> None:
            paras = [line for text in texts for line in text.splitlines() if line.strip()]
            for group in char_batches(paras, batch_size, BATCH_CHARS):
                for _ in nlp.pipe(group, batch_size=len(group)):
                    pass

        en, en_desc = english_texts(args.limit)
        full(en[:2])  # warm-up: lazy loads, caches
        spacy_alone(en[:2])
        full.reset()
        side = f"spaCy {nlp.meta['name']} nlp.pipe alone"
        sides = {side: spacy_alone, "full pipeline": full}
        if args.paragraphs:
            sides["spaCy alone on the parser's paragraphs"] = spacy_paragraphs
        best = race(en, args.rounds, sides)
        report(f"english: {en_desc}, {words(en)} words, {args.rounds} interleaved rounds",
               words(en), best, full)

    if not args.skip_ru:
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        # Stock natasha objects of its own: rashomon's backend memoises inside its copies
        # (backends/natasha_ru.py), and the baseline must not share that work or those caches.
        emb = NewsEmbedding()
        nat = SimpleNamespace(segmenter=Segmenter(), morph=NewsMorphTagger(emb), syntax=NewsSyntaxParser(emb),
                              ner=NewsNERTagger(emb), morph_vocab=MorphVocab())
        parse.ru  # noqa: B018 - load rashomon's copy too, before any round

        def natasha_alone(texts: list[str]) -> None:
            for text in texts:
                doc = Doc(text)
                doc.segment(nat.segmenter)
                doc.tag_morph(nat.morph)
                doc.parse_syntax(nat.syntax)
                doc.tag_ner(nat.ner)
                for tok in doc.tokens:
                    try:
                        tok.lemmatize(nat.morph_vocab)
                    except ValueError:  # letters without a Unicode name (see backends/natasha_ru.py)
                        pass
                for span in doc.spans:
                    try:
                        span.normalize(nat.morph_vocab)
                    except ValueError:
                        pass

        side = "natasha alone (one thread)"
        if args.fresh:
            # Warm-up on texts outside the timed chunks, then every round on new articles.
            ru, ru_desc = russian_texts(args.limit * args.rounds + 2)
            full(ru[-2:])
            natasha_alone(ru[-2:])
            full.reset()
            chunks = [ru[r * args.limit:(r + 1) * args.limit] for r in range(args.rounds)]
            timed = [t for chunk in chunks for t in chunk]
            best = race_fresh(chunks, {side: natasha_alone, "full pipeline": full})
            report(f"russian: {len(timed)} of {ru_desc}, {words(timed)} words, {args.rounds} rounds on new "
                   f"articles each (totals)", words(timed), best, full, label="all rounds")
            return
        ru, ru_desc = russian_texts(args.limit)
        full(ru[:2])
        natasha_alone(ru[:2])
        full.reset()
        best = race(ru, args.rounds, {side: natasha_alone, "full pipeline": full})
        report(f"russian: {ru_desc}, {words(ru)} words, {args.rounds} interleaved rounds",
               words(ru), best, full)


if __name__ == "__main__":
    main()
