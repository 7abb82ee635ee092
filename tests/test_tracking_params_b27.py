"""Round b27: a link shared through another site carries that site's tracking parameters (``?fbclid=...`` from
Facebook, ``?utm_source=...`` from a newsletter); a dashboard page or API endpoint answers as without them, while a
mistyped filter (``sourc``) and a look-alike that only resembles a tracking name are still refused."""

from __future__ import annotations

from typing import Any

import pytest

from gaiko.server.strict import ignored_name, unknown_query_message


@pytest.fixture(scope="module")
def dash(coder, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A TestClient over the bundled example corpus and the fixture articles."""
    from fastapi.testclient import TestClient
    from serve_data import fixture_store

    from gaiko.server import create_app

    return TestClient(create_app(fixture_store(tmp_path_factory.mktemp("b27"), coder, "dash")))


SHARED = ["fbclid=IwAR0xyz", "utm_source=newsletter&utm_medium=email&utm_campaign=weekly", "gclid=Cj0KCQ",
          "UTM_Source=Twitter", "mc_cid=3f2a&mc_eid=99", "msclkid=abc", "mtm_campaign=spring"]


@pytest.mark.parametrize("extra", SHARED)
@pytest.mark.parametrize("path", ["/events", "/pledges", "/api/v1/events"])
def test_a_shared_link_with_tracking_parameters_answers_as_without_them(dash, path: str, extra: str) -> None:
    plain = dash.get(f"{path}?source=JPN" if path != "/pledges" else path)
    tagged = dash.get((f"{path}?source=JPN&" if path != "/pledges" else f"{path}?") + extra)
    assert plain.status_code == 200
    assert tagged.status_code == 200, (path, extra, tagged.text[:300])
    if path.startswith("/api/"):
        assert tagged.json() == plain.json()


@pytest.mark.parametrize("name", ["sourc", "utm", "utmsource", "fbclid2", "xfbclid", "gcl"])
def test_a_typo_or_a_look_alike_of_a_tracking_name_is_still_refused(dash, name: str) -> None:
    assert not ignored_name(name)
    r = dash.get(f"/api/v1/events?{name}=1")
    assert r.status_code == 422 and repr(name) in r.json()["message"]
    assert dash.get(f"/events?{name}=1").status_code == 422


def test_the_message_lists_only_what_the_user_typed_wrong() -> None:
    msg = unknown_query_message(["utm_source", "sourc", "fbclid"], {"source", "target"}, "/events", "page")
    assert msg is not None and "'sourc'" in msg and "utm_source" not in msg and "fbclid" not in msg
    assert unknown_query_message(["_", "utm_term", "gclid"], {"source"}, "/x") is None


# --- a day the calendar lacks is told so, not blamed on its layout (round b27, F6) ----------------------------------


@pytest.mark.parametrize("value", ["2025-02-29", "2025-11-31", "2026-04-31"])
def test_a_day_the_calendar_lacks_is_named_as_such_on_every_surface(cli, dash, value: str, tmp_path) -> None:
    from helpers import two_event_store

    from gaiko.errors import ConfigError
    from gaiko.store import Store

    db = two_event_store(tmp_path / "d.duckdb")
    for args in (("events", "--until", value), ("pledges", "--made-since", value), ("scorecard", "--as-of", value)):
        code, _out, err = cli(*args, "--db", db)
        assert code != 0 and f"not {value!r}: there is no such day" in err, (args, err)
    r = dash.get(f"/events?until={value}")
    assert r.status_code == 422 and "there is no such day" in r.text
    assert "there is no such day" in dash.get(f"/scorecard?as_of={value}").text
    with Store(db, read_only=True) as s, pytest.raises(ConfigError, match="there is no such day"):
        s.events(until=value)


@pytest.mark.parametrize("value", ["2025-W45", "20251103", "2025-2-28", "2024-02-29 ", "2024-02-29"])
def test_a_wrong_layout_or_a_real_day_is_not_called_a_missing_day(value: str) -> None:
    from gaiko.isoday import no_such_day

    assert no_such_day(value) == ""
