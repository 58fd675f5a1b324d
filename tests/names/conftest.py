"""Shared fixtures for the rashomon.names tests."""

from __future__ import annotations

from pathlib import Path

import pytest

# The corpus lives beside the repository: /work/main/../shared/data.
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
TRANSLIT_TRAIN = SHARED_DATA / "translit_en_ru" / "train.tsv"


def pytest_configure(config: pytest.Config) -> None:
    """Register the slow marker here too, so these tests run clean on their own."""
    config.addinivalue_line("markers", "slow: long-running corpus evaluation")


@pytest.fixture
def translit_train() -> Path:
    """Path of the translit corpus, or skip when shared/data is absent."""
    if not TRANSLIT_TRAIN.is_file():
        pytest.skip(f"corpus not available at {TRANSLIT_TRAIN}")
    return TRANSLIT_TRAIN
