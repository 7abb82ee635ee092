"""Round x10: event-coder kinds a newcomer (round b38) found coding their own Caucasus articles. Our own sentences of
each kind (other countries, topics and wordings), never b38's, plus look-alikes that keep main's reading.

F1. "A and B signed X in <place>" / "... in the presence of <a witness>" / "the foreign ministers of A and B signed":
    the place of the signing or a witness became the recipient (A -> "Abu Dhabi (ARE)", A -> the president of a third
    country). The parties of a joint act (``joint: true`` in triggers/support.yaml; ``gaiko.pipeline.jointact``) keep
    no recipient but a "with" partner; PLOVER's convention (round t43) lists both parties as the source's members.
F10. "X called the threat blackmail": the parser read "the threat blackmail" as one compound noun, the called one,
    and the coder a phone call (CONSULT phone). A noun of blame after a determiner and a common noun
    (``language/call_verbs.yaml`` naming_nouns) is the name given (``callobjects._split_naming``), parsed as
    "called the move a provocation" is: no phone call; ACCUSE where the type model reads one, else no event (the
    corpus leaves most "calling it a sham" unlabelled; making the nouns firm ACCUSE turned tuned REJECTs of "called
    the claim propaganda" into ACCUSE and added unlabelled events, so it was dropped).
F12. A proper name of a thing that carries a person's name ("the Trump Route", "the Marshall Plan") made the person a
    side ("talks on the Trump Route were postponed" -> target Donald Trump). A known person's name before a
    capitalised noun of ``actors/no_sides.yaml`` named_things is no person mention (``nosides.named_thing_end``);
    "Trump's plan", "the Trump plan" and "President Trump" keep the person.
"""

from __future__ import annotations

import pytest


def _coded(coder, text: str, day: str = "2025-10-10", title: str | None = None):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=title)).events


def _show(evs) -> list:
    return [(e.event_type, e.trigger, e.source and e.source.country, e.target and e.target.country,
             [m.country for m in e.source_members]) for e in evs]


def _code(actor) -> str | None:
    return actor.country if actor is not None else None


# -- F1: the place or a witness of a joint signing is no recipient ---------------------------------------------------

@pytest.mark.parametrize("text,trigger,parties", [
    ("Kazakhstan and Uzbekistan signed a water-sharing treaty in Dushanbe on Tuesday.", "signed", {"KAZ", "UZB"}),
    ("The foreign ministers of Ethiopia and Eritrea signed a border protocol in Riyadh on Monday.", "signed",
     {"ETH", "ERI"}),
    ("Colombia and Ecuador signed a security declaration at the Kremlin in the presence of the Russian president.",
     "signed", {"COL", "ECU"}),
    ("The presidents of Kenya and Tanzania initialled a customs accord in Geneva, in the presence of the Swiss "
     "foreign minister.", "initialled", {"KEN", "TZA"}),
    ("Bolivia and Paraguay inked a gas deal in Brasilia on Thursday.", "inked", {"BOL", "PRY"}),
])
def test_joint_signing_has_no_place_or_witness_recipient(coder, text, trigger, parties):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    for e in evs:
        assert _code(e.target) in parties | {None}, _show(evs)
        assert {_code(e.source)} | {m.country for m in e.source_members} == parties, _show(evs)


@pytest.mark.parametrize("text,trigger,source,target", [
    ("Mexico signed a trade agreement with Guatemala.", "signed", "MEX", "GTM"),
    ("Peru and Chile signed a fisheries agreement with the European Union.", "signed", "PER", "IGO"),
    ("Serbia signed an energy deal in Baku.", "signed", "SRB", "AZE"),            # one party: main's reading
    ("Mali and Niger expelled French diplomats.", "expelled", "MLI", "FRA"),      # no joint act
])
def test_joint_signing_lookalikes_keep_recipient(coder, text, trigger, source, target):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert any(_code(e.source) == source and _code(e.target) == target for e in evs), _show(evs)


# -- F10: "called the N1 N2" with a noun of blame is naming, not a phone call --------------------------------------

@pytest.mark.parametrize("text", [
    "Bolivian senators called the ultimatum extortion.",
    "The Kenyan government called the report propaganda.",
    "Armenian deputies called the blockade blackmail.",
    "Tunisian unions called the decree extortion.",
    "The Chadian government called the embargo piracy.",
])
def test_call_with_noun_of_blame_is_no_phone_call(coder, text):
    evs = [e for e in _coded(coder, text) if e.trigger == "called"]
    assert all(e.event_type == "ACCUSE" for e in evs), _show(_coded(coder, text))
    assert not any(e.mode == "phone" for e in _coded(coder, text)), _show(_coded(coder, text))


@pytest.mark.parametrize("text", [
    "Ecuador's foreign ministry called the border incident a provocation.",   # main's reading: ACCUSE
    "Malaysian opposition leaders called the trial a farce.",
])
def test_call_naming_with_article_stays_accuse(coder, text):
    evs = [e for e in _coded(coder, text) if e.trigger == "called"]
    assert evs and all(e.event_type == "ACCUSE" for e in evs), _show(_coded(coder, text))


@pytest.mark.parametrize("text,target", [
    ("Macron called Scholz on Tuesday.", "DEU"),
    ("The Peruvian president called the party leader on Monday.", "PER"),
])
def test_call_lookalikes_stay_phone(coder, text, target):
    evs = [e for e in _coded(coder, text) if e.trigger == "called"]
    assert any(e.event_type == "CONSULT" and e.mode == "phone" and _code(e.target) == target for e in evs), _show(evs)


# -- F12: a route, plan or prize named after a person is no person ---------------------------------------------------

@pytest.mark.parametrize("text,trigger,person", [
    ("Talks on the Trump Route were suspended on Monday.", "suspended", "USA"),
    ("Turkey welcomed the Trump Route through southern Armenia.", "welcomed", "USA"),
    ("Argentina criticised the Milei Plan for the Andes.", "criticised", "ARG"),
    ("Uruguay condemned the Milei Doctrine.", "condemned", "ARG"),
    ("Negotiations on the Putin Corridor were postponed until spring.", "postponed", "RUS"),   # main: right
])
def test_named_thing_is_no_person(coder, text, trigger, person):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert evs, _show(_coded(coder, text))
    assert not any(e.target is not None and e.target.person_id for e in evs), \
        _show(evs)


@pytest.mark.parametrize("text,trigger,target", [
    ("Kenya rejected Trump's plan for Gaza.", "rejected", "USA"),
    ("Putin met Trump in Alaska.", "met", "USA"),
    ("Senators praised President Erdogan on Tuesday.", "praised", "TUR"),
])
def test_named_thing_lookalikes_keep_person(coder, text, trigger, target):
    evs = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert any(_code(e.target) == target for e in evs), _show(evs)
