"""Kinds of primary-type error shared by the definition-written batches 30, 32 and 34 (issue 12, round t33):
sentences of our own, never gold ones (docs/rounds/accuracy.md, "Kinds round t33"). Kind A: PLOVER's COERCE modes told
by a verb and its object (withholding public goods, censorship, emergency rule: ``coerce.yaml``, ``retype.yaml``
rules 11). Kind B: cyber attacks as subjects and influence campaigns (COERCE; ``subject_acts.yaml`` ``means``,
``coerce.influence_campaign``). Kind C: apologies told without "apologise" ("said sorry", "was sorry", "asked
forgiveness": CONCEDE; ``concede.sorry``, ``concede.forgiveness``). Kind D: a meeting told by its length
("spent three hours with": CONSULT; ``consult.spend_with``). The sentences of each kind fail on main 6372fc3;
the look-alikes must keep their type or stay without an event."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- kind A: COERCE modes withhold, censor, martial-law (failed before: REJECT, AID, CONCEDE, MOBILIZE, SANCTION)
@pytest.mark.parametrize("text", [
    "The prison authorities denied medical care to the jailed opposition leader.",
    "Belgrade withheld the pensions of Kosovo Serbs for a second month.",
    "Censors in Moscow removed articles about the mutiny from news sites.",
    "The Peruvian government placed Lima under a state of emergency as the protests grew.",
    "Madrid imposed direct rule on the region.",
])
def test_coerce_modes_t33(coder, text):
    assert _primary(coder, text) == "COERCE", _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("The government lifted the state of emergency in the capital.", "CONCEDE"),
    ("The ministry denied the report.", "REJECT"),
    ("The donors cut off aid to the junta.", "SANCTION"),  # a donor's aid is no public good withheld
    # round t35: withholding a contribution is SANCTION (manual, REJECT: "Withdrawal of military aid or other
    # assistance is coded as SANCTION"); this line said AID, the type model e34's draft
    ("Germany withheld its contribution to the fund.", "SANCTION"),
    ("The newspaper removed the article after a complaint from the embassy.", None),  # "remove" is no trigger
    ("The ministry denied visas to the visiting reporters.", "REJECT"),  # visas are no public good withheld
])
def test_coerce_modes_t33_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind B: cyber attacks and influence campaigns (failed before: no event, or THREATEN)
@pytest.mark.parametrize("text", [
    "A ransomware attack crippled the Irish health service's computers.",
    "Beijing waged an influence campaign against Taiwan's opposition.",
])
def test_cyber_t33(coder, text):
    assert _primary(coder, text) == "COERCE", _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("The storm crippled the island's power grid.", None),  # no means noun: weather
    ("Sanctions crippled the Iranian economy.", None),
    ("The senator ran a campaign focused on jobs.", None),  # an election campaign
    ("A drone attack hit the refinery.", "ASSAULT"),
    ("A ransomware attack could cripple the hospital's computers.", None),  # a possibility
])
def test_cyber_t33_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind C: apologies (failed before: no event, or REQUEST)
@pytest.mark.parametrize("text", [
    "The Finnish prime minister said he was sorry for the treatment of Roma children in state homes.",
    "The interior minister said sorry to the families of the miners in a speech to parliament.",
    "The emperor asked forgiveness of the Korean people for the occupation.",
    "The chancellor begged forgiveness for the crimes of the regime in a speech in Warsaw.",
])
def test_apology_t33(coder, text):
    assert _primary(coder, text) == "CONCEDE", _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Many voters feel sorry for the ousted mayor.", None),  # pity
    ("The president said he was confident that the talks would succeed.", None),
    ("The envoy asked for a pardon for the jailed journalist.", "REQUEST"),  # asking someone to pardon
    ("Canada apologised to the Inuit for the forced relocations.", "CONCEDE"),
])
def test_apology_t33_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_sorry_to_hear_is_no_apology(coder):
    """"sorry to hear" (an infinitive) is no apology: no CONCEDE at "sorry"."""
    text = "The foreign minister said she was sorry to hear of the earthquake."
    assert "CONCEDE" not in [e.event_type for e in _events(coder, text)], _show(coder, text)


# -- kind D: a meeting told by its length (failed before: no event)
def test_meeting_by_length_t33(coder):
    text = "Scholz spent three hours with Xi in Beijing, a meeting that produced no statement."
    assert _primary(coder, text) == "CONSULT", _show(coder, text)


@pytest.mark.parametrize("text", [
    "She spent three years with the company before entering politics.",  # a career: no unit of a day or less
    "The governor spent the morning inspecting flood defences.",  # no "with"
])
def test_meeting_by_length_t33_look_alikes(coder, text):
    assert _primary(coder, text) is None, _show(coder, text)
