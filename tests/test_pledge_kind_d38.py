"""Round d38 (docs/rounds/pledges.md): a pledged sum whose deed is told by the works at its site. Sentences written for
these tests (other countries, sites and wordings than any studied set's). Each case marked "fails on main" fails there.

A pledge of money ("invest $2 billion in a fertiliser plant in Mtwara") has the sum as its object's head, so its topic
is the sum (``o:money``) and the named places of "at", "through" or "via" (``objecthead.place_names``). Reports of the
works ("Construction of the Mtwara plant began in May") name neither the sum nor such a place: never retrieved, or read
"does not name the pledge's object itself". A name right after "in", "at", "near", "into" (or between "the"/"its" and a
common noun: "the Henderson shipyard") in a sum's object is now its site: a place key of the pledge
(``objecthead.sum_places``), so the works there are found and read (progress). Countries, capitals and demonyms are
sides, never sites ("$550 billion in the United States"), and a sum "for" something names a purpose, not a site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.tracking.decide import Report, decide
from gaiko.tracking.lexicon import lexicon
from gaiko.tracking.normalise import frame, prepare
from gaiko.tracking.objecthead import sum_places
from helpers import ledger_entries


def _frame(action, side, *, quantity=None, deadline="2027-12-31", made="2026-02-02"):
    m = {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": "promise",
         "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": quantity,
         "deadline": {"end": deadline} if deadline else None, "published": made}
    return frame([prepare(m)])


def _report(text, sides=(), published="2026-06-02"):
    return Report(text=text, published=published, sides=frozenset(sides), context=frozenset(), actors=())


_USD = {"unit": "USD", "value": 2e9}

# -- the works at the site of a pledged sum are its progress ---------------------------------------------------------------

_WORKS = [
    ("invest $2 billion in a fertiliser plant in Mtwara", "QAT", "Construction of the Mtwara complex began in May.", set()),
    ("spend 400 million euros turning the Nacala wharf into a container terminal", "PRT",
     "Work on the Nacala terminal started in March, the port authority said.", set()),
    ("invest $3 billion in a data centre near Kisumu", "ARE", "Builders have broken ground on the site outside Kisumu.",
     set()),
]


@pytest.mark.parametrize("action, side, text, sides", _WORKS)
def test_works_at_the_site_of_a_sum_are_progress(action, side, text, sides):  # fails on main (unrelated)
    got = decide(_frame(action, side, quantity=_USD), _report(text, sides=sides))
    assert got.relation == "progresses", (got.relation, got.note)


def test_the_site_keys_the_sum():  # fails on main (topic o:money alone)
    f = _frame("invest $2 billion in a fertiliser plant in Mtwara", "QAT", quantity=_USD)
    assert "mtwara" in f.topic and "mtwara" in f.heads


def test_unit_sum_places():
    lex = lexicon()
    assert sum_places("$2 billion in a fertiliser plant in Mtwara", lex) == {"mtwara"}
    assert sum_places("A$5 billion turning the Henderson shipyard into a base", lex) == {"henderson"}
    # sides are no sites; a purpose ("for"), a receiver ("to") or a month is none either
    assert sum_places("$550 billion in the United States at Washington's direction", lex) == set()
    assert sum_places("500 million euros for American missiles for Ukraine", lex) == set()
    assert sum_places("10 million dollars to the Kigali fund in March", lex) == set()
    assert sum_places("its $400 million Islamic bond in full", lex) == set()


# -- look-alikes: what must stay as on main ---------------------------------------------------------------------------------

def test_guard_a_sum_to_a_country_keys_no_site():
    f = _frame("invest $550 billion in the United States", "JPN", quantity=_USD)
    assert sorted(k for k in f.topic if ":" not in k) == []


def test_guard_the_site_in_another_matter():
    # the site named, no works and no deed: not read as the pledge's progress
    got = decide(_frame("invest $2 billion in a fertiliser plant in Mtwara", "QAT", quantity=_USD),
                 _report("Fishermen in Mtwara protested against the new harbour rules on Friday."))
    assert got.relation not in ("fulfils", "partial", "progresses"), (got.relation, got.note)


def test_guard_another_pledge_keeps_in_out():
    # "in" names an area for a pledge that is no sum ("an embassy in X"): no site key (objecthead.place_names)
    f = _frame("open an embassy in Lilongwe", "IRL")
    assert "lilongw" not in f.heads


# -- the whole path: stored articles, the ledger ------------------------------------------------------------------------------

def _story(tmp_path: Path, coder, pledge: str, reports: list[str]) -> list[dict]:
    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": pledge}]
    arts += [{"id": f"r{k}", "published": f"2026-0{4 + k}-1{k}", "source": "Wire B", "text": text}
             for k, text in enumerate(reports)]
    return ledger_entries(tmp_path, coder, arts)


def _one(entries: list[dict], verb: str) -> dict:
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert len(mine) == 1, [(e["action"], e["status"]) for e in entries]
    return mine[0]


def test_story_works_at_the_site(tmp_path: Path, coder) -> None:  # fails on main (open, no evidence)
    entries = _story(tmp_path, coder,
                     "Qatar will invest $2 billion in a fertiliser plant in Mtwara by 2028, its energy minister said.",
                     ["Construction of the Mtwara complex began on Monday, the contractor said."])
    e = _one(entries, "invest")
    assert e["status"] == "in_progress", (e["status"], [(x["role"], x.get("relation")) for x in e["evidence"]])


def test_story_guard_other_news_of_the_site(tmp_path: Path, coder) -> None:
    entries = _story(tmp_path, coder,
                     "Qatar will invest $2 billion in a fertiliser plant in Mtwara by 2028, its energy minister said.",
                     ["Fishermen in Mtwara protested against the new harbour rules on Friday."])
    assert _one(entries, "invest")["status"] == "open"
