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


def test_attribution_context_clipped_gold_keeps_the_cue_piece():
    from rashomon.evaluation.brat import GoldAttribution, GoldDocument

    bench = benchmark_module("attribution_context")
    pieces = [(0, 10), (10, 20), (20, 30)]
    gold = GoldDocument("d", "x" * 30, "a", [
        # content over two pieces, its cue in the first: cut to the first
        GoldAttribution(content=[(5, 15)], cue=[(2, 4)], source=[(0, 2)]),
        # the source in another piece than the cue: dropped from the clipped attribution
        GoldAttribution(content=[(22, 28)], cue=[(20, 21)], source=[(12, 14)]),
        # the content wholly in another piece than its cue: nothing an annotator of the piece would mark
        GoldAttribution(content=[(11, 19)], cue=[(21, 22)], source=[]),
        # no cue: anchored at the content's start
        GoldAttribution(content=[(25, 29)], cue=[], source=[]),
    ])
    got = bench.clipped(gold, pieces).attributions
    assert [(a.content, a.cue, a.source) for a in got] == [
        ([(5, 10)], [(2, 4)], [(0, 2)]),
        ([(22, 28)], [(20, 21)], []),
        ([(25, 29)], [], []),
    ]
