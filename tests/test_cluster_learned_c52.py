"""Round c52 (docs/rounds/clusters.md, "Round c52"): the learned update keeps ``sides_meet`` by what it reads of the two units
(their sides, two-way or not, precision and type: :meth:`~gaiko.clusters.learnedwork.Worklist._sides`), not by pair of
units, so units that differ only in their dates, place, mode or referent share one answer. The answers must stay those
of :func:`~gaiko.clusters.learned.sides_meet` for every pair, whichever pair is asked first (units of our own invented
countries Kelvar KLV, Dorvia DRV and Tasmor TSM). That the store with the learned steps on still equals one batch, a
rebuild and the reference is tests/test_cluster_learned_c44.py .. _c48.py's, unchanged."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace

from gaiko.clusters.learned import sides_meet
from gaiko.clusters.learnedwork import Worklist
from gaiko.clusters.rules import WILD, load_rules
from gaiko.clusters.units import Unit

SIDES = [("KLV", "DRV"), ("DRV", "KLV"), ("KLV", WILD), (WILD, "DRV"), (WILD, "KLV"), ("KLV:army", "DRV"),
         ("KLV@Arvo Teln", "DRV"), ("KLV@Mira Sol", "DRV"), ("KLV:*", "DRV"), ("KLV", "KLV:rebels"), ("TSM", "KLV"),
         (WILD, WILD), ("DRV", "TSM")]
TYPES = ["ASSAULT", "CONSULT"]  # directed, and one of the rules' undirected types
PRECS = ["day", "week", "published"]


def _units() -> list[Unit]:
    """Units of every kind of sides, each twice or more with other dates, places and modes (the memo's hits)."""
    out = []
    for (src, tgt), etype, prec in itertools.product(SIDES, TYPES, PRECS):
        for lo, place, mode in ((100, WILD, WILD), (130, "C:KLV", WILD), (100, "P:Ostra|KLV", "m")):
            hi = lo + (0 if prec == "day" else 6 if prec == "week" else 2)
            sym = etype == "CONSULT" and src != WILD and tgt != WILD and src > tgt
            out.append(Unit("reported", etype, src, tgt, place, mode, prec, lo, hi, sym=sym))
    return out


def _worklist(units: dict[int, Unit], rules) -> SimpleNamespace:
    wl = SimpleNamespace(rules=rules, meets={}, side_ids={}, side_of={}, sid_of={})
    wl.state = lambda k: SimpleNamespace(unit=units[k])
    wl._sides = lambda u: Worklist._sides(wl, u)
    wl._meet_sid = lambda w, su, u: Worklist._meet_sid(wl, w, su, u)  # (round c63: _meet asks it)
    wl._meet = lambda w, u: Worklist._meet(wl, w, u)
    return wl


def test_sides_meet_kept_by_sides_equals_sides_meet_for_every_pair_in_any_order():
    rules = load_rules()
    assert "CONSULT" in rules.undirected and "published" in rules.domestic_apart
    units = dict(enumerate(_units()))
    pairs = [(w, u) for w in units for u in units.values() if u.event_type == units[w].event_type]
    for seed in (0, 1):
        random.Random(seed).shuffle(pairs)
        wl = _worklist(units, rules)
        got = [wl._meet(w, u) for w, u in pairs]
        assert got == [sides_meet(units[w], u, rules) for w, u in pairs]
        assert len(wl.side_ids) < len(units) // 2  # dates, places and modes do not part units' sides
        assert True in got and False in got


def test_units_differing_only_in_what_sides_meet_reads_get_other_ids():
    rules = load_rules()
    wl = _worklist({}, rules)
    base = Unit("reported", "ASSAULT", "KLV", "DRV", WILD, WILD, "day", 100, 100)
    same = Unit("reported", "ASSAULT", "KLV", "DRV", "C:KLV", "m", "day", 100, 100, ref="depot")
    assert wl._sides(base) == wl._sides(same)
    # round c85: where sides.complementary lists the precision, reports agree by their day, so the window is read too
    later = Unit("reported", "ASSAULT", "KLV", "DRV", WILD, WILD, "day", 140, 140)
    assert (wl._sides(base) != wl._sides(later)) == ("day" in rules.complementary)
    undated = [Unit("reported", "ASSAULT", "KLV", "DRV", WILD, WILD, "published", lo, lo + 2) for lo in (100, 140)]
    assert ("published" in rules.complementary) or wl._sides(undated[0]) == wl._sides(undated[1])
    others = [Unit("reported", "ASSAULT", "DRV", "KLV", WILD, WILD, "day", 100, 100),
              Unit("reported", "ASSAULT", "KLV", WILD, WILD, WILD, "day", 100, 100),
              Unit("reported", "ASSAULT", "KLV", "DRV", WILD, WILD, "published", 100, 102),
              Unit("reported", "CONSULT", "KLV", "DRV", WILD, WILD, "day", 100, 100),
              Unit("reported", "ASSAULT", "KLV", "DRV", WILD, WILD, "day", 100, 100, sym=True)]
    ids = {wl._sides(u) for u in others}
    assert len(ids) == len(others) and wl._sides(base) not in ids
