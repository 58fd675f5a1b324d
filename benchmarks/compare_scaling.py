"""How `compare` scales: time on N articles and on 10×N, and their ratio (budget: ≤ 12×).

The corpus is generated from short templates written for this benchmark (English and
Russian), filled with varied people, places, organisations, numbers and dates, then analysed
once; only `compare_articles` is timed.

    python benchmarks/compare_scaling.py [--n 500] [--jobs 2] [--cache FILE.pkl] [--rounds 3]

The analysed corpus can be pickled (`--cache`) so a second run times only the comparison.
A shared machine slows down for seconds at a time, so one N and one 10×N run can give ratios
from 7 to 13 for the same code: each size is timed `--rounds` times, interleaved, and the ratio
of the best times (wall and CPU) is the figure; the median of the rounds' own ratios is printed
beside it.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

PEOPLE_EN = ["Anna Kowalczyk", "Viktor Sheiman", "Olga Marchenko", "Pavel Latushko", "Maria Kolesnikova",
             "Igor Tkachenko", "Elena Petrova", "Andrei Sannikov", "Sergei Ivanov", "Daria Chulkova",
             "Yury Zenkovich", "Alexander Feduta", "Natalia Eismont", "Roman Protasevich", "Oleg Sviridov"]
PEOPLE_RU = ["Анна Ковальчик", "Виктор Шейман", "Ольга Марченко", "Павел Латушко", "Мария Колесникова",
             "Игорь Ткаченко", "Елена Петрова", "Андрей Санников", "Сергей Иванов", "Дарья Чулкова"]
PLACES_EN = ["Minsk", "Brest", "Hrodna", "Vitebsk", "Mogilev", "Gomel", "Warsaw", "Vilnius", "Riga", "Kyiv"]
PLACES_RU = ["Минске", "Бресте", "Гродно", "Витебске", "Могилёве", "Гомеле", "Варшаве", "Вильнюсе"]
ORGS_EN = ["the KGB", "the border committee", "the interior ministry", "the FSB", "NATO", "the Red Cross"]
EN = [
    "{p1} said that {n} people were detained in {pl} on {d}.",
    "According to {o}, about {n} protesters gathered near the station in {pl}.",
    "{p2} claims the rally in {pl} was organised by {o}, not by the opposition.",
    "\u201cWe saw at least {n} officers in {pl},\u201d {p1} told reporters.",
    "{o} reported that {m} activists were released on {d}.",
    "Few people believe in this story, {p2} said.",
]
RU = [
    "{p1} заявила, что в {pl} задержаны {n} человек.",
    "По словам {p2}, около {n} протестующих собрались у вокзала.",
    "«Мы видели не менее {n} сотрудников», — сказал {p1}.",
    "По данным КГБ, {m} активистов отпущены на свободу.",
]


def make_corpus(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n (source, text) articles of 3-5 sentences each."""
    rnd = random.Random(seed)
    start = date(2021, 4, 1)
    out = []
    for i in range(n):
        russian = rnd.random() < 0.3
        people, places, temps = (PEOPLE_RU, PLACES_RU, RU) if russian else (PEOPLE_EN, PLACES_EN, EN)
        day = start + timedelta(days=rnd.randrange(0, 120))
        fill = {"p1": rnd.choice(people), "p2": rnd.choice(people), "pl": rnd.choice(places),
                "o": rnd.choice(ORGS_EN), "n": rnd.choice([30, 33, 200, 170, 5000, 20000, 15]),
                "m": rnd.choice([12, 40, 3]), "d": day.strftime("%B %d, %Y")}
        body = " ".join(rnd.choice(temps).format(**fill) for _ in range(rnd.randint(3, 5)))
        title = f"{fill['p1']}: {fill['pl']} {i}"
        out.append((f"gen-{i}", f"{title}\n\n{body}\n"))
    return out


def analyse(corpus: list[tuple[str, str]], jobs: int = 1):  # noqa: ANN201
    """Analyse the generated texts with the configured pipeline (supervised workers)."""
    from rashomon.api import Analyzer
    from rashomon.ingest.text import article_from_text
    from rashomon.model import Article
    from rashomon.settings import load_options

    items = [article_from_text(text, src) for src, text in corpus]
    return [a for a in Analyzer(load_options()).pipe(items, jobs=jobs) if isinstance(a, Article)]


def main() -> None:
    """Print compare time on N and 10×N articles and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cache", default=None, help="pickle of the analysed corpus (read if present, else written)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each size, interleaved (best counts)")
    args = parser.parse_args()
    import pickle
    from pathlib import Path

    from rashomon.compare import compare_articles

    t0 = time.perf_counter()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        big = pickle.loads(cache.read_bytes())
    else:
        big = analyse(make_corpus(10 * args.n), args.jobs)
        if cache is not None:
            cache.write_bytes(pickle.dumps(big))
    print(f"analysed {len(big)} generated articles in {time.perf_counter() - t0:.0f} s (not part of the ratio)")
    # Real news carries a publication date, and stories are bounded in time by it: give each
    # generated article one across the same 120 days its text's dates span.
    rnd = random.Random(1)
    for art in big:
        art.published = (date(2021, 4, 1) + timedelta(days=rnd.randrange(0, 120))).isoformat()
    small = big[: args.n]
    compare_articles(small[:20])  # warm-up: encoder and data files load once
    walls: dict[str, list[float]] = {"N": [], "10N": []}
    cpus: dict[str, list[float]] = {"N": [], "10N": []}
    docs = {}
    for _ in range(max(1, args.rounds)):
        for label, arts in (("N", small), ("10N", big)):
            w0, c0 = time.perf_counter(), time.process_time()
            docs[label] = compare_articles(arts)
            walls[label].append(time.perf_counter() - w0)
            cpus[label].append(time.process_time() - c0)
    for label, n in (("N", len(small)), ("10N", len(big))):
        doc = docs[label]
        largest = max((len(s.articles) for s in doc.stories), default=0)
        rounds = ", ".join(f"{t:.1f}" for t in walls[label])
        print(f"{label:>3}: {n} articles, best {min(walls[label]):.1f} s wall / {min(cpus[label]):.1f} s CPU "
              f"(rounds {rounds} s), {len(doc.stories)} stories (largest {largest}), "
              f"{len(doc.conflicts)} conflicts shown (+{doc.hidden} below confidence), {len(doc.agreements)} agreements")
    per_round = sorted(b / a for a, b in zip(walls["N"], walls["10N"]))
    print(f"ratio time(10N)/time(N) = {min(walls['10N']) / min(walls['N']):.1f} by best wall time, "
          f"{min(cpus['10N']) / min(cpus['N']):.1f} by best CPU time; median of the rounds' wall ratios "
          f"{per_round[len(per_round) // 2]:.1f} (linear would be 10; budget 12)")


if __name__ == "__main__":
    main()
