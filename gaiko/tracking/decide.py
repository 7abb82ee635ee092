"""Decide: what a later report says about a pledge it was linked to.

:func:`decide` reads one sentence against one pledge frame and returns a :class:`Decision`: one of
``fulfils``, ``partial``, ``progresses``, ``reverses``, ``withdraws``, ``restates``, ``revises``,
``stalls``, ``unrelated``, ``unclear`` (the report itself leaves it open), or ``needs_review`` when the
sentence is about the pledge but says nothing the rules can read (kept with the pledge as a candidate,
never guessed).

The steps, each a rule a reader can check (docs/pledges.md has the table):

1. **Who.** A sentence that names no side belongs to its article's context sides: if those are others,
   it is unrelated. A clause whose own subject is another side doing the act is unrelated ("Belgium cut
   its aid budget" for a Dutch pledge).
2. **What.** The clauses holding the pledge's object (its concept: "levy" ~ "duty"; the event the act and
   object name together: "fighting stopped" ~ ceasefire) are read, best first; a pledge with a specific act
   (release, withdraw, deploy, ...) is also read in clauses that name the act but not the object ("army units
   pulled back"). An object of the same category but not the pledge's ("steel" for a "rice" pledge) makes a
   clause unrelated; so does an explicit year before the pledge.
3. **The act itself** ("cut", "the lower duty", "walked free"), read by its tense, aspect, negation and
   modality (:mod:`gaiko.tracking.clause`): done -> fulfils (partial when less of the promised quantity is
   reported, or a lesser act: "halved" a levy promised to go); under way -> progresses; negated -> stalls
   (reverses once the deadline has passed, or when refused); announced again -> restates (revises with a new
   deadline or quantity). The opposite act ("raised" for "cut") -> reverses.
4. **Cue verbs** of the clause (``gaiko/data/pledges/relations.yaml``) when the act is not its verb:
   withdraws ("shelved the plan"), reverses ("refused", "collapsed"), stalls ("stalled", "has yet to"),
   revises ("pushed back to June"), restates ("reiterated"), progresses ("approved", "began"), fulfils
   ("came into force", "has held").
5. **Reactions** to the done act ("Washington welcomed the lower duty") -> fulfils; the promised quantity
   reported as a fact -> fulfils.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .clause import Clause, Decision, Report, back_reference, clauses, read_clause, sentence_memo
from .lexicon import Lexicon, lexicon
from .normalise import _RESTRICTIONS, COUNTERPART_ACTS, Frame, numbered
from .text import OBJECT, Hit, countries_in, stem, tokens_hits

__all__ = ["Report", "Decision", "decide", "judge", "report_of", "with_model", "DECISIONS", "SPECIFIC_ACTS"]

DECISIONS = ("fulfils", "partial", "progresses", "reverses", "withdraws", "restates", "revises", "stalls", "unrelated",
             "unclear", "needs_review")
#: acts specific enough to read a clause that names the act but not its object ("army units pulled back")
SPECIFIC_ACTS = frozenset({"a:release", "a:withdraw", "a:deploy", "a:detain", "a:stop", "a:attack", "a:close",
                           "a:vaccinate", "a:deport", "a:hold_vote", "a:recognise", "a:apologise", "a:join", "a:leave",
                           "a:hand_back", "a:restructure", "a:repay", "a:default", "a:visit", "a:call", "a:sanction",
                           "a:extend", "a:admit", "a:ban", "a:remove", "a:impose"})
#: a report that says it is about something else ("released a Japanese citizen in a separate case")
_ANOTHER_MATTER = re.compile(r"\b(?:in|under) (?:a|an) (?:separate|unrelated|different) (?:case|matter|deal|affair|"
                             r"arrangement|agreement|exchange)\b|\bunrelated to\b", re.I)
#: an event dated in a year ("in 2019", "back in 2022"): before the pledge, it cannot report on it
_YEAR = re.compile(r"\b(?:in|during|back in) (?:early |late |mid-|the summer of |the spring of )?(19[5-9]\d|20[0-4]\d)\b(?!-)")


@lru_cache(maxsize=50_000)
def _clause_info(text: str) -> tuple[tuple[int, int, tuple[Hit, ...], tuple[Hit, ...], tuple[tuple[int, str], ...], tuple[int, ...], bool], ...]:
    """Per clause of a sentence, what does not depend on the pledge: its span, concept hits, the events its acts and
    objects name together, its stems, its money words, whether it is a participle clause. Cached per text."""
    lex = lexicon()
    toks, found = tokens_hits(text)  # (the cue spans only when a clause is read)
    out = []
    for n, (lo, hi) in enumerate(clauses(list(toks))):
        inside = tuple(h for h in found if lo <= h.i < hi)
        events = tuple(Hit(min(a.i, o.i), max(a.j, o.j), ev, "n", "base")
                       for a in inside if a.concept.startswith("a:")
                       for o in inside if o.concept.startswith(OBJECT) and (ev := lex.events.get((a.concept, o.concept))))
        stems = tuple((k, stem(toks[k].text)) for k in range(lo, hi) if toks[k].text[:1].isalpha())
        money = tuple(k for k in range(lo, hi) if toks[k].text[:1] in "$€£¥" or toks[k].text in _MONEY_WORDS)
        participle = n > 0 and lo > 0 and toks[lo - 1].text == "," and toks[lo].text.endswith("ing")
        out.append((lo, hi, inside, events, stems, money, participle, frozenset(h.concept for h in inside),
                    frozenset(h.concept for h in events), frozenset(st for _k, st in stems)))
    return tuple(out)


_MONEY_WORDS = frozenset({"dollars", "euros", "pounds", "yen", "yuan"})


#: what a pledge of money ("pay 500 million euros") is reported as: the aid, the spending, the investment (a loan may be
#: another debt)
_MONEY_KIN = frozenset({"o:aid", "o:spending", "o:investment"})


def _frame_sets(frame: Frame, lex: Lexicon) -> tuple[set[str], set[str], set[str], set[str], set[str], frozenset[str],
                                                     set[Any]]:
    """(acts, opposite, partly, contra, stems wanted, every concept any of them names, categories of the objects) of a
    frame, computed once per frame (the ledger reads many sentences against one frame; a frame is not changed once
    made)."""
    got = frame.__dict__.get("_gaiko_sets")
    if got is None or got[0] is not lex:
        opposite = {x for a in frame.acts for x in lex.opposite.get(a, ())}
        acts = set(frame.acts) | {x for a in frame.acts for x in lex.also.get(a, ())}
        partly = {x for a in frame.acts for x in lex.partly.get(a, ())} - acts
        contra = {lex.opposite_objects[o] for o in frame.objects if o in lex.opposite_objects}
        stems_wanted = {k for k in frame.objects if ":" not in k}
        kin = _MONEY_KIN if "o:money" in frame.heads else frozenset()
        wanted = frozenset(acts | opposite | partly | contra | frame.objects | kin)
        mine = {lex.category[o] for o in frame.objects if o in lex.category}
        got = (lex, (acts, opposite, partly, contra, stems_wanted, wanted, mine))
        frame.__dict__["_gaiko_sets"] = got
    return got[1]


def _clauses_of(frame: Frame, text: str, lex: Lexicon) -> list[Clause]:
    acts, opposite, partly, contra, stems_wanted, wanted, _mine = _frame_sets(frame, lex)
    objects = frame.objects | _MONEY_KIN if "o:money" in frame.heads else frame.objects
    money_wanted = "o:money" in objects
    out: list[Clause] = []
    for lo, hi, inside, events, stems, money, participle, named, evnamed, stemmed in _clause_info(text):
        # (the concept sets of the clause say which lists can be non-empty: most clauses name little of a pledge)
        mine = [h for h in inside if h.concept in wanted] if not wanted.isdisjoint(named) else []
        objs = [h for h in mine if h.concept in objects]
        if not objects.isdisjoint(evnamed):
            objs += [h for h in events if h.concept in objects]  # "fighting stopped" ~ ceasefire
        if stems_wanted and not stems_wanted.isdisjoint(stemmed):
            objs += [Hit(k, k + 1, st, "n", "base") for k, st in stems if st in stems_wanted]
        if money_wanted:  # an amount of money is the money: "Britain sent a further £20 million"
            objs += [Hit(k, k + 1, "o:money", "n", "base") for k in money]
        if mine:
            out.append(Clause(lo, hi, objs, [h for h in mine if h.concept in acts],
                              [h for h in mine if h.concept in opposite], [h for h in mine if h.concept in partly],
                              [h for h in mine if h.concept in contra and h.concept not in objects],
                              out[-1].lo if participle and out else -1))
        else:
            out.append(Clause(lo, hi, objs, [], [], [], [], out[-1].lo if participle and out else -1))
    return out


def _object_ok(frame: Frame, c: Clause, lex: Lexicon | None = None) -> str | None:
    """Why a clause holding object words is not about the pledge's object (None when it is). The goods a restriction
    is on name it too ("white rice left port" for a ban on rice exports, "textiles" for a tariff on textiles), as does
    aid, spending or investment for a sum of money."""
    named = {h.concept for h in c.objects}
    if lex is not None and any(lex.category.get(k) for k in named & frame.narrow) and frame.heads & _RESTRICTIONS \
            and (c.acts or c.partly or not c.opposite):  # "rice prices doubled" is no tariff raised
        return None
    if "o:money" in frame.heads and named & _MONEY_KIN:
        return None
    concept_heads = {k for k in frame.heads if ":" in k}
    if frame.heads and not named & frame.heads and (concept_heads or not any(":" in k for k in named)):
        return "does not name the pledge's object itself"  # a plain-word head may give way to a concept of the object
    if frame.heads and not any(":" in k for k in frame.heads | named) and len(frame.narrow or frame.objects) >= 2 \
            and len(named) < 2:  # (the words the pledge names itself, not the WordNet kin of its head)
        return "names the object's noun, not the pledge's object"
    return None


#: nouns of place after a verb of motion: "pulled back from positions near X" names where, not what
_PLACES = frozenset({"position", "positions", "area", "areas", "region", "regions", "zone", "city", "cities", "town",
                     "towns", "village", "villages", "front", "frontline", "line", "lines", "border", "territory", "base",
                     "bases", "outskirts", "province", "country", "capital", "home", "homes", "street", "streets",
                     "jail", "prison", "custody", "detention", "cells", "the", "a", "an"})
_PREPS = frozenset({"from", "to", "on", "in", "at", "for", "with", "into", "after", "since", "by", "near", "across",
                    "over", "under", "out", "of", "back", "off", "up", "down", "away"})


def _own_object(toks: list[Any], verb: Hit, c: Clause, lex: Lexicon) -> bool:
    """Whether an act verb has an object of its own that is not the pledge's ("Ethiopia withdrew from an IGAD
    summit"), so the clause is about something else; "army units pulled back from positions" has none."""
    for t in toks[verb.j:min(c.hi, verb.j + 6)]:
        w = t.text
        if not w[:1].isalpha() or w in _PREPS or w in _PLACES or w in lex.stopwords or w in lex.places:
            continue
        if w in ("them", "it", "all", "some", "rest", "remaining", "others", "those", "most", "many", "several"):
            continue
        return True
    return False


def _other_spec(frame: Frame, toks: list[Any], c: Clause, text: str, lex: Lexicon) -> str | None:
    """The words a clause's head noun is about when they are not the pledge's: "its penalties [on the potash
    industry]" for a pledge on "sanctions on the airline Belavia"; None when they agree or the clause does not say."""
    if not frame.spec:
        return None
    from .text import countries_in, keys

    names = {k for k in frame.spec if k[:1] in "=#"}
    for h in c.objects:  # "four IRIS-T launchers" for a pledge of "Patriot systems", "No. 7" for "No. 6": another one
        if h.concept not in frame.heads:
            continue
        theirs = set()
        i = h.i - 1
        while i >= c.lo and toks[i].text not in ("the", "a", "an", "its", "their", "of", ","):
            raw = text[toks[i].start:toks[i].end]
            if raw[:1].isdigit() and numbered(toks, i):
                theirs.add("#" + raw)
            elif raw[:1].isupper() and toks[i].text not in lex.places and toks[i].text not in lex.countries \
                    and toks[i].text not in ("no", "no."):
                theirs.add("=" + stem(toks[i].text))
            i -= 1
        if names and theirs and not theirs & names and (theirs & {n for n in theirs if n[0] == "#"} or
                                                         not {n for n in names if n[0] == "#"}):
            return " ".join(text[toks[x].start:toks[x].end] for x in range(i + 1, h.j))
    spec = {k for k in frame.spec if not k.startswith("=")}
    if not spec:
        return None
    for h in c.objects:
        if h.concept not in frame.heads or h.j >= c.hi or toks[h.j].text not in ("on", "against", "over"):
            continue
        j = h.j + 1
        while j < c.hi and toks[j].text not in (",", "to", "by", "from", "in", "at", "for", "after", "which", "that"):
            j += 1
        if j == h.j + 1:
            continue
        words = text[toks[h.j + 1].start:toks[j - 1].end]
        theirs = (keys(words, lex, acts=False) - {"o:people"}) | {"@" + c for c in countries_in(words, lex)}
        if theirs and not theirs & (spec | frame.objects):
            return words
    return None


def _choose(frame: Frame, report: Report, toks: list[Any], lex: Lexicon) -> tuple[list[Clause], str]:
    """The clauses of a report that are about a pledge's object (or stand for it), best first, and why there are none
    (step 2 of :func:`decide`); it reads the pledge's acts, objects and heads only."""
    # (a clause naming nothing of the pledge is never chosen: left out before sorting, the others keep their order)
    cls = [c for c in _clauses_of(frame, report.text, lex) if c.objects or c.contrary or c.acts or c.opposite or c.partly]
    why = "does not mention the pledge's object" if frame.objects else "does not mention the pledge's act"
    chosen: list[Clause] = []
    for c in sorted(cls, key=lambda c: (-len({h.concept for h in c.objects}), -(len(c.acts) + len(c.opposite)), c.lo)):
        if c.objects:
            bad = _object_ok(frame, c, lex)
            if bad is None:
                chosen.append(c)
            else:
                why = bad
        elif c.contrary:
            chosen.append(c)
        elif (c.acts or c.opposite or c.partly) and (not frame.objects or frame.acts & SPECIFIC_ACTS):
            verbs = [h for h in c.acts + c.opposite + c.partly if h.role == "v"]
            if verbs and not _own_object(toks, verbs[0], c, lex):
                chosen.append(c)
            elif back_reference(toks, c):
                chosen.append(c)
        elif back_reference(toks, c) or _anaphoric_act(toks, c):  # "the reduction fell short", "the rest was bought"
            chosen.append(c)
    if not chosen and not any(c.objects for c in cls):  # "dropped the plan": the pledge itself, named as such
        chosen = [c for c in _clauses_of(frame, report.text, lex) if not c.objects and _the_plan(toks, c, lex)][:1]
    return chosen, why


_PLAN_DETERMINERS = frozenset({"the", "its", "their", "this", "his", "her"})


def _the_plan(toks: list[Any], c: Clause, lex: Lexicon) -> bool:
    """A definite plan noun ("the plan", "its pledge", "the direct-purchase scheme") with no infinitive of another act
    after it, in a clause with a cue verb: the report is about the pledge itself."""
    for k in range(c.lo, c.hi):
        if not any(lem in lex.plan_nouns for lem, _t in lex.lemmas(toks[k].text)):
            continue
        j = k - 1
        while j >= c.lo and toks[j].text not in _PLAN_DETERMINERS and k - j <= 3 and toks[j].text[:1].isalpha() \
                and toks[j].text not in lex.stopwords:
            j -= 1
        if j < c.lo or toks[j].text not in _PLAN_DETERMINERS:
            continue
        if k + 1 < c.hi and toks[k + 1].text in ("to", "for", "of", "with"):
            continue  # "the plan to build a dam", "the deal with Iran": a plan of its own
        return True
    return False


#: nouns that stand for the promised quantity itself ("the full amount would be bought", "the rest was paid")
_AMOUNTS = frozenset({"amount", "rest", "remainder", "balance", "total", "sum", "quantity", "volume", "figure"})
_PRONOUNS = frozenset({"it", "them"})


def _anaphoric_act(toks: list[Any], c: Clause) -> bool:
    """A clause with the promised act as its verb whose object refers back: a pronoun ("Japan bought them") or the
    amount ("the full amount would be bought"), in a clause naming no object of its own."""
    verbs = [h for h in c.acts + c.partly if h.role == "v"]
    if not verbs or c.objects:
        return False
    v = verbs[0]
    after = [t.text for t in toks[v.j:min(c.hi, v.j + 3)]]
    if after and (after[0] in _PRONOUNS or after[:3] == ["all", "of", "them"]):
        return True
    i = v.i - 1
    while i >= c.lo and toks[i].text in _AUX_WORDS:
        i -= 1
    if i < c.lo or toks[i].text not in _AMOUNTS:
        return False
    i -= 1
    while i >= c.lo and toks[i].text in ("full", "whole", "entire", "remaining", "promised", "pledged", "agreed"):
        i -= 1
    return i >= c.lo and toks[i].text == "the"


_AUX_WORDS = frozenset({"would", "will", "be", "been", "being", "was", "were", "is", "are", "has", "have", "had", "to",
                        "now", "also", "already", "finally", "since", "all"})



def _peoples(text: str, toks: list[Any], found: list[Hit], lex: Lexicon) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """What :func:`_other_people` reads of a sentence alone: (country, words, noun token, noun stem, object noun?) for a
    capitalised country word before a lower-case word, and (countries, words) after "with" or "for"."""
    before = []
    for k in range(len(toks) - 1):
        t, nxt = toks[k], toks[k + 1]
        if not text[t.start:t.start + 1].isupper() or len(t.text) < 3 or not text[nxt.start:nxt.start + 1].islower():
            continue
        iso = lex.countries.get(t.text)
        if iso:
            noun = any(h.i <= k + 1 < h.j and h.concept.startswith(OBJECT) for h in found)
            before.append((iso, text[t.start:nxt.end], stem(nxt.text), noun))
    after = []
    for k in range(len(toks) - 1):
        if toks[k].text not in ("with", "for"):
            continue
        j = k + 1 + (toks[k + 1].text == "the")
        run = j
        while run < len(toks) and text[toks[run].start:toks[run].start + 1].isupper():
            run += 1
        if run > j and (isos := countries_in(text[toks[j].start:toks[run - 1].end], lex)):
            after.append((frozenset(isos), text[toks[k].start:toks[run - 1].end]))
    return tuple(before), tuple(after)


def _other_people(frame: Frame, report: Report, toks: list[Any], found: list[Hit], lex: Lexicon) -> str | None:
    """A country's name right before a noun of the pledge's object, naming neither the pledger nor a country the pledge
    names ("1,400 Sudanese refugees" for a pledge on Eritrean refugees): the report is about others' people or goods
    (places, "flights from Nairobi", are no such modifier); or the counterpart or beneficiary it names after "with" or
    "for" ("a visa waiver agreement with Vietnam", "an appeal for Sudan")."""
    memo = sentence_memo(report, lex)
    got = memo.get("peoples")
    if got is None:
        got = memo["peoples"] = _peoples(report.text, toks, found, lex)
    doer = (frame.doer or "").split("/")[0]
    related = {r.split("/")[0] for r in frame.related}
    for iso, words, noun_stem, noun in got[0]:
        if iso != doer and iso not in related and (noun or noun_stem in frame.objects):
            return words
    for isos, words in got[1]:
        if not isos & (related | {doer}):
            return words
    return None


def decide(frame: Frame, report: Report, lex: Lexicon | None = None) -> Decision:
    """The relation of ``report`` to the pledge ``frame`` (see the module doc for the rules)."""
    lex = lex or lexicon()
    memo = sentence_memo(report, lex)
    got = memo.get("decide")
    if got is None:  # what depends on the sentence alone
        toks_t, found_t = tokens_hits(report.text)
        named = frozenset({x for x in report.sides if not x.startswith("?:")} | countries_in(report.text, lex))
        got = memo["decide"] = (list(toks_t), list(found_t), named, frozenset(s.split("/")[0] for s in named))
    toks, found, sides, countries = got
    feats: dict[str, float] = {}
    # 1. who: a sentence naming no side belongs to its article's context
    placed = bool(frame.doer) and not frame.doer.startswith("?:")
    feats["doer_named"] = float(frame.doer in sides)
    feats["other_named"] = float(bool(sides & frame.related))
    if placed and not sides and report.context and not ({frame.doer} | frame.related) & report.context:
        return Decision("unrelated", note="names no actor, and its article is about others", features=feats)
    if frame.participants and not frame.participants <= countries:
        return Decision("unrelated", note="not with the pledge's counterparts", features=feats)
    if frame.acts & COUNTERPART_ACTS and placed and not any(s.split("/")[0] == frame.doer.split("/")[0]
                                                            for s in sides or report.context):  # none named: the article's
        return Decision("unrelated", note="a meeting without the pledge's actor", features=feats)
    if _ANOTHER_MATTER.search(report.text):
        return Decision("unrelated", note="says it is another matter", features=feats)
    if frame.related and not countries & {r.split("/")[0] for r in frame.related}:
        rival = _other_people(frame, report, toks, found, lex)
        if rival:
            return Decision("unrelated", note=f"about {rival}, not the pledge's", features=feats)
    # 2. what: the clauses about the object, best first; a specific act may stand for its object (which clauses
    # depends on the pledge's acts, objects and heads alone: many pledges share them, so it is read once for each)
    choice = (frame.acts, frame.objects, frame.heads)
    got = memo.get(choice)
    if got is None:
        got = memo[choice] = _choose(frame, report, toks, lex)
    chosen, why = got
    if not chosen:
        return Decision("unrelated", note=why, features=feats)
    mine = _frame_sets(frame, lex)[6]
    fallback: Decision | None = None
    for c in chosen:
        text = report.text[toks[c.lo].start:toks[c.hi - 1].end]
        per_clause = memo.get(("clause", c.lo, c.hi))
        if per_clause is None:  # the clause's object hits and the years it names
            per_clause = memo[("clause", c.lo, c.hi)] = (
                [h for h in found if c.lo <= h.i < c.hi and h.concept.startswith(OBJECT)],
                [int(y) for y in _YEAR.findall(text)])
        object_hits, years = per_clause
        if toks[c.lo].text in ("if", "unless", "once", "provided"):
            fallback = fallback or Decision("unrelated", note="a condition, not a report", features=feats)
            continue
        other = _other_spec(frame, toks, c, report.text, lex)
        if other:
            fallback = fallback or Decision("unrelated", note=f"about {other}, not the pledge's object", features=feats)
            continue
        feats["objects"] = float(len({h.concept for h in c.objects}))
        feats["object_missing"] = float(not c.objects)
        # an object of the same category that is not the pledge's: "steel tariff" for a "rice tariff" pledge
        rivals = [h for h in object_hits if lex.category.get(h.concept) in mine and h.concept not in frame.objects]
        if rivals and not any(lex.category.get(h.concept) for h in c.objects):
            d = Decision("unrelated", note=f"about {toks[rivals[0].i].text}, not the pledge's object", features=feats)
        elif years and frame.first_published and max(years) < int(frame.first_published[:4]):
            d = Decision("unrelated", note=f"an event of {max(years)}, before the pledge", features=feats)
        else:
            d = read_clause(frame, report, toks, c, lex, dict(feats), placed)
        if d.relation not in ("needs_review", "unrelated"):
            return d
        if fallback is None or (fallback.relation == "unrelated" and d.relation == "needs_review"):
            fallback = d
    return fallback or Decision("needs_review", note="about the pledge, no relation read", features=feats)


def with_model(frame: Frame, report: Report, rules: Decision, lex: Lexicon | None = None) -> Decision:
    """The relation model's reading of a report the rules could not decide (:mod:`gaiko.tracking.model`); the rules'
    decision when no model is shipped or ``GAIKO_RELATION_MODEL=0`` is set (to compare)."""
    import os

    if os.environ.get("GAIKO_RELATION_MODEL", "1") == "0":
        return rules
    from .model import LEDGER_THRESHOLD, relation_model

    model = relation_model()
    if model is None:
        return rules
    lex = lex or lexicon()
    return model.decide_report(frame, report, rules, lex, threshold=LEDGER_THRESHOLD)


def report_of(cand: dict[str, Any], events: list[dict[str, Any]], actors: list[tuple[int, int, str]]) -> Report:
    """The :class:`Report` :func:`judge` reads for a retrieved sentence (the same for every pledge it is read against)."""
    return Report(text=cand["text"], published=cand.get("published"), sides=frozenset(cand.get("sides") or ()),
                  context=frozenset(cand.get("context") or ()), actors=tuple(actors), events=tuple(events),
                  article_id=cand["article_id"], idx=cand["idx"])


def judge(frame: Frame, cand: dict[str, Any], events: list[dict[str, Any]], actors: list[tuple[int, int, str]],
          lex: Lexicon | None = None, report: Report | None = None) -> dict[str, Any] | None:
    """Evidence a retrieved sentence (:func:`gaiko.tracking.link.candidates`) gives about a pledge, or None: the
    pledge's own sentences and the article it was made in are not evidence, nor are sentences outside its term or
    decided ``unrelated``. A sentence the rules leave undecided goes to the relation model (:func:`with_model`); what
    it does not decide either stays ``needs_review``. The result has the decided ``relation``, the coder's event in the
    sentence (``event_id``) and a ``note`` (the words that decided). ``report``: the sentence as :func:`report_of`
    makes it, when the caller reads it against several pledges (what is read of it alone is then read once)."""
    key = (cand["article_id"], cand["idx"])
    pub = cand.get("published")
    if key in frame.own or cand["article_id"] in frame.made_arts or not pub:
        return None
    if pub < (frame.first_published or "") or (frame.until and pub > frame.until):
        return None
    report = report if report is not None else report_of(cand, events, actors)
    lex = lex or lexicon()
    d = decide(frame, report, lex)
    if d.relation == "unrelated":
        return None
    ante = cand.get("antecedent")
    if ante is not None and ante.get("text"):  # a back reference is about the pledge only if what it refers to is
        before = Report(text=ante["text"], published=pub, sides=frozenset(ante.get("sides") or ()),
                        context=report.context, article_id=cand["article_id"], idx=ante["idx"])
        if decide(frame, before, lex).relation == "unrelated":
            return None
    if d.relation == "needs_review":  # what the rules could not read, the relation model may
        d = with_model(frame, report, d, lex)
    if d.relation == "unrelated":
        return None
    done = [e for e in events if not e.get("intended")]
    ev = next((e for e in done if e.get("event_type") == frame.event_type), done[0] if done else None)
    note = "; ".join(x for x in (f"cue: {d.cue}" if d.cue else None, d.note) if x) or None
    return {"article_id": cand["article_id"], "published": pub, "sentence_index": cand["idx"], "sentence": cand["text"],
            "relation": d.relation, "event_id": ev["id"] if ev else None, "note": note}
