"""A joint pledge's rows (round t46, issue 14, b41's F2).

"Kenya and Ethiopia agreed to exchange detained fishermen", "the two sides agreed to swap prisoners": the extractor
stores one pledge per party, each with the other party as its target (:func:`gaiko.pipeline.pledge_forms.parties`);
the ledger has one row per party, each with its own status. A later report of ONE party's share done ("the handover
of 30 fishermen held by Ethiopia to Kenyan officials") is that party's deed: its row is read as before (the deed
fulfils or advances its share), and the other party's row is not moved by it. Before round t46 both rows went
fulfilled (the relation model, or a cue, read the handover as each party's deed).

:func:`joint_row` says whether a mention is one party's row of a joint pledge (the other party is its target and the
sentence names both, "A and B", or a collective subject, "the two sides"); :func:`others_share` says why a report read
as done is the other party's share: it names the other party and not this one (its people held aside; its country
not named at all, not even as a place, nor a pronoun that may stand for it: "Starmer congratulated him"), or this
one
only as the party receiving ("to Kenyan officials"). Known limit: a reciprocal pledge whose deed is the other party's
goods or people arriving ("open a beef quota for American farmers" and "Nebraska beef reached Southampton") is left
for review by it too. Such a reading stays ``needs_review`` for this row (a candidate, no move of its
status: what this party did is not reported). Words: ``gaiko/data/pledges/joint_rows.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .clause import Report
from .clausegrammar import same_country
from .normalise import Frame
from .lexicon import lexicon
from .sides import STATE_SECTORS, outside_state
from .text import countries_in

__all__ = ["joint_row", "others_share"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = word_lists("pledges/joint_rows.yaml")
    coll = "|".join(re.escape(x) for x in sorted(w["collective"], key=len, reverse=True))
    rec = "|".join(re.escape(x) for x in sorted(w["recipient_words"], key=len, reverse=True))
    held = "|".join(re.escape(x) for x in w["held_words"])
    pron = "|".join(re.escape(x) for x in w["party_pronouns"])
    return (re.compile(rf"\b(?:{coll})\b", re.I), re.compile(rf"\b(?:{rec})\s*$", re.I),
            re.compile(rf"^\s*(?:{held})\b", re.I), re.compile(rf"\b(?:{pron})\b", re.I))


def _the_held(text: str, s: int, e: int) -> bool:
    """Whether the name at [s, e) is the people held ("12 Djiboutian soldiers held in Eritrea"), not a party."""
    return bool(_patterns()[2].search(text[e:]))


def joint_row(mention: dict[str, Any]) -> bool:
    """Whether ``mention`` is one party's row of a joint pledge: not a demand, with a target, in a sentence with a
    collective subject ("the two sides agreed") or naming the actor and the target joined by "and"."""
    target = (mention.get("target") or {}).get("text")
    actor = (mention.get("actor") or {}).get("text")
    sentence = mention.get("sentence") or ""
    if mention.get("kind") == "demand" or not target or not actor:
        return False
    if _patterns()[0].search(sentence):
        return True
    low = sentence.lower()
    a, t = actor.lower(), target.lower()
    return f"{a} and {t}" in low or f"{t} and {a}" in low or bool(re.search(rf"{re.escape(t)}, [^.;]*\band {re.escape(a)}\b|"
                                                                          rf"{re.escape(a)}, [^.;]*\band {re.escape(t)}\b", low))


def _party(side: str, of: str) -> bool:
    """Whether the report's ``side`` is the party ``of``: the same side, or one of its state's sectors for a state
    (its government, army, police: not its civilians, prisoners, companies or rebels)."""
    if side == of:
        return True
    if side.startswith(("?:", "IGO")) or not same_country(side, of) or outside_state(side):
        return False
    return "/" in of or (side.split("/", 1)[1] if "/" in side else "") in STATE_SECTORS


def others_share(frame: Frame, report: Report) -> str | None:
    """Why a report read as the deed of the joint row ``frame`` is the other party's share (see the module doc), or
    None."""
    if not frame.joint or not frame.doer or not frame.other or frame.doer.startswith("?:"):
        return None
    mine = [(s, e) for s, e, side in report.actors if _party(side, frame.doer) and not _the_held(report.text, s, e)]
    theirs = [(s, e) for s, e, side in report.actors if _party(side, frame.other) and not _party(side, frame.doer)]
    if not mine:  # this party's country named at all ("held in Eritrea"): not the other party's alone
        if not theirs or frame.doer.split("/")[0] in countries_in(report.text, lexicon()):
            return None
        if _patterns()[3].search(report.text):  # "Starmer congratulated him": a pronoun may stand for this party
            return None
        return "the pledge's other party named, not this one: its share of the joint pledge"
    recipient = _patterns()[1]
    if all(recipient.search(report.text[:s]) for s, _e in mine):
        return "this party named only as receiving: the other party's share of the joint pledge"
    return None
