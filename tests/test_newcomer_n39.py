"""Newcomer round n39 (a data engineer runs gaiko nightly on a feed, serves its API and hands exports to a
warehouse): what it fixed, with our own records (countries, outlets and wording not from any corpus).

1. a read-only ``gaiko serve`` follows its store file: the nightly way to update a served store (code into a copy,
   then ``mv copy.duckdb news.duckdb``) used to leave the server answering from the old file until restarted, its
   health check saying "ok" with yesterday's counts; now the next request reads the new file (DuckDB keeps one
   database per path in a process, so the old one is closed first, once no request is reading it), and a new file
   still being written is a 503 ``locked`` (with Retry-After; an HTML page on the dashboard) that the next request
   tries again;
2. ``gaiko export --coded-since`` (``Store.events(coded_since=...)``): incremental exports of what was coded since a
   moment (``--since`` bounds the event's own date);
3. an interrupted, terminated or failed export leaves ``--out`` as it was, never a partial file;
4. a record or CSV header whose text is under another name (``body``, ``content``) is told which field that is;
5. HTML left in a record's ``text`` is read as HTML (``html_in_text`` warning), not parsed tag by tag;
6. CSV on standard input (or without a CSV suffix) is read as CSV, not as one article of its cells;
7. a record whose ``url`` already names another text (an updated version) is coded with a ``same_url`` warning.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import make_coded

_NIGHT_1 = [
    "Kenya condemned the seizure of a fishing trawler by Somali forces on Monday.",
    "Brazil hosted Chilean ministers for talks on lithium exports in Brasilia.",
]
_NIGHT_2 = [*_NIGHT_1, "Norway pledged fresh humanitarian aid to Sudan on Thursday."]


def _store(path: Path, texts: list[str]) -> str:
    from gaiko.store import Store

    with Store(str(path)) as s:
        s.write_coded([make_coded(t, published="2026-03-0%d" % (i + 1)) for i, t in enumerate(texts)])
    return str(path)


def _hold_for_writing(path) -> subprocess.Popen:
    """Another process holding ``path`` open for writing, as a ``gaiko code`` run into it would; it has printed
    ``held`` on its stdout once the file is held."""
    return subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', "
         "flush=True); time.sleep(60)", str(path)], stdout=subprocess.PIPE, text=True)


def _articles(client) -> int:
    r = client.get("/api/v1/stats")
    assert r.status_code == 200, r.text
    return int(r.json()["articles"])


def test_a_read_only_server_reads_the_store_file_that_replaced_its_own(tmp_path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        assert _articles(c) == 2
        assert c.get("/api/v1/health").json()["events"] == 4
        fresh = _store(tmp_path / "copy.duckdb", _NIGHT_2)
        os.replace(fresh, served)  # the nightly swap: code into a copy, then mv it over the served file
        assert _articles(c) == 3
        assert c.get("/api/v1/health").json()["events"] == 6
        page = c.get("/articles")
        assert page.status_code == 200 and "Norway pledged" in page.text


def test_a_new_store_file_still_being_written_is_a_503_then_read(tmp_path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        assert _articles(c) == 2
        fresh = _store(tmp_path / "copy.duckdb", _NIGHT_2)
        os.replace(fresh, served)
        # another process opens the new file for writing, as a gaiko code run into it would
        holder = _hold_for_writing(served)
        try:
            assert holder.stdout.readline().strip() == "held"
            r = c.get("/api/v1/stats")
            assert r.status_code == 503, r.text
            assert r.json()["reason"] == "locked"
        finally:
            holder.kill()
            holder.wait()
        time.sleep(0.1)
        assert _articles(c) == 3


def test_a_server_that_accepts_articles_keeps_its_one_connection(tmp_path):
    """A server with an API key is the store's writer: it holds the file, and nothing is reopened under it."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    app = create_app(served, api_key="k")
    with TestClient(app) as c:
        assert _articles(c) == 2
        assert app.state.gaiko.reopened == 0


@pytest.mark.parametrize("path", ["/api/v1/export/events?format=jsonl", "/api/v1/export/events?format=parquet",
                                  "/api/v1/export/articles?format=csv"])
def test_downloads_read_the_replaced_file_too(tmp_path, path):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        before = c.get(path)
        assert before.status_code == 200
        os.replace(_store(tmp_path / "copy.duckdb", _NIGHT_2), served)
        after = c.get(path)
        assert after.status_code == 200
        assert len(after.content) > len(before.content)


# 2. incremental exports: `gaiko export --coded-since` (and Store.events(coded_since=...)) give what was coded since a
#    moment; --since bounds the event's own date, so an article coded tonight about last month's event was missed
#    by any "new since" export, and a cluster that gained a report could not be found either.

def _two_nights(tmp_path: Path) -> tuple[str, str, str]:
    import datetime as dt

    from gaiko.store import Store

    db = str(tmp_path / "nightly.duckdb")
    late = "Norway pledged fresh humanitarian aid to Sudan on Thursday."
    with Store(db) as s:
        s.write_coded([make_coded(t, published="2026-03-02") for t in _NIGHT_1])
    time.sleep(0.05)
    moment = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    time.sleep(0.05)
    with Store(db) as s:
        s.write_coded([make_coded(late, published="2026-02-20")])  # tonight's article about an older event
    return db, moment, make_coded(late).article.id


def test_export_coded_since_gives_what_a_later_run_coded(tmp_path, cli):
    import pandas as pd

    db, moment, late_id = _two_nights(tmp_path)
    out_m, out_c, all_m = tmp_path / "m.csv", tmp_path / "c.csv", tmp_path / "all.csv"
    code, _, err = cli("export", "--db", db, "--out", out_m, "--count", "mentions", "--coded-since", moment)
    assert code == 0, err
    mentions = pd.read_csv(out_m, dtype=str)
    assert set(mentions["article_id"]) == {late_id} and len(mentions) == 2
    assert cli("export", "--db", db, "--out", out_c, "--coded-since", moment)[0] == 0
    assert cli("export", "--db", db, "--out", all_m, "--count", "mentions")[0] == 0
    every = pd.read_csv(all_m, dtype=str)
    assert len(every) == 6
    joined = set(every.loc[every["article_id"] == late_id, "cluster_id"])
    assert set(pd.read_csv(out_c, dtype=str)["cluster_id"]) == joined
    # the event's own date is older than the first night's: --since cannot find it
    assert cli("export", "--db", db, "--out", tmp_path / "s.csv", "--since", "2026-03-01", "--count", "mentions")[0] == 0
    assert late_id not in set(pd.read_csv(tmp_path / "s.csv", dtype=str)["article_id"])


def test_coded_since_reads_dates_offsets_and_refuses_other_words(tmp_path, cli):
    from gaiko.errors import ConfigError
    from gaiko.store import Store

    db, moment, late_id = _two_nights(tmp_path)
    with Store(db, read_only=True) as s:
        assert len(s.events(count="mentions", coded_since="2000-01-01", limit=None)) == 6
        assert s.events(coded_since="2999-01-01T00:00:00+09:00") == []
        assert {e["article_id"] for e in s.events(count="mentions", coded_since=moment)} == {late_id}
        with pytest.raises(ConfigError, match="coded_since must be a date"):
            s.events(coded_since="last night")
    out = tmp_path / "x.jsonl"
    code, stdout, err = cli("export", "--db", db, "--out", out, "--coded-since", "yesterday")
    assert code == 2 and not out.exists()
    assert err.strip().startswith("Error: --coded-since must be a date") and len(err.strip().splitlines()) == 1


# 3. an export that is interrupted (Ctrl-C, SIGTERM from a scheduler's timeout) or fails midway left a partial file at
#    --out, valid line by line (JSONL) or row by row (CSV), in place of the previous night's: a warehouse loader took
#    it for the whole export. Now the file is written beside --out and moved over it once complete.

def _interrupt_after(monkeypatch, rows: int, exc: type[BaseException]) -> None:
    import gaiko.export as export

    real = export.iter_plover_records

    def cut(*a, **k):
        for i, rec in enumerate(real(*a, **k)):
            if i == rows:
                raise exc()
            yield rec

    monkeypatch.setattr(export, "iter_plover_records", cut)
    real_csv = export._write_csv_rows

    def cut_csv(store, sql, params, fh, chunk=5000):
        real_csv(store, f"SELECT * FROM ({sql}) LIMIT {rows}", params, fh, chunk)
        raise exc()

    monkeypatch.setattr(export, "_write_csv_rows", cut_csv)


@pytest.mark.parametrize("name", ["events.jsonl", "events.csv"])
def test_an_interrupted_export_leaves_the_previous_file_and_no_part(tmp_path, cli, monkeypatch, name):
    db = _store(tmp_path / "news.duckdb", _NIGHT_2)
    out = tmp_path / name
    out.write_text("yesterday's export\n", encoding="utf-8")
    _interrupt_after(monkeypatch, 1, KeyboardInterrupt)
    code, _, err = cli("export", "--db", db, "--out", out, "--count", "mentions")
    assert code == 130
    assert err.startswith("Error: interrupted: the export was not finished") and len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["news.duckdb", name])


def test_a_terminated_export_to_a_new_name_leaves_no_file(tmp_path, cli, monkeypatch):
    from gaiko.runner_signals import Terminated

    db = _store(tmp_path / "news.duckdb", _NIGHT_2)
    out = tmp_path / "nightly" / "events.jsonl"
    _interrupt_after(monkeypatch, 2, Terminated)
    code, _, err = cli("export", "--db", db, "--out", out, "--count", "mentions")
    assert code == 143 and "terminated (SIGTERM)" in err
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_a_finished_export_replaces_the_previous_file(tmp_path, cli):
    import pandas as pd

    db = _store(tmp_path / "news.duckdb", _NIGHT_2)
    for name in ("e.csv", "e.jsonl", "e.parquet"):
        out = tmp_path / name
        out.write_text("old\n", encoding="utf-8")
        code, _, err = cli("export", "--db", db, "--out", out, "--count", "mentions")
        assert code == 0, err
        reader = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}
        assert len(reader[name.split(".")[1]](out)) == 6
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


# 4. a feed whose article text sits under another name (``body``, ``content``, ``articleBody``) is refused record by
#    record, as before, but the error now says which field that is and what to do; a CSV header separated by ';'
#    without a text column was shown as one column ('id;headline;body;published').

def test_a_record_whose_text_is_under_another_name_is_told_which(tmp_path):
    import json

    from gaiko.ingest import read_inputs

    feed = tmp_path / "wire.jsonl"
    feed.write_text(json.dumps({"guid": "w-1", "body": "Fiji recalled its envoy from Vanuatu.", "pubDate": "2026-02-03"})
                    + "\n" + json.dumps({"id": "w-2", "Content": "Nepal thanked India.", "articleBody": "Nepal thanked "
                                         "India."}) + "\n", encoding="utf-8")
    got = [e for e in read_inputs([str(feed)]) if getattr(e, "reason", None) == "missing_text"]
    assert len(got) == 2
    assert "'body' looks like the article's text: rename it to 'text'" in got[0].detail
    assert "'Content', 'articleBody' look like the article's text: rename one of them to 'text'" in got[1].detail


def test_a_semicolon_csv_without_a_text_column_names_its_columns(tmp_path):
    from gaiko.ingest import read_inputs

    feed = tmp_path / "export.csv"
    feed.write_text("guid;headline;content;pub_date\nq1;Talks;\"Fiji recalled its envoy.\";2026-02-03\n",
                    encoding="utf-8")
    (err,) = list(read_inputs([str(feed)]))
    assert err.reason == "csv"
    assert "(columns: 'guid', 'headline', 'content', 'pub_date')" in err.detail
    assert "'content' looks like the article's text" in err.detail


def test_a_record_with_text_gets_no_such_note(tmp_path):
    import json

    from gaiko.ingest import read_inputs

    feed = tmp_path / "ok.jsonl"
    feed.write_text(json.dumps({"id": "k", "text": "", "body": "x"}) + "\n", encoding="utf-8")
    (err,) = [e for e in read_inputs([str(feed)]) if getattr(e, "reason", None)]
    assert err.reason == "missing_text" and "looks like" not in err.detail


# 5. HTML left in a record's 'text' (a feed's body copied with its markup) was stored and parsed as it was: tags were
#    words, a script's code a sentence, and the actors of the sentence went wrong. Now such text is read as the 'html'
#    field is, with an `html_in_text` warning; text with a lone '<' or '>' sign is text.

def test_html_left_in_the_text_field_is_read_as_html_with_a_warning(tmp_path):
    import json

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    feed = tmp_path / "cms.jsonl"
    feed.write_text(json.dumps({"id": "cms-1", "published": "2026-04-02", "text":
                                "<p>Bhutan <b>welcomed</b> Nepal's offer on Tuesday.</p><script>track('x');</script>"
                                "<p>Talks open in Thimphu next week.</p>"}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    (warning,) = [i for i in items if not isinstance(i, Article)]
    (art,) = [i for i in items if isinstance(i, Article)]
    assert warning.reason == "html_in_text" and warning.severity == "warning" and warning.line == 1
    assert art.text == "Bhutan welcomed Nepal's offer on Tuesday.\nTalks open in Thimphu next week."
    assert art.external_id == "cms-1" and art.published == "2026-04-02"


def test_text_with_signs_or_one_tag_stays_text(tmp_path):
    import json

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    texts = ["Inflation in Laos stayed < 5% while growth was > 4%, the ministry said.",
             "Mongolia's envoy wrote <b>urgent</b in the cable, officials said."]
    feed = tmp_path / "plain.jsonl"
    feed.write_text("".join(json.dumps({"text": t, "published": "2026-04-02"}) + "\n" for t in texts), encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    assert [i.text for i in items if isinstance(i, Article)] == texts
    assert not [i for i in items if not isinstance(i, Article)]


def test_gaiko_code_codes_the_words_not_the_tags(tmp_path, cli, code_here):
    import json

    from gaiko.store import Store

    feed = tmp_path / "cms.jsonl"
    feed.write_text(json.dumps({"id": "cms-2", "published": "2026-04-03", "text": "<div class='body'><p>Latvia "
                                "<strong>expelled</strong> two Belarusian diplomats on Friday.</p></div>"}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "n.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet", "--no-ledger")
    assert code == 0, err
    with Store(str(db), read_only=True) as s:
        assert s.scalar("SELECT text FROM articles") == "Latvia expelled two Belarusian diplomats on Friday."
        assert s.scalar("SELECT count(*) FROM errors WHERE reason = 'html_in_text'") == 1
        assert s.scalar("SELECT count(*) FROM sentences WHERE text LIKE '%<%'") == 0


# 6. a CSV feed piped to `gaiko code -` (or in a file without a CSV suffix) was coded as ONE article of its header
#    and cells, exit 0 and no word; a first line that is a header naming text or html (with a row after it) is now read
#    as CSV, as a .csv file is.

@pytest.mark.parametrize("body", [
    'id,title,text,published\nr1,Port,"Panama reopened the port to Colombian ships.",2026-05-02\n'
    'r2,Aid,"Norway thanked Iceland for the aid.",2026-05-03\n',
    '\ufeff"id";"text";"published"\nr1;"Panama reopened the port to Colombian ships.";2026-05-02\n'
    'r2;"Norway thanked Iceland for the aid.";2026-05-03\n',
])
def test_csv_on_standard_input_is_read_as_csv(monkeypatch, body):
    import io

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8"))))
    items = list(read_inputs(["-"]))
    assert [(a.external_id, a.text, a.published) for a in items if isinstance(a, Article)] == [
        ("r1", "Panama reopened the port to Colombian ships.", "2026-05-02"),
        ("r2", "Norway thanked Iceland for the aid.", "2026-05-03")]
    assert [a.origin for a in items] == ["<stdin>:2", "<stdin>:3"]


def test_a_csv_file_without_a_csv_suffix_is_read_as_csv(tmp_path):
    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    feed = tmp_path / "feed-2026-05-02.dat"
    feed.write_text('id|text|source\nd1|"Panama reopened the port to Colombian ships."|Canal Wire\n', encoding="utf-8")
    (art,) = list(read_inputs([str(feed)]))
    assert isinstance(art, Article) and art.source == "Canal Wire" and art.external_id == "d1"


def test_text_whose_first_line_has_commas_is_still_one_article(monkeypatch):
    import io

    from gaiko.ingest import read_inputs
    from gaiko.types import Article

    body = "Text, talks and trade: Panama reopened the port on Monday.\nColombian ships sailed in.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8"))))
    (art,) = list(read_inputs(["-"]))
    assert isinstance(art, Article) and art.text == body.strip()


def test_while_the_new_file_is_written_pages_say_so_in_html_and_answers_ask_for_a_retry(tmp_path):
    """A dashboard page answered a store error with the API's JSON; a 503 ``locked`` now carries Retry-After."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    with TestClient(create_app(served, api_key=None)) as c:
        assert c.get("/events").status_code == 200
        os.replace(_store(tmp_path / "copy.duckdb", _NIGHT_2), served)
        holder = _hold_for_writing(served)
        try:
            assert holder.stdout.readline().strip() == "held"
            page = c.get("/events")
            assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
            assert "is in use by another process" in page.text and "cannot be read just now" in page.text
            assert page.headers["retry-after"] == "30"
            api = c.get("/api/v1/events")
            assert api.status_code == 503 and api.json()["reason"] == "locked" and api.headers["retry-after"] == "30"
        finally:
            holder.kill()
            holder.wait()
        assert c.get("/events").status_code == 200


# 7. the same url twice with two texts (a wire story and its corrected version) was coded twice without a word, and
#    clusters counted the two versions as two reports; both are still coded (nothing is lost) but a `same_url`
#    warning names the first, so the engineer can leave one out.

def test_an_updated_version_under_the_same_url_is_a_warning(tmp_path):
    import json

    from gaiko.coding import run_code
    from gaiko.store import Store
    from tests.helpers import FakeCoder as _Fake

    class FakeCoder(_Fake):  # keeps the url, as the real coder does
        def code_article(self, a):
            c = super().code_article(a)
            c.article.url = a.url
            return c

    url = "https://wire.example/2026/05/peru-chile"
    first = {"id": "pc-1", "url": url, "published": "2026-05-02", "text": "Peru recalled its ambassador from Chile."}
    fixed = {**first, "id": "pc-1b", "text": "Peru recalled its ambassador from Chile on Friday, correcting an earlier "
                                                "report."}
    other = {"id": "pc-2", "url": "https://wire.example/2026/05/other", "published": "2026-05-02",
             "text": "Bolivia thanked Peru for the aid."}
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in (first, other, fixed)), encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    run_code([str(feed)], db=db, quiet=True, coder=FakeCoder())
    run_code([str(feed)], db=db, quiet=True, coder=FakeCoder())  # the same feed again: nothing new
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({**first, "id": "pc-1c", "text": "Peru recalled its envoy from Chile."}) + "\n",
                     encoding="utf-8")
    run_code([str(later)], db=db, quiet=True, coder=FakeCoder())
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 4
        rows = s.query("SELECT path, line, severity, detail FROM errors WHERE reason = 'same_url' ORDER BY path")
    assert [(r["path"].rsplit("/", 1)[-1], r["line"], r["severity"]) for r in rows] == [
        ("later.jsonl", 1, "warning"), ("wire.jsonl", 3, "warning")]
    assert all(url in r["detail"] and "both are coded" in r["detail"] for r in rows)


def test_a_server_never_idle_still_turns_to_the_new_file(tmp_path):
    """With requests that overlap (one always reading the old file) there was no moment to reopen: a new request now
    waits a moment (DRAIN_S) for those reading the old file, then reads the new one."""
    import threading

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    served = _store(tmp_path / "news.duckdb", _NIGHT_1)
    app = create_app(served, api_key=None)
    state = app.state.gaiko
    with TestClient(app) as c:
        assert _articles(c) == 2
        os.replace(_store(tmp_path / "copy.duckdb", _NIGHT_2), served)
        with state._idle:  # a slow request (a long download) is reading the old file
            state._readers += 1

        def slow_request_ends() -> None:
            with state._idle:
                state._readers -= 1
                state._idle.notify_all()

        threading.Timer(0.3, slow_request_ends).start()
        assert _articles(c) == 3


# 3b. (review of round n39) the move over ``--out`` must keep what the user set up there: a symbolic link stays a link
#     to the file it names, and a previous export's permissions (e.g. group-readable for a loader) carry over.

@pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes as POSIX has them")
def test_an_export_through_a_link_keeps_the_link_and_the_file_mode(tmp_path, cli):
    db = _store(tmp_path / "news.duckdb", _NIGHT_2)
    real = tmp_path / "warehouse" / "events.jsonl"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    code, _, err = cli("export", "--db", db, "--out", link, "--count", "mentions")
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(real.read_text(encoding="utf-8").splitlines()) == 6
    assert (real.stat().st_mode & 0o777) == 0o640
    assert not [p for p in (tmp_path, real.parent) for q in p.iterdir() if ".partial-" in q.name]
