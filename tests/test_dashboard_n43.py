"""Round n43: the dashboard's either-direction dyad filter, in a browser (Chromium, as tests/test_browser.py).

Round c53 gave ``gaiko events --either`` and the API's ``either=true``; the dyad and events pages had no control
for it. A store of our own (tests/test_clusters_c53.py's fee deal: Kenya -> Tanzania once, Tanzania -> Kenya once):
the dyad page counts 1, ticking "either direction" 2, and every link it makes keeps the tick.
"""

from __future__ import annotations

import pytest

from browser_kit import chrome, click_through, require_browser, serve, shots_dir, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from test_clusters_c53 import _both_ways, _file_store

    require_browser()
    yield from serve(_file_store(tmp_path_factory.mktemp("n43"), _both_ways()))


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    yield from chrome(shots_dir(tmp_path_factory))


def _tick_and_apply(browser, form_id: str = "filters") -> str:
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.CSS_SELECTOR, f"#{form_id} input[name=either]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    return click_through(browser, browser.find_element(By.CSS_SELECTOR, f"#{form_id} button[type=submit]"))


def test_dyad_page_either_direction(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/dyads?source=KEN&target=TZA&interval=day", ready="data-charts")
    assert browser.find_element(By.ID, "dyad-total").text == "1"
    assert not browser.find_element(By.ID, "either").is_selected()
    url = _tick_and_apply(browser)
    assert "either=1" in url
    visit(browser, url, ready="data-charts")
    assert browser.find_element(By.ID, "dyad-total").text == "2"
    assert "↔" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.ID, "either").is_selected()
    # the dyad's events in the explorer: the same two, the box still ticked there
    url = click_through(browser, browser.find_element(By.ID, "all-dyad-events"))
    visit(browser, url)
    assert int(browser.find_element(By.ID, "total").get_attribute("data-total")) == 2
    assert browser.find_element(By.ID, "either").is_selected()


def test_events_page_either_direction(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/events?source=TZA&target=KEN")
    assert int(browser.find_element(By.ID, "total").get_attribute("data-total")) == 1
    url = _tick_and_apply(browser)
    visit(browser, url)
    assert int(browser.find_element(By.ID, "total").get_attribute("data-total")) == 2


def test_either_without_both_sides_is_named(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?source=KEN&either=1")
    assert "needs a source and a target" in browser.find_element(By.TAG_NAME, "main").text


def test_facets_with_either(tmp_path):
    # a side's facet leaves its side out, and "either" with it (it failed with "needs a source and a target")
    from fastapi.testclient import TestClient

    from gaiko.server import create_app
    from test_clusters_c53 import _both_ways, _file_store

    db = _file_store(tmp_path, _both_ways())
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        got = c.get("/api/v1/facets", params={"dyad": "KEN-TZA", "either": "true"})
        assert got.status_code == 200, got.text
        assert sum(v["n"] for v in got.json()["facets"]["type"]["values"]) == 2
