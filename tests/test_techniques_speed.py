"""`benchmarks/techniques_speed.py`: where its texts come from, and no ratio over no text."""

from __future__ import annotations

import pytest

from tests.conftest import benchmark_module


@pytest.mark.parametrize("lang", ["en", "ru", "both"])
def test_techniques_speed_no_texts_is_a_clear_error(tmp_path, monkeypatch, lang):
    bench = benchmark_module("techniques_speed")
    monkeypatch.setattr(bench, "DATA", tmp_path / "data")
    monkeypatch.setattr(bench, "SEEDS", tmp_path / "seeds")
    with pytest.raises(SystemExit, match="no (en|ru) texts"):
        bench.main(["--lang", lang])


def test_techniques_speed_falls_back_to_the_seeds(tmp_path, monkeypatch):
    bench = benchmark_module("techniques_speed")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("Officials said the talks would go on.", encoding="utf-8")
    monkeypatch.setattr(bench, "DATA", tmp_path / "data")
    monkeypatch.setattr(bench, "SEEDS", seeds)
    assert bench.texts_for("en", 5) == ["Officials said the talks would go on."]
    assert bench.texts_for("en", 0) == []  # --limit 0: nothing, so main refuses


def test_techniques_speed_seed_fallback_keeps_the_language(tmp_path, monkeypatch):
    bench = benchmark_module("techniques_speed")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Officials said the talks would go on.", encoding="utf-8")
    (seeds / "b.txt").write_text("Власти заявили, что переговоры продолжатся.", encoding="utf-8")
    monkeypatch.setattr(bench, "DATA", tmp_path / "data")
    monkeypatch.setattr(bench, "SEEDS", seeds)
    assert bench.texts_for("ru", 5) == ["Власти заявили, что переговоры продолжатся."]
    assert bench.texts_for("en", 5) == ["Officials said the talks would go on."]
