"""Reading inputs: every kind of bad input gives a specific error and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.ingest import count_inputs, decode_bytes, parse_date, read_inputs
from gaiko.errors import InputRejected
from gaiko.types import Article, InputError

ENGLISH = (
    "The foreign minister of Japan met her counterpart from India in New Delhi on Monday. "
    "The two governments agreed to expand defence cooperation and to hold regular talks."
)


def _items(*paths: Path, date: str | None = None) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], default_date=date))


def test_plain_text_article_gets_content_hash_and_date(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    [art] = _items(p, date="2025-10-26")
    assert isinstance(art, Article)
    assert art.published == "2025-10-26"
    assert len(art.id) == 16
    # same text, other whitespace: same id
    q = tmp_path / "b.txt"
    q.write_text(ENGLISH.replace(". ", ".\n\n"), encoding="utf-8")
    [art2] = _items(q)
    assert art2.id == art.id


def test_date_in_file_name_is_used(tmp_path: Path) -> None:
    p = tmp_path / "2024-03-05-talks.txt"
    p.write_text(ENGLISH)
    [art] = _items(p)
    assert art.published == "2024-03-05"


def test_empty_binary_and_missing_files_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    items = _items(empty, binary, tmp_path / "nope.txt", good)
    errs = [i for i in items if isinstance(i, InputError)]
    assert [(Path(e.path).name, e.reason) for e in errs] == [
        ("empty.txt", "empty"), ("blob.txt", "binary"), ("nope.txt", "not_found"),
    ]
    assert isinstance(items[-1], Article)


def test_latin1_and_utf16_are_decoded_with_a_warning(tmp_path: Path) -> None:
    text = ENGLISH.replace("New Delhi", "Neu-Déli café")
    l1 = tmp_path / "latin1.txt"
    l1.write_bytes(text.encode("latin-1"))
    u16 = tmp_path / "utf16.txt"
    u16.write_bytes(text.encode("utf-16"))  # with BOM
    items = _items(l1, u16)
    arts = [i for i in items if isinstance(i, Article)]
    warns = [i for i in items if isinstance(i, InputError)]
    assert [a.text for a in arts] == [text, text]
    assert {w.severity for w in warns} == {"warning"}
    assert {Path(w.path).name for w in warns} == {"latin1.txt", "utf16.txt"}


def test_too_large_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    [err] = _items(big)
    assert isinstance(err, InputError) and err.reason == "too_large"
    assert "52,428,801 bytes" in err.detail


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x1", "title": "Talks", "text": ENGLISH, "published": "2025-11-02", "source": "wire"}),
        "{not json",
        json.dumps({"id": "x3", "title": "no text"}),
        json.dumps({"id": "x4", "text": ENGLISH + " Again.", "published": "the day after the summit"}),
        json.dumps({"id": "x5", "text": "日本政府は中国に抗議した。" * 20}),
        json.dumps({"id": "x6", "text": ENGLISH + " More.", "published": "26 October 2025"}),
        json.dumps(["a", "list"]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(p)
    got = [(i.line, i.reason) if isinstance(i, InputError) else ("ok", i.external_id) for i in items]
    assert got == [("ok", "x1"), (2, "json"), (3, "missing_text"), (4, "bad_date"), (5, "not_english"),
                   ("ok", "x6"), (7, "json")]
    assert items[0].published == "2025-11-02" and items[0].source == "wire"
    assert items[5].published == "2025-10-26"


def test_non_english_latin_script_is_rejected() -> None:
    from gaiko.ingest import check_english

    german = ("Die Regierung in Berlin hat am Montag neue Gespräche mit Frankreich angekündigt, "
              "nachdem die Verhandlungen über den Haushalt der Union gescheitert waren und keine Einigung "
              "erzielt wurde; die Minister wollen sich im Dezember erneut treffen.")
    with pytest.raises(InputRejected) as exc:
        check_english(german)
    assert exc.value.reason == "not_english"
    check_english(ENGLISH)  # no error


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    body = " ".join([ENGLISH] * 3)
    html = f"""<!doctype html><html><head><title>Japan and India talk defence</title>
    <meta property="article:published_time" content="2025-09-14T08:00:00Z"></head>
    <body><nav>Home | World | Sport | Subscribe now</nav>
    <article><h1>Japan and India talk defence</h1><p>{body}</p><p>{ENGLISH}</p></article>
    <footer>Copyright gaiko example wire. All rights reserved. Cookie settings.</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html)
    [art] = _items(p)
    assert isinstance(art, Article)
    assert art.title == "Japan and India talk defence"
    assert art.published == "2025-09-14"
    assert "defence cooperation" in art.text
    assert "Cookie settings" not in art.text and "Subscribe now" not in art.text


def test_directory_is_walked_in_order_and_counted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(ENGLISH)
    (tmp_path / "sub" / "a.jsonl").write_text(json.dumps({"text": ENGLISH + " One."}) + "\n" + json.dumps({"text": ENGLISH + " Two."}) + "\n")
    items = _items(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / "b.txt"), f"{tmp_path / 'sub' / 'a.jsonl'}:1", f"{tmp_path / 'sub' / 'a.jsonl'}:2"]
    assert count_inputs([str(tmp_path)]) == 3


def test_parse_date_forms() -> None:
    assert parse_date("2025-10-26T09:00:00Z") == "2025-10-26"
    assert parse_date("Oct 26, 2025") == "2025-10-26"
    assert parse_date("") is None
    with pytest.raises(InputRejected):
        parse_date("sometime soon")
    assert parse_date("25/12/2025") == "2025-12-25" and parse_date("4/4/2025") == "2025-04-04"  # one reading only


@pytest.mark.parametrize("value, says", [
    ("2025-13-01", "not a calendar date"),  # dateparser read it as 13 January
    ("2025-02-30", "not a calendar date"),
    ("yesterday", "relative"),
    ("3 days ago", "relative"),
    ("last Monday", "relative"),
    ("03/04/2025", "ambiguous"),
])
def test_parse_date_refuses_what_it_would_have_to_guess(value, says) -> None:
    with pytest.raises(InputRejected) as exc:
        parse_date(value)
    assert exc.value.reason == "bad_date" and says in str(exc.value)


def test_decode_rejects_nul_bytes() -> None:
    with pytest.raises(InputRejected) as exc:
        decode_bytes(b"abc\x00def")
    assert exc.value.reason == "binary"
