"""The kinds' passes run after the rules and the type model have drafted (moved out of :mod:`gaiko.pipeline.events`,
round v26, so that the coder stays under ~400 lines; the order is the one the rounds measured).

:func:`sentence_kinds`, over one sentence's ranked drafts, in order:

1. :func:`~gaiko.pipeline.subjectrank.subject_rank` (round t35), then its
   :func:`~gaiko.pipeline.subjectrank.lookalike_veto` and :func:`~gaiko.pipeline.subjectrank.readback_yield`;
2. :func:`~gaiko.pipeline.hostshare.participle_targets` (round n50: "eased its sanctions on Belarus, lifting ...");
3. :func:`~gaiko.pipeline.talksides.aside_targets`, then :func:`~gaiko.pipeline.talksides.talk_sides` (round n50);
4. :func:`~gaiko.pipeline.armedblockade.armed_blockades` (round x6: an armed group's blockade is COERCE);
5. :func:`~gaiko.pipeline.accusedacts.accused_acts` (round x8: "accused Ecuador of attacking": no act of the accuser);
6. :func:`~gaiko.pipeline.militaryaid.military_aid` (round x15: "sent troops to fight alongside Russian forces" is AID);
7. :func:`~gaiko.pipeline.droppedplans.dropped_plans` (round x17: "shelved its plan to send soldiers": no MOBILIZE);
8. :func:`~gaiko.pipeline.firedfrom.fired_from` (round x17: "fired from RSF positions": the RSF attack);
9. :func:`~gaiko.pipeline.answered.answered_requests` (round x17: "accepted a request from the UN": the UN asked);
10. :func:`~gaiko.pipeline.diplomaticposts.diplomatic_posts` (round e46: "X's consulate in Y resumed work as a full
    embassy" is SUPPORT X -> Y);
11. :func:`~gaiko.pipeline.bordersides.border_targets` (round e49: "held drills near the border with Armenia" is
    aimed at Armenia);
12. :func:`~gaiko.pipeline.goodsides.goods_targets` (round e49: "kept its ban on Ukrainian grain" is aimed at Ukraine);
13. :func:`~gaiko.pipeline.recalledenvoys.recalled_envoys` (round e50: "recalled its ambassador over France's remarks"
    is aimed at France, never at the envoy's own state), then its
    :func:`~gaiko.pipeline.recalledenvoys.summoned_sources` ("the Spanish ambassador was summoned to the foreign
    ministry in Rabat": Morocco summoned);
14. :func:`~gaiko.pipeline.helpedsides.helped_targets` (round e50: "pledged to help restructure Ghana's debt" serves
    Ghana);
15. :func:`~gaiko.pipeline.talksides.between_subject_sides` (round e50: "Talks between Serbia and Kosovo are set to
    resume" are Serbia's and Kosovo's, each way).

:func:`article_kinds`, once an article's sentences are coded, over ``state.events``, in order:

1. :func:`~gaiko.pipeline.callarticle.article_calls` (round n49: "The call lasted ten minutes");
2. :func:`~gaiko.pipeline.carriedtargets.carried_targets` (round n50: "Poland condemned the ban");
3. :func:`~gaiko.pipeline.orgties.organisation_ties` (round n50: "lift sanctions on the national airline Belavia").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .accusedacts import accused_acts
from .answered import answered_requests
from .bordersides import border_targets
from .armedblockade import armed_blockades
from .callarticle import article_calls
from .carriedtargets import carried_targets
from .diplomaticposts import diplomatic_posts
from .droppedplans import dropped_plans
from .firedfrom import fired_from
from .goodsides import goods_targets
from .helpedsides import helped_targets
from .hostshare import participle_targets
from .militaryaid import military_aid
from .orgties import organisation_ties
from .recalledenvoys import recalled_envoys, summoned_sources
from .subjectrank import lookalike_veto, readback_yield, subject_rank
from .talksides import aside_targets, between_subject_sides, talk_sides

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .eventrecord import Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["sentence_kinds", "article_kinds"]


def sentence_kinds(coder: EventCoder, sent: Span, state: DocState, frames: frozenset[int],
                   drafts: list[Draft]) -> list[Draft]:
    """The sentence's drafts (non-empty, ranked by :func:`gaiko.pipeline.primacy.rank_sentence`) after the
    sentence passes of the module docstring; ``frames`` are the token indices of frame triggers. Drafts may be
    dropped, and the kept ones changed in place."""
    drafts = participle_targets(readback_yield(lookalike_veto(subject_rank(coder, sent, state, frames, drafts))))
    drafts = military_aid(accused_acts(armed_blockades(talk_sides(aside_targets(drafts), state, coder.kb))), state, coder.kb)
    drafts = diplomatic_posts(answered_requests(fired_from(dropped_plans(drafts), sent, state), state), state)
    drafts = summoned_sources(recalled_envoys(goods_targets(border_targets(drafts, state)), state), state)
    return between_subject_sides(helped_targets(drafts, state), state, coder.kb)


def article_kinds(doc: Doc, state: DocState) -> None:
    """Run the article passes of the module docstring; events of ``state.events`` are replaced in place."""
    article_calls(doc, state)
    carried_targets(doc, state)
    organisation_ties(doc, state)
