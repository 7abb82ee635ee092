"""Finding actor mention spans in a parsed document (before resolving them).

Spans are found in phases, each claiming tokens so that mentions never
overlap: persons with their titles (which tokens name a person:
:mod:`gaiko.actors.persons`), then knowledge-base names with the head
noun they modify ("Japanese vessels"), then common-noun actors and titles
without a name ("the prime minister"), then pronouns, then any remaining
named entity (kept as unresolved).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..docindex import columns, entities, sentences
from ..tables import word_sets
from .kb import Entry, KnowledgeBase
from .locate import located_tokens
from .namewords import ship_spans
from .nosides import named_thing_end
from .persons import person_anchors
from .wording import honorifics, org_heads, pro_anti
from .match import POSSESSIVE, NameMatch, PhraseMatch, match_names, match_phrases

__all__ = ["Mention", "find_mentions", "is_locative", "PRONOUNS"]

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
#: word lists: ``gaiko/data/actors/mention_words.yaml`` (read once, on first use)
_WORDS = "actors/mention_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``actors/mention_words.yaml`` as a set: ``loc_preps``, ``motion``, ``soft_mods``."""
    return word_sets(_WORDS)[key]


_MOD_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nn", "npadvmod"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NAME_ENTS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


@dataclass
class Mention:
    start: int
    end: int  # exclusive token index
    kind: str  # person, name, noun, title, pronoun, entity
    head: int  # token index of the head
    entries: list[Entry] = field(default_factory=list)
    name: tuple[int, int] | None = None  # person name tokens
    title: tuple[str, str] | None = None  # (sector, role)
    sector: str | None = None
    country_hint: Entry | None = None
    #: every entry of the name that gave ``country_hint`` ("RSF" of "RSF commander X": both organisations of the
    #: acronym), read by :mod:`gaiko.actors.members` (round x17)
    hint_entries: list[Entry] = field(default_factory=list)
    former: bool = False
    label: str = ""  # spaCy entity label, when from an entity
    poss: int | None = None  # possessive pronoun token inside the span


def is_locative(tok: Token, capital: bool = True) -> bool:
    """True when ``tok`` is the object of a place preposition ("in Tokyo", "a trip to Beijing")."""
    t = tok
    while t.dep_ in ("compound", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head.lower_
    if prep == "between" and t.head.head.lemma_.lower() in _w("between_sides"):
        return False  # "talks between Bratislava and Kyiv": the two parties, not a place (round e49)
    if prep in _w("loc_preps"):
        return capital or prep not in ("from", "over", "between")
    if prep == "to":
        return t.head.head.lemma_.lower() in _w("motion")
    return False


class _Finder:
    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.claimed = [False] * len(doc)
        self.names = match_names(doc, kb)
        self.name_end = {m.end - 1: m for m in self.names}
        self.name_at = {}
        for m in self.names:
            for i in range(m.start, m.end):
                self.name_at[i] = m
        self.titles = match_phrases(doc, kb.titles)  # type: ignore[arg-type]
        self.nouns = match_phrases(doc, kb.nouns)  # type: ignore[arg-type]
        self.out: list[Mention] = []

    def free(self, a: int, b: int) -> bool:
        return not any(self.claimed[a:b])

    def claim(self, m: Mention) -> None:
        for i in range(m.start, m.end):
            self.claimed[i] = True
        self.out.append(m)

    def country_match_ending(self, i: int) -> tuple[NameMatch | None, int]:
        """A country/adjective/capital name ending at token i (or at i-1 before a possessive)."""
        if i >= 0 and self.doc[i].text in POSSESSIVE:
            i -= 1
        m = self.name_end.get(i)
        if m and m.kinds() & {"country", "adjective", "capital", "org", "seat"}:
            return m, m.start
        return None, i + 1

    # -- phase 0: ships ---------------------------------------------------
    def ships(self) -> None:
        """Ships named with a navy's prefix ("the USS Carney", "HMS Richmond"): one mention each, before the names
        inside them are read as a person or a town (round a36; resolved by ``namewords.ship_country``)."""
        for a, b, _country in ship_spans(self.doc):
            self.claim(Mention(a, b, "entity", b - 1, label="ORG"))

    # -- phase 1: persons ------------------------------------------------
    def persons(self) -> None:
        anchors = person_anchors(self)
        located = located_tokens(self.doc, self.kb)  # "in Khan Younis", "in Valencia": places, not people
        for a, b, entries, label in sorted(anchors, key=lambda x: x[0]):
            if self.free(a, b) and (end := named_thing_end(self.doc, b)):
                for i in range(a, end):  # "the Trump Route", "the Marshall Plan": a thing, not the person (x10)
                    self.claimed[i] = True
                continue
            if self.free(a, b) and not any(i in located for i in range(a, b)):
                self.claim(self._person_span(a, b, entries, label))

    def _person_span(self, a: int, b: int, entries: list[Entry], label: str) -> Mention:
        doc = self.doc
        m = Mention(a, b, "person", b - 1, entries=entries, name=(a, b), label=label)
        root = doc[a:b].root
        m.head = root.i
        i = a - 1
        sent_start = sentences(doc).start(a)
        while i >= sent_start and not self.claimed[i]:
            t = self.titles.get(i)
            low = doc[i].lower_
            if t is not None and m.title is None:
                m.title = t.value  # type: ignore[assignment]
                m.start = t.start
                i = t.start - 1
                continue
            if low.rstrip("-") in self.kb.former or low in self.kb.former:
                m.former = True
                m.start = i
                i -= 1
                continue
            if low in ("-", "\u2011") and i > sent_start and doc[i - 1].lower_ in self.kb.former:
                m.former = True  # "Ex-president X", "ex-Prime Minister X": tokenised ex / - / president
                m.start = i - 1
                i -= 2
                continue
            cm, cstart = self.country_match_ending(i)
            if cm is not None and (m.title is not None or any(e.kind == "adjective" for e in cm.entries)):
                m.country_hint, m.hint_entries = cm.entries[0], list(cm.entries)
                m.start = cstart
                i = cstart - 1
                continue
            if low in honorifics() and m.start == i + 1:
                m.start = i
                i -= 1
                continue
            if low in _w("soft_mods") and m.start == i + 1 and (m.title or m.former):
                i -= 1
                continue
            if m.title is not None and m.country_hint is None and (k := self._office_words(i, m.start, sent_start)) < i:
                # "Chinese foreign ministry spokesman Lin Jian": the country before the office words is the title's
                cm, cstart = self.country_match_ending(k)
                if cm is not None:
                    m.country_hint, m.start, m.hint_entries = cm.entries[0], cstart, list(cm.entries)
                    i = cstart - 1
                    continue
            break
        # apposition: "Japan's new prime minister, Sanae Takaichi"
        if root.dep_ == "appos" and root.head.i < a:
            h = root.head
            t = self.titles.get(h.i)
            if t is not None and self.free(h.left_edge.i, a):
                m.title = m.title or t.value  # type: ignore[assignment]
                m.start = min(m.start, max(h.left_edge.i, sent_start))
                self._modifiers_of(h, m)
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.i in self.titles:
                m.title = m.title or self.titles[child.i].value  # type: ignore[assignment]
                self._modifiers_of(child, m)
        # "King Hassan of Morocco"
        if b + 1 < len(doc) and doc[b].lower_ == "of":
            cm = self.name_at.get(b + 1)
            if cm is not None and cm.start == b + 1 and cm.kinds() & {"country", "org"}:
                m.country_hint = cm.entries[0]
                m.end = cm.end
        return m

    def _office_words(self, i: int, start: int, sent_start: int) -> int:
        """The token before the words of an office that end at ``i`` in front of a title at ``start`` ("foreign
        ministry", "external affairs ministry", "vice"): lower-case or capitalised nouns and adjectives that modify a
        word to their right inside the title's phrase, at most four; ``i`` when there are none."""
        k = i
        while k >= sent_start and i - k < 4 and not self.claimed[k] and k not in self.name_end:
            t = self.doc[k]
            if t.pos_ not in ("NOUN", "ADJ", "PROPN") or t.dep_ not in _MOD_DEPS or not k < t.head.i <= start \
                    or t.ent_type_ in ("PERSON", "GPE", "NORP"):
                break
            k -= 1
        return k

    def _modifiers_of(self, h: Token, m: Mention) -> None:
        for c in h.children:
            if c.dep_ in _MOD_DEPS and c.i in self.name_at:
                cm = self.name_at[c.i]
                if cm.kinds() & {"country", "adjective", "capital", "org"}:
                    m.country_hint = m.country_hint or cm.entries[0]
            if c.lower_ in self.kb.former:
                m.former = True

    # -- phase 2: names (countries, capitals, organisations...) ----------
    def names_phase(self) -> None:
        for nm in self.names:
            if not self.free(nm.start, nm.end):
                continue
            entries = [e for e in nm.entries if e.kind != "person"]
            if not entries or pro_anti(self.doc, nm.start, nm.end):
                continue  # "pro-Russian separatists" are not Russian: the noun finds its own country
            root = self.doc[nm.end - 1]
            if root.text in POSSESSIVE and nm.end - 1 > nm.start:
                root = self.doc[nm.end - 2]
            m = Mention(nm.start, nm.end, "name", root.i, entries=entries)
            head = root.head
            if root.dep_ in _MOD_DEPS and head.i >= nm.end and not self.claimed[head.i]:
                noun = self.nouns.get(head.i)
                title = self.titles.get(head.i)
                # "Uzbekistan's Directorate General of Customs": a noun phrase that ends in a title word and starts
                # before it is the noun ("general" alone is an officer; round e46)
                if title is not None and title.start >= nm.start \
                        and not (noun is not None and noun.start < title.start):
                    m.kind, m.title, m.head = "title", title.value, head.i  # type: ignore[assignment]
                    m.country_hint, m.end, m.hint_entries = entries[0], head.i + 1, list(entries)
                elif noun is not None and noun.start >= nm.end - 1:
                    m.sector, m.head, m.end = str(noun.value), head.i, head.i + 1
                elif head.i in self.name_at and self.name_at[head.i].kinds() & {"demonym", "adjective", "ethnic"} \
                        and root.dep_ in ("amod", "compound"):
                    dm = self.name_at[head.i]
                    m.head, m.end, m.sector = head.i, dm.end, "CVL"
                    nxt = self.nouns.get(dm.end) if dm.end < len(self.doc) else None
                    if nxt is not None and self.doc[dm.end - 1].head.i == dm.end:
                        m.sector, m.head, m.end = str(nxt.value), dm.end, dm.end + 1
            if m.end > nm.end and not self.free(nm.end, m.end):
                m.end, m.head, m.sector, m.kind, m.title, m.country_hint = nm.end, root.i, None, "name", None, None
            if m.end == nm.end and m.kind == "name" and root.ent_type_ in ("ORG", "FAC") \
                    and any(e.kind in ("adjective", "country") for e in entries):
                self._into_org_name(m, root)  # "The Sri Lankan Human Rights Commission"
            self.claim(m)

    def _into_org_name(self, m: Mention, root: Token) -> None:
        """Widen a country name or adjective to the organisation name it starts; the sector from its head noun."""
        ent = next((e for e in entities(self.doc) if e.start <= root.i < e.end), None)
        if ent is None or ent.end <= m.end or ent.root.i < m.end or not self.free(m.end, ent.end):
            return
        head = ent.root
        pm = self.nouns.get(head.i)
        m.end, m.head = ent.end, head.i
        m.sector = str(pm.value) if pm is not None else self.kb.nouns.get(head.lemma_.lower())

    # -- phase 3: common nouns and bare titles ---------------------------
    def nouns_phase(self) -> None:
        spans: list[tuple[PhraseMatch, str]] = [(pm, "title") for pm in self.titles.values()]
        spans += [(pm, "noun") for e, pm in self.nouns.items() if e not in self.titles]
        for pm, kind in sorted(spans, key=lambda x: x[0].start):
            a, b = pm.start, pm.end
            if not self.free(a, b) or self.doc[b - 1].ent_type_ in _NAME_ENTS:
                continue
            head = self.doc[b - 1]
            if kind == "title" and head.dep_ == "compound" and head.head.i > head.i:
                continue  # part of a larger noun phrase ("the prime minister's office" stays)
            m = Mention(a, b, kind, head.i)
            if kind == "title":
                m.title = pm.value  # type: ignore[assignment]
                m.country_hint = self._of_country(head)
            else:
                m.sector = str(pm.value)
            for c in head.children:
                if c.dep_ == "poss" and c.lower_ in PRONOUNS and c.i < a and self.free(c.i, a):
                    m.poss, m.start = c.i, c.i
                elif c.lower_ in self.kb.former and c.i < a:
                    m.former = True
            if a >= 2 and self.doc[a - 1].text in ("-", "\u2011") and self.doc[a - 2].lower_ in self.kb.former \
                    and self.free(a - 2, a):
                m.former, m.start = True, a - 2  # "the ex-president"
            self.claim(m)

    def _of_country(self, head: Token) -> Entry | None:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for obj in c.children:
                    nm = self.name_at.get(obj.i)
                    if nm is not None and nm.kinds() & {"country", "org"}:
                        return nm.entries[0]
        return None

    # -- phase 4 and 5: pronouns, leftover entities ------------------------
    def pronouns(self) -> None:
        cols = columns(self.doc)
        for i, pos in enumerate(cols.pos):  # (the folded lower equals lower_ for these plain words)
            if cols.lower[i] in PRONOUNS and pos in ("PRON", "DET") and not self.claimed[i]:
                self.claim(Mention(i, i + 1, "pronoun", i))
            elif cols.lower[i] == "it" and not self.claimed[i] and self.doc[i].is_sent_start \
                    and self.doc[i].dep_ in ("nsubj", "nsubjpass"):
                # "It accused Athens of ...": a sentence opening on "it", resolved to the subject before it
                self.claim(Mention(i, i + 1, "pronoun", i))

    def entities(self) -> None:
        for ent in entities(self.doc):
            if ent.label_ not in _ACTOR_ENTS:
                continue
            a, b = ent.start, ent.end
            while b > a and self.doc[b - 1].text in POSSESSIVE:
                b -= 1
            if a > 0 and self.doc[a].lower_ == "the":
                a += 1
            if ent.label_ == "NORP" and b > a and self.free(a, b) and self._merge_modifier(a, b):
                continue  # "Buddhist monks": part of the noun's mention
            if b > a and ent.label_ in ("GPE", "NORP") and pro_anti(self.doc, a, b):
                continue  # "Iran-backed militias": Iran is not an actor here
            if ent.label_ in ("PERSON", "NORP", "ORG") and b > a and self.free(a, b) \
                    and all(i in located_tokens(self.doc, self.kb) for i in range(a, b)):
                continue  # a place the tagger took for a person or a people ("in Gusau")
            if b > a and self.free(a, b):
                label = "ORG" if ent.label_ == "PERSON" and self.doc[b - 1].lower_ in org_heads() else ent.label_
                self.claim(Mention(a, b, "entity", ent.root.i if a <= ent.root.i < b else b - 1, label=label))


    def _merge_modifier(self, a: int, b: int) -> bool:
        """A NORP modifier no knowledge base knows joins the common-noun mention it modifies."""
        root = self.doc[b - 1]
        if root.dep_ not in ("amod", "compound") or root.head.i < b:
            return False
        for m in self.out:
            if m.kind in ("noun", "title") and m.start <= root.head.i < m.end and m.start == b:
                for i in range(a, b):
                    self.claimed[i] = True
                m.start = a
                return True
        return False


def find_mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    f = _Finder(doc, kb)
    f.ships()
    f.persons()
    f.names_phase()
    f.nouns_phase()
    f.pronouns()
    f.entities()
    return sorted(f.out, key=lambda m: m.start)
