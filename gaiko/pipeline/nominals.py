"""Events read back beside a sentence's own event: act nouns and subordinate clauses (issue 12, round t28).

News articles name many events by a noun in a clause about something else: "Russia struck Kyiv on Thursday, three
days after Monday's attack on the grid", "The G7 condemned Iran's attack on Israel", "Britain demanded that Iran free
the tanker, calling Wednesday's seizure an act of piracy". The coder's rules make a noun an event only under a light
verb ("held talks", "carried out an attack"), so these mentions were lost. :func:`nominal_acts` adds them, from
``gaiko/data/primary/nominal_acts.yaml``, when

- the sentence already codes an event (a sentence with no event gains none: a background noun in a no-event sentence
  stays no event),
- the noun is one of the listed act nouns and no coded event has its trigger on it,
- it is *specific*: a possessive ("Monday's", "Iran's", "its"), a definite determiner ("the", "this"), or the object
  of a preposition of order ("two days after a large demonstration", "after talks in Doha"); other bare plurals and
  indefinites ("attacks on shipping", "a threat") are left alone,
- it is no metaphor ("an attack on democracy"), no part of a container ("a wave of attacks", "the threat of
  sanctions"), in no condition ("if the talks fail"), and, without a possessive, not under a verb of a future or
  modal clause, nor the object of a threat or demand coded in the sentence ("threatened the expulsion of").

:func:`clause_acts` keeps the rule drafts at past verbs of subordinate clauses ("a week after troops shelled the
post", "the reporter arrested on Tuesday") that the type model, trained on one primary event a sentence, dropped.

Each extra event gets its sides, date and place from the coder as for any trigger, with a confidence below the
sentence's lowest, so the sentence's primary event (the highest-confidence one,
:func:`gaiko.evaluate.scoring.primary`) never changes; a date of the clause around a noun is only an upper bound for
its act (precision ``shared``, :func:`_own_date`), and an event with neither a side of a known country nor a date (a
retelling's "after its capture") is left out (:func:`_placed`). At most 3 nouns and 2 clauses a sentence.
Measured in ``docs/rounds/accuracy.md``, "Mentions in articles, round t28".
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..types import Event
    from .events import EventCoder
    from .state import DocState

__all__ = ["read_back", "nominal_acts", "clause_acts", "act_nouns"]

_NAME = "primary/nominal_acts.yaml"


@lru_cache(maxsize=None)
def _data() -> dict[str, Any]:
    from ..tables import data_path, load_yaml

    return load_yaml(data_path(_NAME)) or {}


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data().get(key) or ())


@lru_cache(maxsize=None)
def act_nouns() -> tuple[dict[str, str], dict[str, str]]:
    """({noun lemma: PLOVER type}, {noun lemma: type} of the nouns coded only with a target phrase or a modifier of
    war). Raises :class:`gaiko.errors.DataFileError` when a list is not keyed by PLOVER types."""
    from ..errors import DataFileError
    from ..tables import data_path, plover_table

    types = set(plover_table())
    out: list[dict[str, str]] = []
    for key in ("nouns", "needs_target"):
        raw = _data().get(key) or {}
        if not isinstance(raw, dict) or not all(t in types and isinstance(ws, list) for t, ws in raw.items()):
            raise DataFileError(str(data_path(_NAME)), f"{key} must map PLOVER types to lists of nouns")
        out.append({str(w).lower(): str(t) for t, ws in raw.items() for w in ws})
    return out[0], out[1]


def _noun_type(tok: Token) -> str | None:
    """The listed type of act noun ``tok``, or None (not listed, or a target-needing noun without its phrase)."""
    nouns, needs = act_nouns()
    lemma = tok.lemma_.lower()
    if lemma in nouns:
        return nouns[lemma]
    if lemma in needs:
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if preps & _words("target_preps") or mods & _words("war_modifiers"):
            return needs[lemma]
    return None


def _specific(tok: Token) -> tuple[bool, bool]:
    """(specific, possessed): a possessive or a definite determiner on the noun, or the noun (indefinite or bare) as
    the object of a preposition of order ("after a large demonstration"); possessed: it has a possessive."""
    poss = any(c.dep_ == "poss" for c in tok.children)
    det = any(c.dep_ == "det" and c.lower_ in _words("determiners") for c in tok.children)
    ordered = tok.dep_ == "pobj" and tok.head.lower_ in _words("order_preps") \
        and all(c.dep_ != "det" or c.lower_ in ("a", "an") for c in tok.children)
    return poss or det or ordered, poss


def _excluded(tok: Token, possessed: bool, frames: set[int]) -> bool:
    """A metaphor, a container's member, or (without a possessive) an act still to come or one demanded/threatened."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "to")):
        if any(p.lemma_.lower() in _words("abstract_targets") for p in prep.children if p.dep_ == "pobj"):
            return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        outer = tok.head.head
        if outer.lemma_.lower() in _words("containers") or _noun_type(outer) is not None:
            return True
    for anc in tok.ancestors:  # "if the talks fail": a condition, no event
        if any(c.dep_ == "mark" and c.lower_ in _words("conditions") for c in anc.children):
            return True
    if possessed:
        return False
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i in frames:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _words("modals") for c in head.children)


def nominal_acts(coder: EventCoder, sent: Span, state: DocState, events: list[Event],
                 max_extra: int = 3) -> list[Event]:
    """Events for the specific act nouns of ``sent`` beside its coded ``events`` (module docstring); [] when the
    sentence codes no event. Confidences are in 0..1, each below the lowest of ``events``."""
    if not events:
        return []
    from .eventrecord import Draft as _Draft

    covered = [(e.trigger_start, e.trigger_end) for e in events]
    # the verbs of coded demands and threats: their objects are acts still to come
    frames = {t.i for t in sent for e in events if e.event_type in ("THREATEN", "REQUEST", "REJECT")
              and t.idx == e.trigger_start}
    floor = min(e.confidence for e in events)
    undone = {t.i for t in sent for e in events if e.event_type in _upper("undoing_types") and t.idx == e.trigger_start}
    out: list[Event] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod") or len(out) >= max_extra:
            continue
        if any(lo < tok.idx + len(tok) and tok.idx < hi for lo, hi in covered):
            continue
        if _undone(tok, undone):
            continue  # "eased some of its sanctions": the sanctions eased are no new act (round n49)
        etype = _noun_type(tok)
        if etype is None:
            continue
        specific, possessed = _specific(tok)
        if not specific or _excluded(tok, possessed, frames):
            continue
        cand = coder.model_candidate(tok, etype, None)
        cand.anchor = tok  # the noun's own act: not the modality of the clause it is read back in
        drafts = [d for d in coder._draft(cand, state, frozenset(), fixed=etype) if d.event_type == etype]
        if not drafts:
            continue
        d = drafts[0]
        conf = round(max(0.01, min(d.confidence, floor) - 0.01 * (len(out) + 1)), 3)
        source, target = _imposer(tok, state, d.source, d.target)
        ev = coder._event(_Draft(d.cand, d.info, etype, d.cameo, d.pattern + "+nominal", source, target, conf,
                                 d.decided_by, d.type_probability), sent, state)
        _own_date(ev, tok, state)
        if not _placed(ev):
            continue
        out.append(ev)
    return out


def _upper(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in _data().get(key) or ())


def _undone(tok: Token, undone: set[int]) -> bool:
    """Whether ``tok`` is the object of a coded undoing ("eased its sanctions", "lifted some of the sanctions") or of a
    verb of ending or suspending ("suspended its agreements", ``undoing_verbs``)."""
    x = tok
    for _ in range(3):
        if x.dep_ in ("dobj", "obj", "nsubjpass") and (x.head.i in undone
                                                       or x.head.lemma_.lower() in _words("undoing_verbs")):
            return True  # "suspended its energy agreements with X": the agreements are undone, no new AGREE (x9)
        if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.pos_ in ("NOUN", "PRON", "ADJ", "NUM", "DET"):
            x = x.head.head  # "some of its sanctions", "part of the sanctions"
            continue
        return False
    return False


def _imposer(tok: Token, state: DocState, source: Any, target: Any) -> tuple[Any, Any]:
    """The sides of a sanctions noun whose modifier is a body of states ("the EU sanctions", "UN sanctions"): that
    body the source, the target the noun's "on"/"against" phrase, else none (round n49). Other sides as drafted."""
    if source is not None or tok.lemma_.lower() not in _words("imposer_nouns"):
        return source, target
    for c in tok.children:
        if c.dep_ not in ("compound", "nmod") or c.i > tok.i:
            continue
        a = state.actor_in(c)
        if a is None or a.country != "IGO":
            continue
        on = next((state.actor_in(g) for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                   for g in p.children if g.dep_ == "pobj"), None)
        return a, on
    return source, target


def read_back(coder: EventCoder, sent: Span, state: DocState, events: list[Event],
              by_tok: dict[int, list[Any]]) -> list[Event]:
    """The extra events of ``sent`` beside its coded ``events``: past verbs of subordinate clauses the type model
    dropped (:func:`clause_acts`), then act nouns (:func:`nominal_acts`); [] when the sentence codes no event."""
    if not events:
        return []
    extra = clause_acts(coder, sent, state, events, by_tok)
    return extra + nominal_acts(coder, sent, state, events + extra)


def clause_acts(coder: EventCoder, sent: Span, state: DocState, events: list[Event],
                by_tok: dict[int, list[Any]], max_extra: int = 2) -> list[Event]:
    """Rule drafts (``by_tok``: token index -> the coder's drafts) at a past verb of an adverbial clause opened by a
    listed mark, a participle or a relative clause, with no event coded at it: extra events below the sentence's lowest
    confidence ("Ruritania summoned the envoy on Friday, a week after Bordurian troops shelled a border post")."""
    if not events:
        return []
    covered = [(e.trigger_start, e.trigger_end) for e in events]
    floor = min(e.confidence for e in events)
    out: list[Event] = []
    for i, drafts in sorted(by_tok.items()):
        if not drafts or len(out) >= max_extra:
            continue
        tok = sent.doc[i]
        if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN") or tok.dep_ not in _words("clause_deps"):
            continue
        if tok.dep_ == "advcl" and not any(c.dep_ in ("mark", "advmod") and c.lower_ in _words("clause_marks")
                                           for c in tok.children):
            continue
        if any(lo < tok.idx + len(tok) and tok.idx < hi for lo, hi in covered):
            continue
        d = drafts[0]
        if d.info.intended or d.info.hypothetical or d.info.negated or d.cand.absorbed:
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _words("modals") for c in tok.children):
            continue
        from .eventrecord import Draft as _Draft

        conf = round(max(0.01, min(d.confidence, floor) - 0.01 * (len(out) + 1)), 3)
        ev = coder._event(_Draft(d.cand, d.info, d.event_type, d.cameo, d.pattern + "+clause", d.source, d.target,
                                 conf, d.decided_by, d.type_probability), sent, state)
        if _placed(ev):
            out.append(ev)
            covered.append((ev.trigger_start, ev.trigger_end))
    return out


def _placed(ev: Event) -> bool:
    """True when the event says enough to be told from other events: a side with a country, or a date of a precision
    listed in ``dated_precisions`` (shipped: day, week, month, year; not a publication date, nor the ``shared`` upper
    bound of :func:`_own_date`). A bare "after its capture" in a retelling, no side and no date, is left out."""
    return any(a is not None and a.country for a in (ev.source, ev.target)) \
        or ev.date_precision in _words("dated_precisions")


def _own_date(ev: Event, tok: Token, state: DocState) -> None:
    """Keep only a date of the noun's own phrase ("Monday's attack", "the arrest in Paris on Friday") or of an offset
    ("two days after the blockade"); a date of the clause it is read back in ("summoned the envoy on Tuesday over the
    arrest") is only an upper bound for the act: precision ``shared``, as the clustering gives a date phrase several
    events of a sentence share (``dates.shared`` in ``gaiko/data/clusters.yaml``: that day or up to 3 days before)."""
    if not ev.date_text:
        return
    sub = list(tok.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    at = tok.sent.text.find(ev.date_text) + tok.sent.start_char if ev.date_text in tok.sent.text else -1
    if at >= 0 and lo <= at and at + len(ev.date_text) <= hi:
        return
    ev.date_precision = "shared"
