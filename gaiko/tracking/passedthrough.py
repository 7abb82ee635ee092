"""Traffic through a route pledged to open is the deed (round t58, issue 14).

"Ethiopia and Eritrea will reopen the road border crossing at Bure", then "The first lorries crossed into Eritrea at
Bure on Friday"; "open the customs posts at Ceuta and Melilla to commercial goods", then "Lorries crossed the Tarajal
border at Ceuta with goods in both directions"; "restart cargo flights between Kabul and Delhi", then "cargo flights
between Kabul and Delhi have run twice a week since February". The report names the route (the clause chooser matched
its object) but no act verb of opening, so the rules left it ``needs_review``, and the relation model mostly left it
so: the pledge stayed open or went overdue. A clause where traffic is reported going through the route is the route
open: ``fulfils``.

:func:`passed_through` reads a ``needs_review`` decision again for a pledge to open, reopen or restart
(``route_acts``) a crossing, road, railway, port, corridor or air route (``route_objects``): a movement verb done
(``passing_forms``: crossed, drove, sailed, landed, ran, ...), with no negation, modal, plan or condition word in the
four words before it (``not_done``), traffic before it (``traffic_words``: lorries, trains, flights, goods, ...: not
migrants slipping across), no word of the route shut or gone round (``closed_words``), and a subject is not another country than the pledger's, is ``fulfils``. People
gathering at a crossing, queueing before it or turned back at it pass nothing (no movement verb); a crossing closed is
read before (a contrary act). Words: ``gaiko/data/pledges/passed_through.yaml``.
"""

from __future__ import annotations

from ..tables import word_sets
from .clause import Decision, Report
from .clausegrammar import same_country, subject_side
from .lexicon import Lexicon
from .normalise import Frame
from .text import tokens_hits

__all__ = ["PASSED", "passed_through"]

#: the note of the reading; traffic through a shared crossing is both parties' deed, not one party's share of a joint
#: pledge (:func:`gaiko.tracking.jointrow.others_share` is not applied to it: "crossed into Eritrea at Bure")
PASSED = "traffic through it reported: open"


def passed_through(frame: Frame, report: Report, d: Decision, lex: Lexicon) -> Decision | None:
    """``fulfils`` for traffic reported through the route a pledge promised to open (see the module doc), else None."""
    if d.relation != "needs_review" or not (d.note or "").startswith("about the pledge"):
        return None
    w = word_sets("pledges/passed_through.yaml")
    if "true" not in w["enabled"] or not frame.acts & w["route_acts"] or not frame.objects & w["route_objects"]:
        return None
    if frame.verb == "not" or frame.kind == "threat":
        return None
    toks, _found = tokens_hits(report.text)
    if {t.text.lower() for t in toks} & w["closed_words"]:
        return None  # "to avoid the closed post", "smugglers crossed": the route is not reported open
    for k, t in enumerate(toks):
        if t.text.lower() not in w["passing_forms"]:
            continue
        before = {x.text.lower() for x in toks[max(0, k - 4):k]}
        if before & w["not_done"]:
            continue
        if not {x.text.lower() for x in toks[:k]} & w["traffic_words"]:
            continue  # traffic goes through ("lorries crossed"), not people ("migrants crossed")
        subject = subject_side(report, list(toks), 0, k, lex)
        if subject and frame.doer and not frame.doer.startswith("?:") and not same_country(subject, frame.doer) \
                and subject not in frame.related and subject.split("/")[0] not in {r.split("/")[0] for r in frame.related}:
            continue  # another side's traffic ("Chinese lorries crossed at Bure" for Ethiopia's pledge) is not read
        return Decision("fulfils", cue=t.text, note=PASSED, features=d.features)
    return None
