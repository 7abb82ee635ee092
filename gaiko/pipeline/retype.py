"""Re-typing the events drafted at a phrasal verb by the noun it acts on (issue 12, round t25).

At some verbs the coder finds the right act but the wrong PLOVER type, because the type depends on what the verb
acts on: "walked out of the chamber" is PROTEST, "walked out of prison" (a release)
RETREAT; "struck down the law" is REJECT; "withdrew from the pact" is SANCTION, where "withdrew from the town"
stays RETREAT; "welcomed his counterpart to the palace" is CONSULT, where "welcomed the release" stays SUPPORT.
The rules are data (``gaiko/data/primary/retype.yaml``: verbs, object nouns per
type, sources and the corpus conventions behind them); measured in ``docs/rounds/accuracy.md``, "Kinds round t25".

:func:`state_veto` (round t26, rule 6 of the same file) drops the drafts at a verb that describes a state ("shares a
border with", "has 120,000 personnel", "hosts more funds"): no act. Round t27 (rule 7) adds a standing state told in
the simple present of a full sentence ("The embassy occupies a palace", "The union represents 40,000 workers").
Round t31 adds rules of halting one's own fighting ("halted offensive operations", "held their fire": RETREAT), of
weapons put beyond use (RETREAT) and of taking someone to court (ACCUSE); a listed object may be a phrase with its
modifier, a rule's preposition gives its noun ("took Chile to court"), and a negated draft keeps its type.

:func:`retype` takes and returns the coder's drafts (``gaiko.pipeline.events._Draft``); a draft's confidence is
kept, only its type, CAMEO code and pattern change.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..errors import DataFileError

if TYPE_CHECKING:
    from .eventrecord import Draft as _Draft
    from .triggers import Lexicon

__all__ = ["retype", "object_nouns", "month_veto", "state_veto"]

_PARTICLE_DEPS = ("prt", "prep", "advmod")
# the prepositions whose noun a verb acts on ("out of the chamber", "from the pact"); the others set the scene
# ("withdrew his resignation after talks", "welcomed ... to the palace")
_OBJECT_PREPS = frozenset({"of", "from", "out", "off"})
# a stated plan or threat ("warned it would walk out", "may quit the talks") is typed by its modality
# (docs/patterns.md, step 5), not by the act it announces
_INTENTIONS = frozenset({"THREATEN", "AGREE", "REQUEST"})


@lru_cache(maxsize=None)
def _rules() -> tuple[tuple[str, dict[str, frozenset[str]], dict[str, list[str]], str | None, str | None,
                            tuple[frozenset[str], dict[str, list[str]]] | None], ...]:
    """(name, {lemma: particles}, {type: nouns}, no-object type, stated-plan type, (measure heads, {type: nouns of
    what they fall on}) or None) per rule of ``primary/retype.yaml``.

    Raises :class:`gaiko.errors.DataFileError` when a rule lacks verbs or names a type PLOVER does not have."""
    from ..tables import data_path, load_yaml, plover_table

    path = data_path("primary/retype.yaml")
    data = load_yaml(path) or {}
    types = set(plover_table())
    out = []
    for name, rule in (data.get("rules") or {}).items():
        if not isinstance(rule, dict) or not rule.get("verbs"):
            raise DataFileError(str(path), f"rule {name!r} has no list of verbs")
        verbs: dict[str, set[str]] = {}
        for v in rule["verbs"]:
            lemma, _, particle = str(v).lower().partition(" ")
            verbs.setdefault(lemma, set()).add(particle)
        objects = {str(t): [str(w).lower() for w in ws or ()] for t, ws in (rule.get("objects") or {}).items()}
        bare = rule.get("no_object")
        stated = rule.get("stated_plan")
        m = rule.get("measured") or {}
        measured = (frozenset(str(w).lower() for w in m.get("heads") or ()),
                    {str(t): [str(w).lower() for w in ws or ()] for t, ws in m.items() if t != "heads"}) if m else None
        named = [*objects, *([bare] if bare else []), *([stated] if stated else []), *(measured[1] if measured else ())]
        for t in named:
            if t not in types:
                raise DataFileError(str(path), f"rule {name!r} names {t!r}, which is no PLOVER type")
        out.append((str(name), {k: frozenset(p) for k, p in verbs.items()}, objects, str(bare) if bare else None,
                    str(stated) if stated else None, measured))
    return tuple(out)


def _particle(tok: Token, particles: frozenset[str]) -> Token | None | bool:
    """The particle child of ``tok`` named in ``particles`` ("out" of "walked out"); True when the verb needs
    none (an entry without a particle); None when it needs one and has none."""
    if "" in particles:
        return True
    return next((c for c in tok.children if c.dep_ in _PARTICLE_DEPS and c.lower_ in particles), None)


def object_nouns(tok: Token) -> list[Token]:
    """The nouns ``tok`` acts on: its direct object, its passive subject, the nouns of its "of/from/out/off"
    phrases and of those hung on its particle ("out of the chamber"), in sentence order."""
    found: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            found.append(c)
        elif c.dep_ in _PARTICLE_DEPS and c.lower_ in _OBJECT_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    found.append(g)
                elif g.dep_ == "prep" and g.lower_ in _OBJECT_PREPS:
                    found += [p for p in g.children if p.dep_ == "pobj"]
    return sorted(found, key=lambda t: t.i)


def _listed(noun: Token, words: list[str]) -> bool:
    """True when ``noun`` is one of ``words``: a word (its lemma or its form) or a phrase whose last word is the
    noun and whose other words modify it ("offensive operations", "air strikes"; round t31)."""
    lemma, form = noun.lemma_.lower(), noun.lower_
    if lemma in words or form in words:
        return True
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i}
    for w in words:
        *before, last = w.split()
        if before and last in (lemma, form) and all(b in mods for b in before):
            return True
    return False


def _new_type(tok: Token, stated: bool = False) -> tuple[str, str] | None:
    """(rule name, PLOVER type) for the verb ``tok``, or None when no rule applies; ``stated``: the type of a
    stated plan of the act (a rule's ``stated_plan``), for the rules that have one (round e46)."""
    lemma = tok.lemma_.lower()
    for name, verbs, objects, bare, plan_type, measured in _rules():
        part = _particle(tok, verbs[lemma]) if lemma in verbs and tok.pos_ in ("VERB", "AUX") else None
        if not part or (stated and not plan_type):
            continue
        nouns = object_nouns(tok)
        if not isinstance(part, bool):  # the noun of a preposition the rule names ("took Chile to court")
            nouns += [g for g in part.children if g.dep_ == "pobj" and g not in nouns]
        # "under a state of emergency": the noun of a measure word's "of" phrase (round t33)
        nouns += [g for n in nouns if n.lemma_.lower() == "state" for p in n.children
                  if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        for etype, words in objects.items():
            if any(_listed(n, words) for n in nouns):
                return (name, plan_type) if stated and plan_type else (name, etype)
        if measured:  # "extended its ban on rice exports", "the export curbs": what the measure falls on (round e47)
            on = _measured_nouns(nouns, measured[0])
            for etype, words in measured[1].items():
                if any(_listed(n, words) for n in on):
                    return name, etype
        if not nouns and bare and not stated:
            return name, bare
    return None


def _measured_nouns(nouns: list[Token], heads: frozenset[str]) -> list[Token]:
    """The nouns a measure of ``heads`` among ``nouns`` falls on: its compound ("the export curbs") and the noun of
    its "on" phrase with the nouns joined to it ("its ban on rice and wheat exports")."""
    out: list[Token] = []
    for n in nouns:
        if n.lemma_.lower() not in heads and n.lower_ not in heads:
            continue
        out += [c for c in n.children if c.dep_ == "compound"]
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "on":
                for g in p.children:
                    if g.dep_ == "pobj":
                        out += [g, *(c for c in g.children if c.dep_ == "conj")]
    return out


def retype(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts, those drafted at a verb of ``retype.yaml`` re-typed by the noun it acts on; a stated plan or
    threat (an intended or hypothetical clause, or a THREATEN, AGREE or REQUEST draft) keeps its type, except an
    intended THREATEN at a rule with a ``stated_plan`` type (round e46: "will raise its exports to" is AGREE)."""
    from ..tables import plover_table

    out: list[_Draft] = []
    table: dict[str, Any] | None = None
    for d in drafts:
        plan = d.info.intended or d.info.hypothetical or d.info.negated or d.event_type in _INTENTIONS
        found = None if plan else _new_type(d.cand.tok)
        if plan and d.event_type == "THREATEN" and d.info.intended and not (d.info.negated or d.info.hypothetical):
            found = _new_type(d.cand.tok, stated=True)  # "will raise its exports to": a plan, no threat (e46)
        if found is None:
            out.append(d)
            continue
        if found[0] in _words("measure_no_side") and d.target is not None and any(
                d.target.start <= n.idx < d.target.end for n in object_nouns(d.cand.tok)):
            d = replace(d, target=None)  # "extended the export curbs": the measure is no side (round e48)
        if found[1] == d.event_type:  # drafted right already: the rule's name marks it all the same (round t35)
            out.append(d if d.pattern.startswith(f"{found[0]}>") else replace(d, pattern=f"{found[0]}>{d.pattern}"))
            continue
        table = table or plover_table()
        name, etype = found
        out.append(replace(d, event_type=etype, cameo=str(table[etype]["cameo"]), pattern=f"{name}>{d.pattern}"))
    return out


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """The words of list ``key`` of ``retype.yaml``, as written (read once: it is called for every verb)."""
    from ..tables import data_path, load_yaml

    return frozenset(str(w) for w in (load_yaml(data_path("primary/retype.yaml")) or {}).get(key) or ())


@lru_cache(maxsize=None)
def _month_words() -> tuple[frozenset[str], frozenset[str]]:
    """(month names as written, date words lower-cased) of ``retype.yaml``."""
    return _words("month_names"), frozenset(w.lower() for w in _words("date_words"))


def month_veto(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts less those whose trigger is a month name set in a date (a date word before it, "in March", or a
    number after it, "March 3"), never the first word of its sentence: a month is no act (``retype.yaml``,
    rule 5). The parser's DATE entity is not read: it takes the verb of "Thousands March On Parliament" for one."""
    months, date_words = _month_words()
    out = []
    for d in drafts:
        tok = d.cand.tok
        if tok.text in months and tok.i > tok.sent.start:
            before = tok.doc[tok.i - 1]
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if before.lower_ in date_words or (after is not None and after.like_num):
                continue
            if before.lower_ == "for" and before.head.tag_ == "VBN" \
                    and before.head.lemma_.lower() in _words("schedule_participles"):
                continue  # "the election promised for March": the noun's date (round x5, F7)
        out.append(d)
    return out


@lru_cache(maxsize=None)
def _state_words() -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """(state verbs, {verb: objects}, venue subjects, counted verbs) of ``retype.yaml``, rule 6.

    Raises :class:`gaiko.errors.DataFileError` when ``state_objects`` is not a mapping of verbs to lists."""
    from ..tables import data_path, load_yaml

    path = data_path("primary/retype.yaml")
    objects = (load_yaml(path) or {}).get("state_objects") or {}
    if not isinstance(objects, dict) or not all(isinstance(v, list) for v in objects.values()):
        raise DataFileError(str(path), "state_objects must map verbs to lists of nouns")
    return (frozenset(w.lower() for w in _words("state_verbs")),
            {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in objects.items()},
            frozenset(w.lower() for w in _words("venue_subjects")), frozenset(w.lower() for w in _words("counted")))


def _full_stop(tok: Token) -> bool:
    """True when the sentence of ``tok`` ends with a full stop (no headline)."""
    words = [t for t in tok.sent if not t.is_space and t.text not in ('"', "'", "”", "’")]
    return bool(words) and words[-1].text == "."


def _described(tok: Token, lex: Lexicon) -> bool:
    """True when the verb ``tok`` describes a state rather than an act (``retype.yaml``, rule 6)."""
    states, objects, venues, counted = _state_words()
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if _standing(tok, lemma):
        return True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr")]
    if lemma in states:
        return not any(lex.match(o, "noun") is not None for o in objs)
    if lemma in objects:
        if any(o.lemma_.lower() in objects[lemma] or o.lower_ in objects[lemma] for o in objs):
            return True
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in venues for c in tok.children)
    if lemma in _words("present_states") and tok.tag_ in ("VBZ", "VBP") and _full_stop(tok):
        if not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return not any(lex.match(o, "noun") is not None for o in objs)
    if lemma in _words("undergone") and not any(c.dep_ in ("dobj", "obj", "auxpass", "nsubjpass", "agent")
                                                for c in tok.children):
        # "The Soviet Union dissolved": the subject underwent the change, no one acted (round t31); "talks
        # collapsed" (an act noun of the lexicons as subject) keeps its event
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return bool(subj) and not any(lex.match(c, "noun") is not None for c in subj)
    if _withheld(tok, lemma):
        return True
    if lemma in counted and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return any(any(g.dep_ == "nummod" for g in o.children)
                   and not any(g.dep_ in ("acl", "relcl", "xcomp") for g in o.children) for o in objs)
    return False


def state_veto(drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """The drafts less those whose trigger is a verb that describes a state ("shares a border with", "has 120,000
    personnel", "hosts more funds"): no act (``retype.yaml``, rule 6); ``lex`` tells act nouns."""
    return [d for d in drafts if not _described(d.cand.tok, lex)]


def _standing(tok: Token, lemma: str) -> bool:
    """True when ``tok`` tells a standing state in the present or the perfect ("has been closed since 1993", "sits in
    Arusha", "hosts 1.1 million refugees"): no act (``retype.yaml``, rule 8, round t40)."""
    kids = list(tok.children)
    aux = {c.lower_ for c in kids if c.dep_ == "aux"}
    if lemma in _words("standing_since"):
        return any(c.dep_ == "auxpass" and c.lower_ == "been" for c in kids) and bool(aux & {"has", "have"}) \
            and any(c.dep_ == "prep" and c.lower_ == "since" and any(
                p.dep_ == "pobj" and p.like_num and len(p.text) == 4 for p in c.children) for c in kids)
    present = tok.tag_ in ("VBZ", "VBP") and not aux and not any(c.dep_ == "auxpass" for c in kids)
    if lemma in _words("standing_places"):
        return present and _full_stop(tok) and any(
            c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
                p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC") for p in c.children) for c in kids)
    if lemma in _words("standing_counted"):  # the present only: "has sheltered 1.5 million refugees" is aid given
        return present and any(
            c.dep_ in ("dobj", "obj") and any(g.dep_ == "nummod" for g in c.children) for c in kids)
    return False


def _withheld(tok: Token, lemma: str) -> bool:
    """True when ``tok`` withholds information ("declined to say when ...", "gave no details"): no act
    (``retype.yaml``, ``withheld_*``, round t32)."""
    refusals, verbs, nouns = (frozenset(_words(k)) for k in ("withheld_refusals", "withheld_verbs", "withheld_nouns"))
    if any(a.lemma_.lower() in verbs and a.dep_ == "xcomp" and a.head.lemma_.lower() in refusals
           for a in tok.ancestors):
        return True  # "declined to say when the consulate would reopen": the question told nothing
    if lemma in refusals:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in tok.children)
    if lemma in verbs and tok.dep_ == "xcomp":
        return tok.head.lemma_.lower() in refusals
    if lemma == "give":
        return any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in nouns
                   and any(d.lower_ == "no" for d in o.children) for o in tok.children)
    return False
