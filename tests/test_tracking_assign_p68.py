"""Round p68: the assigner's widening and cut on arrays (:mod:`gaiko.tracking.assigncut`), the same answers as round
p66's dicts: the same widened pairs in the same order, the per-sentence top two of the span products as a sort gives
them (ties, empty sentences), and the same ledger as without any cut, with scorers whose days, readings and margin
(positive and negative) all count.

Hand-set scorers as in round p64's tests; sentences are our own (no corpus text).
"""

from __future__ import annotations

import numpy as np
import pytest

from gaiko.meaning import available
from gaiko.tracking import assigncut, assignfeat
from gaiko.tracking.assign import FEATURES, Assigner, use

needs_weights = pytest.mark.skipif(not available(), reason="the MiniLM weights are not installed")

_ARTS = [
    ("2026-03-02", "Peru will free the 30 Ecuadorian fishermen held in Tumbes by May, the interior minister said on "
                   "Monday."),
    ("2026-03-03", "Peru will reopen the Aguas Verdes border crossing to freight trucks by June, the transport minister "
                   "said on Tuesday."),
    ("2026-04-20", "Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials said."),
    ("2026-05-02", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said."),
    ("2026-05-09", "The fishermen walked out of the jail in Tumbes and sailed home, Peruvian police said on Saturday."),
]


def _scorer(margin: float = 0.05, days: float = 0.0, read: float = 0.0, cls: type = Assigner) -> Assigner:
    w = {n: 0.0 for n in FEATURES}
    w.update({"obj_max": 4.0, "sent_cos": 4.0, "margin": 6.0, "log_days": days, "act_2nd": 1.0,
              "read_fulfils": read, "read_none": -read})
    return cls(list(w), [w[n] for n in FEATURES], -4.5, threshold=0.5, margin=margin)


class _NoCut(Assigner):
    cuts = False


class _DictCut(Assigner):  # a recorder's hook: round p65's cut on dicts
    def seen(self, *a):
        pass


def _view(entries):
    return sorted((e["id"], e["status"], [(x.get("relation"), x.get("note"), x.get("sentence_index"))
                                          for x in e["evidence"]]) for e in entries)


@pytest.fixture
def store(tmp_path, coder):
    import gaiko
    from gaiko.types import Article

    s = gaiko.open(str(tmp_path / "s.duckdb"))
    for d, t in _ARTS:
        s.write_coded(list(coder.code_articles([Article(text=t, published=d, source="Wire")])), None)
    yield s
    s.close()


def _segs_by_sort(rows, m, vec):
    one, two = np.zeros((m.shape[0], len(rows))), np.zeros((m.shape[0], len(rows)))
    for j, r in enumerate(rows):
        if not r:
            continue
        s = np.sort(m @ np.stack([vec[t] for t in r]).T, axis=1)
        one[:, j] = s[:, -1]
        two[:, j] = s[:, -2] if len(r) > 1 else 0.0
    return one, two


def test_the_top_two_per_sentence_are_a_sorts():
    rng = np.random.default_rng(7)
    vec = {f"t{i}": rng.standard_normal(8).astype(np.float32) for i in range(12)}
    vec["same"] = vec["t3"].copy()  # another text with the same vector: a tie
    rows = [("t0", "t1", "t2"), (), ("t3", "same"), ("t4",), ("t5", "t0", "t6", "t7"), (), ("t8", "t9", "t3")]
    m = rng.standard_normal((5, 8)).astype(np.float32)
    index: dict[str, int] = {}
    layout = assigncut._layout(rows, index)
    big = np.stack([vec[t] for t in index])
    ks = np.arange(len(rows))
    one, two = assigncut._segs(layout, ks, m, big)
    want1, want2 = _segs_by_sort(rows, m, vec)
    assert np.allclose(one, want1, atol=1e-6) and np.allclose(two, want2, atol=1e-6)
    assert np.array_equal(one[:, 2], two[:, 2])  # the tie: the same value twice
    sub = np.array([2, 4, 5])  # some sentences only
    one, two = assigncut._segs(layout, sub, m, big)
    assert np.allclose(one, want1[:, sub], atol=1e-6) and np.allclose(two, want2[:, sub], atol=1e-6)


@needs_weights
def test_the_arrays_widen_the_same_pairs_in_the_same_order(store, monkeypatch):
    import gaiko

    seen = []
    real = assigncut.widen

    def spy(con, frames, as_of, taken, only=None):
        got = real(con, frames, as_of, taken, only)
        seen.append((got.dicts() if got is not None else {}, assignfeat.widened(con, frames, as_of, taken, only)))
        return got

    monkeypatch.setattr(assigncut, "widen", spy)
    with use(_scorer()):
        gaiko.tracking.compute_ledger(store)
    assert seen and any(old for _new, old in seen)
    for new, old in seen:
        assert new == old  # the same pledge positions, the same candidate dicts in the same order


@needs_weights
@pytest.mark.parametrize("margin,days,read", [(0.05, 0.0, 0.0), (0.0, -0.4, 1.0), (-0.1, -0.2, 0.5), (0.3, 0.0, 2.0)])
def test_the_cut_on_arrays_gives_the_ledger_without_a_cut(store, margin, days, read):
    import gaiko

    seen = []
    real = assigncut.cut

    def spy(w, *a):
        got = real(w, *a)
        seen.append((len(w), len(got[0])))
        return got

    views = {}
    for name, cls in (("arrays", Assigner), ("dicts", _DictCut), ("none", _NoCut)):
        assigncut.cut = spy
        try:
            with use(_scorer(margin, days, read, cls)):
                views[name] = _view(gaiko.tracking.compute_ledger(store))
        finally:
            assigncut.cut = real
    assert views["arrays"] == views["none"] == views["dicts"]
    if margin == 0.05:
        assert any(note and note.startswith("assigned") for _i, _s, evs in views["arrays"] for _r, note, _k in evs)
    assert seen and all(kept <= pairs for pairs, kept in seen)


@needs_weights
def test_an_update_with_the_arrays_is_a_rebuild(tmp_path, coder):
    # incremental (the arrays in the update's catch-up, two orders) == update_ledger(full=True)
    import gaiko
    from gaiko.types import Article

    got = []
    for order in (_ARTS, list(reversed(_ARTS))):
        views = []
        for full in (False, True):
            s = gaiko.open(str(tmp_path / f"u{len(got)}{full}.duckdb"))
            try:
                with use(_scorer(0.05, -0.2, 1.0)):
                    for d, t in order:
                        s.write_coded(list(coder.code_articles([Article(text=t, published=d, source="Wire")])), None)
                        gaiko.tracking.update_ledger(s, full=full)
                    views.append(_view(gaiko.tracking.ledger(s)))
            finally:
                s.close()
        assert views[0] == views[1]
        got.append(views[0])
    assert any(note and note.startswith("assigned") for v in got for _i, _s, evs in v for _r, note, _k in evs)
