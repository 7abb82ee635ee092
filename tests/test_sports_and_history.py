"""Sports are not international conflict (kind 10); dates in history and in participial clauses (kinds 8, 9).

Sentences written for these tests; none comes from a gold file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gaiko.types import Article

PUB = "2026-11-10"  # a Tuesday
TRAPS = [line.strip() for line in (Path(__file__).parent / "data" / "sports_traps.txt").read_text().splitlines()
         if line.strip() and not line.startswith("#")]


def events(coder, text: str, published: str = PUB):
    return coder.code_article(Article(text=text, published=published)).events


# -- kind 10: sports ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", TRAPS)
def test_sports_traps_code_no_events(coder, text):
    assert events(coder, text) == []


@pytest.mark.parametrize("text, etype", [
    ("Russia attacked Ukraine from the first day of the war.", "ASSAULT"),
    ("Police fired tear gas at fans outside the stadium.", "ASSAULT"),
    ("The coalition beat the opposition 52-48 in the Senate vote.", None),  # no sport; what it codes is the coder's
    ("A team of UN inspectors visited the nuclear site on Monday.", "CONSULT"),
    ("Japan's coast guard shot at a North Korean vessel.", "ASSAULT"),
])
def test_lookalikes_are_not_sports(coder, text, etype):
    from gaiko.actors.sports import is_sports

    assert not is_sports(text)
    if etype is not None:
        assert any(e.event_type == etype for e in events(coder, text))


def test_a_sports_article_mutes_its_ambiguous_sentences_only(coder):
    text = ("Japan's national team beat South Korea 2-0 in Tokyo. "
            "Japan attacked from the first minute. "
            "Separately, South Korea's foreign minister met his Japanese counterpart in Seoul.")
    evs = events(coder, text)
    assert evs and all(e.event_type == "CONSULT" for e in evs)


# -- kind 8: dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("Speaking in Brussels on Monday, the minister condemned the attack.", "2026-11-09"),
    ("Addressing parliament on Friday, the prime minister accused the opposition of treason.", "2026-11-06"),
    ("Returning from Beijing on Sunday, the president criticised the trade deal.", "2026-11-08"),
])
def test_date_of_a_participial_clause_dates_the_main_event(coder, text, date):
    evs = events(coder, text)
    assert evs and evs[0].date == date and evs[0].date_precision == "day"


def test_lookalike_date_of_a_relative_clause_does_not_date_the_main_event(coder):
    evs = events(coder, "The minister condemned the attack that killed 12 people on Monday.")
    main = next(e for e in evs if e.trigger == "condemned")
    assert main.date == PUB and main.date_precision == "published"


@pytest.mark.parametrize("text, year", [
    ("Thirty-six years ago, Iraq invaded Kuwait.", 1990),
    ("Twenty-five years ago, NATO bombed Serbia.", 2001),
    ("Twenty five years ago, NATO bombed Serbia.", 2001),
    ("Six years ago, India and China clashed in the Galwan valley.", 2020),
    ("A hundred years ago, Britain occupied the region.", 1926),
])
def test_spelled_out_years_ago(rules_coder, text, year):
    # dates of history: checked on the rules' events (the learned type model often leaves history uncoded)
    ev = events(rules_coder, text)[0]
    assert ev.date == f"{year}-11-10" and ev.date_precision == "year"


@pytest.mark.parametrize("text", [
    "Kenya pledged to open the border by March, two years earlier than the previous government had planned.",
    "Japan will withdraw its troops from the base three months earlier than scheduled.",
    "Norway agreed to deliver the frigates a year earlier than planned.",
])
def test_earlier_than_compares_and_does_not_date_the_event_in_the_past(rules_coder, text):
    # "two years earlier than ..." compares two plans; it is not a date two years back
    evs = events(rules_coder, text)
    assert evs and all(e.date is None or e.date >= "2026-11-01" for e in evs), [(e.event_type, e.date) for e in evs]


def test_years_are_calendar_years():
    from gaiko.pipeline.dates import resolve_date, spelled_number

    assert resolve_date("thirty-six years ago", "2026-11-10")[0] == "1990-11-10"  # not 36 x 365 days
    assert resolve_date("40 years ago", "2024-02-29")[0] == "1984-02-29"
    assert resolve_date("three months ago", "2026-05-31")[0] == "2026-02-28"
    assert resolve_date("two weeks ago", "2026-11-10")[0] == "2026-10-27"
    assert resolve_date("a decade ago", "2026-11-10")[:3:2] == ("2016-11-10", "year")
    assert [spelled_number(w) for w in ("thirty-six", "twenty five", "six", "12", "a hundred", "banana")] == \
        [36, 25, 6, 12, 100, None]


# -- kind 9: history is not news ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, precision", [
    ("During the Second World War, Japan occupied the Philippines.", "1939-09-01", "era"),
    ("In 1990, Iraq invaded Kuwait.", "1990-01-01", "year"),
    ("Thirty years ago, the two sides fought a border war.", "1996-11-10", "year"),
    ("In the 1980s, Iraq attacked Iran with chemical weapons.", "1980-01-01", "decade"),
    ("During the Korean War, Chinese troops attacked UN forces.", "1950-06-25", "era"),
    ("In the 19th century, Britain invaded Afghanistan twice.", "1801-01-01", "century"),
])
def test_history_is_dated_in_the_past(rules_coder, text, start, precision):
    evs = events(rules_coder, text)
    assert evs and all(e.date_precision == precision and e.date == start for e in evs)
    assert all(dt.date.fromisoformat(e.date) < dt.date(2026, 1, 1) for e in evs)


def test_lookalike_news_keeps_the_publication_date(coder):
    evs = events(coder, "Japan accused China of provocations near the islands.")
    assert evs and evs[0].date == PUB and evs[0].date_precision == "published"
    evs = events(coder, "Veterans of the Second World War were honoured as Russia attacked Kyiv on Monday.")
    att = next(e for e in evs if e.event_type == "ASSAULT")
    assert att.date == "2026-11-09"


def test_earlier_than_in_a_whole_article_does_not_date_the_pledge_back(coder):
    # in the bundled example article the parser reads "two years earlier" as a date of its own; the event
    # it would date is the pledge of the sentence, not something two years before publication
    import json
    from pathlib import Path

    import gaiko

    corpus = Path(gaiko.__file__).parent / "examples" / "corpus.jsonl"
    rec = next(r for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines())
               if "years earlier than" in r["text"])
    art = Article(text=rec["text"], published=rec["published"], title=rec.get("title"))
    coded = coder.code_article(art)
    sent = next(s for s in coded.sentences if "years earlier than" in s.text)
    evs = [e for e in coded.events if sent.start <= e.trigger_start < sent.end]
    assert evs and all(e.date is None or e.date[:4] >= rec["published"][:4] for e in evs), \
        [(e.event_type, e.date, e.date_text) for e in evs]


# -- kind 10b: politics and violence in sport are events (a word of state action lifts the sports mark) ----------

@pytest.mark.parametrize("text, etype", [
    ("Masked gunmen ambushed the bus of Mali's national basketball team near Gao, killing two players.", "ASSAULT"),
    ("Canada refused visas to three members of Iran's wrestling team ahead of the world championships.", None),
    ("The football federation of Qatar pulled out of the regional cup in protest at the Saudi blockade.", None),
    ("Hunger strikers camped outside the parliament in Yerevan for a tenth day.", None),
    ("Sanctions have been a fixture of Western policy toward Minsk since 2006.", None),
])
def test_state_action_in_sport_is_not_sports(coder, text, etype):
    from gaiko.actors.sports import is_sports

    assert not is_sports(text)
    if etype is not None:
        assert any(e.event_type == etype for e in events(coder, text))


@pytest.mark.parametrize("text", [
    "The striker's late header sealed a 2-1 win for the visitors.",
    "Three strikers and a goalkeeper were left out of the squad for the qualifier.",
    "Fans invaded the pitch after the final whistle as the hosts clinched the title.",
])
def test_sports_with_words_of_war_stay_sports(coder, text):
    from gaiko.actors.sports import is_sports

    assert is_sports(text)
    assert events(coder, text) == []
