"""Pipeline component: events (doc._.gaiko.events).

First skeleton: assigns nothing yet. Replaced by the real component.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .state import get_state


class EventCoder:
    name = "events"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("gaiko.events",)

    def __init__(self, **config: Any) -> None:
        self.config = config

    def __call__(self, doc: Doc) -> Doc:
        get_state(doc)
        return doc
