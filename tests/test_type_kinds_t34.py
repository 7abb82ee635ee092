"""A commitment noun with a to-infinitive as the object of a verb that states it (issue 12, round t34): "made a
pledge to crush the rebels" is the intention of its complement, THREATEN when the intended act is harmful and AGREE
when it is cooperative (PLOVER's convention, as for "pledged to crush"), not the model's reading of "made" (CONSULT,
AID, REQUEST) nor no event (docs/rounds/accuracy.md, "Kinds round t34"). Sentences of our own, never gold ones. The kind's
sentences fail on main e1e2646; the look-alikes ("made a bid to", "made a visit to", "broke its promise to") keep
their type there and here ("a plan to" is no commitment)."""

from __future__ import annotations

import pytest

from gaiko.evaluate.scoring import primary
from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- the kind: failed before (CONSULT, AID, REQUEST, REJECT or no event)
@pytest.mark.parametrize("text,want", [
    ("The army chief made a pledge to crush the rebels.", "THREATEN"),
    ("The army chief made a promise to crush the rebels.", "THREATEN"),
    ("Japan made a pledge to provide $2 billion in aid to Ukraine.", "AGREE"),
    ("The rebels made a pledge to release the hostages.", "AGREE"),
    ("The government made a promise to lift the curfew by Friday.", "AGREE"),
    ("Iran's foreign minister made a threat to close the Strait of Hormuz.", "THREATEN"),
    ("The militia leader made a vow to attack the capital before the rainy season.", "THREATEN"),
    ("The junta reiterated its pledge to release the detained journalists.", "AGREE"),
    ("The junta reiterated its pledges to release the detained journalists.", "AGREE"),
    ("The colonel made a promise to punish the protesters who blocked the highway.", "THREATEN"),
    ("Ankara renewed its pledge to impose sanctions on the traders.", "THREATEN"),
    ("The rebels gave an undertaking to free the aid workers.", "AGREE"),
    ("The prime minister made a promise to meet the strikers' leaders.", "AGREE"),
    ("Tehran repeated its threat to expel the inspectors.", "THREATEN"),
    ("The general made a vow to destroy the insurgents.", "THREATEN"),
    ("The army chief made promises to crush the rebels.", "THREATEN"),
    ("The Kremlin announced its intention to hold talks with Kyiv.", "AGREE"),
])
def test_commitment_noun_t34(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# a stated commitment the stating verb negates: the coder's reading of "did not pledge to send" by its rules (a
# refusal, as "will not send"), not the model's REJECT at "make" by chance; PLOVER: "All rejections and refusals"
def test_commitment_noun_negated_t34(coder):
    text = "Japan did not make a pledge to send troops."
    evs = _events(coder, text)
    p = primary(evs)
    assert p is not None and p.event_type == "REJECT" and p.pattern.endswith("+refuse"), _show(coder, text)


# -- fine before and after: the kind's verb form, and the noun forms that were already right
@pytest.mark.parametrize("text,want", [
    ("Japan made a commitment to provide $2 billion in aid to Ukraine.", "AGREE"),
    ("Russia's threat to cut gas supplies alarmed Europe.", "THREATEN"),
    ("The army chief pledged to crush the rebels.", "THREATEN"),
    ("Moscow renewed its threat to cut gas supplies to Moldova.", "THREATEN"),
    ("Seoul made pledges to rebuild schools in Gaza.", "AGREE"),
    ("The army chief gave a promise to crush the rebels.", "THREATEN"),
    ("Canada made a commitment to send engineers to help Haiti rebuild its ports.", "AGREE"),
    ("The minister issued a pledge to expel the diplomats.", "THREATEN"),
    ("Beijing reaffirmed its commitment to hold talks with Hanoi.", "AGREE"),
    ("Hezbollah made a threat to fire rockets at Haifa.", "THREATEN"),
    ("The two leaders made a pledge to cooperate on border security.", "AGREE"),
    ("Egypt made an offer to mediate between Sudan's warring sides.", "AGREE"),
])
def test_commitment_noun_unchanged_t34(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- look-alikes: nouns that are no commitments, other objects of "make", the pledge itself as subject, a promise
# kept or broken; their type on main e1e2646, right or wrong, is not this round's to change
@pytest.mark.parametrize("text,want", [
    ("The minister made a bid to save the talks.", None),
    ("The army made an attempt to crush the rebels.", "ASSAULT"),
    ("The president made a visit to Hanoi on Tuesday.", "CONSULT"),
    ("The Red Cross made a request for access to the prisoners.", "REQUEST"),
    ("Norway made an offer of talks to both sides.", "AGREE"),
    ("The pledge was made in Paris.", None),
    ("The government made a decision to raise fuel prices.", None),
    ("The opposition made an effort to block the bill.", None),
    ("Parliament upheld the right to protest peacefully.", "SUPPORT"),
    ("The cabinet made a move to ban the party.", "CONCEDE"),
    ("Kenya broke its promise to withdraw troops from Somalia.", "SANCTION"),
    ("Kenya kept its promise to withdraw troops from Somalia.", None),
    ("After weeks of strikes, the Dutch cabinet gave up its promise to cut pensions.", "CONCEDE"),
    # a plan is no commitment: its act is coded as itself, intended (or not at all)
    ("The ministers made a plan to visit Kabul.", None),
    ("China's navy announced plans to send two aircraft carriers into the Indian Ocean.", "MOBILIZE"),
    ("The airline announced plans to expand its fleet of jets.", None),
])
def test_commitment_noun_look_alikes_t34(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
