"""Corpus readers keep offsets exact (CRLF counted) and number lines from one."""

from rashomon.techniques.formats import line_spans, read_paragraph_labels, read_ptc, read_semeval23


def test_formats_offsets_crlf_article_keeps_offsets(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    text = "Заголовок\r\n\r\nЭто так называемый план.\r\nВторая строка."
    (arts / "article7.txt").write_bytes(text.encode("utf-8"))
    start = text.index("так называемый")
    spans = tmp_path / "spans"
    spans.mkdir()
    (spans / "article7-labels-subtask-3.txt").write_text(f"7\tDoubt\t{start}\t{start + 14}\n", encoding="utf-8")
    (tmp_path / "labels.txt").write_text("7\t1\t\n7\t3\tDoubt\n7\t4\t\n", encoding="utf-8")
    (art,) = read_semeval23(arts, tmp_path / "labels.txt", spans)
    sp = art.spans[0]
    assert art.text[sp.start : sp.end] == "так называемый"
    assert art.language == "ru"
    assert art.lines == {1: set(), 3: {"Doubt"}, 4: set()}


def test_formats_offsets_line_numbers_count_blank_lines_from_one():
    text = "Title\r\n\r\nFirst para.\nSecond para."
    lines = line_spans(text)
    assert [text[s:e] for s, e in lines] == ["Title", "", "First para.", "Second para."]


def test_formats_offsets_paragraph_labels_parse_multiple_techniques(tmp_path):
    f = tmp_path / "l.txt"
    f.write_text("1\t3\tDoubt,Loaded_Language\n1\t5\t\n", encoding="utf-8")
    assert read_paragraph_labels(f) == {"1": {3: {"Doubt", "Loaded_Language"}, 5: set()}}


def test_formats_offsets_ptc_labels_are_renamed_to_semeval2023(tmp_path):
    arts = tmp_path / "a"
    arts.mkdir()
    (arts / "article5.txt").write_text("They are thugs.", encoding="utf-8")
    lab = tmp_path / "article5.task2-TC.labels"
    lab.write_text("5\tName_Calling,Labeling\t9\t14\n", encoding="utf-8")
    (art,) = read_ptc(arts, lab)
    assert art.spans[0].label == "Name_Calling-Labeling"
    assert art.text[9:14] == "thugs"
