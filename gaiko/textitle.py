"""A text file's title line (round n53): the first line of a ``.txt`` or ``.md`` article, when it is a title, is the
article's ``title``, kept with it and never coded, as a JSONL or CSV record's ``title`` is.

Before, the whole file was the article's text, its headline included: "Poland vows to buy tanks" was read as a
sentence, and gave a pledge of its own beside the body's (newcomer round n52's finding; rounds r37 and b33 had only
documented it). A first line is a title when it is short, ends without a full stop and is followed by a blank line
and then text (the limits and marks are in ``gaiko/data/input/text_title.yaml``, with where they come from); any
other first line stays a sentence of the text, as before: "Japan raised tariffs on Monday." (a full stop), a first
line with the next line right under it (no blank line), or a file of one line.

Round n54: a byline ("By Jane Doe", "Jane Doe, Reuters", "Staff reporter") or a dateline ("TOKYO, Oct 28 (Reuters)
-", "NAIROBI (AFP) -", or an all-capitals place alone: "TOKYO") on the first line is no title (:func:`is_byline`,
:func:`is_dateline`); the line stays in the text, as before round n53, and a dateline is read there as the place the
report was filed from (gaiko/actors/nosides.py).
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["split_title", "is_title", "is_byline", "is_dateline"]

_BLANK_AFTER = re.compile(r"[ \t\f\v]*\r?\n[ \t\f\v]*\r?\n")
#: what parts a byline: a comma, "|", ";", a bullet, or a dash ("Jane Doe - Reuters", "Jane Doe — Tokyo")
_PARTS = re.compile(r"\s*(?:[,|;\u2022]|\s[-\u2013\u2014]+\s|[\u2013\u2014])\s*")
_JOIN = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
#: "By Jane Doe in Tokyo": the place after the names
_WHERE = re.compile(r"\s+(?:in|at|from)\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}$")
#: a place alone in capitals ("TOKYO", "NEW DELHI"), a dateline without its dash
_CAPS_PLACE = re.compile(r"[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+){0,3}")


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    from .tables import data_path, load_yaml

    return load_yaml(data_path("input/text_title.yaml")) or {}


def _lowered(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _rules().get(key) or ())


def _credit(part: str) -> bool:
    """Whether ``part`` is a byline's credit: an outlet ("Reuters", "Kyodo News") or a role ("Staff reporter"), the
    role perhaps after a place or desk in capitals ("Tokyo correspondent", "Reuters staff")."""
    low = " ".join(part.lower().strip(" .").split())
    roles = _lowered("byline_roles")
    if low in roles or low in _lowered("byline_outlets"):
        return True
    words = part.split()
    return any(" ".join(words[k:]).lower().strip(" .") in roles and all(w[:1].isupper() for w in words[:k])
               for k in range(1, len(words)))


def _name(part: str) -> bool:
    """Whether ``part`` is a person's name: two to five words, each capitalised (or an initial, or a particle such as
    "van" or "al"), none of them a function word ("Tank Column" passes, "Russia Pushes Into Town" does not)."""
    words = part.split()
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    particles, closed = _lowered("name_particles"), _lowered("not_name_words")
    for w in words:
        core = w.strip(".,'\u2019")
        if not core or any(ch.isdigit() for ch in core) or core.lower() in closed:
            return False
        if not (core[:1].isupper() or core.lower() in particles or core.lower().split("-")[0] in particles):
            return False
    return True


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline or a credit line, not a title: "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane
    Doe in Tokyo", "Jane Doe, Reuters", "Jane Doe | Staff Writer", "Reporting by Jane Doe", "Staff reporter",
    "Reuters". The forms and word lists are in ``gaiko/data/input/text_title.yaml``, with their source."""
    text = " ".join(line.strip().strip("|\u2022-\u2013\u2014 ").split())
    low = text.lower()
    leads = sorted(_lowered("byline_leads"), key=len, reverse=True)
    lead = next((w for w in leads if low.startswith(w + " ")), None)
    rest = text[len(lead) + 1:].strip() if lead else text
    if not rest:
        return False
    if _credit(rest):  # "Staff reporter", "Reuters", "By Reuters staff"
        return True
    names, credits = 0, 0
    for part in _PARTS.split(rest):
        led = next((w for w in leads if part.lower().startswith(w + " ")), None)
        if led:  # "Reporting by Jane Doe; Editing by John Roe": each part with its own lead
            part, lead, credits = part[len(led) + 1:].strip(), led, 0
        if not part:
            continue
        if _credit(part):
            credits += 1
            continue
        if credits:  # a name after the credit: no byline's order
            return False
        for one in _JOIN.split(_WHERE.sub("", part)):
            if not _name(one):
                return False
            names += 1
    return names > 0 and (lead is not None or credits > 0)


def is_dateline(line: str) -> bool:
    """Whether ``line`` opens with a dateline ("TOKYO, Oct 28 (Reuters) -", "NAIROBI (AFP) - Kenya said ...", as the
    coder reads one: gaiko.actors.nosides.dateline_end) or is an all-capitals place alone ("TOKYO", "NEW DELHI": a
    capital, country or town of the knowledge base and gazetteer). Such a line is the start of the text, no title."""
    from .actors.nosides import _colon_place, dateline_end

    text = line.strip()
    if dateline_end(text + "\n"):
        return True
    place = text.rstrip(" ,:")
    return bool(_CAPS_PLACE.fullmatch(place)) and _colon_place(place)


def is_title(line: str) -> bool:
    """Whether ``line`` (a first line, without its line end) reads as a title: short and without a final full stop,
    and no byline or dateline (round n54)."""
    if is_byline(line) or is_dateline(line):
        return False
    rules = _rules()
    words = line.split()
    if (not words or len(words) > int(rules.get("max_words", 25))
            or len(line.strip()) > int(rules.get("max_chars", 200))):
        return False
    end = line.strip()
    if any(end.endswith(s) for s in rules.get("not_full_stops") or ()):
        return True
    end = end.rstrip("".join(rules.get("closing") or ()) + " ")
    if any(end.endswith(s) for s in rules.get("not_full_stops") or ()):
        return True
    return not any(end.endswith(s) for s in rules.get("full_stops") or (".",))


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)`` of a text file's text: its first line as the title when that line is one (:func:`is_title`)
    and a blank line and some text follow it; else ``(None, text)``."""
    lead = text.lstrip()
    m = _BLANK_AFTER.search(lead)
    if not m or "\n" in lead[:m.start()]:
        return None, text
    first, body = lead[:m.start()], lead[m.end():]
    title = first.lstrip(str(_rules().get("heading_marks") or "")).strip()
    if not body.strip() or not is_title(title):
        return None, text
    return " ".join(title.split()), body.strip()
