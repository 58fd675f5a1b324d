"""The seed articles: general lexicons and the model must flag their known techniques."""

from .conftest import SEEDS, need


def _seed(prefix: str) -> str:
    (path,) = sorted(need(SEEDS).glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _covering(techs, text, phrase):
    start = text.index(phrase)
    return {t.label for t in techs if t.start <= start < t.end}


def test_seeds_flagged_ishchenko_conspiracy_loaded_terms_and_fear(detector):
    text = _seed("000")
    techs = detector.predict(text, "000", "en")
    assert "Loaded_Language" in _covering(techs, text, "camarilla")
    assert "Causal_Oversimplification" in _covering(techs, text, "no coincidence")
    closing = text.rindex("There is more at stake")
    assert any(t.label == "Appeal_to_Fear-Prejudice" and t.start <= closing < t.end for t in techs)


def test_seeds_flagged_belsat_illegitimate_labels(detector):
    text = _seed("003")
    techs = detector.predict(text, "003", "en")
    assert "Name_Calling-Labeling" in _covering(techs, text, "illegitimate leader")
    assert "Name_Calling-Labeling" in _covering(techs, text, "illegitimate ruler")
