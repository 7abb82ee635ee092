"""Who "he", "it", "its" and a state's "government" stand for, for the actor resolver.

A mixin of :class:`gaiko.actors.resolve._DocResolver` (it uses the resolver's ``doc``, ``sents``, ``history``,
``token_actor`` and ``_actor``). The word lists it reads are data: ``gaiko/data/actors/resolver_words.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .context import TRANSNATIONAL
from .mentions import PRONOUNS, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..docindex import Sentences
    from ..types import Actor

__all__ = ["CorefContext", "bloc_words", "body_sectors", "pos_of", "ruler_nouns", "saying_verbs"]

_PRON_WINDOW = 4  # sentences a pronoun may reach back


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("actors/resolver_words.yaml")
    raw = load_yaml(path) or {}
    if not isinstance(raw, dict):
        raise DataFileError(str(path), "expected a mapping of word lists (rulers, saying, bodies)")
    return {k: frozenset(str(w).lower() for w in raw.get(k) or ()) for k in ("rulers", "saying", "bodies", "bloc_nouns",
                                                                          "bloc_words", "blocs", "meet_verbs",
                                                                          "sent_verbs", "visit_verbs", "addressed")}


def bloc_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns of a bloc, words that may qualify it, names of blocs of states), lower-cased (round n49)."""
    w = _words()
    return w["bloc_nouns"], w["bloc_words"], w["blocs"]


def ruler_nouns() -> frozenset[str]:
    """Lemmas of nouns for a state's rulers ("government", "junta", "cabinet"): unqualified, they are the government
    of the country where the article happens."""
    return _words()["rulers"]


def body_sectors() -> frozenset[str]:
    """Sector codes (upper case) of a state's own bodies ("Parliament", "the Senate", "the Supreme Court"): a bare
    one the parser took for an organisation's name is of the country where the article happens (round t43)."""
    return frozenset(w.upper() for w in _words()["bodies"])


def saying_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying whose subject ``its``/``their`` in the reported clause refers to."""
    return _words()["saying"]


def pos_of(a: Actor) -> dict[str, Any]:
    """The text and character offsets of ``a``, to move a resolved actor onto another mention."""
    return {"text": a.text, "start": a.start, "end": a.end}


class CorefContext:
    doc: Doc
    sents: Sentences
    history: list[tuple[int, Actor, str | None, int]]
    token_actor: dict[int, Actor]
    _actor: Callable[..., Actor]  # the resolver's: an Actor at a mention's span

    def _antecedent(self, m: Mention, tok: int, gender: str | None) -> tuple[Actor, str | None] | None:
        sents = self.sents.starts
        here = self.sents.index(tok)
        lowest = sents[max(0, here - _PRON_WINDOW)]
        for t, prev, g, s in reversed(self.history):
            if t >= tok or s < lowest:
                if s < lowest:
                    break
                continue
            if not prev.person_id and self._no_person_referent(t, prev):
                continue  # "Macron told reporters he had urged Putin": not the reporters (round x58)
            if gender is None or g is None or g == gender:
                return prev, g
        return None

    def _no_person_referent(self, t: int, prev: Actor) -> bool:
        """Whether the mention starting at token ``t`` can stand for no "he" or "she" (round x58): a plural noun
        ("reporters", "the officials"), or the press addressed by a verb of saying ("told a reporter", "said to a
        journalist", ``resolver_words.yaml`` ``addressed``): the one who speaks is the speaker, never those told."""
        head = self.doc[t]
        while head.dep_ in ("compound", "amod", "det", "poss", "nummod", "case") and head.head.i > head.i:
            head = head.head
        if head.tag_ in ("NNS", "NNPS"):
            return True
        if prev.sector != "JRN" and prev.role != "journalist":
            return False
        verb = head.head
        if head.dep_ == "pobj" and verb.lower_ in ("to", "with"):
            verb = verb.head
        elif head.dep_ not in ("dobj", "dative", "iobj", "obj"):
            return False
        return verb.lemma_.lower() in _words()["addressed"]

    def _visitor(self, tok: Any, gender: str | None) -> tuple[Actor, str | None] | None:
        """The person "him"/"her" stands for as the one met ("refused to meet him"): the nearest person before it,
        in the pronoun's window, who was sent or came (round n49; ``resolver_words.yaml`` ``meet_verbs``). A person
        the history knows of another gender is passed over."""
        w = _words()
        if tok.dep_ not in ("dobj", "obj") or tok.head.lemma_.lower() not in w["meet_verbs"] or gender is None:
            return None
        for v in tok.ancestors:  # "Cooper said Russian officials refused to meet her": the speaker, as any pronoun
            if v.lemma_.lower() in w["saying"] and any(
                    c.dep_ == "nsubj" and c.i in self.token_actor and self.token_actor[c.i].person_id
                    for c in v.children):
                return None
        here = self.sents.index(tok.i)
        lowest = self.sents.starts[max(0, here - _PRON_WINDOW)]
        genders = {prev.person_id: g for _, prev, g, _ in self.history if prev.person_id}
        for i in range(tok.i - 1, lowest - 1, -1):
            x = self.doc[i]
            a = self.token_actor.get(i)
            if a is None or x.dep_ in ("compound", "flat") or not (
                    x.ent_type_ == "PERSON" or a.person_id or (x.pos_ == "PROPN" and a.resolved_by == "unresolved")):
                continue
            if not a.country:  # "senior diplomat Masaaki Kanai", a name the lists do not know: the title's country
                title = next((self.token_actor[c.i] for c in x.children if c.dep_ == "compound" and c.i in
                              self.token_actor and self.token_actor[c.i].country), None)
                if title is not None:
                    a = replace(a, country=title.country, sector=title.sector)
            g = genders.get(a.person_id) if a.person_id else None
            if g is not None and g != gender:
                continue
            for _ in range(2):
                v = x.head
                if x.dep_ in ("dobj", "obj") and v.lemma_.lower() in w["sent_verbs"]:
                    return a, g
                if x.dep_ == "nsubj" and v.lemma_.lower() in w["visit_verbs"]:
                    return a, g
                if x.dep_ != "appos" or v.i == x.i:  # "sent senior diplomat Masaaki Kanai": the title's name
                    break
                x = v
        return None

    def resolve_pronoun(self, m: Mention) -> Actor | None:
        tok = self.doc[m.start]
        if tok.lower_ == "it":
            return self._previous_subject(m)
        gender = PRONOUNS.get(tok.lower_)
        found = self._visitor(tok, gender) or self._subject_before(tok, gender) or self._antecedent(m, m.start, gender)
        if found is None:
            return None
        prev, g = found
        return replace(prev, **pos_of(self._actor(m)), resolved_by="coref", confidence=0.75 if g else 0.6)

    def _subject_before(self, tok: Any, gender: str | None) -> tuple[Actor, str | None] | None:
        """A subject "he"/"she" with no person before it in its sentence: the subject of the last sentence that
        named people (round e51, :mod:`gaiko.actors.prevsubject`)."""
        from .prevsubject import subject_antecedent

        here = self.sents.index(tok.i)
        lowest = self.sents.starts[max(0, here - _PRON_WINDOW)]
        return subject_antecedent(self.doc, tok, gender, self.history, self.sents.starts[here], lowest)

    def _previous_subject(self, m: Mention) -> Actor | None:
        """What a sentence opening on "it" stands for: the subject of the sentence before it, when that is an actor
        with a country and not a person ("Turkey's defence ministry rejected the protest on Tuesday. It accused
        Athens of ..."; "..., the Israeli military said. It said its jets were striking ...")."""
        here = self.sents.index(m.start)
        if here == 0:
            return None
        root = self.sents.spans[here - 1].root
        for s in root.children:
            if s.dep_ not in ("nsubj", "nsubjpass"):
                continue
            a = self.token_actor.get(s.i)
            if a is None:
                a = next((self.token_actor[t.i] for t in s.subtree if t.i in self.token_actor), None)
            if a is None or not a.country or a.person_id:
                return None
            return replace(a, **pos_of(self._actor(m)), resolved_by="coref", confidence=0.6)
        return None

    def _possessor_subject(self, head: Any) -> str | None:
        """The country of the speaker ``its``/``their`` before ``head`` refers to ("Pakistan's army said 23 of its
        soldiers had been killed", "Chad said Sudanese troops had attacked its soldiers"): the subject of the nearest
        verb of saying above ``head``, before it, when it is an actor with a country. Not the subject of the verb
        whose object it is ("Hamas attacked its soldiers" are not Hamas's)."""
        for v in head.ancestors:
            if v.lemma_.lower() not in saying_verbs():
                continue
            for s in v.children:
                if s.dep_ not in ("nsubj", "nsubjpass") or s.i >= head.i or head in s.subtree:
                    continue
                a = self.token_actor.get(s.i)
                if a is None:
                    a = next((self.token_actor[t.i] for t in s.subtree if t.i in self.token_actor), None)
                return a.country if a is not None and a.country and a.country not in TRANSNATIONAL else None
        return None

    def _igo_compound(self, m: Mention) -> Actor | None:
        """The intergovernmental body a compound before a bare title names ("a Commission spokesperson" after "the
        European Commission"; round a1), else None."""
        for c in self.doc[m.head].children:
            a = self.token_actor.get(c.i)
            if c.dep_ == "compound" and c.i < m.head and a is not None and a.country == "IGO" and a.name:
                return a
        return None

    def _short_of(self, m: Mention, before: list[tuple[Mention, Actor]]) -> Actor | None:
        """The intergovernmental body an earlier mention of this article named in full when ``m`` is its short form
        ("the European Commission" ... "the Commission", "the European Parliament" ... "Parliament"; round a1), as a
        coreference at ``m``'s place; else None. Only bodies of the knowledge base of country IGO: a state's own
        "Parliament" keeps its own rules."""
        words = [t.lower_ for t in self.doc[m.start:m.end] if t.pos_ != "DET"]
        if not words:
            return None
        for _, full in reversed(before):
            names = (full.name or "").lower().split()
            if (full.resolved_by == "kb" and full.country == "IGO" and len(names) > len(words)
                    and names[-len(words):] == words):
                return replace(full, **pos_of(self._actor(m)), resolved_by="coref", confidence=0.8)
        return None

    def _named_bloc(self, m: Mention) -> Actor | None:
        """The bloc of states named before a bare "the bloc" ("The European Union ... the bloc would ease them"),
        else None (round n49; ``resolver_words.yaml`` ``blocs``)."""
        nouns, words, blocs = bloc_words()
        head = self.doc[m.head]
        if head.lemma_.lower() not in nouns or m.poss is not None:
            return None
        for c in head.children:
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.lower_ not in words \
                    and not any(ch.isdigit() for ch in c.text) and c.lower_ not in ("-", "member", "nation"):
                return None  # "the ruling bloc", "the Western bloc", "the opposition bloc"
        best = None
        for i, a in self.token_actor.items():
            if i < m.start and a is not None and a.country == "IGO" and (a.name or "").lower() in blocs \
                    and (best is None or i > best[0]):
                best = (i, a)
        if best is None:
            return None
        a = best[1]
        return self._actor(m, name=a.name, country=a.country, sector="IGO", resolved_by="coref", confidence=0.7)
