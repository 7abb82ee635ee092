"""Kinds that hold whatever the type model drafts (issue 12, round t35; docs/rounds/accuracy.md, "Round t35"). Rounds t25-t34
fixed kinds on top of the drafts of one type model (e34); with e40 those sentences drafted other things. Sentences of
our own, never corpus or gold ones. The first sentences of each kind failed on main f1c5d6b (model e40); the
look-alikes keep their type."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- a subject act noun is its act, whoever drafted at it (subjectrank.subject_rank) ------------------------------
@pytest.mark.parametrize("text,want", [
    ("Peru's expropriation of the Canadian-owned copper mine angered Ottawa.", "COERCE"),
    ("The transfer of 12 helicopters to Kenya was completed in June.", "AID"),
])
def test_subject_act_whoever_drafted(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- look-alikes are no event by rule (subjectrank.lookalike_veto, data/primary/lookalikes.yaml) ------------------
@pytest.mark.parametrize("text", [
    "Demonstrations of the new tractors were held at the agricultural fair.",   # a thing shown
    "The deployment of the new payment software will take six months.",         # a thing rolled out
    "The march against the pension reform will be held in Paris next week.",     # scheduled, nobody states it
    "The minister made a decision to cut bus fares.",                            # a light verb of deciding
])
def test_lookalikes_are_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("The unions said the march against the pension reform will be held next week.", "PROTEST"),  # stated: as drafted
    ("New tariffs on Brazilian coffee will come into force next year.", "THREATEN"),  # a measure coming into effect
    ("The deployment of 3,000 troops to the border will take two weeks.", "MOBILIZE"),  # troops are no machine
    ("Hundreds of farmers held demonstrations against the tax in Lima.", "PROTEST"),
])
def test_lookalike_rules_keep_acts(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- a walkout from talks is REJECT; a broken promise SANCTION (retype.yaml, rules 1 and 12) -----------------------
@pytest.mark.parametrize("text,want", [
    ("Serbia's negotiators stormed out of the meeting with Kosovo officials.", "REJECT"),
    ("Chad broke its pledge to pull its troops out of Niger.", "SANCTION"),
    ("Norway withheld its contribution to the climate fund.", "SANCTION"),
    ("Nurses walked out of the hospital over pay.", "PROTEST"),  # a workplace: a strike
])
def test_retype_rules_t35(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_lookalikes_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import subjectrank

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"types": "PROTEST"})
    subjectrank._lookalikes.cache_clear()
    try:
        with pytest.raises(DataFileError, match="must be lists"):
            subjectrank._lookalikes()
    finally:
        subjectrank._lookalikes.cache_clear()
