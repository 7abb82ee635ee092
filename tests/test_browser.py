"""End-to-end: headless Chromium (Debian's, via Selenium and chromium-driver) against `gaiko serve` on 127.0.0.1.

The server is loaded with the bundled example corpus (coded by the real coder)
plus the hand-made fixture articles. Every page must load without a browser
console error and show something; filters, evidence links, the pledge
timeline and downloads are exercised as a person would. The same checks at
scale, on 320 generated articles, are in test_browser_scale.py. With
GAIKO_SCREENSHOTS=1 the evidence and pledge timeline pictures replace those in
docs/screenshots/ (otherwise they go to pytest's temporary folder).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest
from browser_kit import (
    assert_counts_open_their_rows,
    chrome,
    click_through,
    console_errors,
    fetch_text,
    phone,
    desktop,
    require_browser,
    serve,
    shot,
    shots_dir,
    visit,
)
from serve_data import fixture_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    require_browser()
    yield from serve(fixture_store(tmp_path_factory.getbasetemp(), coder, "browser"))


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    yield from chrome(shots_dir(tmp_path_factory))


def total(driver) -> int:
    from selenium.webdriver.common.by import By

    return int(driver.find_element(By.ID, "total").get_attribute("data-total"))


def test_overview_counts_open_their_rows(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/", ready="data-charts")
    cards = browser.find_elements(By.CSS_SELECTOR, "#stats .card a.count")
    assert int(cards[1].get_attribute("data-count")) > 0, "no events in the overview"
    assert "tracked pledges" in browser.find_element(By.ID, "pledge-card").text
    assert browser.find_elements(By.CSS_SELECTOR, "a.evidence")
    assert assert_counts_open_their_rows(browser) >= 10


def test_events_filter_and_evidence(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/events?modality=all")
    total_all = total(browser)
    assert total_all > 0 and browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    # apply a filter the way a person does: tick a type, type a source, submit the form
    browser.find_element(By.CSS_SELECTOR, "#filters input[name=type][value=ACCUSE]").click()
    browser.find_element(By.NAME, "source").send_keys("JPN")
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]")))
    q = parse_qs(urlparse(browser.current_url).query)
    assert q["type"] == ["ACCUSE"] and q["source"] == ["JPN"] and q["modality"] == ["all"]
    n = total(browser)
    assert 0 < n < total_all
    badges = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#events-table .badge")]
    assert badges and set(badges) == {"ACCUSE"}
    codes = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr td:nth-child(2) .code")]
    assert codes and all(c.startswith("JPN") for c in codes)
    # the download links: what is on screen, and all that match
    csv_href = browser.find_element(By.CSS_SELECTOR, "a.dl[data-format=csv]").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(fetch_text(browser, csv_href))))
    on_screen = [r.get_attribute("data-id") for r in browser.find_elements(By.CSS_SELECTOR, "tr.event-row")]
    assert [r["id"] for r in rows] == on_screen
    jsonl_href = browser.find_element(By.CSS_SELECTOR, "a.dl[data-format=jsonl]").get_attribute("href")
    assert len(fetch_text(browser, jsonl_href).splitlines()) == len(on_screen)
    all_href = browser.find_element(By.CSS_SELECTOR, "a.dl-all[data-format=csv]").get_attribute("href")
    every = list(csv.DictReader(io.StringIO(fetch_text(browser, all_href))))
    assert len(every) == n and all(r["link"].startswith("http") for r in every)
    # open an event's evidence: the article, with that sentence highlighted and the trigger marked
    first = browser.find_element(By.CSS_SELECTOR, "tr.event-row a.evidence")
    event_id = browser.find_element(By.CSS_SELECTOR, "tr.event-row").get_attribute("data-id")
    visit(browser, click_through(browser, first))
    assert f"event={event_id}" in browser.current_url
    selected = browser.find_element(By.CSS_SELECTOR, ".sentence.selected")
    assert selected.is_displayed()
    trigger = selected.find_element(By.CSS_SELECTOR, "mark.trigger")
    card = browser.find_element(By.ID, "evidence")
    assert trigger.text and trigger.text in card.text
    assert "ACCUSE" in card.text
    shot(browser, "article-evidence")
    phone(browser)
    try:
        browser.refresh()
        shot(browser, "article-evidence-phone")
    finally:
        desktop(browser)


def test_dyad_view(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/dyads?source=JPN&target=CHN&interval=week", ready="data-charts")
    assert int(browser.find_element(By.ID, "dyad-total").text) > 0
    for cid in ("goldstein-chart", "counts-chart", "types-chart"):
        painted = browser.execute_script(
            "const c = document.getElementById(arguments[0]); const d = c.getContext('2d')"
            ".getImageData(0, 0, c.width, c.height).data; let n = 0;"
            "for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n;", cid)
        assert painted > 500, f"{cid} is blank"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#dyad-events tbody tr")) >= 1
    assert assert_counts_open_their_rows(browser) >= 3
    # the busiest-pairs chips switch dyads
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, ".chips a.chip")), ready="data-charts")


def test_network(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/network", ready="data-network")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network g.node")
    edges = browser.find_elements(By.CSS_SELECTOR, "#network path.edge")
    assert len(nodes) >= 3 and len(edges) >= 2
    assert int(browser.find_element(By.ID, "node-count").text) == len(nodes)
    # nodes were laid out (not all stacked on one spot)
    spots = {n.get_attribute("transform") for n in nodes}
    assert len(spots) == len(nodes)
    assert_counts_open_their_rows(browser)
    jpn = browser.find_element(By.CSS_SELECTOR, '#network g.node[data-id="JPN"]')
    count = int(jpn.get_attribute("data-count"))
    visit(browser, click_through(browser, jpn.find_element(By.TAG_NAME, "circle")))
    assert parse_qs(urlparse(browser.current_url).query)["actor"] == ["JPN"]
    assert total(browser) == count  # the node's number is what its click opens


def test_map_offline(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/map?centroids=1", ready="data-map")
    countries = browser.find_elements(By.CSS_SELECTOR, "#map path.country")
    assert len(countries) > 150, "world outline missing"
    drawn = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map a.place, #map g.cluster')).reduce((a, e) => a + +e.dataset.count, 0)")
    listed = browser.execute_script("return JSON.parse(document.getElementById('map-data').textContent).reduce((a, p) => a + p.events, 0)")
    assert drawn == listed > 0  # every located event is drawn once, in a place or a group of places
    # zoom into the group that holds Tokyo until Tokyo stands alone
    for _ in range(5):
        tokyo = browser.find_elements(By.CSS_SELECTOR, '#map a.place[data-place="Tokyo"] circle')
        if tokyo:
            break
        group = [g for g in browser.find_elements(By.CSS_SELECTOR, "#map g.cluster") if "Tokyo" in g.get_attribute("aria-label")]
        assert group, "Tokyo is neither drawn nor in a group"
        group[0].click()
    # Tokyo sits in the right place on an equirectangular 960x480 map
    assert tokyo
    assert abs(float(tokyo[0].get_attribute("cx")) - (139.69 + 180) / 360 * 960) < 1
    assert_counts_open_their_rows(browser)


def test_pledge_ledger_and_timeline(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/pledges")
    rows = browser.find_elements(By.CSS_SELECTOR, "#ledger tr.pledge-row")
    assert rows, "empty pledge ledger"
    badges = browser.find_elements(By.CSS_SELECTOR, "#ledger .status")
    assert len(badges) == len(rows) and all(b.text for b in badges)
    assert browser.find_elements(By.CSS_SELECTOR, "#ledger .overdue, #ledger .left"), "no deadline countdown shown"
    assert_counts_open_their_rows(browser)
    # open the pledge with the most later evidence: its timeline has the most to show
    counts = [int(r.find_element(By.CSS_SELECTOR, "td.evidence-count").text) for r in rows]
    best = max(range(len(rows)), key=lambda i: (counts[i], -i))
    link = rows[best].find_element(By.CSS_SELECTOR, "a.pledge-link")
    visit(browser, click_through(browser, link))
    items = browser.find_elements(By.CSS_SELECTOR, "#timeline li")
    assert len(items) >= 1 + counts[best] and "made" in items[0].text.lower()
    assert browser.find_element(By.ID, "pledge-status").text
    shot(browser, "pledge-timeline")
    phone(browser)
    try:
        browser.refresh()
        shot(browser, "pledge-timeline-phone")
    finally:
        desktop(browser)
    # evidence in the timeline leads to the article
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#timeline li a")))
    assert "/articles/" in browser.current_url


def test_scorecard_actors_and_articles(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/scorecard")
    assert browser.find_elements(By.CSS_SELECTOR, "#scorecard tr.score-row")
    assert assert_counts_open_their_rows(browser) >= 3
    visit(browser, server + "/actors")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#actors-table tbody tr")) > 3
    assert assert_counts_open_their_rows(browser) > 10
    visit(browser, server + "/articles")
    links = browser.find_elements(By.CSS_SELECTOR, "#articles-table a.article-link")
    assert len(links) >= 10
    assert_counts_open_their_rows(browser)
    visit(browser, click_through(browser, links[0]))
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .sentence")


def test_bad_filter_shows_a_message_not_a_crash(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?since=last-tuesday")
    err = browser.find_element(By.ID, "page-error").text
    assert "since" in err and "date" in err
    assert not console_errors(browser) or all("422" in e for e in console_errors(browser))


def test_mistyped_parameter_is_named_on_the_page(browser, server):
    """Round r27: `/events?sourc=JPN` listed every event as if filtered; the page names the parameter in the API's
    words, suggests `source`, and lists no event."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?sourc=JPN")
    err = browser.find_element(By.ID, "page-error").text
    assert "unknown parameter 'sourc' (did you mean 'source'?)" in err and "this page takes" in err
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='/articles/']")  # no event rows
    assert not console_errors(browser) or all("422" in e for e in console_errors(browser))


def test_counts_are_events_by_default_with_a_switch_to_reports(browser, server):
    """The explorer counts event clusters (one real-world event, however many reports) unless asked for reports."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    visit(browser, server + "/events")
    count = Select(browser.find_element(By.ID, "count"))
    assert count.first_selected_option.get_attribute("value") == "clusters"
    events = int(browser.find_element(By.ID, "total").text)
    assert "events" in browser.find_element(By.CSS_SELECTOR, "p.summary").text
    count.select_by_value("mentions")
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]")))
    assert parse_qs(urlparse(browser.current_url).query)["count"] == ["mentions"]
    reports = int(browser.find_element(By.ID, "total").text)
    assert "reports" in browser.find_element(By.CSS_SELECTOR, "p.summary").text
    assert Select(browser.find_element(By.ID, "count")).first_selected_option.get_attribute("value") == "mentions"
    # the fixture store has events reported more than once, so the two counts differ
    assert 0 < events < reports
    # and the download follows the switch: one row per report on screen
    csv_href = browser.find_element(By.CSS_SELECTOR, "a.dl[data-format=csv]").get_attribute("href")
    assert "count=mentions" in csv_href
    rows = list(csv.DictReader(io.StringIO(fetch_text(browser, csv_href))))
    assert len(rows) == len(browser.find_elements(By.CSS_SELECTOR, "tr.event-row"))
    # the dyad charts count events too, and follow the switch
    visit(browser, server + "/dyads?source=JPN&target=CHN", ready="data-charts")
    by_events = int(browser.find_element(By.ID, "dyad-total").text)
    visit(browser, server + "/dyads?source=JPN&target=CHN&count=mentions", ready="data-charts")
    assert by_events <= int(browser.find_element(By.ID, "dyad-total").text)
