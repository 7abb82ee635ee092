"""Words whose phrases are no side of an event (``gaiko/data/actors/no_sides.yaml``): the equipment that is sent or
delivered ("two Patriot systems") and the acts that are condemned or welcomed ("the announcement"), and the
dateline that opens an article ("GYEONGJU, South Korea (Reuters) -"), which is where the report was filed, not who
acted."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["named_thing_end", "route_end", "equipment_nouns", "time_nouns", "act_nouns", "generic_nouns", "sending_verbs", "handover_verbs",
           "destination_verbs", "removal_verbs", "post_country", "dateline_end",
           "filed_end", "in_dateline", "dateline_place"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "actors" / "no_sides.yaml"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    import yaml

    from ..errors import DataFileError

    try:
        raw = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
        return {k: frozenset(str(w).lower() for w in raw.get(k) or ())
                for k in ("equipment", "goods", "acts", "generic", "sending", "handover", "destination", "removal",
                          "relational", "posts", "travel", "routes", "named_things", "times")}
    except (OSError, yaml.YAMLError, AttributeError) as exc:
        raise DataFileError(str(_DATA), f"cannot read the no-sides lists: {exc}") from exc


def named_thing_end(doc: Any, end: int) -> int:
    """The end of the name of a thing that a person's name at ``[..., end)`` begins ("the *Trump* Route", "the
    *Marshall* Plan": ``no_sides.yaml`` named_things; round x10), after any other capitalised words ("the Trump
    International Route"); 0 when the name is no such thing's. A possessive ("Trump's plan") is the person's."""
    things = _lists()["named_things"]
    i = end
    while i < len(doc) and i < end + 4:
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.is_sent_start or tok.tag_ not in ("NNP", "NNPS", "NN", "NNS"):
            return 0
        if tok.lower_ in things and (i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper()
                                     or doc[i + 1].lower_ in things):
            return i + 1
        i += 1
    return 0


def route_end(tok: object) -> bool:
    """Whether ``tok`` is a route noun or an endpoint of a route ("on the road from Senegal to Bamako"): the object
    of "from" / "to" / "between" on a route noun (``no_sides.yaml`` routes; round x5, F10c). Where a road runs is no
    side of what happened on it."""
    if getattr(tok, "lemma_", "").lower() in _lists()["routes"]:
        return True  # the road itself ("struck a convoy on the road to Kharkiv")
    prep = getattr(tok, "head", None)
    if getattr(tok, "dep_", "") not in ("pobj", "conj") or prep is None:
        return False
    if tok.dep_ == "conj":
        return route_end(prep)
    return prep.lower_ in ("from", "to", "between") and prep.head.lemma_.lower() in _lists()["routes"] \
        and prep.head.i != prep.i


def equipment_nouns() -> frozenset[str]:
    """Lemmas of head nouns of things sent or delivered (weapons, vehicles, products): no side."""
    return _lists()["equipment"]


def goods_nouns() -> frozenset[str]:
    """Lemmas of head nouns of commodities and of a budget ("LNG", "defence spending"): never a side (round n47)."""
    return _lists()["goods"]


def time_nouns() -> frozenset[str]:
    """Head nouns of a count of occasions ("for the first time"): never a side (round x11)."""
    return _lists()["times"]


def travel_words() -> frozenset[str]:
    """Lemmas of words of travel ("travelling to Japan"): where a state's own people are told not to go (round n47)."""
    return _lists()["travel"]


def act_nouns() -> frozenset[str]:
    """Lemmas of nouns of an act (announcement, decision, move): no side of their own."""
    return _lists()["acts"]


def generic_nouns() -> frozenset[str]:
    """Lemmas of nouns that name no particular party ("both sides", "everyone"): no side without an actor in them."""
    return _lists()["generic"]


def relational_nouns() -> frozenset[str]:
    """Lemmas of nouns of the other side of a pair ("his Indian counterpart"): their country is not the subject's."""
    return _lists()["relational"]


def sending_verbs() -> frozenset[str]:
    """Lemmas of verbs whose object the source sends or deploys ("send police"): the source's own, no target."""
    return _lists()["sending"]


def destination_verbs() -> frozenset[str]:
    """Lemmas of verbs of sending ("deploy police to Haiti", "provide aid to Sri Lanka"): the side their "to" phrase
    names is where the pledged act goes, its target."""
    return _lists()["destination"]


def removal_verbs() -> frozenset[str]:
    """Lemmas of verbs that put people out of a state ("were deported from Russia"): the state of an agentless
    passive's "from" phrase is its source."""
    return _lists()["removal"]


def handover_verbs() -> frozenset[str]:
    """Lemmas of verbs that hand a person into another party's custody ("extradited the suspect to Spain"): the
    party they go to, not the person of the source's own country, is the target."""
    return _lists()["handover"]


def post_country(head: Any, token_country: dict[int, str]) -> str | None:
    """The country of a state's post abroad named in a "from"/"of"/"at" phrase of ``head`` or of the verb it is the
    object of ("expelled diplomats from the Polish embassy in Minsk"): its nationality word (``posts``), or None."""
    posts = _lists()["posts"]
    holders = [head] + ([head.head] if head.dep_ in ("dobj", "obj") else [])
    for h in holders:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in ("from", "of", "at"):
                continue
            for o in p.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in posts:
                    for m in o.children:
                        if m.dep_ in ("amod", "compound", "poss", "nmod") and token_country.get(m.i):
                            return token_country[m.i]
    return None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: an all-caps place (one to four words, optionally ", Country" or ", ST"), an optional date (", May 12",
#: ", 12 May 2026"), an optional agency in brackets, then a dash, at the start of an article: "TOKYO —",
#: "GYEONGJU, South Korea (Reuters) -", "NAIROBI (AFP) -", "GENEVA, May 12 -", "NEW DELHI, Jan. 3 --"
_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+){0,3})"
                       r"(?P<country>, ?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})?"
                       rf"(?:, ?(?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)?"
                       r"(?P<agency> ?\([^)\n]{1,40}\))?\s*[-\u2013\u2014]+\s")


#: the same with a colon for the dash (round n43): "GENEVA: The foreign minister said ...", "OSLO (Reuters): ...",
#: "NEW DELHI, May 12: ..."; a capital letter or quote opens what follows
_COLON_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+){0,3})"
                             r"(?P<country>, ?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})?"
                             rf"(?P<date>, ?(?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)?"
                             r"(?P<agency> ?\([^)\n]{1,40}\))?:\s+(?=[A-Z\"\u201c'])")
#: a town of at least this many people can be a colon dateline's place by the gazetteer alone
_DATELINE_TOWN = 10_000


def _colon_place(words: str) -> bool:
    """Whether the all-capitals words before a colon name a place, not an organisation or a label ("NATO:",
    "OPEC:", "EU:", "BREAKING:", "UPDATE:"): a capital, country or city of the knowledge base, or a town of the
    gazetteer of _DATELINE_TOWN people by its own name ("GYEONGJU"), or by a former name when no organisation has
    that name ("KIEV"; not "IMF", "HAMAS")."""
    from .gazetteer import towns
    from .kb import load_kb, norm

    key = norm(words)
    kb = load_kb()
    kinds = {e.kind for e, _case in kb.phrases.get(key, ())}
    if kinds - {"country", "capital", "place", "seat"}:
        return False  # an organisation, a person, a nationality word
    if kinds or key in kb.places:
        return True
    return any(g.population >= _DATELINE_TOWN for g in towns().get(key))


def _dash_place(m: re.Match[str]) -> bool:
    """Whether a dash dateline's all-capitals words may be a place: not the name of an organisation or a person
    alone ("NATO — The alliance said", "HAMAS - The group said": the actor a headline opens with; round x16), unless a
    ", Country" or an agency in brackets follows it."""
    if m.group("country") or m.group("agency"):
        return True
    from .kb import load_kb, norm

    key = norm(m.group("place"))
    kb = load_kb()
    kinds = {e.kind for e, _case in kb.phrases.get(key, ())}
    return not kinds or bool(kinds & {"country", "capital", "place", "seat"}) or key in kb.places


def dateline_end(text: str) -> int:
    """Char offset just after the dateline that opens an article ``text`` (its dash, or colon, and the space after),
    or 0 when it opens with none. A colon dateline's place must be a place (:func:`_colon_place`) unless an agency in
    brackets follows it ("OSLO (Reuters): ..."): "NATO: The alliance will ..." is a headline's label."""
    m = _DATELINE.match(text)
    if m and _dash_place(m):
        return m.end()
    m = _COLON_DATELINE.match(text)
    if m and (m.group("agency") or _colon_place(m.group("place"))):
        return m.end()
    return 0


def dateline_place(text: str) -> tuple[int, int, str | None] | None:
    """The place of the dateline that opens an article ``text``: (start, end) char offsets of its all-capitals words
    ("KIGOMA", "SAN CRISTOBAL") and the words of its ", Country" ("Tanzania"), or None when it opens with no dateline
    (round n45: the dateline town gives the article its country through the gazetteer)."""
    m = _DATELINE.match(text)
    if m is not None and not _dash_place(m):
        return None
    if m is None:
        m = _COLON_DATELINE.match(text)
        if m is None or not (m.group("agency") or _colon_place(m.group("place"))):
            return None
    country = m.group("country")
    return m.start("place"), m.end("place"), country.lstrip(", ").strip() if country else None


def filed_end(doc: Any) -> int:
    """:func:`dateline_end` of the article ``doc`` (a spaCy Doc), worked out once and kept in its ``user_data``
    (``gaiko_dateline_end``)."""
    from ..docindex import text as doc_text

    end = doc.user_data.get("gaiko_dateline_end")
    if end is None:
        end = doc.user_data["gaiko_dateline_end"] = dateline_end(doc_text(doc))
    return end


def in_dateline(doc: Any, start: int) -> bool:
    """Whether char offset ``start`` lies in the dateline that opens the article ("GYEONGJU, South Korea (Reuters)
    -"): where the report was filed, no side of an event."""
    return start < filed_end(doc)
