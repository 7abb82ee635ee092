"""Round K98 (docs/rounds/clusters.md): the clusterer's cost, second round (issue 17), no cluster changed.

Kind 1, the join layer's guards kept (gaiko/clusters/joinlayer.py, ``KEEP_GUARDS``): a mention told as a repetition is
kept by event id, a unit's objects with the number of its rows they were read from, and ``pair_apart`` by pair of
units (a function of the two units, which their keys fix). The kept answers equal the answers read again, and a
unit's objects follow the rows it gains: a loner that gains a report naming the cluster's object joins it batch by
batch as in one batch and the reference (a kept set that ignores the rows it was read from fails that).

Our own articles (tests/test_cluster_learned_c80.py's invented Kelvar), the pair model stubbed to join every pair.
"""

from __future__ import annotations

import random

import pytest

import gaiko.clusters.joinlayer as joinlayer
from gaiko.clusters.joinlayer import JoinLayer
from gaiko.clusters.joinrepeat import any_repeated

from test_cluster_learned_c44 import _members, _store
from test_cluster_learned_c80 import ACCUSATION, DEMAND, OTHER_WORDS, _by_date, _rejection, last  # noqa: F401

# a second report of the accusation's day and sides, naming the demand as well: the loner's objects meet the demand's
BOTH = _rejection("Kelvar rejected the demand and the accusation in one note to the assembly.", "2025-06-13",
                  "Harbour Daily")


def test_a_loner_that_gains_the_clusters_object_joins_it(last):
    """The accusation of the 13th stays apart from the demand of the 2nd (c80); a report of the same unit naming the
    demand too makes their objects meet: it joins, in one batch and batch by batch."""
    apart = _by_date(_store([[DEMAND, ACCUSATION]]), last)
    assert apart["2025-06-13"] != apart["2025-06-02"]
    once = _members(_store([[DEMAND, ACCUSATION, BOTH]]))
    by_date = _by_date(_store([[DEMAND, ACCUSATION], [BOTH]]), last)
    assert len(set(once.values())) == 1  # all three in one cluster
    assert len(set(by_date.values())) == 1
    assert _members(_store([[DEMAND], [ACCUSATION], [BOTH]])) == once
    assert _members(_store([[ACCUSATION], [DEMAND], [BOTH], [OTHER_WORDS]], reload_every=2)) == \
        _members(_store([[DEMAND, ACCUSATION, BOTH, OTHER_WORDS]]))


def _row(i, sentence, trigger):
    at = sentence.index(trigger)
    return {"id": f"e{i}", "sentence_text": sentence, "trigger": trigger, "trigger_start": 100 + at,
            "sentence_start": 100}


def _objects_after_rows(objects):
    """A unit's objects as it gains rows, read through ``objects`` (JoinLayer.objects or a variant)."""
    layer = JoinLayer.__new__(JoinLayer)
    layer.obj_of, layer.objs = {}, {}
    first = _row(1, "Kelvar rejected the accusation in a note.", "rejected")
    then = _row(2, "Kelvar rejected the demand to pull back.", "rejected")
    layer.rows = {7: [first]}
    a = objects(layer, 7)
    layer.rows[7].append(then)
    return a, objects(layer, 7)


def test_a_units_objects_follow_the_rows_it_gains():
    a, b = _objects_after_rows(JoinLayer.objects)
    assert len(a) == 1 and len(b) == 2 and a < b


def test_objects_kept_without_their_rows_fail():
    """The check above can fail: a unit's objects kept once, whatever rows it gains, miss the new object."""
    real = JoinLayer.objects

    def stale(self, k):
        got = self.objs.get(k)
        return got[1] if got is not None else real(self, k)

    a, b = _objects_after_rows(stale)
    assert len(a) == 1 and b == a


@pytest.mark.parametrize("keep", [True, False])
def test_kept_guards_equal_guards_read_again(last, monkeypatch, keep):
    monkeypatch.setattr(joinlayer, "KEEP_GUARDS", keep)
    arts = [DEMAND, ACCUSATION, BOTH, OTHER_WORDS]
    rng = random.Random(98)
    for _ in range(3):
        order = arts[:]
        rng.shuffle(order)
        assert _members(_store([[a] for a in order])) == _members(_store([arts]))


def test_repeated_kept_by_event_equals_any_repeated(last):
    rp = last.learned.guards.repeats
    rows = [_row(1, "Police arrested a journalist on Monday.", "arrested"),
            _row(2, "Police again arrested journalists of the paper.", "arrested"),
            _row(3, "Jets struck dozens more targets overnight.", "struck")]
    layer = JoinLayer.__new__(JoinLayer)
    layer.rep_of = {}
    for rs in ([rows[0]], [rows[0], rows[1]], [rows[2]], rows, []):
        layer.rows = {7: list(rs)}
        assert layer.repeated(7, rp) == any_repeated(rs, rp.words, rp.span, rp.not_before)
    assert set(layer.rep_of) <= {"e1", "e2", "e3"}


def test_pair_apart_is_read_once_a_pair(last, monkeypatch):
    """Kept: each (loner, unit) pair's pair_apart is computed once however often the pair is scored."""
    calls: dict[tuple[int, int], int] = {}
    real = joinlayer.pair_apart

    def counting(a, b, g):
        calls[(id(a), id(b))] = calls.get((id(a), id(b)), 0) + 1
        return real(a, b, g)

    monkeypatch.setattr(joinlayer, "pair_apart", counting)
    _store([[DEMAND], [ACCUSATION], [OTHER_WORDS], [BOTH]])
    assert calls and max(calls.values()) == 1
