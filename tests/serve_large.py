"""A large, deterministic store for the dashboard tests: N generated articles (default 320) over four years.

Everything is invented here (our own sentences, made-up people) and coded by hand, so
no parser runs and the store builds in seconds. It holds what makes a real store hard to
show honestly: thousands of events over years (the chart interval must follow the span),
intended and hypothetical events, negated ones, self-dyads (JPN → JPN), unresolved actors,
dates of day, month and year precision, places that are real cities and places that are
country centroids, several outlets, modes and contexts, and pledges whose later evidence
(kept, partly kept, progress, broken, withdrawn, unclear, nothing) the real tracker reads.

Pledge topics are three words, one from each of three lists, chosen as lines of a
finite plane (a, b, (a+b) mod 31): two pledges share at most one topic word, so the
tracker never merges two of them and evidence for one is never read as evidence for
another.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gaiko.ids import article_id, record_id
from gaiko.tables import cameo_for
from gaiko.types import Actor, Article, CodedArticle, Deadline, Event, Place, Pledge, SentenceRecord

__all__ = ["large_coded", "COUNTRIES", "OUTLETS", "FIRST_DAY", "LAST_DAY"]

FIRST_DAY, LAST_DAY = dt.date(2022, 1, 3), dt.date(2025, 12, 29)
OUTLETS = ("Fixture Wire", "Harbour Times", "Capital Ledger", "Pacific Daily", "Northern Review")

# iso3: (name, demonym adjective, capital, capital lat/lon, country centroid lat/lon, leader (invented), title)
COUNTRIES: dict[str, tuple[str, str, str, tuple[float, float], tuple[float, float], str, str]] = {
    "JPN": ("Japan", "Japanese", "Tokyo", (35.68, 139.69), (36.2, 138.3), "Aiko Tanabe", "Prime Minister"),
    "CHN": ("China", "Chinese", "Beijing", (39.90, 116.41), (35.9, 104.2), "Wei Lanshan", "President"),
    "USA": ("United States", "American", "Washington", (38.90, -77.04), (39.8, -98.6), "Dana Whitford", "President"),
    "KOR": ("South Korea", "South Korean", "Seoul", (37.57, 126.98), (36.5, 127.9), "Min-jun Baek", "President"),
    "PRK": ("North Korea", "North Korean", "Pyongyang", (39.04, 125.76), (40.3, 127.5), "", ""),
    "PHL": ("Philippines", "Philippine", "Manila", (14.60, 120.98), (12.9, 121.8), "Rosa Villanueva", "President"),
    "RUS": ("Russia", "Russian", "Moscow", (55.76, 37.62), (61.5, 105.3), "Pavel Orlov", "President"),
    "UKR": ("Ukraine", "Ukrainian", "Kyiv", (50.45, 30.52), (48.4, 31.2), "Olena Marchuk", "President"),
    "IND": ("India", "Indian", "New Delhi", (28.61, 77.21), (20.6, 79.0), "Ravi Deshmukh", "Prime Minister"),
    "AUS": ("Australia", "Australian", "Canberra", (-35.28, 149.13), (-25.3, 133.8), "Claire Hollis", "Prime Minister"),
    "VNM": ("Vietnam", "Vietnamese", "Hanoi", (21.03, 105.85), (14.1, 108.3), "", ""),
    "GBR": ("United Kingdom", "British", "London", (51.51, -0.13), (55.4, -3.4), "Tom Ashby", "Prime Minister"),
    "FRA": ("France", "French", "Paris", (48.86, 2.35), (46.2, 2.2), "", ""),
    "DEU": ("Germany", "German", "Berlin", (52.52, 13.40), (51.2, 10.5), "", ""),
    "IRN": ("Iran", "Iranian", "Tehran", (35.69, 51.39), (32.4, 53.7), "", ""),
    "TWN": ("Taiwan", "Taiwanese", "Taipei", (25.03, 121.57), (23.7, 121.0), "", ""),
}
CITIES = {"Osaka": ("JPN", 34.69, 135.50), "Shanghai": ("CHN", 31.23, 121.47), "Busan": ("KOR", 35.18, 129.08),
          "Sydney": ("AUS", -33.87, 151.21), "Mumbai": ("IND", 19.08, 72.88), "Odesa": ("UKR", 46.48, 30.72),
          "Yellow Sea": (None, 35.0, 123.0), "South China Sea": (None, 12.0, 113.0)}
WEIGHTS = {"JPN": 9, "CHN": 9, "USA": 8, "KOR": 4, "PRK": 3, "PHL": 3, "RUS": 4, "UKR": 3, "IND": 2, "AUS": 2,
           "VNM": 1, "GBR": 1, "FRA": 1, "DEU": 1, "IRN": 1, "TWN": 1}

# type: (past-tense trigger, base verb, tail, mode, context)
TYPES: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "AGREE": ("agreed with", "agree with", "on a framework for maritime talks", None, "diplomatic"),
    "CONSULT": ("met", "meet", "to discuss regional security", "visit", "diplomatic"),
    "SUPPORT": ("praised", "praise", "for its stance on shipping lanes", "praise", "diplomatic"),
    "CONCEDE": ("eased restrictions on", "ease restrictions on", "after weeks of pressure", "ease", "economic"),
    "COOPERATE": ("held joint exercises with", "hold joint exercises with", "near the coast", "military", "military"),
    "AID": ("sent relief supplies to", "send relief supplies to", "after the floods", "humanitarian", "humanitarian"),
    "RETREAT": ("pulled its vessels back from", "pull its vessels back from", "near the disputed reef", None, "military"),
    "REQUEST": ("urged", "urge", "to return to negotiations", None, "diplomatic"),
    "ACCUSE": ("accused", "accuse", "of spreading false claims", "disapprove", "diplomatic"),
    "REJECT": ("rejected a proposal from", "reject a proposal from", "on fishing quotas", None, "economic"),
    "THREATEN": ("warned", "warn", "of serious consequences", "threaten", "military"),
    "PROTEST": ("staged a protest against", "stage a protest against", "outside the embassy", "demonstrate", "political"),
    "SANCTION": ("imposed sanctions on", "impose sanctions on", "over export rules", "sanction", "economic"),
    "MOBILIZE": ("moved troops toward", "move troops toward", "along the border", "troops", "military"),
    "COERCE": ("seized a cargo ship from", "seize a cargo ship from", "in contested waters", "seize", "military"),
    "ASSAULT": ("fired missiles at", "fire missiles at", "overnight", "missile", "military"),
}
TYPE_WEIGHTS = {"AGREE": 6, "CONSULT": 10, "SUPPORT": 6, "CONCEDE": 1, "COOPERATE": 4, "AID": 3, "RETREAT": 1,
                "REQUEST": 6, "ACCUSE": 8, "REJECT": 4, "THREATEN": 4, "PROTEST": 2, "SANCTION": 3, "MOBILIZE": 2,
                "COERCE": 1, "ASSAULT": 2}

_P = 31
WORDS_A = ("radars", "frigates", "turbines", "vaccines", "satellites", "railcars", "reactors", "cables", "drones",
           "tankers", "helicopters", "telescopes", "ventilators", "locomotives", "generators", "buoys", "trawlers",
           "icebreakers", "hovercraft", "seaplanes", "dredgers", "transformers", "scanners", "microscopes",
           "greenhouses", "pylons", "sensors", "batteries", "antennas", "kilns", "winches")
WORDS_B = ("fisheries", "lighthouse", "orchard", "harbour", "observatory", "wetland", "glacier", "canal", "quarry",
           "vineyard", "meadow", "estuary", "plateau", "lagoon", "delta", "archipelago", "savanna", "tundra",
           "steppe", "marsh", "moorland", "fjord", "atoll", "prairie", "highland", "bayou", "oasis", "ravine",
           "peninsula", "headland", "foothill")
WORDS_C = ("corridor", "programme", "partnership", "compact", "initiative", "scheme", "consortium", "charter",
           "accord", "venture", "mission", "network", "alliance", "project", "campaign", "taskforce", "fund",
           "academy", "registry", "exchange", "institute", "council", "forum", "facility", "laboratory", "depot",
           "terminal", "station", "clinic", "workshop", "hub")
# evidence sentences: what the tracker reads after a pledge, and the words it reads them by (gaiko/data/pledges/cues.yaml, relations.yaml)
OUTCOMES = ("kept", "partly", "progress", "broken", "withdrawn", "unclear", "overdue", "open")
OUTCOME_WEIGHTS = (24, 8, 8, 10, 6, 4, 22, 18)
EVIDENCE = {"kept": "{c} completed the {t}.", "partly": "{c} began work on the {t}.",
            "progress": "{c} began work on the {t}.", "broken": "{c} halted the {t}.",
            "withdrawn": "{c} shelved the {t}.", "unclear": "It remains unclear whether {c} will finish the {t}."}


def _topic(k: int) -> str:
    a, b = divmod(k, _P)
    return f"{WORDS_A[a]} for the {WORDS_B[b]} {WORDS_C[(a + b) % _P]}"


def _day(d: dt.date) -> str:
    return d.isoformat()


def _country_actor(iso: str, text: str, sector: str | None = "GOV", *, name: str | None = None,
                   resolved_by: str = "country") -> Actor:
    return Actor(text, name=name or COUNTRIES[iso][0], country=iso, sector=sector, resolved_by=resolved_by,
                 confidence=0.9)


class _Builder:
    """One article's sentences, events and pledges, with exact offsets."""

    def __init__(self, aid: str) -> None:
        self.aid, self.text, self.sentences, self.events, self.pledges = aid, "", [], [], []
        self.actors: list[Actor] = []
        self.places: list[Place] = []

    def add(self, sentence: str) -> tuple[int, int]:
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += sentence
        idx = len(self.sentences)
        self.sentences.append(SentenceRecord(index=idx, start=start, end=start + len(sentence), text=sentence))
        return idx, start

    def place_at(self, actor: Actor, sentence: str, start: int) -> Actor:
        s = sentence.find(actor.text)
        if s < 0:
            return Actor(**{**actor.to_dict(), "start": -1, "end": -1})
        a = Actor(**{**actor.to_dict(), "start": start + s, "end": start + s + len(actor.text)})
        self.actors.append(a)
        return a


def _mention(rng: random.Random, iso: str, day: dt.date) -> Actor:
    name, adj, capital, _cap, _cen, leader, title = COUNTRIES[iso]
    r = rng.random()
    if leader and r < 0.25:
        return Actor(f"{title} {leader}", name=leader, country=iso, sector="GOV", role="head_of_government",
                     person_id=f"fixture-{iso.lower()}", resolved_by="kb", confidence=0.95)
    if r < 0.45:
        return _country_actor(iso, capital, "GOV", name=name, resolved_by="metonymy")
    if r < 0.55:
        return _country_actor(iso, f"{adj} military", "MIL", name=name, resolved_by="sector")
    return _country_actor(iso, name, None if r < 0.8 else "GOV")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _event(rng: random.Random, b: _Builder, day: dt.date, k: int) -> None:
    etype = _pick(rng, TYPE_WEIGHTS)
    past, base, tail, mode, context = TYPES[etype]
    src_iso = _pick(rng, WEIGHTS)
    r = rng.random()
    self_dyad = r < 0.04
    if self_dyad:
        source = _country_actor(src_iso, f"{COUNTRIES[src_iso][1]} opposition lawmakers", "OPP")
        target: Actor | None = _country_actor(src_iso, f"the {COUNTRIES[src_iso][1]} government", "GOV")
    else:
        tgt_iso = _pick(rng, {k2: v for k2, v in WEIGHTS.items() if k2 != src_iso})
        source = _mention(rng, src_iso, day)
        target = _mention(rng, tgt_iso, day) if rng.random() > 0.08 else None
        if rng.random() < 0.05:
            source = Actor("Unidentified gunmen", resolved_by="unresolved", confidence=0.2)
    modality = rng.choices(("actual", "intended", "hypothetical", "negated"), weights=(78, 15, 3, 4))[0]
    tgt_text = target.text if target is not None else "the region"
    if modality == "intended":
        sent, trig = f"{source.text} will {base} {tgt_text} {tail}, officials said.", base.split()[0]
    elif modality == "hypothetical":
        sent, trig = f"If talks fail, {source.text} could {base} {tgt_text} {tail}.", base.split()[0]
    elif modality == "negated":
        sent, trig = f"{source.text} did not {base} {tgt_text} {tail}.", base.split()[0]
    else:
        sent, trig = f"{source.text} {past} {tgt_text} {tail}.", past.split()[0]
    sent = sent[0].upper() + sent[1:]
    idx, start = b.add(sent)
    src = b.place_at(source, sent, start)
    tgt = b.place_at(target, sent, start) if target is not None else None
    t0 = start + sent.index(trig, len(source.text))
    place = None
    pr = rng.random()
    if pr < 0.3:
        iso = target.country if target is not None and target.country else src_iso
        cap = COUNTRIES[iso]
        place = Place(cap[2], -1, -1, name=cap[2], country=iso, lat=cap[3][0], lon=cap[3][1], feature="capital")
    elif pr < 0.38:
        name = rng.choice(list(CITIES))
        iso, lat, lon = CITIES[name]
        place = Place(name, -1, -1, name=name, country=iso, lat=lat, lon=lon, feature="city")
    elif pr < 0.55:
        iso = src_iso
        place = Place(COUNTRIES[iso][0], -1, -1, name=COUNTRIES[iso][0], country=iso, lat=COUNTRIES[iso][4][0],
                      lon=COUNTRIES[iso][4][1], feature="country")
    if place is not None:
        b.places.append(place)
    date, date_text, precision = _event_date(rng, day)
    root, code, gold, quad, cq = cameo_for(etype)
    b.events.append(Event(
        id=record_id("ev", b.aid, idx, k, etype), article_id=b.aid, sentence_index=idx, sentence=sent,
        event_type=etype, trigger=trig, trigger_start=t0, trigger_end=t0 + len(trig), mode=mode,
        context=[context] if context else [], cameo=root, cameo_code=code, goldstein=gold, quad_class=quad,
        cameo_quad_class=cq, source=src, target=tgt, date=date, date_text=date_text, date_precision=precision,
        place=place, negated=modality == "negated", hypothetical=modality == "hypothetical",
        intended=modality == "intended", pattern="fixture-large", confidence=round(0.5 + 0.5 * rng.random(), 2),
        coder_version="fixture"))


def _event_date(rng: random.Random, day: dt.date) -> tuple[str, str | None, str]:
    r = rng.random()
    if r < 0.5:
        return _day(day), None, "published"
    if r < 0.85:
        back = rng.randint(0, 6)
        return _day(day - dt.timedelta(days=back)), ("on " + (day - dt.timedelta(days=back)).strftime("%A")), "day"
    if r < 0.95:
        return _day(day.replace(day=1)), "this month", "month"
    return _day(day.replace(month=1, day=1)), "this year", "year"


def _deadline(rng: random.Random, day: dt.date) -> Deadline | None:
    r = rng.random()
    if r < 0.2:
        return None
    months = rng.choice((3, 6, 9, 12, 18, 24))
    y, m = divmod(day.month - 1 + months, 12)  # the month the deadline falls in: (day.year + y, m + 1)
    end = dt.date(day.year + y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return Deadline(f"by the end of {end.strftime('%B %Y')}", end=_day(end), granularity="month")


def large_coded(n: int = 320, seed: int = 16, events_per_article: int = 22) -> list[CodedArticle]:
    """``n`` generated coded articles, oldest first (deterministic for a seed)."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(FIRST_DAY + dt.timedelta(days=round(i * span / max(1, n - 1))) for i in range(n))
    plan: list[dict[str, Any]] = [{"day": d, "evidence": [], "restate": []} for d in days]
    topics = list(range(_P * _P))
    rng.shuffle(topics)
    pledges: list[dict[str, Any]] = []
    for i, p in enumerate(plan):
        for _ in range(rng.choice((1, 2, 2, 3, 3))):
            if not topics:
                break
            iso = _pick(rng, WEIGHTS)
            pl = {"i": i, "iso": iso, "topic": _topic(topics.pop()), "deadline": _deadline(rng, p["day"]),
                  "outcome": rng.choices(OUTCOMES, weights=OUTCOME_WEIGHTS)[0], "person": rng.random() < 0.3}
            pledges.append(pl)
            later = [j for j in range(i + 1, n) if 20 <= (plan[j]["day"] - p["day"]).days <= 300]
            due = dt.date.fromisoformat(pl["deadline"].end) if pl["deadline"] else None
            if pl["outcome"] in EVIDENCE and later:
                if pl["outcome"] == "partly" and due:
                    later = [j for j in later if plan[j]["day"] <= due] or later
                plan[rng.choice(later)]["evidence"].append(pl)
            if later and rng.random() < 0.25:
                plan[later[0]]["restate"].append(pl)
    by_article: dict[int, list[dict[str, Any]]] = {}
    for pl in pledges:
        by_article.setdefault(pl["i"], []).append(pl)
    out = []
    for i, p in enumerate(plan):
        day = p["day"]
        seed_text = f"gaiko large fixture {seed} article {i} {day}"
        aid = article_id(seed_text)
        b = _Builder(aid)
        b.add(f"Dispatch {i + 1} of the regional desk, {day.strftime('%d %B %Y')}.")
        for k in range(events_per_article + rng.randint(-6, 6)):
            _event(rng, b, day, k)
        for pl in by_article.get(i, []):
            _pledge(b, pl, day, "pledged to", "promise")
        for pl in p["restate"]:
            _pledge(b, pl, day, "reaffirmed its pledge to", "promise")
        for pl in p["evidence"]:
            c = COUNTRIES[pl["iso"]][0]
            b.add(EVIDENCE[pl["outcome"]].format(c=c, t=pl["topic"]))
        art = Article(text=b.text, id=aid, title=f"Regional desk {i + 1}: {_headline(b)}", published=_day(day),
                      source=OUTLETS[i % len(OUTLETS)], url=f"https://example.org/large/{i}", origin=f"large:{i}")
        out.append(CodedArticle(article=art, sentences=b.sentences, events=b.events, pledges=b.pledges,
                                actors=b.actors, places=b.places, coder_version="fixture"))
    return out


def _headline(b: _Builder) -> str:
    first = b.events[0] if b.events else None
    return f"{first.event_type.lower()} and more" if first else "notes"


def _pledge(b: _Builder, pl: dict[str, Any], day: dt.date, cue: str, kind: str) -> None:
    iso = pl["iso"]
    name, _adj, _capital, _cap, _cen, leader, title = COUNTRIES[iso]
    if pl["person"] and leader:
        actor = Actor(f"{title} {leader}", name=leader, country=iso, sector="GOV", person_id=f"fixture-{iso.lower()}",
                      resolved_by="kb", confidence=0.95)
    else:
        actor = _country_actor(iso, name, None)
    verb = "deliver" if pl["topic"].split()[0] in ("radars", "frigates", "drones", "tankers") else "fund"
    action = f"{verb} {pl['topic']}"
    dl = pl["deadline"]
    sent = f"{actor.text} {cue} {action}{' ' + dl.text if dl else ''}."
    idx, start = b.add(sent)
    a = b.place_at(actor, sent, start)
    c0 = start + sent.index(cue)
    b.pledges.append(Pledge(
        id=record_id("pl", b.aid, idx, action), article_id=b.aid, sentence_index=idx, sentence=sent, actor=a,
        action=action, event_type="AID" if verb == "deliver" else "COOPERATE", kind=kind, cue=cue, cue_start=c0,
        cue_end=c0 + len(cue), object=pl["topic"], deadline=dl, made_on=_day(day), confidence=0.8))
