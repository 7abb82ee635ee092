"""Round n56 (session 55's leftover): a meeting of two countries' office holders named by one plural phrase.

"The presidents of X and Y met in Z" was coded as one CONSULT whose source was X's president and whose target was
none, Y taken into the source as a member: a meeting with no one. The subject is a plural office whose "of" phrase
names two states, so the two sides are that office in each: two events, each side the other's target, as "X and Y
met" is coded (docs/patterns.md, ``symmetric``), the second side the holder of the office in Y when the knowledge base
knows one (``gaiko.pipeline.ofpair``).

Look-alikes that must not change: a joint act ("the leaders of X and Y signed a declaration": one source listing both,
no recipient), three countries ("the presidents of X, Y and Z met": no pair), plain coordination ("X and Y met"), and
an act that is not two-way ("the presidents of X and Y condemned the attack").

The sentences were written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code():
    from gaiko.coder import code_text

    def run(text: str) -> list[tuple[str, str | None, str | None, list[str | None]]]:
        return [(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None,
                 [m.country for m in e.source_members]) for e in code_text(text, published="2026-05-08")]

    return run


def test_the_presidents_of_two_states_met_each_other(code) -> None:
    from gaiko.coder import code_text

    got = code("The presidents of Kenya and Tanzania met in Arusha on Wednesday to discuss the railway.")
    assert sorted(got) == [("CONSULT", "KEN", "TZA", ["KEN"]), ("CONSULT", "TZA", "KEN", ["TZA"])], got
    events = code_text("The presidents of Kenya and Tanzania met in Arusha on Wednesday.", published="2026-05-08")
    by_side = {e.source.country: e for e in events if e.event_type == "CONSULT"}
    # the second side is Tanzania's president, at the word "Tanzania", not the first side's name in another country
    tza = by_side["TZA"].source
    assert tza.text == "Tanzania" and tza.role == "head_of_state" and tza.name != by_side["KEN"].source.name
    assert by_side["KEN"].target.name == tza.name


def test_ministers_of_two_states_held_talks(code) -> None:
    got = code("The foreign ministers of Peru and Bolivia held talks in La Paz on Tuesday.")
    assert sorted(g[:3] for g in got) == [("CONSULT", "BOL", "PER"), ("CONSULT", "PER", "BOL")], got


def test_look_alikes_joint_acts_three_states_plain_pairs_and_one_way_acts(code) -> None:
    got = code("The leaders of Peru and Bolivia signed a declaration in La Paz on Tuesday.")
    assert len(got) == 1 and got[0][2] is None and got[0][3] == ["PER", "BOL"], got
    got = code("The presidents of Kenya, Uganda and Tanzania met in Arusha on Wednesday.")
    assert [g for g in got if g[0] == "CONSULT"] == [("CONSULT", "KEN", None, ["KEN", "UGA", "TZA"])], got
    got = code("Peru and Bolivia met in La Paz on Tuesday.")
    assert sorted(got) == [("CONSULT", "BOL", "PER", ["BOL"]), ("CONSULT", "PER", "BOL", ["PER"])], got
    got = code("The presidents of Kenya and Tanzania condemned the attack on the railway.")
    assert [g for g in got if g[0] == "ACCUSE"] == [("ACCUSE", "KEN", None, ["KEN", "TZA"])], got
