"""Newcomer round n37 (a newsroom's promise meter on two months of its own news): what it fixed, with our own
articles (countries, words and storylines not from any corpus).

1. the scorecard's totals under ``--actor`` (or ``min_pledges``) open exactly the rows of the actors shown, not the
   whole ledger: the totals' ledger filter lists the shown actors' keys (the exact ``actor_*`` filters take several
   values, comma-separated, as ``status`` and ``kind`` do), in Python, the API's JSON and the dashboard's links.
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
