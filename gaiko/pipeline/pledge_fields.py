"""A pledge's fields after its actor, for the pledge extractor (:mod:`gaiko.pipeline.pledges`; split from it by
round x18, no behaviour change): the promised act and its object (:func:`action_of`), the cue as written
(:func:`cue_text`), the conditions (:func:`conditions_of`), the PLOVER type (:func:`event_type_of`) and a status the
text itself gives (:func:`status_in_text`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..docindex import columns
from .pledge_asked import asked_action, misread_verb
from .pledge_bound import demanded_act
from .pledge_complement import complement_action, hyphen_action, relative_object, subject_action
from .pledge_cues import noun_fate
from .pledge_forms import antecedent
from .pledge_force import response_threat, withheld_benefit
from .pledge_inforce import in_force_action
from .pledge_parts import Lexicon, action_text, is_actorish
from .pledge_relative import relative_antecedent, relative_clause
from .pledge_truce import truce_action
from .state import DocState

__all__ = ["action_of", "conditions_of", "cue_text", "event_type_of", "status_in_text"]


def action_of(verb: Token, cue: Token, passive: tuple[Token, Token | None] | None, lex: Lexicon) -> tuple[str, str | None, Token | None]:
    """(action text, object text, object head), for the plain and the special forms."""
    if cue.i == verb.i and cue.lemma_.lower() in ("threaten", "warn"):  # "threatened tariffs on cars"
        obj_tok = next(c for c in verb.children if c.dep_ == "dobj")
        obj = " ".join(t.text for t in obj_tok.subtree if t.dep_ != "punct" and not (t.dep_ == "relcl"))
        return f"impose {obj}", obj, obj_tok
    if cue.i == verb.i and cue.lemma_.lower() in ("pledge", "promise", "offer"):  # "pledged $80 million"
        obj_tok = next(c for c in verb.children if c.dep_ == "dobj")
        obj = "".join(t.text_with_ws for t in obj_tok.subtree if t.dep_ != "punct" and t.dep_ != "relcl").strip()
        return truce_action(verb) or (f"provide {obj}", obj, obj_tok)  # "pledging a truce": observe it (x17)
    if cue.i == verb.i and cue.lemma_.lower() in ("commit", "agree"):  # "commits both sides to a ceasefire"
        to = next(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to")
        obj_tok = next(c for c in to.children if c.dep_ == "pobj")
        obj = " ".join(t.text for t in obj_tok.subtree if t.dep_ != "punct")
        return f"observe {obj}", obj, obj_tok
    if verb.pos_ == "NOUN" and misread_verb(verb, lex.action_verbs):  # "demanded that X's army release Y"
        return asked_action(verb)
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj"):  # "demanded the release of the sailors" (t41)
        return demanded_act(verb)
    if (measure := in_force_action(verb)) is not None:  # "the 39% duty will take effect on ..." (round t58)
        return measure
    if (split := hyphen_action(verb)) is not None:  # "agreed to co-chair a task force": not "co" (p65)
        return split
    action, obj, obj_tok = action_text(verb)
    small = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and any(x.dep_ == "nsubj" for x in c.children)),
                 None) if verb.lemma_.lower() in ("allow", "let", "permit", "enable", "help") else None
    if small is not None:  # "will allow aid convoys to reach El Fasher"
        words = [t for t in small.subtree if t.dep_ != "punct" and not (t.dep_ in ("appos", "relcl") or
                                                                        any(a.dep_ == "appos" for a in t.ancestors))]
        obj = " ".join(t.text for t in words)
        return f"{verb.lemma_} {obj}", obj, next(x for x in small.children if x.dep_ == "nsubj")
    if passive is not None:  # "the duty would be cut to 5%" -> "cut the duty to 5%"
        subj = passive[0]
        clause = relative_clause(verb)  # "a referendum, which will be held": the noun without its clause (x22)
        inner = range(clause.left_edge.i, clause.right_edge.i + 1) if clause is not None and clause.i > subj.i else range(0)
        obj = " ".join(t.text for t in subj.subtree if t.dep_ != "punct" and t.i not in inner)
        if (ante := relative_antecedent(subj)) is not None:  # "a port at Lamu, which will be built by X" (x23):
            subj, clause = ante  # the noun's words up to the clause, not "which"
            obj = " ".join(t.text for t in verb.doc[subj.left_edge.i:clause.left_edge.i] if t.dep_ != "punct")
        rest = action.split(" ", 1)[1] if " " in action else ""
        agent = {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
        if agent:
            rest = " ".join(w for w in rest.split() if w not in {verb.doc[i].text for i in agent})
        return f"{verb.lemma_} {obj} {rest}".strip(), obj, subj
    if (rel := relative_object(verb, action, obj_tok)) is not None:  # "a treaty, which X will ratify" (p65)
        return rel
    if obj_tok is None and (comp := complement_action(verb, action)) is not None:  # "make sure ..." (p65)
        return comp
    if (obj_tok is None or obj_tok.dep_ == "pobj") and \
            (course := subject_action(verb, action, lambda t: is_actorish(t, lex))) is not None:
        return course  # "the fuel subsidy would end": end the fuel subsidy (p65)
    if obj_tok is not None and obj_tok.lower_ in ("them", "it", "those") and obj_tok.dep_ == "dobj":
        ante = antecedent(obj_tok)  # "was holding 18 soldiers and would release them"
        if ante is not None:
            words = action.split(" ")
            action = " ".join(ante if w == obj_tok.text else w for w in words)
            obj = ante
    return action, obj, obj_tok

def cue_text(cue: Token, verb: Token) -> str:
    if cue.i == verb.i:
        prt = next((c.text for c in cue.children if c.dep_ == "prt"), "")
        return f"{cue.text} {prt}".strip()
    if cue.dep_ == "aux":
        return cue.text
    to = any(a.lower_ == "to" and a.dep_ == "aux" for v in (verb, *(c for c in cue.children if c.dep_ in ("xcomp", "acl"))) for a in v.children)
    return f"{cue.text} to" if to else cue.text

def conditions_of(verb: Token, cue: Token, lex: Lexicon) -> str | None:
    for head in (verb, cue):
        for c in head.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.condition_marks for m in c.children):
                return " ".join(t.text for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ in ("unless",):
                return " ".join(t.text for t in c.subtree)
    return None

def event_type_of(state: DocState, verb: Token, obj: Token | None, kind: str, lex: Lexicon) -> str:
    lemma = verb.lemma_.lower()
    by_verb = lex.action_verbs.get(lemma)
    if withheld_benefit(verb, obj) or (kind == "threat" and response_threat(verb, "unless")):
        return "COERCE" if obj is not None else lex.default_by_kind["threat"]  # "would act if ...", "suspend aid" (t41)
    if obj is not None and _severs(lemma, obj):
        return "SANCTION"  # "would cut ties with Vilnius" (round e47)
    if obj is not None and (by_verb is None or lemma in lex.generic_verbs):
        # a noun that heads its phrase decides before one that modifies it ("security aid" is aid)
        hits = [(t.dep_ in ("compound", "amod", "nmod"), i, hit) for i, t in enumerate(obj.subtree)
                if (hit := lex.action_objects.get(t.lemma_.lower()))]
        if hits:
            undoing, undone = _undoing()
            raised = any(c.dep_ == "prep" and (
                (c.lower_ == "to" and any(g.like_num for g in c.subtree)) or
                (c.lower_ == "by" and any(g.lower_ in ("percent", "%", "per") for g in c.subtree)))
                for c in verb.children)  # "lift tariffs to 50 percent" raises them
            if lemma in undoing and min(hits)[2] in undone and not raised:
                return "CONCEDE"  # "would lift sanctions on Belavia": an easing, not the sanction (round n49)
            return min(hits)[2]
    if by_verb:
        return by_verb
    for ev in state.events:
        if ev.trigger_start <= verb.idx < max(ev.trigger_end, ev.trigger_start + 1):
            return ev.event_type
    return lex.default_by_kind.get(kind, "COOPERATE")

def status_in_text(sent: Any, cue: Token, lex: Lexicon, nouns: frozenset[str]) -> str | None:
    if cue.pos_ == "NOUN":
        fate = noun_fate(cue.head, lex)
        if fate:
            return fate
    cols = columns(sent.doc)
    span = range(sent.start, sent.end)
    if not any(cols.lemma[i] in nouns for i in span):
        return None
    for i in span:
        if i == cue.i or cols.pos[i] != "VERB":
            continue
        t = sent.doc[i]
        if t.tag_ not in ("VBN", "VBD"):
            continue
        for status, words in lex.status_in_text.items():
            if t.lemma_.lower() in words:
                return status
    return None


@lru_cache(maxsize=None)
def _undoing() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs that undo a restriction, the types of the objects they undo) of ``pledges/actions.yaml`` (round n49)."""
    from ..tables import data_path, load_yaml

    a = load_yaml(data_path("pledges/actions.yaml")) or {}
    return frozenset(str(w).lower() for w in a.get("undoing_verbs") or ()), \
        frozenset(str(w) for w in a.get("undone_types") or ())


def _severs(lemma: str, obj: Token) -> bool:
    """Whether the act cuts, severs or downgrades ties or relations (``severing_verbs`` with a ``severed_objects``
    head, ``pledges/actions.yaml``, round e47)."""
    verbs, objects = _severing()
    return lemma in verbs and (obj.lemma_.lower() in objects or obj.lower_ in objects)


@lru_cache(maxsize=None)
def _severing() -> tuple[frozenset[str], frozenset[str]]:
    from ..tables import data_path, load_yaml

    a = load_yaml(data_path("pledges/actions.yaml")) or {}
    return frozenset(str(w).lower() for w in a.get("severing_verbs") or ()), \
        frozenset(str(w).lower() for w in a.get("severed_objects") or ())
