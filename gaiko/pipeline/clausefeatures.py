"""Features of a candidate clause head, for the learned type model.

A *candidate* is a token that may carry an event: a verb, an event noun, or the
head of a verbless or copular clause ("is ready to", "Talks in Geneva").
:func:`candidate_tokens` picks them; :func:`token_features` describes one as a
list of feature strings (the model hashes nothing: it looks strings up in the
vocabulary it was trained with, unknown ones are ignored).

What a feature says, by prefix:

* ``l=`` lemma, ``p=`` part of speech, ``d=`` dependency label, ``ld=`` both;
* ``h=``/``hd=`` the head's lemma and dependency, ``path=`` the labels up to the
  root (at most three), ``gov=`` the nearest governing verb and how the clause
  hangs off it (``govd=``), ``root``;
* ``c:<dep>=`` lemmas of children (auxiliaries, negation, objects, complements,
  particles, prepositions with their objects: ``cp:<prep>=``);
* ``obj=``/``subj=`` head lemmas and entity labels of object and subject;
* ``m=`` modal and intention cues of the clause chain, ``neg``, ``if``;
* ``rule=`` what the rule lexicon says of this token (entry type, kind, the type
  after PLOVER's modal conventions, whether a frame absorbed it and the frame's type);
* ``w-1=``/``w+1=`` neighbouring lemmas; ``s=`` content lemmas of the sentence
  (shared by every candidate of the sentence: sports and market vocabulary
  tell "attack" from an attack).

The rule information is passed in by the event coder, so training and coding
see exactly the same features.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..docindex import columns
from ..tables import word_sets
from .lexclasses import word_classes

__all__ = ["RuleView", "Tree", "tree", "candidate_tokens", "token_features", "sentence_features", "transparent"]

#: word lists: ``gaiko/data/typemodel/feature_words.yaml`` (read once, on first use)
_WORDS = "typemodel/feature_words.yaml"


def transparent() -> frozenset[str]:
    """Aspect verbs whose complement is the event ("continued to shadow", "began shelling"): the complement is described
    as if it stood in the aspect verb's place, and training labels the complement (gaiko.learn.train)."""
    return word_sets(_WORDS)["transparent"]


def _w(key: str) -> frozenset[str]:
    """A word list of ``typemodel/feature_words.yaml`` as a set: ``modals``, ``stop``, ``transparent``."""
    return word_sets(_WORDS)[key]


CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "dobj", "obj", "xcomp", "ccomp", "prt", "nsubj", "nsubjpass",
                        "agent", "acomp", "attr", "advcl", "mark", "oprd", "dative", "advmod", "npadvmod", "acl",
                        "relcl", "compound", "amod", "poss"})
NOUN_CAND_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "pobj", "ROOT", "conj", "appos", "attr", "oprd",
                            "dative", "npadvmod"})
SENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})
NEGATORS = frozenset({"never", "not", "n't", "no"})
_TREE = "gaiko.tree"


@dataclass
class RuleView:
    """What the rules decided about one token (filled by the event coder)."""

    entry_type: str | None = None  # PLOVER type of the lexicon entry that matched
    kind: str | None = None  # action, frame, intent
    final_type: str | None = None  # after PLOVER's conventions for intentions, refusals, demands
    absorbed_by: str | None = None  # type of the frame that absorbed this token's event
    complement_types: tuple[str, ...] = ()  # lexicon types of the complement clauses' heads ("vowed to block")
    flags: tuple[str, ...] = field(default_factory=tuple)  # intended, negated, hypothetical, reported, obligation


class Tree:
    """The parse of a document as plain lists (read once; spaCy builds a Token object per access)."""

    __slots__ = ("lemma", "lower", "pos", "tag", "dep", "head", "children", "ent", "alpha", "num")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import ENT_TYPE, HEAD, IS_ALPHA, LIKE_NUM, TAG

        cols = columns(doc)  # shared with the other components
        n = len(doc)
        self.lemma, self.lower, self.pos, self.dep = cols.lemma, cols.lower, cols.pos, cols.dep
        arr = doc.to_array([TAG, HEAD, ENT_TYPE, IS_ALPHA, LIKE_NUM]) if n else []
        strings = doc.vocab.strings
        self.tag = [strings[int(r[0])] for r in arr]
        self.head = [i + int(r[1]) if int(r[1]) < 2**63 else i + int(r[1]) - 2**64 for i, r in enumerate(arr)]
        self.ent = [strings[int(r[2])] if int(r[2]) else "" for r in arr]
        self.alpha = [bool(r[3]) for r in arr]
        low = cols.lower
        # a score such as "2-0" or "3–1" (one token or three)
        self.num = [bool(r[4]) and ("-" in low[i] or "\u2013" in low[i]
                                    or (i + 2 < n and low[i + 1] in ("-", "\u2013") and low[i + 2].isdigit()))
                    for i, r in enumerate(arr)]
        ch: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                ch[h].append(i)
        self.children = ch


def tree(doc: Doc) -> Tree:
    """The (cached) :class:`Tree` of ``doc``."""
    t = doc.user_data.get(_TREE)
    if t is None:
        t = doc.user_data[_TREE] = Tree(doc)
    return t  # type: ignore[no-any-return]


#: WordNet classes of nouns that can name an event ("the expulsion", "talks", "a strike"); nouns of other
#: classes (people, groups, artefacts, places, times ...) are candidates only when a lexicon entry knows them
EVENT_NOUN_CLASSES = frozenset({"noun.act", "noun.event", "noun.communication", "noun.phenomenon", "noun.state",
                                "noun.possession", "noun.process"})


@lru_cache(maxsize=65536)
def _eventive_noun(lemma: str) -> bool:
    wc = word_classes()
    if wc is None:
        return True
    wn = wc.wordnet.get((lemma, "n"))
    return wn is None or any(x in EVENT_NOUN_CLASSES for x in wn[0].split("|"))


def candidate_tokens(sent: Span, known: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Indices of the tokens of ``sent`` that may head an event: verbs, the heads of verbless and copular
    clauses, and nouns that can name an event (or that a lexicon entry knows: ``known``)."""
    tr = tree(sent.doc)
    out: list[int] = []
    pos, dep, ch = tr.pos, tr.dep, tr.children
    for i in range(sent.start, sent.end):
        p, d = pos[i], dep[i]
        if p == "VERB" and d not in ("amod", "aux", "auxpass"):
            out.append(i)
        elif p in ("NOUN", "PROPN") and d in NOUN_CAND_DEPS and (p == "NOUN" or d == "ROOT"):
            if i in known or d == "ROOT" or _eventive_noun(tr.lemma[i]):
                out.append(i)
        elif p in ("AUX", "ADJ") and (d == "ROOT" or any(dep[c] == "xcomp" for c in ch[i])):
            out.append(i)
    return out


def sentence_features(sent: Span) -> list[str]:
    """Content lemmas of the sentence (``s=``), plus a few sentence-wide cues."""
    tr = tree(sent.doc)
    out: set[str] = set()
    for i in range(sent.start, sent.end):
        if tr.alpha[i] and tr.pos[i] in SENT_POS and tr.lemma[i] not in _w("stop"):
            out.add("s=" + tr.lemma[i])
        elif tr.num[i]:
            out.add("s:score")  # "2-0", "3-1"
        if tr.ent[i]:
            out.add("se=" + tr.ent[i])
    text = sent.text
    if text.rstrip().endswith("?"):
        out.add("s:question")
    if '"' in text or "\u201c" in text:
        out.add("s:quote")
    return sorted(out)


@lru_cache(maxsize=65536)
def _classes(lemma: str, pos: str, prefix: str, full: bool) -> tuple[str, ...]:
    wc = word_classes()
    if wc is None:
        return ()
    return tuple(wc.features(lemma, pos, prefix, full))


def _path(tr: Tree, i: int, n: int = 3) -> str:
    parts: list[str] = []
    cur = i
    for _ in range(n):
        parts.append(tr.dep[cur])
        if tr.dep[cur] == "ROOT" or tr.head[cur] == cur:
            break
        cur = tr.head[cur]
    return ">".join(parts)


def _governor(tr: Tree, i: int) -> tuple[int | None, str]:
    cur = i
    dep = tr.dep[i]
    for _ in range(6):
        if tr.dep[cur] == "ROOT" or tr.head[cur] == cur:
            return None, dep
        cur = tr.head[cur]
        p = tr.pos[cur]
        if p in ("VERB", "AUX") or (p == "ADJ" and tr.dep[cur] in ("ROOT", "acomp")):
            return cur, dep
    return None, dep


def _chain_modality(tr: Tree, i: int, out: list[str]) -> None:
    """Modal, negation and condition cues on the token and the verbs above it (up to three levels)."""
    cur = i
    for level in range(3):
        for c in tr.children[cur]:
            d = tr.dep[c]
            low = tr.lower[c]
            if d in ("aux", "auxpass") and low in _w("modals"):
                out.append(f"m{level}={low}")
            elif d == "neg" or (low in NEGATORS and d in ("advmod", "det")):
                out.append(f"neg{level}")
            elif d == "mark" and low in ("if", "unless", "whether"):
                out.append(f"if{level}={low}")
        if tr.dep[cur] == "ROOT" or tr.head[cur] == cur:
            break
        out.append(f"up{level}={tr.dep[cur]}:{tr.lemma[tr.head[cur]]}")
        cur = tr.head[cur]


def _child_cues(tr: Tree, c: int) -> list[str]:
    """Negation, modals and the object of a complement clause ("vowed to block the rig")."""
    out: list[str] = []
    for g in tr.children[c]:
        d = tr.dep[g]
        if d == "neg":
            out.append("neg")
        elif d in ("aux", "auxpass") and tr.lower[g] in _w("modals"):
            out.append(f"m={tr.lower[g]}")
        elif d in ("dobj", "obj"):
            out.append(f"obj={tr.lemma[g]}")
    return out


def token_features(doc: Doc, i: int, rule: RuleView | None = None) -> list[str]:
    """Feature strings of candidate token ``i`` of ``doc`` (see the module docstring); the sentence's
    own features (:func:`sentence_features`) are kept apart so they are scored once per sentence."""
    tr = tree(doc)
    lem, pos = tr.lemma[i], tr.pos[i]
    at = i  # where the clause hangs: an aspect verb's place for its complement ("continue to shadow")
    out: list[str] = []
    if tr.dep[i] == "xcomp" and tr.lemma[tr.head[i]] in transparent() and tr.head[i] != i:
        at = tr.head[i]
        out.append(f"aspect={tr.lemma[at]}")
    elif lem in transparent() and any(tr.dep[c] == "xcomp" for c in tr.children[i]):
        out.append("aspect_head")
    dep = tr.dep[at]
    out += [f"l={lem}", f"p={pos}", f"d={dep}", f"ld={lem}|{dep}", f"path={_path(tr, at)}"]
    out += _classes(lem, pos, "", True)
    if dep == "ROOT":
        out.append("root")
    else:
        h = tr.head[at]
        out += [f"h={tr.lemma[h]}", f"hd={dep}:{tr.lemma[h]}"]
    gov, gdep = _governor(tr, at)
    if gov is not None:
        gl = tr.lemma[gov]
        out += [f"gov={gl}", f"govd={gdep}:{gl}"]
        out += _classes(gl, tr.pos[gov], f"g:{gdep}:", False)
    kids = tr.children[i] if at == i else [c for c in tr.children[i]] + [c for c in tr.children[at] if c != i]
    for c in kids:
        d = tr.dep[c]
        cl = tr.lemma[c]
        if d == "prep":
            pobj = next((x for x in tr.children[c] if tr.dep[x] in ("pobj", "pcomp")), None)
            low = tr.lower[c]
            out.append(f"cp:{low}={tr.lemma[pobj] if pobj is not None else ''}")
            if pobj is not None and tr.ent[pobj]:
                out.append(f"cpe:{low}={tr.ent[pobj]}")
        elif d in CHILD_DEPS:
            out.append(f"c:{d}={cl}")
            if d in ("xcomp", "ccomp"):
                out += _classes(cl, tr.pos[c], f"x:{d}:", False)
                out += [f"x:{d}:{f}" for f in _child_cues(tr, c)]
            elif d in ("dobj", "obj", "nsubjpass", "attr"):
                out += [f"obj={cl}", f"objl={lem}|{cl}"]
                out += _classes(cl, tr.pos[c], "o:", False)
                if tr.ent[c]:
                    out.append(f"obje={tr.ent[c]}")
            elif d in ("nsubj", "agent"):
                out.append(f"subj={cl}")
                out += _classes(cl, tr.pos[c], "s:", False)
                if tr.ent[c]:
                    out.append(f"subje={tr.ent[c]}")
    _chain_modality(tr, at, out)
    n = len(tr.lower)
    if i > 0:
        out.append(f"w-1={tr.lower[i - 1]}")
    if i + 1 < n:
        out.append(f"w+1={tr.lower[i + 1]}")
    if rule is not None:
        if rule.entry_type:
            out += [f"rule={rule.entry_type}", f"rulek={rule.kind}"]
        if rule.final_type:
            out.append(f"rulef={rule.final_type}")
        if rule.absorbed_by:
            out.append(f"absorbed={rule.absorbed_by}")
        out += [f"rulec={x}" for x in rule.complement_types]
        out += [f"flag={f}" for f in rule.flags]
    return out
