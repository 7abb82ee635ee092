"""Session 49: `gaiko cluster eval` coded a labelled article dated more than two days after the machine's date as
undated (stories-54 holds two dated 2026-12-16 and -17), so a file's figure moved with the clock. Now, as the pledge
evaluator already did, "in the future" is judged as of the corpus's latest date: the article keeps its date."""

from __future__ import annotations

import datetime as dt

import gaiko.ingest_checks as checks
from gaiko.clusters.evaluate import _code

_ARTICLES = [
    {"id": "d1", "published": "2031-05-12", "outlet": "Harbour Wire",
     "text": "Chile recalled its ambassador from Peru on Monday after a dispute over fishing rights."},
    {"id": "d2", "published": "2031-05-13", "outlet": "Andes Post",
     "text": "Peru protested to Chile on Tuesday over the seizure of two trawlers near Arica."},
]


def _dates(store, ids):
    return {ext: store.scalar("SELECT min(date) FROM events WHERE article_id = ?", [aid]) for ext, aid in ids.items()}


def test_a_labelled_article_after_todays_date_keeps_its_date(monkeypatch) -> None:
    monkeypatch.setattr(checks, "today", lambda: dt.date(2026, 12, 6))
    store, ids = _code(_ARTICLES, None)
    try:
        dates = _dates(store, ids)
    finally:
        store.close()
    assert all(d is not None for d in dates.values()), dates
    assert str(dates["d1"]).startswith("2031-05") and str(dates["d2"]).startswith("2031-05"), dates
    assert checks.today() == dt.date(2026, 12, 6)  # the clock is put back


def test_an_impossible_date_is_still_dropped(monkeypatch) -> None:
    monkeypatch.setattr(checks, "today", lambda: dt.date(2026, 12, 6))
    arts = [dict(_ARTICLES[0], published="2150-01-01")]
    store, ids = _code(arts, None)
    try:
        dates = _dates(store, ids)
    finally:
        store.close()
    assert dates["d1"] is None or not str(dates["d1"]).startswith("2150"), dates
