"""Round r36: what round b32 (a diplomatic correspondent over ten weeks) found on the surfaces.

F1: a status holds from the first report of its run; a later report that says the same again moves neither the
status date nor the quoted reason (the scorecard's lag, the exports and the API read both).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


# -- F1: "fulfilled since" is the day of the first report of the run -------------------------------------------------
def _ev(day: str, rel: str | None, art: str, text: str) -> dict:
    return {"relation": rel, "published": day, "article_id": art, "sentence_index": 0, "sentence": text, "note": None}


MADE = _ev("2025-03-02", None, "m", "Norway pledged to open the northern ferry line.")
DONE = _ev("2025-04-10", "fulfils", "d1", "The northern ferry line opened on Thursday with two sailings.")
AGAIN = _ev("2025-05-20", "fulfils", "d2", "Ferries on the northern line now run daily since its opening.")


def test_a_status_said_again_keeps_the_day_and_reason_of_its_first_report() -> None:
    from gaiko.tracking.status import status_of

    status, when, reason, history, _path = status_of([MADE, DONE, AGAIN], None, "2025-06-01")
    assert status == "fulfilled"
    assert when == "2025-04-10" == history[-1]["date"]
    assert "two sailings" in reason and reason == history[-1]["reason"]
    # a replay between the two reports says the same
    assert status_of([MADE, DONE, AGAIN], None, "2025-05-01")[1] == "2025-04-10"


def test_a_new_run_of_the_status_starts_a_new_day() -> None:
    from gaiko.tracking.status import status_of

    back = _ev("2025-05-01", "reverses", "r", "Norway closed the northern ferry line again.")
    status, when, reason, _h, _p = status_of([MADE, DONE, back, AGAIN], None, "2025-06-01")
    assert (status, when) == ("fulfilled", "2025-05-20") and "daily" in reason


def test_the_ledger_entry_dates_and_quotes_the_first_report() -> None:
    from types import SimpleNamespace

    from gaiko.tracking.status import entry

    mention = {"id": "p1", "article_id": "m", "sentence_index": 0, "sentence": MADE["sentence"],
               "published": MADE["published"], "actor": {"text": "Norway", "country": "NOR"}, "action": "open",
               "event_type": "COOPERATE", "kind": "act", "cue": "pledged", "deadline": None}
    found = [dict(DONE, event_id=None), dict(AGAIN, event_id=None)]
    e = entry([mention], found, [], "2025-06-01", SimpleNamespace(topic=frozenset()))
    assert (e["status"], e["status_date"]) == ("fulfilled", "2025-04-10")
    assert "two sailings" in e["status_reason"]


# -- F6: "changed since" is a filter of its own, and "did you mean" offers no filter of another meaning --------------
_ARTICLES = [
    {"id": "a1", "published": "2026-01-05", "source": "Fjord Post",
     "text": "Norway promised on Monday to open the northern ferry line to Sweden by the end of March."},
    {"id": "a2", "published": "2026-02-10", "source": "Baltic Wire",
     "text": "Finland pledged on Tuesday to build a new rail bridge over the Tornio river."},
    {"id": "a3", "published": "2026-03-02", "source": "Fjord Post",
     "text": "Norway opened the northern ferry line to Sweden on Monday, the transport ministry said."},
    {"id": "a4", "published": "2026-03-20", "source": "Nordic Daily",
     "text": "Norway opened the northern ferry line to Sweden this month, and the first ships were full, the port "
             "authority said."},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, coder):
    import json

    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("r36")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _ARTICLES) + "\n", encoding="utf-8")
    db = d / "p.duckdb"
    run_code([str(src)], db=str(db), quiet=True, coder=coder)  # the session's coder, no worker process (ci57)
    return db


def _ids_changed(rows, day: str) -> set:
    return {r["id"] for r in rows if str(r.get("status_date") or "") >= day}


@pytest.mark.parametrize("name", ["changed_since", "since", "status_changed_since"])
def test_the_api_offers_no_filter_of_another_meaning(name: str) -> None:
    from gaiko.server.strict import unknown_query_message

    known = {"made_since", "made_until", "as_of", "status", "actor"}
    msg = unknown_query_message([name], known, "/api/v1/pledges")
    assert msg and f"{name!r} for" in msg and "did you mean" not in msg, msg
    # a mistyping of a filter is still named
    assert "did you mean 'made_since'?" in unknown_query_message(["made_snce"], known, "/api/v1/pledges")
    assert "did you mean 'as_of'?" in unknown_query_message(["asof"], known, "/api/v1/pledges")


def test_the_api_lists_the_pledges_whose_status_changed_since(store_path) -> None:
    import csv
    import io

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(store_path), api_key=None))
    every = client.get("/api/v1/pledges").json()["pledges"]
    want = _ids_changed(every, "2026-03-01")
    assert want and len(want) < len(every)
    r = client.get("/api/v1/pledges", params={"changed_since": "2026-03-01"})
    assert r.status_code == 200, r.text
    assert {p["id"] for p in r.json()["pledges"]} == want and r.json()["filters"]["changed_since"] == "2026-03-01"
    r = client.get("/api/v1/export/pledges", params={"changed_since": "2026-03-01", "format": "csv"})
    assert r.status_code == 200 and {row["id"] for row in csv.DictReader(io.StringIO(r.text))} == want
    r = client.get("/api/v1/pledges", params={"changed_since": "March"})
    assert r.status_code == 422 and "changed_since" in r.text


def test_the_cli_and_python_list_the_pledges_whose_status_changed_since(store_path, cli) -> None:
    import json

    import gaiko
    from gaiko.errors import ConfigError
    from gaiko.tracking import ledger

    code, out, err = cli("pledges", "--db", store_path, "--json")
    every = json.loads(out)["pledges"]
    want = _ids_changed(every, "2026-03-01")
    code, out, err = cli("pledges", "--db", store_path, "--json", "--changed-since", "2026-03-01")
    assert code in (0, None), err
    assert {p["id"] for p in json.loads(out)["pledges"]} == want != set()
    code, out, err = cli("pledges", "--db", store_path, "--changed-since", "2026-03-01")
    assert "status changed since 2026-03-01" in " ".join(out.split())
    code, out, err = cli("pledges", "--db", store_path, "--changed-since", "soon")
    assert code == 2 and err.startswith("Error:") and "--changed-since" in err
    with gaiko.open(str(store_path), read_only=True) as st:
        assert {e["id"] for e in ledger(st, changed_since="2026-03-01")} == want
        with pytest.raises(ConfigError, match="changed_since must be a date"):
            ledger(st, changed_since="soon")


# -- F7: program source and configuration files in an article folder are not articles --------------------------------
_SCRIPT = 'import json\n\n\ndef write():\n    """Write the corpus."""\n    print("Denmark promised to open the bridge.")\n'


def _folder(tmp_path):
    d = tmp_path / "desk"
    (d / "tools").mkdir(parents=True)
    (d / "2026-02-03-harbour.txt").write_text("Denmark promised on Tuesday to reopen the harbour at Esbjerg.\n")
    (d / "make_corpus.py").write_text(_SCRIPT)
    (d / "tools" / "fetch.sh").write_text('#!/bin/sh\nfor f in *.txt; do echo "$f"; done\n')
    (d / "tools" / "chart.js").write_text('const n = 3;\nconsole.log("Denmark reopened the harbour");\n')
    (d / "settings.yaml").write_text("outlet: Harbour Times\nlanguage: en\n")
    (d / "pyproject.toml").write_text('[project]\nname = "desk"\n')
    (d / "Makefile").write_text("all:\n\tpython make_corpus.py\n")
    return d


def test_a_source_file_in_a_folder_is_skipped_with_a_warning_naming_it(tmp_path) -> None:
    from pathlib import Path

    from gaiko.ingest import count_inputs, read_inputs
    from gaiko.types import Article, InputError

    d = _folder(tmp_path)
    items = list(read_inputs([str(d)]))
    arts = [i for i in items if isinstance(i, Article)]
    assert [Path(a.origin).name for a in arts] == ["2026-02-03-harbour.txt"]
    warned = sorted(Path(e.path).name for e in items if isinstance(e, InputError) and e.reason == "source_file")
    assert warned == ["Makefile", "chart.js", "fetch.sh", "make_corpus.py", "pyproject.toml", "settings.yaml"]
    assert all(e.severity == "warning" for e in items if isinstance(e, InputError))
    assert count_inputs([str(d)]) == 1


def test_a_source_file_named_alone_is_an_error(tmp_path) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import InputError

    d = _folder(tmp_path)
    items = list(read_inputs([str(d / "make_corpus.py")]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert (items[0].reason, items[0].severity) == ("source_file", "error")


# -- F8: a date in a file name gaiko does not read is named --------------------------------------------------------
@pytest.mark.parametrize("name, unread", [
    ("20260203-harbour.txt", "20260203"), ("2026_02_03-harbour.txt", "2026_02_03"),
    ("03-02-2026-harbour.txt", "03-02-2026"), ("harbour 3.2.2026.txt", "3.2.2026"),
])
def test_a_name_date_in_another_form_is_a_warning_naming_the_file(tmp_path, name: str, unread: str) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    p = tmp_path / name
    p.write_text("Denmark promised on Tuesday to reopen the harbour at Esbjerg.\n")
    items = list(read_inputs([str(p)]))
    art = next(i for i in items if isinstance(i, Article))
    assert art.published is None
    warn = [i for i in items if isinstance(i, InputError)]
    assert [(w.reason, w.severity) for w in warn] == [("name_date", "warning")]
    assert warn[0].path.endswith(name) and unread in warn[0].detail and "YYYY-MM-DD" in warn[0].detail


@pytest.mark.parametrize("name, day", [("2026-02-03-harbour.txt", "2026-02-03"), ("harbour-2026-02-03.txt", "2026-02-03"),
                                       ("harbour-v12345678.txt", None), ("notes-1.2.3.txt", None)])
def test_a_name_date_read_or_no_date_at_all_gives_no_warning(tmp_path, name: str, day) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    p = tmp_path / name
    p.write_text("Denmark promised on Tuesday to reopen the harbour at Esbjerg.\n")
    items = list(read_inputs([str(p)]))
    assert [i.published for i in items if isinstance(i, Article)] == [day]
    assert not [i for i in items if isinstance(i, InputError)]


def test_a_stored_pledge_kept_then_reported_again_is_kept_since_the_first_report(store_path) -> None:
    import gaiko
    from gaiko.tracking import ledger

    with gaiko.open(str(store_path), read_only=True) as st:
        ferry = next(e for e in ledger(st) if "ferry" in e["action"])
    days = [r["published"] for x in ferry["evidence"] if x["role"] == "fulfilled" for r in x.get("reports") or [x]]
    assert days == ["2026-03-02", "2026-03-20"]  # two reports of the deed
    assert (ferry["status"], ferry["status_date"]) == ("fulfilled", "2026-03-02") and "Monday" in ferry["status_reason"]


# -- F9: a replay counts each evidence cluster as it stood that day ---------------------------------------------------
def test_a_replay_counts_the_evidence_cluster_as_of_its_day(store_path, cli) -> None:
    import json

    import gaiko
    from gaiko.tracking import ledger

    def kept(rows):
        e = next(e for e in rows if "ferry" in e["action"])
        return next(x for x in e["evidence"] if x["role"] == "fulfilled")

    with gaiko.open(str(store_path), read_only=True) as st:
        now, then = kept(ledger(st)), kept(ledger(st, as_of="2026-03-10"))
    assert (now["num_mentions"], now["num_articles"], now["num_sources"]) == (2, 2, 2)
    assert (then["num_mentions"], then["num_articles"], then["num_sources"]) == (1, 1, 1)
    assert [r["published"] for r in then["reports"]] == ["2026-03-02"]
    code, out, err = cli("pledges", "--db", store_path, "--as-of", "2026-03-10", "-f", "jsonl")
    shown = kept([json.loads(line) for line in out.splitlines() if line.strip()])
    assert (shown["num_mentions"], shown["num_sources"]) == (1, 1)


# -- F12: the evidence exports in one order; a run that codes nothing says so --------------------------------------
def test_the_cli_and_api_evidence_exports_list_the_rows_in_one_order(store_path, cli) -> None:
    import csv
    import io

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    code, out, err = cli("pledges", "--db", store_path, "--evidence", "-f", "csv")
    assert code in (0, None), err
    mine = [(r["pledge_id"], r["published"], r["role"]) for r in csv.DictReader(io.StringIO(out))]
    client = TestClient(create_app(str(store_path), api_key=None))
    r = client.get("/api/v1/export/pledges", params={"evidence": "true", "format": "csv"})
    theirs = [(row["pledge_id"], row["published"], row["role"]) for row in csv.DictReader(io.StringIO(r.text))]
    assert mine == theirs and len({p for p, _d, _r in mine}) == 2
    # the open pledge (made later) before the kept one: most in need of attention first
    first = client.get("/api/v1/pledges").json()["pledges"][0]
    assert mine[0][0] == first["id"] and first["status"] == "open"


def test_a_run_that_codes_nothing_says_so(store_path, tmp_path, cli) -> None:
    import shutil

    db = tmp_path / "again.duckdb"
    shutil.copy(store_path, db)
    code, out, err = cli("code", store_path.parent / "arts.jsonl", "--db", db)
    said = " ".join(err.split())
    assert "nothing coded; 4 already in store" in said and "articles/s" not in said
    from gaiko.coding import run_time

    assert run_time(2.0, 8) == "2.0 s (4.0 articles/s)" and run_time(0.1, 0) == "0.1 s (nothing coded)"


# -- F10: a kill -9 of gaiko code leaves no Python warning about leaked semaphores ---------------------------------
_KILLED = """
import os, signal
from gaiko.workers import WorkerPool
pool = WorkerPool(1, None, (), 8, factory=dict)
print("pool made", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="no kill -9 here")
def test_a_killed_run_leaves_no_leaked_semaphore_warning(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    import gaiko

    env = dict(os.environ, PYTHONPATH=str(Path(gaiko.__file__).resolve().parents[1]))
    p = subprocess.run([sys.executable, "-c", _KILLED], capture_output=True, text=True, env=env, timeout=120,
                       cwd=tmp_path)
    assert p.returncode == -9 and "pool made" in p.stdout
    assert "leaked semaphore" not in p.stderr and "resource_tracker" not in p.stderr, p.stderr
