"""Round t43: pledge kinds left from rounds b39 (F5, F6), t42 (its "Left:") and d38 (cause X). Our own sentences of
each kind (other countries, topics and wordings), never the newcomer's or gold's, with look-alikes that keep main's
reading.

K1. The passive of an irregular participle spelled as its base ("would be put off", "has been set aside", "were
    cut", "is being shut") was not read as a passive by `clausegrammar.aspect` (WordNet's irregular forms list only
    forms that differ from the base), so the subject of such a passive was taken as the one acting and the report
    dropped; round t42 had guarded one place in `clause.read_clause` with a form of "be" right before the cue. Such a
    verb after a form of "be" or "have" is now a participle (``same_participle`` in ``pledges/clause_words.yaml``),
    and the guard is gone.
K2. Another side's delay ("Washington delayed the chip tariffs") stalled pledges of other sides that name it (a
    retaliation against those tariffs): a stall cue let another side through the "another side acts" check. As with
    round t42's F1 for a pause, another side's delay of its own act (a stall cue that puts off or calls off, the
    ``called_off`` verbs; `calledoff.puts_off`) stalls no pledge of another pledger; the pledger's own delay still
    stalls, and talks put off by the other party still stall (round t36).
K4. One decision, two outlets: "X agreed to pause the tariffs on Y for 90 days" and "X will delay its planned tariffs
    on Y for three months" were two pledges, each read as the other's stall ("delay", a stall cue) or withdrawal
    ("pause", a withdrawal cue). A pause or delay of one's own measure is a pledge not to apply it for the period:
    with a pledge whose verb is one of ``pause_verbs`` a cue of the same kind is the pledge told again
    (`calledoff.pause_retold`: restates), the two share one act when mentions are grouped (`link._signature`), and
    two durations ending within three days ("for 90 days", "for three months") are one period, no revision
    (`status._same_span`). A pledge to impose the tariffs is still stalled or withdrawn by their delay.
K6. The purpose infinitive after a step noun ("will introduce a bill to ratify the accord", "put forward legislation
    to scrap the levy", "table a motion to suspend the concession") was cut from the action (the parser hangs it on
    the verb as ``advcl`` or on the noun as ``relcl``, which the action's own tokens leave out), and a pledge that kept
    it was read by its step verb, so the ratification or scrapping read as nothing or as a withdrawal. The extractor
    keeps the purpose after a ``step_nouns`` object (`pledge_action._purpose`), and the tracker reads such a pledge's
    act and object from the purpose (`purpose.step_purpose`, `normalise._acting`). "Will introduce a bill next week"
    (no purpose) keeps main's reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": f"Wire {k}", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"]["country"], e["action"], e["status"], e["status_reason"]) for e in entries]


def _status(entries: list[dict], side: str, verb: str) -> str:
    got = [e["status"] for e in entries if e["actor"]["country"] == side and e["action"].startswith(verb)]
    assert got, _show(entries)
    return got[0]


# -- K1: the passive of an irregular participle ------------------------------------------------------------------------

@pytest.mark.parametrize("text,word,passive,perfect", [
    ("Work on the dam would be put off for now.", "put", True, False),
    ("The dam has been set aside.", "set", True, True),
    ("The port fees were cut last week.", "cut", True, False),
    ("The smelter is being shut.", "shut", True, False),
    ("The convoy was held up at the border.", "held", True, False),
    ("Namibia has cut the port fees.", "cut", False, True),
    # look-alikes: the base form after a modal or "to" is no participle
    ("Namibia will cut the port fees.", "cut", False, False),
    ("Namibia plans to set up a fund.", "set", False, False),
])
def test_k1_aspect_reads_a_base_spelled_participle(text: str, word: str, passive: bool, perfect: bool) -> None:
    from gaiko.tracking.clausegrammar import aspect
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import analyse

    toks = analyse(text)[0]
    asp = aspect(toks, [t.text for t in toks].index(word), 0, lexicon())
    assert (asp["passive"], asp["perfect"]) == (passive, perfect), asp


_K1_STORIES = [  # (pledge, later report, side, verb, status)
    ("Malawi will build a power line to Zambia by 2027, Energy Minister Ibrahim Matola said.",
     "Malawi's energy ministry said the power line to Zambia had been formally set aside.", "MWI", "build", "withdrawn"),
    ("Tanzania will cut the transit fee on Kenyan trucks by half in June, the finance minister said.",
     "The transit fee on Kenyan trucks was cut by half on Monday, Tanzania's finance ministry said.", "TZA", "cut",
     "fulfilled"),
    ("Vietnam will shut the border crossing with Cambodia at Moc Bai by July, officials said.",
     "The Moc Bai crossing to Cambodia was shut on Friday, Vietnamese officials said.", "VNM", "shut", "fulfilled"),
    # look-alikes that keep main's reading: a regular participle; another side's own act in the active voice
    ("Nepal will set up a joint border commission with India by June, the foreign minister said.",
     "The joint border commission with India has been set up, Nepal's foreign ministry said.", "NPL", "set", "fulfilled"),
    ("Tanzania will cut the transit fee on Kenyan trucks by half in June, the finance minister said.",
     "Uganda cut the transit fee on Kenyan trucks by half on Monday.", "TZA", "cut", "open"),
]


@pytest.mark.parametrize("pledge,report,side,verb,status", _K1_STORIES)
def test_k1_passive_of_irregular_participle(tmp_path: Path, coder, pledge: str, report: str, side: str, verb: str,
                                           status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-06-10", report)]))
    assert _status(entries, side, verb) == status, _show(entries)


# -- K2: another side's delay stalls nothing of the pledger's -------------------------------------------------------

_K2_STORIES = [  # (pledge, later report, side, verb, status)
    ("Malaysia will impose retaliatory tariffs on U.S. goods if Washington goes ahead with its chip tariffs, the trade "
     "minister said.", "Washington delayed the chip tariffs on Tuesday.", "MYS", "impose", "open"),
    ("Brazil will take China to the WTO over the poultry ban, the agriculture minister said.",
     "China delayed the poultry ban on Brazil by two months.", "BRA", "take", "open"),
    # look-alikes that keep main's reading: the pledger's own delay stalls, in the active and the passive
    ("Brazil will take China to the WTO over the poultry ban, the agriculture minister said.",
     "Brazil delayed its WTO case against China over the poultry ban.", "BRA", "take", "stalled"),
    ("Kenya will impose a 20% levy on Ugandan sugar from April, the trade minister said.",
     "Kenya delayed the levy on Ugandan sugar on Tuesday.", "KEN", "impose", "stalled"),
    ("Kenya will impose a 20% levy on Ugandan sugar from April, the trade minister said.",
     "The levy on Ugandan sugar has been delayed by Kenya's treasury.", "KEN", "impose", "stalled"),
]


@pytest.mark.parametrize("pledge,report,side,verb,status", _K2_STORIES)
def test_k2_another_sides_delay_stalls_nothing(tmp_path: Path, coder, pledge: str, report: str, side: str, verb: str,
                                               status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-03-20", report)]))
    assert _status(entries, side, verb) == status, _show(entries)


def test_k2_puts_off_words() -> None:
    from gaiko.tracking.calledoff import puts_off
    from gaiko.tracking.lexicon import lexicon

    lex = lexicon()
    assert puts_off("delayed", lex) and puts_off("postponed", lex) and puts_off("deferred", lex)
    assert not puts_off("stalled", lex) and not puts_off("blocked", lex) and not puts_off("pushed", lex)
# -- K4: one pause told by two outlets is one pledge, neither cancels the other ---------------------------------------

_PAUSE_A = "Japan agreed on Tuesday to pause the 25% tariffs on Korean steel for 90 days."
_PAUSE_B = "Japan will delay its planned tariffs on Korean steel for three months."


@pytest.mark.parametrize("first,second", [(_PAUSE_A, _PAUSE_B), (_PAUSE_B, _PAUSE_A)])
def test_k4_one_pause_two_outlets(tmp_path: Path, coder, first: str, second: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", first), ("2026-03-03", second)]))
    mine = [e for e in entries if e["actor"]["country"] == "JPN"]
    assert len(mine) == 1, _show(entries)
    assert mine[0]["status"] == "open", _show(entries)


def test_k4_suspend_and_postpone_stall_nothing(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "The European Union agreed to suspend its duties on Turkish cars for six months."),
        ("2026-03-02", "Brussels will postpone its planned duties on Turkish cars until September.")]))
    assert entries and all(e["status"] == "open" for e in entries), _show(entries)


@pytest.mark.parametrize("report,status", [  # look-alikes that keep main's reading: a pledge to impose, then delayed
    ("Japan will delay the tariffs on Korean steel for three months.", {"stalled", "withdrawn"}),
    ("Japan agreed on Tuesday to pause the tariffs on Korean steel for 90 days.", {"withdrawn"}),
])
def test_k4_a_pledge_to_impose_is_still_put_off(tmp_path: Path, coder, report: str, status: set[str]) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        ("2026-03-02", "Japan will impose 25% tariffs on Korean steel from April, the trade minister said."),
        ("2026-03-20", report)]))
    assert _status(entries, "JPN", "impose") in status, _show(entries)


def test_k4_same_span() -> None:
    from gaiko.tracking.status import _same_span

    a = {"start": "2026-03-02", "end": "2026-05-30", "granularity": "duration"}
    assert _same_span(a, {"start": "2026-03-03", "end": "2026-06-01", "granularity": "duration"})
    assert not _same_span(a, {"start": "2026-03-03", "end": "2026-08-31", "granularity": "duration"})
    assert not _same_span(a, {"start": "2026-03-03", "end": "2026-05-31", "granularity": "month"})
# -- K6: the purpose of a step is the pledge's deed -------------------------------------------------------------------

_K6_STORIES = [  # (pledge, later report, side, action, status)
    ("Thailand's government will introduce a bill to ratify the fisheries accord with Cambodia next month, the "
     "foreign minister said.", "Thailand ratified the fisheries accord with Cambodia on Friday.", "THA",
     "introduce a bill to ratify the fisheries accord with Cambodia", "fulfilled"),
    ("Nigeria will put forward legislation to scrap the import levy on rice, the finance minister said.",
     "Nigeria scrapped the import levy on rice on Monday.", "NGA", "put forward legislation to scrap the import levy on "
     "rice", "fulfilled"),
    ("The Greek government will table a motion to suspend the port concession to the Chinese operator, the minister "
     "said.", "Greece suspended the port concession to the Chinese operator on Monday.", "GRC",
     "table a motion to suspend the port concession to the Chinese operator", "fulfilled"),
    # look-alike that keeps main's reading: a bill with no purpose
    ("Kenya's government will introduce a bill next week, the finance minister said.",
     "Kenya introduced the bill on Monday.", "KEN", "introduce a bill", "partially_fulfilled"),
]


@pytest.mark.parametrize("pledge,report,side,action,status", _K6_STORIES)
def test_k6_the_purpose_of_a_step(tmp_path: Path, coder, pledge: str, report: str, side: str, action: str,
                                  status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-05-10", report)]))
    mine = [e for e in entries if e["actor"]["country"] == side]
    assert [(e["action"], e["status"]) for e in mine] == [(action, status)], _show(entries)


@pytest.mark.parametrize("action,purpose", [
    ("introduce a bill to ratify the fisheries accord", "ratify the fisheries accord"),
    ("put forward legislation to scrap the import levy", "scrap the import levy"),
    ("introduce a bill", None),
    ("send troops to Mali", None),
    ("send the bill to parliament", None),
])
def test_k6_step_purpose(action: str, purpose: str | None) -> None:
    from gaiko.tracking.purpose import step_purpose

    assert step_purpose(action) == purpose
