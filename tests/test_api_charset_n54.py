"""Round n54, kind 3: a request body's encoding, as its Content-Type declares it and line by line.

Two things made the API's CSV body give an ``encoding`` warning that ``gaiko code`` of the same file did not:
the Content-Type's ``charset=`` was dropped (``text/csv; charset=windows-1252`` was sniffed, and warned "decoded
as Windows-1252"; a body in ISO-8859-2 was read as Windows-1252, its letters wrong), and a UTF-8 body with one line
pasted from Windows-1252 had one warning for the whole body where the file has one for that line (round n53 did the
file). Now the declared charset is followed (the body is read in it, without a warning; one Python does not know,
or one the body is not in, is said in a warning and the body sniffed as before), and the lines not UTF-8 are
warned each with its line. The look-alikes: no charset, or UTF-8, read as before.

The rows were written for these tests (Polish, Czech and Malian towns, a Botswana clinic pledge)."""

from __future__ import annotations

import pytest

ROWS = ["id,title,published,text",
        "p1,Poland,2026-03-01,Poland pledged on Monday to build a bridge in Łódź by December.",
        "p2,Czechia,2026-03-02,Czechia vowed to reopen the border crossing at Děčín by May.",
        "p3,Mali,2026-03-03,Mali promised to repair the road to Ségou by July."]


def _parse(body: bytes, charset: str | None, kind: str = "csv"):
    from gaiko.server.write import parse_body

    arts, errors = parse_body(body, kind, {"charset": charset})
    return arts, [(e.line, e.reason, e.severity, e.detail) for e in errors]


@pytest.mark.parametrize("charset", ["iso-8859-2", "ISO-8859-2", "latin2", '"iso-8859-2"'])
def test_a_body_in_its_declared_charset_is_read_in_it_without_a_warning(charset) -> None:
    body = "\n".join(ROWS).encode("iso-8859-2") + b"\n"
    arts, errors = _parse(body, charset)
    assert errors == []
    assert [a.text for a in arts] == [r.split(",", 3)[3] for r in ROWS[1:]]  # "Łódź", "Děčín": the right letters


def test_a_windows_1252_body_declared_so_has_no_warning() -> None:
    rows = [r.replace("Łódź", "Köln").replace("Děčín", "Señora") for r in ROWS]
    body = "\n".join(rows).encode("windows-1252") + b"\n"
    arts, errors = _parse(body, "windows-1252")
    assert errors == [] and "Köln" in arts[0].text and "Señora" in arts[1].text


def test_jsonl_and_text_bodies_follow_the_declared_charset_too() -> None:
    rec = '{"id": "j1", "published": "2026-03-01", "text": "Poland pledged on Monday to build a bridge in Łódź."}\n'
    arts, errors = _parse(rec.encode("iso-8859-2"), "iso-8859-2", "jsonl")
    assert errors == [] and "Łódź" in arts[0].text
    arts, errors = _parse("Poland pledged to build a bridge in Łódź.".encode("iso-8859-2"), "iso-8859-2", "text")
    assert errors == [] and "Łódź" in arts[0].text


def test_the_one_line_not_utf8_is_warned_with_its_line_as_gaiko_code_does(tmp_path) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import InputError

    rows = [r.encode("utf-8") for r in ROWS]
    rows[3] = ROWS[3].encode("windows-1252", "replace")  # "Ségou" pasted from a Windows-1252 file
    body = b"\n".join(rows) + b"\n"
    arts, errors = _parse(body, None)
    assert len(arts) == 3 and "Ségou" in arts[2].text
    assert [(line, reason, sev) for line, reason, sev, _ in errors] == [(4, "encoding", "warning")]
    src = tmp_path / "feed.csv"
    src.write_bytes(body)
    from_file = [(e.line, e.reason, e.detail) for e in read_path(src) if isinstance(e, InputError)]
    assert from_file == [(line, reason, detail) for line, reason, _, detail in errors]


def test_a_charset_unknown_or_wrong_is_said_and_the_body_sniffed() -> None:
    body = "\n".join(ROWS).encode("utf-8") + b"\n"
    arts, errors = _parse(body, "x-no-such-charset")
    assert len(arts) == 3 and "Łódź" in arts[0].text
    assert [(line, reason) for line, reason, _, _ in errors] == [(None, "encoding")]
    assert "charset=x-no-such-charset" in errors[0][3]
    arts, errors = _parse(body, "ascii")  # declared ASCII, holds UTF-8 letters: not ASCII, so sniffed: UTF-8
    assert len(arts) == 3 and "Łódź" in arts[0].text
    assert [(line, reason) for line, reason, _, _ in errors] == [(None, "encoding")] and "not ascii" in errors[0][3]


@pytest.mark.parametrize("charset", [None, "utf-8", "UTF8"])
def test_look_alikes_utf8_or_no_charset_read_as_before(charset) -> None:
    body = "\n".join(ROWS).encode("utf-8") + b"\n"
    arts, errors = _parse(body, charset)
    assert errors == [] and "Łódź" in arts[0].text
    every = "\n".join(ROWS).encode("windows-1250") + b"\n"  # no charset, not UTF-8 throughout: one warning, as before
    arts, errors = _parse(every, None)
    assert len(arts) == 3 and [(line, reason) for line, reason, _, _ in errors] == [(None, "encoding")]


def test_the_route_passes_the_content_types_charset(tmp_path, monkeypatch) -> None:
    """Through the API: the route reads ``charset=`` off the Content-Type (the job's warnings are the parse's)."""
    from fastapi.testclient import TestClient

    import gaiko.server.write as write
    from gaiko.server import create_app

    seen = {}

    def parse(data, kind, meta):  # the route's call, recorded; nothing is coded
        seen.update(meta, kind=kind)
        return [], []

    monkeypatch.setattr(write, "parse_body", parse)
    monkeypatch.setenv("GAIKO_API_KEY", "k" * 32)
    c = TestClient(create_app(tmp_path / "s.duckdb", create=True, api_key="k" * 32))
    c.post("/api/v1/articles", content=b"id,text\n", headers={
        "X-API-Key": "k" * 32, "Content-Type": "text/csv; charset=ISO-8859-2"})
    assert seen.get("kind") == "csv" and seen.get("charset") == "ISO-8859-2"
