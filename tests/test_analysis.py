"""Analysis queries (dyad series, network, map, actors) on hand-made events with known answers."""

from __future__ import annotations

import pytest
from serve_data import build_store

from gaiko.errors import ConfigError
from gaiko.store import Store
from gaiko.tables import cameo_for


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("analysis") / "a.duckdb", corpus=False)
    with Store(path, read_only=True) as s:
        yield s


def gold(t: str) -> float:
    return cameo_for(t)[2]


def quad(t: str) -> int:
    return cameo_for(t)[3]


def test_dyad_series_by_day(store):
    s = store.dyad_series("JPN", "CHN", interval="day")
    assert s["buckets"] == ["2025-11-03", "2025-11-05", "2025-12-02"]
    assert s["total"] == [2, 1, 1]
    assert s["events"] == 4
    assert s["counts"]["CONSULT"] == [1, 0, 0]
    assert s["counts"]["AGREE"] == [1, 0, 0]
    assert s["counts"]["ACCUSE"] == [0, 1, 0]
    assert s["counts"]["REQUEST"] == [0, 0, 1]
    assert list(s["counts"]) == ["AGREE", "CONSULT", "REQUEST", "ACCUSE"]  # PLOVER order
    assert s["goldstein"][0] == pytest.approx(round((gold("CONSULT") + gold("AGREE")) / 2, 2))
    assert s["goldstein"][1] == pytest.approx(gold("ACCUSE"))
    assert s["by_type"] == {"ACCUSE": 1, "AGREE": 1, "CONSULT": 1, "REQUEST": 1}
    coop = [sum(1 for t in ts if quad(t) in (1, 2)) for ts in (["CONSULT", "AGREE"], ["ACCUSE"], ["REQUEST"])]
    assert s["cooperation"] == coop
    assert [c + k for c, k in zip(s["cooperation"], s["conflict"])] == s["total"]


def test_dyad_series_direction_matters(store):
    there = store.dyad_series("JPN", "CHN")
    back = store.dyad_series("CHN", "JPN")
    assert back["by_type"] == {"REJECT": 1, "SANCTION": 1, "SUPPORT": 1, "THREATEN": 1}
    assert there["by_type"] != back["by_type"]


def test_dyad_series_week_month_and_quad(store):
    week = store.dyad_series("JPN", "CHN", interval="week")
    assert week["buckets"] == ["2025-11-03", "2025-12-01"]  # ISO weeks start on Monday
    assert week["total"] == [3, 1]
    month = store.dyad_series("JPN", "CHN", interval="month", by="quad")
    assert month["buckets"] == ["2025-11-01", "2025-12-01"]
    assert month["total"] == [3, 1]
    assert set(month["counts"]) == {str(quad(t)) for t in ("CONSULT", "AGREE", "ACCUSE", "REQUEST")}
    assert sum(sum(v) for v in month["counts"].values()) == 4


def test_dyad_series_fill_gaps(store):
    s = store.dyad_series("JPN", "CHN", interval="week", fill_gaps=True)
    assert s["buckets"] == ["2025-11-03", "2025-11-10", "2025-11-17", "2025-11-24", "2025-12-01"]
    assert s["total"] == [3, 0, 0, 0, 1]
    assert s["goldstein"][1] is None and s["counts"]["CONSULT"] == [1, 0, 0, 0, 0]
    m = store.dyad_series("USA", None, interval="month", fill_gaps=True)
    assert m["buckets"] == ["2025-11-01", "2025-12-01"]
    d = store.dyad_series("JPN", "CHN", fill_gaps=True)
    assert len(d["buckets"]) == 30 and sum(d["total"]) == 4


def test_dyad_series_rows_flatten(store):
    s = store.dyad_series("JPN", "CHN", interval="month")
    rows = store.series_rows(s)
    assert [r["bucket"] for r in rows] == s["buckets"]
    assert rows[0]["events"] == 3 and rows[0]["n_CONSULT"] == 1


def test_dyad_series_filters_and_errors(store):
    s = store.dyad_series("JPN", "CHN", since="2025-11-04")
    assert s["events"] == 2
    empty = store.dyad_series("JPN", "PRK")
    assert empty["buckets"] == [] and empty["events"] == 0
    with pytest.raises(ConfigError):
        store.dyad_series("JPN", "CHN", interval="hour")
    with pytest.raises(ConfigError):
        store.dyad_series("JPN", "CHN", by="colour")


def test_dyads_ranked(store):
    d = store.dyads()
    top = {(r["source"], r["target"]): r["events"] for r in d}
    assert top[("JPN", "CHN")] == 4 and top[("CHN", "JPN")] == 4
    assert top[("PRK", "KOR")] == 1
    assert d[0]["events"] >= d[-1]["events"]


def test_network_country_level(store):
    net = store.actor_network()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("JPN", "CHN")]["weight"] == 4
    assert edges[("CHN", "JPN")]["weight"] == 4
    assert edges[("USA", "PHL")]["types"] == ["AID"]
    nodes = {n["id"]: n for n in net["nodes"]}
    assert set(nodes) == {"JPN", "CHN", "USA", "PHL", "KOR", "PRK"}
    assert nodes["JPN"]["out"] == 4 and nodes["JPN"]["in"] == 5
    assert nodes["JPN"]["events"] == 9
    strong = store.actor_network(min_weight=2)
    assert {(e["source"], e["target"]) for e in strong["edges"]} == {("JPN", "CHN"), ("CHN", "JPN")}
    only_conflict = store.actor_network(quad_class=4)
    assert {(e["source"], e["target"]) for e in only_conflict["edges"]} >= {("PRK", "KOR")}


def test_network_actor_level_uses_names(store):
    net = store.actor_network(level="actor")
    labels = {n["label"] for n in net["nodes"]}
    assert "Japan" in labels and "North Korea" in labels
    ids = {n["id"] for n in net["nodes"]}
    assert "JPNGOV:Japan" in ids and "PRKMIL:North Korea" in ids  # exact keys: actor=ID lists the node's events
    for n in net["nodes"]:
        assert n["events"] == store.count_events(actor=n["id"])
    with pytest.raises(ConfigError):
        store.actor_network(level="planet")


def test_map_points(store):
    pts = {p["place"]: p for p in store.map_points()}
    assert set(pts) == {"Tokyo", "Beijing", "Yellow Sea", "Manila", "Seoul", "Washington"}
    assert pts["Tokyo"]["events"] == 3
    assert pts["Beijing"]["events"] == 3
    assert pts["Yellow Sea"]["types"] == ["ACCUSE", "ASSAULT"]
    assert pts["Tokyo"]["lat"] == pytest.approx(35.68) and pts["Tokyo"]["lon"] == pytest.approx(139.69)
    assert sum(p["events"] for p in pts.values()) == 11  # one event has no place
    only_usa = store.map_points(source="USA")
    assert {p["place"] for p in only_usa} == {"Manila", "Washington"}


def test_actor_list(store):
    rows = {(r["name"], r["code"]): r for r in store.actor_list()}
    japan = rows[("Japan", "JPNGOV")]
    assert (japan["as_source"], japan["as_target"], japan["events"]) == (4, 5, 9)
    assert rows[("North Korea", "PRKMIL")]["as_source"] == 1
    assert [r["name"] for r in store.actor_list(q="korea")] == ["South Korea", "North Korea"]
    assert {r["name"] for r in store.actor_list(country="usa")} == {"United States"}
    assert store.count_actors() == 6
