"""Decide: what a later report says about a pledge it was linked to.

:func:`decide` reads one sentence against one pledge frame and returns a :class:`Decision`: one of
``fulfils``, ``partial``, ``progresses``, ``reverses``, ``withdraws``, ``restates``, ``revises``,
``stalls``, ``unrelated``, or ``needs_review`` when the sentence is about the pledge but says nothing
the rules can read (kept with the pledge as a candidate, never guessed).

The steps, each a rule a reader can check (docs/pledges.md has the table):

1. **Who.** A sentence that names sides, none of them the pledge's doer or the other party, is
   unrelated; one that names no side belongs to its article's context sides.
2. **What.** The clause holding the pledge's object (its concept: "levy" ~ "duty") is read; without
   the object (or, for a pledge without one, its act) the sentence is unrelated. An object of the same
   category but not the pledge's ("steel" for a "rice" pledge) makes it unrelated; so does an
   explicit year before the pledge, and a clause whose own subject is another side doing the act.
3. **The act itself** ("cut", "the lower duty", "walked free"), read by its tense, aspect, negation
   and modality: done -> fulfils (partial when a smaller quantity of the same unit is reported, or the
   act came after the deadline), under way -> progresses, negated -> stalls (reverses once the deadline
   has passed, or when refused), announced again -> restates (revises with a new deadline or quantity).
   The opposite act ("raised" for "cut") -> reverses.
4. **Cue verbs** of the clause (``gaiko/data/pledges/relations.yaml``) when the act is not its verb:
   withdraws ("shelved the plan"), reverses ("refused", "collapsed"), stalls ("stalled", "has yet to"),
   revises ("pushed back to June"), restates ("reiterated"), fulfils ("came into force", "has held"),
   progresses ("approved", "began").
5. **Reactions** to the done act ("Washington welcomed the lower duty") -> fulfils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, lexicon
from .normalise import COUNTERPART_ACTS, Frame
from .quantities import best_quantity, find_quantities
from .text import OBJECT, Hit, Tok, countries_in, find, hits, keys, stem, tokenize

__all__ = ["Report", "Decision", "decide", "judge", "DECISIONS"]

DECISIONS = ("fulfils", "partial", "progresses", "reverses", "withdraws", "restates", "revises", "stalls", "unrelated",
             "unclear", "needs_review")
_BOUNDARY = frozenset({";", ":", "—", "–", "but", "while", "whereas", "although", "though", "however", "because",
                       "unless", "after", "before", "when", "whereupon", "(", ")"})
_REL_PRONOUN = frozenset({"which", "who", "where", "whom"})
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


@dataclass
class Decision:
    relation: str
    cue: str | None = None
    note: str | None = None
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class _Clause:
    lo: int
    hi: int
    objects: list[Hit]
    acts: list[Hit]
    opposite: list[Hit]


def _clauses(toks: list[Tok]) -> list[tuple[int, int]]:
    spans, lo = [], 0
    for k, t in enumerate(toks):
        cut = t.text in _BOUNDARY or (t.text in _REL_PRONOUN and k and toks[k - 1].text == ",")
        cut = cut or (k and toks[k - 1].text == "," and (t.text == "and" or t.text.endswith("ing")))
        if cut and k > lo:
            spans.append((lo, k))
            lo = k + 1 if t.text in (";", ":", "—", "–", "(", ")") else k
    spans.append((lo, len(toks)))
    return [s for s in spans if s[1] > s[0]]


def _is_verb(toks: list[Tok], k: int, lex: Lexicon, lo: int) -> bool:
    """A verb reading of token k that a determiner or possessive does not turn into a noun ("the cut")."""
    if k > lo and toks[k - 1].text in _DETERMINERS:
        return False
    if k > lo and toks[k - 1].text in ("lower", "higher", "tariff", "tax", "levy", "duty", "troop", "prisoner", "partial"):
        return False
    tags = {tag for lem, tag in lex.lemmas(toks[k].text) if lem in lex.verbs}
    if tags == {"ing"} and not (k > lo and toks[k - 1].text in ("is", "are", "was", "were", "been", "be", "being", "am")):
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
    neg = any(a in ("not", "n't", "never") for a in aux) or "yet to" in " ".join(aux) or "no longer" in " ".join(aux)
    future = any(a in ("will", "'ll", "would", "shall", "to", "could", "may", "might", "should", "must") for a in aux)
    refused = bool(re.search(r"\b(refus\w*|declin\w*|reject\w*|rul\w* out)\s+(to\s+)?$", before + " ")) and "to" in aux
    failed = bool(re.search(r"\b(fail\w*|struggl\w*)\s*$", " ".join(toks[j].text for j in range(max(lo, k - 3), k - 1))))
    perfect = any(a in ("has", "have", "had") for a in aux) and "past" in tags
    passive = any(a in ("is", "are", "was", "were", "been", "being", "be") for a in aux) and "past" in tags
    progressive = "ing" in tags and any(a in ("is", "are", "was", "were", "been") for a in aux)
    past = "past" in tags or (not aux and "base" in tags and "ing" not in tags)
    return {"neg": neg or failed, "future": future and not perfect, "refused": refused, "perfect": perfect,
            "passive": passive, "progressive": progressive, "past": past and not future, "ing": "ing" in tags}


def _subject_side(report: Report, toks: list[Tok], lo: int, k: int, lex: Lexicon) -> str | None:
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
        iso = countries_in(text[toks[j].start:toks[j].end], lex)
        if not iso:
            continue
        # a country word after the actor, or just before it ("a Russian missile": the adjective says whose)
        if best is None or toks[j].start > best[0] or text[toks[j].end:best[0]].strip() == "":
            best = (max(toks[j].start, best[0] if best else 0), next(iter(iso)))
    return best[1] if best else None


def _late(frame: Frame, report: Report) -> bool:
    return bool(frame.deadline_end and report.published and report.published[:10] > frame.deadline_end)


def _quantity_relation(frame: Frame, text: str, lex: Lexicon | None = None) -> str | None:
    """``partial`` when the clause reports less of the pledge's quantity, ``fulfils`` when as much: the same unit, or
    for counted things, a count of the pledge's object ("10 coal plants" ... "four coal-fired stations")."""
    q = frame.quantity
    if not q or not q.get("unit") or q.get("value") is None:
        return None
    best = best_quantity(text)
    found = [best] if best is not None and best.unit == q["unit"] else [x for _s, _e, x in find_quantities(text) if x.unit == q["unit"]]
    if not found and lex is not None and q["unit"] not in _MEASURED:
        found = [x for _s, _e, x in find_quantities(text)
                 if x.unit not in _MEASURED and keys(x.text, lex, acts=False) & frame.objects]
    if not found or found[0].value is None:
        return None
    got, want = float(found[0].value), float(q["value"])
    if "a:reduce" in frame.acts and not frame.acts & _GROWING:
        return "partial" if got > want * 1.05 else "fulfils"
    return "partial" if got < want * 0.95 else "fulfils"


def _cue_in(toks: list[Tok], lo: int, hi: int, rel: str, lex: Lexicon) -> tuple[int, int, str] | None:
    for pat in lex.cues.get(rel, ()):
        spans = find(toks, pat, lex, lo, hi)
        if spans:
            i, j = spans[0]
            return i, j, " ".join(t.text for t in toks[i:j])
    return None


def _negated_span(toks: list[Tok], lo: int, i: int) -> bool:
    window = " ".join(t.text for t in toks[max(lo, i - 4):i])
    return bool(re.search(r"\b(not|n't|never|no|yet to|no longer)\b", window))


def decide(frame: Frame, report: Report, lex: Lexicon | None = None) -> Decision:
    """The relation of ``report`` to the pledge ``frame`` (see the module doc for the rules)."""
    lex = lex or lexicon()
    toks = tokenize(report.text)
    found = hits(toks, lex)
    feats: dict[str, float] = {}
    # 1. who
    sides = {x for x in report.sides if not x.startswith("?:")}
    placed = bool(frame.doer) and not frame.doer.startswith("?:")
    doer_named = frame.doer in sides if frame.doer else False
    other_named = bool(sides & frame.related)
    feats["doer_named"], feats["other_named"] = float(doer_named), float(other_named)
    if placed and sides and not doer_named and not other_named:
        return Decision("unrelated", note="names other actors only", features=feats)
    if placed and not sides and report.context and not ({frame.doer} | frame.related) & report.context:
        return Decision("unrelated", note="names no actor, and its article is about others", features=feats)
    # 2. what: the clause holding the object
    opposite = {x for a in frame.acts for x in lex.opposite.get(a, ())}
    acts = set(frame.acts) | {x for a in frame.acts for x in lex.also.get(a, ())}
    stems_wanted = {k for k in frame.objects if ":" not in k}
    clauses: list[_Clause] = []
    for lo, hi in _clauses(toks):
        inside = [h for h in found if lo <= h.i < hi]
        objs = [h for h in inside if h.concept in frame.objects]
        objs += [Hit(k, k + 1, stem(toks[k].text), "n", "base") for k in range(lo, hi) if stem(toks[k].text) in stems_wanted]
        clauses.append(_Clause(lo, hi, objs, [h for h in inside if h.concept in acts], [h for h in inside if h.concept in opposite]))
    if frame.objects:
        best = max(clauses, key=lambda c: (len({h.concept for h in c.objects}), len(c.acts) + len(c.opposite), -c.lo))
        if not best.objects:
            return Decision("unrelated", note="does not mention the pledge's object", features=feats)
    else:
        best = max(clauses, key=lambda c: (len(c.acts), -c.lo))
        if not best.acts:
            return Decision("unrelated", note="does not mention the pledge's act", features=feats)
    lo, hi = best.lo, best.hi
    clause_text = report.text[toks[lo].start:toks[hi - 1].end]
    if frame.heads and not {h.concept for h in best.objects} & frame.heads:
        return Decision("unrelated", note="does not name the pledge's object itself", features=feats)
    named = {h.concept for h in best.objects}
    if frame.heads and not any(":" in k for k in frame.heads) and len(frame.objects) >= 2 and len(named) < 2:
        return Decision("unrelated", note="names the object's noun, not the pledge's object", features=feats)
    if frame.participants:
        named = {s.split("/")[0] for s in report.sides} | countries_in(report.text, lex)
        if not frame.participants <= named:
            return Decision("unrelated", note="not with the pledge's counterparts", features=feats)
    feats["objects"] = float(len({h.concept for h in best.objects}))
    feats["object_share"] = feats["objects"] / max(1, len({k for k in frame.objects if not k.startswith("e:")}))
    # an object of the same category that is not the pledge's: "steel tariff" for a "rice tariff" pledge
    mine = {lex.category[o] for o in frame.objects if o in lex.category}
    rivals = [h for h in found if lo <= h.i < hi and h.concept.startswith(OBJECT) and lex.category.get(h.concept) in mine
              and h.concept not in frame.objects]
    if rivals and not any(lex.category.get(h.concept) for h in best.objects):
        return Decision("unrelated", note=f"about {toks[rivals[0].i].text}, not the pledge's object", features=feats)
    years = [int(y) for y in _YEAR.findall(clause_text)]
    if years and frame.first_published and max(years) < int(frame.first_published[:4]):
        return Decision("unrelated", note=f"an event of {max(years)}, before the pledge", features=feats)
    hedge = next((p for p in lex.hedges if find(toks, p, lex, lo, hi)), None)
    if hedge:
        return Decision("unclear", cue=" ".join(hedge), note="the report leaves it open", features=feats)
    # 3. the act itself, read by its verb
    verb_acts = [h for h in best.acts if h.role == "v" and _is_verb(toks, h.i, lex, lo)]
    verb_opp = [h for h in best.opposite if h.role == "v" and _is_verb(toks, h.i, lex, lo)]
    cues = {rel: _cue_in(toks, lo, hi, rel, lex) for rel in lex.cues}
    for rel, c in cues.items():
        feats[f"cue_{rel}"] = float(c is not None)
    feats["act_verb"], feats["opposite_verb"] = float(bool(verb_acts)), float(bool(verb_opp))
    feats["act_noun"] = float(any(h.role in ("n", "a") for h in best.acts))
    if verb_acts:
        h = verb_acts[0]
        asp = _aspect(toks, h.i, lo, lex)
        for k, v in asp.items():
            feats[f"act_{k}"] = float(v)
        subject = None if frame.acts & COUNTERPART_ACTS else _subject_side(report, toks, lo, h.i, lex)
        if subject and frame.doer and subject != frame.doer and not subject.startswith("?:") and placed \
                and not asp["passive"]:
            return Decision("unrelated", note=f"{subject} does the act, not the pledge's actor", features=feats)
        word = " ".join(t.text for t in toks[h.i:h.j])
        if asp["refused"]:
            return Decision("reverses", cue=f"refused to {word}", features=feats)
        if asp["neg"]:
            rel = "reverses" if _late(frame, report) else "stalls"
            return Decision(rel, cue=f"not {word}", note="after the deadline" if rel == "reverses" else None, features=feats)
        if asp["future"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
            return _restate_or_revise(frame, report, clause_text, word, feats)
        if asp["progressive"]:
            return Decision("progresses", cue=word, features=feats)
        if asp["ing"] and not asp["past"]:
            head = _governing_cue(cues, h.i)
            if head:
                return Decision(head[0], cue=head[1], features=feats)
        return _done(frame, report, clause_text, word, feats)
    if verb_opp:
        h = verb_opp[0]
        asp = _aspect(toks, h.i, lo, lex)
        subject = _subject_side(report, toks, lo, h.i, lex)
        word = " ".join(t.text for t in toks[h.i:h.j])
        if subject and frame.doer and subject != frame.doer and not subject.startswith("?:") and placed:
            return Decision("unrelated", note=f"{subject} does the contrary act", features=feats)
        if not asp["neg"]:
            return Decision("reverses", cue=word, note="the contrary act", features=feats)
    # 4. cue verbs of the clause (a cue in the future or conditional says nothing done)
    for rel in ("withdraws", "reverses", "stalls", "revises", "restates", "progresses", "fulfils"):
        c = cues.get(rel)
        if c is None:
            continue
        i, _j, words = c
        if rel == "withdraws" and not _about_plan(toks, i, hi, lex, best):
            continue
        if rel in ("fulfils", "progresses", "reverses", "withdraws") and (any(
                a in ("will", "'ll", "would", "could", "may", "might", "should", "to", "shall") for a in _aux(toks, i, lo))
                or (not _is_verb(toks, i, lex, lo) and _verbal(toks[i].text, lex))):
            continue  # "will hold", "to carry out", "on carrying out": nothing done yet
        if _negated_span(toks, lo, i) and rel in ("fulfils", "progresses"):
            return Decision("reverses" if _late(frame, report) else "stalls", cue=f"not {words}", features=feats)
        if rel == "fulfils":
            q = _quantity_relation(frame, clause_text, lex)
            if q == "partial" or _partial_words(clause_text):
                return Decision("partial", cue=words, note="less than promised", features=feats)
        return Decision(rel, cue=words, features=feats)
    # 5. reactions to the done act, and the act named as a done thing
    near = {k for h in best.objects for k in range(h.i - 3, h.j + 3)}
    nominal = [h for h in best.acts if (h.role == "a" and h.j <= min((o.i for o in best.objects), default=h.j) + 1)
               or (h.role == "n" and h.i in near)]
    if nominal:
        reaction = any(lem in lex.reaction for t in toks[lo:hi] for lem, tag in lex.lemmas(t.text) if tag in ("past", "s"))
        feats["reaction"] = float(reaction)
        if reaction or any(h.role == "a" for h in nominal):
            word = " ".join(t.text for t in toks[nominal[0].i:nominal[0].j])
            return _done(frame, report, clause_text, word, feats, note="the act reported as done")
    return Decision("needs_review", note="about the pledge, no relation read", features=feats)


def _governing_cue(cues: dict[str, tuple[int, int, str] | None], k: int) -> tuple[str, str] | None:
    """A cue verb just before an infinitive act ("shelved plans to cut", "refused to lift", "has yet to cut")."""
    for rel in ("withdraws", "reverses", "stalls", "progresses"):
        c = cues.get(rel)
        if c is not None and c[0] < k and k - c[1] <= 5:
            return rel, c[2]
    return None


def _about_plan(toks: list[Tok], i: int, hi: int, lex: Lexicon, clause: _Clause) -> bool:
    """A withdrawal cue counts when it governs the plan ("shelved the plan"), the act ("postponed the cut") or the
    object, not something else in the clause."""
    window = {lem for t in toks[i:min(hi, i + 8)] for lem, _t in lex.lemmas(t.text)}
    if window & lex.plan_nouns:
        return True
    return any(i < h.i <= i + 8 for h in clause.acts + clause.objects)


def _partial_words(text: str) -> bool:
    low = f" {text.lower()} "
    return any(f" {w} " in low for w in _PARTIAL_WORDS)


def _done(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float], note: str | None = None) -> Decision:
    q = _quantity_relation(frame, clause, lexicon())
    feats["quantity_less"] = float(q == "partial")
    if q == "partial":
        return Decision("partial", cue=word, note="less than promised", features=feats)
    if _partial_words(clause):
        return Decision("partial", cue=word, note="done in part", features=feats)
    return Decision("fulfils", cue=word, note=note, features=feats)


def _restate_or_revise(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    from .deadlines import normalise_deadline

    for m in re.finditer(r"\b(by|until|before|in|within|from)\s+((?:the\s+)?(?:end\s+of\s+)?[\w-]+(?:\s+\d{4})?)", clause):
        d = normalise_deadline(m.group(0), report.published)
        if d is not None and d.end and frame.deadline_end and d.end != frame.deadline_end:
            return Decision("revises", cue=m.group(0), note=f"deadline now {d.end} (was {frame.deadline_end})", features=feats)
    q = frame.quantity
    if q and q.get("unit"):
        got = [x for _s, _e, x in find_quantities(clause) if x.unit == q["unit"] and x.value is not None]
        if got and abs(float(got[0].value or 0) - float(q.get("value") or 0)) > 0.05 * max(float(q.get("value") or 0), 1e-9):
            return Decision("revises", cue=got[0].text, note=f"quantity now {got[0].text} (was {q.get('text')})", features=feats)
    return Decision("restates", cue=word, features=feats)


def judge(frame: Frame, cand: dict[str, Any], events: list[dict[str, Any]], actors: list[tuple[int, int, str]],
          lex: Lexicon | None = None) -> dict[str, Any] | None:
    """Evidence a retrieved sentence (:func:`gaiko.tracking.link.candidates`) gives about a pledge, or None: the
    pledge's own sentences and the article it was made in are not evidence, nor are sentences outside its term or
    decided ``unrelated``. The result has the decided ``relation``, the coder's event in the sentence (``event_id``)
    and a ``note`` (the words that decided)."""
    key = (cand["article_id"], cand["idx"])
    pub = cand.get("published")
    if key in frame.own or cand["article_id"] in frame.made_arts or not pub:
        return None
    if pub < (frame.first_published or "") or (frame.until and pub > frame.until):
        return None
    report = Report(text=cand["text"], published=pub, sides=frozenset(cand.get("sides") or ()),
                    context=frozenset(cand.get("context") or ()), actors=tuple(actors), events=tuple(events),
                    article_id=cand["article_id"], idx=cand["idx"])
    d = decide(frame, report, lex)
    if d.relation == "unrelated":
        return None
    done = [e for e in events if not e.get("intended")]
    ev = next((e for e in done if e.get("event_type") == frame.event_type), done[0] if done else None)
    note = "; ".join(x for x in (f"cue: {d.cue}" if d.cue else None, d.note) if x) or None
    return {"article_id": cand["article_id"], "published": pub, "sentence_index": cand["idx"], "sentence": cand["text"],
            "relation": d.relation, "event_id": ev["id"] if ev else None, "note": note}
