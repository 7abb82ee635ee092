"""A pledge's terms and parts, for the pledge extractor (:mod:`gaiko.pipeline.pledges`; split from it by review r18,
same behaviour): its deadline (:func:`deadline`), one pledge per quantity of its objects (:func:`split_objects`) and
one per item a container object lists (:func:`included`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..docindex import sentences
from ..ids import record_id
from ..tracking.deadlines import implied_previous, normalise_deadline
from ..tracking.quantities import best_quantity
from ..dateweekday import WEEKDAY_NAMES
from ..types import Deadline, Pledge
from .pledge_closing import closing_term
from .pledge_parts import deadline_phrases, list_items

__all__ = ["deadline", "split_objects", "included"]

_WEEKDAY = re.compile(r"(on |by |next )?(" + "|".join(WEEKDAY_NAMES) + ")")

#: (verbs, nouns) of the signing a pledge is made at, whose dates are no deadline (``Lexicon.occasion_verbs``,
#: ``Lexicon.occasion_nouns``; round p39)
Occasions = tuple[frozenset[str], frozenset[str]]


def included(p: Pledge, verb: Token, container_nouns: frozenset[str]) -> list[Pledge]:
    """Separate pledges for "deals ... including A and B": one copy of pledge ``p`` per listed item, when the object
    of ``verb`` is a container noun (``container_nouns``); [] otherwise."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in container_nouns and obj.lower_ not in container_nouns:
        return []
    out: list[Pledge] = []
    for t in obj.subtree:
        if t.dep_ == "prep" and t.lower_ in ("including", "like"):
            for start, text in list_items(t):
                q = p.to_dict()
                prt = "".join(f" {c.text}" for c in verb.children if c.dep_ == "prt")
                q.update(id=record_id("pl", p.article_id, p.cue_start, start), action=f"{verb.lemma_}{prt} {text}",
                         object=text, quantity=best_quantity(text))
                out.append(Pledge.from_dict(q))
    return out


def split_objects(p: Pledge, verb: Token, published: str | None, occasions: Occasions) -> list[Pledge]:
    """"buy 12 Mt by the end of the year and 25 Mt a year over three years": one copy of pledge ``p`` per quantity
    object of ``verb``, each with its own deadline; [] when there are fewer than two or one has no quantity."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    # "buy 2 Mt this year and 5 Mt a year from 2026": the parser hangs the second on the verb or the first object
    heads = {verb.i} | {c.i for c in verb.children if c.dep_ in ("dobj", "npadvmod")}
    objs += [t for t in verb.subtree if t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.i in heads
             and any(x.like_num for x in t.children)]
    objs.sort(key=lambda o: o.i)
    if len(objs) < 2:
        return []
    out: list[Pledge] = []
    bounds = [o.left_edge.i for o in objs[1:]] + [sentences(verb.doc).span(verb.i).end]
    of_part = next((" ".join(t.text for t in c.subtree) for o in objs for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "of"), None)
    for o, stop in zip(objs, bounds):
        inner = {x.i for c in o.children if c.dep_ == "conj" for x in c.subtree} | \
            {x.i for c in o.children if c.dep_ == "npadvmod" or c.ent_type_ == "DATE" for x in c.subtree}
        words = [t for t in o.subtree if t.dep_ not in ("punct", "cc") and t.i not in inner]
        text = " ".join(t.text for t in words)
        if of_part and not any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children):
            text = f"{text} {of_part}"  # "... and 25 Mt a year" is 25 Mt of the same soybeans
        q = best_quantity(text)
        if q is None:
            return []
        phrases = [ph for ph in deadline_phrases(verb, occasions) if o.idx <= ph[1] < verb.doc[stop - 1].idx + 1]
        dl = next((d for d in (normalise_deadline(ph[0], published, country=p.actor.country) for ph in phrases) if d), None)
        d = p.to_dict()
        d.update(id=record_id("pl", p.article_id, p.cue_start, o.idx), action=f"{verb.lemma_} {text}", object=text,
                 quantity=q.to_dict(), deadline=dl.to_dict() if dl else None)
        out.append(Pledge.from_dict(d))
    return out


def deadline(verb: Token, cue: Token, published: str | None, country: str | None, occasions: Occasions,
             shared: bool = False) -> Deadline | None:
    """The deadline of the act ``verb`` under ``cue`` (normalised against ``published`` and ``country``'s calendar),
    or None: a dated deadline before a symbolic one and a real one before a bare weekday; a relative one ("two years
    later") only when there is no other, else noted in the anchor as a revision; with none, the term closing a row of
    coordinated acts (``shared``: the recursion)."""
    phrases = deadline_phrases(verb, occasions)
    if cue.i == verb.i and cue.tag_ in ("VBD", "VBN"):
        # "agreed on Monday to a ceasefire": the date of a past cue is when it was said, not a deadline
        # ("with the first half due by March": the term of a part, not of the pledge)
        obj = {t.idx for c in cue.children if c.dep_ in ("prep", "dobj") and c.lower_ not in ("on", "with") for t in c.subtree}
        phrases = [p for p in phrases if p[1] in obj]
    if cue.i != verb.i and cue.dep_ != "aux":
        inner = {t.idx for c in cue.children if c.dep_ in ("xcomp", "ccomp", "acl", "relcl", "dobj") for t in c.subtree}
        phrases += [p for p in deadline_phrases(cue, occasions) if p not in phrases and p[1] not in inner
                    and not (cue.tag_ in ("VBD", "VBN") and re.search(r"day$", p[0].lower()))]
    if cue.pos_ == "NOUN" and cue.head.tag_ in ("VBD", "VBN"):  # "repeated his promise to end it on Friday": the
        phrases = [p for p in phrases if not _WEEKDAY.fullmatch(p[0].lower().strip())]  # day said (round p49)
    best: Deadline | None = None
    best_weekday = False
    relative_text: str | None = None
    for text, _s, _e in phrases:
        d = normalise_deadline(text, published, country=country)
        if d is None:
            continue
        if d.kind == "relative":
            relative_text = text
            continue
        weekday = bool(_WEEKDAY.fullmatch(text.lower().strip()))
        if best is None or (best.kind in ("symbolic",) and d.kind != "symbolic") or (best_weekday and not weekday):
            best, best_weekday = d, weekday  # a bare weekday yields to a real deadline ("said on Friday ... by May")
    if best is None and relative_text is None and not shared:
        # "is to lift its siege and let aid convoys into the city within two weeks": the term closing a row of
        # coordinated acts is the term of each of them
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i:
                return deadline(c, c, published, country, occasions, shared=True)
    if best is None and relative_text is None:
        # "will introduce a bill to ratify the treaty before the end of the year": the term closing the sentence,
        # hung on a clause inside the object (round p66)
        for text, _s, _e in closing_term(verb, lambda v: deadline_phrases(v, occasions)):
            d = normalise_deadline(text, published, country=country)
            if d is not None and d.kind != "relative":
                return d
    if best is None and relative_text is not None:
        return normalise_deadline(relative_text, published, country=country)
    if best is not None and relative_text is not None:
        prev = implied_previous(relative_text, best)
        if prev is not None:
            best.anchor = f"revised: {relative_text} (earlier deadline {prev.end})"
    return best
