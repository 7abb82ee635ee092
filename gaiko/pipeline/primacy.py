"""Which of a sentence's coded events comes first, and which are no events (issue 12, round s24).

The event coder takes the highest-confidence event of a sentence as its primary one
(:func:`gaiko.evaluate.scoring.primary`). After the rules and the type model have drafted a sentence's events,
two kinds of error are fixed here, each from a data file in ``gaiko/data/primary`` (sources and reasoning in
the files; measured gains in ``docs/rounds/accuracy.md``, "Kinds round s24"; a third kind, governing refusals ranked first,
was measured there and removed: commit a73cb60 has it):

1. :func:`joint_operations`: two sides of different countries (or an international body with national police)
   acting together ("jointly arrested", "in a joint raid", "and their Togolese counterparts") on a coercive or
   security act: COOPERATE by the pair comes first, the act second.
2. :func:`domain_veto`: a conflict word whose subject is a team, athlete, company, market or weather system
   ("the Kenyan runner blitzed the field", "rain battered the coast"), or whose clause is set in a match, codes
   no event; a state or security side among its arguments keeps it ("football fans clashed with police").

3. :func:`gaiko.pipeline.subjectacts.subject_acts` (round t26) and
   :func:`~gaiko.pipeline.subjectacts.subject_retype` (round t27): a sentence's subject act noun with a side of its
   own and a verb of occurring ("The transfer of 31 tanks by Washington to Kyiv was completed") codes the noun's act
   (``gaiko/data/primary/subject_acts.yaml``); split to :mod:`gaiko.pipeline.subjectacts` in round e1 of session 33.
4. :func:`motive_participles` (round t27): an ACCUSE drafted at a participle of blame ("closed the border, accusing
   Moscow of ...") goes below the act before it (``gaiko/data/primary/motives.yaml``).

All take and return the coder's drafts (``gaiko.pipeline.events._Draft``); confidences are in
0..1.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .primarydata import _data, _words
from .subjectacts import subject_retype

if TYPE_CHECKING:
    from .eventrecord import Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["rank_sentence", "joint_operations", "domain_veto", "motive_participles"]

_STEP = 0.01  # the margin by which a joint event is put above the act it outranks


def rank_sentence(coder: EventCoder, sent: Span, state: DocState, drafts: list[_Draft]) -> list[_Draft]:
    """The drafts of one sentence after the kinds: re-typing by the object and the month veto (round t25,
    ``retype.py``), the veto of plain descriptions (round t26), the domain veto and the traps of round t36
    (``traps.py``), acts told as a time put below (``background.py``), then joint operations."""
    from .background import background_acts
    from .standdown import undergone_below
    from .retype import month_veto, retype, state_veto
    from .ruleout import ruled_in
    from .callmode import call_mode
    from .ownbuildup import own_buildup
    from .owncitizens import own_citizens
    from .findverdict import find_veto
    from .payidioms import pay_idioms
    from .protestnote import diplomatic_protest
    from .traps import forecast_veto, trap_veto
    from .phrasalsense import departure_veto
    from .greeted import greeted_veto
    from .homeprices import home_price_veto
    from .sidelesstalks import sideless_talks_veto
    from .accidents import accident_veto

    drafts = subject_retype(forecast_veto(trap_veto(domain_veto(state_veto(month_veto(ruled_in(coder.lex, retype(
        drafts))), coder.lex)))))
    drafts = departure_veto(drafts)  # round x5 (F6): "the plane took off from X" is no event
    drafts = greeted_veto(drafts)  # round x11 (F11): "were met by relatives" is no meeting
    drafts = sideless_talks_veto(home_price_veto(drafts))  # round x57: prices set at home, talks with no side
    drafts = accident_veto(drafts)  # round x58: "an explosion at a fireworks factory killed six" is no attack
    drafts = call_mode(find_veto(pay_idioms(diplomatic_protest(drafts, coder.lex))))
    drafts = own_buildup(coder, state, drafts)  # round n48: "vowed to boost defence spending" is MOBILIZE
    drafts = own_citizens(state, drafts)  # round n48: "advised its citizens not to visit X" is REQUEST to them
    return joint_operations(coder, state, undergone_below(background_acts(motive_participles(drafts))))


def _outrank(top: list[_Draft], low: list[_Draft]) -> None:
    """Raise ``top`` above every draft of ``low`` (lowering those at 1.0 a little)."""
    best = max(d.confidence for d in low)
    new = round(min(1.0, best + _STEP), 3)
    for d in top:
        d.confidence = max(d.confidence, new)
    floor = min(d.confidence for d in top)
    for d in low:
        if d.confidence >= floor:
            d.confidence = round(floor - _STEP, 3)


# -- round t27: a motive in a participle clause comes after the act it explains ------------------------------------
def motive_participles(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts, an ACCUSE drafted at a participle of blame ("closed the border, accusing Moscow of ...", "..., the
    ministry said, blaming Ukraine") put below the most confident draft of another type drafted before it, outside
    its clause (``gaiko/data/primary/motives.yaml``); confidences change in place, the list is returned."""
    verbs, types, deps = (_words("motives", k) for k in ("verbs", "types_upper", "deps"))
    for d in drafts:
        tok = d.cand.tok
        if d.event_type not in types or tok.tag_ != "VBG" or tok.lemma_.lower() not in verbs or tok.dep_ not in deps:
            continue
        inside = {t.i for t in tok.subtree}
        acts = [o for o in drafts if o.event_type not in types and o.cand.tok.i < tok.i and o.cand.tok.i not in inside]
        if acts:
            best = max(acts, key=lambda o: o.confidence)
            if best.confidence <= d.confidence:
                _outrank([best], [d])
    return drafts


# -- kind 2: joint operations are COOPERATE first -----------------------------------------------------------------
def _together(d: _Draft) -> list[Token]:
    """The phrases naming the sides of a joint act (its subjects and their conjuncts, an "alongside" phrase), or
    [] when the clause holds no cue of acting together."""
    from .jointcues import more_cues
    from .roles import subjects

    anchor, tok = d.cand.anchor, d.cand.tok
    sent = tok.sent
    cue = False
    sides: list[Token] = []
    subj, passive, agent = subjects(anchor)
    sides += [agent] if passive and agent is not None else [] if passive else subj
    for t in sent:
        low = t.lower_
        if low in _words("joint", "adverbs") and t.head.i in (anchor.i, tok.i):
            cue = True
        elif low in _words("joint", "adjectives") and t.dep_ == "amod" \
                and t.head.lemma_.lower() in _words("joint", "nouns"):
            noun = t.head  # "in a joint raid" on the act's clause, or "a joint ... patrol intercepted"
            here = (anchor.i, tok.i)
            if noun.head.i in here or noun.head.head.i in here or noun.i in (s.i for s in sides):
                cue = True
        elif low in _words("joint", "counterparts") and any(t.i in {x.i for x in s.subtree} for s in sides):
            cue = True
        elif low in _words("joint", "with_preps") and t.head.i == anchor.i:
            pobj = next((p for p in t.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                cue = True
                sides.append(pobj)
    more, extra = more_cues(anchor, sides, lambda k: _words("joint", k))  # round t36
    return sides + extra if cue or more else []


def _side_actors(coder: EventCoder, d: _Draft, sides: list[Token], state: DocState) -> list[Any]:
    """Actors of distinct countries (an international body counts as one) the phrases ``sides`` name: their
    mentions, the knowledge base's reading, coordinated nationality adjectives ("Croatian and Slovenian police")."""
    from ..types import Actor
    from .eventactors import event_actor
    from .eventsides import _adjective_country, adjective_pair

    seen: dict[str, Any] = {}
    for s in sides:
        pair = adjective_pair(s, state)
        found = list(pair) if pair is not None else []
        a = event_actor(s, state, d.info, coder.kb)
        if a is not None:
            found.append(a)
            for w in s.children:
                c = _adjective_country(w) if w.dep_ in ("amod", "compound") else None
                if c:
                    found.append(Actor(**{**a.to_dict(), "country": c}))
        for x in found:
            if x.sector in _words("joint", "not_sides_upper"):
                return []  # an armed group among the sides
            if x.country and x.country not in seen:
                seen[x.country] = x
    return list(seen.values())


def joint_operations(coder: EventCoder, state: DocState, drafts: list[_Draft]) -> list[_Draft]:
    """Add COOPERATE by the pair in front of a coercive or security act two countries' sides did together."""
    from ..tables import plover_table

    acts = _words("joint", "acts")
    out = list(drafts)
    if any(d.event_type == "COOPERATE" and d.confidence >= max(x.confidence for x in drafts) for d in drafts):
        return out
    for d in sorted(drafts, key=lambda x: -x.confidence):
        if d.event_type.lower() not in acts or d.info.negated or d.info.hypothetical:
            continue
        sides = _together(d)
        if not sides:
            continue
        actors = _side_actors(coder, d, sides, state)
        if len(actors) < 2:
            continue
        coop = replace(d, event_type="COOPERATE", cameo=str(plover_table()["COOPERATE"]["cameo"]),
                       pattern=f"joint>{d.pattern}", source=actors[0], target=actors[1], decided_by="rule")
        coop.info = d.info
        _outrank([coop], [x for x in drafts])
        out.append(coop)
        break
    return out


# -- kind 3: sport, business, weather and culture traps -----------------------------------------------------------
def _domains(tok: Token | None) -> list[str]:
    """The domains (sport, business, weather, culture) whose word the common noun ``tok`` is."""
    if tok is None or tok.pos_ == "PROPN":  # "the Arab League" is no league
        return []
    names = (tok.lower_, tok.lemma_.lower())
    return [k for k in ("sport", "business", "weather", "culture") if any(w in _words("domains", k) for w in names)]


def domain_veto(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts less those of a conflict type whose doer is of sport, business, weather or culture, or whose
    clause is set in a match (the types each domain rules out: ``domains.yaml``)."""
    from .roles import subjects

    types = {k: frozenset(str(t) for t in v or ()) for k, v in (_data("domains").get("types") or {}).items()}
    keep = _words("domains", "keep")
    sectors = frozenset(str(x) for x in _data("domains").get("keep_sectors") or ())
    events = _words("domains", "sport_events")
    out = []
    for d in drafts:
        anchor = d.cand.anchor
        if any(t.dep_ == "ccomp" for t in (anchor, *anchor.ancestors)):
            # "warned that Chinese companies supplying drones would face sanctions": a reported clause is the
            # content of another act, whoever its subject is
            out.append(d)
            continue
        subj, passive, agent = subjects(anchor)
        doer = agent if passive else (subj[0] if subj else None)
        args = [t for t in (doer, *subj) if t is not None]
        args += [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
        args += [p for c in anchor.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if any(t.lemma_.lower() in keep or t.lower_ in keep for t in args) \
                or (d.source is not None and (d.source.sector or "") in sectors):
            out.append(d)
            continue
        found = _domains(doer)
        if any(p.pos_ != "PROPN" and p.lemma_.lower() in events for c in anchor.children
               if c.dep_ == "prep" and c.lower_ in ("in", "during", "at", "before", "after")
               for p in c.children if p.dep_ == "pobj"):
            found.append("sport")
        if any(d.event_type in types.get(k, ()) for k in found):
            continue
        out.append(d)
    return out
