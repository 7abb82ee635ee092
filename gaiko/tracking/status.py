"""Ledger: a pledge's status as of a date, from its mentions and the decided evidence, with a reason.

Evidence is read oldest first and each decided relation moves the status (docs/pledges.md has the table):

=============  ===================================================================
fulfils        -> fulfilled (partially_fulfilled when first reported done more than 14 days after the deadline: late;
                  never for a pledge to refrain reported kept over its term, KEPT_OVER_TERM)
partial        -> partially_fulfilled (a *compromise*: changed terms, less than promised, late)
progresses     -> in_progress (a fulfilled, partly fulfilled or withdrawn pledge stays so: a dropped pledge is
                  revived by a restatement); partially_fulfilled once the deadline passes with no later report
stalls         -> stalled (open, in-progress or stalled pledges only)
reverses       -> broken (a contrary act or a refusal by the pledger; moves any status back)
withdraws      -> withdrawn (the pledger announces it drops, suspends or postpones it)
restates       -> open again after a withdrawal or a stall ("reaffirmed"); otherwise no change
revises        -> the new deadline applies; no change of status
unclear        -> unclear (the report itself leaves it open: "it was unclear whether ...")
needs_review   -> no change; the entry is flagged ``needs_review`` with the candidate sentences
=============  ===================================================================

A pledge to refrain over a term (:func:`gaiko.tracking.overterm.over_term`: "halt air strikes until April 20") is never
``overdue``: when its term ends with it open it is kept over its term, ``fulfilled`` (round t45).

A withdrawn or broken pledge is not moved by a done, partial or progress reading of the relation model alone
(``MODEL_NOTE``): what a report said outright stands until a deed the rules read.

Without decisive evidence a pledge is ``open``, or ``overdue`` once its deadline has passed (no evidence is
not "broken"). Positive and negative evidence from different articles on the same last day make it
``unclear``. Statuses move both ways as evidence arrives (a fulfilled pledge reversed is broken; a withdrawn
one restated is open again); ``history`` lists every move with its reason, and ``status_reason`` says in one
line why the pledge has its status.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..ids import record_id
from .conditional import conditional_deadline
from .deedday import deed_day
from .link import bucket
from .normalise import Frame, revised_quantity
from .overterm import over_term
from .overruled import overruled, overruled_words
from .tables import evidence_key
from .unmoved import unmoved

__all__ = ["ROLE_OF", "decided_status", "entry", "newer_than_override", "override_date", "path_of", "restatus", "status_of"]

#: the display role of each relation in an entry's evidence (the dashboard colours these)
ROLE_OF = {"fulfils": "fulfilled", "partial": "partial", "progresses": "progress", "reverses": "broken",
           "withdraws": "withdrawn", "stalls": "stalled", "restates": "restated", "revises": "revised",
           "needs_review": "needs_review", "unclear": "unclear"}
_IN_TEXT = {"fulfilled": "fulfils", "broken": "reverses", "withdrawn": "withdraws"}
_POSITIVE = {"fulfils", "partial", "progresses"}
_NEGATIVE = {"reverses", "withdraws"}
_MOVES = {"fulfils": "fulfilled", "partial": "partially_fulfilled", "progresses": "in_progress", "stalls": "stalled",
          "reverses": "broken", "withdraws": "withdrawn", "unclear": "unclear"}


_NEW_END = re.compile(r"deadline now (\d{4}-\d\d-\d\d)")


def _quote(text: str, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return f"“{text[:n]}…”" if len(text) > n else f"“{text}”"


#: the note of a report that a pledge to refrain was kept over its whole term ("held no drills in July and August"):
#: reported after the term by nature, so never late
KEPT_OVER_TERM = "kept over its term"
#: how the relation model's readings begin their note (:mod:`gaiko.tracking.model`): a withdrawn or broken pledge is
#: moved back to done or under way only by a deed the rules read, not by the model's guess
MODEL_NOTE = "relation model "
#: days after a deadline within which a report of the act done still counts as on time (news of it may come later)
LATE_GRACE_DAYS = 14


#: the note of a status reported in the pledge's own sentence ("the freed prisoners, whose release it had promised")
IN_TEXT_NOTE = "reported in the same sentence"


def source_of(e: dict[str, Any]) -> str:
    """Who read an evidence item: ``text`` (said in the pledge's own sentence), ``model`` (the relation model's guess on
    what the rules left undecided) or ``rule`` (the clause rules)."""
    note = e.get("note") or ""
    if note == IN_TEXT_NOTE:
        return "text"
    if note.startswith(MODEL_NOTE):
        return "model"
    return "rule"


def path_of(e: dict[str, Any], late: bool = False) -> str:
    """The deciding path of an evidence item: ``source:relation`` (``rule:fulfils``, ``model:progresses``,
    ``text:withdraws``), with ``:late`` for a deed reported after the deadline's grace (a partial fulfilment)."""
    return f"{source_of(e)}:{e.get('relation')}" + (":late" if late else "")


def _late(published: str | None, end: str | None) -> bool:
    import datetime as dt

    if not published or not end:
        return False
    try:
        return dt.date.fromisoformat(published[:10]) > dt.date.fromisoformat(end[:10]) + dt.timedelta(days=LATE_GRACE_DAYS)
    except ValueError:
        return False


#: how the reason of a pledge no report has moved names the reports about it that decided nothing
_UNDECIDED = (("restates", "restated", "restated"), ("revises", "revised", "revised"),
              ("needs_review", "needs review", "need review"), ("unclear", "unclear", "unclear"))


def _undecided_reason(seen: list[dict[str, Any]]) -> str | None:
    """The reason of a pledge still ``open`` that later reports name without moving it ("restated" or "needs
    review"): "no decisive report yet (2 later reports: 1 restated, 1 needs review)", rather than "no report on it
    yet", which reads as if nothing had been said of it since. None when no report besides its making is in hand."""
    later = [e for e in seen if e.get("relation")]
    if not later:
        return None
    parts = []
    for rel, one, many in _UNDECIDED:
        n = sum(1 for e in later if e.get("relation") == rel)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    head = f"{len(later)} later report{'s' if len(later) != 1 else ''}"
    return f"no decisive report yet ({head}: {', '.join(parts)})" if parts else f"no decisive report yet ({head})"


def status_of(evidence: list[dict[str, Any]], deadline: dict[str, Any] | None, as_of: str, term: bool = False
              ) -> tuple[str, str | None, str, list[dict[str, Any]], str]:
    """(status, status date, one-line reason, history, path) from evidence (oldest first, each with ``relation``,
    ``published``, ``article_id``, ``sentence``, ``note``) as of an ISO date. The path names what decided the status,
    stably (docs/rounds/pledges.md, Round p27): :func:`path_of` of the deciding report, ``none:open``,
    ``deadline:overdue``, ``deadline:in_progress`` (under way when the deadline passed: partly fulfilled) or
    ``disagree:unclear``. With ``term`` (a pledge to refrain over a term, :func:`gaiko.tracking.overterm.over_term`)
    the deadline ends the term: an open pledge whose term has ended is kept over it (``fulfilled``, path
    ``deadline:kept``), never overdue (round t45)."""
    status, when, reason, path = "open", None, "no report on it yet", "none:open"
    history: list[dict[str, Any]] = []
    end = (deadline or {}).get("end")
    seen = [e for e in evidence if (e.get("published") or "") <= as_of]
    reopened: dict[str, Any] | None = None  # the restatement that made a withdrawn or stalled pledge open again
    done_on_time = False  # once the act was reported done on time, a later report of it done is not late
    for e in seen:
        rel = e.get("relation")
        new = status
        if rel == "revises":
            m = _NEW_END.search(e.get("note") or "")
            end = e.get("_deadline_end") or (m.group(1) if m else None) or end
            continue
        if rel == "restates" and status in ("withdrawn", "stalled"):
            new, reopened = "open", e
        elif rel in _MOVES:
            target = _MOVES[rel]
            if rel == "fulfils" and status != "fulfilled" and not done_on_time and _late(deed_day(e), end) \
                    and KEPT_OVER_TERM not in (e.get("note") or ""):
                target = "partially_fulfilled"  # done, but well after the deadline: a compromise on its terms
            if rel == "fulfils" and target == "fulfilled":
                done_on_time = True
            if rel in _POSITIVE and status in ("withdrawn", "broken") and (e.get("note") or "").startswith(MODEL_NOTE):
                continue  # the relation model's guess does not undo what a report said outright
            if rel == "progresses" and status in ("fulfilled", "partially_fulfilled", "withdrawn"):
                continue  # (a dropped pledge is revived by saying so, "restates", not by work reported under way)
            if rel == "stalls" and status not in ("open", "in_progress", "stalled"):
                continue
            new = target
        else:
            continue
        if new != status or rel in _MOVES:
            late = " (after the deadline)" if rel == "fulfils" and new == "partially_fulfilled" else ""
            why = f"{rel}{late} ({e.get('published') or 'undated'}): {_quote(e.get('sentence') or '')}"
            if new != status:
                # the status holds from the first report of its run, quoted as its reason: a later report that
                # restates it ("fulfils" again) moves neither (round r36, b32 F1: "fulfilled since" followed the newest)
                history.append({"date": e.get("published"), "status": new, "reason": why})
                when, reason = e.get("published"), why
            status, path = new, path_of(e, bool(late))  # the path stays the newest reading (the policy's measure)
    decisive = [e for e in seen if e.get("relation") in _POSITIVE | _NEGATIVE]
    if decisive:
        day = decisive[-1]["published"]
        today = [e for e in decisive if e["published"] == day]
        pos = {e["article_id"] for e in today if e["relation"] in _POSITIVE}
        neg = {e["article_id"] for e in today if e["relation"] in _NEGATIVE}
        if pos and neg and pos != neg:
            status, when, reason, path = "unclear", day, f"reports of {day} disagree", "disagree:unclear"
            history.append({"date": day, "status": status, "reason": reason})
    if path == "none:open":
        reason = _undecided_reason(seen) or reason
    if status in ("open", "in_progress") and end and end < as_of:
        if term:  # a pledge to refrain is never late: its term ended with no breach reported (round t45, b41's F4)
            status, when, path = "fulfilled", end, "deadline:kept"
            reason = f"{KEPT_OVER_TERM}: no breach reported by {end}"
        elif status == "open":
            status, when, reason, path = "overdue", end, f"deadline {end} passed with no decisive report", "deadline:overdue"
            if reopened is not None:  # earlier reports decided it, then a restatement opened it again (round t42)
                reason = f"deadline {end} passed with no decisive report since it was restated " \
                         f"({reopened.get('published') or 'undated'}): {_quote(reopened.get('sentence') or '')}"
        else:
            status, when, reason = "partially_fulfilled", end, f"deadline {end} passed with the pledge in progress"
            path = "deadline:in_progress"
        history.append({"date": end, "status": status, "reason": reason})
    return status, when, reason, history, path


def decided_status(evidence: list[dict[str, Any]], deadline: dict[str, Any] | None, as_of: str, kind: str | None,
                   term: bool = False) -> tuple[str, str | None, str, list[dict[str, Any]], str]:
    """:func:`status_of`, then the status policy (:mod:`gaiko.tracking.policy`, docs/rounds/pledges.md Round p30): a status
    the policy re-decides for its path and the pledge's ``kind`` gets the policy's status, its note as the reason and a
    line in the history. The path stays the one that decided the computed status."""
    from .policy import status_policy

    status, when, reason, history, path = status_of(evidence, deadline, as_of, term)
    new, note = status_policy().apply(status, path, kind)
    if note is not None:
        reason = f"{note}; {reason}"
        history.append({"date": when, "status": new, "reason": note})
    return new, when, reason, history, path


def _same_span(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Two durations from one date that end within three days of each other ("for 90 days", "for three months"): one
    period told in other words, no revision (round t43, b39's F5)."""
    if not a or not b or a.get("granularity") != "duration" or b.get("granularity") != "duration":
        return False
    try:
        return abs((date.fromisoformat(str(a["end"])[:10])
                                                          - date.fromisoformat(str(b["end"])[:10])).days) <= 3
    except (KeyError, TypeError, ValueError):
        return False


def _mention_evidence(group: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    out: list[dict[str, Any]] = []
    deadline = group[0].get("deadline")
    seen: set[tuple[str, int]] = set()
    for i, m in enumerate(group):
        if (m["article_id"], m["sentence_index"]) in seen:
            continue  # two cues in one sentence are one statement
        seen.add((m["article_id"], m["sentence_index"]))
        rel, role, note = (None, "made", None) if i == 0 else ("restates", "restated", None)
        end = None
        # an undated statement is never judged (docs/pledges.md, "Undated articles"): its deadline is unplaced, so it
        # revises nothing, and a fate its own sentence reports is not dated either (round p39)
        dated = bool(m.get("published"))
        if i and dated and m.get("deadline") and (m["deadline"] or {}).get("end") != (deadline or {}).get("end") \
                and not conditional_deadline(m) and not _same_span(deadline, m["deadline"]):
            # ("if the Union did not sign it in December", round p76; "for three months" after "for 90 days", t43)
            rel, role = "revises", "revised"
            before = (deadline or {}).get("text")  # a first statement without a deadline: "none before", not "None"
            note = f"deadline now {m['deadline'].get('text')} ({f'was {before}' if before else 'none before'})"
            deadline, end = m["deadline"], m["deadline"].get("end")
        if i and dated and (q := revised_quantity(group[:i + 1])) is not revised_quantity(group[:i]):
            rel, role = "revises", "revised"  # "will now build 15,000 instead of 20,000" (round p49)
            was = (revised_quantity(group[:i]) or {}).get("text")
            note = "; ".join(x for x in (note, f"amount now {(q or {}).get('text')} (was {was})") if x)
        base = {"article_id": m["article_id"], "published": m.get("published"), "sentence_index": m["sentence_index"],
                "sentence": m["sentence"], "event_id": None}
        out.append(dict(base, role=role, relation=rel, note=note, _deadline_end=end))
        if dated and m.get("status_in_text") in _IN_TEXT:
            rel = _IN_TEXT[m["status_in_text"]]
            out.append(dict(base, role=ROLE_OF[rel], relation=rel, note=IN_TEXT_NOTE))
        elif i and dated and rel == "restates" and (stuck := unmoved(m["sentence"] or "")) is not None:
            # "Not one of the 500 whom it said it would take back has gone home": the promise named again inside a
            # report that the act has not moved (round p48)
            out.append(dict(base, role=ROLE_OF["stalls"], relation="stalls",
                            note=f"cue: {stuck}; the act reported not moving"))
    return out, deadline


def _after_made(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence in order (day, article, sentence), the pledge's own "made" item first on its day. A report of another
    sentence (``_matched``) read ``restates`` or ``revises`` that comes before the made item (dated before the pledge,
    or the same day and earlier in that order) is dropped: it cannot tell the pledge again or move its deadline
    (round p76, "the Commission pledged to sign by December 20" listed as revising a pledge made later that day)."""
    evidence = sorted(evidence, key=lambda e: (e["published"] or "", e["article_id"], e["sentence_index"],
                                               e["role"] != "made"))
    made = next((i for i, e in enumerate(evidence) if e["role"] == "made"), 0)
    evidence = [e for i, e in enumerate(evidence)
                if not (i < made and e.get("_matched") and e.get("relation") in ("restates", "revises"))]
    return sorted(evidence, key=lambda e: (e["published"] or "", e["role"] != "made"))


def override_date(evidence: list[dict[str, Any]], status: str, as_of: str) -> str | None:
    """The day a status set by hand holds from, in the news' time as every other status date: the first report (on or
    before ``as_of``) whose relation moves the pledge to that status, else the newest report about it; None when no
    dated report is in hand. Not the day the person typed it, which may be years after the news, or after ``as_of``
    (a "fulfilled since" later than the ledger's own date, and a scorecard lag no sentence gives)."""
    day = str(as_of)[:10]
    seen = [e for e in evidence if e.get("published") and str(e["published"])[:10] <= day]
    moved = [str(e["published"])[:10] for e in seen if _MOVES.get(e.get("relation") or "") == status]
    if moved:
        return min(moved)
    return max((str(e["published"])[:10] for e in seen), default=None)


#: relations that move a pledge's status; a newer one of these against a status set by hand is flagged
_DECISIVE = ("fulfils", "partial", "progresses", "stalls", "reverses", "withdraws")


def newer_than_override(evidence: list[dict[str, Any]], ov: dict[str, Any], computed: str) -> dict[str, Any] | None:
    """Reports a person had not seen when setting a pledge's status by hand that point elsewhere: evidence whose key
    (:func:`~gaiko.tracking.tables.evidence_key`) is not in ``ov["seen"]``, whose relation moves a status
    (``_DECISIVE``) to another one than the hand status. Returns ``{"reports": n, "relations": [...], "first":
    "YYYY-MM-DD", "computed_status": computed}`` or None (nothing new, or a status set before schema 11, which
    recorded nothing: ``seen`` None)."""
    seen = ov.get("seen")
    if seen is None:
        return None
    seen = set(seen)
    new = [e for e in evidence if e.get("relation") in _DECISIVE and _MOVES[e["relation"]] != ov["status"]
           and evidence_key(e) not in seen]
    if not new:
        return None
    return {"reports": len(new), "relations": sorted({e["relation"] for e in new}),
            "first": min(str(e.get("published") or "")[:10] for e in new), "computed_status": computed}


def entry(group: list[dict[str, Any]], found: list[dict[str, Any]], overrides: list[dict[str, Any]], as_of: str,
          frame: Frame) -> dict[str, Any]:
    """A ledger entry from its mentions (oldest first, prepared) and the evidence decided in other sentences
    (dicts with ``relation``). Private keys (``_bucket``, ``_topic``, ``_member_topics``, ``_roles``) are for the
    store and are not part of the record."""
    first = group[0]
    gid = record_id("pledge", first["id"])
    evidence, deadline = _mention_evidence(group)
    evidence += [dict(e, role=ROLE_OF.get(e["relation"], e["relation"]), _matched=True) for e in found]
    evidence = _after_made(evidence)
    status, status_date, reason, history, path = decided_status(evidence, deadline, as_of, first.get("kind"),
                                                                over_term(first.get("action"), deadline))
    computed = status
    ids = {m["id"] for m in group}
    ov = next((o for o in overrides if o["ledger_id"] == gid or ids & set(o["pledge_ids"])), None)
    if ov is not None and ov.get("date") and str(ov["date"])[:10] > str(as_of)[:10]:
        ov = None  # set with the day of its evidence (--date, round r35): a replay before that day is computed
    review = None
    if ov is not None:
        status = ov["status"]
        status_date = str(ov["date"])[:10] if ov.get("date") else (override_date(evidence, ov["status"], as_of)
                                                                    or status_date)
        reason = f"set by hand: {ov['note']}" if ov.get("note") else "set by hand"
        review = newer_than_override(evidence, ov, computed)
        if review:
            reason += (f"; since then {review['reports']} report(s) read {', '.join(review['relations'])} (first "
                       f"{review['first']}), computed status {computed}: check, then set it again or unset it")
    if unmoved_by := [] if ov else overruled(evidence, status, status_date, as_of, MODEL_NOTE):
        reason += overruled_words(unmoved_by, status)  # the model's later reading shown, not taken (round t51)
    if deadline and any(e.get("relation") == "revises" and e.get("_deadline_end") for e in evidence):
        deadline = dict(deadline, end=max(e["_deadline_end"] for e in evidence if e.get("_deadline_end")))
    return {
        "id": gid, "actor": {k: first["actor"].get(k) for k in ("text", "country", "sector", "name")},
        "speaker": (first.get("speaker") or {}).get("text"), "action": first["action"], "event": first["event_type"],
        "kind": first["kind"], "cue": first["cue"], "object": first.get("object"),
        "target": {k: (first.get("target") or {}).get(k) for k in ("text", "country", "sector", "name")} if first.get("target") else None,
        "quantity": revised_quantity(group) if first.get("quantity") else None,
        "deadline": {k: deadline.get(k) for k in ("start", "end", "text", "granularity", "kind")} if deadline else None,
        "conditions": first.get("conditions"), "made_on": _made_on(first),
        "status": status, "status_date": status_date or _made_on(first), "status_reason": reason,
        "status_path": path,
        "computed_status": computed, "overridden": ov is not None, "override_note": ov["note"] if ov else None,
        "override_review": review,
        "needs_review": any(e.get("relation") == "needs_review" for e in evidence) or bool(unmoved_by),
        "history": history, "as_of": as_of,
        "mentions": [{"pledge_id": m["id"], "article_id": m["article_id"], "published": m.get("published")} for m in group],
        "evidence": [{"article_id": e["article_id"], "published": e["published"], "sentence": e["sentence"],
                      "role": e["role"], "relation": e.get("relation"), "sentence_index": e["sentence_index"],
                      "event_id": e["event_id"], "note": e["note"]} for e in evidence],
        "_roles": [e["relation"] if e.get("_matched") else None for e in evidence],
        "_bucket": bucket(first), "_topic": frame.topic, "_member_topics": [sorted(m.get("_topic") or ()) for m in group],
    }


def restatus(e: dict[str, Any], as_of: str) -> dict[str, Any]:
    """A stored entry seen from a later date: only a deadline passing can change an open or in-progress status."""
    e = dict(e, as_of=as_of)
    if e["computed_status"] in ("open", "in_progress"):
        ev = [dict(x, _deadline_end=None) for x in e["evidence"]]
        status, when, reason, history, path = decided_status(ev, e.get("deadline"), as_of, e.get("kind"),
                                                             over_term(e.get("action"), e.get("deadline")))
        if not e["overridden"]:
            e["status"], e["status_date"], e["status_reason"] = status, when or e.get("made_on"), reason
        e["computed_status"], e["status_path"] = status, path
        had = list(e.get("history") or [])
        e["history"] = had + [h for h in history if h["reason"].startswith(("deadline", KEPT_OVER_TERM))
                              or (h["reason"].startswith("status policy") and h not in had)]
    return e


def _made_on(first: dict[str, Any]) -> str | None:
    """The day a pledge was made: its article's date, or the earlier date its text gives ("first promised in 2025
    to"; round n49, ``pipeline/pledges.made_on``)."""
    pub, own = first.get("published"), first.get("made_on")
    if pub and own and str(own) < str(pub)[:10]:
        return str(own)
    return pub or own
