"""Test data for the server, the dashboard and the analysis queries.

``synthetic_coded()`` builds coded articles by hand (our own invented
sentences, exact offsets, known actors, places and dates) so analysis results
can be checked number by number. ``build_store()`` writes them, and the
bundled example corpus coded by the real coder, into a DuckDB file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from gaiko.ids import article_id, record_id
from gaiko.tables import cameo_for
from gaiko.types import (
    Actor,
    Article,
    CodedArticle,
    Deadline,
    Event,
    Place,
    Pledge,
    SentenceRecord,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "gaiko" / "examples" / "corpus.jsonl"
FIXTURE_SOURCE = "gaiko test fixture"

COUNTRIES = {
    "JPN": ("Japan", "GOV"), "CHN": ("China", "GOV"), "USA": ("United States", "GOV"),
    "KOR": ("South Korea", "GOV"), "PHL": ("Philippines", "GOV"), "PRK": ("North Korea", "MIL"),
}
PLACES = {
    "Tokyo": ("JPN", 35.68, 139.69), "Beijing": ("CHN", 39.90, 116.41), "Washington": ("USA", 38.90, -77.04),
    "Seoul": ("KOR", 37.57, 126.98), "Manila": ("PHL", 14.60, 120.98), "Yellow Sea": (None, 35.0, 123.0),
}

# (published, title, [(sentence, [(trigger, type, source ISO3, source mention, target ISO3, target mention, place)])])
ARTICLES: list[tuple[str, str, list[tuple[str, list[tuple[str, str, str, str, str | None, str | None, str | None]]]]]] = [
    ("2025-11-03", "Fixture: ministers meet in Tokyo", [
        ("Japanese officials met Chinese diplomats in Tokyo on Monday to discuss fishing rules.",
         [("met", "CONSULT", "JPN", "Japanese officials", "CHN", "Chinese diplomats", "Tokyo")]),
        ("Beijing praised the tone of the talks.",
         [("praised", "SUPPORT", "CHN", "Beijing", "JPN", None, None)]),
        ("Both sides agreed to set up a hotline for coast guard incidents.",
         [("agreed", "AGREE", "JPN", "Both sides", "CHN", None, "Tokyo")]),
    ]),
    ("2025-11-05", "Fixture: protest note over patrol boats", [
        ("Tokyo accused Beijing of sending patrol boats into its waters.",
         [("accused", "ACCUSE", "JPN", "Tokyo", "CHN", "Beijing", "Yellow Sea")]),
        ("China rejected the complaint on Wednesday and warned of consequences.",
         [("rejected", "REJECT", "CHN", "China", "JPN", None, "Beijing"),
          ("warned", "THREATEN", "CHN", "China", "JPN", None, "Beijing")]),
    ]),
    ("2025-11-20", "Fixture: Washington backs Manila", [
        ("The United States pledged new patrol aircraft to the Philippines.",
         [("pledged", "AID", "USA", "The United States", "PHL", "the Philippines", "Manila")]),
        ("Seoul and Tokyo held a joint drill near the peninsula.",
         [("held", "COOPERATE", "KOR", "Seoul", "JPN", "Tokyo", "Seoul")]),
        ("North Korean troops fired artillery into the sea near the border.",
         [("fired", "ASSAULT", "PRK", "North Korean troops", "KOR", None, "Yellow Sea")]),
    ]),
    ("2025-12-02", "Fixture: trade dispute deepens", [
        ("China suspended imports of Japanese seafood, citing safety concerns.",
         [("suspended", "SANCTION", "CHN", "China", "JPN", None, "Beijing")]),
        ("Japan demanded that Beijing lift the ban within weeks.",
         [("demanded", "REQUEST", "JPN", "Japan", "CHN", "Beijing", "Tokyo")]),
        ("Washington criticised the ban as economic coercion.",
         [("criticised", "ACCUSE", "USA", "Washington", "CHN", None, "Washington")]),
    ]),
]

PLEDGES = [
    # (article index, sentence index, actor ISO3, action, cue, deadline text, deadline end, kind)
    (2, 0, "USA", "deliver patrol aircraft to the Philippines", "pledged", "by March 2026", "2026-03-31", "promise"),
    (3, 1, "JPN", "get the seafood ban lifted", "demanded", "within weeks", "2025-12-31", "demand"),
]


def _actor(iso3: str, mention: str | None, sent_text: str, sent_start: int) -> Actor:
    name, sector = COUNTRIES[iso3]
    if mention is None:
        return Actor(name, -1, -1, name=name, country=iso3, sector=sector, resolved_by="country", confidence=0.7)
    s = sent_text.index(mention)
    return Actor(mention, sent_start + s, sent_start + s + len(mention), name=name, country=iso3, sector=sector,
                 resolved_by="country", confidence=0.9)


def synthetic_coded() -> list[CodedArticle]:
    """The hand-made fixture articles, coded exactly (no parser involved)."""
    out = []
    for a_idx, (published, title, sentences) in enumerate(ARTICLES):
        text = " ".join(s for s, _ in sentences)
        aid = article_id(text)
        art = Article(text=text, id=aid, title=title, published=published, source=FIXTURE_SOURCE,
                      url=f"https://example.org/fixture/{a_idx}", origin=f"fixture:{a_idx}")
        recs, events, actors, places, pledges = [], [], [], [], []
        start = 0
        for s_idx, (sent, specs) in enumerate(sentences):
            recs.append(SentenceRecord(index=s_idx, start=start, end=start + len(sent), text=sent))
            for e_idx, (trig, etype, src, src_m, tgt, tgt_m, place) in enumerate(specs):
                t0 = start + sent.index(trig)
                source = _actor(src, src_m, sent, start)
                target = _actor(tgt, tgt_m, sent, start) if tgt else None
                for a in (source, target):
                    if a is not None and a.start >= 0:
                        actors.append(a)
                pl = None
                if place:
                    country, lat, lon = PLACES[place]
                    pl = Place(place, -1, -1, name=place, country=country, lat=lat, lon=lon, feature="city")
                    places.append(pl)
                root, code, gold, quad, _cq = cameo_for(etype)
                events.append(Event(
                    id=record_id("ev", aid, s_idx, e_idx, etype), article_id=aid, sentence_index=s_idx,
                    sentence=sent, event_type=etype, trigger=trig, trigger_start=t0, trigger_end=t0 + len(trig),
                    cameo=root, cameo_code=code, goldstein=gold, quad_class=quad, source=source, target=target,
                    date=published, date_precision="published", place=pl, pattern="fixture", confidence=0.8,
                    coder_version="fixture",
                ))
            start += len(sent) + 1
        for p_idx, s_idx, iso3, action, cue, dl_text, dl_end, kind in PLEDGES:
            if p_idx != a_idx:
                continue
            sent = recs[s_idx]
            c0 = sent.start + sent.text.index(cue)
            pledges.append(Pledge(
                id=record_id("pl", aid, s_idx, action), article_id=aid, sentence_index=s_idx, sentence=sent.text,
                actor=_actor(iso3, None, sent.text, sent.start), action=action, event_type="AID", kind=kind, cue=cue,
                cue_start=c0, cue_end=c0 + len(cue), deadline=Deadline(dl_text, end=dl_end, granularity="month"),
                made_on=published, confidence=0.8,
            ))
        out.append(CodedArticle(article=art, sentences=recs, events=events, pledges=pledges, actors=actors,
                                places=places, coder_version="fixture"))
    return out


def build_store(path: Path, coder: Any = None, *, corpus: bool = True, synthetic: bool = True) -> Path:
    """A store at ``path`` with the fixture articles and (given a coder) the bundled corpus."""
    from gaiko.store import Store

    with Store(path) as store:
        if synthetic:
            store.write_coded(synthetic_coded(), run_id=None)
        if corpus and coder is not None and CORPUS.exists():
            from gaiko.ingest import read_inputs
            from gaiko.runner import code_into_store

            code_into_store(store, read_inputs([str(CORPUS)]), coder=coder, command="test fixture")
    return path


_CACHE: dict[str, Path] = {}


def fixture_store(tmp_root: Path, coder: Any, name: str) -> Path:
    """A private copy (``name``) of the session's fixture store, built once per process."""
    key = str(tmp_root)
    if key not in _CACHE:
        _CACHE[key] = build_store(tmp_root / "fixture-master.duckdb", coder)
    dest = tmp_root / f"{name}.duckdb"
    if dest.exists():
        dest.unlink()
    shutil.copyfile(_CACHE[key], dest)
    return dest


def build_large_store(path: Path, n: int = 320, seed: int = 16) -> Path:
    """A store at ``path`` with ``n`` generated articles (see serve_large.py) and its pledge ledger."""
    from serve_large import large_coded

    from gaiko.store import Store
    from gaiko.tracking import update_ledger

    with Store(path) as store:
        coded = large_coded(n, seed)
        for i in range(0, len(coded), 64):
            store.write_coded(coded[i:i + 64], run_id=None)
        update_ledger(store)
    return path


def large_store(tmp_root: Path, name: str, n: int = 320) -> Path:
    """A private copy (``name``) of the session's large generated store, built once per process."""
    key = f"large:{tmp_root}:{n}"
    if key not in _CACHE:
        _CACHE[key] = build_large_store(tmp_root / f"large-master-{n}.duckdb", n)
    dest = tmp_root / f"{name}.duckdb"
    if dest.exists():
        dest.unlink()
    shutil.copyfile(_CACHE[key], dest)
    return dest
