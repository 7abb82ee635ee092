"""Round t51: linked reports decided wrong (issue 14, newcomer round b45). Our own sentences of each kind, with
look-alikes that keep main's reading.

F1. A start or resumption that is the promised state ("the mission in Dushanbe resumed work as a full embassy" for a
    pledge to upgrade the office there to a full embassy) was read as a reversal (cue "resumed") or as a start under
    way ("began operating as"). Its complement, "as" and the pledge's own object, says the promised thing now works:
    fulfilled (gaiko/tracking/promisedstate.py, words in pledges/promised_state.yaml). A resumption of the contrary
    ("resumed shelling" for a pledge to halt it, "resumed imports of the banned goods" for a ban) stays a reversal.
R. A resumption of the pledge's own thing ("payments to the growers resumed" for a pledge to pay them) was read as a
    reversal by the cue "resume"; with the resumed noun the head of the pledge's object or its act's noun, and a pledge
    whose contrary is not what resumes (not one to cut, halt, withhold, ban, ...), it is the act going on again,
    progresses (fulfils for talks). "Resumed aid payments" for a pledge to withhold them stays a reversal.
W. "X will not <other verb> <the pledge's object>" ("will not stage the games" for a pledge to host them) was read as
    the pledge restated; a negated modal of the pledger before the object is the pledge dropped, withdrawn
    (gaiko/tracking/willnot.py, words in pledges/will_not.yaml). A limited or conditional negation ("until the audit
    is finished"), another side's refusal, and a pledge to refrain told again keep their readings.
L. For a pledge to ratify, a whole legislature's vote ("Tajik lawmakers approved the treaty", "the Senate passed the
    bill bringing the treaty into law") is the ratification, fulfilled; it was read as another body's approval, a step
    (round p75). One chamber of two, a pledge to sign, and the other party's legislature stay a step
    (gaiko/tracking/steps.ratified_by_vote, words in pledges/steps.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries


_story = pledge_story_entries
_one = one_entry


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


# -- F1: the promised state reached by a start or resumption ---------------------------------------------------------------

_UPGRADE = "DUSHANBE — Pakistan said on Monday it will upgrade its liaison office in Dushanbe to a full embassy by the end of the year."
_CONSULATE = "ACCRA — Ghana pledged on Monday to turn its trade office in Abidjan into a consulate by September."


@pytest.mark.parametrize("pledge,report,verb", [
    (_UPGRADE, "Pakistan's mission in Dushanbe resumed work as a full embassy on Friday, the foreign office said.",
     "upgrade"),
    (_UPGRADE, "Pakistan's office in Dushanbe began functioning as a full-fledged embassy on Friday, officials said.",
     "upgrade"),
    (_CONSULATE, "Ghana's trade office in Abidjan started operating as a consulate on Friday, the foreign ministry said.",
     "turn"),
])
def test_started_as_the_promised_state_fulfils(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert _relations(e) == ["fulfils"], e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


@pytest.mark.parametrize("pledge,report,verb,want", [
    # a resumption of the contrary of a halt: a reversal, as before
    ("KHARTOUM — Sudan's army pledged on Monday to halt its shelling of Kadugli for two weeks.",
     "Sudan's army resumed shelling of Kadugli on Friday, residents said.", "halt", "broken"),
    # goods banned, then imported again by the pledger: a reversal
    ("DAKAR — Senegal pledged on Monday to ban imports of used tyres by June.",
     "Senegal resumed imports of the banned used tyres on Friday, customs officials said.", "ban", "broken"),
])
def test_resumed_contrary_still_reverses(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                         want: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" not in _relations(e), e["evidence"]
    assert e["status"] == want, (e["status"], e["status_reason"])


def test_promised_state_unit() -> None:
    from gaiko.tracking.clause import Decision
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.promisedstate import promised_state

    lex = lexicon()
    frame = type("F", (), {"verb": "upgrade", "acts": frozenset(), "objects": frozenset({"o:embassy"}),
                           "heads": frozenset(), "narrow": frozenset()})()
    for text, rel, cue, want in (
            ("The mission resumed work as a full embassy on Friday.", "reverses", "resumed", "fulfils"),
            ("The office began operating as an embassy.", "progresses", "began", "fulfils"),
            ("The office began talks on opening an embassy.", "progresses", "began", None),  # no "as"
            ("The office resumed work as a trade bureau.", "reverses", "resumed", None),  # another thing
            ("The mission resumed work as a full embassy.", "stalls", "resumed", None)):  # not a start read
        got = promised_state(frame, text, Decision(rel, cue=cue), lex)
        assert (got.relation if got else None) == want, text


# -- R: the pledge's own thing resumed --------------------------------------------------------------------------------------

_PAY = "BAGHDAD — Iraq's oil ministry is to pay the Kurdish producers $16 a barrel for their costs."


def test_own_payments_resumed_progress(tmp_path: Path, coder) -> None:
    e = _one(_story(tmp_path, coder, _PAY, ["Payments of the $16 a barrel to the Kurdish producers resumed on Friday, "
                                            "the oil ministry said."]), "pay")
    assert _relations(e) == ["progresses"], e["evidence"]
    assert e["status"] == "in_progress", (e["status"], e["status_reason"])


def test_resumed_payments_withheld_still_reverse(tmp_path: Path, coder) -> None:
    e = _one(_story(tmp_path, coder, "ABUJA — Nigeria pledged on Monday to withhold aid payments to the Niger junta "
                    "until elections.", ["Nigeria resumed aid payments to the Niger junta on Friday, officials said."]),
             "withhold")
    assert _relations(e) == ["reverses"], e["evidence"]
    assert e["status"] == "broken", (e["status"], e["status_reason"])


def test_reopened_as_the_promised_state_is_a_rule_reading(tmp_path: Path, coder) -> None:
    # F1 without a cue the rules read: "reopened as" was left to the relation model
    e = _one(_story(tmp_path, coder, _UPGRADE, ["Pakistan's office in Dushanbe reopened as a full embassy under a "
                                                "charge d'affaires on Friday, officials said."]), "upgrade")
    assert e["status_path"] == "rule:fulfils", (e["status_path"], e["evidence"])
    # not yet: announced, no deed (a store of its own)
    (tmp_path / "b").mkdir()
    e = _one(_story(tmp_path / "b", coder, _UPGRADE, ["Pakistan's office in Dushanbe is to begin operating as a full embassy "
                                                "next month, officials said."]), "upgrade")
    assert e["status"] not in ("fulfilled", "in_progress"), (e["status"], e["evidence"])


# -- W: the pledger will not do it, in other words -------------------------------------------------------------------------

_GAMES = "DOHA — Qatar pledged on Monday to host the 2030 regional games at Lusail."
_FUND = "LONDON — Britain pledged on Monday to join the European Union's new defence procurement fund by June."


@pytest.mark.parametrize("pledge,report,verb", [
    (_GAMES, "Qatar said on Friday it will not stage the 2030 regional games at Lusail after all.", "host"),
    (_FUND, "Britain will not take part in the first round of the European Union's defence procurement fund, the "
     "Treasury said on Friday.", "join"),
])
def test_will_not_in_other_words_withdraws(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert _relations(e) == ["withdraws"], e["evidence"]
    assert e["status"] == "withdrawn", (e["status"], e["status_reason"])


@pytest.mark.parametrize("pledge,report,verb", [
    # a limit in time: the act put off until a condition, as round n44 read it
    ("KYIV — Ukraine pledged on Monday to pay the $2 billion it owes to the grid operator by June.",
     "Ukraine will not pay the $2 billion to the grid operator until the audit is finished, officials said.", "pay"),
    # a pledge to refrain, told again
    ("SEOUL — South Korea pledged on Monday not to deploy troops to the border zone.",
     "South Korea will not send troops to the border zone, the defence ministry said on Friday.", "not"),
    # another side will not take part: nothing of the pledger's
    (_GAMES, "Saudi Arabia said on Friday it will not send athletes to the 2030 regional games at Lusail.", "host"),
])
def test_will_not_lookalikes_not_withdrawn(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "withdraws" not in _relations(e), e["evidence"]
    assert e["status"] != "withdrawn", (e["status"], e["status_reason"])


def test_will_not_unit() -> None:
    from gaiko.tracking.text import analyse
    from gaiko.tracking.willnot import will_not

    for text, obj, want in (("it will not stage the games", "games", "will not"),
                            ("Oslo won't join the fund", "fund", "wo n't"),
                            ("it will not pay the debt until June", "debt", None),
                            ("it will stage the games", "games", None),
                            ("if it will not stage the games", "games", None),
                            ("it will not be invited to the games", "games", None)):
        toks = analyse(text)[0]
        k = next(n for n, t in enumerate(toks) if t.text == obj)
        got = will_not(toks, 0, k, len(toks))
        assert (got[1] if got else None) == want, text


# -- L: for a pledge to ratify, the legislature's own vote is the ratification ------------------------------------------

_RATIFY = "DUSHANBE — Tajikistan pledged on Monday to ratify the border treaty with Kyrgyzstan by June."


@pytest.mark.parametrize("pledge,report,verb", [
    (_RATIFY, "Tajik lawmakers approved the border treaty with Kyrgyzstan in a unanimous vote on Wednesday.", "ratify"),
    ("CANBERRA — Australia pledged on Monday to ratify the defence treaty with Fiji by June.",
     "The Australian Senate passed the bill bringing the defence treaty with Fiji into law on Wednesday.", "ratify"),
])
def test_legislature_vote_ratifies(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert _relations(e) == ["fulfils"], e["evidence"]
    assert e["status"] == "fulfilled", (e["status"], e["status_reason"])


@pytest.mark.parametrize("pledge,report,verb", [
    # one chamber of two: a step
    ("MONTEVIDEO — Uruguay pledged on Monday to ratify the trade accord with Canada by June.",
     "Uruguay's Chamber of Deputies approved the trade accord with Canada on Wednesday.", "ratify"),
    # a pledge to sign: parliament's approval is still a step before it (round p75)
    ("SUVA — Fiji pledged on Monday to sign the fisheries treaty with Tonga by June.",
     "Fiji's parliament approved the fisheries treaty with Tonga on Wednesday.", "sign"),
    # the other party's legislature
    (_RATIFY, "Kyrgyz lawmakers approved the border treaty with Tajikistan in a unanimous vote on Wednesday.", "ratify"),
])
def test_steps_before_ratification_stay_progress(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "fulfils" not in _relations(e), e["evidence"]
    assert e["status"] != "fulfilled", (e["status"], e["status_reason"])
