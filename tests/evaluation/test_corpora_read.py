"""Corpus readers for the soak: layouts written here in tmp_path (no corpus text is copied)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rashomon.errors import RashomonError
from rashomon.evaluation.corpora import basil_text, iter_corpora, readers, text_key
from tests.conftest import DATA, SEEDS, need


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    data, seeds = tmp_path / "data", tmp_path / "seeds"
    _write(data / "ptc2020/train-articles/article1.txt", "Title one\n\nThe mayor said it rained.\nMore text.")
    # The same article re-paragraphed and re-punctuated, as SemEval-2023 en holds PTC's.
    _write(data / "semeval2023/en/train-articles-subtask-3/article1.txt",
           "Title one\n\nThe mayor said it rained. More text !")
    _write(data / "semeval2023/en/train-articles-subtask-3/article2.txt", "Another\n\nA different story.")
    _write(data / "semeval2023/ru/train-articles-subtask-3/article3.txt",
           "Заголовок\r\n\r\nМэр заявил, что шёл дождь.\r\n")
    _write(data / "polnear/train/text/nyt_a.txt", "Officials said the vote was close.")
    _write(data / "polnear/train/text/nyt_digits.txt", "12345 67890")
    record = {"title": "Senate vote", "source": "nyt", "date": "2012-01-02",
              "body-paragraphs": [["First sentence.", "Second sentence."], [], ["Third one."]]}
    _write(data / "basil/articles/2012/x_1.json", json.dumps(record))
    pairs = [{"lang": "ru", "first_title": "Т1", "first_text": "Первый текст.", "second_title": "Т2",
              "second_text": "Второй текст."},
             {"lang": "ru", "first_title": "Т1", "first_text": "Первый текст.", "second_title": "Т3",
              "second_text": "Третий текст."}]
    _write(data / "tgcontest_ru_dev/pairs.jsonl", "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs))
    _write(seeds / "000_x.txt", "Seed title\n\nThe seed said so.")
    return data, seeds


def test_corpora_every_reader_once_each_text(layout):
    data, seeds = layout
    items = list(iter_corpora(data, seeds))
    counts = Counter(it.corpus for it in items)
    assert counts == {"ptc2020": 1, "semeval2023-en": 1, "semeval2023-ru": 1, "polnear": 2, "basil": 1,
                      "tgcontest": 3, "seeds": 1}
    assert {it.language for it in items if it.corpus in ("semeval2023-ru", "tgcontest")} == {"ru"}
    assert {it.language for it in items if it.corpus not in ("semeval2023-ru", "tgcontest")} == {"en"}


def test_corpora_crlf_kept_so_offsets_hold(layout):
    data, seeds = layout
    (ru,) = [it for it in iter_corpora(data, seeds, ["semeval2023-ru"])]
    assert ru.article.text == "Заголовок\r\n\r\nМэр заявил, что шёл дождь.\r\n"
    assert ru.article.title == "Заголовок"


def test_corpora_basil_joins_title_paragraphs_sentences(layout):
    data, seeds = layout
    (item,) = iter_corpora(data, seeds, ["basil"])
    assert item.article.text == "Senate vote\n\nFirst sentence. Second sentence.\n\nThird one."
    assert (item.article.title, item.article.outlet, item.article.published) == ("Senate vote", "nyt", "2012-01-02")
    assert basil_text({"body-paragraphs": [["Only body."]]}) == "Only body."


def test_corpora_tgcontest_titles_from_pair(layout):
    data, seeds = layout
    items = list(iter_corpora(data, seeds, ["tgcontest"]))
    assert [it.article.title for it in items] == ["Т1", "Т2", "Т3"]
    assert items[0].path.endswith("pairs.jsonl:1:first")


def test_corpora_letterless_text_is_an_error_item(layout):
    data, seeds = layout
    (bad,) = [it for it in iter_corpora(data, seeds, ["polnear"]) if it.path.endswith("nyt_digits.txt")]
    assert isinstance(bad.article, RashomonError) and bad.article.code == "E011"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Right? !” he said", "Right?!”  he\nsaid", True),
     ("allowed to.....— Trump", "allowed to…….. — Trump", True),
     ("The Mayor", "the mayor", True),
     ("The mayor said", "The mayor sad", False),
     ("Мэр заявил", "Мэр заявила", False)],
)
def test_corpora_text_key_ignores_layout_only(a, b, same):
    assert (text_key(a) == text_key(b)) is same


def test_corpora_unknown_name_refused(layout):
    data, seeds = layout
    with pytest.raises(ValueError, match="unknown corpus"):
        list(iter_corpora(data, seeds, ["nope"]))
    assert list(readers(data, seeds)) == ["ptc2020", "semeval2023-en", "semeval2023-ru", "polnear", "basil",
                                          "tgcontest", "seeds"]


def test_corpora_real_counts():
    data = need(DATA)
    counts = Counter(it.corpus for it in iter_corpora(data, SEEDS))
    # PTC-2020's 371 articles are inside SemEval-2023 en's 446: 75 remain there.
    assert counts["ptc2020"] == 371 and counts["semeval2023-en"] == 75
    assert counts["semeval2023-ru"] == 143 and counts["tgcontest"] >= 70
    assert counts["polnear"] >= 800 and counts["basil"] == 300
