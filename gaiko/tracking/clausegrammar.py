"""The grammar of a report's clauses, read against a pledge by :mod:`gaiko.tracking.clause`.

The report (:class:`Report`), a clause of it with the pledge's words in it (:class:`Clause`) and the relation read
(:class:`Decision`). A sentence is cut into clauses (:func:`clauses`) at ``;``, ``:``, dashes, "but", "while",
"after", "before", ", and", ", which" and a participle after a comma. A verb is read for tense and aspect
(:func:`aspect`: auxiliaries before it, "has been", "will", "is ...-ing"), negation ("not", "never", "has yet to",
"failed to"), refusal ("refused to") and modality (will, would, plans to); its subject's side by
:func:`subject_side` (a resolved actor or a country word before it) or :func:`agent_side` (the by-agent of a
passive). Token positions are indices into the sentence's :func:`gaiko.tracking.text.analyse` tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..tables import word_sets
from .beneficiary import for_whom
from .lexicon import Lexicon
from .sides import outside_state
from .text import Hit, Tok, countries_in, noun_openers

__all__ = ["Report", "Decision", "Clause", "sentence_memo", "plain_memo", "clauses", "is_verb", "noun_after_opener", "verbal_only", "auxiliaries",
           "aspect", "clause_subject", "agent_side", "subject_side", "same_country", "back_reference"]

#: word lists: ``gaiko/data/pledges/clause_words.yaml`` (read once, on first use)
_WORDS = "pledges/clause_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/clause_words.yaml`` as a set: ``boundary``, ``determiners``, ``aux``, ``adverbs``,
    ``noun_prepositions``, ``noun_modifiers``, ``definite``."""
    return word_sets(_WORDS)[key]


_REL_PRONOUN = frozenset({"which", "who", "where", "whom"})
#: a subject with "no" ("no further fuel", "no coal") right before the verb's auxiliaries
_NO_SUBJECT = re.compile(r"\bno\s+(?:[a-z-]+\s+){1,3}(?:will|would|shall|could|can|is|are|was|were|has|have|had)"
                         r"(?:\s+(?:be|been|being|yet|now|so|far))*$")


@dataclass
class Report:
    """A sentence read as evidence. ``actors``: (start, end, side) of the actors the coder resolved in it
    (character offsets in ``text``); ``sides``: the sides named; ``context``: its article's context sides;
    ``events``: the coder's events in it (dicts with ``event_type``, ``negated``, ``intended``, ``date``);
    ``guessed``: the sides it names only by actors the resolver placed by a guess (:mod:`gaiko.tracking.guessed`)."""

    text: str
    published: str | None
    sides: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    actors: tuple[tuple[int, int, str], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    article_id: str = ""
    idx: int = -1
    guessed: frozenset[str] = frozenset()


def sentence_memo(report: Report, lex: Lexicon) -> dict[Any, Any]:
    """A scratch dict on a report for what depends only on the report and the lexicon, not on the pledge it is read
    against (the ledger reads one sentence against many pledges, with one :class:`Report` per sentence)."""
    got = report.__dict__.get("_gaiko_memo")
    if got is None or got[0] is not lex:
        got = report.__dict__["_gaiko_memo"] = (lex, {})
    return got[1]


def plain_memo(report: Report) -> dict[Any, Any]:
    """A scratch dict on a report for readings of its words alone that need no lexicon (the refusal verb of a clause,
    a share of the work, a time counted back): every pledge the sentence is read against would compute them again
    (round L53, issue 14). Keys name the reading and the token positions (of the tokens of ``report.text``) or the
    text it is of."""
    got = report.__dict__.get("_gaiko_plain")
    if got is None:
        got = report.__dict__["_gaiko_plain"] = {}
    return got


@dataclass
class Decision:
    relation: str
    cue: str | None = None
    note: str | None = None
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class Clause:
    """Tokens [lo, hi) of a report and the pledge's object, act, partial-act and contrary-act words in it."""

    lo: int
    hi: int
    objects: list[Hit]
    acts: list[Hit]
    opposite: list[Hit]
    partly: list[Hit] = field(default_factory=list)
    contrary: list[Hit] = field(default_factory=list)  # the contrary of the pledge's object: fighting for a truce
    subject_lo: int = -1  # where to look for the subject of a participle clause (", removing ..."): the clause before


def clauses(toks: list[Tok]) -> list[tuple[int, int]]:
    spans, lo = [], 0
    for k, t in enumerate(toks):
        cut = t.text in _w("boundary") or (t.text in _REL_PRONOUN and k and toks[k - 1].text == ",")
        cut = cut or (k and toks[k - 1].text == "," and (t.text == "and" or t.text.endswith("ing"))) \
            or (t.text == "and" and k + 1 < len(toks) and toks[k + 1].text == "that")
        if cut and k > lo:
            spans.append((lo, k))
            lo = k + 1 if t.text in (";", ":", "—", "–", "(", ")") else k
    spans.append((lo, len(toks)))
    return [s for s in spans if s[1] > s[0]]


def is_verb(toks: list[Tok], k: int, lex: Lexicon, lo: int) -> bool:
    """A verb reading of token k that a determiner or possessive does not turn into a noun ("the cut")."""
    if k > lo and (toks[k - 1].text in _w("determiners") or toks[k - 1].text[:1].isdigit()):
        return False  # "the cut", "110 deported Colombians": a noun or a participle before one
    if k > lo and toks[k - 1].text in ("lower", "higher", "tariff", "tax", "levy", "duty", "troop", "prisoner", "partial"):
        return False
    tags = {tag for lem, tag in lex.lemmas(toks[k].text) if lem in lex.verbs}
    if noun_after_opener(toks, k, lex, lo):
        return False  # "laying new concrete blocks": a noun after an opener and a modifier (round p38)
    if k > lo and _place_noun(toks, k, lo, tags, lex):
        return False  # "walked out of the jail", "held in Peruvian jails": a noun after a preposition
    if tags == {"ing"} and not (k > lo and toks[k - 1].text in ("is", "are", "was", "were", "been", "be", "being", "am")) \
            and not (k == lo and k > 0 and toks[k - 1].text == ","):
        return False  # "a partial reopening", "on carrying out": not the clause's verb
    return bool(tags & {"base", "s", "past", "ing"})


def noun_after_opener(toks: list[Tok], k: int, lex: Lexicon, lo: int) -> bool:
    """Token k, a plural or base verb form, is a noun: two words after a noun-phrase opener with a plain modifier
    between ("new granite blocks", "two steel frames"; ``pledges/nounphrase.yaml``). Round p38."""
    if k - 1 <= lo or toks[k - 2].text not in noun_openers()[1] or not toks[k - 1].text.isalpha():
        return False
    tags = {tag for lem, tag in lex.lemmas(toks[k].text) if lem in lex.verbs}
    return bool(tags) and tags <= {"s", "base"} and not any(lem in lex.verbs for lem, _t in lex.lemmas(toks[k - 1].text))


def _place_noun(toks: list[Tok], k: int, lo: int, tags: set[str], lex: Lexicon) -> bool:
    """Whether token k, a verb form, is a noun after a preposition: right after it ("in jails"), or after a capitalised
    modifier with no verb reading that follows one, when its only verb readings are the base or third person ("in
    Peruvian jails", "of Insein jail"; round p28). A past form there stays a verb ("officials in Lima released them")."""
    prev = toks[k - 1].text
    if prev in _w("noun_prepositions"):
        return True
    # (tokens are lower case: the modifier is a word with no verb reading, a name or an adjective of one)
    return (k - 1 > lo and toks[k - 2].text in _w("noun_prepositions") and bool(tags) and tags <= {"s", "base"}
            and prev.isalpha() and not any(lem in lex.verbs for lem, _t in lex.lemmas(prev)))


def verbal_only(word: str, lex: Lexicon) -> bool:
    """Only a verb form (no noun reading): "carrying", "begun"; "delay" and "progress" are nouns too."""
    readings = lex.lemmas(word)
    return all(lem in lex.verbs and tag in ("ing",) for lem, tag in readings)


def auxiliaries(toks: list[Tok], k: int, lo: int) -> list[str]:
    """The auxiliaries, negation and infinitive marker before token k ("has not yet been")."""
    out: list[str] = []
    j = k - 1
    while j >= lo and (toks[j].text in _w("aux") or toks[j].text in _w("adverbs") or toks[j].text in ("yet", "no", "longer")):
        out.append(toks[j].text)
        j -= 1
    return out[::-1]


def aspect(toks: list[Tok], k: int, lo: int, lex: Lexicon) -> dict[str, bool]:
    aux = auxiliaries(toks, k, lo)
    tags = {t for _l, t in lex.lemmas(toks[k].text)}
    before = " ".join(toks[j].text for j in range(max(lo, k - 6), k))
    neg = any(a in ("not", "n't", "never") for a in aux) or "yet to" in " ".join(aux) or "no longer" in " ".join(aux) \
        or bool(aux and _NO_SUBJECT.search(before))  # "no further fuel would be sent", "no coal has been delivered"
    future = any(a in ("will", "'ll", "wo", "would", "shall", "to", "could", "may", "might", "should", "must") for a in aux)
    refused = bool(re.search(r"\b(refus\w*|declin\w*|reject\w*|rul\w* out)\s+(to\s+)?$", before + " ")) and "to" in aux
    failed = bool(re.search(r"\b(fail\w*|struggl\w*)\s*$", " ".join(toks[j].text for j in range(max(lo, k - 3), k - 1))))
    be = any(a in ("is", "are", "was", "were", "been", "being", "be", "am") for a in aux)
    have = any(a in ("has", "have", "had") for a in aux)
    if (be or have) and toks[k].text in _w("same_participle"):
        tags.add("past")  # "would be put off", "has been set aside", "were cut": a participle spelled as the base
    perfect = have and "past" in tags
    passive = be and "past" in tags
    progressive = "ing" in tags and any(a in ("is", "are", "was", "were", "been") for a in aux)
    past = "past" in tags or (not aux and "base" in tags and "ing" not in tags)
    return {"neg": neg or failed, "future": future and not perfect, "refused": refused, "perfect": perfect,
            "passive": passive, "progressive": progressive, "past": past and not future, "ing": "ing" in tags}


def clause_subject(report: Report, toks: list[Tok], clause: Clause, k: int, lex: Lexicon) -> str | None:
    """The side doing the verb at token k of a clause; a participle clause takes the subject of the clause before."""
    found = subject_side(report, toks, clause.lo, k, lex)
    if found is None and clause.subject_lo >= 0:
        found = subject_side(report, toks, clause.subject_lo, clause.lo - 1, lex)
    return found


def agent_side(report: Report, toks: list[Tok], j: int, hi: int, lex: Lexicon) -> str | None:
    """Side of the by-agent after a passive verb ("was attacked by RSF fighters"), or None."""
    by = next((k for k in range(j, min(hi, j + 4)) if toks[k].text == "by"), None)
    if by is None:
        return None
    end = toks[min(hi, by + 5) - 1].end
    for s, _e, side in report.actors:
        if toks[by].end <= s <= end:
            return side
    iso = countries_in(report.text[toks[by].end:end], lex)
    return next(iter(iso)) if iso else None


def subject_side(report: Report, toks: list[Tok], lo: int, k: int, lex: Lexicon,
                 skip: frozenset[int] = frozenset()) -> str | None:
    """Side of the actor closest before token k within the clause (its likely subject): a resolved actor, or a
    country's name or adjective ("A Russian missile strike hit ..."); a dateline ("KHARKIV — ...") is no subject, nor
    a country word starting at a character offset in ``skip`` (the pledge's own place: round t62)."""
    start = toks[lo].start
    text = report.text
    best = None
    for s, e, side in report.actors:
        if start <= s < toks[k].start and (best is None or s > best[0]) and not text[e:e + 3].strip().startswith(("—", "–")) \
                and not for_whom(toks, s, lo):  # "a visa desk for Korean investors opened": not Korea (round t58)
            if side.startswith("?:") and best is not None and not best[1].startswith("?:") and not text[best[2]:s].strip():
                continue  # "the opposition New Patriotic Party": the placed word before an unplaced name says whose
            best = (s, side, e)
    for j in range(lo, k):
        if toks[j + 1].text in ("—", "–"):
            continue
        if toks[j].start in skip or any(s <= toks[j].start < e for s, e, _side in report.actors):
            continue  # the resolved actor's own name ("Brussels" is the EU, not Belgium)
        iso = countries_in(text[toks[j].start:toks[j].end], lex)
        if not iso or for_whom(toks, toks[j].start, lo):
            continue
        # a country word after the actor, or just before it ("a Russian missile": the adjective says whose)
        if best is None or toks[j].start > best[0] or text[toks[j].end:best[0]].strip() == "":
            best = (max(toks[j].start, best[0] if best else 0), next(iter(iso)), toks[j].end)
    return best[1] if best else None


def same_country(a: str, b: str) -> bool:
    """Sides of one country ("JPN", "JPN/BUS": its companies buy what its government promised); unplaced sides pass.
    ``a`` doing what the state ``b`` promised is not the same when ``a`` never acts for the state ("GHA/OPP" for
    "GHA": :func:`gaiko.tracking.sides.outside_state`; round p43)."""
    if a.startswith("?:") or b.startswith("?:"):
        return True
    if "/" not in b and outside_state(a):
        return False
    return a.split("/")[0] == b.split("/")[0]


def back_reference(toks: list[Tok], c: Clause) -> list[Hit]:
    """Act nouns of a clause that refer back to the pledge: a definite noun of the promised act in a clause naming no
    object ("the reduction fell short", "the next handover", "the expulsions would happen within days"). A noun with an
    object of its own ("the release of two fishermen", "the cut in fuel subsidies") is not one."""
    if c.objects:
        return []
    out = []
    for h in c.acts + c.partly:
        if h.role != "n":
            continue
        i = h.i - 1
        while i >= c.lo and toks[i].text in _w("noun_modifiers"):
            i -= 1
        if i < c.lo or toks[i].text not in _w("definite"):
            continue
        if h.j < c.hi and toks[h.j].text in ("of", "on", "in"):
            continue
        out.append(h)
    return out
