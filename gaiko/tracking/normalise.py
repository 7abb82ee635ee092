"""Normalise: pledge mentions into frames, coded sentences into linking keys.

A **side** (:func:`side_of`, in :mod:`gaiko.tracking.sides` and importable from here) is who acts, as the actor
resolver identified it: a government, its leader, its ministries,
army and agencies are one side (the ISO3 code: ``JPN``); an opposition party, a rebel group, a company
or an NGO of that country is a side of its own (``JPN/OPP``); an international organisation is
``IGO:<name>``; an actor the resolver could not place is ``?:<last word of its name>``.

A pledge **frame** (:class:`Frame`) is (doer side, other side, act keys, object keys, quantity,
deadline): the doer is the actor, or for a demand the party asked to act. Object keys are the
concept keys and stems of the promised action's object (:func:`gaiko.tracking.text.keys`); a pledge
whose action names no object is linked by its act. The object's head noun, what it is about and its WordNet kin
come from :mod:`gaiko.tracking.objecthead`.

**Sentence keys** (:func:`sentence_rows`, in :mod:`gaiko.tracking.sentencekeys` and importable from here) are what
linking joins on: the keys of each sentence, ``@side``
for every side the coder resolved in it and every country it names ("a Russian missile strike"), and, at
sentence index -1, ``@side`` for the sides the article is mainly about (its *context*: a report without an actor, "the lower duty came into force",
belongs to them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .conditional import conditional_deadline
from .destined import sent_to
from .inceptive import inceptive_kind
from .objectnames import object_names
from .lexicon import Lexicon, lexicon
from .objecthead import before_participle, head_keys as _head_keys, numbered, place_names, where_keys, wordnet_kin
from .namekeys import name_heads, name_keys
from .narrower import object_text
from .people import object_people
from .purpose import step_purpose
from .sentencekeys import CONTEXT_IDX, _proper, article_rows, month_of, sentence_rows
from .sides import STATE_SECTORS, side_of
from .doubleneg import lifted_stop
from .text import ACT, countries_in, hits, keys, match_from, tokenize

__all__ = ["numbered", "month_of", "STATE_SECTORS", "side_of", "Frame", "frame", "prepare", "sentence_rows", "article_rows", "CONTEXT_IDX"]


@dataclass
class Frame:
    """What linking and deciding know about one ledger entry (its mentions, oldest first)."""

    doer: str | None
    other: str | None
    acts: frozenset[str]
    objects: frozenset[str]
    topic: frozenset[str]  # the keys a candidate must share: the object's head in meaning, else its object, else its act
    heads: frozenset[str]  # keys of the object's head noun ("tariff" in "the tariff on rice"): a report must name one
    participants: frozenset[str]  # other countries the object names ("a summit of Japan, China and South Korea")
    verb: str
    kind: str
    quantity: dict[str, Any] | None
    deadline_end: str | None
    first_published: str | None
    until: str | None  # evidence is read up to this date (the horizon)
    event_type: str | None = None
    spec: frozenset[str] = frozenset()  # what the object's head is about: "sanctions on [the airline Belavia]"
    related: frozenset[str] = frozenset()  # other sides the pledge concerns: the other party, countries its object names
    narrow: frozenset[str] = frozenset()  # object keys the pledge names itself (no broader or event keys)
    partners: frozenset[str] = frozenset()  # names after "with" in the pledge ("open talks with the EU": "eu")
    places: frozenset[str] = frozenset()  # named places of the object ("the crossing at Bure": "bure"), as stems
    where: frozenset[str] = frozenset()  # keys of where the object is ("the breakwater at the port of X": o:port, x)
    recurring: bool = False  # an act promised again and again ("share data every quarter"): done once is under way
    inceptive: str | None = None  # the act is a start, a setting-up or a vote (:mod:`gaiko.tracking.inceptive`)
    own: set[tuple[str, int]] = field(default_factory=set)  # the mentions' own sentences
    made_arts: set[str] = field(default_factory=set)  # articles where the pledge was first made (same day)
    doer_keys: frozenset[str] = frozenset()  # an unplaced doer's proper name as a sentence key ("kazatomprom"; round p39)
    phrases: tuple[str, ...] = ()  # the mentions' objects, lower case: what a later pledge may add to (round k2)
    joint: bool = False  # one party's row of a joint pledge ("the two sides agreed to swap prisoners"; round t46)
    names: frozenset[str] = frozenset()  # topic keys that are proper names of the object ("sampur"; round t48)
    # names that only modify a noun of the object, with that noun's keys: strong only beside it (round t49)
    name_needs: tuple[tuple[str, frozenset[str]], ...] = ()
    sends_to: tuple[frozenset[str], ...] = ()  # the places a pledge of sending states, as countries (round t53)
    pledged_text: str = ""  # the first mention's action and sentence as written ("keep its crossings closed"; round t54)
    name_only: frozenset[str] = frozenset()  # topic keys only kind C's object names add: retrieval, not model (t61)


_RESTRICTIONS = frozenset({"o:tariff", "o:sanction_measure", "o:restriction", "o:export_control", "o:tax", "o:fee",
                           "o:visa", "o:veto"})
#: objects a freeze keeps at a level (prices, fees, rates, taxes) rather than halts or withholds
_LEVELS = frozenset({"o:price", "o:fee", "o:tax", "o:tariff", "o:interest_rate", "o:currency"})
#: the level word that ends a kept object ("petrol prices steady", "the rate unchanged at 4%")
_LEVEL_WORDS = re.compile(r"\s+(?:steady|unchanged|flat|stable|constant|frozen|at current levels?)\b.*$", re.I)
#: word lists: ``gaiko/data/pledges/money_verbs.yaml`` (read once, on first use)
_WORDS = "pledges/money_verbs.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/money_verbs.yaml`` as a set: ``money_verbs``, ``money_kin``."""
    return word_sets(_WORDS)[key]


@lru_cache(maxsize=1)
def money_kin() -> frozenset[str]:
    """The object keys a pledge of money is reported by besides the money itself (``money_kin``: "o:aid", ...)."""
    return frozenset(f"o:{k}" for k in _w("money_kin"))


_MONEY = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB"})
#: acts too general to link a pledge by themselves ("honour the commitments", "cooperate")
_VAGUE_ACTS = frozenset({"a:protect", "a:cooperate", "a:reform"})
#: acts whose object names who the pledge is with ("hold talks with Trump", "a summit of Japan, China and South Korea")
COUNTERPART_ACTS = frozenset({"a:meet", "a:visit", "a:call", "a:sign"})


_PREPARED: dict[tuple[Any, ...], dict[str, Any]] = {}
#: a name after "with" in a pledge's words: the counterpart it is with ("talks with the EU", "with the Mercosur states")
_WITH_NAME = re.compile(r"\bwith (?:the )?((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)*)")
#: what a meeting or talks are about, after the parties: "talks with Russia on Ukraine's grain exports"
_MATTER = re.compile(r" (?:on|about|over|concerning|regarding) ")
#: an act promised at intervals ("every quarter", "each year", "monthly"): one report of it done is a first instalment
_RECURRING = re.compile(r"\b(?:every|each) (?:day|week|fortnight|month|quarter|year|six months|two weeks)\b|"
                        r"\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b", re.I)


@lru_cache(maxsize=1)
def _consequence_idioms() -> tuple[re.Pattern[str], ...]:
    """Threats of consequences ("will pay a heavy price"): ``gaiko/data/pledges/consequences.yaml``."""
    from ..tables import data_path, load_yaml

    return tuple(re.compile(p) for p in (load_yaml(data_path("pledges/consequences.yaml")) or {}).get("idioms", []))


def is_consequence_threat(mention: dict[str, Any]) -> bool:
    """True for a threat whose act is suffered by the threatened ("anyone who interferes will pay a heavy price"):
    no later report can fulfil it in words, so it links nothing (docs/pledges.md)."""
    if mention.get("kind") != "threat":
        return False
    action = " ".join((mention.get("action") or "").lower().split())
    return any(p.search(action) for p in _consequence_idioms())

def prepare(mention: dict[str, Any], lex: Lexicon | None = None) -> dict[str, Any]:
    """Add what grouping and matching compare (private keys): ``_acts``, ``_objects``, ``_topic``, ``_side``, ...
    Computed once per mention content (the ledger update loads the same mentions several times)."""
    lex = lex or lexicon()
    q, a, t = mention.get("quantity") or {}, mention.get("actor") or {}, mention.get("target") or {}
    key = (id(lex), mention.get("action"), mention.get("object"), mention.get("kind"), q.get("unit"),
           a.get("country"), a.get("sector"), a.get("name"), a.get("text"), t.get("country"), t.get("sector"),
           t.get("name"), t.get("text"))
    done = _PREPARED.get(key)
    if done is None:
        if len(_PREPARED) > 100_000:
            _PREPARED.clear()
        done = _PREPARED[key] = _prepare(dict(mention), lex)
    mention.update(done)
    return mention


def _acting(action: str, lex: Lexicon) -> str:
    """The action read for its act and object: the purpose of a step ("introduce a bill to ratify the accord": "ratify
    the accord", round t43) when its first word is an act verb, else the action itself."""
    purpose = step_purpose(action)
    if purpose and any(h.i == 0 and h.concept.startswith(ACT) and h.role == "v" for h in hits(tokenize(purpose), lex)):
        return purpose
    return action


def _prepare(mention: dict[str, Any], lex: Lexicon) -> dict[str, Any]:
    action = _acting(mention.get("action") or "", lex)
    toks = tokenize(action)
    found = hits(toks, lex)
    start = 1 if toks and toks[0].text == "not" else 0
    # the verb (or the verb phrase: "hold talks" -> meet, not detain) decides the act
    at_verb = [h for h in found if h.i == start and h.concept.startswith(ACT) and h.role == "v"]
    if at_verb:
        end = max(h.j for h in at_verb)
        acts = {h.concept for h in at_verb if h.j == end}
        rest = action[toks[end - 1].end:] if end <= len(toks) else ""
        if _gapped(toks, start, end, acts, lex):  # "service its external debt", "hold petrol prices steady": the
            rest = action[toks[start].end:]       # object stands inside the verb's phrase (round p40)
    else:  # a verb the concept table does not know: linked by its object alone
        acts = set()
        rest = action[toks[start].end:] if len(toks) > start else ""
    obj_text = rest or mention.get("object") or ""
    objects = keys(obj_text, lex, acts=False)
    if "a:keep_level" in acts:
        if toks[start].text in ("freeze", "freezes", "froze", "frozen") and not objects & _LEVELS:
            acts.discard("a:keep_level")  # "freeze the assets", "freeze aid": a sanction, aid withheld
        else:  # "hold petrol prices steady", "freeze tuition fees": the level kept, not a detention or a halt
            acts = {"a:keep_level"}
            # "hold petrol prices steady": the object is what stands between the verb and the level word
            obj_text = _LEVEL_WORDS.sub("", obj_text) or obj_text
            objects = keys(obj_text, lex, acts=False)
    mention["_narrow"] = sorted(keys(before_participle(obj_text, lex), lex, acts=False, broad=False))
    if acts & {"a:withdraw", "a:stop"} and objects & _RESTRICTIONS:
        acts |= {"a:remove"}  # "withdraw its new tariffs", "end the sanctions": the restriction goes
    acts |= lifted_stop(acts, obj_text)  # "lift the suspension of the licence": restored, reinstated (round t36)
    if "a:withdraw" in acts and "o:deal" in objects:
        acts |= {"a:leave"}  # "withdraw from the Paris agreement"
    money_verb = toks[start].text in _w("money_verbs") if len(toks) > start else False
    unit = (mention.get("quantity") or {}).get("unit")
    # "donate 2 million doses": a money verb whose object is a quantity of things gives the things, not a sum ("pay
    # for one of the two systems" still pays)
    goods = bool(unit) and unit not in _MONEY and not obj_text.lstrip().lower().startswith("for ")
    of_money = unit in _MONEY or (money_verb and not goods)
    if of_money:
        objects.add("o:money")  # "disburse 500 million euros": reported as "the payment", "the transfer", "the funds"
    head_keys, spec = _head_keys(obj_text, lex)
    # money named elsewhere in the object ("hold hearings on the application before deciding whether to grant it", "a
    # bill to fine companies up to 35 million euros") is not its head: a pledge not of money keeps its own noun (p45)
    money_head = {"o:money"} & objects if of_money or not head_keys or any(":" in k for k in head_keys) else set()
    if head_keys and not any(":" in k for k in head_keys):  # a plain noun: its WordNet kin name it too
        kin = set().union(*(wordnet_kin(k) for k in head_keys)) - objects
        head_keys |= kin
        objects |= kin
    # a named place of the object ("the crossing at Bure") names it as well as its head does
    places = place_names(obj_text, lex) & objects
    mention["_places"] = sorted(places)
    mention["_heads"] = sorted(head_keys | money_head | places)
    mention["_spec"] = sorted(spec)
    mention["_where"] = sorted(where_keys(obj_text, lex) - head_keys)
    mention["_participants"] = sorted(countries_in(obj_text, lex))
    mention["_countries"] = list(mention["_participants"])
    # who takes part is named before what the meeting is about ("a donors' meeting on Ukraine's energy sector": Ukraine
    # is the matter, not a party the report must name)
    mention["_participants"] = sorted(countries_in(_MATTER.split(obj_text, 1)[0], lex))
    mention["_partners"] = sorted(m.group(1).lower() for m in _WITH_NAME.finditer(obj_text))
    mention["_recurring"] = bool(_RECURRING.search(action))
    for a in acts:
        for o in list(objects):
            ev = lex.events.get((a, o))
            if ev:
                objects.add(ev)
    mention["_acts"] = sorted(acts)
    mention["_objects"] = sorted(objects)
    # an object that says nothing specific ("constructive relations") links nothing; no object at all links by the act
    bare = not any(t.text[:1].isalpha() for t in tokenize(obj_text))
    mention["_topic"] = sorted(objects or ((acts - _VAGUE_ACTS) if bare else ()))
    heads = set(mention["_heads"])
    for a in acts:
        heads |= {ev for o in list(heads) if (ev := lex.events.get((a, o)))}
    heads |= {b for o in list(heads) if (b := lex.broader.get(o))}
    mention["_heads"] = sorted(heads)
    if not acts & COUNTERPART_ACTS:
        mention["_participants"] = []
    doer = mention.get("target") if mention.get("kind") == "demand" and mention.get("target") else mention.get("actor")
    mention["_side"] = side_of(doer)
    if is_consequence_threat(mention):  # "will pay a heavy price": nothing of the threatener's to find in words
        for k in ("_acts", "_objects", "_heads", "_topic", "_narrow", "_places", "_spec", "_where"):
            mention[k] = []
    return {k: v for k, v in mention.items() if k.startswith("_")}


def _gapped(toks: list[Any], start: int, end: int, acts: set[str], lex: Lexicon) -> bool:
    """True when the verb phrase found at ``start`` (ending at ``end``) is one with a gap (``service * debt``): the
    words in the gap are the act's object."""
    if end - start < 3:
        return False
    for lemma, _tag in (*lex.lemmas(toks[start].text), (toks[start].text, "base")):
        for e in lex.entries.get(lemma, ()):
            if e.concept in acts and "*" in e.lemmas and match_from(toks, e.lemmas, start, len(toks), lex) == end:
                return True
    return False


def frame(group: list[dict[str, Any]], lex: Lexicon | None = None) -> Frame:
    """The frame of a ledger entry from its prepared mentions (oldest first)."""
    from .jointrow import joint_row  # (jointrow reads Frame)

    lex = lex or lexicon()
    first = group[0]
    demand = first.get("kind") == "demand" and first.get("target")
    doer = side_of(first["target"] if demand else first["actor"])
    other = side_of(first["actor"] if demand else first.get("target"))
    objects = frozenset().union(*(m["_objects"] for m in group))
    topic = frozenset().union(*(m["_topic"] for m in group))
    concept_heads = {k for k in first.get("_heads") or () if ":" in k}
    name_only: frozenset[str] = frozenset()  # the object's names keyed beside a concept head (round t60's kind C)
    if concept_heads:  # what a report must name in meaning: the object's head (and its contrary: fighting for a truce)
        topic = frozenset(concept_heads | {lex.opposite_objects[k] for k in concept_heads if k in lex.opposite_objects}
                          | set(first.get("_places") or ()))
        if concept_heads & _RESTRICTIONS:  # the goods a restriction is on name it too ("white rice left port")
            topic |= {k for m in group for k in m.get("_narrow") or () if lex.category.get(k)}
        if not frozenset().union(*(m["_acts"] for m in group)) & COUNTERPART_ACTS:
            name_only = object_names(group, lex) - topic  # "the Dragon gas field": "Talks on the Dragon field" (t60)
            topic |= name_only
    if "o:money" in concept_heads:  # "pay its budget dues" is reported as "paid its assessment", spending (round t50)
        topic |= money_kin()
    topic |= object_people(object_text(first))  # "release four detained Britons": keyed by the people (round t38)
    heads = frozenset(first.get("_heads") or ())
    own_country = (first["target"] if demand else first["actor"] or {}).get("country")
    participants = frozenset(first.get("_participants") or ()) - {own_country}
    related = (frozenset(first.get("_countries") or ()) | ({other} if other else frozenset())) - {doer, None}
    acts = frozenset().union(*(m["_acts"] for m in group))
    ends = [str(d["end"]) for i, m in enumerate(group) if (d := m.get("deadline")) and d.get("end")
            and not (i and conditional_deadline(m))]  # a later statement's condition is no deadline (round p76)
    last = ends + [m["published"] for m in group if m.get("published")]
    until = None
    if last:
        until = (dt.date.fromisoformat(max(last)[:10]) + dt.timedelta(days=lex.horizon_days)).isoformat()
    first_day = first.get("published")
    return Frame(
        doer=doer, other=other if other != doer else None, acts=acts, objects=objects, topic=topic,
        heads=heads, participants=participants, spec=frozenset(first.get("_spec") or ()),
        narrow=frozenset().union(*(m.get("_narrow") or () for m in group)), related=frozenset(x for x in related if x),
        verb=_acting(first.get("action") or "", lex).split(" ")[0].lower(), kind=first.get("kind") or "promise",
        quantity=revised_quantity(group),
        deadline_end=max(ends) if ends else None, first_published=first_day, until=until,
        event_type=first.get("event_type"),
        partners=frozenset(first.get("_partners") or ()), places=frozenset(first.get("_places") or ()),
        where=frozenset(first.get("_where") or ()),
        phrases=tuple(object_text(m) for m in group),
        inceptive=inceptive_kind(first.get("action")),
        recurring=any(m.get("_recurring") or _RECURRING.search(m.get("sentence") or "") for m in group[:1]),
        own={(m["article_id"], m["sentence_index"]) for m in group},
        made_arts={m["article_id"] for m in group if m.get("published") == first_day},
        doer_keys=_name_keys(doer, (first["target"] if demand else first["actor"]) or {}, lex),
        joint=joint_row(first),
        # who a meeting pledge is with is a side, named in all news of them, not a thing of the object (round t48)
        names=name_keys(group, topic, lex) if not acts & COUNTERPART_ACTS else frozenset(),
        name_needs=tuple(sorted(name_heads(group, topic, lex).items())) if not acts & COUNTERPART_ACTS else (),
        sends_to=sent_to(group, lex),
        pledged_text=" ".join(x for x in (first.get("action"), first.get("sentence")) if x),
        name_only=name_only,
    )


@lru_cache(maxsize=1)
def _revision_marks() -> re.Pattern[str]:
    marks = sorted(word_sets("pledges/revisions.yaml")["marks"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(m) for m in marks) + r")\b", re.I)


def revised_quantity(group: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The pledge's quantity (a mention's ``quantity`` dict): the first mention's that has one, replaced by a later
    dated mention's of the same unit and another value whose sentence says it changed (``pledges/revisions.yaml``:
    "will now build 15,000 instead of 20,000"); None when no mention has one (round p49)."""
    q = next((m["quantity"] for m in group if m.get("quantity")), None)
    for m in group[1:]:
        new = m.get("quantity") or {}
        if q and new.get("unit") == q.get("unit") and new.get("value") is not None and m.get("published") \
                and new.get("value") != q.get("value") and _revision_marks().search(m.get("sentence") or ""):
            q = new
    return q


def _name_keys(doer: str | None, actor: dict[str, Any], lex: Lexicon) -> frozenset[str]:
    """The sentence keys of an unplaced doer's name when it is a proper name ("Kazatomprom", "the Lobito Atlantic
    Railway" -> its last word): a report naming it names the doer though the coder gave it no side (round p39). Empty
    for a placed doer or a common noun ("?:ministry", "?:countries")."""
    if not doer or not doer.startswith("?:"):
        return frozenset()
    if not _proper(doer, actor):
        return frozenset()
    return frozenset(k for k in keys(doer[2:], lex, acts=False, broad=False) if ":" not in k)
