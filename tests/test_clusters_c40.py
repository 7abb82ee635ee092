"""Round c40 of issue 17 (docs/rounds/clusters.md, "Round c40"): kinds read off stories-18's wrong pairs.

1. The coder's dates: a weekday that possesses an event noun under a preposition of a told event ("asked the council to
meet over Thursday's shelling") was read as the next Thursday, because the clause looks ahead ("to meet"); the
shelling became an event of the coming week, apart from its own reports and next to a look-alike of that week
(gaiko/pipeline/dates.py ``_is_future``, gaiko/data/dates/date_scope.yaml ``told_preps``).
2. The coder's dates: a date phrase after a semicolon dated an event of the clause before it ("The navy seized a trawler
   ...; Peru summoned the ambassador on Thursday"), when the parser hung one clause under the other
   (gaiko/pipeline/datescope.py ``across_break``, date_scope.yaml ``clause_breaks``).
3. The coder's dates: the day of a report ("her union said on Friday") passed through the reported clause into an
   "after" clause under it ("a reporter was detained after protesters blocked the highway, his union said on Friday"),
   dating the earlier event by the report (gaiko/pipeline/dates.py ``_before_clause``, date_scope.yaml
   ``earlier_marks``).

Every sentence is our own (real countries and towns the labelled corpus does not use this way), not one of the
labelled corpus. Tests marked "fails before" fail without this round's change; the others are guards. The
cluster-level effect is checked with a three-article corpus in every arrival order, batch and one by one, compared
with a rebuild."""

from __future__ import annotations

from itertools import permutations

import pytest

from gaiko.ingest import article_id
from gaiko.types import Article

from test_cluster_undecided import _clusters


def _coded(coder, text: str, published: str = "2025-03-08"):
    (art,) = list(coder.code_articles([Article(text=text, id="t", published=published)]))
    return art.events


# -- the coder: a weekday possessing a told event ---------------------------------------------------------------------
@pytest.mark.parametrize("text,trigger,date", [
    # fails before: each was dated the Thursday or Sunday after publication (Friday 7 March 2025)
    ("Kenya recalled its envoy from Kampala on Friday and asked the council to meet over Thursday's shelling of the "
     "border market.", "shelling", "2025-03-06"),
    ("Kenya asked the council to meet over Thursday's attack.", "attack", "2025-03-06"),
    ("Uganda urged the council to act over Sunday's killing of two herders near the border.", "killing", "2025-03-02"),
    # guard: read right before and after (the clause does not look ahead)
    ("Kenya condemned Thursday's shelling of the border market.", "shelling", "2025-03-06"),
])
def test_a_weekday_possessing_a_told_event_is_past(coder, text, trigger, date) -> None:
    events = _coded(coder, text, published="2025-03-07")
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert (found[0].date, found[0].date_precision) == (date, "day")


@pytest.mark.parametrize("text,trigger,date", [
    # fails before: each took the day of the clause after the semicolon
    ("The Chilean navy seized a Peruvian trawler in a dispute over fishing rights; Peru summoned the Chilean "
     "ambassador on Thursday.", "seized", ("2025-03-10", "published")),
    ("Rebels shelled the Congolese market town of Beni in a dawn raid; the army retook the town on Sunday.",
     "shelled", ("2025-03-10", "published")),
    # guards: each clause keeps its own date, and a date on the same side still dates both conjoined verbs
    ("The Chilean navy seized a Peruvian trawler in a dispute over fishing rights; Peru summoned the Chilean "
     "ambassador on Thursday.", "summoned", ("2025-03-06", "day")),
    ("Togo recalled its ambassador from Accra on Monday; Togolese police detained two Ghanaian traders on Friday.",
     "recalled", ("2025-03-10", "day")),
    ("Togo recalled its ambassador from Accra on Monday; Togolese police detained two Ghanaian traders on Friday.",
     "detained", ("2025-03-07", "day")),
    ("On Thursday the Chilean navy seized a Peruvian trawler and detained its crew.", "detained",
     ("2025-03-06", "day")),
])
def test_a_date_does_not_cross_a_semicolon(coder, text, trigger, date) -> None:
    events = _coded(coder, text, published="2025-03-10")
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert (found[0].date, found[0].date_precision) == date


@pytest.mark.parametrize("text,trigger,date", [
    # fails before: each took the day of the report
    ("Two Malian aid workers were held for questioning after soldiers raided their compound in Gao, their employer "
     "said on Tuesday.", "raided", ("2025-03-11", "published")),
    ("Guinean police detained a reporter after protesters blocked the highway to Kindia, his union said on Friday.",
     "blocked", ("2025-03-11", "published")),
    # guards: the reported event keeps the report's day; a date of a verb that is not one of saying still passes into
    # its "after" clause; a report without an "after" clause still dates what it reports
    ("Guinean police detained a reporter after protesters blocked the highway to Kindia, his union said on Friday.",
     "detained", ("2025-03-07", "day")),
    ("Kenya suspended deliveries on Friday after armed men ambushed a convoy.", "ambushed", ("2025-03-07", "day")),
    # (round e52: an act the saying tells in the pluperfect has the saying's day as an upper bound, precision shared)
    ("Police said on Monday they had arrested six Malian smugglers.", "arrested", ("2025-03-10", "shared")),
])
def test_a_reports_day_does_not_pass_into_an_after_clause(coder, text, trigger, date) -> None:
    events = _coded(coder, text, published="2025-03-11")
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in events]
    assert (found[0].date, found[0].date_precision) == date


def test_the_told_prepositions_are_data() -> None:
    from gaiko.pipeline.datescope import told_preps as _told_preps

    assert {"over", "after", "into"} <= _told_preps()
    assert not {"ahead", "before", "until", "for"} & _told_preps()
    from gaiko.pipeline.datescope import scope as _scope

    assert _scope()["clause_breaks"] == frozenset({";"})
    assert _scope()["earlier_marks"] == frozenset({"after"})


# -- the clusters: a shelling told in three articles ------------------------------------------------------------------
ASKED = Article(text="Kenya asked the council to meet over Thursday's shelling of Busia.", id=None,
                published="2025-03-07", source="Wire A")
SHELLED = Article(text="Ugandan artillery shelled Busia on Thursday, killing four traders.", id=None,
                  published="2025-03-06", source="Daily B")
# the look-alike of the next Thursday
AGAIN = Article(text="Ugandan artillery shelled Busia again on Thursday.", id=None, published="2025-03-14",
                source="Post C")
for _a in (ASKED, SHELLED, AGAIN):
    _a.id = article_id(_a.text)


@pytest.fixture(scope="module")
def coded_shellings(coder):
    return list(coder.code_articles([ASKED, SHELLED, AGAIN]))


def _of(c: dict[str, str], trigger: str, source: str) -> str:
    (cid,) = [v for k, v in c.items() if k.startswith(f"{trigger}@") and k.endswith(f"/{source}")]
    return cid


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_the_shelling_told_the_next_day_joins_its_own_report(coded_shellings, one_by_one, order) -> None:
    """fails before: "Thursday's shelling" was the next Thursday's and joined the shelling of that day."""
    c = _clusters(*[coded_shellings[i] for i in order], one_by_one=one_by_one)
    told = _of(c, "shelling", "Wire A")
    assert told == _of(c, "shelled", "Daily B")
    assert told != _of(c, "shelled", "Post C")

