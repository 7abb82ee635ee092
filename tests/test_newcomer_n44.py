"""Newcomer round n44: four small wrongs left by round n43, each as a kind, with our own sentences (no corpus text).

1. a news agency ("OSLO (Reuters) -", "..., AFP reported") gives no country to the article's context: a later bare
   "the government" is not British or French for it;
2. a modifier inside the speaker's noun phrase ("the Swiss finance ministry", "Japan's trade minister", "the aid
   agency", "Kenya's energy regulator") is never the act ("finance" is no payment);
3. a negated future act of the promiser with a limiter ("will not release the funds for now", "for the time being",
   "until further notice") withdraws the pledge (docs/pledges.md: withdrawn is the promiser postponing its act);
4. an appraisal of the pledged talks ("called the talks candid", "described Friday's meeting with Kosovo as
   constructive") reports them held: the deed; talks not yet held or dated before the pledge are not.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

from test_newcomer_n43 import _story

PUB = "2026-03-05"


def _pledge_countries(coder, text: str):
    return [(p.actor.text, p.actor.country) for p in coder.code_article(Article(text=text, published=PUB)).pledges
            if p.actor]


# -- 1. a news agency gives no country to context ------------------------------------------------------------------

@pytest.mark.parametrize("text,who,iso", [
    ("BERGEN (Reuters) - Norwegian fishermen protested on Monday. The government will raise the cod quota next year.",
     "government", "NOR"),
    ("BERGEN, March 4 (Reuters) - Norwegian fishermen protested on Monday. The government will raise the cod quota "
     "next year.", "government", "NOR"),
])
def test_an_agency_gives_no_country_to_context(coder, text, who, iso):
    assert _pledge_countries(coder, text) == [(who, iso)]


@pytest.mark.parametrize("text,agency_iso", [
    ("BERGEN (Reuters) - The government will raise the cod quota next year.", "GBR"),
    ("GDANSK (AFP) - Polish dockers went on strike on Monday. The ministry will pay the dockers' back wages by June.",
     "FRA"),
    ("Polish dockers went on strike on Monday, AFP reported. The ministry will pay their back wages by June.", "FRA"),
])
def test_the_agencys_country_is_not_the_governments(coder, text, agency_iso):
    got = _pledge_countries(coder, text)
    assert len(got) == 1 and got[0][1] != agency_iso, got


@pytest.mark.parametrize("text,who,iso", [
    # look-alikes: a dateline's own city, the agency as an actor of its own
    ("LONDON (Reuters) - The government will raise the fuel duty next year.", "government", "GBR"),
    ("PARIS (AFP) - The ministry will pay compensation to farmers by June.", "ministry", "FRA"),
    ("OSLO (Reuters) - The government will raise the cod quota by 10 percent next year.", "government", "NOR"),
    ("The Reuters news agency said it will open a bureau in Accra next year.", "Reuters news agency", "GBR"),
    ("The BBC will cut 500 jobs by next year.", "BBC", "GBR"),
])
def test_agency_look_alikes_keep_their_country(coder, text, who, iso):
    assert _pledge_countries(coder, text) == [(who, iso)]


def test_an_agency_as_a_target_keeps_its_country(coder):
    ev = coder.code_article(Article(text="Russia expelled a Reuters correspondent on Monday.", published=PUB)).events
    assert [(e.target.country) for e in ev if e.target] == ["GBR"]
