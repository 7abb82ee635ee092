"""Round p50 (issue 14): a pledge's object told in other words, and a year that starts a past state read as a deadline.
Our own storylines (other countries, domains and words than the corpora). Each kind has cases that fail without its
change and look-alikes or guards that must keep passing.

1. concept families (``concepts.yaml``): a parliament reported as its committee, chamber or members, guidelines as
   guidance or a code of practice, a tax as a levy, a surcharge or an excise (a hydropower family was tried and
   dropped: it linked a look-alike on fresh-i);
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
    # guidelines reported as guidance
    ("Ireland's data protection commission promised on Monday to adopt guidelines on facial recognition in shops by "
     "June.",
     "Dublin's rents rose again in March. Ireland's data protection commission adopted its guidance on facial "
     "recognition in shops on March 12.", "adopt"),
    # a tax reported as a levy
    ("Kenya pledged on Monday to scrap the tax on bank loans by July.",
     "Kenya's tea auctions were firm in March. Kenya abolished the levy on bank loans on March 30, the treasury said.",
     "scrap"),
    # a surcharge reported as a tax
    ("Colombia promised on Monday to cut the surcharge on jet fuel by August.",
     "Coffee prices eased in March. Colombia lowered the tax on jet fuel on March 15, the finance ministry said.", "cut"),
    # an excise reported as a tax
    ("Nigeria promised on Monday to scrap the excise on sugary drinks by July.",
     "Oil output rose in March. Nigeria abolished the tax on sugary drinks on March 30, the finance ministry said.",
     "scrap"),
]


@pytest.mark.parametrize("pledge, report, verb", _SAME)
def test_object_in_other_words(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


def _linked(tmp_path: Path, coder, pledge: str, report: str) -> list[str]:
    """The roles of the evidence the one ledger entry links besides the sentence that made it."""
    import json

    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger

    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": pledge},
            {"id": "r0", "published": "2026-04-10", "source": "Wire B", "text": report}]
    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    run_code([str(src)], db=str(tmp_path / "t.duckdb"), quiet=True, coder=coder)
    with Store(str(tmp_path / "t.duckdb"), read_only=True) as st:
        (entry,) = list(ledger(st))
    return [x["role"] for x in entry.get("evidence") or () if x["role"] != "made"]


_PARLIAMENT = [
    ("Peru's energy minister promised on Monday to explain to parliament why the Cusco grid failed before the end of "
     "March.",
     "Copper output rose in February. Peru's energy minister explained the Cusco grid failure to a congressional "
     "committee on March 10."),
    ("Chile's interior minister promised on Monday to brief parliament on the prison riot by March.",
     "Copper output rose in February. Chile's interior minister briefed the Senate on the prison riot on March 10."),
]


@pytest.mark.parametrize("pledge, report", _PARLIAMENT)
def test_parliament_in_other_words_is_linked(tmp_path: Path, coder, pledge: str, report: str) -> None:
    assert _linked(tmp_path, coder, pledge, report)


def test_parliament_lookalike(tmp_path: Path, coder) -> None:
    # another country's minister briefs its senate on the same kind of event
    pledge = "Chile's interior minister promised on Monday to brief parliament on the prison riot by March."
    report = "Copper output rose in February. Argentina's interior minister briefed the Senate on the prison riot."
    assert not _linked(tmp_path, coder, pledge, report)


@pytest.mark.parametrize("pledge, report, verb", [
    # another country does it
    ("Kenya pledged on Monday to scrap the tax on bank loans by July.",
     "Kenya's tea auctions were firm in March. Uganda abolished the levy on bank loans on March 30, the Ugandan "
     "treasury said.", "scrap"),
    # the same government scraps another duty
    ("Kenya pledged on Monday to scrap the tax on bank loans by July.",
     "Kenya's tea auctions were firm in March. Kenya abolished the duty on imported wheat on March 30, the treasury "
     "said.", "scrap"),
    # another government cuts a levy on another good
    ("Colombia promised on Monday to cut the surcharge on jet fuel by August.",
     "Coffee prices eased in March. Ecuador lowered its levy on imported cars on March 15.", "cut"),
    # the same ministry does another act with the same family's object
    ("Ireland's data protection commission promised on Monday to adopt guidelines on facial recognition in shops by "
     "June.",
     "Dublin's rents rose again in March. Ireland's data protection commission said on March 12 it was still "
     "consulting retailers on a code of practice for loyalty cards.", "adopt"),
])
def test_object_in_other_words_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in ("open", "overdue")


@pytest.mark.xfail(strict=True, reason="known (round p50): a family head alone lets another regulator of the same "
                                       "country adopting guidance on another matter read as the deed")
def test_guidance_other_regulator_lookalike(tmp_path: Path, coder) -> None:
    pledge = ("Ireland's data protection commission promised on Monday to adopt guidelines on facial recognition in "
              "shops by June.")
    report = ("Dublin's rents rose again in March. Ireland's media regulator adopted its code of practice for video "
              "platforms on March 12.")
    assert _one(_story(tmp_path, coder, pledge, [report]), "adopt") in ("open", "overdue")


@pytest.mark.parametrize("a, b, concept", [
    ("explain to parliament", "told a congressional committee", "o:legislature"),
    ("the bill goes to the Bundestag", "the lawmakers voted", "o:legislature"),
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
    ("the general assembly voted", "o:legislature"),
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
