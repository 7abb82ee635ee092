"""Round p51, kind 1: the dashboard's page of one event cluster (issue 17: "the evidence view of a cluster lists all
its reports side by side"). The events list linked a cluster's reports to the API's JSON only; now every clustered
row of the events list, the overview and the dyad page opens ``/clusters/{id}``: the cluster's type, mode, dyad,
date and place with their precision, its counts and first report, every report side by side (outlet, article,
date, the sentence with its trigger marked, the offsets it was read at) and the splits and merges made by hand that
touch it. ``GET /api/v1/clusters/{id}`` gives the same (offsets, ``marks``, ``overrules``).

The store: tests/cluster_page_data.py (a seizure reported by four outlets, one report split out by hand, a
look-alike a week later). Browser check: tests/test_browser_cluster_p51.py."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from cluster_page_data import REPORTS, seizure_store


@pytest.fixture(scope="module")
def seized(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    d = seizure_store(Path(tmp_path_factory.mktemp("p51")) / "seize.duckdb")
    d["client"] = TestClient(create_app(d["path"]))
    return d


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_events_list_links_each_clustered_row_to_its_cluster_page(seized) -> None:
    c = seized["client"]
    html = c.get("/events").text
    assert f'href="/clusters/{seized["cluster"]}"' in html  # "3 reports, 3 outlets"
    assert f'href="/clusters/{seized["lookalike"]}"' in html  # one report: a page too
    assert f'href="/api/v1/clusters/{seized["cluster"]}"' not in html  # no longer raw JSON
    assert re.search(rf'href="/clusters/{seized["cluster"]}"[^>]*>3 reports, 3 outlets<', html)
    for page in ("/", "/dyads?source=IDN&target=VNM"):
        assert f'href="/clusters/{seized["cluster"]}"' in c.get(page).text, page
    # the evidence card of a report's sentence names its event too
    ev = seized["events"]["Hanoi Courier"]
    link = next(r["link"] for r in c.get("/api/v1/events?count=mentions").json()["events"] if r["id"] == ev)
    card = re.search(r'<aside class="evidence-card".*?</aside>', c.get(link.split("#")[0]).text, re.S).group(0)
    assert f'href="/clusters/{seized["cluster"]}"' in card and "3 reports, 3 outlets" in card


def test_an_event_in_no_cluster_has_no_cluster_link(tmp_path: Path) -> None:
    """A mention not clustered yet (an import stopped while clustering) is listed as a cluster of its own, its id as
    cluster_id: no link to a cluster page that would be a 404."""
    from fastapi.testclient import TestClient

    from gaiko.server import create_app
    from gaiko.store import Store

    path = seizure_store(tmp_path / "s.duckdb", split=False)["path"]
    with Store(path) as s:
        s.con.execute("DELETE FROM cluster_members WHERE event_id IN (SELECT e.id FROM events e JOIN articles a ON "
                      "a.id = e.article_id WHERE a.published > DATE '2025-06-10')")
    html = TestClient(create_app(path)).get("/events").text
    assert html.count('href="/clusters/') == 1  # the seizure's cluster; the look-alike, unclustered, has none


def test_the_cluster_page_shows_the_cluster_and_every_report_side_by_side(seized) -> None:
    c = seized["client"]
    r = c.get(f"/clusters/{seized['cluster']}")
    assert r.status_code == 200
    text = _text(r.text)
    assert "COERCE seize" in text
    assert "Indonesia IDNMIL → Vietnam VNMCVL" in text  # the dyad, with codes
    assert 'href="/dyads?source=IDN&amp;target=VNM"' in r.text
    assert "2025-06-03 (precision: day)" in text
    assert "Natuna (IDN) (precision: place)" in text
    assert "3 reports in 3 articles from 3 outlets" in text
    assert "2025-06-03 by Jakarta Ledger" in text  # the first report
    rows = re.findall(r'<tr class="report-row[^"]*" data-event="([^"]+)">(.*?)</tr>', r.text, re.S)
    assert [ev for ev, _ in rows] == [seized["events"][o] for o in ("Jakarta Ledger", "Hanoi Courier",
                                                                     "Saigon Evening Post")]  # first report first
    for (_ev, row), spec in zip(rows, REPORTS[:3]):
        published, outlet, title, lead, sent, trig, src, tgt, *_ = spec
        assert published in row and outlet in row and title in row
        assert f'<mark class="trigger">{trig}</mark>' in row and f'<mark class="source">{src}</mark>' in row
        assert f'<mark class="target">{tgt}</mark>' in row
        t0 = len(lead) + 1 + sent.index(trig)
        assert f"trigger “{trig}” {t0}–{t0 + len(trig)}" in unescape(row)  # offsets into the article
        assert f"sentence 2 (char {len(lead) + 1})" in row and "fixture.seize" in row
    assert "week" in _text(rows[2][1])  # a report's own date precision ("this week")


def test_the_cluster_page_lists_the_overrules_that_touch_it(seized) -> None:
    c = seized["client"]
    text = _text(c.get(f"/clusters/{seized['cluster']}").text)
    assert "split" in text and "1 report taken out of " + seized["cluster"] in text
    assert f"into {seized['split']}" in text and "a wire rewrite, not an own report" in text
    made = c.get(f"/clusters/{seized['split']}")
    assert made.status_code == 200
    assert "made this cluster" in _text(made.text) and "Manila Wire" in made.text
    assert 'id="overruled"' in made.text  # the cluster row's own flag
    # the look-alike: no overrule touches it
    look = c.get(f"/clusters/{seized['lookalike']}").text
    assert 'id="no-overrules"' in look and 'id="overrules"' not in look


def test_the_api_gives_what_the_page_shows(seized) -> None:
    c = seized["client"]
    d = c.get(f"/api/v1/clusters/{seized['cluster']}").json()
    assert d["cluster"]["place_precision"] == "place" and d["cluster"]["coded_at"]
    for rep in d["reports"]:
        for m in rep["marks"]:
            assert rep["sentence"][m["start"]:m["end"]] == m["text"], m  # relative to the sentence
        assert rep["sentence_start"] > 0 and rep["trigger_end"] - rep["trigger_start"] == len(rep["trigger"])
        assert rep["coded_at"] and rep["pattern"] == "fixture.seize"
    [ov] = d["overrules"]
    assert ov["kind"] == "split" and ov["cluster_id"] == seized["split"] and not ov["made_this"]
    assert ov["event_ids"] == [seized["events"]["Manila Wire"]] and ov["from_clusters"] == [seized["cluster"]]
    assert c.get(f"/api/v1/clusters/{seized['split']}").json()["overrules"][0]["made_this"] is True
    assert c.get(f"/api/v1/clusters/{seized['lookalike']}").json()["overrules"] == []


def test_an_unknown_id_or_parameter_is_named_on_the_page(seized) -> None:
    c = seized["client"]
    r = c.get("/clusters/cl-0000000000000000")
    assert r.status_code == 404 and "no cluster 'cl-0000000000000000'" in _text(r.text)
    ev = seized["events"]["Hanoi Courier"]
    r = c.get(f"/clusters/{ev}")  # an event id: the page says which cluster it is in
    assert r.status_code == 404 and seized["cluster"] in r.text
    r = c.get(f"/clusters/{seized['cluster']}?count=mentions")
    assert r.status_code == 422 and "unknown parameter 'count'" in _text(r.text)
