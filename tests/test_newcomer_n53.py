"""Round n53 (session 53): what newcomer round n52 found and left, fixed as a demanding user expects.

1. A pledge's evidence named its article and sentence index, with no character offsets, where every event row has
   its sentence's and its trigger's: now each evidence item (the sentence that made the pledge, each report that
   moved it, each outlet's report of one deed) has ``sentence_start`` and ``sentence_end`` in its article's text, in
   ``gaiko pledges --json``, ``pledge show --json``, the API's pledge endpoints, the downloads and the dashboard.
2. ``gaiko actors`` counted actor mentions anywhere in the text (``mentions``), ``GET /api/v1/actors`` events by
   cluster with the actor on either side (``events``): two counts under one name. Now both count events by cluster
   (``--count mentions`` / ``count=mentions``: every report), with the same columns; the names in the text are
   ``gaiko actors --in-text``, counted in ``text_mentions``.
3. One row of a CSV file holding a NUL byte made the whole file "binary - file contains NUL bytes" (no row coded),
   and a JSONL line with one was told "file contains NUL bytes": now the record is told (file, line, reason) and
   every other record is coded; the few lines of a UTF-8 CSV that are not UTF-8 are each a warning with its line.
4. The time of a cluster overrule (``gaiko cluster overrules``, its ``--json``, the API, the dashboard, ``gaiko
   overrules export``) and of a status set by hand was written ``2026-12-07 02:13:21.521164``, no zone; a decisions
   file's time with an offset was stored as if it were UTC. Now ISO 8601 with ``Z``, any offset read into UTC.
5. A ``.txt`` article's headline line ("Poland vows to buy tanks") was a sentence of its text and became a pledge of
   its own beside the body's. Its first line, when a title (short, no final full stop, a blank line after it), is now
   the article's title, never coded, as a JSONL record's ``title``.

Articles written for these tests (invented outlets; East and southern African and Baltic events); none comes from a
gold file.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from gaiko.store import Store
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ARTICLES = [  # (published, outlet, title, text): sentences that end their paragraph, so their line end is kept
    ("2025-04-02", "Nairobi Ledger", "Kenya pledges engineers",
     "NAIROBI - Kenya's defence ministry pledged on Tuesday to send 300 army engineers to Somalia by the end of "
     "June.\n\n"
     "The engineers will rebuild two bridges near Baidoa, officials said.\n"),
    ("2025-07-09", "Mogadishu Post", "Kenyan engineers arrive",
     "Officials in Baidoa said on Wednesday that Kenya had sent 300 army engineers to Somalia.\n\n"
     "Local leaders thanked Nairobi for the help.\n"),
    ("2025-05-14", "Riga Courier", "Latvia plans border fence",
     "Latvia said on Wednesday it would complete a fence along its border with Belarus by the end of 2026.\n"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder) -> str:
    from gaiko.tracking import update_ledger

    path = tmp_path_factory.mktemp("n53") / "east.duckdb"
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=ti)) for d, o, ti, t in ARTICLES]
    with Store(path) as s:
        s.write_coded(coded)
        update_ledger(s)
    return str(path)


def _texts(db: str) -> dict[str, str]:
    with Store(db, read_only=True) as s:
        return dict(s.con.execute("SELECT id, text FROM articles").fetchall())


def _cut(texts: dict[str, str], item: dict) -> str:
    start, end = item["sentence_start"], item["sentence_end"]
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end, item
    return texts[item["article_id"]][start:end]


def _all_items(entries: list[dict]) -> list[dict]:
    return [it for e in entries for ev in e["evidence"] for it in [ev, *(ev.get("reports") or [])]]


# 1. offsets of pledge evidence --------------------------------------------------------------------------------------

def test_every_evidence_item_of_the_json_ledger_cuts_its_sentence_out_of_its_article(cli, db) -> None:
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code == 0, err
    entries = json.loads(out)["pledges"]
    texts = _texts(db)
    items = _all_items(entries)
    assert len(items) >= 3 and any(it["role"] == "made" for it in items if "role" in it)
    assert any(it.get("role") == "fulfilled" for it in items), [it.get("role") for it in items]
    for it in items:
        assert _cut(texts, it) == it["sentence"], it
    # a sentence that ended its paragraph: its line end is not part of it (nor of what the offsets cut)
    made = next(it for it in items if "300 army engineers to Somalia by" in it["sentence"])
    assert made["sentence"].endswith("June.")


def test_pledge_show_json_and_the_api_give_the_same_offsets(cli, db) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    code, out, _ = cli("pledges", "--db", db, "--json")
    entries = json.loads(out)["pledges"]
    engineers = next(e for e in entries if "engineers" in e["action"])
    code, out, err = cli("pledge", "show", engineers["id"], "--db", db, "--json")
    assert code == 0, err
    shown = json.loads(out)
    spans = [(ev["article_id"], ev["sentence_start"], ev["sentence_end"]) for ev in engineers["evidence"]]
    assert [(ev["article_id"], ev["sentence_start"], ev["sentence_end"]) for ev in shown["evidence"]] == spans
    texts = _texts(db)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        one = client.get(f"/api/v1/pledges/{engineers['id']}").json()
        assert [(ev["article_id"], ev["sentence_start"], ev["sentence_end"]) for ev in one["evidence"]] == spans
        page = client.get("/api/v1/pledges", params={"limit": 100}).json()["pledges"]
        row = next(r for r in page if r["id"] == engineers["id"])
        # the ledger row names where its own sentence is, as an event row does
        assert _cut(texts, row) == row["sentence"] and row["sentence_index"] is not None
        assert [(ev["sentence_start"], ev["sentence_end"]) for ev in row["evidence"]] == [s[1:] for s in spans]
        html = client.get(f"/pledges/{engineers['id']}").text
        made = engineers["evidence"][0]
        assert f'data-start="{made["sentence_start"]}" data-end="{made["sentence_end"]}"' in html
        assert f"characters {made['sentence_start']}–{made['sentence_end']}" in html


def test_the_downloads_carry_the_offsets_of_each_sentence(cli, db) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    texts = _texts(db)
    code, out, err = cli("pledges", "--db", db, "--evidence", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"sentence_start", "sentence_end"} <= set(rows[0])
    for r in rows:
        got = texts[r["article_id"]][int(r["sentence_start"]):int(r["sentence_end"])]
        assert got == r["sentence"], r
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        sheet = client.get("/api/v1/export/pledges", params={"evidence": "true", "format": "csv"}).text
        api_rows = list(csv.DictReader(io.StringIO(sheet)))
        assert sorted((r["article_id"], r["sentence_start"], r["sentence_end"]) for r in api_rows) == sorted(
            (r["article_id"], r["sentence_start"], r["sentence_end"]) for r in rows)
        ledger_sheet = list(csv.DictReader(io.StringIO(client.get("/api/v1/export/pledges",
                                                                  params={"format": "csv"}).text)))
        for r in ledger_sheet:
            assert texts[r["article_id"]][int(r["sentence_start"]):int(r["sentence_end"])] == r["sentence"], r
    code, out, _ = cli("pledges", "--db", db, "--format", "csv")
    for r in csv.DictReader(io.StringIO(out)):
        assert texts[r["article_id"]][int(r["sentence_start"]):int(r["sentence_end"])] == r["sentence"], r


def test_an_item_whose_sentence_the_store_does_not_hold_gets_no_offsets() -> None:
    """The look-alike: evidence without a sentence of the store (index -1, or another text at that index) is given
    None, never offsets of some other sentence."""
    import duckdb

    from gaiko.tracking.evidence_spans import with_offsets

    con = duckdb.connect(":memory:")
    con.execute('CREATE TABLE sentences (article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR)')
    con.execute("INSERT INTO sentences VALUES ('a1', 0, 0, 12, 'Riga agreed.'), ('a1', 1, 13, 30, 'Vilnius objected.')")
    entries = [{"id": "p", "evidence": [
        {"article_id": "a1", "sentence_index": 1, "sentence": "Vilnius objected.\n"},
        {"article_id": "a1", "sentence_index": 0, "sentence": "Tallinn refused."},
        {"article_id": "a1", "sentence_index": -1, "sentence": "a status set by hand"},
    ]}]
    got = with_offsets(con, entries)[0]["evidence"]
    assert (got[0]["sentence_start"], got[0]["sentence_end"], got[0]["sentence"]) == (13, 30, "Vilnius objected.")
    assert got[1]["sentence_start"] is None and got[1]["sentence"] == "Tallinn refused."
    assert got[2]["sentence_start"] is None and got[2]["sentence_end"] is None
    assert entries[0]["evidence"][0]["sentence"] == "Vilnius objected.\n"  # the input is not changed


# 2. actors: one count under one name on every surface ----------------------------------------------------------------

@pytest.mark.parametrize("count", ["clusters", "mentions"])
def test_cli_api_and_downloads_list_the_same_actors_with_the_same_counts(cli, db, count) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    args = () if count == "clusters" else ("--count", count)
    code, out, err = cli("actors", "--db", db, "--json", *args)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["counted"] == count and doc["in_text"] is False
    rows = doc["actors"]
    assert rows and {"events", "as_source", "as_target", "key"} <= set(rows[0]) and "mentions" not in rows[0]
    code, out, _ = cli("actors", "--db", db, "-f", "csv", *args)
    cli_csv = list(csv.DictReader(io.StringIO(out)))
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        api = client.get("/api/v1/actors", params={"limit": 1000, "count": count}).json()
        api_csv = list(csv.DictReader(io.StringIO(client.get("/api/v1/actors", params={
            "limit": 1000, "count": count, "format": "csv"}).text)))
    assert api["total"] == doc["total"] == len(rows)
    assert api["actors"] == rows
    pick = ("key", "as_source", "as_target", "events")
    assert [tuple(r[k] for k in pick) for r in cli_csv] == [tuple(r[k] for k in pick) for r in api_csv] == [
        tuple(str(r[k]) for k in pick) for r in rows]


def test_by_report_never_counts_fewer_than_by_cluster(cli, db) -> None:
    """The switch keeps the same actors: an event told in two articles is one event by cluster, two reports."""
    code, out, _ = cli("actors", "--db", db, "--json")
    by_cluster = {r["key"]: r["events"] for r in json.loads(out)["actors"]}
    code, out, _ = cli("actors", "--db", db, "--json", "--count", "mentions")
    by_report = {r["key"]: r["events"] for r in json.loads(out)["actors"]}
    assert set(by_cluster) == set(by_report)
    assert all(by_report[k] >= by_cluster[k] for k in by_cluster)


def test_names_in_the_text_are_one_switch_away_and_say_what_they_count(cli, db) -> None:
    """The look-alike: the knowledge-base listing stays, its count named ``text_mentions``."""
    code, out, err = cli("actors", "--db", db, "--in-text", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["counted"] == "text_mentions" and doc["in_text"] is True
    kenya = next(r for r in doc["actors"] if r["country"] == "KEN")
    assert kenya["text_mentions"] >= 2 and "resolved_by" in kenya and "mentions" not in kenya
    code, out, err = cli("actors", "--db", db, "--unresolved", "-f", "jsonl")
    assert code == 0, err
    assert all("text_mentions" in json.loads(line) for line in out.splitlines())
    code, _, err = cli("actors", "--db", db, "--count", "reports")
    assert code != 0 and "unknown count 'reports'" in err


# 3. a NUL byte, or a line that is not UTF-8, is the record's, not the file's ------------------------------------------

_ROWS = [b"id,title,published,text",
         b"r1,Botswana,2025-03-01,Botswana pledged on Monday to build 40 clinics in Francistown by December.",
         b"r2,Zambia,2025-03-02,Zambia vowed to reopen the Chirundu border crossing by May.",
         b"r3,Namibia,2025-03-03,Namibia promised to cut fuel subsidies by July."]


def _read(path):
    from gaiko.ingest import read_path
    from gaiko.types import Article, InputError

    items = list(read_path(path))
    return ([a.external_id for a in items if isinstance(a, Article)],
            [(e.line, e.reason, e.severity, e.detail) for e in items if isinstance(e, InputError)])


@pytest.mark.parametrize("suffix, sep", [(".csv", b","), (".tsv", b"\t")])
def test_a_csv_row_with_a_nul_byte_is_one_error_and_the_other_rows_are_coded(tmp_path, suffix, sep) -> None:
    rows = [r.replace(b",", sep, 3) for r in _ROWS]
    rows[2] = rows[2].replace(b"Chirundu", b"Chir\x00undu")
    src = tmp_path / f"feed{suffix}"
    src.write_bytes(b"\n".join(rows) + b"\n")
    ids, errors = _read(src)
    assert ids == ["r1", "r3"]
    assert [(line, reason, sev) for line, reason, sev, _ in errors] == [(3, "binary", "error")]
    assert "the record holds NUL bytes" in errors[0][3] and "file contains" not in errors[0][3]


def test_a_jsonl_line_with_a_nul_byte_says_it_is_the_line(tmp_path) -> None:
    src = tmp_path / "feed.jsonl"
    recs = [json.dumps({"id": f"j{k}", "published": "2025-03-0%d" % k, "text": r.split(b",", 3)[3].decode()})
            for k, r in enumerate(_ROWS[1:], start=1)]
    data = "\n".join(recs).replace("Chirundu", "Chir\\u0000undu").encode()
    src.write_bytes(data.replace(b"Francistown", b"Francis\x00town"))
    ids, errors = _read(src)
    assert ids == ["j2", "j3"]  # a NUL written as JSON's escape is text of the record, as before
    assert [(line, reason) for line, reason, _, _ in errors] == [(1, "binary")]
    assert "the record holds NUL bytes" in errors[0][3]


def test_a_file_of_nul_bytes_throughout_is_still_refused_whole(tmp_path) -> None:
    """The look-alike: binary bytes (NULs on most lines) are one error for the file, never a row each."""
    src = tmp_path / "blob.csv"
    src.write_bytes(b"id,text\n" + b"\n".join(b"r%d,\x00\x01\x00\x02\x00" % k for k in range(6)) + b"\n")
    ids, errors = _read(src)
    assert ids == [] and [(line, reason) for line, reason, _, _ in errors] == [(None, "binary")]


def test_a_request_body_of_csv_with_a_nul_row_codes_the_others() -> None:
    from gaiko.server.write import parse_body

    body = b"\n".join(_ROWS).replace(b"Chirundu", b"Chir\x00undu") + b"\n"
    arts, errors = parse_body(body, "csv", {})
    assert [a.external_id for a in arts] == ["r1", "r3"]
    assert [(e.line, e.reason) for e in errors] == [(3, "binary")]


def test_the_one_csv_line_that_is_not_utf8_is_warned_with_its_line(tmp_path) -> None:
    rows = list(_ROWS)
    rows[3] = rows[3].replace(b"Namibia", b"Nam\xedbia", 1).replace(b"fuel", b"fu\xe9l")
    src = tmp_path / "feed.csv"
    src.write_bytes(b"\n".join(rows) + b"\n")
    ids, errors = _read(src)
    assert ids == ["r1", "r2", "r3"]
    assert [(line, reason, sev) for line, reason, sev, _ in errors] == [(4, "encoding", "warning")]
    assert "Windows-1252" in errors[0][3]
    # the look-alike: a file not UTF-8 throughout keeps its one warning for the file
    every = [r.replace(b"pledged", b"pl\xe9dged").replace(b"vowed", b"v\xf3wed").replace(b"promised", b"pr\xf3mised")
             for r in _ROWS]
    src.write_bytes(b"\n".join(every) + b"\n")
    ids, errors = _read(src)
    assert ids == ["r1", "r2", "r3"] and [(line, reason) for line, reason, _, _ in errors] == [(None, "encoding")]


# 4. overrule times in UTC, with their zone -------------------------------------------------------------------------

_ISO_Z = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


@pytest.fixture()
def merged(tmp_path, db, cli) -> tuple[str, dict]:
    import shutil

    work = str(tmp_path / "work.duckdb")
    shutil.copy(db, work)
    code, out, err = cli("events", "--db", work, "--json", "--limit", "2")
    assert code == 0, err
    ids = [e["cluster_id"] for e in json.loads(out)["events"]]
    code, out, err = cli("cluster", "merge", *ids, "--db", work, "--note", "one visit", "--json")
    assert code == 0, err
    return work, json.loads(out)


def test_an_overrule_time_is_utc_with_its_zone_on_every_surface(cli, merged) -> None:
    import datetime as dt
    import re

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    work, made = merged
    code, out, err = cli("cluster", "overrules", "--db", work, "--json")
    assert code == 0, err
    when = json.loads(out)["overrules"][0]["created_at"]
    assert re.fullmatch(_ISO_Z, when), when
    age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(when)
    assert dt.timedelta(seconds=-2) < age < dt.timedelta(minutes=10)  # UTC, not the machine's local time
    code, out, _ = cli("cluster", "overrules", "--db", work, "-f", "csv")
    assert when in out
    code, out, _ = cli("overrules", "export", "-", "--db", work)
    assert json.loads(out.splitlines()[0])["created_at"] == when
    with TestClient(create_app(work), raise_server_exceptions=False) as client:
        view = client.get(f"/api/v1/clusters/{made['cluster_id']}").json()
        assert [o["created_at"] for o in view["overrules"]] == [when]
        assert f'<time datetime="{when}">' in client.get(f"/clusters/{made['cluster_id']}").text


def test_a_decisions_file_time_with_an_offset_is_stored_in_utc(cli, merged, tmp_path) -> None:
    work, _ = merged
    code, out, _ = cli("overrules", "export", "-", "--db", work)
    rec = json.loads(out.splitlines()[0])
    code, _, err = cli("cluster", "undo", rec["id"], "--db", work)
    assert code == 0, err
    src = tmp_path / "decisions.jsonl"
    src.write_text(json.dumps({**rec, "created_at": "2026-03-09T14:05:00+09:00"}) + "\n", encoding="utf-8")
    code, _, err = cli("overrules", "import", str(src), "--db", work)
    assert code == 0, err
    code, out, _ = cli("cluster", "overrules", "--db", work, "--json")
    assert [o["created_at"] for o in json.loads(out)["overrules"]] == ["2026-03-09T05:05:00Z"]


def test_a_time_without_a_zone_is_read_as_utc_as_the_store_wrote_it() -> None:
    """The look-alike: a file written before (no zone) keeps its time; a malformed one gives None."""
    from gaiko.utctime import utc_naive, utc_text

    assert utc_text("2026-12-07 02:13:21.521164") == "2026-12-07T02:13:21Z"
    assert utc_text("2026-12-07T04:13:21+02:00") == "2026-12-07T02:13:21Z"
    assert str(utc_naive("2026-12-07 02:13:21")) == "2026-12-07 02:13:21"
    assert utc_naive("yesterday") is None and utc_text(None) is None


# 5. a text file's title line is its title, as a record's title -------------------------------------------------------

TANKS_TITLE = "Estonia vows to buy 40 howitzers"
TANKS_BODY = ("Estonia's defence ministry said on Monday it would buy 40 self-propelled howitzers from South Korea by "
              "the end of 2026.\n\nThe contract is worth about 300 million euros, officials said.")


def _articles(path):
    from gaiko.ingest import read_path
    from gaiko.types import Article

    return [a for a in read_path(path) if isinstance(a, Article)]


def test_a_text_files_title_line_is_its_title_and_gives_no_pledge_of_its_own(tmp_path, coder) -> None:
    txt = tmp_path / "2025-06-02-howitzers.txt"
    txt.write_text(f"{TANKS_TITLE}\n\n{TANKS_BODY}\n", encoding="utf-8")
    rec = tmp_path / "howitzers.jsonl"
    rec.write_text(json.dumps({"title": TANKS_TITLE, "text": TANKS_BODY, "published": "2025-06-02"}) + "\n",
                   encoding="utf-8")
    (as_txt,), (as_rec,) = _articles(txt), _articles(rec)
    assert (as_txt.title, as_txt.text) == (as_rec.title, as_rec.text) == (TANKS_TITLE, TANKS_BODY)
    assert as_txt.id == as_rec.id  # one text, one article, whichever way it came
    t, r = coder.code_article(as_txt), coder.code_article(as_rec)
    assert TANKS_TITLE not in [s.text.strip() for s in t.sentences]
    assert [(p.action, p.sentence) for p in t.pledges] == [(p.action, p.sentence) for p in r.pledges]
    assert t.pledges and not [p for p in t.pledges if TANKS_TITLE in p.sentence]


@pytest.mark.parametrize("first, sep", [
    ("Estonia said on Monday it would buy 40 howitzers.", "\n\n"),  # a sentence: a full stop
    (TANKS_TITLE, "\n"),  # the body right under it: no blank line
    ("Estonia's defence ministry said on Monday it would buy 40 self-propelled howitzers from South Korea by the end "
     "of 2026 in a deal that officials said was worth about 300 million euros and would be signed in Tallinn", "\n\n"),
])
def test_a_first_line_that_is_no_title_stays_a_sentence_of_the_text(tmp_path, first, sep) -> None:
    """The look-alikes: a first line with a full stop, one with no blank line after it, or one too long for a title
    is coded as a sentence of the text, as before."""
    txt = tmp_path / "2025-06-02-howitzers.txt"
    txt.write_text(f"{first}{sep}{TANKS_BODY}\n", encoding="utf-8")
    (art,) = _articles(txt)
    assert art.title is None and art.text.startswith(first)


def test_a_one_line_text_file_and_a_markdown_heading(tmp_path) -> None:
    one = tmp_path / "2025-06-02-short.txt"
    one.write_text(f"{TANKS_TITLE}\n", encoding="utf-8")
    (art,) = _articles(one)
    assert art.title is None and art.text == TANKS_TITLE  # nothing after it: the line is the text
    md = tmp_path / "2025-06-02-howitzers.md"
    md.write_text(f"# {TANKS_TITLE}\n\n{TANKS_BODY}\n", encoding="utf-8")
    (art,) = _articles(md)
    assert (art.title, art.text) == (TANKS_TITLE, TANKS_BODY)


def test_a_text_file_stored_with_its_headline_in_its_text_is_met_again_as_that_article(tmp_path, coder) -> None:
    """A store coded before this round holds a .txt article whose text begins with its headline; the same file now
    reads as title and body, whose title and text together are that stored text: the same article, not coded twice."""
    from gaiko.runner import code_into_store

    db = tmp_path / "before.duckdb"
    old = Article(text=f"{TANKS_TITLE}\n\n{TANKS_BODY}", published="2025-06-02")  # as a .txt was stored
    with Store(db) as s:
        s.write_coded([coder.code_article(old)])
    txt = tmp_path / "2025-06-02-howitzers.txt"
    txt.write_text(f"{TANKS_TITLE}\n\n{TANKS_BODY}\n", encoding="utf-8")
    with Store(db) as s:
        summary = code_into_store(s, _articles(txt), coder=coder, track=False)
        n = s.scalar("SELECT count(*) FROM articles")
    assert (summary.articles, n) == (0, 1)
    assert [e.reason for e in summary.error_list] == ["headline_copy"]
