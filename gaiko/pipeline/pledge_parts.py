"""Parse helpers for the pledge extractor: lexicons, subjects, speakers, countries; the action text, deadlines and
list items are in :mod:`gaiko.pipeline.pledge_action` (importable from here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from ..docindex import entities
from .pledge_action import action_text, deadline_phrases, list_items, own_tokens
from .pledge_clauses import said_after, stolen_subject
from .pledge_names import unknown_name

__all__ = ["Lexicon", "lexicon", "subject_of", "own_tokens", "action_text", "deadline_phrases", "say_head", "say_left",
           "is_actorish",
           "list_items", "main_country", "country_in"]


@dataclass(frozen=True)
class Lexicon:
    verbs_xcomp: dict[str, str]
    verbs_demand: dict[str, str]
    nouns: dict[str, str]
    modals: frozenset[str]
    verbs_object: dict[str, str]
    say_verbs: frozenset[str]
    actor_nouns: frozenset[str]
    container_nouns: frozenset[str]
    not_pledge_heads: frozenset[str]
    condition_marks: frozenset[str]
    status_in_text: dict[str, frozenset[str]]
    action_verbs: dict[str, str]
    action_objects: dict[str, str]
    generic_verbs: frozenset[str]
    default_by_kind: dict[str, str]
    occasion_verbs: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    verbs_that_demand: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    phrasal_xcomp: dict[str, str] = field(default_factory=dict)
    pledge_refs: frozenset[str] = frozenset()
    keep_verbs: frozenset[str] = frozenset()
    vague_threat_verbs: frozenset[str] = frozenset()
    vague_threat_objects: frozenset[str] = frozenset()
    threat_means: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    passive_only: frozenset[str] = frozenset()
    session_verbs: frozenset[str] = frozenset()
    session_bodies: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def lexicon(cues_path: str | None = None, actions_path: str | None = None) -> Lexicon:
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    cp = cues_path or str(data_path("pledges/cues.yaml"))
    ap = actions_path or str(data_path("pledges/actions.yaml"))
    c: dict[str, Any] = load_yaml(cp) or {}
    a: dict[str, Any] = load_yaml(ap) or {}
    for key in ("verbs_xcomp", "nouns", "modals", "say_verbs"):
        if key not in c:
            raise DataFileError(cp, f"missing section {key!r}; see gaiko/data/pledges/cues.yaml for the layout")
    return Lexicon(
        verbs_xcomp=dict(c["verbs_xcomp"]),
        verbs_demand=dict(c.get("verbs_demand") or {}),
        nouns=dict(c["nouns"]),
        modals=frozenset(c["modals"]),
        verbs_object=dict(c.get("verbs_object") or {}),
        say_verbs=frozenset(c["say_verbs"]),
        actor_nouns=frozenset(c.get("actor_nouns") or ()),
        container_nouns=frozenset(c.get("container_nouns") or ()),
        not_pledge_heads=frozenset(c.get("not_pledge_heads") or ()),
        condition_marks=frozenset(c.get("condition_marks") or ()),
        status_in_text={k: frozenset(v) for k, v in (c.get("status_in_text") or {}).items()},
        action_verbs={str(k): str(v) for k, v in (a.get("verbs") or {}).items()},
        action_objects={str(k): str(v) for k, v in (a.get("objects") or {}).items()},
        generic_verbs=frozenset(a.get("generic_verbs") or ()),
        default_by_kind=dict(a.get("default_by_kind") or {}),
        occasion_verbs=frozenset(c.get("occasion_verbs") or ()),
        occasion_nouns=frozenset(c.get("occasion_nouns") or ()),
        verbs_that_demand=frozenset(c.get("verbs_that_demand") or ()),
        denial_verbs=frozenset(c.get("denial_verbs") or ()),
        phrasal_xcomp={str(k): str(v) for k, v in (c.get("phrasal_xcomp") or {}).items()},
        pledge_refs=frozenset(c.get("pledge_refs") or ()),
        keep_verbs=frozenset(c.get("keep_verbs") or ()),
        vague_threat_verbs=frozenset(c.get("vague_threat_verbs") or ()),
        vague_threat_objects=frozenset(c.get("vague_threat_objects") or ()),
        threat_means=frozenset(c.get("threat_means") or ()),
        forecast_verbs=frozenset(c.get("forecast_verbs") or ()),
        passive_only=frozenset(c.get("passive_only") or ()),
        session_verbs=frozenset(c.get("session_verbs") or ()),
        session_bodies=frozenset(c.get("session_bodies") or ()),
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp / conj / participle chains."""
    cur: Token | None = verb
    for _ in range(6):
        if cur is None:
            return None
        for child in cur.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.tag_ in ("WDT", "WP") and cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur.head  # "the bank, which has pledged to cut ...": the noun the clause is about
                return child
        if cur.dep_ == "conj" and (noun := stolen_subject(cur)) is not None:
            return noun  # "... out of Ituri and Congo promised to ...": Congo's clause, misparsed (round x18)
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") and cur.head.i != cur.i:
            # a noun heading an acl is the subject of "plans to host" only through its own head
            was = cur.dep_
            cur = cur.head
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("nsubj", "nsubjpass"):
                return None
            if was == "advcl" and cur.pos_ == "PROPN" and cur.dep_ == "ROOT":
                return cur  # "Indonesia, as host, offered to mediate": the parser made the subject the root
            continue
        return None
    return None


def is_actorish(tok: Token, lex: Lexicon) -> bool:
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "we", "they", "i", "it")
    if tok.pos_ == "PROPN":
        return True
    if tok.lemma_.lower() in lex.actor_nouns or tok.lower_ in lex.actor_nouns:
        return True
    return unknown_name(tok)  # "Arianespace plans to": a name the tagger took for a common noun (round x21)


def say_head(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of saying whose complement holds ``tok`` ("Trump said [Japan would buy]")."""
    cur = tok
    for _ in range(5):
        # "In return, she said, Paris would lift its veto": the parser hangs the parenthetical on the clause
        aside = next((c for c in cur.children if c.dep_ == "parataxis" and c.lemma_.lower() in lex.say_verbs), None)
        if aside is not None:
            return aside
        if cur.dep_ in ("ccomp", "parataxis"):
            head = cur.head
            if head.lemma_.lower() in lex.say_verbs:
                # "Chad vowed to ...; Sudan said it would ...": Sudan said its own clause, not Chad's (round x18)
                return None if cur.dep_ == "ccomp" and said_after(head, cur) else head
            cur = head
            continue
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def say_left(tok: Token, lex: Lexicon) -> Token | None:
    """The nearest verb of saying before ``tok`` in its sentence that has a subject: the parser may lose the link
    ("Thailand's army said it was holding 18 soldiers ... and would release them")."""
    sent = tok.sent
    lo = sent.start
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in tok.doc[lo:tok.i]) and lo > 0:
        lo = tok.doc[lo - 1].sent.start  # the parser cut the sentence in two: look into the first half
    for t in reversed(list(tok.doc[lo:tok.i])):
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.say_verbs and any(c.dep_ == "nsubj" for c in t.children):
            return t
    return None


def main_country(doc: Doc) -> str | None:
    """ISO3 of the country named most often (a fallback while actors are unresolved)."""
    from collections import Counter

    import pycountry

    counts: Counter[str] = Counter()
    for ent in entities(doc):
        if ent.label_ != "GPE":
            continue
        try:
            counts[pycountry.countries.lookup(ent.text).alpha_3] += 1
        except LookupError:
            continue
    return counts.most_common(1)[0][0] if counts else None


def country_in(doc: Doc, start: int, end: int) -> str | None:
    """ISO3 of the first country named (or its people: "Japanese") between two offsets."""
    import pycountry

    for ent in entities(doc):
        if ent.start_char < start or ent.end_char > end or ent.label_ not in ("GPE", "NORP"):
            continue
        name = ent.text
        if ent.label_ == "NORP":
            name = _demonyms().get(name.lower(), "")
        try:
            return str(pycountry.countries.lookup(name).alpha_3) if name else None
        except LookupError:
            continue
    return None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Lower-case people's name -> country name for pycountry (``gaiko/data/pledges/demonyms.yaml``), read once."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("pledges/demonyms.yaml")
    data = load_yaml(path)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise DataFileError(str(path), "expected a mapping of people's names to country names (quote yes/no/on/off)")
    return data
