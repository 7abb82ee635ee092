"""Round 8 of the kinds behind missed and false cluster pairs (issue 17; docs/rounds/clusters.md, "Round 8", studied on
stories-08; kept in round 9 where they did not lower stories-01..09 pooled: "last week" on a Sunday, abductions apart,
definite nouns referring back; "the same day" and unknown names as places were dropped). Only kinds seen in at least
two corpus files are fixed here. Every article is our own (invented places,
people and outlets), not one of the labelled corpus; each test fails before the round, except those marked "guard"
(what the fix must not break: same dyad and type on nearby days, the publication day, two dated events an undated
report could be about)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gaiko.clusters import rebuild_clusters
from gaiko.clusters.rules import load_rules
from gaiko.ids import article_id, record_id
from gaiko.store import Store
from gaiko.types import Article, CodedArticle, Event, Place, SentenceRecord

from test_clusters import actor
import pytest

# rules mode (round c78): these tests are of the rules' own behaviour (a rule, a threshold, a unit's key, the
# rules' update and its probes), written when the learned steps shipped off: tests/conftest.py's rules_mode makes
# every load_rules() the shipped rules with learned.enabled false
pytestmark = pytest.mark.usefixtures("rules_mode")

VAL = ("Valdorian police", "VLD", "COP", "demonym", None)  # an invented country's police (code VLD)
VAL_STATE = ("Valdoria", "VLD", None, "country", None)
MER = ("a Meranian officer", "MER", "COP", "demonym", None)
VAL_GUNMEN = ("gunmen", "VLD", "REB", "sector", None)
VAL_PUPILS = ("pupils", "VLD", "EDU", "sector", None)
VAL_SOLDIERS = ("soldiers", "VLD", "MIL", "sector", None)


def coded(sentences: list[str], published: str, outlet: str, *events: dict[str, Any]) -> CodedArticle:
    """One coded article of several sentences; each event a dict: s (sentence), type, trigger, src, tgt, date,
    prec, and optionally place (name, country), mode, date_text."""
    text = " ".join(sentences)
    aid = article_id(text)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    recs = [SentenceRecord(i, starts[i], starts[i] + len(s), s) for i, s in enumerate(sentences)]
    evs = []
    for i, e in enumerate(events):
        k = e.get("s", 0)
        start = starts[k] + sentences[k].index(e["trigger"])
        place = e.get("place")
        evs.append(Event(id=record_id("ev", aid, k, start, e["type"], i), article_id=aid, sentence_index=k,
                         sentence=sentences[k], event_type=e["type"], trigger=e["trigger"], trigger_start=start,
                         trigger_end=start + len(e["trigger"]), source=actor(e.get("src")), target=actor(e.get("tgt")),
                         date=e["date"], date_precision=e["prec"], date_text=e.get("date_text"), mode=e.get("mode"),
                         place=Place(text=place[0], name=place[0], country=place[1]) if place else None,
                         goldstein=-9.0 if e["type"] == "ASSAULT" else -5.0, quad_class=4, pattern="test",
                         confidence=0.8, coder_version="test"))
    art = Article(text=text, id=aid, published=published, title=text[:30], source=outlet)
    return CodedArticle(article=art, sentences=recs, events=evs, coder_version="test")


def clusters(*arts: CodedArticle) -> dict[str, str]:
    """{trigger@published/outlet: cluster id}: written one article per batch, and equal after a rebuild."""
    store = Store(":memory:")
    for a in arts:
        store.write_coded([a])
    rows = store.query("SELECT e.trigger, a.published, a.source, m.cluster_id FROM events e JOIN articles a "
                       "ON a.id = e.article_id JOIN cluster_members m ON m.event_id = e.id")
    out = {f"{r['trigger']}@{r['published']}/{r['source']}": r["cluster_id"] for r in rows}
    rebuild_clusters(store)
    rows = store.query("SELECT e.trigger, a.published, a.source, m.cluster_id FROM events e JOIN articles a "
                       "ON a.id = e.article_id JOIN cluster_members m ON m.event_id = e.id")
    assert {f"{r['trigger']}@{r['published']}/{r['source']}": r["cluster_id"] for r in rows} == out, "rebuild differs"
    store.close()
    return out


# -- "last week" written on a Sunday ---------------------------------------------------------------------------------

def _kidnap_tue(*extra: CodedArticle) -> dict[str, str]:
    return clusters(
        coded(["Gunmen abducted nine pupils from a school in Tarvel on Tuesday."], "2025-03-12", "Wire A",
              dict(type="ASSAULT", trigger="abducted", src=VAL_GUNMEN, tgt=VAL_PUPILS, date="2025-03-11", prec="day",
                   place=("Tarvel", "VLD"), mode="abduct")),
        *extra)


def test_last_week_on_a_sunday_reaches_the_week_then_ending() -> None:
    # published Sunday 16 March: the coder reads "last week" as 3-9 March; the abduction was on Tuesday 11 March
    c = _kidnap_tue(coded(["Troops freed six of the pupils kidnapped in Tarvel last week, the army said."],
                          "2025-03-16", "Sunday Post",
                          dict(type="ASSAULT", trigger="kidnapped", tgt=VAL_PUPILS, date="2025-03-03", prec="week",
                               place=("Tarvel", "VLD"), mode="abduct")))
    assert c["kidnapped@2025-03-16/Sunday Post"] == c["abducted@2025-03-12/Wire A"]


def test_last_week_on_a_sunday_does_not_reach_the_day_of_publication() -> None:
    """guard: a look-alike on the Sunday itself is not "last week"."""
    c = clusters(
        coded(["Gunmen abducted four traders in Tarvel on Sunday."], "2025-03-16", "Wire A",
              dict(type="ASSAULT", trigger="abducted", src=VAL_GUNMEN, tgt=VAL_PUPILS, date="2025-03-16", prec="day",
                   place=("Tarvel", "VLD"), mode="abduct")),
        coded(["Troops freed six of the pupils kidnapped in Tarvel last week, the army said."], "2025-03-16",
              "Sunday Post", dict(type="ASSAULT", trigger="kidnapped", tgt=VAL_PUPILS, date="2025-03-03", prec="week",
                                  place=("Tarvel", "VLD"), mode="abduct")))
    assert c["kidnapped@2025-03-16/Sunday Post"] != c["abducted@2025-03-16/Wire A"]


def test_last_week_on_a_weekday_keeps_the_week_before() -> None:
    """guard: written on a Wednesday, "last week" is the week before only."""
    c = _kidnap_tue(coded(["Troops freed six of the pupils kidnapped in Tarvel last week, the army said."],
                          "2025-03-19", "Midweek", dict(type="ASSAULT", trigger="kidnapped", tgt=VAL_PUPILS,
                                                        date="2025-03-03", prec="week", place=("Tarvel", "VLD"),
                                                        mode="abduct")))
    assert c["kidnapped@2025-03-19/Midweek"] != c["abducted@2025-03-12/Wire A"]


# -- an abduction and a killing of one day ------------------------------------------------------------------------------

def test_an_abduction_and_a_shooting_of_one_day_are_two_events() -> None:
    # the abduction's town is not found; the shooting is placed. Before, the abduction joined the shooting (same type,
    # sides and day, and the shooting says more)
    c = clusters(
        coded(["Armed separatists abducted twelve pupils from a school on Tuesday morning, officials said."],
              "2025-03-12", "Wire A",
              dict(type="ASSAULT", trigger="abducted", src=VAL_GUNMEN, tgt=VAL_PUPILS, date="2025-03-11", prec="day",
                   mode="abduct")),
        coded(["Separatists shot dead two soldiers at a checkpoint in Orsk-Vale on Tuesday."], "2025-03-12", "Wire B",
              dict(type="ASSAULT", trigger="shot dead", src=VAL_GUNMEN, tgt=VAL_SOLDIERS, date="2025-03-11",
                   prec="day", place=("Orsk-Vale", "VLD"), mode="firearms")),
        # guard: a report naming no mode of the abduction still joins it
        coded(["Pupils were taken from their school on Tuesday, their parents said."], "2025-03-13", "Wire C",
              dict(type="ASSAULT", trigger="taken", src=VAL_GUNMEN, tgt=VAL_PUPILS, date="2025-03-11", prec="day")),
    )
    assert c["abducted@2025-03-12/Wire A"] != c["shot dead@2025-03-12/Wire B"]
    assert c["taken@2025-03-13/Wire C"] in (c["abducted@2025-03-12/Wire A"], c["shot dead@2025-03-12/Wire B"])


def test_seizing_and_detaining_stay_one_incident() -> None:
    """guard: modes of a type not listed in modes.apart are still not compared."""
    c = clusters(
        coded(["Valdorian police seized a Meranian boat on Monday."], "2025-05-06", "Wire A",
              dict(type="COERCE", trigger="seized", src=VAL, tgt=MER, date="2025-05-05", prec="day", mode="seize")),
        coded(["Valdorian police detained a Meranian crew on Monday."], "2025-05-06", "Wire B",
              dict(type="COERCE", trigger="detained", src=VAL, tgt=MER, date="2025-05-05", prec="day", mode="arrest")),
    )
    assert c["seized@2025-05-06/Wire A"] == c["detained@2025-05-06/Wire B"]


# -- a definite noun referring back to the article's dated report --------------------------------------------------------

VAL_JETS = ("Valdorian jets", "VLD", "MIL", "demonym", None)
MER_STATE = ("Merania", "MER", None, "country", None)


def _strikes(second: list[str], *events: dict[str, Any]) -> dict[str, str]:
    return clusters(
        coded(["Valdorian jets struck targets in Kessa on Thursday, Meranian officials said."], "2025-10-10", "Wire A",
              dict(type="ASSAULT", trigger="struck", src=VAL_JETS, tgt=MER_STATE, date="2025-10-09", prec="day",
                   place=("Kessa", "MER"))),
        # the same dyad a day earlier in another town: an undated report of 10 October fits both
        coded(["Valdorian jets struck a depot in Lorne on Wednesday."], "2025-10-09", "Wire B",
              dict(type="ASSAULT", trigger="struck", src=VAL_JETS, tgt=MER_STATE, date="2025-10-08", prec="day",
                   place=("Lorne", "MER"))),
        coded(second, "2025-10-10", "Daily C", *events),
    )


def test_the_raids_refer_to_the_dated_raid_of_their_article() -> None:
    c = _strikes(["Valdorian jets struck targets in Kessa on Thursday.", "Valdoria's military did not confirm the raids."],
                 dict(s=0, type="ASSAULT", trigger="struck", src=VAL_JETS, tgt=MER_STATE, date="2025-10-09",
                      prec="day", date_text="on Thursday", place=("Kessa", "MER")),
                 dict(s=1, type="ASSAULT", trigger="raids", src=VAL_STATE, date="2025-10-10", prec="published"))
    assert c["raids@2025-10-10/Daily C"] == c["struck@2025-10-10/Wire A"]
    assert c["struck@2025-10-09/Wire B"] != c["struck@2025-10-10/Wire A"]


def test_a_verb_of_its_own_is_no_back_reference() -> None:
    """guard: "its jets struck again" (a verb, not a noun) is not given the day of the article's strike: it fits two
    events and stays undecided."""
    c = _strikes(["Valdorian jets struck targets in Kessa on Thursday.", "Merania said the jets struck again."],
                 dict(s=0, type="ASSAULT", trigger="struck", src=VAL_JETS, tgt=MER_STATE, date="2025-10-09",
                      prec="day", date_text="on Thursday", place=("Kessa", "MER")),
                 dict(s=1, type="ASSAULT", trigger="struck again", src=VAL_JETS, tgt=MER_STATE, date="2025-10-10",
                      prec="published"))
    assert c["struck again@2025-10-10/Daily C"] not in (c["struck@2025-10-10/Wire A"], c["struck@2025-10-09/Wire B"])


def test_a_definite_noun_with_two_dated_candidates_stays_undecided() -> None:
    """guard: the article dates two strikes it could refer to."""
    c = _strikes(["Valdorian jets struck Kessa on Thursday, a day after they struck Lorne on Wednesday.",
                  "Valdoria's military did not confirm the raids."],
                 dict(s=0, type="ASSAULT", trigger="struck Kessa", src=VAL_JETS, tgt=MER_STATE, date="2025-10-09",
                      prec="day", date_text="on Thursday", place=("Kessa", "MER")),
                 dict(s=0, type="ASSAULT", trigger="struck Lorne", src=VAL_JETS, tgt=MER_STATE, date="2025-10-08",
                      prec="day", date_text="on Wednesday", place=("Lorne", "MER")),
                 dict(s=1, type="ASSAULT", trigger="raids", src=VAL_STATE, date="2025-10-10", prec="published"))
    assert c["raids@2025-10-10/Daily C"] not in (c["struck Kessa@2025-10-10/Daily C"], c["struck Lorne@2025-10-10/Daily C"])


def test_rules_file_checks_the_new_entries(tmp_path) -> None:
    """A wrong weekday or a malformed article section is a DataFileError naming the file."""
    import pytest

    from gaiko.errors import DataFileError
    from gaiko.tables import data_path

    text = open(data_path("clusters.yaml"), encoding="utf-8").read()
    bad = tmp_path / "c.yaml"
    bad.write_text(text.replace("until_published_on: [sunday]", "until_published_on: [someday]"), encoding="utf-8")
    with pytest.raises(DataFileError, match="until_published_on"):
        load_rules(str(bad))
    bad2 = tmp_path / "d.yaml"
    bad2.write_text(text.replace("back_reference: true", "back_reference: maybe"), encoding="utf-8")
    with pytest.raises(DataFileError, match="back_reference"):
        load_rules(str(bad2))
    assert dt.date(2025, 3, 16).weekday() == 6  # the Sunday of the tests above
