"""A bare speaker under the dateline of a city that hosts international bodies (round a2;
``gaiko/data/actors/hosts.yaml``): "BRUSSELS - A spokesperson said ..." is no evidence of Belgium. The speaker is the
hosted body the article names, or else (in Brussels and Geneva) of no country; the host state keeps a speaker when the
article names it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .kb import norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..types import Actor
    from .mentions import Mention

__all__ = ["HostDateline", "host_dateline", "host_speaker", "hosts"]


@dataclass(frozen=True)
class _Host:
    country: str
    bodies: frozenset[str]  # lower-case canonical names
    alone: str  # what a bare speaker is when the article names none of the bodies: "none" or "host"


@lru_cache(maxsize=1)
def hosts() -> tuple[dict[str, _Host], frozenset[str]]:
    """(normalised city name -> its host state and bodies, lemmas of a bare speaker's head noun)."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("actors/hosts.yaml")
    raw = load_yaml(path) or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("hosts"), list):
        raise DataFileError(str(path), "expected a mapping with a list 'hosts' and a list 'speakers'")
    out: dict[str, _Host] = {}
    for k, row in enumerate(raw["hosts"], 1):
        if not isinstance(row, dict) or not row.get("city") or not row.get("country") \
                or row.get("alone") not in ("none", "host"):
            raise DataFileError(str(path), f"host {k}: expected city, country, alone (none or host) and bodies")
        out[norm(str(row["city"]))] = _Host(str(row["country"]).upper(),
                                            frozenset(str(b).lower() for b in row.get("bodies") or ()),
                                            str(row["alone"]))
    return out, frozenset(str(w).lower() for w in raw.get("speakers") or ())


@dataclass(frozen=True)
class HostDateline:
    """An article filed in a host city: the host state, and the hosted body the article names (None when none)."""
    host: str
    body: Actor | None


def host_dateline(doc: Doc, found: list[tuple[Mention, Actor | None]]) -> HostDateline | None:
    """The host reading of an article whose dateline is a host city and whose names (``found``: the mentions of the
    resolver's first pass with their actors) do not name the host state outside the dateline; else None."""
    from ..docindex import text as doc_text
    from .nosides import dateline_end, dateline_place

    text = doc_text(doc)
    place = dateline_place(text)
    if place is None:
        return None
    host = hosts()[0].get(norm(text[place[0]:place[1]]))
    if host is None:
        return None
    end = dateline_end(text)
    named = [(m, a) for m, a in found if a is not None and a.start >= end and m.kind in ("name", "title")]
    if any(a.country == host.country for _m, a in named):
        return None  # "Belgium's foreign minister", "Belgian police": the host state speaks in this article
    bodies = [a for m, a in named if a.country == "IGO" and (a.name or "").lower() in host.bodies
              and any(e.kind == "org" for e in m.entries)]
    counts = Counter(a.name for a in bodies)
    body = max(bodies, key=lambda a: counts[a.name], default=None)  # the most named; of equals, the first
    if body is None and host.alone == "host":
        return None  # "JAKARTA - Officials said the flood ...": the state's own news, as before
    return HostDateline(host.country, body)


def host_speaker(doc: Doc, m: Mention, a: Actor, hd: HostDateline) -> Actor | None:
    """For a bare speaker ("A spokesperson", "Diplomats", "an official") that only the article's context made the
    host state's, the named hosted body (country IGO) or no country; None when the rule does not apply."""
    if m.kind not in ("title", "noun") or m.poss is not None or m.country_hint is not None or m.former:
        return None
    if doc[m.head].lemma_.lower() not in hosts()[1] or a.country != hd.host or a.person_id \
            or a.resolved_by not in ("title", "sector") or (a.confidence or 0) > 0.5:
        return None
    if hd.body is None:
        return replace(a, name=None, country=None, confidence=0.3)
    return replace(a, name=hd.body.name, country="IGO", sector=hd.body.sector or a.sector, confidence=0.5)
