"""Per-document lookups computed once and shared by all components.

spaCy builds a new ``Token`` object on every ``doc[i]``, ``.head`` or
``.children`` and walks the sentence on every ``token.sent``; gaiko's
components ask such questions tens of times per token. This module reads
the columns they ask for most (lower-case text, lemma, part of speech) and
the sentence boundaries once per document, caching them in ``doc.user_data``.
Pure lookups: nothing here changes what any component decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Columns", "Sentences", "columns", "entities", "remember_text", "sentences", "span_text", "text"]

_SENTS = "gaiko.sentences"
_COLS = "gaiko.columns"
_TEXT = "gaiko.text"


class Sentences:
    """The document's sentences as spans, and the sentence of every token."""

    __slots__ = ("spans", "starts", "of_token")

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents)
        self.starts: list[int] = [s.start for s in self.spans]
        of: list[int] = [0] * len(doc)
        for k, s in enumerate(self.spans):
            of[s.start:s.end] = [k] * (s.end - s.start)
        self.of_token = of

    def index(self, i: int) -> int:
        """Index of the sentence holding token ``i``."""
        return self.of_token[i]

    def start(self, i: int) -> int:
        """First token of the sentence holding token ``i`` (``doc[i].sent.start``)."""
        return self.starts[self.of_token[i]]

    def span(self, i: int) -> Span:
        """The sentence holding token ``i`` (``doc[i].sent``)."""
        return self.spans[self.of_token[i]]


class Columns:
    """Token attributes read once: text, lower (with typographic apostrophes folded), lemma lower, POS,
    dependency label, whether whitespace follows, whether it is punctuation."""

    __slots__ = ("text", "lower", "lemma", "pos", "dep", "space", "punct")

    def __init__(self, doc: Doc) -> None:
        text: list[str] = []
        lower: list[str] = []
        lemma: list[str] = []
        pos: list[str] = []
        dep: list[str] = []
        space: list[bool] = []
        punct: list[bool] = []
        for t in doc:
            text.append(t.text)
            lower.append(t.lower_.replace("\u2019", "'"))
            lemma.append(t.lemma_.lower())
            pos.append(t.pos_)
            dep.append(t.dep_)
            space.append(bool(t.whitespace_))
            punct.append(t.is_punct)
        self.text, self.lower, self.lemma, self.pos = text, lower, lemma, pos
        self.dep, self.space, self.punct = dep, space, punct


def _cached(doc: Doc, key: str, build: Any) -> Any:
    data = doc.user_data
    value = data.get(key)
    if value is None:
        value = data[key] = build(doc)
    return value


def sentences(doc: Doc) -> Sentences:
    """The (cached) sentence index of ``doc``."""
    return _cached(doc, _SENTS, Sentences)  # type: ignore[no-any-return]


def columns(doc: Doc) -> Columns:
    """The (cached) token columns of ``doc``."""
    return _cached(doc, _COLS, Columns)  # type: ignore[no-any-return]


def text(doc: Doc) -> str:
    """The (cached) document text (``doc.text`` joins every token on each call)."""
    return _cached(doc, _TEXT, lambda d: d.text)  # type: ignore[no-any-return]


def remember_text(doc: Doc, source: str) -> None:
    """Record the string ``doc`` was parsed from, so :func:`text` need not rebuild it."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(source):
        doc.user_data[_TEXT] = source


def span_text(span: Span) -> str:
    """``span.text`` cut from the cached document text."""
    return text(span.doc)[span.start_char:span.end_char]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The (cached) named entities (``doc.ents`` rebuilds its spans on each call)."""
    return _cached(doc, "gaiko.ents", lambda d: tuple(d.ents))  # type: ignore[no-any-return]
