"""An act dated by a time counted back from the report's day, before the pledge (round t56, issue 14, b48's H2).

"A year ago this month, Zambia signed its debt restructuring deal with bilateral creditors", in an article about
Malawi's pledge to sign its own, was read as Malawi's deed; "Ethiopia paid about $1.2 billion in port and transit fees
to Djibouti last year" as Ethiopia's pledge to pay a fee at Assab kept. A clause that dates its act "N years / months /
weeks ago", "last year" or "last month" (``pledges/retold_times.yaml``) to a time that ended before the pledge was first
made retells an earlier act: no deed of the pledge (an explicit year, "in 2024", and a month already were:
:mod:`gaiko.tracking.othermatter`). "Ago" is read loosely, the act may lie half a unit later than the count says; a
time that reaches the pledge's day, "last year's volume" (a thing of that time), and a sentence that announces an act ("will sign the deal it agreed a year ago"),
are read as before. (The coder's event of such a sentence is dated to the article's day, not the time retold: an events
matter, left.)

Used by :func:`gaiko.tracking.decide._decide` on each clause; nothing here raises.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .clausegrammar import Report, plain_memo
from .normalise import Frame
from .othermatter import _ANNOUNCES

__all__ = ["retold_before"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], re.Pattern[str]]:
    from ..tables import word_lists

    w = word_lists("pledges/retold_times.yaml")
    units = {u.split(":")[0]: int(u.split(":")[1]) for u in w["units"]}
    nums = "|".join(map(re.escape, w["numbers"]))
    ago = re.compile(rf"\b({nums}|\d+)\s+({'|'.join(units)})\s+ago\b", re.I)
    # "last year's volume" names a thing of that time, not the time of the clause's act
    last_year = re.compile(r"\b(?:" + "|".join(map(re.escape, w["last_year"])) + r")\b(?!['’]s)", re.I)
    last_month = re.compile(r"\b(?:" + "|".join(map(re.escape, w["last_month"])) + r")\b(?!['’]s)", re.I)
    return ago, units, last_year, last_month


_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 2, "few": 2}


def _latest(text: str, pub: date) -> date | None:
    """The latest day the clause's counted-back time can name, or None when it names none."""
    ago, units, last_year, last_month = _patterns()
    found: list[date] = []
    for m in ago.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _WORDS.get(m.group(1).lower(), 1)
        days = units[m.group(2).lower()]
        found.append(pub - timedelta(days=n * days - days // 2))
    if last_year.search(text):
        found.append(date(pub.year - 1, 12, 31))
    if last_month.search(text):
        found.append(pub.replace(day=1) - timedelta(days=1))
    return max(found) if found else None


def retold_before(frame: Frame, report: Report, text: str) -> str | None:
    """The day a clause ``text`` of ``report`` counts back to, as text, when its time ended before the pledge was first
    made; else None (also for a sentence that announces an act, as :func:`gaiko.tracking.othermatter._month_before`)."""
    if not frame.first_published or not report.published:
        return None
    memo = plain_memo(report)  # what the sentence and clause alone give, read once (round L53)
    announces = memo.get("announces")
    if announces is None:
        announces = memo["announces"] = bool(_ANNOUNCES.search(report.text))
    if announces:
        return None
    try:
        pub, made = date.fromisoformat(report.published[:10]), date.fromisoformat(frame.first_published[:10])
    except ValueError:
        return None
    key = ("retold", text)
    if key not in memo:
        memo[key] = _latest(text, pub)
    latest = memo[key]
    if latest is None or latest >= made:
        return None
    return latest.isoformat()
