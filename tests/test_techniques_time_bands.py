"""`benchmarks/techniques_time_bands.py`: which articles an older band leaves out and holds out."""

from __future__ import annotations

import random

import pytest

from rashomon.techniques.formats import GoldArticle
from rashomon.training.data import newest
from tests.conftest import benchmark_module

_WORDS = [f"w{i}" for i in range(4000)]


def _art(i: int, lang: str = "en", corpus: str = "semeval2023") -> GoldArticle:
    rng = random.Random(i)  # distinct texts: no near-duplicate groups
    return GoldArticle(str(i), " ".join(rng.choice(_WORDS) for _ in range(80)) + ".", lang, [], {1: set()}, corpus)


def _corpus() -> list[GoldArticle]:
    return ([_art(100 + n) for n in range(10)] + [_art(500 + n, "ru") for n in range(10)]
            + [_art(900 + n, corpus="ptc2020") for n in range(3)])


def test_techniques_time_bands_drops_the_newest_and_holds_the_next_band():
    bench = benchmark_module("techniques_time_bands")
    arts = _corpus()
    kept, share = bench.held_band(arts, 0.2, 0.2)
    ids = {g.id for g in kept}
    # The newest two ids of each language are gone; PTC-only articles are never "newest".
    assert not ids & {"108", "109", "508", "509"}
    assert {"900", "901", "902", "100", "500"} <= ids
    assert share == pytest.approx(0.25)
    held = {g.id for g, h in zip(kept, newest(kept, share)) if h}
    assert held == {"106", "107", "506", "507"}  # the next band of the original ids


def test_techniques_time_bands_skip_zero_is_the_training_design():
    bench = benchmark_module("techniques_time_bands")
    arts = _corpus()
    kept, share = bench.held_band(arts, 0.0, 0.2)
    assert kept == arts and share == pytest.approx(0.2)


@pytest.mark.parametrize(("skip", "band"), [(1.0, 0.1), (-0.1, 0.2), (0.2, 0.0), (0.5, 0.5), (0.9, 0.2)])
def test_techniques_time_bands_refuses_bands_that_do_not_fit(skip, band):
    bench = benchmark_module("techniques_time_bands")
    with pytest.raises(ValueError, match="need 0 <= skip"):
        bench.held_band(_corpus(), skip, band)


def test_techniques_time_bands_absent_data_is_a_clear_error(tmp_path, capsys):
    bench = benchmark_module("techniques_time_bands")
    assert bench.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "absent" in capsys.readouterr().err


def test_techniques_time_bands_label_density_per_side_and_language():
    bench = benchmark_module("techniques_time_bands")
    arts = [
        GoldArticle("1", "a\nb", "ru", [], {1: {"Doubt", "Loaded_Language"}, 2: set()}, "semeval2023"),
        GoldArticle("2", "a\nb\nc", "ru", [], {1: {"Doubt"}, 2: {"Doubt"}, 3: {"Doubt"}}, "semeval2023"),
        GoldArticle("3", "a", "en", [], {1: set()}, "semeval2023"),
        GoldArticle("4", "a", "en", [], None, "ptc2020"),  # no paragraph labels: not counted
    ]
    out = bench.label_density(arts, [False, True, False, True])
    assert out["ru"]["trained"] == {"articles": 1, "paragraphs": 2, "labels_per_paragraph": 1.0, "labelled_share": 0.5}
    assert out["ru"]["held"] == {"articles": 1, "paragraphs": 3, "labels_per_paragraph": 1.0, "labelled_share": 1.0}
    assert out["en"] == {"trained": {"articles": 1, "paragraphs": 1, "labels_per_paragraph": 0.0, "labelled_share": 0.0}}
