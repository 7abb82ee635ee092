"""Round n58: the filters and counts a demanding user expects of the command line.

1. ``gaiko events`` (and ``dyads``, ``series``, ``export``, which take its filters) lacked ``--place``, ``--outlet``,
   ``--mode``, ``--context`` and ``--precision``, which ``/api/v1/events`` and the dashboard take: now the same names
   and readings, through the one filter object both surfaces build (``gaiko.store.event_filter.EventFilter``). A mode
   or context that no event can carry (neither gaiko's lexicons give it nor an event of the store has it) matched
   nothing on every surface; it is refused now, on the CLI (one ``Error:`` line, exit 2) and the API (422) alike,
   as an unknown date precision already was.
2. ``gaiko stats`` (and ``/api/v1/stats``) counted no overrules: ``cluster_merges``, ``cluster_splits`` (in force)
   and ``cluster_overrules_undone``.
3. ``gaiko cluster show``'s header printed ``first coded`` to the microsecond, beside overrule times to the second.

Look-alikes that must not change: a known mode no event of the store has lists nothing (a note says so, no error);
a mode or context only the store's events carry is read; the outlet is matched as written.

The events are built by hand (no parser): Uruguay, Paraguay, Bolivia and Ecuador, three invented outlets, sentences
written for these tests."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import cli_json

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

_COUNTRY = {"Uruguay": "URY", "Paraguay": "PRY", "Bolivia": "BOL", "Ecuador": "ECU"}


def _article(text: str, published: str, etype: str, mode: str | None, context: list[str], precision: str,
             outlet: str, place: str | None, date: str | None = None):
    """One coded article of one event: its first word the source, its second the trigger, its first country after
    them the target; in ``place`` when given (a town named in the sentence); on ``date`` (default: ``published``)."""
    from gaiko.ids import article_id, record_id
    from gaiko.types import Actor, Article, CodedArticle, Event, Place, SentenceRecord

    aid = article_id(text)
    words = text.split()
    start = len(words[0]) + 1
    tname = [w for w in (x.strip(".,").removesuffix("'s") for x in words[2:]) if w in _COUNTRY][0]
    t0 = text.index(tname, start)

    def actor(name: str, at: int) -> Any:
        return Actor(name, at, at + len(name), name=name, country=_COUNTRY[name], resolved_by="country",
                     confidence=0.9)

    ev = Event(id=record_id("ev", aid, 0, 0, etype), article_id=aid, sentence_index=0, sentence=text,
               event_type=etype, trigger=words[1], trigger_start=start, trigger_end=start + len(words[1]), mode=mode,
               context=list(context), source=actor(words[0], 0), target=actor(tname, t0),
               date=date or published, date_precision=precision, pattern="test", confidence=0.8, coder_version="test",
               place=Place(place, text.index(place), text.index(place) + len(place), name=place,
                           country=_COUNTRY[tname], feature="city", precision="place") if place else None)
    art = Article(text=text, id=aid, published=published, title=text[:24], source=outlet)
    return CodedArticle(article=art, sentences=[SentenceRecord(index=0, start=0, end=len(text), text=text)],
                        events=[ev], coder_version="test")


#: (text, published, type, mode, contexts, date precision, outlet, place); each its own cluster (types, pairs and
#: weeks apart); the triggers (second words) name them in the tests
ARTICLES = [
    ("Uruguay phoned Paraguay about the river dredging treaty.", "2026-03-02", "CONSULT", "phone",
     ["diplomatic", "water_rights"], "day", "Plata Wire", None),
    ("Bolivia visited Ecuador in Guayaquil to discuss lithium.", "2026-03-09", "CONSULT", "visit", ["diplomatic"],
     "day", "Rio Gazette", "Guayaquil"),
    ("Ecuador condemned Bolivia over the fence near Desaguadero.", "2026-04-01", "ACCUSE", "disapprove",
     ["diplomatic", "military"], "month", "Plata Wire", "Desaguadero"),
    ("Paraguay arrested Uruguay's smugglers in Encarnacion.", "2026-04-20", "COERCE", "arrest", ["legal"], "week",
     "Andes Post", "Encarnacion"),
    ("Uruguay faulted Ecuador for the late tariff notice.", "2026-05-11", "ACCUSE", None, [], "published",
     "Rio Gazette", None),
    # a mode and a context no lexicon of gaiko gives (a store coded by another version, or imported): still filtered
    ("Bolivia shelled Paraguay near the Pilcomayo at dawn.", "2026-06-03", "ASSAULT", "drone-strike",
     ["military"], "day", "Andes Post", None),
    # dates known to a decade, a century, an era (its first day) and an upper bound: precisions the coder writes,
    # which the filter refused (round n58's fourth kind)
    ("Paraguay thanked Bolivia for the aid it sent in the 1980s.", "2026-07-01", "SUPPORT", None, [], "decade",
     "Pampa Review", None, "1980-01-01"),
    ("Ecuador praised Uruguay for its nineteenth-century treaty.", "2026-07-02", "SUPPORT", None, [], "century",
     "Pampa Review", None, "1801-01-01"),
    ("Bolivia blamed Paraguay for the ruin of the Chaco War.", "2026-07-03", "ACCUSE", None, [], "era",
     "Pampa Review", None, "1932-06-15"),
    ("Uruguay criticised Paraguay over the closure of the bridge.", "2026-07-10", "ACCUSE", None, [], "shared",
     "Pampa Review", None, "2026-07-08"),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    from gaiko.store import Store

    path = Path(tmp_path_factory.mktemp("n58")) / "base.duckdb"
    with Store(str(path)) as s:
        s.write_coded([_article(*a) for a in ARTICLES])
    return str(path)


@pytest.fixture(scope="module")
def api(base: str):
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(base)) as client:
        yield client


def _triggers(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["trigger"] for r in rows)


# filter (CLI option, API name), value -> the events kept (by trigger)
CASES = [
    ("mode", "phone", ["phoned"]),
    ("mode", " PHONE", ["phoned"]),  # any case, spaces dropped, as the API reads it
    ("mode", "arrest", ["arrested"]),
    ("mode", "drone-strike", ["shelled"]),  # only the store's events carry it: read, not refused
    ("context", "diplomatic", ["condemned", "phoned", "visited"]),
    ("context", "Military", ["condemned", "shelled"]),
    ("context", "legal", ["arrested"]),
    ("context", "water_rights", ["phoned"]),
    ("place", "guayaquil", ["visited"]),
    ("place", "Desaguadero", ["condemned"]),
    ("outlet", "Plata Wire", ["condemned", "phoned"]),
    ("outlet", "Andes Post", ["arrested", "shelled"]),
    ("precision", "day", ["phoned", "shelled", "visited"]),
    ("precision", "Month, week", ["arrested", "condemned"]),
    ("precision", "published", ["faulted"]),
    ("precision", "decade", ["thanked"]),
    ("precision", "Century, ERA", ["blamed", "praised"]),
    ("precision", "shared", ["criticised"]),
]


@pytest.mark.parametrize("count", ["clusters", "mentions"])
@pytest.mark.parametrize(("name", "value", "kept"), CASES)
def test_each_filter_keeps_and_drops_the_rows_the_api_does(base, api, cli, name: str, value: str, kept: list[str],
                                                          count: str) -> None:
    got = cli_json(cli, "events", "--db", base, f"--{name}", value, "--count", count, "--json", "--limit", "0")
    assert _triggers(got["events"]) == kept, (name, value, got["events"])
    assert got["total"] == len(kept)
    answer = api.get("/api/v1/events", params={name: value, "count": count, "limit": 1000})
    assert answer.status_code == 200, answer.text[:300]
    assert _triggers(answer.json()["events"]) == kept
    # echoed as applied, as the API echoes it (round r34)
    assert got["filters"][name] == answer.json()["filters"][name]
    assert [r["id"] for r in got["events"]] == [r["id"] for r in answer.json()["events"]]


def test_the_filters_combine_and_reach_dyads_series_and_export(base, api, cli) -> None:
    got = cli_json(cli, "events", "--db", base, "--context", "diplomatic", "--outlet", "Plata Wire", "--precision",
                   "day", "--json")
    assert _triggers(got["events"]) == ["phoned"]
    dyads = cli_json(cli, "dyads", "--db", base, "--mode", "visit", "--json")["dyads"]
    assert [(d["source"], d["target"], d["events"]) for d in dyads] == [("BOL", "ECU", 1)]
    assert dyads == api.get("/api/v1/dyads", params={"mode": "visit"}).json()["dyads"]
    series = cli_json(cli, "series", "--db", base, "--context", "legal", "--json")
    assert series["events"] == 1 == api.get("/api/v1/series", params={"context": "legal"}).json()["events"]
    code, out, err = cli("export", "--db", base, "--place", "ENCARNACION", "--out", "-")
    assert code == 0, err
    assert [json.loads(line)["event_text"] for line in out.splitlines()] == ["arrested"]
    # look-alike: without the new filters, every event
    assert cli_json(cli, "events", "--db", base, "--json")["total"] == len(ARTICLES)
    # a date known to a decade, a century or an era is shown so, not as its first day; a day as before
    code, out, err = cli("events", "--db", base, "--precision", "decade,century,era,day")
    table = " ".join(out.split())
    assert code == 0 and "1980s (decade)" in table and "19th century (century)" in table, out
    assert "era from 1932-06-15" in table and "2026-03-02" in table and "1980-01-01" not in table, out


@pytest.mark.parametrize(("name", "value", "said"), [
    ("mode", "phon", "unknown mode 'phon' (did you mean phone?)"),
    ("context", "diplomacy", "unknown context 'diplomacy' (did you mean diplomatic?)"),
    ("precision", "dai", "unknown date precision(s) dai"),
])
def test_an_unknown_mode_context_or_precision_is_refused_on_both_surfaces(base, api, cli, name: str, value: str,
                                                                        said: str) -> None:
    for command in ("events", "dyads", "series"):
        code, out, err = cli(command, "--db", base, f"--{name}", value)
        assert code == 2 and out == "", (command, out)
        assert err.startswith("Error: ") and said in " ".join(err.split()) and len(err.strip().splitlines()) == 1, err
    answer = api.get("/api/v1/events", params={name: value})
    assert answer.status_code == 422 and said in answer.json()["message"], answer.text[:300]


def test_a_known_mode_no_event_has_lists_nothing_and_says_why(base, api, cli) -> None:
    """Look-alike of the refusal: "release" is a mode gaiko codes; this store has none. No error: an empty answer,
    with a note on stderr (and the API's notes), as for an actor no event has. An outlet is matched as written."""
    code, out, err = cli("events", "--db", base, "--mode", "release", "--json")
    assert code == 0 and json.loads(out)["total"] == 0 and "mode release: no event of this store has" in err, err
    answer = api.get("/api/v1/events", params={"mode": "release"}).json()
    assert answer["total"] == 0 and any("mode release" in n for n in answer["notes"])
    code, out, err = cli("events", "--db", base, "--outlet", "plata wire", "--json")
    assert code == 0 and json.loads(out)["total"] == 0 and "outlet plata wire: no event" in err, err
    assert api.get("/api/v1/events", params={"outlet": "plata wire"}).json()["total"] == 0


def test_stats_count_the_overrules_and_show_times_to_the_second(base, cli, tmp_path: Path) -> None:
    db = str(tmp_path / "copy.duckdb")
    shutil.copy(base, db)
    zero = cli_json(cli, "stats", "--db", db, "--json")
    assert (zero["cluster_merges"], zero["cluster_splits"], zero["cluster_overrules_undone"]) == (0, 0, 0)
    rows = cli_json(cli, "events", "--db", db, "--json")["events"]
    ids = {r["trigger"]: (r["cluster_id"], r["id"]) for r in rows}
    pair = [ids["phoned"][0], ids["visited"][0]]
    first = cli_json(cli, "cluster", "merge", *pair, "--db", db, "--json")
    assert cli("cluster", "undo", first["id"], "--db", db)[0] == 0
    merged = cli_json(cli, "cluster", "merge", *pair, "--db", db, "--json")["cluster_id"]
    assert cli("cluster", "split", merged, ids["phoned"][1], "--db", db)[0] == 0

    got = cli_json(cli, "stats", "--db", db, "--json")
    assert (got["cluster_merges"], got["cluster_splits"], got["cluster_overrules_undone"]) == (1, 1, 1), got
    listed = cli_json(cli, "cluster", "overrules", "--db", db, "--json")["overrules"]
    assert sorted(o["kind"] for o in listed) == ["merge", "split"]  # what the counts count

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(db)) as client:
        answer = client.get("/api/v1/stats").json()
    for key in ("cluster_merges", "cluster_splits", "cluster_overrules_undone"):
        assert answer[key] == got[key], (key, answer)
    code, out, err = cli("stats", "--db", db)
    said = " ".join(out.split())
    assert code == 0 and "cluster merges by hand (in force) │ 1" in said and "undone │ 1" in said, out

    # the header's "first coded" to the second, as the overrule lines under it; the JSON keeps the microseconds
    shown = cli_json(cli, "cluster", "show", merged, "--db", db, "--json")
    coded = shown["cluster"]["coded_at"]
    code, out, err = cli("cluster", "show", merged, "--db", db)
    assert code == 0, err
    head = out.splitlines()[1]
    [when] = re.findall(r"first coded ([^;\s]+)", head)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", when), head
    assert coded.startswith(when[:-1]) and coded.endswith("Z"), (when, coded)
    made = re.findall(r"\((?:made this cluster|touched it), (\S+)\)", out)
    assert made and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", t) for t in made), out
