"""Where an event happened and who took part in it. A place that says where something the event is about went ("her
visit to Taiwan", "the envoy to Seoul") is not where the event happened; the trigger's own destination ("Modi's visit
to Hanoi") and places on the verb are. The trigger's own phrase is no actor of its event ("one phone call became
...")."""

from __future__ import annotations

import pytest

from gaiko.types import Article


def _places(coder, text: str) -> dict[str, str | None]:
    ca = coder.code_article(Article(text=text, published="2025-05-05"))
    return {e.trigger: (e.place.name if e.place else None) for e in ca.events}


@pytest.mark.parametrize("text,trigger", [
    ("China condemned the speaker's visit to Taipei on Tuesday.", "condemned"),
    ("Moscow expelled the Estonian envoy to Russia after the row.", "expelled"),
    ("Tokyo criticised the foreign minister's trip to Pyongyang last week.", "criticised"),
])
def test_a_destination_of_the_object_is_not_the_events_place(coder, text, trigger):
    got = _places(coder, text)
    assert trigger in got and got[trigger] is None, got


@pytest.mark.parametrize("text,trigger,place", [
    ("Prime Minister Modi's visit to Hanoi began on Monday.", "visit", "Hanoi"),  # guard: the trigger's own
    ("Gunmen attacked a police post in Kaduna on Sunday.", "attacked", "Kaduna"),  # guard: "in" on the noun
    ("Protesters in Lahore denounced the minister's trip to Washington.", "denounced", "Lahore"),
])
def test_the_events_own_place_stays(coder, text, trigger, place):
    got = _places(coder, text)
    assert got.get(trigger) == place, got


@pytest.mark.parametrize("text, trigger", [
    ("In the end, one phone call became a statement of intent.", "call"),
])
def test_the_triggers_own_phrase_is_no_actor_of_its_event(coder, text, trigger):
    evs = [e for e in coder.code_article(Article(text=text, published="2025-05-05")).events if e.trigger == trigger]
    for e in evs:
        for side in (e.source, e.target):
            assert side is None or not (side.start <= e.trigger_start < side.end), (side.text, e.trigger)
