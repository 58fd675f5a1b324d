"""POST /api/articles: the same reader and checks as `rashomon ingest`, analysis off the request
path in a bounded queue with a status URL, the per-article budget, E084 when the queue is full.

Analysis runs in real supervised worker processes with a pipeline that loads no model
(segment plus the budget test component), so these tests are quick.
"""

from __future__ import annotations

import json
import threading
import time

import pytest

from rashomon import load_options
from rashomon.errors import RashomonError
from rashomon.ingest import read_source
from rashomon.store import Store
from rashomon.web.app import create_app
from tests.budget_hooks import SLEEP
from tests.web.conftest import LiveApp, http, light_options, wait_job

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

CP1251 = "Заговор в Минске\n\nАлександр Лукашенко заявил, что задержаны 33 человека.\n".encode("cp1251")
# (case, bytes, ingest overrides); the expected outcome is whatever the CLI's reader says.
CASES = [
    ("letterless", b"12345 !!! 678 ... 2021-04-17", {}),
    ("empty", b"", {}),
    ("blank", b"  \n\t \r\n ", {}),
    ("binary", b"\x00\x01\x02binary\x00\xff" * 20, {}),
    ("over max_bytes", b"word " * 400, {"max_bytes": 1000}),
    ("over max_chars", b"word " * 400, {"max_chars": 1000}),
    ("lone surrogate", b"Text \xed\xa0\x80 here", {}),
    ("cp1251 russian", CP1251, {}),
    ("plain english", b"A title\n\nMaria Lind said that 12 people were detained in Riga.\n", {}),
]


def _cli_outcome(tmp_path, data: bytes, opts) -> str:  # noqa: ANN001
    """What `rashomon ingest` makes of these bytes in a .txt file: an error code or 'ok'."""
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    try:
        items = list(read_source(str(path), opts.ingest))
    except RashomonError as err:
        return err.code
    assert len(items) == 1
    return items[0].code if isinstance(items[0], RashomonError) else "ok"


def _web_outcome(status: int, body) -> str:  # noqa: ANN001
    if status == 202:
        return "ok"
    assert status == 422, (status, body)
    detail = body["detail"]
    assert detail["message"].startswith(detail["code"] + " ")  # the coded one-line message
    return detail["code"]


@pytest.fixture
def store(tmp_path):
    st = Store(tmp_path / "web.sqlite")
    yield st
    st.close()


@pytest.mark.parametrize(("case", "data", "ingest"), CASES, ids=[c[0] for c in CASES])
def test_routes_api_upload_checks_as_the_cli_does(store, tmp_path, light_hook, case, data, ingest):
    opts = load_options(pipeline={"components": ["segment"]}, ingest=ingest)
    expected = _cli_outcome(tmp_path, data, opts)
    with LiveApp(create_app(store, options=opts)) as live:
        # The raw door: the bytes of a text file, decoded as the CLI decodes one.
        raw = http("POST", live.base + "/api/articles", data, {"Content-Type": "text/plain"})
        assert _web_outcome(raw[0], raw[2]) == expected, case
        try:
            text = data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return  # not expressible as a JSON string
        body = json.dumps({"text": text}).encode()
        js = http("POST", live.base + "/api/articles", body, {"Content-Type": "application/json"})
        assert _web_outcome(js[0], js[2]) == expected, case


def test_routes_api_upload_title_and_text_as_txt_ingest(store, tmp_path, light_hook):
    opts = light_options()
    data = "Riga detentions\n\nMaria Lind said that 12 people were detained in Riga.\n".encode()
    (tmp_path / "a.txt").write_bytes(data)
    [cli] = list(read_source(str(tmp_path / "a.txt"), opts.ingest))
    with LiveApp(create_app(store, options=opts)) as live:
        body = json.dumps({"text": data.decode(), "outlet": "Test Wire", "published": "2021-05-01"}).encode()
        status, headers, job = http("POST", live.base + "/api/articles", body, {"Content-Type": "application/json"})
        assert status == 202 and headers["Location"] == job["status_url"] and job["status"] in ("queued", "running")
        done = wait_job(live.base, job["status_url"])
        assert done["status"] == "done" and done["added"] is True and done["article_id"] == cli.id
        status, _, doc = http("GET", f"{live.base}/api/articles/{cli.id}")
        assert status == 200
        assert (doc["title"], doc["text"], doc["outlet"]) == (cli.title, cli.text, "Test Wire") == (
            "Riga detentions", data.decode(), "Test Wire")
        # The same text again is stored once.
        again = wait_job(live.base, http("POST", live.base + "/api/articles", body,
                                         {"Content-Type": "application/json"})[2]["status_url"])
        assert again == {**done, "id": again["id"], "added": False}
        assert http("GET", live.base + "/api/jobs/" + "0" * 32)[0] == 404
        assert http("GET", live.base + "/api/jobs/not-a-job")[0] == 422


def test_routes_api_upload_over_budget_does_not_stall_requests(store, light_hook):
    opts = light_options(max_seconds=4)
    with LiveApp(create_app(store, options=opts)) as live:
        # 500,000 characters that also hold the sleep marker: the worker is stuck on it.
        big = ("Stuck article\n\n" + SLEEP + " " + "Minsk news paragraph. " * 22_727)[:500_000]
        started = time.monotonic()
        status, _, stuck = http("POST", live.base + "/api/articles", json.dumps({"text": big}).encode(),
                                {"Content-Type": "application/json"})
        assert status == 202
        assert time.monotonic() - started < 15  # read and checked only (hang guard, not a timing)
        deadline = time.monotonic() + 60
        while http("GET", live.base + stuck["status_url"])[2]["status"] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # While it runs: reads answer, another write is accepted, and the job is still running.
        assert http("GET", live.base + "/api/overview")[0] == 200
        assert http("GET", live.base + "/")[0] == 200
        status, _, other = http("POST", live.base + "/api/articles", b"Second article\n\nOrdinary text.",
                                {"Content-Type": "text/plain"})
        assert status == 202
        assert http("GET", live.base + stuck["status_url"])[2]["status"] == "running"
        failed = wait_job(live.base, stuck["status_url"])
        assert failed["status"] == "error" and failed["error"]["code"] == "E041"
        assert failed["error"]["message"].startswith("E041 ")
        ok = wait_job(live.base, other["status_url"])
        assert ok["status"] == "done" and ok["added"] is True
        status, _, listing = http("GET", live.base + "/api/articles")
        assert [a["id"] for a in listing["articles"]] == [ok["article_id"]]


def test_routes_api_upload_queue_full_is_e084(store, light_hook):
    opts = light_options(max_seconds=3)
    with LiveApp(create_app(store, options=opts, queue_size=1)) as live:
        post = lambda text: http("POST", live.base + "/api/articles", text.encode(),  # noqa: E731
                                 {"Content-Type": "text/plain"})
        first = post(f"Stuck\n\n{SLEEP}")[2]
        deadline = time.monotonic() + 60
        while http("GET", live.base + first["status_url"])[2]["status"] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        status, _, queued = post("Waiting article\n\nIt waits its turn.")
        assert status == 202 and queued["status"] == "queued"
        status, headers, full = post("One too many\n\nNo room for it.")
        assert status == 503 and full["detail"]["code"] == "E084" and headers["Retry-After"]
        assert wait_job(live.base, first["status_url"])["error"]["code"] == "E041"
        assert wait_job(live.base, queued["status_url"])["status"] == "done"
        assert post("Room again\n\nAccepted now.")[0] == 202


def test_routes_api_upload_concurrent_posts_all_answered(store, light_hook):
    """Many clients posting at once each get a 202 or a coded 503, never a hang or a 500."""
    opts = light_options()
    with LiveApp(create_app(store, options=opts, queue_size=4)) as live:
        results: list[tuple[int, dict]] = []

        def post(i: int) -> None:
            status, _, body = http("POST", live.base + "/api/articles", f"Article {i}\n\nText number {i}.".encode(),
                                   {"Content-Type": "text/plain"})
            results.append((status, body))

        threads = [threading.Thread(target=post, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert len(results) == 12
        assert all(s == 202 or (s == 503 and b["detail"]["code"] == "E084") for s, b in results), results
        for s, b in results:
            if s == 202:
                assert wait_job(live.base, b["status_url"])["status"] == "done"


@pytest.mark.parametrize(("body", "where"), [
    (b"{", "not JSON"), (b"[" * 100_000, "not JSON"), (b'{"title": "no text"}', "text"),
    (b'["a list"]', ""), (b'{"text": 5}', "text"), (b'{"text": "ok", "outlet": "' + b"x" * 300 + b'"}', "outlet"),
])
def test_routes_api_upload_bad_json_is_422(store, body, where):
    from starlette.testclient import TestClient

    with TestClient(create_app(store, options=light_options()), base_url="http://127.0.0.1") as tc:
        res = tc.post("/api/articles", content=body, headers={"Content-Type": "application/json"})
        assert res.status_code == 422, res.text
        assert where in json.dumps(res.json()["detail"])
