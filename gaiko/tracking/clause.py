"""Reading one clause of a report against a pledge: the words that decide the relation (:func:`read_clause`).

Used by :mod:`gaiko.tracking.decide`, which picks the clauses. The clause's grammar (cutting a sentence into clauses,
a verb's tense, aspect, negation, refusal and modality, its subject's side) is :mod:`gaiko.tracking.clausegrammar`;
how much of the pledge a done or announced act delivers (quantity, new deadline) is :mod:`gaiko.tracking.amounts`;
what in a clause is aside from its deed (names, modifiers, background clauses) is :mod:`gaiko.tracking.clauseaside`;
whether a withdrawal cue calls off the pledge, a planned act or another kind of pledge is
:mod:`gaiko.tracking.clausewithdraw`; negation, stopping and putting off words are :mod:`gaiko.tracking.clauseneg`; what the clause gives apart from the pledge, read once per sentence (its cue
phrases, act verbs, subject), is :mod:`gaiko.tracking.clausememo`.
Cue phrases come from ``gaiko/data/pledges/relations.yaml``. :class:`Report`, :class:`Decision`, :class:`Clause`,
:func:`clauses`, :func:`subject_side`, :func:`is_verb`, :func:`back_reference` and :func:`sentence_memo` are
importable from here as before.
"""

from __future__ import annotations

import re

from .askedagain import asked_for, not_done_under
from .departure import departs_towards
from .doubleneg import renewed_stop
from .talksoff import TALK_ACTS
from .appraisal import appraised_talks, talks_day
from .amounts import (FIRST_PART, FIRST_PERIOD, MEASURED, is_late, less_than_promised, others_sum, partial_words, quantity_relation,
                      reported_done, restate_or_revise, sentence_quantity, sum_for_another)
from .otheract import foreign_term
from .sidecheck import related_acts_otherwise
from .clausegrammar import (Clause, Decision, Report, agent_side, aspect, auxiliaries, back_reference, clauses, is_verb,
                            noun_after_opener,
                            same_country, sentence_memo, subject_side, verbal_only)
from .clauseaside import (STILL, SWITCH, aside_cue, begins_to_apply, held_detained, measure_acts,
                          planned_other_act, subject_modifier)
from .adopted import adopted_deed
from .counted import counted_part
from .calledoff import called_off, called_off_reading, pause_retold, puts_off
from .clausememo import _clause_reading, _cue_in, _memo_call, subject_for
from .clausewithdraw import PROMISED_TO, about_plan, dropped_before, other_kind
from .clausetools import (_COERCIVE, _MODALS, _OTHERS, _STOP, _TALKS, _THREATENED, _WORDS, _asker_acts,  # noqa: F401
                          _governing_cue, _in_planned_talks, _time_noun, _w)
from .clauseneg import _NOT_UNTIL, _STOPPED, _negated_span, put_off_for_now
from .nolonger import no_longer_act, no_longer_phrase
from .foretold import foretold_not_done, money_use, scheduled_in_force
from .inceptive import starts_the_deed
from .lexicon import Lexicon
from .normalise import COUNTERPART_ACTS, Frame
from .notdone import negated_after
from .people import released_subject
from .requested import addressee, request_at
from .retoldact import retold_act
from .sharedword import held_event, matter_only
from .steps import approval_step, sent_on
from .overterm import term_end_cue
from .status import KEPT_OVER_TERM
from .text import Tok, analyse
from .unmoved import none_subject, unmoved
from .willnot import will_not

__all__ = ["Report", "Decision", "Clause", "clauses", "read_clause", "subject_side", "is_verb", "back_reference",
           "sentence_memo"]


_NONE = object()


def read_clause(frame: Frame, report: Report, toks: list[Tok], clause: Clause, lex: Lexicon,
                feats: dict[str, float], placed: bool) -> Decision:
    """The relation one clause states (see the module doc of :mod:`gaiko.tracking.decide`, steps 3-5)."""
    lo, hi = clause.lo, clause.hi
    text = report.text[toks[lo].start:toks[hi - 1].end]
    memo = sentence_memo(report, lex)
    got = memo.get(("cues", lo, hi))
    if got is None:  # the clause's cue phrases, read once per sentence
        _t, found, spans = analyse(report.text)
        # a cue word inside an object's name is no cue ("exit permits remain stuck": nothing exits)
        # nor is a one-word cue that modifies the object noun after it, opening the sentence or after a determiner
        named = [(h.i, h.j) for h in found if h.j - h.i >= 2 and h.concept.startswith("o:")]
        starts = {h.i for h in found if h.concept.startswith("o:") and h.role == "n"}
        toks_all = analyse(report.text)[0]
        spans = tuple(sp for sp in spans if not any(i <= sp[0] and sp[1] <= j for i, j in named) and not (
            sp[1] == sp[0] + 1 and sp[1] in starts and (sp[0] == 0 or toks_all[sp[0] - 1].text in _w("before_modifier")))
            and not _time_noun(toks_all, sp[0], sp[1]) and not (sp[1] == sp[0] + 1 and subject_modifier(report.text, toks_all, sp[0]))
            and not term_end_cue(toks_all, sp[0]))  # "a day before the truce was due to end" (round t45)
        # "the soldiers held in Eritrea" is no cue of the rules (round t47); the relation model's features keep it, as
        # it was trained
        kept = tuple(sp for sp in spans if not held_detained(report.text, toks_all, 0, sp[0]))
        cues_of = {rel: _cue_in(kept, lo, hi, rel) for rel in lex.cues}
        got = memo[("cues", lo, hi)] = (_cue_in(kept, lo, hi, "hedge"), cues_of,
                                         {f"cue_{rel}": float(_cue_in(spans, lo, hi, rel) is not None) for rel in lex.cues})
    hedge, cues, cue_feats = got
    if hedge:
        return Decision("unclear", cue=hedge[2], note="the report leaves it open", features=feats)
    if frame.acts & _TALKS and (appraised := appraised_talks(text)) is not None:
        # "called the talks candid", "described Tuesday's meeting with Kosovo as constructive": the talks held, the
        # deed of a pledge to hold them, unless not yet held or dated before the pledge (round n44)
        state, phrase = appraised
        if state == "planned":
            return Decision("needs_review", cue=phrase, note="talks not yet held, appraised", features=feats)
        day = talks_day(phrase, report.published)
        if day and frame.first_published and day < frame.first_published[:10]:
            return Decision("unrelated", note=f"talks of {day}, before the pledge", features=feats)
        return Decision("fulfils", cue=phrase, note="the talks appraised as held", features=feats)
    pre = memo.get(("read", id(clause)))
    if pre is None or pre[0] is not clause:  # what the clause alone gives (a clause is shared by pledges alike)
        pre = memo[("read", id(clause))] = (clause, *_clause_reading(report.text, toks, clause, lex, memo))
    _c, contrary_read, verb_acts, verb_opp, act_noun = pre
    if contrary_read:  # "no artillery fire was reported" / "shelling resumed"
        h = clause.contrary[0]
        word = " ".join(t.text for t in toks[h.i:h.j])
        if _negated_span(toks, lo, h.i) or _STOPPED.search(text):
            return Decision("fulfils", cue=f"no {word}", note="its contrary has stopped", features=feats)
        if any(a in _w("future_aux") for a in auxiliaries(toks, h.i, lo)) or any(t.text in _w("future_aux") for t in toks[lo:h.i]):
            return Decision("needs_review", note="its contrary foreseen, not reported", features=feats)
        return Decision("reverses", cue=word, note="its contrary reported", features=feats)
    feats.update(cue_feats)
    feats["act_verb"], feats["opposite_verb"] = float(bool(verb_acts)), float(bool(verb_opp))
    feats["act_noun"] = act_noun
    stuck = memo.get(("unmoved", lo, hi), _NONE)
    if stuck is _NONE:  # the clause's words alone, read once per sentence (round L53)
        stuck = memo[("unmoved", lo, hi)] = unmoved(text, report.text[:toks[lo].start], report.text[toks[hi - 1].end:])
    if stuck is not None:
        # "has not been debated since February", "remains on the drawing board": the act has not moved (round p48),
        # unless the clause's subject is another side
        at = toks[lo].start + max(0, text.lower().find(stuck.split()[0].lower()))
        k = next((n for n in range(lo, hi) if toks[n].start >= at), lo)
        subject = subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, k, lex) if k > lo else None
        if not (subject and frame.doer and not same_country(subject, frame.doer) and placed):
            return Decision("stalls", cue=stuck, note="the act reported not moving", features=feats)
    if (without := not_done_under(toks, lo, hi, clause.acts)) is not None:  # "passed without his release" (t36)
        return Decision("stalls", cue=without, note="the act under \"without\": not done", features=feats)
    if verb_acts and frame.acts & _TALKS:
        # "called the upcoming talks important": "talks" names talks not yet held, no deed (round n44)
        verb_acts = [h for h in verb_acts if not _in_planned_talks(frame, report.text, toks, lo, hi, h.i)]
    if len(verb_acts) > 1 and 0 < len(kept := [h for h in verb_acts if not retold_act(report.text, toks, h.i, lo)]):
        verb_acts = kept  # "the hotline that they agreed to establish has not been set up": the main clause (t34)
    if clause.objects and (sent := sent_on(frame, toks, lo, hi)):  # "sent the pact to Congress" for "ratify" (p75)
        return Decision("progresses", cue=sent, note="sent on to the body that must act: a step before the deed",
                        features=feats)
    # 3. the act itself, read by its verb
    if verb_acts:
        h = verb_acts[0]
        asp = _memo_call(memo, aspect, toks, h.i, lo, lex)
        for k, v in asp.items():
            feats[f"act_{k}"] = float(v)
        subject = None if frame.acts & COUNTERPART_ACTS else subject_for(
            memo, frame, report, toks, clause.lo, clause.subject_lo, h.i, lex)
        if released_subject(toks, h, lex):  # "the four sailors flew home": the subject is the people set free (t38)
            subject = None
        if subject and frame.doer and not same_country(subject, frame.doer) and placed and not asp["passive"]:
            return Decision("unrelated", note=f"{subject} does the act, not the pledge's actor", features=feats)
        if _asker_acts(frame, subject, placed) and not asp["passive"]:
            return Decision("unrelated", note=f"{subject} asked for the act and does it itself", features=feats)
        word = " ".join(t.text for t in toks[h.i:h.j])
        if "a:remove" in frame.acts and (stop := renewed_stop(toks, h.i, h.j, hi)) is not None:  # (round t36)
            return Decision("reverses", cue=stop, note="the stop it promised to lift renewed", features=feats)
        if (ask := asked_for(report.text, toks, h.i)) is not None:  # "repeated their demand that X free Y" (t36)
            return Decision("restates", cue=f"{ask} ... {word}", note="the act asked for again, not done", features=feats)
        if (off := called_off(toks, h.i, h.j, lo, hi, lex)) is not None:  # "talks ... were suspended" (round t34)
            rel, note = called_off_reading(frame.doer, report, toks, lo, hi)
            return Decision(rel, cue=f"{word} {off}", note=note, features=feats)
        if asp["refused"]:
            return Decision("reverses", cue=f"refused to {word}", features=feats)
        if no_longer_act(toks, lo, h.i):  # "would no longer release" (round t44)
            return Decision("withdraws", cue=f"no longer {word}", note="dropped by the pledger", features=feats)
        if asp["neg"] and asp["future"] and (limiter := put_off_for_now(report.text[toks[h.i].start:])):
            # "Kyiv will not release the funds for now": the pledger putting its own act off, a withdrawal (round n44;
            # docs/pledges.md: withdrawn is the pledger announcing it drops, suspends or postpones the act)
            return Decision("withdraws", cue=f"will not {word} {limiter}", note="put off by the pledger", features=feats)
        if asp["neg"] and asp["future"] and not _NOT_UNTIL.search(report.text[toks[h.i].start:]):
            # "said it would not supply more coal": the pledger refuses it from now on
            return Decision("reverses", cue=f"will not {' '.join(t.text for t in toks[h.i:h.j])}",
                            note="refused from now on", features=feats)
        if asp["neg"] or none_subject(report.text[toks[lo].start:toks[h.i].start]):  # "not one of the 12 has gone back"
            rel = "reverses" if is_late(frame, report) else "stalls"
            return Decision(rel, cue=f"not {word}", note="after the deadline" if rel == "reverses" else None, features=feats)
        if asp["future"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
            if (dropped := dropped_before(cues, toks, h.i, clause, lex, report)) is not None:
                # "called off the summit it was to host": the act is named as what was planned; the cue is the deed
                return Decision("withdraws", cue=dropped, note="the planned act called off", features=feats)
            return restate_or_revise(frame, report, text, word, feats)
        if asp["progressive"]:
            return Decision("progresses", cue=word, features=feats)
        if asp["ing"] and not asp["past"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
        if h in clause.partly:
            return Decision("partial", cue=word, note="part of the promised act", features=feats)
        if asp["past"] and approval_step(frame, word):  # "member states approved the accord" for "sign" (p75)
            return Decision("progresses", cue=word, note="another body's approval: a step before the deed", features=feats)
        return reported_done(frame, report, text, word, feats, lex)
    if verb_opp and "a:release" in frame.acts and held_event(toks, verb_opp[0], hi):  # "pledged to hold a recount"
        return Decision("unrelated", note="an event held, no detention", features=feats)  # for a release (round t39)
    if verb_opp and (not frame.narrow or not clause.objects or any(h.concept in frame.narrow for h in clause.objects)):
        h = verb_opp[0]  # (a contrary act on a broader object, "people sent back", is not enough)
        asp = _memo_call(memo, aspect, toks, h.i, lo, lex)
        subject = (_memo_call(memo, agent_side, report, toks, h.j, hi, lex) if asp["passive"]
                   else subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, h.i, lex))
        # ("was attacked by RSF fighters")
        word = " ".join(t.text for t in toks[h.i:h.j])
        if subject and frame.doer and not same_country(subject, frame.doer) and placed:
            return Decision("unrelated", note=f"{subject} does the contrary act", features=feats)
        if (towards := departs_towards(frame, report.text, toks, h, hi, lex)) is not None:  # "left for Juba" (t37)
            return Decision("progresses", cue=towards, note="a departure towards the destination", features=feats)
        if asp["future"] and not asp["neg"] and _THREATENED.search(report.text):
            # "threatened to reinstate the tariff unless ...": the contrary threatened or on a condition, not done (an
            # announced contrary without one, "the captured troops would stay in custody", is a refusal: below)
            return Decision("needs_review", cue=word, note="its contrary threatened, not done", features=feats)
        if not asp["neg"] and frame.kind != "threat" and PROMISED_TO.search(report.text[:toks[h.i].start]):
            # "repeated its pledge to give notice of exercises" for a pledge to suspend them: a promise, nothing done
            return Decision("needs_review", cue=word, note="its contrary promised, not done", features=feats)
        if not asp["neg"] and "a:release" in frame.acts and _OTHERS.search(text[toks[h.i].start - toks[lo].start:]):
            # "sentenced two more journalists" for a pledge to free prisoners: new detentions of others, not the
            # pledged release undone
            return Decision("unrelated", cue=word, note="the contrary act on others, not the pledged ones", features=feats)
        if not asp["neg"] and asp["past"] and not asp["perfect"] and STILL & {t.text for t in toks[max(lo, h.i - 2):h.i]}:
            # "the crossing remains closed two years on": the contrary state going on, the pledged act not done yet
            return Decision("stalls", cue=f"{toks[h.i - 1].text} {word}", note="the contrary state goes on", features=feats)
        if not asp["neg"]:
            if frame.acts & _COERCIVE:  # dropping the tariffs it threatened: the threat is withdrawn
                return Decision("withdraws", cue=word, note="the contrary of a threatened act", features=feats)
            return Decision("reverses", cue=word, note="the contrary act", features=feats)
    # 4. cue verbs of the clause (a cue in the future or conditional says nothing done)
    for rel in ("withdraws", "reverses", "stalls", "revises", "restates", "progresses", "fulfils"):
        c = cues.get(rel)
        if c is None:
            continue
        i, _j, words = c
        if rel in ("withdraws", "stalls", "reverses") and measure_acts(toks, i, _j, [h.j for h in clause.objects], hi):
            if any(a in _w("future_aux") for a in auxiliaries(toks, i, lo)) or rel != "withdraws" and cues.get("withdraws"):
                continue
            # "the sanctions freeze the assets of ...": the measure acts, so it is in force; not dropped (round p44)
            return Decision("fulfils", cue=f"{toks[i - 1].text} {words}", note="the measure acts: in force", features=feats)
        if rel == "withdraws" and not about_plan(toks, i, hi, lex, clause, _j):
            continue
        if rel in ("fulfils", "progresses") and _in_planned_talks(frame, report.text, toks, lo, hi, i):
            continue  # "called the upcoming talks important": the talks not yet held (round n44)
        if rel == "reverses" and any(h.i <= i < h.j for h in clause.acts):
            continue  # "notice of exit" for a pledge to leave: the cue word is the promised act itself (round p28)
        if _j == i + 1 and noun_after_opener(toks, i, lex, lo):
            continue  # "placing new granite blocks": the cue verb's word as a noun (round p38)
        if rel == "withdraws" and (kind := other_kind(frame, toks, _j, hi)):
            return Decision("unrelated", note=f"drops a {kind}, not the pledge (a {frame.kind})", features=feats)
        if rel == "withdraws" and (verb := planned_other_act(frame.acts, report.text, toks, _j, hi, lex)):
            return Decision("unrelated", note=f"drops a plan to {verb}, another act", features=feats)
        if aside_cue(report.text, toks, lo, i, rel):
            continue
        if rel in ("fulfils", "progresses", "reverses") and (
                any(a in _w("future_aux") for a in auxiliaries(toks, i, lo))
                or any(t.text in _MODALS for t in toks[max(lo, i - 4):i])  # "would be given land": a noun, in the future
                or (not _memo_call(memo, is_verb, toks, i, lex, lo) and verbal_only(toks[i].text, lex))):
            continue  # "will hold", "to carry out", "on carrying out": nothing done yet (announcing a withdrawal is one)
        if rel == "fulfils" and (due := scheduled_in_force(report.text, toks, i, _j, hi, report.published)):
            return Decision("needs_review", cue=due, note="a coming into force scheduled, not done", features=feats)
        if rel == "progresses" and frame.acts & SWITCH and begins_to_apply(toks, i, _j, hi, lex):
            rel, words = "fulfils", f"{words} {toks[_j].text}"  # "coffee began paying the 50% levy": the rule applies
        if rel == "progresses" and (_j == i + 1 and frame.verb and frame.verb in {m for m, _t in lex.lemmas(toks[i].text)}
                                    or adopted_deed(frame, report, toks, _j - 1, hi, clause, lex)):
            rel = "fulfils"  # "published the rules" for a pledge to publish them: the deed, not a step (round p75, b32
            # F4); "adopted a ban" for a pledge to ban, a budget "approved 10% lower" for a 10% cut (round t37)
        if (ask := request_at(toks, lo, i)) is not None and frame.doer and placed:
            asker = subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, ask, lex)
            asked = addressee(report.text, report.actors, toks, ask, i)
            if asker and asked and not same_country(asker, frame.doer) and same_country(asked, frame.doer):
                # "Malaysia asked Indonesia to postpone the opening": another side asks the pledger (round p77)
                return Decision("unrelated", note=f"{asker} asks for it; the pledge's actor did nothing", features=feats)
        started = rel == "progresses" and starts_the_deed(frame.inceptive, toks, i, _j, lex)
        subject = subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, i, lex)
        if subject and frame.doer and not same_country(subject, frame.doer) and subject not in frame.related and \
                placed and rel != "stalls":
            return Decision("unrelated", note=f"{subject} is the one acting", features=feats)
        if related_acts_otherwise(frame, rel, subject, clause, _j, placed, toks):  # "Congolese troops launched an offensive"
            return Decision("unrelated", note=f"{subject} acts on another matter", features=feats)  # (round t46)
        if (rel == "withdraws" or rel == "stalls" and puts_off(toks[i].text, lex)) and subject and frame.doer \
                and placed and not same_country(subject, frame.doer) \
                and not frame.acts & TALK_ACTS and not _memo_call(memo, aspect, toks, i, lo, lex)["passive"]:
            # "Washington paused its tariffs" for Brazil's threat: a withdrawal is the pledger's own act, another side's
            # pause (even one the pledge names) withdraws nothing (round t42), nor does its delay stall it ("Washington
            # delayed the chip tariffs" for Malaysia's retaliation, round t43); a passive's subject is what is dropped
            return Decision("unrelated", note=f"{subject} puts off its own act, not the pledge's actor", features=feats)
        if rel in ("withdraws", "stalls") and pause_retold(frame.verb, toks[i].text, lex) \
                and not _negated_span(toks, lo, i):  # "will delay its planned tariffs" for "agreed to pause them" (t43)
            return Decision("restates", cue=words, note="the pledged pause told in other words", features=feats)
        if rel == "withdraws" and frame.acts & TALK_ACTS and subject and frame.doer and placed \
                and not same_country(subject, frame.doer):  # the other party called the talks off: not moving (t36)
            return Decision("stalls", cue=words, note=f"called off by {subject}, not the pledge's actor", features=feats)
        if _asker_acts(frame, subject, placed):
            return Decision("unrelated", note=f"{subject} asked for the act and does it itself", features=feats)
        none_done = _j < hi and toks[_j].text == "no"  # "held no drills", "made no payment": the object is none
        if none_done and subject and frame.doer and not same_country(subject, frame.doer):
            # the other party held none: nothing about the pledger's own
            return Decision("unrelated", note=f"{subject} did none of it, not the pledge's actor", features=feats)
        if rel in ("fulfils", "progresses") and none_done and _STOP in frame.acts and not clause.acts \
                and clause.objects:  # a pledge to stop drills, and "held no drills": what it promised to stop is not done
            return Decision("fulfils", cue=f"{words} no", features=feats,
                            note=f"what it promised to stop, reported not done: {KEPT_OVER_TERM}")
        if (_negated_span(toks, lo, i) or none_done) and rel in ("fulfils", "progresses"):
            # a start not yet made ("work on the post has not started") is a stall even after the deadline: nothing
            # contrary was done (round p41); a deed not done after it ("has not taken effect") breaks the pledge
            late = is_late(frame, report) and rel == "fulfils"
            return Decision("reverses" if late else "stalls", cue=f"not {words}", features=feats)
        if rel in ("fulfils", "progresses") and not _memo_call(memo, is_verb, toks, i, lex, lo) \
                and (neg := negated_after(report.text, toks, _j, hi)):
            # "the signing will not take place in June as planned": the act's noun, then said not to happen (p75)
            late = is_late(frame, report) and rel == "fulfils"
            return Decision("reverses" if late else "stalls", cue=f"{words} {neg}", note="said not to happen",
                            features=feats)
        if rel in ("fulfils", "progresses") and others_sum(frame, report):  # "of which $310 million has been paid"
            return Decision("unrelated", note="the sums it names are another's", features=feats)
        if rel in ("fulfils", "progresses") and sum_for_another(frame, report, lex):  # "$60 million for rural clinics"
            return Decision("unrelated", note="the sum it names is for another purpose or from another giver", features=feats)
        if rel == "fulfils":
            q = sentence_quantity(frame, report, text, lex)
            if q == "partial" or (q is None and FIRST_PART.search(text)):
                return less_than_promised(frame, report, text, words, feats)
            if FIRST_PERIOD.search(text) and not is_late(frame, report):  # "the first yearly transfer reached ..."
                return Decision("progresses", cue=words, note="the first of the sums due each period", features=feats)
            if partial_words(text):
                return Decision("partial", cue=words, note="done in part", features=feats)
            if _STOP in frame.acts and not clause.acts and clause.objects \
                    and not any(h.concept in lex.opposite_objects for h in clause.objects):
                # a pledge to stop something, and a clause that reports the thing itself done or in force, not its end
                # ("signed a contract to import electricity" for "stop buying electricity"): its contrary
                return Decision("reverses", cue=words, note="what it promised to stop, reported done", features=feats)
        if started and not (frame.quantity and (sentence_quantity(frame, report, text, lex) == "partial"
                                                or FIRST_PART.search(text))):
            # "crews began laying sleepers" for a pledge to begin rebuilding the line: the start is the deed (round p37)
            return Decision("fulfils", cue=words, note=f"the {frame.inceptive} it promised", features=feats)
        return Decision(rel, cue=words, features=feats)
    # 5. reactions to the done act, and the act named as a done thing
    near = {k for h in clause.objects for k in range(h.i - 3, h.j + 3)}
    nominal = [h for h in clause.acts if (h.role == "a" and h.j <= min((o.i for o in clause.objects), default=h.j) + 1)
               or (h.role == "n" and h.i in near)] or back_reference(toks, clause)
    future = any(t.text in _w("future_aux") for t in toks[lo:hi])
    modal = any(t.text in _MODALS for t in toks[lo:hi])
    if nominal and not future:
        reaction = any(lem in lex.reaction for t in toks[lo:hi] for lem, tag in lex.lemmas(t.text) if tag in ("past", "s"))
        feats["reaction"] = float(reaction)
        if re.search(r"\b(?:fell|falls|fall|falling) short\b", text):  # "the reduction fell short of the rate discussed"
            word = " ".join(t.text for t in toks[nominal[0].i:nominal[0].j])
            return Decision("partial", cue=f"{word} fell short", note="less than promised", features=feats)
        if reaction or any(h.role == "a" for h in nominal):
            word = " ".join(t.text for t in toks[nominal[0].i:nominal[0].j])
            return reported_done(frame, report, text, word, feats, lex, note="the act reported as done")
    named = [h for h in clause.objects if h.concept in frame.heads or h.concept in frame.narrow]
    # a state that is the contrary of fighting, reported as it is ("the front has been quiet", "calm returned")
    calm = [h for h in clause.objects if h.concept in lex.opposite_objects]
    if calm and not future and _STOPPED.search(text) and not _negated_span(toks, lo, calm[0].i):
        return Decision("fulfils", cue=_STOPPED.search(text).group(0), note="the calm it promised reported", features=feats)
    if modal and named and not nominal and matter_only(toks, named[0], lo):
        return Decision("unrelated", note="names the object only as another matter's", features=feats)  # (round t39)
    if modal and named and not nominal and frame.narrow and not any(h.concept in frame.narrow for h in named):
        # "would compensate the relatives of those killed" for "release four detainees": only a broader word of the
        # object ("relatives" for the detainees), in another act's future, restates nothing (round t41)
        return Decision("unrelated", note="names only a broader class of the object, in another future", features=feats)
    if modal and (nominal or named) and not any(t.text == "if" for t in toks[lo:hi]):
        word = " ".join(t.text for t in toks[(nominal or named)[0].i:(nominal or named)[0].j])
        if (dropped := no_longer_phrase(toks, lo, hi)) is not None and (nominal or named)[0].i > dropped[0] and not (
                (who := subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, dropped[0], lex))
                and frame.doer and not same_country(who, frame.doer) and placed):
            # "would no longer free the 12 men", the pledger's own (another side "would no longer need" them is not)
            return Decision("withdraws", cue=dropped[1], note="dropped by the pledger (round t44)", features=feats)
        if (neg := foretold_not_done(report.text, toks, (nominal or named)[0].j, hi)) is not None:
            late = is_late(frame, report)  # "the tank package will not be completed by 2027" (round x2)
            return Decision("reverses" if late else "stalls", cue=f"{word} {neg}", note="foretold not done",
                            features=feats)
        if frame.verb != "not" and (off := will_not(toks, lo, (nominal or named)[0].i, hi)) is not None and not (
                (who := subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, off[0], lex))
                and frame.doer and not same_country(who, frame.doer) and placed):  # "will not stage the games" (t51)
            return Decision("withdraws", cue=f"{off[1]} ... {word}", note="the pledger will not do it", features=feats)
        if (use := money_use(report.text, toks, (nominal or named)[0].j, hi, frame.verb)) is not None:
            return Decision("needs_review", cue=f"{word} {use}", note="what the money is for, not the pledge again",
                            features=feats)  # "the money would fund air defence" (round x2)
        d = restate_or_revise(frame, report, text, word, feats)  # "the vote would take place in February 2026"
        if d.relation == "revises" and not nominal and foreign_term([t.text for t in toks[lo:hi]], lex):
            return Decision("unrelated", cue=d.cue, note="another act's term, no revision", features=feats)  # (t41)
        return d
    # the promised quantity itself, reported as a fact ("American products now face a 125% levy")
    q = frame.quantity
    if q and q.get("value") is not None and q.get("unit") in MEASURED and clause.objects \
            and not any(a in _w("future_aux") for a in (t.text for t in toks[lo:hi])):
        k = clause.objects[0].i
        subject = subject_for(memo, frame, report, toks, clause.lo, clause.subject_lo, k, lex) if k > lo else None
        if subject and subject.startswith("?:") and placed and frame.doer not in report.sides:
            # a sum alone is weak evidence: put there by a body the resolver could not place ("The Asian Development
            # Bank put $40 million into ..."), it is someone else's money, not the pledger's
            return Decision("unrelated", note=f"a sum of {subject[2:]}'s, not the pledge's actor's", features=feats)
        if sum_for_another(frame, report, lex):  # "received $45 million from a regional disaster fund"
            return Decision("unrelated", note="the sum it names is for another purpose or from another giver", features=feats)
        rel = quantity_relation(frame, text, lex)
        if rel == "fulfils":
            return Decision("fulfils", cue=q.get("text"), note="the promised quantity reported in place", features=feats)
        if rel == "partial":
            return less_than_promised(frame, report, text, str(q.get("text")), feats)
    if (part := counted_part(frame, report, toks, lo, hi, bool(clause.objects), text, lex, feats)) is not None:
        return part  # "crews have fixed about 3,100 houses" for a pledge to repair 12,000 (round t47)
    return Decision("needs_review", note="about the pledge, no relation read", features=feats)
