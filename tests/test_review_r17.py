"""Review r17 of session seventeen's merges (rounds b19, c46, p55). Our own sentences, none from a corpus.

1. p55's "thing's future, vouched for" fired on forecasts: a quantity's or a natural course's future said by an
   official ("inflation will fall below 3% by June, the governor said") was the official's pledge. A verb of a trend
   (``trend_verbs`` in gaiko/data/pledges/modal_forms.yaml) is never vouched for.
2. p55's "negated modal pledges to refrain" let a bare conditional "would" through ("Chile would not agree to cut
   tariffs unless Peru did the same" gave an agreement "not cut tariffs"): a bare "would" (no speaker) stays a
   conditional, as find_cues already treats it.
3. learnedwork.py (435 lines) gave its pair scoring to gaiko/clusters/learnedscores.py (same code, a mixin).
"""

from __future__ import annotations

import pytest

from test_pledges_p55 import _pledges, _show


FORECASTS = [
    "Inflation will fall below 3% by June, the central bank governor said.",
    "The storm will reach the coast of Luzon by Friday, the weather agency said.",
    "The economy will grow by 4% this year, Finance Minister Kojo Mensah said.",
    "Copper prices will rise sharply next year, the mining ministry said.",
    "The river will burst its banks within days, Governor Alvarez warned.",
]

CONDITIONALS = [
    "Chile would not agree to cut tariffs unless Peru did the same.",
    "Morocco would not seek to extend the fishing quota if sardine stocks kept shrinking.",
]


@pytest.mark.parametrize("text", FORECASTS + CONDITIONALS)
def test_forecasts_and_bare_conditionals_give_no_pledge(coder, text):
    got = _pledges(coder, text)
    assert got == [], _show(got)


VOUCHED = [
    ("The new border crossing will open by October, the interior minister said.", "minister",
     "open"),
    ("Denmark would not seek to reopen the quota deal, the fisheries minister said.", "Denmark", "not reopen"),
]


@pytest.mark.parametrize("text, actor, action", VOUCHED)
def test_vouched_futures_and_spoken_refrains_still_pledge(coder, text, actor, action):
    got = _pledges(coder, text)
    assert any(actor in p.actor.text and p.action.startswith(action) for p in got), _show(got)


def test_trend_verbs_are_data():
    from gaiko.tables import word_sets

    trend = word_sets("pledges/modal_forms.yaml")["trend_verbs"]
    assert {"fall", "rise", "grow", "reach"} <= trend and "open" not in trend


def test_the_worklist_scores_pairs_through_its_own_module():
    from pathlib import Path

    import gaiko.clusters.learnedwork as lw
    from gaiko.clusters.learnedscores import PairScores

    assert issubclass(lw.Worklist, PairScores) and "bests" not in lw.Worklist.__dict__
    assert len(Path(lw.__file__).read_text(encoding="utf-8").splitlines()) <= 400
