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

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexclasses import word_classes

__all__ = ["RuleView", "candidate_tokens", "token_features", "sentence_features"]

MODALS = frozenset({"will", "would", "shall", "'ll", "wo", "must", "should", "ought", "could", "might", "may",
                    "can", "ca", "to", "going", "cannot"})
CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "dobj", "obj", "xcomp", "ccomp", "prt", "nsubj", "nsubjpass",
                        "agent", "acomp", "attr", "advcl", "mark", "oprd", "dative", "advmod", "npadvmod", "acl",
                        "relcl", "compound", "amod", "poss"})
NOUN_CAND_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "pobj", "ROOT", "conj", "appos", "attr", "oprd",
                            "dative", "npadvmod"})
STOP = frozenset({"be", "have", "do", "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "at",
                  "by", "from", "as", "that", "this", "it", "its", "their", "his", "her", "he", "she", "they", "we",
                  "said", "say", "-pron-"})


@dataclass
class RuleView:
    """What the rules decided about one token (filled by the event coder)."""

    entry_type: str | None = None  # PLOVER type of the lexicon entry that matched
    kind: str | None = None  # action, frame, intent
    final_type: str | None = None  # after PLOVER's conventions for intentions, refusals, demands
    absorbed_by: str | None = None  # type of the frame that absorbed this token's event
    flags: tuple[str, ...] = field(default_factory=tuple)  # intended, negated, hypothetical, reported, obligation


def candidate_tokens(sent: Span) -> list[Token]:
    """Tokens of ``sent`` that may head an event."""
    out: list[Token] = []
    for t in sent:
        pos, dep = t.pos_, t.dep_
        if pos == "VERB" and dep not in ("amod", "aux", "auxpass"):
            out.append(t)
        elif pos in ("NOUN", "PROPN") and dep in NOUN_CAND_DEPS and (pos == "NOUN" or dep == "ROOT"):
            out.append(t)
        elif pos in ("AUX", "ADJ") and (dep == "ROOT" or any(c.dep_ == "xcomp" for c in t.children)):
            out.append(t)
    return out


def sentence_features(sent: Span) -> list[str]:
    """Content lemmas of the sentence (``s=``), plus a few sentence-wide cues."""
    out: set[str] = set()
    for t in sent:
        if t.is_alpha and t.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "PROPN") and t.lemma_.lower() not in STOP:
            out.add("s=" + t.lemma_.lower())
        elif t.like_num and "-" in t.text:
            out.add("s:score")  # "2-0", "3-1"
        if t.ent_type_:
            out.add("se=" + t.ent_type_)
    if sent.text.rstrip().endswith("?"):
        out.add("s:question")
    if '"' in sent.text or "\u201c" in sent.text:
        out.add("s:quote")
    return sorted(out)


def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _path(t: Token, n: int = 3) -> str:
    parts: list[str] = []
    cur = t
    for _ in range(n):
        parts.append(cur.dep_)
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        cur = cur.head
    return ">".join(parts)


def _governor(t: Token) -> tuple[Token | None, str]:
    cur = t
    dep = t.dep_
    for _ in range(6):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return None, dep
        dep = cur.dep_ if cur is t else dep
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") or (cur.pos_ == "ADJ" and cur.dep_ in ("ROOT", "acomp")):
            return cur, dep
    return None, dep


def _chain_modality(t: Token, out: list[str]) -> None:
    """Modal, negation and condition cues on the token and the verbs above it (up to three levels)."""
    cur = t
    for level in range(3):
        for c in cur.children:
            d = c.dep_
            low = c.lower_
            if d in ("aux", "auxpass") and low in MODALS:
                out.append(f"m{level}={low}")
            elif d == "aux" and low == "to":
                out.append(f"m{level}=to")
            elif d == "neg" or low in ("never", "not", "n't", "no"):
                if d in ("neg", "advmod", "det"):
                    out.append(f"neg{level}")
            elif d == "mark" and low in ("if", "unless", "whether"):
                out.append(f"if{level}={low}")
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        out.append(f"up{level}={cur.dep_}:{_lem(cur.head)}")
        cur = cur.head


def token_features(t: Token, rule: RuleView | None = None, sent_feats: Iterable[str] = ()) -> list[str]:
    """Feature strings of candidate ``t`` (see the module docstring)."""
    lem = _lem(t)
    out = [f"l={lem}", f"p={t.pos_}", f"d={t.dep_}", f"ld={lem}|{t.dep_}", f"lp={lem}|{t.pos_}",
           f"tag={t.tag_}", f"path={_path(t)}"]
    wc = word_classes()
    if wc is not None:
        out += wc.features(lem, t.pos_, "")
        out += [f"{f}|{t.pos_}" for f in wc.features(lem, t.pos_, "", full=False)]
    if t.dep_ == "ROOT":
        out.append("root")
    else:
        h = t.head
        out += [f"h={_lem(h)}", f"hd={t.dep_}:{_lem(h)}", f"hp={h.pos_}"]
    gov, gdep = _governor(t)
    if gov is not None:
        out += [f"gov={_lem(gov)}", f"govd={gdep}:{_lem(gov)}"]
        if wc is not None:
            out += wc.features(_lem(gov), gov.pos_, f"g:{gdep}:", full=False)
    for c in t.children:
        d = c.dep_
        if d == "prep":
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            out.append(f"cp:{c.lower_}={_lem(pobj) if pobj is not None else ''}")
            out.append(f"cp:{c.lower_}")
            if pobj is not None and pobj.ent_type_:
                out.append(f"cpe:{c.lower_}={pobj.ent_type_}")
        elif d in CHILD_DEPS:
            out.append(f"c:{d}={_lem(c)}")
            if d in ("dobj", "obj", "nsubjpass", "attr"):
                out.append(f"obj={_lem(c)}")
                out.append(f"objl={lem}|{_lem(c)}")
                if wc is not None:
                    out += wc.features(_lem(c), c.pos_, "o:", full=False)
                if c.ent_type_:
                    out.append(f"obje={c.ent_type_}")
            elif d in ("nsubj", "agent"):
                out.append(f"subj={_lem(c)}")
                if wc is not None:
                    out += wc.features(_lem(c), c.pos_, "s:", full=False)
                if c.ent_type_:
                    out.append(f"subje={c.ent_type_}")
    _chain_modality(t, out)
    doc = t.doc
    if t.i > 0:
        out.append(f"w-1={doc[t.i - 1].lower_}")
    if t.i + 1 < len(doc):
        out.append(f"w+1={doc[t.i + 1].lower_}")
    if t.i + 2 < len(doc):
        out.append(f"w+2={doc[t.i + 2].lower_}")
    if rule is not None:
        if rule.entry_type:
            out += [f"rule={rule.entry_type}", f"rulek={rule.kind}"]
        if rule.final_type:
            out.append(f"rulef={rule.final_type}")
        if rule.absorbed_by:
            out.append(f"absorbed={rule.absorbed_by}")
        out += [f"flag={f}" for f in rule.flags]
    out.extend(sent_feats)
    return out
