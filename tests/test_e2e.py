"""End-to-end in a real browser: Debian's Chromium driven by Playwright against a real server.

Needs /usr/bin/chromium (`.ci/run` installs it). No browser download, no skip: without Chromium
these tests fail and say how to install it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PAGE_PATHS
from playwright.sync_api import Page, expect, sync_playwright

from etl import pipeline
from etl.sample import write_sample

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the dashboard on a small synthetic warehouse; yield its base URL."""
    tmp = tmp_path_factory.mktemp("e2e")
    write_sample(tmp / "sumber", seed=5, scale=0.03)
    assert pipeline.load(tmp / "sumber", tmp / "warehouse.duckdb").status == "ok"
    port = free_port()
    log = (tmp / "streamlit.log").open("w")
    env = {**os.environ, "ASN_WAREHOUSE": str(tmp / "warehouse.duckdb")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    os.environ["E2E_WAREHOUSE"] = str(tmp / "warehouse.duckdb")  # for the reload test below
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError((tmp / "streamlit.log").read_text())
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    assert shutil.which(CHROMIUM), "Chromium is missing: apt-get install -y chromium (.ci/run does this)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        yield page
        browser.close()


def open_and_wait(page: Page, url: str, drawn: str = "h1, .slide-title") -> None:
    """Open a URL and wait until Streamlit has drawn `drawn` (the page's title) and finished running the script."""
    page.goto(url)
    page.wait_for_selector(drawn, state="attached", timeout=60_000)  # the script has run, not just the frame
    idle(page)


def idle(page: Page) -> None:
    """Wait until the script is not running. After a click the rerun may not have started yet: assertions
    after a click retry (expect) instead of trusting this alone."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)


def first_metric(page: Page) -> str:
    return page.locator("[data-testid=stMetricValue]").first.inner_text()


def test_a_copied_link_is_the_first_request_of_a_fresh_server(server: str, browser_page: Page) -> None:
    # Must stay the first test of this module: nobody has opened the front page of this server yet.
    open_and_wait(browser_page, f"{server}/partisipasi?kota=Jambi&lang=en")
    assert browser_page.locator("[data-testid=stException]").count() == 0
    assert browser_page.locator("h1").first.inner_text() == "Participation in development"


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_loads_without_an_error(server: str, browser_page: Page, path: str) -> None:
    open_and_wait(browser_page, f"{server}/{path}")
    assert browser_page.locator("[data-testid=stException]").count() == 0
    heading = ".slide-title" if path == "presentasi" else "h1"  # presentation mode titles its screens
    assert browser_page.locator(heading).count() >= 1
    assert "sintetis" in browser_page.locator("[data-testid=stApp]").inner_text().lower() or path == "definisi"


def test_a_copied_url_restores_cities_years_and_language(server: str, browser_page: Page) -> None:
    open_and_wait(browser_page, f"{server}/?lang=en&kota=Jambi&tahun=2022&tahun=2024")
    assert browser_page.locator("h1").first.inner_text().startswith("Overview 2024")
    expect(browser_page.locator("[data-testid=stMetric]")).to_have_count(7, timeout=30_000)  # one city, seven tiles
    assert browser_page.get_by_text("Jambi", exact=True).count() >= 1


def test_changing_the_year_changes_the_headline_number(server: str, browser_page: Page) -> None:
    open_and_wait(browser_page, f"{server}/?kota=Makassar&tahun=2021&tahun=2025")
    latest = first_metric(browser_page)
    open_and_wait(browser_page, f"{server}/?kota=Makassar&tahun=2021&tahun=2022")
    assert browser_page.locator("h1").first.inner_text().startswith("Ringkasan 2022")
    assert first_metric(browser_page) != latest


def test_the_language_switch_translates_the_page_and_the_url(server: str, browser_page: Page) -> None:
    open_and_wait(browser_page, f"{server}/partisipasi")
    assert browser_page.locator("h1").first.inner_text() == "Partisipasi pengembangan kompetensi"
    browser_page.get_by_text("English", exact=True).click()
    expect(browser_page.locator("h1").first).to_have_text("Participation in development", timeout=30_000)
    expect(browser_page).to_have_url(re.compile("lang=en"), timeout=30_000)


def test_removing_a_city_in_the_sidebar_removes_its_tile(server: str, browser_page: Page) -> None:
    open_and_wait(browser_page, f"{server}/?kota=Jambi&kota=Makassar")
    tiles = browser_page.locator("[data-testid=stMetric]")
    expect(tiles).to_have_count(14, timeout=30_000)  # retried: a busy CI machine draws late
    browser_page.locator("[data-testid=stMultiSelect]").first.get_by_role("button", name="Remove Jambi").click()
    idle(browser_page)
    expect(tiles).to_have_count(7, timeout=30_000)
    assert "kota=Makassar" in browser_page.url and "Jambi" not in browser_page.url


def test_a_load_while_serving_keeps_the_page_working_then_shows_the_new_data(
    server: str, browser_page: Page, tmp_path: Path
) -> None:
    # Runs last: it replaces the warehouse the server reads.
    open_and_wait(browser_page, f"{server}/?kota=Jambi")
    before = first_metric(browser_page)
    write_sample(tmp_path / "baru", seed=99, scale=0.03)
    loading = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(tmp_path / "baru"), "--db", os.environ["E2E_WAREHOUSE"]],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    open_and_wait(browser_page, f"{server}/partisipasi?kota=Jambi")  # served while the load runs
    assert browser_page.locator("[data-testid=stException]").count() == 0
    assert loading.wait(timeout=120) == 0
    open_and_wait(browser_page, f"{server}/?kota=Jambi")
    assert browser_page.locator("[data-testid=stException]").count() == 0
    assert first_metric(browser_page) != before
