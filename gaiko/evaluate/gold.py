"""Readers for the gold formats ``gaiko eval`` understands.

Every reader returns :class:`GoldItem` records: one sentence (or snippet) of
text with what a human coder found in it.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import EvaluationError

__all__ = ["GoldItem", "GoldActor", "FORMATS", "detect_format", "read_gold"]

FORMATS = ("plover-gsr", "petr-xml", "confli-class", "case2021", "gaiko-corpus")


@dataclass
class GoldActor:
    country: str  # first three letters of the gold code ("IGO" for international bodies)
    sector: str | None = None
    text: str | None = None


@dataclass
class GoldItem:
    id: str
    text: str
    date: str | None = None
    #: gold event types (PLOVER) or CAMEO codes (petr-xml); empty = "no event"
    types: list[str] = field(default_factory=list)
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    #: petr-xml: list of (cameo code, source code, target code)
    codings: list[tuple[str, str, str]] = field(default_factory=list)
    label: str | None = None  # confli-class class / case2021 sub-type
    extra: dict[str, Any] = field(default_factory=dict)


def detect_format(path: Path) -> str:
    """Guess the gold format from the file name and its first bytes; EvaluationError for an empty file ("no gold
    items in FILE") or one of no known format."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(4000)
    except OSError as exc:
        raise EvaluationError(f"cannot read gold file {path}: {exc}; check the path") from None
    stripped = head.lstrip()
    if not stripped:  # an empty file (or blank lines only) is in no format: say that, not "cannot tell the format"
        raise EvaluationError(f"no gold items in {path}: the file is empty (or blank lines only); give a gold file with items")
    if stripped.startswith("{") and '"events"' in head:
        return "gaiko-corpus"
    if stripped.startswith("{") and "plover" in head.lower():
        return "plover-gsr"
    if stripped.startswith("<") or "<EventCoding" in head:
        return "petr-xml"
    first = stripped.splitlines()[0] if stripped else ""
    if "EventSnippet" in first or "SubType" in first:
        return "case2021"
    if re.match(r".*\t[0-4]\s*$", first):
        return "confli-class"
    raise EvaluationError(
        f"cannot tell the format of {path}; pass --format with one of {', '.join(FORMATS)}"
    )


@lru_cache(maxsize=1)
def _legacy_codes() -> dict[str, str]:
    from ..tables import data_path

    out: dict[str, str] = {}
    with data_path("legacy_country_codes.tsv").open(encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        out[row["legacy"]] = row["iso"]
    return out


def normalise_country(code: str) -> str:
    """Gold country code with CAMEO-era codes (JAP, ROM, ...) mapped to ISO 3166-1 alpha-3."""
    c = code[:3].upper()
    return _legacy_codes().get(c, c)


def _actors(raw: Any) -> list[GoldActor]:
    out: list[GoldActor] = []
    if not isinstance(raw, list):
        return out
    for a in raw:
        if isinstance(a, dict) and a.get("code"):
            sector = a.get("sector") or None
            out.append(GoldActor(normalise_country(str(a["code"])), str(sector) if sector else None, a.get("actorText")))
    return out


def read_plover_gsr(path: Path) -> list[GoldItem]:
    items: list[GoldItem] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{n}: invalid JSON ({exc.msg}); is this a PLOVER JSONL file?") from None
            etype = r.get("plover_2023_event") or r.get("event")
            if not r.get("text") or not etype:
                raise EvaluationError(f"{path}:{n}: record lacks 'text' or 'plover_2023_event'")
            items.append(GoldItem(
                id=str(r.get("id", n)), text=str(r["text"]).strip(), date=r.get("date"),
                types=[str(etype)], sources=_actors(r.get("source")), targets=_actors(r.get("target")),
                extra={"mode": r.get("mode"), "event_text": r.get("eventText")},
            ))
    return items


_SENT = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")


def read_petr_xml(path: Path) -> list[GoldItem]:
    """PETRARCH validation XML (tolerant: the published files are not strict XML)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    items: list[GoldItem] = []
    for m in _SENT.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        t = _TEXT.search(body)
        if not t or not t.group(1).strip():
            continue
        codings: list[tuple[str, str, str]] = []
        for c in _CODING.finditer(body):
            a = dict(_ATTR.findall(c.group(1)))
            if a.get("noevents", "").lower() == "true":
                continue
            if a.get("eventcode"):
                codings.append((a["eventcode"], a.get("sourcecode", ""), a.get("targetcode", "")))
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else None
        items.append(GoldItem(id=attrs.get("id", str(len(items))), text=" ".join(t.group(1).split()),
                              date=date, types=[c[0] for c in codings], codings=codings))
    if not items:
        raise EvaluationError(f"{path}: no <Sentence> with <Text> found; is this a PETRARCH validation file?")
    return items


def read_confli_class(path: Path) -> list[GoldItem]:
    items: list[GoldItem] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").rsplit("\t", 1)
            if len(parts) != 2 or not parts[1].strip().isdigit():
                continue
            items.append(GoldItem(id=str(n), text=parts[0].strip(), label=parts[1].strip()))
    if not items:
        raise EvaluationError(f"{path}: no 'sentence<TAB>class' lines found")
    return items


def read_case2021(path: Path) -> list[GoldItem]:
    items: list[GoldItem] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not reader.fieldnames or "EventSnippet" not in reader.fieldnames:
            raise EvaluationError(f"{path}: expected columns id, EventSnippet, SubType")
        for row in reader:
            if row.get("EventSnippet") and row.get("SubType"):
                items.append(GoldItem(id=str(row.get("id")), text=row["EventSnippet"].strip(), label=row["SubType"].strip()))
    return items


#: the corpus labels health workers HLH; gaiko (like the PLOVER gold) calls them MED
_CORPUS_SECTORS = {"HLH": "MED"}


def read_gaiko_corpus(path: Path) -> list[GoldItem]:
    """gaiko's own labelled corpus (``corpora/events``, format in its README): one JSONL file, or a folder
    whose ``*.jsonl`` files are read in name order. Items keep the primary event's type (none for a no-event
    sentence) and its actors with a known country."""
    from ..learn.corpus import read_corpus

    items: list[GoldItem] = []
    for s in read_corpus(sorted(path.glob("*.jsonl")) if path.is_dir() else [path]):
        ev = s.events[0] if s.events else None
        srcs: list[GoldActor] = []
        tgts: list[GoldActor] = []
        if ev is not None:
            for names, countries, sectors, out in ((ev.source, ev.source_country, ev.source_sector, srcs),
                                                   (ev.target, ev.target_country, ev.target_sector, tgts)):
                for k, c in enumerate(countries):
                    if c:
                        sec = sectors[k] if k < len(sectors) else None
                        out.append(GoldActor(normalise_country(c), _CORPUS_SECTORS.get(sec, sec) if sec else None,
                                             names[k] if k < len(names) else None))
        items.append(GoldItem(id=s.id, text=s.text, date=s.published, types=[ev.type] if ev else [],
                              sources=srcs, targets=tgts,
                              extra={"batch": s.batch, "form": s.form, "domain": s.domain,
                                     "all_types": [e.type for e in s.events]}))
    return items


READERS = {"plover-gsr": read_plover_gsr, "petr-xml": read_petr_xml,
           "confli-class": read_confli_class, "case2021": read_case2021, "gaiko-corpus": read_gaiko_corpus}


def read_gold(path: str | Path, fmt: str | None = None) -> tuple[str, list[GoldItem]]:
    """(format, items) of the gold file ``path`` (format detected when None); a folder is read as
    ``gaiko-corpus`` (its ``*.jsonl`` files). EvaluationError: missing, unknown format, a folder in another
    format or without ``.jsonl`` files, no gold items."""
    p = Path(path)
    if p.is_dir():
        if fmt not in (None, "gaiko-corpus"):
            raise EvaluationError(f"{p} is a folder; only --format gaiko-corpus reads a folder (of .jsonl files)")
        if not any(p.glob("*.jsonl")):
            raise EvaluationError(f"gold folder {p} holds no .jsonl files; give a gold file or a gaiko-corpus folder")
        fmt = "gaiko-corpus"
    elif not p.is_file():
        raise EvaluationError(f"gold file {p} not found; give the path to a gold file")
    fmt = fmt or detect_format(p)
    if fmt not in READERS:
        raise EvaluationError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}")
    items = READERS[fmt](p)
    if not items:
        raise EvaluationError(f"no gold items in {p} (read as {fmt}): nothing to score; check the file and --format")
    return fmt, items
