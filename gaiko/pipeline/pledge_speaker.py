"""The speaker's side of a reported pledge, for the pledge extractor (:mod:`gaiko.pipeline.pledges`; round e36,
issue 14: the actor of a passive is its by-agent, else the speaker's side).

* A passive whose subject is a person or body, with no by-agent, is done *to* that subject: "Niamey said the former
  president would be tried for treason" is Niger's (the speaker's) pledge, not the defendant's. (A passive whose
  subject is a thing is :func:`gaiko.pipeline.pledge_forms.passive_parts`.)
* A bare "the troops" / "the police" / "the government", whose country the resolver took from the article's places,
  is the speaker's own when the speaker has a country: "The German defence ministry said the troops would leave the
  base in Niamey in stages" is Germany's. Word list: ``pledges/spoken_for.yaml`` (``speakers_own_sectors``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..tables import data_path, load_yaml
from ..types import Actor

__all__ = ["done_to", "speakers_own"]


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """``speakers_own_sectors`` or ``speakers_own_resolved`` of ``pledges/spoken_for.yaml``."""
    return frozenset(str(s) for s in (load_yaml(data_path("pledges/spoken_for.yaml")) or {}).get(key) or ())


def done_to(verb: Token, subj: Token | None) -> bool:
    """Whether ``verb`` is a passive with ``subj`` (a noun, not a pronoun) as its subject and no by-agent."""
    if subj is None or subj.dep_ != "nsubjpass" or subj.head.i != verb.i or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def speakers_own(subj: Token | None, actor: Actor, speaker: Actor | None) -> Actor | None:
    """The actor with the speaker's country when ``subj`` is a bare "the troops" of a country guessed from context
    (resolved by its sector alone, nothing before its head but "the") and the speaker has another country, named by
    its own words (``speakers_own_resolved``)."""
    if subj is None or speaker is None or not speaker.country or len(speaker.country) != 3 or speaker.country == "IGO":
        return None
    if speaker.resolved_by not in _words("speakers_own_resolved"):
        return None  # a speaker whose country is itself a guess ("the army's negotiator")
    if actor.resolved_by != "sector" or actor.sector not in _words("speakers_own_sectors"):
        return None
    if actor.country == speaker.country or subj.pos_ != "NOUN":
        return None
    if any(c.i < subj.i and not (c.dep_ == "det" and c.lower_ == "the") for c in subj.children) or any(
            c.dep_ == "prep" for c in subj.children):
        return None  # "Niger's troops", "the Malian troops", "the troops of the junta": a side of their own
    return Actor(text=actor.text, start=actor.start, end=actor.end, name=None, country=speaker.country,
                 sector=actor.sector, role=actor.role, resolved_by="speaker", confidence=actor.confidence)
