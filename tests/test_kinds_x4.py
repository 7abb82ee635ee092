"""Round x4: kinds a newcomer (round b33) found coding his own Japan-China-US articles. Our own sentences of the kind
(other countries, other topics), never b33's.

F4. "A and B spoke by phone on Thursday, and B urged ...": the talk of the coordinated subjects in the first conjunct
    of a compound sentence was dropped when the second conjunct had an event of its own; alone it was coded (by the
    type model: no rule drafted "A and B spoke" without a "with" phrase). ``consult.speak_together`` (field
    ``pair_subject``) drafts it.
F5. "called the export ban regrettable and urged Beijing to lift it": the naming with a word of blame was coded
    CONCEDE beside the second verb; it is criticism, ACCUSE (``accuse.call_blame``, firm).
F8. A thing is no actor: a sum ("$3 billion of ..."), an activity ("a lawful patrol"), trade ("bans exports") was the
    target; and "promised to deliver 12 patrol boats to the Philippines" took the boats, not the recipient.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-11-20", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _sides(evs, etype: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in evs if e.event_type == etype}


# -- F4: a talk of two coordinated sides in the first conjunct of a compound sentence -------------------------------

@pytest.mark.parametrize("text,a,b,second", [
    ("Modi and Albanese spoke by phone on Thursday, and Albanese urged India to cut its tariffs.", "IND", "AUS",
     "REQUEST"),
    ("Macron and Scholz spoke on Tuesday, and Scholz urged France to back the trade deal.", "FRA", "DEU", "REQUEST"),
    ("Lula and Petro talked on Wednesday, and Petro urged Brazil to join the pact.", "BRA", "COL", "REQUEST"),
])
def test_f4_first_conjunct_talk_is_kept(coder, text: str, a: str, b: str, second: str) -> None:
    evs = _coded(coder, text)
    assert {(a, b), (b, a)} <= _sides(evs, "CONSULT"), [(e.event_type, e.source, e.target) for e in evs]
    assert _sides(evs, second), [(e.event_type, e.source, e.target) for e in evs]


def test_f4_guard_one_speaker_no_talk(coder) -> None:
    # one subject who "spoke" to reporters is no talk between two sides
    evs = _coded(coder, "Albanese spoke to reporters on Thursday, and he urged India to cut its tariffs.")
    assert not any(e.event_type == "CONSULT" and e.source and e.target and e.source.country == "IND"
                   for e in evs), [(e.event_type, e.source, e.target) for e in evs]


# -- F5: "called X regrettable/unacceptable" beside a second verb is criticism -----------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Canada called the tariffs unjustified and urged Washington to drop them.", "called"),
    ("Seoul termed the fishing ban unacceptable and asked Tokyo to reconsider it.", "termed"),
    ("The trade minister called the export curbs deeply regrettable and urged Jakarta to scrap them.", "called"),
])
def test_f5_calling_a_measure_blameworthy_is_criticism(coder, text: str, trigger: str) -> None:
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs and {e.event_type for e in evs} == {"ACCUSE"}, [(e.event_type, e.pattern) for e in evs]


def test_f5_guard_naming_with_praise_is_no_criticism(coder) -> None:
    evs = _coded(coder, "Macron called the summit a success and thanked Modi.")
    assert not any(e.event_type == "ACCUSE" for e in evs), [(e.event_type, e.trigger, e.pattern) for e in evs]


# -- F8: a thing (a sum, goods, an activity) is no target; the recipient of a "to" phrase is ---------------------------

def _targets(evs) -> list[tuple[str, str | None, str | None]]:
    return [(e.event_type, e.target.text if e.target else None, e.target.country if e.target else None) for e in evs]


@pytest.mark.parametrize("text,thing", [
    ("Poland pledged to buy $3 billion of French military equipment.", "$3 billion"),
    ("The frigate was carrying out a lawful patrol, the German navy said.", "patrol"),
    ("Indonesia bans exports of nickel ore.", "exports"),
    ("Malaysia banned exports.", "exports"),
])
def test_f8_a_thing_is_no_target(coder, text: str, thing: str) -> None:
    evs = _coded(coder, text)
    assert evs and not any(e.target is not None and thing in e.target.text for e in evs), _targets(evs)


@pytest.mark.parametrize("text,recipient", [
    ("South Korea promised to deliver 12 patrol boats to the Philippines.", "PHL"),
    ("Turkey promised to deliver four patrol boats to Somalia.", "SOM"),
])
def test_f8_the_recipient_is_the_target(coder, text: str, recipient: str) -> None:
    evs = _coded(coder, text)
    assert evs and {e.target.country for e in evs if e.target is not None} == {recipient}, _targets(evs)
