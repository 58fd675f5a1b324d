"""Cost of the techniques component as a ratio against the foundation pipeline, same process.

Foundation = segment, langid, parse, entities (what `rashomon analyze` runs before the
later layers). The techniques component then runs on the very same analysed articles;
the ratio printed is (foundation + techniques) / foundation, best of `--rounds`.
The quotes layer is not part of the timing: `quoted` is left as assigned (or empty).
The word-vector caches (the token model's projected vectors and the raw vectors it shares with
the paragraph stage) are emptied before every round, so each round pays for looking up every
distinct word once, as a fresh process would. Texts: the first `--limit` training articles of
PTC-2020 (en) and SemEval-2023 (ru) in ../shared/data, else the seeds in that language's script;
with none, it stops with a message instead of printing a ratio over nothing.

    python benchmarks/techniques_speed.py [--limit 40] [--rounds 3] [--lang en|ru|both] [--paragraph-stage gate|label|off]
                                          [--no-paragraph-encoder]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


def texts_for(lang: str, limit: int) -> list[str]:
    """Training articles from the shared corpora when present, else the seeds in that language's script."""
    folder = DATA / ("ptc2020/train-articles" if lang == "en" else "semeval2023/ru/train-articles-subtask-3")
    files = sorted(folder.glob("article*.txt"))[:limit]
    if files:
        return [p.open(encoding="utf-8", newline="").read() for p in files]
    seeds = [p.open(encoding="utf-8", newline="").read() for p in sorted(SEEDS.glob("*.txt"))]
    return [t for t in seeds if _cyrillic(t) == (lang == "ru")][:limit]


def _cyrillic(text: str) -> bool:
    """Whether most of a text's letters are Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 > len(letters)


def main(argv: list[str] | None = None) -> None:
    """Time foundation vs techniques and print words/s and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lang", default="en", choices=["en", "ru", "both"])
    parser.add_argument("--model", default=None, help="techniques model directory (default: shipped)")
    parser.add_argument("--paragraph-stage", default="label", choices=["gate", "label", "off"],
                        help="the component's paragraph_stage setting (default: label, as shipped)")
    parser.add_argument("--paragraph-encoder", action=argparse.BooleanOptionalAction, default=True,
                        help="the stage with its paragraph-vector feature (techniques.paragraph_encoder; default on, as shipped)")
    args = parser.parse_args(argv)
    langs = ["en", "ru"] if args.lang == "both" else [args.lang]
    corpus = {lang: texts_for(lang, args.limit) for lang in langs}
    for lang, texts in corpus.items():
        if not texts:  # before loading any model: a ratio over no text means nothing
            raise SystemExit(f"techniques_speed: no {lang} texts: neither {DATA} nor {SEEDS} holds any")

    from rashomon import Analyzer
    from rashomon.techniques.component import TechniqueDetector
    from rashomon.techniques.wordvec import WORD_CACHE

    analyzer = Analyzer(components=["segment", "langid", "parse", "entities"])
    detector = TechniqueDetector(args.model, paragraph_stage=args.paragraph_stage,
                                 paragraph_encoder=args.paragraph_encoder).load()
    model = detector.model  # load outside the timing, as a long-lived Analyzer would
    model.word_vectors(["warm"])  # the encoder's embedding table, likewise
    stage = detector._stage()
    if stage is not None and stage.encoder is not None and stage.meta.get("vectors", "sentence") == "sentence":
        from rashomon.techniques.paragraphs import paragraph_vectors

        paragraph_vectors("warm", [(0, 4)])  # the sentence encoder's weights, likewise
    for lang in langs:
        texts = corpus[lang]
        words = sum(len(t.split()) for t in texts)
        best_f = best_t = float("inf")
        for _ in range(args.rounds):
            model.vector_cache.clear()
            WORD_CACHE.clear()  # the raw word vectors both read, likewise
            t0 = time.perf_counter()
            arts = [analyzer.analyze_text(t) for t in texts]
            t1 = time.perf_counter()
            for art in arts:
                detector(art)
            t2 = time.perf_counter()
            best_f, best_t = min(best_f, t1 - t0), min(best_t, t2 - t1)
        n_tech = sum(len(a.techniques) for a in arts)
        print(
            f"{lang}: {len(texts)} texts, {words} words; foundation {words / best_f:,.0f} words/s, "
            f"techniques {words / best_t:,.0f} words/s ({n_tech} spans); "
            f"ratio (foundation+techniques)/foundation = {(best_f + best_t) / best_f:.3f}"
        )


if __name__ == "__main__":
    main()
