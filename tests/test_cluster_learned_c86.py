"""Round c86 (docs/rounds/clusters.md, "Round c86"), issue 17: the learned join's false joins of a report told as a
repetition.

"Police arrested a second journalist of the outlet", "the neighbour sent more rescue workers", "jets struck dozens
more targets": the rules leave such an undated report alone (no dated event in its window), and the learned join put
it into the earlier cluster of its type and sides: the first arrest, the first dispatch. ``learned.guards.repeats``
(gaiko/clusters/joinrepeat.py, words in gaiko/data/clusters.yaml): a loner one of whose mentions has a word of
repetition within ``span`` (two) words of its trigger joins no cluster. Look-alikes that still join: the same arrest retold
with no such word, "more than" (a count), and a word of repetition far from the trigger.

Our own articles (invented Valdoria, Harlo and people), coded by hand as tests/test_clusters.py's ``article`` does; the
pair model is stubbed to join every pair (tests/test_cluster_learned_c81.py's ``last`` fixture), so the tests are of
the guard, not of the weights. The store's clusters must equal the reference's
(:func:`~gaiko.clusters.learned.learned_clusters`).
"""

from __future__ import annotations

import pytest

from gaiko.clusters.joinrepeat import repeated
from gaiko.clusters.learnedrules import parse_guards
from gaiko.clusters.rules import load_rules
from gaiko.errors import DataFileError

from test_cluster_learned_c44 import _store
from test_cluster_learned_c81 import _by_trigger, last  # noqa: F401 (the fixture)
from test_clusters import article

VLD_POLICE = ("Valdorian police", "VLD", "COP", "demonym", None)
VLD_REPORTER = ("journalist", "VLD", "MED", "sector", None)

# Monday 9 June 2025: the police arrest a journalist in Harlo
FIRST = article("Valdorian police arrested journalist Ilse Marr in Harlo on Monday, her paper said.", "2025-06-09",
                "Wire A", ("COERCE", "arrested", VLD_POLICE, VLD_REPORTER, "2025-06-09", "day", ("Harlo", "VLD")))


def _undated(text: str, outlet: str, trigger: str = "arrested", published: str = "2025-06-16") -> object:
    """A report a week later (its window, the 13th to the 16th, misses Monday: the rules leave it alone)."""
    return article(text, published, outlet, ("COERCE", trigger, VLD_POLICE, VLD_REPORTER, published, "published"))


SECOND = _undated("Valdorian police arrested a second journalist of the paper, its editor said.", "Post B")
AGAIN = _undated("Valdorian police again arrested journalists of the paper, its editor said.", "Herald C")


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
@pytest.mark.parametrize("later", [SECOND, AGAIN], ids=["a second", "again"])
def test_a_repeated_arrest_joins_no_earlier_cluster(last, one_by_one, later):  # noqa: F811
    """fails before: the learned join put the second arrest into Monday's arrest cluster."""
    batches = [[FIRST], [later]] if one_by_one else [[FIRST, later]]
    got = _by_trigger(_store(batches), last)
    assert got["arrested@2025-06-09"] != got["arrested@2025-06-16"]


@pytest.mark.parametrize("one_by_one", [False, True], ids=["one-batch", "by-article"])
@pytest.mark.parametrize("text", [
    "Valdorian police arrested the journalist at her home, her paper said.",  # the arrest retold
    "Valdorian police arrested and held the journalist for more than 40 hours, her paper said.",  # a count
    "Valdorian police arrested the journalist at her home in Harlo, another paper said.",  # far from the trigger
])
def test_the_arrest_retold_still_joins(last, one_by_one, text):  # noqa: F811
    """look-alikes: no word of repetition next to the trigger, so the join is the model's, as before."""
    later = _undated(text, "Daily D")
    batches = [[FIRST], [later]] if one_by_one else [[FIRST, later]]
    got = _by_trigger(_store(batches), last)
    assert got["arrested@2025-06-09"] == got["arrested@2025-06-16"], text


def test_the_shipped_words_and_the_rows_they_mark():
    g = load_rules().learned.guards.repeats
    assert g is not None and {"second", "again", "more", "another"} <= g.words and g.span == 2

    def mark(text: str, trigger: str) -> bool:
        at = text.index(trigger)
        row = {"sentence_text": text, "sentence_start": 0, "trigger": trigger, "trigger_start": at}
        return repeated(row, g.words, g.span, g.not_before)

    assert mark("Police arrested a second journalist.", "arrested")
    assert mark("The neighbour sent more rescue workers.", "sent")
    assert mark("Jets struck dozens more targets.", "struck")
    assert mark("Crowds again blocked the road.", "blocked")
    assert not mark("Police held him for more than 40 hours.", "held")  # a count
    assert not mark("Police arrested the editor at her home, another paper said.", "arrested")  # four words on
    assert not mark("Okoro met Mina Rask again before the talks closed.", "met")  # three words on (round c82's guard)
    assert not mark("A second night of calm followed; police arrested the editor.", "arrested")  # another clause


def test_the_rules_file_checks_the_repeats_section(tmp_path):
    base = {"places": True}
    assert parse_guards({**base, "repeats": False}, "x.yaml").repeats is None
    got = parse_guards({**base, "repeats": {"words": ["again"], "span": 2, "not_before": ["than"]}}, "x.yaml").repeats
    assert got.words == frozenset({"again"}) and got.span == 2 and got.not_before == frozenset({"than"})
    for bad in ({"words": ["again"], "span": 0}, {"words": [], "span": 2}, {"words": ["Again"], "span": 2},
                {"words": ["again"], "span": 2, "other": 1}, ["again"]):
        with pytest.raises(DataFileError):
            parse_guards({**base, "repeats": bad}, "x.yaml")
