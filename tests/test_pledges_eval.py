"""Floors of the pledge tracker on whole storyline sets (issue 14): a studied set and a held-out one.

fresh-e was studied in round p25 (errors read); fresh-f was written afterwards by a hand that read no tracker code
and is scored as numbers only (never listed). The floors sit just under what the tracker reached when they were set
(docs/rounds/pledges.md, "Round p25" and the session-four check): a change that loses pledges on either fails here."""
from pathlib import Path

import pytest

from gaiko.evaluate.pledges import evaluate_storylines, load_storylines

PLEDGES = Path(__file__).resolve().parents[1] / "corpora" / "pledges"


@pytest.mark.slow
@pytest.mark.parametrize("name, recall, right", [
    ("fresh-e", 0.93, 0.55),   # studied: recall 0.955, right of all 0.567 (38 of 67)
    ("fresh-f", 0.92, 0.52),   # held out: recall 0.941, right of all 0.544 (37 of 68)
])
def test_storyline_set_floor(coder, name, recall, right):
    folder = PLEDGES / name
    if not folder.is_dir():
        pytest.skip(f"{name} is not in this checkout")
    rep = evaluate_storylines(load_storylines([folder]), coder)
    summary = {k: v for k, v in rep.items() if not isinstance(v, (dict, list))}
    assert rep["pledges"] >= 60, summary
    assert rep["recall"] >= recall and rep["status_right_of_all"] >= right, summary
