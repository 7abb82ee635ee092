"""Kinds of primary-type error on an unseen writer's sentences (issue 12, round t32): sentences of our own, never
gold ones (docs/rounds/accuracy.md, "Kinds round t32"). Kind A: an act noun of a pledge, a ratification, a freeing, a
massacre or an expropriation as the subject of its sentence, or an act noun with the verbs make (passive), see
(passive) or bring ("Pledges of ... were made by donors", "The ratification of ... was seen as a boost"), left the
sentence without an event (``gaiko/data/primary/subject_acts.yaml``). The sentences of the kind fail on main
0b5fe7f; the look-alikes must keep their type or stay without an event. Kind B: withholding information ("declined
to say when ...", "gave no indication of ...") is no act (``retype.yaml``, ``withheld_*``)."""

from __future__ import annotations

import pytest

from helpers import primary_type as _primary, show_events as _show


# -- kind A: act nouns as subjects (failed before: no event)
@pytest.mark.parametrize("text,want", [
    ("Pledges of 300 million euros for Libya's water network were made by Gulf lenders meeting in Rome.", "AGREE"),
    ("The ratification of the border treaty by Peru and Ecuador was seen as a turning point.", "SUPPORT"),
    ("The freeing of 40 fishermen held by Eritrea was confirmed by the Yemeni coast guard.", "RETREAT"),
    ("The massacre of 60 villagers in Ituri by ADF fighters came to light a week later.", "ASSAULT"),
    ("Bolivia's expropriation of the Spanish-owned power grid angered Madrid.", "COERCE"),
])
def test_subject_acts_t32(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("The ratification of the treaty would take two more years.", None),  # a forecast
    ("Pledges of support were a feature of every summit speech.", None),  # copular description
    ("The massacre of 1982 is taught in every school.", None),  # history told now, no verb of occurring
    ("Donors pledged 300 million euros for Libya's water network in Rome.", "AGREE"),
    ("Rebels massacred 60 villagers in Ituri on Sunday.", "ASSAULT"),
])
def test_subject_acts_t32_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind B: withholding information is no act (failed before: REJECT, AGREE or COERCE)
@pytest.mark.parametrize("text", [
    "The foreign ministry declined to say when the consulate would reopen.",
    "The two governments gave no indication of a date for the talks.",
    "A navy spokesman declined to comment on how many ships had been sent.",
])
def test_withheld_information(coder, text):
    assert _primary(coder, text) is None, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Hungary declined to give visas to the delegation.", "REJECT"),
    ("The rebels refused to meet the envoy in Goma.", "REJECT"),
    ("The embassy refused to confirm whether the detained reporter was alive.", "REJECT"),
    ("Seoul gave no ground on the fishing quota and rejected the proposal.", "REJECT"),
])
def test_withheld_information_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
