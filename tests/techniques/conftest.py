"""Fixtures for the techniques tests: the shipped detector (paths and `need` come from tests/conftest)."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, ROOT, SEEDS, SHARED, need  # noqa: F401 - re-exported for the tests here


@pytest.fixture(scope="session")
def detector():
    """The techniques component with the shipped model (loaded once)."""
    from rashomon.techniques.component import TechniqueDetector

    det = TechniqueDetector()
    det.model  # noqa: B018 - load now so a broken model fails here
    return det
