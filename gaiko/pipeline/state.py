"""Per-document state shared by gaiko's components (``doc._.gaiko``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..docindex import sentences
from ..types import Actor, Event, Place, Pledge

if TYPE_CHECKING:  # spaCy is imported by the coder; modules that only read records need not load it
    from spacy.tokens import Doc, Span, Token

__all__ = ["DocState", "DateMention", "get_state", "ensure_extensions", "path_to"]


@dataclass
class DateMention:
    text: str
    start: int  # char offsets in the article
    end: int
    date: str | None  # resolved ISO date (start of the period)
    end_date: str | None = None
    precision: str = "day"  # day, month, year
    sentence_index: int = -1


@dataclass
class DocState:
    """What gaiko knows about one article while coding it."""

    article_id: str = ""
    published: str | None = None  # ISO date of publication
    actors: list[Actor] = field(default_factory=list)
    #: token index -> index into ``actors`` for every token inside a mention
    token_actor: dict[int, int] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    #: places named as actors ("Russian missiles struck Kyiv": Kyiv stands for Ukraine, but is also where)
    actor_places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)

    def add_actor(self, actor: Actor, span: Span) -> int:
        idx = len(self.actors)
        self.actors.append(actor)
        for t in span:
            self.token_actor.setdefault(t.i, idx)
        return idx

    def actor_at(self, token: Token) -> Actor | None:
        idx = self.token_actor.get(token.i)
        return self.actors[idx] if idx is not None else None

    def actor_in(self, token: Token) -> Actor | None:
        """The actor a phrase headed by ``token`` refers to.

        The token itself wins; then the closest token of its subtree that is
        part of a mention (so "the Japanese coast guard" finds the mention
        even when the head noun is not in it).
        """
        direct = self.actor_at(token)
        if direct is not None:
            return direct
        best: tuple[int, int] | None = None
        for t in token.subtree:
            idx = self.token_actor.get(t.i)
            if idx is None:
                continue
            # prefer mentions near the head and not inside a relative clause
            if any(a.dep_ in ("relcl", "acl", "advcl", "ccomp") for a in path_to(t, token)):
                continue
            dist = abs(t.i - token.i)
            if best is None or dist < best[0]:
                best = (dist, idx)
        if best is not None:
            owner = self._owner_before_label(token, self.actors[best[1]])
            if owner is not None:
                return owner
        return self.actors[best[1]] if best else None

    def _owner_before_label(self, token: Token, near: Actor) -> Actor | None:
        """"Sweden's NATO bid", "Ukraine's EU membership": a thing that is no actor, owned by a named party and
        labelled by another name before it (a noun compound), is the owner's, not the label's (round a34). None
        when the phrase has no such owner: "the NATO summit", "Shell's Nigerian subsidiary" (an adjective), and for
        a plural head, which may be the label's own people ("Russia's Wagner mercenaries")."""
        if token.pos_ != "NOUN" or token.tag_ in ("NNS", "NNPS"):
            return None
        labels = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not any(c.idx <= near.start < c.idx + len(c.text) or near.start <= c.idx < near.end for c in labels):
            return None
        for c in token.children:
            if c.dep_ == "poss" and c.pos_ == "PROPN":
                owner = self.actor_at(c)
                if owner is not None and owner.country and owner is not near:
                    return owner
        return None

    def sentence_index(self, token: Token) -> int:
        return sentences(token.doc).index(token.i)


def path_to(tok: Token, top: Token) -> list[Token]:
    """Tokens from ``tok`` up to (not including) ``top``, following heads."""
    path: list[Token] = []
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        path.append(cur)
        cur = cur.head
    return path


def ensure_extensions() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension("gaiko"):
        Doc.set_extension("gaiko", default=None)


def get_state(doc: Doc) -> DocState:
    ensure_extensions()
    state = doc._.gaiko
    if state is None:
        state = DocState()
        doc._.gaiko = state
    return state
