"""`rashomon store stories [--since]` and `rashomon store rebuild-stories` over a filled store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.store import Store, schema
from tests.store.test_stories_incremental import FIRST, SECOND, _partition


def _filled(path) -> str:
    store = Store(path)
    store.add_many(FIRST)
    with store.engine.begin() as conn:
        conn.execute(schema.story_members.update().values(joined_at="2021-01-01T00:00:00+00:00"))
    store.add_many(SECOND)
    store.close()
    return str(path)


def test_stories_cli_list_since_and_rebuild(tmp_path):
    db = _filled(tmp_path / "s.sqlite")
    runner = CliRunner()
    res = runner.invoke(app, ["store", "stories", "--db", db])
    assert res.exit_code == 0, res.output
    assert "3 article(s)" in res.stdout.splitlines()[0] and res.stdout.rstrip().endswith("4 stories")
    res = runner.invoke(app, ["store", "stories", "--db", db, "--since", "2021-06-01", "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["total"] == 3
    new = {a["id"] for s in doc["stories"] for a in s["articles"]}
    assert new == {"b1", "b2", "b3"}
    res = runner.invoke(app, ["store", "stories", "--db", db, "--since", "2021-06-01"])
    assert "    + b1  " in res.stdout and "changed since 2021-06-01" in res.stdout
    res = runner.invoke(app, ["store", "stories", "--db", db, "--since", "June"])
    assert res.exit_code != 0 and "E160" in res.output
    before = _partition(Store(db))
    res = runner.invoke(app, ["store", "rebuild-stories", "--db", db])
    assert res.exit_code == 0 and "4 stories rebuilt from 6 article(s)" in res.output
    assert _partition(Store(db)) == before
