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


# -- 2. a modifier of the speaker's noun is never the act ----------------------------------------------------------

_PLEDGES = {
    "pay": "Switzerland pledged to pay its second tranche to the refugee agency by May.",
    "build": "Kenya will build the new rail link to Uganda by 2027.",
}


@pytest.mark.parametrize("kind,later", [
    ("pay", "The Swiss finance ministry said it would hold off on the payment to the refugee agency for now."),
    ("pay", "Switzerland's finance minister said the payment to the refugee agency would be put off for now."),
    ("pay", "The finance ministry said it would hold off on the payment to the refugee agency for now."),
    ("build", "Kenya's energy regulator said work on the rail link to Uganda would be put off for now."),
])
def test_a_speakers_modifier_is_no_act(tmp_path, coder, kind, later):
    got = _story(tmp_path, coder, [("2026-03-02", _PLEDGES[kind]), ("2026-04-10", later)])
    assert [(e["status"], e["relations"][-1]) for e in got] == [("withdrawn", "withdraws")], got


@pytest.mark.parametrize("later", [
    # look-alikes: the deed itself, reported by a finance ministry or its officials
    "The Swiss finance ministry said it had paid the second tranche to the refugee agency.",
    "Swiss finance officials said they had paid the second tranche to the refugee agency.",
])
def test_a_speakers_modifier_leaves_the_deed(tmp_path, coder, later):
    got = _story(tmp_path, coder, [("2026-03-02", _PLEDGES["pay"]), ("2026-04-10", later)])
    assert [(e["status"], e["relations"][-1]) for e in got] == [("fulfilled", "fulfils")], got


def test_subject_modifier_kind():
    from gaiko.tracking.clauseaside import subject_modifier
    from gaiko.tracking.text import analyse

    def at(text, word):
        toks = analyse(text)[0]
        return subject_modifier(text, toks, [t.text for t in toks].index(word))

    assert at("The Swiss finance ministry said it would wait.", "finance")
    assert at("Japan's trade minister said the tariffs would stay.", "trade")
    assert at("The aid agency said it would wait.", "aid")
    assert at("Kenya's energy regulator said so.", "energy")
    assert at("Finance ministers said so.", "finance")
    assert not at("Iran will release officials detained in March.", "release")
    assert not at("The agency will cut agency budgets.", "cut")
    assert not at("Kyiv will fund ministry projects.", "fund")


# -- 3. a negated future act with a limiter withdraws --------------------------------------------------------------

_FUNDS = "Ukraine will release the funds for the Kakhovka dam repairs by June, the finance ministry said."


@pytest.mark.parametrize("later", [
    "Kyiv will not release the funds for the dam repairs for now, the finance ministry said.",
    "Ukraine said it would not release the dam repair funds for the time being.",
    "Ukraine will not release the dam repair funds until further notice, officials said.",
    "Kyiv will not release the funds for the dam repairs for the moment, the finance ministry said.",
])
def test_a_negated_act_with_a_limiter_withdraws(tmp_path, coder, later):
    got = _story(tmp_path, coder, [("2026-03-02", _FUNDS), ("2026-04-10", later)])
    assert [(e["status"], e["relations"][-1]) for e in got] == [("withdrawn", "withdraws")], got


@pytest.mark.parametrize("later,status", [
    # look-alikes: a condition ("until the audit is finished") is no withdrawal; an act not done is a stall
    ("Ukraine will not release the dam repair funds until the audit is finished, officials said.", "open"),
    ("Kyiv has not released the funds for the dam repairs, the finance ministry said.", "stalled"),
])
def test_negated_look_alikes(tmp_path, coder, later, status):
    got = _story(tmp_path, coder, [("2026-03-02", _FUNDS), ("2026-04-10", later)])
    assert [e["status"] for e in got] == [status], got


def test_put_off_for_now_limiters():
    from gaiko.tracking.clause import put_off_for_now

    assert put_off_for_now("release the funds for now, the ministry said.") == "for now"
    assert put_off_for_now("pay it until further notice.") == "until further notice"
    assert put_off_for_now("release the funds until the audit ends.") is None
    assert put_off_for_now("supply more coal.") is None


# -- 4. an appraisal of the pledged talks ---------------------------------------------------------------------------

_TALKS = "Serbia and Kosovo will hold talks by the end of March, the EU said."


@pytest.mark.parametrize("later", [
    "Serbian President Vucic called the talks with Kosovo in Ohrid candid.",
    "Serbia described Friday's meeting with Kosovo as constructive.",
    "Kosovo's prime minister termed Friday's talks with Serbia in Ohrid frank and useful.",
    "Serbian officials said the talks with Kosovo in Ohrid had been productive.",
    "Serbia called the talks with Kosovo a success.",
])
def test_an_appraisal_of_the_talks_fulfils(tmp_path, coder, later):
    got = _story(tmp_path, coder, [("2026-03-02", _TALKS), ("2026-03-21", later)])
    assert got and all((e["status"], e["relations"][-1]) == ("fulfilled", "fulfils") for e in got), got


@pytest.mark.parametrize("day,later", [
    # look-alikes: talks not yet held, talks dated before the pledge, an appraisal foreseen
    ("2026-03-04", "Serbia called the upcoming talks with Kosovo in Ohrid important."),
    ("2026-03-21", "Serbia described the planned meeting with Kosovo as crucial."),
    ("2026-03-04", "Serbia described Friday's meeting with Kosovo as constructive."),
    ("2026-03-04", "Serbia said it would call the talks with Kosovo useful."),
])
def test_an_appraisal_of_talks_not_held_fulfils_nothing(tmp_path, coder, day, later):
    got = _story(tmp_path, coder, [("2026-03-02", _TALKS), (day, later)])
    assert got and all(e["status"] == "open" and "fulfils" not in e["relations"] for e in got), got


def test_appraised_talks_kind():
    from gaiko.tracking.appraisal import appraised_talks, talks_day

    assert appraised_talks("Vucic called the talks candid.") == ("held", "the talks")
    assert appraised_talks("Serbia called the upcoming talks productive.") == ("planned", "the upcoming talks")
    assert appraised_talks("Serbia called for talks with Kosovo.") is None
    assert appraised_talks("The talks were held in Ohrid.") is None
    assert appraised_talks("Serbia will call the talks useful.") is None
    assert talks_day("Friday's meeting", "2026-03-04") == "2026-02-27"
    assert talks_day("its meeting last week", "2026-03-21") == "2026-03-14"
