"""Issue 17 (cost), round b18: in one batch every unit's ``cluster_coarse`` probes are looked up once. Step 2 of
:func:`~gaiko.clusters.update.add_mentions` probes the batch's own units; :func:`~gaiko.clusters.roots.settle_root_check`
used to probe every touched unit again in each of its rounds (the batch's units included), though the table does
not change meanwhile (b17 in docs/benchmarks.md: ~7 of the 31 s of clustering the 1,000-article benchmark store).

Our own articles: invented country Valdoria (VLD), invented towns and outlets (those of test_clusters_settle_cost)."""

from __future__ import annotations

import pytest

from collections import Counter

import gaiko.clusters as clusters
import gaiko.clusters.roots as roots
import gaiko.clusters.update as update
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows
from gaiko.store import Store

from test_clusters import article, clusters_of
from test_clusters_settle_cost import DATED, HERDERS, UNDATED

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


@pytest.fixture(autouse=True)
def _remembering_path(monkeypatch, rules_mode):  # (after rules_mode: the rules alone, round c78)
    """This file tests the remembered-fits path (``attach.max_listed: 0``; rounds c64/c66 take another)."""
    import sys

    from test_clusters_c66 import without_lists

    without_lists(monkeypatch, sys.modules[__name__], sys.modules['test_clusters_settle_cost'])


SAME_TOWN = article("Gunmen killed two Valdorian herders in Harlwick, villagers said.", "2025-06-04", "Outlet H",
                    ("ASSAULT", "killed", None, HERDERS, "2025-06-04", "published", ("Harlwick", "VLD")))
LATER = article("Two Valdorian herders were killed by gunmen in Harlwick, a mayor said.", "2025-06-05", "Outlet J",
                ("ASSAULT", "killed", None, HERDERS, "2025-06-05", "published", ("Harlwick", "VLD")))


def _counting(monkeypatch) -> list[Counter]:
    """One Counter a batch (``add_mentions`` call): how often each unit's coarse probes were made."""
    batches: list[Counter] = []
    real_probes, real_add = update.coarse_probes, update.add_mentions

    def probes(u, rules):
        if batches:
            batches[-1][u.key] += 1
        return real_probes(u, rules)

    def add(*args, **kw):
        batches.append(Counter())
        return real_add(*args, **kw)

    monkeypatch.setattr(update, "coarse_probes", probes)
    monkeypatch.setattr(roots, "coarse_probes", probes)
    monkeypatch.setattr(update, "add_mentions", add)
    if getattr(clusters, "add_mentions", None) is real_add:
        monkeypatch.setattr(clusters, "add_mentions", add)
    return batches


def test_each_unit_is_probed_once_a_batch(monkeypatch) -> None:
    """fails before: the batch's units were probed in step 2 and again in every settling round that found them
    touched (twice or more)."""
    store = Store(":memory:")
    store.write_coded(UNDATED + [SAME_TOWN])
    batches = _counting(monkeypatch)
    store.write_coded([DATED])
    store.write_coded([LATER])
    c = clusters_of(store)
    store.close()
    assert batches and all(batches)  # the settling loop ran (attach.root_check) and probed
    assert all(n == 1 for b in batches for n in b.values()), batches
    # the clusters are those of the in-memory reference
    rows = mention_rows(UNDATED + [SAME_TOWN, DATED, LATER])
    ref = cluster_mentions(rows, load_rules())
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    assert {where[e]: k for e, k in ref.items()} == c
