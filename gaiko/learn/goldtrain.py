"""The tuned part of the PLOVER gold standard dev file as training sentences.

The PLOVER gold standard (Open Event Data Alliance, CC BY-SA 4.0) codes sentences from the CAMEO
manual with PLOVER types. Its tuned split (:mod:`gaiko.evaluate.split`) is read from ``../shared`` at
training time (nothing is copied into the repository) so that the model learns the gold standard's
conventions beside ours; its blind split is never read for training.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .corpus import CorpusEvent, CorpusSentence

__all__ = ["read_plover_training"]

_EVT = re.compile(r"\(EVT: ([^)]*)\)")


def read_plover_training(path: str | Path) -> list[CorpusSentence]:
    """All records of a PLOVER gold JSONL file as corpus sentences (the caller selects the split)."""
    out: list[CorpusSentence] = []
    p = Path(path)
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        text = str(r.get("text", "")).strip()
        etype = r.get("plover_2023_event") or r.get("event")
        if not text or not etype:
            continue
        info = r.get("textInfo")
        m = _EVT.search(str(info.get("markup", "")) if isinstance(info, dict) else "")
        trigger = m.group(1).strip() if m and m.group(1).strip() in text else None

        def actors(raw: object) -> tuple[list[str], list[str | None], list[str | None]]:
            names: list[str] = []
            cs: list[str | None] = []
            ss: list[str | None] = []
            for a in raw if isinstance(raw, list) else []:
                if isinstance(a, dict) and a.get("actorText") and str(a["actorText"]) in text:
                    names.append(str(a["actorText"]))
                    cs.append(str(a.get("code") or "")[:3] or None)
                    ss.append(str(a.get("sector") or "")[:3] or None)
            return names, cs, ss

        sn, sc, ss = actors(r.get("source"))
        tn, tc, ts = actors(r.get("target"))
        ev = CorpusEvent(type=str(etype), trigger=trigger, source=sn, target=tn, source_country=sc,
                         target_country=tc, source_sector=ss, target_sector=ts)
        out.append(CorpusSentence(id=str(r.get("id", n)), text=text, events=[ev], published=r.get("date"),
                                  batch="plover", form="gold", register="wire"))
    return out
