"""End-to-end: headless Chromium (Debian's, via Selenium and chromium-driver) against `gaiko serve` on 127.0.0.1.

The server is loaded with the bundled example corpus (coded by the real coder)
plus the hand-made fixture articles. Every page must load without a browser
console error and show something; filters, evidence links, the pledge
timeline and downloads are exercised as a person would. Every page is
screenshotted; with GAIKO_SCREENSHOTS=1 the pictures replace those in
docs/screenshots/ (otherwise they go to pytest's temporary folder, so a test
run leaves the working tree clean).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from serve_data import fixture_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
DOC_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).exists()]
    try:
        import selenium  # noqa: F401 - availability check
    except ImportError:
        missing.append("selenium (Python package)")
    if missing:
        msg = f"browser tests need {', '.join(missing)}: run scripts/setup-browser.sh"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    import uvicorn

    from gaiko.server import create_app

    _require_browser()
    db = fixture_store(tmp_path_factory.getbasetemp(), coder, "browser")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory) -> Path:
    if os.environ.get("GAIKO_SCREENSHOTS") == "1":
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        return DOC_SHOTS
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser(server, shots_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    driver.shots_dir = shots_dir
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visit(driver, url: str, *, ready: str | None = None) -> None:
    """Load a page; fail on a console error, a server error page, or an empty page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    if ready:
        WebDriverWait(driver, 15).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute(ready) == "ready")
    body = driver.find_element(By.TAG_NAME, "body")
    text = body.text
    assert "internal_error" not in text and "Traceback" not in text, text[:500]
    assert driver.find_elements(By.CSS_SELECTOR, "header.top nav a"), "page has no navigation: not a gaiko page"
    assert len(driver.find_element(By.TAG_NAME, "main").text.strip()) > 40, f"{url} shows next to nothing"
    assert not driver.find_elements(By.ID, "page-error"), driver.find_element(By.ID, "page-error").text
    errors = console_errors(driver)
    assert not errors, errors


def click_through(driver, element) -> str:
    """Click something that navigates, wait until the new page has replaced the old one; returns its URL."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(old))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return str(driver.current_url)


def shot(driver, name: str, height: int | None = None) -> None:
    if height:
        driver.set_window_size(1280, height)
    driver.execute_script("window.scrollTo(0, 0)")
    path = driver.shots_dir / f"{name}.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000, f"screenshot {name} is empty"
    driver.set_window_size(1280, 900)


def fetch_text(driver, href: str) -> str:
    """Download a link's target from inside the page (same origin, same cookies)."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('FETCH FAILED ' + e));", href)


def test_overview(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/")
    cards = browser.find_elements(By.CSS_SELECTOR, "#stats .card b")
    assert int(cards[1].text) > 0, "no events in the overview"
    assert browser.find_elements(By.CSS_SELECTOR, "a.evidence")
    shot(browser, "overview", 1100)


def test_events_filter_and_evidence(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    visit(browser, server + "/events")
    total_all = int(browser.find_element(By.ID, "total").text)
    assert total_all > 0 and browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    shot(browser, "events", 1200)
    # apply a filter the way a person does: pick a type, submit the form
    Select(browser.find_element(By.NAME, "type")).select_by_value("ACCUSE")
    browser.find_element(By.NAME, "source").send_keys("JPN")
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]")))
    q = parse_qs(urlparse(browser.current_url).query)
    assert q["type"] == ["ACCUSE"] and q["source"] == ["JPN"]
    total = int(browser.find_element(By.ID, "total").text)
    assert 0 < total < total_all
    badges = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#events-table .badge")]
    assert badges and set(badges) == {"ACCUSE"}
    codes = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr td:nth-child(2) .code")]
    assert codes and all(c.startswith("JPN") for c in codes)
    # the download link gives exactly what is on screen
    csv_href = browser.find_element(By.CSS_SELECTOR, "a.dl[data-format=csv]").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(fetch_text(browser, csv_href))))
    on_screen = [r.get_attribute("data-id") for r in browser.find_elements(By.CSS_SELECTOR, "tr.event-row")]
    assert [r["id"] for r in rows] == on_screen
    jsonl_href = browser.find_element(By.CSS_SELECTOR, "a.dl[data-format=jsonl]").get_attribute("href")
    assert len(fetch_text(browser, jsonl_href).splitlines()) == len(on_screen)
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
    shot(browser, "article-evidence", 1000)


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
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tr")
    assert len(rows) > 1
    shot(browser, "dyads", 1250)
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
    shot(browser, "network", 1150)
    jpn = browser.find_element(By.CSS_SELECTOR, '#network g.node[data-id="JPN"] circle')
    visit(browser, click_through(browser, jpn))
    assert parse_qs(urlparse(browser.current_url).query)["actor"] == ["JPN"]


def test_map_offline(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/map", ready="data-map")
    countries = browser.find_elements(By.CSS_SELECTOR, "#map path.country")
    points = browser.find_elements(By.CSS_SELECTOR, "#map circle.point")
    assert len(countries) > 150, "world outline missing"
    assert len(points) == int(browser.find_element(By.ID, "point-count").text) >= 3
    # Tokyo sits in the right place on an equirectangular 960x480 map
    tokyo = [p for p in points if "Tokyo" in p.find_element(By.TAG_NAME, "title").get_attribute("textContent")]
    assert tokyo
    assert abs(float(tokyo[0].get_attribute("cx")) - (139.69 + 180) / 360 * 960) < 1
    shot(browser, "map", 1100)


def test_pledge_ledger_and_timeline(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/pledges")
    rows = browser.find_elements(By.CSS_SELECTOR, "#ledger tr.pledge-row")
    assert rows, "empty pledge ledger"
    badges = browser.find_elements(By.CSS_SELECTOR, "#ledger .status")
    assert len(badges) == len(rows) and all(b.text for b in badges)
    assert browser.find_elements(By.CSS_SELECTOR, "#ledger .overdue, #ledger .left"), "no deadline countdown shown"
    shot(browser, "pledges", 1300)
    # open the pledge with the most later evidence: its timeline has the most to show
    counts = [int(r.find_element(By.CSS_SELECTOR, "td:last-child").text) for r in rows]
    best = max(range(len(rows)), key=lambda i: (counts[i], -i))
    link = rows[best].find_element(By.CSS_SELECTOR, "a.pledge-link")
    visit(browser, click_through(browser, link))
    items = browser.find_elements(By.CSS_SELECTOR, "#timeline li")
    assert len(items) >= 1 + counts[best] and "made" in items[0].text.lower()
    assert browser.find_element(By.ID, "pledge-status").text
    shot(browser, "pledge-timeline", 900)
    # evidence in the timeline leads to the article
    visit(browser, click_through(browser, browser.find_element(By.CSS_SELECTOR, "#timeline li a")))
    assert "/articles/" in browser.current_url


def test_actors_and_articles_pages(browser, server):
    from selenium.webdriver.common.by import By

    visit(browser, server + "/actors")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#actors-table tr")) > 3
    shot(browser, "actors")
    visit(browser, server + "/articles")
    links = browser.find_elements(By.CSS_SELECTOR, "#articles-table a")
    assert len(links) >= 10
    visit(browser, click_through(browser, links[0]))
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .sentence")


def test_bad_filter_shows_a_message_not_a_crash(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?since=last-tuesday")
    err = browser.find_element(By.ID, "page-error").text
    assert "since" in err and "date" in err
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
