"""End-to-end in a real browser: Debian's Chromium driven by Playwright against a real server
(tests/real_browser.py; `server` and `browser_page` are fixtures of tests/conftest.py).

The module's server serves the session's demo warehouse; the tests that need a server nobody has used, or one
whose warehouse they replace, start their own. Needs /usr/bin/chromium (`.ci/run` installs it).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PAGE_PATHS
from playwright.sync_api import Page, expect
from real_browser import idle, open_and_wait, serve

from access import audit
from demo import write_sample
from etl import pipeline

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_server(warehouse: Path, tmp_path: Path) -> Iterator[str]:
    """A server of this test alone on the module's warehouse: nobody has opened any page of it yet."""
    with serve(warehouse, tmp_path / "streamlit.log") as url:
        yield url


@pytest.fixture
def own_warehouse(demo_source: Path, tmp_path: Path) -> Path:
    """A warehouse of this test alone, loaded from the demo source folder: the test may load into it."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(demo_source, db).status == "ok"
    return db


def first_metric(page: Page) -> str:
    return page.locator("[data-testid=stMetricValue]").first.inner_text()


def test_a_copied_link_is_the_first_request_of_a_fresh_server(fresh_server: str, browser_page: Page) -> None:
    open_and_wait(browser_page, f"{fresh_server}/partisipasi?kota=Jambi&lang=en")
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
    own_warehouse: Path, browser_page: Page, tmp_path: Path
) -> None:
    with serve(own_warehouse, tmp_path / "streamlit.log") as server:
        open_and_wait(browser_page, f"{server}/?kota=Jambi")
        before = first_metric(browser_page)
        write_sample(tmp_path / "baru", seed=99, scale=0.03)
        loading = subprocess.Popen(
            [sys.executable, "-m", "etl", "load", str(tmp_path / "baru"), "--db", str(own_warehouse)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        open_and_wait(browser_page, f"{server}/partisipasi?kota=Jambi")  # served while the load runs
        assert browser_page.locator("[data-testid=stException]").count() == 0
        assert loading.wait(timeout=120) == 0
        open_and_wait(browser_page, f"{server}/?kota=Jambi")
        assert browser_page.locator("[data-testid=stException]").count() == 0
        assert first_metric(browser_page) != before


def test_a_charts_data_downloaded_as_csv_is_written_to_the_audit_log(
    server: str, browser_page: Page, warehouse: Path
) -> None:
    log = audit.log_path(warehouse)
    before = log.read_text(encoding="utf-8").count("\n") if log.exists() else 0
    open_and_wait(browser_page, f"{server}/partisipasi?kota=Jambi")
    browser_page.get_by_text("Lihat data").first.click()
    with browser_page.expect_download(timeout=30_000) as download:
        browser_page.get_by_role("button", name="Unduh CSV").first.click()
    assert download.value.suggested_filename.endswith(".csv")
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == before + 1
    event = json.loads(lines[-1])
    assert (event["aksi"], event["email"], event["berkas"]) == ("ekspor", "lokal", [download.value.suggested_filename])


# Each chart's margins as set (style.label_room) and the room Plotly's automargin found its axis labels needing:
# where the set margins hold the labels, Plotly draws the chart once instead of twice.
AXIS_ROOM = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => {
  const L = el._fullLayout, need = {l: 0, b: 0};
  for (const [k, v] of Object.entries(L._pushmargin || {}))
    if (k.endsWith('automargin')) { need.l = Math.max(need.l, v.l.size); need.b = Math.max(need.b, v.b.size); }
  return {set: [L.margin.l, L.margin.b], need: [Math.round(need.l), Math.round(need.b)]};
})"""


@pytest.mark.parametrize("path", ["", "partisipasi", "kesenjangan"])
def test_charts_are_drawn_once_their_labels_fitting_the_margins_set(server: str, browser_page: Page, path: str):
    open_and_wait(browser_page, f"{server}/{path}")
    expect(browser_page.locator("[data-testid=stPlotlyChart] .main-svg").first).to_be_attached()
    browser_page.wait_for_timeout(1000)  # every chart drawn
    charts = browser_page.evaluate(AXIS_ROOM)
    once = 0
    for chart in charts:
        guessed = [(s, n) for s, n in zip(chart["set"], chart["need"], strict=True) if s != 10]  # 10: left to Plotly
        assert all(n <= s <= n + 40 for s, n in guessed), chart  # the labels fit, with no wide empty band
        once += len(guessed) == 2 or all(n <= s for s, n in zip(chart["set"], chart["need"], strict=True))
    assert once >= 3, charts  # the trend and distribution charts at least; long agency names are left to Plotly
