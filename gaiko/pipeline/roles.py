"""Who did it and to whom: source and target phrases of a trigger.

Sources come from the grammatical subject (climbing through controlled and
coordinated verbs, "by" agents of passives, the noun a participle or
relative clause modifies). Targets come from objects and prepositional
phrases, in the order a pattern prefers, then from inside the object phrase
("Serbia's suppression of ...", "sanctions against Nigeria").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors.nosides import in_dateline
from ..docindex import text as doc_text
from ..tables import word_lists, word_sets
from ..types import Actor
from .contested import contested
from .parsefix import back_to_main, said_too
from .state import path_to

__all__ = ["subjects", "deep_agent", "noun_agent", "target_candidates", "fallback_targets", "is_locative", "PRONOUNS",
           "phrase_span", "kb_actor", "LOCATIVE_PREPS", "PEOPLE", "PARTICLES", "OWNED_PREPS"]

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "who", "which", "that"})
#: word lists: ``gaiko/data/language/role_words.yaml`` (read once, on first use)
_WORDS = "language/role_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``language/role_words.yaml`` as a set: ``document_nouns``, ``stance_nouns``."""
    return word_sets(_WORDS)[key]


def _wl(key: str) -> tuple[str, ...]:
    """A word list of ``language/role_words.yaml`` in file order: ``target_preps``."""
    return word_lists(_WORDS)[key]


#: prepositions whose object's possessor may be the target ("conceded to the miners' demand")
OWNED_PREPS = ("to", "on", "against", "with", "behind", "for", "over", "after")
ENT_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


def subjects(anchor: Token) -> tuple[list[Token], bool, Token | None]:
    """(subject heads, passive?, agent) for the clause of ``anchor``.

    Coordinated subjects ("Israel and the Palestinians") are all returned.
    For passives the subject is the *patient*; ``agent`` is the "by" phrase.
    """
    cur = anchor
    for _ in range(6):
        subj: Token | None = None
        passive = False
        agent: Token | None = None
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj") and (subj is None or in_dateline(subj.doc, subj.idx)):
                subj = c  # "NAIROBI (AFP) - Kenya signed": the dateline parsed as a second subject is none
            elif c.dep_ == "nsubjpass" and subj is None:
                subj, passive = c, True
            elif c.dep_ == "agent":
                agent = next((p for p in c.children if p.dep_ == "pobj"), None)
        if passive and cur.i != anchor.i and agent is None and _timetable(cur):
            passive = False  # "Russia is set to expel ...": the participle's subject does the act (round e48)
        if subj is not None:
            if subj.lower_ in ("which", "that") and cur.dep_ == "relcl" and cur.head.dep_ in ("dobj", "obj") \
                    and cur.head.lemma_.lower() in _w("document_nouns") and cur.head.head.pos_ in ("VERB", "AUX"):
                cur = cur.head.head  # "X posted a message that threatened her": the message speaks for X (round n46)
                continue
            if subj.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                subj = cur.head
            if in_dateline(subj.doc, subj.idx):
                # "MANILA, Philippines — President Marcos and ... agreed": the subject hung off the dateline
                subj = next((x for x in subj.subtree if x.dep_ in ("appos", "conj") and x.pos_ in ("PROPN", "NOUN")
                             and not in_dateline(x.doc, x.idx)), None)
                if subj is None:
                    return [], passive, agent
            return [subj, *_conjuncts(subj)], passive, agent
        if passive or agent is not None:
            return [], True, agent
        if cur.dep_ == "conj" and said_too(cur):
            cur = cur.head.head  # "acknowledged that missiles had hit X and promised ...": the speaker promised (x11)
            continue
        if cur.dep_ == "conj" and back_to_main(cur):
            cur = cur.head.head  # "marched on Sunday, a day after the party held a rally, and blocked the bridge"
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "prep" and cur.head.pos_ in ("VERB", "AUX"):  # "resorted to throwing"
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in _w("document_nouns") and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "issued a statement condemning ...": the issuer is the source
            continue
        if cur.dep_ in ("acl", "relcl") and cur.head.i != cur.i:
            # "forces loyal to X attacking ..." / "the group that attacked"
            if cur.head.dep_ == "ROOT" and cur.head.pos_ in ("NOUN", "PROPN"):
                return [cur.head], False, None  # misparse: the main verb hangs off the subject
            if cur.tag_ == "VBN":  # "crimes committed by X", "a reporter detained in Sfax": patient is the head noun
                return ([cur.head] if cur.head.pos_ in ("NOUN", "PROPN") else []), True, agent
            return [cur.head], False, None
        break
    return [], False, None


def _timetable(tok: Token) -> bool:
    """A timetable participle ("set", "scheduled" of "is set to expel"; ``planned_participles``, frames.yaml)."""
    from .triggers import default_lexicon

    return tok.tag_ == "VBN" and tok.lemma_.lower() in default_lexicon().planned_participles


def _conjuncts(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts(c))
    return out


#: adverbs a phrasal verb's preposition may hang under ("pulled out of Lebanon", "pulled back from the region")
PARTICLES = frozenset({"out", "back", "away", "off"})


def _pobjs(tok: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    marks = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps]
    marks += [g for c in tok.children if c.dep_ in ("prep", "advmod", "prt") and c.lower_ in PARTICLES
              for g in c.children if g.dep_ == "prep" and g.lower_ in preps]
    for p in preps:
        for c in marks:
            if c.lower_ == p:
                for o in c.children:
                    if o.dep_ == "pobj":
                        yield o
                        yield from (x for x in o.children if x.dep_ == "conj")


def target_candidates(
    trigger: Token, anchor: Token, preferred: tuple[str, ...], complement: Token | None = None
) -> Iterator[Token]:
    """Phrase heads that may name the target, best first."""
    seen: set[int] = set()

    def fresh(t: Token) -> bool:
        if t.i in seen:
            return False
        seen.add(t.i)
        return True

    heads = [trigger] if trigger.i == anchor.i else [trigger, anchor]
    for h in heads:
        for c in h.children:
            if c.dep_ == "dative" and c.pos_ != "ADP" and fresh(c):
                yield c
        for o in _pobjs(h, preferred):
            if fresh(o):
                yield o
    if "with" in preferred:
        # "discussed the Ukraine crisis with Lavrov": the counterpart hung on the topic, before the topic's own
        # names (round n48)
        for h in heads:
            for c in h.children:
                if c.dep_ in ("dobj", "obj") and c.i != trigger.i:
                    for o in _pobjs(c, ("with",)):
                        if o.pos_ == "PROPN" and fresh(o):
                            yield o
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dobj", "obj", "attr", "oprd") and c.i != trigger.i and fresh(c):
                yield c
                for x in c.children:
                    if x.dep_ == "conj" and fresh(x):
                        yield x
    if complement is not None:
        for h in heads:  # "pleaded with Rome to send more ferries": whom it was asked of, before what was sent
            for o in _pobjs(h, ("with",)):
                if fresh(o):
                    yield o
        for c in complement.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and fresh(c):
                yield c
        for c in complement.children:  # "refused to let the inspectors enter": the subject of the let-clause
            if c.dep_ in ("ccomp", "xcomp"):
                for x in c.children:
                    if x.dep_ == "nsubj" and x.lower_ not in PRONOUNS and fresh(x):
                        yield x
        for o in _pobjs(complement, preferred + _wl("target_preps")):
            if fresh(o):
                yield o
    for h in heads:
        for o in _pobjs(h, _wl("target_preps")):
            if fresh(o):
                yield o
    # inside the object (or inside a noun trigger): possessor and prepositional phrases
    inner = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else []
    inner += [c for h in heads for c in h.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for n in inner:
        for c in n.children:
            if c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ENT_TYPES or c.pos_ == "PROPN") and fresh(c):
                yield c
            elif c.dep_ == "poss" and c.pos_ == "NOUN" and fresh(c):
                yield c  # "overturned the president's decision", "voted down the company's offer"
        for o in _pobjs(n, preferred + _wl("target_preps")):
            if fresh(o):
                yield o
    for p in (p for h in heads for p in _pobjs(h, OWNED_PREPS)):
        for c in p.children:  # "conceded to the miners' demand", "stood behind Moldova's application"
            if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and fresh(c):
                yield c


#: subordinators whose clause names the party a conditional deed is aimed at ("... unless X accepts")
CONDITION_MARKS = frozenset({"unless", "if", "until"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "during", "from", "outside", "inside", "across", "throughout"})
#: sectors of people acted upon (a direct object of these is the target, not the place named after it)
PEOPLE = frozenset({"CVL", "JRN", "MED", "EDU", "NGO", "REL", "LAB", "AGR", "REF", "OPP", "POL", "BUS", "GOV", "LEG",
                    "JUD", "ELI"})


def _to_clause(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def fallback_targets(heads: list[Token]) -> Iterator[Token]:
    """Phrase heads tried when the usual places hold no target, best first:

    1. the subject of a condition attached to the deed ("threatened to strike unless Baghdad accepted");
    2. the controller of an infinitive ("allowed X to run", misparsed as a clausal complement with a
       subject; "ordered the paper to suspend publication": the ordering verb's object), and the subject of a
       "that" clause ("demanded that Tokyo halt the discharge");
    3. what a stance phrase is about ("in defiance of X", "in protest against X");
    4. the objects of a purpose clause ("blocked a road to show disapproval of X's policy",
       "opened fire to disperse demonstrators", "sent arms to help defend X"), one level deep.
    """
    seen: set[int] = set()
    for h in heads:
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                yield from (s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    for h in heads:
        for c in h.children:
            if c.dep_ in ("ccomp", "xcomp") and _to_clause(c):
                yield from (s for s in c.children if s.dep_ == "nsubj")
            elif c.dep_ == "ccomp" and not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
                # "demanded that Tokyo halt the discharge": whom the demand is on, the complement's subject
                yield from (s for s in c.children if s.dep_ == "nsubj" and s.lower_ not in PRONOUNS)
        if h.dep_ == "xcomp" and h.head.pos_ == "VERB":
            yield from (o for o in h.head.children if o.dep_ in ("dobj", "obj"))
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep":
                for n in c.children:
                    if n.dep_ == "pobj" and n.lemma_.lower() in _w("stance_nouns"):
                        yield from _pobjs(n, ("of", "against", "to", "at", "with"))
    for h in heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp") and _to_clause(c) and c.i not in seen:
                seen.add(c.i)
                yield from _inside(c, 2)


def _inside(v: Token, depth: int) -> Iterator[Token]:
    """Objects of a verb and the actors inside them (possessors, prepositional phrases)."""
    for c in v.children:
        if c.dep_ in ("dobj", "obj", "dative"):
            yield c
            yield from (x for x in c.children if x.dep_ == "conj")
            for x in c.children:
                if x.dep_ == "poss":
                    yield x
            for o in _pobjs(c, ("of", "against", "for", "at", "with", "to", "on", "by")):
                yield o
                yield from (x for x in o.children if x.dep_ == "poss")
        elif c.dep_ in ("xcomp", "ccomp") and depth > 0:  # "to help defend X"
            yield from _inside(c, depth - 1)
    yield from _pobjs(v, ("against", "on", "to", "with", "at"))


def is_locative(tok: Token) -> bool:
    """A place named after "in/at/near ..." (where something happened, rarely whom it was aimed at)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and tok.ent_type_ in ("GPE", "LOC", "FAC")


def phrase_span(tok: Token) -> tuple[int, int, str]:
    """Char offsets and text of the noun phrase headed by ``tok`` (no relative clauses)."""
    keep = [t for t in tok.subtree if not any(a.dep_ in ("relcl", "acl", "appos", "prep", "punct", "cc", "conj")
                                                  and a.i != tok.i for a in path_to(t, tok))]
    toks = sorted(keep, key=lambda t: t.i) or [tok]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end, doc_text(tok.doc)[start:end]


_KB_KINDS = ("country", "adjective", "demonym", "capital", "org", "seat")


def kb_actor(head: Token, kb: object, located: list | None = None) -> Actor | None:
    """Fallback when no actor mention covers a phrase: look its words up in the
    actor knowledge base (country names, adjectives, demonyms, capitals,
    organisations, cities) and the sector vocabulary; a word inside one of ``located`` (the
    document's places) takes that place's country, or none when the place is ambiguous. Returns an
    Actor with ``resolved_by="event-fallback"`` or None."""
    from ..actors.kb import norm
    from ..actors.match import _case_ok
    from ..actors.wording import pro_anti

    phrases = getattr(kb, "phrases", {})
    places = getattr(kb, "places", {})
    nouns = getattr(kb, "nouns", {})
    toks = [t for t in head.subtree if not any(a.dep_ in ("relcl", "acl", "advcl", "appos") for a in path_to(t, head))]
    country: str | None = None
    hit: Token | None = None
    for t in sorted(toks, key=lambda x: abs(x.i - head.i)):
        if t.pos_ not in ("PROPN", "ADJ", "NOUN") or t.ent_type_ == "PERSON":
            continue  # (a person's name is no country: "Jordan Reyes", "Chad Miller")
        where = next((p for p in located or () if p.start <= t.idx < p.end), None)
        if where is not None:  # a word of a place the place finder resolved (or found ambiguous: "San Fernando")
            if where.country and not contested(where, t):  # "to Scarborough Shoal": no claimant's (e48)
                country, hit = where.country, t
                break
            continue
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN":
            continue  # "San" of "San Fernando" is no place of its own
        key = norm(t.text)
        for ent, case in phrases.get(key, ()):
            if not _case_ok(case, [t.text]):
                continue  # "granted amnesty to prisoners" is not Amnesty International
            if getattr(ent, "kind", "") in _KB_KINDS and getattr(ent, "country", None):
                country, hit = ent.country, t
                break
        if country is None and key in places and t.pos_ == "PROPN":
            country, hit = places[key].country, t
        if country and pro_anti(t.doc, t.i, t.i + 1):
            country = hit = None  # "pro-Russian separatists", "Iran-backed militias"
            continue
        if country:
            break
    if not country or hit is None:
        return None
    sector = nouns.get(head.lower_) or nouns.get(head.lemma_.lower())
    if sector is None and (obj := _on_object(hit, head)) is not None:
        head = obj  # "25% tariffs on American steel": the country's phrase is the side, not the thing (round t43)
        sector = nouns.get(head.lower_) or nouns.get(head.lemma_.lower())
    start, end, text = phrase_span(head)
    return Actor(text=text, start=start, end=end, country=country, sector=sector,
                 resolved_by="event-fallback", confidence=0.5)


def _on_object(hit: Token, head: Token) -> Token | None:
    """The object of the "on"/"against" phrase of ``head`` whose own words hold ``hit`` ("tariffs on *American*
    steel" -> steel), else None."""
    path = path_to(hit, head)
    if len(path) >= 2 and path[-1].dep_ == "prep" and path[-1].lower_ in ("on", "against") \
            and path[-2].dep_ == "pobj" and all(t.dep_ in ("amod", "compound", "nmod", "poss") for t in path[:-2]):
        return path[-2]
    return None


#: dependency labels a "by" agent may hang under inside its own clause ("was refused permission to dock by Malta",
#: "was fined 1.2 billion euros by the regulator", "was charged with corruption by prosecutors")
_AGENT_PATH = frozenset({"dobj", "obj", "npadvmod", "prep", "pobj", "xcomp", "acl", "acomp", "oprd", "advmod", "conj"})


def deep_agent(anchor: Token, depth: int = 3) -> Token | None:
    """The object of a "by" phrase inside a passive clause that the parser hung under a word of the clause rather
    than the verb: "the ship was refused permission to dock by Malta" -> Malta. Clauses of their own (relative,
    adverbial, complement clauses with a subject) are not entered. None when there is none."""
    for c in anchor.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            o = next((p for p in c.children if p.dep_ == "pobj"), None)
            if o is not None:
                return o
        if depth > 0 and c.dep_ in _AGENT_PATH and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) \
                and not (c.dep_ == "acl" and c.tag_ == "VBN"):  # "a deal mediated by Oman": the participle's (x5)
            found = deep_agent(c, depth - 1)
            if found is not None:
                return found
    return None


def noun_agent(tok: Token) -> Token | None:
    """The object of the "by" phrase of a noun event ("the expulsion of two diplomats by Oslo", "the donation of 200
    ambulances to Ukraine by Japan", "a strike by air traffic controllers"), also when the parser hung it under the
    noun's "of"/"to" object. None when there is none."""
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent")]
    for c in preps:
        if c.lower_ == "by":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    for c in preps:
        if c.lower_ in ("of", "to", "for", "on", "against", "with", "from"):
            for o in c.children:
                if o.dep_ == "pobj":
                    for g in o.children:
                        if g.dep_ in ("prep", "agent") and g.lower_ == "by":
                            return next((p for p in g.children if p.dep_ == "pobj"), None)
    return None
