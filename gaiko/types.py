"""Shared record types for gaiko.

Every record is a plain dataclass that round-trips through ``to_dict`` /
``from_dict`` so it can cross process boundaries (workers, Ray) and be written
to the store or exported without custom encoders. Character offsets are always
relative to the *article* text, never to a sentence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = [
    "PLOVER_TYPES",
    "SECTORS",
    "Article",
    "Actor",
    "Place",
    "Event",
    "Quantity",
    "Deadline",
    "Pledge",
    "Evidence",
    "SentenceRecord",
    "CodedArticle",
    "InputError",
]

#: The 16 event types of PLOVER (2023 revision).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)

#: Actor sectors gaiko assigns (see docs/actors.md for their meaning).
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "LEG", "JUD", "POL", "BUS", "MED", "JRN", "CVL", "REB", "INS",
    "IGO", "NGO", "EDU", "REL", "LAB", "COP", "OPP", "ELI",
    "AGR", "REF", "CRM", "UAF",
)

T = TypeVar("T")


def _from_dict(cls: type[T], data: dict[str, Any] | None) -> T | None:
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` makes of a field value, without its deep copies (records hold only
    strings, numbers, records and lists/tuples/dicts of them)."""
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        cls = type(self)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(self))  # type: ignore[arg-type]
        return {n: _plain(getattr(self, n)) for n in names}


@dataclass
class Article(_Record):
    """An input article, before coding."""

    text: str
    id: str = ""  # content hash, filled by ``gaiko.ingest.article_id``
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None  # outlet name
    origin: str | None = None  # "path:line" it was read from
    external_id: str | None = None  # id given in the input, if any

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        out = _from_dict(cls, data)
        assert out is not None
        return out


@dataclass
class Actor(_Record):
    """One actor mention, resolved as far as gaiko's knowledge allows."""

    text: str  # mention text as written
    start: int = -1  # char offsets in the article
    end: int = -1
    name: str | None = None  # canonical name ("Sanae Takaichi", "Japan")
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO code
    sector: str | None = None  # GOV, MIL, ...
    role: str | None = None  # head_of_government, foreign_minister, ...
    person_id: str | None = None  # knowledge-base id of the person
    resolved_by: str = "unresolved"  # kb, title, metonymy, coref, demonym, country, sector, unresolved
    confidence: float = 0.0

    @property
    def code(self) -> str:
        """Phoenix-style code: country + sector, e.g. ``JPNGOV``."""
        return f"{self.country or '---'}{self.sector or ''}"

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        return _from_dict(cls, data)


@dataclass
class Place(_Record):
    text: str
    start: int = -1
    end: int = -1
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, city, region, sea, island...
    precision: str | None = None  # place (town, city, point), region (state, province, sea), country
    region: str | None = None  # the region the text placed it in ("Paris, Texas" -> Texas)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        return _from_dict(cls, data)


@dataclass
class Event(_Record):
    """A coded event: who did what to whom, when and where, with evidence.

    Offsets (``trigger_start``/``trigger_end``, the actors' ``start``/``end``, the place's) are character offsets
    into the article's text, end exclusive (``text[e.trigger_start:e.trigger_end] == e.trigger``); the store and
    exports also give ``sentence_start``, the sentence's offset, to read them from the sentence alone.
    ``goldstein`` is the Goldstein score of the CAMEO code, -10 (most conflictual) to +10 (most cooperative).
    ``date`` is an ISO date string (``YYYY-MM-DD``): the event's own date when the text gives one, else the article's
    publication date with ``date_precision`` ``published``; otherwise ``day``, ``week`` (the week's Monday), ``month``
    or ``year`` (the unit's first day), or ``shared`` (a date shared in one sentence: an upper bound).
    """

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    event_type: str  # PLOVER type
    trigger: str
    trigger_start: int
    trigger_end: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None  # CAMEO root code "01".."20"
    cameo_code: str | None = None  # most specific CAMEO code known
    goldstein: float | None = None
    quad_class: int | None = None  # PLOVER quad category of the type: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None  # ISO date the event happened (resolved)
    date_text: str | None = None
    date_precision: str = "day"  # day, week, month, year, published; shared: an upper bound (nominals.py)
    place: Place | None = None
    negated: bool = False
    hypothetical: bool = False
    intended: bool = False  # future / statement of intent, not an actual deed
    reported: bool = False  # reported speech ("X said Y did")
    pattern: str = ""  # id of the pattern that produced it
    confidence: float = 0.0
    coder_version: str = ""
    decided_by: str = "rule"  # what decided the type: rule, model, or both (they agreed)
    type_probability: float | None = None  # the type model's probability for the type, when it ran
    cameo_quad_class: int | None = None  # GDELT's quad class of the CAMEO root (quad_class follows PLOVER)
    #: every actor of a compound source or target ("Egypt, Qatar and Turkey brokered ..."), the first being
    #: ``source``/``target`` itself; empty when there is no source/target
    source_members: list[Actor] = field(default_factory=list)
    target_members: list[Actor] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        d = dict(data)
        d["source"] = Actor.from_dict(d.get("source"))
        d["target"] = Actor.from_dict(d.get("target"))
        for side in ("source_members", "target_members"):
            d[side] = [a for a in (Actor.from_dict(x) for x in d.get(side) or []) if a is not None]
        d["place"] = Place.from_dict(d.get("place"))
        out = _from_dict(cls, d)
        assert out is not None
        return out


@dataclass
class Quantity(_Record):
    text: str
    value: float | None = None
    unit: str | None = None  # "% of GDP", "USD", "tonnes", ...

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Quantity | None:
        return _from_dict(cls, data)


@dataclass
class Deadline(_Record):
    """A normalised deadline: an interval plus the words it came from."""

    text: str
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive; None when open-ended
    granularity: str = "day"  # day, month, quarter, year, fiscal_year, duration, open, symbolic
    kind: str = "by"  # by, within, duration, open, relative, symbolic
    anchor: str | None = None  # what a relative deadline is measured from

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Deadline | None:
        return _from_dict(cls, data)


@dataclass
class Evidence(_Record):
    article_id: str
    published: str | None
    sentence: str
    role: str  # made, restated, progress, fulfilled, broken, withdrawn, revised
    sentence_index: int = -1
    event_id: str | None = None
    note: str | None = None


@dataclass
class Pledge(_Record):
    """A statement of intent by an actor, as found in one article."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    actor: Actor
    action: str  # the promised action as text ("boost defense spending")
    event_type: str  # PLOVER type of the promised action
    kind: str  # promise, plan, threat, demand, agreement
    cue: str  # word(s) that marked it ("plans to", "vowed")
    cue_start: int = -1
    cue_end: int = -1
    object: str | None = None
    target: Actor | None = None
    speaker: Actor | None = None  # who said it, when not the actor itself
    quantity: Quantity | None = None
    deadline: Deadline | None = None
    conditions: str | None = None
    made_on: str | None = None  # ISO date
    status_in_text: str | None = None  # status the article itself reports (e.g. fulfilled)
    confidence: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pledge:
        d = dict(data)
        d["actor"] = Actor.from_dict(d.get("actor"))
        d["target"] = Actor.from_dict(d.get("target"))
        d["speaker"] = Actor.from_dict(d.get("speaker"))
        d["quantity"] = Quantity.from_dict(d.get("quantity"))
        d["deadline"] = Deadline.from_dict(d.get("deadline"))
        out = _from_dict(cls, d)
        assert out is not None
        return out


@dataclass
class SentenceRecord(_Record):
    index: int
    start: int
    end: int
    text: str


@dataclass
class CodedArticle(_Record):
    """Everything gaiko found in one article."""

    article: Article
    sentences: list[SentenceRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every actor mention
    places: list[Place] = field(default_factory=list)
    coder_version: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        return cls(
            article=Article.from_dict(data["article"]),
            sentences=[SentenceRecord(**s) for s in data.get("sentences", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            pledges=[Pledge.from_dict(p) for p in data.get("pledges", [])],
            actors=[a for a in (Actor.from_dict(x) for x in data.get("actors", [])) if a],
            places=[p for p in (Place.from_dict(x) for x in data.get("places", [])) if p],
            coder_version=data.get("coder_version", ""),
        )


@dataclass
class InputError(_Record):
    """An input that could not be coded, with where and why."""

    path: str
    reason: str  # short machine-readable reason (docs/cli.md lists them): empty, binary, encoding, json, ...
    detail: str
    line: int | None = None
    severity: str = "error"  # "error": the input was not coded; "warning": coded, but note this
    #: which input: the article's id when its text was read, else ``raw-`` and a hash of the record's bytes
    #: (a JSONL line, a JSON array item, a CSV row), None for a whole file
    input_id: str | None = None

    @classmethod
    def for_article(cls, art: Any, reason: str, detail: str) -> InputError:
        """The error of an article that was read but could not be coded, placed by its ``origin``
        (``path:line`` when it came from a line of a file)."""
        origin = getattr(art, "origin", None) or "<input>"
        path, _, line = origin.rpartition(":")
        lineno = int(line) if line.isdigit() and path else None
        return cls(path if lineno else origin, reason, detail, lineno, input_id=getattr(art, "id", None) or None)
