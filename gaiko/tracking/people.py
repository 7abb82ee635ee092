"""People set free, named by their country (round t38, b37's F7): a pledge "to release four detained Britons" and the
report "the four Britons flew home on Thursday".

Two things kept such a report from the pledge. Retrieval: a plural demonym ("Britons", "Americans", "Filipinos") is a
place word, so neither the pledge's object nor the report is keyed by it, and a pledge whose object is such people
shared no topic key with the report. :func:`people_keys` gives the key ``p:ISO`` for each plural demonym of a text
(written per sentence by :func:`gaiko.tracking.sentencekeys.article_rows`; the frame of a pledge whose object names
such people reads it as a topic key, :func:`gaiko.tracking.normalise.frame`). Reading: the subject of a result phrase
of a release ("flew home", "returned home", "walked free"; ``released_phrases`` of ``pledges/clause_words.yaml``) is
the people set free, not another side doing the act (:func:`released_subject`, read in
:func:`gaiko.tracking.clause.read_clause`), and the objects after it are its adjuncts ("flew home aboard a government
plane"), not another object (:func:`adjunct_objects`, read in :func:`gaiko.tracking.choose.choose_clauses`).
The same people promised again by a plain noun and their count ("said the four men would be freed" after "promised
to release four detained Britons", in one article) are the same pledge (:func:`named_back`, read in
:func:`gaiko.tracking.link.group_mentions`). The plural demonyms are the adjectives and demonyms of
``actors/countries.csv`` with an "s", less any country's name, alias or capital ("the Philippines"). None of them
raises.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any

from ..tables import data_path, word_sets
from .lexicon import Lexicon
from .text import Hit, Tok

__all__ = ["PEOPLE", "adjunct_objects", "named_back", "object_people", "people_keys", "released_subject"]

#: the prefix of the key of a country's people named by a plural demonym
PEOPLE = "p:"


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Lower-case plural demonym -> ISO3 ("britons" -> GBR, "americans" -> USA)."""
    plural: dict[str, str] = {}
    names: set[str] = set()
    with data_path("actors/countries.csv").open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows)
        col = {c: header.index(c) for c in ("name", "aliases", "adjectives", "demonyms", "capital")}
        for row in rows:
            for c, i in col.items():
                for w in (row[i] if i < len(row) else "").split(";"):
                    w = w.strip().lower()
                    if not w:
                        continue
                    if c in ("adjectives", "demonyms") and re.fullmatch(r"[a-z]{3,}", w):
                        plural.setdefault(w + "s", row[0])
                    else:
                        names.add(w)
    return {w: iso for w, iso in plural.items() if w not in names}


def people_keys(text: str | None) -> set[str]:
    """``p:ISO`` for each plural demonym, capitalised, in ``text`` ("six Americans", "the Britons held in Iran")."""
    dem = _demonyms()
    return {PEOPLE + dem[w.lower()] for w in re.findall(r"\b[A-Z][a-z]{3,}s\b", text or "") if w.lower() in dem}


def object_people(phrase: str | None) -> set[str]:
    """:func:`people_keys` of a pledge's object, which the tracker keeps in lower case ("four detained britons")."""
    dem = _demonyms()
    return {PEOPLE + dem[w] for w in re.findall(r"\b[a-z]{4,}s\b", phrase or "") if w in dem}


@lru_cache(maxsize=1)
def _phrases() -> frozenset[str]:
    return word_sets("pledges/clause_words.yaml")["released_phrases"]


def released_subject(toks: list[Tok], h: Hit, lex: Lexicon) -> bool:
    """Whether the act at ``h`` is a result phrase of a release ("flew home", "have returned home", "walked free"),
    whose subject is the people set free."""
    if h.j - h.i < 2 or h.concept != "a:release":  # "the troops returned home": a withdrawal, their own act
        return False
    rest = " ".join(t.text for t in toks[h.i + 1:h.j])
    first = {toks[h.i].text} | {lem for lem, _tag in lex.lemmas(toks[h.i].text)}
    return any(f"{w} {rest}" in _phrases() for w in first)


def adjunct_objects(toks: list[Tok], acts: list[Hit], objects: list[Hit], lex: Lexicon) -> bool:
    """Whether a clause's objects all come after a result phrase of a release in it ("flew home aboard a government
    plane", "returned home on a charter flight"): they say how, not what was released."""
    done = [h for h in acts if released_subject(toks, h, lex)]
    return bool(done and objects) and all(o.i >= done[0].j for o in objects)


@lru_cache(maxsize=1)
def _people_nouns() -> tuple[frozenset[str], dict[str, int]]:
    from ..tables import word_lists

    counts = {w: i + 1 for i, w in enumerate(word_lists("pledges/parts.yaml")["count_words"])}
    return word_sets("pledges/clause_words.yaml")["people_nouns"], counts


def named_back(m: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether mention ``m``'s object is people named back by a plain noun and their count ("the four men", "the six
    detainees") and ``group`` holds a mention of the same article, act and count ("four detained Britons")."""
    nouns, counts = _people_nouns()
    got = re.fullmatch(r"(?:the|these|those|all)\s+(\d+|[a-z]+)\s+([a-z]+)", str(m.get("object") or "").lower().strip())
    if got is None or got.group(2) not in nouns:
        return False
    n = int(got.group(1)) if got.group(1).isdigit() else counts.get(got.group(1))
    return n is not None and any(
        x.get("article_id") == m.get("article_id") and set(x.get("_acts") or ()) & set(m.get("_acts") or ())
        and (x.get("quantity") or {}).get("value") == n for x in group)
