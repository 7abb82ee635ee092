"""A contested sea feature is no side (round e48, b47's F8).

A disputed island, shoal or reef that two or more states claim (``actors/disputed.csv``: Scarborough Shoal, the
Paracels, the Senkakus, the Kurils) has the holding state in its country column, one claimant's. Used as the target of
an event or a pledge ("Manila will deploy two ships to Scarborough Shoal") it named that claimant (CHN); the corpus
codes such a deployment with no target. :func:`contested` tells the place apart: a feature of ``contested_features``
(``places/place_nouns.yaml``) named as where a movement goes or comes from (``contested_preps`` on a verb, its particle or
the object of a verb of sending: "deployed ships to Scarborough Shoal", "sailed towards", "pulled back from"; not
another noun's: "blocked a resupply run to"). Named as where an act against others took place ("fired water cannon at its boats
near Second Thomas Shoal", "blockaded the shoal") it keeps the holder's country, which the corpus gives such acts (the
boats' country). A place's own country (``Event.place``) is unchanged.
"""

from __future__ import annotations

from typing import Any

from ..tables import word_sets

__all__ = ["contested"]


def contested(place: Any, tok: Any) -> bool:
    """Whether ``place`` (a :class:`~gaiko.types.Place`), named at the token ``tok``, is a disputed feature of
    ``contested_features`` with two or more claimants in the knowledge base's disputed places, named as the object of
    a preposition of ``contested_preps`` on a verb, its particle or what a verb of sending sends (where a movement goes
    or comes from)."""
    words = word_sets("places/place_nouns.yaml")
    if place is None or place.feature not in words["contested_features"]:
        return False
    head = tok
    while head.dep_ in ("compound", "amod", "det") and head.head.i != head.i:
        head = head.head
    if not (head.dep_ == "pobj" and head.head.lower_ in words["contested_preps"]):
        return False
    on = head.head.head  # the preposition's head: the verb, its particle, or the object a verb of sending sends
    if on.pos_ not in ("VERB", "AUX", "ADV") and not (on.dep_ in ("dobj", "obj") and _sending(on.head)):
        return False  # not "blocked a resupply run to Second Thomas Shoal": the run's goal, the holder's boats
    from ..actors.kb import load_kb, norm

    info = load_kb().places.get(norm(place.name or place.text))
    return info is not None and len(info.claimants) >= 2


def _sending(verb: Any) -> bool:
    """A verb of sending (``destination`` of ``actors/no_sides.yaml``): "dispatched two corvettes to ..."."""
    from ..actors.nosides import destination_verbs

    return verb.lemma_.lower() in destination_verbs()
