"""A later, narrower pledge is a pledge of its own (round p47).

:func:`gaiko.tracking.link.group_mentions` merges a later mention into an earlier pledge it restates; a mention with
another deadline then reads as a revision of that pledge and shares its fate. A later pledge of the same actor that is
narrower ("plant 2 million trees in the Atacama region by December" after "plant 10 million trees by 2030"; "give
Sri Lanka $50 million in emergency aid by July" after "$500 million in aid") is no revision: it promises a part or a
new, smaller amount, and is kept or broken on its own. :func:`narrower` says so when the mention

* names a smaller amount of the same unit than every amount the pledge has, or
* names another deadline than the pledge's and a proper name of its object the pledge's mentions never named (a
  site, a region: a part of the pledge),

and its sentence does not announce a change (``change_words`` in ``gaiko/data/pledges/parts.yaml``: "now",
"instead of", "pushed back", "cut", ...): a change announced as one still revises the earlier pledge.

Round k2: a later pledge that *adds* to the earlier one is a pledge of its own too (:func:`added`): "deliver a third
radar unit by September" after "two radar units by March" (delivered in March) is a new promise, not a revision that
rewrites the kept pledge's deadline. Its object names an added amount the pledge's objects do not ("another",
"additional", "two more": ``added_words``), or an ordinal beyond every count they name ("a third" after "two"; "the
second" of "two units" is a part of them). A revision changes the terms of the same pledge; an addition is another.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["narrower", "added", "adds_to", "other_party", "object_text", "announced_change", "smaller_amount"]


@lru_cache(maxsize=1)
def _change() -> re.Pattern[str]:
    from ..tables import word_lists

    words = word_lists("pledges/parts.yaml")["change_words"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b")


@lru_cache(maxsize=50_000)
def announced_change(sentence: str) -> bool:
    """Whether a sentence announces a change of an earlier pledge ("now", "instead of", "pushed back", ...). Kept per
    sentence (round L55: grouping read a mention's sentence again for every group it was compared with)."""
    return bool(_change().search(sentence.lower()))


def smaller_amount(unit: str | None, value: float | None, amount: tuple[str, float] | None) -> bool:
    """Whether ``amount`` (unit, value) is of ``unit`` and under 95% of ``value``."""
    return bool(unit and value and amount and amount[0] == unit and amount[1] < 0.95 * value)


def _names(action: str) -> set[str]:
    """Lower-cased capitalised words of an action after its verb ("build the port at Sokhna": {"sokhna"})."""
    return {w.lower() for w in re.findall(r"\b[A-Z][\w'-]+", action.split(" ", 1)[1] if " " in action else "")}


def _end(m: dict[str, Any]) -> str | None:
    return (m.get("deadline") or {}).get("end")


def _value(m: dict[str, Any]) -> tuple[str, float] | None:
    q = m.get("quantity") or {}
    try:
        return (str(q["unit"]), float(q["value"])) if q.get("unit") and q.get("value") is not None else None
    except (TypeError, ValueError):
        return None


def narrower(m: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether mention ``m`` (prepared, later than ``group``'s mentions, oldest first) is a narrower pledge of its own
    rather than a restatement or revision of the pledge ``group`` holds (see the module doc)."""
    if not group or not m.get("published") or announced_change(m.get("sentence") or ""):
        return False
    mine = _value(m)
    theirs = [v for v in (_value(x) for x in group) if v and mine and v[0] == mine[0]]
    if mine and theirs and all(smaller_amount(v[0], v[1], mine) for v in theirs):
        return True  # a new, smaller amount
    end = _end(m)
    ends = {_end(x) for x in group if _end(x)}
    if not end or not ends or end in ends:
        return False
    added = _names(m.get("action") or "") - set().union(*(_names(x.get("action") or "") for x in group))
    narrow = set(m.get("_narrow") or ())
    return bool({w for w in added if w in narrow or any(k.startswith(w[:5]) for k in narrow)})


@lru_cache(maxsize=1)
def _adding() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    """(added-amount pattern, ordinal -> n, count word -> n) from ``gaiko/data/pledges/parts.yaml``."""
    from ..tables import word_lists

    lists = word_lists("pledges/parts.yaml")
    pat = re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in lists["added_words"]) + r")\b")
    return pat, {w: i + 1 for i, w in enumerate(lists["ordinals"])}, {w: i + 1 for i, w in enumerate(lists["count_words"])}


def object_text(m: dict[str, Any]) -> str:
    """The object of a mention, lower case (its action after the verb when it has none)."""
    obj = m.get("object") or ((m.get("action") or "").split(" ", 1)[1] if " " in (m.get("action") or "") else "")
    return obj.lower()


@lru_cache(maxsize=50_000)
def _counts(text: str) -> tuple[int, ...]:
    """The counts a phrase names ("two radar units", "20 boats"). Kept per phrase (round L55: a pledge's phrases were
    read again for every mention and report compared with it)."""
    words = _adding()[2]
    return tuple(int(w) if w.isdigit() else words[w] for w in re.findall(r"\b[a-z]+\b|\b\d+\b", text)
                 if w.isdigit() or w in words)


@lru_cache(maxsize=50_000)
def _adds_word(text: str) -> bool:
    """Whether a phrase (lower case) has an added-amount word ("another", "more", ...); kept per phrase (round L55)."""
    return bool(_adding()[0].search(text))


def adds_to(text: str, theirs: list[str]) -> bool:
    """Whether ``text`` (lower case) names an amount added to what the phrases ``theirs`` (the pledge's objects, lower
    case) name: an added-amount word none of them has, or an ordinal beyond every count they name."""
    pat, ordinals, _ = _adding()
    text = re.sub(r"\bmore than\b", " ", text)  # "more than 20 boats" is an amount, not an addition
    if pat.search(text) and not any(_adds_word(t) for t in theirs):
        return True
    nth = [ordinals[w] for w in re.findall(r"\b[a-z]+\b", text) if w in ordinals]
    counts = [n for t in theirs for n in _counts(t)]
    return bool(nth and counts and max(nth) > max(counts))


def added(m: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether mention ``m`` (prepared, dated, later than ``group``'s mentions) promises something added to the pledge
    ``group`` holds ("a third radar unit" after "two radar units", "another 20 boats"): then it is a pledge of its own
    (module doc, round k2). False when its sentence announces a change of the earlier pledge."""
    if not group or not m.get("published") or announced_change(m.get("sentence") or ""):
        return False
    return adds_to(object_text(m), [object_text(x) for x in group])


def _party(m: dict[str, Any]) -> str | None:
    """The country of a mention's target, when it is a state's code (not an organisation's: IGO, EU, UN)."""
    c = (m.get("target") or {}).get("country")
    return c if isinstance(c, str) and len(c) == 3 and c.isalpha() and c.isupper() and c != "IGO" else None


def other_party(m: dict[str, Any], group: list[dict[str, Any]]) -> bool:
    """Whether promise ``m`` (dated, later than ``group``'s mentions) is made to another state than every mention of
    the pledge names ("coastal radar units to Latvia" after "... to Estonia"): a pledge of its own (round k2). Demands
    are bucketed by the party asked already; False when a side has no state target or the sentence announces a change."""
    if not group or m.get("kind") == "demand" or not m.get("published") or announced_change(m.get("sentence") or ""):
        return False
    mine, theirs = _party(m), {_party(x) for x in group} - {None}
    return bool(mine and theirs and mine not in theirs)
