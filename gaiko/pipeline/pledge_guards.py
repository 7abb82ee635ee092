"""Guards against sentences read as pledges that are none (round p57), for the pledge extractor
(:mod:`gaiko.pipeline.pledge_cues`, :mod:`gaiko.pipeline.pledges`). Word lists: ``pledges/schedule_guards.yaml``.

* **a body's timetable**: "a new assembly is due to sit in April", "the board is expected to meet next week" (a
  session verb under a timetable cue, the subject a body or a legislature, no speaker); "members will vote on the budget
  in June" (unplaced members voting on a matter: a procedure, not a commitment);
* **a forecast of others**: "Japan is expected to announce a package" (a passive "expected to" says what others
  foresee; nobody commits);
* **a past habit**: "in the 1990s Peru would offer licences every spring" (a "would" set in a past period);
* **"they" meaning a third party**: "Mali and Niger said the mercenaries had crossed and that they would withdraw":
  "they" is the nearer plural subject, not the speakers (:func:`they_means`);
* and, through :func:`no_pledge_here`: a pledge dated two years or more back (:func:`past_pledge`), a calendar event
  or the public as subject (:func:`calendar_event`), a condition, counterfactual or hedge (:func:`hypothetical`),
  nobody as speaker (:func:`nobody_speaks`), "it" for a plural speaker (:func:`pronoun_mismatch`), an act undergone
  (:func:`undergoes`); a thing's future (:func:`thing`) and an onlooker speaker (:func:`onlooker`) are asked by the
  extractor and :func:`gaiko.pipeline.pledge_forms.vouched`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from spacy.tokens import Token

from ..tables import word_sets
from .pledge_parts import is_actorish, subject_of

__all__ = ["timetable", "forecast_of_others", "past_habit", "past_pledge", "they_means", "calendar_event", "hypothetical",
           "nobody_speaks", "pronoun_mismatch", "onlooker", "others_fate", "puts_off", "no_longer", "undergoes", "thing", "no_pledge_here",
           "warns_of_another"]

_WORDS = "pledges/schedule_guards.yaml"
_DECADE = re.compile(r"\b(?:1[5-9]|20)\d0s\b|\b(?:the )?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                     r"nineties)\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/schedule_guards.yaml`` by its key (``legislatures``, ``event_nouns``, ``hedge_adverbs``,
    ...); KeyError for a key the file lacks."""
    return word_sets(_WORDS)[key]


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _placed(subj: Token) -> bool:
    """Whether a subject is named or placed by its modifiers ("Kenya's parliament", "Kenyan lawmakers")."""
    return subj.pos_ == "PROPN" or any(x.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for x in subj.subtree)


def timetable(cue: Token, verb: Token, sessions: frozenset[str], bodies: frozenset[str], spoken: bool) -> bool:
    """Whether cue ``cue`` over act ``verb`` puts a body's session or vote on a timetable, no commitment:

    * a session verb (``sessions``, no object) under a timetable cue ("is due to sit", "is expected to meet"), the
      subject's head a body (``bodies``) or a legislature (``legislatures``), when no speaker is named (``spoken``);
    * "vote" with no object or infinitive of its own ("will vote on the budget"), the subject unplaced members of a
      body (``office_voters``: "members", "senators"; not "Kenya's parliament").
    """
    lemma = verb.lemma_.lower()
    if any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp") for c in verb.children):
        return False
    if lemma == "vote":
        subj = _subject(verb) or _subject(cue)
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in _w("ballot_nouns") or
                                                              g.lower_ in _w("ballot_nouns") for g in c.children)
               for c in verb.children):
            return True  # "Fiji will vote in a general election": an election, no one's commitment
        return subj is not None and subj.lower_ in _w("office_voters") and not _placed(subj)
    if lemma not in sessions or spoken or (cue.dep_ != "aux" and cue.lemma_.lower() not in _w("timetable_cues")):
        return False
    subj = subject_of(cue) or _subject(verb)  # "is due to sit": the subject of "is", through "due"
    return subj is not None and (subj.lemma_.lower() in bodies or subj.lemma_.lower() in _w("legislatures")
                                 or subj.lower_ in _w("legislatures"))


def calendar_event(cue: Token, subj: Token | None, spoken: bool, actor_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether a future modal's subject is an event on a calendar with no speaker ("the G20 summit will open on
    Saturday", "the Asian Games will open in Nagoya"): its head or a compound of it in ``event_nouns``, or a
    named event (entity EVENT), a compound counting only where the head is no actor (an ORG/GPE/NORP/PERSON
    entity or one of ``actor_nouns``: "the election commission", "the Census Bureau" are bodies); or the public at
    large, speaker or not (``public_nouns``: "voters will elect a president")."""
    if cue.dep_ != "aux" or subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if subj.lemma_.lower() in _w("public_nouns") or subj.lower_ in _w("public_nouns"):
        return True  # "Croatian voters will elect a president": the public, never a pledger
    if spoken:
        return False
    body = subj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or subj.lemma_.lower() in actor_nouns
    # a modifier names an event only of a head that is no actor ("the election commission will publish": a body)
    head = [subj, *(c for c in subj.children if c.dep_ in ("compound", "nmod") and not body)]
    return subj.ent_type_ == "EVENT" or any(t.lemma_.lower() in _w("event_nouns") or t.lower_ in _w("event_nouns")
                                            for t in head)


def _dated_before(tok: Token, published: str | None) -> bool:
    """A DATE modifier of pledge noun ``tok`` ("the 2017 promise", "the pledge to plant trees, first given in 2020") naming
    a year before the article's."""
    for c in tok.children:
        if c.dep_ in ("compound", "nummod", "nmod", "amod", "npadvmod") and c.ent_type_ == "DATE" and \
                _past_date(" ".join(x.text for x in c.subtree), published, 2):
            return True
    for t in tok.subtree:  # "..., first given in 2020": a participle of making, anywhere in the noun's phrase
        if t.dep_ == "acl" and t.tag_ == "VBN" and any(
                c.dep_ == "prep" and c.lower_ in _w("past_preps") and _past_date(" ".join(x.text for x in c.subtree),
                                                                                 published, 2) for c in t.children):
            return True
    return False


def past_pledge(cue: Token, verb: Token, published: str | None) -> bool:
    """Whether a commitment is dated two years or more before the article's ("agreed in 2025" in a 2026 article
    may be the pledge the story follows, told again): a verb in the past ("Peru vowed in 2017 to
    electrify every village", "had promised to free the hostages in 2016") or a pledge noun that is a subject ("the 2019 promise to close
    coal plants was shelved"; "renewed its 2023 pledge" stays): a pledge of then, told as history, no new one."""
    if cue.pos_ == "NOUN":  # the noun as the subject its history is told of ("the 2017 promise ... was shelved")
        return cue.dep_ in ("nsubj", "nsubjpass") and _dated_before(cue, published)
    if cue.pos_ != "VERB" or cue.tag_ not in ("VBD", "VBN"):
        return False
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in cue.children)
    for c in [*cue.children, *(verb.children if had and verb.i != cue.i else ())]:
        if c.dep_ == "prep" and c.lower_ in _w("past_preps") and any(x.ent_type_ == "DATE" for x in c.subtree):
            if _past_date(" ".join(x.text for x in c.subtree), published, 2):
                return True
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE" and _past_date(c.text, published, 2):
            return True
    return False


def forecast_of_others(cue: Token) -> bool:
    """Whether a cue is a passive "expected to" ("Japan is expected to announce a package"): what others
    foresee, no commitment of the subject's."""
    return cue.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in cue.children)


def _past_date(text: str, published: str | None, gap: int = 1) -> bool:
    """Whether ``text`` names a time at least ``gap`` years before the article's year: a decade over by then ("the
    1990s"; "the 2030s" is not) or a year ("2019"). Undated articles name no past."""
    try:
        now = dt.date.fromisoformat(str(published)[:10]).year if published else None
    except ValueError:
        now = None
    if now is None:
        return False
    decade = _DECADE.search(text)
    if decade is not None:
        digits = re.match(r"\d{4}", decade.group(0))
        return digits is None or int(digits.group(0)) + 10 <= now  # "the nineties": named by word, long over
    year = next((int(y) for y in _YEAR.findall(text)), None)
    return year is not None and year <= now - gap


def past_habit(cue: Token, verb: Token, published: str | None) -> bool:
    """Whether a "would" over ``verb`` is set in a past period by the verb's own modifiers (not its clauses): a
    modifier that is a phrase of ``past_markers`` ("back then") or ends in "ago", a decade over by the article's year,
    or a year two or more before the article's after ``past_preps`` ("during 2019") -- a habit
    or a report of then, no pledge ("in the 1990s Peru would offer licences every spring")."""
    if cue.lower_ not in ("would", "wo"):
        return False
    for c in verb.children:
        if c.dep_ not in ("prep", "npadvmod", "advmod", "advcl") or c.i == cue.i:
            continue
        words = [t for t in c.subtree if not any(a.dep_ in ("relcl", "ccomp", "acl") and a.i in
                                                  {x.i for x in c.subtree} for a in t.ancestors if a.i != c.i)]
        text = " ".join(t.lower_ for t in words if not t.is_punct)
        if c.dep_ != "advcl" and (text in _w("past_markers") or text.endswith(" ago")):
            return True  # the whole modifier: "back then", "in those days", "two decades ago" ("once a week" is not)
        if c.dep_ == "prep" and c.lower_ in _w("past_preps") and _past_date(text, published, 2):
            return True  # two years back, as past_pledge ("said in 2025 it would lift": the parser hangs the year
            # of saying on the act; a 2026 article may tell last year's pledge it follows: review r18)
        if c.dep_ == "advmod" and c.lower_ == "back" and any(x.lower_ == "then" for x in c.subtree):
            return True
    return False


def they_means(pron: Token | None, say: Token | None, speaker_tok: Token | None) -> Token | None:
    """The plural noun "they" stands for when it is not the speakers: the nearest plural common-noun subject before
    the pronoun, after the verb of saying, outside the speaker's phrase ("Mali and Niger said [the mercenaries] had
    crossed and that they would withdraw"); not a thing that happens (``event_nouns``: "the talks had gone well and
    they would sign") nor the speakers' own ("their envoys had met and they would ..."). None when there is none (the
    speakers, or the pronoun as resolved)."""
    if pron is None or say is None or pron.lower_ != "they":
        return None
    own = {x.i for x in speaker_tok.subtree} if speaker_tok is not None else set()
    for t in reversed(pron.doc[say.i + 1 : pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.tag_ == "NNS" and t.i not in own:
            if t.lemma_.lower() in _w("event_nouns") or t.lower_ in _w("event_nouns") or any(
                    c.dep_ == "poss" and c.lower_ in ("their", "its") for c in t.children):
                continue  # "the talks had gone well and they would sign", "their envoys met and they would" (review r18)
            return t
    return None


def hypothetical(cue: Token, verb: Token, marks: frozenset[str]) -> bool:
    """Whether a cue is inside a condition or under one that is counterfactual, or hedged into a forecast: "if Lagos
    were to float the naira", "if Moscow agrees to reopen the corridor" (the cue in a clause marked by ``marks``), "had the money
    come earlier, the line would be running" (an inverted "had" clause, or "if" with "had"), "Mexico will probably
    raise its fuel tax" (``hedge_adverbs``), "no one could say who would run the refinery" (a wh-word as subject)."""
    for h in (cue, verb):
        cur = h
        for _ in range(4):
            if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in cur.children):
                return True
            if cur.dep_ not in ("xcomp", "conj", "aux") or cur.head.i == cur.i:
                break
            cur = cur.head
    if cue.dep_ != "aux":
        return False
    if any(c.dep_ == "advmod" and (c.lower_ in _w("hedge_adverbs") or
                                   " ".join(x.lower_ for x in c.subtree) in _w("hedge_adverbs")) for c in verb.children):
        return True  # "will probably", "will almost certainly" (the whole modifier: review r18)
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in verb.children) and verb.dep_ != "relcl":
        return True
    if cue.lower_ not in ("would", "wo"):
        return False
    for c in verb.children:  # "had the money come earlier, ...", "if Chile had paid, ..." (counterfactual)
        if c.dep_ != "advcl":
            continue
        inverted = c.left_edge.lower_ == "had" and c.left_edge.dep_ in ("aux", "auxpass")  # ("should talks fail,
        # X would impose tariffs" is a conditional threat, no counterfactual)
        past_if = any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children) and any(
            a.dep_ in ("aux", "auxpass") and a.lower_ == "had" for a in c.children)
        if inverted or past_if:
            return True
    return False


def nobody_speaks(speaker_tok: Token | None) -> bool:
    """Whether the speaker is no one or few ("few lenders said they would join the rescue", "no country said it
    would send troops"): a quantifier of ``none_quantifiers`` on the speaker."""
    if speaker_tok is None:
        return False
    return speaker_tok.lower_ in _w("none_quantifiers") or any(
        c.dep_ in ("amod", "det", "advmod") and c.lower_ in _w("none_quantifiers") and
        not (c.i > 0 and c.doc[c.i - 1].lower_ == "a") for c in speaker_tok.children)  # ("a few donors": some)


def pronoun_mismatch(pron: Token | None, speaker_tok: Token | None) -> bool:
    """Whether an "it" subject cannot be the speaker: the speaker is a plural noun ("wine growers marched, saying
    it would drive down their prices": "it" is the quota)."""
    return pron is not None and speaker_tok is not None and pron.lower_ == "it" and speaker_tok.tag_ == "NNS" and \
        speaker_tok.pos_ == "NOUN" and not speaker_tok.is_upper  # ("FLNKS said it would": an acronym, tagged plural)


def undergoes(cue: Token, verb: Token) -> bool:
    """Whether a timetable cue's act is undergone by its subject ("Sri Lanka is to get a batch of buses"):
    ``undergo_verbs`` after "is to", "is due to", "is set to"."""
    return cue.dep_ != "aux" and cue.lemma_.lower() in _w("timetable_cues") and verb.lemma_.lower() in _w("undergo_verbs")


def others_fate(cue: Token, verb: Token, actor: Any, speaker: Any) -> bool:
    """Whether a modal future's act is a fate others impose on its subject (round t41, b38's F8): a verb of
    ``fate_verbs`` with an object of ``fate_objects``, direct or after a preposition ("would stand trial", "will face
    charges of smuggling", "would go on trial", "will appear in court"), told by no speaker of the subject's side
    (``actor`` and ``speaker`` are :class:`~gaiko.types.Actor` or None; a speaker's country guessed by the title
    resolver is none): the subject undergoes it, it is no pledge of theirs. "Kenya said its soldiers would face a court martial" (the speaker's own side) stays a pledge."""
    if cue.dep_ != "aux" or verb.lemma_.lower() not in _w("fate_verbs") or actor is None:
        return False
    if speaker is not None and (speaker is actor or (speaker.country and speaker.country == actor.country and
                                                     (speaker.resolved_by != "title" or speaker.confidence >= 0.6))):
        return False  # the speaker's own side; a country the title resolver guessed (low confidence) is no side
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod")]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in _w("fate_objects") or o.lemma_.lower() in _w("fate_objects") for o in objs)


def onlooker(sector: str | None) -> bool:
    """Whether a speaker of this sector only foresees a thing's future and cannot carry it out (``onlooker_sectors``)."""
    return sector in _w("onlooker_sectors")


def thing(tok: Token | None, actor_at: Callable[[Token], Any], lex: Any) -> bool:
    """Whether a subject is a thing whose actor is found only in a modifier ("Vietnam's rail line", "polling stations in
    Bolivia"): a common noun that is no actor noun (:func:`~.pledge_parts.is_actorish` with ``lex``) and no actor
    mention itself (``actor_at(tok)`` None). Its future is no pledge of that actor, only of a speaker who vouches."""
    return tok is not None and tok.pos_ == "NOUN" and not is_actorish(tok, lex) and actor_at(tok) is None


def puts_off(cue: Token, verb: Token) -> bool:
    """Whether the promised act is the promiser putting its own act off for a while (round n43): a limiter of
    ``postpone_limiters`` ("for now", "for the time being") on an act that is negated ("Kyiv will not release the
    funds for now") or a verb of ``postpone_verbs`` with its particle ("would hold off on the payment for now"). A
    negated act with no limiter stays a pledge to refrain ("will not deploy troops"), and a postponement with none a
    pledge of its own ("will postpone the vote to June", "will suspend arms sales")."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    parts = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i] + \
        [f"{lemma} {c.lower_} {g.lower_}" for c in verb.children if c.dep_ in ("prt", "prep", "dobj") and c.i > verb.i
         for g in c.children if g.dep_ in ("prep", "pobj") and g.i == c.i + 1]
    tail = " ".join(t.lower_ for t in doc[verb.i:verb.sent.end])
    if not any(f" {w} " in f" {tail} " for w in _w("postpone_limiters")):
        return False  # "will suspend arms sales", "will postpone the vote to June": pledges of their own
    negated = any(c.dep_ == "neg" for c in (*verb.children, *cue.children)) or cue.lower_ in ("wo", "won't")
    return negated or any(p in _w("postpone_verbs") for p in parts)


def no_longer(cue: Token, verb: Token) -> bool:
    """Whether the promised act is said to be no longer done (round t44, b40's F3): "it would no longer release the
    prisoners", "will no longer supply the boats", "no longer plans to buy": the pledger dropping an act it promised
    before, a withdrawal the tracker reads (:func:`gaiko.tracking.nolonger.no_longer_act`), no new pledge of
    "release no longer ...". "no" under "longer" on the verb or the cue (the parser's ``neg`` or ``det``). A verb of
    harm or pressure (``no_longer_refrains``: "will no longer target American ships") is a pledge to stop, kept."""
    if verb.lemma_.lower() in _w("no_longer_refrains"):
        return False
    for head in (verb, cue):
        for c in head.children:
            if c.lower_ == "longer" and c.dep_ == "advmod" and any(g.lower_ == "no" for g in c.children):
                return True
    return False


def warns_of_another(say: Token | None, subj: Token | None, actor: Any, speaker: Any) -> bool:
    """Whether a pledge found under a warning is the warner's word about another's act (round n50): the saying verb
    is one of ``warning_verbs`` and the subject a name (no pronoun) whose actor has a country other than the
    speaker's ("Lithuania criticised the decision, warning that Minsk would use the revenue to fund its military").
    ``actor`` and ``speaker`` are :class:`~gaiko.types.Actor` or None."""
    if say is None or subj is None or actor is None or speaker is None or say.lemma_.lower() not in _w("warning_verbs"):
        return False
    return subj.pos_ != "PRON" and bool(actor.country) and bool(speaker.country) and actor.country != speaker.country


def remainder_follows(verb: Token) -> bool:
    """Whether the act is the remainder of one told before coming next (round t37): a verb of ``sequel_verbs`` with no
    object whose subject is a remainder (``remainder_nouns``: "the rest would follow by December", "the balance will
    follow", or a head with one of ``remainder_mods``: "the remaining 300 will follow"): it restates an earlier pledge,
    it makes none of its own. "Japan will follow the United States" has an object and stays a pledge."""
    if verb.lemma_.lower() not in _w("sequel_verbs") or any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp")
                                                              for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in _w("remainder_nouns") or
                                 any(c.dep_ in ("amod", "advmod", "nummod") and c.lower_ in _w("remainder_mods")
                                     for c in subj.children))


def no_pledge_here(cue: Token, verb: Token, subj: Token | None, say: Token | None, speaker_tok: Token | None,
                   published: str | None, marks: frozenset[str], actor_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether a found cue makes no pledge by any guard of this module that needs the subject or the speaker: a past
    habit, a pledge of an earlier year, a calendar event or the public as subject, a condition or a hedge, nobody as
    speaker, "it" for a plural speaker, a timetable act undergone ("is to receive"), a remainder that will follow."""
    return past_habit(cue, verb, published) or past_pledge(cue, verb, published) or \
        calendar_event(cue, subj, say is not None, actor_nouns) or hypothetical(cue, verb, marks) or nobody_speaks(speaker_tok) or \
        pronoun_mismatch(subj, speaker_tok) or undergoes(cue, verb) or puts_off(cue, verb) or no_longer(cue, verb) or \
        remainder_follows(verb)
