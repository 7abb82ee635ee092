"""Office holders of every country (issue 12, round g11): a leader or minister of a country the people file did not
cover resolves to that country, named by title and surname or by full name; and a bare common surname, first name
or company name that a new row shares does not resolve to that office holder. The sentences are written for
these tests."""

from __future__ import annotations

import pytest

from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")

DAY = "2025-06-03"


def _actors(coder, text: str):
    return coder.code_article(Article(text=text, id="g11", published=DAY)).actors


def _actor(coder, text: str, words: str):
    acts = _actors(coder, text)
    found = [a for a in acts if a.text == words]
    assert found, f"no actor {words!r} in {[a.text for a in acts]}"
    return found[0]


# (sentence, actor text, country, person id): one sentence by title and surname, one by full name, per country
NAMED = [
    ("President Ruto promised farmers cheaper fertiliser before the planting season.", "President Ruto", "KEN",
     "william-ruto"),
    ("William Ruto opened a new container terminal at the port of Lamu.", "William Ruto", "KEN", "william-ruto"),
    ("Prime Minister Kristersson defended the cuts to the foreign aid budget.", "Prime Minister Kristersson", "SWE",
     "ulf-kristersson"),
    ("Ulf Kristersson hosted the Nordic leaders at his summer residence.", "Ulf Kristersson", "SWE", "ulf-kristersson"),
    ("Prime Minister Pashinyan proposed a referendum on a new constitution.", "Prime Minister Pashinyan", "ARM",
     "nikol-pashinyan"),
    ("Nikol Pashinyan dismissed the head of the border guard service.", "Nikol Pashinyan", "ARM", "nikol-pashinyan"),
    ("Prime Minister Abiy inaugurated the dam on the Blue Nile.", "Prime Minister Abiy", "ETH", "abiy-ahmed"),
    ("Abiy Ahmed called for access to the sea in a speech to parliament.", "Abiy Ahmed", "ETH", "abiy-ahmed"),
    ("President Tshisekedi appointed a new army chief of staff.", "President Tshisekedi", "COD", "felix-tshisekedi"),
    ("Felix Tshisekedi travelled to Doha for talks on the conflict.", "Felix Tshisekedi", "COD", "felix-tshisekedi"),
    ("President Mahama suspended the licences of three mining firms.", "President Mahama", "GHA", "john-mahama"),
    ("John Mahama promised to cut the number of ministries.", "John Mahama", "GHA", "john-mahama"),
    ("Prime Minister Luxon announced a trade mission to India.", "Prime Minister Luxon", "NZL", "christopher-luxon"),
    ("Christopher Luxon said the budget would restore the surplus.", "Christopher Luxon", "NZL", "christopher-luxon"),
    ("President Stubb urged the allies to keep the pressure on Moscow.", "President Stubb", "FIN", "alexander-stubb"),
    ("Alexander Stubb played a round of golf with the American president.", "Alexander Stubb", "FIN",
     "alexander-stubb"),
    ("Prime Minister Mitsotakis pledged to build a new hospital on Crete.", "Prime Minister Mitsotakis", "GRC",
     "kyriakos-mitsotakis"),
    ("Kyriakos Mitsotakis survived a censure motion over the rail disaster.", "Kyriakos Mitsotakis", "GRC",
     "kyriakos-mitsotakis"),
    ("President Tokayev signed a decree on the sale of grain.", "President Tokayev", "KAZ", "kassym-jomart-tokayev"),
    ("Kassym-Jomart Tokayev welcomed the Chinese delegation in Astana.", "Kassym-Jomart Tokayev", "KAZ",
     "kassym-jomart-tokayev"),
    ("President Dissanayake promised to prosecute corrupt officials.", "President Dissanayake", "LKA",
     "anura-kumara-dissanayake"),
    ("Anura Kumara Dissanayake asked the IMF to ease the fiscal targets.", "Anura Kumara Dissanayake", "LKA",
     "anura-kumara-dissanayake"),
    ("President Noboa declared a state of emergency in seven provinces.", "President Noboa", "ECU", "daniel-noboa"),
    ("Daniel Noboa sent soldiers to guard the prisons.", "Daniel Noboa", "ECU", "daniel-noboa"),
    ("President Bukele offered to house deportees in his country's prisons.", "President Bukele", "SLV",
     "nayib-bukele"),
    ("Nayib Bukele criticised the judges who blocked the transfers.", "Nayib Bukele", "SLV", "nayib-bukele"),
    ("Foreign Minister Safadi condemned the raid on the refugee camp.", "Foreign Minister Safadi", "JOR",
     "ayman-safadi"),
    ("Ayman Safadi flew to Damascus to meet the new authorities.", "Ayman Safadi", "JOR", "ayman-safadi"),
    ("President Mirziyoyev pardoned more than two hundred prisoners.", "President Mirziyoyev", "UZB",
     "shavkat-mirziyoyev"),
    ("Shavkat Mirziyoyev opened a solar power plant near Bukhara.", "Shavkat Mirziyoyev", "UZB", "shavkat-mirziyoyev"),
    ("Prime Minister Akhannouch presented the plan for the water shortage.", "Prime Minister Akhannouch", "MAR",
     "aziz-akhannouch"),
    ("Aziz Akhannouch chaired a meeting on the World Cup stadiums.", "Aziz Akhannouch", "MAR", "aziz-akhannouch"),
    ("President Arevalo asked Congress to approve the loan.", "President Arevalo", "GTM", "bernardo-arevalo"),
    ("Bernardo Arevalo dismissed the interior minister after the jailbreak.", "Bernardo Arevalo", "GTM",
     "bernardo-arevalo"),
    ("President Vucic called early elections after the protests.", "President Vucic", "SRB", "aleksandar-vucic"),
    ("Aleksandar Vucic met the Chinese ambassador in Belgrade.", "Aleksandar Vucic", "SRB", "aleksandar-vucic"),
]


@pytest.mark.parametrize("text, words, country, person", NAMED, ids=[f"{c}-{i}" for i, (_t, _w, c, _p) in
                                                                       enumerate(NAMED)])
def test_office_holder_resolves_to_the_country(coder, text, words, country, person):
    a = _actor(coder, text, words)
    assert (a.country, a.person_id) == (country, person), (a.country, a.person_id, a.resolved_by)


# a bare word that a known office holder's name ends in, used for somebody or something else
LOOK_ALIKES = [
    ("Khan, a taxi driver in Leeds, said the fares had doubled.", "Khan", ("imran-khan", "karim-khan")),
    ("Kim, who runs a noodle shop in Busan, said trade had slowed.", "Kim", ("jim-yong-kim",)),
    ("Pavel Durov said the messaging app would appeal the fine.", "Pavel", ("petr-pavel",)),
    ("Martin, a nurse from Galway, said the ward was short of beds.", "Martin", ("micheal-martin",)),
    ("Hassan, a fisherman in Mombasa, said the catch had fallen.", "Hassan", ("jafar-hassan",
                                                                             "samia-suluhu-hassan")),
    ("Novak Djokovic won the final in four sets.", "Novak", ("katalin-novak",)),
]


@pytest.mark.parametrize("text, word, wrong", LOOK_ALIKES, ids=[w for _t, w, _x in LOOK_ALIKES])
def test_common_surname_is_not_the_office_holder(coder, text, word, wrong):
    acts = [a for a in _actors(coder, text) if word in a.text]
    assert not any(a.person_id in wrong for a in acts), [(a.text, a.person_id) for a in acts]
    assert not any(a.sector == "GOV" or a.role for a in acts), [(a.text, a.country, a.role) for a in acts]
