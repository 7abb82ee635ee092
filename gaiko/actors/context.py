"""Where actors are: places, the sentence's places and the article's setting, for the actor resolver.

A mixin of :class:`gaiko.actors.resolve._DocResolver` (it uses the resolver's ``doc``, ``kb``, ``sents``,
``token_country``, ``sent_places``, ``sent_countries``, ``setting`` and ``qualified``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .kb import norm
from .mentions import Mention
from .wording import pro_anti

if TYPE_CHECKING:
    from collections import Counter

    from spacy.tokens import Doc

    from ..docindex import Sentences
    from .kb import KnowledgeBase

__all__ = ["PlaceContext", "TRANSNATIONAL", "GROUPS", "DOMESTIC", "LOCAL_ROLES"]

#: codes that are not states: not used as "the country of the sentence"
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})
#: sectors of people who are where they are: their country comes from their own words, their place or the
#: article's setting, never from another actor of the sentence ("Russian shelling wounded civilians in Kharkiv")
GROUPS = frozenset({"CVL", "COP", "LAB", "EDU", "AGR", "REF", "MED", "JRN", "BUS", "REL", "CRM", "NGO", "UAF", "REB",
                    "INS"})
#: sectors and roles that act at home, and so tell where an article happens
DOMESTIC = frozenset({"COP", "JUD", "LEG"})
LOCAL_ROLES = frozenset({"mayor", "governor", "local_official"})
#: roles of a state's diplomats posted abroad (round n46): "X's consul general in Osaka", "the ambassador to Japan" are
#: of the state that sends them; the country of their post is a place, not their side, and a state has many of them
#: (no one holder of "China's ambassador")
POSTED_ROLES = frozenset({"ambassador", "envoy", "consul"})
#: the prepositions that name a diplomat's post ("to Japan", "in Osaka", "at the United Nations")
POST_PREPS = frozenset({"to", "in", "at"})


class PlaceContext:
    doc: Doc
    kb: KnowledgeBase
    sents: Sentences
    token_country: dict[int, str]
    sent_places: dict[int, set[str]]
    sent_countries: dict[int, set[str]]
    setting: Counter[str]
    filed_country: str | None
    qualified: set[int]
    _place_tokens: set[int] | None
    named_places: set[int]  # places (not countries) the resolver names, token indices (round p43)
    focus: Counter[str]

    def _premodifier_country(self, head: Token) -> str | None:
        """A country named among the words before a noun, however deep ("Kenyan riot police")."""
        for t in self.doc[head.left_edge.i:head.i]:
            code = self.token_country.get(t.i)
            if not code:
                continue
            x, ok = t, True
            while x.i != head.i and x.head.i != x.i:
                if x.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod", "case"):
                    ok = False
                    break
                x = x.head
            if ok and x.i == head.i:
                return code
        return None

    def _lead_country(self, start: int) -> str | None:
        """The country of the first name of the sentence before the one starting at token ``start``, or None."""
        k = self.sents.index(start)
        if k == 0:
            return None
        lo = self.sents.starts[k - 1]
        named = sorted((i, c) for i, c in self.token_country.items() if lo <= i < start and c not in TRANSNATIONAL)
        return named[0][1] if named else None

    def _earlier_country(self, start: int, here: set[str]) -> str | None:
        """Whose a bare state noun is when its sentence names one country only after it, by its name or people ("to
        China", "Australian visitors"; round p43): the country the sentence before opens with, else where the article
        happens, else the country its actors so far are most of. None when that is the sentence's own country, when
        the sentence names it by a place ("aid flights into Kadugli": where the noun acts) or there is none."""
        if any(c in here and i in self.named_places for i, c in self.token_country.items() if self.sents.start(i) == start):
            return None
        prev = self._lead_country(start)
        if prev is None and self.setting:
            prev = self.setting.most_common(1)[0][0]
        if prev is None and self.focus:
            prev = self.focus.most_common(1)[0][0]
        return prev if prev is not None and prev not in here else None

    def _country_word(self, i: int) -> bool:
        """Whether token ``i`` (alone or with a neighbour: "South Sudan") names a country, not a place in it."""
        for a, b in ((i, i + 1), (i - 1, i + 1), (i, i + 2)):
            p = self.kb.places.get(norm(self.doc[max(a, 0):b].text))
            if p is not None and p.feature == "country":
                return True
        return False

    def _setting(self, m: Mention) -> tuple[str | None, float]:
        """Where a group is: the one country of the sentence's places, else the article's setting so far; for police
        and courts, else the dateline's country (round x16: never for other groups, "prisoners", "journalists")."""
        here = self.sent_places.get(self.sents.start(m.head), set()) - TRANSNATIONAL
        if len(here) == 1:
            return next(iter(here)), 0.55
        if self.setting:
            return self.setting.most_common(1)[0][0], 0.4
        if m.sector in DOMESTIC and self.filed_country:
            return self.filed_country, 0.4  # "KIGALI - Police arrested ...": police and courts act at home (x16)
        return None, 0.25

    def _place_within(self, head: Token) -> str | None:
        """Country of a place inside a noun's own locative phrases ("outside of the Iraqi city of Basra")."""
        todo = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
        for _ in range(8):
            if not todo:
                break
            t = todo.pop(0)
            code = self.token_country.get(t.i)
            if code is None and t.pos_ == "PROPN" and (pl := self.kb.places.get(norm(t.text))) is not None:
                code = pl.country
            if code and code not in TRANSNATIONAL:
                return code
            todo.extend(c for c in t.children if c.dep_ in ("pobj", "prep", "amod", "compound", "pcomp"))
        return None

    def _clause_place(self, head: Token) -> str | None:
        """Country of a place phrase of the clause a noun belongs to ("protesters marched in Nairobi")."""
        verb = head
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        for c in list(verb.children) + list(head.children) + [g for o in objs for g in o.children]:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "across", "throughout", "near"):
                for obj in c.children:
                    code = self.token_country.get(obj.i)
                    if code and code not in TRANSNATIONAL:
                        return code
        return None

    def _country_inside(self, m: Mention) -> str | None:
        """A country or a curated region named inside an organisation's name ("Tigray" in "The Tigray
        People's Liberation Front"); the ISO regions and GeoNames towns are not used here ("Unity")."""
        for t in self.doc[m.start:m.end]:
            if t.i in self.token_country:
                return self.token_country[t.i]
            if t.pos_ == "PROPN" and t.i != m.head and t.text[:1].isupper():
                info = self.kb.places.get(norm(t.text))
                if info is not None and info.country and info.feature in ("region", "territory", "island"):
                    return info.country
        return None

    def _place_starts(self) -> set[int]:
        """Tokens of the document's resolved place names (computed once)."""
        if self._place_tokens is None:
            from .locate import doc_places

            self._place_tokens = {i for ps in doc_places(self.doc, self.kb) if ps.geo is not None
                                  for i in range(ps.start, ps.end)}
        return self._place_tokens

    # -- driver -------------------------------------------------------------
    def _places(self, people: set[int]) -> tuple[set[int], dict[int, str]]:
        """Tokens of qualifiers (", Texas" after "Paris"), and the country of every place token that is not
        part of a person's name ("Jordan Reyes")."""
        from .locate import doc_places

        quals: set[int] = set()
        where: dict[int, str] = {}
        from .nosides import filed_end

        qualified: set[int] = set()
        filed = filed_end(self.doc)
        for ps in doc_places(self.doc, self.kb):
            if any(i in people for i in range(ps.start, ps.end)) or pro_anti(self.doc, ps.start, ps.end):
                continue  # "Jordan Reyes"; "anti-Syria journalist": no place, no context
            quals.update(range(ps.end, ps.qual_end))
            if ps.qual_end > ps.end:
                qualified.update(range(ps.start, ps.end))
            own = self.kb.places.get(norm(self.doc[ps.start:ps.end].text))
            if ps.geo is not None and ps.geo.country and own is not None and own.feature == "capital" \
                    and own.country != ps.geo.country:
                qualified.update(range(ps.start, ps.end))  # "Tripoli" read as Lebanon's town: no Libyan capital
            if ps.geo is not None and ps.geo.country:
                for i in range(ps.start, ps.qual_end):
                    where[i] = ps.geo.country
                start = self.sents.start(ps.start)
                if self.doc[ps.start].idx < filed:  # the dateline's town: where the report was filed (round x16)
                    if ps.geo.country not in TRANSNATIONAL:
                        self.filed_country = ps.geo.country
                    continue
                self.sent_places.setdefault(start, set()).add(ps.geo.country)
                self.sent_countries.setdefault(start, set()).add(ps.geo.country)
                if ps.geo.country not in TRANSNATIONAL:
                    self.setting[ps.geo.country] += 2
        self._dateline_country(where)
        self.qualified = qualified
        return quals, where

    def _dateline_country(self, where: dict[int, str]) -> None:
        """The country of a dateline's town that no name of the knowledge base gave (round n45): "KIGOMA (AFP) -",
        "MOMBASA -", "BERGEN, March 4 (Reuters) -" through the place gazetteer, "KIGOMA, Tanzania -" through its
        country word (``where`` of the town's tokens and the setting; since round x16 not the sentence's places and
        countries nor the focus: the dateline is where the report was filed, no side's country), as
        "NAIROBI (AFP) -" gives Kenya by its knowledge-base name. A name the gazetteer reads in no one country
        ("SAN CRISTOBAL": Venezuela's and the Dominican Republic's), a town under _DATELINE_TOWN people, and a name
        the knowledge base has as no place (a person, an outlet: "WASHINGTON POST") give none."""
        from ..docindex import text as doc_text
        from .gazetteer import candidates, dominant, qualifier
        from .nosides import _DATELINE_TOWN, dateline_place

        text = doc_text(self.doc)
        found = dateline_place(text)
        if found is None:
            return
        a, b, country_words = found
        toks = []
        for t in self.doc:
            if t.idx >= b:
                break
            if t.idx >= a:
                toks.append(t.i)
        if not toks or any(i in where for i in toks) or self.kb.phrases.get(norm(text[a:b])):
            return  # a knowledge-base name: its own mention gives its country, or it is no place
        code: str | None = None
        if country_words:
            q = qualifier(self.kb, country_words)
            code = q.country if q is not None else None
        else:
            cands = candidates(self.kb, text[a:b])
            g = dominant(cands, set()) if cands else None
            if g is not None and (g.feature != "town" or g.population >= _DATELINE_TOWN):
                code = g.country
        if not code or code in TRANSNATIONAL:
            return
        for i in toks:
            where[i] = code
        self.filed_country = code  # whose a bare "the government" is; no side's country (round x16)
