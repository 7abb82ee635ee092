"""Round l20 (the lead, from round n44's leftovers): a refusal told with a contraction or as a negated pledge.

1. The tracker's tokenizer splits a contraction's "n't" from its word ("won't" -> "wo" "n't", "doesn’t" -> "does"
   "n't"); until this round "won't" became "won'" and its negation was lost, so "Lisbon won't pay the subsidy" read as
   the payment done.
2. A pledge to refrain ("will not pay ...", which extraction writes as the act "not pay ...") restates no pledge to act
   ("will pay ..."): the two were grouped as one pledge, so the later refusal became a mere restatement and the pledge
   stayed open. Now the refusal is read against the pledge: broken (docs/pledges.md: a refusal by the pledger).
Sentences are our own (no corpus text).
"""

from __future__ import annotations

import pytest

from gaiko.tracking.text import tokenize

from test_newcomer_n43 import _story


@pytest.mark.parametrize("text,want", [
    ("Lisbon won't pay", ["lisbon", "wo", "n't", "pay"]),
    ("Oslo can't wait", ["oslo", "ca", "n't", "wait"]),
    ("Rome doesn’t agree", ["rome", "does", "n't", "agree"]),
    ("It isn't over", ["it", "is", "n't", "over"]),
    # look-alikes: no contraction, a name with an apostrophe, a possessive
    ("Cannot O'Neill the army's", ["cannot", "o'neill", "the", "army"]),
])
def test_contractions_keep_their_negation(text, want):
    assert [t.text for t in tokenize(text)] == want


_PLEDGE = ("2026-03-02", "Portugal will pay the fuel subsidy to fishing crews in the Azores by June, the finance "
                         "minister said on Monday.")


@pytest.mark.parametrize("later", [
    "Portugal won't pay the fuel subsidy to the Azores fishing crews, the finance minister said on Thursday.",
    "Portugal will not pay the fuel subsidy to the Azores fishing crews, the finance minister said on Thursday.",
    "Lisbon said on Thursday it would not pay the fuel subsidy to the fishing crews of the Azores.",
])
def test_a_refusal_breaks_the_pledge(tmp_path, coder, later):
    got = _story(tmp_path, coder, [_PLEDGE, ("2026-04-09", later)])
    first = [e for e in got if not e["action"].startswith("not ")]
    assert len(first) == 1, got
    assert first[0]["status"] == "broken" and "restates" not in first[0]["relations"], got


@pytest.mark.parametrize("later,status", [
    # look-alikes that must not read as a refusal or a deed
    ("Portugal hasn't paid the fuel subsidy to the Azores fishing crews yet, the finance minister said on Thursday.",
     "stalled"),
    ("Portugal has paid the fuel subsidy to the Azores fishing crews, the finance minister said on Thursday.",
     "fulfilled"),
    ("Portugal will pay the fuel subsidy to the Azores fishing crews, the finance minister repeated on Thursday.",
     "open"),
])
def test_other_readings_are_unchanged(tmp_path, coder, later, status):
    got = _story(tmp_path, coder, [_PLEDGE, ("2026-04-09", later)])
    assert [e["status"] for e in got] == [status], got


def test_two_pledges_to_refrain_are_one_pledge(tmp_path, coder):
    got = _story(tmp_path, coder, [
        ("2026-03-02", "Chile will not raise the copper royalty before 2028, the mining minister said on Monday."),
        ("2026-04-09", "Chile will not raise the copper royalty before 2028, the mining minister repeated on Thursday.")])
    assert len(got) == 1 and got[0]["action"].startswith("not "), got


def test_not_until_is_no_refusal(tmp_path, coder):
    # "will not pay ... until the audit is finished" puts the act off on a condition: it still promises it (no pledge to
    # refrain of its own, no refusal)
    got = _story(tmp_path, coder, [_PLEDGE, ("2026-04-09", "Portugal will not pay the fuel subsidy to the Azores "
                                            "fishing crews until the audit of the scheme is finished, officials said.")])
    assert len(got) == 1 and got[0]["status"] != "broken", got
