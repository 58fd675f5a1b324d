"""The issue-14 probes (10,000 « » marks, a 200,000-character line, 3,000 paragraphs) go
through the full pipeline; timings are the benchmark's job, this only guards against hangs."""

from __future__ import annotations

import importlib.util
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
HANG_GUARD_S = 300.0  # generous: shared CI machines are slow; the 30 s target is the benchmark's job


def _worst_cases():
    spec = importlib.util.spec_from_file_location("worst_cases", ROOT / "benchmarks" / "worst_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["quotes_ru_guillemets", "huge_line_en", "paragraphs_ru"])
def test_worst_cases_pipeline_issue_probes_finish(name, analyzer):
    module = _worst_cases()
    text = module.worst_cases(1)[name]
    t0 = time.perf_counter()
    art = analyzer.analyze_text(text, source=f"{name}.txt")  # checks every span slices the text
    assert time.perf_counter() - t0 < HANG_GUARD_S
    assert art.tokens and art.sentences
    if name.startswith("quotes"):
        assert len(art.quoted) > 1_000  # thousands of pairs found, none lost to a timeout
    if name.startswith("paragraphs"):
        assert len(art.paragraphs) == 3_000


def test_worst_cases_pipeline_generator_sizes():
    cases = _worst_cases().worst_cases(1)
    marks = sum(cases["quotes_ru_guillemets"].count(c) for c in "«»")
    assert 10_000 <= marks <= 10_010
    assert len(cases["huge_line_en"]) >= 200_000 and "\n" not in cases["huge_line_en"]
    assert cases["paragraphs_ru"].count("\n\n") == 2_999
    small = _worst_cases().worst_cases(0.25)
    assert all(0 < len(small[k]) < len(cases[k]) for k in cases)
