"""Round x24 (issue 14): pledge extraction kinds left by round x23 and newcomer b47. Our own sentences (other places
and acts than any gold or corpus sentence), with look-alikes that must not change.

Q. "We will be able to ACT" inside a quote by the pledger's official ('"We will be able to reopen the crossing by
   June," Kenya's interior minister told reporters'): the official's side's promise, as round x23's reported form
   ("Malawi said it would be able to ...") is. The verb of saying is found from the "be" (the act hangs on "able").
   A condition, a negation, a quoted "would" (a condition in the speaker's own words), a quoted "they" (others) and
   a speaker who speaks for no side (an economist) stay none.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows

# ---------------------------------------------------------------------------------------------------------- Q
QUOTED_ABLE = [
    ('"We will be able to reopen the Malaba crossing by June," Kenya\'s interior minister told reporters.',
     ("KEN", "reopen the Malaba crossing")),
    ('Zambia\'s finance minister said: "We will be able to clear the fuel arrears by March."',
     ("ZMB", "clear the fuel arrears")),
]


@pytest.mark.parametrize("text,row", QUOTED_ABLE)
def test_q_quoted_we_will_be_able_is_the_officials_promise(coder, text: str, row: tuple) -> None:
    assert [(r[0], r[2]) for r in pledge_rows(coder, text)] == [row]


QUOTED_ABLE_NOT = [
    '"We will be able to reopen the Malaba crossing if the rains stop," Kenya\'s interior minister told reporters.',
    '"We will not be able to clear the fuel arrears by March," Zambia\'s finance minister said.',
    '"We would be able to clear the fuel arrears by March," Zambia\'s finance minister said.',  # a quoted condition
    '"They will be able to repay the loan by 2028," the IMF\'s mission chief said.',  # others
    '"We will be able to see the first results by June," an economist at Standard Bank said.',  # no side's official
]


@pytest.mark.parametrize("text", QUOTED_ABLE_NOT)
def test_q_quoted_able_look_alikes_stay_none(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
