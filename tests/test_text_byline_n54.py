"""Round n54, kind 2: a byline or a dateline alone on a text file's first line is no title. Round n53 took the first
line of a ``.txt`` or ``.md`` article for its title when it was short, had no final full stop and a blank line after
it; "By Jane Doe" and "TOKYO, Oct 28 (Reuters) -" are both, so the byline became the article's title and the
dateline was cut from the text (where the coder reads the place the report was filed from). Now a byline
(gaiko.textitle.is_byline, its forms and word lists in gaiko/data/input/text_title.yaml) or a dateline
(is_dateline: one the coder reads, or an all-capitals place alone) stays the start of the text, as before round n53.
The look-alikes, headlines that open like a byline or hold a name and an outlet, stay titles.

The articles were written for these tests (a Nigerian patrol-boat purchase, a Ghana-Togo radar deal)."""

from __future__ import annotations

import json

import pytest

BODY = ("Nigeria's defence ministry said on Monday it would buy 12 patrol boats from Turkey by the end of 2027.\n\n"
        "The boats will guard the oil terminals of the Niger Delta, officials said.")


def _articles(path):
    from gaiko.ingest import read_path
    from gaiko.types import Article

    return [a for a in read_path(path) if isinstance(a, Article)]


@pytest.mark.parametrize("first", [
    "By Amara Okafor",
    "BY AMARA OKAFOR AND LUIS PEREIRA",
    "By Amara Okafor in Lagos",
    "Amara Okafor, Reuters",
    "Luis Pereira | Staff Writer",
    "Amara Okafor, West Africa correspondent",
    "Staff reporter",
    "From our correspondent",
    "Reporting by Amara Okafor; Editing by Luis Pereira",
    "By Ngozi van der Berg-Adeyemi",
])
def test_a_byline_on_the_first_line_is_no_title(tmp_path, first) -> None:
    txt = tmp_path / "2026-03-09-boats.txt"
    txt.write_text(f"{first}\n\n{BODY}\n", encoding="utf-8")
    (art,) = _articles(txt)
    assert art.title is None and art.text.startswith(first)


@pytest.mark.parametrize("first, read_as_dateline", [
    ("LAGOS, March 9 (Reuters) -", True),
    ("ABUJA (AFP) -", True),
    ("LAGOS, Nigeria, March 9 --", True),
    ("LAGOS", False),  # a place alone, no dash: not read as the coder's dateline, and no title either
    ("PORT HARCOURT", False),
])
def test_a_dateline_alone_stays_the_start_of_the_text(tmp_path, first, read_as_dateline) -> None:
    from gaiko.actors.nosides import dateline_end

    txt = tmp_path / "2026-03-09-boats.txt"
    txt.write_text(f"{first}\n\n{BODY}\n", encoding="utf-8")
    (art,) = _articles(txt)
    assert art.title is None and art.text.startswith(first)
    assert bool(dateline_end(art.text)) is read_as_dateline  # the coder still reads where it was filed from


def test_a_dateline_kept_gives_the_article_its_filing_place(tmp_path, coder) -> None:
    """The dateline's town is where the report was filed: kept in the text, the coder reads it as it reads a JSONL
    record's text that opens with it."""
    txt = tmp_path / "2026-03-09-boats.txt"
    txt.write_text(f"LAGOS, March 9 (Reuters) -\n\n{BODY}\n", encoding="utf-8")
    rec = tmp_path / "boats.jsonl"
    rec.write_text(json.dumps({"text": f"LAGOS, March 9 (Reuters) -\n\n{BODY}", "published": "2026-03-09"}) + "\n",
                   encoding="utf-8")
    (as_txt,), (as_rec,) = _articles(txt), _articles(rec)
    assert as_txt.text == as_rec.text and as_txt.title is None
    t, r = coder.code_article(as_txt), coder.code_article(as_rec)
    assert [(e.event_type, e.source.country if e.source else None) for e in t.events] == \
        [(e.event_type, e.source.country if e.source else None) for e in r.events]


@pytest.mark.parametrize("first", [
    "Nigeria vows to buy patrol boats",
    "By land and sea, Nigeria tightens border checks",  # opens with "By": no names follow
    "By Tank Column, Russia Pushes Into Town",  # title case: "Into" is in no name
    "Ghana, Togo to share radar data",  # two names and a verb phrase: no credit
    "Reuters poll: Nigerian exporters gloomy",  # an outlet, and more
    "Tinubu, Reuters report",
    "NATO: allies to boost spending",  # an organisation's label, no dateline
    "Staff cuts at the embassy in Abuja",
])
def test_headlines_that_look_like_a_byline_stay_titles(tmp_path, first) -> None:
    txt = tmp_path / "2026-03-09-boats.txt"
    txt.write_text(f"{first}\n\n{BODY}\n", encoding="utf-8")
    (art,) = _articles(txt)
    assert (art.title, art.text) == (first, BODY)


def test_a_store_that_took_the_byline_for_a_title_meets_the_file_as_that_article(tmp_path, coder) -> None:
    """A store coded with round n53's reading holds the article with the byline as its title; the same file, now read
    with the byline in its text, is that article (headline_copy), not coded twice."""
    from gaiko.runner import code_into_store
    from gaiko.store import Store
    from gaiko.types import Article

    db = tmp_path / "n53.duckdb"
    with Store(db) as s:
        s.write_coded([coder.code_article(Article(text=BODY, title="By Amara Okafor", published="2026-03-09"))])
    txt = tmp_path / "2026-03-09-boats.txt"
    txt.write_text(f"By Amara Okafor\n\n{BODY}\n", encoding="utf-8")
    with Store(db) as s:
        summary = code_into_store(s, _articles(txt), coder=coder, track=False)
        n = s.scalar("SELECT count(*) FROM articles")
    assert (summary.articles, n) == (0, 1)
