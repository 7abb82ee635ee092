"""Harm to the object of a guard pledge (round t36, b35's F2): "vowed to protect all aid convoys" and then "gunmen
attacked an aid convoy, killing three drivers". The attack, seizure, killing or blockade of what the pledger vowed to
protect, secure, guard or defend is no deed of the pledge: :func:`harm_to_guarded` gives the harm word so that
:func:`gaiko.tracking.decide.with_model` keeps the relation model from reading the report as the pledge fulfilled, in
part or under way; it stays ``needs_review``. The words are ``pledges/guarded.yaml``.
"""

from __future__ import annotations

from .normalise import Frame
from .text import analyse
from ..tables import word_sets

__all__ = ["harm_to_guarded"]

#: the act of guarding (concepts.yaml); a pledge that names another act too is not only a guard pledge
_PROTECT = "a:protect"


def harm_to_guarded(frame: Frame, text: str) -> str | None:
    """The first harm word of ``text`` when the pledge ``frame`` is one to guard its object (its verb a guard verb, no
    act but guarding among its act keys), else None."""
    words = word_sets("pledges/guarded.yaml")
    verb = (frame.verb or "").lower()
    if verb not in words["guard_verbs"] and verb.split(" ")[0] not in words["guard_verbs"]:
        return None
    if frame.acts - {_PROTECT}:  # "secure the release of the hostages": another act is the pledge's deed
        return None
    return next((t.text for t in analyse(text)[0] if t.text.lower() in words["harm_words"]), None)
