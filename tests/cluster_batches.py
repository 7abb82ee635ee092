"""Stores clustered batch by batch, and what the cluster tests compare of them (round r30: these were copied into
tests/test_clusters_c57.py, c62, c64, c66 and c67; the duplicate finder listed them).

A test writes random coded articles (tests/cluster_data.py) into an in-memory store in shuffled batches of random
sizes, as ``gaiko code`` does, and checks that the store equals a rebuild and the in-memory reference
:func:`gaiko.clusters.core.cluster_mentions` under the same rules.
"""

from __future__ import annotations

import random
from typing import Any

from gaiko.store import Store

#: the cluster tables a store's clustering writes, in the order they are compared
CLUSTER_TABLES = ("cluster_members", "cluster_units", "cluster_fine", "cluster_coarse", "clusters")


def written_in_batches(arts: Any, seed: int, rules: Any = None, monkeypatch: Any = None, *, drop: bool = False,
                       again: bool = False, most: int = 12) -> Store:
    """An in-memory store holding ``arts`` (coded articles), written in batches of 1..``most`` articles, shuffled by
    ``seed``; each batch is clustered by the writer as ``gaiko code`` clusters it.

    ``rules``: the clustering rules the writer loads (set with ``monkeypatch`` on ``gaiko.clusters.load_rules``;
    both or neither). ``drop``: the writer's in-process index is forgotten after some batches (as a new process
    finds the store). ``again``: each batch's articles are handed to ``update_clusters`` once more after the write
    (round c57's tests). Returns the open store."""
    import gaiko.clusters as clusters_mod
    from gaiko.clusters import index as gidx

    if rules is not None:
        monkeypatch.setattr(clusters_mod, "load_rules", lambda path=None: rules)
    rng = random.Random(seed)
    arts = list(arts)
    rng.shuffle(arts)
    store = Store(":memory:")
    i = 0
    while i < len(arts):
        n = rng.randint(1, most)
        store.write_coded(arts[i:i + n])
        if again:
            clusters_mod.update_clusters(store, [c.article.id for c in arts[i:i + n]])
        i += n
        if drop and rng.random() < 0.4:
            gidx._INDEXES.clear()
    return store


def unit_rows(store: Store) -> list[tuple[Any, ...]]:
    """The store's clustering units as sorted (ukey, n_articles, parent, root) rows."""
    return sorted(tuple(r) for r in store.con.execute("SELECT ukey, n_articles, parent, root FROM cluster_units")
                  .fetchall())


def cluster_state(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the cluster tables (:data:`CLUSTER_TABLES`), sorted, by table."""
    return {t: sorted(tuple(r) for r in store.con.execute(f"SELECT * FROM {t}").fetchall()) for t in CLUSTER_TABLES}


def assert_batches_equal_the_reference(arts: Any, seed: int, rules: Any, idle: Any, monkeypatch: Any,
                                       drop: bool = False) -> None:
    """``arts`` written batch by batch under ``rules`` equal the in-memory reference under them, and differ from the
    reference under ``idle`` (the same rules with the setting under test off: it decides something on this data); a
    second arrival order (seed + 50, with ``drop``) and a rebuild give the same units."""
    from gaiko.clusters import rebuild_clusters
    from gaiko.clusters.core import cluster_mentions
    from gaiko.clusters.update import MENTION_SQL

    one = written_in_batches(arts, seed, rules, monkeypatch)
    members = dict(one.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    rows = one.query(MENTION_SQL)
    assert cluster_mentions(rows, rules) == members
    assert cluster_mentions(rows, idle) != members  # the setting decides something here
    units = unit_rows(one)
    assert unit_rows(written_in_batches(arts, seed + 50, rules, monkeypatch, drop=drop)) == units
    rebuild_clusters(one, rules=rules)
    assert unit_rows(one) == units


# -- the learned steps (rounds c65, c68: these were written out in both test files; the duplicate finder's D1) ---------

def shipped_text(**learned: Any) -> str:
    """The shipped clustering rules' text (gaiko/data/clusters.yaml) with the ``learned:`` section's ``enabled`` and
    ``join_mode`` set as given (``shipped_text(enabled=False)``, ``shipped_text(enabled=True, join_mode="so_far")``),
    whatever the shipped file says (round c78 ships them on, ``join_mode: last``; before, off and ``so_far``)."""
    import re

    from gaiko.clusters.rules import load_rules

    text = open(load_rules().path, encoding="utf-8").read()
    for key, value in learned.items():
        assert key in ("enabled", "join_mode"), key
        value = str(value).lower() if isinstance(value, bool) else str(value)
        pattern = r"(?m)^(learned:\n  enabled: )\w+$" if key == "enabled" else r"(?m)^(  join_mode: )\w+$"
        text, n = re.subn(pattern, lambda m: m.group(1) + value, text)
        assert n == 1, f"learned.{key} once in the shipped rules"
    return text


def rules_file(tmp_path: Any, name: str, text: str) -> Any:
    """``text`` written to ``tmp_path/name`` and loaded as clustering rules."""
    from gaiko.clusters.rules import load_rules

    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_rules(str(p))


def use_rules(monkeypatch: Any, rules: Any) -> None:
    """Make the writer (``gaiko.clusters.load_rules``) load ``rules``."""
    import gaiko.clusters as clusters_mod

    monkeypatch.setattr(clusters_mod, "load_rules", lambda path=None: rules)


def scrambled_scores(request: Any, monkeypatch: Any) -> bool:
    """The body of a ``scores`` fixture parametrized ``[False, True]``: with True the learned model's probabilities
    are tests/test_cluster_learned_c56.py's ``_scrambled`` (many joins). Returns the parameter."""
    if request.param:
        from test_cluster_learned_c56 import _scrambled

        from gaiko.clusters.learned import PairModel

        monkeypatch.setattr(PairModel, "probabilities", _scrambled)
    return request.param


def assert_learned_batches_equal(rules: Any, monkeypatch: Any, arts: Any, seed: int, reload_every: int, *,
                                 rebuild: bool = True) -> None:
    """``arts`` written in tests/test_cluster_learned_c56.py's random batches (``seed``; the writer's index dropped
    every ``reload_every`` batches, 0: never) under ``rules`` equal them written in one batch, (``rebuild``) a
    rebuild of the store, and the in-memory reference :func:`gaiko.clusters.learned.learned_clusters`."""
    from test_cluster_learned_c44 import _members, _store
    from test_cluster_learned_c54 import _full
    from test_cluster_learned_c56 import _batches

    from gaiko.clusters import rebuild_clusters
    from gaiko.clusters.learned import learned_clusters
    from gaiko.clusters.update import MENTION_SQL

    use_rules(monkeypatch, rules)
    store = _store(_batches(arts, seed), reload_every)
    once = _full(_store([arts]))
    assert _full(store) == once
    if rebuild:
        rebuild_clusters(store)
        assert _full(store) == once
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)


def assert_kelvar_one_at_a_time(rules: Any, monkeypatch: Any, forward: bool) -> None:
    """tests/test_cluster_learned_c44.py's articles written one at a time (in order, or reversed) under ``rules``
    equal them written in one batch and the in-memory reference."""
    from test_cluster_learned_c44 import ARTICLES, _members, _store
    from test_cluster_learned_c54 import _full

    from gaiko.clusters.learned import learned_clusters
    from gaiko.clusters.update import MENTION_SQL

    use_rules(monkeypatch, rules)
    order_ = list(range(len(ARTICLES))) if forward else list(reversed(range(len(ARTICLES))))
    store = _store([[ARTICLES[i]] for i in order_])
    assert _full(store) == _full(_store([ARTICLES]))
    assert _members(store) == learned_clusters(store.query(MENTION_SQL), rules)
