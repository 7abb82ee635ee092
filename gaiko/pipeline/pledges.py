"""Pipeline component: pledges (doc._.gaiko.pledges).

First skeleton: assigns nothing yet. Replaced by the real component.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .state import get_state


class PledgeExtractor:
    name = "pledges"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("gaiko.pledges",)

    def __init__(self, **config: Any) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        get_state(doc)
        return doc
