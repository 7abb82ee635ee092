"""Helpers of the browser tests: a server on 127.0.0.1, Debian's headless Chromium, and what a person checks.

Shared by test_browser.py (the bundled example corpus) and test_browser_scale.py (320 generated
articles). Screenshots go to pytest's temporary folder, or with GAIKO_SCREENSHOTS=1 to
docs/screenshots/ (desktop 1440x900 as NAME.png, phone 390x844 as NAME-phone.png).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DESKTOP = (1440, 900)
PHONE = (390, 844)


def require_browser() -> None:
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


def serve(db: Path):
    """Start uvicorn on a free port over ``db``; yields the base URL."""
    import uvicorn

    from gaiko.server import create_app

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


def shots_dir(tmp_path_factory) -> Path:
    if os.environ.get("GAIKO_SCREENSHOTS") == "1":
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        return DOC_SHOTS
    return Path(tmp_path_factory.mktemp("screenshots"))


def chrome(shots: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(120)
    driver.shots_dir = shots
    desktop(driver)
    yield driver
    driver.quit()


def desktop(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": DESKTOP[0], "height": DESKTOP[1], "deviceScaleFactor": 1, "mobile": False})


def phone(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visit(driver, url: str, *, ready: str | None = None) -> float:
    """Load a page; fail on a console error, a server error page, or an empty page. Returns seconds to load."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    t0 = time.time()
    driver.get(url)
    if ready:
        WebDriverWait(driver, 15).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute(ready) == "ready")
    took = time.time() - t0
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "internal_error" not in text and "Traceback" not in text, text[:500]
    assert driver.find_elements(By.CSS_SELECTOR, "header.top nav a"), "page has no navigation: not a gaiko page"
    assert len(driver.find_element(By.TAG_NAME, "main").text.strip()) > 40, f"{url} shows next to nothing"
    assert not driver.find_elements(By.ID, "page-error"), driver.find_element(By.ID, "page-error").text
    errors = console_errors(driver)
    assert not errors, errors
    return took


def replaced(old):
    """A wait condition: the element ``old`` has left the page (a navigation replaced it). Like Selenium's
    ``staleness_of``, but chromedriver may answer mid-navigation with "Node with given id does not belong to the
    document" instead of a stale-element error; either means the old page is gone."""
    from selenium.common.exceptions import WebDriverException

    def gone(_driver) -> bool:
        try:
            old.is_enabled()
        except WebDriverException:
            return True
        return False

    return gone


def click_through(driver, element) -> str:
    """Click something that navigates, wait until the new page has replaced the old one; returns its URL."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    WebDriverWait(driver, 15).until(replaced(old))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return str(driver.current_url)


def shot(driver, name: str) -> Path:
    """A screenshot of the viewport as it is (1440x900 or 390x844)."""
    driver.execute_script("window.scrollTo(0, 0)")
    path = driver.shots_dir / f"{name}.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000, f"screenshot {name} is empty"
    return path


def fetch_text(driver, href: str) -> str:
    """Download a link's target from inside the page (same origin, same cookies)."""
    return str(driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('FETCH FAILED ' + e));", href))


def page_total(driver, href: str) -> int:
    """The total the page at ``href`` states (its ``#total[data-total]``)."""
    return int(check_counts(driver, [{"href": href, "count": -1}])[0]["total"])


CHECK_JS = """
const links = arguments[0], done = arguments[arguments.length - 1], out = [];
let i = 0;
async function worker() {
  while (i < links.length) {
    const l = links[i++];
    try {
      const html = await (await fetch(l.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const el = doc.querySelector('#total[data-total]');
      out.push({href: l.href, count: l.count, total: el ? el.getAttribute('data-total') : null,
                error: doc.querySelector('#page-error') ? doc.querySelector('#page-error').textContent : null});
    } catch (e) { out.push({href: l.href, count: l.count, total: null, error: String(e)}); }
  }
}
Promise.all([worker(), worker(), worker(), worker()]).then(() => done(out));
"""


def count_links(driver) -> list[dict[str, Any]]:
    """Every count on the page that is a link: its number and where it leads (each link once)."""
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('a.count[data-count]')).map(a => ({href: a.href, count: +a.dataset.count}));")
    seen: dict[str, dict[str, Any]] = {}
    for link in links:
        prev = seen.setdefault(link["href"], link)
        assert prev["count"] == link["count"], f"one link, two numbers: {link['href']} {prev['count']} vs {link['count']}"
    return list(seen.values())


def check_counts(driver, links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Open each link (four at a time, from inside the page) and read the total of the page it opens."""
    return list(driver.execute_async_script(CHECK_JS, links))


def assert_counts_open_their_rows(driver) -> int:
    """Every count on the current page equals the total of the page its link opens. Returns how many were checked."""
    links = count_links(driver)
    bad = [r for r in check_counts(driver, links) if r["error"] or r["total"] is None or int(r["total"]) != r["count"]]
    assert not bad, bad[:10]
    return len(links)


CONTRAST_JS = """
function lum(c) { const m = c.match(/[\\d.]+/g).map(Number); const a = m.length > 3 ? m[3] : 1;
  return [m.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }), a]; }
function bg(el) { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
  if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') { const [l, a] = lum(c); if (a > 0.5) return c; } } return 'rgb(255, 255, 255)'; }
function L(c) { const [[r, g, b]] = lum(c); return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
const bad = [];
for (const el of document.querySelectorAll('main *, header *, footer')) {
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || !el.getClientRects().length) continue;
  const st = getComputedStyle(el); if (st.visibility === 'hidden' || +st.opacity === 0) continue;
  if (el.closest('svg, canvas, .swagger-ui, mark')) continue;
  const fg = st.color, b = bg(el), l1 = L(fg), l2 = L(b);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(st.fontSize), bold = +st.fontWeight >= 700;
  const need = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
  if (ratio < need) bad.push({text: el.textContent.trim().slice(0, 40), fg, bg: b, ratio: ratio.toFixed(2)});
}
return bad;
"""


def low_contrast(driver) -> list[dict[str, Any]]:
    """Visible text below WCAG AA contrast (4.5:1; 3:1 for large text) on the current page."""
    return list(driver.execute_script(CONTRAST_JS))


def overflow(driver) -> int:
    """How many pixels the page is wider than the screen (0: nothing overflows)."""
    return int(driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"))
