"""Resolving mention spans to :class:`~gaiko.types.Actor` records, in context and in time (people's
names in :mod:`gaiko.actors.personref`, pronouns in :mod:`gaiko.actors.coref`, the article's places in
:mod:`gaiko.actors.context`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from ..docindex import sentences
from ..types import Actor
from .homegroup import own_house_country
from .hosts import host_dateline, host_speaker
from .kb import UNKNOWN, KnowledgeBase, norm
from .members import group_member
from .ambiguous import needs_context, resolve_in_context
from .context import DOMESTIC, GROUPS, LOCAL_ROLES, POSTED_ROLES, TRANSNATIONAL, PlaceContext
from .coref import CorefContext, body_sectors, pos_of as _pos, ruler_nouns
from .mentions import PRONOUNS, Mention, find_mentions, is_locative
from .namewords import ship_country
from .nosides import filed_end, post_country
from .personref import PersonContext
from .whosecountry import CountryContext
from .wording import phrase_countries

__all__ = ["resolve_doc", "TRANSNATIONAL"]

_KIND_ORDER = {"org": 0, "seat": 1, "country": 2, "capital": 3, "adjective": 4, "demonym": 5, "ethnic": 6, "place": 7}


class _DocResolver(PersonContext, CorefContext, PlaceContext, CountryContext):
    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date) -> None:
        self.doc, self.kb, self.day = doc, kb, day
        self.sents = sentences(doc)
        self.registry: dict[str, tuple[Actor, str | None]] = {}
        self.history: list[tuple[int, Actor, str | None, int]] = []  # (token, actor, gender, sentence start)
        self.focus: Counter[str] = Counter()
        self.sent_countries: dict[int, set[str]] = {}
        self.token_actor: dict[int, Actor] = {}
        self.token_country: dict[int, str] = {}  # every name or place token, actor or not
        #: where the article happens: countries of its places (and of its police, courts, mayors)
        self.setting: Counter[str] = Counter()
        #: the country of the dateline's town ("NAIROBI -"): whose a bare "the government" is when the article names
        #: no other place; never a group's or a side's country (round x16)
        self.filed_country: str | None = None
        self.sent_places: dict[int, set[str]] = {}  # sentence start -> countries of its places
        self.qualified: set[int] = set()
        self._place_tokens: set[int] | None = None
        #: sentence start -> countries of the knowledge base's people its person mentions name (a bare title's
        #: counterparts: see _context_country)
        self.sent_people: dict[int, set[str]] = {}
        self.named_places: set[int] = set()

    # -- helpers ----------------------------------------------------------
    def _actor(self, m: Mention, **kw: object) -> Actor:
        span = self.doc[m.start:m.end]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, **kw)  # type: ignore[arg-type]

    def _country_name(self, code: str | None) -> str | None:
        c = self.kb.countries.get(code or "")
        return c.name if c else None

    # -- names --------------------------------------------------------------
    def resolve_name(self, m: Mention) -> Actor | None:
        e = sorted(m.entries, key=lambda x: _KIND_ORDER.get(x.kind, 9))[0]
        root = self.doc[m.head] if m.kind == "name" else self.doc[m.start]
        if m.kind == "title":
            return self.resolve_title(m, e.country)
        how = {"adjective": "demonym", "demonym": "demonym", "ethnic": "demonym", "capital": "metonymy", "seat": "metonymy",
               "org": "kb"}.get(e.kind, "country")
        name = e.name if e.kind in ("org", "seat", "ethnic") else (self._country_name(e.country) or e.name)
        if m.sector:
            return self._actor(m, name=name, country=e.country, sector=m.sector, resolved_by=how, confidence=0.85)
        if e.kind == "place":
            return None  # disputed places and seas are places, see PlaceFinder
        if e.kind == "country":
            return self._actor(m, name=name, country=e.country, resolved_by="country", confidence=0.9)
        if e.kind == "adjective":
            if root.dep_ in ("amod", "compound", "nmod") and root.head.i != root.i and m.end - m.start <= 2:
                return None  # "Japanese economy": an adjective, not an actor
            return self._actor(m, name=name, country=e.country, resolved_by="demonym", confidence=0.75)
        if e.kind == "ethnic":
            if root.dep_ in ("amod", "compound", "nmod") and root.head.i != root.i:
                return None
            return self._actor(m, name=e.name, country=e.country, sector="CVL", resolved_by="demonym", confidence=0.6)
        if e.kind == "demonym":
            return self._actor(m, name=name, country=e.country, resolved_by="demonym", confidence=0.75)
        if e.kind in ("capital", "seat"):
            if is_locative(root, capital=True) or (root.dep_ == "compound" and e.kind == "capital"):
                return None
            return self._actor(m, name=name, country=e.country, sector=e.sector or "GOV", resolved_by="metonymy",
                               confidence=0.8)
        return self._actor(m, name=name, country=e.country, sector=e.sector, resolved_by="kb", confidence=0.9)

    # -- titles, nouns, pronouns -------------------------------------------
    def resolve_title(self, m: Mention, country: str | None = None) -> Actor:
        assert m.title is not None
        sector, role = m.title
        country = country or (m.country_hint.country if m.country_hint else None)
        if m.former:  # "the former prime minister": of the country the sentence is about, as a current title is
            conf = 0.6
            if country is None:
                country, conf = self._context_country(m)
            return self._actor(m, name=self._country_name(country), country=country, sector="ELI",
                               role=f"former_{role}", resolved_by="title", confidence=conf if country else 0.3)
        if country is None and sector in GROUPS and not m.entries:
            # "journalists", "doctors", "activists" are where they are, like other groups of people
            country, conf = self._clause_place(self.doc[m.head]), 0.65
            if country is None:
                country, conf = self._setting(m)
        elif country is None and (body := self._igo_compound(m)) is not None:
            # "a Commission spokesperson": the body's, not the dateline's Belgium (round a1)
            return self._actor(m, name=body.name, country="IGO", sector=sector, role=role, resolved_by="title",
                               confidence=0.7)
        elif country is None and (house := own_house_country(self, m)) is not None:
            country, conf = house, 0.7  # "Opposition lawmakers in Brasilia" (round e50)
        elif country is None:
            if (prev := self._title_antecedent(m, role)) is not None:
                return replace(prev, **_pos(self._actor(m)), resolved_by="coref", confidence=0.7)
            country, conf = self._context_country(m)
        else:
            conf = 0.8
        # a state has many ambassadors and envoys: "Russia's envoy to Japan" is no one holder of the role (round n46)
        holders = self.kb.holders(country, role, self.day) if country and role not in POSTED_ROLES else []
        if len(holders) == 1 and holders[0][0].name != UNKNOWN:
            p, t = holders[0]
            return self._actor(m, name=p.name, country=country, sector=t.sector, role=role, person_id=p.id,
                               resolved_by="title", confidence=conf)
        return self._actor(m, name=self._country_name(country), country=country, sector=sector, role=role,
                           resolved_by="title", confidence=conf if country else 0.3)

    def _title_antecedent(self, m: Mention, role: str) -> Actor | None:
        """The holder of ``role`` a bare title ("the defence minister") refers back to: the last one the text called
        by these words ("Defence minister X"); else the last holder of the role, when the article's context gives no
        other country. A holder named only by name or as "his Danish counterpart X", or by another title of the role
        ("US Treasury Secretary X" for "the finance minister"), is no antecedent in an article about another country
        (round e49: the minister of the article's own side was taken for the counterpart's)."""
        words = _title_words(self.doc[m.start:m.end].text)
        last: Actor | None = None
        for _, prev, _g, _s in reversed(self.history):
            if prev.role != role:
                continue
            last = last or prev
            said = [a.text for _, a, _g2, _s2 in self.history
                    if a is prev or (prev.person_id and a.person_id == prev.person_id)]
            if words and any(words in _title_words(t) for t in said):
                return prev
        if last is None:
            return None
        context, _conf = self._context_country(m)
        return last if context in (None, last.country) else None

    def resolve_noun(self, m: Mention) -> Actor:
        country: str | None = None
        how, conf = "sector", 0.6
        head = self.doc[m.head]
        bloc = self._named_bloc(m)
        if bloc is not None:
            return bloc
        if m.poss is not None:
            found = self._antecedent(m, m.poss, PRONOUNS.get(self.doc[m.poss].lower_))
            if found:
                country, how, conf = found[0].country, "coref", 0.7
        if country is None:
            country = self._premodifier_country(head)
            conf = 0.75
        if country is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            # "Pakistan's army said 23 of its soldiers had been killed": the subject of a clause above it
            country = self._possessor_subject(head)
            if country:
                how, conf = "coref", 0.7
        if country is None:
            for c in head.children:
                cand = [c] if c.dep_ in ("poss", "compound", "amod", "nmod") else (
                    [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("of", "in", "from") else [])
                for t in cand:
                    a = self.token_actor.get(t.i)
                    code = a.country if a is not None and a.country else self.token_country.get(t.i)
                    if code:
                        country, conf = code, 0.75
                        break
                if country:
                    break
        if country is None and (post := post_country(head, self.token_country)) is not None:
            country, conf = post, 0.75  # "expelled diplomats from the Polish embassy in Minsk" (round t42)
        if country is None and m.sector == "UAF":  # "a bombing near the town of X": where it happened
            verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
            country = self._place_within(head) or (self._place_within(verb) if verb is not None else None)
            conf = 0.65
        if country is None:
            country = self._clause_place(head)
            conf = 0.65
        if country is None and m.sector in GROUPS:
            country, conf = self._setting(m)
        elif country is None and head.lemma_.lower() in ruler_nouns() and head.i == m.end - 1:
            country, conf = self._host_country(m)
        elif country is None and (house := own_house_country(self, m)) is not None:
            country, conf = house, 0.7  # "the opposition in Brasilia" (round e50)
        elif country is None:
            country, conf = self._context_country(m)
        return self._actor(m, name=self._country_name(country), country=country, sector=m.sector,
                           resolved_by=how, confidence=conf)

    def resolve_entity(self, m: Mention) -> Actor | None:
        text = self.doc[m.start:m.end].text
        if m.label in ("PERSON", "ORG", "NORP"):
            known = self.registry.get(norm(text))
            if known is not None:
                return replace(known[0], **_pos(self._actor(m)), resolved_by="coref", confidence=0.8)
        from .locate import located_tokens

        place = self.kb.places.get(norm(text))
        located = m.head in located_tokens(self.doc, self.kb)  # "north of Pokrovsk", "in Gusau"
        if m.label == "GPE" and place is not None:
            if is_locative(self.doc[m.head], capital=False) or not place.country or located:
                return None
            return self._actor(m, name=place.name, country=place.country, resolved_by="country", confidence=0.6)
        here = self.token_country.get(m.head)
        if m.label in ("GPE", "LOC", "FAC", "ORG") and m.start in self._place_starts():
            # a place the gazetteer knows ("Kebbi State", "Kramatorsk"): a location, or its country as an actor;
            # one of no known country ("near Ségur", see gazetteer.far_hamlet) is a location all the same
            if is_locative(self.doc[m.head], capital=False) or m.label != "GPE" or located:
                return None
            if here:
                return self._actor(m, name=text, country=here, resolved_by="country", confidence=0.55)
        if (ship := ship_country(text)) is not None:  # "HMS Montrose", "the USS Cole": a navy's ship
            return self._actor(m, name=text, country=ship, sector="MIL", resolved_by="kb", confidence=0.7)
        if m.label in ("ORG", "NORP", "FAC"):
            inner = self._country_inside(m)
            if inner:  # "The Tigray People's Liberation Front", "Mapuche communities"
                sector = self.kb.nouns.get(self.doc[m.head].lemma_.lower())
                return self._actor(m, name=text, country=inner, sector=sector, resolved_by="demonym", confidence=0.5)
        if m.label == "ORG" and (sector := self._body(m)) is not None:
            return self.resolve_noun(replace(m, kind="noun", sector=sector))  # "OTTAWA -- Parliament passed ..."
        return self._actor(m, name=text, resolved_by="unresolved", confidence=0.1)

    def _body(self, m: Mention) -> str | None:
        """The sector of an entity that is a bare state body ("Parliament", "the Senate"; ``body_sectors``, round t43)
        or any sector noun owned by "its"/"their" ("Hanoi said its navy had ...", tagged ORG: "its" then reaches the
        speaker; round k2), else None."""
        words = [t.lower_ for t in self.doc[m.start:m.end] if t.pos_ != "DET"]
        sector = self.kb.nouns.get(" ".join(words)) if words else None
        owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in self.doc[m.head].children)
        return sector if sector in body_sectors() or (sector and owned) else None

    def run(self) -> list[tuple[Mention, Actor]]:
        mentions = find_mentions(self.doc, self.kb)
        # the dateline that opens the article ("DOHA -", "KINSHASA, March 3 (Reuters) -") is where it was filed: its
        # names give no sentence its country, no focus and no antecedent (round x16); its tokens keep their country
        end_of_dateline = filed_end(self.doc)
        quals, where = self._places({i for m in mentions if m.kind == "person" for i in range(m.start, m.end)})
        mentions = [m for m in mentions if not all(i in quals for i in range(m.start, m.end))]
        actors: list[Actor | None] = [None] * len(mentions)
        later = {k for k, m in enumerate(mentions) if needs_context(self.doc, m)}  # "RSF", "Labour": see ambiguous
        for m in mentions:
            if m.kind == "person" and m.title is None and m.entries:
                codes = {e.country for e in m.entries if e.person_id and e.country}
                if len(codes) == 1:
                    self.sent_people.setdefault(self.sents.start(m.head), set()).update(codes)
        for k, m in enumerate(mentions):  # order-free first: names and known people
            here: str | None = None
            if k in later:
                continue
            if m.kind == "name" and m.start in self.qualified and not m.sector:
                here = where.get(m.start)  # "Paris, Texas": a place in the USA, not the French capital
            elif m.kind == "name" or (m.kind == "title" and m.entries):
                actors[k] = self.resolve_name(m)
                here = None if _agency(m) else m.entries[0].country  # "OSLO (Reuters) -": no GBR (round n44)
            elif m.kind == "entity" and m.label in ("GPE", "LOC", "FAC"):
                place = self.kb.places.get(norm(self.doc[m.start:m.end].text))
                here = place.country if place else None
            if actors[k] is not None:
                for i in range(m.start, m.end):
                    self.token_actor[i] = actors[k]  # type: ignore[assignment]
            if here:
                for i in range(m.start, m.end):
                    self.token_country[i] = here
            if here and self.doc[m.start].idx >= end_of_dateline:  # places count as context ("police in Nairobi")
                self.sent_countries.setdefault(self.sents.start(m.head), set()).add(here)
        self.token_country.update(where)
        # tokens of places that are not countries ("Kadugli", "Benguela"): where a bare noun acts (round p43)
        self.named_places = {i for i in where if not self._country_word(i)} | {
            i for m in mentions if m.kind == "entity" and m.label in ("GPE", "LOC", "FAC")
            and (p := self.kb.places.get(norm(self.doc[m.start:m.end].text))) is not None and p.feature != "country"
            for i in range(m.start, m.end)}
        out: list[tuple[Mention, Actor]] = []
        hd = host_dateline(self.doc, list(zip(mentions, actors)))  # "BRUSSELS - A spokesperson said" (round a2)
        for k, m in enumerate(mentions):
            a = resolve_in_context(self, m) if k in later else actors[k]
            if a is None and k not in later and not (m.kind == "name" or (m.kind == "title" and m.entries)):
                a = {"person": self.resolve_person, "title": self.resolve_title, "noun": self.resolve_noun,
                     "pronoun": self.resolve_pronoun, "entity": self.resolve_entity}[m.kind](m)
            if a is None:
                continue
            if m.hint_entries and m.kind in ("person", "title"):  # "RSF commander X": the group's (round x17)
                a = group_member(self.doc, m, a, (set(self.token_country.values()) | set(self.focus)
                                                  | set(self.setting)) - TRANSNATIONAL)
            if m.kind in ("entity", "noun") and (full := self._short_of(m, out)) is not None:
                a = full  # "the European Commission" ... "the Commission" (round a1)
            if hd is not None and (spoke := host_speaker(self.doc, m, a, hd)) is not None:
                a = spoke  # a bare speaker under a host city's dateline: the named body's, or none (round a2)
            if self.doc[m.start].idx < end_of_dateline:
                pass  # the dateline: where the report was filed, no side's country (round x16)
            elif a.country and a.country not in TRANSNATIONAL and not _agency(m):
                self.focus[a.country] += 1
                if a.sector in DOMESTIC or a.role in LOCAL_ROLES:  # police, courts, mayors act at home
                    # "Kenyan and Somali police": both countries are where the sentence is, neither the setting
                    both = phrase_countries(self.doc[m.start:m.end].root, self.kb) if a.sector in DOMESTIC else []
                    if not both:
                        self.setting[a.country] += 1
                    self.sent_places.setdefault(self.sents.start(m.head), set()).update(both or [a.country])
            if a.person_id or m.kind in ("person",) or (a.role and a.sector != "ELI" and m.kind == "title"):
                gender = self.kb.people[a.person_id].gender if a.person_id in self.kb.people else None
                if m.kind == "pronoun":
                    gender = PRONOUNS.get(self.doc[m.start].lower_)
                elif gender is None and m.kind == "title" and self.doc[m.head].dep_ == "appos":
                    # "Xue Jian, China's consul general in Osaka, ...": the title is the named man's, and "her"
                    # later is someone else (round n46)
                    named = self.token_actor.get(self.doc[m.head].head.i)
                    if named is not None and named.person_id in self.kb.people:
                        gender = self.kb.people[named.person_id].gender
                if self.doc[m.start].idx >= end_of_dateline:
                    self.history.append((m.start, a, gender, self.sents.start(m.start)))
            for i in range(m.start, m.end):
                self.token_actor[i] = a
            out.append((m, a))
        return out


def _title_words(text: str) -> str:
    """A title's words for comparing two mentions: lower case, the article dropped, US and British spelling of
    defence alike ("the defense minister" and "Defence Minister X" say "defence minister")."""
    words = text.lower().replace("defense", "defence").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _agency(m: Mention) -> bool:
    """Whether a mention names a news agency or outlet (an organisation of sector JRN: "Reuters", "AFP", "Kyodo"), which
    gives no country to the article's context (round n44): "OSLO (Reuters) - The government will ..." is Norway's
    government, "..., AFP reported" says nothing of France. The agency as an actor keeps its own country."""
    return m.kind == "name" and bool(m.entries) and all(e.kind == "org" and e.sector == "JRN" for e in m.entries)


def resolve_doc(doc: Doc, kb: KnowledgeBase, day: dt.date) -> list[tuple[Mention, Actor]]:
    """All actor mentions of ``doc`` with their resolution, in text order."""
    return _DocResolver(doc, kb, day).run()
