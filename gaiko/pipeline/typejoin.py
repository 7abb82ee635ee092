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

Thresholds live in the model's ``meta.json`` (``join``) so that retraining can
set them from the tuned split; the defaults are below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.tokens import Span

from .clausefeatures import RuleView, Tree, candidate_tokens, sentence_features, token_features, tree

if TYPE_CHECKING:
    from .events import EventCoder, _Cand, _Draft
    from .state import DocState

__all__ = ["JoinConfig", "join_sentence"]

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
    out: list[_Draft] = []
    seen: set[int] = set()
    for t, p in zip(toks, probs):
        seen.add(t.i)
        k = int(np.argmax(p))
        lab, pk = labels[k], float(p[k])
        drafts = by_tok.get(t.i)
        if drafts:
            rtype = drafts[0].event_type
            if lab == rtype:
                for d in drafts:
                    d.decided_by, d.type_probability = "both", pk
                    d.confidence = round(max(pk, d.confidence) * _penalty(d, cfg), 3)
                out.extend(drafts)
            elif lab == "NONE":
                if pk < cfg.drop:
                    prule = float(p[model.index[rtype]]) if rtype in model.index else 0.0
                    for d in drafts:
                        d.decided_by, d.type_probability = "rule", prule
                        d.confidence = round(d.confidence * (1 - pk), 3)
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
        if 1.0 - float(p[0]) >= cfg.sentence:
            k = int(np.argmax(p[1:])) + 1
            t = toks[j]
            out.extend(_model_drafts(coder, t, cands.get(t.i), state, frames, labels[k], max(float(p[k]),
                                                                                            coder.min_confidence)))
    return out


def _penalty(d: _Draft, cfg: JoinConfig) -> float:
    """Confidence factor of a draft: lower without a source, and (``cfg.salience``) lower in a subordinate
    clause, so that the act of the main clause comes first."""
    f = 0.85 if d.source is None else 1.0
    if cfg.salience:
        f *= 1.0 - cfg.salience + cfg.salience * min(1.0, d.info.salience)
    return f


def _model_drafts(coder: EventCoder, tok: Any, cand: _Cand | None, state: DocState, frames: frozenset[int],
                  etype: str, prob: float) -> list[_Draft]:
    c = coder.model_candidate(tok, etype, cand)
    drafts = coder._draft(c, state, frames, fixed=etype)
    for d in drafts:
        d.decided_by, d.type_probability = "model", prob
        d.confidence = round(prob * _penalty(d, coder.join_config), 3)
    return drafts
