"""Hostile-but-valid texts that used to make the pipeline super-linear, and their timings.

`worst_cases(scale)` builds deterministic English and Russian texts: thousands of quote
marks (balanced, unbalanced, mixed styles), one huge line of prose, thousands of short
paragraphs, thousands of distinct names, and thousands of numbers and dates. At scale 1
the issue's probes are reproduced in size (10,000 « » marks, a 200,000-character line,
3,000 paragraphs). The soak benchmark imports `worst_cases`; keep its signature.

    python benchmarks/worst_cases.py [--scales 0.25 0.5 1] [--only quotes_ru_guillemets ...]

Each case runs through the full default pipeline (`Analyzer.analyze_text`, spans checked)
at every scale; the table shows seconds and the growth ratio per doubling of size
(about 2 means linear, about 4 quadratic), from wall-clock and from this process's CPU time
(the fairer figure on a shared machine). Models load once, before timing.
"""

from __future__ import annotations

import argparse
import math
import random
import time

# Small vocabularies: enough variety that the parser sees ordinary sentences.
_EN_WORDS = (
    "government minister said report official talks city council budget year plan water "
    "school market price company workers union court judge police week election party "
    "voters leader country border trade deal summit press statement agency crisis energy"
).split()
_RU_WORDS = (
    "правительство министр заявил доклад чиновник переговоры город совет бюджет год план "
    "вода школа рынок цена компания рабочие союз суд судья полиция неделя выборы партия "
    "избиратели лидер страна граница торговля сделка саммит пресса заявление агентство кризис"
).split()
_EN_VERBS = "said announced denied confirmed claimed warned reported stated".split()
_RU_VERBS = "сказал заявил отрицал подтвердил утверждал предупредил сообщил отметил".split()
_EN_FIRST = "John Mary Peter Anna David Laura Michael Sarah James Helen Robert Emma".split()
_RU_FIRST = "Иван Мария Пётр Анна Дмитрий Ольга Михаил Елена Сергей Наталья Алексей Ирина".split()
_EN_MONTHS = "January February March April May June July August September October November December".split()
_RU_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
# Consonant-vowel syllables make thousands of distinct, pronounceable surnames.
_EN_SYL = ["ba", "ko", "ri", "mel", "dan", "ter", "son", "vi", "lo", "gar", "pen", "ston"]
_RU_SYL = ["ба", "ко", "ри", "мел", "дан", "тер", "сон", "ви", "ло", "гар", "пен", "стон"]

CASE_NAMES = (
    "quotes_ru_guillemets",
    "quotes_en_unbalanced",
    "quotes_mixed",
    "huge_line_en",
    "huge_line_ru",
    "paragraphs_en",
    "paragraphs_ru",
    "entities_en",
    "entities_ru",
    "numbers_en",
    "numbers_ru",
)
# The three probes from the issue (acceptance: each under 30 s at scale 1).
ISSUE_CASES = ("quotes_ru_guillemets", "huge_line_en", "paragraphs_ru")


def _sentence(rng: random.Random, words: list[str], verbs: list[str], lo: int = 6, hi: int = 14) -> str:
    body = " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))
    subject = rng.choice(words).capitalize()
    that = " that" if words is _EN_WORDS else ", что"
    return f"{subject} {rng.choice(verbs)}{that} {body}."


def _surname(rng: random.Random, syl: list[str], i: int) -> str:
    # Index digits in base len(syl) make every surname distinct; a random tail varies length.
    parts = []
    n = i
    while True:
        parts.append(syl[n % len(syl)])
        n //= len(syl)
        if n == 0:
            break
    parts.append(rng.choice(syl))
    return "".join(parts).capitalize()


def _quotes_ru_guillemets(rng: random.Random, marks: int) -> str:
    # The issue's probe: one long paragraph of short «…» quotes, some nested, some unclosed.
    parts = []
    n = 0
    while n < marks:
        word = rng.choice(_RU_WORDS)
        roll = rng.random()
        if roll < 0.6:
            parts.append(f"«{word}»")
            n += 2
        elif roll < 0.75:
            parts.append(f"«{word} «{rng.choice(_RU_WORDS)}» {word}»")
            n += 4
        elif roll < 0.9:
            parts.append(f"«{word}")  # never closed
            n += 1
        else:
            parts.append(f"{word}»")  # closed without an opener
            n += 1
        parts.append(rng.choice(_RU_WORDS))
    return "Заявление. " + " ".join(parts) + "."


def _quotes_en_unbalanced(rng: random.Random, marks: int) -> str:
    # Openers only, then closers only: the deepest possible stack of open quotes.
    half = marks // 2
    words = [f"“{rng.choice(_EN_WORDS)}" for _ in range(half)]
    words += [f"{rng.choice(_EN_WORDS)}”" for _ in range(marks - half)]
    return "The minister said " + " ".join(words) + "."


def _quotes_mixed(rng: random.Random, marks: int) -> str:
    # Every style, straight and curly, apostrophes and dashes, over a few long paragraphs.
    styles = ["«{}»", "“{}”", "„{}“", '"{}"', "‘{}’", "'{}'", "— {}", "«{}", "{}»", "“{}", '"{}', "{}'s"]
    paras: list[str] = []
    cur: list[str] = []
    n = 0
    while n < marks:
        words = _EN_WORDS if rng.random() < 0.5 else _RU_WORDS
        style = rng.choice(styles)
        cur.append(style.format(" ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))))
        cur.append(rng.choice(words))
        n += sum(style.count(c) for c in "«»“”„\"‘’'—")
        if len(cur) > 400:
            paras.append(" ".join(cur) + ".")
            cur = []
    paras.append(" ".join(cur) + ".")
    return "\n\n".join(paras)


def _huge_line(rng: random.Random, chars: int, lang: str) -> str:
    words, verbs = (_EN_WORDS, _EN_VERBS) if lang == "en" else (_RU_WORDS, _RU_VERBS)
    first = _EN_FIRST if lang == "en" else _RU_FIRST
    out: list[str] = []
    size = 0
    while size < chars:
        roll = rng.random()
        if roll < 0.15:
            name = f"{rng.choice(first)} {_surname(rng, _EN_SYL if lang == 'en' else _RU_SYL, rng.randrange(200))}"
            q = ("“{}”" if lang == "en" else "«{}»").format(_sentence(rng, words, verbs)[:-1])
            s = f"{q}, {rng.choice(verbs)} {name}."
        elif roll < 0.25:
            s = f"{rng.choice(words).capitalize()} rose by {rng.randint(2, 90)}% in {rng.randint(1990, 2024)}." if lang == "en" else (
                f"{rng.choice(words).capitalize()} вырос на {rng.randint(2, 90)}% в {rng.randint(1990, 2024)} году."
            )
        else:
            s = _sentence(rng, words, verbs)
        out.append(s)
        size += len(s) + 1
    return " ".join(out)[:chars].rstrip() + "."


def _paragraphs(rng: random.Random, count: int, lang: str) -> str:
    words, verbs = (_EN_WORDS, _EN_VERBS) if lang == "en" else (_RU_WORDS, _RU_VERBS)
    paras = []
    for i in range(count):
        s = _sentence(rng, words, verbs, 3, 8)
        if i % 5 == 0:
            s = ("“{}”" if lang == "en" else "«{}»").format(s)
        paras.append(s)
    return "\n\n".join(paras)


def _grouped(sentences: list[str], per: int) -> str:
    """`per` sentences to a paragraph, paragraphs separated by blank lines."""
    return "\n\n".join(" ".join(sentences[i : i + per]) for i in range(0, len(sentences), per))


def _entities(rng: random.Random, count: int, lang: str) -> str:
    first, syl = (_EN_FIRST, _EN_SYL) if lang == "en" else (_RU_FIRST, _RU_SYL)
    verbs = _EN_VERBS if lang == "en" else _RU_VERBS

    def sentence(i: int) -> str:
        name = f"{rng.choice(first)} {_surname(rng, syl, i)}"
        if lang == "en":
            return f"{name} {rng.choice(verbs)} that {_surname(rng, syl, i + 1)} Group met {_surname(rng, syl, i + 2)}."
        return f"{name} {rng.choice(verbs)}, что компания «{_surname(rng, syl, i + 1)}» встретилась с {_surname(rng, syl, i + 2)}."

    return _grouped([sentence(i) for i in range(count)], 8)


def _numbers(rng: random.Random, count: int, lang: str) -> str:
    months = _EN_MONTHS if lang == "en" else _RU_MONTHS
    words = _EN_WORDS if lang == "en" else _RU_WORDS

    def sentence() -> str:
        day, month, year = rng.randint(1, 28), rng.choice(months), rng.randint(1950, 2030)
        amount = f"{rng.randint(1, 999)},{rng.randint(100, 999)}"
        if lang == "en":
            return f"On {month} {day}, {year} the {rng.choice(words)} spent ${amount} million, up {rng.randint(1, 99)}.{rng.randint(0, 9)}%."
        return f"{day} {month} {year} года {rng.choice(words)} потратил {amount} млн рублей, на {rng.randint(1, 99)},{rng.randint(0, 9)}% больше."

    return _grouped([sentence() for _ in range(count)], 6)


def worst_cases(scale: int) -> dict[str, str]:
    """Hostile-but-valid texts by case name; size grows linearly with `scale` (1 = the issue's
    probes; fractions such as 0.25 are accepted too)."""
    s = float(scale)
    rng = random.Random(14)
    return {
        "quotes_ru_guillemets": _quotes_ru_guillemets(rng, max(20, int(10_000 * s))),
        "quotes_en_unbalanced": _quotes_en_unbalanced(rng, max(20, int(10_000 * s))),
        "quotes_mixed": _quotes_mixed(rng, max(20, int(10_000 * s))),
        "huge_line_en": _huge_line(rng, max(500, int(200_000 * s)), "en"),
        "huge_line_ru": _huge_line(rng, max(500, int(200_000 * s)), "ru"),
        "paragraphs_en": _paragraphs(rng, max(5, int(3_000 * s)), "en"),
        "paragraphs_ru": _paragraphs(rng, max(5, int(3_000 * s)), "ru"),
        "entities_en": _entities(rng, max(5, int(3_000 * s)), "en"),
        "entities_ru": _entities(rng, max(5, int(3_000 * s)), "ru"),
        "numbers_en": _numbers(rng, max(5, int(2_000 * s)), "en"),
        "numbers_ru": _numbers(rng, max(5, int(2_000 * s)), "ru"),
    }


def time_case(analyzer, text: str) -> tuple[float, float]:  # noqa: ANN001
    """(wall, CPU) seconds for the full pipeline on one text (spans checked). On a shared
    machine wall time mostly measures the other jobs; CPU time of this process does not."""
    t0, c0 = time.perf_counter(), time.process_time()
    analyzer.analyze_text(text, source="worst-case.txt")
    return time.perf_counter() - t0, time.process_time() - c0


def _growth(secs: list[float], scales: list[float]) -> float:
    """Growth per doubling from the two largest scales: (t2/t1) ** (1 / log2(s2/s1))."""
    if len(scales) < 2 or secs[-2] <= 0:
        return float("nan")
    return (secs[-1] / secs[-2]) ** (1 / math.log2(scales[-1] / scales[-2]))


def main(argv: list[str] | None = None) -> None:
    """Time every case at each scale and print seconds and growth per doubling."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    ap.add_argument("--only", nargs="*", default=None, help="case names (default: all)")
    args = ap.parse_args(argv)

    from rashomon.api import Analyzer
    from rashomon.settings import load_options

    opts = load_options()
    # Worst cases are about algorithmic growth, not the per-article limits of issue 14.
    if hasattr(opts, "ingest") and hasattr(opts.ingest, "max_chars"):
        opts.ingest.max_chars = max(opts.ingest.max_chars or 0, 10_000_000)
    analyzer = Analyzer(opts)
    analyzer.analyze_text("Warm up the English models. The minister said so.")
    analyzer.analyze_text("Прогрев русских моделей. Министр так сказал.")

    scales = sorted(args.scales)
    texts = {sc: worst_cases(sc) for sc in scales}  # type: ignore[arg-type]
    names = args.only or list(CASE_NAMES)
    head = "".join(f"{'x' + format(sc, 'g'):>16}" for sc in scales)
    print(f"{'case':<22}{'chars':>9}{head}   growth/2x wall (cpu)   seconds: wall (cpu)")
    for name in names:
        runs = [time_case(analyzer, texts[sc][name]) for sc in scales]
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        cols = "".join(f"{w:>9.1f} ({c:>4.1f})" for w, c in runs)
        mark = "  (issue probe)" if name in ISSUE_CASES else ""
        growth = f"{_growth(wall, scales):.2f} ({_growth(cpu, scales):.2f})"
        print(f"{name:<22}{len(texts[scales[-1]][name]):>9}{cols}   {growth:<14}{mark}", flush=True)


if __name__ == "__main__":
    main()
