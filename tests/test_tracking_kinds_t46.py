"""Round t46: pledge-tracker kinds from a newcomer's findings (issue 14, b41). Our own sentences of each kind (other
countries, places and wordings than b41's), with look-alikes that keep main's reading.

F3. A contrary state going on ("Chadian soldiers remain in Abeche", "are still in", "stayed on in", "continue to
    occupy the camp") read against a pledge to withdraw, leave or close is the pledged act not done: ``stalls``
    (gaiko/tracking/persists.py), never the relation model's "done" (a veto in modelread._weak_for_done).
F2. A joint pledge ("Djibouti and Eritrea agreed to swap ...", "the two sides agreed to exchange ...") is one ledger row
    per party. A report of one party's share done ("the handover of 12 soldiers held in Eritrea to the Djiboutian
    authorities") is not the other party's deed: that row stays as it was (the report ``needs_review``), the acting
    party's row keeps its reading (gaiko/tracking/jointrow.py).
F5. Two pledges of one sentence ("Chad committed to withdraw its troops from northern Cameroon, and Cameroon promised
    to disarm ..."): a later progress cue of the other party ("Cameroonian troops launched an offensive against ...")
    is not a step of the pledge whose object merely names that party's country (gaiko/tracking/sidecheck.py).
Truce ended. "The army ended the truce" for a pledge to halt is the halt undone by the pledger (``reverses``), not the
    halt done ("end" is a verb of the act ``stop``); a truce that ends on its own stays kept (gaiko/tracking/truceend.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries, one_entry, pledge_story_entries


_story = pledge_story_entries
_one = one_entry


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


#: statuses that say the act was done, in part or under way
_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

# -- F3: a contrary state going on ---------------------------------------------------------------------------------------

_GOES_ON = [
    ("N'DJAMENA — Chad said on Monday it would withdraw its soldiers from Abeche by the end of March.",
     "ABECHE — Chadian soldiers remain in Abeche, residents said on Friday, three weeks after the promised departure.",
     "withdraw"),
    ("MOGADISHU — Ethiopia pledged on Monday to pull its troops out of Baidoa.",
     "BAIDOA — Ethiopian troops stayed on in Baidoa on Tuesday despite the pledge, elders said.", "pull"),
    ("NIAMEY — Niger promised on Monday to close its army camp at Tillia.",
     "TILLIA — Nigerien soldiers continue to occupy the camp at Tillia, local chiefs said on Sunday.", "close"),
    ("BAMAKO — Mali said on Monday it would withdraw its police from Menaka by May.",
     "MENAKA — Malian police are still in Menaka, a local official said on Saturday.", "withdraw"),
]


@pytest.mark.parametrize("pledge,report,verb", _GOES_ON)
def test_f3_contrary_state_going_on_stalls(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "stalls" in _relations(e), e["evidence"]
    assert e["status"] == "stalled", (e["status"], e["status_reason"])


_NOT_GOING_ON = [
    # the state ended: the withdrawal is the report's deed
    ("N'DJAMENA — Chad said on Monday it would withdraw its soldiers from Abeche by the end of March.",
     "ABECHE — Chadian soldiers remained in Abeche until Friday, when the last convoy withdrew to N'Djamena.",
     "withdraw"),
    # none left, or only a few: no state of the pledger's going on
    ("N'DJAMENA — Chad said on Monday it would withdraw its soldiers from Abeche by the end of March.",
     "ABECHE — No Chadian soldiers remain in Abeche, the governor said on Friday.", "withdraw"),
    # talks are no place
    ("N'DJAMENA — Chad said on Monday it would withdraw its soldiers from Abeche by the end of March.",
     "Chadian officials remain in talks with Sudan on the pullout from Abeche, a minister said on Friday.", "withdraw"),
    # a pledge to keep its soldiers there: their staying is no stall
    ("N'DJAMENA — Chad said on Monday it would keep its soldiers in Abeche until the elections.",
     "ABECHE — Chadian soldiers remain in Abeche, residents said on Friday.", "keep"),
]


@pytest.mark.parametrize("pledge,report,verb", _NOT_GOING_ON)
def test_f3_lookalikes_are_no_stall(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _one(_story(tmp_path, coder, pledge, [report]), verb)
    assert "stalls" not in _relations(e), e["evidence"]


def test_f3_state_going_on_vetoes_the_model() -> None:
    """Whoever is named, a state going on is no deed the relation model may read ("Refugees remain in the camp" for a
    pledge to close it; "the troops are still stationed at" for one to withdraw)."""
    from gaiko.tracking.clause import Report
    from gaiko.tracking.modelread import _weak_for_done
    from gaiko.tracking.normalise import Frame

    def frame(acts: set[str]) -> Frame:
        return Frame(doer="KEN", other=None, acts=frozenset(acts), objects=frozenset(), topic=frozenset(),
                     heads=frozenset(), participants=frozenset(), verb="close", kind="promise", quantity=None,
                     deadline_end=None, first_published="2026-02-02", until=None)

    def report(text: str) -> Report:
        return Report(text=text, published="2026-04-10", sides=frozenset(), context=frozenset(), article_id="r",
                      idx=0)

    weak = _weak_for_done(frame({"a:close"}), report("Somali refugees remain in the Kakuma camp, aid workers said."))
    assert weak and "goes on" in weak
    weak = _weak_for_done(frame({"a:withdraw"}), report("The troops are still stationed at the airport in Kismayo."))
    assert weak and "goes on" in weak
    assert _weak_for_done(frame({"a:close"}), report("The last refugees left the Kakuma camp in May.")) is None
    # a pledge to deploy: troops staying is no contrary state
    assert _weak_for_done(frame({"a:deploy"}), report("Kenyan troops remain in Kismayo.")) is None


# -- F2: one party's share of a joint pledge -------------------------------------------------------------------------------

_SHARE = [
    # the rules' reading ("held" read as a done cue) credited the receiving party
    ("DJIBOUTI — Djibouti and Eritrea agreed on Monday to swap the soldiers captured in the border clashes.",
     "The handover of 12 Djiboutian soldiers held in Eritrea to the Djiboutian authorities took place at Ras Doumeira "
     "on Tuesday.", "Djibouti", "Eritrea"),
    # the relation model's reading credited both parties
    ("ARUSHA — Burundi and Rwanda signed a declaration in Arusha on Saturday. The two sides also agreed to exchange "
     "prisoners through the Red Cross.",
     "BUJUMBURA — The Red Cross oversaw the handover of 80 detainees held by Rwanda to Burundian authorities on "
     "Wednesday.", "Burundi", "Rwanda"),
]


@pytest.mark.parametrize("pledge,report,idle,acting", _SHARE)
def test_f2_one_partys_share_is_not_the_others(tmp_path: Path, coder, pledge: str, report: str, idle: str,
                                               acting: str) -> None:
    entries = _story(tmp_path, coder, pledge, [report])
    rows = {e["actor"]["text"]: e for e in entries}
    assert rows[idle]["status"] not in _DONE, (rows[idle]["status"], rows[idle]["evidence"])
    assert rows[acting]["status"] == "fulfilled", (rows[acting]["status"], rows[acting]["evidence"])


def test_f2_the_acting_party_named_as_subject_keeps_main_reading(tmp_path: Path, coder) -> None:
    entries = _story(tmp_path, coder, "DJIBOUTI — Djibouti and Eritrea agreed on Monday to swap the soldiers captured in "
                     "the border clashes.", ["RAS DOUMEIRA — Eritrea freed 12 Djiboutian soldiers captured in the border "
                                             "clashes on Tuesday."])
    rows = {e["actor"]["text"]: e for e in entries}
    assert rows["Eritrea"]["status"] == "fulfilled" and rows["Djibouti"]["status"] == "open"


def test_f2_joint_rows_and_the_party_receiving() -> None:
    from gaiko.tracking.clause import Report
    from gaiko.tracking.jointrow import joint_row, others_share
    from gaiko.tracking.normalise import Frame

    def m(actor: str, target: str | None, sentence: str) -> dict:
        return {"actor": {"text": actor}, "target": {"text": target} if target else None, "kind": "agreement",
                "sentence": sentence}

    assert joint_row(m("Chad", "Niger", "Chad and Niger agreed to reopen the border."))
    assert joint_row(m("Chad", "Niger", "Chad signed the accord. The two sides agreed to reopen the border."))
    assert not joint_row(m("Germany", "Ukraine", "Germany promised to send Ukraine two air-defence systems."))
    assert not joint_row(m("Chad", None, "Chad and Niger agreed to reopen the border."))
    f = Frame(doer="TCD", other="NER", acts=frozenset({"a:release"}), objects=frozenset(), topic=frozenset(),
              heads=frozenset(), participants=frozenset(), verb="swap", kind="agreement", quantity=None,
              deadline_end=None, first_published="2026-02-02", until=None, joint=True)
    def at(text: str, name: str, side: str) -> tuple[int, int, str]:
        return text.index(name), text.index(name) + len(name), side

    text = "Niger handed 20 detainees to Chadian officials."
    r = Report(text=text, published="2026-04-10", actors=(at(text, "Niger", "NER"), at(text, "Chadian officials", "TCD")))
    assert "receiving" in (others_share(f, r) or "")
    text = "Chadian officials handed 20 detainees to Niger."
    r = Report(text=text, published="2026-04-10", actors=(at(text, "Chadian officials", "TCD"), at(text, "Niger", "NER")))
    assert others_share(f, r) is None
    r = Report(text="Niger freed 20 detainees.", published="2026-04-10", actors=((0, 5, "NER"),))
    assert "other party" in (others_share(f, r) or "")
    r = Report(text="The 20 detainees were freed.", published="2026-04-10")
    assert others_share(f, r) is None  # nobody named: both parties' deed (an exchange done)
    # the people held are no party: "Chadian soldiers held in Niger" handed "to the Chadian authorities"
    text = "The handover of 12 Chadian soldiers held in Niger to the Chadian authorities took place on Monday."
    r = Report(text=text, published="2026-04-10", actors=(at(text, "Chadian soldiers", "TCD/MIL"),
                                                          at(text, "Niger", "NER"), at(text, "Chadian authorities", "TCD")))
    assert "receiving" in (others_share(f, r) or "")


# -- F5: another party's step of a two-pledge sentence ---------------------------------------------------------------------

_TWO = ("YAOUNDE — Under the accord, Chad committed to withdraw its troops from northern Cameroon within 60 days, and "
        "Cameroon promised to disarm the Boko Haram defectors.")


def test_f5_another_partys_step_is_not_the_pledge(tmp_path: Path, coder) -> None:
    entries = _story(tmp_path, coder, _TWO, ["MAROUA — Cameroonian troops launched an offensive against Boko Haram "
                                             "positions near Mora, the army said."])
    e = _one(entries, "withdraw")
    assert "progresses" not in _relations(e), e["evidence"]
    assert e["status"] not in _DONE, (e["status"], e["status_reason"])


def test_f5_the_pledgers_own_step_and_the_related_sides_step_on_it_count(tmp_path: Path, coder) -> None:
    e = _one(_story(tmp_path, coder, _TWO, ["MAROUA — Chadian troops began leaving northern Cameroon on Monday, the "
                                            "army said."]), "withdraw")
    assert "progresses" in _relations(e), e["evidence"]


def test_f5_unit() -> None:
    from gaiko.tracking.clausegrammar import Clause
    from gaiko.tracking.sidecheck import related_acts_otherwise
    from gaiko.tracking.normalise import Frame
    from gaiko.tracking.text import Hit

    f = Frame(doer="TCD", other=None, acts=frozenset({"a:withdraw"}), objects=frozenset({"o:troops"}),
              topic=frozenset(), heads=frozenset(), participants=frozenset(), verb="withdraw", kind="promise",
              quantity=None, deadline_end=None, first_published="2026-02-02", until=None,
              related=frozenset({"CMR"}))
    from gaiko.tracking.text import tokenize

    toks = tokenize("Cameroonian troops launched an offensive against Boko Haram positions near Mora")
    troops_after = Hit(5, 6, "o:troops", "n", "NNS")
    assert related_acts_otherwise(f, "progresses", "CMR", Clause(0, 10, [], [], []), 3, True, toks)
    assert not related_acts_otherwise(f, "progresses", "CMR", Clause(0, 10, [troops_after], [], []), 3, True, toks)
    assert not related_acts_otherwise(f, "progresses", "TCD", Clause(0, 10, [], [], []), 3, True, toks)
    assert not related_acts_otherwise(f, "stalls", "CMR", Clause(0, 10, [], [], []), 3, True, toks)
    # a cue with no object of its own ("came into force on Tuesday", "landed at Mora") is not checked
    toks = tokenize("The lower duty on Cameroonian cocoa came into force on Tuesday")
    assert not related_acts_otherwise(f, "fulfils", "CMR", Clause(0, 10, [], [], []), 9, True, toks)


# -- a truce ended by the pledger -------------------------------------------------------------------------------------------


def _truce(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> dict:
    arts = [{"id": "p1", "published": "2026-03-02", "source": "Wire A", "text": pledge},
            {"id": "r1", "published": "2026-03-12", "source": "Wire B", "text": report}]
    return _one(ledger_entries(tmp_path, coder, arts), verb)


def test_truce_ended_by_the_pledger_breaks_the_halt(tmp_path: Path, coder) -> None:
    e = _truce(tmp_path, coder, "MAIDUGURI — The Nigerian army announced a ceasefire in Gwoza on Monday, promising to "
               "halt air strikes on the town until March 25.",
               "GWOZA — The army ended the ceasefire in Gwoza on Wednesday, local officials said.", "halt")
    assert "reverses" in _relations(e) and "fulfils" not in _relations(e), e["evidence"]
    assert e["status"] == "broken", (e["status"], e["status_reason"])


def test_truce_ending_on_its_own_is_no_breach(tmp_path: Path, coder) -> None:
    e = _truce(tmp_path, coder, "MAIDUGURI — The Nigerian army promised on Monday to observe a ten-day truce around "
               "Gwoza.", "GWOZA — The ten-day truce around Gwoza ended on Wednesday without major violations, monitors "
               "said.", "observe")
    assert "reverses" not in _relations(e), e["evidence"]


def test_truce_ended_unit() -> None:
    from gaiko.tracking.clause import Decision
    from gaiko.tracking.normalise import Frame
    from gaiko.tracking.truceend import truce_ended

    f = Frame(doer="NGA", other=None, acts=frozenset({"a:stop"}), objects=frozenset(), topic=frozenset(),
              heads=frozenset(), participants=frozenset(), verb="halt", kind="promise", quantity=None,
              deadline_end=None, first_published="2026-03-02", until=None)
    done = Decision("fulfils", cue="ended")
    assert truce_ended(f, "The army ended its unilateral truce on Friday.", done).relation == "reverses"
    assert truce_ended(f, "The fighting ended on Friday.", done) is None
    assert truce_ended(f, "The army ended the truce.", Decision("stalls", cue="ended")) is None
