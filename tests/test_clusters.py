"""Event clusters: what the rules put together and keep apart, counts, overrules, pledge evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from gaiko.clusters import cluster_detail, merge_clusters, rebuild_clusters, split_cluster, update_clusters
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import unit_of
from gaiko.errors import ConfigError, DataFileError, NotFound
from gaiko.ids import article_id, record_id
from gaiko.store import Store
from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

JPN = ("Japan", "JPN", None, "country", None)
TAKAICHI = ("Sanae Takaichi", "JPN", "GOV", "kb", "sanae-takaichi")
KISHIDA = ("Fumio Kishida", "JPN", "GOV", "kb", "fumio-kishida")
CHN = ("China", "CHN", None, "country", None)
NGA_GUNMEN = ("gunmen", "NGA", "REB", "demonym", None)
JPN_WORKER = ("a Japanese aid worker", "JPN", "CVL", "demonym", None)
COORDS = {"Kaduna": (10.5, 7.4), "Nigeria": (9.1, 8.7)}


def actor(spec):
    if spec is None:
        return None
    text, country, sector, how, person = spec
    return Actor(text=text, name=text if how in ("country", "kb") else None, country=country, sector=sector,
                 resolved_by=how, person_id=person)


def article(text, published, outlet, *events, url=None):
    """One coded article; each event: (type, trigger, source, target, date, precision[, place, flags])."""
    aid = article_id(text)
    evs = []
    for i, e in enumerate(events):
        etype, trig, src, tgt, date, prec, *rest = e
        place = rest[0] if rest else None
        flags = rest[1] if len(rest) > 1 else {}
        start = text.index(trig)
        evs.append(Event(id=record_id("ev", aid, 0, start, etype, i), article_id=aid, sentence_index=0, sentence=text,
                         event_type=etype, trigger=trig, trigger_start=start, trigger_end=start + len(trig),
                         source=actor(src), target=actor(tgt), date=date, date_precision=prec,
                         place=Place(text=place[0], name=place[0], country=place[1], lat=COORDS.get(place[0], (None,))[0],
                                     lon=COORDS.get(place[0], (None, None))[1]) if place else None,
                         goldstein=-9.0 if etype == "ASSAULT" else 1.0, quad_class=4 if etype == "ASSAULT" else 1,
                         pattern="test", confidence=0.8, coder_version="test", **flags))
    art = Article(text=text, id=aid, published=published, title=text[:30], source=outlet, url=url)
    return CodedArticle(article=art, sentences=[SentenceRecord(0, 0, len(text), text)], events=evs, coder_version="test")


def clusters_of(store):
    """{event trigger@article published: cluster id}."""
    rows = store.query("SELECT e.trigger, a.published, a.source, m.cluster_id FROM events e JOIN articles a "
                       "ON a.id = e.article_id JOIN cluster_members m ON m.event_id = e.id")
    return {f"{r['trigger']}@{r['published']}/{r['source']}": r["cluster_id"] for r in rows}


@pytest.fixture()
def kidnapping():
    """Three outlets over four days about one abduction, a look-alike two days later, an anniversary."""
    return [
        article("Gunmen abducted a Japanese aid worker in Kaduna on Monday.", "2024-03-11", "Wire A",
                ("ASSAULT", "abducted", NGA_GUNMEN, JPN_WORKER, "2024-03-11", "day", ("Kaduna", "NGA"))),
        article("A Japanese national was kidnapped in Nigeria on Monday, police said.", "2024-03-12", "Daily B",
                ("ASSAULT", "kidnapped", None, ("A Japanese national", "JPN", None, "demonym", None), "2024-03-11",
                 "day", ("Nigeria", "NGA"))),
        article("Japan urged Nigeria to free the aid worker abducted last Monday.", "2024-03-14", "Post C",
                ("ASSAULT", "abducted", None, ("the aid worker", None, "CVL", "sector", None), "2024-03-11", "day")),
        article("Gunmen kidnapped a Japanese engineer in Kaduna on Wednesday.", "2024-03-13", "Wire A",
                ("ASSAULT", "kidnapped", NGA_GUNMEN, JPN_WORKER, "2024-03-13", "day", ("Kaduna", "NGA"))),
        article("Gunmen seized a Japanese aid worker in Kaduna, officials said.", "2024-03-12", "Herald D",
                ("ASSAULT", "seized", NGA_GUNMEN, JPN_WORKER, "2024-03-12", "published")),
        article("A year after gunmen abducted a Japanese aid worker on March 11, 2024, her charity returned.",
                "2025-03-11", "Wire A",
                ("ASSAULT", "abducted", NGA_GUNMEN, JPN_WORKER, "2024-03-11", "day")),
        article("Gunmen abducted a Japanese volunteer in Kaduna on Tuesday, a year after the first kidnapping.",
                "2025-03-12", "Herald D",
                ("ASSAULT", "abducted", NGA_GUNMEN, JPN_WORKER, "2025-03-11", "day", ("Kaduna", "NGA"))),
    ]


def test_reports_of_one_event_are_one_cluster_and_lookalikes_stay_apart(kidnapping):
    store = Store(":memory:")
    store.write_coded(kidnapping)
    c = clusters_of(store)
    monday = c["abducted@2024-03-11/Wire A"]
    # the first report, another outlet the next day, a follow-up ("last Monday"), the undated report on
    # Tuesday (its nearest earlier event) and the anniversary's retelling with the date: one event
    for key in ("kidnapped@2024-03-12/Daily B", "abducted@2024-03-14/Post C", "seized@2024-03-12/Herald D",
                "abducted@2025-03-11/Wire A"):
        assert c[key] == monday, key
    assert c["kidnapped@2024-03-13/Wire A"] != monday  # the look-alike two days later
    assert c["abducted@2025-03-12/Herald D"] != monday  # a new abduction on the anniversary
    row = store.query("SELECT * FROM clusters WHERE id = ?", [monday])[0]
    assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == (5, 5, 4)
    assert row["first_published"] == dt.date(2024, 3, 11) and row["first_source"] == "Wire A"
    # the most precise of its mentions: the day, the city, the resolved actors
    assert row["date"] == dt.date(2024, 3, 11) and row["date_precision"] == "day"
    assert row["place_name"] == "Kaduna" and row["source_country"] == "NGA" and row["target_country"] == "JPN"
    detail = cluster_detail(store, monday)
    assert [r["published"] for r in detail["reports"]] == sorted(r["published"] for r in detail["reports"])
    assert {r["outlet"] for r in detail["reports"]} == {"Wire A", "Daily B", "Post C", "Herald D"}


def test_a_government_and_its_leader_are_one_side_two_people_are_not():
    store = Store(":memory:")
    store.write_coded([
        article("Japan accused China of harassment on Monday.", "2025-11-03", "A",
                ("ACCUSE", "accused", JPN, CHN, "2025-11-03", "day")),
        article("Takaichi accused Beijing of harassment on Monday.", "2025-11-03", "B",
                ("ACCUSE", "accused", TAKAICHI, CHN, "2025-11-03", "day")),
        article("Kishida accused Beijing of harassment on Monday.", "2025-11-04", "C",
                ("ACCUSE", "accused", KISHIDA, CHN, "2025-11-03", "day")),
        article("China accused Japan of provocations on Monday.", "2025-11-03", "D",
                ("ACCUSE", "accused", CHN, JPN, "2025-11-03", "day")),
    ])
    c = clusters_of(store)
    assert c["accused@2025-11-03/A"] == c["accused@2025-11-03/B"]
    assert c["accused@2025-11-04/C"] != c["accused@2025-11-03/B"]  # a different person: another statement
    assert c["accused@2025-11-03/D"] != c["accused@2025-11-03/A"]  # the reverse accusation


def test_places_and_statuses():
    store = Store(":memory:")
    store.write_coded([
        article("Russia struck Kharkiv on Monday.", "2024-10-07", "A",
                ("ASSAULT", "struck", ("Russia", "RUS", None, "country", None), ("Ukraine", "UKR", None, "country", None),
                 "2024-10-07", "day", ("Kharkiv", "UKR"))),
        article("Russian drones hit Odesa on Monday.", "2024-10-07", "B",
                ("ASSAULT", "hit", ("Russia", "RUS", "MIL", "demonym", None), ("Ukraine", "UKR", None, "country", None),
                 "2024-10-07", "day", ("Odesa", "UKR"))),
        article("Russia attacked Ukraine on Monday.", "2024-10-08", "C",
                ("ASSAULT", "attacked", ("Russia", "RUS", None, "country", None), ("Ukraine", "UKR", None, "country", None),
                 "2024-10-07", "day", ("Ukraine", "UKR"))),
        article("Russia will attack Kharkiv again, Moscow said on Monday.", "2024-10-07", "D",
                ("ASSAULT", "attack", ("Russia", "RUS", None, "country", None), ("Ukraine", "UKR", None, "country", None),
                 "2024-10-07", "day", ("Kharkiv", "UKR"), {"intended": True})),
    ])
    c = clusters_of(store)
    assert c["struck@2024-10-07/A"] != c["hit@2024-10-07/B"]  # two cities, two strikes
    assert c["attacked@2024-10-08/C"] in (c["struck@2024-10-07/A"], c["hit@2024-10-07/B"])  # the country contains both
    assert c["attack@2024-10-07/D"] not in (c["struck@2024-10-07/A"], c["hit@2024-10-07/B"])  # a threat is no strike


def test_windows_and_sides_from_the_rules_file():
    r = load_rules()
    day = dt.date(2024, 3, 13)  # a Wednesday
    assert r.window(day, "day", None) == (day.toordinal(), day.toordinal())
    assert r.window(None, "published", day) == (day.toordinal() - 3, day.toordinal())
    assert r.window(dt.date(2024, 3, 11), "week", None) == (dt.date(2024, 3, 11).toordinal(), dt.date(2024, 3, 17).toordinal())
    assert r.window(dt.date(2024, 3, 1), "month", None)[1] == dt.date(2024, 3, 31).toordinal()
    assert r.side("JPN", "GOV", "Sanae Takaichi", "kb") == r.side("JPN", None, "Japan", "country") == "JPN"
    assert r.side("IGO", "IGO", "United Nations", "kb") != r.side("IGO", "IGO", "European Union", "kb")
    assert r.side(None, "REB", "gunmen", "unresolved") == "?"
    u = unit_of({"event_type": "ASSAULT", "date": "2024-03-11", "date_precision": "day", "published": "2024-03-12"}, r)
    assert (u.lo, u.hi, u.src, u.tgt) == (dt.date(2024, 3, 11).toordinal(),) * 2 + ("?", "?")


def test_a_malformed_rules_file_names_itself(tmp_path):
    bad = tmp_path / "clusters.yaml"
    bad.write_text("sides: {}\ndates: {day: {before: -1}, other: {}}\nattach: {}\nrepresentative: {precision_order: [day]}\n")
    with pytest.raises(DataFileError, match="clusters.yaml.*dates.day.before"):
        load_rules(str(bad))
    bad.write_text("sides: [\n")
    with pytest.raises(DataFileError, match="invalid YAML"):
        load_rules(str(bad))


def test_split_and_merge_survive_recoding_and_rebuilds(kidnapping):
    store = Store(":memory:")
    store.write_coded(kidnapping)
    c = clusters_of(store)
    monday = c["abducted@2024-03-11/Wire A"]
    undated = store.query("SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.source = 'Herald D' "
                          "AND e.trigger = 'seized'")[0]["id"]
    ov = split_cluster(store, monday, [undated], note="the Tuesday report is about another kidnapping")
    after = clusters_of(store)
    assert after["seized@2024-03-12/Herald D"] == ov["cluster_id"] != after["abducted@2024-03-11/Wire A"]
    assert store.scalar("SELECT num_mentions FROM clusters WHERE id = ?", [ov["cluster_id"]]) == 1
    wed = after["kidnapped@2024-03-13/Wire A"]
    mv = merge_clusters(store, [ov["cluster_id"], wed])
    merged = clusters_of(store)
    assert merged["seized@2024-03-12/Herald D"] == merged["kidnapped@2024-03-13/Wire A"] == mv["cluster_id"]
    assert store.scalar("SELECT overruled FROM clusters WHERE id = ?", [mv["cluster_id"]])
    # recoding: every row of the articles written again from scratch, then the clusters caught up
    ids = [c.article.id for c in kidnapping]
    for table in ("events", "sentences", "actors", "places", "pledges"):
        store.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
    store.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])
    store.write_coded(kidnapping, cluster=False)
    update_clusters(store)  # sees the stale members and rebuilds
    assert clusters_of(store) == merged
    rebuild_clusters(store)
    assert clusters_of(store) == merged
    with pytest.raises(NotFound):
        split_cluster(store, "cl-nothing", [undated])
    with pytest.raises(ConfigError):
        split_cluster(store, mv["cluster_id"], ["ev-not-in-it"])
    with pytest.raises(ConfigError):
        merge_clusters(store, [mv["cluster_id"]])


def test_counting_by_clusters_is_the_default_and_mentions_one_switch_away(kidnapping):
    store = Store(":memory:")
    store.write_coded(kidnapping)
    n_mentions = store.scalar("SELECT count(*) FROM events")
    n_clusters = store.scalar("SELECT count(*) FROM clusters")
    assert n_clusters < n_mentions == 7
    assert store.count_events() == n_clusters and store.count_events(count="mentions") == n_mentions
    rows = store.events(limit=None)
    assert len(rows) == n_clusters and sum(r["num_mentions"] for r in rows) == n_mentions
    assert {r["cluster_id"] for r in rows} == {r[0] for r in store.con.execute("SELECT id FROM clusters").fetchall()}
    assert len(store.events(limit=None, count="mentions")) == n_mentions
    series = store.dyad_series("NGA", "JPN", interval="day")
    assert series["events"] == n_clusters and series["count"] == "clusters"
    assert store.dyad_series("NGA", "JPN", count="mentions")["events"] == 5  # the mentions that name both sides
    assert store.dyads()[0]["events"] == n_clusters
    assert store.dyads(count="mentions")[0]["events"] == 5
    assert sum(p["events"] for p in store.map_points()) < sum(p["events"] for p in store.map_points(count="mentions"))
    net = store.actor_network()
    assert net["edges"][0]["weight"] == n_clusters
    stats = store.stats()
    assert stats["events"] == n_mentions and stats["clusters"] == n_clusters
    assert sum(stats["by_type"].values()) == n_clusters
    assert sum(store.stats(count="mentions")["by_type"].values()) == n_mentions
    assert store.actor_list()[0]["events"] <= store.actor_list(count="mentions")[0]["events"]
    with pytest.raises(ConfigError, match="unknown count"):
        store.events(count="reports")
    # a filter on the words of the sentence picks the clusters that have such a mention
    hits = store.events(text="last Monday", limit=None)
    assert [r["num_mentions"] for r in hits] == [5] and store.count_events(text="last Monday") == 1
    assert store.count_events(text="last Monday", count="mentions") == 1
    # a cluster is counted on its own date: the undated report of Tuesday does not move Monday's abduction
    tuesday = {"since": "2024-03-12", "until": "2024-03-12"}
    assert store.count_events(**tuesday) == 0 and store.count_events(count="mentions", **tuesday) == 1


def test_exports_carry_gdelt_counts(kidnapping, tmp_path):
    import json

    import pandas as pd

    from gaiko.export import export_events

    store = Store(":memory:")
    store.write_coded(kidnapping)
    n = export_events(store, "jsonl", tmp_path / "c.jsonl")
    recs = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert n == len(recs) == store.scalar("SELECT count(*) FROM clusters")
    big = max(recs, key=lambda r: r["num_mentions"])
    assert (big["num_mentions"], big["num_articles"], big["num_sources"]) == (5, 5, 4) and big["cluster_id"].startswith("cl-")
    assert export_events(store, "parquet", tmp_path / "m.parquet", count="mentions") == 7
    df = pd.read_parquet(tmp_path / "m.parquet")
    assert {"cluster_id", "num_mentions", "num_articles", "num_sources"} <= set(df.columns)
    assert df.groupby("cluster_id")["num_mentions"].first().sum() == 7
    export_events(store, "csv", tmp_path / "c.csv")
    assert len(pd.read_csv(tmp_path / "c.csv")) == n


def test_pledge_evidence_reported_by_several_outlets_is_one_item(kidnapping):
    from gaiko.clusters.evidence import link_pledge_evidence

    store = Store(":memory:")
    store.write_coded(kidnapping)
    ev = {r["published"].isoformat() + r["source"]: r["id"] for r in store.query(
        "SELECT e.id, a.published, a.source FROM events e JOIN articles a ON a.id = e.article_id")}
    evidence = [{"article_id": "x", "published": "2024-03-10", "sentence": "made", "role": "made", "event_id": None,
                 "sentence_index": 0, "note": None}]
    for key in ("2024-03-11Wire A", "2024-03-12Daily B", "2024-03-14Post C", "2024-03-13Wire A"):
        evidence.append({"article_id": "a", "published": key[:10], "sentence": key, "role": "broken",
                         "event_id": ev[key], "sentence_index": 0, "note": None})
    entry = {"id": "pledge-1", "evidence": evidence}
    out = link_pledge_evidence(store, [entry])[0]
    items = [e for e in out["evidence"] if e["role"] == "broken"]
    assert len(items) == 2  # Monday's abduction (three reports) and Wednesday's
    first = items[0]
    assert len(first["reports"]) == 3 and first["num_sources"] == 4 and first["cluster_id"].startswith("cl-")
    assert entry["evidence"] is evidence and len(evidence) == 5  # the input is left alone


def test_an_old_store_reads_as_one_cluster_per_event_and_is_clustered_when_opened_for_writing(tmp_path):
    from helpers import make_coded

    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.write_coded([make_coded("Japan met China.", "2025-11-01", 2), make_coded("Japan met China again.", "2025-11-01", 2)],
                      cluster=False)
        for t in ("cluster_members", "cluster_units", "cluster_fine", "cluster_coarse", "clusters", "cluster_overrules"):
            s.con.execute(f"DROP TABLE {t}")
        # as a store of schema 6 was: no cluster tables, sentence stems (migration 8 replaces them), no record of
        # the migrations applied
        s.con.execute("DROP TABLE sentence_keys")
        s.con.execute("CREATE TABLE sentence_stems (article_id VARCHAR, idx INTEGER, stem VARCHAR)")
        s.con.execute("ALTER TABLE pledge_overrides DROP COLUMN evidence_seen")  # migration 11 adds it
        s.con.execute("DELETE FROM meta WHERE key = 'migrations'")
        s.con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    with Store(path, read_only=True) as s:
        assert s.count_events() == s.count_events(count="mentions") == 4
        rows = s.events(limit=None)
        assert len(rows) == 4 and {r["num_mentions"] for r in rows} == {1} and all(r["cluster_id"] for r in rows)
        assert s.dyads()[0]["events"] == 4 and s.stats()["clusters"] == 4
    with Store(path) as s:  # migrates and clusters the events it finds
        migrations = s.scalar("SELECT value FROM meta WHERE key = 'migrations'")
        assert s.schema_version >= 8 and migrations.endswith("7,8,9,10,11,12,13,14,15,16")
        assert s.count_events() == 2 and s.count_events(count="mentions") == 4
