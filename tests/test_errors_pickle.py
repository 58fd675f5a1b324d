"""A RashomonError survives pickling (it crosses process and Dask worker boundaries)."""

from __future__ import annotations

import pickle

import pytest

from rashomon.errors import MESSAGES, RashomonError


def _fields(code: str) -> dict[str, object]:
    """Every placeholder of the code's message, filled with a distinct value."""
    import string

    names = [f for _, f, _, _ in string.Formatter().parse(MESSAGES[code]) if f]
    return {name: f"<{name}>" for name in names}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_errors_pickle_round_trip(code: str) -> None:
    err = RashomonError(code, **_fields(code))
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is RashomonError
    assert (back.code, back.fields, str(back)) == (err.code, err.fields, str(err))


def test_errors_pickle_unknown_code_still_fails() -> None:
    with pytest.raises(KeyError):
        RashomonError("E999")
