"""Readers against the shared training corpora (skipped in a fresh clone)."""

from rashomon.techniques.formats import read_corpus

from .conftest import DATA, need


def test_corpus_shared_data_ptc_reader_counts():
    arts = read_corpus(need(DATA / "ptc2020"))
    assert len(arts) == 371
    assert sum(len(a.spans) for a in arts) == 6129


def test_corpus_shared_data_semeval_ru_offsets_align_with_crlf_text():
    arts = [a for a in read_corpus(need(DATA / "semeval2023")) if a.language == "ru"]
    assert arts and any("\r\n" in a.text for a in arts)
    # Every span's first line carries the span's technique in the paragraph labels.
    for a in arts[:40]:
        starts = [0] + [i + 1 for i, ch in enumerate(a.text) if ch == "\n"]
        for s in a.spans:
            line = max(i for i, st in enumerate(starts) if st <= s.start) + 1
            assert s.label in a.lines.get(line, set())
