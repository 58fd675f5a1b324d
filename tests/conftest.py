"""Shared fixtures: paths to seeds and corpora (skipping when absent) and one loaded Analyzer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    """Skip the test with a reason when shared material is not beside the clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent (a fresh clone has no ../shared); see tests/README")
    return path


@pytest.fixture(scope="session")
def analyzer():
    """One Analyzer (spaCy + natasha loaded once) for every model-heavy test."""
    from rashomon import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def seed_articles(analyzer):
    """Both seed articles analysed, keyed by file-name prefix (000, 003)."""
    seeds = need(SEEDS)
    result = analyzer.analyze_paths(sorted(seeds.glob("*.txt")))
    assert not result.errors
    return {Path(a.source).name[:3]: a for a in result.articles}
