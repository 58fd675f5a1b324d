"""Entities from the real models (spaCy en_core_web_sm, natasha) on text we wrote, and the seeds."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


def _by_name(art):
    return {e.name: e for e in art.entities}


def test_entities_models_russian_normal_forms(analyzer):
    art = analyzer.analyze_text("Пресс-секретарь Дмитрия Пескова ответил. Позже Дмитрий Песков уточнил, что Путин знает.")
    names = _by_name(art)
    assert "Дмитрий Песков" in names
    assert len(names["Дмитрий Песков"].mentions) == 2
    assert names["Дмитрий Песков"].type == "PERSON"
    assert art.language == "ru"


def test_entities_models_english_fixture(analyzer):
    art = analyzer.analyze_text((FIXTURES / "en_summit.txt").read_text(encoding="utf-8"))
    names = _by_name(art)
    assert names["Anna Kowalczyk"].type == "PERSON"
    assert len(names["Anna Kowalczyk"].mentions) == 3  # full name + two surname-only mentions
    assert names["NATO"].type == "ORG"
    assert names["Brest"].type == "LOC"


def test_entities_models_russian_fixture(analyzer):
    art = analyzer.analyze_text((FIXTURES / "ru_summit.txt").read_text(encoding="utf-8"))
    names = _by_name(art)
    assert names["Анна Ковальчик"].type == "PERSON"
    assert len(names["Анна Ковальчик"].mentions) == 3
    assert names["Варшава"].type == "LOC"


def test_entities_models_seed_belsat_one_entity_per_person(seed_articles):
    art = seed_articles["003"]
    by_mention = {}
    for ent in art.entities:
        for m in ent.mentions:
            by_mention.setdefault(m.text, set()).add(ent.id)
    for surface in ("Lukashenka", "Alyaksandr Lukashenka", "Lukashenko"):
        assert by_mention.get(surface), surface
    lukashenka = by_mention["Lukashenka"] | by_mention["Alyaksandr Lukashenka"] | by_mention["Lukashenko"]
    assert len(lukashenka) == 1, "Lukashenka's mentions are split over several entities"
    putin = by_mention["Putin"] | by_mention["Vladimir Putin"]
    assert len(putin) == 1
    (putin_ent,) = [e for e in art.entities if e.id in putin]
    assert putin_ent.type == "PERSON" and len(putin_ent.mentions) >= 4


def test_entities_models_seed_no_maidan_person(seed_articles):
    for art in seed_articles.values():
        for ent in art.entities:
            if "Maidan" in ent.name or any("Maidan" in a for a in ent.aliases):
                assert ent.type != "PERSON", ent


def test_entities_models_seed_surnames_tagged_org_are_people(seed_articles):
    names = {e.name: e.type for e in seed_articles["003"].entities}
    assert names.get("Zakharova") == "PERSON"
    fyaduta = [e for e in seed_articles["003"].entities if "Fyaduta" in e.name]
    assert fyaduta and all(e.type == "PERSON" for e in fyaduta)
    assert any("Zyankovich" in e.name for e in seed_articles["003"].entities)


def test_entities_models_form_labels_are_nobody(analyzer):
    """A poll box's "Email *" inside an article is no person, so "He" after it is the man named before."""
    text = ("Bridge news\n\nMayor John Miller said the bridge is fine.\n\nVote Now!\n\nEmail *\n\n"
            "The workers arrived on Monday. He said people need to stop worrying about the bridge.\n")
    art = analyzer.analyze_text(text)
    assert all(e.type != "PERSON" for e in art.entities if e.name == "Email")
    assert [q.speaker_name for q in art.quotes][-1] == "John Miller"
