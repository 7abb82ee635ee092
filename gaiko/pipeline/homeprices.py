"""A price, rate or wage set at home is no conflict event (round x57).

"Ghana's cocoa board raised farm-gate prices", "Kenya's central bank cut its lending rate" and "the labour ministry
raised the minimum wage" are domestic economic acts: our event corpus codes a central bank's rate moves as no event,
yet the type model read such verbs as THREATEN or MOBILIZE. :func:`home_price_veto` drops a draft of a conflict type
(``gaiko/data/primary/home_prices.yaml`` ``types``) at a verb of ``verbs`` whose object or passive subject is a noun
of ``quantities``, unless the draft has a target of another country than its source ("raised tariffs on American
soybeans" stays). A price raised to meet a demand (CONCEDE) is not touched. A utility's price ("electricity tariffs",
``utilities``) is a price at home whatever the target (round x58: "the IMF told Pakistan it must raise electricity
tariffs" is no trade measure against Pakistan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["home_price_veto"]


def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``primary/home_prices.yaml`` as written (words lower case, types and entity
    labels upper case), read once by :func:`gaiko.tables.word_sets`; raises :class:`gaiko.errors.DataFileError`
    for a list not of strings."""
    from ..tables import word_sets

    return word_sets("primary/home_prices.yaml")


def _quantity(noun: Token, words: frozenset[str]) -> bool:
    """Whether ``noun`` (with its compounds: "farm-gate prices", "interest rates") names a price, rate or wage."""
    if noun.lower_ in words or noun.lemma_.lower() in words:
        return True
    left = " ".join(t.lower_ for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t.i == noun.i)
    return left in words


def _utility(noun: Token, words: frozenset[str]) -> bool:
    """Whether the price ``noun`` is a utility's or a service's ("electricity tariffs", "water rates"; round x58)."""
    return any(t.dep_ in ("compound", "amod") and t.lemma_.lower() in words for t in noun.children)


def _foreign_target(d: Draft) -> bool:
    src = d.source.country if d.source is not None else None
    tgt = d.target.country if d.target is not None else None
    return bool(tgt) and tgt != src


def home_price_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those of a conflict type at a verb that raises or cuts a price, rate or wage with no target
    of another country (``primary/home_prices.yaml``)."""
    w = _lists()
    out = []
    for d in drafts:
        verb = d.cand.anchor
        if d.event_type in w["types"] and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in w["verbs"] \
                and not _foreign_target(d):
            objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            if objs and all(_quantity(o, w["quantities"]) for o in objs):
                continue  # "the cocoa board raised farm-gate prices": a price set at home, no conflict act
        if d.event_type in w["types"] and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in w["verbs"]:
            objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            if objs and all(_quantity(o, w["quantities"]) and _utility(o, w["utilities"]) for o in objs):
                continue  # "told Pakistan it must raise electricity tariffs": a utility's price, whoever asks (x58)
        out.append(d)
    return out
