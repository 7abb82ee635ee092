"""Pipeline component: the event coder (``doc._.gaiko.events``).

For each sentence it finds trigger words from the lexicons
(``gaiko/data/triggers``; :mod:`gaiko.pipeline.eventcands`), works out how they hang together (frames such as
"threatened to X" or "refused to X" absorb their complement; intentions,
negation and reported speech are read off the parse), finds source and
target (:mod:`gaiko.pipeline.eventactors`; the place and the sides beyond the
clause: :mod:`gaiko.pipeline.eventsides`), and appends
:class:`gaiko.types.Event` records. See
``docs/patterns.md`` for the rules and ``docs/accuracy.md`` for how well it
does.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from ..docindex import sentences
from ..tables import plover_table
from ..types import Actor, Event
from .attributes import ClauseInfo, clause_info
from .eventactors import (actor_key, between_party, between_sides, event_actor, own_people_away, pick_target, sent_side,
                          visitor)
from .eventcands import TriggerFinder
from .eventrecord import Cand as _Cand, Draft as _Draft, build_event
from .destination import delivered_to
from .eventsides import UNDIRECTED, adjective_owner, direct_target, group_pair, hosted_visitor, object_target, \
    talks_topic
from .foreign import foreign_sentences
from .jointact import joint_parties, outside_party
from .kindpasses import article_kinds, sentence_kinds
from .firedfrom import not_the_firing_side
from .nominals import read_back
from .ofpair import of_pair
from .ordercues import conditioned, incursion
from .primacy import rank_sentence
from .removal import removing_state
from .roles import PRONOUNS, deep_agent, fallback_targets, kb_actor, noun_agent, subjects, target_candidates
from .state import DocState, get_state
from .subjectacts import subject_acts
from .deathcause import cause_acts
from .thingsides import received_sides, thing_giver
from .triggers import Lexicon, default_lexicon, model_entry
from .typejoin import JoinConfig, ceased, join_sentence
from .typemodel import TypeModel, model_from_spec

__all__ = ["EventCoder", "COOPERATIVE", "MATERIAL_CONFLICT"]

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})

#: the refine table (frames.yaml) that turns an action's CAMEO code into the code of a type decided by the model
FRAME_OF = {"AGREE": "agree", "THREATEN": "threaten", "REJECT": "reject", "REQUEST": "request"}


class EventCoder(TriggerFinder):
    """Codes PLOVER events from the parse, using the trigger lexicons.

    Config: ``trigger_files`` (extra lexicon files), ``min_confidence``
    (events below it are dropped, default 0.3), ``max_events_per_sentence``
    (default 3), ``type_model`` (path of a type-model artefact; ``False`` codes
    with the rules alone; default: the model shipped in ``gaiko/data/typemodel``).
    """

    name = "events"
    requires: tuple[str, ...] = ("token.dep", "token.lemma", "gaiko.actors", "gaiko.places", "gaiko.dates")
    assigns: tuple[str, ...] = ("gaiko.events",)

    def __init__(self, trigger_files: tuple[str, ...] = (), min_confidence: float = 0.3,
                 max_events_per_sentence: int = 3, type_model: str | bool | None = None, **config: Any) -> None:
        self.lex: Lexicon = default_lexicon(tuple(str(f) for f in trigger_files))
        self.model: TypeModel | None = model_from_spec(type_model)
        self.join_config = JoinConfig.from_meta(self.model.meta) if self.model is not None else JoinConfig()
        #: apply PLOVER's conventions for intentions and refusals to the model's action types too
        self.model_conventions = bool(config.get("model_conventions", True))
        #: when a list, every candidate's (article id, start, end, head start, features) is appended (training)
        self.capture: list[tuple[str, int, int, int, list[str]]] | None = None
        self.min_confidence = min_confidence
        self.max_events = max_events_per_sentence
        self.frame_verbs = frozenset(w for e in self.lex.entries.values() if e.kind == "frame" for w in e.verbs)
        self.noun_hosts = self.lex.light | self.lex.aspect | self.lex.intent_verbs | self.frame_verbs
        self.config = config
        self._kb: object | None = None
        self._actor_files = tuple(str(f) for f in config.get("actor_files", ()))

    @property
    def kb(self) -> object | None:
        """The actor knowledge base (for the fallback when no mention covers a phrase)."""
        if self._kb is None:
            try:
                from ..actors.kb import load_kb

                self._kb = load_kb(self._actor_files)
            except Exception:  # the knowledge base is optional for the coder
                self._kb = False
        return self._kb or None

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        sports = doc.user_data.get("gaiko.sports") or ()  # set by the actor resolver (gaiko/actors/sports.py)
        foreign = foreign_sentences(doc)  # a paragraph in another language (round a36)
        for sent in sentences(doc).spans:
            if sent.start not in sports and sent.start not in foreign:
                state.events.extend(self.code_sentence(sent, state))
        article_kinds(doc, state)  # rounds n49, n50: the article's call, carried targets, organisations' ties
        return doc

    # -- coding -----------------------------------------------------------
    def code_sentence(self, sent: Span, state: DocState) -> list[Event]:
        cands = self._candidates(sent)
        if not cands and self.model is None and self.capture is None:
            return []
        self._link_frames(cands)
        frames = frozenset(i for i, c in cands.items() if c.entry.kind == "frame")
        by_tok: dict[int, list[_Draft]] = {}
        for c in cands.values():
            if not c.absorbed:
                by_tok[c.tok.i] = self._draft(c, state, frames)
        if self.model is not None or self.capture is not None:
            drafts = join_sentence(self, sent, state, cands, by_tok, frames)
        else:
            drafts = [d for ds in by_tok.values() for d in ds]
        drafts = [d for d in drafts if d.confidence >= self.min_confidence]
        drafts = rank_sentence(self, sent, state, drafts) if drafts else drafts  # issue 12: primacy.py
        if drafts:  # round t35: the kinds hold whatever the type model drafted (kindpasses.py)
            drafts = sentence_kinds(self, sent, state, frames, drafts)
        drafts = drafts or subject_acts(self, sent, state, frames)  # "The transfer of 31 tanks ... was completed"
        drafts = drafts or cause_acts(self, sent, state, frames)  # "died in Wednesday's attack": deathcause.py
        drafts.sort(key=lambda d: -d.confidence)
        seen: set[tuple[str, str, str]] = set()
        events: list[Event] = []
        for d in drafts:
            key = (d.event_type, actor_key(d.source), actor_key(d.target))
            if key in seen or any(e.trigger_start == d.cand.tok.idx and e.event_type == d.event_type
                                  and (e.source is None) == (d.source is None) and actor_key(e.source) == actor_key(d.source)
                                  for e in events):
                continue
            seen.add(key)
            events.append(self._event(d, sent, state))
            if len(events) >= self.max_events:
                break
        extra = read_back(self, sent, state, events, by_tok)  # "days after Monday's attack": nominals.py
        return events + (not_the_firing_side(extra, sent, state) if extra else extra)  # round x17: firedfrom.py

    def model_candidate(self, tok: Token, etype: str, cand: _Cand | None) -> _Cand:
        """A candidate for an event type the model chose at ``tok``: the rule's candidate when there
        is one, else one with the lexicon entry of that type for the word, else a bare entry."""
        if cand is not None:
            return cand
        pos = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ in ("NOUN", "PROPN") else "adj"
        index = self.lex.verbs if pos == "verb" else self.lex.nouns if pos == "noun" else self.lex.adjs
        entry = next((e for e in index.get(self.lex.lemma(tok), ()) if e.event_type == etype and e.lend), None) \
            or model_entry(etype)
        anchor = tok if pos != "noun" else (self._noun_host(tok) or (tok.head if tok.head.pos_ in ("VERB", "AUX") else tok))
        return _Cand(tok, entry, anchor)

    def _draft(self, c: _Cand, state: DocState, frames: frozenset[int], fixed: str | None = None) -> list[_Draft]:
        """Drafts for candidate ``c``; ``fixed`` is a type decided by the model (PLOVER's conventions
        for intentions and refusals are then not applied again)."""
        lex, e, kb = self.lex, c.entry, self.kb
        info = clause_info(c.anchor, lex, frames - {c.tok.i, c.anchor.i})
        etype, code, pattern = e.event_type, e.cameo, e.id
        if e.kind == "frame" and e.frame:
            if c.complement is not None:
                code = lex.refine(e.frame, c.complement.entry.cameo) or code
                pattern = f"{e.id}>{c.complement.entry.id}"
        if fixed is not None and fixed != etype:
            frame = FRAME_OF.get(fixed)
            code = (lex.refine(frame, code) if frame else None) or str(plover_table()[fixed]["cameo"])
            etype, pattern = fixed, f"{pattern}~{fixed.lower()}"
        # roles
        subj, passive, agent = subjects(c.anchor)
        not_sides: set[int] = set()  # tokens that are no side of this event (the verb's own agent, x11)
        passive = passive and not (agent is None and etype == "MOBILIZE")  # "jets were scrambled": the jets mobilise
        if passive and agent is None and (deep := deep_agent(c.anchor)) is not None and _named(deep, state, kb):
            agent = deep  # "the ship was refused permission to dock by Malta": the "by" phrase hung lower
        src_toks: list[Token] = ([agent] if agent is not None else []) if passive else subj
        sources = [a for a in (event_actor(t, state, info, kb) for t in src_toks) if a is not None]
        source = sources[0] if sources else None
        if passive and agent is None and (removed := removing_state(c.anchor, state)) is not None:
            source, sources = removed, [removed]  # "were deported from Russia": Russia's doing
        if c.tok.pos_ in ("NOUN", "PROPN") and c.tok.i != c.anchor.i and self._noun_host(c.tok) is None \
                or c.tok.pos_ == "NOUN" and c.tok.i == c.anchor.i and c.tok.dep_ != "ROOT":
            # "The G7 condemned Iran's attack on Israel": the attack is Iran's, not the G7's
            poss = next((t for t in c.tok.children if t.dep_ == "poss" and t.lower_ not in PRONOUNS), None)
            owner = event_actor(poss, state, info, kb) if poss is not None else None
            if owner is None or not owner.country:
                # "an Israeli air strike on a school killed ...": the nationality before the noun is its source
                owner = adjective_owner(c.tok, state)
            if owner is not None and owner.country:
                source, sources, subj, passive = owner, [owner], [], False
            elif c.tok.i != c.anchor.i and c.anchor.pos_ == "VERB" and c.tok.dep_ in ("dobj", "nsubjpass") \
                    and c.tok.head.i == c.anchor.i and self.lex.verbs.get(self.lex.lemma(c.anchor)):
                # "the prime minister condemned the killing of the mayor", "the US welcomed the release": the
                # subject of a verb that is an event of its own did not do the noun's event; nor is the passive verb's
                # "by" phrase the noun's target ("the signing was welcomed by Japan": Japan welcomed it; x11, b38 F2)
                stance = {x.event_type for x in self.lex.verbs[self.lex.lemma(c.anchor)]} & {"SUPPORT", "ACCUSE"}
                if c.tok.dep_ == "nsubjpass" and agent is not None and stance:
                    if fixed in stance:
                        return []  # the model's echo of the verb's own type at its subject noun: no second event
                    not_sides = {t.i for t in agent.subtree}
                source, sources, subj, passive = None, [], [], False
        if (source is None or not source.country or any(t.i == c.tok.i for t in src_toks)) and c.tok.pos_ == "NOUN" \
                and (by := noun_agent(c.tok)) is not None and _named(by, state, kb) \
                and (owner := event_actor(by, state, info, kb)) is not None:
            # "the expulsion of two diplomats by Oslo was announced", "the recognition of Kosovo by Ghana angered
            # Serbia" (not the country inside the noun's own phrase)
            source, sources, subj, passive = owner, [owner], [], False
        if source is None and e.mode == "visit" and c.tok.pos_ == "NOUN" and c.tok.i == c.anchor.i:
            source = visitor(c.tok, state, info, kb)  # "met X during a visit to Riga": the subject's visit
            if source is None:
                return []  # a visit by no one named is no event (round t43)
            sources = [source]
        pair = group_pair(src_toks[0], state) if src_toks and not passive else None
        if pair is None and e.symmetric and src_toks and not passive:
            pair = of_pair(src_toks[0], state, kb)  # "the presidents of Senegal and Mauritania met" (round n56)
        between = between_sides(c, state, info, kb)
        if between is not None:
            # "clashes between Sudanese and Chadian troops", "talks between Armenia and Azerbaijan": the two sides,
            # each way
            pair = between
        two_way = e.symmetric or between is not None
        if pair is not None:
            # "the two leaders met", "the foreign ministers of the two countries met": the last two countries named
            source, sources = pair[0], list(pair)
        tcands: list[Token] = list(subj) if passive else []
        comp_tok = c.complement.tok if c.complement is not None else c.complement_tok
        tcands += [t for t in target_candidates(c.tok, c.anchor, e.target, comp_tok) if t.i not in not_sides]
        if info.reported and info.obligation and not passive and subj and info.speaker is not None \
                and subj[0].lower_ not in PRONOUNS and e.frame != "request" and fixed in (None, "REQUEST"):
            # "X said Y must do Z": a demand by X on Y
            target = event_actor(subj[0], state, info, kb)
            source = event_actor(info.speaker, state, info, kb)
            code = lex.refine("request", code) or "100"
            etype, pattern = "REQUEST", f"request.must>{pattern}"
            sources = [source] if source else []
        else:
            target = pick_target(tcands, state, source, kb, etype)
            if pair is not None and (target is None or target.country in (None, pair[0].country)
                                     or not direct_target(target, c) or target.resolved_by == "sector") \
                    and (two_way or etype in UNDIRECTED):
                # "the two leaders met": with each other (not with "Antalya" of "met in Antalya", nor "NATO" of "on
                # the sidelines of a NATO meeting")
                target = pair[1]
        if fixed is None or (self.model_conventions and fixed not in ("AGREE", "THREATEN", "REJECT", "REQUEST")):
            etype, code, pattern, info = self._modal_type(etype, code, pattern, info, target, c.tok)
        elif fixed == "REJECT" and info.negated:
            info.negated = False  # "will not meet the demands": the refusal is the event
        if target is None or (target.resolved_by or "").endswith("locative") or (
                etype == "THREATEN" and (source is None or target.country == source.country) and incursion(c.tok)):
            # (the last: "troops would be sent into X if Y ...": the forces are the source's own, X or Y the target)
            heads = [c.tok, c.anchor] + ([c.complement.tok, c.complement.anchor] if c.complement
                                         else [c.complement_tok] if c.complement_tok is not None else [])
            alt = pick_target([t for t in fallback_targets(heads) if t.i not in not_sides], state, source, kb, etype,
                              need_country=True)
            target = alt or target
        if target is not None and source is not None and target.country and target.country == source.country:
            # "France recalled its ambassador from Algiers": the other country, not France's own envoy
            away = own_people_away(target, source, c, state, info, kb) \
                or delivered_to(target, c.tok, state, source.country)  # "deliver patrol boats to Vietnam" (x4)
            if away is None and between_party(target, c):
                target = None  # "Egypt offered to mediate between the two governments": not its own target
            elif away is None and etype != "MOBILIZE" and sent_side(target, c):
                target = None  # "Kenya promised to send police": its own forces sent, to no place named
            else:
                target = away or target
        if pair is None and hosted_visitor(code, etype, source, target, c):  # "Xi received Putin": Putin visits Xi
            source, target, sources = target, source, [target]
        elif pair is None and (got := received_sides(c, source, target, etype, state, kb)) is not None:
            source, target = got  # "Indonesia received Australian aid": Australia gives, Indonesia gets (t42)
            sources = [source] if source is not None else []
        # "Nicaragua stripped 94 critics of their citizenship": the object, with its sentence's country
        target = target or object_target(c, state, source, kb, etype)
        if len(sources) > 1 and not two_way and target is not None and (
                target.country in {x.country for x in sources} - {None}
                or not (target.country or target.sector or direct_target(target, c))):
            target = None  # "Peru and Ecuador signed a treaty in Lima" (or "in the Gulf of ..."): no recipient (t43)
        if target is not None and joint_parties(e, source, sources, c, state) and not outside_party(target, c):
            target = None  # "A and B signed a protocol in Abu Dhabi / in the presence of ...": no recipient (x10)
        conf = e.confidence * info.salience
        if source is None:
            conf *= 0.85
        if info.hypothetical:
            conf *= 0.6
        if info.negated:
            conf *= 0.6
        if source is None and passive and agent is None and info.speaker is not None:
            # "The tanker was seized for smuggling, an Iranian coast guard commander said": an official reporting a
            # deed with no agent speaks for those who did it (after the confidence, which stays that of no source)
            spoken = event_actor(info.speaker, state, ClauseInfo(), kb)
            source = spoken if spoken is not None and spoken.country not in (None, "IGO", "NGO", "IMG") \
                and spoken.sector != "JRN" and spoken is not target else None  # not an observer ("a UN spokesman")
            # "A's ministry said the Chinese loan had been disbursed": China gives, A's side gets (round e47)
            source, target = thing_giver(c, target, source, etype) or (source, target)
        out = [_Draft(c, info, etype, code, pattern, source, target, round(conf, 3))]
        if two_way and len(sources) == 2 and (target is None or any(target.start == x.start for x in sources)
                                                   or target.country in (None, *(x.country for x in sources))
                                                   or (etype == "CONSULT" or etype == "AGREE"
                                                       and e.event_type == "CONSULT") and talks_topic(target, c)):
            # "X and Y agreed": both directions ("X, Y and Z brokered" is one compound source: compound.py); what
            # they exchanged is no third side ("Russia and Ukraine exchanged prisoners", the prisoners Russia's); nor
            # is the venue of planned talks ("will hold talks on the sidelines of the AU summit", round x1)
            out = [_Draft(c, info, etype, code, pattern, sources[0], sources[1], round(conf, 3)),
                   _Draft(c, info, etype, code, pattern, sources[1], sources[0], round(conf * 0.99, 3))]
        return out

    def _modal_type(self, etype: str, code: str, pattern: str, info: ClauseInfo,
                    target: Actor | None, tok: Token | None = None) -> tuple[str, str, str, ClauseInfo]:
        """PLOVER's conventions for negated and intended actions."""
        lex = self.lex
        if (info.intended and not info.negated and not info.hypothetical and etype in MATERIAL_CONFLICT
                and tok is not None and ceased(tok)):
            # "said his fighters would stop kidnapping civilians": a stated end of a harmful act is a
            # de-escalation, AGREE (intended cooperation), not a threat
            return "AGREE", "0356" if etype in ("ASSAULT", "MOBILIZE") else "035", pattern + "+cease", info
        if info.negated and etype in COOPERATIVE and (info.intended or info.via_negative_verb):
            # "will not meet", "failed to reach agreement": a refusal
            info.negated = False
            info.intended = False
            return "REJECT", lex.refine("reject", code) or "120", pattern + "+refuse", info
        if info.intended and not info.negated and not info.hypothetical:
            if etype in ("AID", "MOBILIZE") and tok is not None and incursion(tok):
                # "troops would be sent into the region if ...": a deployment on a condition, a threat (round t40)
                return "THREATEN", lex.refine("threaten", "15") or "138", pattern + "+intent", info
            if etype in COOPERATIVE and etype != "AGREE":
                return "AGREE", lex.refine("agree", code) or "030", pattern + "+intent", info
            if etype in MATERIAL_CONFLICT and (target is not None or etype in ("COERCE", "ASSAULT", "SANCTION")) \
                    and (etype != "MOBILIZE" or tok is None or conditioned(tok)):
                # a stated deployment plan stays MOBILIZE (intended); one on a condition is a threat (round t39)
                return "THREATEN", lex.refine("threaten", code) or "130", pattern + "+intent", info
        return etype, code, pattern, info

    # -- output -----------------------------------------------------------
    def _event(self, d: _Draft, sent: Span, state: DocState) -> Event:
        return build_event(d, sent, state, self.kb)


def _named(tok: Token, state: DocState, kb: Any) -> bool:
    """Whether a phrase names an actor (a mention, or a knowledge-base reading): "by Malta", not "by Friday"."""
    return state.actor_in(tok) is not None or (kb is not None and kb_actor(tok, kb, state.places) is not None)
