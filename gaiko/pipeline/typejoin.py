"""Joining the rules and the learned type model, clause by clause.

The rules (trigger lexicons, frames, PLOVER's conventions for intentions,
refusals and demands) propose drafts for the tokens they know. The type model
(:mod:`gaiko.pipeline.typemodel`) scores every candidate clause head of the
sentence, with what the rules said as some of its features. For each token:

* model and rule agree → the draft stands, ``decided_by="both"``;
* the model prefers another type with probability ≥ ``override`` → the draft is
  re-typed, ``decided_by="model"``;
* the model says "no event here" with probability ≥ ``drop`` → the draft goes;
* otherwise the rule's draft stands, ``decided_by="rule"``;
* a token no rule knows gets an event when the model gives a type probability
  ≥ ``new``, ``decided_by="model"``; the rules still decide its structure
  (source, target, flags, date, place);
* a sentence left without an event gets the likeliest one of its candidates
  when that candidate's probability of carrying some event is ≥ ``sentence``.

The model describes an act in the clause that carries it ("The ministry said
Ankara must hand back the tanker" is a REQUEST at *said*), while who it is
aimed at sits in the clausal complement. So when the model's type at a verb is
the type of a rule draft in that verb's complement (:func:`complement_tokens`),
or that draft applies a structural convention (a demand "X said Y must ..."),
the complement's draft stands for it (``decided_by="both"``), with its source
and target; a model event without such a draft reads its target from the
complement's head as well.

Two more of PLOVER's conventions outrank the model (issue 12, kinds from cross-validated misses): a stated harmful
act is THREATEN and a stated cooperative one, or the end of a harmful one, AGREE ("promised to seize the oligarchs'
assets", "vowed to halt attacks"); the model, which reads the promise verb, may not swap the two
(:func:`~.joinconventions.intention`); nor may it drop a harmful act the rules state as future ("would be met with
live fire": :func:`~.joinconventions.stated_threat`), nor an attack of one state on another because the rest of the
sentence is about something else (:func:`~.joinconventions.state_on_state`). And a type the lexicon vetoes at a word
for the model too (``model_no_objects``: "was met with tear gas" is no meeting) is not put back by the model
(:func:`~.joinconventions.vetoed`). These conventions are in :mod:`gaiko.pipeline.joinconventions`.

Thresholds live in the model's ``meta.json`` (``join``) so that retraining can
set them from the tuned split; the defaults are below.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.tokens import Span

from .standdown import stands_down
from .clausefeatures import RuleView, Tree, candidate_tokens, sentence_features, token_features, tree
from .joinconventions import (COOPERATIVE_TYPES, HARM_TYPES, ceased, convention, firm, intention, not_only,
                              own_act, state_on_state, stated_threat, vetoed)

if TYPE_CHECKING:
    from .eventrecord import Cand as _Cand, Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["JoinConfig", "join_sentence", "complement_tokens", "ceased"]

FLAG_NAMES = ("intended", "negated", "hypothetical", "reported", "obligation")


@dataclass(frozen=True)
class JoinConfig:
    override: float = 0.5  # model probability needed to re-type a rule's draft
    drop: float = 0.75  # model probability of NONE needed to drop a rule's draft
    new: float = 0.5  # model probability needed for an event no rule proposed
    sentence: float = 0.3  # a sentence left without events gets its likeliest one when P(event) reaches this
    salience: float = 0.0  # weight of the clause's place (main clause first) in an event's confidence, 0..1

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> JoinConfig:
        j = meta.get("join") or {}
        return cls(**{k: float(v) for k, v in j.items() if k in cls.__dataclass_fields__})


def _rule_view(tr: Tree, i: int, cands: dict[int, _Cand], by_tok: dict[int, list[_Draft]]) -> RuleView:
    comp = tuple(cands[x].entry.event_type for x in tr.children[i]
                 if x in cands and tr.dep[x] in ("xcomp", "ccomp", "dobj"))
    c = cands.get(i)
    if c is None:
        return RuleView(complement_types=comp)
    rv = RuleView(entry_type=c.entry.event_type, kind=c.entry.kind, complement_types=comp)
    if c.absorbed:
        frame = next((f for f in cands.values() if f.complement is c), None)
        rv.absorbed_by = frame.entry.event_type if frame is not None else "?"
    drafts = by_tok.get(i)
    if drafts:
        d = drafts[0]
        rv.final_type = d.event_type
        rv.flags = tuple(f for f in FLAG_NAMES if getattr(d.info, f))
    return rv


def join_sentence(coder: EventCoder, sent: Span, state: DocState, cands: dict[int, _Cand],
                  by_tok: dict[int, list[_Draft]], frames: frozenset[int]) -> list[_Draft]:
    """Drafts for one sentence after joining rules and model (see the module docstring)."""
    doc = sent.doc
    tr = tree(doc)
    idxs = candidate_tokens(sent, cands.keys())
    if not idxs:
        return [d for ds in by_tok.values() for d in ds]
    sfeats = sentence_features(sent)
    rows = [token_features(doc, i, _rule_view(tr, i, cands, by_tok)) for i in idxs]
    if coder.capture is not None:
        for i, row in zip(idxs, rows):
            t = doc[i]
            coder.capture.append((state.article_id, t.idx, t.idx + len(t.text), doc[tr.head[i]].idx, row + sfeats))
    model = coder.model
    if model is None:
        return [d for ds in by_tok.values() for d in ds]
    cfg = coder.join_config
    probs = model.predict_proba(rows, sfeats)
    toks = [doc[i] for i in idxs]
    labels = model.labels
    seen: set[int] = set()
    best = probs.argmax(axis=1)
    tops = [(labels[k], pk) for k, pk in zip(best.tolist(), probs[np.arange(len(best)), best].tolist())]
    out, taken = _commitments(coder, sent, idxs, probs, state, cands, by_tok, frames)
    seen.update(taken)
    handed: dict[int, tuple[int, float]] = {}  # complement token -> (model token, probability)
    for t, (lab, pk) in zip(toks, tops):
        if t.i in taken:
            continue
        rtype = by_tok[t.i][0].event_type if by_tok.get(t.i) else None
        if lab in ("NONE", rtype) or pk < min(cfg.new, cfg.override):
            continue
        for j in complement_tokens(tr, t.i):
            if by_tok.get(t.i) and own_act(by_tok[t.i][0], sent.doc[j]):
                break  # "eased its sanctions on X, lifting the ban on ...": two acts (round n50)
            if not by_tok.get(j):  # a noun event carried by the complement's verb ("vowed to halt attacks")
                j = next((x for x, ds in by_tok.items() if ds and ds[0].cand.anchor.i == j and x != t.i), j)
            if by_tok.get(j) and (by_tok[j][0].event_type == lab or convention(by_tok[j][0])
                                  or intention(by_tok[j][0], lab)) and j not in handed \
                    and j not in taken:
                handed[j] = (t.i, pk)
                break
    givers = {i for i, _ in handed.values()}
    seen.update(handed)  # their drafts are in ``out`` now, whether or not the model scored them
    for j, (_, pk) in handed.items():
        for d in by_tok[j]:
            d.decided_by, d.type_probability = "both", pk
            d.confidence = round(max(pk, d.confidence) * _penalty(d, cfg, clause=False), 3)
        out.extend(by_tok[j])
    for t, p, (lab, pk) in zip(toks, probs, tops):
        if t.i in taken:
            continue
        seen.add(t.i)
        if lab != "NONE" and (vetoed(coder, t, lab) or not by_tok.get(t.i) and stands_down(t)):
            lab = "NONE"  # the lexicon rules this type out here ("met with tear gas"), or no act is told (standdown)
            pk = 0.0
        if t.i in handed or t.i in givers:  # a giver's event is its complement's draft
            continue
        drafts = by_tok.get(t.i)
        if drafts:
            rtype = drafts[0].event_type
            if lab == rtype:
                for d in drafts:
                    d.decided_by, d.type_probability = "both", pk
                    d.confidence = round(max(pk, d.confidence) * _penalty(d, cfg), 3)
                out.extend(drafts)
            elif lab == "NONE":
                if pk < cfg.drop or convention(drafts[0]) or stated_threat(drafts[0]) or state_on_state(drafts[0]) \
                        or firm(drafts[0]) or not_only(drafts[0]):
                    prule = float(p[model.index[rtype]]) if rtype in model.index else 0.0
                    for d in drafts:
                        d.decided_by, d.type_probability = "rule", prule
                        if not (convention(d) or stated_threat(d) or state_on_state(d) or firm(d)
                                or not_only(d)):  # docstrings
                            d.confidence = round(d.confidence * (1 - pk), 3)
                    out.extend(drafts)
            elif intention(drafts[0], lab) or firm(drafts[0]):  # "promised to launch ...": the convention decides
                prule = float(p[model.index[rtype]]) if rtype in model.index else 0.0
                for d in drafts:
                    d.decided_by, d.type_probability = "rule", prule
                out.extend(drafts)
            elif pk >= cfg.override:
                out.extend(_model_drafts(coder, t, cands.get(t.i), state, frames, lab, pk))
            else:
                prule = float(p[model.index[rtype]]) if rtype in model.index else 0.0
                for d in drafts:
                    d.decided_by, d.type_probability = "rule", prule
                    d.confidence = round(d.confidence * (1 - pk) + prule * pk, 3)
                out.extend(drafts)
        elif lab != "NONE" and pk >= cfg.new:
            out.extend(_model_drafts(coder, t, cands.get(t.i), state, frames, lab, pk))
    for i, drafts in by_tok.items():  # rule drafts on tokens the model does not look at
        if i not in seen:
            out.extend(drafts)
    if not any(d.confidence >= coder.min_confidence for d in out) and len(probs):
        # the sentence's likeliest event, when the model finds one likely enough overall
        j = int(np.argmax(1.0 - probs[:, 0]))
        p = probs[j]
        k = int(np.argmax(p[1:])) + 1
        t = toks[j]
        if 1.0 - float(p[0]) >= cfg.sentence and not vetoed(coder, t, labels[k]) and not stands_down(t):
            out.extend(_model_drafts(coder, t, cands.get(t.i), state, frames, labels[k], max(float(p[k]),
                                                                                            coder.min_confidence)))
    return out


def _commitments(coder: EventCoder, sent: Span, idxs: list[int], probs: np.ndarray, state: DocState,
                 cands: dict[int, _Cand], by_tok: dict[int, list[_Draft]],
                 frames: frozenset[int]) -> tuple[list[_Draft], set[int]]:
    """A commitment noun with a to-infinitive as the object of a verb that states it ("made a pledge to crush the
    rebels", "reiterated its promise to lift the curfew", :func:`.attributes.commitment_verb`) is the intention of
    its complement, by PLOVER's convention AGREE when the intended act is cooperative and THREATEN when it is
    harmful. The model, which reads the stating verb ("made" is mostly a consultation or nothing), and the noun's
    own draft (a pledge is AGREE) give way to that reading: a threat noun's own draft (THREATEN, whatever is
    threatened); else the rules' draft at the complement, which the clause's intention has already turned
    (``+intent``, ``+refuse`` when the stating verb is negated), unless the model is sure of another act there (it
    re-types it as anywhere, but may not swap AGREE and THREATEN: :func:`~.joinconventions.intention`); else the
    model's likeliest type at the complement verb, turned the same way, when the noun has a draft of its own (the
    rules name no act where they named none: "announced plans to expand its fleet"). Returns the drafts of these
    constructions and the tokens whose drafts they replace (round t34, brief t34)."""
    from .attributes import commitment_verb

    lex, model = coder.lex, coder.model
    out: list[_Draft] = []
    taken: set[int] = set()
    row = {i: k for k, i in enumerate(idxs)}
    for v in sent:
        commit = commitment_verb(v, lex)
        if commit is None or commit[0].i in taken:
            continue
        s, n = commit
        noun_d = by_tok.get(n.i) or []
        j = v.i if by_tok.get(v.i) else next((x for x, ds in by_tok.items() if ds and ds[0].cand.anchor.i == v.i
                                              and x != n.i), None)
        comp_d = by_tok.get(j) or [] if j is not None else []
        pk = 1.0 - float(probs[row[s.i], 0]) if s.i in row else 0.0
        if noun_d and noun_d[0].event_type == "THREATEN":
            drafts = noun_d
        elif comp_d:
            pv = probs[row[j]] if j in row and model is not None else None
            lab = model.labels[int(np.argmax(pv))] if pv is not None else "NONE"
            if lab not in ("NONE", comp_d[0].event_type) and float(pv.max()) >= coder.join_config.override \
                    and not intention(comp_d[0], lab):
                # the model sure of another act at the complement re-types it there as anywhere ("announced plans
                # to send a flotilla": MOBILIZE, intended); the stating verb and the noun have no act of their own
                taken.update((s.i, n.i))
                continue
            drafts = comp_d
        elif noun_d and v.i in row and model is not None:  # the noun's own draft, re-typed from its complement
            pv = probs[row[v.i]]
            lab = model.labels[int(np.argmax(pv[1:])) + 1]
            etype = ("AGREE" if lab in COOPERATIVE_TYPES or lab == "AGREE" else "THREATEN" if lab in HARM_TYPES
                     else None)  # as ``EventCoder._modal_type``: an intended deployment or protest stays itself
            drafts = noun_d
            if etype is not None:
                if etype == "AGREE" and any(c.dep_ == "neg" for c in s.children):
                    etype = "REJECT"  # "did not make a promise to withdraw": a refusal, as "will not withdraw"
                conf = max([d.confidence for d in noun_d] + [pk, coder.min_confidence])
                drafts = _model_drafts(coder, s, cands.get(s.i), state, frames, etype, conf)
                for d in drafts:
                    d.pattern = f"model.{lab.lower()}+intent"
        else:
            drafts = []
        if not drafts:
            continue
        taken.update(x for x in (s.i, n.i, j) if x is not None)
        for d in drafts:
            if d.decided_by != "model":
                d.decided_by, d.type_probability = "rule", pk
        out.extend(drafts)
    return out, taken



def complement_tokens(tr: Tree, i: int, depth: int = 4) -> list[int]:
    """Heads of the clauses that complete the verb ``i``, nearest first: its ``xcomp``/``ccomp`` (and theirs, down
    to ``depth``), its object and the clauses on it ("issued a reminder that ...", "a declaration demanding
    that ..."), and a saying clause hung on it ("was quoted as saying he would ...")."""
    out: list[int] = []
    frontier = [i]
    for _ in range(depth):
        nxt: list[int] = []
        for h in frontier:
            for c in tr.children[h]:
                dep = tr.dep[c]
                if dep in ("xcomp", "ccomp", "acl", "acomp") or (dep == "advcl" and tr.pos[c] == "VERB" and tr.tag[c] == "VBG"):
                    nxt.append(c)
                elif dep == "prep" and tr.lower[c] == "as":  # "quoted as saying"
                    nxt += [x for x in tr.children[c] if tr.dep[x] == "pcomp" and tr.pos[x] == "VERB"]
                elif dep in ("dobj", "attr") and h == i:  # "issued a reminder that ...", "a declaration demanding"
                    nxt.append(c)
        out += nxt
        frontier = nxt
    return out


def _penalty(d: _Draft, cfg: JoinConfig, clause: bool = True) -> float:
    """Confidence factor of a draft: lower without a source, and (``cfg.salience``, unless ``clause`` is False)
    lower in a subordinate clause, so that the act of the main clause comes first."""
    f = 0.85 if d.source is None else 1.0
    if cfg.salience and clause:
        f *= 1.0 - cfg.salience + cfg.salience * min(1.0, d.info.salience)
    return f


def _model_drafts(coder: EventCoder, tok: Any, cand: _Cand | None, state: DocState, frames: frozenset[int],
                  etype: str, prob: float) -> list[_Draft]:
    c = coder.model_candidate(tok, etype, cand)
    if c.complement is None and c.complement_tok is None:
        comp = complement_tokens(tree(tok.doc), tok.i, depth=1)
        if comp:  # who the act is aimed at may sit in its complement ("declared that China must drop ...")
            c = replace(c, complement_tok=tok.doc[comp[0]])
    drafts = coder._draft(c, state, frames, fixed=etype)
    for d in drafts:
        d.decided_by, d.type_probability = "model", prob
        d.confidence = round(prob * _penalty(d, coder.join_config), 3)
    return drafts
