"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t27): sentences of our own, never gold
ones (docs/rounds/accuracy.md, "Kinds round t27"). Kind 1: an act noun as the subject of its sentence, with more nouns and
verbs than round t26, a named doer before the noun as its side ("New Indian tariffs"), and the model's draft at
such a noun re-typed by gaiko/data/primary/subject_acts.yaml (``subjectacts.subject_acts``, ``subjectacts.subject_retype``).
Kind 2: a motive given in a participle clause ("..., accusing Moscow of ...", "..., the governor said, blaming
Russia") comes after the act it explains (``primacy.motive_participles``, gaiko/data/primary/motives.yaml). Kind 3:
a standing state told in the simple present ("The embassy occupies a palace") is no act (retype.yaml, rule 7,
``retype.state_veto``). The first sentences of each kind failed on main a9f58bf; the look-alikes must keep their
type."""

from __future__ import annotations

import pytest

from gaiko.evaluate.scoring import primary
from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- kind 1: an act noun as subject (failed before: no event, each; the last two AID and no event) -------------
@pytest.mark.parametrize("text,want", [
    ("Japan's embargo on rice exports to Korea was widened to cover barley on Friday.", "SANCTION"),
    ("Kuwait's housing grant to Jordan's refugee camps was renewed for a further year.", "AID"),
    ("The sealing off of the Nablus checkpoint by Israeli forces entered its third day.", "COERCE"),
    ("An EU disbursement of 500 million euros reached Kyiv's accounts on Thursday.", "AID"),
    ("New Indian tariffs on Chinese steel came into force on Monday.", "SANCTION"),
    ("The relaxation of travel rules for Thai nationals by Cambodia took effect on Friday.", "CONCEDE"),
    ("The deployment of Kenyan police officers to Haiti was confirmed by the interior ministry.", "MOBILIZE"),
    ("The easing of fishing limits for Norwegian boats by Russia was announced on Tuesday.", "CONCEDE"),
])
def test_subject_act_nouns_t27(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_subject_retype_marks_its_pattern(coder):
    ev = primary(_events(coder, "The deployment of Kenyan police officers to Haiti was confirmed by the interior "
                                "ministry."))
    assert ev is not None and ev.pattern.startswith("subject_retype>"), ev


@pytest.mark.parametrize("text,want", [
    ("The march of technology has surprised many observers.", None),          # no act noun listed, no side
    ("The grant of land to the museum was a gift of the late king.", None),   # a copular description
    ("The embargo on Cuba is a relic of the Cold War.", None),                # a copular description
    ("New tariffs on Brazilian coffee will come into force next year.", "THREATEN"),  # a plan keeps its type
    # nouns the writers type two ways are left to the model
    ("The expulsion of two Belgian diplomats by Rwanda followed the row over the election.", "SANCTION"),
    # round t35: leaving an organisation is SANCTION (manual, SANCTION mode "withdraw": "Withdraw oneself ... from a
    # group, mediation activity, organization"); this line said RETREAT, the type model e34's draft
    ("The withdrawal of Mali from the regional bloc took effect on Sunday.", "SANCTION"),
])
def test_subject_act_look_alikes_t27(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- kind 2: a motive participle comes after the act (failed before: ACCUSE first, each) -----------------------------
@pytest.mark.parametrize("text,trigger", [
    # the act may be read at its noun or at its verb (the type models e34 and e40 differ); the kind is the order
    ("A missile strike hit a grain silo in Odesa overnight, the regional governor said, blaming Russia.",
     ("strike", "hit")),
    ("Artillery fire damaged a water station near Donetsk, the city's mayor said, blaming Kyiv.", "damaged"),
    ("Tunisia barred two French reporters from entering the country, accusing them of bias.", "barred"),
])
def test_motive_participle_comes_second(coder, text, trigger):
    evs = _events(coder, text)
    p = primary(evs)
    triggers = trigger if isinstance(trigger, tuple) else (trigger,)
    assert p is not None and p.trigger in triggers and "ACCUSE" in [e.event_type for e in evs], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Pakistan filed a complaint with the UN, accusing India of violating the ceasefire.", "ACCUSE"),
    ("The senator accused the minister of lying, blaming him for the delays.", "ACCUSE"),
    ("The opposition leader lashed out at the president, accusing him of rigging the vote.", "ACCUSE"),
    ("Peru recalled its ambassador from Mexico City, accusing the Mexican president of meddling.", "SANCTION"),
])
def test_motive_participle_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_motive_participles_rule(coder):
    """The rule on its own: the participle's ACCUSE goes below the act before it, whatever their confidences."""
    from types import SimpleNamespace

    from gaiko.pipeline.primacy import motive_participles

    doc = coder.nlp("Chad closed its border with Sudan, accusing Khartoum of arming rebels.")
    closed, accusing = doc[1], doc[7]
    act = SimpleNamespace(cand=SimpleNamespace(tok=closed), event_type="COERCE", confidence=0.5)
    acc = SimpleNamespace(cand=SimpleNamespace(tok=accusing), event_type="ACCUSE", confidence=0.9)
    motive_participles([act, acc])
    assert act.confidence > acc.confidence
    # an ACCUSE main act is left alone
    act2 = SimpleNamespace(cand=SimpleNamespace(tok=closed), event_type="ACCUSE", confidence=0.5)
    acc2 = SimpleNamespace(cand=SimpleNamespace(tok=accusing), event_type="ACCUSE", confidence=0.9)
    motive_participles([act2, acc2])
    assert acc2.confidence == 0.9 and act2.confidence == 0.5


# -- kind 3 (switched off): a present-tense act in a live update or bulletin with a full stop keeps its event; the
# standing-state rule (retype.yaml rule 7) dropped such acts on text nobody tuned on (docs/rounds/accuracy.md, round t27) --
@pytest.mark.parametrize("text,want", [
    ("Riot police detain dozens of marchers outside the parliament in Tbilisi.", "COERCE"),
    ("Dockworkers occupy the container terminal in Antwerp for a second day.", "PROTEST"),
])
def test_present_tense_updates_keep_their_act(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Protesters occupy parliament in Belgrade", "PROTEST"),                        # a headline
    ("Students occupy the rector's office in Zagreb, demanding his resignation", "PROTEST"),
    ("Protesters occupied the ministry of finance in Tirana on Monday.", "PROTEST"),  # the past
    # PLOVER: captured soldiers held by rebels are ASSAULT (abduct, take hostage). This line said MOBILIZE, the type
    # model e34's draft; e40 drafts RETREAT. Both are wrong and no rule reads captives yet: a known miss.
    pytest.param("The rebels are holding 30 soldiers in Kidal, the army said.", "ASSAULT",
                 marks=pytest.mark.xfail(strict=True, reason="captives held: no rule; the model drafts RETREAT")),
    ("Iran holds talks with Saudi Arabia in Baghdad this week.", "CONSULT"),          # an act noun as object
])
def test_present_state_look_alikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_present_state_rule_still_works_when_listed(coder, monkeypatch):
    """The switched-off mechanism keeps working for a user who lists verbs again (retype.yaml ``present_states``)."""
    import gaiko.pipeline.retype as rt

    words = rt._words
    monkeypatch.setattr(rt, "_words", lambda key: frozenset({"occupy", "hold"}) if key == "present_states"
                        else words(key))
    assert _events(coder, "The consulate occupies a converted warehouse near the old harbour.") == []
    assert _primary(coder, "Protesters occupied the ministry of finance in Tirana on Monday.") == "PROTEST"
