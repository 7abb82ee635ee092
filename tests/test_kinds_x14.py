"""Round x14: event-coder kinds of b40's newcomer round. Our own sentences of each kind (other countries, topics and
wordings), never the newcomer's or a gold one; look-alikes keep main's reading.

Kind 1 (F1): a month and a number closing a vessel's name ("the Sri Lankan trawler Lanka July 9") is no date, and a
town's name right after a vessel noun or a ship prefix ("the Thai trawler Chiang Mai") is no place
(gaiko/pipeline/vesselname.py, word lists gaiko/data/dates/vessel_names.yaml).

Kind 2 (F9): ramming, sideswiping or deliberately colliding with a vessel of any kind (a navy ship, a coast guard
cutter, not only a fishing boat) is ASSAULT, as corpora/events labels "rammed a supply boat"; the type model had read
"rammed the <country> navy ship" as MOBILIZE (gaiko/data/triggers/assault.yaml ``assault.ram``,
``assault.collide_deliberately``, both firm).
Kind 4 (F14, surface): a file an earlier run refused, unchanged since, is reported as "skipped (refused before:
<reason>)" and is no new error (``errors`` 0, exit 0); a file changed since is read again and its error counts
(gaiko/refusedbefore.py).
"""

from __future__ import annotations

import pytest

DAY = "2025-09-30"


def _coded(coder, text: str, day: str = DAY):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day, title=None))


def _events(r) -> list:
    return [(e.event_type, e.mode, e.source and (e.source.text, e.source.country),
             e.target and (e.target.text, e.target.country), e.place and (e.place.name, e.place.country), e.date)
            for e in r.events]


# -- kind 1: a vessel's name is no date and no place (F1) ---------------------------------------------------------------

@pytest.mark.parametrize("text,wrong", [
    ("Indian coast guard officers boarded the Sri Lankan trawler Lanka July 9 off Rameswaram.", "2025-07-09"),
    ("Somali pirates hijacked the Maltese freighter Stella May 14 off Eyl.", "2025-05-14"),
    ("Chinese coast guard ships blocked the Philippine resupply boat Rosa August 2 near Sabina Shoal.", "2025-08-02"),
])
def test_k1_month_and_number_in_a_vessel_name_is_no_date(coder, text: str, wrong: str) -> None:
    r = _coded(coder, text)
    assert r.events and all(not (e.date or "").startswith(wrong) for e in r.events), _events(r)


@pytest.mark.parametrize("text,town", [
    ("The Thai trawler Chiang Mai was seized by Myanmar navy ships on Monday.", "Chiang Mai"),
    ("The Indonesian tanker Medan was boarded by Malaysian maritime police on Sunday.", "Medan"),
    ("Eritrean troops detained the Yemeni fishing boat Aden off the Hanish Islands on Friday.", "Aden"),
])
def test_k1_town_named_ship_is_no_place(coder, text: str, town: str) -> None:
    r = _coded(coder, text)
    assert r.events and all(e.place is None or town not in (e.place.text or "") for e in r.events), _events(r)


@pytest.mark.parametrize("text,day", [
    ("On June 7 the Emirati tanker was fired on by an Iranian patrol boat near Abu Musa.", "2025-06-07"),
    ("Libyan coast guard boats intercepted the migrant boat on August 14 off Zuwara.", "2025-08-14"),
])
def test_k1_lookalike_a_real_date_stays(coder, text: str, day: str) -> None:
    r = _coded(coder, text)
    assert r.events and any((e.date or "").startswith(day) for e in r.events), _events(r)


def test_k1_lookalike_a_place_after_a_preposition_stays(coder) -> None:
    r = _coded(coder, "Iranian commandos boarded the tanker near Bandar Abbas on Thursday.")
    assert any(e.place is not None and e.place.country == "IRN" for e in r.events), _events(r)


# -- kind 2: ramming a state vessel is ASSAULT (F9) ---------------------------------------------------------------------

@pytest.mark.parametrize("text,src,tgt", [
    ("A North Korean patrol boat rammed a South Korean navy ship near the maritime border on Thursday.", "PRK", "KOR"),
    ("A Russian border guard ship rammed the Estonian navy patrol vessel Raju in the Gulf of Finland on Monday.",
     "RUS", "EST"),
    ("A Chinese maritime militia vessel sideswiped the Philippine fisheries vessel near Scarborough Shoal.", "CHN", "PHL"),
    ("A Turkish coast guard cutter deliberately collided with a Greek patrol boat off Imia on Monday.", "TUR", "GRC"),
])
def test_k2_ramming_a_vessel_is_assault(coder, text: str, src: str, tgt: str) -> None:
    r = _coded(coder, text)
    assert any(e.event_type == "ASSAULT" and not e.negated and e.source and e.source.country == src
               and e.target and e.target.country == tgt for e in r.events), _events(r)
    assert not any(e.event_type == "MOBILIZE" for e in r.events), _events(r)


@pytest.mark.parametrize("text", [
    "The ruling coalition rammed the pension bill through the senate on Wednesday.",
    "Two container ships collided in thick fog off Rotterdam on Monday.",
    "Seoul denied that its navy ships had rammed the North Korean fishing boat.",
])
def test_k2_lookalike_no_asserted_assault(coder, text: str) -> None:
    r = _coded(coder, text)
    assert not any(e.event_type == "ASSAULT" and not e.negated for e in r.events), _events(r)
# -- kind 4: a file refused before and unchanged since is no new error (F14) -----------------------------------------

def _feeds(tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    bad = feeds / "broken.jsonl"
    bad.write_text('{"text": "Peru and Chile held border talks in Lima on Monday.", "published": "2025-10-01"\n',
                   encoding="utf-8")
    return feeds, bad, str(tmp_path / "feeds.duckdb")


def _run(feeds, db, coder):
    from gaiko.coding import run_code

    return run_code([str(feeds)], db=db, quiet=True, coder=coder)


def test_k4_a_file_refused_before_is_skipped_not_an_error(tmp_path, coder) -> None:
    feeds, bad, db = _feeds(tmp_path)
    first = _run(feeds, db, coder)
    assert first.errors == 1
    again = _run(feeds, db, coder)
    assert again.errors == 0 and again.articles == 0, again.to_dict()
    d = again.to_dict()
    assert d["refused_before"] == 1 and d["refused_before_detail"][0]["path"] == str(bad), d


def test_k4_a_file_refused_before_other_errors_still_count(tmp_path, coder) -> None:
    feeds, bad, db = _feeds(tmp_path)
    _run(feeds, db, coder)
    (feeds / "later.jsonl").write_text('{"text": "Chile recalled its ambassador", \n', encoding="utf-8")
    again = _run(feeds, db, coder)
    assert again.errors == 1 and again.error_list[0].path.endswith("later.jsonl"), again.to_dict()


def test_k4_lookalike_a_changed_file_is_read_again(tmp_path, coder) -> None:
    import os

    feeds, bad, db = _feeds(tmp_path)
    _run(feeds, db, coder)
    st = os.stat(bad)
    os.utime(bad, (st.st_atime + 3600, st.st_mtime + 3600))  # changed since the error was recorded
    again = _run(feeds, db, coder)
    assert again.errors == 1, again.to_dict()
    os.utime(bad, (st.st_atime - 3600, st.st_mtime - 3600))  # untouched since that second refusal
    third = _run(feeds, db, coder)
    assert third.errors == 0, third.to_dict()
