"""Shared fixtures: paths to seeds and corpora (skipping when absent) and one loaded Analyzer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def benchmark_module(name: str):  # noqa: ANN201 - a module
    """A script of benchmarks/ loaded as a module (benchmarks/ is not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


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

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (no browser download); skips if it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
