"""Round t36: pledge-tracker kinds a newcomer (round b35, a Sahel analyst) found on articles of their own. Our own
sentences of each kind (other countries, topics and wordings), never b35's, with look-alikes that keep main's reading.

F1. A demand restated is not its fulfilment: "repeated their demand that Sudan's army free the journalists" names the
    act inside the "that"-clause of a demand noun (the act asked for again, `restates`); "the deadline passed without
    their release" / "without freeing them": the act under "without" is not done (`stalls`, never progress or the deed)
    (gaiko/tracking/askedagain.py).
F2. Harm to what a pledge vowed to guard is no deed: "vowed to protect the gas workers" + "insurgents killed four gas
    workers" was fulfilled by the relation model over the rules' needs_review. A report of an attack, seizure, killing
    or blockade of the object of a pledge to protect, secure, guard or defend it stays needs_review
    (gaiko/tracking/harmed.py, a veto on the model in decide._weak_for_done).
F3. Double negatives: a pledge to lift a suspension, freeze or ban is kept by the thing restored, reinstated or resumed
    ("restored the licence", "resumed beef exports"), which main read as open or as the contrary act; the stop
    renewed or extended is the contrary (gaiko/tracking/doubleneg.py: acts added in normalise, a guard in the clause).
F4. Talks called off: "will hold talks in Nairobi on 12 May" and "Ethiopia called off the talks with Kenya planned for
    Wednesday" shared no key (a capital is none), so both pledges stayed open or overdue. A sentence that calls off
    talks or a visit is keyed with the sides it names (gaiko/tracking/talksoff.py) and retrieved for a talks pledge
    whose other party it names; the party that called them off withdraws, the other party's pledge stalls (the talks
    are off, not by its doing: a withdrawal would count a decision it did not make).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _story(tmp_path: Path, coder, pledge: str, reports: list[str]) -> list[dict]:
    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": pledge}]
    arts += [{"id": f"r{k}", "published": f"2026-0{4 + k}-1{k}", "source": "Wire B", "text": text}
             for k, text in enumerate(reports)]
    return ledger_entries(tmp_path, coder, arts)


def _one(entries: list[dict], verb: str) -> dict:
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert len(mine) == 1, [(e["action"], e["status"]) for e in entries]
    return mine[0]


#: statuses that say the act was done, in part or under way
_DONE = ("fulfilled", "partially_fulfilled", "in_progress")


def _entry(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> dict:
    """The one ledger entry of ``verb`` after a story of ``pledge`` and one later ``report``."""
    return _one(_story(tmp_path, coder, pledge, [report]), verb)


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


# -- F1: a demand restated, an act under "without" ----------------------------------------------------------------------

_RESTATED = [
    ("The African Union demanded on Monday that Sudan's army free the 40 detained journalists by March 1.",
     "African Union ministers on Tuesday repeated their demand that Sudan's army free the 40 journalists.", "free"),
    ("Ecuador demanded that Peru hand over the fugitive banker by the end of January.",
     "Ecuador's foreign minister reiterated Ecuador's demand for Peru to hand over the fugitive banker.", "hand over"),
    ("The Arab League demanded that Libya release the 12 Tunisian fishermen.",
     "The Arab League renewed its call that Libya release the 12 Tunisian fishermen.", "release"),
]


@pytest.mark.parametrize("pledge,report,verb", _RESTATED)
def test_f1_demand_restated_is_no_fulfilment(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])
    assert "fulfils" not in _relations(e) and "progresses" not in _relations(e), e["evidence"]


_WITHOUT = [
    ("The Arab League demanded on Monday that Libya free the 12 Tunisian fishermen before March 20.",
     "Libya let the deadline pass without freeing the 12 Tunisian fishermen.", "free"),
    ("Kenya promised to withdraw its troops from Somalia by the end of March.",
     "The deadline passed without Kenya withdrawing its troops from Somalia.", "withdraw"),
    ("Kenya promised to withdraw its troops from Somalia by the end of March.",
     "Kenya's deadline for the withdrawal passed without the troops being withdrawn.", "withdraw"),
    ("The Arab League demanded on Monday that Libya free the 12 Tunisian fishermen before March 20.",
     "The Arab League's deadline for Libya to free the 12 Tunisian fishermen passed on Sunday without their release.",
     "free"),
]


@pytest.mark.parametrize("pledge,report,verb", _WITHOUT)
def test_f1_act_under_without_is_not_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])
    assert _relations(e) and set(_relations(e)) <= {"stalls"}, e["evidence"]


_F1_ALIKE = [  # the deed done: main's fulfilment stays
    ("The Arab League demanded that Libya free the 12 Tunisian fishermen.",
     "Libya freed the 12 Tunisian fishermen without conditions on Sunday.", "free"),
    ("Kenya promised to withdraw its troops from Somalia by the end of March.",
     "Kenya withdrew its troops from Somalia without incident.", "withdraw"),
    ("The African Union demanded that Sudan's army free the 40 detained journalists.",
     "Bowing to the African Union's demand, Sudan's army freed the 40 journalists on Sunday.", "free"),
]


@pytest.mark.parametrize("pledge,report,verb", _F1_ALIKE)
def test_f1_guard_deed_after_a_demand_is_done(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_f1_unit_asked_for() -> None:
    from gaiko.tracking.askedagain import asked_for
    from gaiko.tracking.text import analyse

    s = "Chile renewed its demand that Bolivia return the seized trucks."
    toks = analyse(s)[0]
    k = next(n for n, t in enumerate(toks) if t.text == "return")
    assert asked_for(s, toks, k) == "demand that"
    s = "Bolivia returned the seized trucks after Chile's demand."
    toks = analyse(s)[0]
    assert asked_for(s, toks, next(n for n, t in enumerate(toks) if t.text == "returned")) is None


# -- F2: harm to the guarded object is no deed --------------------------------------------------------------------------

_HARMED = [
    ("Niger's army chief vowed on Monday to protect all aid convoys travelling to the north.",
     "Gunmen attacked an aid convoy in northern Niger on Thursday, killing three drivers.", "protect"),
    ("Mozambique's defence minister pledged to protect the gas workers in Cabo Delgado.",
     "Insurgents killed four gas workers in Cabo Delgado on Tuesday.", "protect"),
    ("Colombia's president vowed to guard the oil pipeline in Arauca.",
     "Rebels bombed the oil pipeline in Arauca on Sunday.", "guard"),
]


@pytest.mark.parametrize("pledge,report,verb", _HARMED)
def test_f2_harm_to_the_guarded_object_is_no_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])
    assert _relations(e) == ["needs_review"], e["evidence"]


def test_f2_guard_the_guarding_done_stays_fulfilled(tmp_path: Path, coder) -> None:
    e = _one(_story(tmp_path, coder, "Peru's interior minister vowed to protect the copper trucks on the southern highway.",
                    ["Police escorts protected the copper trucks on the southern highway all week."]), "protect")
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


def test_f2_unit_only_a_guard_pledge() -> None:
    from gaiko.tracking.harmed import harm_to_guarded
    from gaiko.tracking.normalise import Frame

    def fr(verb: str, acts: set[str]) -> Frame:
        return Frame(doer="COL", other=None, acts=frozenset(acts), objects=frozenset({"pipelin"}), topic=frozenset(),
                     heads=frozenset(), participants=frozenset(), verb=verb, kind="promise", quantity=None,
                     deadline_end=None, first_published=None, until=None)

    assert harm_to_guarded(fr("guard", set()), "Rebels bombed the pipeline.") == "bombed"
    assert harm_to_guarded(fr("build", {"a:build"}), "Rebels bombed the pipeline.") is None
    assert harm_to_guarded(fr("secure", {"a:protect", "a:release"}), "Gunmen killed a hostage.") is None


# -- F3: lifting a stop, done by the thing restored ----------------------------------------------------------------------

_LIFTED = [
    ("In return, Guinea promised to lift the suspension of the company's mining licence at Boke.",
     "The government restored the company's mining licence at Boke on Friday.", "fulfilled"),
    ("Bolivia promised to lift the ban on beef exports by June.", "Bolivia resumed beef exports on Monday.", "fulfilled"),
    ("Indonesia pledged to lift the suspension of the Australian broadcaster's operating permit.",
     "Indonesia reinstated the Australian broadcaster's operating permit on Friday.", "fulfilled"),
]

_LIFTED_ALIKE = [  # main's readings kept: the stop renewed, extended or reimposed; a plain lifting
    ("Indonesia pledged to lift the suspension of the Australian broadcaster's operating permit.",
     "Indonesia renewed the suspension of the Australian broadcaster's operating permit on Friday.", "broken"),
    ("India promised to lift the ban on onion exports before the festival season.",
     "India extended the ban on onion exports by three months.", "broken"),
    ("Serbia agreed to lift the ban on Kosovo goods.", "Serbia reimposed the ban on Kosovo goods on Friday.", "broken"),
    ("Peru promised to lift its ban on imports of Chilean poultry and eggs by March.",
     "Peru's ban on Chilean poultry and eggs remains in force, and trade officials of the two countries have not met on "
     "it since January, officials in Lima said.", "stalled"),
    ("The European Union promised to lift the sanctions on Syrian banks.",
     "The EU lifted the sanctions on Syrian banks on Monday.", "fulfilled"),
]


@pytest.mark.parametrize("pledge,report,want", _LIFTED + _LIFTED_ALIKE)
def test_f3_lifting_a_stop(tmp_path: Path, coder, pledge: str, report: str, want: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), "lift")
    assert e["status"] == want, (e["status"], e["status_reason"])


def test_f3_unit_lifted_stop() -> None:
    from gaiko.tracking.doubleneg import lifted_stop

    assert lifted_stop({"a:remove"}, " the suspension of the permit") == {"a:resume"}
    assert lifted_stop({"a:remove"}, " the ban on rice exports") == {"a:resume"}
    assert lifted_stop({"a:remove"}, " the sanctions on the bank") == set()
    assert lifted_stop({"a:impose"}, " the ban on rice exports") == set()


# -- F4: talks called off -------------------------------------------------------------------------------------------------

_CALLED_OFF = [
    ("Ethiopia and Kenya will hold talks in Nairobi on 12 May on the border dispute.",
     "Ethiopia called off the talks with Kenya planned for Wednesday in Nairobi.", "ETH", "KEN"),
    ("Eritrea and Sudan will hold talks in Asmara next month on the refugee camps.",
     "Eritrea cancelled the talks with Sudan that had been planned for next week.", "ERI", "SDN"),
]


@pytest.mark.parametrize("pledge,report,off,other", _CALLED_OFF)
def test_f4_talks_called_off(tmp_path: Path, coder, pledge: str, report: str, off: str, other: str) -> None:
    got = {e["actor"]["country"]: e for e in _story(tmp_path, coder, pledge, [report]) if e["action"].startswith("hold")}
    assert set(got) == {off, other}, got.keys()
    assert got[off]["status"] == "withdrawn", (got[off]["status"], got[off]["status_reason"])
    assert got[other]["status"] == "stalled", (got[other]["status"], got[other]["status_reason"])


_CALLED_OFF_ALIKE = [  # main's readings kept: talks with a third country called off; the talks held
    ("Ethiopia and Kenya will hold talks in Nairobi on 12 May on the border dispute.",
     "Ethiopia called off its talks with Somalia planned for Wednesday in Mogadishu.", "open"),
    ("Ethiopia and Kenya will hold talks in Nairobi on 12 May on the border dispute.",
     "Ethiopia's prime minister held talks with Kenya's president in Nairobi on the border dispute on Tuesday.",
     "fulfilled"),
]


@pytest.mark.parametrize("pledge,report,want", _CALLED_OFF_ALIKE)
def test_f4_guard_other_talks(tmp_path: Path, coder, pledge: str, report: str, want: str) -> None:
    got = [e for e in _story(tmp_path, coder, pledge, [report]) if e["action"].startswith("hold")]
    assert got and all(e["status"] == want for e in got), [(e["status"], e["status_reason"]) for e in got]


def test_f4_unit_talks_off() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.talksoff import talks_off, talks_off_key

    lex = lexicon()
    assert talks_off("Peru postponed the summit with Chile.", lex)
    assert talks_off("The talks between Peru and Chile were cancelled.", lex)
    assert not talks_off("Peru and Chile held talks in Lima.", lex)
    assert talks_off_key("KEN/OPP") == talks_off_key("KEN")
