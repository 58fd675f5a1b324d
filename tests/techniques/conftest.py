"""Fixtures for the techniques tests: the shipped detector and paths to shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"


def need(path: Path) -> Path:
    """Skip when shared material is not beside the clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent (a fresh clone has no ../shared)")
    return path


@pytest.fixture(scope="session")
def detector():
    """The techniques component with the shipped model (loaded once)."""
    from rashomon.techniques.component import TechniqueDetector

    det = TechniqueDetector()
    det.model  # noqa: B018 - load now so a broken model fails here
    return det
