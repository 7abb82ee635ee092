"""Newcomer round n37 (a newsroom's promise meter on two months of its own news): what it fixed, with our own
articles (countries, words and storylines not from any corpus).

1. the scorecard's totals under ``--actor`` (or ``min_pledges``) open exactly the rows of the actors shown, not the
   whole ledger: the totals' ledger filter lists the shown actors' keys (the exact ``actor_*`` filters take several
   values, comma-separated, as ``status`` and ``kind`` do), in Python, the API's JSON and the dashboard's links;
2. the pledges with their evidence for a spreadsheet: one row per evidence sentence beside its pledge, its status, the
   reason and any overrule (``gaiko pledges --evidence``, ``GET /api/v1/export/pledges?evidence=true``); no pledge is
   lost (one without evidence still has its row);
3. a filter that finds nothing says why: ``gaiko pledges --kind`` names the kind in its title and notes a kind no
   pledge in the store has (and the kinds there are); ``gaiko scorecard --actor`` that matches no actor says so and
   how to list them, rather than printing an empty table without a word;
4. ``gaiko errors`` after the bad lines were fixed and the run repeated says which errors a later run coded (the same
   file and line), rather than listing them as if nothing had been done.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

_STORY = [
    {"id": "n37-1", "published": "2026-02-02", "source": "Andes Desk",
     "text": "Peru promised to build 5,000 social homes in Arequipa by 2028."},
    {"id": "n37-2", "published": "2026-02-03", "source": "Andes Desk",
     "text": "The Chilean government pledged to cut tariffs on imported wheat by June."},
    {"id": "n37-3", "published": "2026-02-04", "source": "Andes Desk",
     "text": "Chile's army vowed to reopen the Chacalluta border crossing within two weeks."},
    {"id": "n37-4", "published": "2026-02-05", "source": "Andes Desk",
     "text": "Chile urged Bolivia to lift its ban on fuel exports."},
    {"id": "n37-5", "published": "2026-02-06", "source": "Andes Desk",
     "text": "Peru urged Ecuador to reopen its fishing ports to Peruvian trawlers."},
    {"id": "n37-6", "published": "2026-03-20", "source": "Cordillera Post",
     "text": "Chile cut tariffs on imported wheat on Friday, the finance ministry said."},
]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("n37story")
    src = d / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _STORY) + "\n", encoding="utf-8")
    db = str(d / "news.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


# -- 1. the scorecard's totals under an actor filter ------------------------------------------------------------------

def _opens(st, f: dict) -> int:
    from gaiko.store.ledger_view import ledger_view

    return ledger_view(st, limit=0, **f)["total"]


@pytest.mark.parametrize("by,needle", [("country", "CHL"), ("code", "chl"), ("country", "per"), ("name", "chile")])
def test_scorecard_totals_under_actor_open_only_the_shown_actors(story_db, by, needle) -> None:
    from gaiko.store import Store
    from gaiko.store.scorecard import scorecard

    with Store(story_db, read_only=True) as st:
        whole = scorecard(st, by=by)
        card = scorecard(st, by=by, actor=needle)
        assert card["rows"] and len(card["rows"]) < len(whole["rows"]), (by, needle, whole["rows"])
        t = card["totals"]
        assert t["pledges"] == sum(r["pledges"] for r in card["rows"])
        assert _opens(st, t["filter"]) == t["pledges"], t["filter"]
        for c in card["columns"]:
            assert _opens(st, {**t["filter"], "status": ",".join(c["statuses"])}) == t["counts"][c["key"]]
        d = t["demands"]
        for n, f in ((d["made"], d["made_filter"]), (d["asked"], d["asked_filter"]), (d["met"], d["met_filter"]),
                     (d["unmet"], d["unmet_filter"])):
            assert _opens(st, f) == n, f
        # no filter: the totals are the whole ledger, as before
        assert _opens(st, whole["totals"]["filter"]) == whole["totals"]["pledges"]
        assert "actor_country" not in whole["totals"]["filter"] and "actor_code" not in whole["totals"]["filter"]


def test_scorecard_totals_under_min_pledges_open_only_the_shown_actors(story_db) -> None:
    from gaiko.store import Store
    from gaiko.store.scorecard import scorecard

    with Store(story_db, read_only=True) as st:
        card = scorecard(st, by="code", min_pledges=2)
        assert card["rows"]
        assert _opens(st, card["totals"]["filter"]) == card["totals"]["pledges"]


def test_exact_actor_filters_take_several_values(story_db) -> None:
    from gaiko.store import Store

    with Store(story_db, read_only=True) as st:
        chl, per = _opens(st, {"actor_country": "CHL"}), _opens(st, {"actor_country": "PER"})
        assert chl and per
        assert _opens(st, {"actor_country": "CHL,PER"}) == chl + per
        assert _opens(st, {"actor_country": ["CHL", "PER"]}) == chl + per
        assert _opens(st, {"actor_country": "CHLPER"}) == 0


def test_scorecard_totals_in_api_and_dashboard_open_only_the_shown_actors(story_db) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    client = TestClient(create_app(story_db))
    card = client.get("/api/v1/scorecard", params={"actor": "CHL", "by": "code"}).json()
    t = card["totals"]
    got = client.get("/api/v1/pledges", params={**t["filter"], "limit": 1}).json()
    assert got["total"] == t["pledges"] > 0, (t["filter"], got["total"])
    page = client.get("/scorecard", params={"actor": "CHL", "by": "code"})
    assert page.status_code == 200
    row = re.search(r'<tr class="totals"[^>]*>.*?</tr>', page.text, re.S).group(0)
    link = re.search(r'href="(/pledges\?[^"]+)"', row).group(1).replace("&amp;", "&")
    qs = parse_qs(urlsplit(link).query)
    assert "actor_code" in qs, link
    ledger = client.get(link)
    assert ledger.status_code == 200
    shown = re.search(r'data-total="(\d+)"', ledger.text) or re.search(r"(\d+) pledges?", ledger.text)
    assert shown and int(shown.group(1)) == t["pledges"], link


# -- 2. the evidence, one sentence a row ------------------------------------------------------------------------------

def _csv(text: str) -> list[dict]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))


def test_pledges_evidence_csv_has_a_row_per_sentence_with_status_and_overrule(story_db, tmp_path, cli) -> None:
    import shutil

    from gaiko.store import Store
    from gaiko.store.ledger_view import ledger_view

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(story_db, db)
    with Store(db, read_only=True) as st:
        rows = ledger_view(st, limit=None)["rows"]
    wheat = next(r for r in rows if "wheat" in (r.get("action") or ""))
    code, out, err = cli("pledge", "set", wheat["id"], "in_progress", "--note", "only durum wheat so far", "--db", db)
    assert code in (0, None), err
    code, out, err = cli("pledges", "--db", db, "--evidence", "-f", "csv")
    assert code in (0, None), err
    got = _csv(out)
    assert {r["pledge_id"] for r in got} == {r["id"] for r in rows}  # every pledge, none lost
    assert len(got) == sum(max(1, len(r["evidence"])) for r in rows)
    mine = [r for r in got if r["pledge_id"] == wheat["id"]]
    assert [r["role"] for r in mine][0] == "made" and len(mine) == len(wheat["evidence"]) >= 2
    assert all(r["status"] == "in_progress" and r["overridden"] == "true" for r in mine)
    assert all(r["override_note"] == "only durum wheat so far" for r in mine)
    assert any("cut tariffs on imported wheat on Friday" in r["sentence"] for r in mine)
    assert mine[0]["published"] == "2026-02-03" and mine[0]["article_id"]
    code, out, err = cli("pledges", "--db", db, "--evidence", "--json")
    assert code not in (0, None) and "Error:" in err and "--evidence" in err and "Traceback" not in err


def test_pledge_evidence_download_in_the_api(story_db) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    client = TestClient(create_app(story_db))
    plain = _csv(client.get("/api/v1/export/pledges", params={"actor": "CHL"}).text)
    r = client.get("/api/v1/export/pledges", params={"actor": "CHL", "evidence": "true"})
    assert r.status_code == 200
    got = _csv(r.text)
    assert plain and {g["pledge_id"] for g in got} == {p["id"] for p in plain}
    assert len(got) > len(plain)  # the wheat pledge has a report besides its statement
    assert all(g["sentence_link"].startswith("http") and "/articles/" in g["sentence_link"] for g in got if g["role"])
    page = client.get("/pledges", params={"actor": "CHL"}).text  # the ledger page links the same download
    link = re.search(r'class="dl-evidence"[^>]*href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert _csv(client.get(link).text) == got
    lines = [json.loads(x) for x in client.get("/api/v1/export/pledges", params={"evidence": "true", "format": "jsonl"})
             .text.splitlines() if x.strip()]
    assert lines and all("role" in x and "pledge_id" in x for x in lines)


# -- 3. a filter that finds nothing says why ---------------------------------------------------------------------------

def test_pledges_kind_filter_is_in_the_title_and_an_absent_kind_is_noted(story_db, cli) -> None:
    code, out, err = cli("pledges", "--db", story_db, "--kind", "demand")
    assert code in (0, None), err
    assert "with kind demand" in out and "Note" not in err
    code, out, err = cli("pledges", "--db", story_db, "--kind", "pledge")
    assert code in (0, None), err
    assert "0 with kind pledge" in out
    assert "no pledge in this store is of kind pledge" in err and "promise" in err


def test_scorecard_actor_matching_nothing_says_so(story_db, cli) -> None:
    code, out, err = cli("scorecard", "--db", story_db, "--actor", "Atlantis")
    assert code in (0, None), err
    assert "no actor's country key or name contains 'Atlantis'" in err and "gaiko scorecard --by country" in err
    code, out, err = cli("scorecard", "--db", story_db, "--actor", "PER")
    assert code in (0, None) and "Note" not in err


# -- 4. errors fixed and coded since -----------------------------------------------------------------------------------

def test_errors_say_which_lines_a_later_run_coded(tmp_path, coder, cli) -> None:
    from gaiko.coding import run_code

    src = tmp_path / "desk.jsonl"
    good = {"id": "g1", "published": "2026-06-01", "source": "Desk", "text": "Uruguay promised to open a port in Rocha."}
    lines = [json.dumps(good), '{"id": "g2", "published": "2026-06-02", "text": "Paraguay vowed',
             json.dumps({"id": "g3", "published": "2026-06-31", "text": "Bolivia pledged to pave the road to Oruro."}),
             json.dumps({"id": "g4", "published": "soon", "text": "Uruguay pledged to hire 300 teachers."})]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "desk.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    code, out, err = cli("errors", "--db", db, "-f", "jsonl")
    first = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert sorted(r["line"] for r in first) == [2, 3, 4] and not any(r["coded_since"] for r in first)
    # the desk fixes lines 2 and 3 (not 4) and runs the same command again
    lines[1] = json.dumps({"id": "g2", "published": "2026-06-02", "text": "Paraguay vowed to build a bridge."})
    lines[2] = json.dumps({"id": "g3", "published": "2026-06-30", "text": "Bolivia pledged to pave the road to Oruro."})
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    code, out, err = cli("errors", "--db", db, "-f", "jsonl")
    after = {r["line"]: r for r in (json.loads(x) for x in out.splitlines() if x.strip())}
    assert set(after) == {2, 3, 4}  # nothing is lost: the record of what went wrong stays
    assert after[2]["coded_since"] and after[3]["coded_since"] and not after[4]["coded_since"]
    code, out, err = cli("errors", "--db", db)
    assert "3 input errors, 2 of them coded since" in " ".join(out.split())
