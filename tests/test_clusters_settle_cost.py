"""Issue 17 (cost): after a batch, ``attach.root_check`` (gaiko/clusters/roots.py, :func:`settle_root_check`) makes
the stored undated reports choose their parent again only when a unit the batch touched could be taken by them
(before them in the join order, and compatible with them or reached by them). An undated report of the same type,
sides and week that the new report cannot join was chosen again before (b16: 80% of the clustering time on the
1,000-article benchmark store went to such choices, and their number grew with the store).

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


HERDERS = ("two Valdorian herders", "VLD", "CVL", "demonym", None)
TOWNS = ("Brennick", "Corvale", "Estmarr", "Fallowby", "Gorranet")

# undated, published on 3 to 5 June 2025: five killings, each in its own town
UNDATED = [article(f"Gunmen killed two Valdorian herders in {town}, residents said.", f"2025-06-0{3 + i % 3}",
                   f"Outlet {i}", ("ASSAULT", "killed", None, HERDERS, f"2025-06-0{3 + i % 3}", "published",
                                   (town, "VLD")))
           for i, town in enumerate(TOWNS)]
# Tuesday 3 June: a killing in another town, dated
DATED = article("Gunmen shot dead two Valdorian herders in Harlwick on Tuesday.", "2025-06-04", "Wire Z",
                ("ASSAULT", "shot", None, HERDERS, "2025-06-03", "day", ("Harlwick", "VLD")))


@pytest.fixture()
def chosen(monkeypatch):
    """The precision of every unit :func:`settle_root_check` chooses a parent for, while recording."""
    seen: list[str] = []
    real = roots.choose_parent

    def counting(st, *args, **kw):
        if recording:
            seen.append(st.unit.prec)
        return real(st, *args, **kw)

    recording = False

    def start() -> list[str]:
        nonlocal recording
        recording = True
        return seen

    monkeypatch.setattr(roots, "choose_parent", counting)
    return start


def test_a_dated_report_no_stored_undated_one_may_join_chooses_none_of_them_again(chosen) -> None:
    """fails before: the five undated killings, found by the new report's week, type and sides, chose again."""
    store = Store(":memory:")
    store.write_coded(UNDATED)
    seen = chosen()
    store.write_coded([DATED])
    assert "published" not in seen  # none of the stored undated reports chose again
    c = clusters_of(store)
    store.close()
    shot = c["shot@2025-06-04/Wire Z"]
    assert all(c[f"killed@2025-06-0{3 + i % 3}/Outlet {i}"] != shot for i in range(len(TOWNS)))
    rows = mention_rows(UNDATED + [DATED])
    assert len(set(cluster_mentions(rows, load_rules()).values())) == len(set(c.values()))


def test_a_dated_report_an_undated_one_may_join_still_makes_it_choose_again(chosen) -> None:
    """guard: an undated killing in the new report's town chooses again, and joins it (the store equals the
    in-memory reference)."""
    same_town = article("Gunmen killed two Valdorian herders in Harlwick, residents said.", "2025-06-04", "Outlet H",
                        ("ASSAULT", "killed", None, HERDERS, "2025-06-04", "published", ("Harlwick", "VLD")))
    store = Store(":memory:")
    store.write_coded(UNDATED + [same_town])
    seen = chosen()
    store.write_coded([DATED])
    assert "published" in seen
    c = clusters_of(store)
    store.close()
    assert c["killed@2025-06-04/Outlet H"] == c["shot@2025-06-04/Wire Z"]
    rows = mention_rows(UNDATED + [same_town, DATED])
    ref = cluster_mentions(rows, load_rules())
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    assert {where[e]: k for e, k in ref.items()} == c
