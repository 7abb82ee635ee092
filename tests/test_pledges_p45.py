"""Round p45: deciding reports the tracker did not reach because the pledge's topic lost its own noun (issue 14).
Our own storylines (other countries, domains and words than the corpora). Each kind has cases that fail without
its change and look-alikes or guards that must keep passing.

1. a past participle after the object's noun ("manuscripts looted from", "tablets linked to", "masks taken from")
   was read as the head, so a report naming the noun ("the manuscripts") did not name the object;
2. money named elsewhere in the object ("hearings on the permit before deciding whether to grant it", "a bill to
   fine banks up to 20 million euros") replaced a plain head: only reports of money were read;
3. the crude stem kept a final e in the singular only ("statue"/"statues", "guideline"/"guidelines"), so the
   singular in a report missed a plural in the pledge.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one


# -- 1. a participle after the noun is not the head -------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Austria pledged on Monday to return 30 manuscripts looted from Magdala in 1868 to Ethiopia by June.",
     "Ethiopia's tourism figures rose again in the spring. Austria handed back the 30 manuscripts to Ethiopia on "
     "May 20, the culture ministry said.", "return"),
    ("Denmark promised on Tuesday to return the drums taken from Ghana's Asante court by July.",
     "Ghana's cocoa output recovered in the second quarter. Denmark returned the drums to the Asante king on "
     "June 12, Danish officials said.", "return"),
])
def test_participle_is_not_the_head(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


@pytest.mark.parametrize("pledge, report, verb", [
    # the same country hands back other things
    ("Austria pledged on Monday to return 30 manuscripts looted from Magdala in 1868 to Ethiopia by June.",
     "Ethiopia's tourism figures rose again in the spring. Vienna handed back two bronze crosses to Ethiopia on "
     "May 20, the culture ministry said.", "return"),
    # another country hands back manuscripts
    ("Austria pledged on Monday to return 30 manuscripts looted from Magdala in 1868 to Ethiopia by June.",
     "Ethiopia's tourism figures rose again in the spring. Britain handed back four manuscripts to Ethiopia on "
     "May 20, the British Library said.", "return"),
])
def test_participle_lookalikes(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in ("open", "overdue")


# -- 2. money elsewhere in the object is not its head -----------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Chile's environment agency promised on Monday to hold public hearings on the lithium permit before deciding "
     "whether to grant it.",
     "Copper prices slid on Thursday. Officials from Chile's environment agency took questions on the lithium permit "
     "at public hearings in Antofagasta on Tuesday.", "hold"),
])
def test_money_elsewhere_keeps_the_head(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


def test_money_head_keys() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import prepare

    lex = lexicon()
    m = {"action": "hold public hearings on the lithium permit before deciding whether to grant it", "verb": "hold",
         "actor": {"country": "CHL"}, "kind": "promise", "article_id": "a", "sentence_index": 0}
    assert "o:money" not in prepare(m, lex)["_heads"]
    # guard: a pledge of money keeps money as its head
    m2 = {"action": "disburse the second tranche of 300 million euros", "verb": "disburse", "actor": {"country": "CHL"},
          "kind": "promise", "article_id": "a", "sentence_index": 0, "quantity": {"unit": "EUR", "value": 3e8}}
    assert "o:money" in prepare(m2, lex)["_heads"]


# -- 3. a final e ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("bronze", "bronzes"), ("guideline", "guidelines"), ("statue", "statues"),
                                  ("licence", "licences"), ("committee", "committees")])
def test_stem_final_e(a: str, b: str) -> None:
    from gaiko.tracking.text import stem

    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [("gate", "gates"), ("tax", "tax"), ("seed", "seeds")])
def test_stem_guards(a: str, b: str) -> None:
    from gaiko.tracking.text import stem

    assert stem(a) == stem(b)


def test_plural_pledge_singular_report(tmp_path: Path, coder) -> None:
    pledge = "Portugal pledged on Monday to return 14 ivory statues seized from Mozambique to Maputo by July."
    report = ("Mozambique's central bank held rates on Thursday. Lisbon handed back every ivory statue to Mozambique "
              "on June 30, the culture ministry said.")
    assert _one(_story(tmp_path, coder, pledge, [report]), "return") == "fulfilled"
