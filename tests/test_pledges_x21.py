"""Round x21 (issue 14): kinds rounds x19 and x20 left. Our own sentences (other places and acts than any gold or
corpus sentence), with look-alikes that must not become pledges.

N. A company name the tagger takes for a common noun ("Tullow is set to drill ...", the headline "Eramet to reopen
   ..."): a capitalised subject that neither WordNet nor the type model's lemma clusters know is a name, as a PROPN
   subject is. Known capitalised words ("Inflation", "Cocoa") stay things, and an unknown word whose verb says what is
   foreseen for it ("Mpox is set to spread") stays no pledger.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows


# ---------------------------------------------------------------------------------------------------------- N
NAMES = [
    ("Tullow is set to drill two more wells off Ghana by June.", "Tullow", "drill two more wells"),
    ("Eramet to reopen its manganese mine in Gabon by May", "Eramet", "reopen its manganese mine"),
    ("Eramet is set to reopen its manganese mine in Gabon by May.", "Eramet", "reopen its manganese mine"),
]


def _actors(coder, text: str) -> list[tuple[str, str]]:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published="2026-09-14")])
    return [(p.actor.text, p.action) for p in res.pledges]


@pytest.mark.parametrize("text,actor,action", NAMES)
def test_n_unknown_company_name_is_the_pledger(coder, text: str, actor: str, action: str) -> None:
    got = _actors(coder, text)
    assert len(got) == 1 and got[0][0] == actor and got[0][1].startswith(action), got


NAMES_NOT = [
    "Mpox is set to spread to Kenya by March.",  # an unknown word, its course foreseen: no pledger
    "Inflation will ease by March.",  # a known word, capitalised at the start
    "Cocoa is set to climb further next week.",
    "The rain is set to move east.",
]


@pytest.mark.parametrize("text", NAMES_NOT)
def test_n_look_alikes_stay_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
