"""The loaded clustering rules (:class:`Rules`, made by :func:`gaiko.clusters.rules.load_rules`, which reads and checks
``gaiko/data/clusters.yaml``; every name here is importable from :mod:`gaiko.clusters.rules` too).

:class:`Rules` answers what the file decides for one actor, date or place: the side an actor stands for
(:meth:`Rules.side`: ``JPN``, ``JPN:*``, ``IGO=...``, ``JPN@p123``, or :data:`WILD` for none), the window of days an
event may have happened on (:meth:`Rules.window`: first and last day ordinal, or (None, None) with no date), the key
of a place (:meth:`Rules.place_key`). Its methods raise nothing of their own. What a mention becomes with them, and
which units may join which, is in :mod:`gaiko.clusters.units`.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["Rules", "WILD", "OTHER_MODE", "NAMED", "PRECISIONS"]

#: the value of a dimension a mention leaves open
WILD = "?"
#: the mode of a unit whose named mode is none of its type's ``modes.apart`` (modes not compared)
OTHER_MODE = "+"
#: what separates a unit's compared mode from the named mode it keeps for ``modes.undated`` (``?=arrest``)
NAMED = "="
#: date precisions the coder produces (others fall back to the rules' ``other`` window)
PRECISIONS = ("day", "week", "month", "year", "published")
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
    #: (round e54) a place below country level of no known country agrees with a country (places.countryless)
    place_countryless: bool = False
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
    #: what such a unit must agree with besides its candidate (attach.root_check_link): "root", the candidate's
    #: root; "parent", the candidate's parent (round c62: a new root changes no one's choice then)
    root_check_link: str = "root"
    #: an undated unit (attach.ambiguous) counts only the first this many of its fits in join order (attach.max_fits;
    #: 0: all of them)
    max_fits: int = 0
    #: each lookup key lists only its first this many units in join order, and a unit may join another only when each
    #: is in the other's lists (attach.max_listed, round c64; gaiko/clusters/heads.py); 0: every unit is listed
    max_listed: int = 0
    #: (with max_listed) a unit chooses from its first this many candidates over all its keys, in join order
    #: (attach.max_candidates, round c66; gaiko/clusters/unitlists.py); 0: from all it sees
    max_candidates: int = 0
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
    #: named modes that are one act for that comparison (modes.same, round c92): mode -> its group's first
    mode_same: dict[str, str] = field(default_factory=dict)
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
    #: two reports of one window whose side was read weakly from the same noun meet (sides.heads;
    #: gaiko.clusters.sideheads), None without the section
    side_heads: Any = None
    #: (round c85) two reports of one window of these precisions, one naming only its source and the other only its
    #: target, agree (sides.complementary), unless of these types
    complementary: frozenset[str] = frozenset()
    complementary_except: frozenset[str] = frozenset()
    #: what undated reports refer to (the ``referent`` section; gaiko.clusters.referent), None without one
    referent: Any = None
    #: events a sentence retells as earlier than its dated one (the ``retold`` section; gaiko.clusters.retold)
    retold: Any = None
    #: the town a report's own sentence places it in (``places.sentence_town``; gaiko.clusters.towns)
    sentence_town: Any = None
    #: the day an undated report's own sentence names (``article.sentence_day``; gaiko.clusters.sentday)
    sentence_day: Any = None
    #: (round c87) two statements of one article by two speakers are two events (``article.speakers``;
    #: gaiko.clusters.speakers), None without the section
    speakers: Any = None
    #: the verbs of saying whose day is an upper bound of the event said (``article.said_day``; gaiko.clusters.saidday)
    said_day: Any = None
    #: (types, trigger words) of the actual reports of a commitment compared as intended (``status.commitments``)
    commitments: Any = None
    #: the learned pair score's thresholds (the ``learned`` section; gaiko.clusters.learned), None when off
    learned: Any = None

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
        ("Some blocked the road") is a detail of its day's event, not told apart by its verb (docs/rounds/clusters.md,
        round 9). Modes of one group of ``modes.same`` are one act there: "the government imposed a curfew"
        (mode curfew) and "the curfew imposed on Saturday" (restrict) (round c92)."""
        a, _, mode_a = v.mode.partition(NAMED)
        b, _, mode_b = u.mode.partition(NAMED)
        if not (a == b or a == WILD or b == WILD):
            return False
        same = self.mode_same
        mode_a, mode_b = same.get(mode_a, mode_a), same.get(mode_b, mode_b)
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
