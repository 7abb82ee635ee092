"""A warning of what another will suffer (round x2, b33's F11): "Lin warned that Japan would bear all the
consequences if it continued", "Ankara warned that Athens would pay a heavy price".

The clause's subject is the one threatened, not the one who acts: the act ("bear all the consequences", "pay a heavy
price", "regret it") is suffered, an idiom of ``gaiko/data/pledges/consequences.yaml`` (the list the tracker reads
such threats by). So the pledge is the warner's threat with the subject as its target, never the subject's own
pledge; before this round a warner the actor lexicon did not place ("Lin") left the threat to the subject (Japan),
and a placed warner of another country dropped it (round n50's guard).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ..tables import data_path, load_yaml, word_sets

__all__ = ["suffered_threat"]


@lru_cache(maxsize=1)
def _idioms() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in (load_yaml(data_path("pledges/consequences.yaml")) or {}).get("idioms", []))


def _act(verb: Token) -> str:
    """The verb's lemma and the words after it up to a clause or the end of its phrase ("bear all the consequences",
    not "... if it continued"), lower-cased."""
    stop = {t.i for c in verb.children if c.dep_ in ("advcl", "ccomp", "conj", "cc", "punct") for t in c.subtree}
    words = [t.lower_ for t in verb.subtree if t.i > verb.i and t.i not in stop]
    return " ".join([verb.lemma_.lower(), *words])


def suffered_threat(say: Token | None, subj: Token | None, verb: Token, speaker_tok: Token | None) -> bool:
    """Whether a pledge found under a warning verb (``warning_verbs`` of ``pledges/schedule_guards.yaml``) names what
    its subject will suffer: the subject a name or noun (no pronoun: "Moscow warned that it would make them pay
    dearly" is the warner's own word), another word than the warner, the act a consequence idiom."""
    if say is None or subj is None or speaker_tok is None or subj.pos_ not in ("PROPN", "NOUN"):
        return False
    if say.lemma_.lower() not in word_sets("pledges/schedule_guards.yaml")["warning_verbs"]:
        return False
    if subj.i == speaker_tok.i or subj.lower_ == speaker_tok.lower_:
        return False
    act = _act(verb)
    return any(p.search(act) for p in _idioms())
