"""Round t58 (issue 14): a part exempted from a measure is no withdrawal of it. Our own sentences, with look-alikes.

C. "The 30% duty on Brazilian goods will take effect on April 1", then "Brazilian coffee, shoes and steel ... have been
   charged a 30% levy since April 1" and "Medicines, for now, are exempt from the levy": the exemption word is the
   contrary of imposing, so the pledge was read withdrawn after being read kept. A named part exempted from the
   pledge's measure is now unrelated (gaiko/tracking/carveout.py, pledges/carve_out.yaml): the measure stands for the
   rest. Look-alikes: the pledge's own goods exempted, or all of them (the measure dropped).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x["sentence"][:50]) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


DUTY = "The 30% duty on Brazilian goods will take effect on April 1, the White House said."
CHARGED = "Brazilian coffee, shoes and steel entering American ports have been charged a 30% levy since April 1."


@pytest.mark.parametrize("carve", [
    "Medicines, for now, are exempt from the levy.",
    "Aircraft parts and orange juice were exempted from the duty.",
])
def test_c_a_part_exempted_leaves_the_measure_kept(tmp_path: Path, coder, carve: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", DUTY), ("2026-04-05", f"{CHARGED} {carve}")]))
    assert any(e["action"].startswith("apply") and e["status"] == "fulfilled" for e in entries), _show(entries)


def test_c_the_measure_dropped_is_still_a_withdrawal() -> None:
    from gaiko.tracking.carveout import carved_out
    from gaiko.tracking.clause import Clause, Decision, Report
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.text import tokenize

    lex = lexicon()
    m = {"action": "apply The 30 % duty on Brazilian goods", "actor": {"country": "USA"}, "kind": "promise",
         "published": "2026-03-02", "article_id": "a", "sentence_index": 0, "sentence": DUTY}
    f = frame([prepare(m, lex)], lex)
    withdrawn = Decision("withdraws", cue="exempt", note="the contrary of a threatened act")
    for text, kept in (("Medicines, for now, are exempt from the levy.", False),
                       ("All imports are exempt from the levy.", True),
                       ("Brazilian goods are exempt from the duty.", True)):
        toks = tokenize(text)
        c = Clause(0, len(toks), [], [], [])
        got = carved_out(f, Report(text=text, published="2026-04-05"), toks, c, withdrawn, lex)
        assert (got is None) == kept, (text, got)
