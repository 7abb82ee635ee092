"""An appraisal of talks held (round n44): "Vucic called the talks candid", "Serbia described Tuesday's meeting with
Kosovo as constructive", "officials said the talks had been productive". For a pledge to hold talks (``a:meet``) such
a clause reports the talks as having happened: the deed (:func:`appraised_talks`). Talks that are not yet held ("called
the upcoming talks important") are no deed, and talks dated before the pledge was made ("Friday's meeting", "talks on
Monday", "last week") are other talks. Whether they are the pledge's talks by their parties is decided before
(:mod:`gaiko.tracking.decide`: the counterparts and other people named). Words: ``pledges/appraisal.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dateweekday import WEEKDAY_NAMES, weekday_day
from ..tables import word_sets

__all__ = ["appraised_talks", "planned_talks", "talks_day"]

_WORDS = "pledges/appraisal.yaml"


def _alt(key: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(word_sets(_WORDS)[key], key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    talk, adj = _alt("talk_nouns"), _alt("appraisals")
    # the talks' noun phrase: a determiner or possessive, up to three modifiers, the noun, and what follows it up to
    # the appraisal ("his talks with Orban in Budapest on Monday")
    det = r"(?:the|his|her|their|its|this|that|these|those|our|[\w-]+(?:'s|\u2019s|s'))\s+"
    rest = (r"(?:[\w-]+\s+){0,3}?(?:" + talk + r")\b(?:\s+(?:with|in|on|between|at|of|last|this|over|held)"
            r"\b[^,;.]*?)?)")
    np = r"(?P<np>(?:" + det + r")?" + rest  # ("the talks", "Friday's meeting", "his talks with Orban on Monday")
    tail = r"\s+(?:(?:very|extremely|quite|largely|broadly|generally|mostly|highly|really|rather|fairly|so)\s+)?(?:" \
        + adj + r")\b"
    bare = re.compile(r"\b(?:" + _alt("appraise_bare") + r")\s+" + np + tail, re.I)
    as_ = re.compile(r"\b(?:" + _alt("appraise_as") + r")\s+" + np + r"\s+as" + tail, re.I)
    # a subject needs its determiner ("the talks had been productive")
    held = re.compile(r"(?P<np>\b" + det + rest + r"\s+(?:" + _alt("held_links") + r")" + tail, re.I)
    planned = re.compile(r"\b(?:" + _alt("planned") + r")\s+(?:[\w-]+\s+){0,2}?(?:" + talk + r")\b", re.I)
    return bare, as_, held, planned


def appraised_talks(text: str) -> tuple[str, str] | None:
    """(``"held"`` or ``"planned"``, the talks' noun phrase) of the first appraisal of talks in a clause, or None.
    ``planned``: the phrase names talks not yet held ("the upcoming talks"). An appraisal foreseen ("will call the
    talks useful") is none."""
    bare, as_, held, planned = _patterns()
    for pat in (bare, as_, held):
        m = pat.search(text)
        if m:
            if _FUTURE.search(text[:m.start()]):
                return None
            np = m.group("np").strip()
            return ("planned" if planned.search(np) else "held"), np
    return None


def planned_talks(text: str) -> tuple[int, int] | None:
    """The span (character offsets in ``text``) of words naming talks not yet held ("the upcoming talks", "the planned
    meeting"), or None."""
    m = _patterns()[3].search(text)
    return m.span() if m else None


#: a modal or "to" before the appraisal: it is foreseen, not made
_FUTURE = re.compile(r"\b(?:will|would|shall|could|might|may|to|'ll)\s+(?:\w+\s+)?$", re.I)


def talks_day(np: str, published: str | None) -> str | None:
    """The day (ISO) the talks' phrase dates them to, read back from the report's publication: a weekday ("Friday's
    meeting", "talks on Monday": the last such day before it) or "last week" (seven days before); None otherwise."""
    if not published:
        return None
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    low = np.lower()
    for day in WEEKDAY_NAMES:
        if re.search(r"\b" + day + r"\b", low):  # the same weekday: the day of the report
            return weekday_day(pub, day, ahead=False, same_day=True).isoformat()
    if re.search(r"\blast week\b", low):
        return (pub - dt.timedelta(days=7)).isoformat()
    return None
