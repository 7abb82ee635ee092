"""Round r37: what newcomer round b33 found on the surfaces (F16-F20; exact: nothing coded or tracked changes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ROOT = Path(__file__).resolve().parent.parent


def _doc(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())  # lines joined: phrases wrap anywhere


# -- F16: the README's read-only line says what works while `gaiko code` writes ---------------------------------------
def test_the_readme_says_what_a_writer_leaves_working_and_links_store_md() -> None:
    text = _doc("README.md")
    assert "can read it too" not in text  # read as "while coding" (b33 F16)
    assert "every other process that opens it is refused, readers included" in text
    assert '"in use by another process (PID ...)"' in text  # the one line a reader is told
    assert "DuckDB lets one process write a file or several read it, never both at once" in text  # why
    assert "querying a copy" in text and "POST /api/v1/articles" in text  # what works meanwhile
    assert "docs/store.md#one-writer" in text and "## One writer" in (ROOT / "docs/store.md").read_text()


# -- F17: which REST endpoint gives PLOVER JSON and which flat columns; `cameo` and `cameo_root` ----------------------
def test_the_api_shapes_are_the_ones_records_md_names(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from serve_data import build_store

    from gaiko.server import create_app

    db = build_store(tmp_path / "f17.duckdb", corpus=False)
    with TestClient(create_app(str(db))) as c:
        page = c.get("/api/v1/events", params={"limit": 500}).json()["events"]
        lines = [json.loads(x) for x in c.get("/api/v1/events", params={"limit": 500, "format": "jsonl"}).text.splitlines()]
        plover = [json.loads(x) for x in c.get("/api/v1/export/events", params={"format": "jsonl"}).text.splitlines()]
        csv_head = c.get("/api/v1/export/events", params={"format": "csv"}).text.splitlines()[0].split(",")
    assert page and lines and plover
    for flat in (page[0], lines[0]):  # the page and its JSONL download: flat columns
        assert {"event_type", "source_country", "cameo"} <= set(flat) and not {"event", "actor", "cameo_root"} & set(flat)
    assert {"event", "actor", "recipient", "cameo_root"} <= set(plover[0]) and "cameo" not in plover[0]
    assert "cameo" in csv_head and "cameo_root" not in csv_head
    by_id = {r["id"]: r for r in page}
    assert all(by_id[r["id"]]["cameo"] == r["cameo_root"] for r in plover if r["id"] in by_id)  # one value, two names
    text = _doc("docs/records.md")
    assert "the REST API): PLOVER" not in text  # b33 F17: said of every endpoint
    assert "`GET /api/v1/export/events?format=jsonl` | PLOVER JSON" in text
    assert "`GET /api/v1/events` (the JSON answer's `events`), `?format=jsonl`, `?format=csv` | flat columns" in text
    assert "`cameo` and `cameo_root` are one value under two names." in text
    assert "The canonical name in these docs is the store's: `cameo`" in text


# -- F18: one "made" day for a pledge in `gaiko pledge show` and the as-of error (CLI and API) -------------------------
def test_pledge_show_and_the_as_of_error_give_the_same_made_day(cli, code_here, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    feed = tmp_path / "feed.jsonl"  # published on a Thursday; the pledge was made on the Monday before
    feed.write_text(json.dumps({"id": "p1", "published": "2026-01-08", "text": "Norway pledged on Monday to send two "
                                "field hospitals to Moldova by the end of March."}) + "\n")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet")
    assert code in (0, None), err
    code, out, _ = cli("pledges", "--db", db, "--format", "jsonl")
    entry = json.loads(out.splitlines()[0])
    assert entry["made_on"] == "2026-01-05"  # the day the cue verb carries (docs/pledges.md, round n49)
    said = "made on 2026-01-05, first reported on 2026-01-08"
    code, out, err = cli("pledge", "show", entry["id"], "--db", db)
    assert code in (0, None) and said in out, out  # b33 F18: show gave only the publication date (timeline)
    for day in ("2026-01-05", "2026-01-07"):  # made, but not yet reported: no pledge in that day's ledger
        code, _, err = cli("pledge", "show", entry["id"], "--db", db, "--as-of", day)
        err = " ".join(err.split())
        assert code == 2 and f"not yet a pledge as of {day}: it was {said}" in err, err
        assert "on or after 2026-01-08" in err  # b33 F18: "made on 2025-10-22, after 2025-10-22"
    code, out, _ = cli("pledge", "show", entry["id"], "--db", db, "--as-of", "2026-01-08")
    assert code in (0, None) and said in out
    with TestClient(create_app(str(db))) as c:
        r = c.get(f"/api/v1/pledges/{entry['id']}", params={"as_of": "2026-01-07"})
        assert r.status_code == 404 and f"it was {said}" in json.dumps(r.json())
        assert c.get(f"/api/v1/pledges/{entry['id']}").json()["made_on"] == "2026-01-05"


# -- F19: a Ctrl-C after the last batch is stored says so; a binary .txt is "not text" ---------------------------------
def _fake_coding(monkeypatch) -> None:
    """`gaiko code` with the test's coder (no model): the runner as it is, only the coder swapped."""
    import gaiko.coding as coding
    from helpers import FakeCoder

    real = coding.code_into_store
    monkeypatch.setattr(coding, "code_into_store", lambda store, items, **kw: real(store, items, **{**kw, "coder": FakeCoder()}))


def _feed(tmp_path: Path, n: int = 5) -> Path:
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps({"text": f"Chile thanked Peru for the rescue, report {i}.", "published": "2025-11-01"})
                           + "\n" for i in range(n)))
    return src


@pytest.mark.parametrize("where", ["catch_up", "finish_run"])
def test_a_ctrl_c_while_the_run_closes_says_every_article_is_stored(cli, tmp_path: Path, monkeypatch, where) -> None:
    import gaiko.runner as runner
    from gaiko.store import Store

    _fake_coding(monkeypatch)
    if where == "catch_up":
        def stop(store, summary):
            raise KeyboardInterrupt()

        monkeypatch.setattr(runner, "_catch_up_clusters", stop)
    else:
        def stop_run(self, run_id, **kw):
            raise KeyboardInterrupt()

        monkeypatch.setattr(Store, "finish_run", stop_run)
    src, db = _feed(tmp_path), tmp_path / "c.duckdb"
    code, _, err = cli("code", src, "--db", db, "-q")
    monkeypatch.undo()
    err = " ".join(err.split())
    assert code == 130, err
    assert "interrupted after every article was stored: nothing is lost and no article is left to code" in err
    assert "to code the rest" not in err and "Traceback" not in err  # b33 F19
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 5
    _fake_coding(monkeypatch)
    code, out, err = cli("code", src, "--db", db, "--json")  # the same command again: codes nothing, finishes
    assert code == 0, err
    done = json.loads(out.splitlines()[-1])
    assert done["articles"] == 0 and done["skipped"] == 5


def test_a_ctrl_c_after_the_run_finished_says_nothing_is_left(cli, tmp_path: Path, monkeypatch) -> None:
    import gaiko.coding as coding
    from gaiko.store import Store

    _fake_coding(monkeypatch)

    def stop(*a, **k):  # the Ctrl-C lands while the summary is printed, after the ledger is stored
        raise KeyboardInterrupt()

    monkeypatch.setattr(coding, "print_summary", stop)
    src, db = _feed(tmp_path), tmp_path / "c.duckdb"
    code, _, err = cli("code", src, "--db", db)
    err = " ".join(err.split())
    assert code == 130, err
    assert "interrupted after the run finished: every article, its events and clusters and the pledge ledger are " \
           f"stored in {db}; nothing is left to code" in err
    assert "run the same command" not in err and "Traceback" not in err
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 5
        assert s.query("SELECT status FROM runs") == [{"status": "finished"}]


def test_a_sigterm_while_the_run_closes_is_still_a_terminated(tmp_path: Path, monkeypatch) -> None:
    """The stop raised after every article was stored is a Terminated for SIGTERM (exit 143 for the callers that ask)
    and a KeyboardInterrupt for Ctrl-C, as before; only its words change."""
    from gaiko.runner_signals import StoredInterrupted, StoredTerminated, Terminated

    assert issubclass(StoredTerminated, Terminated) and issubclass(StoredTerminated, StoredInterrupted)
    assert issubclass(StoredInterrupted, KeyboardInterrupt) and not issubclass(StoredInterrupted, Terminated)


@pytest.mark.parametrize("data", [b"\xff\xfe\x00rubbish\x00\x02",  # b33's kind: ASCII bytes and controls behind FF FE
                                  b"\xfe\xffrubbish\x00\x02\x00",  # the big-endian mark
                                  b"\xff\xfeChile thanked Peru for the rescue.\n\n"],  # one-byte text behind the mark
                         ids=["le", "be", "ascii"])
def test_a_binary_txt_behind_a_utf16_mark_is_not_text_rather_than_not_english(tmp_path: Path, data: bytes) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import InputError

    src = tmp_path / "2025-11-19-notes.txt"
    src.write_bytes(data)
    (err,) = [i for i in read_path(src) if isinstance(i, InputError) and i.severity == "error"]
    assert err.reason == "binary", (err.reason, err.detail)  # b33 F19: not_english, "mostly in a non-Latin script"
    assert "not UTF-16 text" in err.detail and "convert it to UTF-8 text" in err.detail


def test_utf16_text_is_still_read_as_text(tmp_path: Path) -> None:
    """The rule for ASCII bytes behind a UTF-16 mark leaves UTF-16 text alone: English is coded, Chinese, Japanese and
    Russian are ``not_english`` as before (sentences of our own)."""
    from gaiko.ingest import read_path
    from gaiko.types import Article, InputError

    english = "Chile thanked Peru for the rescue of its fishermen on Monday."
    for name, text, want in (("en", english, None), ("zh", "外交部发言人表示，两国同意恢复渔业谈判。", "not_english"),
                             ("ja", "外務省は抗議し、大臣は会見で遺憾の意を表明した。", "not_english"),
                             ("ru", "Министерство иностранных дел заявило протест соседу.", "not_english")):
        for codec in ("utf-16-le", "utf-16-be"):
            src = tmp_path / f"{name}-{codec}.txt"
            src.write_bytes(("\ufeff" + text).encode(codec))
            items = list(read_path(src))
            errors = [i.reason for i in items if isinstance(i, InputError) and i.severity == "error"]
            if want is None:
                assert not errors and [a.text for a in items if isinstance(a, Article)] == [english]
            else:
                assert errors == [want], (name, codec, errors)


# -- F20: a text file's headline line was coded; said where users meet it; `title` keeps it out, as said ----------------
# Round n53 changed the default (newcomer round n52: a .txt headline gave a pledge of its own): a first line that is a
# title (short, no final full stop, a blank line after it) is the article's title, never coded, as a record's `title`;
# these two tests now hold that, and what is said where users meet it.
HEADLINE = "Peru expels Bolivian envoy"
BODY = "Chile thanked Peru on Monday for the rescue of its fishermen."


def test_code_help_and_readme_say_what_becomes_of_a_text_files_headline(cli) -> None:
    code, out, _ = cli("code", "--help")
    out = " ".join(out.replace("│", " ").split())
    assert ("its first line, when a title (short, no final full stop, a blank line after it, no byline or dateline), "
            "is its title, not coded") in out  # a byline or dateline is none since round n54
    assert "records with 'title' (not coded) and 'text' in JSONL or CSV" in out
    text = _doc("README.md")
    assert "is the article's title, kept with it and never coded" in text
    assert "with the headline in `title` (kept with the article, never coded)" in text


def test_a_headline_line_of_a_text_file_is_its_title_as_a_records_title_is(coder, tmp_path: Path) -> None:
    """Round n53: the headline line of a .txt file is its title, as the same headline as a JSONL record's `title`:
    no sentence and no event of its own; the body's events are the same either way."""
    from gaiko.ingest import read_path
    from gaiko.types import Article

    txt = tmp_path / "2025-11-03-envoy.txt"
    txt.write_text(f"{HEADLINE}\n\n{BODY}\n", encoding="utf-8")
    rec = tmp_path / "envoy.jsonl"
    rec.write_text(json.dumps({"title": HEADLINE, "text": BODY, "published": "2025-11-03"}) + "\n", encoding="utf-8")
    (as_txt,) = [a for a in read_path(txt) if isinstance(a, Article)]
    (as_rec,) = [a for a in read_path(rec) if isinstance(a, Article)]
    assert as_rec.title == HEADLINE and HEADLINE not in as_rec.text
    assert as_txt.title == HEADLINE and as_txt.text == as_rec.text
    t, r = coder.code_article(as_txt), coder.code_article(as_rec)
    assert HEADLINE not in [s.text for s in t.sentences] and HEADLINE not in [s.text for s in r.sentences]
    assert not [e for e in t.events if e.sentence == HEADLINE]
    assert [(e.event_type, e.sentence) for e in t.events] == [(e.event_type, e.sentence) for e in r.events]
    # the look-alike: a first line that is a sentence (a full stop) stays a sentence of the text, coded as before
    txt.write_text(f"Peru expelled the Bolivian envoy on Monday.\n\n{BODY}\n", encoding="utf-8")
    (as_sentence,) = [a for a in read_path(txt) if isinstance(a, Article)]
    assert as_sentence.title is None and as_sentence.text.startswith("Peru expelled the Bolivian envoy")
