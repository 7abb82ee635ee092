"""Which tokens name persons: phase 1 of mention finding (:mod:`gaiko.actors.mentions`), before titles and
countries widen each span. A person is a knowledge-base person name that the tagger does not read as a place or a
date ("met in Antalya on May 16"), a PERSON entity that is no organisation or sector noun ("Riot police"), a place
name used as a first name ("Jordan Reyes", "Israel Haddad, a local activist,"), or a later bare surname of a person
introduced with the full name. ``f`` arguments are the mention finder (its ``doc``, ``kb`` and the knowledge-base
name, title and noun matches)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..docindex import columns, entities
from ..tables import word_sets
from .kb import Entry, norm
from .locate import town_first_name
from .match import POSSESSIVE
from .wording import honorifics, org_heads

__all__ = ["person_anchors"]

_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
#: word lists: ``gaiko/data/actors/person_words.yaml`` (read once, on first use)
_WORDS = "actors/person_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``actors/person_words.yaml`` as a set: ``person_words``."""
    return word_sets(_WORDS)[key]


def person_anchors(f: Any) -> list[tuple[int, int, list[Entry], str]]:
    """(start, end, knowledge-base persons, label) of each span that names a person, in no particular order."""
    anchors: list[tuple[int, int, list[Entry], str]] = []
    seen: set[int] = set()
    introduced = {e.person_id for m in f.names for e in m.entries if e.kind == "person" and not e.surname_only}
    in_titles = {i for pm in f.titles.values() for i in range(pm.start, pm.end)}
    namesakes: set[str] = set()  # surnames of people named with another first name ("Sarah Trump")
    for m in f.names:
        people = [e for e in m.entries if e.kind == "person"]
        if not people or _in_hyphened(f.doc, m.start, m.end):
            continue  # "Yunus-Bek Yevkurov" is not Muhammad Yunus: a part of a hyphenated name (round x6)
        if all(e.surname_only for e in people):
            a = _namesake_start(f, m.start, people, in_titles)
            if a < m.start or norm(f.doc[m.start:m.end].text) in namesakes:
                # "Activist Sarah Trump", "Interior minister Muntaka Mubarak", and a later bare "Mubarak":
                # a first name that is not the known person's names somebody else with the surname
                if a < m.start:
                    namesakes.add(norm(f.doc[m.start:m.end].text))
                anchors.append((a, m.end, [], "PERSON"))
                seen.update(range(a, m.end))
                continue
        tok = f.doc[m.start]
        label = tok.ent_type_
        if label in ("DATE", "TIME") or tok.lower_ in _MONTHS and m.end < len(f.doc) and f.doc[m.end].like_num:
            continue  # "met in Antalya on May 16", "stuck in parliament since May": a date, not Theresa May
        others = [e for e in m.entries if e.kind != "person"]
        if others and label != "PERSON":
            continue  # "Jordan", "Washington": the place reading wins outside PERSON entities
        if all(e.surname_only for e in people) and not (tok.pos_ == "PROPN" or label in ("PERSON", "ORG", "NORP")) \
                and not any(e.person_id in introduced for e in people):
            continue
        if label in ("GPE", "LOC", "FAC") and _ent_len(f, tok) > (m.end - m.start):
            continue
        anchors.append((m.start, m.end, people, "PERSON"))
        seen.update(range(m.start, m.end))
    phrases = [(pm.start, pm.end) for pm in list(f.nouns.values()) + list(f.titles.values()) if pm.end - pm.start > 1]
    for ent in entities(f.doc):
        if ent.label_ == "PERSON" and ent[-1].lower_ in org_heads():
            continue  # an organisation, found by the entity phase
        if ent.label_ == "PERSON" and any(a <= ent.start and ent.end <= b for a, b in phrases) \
                and not any(i in seen for i in range(ent.start, ent.end)):
            continue  # "Riot police clashed ...": "Riot" tagged PERSON is part of a sector noun
        if ent.label_ == "PERSON" and (not any(i in seen for i in range(ent.start, ent.end))
                                       or _first_name_place(f, ent.start, ent.end)):
            a, b = ent.start, ent.end
            while b > a and f.doc[b - 1].text in POSSESSIVE:
                b -= 1
            a = _strip_titles(f, a, b)
            if b > a and not any(f.name_at.get(i) for i in range(a, b)):
                anchors.append((a, b, [], "PERSON"))
            elif b > a and _first_name_place(f, a, b):  # "Kenya Brown": not Kenya, not Gordon Brown
                anchors = [x for x in anchors if not a <= x[0] < b]
                anchors.append((a, b, [], "PERSON"))
                seen.update(range(a, b))
    for ent in entities(f.doc):  # "Fans of Ariana Grande", the tagger's GPE "Ariana": a town's name as a first name
        if ent.label_ in ("GPE", "LOC") and not any(i in seen for i in range(ent.start, ent.end + 1)) \
                and town_first_name(f.doc, f.kb, ent.start, ent.end):
            anchors.append((ent.start, ent.end + 1, [], "PERSON"))
            seen.update(range(ent.start, ent.end + 1))
    cols = columns(f.doc)
    for nm in f.names:  # "Israel Adesanya, a local official, ...": tagged as places, but a title says person
        if nm.end < len(f.doc) and cols.pos[nm.end] == "PROPN" and cols.dep[nm.end - 1] == "compound" \
                and _first_name_place(f, nm.start, nm.end + 1) and _appos_title(f, nm.end):
            # a known surname after a place's name is this person's, not the known person's ("Israel
            # Haddad, a local activist" is not Fernando Haddad)
            lone = [x for x in anchors if x[0] == nm.end and x[1] == nm.end + 1 and x[2]
                    and all(e.surname_only for e in x[2])]
            if lone:
                anchors = [x for x in anchors if x not in lone]
                seen.difference_update(range(nm.end, nm.end + 1))
            if not any(i in seen for i in range(nm.start, nm.end + 1)):
                anchors.append((nm.start, nm.end + 1, [], "PERSON"))
    # later bare surnames of people introduced with their full name, whatever the tagger made of them
    surnames: dict[str, int] = {}
    first = _w("family_first_countries")
    for a, b, _e, _l in anchors:
        if b - a >= 2:
            surnames.setdefault(norm(f.doc[b - 1].text), a)
            if any(e.kind == "person" and not e.surname_only and e.country in first for e in _e):
                surnames.setdefault(norm(f.doc[a].text), a)  # "Lee Jae-myung ... Lee said" (round n48)
    taken = {i for a, b, _e, _l in anchors for i in range(a, b)}
    for i, text in enumerate(columns(f.doc).text):
        first = surnames.get(norm(text)) if text[:1].isupper() else None
        if first is not None and i > first and i not in taken and i not in f.name_at:
            anchors.append((i, i + 1, [], "PERSON"))
    return anchors


def _namesake_start(f: Any, i: int, people: list[Entry], in_titles: set[int]) -> int:
    """First token of the first names before a known surname at token i that are not the known person's
    ("Sarah Trump", "Muntaka Mubarak"); ``i`` when there are none: a title, an honorific or an initial before the
    surname ("President Trump", "Mr Trump", "Donald J. Trump"), the person's own first name, or no name at all."""
    doc = f.doc
    own = {norm(w) for e in people for w in e.name.replace(".", " ").split()[:-1]}
    a = i
    while a > 0:
        t = doc[a - 1]
        if not (t.text[:1].isupper() and t.text[:1].isalpha() and t.pos_ == "PROPN") or t.i in f.name_at \
                or t.i in in_titles or t.lower_ in honorifics() or len(t.text.rstrip(".")) <= 1 \
                or norm(t.text) in own or t.ent_type_ not in ("PERSON", ""):
            break
        a -= 1
    if a < i and doc[a].ent_type_ != "PERSON" and not (doc[i - 1].dep_ == "compound" and doc[i - 1].head.i >= i):
        return i
    return a


def _first_name_place(f: Any, a: int, b: int) -> bool:
    """A place or country name used as a first name: "Jordan Reyes", "Chad Miller", "Georgia Thompson".

    True when the only knowledge-base name in tokens a..b-1 is a country, capital or place at ``a``, and
    the tokens after it are capitalised proper nouns that are no knowledge-base name ("Jordan Valley" and
    "Georgia's" are not persons: the caller only asks for PERSON entities or titled appositions)."""
    nm = f.name_at.get(a)
    if nm is None or nm.start != a or nm.end >= b or not nm.kinds() <= {"country", "capital", "place", "adjective"}:
        return False
    doc = f.doc
    rest = doc[nm.end:b]
    return all(t.text[:1].isupper() and t.pos_ == "PROPN" and t.text not in POSSESSIVE
               and (t.i not in f.name_at or f.name_at[t.i].kinds() == {"person"}) for t in rest) \
        and doc[nm.end - 1].dep_ == "compound"


def _appos_title(f: Any, i: int) -> bool:
    """Token i heads a name followed by an apposition that says a person: a title (", a city councillor,"),
    a noun of people (", a local activist,") or a word such as "member" (", a school board member,")."""
    tok = f.doc[i]
    return any(c.dep_ == "appos" and (c.i in f.titles or c.lemma_.lower() in f.kb.nouns
                                      or c.lower_ in _w("person_words")) for c in tok.children)


def _ent_len(f: Any, tok: Token) -> int:
    for ent in entities(f.doc):
        if ent.start <= tok.i < ent.end:
            return ent.end - ent.start
    return 0


def _strip_titles(f: Any, a: int, b: int) -> int:
    """Entities sometimes include the title ("President Trump"): move the start past it."""
    moved = True
    while moved and a < b - 1:
        moved = False
        for j in range(a, b - 1):
            pm = f.titles.get(j)
            if pm is not None and pm.start == a:
                a, moved = pm.end, True
                break
    return a


def _in_hyphened(doc: Any, start: int, end: int) -> bool:
    """Whether tokens ``start`` .. ``end`` are one name part of a hyphenated name ("Yunus" of "Yunus-Bek", "Bek" of
    "Ali-Bek"): a hyphen written against its first or last token, with a capitalised part across it ("Macron-era",
    "Putin-backed" name the person)."""
    dashes = ("-", "\u2010", "\u2011")
    before = start > 1 and doc[start - 1].text in dashes and not doc[start - 1].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper()
    after = end + 1 < len(doc) and doc[end].text in dashes and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper()
    return bool(before or after)
