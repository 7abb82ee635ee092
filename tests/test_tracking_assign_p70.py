"""Round p70: the finer incremental unit of an update with the assigner on (:mod:`gaiko.tracking.assigntops`): a changed
doer-part redoes only the widened sentences whose state (top, passing pairs, the rules' deciding flag) changed, and the
ledger still equals a rebuild.

Sentences are our own (no corpus text); the scorer is hand-set (round p64's tests), so these test the mechanism.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

import gaiko
from gaiko.meaning import available
from gaiko.tracking import assigntops, compute_ledger, ledger, regroup, update_ledger
from gaiko.tracking.assign import FEATURES, Assigner, use
from gaiko.tracking.assigncut import TOP_EPS, _tops
from gaiko.types import Article

needs_weights = pytest.mark.skipif(not available(), reason="the MiniLM weights are not installed")

_OLD = [
    ("2026-03-02", "Peru will free the 30 Ecuadorian fishermen held in Tumbes by May, the interior minister said on "
                   "Monday."),
    ("2026-03-03", "Peru will reopen the Aguas Verdes border crossing to freight trucks by June, the transport minister "
                   "said on Tuesday."),
    ("2026-03-05", "Peru will build a new container terminal at the port of Paita by 2027, the ports authority said."),
    ("2026-03-06", "Peru will open a consulate in Loja to serve Peruvian migrants by April, the foreign ministry said."),
    ("2026-03-04", "Chile will build 12 desalination plants in the Atacama region by 2028, the public works minister "
                   "said."),
    ("2026-03-20", "Chile will cut the import tariff on Argentine beef to zero by July, the trade minister said."),
    ("2026-04-20", "Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials said."),
    ("2026-04-22", "The Ecuadorian trawler crews walked out of the jail in Tumbes on Friday, Peruvian police said."),
    ("2026-05-02", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said."),
    ("2026-05-06", "Argentine beef now enters Chile without duty, Chilean customs said on Wednesday."),
]
# coded later, published earlier: a new Peruvian pledge whose window holds the old deeds; one that competes for the
# crossing deed (it may take it) and one about something else (it takes nothing)
_STEAL = ("2026-03-10", "Peru will let freight trucks roll through the Aguas Verdes crossing again by May, the "
                        "transport minister said.")
_OTHER = ("2026-03-11", "Peru will hold a referendum on a new constitution by October, the president said.")
_LATER = [("2026-05-12", "Voters in Peru will be asked about the constitution on October 4, the electoral board said."),
          ("2026-05-14", "Freight trucks crossed at Aguas Verdes on Thursday, Peruvian customs said.")]


def _hand() -> Assigner:
    w = {n: 0.0 for n in FEATURES}
    w.update({"obj_max": 4.0, "sent_cos": 4.0, "margin": 6.0})
    return Assigner(list(w), [w[n] for n in FEATURES], -4.5, threshold=0.5, margin=0.05)


@pytest.fixture(scope="module")
def coded(coder):
    arts = [Article(text=t, published=d, source=f"Wire {k}")
            for k, (d, t) in enumerate([*_OLD, _STEAL, _OTHER, *_LATER])]
    return list(coder.code_articles(arts))


def _plain(rows):
    return json.dumps(sorted(({k: v for k, v in r.items() if k != "as_of"} for r in rows), key=lambda r: r["id"]),
                      sort_keys=True, default=str)


def _assigned(rows):
    return {(ev["article_id"], ev["sentence_index"]): e["id"] for e in rows for ev in e.get("evidence") or []
            if (ev.get("note") or "").startswith("assigned")}


@needs_weights
@pytest.mark.parametrize("order", ["by date", "reversed", "shuffled"])
@pytest.mark.parametrize("small", [False, True])
def test_the_finer_unit_equals_a_rebuild(coded, order, small, monkeypatch):
    if small:  # many chunks and parts: doer-parts that lose and gain pledges
        monkeypatch.setattr(regroup, "_MENTIONS_PER_CHUNK", 3)
        monkeypatch.setattr(regroup, "_GROUPS_PER_QUERY", 3)
    arts = list(coded)
    if order == "reversed":
        arts.reverse()
    elif order == "shuffled":
        random.Random(11).shuffle(arts)
    batches = [arts[i:i + 3] for i in range(0, len(arts), 3)]
    kept: list = []
    monkeypatch.setattr(assigntops, "keeper", _spying(assigntops.keeper, kept))
    with use(_hand()):
        _steps, inc, fresh, full = _updates(batches)
    assert _plain(inc) == _plain(full)
    if not small:  # compute_ledger orders a chunk's buckets by name, a rebuild by first mention (round p66's note)
        assert _plain(fresh) == _plain(full)


def _spying(real, kept):
    def keeper(ids, old, touched, k):
        f = real(ids, old, touched, k)

        def skip(states):
            got = f(states)
            kept.extend(got)
            return got
        return skip
    return keeper


def _updates(batches):
    store = gaiko.open(":memory:")
    steps = []
    for b in batches:
        store.write_coded(b, None)
        update_ledger(store)
        steps.append(ledger(store))
    inc = ledger(store)
    fresh = compute_ledger(store)
    update_ledger(store, full=True)
    full = ledger(store)
    store.close()
    return steps, inc, fresh, full


@needs_weights
@pytest.mark.parametrize("new", ["steals", "does not steal"])
def test_a_new_pledge_that_may_take_an_old_sentence(coded, new, monkeypatch):
    """The old articles first, then a new Peruvian pledge published before the old deeds: the one about the crossing
    may take the crossing deed from the old crossing pledge (its sentence is redone), the highway one takes nothing
    (old sentences keep their assignment: some are skipped). Either way the update equals a rebuild."""
    old = coded[:len(_OLD)]
    add = coded[len(_OLD)] if new == "steals" else coded[len(_OLD) + 1]
    kept: list = []
    monkeypatch.setattr(assigntops, "keeper", _spying(assigntops.keeper, kept))
    with use(_hand()):
        steps, inc, fresh, full = _updates([old, [add]])
    assert _plain(inc) == _plain(full)
    assert _plain(fresh) == _plain(full)
    before, after = _assigned(steps[0]), _assigned(steps[1])
    assert before  # the old pledges were given widened sentences
    if new == "does not steal":
        assert kept, "no old sentence kept its assignment"
        assert before == after
    else:
        moved = {k for k in before if after.get(k) != before[k]}
        assert not (moved & {k for _d, k in kept})  # a sentence whose assignment moved was redone


def test_the_state_comparison():
    ids = ["a", "b", "c", "d"]
    st = {("x", 1): (frozenset({"a", "b"}), frozenset({"a"}), False),
          ("x", 2): (frozenset(), frozenset(), False),
          ("x", 3): (frozenset(), frozenset(), True),
          ("x", 5): (frozenset({"a", "b"}), frozenset({"a"}), False),
          ("x", 6): (frozenset({"b", "c"}), frozenset({"b"}), False)}
    old = {"PE": ({"a", "b", "c"}, st)}
    kept: set = set()
    skip = assigntops.keeper(ids, old, {"c"}, kept)
    states = [("PE", ("x", 1), (0, 1), (0,), False),   # the same: kept
              ("PE", ("x", 2), (), (), False),         # no pair can pass, then or now: kept
              ("PE", ("x", 3), (), (2,), True),        # read as deciding, then and now: kept
              ("PE", ("x", 4), (), (), False),         # a sentence with no state kept (new to the part): redone
              ("PE", ("x", 5), (0, 3), (0,), False),   # a new pledge entered its top: redone
              ("PE", ("x", 6), (1, 2), (1,), False),   # a pledge of its top took a mention: redone
              ("CL", ("x", 1), (0, 1), (0,), False)]   # an actor whose old part cannot be compared: redone
    assert skip(states) == [("PE", ("x", 1)), ("PE", ("x", 2)), ("PE", ("x", 3))]
    assert kept == {("PE", ("x", 1)), ("PE", ("x", 2)), ("PE", ("x", 3))}
    again = assigntops.keeper(ids, old, set(), set())
    assert again([("PE", ("x", 1), (0, 1), (0, 1), False)]) == []  # another pair can pass
    assert again([("PE", ("x", 1), (0, 1), (0,), True)]) == []  # now read as deciding
    assert again([("PE", ("x", 2), (0, 1), (1,), False)]) == []  # a pair can pass now


def test_the_top_is_the_second_best_and_what_reaches_it():
    tops: dict = {}
    al = np.array([[0.9, 0.2, 0.5, 0.1], [0.5, 0.3, 0.5 - TOP_EPS / 2, 0.9], [0.1, 0.3, 0.1, 0.8]],
                  dtype=np.float32)
    _tops(tops, "PE", [4, 5, 6], np.array([10, 11, 12, 13]), al, np.array([4, 6, 4]), np.array([10, 11, 12]))
    assert sorted(tops[("PE", 10)][0]) == [4, 5] and tops[("PE", 10)][1] == [4]
    assert sorted(tops[("PE", 11)][0]) == [5, 6] and tops[("PE", 11)][1] == [6]  # a tie for the best
    assert sorted(tops[("PE", 12)][0]) == [4, 5]  # within TOP_EPS of the second best
    assert ("PE", 13) not in tops  # no pair can pass: no state (nothing is assigned, whatever the margins)
    one: dict = {}
    _tops(one, "CL", [2], np.array([3]), np.array([[0.4]], dtype=np.float32), np.array([2]), np.array([3]))
    assert one[("CL", 3)] == [[2], [2]]
