"""A small store for the cluster page's tests (round p51): one event, a coast guard's seizure of a fishing boat,
reported by four outlets over three days (each sentence written for these tests), a look-alike a week later, and
the fourth report split out by hand, so the page has reports side by side, several outlets and an overrule.

Coded by hand with exact offsets (no parser), as ``serve_data.synthetic_coded`` is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gaiko.ids import article_id, record_id
from gaiko.tables import cameo_for
from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

NATUNA = ("Natuna", "IDN", 3.9, 108.4)
SIDES = {"IDN": ("Indonesia", "MIL"), "VNM": ("Vietnam", "CVL")}

#: (published, outlet, title, lead sentence, the event's sentence, trigger, source words, target words, date, precision)
REPORTS: list[tuple[str, str, str, str, str, str, str, str, str, str]] = [
    ("2025-06-03", "Jakarta Ledger", "Patrol seizes trawler off Natuna", "Fishermen watched from the quay.",
     "Indonesian patrol boats seized a Vietnamese trawler off Natuna on Tuesday.", "seized",
     "Indonesian patrol boats", "a Vietnamese trawler", "2025-06-03", "day"),
    ("2025-06-04", "Hanoi Courier", "Trawler held in Indonesia", "Relatives gathered at the harbour office.",
     "Indonesian coast guard ships seized a Vietnamese fishing boat near Natuna on Tuesday, officials said.",
     "seized", "Indonesian coast guard ships", "a Vietnamese fishing boat", "2025-06-03", "day"),
    ("2025-06-05", "Saigon Evening Post", "Boat crew still held", "The crew of eleven has not been released.",
     "Indonesian patrol boats seized a Vietnamese trawler near Natuna this week.", "seized",
     "Indonesian patrol boats", "a Vietnamese trawler", "2025-06-03", "week"),
    ("2025-06-05", "Manila Wire", "Regional fishing row", "Regional fishing rows have grown this year.",
     "Indonesian patrol ships seized a Vietnamese trawler off Natuna on Tuesday.", "seized",
     "Indonesian patrol ships", "a Vietnamese trawler", "2025-06-03", "day"),
    # a look-alike: another seizure a week later, which the rules keep apart
    ("2025-06-11", "Jakarta Ledger", "Second boat seized", "The navy said more patrols would follow.",
     "Indonesian patrol boats seized a second Vietnamese trawler off Natuna on Wednesday.", "seized",
     "Indonesian patrol boats", "a second Vietnamese trawler", "2025-06-11", "day"),
]


def _actor(iso3: str, words: str, sentence: str, start: int) -> Actor:
    name, sector = SIDES[iso3]
    s = start + sentence.index(words)
    return Actor(words, s, s + len(words), name=name, country=iso3, sector=sector, resolved_by="demonym",
                 confidence=0.9)


def coded_reports() -> list[CodedArticle]:
    out = []
    for i, (published, outlet, title, lead, sent, trig, src, tgt, date, prec) in enumerate(REPORTS):
        text = f"{lead} {sent}"
        aid = article_id(text)
        start = len(lead) + 1
        sentences = [SentenceRecord(index=0, start=0, end=len(lead), text=lead),
                     SentenceRecord(index=1, start=start, end=start + len(sent), text=sent)]
        t0 = start + sent.index(trig)
        source, target = _actor("IDN", src, sent, start), _actor("VNM", tgt, sent, start)
        place = Place(NATUNA[0], -1, -1, name=NATUNA[0], country=NATUNA[1], lat=NATUNA[2], lon=NATUNA[3],
                      feature="island", precision="place")
        root, code, gold, quad, _cq = cameo_for("COERCE")
        ev = Event(id=record_id("ev", aid, 1, 0, "COERCE"), article_id=aid, sentence_index=1, sentence=sent,
                   event_type="COERCE", mode="seize", trigger=trig, trigger_start=t0, trigger_end=t0 + len(trig),
                   cameo=root, cameo_code=code, goldstein=gold, quad_class=quad, source=source, target=target,
                   date=date, date_precision=prec, place=place, pattern="fixture.seize", confidence=0.9,
                   coder_version="fixture")
        art = Article(text=text, id=aid, title=title, published=published, source=outlet,
                      url=f"https://example.org/seizure/{i}", origin=f"seizure:{i}")
        out.append(CodedArticle(article=art, sentences=sentences, events=[ev], actors=[source, target],
                                places=[place], coder_version="fixture"))
    return out


def seizure_store(path: Path, split: bool = True) -> dict[str, Any]:
    """Write the reports into a store at ``path``; with ``split``, take the Manila Wire report out of its cluster by
    hand. Returns ``{"path", "cluster" (the seizure's cluster), "split" (the cluster the split made, or None),
    "lookalike", "events" ({outlet of the seizure's reports: event id})}``."""
    from gaiko.clusters import split_cluster
    from gaiko.store import Store

    coded = coded_reports()
    with Store(path) as store:
        store.write_coded(coded, run_id=None)
        rows = store.query("SELECT e.id, a.source, a.published, m.cluster_id FROM events e JOIN articles a ON "
                           "a.id = e.article_id JOIN cluster_members m ON m.event_id = e.id")
        seizure = [r for r in rows if str(r["published"]) < "2025-06-10"]
        events = {r["source"]: r["id"] for r in seizure}
        cluster = seizure[0]["cluster_id"]
        lookalike = next(r["cluster_id"] for r in rows if str(r["published"]) > "2025-06-10")
        made = None
        if split:
            made = split_cluster(store, cluster, [events["Manila Wire"]], note="a wire rewrite, not an own report")
            made = made["cluster_id"]
    return {"path": path, "cluster": cluster, "split": made, "lookalike": lookalike, "events": events}


# -- round p51, kind 3: a pledge whose deed three outlets report (one piece of evidence with three sources) ---------

def _idn(text: str, start: int) -> Actor:
    return Actor(text, start, start + len(text), name="Indonesia", country="IDN", sector="GOV", resolved_by="country",
                 confidence=0.9)


def _pledge_article(published: str, outlet: str, sentences: list[str], events: list[tuple[int, str]] = (),
                    pledges: list[tuple[int, str, str, str, str, str]] = ()) -> CodedArticle:
    """One hand-coded article: ``events`` (sentence, trigger) are COOPERATE deeds of Indonesia on the day published;
    ``pledges`` (sentence, cue, action, object, deadline words, deadline end) Indonesia's promises."""
    from gaiko.types import Deadline, Pledge

    text = " ".join(sentences)
    aid = article_id(outlet + text)
    recs, start = [], 0
    for i, s in enumerate(sentences):
        recs.append(SentenceRecord(index=i, start=start, end=start + len(s), text=s))
        start += len(s) + 1
    evs, pls, actors = [], [], []
    root, code, gold, quad, _cq = cameo_for("COOPERATE")
    for si, trig in events:
        r = recs[si]
        t0 = r.start + r.text.index(trig)
        a = _idn("Indonesia", r.start + r.text.index("Indonesia"))
        evs.append(Event(id=record_id("ev", aid, si, 0, "COOPERATE"), article_id=aid, sentence_index=si,
                         sentence=r.text, event_type="COOPERATE", trigger=trig, trigger_start=t0,
                         trigger_end=t0 + len(trig), cameo=root, cameo_code=code, goldstein=gold, quad_class=quad,
                         source=a, date=published, date_precision="published", pattern="fixture", confidence=0.8,
                         coder_version="fixture"))
        actors.append(a)
    for si, cue, action, obj, words, end in pledges:
        r = recs[si]
        c0 = r.start + r.text.index(cue)
        a = _idn("Indonesia", r.start + r.text.index("Indonesia"))
        pls.append(Pledge(id=record_id("pl", aid, si, action), article_id=aid, sentence_index=si, sentence=r.text,
                          actor=a, action=action, event_type="COOPERATE", kind="promise", cue=cue, cue_start=c0,
                          cue_end=c0 + len(cue), object=obj, deadline=Deadline(words, end=end, granularity="month"),
                          made_on=published, confidence=0.8))
    art = Article(text=text, id=aid, title=sentences[-1][:48], published=published, source=outlet,
                  url=f"https://example.org/clinic/{aid}")
    return CodedArticle(article=art, sentences=recs, events=evs, pledges=pls, actors=actors, coder_version="fixture")


def clinic_store(path: Path, outlets: int = 3) -> dict[str, Any]:
    """A promise of Indonesia to fund a clinic, and its completion reported by ``outlets`` outlets (1 to 3) over as
    many days: with three, one deed with three sources; with one, a look-alike whose evidence has one source. Written,
    then the ledger is stored. Returns ``{"path", "pledge", "cluster" (the completion's cluster)}``."""
    from gaiko.store import Store
    from gaiko.tracking import ledger, update_ledger

    arts = [
        _pledge_article("2025-03-02", "Jakarta Ledger", [
            "Officials met in the capital on Sunday.",
            "Indonesia pledged to fund the Natuna harbour clinic by December 2025."],
            pledges=[(1, "pledged to", "fund the Natuna harbour clinic", "the Natuna harbour clinic",
                      "by December 2025", "2025-12-31")]),
        _pledge_article("2025-09-08", "Jakarta Ledger", ["Doctors arrived by boat.",
                        "Indonesia completed the Natuna harbour clinic on Monday."], events=[(1, "completed")]),
        _pledge_article("2025-09-09", "Hanoi Courier", ["The island had no hospital.",
                        "Indonesia completed the Natuna harbour clinic this week."], events=[(1, "completed")]),
        _pledge_article("2025-09-10", "Manila Wire", ["Regional health news in brief.",
                        "Indonesia completed the Natuna harbour clinic, officials said."], events=[(1, "completed")]),
    ][:1 + outlets]
    with Store(path) as store:
        store.write_coded(arts, run_id=None)
        update_ledger(store)
        [entry] = ledger(store)
        [cluster] = store.query("SELECT DISTINCT m.cluster_id FROM cluster_members m")
    return {"path": path, "pledge": entry["id"], "cluster": cluster["cluster_id"]}
