"""Round c57 (docs/rounds/clusters.md, *Cost*): three steps that make a batch cheaper and change no cluster.

* :func:`gaiko.clusters.fits.two_events_known` answers :func:`~gaiko.clusters.fits._two` of a unit's remembered fits,
  comparing only the fits added since it last asked;
* :func:`gaiko.clusters.units.remembering_pairs` lets :func:`~gaiko.clusters.units.compatible` answer a pair of units
  it has answered in the same batch from memory;
* :func:`gaiko.clusters.summary._stored` reads many rows through a semi-join, few through the index on ``clusters(id)``.

Each gives what the step it replaces gave, and a store clustered batch by batch with them equals its rebuild, the same
batches without them, and the in-memory reference.
"""

from __future__ import annotations

import random

import pytest
from cluster_batches import cluster_state as _state
from cluster_batches import written_in_batches
from cluster_data import random_articles

import gaiko.clusters.units as units_mod
from gaiko.clusters import rebuild_clusters
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.fits import _two, two_events_known
from gaiko.clusters.index import Fits
from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import Unit, compare, compatible, remembering_pairs
from gaiko.clusters.update import MENTION_SQL

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

SIDES = ["C:ALPHA", "C:BETA", "C:ALPHA:*", "*", "C:GAMMA"]


def _units(n: int, seed: int) -> list[tuple[int, Unit]]:
    rules = load_rules()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lo = 100 + rng.randrange(6)
        prec = rng.choice(["day", "day", "week", "published"])
        hi = lo + (0 if prec == "day" else 6 if prec == "week" else 3)
        u = Unit("actual", rng.choice(["ASSAULT", "CONSULT"]), rng.choice(SIDES), rng.choice(SIDES),
                 rng.choice(["*", "C:ALPHA", "C:BETA"]), "*", prec, lo, hi, rank=rules.rank(prec))
        out.append((1000 + i, u))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_two_events_known_equals_two_as_fits_grow(seed):
    rules = load_rules()
    pool = _units(40, seed)
    rng = random.Random(seed)
    memo = Fits()
    plain: dict[int, dict[int, Unit] | None] = {}
    answers = set()
    for ukey in (1, 2, 3):
        known: dict[int, Unit] = {}
        memo[ukey] = plain[ukey] = known
        for k, u in rng.sample(pool, 25):
            known[k] = u  # fits only grow
            want = _two(known, rules)
            assert two_events_known(ukey, known, memo, rules) is want
            assert two_events_known(ukey, known, plain, rules) is want  # a plain dict remembers nothing
            answers.add(want)
        replaced = dict(list(known.items())[:3])  # a unit chosen again from all its candidates: a new dict
        memo[ukey] = replaced
        assert two_events_known(ukey, replaced, memo, rules) is _two(replaced, rules)
    assert answers == {True, False}  # the test can fail both ways


def test_two_events_known_compares_only_new_fits(monkeypatch):
    import gaiko.clusters.fits as fits_mod

    rules = load_rules()
    pool = _units(30, 11)
    calls = []
    real = fits_mod._apart
    monkeypatch.setattr(fits_mod, "_apart", lambda *a: calls.append(a) or real(*a))
    memo = Fits()
    known: dict[int, Unit] = {}
    memo[7] = known
    for k, u in pool:
        if u.event_type != "CONSULT" or u.prec == "published":
            continue
        known[k] = u
        calls.clear()
        two_events_known(7, known, memo, rules)
        if memo.two[7][2]:
            break
        assert len(calls) <= len(known) - 1  # the new fit against the others, not every pair again


def test_remembering_pairs_answers_as_compare():
    rules = load_rules()
    pool = [u for _k, u in _units(30, 3)]
    want = {(i, j): compare(a, b, rules) for i, a in enumerate(pool) for j, b in enumerate(pool)}
    assert units_mod._pairs is None
    with remembering_pairs():
        for _ in range(2):
            assert {(i, j): compatible(a, b, rules) for i, a in enumerate(pool) for j, b in enumerate(pool)} == want
        with remembering_pairs():  # nested: the outer one's memory stays
            assert units_mod._pairs
        assert units_mod._pairs
    assert units_mod._pairs is None  # forgotten after the batch
    assert {(i, j): compatible(a, b, rules) for i, a in enumerate(pool) for j, b in enumerate(pool)} == want
    assert set(want.values()) == {True, False}


class _Off:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize("seed", [4, 5])
def test_batches_equal_rebuild_and_the_steps_off(seed, monkeypatch):
    import gaiko.clusters.fits as fits_mod
    import gaiko.clusters.summary as summary_mod

    arts = random_articles(90, seed=seed, events_per_article=6)
    on = written_in_batches(arts, seed, again=True)
    a = _state(on)
    assert len(a["clusters"]) > 20 and len(a["clusters"]) < len(a["cluster_members"])  # reports do merge
    # the same batches without the three steps
    monkeypatch.setattr(units_mod, "remembering_pairs", _Off)
    monkeypatch.setattr(fits_mod, "two_events_known", lambda ukey, known, memo, rules: _two(known, rules))
    monkeypatch.setattr(summary_mod, "_STORED_BY_INDEX", 10**9)
    off = written_in_batches(arts, seed, again=True)
    assert _state(off) == a
    monkeypatch.undo()
    # every row read through the semi-join
    monkeypatch.setattr(summary_mod, "_STORED_BY_INDEX", 0)
    assert _state(written_in_batches(arts, seed + 50, again=True)) == a
    monkeypatch.undo()
    rebuild_clusters(on)
    assert _state(on) == a
    members = dict(on.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    assert cluster_mentions(on.query(MENTION_SQL), load_rules()) == members


def test_stored_rows_either_way():
    from gaiko.clusters import summary as summary_mod

    store = written_in_batches(random_articles(200, seed=9), 9, again=True)
    con = store.con
    ids = sorted(r[0] for r in con.execute("SELECT id FROM clusters").fetchall())
    assert len(ids) > summary_mod._STORED_BY_INDEX
    cur = con.execute("SELECT * FROM clusters")
    cols = [d[0] for d in cur.description]
    want = {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
    for some in (ids[:5], ids[:summary_mod._STORED_BY_INDEX], ids, ids[1::2]):
        got = summary_mod._stored(con, some)
        assert got == {i: want[i] for i in some}
