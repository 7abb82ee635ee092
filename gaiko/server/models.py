"""Response models of the REST API: they document every field in /docs and /openapi.json.

Rows allow extra fields (an event row carries every store column); the fields named here
are the ones the API promises. Every list answer has the same envelope (:class:`Page`):
``total`` (rows matching), ``limit``, ``offset`` and ``next`` (the URL of the next page,
or null on the last one), with the rows under a key named after the endpoint.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Page", "EventRow", "EventPage", "ArticleRow", "ArticlePage", "ActorRow", "ActorPage", "DyadRow", "DyadPage",
    "Series", "NetworkPage", "MapPage", "PledgePage", "Health", "Stats", "ScorecardPage", "FacetsOut",
]


class _Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel):
    total: int = Field(description="rows matching the filters, over all pages")
    limit: int = Field(description="most rows in this answer")
    offset: int = Field(description="rows skipped before this answer")
    next: str | None = Field(None, description="URL of the next page; null on the last")
    filters: dict[str, Any] = Field(default_factory=dict, description="the filters given, each as applied: `type=agree` is `AGREE`, `status=Broken` `broken` (round r34)")


class EventRow(_Row):
    id: str
    article_id: str
    sentence_idx: int
    date: str | None = Field(None, description="ISO date the event happened, at `date_precision`")
    date_precision: str | None = Field(None, description="day, week, month, year, or published (no date of its own)")
    date_text: str | None = None
    event_type: str = Field(description="PLOVER type")
    mode: str | None = None
    context: list[str] | None = None
    quad_class: int | None = Field(None, description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    goldstein: float | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    intended: bool | None = None
    hypothetical: bool | None = None
    negated: bool | None = None
    sentence: str | None = None
    sentence_start: int | None = Field(None, description="the sentence's character offset in the article text: "
                                       "trigger_start - sentence_start is the trigger's offset in the sentence")
    cluster_id: str | None = Field(None, description="the event cluster (real-world event) this row stands for")
    num_mentions: int | None = Field(None, description="reports of the cluster: its distinct sentences (a "
                                        "two-way sentence, coded as two events, is one mention)")
    num_articles: int | None = Field(None, description="articles reporting the cluster")
    num_sources: int | None = Field(None, description="outlets reporting the cluster")
    coded_at: str | None = Field(None, description="when it was coded into the store, UTC (GDELT's DATEADDED): a "
                                 "mention's article's coding; a cluster's, its earliest mention's (round p51)")
    link: str | None = Field(None, description="dashboard URL of the event's highlighted sentence")


class EventPage(Page):
    sort: str
    events: list[EventRow]
    notes: list[str] | None = Field(None, description="only when nothing matches: why, one sentence per filter that "
                                    "explains it (a code no country has, a lower-case code read as a name, an actor "
                                    "no event has on that side, dates outside the store's); round n40. Counting "
                                    "clusters, also when some events are in no cluster yet (each then counts as one; "
                                    "round r28)")


class ArticleRow(_Row):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = Field(None, description="outlet")
    events: int = 0
    pledges: int = 0


class ArticlePage(Page):
    articles: list[ArticleRow]


class ActorRow(_Row):
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str = Field(description="country + sector, `---` for no country")
    key: str = Field(description="exact key for the actor filters: `source=KEY` lists its `as_source` events")
    as_source: int
    as_target: int
    events: int = Field(description="events with the actor on either side (`actor=KEY`)")
    mean_goldstein: float | None = None


class ActorPage(Page):
    actors: list[ActorRow]
    notes: list[str] | None = Field(None, description="counting clusters, when some events are in no cluster yet "
                                    "(each then counts as one) and the command that clusters them; round r29")


class DyadRow(_Row):
    source: str
    target: str
    events: int
    mean_goldstein: float | None = None
    cooperation: int
    conflict: int
    joint: int = Field(0, description="how many of the row's events are joint acts of the two countries (one event, a "
                       "compound source holding both, no recipient), counted under both directions; round x12")


class DyadPage(Page):
    dyads: list[DyadRow]
    notes: list[str] | None = Field(None, description="only when nothing matches: why, one sentence per filter that "
                                    "explains it (a code no country has, a lower-case code read as a name, an actor "
                                    "no event has on that side, dates outside the store's); round n40. Counting "
                                    "clusters, also when some events are in no cluster yet (each then counts as one; "
                                    "round r28)")


class Series(_Row):
    interval: str = Field(description="day, week or month: the one used (`auto` picks it from the span)")
    by: str
    buckets: list[str] = Field(description="first day of each bucket")
    starts: list[str] = Field(description="first day of each bucket's events within `since` (its link's `since`)")
    ends: list[str] = Field(description="last day of each bucket's events within `until` (its link's `until`)")
    keys: list[str] = Field(description="the series in `counts`, in order")
    counts: dict[str, list[int]]
    labels: dict[str, str] = Field(default_factory=dict, description="by=quad: each key's name (1 verbal cooperation, "
                                   "2 material cooperation, 3 verbal conflict, 4 material conflict); round n46")
    total: list[int]
    cooperation: list[int]
    conflict: list[int]
    goldstein: list[float | None] = Field(description="mean Goldstein per bucket; null where there were no events")
    goldstein_sum: list[float | None] = Field(description="sum of the Goldstein scores per bucket (0 where there were no "
                                              "events), each event (cluster) once")
    coarse: list[int] = Field(description="of each bucket's events, those dated only to a unit coarser than the interval")
    coarse_precisions: list[str]
    by_type: dict[str, int]
    events: int
    notes: list[str] | None = Field(None, description="only when nothing matches: why, one sentence per filter that "
                                    "explains it (a code no country has, a lower-case code read as a name, an actor "
                                    "no event has on that side, dates outside the store's); round n40. Counting "
                                    "clusters, also when some events are in no cluster yet (each then counts as one; "
                                    "round r28)")
    count: str = Field("clusters", description="clusters (each real-world event once) or mentions (every report)")
    gaps_filled: bool = Field(False, description="every bucket from the first to the last (from since to until when "
                              "both are given) is there (fill_gaps=true); "
                              "false when filling would pass 2,000 buckets: use a coarser interval or a narrower "
                              "since/until")


class NetworkNode(_Row):
    id: str = Field(description="ISO3 (country level) or exact actor key: `actor=ID` lists the node's events")
    label: str
    events: int
    out: int
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class NetworkEdge(_Row):
    source: str
    target: str
    weight: int = Field(description="events from source to target (`source=..&target=..`)")
    mean_goldstein: float | None = None
    cooperation: int
    conflict: int
    types: list[str]


class NetworkPage(Page):
    level: str
    min_weight: int
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    notes: list[str] | None = Field(None, description="counting clusters, when some events are in no cluster yet "
                                    "(each then counts as one) and the command that clusters them; round r29")


class MapPoint(_Row):
    place: str = Field(description="resolved place name: `place=NAME` lists its events")
    lat: float
    lon: float
    country: str | None = None
    events: int
    mean_goldstein: float | None = None
    types: list[str]
    centroid: bool = Field(description="a country located at its centroid, not a real place")


class MapPage(Page):
    coverage: dict[str, int] = Field(description="events matching, located, at a centroid, places")
    points: list[MapPoint]
    notes: list[str] | None = Field(None, description="counting clusters, when some events are in no cluster yet "
                                    "(each then counts as one) and the command that clusters them; round r29")


class PledgeRow(_Row):
    id: str
    status: str
    actor: str | None = None
    actor_country: str | None = None
    action: str | None = None
    sentence: str | None = None
    article_id: str | None = Field(None, description="the article of the sentence that made the pledge")
    sentence_index: int | None = None
    sentence_start: int | None = Field(None, description="the sentence's first character in its article's text; "
                                       "every evidence item has its own (round n53)")
    sentence_end: int | None = Field(None, description="just after its last character: text[start:end] is the sentence")
    target_name: str | None = None
    quantity_text: str | None = None
    deadline_text: str | None = None
    deadline: str | None = Field(None, description="ISO end of the deadline")
    days_left: int | None = Field(None, description="days from as_of to the deadline, negative: days overdue; null "
                                  "without a deadline and for a closed pledge (fulfilled, broken, withdrawn)")
    made_on: str | None = None
    evidence_count: int = 0
    link: str


class PledgePage(Page):
    as_of: str | None = None
    counts: dict[str, int] = Field(description="matching pledges per status, before the status filter")
    statements: int = Field(description="pledge statements behind the matching pledges")
    pledges: list[PledgeRow]


class ScorecardRow(_Row):
    key: str
    label: str
    pledges: int
    counts: dict[str, int] = Field(description="pledges per column key")
    decided: int
    kept_share: float | None = Field(None, description="kept / decided; null when none is decided")
    median_lag_days: float | None = Field(None, description="median days from pledge to kept")
    overdue: int
    filter: dict[str, str] = Field(description="the ledger filter that lists this actor's pledges")


class ScorecardPage(Page):
    by: str
    as_of: str | None = None
    columns: list[dict[str, Any]]
    totals: ScorecardRow
    rows: list[ScorecardRow]


class Health(BaseModel):
    status: str
    store: str
    schema_version: int
    events: int = Field(description="mentions (coded events, one per report): the same number as `mentions`, kept "
                                    "under its old name")
    mentions: int = Field(description="mentions: coded events, one per report (/api/v1/stats' `events`)")
    clusters: int = Field(description="event clusters (real-world events), negated ones included: /api/v1/stats' "
                                      "`clusters`; /api/v1/events' total leaves negated events out by default")
    writable: bool
    read_only_reason: str | None = None


class Stats(_Row):
    articles: int
    events: int = Field(description="mentions: coded events, one per report")
    clusters: int = Field(description="event clusters: real-world events")
    count: str = Field(description="what by_type and top_dyads count: clusters or mentions")
    unclustered_events: int = Field(0, description="mentions in no cluster yet (an import stopped while clustering), "
                                    "each counted in clusters as one of its own until clustered; see notes")
    notes: list[str] | None = Field(None, description="what the counts mean when some events are in no cluster yet, "
                                    "and the command that clusters them (null when none)")
    pledges: int
    cluster_merges: int = Field(0, description="cluster merges made by hand, in force (GET /api/v1/clusters/overrules)")
    cluster_splits: int = Field(0, description="cluster splits made by hand, in force")
    cluster_overrules_undone: int = Field(0, description="merges and splits undone by hand "
                                          "(GET /api/v1/clusters/overrules?undone=true)")
    by_type: dict[str, int]
    top_dyads: list[dict[str, Any]]


class FacetsOut(BaseModel):
    facets: dict[str, Any] = Field(description="per facet: `param` (the filter a value sets), `values` [{value, n}], `others`")
    filters: dict[str, Any] = Field(default_factory=dict)
    notes: list[str] | None = Field(None, description="counting clusters, when some events are in no cluster yet "
                                    "(each then counts as one) and the command that clusters them; round r29")
