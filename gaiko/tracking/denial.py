"""A report that denies what its clause says (round p49): "denied that the fuel levy cut had been dropped" is no
deed and no withdrawal, the pledge stands (``restates``); "denied she had promised the clinics, saying the
government had only studied the idea" disowns the promise (``withdraws``). Words: ``gaiko/data/pledges/denials.yaml``.

Used by :mod:`gaiko.tracking.decide` on the decision of each clause it reads. Positions are token indices of the
report's :func:`gaiko.tracking.text.analyse` tokens; nothing here raises.
"""

from __future__ import annotations

from ..tables import word_sets
from .clausegrammar import Clause, Decision, Report, plain_memo, same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import Tok

__all__ = ["denial_at", "denied", "refused_demand"]

_WORDS = "pledges/denials.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/denials.yaml``: ``deny``, ``dismiss``, ``reports``, ``promise``, ``refuse``,
    ``requests``."""
    return word_sets(_WORDS)[key]


def denial_at(toks: list[Tok], lo: int, hi: int) -> int | None:
    """The token index of the first verb of denial in tokens [lo, hi) ("denied", "dismissed reports"), or None."""
    for k in range(lo, hi):
        w = toks[k].text.lower()
        if w in _w("deny"):
            return k
        if w in _w("dismiss") and any(t.text.lower() in _w("reports") for t in toks[k + 1:min(hi, k + 4)]):
            return k
    return None


def denied(frame: Frame, report: Report, toks: list[Tok], c: Clause, d: Decision, lex: Lexicon) -> Decision | None:
    """The decision ``d`` of clause ``c`` when a denial before the pledge's words governs it: ``withdraws`` when what is
    denied is the promise itself and the denier is the pledger's side (or names none), ``needs_review`` when another
    denies it, ``restates`` when what is denied is reports of a promise ("denied reports that it had agreed to ...")
    or a drop, delay, refusal or the deed (never done, nor dropped). None when no denial governs the clause or ``d``
    is unrelated."""
    if d.relation == "unrelated":
        return None
    hits = [h.i for h in c.objects + c.acts]
    if not hits:
        return None
    first = min(hits)
    memo, key = plain_memo(report), ("denial", c.lo, first)  # read once per sentence and clause (round L53)
    if key not in memo:
        memo[key] = denial_at(toks, c.lo, first)
    dn = memo[key]
    if dn is None:
        return None
    cue = toks[dn].text
    if d.relation in ("restates", "revises", "needs_review", "unclear") and any(
            t.text.lower() in _w("promise") for t in toks[dn + 1:first]):
        if any(t.text.lower() in _w("reports") for t in toks[dn + 1:first]):
            # "denied reports that it had agreed to back the deal": others' reports of a promise denied, not the
            # pledger's own promise disowned; the pledge stands (round p75, b32 F5)
            return Decision("restates", cue=f"{cue} reports", note="a denial of reports: the pledge stands",
                            features=d.features)
        who = subject_side(report, toks, c.lo, dn, lex)
        if who is None or not frame.doer or same_country(who, frame.doer):
            return Decision("withdraws", cue=f"{cue} the promise", note="denies the promise was made",
                            features=d.features)
        return Decision("needs_review", cue=f"{cue} the promise", note=f"{who} denies the promise was made",
                        features=d.features)
    if d.relation in ("restates", "progresses"):
        return None
    return Decision("restates", cue=f"{cue} {d.cue or ''}".strip(), note="a denial: the pledge stands",
                    features=d.features)


def refused_demand(frame: Frame, report: Report, toks: list[Tok], c: Clause, lex: Lexicon) -> Decision | None:
    """``reverses`` when clause ``c`` reports the party a demand asks refusing it ("the United States rejected Mexico's
    request to lift the duties": the asker is named in the request, the refuser is the doer), else None."""
    if frame.kind != "demand" or not frame.doer:
        return None
    hits = [h.i for h in c.objects + c.acts]
    if not hits:
        return None
    first = min(hits)
    for k in range(c.lo, first):
        if toks[k].text.lower() not in _w("refuse"):
            continue
        req = next((j for j in range(k + 1, min(first, k + 6)) if toks[j].text.lower() in _w("requests")), None)
        if req is None:
            continue
        who = subject_side(report, toks, c.lo, k, lex)
        if who is not None and same_country(who, frame.doer):
            return Decision("reverses", cue=f"{toks[k].text} {toks[req].text}", note="the party asked refused the demand")
    return None
