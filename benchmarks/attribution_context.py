"""Attribution with less context: each paragraph, or each sentence, analysed alone.

Held-out attribution sets may hold sentences rather than whole articles. This scores an
attribution set (the `rashomon eval quotes --format attribution-set` layout, texts read from
`../shared/data` at run time) three ways: whole articles, each paragraph alone and each sentence
alone (the sentences the pipeline splits the whole article into), every piece analysed as its own
text and its spans put back at the piece's offsets. Content that runs over several sentences is
cut at the sentence edge, so the sentence figures are a floor, not an error rate. With `--clip`
the gold is cut the same way: each attribution keeps only the fragments inside the piece that
holds its cue (its content's start when it has no cue), which is what an annotator of that piece
alone could mark, so the clipped figures estimate a held-out set of single sentences or paragraphs.

    python benchmarks/attribution_context.py [--data benchmarks/attribution_ru] [--split test]
                                             [--modes whole,paragraph,sentence] [--clip] [--json FILE]
    python benchmarks/attribution_context.py --format brat --data ../shared/data/polnear/train --split dev

`--format brat` reads PolNeAR's layout (`rashomon eval quotes --format brat`; `--split dev` or
`rest`, the same file-name split, first annotator), `--limit N` scores the first N documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import Iterator

from rashomon.api import Analyzer
from rashomon.evaluation.attribution_set import read_attribution_set
from rashomon.evaluation.brat import GoldAttribution, GoldDocument, read_brat_dir
from rashomon.ingest.text import article_from_text
from rashomon.model import Quote, Span
from rashomon.quotes.evaluate import score_documents, split_of
from rashomon.settings import load_options

MODES = ("whole", "paragraph", "sentence")


def _shifted(span: Span | None, by: int) -> Span | None:
    return None if span is None else dataclasses.replace(span, start=span.start + by, end=span.end + by)


def _pieces(analyzer: Analyzer, text: str, name: str, mode: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each piece of the text to analyse alone."""
    if mode == "whole":
        yield 0, len(text)
    elif mode == "paragraph":
        for m in re.finditer(r"[^\n]+", text):
            yield m.start(), m.end()
    else:
        whole = analyzer.analyze(article_from_text(text, name, title_from_first_line=False))
        for s in whole.sentences:
            yield s.start, s.end


def _inside(frags: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    """The parts of fragments that lie inside [a, b)."""
    return [(max(s, a), min(e, b)) for s, e in frags if min(e, b) > max(s, a)]


def clipped(gold: GoldDocument, pieces: list[tuple[int, int]]) -> GoldDocument:
    """The gold as an annotator of each piece alone would mark it: every attribution keeps the
    fragments inside the piece holding its cue (its content's start without a cue); one left
    with no content is dropped."""
    out = []
    for att in gold.attributions:
        anchor = min(att.cue or att.content or [(0, 0)])[0]
        piece = next(((a, b) for a, b in pieces if a <= anchor < b), None)
        if piece is None:
            continue
        content = _inside(att.content, *piece)
        if content:
            out.append(GoldAttribution(content=content, cue=_inside(att.cue, *piece),
                                       source=_inside(att.source, *piece)))
    return dataclasses.replace(gold, attributions=out)


def quotes_by_piece(analyzer: Analyzer, text: str, name: str, mode: str,
                    pieces: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotes of every piece analysed alone, at their offsets in the whole text."""
    out: list[Quote] = []
    for a, b in (pieces if pieces is not None else _pieces(analyzer, text, name, mode)):
        if not any(c.isalpha() for c in text[a:b]):
            continue  # a rule, a date line or a number alone: no attribution, and E011 as a text
        art = analyzer.analyze(article_from_text(text[a:b], name, title_from_first_line=False))
        out += [dataclasses.replace(q, content=_shifted(q.content, a), cue=_shifted(q.cue, a),
                                    speaker=_shifted(q.speaker, a)) for q in art.quotes]
    return out


def main(argv: list[str] | None = None) -> int:
    """Print (and optionally write) the six attribution figures per mode."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("benchmarks/attribution_ru"))
    ap.add_argument("--corpora", type=Path, default=Path("../shared/data"))
    ap.add_argument("--format", choices=("attribution-set", "brat"), default="attribution-set")
    ap.add_argument("--split", default="test", help="tune, test or all; dev, rest or all for brat (default test)")
    ap.add_argument("--limit", type=int, help="score only the first N documents")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--clip", action="store_true",
                    help="cut the gold to the piece holding each attribution's cue (paragraph, sentence)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"{args.corpora} is absent: nothing to score", file=sys.stderr)
        return 2
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(MODES)
    if unknown:
        ap.error(f"unknown mode(s) {sorted(unknown)}; choose from {', '.join(MODES)}")
    analyzer = Analyzer(load_options())
    if args.format == "brat":
        docs = [d for d in read_brat_dir(args.data) if args.split == "all" or split_of(d.name) == args.split]
    else:
        docs = list(read_attribution_set(args.corpora, args.data, args.split))
    docs = docs[: args.limit] if args.limit else docs
    results = {}
    for mode in modes:
        pieces = {d.name: list(_pieces(analyzer, d.text, d.name, mode)) for d in docs}
        gold = [clipped(d, pieces[d.name]) for d in docs] if args.clip else docs
        scores = score_documents(gold, lambda text, name, mode=mode: quotes_by_piece(
            analyzer, text, name, mode, pieces[name]))
        results[mode] = scores.as_dict()
        print(f"== {mode}{' (gold clipped to the piece)' if args.clip else ''} ({args.data}, split {args.split})")
        print(scores.table(), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
