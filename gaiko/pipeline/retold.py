"""A commitment retold in a relative clause of the sentence's subject (round t34, b33's F14): "The military hotline that
Greece and Turkey agreed to establish last month has not yet been set up". The cue ("agreed", in the past) only names
which thing the sentence is about; what the sentence says is its main clause, a report on the pledge (here a stall),
which the tracker reads. Taken as a new mention, the retold pledge restated itself with the sentence, and the report
was never read. A relative clause in the present ("the summit that Japan hopes to host"), or a main clause in the
future or conditional ("... will open in May"), stays a pledge.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["retold_in_subject"]

_SUBJECTS = ("nsubj", "nsubjpass")


def retold_in_subject(cue: Token) -> bool:
    """Whether the pledge cue ``cue`` is a past-tense relative clause on the subject of a main verb that reports (not
    foretells) something of it."""
    if cue.dep_ != "relcl" or cue.tag_ != "VBD":
        return False
    noun = cue.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in _SUBJECTS:
        return False
    main = noun.head
    if main.pos_ not in ("VERB", "AUX") or main.i == cue.i:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in main.children)
