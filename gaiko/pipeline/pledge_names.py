"""A name the tagger takes for a common noun, for the pledge extractor (round x21).

The small English model tags many company names it never saw as common nouns ("Arianespace plans to ...", "Rusal is
set to restart ...", "Maersk to resume ..."): no entity, no PROPN, so :func:`gaiko.pipeline.pledge_parts.is_actorish`
took them for things and the pledge was lost. A subject that is capitalised, all letters (three or more) and a word
neither WordNet (``typemodel/wordnet_classes.tsv.gz``) nor the lemma clusters of the type model know is read as such a
name, as a PROPN subject is. Capitalised common words at the start of a sentence ("Cocoa", "Inflation", "Brent",
"Omicron") are known words and stay things. A subject whose verb says what is foreseen for it, not what it does
(``outcome_verbs`` in ``pledges/headline.yaml``, ``course_verbs`` in ``pledges/names.yaml``: "Vestas is set to grow
5%", "Mpox is set to spread") is no name read this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

__all__ = ["unknown_name"]

_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Every lemma WordNet or the lemma clusters know (lower case); empty when the tables are not installed."""
    from .lexclasses import word_classes

    wc = word_classes()
    if wc is None:
        return frozenset()
    return frozenset(k[0] for k in wc.wordnet) | frozenset(wc.clusters)


def _outcome(tok: Token) -> bool:
    """Whether the subject's verb (or the infinitive it governs: "is set to rise") is an outcome verb."""
    from ..tables import word_sets

    outcome = word_sets("pledges/headline.yaml")["outcome_verbs"] | word_sets("pledges/names.yaml")["course_verbs"]
    verbs = [tok, *tok.children] if tok.dep_ == "ROOT" else [tok.head, *tok.head.children]
    return any(v.lemma_.lower() in outcome for v in verbs if v.pos_ in ("VERB", "AUX") and (v is tok.head or
                                                                                            v.dep_ in ("xcomp", "acl")))


def unknown_name(tok: Token) -> bool:
    """Whether ``tok``, a subject (or a headline's root) the tagger did not take for a name, is one (module doc)."""
    if tok.pos_ not in ("NOUN", "VERB", "ADJ", "X") or tok.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return False
    if not tok.text[:1].isupper() or not _WORD.fullmatch(tok.text) or tok.ent_type_ not in ("", "ORG", "PRODUCT"):
        return False
    known = _known()
    if not known or tok.lower_ in known or tok.lemma_.lower() in known:
        return False
    return not _outcome(tok)
