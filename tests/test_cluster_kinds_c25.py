"""Round 9 of the kinds behind false cluster pairs (issue 17; docs/rounds/clusters.md, "Round 9", stories-01..09 studied):
an undated report whose verb names another mode than a dated report of its type and dyad is another event
(``modes.undated`` in gaiko/data/clusters.yaml). Every article is our own (invented countries, towns and outlets), not
one of the labelled corpus; each test fails before the round, except those marked "guard" (what the rule must not
break: the same act told with the same verb, with no verb that names a mode, two dated reports of one incident told
with different verbs, one attack told with different weapons, a report naming no actor)."""

from __future__ import annotations

import pytest

from gaiko.clusters.rules import NAMED, load_rules
from gaiko.clusters.units import Unit, order

from test_cluster_kinds_c24 import MER, VAL, VAL_STATE, clusters, coded

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

MER_STATE = ("Merania", "MER", None, "country", None)
VAL_TROOPS = ("Valdorian troops", "VLD", "MIL", "demonym", None)
MER_POSTS = ("Meranian positions", "MER", "MIL", "demonym", None)


def _arrest_saturday(*extra):
    """Saturday 5 April: Valdorian police arrest a Meranian officer at Vesk (published Sunday)."""
    return clusters(
        coded(["Valdorian police arrested a Meranian officer at the Vesk crossing on Saturday."], "2025-04-06",
              "Wire A", dict(type="COERCE", trigger="arrested", src=VAL, tgt=MER, date="2025-04-05", prec="day",
                             date_text="on Saturday", mode="arrest")),
        *extra)


def test_an_undated_closure_is_not_the_dated_arrest_of_its_week() -> None:
    # published Tuesday: "shut" (censor) has only its publication window (Saturday to Tuesday), which holds Saturday's
    # arrest of the same dyad and type; before, it joined that arrest
    c = _arrest_saturday(
        coded(["In the north, Valdorian police shut five post offices run by Merania."], "2025-04-08", "Daily B",
              dict(type="COERCE", trigger="shut", src=VAL, tgt=MER, date="2025-04-08", prec="published",
                   mode="censor")))
    assert c["shut@2025-04-08/Daily B"] != c["arrested@2025-04-06/Wire A"]


def test_an_undated_summons_is_not_the_dated_accusation() -> None:
    c = clusters(
        coded(["Valdoria recalled its envoy from Merania on Sunday, accusing Merania of downing a drone."],
              "2025-04-07", "Wire A",
              dict(type="ACCUSE", trigger="accusing", src=VAL_STATE, tgt=MER_STATE, date="2025-04-06", prec="day",
                   date_text="on Sunday", mode="disapprove")),
        coded(["Valdoria also summoned Merania's ambassador to protest."], "2025-04-07", "Daily B",
              dict(type="ACCUSE", trigger="summoned", src=VAL_STATE, tgt=MER_STATE, date="2025-04-07",
                   prec="published", mode="allege")))
    assert c["summoned@2025-04-07/Daily B"] != c["accusing@2025-04-07/Wire A"]


def test_an_undated_report_with_the_same_verb_still_joins() -> None:
    """guard: the same mode (an arrest told again, undated) still joins the dated arrest."""
    c = _arrest_saturday(
        coded(["The Meranian officer arrested by Valdorian police at Vesk was charged with war crimes."], "2025-04-08",
              "Daily B", dict(type="COERCE", trigger="arrested", src=VAL, tgt=MER, date="2025-04-08", prec="published",
                              mode="arrest")))
    assert c["arrested@2025-04-08/Daily B"] == c["arrested@2025-04-06/Wire A"]


def test_an_undated_report_naming_no_mode_still_joins() -> None:
    """guard: a verb that names no mode agrees with any."""
    c = _arrest_saturday(
        coded(["Valdorian police held a Meranian officer at Vesk, his family said."], "2025-04-08", "Daily B",
              dict(type="COERCE", trigger="held", src=VAL, tgt=MER, date="2025-04-08", prec="published")))
    assert c["held@2025-04-08/Daily B"] == c["arrested@2025-04-06/Wire A"]


def test_two_dated_reports_of_one_incident_with_two_verbs_stay_one() -> None:
    """guard: the rule is for undated reports only; "seized the boat" and "detained its crew" of one day stay one."""
    c = clusters(
        coded(["Valdorian police seized a Meranian fishing boat off Vesk on Monday."], "2025-04-08", "Wire A",
              dict(type="COERCE", trigger="seized", src=VAL, tgt=MER, date="2025-04-07", prec="day", mode="seize")),
        coded(["Valdorian police detained the crew of a Meranian boat off Vesk on Monday."], "2025-04-08", "Daily B",
              dict(type="COERCE", trigger="detained", src=VAL, tgt=MER, date="2025-04-07", prec="day",
                   mode="arrest")))
    assert c["seized@2025-04-08/Wire A"] == c["detained@2025-04-08/Daily B"]


def test_one_attack_told_with_two_weapons_stays_one() -> None:
    """guard: ASSAULT is in except_types: "launched drones and missiles" and "the missiles Valdoria fired" (undated)
    are one attack."""
    c = clusters(
        coded(["Valdoria launched drones and missiles at Meranian positions on Saturday night."], "2025-04-06",
              "Wire A", dict(type="ASSAULT", trigger="launched", src=VAL_TROOPS, tgt=MER_POSTS, date="2025-04-05",
                             prec="day", mode="heavy-weapons")),
        coded(["Merania said it intercepted most of the missiles Valdorian troops fired at its positions."],
              "2025-04-06", "Daily B",
              dict(type="ASSAULT", trigger="fired", src=VAL_TROOPS, tgt=MER_POSTS, date="2025-04-06", prec="published",
                   mode="firearms")))
    assert c["fired@2025-04-06/Daily B"] == c["launched@2025-04-06/Wire A"]


def test_an_undated_report_naming_no_actor_is_not_told_apart_by_its_verb() -> None:
    """guard: "Some blocked the road" (no source, no target) is a detail of its day's protest, not another event."""
    protesters = ("relatives of inmates", "VLD", "CVL", "sector", None)
    c = clusters(
        coded(["Relatives of inmates protested outside the Vesk prison on Wednesday."], "2025-04-09", "Wire A",
              dict(type="PROTEST", trigger="protested", src=protesters, date="2025-04-09", prec="day", mode="demo",
                   place=("Vesk", "VLD"))),
        coded(["Some blocked the road to the port for an hour."], "2025-04-09", "Daily B",
              dict(type="PROTEST", trigger="blocked", date="2025-04-09", prec="published", mode="obstruct")))
    assert c["blocked@2025-04-09/Daily B"] == c["protested@2025-04-09/Wire A"]


def test_a_shared_date_is_told_apart_by_its_verb_too() -> None:
    """A date phrase several events of one sentence share is an upper bound for all but one ("accused Merania on Sunday
    of shelling Vesk and summoned ..."): such a report, like an undated one, is another event than one of another mode
    of its window; two dated reports are not compared by mode (guard)."""
    from gaiko.clusters.units import compatible

    rules = load_rules()

    def unit(mode: str, prec: str = "day", lo: int = 10) -> Unit:
        return Unit("actual", "ACCUSE", "VLD", "MER", "?", f"?{NAMED}{mode}", prec, lo, 10, rules.rank(prec))

    assert not compatible(unit("disapprove"), unit("allege", "shared", 7), rules)
    assert compatible(unit("allege"), unit("allege", "shared", 7), rules)
    assert compatible(unit("disapprove"), unit("allege"), rules)


def test_the_named_mode_does_not_reorder_ties() -> None:
    """The mode a unit keeps for undated reports is left out of the order's tie-break (only the key itself, last,
    tells two units apart that differ in nothing else)."""
    rules = load_rules()
    plain = Unit("actual", "COERCE", "VLD", "MER", "?", "?", "day", 10, 10, rules.rank("day"))
    named = Unit("actual", "COERCE", "VLD", "MER", "?", f"?{NAMED}arrest", "day", 10, 10, rules.rank("day"))
    from gaiko.clusters.core import ukey_of

    assert order(named, ukey_of(named), rules)[:4] == order(plain, ukey_of(plain), rules)[:4]
    assert order(named, ukey_of(named), rules)[3] == ukey_of(plain)


def test_rules_file_checks_modes_undated(tmp_path) -> None:
    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    assert "undated: {precisions: [published, shared], except_types: [ASSAULT]}" in text
    bad = tmp_path / "c.yaml"
    bad.write_text(text.replace("undated: {precisions: [published, shared], except_types: [ASSAULT]}",
                                "undated: {precisions: [someday]}"), encoding="utf-8")
    with pytest.raises(DataFileError, match="modes.undated"):
        load_rules(str(bad))
    bad.write_text(text.replace("undated: {precisions: [published, shared], except_types: [ASSAULT]}",
                                "undated: [published]"), encoding="utf-8")
    with pytest.raises(DataFileError, match="modes.undated"):
        load_rules(str(bad))
