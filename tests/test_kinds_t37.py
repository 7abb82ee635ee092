"""Kinds of the newest studied batches (issue 12, round t37; docs/rounds/accuracy.md, "Kinds round t37").
Sentences of our own, never corpus or gold ones. The sentences of each kind failed on main 2ad3317 (model e40); the
look-alikes keep main's coding."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- A: bringing a person before a court (ACCUSE): arraign, put on trial (accuse.yaml, firm) ----------------------
@pytest.mark.parametrize("text", [
    "Two Kenyan customs officers were arraigned in Mombasa on smuggling charges.",
    "Four police officers were arraigned in a Karachi court over the death of a detainee.",
    "Nine former Zambian ministers were arraigned on corruption charges in Lusaka.",
    "Eleven coup plotters were put on trial before a military court in Bamako.",
    "Tunisia's former prime minister was put on trial in absentia for graft.",
    "The ousted Bolivian interior minister was put on trial in La Paz over the killing of miners.",
])
def test_court_charging_is_accuse(coder, text):
    assert _primary(coder, text) == "ACCUSE", _show(coder, text)


# -- B: a court's sentence told by a verb of giving (SANCTION 'convict'; accuse.yaml accuse.sentence_given) ---------
@pytest.mark.parametrize("text", [
    "A revolutionary court in Tehran handed down five-year prison terms to three environmental activists.",
    "Two judges of the Minsk city court gave long jail sentences to opposition bloggers.",
    "The court martial handed down death sentences to the nine mutineers.",
    "The tribunal handed a ten-year jail term to the former governor.",
    "A court in Baku gave the journalist a nine-year prison sentence.",
    "A Harare magistrate gave the union leader a suspended sentence for organising the strike.",
])
def test_sentence_given_is_sanction(coder, text):
    assert _primary(coder, text) == "SANCTION", _show(coder, text)


# -- C: "told X to <act>" is an order (REQUEST; request.yaml request.tell_to, field `infinitive`) -----------------
@pytest.mark.parametrize("text", [
    "The teachers' union told its members to return to classrooms on Monday.",
    "The electoral commission was told by the court to recount the ballots in two districts.",
    "The Kenyan opposition told the president to call early elections.",
    "The striking dockers were told by their union to end the blockade of the port.",
    "Greece told Ankara to recall its survey ship from the disputed waters.",
    "The Uruguayan bishops told the government to reopen the inquiry into the disappearances.",
])
def test_told_to_is_request(coder, text):
    assert _primary(coder, text) == "REQUEST", _show(coder, text)


# -- D: act nouns of support, concession and condemnation as subjects (subject_acts.yaml) ------------------------
@pytest.mark.parametrize("text,want", [
    ("The normalisation of ties between Israel and Sudan was celebrated in Khartoum with a state banquet.", "SUPPORT"),
    ("The normalisation of diplomatic relations between Riyadh and Tehran was confirmed by both foreign ministries.",
     "SUPPORT"),
    ("An affirmation of Somalia's sovereignty by the African Union summit passed unanimously.", "SUPPORT"),
    ("Swift denunciations of the Guinean coup followed from Abuja and the African Union.", "ACCUSE"),
    ("Denunciations of the vote count by the European Parliament began within hours.", "ACCUSE"),
    ("The unbanning of the opposition party by the Zambian government was confirmed by the interior minister.",
     "CONCEDE"),
])
def test_subject_act_nouns(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- E: an act received is the giver's act, typed by what is received (retype.yaml rule 13 receive_act) -----------
@pytest.mark.parametrize("text,want", [
    ("Opposition journalists in Harare received anonymous threats from the ruling party's youth wing.", "THREATEN"),
    ("The Serbian president received an apology from Zagreb over the border incident.", "CONCEDE"),
    ("Tenant farmers in Haiti received credit from a Canadian charity.", "AID"),
    ("The newly elected Chilean president received congratulations from Lula and Petro.", "SUPPORT"),
    ("The Kuwaiti ministry received a formal complaint from Baghdad over the border markers.", "ACCUSE"),
    ("The Thai embassy received an urgent request from Phnom Penh for medical supplies.", "REQUEST"),
])
def test_received_acts(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- F: forecasts and opinions of polls, surveys and editorials are no events (traps.yaml analysts) --------------
@pytest.mark.parametrize("text", [
    "Two surveys for the Tribune indicate the senator would beat the governor comfortably.",
    "Every poll since March suggests the Labour leader would beat the prime minister on turnout alone.",
    "Polls indicate the opposition alliance would thrash the ruling party in Lagos.",
    "A new poll shows the senator would beat the governor by twelve points.",
    "Sanctions would only push Caracas closer to Moscow, the Sunday editorial argued.",
    "A strike on the reactor would set off a regional war, the editorial warned.",
])
def test_poll_and_editorial_forecasts_are_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


# -- look-alikes: main's coding stays --------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    # A
    ("The documentary brought the forgotten trial to a wide audience.", None),
    ("Prosecutors in Nairobi arraigned two customs officers on smuggling charges.", "ACCUSE"),   # right before
    ("Lebanon brought the central bank's former governor to trial on embezzlement charges.", "ACCUSE"),
    ("The former Guatemalan defence minister was brought to trial for the massacres of the 1980s.", None),  # dropped
    # B
    ("The governor handed pardons to forty prisoners serving long sentences.", "CONCEDE"),
    ("The coach handed the captain's armband to the young defender.", None),
    # C: a verb of saying without an infinitive, an ultimatum, a passive with no one asking
    ("The survivors told investigators how the ferry sank.", None),
    ("The minister told reporters that the talks had failed.", "REJECT"),  # reject.talks_failed (round a36)
    ("The governor told the illegal miners to leave the reserve or face arrest.", "THREATEN"),
    ("The Russian consulate in Narva was told to cut its staff to five diplomats.", "SANCTION"),
    ("The spokesman told reporters to expect a decision next week.", None),
    # E: a visitor received, a card, a negated receipt
    ("The King of Jordan received the Iraqi prime minister in Amman.", "CONSULT"),
    ("The striker received a red card in the second half.", None),
    ("Ukraine has not received the promised loan from the European Union.", "AID"),
    # F: a team that surveys, polls that open, an editorial board that acts
    ("The survey team said militiamen had burned the village.", "ASSAULT"),
    ("Polls opened at 7 a.m. and police arrested two men for ballot stuffing.", "COERCE"),
    ("The editorial board of the state newspaper called for the opposition leader's arrest.", "REQUEST"),
    # D
    ("The normalisation of prices after the harvest surprised traders.", None),
    ("The normalisation of relations remains unlikely, analysts said.", None),
    ("Denunciations are rare in the village, the mayor said.", None),
])
def test_lookalikes_keep_their_coding(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_sentence_of_a_speech_is_no_court_act(coder):
    # B's object must be a court's sentence: on main this was CONCEDE (the model at "gave"); never SANCTION
    text = "The editor gave the final sentence of the speech to a translator."
    assert all(e.event_type != "SANCTION" for e in _events(coder, text)), _show(coder, text)


def test_entry_fields_are_read():
    from gaiko.pipeline.triggers import default_lexicon

    lex = default_lexicon()
    assert lex.entries["request.tell_to"].infinitive
    assert all(lex.entries[k].firm for k in ("accuse.arraign", "accuse.put_on_trial", "accuse.sentence_given"))
    assert not any(w.endswith("_to") and w.startswith("tell") for w in lex.entries["request.demand"].verbs)
