"""Round t57 (issue 14, newcomer b48's M2): the pledger's refusal of its own pledge told with another verb. Our own
sentences, with look-alikes.

Tracking (gaiko/tracking/refusedpledge.py, pledges/refused_pledge.yaml, relations.yaml): "would not honour its pledge
to build X", "would not keep its promise to build X" refuse the pledge (broken; before, the act after "to" was read as
the pledge announced again, open); "would no longer honour its commitment" drops it (withdrawn); "turned down X"
was to refuse it too, but is not kept: round t56's look-alike "Tokyo turned down Manila's request for five more patrol
boats" must stay no refusal of Japan's pledge (a cue cannot tell); "has backed out of X" drops it (withdrawn; left for
review).
Another side's refusal, "would honour its pledge" and "kept its promise" keep their readings.

Extraction (gaiko/pipeline/pledge_refused.py): a negated future of a thing already pledged ("would not build the
promised interconnector", "would not keep its promise to ...", "would not go ahead with the sale", "will not proceed
with the planned tender") is no new pledge to refrain; a plain pledge to refrain ("will not deploy troops", "will not
raise the levy") stays one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_rows, pledge_story_entries

_LINK = "BUDAPEST — Hungary's government promised on Monday to build a gas interconnector to Slovenia by 2027."


def _one(tmp_path: Path, coder, pledge: str, reports: list[str]) -> dict:
    entries = pledge_story_entries(tmp_path, coder, pledge, reports)
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]
    return entries[0]


REFUSED = [
    ("Hungary said it would not honour its pledge to build the gas interconnector to Slovenia.", "broken"),
    ("Hungary said it would not keep its promise to build the gas interconnector to Slovenia.", "broken"),
    ("Hungary refused to stick to its commitment to build the gas interconnector to Slovenia.", "broken"),
    ("Hungary said it would no longer honour its commitment to build the gas interconnector to Slovenia.", "withdrawn"),
    ("Hungary has backed out of the gas interconnector to Slovenia, officials said.", "withdrawn"),
]


@pytest.mark.parametrize("report,status", REFUSED)
def test_refusal_in_other_words(tmp_path: Path, coder, report: str, status: str) -> None:
    e = _one(tmp_path, coder, _LINK, [report])
    assert e["status"] == status, (e["status"], e["evidence"])


KEPT = [  # the status the report must not give
    ("Hungary said it would honour its pledge to build the gas interconnector to Slovenia.", "broken"),
    ("Hungary kept its promise to build the gas interconnector to Slovenia, opening it on Friday.", "broken"),
    ("Slovenia said it would not honour its pledge to build its part of the gas interconnector to Hungary.", "broken"),
]


@pytest.mark.parametrize("report,not_status", KEPT)
def test_refusal_look_alikes(tmp_path: Path, coder, report: str, not_status: str) -> None:
    entries = pledge_story_entries(tmp_path, coder, _LINK, [report])
    mine = [e for e in entries if e["actor"]["country"] == "HUN"]
    assert len(mine) == 1 and mine[0]["status"] != not_status, [(e["action"], e["status"]) for e in entries]


NO_NEW_PLEDGE = [
    "Hungary said it would not build the promised gas interconnector to Slovenia.",
    "Ghana said it would not pay the promised bonus to cocoa farmers this season.",
    "Hungary said it would not keep its promise to build the gas interconnector.",
    "Peru said it would not go ahead with the sale of its stake in the Talara refinery.",
    "Kenya will not proceed with the planned tender for the Lamu coal plant, the energy ministry said.",
    "South Korea has never agreed to move half of its battery output to the United States and will not do so, its "
    "trade minister said.",
    "Ghana was asked to send troops to Haiti but said it would not do that.",
]


@pytest.mark.parametrize("text", NO_NEW_PLEDGE)
def test_refusal_of_a_pledged_thing_is_no_new_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


STILL_PLEDGES = [
    ("Kenya will not deploy troops to Haiti before June, the defence ministry said.", "not deploy troops to Haiti"),
    ("Ghana said it would not raise the cocoa levy this season.", "not raise the cocoa levy"),
    ("Kenya said it would keep its promise to deploy 1,000 police officers to Haiti.",
     "keep its promise to deploy 1,000 police officers to Haiti"),
]


@pytest.mark.parametrize("text,action", STILL_PLEDGES)
def test_pledges_to_refrain_stay(coder, text: str, action: str) -> None:
    assert [r[2] for r in pledge_rows(coder, text)] == [action]


# -- the party a demand asks refusing it (gaiko/tracking/askedrefuses.py) ---------------------------------------------

_REMARKS = "BEIJING — China demanded on Monday that Japan's prime minister retract her remarks on Taiwan."


@pytest.mark.parametrize("report", [
    "Japan's prime minister told parliament she would not withdraw her remarks on Taiwan.",
    "Japan's prime minister said she would not retract her remarks on Taiwan.",
    "Japan said it would not apologise for the remarks on Taiwan.",
])
def test_party_asked_will_not_is_a_refusal(tmp_path: Path, coder, report: str) -> None:
    e = _one(tmp_path, coder, _REMARKS, [report])
    assert e["status"] == "broken", (e["status"], e["evidence"])


def test_demander_dropping_its_demand_still_withdraws(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _REMARKS, ["China dropped its demand that Japan's prime minister retract her remarks on "
                                         "Taiwan, the foreign ministry said."])
    assert e["status"] == "withdrawn", (e["status"], e["evidence"])


def test_asked_refuses_unit() -> None:
    from gaiko.tracking.askedrefuses import asked_refuses
    from gaiko.tracking.clausegrammar import Clause, Decision, Report
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import Frame
    from gaiko.tracking.text import analyse

    lex = lexicon()
    text = "Japan said it would not withdraw the remarks"
    toks = analyse(text)[0]
    c = Clause(0, len(toks), [], [], [])
    d = Decision("withdraws", cue="withdraw")
    base = dict(doer="JPN", other="CHN", acts=frozenset(), objects=frozenset(), topic=frozenset(), heads=frozenset(),
                participants=frozenset(), verb="retract", quantity=None, deadline_end=None, first_published=None,
                until=None)
    report = Report(text=text, published="2026-05-01")
    assert asked_refuses(Frame(kind="demand", **base), report, toks, c, d, lex).relation == "reverses"
    assert asked_refuses(Frame(kind="promise", **base), report, toks, c, d, lex) is None  # the pledger's own: t51
    assert asked_refuses(Frame(kind="demand", **dict(base, doer="KOR")), report, toks, c, d, lex) is None
