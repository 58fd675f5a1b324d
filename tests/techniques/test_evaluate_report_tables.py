"""Span and paragraph reports print one table layout: header, summary rows, one row per
technique (most gold first), then the same predictions scored the other way, if given."""

from __future__ import annotations

import pytest

from rashomon.techniques.evaluate import PRF, ParagraphReport, SpanReport

A = PRF(0.5, 0.25, 0.3333, 10, 8)
B = PRF(0.1, 0.2, 0.13, 3, 5)


def _labels(table: str) -> list[str]:
    return [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")]


@pytest.mark.parametrize(
    ("report", "labels"),
    [
        (SpanReport(A, B, {"Low": B, "High": A}, 4),
         ["spans (4 articles)", "span identification", "label-aware spans", "High", "Low"]),
        (ParagraphReport(B, {"Low": B, "High": A}, 7),
         ["paragraphs (7)", "micro", "macro F1", "High", "Low"]),
        (SpanReport(A, B, {}, 0), ["spans (0 articles)", "span identification", "label-aware spans"]),
        (ParagraphReport(A, {}, 2, SpanReport(A, B, {"X": B}, 1)),
         ["paragraphs (2)", "micro", "macro F1", "spans (1 articles)", "span identification",
          "label-aware spans", "X"]),
    ],
)
def test_evaluate_report_tables_layout(report, labels):
    table = report.table()
    assert _labels(table) == labels
    assert table.count("|---|---:|") == 1 + (table.count("\n\n") == 1)  # one header per table
    nested = getattr(report, "spans", None) or getattr(report, "paragraphs", None)
    assert (("\n\n" + nested.table()) in table) if nested else "\n\n" not in table


def test_evaluate_report_tables_row_values():
    table = SpanReport(A, B, {"X": A}, 1).table()
    assert "| X | 0.500 | 0.250 | 0.333 | 8 | 10 |" in table.splitlines()
    # macro F1 is the mean of the per-technique F1 values: (0.3333 + 0.13) / 2
    assert "| macro F1 | | | 0.232 | | |" in ParagraphReport(B, {"X": A, "Y": B}).table().splitlines()
    assert ParagraphReport(B).macro_f1 == 0.0
