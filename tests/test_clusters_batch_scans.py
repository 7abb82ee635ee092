"""b20 (docs/benchmarks.md): two scans whose cost grew with the batch, not with what they look at.

* :func:`gaiko.clusters.retold.retold_units` compared each retold or shared-date report with every mention of the
  batch (32 articles in the writer) to find the dated reports of its own sentence; it now reads its sentence's only.
* :meth:`gaiko.clusters.index._Keys.pairs` looked every probed key up in the dictionary of recent keys, one Python
  step a key (millions a run); it now finds them through a sorted array, and only the keys found cost a step.

Both give what they gave (same units, same pairs in the same order); the cluster tables were compared in full.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.index import _Keys
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import mention_rows

from test_cluster_kinds_c24 import coded
from test_clusters import article

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

SIDES = [("Ardenian police", "ARD", "COP", "demonym", None), ("Borvian rebels", "BRV", "REB", "demonym", None),
         ("Calderan troops", "CLD", "MIL", "demonym", None), None]
DAYS = ["Monday", "Tuesday", "Wednesday"]


def _article(i: int, rng: random.Random) -> object:
    """An article of our own: a dated clash, then a sentence retelling an undated one "N days after" a dated raid
    (undated reports moved before the raid, ``retold.undated``), then an undated statement, and an undated threat to
    one of seven invented countries (most fit no event)."""
    d = rng.randrange(3)
    day = f"2025-06-{10 + d:02d}"
    n = rng.choice(["two", "three", "five"])
    sentences = [f"Calderan troops clashed with Borvian rebels near Ostrava on {DAYS[d]}.",
                 f"Ardenian police raided a depot on {DAYS[d]}, {n} days after gunmen torched a bus in Lumen.",
                 f"Officials condemned the attack in statement {i}."]
    src, tgt = rng.choice(SIDES), rng.choice(SIDES)
    return coded(sentences, f"2025-06-{13 + d:02d}", rng.choice(["Wire A", "Daily B", "Post C"]),
                 dict(s=0, type="ASSAULT", trigger="clashed", src=src, tgt=tgt, date=day, prec="day",
                      date_text=DAYS[d]),
                 dict(s=1, type="ASSAULT", trigger="raided", src=SIDES[0], tgt=None, date=day, prec="day",
                      date_text=DAYS[d]),
                 dict(s=1, type="ASSAULT", trigger="torched", src=None, tgt=None, date=f"2025-06-{13 + d:02d}",
                      prec="published"),
                 dict(s=2, type="ACCUSE", trigger="condemned", src=rng.choice(SIDES), tgt=None,
                      date=f"2025-06-{13 + d:02d}", prec="published"),
                 # an undated report that fits no event and reaches none (no name, one side of its own)
                 dict(s=2, type="THREATEN", trigger="statement", src=None,
                      tgt=("envoys", f"Q{i % 7:02d}", "GOV", "demonym", None), date=f"2025-06-{13 + d:02d}",
                      prec="published"))


class _Row(dict):
    """A mention row that counts the reads of its fields."""

    reads = 0

    def get(self, key, default=None):
        _Row.reads += 1
        return super().get(key, default)


def _reads_per_row(n: int) -> float:
    rng = random.Random(n)
    rows = [_Row(r) for r in mention_rows([_article(i, rng) for i in range(n)])]
    _Row.reads = 0
    units_of(rows, load_rules())
    return _Row.reads / len(rows)


def test_retold_reports_read_their_own_sentence_only() -> None:
    """fails before: each retold report read every row of the batch (field reads a row grew with the batch: 64 at 4
    articles, 172 at 40); now the same whatever its size (55)."""
    small, large = _reads_per_row(4), _reads_per_row(40)
    assert large <= small + 1, (small, large)


def test_the_retold_units_of_a_batch_are_those_of_its_articles_one_by_one() -> None:
    rules = load_rules()
    rng = random.Random(5)
    arts = [_article(i, rng) for i in range(12)]
    together = units_of(mention_rows(arts), rules)
    alone = [u for a in sorted(arts, key=lambda a: a.article.id) for u in units_of(mention_rows([a]), rules)]
    assert [u.key for u in together] == [u.key for u in alone]
    assert {u.prec for u in together} >= {"day", "published"}
    assert any(u.lo != u.hi and u.prec == "published" for u in together)  # undated reports are in the batch
    moved = [u for u in together if u.event_type == "ASSAULT" and u.prec == "day" and u.src == "?"]
    assert moved  # "N days after": the torching moved before the raid's day


class _CountingDict(dict):
    looks = 0

    def get(self, key, default=None):
        _CountingDict.looks += 1
        return super().get(key, default)

    def __getitem__(self, key):
        _CountingDict.looks += 1
        return super().__getitem__(key)


def _reference_pairs(keys: _Keys, asked: list[int], owners: list[int]) -> list[tuple[int, int]]:
    """Every (owner, unit) in the order pairs adds them: the arrays' listings key by key, then the recent ones."""
    out: list[tuple[int, int]] = []
    listed = list(zip(keys.k.tolist(), keys.u.tolist()))
    for k, o in zip(asked, owners):
        out += [(o, u) for kk, u in listed if kk == k]
    for k, o in zip(asked, owners):
        out += [(o, u) for u in dict.get(keys.recent, k, ())]
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_keys_found_through_sorted_arrays(seed: int) -> None:
    """fails before: each of 2,000 probed keys was looked up in the recent keys (2,000 look-ups); now only the keys
    listed there (and the pairs are the same, added in the same order)."""
    rng = random.Random(seed)
    pool = [rng.getrandbits(63) for _ in range(300)]
    keys = _Keys(np.array([rng.choice(pool) for _ in range(500)], dtype=np.int64),
                 np.array([rng.randrange(1, 90) for _ in range(500)], dtype=np.int64))
    keys.recent = _CountingDict()
    keys.add([rng.choice(pool) for _ in range(40)] + [rng.getrandbits(63) for _ in range(10)],
             [rng.randrange(1, 90) for _ in range(50)])
    asked = [rng.choice(pool) if rng.random() < 0.3 else rng.getrandbits(63) for _ in range(2000)]
    owners = [rng.randrange(100, 200) for _ in asked]
    _CountingDict.looks = 0
    got = keys.pairs(asked, owners)
    expected = _reference_pairs(keys, asked, owners)
    assert got == set(expected)
    in_order: set[tuple[int, int]] = set()
    in_order.update(expected)
    assert list(got) == list(in_order)  # added in the same order
    in_recent = sum(1 for k in asked if dict.__contains__(keys.recent, k))
    assert 0 < in_recent < 2000
    assert _CountingDict.looks <= in_recent
    keys.add([asked[-1]], [999])  # a key added later is found at once
    assert (owners[-1], 999) in keys.pairs(asked, owners)


def test_keys_pairs_of_empty_parts() -> None:
    empty = _Keys(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert empty.pairs([1, 2], [3, 4]) == set()
    empty.add([2], [7])
    assert empty.pairs([1, 2, 2], [3, 4, 5]) == {(4, 7), (5, 7)}
    only = _Keys(np.array([5, 5, 9], dtype=np.int64), np.array([1, 2, 3], dtype=np.int64))
    assert only.pairs([9, 5, 10**18], [7, 8, 9]) == {(7, 3), (8, 1), (8, 2)}
    assert only.pairs([], []) == set()


@pytest.mark.parametrize("seed", [1, 2])
def test_arrival_orders_of_our_articles_give_one_clustering(seed: int) -> None:
    """several arrival orders (one by one, in batches) of generated articles of our own (retold and undated reports,
    clashes of a few sides on a few days) give the clusters of the whole batch clustered at once and of a rebuild."""
    from gaiko.clusters import rebuild_clusters
    from gaiko.store import Store

    rng = random.Random(seed)
    arts = [_article(i, rng) for i in range(18)]
    results = []
    for order in range(3):
        shuffled = list(arts)
        random.Random(100 * seed + order).shuffle(shuffled)
        store = Store(":memory:")
        size = 1 + order * 4
        for i in range(0, len(shuffled), size):
            store.write_coded(shuffled[i:i + size])
        got = dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
        rebuild_clusters(store)
        assert dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall()) == got
        store.close()
        results.append(got)
    assert results[0] == results[1] == results[2]
    reference = cluster_mentions(mention_rows(arts), load_rules())
    assert results[0] == reference
    assert len(set(reference.values())) < len(reference)  # some reports were clustered together
    assert article  # the shared helpers of the cluster tests are importable
