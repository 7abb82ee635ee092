"""The clustering rules: ``gaiko/data/clusters.yaml``, loaded and checked (:func:`load_rules`).

:class:`Rules` answers what the file decides for one actor, date or place: the side an actor stands for
(:meth:`Rules.side`), the window of days an event may have happened on (:meth:`Rules.window`), the key of a
place (:meth:`Rules.place_key`). What a mention becomes with them, and which units may join which, is in
:mod:`gaiko.clusters.units`.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .referent import parse_referent

__all__ = ["Rules", "load_rules", "WILD", "OTHER_MODE", "NAMED", "PRECISIONS"]

#: the value of a dimension a mention leaves open
WILD = "?"
#: the mode of a unit whose named mode is none of its type's ``modes.apart`` (modes not compared)
OTHER_MODE = "+"
#: what separates a unit's compared mode from the named mode it keeps for ``modes.undated`` (``?=arrest``)
NAMED = "="
#: date precisions the coder produces (others fall back to the rules' ``other`` window)
PRECISIONS = ("day", "week", "month", "year", "published")
_DATE_KEYS = {"before", "after", "span", "aligned", "halfwidth", "until_published_on"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


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
    #: a unit naming no side and no place may be the parent of one that names some (attach.empty_parents)
    empty_parents: bool = False
    #: precisions whose units may join when their windows overlap (attach.overlapping)
    overlapping: frozenset[str] = frozenset()
    #: precisions whose units join none when two units they may join are two different events (attach.ambiguous)
    ambiguous: frozenset[str] = frozenset()
    #: precisions of the fits that never make such a unit undecided: only its other fits count (attach.ambiguous_ignores)
    ambiguous_ignores: frozenset[str] = frozenset()
    #: precisions whose units take as parent only a unit whose cluster's root agrees with them (attach.root_check)
    root_check: frozenset[str] = frozenset()
    #: a mention the coder gives in both directions is one two-way unit whose sides agree either way (sides.two_way)
    two_way: bool = False
    #: precisions of parents (undated reports) for which one country on both sides stands for no other side
    #: (sides.domestic_apart)
    domestic_apart: frozenset[str] = frozenset()
    #: event type -> modes that are an event of their own although modes are not compared (modes.apart)
    mode_apart: dict[str, frozenset[str]] = field(default_factory=dict)
    #: precisions whose reports are another event than one of a different named mode (modes.undated.precisions), and
    #: the types this does not apply to (modes.undated.except_types)
    mode_undated: frozenset[str] = frozenset()
    mode_undated_except: frozenset[str] = frozenset()
    #: what an undated report's article says about its day (the ``article`` section): the words that open a definite
    #: noun referring back ("the raids"), verb forms that are no such noun
    back_reference: bool = False
    determiners: frozenset[str] = frozenset()
    not_nouns: frozenset[str] = frozenset()
    path: str = ""
    #: every window width (days) the date rules can give that is narrow enough to join (``max_window_days``)
    widths: tuple[int, ...] = ()
    #: reports of these precisions, one day and one named place meet although their sides differ (places.meet), when
    #: each side meets its counterpart by one of these kinds (gaiko.clusters.meeting)
    meet_precisions: frozenset[str] = frozenset()
    meet_sides: frozenset[str] = frozenset()
    #: what undated reports refer to (the ``referent`` section; gaiko.clusters.referent), None without one
    referent: Any = None
    #: events a sentence retells as earlier than its dated one (the ``retold`` section; gaiko.clusters.retold)
    retold: Any = None
    #: the town a report's own sentence places it in (``places.sentence_town``; gaiko.clusters.towns)
    sentence_town: Any = None
    #: the day an undated report's own sentence names (``article.sentence_day``; gaiko.clusters.sentday)
    sentence_day: Any = None

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
            until = conf.get("until_published_on")
            if until and published is not None and start + 7 == published.toordinal() - published.weekday() \
                    and _WEEKDAYS[published.weekday()] in {str(x).lower() for x in until}:
                # "last week" written on a Sunday: the coder's week before, or the week that ends that day
                return start, published.toordinal() - 1
            return start, start + 6
        return d - int(conf.get("before", 0)), d + int(conf.get("after", 0))

    def rank(self, precision: str) -> int:
        """Position of a precision in ``precision_order`` (unknown ones last)."""
        return self._ranks.get(precision, len(self.precision_order))

    @property
    def _ranks(self) -> dict[str, int]:
        ranks = self.__dict__.get("_rank_map")
        if ranks is None:
            ranks = {p: i for i, p in enumerate(self.precision_order)}
            object.__setattr__(self, "_rank_map", ranks)
        return ranks

    # -- modes ---------------------------------------------------------------
    def mode_key(self, mode: str | None, event_type: str) -> str:
        """A mention's mode as units compare it when modes are not compared (``modes.compare: false``): for a type
        listed in ``modes.apart``, a mode listed there is itself ("abduct"), any other named mode :data:`OTHER_MODE`;
        else, or with no mode, open. So an abduction and a shooting of one day, dyad and place are two events, while
        "seized the boat and detained its crew" (a type not listed) stay one."""
        apart = self.mode_apart.get(event_type)
        if not mode or not apart:
            return WILD
        return str(mode) if mode in apart else OTHER_MODE

    def unit_mode(self, mode: str | None, event_type: str) -> str:
        """A mention's mode as its unit holds it: the mode itself when modes are compared; else its :meth:`mode_key`,
        followed by :data:`NAMED` and the named mode when ``modes.undated`` lists precisions and the type is not one
        of its ``except_types`` (so that an undated report can be told apart by its verb, :meth:`modes_agree`)."""
        if self.compare_modes:
            return str(mode or WILD)
        key = self.mode_key(mode, event_type)
        if mode and self.mode_undated and event_type not in self.mode_undated_except:
            return f"{key}{NAMED}{mode}"
        return key

    def modes_agree(self, v: Any, u: Any) -> bool:
        """Whether the modes of units ``v`` and ``u`` (:class:`~gaiko.clusters.units.Unit`) agree: equal, or one of
        them open (:meth:`mode_key`); and, when one of the two is of a precision in ``modes.undated`` (an undated
        report, whose window may hold several events of its type and dyad) and names a side, not two different named
        modes: "Kosovo police shut five post offices" (undated) is not "arrested a former officer on Saturday", "Mali
        also summoned Algeria's ambassador" not "recalled ... accusing Algiers". An undated report naming no side
        ("Some blocked the road") is a detail of its day's event, not told apart by its verb (docs/clusters.md,
        round 9)."""
        a, _, mode_a = v.mode.partition(NAMED)
        b, _, mode_b = u.mode.partition(NAMED)
        if not (a == b or a == WILD or b == WILD):
            return False
        return not (mode_a and mode_b and mode_a != mode_b
                    and any(x.prec in self.mode_undated and (x.src, x.tgt) != (WILD, WILD) for x in (v, u)))

    # -- places --------------------------------------------------------------
    def place_key(self, name: str | None, country: str | None) -> str:
        if not name and not country or self.place_level == "none":
            return WILD
        if self.place_level == "country":
            return f"C:{country}" if country else WILD
        if not name or name.strip().lower() in self.country_names:
            return f"C:{country}" if country else WILD
        if country and (name.strip().lower(), country) in _region_names():
            # a province ("North Kivu"): it contains the towns the other reports name, so it is compared as
            # its country (a region that is also a town's name, "Tunis", "Donetsk", stays a place)
            return f"C:{country}"
        return f"P:{name.strip().lower()}|{country or WILD}"


@lru_cache(maxsize=1)
def _region_names() -> frozenset[tuple[str, str]]:
    """(name, country) of the first-level regions (``places/regions.csv``, names and aliases) that are no
    town's name in their country (``places/gazetteer.tsv``, ``places/cities.csv``)."""
    from ..actors.gazetteer import norm, towns
    from ..tables import data_path

    def rows(path: Any) -> list[dict[str, str]]:
        with path.open(encoding="utf-8") as fh:
            return list(csv.DictReader(line for line in fh if not line.startswith("#")))

    places = data_path("places")
    cities = {(n.strip().lower(), r["country"]) for r in rows(places / "cities.csv")
              for n in [r["name"], *(r.get("aliases") or "").split(";")] if n.strip()}
    out = set()
    for r in rows(places / "regions.csv"):
        for n in [r["name"], *(r.get("aliases") or "").split(";")]:
            n = n.strip()
            if not n or (n.lower(), r["country"]) in cities:
                continue
            if any(t.country == r["country"] for t in towns().get(norm(n))):
                continue
            out.add((n.lower(), r["country"]))
    return frozenset(out)


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


def _widths(dates: dict[str, dict[str, Any]], max_days: int) -> tuple[int, ...]:
    out: set[int] = set()
    for conf in dates.values():
        if conf.get("aligned") == "month":
            out.update((28, 29, 30, 31))
        elif conf.get("aligned") == "year":
            out.update((365, 366))
        if conf.get("aligned"):
            out.add(2 * int(conf.get("halfwidth", 0)) + 1)
        elif conf.get("span") == "week":
            out.add(7)
            out.update(7 + _WEEKDAYS.index(str(d).lower()) for d in conf.get("until_published_on") or ())
        else:
            out.add(int(conf.get("before", 0)) + int(conf.get("after", 0)) + 1)
    return tuple(sorted(w for w in out if w <= max_days))


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
    _check(p, isinstance(sides.get("two_way", False), bool), "sides.two_way must be true or false")
    _check(p, isinstance(sides.get("domestic_apart") or [], list)
           and all(str(x) in dates for x in sides.get("domestic_apart") or []),
           "sides.domestic_apart must list date precisions of dates")
    undated = modes.get("undated") or {}
    _check(p, isinstance(undated, dict) and set(undated) <= {"precisions", "except_types"}
           and all(isinstance(undated.get(k) or [], list) for k in ("precisions", "except_types")),
           "modes.undated must be a mapping of precisions and except_types (lists)")
    _check(p, all(str(x) in dates or str(x) in PRECISIONS for x in undated.get("precisions") or []),
           "modes.undated.precisions must list date precisions of dates")
    apart = modes.get("apart") or {}
    _check(p, isinstance(apart, dict) and all(isinstance(v, list) for v in apart.values()),
           "modes.apart must map event types to lists of modes")
    article = raw.get("article") or {}
    _check(p, isinstance(article, dict), "article must be a mapping")
    for key in ("determiners", "not_nouns"):
        _check(p, isinstance(article.get(key) or [], list), f"article.{key} must be a list of words or phrases")
    _check(p, isinstance(article.get("back_reference", False), bool), "article.back_reference must be true or false")
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
        _check(p, isinstance(conf.get("until_published_on") or [], list)
               and all(str(x).lower() in _WEEKDAYS for x in conf.get("until_published_on") or []),
               f"dates.{prec}.until_published_on must list weekdays (sunday ...)")
    order = tuple(str(x) for x in (raw["representative"].get("precision_order") or ()))
    _check(p, bool(order), "representative.precision_order must list the date precisions")
    max_days = attach.get("max_window_days", 62)
    _check(p, isinstance(attach.get("empty_parents", False), bool), "attach.empty_parents must be true or false")
    _check(p, isinstance(attach.get("overlapping") or [], list)
           and all(str(x) in dates for x in attach.get("overlapping") or []),
           "attach.overlapping must list date precisions of dates")
    _check(p, isinstance(attach.get("ambiguous") or [], list)
           and all(str(x) in dates for x in attach.get("ambiguous") or []),
           "attach.ambiguous must list date precisions of dates")
    _check(p, isinstance(attach.get("ambiguous_ignores") or [], list)
           and all(str(x) in dates for x in attach.get("ambiguous_ignores") or []),
           "attach.ambiguous_ignores must list date precisions of dates")
    _check(p, isinstance(attach.get("root_check") or [], list)
           and all(str(x) in dates for x in attach.get("root_check") or []),
           "attach.root_check must list date precisions of dates")
    meet = places.get("meet") or {}
    _check(p, isinstance(meet, dict) and set(meet) <= {"precisions", "sides"}
           and all(isinstance(meet.get(k) or [], list) for k in ("precisions", "sides")),
           "places.meet must be a mapping of precisions and sides (lists)")
    _check(p, all(str(x) in dates or str(x) in PRECISIONS for x in meet.get("precisions") or []),
           "places.meet.precisions must list date precisions of dates")
    _check(p, all(str(x) in ("open", "country", "named") for x in meet.get("sides") or []),
           "places.meet.sides must list open, country or named")
    _check(p, isinstance(max_days, int) and max_days >= 1, "attach.max_window_days must be a whole number >= 1")
    referent = parse_referent(raw.get("referent"), p)
    from .retold import parse_retold
    from .sentday import parse_sentence_day
    from .towns import parse_sentence_town

    retold = parse_retold(raw.get("retold"), p)
    _check(p, retold is None or "shared" in dates, "retold needs dates.shared (the window it moves events from)")
    _check(p, set(places) <= {"level", "meet", "sentence_town"}, "places: use only level, meet, sentence_town")
    sentence_town = parse_sentence_town(places.get("sentence_town"), p)
    if referent is not None:
        _check(p, referent.precisions <= set(str(x) for x in attach.get("ambiguous") or ()),
               "referent.precisions must be precisions of attach.ambiguous (the reports it decides for)")
        _check(p, all(x in dates and not {"span", "aligned"} & set(dates[x]) for x in referent.precisions
                      | referent.reach_precisions),
                   "referent.precisions and reach_precisions must be date precisions of dates with a fixed window")
        _check(p, all(x in dates for x in referent.empty_parents),
               "referent.empty_parents must list date precisions of dates")
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
        empty_parents=bool(attach.get("empty_parents", False)),
        overlapping=frozenset(str(x) for x in attach.get("overlapping") or ()),
        ambiguous=frozenset(str(x) for x in attach.get("ambiguous") or ()),
        ambiguous_ignores=frozenset(str(x) for x in attach.get("ambiguous_ignores") or ()),
        root_check=frozenset(str(x) for x in attach.get("root_check") or ()),
        two_way=bool(sides.get("two_way", False)),
        domestic_apart=frozenset(str(x) for x in sides.get("domestic_apart") or ()),
        mode_apart={str(t): frozenset(str(m) for m in ms) for t, ms in apart.items()},
        mode_undated=frozenset(str(x) for x in undated.get("precisions") or ()),
        mode_undated_except=frozenset(str(x) for x in undated.get("except_types") or ()),
        back_reference=bool(article.get("back_reference", False)),
        determiners=frozenset(str(x).lower() for x in article.get("determiners") or ()),
        not_nouns=frozenset(str(x).lower() for x in article.get("not_nouns") or ()),
        country_names=_country_names(),
        path=p,
        widths=tuple(sorted(set(_widths({str(k): dict(v) for k, v in dates.items()}, max_days))
                            | {w for w in (retold.widths() if retold else ()) if w <= max_days})),
        meet_precisions=frozenset(str(x) for x in meet.get("precisions") or ()),
        meet_sides=frozenset(str(x) for x in meet.get("sides") or ()),
        referent=referent,
        retold=retold,
        sentence_town=sentence_town,
        sentence_day=parse_sentence_day(article.get("sentence_day"), p),
    )
