"""Acceptance probe for issue 13: 60 inputs, 6 for each of the ten fault kinds, written fresh by an acceptance
tester (not the issue's examples, not the sentences of the other tests) in ``tests/data/kinds13_probe.jsonl``.

Each line has ``kind``, ``text``, ``published`` and ``expect``:

- ``event``: at least one event satisfies every check (``source.country``, ``target.sector``, ``place.precision``,
  ``date``, ``target_members.country`` — a list, the members of a compound side or else the one actor — ...);
- ``all_events``: every event satisfies every check (``allow_no_events``: none at all also passes);
- ``no_events``: no event is coded;
- ``places``: a place whose text contains ``text_contains`` satisfies the checks;
- ``no_country``: no actor mention and no place has any of these countries;
- ``no_actor_text`` / ``no_place_text``: no actor mention / place is exactly one of these words.

A check's value is the expected value, or ``{"in": [...]}``, ``{"not": v}``, ``{"contains": s}``,
``{"between": [lo, hi]}`` (inclusive, as strings), ``{"includes": [...]}`` (a list holds them all),
``{"includes_sub": [...]}`` (each is a substring of some item of a list).

A kind passes when at least 5 of its 6 inputs pass. Run as a script for the per-kind table:
``PYTHONPATH=. python tests/test_kinds13_probe.py [-v]``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data" / "kinds13_probe.jsonl"
CASES: list[dict[str, Any]] = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
KINDS = list(dict.fromkeys(c["kind"] for c in CASES))
PASS_AT = 5


def _get(obj: Any, path: str) -> Any:
    head, _, rest = path.partition(".")
    if head in ("source_members", "target_members"):
        members = list(getattr(obj, head) or [])
        if not members:
            one = getattr(obj, head.split("_")[0])
            members = [one] if one is not None else []
        return [getattr(m, rest, None) for m in members]
    value = getattr(obj, head, None)
    if rest:
        return None if value is None else _get(value, rest)
    return value


def _ok(value: Any, spec: Any) -> bool:
    if not isinstance(spec, dict):
        return value == spec
    if "in" in spec:
        return value in spec["in"]
    if "not" in spec:
        return value != spec["not"]
    if "contains" in spec:
        return isinstance(value, str) and spec["contains"] in value
    if "between" in spec:
        lo, hi = spec["between"]
        return isinstance(value, str) and lo <= value <= hi
    if "includes" in spec:
        return isinstance(value, list) and all(x in value for x in spec["includes"])
    if "includes_sub" in spec:
        return isinstance(value, list) and all(any(isinstance(v, str) and s in v for v in value) for s in spec["includes_sub"])
    raise ValueError(f"unknown check {spec!r}")


def _fails(obj: Any, checks: dict[str, Any]) -> list[str]:
    return [f"{k}={_get(obj, k)!r} (want {v!r})" for k, v in checks.items() if not _ok(_get(obj, k), v)]


def _describe(ev: Any) -> str:
    def side(a: Any) -> str:
        return "-" if a is None else f"{a.text!r}:{a.country}/{a.sector}/{a.role}"

    place = ev.place and f"{ev.place.text!r}:{ev.place.country}/{ev.place.precision}/{ev.place.region}"
    return (f"[{ev.sentence_index}] {ev.event_type} {side(ev.source)} -> {side(ev.target)} "
            f"date={ev.date}/{ev.date_precision} place={place}")


def check(case: dict[str, Any], coded: Any) -> list[str]:
    """The reasons the coded article misses the case's expectation (empty: it passes)."""
    exp = case["expect"]
    why: list[str] = []
    events = coded.events
    if exp.get("no_events") and events:
        why.append(f"{len(events)} event(s) coded")
    if "event" in exp:
        if not events:
            why.append("no event coded")
        elif not any(not _fails(ev, exp["event"]) for ev in events):
            best = min(events, key=lambda ev: len(_fails(ev, exp["event"])))
            why.append("no event matches: " + "; ".join(_fails(best, exp["event"])))
    if "all_events" in exp:
        if not events and not exp.get("allow_no_events"):
            why.append("no event coded")
        for ev in events:
            bad = _fails(ev, exp["all_events"])
            if bad:
                why.append("event fails: " + "; ".join(bad))
    for want in exp.get("places", []):
        checks = {k: v for k, v in want.items() if k != "text_contains"}
        hits = [p for p in coded.places if want["text_contains"] in p.text]
        if not hits:
            why.append(f"no place with {want['text_contains']!r}")
        elif not any(not _fails(p, checks) for p in hits):
            why.append(f"place {want['text_contains']!r}: " + "; ".join(_fails(hits[0], checks)))
    banned = set(exp.get("no_country", []))
    if banned:
        for a in coded.actors:
            if a.country in banned:
                why.append(f"actor {a.text!r} has country {a.country}")
        for p in coded.places:
            if p.country in banned:
                why.append(f"place {p.text!r} has country {p.country}")
    for word in exp.get("no_actor_text", []):
        if any(a.text == word for a in coded.actors):
            why.append(f"actor {word!r}")
    for word in exp.get("no_place_text", []):
        if any(p.text == word for p in coded.places):
            why.append(f"place {word!r}")
    if why:
        why.extend("  " + _describe(ev) for ev in events)
    return why


def run_all(coder: Any) -> dict[str, list[str]]:
    from gaiko.types import Article

    arts = [Article(text=c["text"], published=c["published"]) for c in CASES]
    out = {}
    for case, coded in zip(CASES, coder.code_articles(arts)):
        out[case["id"]] = check(case, coded)
    return out


@pytest.fixture(scope="module")
def results(coder):
    return run_all(coder)


def test_data_file_has_six_inputs_for_each_of_ten_kinds():
    counts = defaultdict(int)
    for c in CASES:
        counts[c["kind"]] += 1
    assert len(counts) == 10 and set(counts.values()) == {6}, dict(counts)


@pytest.mark.parametrize("kind", KINDS)  # the 60 inputs code in about 5 s
def test_kind_passes_at_least_five_of_six(results, kind):
    cases = [c for c in CASES if c["kind"] == kind]
    failed = {c["id"]: results[c["id"]] for c in cases if results[c["id"]]}
    assert len(cases) - len(failed) >= PASS_AT, "\n".join(
        f"{cid} {next(c['text'] for c in cases if c['id'] == cid)}\n    " + "\n    ".join(why) for cid, why in failed.items()
    )


def main(argv: list[str]) -> int:
    from gaiko.coder import Coder

    res = run_all(Coder())
    kinds_ok = 0
    for kind in KINDS:
        cases = [c for c in CASES if c["kind"] == kind]
        n = sum(not res[c["id"]] for c in cases)
        kinds_ok += n >= PASS_AT
        print(f"{kind:20s} {n}/{len(cases)} {'PASS' if n >= PASS_AT else 'FAIL'}")
        if "-v" in argv:
            for c in cases:
                if res[c["id"]]:
                    print(f"  {c['id']} {c['text']}")
                    for why in res[c["id"]]:
                        print(f"      {why}")
    print(f"kinds passing: {kinds_ok}/{len(KINDS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
