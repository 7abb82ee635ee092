"""Round p39: kinds from fresh-l and fresh-k (issue 14) and leftovers of the newcomer round n33. Our own sentences and
storylines (other countries, objects and words than the corpora); each kind has cases that fail without its change and
look-alikes or guards that must keep passing.

1. a withdrawal before the act named as planned ("called off the summit it was to host") withdraws the pledge;
2. "the first six of its planned hubs", "the first of its colleges", "the first yearly payment" are part of a counted
   pledge or of a sum due each period, not the whole;
3. the day of a signing ("under the agreement signed on March 4") is not the pledge's deadline;
4. a demand of a party the actor lexicon does not list ("its neighbours") keeps it as the target, and the asker's own
   deed does not keep the demand;
5. an undated statement is never judged: a fate reported in its own sentence does not decide the pledge;
6. a mediator is not its own target ("offered to mediate between the two governments").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_statuses
from helpers import pledge_story as _story
from helpers import status_of as _one


def _pledges(coder, text: str, published: str | None = "2026-03-02") -> list:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published=published)])
    return res.pledges


# -- 1. a withdrawal before the act named as planned ----------------------------------------------------------------

_PERU = "Peru said it would host a summit of Andean trade ministers in Cusco in May."


@pytest.mark.parametrize("pledge, report, verb", [
    (_PERU, "Peru has called off the summit of Andean trade ministers it was to host in Cusco.", "host"),
    ("Norway promised to hold talks with the Sami parliament on the wind farm by April.",
     "Norway postponed the talks with the Sami parliament that it had promised to hold, citing the election.", "hold"),
])
def test_withdrawal_of_the_planned_act(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "withdrawn"


@pytest.mark.parametrize("report", [
    # the withdrawal of something else, then the act announced in a clause of its own
    "Peru called off the dockworkers' strike talks and said it would host the summit of Andean trade ministers in Cusco.",
    # another host's summit called off
    "Chile has called off the summit of Pacific fisheries ministers it was to host in Valparaiso.",
])
def test_withdrawal_lookalikes(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _PERU, [report]), "host") != "withdrawn"


# -- 2. the first part of a counted pledge --------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Ghana pledged to build 30 new fish landing sites by 2027.",
     "The first eight of Ghana's planned fish landing sites opened in Tema and Takoradi this week.", "build"),
    ("Vietnam promised to open 15 new vocational colleges in the Mekong delta by 2028.",
     "The first four of Vietnam's planned vocational colleges opened in Can Tho and Soc Trang.", "open"),
    ("Vietnam promised to open 15 new vocational colleges in the Mekong delta by 2028.",
     "Vietnam opened the first of its vocational colleges in Can Tho, officials said.", "open"),
    ("Japan agreed to pay the Philippines $40 million a year for the use of the Subic dock over the ten-year lease.",
     "The first yearly payment from Tokyo, worth $40 million, reached the Philippine treasury.", "pay"),
])
def test_first_part_is_progress(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "in_progress"


def test_the_first_one_of_a_single_pledge_is_the_deed(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Vietnam promised to open a vocational college in Can Tho by 2028.",
                 ["Vietnam opened the first vocational college in Can Tho, officials said."])
    assert _one(got, "open") == "fulfilled"


# -- 3. the signing day is no deadline ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Under the agreement signed in Lima on March 4, Bolivia will supply 5 million cubic metres of gas a day.",
    "Under the accord inked in Hanoi on Monday, Laos will export 500 megawatts of power to Vietnam.",
])
def test_signing_day_is_no_deadline(coder, text: str) -> None:
    (p,) = _pledges(coder, text)
    assert p.deadline is None, p.deadline


@pytest.mark.parametrize("text, end", [
    ("Bolivia will sign the agreement with Brazil on March 4.", "2026-03-04"),  # the signing is the pledge
    ("Under the accord inked in Hanoi on Monday, Laos will export power to Vietnam by 2028.", "2028-12-31"),
    # a participle that is no signing of an agreement: the date is the pledge's
    ("Sri Lanka will release the 24 Indian fishermen held in Trincomalee by the end of March.", "2026-03-31"),
    ("The new government will review every cobalt licence signed by its predecessor within 60 days.", "2026-05-01"),
])
def test_deadlines_kept_beside_a_signing(coder, text: str, end: str) -> None:
    (p,) = _pledges(coder, text)
    assert p.deadline is not None and p.deadline.end == end


# -- 4. a demand of a party the lexicon does not list -----------------------------------------------------------------

def test_demand_of_unlisted_party_keeps_it(coder) -> None:
    (p,) = _pledges(coder, "China wants its neighbours to stop fishing near the Scarborough reef.")
    assert p.kind == "demand" and p.target is not None and "neighbours" in p.target.text


def test_askers_own_deed_does_not_keep_the_demand(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Brazil wants its neighbours to cut their tariffs on ethanol by June.",
                 ["Brazil cut its tariff on ethanol imports to zero this week."])
    assert _one(got, "cut") != "fulfilled"


def test_asked_partys_deed_keeps_the_demand(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "Brazil wants Paraguay to cut its tariff on ethanol by June.",
                 ["Paraguay cut its tariff on ethanol imports to zero this week."])
    assert _one(got, "cut") == "fulfilled"


# -- 5. an undated statement is never judged ------------------------------------------------------------------------

_FATE = "Ruto promised to cut the sugar tariff, a promise he kept within a month."
_DATED = {"id": "d1", "published": "2026-05-04", "source": "Wire B", "text": "Uganda said it would send a trade delegation."}


def test_undated_fate_in_own_sentence_is_not_judged(tmp_path: Path, coder) -> None:
    got = ledger_statuses(tmp_path, coder, [{"id": "u1", "source": "Wire A", "text": _FATE}, _DATED])
    assert _one(got, "cut") == "open"


def test_dated_fate_in_own_sentence_is_read(tmp_path: Path, coder) -> None:
    got = ledger_statuses(tmp_path, coder, [{"id": "u1", "published": "2026-02-03", "source": "Wire A", "text": _FATE},
                                            _DATED])
    assert _one(got, "cut") == "fulfilled"


def test_undated_restatement_revises_nothing(tmp_path: Path, coder) -> None:
    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger
    import json

    arts = [{"id": "u1", "source": "Wire A", "text": "Kenya pledged to cut its tariff on Ugandan sugar to 10% by June."},
            {"id": "d1", "published": "2026-02-01", "source": "Wire B",
             "text": "Kenya pledged to cut its tariff on Ugandan sugar to 10% by June, officials said."}]
    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    run_code([str(src)], db=str(tmp_path / "t.duckdb"), quiet=True, coder=coder)
    with Store(str(tmp_path / "t.duckdb"), read_only=True) as st:
        (e,) = [e for e in ledger(st) if e["action"].startswith("cut")]
    assert not any(x.get("relation") == "revises" for x in e["evidence"]), e["evidence"]


# -- 6. the mediator is not its own target --------------------------------------------------------------------------

@pytest.mark.parametrize("text, source", [
    ("Egypt offered to mediate between the two governments.", "EGY"),
    ("Qatari envoys shuttled between the two delegations in Doha on Monday.", "QAT"),
    ("Sudan and South Sudan traded fire on Monday. Kenya offered to mediate between the two governments.", "KEN"),
])
def test_mediator_is_not_its_own_target(coder, text: str, source: str) -> None:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published="2026-03-02")])
    mine = [e for e in res.events if e.source is not None and e.source.country == source]
    assert mine, res.events
    assert all(e.target is None or e.target.country != source for e in mine), [
        (e.event_type, e.target and e.target.text) for e in mine]


@pytest.mark.parametrize("text, target", [
    ("Egypt will mediate between Israel and Hamas.", "ISR"),  # a named party
    ("The Anglican bishop of Kampala offered to mediate between the striking teachers and the ministry.", "UGA"),
])  # a domestic party of the mediator's own country
def test_parties_after_between_stay_targets(coder, text: str, target: str) -> None:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published="2026-03-02")])
    assert any(e.target is not None and e.target.country == target for e in res.events), [
        (e.event_type, e.source and e.source.country, e.target and e.target.text) for e in res.events]


# -- 7. an unplaced doer named by its own proper name --------------------------------------------------------------

_ORTAVIRA = "Ortavira said it would raise uranium output by 12% next year."


def _context_report(who: str) -> str:
    return (f"Namibia's mines ministry said exports would fall this year. {who} now expects to keep production flat in "
            "2027, dropping the planned increase.")


def test_unplaced_doer_named_again_is_retrieved(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _ORTAVIRA, [_context_report("Ortavira")])
    assert _one(got, "raise") == "withdrawn"


def test_another_unplaced_name_is_not_retrieved(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _ORTAVIRA, [_context_report("Belmonte")])
    assert _one(got, "raise") == "open"


def test_name_keys_only_for_proper_names() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import _name_keys

    lex = lexicon()
    assert _name_keys("?:ortavira", {"text": "Ortavira"}, lex) == frozenset({"ortavira"})
    assert _name_keys("?:ministry", {"text": "the finance ministry"}, lex) == frozenset()
    assert _name_keys("CHL", {"text": "Chile", "country": "CHL"}, lex) == frozenset()
