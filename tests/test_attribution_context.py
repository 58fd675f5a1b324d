"""`benchmarks/attribution_context.py`: pieces analysed alone keep their offsets in the whole text."""

from __future__ import annotations

import pytest

from tests.conftest import benchmark_module

TEXT = ("Клишас: денацификация надвигается на все органы власти\n"
        "Министр заявил, что цены вырастут. «Мы готовы», — сказал он журналистам.\n"
        "***\n"
        "Погода была хорошей.")


@pytest.mark.parametrize("mode,quotes", [("whole", 3), ("paragraph", 3), ("sentence", 3)])
def test_attribution_context_pieces_keep_offsets(analyzer, mode, quotes):
    bench = benchmark_module("attribution_context")
    got = bench.quotes_by_piece(analyzer, TEXT, "ctx", mode)
    assert len(got) == quotes, [(q.cue and q.cue.text, q.content.text) for q in got]
    for q in got:
        for span in (q.content, q.cue, q.speaker):
            if span is not None:
                assert TEXT[span.start : span.end] == span.text, (mode, span)


def test_attribution_context_absent_corpora(tmp_path, capsys):
    bench = benchmark_module("attribution_context")
    assert bench.main(["--corpora", str(tmp_path / "absent")]) == 2
    assert "absent" in capsys.readouterr().err


def test_attribution_context_unknown_mode(tmp_path):
    bench = benchmark_module("attribution_context")
    with pytest.raises(SystemExit):
        bench.main(["--corpora", str(tmp_path), "--modes", "words"])
