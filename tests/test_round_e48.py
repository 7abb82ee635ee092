"""Round e48 (issues 12, 14, 17): event readings and targets left by round e47 and the newcomer round b47, each with our
own sentences and look-alikes that must not change.

1. (b47 F9) an act arranged with "is/are to", "is set/slated/scheduled to" is a plan, not a deed: intended (as under
   "plans to"), so a cooperative one is AGREE, a hostile one with a target THREATEN, a deployment MOBILIZE intended,
   and the subject of "is set to" does the act; a passive infinitive ("is to be cut"), "is yet to", "set upon" and
   the deed itself keep their readings.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"  # a Thursday


def _coded(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB))


def _events(coder, text: str):
    return [(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None, e.intended)
            for e in _coded(coder, text).events]


# -- 1. (b47 F9) "is to", "is set to": a plan, not a deed -------------------------------------------------------------

PLANNED = [
    # text, primary type, source, intended
    ("Chile is to deploy 400 soldiers to its northern border by the end of May.", "MOBILIZE", "CHL"),
    ("Norway's defence minister is to visit Vilnius next week.", "AGREE", "NOR"),
    ("Hungary is set to expel two Slovak diplomats over the spying row.", "THREATEN", "HUN"),
    ("Uruguay is scheduled to sign a river treaty with Paraguay in Asuncion.", "AGREE", "URY"),
    ("Ghana's navy is slated to receive two patrol boats from Germany.", None, None),
]


@pytest.mark.parametrize("text,etype,source", PLANNED)
def test_arranged_act_is_intended(coder, text, etype, source):
    got = _events(coder, text)
    assert got, got
    if etype is not None:
        assert got[0][0] == etype and got[0][1] == source, got
    assert all(e[3] for e in got), got


DEEDS = [
    ("Chile deployed 400 soldiers to its northern border.", "MOBILIZE", "CHL"),
    ("Norway's defence minister visited Vilnius on Monday.", "CONSULT", "NOR"),
    ("Hungary expelled two Slovak diplomats over the spying row.", "SANCTION", "HUN"),
    ("Two Slovak diplomats were expelled by Hungary on Monday.", "SANCTION", "HUN"),
]


@pytest.mark.parametrize("text,etype,source", DEEDS)
def test_deed_stays_a_deed(coder, text, etype, source):
    got = _events(coder, text)
    assert got and got[0][:2] == (etype, source) and not got[0][3], got


def test_yet_to_and_passive_infinitive_keep_their_reading(coder):
    # "is yet to" is a deed not done (negated, round x17), not a plan
    assert all(not e.intended for e in _coded(coder, "Kenya is yet to send police officers to Haiti.").events)
    # a passive infinitive is left as it was
    text = "Power to the rebel-held north is to be cut until further notice, Addis Ababa has ordered."
    assert [e.intended for e in _coded(coder, text).events] == [False] * len(_coded(coder, text).events)

