"""Round p51, kind 3 (issue 17 item 3): "a deed reported by five outlets is one piece of evidence with five sources".
The ledger already groups such evidence (gaiko.clusters.evidence: one item with ``cluster_id``, the cluster's counts
and ``reports``) and ``GET /api/v1/pledges/{id}`` gives it, but the dashboard's pledge page showed the first report's
sentence alone and ``gaiko pledge show`` neither the sources nor the other reports. Now the page says "reported by 3
outlets in 3 articles (3 reports)", links the event's cluster page and lists every report (date, outlet, sentence);
``gaiko pledge show`` has a ``sources`` column ("3 outlets, 3 reports") and a second table, one row per report. A
deed reported once (the look-alike) shows neither. Statuses do not change.

The stores: tests/cluster_page_data.py's ``clinic_store`` (a promise to fund a clinic, its completion reported by
three outlets, or by one)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from cluster_page_data import clinic_store


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = Path(tmp_path_factory.mktemp("p51-clinic"))
    return {"three": clinic_store(root / "three.duckdb", 3), "one": clinic_store(root / "one.duckdb", 1)}


def _client(path: Path) -> Any:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    return TestClient(create_app(path))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_pledge_page_shows_one_deed_with_its_sources(clinic) -> None:
    d = clinic["three"]
    r = _client(d["path"]).get(f"/pledges/{d['pledge']}")
    assert r.status_code == 200
    text = _text(r.text)
    assert "fulfilled" in text and "reported by 3 outlets in 3 articles (3 reports)" in text
    assert f'href="/clusters/{d["cluster"]}"' in r.text
    items = re.findall(r'<li class="tl-item role-(\w+)">(.*?)</li>\n', r.text, re.S)
    assert [role for role, _ in items] == ["made", "fulfilled"]  # still one item of evidence
    made = r.text.split('role-fulfilled')[0]
    assert "reported by" not in made  # the statement itself has no sources block
    reports = re.findall(r'<span class="when">([^<]+)</span> <span class="outlet">([^<]+)</span> <a href="([^"]+)">',
                         r.text)
    assert [(w, o) for w, o, _ in reports] == [("2025-09-08", "Jakarta Ledger"), ("2025-09-09", "Hanoi Courier"),
                                              ("2025-09-10", "Manila Wire")]
    assert all(re.fullmatch(r"/articles/\w+\?event=ev-\w+#s1", h) for _w, _o, h in reports)


def test_as_of_counts_the_sources_of_that_day(clinic) -> None:
    d = clinic["three"]
    text = _text(_client(d["path"]).get(f"/pledges/{d['pledge']}?as_of=2025-09-09").text)
    assert "reported by 2 outlets in 2 articles (2 reports) as of 2025-09-09" in text
    assert "Manila Wire" not in text


def test_a_deed_reported_once_has_no_sources_block(clinic) -> None:
    d = clinic["one"]
    r = _client(d["path"]).get(f"/pledges/{d['pledge']}")
    assert r.status_code == 200 and "fulfilled" in _text(r.text)
    assert "reported by" not in _text(r.text) and 'class="sources' not in r.text


def test_pledge_show_names_the_sources_and_lists_the_reports(clinic, cli) -> None:
    d = clinic["three"]
    code, out, _err = cli("pledge", "show", d["pledge"], "--db", d["path"])
    assert code == 0
    assert "sources" in out and "3 outlets, 3 reports" in out
    assert "Evidence reported by several outlets, report by report" in out
    for outlet in ("Jakarta Ledger", "Hanoi Courier", "Manila Wire"):
        assert outlet in out
    assert f"gaiko cluster show {d['cluster']} --db" in out
    one = clinic["one"]
    code, out, _err = cli("pledge", "show", one["pledge"], "--db", one["path"])
    assert code == 0 and "fulfilled" in out
    assert "outlets," not in out and "report by report" not in out


def test_statuses_and_the_api_are_as_before(clinic) -> None:
    d = clinic["three"]
    j = _client(d["path"]).get(f"/api/v1/pledges/{d['pledge']}").json()
    assert j["status"] == "fulfilled"
    [item] = [e for e in j["evidence"] if e["role"] == "fulfilled"]
    assert item["num_sources"] == 3 and len(item["reports"]) == 3 and item["cluster_id"] == d["cluster"]
