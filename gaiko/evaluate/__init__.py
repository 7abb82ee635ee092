"""``gaiko eval``: code gold sentences and compare with what human coders found.

>>> from gaiko.evaluate import evaluate
>>> report = evaluate("../shared/gold/plover_gsr_dev.jsonl")   # doctest: +SKIP
>>> report["type_accuracy"]                                       # doctest: +SKIP

Formats: ``plover-gsr`` (PLOVER gold standard JSONL), ``petr-xml``
(PETRARCH validation XML), ``confli-class`` (sentence TAB quad class),
``case2021`` (CASE 2021 task 2 TSV with ACLED sub-types). See
``docs/accuracy.md``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .gold import FORMATS, GoldItem, detect_format, read_gold

if TYPE_CHECKING:
    from ..coder import Coder
    from ..types import Event

__all__ = ["evaluate", "code_items", "FORMATS", "GoldItem", "detect_format", "read_gold"]


def code_items(items: list[GoldItem], coder: Coder) -> list[list[Event]]:
    """Code every gold text as a one-sentence article dated with the gold date."""
    from ..types import Article

    arts = (Article(text=it.text, published=it.date if _iso(it.date) else None, external_id=it.id) for it in items)
    return [ca.events for ca in coder.code_articles(arts)]


def _iso(d: str | None) -> bool:
    return bool(d) and len(d or "") >= 10 and (d or "")[4] == "-"


def evaluate(path: str | Path, fmt: str | None = None, *, coder: Coder | None = None,
             errors: int = 0, limit: int | None = None, split: str = "all") -> dict[str, Any]:
    """Score gaiko on a gold file; returns the report as a dict (see docs/accuracy.md).

    ``split`` keeps ``all`` items, the ``tuned`` part or the ``blind`` part
    (:mod:`gaiko.evaluate.split`). Error listings never show blind items (and are
    refused for ``split="blind"``): nobody reads them sentence by sentence.

    Raises :class:`~gaiko.errors.EvaluationError` for unreadable files, unknown
    formats and an error listing asked of the blind split.
    """
    from ..errors import EvaluationError
    from .scoring import score_case, score_confli, score_corpus, score_petr, score_plover
    from .split import SPLITS, select

    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    fmt, items = read_gold(path, fmt)
    items = select(items, split)
    if not items:
        raise EvaluationError(f"no gold items in the {split} part of {path}: nothing to score; use --split all")
    if errors and split == "blind":
        raise EvaluationError("--errors lists sentences and the blind split is never read; use --split tuned")
    if limit:
        items = items[:limit]
    if coder is None:
        from ..coder import Coder

        coder = Coder()
    t0 = time.perf_counter()
    coded = code_items(items, coder)
    secs = time.perf_counter() - t0
    scorer = {"plover-gsr": score_plover, "petr-xml": score_petr, "gaiko-corpus": score_corpus,
              "confli-class": score_confli, "case2021": score_case}[fmt]
    report = scorer(items, coded, len(items) if errors else 0)
    if errors:  # listed misses come from the tuned part only: nobody reads the blind part
        from .split import is_blind

        report["errors"] = [e for e in report.get("errors", []) if not is_blind(e["text"])][:errors]
    report["sentences_per_second"] = round(len(items) / secs, 1) if secs > 0 else 0.0
    report["gold"] = str(path)
    report["split"] = split
    return report
