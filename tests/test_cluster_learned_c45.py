"""Round c45 (docs/rounds/clusters.md, "Round c45"): the store's learned update chooses again only the units a batch may change
(gaiko/clusters/learnedwork.py), and still gives the reference's clusters.

The case a worklist of candidates alone would miss: a report is kept apart by the veto from the only event it may join,
and a later article adds to that event's cluster a report the first one may not join (its window is not inside the
first one's) but whose mention it matches: the cluster so far now passes the veto, so the stored report must move.
Every article is our own (an invented country, Kelvar KLV, invented towns and outlets)."""

from __future__ import annotations

import pytest

import gaiko.clusters as clusters_pkg
from cluster_batches import rules_file, shipped_text

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.learned import learned_clusters, load_model
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.ids import article_id, record_id
from gaiko.store import Store
from gaiko.types import Article, CodedArticle, Event, SentenceRecord

from test_clusters import actor, article

INS = ("insurgents", "KLV", "REB", "demonym", None)
GUARDS = ("border guards", "KLV", "MIL", "demonym", None)


def _article(sentences, published, outlet, *events):
    """One coded article of several sentences; each event: (sentence, type, trigger, source, target, date, precision)."""
    text = " ".join(sentences)
    aid = article_id(text)
    recs, at = [], 0
    for i, s in enumerate(sentences):
        recs.append(SentenceRecord(i, at, at + len(s), s))
        at += len(s) + 1
    evs = []
    for n, (si, etype, trig, src, tgt, date, prec) in enumerate(events):
        start = recs[si].start + sentences[si].index(trig)
        evs.append(Event(id=record_id("ev", aid, si, start, etype, n), article_id=aid, sentence_index=si,
                         sentence=sentences[si], event_type=etype, trigger=trig, trigger_start=start,
                         trigger_end=start + len(trig), source=actor(src), target=actor(tgt), date=date,
                         date_precision=prec, place=None, goldstein=-9.0, quad_class=4, pattern="test", confidence=0.8,
                         coder_version="test"))
    art = Article(text=text, id=aid, published=published, title=text[:30], source=outlet)
    return CodedArticle(article=art, sentences=recs, events=evs, coder_version="test")


# Monday 31 March 2025: a border post overrun near Dresk (day); the next sentence retells a March attack on the Pelmo
# garrison (month: 1-31 March, so it may join Monday's raid, but the veto keeps the two sentences of one article apart)
DRESK = _article(["Insurgents overran a border post near Dresk on Monday, a local official said.",
                  "In March the rebels had killed 14 soldiers and wounded nine at the Pelmo garrison."],
                 "2025-04-01", "Kelvar Times",
                 (0, "ASSAULT", "overran", INS, GUARDS, "2025-03-31", "day"),
                 (1, "ASSAULT", "killed", INS, GUARDS, "2025-03-01", "month"))
# a week report (31 March - 6 April) that joins Monday's raid and tells the Pelmo numbers: the month report may not join
# it (its window is not inside March) but its mention lifts the raid's cluster past the veto for the month report
WEEK = article("Insurgents who overran a border post near Dresk this week had killed 14 soldiers and wounded nine at the "
               "Pelmo garrison, the army said.", "2025-04-04", "Northern Post",
               ("ASSAULT", "overran", INS, GUARDS, "2025-03-31", "week"))


def _rules_file(tmp_path):
    return rules_file(tmp_path, "clusters-on.yaml", shipped_text(enabled=True, join_mode="so_far"))


@pytest.fixture()
def enabled(tmp_path, monkeypatch):
    rules = _rules_file(tmp_path)
    monkeypatch.setattr(clusters_pkg, "load_rules", lambda path=None: rules)
    return rules


def _store(batches) -> Store:
    store = Store(":memory:")
    for batch in batches:
        store.write_coded(list(batch))
    return store


def _members(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())


def _state(store: Store) -> dict[str, object]:
    units = sorted(tuple(r) for r in store.con.execute("SELECT ukey, n_articles, parent, root FROM cluster_units").fetchall())
    clusters = sorted(tuple(r) for r in store.con.execute("SELECT * FROM clusters").fetchall())
    return {"members": _members(store), "units": units, "clusters": clusters}


def _month_with_raid(store: Store) -> bool:
    ids = {e.trigger + "/" + e.date_precision: e.id for e in DRESK.events}
    m = _members(store)
    return m[ids["killed/month"]] == m[ids["overran/day"]]


def test_the_case_needs_the_later_report(enabled):
    """The veto keeps the month report apart while the raid's cluster holds only the raid, and lets it join once the
    week report is in it (the reference, on the rows alone)."""
    lr = enabled.learned
    assert lr.veto is not None and load_model(lr.model) is not None
    alone = _store([[DRESK]])
    assert not _month_with_raid(alone)
    assert _members(alone) == learned_clusters(alone.query(MENTION_SQL), enabled)
    both = _store([[DRESK, WEEK]])
    assert _month_with_raid(both)
    assert _members(both) == learned_clusters(both.query(MENTION_SQL), enabled)


@pytest.mark.parametrize("batches", [[[DRESK], [WEEK]], [[WEEK], [DRESK]]])
def test_a_later_report_that_lifts_a_candidate_cluster_past_the_veto_moves_a_stored_unit(enabled, batches):
    """Stored first, the month report is apart; the week report (a unit it may not take as candidate) must make the
    update choose it again: batch by batch equals one batch, a rebuild and the reference."""
    store = _store(batches)
    assert _month_with_raid(store)
    once = _store([[DRESK, WEEK]])
    assert _state(store) == _state(once)
    rebuild_clusters(store)
    assert _state(store) == _state(once)
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), enabled)
