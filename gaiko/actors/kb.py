"""The actor knowledge base: bundled data plus user files, compiled into dicts.

:func:`load_kb` builds it once per process for a given tuple of user files.
Everything a document needs is a dictionary lookup: phrase keys are the
lower-cased, accent-folded text of a name with spaces removed, so that a run
of spaCy tokens can be matched by concatenating their normalised texts.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .loader import check_required, read_csv_rows, read_user_file, split_list

__all__ = ["Entry", "Term", "Person", "Country", "PlaceInfo", "KnowledgeBase", "load_kb", "norm"]

#: priority of roles when a person holds several at once
ROLE_RANK = ("head_of_state", "head_of_government", "head_of_organization", "foreign_minister", "defense_minister",
             "finance_minister", "trade_minister", "trade_negotiator", "economy_minister", "chief_cabinet_secretary",
             "deputy_head_of_state", "deputy_head_of_government")
_SUFFIX_SAME = ("ese", "ss", "sh", "ench", "utch")
#: the name of a people row that marks an office whose holder is not known (see people.csv)
UNKNOWN = "(unknown)"


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Normalise a name or token for lookup: fold accents and quotes, lower-case, drop spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(text.lower().split())


@dataclass(frozen=True)
class Entry:
    """What a matched name stands for."""

    kind: str  # country, adjective, demonym, capital, seat, org, place, person
    name: str
    country: str | None
    sector: str | None = None
    person_id: str | None = None
    surname_only: bool = False


@dataclass
class Term:
    role: str
    sector: str
    country: str
    start: dt.date | None
    end: dt.date | None  # exclusive; None = still in office
    source: str = ""
    confidence: float = 1.0

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Person:
    id: str
    name: str
    country: str
    gender: str | None = None
    terms: list[Term] = field(default_factory=list)

    def current(self, day: dt.date) -> list[Term]:
        out = [t for t in self.terms if t.holds(day)]
        return sorted(out, key=lambda t: _rank(t.role))

    def last_before(self, day: dt.date) -> Term | None:
        past = [t for t in self.terms if t.end is not None and t.end <= day]
        return max(past, key=lambda t: (t.end, -_rank(t.role))) if past else None


def _rank(role: str) -> int:
    return ROLE_RANK.index(role) if role in ROLE_RANK else len(ROLE_RANK)


@dataclass
class Country:
    iso3: str
    name: str
    lat: float | None = None
    lon: float | None = None
    capital: str | None = None
    cap_lat: float | None = None
    cap_lon: float | None = None


@dataclass
class PlaceInfo:
    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    claimants: tuple[str, ...] = ()


class KnowledgeBase:
    """Compiled lookups. Build with :func:`load_kb`; treat as read-only."""

    def __init__(self) -> None:
        self.phrases: dict[str, list[tuple[Entry, str]]] = {}  # key -> [(entry, case rule)]
        self.prefixes: set[str] = set()
        #: keys of names written as two words or more ("Al Qaeda", "Sri Lanka"): only these may be matched across a
        #: space between tokens, so "Israel is" is no "Israelis" nor "Nepal is" "Nepalis" (round e49)
        self.spaced: set[str] = set()
        self.nouns: dict[str, str] = {}  # lower phrase -> sector
        self.titles: dict[str, tuple[str, str]] = {}  # lower phrase -> (sector, role)
        self.former: frozenset[str] = frozenset()
        self.countries: dict[str, Country] = {}
        self.people: dict[str, Person] = {}
        self.places: dict[str, PlaceInfo] = {}  # norm key -> place
        self.role_holders: dict[tuple[str, str], list[tuple[Person, Term]]] = {}
        self.igo_names: set[str] = set()
        #: first-level regions (places/regions.csv): norm key -> [(name, country ISO3, GeoNames admin1 or None)]
        self.regions: dict[str, list[tuple[str, str, str | None]]] = {}
        #: (name, country) of a region -> its kind of subdivision, lower case ("state", "department", "province")
        self.region_types: dict[tuple[str, str], str] = {}
        self.max_tokens = 8

    # -- building -------------------------------------------------------
    def add_phrase(self, alias: str, entry: Entry) -> None:
        alias = alias.strip()
        if alias.lower().startswith("the "):
            alias = alias[4:]
        key = norm(alias)
        if not key:
            return
        letters = [c for c in alias if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
            case = "exact:" + alias.replace(" ", "")
        elif alias[:1].isupper():
            case = "upper"
        else:
            case = "any"
        if len(alias.split()) > 1:
            self.spaced.add(key)
        bucket = self.phrases.setdefault(key, [])
        if any(e == entry for e, _ in bucket):
            return
        bucket.append((entry, case))
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def add_country(self, row: dict[str, Any], path: str) -> None:
        iso = row["iso3"].strip().upper()
        if len(iso) != 3 or not iso.isalpha():
            raise DataFileError(path, f"iso3 must be three letters, got {row['iso3']!r}", row.get("_line"))
        c = Country(iso, row["name"], _float(row.get("lat"), path, row), _float(row.get("lon"), path, row),
                    row.get("capital") or None, _float(row.get("cap_lat"), path, row), _float(row.get("cap_lon"), path, row))
        self.countries[iso] = c
        for alias in [c.name, *split_list(row.get("aliases"))]:
            self.add_phrase(alias, Entry("country", c.name, iso))
            self.places[norm(alias)] = PlaceInfo(c.name, iso, "country", c.lat, c.lon)
        for adj in split_list(row.get("adjectives")):
            self.add_phrase(adj, Entry("adjective", c.name, iso))
            if not adj.lower().endswith(_SUFFIX_SAME) and adj.isalpha() is not False:
                self.add_phrase(adj + "s", Entry("demonym", c.name, iso))
        for dem in split_list(row.get("demonyms")):
            self.add_phrase(dem, Entry("demonym", c.name, iso))
            plural = dem[:-3] + "men" if dem.endswith("man") else dem + "s"
            self.add_phrase(plural, Entry("demonym", c.name, iso))
        if c.capital:
            self.add_phrase(c.capital, Entry("capital", c.name, iso, "GOV"))
            self.places.setdefault(norm(c.capital), PlaceInfo(c.capital, iso, "capital", c.cap_lat, c.cap_lon))

    def add_org(self, row: dict[str, Any], path: str) -> None:
        country = row["country"].strip().upper()
        sector = row["sector"].strip().upper()
        kind = (row.get("kind") or "").strip().lower()
        entry = Entry(kind if kind in ("seat", "ethnic") else "org", row["name"].strip(), country, sector)
        if country == "IGO":
            self.igo_names.add(entry.name)
        if kind == "seat":
            for alias in [row["name"], *split_list(row.get("aliases"))]:
                self.places.setdefault(norm(alias), PlaceInfo(entry.name, country, "seat", None, None))
        for alias in [row["name"], *split_list(row.get("aliases"))]:
            self.add_phrase(alias, entry)

    def add_disputed(self, row: dict[str, Any], path: str) -> None:
        country = (row.get("country") or "").strip().upper() or None
        info = PlaceInfo(row["name"].strip(), country, (row.get("feature") or "region").strip(),
                         _float(row.get("lat"), path, row), _float(row.get("lon"), path, row),
                         tuple(split_list(row.get("claimants"))))
        for alias in [row["name"], *split_list(row.get("aliases"))]:
            self.places[norm(alias)] = info
            self.add_phrase(alias, Entry("place", info.name, country))

    def add_person_row(self, row: dict[str, Any], path: str) -> None:
        pid = str(row["person_id"]).strip()
        country = str(row["country"]).strip().upper()
        if str(row["name"]).strip() == UNKNOWN:
            # an office whose holder from ``start`` on is not known: it ends the previous holder's term for
            # title lookups ("Colombia's president" -> the role without a name), and matches no name
            start = _date(row.get("start"), path, row, "start")
            term = Term(str(row.get("role") or "").strip(), str(row.get("sector") or "GOV").strip().upper(), country,
                        start, _date(row.get("end"), path, row, "end"), str(row.get("source") or ""),
                        _float(row.get("confidence"), path, row) or 0.5)
            self.role_holders.setdefault((country, term.role), []).append((Person(pid, UNKNOWN, country), term))
            return
        person = self.people.get(pid)
        if person is None:
            person = Person(pid, str(row["name"]).strip(), country, (str(row.get("gender") or "").strip().lower() or None))
            self.people[pid] = person
        elif row.get("gender"):
            person.gender = str(row["gender"]).strip().lower()
        entry = Entry("person", person.name, person.country, person_id=pid)
        self.add_phrase(person.name, entry)
        words = person.name.replace(".", " ").split()
        if len(words) >= 2 and not row.get("no_surname"):
            self.add_phrase(words[-1], Entry("person", person.name, person.country, person_id=pid, surname_only=True))
        for alias in split_list(row.get("aliases")):
            surname = len(alias.split()) == 1 and len(words) >= 2
            self.add_phrase(alias, Entry("person", person.name, person.country, person_id=pid, surname_only=surname))
        role = str(row.get("role") or "").strip()
        if role:
            start = _date(row.get("start"), path, row, "start")
            end = _date(row.get("end"), path, row, "end")
            if start and end and end < start:
                raise DataFileError(path, f"end {end} is before start {start}", row.get("_line"))
            term = Term(role, str(row.get("sector") or "GOV").strip().upper(), country, start, end,
                        str(row.get("source") or ""), _float(row.get("confidence"), path, row) or 1.0)
            person.terms.append(term)
            self.role_holders.setdefault((country, role), []).append((person, term))

    def compile_vocab(self, data: dict[str, Any], path: str) -> None:
        for sector, words in (data.get("sectors") or {}).items():
            for w in words or []:
                key = " ".join(str(w).lower().split())
                self.nouns[key] = str(sector).upper()
                if "-" in key.strip("-"):  # "hostage-takers" is three tokens: hostage - takers
                    self.nouns[key.replace("-", " - ")] = str(sector).upper()
        for phrase, val in (data.get("titles") or {}).items():
            if not isinstance(val, list) or len(val) != 2:
                raise DataFileError(path, f"title {phrase!r} must map to [SECTOR, role]")
            self.titles[" ".join(str(phrase).lower().split())] = (str(val[0]).upper(), str(val[1]))
        self.former = frozenset(str(w).lower() for w in data.get("former") or [])

    def add_cities(self, rows: list[dict[str, Any]], path: str) -> None:
        for row in rows:
            info = PlaceInfo(row["name"], (row.get("country") or "").upper() or None, row.get("feature") or "city",
                             _float(row.get("lat"), path, row), _float(row.get("lon"), path, row))
            for alias in [row["name"], *split_list(row.get("aliases"))]:
                self.places.setdefault(norm(alias), info)

    def add_regions(self, rows: list[dict[str, Any]], path: str) -> None:
        for row in rows:
            country = (row.get("country") or "").strip().upper()
            if len(country) != 3:
                raise DataFileError(path, f"country must be an ISO3 code, got {row.get('country')!r}", row.get("_line"))
            entry = (row["name"], country, (row.get("admin1") or "").strip() or None)
            self.region_types[(row["name"], country)] = (row.get("type") or "").strip().lower()
            for alias in [row["name"], *split_list(row.get("aliases"))]:
                bucket = self.regions.setdefault(norm(alias), [])
                if entry not in bucket:
                    bucket.append(entry)

    # -- lookups ----------------------------------------------------------
    def holders(self, country: str, role: str, day: dt.date) -> list[tuple[Person, Term]]:
        """Who held ``role`` for ``country`` on ``day``; a holder named :data:`UNKNOWN` is an office whose
        holder the knowledge base does not know."""
        return [(p, t) for p, t in self.role_holders.get((country, role), ()) if t.holds(day)]


def _float(v: Any, path: str, row: dict[str, Any]) -> float | None:
    if v is None or str(v).strip() == "":
        return None
    try:
        return float(v)
    except ValueError:
        raise DataFileError(path, f"expected a number, got {v!r}", row.get("_line")) from None


def _date(v: Any, path: str, row: dict[str, Any], col: str) -> dt.date | None:
    if v is None or str(v).strip() == "":
        return None
    if isinstance(v, dt.date):
        return v
    s = str(v).strip()
    try:
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
        if len(s) == 7:
            return dt.date(int(s[:4]), int(s[5:7]), 1)
        return dt.date.fromisoformat(s)
    except ValueError:
        raise DataFileError(path, f"{col} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {s!r}", row.get("_line")) from None


def _data_dir() -> Path:
    return Path(str(resources.files("gaiko") / "data"))


BUNDLED = ("countries", "organizations", "disputed", "people")


def _apply(kb: KnowledgeBase, kind: str, rows: list[dict[str, Any]], path: str) -> None:
    add = {"countries": kb.add_country, "organizations": kb.add_org,
           "disputed": kb.add_disputed, "people": kb.add_person_row}[kind]
    for row in rows:
        check_required(path, kind, row)
        add(row, path)


@lru_cache(maxsize=8)
def load_kb(actor_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base with ``actor_files`` layered over it (cached per process)."""
    import yaml

    kb = KnowledgeBase()
    base = _data_dir()
    vocab_path = base / "actors" / "sectors.yaml"
    kb.compile_vocab(yaml.safe_load(vocab_path.read_text(encoding="utf-8")) or {}, str(vocab_path))
    for kind in BUNDLED:
        path = base / "actors" / f"{kind}.csv"
        _apply(kb, kind, read_csv_rows(path), str(path))
    cities = base / "places" / "cities.csv"
    if cities.exists():
        kb.add_cities(read_csv_rows(cities), str(cities))
    regions = base / "places" / "regions.csv"
    if regions.exists():
        kb.add_regions(read_csv_rows(regions), str(regions))
    for f in actor_files:
        for kind, rows in read_user_file(f).items():
            _apply(kb, kind, rows, str(f))
    for holders in kb.role_holders.values():
        holders.sort(key=lambda pt: pt[1].start or dt.date.min)
    return kb
