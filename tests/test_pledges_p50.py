"""Round p50 (issue 14): a pledge's object told in other words, and a year that starts a past state read as a deadline.
Our own storylines (other countries, domains and words than the corpora). Each kind has cases that fail without its
change and look-alikes or guards that must keep passing.

1. concept families (``concepts.yaml``): a parliament reported as its committee or members, a dam as its
   hydroelectric plant, guidelines as guidance or a code of practice, a tax as a levy or a surcharge;
2. a year after "since" (or "as of", "from" in a background clause) is where a past state began, not the term of the
   pledge ("... the commission, which has set quotas since 1976").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.types import Article
from helpers import pledge_story as _story
from helpers import status_of as _one


# -- 1. the object in other words --------------------------------------------------------------------------------------

_SAME = [
    # a parliament reported as its committee
    ("Peru's energy minister promised on Monday to explain to parliament why the Cusco grid failed before the end of "
     "March.",
     "Copper output rose in February. Peru's energy minister told a congressional panel on March 10 that a faulty "
     "relay had caused the Cusco grid failure.", "explain"),
    # dams reported as a hydroelectric plant
    ("Georgia pledged on Monday to fit its two largest dams with black-start generators by September.",
     "Tbilisi's wine exports rose in the spring. Black-start generators were fitted at the Enguri hydroelectric plant "
     "in August, Georgia's energy ministry said.", "fit"),
    # guidelines reported as guidance
    ("Ireland's data protection commission promised on Monday to publish guidelines on facial recognition in shops by "
     "June.",
     "Dublin's rents rose again in May. Ireland's data protection commission published its guidance on facial "
     "recognition in shops on May 12.", "publish"),
    # a tax reported as a levy
    ("Kenya pledged on Monday to scrap the tax on mobile money transfers by July.",
     "Kenya's tea auctions were firm in June. Kenya abolished the levy on mobile money transfers on June 30, the "
     "treasury said.", "scrap"),
    # a surcharge reported as a tax
    ("Colombia promised on Monday to cut the surcharge on jet fuel by August.",
     "Coffee prices eased in July. Colombia lowered the tax on jet fuel on July 15, the finance ministry said.", "cut"),
]


@pytest.mark.parametrize("pledge, report, verb", _SAME)
def test_object_in_other_words(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


@pytest.mark.parametrize("pledge, report, verb", [
    # another country does it
    ("Kenya pledged on Monday to scrap the tax on mobile money transfers by July.",
     "Kenya's tea auctions were firm in June. Uganda abolished the levy on mobile money transfers on June 30, the "
     "Ugandan treasury said.", "scrap"),
    ("Georgia pledged on Monday to fit its two largest dams with black-start generators by September.",
     "Tbilisi's wine exports rose in the spring. Black-start generators were fitted at Armenia's Sevan hydroelectric "
     "plant in August, the Armenian energy ministry said.", "fit"),
    # the same body does another act with the same family's object
    ("Ireland's data protection commission promised on Monday to publish guidelines on facial recognition in shops by "
     "June.",
     "Dublin's rents rose again in May. Ireland's data protection commission said on May 12 it was still consulting "
     "retailers on a code of practice for loyalty cards.", "publish"),
    # the same family, another doer: a levy on another good by another government
    ("Colombia promised on Monday to cut the surcharge on jet fuel by August.",
     "Coffee prices eased in July. Ecuador lowered its levy on imported cars on July 15.", "cut"),
])
def test_object_in_other_words_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in ("open", "overdue")


@pytest.mark.parametrize("a, b, concept", [
    ("explain to parliament", "told a congressional committee", "o:legislature"),
    ("the bill goes to the Bundestag", "the lawmakers voted", "o:legislature"),
    ("two more dams", "the hydropower station", "o:hydropower"),
    ("publish guidelines", "a code of practice", "o:guidance"),
    ("the digital services tax", "the platform levy", "o:tax"),
])
def test_family_keys(a: str, b: str, concept: str) -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import keys

    lex = lexicon()
    assert concept in keys(a, lex) and concept in keys(b, lex)


@pytest.mark.parametrize("text, concept", [
    ("the White House said", "o:legislature"),   # a house alone is no chamber
    ("the party congress opened", "o:legislature"),
    ("will not rule out talks", "o:guidance"),    # "rule" alone is no guidance
    ("under military rule", "o:guidance"),
])
def test_family_lookalike_words(text: str, concept: str) -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import keys

    assert concept not in keys(text, lexicon())


# -- 2. a year that starts a past state is no deadline ---------------------------------------------------------------

def _deadline(coder, text: str, word: str):
    ps = coder.code_article(Article(text=text, published="2026-03-02")).pledges
    p = next(p for p in ps if word in p.action)
    return p.deadline


@pytest.mark.parametrize("text, word", [
    ("India will retaliate with tariffs if Dhaka builds the dam without the Joint Rivers Commission, which has "
     "overseen the shared rivers since 1972, the minister said.", "retaliate"),
    ("Norway threatened to close its waters to Russian trawlers if Moscow ignored the fisheries commission, which has "
     "set quotas in the Barents Sea as of 1976.", "close"),
    ("Kenya will halt imports of Ugandan sugar if Kampala bypasses the customs union, which has applied common tariffs "
     "from 2005, the ministry said.", "halt"),
])
def test_since_year_is_no_deadline(coder, text: str, word: str) -> None:
    assert _deadline(coder, text, word) is None


@pytest.mark.parametrize("text, word, end, kind", [
    ("Japan will impose duties on Korean steel by 2027 if Seoul keeps its subsidies, the minister said.", "impose",
     "2027-12-31", "by"),
    ("Canada will apply a levy on foreign streaming firms from 2027 onwards, the minister said.", "apply", None, "from"),
    ("Spain pledged to scrap the tax on solar panels, which has applied since 2015, by March.", "scrap", "2026-03-31",
     "by"),
])
def test_future_terms_stay(coder, text: str, word: str, end, kind: str) -> None:
    d = _deadline(coder, text, word)
    assert d is not None and d.end == end and d.kind == kind
