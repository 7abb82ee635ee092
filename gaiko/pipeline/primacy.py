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

3. :func:`subject_acts` (round t26): a sentence with no event whose subject is an act noun with a side of its own
   and a verb of occurring ("The transfer of 31 tanks by Washington to Kyiv was completed") codes the noun's act
   (``gaiko/data/primary/subject_acts.yaml``). :func:`subject_retype` (round t27) gives the type of that file to
   a model's draft at such a subject noun ("The deployment of French paratroopers to Chad was confirmed": MOBILIZE,
   not the model's AID). Round t31: a noun of two readings takes only the sides of its act (``noun_sides``:
   "demonstrations against", never "of"), and a hyphenated noun the tokenizer split ("sit-in") is read whole.
4. :func:`motive_participles` (round t27): an ACCUSE drafted at a participle of blame ("closed the border, accusing
   Moscow of ...") goes below the act before it (``gaiko/data/primary/motives.yaml``).

All but :func:`subject_acts` take and return the coder's drafts (``gaiko.pipeline.events._Draft``); confidences are in
0..1.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from ..tables import word_sets
from .triggers import hyphen_word

if TYPE_CHECKING:
    from .eventrecord import Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["rank_sentence", "joint_operations", "domain_veto", "subject_acts", "subject_retype",
           "motive_participles"]

# a stated plan, threat or demand is typed by its modality, not by the act it names (as in retype.py)
_PLANS = frozenset({"THREATEN", "AGREE", "REQUEST"})
_STEP = 0.01  # the margin by which a joint event is put above the act it outranks


@lru_cache(maxsize=None)
def _data(name: str) -> dict[str, Any]:
    """One of the ``gaiko/data/primary`` files (a :class:`gaiko.errors.DataFileError` when malformed)."""
    from ..tables import data_path, load_yaml

    return load_yaml(data_path(f"primary/{name}.yaml")) or {}


def _words(name: str, key: str) -> frozenset[str]:
    """The words of list ``key`` of a data file, lower-cased (``KEY_upper``: the list ``KEY`` as written)."""
    if key.endswith("_upper"):
        return frozenset(str(w) for w in _data(name).get(key[:-6]) or ())
    return frozenset(str(w).lower() for w in _data(name).get(key) or ())


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

    drafts = subject_retype(forecast_veto(trap_veto(domain_veto(state_veto(month_veto(ruled_in(coder.lex, retype(
        drafts))), coder.lex)))))
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


@lru_cache(maxsize=None)
def _subject_nouns() -> dict[str, str]:
    """{noun: PLOVER type} of ``subject_acts.yaml``.

    Raises :class:`gaiko.errors.DataFileError` when ``nouns`` is not a mapping of PLOVER types to lists."""
    from ..errors import DataFileError
    from ..tables import data_path, plover_table

    nouns = _data("subject_acts").get("nouns") or {}
    types = set(plover_table())
    if not isinstance(nouns, dict) or not all(t in types and isinstance(ws, list) for t, ws in nouns.items()):
        raise DataFileError(str(data_path("primary/subject_acts.yaml")), "nouns must map PLOVER types to lists")
    return {str(w).lower(): str(t) for t, ws in nouns.items() for w in ws}


#: word lists: ``gaiko/data/primary/modal_words.yaml`` (read once, on first use)
_WORDS = "primary/modal_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``primary/modal_words.yaml`` as a set: ``modals``."""
    return word_sets(_WORDS)[key]


def _happened(verb: Token) -> bool:
    """True when ``verb``, the head of an act noun, tells that the act happened: a verb of ``subject_acts.yaml``
    with no future, modal or negation on it."""

    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _words("subject_acts", "verbs"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") and c.lower_ in ("will", "would", "could", "might", "may", "must",
                                                                "should", "shall", "not", "n't", "never", "'ll")
           or c.dep_ == "neg" for c in verb.children):
        return False
    return True


@lru_cache(maxsize=None)
def _noun_sides() -> dict[str, frozenset[str]]:
    """{noun: prepositions} of ``subject_acts.yaml`` ``noun_sides`` (round t31): the sides a noun of two readings
    needs ("demonstrations against the coup", not "demonstrations of the new drone").

    Raises :class:`gaiko.errors.DataFileError` when ``noun_sides`` is not a mapping of nouns to lists."""
    from ..errors import DataFileError
    from ..tables import data_path

    sides = _data("subject_acts").get("noun_sides") or {}
    if not isinstance(sides, dict) or not all(isinstance(v, list) for v in sides.values()):
        raise DataFileError(str(data_path("primary/subject_acts.yaml")), "noun_sides must map nouns to lists")
    return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in sides.items()}


def _own_side(tok: Token, sides: frozenset[str]) -> bool:
    """True when the act noun ``tok`` has a side of its own: a possessive, a preposition of ``sides`` ("of", "by",
    "between" ...; for a noun of ``noun_sides``, its own list) or a named doer before it ("New US tariffs", "the
    Indian embargo": a proper noun or a nationality adjective that names a place, a people or an organisation;
    round t27)."""
    own = _noun_sides()
    sides = own.get(hyphen_word(tok)) or own.get(tok.lemma_.lower()) or sides
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in sides:
            return True
        if c.dep_ in ("compound", "amod") and c.i < tok.i and c.ent_type_ in ("GPE", "NORP", "ORG"):
            return True
    return False


def _noun_type(tok: Token) -> str | None:
    """The type ``subject_acts.yaml`` gives the noun ``tok``: by its lemma, its form, or the hyphenated word the
    tokenizer split ("sit-in" is read as "sit", "-", "in", the last its head; round t31)."""
    nouns = _subject_nouns()
    return nouns.get(hyphen_word(tok)) or nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)


def _means_act(tok: Token) -> str | None:
    """The type of ``subject_acts.yaml`` ``means`` of ``tok`` (a word or a phrase ending in it: "ransomware
    attack") when it is the subject of a verb of ``means_verbs`` with no future, modal or negation; else None."""
    from .retype import _listed

    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") \
            or verb.lemma_.lower() not in _words("subject_acts", "means_verbs") \
            or any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ in _w("modals") for c in verb.children):
        return None
    for etype, words in (_data("subject_acts").get("means") or {}).items():
        if _listed(tok, [str(w).lower() for w in words]):
            return str(etype)
    return None


def _subject_act(tok: Token) -> str | None:
    """The type of ``subject_acts.yaml`` of ``tok`` when it is a listed act noun, subject of a verb of occurring,
    with a side of its own; None otherwise."""
    etype = _noun_type(tok)
    if etype is None or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or not _happened(tok.head):
        return None
    return etype if _own_side(tok, _words("subject_acts", "sides")) else None


def subject_retype(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts, a model's draft at a subject act noun ("The deployment of French paratroopers to Chad was
    confirmed") re-typed by ``subject_acts.yaml`` (MOBILIZE, where the model said AID); the rules' drafts, plans
    and threats keep their type (round t27)."""
    from ..tables import plover_table

    retype = _words("subject_acts", "retype_nouns")
    out = []
    for d in drafts:
        tok = d.cand.tok
        listed = tok.lemma_.lower() in retype or tok.lower_ in retype
        etype = _subject_act(tok) if listed and d.decided_by == "model" and d.event_type not in _PLANS else None
        if etype is None or etype == d.event_type or d.info.intended or d.info.hypothetical:
            out.append(d)
            continue
        out.append(replace(d, event_type=etype, cameo=str(plover_table()[etype]["cameo"]),
                           pattern=f"subject_retype>{d.pattern}"))
    return out


def subject_acts(coder: EventCoder, sent: Span, state: DocState, frames: frozenset[int]) -> list[_Draft]:
    """Drafts for a sentence that has none: its subject act noun ("The exchange of criminal records between
    Ukraine and Moldova began in January": COOPERATE), typed by ``subject_acts.yaml``, with its side of its own
    (a possessive, an "of/by/between/to/for" phrase or a named doer before it) and a verb of occurring; [] when
    there is none."""
    sides = _words("subject_acts", "sides")
    for tok in sent:
        means = _means_act(tok)  # "A ransomware attack crippled the ministry": no side needed (round t33)
        etype = means or _noun_type(tok)
        if etype is None or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not means and not (_happened(tok.head) and _own_side(tok, sides)):
            continue
        return subject_drafts(coder, tok, etype, state, frames)
    return []


def subject_drafts(coder: EventCoder, tok: Token, etype: str, state: DocState, frames: frozenset[int]) -> list[_Draft]:
    """The drafts of type ``etype`` at the subject act noun ``tok``, with its sides: its "by" phrase did the act, its
    "to" phrase receives it; pattern ``subject_act>...``, decided by rule; [] below the coder's least confidence."""
    from .eventactors import event_actor

    drafts = coder._draft(coder.model_candidate(tok, etype, None), state, frames, fixed=etype)
    # its "by" phrase, hung on it, on its "of" object (the parser's reading of "The donation of 50 ambulances by
    # China") or on its passive verb ("The transfer of the tanks was completed by Germany")
    near = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                             if p.dep_ == "pobj" for g in p.children)]
    by = next((g for c in [*near, *tok.head.children] if c.dep_ == "agent" or c in near and c.dep_ == "prep"
               and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
    doer = event_actor(by, state, drafts[0].info, coder.kb) if by is not None else None
    to = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
               if g.dep_ == "pobj"), None)  # "The transfer of 31 tanks to Ukraine": Ukraine receives them
    taker = event_actor(to, state, drafts[0].info, coder.kb) if to is not None else None
    out = []
    for d in drafts:
        if taker is not None and (taker.country or taker.sector):
            d = replace(d, target=taker)
        if doer is not None and (d.source is None or d.source.start != doer.start):
            # "The donation of 50 ambulances by China": the "by" phrase did the act, it is no target
            same = d.target is not None and d.target.start == doer.start
            d = replace(d, source=doer, target=None if same else d.target)
        out.append(replace(d, pattern=f"subject_act>{d.pattern}", decided_by="rule"))
    return [d for d in out if d.confidence >= coder.min_confidence]
