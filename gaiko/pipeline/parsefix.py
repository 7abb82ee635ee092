"""Repairs of parser errors that the components would otherwise read as a different event.

* **reduced passive relatives**: "Two Italian engineers abducted near Tera on February 10 were freed on Friday" is
  often parsed with "abducted" as the main verb (subject "engineers") and "were freed" as a conjunct without a
  subject or a conjunction: the abduction then has the engineers as its source and "freed" none. The participle is
  made a clause modifying the noun (``acl``: the noun is what it was done to) and the passive conjunct the verb of
  the clause, with the noun as its passive subject.
* **a conjoined clause's subject read as an object before its time phrase**: in "Poland on Tuesday accused Belarus of
  ..., and Belarus's foreign ministry the same day accused Poland of ..." the parser often hangs "ministry" on the first
  verb (an object, or a conjunct of its subject) and the second verb on it as an adverbial clause without a subject, so
  the second accusation got the first one's source. After ", and" the noun phrase right before a time phrase (a date
  or time entity) that stands right before a subjectless verb is that verb's subject (round c39).
* **present-tense verbs read as nouns** ("The junta shells villages"): :mod:`gaiko.pipeline.presentverbs`.
* **hyphenated verbs split and read as nouns** ("North Korea test-fires missile"): :mod:`gaiko.pipeline.hyphenverbs`
  (round t36).
* **organisation acronyms read as verbs** ("ECOWAS ministers on Tuesday repeated"): :mod:`gaiko.pipeline.acronyms`
  (round x7).
* **telephone calls read as naming** ("Macron called Scholz on Tuesday"): :mod:`gaiko.pipeline.callobjects`
  (round t40).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["repair_parse", "back_to_main", "said_too"]


def repair_parse(doc: Doc, nlp: Language | None = None) -> Doc:
    """Repair ``doc``'s parse in place (returns it). With ``nlp``, the pipeline that parsed it, a sentence whose
    hyphenated verb was split and read as a noun (:mod:`gaiko.pipeline.hyphenverbs`), and a clause whose
    present-tense verb was tagged a noun (:mod:`gaiko.pipeline.presentverbs`), are parsed again."""
    from .hyphenverbs import repair_hyphen_verbs
    from .callobjects import repair_call_objects
    from .presentverbs import repair_present_verbs
    from .acronyms import repair_acronym_verbs

    repair_acronym_verbs(doc, nlp)
    repair_hyphen_verbs(doc, nlp)
    repair_present_verbs(doc, nlp)
    for tok in list(doc):
        _reduced_relative(tok)
    for tok in list(doc):
        _time_phrase_subject(tok)
    repair_call_objects(doc)
    return doc


def _reduced_relative(v) -> None:  # type: ignore[no-untyped-def]
    if v.tag_ not in ("VBD", "VBN") or v.pos_ != "VERB" or v.dep_ not in ("ROOT", "ccomp", "conj", "advcl"):
        return
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if len(subj) != 1 or subj[0].pos_ not in ("NOUN", "PROPN"):
        return
    if any(c.dep_ in ("aux", "auxpass", "dobj", "neg", "cc") for c in v.children):
        return  # "had abducted", "abducted two men", "and": a verb of its own
    main = [c for c in v.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i > v.i
            and any(a.dep_ == "auxpass" and a.i < c.i and a.lower_ in ("was", "were", "is", "are", "has", "have")
                    for a in c.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") or a.dep_ == "cc" and a.i < c.i for a in c.children)]
    if len(main) != 1:
        return
    c, s = main[0], subj[0]
    if any(doc_tok.dep_ == "cc" or doc_tok.lower_ in (",", ";", "and", "but")
           for doc_tok in v.doc[v.i + 1:c.i] if doc_tok.head.i == v.i or doc_tok.head.i == c.i):
        return  # "abducted them, and were freed": a coordination after all
    head, dep = v.head, v.dep_
    c.head = c if head.i == v.i else head
    c.dep_ = dep
    s.head = c
    s.dep_ = "nsubjpass"
    v.head = s
    v.dep_ = "acl"
    v.tag_ = "VBN"


def _time_phrase_subject(v) -> None:  # type: ignore[no-untyped-def]
    """", and <noun phrase> <time phrase> <verb>": the noun phrase is the verb's subject (see the module docstring).
    The parser hangs the verb on the first verb (an adverbial clause, or a conjunct), with the time phrase below it, or
    on the time phrase's noun (a clause modifying "day"), with the time phrase below the first verb."""
    if v.pos_ != "VERB" or v.i < 4 or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
        return
    if v.dep_ in ("advcl", "conj"):
        t = next((c for c in v.children if c.dep_ == "npadvmod" and c.i < v.i and c.right_edge.i == v.i - 1), None)
        head = v.head
    elif v.dep_ == "acl" and v.head.dep_ == "npadvmod" and v.head.i == v.i - 1:
        t = v.head
        head = t.head
    else:
        return
    if t is None or not any(w.ent_type_ in ("DATE", "TIME") for w in t.subtree) or t.left_edge.i < 3:
        return
    doc = v.doc
    n = doc[t.left_edge.i - 1]
    if n.pos_ not in ("NOUN", "PROPN") or n.dep_ not in ("dobj", "conj") or n.head.i != head.i:
        return
    cc = doc[n.left_edge.i - 1] if n.left_edge.i > 1 else None
    if cc is None or cc.lower_ not in ("and", "but") or doc[cc.i - 1].text != "," or head.i >= cc.i:
        return
    if t.head.i != v.i:
        v.head = head
        t.head = v
    n.head = v
    n.dep_ = "nsubj"
    v.dep_ = "conj"


#: conjunctions of an adverbial clause that a subjectless ", and <verb>" after it does not continue
_SUBORDINATE = frozenset({"after", "before", "as", "when", "while", "since", "because", "although", "though", "once"})


def back_to_main(conj) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb conjoined to the verb of an adverbial clause ("after", "before", "as", "when" ...) follows ", and"
    after that clause: it goes with the main clause ("Students marched on Sunday, a day after the party held a rally,
    and blocked the bridge": the students blocked it on Sunday; "The minister arrived on Monday, as her office had
    announced last week, and held talks": the talks are Monday's), whatever the parser hung it on."""
    head = conj.head
    if conj.dep_ != "conj" or not any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE for c in head.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) or head.head.i == head.i:
        return False
    cc = next((c for c in head.children if c.dep_ == "cc" and c.i < conj.i), None)
    return cc is not None and cc.i > 0 and conj.doc[cc.i - 1].text == ","


def said_too(conj) -> bool:  # type: ignore[no-untyped-def]
    """Whether a subjectless verb of saying or promising with a clause of its own, conjoined to the verb of a clause
    that a higher verb states, goes with that higher verb, because the clause's subject is a weapon or a machine
    ("The Kremlin acknowledged that Russian missiles had hit the plane and promised that Russia would pay": the
    Kremlin promised, not the missiles; ``language/mute_doers.yaml``, round x11, b38's F14)."""
    from ..tables import word_sets

    head = conj.head
    if conj.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i or head.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
            or not any(c.dep_ in ("ccomp", "xcomp") for c in conj.children):
        return False
    w = word_sets("language/mute_doers.yaml")
    if conj.lemma_.lower() not in w["speech_acts"]:
        return False
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    top_subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and top_subj is not None and subj.pos_ == "NOUN" and subj.lower_ in w["things"]
