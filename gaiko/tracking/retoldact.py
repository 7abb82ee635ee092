"""The pledged act retold in a relative clause of a report (round t34, b33's F14): "The military hotline that Greece and
Turkey agreed to establish last month has not yet been set up". "agreed to establish" names which thing the sentence is
about, in the past; the report is its main clause ("has not yet been set up", a stall). Read first, the retold act in
the future ("to establish") made the sentence a restatement. Extraction leaves such a sentence no new pledge
(:mod:`gaiko.pipeline.retold`).
"""

from __future__ import annotations

import re

from .text import Tok

__all__ = ["retold_act"]

#: "that Greece and Turkey agreed to", "which the two had promised to": a past commitment in a relative clause, right
#: before the act
_RETOLD = re.compile(r"\b(?:that|which)\s+(?:[\w'.-]+\s+){1,6}?(?:had\s+)?(?:agreed|promised|pledged|vowed|undertook|"
                     r"committed|offered|planned)\s+to\s*$", re.I)


def retold_act(text: str, toks: list[Tok], i: int, lo: int) -> bool:
    """Whether the act at token ``i`` of a clause starting at token ``lo`` is retold as what was promised, in a
    relative clause ("the hotline that they agreed to establish")."""
    before = text[toks[lo].start:toks[i].start]
    return bool(_RETOLD.search(before)) and not re.search(r"[,;:]", before[_RETOLD.search(before).start():])
