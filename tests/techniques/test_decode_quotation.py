"""A technique span never holds half a quotation: «очередной сказкой режима» whole, or no mark."""

from __future__ import annotations

import pytest

from rashomon.techniques.decode import NEVER, label_spans
from tests.techniques.test_decode_runs import scores


@pytest.mark.parametrize(
    "text, probs, lang, expected",
    [
        # a core opening mark: the closing mark right after the span joins it
        ("это было « очередной сказкой режима » .", [0, 0, 0.9, 0.9, 0.9, 0.9, 0, 0], "ru",
         ["« очередной сказкой режима »"]),
        ("they called it “ a hoax ” again", [0, 0, 0, 0.9, 0.9, 0.9, 0, 0], "en", ["“ a hoax ”"]),
        # a core closing mark: the opening mark right before joins it
        ("they called it “ a hoax ” again", [0, 0, 0, 0, 0.9, 0.9, 0.9, 0], "en", ["“ a hoax ”"]),
        # the mark in the middle of a run: closing mark after the run joins too
        ("назвала выборы « сказкой режима » .", [0.9, 0.9, 0.9, 0.9, 0.9, 0, 0], "ru",
         ["назвала выборы « сказкой режима »"]),
        # no closing mark in reach: the stray opening mark goes
        ("это было « очередной сказкой режима и так далее", [0, 0, 0.9, 0.9, 0.9, 0.9, 0, 0, 0], "ru",
         ["очередной сказкой режима"]),
        # a stray mark was the only core token: no span (and no crash)
        ("he said “ again and again", [0, 0, 0.9, 0.4, 0.1, 0.1], "en", []),
        # balanced already, or no marks: unchanged
        ("the “ Euro-putschists ” again", [0, 0.9, 0.9, 0.9, 0], "en", ["“ Euro-putschists ”"]),
        ("the corrupt criminal regime", [0, 0.9, 0.9, 0.9], "en", ["corrupt criminal regime"]),
    ],
)
def test_decode_quotation_marks_pair_up(text, probs, lang, expected):
    sc = scores(text, probs, lang)
    got = [text[s.start : s.end] for s in label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, 0.5)]
    assert got == expected
