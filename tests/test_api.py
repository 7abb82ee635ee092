"""REST API: every read endpoint, downloads, errors, auth, size limits, coding while reading."""

from __future__ import annotations

import csv
import io
import json
import threading

import pytest
from serve_data import FIXTURE_SOURCE, fixture_store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

KEY = "correct horse battery staple"


def _client(app):
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tmp_root(tmp_path_factory):
    return tmp_path_factory.getbasetemp()


@pytest.fixture(scope="module")
def ro(tmp_root, coder):
    from gaiko.server import create_app

    with _client(create_app(fixture_store(tmp_root, coder, "api-ro"))) as c:
        yield c


@pytest.fixture(scope="module")
def rw(tmp_root, coder):
    from gaiko.server import create_app

    app = create_app(fixture_store(tmp_root, coder, "api-rw"), api_key=KEY, max_body=64 * 1024, coder=coder)
    with _client(app) as c:
        yield c


def is_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) >= {"error", "message"} and body["message"], body
    if code:
        assert body["error"] == code, body
    return body


def fixture_event(ro, **params):
    r = ro.get("/api/v1/events", params={"text": "patrol boats", **params})
    assert r.status_code == 200
    return r.json()["events"][0]


# -- reading -------------------------------------------------------------------
def test_health_and_stats(ro):
    h = ro.get("/api/v1/health").json()
    assert h["status"] == "ok" and h["writable"] is False and "read_only_reason" in h
    s = ro.get("/api/v1/stats").json()
    assert s["articles"] >= 4 and s["events"] >= 12
    assert s["events"] == h["events"]
    assert any(d["source"] == "JPN" and d["target"] == "CHN" for d in s["top_dyads"])


def test_events_filters_pagination_sort(ro):
    all_ = ro.get("/api/v1/events", params={"limit": 1000}).json()
    assert all_["total"] == len(all_["events"]) >= 12
    dyad = ro.get("/api/v1/events", params={"dyad": "JPN-CHN", "sort": "-date"}).json()
    assert dyad["total"] >= 4
    assert all(e["source_country"] == "JPN" and e["target_country"] == "CHN" for e in dyad["events"])
    dates = [e["date"] for e in dyad["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    same = ro.get("/api/v1/events", params={"source": "JPN", "target": "CHN"}).json()
    assert same["total"] == dyad["total"]
    acc = ro.get("/api/v1/events", params={"type": "ACCUSE", "source": "USA"}).json()
    assert "criticised" in [e["trigger"] for e in acc["events"]]
    assert all(e["event_type"] == "ACCUSE" and e["source_country"] == "USA" for e in acc["events"])
    q4 = ro.get("/api/v1/events", params={"quad_class": 4}).json()
    assert q4["events"] and all(e["quad_class"] == 4 for e in q4["events"])
    window = ro.get("/api/v1/events", params={"since": "2025-11-04", "until": "2025-11-06", "actor": "JPN"}).json()
    assert window["total"] >= 3 and all("2025-11-04" <= e["date"] <= "2025-11-06" for e in window["events"])
    text = ro.get("/api/v1/events", params={"text": "seafood", "source": "CHN"}).json()
    assert any(e["trigger"] == "suspended" for e in text["events"])
    page1 = ro.get("/api/v1/events", params={"limit": 5, "offset": 0, "sort": "date"}).json()
    page2 = ro.get("/api/v1/events", params={"limit": 5, "offset": 5, "sort": "date"}).json()
    assert len(page1["events"]) == 5 and not {e["id"] for e in page1["events"]} & {e["id"] for e in page2["events"]}


def test_events_download_csv_and_jsonl_match_page(ro):
    params = {"dyad": "JPN-CHN", "limit": 3, "sort": "date"}
    page = ro.get("/api/v1/events", params=params).json()["events"]
    r = ro.get("/api/v1/events", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [e["id"] for e in page]
    assert rows[0]["source_country"] == "JPN"
    r = ro.get("/api/v1/events", params={**params, "format": "jsonl"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert [x["id"] for x in lines] == [e["id"] for e in page]


def test_event_evidence_marks_point_at_the_words(ro):
    ev = fixture_event(ro)
    r = ro.get(f"/api/v1/events/{ev['id']}")
    assert r.status_code == 200
    d = r.json()
    sent = d["sentence"]["text"]
    kinds = {m["kind"]: sent[m["start"]:m["end"]] for m in d["marks"]}
    assert kinds["trigger"] == "accused" and kinds["source"] == "Tokyo" and kinds["target"] == "Beijing"
    assert "".join(p["text"] for p in d["segments"]) == sent
    assert d["article"]["source"] == FIXTURE_SOURCE
    assert d["link"] == f"/articles/{ev['article_id']}?event={ev['id']}#s{ev['sentence_idx']}"
    is_error(ro.get("/api/v1/events/ev-doesnotexist"), 404, "not_found")


def test_articles_list_and_text_with_marks(ro):
    lst = ro.get("/api/v1/articles", params={"q": "fixture:"}).json()
    assert lst["total"] == 4
    art_id = lst["articles"][0]["id"]
    art = ro.get(f"/api/v1/articles/{art_id}").json()
    assert art["sentences"] and art["events"]
    for m in art["marks"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]
    assert ro.get("/api/v1/articles", params={"format": "csv"}).text.startswith("id,")
    is_error(ro.get("/api/v1/articles/nope"), 404, "not_found")


def test_actors(ro):
    d = ro.get("/api/v1/actors", params={"q": "korea"}).json()
    names = [a["name"] for a in d["actors"]]
    assert "North Korea" in names and "South Korea" in names
    assert ro.get("/api/v1/actors", params={"country": "usa"}).json()["actors"][0]["country"] == "USA"
    is_error(ro.get("/api/v1/actors", params={"country": "USAX"}), 422, "validation_error")


def test_dyads_and_series(ro):
    d = ro.get("/api/v1/dyads").json()["dyads"]
    assert any(x["source"] == "USA" and x["target"] == "PHL" for x in d)
    s = ro.get("/api/v1/dyads/series", params={"dyad": "USA-PHL", "interval": "month", "text": "patrol aircraft"}).json()
    assert s["buckets"] == ["2025-11-01"] and s["counts"] == {"AID": [1]} and s["events"] == 1
    r = ro.get("/api/v1/dyads/series", params={"source": "JPN", "target": "CHN", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"bucket", "events", "mean_goldstein"} <= set(rows[0])
    is_error(ro.get("/api/v1/dyads/series", params={"interval": "hour"}), 422, "validation_error")
    is_error(ro.get("/api/v1/dyads/series", params={"dyad": "Japan vs China"}), 422, "config_error")


def test_network_and_map(ro):
    net = ro.get("/api/v1/network", params={"since": "2025-11-20", "until": "2025-11-20"}).json()
    pairs = {(e["source"], e["target"]) for e in net["edges"]}
    assert pairs >= {("USA", "PHL"), ("KOR", "JPN"), ("PRK", "KOR")}
    assert {n["id"] for n in net["nodes"]} == {x for pair in pairs for x in pair}
    window = {"since": "2025-11-20", "until": "2025-11-20"}
    for n in net["nodes"]:  # a node's number is every event with it on either side: what actor=ID lists
        assert n["events"] == ro.get("/api/v1/events", params={**window, "actor": n["id"]}).json()["total"]
        assert n["out"] == ro.get("/api/v1/events", params={**window, "source": n["id"]}).json()["total"]
    for e in net["edges"]:
        assert e["weight"] == ro.get("/api/v1/events", params={**window, "source": e["source"], "target": e["target"]}).json()["total"]
    assert net["total"] == len(net["edges"]) and net["next"] is None
    edges_csv = ro.get("/api/v1/network", params={"format": "csv"}).text
    assert edges_csv.splitlines()[0].startswith("source,target,weight")
    pts = ro.get("/api/v1/map", params={"source": "USA"}).json()["points"]
    assert {p["place"] for p in pts} >= {"Manila", "Washington"}
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in pts)


def test_pledges_ledger_and_timeline(ro):
    stored = ro.get("/api/v1/pledges").json()
    assert stored["total"] == len(stored["pledges"]) >= 2
    d = ro.get("/api/v1/pledges", params={"as_of": "2026-01-10"}).json()
    assert d["as_of"] == "2026-01-10"
    mine = [p for p in d["pledges"] if p.get("action") == "get the seafood ban lifted"]
    assert len(mine) == 1, [p.get("action") for p in d["pledges"]]
    p = mine[0]
    assert p["deadline"] == "2025-12-31" and p["days_left"] == -10
    # past its deadline, but a later report ("shipments to China remained frozen", 2025-12-20) says it is stuck:
    # stalled (issue 14), not overdue (overdue is for a deadline passed with no decisive report)
    assert p["status"] == "stalled" and p["actor"] == "Japan"
    early = ro.get("/api/v1/pledges", params={"as_of": "2025-12-19", "actor": "Japan"}).json()["pledges"]
    again = next(x for x in early if x["id"] == p["id"])
    assert again["days_left"] == 12 and again["status"] == "open"
    one = ro.get(f"/api/v1/pledges/{p['id']}").json()
    assert one["id"] == p["id"] and one["cue"] == "demanded"
    assert one["evidence"][0]["role"] == "made"
    assert one["evidence"][0]["link"].startswith("/articles/")
    stalled = ro.get("/api/v1/pledges", params={"as_of": "2026-01-10", "status": "stalled"}).json()["pledges"]
    assert p["id"] in {x["id"] for x in stalled} and all(x["status"] == "stalled" for x in stalled)
    overdue = ro.get("/api/v1/pledges", params={"as_of": "2026-01-10", "status": "overdue"}).json()["pledges"]
    assert overdue and p["id"] not in {x["id"] for x in overdue} and all(x["status"] == "overdue" for x in overdue)
    assert ro.get("/api/v1/pledges", params={"format": "csv"}).text.startswith("id,status,")
    is_error(ro.get("/api/v1/pledges/pledge-nope"), 404, "not_found")
    is_error(ro.get("/api/v1/pledges", params={"status": "sleeping"}), 422, "config_error")


# -- bad input -----------------------------------------------------------------
@pytest.mark.parametrize("params", [
    {"since": "yesterday"}, {"until": "2025-13-40"}, {"quad_class": 7}, {"quad_class": "x"},
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"sort": "random"}, {"format": "xml"},
    {"type": "HUG"}, {"dyad": "JP-CN"}, {"text": "x" * 500},
])
def test_bad_query_is_422_with_reason(ro, params):
    is_error(ro.get("/api/v1/events", params=params), 422)


def test_unknown_path_is_json_404(ro):
    is_error(ro.get("/api/v1/nothing-here"), 404, "not_found")


# -- writing -------------------------------------------------------------------
def test_read_only_server_refuses_writes(ro):
    body = is_error(ro.post("/api/v1/articles", content="Japan protested.", headers={"X-API-Key": KEY}), 403, "read_only")
    assert "API key" in body["message"]
    assert ro.get("/api/v1/jobs").json()["writable"] is False


def test_wrong_or_missing_key_is_401(rw):
    is_error(rw.post("/api/v1/articles", content="Japan protested.", headers={"X-API-Key": "guess"}), 401, "unauthorized")
    is_error(rw.post("/api/v1/articles", content="Japan protested."), 401, "unauthorized")
    is_error(rw.post("/api/v1/articles", content="x", headers={"Authorization": "Bearer guess"}), 401)


def test_bad_bodies(rw):
    h = {"X-API-Key": KEY}
    is_error(rw.post("/api/v1/articles", content=b"x" * (65 * 1024), headers=h), 413, "too_large")
    is_error(rw.post("/api/v1/articles", content="", headers=h), 422, "input_rejected")
    is_error(rw.post("/api/v1/articles", content="{not json", headers={**h, "Content-Type": "application/json"}), 422)
    is_error(rw.post("/api/v1/articles", content='{"title": "no text"}',
                     headers={**h, "Content-Type": "application/json"}), 422, "input_rejected")
    is_error(rw.post("/api/v1/articles", content="[" + ",".join(['{"text":"a"}'] * 1001) + "]",
                     headers={**h, "Content-Type": "application/json"}), 413, "too_large")
    is_error(rw.post("/api/v1/articles", content="abc", headers={**h, "Content-Type": "image/png"}), 415)
    is_error(rw.post("/api/v1/articles", params={"published": "the day after"}, content="Japan protested.",
                     headers=h), 422, "input_rejected")
    is_error(rw.post("/api/v1/articles", content=b"\x00\x01binary\x00", headers=h), 422, "input_rejected")
    is_error(rw.post("/api/v1/articles", params={"wait": 9999}, content="x", headers=h), 422, "validation_error")
    is_error(rw.get("/api/v1/jobs/nojob"), 404, "not_found")


TEXT = ("Japanese Prime Minister Sanae Takaichi met South Korean President Lee Jae-myung in Seoul on Tuesday. "
        "The two leaders agreed to expand cooperation on supply chains.")


def test_submit_text_jsonl_and_json_then_read_back(rw):
    h = {"X-API-Key": KEY}
    before = rw.get("/api/v1/stats").json()["articles"]
    r = rw.post("/api/v1/articles", params={"title": "Leaders meet", "published": "2025-11-11", "wait": 60},
                content=TEXT, headers={**h, "Content-Type": "text/plain"})
    assert r.status_code == 200, r.text
    job = r.json()
    assert job["status"] == "finished" and job["summary"]["articles"] == 1
    lines = "\n".join([json.dumps({"text": "China and Japan held talks in Beijing on fisheries.", "published": "2025-11-12"}),
                       "{broken", json.dumps({"title": "no text"})])
    r = rw.post("/api/v1/articles", params={"wait": 60}, content=lines, headers={**h, "Content-Type": "application/x-ndjson"})
    job = r.json()
    assert job["status"] == "finished" and job["received"] == 1
    assert {e["reason"] for e in job["input_errors"]} == {"json", "missing_text"}
    r = rw.post("/api/v1/articles", params={"wait": 60}, json={"text": "Washington praised Tokyo for its new budget.",
                                                               "published": "2025-11-13", "id": "ext-1"}, headers=h)
    assert r.json()["status"] == "finished"
    assert rw.get(f"/api/v1/jobs/{job['id']}").json()["status"] == "finished"
    assert rw.get("/api/v1/stats").json()["articles"] == before + 3
    listed = rw.get("/api/v1/articles", params={"q": "Leaders meet"}).json()["articles"]
    assert listed and listed[0]["published"] == "2025-11-11"
    again = rw.post("/api/v1/articles", params={"wait": 60, "title": "Leaders meet"}, content=TEXT, headers=h).json()
    assert again["summary"]["skipped"] == 1 and again["summary"]["articles"] == 0


def test_html_body(rw):
    html = ("<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks</h1>"
            "<p>" + TEXT.replace("Seoul", "Busan") + " Officials said more meetings would follow next month, "
            "and both governments promised to report progress to their parliaments.</p></article></body></html>")
    r = rw.post("/api/v1/articles", params={"wait": 60, "published": "2025-11-14"}, content=html,
                headers={"X-API-Key": KEY, "Content-Type": "text/html"})
    assert r.status_code == 200, r.text
    assert r.json()["summary"]["articles"] == 1


class _BlockingCoder:
    """Codes without a parser and stops before the second batch until released."""

    def __init__(self) -> None:
        from helpers import FakeCoder

        self.inner = FakeCoder()
        self.first_written = threading.Event()
        self.release = threading.Event()
        self.batches = 0

    def code_articles(self, articles):
        self.batches += 1
        if self.batches == 2:
            self.first_written.set()
            assert self.release.wait(30)
        return self.inner.code_articles(articles)


def test_reads_keep_working_while_coding(tmp_root, coder):
    from gaiko.server import create_app

    blocking = _BlockingCoder()
    app = create_app(fixture_store(tmp_root, coder, "api-busy"), api_key=KEY, coder=blocking, batch_size=1)
    with _client(app) as c:
        before = c.get("/api/v1/stats").json()["articles"]
        body = "\n".join(json.dumps({"text": f"Japan and China talk about topic {i}.", "published": "2025-11-30"})
                         for i in range(3))
        r = c.post("/api/v1/articles", content=body, headers={"X-API-Key": KEY, "Content-Type": "application/x-ndjson"})
        assert r.status_code == 202
        job_id = r.json()["id"]
        assert blocking.first_written.wait(30)
        # the writer is mid-job: reads answer at once and see the committed first batch
        assert c.get(f"/api/v1/jobs/{job_id}").json()["status"] == "running"
        assert c.get("/api/v1/stats").json()["articles"] == before + 1
        assert c.get("/api/v1/events", params={"text": "topic 0"}).json()["total"] == 2
        assert c.get("/events").status_code == 200
        blocking.release.set()
        for _ in range(100):
            if c.get(f"/api/v1/jobs/{job_id}").json()["status"] != "running":
                break
            threading.Event().wait(0.1)
        assert c.get(f"/api/v1/jobs/{job_id}").json()["status"] == "finished"
        assert c.get("/api/v1/stats").json()["articles"] == before + 3


def test_cli_serve_starts_and_reads_key_from_env(tmp_root, coder):
    """`gaiko serve` as a user runs it: a real uvicorn process on 127.0.0.1, key from the environment."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = fixture_store(tmp_root, coder, "api-cli")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "MY_GAIKO_KEY": KEY}
    cmd = [sys.executable, "-c", "from gaiko.cli import main; main()", "serve", "--db", str(db), "--port", str(port), "--api-key-env", "MY_GAIKO_KEY",
           "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        health = None
        for _ in range(150):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).json()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.communicate()[1]
                time.sleep(0.1)
        assert health is not None and health["writable"] is True and health["events"] > 0
        r = httpx.post(f"http://127.0.0.1:{port}/api/v1/articles", content="x", headers={"X-API-Key": "nope"})
        assert r.status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port}/map").status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "read-write" in err


def test_read_only_server_on_an_old_store_migrates_it_once(tmp_path):
    """A store made by an older gaiko still serves read-only: it is migrated once, then opened read-only."""
    import duckdb

    from gaiko.server import create_app
    from gaiko.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for sql in MIGRATIONS[0][2]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    with _client(create_app(path)) as c:
        h = c.get("/api/v1/health").json()
        assert h["schema_version"] == SCHEMA_VERSION and h["writable"] is False
        assert c.get("/api/v1/pledges").status_code == 200
        assert c.get("/pledges").status_code == 200


def test_submitted_markup_is_shown_as_text(rw):
    """Titles, texts and URLs from submitted articles cannot inject markup or script links into pages."""
    # one tag: still text (two or more make the text HTML, read as such, tags dropped: round n39, html_in_text)
    rec = {"text": "Japan protested to China over <script>alert(1) a patrol.",
           "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)", "published": "2025-11-15"}
    job = rw.post("/api/v1/articles", params={"wait": 60}, json=rec, headers={"X-API-Key": KEY}).json()
    assert job["status"] == "finished"
    art = rw.get("/api/v1/articles", params={"q": "onerror"}).json()["articles"][0]
    page = rw.get(f"/articles/{art['id']}").text
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;" in page
    listing = rw.get("/articles").text
    assert "<img src=x" not in listing


def test_counts_are_event_clusters_by_default_and_mentions_on_request(ro):
    every = {"limit": 1000, "include_negated": "true"}
    clusters = ro.get("/api/v1/events", params=every).json()
    mentions = ro.get("/api/v1/events", params={**every, "count": "mentions"}).json()
    assert clusters["total"] == len(clusters["events"]) < mentions["total"] == len(mentions["events"])
    # num_mentions counts sentences (round u40): a two-way sentence is one mention of two rows
    sentences = {(e["cluster_id"], e["article_id"], e["sentence_idx"]) for e in mentions["events"]}
    assert sum(e["num_mentions"] for e in clusters["events"]) == len(sentences) <= mentions["total"]
    assert mentions["filters"]["count"] == "mentions" and "count" not in clusters["filters"]
    stats = ro.get("/api/v1/stats").json()
    assert stats["clusters"] == clusters["total"] and stats["events"] == mentions["total"]
    assert sum(stats["by_type"].values()) == clusters["total"]
    assert sum(ro.get("/api/v1/stats", params={"count": "mentions"}).json()["by_type"].values()) == mentions["total"]
    series = ro.get("/api/v1/dyads/series", params={"dyad": "JPN-CHN"}).json()
    assert series["count"] == "clusters"
    assert series["events"] <= ro.get("/api/v1/dyads/series", params={"dyad": "JPN-CHN", "count": "mentions"}).json()["events"]
    is_error(ro.get("/api/v1/events", params={"count": "reports"}), 422, "validation_error")
    # the CSV download carries GDELT's counts
    rows = list(csv.DictReader(io.StringIO(ro.get("/api/v1/events", params={"format": "csv", "limit": 5}).text)))
    assert rows and {"cluster_id", "num_mentions", "num_articles", "num_sources"} <= set(rows[0])


def test_one_cluster_with_all_its_reports(ro):
    events = ro.get("/api/v1/events", params={"limit": 1000}).json()["events"]
    big = max(events, key=lambda e: e["num_mentions"])
    assert big["num_mentions"] > 1, "the fixture store has an event reported more than once"
    d = ro.get(f"/api/v1/clusters/{big['cluster_id']}").json()
    # every coded event is a report row; num_mentions counts their distinct sentences (a two-way sentence, A -> B and
    # B -> A, is one mention of two coded events: docs/clusters.md), num_events the rows
    assert d["cluster"]["id"] == big["cluster_id"] and len(d["reports"]) == d["cluster"]["num_events"]
    assert len({(r["article_id"], r["sentence_idx"]) for r in d["reports"]}) == big["num_mentions"]
    assert all(r["link"].startswith("/articles/") for r in d["reports"])
    assert len({r["article_id"] for r in d["reports"]}) == d["cluster"]["num_articles"]
    is_error(ro.get("/api/v1/clusters/cl-0000000000000000"), 404, "not_found")
