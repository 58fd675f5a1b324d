"""`compare` on real news that no divergence was annotated in: every candidate conflict, scored
against a reviewer's verdicts (offsets and labels only, `benchmarks/compare_fresh/verdicts.jsonl`).

The divergence dev set (`rashomon eval compare`) measures precision and recall on same-story units
annotated in advance. This benchmark measures what an analyst meets on a corpus: the conflicts
`compare` makes over whole collections of real articles, each judged genuine or not by reading
it in context. Three collections, texts read from `../shared/data` at run time:

- `polnear`: PolNeAR's training texts (US election news of 2015-2016), compared month by month,
  outlet and publication day taken from the file names;
- `semeval-en`, `semeval-ru`: the SemEval-2023 task 3 training articles of each language,
  compared as one corpus each (they carry no publication dates).

    python benchmarks/compare_fresh.py [--cache DIR] [--jobs 2] [--unjudged FILE] [--json FILE] [--samples FILE]

It prints, per collection and kind, how many candidates there are (at `--min-confidence`, 0 by
default, so every candidate is scored), how many a verdict covers, how many of those are
genuine, and how many would be shown at the packaged threshold. `--unjudged FILE` writes the
candidates no verdict covers, with their context, for a reviewer (the file holds corpus text:
keep it out of the repository). A verdict covers a candidate when its two documents are the
candidate's (either order) and each span overlaps the candidate's position on its side.
`--samples FILE` writes the judged candidates' kinds, features and verdicts, which the packaged
confidence table pools with the dev set's tuning half (`rashomon eval compare --split tune
--calibrate … --extra-samples FILE`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
VERDICTS = ROOT / "benchmarks" / "compare_fresh" / "verdicts.jsonl"
COLLECTIONS = ("polnear", "semeval-en", "semeval-ru")


@dataclass
class Candidate:
    """One conflict as scored: where it is and what `compare` said of it."""

    collection: str
    kind: str
    confidence: float
    rebuttal: bool
    why: str
    positions: list[tuple[str, int, int]]
    features: dict[str, float]


def _documents(data: Path, collection: str) -> dict[str, list[tuple[str, str, dict[str, str]]]]:
    """Groups compared together: group name -> [(document id, text, metadata)]."""
    groups: dict[str, list[tuple[str, str, dict[str, str]]]] = defaultdict(list)
    if collection == "polnear":
        for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
            outlet, day = path.name.split("_")[:2]
            groups[day[:7]].append((path.stem, path.read_text(encoding="utf-8"), {"outlet": outlet, "published": day}))
    else:
        lang = collection.split("-")[1]
        for path in sorted((data / "semeval2023" / lang / "train-articles-subtask-3").glob("*.txt")):
            groups["all"].append((path.stem, path.read_bytes().decode("utf-8"), {}))
    return dict(groups)


def _analysed(data: Path, collection: str, jobs: int, cache: Path | None) -> dict[str, list]:
    """The collection's analysed articles by group (from the cache when it has them)."""
    from rashomon.api import Analyzer
    from rashomon.ingest.text import article_from_text
    from rashomon.model import Article
    from rashomon.settings import load_options

    path = cache / f"{collection}.pkl" if cache else None
    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    groups = _documents(data, collection)
    items, group_of = [], {}
    for group, docs in groups.items():
        for doc_id, text, meta in docs:
            art = article_from_text(text, doc_id, title_from_first_line=True)
            art.id = doc_id
            art.outlet, art.published = meta.get("outlet"), meta.get("published")
            items.append(art)
            group_of[doc_id] = group
    out: dict[str, list] = defaultdict(list)
    done = 0
    for art in Analyzer(load_options()).pipe(items, jobs=jobs):
        done += 1
        if isinstance(art, Article):
            out[group_of[art.id]].append(art)
        else:
            print(f"  {collection}: not analysed: {art}", file=sys.stderr)
        if done % 100 == 0:
            print(f"  {collection}: {done}/{len(items)} analysed", file=sys.stderr)
    result = dict(out)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(result))
    return result


def candidates(data: Path, collection: str, jobs: int, cache: Path | None, min_confidence: float) -> tuple[list[Candidate], dict[str, str]]:
    """Every conflict `compare` makes in the collection, and each document's text."""
    from rashomon.compare import compare_articles

    out, texts = [], {}
    for _group, arts in sorted(_analysed(data, collection, jobs, cache).items()):
        texts.update({a.id: a.text for a in arts})
        for c in compare_articles(arts, min_confidence=min_confidence).conflicts:
            out.append(Candidate(collection, c.kind, c.confidence, bool(c.features.get("rebuttal")), c.why,
                                 [(p.article, p.start, p.end) for p in c.positions], dict(c.features)))
    return out, texts


def read_verdicts(path: Path) -> list[dict]:
    """The reviewer's verdicts: collection, kind, two sides (doc, start, end) and genuine."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlaps(pos: tuple[str, int, int], side: dict) -> bool:
    return pos[0] == side["doc"] and pos[1] < side["end"] and side["start"] < pos[2]


def verdict_of(cand: Candidate, verdicts: list[dict]) -> bool | None:
    """The verdict covering a candidate (genuine or not), None when no verdict covers it."""
    if len(cand.positions) != 2:
        return None
    a, b = cand.positions
    for v in verdicts:
        if v["collection"] == cand.collection and (
                (_overlaps(a, v["a"]) and _overlaps(b, v["b"])) or (_overlaps(a, v["b"]) and _overlaps(b, v["a"]))):
            return bool(v["genuine"])
    return None


def group_name(cand: Candidate) -> str:
    """The calibration group's name: rebuttals apart from other polarity conflicts."""
    return f"{cand.kind}:rebuttal" if cand.rebuttal else cand.kind


def report(cands: list[Candidate], verdicts: list[dict], threshold: float) -> dict:
    """Per collection and group: candidates, judged, genuine, shown at the threshold (and genuine there)."""
    rows: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cands:
        v = verdict_of(c, verdicts)
        for key in ((c.collection, group_name(c)), (c.collection, "all"), ("all", group_name(c)), ("all", "all")):
            row = rows[key]
            row["candidates"] += 1
            row["judged"] += v is not None
            row["genuine"] += v is True
            row["shown"] += c.confidence >= threshold
            row["shown_genuine"] += c.confidence >= threshold and v is True
            row["shown_judged"] += c.confidence >= threshold and v is not None
    return {f"{col}/{grp}": dict(row) for (col, grp), row in sorted(rows.items())}


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " ")


def main() -> int:
    """Run the benchmark; print the table (and write JSON / unjudged candidates when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--verdicts", type=Path, default=VERDICTS)
    parser.add_argument("--collection", action="append", choices=COLLECTIONS, help="only this collection (repeatable)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="keep the analysed articles here (pickles) for later runs")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="score candidates at or above this")
    parser.add_argument("--unjudged", type=Path, help="write the candidates no verdict covers, in context, here")
    parser.add_argument("--json", type=Path, help="write the table as JSON here")
    parser.add_argument("--samples", type=Path,
                        help="write each judged candidate's kind, features and verdict here (JSON lines), for "
                             "`rashomon eval compare --calibrate … --extra-samples`")
    args = parser.parse_args()
    if not (args.data / "polnear").is_dir() or not (args.data / "semeval2023").is_dir():
        print(f"compare_fresh: {args.data} lacks polnear/ or semeval2023/; nothing to run", file=sys.stderr)
        return 2
    from rashomon.settings import load_options

    threshold = load_options().compare.min_confidence
    verdicts = read_verdicts(args.verdicts)
    cands, texts = [], {}
    t0 = time.perf_counter()
    for collection in args.collection or COLLECTIONS:
        found, seen = candidates(args.data, collection, args.jobs, args.cache, args.min_confidence)
        cands += found
        texts.update({(collection, k): v for k, v in seen.items()})
    table = report(cands, verdicts, threshold)
    print(f"compare on fresh collections: {len(cands)} candidates at confidence >= {args.min_confidence} "
          f"({time.perf_counter() - t0:.0f} s); verdicts: {len(verdicts)}; packaged threshold {threshold}")
    print(f"{'collection/group':32} {'cand':>5} {'judged':>6} {'genuine':>7} {'prec':>5} {'shown':>5} {'shown ok':>8}")
    for key, row in table.items():
        prec = f"{row['genuine'] / row['judged']:.2f}" if row.get("judged") else "-"
        print(f"{key:32} {row['candidates']:5} {row.get('judged', 0):6} {row.get('genuine', 0):7} {prec:>5} "
              f"{row.get('shown', 0):5} {row.get('shown_genuine', 0):8}")
    if args.json:
        args.json.write_text(json.dumps({"threshold": threshold, "table": table}, indent=1), encoding="utf-8")
    if args.samples:
        judged = [(c, verdict_of(c, verdicts)) for c in cands]
        lines = [json.dumps({"kind": c.kind, "features": c.features, "genuine": v}) for c, v in judged if v is not None]
        args.samples.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        print(f"{len(lines)} judged samples written to {args.samples}")
    if args.unjudged:
        lines = []
        for c in sorted(cands, key=lambda c: (c.collection, -c.confidence)):
            if verdict_of(c, verdicts) is None:
                rec = {"collection": c.collection, "kind": c.kind, "confidence": c.confidence, "why": c.why,
                       "a": dict(zip(("doc", "start", "end"), c.positions[0])),
                       "b": dict(zip(("doc", "start", "end"), c.positions[-1])),
                       "context": [_context(texts[(c.collection, d)], s, e) for d, s, e in c.positions]}
                lines.append(json.dumps(rec, ensure_ascii=False))
        args.unjudged.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        print(f"{len(lines)} unjudged candidates written to {args.unjudged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
