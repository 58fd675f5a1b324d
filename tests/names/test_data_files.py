"""Shipped data files parse, and the learned model holds statistics, not corpus names."""

from __future__ import annotations

import pytest

from rashomon.lang import read_rows
from rashomon.names.crossscript import default_model
from rashomon.names.translit import LANGS, SYSTEMS, _load_table


@pytest.mark.parametrize("system", SYSTEMS)
@pytest.mark.parametrize("lang", LANGS)
def test_data_files_translit_tables_cover_alphabet(system: str, lang: str) -> None:
    table = _load_table(system, lang)
    alphabet = {"ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
                "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"}[lang]
    assert set(alphabet) <= set(table.rules)


def test_data_files_learned_model_has_only_short_units() -> None:
    model = default_model()
    assert model.units and model.latin_bigrams and model.cyrillic_bigrams
    assert max(len(x) for x in model.units) <= 4
    assert max(len(y) for ys in model.units.values() for y in ys) <= 2


def test_data_files_first_names_groups() -> None:
    groups = [fields[0].split() for fields in read_rows("en", "first_names.tsv")]
    assert len(groups) >= 150
    assert all(len(g) >= 2 for g in groups if g[0] not in {"Taras", "Ruslan"})
