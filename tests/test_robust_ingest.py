"""Issue 15, points 1, 4 and 7: one record, one failure; dates that cannot be true; inputs people have.

Plus the property-based test of the ingest layer: random bytes, random JSON and random JSONL lines never raise,
every bad record is recorded once and every good record stored once.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import FakeCoder
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gaiko.errors import ConfigError, GaikoError, InputRejected
from gaiko.ingest import read_inputs
from gaiko.runner import code_into_store
from gaiko.store import Store
from gaiko.types import Article, InputError

GOOD = "The minister of Japan said that the talks with China will go on in the new year, number {}."


def good(i: int, **extra: object) -> dict:
    return {"id": f"g{i}", "text": GOOD.format(i), "published": "2025-11-01", **extra}


def items_of(path: Path, date: str | None = None) -> list[Article | InputError]:
    return list(read_inputs([str(path)], default_date=date))


def outcome(items: list[Article | InputError]) -> list[tuple]:
    """(line, 'ok' or reason) per record, warnings left out."""
    out = []
    for i in items:
        if isinstance(i, Article):
            out.append((int(i.origin.rpartition(":")[2]), "ok"))
        elif i.severity != "warning":
            out.append((i.line, i.reason))
    return out


# -- point 1: one record, one failure ----------------------------------------------------------------
def test_lone_surrogate_and_deep_nesting_cost_one_line_each(tmp_path: Path) -> None:
    lines = [json.dumps(good(1)), '{"id": "x", "text": "bad \\ud800 text"}', json.dumps(good(2)), "[" * 3000,
             json.dumps(good(3)), '{"text": ' * 2000, json.dumps(good(4))]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n")
    items = items_of(p)
    assert outcome(items) == [(1, "ok"), (2, "encoding"), (3, "ok"), (4, "json"), (5, "ok"), (6, "json"), (7, "ok")]
    surrogate = next(i for i in items if isinstance(i, InputError) and i.reason == "encoding")
    assert "surrogate" in surrogate.detail and surrogate.path == str(p)
    # all good neighbours are stored; a restart does not crash and adds nothing
    with Store(tmp_path / "s.duckdb") as s:
        first = code_into_store(s, items_of(p), coder=FakeCoder(), track=False)
        again = code_into_store(s, items_of(p), coder=FakeCoder(), track=False)
        assert (first.articles, first.errors, again.articles, again.skipped) == (4, 3, 0, 4)
        assert s.scalar("SELECT count(*) FROM errors") == 3


def test_non_string_fields_are_a_per_record_error(tmp_path: Path) -> None:
    recs = [{"text": ["t"]}, {**good(1), "title": {"a": 1}}, {**good(2), "source": 5}, {**good(3), "published": 20251101},
            {**good(4), "url": True}, {**good(5), "id": 17}, good(6)]
    p = tmp_path / "types.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in recs))
    items = items_of(p)
    assert outcome(items) == [(1, "field_type"), (2, "field_type"), (3, "field_type"), (4, "field_type"),
                              (5, "field_type"), (6, "ok"), (7, "ok")]
    assert "must be a string, not an array" in items[0].detail
    assert items[5].external_id == "17"  # an integer id is fine
    assert not any("['t']" in (a.text if isinstance(a, Article) else "") for a in items)


def test_code_text_raises_only_gaiko_errors(coder, monkeypatch) -> None:
    import gaiko
    import gaiko.coder as gc

    monkeypatch.setattr(gc, "_default_coder", lambda actor_files=(): coder)
    for bad in (None, 5, b"bytes", "", "   ", "bad \ud800 text"):
        with pytest.raises(InputRejected):
            gaiko.code_text(bad)
    with pytest.raises(InputRejected, match="publication date"):
        gaiko.code_text("Japan accused China of provocations.", published="not a date")
    with pytest.raises(InputRejected):
        gaiko.code_text("Japan accused China of provocations.", published=["2025-11-01"])


# -- point 4: dates that cannot be true ---------------------------------------------------------------
@pytest.mark.parametrize("published", ["3000-01-01", "0001-01-01", "1799-12-31", "2101-01-01"])
def test_impossible_dates_are_dropped_with_a_warning(tmp_path: Path, published: str) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({**good(1), "published": published}) + "\n")
    warning, art = items_of(p)
    assert (warning.reason, warning.severity, warning.line) == ("implausible_date", "warning", 1)
    assert published in warning.detail and art.published is None and warning.input_id == art.id


def test_a_date_days_ahead_of_the_clock_is_dropped(tmp_path: Path, monkeypatch) -> None:
    import gaiko.ingest_checks as checks

    monkeypatch.setattr(checks, "today", lambda: dt.date(2025, 11, 1))
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({**good(i), "published": d}) + "\n"
                         for i, d in enumerate(["2025-11-03", "2025-11-04", "1800-01-01", "2100-12-31"])))
    items = items_of(p)
    kept = [i.published for i in items if isinstance(i, Article)]
    assert kept == ["2025-11-03", None, "1800-01-01", None]
    with pytest.raises(ConfigError, match="cannot be a publication date"):
        items_of(p, date="3000-01-01")


def test_coder_and_code_text_never_overflow_on_impossible_dates(coder, monkeypatch) -> None:
    import gaiko
    import gaiko.coder as gc

    monkeypatch.setattr(gc, "_default_coder", lambda actor_files=(): coder)
    text = "Japan said it would hold talks with China next week and by the end of the year."
    for published in ("0001-01-01", "9999-12-31"):
        with pytest.warns(UserWarning, match="coded as undated"):
            events = gaiko.code_text(text, published=published)
        assert all(e.date is None or "0001" not in str(e.date) for e in events)


def test_ledger_default_date_ignores_impossible_dates(tmp_path: Path) -> None:
    """A store coded before the rule (a year-3000 article stored as such) still does not move the default."""
    from helpers import make_coded

    from gaiko.tracking import newest_date

    with Store(tmp_path / "s.duckdb") as s:
        s.write_coded([make_coded("Japan accused China over the islands.", "2025-11-03"),
                       make_coded("Japan hosted India for talks.", "3000-01-01"),
                       make_coded("China warned Japan about drills.", "1700-05-05")])
        assert newest_date(s) == "2025-11-03"
        assert s.stats()["last_article"] == dt.date(2025, 11, 3)
        assert s.stats()["first_article"] == dt.date(2025, 11, 3)


# -- point 7: inputs people actually have --------------------------------------------------------------
def test_csv_with_record_columns_is_read_as_articles(tmp_path: Path) -> None:
    import csv

    p = tmp_path / "arts.csv"
    with p.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "Title", "text", "published", "source", "extra"])
        w.writerow(["c1", "Talks", GOOD.format(1), "2025-11-02", "wire", "x"])
        w.writerow(["c2", "Multi\nline", GOOD.format(2) + "\nSecond paragraph, said the minister.", "", "", ""])
        w.writerow(["c3", "No text", "", "2025-11-02", "", ""])
        w.writerow(["c4", "Bad date", GOOD.format(4), "the day after", "", ""])
        w.writerow(["c5", "Future", GOOD.format(5), "3000-01-01", "", ""])
    items = items_of(p)
    assert outcome(items) == [(2, "ok"), (3, "ok"), (6, "missing_text"), (7, "bad_date"), (8, "ok")]  # row 3 spans 3 lines
    first = items[0]
    assert (first.external_id, first.title, first.published, first.source) == ("c1", "Talks", "2025-11-02", "wire")
    assert "header" not in " ".join(a.text for a in items if isinstance(a, Article)).lower()
    semi = tmp_path / "excel.csv"  # saved with ';' as some locales do
    semi.write_text('id;text;published\ns1;"' + GOOD.format(9) + '";2025-11-05\n', encoding="utf-8-sig")
    [art] = items_of(semi)
    assert isinstance(art, Article) and art.published == "2025-11-05" and art.external_id == "s1"
    no_text = tmp_path / "other.csv"
    no_text.write_text("name,body\na,b\n")
    [err] = items_of(no_text)
    assert err.reason == "csv" and "no 'text' or 'html' column" in err.detail


def test_json_array_and_pretty_object_are_read_as_articles(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text("[\n" + ",\n".join(json.dumps(r) for r in [good(1), {"title": "no text"}, good(2), [1, 2],
                                                                 good(3)]) + "\n]\n")
    assert outcome(items_of(arr)) == [(2, "ok"), (3, "missing_text"), (4, "ok"), (5, "json"), (6, "ok")]
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"text": "' + GOOD.format(1) + '"},\n{"text": oops},\n' + json.dumps(good(2)) + "\n]")
    assert outcome(items_of(broken)) == [(2, "ok"), (3, "json"), (4, "ok")]
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(good(1), indent=2))
    [art] = items_of(pretty)
    assert isinstance(art, Article) and art.external_id == "g1"
    cut = tmp_path / "cut.json"
    cut.write_text("[\n" + json.dumps(good(1)) + ",\n" + json.dumps(good(2))[:30])
    got = outcome(items_of(cut))
    assert got[0] == (2, "ok") and got[-1][1] == "json"


def test_long_text_is_coded_in_pieces_with_whole_text_offsets(coder, monkeypatch) -> None:
    from gaiko.longtext import split_text

    paras = [f"Japan accused China of provocations near the islands on day {i}. Tokyo and Beijing agreed to "
             f"hold talks in the new year, officials said." for i in range(40)]
    text = "\n\n".join(paras)
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text and max(map(len, pieces)) <= 1000 and all(p.endswith("\n\n") for p in pieces[:-1])
    whole = coder.code_article(Article(text=text, published="2025-11-01"))
    monkeypatch.setattr(coder.nlp, "max_length", 2000)
    parts = coder.code_article(Article(text=text, published="2025-11-01"))
    key = lambda c: sorted((e.trigger_start, e.event_type, e.source and e.source.start) for e in c.events)  # noqa: E731
    assert key(parts) == key(whole) and len(parts.sentences) == len(whole.sentences)
    assert {e.id for e in parts.events} == {e.id for e in whole.events}  # ids in whole-text coordinates
    assert [(s.start, s.end, s.index) for s in parts.sentences] == [(s.start, s.end, s.index) for s in whole.sentences]
    assert len(parts.pledges) == len(whole.pledges) and len({p.id for p in parts.pledges}) == len(parts.pledges)
    assert all(text[e.trigger_start:e.trigger_end] == e.trigger for e in parts.events)
    assert all(text[a.start:a.end] == a.text for a in parts.actors if a.start >= 0)
    cues = lambda c: sorted((p.cue_start, p.cue_end, p.sentence_index, p.actor.start) for p in c.pledges)  # noqa: E731
    assert cues(parts) == cues(whole)
    assert split_text("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]  # no bound: cut, nothing lost


# -- property-based: the ingest layer never raises, loses nothing, counts once ------------------------
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids, max_size=3),
                    max_leaves=8)
BAD_LINES = st.sampled_from([
    '{"id": "x", "text": "bad \\ud800 text"}', "[" * 3000, '{"text": ' * 1500, "{broken", '{"title": "no text"}',
    '{"text": ["t"]}', '{"text": "' + GOOD.format(0) + '", "published": "not a date at all"}', '"a string"', "17",
    '{"text": "' + GOOD.format(0) + '", "title": {"x": 1}}', '{"text": "   "}', "\x00\x01\x02",
])


@st.composite
def jsonl_files(draw):
    """(lines, kinds): each line a good record, a known-bad one, random JSON or random bytes."""
    lines, kinds = [], []
    for k in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["good", "bad", "json", "bytes"]))
        if kind == "good":
            pub = draw(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat) | st.none())
            line = json.dumps({"text": GOOD.format(draw(st.integers(0, 5))), "published": pub}).encode()
        elif kind == "bad":
            line = draw(BAD_LINES).encode("utf-8", "surrogatepass")
        elif kind == "json":
            line = json.dumps(draw(JSON)).encode()
        else:
            line = draw(st.binary(max_size=40)).replace(b"\n", b" ").replace(b"\r", b" ")
        lines.append(line)
        kinds.append(kind)
    return lines, kinds


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@example(([b"\xfe\xff"], ["bytes"]))  # a byte-order mark alone: not UTF-16, the line is still accounted for
@example(([b"\xfe\xff", b'{"id": "x", "text": "bad \\ud800 text"}'], ["bytes", "bad"]))  # a mark, then a line:
# the bytes decode as UTF-16 by chance (one line of nonsense) but hold no NUL, so each line is read on its own
@example(([b""], ["bytes"]))  # a blank line alone: an empty file
@example(([json.dumps({"text": GOOD.format(i), "published": None}).encode() for i in range(3)]
           + [b"\x00\x01\x00\x01\xe0"],
          ["good", "good", "good", "bytes"]))  # round l32: UTF-8 records, then a line of bytes with NULs: it was
# read whole as UTF-16 (one line of nonsense), losing the three good records
@given(jsonl_files())
def test_property_jsonl_every_record_once(tmp_path_factory, data) -> None:
    lines, kinds = data
    folder = tmp_path_factory.mktemp("prop")
    p = folder / "feed.jsonl"
    p.write_bytes(b"\n".join(lines) + b"\n")
    items = items_of(p)  # never raises
    assert all(isinstance(i, (Article, InputError)) for i in items)
    got = dict(outcome(items))
    lines_with_records = [n for n, raw in enumerate(lines, 1) if raw.strip()]
    if not lines_with_records:  # blank lines only: the file is empty, one error without a line, as for a .txt
        assert outcome(items) == [(None, "empty")]
        return
    assert sorted(got) == lines_with_records and len(outcome(items)) == len(lines_with_records)  # one each
    for n, kind in enumerate(kinds, 1):
        if kind == "good":
            assert got[n] == "ok"
        elif kind == "bad":
            assert got[n] != "ok"
    for w in (i for i in items if isinstance(i, InputError) and i.severity == "warning"):
        assert w.reason in ("implausible_date", "encoding")
    store = Store(":memory:")
    for _ in range(2):  # coding twice (a re-run) changes nothing
        code_into_store(store, items_of(p), coder=FakeCoder(), batch_size=3, track=False)
        good_ids = {i.id for i in items if isinstance(i, Article)}
        assert store.known_articles(good_ids) == good_ids
        assert store.scalar("SELECT count(*) FROM articles") == len(good_ids)
        bad = {(i.line, i.reason, i.severity) for i in items if isinstance(i, InputError)}
        coding_failures = store.scalar("SELECT count(*) FROM errors WHERE reason = 'coding_failed'")
        assert store.scalar("SELECT count(*) FROM errors") == len(bad) + coding_failures
    store.close()


SUFFIXES = [".jsonl", ".json", ".csv", ".tsv", ".txt", ".html", ".dat", ""]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()), st.sampled_from(SUFFIXES))
def test_property_random_files_never_raise(tmp_path_factory, data, suffix) -> None:
    p = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    p.write_bytes(data)
    items = items_of(p)
    assert all(isinstance(i, (Article, InputError)) for i in items)
    assert all(isinstance(i.detail, str) and i.detail for i in items if isinstance(i, InputError))


@settings(max_examples=40, deadline=None)
@given(JSON)
def test_property_random_json_records(value) -> None:
    from gaiko.ingest_records import record_items

    out = record_items(value, "<t>", 1, None, json.dumps(value))
    assert out and all(isinstance(i, (Article, InputError)) for i in out)
    assert sum(1 for i in out if isinstance(i, Article) or i.severity == "error") == 1


def test_gaiko_error_is_the_only_exception_from_the_readers(tmp_path: Path) -> None:
    """Bad paths are errors in the stream, a bad --date a GaikoError before anything is read."""
    items = list(read_inputs([str(tmp_path / "missing.jsonl")]))
    assert [i.reason for i in items] == ["not_found"]
    with pytest.raises(GaikoError):
        list(read_inputs([str(tmp_path)], default_date="yesterday-ish nonsense"))


def test_a_json_error_message_reads_once(tmp_path: Path) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text('{"text": "a\tb", "published": "2025-01-01"}\n', encoding="utf-8")  # a raw tab in a string
    [err] = [x for x in read_inputs([str(src)]) if not hasattr(x, "text")]
    assert err.reason == "json" and " at at " not in err.detail and "column" in err.detail, err.detail


def test_python_dash_m_gaiko_is_the_command_line() -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "gaiko", "--help"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Usage" in r.stdout and "code" in r.stdout, r.stderr[-500:]
