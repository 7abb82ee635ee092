"""Pledge forms beyond the plain cue + infinitive, for the pledge extractor (:mod:`gaiko.pipeline.pledges`).

* **be + to-infinitive** and **be going to**: "Germany is to send two air-defence systems by December".
* **threaten + noun**: "Washington threatened tariffs on European cars unless ..." (the act is imposing them).
* **a document as subject**: "the joint statement commits both sides to holding talks" (the parties act).
* **reserve the right to**: "Israel reserves the right to respond" (a threat; "upheld the right to protest" is not).
* **several parties**: "Brazil and Argentina agreed to lift the duties" is one pledge per party, each with the other as
  target; "both sides" / "the two countries" are the two countries last named before it.
* **acts hung on a relative clause**: "will scrap the levy it introduced in May and cut port fees" (the parser makes
  "cut" a conjunct of "introduced").
* **passives**: "the minister said the duty would be cut to 5%" (the actor is the by-agent, else the speaker).
* **a thing's future, vouched for** (round p55, :func:`vouched`): "the new port will open by May, the minister said"
  is the minister's pledge when the speaker is an office, an official or a named person or organisation.
* **not pledges**: a question ("Will Mongolia extend ...?").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from ..tables import word_sets
from ..types import Actor
from .pledge_bound import joint_body
from .pledge_guards import onlooker
from .pledge_relative import relative_clause
from .pledge_made import time_word
from .pledge_parts import Lexicon, is_actorish, say_head
from .pledge_sides import adjective_sides, adjectives_before, of_pair
from .pledge_reason import future_as_reason
from .retold import refusal_as_reason, retold_after, retold_in_subject

__all__ = ["binding_verb", "extra_cues", "hung_conjuncts", "parties", "passive_parts", "antecedent", "question", "refers_back",
           "threatened_means", "no_new_pledge", "vouched",
           "COLLECTIVE"]

#: subjects that stand for the parties named before: "both sides", "the two countries"
COLLECTIVE = re.compile(r"^(?:both|the two|the 2)\s+(?:sides|countries|nations|governments|leaders|parties|states|capitals|"
                        r"neighbours|neighbors|allies|presidents|delegations)$", re.I)
#: "the three", "all four countries": a numbered group, the parties of the last list of that many countries (round x21)
NUMBERED = re.compile(r"^(?:the|all)\s+(three|four|five)(?:\s+(?:sides|countries|nations|governments|leaders|parties|"
                      r"states|capitals|neighbours|neighbors|allies|presidents|delegations|juntas|members))?$", re.I)
_NUMBERS = {"three": 3, "four": 4, "five": 5}
#: word lists: ``gaiko/data/pledges/document_nouns.yaml`` (read once, on first use)
_WORDS = "pledges/document_nouns.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/document_nouns.yaml`` as a set: ``document_nouns``."""
    return word_sets(_WORDS)[key]


_NOT_PLANS = frozenset({"blame", "be", "have", "thank", "credit"})


def _to_infinitive(v: Token) -> bool:
    return v.dep_ == "xcomp" and v.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in v.children)


def extra_cues(t: Token, lex: Lexicon) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue, action verb, kind, party) for the forms of the module doc that start at token ``t``."""
    lemma = t.lemma_.lower()
    out: list[tuple[Token, Token, str, Token | None]] = []
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = _named_in_apposition(subj, lex) if lemma == "be" and subj is not None else None
    if lemma == "be" and subj is not None and (is_actorish(subj, lex) or named is not None or _spoken_thing(t, subj, lex)) \
            and not any(c.dep_ == "expl" for c in t.children):
        for c in t.children:
            if _to_infinitive(c) and c.lemma_.lower() not in _NOT_PLANS:
                out.append((t, c, "plan", named))
    if lemma == "be" and subj is not None and subj.tag_ == "WDT" and t.dep_ == "relcl":
        # "a bridge, which is to be finished within a year": a relative passive on a thing (round x22)
        out.extend((t, c, "plan", None) for c in t.children if _to_infinitive(c) and (
            relative_clause(c) is not None or relative_clause(c, agent=True) is not None))  # "... built by X" (x23)
    if lemma == "go" and t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children):
        for c in t.children:
            if _to_infinitive(c):
                out.append((t, c, "plan", None))
    if lemma in ("threaten", "warn") and t.pos_ == "VERB" and not any(_to_infinitive(c) for c in t.children):
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and not is_actorish(obj, lex):
            out.append((t, t, "threat", None))
    if lemma == "commit" and subj is not None and (subj.lemma_.lower() in _w("document_nouns") or " ".join(
            x.lower_ for x in subj.children if x.dep_ == "compound" and x.i == subj.i - 1) + " " + subj.lemma_.lower()
            in _w("document_phrases")):
        party = _document_party(subj, next((c for c in t.children if c.dep_ == "dobj"), None), lex)
        for c in t.children:
            if _to_infinitive(c) or _to_gerund(c):  # "commits the KRG to handing ...", parsed as an adverbial (x23)
                out.append((t, c, "agreement", party))
            elif c.dep_ == "prep" and c.lower_ == "to":
                g = next((x for x in c.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
                noun = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None:
                    out.append((t, g, "agreement", party))
                elif noun is not None:
                    out.append((t, t, "agreement", party))
    if lemma in _w("binding_verbs") and subj is not None and subj.lemma_.lower() in _w("binding_documents") and \
            t.tag_ not in ("VBD", "VBN") and not any(c.tag_ == "MD" and c.lower_ not in ("will", "'ll") for c in t.children):
        # "the treaty required Kenya to ...": a past obligation retold; "the accord would oblige Ghana": a condition
        out.extend(_bound_by(t, subj, lex))  # "the accord obliges Ghana to cut its deficit" (round x23)
    if lemma == "right" and t.pos_ == "NOUN" and t.head.lemma_.lower() == "reserve":
        for c in t.children:
            if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                out.append((t, c, "threat", None))
    return out


def binding_verb(lemma: str) -> bool:
    """Whether a document binds its party by this verb: "commit", or one of ``binding_verbs`` (round x23)."""
    return lemma == "commit" or lemma in _w("binding_verbs")


def _to_gerund(v: Token) -> bool:
    """A gerund after "to" the parser hung as an adverbial clause: "commits X to handing ..." (round x23)."""
    return v.dep_ == "advcl" and v.tag_ == "VBG" and any(a.lower_ == "to" and a.dep_ == "aux" for a in v.children)


def _bound_by(t: Token, subj: Token, lex: Lexicon) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue, act, "agreement", party) of "the accord obliges / binds / requires X to ACT" (round x23): the party is the
    verb's object, or the subject the parser gave the act ("obliges Ghana to cut": "Ghana" its nsubj), and must be an
    actor or "both sides"; "the law requires banks to report" binds no party and stays none."""
    out = []
    for c in t.children:
        if not (_to_infinitive(c) or _to_gerund(c) or c.dep_ == "ccomp" and any(a.lower_ == "to" and a.dep_ == "aux"
                                                                              for a in c.children)):
            continue
        party = next((x for x in t.children if x.dep_ == "dobj"), None) or next(
            (x for x in c.children if x.dep_ == "nsubj" and x.i < c.i), None)
        if party is None or party.pos_ == "PRON":
            continue
        words = " ".join(x.text for x in party.subtree)
        if is_actorish(party, lex) or COLLECTIVE.match(words):
            out.append((t, c, "agreement", party))
    return out


def _named_in_apposition(subj: Token, lex: Lexicon) -> Token | None:
    """The name in apposition to a subject that is no actor (round x20): "Turkish drone maker Baykar is to build ...",
    "The Nigerian refiner, Dangote, is to start ...": the subject is "maker" / "refiner", the name its ``appos``; the
    name is the pledger when the subject names a trade (``agent_nouns``). A subject that is an actor itself ("Danish shipping group Maersk") keeps its reading."""
    if is_actorish(subj, lex) or subj.pos_ != "NOUN" or \
            subj.lemma_.lower() not in word_sets("pledges/be_to.yaml")["agent_nouns"]:
        return None  # "The new port, Lamu, is to open": a thing with a name (``agent_nouns`` in be_to.yaml)
    return next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subj.i), None)


def _document_party(doc_noun: Token, party: Token | None, lex: Lexicon) -> Token | None:
    """The party a document commits (round x19): its object, or for "it"/"them" the actor the document's own phrase
    names, the one who signed it ("The agreement Ghana signed with Japan commits it to ...") or owns it ("The bank's
    investment case commits it to ..."); else the pronoun, read as before."""
    if party is None or party.lower_ not in ("it", "them"):
        return party
    for c in doc_noun.children:
        if c.dep_ == "relcl":
            own = next((x for x in c.children if x.dep_ == "nsubj" and x.pos_ != "PRON" and is_actorish(x, lex)), None)
            if own is not None:
                return own
        if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and is_actorish(c, lex):
            return c
    return party


def _spoken_thing(be: Token, subj: Token, lex: Lexicon) -> bool:
    """Whether "be to" over a subject that is no actor is a plan someone vouches for (round x19): a noun subject ("the
    refinery", "the sale", "talks", "the headquarters") in a clause a verb of saying governs ("The Kunene bridge is to
    reopen in May, the works ministry said"); :func:`vouched` then makes it the speaker's, as for "will"."""
    return subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() not in word_sets("pledges/be_to.yaml")["predicate_nouns"] \
        and say_head(be, lex) is not None  # "the aim is to cut costs, the minister said": what the aim is (be_to.yaml)


def hung_conjuncts(verb: Token) -> list[Token]:
    """Verbs in the base form hung by the parser on a relative clause inside the verb's object, with no subject of
    their own: "scrap the levy [it introduced in May and cut port fees]" -> cut."""
    out = []
    for t in verb.subtree:
        if t.dep_ != "relcl" or t.tag_ == "VB":
            continue
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == verb.tag_ == "VB" and \
                    not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                out.append(c)
    return out


def _paired_countries(tok: Token, state: Any) -> list[Actor]:
    """The last two countries named together before ``tok`` ("Armenia and Azerbaijan initialled ...")."""
    doc = tok.doc
    for t in reversed(list(doc[:tok.i])):
        if t.dep_ != "conj":
            continue
        a, b = state.actor_at(t.head), state.actor_at(t)
        if a is not None and b is not None and a.country and b.country and a.country != b.country \
                and len(a.country) == 3 and len(b.country) == 3 and a.country not in ("IGO", "IMG", "NGO"):
            return [a, b]
    return []


def _recent_countries(state: Any, before: int, n: int = 2) -> list[Actor]:
    """The last ``n`` distinct countries named before character ``before`` (most recent first)."""
    seen: dict[str, Actor] = {}
    for a in sorted((a for a in state.actors if a.country and a.start < before), key=lambda a: -a.start):
        if a.country not in seen and len(a.country) == 3 and a.country not in ("IGO", "IMG", "NGO"):
            seen[a.country] = a
        if len(seen) == n:
            break
    return list(seen.values())


_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*$")


def _listed_countries(tok: Token, state: Any, n: int) -> list[Actor]:
    """The countries of the last list before ``tok`` that names exactly ``n`` distinct countries, joined by commas and
    "and" only ("Burkina Faso, Mali and Niger signed ... The three will ..."), in their order; [] when there is none.
    Read from the text between the actors' mentions, not the parse (which often breaks such a list)."""
    text = tok.doc.text
    acts = sorted((a for a in state.actors if a.end <= tok.idx), key=lambda a: a.start)
    runs: list[list[Actor]] = []
    for a in acts:
        if runs and _LIST_GAP.match(text[runs[-1][-1].end:a.start]):
            runs[-1].append(a)
        else:
            runs.append([a])
    for run in reversed(runs):
        if len(run) < 2:
            continue
        ok = all(a.country and len(a.country) == 3 and a.country not in ("IGO", "IMG", "NGO") for a in run)
        return run if ok and len(run) == n == len({a.country for a in run}) else []
    return []


def parties(tok: Token | None, state: Any, actor_of: Any) -> list[Actor]:
    """The actors of a coordinated or collective subject (two or more), else []: "Brazil and Argentina",
    "Brazil, Argentina and Uruguay", "both sides". ``actor_of(token)`` resolves one conjunct."""
    if tok is None:
        return []
    phrase = " ".join(x.text for x in tok.subtree if x.dep_ != "punct" and x.i <= tok.i)
    if COLLECTIVE.match(phrase.strip()) or joint_body(tok):  # "a joint border commission": its parties (round t41)
        pair = _paired_countries(tok, state)
        # "Ethiopian and Sudanese delegates met ... Both governments agreed": sides named by adjectives (round x18)
        named = adjectives_before(tok, state)
        if named and (not pair or named[0].start > max(a.start for a in pair)):
            return named
        if pair:
            return pair
        found = _recent_countries(state, tok.idx)
        return found[::-1] if len(found) == 2 else []
    numbered = NUMBERED.match(phrase.strip())
    if numbered:  # "The three will set up a joint court" after a list of three countries (round x21)
        return _listed_countries(tok, state, _NUMBERS[numbered.group(1).lower()])
    # "the presidents of Somalia and Kenya", "Somali and Kenyan officials" (round x18)
    by_name = of_pair(tok, actor_of) or adjective_sides(tok, state)
    if by_name:
        return by_name
    conj = [c for c in tok.subtree if c.dep_ == "conj" and c.head.i in {tok.i} | {x.i for x in tok.subtree if x.dep_ == "conj"}]
    if not conj:
        return []
    out = [a for a in (actor_of(x) for x in [tok, *conj]) if a is not None]
    names = {a.name or a.text for a in out}
    return out if len(out) >= 2 and len(names) == len(out) else []


def passive_parts(verb: Token, lex: Lexicon) -> tuple[Token, Token | None] | None:
    """(passive subject, by-agent) of "the duty would be cut (by the ministry)", when the subject is not an actor."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and any(
            c.dep_ == "auxpass" for c in verb.children):  # "the bridge is to be finished by 2028" (round x19)
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or is_actorish(subj, lex):
        return None
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None and time_word(agent):
        agent = None  # "the levy will be cut by March": a deadline, no by-agent (round x19)
    return subj, agent


_BACK_DETS = frozenset({"the", "its", "his", "her", "their", "this", "that", "our", "these", "those"})


def refers_back(verb: Token, noun: Token | None, lex: Lexicon) -> bool:
    """Whether ``verb`` keeps a pledge named only by a determiner and a noun of ``lex.pledge_refs`` ("the target would
    be met", "keep that promise"): a restatement of a pledge already made, no new one (round p49)."""
    if noun is None or verb.lemma_.lower() not in lex.keep_verbs or noun.lower_ not in lex.pledge_refs:
        return False
    kids = list(noun.children)
    return bool(kids) and all(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETS for c in kids)


def no_new_pledge(verb: Token, cue: Token, kind: str, noun: Token | None, lex: Lexicon) -> bool:
    """Whether a cue makes no new pledge (round p49): an act in the future under a verb of forecasting ("Kenya will
    build only 300 clinics, the World Bank estimated": ``lex.forecast_verbs``), or a pledge kept by name only
    (:func:`refers_back` of ``noun``, the object or passive subject; a demand to "honour its commitment" stays one),
    or a past commitment retold in a relative clause on the subject of a report, or in a clause of time that counts
    from it ("three weeks after X said it would"; :mod:`gaiko.pipeline.retold`)."""
    if cue.dep_ == "aux" and any(a.lemma_.lower() in lex.forecast_verbs and (a.i > verb.i or a.lemma_.lower() in
                                                                             word_sets("pledges/modal_forms.yaml")
                                                                             ["forecast_lead_verbs"])
                                 for a in verb.ancestors):
        return True
    if retold_in_subject(cue):  # "the hotline that Greece and Turkey agreed to set up has not been" (round t34)
        return True
    if retold_after(cue):  # "Three weeks after Turkey said it would reopen the crossing, no ..." (round t39)
        return True
    if refusal_as_reason(cue, verb, lambda x: is_actorish(x, lex)):  # "Nigeria shelved the plan after Cotonou said it would not host ..." (x23)
        return True
    if future_as_reason(cue, verb, lambda x: is_actorish(x, lex)):  # "raised the levy because it will repay ..." (t57)
        return True
    return kind != "demand" and refers_back(verb, noun, lex)


def threatened_means(verb: Token, lex: Lexicon) -> Token | None:
    """The means a vague threat names elsewhere in its sentence ("threatened to act if ..., warning of tariffs on its
    goods" -> "tariffs"): for a verb of ``lex.vague_threat_verbs`` with no object of its own ("take" only with one of
    ``vague_threat_objects``), the first noun of ``lex.threat_means`` that is no argument of a verb with its own
    subject ("if Dhaka kept its tariffs": the other side's); None when there is none (round p49)."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.vague_threat_verbs:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if (lemma == "take") != bool(objs) or any(o.lower_ not in lex.vague_threat_objects for o in objs):
        return None
    for t in verb.sent:
        if t.pos_ != "NOUN" or t.lower_ not in lex.threat_means or t.head is verb:  # ("take countermeasures")
            continue
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and any(c.dep_ in ("nsubj", "nsubjpass")
                                                                     for c in t.head.children if c is not t):
            continue
        return t
    return None


def antecedent(pron: Token) -> str | None:
    """The noun phrase an object pronoun stands for: the nearest earlier noun phrase of the same number in its
    sentence or the one before, that is not an actor ("holding 18 Cambodian soldiers ... release them")."""
    doc = pron.doc
    lo = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else 0
    plural = pron.lower_ in ("them", "those")
    for t in reversed(list(doc[lo:pron.i])):
        if t.pos_ != "NOUN" or t.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos"):
            continue
        if (t.tag_ == "NNS") != plural or t.ent_type_ in ("GPE", "PERSON", "ORG", "NORP"):
            continue
        return _phrase_before(t)
    return None


def _phrase_before(t: Token) -> str:
    """The noun phrase of ``t`` up to ``t``, without articles and possessors; a named possessor (one with a proper
    noun) stays whole with its "'s" ("Prime Minister Mark Carney's comments", not "Prime Minister Mark comments":
    round x2), "its" or "the country's" go."""
    skip: set[int] = set()
    for c in t.children:
        if c.i < t.i and (c.dep_ == "det" or c.dep_ == "poss" and not any(x.pos_ == "PROPN" for x in c.subtree)):
            skip.update(x.i for x in c.subtree)
    words = [x for x in t.subtree if x.i <= t.i and x.i not in skip and x.dep_ not in ("punct", "det")]
    out = ""
    for k, x in enumerate(words):
        glue = x.dep_ == "case" or k == 0
        out += x.text if glue else " " + x.text
    return out


def question(sent: Any) -> bool:
    """Whether a sentence is a question (ends with "?", closing quotes aside)."""
    return sent.text.rstrip().rstrip("\"'”’»)").rstrip().endswith("?")


def vouched(cue: Token, verb: Token, subj: Token | None, speaker: Actor, speaker_tok: Token | None) -> bool:
    """Whether a future modal over a thing ("the new port will open by May, the minister said") is the speaker's pledge
    (round p55): the subject a noun that is no actor, the verb not negated ("revenue would not reach the budget" is a
    forecast), not in a relative clause, the verb no verb of a trend (``trend_verbs`` in modal_forms.yaml: "prices will
    rise" is a forecast), and the speaker an office (sector GOV or MIL), an official (a role or a known person), or any
    actor with a name or a PERSON/ORG entity, but no onlooker (``onlooker_sectors`` in schedule_guards.yaml: a rights
    or press group foresees, it does not vouch; round p57, the case review r17 listed)."""
    be_to = cue.lemma_.lower() == "be" and verb.head.i == cue.i and verb.dep_ == "xcomp"  # "is to reopen" (round x19)
    if not (cue.dep_ == "aux" or be_to) or subj is None or subj.pos_ not in ("NOUN", "PROPN") or \
            any(c.dep_ == "neg" for c in (*verb.children, *cue.children)):
        return False
    if verb.dep_ == "relcl":  # "a category that would allow ...": a relative clause says what a thing does
        return False
    if verb.lemma_.lower() in word_sets("pledges/modal_forms.yaml")["trend_verbs"]:
        return False  # "inflation will fall below 3% by June, the governor said": a forecast (review r17)
    if onlooker(speaker.sector):
        return False  # "press groups said the law would silence radios": an onlooker's forecast (round p57)
    return bool(speaker.sector in ("GOV", "MIL") or speaker.role or speaker.person_id or speaker.name
                or speaker_tok is not None and speaker_tok.ent_type_ in ("PERSON", "ORG"))
