"""gaiko's own labelled event corpus (``corpora/events/*.jsonl``): reading and checking.

The format is documented in ``corpora/events/README.md``. :func:`read_corpus`
returns :class:`CorpusSentence` records; :func:`check_record` lists what is
wrong with one raw record (an empty list when it is valid).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..types import PLOVER_TYPES

__all__ = ["CorpusEvent", "CorpusSentence", "CorpusArticle", "SECTORS", "check_record", "read_corpus",
           "read_articles"]

SECTORS = frozenset("GOV MIL COP LEG JUD POL OPP BUS MED JRN CVL REB INS IGO NGO EDU REL LAB ELI AGR REF CRM "
                    "UAF HLH".split())
FLAGS = ("intended", "negated", "hypothetical", "reported")


@dataclass
class CorpusEvent:
    type: str
    mode: str | None = None
    trigger: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_country: list[str | None] = field(default_factory=list)
    target_country: list[str | None] = field(default_factory=list)
    source_sector: list[str | None] = field(default_factory=list)
    target_sector: list[str | None] = field(default_factory=list)
    intended: bool = False
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    trigger_span: tuple[int, int] | None = None  # character offsets of the trigger, when known exactly

    def trigger_range(self, text: str) -> tuple[int, int] | None:
        """Character range of the trigger in ``text`` (the first occurrence of its words)."""
        if self.trigger_span is not None:
            return self.trigger_span
        if not self.trigger:
            return None
        i = text.find(self.trigger)
        return (i, i + len(self.trigger)) if i >= 0 else None


@dataclass
class CorpusSentence:
    id: str
    text: str
    events: list[CorpusEvent]
    published: str | None = None
    domain: str | None = None
    form: str | None = None
    register: str | None = None
    batch: str = ""
    group: str | None = None  # what the blind split hashes when not the text (an article's id)

    @property
    def split_key(self) -> str:
        return self.group or self.text

    @property
    def primary_type(self) -> str:
        """The type of the primary event, ``"NONE"`` for a no-event sentence."""
        return self.events[0].type if self.events else "NONE"


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return list(v) if isinstance(v, list) else [v]


def check_record(r: Any) -> list[str]:
    """What is wrong with one raw corpus record (``[]`` when nothing)."""
    errs: list[str] = []
    if not isinstance(r, dict):
        return ["record is not a JSON object"]
    text = r.get("text")
    if not isinstance(text, str) or not text.strip():
        return ["missing 'text'"]
    if not isinstance(r.get("id"), str):
        errs.append("missing 'id'")
    evs = r.get("events")
    if not isinstance(evs, list):
        return errs + ["'events' must be a list ([] for no event)"]
    for n, e in enumerate(evs):
        where = f"event {n}"
        if not isinstance(e, dict):
            errs.append(f"{where}: not an object")
            continue
        if e.get("type") not in PLOVER_TYPES:
            errs.append(f"{where}: unknown type {e.get('type')!r}")
        trig = e.get("trigger")
        if trig is not None and (not isinstance(trig, str) or trig not in text):
            errs.append(f"{where}: trigger {trig!r} is not a substring of the text")
        for role in ("source", "target"):
            names = _as_list(e.get(role))
            for nm in names:
                if not isinstance(nm, str) or nm not in text:
                    errs.append(f"{where}: {role} {nm!r} is not a substring of the text")
            for suffix in ("country", "sector"):
                vals = _as_list(e.get(f"{role}_{suffix}"))
                if vals and names and len(vals) != len(names):
                    errs.append(f"{where}: {role}_{suffix} must have one value per {role}")
                for v in vals:
                    if v is None:
                        continue
                    if suffix == "country" and not (isinstance(v, str) and len(v) == 3 and v.isupper()):
                        errs.append(f"{where}: {role}_country {v!r} is not an ISO alpha-3 code or IGO")
                    if suffix == "sector" and v not in SECTORS:
                        errs.append(f"{where}: {role}_sector {v!r} is not a known sector")
        for flag in FLAGS:
            if flag in e and not isinstance(e[flag], bool):
                errs.append(f"{where}: {flag} must be true or false")
    pub = r.get("published")
    if pub is not None and not (isinstance(pub, str) and len(pub) == 10 and pub[4] == "-" and pub[7] == "-"):
        errs.append(f"published {pub!r} is not YYYY-MM-DD")
    return errs


def _event(e: dict[str, Any]) -> CorpusEvent:
    return CorpusEvent(
        type=e["type"], mode=e.get("mode") or None, trigger=e.get("trigger"),
        source=_as_list(e.get("source")), target=_as_list(e.get("target")),
        source_country=_as_list(e.get("source_country")), target_country=_as_list(e.get("target_country")),
        source_sector=_as_list(e.get("source_sector")), target_sector=_as_list(e.get("target_sector")),
        **{f: bool(e.get(f, False)) for f in FLAGS},
    )


def read_corpus(paths: Iterable[str | Path], *, strict: bool = True) -> list[CorpusSentence]:
    """Read corpus JSONL files. ``strict`` raises :class:`EvaluationError` on the
    first invalid record (with file and line); otherwise invalid records are skipped."""
    out: list[CorpusSentence] = []
    seen: set[str] = set()
    for p in map(Path, paths):
        batch = p.stem.split("-")[1] if p.stem.startswith("batch-") and "-" in p.stem else p.stem
        with p.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as exc:
                    if strict:
                        raise EvaluationError(f"{p}:{n}: invalid JSON ({exc.msg})") from None
                    continue
                errs = check_record(r)
                key = " ".join(str(r.get("text", "")).lower().split()) if isinstance(r, dict) else ""
                if not errs and key in seen:
                    errs = ["duplicate text"]
                if errs:
                    if strict:
                        raise EvaluationError(f"{p}:{n}: {'; '.join(errs)}")
                    continue
                seen.add(key)
                out.append(CorpusSentence(
                    id=r["id"], text=r["text"].strip(), events=[_event(e) for e in r["events"]],
                    published=r.get("published"), domain=r.get("domain"), form=r.get("form"),
                    register=r.get("register"), batch=batch,
                ))
    return out


@dataclass
class CorpusArticle:
    """A labelled news article (``corpora/articles``): its text and its sentences with their events."""

    id: str
    text: str
    published: str | None
    source: str | None
    title: str | None
    sentences: list[CorpusSentence]


def read_articles(paths: Iterable[str | Path]) -> list[CorpusArticle]:
    """Read labelled articles; invalid ones raise :class:`EvaluationError` with file and line."""
    out: list[CorpusArticle] = []
    for p in map(Path, paths):
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{p}:{n}: invalid JSON ({exc.msg})") from None
            sents: list[CorpusSentence] = []
            for k, s in enumerate(a.get("sentences", [])):
                errs = check_record({"id": "x", "text": s.get("text"), "events": s.get("events")})
                if errs:
                    raise EvaluationError(f"{p}:{n}: sentence {k}: {'; '.join(errs)}")
                sents.append(CorpusSentence(id=f"{a['id']}-{k}", text=s["text"].strip(),
                                            events=[_event(e) for e in s["events"]], published=a.get("published"),
                                            batch="articles", group=str(a["id"])))
            out.append(CorpusArticle(id=str(a["id"]), text=a["text"], published=a.get("published"),
                                     source=a.get("source"), title=a.get("title"), sentences=sents))
    return out
