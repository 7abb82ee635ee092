"""A call told only as a noun is the article's call (round n49).

"The call lasted just ten minutes", "During the call, the two leaders agreed ...", "The call came after ...": the
noun "call" (``call_modes.yaml`` ``nouns``) drafts a CONSULT at ``consult.meeting_noun`` with no source, and its
target, when any, is the call's topic ("The call focused on Gaza"). Such a CONSULT, with no source, is the talk the
article tells with two sides elsewhere by a verb of speaking or calling (``talk_triggers``: "Takaichi spoke with
Trump", "Modi phoned Putin"; a meeting in person is no call): the nearest such CONSULT, the one before it on a tie,
and of the talks of the same two sides the first told (round s26: one call told twice, sides the other way round).
The noun's CONSULT takes that talk's sides and, when it has only the publication date, its date; and when the noun
is a call (``phone_nouns``, not a courtesy call), both it and the talk without a mode are told as by telephone
(PLOVER mode ``phone``, CAMEO 041): "spoke with President Trump from Malaysia ... The call lasted just ten minutes".
With no such talk in the article the noun's CONSULT keeps what it had.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .callmode import call_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..types import Event
    from .state import DocState

__all__ = ["article_calls"]


def _as_phone(e: Event) -> Event:
    from ..tables import cameo_for, cameo_table

    if e.mode is not None or cameo_table().get("041") is None:
        return e
    root, code, goldstein, quad, cquad = cameo_for("CONSULT", "041")
    return replace(e, mode="phone", cameo=root, cameo_code=code, goldstein=goldstein, quad_class=quad,
                   cameo_quad_class=cquad,
                   pattern=e.pattern if e.pattern.startswith("call_article>") else f"call_article>{e.pattern}")


def _talk(e: Event) -> bool:
    return e.event_type == "CONSULT" and e.source is not None and e.target is not None and not e.negated \
        and not e.hypothetical and not e.intended and e.mode != "visit" \
        and e.trigger.lower() in call_words()["talk_triggers"]


def _pair(e: Event) -> frozenset[tuple[str | None, str | None]]:
    return frozenset((a.country, a.name) for a in (e.source, e.target) if a is not None)


def _nearest(talks: list[int], events: list[Event], sidx: int) -> int | None:
    others = [j for j in talks if events[j].sentence_index != sidx]
    if not others:
        return None
    return min(others, key=lambda j: (abs(events[j].sentence_index - sidx), events[j].sentence_index > sidx))


def _first_telling(talks: list[int], events: list[Event], j: int | None) -> int | None:
    """The first telling of talk ``j``'s call: the earliest talk of the same two sides. An article often tells one
    call twice, the sides named the other way round the second time ("Takaichi spoke with Trump ... Trump, phoning
    from Air Force One, congratulated her"); the call named as a noun later is the one the article led with, so it
    takes the first telling's direction, not the nearest's."""
    if j is None:
        return None
    return min((i for i in talks if _pair(events[i]) == _pair(events[j])),
               key=lambda i: (events[i].sentence_index, i))


def _call_nouns(doc: Doc) -> list[Token]:
    """The nouns of the article that name a call between sides: not "a call for calm", "called on X to", "a
    courtesy call", "a conference call"."""
    w = call_words()
    out = []
    for t in doc:
        if t.pos_ != "NOUN" or t.lower_ not in w["phone_nouns"]:
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in t.children) \
                or any(c.dep_ in ("compound", "amod") and c.lower_ in ("courtesy", "conference", "roll", "wake",
                                                                       "close", "judgment", "judgement")
                       for c in t.children):
            continue
        out.append(t)
    return out


def article_calls(doc: Doc, state: DocState) -> None:
    """Give each CONSULT at a call noun with no source the sides of the article's talk, and tell a talk as by
    telephone where the article names it a call (module docstring); the events of ``state`` are replaced in place."""
    from ..ids import event_id_of

    w = call_words()
    events: list[Event] = state.events
    talks = [k for k, e in enumerate(events) if _talk(e)]
    if not talks:
        return
    phone_talks: set[int] = set()
    for k, e in enumerate(events):
        if e.event_type != "CONSULT" or e.source is not None or e.trigger.lower() not in w["nouns"] \
                or e.negated or e.mode == "visit":
            continue
        j = _first_telling(talks, events, _nearest(talks, events, e.sentence_index))
        if j is None:
            continue
        talk = events[j]
        new = replace(e, source=talk.source, target=talk.target, source_members=list(talk.source_members),
                      target_members=list(talk.target_members), pattern=f"call_article>{e.pattern}")
        if e.date_precision == "published" and talk.date_precision != "published":
            new = replace(new, date=talk.date, date_text=talk.date_text, date_precision=talk.date_precision)
        if e.trigger.lower() in w["phone_nouns"] or e.mode == "phone":
            new = _as_phone(new)
            phone_talks.add(j)
        new = replace(new, id=event_id_of(new))
        events[k] = new
    # a call by telephone with the talk's two sides told in another sentence ("In a phone call, the two leaders
    # discussed trade"): that talk was by telephone, and the call has the talk's date when it has only the article's
    for k, e in enumerate(events):
        if e.event_type != "CONSULT" or e.mode != "phone" or e.source is None or e.target is None:
            continue
        same = [j for j in talks if _pair(events[j]) == _pair(e) and events[j].sentence_index != e.sentence_index]
        j = _nearest(same, events, e.sentence_index)
        if j is None:
            continue
        phone_talks.add(j)
        if e.date_precision == "published" and events[j].date_precision != "published":
            events[k] = replace(e, date=events[j].date, date_text=events[j].date_text,
                                date_precision=events[j].date_precision)
    # a call named in a sentence with no event at it ("The call came after ...", "Behind the phone call, ..."):
    # the nearest talk was by telephone
    for t in _call_nouns(doc):
        j = _nearest(talks, events, state.sentence_index(t))
        if j is not None:
            phone_talks.add(j)
    for j in phone_talks:
        events[j] = _as_phone(events[j])
