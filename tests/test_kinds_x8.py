"""Round x8: event-coder kinds a newcomer (round b37) found coding their own southern-Caribbean articles. Our own
sentences of each kind (other countries, topics and wordings), never b37's, plus look-alikes that keep main's reading.

F3. A negative subject ("no prisoners were exchanged", "none of the hostages was freed", "nobody was detained") was
    read as a deed done; the act is negated, as "did not" makes it (``gaiko.pipeline.attributes.negative_subject``).
    "No fewer than 20 soldiers were killed" bounds a number and stays a deed.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-20", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _show(evs) -> list:
    return [(e.event_type, e.source and e.source.country, e.target and e.target.country, e.negated) for e in evs]


# -- F3: a negative subject negates its clause -----------------------------------------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Officials said no detainees were released in the exchange.", "released"),
    ("Nobody was detained during the march, police said.", "detained"),
    ("Police said nothing was seized from the ship.", "seized"),
    ("None of the abducted engineers was freed on Sunday, the company said.", "freed"),
    ("No country has recognised the breakaway region.", "recognised"),
])
def test_negative_subject_negates(coder, text, trigger):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    assert all(e.negated for e in evs), _show(evs)


@pytest.mark.parametrize("text,trigger", [
    ("No fewer than 12 soldiers were killed in the raid, the army said.", "killed"),
    ("Rebels shelled the town on Monday, but no one was hurt.", "shelled"),
    ("Police detained two students, and no charges were filed.", "detained"),
])
def test_negative_subject_lookalikes_stay_deeds(coder, text, trigger):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    assert not any(e.negated for e in evs), _show(evs)
