"""Round t62, kind T: the pledge's own thing is no side doing the act. The coder resolves words of a pledge's object as
actors and places them ("the embassy in Quito" in Ecuador); decide's "who"
step read the pledger's deed as that side's ("ECU does the act, not the pledge's actor"). An actor whose words are all
the object's, with no country the pledge does not name, is now no subject; another side doing the same deed still is.
Our own storylines (gaiko/tracking/objectactor.py, from clausememo.subject_for; switch in
pledges/object_actor.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries, one_entry

_DONE = ("fulfilled", "partially_fulfilled", "in_progress", "withdrawn", "stalled", "broken")

_QUITO = "MEXICO CITY — Mexico pledged on Monday to reopen its embassy in Quito."
_BENGHAZI = "ROME — Italy pledged on Monday to reopen its consulate in Benghazi."
_JETS = "HANOI — Vietnam pledged on Monday to buy 50 Boeing aircraft for its national carrier."


def _entry(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> dict:
    arts = [{"id": "p1", "published": "2025-03-03", "source": "Wire A", "text": pledge},
            {"id": "r1", "published": "2025-09-15", "source": "Wire B", "text": report}]
    return one_entry(ledger_entries(tmp_path, coder, arts), verb)


_READ = [
    (_QUITO, "Mexico's foreign ministry said the embassy in Quito reopened on Friday.", "reopen", ("fulfilled",)),
    (_BENGHAZI, "Italy's foreign ministry said the consulate in Benghazi reopened on Friday.", "reopen",
     ("fulfilled",)),
]


@pytest.mark.parametrize("pledge,report,verb,status", _READ)
def test_the_pledges_own_thing_is_no_other_side(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                                status: tuple[str, ...]) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] in status, (e["status"], e["status_reason"], e["evidence"])


_OTHER = [
    (_QUITO, "Guatemala reopened its embassy in Quito on Friday.", "reopen"),
    (_QUITO, "Uganda's embassy in Quito reopened on Friday.", "reopen"),
    (_JETS, "Thai Airways signed for 40 Boeing aircraft on Friday.", "buy"),
]


@pytest.mark.parametrize("pledge,report,verb", _OTHER)
def test_another_side_doing_the_deed_stays_another(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, pledge, report, verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])


def test_thing_free_unit() -> None:
    from gaiko.tracking.clausegrammar import Report
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import Frame
    from gaiko.tracking.objectactor import thing_free
    from gaiko.tracking.text import tokenize

    f = Frame(doer="MEX", other=None, acts=frozenset({"a:open"}), objects=frozenset({"o:embassy", "quito"}),
              topic=frozenset({"o:embassy", "quito"}), heads=frozenset({"o:embassy"}), participants=frozenset(),
              verb="reopen", kind="promise", quantity=None, deadline_end=None, first_published="2025-03-03",
              until="2026-03-03", related=frozenset({"ECU"}), phrases=("its embassy in quito",))
    text = "Guatemala reopened its embassy in Quito."
    r = Report(text=text, published="2025-09-15", actors=((0, 9, "GTM"), (23, 30, "ECU")))
    toks = tokenize(text)
    quito = text.index("Quito")
    assert thing_free(f, r, toks, lexicon()) == (((0, 9, "GTM"),), frozenset({quito}))
    r2 = Report(text=text, published="2025-09-15", actors=((0, 9, "GTM"),))
    assert thing_free(f, r2, toks, lexicon())[0] == ((0, 9, "GTM"),)  # "Quito" is still the own place
