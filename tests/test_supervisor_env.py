"""Worker processes run BLAS single-threaded unless the user chose a thread count."""

from __future__ import annotations

import pytest

from rashomon.supervisor import BLAS_THREAD_VARS, worker_env


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ({}, {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}),
        ({"OPENBLAS_NUM_THREADS": "4"}, {"OPENBLAS_NUM_THREADS": "4", "OMP_NUM_THREADS": "1"}),
        ({"OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "3"}, {"OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "3"}),
    ],
)
def test_supervisor_env_blas_single_threaded_unless_set(monkeypatch, preset, expected):
    for var in BLAS_THREAD_VARS:
        monkeypatch.delenv(var, raising=False)
    for var, value in preset.items():
        monkeypatch.setenv(var, value)
    env = worker_env()
    for var, value in expected.items():
        assert env[var] == value


def test_supervisor_env_keeps_the_rest(monkeypatch):
    monkeypatch.setenv("RASHOMON_SOMETHING", "x")
    assert worker_env()["RASHOMON_SOMETHING"] == "x"


@pytest.mark.parametrize(
    ("unset", "present", "absent"),
    [
        ((), ["MALLOC_TRIM_THRESHOLD_", "RASHOMON_SOMETHING"], []),
        (("MALLOC_TRIM_THRESHOLD_",), ["RASHOMON_SOMETHING"], ["MALLOC_TRIM_THRESHOLD_"]),
        (("NOT_SET_ANYWHERE",), ["MALLOC_TRIM_THRESHOLD_", "RASHOMON_SOMETHING"], ["NOT_SET_ANYWHERE"]),
    ],
)
def test_supervisor_env_unset_drops_only_those(monkeypatch, unset, present, absent):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    monkeypatch.setenv("RASHOMON_SOMETHING", "x")
    env = worker_env(unset)
    assert all(var in env for var in present)
    assert not any(var in env for var in absent)
