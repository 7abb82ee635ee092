"""Finding pledge cues (used by :mod:`gaiko.pipeline.pledges`): for each sentence, the word that marks a
statement of intent, the action it governs, its kind and, for a demand, the party it is made of.

* a commitment verb with an infinitive ("vowed to revise", "agreed to buy", "committed to holding");
* a demand verb with an object and an infinitive ("urged Japan to abide by", "called on Beijing to release");
* a pledge noun with an infinitive ("a promise to never stand still"), unless the verb over it tells otherwise;
* a future modal with an actor subject ("Japan will invest", "he said he would"); "China hoped Japan would
  honour ..." is China's demand on Japan;
* a plan in hand ("preparing purchase packages", "lined up deals including A and B");
* the special forms of :mod:`gaiko.pipeline.pledge_forms`; conjoined actions share the cue.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..docindex import columns
from ..tables import word_sets
from ..tracking.quantities import best_quantity
from .pledge_asked import asked_party, misread_verb
from .pledge_enable import able_self, enabled_act, obliged_people
from .pledge_bound import bound_session, decision_due, noun_demands
from .pledge_forms import binding_verb, extra_cues, hung_conjuncts
from .pledge_documents import document_calls
from .pledge_headline import headline_cue
from .pledge_guards import forecast_of_others, timetable
from .pledge_parts import Lexicon, is_actorish, say_head, say_left
from .pledge_refused import refuses_pledged
from .pledge_truce import truce_cue
from .takenback import words_taken_back

__all__ = ["find_cues", "cue_lemmas", "noun_fate", "refrains"]

#: word lists: ``gaiko/data/pledges/wish_words.yaml`` (read once, on first use)
_WORDS = "pledges/wish_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/wish_words.yaml`` as a set: ``wish_verbs``, ``wish_forms``."""
    return word_sets(_WORDS)[key]


#: lemmas the special forms start from (:mod:`gaiko.pipeline.pledge_forms`)
_FORM_LEMMAS = frozenset({"be", "go", "threaten", "warn", "commit", "right"}) | word_sets("pledges/document_nouns.yaml")[
    "binding_verbs"]  # "the accord obliges Ghana to ..." (round x23)


def cue_lemmas(lex: Lexicon) -> frozenset[str]:
    """Every lemma a cue can start from; other tokens are skipped without building them."""
    return frozenset(lex.verbs_xcomp) | frozenset(lex.verbs_demand) | frozenset(lex.nouns) \
        | frozenset(lex.verbs_object) | _FORM_LEMMAS | lex.verbs_that_demand | {k.split()[0] for k in lex.phrasal_xcomp}


#: commitment verbs that take what is given as their object ("pledged $80 million", "offered €5 million")
_GIVE_CUES = frozenset({"pledge", "promise", "offer"})


def _after_time_phrase(t: Token, c: Token) -> bool:
    """Whether ``c`` is an infinitive the parser hung on cue verb ``t`` as an adverbial clause, with nothing between
    them but ``t``'s prepositional or noun phrases ("threatened on Monday to impose tariffs")."""
    if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX") or c.i <= t.i or any(x.dep_ == "xcomp" for x in t.children):
        return False
    to = next((a for a in c.children if a.lower_ == "to" and a.dep_ == "aux"), None)
    if to is None or to.i != c.left_edge.i:
        return False
    between = {x.i for k in t.children if k.dep_ in ("prep", "npadvmod") and t.i < k.i < to.i for x in k.subtree}
    return all(i in between for i in range(t.i + 1, to.i))


def _session(v: Token, lex: Lexicon) -> bool:
    """A body sitting in session ("the commission will meet", "the panel will convene next week"): a session verb with
    no object whose subject's head is a body noun (``session_verbs``, ``session_bodies`` in cues.yaml)."""
    held = v.lemma_.lower() == "hold" and any(c.dep_ == "dobj" and c.lemma_.lower() in _m("session_objects")
                                              for c in v.children)  # "the panel will hold its first meeting" (p55)
    if not held and (v.lemma_.lower() not in lex.session_verbs or any(c.dep_ in ("dobj", "dative") for c in v.children)):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    words = " ".join(x.lower_ for x in subj.subtree if x.i <= subj.i and x.dep_ in ("compound", "nsubj") or x.i == subj.i)
    return subj.lemma_.lower() in lex.session_bodies or any(b in words for b in lex.session_bodies if " " in b)


def find_cues(sent: Any, lex: Lexicon, lemmas: frozenset[str]) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue token, action verb, kind, demanded party) for each cue in a sentence; ``lemmas`` is
    :func:`cue_lemmas` of ``lex``."""
    out: list[tuple[Token, Token, str, Token | None]] = []
    doc = sent.doc
    cols = columns(doc)
    modals = lex.modals
    for i in range(sent.start, sent.end):
        lemma = cols.lemma[i]
        if cols.lower[i] == "to":
            # "Japan to double coastguard funding ..." (round x20); "The panel to meet next week" is a session
            out.extend(h for h in headline_cue(doc[i], lex) if not _session(h[1], lex))
        if lemma not in lemmas and cols.lower[i] not in modals:  # lower folds typographic quotes: a superset
            continue
        t = doc[i]
        if lemma == "call" and (calls := document_calls(t, lex)):
            out.extend(calls)  # "the accord calls for Armenia to open a road": Armenia's agreement (round x24)
            continue
        if lemma in _FORM_LEMMAS:
            forms = extra_cues(t, lex)
            out.extend(forms)
            if forms and (lemma == "threaten" or binding_verb(lemma)):
                continue
        in_hand = lemma in lex.verbs_object and any(c.dep_ == "dobj" for c in t.children)
        if lemma in lex.passive_only and any(c.dep_ == "nsubj" for c in t.children) and not any(
                c.dep_ == "prt" for c in t.children):  # "Peru set out to double ..." still plans
            continue  # "the deadline Ethiopia had set to reopen it": an active "set" commits nobody (round p44)
        if t.pos_ in ("VERB", "AUX", "ADJ") and lemma in lex.verbs_xcomp and not in_hand:
            for c in t.children:
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    out.append((t, c, lex.verbs_xcomp[lemma], None))
                elif _after_time_phrase(t, c):  # "threatened on Monday to impose", parsed as an adverbial (round p49)
                    out.append((t, c, lex.verbs_xcomp[lemma], None))
                elif c.dep_ == "prep" and c.lower_ == "to" and lemma in ("commit", "agree"):
                    g = next((x for x in c.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
                    noun = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"), None)
                    if g is not None:
                        out.append((t, g, lex.verbs_xcomp[lemma], None))
                    elif noun is not None:  # "agreed to an unconditional ceasefire"
                        out.append((t, t, lex.verbs_xcomp[lemma], None))
        if t.pos_ == "VERB" and lemma in _GIVE_CUES and lex.verbs_xcomp.get(lemma) == "promise" and not any(
                c.dep_ == "xcomp" for c in t.children):
            money = next((c for c in t.children if c.dep_ == "dobj" and (any(x.ent_type_ == "MONEY" for x in c.subtree)
                                                                          or _a_sum(c))), None)
            if money is not None:  # "Japan pledged $80 million over two years": a sum promised is a pledge to give it
                out.append((t, t, "promise", None))
            elif truce_cue(t):  # "signed a declaration, pledging a permanent ceasefire" (round x17)
                out.append((t, t, "promise", None))
        if t.pos_ == "VERB" and lemma in lex.verbs_demand:
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None:  # "called on Beijing to release"
                on = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "on"), None)
                obj = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
            for c in t.children:
                # "called on Lima to lower ...", the infinitive parsed as an adverbial (round p55)
                hung = c.dep_ == "advcl" and obj is not None and c.i > obj.i
                if (c.dep_ in ("xcomp", "ccomp") or hung) and c.pos_ in ("VERB", "AUX") and \
                        any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    party = obj or next((s for s in c.children if s.dep_ in ("nsubj",)), None)
                    if party is not None and (obj is not None or lemma in ("want", "demand", "request")):
                        out.append((t, c, lex.verbs_demand[lemma], party))
                elif lemma == "demand" and c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children):
                    party = next((s for s in c.children if s.dep_ in ("nsubj",)), None)
                    if party is None and misread_verb(c, lex.action_verbs):
                        party = asked_party(c)  # "demanded that Sudan's army release ...": "release" read as a noun
                    out.append((t, c, "demand", party))
        out.extend(noun_demands(t))  # "demanded the immediate release of the detained sailors" (round t41)
        if t.pos_ == "VERB" and lemma in lex.verbs_that_demand and lemma != "demand":
            out.extend((t, c, "demand", p) for c, p in _mandative(t, lex))
        if t.pos_ == "NOUN" and lemma in lex.nouns and (t.head.lemma_.lower() not in lex.not_pledge_heads
                                                        or noun_fate(t.head, lex)):
            for c in t.children:
                if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    out.append((t, c, lex.nouns[lemma], None))
        if t.dep_ == "aux" and (enabled := enabled_act(t, lex)) is not None:
            out.append((t, enabled[0], "promise", None))  # "nurses will be able to work ..., X said" (round x22)
            continue
        if t.dep_ == "aux" and t.lower_ in lex.modals and t.head.lemma_ == "be" and (able := able_self(t.head, lex)) is not None:
            out.append((t, able, "promise", None))  # "Malawi said it would be able to repay the loan" (round x23)
            continue
        if t.dep_ == "aux" and t.lower_ in lex.modals and t.head.pos_ in ("VERB",):
            v = _modal_verb(t.head, lex)
            if v is None:
                continue
            h = t.head  # the verb the modal hangs on ("have" of "would have to stop")
            if _session(v, lex) and not bound_session(v):  # a session due by a term or set by an agreement (t41)
                continue  # "the joint commission will meet in October": a body's session, a schedule (round p44)
            if t.lower_ in ("would", "wo") and say_head(h, lex) is None and h.dep_ not in ("relcl",) \
                    and say_left(h, lex) is None:
                continue  # a bare "would" is conditional, not a pledge
            gov = h.head if h.dep_ == "ccomp" else None
            if gov is not None and (gov.lemma_.lower() in _w("wish_verbs") or gov.lower_ in _w("wish_forms")):
                out.append((gov, v, "demand", next((c for c in h.children if c.dep_ == "nsubj"), None)))
                continue
            out.append((t, v, "promise", None))
        if t.pos_ == "VERB":
            out.extend(_phrasal(t, lex))
        if t.pos_ == "VERB" and lemma in lex.verbs_object and (t.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP")):
            if lemma in ("line", "draw", "pencil") and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
                continue
            if in_hand:
                out.append((t, t, lex.verbs_object[lemma], None))
    out = [x for x in out if not _denied(x[0], lex) and not _scheduled(x[0], x[1], lex)]
    # conjoined actions share the cue: "plans to boost X and revise Y"; "will scrap the levy it introduced and cut fees"
    for cue, verb, kind, party in list(out):
        if cue.i == verb.i:
            continue
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) \
                    and c.lemma_.lower() not in lex.say_verbs and not (verb.tag_ == "VB" and c.tag_ in ("VBD", "VBN")):
                out.append((cue, c, kind, party))
        out.extend((cue, c, kind, party) for c in hung_conjuncts(verb))
    return out


def _scheduled(cue: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether a cue puts a body's session or vote on a timetable, or says what others foresee (round p57,
    :mod:`gaiko.pipeline.pledge_guards`): "a new assembly is due to sit in April", "members will vote on the budget",
    "Japan is expected to announce a package"."""
    spoken = say_head(cue if cue.dep_ != "aux" else verb, lex) is not None
    return forecast_of_others(cue) or (timetable(cue, verb, lex.session_verbs, lex.session_bodies, spoken) and
                                       not (cue.dep_ == "aux" and bound_session(verb)))  # "by April 30" (round t41)


def _a_sum(obj: Token) -> bool:
    """Whether an object is a sum of money the tagger did not mark ("20 million euros"): its quantity is in a
    currency (an ISO 4217 code, :func:`gaiko.tracking.quantities.best_quantity`; round p55)."""
    q = best_quantity(" ".join(x.text for x in obj.subtree))
    return q is not None and len(q.unit) == 3 and q.unit.isupper()


def _to_inf(c: Token) -> bool:
    return c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)


def _admits_arrivals(v: Token, lemma: str) -> bool:
    """Whether the negated "accept"/"take"/"receive" at ``v`` has for object people or things that would arrive
    ("would not accept deportation flights", "will not take more deportees"; ``admission_verbs`` and
    ``arrival_objects``): a pledge to refrain from letting them in, kept while none is let in (round t42), not a
    refusal of a call or offer ("would not accept the proposal")."""
    if lemma not in _m("admission_verbs"):
        return False
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.lemma_.lower() in _m("arrival_objects") | {w.rstrip("s") for w in _m("arrival_objects")}


def _modal_verb(v: Token, lex: Lexicon) -> Token | None:
    """The promised act of a future modal over verb ``v``, or None when the modal commits nobody: "would have done"
    (past), "be", "seem", "need", "cost", "mean", "remain", a cue verb with its own infinitive ("will seek to", found
    from that verb). Round p55 (``modal_forms.yaml``): a cue verb used bare with an object is the act ("will propose a
    levy"); "would have to stop ... unless" is "stop" (a condition makes the need a threat); "will have X by <date>" is
    a result promised; "will not tax" pledges to refrain (the caller's actor and the word "not" make it so)."""
    lemma = v.lemma_.lower()
    if any(c.lower_ == "have" and c.dep_ == "aux" for c in v.children):
        return None
    if lemma == "have":
        inf = next((c for c in v.children if _to_inf(c)), None)
        if inf is not None:  # "would have to stop X unless Y": a threat; "will have to wait" is no pledge
            cond = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.condition_marks for m in c.children)
                       for x in (v, inf) for c in x.children)
            if obliged_people(v, lex):
                return None  # "Fishermen will have to stay in port until ..., the coast guard said" (round x23)
            return inf if cond and not any(c.dep_ == "neg" for c in v.children) else None
        dated = any(c.dep_ in ("prep", "agent") and c.lower_ in _m("have_deadline_preps") and
                    any(x.ent_type_ == "DATE" for x in c.subtree) for c in v.subtree)
        return v if dated and any(c.dep_ == "dobj" for c in v.children) else None
    if lemma in lex.verbs_xcomp:
        bare = lemma in _m("modal_act_verbs") and not any(_to_inf(c) or c.dep_ == "prep" and c.lower_ == "to"
                                                          and lemma in ("commit",) for c in v.children)
        bare = bare or decision_due(v)  # "will decide on a suspension by November 30" (round t41)
        negated = any(c.dep_ == "neg" for c in v.children)  # "will not seek a programme": refrains (round x19)
        return v if bare and (not negated or lemma in _m("refrain_act_verbs")) else None
    if lemma in ("be", "seem", "need", "cost", "mean", "remain"):
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not is_actorish(subj, lex) and (
            lemma in _m("meaning_verbs") or lemma == "see" and any(c.dep_ == "prep" and c.lower_ == "as" for c in v.children)):
        return None  # "the vote would mark the end of the transition": what a thing will mean, a forecast (round e36)
    if lemma in _m("refusal_verbs") and any(c.dep_ == "neg" for c in v.children) and not _admits_arrivals(v, lemma):
        return None  # "would not attend the summit": a refusal of an invitation, not a pledge to refrain
    if words_taken_back(v):
        return None  # "would not withdraw her remarks": words or a stance not taken back, a refusal (round t35)
    if refuses_pledged(v):
        return None  # "would not build the promised road": a refusal of a pledge made, no new pledge (round t57)
    return v


def _m(key: str) -> frozenset[str]:
    """A word list of ``pledges/modal_forms.yaml``: ``modal_act_verbs``, ``refrain_act_verbs``, ``have_deadline_preps``,
    ``refusal_verbs``, ``session_objects``, ``meaning_verbs`` (``trend_verbs`` is read by :func:`.pledge_forms.vouched`)."""
    return word_sets("pledges/modal_forms.yaml")[key]


def _mandative(t: Token, lex: Lexicon) -> list[tuple[Token, Token]]:
    """(action verb, party) of a that-clause in the mandative subjunctive under a demand verb: "insisted (that)
    Botswana withdraw its rangers" (a base-form verb with no auxiliary, or with "should"); "insisted that Spain had
    broken the treaty" and "insists that Spain breaks" state facts (round p42); "urged that Chad's army free the
    hostages", its verb read as a noun (round e36, :mod:`gaiko.pipeline.pledge_asked`)."""
    out = []
    for c in t.children:
        if misread_verb(c, lex.action_verbs) and (party := asked_party(c)) is not None:
            out.append((c, party))
            continue
        if c.dep_ != "ccomp" or c.pos_ != "VERB" or c.tag_ not in ("VB", "VBP"):
            continue
        aux = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
        subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
        if subj is None or any(a.lower_ != "should" for a in aux) or subj.pos_ == "PRON":
            continue
        if c.tag_ == "VBP" and subj.tag_ in ("NNS", "NNPS") and t.tag_ not in ("VBD", "VBN"):
            continue  # "insists that the rebels hold the town": a plural present, not a subjunctive
        out.append((c, subj))
    return out


def _phrasal(t: Token, lex: Lexicon) -> list[tuple[Token, Token, str, Token | None]]:
    """Cues of a verb with a particle (``phrasal_xcomp``): "signed up to build", "signed up to a pact to halve"."""
    prt = next((c for c in t.children if c.dep_ == "prt"), None)
    kind = lex.phrasal_xcomp.get(f"{t.lemma_.lower()} {prt.lower_}") if prt is not None else None
    if kind is None:
        return []
    out: list[tuple[Token, Token, str, Token | None]] = []
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            out.append((t, c, kind, None))
        elif c.dep_ == "prep" and c.lower_ == "to":
            for n in c.children:
                if n.dep_ == "pobj":
                    out.extend((t, a, kind, None) for a in n.children if a.dep_ in ("acl", "relcl") and a.pos_ == "VERB"
                               and any(x.lower_ == "to" and x.dep_ == "aux" for x in a.children))
    return out


def _denied(cue: Token, lex: Lexicon) -> bool:
    """Whether a cue is denied rather than made: a negated commitment verb ("had not agreed to lease"), a pledge noun
    with "no" ("has no plans to"), or a cue in the clause of a denial ("denied that he was planning to") (round p42)."""
    if cue.dep_ == "aux":
        head = cue.head
    else:
        head = cue
        if cue.pos_ in ("VERB", "ADJ") and any(c.dep_ == "neg" for c in cue.children) and not refrains(cue, lex):
            return True
        if cue.pos_ == "ADJ" and cue.head.lemma_ == "be" and any(c.dep_ == "neg" for c in cue.head.children):
            return True
        if cue.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
            return True
    while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.denial_verbs


def refrains(cue: Token, lex: Lexicon) -> bool:
    """Whether a negated cue verb is a pledge to refrain, not a denial: a future modal over it ("Oslo would not seek to
    reopen the treaty", round p55), where "had not agreed to" reports a past. A bare "would" (no speaker, no relative
    clause) is a conditional, as in :func:`find_cues`: "Chile would not agree to cut tariffs unless ..." (review r17)."""
    if not any(c.dep_ == "neg" for c in cue.children):
        return False
    modal = next((c for c in cue.children if c.dep_ == "aux" and c.lower_ in lex.modals), None)
    if modal is None:
        return False
    return not (modal.lower_ in ("would", "wo") and say_head(cue, lex) is None and cue.dep_ != "relcl"
                and say_left(cue, lex) is None)


def noun_fate(head: Token, lex: Lexicon) -> str | None:
    """Status a verb governing a pledge noun reports ("shelved plans to", "completing her pledge")."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    return next((st for st, words in lex.status_in_text.items() if lemma in words), None)
