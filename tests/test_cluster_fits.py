"""A stored undated unit that a later batch reaches chooses from its remembered fits and the batch's changed units
(gaiko.clusters.fits), and gets the parent a rebuild gives it: left undecided when a second event arrives, moved to
a better parent when one arrives."""

from __future__ import annotations

import pytest

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.index import index_for
from gaiko.clusters.update import _UNIT_COLS
from gaiko.store import Store

from test_clusters import article
from test_cluster_undecided import THURSDAY, TUESDAY, UNDATED, GUNMEN, VILLAGERS

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

#: the same raid as TUESDAY, with its place: a better parent for the undated report (says more), one event with TUESDAY
TUESDAY_MOPTI = article("Gunmen raided a village near Mopti on Tuesday, the governor said.", "2023-05-11", "Wire E",
                        ("ASSAULT", "raided", GUNMEN, VILLAGERS, "2023-05-09", "day", ("Mopti", "MLI")))


@pytest.fixture(autouse=True)
def _remembering_path(monkeypatch, rules_mode):  # (after rules_mode: the rules alone, round c78)
    """These tests are of the remembered fits (gaiko.clusters.update.add_mentions): without the lists of rounds
    c64/c66 (``attach.max_listed``/``max_candidates``, whose path keeps no fits)."""
    import dataclasses

    import gaiko.clusters as clusters_mod
    from gaiko.clusters.rules import load_rules

    rules = dataclasses.replace(load_rules(), max_listed=0, max_candidates=0)
    monkeypatch.setattr(clusters_mod, "load_rules", lambda path=None: rules)


def _units(store: Store) -> list[tuple]:
    return sorted(store.con.execute("SELECT ukey, parent, root, n_articles FROM cluster_units").fetchall())


def _undated_ukey(store: Store) -> int:
    return store.con.execute("SELECT ukey FROM cluster_units WHERE prec = 'published'").fetchall()[0][0]


def _run(*batches):
    """Write each batch in turn; (units after the batches, the undated unit's parent, its remembered fits, units after
    a rebuild)."""
    store = Store(":memory:")
    for b in batches:
        store.write_coded(list(b))
    units = _units(store)
    k = _undated_ukey(store)
    parent = dict((u[0], u[1]) for u in units)[k]
    idx = index_for(store.con, _UNIT_COLS)  # the writer's index, as the next batch would use it
    remembered = k in idx.fits, idx.fits.get(k)
    rebuild_clusters(store)
    rebuilt = _units(store)
    store.close()
    return units, parent, remembered, rebuilt


def test_a_second_event_leaves_a_remembered_undated_report_undecided():
    units, parent, (known, fits), rebuilt = _run([TUESDAY, UNDATED], [THURSDAY])
    from gaiko.clusters.fits import _two
    from gaiko.clusters.rules import load_rules

    rules = load_rules()
    # with attach.max_fits (round c62) a unit undecided by its first K fits is remembered by them (not for good)
    assert known and (fits is None if not rules.max_fits else fits is not None and _two(fits, rules)), \
        "its fits were remembered, and are two events now"
    assert parent is None
    assert units == rebuilt


def test_a_better_parent_is_taken_from_the_changed_units():
    before, parent_before, _k, _r = _run([TUESDAY, UNDATED])
    units, parent, (known, fits), rebuilt = _run([TUESDAY, UNDATED], [TUESDAY_MOPTI])
    assert known and fits is not None and len(fits) == 2
    assert parent is not None and parent != parent_before, "the raid with its place says more: it is preferred"
    assert units == rebuilt


def test_remembered_and_rebuilt_agree_in_every_order():
    arts = [TUESDAY, UNDATED, TUESDAY_MOPTI, THURSDAY]
    for cut in range(1, len(arts)):
        for batches in ((arts[:cut], arts[cut:]), ([a] for a in arts), ([a] for a in reversed(arts))):
            units, _p, _k, rebuilt = _run(*batches)
            assert units == rebuilt
