"""Round t59 (issue 14), kind B: a held or idle state that has lasted is the pledged act held up. Our own sentences
(invented arenas, ports, plants and pipelines, real country names), with look-alikes.

"The Daugava arena has stood empty since the hockey championships" for a pledge to open it to concerts, "the Kisumu
port has stood idle since the floods", "the Aboadze power plant has lain idle for months", "Kazakhstan's cabinet has
sat on the Altai ridge proposal since March", "plans to carry the Gwadar pipeline to the Iranian border have been
frozen since the floods": the rules read no act in the first four (needs_review; the relation model read such reports
done) and the last, by its cue, as the pledger's withdrawal. A state in the perfect with a stretch of time is the act
held up, ``stalls`` (gaiko/tracking/idlesince.py, pledges/idle_since.yaml; docs/pledges.md, Convention). Look-alikes:
a pledge to shut the plant (the idle state is its deed), the state with no stretch of time, the pledger's own freeze
("froze its plans"), a "since" that tells the state's own start ("since it was built"), another side's state.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("note")) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


ARENA = "Latvia will open the new Daugava arena in Riga to concerts from September, the culture minister said."
PORT = "Kenya will reopen the Kisumu port to cargo ships by March, the transport minister said."
PLANT = "Ghana will restart the Aboadze power plant by March, its energy minister said."
RIDGE = ("Kazakhstan will submit a joint proposal for a nature reserve on the Altai ridge before the summit, its "
         "environment minister said.")
PIPE = "Pakistan will extend the Gwadar pipeline to the Iranian border by 2027, its planning minister said."


@pytest.mark.parametrize("pledge,day,report,verb", [
    (ARENA, "2026-11-20", "The Daugava arena has stood empty since the hockey championships, Latvian officials said.",
     "open"),
    (PORT, "2026-06-20", "The Kisumu port has stood idle since the floods, Kenyan port officials said.", "reopen"),
    (PLANT, "2026-06-20", "Ghana's Aboadze power plant has lain idle for months, officials said.", "restart"),
    (RIDGE, "2026-05-20", "Kazakhstan's cabinet has sat on the Altai ridge proposal since March, officials said.",
     "submit"),
    (PIPE, "2026-05-20", "Pakistan's plans to carry the Gwadar pipeline to the Iranian border have been frozen since "
                         "the floods in March.", "extend"),
])
def test_b_a_lasting_idle_or_held_state_stalls(tmp_path: Path, coder, pledge: str, day: str, report: str,
                                               verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), (day, report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "stalled" for e in mine), _show(entries)


@pytest.mark.parametrize("pledge,report,verb,status", [
    ("Ghana will shut down the Aboadze power plant by March, its energy minister said.",
     "Ghana's Aboadze power plant has lain idle for months, officials said.", "shut", None),
    (PIPE, "Pakistan froze its plans to carry the Gwadar pipeline to the Iranian border in March, the planning "
           "ministry said.", "extend", "withdrawn"),
    (ARENA, "The Daugava arena has stood empty since it was built, Latvian officials said.", "open", None),
])
def test_b_look_alikes_keep_their_reading(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                          status: str | None) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-06-20", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] != "stalled" for e in mine), _show(entries)
    if status:
        assert all(e["status"] == status for e in mine), _show(entries)


def test_b_idle_state() -> None:
    from gaiko.tracking.idlesince import idle_state

    assert idle_state("The arena has stood empty since the Games")[1] == "has stood empty ... since"
    assert idle_state("the cabinet has sat on the proposal since March")[1] == "has sat on ... since"
    assert idle_state("Plans for the corridor have been frozen since the fighting")[1] == "have been frozen ... since"
    assert idle_state("the plant has lain idle for months") is not None
    for text in ("The arena has stood empty", "The government froze the plan in March", "The arena has been open "
                 "since March", "The plant has stood idle since it was built", "the bill sat on the desk"):
        assert idle_state(text) is None, text


def test_b_unit_side_and_undoing_pledges() -> None:
    from gaiko.tracking.clause import Decision, Report
    from gaiko.tracking.clausegrammar import Clause
    from gaiko.tracking.idlesince import idle_since
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.text import tokens_hits

    lex = lexicon()

    def _frame(action: str):
        m = {"action": action, "actor": {"country": "KEN"}, "kind": "promise", "published": "2026-01-10",
             "article_id": "a", "sentence_index": 0, "sentence": action}
        return frame([prepare(m, lex)], lex)

    def _read(f, text: str, d: Decision):
        toks = list(tokens_hits(text)[0])
        return idle_since(f, Report(text=text, published="2026-06-20"), toks, Clause(0, len(toks), [], [], []), d, lex)

    pending = Decision("needs_review", note="about the pledge, no relation read")
    idle = "The Kisumu port has stood idle since the floods."
    assert _read(_frame("reopen the Kisumu port"), idle, pending).relation == "stalls"
    assert _read(_frame("close the Kisumu port"), idle, pending) is None  # the idle state is its deed
    assert _read(_frame("reopen the Kisumu port"), idle, Decision("reverses", cue="refused")) is None
    other = "Ugandan ferries have stood idle at the Kisumu port since the floods."
    assert _read(_frame("reopen the Kisumu port"), other, pending) is None  # another side's state
