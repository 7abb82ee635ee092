"""Round t39: pledge kinds a newcomer (round b37, a Caribbean analyst) found on articles of their own. Our own sentences
of each kind (other countries, topics and wordings), never b37's, with look-alikes that keep main's reading.

F10. A pledge retold in a past clause of time that counts from it ("Three weeks after Turkey said it would reopen the
     crossing within two weeks, no such reopening has taken place") was a new mention: it revised the pledge made
     before (deadline moved from the report's day, status back to open) or, unmatched, made a second entry. It is now
     no new pledge (gaiko/pipeline/retold.py, ``retold_after``): the sentence is a report on the pledge, which stays
     overdue with the report as evidence. A clause of time without its span ("After Ghana said it would ..., traders
     cheered") stays a pledge. F10c: a term counted from the statement ("within ten days") under a past-perfect cue
     ("had vowed to", "had said it would") is no deadline: it counts from an earlier day the sentence does not give;
     dated from the article, it revised the pledge (retold.retold_term).
F10b. A plain future of armed force ("said the United States would hit targets on land in Venezuela") had the modal's
     default kind, promise; it is now a threat (gaiko/pipeline/pledge_force.py, ``pledges/hostile_acts.yaml``).
     "would send aid", "would strike a deal", "would hit its emission targets", "will not attack" stay promises.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import ledger_entries


def _story(tmp_path: Path, coder, pledge: str, report: str, published: str) -> list[dict]:
    arts = [{"id": "p1", "published": "2026-03-02", "source": "Wire A", "text": pledge},
            {"id": "r1", "published": published, "source": "Wire B", "text": report}]
    return ledger_entries(tmp_path, coder, arts)


def _pledges(coder, text: str) -> list:
    from gaiko.types import Article

    return coder.code_article(Article(text=text, title=None, published=dt.date(2026, 3, 2))).pledges


# -- F10: a pledge retold in a clause of time ----------------------------------------------------------------------------

_RETOLD = [
    ("Turkey said on Monday it would reopen the border crossing with Armenia within two weeks.",
     "Three weeks after Turkey said it would reopen the border crossing with Armenia within two weeks, no such "
     "reopening has taken place.", "2026-03-23", "reopen", "2026-03-16"),
    ("Kenya promised to pay the teachers' arrears within a month.",
     "Two months after Kenya promised to pay the teachers' arrears within a month, no such payment has been made.",
     "2026-05-11", "pay", "2026-04-02"),
    ("Ghana said it would lift the ban on cocoa exports within two weeks.",
     "Six weeks after Ghana had vowed to lift the ban on cocoa exports within two weeks, the ban remains in place.",
     "2026-04-13", "lift", "2026-03-16"),
]


@pytest.mark.parametrize("pledge,report,published,verb,due", _RETOLD)
def test_f10_retold_pledge_is_no_revision(tmp_path: Path, coder, pledge: str, report: str, published: str, verb: str,
                                          due: str) -> None:
    got = [e for e in _story(tmp_path, coder, pledge, report, published) if e["action"].startswith(verb)]
    assert len(got) == 1, [(e["action"], e["status"]) for e in got]
    e = got[0]
    assert e["deadline"]["end"] == due, e["deadline"]
    assert e["status"] == "overdue", (e["status"], e["status_reason"])
    rels = [ev.get("relation") for ev in e["evidence"] if ev.get("relation")]
    assert "revises" not in rels and rels, rels


def test_f10_guard_plain_after_clause(tmp_path: Path, coder) -> None:
    """No span of time before "after": the statement is the day's news, a revision as on main."""
    got = [e for e in _story(tmp_path, coder, "Ghana said it would lift the ban on cocoa exports within two weeks.",
                             "After Ghana said it would lift the ban on cocoa exports by June, traders cheered.",
                             "2026-04-13") if e["action"].startswith("lift")]
    assert len(got) == 1 and got[0]["status"] == "open", [(e["status"], e["status_reason"]) for e in got]
    assert "revises" in [ev.get("relation") for ev in got[0]["evidence"]]


def test_f10_unit_retold_after(coder) -> None:
    assert not _pledges(coder, "Three weeks after Peru said it would free the fishermen within a week, they remain "
                               "in jail.")
    assert not _pledges(coder, "A month after Chile had pledged to cut the fuel tax within ten days, prices have not "
                               "fallen.")
    kept = _pledges(coder, "After Saudi Arabia said it would cut output in May, oil prices rose.")
    assert [p.action for p in kept] == ["cut output"], [p.action for p in kept]
    kept = _pledges(coder, "Three weeks after the floods, Peru said it would rebuild the bridges by June.")
    assert [p.action for p in kept] == ["rebuild the bridges"], [p.action for p in kept]
    kept = _pledges(coder, "Peru freed the Chilean fishermen on Monday, three days after Chile asked Lima to release "
                           "them.")  # after its main clause: a deed dated by the ask (round t38's F15 reads it)
    assert [p.kind for p in kept] == ["demand"], [(p.action, p.kind) for p in kept]


_HAD_VOWED = [
    ("Ecuador said on Monday it would close its border with Peru within ten days.",
     "Ecuador had vowed to close its border with Peru within ten days, but the crossings remain open.", "close",
     "2026-03-12"),
    ("Angola said on Monday it would pay the arrears to Chinese contractors within two weeks.",
     "Angola had said it would pay the arrears to Chinese contractors within two weeks; the firms are still waiting.",
     "pay", "2026-03-16"),
]


@pytest.mark.parametrize("pledge,report,verb,due", _HAD_VOWED)
def test_f10c_past_perfect_term_is_no_revision(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                               due: str) -> None:
    """F10c: "had vowed to ... within ten days" retold later: its term counts from an earlier day, not the article's."""
    got = [e for e in _story(tmp_path, coder, pledge, report, "2026-03-23") if e["action"].startswith(verb)]
    assert len(got) == 1, [(e["action"], e["status"]) for e in got]
    assert got[0]["deadline"]["end"] == due and got[0]["status"] == "overdue", (got[0]["deadline"], got[0]["status"])
    assert "revises" not in [ev.get("relation") for ev in got[0]["evidence"]]


def test_f10c_unit_retold_term(coder) -> None:
    """The past perfect drops a term counted from the statement; a dated term and a plain past keep theirs."""
    from gaiko.types import Article

    def terms(text: str) -> list:
        got = coder.code_article(Article(text=text, title=None, published=dt.date(2026, 3, 23))).pledges
        return [p.deadline.text if p.deadline else None for p in got]

    assert terms("Ecuador had vowed to close its border with Peru within ten days.") == [None]
    assert terms("Ecuador vowed again to close its border with Peru within ten days.") == ["within ten days"]
    assert terms("Ecuador had vowed to close its border with Peru by May.") == ["by May"]


# -- F10b: a plain future of armed force is a threat ---------------------------------------------------------------------

_FORCE = [
    ("Trump said the United States would hit targets on land in Venezuela within two weeks.", "hit"),
    ("Moscow said the army would strike targets in Kharkiv within a week.", "strike"),
    ("India said it would attack the militant camps within days.", "attack"),
]


@pytest.mark.parametrize("text,verb", _FORCE)
def test_f10b_force_is_threat(coder, text: str, verb: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert [p.kind for p in got] == ["threat"], [(p.action, p.kind) for p in got]


_NO_FORCE = [  # main's readings kept: aid, a deal struck, a goal hit, a refusal of force
    ("Japan said it would send aid to Myanmar within a week.", "send"),
    ("Russia said it would strike a deal with Iran on gas.", "strike"),
    ("China said it would hit its emission targets by 2030.", "hit"),
    ("Kenya will not attack Somalia, the president said.", "not attack"),
]


@pytest.mark.parametrize("text,verb", _NO_FORCE)
def test_f10b_guard_promise_kept(coder, text: str, verb: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert [p.kind for p in got] == ["promise"], [(p.action, p.kind) for p in got]


# -- F11: one shared word for another act --------------------------------------------------------------------------------

def _decide(action: str, side: str, text: str) -> str:
    from gaiko.tracking.decide import Report, decide
    from gaiko.tracking.normalise import frame, prepare

    m = {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": "promise",
         "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": None, "deadline": None,
         "published": "2026-03-02"}
    return decide(frame([prepare(m)]), Report(text=text, published="2026-04-13", sides=frozenset(),
                                              context=frozenset())).relation


_MATTER = [
    ("Sudan promised on Monday to release seven detained Kenyan nationals by the end of June.",
     "Sudan and Kenya will meet in Addis Ababa next week. The meeting would address trade and the detention of Kenyan "
     "nationals, diplomats said.", "release"),
    ("Myanmar promised on Monday to free two detained Thai fishermen by the end of June.",
     "Myanmar and Thailand will hold talks in Yangon next week. The talks would cover fishing rights and the fate of "
     "the Thai fishermen, officials said.", "free"),
]


@pytest.mark.parametrize("pledge,report,verb", _MATTER)
def test_f11_matter_named_is_no_restatement(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    got = [e for e in _story(tmp_path, coder, pledge, report, "2026-04-13") if e["action"].startswith(verb)]
    assert len(got) == 1, [(e["action"], e["status"]) for e in got]
    rels = [ev.get("relation") for ev in got[0]["evidence"] if ev.get("relation")]
    assert rels == [] and got[0]["status"] == "open", (rels, got[0]["status"], got[0]["status_reason"])


def test_f11_guard_act_named_again(tmp_path: Path, coder) -> None:
    """The act itself announced again, with a new deadline: a revision, as on main."""
    got = [e for e in _story(tmp_path, coder, _MATTER[0][0], "Sudan said it would release the seven Kenyan nationals "
                             "next week.", "2026-04-13") if e["action"].startswith("release")]
    assert len(got) == 1 and "revises" in [ev.get("relation") for ev in got[0]["evidence"]], got


@pytest.mark.parametrize("text", [
    "Azerbaijan's National Electoral Council also pledged to hold a recount in Ganja.",
    "The National Assembly pledged to hold a debate on the budget next week.",
    "Baku held talks with the families of the five men on Friday.",
])
def test_f11_event_held_is_no_detention(text: str) -> None:
    assert _decide("free the five men", "AZE", text) == "unrelated"


@pytest.mark.parametrize("text,rel", [
    ("Azerbaijan said it would hold the five men until May.", "reverses"),
    ("Azerbaijan continued to hold the men.", "reverses"),
    ("The talks would cover the release of the five men.", "restates"),
])
def test_f11_guard_people_held(text: str, rel: str) -> None:
    assert _decide("free the five men", "AZE", text) == rel


# -- F12: the actors of pledges ------------------------------------------------------------------------------------------

_DEMANDERS = [
    ("Relatives of the Chilean miners killed in the blast gathered in Santiago on Monday. The families demanded that "
     "Lima hand over the bodies within ten days.", "hand over", "CHL", "PER"),
    ("Several families in Trinidad and Tobago lost sons in the crash. The families demanded that Caracas publish the "
     "names of the crew within a week.", "publish", "TTO", "VEN"),
]


@pytest.mark.parametrize("text,verb,maker,asked", _DEMANDERS)
def test_f12_group_named_before_demands(coder, text: str, verb: str, maker: str, asked: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert [(p.kind, p.actor.country, p.target.country if p.target else None) for p in got] == \
        [("demand", maker, asked)], [(p.action, p.actor, p.target) for p in got]


@pytest.mark.parametrize("text,verb,maker", [  # main's readings kept: no group of another country named before
    ("Chinese ships entered Philippine waters on Monday. Fishermen demanded that Manila send the coast guard.", "send",
     "PHL"),
    ("Kenyan protesters demanded that Nairobi cut fuel prices.", "cut", "KEN"),
])
def test_f12_guard_own_side_kept(coder, text: str, verb: str, maker: str) -> None:
    got = [p for p in _pledges(coder, text) if p.action.startswith(verb)]
    assert [p.actor.country for p in got] == [maker], [(p.action, p.actor) for p in got]


@pytest.mark.parametrize("text", [
    "Mottley said her country would not be intimidated by Washington.",
    "The prime minister said Estonia would never be blackmailed by Moscow.",
    "Sweden will not be bullied, the defence minister said.",
])
def test_f12_stance_passive_is_no_pledge(coder, text: str) -> None:
    assert not _pledges(coder, text), [(p.action, p.kind) for p in _pledges(coder, text)]


@pytest.mark.parametrize("text,action", [  # an act's negated passive and an active refusal stay pledges
    ("Kenya said the prisoners would not be released by Uganda.", "not release the prisoners"),
    ("Norway said the funds would not be paid until May.", "not pay the funds"),
    ("Estonia will not pay the fine.", "not pay the fine"),
])
def test_f12_guard_act_refused(coder, text: str, action: str) -> None:
    assert [p.action for p in _pledges(coder, text)] == [action]
