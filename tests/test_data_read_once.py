"""Lookup tables are read once per process, never per sentence: a data file parsed in the coder's inner loop
made coding 2.3 times slower on 2026-11-30 (retype.yaml re-read for every verb by round t27's rule; caught by
timing 150 benchmark articles before and after the merges, fixed by caching). No timing here: the check counts
YAML parses while the warmed-up coder codes the same sentences again (tables loaded lazily on a first use, such
as a country's places, are read on the warm-up)."""

import yaml

from gaiko.types import Article

TEXTS = [
    "The foreign ministry said Ankara must hand back the seized tanker within 48 hours.",
    "Protesters occupied the town hall in Lyon after the council voted to close the hospital.",
    "The embassy occupies a palace on the river, and its staff met the governor on Monday.",
    "A week after troops shelled the border village, the government recalled its ambassador.",
]


def test_coding_parses_no_yaml_after_warm_up(coder, monkeypatch):
    list(coder.code_articles([Article(text=" ".join(TEXTS), id="warm", published="2025-03-01")]))
    calls = []
    real = yaml.safe_load
    monkeypatch.setattr(yaml, "safe_load", lambda *a, **k: calls.append(1) or real(*a, **k))
    out = list(coder.code_articles([Article(text=" ".join(TEXTS), id="again", published="2025-03-01")]))
    assert sum(len(ca.events) for ca in out) > 0
    assert not calls, f"{len(calls)} YAML parses while coding sentences already coded once (cache the table)"
