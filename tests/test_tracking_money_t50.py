"""Round t50: a kept promise of money whose deciding report names the sum in other words. A pledge whose object's head
is money ("pay its budget dues", "pay 300 million euros towards ...") is also retrieved by a report naming the aid,
the spending or the investment (``money_kin`` in pledges/money_verbs.yaml, which choose.py already read as naming the
sum), so a report with no amount is linked, but only beside another word of the pledge's object (link.py
``_kin_needs``): another matter's aid stays out. Our own storylines (invented agencies and sums)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

_DUES = "GENEVA — Norway's government pledged on Monday to pay its 2026 dues to the Alpine Water Agency in full by May."
_GIVE = ("VIENNA — Austria promised on Monday to pay 300 million euros towards the rebuilding of Moldova's rail network "
         "by 2027.")

_READ = [
    # the dues told as the assessment paid: a budget contribution (spending), no amount
    (_DUES, "Norway paid its 2026 budget contribution to the Alpine Water Agency in full in April, the agency said.",
     "pay"),
    # the sum told as the aid disbursed, no amount
    (_GIVE, "Austrian aid for the rebuilding of Moldova's rail network was disbursed in full in March, Austrian "
            "officials said.", "pay"),
]


@pytest.mark.parametrize("pledge,report,verb", _READ)
def test_money_told_in_other_words_is_linked(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] in _DONE, (e["status"], e["status_reason"], e["evidence"])


_LOOKALIKES = [
    # another party's payment
    (_DUES, "Sweden paid its 2026 budget contribution to the Alpine Water Agency in full in April, the agency said.",
     "pay"),
    # the same doer's spending on another thing
    (_GIVE, "Austrian aid for flood victims in Romania was disbursed in full in March, Austrian officials said.",
     "pay"),
    # the plan restated
    (_GIVE, "Austria said again on Tuesday that its aid for Moldova's rail network would be paid by 2027.", "pay"),
]


@pytest.mark.parametrize("pledge,report,verb", _LOOKALIKES)
def test_money_lookalikes_stay_out(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] not in ("fulfilled", "partially_fulfilled"), (e["status"], e["status_reason"], e["evidence"])


def test_money_pledge_topic_takes_its_kin() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()
    m = prepare({"action": "pay 40 million dollars to the agency", "object": "40 million dollars",
                 "quantity": {"unit": "USD"}, "actor": {"country": "NOR"}, "kind": "promise", "article_id": "a",
                 "sentence_index": 0, "published": "2026-01-05"}, lex)
    assert {"o:money", "o:spending", "o:aid", "o:investment"} <= frame([m], lex).topic
