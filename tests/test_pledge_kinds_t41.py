"""Round t41: pledge extraction and tracker kinds a newcomer (round b38, a South Caucasus / Central Asia analyst) found
on articles of their own (F6, F7, F8, F16, F17). Our own sentences of each kind (other countries, topics and
wordings), never b38's, with look-alikes that keep main's reading.

F8. Spurious pledges. (a) A future the subject will undergo at others' hands ("the interior ministry said the six
    sailors would stand trial", "would face charges") was the subject's country's pledge; it is no pledge unless the
    speaker is of the subject's side (``pledge_guards.others_fate``). (b) A vague act of response under a negative
    condition ("London would act within days if the jailed protesters were not freed") was a promise with no deadline:
    it is a threat (``pledge_force.response_threat``) and "within days" a symbolic deadline (``deadlines._VAGUE``).
    (c) "said Georgia would not repeal the law": "repeal" was in no refusal list, so a negated modal of it was a pledge
    to refrain; it is a refusal now (``modal_forms.yaml`` ``refusal_verbs``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import ledger_entries


def _pledges(coder, text: str, published: dt.date = dt.date(2026, 3, 2)) -> list:
    from gaiko.types import Article

    return coder.code_article(Article(text=text, title=None, published=published)).pledges


# -- F8a: a fate others impose is no pledge of its subject ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A police spokesman in Nairobi said the four Ugandans would face charges of smuggling.",
    "Prosecutors in Ankara said the two Greek sailors would go on trial next month.",
])
def test_f8a_fate_of_others_no_pledge(coder, text: str) -> None:
    assert not _pledges(coder, text), [(p.actor.name, p.action) for p in _pledges(coder, text)]


@pytest.mark.parametrize("text", [
    "The three Bolivian miners will stand trial in Chile next month.",
    "The lawyer said his clients would stand trial in Lusaka.",
])
def test_f8a_no_pledge_as_on_main(coder, text: str) -> None:
    """No side or no speaker's side: no pledge on main either (guards of the guard)."""
    assert not _pledges(coder, text)


@pytest.mark.parametrize("text,verb", [
    ("Kenya said its soldiers would face a court martial.", "face"),  # the speaker's own side
    ("Uganda's army spokesman said the soldiers would face a court martial.", "face"),  # a titled speaker of the side
    ("Manila said it would bring the Chinese fishermen to trial by June.", "bring"),  # the prosecutor's act
    ("Ghana said it would face down the protesters.", "face"),
])
def test_f8a_lookalikes_keep_their_pledge(coder, text: str, verb: str) -> None:
    assert [p for p in _pledges(coder, text) if p.action.startswith(verb)]


def test_f8a_passive_fate_stays_the_speakers(coder) -> None:
    """Round e36's kind: a passive done to the subject is the speaker's act ("would be deported")."""
    got = _pledges(coder, "Peru's interior minister said the 12 Chilean fishermen would be deported next week.")
    assert [(p.actor.country, p.action) for p in got] == [("PER", "deport the 12 Chilean fishermen")]


# -- F8b: a response under a negative condition is a threat with its deadline -------------------------------------------

@pytest.mark.parametrize("text,country", [
    ("The Canadian foreign minister said Ottawa would act within days if the detained journalists were not released.",
     "CAN"),
    ("Canberra said it would respond within weeks unless the fishermen were freed.", "AUS"),
    ("Ankara would take measures within days if the ships did not leave, the minister said.", "TUR"),
])
def test_f8b_conditional_response_is_a_threat(coder, text: str, country: str) -> None:
    got = [p for p in _pledges(coder, text) if p.actor.country == country]
    assert len(got) == 1 and got[0].kind == "threat", [(p.kind, p.action) for p in got]
    assert got[0].deadline is not None and got[0].deadline.text.startswith("within"), got[0].deadline


def test_f8b_conditional_promise_stays_a_promise(coder) -> None:
    got = _pledges(coder, "Tokyo said it would act quickly if asked by Manila.")
    assert [p.kind for p in got] == ["promise"]


def test_f8b_within_days_is_symbolic() -> None:
    from gaiko.deadlines import normalise_deadline

    d = normalise_deadline("within days", "2026-03-02")
    assert d is not None and d.granularity == "symbolic" and d.end is None
    assert normalise_deadline("within ten days", "2026-03-02").end == "2026-03-12"


# -- F8c: a law not repealed is a refusal -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The president said Moldova would not repeal the language law.",
    "Hungarian officials said Budapest would never annul the media decree.",
])
def test_f8c_law_not_repealed_no_pledge(coder, text: str) -> None:
    assert not _pledges(coder, text), [(p.actor.name, p.action) for p in _pledges(coder, text)]


def test_f8c_repeal_and_refrain_lookalikes(coder) -> None:
    assert [p.action for p in _pledges(coder, "Kenya said it would repeal the finance law by June.")] == \
        ["repeal the finance law"]
    assert [p.action for p in _pledges(coder, "Ghana said it would not tax remittances.")] == ["not tax remittances"]


# -- F16: suspending a benefit one grants is coercion --------------------------------------------------------------------

@pytest.mark.parametrize("text,verb", [
    ("Washington threatened to suspend visa-free entry for Nicaraguan officials.", "suspend"),
    ("The European Union threatened on Tuesday to freeze aid to Kampala over the crackdown.", "freeze"),
    ("Canberra said it would suspend trade preferences for Fiji unless the detained journalist was freed.", "suspend"),
])
def test_f16_withheld_benefit_is_coercion(coder, text: str, verb: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert got and all(p.event_type == "COERCE" for p in got), [(p.action, p.event_type) for p in got]


@pytest.mark.parametrize("text,verb", [
    ("Seoul said it would suspend tariffs on Vietnamese shrimp.", "suspend"),
    ("Ottawa said it would lift the sanctions on the airline by June.", "lift"),
])
def test_f16_undoing_a_sanction_stays_concede(coder, text: str, verb: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert got and all(p.event_type == "CONCEDE" for p in got), [(p.action, p.event_type) for p in got]


# -- F6: pledges a body's schedule, a decision or a demand of a noun hid ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kyrgyzstan and Tajikistan signed a water-sharing protocol on Monday. Under the protocol, a joint water commission "
    "will hold its first session by May 15.",
    "Kyrgyzstan and Tajikistan signed a water-sharing protocol on Monday. A joint water commission will meet before "
    "April 30.",
])
def test_f6a_joint_body_bound_session_is_its_parties_pledge(coder, text: str) -> None:
    got = _pledges(coder, text)
    assert sorted(p.actor.country for p in got) == ["KGZ", "TJK"], [(p.actor.name, p.action) for p in got]
    assert all(p.deadline is not None and p.deadline.granularity == "day" for p in got)


def test_f6a_bound_session_without_parties_named(coder) -> None:
    got = _pledges(coder, "Under the accord, the joint boundary commission will hold its first meeting by June 12.")
    assert [p.action for p in got] == ["hold its first meeting"] and got[0].deadline.end == "2026-06-12"


@pytest.mark.parametrize("text", [
    "The review panel will hold its first meeting in May.",
    "The joint commission will meet in October.",
])
def test_f6a_session_on_a_schedule_stays_no_pledge(coder, text: str) -> None:
    assert not _pledges(coder, text)


def test_f6b_decision_due_by_a_term(coder) -> None:
    got = _pledges(coder, "The African Union will decide on the suspension of Gabon by March 20, a spokesman said.")
    assert [p.action.split()[0] for p in got] == ["decide"], [(p.actor.name, p.action) for p in got]
    assert got[0].deadline is not None and got[0].deadline.end == "2026-03-20"
    assert not _pledges(coder, "The central bank will decide on rates in due course.")


@pytest.mark.parametrize("text,actor,action,target", [
    ("Iran seized two Greek tankers in the Gulf. Athens demanded the return of the tankers and their crews.",
     "GRC", "return the tankers and their crews", "IRN"),
    ("Venezuela detained nine Colombian fishermen on Sunday. Colombia's foreign ministry demanded the immediate release "
     "of the detained fishermen.", "COL", "release the detained fishermen", "VEN"),
    ("Kenya called for the withdrawal of Ugandan troops from the island.", "KEN", "withdraw Ugandan troops", "UGA"),
])
def test_f6c_demand_of_an_act_noun(coder, text: str, actor: str, action: str, target: str) -> None:
    got = [p for p in _pledges(coder, text) if p.kind == "demand"]
    assert [(p.actor.country, p.action, p.target and p.target.country) for p in got] == [(actor, action, target)]


def test_f6c_lookalikes(coder) -> None:
    assert not _pledges(coder, "The union demanded an apology from the minister.")
    got = [p for p in _pledges(coder, "Chile's foreign ministry demanded the release of the detained Chileans.")
           if p.kind == "demand"]
    assert len(got) == 1 and got[0].target is None  # the object's own country is not the one asked


# -- F7: a broader word of the object in another future is no restatement; one promise told twice is one entry ----------

_F7 = [{"id": "a1", "published": "2026-03-02", "source": "Wire A",
        "text": "Kazakhstan said on Monday it would release four Kyrgyz detainees within two weeks."},
       {"id": "a2", "published": "2026-03-05", "source": "Wire B",
        "text": "Kazakhstan and Kyrgyzstan traded accusations after a Kazakh airliner crashed near Osh, killing 30 "
                "people. Kyrgyz air defence had hit the plane, Kazakh officials said. The Kyrgyz government said "
                "Bishkek would compensate the relatives of those killed."},
       {"id": "a3", "published": "2026-03-09", "source": "Wire C",
        "text": "Kyrgyzstan promised that it would pay compensation to the families of the victims."}]


def test_f7_relatives_no_restatement_of_a_release(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _F7)
    rel = [e for e in entries if e["action"].startswith("release")]
    assert len(rel) == 1
    texts = [ev.get("sentence") or "" for ev in rel[0]["evidence"] if ev.get("relation") == "restates"]
    assert not any("compensat" in t for t in texts), texts


def test_f7_two_tellings_of_compensation_one_entry(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _F7)
    comp = [e for e in entries if "compensat" in e["action"]]
    assert len(comp) == 1, [e["action"] for e in comp]
    assert "restates" in [ev.get("relation") for ev in comp[0]["evidence"]]


def test_f7_the_people_named_narrowly_still_one_entry(tmp_path: Path, coder) -> None:
    arts = [_F7[0], {"id": "a2", "published": "2026-03-05", "source": "Wire B",
                     "text": "The Kazakh interior ministry said Astana would release the Kyrgyz detainees within two "
                             "weeks."}]
    rel = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith("release")]
    assert len(rel) == 1 and {"restates", "revises"} & {ev.get("relation") for ev in rel[0]["evidence"]}, \
        [(ev.get("relation"), ev.get("sentence")) for e in rel for ev in e["evidence"]]


# -- F17: parts of a month are day deadlines; another act's term revises nothing -----------------------------------------

@pytest.mark.parametrize("text,start,end", [
    ("by mid-October", "2026-09-20", "2026-10-15"),
    ("by early November", "2026-09-20", "2026-11-10"),
    ("by late October", "2026-09-20", "2026-10-31"),
    ("in mid-October", "2026-10-11", "2026-10-20"),
    ("in early March 2027", "2027-03-01", "2027-03-10"),
    ("by the middle of December", "2026-09-20", "2026-12-15"),
    ("by mid-September", "2026-09-20", "2027-09-15"),
])
def test_f17_part_of_a_month_is_a_day_deadline(text: str, start: str, end: str) -> None:
    from gaiko.deadlines import normalise_deadline

    d = normalise_deadline(text, "2026-09-20")
    assert (d.start, d.end, d.granularity) == (start, end, "day"), d


def test_f17_month_and_year_parts_unchanged() -> None:
    from gaiko.deadlines import normalise_deadline

    assert normalise_deadline("by October", "2026-09-20").granularity == "month"
    assert normalise_deadline("mid-2027", "2026-09-20").end == "2027-08-31"


_GUARDS = {"id": "a1", "published": "2026-09-21", "source": "Wire A",
           "text": "Tajikistan said on Monday it would release the five Kyrgyz border guards within two weeks."}


@pytest.mark.parametrize("later", [
    "Tajik officials said Dushanbe would allow Kyrgyz diplomats to visit the five border guards by mid-October.",
    "Tajik officials said Dushanbe would move the five Kyrgyz border guards to a prison in Khujand by mid-October.",
])
def test_f17_another_act_with_a_term_is_no_revision(tmp_path: Path, coder, later: str) -> None:
    arts = [_GUARDS, {"id": "a2", "published": "2026-09-24", "source": "Wire B", "text": later}]
    rel = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith("release")]
    assert len(rel) == 1 and rel[0]["deadline"]["end"] == "2026-10-05", rel[0]["deadline"]
    assert "revises" not in [ev.get("relation") for ev in rel[0]["evidence"]]


def test_f17_same_act_by_mid_month_revises(tmp_path: Path, coder) -> None:
    arts = [_GUARDS, {"id": "a2", "published": "2026-09-24", "source": "Wire B",
                      "text": "Tajik officials said Dushanbe would hand over the five Kyrgyz border guards to Bishkek "
                              "by mid-October."}]
    rel = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith("release")]
    assert len(rel) == 1 and rel[0]["deadline"]["end"] == "2026-10-15", rel[0]["deadline"]
    assert "revises" in [ev.get("relation") for ev in rel[0]["evidence"]]
