"""Round c92 of issue 17 (docs/rounds/clusters.md, "Round c92"): missed joins by kind, recall.

*One act told by two modes* (``modes.same`` in gaiko/data/clusters.yaml; ``Rules.modes_agree`` in
gaiko/clusters/ruleset.py). An undated report that names a side and a mode is another event than a report of another
named mode (``modes.undated``, round 9: "Kosovo police shut five post offices" is not "arrested an officer on
Saturday"). The coder gives one curfew two modes by its words: "the government imposed a curfew" is ``curfew``
(coerce.curfew), while "the curfew imposed on Saturday" or "a day after it was imposed" is ``restrict``; so the undated
report of the curfew and the dated one never joined. Modes of one group of ``same`` are one act for that comparison.

Every article is our own (invented country Valdoria VLD, invented towns and outlets), not one of the labelled corpus.
Tests marked "fails before" were checked to fail on the branch's parent (a127de7a); the others are guards of what
still stays apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gaiko.clusters.rules import load_rules
from gaiko.clusters.units import units_of
from gaiko.clusters.update import mention_rows
from gaiko.errors import DataFileError

from helpers import reference_clusters
from test_cluster_undecided import _clusters
from test_clusters import article

VLD_GOV = ("The Valdorian government", "VLD", "GOV", "demonym", None)
HARLO = ("Harlo", "VLD", None, "country", None)


def _coerce(text: str, published: str, outlet: str, trigger: str, date: str, prec: str, mode: str,
            source=VLD_GOV, target=HARLO, date_text: str | None = None) -> object:
    return article(text, published, outlet, ("COERCE", trigger, source, target, date, prec, None,
                                             {"mode": mode, "date_text": date_text}))


# Saturday 13 September 2025: a curfew in Harlo, told the next Monday by the day it was imposed (mode restrict) and the
# day before by an undated report naming who imposed it (mode curfew)
DATED = _coerce("Valdoria eased the curfew in Harlo on Monday, two days after it was imposed.", "2025-09-15",
                "Wire A", "imposed", "2025-09-13", "day", "restrict", source=None, target=None, date_text="Saturday")
UNDATED = _coerce("The Valdorian government imposed a curfew on Harlo.", "2025-09-14", "Post B", "imposed",
                  "2025-09-14", "published", "curfew")


def _units(*arts):
    return units_of(mention_rows(list(arts)), load_rules())


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_curfew_told_as_imposed_and_as_a_restriction_is_one_act(mode, one_by_one, order) -> None:
    """fails before with the rules alone: the undated "imposed a curfew" (curfew) and Saturday's "it was imposed"
    (restrict) were two events (as shipped the learned join already joined this loner: passes on both)."""
    arts = [(DATED, UNDATED)[i] for i in order]
    c = _clusters(*arts, one_by_one=one_by_one)
    assert c["imposed@2025-09-14/Post B"] == c["imposed@2025-09-15/Wire A"]
    if mode == "rules":
        assert reference_clusters(*arts) == c  # the store equals the in-memory reference


def test_the_modes_agree() -> None:
    """fails before: the two units' modes agree; an arrest does not agree with a curfew."""
    rules = load_rules()
    dated, undated = _units(DATED, UNDATED)
    assert rules.modes_agree(dated, undated) and rules.modes_agree(undated, dated)
    arrest = _units(_coerce("Valdorian police arrested 40 people in Harlo.", "2025-09-14", "Post C", "arrested",
                            "2025-09-14", "published", "arrest"))[0]
    assert not rules.modes_agree(dated, arrest) and not rules.modes_agree(undated, arrest)


@pytest.mark.parametrize("one_by_one", [False, True])
def test_an_arrest_of_the_same_days_stays_apart_from_the_curfew(mode, one_by_one) -> None:
    """guard (passes before and after): an undated arrest by the government of Harlo's people is another act than
    Saturday's curfew (modes.undated still parts modes of two groups)."""
    arrest = _coerce("The Valdorian government arrested 40 people in Harlo.", "2025-09-14", "Post C", "arrested",
                     "2025-09-14", "published", "arrest")
    for arts in ((DATED, arrest), (arrest, DATED)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c["arrested@2025-09-14/Post C"] != c["imposed@2025-09-15/Wire A"]


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_curfew_of_another_week_stays_apart(mode, one_by_one) -> None:
    """guard (passes before and after): the same dyad and type, a curfew imposed the Wednesday after (reported
    undated on the Friday) is another curfew than Saturday's."""
    later = _coerce("The Valdorian government imposed a new curfew on Harlo.", "2025-09-19", "Post D", "imposed",
                    "2025-09-19", "published", "curfew")
    for arts in ((DATED, later), (later, DATED)):
        c = _clusters(*arts, one_by_one=one_by_one)
        assert c["imposed@2025-09-19/Post D"] != c["imposed@2025-09-15/Wire A"]


def test_same_listed_and_checked(tmp_path: Path) -> None:
    """fails before: the shipped file lists [curfew, restrict]; without ``same`` the two modes stay two acts; the
    section's values are checked."""
    path = Path(load_rules().path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert ["curfew", "restrict"] in raw["modes"]["same"]
    rules = load_rules()
    assert rules.mode_same == {"curfew": "curfew", "restrict": "curfew"}
    del raw["modes"]["same"]
    p = tmp_path / "clusters.yaml"
    p.write_text(yaml.safe_dump(raw), encoding="utf-8")
    off = load_rules(str(p))
    dated, undated = units_of(mention_rows([DATED, UNDATED]), off)
    assert not off.modes_agree(dated, undated)
    for i, bad in enumerate(([["curfew"]], ["curfew"], "curfew")):
        raw["modes"]["same"] = bad
        q = tmp_path / f"bad{i}.yaml"  # a path of its own: load_rules caches by path
        q.write_text(yaml.safe_dump(raw), encoding="utf-8")
        with pytest.raises(DataFileError):
            load_rules(str(q))
