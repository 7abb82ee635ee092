"""Sentence keys: what pledge linking joins on (used by :mod:`gaiko.tracking.update` and the coding workers through
:mod:`gaiko.tracking.normalise`, which re-exports these names).

:func:`article_rows` gives one article's rows and :func:`sentence_rows` those of coded articles, both as columns
``{"a": [article_id], "i": [sentence index], "s": [key], "m": [month]}`` of the ``sentence_keys`` table: the keys of
each sentence (:func:`gaiko.tracking.text.keys`), ``@side`` for every side the coder resolved in it and every country
it names ("a Russian missile strike"), ``!side`` for an unplaced actor named by a proper name, ``^side`` for the
country that opens a sentence, ``~side`` for a country it names only by actors the resolver placed by a guess
(:mod:`gaiko.tracking.guessed`, round t63), and at sentence index :data:`CONTEXT_IDX` (-1) ``@side`` for the sides
the article is mainly about. :func:`month_of` is the month bucket (months since year 0, or None for a missing or
malformed date).
None of them raises on a record without offsets or sides; sides are those of :func:`gaiko.tracking.sides.side_of`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .lexicon import Lexicon, lexicon
from .guessed import guessed, guessed_only
from .people import people_keys
from .sides import side_of
from .talksoff import talks_off, talks_off_key
from .text import countries_in, keys

__all__ = ["CONTEXT_IDX", "month_of", "article_rows", "sentence_rows"]


#: sentence index of an article's context sides in ``sentence_keys``
CONTEXT_IDX = -1


def _proper(side: str, actor: dict[str, Any]) -> bool:
    """True when an unplaced side's word (``?:metals``) is capitalised in the actor's name ("Belmonte Metals"), not a
    common noun ("the company", "the ministry")."""
    word = side[2:]
    text = str(actor.get("name") or actor.get("text") or "").replace("’", "'")
    return any(w.lower() == word and w[:1].isupper() for w in re.findall(r"[\w-]+", text))


def _sentence_of(starts: list[int], pos: int) -> int:
    """Index of the sentence (by start offsets, ascending) containing character ``pos``."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


_SAYING = re.compile(r"\b(said|says|say|told|tells|according|announced|reported|confirmed|added|stated)\b", re.I)


def _first_sides(sents: list[tuple[int, int, str]], starts: list[int], actors: Iterable[dict[str, Any]],
                 lex: Lexicon) -> dict[int, str]:
    """The country that opens each sentence (its likely subject: the first resolved actor or country word, a dateline
    left out), unless it is saying something ("Britain said ..."); linking reads no further into a sentence whose
    subject is a country the pledge does not concern ("China bought record volumes of Brazilian soybeans")."""
    by_sent: dict[int, list[tuple[int, int, str]]] = {}
    for a in actors:
        side = side_of(a)
        if side and not side.startswith(("?:", "IGO:")) and starts:
            k = _sentence_of(starts, int(a.get("start") or 0))
            by_sent.setdefault(k, []).append((int(a.get("start") or 0), int(a.get("end") or 0), side))
    out: dict[int, str] = {}
    for k, (idx, start, text) in enumerate(sents):
        first: tuple[int, int, str] | None = None
        for s, e, side in by_sent.get(k, ()):
            if not text[e - start:e - start + 3].strip().startswith(("—", "–")) and (first is None or s - start < first[0]):
                first = (s - start, e - start, side.split("/")[0])
        for m in _CAPITAL_WORD.finditer(text):
            if first is not None and m.start() >= first[0]:
                break
            if text[m.end():m.end() + 3].strip().startswith(("—", "–")):
                continue
            iso = countries_in(m.group(0), lex)
            if iso:
                first = (m.start(), m.end(), next(iter(iso)))
                break
        # "Britain said Japan had cut the levy": a speaker opening the sentence is not the one acting; nor is the
        # subject of a passive ("the captured Russian soldiers were handed over")
        if first is not None and not _SAYING.search(text[first[1]:first[1] + 45]) and not _PASSIVE.search(text):
            out[idx] = first[2]
    return out


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|held|freed|sent|built|cut|"
                      r"paid|sold|bought|shut|set|put|made|won|lost|led|kept|left|struck|hit|seized|taken|given)\b")


_CAPITAL_WORD = re.compile(r"[A-Z][A-Za-z.'’-]*")


def month_of(published: str | None) -> int | None:
    """Months since year 0 of an ISO date (the bucket linking joins on, so a pledge reads only its term)."""
    if not published or len(published) < 7 or not published[:4].isdigit():
        return None
    return int(published[:4]) * 12 + int(published[5:7]) - 1


def article_rows(article_id: str, sentences: Iterable[tuple[int, int, str]], actors: Iterable[dict[str, Any]],
                 lex: Lexicon | None = None, published: str | None = None) -> dict[str, list[Any]]:
    """Key rows (columns a, i, s, m = the article's month, :func:`month_of`) of one article: ``sentences`` as (index,
    start offset, text), ``actors`` as dicts with ``start``, ``end`` and the fields :func:`side_of` reads."""
    lex = lex or lexicon()
    actors = list(actors)
    month = month_of(published)
    cols: dict[str, list[Any]] = {"a": [], "i": [], "s": [], "m": []}

    def add(idx: int, key: str) -> None:
        cols["a"].append(article_id)
        cols["i"].append(idx)
        cols["s"].append(key)
        cols["m"].append(month)

    sents = sorted(sentences)
    starts = [s[1] for s in sents]
    counts: Counter[str] = Counter()
    named: set[tuple[int, str]] = set()
    off: set[int] = set()
    words: dict[int, set[str]] = {}  # the countries each sentence names by a word of its own
    placed: dict[int, list[tuple[str, bool]]] = {}  # each sentence's actors' sides, and whether placed by a guess
    for idx, _start, text in sents:
        for k in sorted(keys(text, lex) | people_keys(text)):  # people_keys: "six Americans" (round t38)
            add(idx, k)
        if talks_off(text, lex):  # "called off the talks with Algeria" (round t36): keyed with the sides named below
            off.add(idx)
        words[idx] = countries_in(text, lex)
        named.update((idx, c) for c in words[idx])  # "a Russian missile strike" names Russia
    for a in actors:
        side = side_of(a)
        if not side or not starts:
            continue
        idx = sents[_sentence_of(starts, int(a.get("start") or 0))][0]
        if not side.startswith("?:"):
            counts[side] += 1
        elif _proper(side, a):  # an unplaced actor named by a proper name ("Belmonte Metals"): a doer of its own
            add(idx, "!" + side)
        named.add((idx, side))
        placed.setdefault(idx, []).append((side, guessed(a)))
    for idx, side in sorted(named):
        add(idx, "@" + side)
        if idx in off:
            add(idx, talks_off_key(side))
    for idx, got in sorted(placed.items()):  # sides named only by the resolver's guesses (round t63)
        for side in sorted(guessed_only(got, words.get(idx, ()))):
            add(idx, "~" + side)
    for idx, side in sorted(_first_sides(sents, starts, actors, lex).items()):
        add(idx, "^" + side)
    if counts:
        top = counts.most_common(1)[0][1]
        for side, n in sorted(counts.items()):
            if n * 3 >= top or n >= 3:
                add(CONTEXT_IDX, "@" + side)
    return cols


def sentence_rows(coded: Iterable[Any]) -> dict[str, list[Any]]:
    """Columns (a = article_id, i = sentence index, s = key, m = month) of ``sentence_keys`` for coded articles: worker
    processes compute them while coding, so the ledger update need not read the sentences afterwards."""
    lex = lexicon()
    cols: dict[str, list[Any]] = {"a": [], "i": [], "s": [], "m": []}
    for c in coded:
        rows = article_rows(c.article.id, ((s.index, s.start, s.text) for s in c.sentences),
                            (a.to_dict() for a in c.actors), lex, c.article.published)
        for k in cols:
            cols[k].extend(rows[k])
    return cols
