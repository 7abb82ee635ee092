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
   clause unrelated; so does an explicit year before the pledge (:mod:`gaiko.tracking.choose`).
3. **The act itself** ("cut", "the lower duty", "walked free"), read by its tense, aspect, negation and
   modality (:mod:`gaiko.tracking.clause`, :mod:`gaiko.tracking.clausegrammar`,
   :mod:`gaiko.tracking.amounts`): done -> fulfils (partial when less of the promised quantity is
   reported, or a lesser act: "halved" a levy promised to go); under way -> progresses; negated -> stalls
   (reverses once the deadline has passed, or when refused); announced again -> restates (revises with a new
   deadline or quantity). The opposite act ("raised" for "cut") -> reverses.
4. **Cue verbs** of the clause (``gaiko/data/pledges/relations.yaml``) when the act is not its verb:
   withdraws ("shelved the plan"), reverses ("refused", "collapsed"), stalls ("stalled", "has yet to"),
   revises ("pushed back to June"), restates ("reiterated"), progresses ("approved", "began"), fulfils
   ("came into force", "has held").
5. **Reactions** to the done act ("Washington welcomed the lower duty") -> fulfils; the promised quantity
   reported as a fact -> fulfils.

Reports about another matter, an earlier time or others' people are told apart in :mod:`gaiko.tracking.othermatter`.
"""

from __future__ import annotations

import re
from typing import Any

from .choose import SPECIFIC_ACTS, choose_clauses, frame_sets, other_spec
from .carriedout import carried_out
from .carveout import carved_out
from .guessed import sideless
from .clause import Decision, Report, read_clause, sentence_memo
from .refuser import refused_by_other, refused_request
from .denial import denied, refused_demand
from .lexicon import Lexicon, lexicon
from .amounts import deadline_before
from .arrival import arrival_elsewhere
from .latenot import not_done_stalls
from .noneof import none_done
from .nointent import no_intention
from .namedobject import names_object
from .normalise import COUNTERPART_ACTS, Frame
from .otherpledge import other_pledge
from .askedrefuses import asked_refuses
from .heldup import held_up
from .idlesince import idle_since
from .stalltold import stall_told
from .refusedpledge import refused_pledge
from .othermatter import _ANNOUNCES, _ANOTHER_MATTER, _YEAR, _month_before, _other_partner, _other_people
from .parts import part_undone
from .jointrow import others_share
from .persists import goes_on
from .passedthrough import PASSED, passed_through
from .truceend import truce_ended
from .promisedstate import promised_state, resumed_own
from .runstart import started_running
from .sharedone import share_done
from .firstdone import first_done
from .steps import ratified_by_vote, voted_through
from .planned import planned_reading
from .restundone import done_in_part
from .retoldtime import retold_before
from .status import KEPT_OVER_TERM
from .text import OBJECT, countries_in, tokens_hits
from .verdict import says_kept
from .modelread import _ANNOUNCES, _only_the_place, _weak_for_done, with_model  # noqa: F401 (round p81: moved)

__all__ = ["Report", "Decision", "decide", "judge", "report_of", "with_model", "DECISIONS", "SPECIFIC_ACTS"]

DECISIONS = ("fulfils", "partial", "progresses", "reverses", "withdraws", "restates", "revises", "stalls", "unrelated",
             "unclear", "needs_review")


def decide(frame: Frame, report: Report, lex: Lexicon | None = None) -> Decision:
    """The relation of ``report`` to the pledge ``frame`` (see the module doc for the rules)."""
    lex = lex or lexicon()
    report = sideless(frame, report)  # "The cabinet ..." placed by a guess in another country: no side (round t63)
    d = _decide(frame, report, lex)
    if d.relation == "needs_review":  # "Ugandan soldiers remain in Bunia" for a pledge to leave it (round t46)
        d = goes_on(frame, report, lex, d) or d
    if d.relation == "needs_review":  # "the first lorries crossed into Eritrea at Bure" for a reopening (round t58)
        d = passed_through(frame, report, d, lex) or d
    d = share_done(frame, report, d) or d  # "half of the cable had been strung": under way, not done (round t59)
    d = first_done(frame, report, d) or d  # "the first 600 officers graduated": begun, not done (round t60)
    return once_of_many(frame, d)


def once_of_many(frame: Frame, d: Decision) -> Decision:
    """A pledge to act at intervals ("share the data every quarter") is not kept by one report of the act done: that is
    the first instalment, under way (``progresses``), whoever read it (the rules or the relation model)."""
    if frame.recurring and d.relation == "fulfils":
        return Decision("progresses", cue=d.cue, note=f"{d.note + '; ' if d.note else ''}done once, promised at intervals",
                        features=d.features)
    return d


def _decide(frame: Frame, report: Report, lex: Lexicon) -> Decision:
    memo = sentence_memo(report, lex)
    got = memo.get("decide")
    if got is None:  # what depends on the sentence alone
        toks_t, found_t = tokens_hits(report.text)
        named = frozenset({x for x in report.sides if not x.startswith("?:")} | countries_in(report.text, lex))
        got = memo["decide"] = (list(toks_t), list(found_t), named, frozenset(s.split("/")[0] for s in named),
                                bool(_ANOTHER_MATTER.search(report.text)))  # (round L53: once, not for every pledge)
    toks, found, sides, countries, another_matter = got
    feats: dict[str, float] = {}
    # 1. who: a sentence naming no side belongs to its article's context
    placed = bool(frame.doer) and not frame.doer.startswith("?:")
    feats["doer_named"] = float(frame.doer in sides)
    feats["other_named"] = float(bool(sides & frame.related))
    if placed and not sides and report.context and not ({frame.doer} | frame.related) & report.context \
            and not names_object(frame, report.text):  # "Work on Oxagon's second berth has been halted" (round t61)
        return Decision("unrelated", note="names no actor, and its article is about others", features=feats)
    if frame.participants and not frame.participants <= countries:
        return Decision("unrelated", note="not with the pledge's counterparts", features=feats)
    if frame.acts & COUNTERPART_ACTS and placed and not any(s.split("/")[0] == frame.doer.split("/")[0]
                                                            for s in sides or report.context):  # none named: the article's
        return Decision("unrelated", note="a meeting without the pledge's actor", features=feats)
    if another_matter:
        return Decision("unrelated", note="says it is another matter", features=feats)
    if frame.related and not countries & {r.split("/")[0] for r in frame.related}:
        rival = _other_people(frame, report, toks, found, lex)
        if rival:
            return Decision("unrelated", note=f"about {rival}, not the pledge's", features=feats)
    if frame.partners and not frame.related:
        rival = _other_partner(frame, report, toks, found, lex)
        if rival:
            return Decision("unrelated", note=f"{rival}, not with the pledge's counterpart", features=feats)
    # 2. what: the clauses about the object, best first; a specific act may stand for its object (which clauses
    # depends on every part of the pledge :func:`choose_clauses` reads: its acts, objects, heads, narrow words, where and
    # inceptive kind; many pledges share them, so it is read once for each). Round t35: keyed by the first three alone,
    # a pledge read a sentence's clauses as another pledge with other narrow words or another place had chosen them
    choice = (frame.acts, frame.objects, frame.heads, frame.narrow, frame.where, frame.inceptive)
    got = memo.get(choice)
    if got is None:
        got = memo[choice] = choose_clauses(frame, report, toks, lex)
    chosen, why = got
    if not chosen:
        return Decision("unrelated", note=why, features=feats)
    mine = frame_sets(frame, lex)[6]
    fallback: Decision | None = None
    stall: Decision | None = None  # a stall read first waits for a withdrawal or refusal in a later clause
    stall_clause: Any = None
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
        other = other_spec(frame, toks, c, report.text, lex)
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
        elif (month := _month_before(frame, report, text)) is not None:
            d = Decision("unrelated", note=f"an event of {month}, before the pledge", features=feats)
        elif (ago := retold_before(frame, report, text)) is not None:  # "a year ago" (round t56)
            d = Decision("unrelated", note=f"an event told as of {ago} or before, before the pledge", features=feats)
        else:
            d = refused_demand(frame, report, toks, c, lex) or refused_by_other(frame, report, toks, c, lex, placed) or \
                refused_request(frame, report, toks, c, lex, placed) or \
                read_clause(frame, report, toks, c, lex, dict(feats), placed)  # a refusal: the refuser's only (t56)
            d = other_pledge(frame, report, toks, c, d, lex) or d  # "dropped its threat of tariffs" (round t55)
            d = carried_out(frame, report, toks, c, d, lex) or d  # "cancelled its licence" for "revoke" (round t56)
            d = held_up(frame, report, toks, c, d) or d  # "a court has blocked the reopening" (round t57)
            d = idle_since(frame, report, toks, c, d, lex) or d  # "the arena has stood empty since May" (round t59)
            d = stall_told(frame, report, toks, c, d, lex) or d  # "the agreement remains unsigned" (round t60)
            d = carved_out(frame, report, toks, c, d, lex) or d  # "medicines are exempt from the levy" (round t58)
            d = refused_pledge(frame, report, toks, c, d, lex) or d  # "would not honour its pledge to" (round t57)
            d = asked_refuses(frame, report, toks, c, d, lex) or d  # the party asked "would not retract" (round t57)
            if d.relation in ("reverses", "stalls") and (day := deadline_before(frame, report)):
                d = Decision("unrelated", note=f"about a deadline of {day}, before the pledge", features=feats)
            d = denied(frame, report, toks, c, d, lex) or d  # "denied that the cut had been dropped" (round p49)
            d = none_done(frame, toks, c, d) or d  # "no money for the port had arrived" (round t52)
            d = no_intention(frame, report, toks, c, d, lex) or d  # "has no intention of cutting" (round t52)
            d = not_done_stalls(report.text, d) or d  # "has not been set up" after the deadline: stalled (round p80)
            d = arrival_elsewhere(frame, d, lex) or d  # "the soldiers landed" for a pledge to open a base (round p81)
            d = _refrained_act_done(frame, d)
            d = truce_ended(frame, report.text, d) or d  # "the army ended the truce" for a pledge to halt (round t46)
            d = promised_state(frame, report.text, d, lex, memo) or d  # "resumed work as a full embassy" (round t51)
            d = resumed_own(frame, report.text, d, lex) or d  # "talks resumed" for a pledge to hold talks (round t51)
            d = started_running(frame, report.text, d, lex) or d  # "cadets began classes at the academy" (round t52)
            d = planned_reading(report.text, d, lex) or d  # "is to decide on cuts to grants" (round t54)
            if d.relation == "progresses" and ratified_by_vote(frame, report.text, d.cue, lex):  # (round t51)
                d = Decision("fulfils", cue=d.cue, note="the legislature's vote: the ratification", features=d.features)
            elif (vote := voted_through(frame, report.text, d, lex)) is not None:  # "lawmakers voted to approve" (t52)
                d = Decision("fulfils", cue=vote, note="the legislature's vote: the deed", features=d.features)
        if d.relation not in ("needs_review", "unrelated"):
            if stall is None and d.relation == "stalls":
                stall = d  # "the bridge remains shut; the opening was put off until ...": the state, then why
                stall_clause = c
                continue
            if stall is not None and d.relation not in ("withdraws", "reverses"):
                # "work on the second plant has not begun, though the first is finished": kept in part (round p47)
                return part_undone(frame, report, toks, found, chosen, stall_clause, stall, lex, feats, placed) or stall
            if d.relation == "fulfils" and (part := part_undone(frame, report, toks, found, chosen, c, d, lex, feats,
                                                                 placed)):
                return part  # "the Da Nang plant is done, but work on the Nha Trang one has not started" (round p47)
            if (part := done_in_part(frame, report, d, lex)) is not None:  # "but lorries are still barred" (t37)
                return part
            if d.relation in ("fulfils", "reverses") and " but " in report.text:
                return _done_but_refused(frame, report, toks, chosen, c, d, lex, feats, placed)
            if d.relation == "progresses" and (kept := says_kept(report.text)) is not None:
                # "approved a budget that raises defence spending ..., fulfilling a pledge": the writer's verdict (x2)
                return Decision("fulfils", cue=kept, note=f"the report says so ({d.cue})", features=d.features)
            return d
        if fallback is None or (fallback.relation == "unrelated" and d.relation == "needs_review"):
            fallback = d
    return stall or fallback or Decision("needs_review", note="about the pledge, no relation read", features=feats)


#: a refusal of an object, the cue of a reversal that can stand beside a deed in one sentence ("took in some but refused
#: the others"); "refused to ratify it" (another act refused) is not one
_REFUSED = re.compile(r"^(?:refused|rejected|turned down|rebuffed|spurned)$")


def _done_but_refused(frame: Frame, report: Report, toks: list[Any], chosen: list[Any], c: Any, d: Decision,
                      lex: Lexicon, feats: dict[str, float], placed: bool) -> Decision:
    """A deed and a refusal of part of it joined by "but" in one sentence ("took in the Venezuelans but refused
    deportees from other countries", "joined the declarations but still refused the sanctions"): done in part
    (round p28). ``d`` is the decision of clause ``c``, the first decided; the other clauses chosen are read for the
    other half. Returns ``d`` when there is none."""
    want = "reverses" if d.relation == "fulfils" else "fulfils"
    for c2 in chosen:
        if c2 is c:
            continue
        d2 = read_clause(frame, report, toks, c2, lex, dict(feats), placed)
        refusal = d if d.relation == "reverses" else d2
        if d2.relation == want and _REFUSED.match(refusal.cue or "") and refusal.note is None:
            return Decision("partial", cue=f"{d.cue}, but {d2.cue}", note="done in part, the rest refused", features=feats)
    return d



def report_of(cand: dict[str, Any], events: list[dict[str, Any]], actors: list[tuple[int, int, str]]) -> Report:
    """The :class:`Report` :func:`judge` reads for a retrieved sentence (the same for every pledge it is read against)."""
    return Report(text=cand["text"], published=cand.get("published"), sides=frozenset(cand.get("sides") or ()),
                  context=frozenset(cand.get("context") or ()), actors=tuple(actors), events=tuple(events),
                  article_id=cand["article_id"], idx=cand["idx"], guessed=frozenset(cand.get("guessed") or ()))


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
    if pub < (frame.first_published or "") or (frame.until and pub > frame.until and not cand.get("late")):
        return None
    report = sideless(frame, report if report is not None else report_of(cand, events, actors))  # (round t63)
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
        d = once_of_many(frame, with_model(frame, report, d, lex))
    if d.relation in ("fulfils", "partial", "progresses") and d.note != PASSED and (share := others_share(frame, report)):
        d = Decision("needs_review", cue=d.cue, note=f"{share} ({d.note or d.cue or d.relation} not taken)",
                     features=d.features)  # one party's share of a joint pledge is not this party's (round t46)
    if d.relation == "unrelated":
        return None
    done = [e for e in events if not e.get("intended")]
    ev = next((e for e in done if e.get("event_type") == frame.event_type), done[0] if done else None)
    note = "; ".join(x for x in (f"cue: {d.cue}" if d.cue else None, d.note) if x) or None
    return {"article_id": cand["article_id"], "published": pub, "sentence_index": cand["idx"], "sentence": cand["text"],
            "relation": d.relation, "event_id": ev["id"] if ev else None, "note": note}


def _refrained_act_done(frame: Frame, d: Decision) -> Decision:
    """A pledge to refrain ("not accept deportation flights", ``frame.verb`` "not") whose act a clause reads as done
    ("accepted two charter flights"): the act it pledged not to do, done by the pledger, breaks it (round t42;
    docs/pledges.md: broken is a contrary act by the pledger). A report that says the pledge was kept stays so."""
    if frame.verb != "not" or d.relation not in ("fulfils", "partial"):
        return d
    if KEPT_OVER_TERM in (d.note or "") or (d.note or "").startswith("the report says"):
        return d
    return Decision("reverses", cue=d.cue, note="the act it pledged not to do, reported done", features=d.features)

