"""Who an event's sides are, beyond the words of its clause (used by :mod:`gaiko.pipeline.events`): the owner of a
noun event ("Iran's attack", "an Israeli air strike"), and the two sides of a plural subject ("the two leaders
met", "the Greek and Turkish foreign ministers"), the one country of a sentence for a common-noun side that has none
("a mob attacked a police station near Lahore"), the object as the target when no actor is found ("shut down two
radio stations"), and the visitor of a hosted visit. Where the event happened (:func:`event_place`, importable from
here) is in :mod:`gaiko.pipeline.eventplace`. ``c`` arguments are the event coder's candidates (trigger token ``tok``
and its verb ``anchor``)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from ..actors.context import POSTED_ROLES
from ..actors.kb import load_kb
from ..actors.nosides import in_dateline
from ..actors.wording import phrase_countries
from ..tables import word_sets
from ..types import Actor
from .eventplace import event_place  # noqa: F401  (imported from here by eventrecord)
from .state import DocState


#: types whose two sides may be named in either order ("the two leaders met")
UNDIRECTED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
#: word lists: ``gaiko/data/language/role_words.yaml`` (read once, on first use)
_WORDS = "language/role_words.yaml"


def group_heads() -> frozenset[str]:
    """Plural heads that name a group of both sides ("the two leaders", "both governments"), lemmas."""
    return word_sets(_WORDS)["group_heads"]


_GROUP_RE = re.compile(r"^(?:the (?:two|both)\b.*|both\b.*|their (?:two )?(?:leaders|presidents|foreign ministers|"
                       r"prime ministers|ministers|governments|delegations)|.*\bof (?:the two|both) "
                       r"(?:countries|nations|governments|sides)\b.*)$")


def adjective_owner(tok: Token, state: DocState) -> Actor | None:
    """The actor a nationality adjective before a noun event names ("an Israeli air strike"), when it stops
    before the trigger."""
    for ch in tok.children:
        if ch.dep_ in ("amod", "compound", "nmod") and ch.i < tok.i:
            a = state.actor_in(ch)
            if a is not None and a.country and a.end <= tok.idx and a.country not in ("IGO", "IMG"):
                return a
            if a is None and ch.dep_ == "amod" and (country := _adjective_country(ch)) is not None:
                return Actor(text=ch.text, start=ch.idx, end=ch.idx + len(ch.text), country=country,
                             resolved_by="adjective", confidence=0.7)
    return None


def direct_target(target: Actor, c: Any) -> bool:
    """Whether the target is the trigger's object or its "with" partner ("met Putin", "talks with Modi")."""
    span = c.tok.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    root = span.root
    heads = {c.tok.i, c.anchor.i}
    if root.head.i in heads and root.dep_ in ("dobj", "obj", "dative", "attr"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.i in heads


#: verbs whose object is what is talked about, not with whom (round n47)
_TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "review", "address", "raise"})


def talks_topic(target: Actor, c: Any) -> bool:
    """Whether a CONSULT's target is what two coordinated sides talked about, not a third side ("Erdogan and Macron
    held a call to discuss Gaza", "discussed Gaza in a call"; round n47): the object of a verb of talking about
    (``_TOPIC_VERBS``), or a phrase that is neither the trigger's object nor its "with" / "between" / "to" partner.
    Then the two sides are each other's target, as "Erdogan and Macron held a call" gives."""
    span = c.tok.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    while root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "between", "to"):
        return False
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in _TOPIC_VERBS:
        return True
    return not direct_target(target, c)


def hosted_visitor(code: str, etype: str, source: Actor | None, target: Actor | None, c: Any) -> bool:
    """Whether the target is the visitor of a hosted visit (CAMEO 043, "host a visit": "Xi received Putin", "the
    president hosted his Ugandan counterpart"), whom gaiko's convention makes the source, the host the target
    (corpora/events/README.md). Only a visitor that is the verb's object ("hosted talks between Ethiopia and
    Eritrea" is not turned round)."""
    return code.startswith("043") and etype == "CONSULT" and source is not None and target is not None \
        and object_of(target, c)


def object_of(a: Actor, c: Any) -> bool:
    """Whether an actor is the direct or indirect object of the trigger or its verb ("received Putin"; not "hosted
    talks between Ethiopia and Eritrea")."""
    span = c.tok.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    while root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i:
        root = root.head  # "his Ugandan counterpart": the mention may be the adjective alone
    return root.head.i in (c.tok.i, c.anchor.i) and root.dep_ in ("dobj", "obj", "dative") and root.i != c.tok.i


def adjective_pair(tok: Token, state: DocState) -> tuple[Actor, Actor] | None:
    """The two countries of coordinated adjectives before a plural subject ("the Greek and Turkish foreign
    ministers"): the subject's actor with each country."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return None
    first = next((a for a in tok.children if a.dep_ in ("amod", "compound") and a.i < tok.i
                  and any(x.dep_ == "conj" for x in a.children)), None)
    if first is None:
        return None
    second = next(x for x in first.children if x.dep_ == "conj")
    actor = state.actor_in(tok)
    if actor is None or not actor.country:
        return None
    countries = []
    for w in (first, second):
        a = state.actor_in(w)
        c = _adjective_country(w)
        countries.append(c or (a.country if a is not None and a is not actor else None))
    if None in countries or countries[0] == countries[1] or actor.country not in countries:
        return None
    other = countries[1] if actor.country == countries[0] else countries[0]
    twin = Actor(**{**actor.to_dict(), "country": other})
    return (actor, twin) if actor.country == countries[0] else (twin, actor)


def _adjective_country(w: Token) -> str | None:
    from ..actors.kb import load_kb, norm

    for e, _case in load_kb(()).phrases.get(norm(w.text), ()):
        if e.kind == "adjective" and e.country:
            return str(e.country)
    return None


def group_pair(tok: Token, state: DocState) -> tuple[Actor, Actor] | None:
    """The two actors a plural subject stands for ("the two leaders", "both governments", "the foreign ministers of
    the two countries", "their leaders"; coordinated nationality adjectives before any plural noun, "Pakistani and
    Afghan troops"): the last two actors of different countries named before it in the
    article (within the three sentences before). None when the subject is not such a phrase, or two countries
    are not found."""
    adj = adjective_pair(tok, state)
    if adj is not None:
        return adj  # "the Greek and Turkish foreign ministers", "Pakistani and Afghan troops"
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in group_heads():
        return None
    words = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text.lower()
    if not _GROUP_RE.match(words):
        return None
    here = state.sentence_index(tok)
    # first the actors that can be the pair's sides: not a noun that only borrows a country from its context
    # ("prisoners", "her"), not a mediator ("arranged by the UAE"), not one named inside an after/before/since
    # phrase ("three days after her visit to Laos"); then, when these do not give two countries, also those named
    # aside; then any actor
    for strict in (2, 1, 0):
        seen: list[Actor] = []
        for a in sorted(state.actors, key=lambda x: x.start, reverse=True):
            if a.end > tok.left_edge.idx or not a.country or a.country in ("IGO", "IMG") \
                    or in_dateline(tok.doc, a.start):
                continue  # "DOHA - The two sides agreed": the dateline is no side (round x16)
            span = tok.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if here - state.sentence_index(span[0]) > 3:
                break
            if strict and a.resolved_by in ("sector", "coref") or strict > 1 and _aside(span.root):
                continue
            if all(a.country != b.country for b in seen):
                seen.append(a)
            if len(seen) == 2:
                return seen[1], seen[0]
    return None


_ASIDE = frozenset({"after", "before", "since", "following"})


def _aside(t: Token) -> bool:
    """Whether a phrase is a mediator (the agent of a participle: "brokered by Qatar") or inside an after, before or
    since phrase ("three days after her visit to Laos")."""
    if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.tag_ == "VBN":
        return True
    while t.head.i != t.i:
        if t.lower_ in _ASIDE and t.dep_ in ("prep", "mark"):
            return True
        t = t.head
    return False


#: codes that stand for no state: never "the country of the sentence"
_NO_STATE = frozenset({"IGO", "NGO", "IMG"})
#: entity labels of an object that is an amount, a time or a quantity, not a side ("cut 5 percent", "spent two hours")
_AMOUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def sentence_country(sent: Span, state: DocState, others: bool = True,
                     skip: list[tuple[int, int]] | None = None) -> str | None:
    """The one country a sentence names: every actor with a state's code and every place with a country inside
    ``sent`` agree on it ("Protesters stormed the Kenyan parliament", "Gunmen killed 20 farmers in Kebbi state").
    None when the sentence names none, or two or more ("Iranian commandos seized a British tanker", "Kenyan and Somali
    police arrested ..."). With ``others=False`` an actor named in a phrase of the other side of a pair ("his Indian
    counterpart": ``no_sides.yaml`` relational) does not count (the subject's country is not found there); nor does
    one inside a span of ``skip`` (what the act is about: :func:`gaiko.pipeline.objectplaces.object_spans`)."""
    def _skipped(start: int) -> bool:
        return any(lo <= start < hi for lo, hi in skip or ())

    here = [a for a in state.actors if sent.start_char <= a.start < sent.end_char and a.country
            and not _skipped(a.start)
            and a.sector != "JRN"  # "told Reuters": a news agency is not where the news is
            and not in_dateline(sent.doc, a.start)  # "KIGALI - The two sides agreed": where it was filed (x16)
            and (others or not _relational(sent.doc, a))]
    found = {a.country for a in here}
    for a in here:  # "Kenyan and Somali police": both countries
        span = sent.doc.char_span(a.start, a.end, alignment_mode="expand") if " and " in a.text else None
        found |= set(phrase_countries(span.root, load_kb(()))) if span is not None and len(span) else set()
    found |= {p.country for p in state.places + state.actor_places
              if sent.start_char <= p.start < sent.end_char and p.country and not in_dateline(sent.doc, p.start)
              and not _skipped(p.start)}
    found -= _NO_STATE
    return next(iter(found)) if len(found) == 1 else None


def _other_person(a: Actor, sent: Span, state: DocState) -> bool:
    """Whether ``sent`` names a known person (one of the knowledge base, with a country) other than ``a``: a bare
    title's counterpart ("The president called Erdogan", "the foreign minister met Lavrov in Moscow"), whose country
    and whereabouts are not the title's (round a36)."""
    return any(o.person_id and o.country and o.person_id != a.person_id and not (o.start == a.start)
               for o in state.actors if sent.start_char <= o.start < sent.end_char)


def _relational(doc: Any, a: Actor) -> bool:
    """Whether the actor ``a`` is named in a phrase of the other side of a pair ("his *Indian* counterpart")."""
    from ..actors.nosides import relational_nouns

    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    head = root if root.dep_ not in ("amod", "compound", "poss") else root.head
    return head.lemma_.lower() in relational_nouns() or head.lower_ in relational_nouns()


def _common_noun(a: Actor, doc: Any, as_target: bool = False) -> bool:
    """Whether an actor is named by a common noun phrase ("protesters", "the provincial governor", "a mob"), not
    by a proper name, a pronoun or a knowledge-base entry: only such a phrase takes the country of its sentence
    (a named person or firm may act abroad: "Gazprom cut supplies to Ukraine")."""
    if a.person_id or a.resolved_by not in ("sector", "title", "unresolved"):
        return False
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    from ..actors.nosides import act_nouns, generic_nouns

    if as_target and (root.lemma_.lower() in generic_nouns() or root.lemma_.lower() in act_nouns()):
        return False  # "urged both sides", "rejected the accusation": no party, no country of its sentence
    if a.resolved_by == "unresolved" and not root.text.islower():
        return False  # "Lula rebuffed calls ...": a capitalised word no list knows may be a name
    return root.pos_ == "NOUN" and root.lower_ not in ("it", "they", "them") \
        and not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span)


def sentence_side(a: Actor | None, c: Any, state: DocState, as_target: bool = False, etype: str = "") -> Actor | None:
    """A side named by a common noun with no country, given the one country of its sentence ("Riot police
    kettled demonstrators outside the Assemblée nationale", "The governor of Borno called on the federal
    government"); ``a`` unchanged otherwise (it has a country, is a name, or the sentence names no single
    country)."""
    if a is None or a.country or not _common_noun(a, c.tok.doc, as_target):
        return a
    if a.role and _other_person(a, c.tok.sent, state):
        return a  # "The president called Erdogan": a bare title is not of the country of the person it calls
    if not as_target and a.role in POSTED_ROLES:
        return a  # "The consul general in Osaka criticised the Japanese government": his post's, not his (round n46)
    if not as_target and etype:
        from .objectplaces import outside_object

        country = outside_object(c, etype, lambda skip: sentence_country(c.tok.sent, state, others=False, skip=skip))
    else:
        country = None
    if country is None:
        country = sentence_country(c.tok.sent, state, others=as_target)
    elif country == "-":
        country = None
    if country is None:
        return a
    return Actor(**{**a.to_dict(), "country": country, "resolved_by": f"{a.resolved_by}+sentence",
                    "confidence": min(a.confidence or 0.5, 0.5)})


def object_target(c: Any, state: DocState, source: Actor | None, kb: Any, etype: str = "") -> Actor | None:
    """The target when no actor is found among the usual phrases: the direct object of the trigger or its verb (or
    the object a verb shares with the one it is coordinated with: "evacuated and sheltered thousands of Afghans"),
    a noun phrase that is no amount or time, with the country of a word inside it ("a Palestinian farmer", "the
    British-flagged tanker") or else of its sentence ("Nicaragua stripped 94 critics of their citizenship",
    "missiles struck energy facilities across Kyiv"); then, for an accusation, the subject of its "that" clause
    ("alleged that security agents had tailed him"), and the phrases :func:`~gaiko.pipeline.roles.fallback_targets`
    tries ("pledged to protect Kurdish refugees"), these with a country of their own or, for a noun of people of the
    sector vocabulary, the sentence's; not equipment nor an act with no actor in it ("deliver two jets", "condemned
    the announcement": ``gaiko/data/actors/no_sides.yaml``). None when there is no such phrase or no country."""
    from ..actors.nosides import act_nouns, generic_nouns
    from .roles import fallback_targets, kb_actor, phrase_span
    from .thingsides import self_judged, thing_noun

    heads = [c.tok] if c.tok.i == c.anchor.i else [c.tok, c.anchor]
    objs = [x for h in heads for x in h.children if x.dep_ in ("dobj", "obj", "dative")]
    for h in heads:  # the first of two coordinated verbs shares the second's object
        objs += [x for v in h.children if v.dep_ == "conj" and v.pos_ == "VERB"
                 and not any(s.dep_ in ("nsubj", "nsubjpass") for s in v.children)
                 for x in v.children if x.dep_ in ("dobj", "obj")]
    if etype == "ACCUSE":
        objs += [x for h in heads for v in h.children if v.dep_ == "ccomp"
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in v.children)
                 for x in v.children if x.dep_ in ("nsubj", "nsubjpass")]
    direct = len(objs)
    objs += list(fallback_targets(heads))
    for k, o in enumerate(objs):
        if o.i == c.tok.i or o.pos_ not in ("NOUN", "PROPN") or o.ent_type_ in _AMOUNTS \
                or o.lower_ in ("it", "them", "one"):
            continue
        start, end, text = phrase_span(o)
        if source is not None and source.start <= start < source.end or in_dateline(o.doc, o.idx) \
                or etype != "MOBILIZE" and no_side_thing(o, state, source) or goods_thing(o):
            continue  # the dateline; "deliver two Gripen jets": equipment is no side
        fb = kb_actor(o, kb, state.places) if kb is not None else None
        country = fb.country if fb is not None else None
        how = "object"
        if country is None and (o.lemma_.lower() in act_nouns() or o.lemma_.lower() in generic_nouns()):
            continue  # "condemned the announcement", "urged both sides": no actor named in it, no side
        if etype != "MOBILIZE" and sent_forces(o, bare=True) and (country is None or source is not None
                                                                and country == source.country):
            continue  # "Chad agreed to deploy police": its own forces, sent to no place named
        if country is None and (k < direct or kb is not None and o.lemma_.lower() in kb.nouns):
            # a deed's own object or a group of people; not a thing a threatened act is about ("Venezuela
            # threatened to cut off oil shipments" names no side the shipments would go to)
            country, how = sentence_country(c.tok.sent, state), "object+sentence"
            if self_judged(source, country, etype) and thing_noun(o, kb):
                continue  # "Poland condemned the sanctions": a state does not judge itself (t42)
        if country is None:
            continue
        return Actor(text=text, start=start, end=end, country=country, sector=fb.sector if fb else None,
                     resolved_by=how, confidence=0.4)
    return None


def no_side_thing(t: Token, state: DocState, source: Actor | None) -> bool:
    """Whether a candidate phrase names equipment (``no_sides.yaml``: "two Patriot systems", "four Gripen jets", the
    "Patriot" of it), not an actor; one with a country of its own other than the source's stays ("shot down
    Russian drones")."""
    from ..actors.nosides import equipment_nouns

    head = t
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and head.head.i > head.i:
        head = head.head
    if head.lemma_.lower() not in equipment_nouns() or head.pos_ not in ("NOUN", "PROPN"):
        return False
    own = [a for x in head.subtree if x.dep_ == "amod" and (a := state.actor_at(x)) is not None and a.country]
    return not any(source is None or a.country != source.country for a in own)


def amount_of(t: Token) -> Token:
    """The thing a sum of money buys ("$8 billion of American defence equipment"): the "of" object of a phrase
    headed by a sum, which is no side of its own; else ``t`` (round x4; a number of people, "dozens of protesters",
    is left as it was)."""
    if t.ent_type_ != "MONEY":
        return t
    return next((o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), t)


def goods_thing(t: Token) -> bool:
    """Whether a candidate phrase is headed by a noun of goods or a budget (``no_sides.yaml`` goods: "more LNG",
    "defence spending"; round n47): a thing bought, sold or raised, never a side, for any type."""
    from ..actors.nosides import goods_nouns

    head = t
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and head.head.i > head.i:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in goods_nouns() or head.lower_ in goods_nouns())


def sent_forces(root: Token, bare: bool = False) -> bool:
    """Whether a noun is the object of a verb of sending ("promised to send police", "deploy police officers";
    ``no_sides.yaml``): the source's own people so sent are no target of their own. With ``bare``, only when no
    "to"/"into"/"toward" phrase names where they go (one that does may name a place of their own country: "sent a
    delegation to the capital")."""
    from ..actors.nosides import sending_verbs

    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head
    if root.dep_ not in ("dobj", "obj") or root.head.lemma_.lower() not in sending_verbs():
        return False
    heads = [root, root.head] + [x for x in root.head.children if x.dep_ in ("advmod", "prt") and x.lower_ == "back"]
    return not bare or not any(p.dep_ in ("prep", "dative") and p.lower_ in ("to", "into", "toward", "towards")
                               for h in heads for p in h.children)
