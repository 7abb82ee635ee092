"""Clause attributes of a trigger: negation, intention (future), hypothesis, report.

Works on the dependency parse only. Starting at the word that anchors an
event (the trigger verb, or the light verb of a noun trigger) it climbs the
chain of complements ("said it would be ready to send ...") and collects:

* ``negated``: a negator on the clause or on a verb of the chain
  ("did not", "failed to", "never");
* ``intended``: a future auxiliary ("will", "would"), an intention verb or
  adjective ("plans to", "vowed to", "is ready to", "is preparing to"), an arranged act ("is to deploy", "is set
  to expel": :func:`planned`);
* ``hypothetical``: "could/might/may" or an "if/unless" clause;
* ``reported`` and the ``speaker``: the clause is the complement of a speech
  verb ("Beijing said it would ...");
* ``obligation``: "must/should" (used for "X said Y must ..." demands);
* ``salience``: how central the clause is to its sentence (1.0 main clause,
  lower for adverbial, relative and participial clauses).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .triggers import Lexicon

__all__ = ["ClauseInfo", "clause_info", "commitment_verb", "negative_subject", "own_modality", "planned", "yet_to"]

#: salience factors for the way a clause hangs off its parent
SUBORDINATE = {"advcl": 0.55, "relcl": 0.45, "acl": 0.45, "pcomp": 0.5, "pobj": 0.5, "parataxis": 0.8,
               "dep": 0.7, "csubj": 0.6, "appos": 0.5, "amod": 0.3, "npadvmod": 0.6, "prep": 0.5}


@dataclass
class ClauseInfo:
    negated: bool = False
    intended: bool = False
    hypothetical: bool = False
    reported: bool = False
    obligation: bool = False
    speaker: Token | None = None  # subject of the speech verb that reports the clause
    salience: float = 1.0
    via_negative_verb: bool = False  # "failed to", "declined to"
    cue: str = ""  # the word that marked intention


def own_modality(tok: Token, lex: Lexicon, info: ClauseInfo) -> None:
    """Read the auxiliaries and negators attached to one verb (or adjective)."""
    for c in tok.children:
        dep = c.dep_
        if dep == "neg" or (dep in ("advmod", "det") and c.lower_ in lex.negators and c.lower_ != "no"):
            info.negated = True
        elif dep in ("aux", "auxpass"):
            w = c.lower_
            lem = c.lemma_.lower()
            if w in lex.future_aux or lem in ("will", "shall"):
                info.intended = True
                info.cue = info.cue or c.text
            elif w in lex.hypo_aux:
                info.hypothetical = True
            elif w in lex.oblige_aux:
                info.obligation = True
        elif dep == "mark" and c.lower_ in lex.cond_marks:
            info.hypothetical = True


def clause_info(anchor: Token, lex: Lexicon, stop_at: frozenset[int] = frozenset()) -> ClauseInfo:
    """Attributes of the clause headed by ``anchor``.

    ``stop_at`` holds token indices of frame triggers: climbing stops there
    (the frame codes the event and carries its own attributes).
    """
    info = ClauseInfo()
    own_modality(anchor, lex, info)
    if any(planned(c, lex) for c in anchor.children):
        info.intended = True  # the act read at "is" or "set" of "is to send", "is set to sign" (round e48)
        info.cue = info.cue or anchor.text
    if negative_subject(anchor, lex) or yet_to(anchor, lex) is not None:
        info.negated = True  # "No soldiers were killed", "none of the hostages was freed" (round x8); "has yet to" (x17)
    cur = anchor
    for _ in range(8):
        dep = cur.dep_
        head = cur.head
        if dep == "ROOT" or head.i == cur.i or head.i in stop_at:
            if head.i in stop_at and dep == "ccomp" and info.speaker is None:
                # "Turkey warned it would seize ...", "X warned that anyone ... would be arrested": the frame verb's
                # subject speaks for the clause's "it" and for its agentless deed (not a report: no ``reported``)
                info.speaker = _subject(head)
            break
        if dep in ("xcomp", "advcl") and planned(cur, lex):
            # "Thailand is to deploy troops", "Russia is set to expel diplomats": arranged, not done (round e48)
            info.intended = True
            info.cue = info.cue or head.text
            own_modality(head, lex, info)
            cur = head
            continue
        if dep in ("xcomp", "ccomp", "conj", "acomp"):
            hl = lex.lemma(head)
            if dep == "xcomp" and (inf := yet_to(head, lex)) is not None and inf.i == cur.i:
                info.negated = True  # "Juba has yet to release the detainees": not done (round x17)
            if dep == "conj":
                own_modality(head, lex, info)
            elif hl in lex.intent_verbs or (head.pos_ == "ADJ" and hl in lex.intent_adjs):
                info.intended = True
                info.cue = info.cue or head.text
                own_modality(head, lex, info)
            elif hl in lex.neg_verbs:
                info.negated = True
                info.via_negative_verb = True
                own_modality(head, lex, info)
            elif hl in lex.aspect or (hl == "be" and dep in ("acomp", "xcomp")):
                own_modality(head, lex, info)
                if hl == "go" and cur.tag_ == "VB":  # "is going to visit"
                    info.intended = True
            elif dep == "ccomp" and hl in lex.denial_verbs and not info.intended:
                # "Rwanda denied that it had attacked Congolese troops": the denied act is not asserted (x11, F18)
                info.negated = True
                info.salience *= 0.8
                if info.speaker is None:
                    info.speaker = _subject(head)
            elif hl in lex.speech and dep == "ccomp":
                info.reported = True
                info.speaker = _subject(head)
                # the speech verb's own tense does not make the content future
                cur = head
                continue
            elif dep == "ccomp":
                info.salience *= 0.8
                if info.speaker is None:
                    # "Turkey warned it would seize ...", "X warned that anyone ... would be arrested": the subject
                    # of the verb whose clause this is speaks for its "it" and its agentless deed (no report)
                    info.speaker = _subject(head)
            elif dep == "xcomp":
                info.salience *= 0.85
            cur = head
            continue
        commit = commitment_verb(cur, lex)
        if commit is not None:
            # "made a pledge to crush ...", "reiterated its threat to close ...": the noun carries the intention, and
            # the verb that states it carries tense, negation and its own clause (round t34)
            info.intended = True
            info.cue = info.cue or commit[1].text
            cur = commit[0]
            own_modality(cur, lex, info)
            continue
        if dep in ("acl", "relcl") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
            break  # verbless "sentence": the parser hung the main verb off the subject
        if dep == "advcl":
            marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
            if marks & lex.cond_marks:
                info.hypothetical = True
        info.salience *= SUBORDINATE.get(dep, 0.7)
        break
    # "ready to" hangs off "be"; its head clause carries the auxiliaries
    return info


def negative_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether the subject of ``verb`` (its own, or for a conjoined verb with none that of the first verb: "No one was
    killed or wounded") denies the act: a negative pronoun ("none", "nobody") or a noun under the determiner "no"
    ("no prisoners were exchanged"), not "no" bounding a number ("No fewer than 20 soldiers were killed")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "conj" and verb.head.i != verb.i:
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for s in subj:
        if s.lower_ in lex.neg_subjects:
            return True
        for c in s.children:
            if c.dep_ in ("det", "neg") and c.lower_ == "no" and c.i < s.i and c.i + 1 < len(c.doc) \
                    and c.nbor(1).lower_ not in lex.no_comparatives:
                return True
    return False


def planned(inf: Token, lex: Lexicon) -> bool:
    """Whether the to-infinitive ``inf`` states a plan by its head: a finite "be" with a subject of its own
    ("Thailand is to deploy 300 troops", ``planned_be``) or the passive participle of a timetable verb ("Russia is set
    to expel", "talks are scheduled to resume", ``planned_participles``; frames.yaml, round e48, b47's F9). Not a
    passive infinitive ("electricity is to be cut"), "is yet to" (:func:`yet_to`), "is to blame" (``planned_idioms``),
    nor a clause before its head."""
    head = inf.head
    if head.i == inf.i or head.i > inf.i or inf.pos_ not in ("VERB", "AUX") or lex.lemma(inf) in lex.planned_idioms \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children) \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in inf.children):
        return False
    hl = lex.lemma(head)
    if hl in lex.planned_be:
        return inf.dep_ == "xcomp" and head.tag_ in ("VBZ", "VBP", "VBD") and yet_to(head, lex) is None \
            and any(c.dep_ == "nsubj" for c in head.children)
    return hl in lex.planned_participles and head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children)


def yet_to(verb: Token, lex: Lexicon) -> Token | None:
    """The to-infinitive of "have/be yet to" headed by ``verb`` ("release" of "Juba has yet to release the
    detainees", "send" of "Kenya is yet to send troops"; ``yet_to_verbs``, frames.yaml), else None: the act has not
    happened (round x17, b41's F11). Not "has to release" (no "yet"), nor "yet" after the infinitive."""
    if lex.lemma(verb) not in lex.yet_to_verbs or verb.pos_ not in ("VERB", "AUX"):
        return None
    yet = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "yet" and c.i > verb.i), None)
    if yet is None:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > yet.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def commitment_verb(verb: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(stating verb, noun) of a commitment noun whose to-infinitive clause ``verb`` heads: ("made", "pledge") of
    "made a pledge to crush", ("reiterated", "pledges") of "reiterated its pledges to withdraw" (``intent_nouns`` as
    the object of a ``commitment_verbs`` verb, frames.yaml); None otherwise ("made a bid to", "broke its promise
    to", "the threat to the ceasefire"). The parser may hang the clause on the verb ("made a vow | to attack", an
    ``advcl``); it is the noun's when it follows the noun at once."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or verb.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return None
    if verb.dep_ == "acl":
        noun = verb.head
    elif verb.dep_ == "advcl":
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == to.i), None)
        if noun is None:
            return None
    else:
        return None
    stating = noun.head
    if noun.pos_ == "NOUN" and lex.lemma(noun) in lex.intent_nouns and noun.dep_ == "dobj" and stating.i != noun.i \
            and lex.lemma(stating) in lex.commitment_verbs and not any(c.dep_ == "prt" for c in stating.children):
        return stating, noun  # not "gave up its plan to", "made up"
    return None


def _subject(verb: Token) -> Token | None:
    cur = verb
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ in ("conj", "xcomp", "ccomp") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    return None
