"""A promised act whose object is not a plain noun after its verb (round p65, issue 14: the pledge's own frame
extracted wrong), for :func:`gaiko.pipeline.pledge_fields.action_of`.

* **A clause as the object** (:func:`complement_action`): the verb has no direct object and takes a complement clause
  after it, which ``own_tokens`` leaves out as a subordinate clause: "will make it illegal to export raw nuts",
  "make sure the herders can cross", "have the frigate refitted", "stop Russian timber being sold as Swedish",
  "examine whether the quotas breach the treaty", "audit how the grant money is spent", "make Peru respect the
  ruling". Before, the action was the bare verb ("make", "examine") and the pledge had no topic key. A clause with a
  future modal of its own ("will say it would ...") is another statement and stays out.
* **The thing that ends, begins or closes** (:func:`subject_action`): a verb of a course (``course_verbs`` of
  ``pledges/complements.yaml``: end, begin, close, resume, follow ...) with no object, active, whose subject is a
  thing, not an actor: "the fuel subsidy would end if ...", "voting in the local elections would begin in May",
  "A 10% duty would follow from June" (the speaker's pledge, whose act was "end", "begin", "follow"). The subject is
  the object: "end the fuel subsidy".
* **A relative pronoun as the object** (:func:`relative_object`): "a treaty with Togo, which Ghana's parliament will
  ratify" is "ratify a treaty with Togo" (before, "ratify" with the object "which").

* **A verb split at its prefix** (:func:`hyphen_action`): "agreed to co-chair a task force on seasonal workers" is
  "co-chair a task force on seasonal workers" (before, "co": the parser hangs "co", "-" and "chair" apart).

Each returns (action text, object text, object head or None) or None when its form does not hold. They read a spaCy
parse and raise nothing of their own.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["complement_action", "hyphen_action", "subject_action", "relative_object"]

_WORDS = "pledges/complements.yaml"
_FUTURE = frozenset({"will", "would", "shall", "'ll"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})


def _words(toks: list[Token]) -> str:
    """The tokens' text as written (``pledge_action``'s join: a gap where tokens were left out)."""
    from .pledge_action import _join

    return _join(toks)


def _clean(toks: list[Token]) -> list[Token]:
    """The tokens less punctuation (an inner hyphen kept), date words and what hangs from them, and a temporal
    preposition left without its date."""
    from .pledge_action import _drop_temporal, _temporal, _w, inner_hyphen

    toks = _drop_temporal(toks)
    return [t for t in toks if not (t.dep_ == "punct" and not inner_hyphen(t))
            and not (t.dep_ == "prep" and t.lower_ in _w("temporal_preps")
                     and all(_temporal(c) or c.ent_type_ == "DATE" for c in t.children))]


def _after_comma(t: Token) -> bool:
    """A phrase set off by a comma before it ("..., arguing that ...", "..., with the first ore due in 2028")."""
    k = t.left_edge.i
    return k > 0 and t.doc[k - 1].text == ","


def _infinitive(t: Token) -> bool:
    """An infinitive the parser calls a relative clause ("a criminal offence [to help smuggle cocoa]"): the noun's
    content, kept."""
    return t.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)


def complement_action(verb: Token, action: str) -> tuple[str, str | None, Token | None] | None:
    """The act with its complement clause as object, when the verb has no object of its own and ``action`` (the plain
    reading) is the bare verb or the verb with adverbs only; else None."""
    if any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is None or any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in comp.children):
        return None
    if any(c.dep_ == "prep" and c.i < comp.left_edge.i for c in verb.children):
        return None  # "talk with X about whether ...": the plain reading names a thing already
    def is_aside(t: Token) -> bool:
        return (t.dep_ in ("relcl", "appos", "parataxis") and not _infinitive(t) or _after_comma(t)
                or t.dep_ == "advcl" and any(m.dep_ == "mark" for m in t.children))

    # "make India honour the treaty[, which the bank ...]": the noun without its clause
    aside = {x.i for t in comp.subtree if t.i != comp.i and is_aside(t) for x in t.subtree}
    words = _clean([t for t in comp.subtree if t.i not in aside])[:16]
    while words and (words[-1].dep_ in ("prep", "cc", "det", "mark") or words[-1].pos_ == "ADP"):
        words.pop()
    if not words:
        return None
    obj = _words(words)
    return f"{action} {obj}".strip(), obj, None


def subject_action(verb: Token, action: str, is_actor) -> tuple[str, str | None, Token | None] | None:
    """The act of a course verb with its thing subject as object ("the fuel subsidy would end" -> "end the fuel
    subsidy"; "the talks would resume in Nairobi" -> "resume the talks in Nairobi"), else None. ``action`` is the
    plain reading, whose words after the verb follow the subject; ``is_actor`` tells an actor's token."""
    if verb.lemma_.lower() not in word_sets(_WORDS)["course_verbs"]:
        return None
    if any(c.dep_ in _OBJECT_DEPS or c.dep_ in ("ccomp", "xcomp", "nsubjpass", "auxpass", "prt")
           for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None or subj.i > verb.i or subj.pos_ not in ("NOUN", "PROPN", "VERB") or is_actor(subj):
        return None
    if subj.pos_ == "VERB" and subj.tag_ != "VBG":
        return None
    words = _clean([t for t in subj.subtree if t.dep_ not in ("relcl", "appos", "acl") or t.i == subj.i])
    inner = {x.i for t in subj.subtree if t.i != subj.i and t.dep_ in ("relcl", "appos") for x in t.subtree}
    words = [t for t in words if t.i not in inner][:12]
    if not words:
        return None
    obj = _words(words)
    rest = action.split(" ", 1)[1] if " " in action else ""
    return f"{verb.lemma_} {obj} {rest}".strip(), obj, subj


def relative_object(verb: Token, action: str, obj_tok: Token | None) -> tuple[str, str | None, Token | None] | None:
    """The act of a relative clause whose object is its relative pronoun ("a treaty with Togo, which the parliament
    will ratify"): the antecedent's words up to the clause stand for the pronoun; else None."""
    if obj_tok is None or obj_tok.tag_ != "WDT" or obj_tok.dep_ != "dobj" or verb.dep_ != "relcl":
        return None
    noun = verb.head
    while noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "a treaty with Togo, which ...": the treaty, as for a relative passive (x23)
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = verb.doc
    start = noun.left_edge.i
    end = verb.left_edge.i
    words = [t for t in doc[start:end] if t.dep_ != "punct" or t.text == "-"]
    while words and words[-1].text in (",", "-"):
        words.pop()
    if not words:
        return None
    obj = _words(words)
    rest = action.split(" ", 1)[1] if " " in action else ""
    rest = " ".join(w for w in rest.split() if w.lower() not in ("which", "that"))
    return f"{verb.lemma_} {obj} {rest}".strip(), obj, noun


def hyphen_action(verb: Token) -> tuple[str, str | None, Token | None] | None:
    """The act of a verb the tokenizer split at its prefix ("co-chair", "co-finance", "re-open": ``hyphen_prefixes``
    of ``pledges/complements.yaml``), which the parser then reads as the verb "co" with the rest hung anywhere in the
    clause: the verb is the whole word and its object the words after it up to the next clause (a mark, a comma, a
    clause's verb); else None. Before, the action was "co"."""
    doc = verb.doc
    k = verb.i
    if verb.lower_ not in word_sets(_WORDS)["hyphen_prefixes"] or k + 2 >= len(doc):
        return None
    from .pledge_action import inner_hyphen

    if not inner_hyphen(doc[k + 1]) or not doc[k + 2].is_alpha:
        return None
    words: list[Token] = []
    for t in doc[k + 3:]:
        if (t.dep_ == "punct" and not inner_hyphen(t)) or t.dep_ == "mark" or t.lower_ in ("if", "unless", "once") \
                or (t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "conj", "ccomp", "relcl", "parataxis", "ROOT")):
            break
        words.append(t)
    words = _clean(words)
    while words and words[-1].dep_ in ("cc", "prep"):
        words.pop()
    head = f"{verb.text.lower()}-{doc[k + 2].lower_}"
    if not words:
        return head, None, None
    obj = _words(words)
    return f"{head} {obj}", obj, None
