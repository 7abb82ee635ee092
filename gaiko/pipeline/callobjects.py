"""Telephone calls whose object the parser read as a name given (issue 12, round t40).

"Macron called Scholz on Tuesday": the parser often labels "Scholz" ``oprd`` (the complement of naming, as in
"called Japan a partner"), and "called" has no object, so ``consult.call`` (which refuses ``oprd``) drafts nothing.
"Acting President Han Duck-soo called Donald Trump on Tuesday": the parser hangs "called" on the caller's name as a
participle (``acl``, "a group called Islamic State"). Both are repaired here, before the components read the parse:

* a verb of telephoning (``language/call_verbs.yaml``) in the active voice with a proper-noun ``oprd`` and no
  direct object gets that ``oprd`` as its direct object (a naming "called Putin a war criminal" has both, a passive
  "was called a traitor" has no subject of its own and is left alone); an adverb read as a second complement
  ("called Zelensky *late* on Friday") becomes an adverb;
* such a verb that is an ``acl`` of a proper-noun name right before it, with no determiner ("a group called
  Hamas" has one, and a common noun), becomes the verb of the name's clause: the name its subject, the words after
  the verb that hung on the name its own.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..errors import DataFileError

__all__ = ["repair_call_objects"]


@lru_cache(maxsize=None)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb lemmas, object tags, naming nouns) of ``language/call_verbs.yaml``. Raises DataFileError when a key is
    missing."""
    from ..tables import data_path, load_yaml

    path = data_path("language/call_verbs.yaml")
    data = load_yaml(path) or {}
    out = []
    for key in ("verbs", "object_tags", "naming_nouns"):
        v = data.get(key)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out.append(frozenset(v))
    return out[0], out[1], out[2]


def repair_call_objects(doc: Doc) -> Doc:
    """Repair the calls of ``doc`` in place (see the module docstring); returns ``doc``."""
    verbs, tags, naming = _data()
    for v in list(doc):
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs:
            continue
        if _split_naming(v, naming):
            continue
        kids = list(v.children)
        if any(c.dep_ in ("dobj", "auxpass", "nsubjpass", "dative") for c in kids):
            continue
        names = [c for c in kids if c.dep_ == "oprd" and c.tag_ in tags and c.i > v.i]
        if len(names) != 1:
            continue
        if v.dep_ == "acl" and not _promote(v):
            continue
        if not any(c.dep_ == "nsubj" for c in v.children):
            continue
        names[0].dep_ = "dobj"
        for c in kids:  # "called Zelensky late on Friday": an adverb the parser took for a second complement
            if c.dep_ == "oprd" and c.tag_ in ("RB", "RBR", "RBS"):
                c.dep_ = "advmod"
    return doc


def _promote(v: Token) -> bool:
    """Make the participle ``v`` ("Han Duck-soo *called* Donald Trump") the verb of its name's clause."""
    name = v.head
    if name.i + 1 != v.i or any(c.dep_ in ("det", "poss") for c in name.children):
        return False
    # "Choi Sang-mok": the tail of a hyphenated name is often tagged a common noun; its compounds are names
    if name.tag_ not in ("NNP", "NNPS") and not (name.tag_ == "NN" and any(
            c.dep_ == "compound" and c.tag_ == "NNP" for c in name.children)):
        return False
    up, dep = name.head, name.dep_
    if dep == "ROOT":
        new_dep = "ROOT"
    elif up.pos_ in ("VERB", "AUX") and dep in ("npadvmod", "nsubj", "dobj"):
        new_dep = "ccomp"  # "Ruto called Museveni, his office said"
    else:
        return False
    movers = [c for c in name.children if c.i > v.i]
    v.head = v if new_dep == "ROOT" else up
    v.dep_ = new_dep
    name.head = v
    name.dep_ = "nsubj"
    for c in movers:
        c.head = v
    v.tag_ = "VBD"
    return True


def _split_naming(v: Token, naming: frozenset[str]) -> bool:
    """"called the threat blackmail": the parser made "the threat blackmail" one compound noun, the called object.
    When that noun is a noun of blame (``naming_nouns``) with a determiner before a common-noun compound, the
    compound is the object and the noun of blame the name given (oprd), as "called the move a provocation" parses
    (round x10). "called the party leader" (no noun of blame) is left alone."""
    if any(c.dep_ == "oprd" for c in v.children):
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or obj.tag_ not in ("NN", "NNS") or obj.lemma_.lower() not in naming and obj.lower_ not in naming:
        return False
    left = [c for c in obj.children if c.i < obj.i]
    if not left or left[0].dep_ not in ("det", "poss") or any(c.dep_ not in ("det", "poss", "compound", "amod")
                                                             for c in left):
        return False
    first = max((c for c in left if c.dep_ == "compound" and c.tag_ in ("NN", "NNS")), key=lambda c: c.i, default=None)
    if first is None or first.i != obj.i - 1:
        return False
    first.head, first.dep_ = v, "dobj"
    for c in left:
        if c.i != first.i:
            c.head = first
    obj.dep_ = "oprd"
    return True
