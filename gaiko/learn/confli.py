"""Our PLOVER labels for ConfliBERT's training sentences, joined with their text.

The sentences are third-party text and stay in ``../shared``; the repository keeps only our
labels (``corpora/confli/labels-*.jsonl``): line number, SHA-1 of the sentence, the ConfliBERT
class, and events whose trigger and actors are character offsets into the sentence.
:func:`read_confli_corpus` returns :class:`~gaiko.learn.corpus.CorpusSentence` records, skipping
(and counting) labels whose sentence hash no longer matches.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import EvaluationError
from .corpus import CorpusEvent, CorpusSentence

__all__ = ["read_confli_corpus"]


def _sub(text: str, span: list[int] | None) -> str | None:
    return text[span[0]:span[1]] if span else None


def read_confli_corpus(label_files: Iterable[str | Path], tsv: str | Path) -> tuple[list[CorpusSentence], int]:
    """(sentences, number of labels skipped because their sentence changed)."""
    tsv = Path(tsv)
    if not tsv.is_file():
        raise EvaluationError(f"{tsv} not found; the ConfliBERT sentences live in ../shared/gold/confli_cameo")
    lines = tsv.read_text(encoding="utf-8").splitlines()
    out: list[CorpusSentence] = []
    skipped = 0
    for lf in label_files:
        for raw in Path(lf).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            r = json.loads(raw)
            n = int(r["line"])
            if n < 1 or n > len(lines):
                skipped += 1
                continue
            text = lines[n - 1].rsplit("\t", 1)[0].strip()
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
                skipped += 1
                continue
            events = []
            for e in r.get("events", []):
                trig = e.get("trigger")
                events.append(CorpusEvent(
                    type=e["type"], mode=e.get("mode"), trigger=_sub(text, trig),
                    source=[text[a:b] for a, b in e.get("source", [])],
                    target=[text[a:b] for a, b in e.get("target", [])],
                    source_country=list(e.get("source_country", [])), target_country=list(e.get("target_country", [])),
                    source_sector=list(e.get("source_sector", [])), target_sector=list(e.get("target_sector", [])),
                    intended=bool(e.get("intended")), negated=bool(e.get("negated")),
                    hypothetical=bool(e.get("hypothetical")), reported=bool(e.get("reported")),
                    trigger_span=(trig[0], trig[1]) if trig else None,
                ))
            out.append(CorpusSentence(id=f"confli-{n}", text=text, events=events, batch="confli",
                                      form="real-news", register="wire"))
    return out, skipped
