"""Round p81 (docs/rounds/pledges.md): the tracker's two largest wrong-reading kinds, with sentences written for these
tests (other countries, topics and wordings than any studied set's). Each case marked "fails on main" fails there.

M  the relation model's "done" on a report the rules could not read, where the sentence says a part ("fewer than half
   the number", "60 of the 95 posts", "..., but ... kept the other checkpoint closed"): done in part; or holds a cue of
   the contrary ("dropped its levy", "has put off its decision"): that cue's relation (gaiko/tracking/modelveto.py).
"""

from __future__ import annotations

import pytest

from gaiko.tracking.decide import Decision, Report, with_model
from gaiko.tracking.normalise import frame, prepare


def _frame(action, side, *, deadline="2026-12-31", made="2025-03-01", kind="promise", quantity=None):
    m = {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
         "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": quantity,
         "deadline": {"end": deadline} if deadline else None, "published": made}
    return frame([prepare(m)])


def _report(text, sides=(), published="2026-06-02"):
    return Report(text=text, published=published, sides=frozenset(sides), context=frozenset(), actors=())


class _Says:
    """A stand-in for the shipped relation model that reads every undecided sentence as ``relation``."""

    def __init__(self, relation: str) -> None:
        self.relation = relation

    def decide_report(self, frame, report, rules, lex, threshold=0.0):
        return Decision(self.relation, note="relation model 0.9 (rules: needs_review)", features=rules.features)


@pytest.fixture
def says(monkeypatch):
    import gaiko.tracking.model as model

    def use(relation: str) -> None:
        monkeypatch.setattr(model, "relation_model", lambda: _Says(relation))
    monkeypatch.delenv("GAIKO_RELATION_MODEL", raising=False)
    use("fulfils")
    return use


HELD = Decision("needs_review", note="about the pledge, no relation read")
FISHERMEN = _frame("free 200 Nepali fishermen", "IND")
CHECKPOINTS = _frame("reopen the Birgunj and Jogbani checkpoints to lorries", "IND")
POSTS = _frame("take over all former rebel posts in the east", "AGO")
LEVY = _frame("collect the first payments of its new mining levy", "PER")
PIPELINE = _frame("take a final decision on the northern gas pipeline", "PER")
DRILL = _frame("scale down its joint naval drill", "PER")
AIRLINE = _frame("sell a 75% stake in the national airline", "KEN")


# -- M: a part said outright ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, text, side", [
    (FISHERMEN, "Delhi sent 70 Nepali fishermen home across the border on Tuesday, fewer than half the number it had "
                "named in March.", "IND"),
    (CHECKPOINTS, "Lorries have been crossing again at Birgunj since May, but Delhi has kept the Jogbani checkpoint "
                  "closed, traders said.", "IND"),
    (POSTS, "The Angolan army now holds 60 of the 95 former rebel posts in the east, officers in Luanda said.", "AGO"),
])
def test_m_the_models_done_is_a_part_where_a_part_is_said(says, pledge, text, side):  # fails on main
    assert with_model(pledge, _report(text, sides={side}), HELD).relation == "partial"


# -- M: the contrary named -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, text", [
    (LEVY, "Peru dropped its new mining levy late on Sunday, hours before the first payments were due."),
    (PIPELINE, "Lima has put off until 2028 its decision on the northern gas pipeline, the energy ministry said."),
])
def test_m_the_models_done_is_the_contrary_cue_where_one_is_said(says, pledge, text):  # fails on main
    assert with_model(pledge, _report(text, sides={"PER"}), HELD).relation == "withdraws"


def test_m_the_contrary_cue_overrides_the_models_progress_too(says):  # fails on main
    says("progresses")
    r = _report("Peru dropped its new mining levy late on Sunday, hours before the first payments were due.", sides={"PER"})
    assert with_model(LEVY, r, HELD).relation == "withdraws"


# -- M: look-alikes that keep main's reading ----------------------------------------------------------------------

@pytest.mark.parametrize("pledge, text, side", [
    (DRILL, "About 3,000 Peruvian sailors took part in this year's joint naval drill, roughly half as many as last "
            "year.", "PER"),
    (AIRLINE, "A group of Kenyan investors took control of the national airline on Monday, with three quarters of its "
              "shares.", "KEN"),
    (FISHERMEN, "Delhi sent all 200 Nepali fishermen home across the border on Tuesday.", "IND"),
])
def test_m_guard_a_whole_deed_stays_done(says, pledge, text, side):
    assert with_model(pledge, _report(text, sides={side}), HELD).relation == "fulfils"


def test_m_guard_a_part_read_under_way_stays(says):
    says("progresses")
    r = _report("The Angolan army now holds 60 of the 95 former rebel posts in the east, officers in Luanda said.",
                sides={"AGO"})
    assert with_model(POSTS, r, HELD).relation == "progresses"
