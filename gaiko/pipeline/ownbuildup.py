"""A vow of one's own build-up is MOBILIZE, intended (round n48).

"Japan vowed to boost defence spending", "Kim vowed to expand North Korea's nuclear arsenal": a vow, pledge or
promise whose to-infinitive is a build-up of the speaker's own forces or military budget (one of the lexicon's
build-up entries, ``gaiko/data/primary/own_buildup.yaml``) is PLOVER MOBILIZE with the intended flag, as a stated
plan to raise defence spending is. The AGREE or THREATEN the type model or the intention convention drafted at the
vow verb gives way to it: when the sentence already has a MOBILIZE draft at the build-up verb that draft stays and
the vow's draft is dropped; else the vow's draft becomes that MOBILIZE (trigger the build-up verb, same source, no
target of the source's own country). A build-up of another country's forces ("pledged to strengthen Ukraine's
army") and a threat told with a verb of threatening are untouched.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["own_buildup"]

_PRONOUNS = frozenset({"its", "their", "our", "his", "her", "my", "the"})


@lru_cache(maxsize=None)
def _lists() -> dict[str, Any]:
    """``primary/own_buildup.yaml``: ``verbs`` (lemmas), ``types``, ``entries`` (lexicon ids)."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/own_buildup.yaml")
    data = load_yaml(path) or {}
    out: dict[str, Any] = {}
    for key in ("verbs", "types", "entries"):
        v = data.get(key)
        if not isinstance(v, list) or not v or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out[key] = frozenset(w if key != "verbs" else w.lower() for w in v)
    return out


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "obj")]


def _foreign_owner(obj: Token, state: DocState, source_country: str | None) -> bool:
    """Whether the object's possessor names a country other than the source's ("Ukraine's army")."""
    from .roles import PRONOUNS

    for p in obj.children:
        if p.dep_ != "poss" or p.lower_ in _PRONOUNS or p.lower_ in PRONOUNS:
            continue
        actor = state.actor_in(p)
        country = getattr(actor, "country", None) if actor is not None else None
        if country is None:
            # "the country's defences": a common noun of one's own
            return p.pos_ == "PROPN"
        return country != source_country
    return False


def _buildup(coder: EventCoder, vow: Token, state: DocState, source_country: str | None) -> tuple[Token, Any] | None:
    """(the build-up verb, its lexicon entry) completing the vow verb ``vow``, else None."""
    from .triggermatch import satisfied

    ids = _lists()["entries"]
    for x in vow.children:
        if x.dep_ != "xcomp" or x.pos_ != "VERB":
            continue
        for e in coder.lex.verbs.get(coder.lex.lemma(x)) or ():
            if e.id in ids and satisfied(e, x):
                if any(_foreign_owner(o, state, source_country) for o in _objects(x)):
                    return None
                return x, e
    return None


def own_buildup(coder: EventCoder, state: DocState, drafts: list[Draft]) -> list[Draft]:
    """The drafts, an AGREE or THREATEN at a vow of one's own build-up replaced by MOBILIZE (module docstring)."""
    w = _lists()
    out: list[Draft] = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type == "MOBILIZE" and d.cand.entry.id in w["entries"] and d.target is not None \
                and d.source is not None and d.source.country and d.target.country == d.source.country:
            # "plans to boost defense spending ... and revise the country's security papers": one's own build-up has
            # no target of one's own country
            out.append(replace(d, target=None))
            continue
        if d.event_type not in w["types"] or tok.pos_ != "VERB" or tok.lemma_.lower() not in w["verbs"] \
                or d.info.negated or d.info.hypothetical:
            out.append(d)
            continue
        src = d.source.country if d.source is not None else None
        found = _buildup(coder, tok, state, src)
        if found is None:
            out.append(d)
            continue
        x, entry = found
        if any(o.event_type == "MOBILIZE" and o.cand.tok.i == x.i for o in drafts):
            continue  # the rules' own MOBILIZE at the build-up verb stands for it
        target = d.target if d.target is not None and d.target.country and d.target.country != src else None
        cand = replace(d.cand, tok=x, entry=entry, anchor=x, absorbed=False, complement=None, complement_tok=None)
        out.append(replace(d, cand=cand, info=replace(d.info, intended=True), event_type="MOBILIZE",
                           cameo=entry.cameo, pattern=f"{entry.id}+vow", target=target))
    return out
