"""Round c40 of issue 17 (docs/clusters.md, "Round c40"): a kind read off stories-18's missed pairs.

The coder's actors: a country named as where someone went ("the president flew to Angola on Friday, and the vice
president declared a state of emergency") was taken as the country of the sentence, so a bare title or noun of the
sentence ("the vice president") became that country's, and its report could not join the other reports of its event
(one side told as two countries). The object of "to" after a verb of travel (``journeys`` in
gaiko/data/actors/resolver_words.yaml: fly, flee, travel, return, ...) is a destination: it still names a place and
the traveller's target, but it is no context country of the sentence (gaiko/actors/context.py ``_destination``).

Every sentence is our own (real countries the labelled corpus does not pair this way), not one of the labelled corpus.
Tests marked "fails before" fail without this round's change; the others are guards (look-alikes that must keep their
reading). The cluster-level effect is checked with a three-article corpus in every arrival order, batch and one by one,
compared with a rebuild."""

from __future__ import annotations

from itertools import permutations

import pytest

from gaiko.actors.coref import journey_verbs
from gaiko.ingest import article_id
from gaiko.types import Article

from test_cluster_undecided import _clusters


def _coded(coder, text: str, published: str = "2025-03-10"):
    (art,) = list(coder.code_articles([Article(text=text, id="t", published=published)]))
    return art.events


def _source(coder, text: str, trigger: str) -> str | None:
    found = [e for e in _coded(coder, text) if e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in _coded(coder, text)]
    return found[0].source.country if found[0].source else None


@pytest.mark.parametrize("text,trigger,country", [
    # fails before: the vice president was given Angola (the president's destination)
    ("Zambian President Hakainde Hichilema flew to Angola early on Friday, and the vice president declared a state of "
     "emergency.", "declared", "ZMB"),
    # fails before: the same without "Zambian": the traveller's country comes from the knowledge base
    ("President Hakainde Hichilema flew to Angola on Friday, and the vice president imposed a curfew.", "imposed",
     "ZMB"),
    # guards: read right before and after (the traveller's nationality is in the sentence)
    ("The Peruvian president fled to Bolivia on Sunday, and the prime minister, named acting president, declared a "
     "state of emergency.", "declared", "PER"),
    ("The Ghanaian president travelled to Togo on Monday, and the finance minister announced new tariffs.",
     "announced", "GHA"),
])
def test_a_destination_is_not_the_sentence_country(coder, text, trigger, country) -> None:
    assert _source(coder, text, trigger) == country


def test_a_place_where_people_are_still_gives_its_country(coder) -> None:
    # guard: "in Lusaka" is where the police are, not where someone went
    events = _coded(coder, "Police in Lusaka detained dozens of students on Monday.")
    (ev,) = [e for e in events if e.trigger == "detained"]
    assert ev.source.country == "ZMB" and ev.place is not None and ev.place.name == "Lusaka"


def test_the_traveller_keeps_the_destination_as_target(coder) -> None:
    # guard: the visit's target and place are still the destination
    events = _coded(coder, "Zambian President Hakainde Hichilema flew to Angola early on Friday, and the vice "
                           "president declared a state of emergency.")
    (visit,) = [e for e in events if e.trigger == "flew"]
    assert visit.target is not None and visit.target.country == "AGO"


def test_the_word_list_is_data() -> None:
    assert {"fly", "flee", "travel"} <= journey_verbs()
    assert "meet" not in journey_verbs() and "send" not in journey_verbs()


# -- the clusters: a curfew told in three articles ------------------------------------------------------------------
VP = Article(text="President Hakainde Hichilema flew to Angola on Friday, and the vice president imposed a curfew.",
             id=None, published="2025-03-08", source="Wire A")
ZMB_ONLY = Article(text="Zambia's vice president imposed a curfew on Friday after riots in Lusaka.", id=None,
                   published="2025-03-08", source="Daily B")
AGO_ONLY = Article(text="Angola's interior minister imposed a curfew on Friday in the border province of Cunene.",
                   id=None, published="2025-03-08", source="Post C")
for _a in (VP, ZMB_ONLY, AGO_ONLY):
    _a.id = article_id(_a.text)


@pytest.fixture(scope="module")
def coded_curfews(coder):
    return list(coder.code_articles([VP, ZMB_ONLY, AGO_ONLY]))


@pytest.mark.parametrize("one_by_one", [False, True])
@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_the_curfew_joins_its_own_country_not_the_destination(coded_curfews, one_by_one, order) -> None:
    """fails before: the vice president's curfew was Angola's and joined Angola's curfew of that Friday."""
    c = _clusters(*[coded_curfews[i] for i in order], one_by_one=one_by_one)
    (vp,) = [v for k, v in c.items() if k.startswith("imposed@") and k.endswith("/Wire A")]
    (zmb,) = [v for k, v in c.items() if k.startswith("imposed@") and k.endswith("/Daily B")]
    (ago,) = [v for k, v in c.items() if k.startswith("imposed@") and k.endswith("/Post C")]
    assert vp == zmb
    assert vp != ago
