"""A stall told by a negation, a missing step or a stuck state, with no stall verb (round t60, issue 14).

"Vanuatu will sign the Nakamal agreement", then "The Nakamal agreement remains unsigned"; "renegotiate the 1968
accord", then "No talks on the 1968 accord have been scheduled"; "draw up a roadmap on fossil fuels", then "The other
text, on coal, oil and gas, has not appeared"; "let a joint team check the ceasefire", then "The team that was to check
the truce line has never crossed into the country"; "set a common floor price", then "The plan for a single minimum
price has got no further than a technical committee"; "sell its stake in the venture", then "Talks to sell the assets
have gone nowhere". The clause holds the pledge's object (the clause chooser matched it) but its verb is no act of the
pledge: the rules read nothing (``needs_review``; the relation model read some of these done) or read a word of the act
in it ("to sell": restated; "committee": under way).

:func:`stall_told` reads such a clause's decision again. A missing step or no progress (``no_progress``: "gone
nowhere", "got no further than", "not moved beyond", "remains in limbo", "show no reduction") is ``stalls`` over a
``needs_review``, ``restates`` or ``progresses`` reading; a negated perfect ("has not appeared", "have never crossed",
"has yet to start", "have yet been taken"), a subject "no ..." with a perfect ("No talks ... have been scheduled"),
"never" with a past verb of ``never_verbs`` ("never took place") and "remains" with an "un-" state ("remains
unsigned") over a ``needs_review`` one only. Not for a verb of saying or of holding to the pledge (``not_stall_verbs``:
"has not commented", "has not ruled out", "has not abandoned the plan"), a clause with a condition or a wish
(``blockers``), a pledge to refrain, end or withhold (``undoing_acts``: "no migrants have been taken" keeps it), nor a
clause whose subject is another side than the pledger's, unless the pledge names it as part of its object ("The
Turkish-Qatari team ... has never crossed" for a pledge to let that team in; not "Chinese troop levels are little
changed" for India's row of a joint pull-back: China's share), nor a missing step or no progress whose next
words name another side's thing ("show no reduction in Chinese troops" for India's row; a negated perfect's next words
are its object or its place: "have yet been taken to Albania"), nor a report that names only the other party of a
joint pledge (round t46's :func:`gaiko.tracking.jointrow.others_share`). Words:
``gaiko/data/pledges/stall_told.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import word_lists, word_sets
from .clausegrammar import Clause, Decision, Report, same_country, subject_side
from .jointrow import others_share
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok, countries_in
from .unmoved import _alt  # a phrase alternation, longest first (one helper for the tracking kinds)

__all__ = ["stall_told", "stall_words"]

_WORDS = "pledges/stall_told.yaml"
_FIRST = 3  # words of the clause read for its subject's side
_AFTER = 4  # words after the stall words read for whose thing is not done ("no reduction in Chinese troops")
_NO_SUBJECT = 7  # words between a subject's "no" and its perfect ("No talks on the 1968 accord have been scheduled")



@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = word_lists(_WORDS)
    aux = _alt(d["perfect_aux"])
    no_progress = re.compile(rf"\b(?:{_alt(d['no_progress'])})\b", re.I)
    ends = "|".join(re.escape(e) for e in d["unstate_endings"])
    negated = re.compile(
        rf"\b(?:(?:{aux})(?:\s+not|n't|\s+never|\s+still\s+not)\s+(?:yet\s+)?(?:been\s+)?(?P<v>[a-z]+)"
        rf"|(?:{aux}|is|are|was|were)\s+(?:still\s+)?yet\s+to\s+(?P<y>[a-z]+)"
        rf"|(?:{aux})\s+yet\s+(?:been\s+)?(?P<yb>[a-z]+)"
        rf"|\bnever\s+(?P<n>{_alt(d['never_verbs'])})"
        rf"|\bremain(?:s|ed)?\s+(?:still\s+)?(?P<u>un[a-z]+(?:{ends})))\b", re.I)
    return no_progress, negated


@lru_cache(maxsize=50_000)
def stall_words(text: str) -> tuple[str, bool] | None:
    """(words, no_progress) of a stall told in ``text`` without a stall verb ("remains unsigned", "has not appeared",
    "gone nowhere"; ``no_progress`` for a missing step or no progress), or None. A function of the clause's text alone,
    kept per text (round L55: it was read again for every pledge the clause was read against)."""
    no_progress, negated = _patterns()
    m = no_progress.search(text)
    if m:
        return m.group(0), True
    w = word_sets(_WORDS)
    for m in negated.finditer(text):
        verb = next((g for g in ("v", "y", "yb", "n", "u") if m.group(g)), None)
        if verb in ("v", "y", "yb") and m.group(verb).lower() in w["not_stall_verbs"]:
            continue
        if verb == "yb" and not re.search(rf"\b(?:no|none|not a single)\b(?:\W+\w+){{0,{_NO_SUBJECT}}}\W+$",
                                          text[:m.start()], re.I):
            continue  # "have yet been taken" needs a subject "no ...": "no migrants ... have yet been taken"
        return " ".join(m.group(0).split()), False
    m = re.search(rf"\b(?:no|not a single)\s+(?:[\w'-]+\s+){{0,{_NO_SUBJECT}}}?(?:has|have|had)\s+(?:yet\s+)?"
                  rf"(?:been\s+)?([a-z]+)\b", text, re.I)
    if m and m.group(1).lower() not in w["not_stall_verbs"]:
        return " ".join(m.group(0).split()[:1] + ["..."] + m.group(0).split()[-2:]), False
    return None


def _named_in_pledge(text: str, toks: list[Tok], lo: int, k: int, pledged: str) -> bool:
    """Whether a capitalised word of the clause's first words is a word of the pledge as written: the other side named
    as part of the pledge's object ("The Turkish-Qatari team ... has never crossed" for a pledge to let a
    Turkish-Qatari team check the truce), not as another party's share ("Chinese troop levels" for India's row)."""
    said = set(re.findall(r"[\w']+", pledged.lower()))
    words = re.findall(r"[\w']+", text[toks[lo].start:toks[k].end])
    return any(w[:1].isupper() and w.lower() in said for w in words if len(w) > 3)


def stall_told(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision, lex: Lexicon) -> Decision | None:
    """``stalls`` for a stall told in clause ``c`` without a stall verb (see the module doc), else None."""
    w = word_sets(_WORDS)
    if "true" not in w["enabled"] or frame.verb == "not" or frame.acts & w["undoing_acts"]:
        return None
    pending = d.relation == "needs_review" and (d.note or "").startswith("about the pledge")
    if not pending and d.relation not in ("restates", "progresses"):
        return None
    start, end = toks[c.lo].start, toks[c.hi - 1].end
    text = report.text[start:end]
    got = stall_words(text)
    if got is None or (not got[1] and not pending):
        return None
    if set(re.findall(r"[a-z']+", text.lower())) & w["blockers"]:
        return None
    k = min(c.lo + _FIRST, c.hi - 1)
    side = subject_side(report, toks, c.lo, k, lex) if k > c.lo else None
    if side and frame.doer and not frame.doer.startswith("?:") and not same_country(side, frame.doer) \
            and not _named_in_pledge(report.text, toks, c.lo, k, frame.pledged_text):
        return None  # another side's act not done: "Chinese troop levels are little changed" for India's pull-back
    at = text.lower().find(got[0].lower())
    after = countries_in(" ".join(text[at + len(got[0]):].split()[:_AFTER]), lex) if at >= 0 and got[1] else set()
    if frame.doer and not frame.doer.startswith("?:") and after and not any(same_country(x, frame.doer) for x in after):
        return None  # "show no reduction in Chinese troops" for India's row: what is not done is another side's
    if others_share(frame, report):
        return None  # "show no reduction in Chinese troops" for India's row of a joint pull-back: China's share (t46)
    return Decision("stalls", cue=got[0], note=f"a stall told by a negation or a missing step ({d.relation} before)",
                    features=d.features)
