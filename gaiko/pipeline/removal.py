"""The state that put people out ("Thousands of migrants were deported from Russia", "Two reporters were expelled
from Ethiopia", "A hacker was extradited from Cyprus to the United States"): in a passive with no "by" agent, the
country named by the "from" phrase of a verb of removal (``removal`` in ``gaiko/data/actors/no_sides.yaml``) is the
source, as its government (round a34)."""

from __future__ import annotations

from spacy.tokens import Token

from ..types import Actor
from .state import DocState

__all__ = ["removing_state"]


def removing_state(verb: Token, state: DocState) -> Actor | None:
    """The country (an actor named as a country or by a capital) of the "from" phrase of ``verb``, the anchor of an
    agentless passive, when ``verb`` is a verb of removal; as a ``GOV`` actor resolved by ``"removal"``. None for any
    other verb, for a "from" phrase that names no country ("deported from a detention centre") or a group of people
    ("expelled from the party")."""
    from ..actors.nosides import removal_verbs

    if verb.lemma_.lower() not in removal_verbs():
        return None
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        for o in (x for x in p.children if x.dep_ == "pobj"):
            a = state.actor_at(o)
            if a is not None and a.country and a.country not in ("IGO", "NGO", "IMG") \
                    and (a.resolved_by or "").split("+")[0] in ("country", "metonymy"):
                return Actor(**{**a.to_dict(), "sector": "GOV", "resolved_by": "removal"})
    return None
