"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t27): sentences of our own, never gold
ones (docs/accuracy.md, "Kinds round t27"). Kind A: an act noun as the subject of its sentence, with more nouns and
verbs than round t26, a named doer before the noun as its side ("New Indian tariffs"), and the model's draft at
such a noun re-typed by gaiko/data/primary/subject_acts.yaml (``primacy.subject_acts``, ``primacy.subject_retype``).
The first sentences of each kind failed on main a9f58bf; the look-alikes must keep their type."""

from __future__ import annotations

import pytest

from gaiko.evaluate.scoring import primary
from gaiko.types import Article


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published="2025-06-02")).events


def _primary(coder, text: str) -> str | None:
    p = primary(_events(coder, text))
    return p.event_type if p is not None else None


def _show(coder, text: str):
    return [(e.event_type, e.confidence, e.trigger, e.pattern) for e in _events(coder, text)]


# -- kind A: an act noun as subject (failed before: no event, each; the last two AID and no event) -------------
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
    ("The withdrawal of Mali from the regional bloc took effect on Sunday.", "RETREAT"),
])
def test_subject_act_look_alikes_t27(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
