"""Publication dates given late or as Unix time, and --overwrite of a folder gaiko did not fill (lead, session ten,
from newcomer round n30's leftovers).

A record whose text is already stored without a publication date, coming again with one, is skipped (articles are
identified by their text) with a warning naming the article and the date: nothing is lost silently (docs/cli.md)."""
from __future__ import annotations

from pathlib import Path

from helpers import FakeCoder, make_coded

from gaiko.ids import article_id
from gaiko.runner import code_into_store
from gaiko.store import Store
from gaiko.types import Article

TEXT = "Norway thanked Chile for hosting the fisheries talks in Valparaiso."
AID = article_id(TEXT)  # as the readers set it


class DatePassingCoder(FakeCoder):
    """Keeps an article undated when its record has no date (FakeCoder invents one)."""

    def code_article(self, a: Article):
        c = make_coded(a.text, a.published)
        c.article.origin = a.origin
        c.article.published = a.published
        return c


def _code(path: Path, *articles: Article):
    with Store(path) as s:
        summary = code_into_store(s, list(articles), coder=DatePassingCoder(), track=False)
        stored = s.con.execute("SELECT CAST(published AS VARCHAR) FROM articles").fetchall()
        errors = s.con.execute("SELECT severity, reason, detail FROM errors").fetchall()
    return summary, stored, errors


def test_a_date_brought_for_an_undated_stored_text_is_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _code(db, Article(id=AID, text=TEXT, origin="first.jsonl:1"))
    summary, stored, errors = _code(db, Article(id=AID, text=TEXT, published="2026-03-04", origin="second.jsonl:7"))
    assert summary.skipped == 1 and summary.articles == 0
    assert summary.warnings == 1 and summary.errors == 0
    assert stored == [(None,)]  # the stored article is not changed behind the user's back
    [(severity, reason, detail)] = errors
    assert (severity, reason) == ("warning", "date_not_applied")
    assert "2026-03-04" in detail and "new store" in detail
    [err] = summary.error_list
    assert (err.path, err.line) == ("second.jsonl", 7)


def test_no_warning_when_the_stored_text_has_a_date_or_the_record_none(tmp_path: Path) -> None:
    dated = tmp_path / "dated.duckdb"
    _code(dated, Article(id=AID, text=TEXT, published="2026-03-01"))
    summary, stored, errors = _code(dated, Article(id=AID, text=TEXT, published="2026-03-04"))
    assert summary.skipped == 1 and summary.warnings == 0 and errors == [] and stored == [("2026-03-01",)]
    undated = tmp_path / "undated.duckdb"
    _code(undated, Article(id=AID, text=TEXT))
    summary, stored, errors = _code(undated, Article(id=AID, text=TEXT))
    assert summary.skipped == 1 and summary.warnings == 0 and errors == []


def test_unix_time_is_read_in_utc_whatever_the_machine_zone(monkeypatch) -> None:
    import time

    from gaiko.ingest_checks import parse_date

    for zone in ("America/Los_Angeles", "Asia/Tokyo", "UTC"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        # 2025-10-27 00:00:00 UTC and 23:59:59 UTC: one calendar date in UTC
        assert parse_date("1761523200") == parse_date(1761523200) == "2025-10-27"
        assert parse_date("1761609599000") == "2025-10-27"
    monkeypatch.delenv("TZ")
    time.tzset()


# -- --overwrite empties only a folder of a ray run's own output (gaiko/partsfolder.py) ----------------------------------
def test_overwrite_refuses_a_folder_holding_files_no_ray_run_wrote(tmp_path) -> None:
    import pytest

    from gaiko.errors import ConfigError
    from gaiko.partsfolder import prepare_out

    out = tmp_path / "out"
    (out / "events").mkdir(parents=True)
    (out / "events" / "part-ab12.parquet").write_bytes(b"PAR1")
    (out / "events" / ".part-cd34.parquet.0123abcd.tmp").write_bytes(b"")
    (out / "_SUCCESS.json").write_text("{}")
    notes = out / "notes.txt"
    notes.write_text("my notes")
    with pytest.raises(ConfigError, match="notes.txt, which no gaiko ray run wrote"):
        prepare_out(str(out), overwrite=True)
    assert notes.exists() and (out / "events" / "part-ab12.parquet").exists()
    notes.unlink()
    stray = out / "events" / "summary.csv"  # a file of another kind inside a table folder
    stray.write_text("a,b")
    with pytest.raises(ConfigError, match="summary.csv"):
        prepare_out(str(out), overwrite=True)
    stray.unlink()
    prepare_out(str(out), overwrite=True)  # only a run's own output: emptied
    assert out.is_dir() and not any(out.iterdir())
    with pytest.raises(ConfigError, match="not empty"):
        (out / "x").write_text("")
        prepare_out(str(out), overwrite=False)
