"""Kinds that hold whatever the type model drafts (issue 12, round t35; docs/rounds/accuracy.md, "Round t35").

The kinds rounds t25-t34 fixed several kinds on top of one type model's drafts: an act noun as subject was coded
only when the model drafted nothing in its sentence, a look-alike stayed no event because that model happened to
draft none. With another model (e40) the same sentences drafted other things. Here the kinds are rules over the
sentence, applied after :func:`gaiko.pipeline.primacy.rank_sentence`:

1. :func:`subject_rank`: a listed act noun as subject, with a side of its own and a verb of occurring
   (``gaiko/data/primary/subject_acts.yaml``) is its act whoever drafted at it: a draft at the noun takes the
   noun's type (``drafted_two_ways`` nouns keep theirs), a sentence whose only drafts are the model's at the verb
   of occurring gains the noun's act, and the noun's act ranks above the model's drafts at that verb ("Bolivia's
   expropriation of ... angered Madrid": COERCE, not the model's ACCUSE at "angered"). A verb with a common noun
   as object ("drew criticism", "sparked riots": the object may be the sentence's act) leaves the drafts as they
   are.
2. :func:`lookalike_veto`: an act noun whose "of" object is a machine or a technology ("demonstrations of the new
   irrigation pumps", "the deployment of the new 5G network"), one named by a past year and told in the present
   ("the massacre of 1982 is taught ..."), or one put on a schedule with nobody stating it ("the rally against the
   tax will be held next month") is no event of a conflict type, and a model's draft at a light verb of deciding
   ("made a decision to raise fuel prices") is none (``gaiko/data/primary/lookalikes.yaml``).
3. :func:`readback_yield`: a model's draft of another type at an act noun that
   :mod:`gaiko.pipeline.nominals` reads back ("a day after Saturday's ramming of a patrol boat") gives way, so
   the read-back event (the noun's listed type, ranked below the sentence's own) is coded instead.

Every function takes and returns the coder's drafts (``gaiko.pipeline.eventrecord.Draft``); confidences are in
0..1. Data errors are :class:`gaiko.errors.DataFileError`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .primacy import _outrank
from .primarydata import _words
from .subjectacts import _PLANS, _subject_act, subject_drafts

if TYPE_CHECKING:
    from .eventrecord import Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["subject_rank", "lookalike_veto", "readback_yield"]


def _plan(d: _Draft) -> bool:
    return d.info.intended or d.info.hypothetical or d.info.negated or d.event_type in _PLANS


def subject_rank(coder: EventCoder, sent: Span, state: DocState, frames: frozenset[int],
                 drafts: list[_Draft]) -> list[_Draft]:
    """The drafts of ``sent`` with its subject act nouns decided by ``subject_acts.yaml`` (module docstring, 1)."""
    from ..tables import plover_table

    two_ways = _words("subject_acts", "drafted_two_ways")
    for tok in sent:
        etype = _subject_act(tok)
        if etype is None:
            continue
        if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.head.children):
            continue  # "The deportation of ... drew criticism": the verb's object may be the sentence's act
        at = [d for d in drafts if d.cand.tok.i == tok.i]
        at_verb = [d for d in drafts if d.cand.tok.i == tok.head.i and d.decided_by == "model"]
        if not at:
            if not at_verb or any(d.cand.tok.i != tok.head.i or d.decided_by != "model" for d in drafts):
                continue  # the sentence has an act of its own
            at = subject_drafts(coder, tok, etype, state, frames)
            if not at:
                continue
            drafts = [*at, *at_verb]
        elif tok.lemma_.lower() not in two_ways and tok.lower_ not in two_ways:
            own = subject_drafts(coder, tok, etype, state, frames)
            out = []
            for d in drafts:
                if d.cand.tok.i == tok.i and not _plan(d) and d.event_type != etype:
                    # another type drafted at the noun: the noun's own act, with its sides, replaces it
                    d = replace(own[0], confidence=max(own[0].confidence, d.confidence)) if own else \
                        replace(d, event_type=etype, cameo=str(plover_table()[etype]["cameo"]),
                                pattern=f"subject_retype>{d.pattern}")
                elif d.cand.tok.i == tok.i and not _plan(d) and d.decided_by == "model" \
                        and not d.pattern.startswith("subject_"):
                    d = replace(d, pattern=f"subject_retype>{d.pattern}")  # the model drafted the noun's type
                out.append(d)
            drafts = out
            at = [d for d in drafts if d.cand.tok.i == tok.i]
            at_verb = [d for d in drafts if d.cand.tok.i == tok.head.i and d.decided_by == "model"]
        if at_verb and not any(_plan(d) for d in at):
            _outrank(at, at_verb)
    return drafts


@lru_cache(maxsize=None)
def _lookalikes() -> dict[str, Any]:
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("primary/lookalikes.yaml")) or {}
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in ("types", "things", "schedule_aux")):
        raise DataFileError(str(data_path("primary/lookalikes.yaml")), "types, things and schedule_aux must be lists")
    return data


@lru_cache(maxsize=None)
def _word_pair(key: str, first: str, second: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-cased word sets ``first`` and ``second`` of mapping ``key`` of ``primary/lookalikes.yaml``
    (``light_plans``: verbs and nouns; ``bare_stances``: verbs and adjs); an empty set for a list not given."""
    data = _lookalikes().get(key) or {}
    return (frozenset(str(w).lower() for w in data.get(first) or ()),
            frozenset(str(w).lower() for w in data.get(second) or ()))


def _of_objects(tok: Token) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _year(tok: Token) -> bool:
    return tok.like_num and tok.text.isdigit() and len(tok.text) == 4 and 1000 <= int(tok.text) <= 2100


def _looks_alike(tok: Token) -> bool:
    """True when the act noun ``tok`` is a thing shown, a past told now, or a scheduled act (module docstring, 2)."""
    data = _lookalikes()
    things = frozenset(str(w).lower() for w in data["things"])
    shown = frozenset(str(w).lower() for w in data.get("shown_nouns") or ())
    objs = _of_objects(tok)
    if (tok.lemma_.lower() in shown or tok.lower_ in shown) and any(o.lemma_.lower() in things or o.lower_ in things
                                                                    for o in objs):
        return True
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    tense = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if any(_year(o) for o in objs) and any(t.tag_ in ("VBZ", "VBP") for t in tense):
        return True  # "The massacre of 1982 is taught in every school"
    aux = frozenset(str(w).lower() for w in data["schedule_aux"])
    when = frozenset(str(w).lower() for w in data.get("schedule_verbs") or ())
    return verb.dep_ == "ROOT" and verb.lemma_.lower() in when and any(c.dep_ == "aux" and c.lower_ in aux for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _bare_stance(tok: Token) -> bool:
    """Whether ``tok`` is a verb of seeming (``bare_stances.verbs``) whose adjective complement of readiness
    (``bare_stances.adjs``) has no complement of its own and the verb no prepositional phrase ("Tokyo seems ready,
    preparing ..."; not "seems ready to buy gas", "seems ready for talks with Athens")."""
    verbs, adjs = _word_pair("bare_stances", "verbs", "adjs")
    if tok.lemma_.lower() not in verbs or any(c.dep_ in ("prep", "xcomp", "ccomp", "dobj") for c in tok.children):
        return False
    comp = [c for c in tok.children if c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in adjs]
    return bool(comp) and not any(g.dep_ in ("prep", "xcomp", "ccomp") for c in comp for g in c.children)


def lookalike_veto(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts less those of a listed conflict type drafted at a look-alike act noun (module docstring, 2)."""
    types = frozenset(str(t) for t in _lookalikes()["types"])
    verbs, nouns = _word_pair("light_plans", "verbs", "nouns")
    out = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type in types and tok.pos_ == "NOUN" and _looks_alike(tok):
            continue
        if d.pattern.startswith("model.") and tok.lemma_.lower() in verbs \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in tok.children):
            continue  # "made a decision to raise fuel prices": the light verb is no act
        if d.pattern.startswith("model.") and _bare_stance(tok):
            continue  # "Tokyo seems ready, preparing purchase packages of LNG": a mood, no act (round n50)
        out.append(d)
    return out


def readback_yield(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts less a model's draft, of another type than listed, at an act noun the read-back of
    :mod:`gaiko.pipeline.nominals` codes beside the sentence's own event (module docstring, 3)."""
    from .nominals import _excluded, _specific
    from .nominals import _noun_type as listed

    out = []
    for d in drafts:
        tok = d.cand.tok
        if d.decided_by == "model" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" \
                and any(o.cand.tok.i != tok.i for o in drafts):
            etype = listed(tok)
            specific, possessed = _specific(tok)
            if etype is not None and etype != d.event_type and specific and not _excluded(tok, possessed, set()):
                continue
        out.append(d)
    return out
