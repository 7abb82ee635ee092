"""Date resolution against the publication date (never the wall clock)."""

from __future__ import annotations

import pytest

from gaiko.pipeline.dates import DateResolver, resolve_date

PUB = "2025-11-17"  # a Monday


@pytest.mark.parametrize(
    "text,future,expected",
    [
        ("on Tuesday", False, ("2025-11-11", "2025-11-11", "day")),
        ("Tuesday", True, ("2025-11-18", "2025-11-18", "day")),
        ("Monday", False, ("2025-11-17", "2025-11-17", "day")),
        ("yesterday", False, ("2025-11-16", "2025-11-16", "day")),
        ("last week", False, ("2025-11-10", "2025-11-16", "week")),
        ("October 26", False, ("2025-10-26", "2025-10-26", "day")),
        ("December 26", False, ("2024-12-26", "2024-12-26", "day")),  # past tense: the last one
        ("December 26", True, ("2025-12-26", "2025-12-26", "day")),
        ("in 2024", False, ("2024-01-01", "2024-12-31", "year")),
        ("last month", False, ("2025-10-01", "2025-10-31", "month")),
        ("March 2026", False, ("2026-03-01", "2026-03-31", "month")),
        ("two weeks ago", False, ("2025-11-03", "2025-11-03", "day")),
    ],
)
def test_resolve_date(text, future, expected):
    assert resolve_date(text, PUB, future=future) == expected


def test_not_a_date():
    assert resolve_date("the first week", PUB) is None


def test_component_fills_state():
    from gaiko.nlp import load_model
    from gaiko.pipeline.state import get_state

    nlp = load_model()
    doc = nlp("The envoy arrived in Seoul on Tuesday. Officials said talks would resume on Friday. The treaty was signed in 2019.")
    state = get_state(doc)
    state.published = PUB
    DateResolver()(doc)
    got = {m.text: (m.date, m.precision, m.sentence_index) for m in state.dates}
    assert got["Tuesday"] == ("2025-11-11", "day", 0)
    assert got["Friday"] == ("2025-11-21", "day", 1)  # future clause: the next Friday
    assert got["2019"] == ("2019-01-01", "year", 2)


def test_component_without_publication_date_assigns_nothing():
    from gaiko.nlp import load_model
    from gaiko.pipeline.state import get_state

    doc = load_model()("The talks ended yesterday.")
    DateResolver()(doc)
    assert get_state(doc).dates == []
