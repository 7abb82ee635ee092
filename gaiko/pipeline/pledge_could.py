""""could ... if" of the speaker's own side, for the pledge extractor (round x21).

"could" is no future modal cue: "Oil prices could rise", "Ghana could default" are forecasts. But a speaker who says
that his own side could act if something happens ("Ankara could close the strait if the shelling goes on, the
minister said", "Windhoek warned that it could halt the shipments unless ...") states a conditional commitment, a
threat or a promise on a condition. So "could" over an act verb is a cue only when (1) the verb has a condition clause
("if", "unless", ...; ``condition_marks`` of ``cues.yaml``), (2) the clause is reported by a verb of saying, and (3)
it is not negated; the pledge is kept only when its actor is the speaker's own side (:func:`own_side`: the speaker by
a pronoun, or an actor of the speaker's country), the speaker an actor by its own word and the clause active. Left out: a forecast with no speaker, another side's conditional
("Macron said Germany could halt ... if"), analysts' speculation (a speaker with no country), "could" with no
condition ("France could send troops").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

__all__ = ["could_verb", "own_side"]


def could_verb(t: Token, lex: Any) -> Token | None:
    """The verb of a conditional "could" at ``t`` reported by a speaker (module doc), else None."""
    from .pledge_parts import say_head

    if t.lower_ != "could" or t.dep_ != "aux" or t.head.pos_ != "VERB":
        return None
    v = t.head
    if any(c.dep_ == "neg" for c in v.children) or any(c.dep_ == "aux" and c.lower_ == "have" for c in v.children):
        return None  # "could not ...", "could have done": no commitment
    if not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.condition_marks for m in c.children)
               for c in v.children):
        return None
    return v if say_head(v, lex) is not None else None


def own_side(actor_tok: Token | None, actor: Any, speaker: Any, speaker_tok: Token | None, passive: Any,
             lex: Any) -> bool:
    """Whether the actor of a "could ... if" is the speaker's own side: a pronoun for the speaker, the speaker itself,
    or an actor of the speaker's country (a country code of three letters, no IGO). The speaker must be an actor by its
    own word (:func:`~.pledge_parts.is_actorish`: "analysts at a Santiago bank" are none, though a place in their
    phrase gives them a country). A passive with no agent is the speaker's act only on a thing ("the sanctions could
    be revived if ..., the minister said"); on an actor ("Pakistan could be declared free of polio if ..., WHO
    officials said") it is a forecast of what others may do."""
    from .pledge_parts import is_actorish

    if speaker is None or speaker_tok is None or not is_actorish(speaker_tok, lex):
        return False
    if passive is not None and (passive[0] is None or is_actorish(passive[0], lex)):
        return False  # "Pakistan could be declared free ...": an act on another actor, not the speaker's
    if actor_tok is not None and actor_tok.pos_ == "PRON":
        return True
    if actor is speaker or (speaker.name and speaker.name == actor.name):
        return True
    c = speaker.country
    return bool(c) and len(c) == 3 and c != "IGO" and actor.country == c
