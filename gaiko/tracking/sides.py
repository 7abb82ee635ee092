"""The side an actor acts for, where the actor layer names a body, an officer or a territory (round p38).

Data: ``gaiko/data/pledges/sides.yaml``: an IGO body -> its organisation ("European Commission" -> the EU), the
first word of an unnamed IGO actor -> its organisation ("EU ministers"), IGO officers placed by the office their
``actors/people.csv`` note names ("Kaja Kallas"), and territories with a code of their own, a party of their own
whether named alone or as "Greenland's government" (which the resolver places in the administering state). Used by
:func:`side_of` (a record's actor dict -> its side string, or None; importable from :mod:`gaiko.tracking.normalise`
too), so that a pledge made under one name and a report of the deed under another are one side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["SideNames", "side_names", "igo_side", "territory_side", "outside_state", "STATE_SECTORS", "side_of"]


@dataclass(frozen=True)
class SideNames:
    parents: dict[str, str]  # IGO body name (lower case) -> organisation name
    prefixes: dict[str, str]  # first word(s) of an unnamed IGO actor -> organisation name
    officers: dict[str, str]  # IGO officer's name (lower case) -> organisation name
    territories: tuple[tuple[str, str], ...]  # territory name (lower case) -> its own ISO code, longest first
    not_the_state: frozenset[str] = frozenset()  # sectors that never act for their state ("OPP"; round p43)


def _org_of(text: str, offices: dict[str, str], prefixes: dict[str, str]) -> str | None:
    low = " ".join(text.lower().replace("-", " ").split())
    for words, org in sorted(offices.items(), key=lambda x: -len(x[0])):
        if words in low:
            return org
    for words, org in sorted(prefixes.items(), key=lambda x: -len(x[0])):
        if low == words or low.startswith(words + " "):
            return org
    return None


@lru_cache(maxsize=1)
def side_names() -> SideNames:
    """The tables of ``pledges/sides.yaml``, with each IGO officer of ``actors/people.csv`` placed by the office its
    note names. Raises DataFileError (via load_yaml) when the file is not YAML."""
    from ..actors.loader import read_csv_rows, split_list
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/sides.yaml")) or {}
    low = lambda d: {str(k).lower(): str(v) for k, v in (d or {}).items()}  # noqa: E731
    prefixes, offices = low(data.get("prefixes")), low(data.get("offices"))
    officers: dict[str, str] = {}
    for row in read_csv_rows(data_path("actors/people.csv")):
        if row.get("country") != "IGO" or str(row.get("name", "")).startswith("("):
            continue
        org = _org_of(str(row.get("note") or ""), offices, prefixes)
        if org:
            for n in [row["name"], *split_list(row.get("aliases"))]:
                officers[n.lower()] = org
    terr = tuple(sorted(low(data.get("territories")).items(), key=lambda x: -len(x[0])))
    return SideNames(low(data.get("parents")), prefixes, officers, terr,
                     frozenset(str(x).upper() for x in data.get("not_the_state") or ()))


def igo_side(name: str | None, text: str | None) -> str:
    """The organisation an IGO actor (its knowledge-base ``name``, its ``text``) acts for, lower case: a body's parent
    ("european commission" -> "european union"), an officer's organisation ("Kaja Kallas"), the organisation an
    unnamed actor opens with ("EU ministers"), else its own name."""
    t = side_names()
    own = (name or text or "").lower()
    if own in t.parents:
        return t.parents[own]
    if own in t.officers:
        return t.officers[own]
    if not name and text:
        org = _org_of(text, {}, t.prefixes)
        if org:
            return t.parents.get(org, org)
    return own


@lru_cache(maxsize=4096)
def territory_side(text: str) -> str | None:
    """The ISO code of the territory an actor's words name as the party ("Greenland", "Greenland's government",
    "Nuuk" -> GRL; ``territories`` of sides.yaml), or None."""
    low = text.lower().replace("’", "'")
    for name, code in side_names().territories:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low):
            return code
    return None


def outside_state(side: str) -> bool:
    """True for a country's side that never acts for its state ("GHA/OPP": ``not_the_state`` of sides.yaml)."""
    return "/" in side and side.split("/", 1)[1] in side_names().not_the_state


#: sectors that speak for the state: a government, its leader, ministries, army, parliament, courts, police
STATE_SECTORS = frozenset({"", "GOV", "MIL", "LEG", "JUD", "COP"})


def side_of(actor: dict[str, Any] | None) -> str | None:
    """The side an actor (a record's ``actor`` dict: text, name, country, sector) acts for; None for none."""
    if not actor:
        return None
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    if country in ("IGO", "IMG", "NGO"):
        return f"IGO:{igo_side(actor.get('name'), actor.get('text'))}"
    if not country or sector in STATE_SECTORS:  # "Greenland", "Greenland's government" (placed in Denmark): GRL
        terr = territory_side(actor.get("text") or actor.get("name") or "")
        if terr:
            return terr
    if country:
        return country if sector in STATE_SECTORS else f"{country}/{sector}"
    name = actor.get("name") or actor.get("text") or ""
    words = [w for w in name.replace("’", "'").split() if w.lower() not in ("the", "'s")]
    if not words:
        return None
    return f"?:{words[-1].lower().strip(chr(39))}"
