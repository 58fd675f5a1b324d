"""SeenTable remembers every key exactly, also far past its page cache, and holds nothing per
key in Python: the batch's id table no longer grows with the batch."""

from __future__ import annotations

import gc

import pytest

from rashomon.seen import SeenTable


@pytest.mark.parametrize(("calls", "expected"), [
    ([("a", b"1")], [b"1"]),
    ([("a", b"1"), ("a", b"1")], [b"1", b"1"]),  # same value again: the first one, equal
    ([("a", b"1"), ("a", b"2")], [b"1", b"1"]),  # another value: the first one is kept
    ([("a", b"1"), ("b", b"2"), ("a", b"3"), ("b", b"2")], [b"1", b"2", b"1", b"2"]),
    ([("", b"")], [b""]),
    ([("é-ü", b"\0"), ("e-u", b"\1")], [b"\0", b"\1"]),  # distinct keys stay distinct
])
def test_seen_table_first(calls: list[tuple[str, bytes]], expected: list[bytes]) -> None:
    with SeenTable() as table:
        assert [table.first(k, v) for k, v in calls] == expected
        assert table.count == len({k for k, _ in calls})


@pytest.mark.parametrize(("keys", "new"), [
    (["x"], [True]),
    (["x", "x"], [True, False]),
    (["x", "y", "x", "z", "y"], [True, True, False, True, False]),
])
def test_seen_table_add(keys: list[str], new: list[bool]) -> None:
    with SeenTable() as table:
        assert [table.add(k) for k in keys] == new


def test_seen_table_exact_past_its_cache_and_flat_in_python() -> None:
    """20,000 keys through an 8 KiB page cache: a repeat of the very first key is still found,
    and the Python objects alive do not grow with the keys (the table is SQLite's, on disk)."""
    n = 20_000
    with SeenTable(cache_kib=8) as table:
        for i in range(1000):  # both statements prepared, one-off allocations made
            table.first(f"warm-up {i}", b"w")
        table.first("warm-up 0", b"other")
        gc.collect()
        before = len(gc.get_objects())
        for i in range(n):
            assert table.first(f"a{i}", i.to_bytes(4, "big")) == i.to_bytes(4, "big")
        gc.collect()
        # sqlite3 keeps a weak reference per cursor and prunes them every 200: bounded, not per key
        assert len(gc.get_objects()) - before < 250
        repeats = [table.first(f"a{i}", b"other") for i in (0, 1, n // 2, n - 1)]
        assert repeats == [i.to_bytes(4, "big") for i in (0, 1, n // 2, n - 1)]
        assert table.count == n + 1000
    assert table._db is None  # closed: the temporary database is gone
