"""A fixed sample of real articles, both languages, through the soak: no hang, crash or span error.

The sample is drawn once per corpus by a stable hash of the file path, from articles of at
most SAMPLE_MAX_CHARS characters (so CI stays within minutes), and is the same on every run.
It goes through `benchmarks/soak.py`'s `soak()`: supervised workers, the per-article budget,
`check_spans()` on every result. The full soak is `python benchmarks/soak.py`.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from tests.conftest import DATA, SEEDS, benchmark_module, need

# Per corpus: how many articles (159 in all, 60 Russian; both seeds are longer than the cap).
QUOTAS = {"ptc2020": 27, "semeval2023-en": 12, "polnear": 32, "basil": 28, "seeds": 2,
          "semeval2023-ru": 32, "tgcontest": 28}
SAMPLE_MAX_CHARS = 3000
MAX_SECONDS = 60.0
MAX_RSS_MB = 3000


def _soak_module():
    return benchmark_module("soak")


def fixed_sample() -> list:
    """The CI sample: per corpus, the QUOTAS[corpus] short articles with the smallest path hash."""
    from rashomon.evaluation.corpora import iter_corpora

    by_corpus: dict[str, list] = {}
    for item in iter_corpora(need(DATA), SEEDS):
        by_corpus.setdefault(item.corpus, []).append(item)
    picked = []
    for corpus, quota in QUOTAS.items():
        short = [it for it in by_corpus.get(corpus, []) if len(getattr(it.article, "text", "")) <= SAMPLE_MAX_CHARS]
        short.sort(key=lambda it: hashlib.sha256(it.path.rsplit("/shared/", 1)[-1].encode()).hexdigest())
        picked.extend(short[:quota])
    return picked


@pytest.mark.slow
def test_soak_sample_real_articles_finish_with_sound_spans():
    items = fixed_sample()
    langs = Counter(it.language for it in items)
    assert len(items) >= 150 and langs["ru"] >= 60 and langs["en"] >= 60, (len(items), langs)
    assert len({it.corpus for it in items}) >= 6

    report = _soak_module().soak(items, jobs=1, max_seconds=MAX_SECONDS, max_rss_mb=MAX_RSS_MB)

    assert len(report.outcomes) == len(items)
    failed = [f"{o.code} {o.seconds:.0f}s {o.path}: {o.detail[:200]}" for o in report.failures()]
    assert not failed, "\n".join(failed)
    # Every article was really analysed: sentences and tokens, language detected as its corpus says.
    assert all(o.counts.get("tokens", 0) > 0 and o.counts.get("sentences", 0) > 0 for o in report.outcomes)
    wrong = [o.path for o in report.outcomes if o.detected != o.language]
    assert len(wrong) <= 2, wrong


@pytest.mark.slow
def test_soak_sample_budget_reports_a_stuck_article():
    # The harness itself must catch what it claims to: a budget too small for any real
    # article reports E041 naming it, and the next article still gets a fresh worker.
    items = fixed_sample()
    soak = _soak_module()
    first, second = items[0], items[-1]
    report = soak.soak([first, second], max_seconds=0.001, max_rss_mb=MAX_RSS_MB)
    assert [(o.code, o.path) for o in report.outcomes] == [("E041", first.path), ("E041", second.path)]


@pytest.mark.slow
def test_soak_sample_with_the_paragraph_encoder(tmp_path):
    # The opt-in stage runs the sentence encoder over every paragraph: a slice of the same sample,
    # both languages, goes through the supervised workers with it on.
    config = tmp_path / "encoder.toml"
    config.write_text("[techniques]\nparagraph_encoder = true\n", encoding="utf-8")
    items = fixed_sample()
    items = [it for it in items if it.language == "en"][:8] + [it for it in items if it.language == "ru"][:8]
    report = _soak_module().soak(items, jobs=1, max_seconds=MAX_SECONDS, max_rss_mb=MAX_RSS_MB, config=config)
    failed = [f"{o.code} {o.seconds:.0f}s {o.path}: {o.detail[:200]}" for o in report.failures()]
    assert len(report.outcomes) == len(items) and not failed, "\n".join(failed)
    assert sum(o.counts.get("techniques", 0) for o in report.outcomes) > 0
