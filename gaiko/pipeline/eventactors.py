"""Who an event's source and target are (used by :mod:`gaiko.pipeline.events`): the actor a phrase names (its
mention, completed from the knowledge base; a pronoun's speaker), the target among the candidate phrases of a
trigger, the two sides of "between A and B", and the other country of a source's own people ("recalled its
ambassador from Algiers"). ``c`` arguments are the event coder's candidates (trigger token ``tok``, its verb
``anchor``); ``kb`` is the actor knowledge base, or None."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..docindex import entities
from ..docindex import text as doc_text
from ..types import Actor
from .attributes import ClauseInfo
from .contested import contested
from ..actors.nosides import in_dateline, route_end, time_nouns
from .eventsides import amount_of, goods_thing, group_heads, group_pair, no_side_thing, sent_forces
from .roles import ENT_TYPES, LOCATIVE_PREPS, PARTICLES, PEOPLE, PRONOUNS, is_locative, kb_actor, phrase_span, subjects
from .state import DocState
from .thingsides import equipment_word, judged_type, modifier_word, owned_type

__all__ = ["event_actor", "resolved_actor", "pick_target", "visitor", "between_sides", "own_people_away", "sent_side",
           "actor_key", "NO_PLACE_TARGET"]

#: types whose target is never the town they happened in ("held talks in Busan", "agreed in Geneva"); a country
#: after "in" may still be the side ("condemned the violence in Myanmar" is another type; "talks in Qatar")
NO_PLACE_TARGET = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def event_actor(tok: Token, state: DocState, info: ClauseInfo, kb: Any) -> Actor | None:
    """The actor a phrase names: its mention, else (a pronoun) the speaker's, else the knowledge base's reading,
    else the bare phrase; None for a word of the article's dateline."""
    if in_dateline(tok.doc, tok.idx):
        return None
    a = resolved_actor(tok, state, kb)
    if a is not None:
        return off_dateline(a, tok)
    if tok.lower_ in PRONOUNS:
        if info.speaker is not None and info.speaker.i != tok.i:
            return event_actor(info.speaker, state, ClauseInfo(), kb)
        return None
    if tok.pos_ in ("NOUN", "PROPN") or tok.ent_type_:
        if kb is not None and (fb := kb_actor(tok, kb, state.places)) is not None:
            return fb
        start, end, text = phrase_span(tok)
        return Actor(text=text, start=start, end=end)
    return None


def off_dateline(a: Actor, tok: Token) -> Actor | None:
    """``a`` without the words of the article's dateline its mention ran over ("KAYES - Militants of the group": the
    militants; round x7, b35's F9d): the place a report was filed from is no part of an actor."""
    if a.start is None or a.end is None or not in_dateline(tok.doc, a.start):
        return a
    end = tok.doc.user_data.get("gaiko_dateline_end") or 0
    text = doc_text(tok.doc)
    while end < a.end and text[end].isspace():
        end += 1
    if end >= a.end:
        return None
    cut = text[end:a.end]
    name = a.name if a.name and a.name in cut else (cut if a.name == a.text else a.name)
    return Actor(**{**a.to_dict(), "text": cut, "start": end, "name": name})


def visitor(tok: Token, state: DocState, info: ClauseInfo, kb: Any) -> Actor | None:
    """Who makes a visit told by a noun ``tok`` with no owner in its phrase: the subject of the clause its
    prepositional phrase belongs to ("the president met the premier during a visit to Riga" -> the president), or
    None (then the visit is not drafted; round t43)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subj, passive, agent = subjects(prep.head)
    toks = ([agent] if agent is not None else []) if passive else subj
    return next((a for t in toks if (a := event_actor(t, state, info, kb)) is not None), None)


def resolved_actor(tok: Token, state: DocState, kb: Any) -> Actor | None:
    """The actor mention for a phrase; a mention without a country is
    completed from the knowledge base when the phrase names one
    ("Iraqi Kurds", "people in Hong Kong")."""
    a = state.actor_in(tok)
    if a is not None and a.person_id is None and tok.pos_ == "NOUN":
        # "China's top diplomat Wang Yi", "opposition politician Tofig Yagublu": the person named in apposition
        named = next((p for x in tok.children if x.dep_ == "appos" and x.pos_ == "PROPN" and x.ent_type_ == "PERSON"
                      and (p := state.actor_at(x)) is not None and p.start > a.start), None)
        if named is not None and named.person_id:
            return named if named.country else Actor(**{**named.to_dict(), "country": a.country})
        if named is not None and named.resolved_by == "unresolved" and a.country:
            return Actor(**{**a.to_dict(), "text": tok.doc.text[a.start:named.end], "end": named.end,
                            "name": named.name or named.text})
    if a is not None and a.country is None and kb is not None and not (a.role and a.resolved_by == "title"):
        fb = kb_actor(tok, kb, state.places)
        if fb is not None:
            return Actor(**{**a.to_dict(), "country": fb.country, "sector": a.sector or fb.sector,
                            "resolved_by": f"{a.resolved_by}+event-fallback"})
    return a


def pick_target(toks: list[Token], state: DocState, source: Actor | None, kb: Any, etype: str = "",
                need_country: bool = False) -> Actor | None:
    """The first of the candidate phrases ``toks`` that names an actor other than the source (a place only when
    nothing better turns up, and never for a diplomatic act, :data:`NO_PLACE_TARGET`; with ``need_country``, only
    an actor with a country). The dateline and equipment (:func:`no_side_thing`; but for MOBILIZE,
    the forces mobilised) are no target."""
    fallback: Actor | None = None
    place: Actor | None = None  # "in Paris": kept only when nothing better turns up
    toks = _acted_on_first(toks, state)
    for t in toks:
        t = amount_of(t)  # "$8 billion of American defence equipment": the thing counted, not the sum (round x4)
        if in_dateline(t.doc, t.idx) or etype != "MOBILIZE" and no_side_thing(t, state, source) \
                or goods_thing(t) and not taxed_goods(t, etype):
            continue  # (round n47: "more LNG", "defence spending": goods and budgets are no side)
        if route_end(t):
            continue  # "on the road from Senegal to Bamako": where the road runs (round x5, F10c)
        if t.pos_ == "NOUN" and t.lemma_.lower() in time_nouns():
            continue  # "met for the first time in Asmara": a count of occasions is no side (round x11, F14)
        if any(p.start + p.text.find(",") < t.idx < p.end for p in state.places if "," in p.text):
            continue  # ", Idaho" of "in Moscow, Idaho": the qualifier of a place
        a = resolved_actor(t, state, kb)
        if a is not None and judged_type(etype) and equipment_word(a, t.doc):
            continue  # "Japan condemned North Korea's missile launch": not "missile" (t42)
        if a is not None and not owned_type(etype) and modifier_word(a, t.doc):
            continue  # "promised to cut labor taxes": a kind of tax, no side; "struck an army base" is the army's (t43)
        if a is None and kb is not None and (a := kb_actor(t, kb, state.places)) is not None:
            if source is not None and a.start == source.start:
                continue
        if a is not None:
            if source is not None and a.start == source.start and a.end == source.end:
                continue
            if source is not None and source.country and a.country == source.country \
                    and (a.sector == source.sector and a.name == source.name and not _other_group(a, source)
                         or etype == "MOBILIZE"):
                # the source itself, or the forces it mobilises ("trained units able to strike X")
                if etype == "MOBILIZE" and (inner := _inner_actor(t, state, a)) is not None:
                    return inner
                continue
            if need_country and not a.country:
                continue
            if is_locative(t) and a.sector is None and a.person_id is None:
                if etype in NO_PLACE_TARGET and a.resolved_by != "country":
                    continue  # "held talks in Busan": where, not with whom
                place = place or Actor(**{**a.to_dict(), "resolved_by": f"{a.resolved_by}+locative"})
                continue
            return a
        if need_country:
            continue
        if fallback is None and t.head.lower_ not in ("from", "in", "near", "at", "during", "since"):
            ent = next((x for x in t.subtree if x.ent_type_ in ENT_TYPES and not goods_thing(x) and not route_end(x)),
                       None)
            if ent is not None:
                span = next((s for s in entities(t.doc) if s.start <= ent.i < s.end), None)
                at = None if span is None else \
                    next((p for p in state.places if p.start <= span.start_char < p.end), None)
                if at is not None and at.start < span.start_char:
                    span = None  # ", Idaho" of "in Moscow, Idaho": part of a place, not a target
                if span is not None and (source is None or not (source.start <= span.start_char < source.end)):
                    where = at.country if at is not None and not contested(at, ent) else None  # no claimant's (e48)
                    known = state.actor_at(ent)
                    if where is None and known is not None and known.country and (
                            source is None or known.start != source.start):
                        # "parts bound for Israel", "under former president Rodrigo Duterte": the name's own mention
                        fallback = known
                        continue
                    fallback = Actor(text=span.text, start=span.start_char, end=span.end_char, country=where,
                                     resolved_by="place" if where else "unresolved")
    return place or fallback


#: types of a trade measure: its "on" phrase of goods names the side it falls on (round x58)
MEASURE_TYPES = frozenset({"SANCTION", "CONCEDE", "THREATEN"})


def taxed_goods(t: Token, etype: str) -> bool:
    """Whether goods named in the "on"/"against" phrase of a trade measure ("raised tariffs on American soybeans",
    "lifted its duties on Australian barley") stand for the country whose goods they are (round x58): the phrase
    is then a side when its words name a country; goods bought or a budget raised stay no side (round n47)."""
    return etype in MEASURE_TYPES and t.dep_ == "pobj" and t.head.lower_ in ("on", "against")


def _acted_on_first(toks: list[Token], state: DocState) -> list[Token]:
    """Direct objects that name people before the places they were taken from or held in:
    "abducted 25 pupils from a boarding school", "evicted residents from a village"."""
    objs = [t for t in toks if t.dep_ in ("dobj", "obj", "conj") and (a := state.actor_in(t)) is not None
            and (a.sector in PEOPLE or a.person_id or a.role)]
    if not objs:
        return toks
    where = [t for t in toks if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and t.i > objs[0].i]
    return [t for t in toks if t not in where] + where


def _inner_actor(t: Token, state: DocState, outer: Actor) -> Actor | None:
    """An actor of another country named inside a phrase ("units able to strike the United States")."""
    for x in sorted(t.subtree, key=lambda y: abs(y.i - t.i)):
        if x.pos_ != "PROPN" or outer.start <= x.idx < outer.end:
            continue
        a = state.actor_in(x)
        if a is not None and a.country and a.country != outer.country:
            return a
    return None


def between_sides(c: Any, state: DocState, info: ClauseInfo, kb: Any) -> tuple[Actor, Actor] | None:
    """The two sides of "between A and B" on a noun event or on the verb it is the subject of ("clashes between
    Sudanese and Chadian troops", "fighting broke out between A and B"), when both have a country."""
    if c.tok.pos_ not in ("NOUN", "PROPN"):
        return None
    heads = [c.tok] + ([c.tok.head] if c.tok.dep_ in ("nsubj", "nsubjpass") else [])
    for h in heads:
        prep = next((p for p in h.children if p.dep_ == "prep" and p.lower_ == "between"), None)
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            continue
        group = group_pair(obj, state)  # "between Sudanese and Chadian troops", "between the two presidents"
        if group is not None:
            return group
        conj = next((x for x in obj.children if x.dep_ == "conj"), None)
        if conj is None:
            return None
        a, b = event_actor(obj, state, info, kb), event_actor(conj, state, info, kb)
        if a is not None and b is not None and a.country and b.country and a.start != b.start:
            return a, b
        return None
    return None


def between_party(target: Actor, c: Any) -> bool:
    """Whether the target is a plural group noun after "between" or "among" ("mediate between the two governments",
    "shuttled between the delegations"): the parties the act is between, which a source of the same country stands
    apart from (round p39: the mediator is not its own target). A domestic party ("between the truckers and the
    ministry", "between the government and the gangs") may share the mediator's country and stays."""
    span = c.tok.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.tag_ == "NNS" and root.lemma_.lower() in group_heads() and root.dep_ == "pobj" \
        and root.head.lower_ in ("between", "among", "amongst")


def _own_name(t: Any) -> bool:
    """Whether a possessor names a country (a name, "the country's"): "Niger recalled Niger's ambassador from
    Abidjan" (round x5, F10b; the caller has the target of the source's own country)."""
    return t.pos_ == "PROPN" or t.lemma_.lower() in ("country", "nation", "government")


def own_people_away(target: Actor, source: Actor, c: Any, state: DocState, info: ClauseInfo,
                    kb: Any) -> Actor | None:
    """For a target that is the source's own people ("its ambassador", "their diplomats"), the country named by
    "from X" / "to X" / "in X" on the verb or on that noun ("recalled its ambassador from Algiers", "withdrew
    their envoy to Mali"), when it is another country; else None."""
    span = c.tok.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    sent = sent_forces(root)
    if not sent and not any(t.dep_ == "poss" and (t.lower_ in ("its", "their", "his", "her", "our") or _own_name(t))
                            for t in root.children) and not _handed_over(root):
        return None
    noun = root
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "police officers"
    heads = (root, c.anchor, c.tok) + ((noun, noun.head) if sent else ())
    # "sent a fugitive senator back to Paraguay": the phrase under the verb's particle
    heads += tuple(x for h in heads[3:] for x in h.children if x.dep_ in ("advmod", "prt") and x.lower_ in PARTICLES)
    for head in heads:
        for p in head.children:
            if p.dep_ not in ("prep", "dative") or p.lower_ not in ("from", "to", "in"):  # "send police to Haiti"
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                a = _other_country(o, source, state, info, kb)
                if a is not None:
                    return a
    return _travel_away(c, source, state, info, kb)


def _other_country(o: Any, source: Actor, state: DocState, info: ClauseInfo, kb: Any) -> Actor | None:
    """The actor a phrase's object names, or the place it lies in (as metonymy), when of another country than
    ``source``'s; else None."""
    a = event_actor(o, state, info, kb)
    if a is not None and a.country and a.country != source.country:
        return a
    place = next((pl for pl in state.places if pl.start <= o.idx < pl.end), None)
    if place is not None and place.country and place.country != source.country:
        return Actor(text=place.text, start=place.start, end=place.end, country=place.country,
                     resolved_by="metonymy", confidence=0.7)
    return None


def _travel_away(c: Any, source: Actor, state: DocState, info: ClauseInfo, kb: Any) -> Actor | None:
    """The country a state's own people are told about travelling to ("warned its citizens against travelling to
    Japan", "urged its nationals to avoid travel to Haiti", "advised them not to visit Japan"; ``no_sides.yaml``
    travel, round n47): the "to" phrase (or the object) of a word of travel under the trigger's verb, when it names
    another country; else None."""
    from ..actors.nosides import travel_words

    words = travel_words()
    for x in c.anchor.subtree:
        if x.lemma_.lower() not in words and x.lower_ not in words or x.i == c.anchor.i:
            continue
        for p in x.children:
            objs = [o for o in p.children if o.dep_ == "pobj"] if p.dep_ == "prep" and p.lower_ == "to" else \
                [p] if p.dep_ in ("dobj", "obj") and x.pos_ in ("VERB", "AUX") else []
            for o in objs:
                a = _other_country(o, source, state, info, kb)
                if a is not None:
                    return a
    return None


def _handed_over(root: Token) -> bool:
    """Whether a noun is the person a verb of handover (``no_sides.yaml``) hands over: "extradited the suspect to
    Spain", "Spain surrenders former army officer to Argentina", "a hacker was extradited from Cyprus to the United
    States" (the passive's subject)."""
    from ..actors.nosides import handover_verbs

    return root.dep_ in ("dobj", "obj", "nsubjpass") and root.head.lemma_.lower() in handover_verbs()


def sent_side(a: Actor, c: Any) -> bool:
    """Whether the actor ``a`` of the clause ``c`` is the object of a verb of sending with no destination named
    (:func:`sent_forces`)."""
    span = c.tok.doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and sent_forces(span.root, bare=True)


def _other_group(a: Actor, b: Actor) -> bool:
    """Two common-noun mentions of one sector and country that name different groups ("herders attacked farmers
    in Jos": both AGR of Nigeria, but the farmers are not the herders)."""
    return a.resolved_by == "sector" and b.resolved_by == "sector" and a.start != b.start \
        and a.text.lower().split()[-1:] != b.text.lower().split()[-1:]


def actor_key(a: Actor | None) -> str:
    """What tells two events' sides apart: an actor's code when it has a country, else its text."""
    if a is None:
        return ""
    return a.code if a.country else a.text.lower()
