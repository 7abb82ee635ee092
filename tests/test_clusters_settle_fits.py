"""Issue 17 (cost), b19: in the settling loop of ``attach.root_check`` (gaiko/clusters/roots.py,
:func:`settle_root_check`) a stored undated report whose fits this process remembers (gaiko/clusters/fits.py) chooses
its parent from its parent and the fits that changed since it last chose (:func:`~gaiko.clusters.fits.settled_options`),
not from every unit its window holds, and it is not looked up in ``cluster_fine`` (its other candidates count only
when it has no fits). Before, each chose again from all its candidates (b16-b18 in docs/benchmarks.md: the largest
part of the clustering time on the 1,000-article benchmark store).

Our own articles: invented country Valdoria (VLD), invented towns and outlets."""

from __future__ import annotations

import pytest

import gaiko.clusters.roots as roots
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows
from gaiko.store import Store

from test_clusters import article, clusters_of

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")


@pytest.fixture(autouse=True)
def _remembering_path(monkeypatch, rules_mode):  # (after rules_mode: the rules alone, round c78)
    """This file tests the remembered-fits path (``attach.max_listed: 0``; rounds c64/c66 take another)."""
    import sys

    from test_clusters_c66 import without_lists

    without_lists(monkeypatch, sys.modules[__name__])


MILLERS = ("three Valdorian millers", "VLD", "CVL", "demonym", None)

# Monday 1 September 2025: a granary attack in Tessaly, and two in other towns of the same week
DATED = [article(f"Raiders attacked three Valdorian millers in {town} on {day}.", f"2025-09-0{2 + i}",
                 f"Courier {i}", ("ASSAULT", "attacked", None, MILLERS, f"2025-09-0{1 + i}", "day", (town, "VLD")))
         for i, (town, day) in enumerate((("Tessaly", "Monday"), ("Ormsby", "Tuesday"), ("Pellwick", "Wednesday")))]
# undated reports of the Tessaly attack, published on 2 to 4 September (each its own window)
UNDATED = [article(f"Raiders stormed a mill in Tessaly and beat three Valdorian millers, a {who} said.",
                   f"2025-09-0{2 + i}", f"Gazette {i}",
                   ("ASSAULT", "beat", None, MILLERS, f"2025-09-0{2 + i}", "published", ("Tessaly", "VLD")))
           for i, who in enumerate(("farmer", "priest", "teacher"))]
# a later article on the Monday attack in Tessaly: the dated unit gains an article
AGAIN = article("Raiders attacked three Valdorian millers in Tessaly on Monday, the governor confirmed.",
                "2025-09-05", "Courier 9",
                ("ASSAULT", "attacked", None, MILLERS, "2025-09-01", "day", ("Tessaly", "VLD")))


@pytest.fixture()
def compared(monkeypatch):
    """(precision, number of candidates) of every choice :func:`settle_root_check` makes, while recording; and the
    units it looks up in ``cluster_fine``."""
    seen: list[tuple[str, int]] = []
    fine: list[int] = []
    real_choose, real_probe = roots.choose_parent, roots.probe
    recording = False

    def counting(st, candidates, *args, **kw):
        candidates = list(candidates)
        if recording:
            seen.append((st.unit.prec, len(candidates)))
        return real_choose(st, candidates, *args, **kw)

    def probing(idx, table, keyed, *args, **kw):
        if recording and table == "cluster_fine":
            fine.extend(set(keyed[1]))
        return real_probe(idx, table, keyed, *args, **kw)

    def start() -> tuple[list[tuple[str, int]], list[int]]:
        nonlocal recording
        recording = True
        return seen, fine

    monkeypatch.setattr(roots, "choose_parent", counting)
    monkeypatch.setattr(roots, "probe", probing)
    return start


def _reference(arts) -> dict[str, str]:
    rows = mention_rows(arts)
    ref = cluster_mentions(rows, load_rules())
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: k for e, k in ref.items()}


def test_stored_undated_reports_choose_from_their_parent_and_the_changed_fit(compared) -> None:
    """fails before: each stored undated report chose again from all its candidates (five or six: the three dated
    attacks of its window and the other undated reports), looked up in cluster_fine; now from its parent (the Monday
    attack, or an undated report joined to it) and the Monday attack, which gained an article."""
    store = Store(":memory:")
    store.write_coded(DATED + UNDATED)
    seen, fine = compared()
    store.write_coded([AGAIN])
    undated = [n for prec, n in seen if prec == "published"]
    assert len(undated) == len(UNDATED)  # each chose again (its parent gained an article) ...
    assert max(undated) <= 2  # ... from its parent and the changed fit (the same unit, or the Monday attack)
    assert fine == []  # and none was looked up
    c = clusters_of(store)
    store.close()
    tessaly = c["attacked@2025-09-02/Courier 0"]
    assert all(c[f"beat@2025-09-0{2 + i}/Gazette {i}"] == tessaly for i in range(len(UNDATED)))
    assert c == _reference(DATED + UNDATED + [AGAIN])


def test_a_new_undated_report_chooses_from_its_fits_only(compared) -> None:
    """fails before: a new undated report chose twice from all its candidates (step 2, then the settling loop, which
    looked it up again: the three dated attacks); the settling loop now compares its fits only (the Tessaly attack),
    without a look-up."""
    store = Store(":memory:")
    store.write_coded(DATED)
    seen, fine = compared()
    store.write_coded(UNDATED[:1])
    assert [n for prec, n in seen if prec == "published"] == [1]
    assert fine == []
    c = clusters_of(store)
    store.close()
    assert c == _reference(DATED + UNDATED[:1])
