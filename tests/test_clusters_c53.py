"""Round c53 (issue 17, counting): a cluster's source and target are chosen as a pair from its mentions.

Before, each actor was the best resolved one any mention gave, chosen on its own: a border-fee deal reported three
times as Kenya -> Tanzania, once as Tanzania -> Kenya, once with only Kenya named (the first report) and once with a
context-filled Kenya on both sides came out Kenya -> Kenya, and ``source=KEN, target=TZA``, ``dyads`` and
``dyad_series`` missed it. Our own sentences (not from the corpora)."""

from __future__ import annotations

import itertools
import random

import pytest

from gaiko.clusters import rebuild_clusters, update_clusters
from gaiko.clusters.rules import load_rules
from gaiko.clusters.summary import fetch_reports, summarize
from gaiko.ids import article_id, record_id
from gaiko.store import Store
from gaiko.types import Actor, Article, CodedArticle, Event, SentenceRecord

KEN = ("Kenya", "KEN", None, "country")
KEN_GOV = ("the Kenyan government", "KEN", "GOV", "country")
KEN_CTX = ("its neighbour", "KEN", None, "event-fallback")  # a target filled from context, wrongly
TZA = ("Tanzania", "TZA", None, "country")
TZA_GOV = ("Tanzania's government", "TZA", "GOV", "country")
UGA = ("Uganda", "UGA", None, "country")


def _actor(spec):
    if spec is None:
        return None
    text, country, sector, how = spec
    return Actor(text=text, name=text if how == "country" else None, country=country, sector=sector, resolved_by=how)


def _article(text, published, outlet, src, tgt, day="2026-06-02", etype="AGREE"):
    aid = article_id(text)
    trig = "agreed" if "agreed" in text else text.split()[2]
    start = text.index(trig)
    ev = Event(id=record_id("ev", aid, 0, start, etype, 0), article_id=aid, sentence_index=0, sentence=text,
               event_type=etype, trigger=trig, trigger_start=start, trigger_end=start + len(trig),
               source=_actor(src), target=_actor(tgt), date=day, date_precision="day", goldstein=5.0, quad_class=1,
               pattern="test", confidence=0.8, coder_version="test")
    art = Article(text=text, id=aid, published=published, title=text[:30], source=outlet)
    return CodedArticle(article=art, sentences=[SentenceRecord(0, 0, len(text), text)], events=[ev],
                        coder_version="test")


def _fee_deal():
    """One deal on Tuesday 2 June 2026, six outlets: the first names only Kenya."""
    return [
        _article("Border fees will be scrapped under a deal agreed with Kenya on Tuesday.", "2026-06-02",
                 "Lake Courier", None, KEN),
        _article("Kenya agreed with Tanzania on Tuesday to scrap fees at the Namanga crossing.", "2026-06-03",
                 "Coast Wire", KEN, TZA),
        _article("Kenya agreed with Tanzania on Tuesday to drop border fees for lorries.", "2026-06-03",
                 "Rift Daily", KEN, TZA),
        _article("The Kenyan government agreed with Tanzania on Tuesday to end crossing fees.", "2026-06-03",
                 "Highland Post", KEN_GOV, TZA),
        _article("Tanzania agreed with Kenya on Tuesday to waive fees on the shared border.", "2026-06-03",
                 "Dar Herald", TZA, KEN),
        _article("Traders cheered. The Kenyan government agreed on Tuesday to end fees charged by its neighbour.",
                 "2026-06-03", "Savanna Times", KEN_GOV, KEN_CTX),
    ]


def _store(arts, batches=None):
    store = Store(":memory:")
    for batch in batches or [arts]:
        store.write_coded(batch)
        update_clusters(store, [c.article.id for c in batch])
    return store


def _clusters(store):
    cur = store.con.execute("SELECT * FROM clusters ORDER BY id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _from_all_mentions(store):
    ids = [r[0] for r in store.con.execute("SELECT DISTINCT cluster_id FROM cluster_members").fetchall()]
    reports = fetch_reports(store.con, ids)
    return sorted((summarize(c, reports[c], load_rules()) for c in ids), key=lambda r: r["id"])


def test_the_dyad_is_the_pair_most_mentions_give_not_a_self_dyad_of_two_mentions():
    store = _store(_fee_deal())
    [row] = _clusters(store)
    assert row["num_mentions"] == 6
    assert (row["source_country"], row["target_country"]) == ("KEN", "TZA")
    assert row["target_text"] == "Tanzania"  # an actor of that pair's mentions
    assert store.count_events(source="KEN", target="TZA") == 1
    assert [(d["source"], d["target"], d["events"]) for d in store.dyads()] == [("KEN", "TZA", 1)]
    assert sum(store.dyad_series("KEN", "TZA", interval="day")["total"]) == 1
    assert store.count_events(source="KEN", target="KEN") == 0


def test_the_sector_follows_the_pair():
    """The first report names only Kenya, the first named source is Kenya's government; most reports are Tanzania's
    government -> Kenya: the cluster is that, sector and all (before: Kenya's government -> Kenya)."""
    arts = [
        _article("Border fees will be scrapped under a deal agreed with Kenya on Tuesday.", "2026-06-02",
                 "Lake Courier", None, KEN),
        _article("The Kenyan government agreed with Tanzania on Tuesday to end the fees.", "2026-06-03",
                 "Highland Post", ("the Kenyan government", "KEN", "GOV", "country"), TZA),
        _article("Tanzania's government agreed with Kenya on Tuesday to scrap the fees.", "2026-06-04", "Dar Herald",
                 TZA_GOV, KEN),
        _article("Tanzania's government agreed with Kenya on Tuesday to drop the crossing fees.", "2026-06-04",
                 "Coast Wire", TZA_GOV, KEN),
    ]
    [row] = _clusters(_store(arts))
    assert (row["source_country"], row["source_sector"], row["source_text"]) == ("TZA", "GOV", "Tanzania's government")
    assert (row["target_country"], row["target_sector"]) == ("KEN", None)


def test_a_self_dyad_only_when_no_mention_names_two_countries():
    arts = [
        _article("Border fees will be scrapped under a deal agreed with Kenya on Tuesday.", "2026-06-02",
                 "Lake Courier", None, KEN),
        _article("Traders cheered. The Kenyan government agreed on Tuesday to end fees charged by its neighbour.",
                 "2026-06-03", "Savanna Times", KEN_GOV, KEN_CTX),
    ]
    [row] = _clusters(_store(arts))
    assert (row["source_country"], row["target_country"]) == ("KEN", "KEN")
    assert row["pairs"] == []


def test_ties_go_to_the_better_resolved_pair_then_the_first_report():
    arts = [
        _article("Tanzania agreed with Kenya on Tuesday to drop the crossing fees.", "2026-06-02", "Coast Wire",
                 TZA, KEN),
        _article("Kenya agreed with Tanzania on Tuesday to scrap fees at the crossing.", "2026-06-03", "Rift Daily",
                 KEN, TZA),
    ]
    [row] = _clusters(_store(arts))
    assert (row["source_country"], row["target_country"]) == ("TZA", "KEN")  # one each, equally named: the first
    arts.append(_article("Kenyan officials agreed with Tanzania on Tuesday to end the fees.", "2026-06-03",
                         "Highland Post", ("Kenyan officials", "KEN", "GOV", "demonym"), TZA))
    [row] = _clusters(_store(arts))
    assert (row["source_country"], row["target_country"]) == ("KEN", "TZA")  # two against one


@pytest.mark.parametrize("seed", range(8))
def test_every_arrival_order_and_batching_gives_the_rebuild(seed):
    """The dyad moves between pairs as reports arrive (a pair that stored mentions give wins only later): every
    order and batching ends with the row a rebuild makes, and the row made from all mentions."""
    arts = _fee_deal() + [
        _article("Tanzania agreed with Kenya on Tuesday to lift fees on lorries.", "2026-06-04", "Mara Review",
                 TZA, KEN),
        _article("Tanzanian ministers agreed with Kenya on Tuesday to scrap the levy.", "2026-06-04", "Delta News",
                 TZA_GOV, KEN),
        _article("Uganda agreed with Kenya on Tuesday to end the fees as well.", "2026-06-04", "Nile Echo", UGA, KEN),
    ]
    rng = random.Random(seed)
    rng.shuffle(arts)
    batches, i = [], 0
    while i < len(arts):
        n = rng.randint(1, 3)
        batches.append(arts[i:i + n])
        i += n
    store = _store(arts, batches)
    got = _clusters(store)
    assert got == _from_all_mentions(store)
    rebuild_clusters(store)
    assert _clusters(store) == got
    assert _clusters(_store(arts)) == got


def test_the_dyad_moving_to_a_stored_pair_reads_that_cluster_again(monkeypatch):
    """Tanzania -> Kenya leads, then Kenya -> Tanzania reports arrive in later batches: the dyad moves to a pair with
    stored mentions, and its actors come from them (the first, Kenya's government), not from the stored row, which
    kept the other pair's. Only then is the cluster read again (summarize says None)."""
    from gaiko.clusters import summary

    calls = []

    def spy(*args, **kw):
        out = real(*args, **kw)
        calls.append(out is None)
        return out

    real = summary.summarize
    monkeypatch.setattr(summary, "summarize", spy)
    ken_gov = _article("The Kenyan government agreed with Tanzania on Tuesday to end crossing fees.", "2026-06-02",
                       "Highland Post", KEN_GOV, TZA)
    batches = [[_article("Tanzania's government agreed with Kenya on Tuesday to scrap the levy.", "2026-06-02",
                         "Delta News", TZA_GOV, KEN), ken_gov],
               [_article("Tanzania agreed with Kenya on Tuesday to lift fees on lorries.", "2026-06-03", "Mara Review",
                         TZA, KEN)],
               [_fee_deal()[1]], [_fee_deal()[2]]]
    store = _store(sum(batches, []), batches)
    [row] = _clusters(store)
    assert (row["source_country"], row["source_text"], row["target_country"]) == ("KEN", "the Kenyan government",
                                                                                  "TZA")
    assert True in calls  # the dyad moved to a stored pair once, and that cluster was read again
    monkeypatch.setattr(summary, "summarize", real)
    assert [row] == _from_all_mentions(store)


def test_a_row_from_before_the_tally_is_made_again_from_all_its_mentions():
    arts = _fee_deal()
    store = _store(arts[:3])
    store.con.execute("UPDATE clusters SET pairs = NULL")  # as migration 12 leaves a stored row
    store.write_coded(arts[3:])
    update_clusters(store, [c.article.id for c in arts[3:]])
    [row] = _clusters(store)
    assert (row["source_country"], row["target_country"]) == ("KEN", "TZA")
    assert [row] == _from_all_mentions(store)


def test_migration_12_adds_the_tally_to_an_older_store(tmp_path):
    import duckdb

    from gaiko.store import schema

    db = tmp_path / "old.duckdb"
    with Store(db) as s:
        s.write_coded(_fee_deal()[:2])
        update_clusters(s, [c.article.id for c in _fee_deal()[:2]])
    con = duckdb.connect(str(db))
    con.execute("DROP INDEX IF EXISTS clusters_id")
    con.execute("ALTER TABLE clusters DROP COLUMN pairs")
    con.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    con.execute("UPDATE meta SET value = '1,2,3,4,5,6,7,8,9,10,11' WHERE key = 'migrations'")
    con.close()
    with Store(db) as s:
        assert 12 in schema.applied_migrations(s.con)
        assert s.con.execute("SELECT count(*) FROM clusters WHERE pairs IS NULL").fetchone()[0] == 1
        rest = _fee_deal()[2:]
        s.write_coded(rest)
        update_clusters(s, [c.article.id for c in rest])
        [row] = _clusters(s)
        assert (row["source_country"], row["target_country"]) == ("KEN", "TZA")
        assert [row] == _from_all_mentions(s)


def test_permutations_of_the_fee_deal_one_article_a_batch():
    arts = _fee_deal()
    seen = set()
    for perm in itertools.islice(itertools.permutations(arts), 0, 720, 97):
        rows = _clusters(_store(list(perm), [[a] for a in perm]))
        seen.add(repr(rows))
    assert len(seen) == 1


def _file_store(tmp_path, arts):
    db = tmp_path / "deal.duckdb"
    with Store(db) as s:
        s.write_coded(arts)
        update_clusters(s, [c.article.id for c in arts])
    return db


def _both_ways():
    """The fee deal (Kenya -> Tanzania) and, a week later, Tanzania's own offer to Kenya (Tanzania -> Kenya)."""
    return _fee_deal() + [
        _article("Tanzania agreed with Kenya on Tuesday to share the border post's costs.", "2026-06-09", "Dar Herald",
                 TZA, KEN, day="2026-06-09"),
        _article("Uganda agreed with Kenya on Tuesday to study the levy.", "2026-06-09", "Nile Echo", UGA, KEN,
                 day="2026-06-09"),
    ]


def test_either_direction_of_a_dyad_store_cli_and_api(tmp_path):
    import json

    from typer.testing import CliRunner

    from gaiko.cli import app
    from gaiko.errors import ConfigError
    from gaiko.server import create_app

    db = _file_store(tmp_path, _both_ways())
    with Store(db, read_only=True) as s:
        assert s.count_events(source="KEN", target="TZA") == 1
        assert s.count_events(source="KEN", target="TZA", either=True) == 2
        assert s.count_events(source="TZA", target="KEN", either=True) == 2
        assert s.count_events(source="KEN", target="TZA", either=True, count="mentions") == 5  # 3 + 1 + 1, not the self-dyad report
        assert sorted((d["source"], d["target"]) for d in s.dyads(source="KEN", target="TZA", either=True)) == [
            ("KEN", "TZA"), ("TZA", "KEN")]
        assert sum(s.dyad_series("KEN", "TZA", interval="day", either=True)["total"]) == 2
        with pytest.raises(ConfigError, match="needs a source and a target"):
            s.count_events(source="KEN", either=True)
    runner = CliRunner()
    r = runner.invoke(app, ["events", "--db", str(db), "--source", "KEN", "--target", "TZA", "--either", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["total"] == 2 and out["filters"]["either"] is True
    r = runner.invoke(app, ["events", "--db", str(db), "--source", "KEN", "--target", "TZA", "--json"])
    assert json.loads(r.stdout)["total"] == 1 and "either" not in json.loads(r.stdout)["filters"]
    for cmd in (["dyads"], ["series", "--interval", "day"], ["export", "--out", str(tmp_path / "x.jsonl")]):
        r = runner.invoke(app, [*cmd, "--db", str(db), "--source", "TZA", "--target", "KEN", "--either"])
        assert r.exit_code == 0, (cmd, r.output)
    assert len((tmp_path / "x.jsonl").read_text().splitlines()) == 2
    r = runner.invoke(app, ["events", "--db", str(db), "--target", "KEN", "--either"])
    assert r.exit_code == 2 and "needs a source and a target" in r.output

    from fastapi.testclient import TestClient

    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        assert c.get("/api/v1/events", params={"dyad": "KEN-TZA"}).json()["total"] == 1
        got = c.get("/api/v1/events", params={"dyad": "KEN-TZA", "either": "true"}).json()
        assert got["total"] == 2 and got["filters"]["either"] == "true"
        assert c.get("/api/v1/dyads", params={"dyad": "TZA-KEN", "either": "true"}).json()["total"] == 2
        assert sum(c.get("/api/v1/series", params={"dyad": "TZA-KEN", "either": "true", "interval": "day"}
                         ).json()["total"]) == 2
        bad = c.get("/api/v1/events", params={"source": "KEN", "either": "true"})
        assert bad.status_code == 422 and "needs a source and a target" in bad.text
