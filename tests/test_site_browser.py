"""The published site, used as a person would: headless Chromium from Debian, driven by Selenium.

The browser and its driver are the system's (``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them when it runs as root). Nothing
here downloads a browser: Selenium is given both paths and told to stay
offline, and the test skips, saying why, when either is missing.

The site is served by a thread on 127.0.0.1, as a reader's browser would get
it; screenshots of each step go to ``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sphinx")
pytest.importorskip("selenium")

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from lint.commands import dispatch
from tests.test_site_build import HOSTILE, REPO, _cwd

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = REPO / "build" / "screenshots"
WAIT = 15

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason=f"no system browser: {CHROMIUM} and {CHROMEDRIVER} come from `apt-get install chromium chromium-driver`",
)


def _build(root: Path, out: Path) -> None:
    with _cwd(root):
        assert dispatch(["build", "--out", str(out), "--jobs", "2", "--fail-on-warning"]) == 0


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on a free port of 127.0.0.1, for as long as the block runs."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The shipped corpus's site and the hostile fixture's, each served: their base URLs."""
    shipped = tmp_path_factory.mktemp("shipped") / "html"
    _build(REPO, shipped)
    tree = tmp_path_factory.mktemp("hostile") / "tree"
    shutil.copytree(HOSTILE, tree)
    _build(tree, tree / "build" / "html")
    with _served(shipped) as shipped_url, _served(tree / "build" / "html") as hostile_url:
        yield shipped_url, hostile_url


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager may not fetch a browser or a driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: webdriver.Chrome) -> WebDriverWait[webdriver.Chrome]:
    return WebDriverWait(driver, WAIT)


def _errors(driver: webdriver.Chrome) -> list[str]:
    """The console's errors since the last call (reading the log empties it)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _reveal(driver: webdriver.Chrome, element: Any) -> None:
    """Scroll ``element`` to the middle of the window at once (furo scrolls smoothly: a click would land short)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)


def _shot(driver: webdriver.Chrome, name: str) -> None:
    assert driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def test_a_reader_and_a_reviewer_use_the_site(browser: webdriver.Chrome, sites: tuple[str, str]) -> None:
    base, _hostile = sites
    driver = browser
    errors: list[str] = []

    # The root index lists the four locales.
    driver.get(f"{base}/index.html")
    locales = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(2)")]
    assert locales == ["en-US", "es-ES", "ru-RU", "zh-CN"]
    _shot(driver, "1-index")
    errors += _errors(driver)

    # From the English call-reject page, the switcher leads to the Russian one.
    driver.get(f"{base}/en-US/beta/api/call-reject.html")
    switcher = driver.find_element(By.CSS_SELECTOR, "nav.doclint-switcher")
    switcher.find_element(By.CSS_SELECTOR, 'a[hreflang="ru-RU"]').click()
    _wait(driver).until(expected_conditions.url_contains("/ru-RU/beta/api/call-reject.html"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    errors += _errors(driver)

    # The status finding is displayed in the Response section, right after the sentence it is about.
    response = driver.find_element(By.XPATH, "//section[h2[starts-with(normalize-space(), 'Отклик')]]")
    finding = response.find_element(By.CSS_SELECTOR, "p + div.doclint-finding")
    _reveal(driver, finding)
    assert finding.is_displayed()
    assert finding.find_element(By.CSS_SELECTOR, ".admonition-title").text == "DL601 status-drift · error"
    assert "200 OK" in finding.text and "202 Accepted" in finding.text
    _shot(driver, "2-ru-RU-call-reject-finding")

    # The dashboard's ru-RU cell leads to the side-by-side view with both statuses on one row.
    driver.get(f"{base}/index.html")
    driver.find_element(By.LINK_TEXT, "Review dashboard").click()
    _wait(driver).until(expected_conditions.url_contains("/en-US/review/index.html"))
    _shot(driver, "3-dashboard")
    errors += _errors(driver)
    cell = driver.find_element(
        By.CSS_SELECTOR, 'a[href="ru-RU/beta/api/call-reject.html#review-ru-ru-beta-api-call-reject-line-49"]'
    )
    _reveal(driver, cell)
    cell.click()
    _wait(driver).until(expected_conditions.url_contains("/en-US/review/ru-RU/beta/api/call-reject.html"))
    row = driver.find_element(By.ID, "review-ru-ru-beta-api-call-reject-line-49").find_element(
        By.XPATH, "./ancestor::tr"
    )
    cells = row.find_elements(By.TAG_NAME, "td")
    assert [cells[0].text, cells[2].text] == ["54", "49"]
    assert "202 Accepted" in cells[1].text and "200 OK" in cells[3].text
    _reveal(driver, row)
    _shot(driver, "4-side-by-side")
    errors += _errors(driver)

    # A DocFX tab group is a real tab set: clicking a tab shows its panel and hides the first.
    driver.get(f"{base}/en-US/beta/api/call-reject.html")
    tab_set = driver.find_element(By.CSS_SELECTOR, ".sd-tab-set")
    panels = tab_set.find_elements(By.CSS_SELECTOR, ":scope > .sd-tab-content")
    labels = tab_set.find_elements(By.CSS_SELECTOR, ":scope > label.sd-tab-label")
    assert [label.text for label in labels[:2]] == ["HTTP", "C#"]
    assert panels[0].is_displayed() and not panels[1].is_displayed()
    _reveal(driver, tab_set)
    labels[1].click()
    _wait(driver).until(lambda _driver: panels[1].is_displayed())
    assert not panels[0].is_displayed()
    _shot(driver, "5-tab")
    errors += _errors(driver)

    # Sphinx's search (JavaScript) finds the page in the Russian site.
    driver.get(f"{base}/ru-RU/index.html")
    box = driver.find_element(By.CSS_SELECTOR, "form.sidebar-search-container input[name=q]")
    box.send_keys("reject", Keys.ENTER)
    _wait(driver).until(expected_conditions.url_contains("/ru-RU/search.html"))
    found = _wait(driver).until(
        lambda _driver: _driver.find_elements(By.CSS_SELECTOR, "#search-results ul.search li a")
    )
    assert "beta/api/call-reject.html" in found[0].get_attribute("href")
    _shot(driver, "6-search")
    errors += _errors(driver)

    assert errors == []


def test_the_hostile_page_runs_nothing(browser: webdriver.Chrome, sites: tuple[str, str]) -> None:
    _base, hostile = sites
    driver = browser
    for locale in ("en-US", "es-ES", "zh-CN"):
        driver.get(f"{hostile}/{locale}/v1.0/api/hostile.html")
        assert driver.execute_script("return typeof window.doclintPwned") == "undefined", locale
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018 - reading it is how Selenium looks for an alert
        assert driver.find_elements(By.CSS_SELECTOR, "article iframe, article script, article svg") == []
    driver.get(f"{hostile}/en-US/v1.0/api/hostile.html")
    for link in driver.find_elements(By.CSS_SELECTOR, "article a"):
        assert not (link.get_attribute("href") or "").startswith(("javascript:", "data:"))
    _shot(driver, "7-hostile")
    assert _errors(driver) == []
