"""Event dates come from date phrases attached to the trigger's clause, else the publication date."""

from __future__ import annotations

from gaiko.types import Article


def _events(coder, text: str, published: str = "2025-06-20"):
    return coder.code_article(Article(text=text, published=published)).events


def test_date_on_the_trigger_is_used(coder) -> None:
    [ev] = [e for e in _events(coder, "Kenya's president met the Ugandan foreign minister in Nairobi on Tuesday.") if e.event_type == "CONSULT"]
    assert ev.date == "2025-06-17" and ev.date_precision == "day"


def test_date_of_another_clause_or_noun_is_not_used(coder) -> None:
    text = "Brazil condemned the Argentine tariffs imposed in March."
    [ev] = [e for e in _events(coder, text) if e.event_type == "ACCUSE"]
    assert ev.date == "2025-06-20" and ev.date_precision == "published"


def test_intended_event_takes_the_statement_date_not_its_deadline(coder) -> None:
    text = "On Monday, Indonesia said it will sign a trade agreement with Australia in December."
    evs = [e for e in _events(coder, text) if e.intended]
    assert evs, _events(coder, text)
    assert all(e.date != "2025-12-01" for e in evs)
