"""Round p51, kind 1, in Chromium (markers ``browser``, ``slow``, as tests/test_browser.py): a person on the events
list clicks "3 reports, 3 outlets" and reads the cluster's page: its facts, every report side by side with the
trigger marked, the offsets, the split made by hand; the page has no console error, fits a phone (rows as cards)
and keeps text contrast. The store: tests/cluster_page_data.py. With GAIKO_SCREENSHOTS=1 the pictures
``cluster.png`` and ``cluster-phone.png`` go to docs/screenshots/."""

from __future__ import annotations

import pytest
from browser_kit import (
    chrome,
    click_through,
    desktop,
    low_contrast,
    overflow,
    phone,
    require_browser,
    serve,
    shot,
    shots_dir,
    visit,
)
from cluster_page_data import seizure_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seized(tmp_path_factory):
    require_browser()
    d = seizure_store(tmp_path_factory.mktemp("p51-browser") / "seize.duckdb")
    for url in serve(d["path"]):
        d["url"] = url
        yield d


@pytest.fixture(scope="module")
def browser(seized, tmp_path_factory):
    yield from chrome(shots_dir(tmp_path_factory))


def test_a_cluster_opens_from_the_events_list_with_its_reports_side_by_side(browser, seized):
    from selenium.webdriver.common.by import By

    visit(browser, seized["url"] + "/events")
    link = browser.find_element(By.CSS_SELECTOR, f"a.reports[href='/clusters/{seized['cluster']}']")
    assert link.text == "3 reports, 3 outlets"
    url = click_through(browser, link)
    assert url.endswith(f"/clusters/{seized['cluster']}")
    visit(browser, url)
    facts = browser.find_element(By.ID, "cluster-facts").text
    assert "2025-06-03" in facts and "precision: day" in facts and "Natuna (IDN)" in facts
    assert "Jakarta Ledger, Hanoi Courier, Saigon Evening Post" in facts  # as the reports name them, first first
    rows = browser.find_elements(By.CSS_SELECTOR, "#reports tr.report-row")
    assert len(rows) == 3
    outlets = [r.find_element(By.CSS_SELECTOR, "td.outlet").text for r in rows]
    assert outlets == ["Jakarta Ledger", "Hanoi Courier", "Saigon Evening Post"]
    for r in rows:
        assert r.find_element(By.CSS_SELECTOR, "mark.trigger").text == "seized"
        assert "trigger “seized”" in r.find_element(By.CSS_SELECTOR, "td.provenance").text
    over = browser.find_elements(By.CSS_SELECTOR, "#overrules li.overrule")
    assert len(over) == 1 and "a wire rewrite" in over[0].text
    assert not low_contrast(browser), low_contrast(browser)[:3]
    assert overflow(browser) <= 0
    shot(browser, "cluster")
    phone(browser)
    try:
        browser.refresh()
        assert overflow(browser) <= 0, f"the cluster page overflows at 390 px by {overflow(browser)} px"
        assert rows and browser.find_elements(By.CSS_SELECTOR, "#reports tbody tr")[0].value_of_css_property(
            "display") == "block", "report rows are not cards on a phone"
        shot(browser, "cluster-phone")
    finally:
        desktop(browser)
    # a report's sentence opens it in its article, the split's cluster opens its own page
    visit(browser, click_through(browser, browser.find_elements(By.CSS_SELECTOR, "#reports a.evidence")[1]))
    assert "/articles/" in browser.current_url and "event=" in browser.current_url
    visit(browser, seized["url"] + f"/clusters/{seized['cluster']}")
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#overrules a")))
    assert browser.current_url.endswith(f"/clusters/{seized['split']}")
    assert "made this cluster" in browser.find_element(By.ID, "overrules").text
