"""Kinds round t41 (brief t41): the look-alikes where the type model e44 drafted an act no rule decides.

Each sentence is our own (no corpus sentence). Each failed on main ab93080 (the type model e44): see the comments.
"""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- A: an act noun told as a possibility, a lasting state or a failure gets no event of the model ---------------
# (standdown.yaml). These failed on main: e44 drafted COERCE, PROTEST or CONSULT at the noun.
@pytest.mark.parametrize("text", [
    "A cyberattack could paralyse the port's cargo systems for days.",
    "A general strike might shut down the copper mines of Zambia.",
    "Negotiations with the IMF have stalled, the finance minister told parliament.",
])
def test_told_not_done_t41(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


# The same kinds where e44 already drafted nothing on main (kept so that the stand-down stays harmless to them;
# they cannot fail on main: the lasting kind failed on main only in the sentence of test_type_kinds_t28)
@pytest.mark.parametrize("text", [
    "A naval blockade could starve the island of fuel, officials fear.",
    "The siege of the old city has lasted eleven months.",
    "The embargo on Cuba has persisted for six decades.",
    "The occupation of the northern districts dragged on for years.",
    "Negotiations between the two Koreas collapsed in March.",
    "The mediation effort by Qatar faltered last week.",
    "The talks on the water treaty have stalled, the Egyptian minister said.",
])
def test_told_not_done_guard_t41(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("An attack on the convoy killed twelve soldiers.", "ASSAULT"),            # an act that happened
    ("The peace talks between Sudan's generals collapsed on Sunday.", "REJECT"),  # the model's act at the verb
    # a meeting that lasted was held; an act that failed to achieve something happened (these failed on e57f0c1,
    # the first form of the stand-down, as sentences of batches 34-37 did)
    ("A phone call between the Kenyan and Somali presidents lasted forty minutes.", "CONSULT"),
    ("Talks between the Serbian and Kosovar negotiators dragged into a second night.", "CONSULT"),
    ("The Danish withdrawal from the mission failed to reassure the allies.", "SANCTION"),
    ("The siege of Mariupol has dragged on for weeks, the mayor said.", None),
    ("A strike could happen on Monday if talks fail, the union warned.", "THREATEN"),  # the warning is coded
])
def test_told_not_done_look_alikes_t41(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- B: people who fled: the act that made them flee comes first (on main e44's SANCTION at "fled" came first) -----
@pytest.mark.parametrize("text", [
    "Thousands of residents fled the city after militants shelled the market.",  # already first on main (0.78 > 0.56)
    "Families fled their villages after soldiers burned the crops, witnesses said.",
    "Thousands fled across the border following attacks by the militia.",
    "Thousands of families fled Khartoum after the army bombed the suburbs.",
])
def test_flight_after_an_attack_t41(coder, text):
    assert _primary(coder, text) == "ASSAULT", _show(coder, text)


# -- C: people welcomed in are given shelter, AID (retype.yaml rule 3; on main SUPPORT) -------------------------
@pytest.mark.parametrize("text,want", [
    ("Portugal welcomed 150 migrants rescued in the Mediterranean.", "AID"),
    ("Canada welcomed 40,000 Afghan refugees last year.", "AID"),
    ("The town of Lampedusa welcomed evacuees from the island of Linosa.", "AID"),
    ("Uganda welcomes refugees from South Sudan every week.", "AID"),
    # look-alikes: a visitor, an act welcomed
    ("Brazil's president welcomed the Argentine president to Brasilia.", "CONSULT"),
    ("Germany welcomed the release of the journalist.", "SUPPORT"),
])
def test_welcome_of_people_in_need_t41(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- D: the release of a product is no act (concede.yaml retreat.release model_no_objects; on main RETREAT) ------
@pytest.mark.parametrize("text", [
    "The release of the rapper's debut album was delayed.",
    "The release of the new video game was postponed until spring.",
    "The release of the new smartphone drew long queues in Seoul.",
    "The release of the documentary film was cancelled by the studio.",
])
def test_product_release_t41(coder, text):
    assert all(e.event_type != "RETREAT" for e in _events(coder, text)), _show(coder, text)


@pytest.mark.parametrize("text", [
    "The release of the prisoners took place at dawn.",
    "The release of the hostages was welcomed by France.",
])
def test_release_of_people_stays_t41(coder, text):
    assert any(e.event_type == "RETREAT" for e in _events(coder, text)), _show(coder, text)


# -- E: a broken commitment is SANCTION (sanction.yaml sanction.break_promise; on main no event) ------------------
@pytest.mark.parametrize("text,want", [
    ("Colombia broke its pledge to disarm the militias.", "SANCTION"),
    ("The junta betrayed its commitment to hold elections.", "SANCTION"),
    ("Israel violated its promise to open the crossing, the UN said.", "SANCTION"),
    ("Kenya kept its pledge to send police to Haiti.", None),                 # a kept promise: no event
])
def test_broken_commitment_t41(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- F: cutting one's own subsidies at home: a pledge is AGREE, no threat (concede.cut_subsidies; on main
#       THREATEN or SANCTION) -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Tunisia pledged to phase out fuel subsidies by 2026.", "AGREE"),
    ("Egypt's government vowed to slash bread subsidies next year.", "AGREE"),
    ("The finance minister promised to reduce electricity subsidies under the IMF programme.", "AGREE"),
    ("Indonesia will cut energy subsidies next year, the finance ministry said.", "AGREE"),
    # look-alikes: aid withheld from someone
    ("The European Union cut aid to Niger after the coup.", "SANCTION"),
    ("The donors cut subsidies to the province after the coup.", "SANCTION"),
    ("Washington threatened to cut subsidies to Colombia.", "THREATEN"),
])
def test_own_subsidies_cut_t41(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_standdown_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import standdown

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"modals": "could"})
    standdown._words.cache_clear()
    try:
        with pytest.raises(DataFileError):
            standdown._words()
    finally:
        standdown._words.cache_clear()
