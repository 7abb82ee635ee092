"""The coder: text in, :class:`~gaiko.types.CodedArticle` out. No database involved."""

from __future__ import annotations

import datetime as dt
import itertools
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .docindex import remember_text, sentences, span_text
from .pipeline.parsefix import repair_parse
from .errors import GaikoError, InputRejected
from .ids import article_id, unique_ids
from .ingest_checks import MAX_BYTES, check_string, implausible_date, parse_date
from .nlp import load_model, parse_form
from .pipeline import DEFAULT_PIPELINE, build_pipeline, get_state
from .types import Article, CodedArticle, Event, InputError, SentenceRecord
from .version import CODER_VERSION

__all__ = ["Coder", "code_text"]

class Coder:
    """spaCy parse followed by gaiko's components, loaded once and reused.

    ``actor_files`` are extra actor knowledge files (YAML/CSV) layered over the
    bundled knowledge base. ``type_model`` is the path of a type-model artefact,
    ``False`` to code event types with the rules alone, or None for the shipped
    model (:mod:`gaiko.pipeline.typemodel`).
    """

    def __init__(
        self,
        model: str | None = None,
        components: tuple[str, ...] = DEFAULT_PIPELINE,
        actor_files: Iterable[str | Path] = (),
        batch_size: int = 16,
        type_model: str | Path | bool | None = None,
    ) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        tm = str(type_model) if isinstance(type_model, Path) else type_model
        self.components = build_pipeline(components, actor_files=tuple(str(p) for p in actor_files), type_model=tm)

    @property
    def component_names(self) -> list[str]:
        return [c.name for c in self.components]

    def _prepare(self, article: Article) -> Article:
        """Check an article before parsing; InputRejected (``empty``, ``field_type``, ``encoding``, ``too_large``,
        ``bad_date``) when it cannot be coded. A publication date that cannot be true
        (:func:`~gaiko.ingest_checks.implausible_date`) is dropped with a warning: the article is coded undated."""
        if not isinstance(article, Article):
            raise InputRejected("field_type", f"expected an Article, not {type(article).__name__}")
        text = check_string(article.text, "text")
        if not text or not text.strip():
            raise InputRejected("empty", "article has no text")
        if len(text) > MAX_BYTES:
            raise InputRejected("too_large", f"text is {len(text):,} characters; the limit is {MAX_BYTES:,}")
        if not article.id:
            article.id = article_id(text)
        pub = article.published
        if pub and not isinstance(pub, dt.date):
            pub = check_string(pub, "published") or ""
        if pub:  # read as a file's date is read: "20 November 2025", "2026-1-9"; "2025-02-30" is no calendar date
            pub = parse_date(pub)
            why = implausible_date(pub)
            if why:
                warnings.warn(f"article {article.id}: publication date {why}; coded as undated", stacklevel=3)
                pub = None
        article.published = pub or None
        return article

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, batching the parse. Articles must have text.

        A text longer than the parser's ``nlp.max_length`` (a million characters) is coded in pieces of at
        most 100,000 characters, cut at paragraph, sentence or word bounds, whose records are put back in
        whole-text coordinates (:mod:`gaiko.longtext`).
        """
        prepared = (self._prepare(a) for a in articles)
        limit = self.nlp.max_length
        for long, group in itertools.groupby(prepared, key=lambda a: len(a.text) > limit):
            if long:
                from .longtext import code_long

                for art in group:
                    yield code_long(self, art)
                continue
            pairs = ((parse_form(a.text), a) for a in group)
            for doc, art in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
                yield self._finish(doc, art)

    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_articles([article]))

    def parse_batch(self, articles: list[Article]) -> tuple[list[Article | CodedArticle | InputError], bytes]:
        """The spaCy half of :meth:`code_articles`, for a process that only parses: ``(items, docs)``.

        ``items`` follow ``articles``: a prepared :class:`Article` whose parse is the next Doc in ``docs`` (a
        serialised :class:`spacy.tokens.DocBin`, ~8 KB per 500-word article), an :class:`InputError` for one that
        cannot be coded (rejected, or the parser failed on it alone), or a :class:`CodedArticle` for a text longer
        than ``nlp.max_length`` (coded whole here, piece by piece). :meth:`finish_batch` completes the coding."""
        from spacy.tokens import DocBin

        items: list[Article | CodedArticle | InputError] = []
        todo: list[Article] = []
        for art in articles:
            try:
                prepared = self._prepare(art)
                if len(prepared.text) > self.nlp.max_length:
                    from .longtext import code_long

                    items.append(code_long(self, prepared))
                    continue
            except Exception as exc:  # noqa: BLE001 - recorded with its reason, the batch goes on
                items.append(failure(art, exc))
                continue
            items.append(prepared)
            todo.append(prepared)
        bin_ = DocBin(attrs=DOC_ATTRS, store_user_data=False)
        try:
            for doc in self.nlp.pipe([parse_form(a.text) for a in todo], batch_size=self.batch_size):
                bin_.add(doc)
        except Exception:  # noqa: BLE001 - parse one by one so one bad article loses nothing else
            bin_ = DocBin(attrs=DOC_ATTRS, store_user_data=False)
            for k, art in enumerate(items):
                if not isinstance(art, Article):
                    continue
                try:
                    bin_.add(self.nlp(parse_form(art.text)))
                except Exception as exc:  # noqa: BLE001
                    items[k] = failure(art, exc)
        return items, bin_.to_bytes()

    def finish_batch(self, items: list[Article | CodedArticle | InputError], docs: bytes) -> list[CodedArticle | InputError]:
        """gaiko's components over a batch :meth:`parse_batch` parsed (in this or another process): the same
        records :meth:`code_articles` gives; an article whose coding fails becomes an :class:`InputError`."""
        from spacy.tokens import DocBin

        has_docs = any(isinstance(i, Article) for i in items)
        parsed = DocBin().from_bytes(docs).get_docs(self.nlp.vocab) if has_docs else iter(())
        out: list[CodedArticle | InputError] = []
        for item in items:
            if not isinstance(item, Article):
                out.append(item)
                continue
            doc = next(parsed)
            try:
                out.append(self._finish(doc, item))
            except Exception as exc:  # noqa: BLE001 - recorded with its reason
                out.append(failure(item, exc))
        return out

    def _finish(self, doc: Any, art: Article) -> CodedArticle:
        state = get_state(doc)
        remember_text(doc, art.text)  # the doc was parsed from this very string
        state.article_id = art.id
        state.published = art.published
        repair_parse(doc, self.nlp)
        for comp in self.components:
            doc = comp(doc)
        records = [_trimmed(SentenceRecord(index=i, start=s.start_char, end=s.end_char, text=span_text(s)))
                   for i, s in enumerate(sentences(doc).spans)]
        for ev in state.events:
            ev.coder_version = CODER_VERSION
            ev.sentence = ev.sentence.rstrip()
            for side in (ev.source, ev.target, ev.place):
                _trimmed(side)
        for mention in (*state.actors, *state.places):
            _trimmed(mention)
        if parse_form(art.text) != art.text:  # the parser read look-alike apostrophes as "'": texts as written
            for ev in state.events:
                ev.trigger = _as_written(art.text, ev.trigger, ev.trigger_start, ev.trigger_end)
            for mention in (*state.actors, *state.places,
                            *(side for ev in state.events for side in (ev.source, ev.target, ev.place))):
                if mention is not None:
                    mention.text = _as_written(art.text, mention.text, mention.start, mention.end)
        return CodedArticle(
            article=art,
            sentences=records,
            events=unique_ids(state.events, _without_id),
            pledges=unique_ids(state.pledges, _without_id),
            actors=list(state.actors),
            places=list(state.places),
            coder_version=CODER_VERSION,
        )


#: token attributes a parse carries from a parsing process to the one that codes it (everything gaiko's components
#: read: text, tags, morphology, lemmas, the dependency tree, sentence starts, entities)
DOC_ATTRS = ("ORTH", "NORM", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "SENT_START", "ENT_IOB", "ENT_TYPE",
             "ENT_KB_ID", "SPACY")


def failure(art: Any, exc: BaseException) -> InputError:
    """The :class:`InputError` recording why ``art`` could not be coded (its reason when it has one)."""
    return InputError.for_article(art, getattr(exc, "reason", "coding_failed"), f"{type(exc).__name__}: {exc}")


def _trimmed(span: Any) -> Any:
    """``span`` (a sentence record or an actor mention) without the trailing blank lines or spaces a paragraph break
    leaves on the last token of a headline ("Chinese blockade\\n\\n"); its ``end`` offset follows. None stays None."""
    if span is None or not isinstance(getattr(span, "text", None), str):
        return span
    cut = len(span.text) - len(span.text.rstrip())
    if cut and span.text.strip():
        span.text = span.text[:-cut]
        if getattr(span, "end", -1) >= cut:
            span.end -= cut
    return span


def _as_written(text: str, parsed: str, start: int, end: int) -> str:
    """The words ``parsed`` (cut from :func:`~gaiko.nlp.parse_form` of ``text`` at ``start:end``) as ``text`` writes
    them; ``parsed`` itself when the offsets do not cover it."""
    if isinstance(parsed, str) and 0 <= start <= end <= len(text) and end - start == len(parsed):
        return text[start:end]
    return parsed


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

    ``published`` (a date, or a string read as a file's date is, :func:`gaiko.ingest_checks.parse_date`:
    ``2025-11-20``, ``20 November 2025``, ``2026-1-9``) anchors relative dates ("on Tuesday", "by next year").
    For pledges and actors too, use :class:`Coder` directly.
    Raises InputRejected (a GaikoError) for a text that cannot be coded: not a string, empty, a lone
    surrogate, over 10 MB, a date that cannot be read (``bad_date``: "2025-02-30" is no calendar date, "03/04/2025"
    has two readings); a date that cannot be true is dropped with a warning.
    """
    pub = published.isoformat() if isinstance(published, dt.date) else published
    coder = _default_coder(tuple(str(p) for p in actor_files))
    try:
        return coder.code_article(Article(text=text, title=title, published=pub)).events
    except GaikoError:
        raise
    except Exception as exc:  # a coder failure on this text: the caller gets gaiko's error, not a stack of spaCy's
        raise InputRejected("coding_failed", f"could not code this text ({type(exc).__name__}: {exc})") from exc
