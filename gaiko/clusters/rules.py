"""The clustering rules (``gaiko/data/clusters.yaml``) and what they make of one mention.

A mention's *unit* is what it says about the event, reduced to what reports of one event share:

* ``status``: ``actual``, ``intended`` (intended or hypothetical) or ``negated``;
* ``event_type`` and ``mode`` (``?`` when the mention has no mode);
* ``src`` / ``tgt``: the side of each actor (:meth:`Rules.side`): ``JPN`` for the state, ``JPN:society`` for a
  group of sectors, ``JPN:*`` for someone of that country who is not said, ``?`` when unresolved or absent;
* ``place``: ``P:<name>|<country>`` for a place below country level, ``C:<country>`` for a country,
  ``?`` when there is none or it is not in the gazetteer;
* ``lo`` / ``hi``: the window of days (proleptic ordinals) the event may have happened on
  (:meth:`Rules.window`), from its date and precision.

Everything here is a pure function of the mention and the rules file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError

__all__ = ["Rules", "load_rules", "WILD", "Unit", "unit_of", "units_of", "status_of", "compatible", "directed", "sides_agree", "order",
           "side_country", "PRECISIONS"]

#: the value of a dimension a mention leaves open
WILD = "?"
#: date precisions the coder produces (others fall back to the rules' ``other`` window)
PRECISIONS = ("day", "week", "month", "year", "published")
_DATE_KEYS = {"before", "after", "span", "aligned", "halfwidth"}


@dataclass(frozen=True)
class Rules:
    """Loaded clustering rules; see ``gaiko/data/clusters.yaml`` for what each means."""

    state_sectors: frozenset[str]
    groups: dict[str, str]  # sector -> group name
    named_codes: frozenset[str]
    state_resolutions: frozenset[str]
    side_level: str  # "country" or "group"
    undirected: frozenset[str]  # event types whose source and target may come in either order
    persons: bool  # two different named people are two different actors
    place_level: str  # "city" or "country"
    compare_modes: bool
    dates: dict[str, dict[str, Any]]
    nearest_first: frozenset[str]
    max_window_days: int
    precision_order: tuple[str, ...]
    country_names: frozenset[str] = field(default=frozenset())
    path: str = ""

    # -- sides ---------------------------------------------------------------
    def side(self, country: str | None, sector: str | None, name: str | None, resolved_by: str | None = None,
             person: str | None = None) -> str:
        """The side an actor stands for: ``JPN`` (the state), ``JPN:society`` (a group), ``JPN:*`` (someone of
        that country, who is not said: "a Japanese national"), ``IGO=united nations``, or ``?``; with
        ``sides.persons``, a named person's id follows an ``@`` (``JPN@p123``): the person agrees with their
        side, but two different people do not agree with each other."""
        base = self._side(country, sector, name, resolved_by)
        return f"{base}@{person}" if person and base != WILD and self.persons else base

    def _side(self, country: str | None, sector: str | None, name: str | None, resolved_by: str | None) -> str:
        if not country:
            return WILD
        if country in self.named_codes:
            return f"{country}={(name or sector or WILD).strip().lower()}"
        if self.side_level == "country":
            return country
        if sector is None:
            if resolved_by in self.state_resolutions or (
                    resolved_by == "coref" and (name or "").strip().lower() in self.country_names):
                return country
            return f"{country}:*"
        if sector in self.state_sectors:
            return country
        return f"{country}:{self.groups.get(sector, sector)}"

    # -- dates ---------------------------------------------------------------
    def window(self, date: dt.date | None, precision: str | None, published: dt.date | None) -> tuple[int | None, int | None]:
        """(first, last) day ordinal the event may have happened on; (None, None) when it has no date at all."""
        if date is None:
            date = published if precision == "published" else None
        if date is None:
            return None, None
        conf = self.dates.get(precision or "other") or self.dates["other"]
        d = date.toordinal()
        aligned = conf.get("aligned")
        if aligned == "month" and date.day == 1:
            nxt = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
            return d, nxt.toordinal() - 1
        if aligned == "year" and (date.month, date.day) == (1, 1):
            return d, dt.date(date.year, 12, 31).toordinal()
        if aligned:
            half = int(conf.get("halfwidth", 0))
            return d - half, d + half
        if conf.get("span") == "week":
            start = d - date.weekday()
            return start, start + 6
        return d - int(conf.get("before", 0)), d + int(conf.get("after", 0))

    def rank(self, precision: str) -> int:
        """Position of a precision in ``precision_order`` (unknown ones last)."""
        try:
            return self.precision_order.index(precision)
        except ValueError:
            return len(self.precision_order)

    # -- places --------------------------------------------------------------
    def place_key(self, name: str | None, country: str | None) -> str:
        if not name and not country or self.place_level == "none":
            return WILD
        if self.place_level == "country":
            return f"C:{country}" if country else WILD
        if not name or name.strip().lower() in self.country_names:
            return f"C:{country}" if country else WILD
        return f"P:{name.strip().lower()}|{country or WILD}"


def status_of(negated: Any, intended: Any, hypothetical: Any) -> str:
    if negated:
        return "negated"
    if intended or hypothetical:
        return "intended"
    return "actual"


@dataclass(frozen=True)
class Unit:
    """What a mention says about its event, as the clustering compares it (see the module docstring)."""

    status: str
    event_type: str
    src: str
    tgt: str
    place: str
    mode: str
    prec: str  # the date precision, one of the rules' precision_order or "other"
    lo: int | None
    hi: int | None

    @property
    def key(self) -> str:
        return "\x1f".join(str(v) for v in (self.status, self.event_type, self.src, self.tgt, self.place, self.mode,
                                           self.prec, self.lo, self.hi))

    @property
    def width(self) -> int:
        return (self.hi - self.lo + 1) if self.lo is not None and self.hi is not None else 1 << 30

    @property
    def specificity(self) -> int:
        """How much the unit says: 2 per country among its actors (a side known down to its group adds 1), 2 for a
        place below country level, 1 for a country; 1 for a mode."""
        groups = sum(1 for s in (self.src, self.tgt) if s != WILD and (":" in s and not s.split("@")[0].endswith(":*")))
        groups += sum(1 for s in (self.src, self.tgt) if "@" in s)
        return 2 * len(self.countries) + groups + _place_level(self.place) + (self.mode != WILD)

    @property
    def countries(self) -> tuple[str, ...]:
        """The distinct countries among its actors, sorted (one for "X did something", or "X did it to X")."""
        return tuple(sorted({side_country(s) for s in (self.src, self.tgt) if s != WILD}))

    @property
    def partial(self) -> bool:
        """Whether it names at most one country (the coder often puts that one on the wrong side)."""
        return len(self.countries) <= 1


def _place_level(p: str) -> int:
    return 2 if p.startswith("P:") else 1 if p.startswith("C:") else 0


def side_country(s: str) -> str:
    """The country part of a side (``JPN`` for ``JPN:society`` or ``JPN@person``), what the lookup keys use."""
    return s.split("@", 1)[0].split(":", 1)[0]


def unit_of(m: dict[str, Any], rules: Rules) -> Unit:
    """The unit of a mention given as a flat event row (store column names, plus ``published``)."""
    prec = m.get("date_precision") or "other"
    lo, hi = rules.window(_as_date(m.get("date")), prec, _as_date(m.get("published")))
    return Unit(
        status=status_of(m.get("negated"), m.get("intended"), m.get("hypothetical")),
        event_type=str(m["event_type"]),
        src=rules.side(m.get("source_country"), m.get("source_sector"), m.get("source_name"), m.get("source_resolved_by"),
                       m.get("source_person")),
        tgt=rules.side(m.get("target_country"), m.get("target_sector"), m.get("target_name"), m.get("target_resolved_by"),
                       m.get("target_person")),
        place=rules.place_key(m.get("place_name"), m.get("place_country")),
        mode=(m.get("mode") or WILD) if rules.compare_modes else WILD,
        prec=prec if prec in rules.precision_order else "other",
        lo=lo, hi=hi,
    )


def units_of(rows: Sequence[dict[str, Any]], rules: Rules) -> list[Unit]:
    """The units of an article's mentions (all of them: a date shared in one sentence is judged among them).

    The coder gives an event the date of a word governing it ("accused China on Monday of seizing a boat",
    "released her on Saturday, five days after she was abducted"): when several events of one sentence share
    one date phrase, it is certain only for the event it follows (the nearest trigger before it, else the
    nearest after); for the others it is an upper bound, precision ``shared`` (window in ``dates.shared``)."""
    shared = _shared_dates(rows) if "shared" in rules.dates else set()
    out = []
    for r in rows:
        if id(r) in shared:
            r = {**r, "date_precision": "shared"}
        out.append(unit_of(r, rules))
    return out


def _shared_dates(rows: Sequence[dict[str, Any]]) -> set[int]:
    groups: dict[tuple[Any, Any, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("date_text") and r.get("date_precision") not in (None, "published") and r.get("sentence_text"):
            groups.setdefault((r["article_id"], r.get("sentence_idx"), r["date_text"]), []).append(r)
    out: set[int] = set()
    for (_a, _s, text), rs in groups.items():
        if len({r.get("trigger_start") for r in rs}) < 2:
            continue
        at = str(rs[0]["sentence_text"]).find(text)
        if at < 0:
            continue
        pos = int(rs[0].get("sentence_start") or 0) + at
        before = [r for r in rs if (r.get("trigger_start") or 0) < pos]
        keep = (max(before, key=lambda r: r["trigger_start"]) if before
                else min(rs, key=lambda r: r.get("trigger_start") or 0))
        out.update(id(r) for r in rs if r.get("trigger_start") != keep.get("trigger_start"))
    return out


def _sides_agree(a: str, b: str) -> bool:
    if a == b or a == WILD or b == WILD:
        return True
    (a, pa), (b, pb) = _person(a), _person(b)
    if pa and pb and pa != pb:
        return False  # two different named people: two acts
    if a == b:
        return True
    return (a.endswith(":*") or b.endswith(":*")) and side_country(a) == side_country(b)


def _person(s: str) -> tuple[str, str]:
    side, _, person = s.partition("@")
    return side, person


def _places_agree(a: str, b: str) -> bool:
    if a == b or a == WILD or b == WILD:
        return True
    city, country = (a, b) if a.startswith("P:") else (b, a)
    return city.startswith("P:") and country.startswith("C:") and city.rsplit("|", 1)[1] == country[2:]


def compatible(v: Unit, u: Unit, rules: Rules) -> bool:
    """Whether ``v`` can be the same event as ``u`` and says it at least as precisely in time: same status and
    type; the sides agree (:func:`sides_agree`), the place and the mode too (equal, or one of them open; a country
    agrees with its cities); ``v``'s date is at least as precise and its window lies inside ``u``'s."""
    if v.status != u.status or v.event_type != u.event_type:
        return False
    if u.lo is None or v.lo is None or u.hi is None or v.hi is None or not (u.lo <= v.lo and v.hi <= u.hi):
        return False
    if rules.rank(v.prec) > rules.rank(u.prec):
        return False
    return (sides_agree(v, u, rules) and _places_agree(v.place, u.place)
            and (v.mode == u.mode or v.mode == WILD or u.mode == WILD))


def directed(v: Unit, u: Unit) -> bool:
    """Whether the sides agree side by side (source with source, target with target; open ones agree)."""
    return _sides_agree(v.src, u.src) and _sides_agree(v.tgt, u.tgt)


def sides_agree(v: Unit, u: Unit, rules: Rules) -> bool:
    """Side by side; crosswise for the rules' ``undirected`` types ("Japan and the Philippines signed", "The
    Philippines and Japan signed"); or, when one of them names one country and no source (:func:`_loose`),
    that country is among the other's."""
    if directed(v, u):
        return True
    if u.event_type in rules.undirected and _sides_agree(v.src, u.tgt) and _sides_agree(v.tgt, u.src):
        return True
    return (_loose(u) and set(u.countries) <= set(v.countries)) or (_loose(v) and set(v.countries) <= set(u.countries))


def _loose(u: Unit) -> bool:
    """A unit whose one country may stand on either side: it names no source ("a Japanese national was
    kidnapped"; "the aid worker abducted in Kaduna", target Nigeria), or the same country on both sides. A
    unit that names only its source ("Japan accused ...") keeps its direction: reciprocal statements of one day
    ("China accused Japan", "Japan accused China") are two events."""
    if not u.partial:
        return False
    return u.src == WILD or u.tgt != WILD and side_country(u.src) == side_country(u.tgt)


def order(u: Unit, ukey: int, rules: Rules) -> tuple[int, int, int, int]:
    """The total order units join along (smallest first: the most precise date, the narrowest window, the most
    said, then the key). A unit only joins a unit before it, so chains of joins end and never loop."""
    return (rules.rank(u.prec), u.width, -u.specificity, ukey)


def _as_date(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _country_names() -> frozenset[str]:
    from ..tables import data_path

    path = data_path("actors") / "countries.csv"
    names: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows, None)
        if not header or "name" not in header:
            raise DataFileError(str(path), "no header with a name column")
        i_name, i_alias = header.index("name"), header.index("aliases")
        for row in rows:
            if len(row) > i_alias:
                names.add(row[i_name].strip().lower())
                names.update(a.strip().lower() for a in row[i_alias].split(";") if a.strip())
    return frozenset(names)


def _check(path: str, cond: bool, msg: str) -> None:
    if not cond:
        raise DataFileError(path, msg)


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    """Read and check the rules file (default ``gaiko/data/clusters.yaml``); cached per path.

    Raises :class:`~gaiko.errors.DataFileError` naming the file and the wrong entry."""
    from ..tables import data_path, load_yaml

    p = str(Path(path) if path else data_path("clusters.yaml"))
    raw = load_yaml(p)
    _check(p, isinstance(raw, dict), "expected a mapping with sides, dates, attach, representative")
    for key in ("sides", "dates", "attach", "representative"):
        _check(p, isinstance(raw.get(key), dict), f"missing or malformed section {key!r}")
    sides, dates, attach = raw["sides"], raw["dates"], raw["attach"]
    places, modes = raw.get("places") or {}, raw.get("modes") or {}
    _check(p, sides.get("level", "country") in ("country", "group"), "sides.level must be country or group")
    _check(p, places.get("level", "city") in ("city", "country", "none"), "places.level must be city, country or none")
    _check(p, isinstance(modes.get("compare", True), bool), "modes.compare must be true or false")
    _check(p, isinstance(sides.get("persons", True), bool), "sides.persons must be true or false")
    groups: dict[str, str] = {}
    for g, sectors in (sides.get("groups") or {}).items():
        _check(p, isinstance(sectors, list), f"sides.groups.{g} must be a list of sectors")
        for s in sectors:
            groups[str(s)] = str(g)
    _check(p, "other" in dates, "dates needs an 'other' entry (the window for unknown precisions)")
    for prec, conf in dates.items():
        _check(p, isinstance(conf, dict) and set(conf) <= _DATE_KEYS,
               f"dates.{prec}: use only {', '.join(sorted(_DATE_KEYS))}")
        for k in ("before", "after", "halfwidth"):
            _check(p, not isinstance(conf.get(k), bool) and (k not in conf or isinstance(conf[k], int) and conf[k] >= 0),
                   f"dates.{prec}.{k} must be a whole number of days >= 0")
        _check(p, conf.get("aligned") in (None, "month", "year"), f"dates.{prec}.aligned must be month or year")
        _check(p, conf.get("span") in (None, "week"), f"dates.{prec}.span must be week")
    order = tuple(str(x) for x in (raw["representative"].get("precision_order") or ()))
    _check(p, bool(order), "representative.precision_order must list the date precisions")
    max_days = attach.get("max_window_days", 62)
    _check(p, isinstance(max_days, int) and max_days >= 1, "attach.max_window_days must be a whole number >= 1")
    return Rules(
        state_sectors=frozenset(str(s) for s in sides.get("state_sectors") or ()),
        groups=groups,
        named_codes=frozenset(str(s) for s in sides.get("named_codes") or ()),
        state_resolutions=frozenset(str(s) for s in sides.get("state_resolutions") or ()),
        side_level=str(sides.get("level", "country")),
        undirected=frozenset(str(t) for t in sides.get("undirected_types") or ()),
        persons=bool(sides.get("persons", True)),
        place_level=str(places.get("level", "city")),
        compare_modes=bool(modes.get("compare", True)),
        dates={str(k): dict(v) for k, v in dates.items()},
        nearest_first=frozenset(str(s) for s in attach.get("nearest_first") or ()),
        max_window_days=max_days,
        precision_order=order,
        country_names=_country_names(),
        path=p,
    )
