"""The clustering rules: ``gaiko/data/clusters.yaml``, loaded and checked (:func:`load_rules`).

The loaded rules are a :class:`Rules` (:mod:`gaiko.clusters.ruleset`; it and the constants ``WILD``, ``OTHER_MODE``,
``NAMED`` and ``PRECISIONS`` stay importable from here), which answers what the file decides for one actor, date or
place: the side an actor stands for (:meth:`Rules.side`), the window of days an event may have happened on
(:meth:`Rules.window`), the key of a place (:meth:`Rules.place_key`). What a mention becomes with them, and which
units may join which, is in :mod:`gaiko.clusters.units`.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .referent import parse_referent
from .ruleset import _WEEKDAYS, NAMED, OTHER_MODE, PRECISIONS, WILD, Rules

__all__ = ["Rules", "load_rules", "WILD", "OTHER_MODE", "NAMED", "PRECISIONS"]

_DATE_KEYS = {"before", "after", "span", "aligned", "halfwidth", "until_published_on"}


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


def _parse_learned(raw: object, path: str) -> object:
    from .learnedrules import parse_learned

    return parse_learned(raw, path)


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
    comp = sides.get("complementary") or {}
    _check(p, isinstance(comp, dict) and set(comp) <= {"precisions", "except_types"}
           and all(isinstance(comp.get(k) or [], list) for k in ("precisions", "except_types")),
           "sides.complementary must be a mapping of precisions and except_types (lists)")
    _check(p, all(str(x) in dates for x in comp.get("precisions") or []),
           "sides.complementary.precisions must list date precisions of dates")
    _check(p, isinstance(sides.get("domestic_apart") or [], list)
           and all(str(x) in dates for x in sides.get("domestic_apart") or []),
           "sides.domestic_apart must list date precisions of dates")
    undated = modes.get("undated") or {}
    _check(p, isinstance(undated, dict) and set(undated) <= {"precisions", "except_types"}
           and all(isinstance(undated.get(k) or [], list) for k in ("precisions", "except_types")),
           "modes.undated must be a mapping of precisions and except_types (lists)")
    same = modes.get("same") or []
    _check(p, isinstance(same, list) and all(isinstance(g, list) and len(g) >= 2 for g in same),
           "modes.same must list groups (lists) of two or more modes")
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
    _check(p, attach.get("root_check_link", "root") in ("root", "parent"), "attach.root_check_link must be root or parent")
    _check(p, isinstance(attach.get("max_fits", 0), int) and not isinstance(attach.get("max_fits", 0), bool)
           and attach.get("max_fits", 0) >= 0, "attach.max_fits must be a whole number >= 0")
    _check(p, isinstance(attach.get("max_listed", 0), int) and not isinstance(attach.get("max_listed", 0), bool)
           and attach.get("max_listed", 0) >= 0, "attach.max_listed must be a whole number >= 0")
    _check(p, not attach.get("max_listed", 0) or attach.get("root_check_link", "root") == "parent",
           "attach.max_listed needs attach.root_check_link: parent")
    _check(p, isinstance(attach.get("max_candidates", 0), int) and not isinstance(attach.get("max_candidates", 0), bool)
           and attach.get("max_candidates", 0) >= 0, "attach.max_candidates must be a whole number >= 0")
    _check(p, not attach.get("max_candidates", 0) or attach.get("max_listed", 0),
           "attach.max_candidates needs attach.max_listed")
    meet = places.get("meet") or {}
    _check(p, isinstance(meet, dict) and set(meet) <= {"precisions", "sides"}
           and all(isinstance(meet.get(k) or [], list) for k in ("precisions", "sides")),
           "places.meet must be a mapping of precisions and sides (lists)")
    _check(p, all(str(x) in dates or str(x) in PRECISIONS for x in meet.get("precisions") or []),
           "places.meet.precisions must list date precisions of dates")
    _check(p, all(str(x) in ("open", "country", "named") for x in meet.get("sides") or []),
           "places.meet.sides must list open, country or named")
    _check(p, isinstance(max_days, int) and max_days >= 1, "attach.max_window_days must be a whole number >= 1")
    commit = (raw.get("status") or {}).get("commitments")
    _check(p, isinstance(raw.get("status") or {}, dict) and set(raw.get("status") or {}) <= {"commitments"}
           and (commit is None or isinstance(commit, dict) and set(commit) == {"types", "triggers"}
                and all(isinstance(commit[k], list) and commit[k] for k in commit)),
           "status.commitments must map types and triggers to lists (status: use only commitments)")
    referent = parse_referent(raw.get("referent"), p)
    from .retold import parse_retold
    from .sideheads import parse_side_heads
    from .saidday import parse_said_day
    from .sentday import parse_sentence_day
    from .speakers import parse_speakers
    from .towns import parse_sentence_town

    retold = parse_retold(raw.get("retold"), p)
    _check(p, retold is None or "shared" in dates, "retold needs dates.shared (the window it moves events from)")
    _check(p, set(places) <= {"level", "meet", "sentence_town", "countryless"},
           "places: use only level, meet, sentence_town, countryless")
    _check(p, isinstance(places.get("countryless", False), bool), "places.countryless must be true or false")
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
        place_countryless=bool(places.get("countryless", False)),
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
        root_check_link=str(attach.get("root_check_link", "root")),
        max_fits=int(attach.get("max_fits", 0)),
        max_listed=int(attach.get("max_listed", 0)),
        max_candidates=int(attach.get("max_candidates", 0)),
        two_way=bool(sides.get("two_way", False)),
        domestic_apart=frozenset(str(x) for x in sides.get("domestic_apart") or ()),
        mode_apart={str(t): frozenset(str(m) for m in ms) for t, ms in apart.items()},
        mode_undated=frozenset(str(x) for x in undated.get("precisions") or ()),
        mode_undated_except=frozenset(str(x) for x in undated.get("except_types") or ()),
        mode_same={str(m): str(g[0]) for g in same for m in g},
        back_reference=bool(article.get("back_reference", False)),
        determiners=frozenset(str(x).lower() for x in article.get("determiners") or ()),
        not_nouns=frozenset(str(x).lower() for x in article.get("not_nouns") or ()),
        country_names=_country_names(),
        path=p,
        widths=tuple(sorted(set(_widths({str(k): dict(v) for k, v in dates.items()}, max_days))
                            | {w for w in (retold.widths() if retold else ()) if w <= max_days})),
        meet_precisions=frozenset(str(x) for x in meet.get("precisions") or ()),
        meet_sides=frozenset(str(x) for x in meet.get("sides") or ()),
        side_heads=parse_side_heads(sides.get("heads"), p, set(dates) | set(PRECISIONS)),
        complementary=frozenset(str(x) for x in comp.get("precisions") or ()),
        complementary_except=frozenset(str(x) for x in comp.get("except_types") or ()),
        referent=referent,
        retold=retold,
        sentence_town=sentence_town,
        sentence_day=parse_sentence_day(article.get("sentence_day"), p),
        speakers=parse_speakers(article.get("speakers"), p),
        said_day=parse_said_day(article.get("said_day"), p),
        commitments=(frozenset(str(t) for t in commit["types"]), frozenset(str(w).lower() for w in commit["triggers"]))
        if commit else None,
        learned=_parse_learned(raw.get("learned"), p),
    )
