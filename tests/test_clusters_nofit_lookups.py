"""b20 (docs/benchmarks.md): in the settling loop of ``attach.root_check`` (:func:`gaiko.clusters.roots.settle_root_check`)
a remembered undated report that fits no event is not looked up in ``cluster_fine`` for every unit of its window again
(step 2 had just done it for a new one): :func:`~gaiko.clusters.core.choose_parent` passes over every unit it may not
join, so one that reaches nothing beyond its window joins none whatever its candidates, and one that does
(``referent.reach_days``) needs only the units before its window (:func:`~gaiko.clusters.lookup.reach_probes`).

Our own articles: invented country Valdoria (VLD), invented towns and outlets."""

from __future__ import annotations

import pytest

import gaiko.clusters.roots as roots
from gaiko.clusters.core import reaching
from gaiko.clusters.index import TOKEN_KEY, _INDEXES
from gaiko.clusters.lookup import fine_probes, reach_probes
from gaiko.clusters.rules import load_rules
from gaiko.store import Store

from test_clusters import article, clusters_of
from test_clusters_settle_fits import DATED, MILLERS, _reference

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


@pytest.fixture(autouse=True)
def _remembering_path(monkeypatch, rules_mode):  # (after rules_mode: the rules alone, round c78)
    """This file tests the remembered-fits path (``attach.max_listed: 0``; rounds c64/c66 take another)."""
    import sys

    from test_clusters_c66 import without_lists

    without_lists(monkeypatch, sys.modules[__name__], sys.modules['test_clusters_settle_fits'])


# undated reports published in the week of the three dated attacks, which fit none of them: another town (named, so
# it reaches beyond its window by its referent), and Morvenian millers (which reach nothing)
DUNMERE = article("Raiders stormed a mill in Dunmere and beat three Valdorian millers, a carter said.", "2025-09-03",
                  "Gazette 7", ("ASSAULT", "beat", None, MILLERS, "2025-09-03", "published", ("Dunmere", "VLD")))
FOREIGN = article("Raiders stormed a mill and beat the millers, a carter said.", "2025-09-03", "Gazette 8",
                  ("ASSAULT", "beat", ("raiders", None, None, "unresolved", None),
                   ("millers", "MRV", "CVL", "demonym", None), "2025-09-03", "published", None))


def test_new_undated_reports_that_fit_no_event_are_not_looked_up_again(monkeypatch) -> None:
    """fails before: the settling loop looked both new reports up with every key of their window (step 2 had looked
    them up already); now the Morvenian one is not looked up, the Dunmere one only for the days before its window."""
    probed: dict[int, list[int]] = {}
    real = roots.probe

    def recording(idx, table, keyed, *args, **kw):
        if table == "cluster_fine":
            for k, o in zip(*keyed):
                probed.setdefault(o, []).append(k)
        return real(idx, table, keyed, *args, **kw)

    store = Store(":memory:")
    store.write_coded(DATED)
    monkeypatch.setattr(roots, "probe", recording)
    store.write_coded([DUNMERE, FOREIGN])
    rules = load_rules()
    idx = _INDEXES[store.scalar(f"SELECT value FROM meta WHERE key = '{TOKEN_KEY}'")]  # this store's
    new = {st.unit.place: st for st in idx.held_states().values() if st.unit.prec == "published"}
    dunmere = next(st for p, st in new.items() if p != "?")
    foreign = new["?"]
    assert idx.fits[dunmere.ukey] == {} and idx.fits[foreign.ukey] == {}  # they fit no event ...
    assert reaching(dunmere, rules) and not reaching(foreign, rules)  # ... and one reaches beyond its window
    assert foreign.ukey not in probed
    assert sorted(probed[dunmere.ukey]) == sorted(reach_probes(dunmere.unit, rules))
    assert 0 < len(reach_probes(dunmere.unit, rules)) < len(fine_probes(dunmere.unit, rules))
    assert reach_probes(foreign.unit, rules) == []
    c = clusters_of(store)
    store.close()
    assert c == _reference(DATED + [DUNMERE, FOREIGN])
    assert c["beat@2025-09-03/Gazette 7"] != c["attacked@2025-09-02/Courier 0"]
