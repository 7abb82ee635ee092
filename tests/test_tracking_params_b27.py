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
