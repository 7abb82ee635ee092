"""Place-name spans of a document, each resolved with the region or country the text names next to it.

"Paris, Texas" is Paris in Texas (USA), not the French capital; "Kebbi State, Nigeria" is a Nigerian
region; "a village in North Kivu province, Congo" is at region precision in the DRC. The result is
computed once per document and shared by the actor resolver (a place's country is context for the
actors around it) and the place finder (which turns the spans used as locations into ``Place``
records).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..docindex import columns, entities
from ..tables import word_sets
from .gazetteer import Geo, best, candidates, dominant, far_hamlet, generic_words, qualifiers
from .kb import KnowledgeBase, norm
from .match import POSSESSIVE, match_names
from .namewords import ship_spans

__all__ = ["PlaceSpan", "doc_places", "located_tokens"]

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_KINDS = frozenset({"country", "capital", "place"})
#: word lists: ``gaiko/data/actors/place_words.yaml`` (read once, on first use)
_WORDS = "actors/place_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``actors/place_words.yaml`` as a set: ``loc_preps``, ``area``, ``settlement``."""
    return word_sets(_WORDS)[key]


@dataclass
class PlaceSpan:
    start: int  # token span of the name, with a generic word ("Kebbi State")
    end: int
    qual_end: int  # end of the qualifiers that follow (", Texas", ", Nigeria"); == end when none
    geo: Geo | None  # None when no gazetteer knows the name and nothing qualifies it
    from_entity: bool = False  # found as a spaCy GPE/LOC/FAC entity rather than a knowledge-base name


def _locative(tok: object) -> bool:
    """The object of "in", "near", "at" ... or of "north of", "the outskirts of" ..."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # type: ignore[attr-defined]
        tok = tok.head  # "near Avdiivka and Chasiv Yar"  # type: ignore[attr-defined]
    head = tok.head  # type: ignore[attr-defined]
    return tok.dep_ == "pobj" and (head.lower_ in _w("loc_preps")  # type: ignore[attr-defined]
                                   or (head.lower_ == "of" and head.head.lower_ in _w("area")))


def located_tokens(doc: Doc, kb: KnowledgeBase) -> set[int]:
    """Tokens of proper nouns after "in", "near", "at" ... that the gazetteer knows as places: they are places
    whatever the tagger said ("in Khan Younis" tagged PERSON)."""
    doc_places(doc, kb)
    return doc.user_data.get(f"gaiko.located.{id(kb)}", set())  # type: ignore[no-any-return]


def _raw_spans(doc: Doc, kb: KnowledgeBase, located: set[int],
               unknown: list[tuple[int, int]] | None = None) -> list[tuple[int, int, bool]]:
    """Place-name spans (start, end, found as an entity); ``unknown`` receives the locative proper nouns that no
    gazetteer knows ("the village of Zzyzx", "in Zzyzx"), which the text may place in a region next to them."""
    spans: list[tuple[int, int, bool]] = []
    # a ship's name is no place ("HMS Richmond", "the USS Carney": round a36)
    taken: set[int] = {i for a, b, _c in ship_spans(doc) for i in range(a, b)}
    ships = set(taken)
    for m in match_names(doc, kb):
        if any(i in ships for i in range(m.start, m.end)):
            continue
        if m.kinds() & _KINDS and not m.kinds() & {"person", "org", "seat"}:
            spans.append((m.start, m.end, False))
            taken.update(range(m.start, m.end))
            if _locative(doc[m.start:m.end].root):
                located.update(range(m.start, m.end))  # "in central Mali", tagged PERSON: a place all the same
    for ent in entities(doc):
        if ent.label_ not in _PLACE_ENTS:
            continue
        a, b = ent.start, ent.end
        while b > a and doc[b - 1].text in POSSESSIVE:
            b -= 1
        if doc[a].lower_ == "the" and b - a > 1:
            a += 1
        if town_first_name(doc, kb, a, b):
            continue  # "Ariana Grande": a person's first name
        if b + 1 < len(doc) and doc[b].text in ("-", "\u2011") and not doc[b - 1].whitespace_ \
                and not doc[b].whitespace_ and doc[b + 1].pos_ == "PROPN" and b + 1 not in taken \
                and candidates(kb, doc[a:b + 2].text):
            b += 2  # "Ivano-Frankivsk" tagged "Ivano": the whole name, when a gazetteer knows it
        pieces = []  # an entity "Paris, Texas" is a name and its qualifier
        k = a
        for i in range(a, b):
            if doc[i].text == ",":
                pieces.append((k, i))
                k = i + 1
        pieces.append((k, b))
        for x, y in pieces:
            if y > x and not any(i in taken for i in range(x, y)) and not _name_goes_on(doc, y):
                spans.append((x, y, True))
                taken.update(range(x, y))
                if _locative(doc[x:y].root):
                    located.update(range(x, y))
    # a proper noun after "in", "near", "at" ... that the gazetteer knows, whatever the tagger made of it
    # ("stormed a studio in Guayaquil", tagged ORG): towns of 5,000 people or more, regions, curated places
    cols = columns(doc)
    for i, dep in enumerate(cols.dep):
        if dep not in ("pobj", "conj") or i in taken or (cols.pos[i] != "PROPN" and cols.lower[i] not in generic_words()):
            continue
        tok = doc[i]
        generic = tok.lower_ in generic_words() and tok.pos_ == "NOUN"  # "in Belgorod region"
        loc = _locative(tok)
        if not loc and not (generic and tok.dep_ == "pobj" and tok.head.lower_ == "of"):
            continue  # "in Gusau", "north of Port-au-Prince", "the outskirts of Kramatorsk"; "the governor of Kano state"
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in March", "in August 2024": a month, not the town of that name
        if tok.pos_ != "PROPN" and not generic:
            continue
        a = tok.i
        while True:
            if a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].pos_ == "PROPN" and doc[a - 1].head.i == tok.i:
                a -= 1
            elif a >= 2 and doc[a - 1].text in ("-", "\u2011") and not doc[a - 2].whitespace_ \
                    and doc[a - 2].pos_ == "PROPN" and doc[a - 2].head.i == tok.i:
                a -= 2  # "Pryvilne-Druhe", "Ivano-Frankivsk": one name
            else:
                break
        if a >= 2 and doc[a - 1].text in POSSESSIVE and doc[a - 2].pos_ == "PROPN":
            a -= 2  # "in Cox's Bazar"
        if a == tok.i and generic:
            continue
        if any(i in taken for i in range(a, tok.i + 1)) or (not generic and (tok.lower_ in kb.nouns
                                                                               or tok.lower_ in kb.titles)):
            continue
        if _name_goes_on(doc, tok.i + 1):
            continue  # "in the Gulf of Finland": not Papua New Guinea's Gulf Province
        text = doc[a:tok.i + 1].text
        cands = candidates(kb, text)
        if not loc:  # "the governor of Kano state": a region's name, not where something happens
            if cands and cands[0].precision == "region":
                spans.append((a, tok.i + 1, True))
                taken.update(range(a, tok.i + 1))
            continue
        if any(g.precision != "place" or g.feature != "town" or g.population >= 5000 for g in cands):
            spans.append((a, tok.i + 1, True))
            taken.update(range(a, tok.i + 1))
            located.update(range(a, tok.i + 1))
        elif unknown is not None and not generic and tok.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY") \
                and all(doc[j].text[:1].isupper() or doc[j].is_punct for j in range(a, tok.i + 1)):
            unknown.append((a, tok.i + 1))
    return sorted(spans)


def town_first_name(doc: Doc, kb: KnowledgeBase, a: int, b: int) -> bool:
    """Whether a one-word place entity ``doc[a:b]`` is a first name: a town of the gazetteer only (no country,
    capital or curated place), the compound of the capitalised proper noun right after it, which no entity,
    feature or sector word, nor a region or a town of 5,000 people, claims ("Fans of Ariana Grande": a singer, not the Tunisian town of Ariana;
    round a36)."""
    from .match import feature_words

    if b - a != 1 or b >= len(doc) or kb.places.get(norm(doc[a].text)) is not None:
        return False
    nxt = doc[b]
    if doc[a].dep_ != "compound" or doc[a].head.i != b or nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() \
            or not nxt.is_alpha or nxt.ent_type_ not in ("", "PERSON") or nxt.text in feature_words() \
            or nxt.lower_ in generic_words() or nxt.lower_ in kb.nouns or nxt.lower_ in kb.titles:
        return False
    if any(m.start <= b < m.end for m in match_names(doc, kb)):
        return False
    return not candidates(kb, doc[a:b + 1].text) \
        and not any(g.precision != "place" or g.population >= 5000 for g in candidates(kb, nxt.text))


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Whether the name ending before ``end`` is the head of a longer name: "the Gulf of Finland", "the Bay of
    Bengal", "the Sea of Azov" (an "of" and a proper noun follow it). Such a name is not the place its head
    alone names; the proper noun after "of" is found on its own."""
    return end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN" \
        and doc[end + 1].text[:1].isupper()


def _unknown_anchor(doc: Doc, a: int, b: int, by_start: dict[int, PlaceSpan]) -> tuple[PlaceSpan, bool] | None:
    """The place the text names next to an unknown name, and whether a settlement word says it is a place:
    "the village of Zzyzx in Belgorod Oblast", "Zzyzx, a hamlet in Bokkos, Plateau State"."""
    n = len(doc)
    cued = a >= 2 and doc[a - 1].lower_ == "of" and doc[a - 2].lower_ in _w("settlement")
    j = b
    if j < n and doc[j].text == ",":  # ", a small farming village in ..."
        k = j + 1
        if k < n and doc[k].lower_ in ("a", "an", "the"):
            k += 1
        while k < n and k - j <= 5 and doc[k].lower_ not in _w("settlement") and doc[k].pos_ in ("ADJ", "NOUN", "PROPN"):
            k += 1
        if not (k < n and doc[k].lower_ in _w("settlement")):
            return None
        cued, j = True, k + 1
    if not (j < n and doc[j].lower_ in ("in", "near", "of", "outside")):
        return None
    j += 1
    if j < n and doc[j].lower_ == "the":
        j += 1
    anchor = by_start.get(j)
    if anchor is None or anchor.geo is None or not anchor.geo.country:
        return None
    return anchor, cued


def doc_places(doc: Doc, kb: KnowledgeBase) -> list[PlaceSpan]:
    """Place spans of ``doc`` in text order, qualifiers merged into the place they qualify (cached per doc)."""
    cache_key = f"gaiko.places.{id(kb)}"
    hit = doc.user_data.get(cache_key)
    if hit is not None and hit[0] is kb:
        return hit[1]  # type: ignore[no-any-return]
    located: set[int] = set()
    unknown: list[tuple[int, int]] = []
    raw = _raw_spans(doc, kb, located, unknown)
    doc.user_data[f"gaiko.located.{id(kb)}"] = located
    naming = [(m.start, e.country) for m in match_names(doc, kb) for e in m.entries
              if e.kind in ("country", "adjective", "demonym", "capital") and e.country]
    named = {c for _i, c in naming}
    n = len(doc)
    # a generic word after a name makes it a region: "Kebbi State", "North Kivu province", "Donetsk Oblast"
    starts = {}
    for k, (a, b, ent) in enumerate(raw):
        if b < n and doc[b].lower_ in generic_words() and doc[b].pos_ in ("NOUN", "PROPN") and (k + 1 >= len(raw) or raw[k + 1][0] > b):
            b += 1
        raw[k] = (a, b, ent)
        starts[a] = k
    all_cands = [candidates(kb, doc[a:b].text) for a, b, _ent in raw]
    # the US states (and other regions with an admin1 code) the text names: "Geneva" in an article that names
    # Illinois is Geneva, Illinois (gazetteer.dominant)
    regions = {(g.country, g.admin1) for cs in all_cands if cs and cs[0].precision == "region"
               for g in cs if g.precision == "region" and g.admin1 and g.country == cs[0].country}
    out: list[PlaceSpan] = []
    used: set[int] = set()
    longer: dict[str, Geo] = {}  # "scarborough" -> Scarborough Shoal, once "Scarborough Shoal" was named
    for k, (a, b, ent) in enumerate(raw):
        if k in used:
            continue
        text = doc[a:b].text
        cands = all_cands[k]
        # the countries named elsewhere: a capital's own name does not make its country named ("Tripoli")
        geo = dominant(cands, {c for i, c in naming if not a <= i < b}, regions) if cands else None
        short = longer.get(text.lower())
        if short is not None and b - a == 1 and (geo is None or geo.country != short.country):
            # "near Scarborough" after "near Scarborough Shoal": the shoal, not the English town ("Gaza" after
            # "Gaza City" keeps its own reading, of the same country)
            geo = short
        elif geo is not None and geo.country and b - a >= 2 and doc[a].pos_ == "PROPN":
            longer.setdefault(doc[a].text.lower(), geo)
        if far_hamlet(geo, named, cands):
            geo = Geo(geo.name, None, "place", "town")  # a place, of no country the text supports
        qe = b
        first: Geo | None = None
        while qe + 1 < n and doc[qe].text == "," and (q := starts.get(qe + 1)) is not None:
            qa, qb, _qent = raw[q]
            readings = qualifiers(kb, doc[qa:qb].text)
            # "Athens, Georgia": the reading of the qualifier that holds the place (the US state, not the country)
            within = next((w for w in readings if cands and best(cands, w) is not None), readings[0] if readings else None)
            if within is None:
                break
            if geo is not None and geo.precision == "country":
                # a country's name is a town only in a named region: "Lebanon, Pennsylvania", "Mexico, Missouri"
                # (not "Israel, Jordan and Egypt", a list of countries)
                if first is not None or within.precision != "region" or best(cands, within) is None \
                        or (qb < n and doc[qb].lower_ in ("and", "or")):
                    break
            if first is not None and within.country != first.country:
                break
            if first is None:
                first = within
                geo = best(cands, within) if cands else None
                if geo is None:  # unknown village, or a namesake abroad: the named region or country
                    geo = Geo(text, within.country, "region" if within.precision == "region" else "country",
                              "place", region=within.name if within.precision == "region" else None)
            used.add(q)
            qe = qb
            if within.precision == "country":
                break
        out.append(PlaceSpan(a, b, qe, geo, ent))
    # an unknown village next to a place the text names: in that place's region or country, at region precision
    by_start = {ps.start: ps for ps in out}
    blank = {ps.start: k for k, ps in enumerate(out) if ps.geo is None and ps.qual_end == ps.end}
    for a, b in sorted(unknown + [(out[k].start, out[k].end) for k in blank.values()]):
        hit = _unknown_anchor(doc, a, b, by_start)
        if hit is None:
            continue
        anchor, cued = hit
        g = anchor.geo
        assert g is not None
        if not cued and (g.precision != "region" or doc[a:b].root.head.lower_ not in ("in", "near", "outside")
                         or doc[a:b].root.ent_type_ in ("ORG", "NORP")):
            continue  # "at Kessler in Ohio", "in Zzyzx in Boston": not enough to make a place of an unknown name
        if g.precision == "country":
            geo = Geo(doc[a:b].text, g.country, "country", "place")
        else:
            region = g.name if g.precision == "region" else g.region
            geo = Geo(doc[a:b].text, g.country, "region", "place", g.lat, g.lon, region=region)
        if a in blank:  # an entity no gazetteer knows ("in Zzyzx, a hamlet in ...", tagged GPE)
            out[blank[a]].geo = geo
        else:
            out.append(PlaceSpan(a, b, b, geo, True))
        located.update(range(a, b))
    out.sort(key=lambda ps: ps.start)
    doc.user_data[cache_key] = (kb, out)
    return out
