"""Reading one clause of a report against a pledge: the words that decide the relation.

Used by :mod:`gaiko.tracking.decide`, which picks the clauses. A clause is cut at ``;``, ``:``, dashes,
"but", "while", "after", "before", ", and", ", which" and a participle after a comma. Its verb is read for
tense and aspect (auxiliaries before it: "has been", "will", "is ...-ing"), negation ("not", "never", "has yet
to", "failed to"), refusal ("refused to") and modality (will, would, plans to); cue phrases come from
``gaiko/data/pledges/relations.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .lexicon import Lexicon
from .normalise import COUNTERPART_ACTS, Frame
from .quantities import best_quantity, find_quantities
from .text import Hit, Tok, analyse, countries_in, keys

__all__ = ["Report", "Decision", "Clause", "clauses", "read_clause", "subject_side", "is_verb", "back_reference"]

_BOUNDARY = frozenset({";", ":", "—", "–", "but", "while", "whereas", "although", "though", "however", "because", "until",
                       "if", "unless", "once", "provided",
                       "unless", "after", "before", "when", "whereupon", "(", ")"})
_REL_PRONOUN = frozenset({"which", "who", "where", "whom"})
#: a subject with "no" ("no further fuel", "no coal") right before the verb's auxiliaries
_NO_SUBJECT = re.compile(r"\bno\s+(?:[a-z-]+\s+){1,3}(?:will|would|shall|could|can|is|are|was|were|has|have|had)"
                         r"(?:\s+(?:be|been|being|yet|now|so|far))*$")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
                          "of", "any", "no", "such", "first", "further", "new", "planned", "promised", "proposed"})
_AUX = frozenset({"will", "'ll", "would", "shall", "has", "have", "had", "is", "are", "was", "were", "be", "been",
                  "being", "to", "not", "n't", "never", "did", "does", "do", "can", "could", "may", "might",
                  "should", "must", "get", "got"})
_ADVERBS = frozenset({"also", "already", "now", "finally", "still", "yet", "just", "formally", "officially", "fully",
                      "partly", "partially", "quietly", "largely", "effectively", "since", "again", "actually", "indeed",
                      "reportedly", "eventually", "gradually", "swiftly", "quickly", "duly", "successfully", "recently",
                      "then", "later", "initially", "first", "so", "far"})
_PARTIAL_WORDS = ("partly", "partially", "in part", "some of", "half of", "a third of", "a fraction of", "only",
                  "fewer than", "less than", "short of", "smaller", "scaled-back", "watered-down", "narrower", "first batch",
                  "first group", "first tranche")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MEASURED = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB", "%", "% of GDP", "tonnes", "barrels",
                       "bushels", "MW", "GW", "m3"})
_GROWING = frozenset({"a:increase", "a:buy", "a:fund", "a:deliver", "a:deploy", "a:release", "a:build", "a:admit",
                      "a:vaccinate", "a:hire", "a:sell", "a:repay", "a:restructure", "a:hand_back"})


@dataclass
class Report:
    """A sentence read as evidence. ``actors``: (start, end, side) of the actors the coder resolved in it
    (character offsets in ``text``); ``sides``: the sides named; ``context``: its article's context sides;
    ``events``: the coder's events in it (dicts with ``event_type``, ``negated``, ``intended``, ``date``)."""

    text: str
    published: str | None
    sides: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    actors: tuple[tuple[int, int, str], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    article_id: str = ""
    idx: int = -1


def sentence_memo(report: Report, lex: Lexicon) -> dict[Any, Any]:
    """A scratch dict on a report for what depends only on the report and the lexicon, not on the pledge it is read
    against (the ledger reads one sentence against many pledges, with one :class:`Report` per sentence)."""
    got = report.__dict__.get("_gaiko_memo")
    if got is None or got[0] is not lex:
        got = report.__dict__["_gaiko_memo"] = (lex, {})
    return got[1]


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
        cut = t.text in _BOUNDARY or (t.text in _REL_PRONOUN and k and toks[k - 1].text == ",")
        cut = cut or (k and toks[k - 1].text == "," and (t.text == "and" or t.text.endswith("ing"))) \
            or (t.text == "and" and k + 1 < len(toks) and toks[k + 1].text == "that")
        if cut and k > lo:
            spans.append((lo, k))
            lo = k + 1 if t.text in (";", ":", "—", "–", "(", ")") else k
    spans.append((lo, len(toks)))
    return [s for s in spans if s[1] > s[0]]


def is_verb(toks: list[Tok], k: int, lex: Lexicon, lo: int) -> bool:
    """A verb reading of token k that a determiner or possessive does not turn into a noun ("the cut")."""
    if k > lo and (toks[k - 1].text in _DETERMINERS or toks[k - 1].text[:1].isdigit()):
        return False  # "the cut", "110 deported Colombians": a noun or a participle before one
    if k > lo and toks[k - 1].text in ("lower", "higher", "tariff", "tax", "levy", "duty", "troop", "prisoner", "partial"):
        return False
    tags = {tag for lem, tag in lex.lemmas(toks[k].text) if lem in lex.verbs}
    if tags == {"ing"} and not (k > lo and toks[k - 1].text in ("is", "are", "was", "were", "been", "be", "being", "am")) \
            and not (k == lo and k > 0 and toks[k - 1].text == ","):
        return False  # "a partial reopening", "on carrying out": not the clause's verb
    return bool(tags & {"base", "s", "past", "ing"})


def _verbal(word: str, lex: Lexicon) -> bool:
    """Only a verb form (no noun reading): "carrying", "begun"; "delay" and "progress" are nouns too."""
    readings = lex.lemmas(word)
    return all(lem in lex.verbs and tag in ("ing",) for lem, tag in readings)


def _aux(toks: list[Tok], k: int, lo: int) -> list[str]:
    """The auxiliaries, negation and infinitive marker before token k ("has not yet been")."""
    out: list[str] = []
    j = k - 1
    while j >= lo and (toks[j].text in _AUX or toks[j].text in _ADVERBS or toks[j].text in ("yet", "no", "longer")):
        out.append(toks[j].text)
        j -= 1
    return out[::-1]


def _aspect(toks: list[Tok], k: int, lo: int, lex: Lexicon) -> dict[str, bool]:
    aux = _aux(toks, k, lo)
    tags = {t for _l, t in lex.lemmas(toks[k].text)}
    before = " ".join(toks[j].text for j in range(max(lo, k - 6), k))
    neg = any(a in ("not", "n't", "never") for a in aux) or "yet to" in " ".join(aux) or "no longer" in " ".join(aux) \
        or bool(aux and _NO_SUBJECT.search(before))  # "no further fuel would be sent", "no coal has been delivered"
    future = any(a in ("will", "'ll", "would", "shall", "to", "could", "may", "might", "should", "must") for a in aux)
    refused = bool(re.search(r"\b(refus\w*|declin\w*|reject\w*|rul\w* out)\s+(to\s+)?$", before + " ")) and "to" in aux
    failed = bool(re.search(r"\b(fail\w*|struggl\w*)\s*$", " ".join(toks[j].text for j in range(max(lo, k - 3), k - 1))))
    perfect = any(a in ("has", "have", "had") for a in aux) and "past" in tags
    passive = any(a in ("is", "are", "was", "were", "been", "being", "be") for a in aux) and "past" in tags
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


def subject_side(report: Report, toks: list[Tok], lo: int, k: int, lex: Lexicon) -> str | None:
    """Side of the actor closest before token k within the clause (its likely subject): a resolved actor, or a
    country's name or adjective ("A Russian missile strike hit ..."); a dateline ("KHARKIV — ...") is no subject."""
    start = toks[lo].start
    text = report.text
    best = None
    for s, e, side in report.actors:
        if start <= s < toks[k].start and (best is None or s > best[0]) and not text[e:e + 3].strip().startswith(("—", "–")):
            best = (s, side)
    for j in range(lo, k):
        if toks[j + 1].text in ("—", "–"):
            continue
        if any(s <= toks[j].start < e for s, e, _side in report.actors):
            continue  # the resolved actor's own name ("Brussels" is the EU, not Belgium)
        iso = countries_in(text[toks[j].start:toks[j].end], lex)
        if not iso:
            continue
        # a country word after the actor, or just before it ("a Russian missile": the adjective says whose)
        if best is None or toks[j].start > best[0] or text[toks[j].end:best[0]].strip() == "":
            best = (max(toks[j].start, best[0] if best else 0), next(iter(iso)))
    return best[1] if best else None


def _same_country(a: str, b: str) -> bool:
    """Sides of one country ("JPN", "JPN/BUS": its companies buy what its government promised); unplaced sides pass."""
    return a.startswith("?:") or b.startswith("?:") or a.split("/")[0] == b.split("/")[0]


def _late(frame: Frame, report: Report) -> bool:
    return bool(frame.deadline_end and report.published and report.published[:10] > frame.deadline_end)


_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FRACTION = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|\d+) of (?:the|its|their|all) "
                       r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)
_FIRST = re.compile(r"\b(?:first|initial) (?:of the|batch|group|tranche|shipment|cargo|consignment|instalment|"
                    r"installment|delivery|deliveries|phase|wave|part|round)\b", re.I)


def _num(word: str) -> float:
    return float(_NUMS.get(word.lower(), 0)) if not word.isdigit() else float(word)


@lru_cache(maxsize=20_000)
def _quantities(text: str) -> tuple[tuple[int, int, Any], ...]:
    """:func:`find_quantities` of a clause, cached (read only here: a clause is read against many pledges)."""
    return tuple(find_quantities(text))


@lru_cache(maxsize=20_000)
def _best_quantity(text: str) -> Any:
    return best_quantity(text)


def _quantity_relation(frame: Frame, text: str, lex: Lexicon | None = None) -> str | None:
    """``partial`` when the clause reports less of the pledge's quantity, ``fulfils`` when as much: the same unit, or
    for counted things, a count of the pledge's object ("10 coal plants" ... "four coal-fired stations")."""
    m = _FRACTION.search(text)  # "just one of the two extra batteries"
    if m and _num(m.group(1)) < _num(m.group(2)):
        return "partial"
    q = frame.quantity
    if not q or not q.get("unit") or q.get("value") is None:
        return None
    best = _best_quantity(text)
    found = [best] if best is not None and best.unit == q["unit"] else [x for _s, _e, x in _quantities(text) if x.unit == q["unit"]]
    if not found and lex is not None and q["unit"] not in _MEASURED:
        found = [x for _s, _e, x in _quantities(text)
                 if x.unit not in _MEASURED and keys(x.text, lex, acts=False) & frame.objects]
    if not found or found[0].value is None:
        return None
    got, want = float(found[0].value), float(q["value"])
    if "a:reduce" in frame.acts and not frame.acts & _GROWING:
        return "partial" if got > want * 1.05 else "fulfils"
    return "partial" if got < want * 0.95 else "fulfils"


def _cue_in(spans: tuple[tuple[int, int, str, str], ...], lo: int, hi: int, rel: str) -> tuple[int, int, str] | None:
    """The first cue of a relation inside the clause [lo, hi) (the longest phrase where several start together)."""
    best = None
    for i, j, r, words in spans:
        if r == rel and lo <= i and j <= hi and (best is None or i < best[0] or (i == best[0] and j > best[1])):
            best = (i, j, words)
    return best


def _negated_span(toks: list[Tok], lo: int, i: int) -> bool:
    window = " ".join(t.text for t in toks[max(lo, i - 4):i])
    return bool(re.search(r"\b(not|n't|never|no|yet to|no longer)\b", window))


def _governing_cue(cues: dict[str, tuple[int, int, str] | None], k: int) -> tuple[str, str] | None:
    """A cue verb just before an infinitive act ("shelved plans to cut", "refused to lift", "has yet to cut")."""
    for rel in ("withdraws", "reverses", "stalls", "progresses"):
        c = cues.get(rel)
        if c is not None and c[0] < k and k - c[1] <= 5:
            return rel, c[2]
    return None


def _about_plan(toks: list[Tok], i: int, hi: int, lex: Lexicon, clause: Clause, j: int | None = None) -> bool:
    """A withdrawal cue [i, j) counts when it governs the plan ("shelved the plan"), the act ("postponed the cut") or
    the object, not something else in the clause (the words after a cue of several words count from its end: "put on
    ice the arrangement that would have let ...")."""
    end = max(i, (j or i + 1) - 1)
    window = {lem for t in toks[max(clause.lo, i - 6):min(hi, end + 8)] for lem, _t in lex.lemmas(t.text)}
    if window & lex.plan_nouns:
        return True
    return any(i - 6 <= h.i <= end + 8 for h in clause.acts + clause.objects)  # "the tariff order would be held in reserve"


def _partial_words(text: str) -> bool:
    low = f" {text.lower()} "
    return any(f" {w} " in low for w in _PARTIAL_WORDS)


_SHORT = re.compile(r"\b(short of|fell short|falls short|fall short|only|just|fewer than|less than|well below|below the|"
                    r"instead of|rather than|a fraction of|far from)\b", re.I)


def _less(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    """Less than the promised quantity: a step on the way while the term runs (adding up: "350,000 of 500,000 tonnes so
    far"), a compromise once it is over or when the report says it falls short."""
    # (any act but a reduction: a smaller cut than promised is a compromise, however early)
    growing = bool(frame.acts & _GROWING) or "a:reduce" not in frame.acts
    if growing and not _late(frame, report) and not _SHORT.search(clause):
        return Decision("progresses", cue=word, note="part of the promised quantity so far", features=feats)
    return Decision("partial", cue=word, note="less than promised", features=feats)


def _sentence_quantity(frame: Frame, report: Report, clause: str, lex: Lexicon) -> str | None:
    """:func:`_quantity_relation` of the clause, or when it names no quantity, of a lesser one the sentence names ("coal
    reached the plants in April, and about 90,000 tonnes have arrived so far")."""
    q = _quantity_relation(frame, clause, lex)
    if q is None and clause != report.text and _quantity_relation(frame, report.text, lex) == "partial":
        return "partial"
    return q


def _done(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float], lex: Lexicon,
          note: str | None = None) -> Decision:
    q = _sentence_quantity(frame, report, clause, lex)
    feats["quantity_less"] = float(q == "partial")
    if q == "partial" or (q is None and _FIRST.search(clause)):
        return _less(frame, report, clause, word, feats)
    if _partial_words(clause):
        return Decision("partial", cue=word, note="done in part", features=feats)
    return Decision("fulfils", cue=word, note=note, features=feats)


#: words before a noun that a one-word cue may modify ("the exit permits")
_BEFORE_MODIFIER = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                              "new", "more", "no", "any", "some", "all"})
_NOT_UNTIL = re.compile(r"\b(until|till|before|yet|for now|for the time being)\b", re.I)


def _past_month(phrase: str, end: str, published: str | None) -> bool:
    """A month named without its year ("in July") whose next occurrence is more than half a year after the report: the
    nearer one, already past, is meant ("halted the trains in July"), not a new deadline."""
    if re.search(r"\d{4}", phrase) or not published or not re.search(
            r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", phrase, re.I):
        return False
    import datetime as _dt

    try:
        return (_dt.date.fromisoformat(end[:10]) - _dt.date.fromisoformat(published[:10])).days > 183
    except ValueError:
        return False


def _restate_or_revise(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    from .deadlines import normalise_deadline

    for m in re.finditer(r"\b(by|until|before|in|within|from)\s+((?:the\s+)?(?:end\s+of\s+)?[\w-]+(?:\s+\d{4})?)", clause):
        d = normalise_deadline(m.group(0), report.published)
        if d is not None and d.end and _past_month(m.group(0), d.end, report.published):
            continue
        if d is not None and d.end and frame.deadline_end and d.end != frame.deadline_end:
            if frame.kind == "demand" and d.end > frame.deadline_end:  # the party asked offers a later date: met in part
                return Decision("partial", cue=m.group(0), note=f"later than demanded ({d.end})", features=feats)
            return Decision("revises", cue=m.group(0), note=f"deadline now {d.end} (was {frame.deadline_end})", features=feats)
    q = frame.quantity
    if q and q.get("unit"):
        got = [x for _s, _e, x in _quantities(clause) if x.unit == q["unit"] and x.value is not None]
        if got and abs(float(got[0].value or 0) - float(q.get("value") or 0)) > 0.05 * max(float(q.get("value") or 0), 1e-9):
            return Decision("revises", cue=got[0].text, note=f"quantity now {got[0].text} (was {q.get('text')})", features=feats)
    return Decision("restates", cue=word, features=feats)




_STOPPED = re.compile(r"\b(stopp?ed|ended|halted|ceased|subsided|eased|died down|fell silent|was quiet|were quiet|"
                      r"has been quiet|have been quiet|is quiet|are quiet|remained quiet|stayed quiet|calm returned|"
                      r"calm has returned|no longer)\b", re.I)
#: acts whose contrary, done by the pledger, drops the pledge rather than breaking it (a threat called off)
_COERCIVE = frozenset({"a:impose", "a:attack", "a:sanction", "a:ban", "a:detain", "a:deport", "a:withhold"})
_MODALS = frozenset({"will", "'ll", "would", "shall"})
_FUTURE_AUX = ("will", "'ll", "would", "could", "may", "might", "should", "to", "shall")


def _subject_at(report: Report, toks: list[Tok], lo: int, subject_lo: int, k: int, lex: Lexicon) -> str | None:
    """:func:`clause_subject` of a clause [lo, ...) whose participle subject starts at ``subject_lo``."""
    found = subject_side(report, toks, lo, k, lex)
    if found is None and subject_lo >= 0:
        found = subject_side(report, toks, subject_lo, lo - 1, lex)
    return found


_MISSING = object()


def _memo_call(memo: dict[Any, Any], fn: Any, *args: Any) -> Any:
    """``fn(*args)`` remembered in a report's :func:`sentence_memo` (for functions of the sentence alone: their
    arguments besides the sentence, its tokens and the lexicon are positions)."""
    key = (fn, *(a for a in args if type(a) is int))
    got = memo.get(key, _MISSING)
    if got is _MISSING:
        got = memo[key] = fn(*args)
    return got


def _clause_reading(toks: list[Tok], clause: Clause, lex: Lexicon,
                    memo: dict[Any, Any]) -> tuple[bool, list[Hit], list[Hit], float]:
    """(whether the clause is read by the contrary of the object, the act verbs in order, the contrary act verbs,
    whether an act is named by a noun or adjective) of a clause, which depend on it alone."""
    lo = clause.lo
    contrary_read = bool(clause.contrary) and (not clause.objects or not any(
        h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo) for h in clause.acts + clause.opposite))
    verb_acts = [h for h in clause.acts + clause.partly
                 if h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo)]
    verb_acts.sort(key=lambda h: h.i)
    verb_opp = [h for h in clause.opposite if h.role == "v" and _memo_call(memo, is_verb, toks, h.i, lex, lo)]
    return contrary_read, verb_acts, verb_opp, float(any(h.role in ("n", "a") for h in clause.acts))


#: words between a definite determiner and the act noun it names ("the next handover", "its promised cut")
_NOUN_MODIFIERS = frozenset({"next", "planned", "promised", "proposed", "pledged", "announced", "agreed", "latest",
                             "second", "third", "final", "last", "full", "first", "expected", "long-awaited", "new",
                             "scheduled", "delayed", "postponed", "whole", "entire", "same", "formal", "official"})
_DEFINITE = frozenset({"the", "its", "their", "this", "these", "those", "his", "her", "our"})


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
        while i >= c.lo and toks[i].text in _NOUN_MODIFIERS:
            i -= 1
        if i < c.lo or toks[i].text not in _DEFINITE:
            continue
        if h.j < c.hi and toks[h.j].text in ("of", "on", "in"):
            continue
        out.append(h)
    return out


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
            sp[1] == sp[0] + 1 and sp[1] in starts and (sp[0] == 0 or toks_all[sp[0] - 1].text in _BEFORE_MODIFIER)))
        cues_of = {rel: _cue_in(spans, lo, hi, rel) for rel in lex.cues}
        got = memo[("cues", lo, hi)] = (_cue_in(spans, lo, hi, "hedge"), cues_of,
                                         {f"cue_{rel}": float(c is not None) for rel, c in cues_of.items()})
    hedge, cues, cue_feats = got
    if hedge:
        return Decision("unclear", cue=hedge[2], note="the report leaves it open", features=feats)
    pre = memo.get(("read", id(clause)))
    if pre is None or pre[0] is not clause:  # what the clause alone gives (a clause is shared by pledges alike)
        pre = memo[("read", id(clause))] = (clause, *_clause_reading(toks, clause, lex, memo))
    _c, contrary_read, verb_acts, verb_opp, act_noun = pre
    if contrary_read:  # "no artillery fire was reported" / "shelling resumed"
        h = clause.contrary[0]
        word = " ".join(t.text for t in toks[h.i:h.j])
        if _negated_span(toks, lo, h.i) or _STOPPED.search(text):
            return Decision("fulfils", cue=f"no {word}", note="its contrary has stopped", features=feats)
        if any(a in _FUTURE_AUX for a in _aux(toks, h.i, lo)) or any(t.text in _FUTURE_AUX for t in toks[lo:h.i]):
            return Decision("needs_review", note="its contrary foreseen, not reported", features=feats)
        return Decision("reverses", cue=word, note="its contrary reported", features=feats)
    feats.update(cue_feats)
    feats["act_verb"], feats["opposite_verb"] = float(bool(verb_acts)), float(bool(verb_opp))
    feats["act_noun"] = act_noun
    # 3. the act itself, read by its verb
    if verb_acts:
        h = verb_acts[0]
        asp = _memo_call(memo, _aspect, toks, h.i, lo, lex)
        for k, v in asp.items():
            feats[f"act_{k}"] = float(v)
        subject = None if frame.acts & COUNTERPART_ACTS else _memo_call(
            memo, _subject_at, report, toks, clause.lo, clause.subject_lo, h.i, lex)
        if subject and frame.doer and not _same_country(subject, frame.doer) and placed and not asp["passive"]:
            return Decision("unrelated", note=f"{subject} does the act, not the pledge's actor", features=feats)
        word = " ".join(t.text for t in toks[h.i:h.j])
        if asp["refused"]:
            return Decision("reverses", cue=f"refused to {word}", features=feats)
        if asp["neg"] and asp["future"] and not _NOT_UNTIL.search(report.text[toks[h.i].start:]):
            # "said it would not supply more coal": the pledger refuses it from now on
            return Decision("reverses", cue=f"will not {' '.join(t.text for t in toks[h.i:h.j])}",
                            note="refused from now on", features=feats)
        if asp["neg"]:
            rel = "reverses" if _late(frame, report) else "stalls"
            return Decision(rel, cue=f"not {word}", note="after the deadline" if rel == "reverses" else None, features=feats)
        if asp["future"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
            return _restate_or_revise(frame, report, text, word, feats)
        if asp["progressive"]:
            return Decision("progresses", cue=word, features=feats)
        if asp["ing"] and not asp["past"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
        if h in clause.partly:
            return Decision("partial", cue=word, note="part of the promised act", features=feats)
        return _done(frame, report, text, word, feats, lex)
    if verb_opp and (not frame.narrow or not clause.objects or any(h.concept in frame.narrow for h in clause.objects)):
        h = verb_opp[0]  # (a contrary act on a broader object, "people sent back", is not enough)
        asp = _memo_call(memo, _aspect, toks, h.i, lo, lex)
        subject = (_memo_call(memo, agent_side, report, toks, h.j, hi, lex) if asp["passive"]
                   else _memo_call(memo, _subject_at, report, toks, clause.lo, clause.subject_lo, h.i, lex))
        # ("was attacked by RSF fighters")
        word = " ".join(t.text for t in toks[h.i:h.j])
        if subject and frame.doer and not _same_country(subject, frame.doer) and placed:
            return Decision("unrelated", note=f"{subject} does the contrary act", features=feats)
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
        if rel == "withdraws" and not _about_plan(toks, i, hi, lex, clause, _j):
            continue
        if rel in ("fulfils", "progresses", "reverses") and (
                any(a in _FUTURE_AUX for a in _aux(toks, i, lo))
                or any(t.text in _MODALS for t in toks[max(lo, i - 4):i])  # "would be given land": a noun, in the future
                or (not _memo_call(memo, is_verb, toks, i, lex, lo) and _verbal(toks[i].text, lex))):
            continue  # "will hold", "to carry out", "on carrying out": nothing done yet (announcing a withdrawal is one)
        subject = _memo_call(memo, _subject_at, report, toks, clause.lo, clause.subject_lo, i, lex)
        if subject and frame.doer and not _same_country(subject, frame.doer) and subject not in frame.related and \
                placed and rel != "stalls":
            return Decision("unrelated", note=f"{subject} is the one acting", features=feats)
        if _negated_span(toks, lo, i) and rel in ("fulfils", "progresses"):
            return Decision("reverses" if _late(frame, report) else "stalls", cue=f"not {words}", features=feats)
        if rel == "fulfils":
            q = _sentence_quantity(frame, report, text, lex)
            if q == "partial" or (q is None and _FIRST.search(text)):
                return _less(frame, report, text, words, feats)
            if _partial_words(text):
                return Decision("partial", cue=words, note="done in part", features=feats)
        return Decision(rel, cue=words, features=feats)
    # 5. reactions to the done act, and the act named as a done thing
    near = {k for h in clause.objects for k in range(h.i - 3, h.j + 3)}
    nominal = [h for h in clause.acts if (h.role == "a" and h.j <= min((o.i for o in clause.objects), default=h.j) + 1)
               or (h.role == "n" and h.i in near)] or back_reference(toks, clause)
    future = any(t.text in _FUTURE_AUX for t in toks[lo:hi])
    modal = any(t.text in _MODALS for t in toks[lo:hi])
    if nominal and not future:
        reaction = any(lem in lex.reaction for t in toks[lo:hi] for lem, tag in lex.lemmas(t.text) if tag in ("past", "s"))
        feats["reaction"] = float(reaction)
        if re.search(r"\b(?:fell|falls|fall|falling) short\b", text):  # "the reduction fell short of the rate discussed"
            word = " ".join(t.text for t in toks[nominal[0].i:nominal[0].j])
            return Decision("partial", cue=f"{word} fell short", note="less than promised", features=feats)
        if reaction or any(h.role == "a" for h in nominal):
            word = " ".join(t.text for t in toks[nominal[0].i:nominal[0].j])
            return _done(frame, report, text, word, feats, lex, note="the act reported as done")
    named = [h for h in clause.objects if h.concept in frame.heads or h.concept in frame.narrow]
    # a state that is the contrary of fighting, reported as it is ("the front has been quiet", "calm returned")
    calm = [h for h in clause.objects if h.concept in lex.opposite_objects]
    if calm and not future and _STOPPED.search(text) and not _negated_span(toks, lo, calm[0].i):
        return Decision("fulfils", cue=_STOPPED.search(text).group(0), note="the calm it promised reported", features=feats)
    if modal and (nominal or named) and not any(t.text == "if" for t in toks[lo:hi]):
        word = " ".join(t.text for t in toks[(nominal or named)[0].i:(nominal or named)[0].j])
        return _restate_or_revise(frame, report, text, word, feats)  # "the vote would take place in February 2026"
    # the promised quantity itself, reported as a fact ("American products now face a 125% levy")
    q = frame.quantity
    if q and q.get("value") is not None and q.get("unit") in _MEASURED and clause.objects \
            and not any(a in _FUTURE_AUX for a in (t.text for t in toks[lo:hi])):
        rel = _quantity_relation(frame, text, lex)
        if rel == "fulfils":
            return Decision("fulfils", cue=q.get("text"), note="the promised quantity reported in place", features=feats)
        if rel == "partial":
            return _less(frame, report, text, str(q.get("text")), feats)
    return Decision("needs_review", note="about the pledge, no relation read", features=feats)
