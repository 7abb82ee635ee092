"""What one sentence says about the date and the place of its events (used by :func:`~.units.units_of`).

* :func:`shared_dates`: a date phrase several events of one sentence share is certain only for the event it follows;
  for the others it is an upper bound (precision ``shared``);
* :func:`sentence_places`: an event naming a side but no place takes the one place of the other events of its
  sentence, type, status and date.

Pure functions of the mention rows (flat event rows of one article).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["shared_dates", "sentence_places", "status_of", "commitment_status"]


def status_of(negated: Any, intended: Any, hypothetical: Any) -> str:
    """``negated``, ``intended`` (intended or hypothetical) or ``actual``."""
    if negated:
        return "negated"
    if intended or hypothetical:
        return "intended"
    return "actual"


def commitment_status(m: dict[str, Any], status: str, commitments: Any) -> str:
    """``intended`` for an actual report of a commitment (round c88, ``status.commitments``): its type is one of
    ``types`` (AGREE, THREATEN) and its trigger one of ``triggers`` ("promised", "pledged", "threatened", "ultimatum").
    A promise is told by what is promised as well ("The EU will give Moldova 20 million euros, the commissioner said on
    Wednesday", coded intended) as by the promising ("The EU pledged the 20 million euros on Wednesday", coded actual):
    the two are one commitment. Any other report keeps ``status``."""
    if commitments is None or status != "actual" or m.get("event_type") not in commitments[0]:
        return status
    return "intended" if str(m.get("trigger") or "").strip().lower() in commitments[1] else status


def sentence_places(rows: Sequence[dict[str, Any]]) -> dict[int, tuple[Any, Any]]:
    """The place of the events of one sentence, type, status and date that name none, when the others of that sentence,
    type, status and date name one place between them ("Fighting between rival gangs inside the prison in Guayaquil
    killed 14 inmates on Monday": the killing is in Guayaquil too; not "the shooting of a farmer at Shibganj on Friday
    and the killing of a boy at Patgram a week earlier"); ``id(row)`` -> (place name, place country)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["article_id"], r.get("sentence_idx"), r["event_type"], str(r.get("date")),
                           status_of(r.get("negated"), r.get("intended"), r.get("hypothetical"))), []).append(r)
    out: dict[int, tuple[Any, Any]] = {}
    for rs in groups.values():
        named = {(r.get("place_name"), r.get("place_country")) for r in rs if r.get("place_name") or r.get("place_country")}
        if len(named) != 1 or len(rs) < 2:
            continue
        place = next(iter(named))
        out.update((id(r), place) for r in rs if not (r.get("place_name") or r.get("place_country"))
                   and (r.get("source_country") or r.get("target_country")))
    return out


def shared_dates(rows: Sequence[dict[str, Any]]) -> set[int]:
    groups: dict[tuple[Any, Any, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("date_text") and r.get("date_precision") == "day" and r.get("sentence_text"):
            groups.setdefault((r["article_id"], r.get("sentence_idx"), r["date_text"]), []).append(r)
    out: set[int] = set()
    for (_a, _s, text), rs in groups.items():
        if len({r.get("trigger_start") for r in rs}) < 2:
            continue
        at = str(rs[0]["sentence_text"]).find(text)
        if at < 0:
            continue
        pos = int(rs[0].get("sentence_start") or 0) + at
        before = [r for r in rs if (r.get("trigger_start") or 0) < pos]
        keep = (max(before, key=lambda r: r["trigger_start"]) if before
                else min(rs, key=lambda r: r.get("trigger_start") or 0))
        kept = {keep.get("trigger_start")}
        after = [r for r in rs if (r.get("trigger_start") or 0) >= pos + len(text)]
        if before and after:
            sent, base = str(rs[0]["sentence_text"]), int(rs[0].get("sentence_start") or 0)
            first = min(after, key=lambda r: r["trigger_start"])
            gap = sent[at + len(text):int(first["trigger_start"]) - base]
            if gap.lstrip(" ,").lower().startswith("when ") or gap.strip() == ",":
                # "was shot dead on Wednesday when gunmen ambushed a patrol": the when-clause's event is of that
                # moment; "ministers, meeting in Honiara on Friday, urged": the verb right after the phrase too
                kept.add(first.get("trigger_start"))
            else:
                # "stormed Macomia on Tuesday, three days after a raid ..., and fought troops"; "stormed parliament on
                # Tuesday and set fire to a car, and police opened fire": the verbs conjoined to the dated one, one
                # after another, are of its day
                end = at + len(text)
                for r in sorted(after, key=lambda r: r["trigger_start"]):
                    start = int(r["trigger_start"]) - base
                    if r.get("trigger_start") not in kept and start >= end:
                        if not _same_subject_and(sent[end:start], keep, r):
                            break
                        kept.add(r.get("trigger_start"))
                    end = max(end, start + len(str(r.get("trigger") or "")))
        out.update(id(r) for r in rs if r.get("trigger_start") not in kept)
    return out


def _same_subject_and(gap: str, dated: dict[str, Any], verb: dict[str, Any]) -> bool:
    """Whether ``verb`` is conjoined to the ``dated`` verb: the text between the date phrase and it ends in "and" and
    it has the same source words ("Insurgents stormed ... on Tuesday, ..., and fought ..."), or it ends in ", and"
    and the verb's own subject ("stormed parliament on Tuesday ..., and police opened fire")."""
    text = gap.rstrip().lower()
    own = (verb.get("source_text") or "").strip().lower()
    if own and text.endswith(" " + own):
        return text[:-len(own)].rstrip().endswith(", and")
    words = text.replace(",", " ").split()
    src = (dated.get("source_text") or "").strip().lower()
    return bool(words) and words[-1] == "and" and bool(src) and src == own
