"""Round u41: the actors list counts every member of a compound source, as the events filters match it (round u40).

"Paraguay and Uruguay accused Bolivia" is ONE event whose stored source is Paraguay (the compound's first member);
``source=URY`` and ``actor=URY`` list it since round u40, so the actors list (``Store.actor_list``, GET
/api/v1/actors, the dashboard's /actors) counts it for Uruguay too, and each count equals the length of the listing
its key opens, counting clusters or mentions, on every surface. ``directed`` counts the stored sides only.

Articles written for these tests (invented outlets and events); none comes from a gold file.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.store import Store
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")
runner = CliRunner()
COUNTS = ("clusters", "mentions")

RIVER = [
    # a compound source acting on a recipient, reported twice (each report's own first member is its stored source)
    ("2026-10-06", "Andes Ledger", "Paraguay and Uruguay accused Bolivia of blocking river barges on Tuesday."),
    ("2026-10-06", "River Courier", "Uruguay and Paraguay accused Bolivia on Tuesday of blocking barges on the river."),
    ("2026-10-06", "Chaco Daily", "Paraguay and Uruguay on Tuesday accused Bolivia of blocking river barges, a minister "
                                  "said."),
    # a joint act with no recipient
    ("2026-10-05", "River Courier", "Paraguay and Uruguay signed a water-sharing accord in Asuncion on Monday."),
    # look-alikes: a directed act of one state, and a compound target (which no filter reads as a member)
    ("2026-10-09", "Andes Ledger", "Chile accused Bolivia of violating the border agreement on Friday."),
    ("2026-10-08", "Andes Ledger", "Bolivia criticised Paraguay and Uruguay over the barge dispute on Thursday."),
]


@pytest.fixture(scope="module")
def river_db(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.mktemp("u41") / "river.duckdb"
    coded = [coder.code_article(Article(text=t, published=d, source=o, title=t[:40])) for d, o, t in RIVER]
    with Store(path) as s:
        s.write_coded(coded)
    with Store(path, read_only=True) as s:  # the coding this relies on (it stays: no coder change)
        rows = {r["sentence"][:20]: r for r in s.events(count="mentions", type="ACCUSE")}
        assert [m["country"] for m in json.loads(rows["Uruguay and Paraguay"]["source_members"])] == ["URY", "PRY"]
        assert rows["Uruguay and Paraguay"]["source_country"] == "URY"
        assert rows["Chile accused Bolivi"]["source_members"] is None
        # the first and third reports are one cluster of two mentions (Paraguay's stored source, Uruguay a member)
        two = [c for c in s.events(count="clusters") if c["num_mentions"] == 2]
        assert len(two) == 1 and two[0]["source_country"] == "PRY" and two[0]["target_country"] == "BOL", two
        assert len(s.events(count="mentions")) == len(s.events(count="clusters")) + 1
    return path


def _by_key(rows: list[dict]) -> dict[str, dict]:
    return {r["key"]: r for r in rows}


def _cli(*args: str) -> dict:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("count, n", [("mentions", 4), ("clusters", 3)])
def test_a_second_member_is_counted_as_a_source(river_db, count, n):
    with Store(river_db, read_only=True) as s:
        rows = _by_key(s.actor_list(count=count))
        # main: 1 (its own report only); now the other reports and the accord too (counting clusters, the cluster of
        # two reports once)
        assert (rows["URY:Uruguay"]["as_source"], rows["URY:Uruguay"]["as_target"], rows["URY:Uruguay"]["events"]) \
            == (n, 0, n)
        # Paraguay: its own reports once each, not again as their first member; the target of Bolivia's criticism
        assert (rows["PRY:Paraguay"]["as_source"], rows["PRY:Paraguay"]["as_target"]) == (n, 1)
        # the look-alikes: Chile's own act once, Bolivia the recipient of the accusations and the source of one
        assert (rows["CHL:Chile"]["as_source"], rows["CHL:Chile"]["events"]) == (1, 1)
        assert (rows["BOL:Bolivia"]["as_source"], rows["BOL:Bolivia"]["as_target"]) == (1, n)
        # directed: the stored sides only, as before
        ury = _by_key(s.actor_list(count=count, directed=True))["URY:Uruguay"]
        assert (ury["as_source"], ury["as_target"], ury["events"]) == (1, 0, 1)


def test_an_actor_seen_only_as_a_second_member_is_listed(tmp_path, coder):
    text = "Estonia and Latvia condemned Belarus for the border incursion on Sunday."
    path = tmp_path / "baltic.duckdb"
    with Store(path) as s:
        s.write_coded([coder.code_article(Article(text=text, published="2026-10-11", source="Baltic Wire",
                                                  title=text[:40]))])
    with Store(path, read_only=True) as s:
        for count in COUNTS:
            keys = _by_key(s.actor_list(count=count))
            assert "LVA:Latvia" in keys and keys["LVA:Latvia"]["as_source"] == 1, keys
            assert s.count_actors(count=count) == len(keys) == 3
            assert "LVA:Latvia" not in _by_key(s.actor_list(count=count, directed=True))
            assert s.count_actors(count=count, directed=True) == 2


FILTERS = [{}, {"directed": True}, {"type": "ACCUSE"}, {"outlet": "Chaco Daily"}, {"outlet": "River Courier"},
           {"since": "2026-10-06"}]


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("extra", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "none")
def test_every_count_is_what_its_key_lists(river_db, count, extra):
    """In the Python API: each actor's as_source, as_target and events are the lengths of source=KEY, target=KEY and
    actor=KEY's listings (``outlet`` counts clusters through their mentions)."""
    with Store(river_db, read_only=True) as s:
        rows = s.actor_list(count=count, **extra)
        assert rows and s.count_actors(count=count, **extra) == len(rows)
        for r in rows:
            for col, side in (("as_source", "source"), ("as_target", "target"), ("events", "actor")):
                listed = s.events(count=count, limit=None, **{side: r["key"]}, **extra)
                assert r[col] == len(listed), (r, side)


@pytest.mark.parametrize("count", COUNTS)
def test_every_count_is_what_its_key_lists_through_the_cli_and_the_api(river_db, count):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    d = str(river_db)
    with TestClient(create_app(river_db), raise_server_exceptions=False) as client:
        for directed in (False, True):
            extra = {"directed": "true"} if directed else {}
            actors = client.get("/api/v1/actors", params={"count": count, **extra}).json()["actors"]
            assert "URY:Uruguay" in _by_key(actors)
            for r in actors:
                for col, side in (("as_source", "source"), ("as_target", "target"), ("events", "actor")):
                    api = client.get("/api/v1/events", params={side: r["key"], "count": count, **extra}).json()
                    cli = _cli("events", "--db", d, f"--{side}", r["key"], "--count", count, "--limit", "0",
                               "--json", *(["--directed"] if directed else []))
                    assert r[col] == api["total"] == len(api["events"]) == cli["total"] == len(cli["events"]), (r, side)


def _links(html: str) -> list[tuple[int, str]]:
    """The actors table's counts and the events links they carry."""
    body = html.split('id="actors-table"', 1)[1]
    return [(int(n), unescape(h)) for n, h in re.findall(r'<a class="count" data-count="(\d+)" href="([^"]+)"', body)]


@pytest.mark.parametrize("query", ["", "?count=mentions", "?directed=1", "?count=mentions&directed=1"])
def test_the_actors_page_links_open_as_many_events_as_they_say(river_db, query):
    """The dashboard: every count links to the events page, without ``directed`` unless the page has it, and that
    page lists as many events as the count says."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(river_db), raise_server_exceptions=False) as client:
        page = client.get("/actors" + query)
        assert page.status_code == 200
        links = _links(page.text)
        assert len(links) >= 10, page.text[:2000]
        for n, link in links:
            q = parse_qs(urlparse(link).query)
            assert ("directed" in q) == ("directed" in query), link
            listed = client.get(link)
            total = re.search(r'id="total" data-total="(\d+)"', listed.text)
            assert total and int(total.group(1)) == n, (n, link)
        if "directed" not in query:
            assert 'source=URY%3AUruguay' in page.text
