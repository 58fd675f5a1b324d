"""Throughput of `analyze` as a ratio against the NLP backend alone, in the same process.

English: rashomon's pipeline vs spaCy's `nlp.pipe` (same pipeline package) on the same texts.
Russian: rashomon's pipeline vs natasha alone (segment, morph, syntax, NER, normal forms).
Machines here are noisy, so only the ratio is meaningful; each side runs `--rounds`
times interleaved and the best round counts.

    python benchmarks/throughput.py [--limit 40] [--rounds 3] [--skip-ru]

It also prints what each component after the foundation (segment, langid, parse, entities)
adds to the foundation's time, on the same texts (quotes: budget 15%; techniques: 25%).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

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


def best_rate(fn, texts: list[str], rounds: int) -> float:  # noqa: ANN001
    """Best words/s over rounds."""
    n = words(texts)
    best = 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(texts)
        best = max(best, n / (time.perf_counter() - t0))
    return best


def race(head: str, texts: list[str], rounds: int, baseline: tuple, label: str, ours) -> None:  # noqa: ANN001
    """Print the best words/s of a (name, label, fn) baseline and of `ours` on the same texts, and their ratio."""
    name, base_label, base_fn = baseline
    base = best_rate(base_fn, texts, rounds)
    mine = best_rate(ours, texts, rounds)
    print(head)
    print(f"  {base_label}{base:,.0f} words/s")
    print(f"  {label}{mine:,.0f} words/s")
    print(f"  ratio rashomon/{name} = {mine / base:.2f}")


def component_overheads(foundation, texts: list[str], rounds: int) -> None:  # noqa: ANN001
    """Time of each later configured component, as a share of the foundation's time."""
    from rashomon import Analyzer
    from rashomon.ingest.text import article_from_text

    configured = foundation.options.pipeline.components
    extra = [c for c in configured if c not in foundation.pipeline.names]
    if not extra:
        return
    full = Analyzer(components=foundation.pipeline.names + extra)
    full.pipeline.components[: len(foundation.pipeline.components)] = foundation.pipeline.components
    arts = [foundation.analyze(article_from_text(t, f"t{i}")) for i, t in enumerate(texts)]
    base = best_time(lambda: [foundation.analyze(article_from_text(t, "x")) for t in texts], rounds)
    print(f"  foundation pipeline: {base:.2f} s for these texts")
    for comp in full.pipeline.components[len(foundation.pipeline.components):]:
        def run(comp=comp):  # noqa: ANN001, ANN202
            for art in arts:
                comp(art)
        spent = best_time(run, rounds)
        print(f"  + {comp.name}: {spent:.2f} s = {100 * spent / base:.1f}% of the foundation's time")


def best_time(fn, rounds: int) -> float:  # noqa: ANN001
    """Best wall time over rounds."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    """Run the benchmark and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-ru", action="store_true")
    args = parser.parse_args()

    from rashomon import Analyzer
    from rashomon.backends.natasha_ru import NatashaBackend

    foundation = ["segment", "langid", "parse", "entities"]
    analyzer = Analyzer(components=foundation)
    parse = next(c for c in analyzer.pipeline.components if c.name == "parse")
    nlp = parse.en.nlp  # the very same spaCy pipeline object

    def ours(texts: list[str]) -> None:
        for text in texts:
            analyzer.analyze_text(text)

    def spacy_alone(texts: list[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=analyzer.options.models.batch_size):
            pass

    en, en_desc = english_texts(args.limit)
    ours(en[:2])  # warm-up: lazy loads, caches
    spacy_alone(en[:2])
    race(f"english: {en_desc}, {words(en)} words, pipeline {' -> '.join(analyzer.pipeline.names)}", en, args.rounds,
         ("spaCy", f"spaCy {nlp.meta['name']} nlp.pipe alone: ", spacy_alone), f"rashomon analyze:{' ' * 17}", ours)
    component_overheads(analyzer, en, args.rounds)

    if args.skip_ru:
        return
    natasha = parse.ru if isinstance(parse.ru, NatashaBackend) else NatashaBackend()
    ru, ru_desc = russian_texts(args.limit)

    def natasha_alone(texts: list[str]) -> None:
        for text in texts:
            natasha.parse(text)

    ours(ru[:2])
    race(f"russian: {ru_desc}, {words(ru)} words", ru, args.rounds,
         ("natasha", "natasha alone:    ", natasha_alone), "rashomon analyze: ", ours)


if __name__ == "__main__":
    main()
