"""Which clauses of a report are about a pledge: step 2 of :func:`gaiko.tracking.decide.decide`.

:func:`choose_clauses` returns the clauses (:class:`gaiko.tracking.clause.Clause`) of a sentence that hold the
pledge's object (its concept, the event its act and object name together: "fighting stopped" ~ ceasefire, its plain
head noun, or for money any amount), best first, with why there are none; a pledge with a specific act
(:data:`SPECIFIC_ACTS`) is also read in clauses naming the act but not the object ("army units pulled back"), and a
clause naming neither may stand for it by a back reference ("the reduction fell short", "the rest was bought") or
as the plan itself ("dropped the plan"). An object of the pledge's category that is not the pledge's ("steel" for a
"rice" tariff) keeps a clause out; :func:`other_spec` says when a clause's head noun is about other things than the
pledge's ("its penalties on the potash industry"). :func:`frame_sets` is what a frame's acts and objects widen to
in the lexicon (``gaiko/data/pledges/``), computed once per frame. Token positions index the sentence's
:func:`gaiko.tracking.text.tokens_hits` tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .clause import Clause, Report, back_reference, clauses
from .lexicon import Lexicon, lexicon
from .normalise import _RESTRICTIONS, Frame, money_kin, numbered
from .owed import debt_acts, debt_kin, owed
from .people import adjunct_objects, released_subject
from .promisedref import promised_back
from .hyphennames import name_parts
from .text import OBJECT, Hit, stem, tokens_hits

__all__ = ["SPECIFIC_ACTS", "frame_sets", "choose_clauses", "other_spec"]

#: acts specific enough to read a clause that names the act but not its object ("army units pulled back")
SPECIFIC_ACTS = frozenset({"a:release", "a:withdraw", "a:deploy", "a:detain", "a:stop", "a:attack", "a:close",
                           "a:vaccinate", "a:deport", "a:hold_vote", "a:recognise", "a:apologise", "a:join", "a:leave",
                           "a:hand_back", "a:restructure", "a:repay", "a:default", "a:visit", "a:call", "a:sanction",
                           "a:extend", "a:admit", "a:ban", "a:remove", "a:impose"})


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
        stems = tuple((k, st) for k in range(lo, hi) if toks[k].text[:1].isalpha()
                      for st in (stem(toks[k].text), *(stem(p) for p in name_parts(text[toks[k].start:toks[k].end], lex))))
        money = tuple(k for k in range(lo, hi) if toks[k].text[:1] in "$€£¥" or toks[k].text in _MONEY_WORDS)
        participle = n > 0 and lo > 0 and toks[lo - 1].text == "," and (toks[lo].text.endswith("ing")
                                                                         or _shares_subject(toks, lo, hi, lex))
        out.append((lo, hi, inside, events, stems, money, participle, frozenset(h.concept for h in inside),
                    frozenset(h.concept for h in events), frozenset(st for _k, st in stems)))
    return tuple(out)


_MONEY_WORDS = frozenset({"dollars", "euros", "pounds", "yen", "yuan"})


def _shares_subject(toks: Any, lo: int, hi: int, lex: Lexicon) -> bool:
    """A clause ", and <past verb> ..." with no subject of its own ("Dushanbe rejected the survey, and shut the
    crossing"): its subject is the clause before's, as a participle clause's is (round p77 kind C)."""
    return toks[lo].text == "and" and lo + 1 < hi and any(
        tag == "past" and lem in lex.verbs for lem, tag in lex.lemmas(toks[lo + 1].text))


def frame_sets(frame: Frame, lex: Lexicon) -> tuple[set[str], set[str], set[str], set[str], set[str], frozenset[str],
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
        # a pledge of money ("pay 500 million euros") is reported as the aid, the spending, the investment (a loan may
        # be another debt): ``money_kin`` of ``pledges/money_verbs.yaml``
        kin = money_kin() if "o:money" in frame.heads else frozenset()
        if owed(frame):  # a sum it owes: paid as the debt paid off, settled or cleared (round t53)
            kin, acts = kin | debt_kin(), acts | debt_acts()
        wanted = frozenset(acts | opposite | partly | contra | frame.objects | kin)
        mine = {lex.category[o] for o in frame.objects if o in lex.category}
        got = (lex, (acts, opposite, partly, contra, stems_wanted, wanted, mine))
        frame.__dict__["_gaiko_sets"] = got
    return got[1]


def _clauses_of(frame: Frame, text: str, lex: Lexicon) -> list[Clause]:
    acts, opposite, partly, contra, stems_wanted, wanted, _mine = frame_sets(frame, lex)
    objects = frame.objects | money_kin() if "o:money" in frame.heads else frame.objects
    objects = objects | debt_kin() if owed(frame) else objects  # "cleared its arrears" for a sum owed (t53)
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


def _the_body(frame: Frame, c: Clause, toks: list[Any] | None) -> bool:
    """A pledge to set up a body, and a clause opening with "the" and its head noun ("The commission met ..."): the
    body set up, named back (round p38)."""
    if frame.inceptive != "setup" or not toks:
        return False
    return any(h.concept in frame.heads and h.i == c.lo + 1 and toks[c.lo].text == "the" for h in c.objects)


def _object_ok(frame: Frame, c: Clause, lex: Lexicon | None = None, toks: list[Any] | None = None) -> str | None:
    """Why a clause holding object words is not about the pledge's object (None when it is). The goods a restriction
    is on name it too ("white rice left port" for a ban on rice exports, "textiles" for a tariff on textiles), as does
    aid, spending or investment for a sum of money."""
    named = {h.concept for h in c.objects}
    if lex is not None and any(lex.category.get(k) for k in named & frame.narrow) and frame.heads & _RESTRICTIONS \
            and (c.acts or c.partly or not c.opposite):  # "rice prices doubled" is no tariff raised
        return None
    if "o:money" in frame.heads and named & money_kin():
        return None
    if named & debt_kin() and owed(frame):  # "paid off its debt" for "pay the sum it owes" (round t53)
        return None
    modifies = dict(frame.name_needs)  # a name that only modifies the object's noun says which one beside it (t49)
    if any(k not in modifies or named & modifies[k] for k in named & frame.names):  # a proper name of the object
        return None                                                # says which one ("the site at Sampur"; round t48)
    concept_heads = {k for k in frame.heads if ":" in k}
    # a plain-word head may give way to a concept of the object, not to one of where it is when the pledge names that
    # place and the clause does not ("the pier at the port of Paita" for "the breakwater at the port of Callao"; "the
    # northern crossing" still stands for "an office at the northern crossing"): round p38
    where = {k for k in frame.where if ":" in k}
    if not frame.where - where or named & (frame.where - where):
        where = set()
    if frame.heads and not named & frame.heads and (concept_heads or not any(":" in k for k in named - where)):
        return "does not name the pledge's object itself"
    if frame.heads and not any(":" in k for k in frame.heads | named) and len(frame.narrow or frame.objects) >= 2 \
            and len(named) < 2 and not _the_body(frame, c, toks) \
            and not (toks and any(promised_back(toks, h.i, c.lo, c.hi) for h in c.objects)):  # "the recount it promised"
        # (the pledge's own words, not its head's kin)
        return "names the object's noun, not the pledge's object"
    return None


#: word lists: ``gaiko/data/pledges/clause_choice.yaml`` (read once, on first use)
_WORDS = "pledges/clause_choice.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/clause_choice.yaml`` as a set: ``places``, ``preps``, ``plan_determiners``,
    ``amounts``, ``aux_words``."""
    return word_sets(_WORDS)[key]


def _own_object(toks: list[Any], verb: Hit, c: Clause, lex: Lexicon) -> bool:
    """Whether an act verb has an object of its own that is not the pledge's ("Ethiopia withdrew from an IGAD
    summit"), so the clause is about something else; "army units pulled back from positions" has none."""
    for t in toks[verb.j:min(c.hi, verb.j + 6)]:
        w = t.text
        if not w[:1].isalpha() or w in _w("preps") or w in _w("places") or w in lex.stopwords or w in lex.places:
            continue
        if w in ("them", "it", "all", "some", "rest", "remaining", "others", "those", "most", "many", "several"):
            continue
        return True
    return False


def other_spec(frame: Frame, toks: list[Any], c: Clause, text: str, lex: Lexicon) -> str | None:
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


def choose_clauses(frame: Frame, report: Report, toks: list[Any], lex: Lexicon) -> tuple[list[Clause], str]:
    """The clauses of a report that are about a pledge's object (or stand for it), best first, and why there are none
    (step 2 of :func:`gaiko.tracking.decide.decide`); it reads the pledge's acts, objects and heads only."""
    # (a clause naming nothing of the pledge is never chosen: left out before sorting, the others keep their order)
    cls = [c for c in _clauses_of(frame, report.text, lex) if c.objects or c.contrary or c.acts or c.opposite or c.partly]
    why = "does not mention the pledge's object" if frame.objects else "does not mention the pledge's act"
    chosen: list[Clause] = []
    for c in sorted(cls, key=lambda c: (-len({h.concept for h in c.objects}), -(len(c.acts) + len(c.opposite)), c.lo)):
        if c.objects:
            bad = _object_ok(frame, c, lex, toks)
            if bad is None or adjunct_objects(toks, c.acts, c.objects, lex):  # "flew home aboard a plane" (t38)
                chosen.append(c)
            else:
                why = bad
        elif c.contrary:
            chosen.append(c)
        elif (c.acts or c.opposite or c.partly) and (not frame.objects or frame.acts & SPECIFIC_ACTS):
            verbs = [h for h in c.acts + c.opposite + c.partly if h.role == "v"]
            if verbs and (released_subject(toks, verbs[0], lex) or not _own_object(toks, verbs[0], c, lex)):
                chosen.append(c)
            elif back_reference(toks, c):
                chosen.append(c)
        elif back_reference(toks, c) or _anaphoric_act(toks, c):  # "the reduction fell short", "the rest was bought"
            chosen.append(c)
    if not chosen and not any(c.objects for c in cls):  # "dropped the plan": the pledge itself, named as such
        chosen = [c for c in _clauses_of(frame, report.text, lex) if not c.objects and _the_plan(toks, c, lex)][:1]
    return chosen, why


def _the_plan(toks: list[Any], c: Clause, lex: Lexicon) -> bool:
    """A definite plan noun ("the plan", "its pledge", "the direct-purchase scheme") with no infinitive of another act
    after it, in a clause with a cue verb: the report is about the pledge itself."""
    for k in range(c.lo, c.hi):
        if not any(lem in lex.plan_nouns for lem, _t in lex.lemmas(toks[k].text)):
            continue
        j = k - 1
        while j >= c.lo and toks[j].text not in _w("plan_determiners") and k - j <= 3 and toks[j].text[:1].isalpha() \
                and toks[j].text not in lex.stopwords:
            j -= 1
        if j < c.lo or toks[j].text not in _w("plan_determiners"):
            continue
        if k + 1 < c.hi and toks[k + 1].text in ("to", "for", "of", "with"):
            continue  # "the plan to build a dam", "the deal with Iran": a plan of its own
        return True
    return False


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
    while i >= c.lo and toks[i].text in _w("aux_words"):
        i -= 1
    if i < c.lo or toks[i].text not in _w("amounts"):
        return False
    i -= 1
    while i >= c.lo and toks[i].text in ("full", "whole", "entire", "remaining", "promised", "pledged", "agreed"):
        i -= 1
    return i >= c.lo and toks[i].text == "the"
