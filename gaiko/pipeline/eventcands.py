"""Finding a sentence's trigger words for the event coder (:class:`gaiko.pipeline.events.EventCoder`): the verbs,
nouns (with the verb that hosts them: "held talks") and adjectives ("said sorry") the lexicons match
(:meth:`TriggerFinder._candidates`), and a frame's complement ("threatened to X", "demanded that X") absorbed into
it (:meth:`TriggerFinder._link_frames`).

A mixin of :class:`~gaiko.pipeline.events.EventCoder` (it uses the coder's ``lex`` and ``noun_hosts``). Split from
:mod:`gaiko.pipeline.events` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they were.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..docindex import columns
from .eventrecord import Cand as _Cand
from .state import get_state
from .triggers import Lexicon

__all__ = ["TriggerFinder", "ADJ_HOSTS", "NOUN_DEPS", "COMPLEMENT_DEPS"]

#: verbs whose adjective complement may be an act of the lexicons' ``adjs`` ("was sorry", "said sorry"; not "felt
#: sorry for", pity, nor "sorry to hear" (an infinitive), round t33)
ADJ_HOSTS = frozenset({"be", "say"})
NOUN_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "nsubj", "pobj", "ROOT", "conj", "appos"})
COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "obj")


def _one_name(tok: Token, mod: Token) -> bool:
    """Whether a proper noun and its proper-noun compound are words of one actor's name ("Support" and "Forces" of
    "The Rapid Support Forces pledged ...", "Mobilization" of "the Popular Mobilization Forces"): a word of a name is
    no act (round x17, b41's F8: a phantom SUPPORT or MOBILIZE at "Forces" under a verb of pledging)."""
    if tok.pos_ != "PROPN" or mod.pos_ != "PROPN":
        return False
    state = get_state(tok.doc)
    idx = state.token_actor.get(tok.i)
    return idx is not None and state.token_actor.get(mod.i) == idx


class TriggerFinder:
    lex: Lexicon
    noun_hosts: frozenset[str]

    # -- finding triggers -------------------------------------------------
    def _candidates(self, sent: Span) -> dict[int, _Cand]:
        lex = self.lex
        out: dict[int, _Cand] = {}
        doc = sent.doc
        cols = columns(doc)
        for i in range(sent.start, sent.end):
            pos = cols.pos[i]
            if pos == "ADJ" and lex.adjs and cols.dep[i] in ("acomp", "oprd"):
                tok = doc[i]  # "said he was sorry", "said sorry": the adjective of a copula or of "say" (round t33)
                if lex.lemma(tok.head) in ADJ_HOSTS and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) \
                        and (e := lex.match(tok, "adj")) is not None:
                    out[tok.i] = _Cand(tok, e, tok.head)
                continue
            if pos not in ("VERB", "NOUN", "PROPN") or cols.dep[i] in ("amod", "compound", "aux", "auxpass"):
                continue
            tok = doc[i]
            if pos == "VERB":
                if lex.lemma(tok) in lex.intent_verbs and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                    continue  # "plans to X": an intention marker, X is the event
                e = lex.match(tok, "verb")
                if e is not None:
                    out[tok.i] = _Cand(tok, e, tok)
            elif pos in ("NOUN", "PROPN") and tok.dep_ in NOUN_DEPS:
                host = self._noun_host(tok)
                if host is None:
                    continue
                e = lex.match(tok, "noun")
                if e is not None:
                    out[tok.i] = _Cand(tok, e, host)
                    continue
                for mod in tok.children:  # "a mediation mission", "peace talks"; not "Rapid Support Forces" (x17)
                    if mod.dep_ == "compound" and not _one_name(tok, mod) and (e := lex.match(mod, "noun")) is not None:
                        out[tok.i] = _Cand(tok, e, host)
                        break
        return out

    def _noun_host(self, tok: Token) -> Token | None:
        """The verb that makes a noun trigger an event ("held talks"), or None."""
        head = tok.head
        if tok.dep_ == "ROOT":
            return tok  # headline fragment: "Talks in Geneva"
        if tok.dep_ in ("conj", "appos"):
            return self._noun_host(head) if head.i != tok.i else None
        if tok.dep_ == "pobj":
            prep = head
            if prep.lower_ in ("in", "on", "into", "for") and prep.head.pos_ == "VERB" \
                    and self.lex.lemma(prep.head) in self.noun_hosts | {"engage", "participate", "go", "call"}:
                return prep.head
            return None
        if head.pos_ in ("VERB", "AUX") and self.lex.lemma(head) in self.noun_hosts:
            return head
        return None

    def _link_frames(self, cands: dict[int, _Cand]) -> None:
        for c in list(cands.values()):
            if c.entry.kind != "frame":
                continue
            comp: Token | None = None
            for ch in c.tok.children:
                if ch.dep_ in COMPLEMENT_DEPS and ch.i in cands and ch.i != c.tok.i:
                    comp = ch
                    break
                if ch.dep_ in ("xcomp", "ccomp") and comp is None:
                    comp = ch
                if ch.dep_ == "prep" and ch.lower_ in ("for", "to") and comp is None:
                    comp = next((p for p in ch.children if p.dep_ == "pobj"), None)
            if comp is None:
                continue
            c.complement_tok = comp
            inner = cands.get(comp.i)
            if inner is None:  # "demanded that X end curbs": noun trigger inside the complement
                inner = next((cands[t.i] for t in comp.children if t.i in cands and t.dep_ in ("dobj", "xcomp")), None)
            if inner is not None and inner is not c:
                inner.absorbed = True
                c.complement = inner
                for t in inner.tok.children:
                    if t.dep_ == "conj" and t.i in cands:
                        cands[t.i].absorbed = True
