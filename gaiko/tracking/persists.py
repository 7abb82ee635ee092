"""A contrary state that goes on (round t46, issue 14, b41's F3): the pledger's forces "remain in", "are still in",
"stayed on in", "continue to occupy" the place it vowed to leave, or the site it vowed to close "remains open". Such a
sentence reports the pledged act not done. Before round t46 the rules left it ``needs_review`` and the relation model
read it as the pledge done ("Ugandan soldiers remain in Bunia, two weeks after the date Kampala had set for their
departure" fulfilled Uganda's pledge to withdraw from Bunia, 0.77).

* :func:`goes_on` is the rule: the state named by the pledger's side (its country before the verb) in the pledge's
  place (one of :attr:`Frame.places` when it has any) is a stall, as a deed said not done is (round p80), before or
  after the deadline; never a breach (docs/pledges.md: broken is a contrary act or a refusal).
* :func:`state_goes_on` is the veto of :func:`gaiko.tracking.modelread._weak_for_done`: any such state, whoever is
  named, keeps the relation model from reading the pledge done ("Refugees remain in the camp" for a pledge to close it).

Words: ``gaiko/data/pledges/persists.yaml``.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets
from .clause import Decision, Report
from .lexicon import Lexicon
from .normalise import Frame
from .text import analyse, countries_in, keys

__all__ = ["goes_on", "state_goes_on"]


def _w() -> dict[str, frozenset[str]]:
    return word_sets("pledges/persists.yaml")


def state_goes_on(frame: Frame, text: str) -> tuple[int, str] | None:
    """(character offset, words) of the first contrary state going on in ``text`` for the pledge ``frame`` (see the
    module doc), or None: a pledge to withdraw or leave and a presence ("remain in", "are still stationed at",
    "continue to occupy"), a pledge to close and a site working ("remains open")."""
    w = _w()
    presence = bool(frame.acts & w["presence_acts"]) or (frame.verb or "") in w["presence_verbs"]
    working = bool(frame.acts & w["working_acts"])
    if not presence and not working:
        return None
    toks = [t for t in analyse(text)[0]]
    low = [t.text.lower() for t in toks]
    for i, word in enumerate(low):
        k = _state_at(low, i, w, presence, working)
        if k is None:
            continue
        before = set(low[max(0, i - 4):i])
        if before & w["not_going_on"] or w["ended_by"] & set(low[k:k + 6]):
            continue
        return toks[i].start, " ".join(t.text for t in toks[i:k])
    return None


def _state_at(low: list[str], i: int, w: dict[str, frozenset[str]], presence: bool, working: bool) -> int | None:
    """The end (token index) of a state going on starting at token ``i``, or None."""
    word = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if word in w["continue_words"] and nxt == "to" and i + 2 < len(low):
        if presence and low[i + 2] in w["keep_verbs"] - {"operate", "use"}:
            return i + 3
        if working and low[i + 2] in {"operate", "function", "run"}:
            return i + 3
        return None
    if word in w["stay_words"]:
        k = i + 1
    elif word == "still" and (i == 0 or low[i - 1] not in w["stay_words"]):
        k = i + 1
    elif word in w["be_words"] and nxt == "still":
        k = i + 2
    else:
        return None
    if k < len(low) and low[k] in w["stay_particles"]:
        k += 1
    if working and k < len(low) and low[k] in w["working_words"]:
        return k + 1
    if not presence:
        return None
    if k < len(low) and low[k] in w["placed_words"]:
        k += 1
    if k + 1 < len(low) and low[k] in w["place_preps"] and low[k + 1] not in w["not_places"]:
        return k + 2
    return None


def goes_on(frame: Frame, report: Report, lex: Lexicon, rules: Decision) -> Decision | None:
    """The stall a sentence the rules left ``needs_review`` reports when the pledger's side is named before a contrary
    state going on in the pledge's place (see the module doc), else None."""
    if rules.relation != "needs_review" or not frame.doer or frame.doer.startswith("?:"):
        return None
    found = state_goes_on(frame, report.text)
    if found is None:
        return None
    at, words = found
    if frame.doer.split("/")[0] not in {c.split("/")[0] for c in countries_in(report.text[:at], lex)}:
        return None
    if frame.places and not keys(report.text[at:], lex, acts=False) & frame.places:
        return None
    feats: dict[str, Any] = dict(rules.features or {})
    return Decision("stalls", cue=words, note="the contrary state goes on: the pledged act not done", features=feats)
