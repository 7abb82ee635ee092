"""An undated report is taken as reported near its publication (``dates.published`` in clusters.yaml: the day or
up to 3 days before): it joins an event of its dyad a day or two before, never one a week or a year before, and a
batch reaches only the units of that window, whatever the size of the store (docs/clusters.md, *Cost*)."""

from __future__ import annotations

import pytest

from gaiko.clusters import rebuild_clusters
from gaiko.store import Store

from test_clusters import article
from test_cluster_undecided import GUNMEN, TUESDAY, VILLAGERS


def _undated(published: str):
    return article("Gunmen attacked villagers in central Mali, a local official said.", published, "Brief C",
                   ("ASSAULT", "attacked", GUNMEN, VILLAGERS, published, "published"))


@pytest.mark.parametrize("published,joins", [("2023-05-10", True), ("2023-05-12", True), ("2023-05-16", False),
                                             ("2024-05-10", False)])
def test_an_undated_report_joins_only_an_event_of_its_window(published, joins):
    for batches in (([TUESDAY, _undated(published)],), ([TUESDAY], [_undated(published)]),
                    ([_undated(published)], [TUESDAY])):
        store = Store(":memory:")
        for b in batches:
            store.write_coded(b)
        got = dict(store.con.execute("SELECT e.trigger, m.cluster_id FROM events e JOIN cluster_members m "
                                     "ON m.event_id = e.id").fetchall())
        assert (got["attacked"] == got["raided"]) is joins, (published, len(batches))
        rebuild_clusters(store)
        assert dict(store.con.execute("SELECT e.trigger, m.cluster_id FROM events e JOIN cluster_members m "
                                      "ON m.event_id = e.id").fetchall()) == got
        store.close()
