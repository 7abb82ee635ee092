"""The deed a step is for (round t43, d38's cause X): a pledge to "introduce a bill to ratify the accord", "put forward
legislation to scrap the levy" or "table a motion to suspend the concession" is judged by the ratification, the
scrapping or the suspension, the act its purpose infinitive names. :func:`step_purpose` gives that infinitive's words
("ratify the accord") of an extracted action, or None. The step nouns are ``step_nouns`` of
``gaiko/data/pledges/action_words.yaml`` (the list the extractor keeps such a purpose by); nothing here raises.
"""

from __future__ import annotations

import re

from ..tables import word_sets

__all__ = ["step_purpose"]

#: a verb (with "forward"/"up"/"through"), up to four words of the noun phrase, the step noun, "to", the purpose
_STEP = re.compile(r"^[a-z-]+(?:\s+(?:forward|up|through|in))?\s+(?:[\w'$%-]+\s+){0,4}?(?P<noun>[a-z]+)\s+to\s+"
                   r"(?P<purpose>[a-z-]+\s+\S.*)$", re.I)


def step_purpose(action: str) -> str | None:
    """"ratify the fisheries accord" of "introduce a bill to ratify the fisheries accord"; None when the action is no
    step noun with a purpose ("introduce a bill", "send troops to Mali", "agree to a bill")."""
    m = _STEP.match(action.strip())
    if m is None or m.group("noun").lower() not in word_sets("pledges/action_words.yaml")["step_nouns"]:
        return None
    return m.group("purpose")
