"""A blockade by an armed actor is coercion, not a protest (round x6, kind F11 of newcomer round b35).

"Al-Shabaab fighters have blockaded fuel imports to Baidoa since September" was PROTEST: the rules drafted COERCE at
"blockaded" (``coerce.blockade``) and the type model, which has met blockades by farmers and truckers, made it a
protest. :func:`armed_blockades` gives a PROTEST draft at a blockade word (``gaiko/data/primary/armed_blockade.yaml``)
whose source is of an armed sector (REB, MIL, INS, UAF) the file's type and CAMEO code (COERCE, 191: "impose
blockade"), as corpora/events/README.md codes a state's blockade. A blockade by farmers, a strike or a boycott keeps
its type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .primarydata import _data, _words

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["armed_blockades"]

_FILE = "armed_blockade"


def armed_blockades(drafts: list[Draft]) -> list[Draft]:
    """The drafts, a PROTEST at a blockade word by an armed source re-typed (module docstring)."""
    words = _words(_FILE, "blockade_words")
    armed = _words(_FILE, "armed_sectors_upper")
    out = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type == "PROTEST" and (tok.lemma_.lower() in words or tok.lower_ in words) \
                and d.source is not None and d.source.sector in armed:
            etype = str(_data(_FILE).get("type") or "COERCE")
            d = replace(d, event_type=etype, cameo=str(_data(_FILE).get("cameo") or "") or None,
                        pattern=f"armed_blockade>{d.pattern}")
        out.append(d)
    return out
