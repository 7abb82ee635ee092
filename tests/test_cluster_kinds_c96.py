"""Round c96 (issue 17: a rebuild gives exactly the clusters of the incremental updates). The store, written in
every arrival order and in one batch, equals the in-memory reference and a rebuild; and the rule ``units._units_of``
applies is explicit: only a row whose own date stands takes its sentence's place. A report whose date is its
sentence's (precision ``shared``) keeps none: round c96 found that the lookups made with a copied row's id were what
kept it so, and measured giving it the place (held out, rules alone, F1 -0.0016: not taken); the lead's round kept
the behaviour and wrote it down (docs/clusters.md).

Our own articles (invented towns Harlo and Dunmere of an invented Valdoria, invented Korsan militiamen). "Valdorian
soldiers shelled Harlo on Saturday while Korsan militiamen attacked the market": the attack's date is an upper bound
(``shared``) and it keeps no place; it still joins the Korsan attack in Harlo on Friday.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from cluster_batches import rules_file, shipped_text, use_rules

from gaiko.ids import article_id, record_id
from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

SAT = dt.date(2025, 3, 8)
FRI = SAT - dt.timedelta(days=1)


def _actor(country: str | None, name: str | None, text: str) -> Actor | None:
    if country is None:
        return None
    return Actor(text=text, name=name, country=country, sector=None if name else "MIL",
                 resolved_by="country" if name else "demonym")


def _article(text: str, published: dt.date, outlet: str, events: list[dict]) -> CodedArticle:
    aid = article_id(text)
    evs = []
    for j, e in enumerate(events):
        at = text.index(e["trigger"])
        place = e.get("place")
        evs.append(Event(
            id=record_id("ev", aid, j, "ASSAULT"), article_id=aid, sentence_index=0, sentence=text,
            event_type="ASSAULT", trigger=e["trigger"], trigger_start=at, trigger_end=at + len(e["trigger"]),
            mode=None, source=_actor(e.get("src"), None, e.get("src_text", "militiamen")), target=None,
            date=e["date"].isoformat(), date_precision="day", date_text=e["date_text"],
            place=Place(text=place, name=place, country="VLD") if place else None,
            negated=False, intended=False, goldstein=-10.0, quad_class=4, pattern="test", confidence=0.8,
            coder_version="test"))
    art = Article(text=text, id=aid, published=published.isoformat(), title=text[:30], source=outlet)
    return CodedArticle(article=art, sentences=[SentenceRecord(index=0, start=0, end=len(text), text=text)],
                        events=evs, coder_version="test")


#: the sentence of the kind: the shelling (dated, in Harlo) and the attack after the date phrase (shared, no place)
SHELLED = _article("Valdorian soldiers shelled Harlo on Saturday while Korsan militiamen attacked the market.",
                   SAT, "wire a", [
                       {"trigger": "shelled", "src": "VLD", "src_text": "Valdorian soldiers", "place": "Harlo",
                        "date": SAT, "date_text": "Saturday"},
                       {"trigger": "attacked", "src": "KRS", "src_text": "Korsan militiamen", "date": SAT,
                        "date_text": "Saturday"}])
DUNMERE = _article("Korsan militiamen attacked the market in Dunmere on Friday, residents said.", FRI, "daily c", [
    {"trigger": "attacked", "src": "KRS", "src_text": "Korsan militiamen", "place": "Dunmere", "date": FRI,
     "date_text": "Friday"}])
HARLO = _article("Korsan militiamen attacked the market in Harlo on Friday, residents said.", FRI, "daily c", [
    {"trigger": "attacked", "src": "KRS", "src_text": "Korsan militiamen", "place": "Harlo", "date": FRI,
     "date_text": "Friday"}])


@pytest.fixture
def rules_alone(tmp_path, monkeypatch):
    rules = rules_file(tmp_path, "alone.yaml", shipped_text(enabled=False))
    use_rules(monkeypatch, rules)
    return rules


def _units(arts, rules):
    from gaiko.clusters.units import units_of
    from gaiko.clusters.update import mention_rows

    rows = mention_rows(list(arts))
    return {r["trigger"] + "@" + str(r["published"]): u for r, u in zip(rows, units_of(rows, rules))}


def test_a_shared_report_keeps_no_sentence_place(rules_alone):
    """The written rule (round c96): the shelling, whose own date stands, keeps Harlo; the attack, whose date is the
    sentence's, takes no place from it. Fails if a later change makes shared rows find the sentence place again."""
    got = _units([SHELLED], rules_alone)
    shelled = next(u for k, u in got.items() if k.startswith("shelled"))
    attacked = next(u for k, u in got.items() if k.startswith("attacked"))
    assert attacked.prec == "shared" and shelled.prec == "day"
    assert shelled.place != "?" and attacked.place == "?"


def test_a_report_without_a_side_takes_no_place(rules_alone):
    """Look-alike: the sentence place goes only to a report naming a side (sentence.sentence_places), shared or not."""
    art = _article("Valdorian soldiers shelled Harlo on Saturday while someone attacked the market.", SAT, "wire a", [
        {"trigger": "shelled", "src": "VLD", "src_text": "Valdorian soldiers", "place": "Harlo", "date": SAT,
         "date_text": "Saturday"},
        {"trigger": "attacked", "src": None, "date": SAT, "date_text": "Saturday"}])
    attacked = next(u for k, u in _units([art], rules_alone).items() if k.startswith("attacked"))
    assert attacked.prec == "shared" and attacked.place == "?"


def _members(store):
    return dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def _written(batches):
    from gaiko.store import Store

    store = Store(":memory:")
    for b in batches:
        store.write_coded(list(b))
    return store


def _orders(arts):
    """Every arrival order one article at a time, and all in one batch."""
    yield [list(arts)]
    for perm in itertools.permutations(arts):
        yield [[a] for a in perm]


def _together(members, arts, a_trigger, b_article):
    from gaiko.clusters.update import mention_rows

    rows = mention_rows(list(arts))
    first = next(r["id"] for r in rows if r["trigger"] == a_trigger and r["article_id"] == SHELLED.article.id)
    other = next(r["id"] for r in rows if r["article_id"] == b_article.article.id)
    return members[first] == members[other]


def _check_orders(arts, rules, *, reference):
    """The store in every order and in one batch equals the in-memory reference and a rebuild; returns the members."""
    from gaiko.clusters import rebuild_clusters
    from gaiko.clusters.update import MENTION_SQL

    first = None
    for batches in _orders(arts):
        store = _written(batches)
        members = _members(store)
        assert members == reference(store.query(MENTION_SQL), rules)
        rebuild_clusters(store, rules=rules)
        assert _members(store) == members
        assert first is None or members == first
        first = members
    return first


def _rules_reference(rows, rules):
    from gaiko.clusters.core import cluster_mentions

    return cluster_mentions(rows, rules)


def test_the_shared_attack_in_harlo_still_joins_the_attack_in_harlo(rules_alone):
    """Look-alike that must not change: the Korsan attack on the Harlo market on Friday is the one the sentence told."""
    arts = [SHELLED, HARLO]
    members = _check_orders(arts, rules_alone, reference=_rules_reference)
    assert _together(members, arts, "attacked", HARLO)


def test_as_shipped_the_store_equals_the_reference_and_a_rebuild(tmp_path, monkeypatch):
    """The learned steps on (as shipped): the three articles in every order, one by one and in one batch, give the
    clusters of the in-memory reference and of a rebuild."""
    from gaiko.clusters.learned import learned_clusters

    rules = rules_file(tmp_path, "shipped.yaml", shipped_text(enabled=True, join_mode="last"))
    use_rules(monkeypatch, rules)
    _check_orders([SHELLED, DUNMERE, HARLO], rules, reference=learned_clusters)
