"""The relation model's reading of a report the rules could not decide, and the vetoes that keep it from reading
the pledge done on weak evidence (moved out of :mod:`gaiko.tracking.decide`, round p81; behaviour unchanged)."""

from __future__ import annotations

import re

from .amounts import less_than_promised, quantity_relation
from .contrary import contrary_reading
from .counted import counted_model
from .clause import Decision, Report
from .harmed import harm_to_guarded
from .lexicon import Lexicon, lexicon
from .normalise import Frame
from .persists import state_goes_on
from .othermatter import _ANNOUNCES  # one pattern for both (session 37 merge of p81 and t37)
from .reacted import reacted_only
from .restundone import done_in_part

__all__ = ["with_model", "_weak_for_done", "_only_the_place", "_ANNOUNCES"]


def with_model(frame: Frame, report: Report, rules: Decision, lex: Lexicon | None = None) -> Decision:
    """The relation model's reading of a report the rules could not decide (:mod:`gaiko.tracking.model`); the rules'
    decision when no model is shipped or ``GAIKO_RELATION_MODEL=0`` is set (to compare). ``GAIKO_RELATION_MODEL_FILE``
    names another model file and ``GAIKO_RELATION_MODEL_THRESHOLD`` another threshold than the status policy's (to
    score a retrained model without shipping it; round L41)."""
    import os

    if os.environ.get("GAIKO_RELATION_MODEL", "1") == "0":
        return rules
    from .model import ledger_threshold, relation_model

    path = os.environ.get("GAIKO_RELATION_MODEL_FILE")
    model = relation_model(path) if path else relation_model()
    if model is None:
        return rules
    lex = lex or lexicon()
    d = model.decide_report(frame, report, rules, lex, threshold=ledger_threshold())
    if d is not rules and d.relation in _DONE:
        if (contrary := contrary_reading(frame, report, d, lex)) is not None:  # "shut the crossing" (round t54)
            return Decision(contrary.relation, cue=contrary.cue, note=contrary.note, features=rules.features) \
                if contrary.relation == "needs_review" else contrary
        weak = _weak_for_done(frame, report)
        if weak:  # the model read the pledge done where the sentence reports no such deed: it stays for review
            return Decision(rules.relation, cue=rules.cue, note=f"{rules.note or ''}; {d.note} not taken: {weak}".lstrip("; "),
                            features=rules.features)
        if d.relation == "fulfils" and frame.quantity and frame.quantity.get("unit") in _SUMS \
                and _PART_OF.search(report.text) and quantity_relation(frame, report.text, lex) == "partial":
            # "has handed $150 million of the $200 million": the model's "done" is less than the promised quantity
            less = less_than_promised(frame, report, report.text, str(frame.quantity.get("text")), d.features)
            return Decision(less.relation, cue=less.cue, note=f"{d.note}; {less.note}", features=d.features)
        if (part := done_in_part(frame, report, d, lex)) is not None:  # the model's deed, the rest said not done (t37)
            return part
        if (fewer := counted_model(frame, report, d, lex)) is not None:  # "the first 400 officers graduated" (t54)
            return fewer
    return d


#: what the relation model may not decide on weak evidence: that the act was done, in part or under way
_DONE = frozenset({"fulfils", "partial", "progresses"})

#: money units, and a sum reported as a part of a whole ("$150 million of the $200 million")
_SUMS = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB"})
_PART_OF = re.compile(r"[$€£¥]?\d[\d.,]*(?: (?:million|billion|bn|m))?(?: [a-z]+)? of (?:the|its|their) [$€£¥]?\d", re.I)
#: a sentence that says something did not happen or did not change ("show no reduction in troops", "with none approved",
#: "little changed", "has yet to"): the model's "done" would read the opposite of what it says
_NEGATES = re.compile(r"\b(?:no|none|not|never|nothing|neither|nor|without|unchanged|yet to)\b|n't\b|"
                      r"\blittle (?:changed|change)\b", re.I)


def _weak_for_done(frame: Frame, report: Report) -> str | None:
    """Why a report the rules could not read cannot be taken as the pledge's act done (or under way) on the relation
    model's word, or None: the sentence announces an act rather than reporting one ("Iraq is to open bids ...", "the
    company said it would start pumping in May")."""
    if _ANNOUNCES.search(report.text):
        return "the sentence announces, it reports nothing done"
    if (state := state_goes_on(frame, report.text)) is not None:  # "soldiers remain in Bunia" (round t46)
        return f"the sentence says the contrary state goes on ({state[1]})"
    if (held := still_held(frame, report.text)) is not None:  # "the lorries held in Belarus were moved" (round t47)
        return f"the sentence names them held ({held}), not freed"
    if _NEGATES.search(report.text):
        return f"the sentence negates ({_NEGATES.search(report.text).group(0)})"
    if (react := reacted_only(frame, report.text, lexicon())) is not None:  # "praised the alliance" (round t34)
        return f"the sentence reacts to the pledge's object ({react}); that is no deed"
    if (harm := harm_to_guarded(frame, report.text)) is not None:  # "attacked an aid convoy" (round t36)
        return f"the sentence reports harm ({harm}) to what the pledger vowed to guard; that is no deed"
    if frame.places and _only_the_place(frame, report):
        return "the sentence names only the place of the pledge's object (another deed may be done there)"
    return None


def still_held(frame: Frame, text: str) -> str | None:
    """For a pledge to release or hand back, the words of the report that name what it promised to free as held
    (:func:`gaiko.tracking.clauseaside.held_detained`) inside another noun's phrase ("families of the drivers held in
    Belarus marched", "relatives of the soldiers held in Eritrea met"; not after a noun of the release itself,
    ``freed_nouns``: "the handover of 80 detainees held by Rwanda"), or None: the detention goes on and the deed
    reported is someone else's, so the relation model's "done" has no deed to stand on (round t47). The held things as
    the sentence's subject ("18 soldiers held by Thailand since July walked across the checkpoint") may be the release
    itself: no veto."""
    if not frame.acts & _FREEING:
        return None
    from .clauseaside import held_detained
    from .text import analyse

    toks = analyse(text)[0]
    for k, t in enumerate(toks):
        if t.text != "held" or not held_detained(text, toks, 0, k):
            continue
        of = next((m for m in range(k - 1, max(0, k - 6) - 1, -1) if toks[m].text == "of"), None)
        if of is not None and of > 0 and toks[of - 1].text not in _freed_nouns():  # "the handover of 80 detainees held
            return text[toks[k - 1].start:toks[k + 1].end]  # by Rwanda" is the release itself
    return None


def _freed_nouns() -> frozenset[str]:
    from ..tables import word_sets

    return word_sets("pledges/participles.yaml")["freed_nouns"]


#: acts whose object is held until the act is done
_FREEING = frozenset({"a:release", "a:hand_back"})


def _only_the_place(frame: Frame, report: Report) -> bool:
    """The report names the pledge's object only by its named place ("lorries crossed at Bure" for "reopen the
    crossing at Bure"): none of the object's other head keys is in it."""
    from .text import keys

    named = keys(report.text, lexicon(), acts=False)
    return bool(named & frame.places) and not named & (frame.heads - frame.places)
