"""Round p66 (issue 14): a term that closes the promise's sentence but that the parser hangs on a clause inside the
object ("will introduce a bill to ratify the treaty before the end of the year": "before" hung on "ratify") is the
pledge's deadline; before, the pledge had none, never fell overdue and never read a late deed as late. Our own
sentences (other places, acts and objects than any gold or corpus sentence), several constructions of the kind, and
look-alikes whose deadline must stay as it was: a clause with a time of its own (a modal, the past, the perfect, a
negation), a phrase in "in"/"from"/"since" (the inner clause's own time), a term that does not close the clause, a
term in the act's own clause (read as before), another statement's term.

All sentences are coded in one batch (one module-scoped call), as CI time asks.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2026-03-10"

#: sentence -> (the pledge's action, the deadline's end or None)
CASES: dict[str, tuple[str, str | None]] = {
    # the kind: a purpose infinitive of the object ("a bill to ratify ...")
    "Portugal will introduce a bill to ratify the fisheries treaty before the end of the year, the minister said.":
        ("introduce a bill to ratify the fisheries treaty", "2026-12-31"),
    # a relative clause of the object, in the present ("a fund that helps ... adapt")
    "Chile is to pay 50 million pesos into a UN fund that helps small islands adapt by September 30, its ministry "
    "said.": ("pay 50 million pesos into a UN fund", "2026-09-30"),
    # the complement clause of "make it a crime to ..."
    "Kenya will make it a crime to sell counterfeit seeds by the end of the year, the ministry said.":
        ("make it a crime to sell counterfeit seeds", "2026-12-31"),
    # the complement of "help X set up ..."
    "Brazil will help Bolivia set up a border monitoring office by the end of next year, a fact sheet said.":
        (None, "2027-12-31"),
    # look-alikes: a modal, the past, the perfect, a negation in the inner clause tell its own time
    "Spain will back a plan that would cut emissions by 2030, the minister said.": ("back a plan", None),
    "Chile will join a fund that paid out its first grants by March, the ministry said.": ("join a fund", None),
    "Peru will buy a plant that has produced vaccines by the million, the ministry said.": ("buy a plant", None),
    "Oman will back a court that does not rule on cases by June, the minister said.": ("back a court", None),
    # a condition others must meet, with its own term
    "Zambia threatened to cancel the permits of traders that fail to file their returns within 30 days.":
        ("cancel the permits of traders", None),
    # a phrase in "in" or "since": the inner clause's own time
    "Ghana will ratify a treaty that takes effect in March, officials said.": ("ratify a treaty", None),
    # the term does not close the clause ("... by 2027 and build schools")
    "Peru will fund a programme to train teachers by 2027 and build schools, officials said.":
        ("fund a programme", None),
    # the act's own term is read as before (a purpose infinitive the parser hangs as "acl" was the act's already)
    "Ghana will send a team to audit the port accounts within 60 days, the finance ministry said.":
        ("send a team", "2026-05-09"),
    "Norway will publish new fishing rules by June, the ministry said.": ("publish new fishing rules", "2026-06-30"),
    # another statement's term stays with it: the leaders' own promise, not Japan's hosting
    "Japan will host a summit with leaders who said they would sign a deal by June, officials said.":
        ("host a summit with leaders", None),
}


@pytest.fixture(scope="module")
def pledges(coder) -> dict[str, list]:
    from gaiko.types import Article

    texts = list(CASES)
    res = coder.code_articles([Article(text=t, published=PUBLISHED) for t in texts])
    return {t: list(r.pledges) for t, r in zip(texts, res)}


@pytest.mark.parametrize("text", list(CASES))
def test_deadline_of_the_act(pledges: dict[str, list], text: str) -> None:
    action, end = CASES[text]
    ps = [p for p in pledges[text] if action is None or p.action == action]
    assert ps, [p.action for p in pledges[text]]
    got = ps[0].deadline.end if ps[0].deadline else None
    assert got == end, (ps[0].action, ps[0].deadline)


def test_switched_off_gives_no_inner_term(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kind's switch: off, the closing term of an inner clause is not read (the act's own clause alone)."""
    from gaiko.pipeline import pledge_closing

    monkeypatch.setattr(pledge_closing, "enabled", lambda: False)
    assert pledge_closing.closing_term(_Stub(), lambda v: [("by June", 0, 7)]) == []


class _Stub:
    children: tuple = ()


def test_units() -> None:
    from gaiko.tables import word_sets

    words = word_sets("pledges/closing_terms.yaml")
    assert {"by", "before", "within"} <= words["closing_words"]
    assert not {"in", "from", "until", "since", "over", "for"} & words["closing_words"]
    assert {"would", "will", "has", "had"} <= words["own_time_auxiliaries"]
    assert "fail" in words["condition_verbs"] and "say" in words["say_verbs"]


def test_ledger_reads_the_term(coder) -> None:
    """Through the ledger: the pledge whose term closes its sentence inside the object falls overdue when no report
    tells it done by then; the look-alike whose inner clause has a time of its own (a modal) stays open."""
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text="Kenya will make it a crime to sell counterfeit seeds by the end of the year, the agriculture "
                         "ministry said on Tuesday. Spain will back a plan that would cut emissions by 2030, its "
                         "minister said.", published="2025-03-10", title="Seeds"),
            Article(text="Kenyan farmers planted maize across the Rift Valley after the long rains, officials said.",
                    published="2026-03-20", title="Maize")]
    store = gaiko.open(":memory:")
    try:
        store.write_coded(list(coder.code_articles(arts)), None)
        update_ledger(store, "2026-03-20")
        got = {e["action"]: e["status"] for e in ledger(store, as_of="2026-03-20")}
    finally:
        store.close()
    assert got.get("make it a crime to sell counterfeit seeds") == "overdue", got
    assert got.get("back a plan") == "open", got
