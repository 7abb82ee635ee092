"""The coder: text in, :class:`~gaiko.types.CodedArticle` out. No database involved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .docindex import remember_text, sentences, span_text
from .errors import InputRejected
from .ids import article_id, unique_ids
from .nlp import load_model
from .pipeline import DEFAULT_PIPELINE, build_pipeline, get_state
from .types import Article, CodedArticle, Event, SentenceRecord
from .version import CODER_VERSION

__all__ = ["Coder", "code_text"]


class Coder:
    """spaCy parse followed by gaiko's components, loaded once and reused.

    ``actor_files`` are extra actor knowledge files (YAML/CSV) layered over the
    bundled knowledge base.
    """

    def __init__(
        self,
        model: str | None = None,
        components: tuple[str, ...] = DEFAULT_PIPELINE,
        actor_files: Iterable[str | Path] = (),
        batch_size: int = 16,
    ) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.components = build_pipeline(components, actor_files=tuple(str(p) for p in actor_files))

    @property
    def component_names(self) -> list[str]:
        return [c.name for c in self.components]

    def _prepare(self, article: Article) -> Article:
        if not article.text or not article.text.strip():
            raise InputRejected("empty", "article has no text")
        if not article.id:
            article.id = article_id(article.text)
        if article.published:
            try:
                dt.date.fromisoformat(article.published[:10])
            except ValueError:
                raise InputRejected("bad_date", f"unparseable publication date {article.published!r}") from None
            article.published = article.published[:10]
        return article

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, batching the parse. Articles must have text."""
        prepared = (self._prepare(a) for a in articles)
        pairs = ((a.text, a) for a in prepared)
        for doc, art in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield self._finish(doc, art)

    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_articles([article]))

    def _finish(self, doc: Any, art: Article) -> CodedArticle:
        state = get_state(doc)
        remember_text(doc, art.text)  # the doc was parsed from this very string
        state.article_id = art.id
        state.published = art.published
        for comp in self.components:
            doc = comp(doc)
        records = [
            SentenceRecord(index=i, start=s.start_char, end=s.end_char, text=span_text(s))
            for i, s in enumerate(sentences(doc).spans)
        ]
        for ev in state.events:
            ev.coder_version = CODER_VERSION
        return CodedArticle(
            article=art,
            sentences=records,
            events=unique_ids(state.events, _without_id),
            pledges=unique_ids(state.pledges, _without_id),
            actors=list(state.actors),
            places=list(state.places),
            coder_version=CODER_VERSION,
        )


def _without_id(record: Any) -> dict[str, Any]:
    return {**record.to_dict(), "id": None}


_DEFAULT: dict[tuple[Any, ...], Coder] = {}


def _default_coder(actor_files: tuple[str, ...] = ()) -> Coder:
    key = actor_files
    if key not in _DEFAULT:
        _DEFAULT[key] = Coder(actor_files=actor_files)
    return _DEFAULT[key]


def code_text(
    text: str,
    published: str | dt.date | None = None,
    *,
    title: str | None = None,
    actor_files: Iterable[str | Path] = (),
) -> list[Event]:
    """Code one text and return its events (no database involved).

    ``published`` (date or ISO string) anchors relative dates ("on Tuesday",
    "by next year"). For pledges and actors too, use :class:`Coder` directly.
    """
    pub = published.isoformat() if isinstance(published, dt.date) else published
    coder = _default_coder(tuple(str(p) for p in actor_files))
    return coder.code_article(Article(text=text, title=title, published=pub)).events
