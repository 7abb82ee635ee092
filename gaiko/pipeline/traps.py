"""Sport, market and metaphor traps told by the words around a conflict verb (issue 12, round t36).

Round s24's :func:`gaiko.pipeline.primacy.domain_veto` reads the doer of a conflict verb and its "in/during"
phrase. This veto reads more of the sentence (``gaiko/data/primary/traps.yaml``): a conflict type (``types``) drafted
in a sentence that names a sport result ("three goals down", "the golds"), at a verb whose doer, its possessor or
modifier is an athlete or a sport ("the midfielder's strike", "the volleyball team"), at a dismissal ("fired their
manager"), at a verb aimed at a hope ("shot down the team's hopes"), at a phrasal verb of another sense ("shelled
out") or at a rise or fall by a figure ("shot up 12 percent") is no event. A state or security side among the
verb's arguments (``domains.yaml`` ``keep``, ``keep_sectors``) keeps it, and so does an act reported in a clause of
saying. :func:`forecast_veto` drops forecasts by analysts ("could tip back into recession, economists say": the
README's "forecasts by analysts" are no events). Measured in docs/rounds/accuracy.md ("Kinds round t36").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["trap_veto", "forecast_veto"]


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    """The word lists of ``primary/traps.yaml`` and ``domains.yaml``'s ``keep``, ``keep_sectors``, ``sport``,
    lower-cased (``types`` and ``keep_sectors`` as written).

    Raises :class:`gaiko.errors.DataFileError` when a list is not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    out: dict[str, frozenset[str]] = {}
    for name, keys in (("traps", ("types", "sport_results", "athletes", "dismissal_verbs", "dismissal_objects",
                                  "metaphor_objects", "idioms", "figure_verbs", "figure_words", "analysts",
                                  "forecast_verbs", "forecast_modals")),
                       ("domains", ("keep", "keep_sectors", "sport"))):
        path = data_path(f"primary/{name}.yaml")
        data = load_yaml(path) or {}
        for k in keys:
            v = data.get(k)
            if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
                raise DataFileError(str(path), f"'{k}' must be a list of words")
            out[k] = frozenset(w if k in ("types", "keep_sectors") else w.lower() for w in v)
    return out


def _names(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def _arguments(anchor: Token) -> list[Token]:
    """The doer (or agent), subjects, objects and prepositional objects of ``anchor``'s clause."""
    from .roles import subjects

    subj, passive, agent = subjects(anchor)
    doer = agent if passive else (subj[0] if subj else None)
    args = [t for t in (doer, *subj) if t is not None]
    args += [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
    args += [p for c in anchor.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return args


def _trap(anchor: Token, w: dict[str, frozenset[str]]) -> bool:
    """Whether the conflict verb ``anchor`` is one of the traps of ``traps.yaml``."""
    from .roles import subjects

    lemma = anchor.lemma_.lower()
    objs = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
    parts = [c.lower_ for c in anchor.children if c.dep_ == "prt"]
    if any(f"{lemma} {p}" in w["idioms"] for p in parts):
        return True
    if lemma in w["dismissal_verbs"] and any(_names(o) & w["dismissal_objects"] for o in objs):
        return True
    if any(_names(o) & w["metaphor_objects"] for o in objs):
        return True
    if lemma in w["figure_verbs"] and any(
            t.lower_ in w["figure_words"] for c in anchor.children if c.dep_ in ("npadvmod", "dobj", "obj", "prep")
            for t in c.subtree):
        return True
    from ..actors.sports import body_words

    subj, passive, agent = subjects(anchor)
    doer = agent if passive else (subj[0] if subj else None)
    sport = w["athletes"] | w["sport"]
    if doer is not None and doer.lower_ in body_words()[1]:
        doer = None  # "football associations threatened to boycott ...": a sport's governing body acts (round x57)
    if doer is not None and doer.pos_ != "PROPN" and (
            _names(doer) & sport
            or any(c.dep_ in ("poss", "compound", "amod") and c.pos_ != "PROPN" and _names(c) & sport
                   for c in doer.children)):
        return True
    return any(t.pos_ == "NOUN" and _names(t) & w["sport_results"] for t in anchor.sent)


def trap_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those of a conflict type (``traps.yaml`` ``types``) at a trap of sport, markets or metaphor;
    drafts whose arguments hold a state or security side, or that are reported in a clause of saying, stay."""
    w = _lists()
    out = []
    for d in drafts:
        anchor = d.cand.anchor
        if d.event_type not in w["types"] or any(t.dep_ == "ccomp" for t in (anchor, *anchor.ancestors)):
            out.append(d)
            continue
        args = _arguments(anchor)
        if any(_names(t) & w["keep"] for t in args) \
                or (d.source is not None and (d.source.sector or "") in w["keep_sectors"]):
            out.append(d)
            continue
        if not _trap(anchor, w):
            out.append(d)
    return out


def forecast_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those of a forecast by analysts: in a sentence where an analyst noun (``traps.yaml``
    ``analysts``) is the subject of a verb of saying or forecasting, a draft at that verb or at a verb under could,
    may, might or would is dropped ("could tip back into recession, economists say")."""
    if not drafts:
        return drafts
    w = _lists()
    sent = drafts[0].cand.tok.sent
    verbs = {t.i for t in sent if t.lemma_.lower() in w["forecast_verbs"] and any(
        c.dep_ == "nsubj" and c.pos_ != "PROPN" and _names(c) & w["analysts"] for c in t.children)}
    if not verbs:
        return drafts
    out = []
    for d in drafts:
        anchor = d.cand.anchor
        modal = any(c.dep_ == "aux" and c.lower_ in w["forecast_modals"] for c in anchor.children)
        if anchor.i in verbs or d.cand.tok.i in verbs or modal:
            continue
        out.append(d)
    return out
