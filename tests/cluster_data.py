"""Random coded articles for the cluster tests: few types, sides, places and days, so that units refine each other
often (vague dates, open actors, places in and above cities, modes)."""

from __future__ import annotations

import datetime as dt
import random

from gaiko.ids import article_id, record_id
from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

SIDES = [None, ("JPN", "GOV", "Japan"), ("JPN", None, "Japan"), ("CHN", "GOV", "China"), ("CHN", "MIL", "China"),
         ("JPN", "CVL", None), ("NGA", "REB", "Boko Haram"), (None, None, None), ("JPN", None, None), ("CHN", None, None)]
PLACES = [None, ("Tokyo", "JPN"), ("Osaka", "JPN"), ("Japan", "JPN"), ("Beijing", "CHN")]
PRECISIONS = ["day", "day", "day", "published", "week", "month", "year"]
OUTLETS = ["wire a", "wire b", "daily c", None]


def _actor(spec: tuple[str | None, str | None, str | None] | None, text: str) -> Actor | None:
    if spec is None:
        return None
    country, sector, name = spec
    how = "unresolved" if not country else "demonym" if not name else "country" if not sector else "kb"
    return Actor(text=name or text, name=name, country=country, sector=sector, resolved_by=how)


def random_articles(n: int, seed: int = 1, events_per_article: int = 4) -> list[CodedArticle]:
    rng = random.Random(seed)
    base = dt.date(2025, 3, 3)
    out = []
    for i in range(n):
        pub = base + dt.timedelta(days=rng.randrange(20))
        text = f"Article {i} of seed {seed} on Monday: " + " ".join(rng.choice(["talks", "strike", "raid", "visit"])
                                                                  for _ in range(8))
        aid = article_id(text)
        events = []
        for j in range(rng.randint(1, events_per_article)):
            etype = rng.choice(["ASSAULT", "CONSULT"])
            prec = rng.choice(PRECISIONS)
            day = pub - dt.timedelta(days=rng.randrange(4))
            if prec == "published":
                date = pub
            elif prec == "week":
                date = day - dt.timedelta(days=day.weekday())
            elif prec == "month":
                date = day.replace(day=1) if rng.random() < 0.7 else day - dt.timedelta(days=60)
            elif prec == "year":
                date = day.replace(month=1, day=1)
            else:
                date = day
            place = rng.choice(PLACES)
            events.append(Event(
                id=record_id("ev", aid, j, etype), article_id=aid, sentence_index=j // 2, sentence=text,
                event_type=etype, trigger="strike", trigger_start=10 * j, trigger_end=10 * j + 6,
                mode=rng.choice([None, None, "aerial"]) if etype == "ASSAULT" else None,
                source=_actor(rng.choice(SIDES), "gunmen"), target=_actor(rng.choice(SIDES), "someone"),
                date=date.isoformat(), date_precision=prec, date_text="on Monday" if prec == "day" and j % 4 != 3 else None,
                place=Place(text=place[0], name=place[0], country=place[1]) if place else None,
                negated=rng.random() < 0.05, intended=rng.random() < 0.1,
                goldstein=-10.0 if etype == "ASSAULT" else 1.0, quad_class=4 if etype == "ASSAULT" else 1,
                pattern="test", confidence=0.8, coder_version="test",
            ))
        sents = [SentenceRecord(index=k, start=0, end=len(text), text=text) for k in range((len(events) + 1) // 2)]
        art = Article(text=text, id=aid, published=pub.isoformat(), title=text[:30], source=rng.choice(OUTLETS),
                      url=f"https://news{rng.randrange(3)}.invalid/{i}")
        out.append(CodedArticle(article=art, sentences=sents, events=events, coder_version="test"))
    return out
