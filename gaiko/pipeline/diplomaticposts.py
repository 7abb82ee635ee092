"""A diplomatic post taking up the status of an embassy is SUPPORT between two countries (round e46, kind F1 of
newcomer round b45).

"Ghana's consulate in Lagos resumed operations as a full embassy" was ASSAULT GHA -> GHA (Goldstein -10): the type
model reads "resumed" as fighting resumed. :func:`diplomatic_posts` re-types a draft at a verb whose subject is a post
noun (``post_nouns`` of ``gaiko/data/primary/diplomatic_posts.yaml``: embassy, consulate, mission, office, ...) and
which (or whose ``xcomp``: "began operating as") has an "as" phrase, or after a verb of upgrading a "to" phrase,
naming a status noun (``status_nouns``: embassy, consulate, high commission, ...): the draft becomes ``new_type``
(SUPPORT, as the corpus labels upgrades and restored relations), its source the post's country (the possessor,
"Ghana's"), its target the country of the place the post sits in ("in Lagos": Nigeria). A stated plan, a refusal
and a negated clause keep their draft.

Round e47: "Kenya's office in Mogadishu began operating as a full embassy" had no draft at all; the lexicon entry
``support.post_status`` (``drafting_entries``) drafts a verb of working with an "as" phrase of a status noun, and this
pass keeps its draft only with a post noun as the subject ("the villa served as an embassy" gives none).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..types import Actor
from .destination import foreign_side
from .primarydata import _data, _words

if TYPE_CHECKING:
    from .eventrecord import Draft
    from .state import DocState

__all__ = ["diplomatic_posts", "post_subject"]

_FILE = "diplomatic_posts"


def _status(verb: Token) -> bool:
    """Whether ``verb`` or an ``xcomp`` below it has an "as" phrase (a "to" phrase after a verb of upgrading) whose
    noun is a status noun ("resumed work as a full embassy", "began operating as an embassy", "was upgraded to a
    full embassy")."""
    statuses, upgrades = _words(_FILE, "status_nouns"), _words(_FILE, "upgrade_verbs")
    for v in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
        preps = {"as", "to"} if v.lemma_.lower() in upgrades else {"as"}
        for p in (c for c in v.children if c.dep_ == "prep" and c.lower_ in preps):
            if any(o.dep_ == "pobj" and o.lemma_.lower() in statuses for o in p.children):
                return True
    return False


def post_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` when it is a post noun and the verb gives it a status (module docstring), else None."""
    if verb.pos_ not in ("VERB", "AUX") or not _status(verb):
        return None
    posts = _words(_FILE, "post_nouns")
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in posts), None)


def _host(post: Token, own: str | None, state: DocState) -> Actor | None:
    """The country of the place of the post's "in" phrase ("consulate in Lagos"), when it is not the post's own."""
    for p in (c for c in post.children if c.dep_ == "prep" and c.lower_ == "in"):
        for o in (c for c in p.children if c.dep_ == "pobj"):
            side = foreign_side(o, state, own)
            if side is not None:
                return side
    return None


def _owner(post: Token, state: DocState) -> Actor | None:
    """The post's country: its possessor or modifier ("Ghana's consulate", "the Kenyan office"), else the actor of
    the subject phrase outside its "in" phrase."""
    for c in post.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < post.i:
            a = state.actor_in(c)
            if a is not None and a.country:
                return a
    a = state.actor_at(post)
    return a if a is not None and a.country else None


def diplomatic_posts(drafts: list[Draft], state: DocState) -> list[Draft]:
    """The drafts with a post's new status re-typed, its sides the post's country and its host's (module
    docstring)."""
    from ..tables import plover_table

    kept = _words(_FILE, "kept_types_upper")
    drafting = _words(_FILE, "drafting_entries")
    etype = str(_data(_FILE).get("new_type") or "SUPPORT")
    out = []
    for d in drafts:
        verb = d.cand.tok
        post = None
        if not (d.info.intended or d.info.hypothetical or d.info.negated or d.event_type in kept):
            post = post_subject(verb)
            if post is None and verb.dep_ == "xcomp":  # a draft at "operating" of "began operating as"
                post = post_subject(verb.head)
        if post is None:
            if getattr(d.cand.entry, "id", None) not in drafting:
                out.append(d)  # the entry that drafts "began operating as an embassy" needs a post (round e47)
            continue
        owner = _owner(post, state) or d.source
        host = _host(post, owner.country if owner is not None else None, state)
        if host is None and d.target is not None and d.target.country and (
                owner is None or d.target.country != owner.country):
            host = d.target
        out.append(replace(d, event_type=etype, cameo=str(plover_table()[etype]["cameo"]), source=owner,
                           target=host, pattern=f"diplomatic_post>{d.pattern}"))
    return out
