"""The in-process copy of the stored units and lookup keys (gaiko.clusters.index) always answers what the tables
would: after every batch it holds their rows, and it is loaded again whenever the tables may differ from it (a
rolled-back batch, another store, a rebuild, a store opened again)."""

from __future__ import annotations

import pytest
from cluster_data import random_articles

from gaiko.clusters import cluster_new_articles, rebuild_clusters, update_clusters
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.index import TOKEN_KEY, _INDEXES
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import _UNIT_COLS, MENTION_SQL
from gaiko.store import Store


def _tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    for t in ("cluster_members", "cluster_units", "cluster_fine", "cluster_coarse", "clusters"):
        out[t] = sorted(map(tuple, store.con.execute(f"SELECT * FROM {t}").fetchall()), key=repr)
    return out


def _index_of(store: Store):
    token = store.scalar(f"SELECT value FROM meta WHERE key = '{TOKEN_KEY}'")
    return _INDEXES[token]


def _index_equals_tables(store: Store) -> None:
    idx = _index_of(store)
    rows = {r[0]: tuple(r) for r in store.con.execute(f"SELECT {', '.join(_UNIT_COLS)} FROM cluster_units").fetchall()}
    assert idx.units == rows
    kids: dict[int, set[int]] = {}
    for k, r in rows.items():
        if r[11] is not None:
            kids.setdefault(r[11], set()).add(k)
    assert idx.children == kids
    # the unit states a batch reuses (and changes in place) say what the rows say
    for k, st in idx._states.items():
        assert (st.n_articles, st.parent, st.root) == (rows[k][10], rows[k][11], rows[k][12])
        assert (st.unit.event_type, st.unit.prec, st.unit.lo, st.unit.hi) == tuple(rows[k][i] for i in (2, 7, 8, 9))
    assert idx._states  # the batches reused states
    for table in ("cluster_fine", "cluster_coarse"):
        stored = sorted(map(tuple, store.con.execute(f"SELECT k, ukey FROM {table}").fetchall()))
        keys = idx.keys[table]
        held = sorted([*zip(keys.k.tolist(), keys.u.tolist()), *((k, u) for k, us in keys.recent.items() for u in us)])
        assert held == stored


def test_index_holds_the_tables_rows_after_every_batch():
    arts = random_articles(40, seed=11)
    store = Store(":memory:")
    for i in range(0, 40, 4):
        store.write_coded(arts[i:i + 4])
        _index_equals_tables(store)
    assert len(_index_of(store).units) > 10


def test_after_a_split_later_batches_equal_a_rebuild():
    from gaiko.clusters import split_cluster

    arts = random_articles(40, seed=13)
    store = Store(":memory:")
    store.write_coded(arts[:20])
    big = store.con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM cluster_members GROUP BY 1 "
                            "HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchall()
    assert big
    split_cluster(store, big[0][0], big[0][1][:1])
    for i in range(20, 40, 4):
        store.write_coded(arts[i:i + 4])
        _index_equals_tables(store)
    batches = _tables(store)
    rebuild_clusters(store)
    assert _tables(store) == batches


# rules mode (round c78): compares the store with the rules' reference (cluster_mentions); the learned steps'
# batches against a rebuild and their own reference: tests/test_cluster_learned_c44.py, c54, c65, c68
@pytest.mark.usefixtures("rules_mode")
@pytest.mark.parametrize("merge_at", [5, 20_000])
def test_batches_across_reopened_stores_rollbacks_and_rebuilds_equal_the_reference(tmp_path, monkeypatch, merge_at):
    import gaiko.clusters.index as index

    monkeypatch.setattr(index, "_MERGE_AT", merge_at)  # the sorted arrays rebuilt often, or never
    arts = random_articles(60, seed=12)
    path, other = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    for i in range(0, 60, 6):
        batch = arts[i:i + 6]
        with Store(path) as s:  # a separate `gaiko code` run for each batch
            if i == 18:
                # a batch clustered, then rolled back: the index changed with it, and must not be trusted
                s.write_coded(batch, cluster=False)
                s.con.execute("BEGIN TRANSACTION")
                cluster_new_articles(s.con, [c.article.id for c in batch], coded=batch)
                s.con.execute("ROLLBACK")
                update_clusters(s)
            elif i == 36:
                rebuild_clusters(s)  # the tables emptied and filled again behind the index
                s.write_coded(batch)
            else:
                s.write_coded(batch)
        with Store(other) as s:  # another store written in the same process between them
            s.write_coded(batch[:3])
    with Store(path) as s:
        batches = _tables(s)
        rows = s.query(MENTION_SQL)
        members = dict(s.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
        assert cluster_mentions(rows, load_rules()) == members
        assert len(set(members.values())) < len(members)  # some reports were clustered together
        rebuild_clusters(s)
        assert _tables(s) == batches
        s.write_coded([])
