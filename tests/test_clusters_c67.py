"""Round c67: the probe keys kept by the writer between batches (gaiko/clusters/bounded.py ``_probe_caches``) change
no answer, also when they are emptied after every few units (fails on main: it keeps none, so the bound to patch is
missing)."""

from __future__ import annotations

import pytest

from gaiko.clusters.core import cluster_mentions

from cluster_batches import written_in_batches
from test_clusters_c66 import _rules

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


@pytest.mark.parametrize("kept", [0, 5, 20_000])
def test_kept_probe_keys_change_no_answer(kept, monkeypatch) -> None:
    from cluster_data import random_articles

    from gaiko.clusters import bounded
    from gaiko.clusters import index as gidx
    from gaiko.clusters.update import MENTION_SQL

    monkeypatch.setattr(bounded, "_PROBES_KEPT", kept)
    rules = _rules(8, 3)
    arts = random_articles(90, seed=7, events_per_article=6)
    store = written_in_batches(arts, 7, rules, monkeypatch)
    members = dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    assert cluster_mentions(store.query(MENTION_SQL), rules) == members
    caches = [getattr(i, "probe_caches", None) for i in gidx._INDEXES.values()]
    kept_ = [c for c in caches if c is not None and c[0] is rules]
    assert kept_, "the writer keeps the probe keys between batches"
    if kept == 20_000:
        assert len(kept_[0][1]) > 0 and len(kept_[0][2]) > 0
