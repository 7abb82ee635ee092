"""Round c43 (docs/rounds/clusters.md, "Round c43"): the learned pair score of the clusters (gaiko/clusters/learned.py, the
``learned`` section of gaiko/data/clusters.yaml, weights gaiko/data/clusters_pairs.npz).

The veto keeps apart two reports the rules would join when their sentences share nothing (different numbers, different
places); the join puts an undated report that names no side with the event whose sentence shares its numbers and names,
when the rules leave it alone (two events fit it). Every article is our own (an invented country, Orvania ORV, and
invented outlets and towns), not one of the labelled corpus. The thresholds are given here (the shipped section may
leave the steps off); "fails without" notes say which step a test needs."""

from __future__ import annotations

import pytest

from cluster_batches import shipped_text

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.learned import PairModel, learned_clusters, load_model
from gaiko.clusters.pairfeatures import FEATURES
from gaiko.clusters.learnedrules import parse_learned
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from test_clusters import article

REBELS = ("rebels", "ORV", "REB", "demonym", None)
SOLDIERS = ("soldiers", "ORV", "MIL", "demonym", None)
OFFICERS = ("police officers", "ORV", "COP", "demonym", None)

# Tuesday 9 September 2025: an ambush at the Harnet checkpoint; Wednesday 10: an attack on the Dorvel police post
HARNET = article("Rebels killed 14 soldiers at the Harnet checkpoint on Tuesday, the defence ministry said.",
                 "2025-09-10", "Orvan Wire", ("ASSAULT", "killed", REBELS, SOLDIERS, "2025-09-09", "day"))
DORVEL = article("Rebels killed six police officers at a post in Dorvel on Wednesday.",
                 "2025-09-10", "Eastern Ledger", ("ASSAULT", "killed", REBELS, OFFICERS, "2025-09-10", "day"))
# Thursday 11: an undated report of the Harnet ambush that names no side (two events fit its window)
HARNET_AGAIN = article("Mourners gathered for the 14 soldiers who died in the ambush at the Harnet checkpoint.",
                       "2025-09-11", "Capital Herald", ("ASSAULT", "ambush", None, None, "2025-09-11", "published"))
# Thursday 11: an undated report of another attack (nine officers near Selmo): the rules find only Harnet's event
SELMO = article("Nine police officers died when rebels raided their barracks near Selmo, a governor said.",
                "2025-09-11", "Capital Herald", ("ASSAULT", "raided", REBELS, OFFICERS, "2025-09-11", "published"))
# the same, told with Harnet's verb: the shared verb outweighs the different numbers and towns (known limit)
SELMO_KILLED = article("Rebels killed nine police officers near Selmo in a raid, a regional governor told reporters.",
                       "2025-09-11", "Capital Herald", ("ASSAULT", "killed", REBELS, OFFICERS, "2025-09-11", "published"))

#: the thresholds chosen on stories-01..19 in round c43 (the shipped section leaves both steps off)
VETO, JOIN = 0.6, 0.5


def _by_trigger(arts, **kw) -> dict[str, str]:
    rows = mention_rows(list(arts))
    where = {r["id"]: f"{r['trigger']}@{r['published']}/{r['outlet']}" for r in rows}
    return {where[e]: c for e, c in learned_clusters(rows, load_rules(), **kw).items()}


def test_the_shipped_weights_read_with_numpy_and_name_the_features():
    m = load_model(load_rules().learned.model)
    assert isinstance(m, PairModel) and set(m.coef) == {"veto", "join"}
    assert all(len(c) == len(FEATURES) for c in m.coef.values())


def test_an_undated_report_sharing_numbers_and_names_joins_its_event():
    """Fails without the join: two events fit the undated report, the rules leave it alone."""
    c = _by_trigger([HARNET, DORVEL, HARNET_AGAIN], veto=VETO, join=JOIN)
    assert c["ambush@2025-09-11/Capital Herald"] == c["killed@2025-09-10/Orvan Wire"]
    assert c["ambush@2025-09-11/Capital Herald"] != c["killed@2025-09-10/Eastern Ledger"]
    alone = _by_trigger([HARNET, DORVEL, HARNET_AGAIN], veto=None, join=None)
    assert alone["ambush@2025-09-11/Capital Herald"] not in (alone["killed@2025-09-10/Orvan Wire"],
                                                              alone["killed@2025-09-10/Eastern Ledger"])


def test_a_nearby_attack_with_other_numbers_and_places_stays_apart():
    """Fails without the veto: the undated Selmo raid fits only Harnet's event and the rules join it."""
    c = _by_trigger([HARNET, SELMO], veto=VETO, join=JOIN)
    assert c["raided@2025-09-11/Capital Herald"] != c["killed@2025-09-10/Orvan Wire"]
    ruled = _by_trigger([HARNET, SELMO], veto=None, join=None)
    assert ruled["raided@2025-09-11/Capital Herald"] == ruled["killed@2025-09-10/Orvan Wire"]


@pytest.mark.xfail(strict=True, reason="known limit (round c43): the learned veto weighs the shared verb and wording "
                                       "more than different numbers and towns")
def test_a_nearby_attack_told_with_the_same_verb_stays_apart():
    c = _by_trigger([HARNET, SELMO_KILLED], veto=VETO, join=JOIN)
    assert c["killed@2025-09-11/Capital Herald"] != c["killed@2025-09-10/Orvan Wire"]


def test_the_clusters_do_not_depend_on_the_order_of_the_mentions():
    arts = [HARNET, DORVEL, HARNET_AGAIN, SELMO, SELMO_KILLED]
    rows = mention_rows(arts)
    a = learned_clusters(rows, load_rules(), veto=VETO, join=JOIN)
    b = learned_clusters(list(reversed(rows)), load_rules(), veto=VETO, join=JOIN)
    assert a == b


def test_both_steps_off_give_the_rules_clusters():
    rows = mention_rows([HARNET, DORVEL, HARNET_AGAIN, SELMO])
    assert learned_clusters(rows, load_rules(), veto=None, join=None) == cluster_mentions(rows, load_rules())


def test_the_veto_is_switched_off_in_data(tmp_path):
    """The reference applies the section's thresholds (round c44 ships them, with ``enabled: false`` for the store);
    ``veto: false`` switches the veto off."""
    text = shipped_text(enabled=False)
    off = text.replace(f"learned:\n  enabled: false\n  veto: {VETO}", "learned:\n  enabled: false\n  veto: false")
    assert off != text, "the shipped section starts with enabled and veto"
    p_on, p_off = tmp_path / "on.yaml", tmp_path / "off.yaml"
    p_on.write_text(text, encoding="utf-8")
    p_off.write_text(off, encoding="utf-8")
    rows = mention_rows([HARNET, SELMO])
    split = learned_clusters(rows, load_rules(str(p_on)), join=None)
    joined = learned_clusters(rows, load_rules(str(p_off)), join=None)
    assert len(set(split.values())) == 2 and len(set(joined.values())) == 1


@pytest.mark.parametrize("raw", [{"veto": 2}, {"veto": "high"}, {"join_days": -1}, {"words": {"function": "the"}},
                                 {"threshold": 0.5}])
def test_a_wrong_learned_section_names_the_file(raw):
    with pytest.raises(DataFileError, match="learned"):
        parse_learned(raw, "clusters.yaml")
