"""A text file's title line (round n53): the first line of a ``.txt`` or ``.md`` article, when it is a title, is the
article's ``title``, kept with it and never coded, as a JSONL or CSV record's ``title`` is.

Before, the whole file was the article's text, its headline included: "Poland vows to buy tanks" was read as a
sentence, and gave a pledge of its own beside the body's (newcomer round n52's finding; rounds r37 and b33 had only
documented it). A first line is a title when it is short, ends without a full stop and is followed by a blank line
and then text (the limits and marks are in ``gaiko/data/input/text_title.yaml``, with where they come from); any
other first line stays a sentence of the text, as before: "Japan raised tariffs on Monday." (a full stop), a first
line with the next line right under it (no blank line), or a file of one line.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["split_title", "is_title"]

_BLANK_AFTER = re.compile(r"[ \t\f\v]*\r?\n[ \t\f\v]*\r?\n")


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    from .tables import data_path, load_yaml

    return load_yaml(data_path("input/text_title.yaml")) or {}


def is_title(line: str) -> bool:
    """Whether ``line`` (a first line, without its line end) reads as a title: short and without a final full stop."""
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
