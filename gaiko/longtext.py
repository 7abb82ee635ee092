"""Texts longer than the parser takes: coded piece by piece, records put back in whole-text coordinates.

spaCy refuses a text over ``nlp.max_length`` (a million characters), and the
work of parsing and of some components grows faster than the text. So a long
text (up to the 10 MB input limit) is cut into pieces of at most
:data:`CHUNK_CHARS` characters at the best bound found (paragraph, line,
sentence, word), each piece is coded on its own, and its records are shifted:
character offsets by where the piece starts, sentence indices by the sentences
before it, and event and pledge ids made again from the shifted record. Cost is
linear in the length. A piece knows nothing of the pieces before it (a pronoun
at the start of a piece is not resolved to a name in the previous one); cuts
at paragraph breaks keep that rare.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .ids import event_id_of, record_id, unique_ids
from .nlp import parse_form
from .types import Article, CodedArticle

__all__ = ["CHUNK_CHARS", "split_text", "code_long"]

#: longest piece parsed at once, in characters
CHUNK_CHARS = 100_000
#: where a piece may end, best first: after a paragraph break, a line break, a sentence, a space
_BOUNDS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))
_OFFSET = re.compile(r"^(start|end|\w+_start|\w+_end)$")
_SENTENCE = ("sentence_index", "index")


def split_text(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it exactly, each ending at
    the best bound found in its second half (paragraph, line, sentence, word; mid-word only when there is none)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for bound in _BOUNDS:
            last = None
            for m in bound.finditer(text, start + size // 2, end):
                last = m
            if last is not None:
                cut = min(last.end(), end)
                break
        cut = cut or end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _shift(rec: Any, chars: int, sents: int, seen: set[int]) -> None:
    """Add ``chars`` to every character offset (int fields ``start``, ``end``, ``*_start``, ``*_end``; -1 stays)
    and ``sents`` to sentence indices, in ``rec`` and the records it holds, each record once."""
    if id(rec) in seen:
        return
    seen.add(id(rec))
    for f in dataclasses.fields(rec):
        v = getattr(rec, f.name)
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            if _OFFSET.match(f.name) and v >= 0:
                setattr(rec, f.name, v + chars)
            elif f.name in _SENTENCE and v >= 0:
                setattr(rec, f.name, v + sents)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            _shift(v, chars, sents, seen)
        elif isinstance(v, (list, tuple)):
            for x in v:
                if dataclasses.is_dataclass(x) and not isinstance(x, type):
                    _shift(x, chars, sents, seen)


def code_long(coder: Any, article: Article) -> CodedArticle:
    """Code ``article`` (already prepared) piece by piece with ``coder`` (a :class:`~gaiko.coder.Coder`)."""
    pieces = split_text(article.text, min(CHUNK_CHARS, coder.nlp.max_length))
    out = CodedArticle(article=article, coder_version="")
    chars = sents = 0
    for k, piece in enumerate(pieces):
        part = Article(text=piece, id=article.id, published=article.published, title=article.title,
                       origin=article.origin)
        zone = getattr(coder.nlp, "memory_zone", None)
        if callable(zone):
            with zone():
                coded = coder._finish(coder.nlp(parse_form(piece)), part)
        else:
            coded = coder._finish(coder.nlp(parse_form(piece)), part)
        seen: set[int] = set()
        for rec in (*coded.sentences, *coded.events, *coded.pledges, *coded.actors, *coded.places):
            _shift(rec, chars, sents, seen)
        for ev in coded.events:
            ev.id = event_id_of(ev)
        for p in coded.pledges:
            p.id = record_id("pl", article.id, "piece", k, p.id)
        out.sentences += coded.sentences
        out.events += coded.events
        out.pledges += coded.pledges
        out.actors += coded.actors
        out.places += coded.places
        out.coder_version = coded.coder_version
        chars += len(piece)
        sents += len(coded.sentences)
    without_id = lambda r: {**r.to_dict(), "id": None}  # noqa: E731
    out.events = unique_ids(out.events, without_id)
    out.pledges = unique_ids(out.pledges, without_id)
    return out
