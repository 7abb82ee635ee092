"""Whose country a bare title or noun is, for the actor resolver: the one country its sentence names, the country
the sentence before opens with, the article's setting or its most-named country
(:meth:`CountryContext._context_country`), never the country of a diplomat's post (:meth:`CountryContext._posts`) nor
one the sentence names only as the other side of a pair (:meth:`CountryContext._relational_only`); and whose "the
government", "the junta" are (:meth:`CountryContext._host_country`).

A mixin of :class:`gaiko.actors.resolve._DocResolver` (it uses the resolver's ``doc``, ``kb``, ``sents``,
``token_country``, ``sent_countries``, ``sent_people``, ``focus`` and ``setting``, and the ``_lead_country`` and
``_earlier_country`` of :class:`~gaiko.actors.context.PlaceContext`). Split from :mod:`gaiko.actors.resolve` in
round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .context import POST_PREPS, POSTED_ROLES, TRANSNATIONAL
from .homegroup import home_group_country
from .kb import norm
from .mentions import Mention
from .nosides import in_dateline

if TYPE_CHECKING:
    from collections import Counter

    from spacy.tokens import Doc

    from ..docindex import Sentences
    from .kb import KnowledgeBase

__all__ = ["CountryContext"]


class CountryContext:
    doc: Doc
    kb: KnowledgeBase
    sents: Sentences
    token_country: dict[int, str]
    history: list[tuple[int, Any, str | None, int]]
    sent_countries: dict[int, set[str]]
    sent_people: dict[int, set[str]]
    focus: Counter[str]
    setting: Counter[str]
    filed_country: str | None
    _lead_country: Callable[[int], str | None]  # PlaceContext's
    _earlier_country: Callable[[int, set[str]], str | None]  # PlaceContext's

    def _posts(self, m: Mention) -> set[str]:
        """For a diplomat posted abroad ("the consul general in Osaka", "the ambassador to Japan, X"), the countries
        of the post's "to/in/at" phrase on the title's nouns in the mention: a place, never the diplomat's side
        (round n46)."""
        if m.title is None or m.title[1] not in POSTED_ROLES:
            return set()
        found: set[str] = set()
        for t in self.doc[m.start:m.end]:
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            for p in t.children:
                if p.dep_ != "prep" or p.lower_ not in POST_PREPS:
                    continue
                found |= {self.token_country[o.i] for o in p.subtree if o.i in self.token_country}
                for o in p.children:  # a name inside the mention is no token of token_country: ask the kb
                    if o.dep_ != "pobj":
                        continue
                    text = norm(self.doc[min(c.i for c in o.subtree if c.dep_ != "det" or c.i == o.i):o.i + 1].text)
                    found |= {str(e.country) for e, _ in self.kb.phrases.get(text, ()) if e.country
                              and e.kind in ("country", "capital", "place")}
                    place = self.kb.places.get(text)
                    if place is not None and place.country:
                        found.add(place.country)
        return found - TRANSNATIONAL

    def _context_country(self, m: Mention) -> tuple[str | None, float]:
        start = self.sents.start(m.head)
        here = self.sent_countries.get(start, set()) - TRANSNATIONAL
        if (home := home_group_country(self, m)) is not None:
            # "Opposition lawmakers criticised the plan" in a sentence that, with the one before, names no other
            # country: the article's home country, not its most-named one (round t35, x4's F6 narrowed)
            return home, 0.45
        if here and self._filed_body(m) and in_dateline(self.doc, self.doc[start].idx) \
                and not any(not in_dateline(self.doc, self.doc[i].idx) for i in range(start, m.start)
                            if i in self.token_country):
            # "JAKARTA - An official said the summit would discuss the crisis in Myanmar": a country named after
            # a bare speaker under the dateline is what it speaks of; the speaker is the dateline's (rounds a2, x16)
            return self.filed_country, 0.4
        posts = self._posts(m)
        if posts:
            # "The ambassador to Japan, X, accused Tokyo": Japan is where he serves, not whose he is (round n46)
            here = here - posts
            if not here and (prev := self._lead_country(start)) is not None and prev not in posts:
                return prev, 0.4
            if not here:
                return None, 0.25
        if m.title is not None:  # "The prime minister called his Indian counterpart": the other side's country
            here = here - self._relational_only(start)
            # "The president called Erdogan", "the prime minister met Modi in Delhi": not the country of a known
            # person the sentence names, nor of the place where they met (round a36)
            here = here - self.sent_people.get(start, set())
        if len(here) == 1 and m.title is None and m.sector in ("GOV", "BUS") and not self._named_between(start, m.start) \
                and (prev := self._earlier_country(start, here)) is not None:
            # "the agriculture ministry lifted the ban on exports to China", "the state gas company delivered gas to
            # Poland": a country named only after the noun is what it acts on, not whose it is (round p43)
            return prev, 0.45
        if len(here) == 1 and (m.title is None or self._named_between(start, m.start)):
            return next(iter(here)), 0.5
        if len(here) == 1 and (prev := self._lead_country(start)) is not None:
            # "Spokesman X warned ... the Taiwan question", "vice foreign minister X summoned Japan's ambassador": a
            # country named only after a bare title is the other side's; the title is of the country the sentence
            # before opens with ("China's foreign ministry condemned ...")
            return prev, 0.45
        if len(here) == 1:
            return next(iter(here)), 0.5
        if not here and m.title is not None and (prev := self._lead_country(start)) is not None:
            return prev, 0.4  # a bare title in a sentence naming no country: of the one the sentence before opens with
        if not here and self._filed_body(m):
            return self.filed_country, 0.4  # "DURBAN: The ministry will pay ...": the dateline's (rounds n45, x16)
        if self.focus:
            return self.focus.most_common(1)[0][0], 0.35
        return None, 0.25

    def _filed_body(self, m: Mention) -> bool:
        """Whether ``m`` is one bare state body ("the ministry", "the cabinet") or a bare speaker ("A spokesperson",
        "Officials": ``hosts.yaml`` speakers, round a2) that the dateline's country may own (round x16): not a group
        of both sides ("both delegations"), not other people ("troops", "journalists")."""
        from .hosts import hosts

        if not self.filed_country or m.poss is not None:
            return False
        head = self.doc[m.head]
        if head.lemma_.lower() in hosts()[1] and not any(t.lower_ in ("both", "two") for t in self.doc[m.start:m.end]):
            return True
        return m.title is None and m.sector == "GOV" and head.tag_ in ("NN", "NNP")

    def _relational_only(self, start: int) -> set[str]:
        """Countries the sentence starting at token ``start`` names only in a phrase of the other side of a pair
        ("his *Indian* counterpart": ``no_sides.yaml`` relational; round t40)."""
        from .nosides import relational_nouns

        rel, other = set(), set()
        for i, c in self.token_country.items():
            if self.sents.start(i) != start:
                continue
            t = self.doc[i]
            head = t.head if t.dep_ in ("amod", "compound", "poss", "nmod") else t
            (rel if head.lemma_.lower() in relational_nouns() else other).add(c)
        return rel - other

    def _named_between(self, a: int, b: int) -> bool:
        """Whether a country is named by a token in ``[a, b)``."""
        return any(c not in TRANSNATIONAL for i, c in self.token_country.items() if a <= i < b)

    def _host_country(self, m: Mention) -> tuple[str | None, float]:
        """Whose "the government", "the junta", "the authorities" are, when nothing in their phrase says: the one
        country of the sentence, else the country where the article happens (its places, its police and courts),
        not the one whose actors it names most: "Gangs seized Mirebalais, and the government declared a state of
        emergency" in a report on the Kenyan-led mission in Haiti is Haiti's; "Togo's foreign minister met Traoré
        in Ouagadougou, eight days after the junta expelled three French diplomats" is Burkina Faso's."""
        start = self.sents.start(m.head)
        here = self.sent_countries.get(start, set()) - TRANSNATIONAL
        if len(here) == 1 and not self._named_between(start, m.start) \
                and (prev := self._earlier_country(start, here)) is not None:
            # "the junta expelled three French diplomats": a country named only after the noun is what it acts on;
            # the rulers are of the country the article was about so far (round p43)
            return prev, 0.45
        if len(here) == 1:
            return next(iter(here)), 0.5
        if self.setting:
            return self.setting.most_common(1)[0][0], 0.4
        if self.filed_country and not self.sent_countries.get(start):
            return self.filed_country, 0.4  # "NAIROBI - The government will ...": the dateline's (rounds n45, x16)
        return self._context_country(m)
