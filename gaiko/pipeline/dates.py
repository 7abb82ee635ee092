"""Pipeline component: date mentions (doc._.gaiko.dates).

First skeleton: assigns nothing yet. Replaced by the real component.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .state import get_state


class DateResolver:
    name = "dates"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("gaiko.dates",)

    def __init__(self, **config: Any) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        get_state(doc)
        return doc
