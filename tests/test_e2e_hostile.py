"""Hostile URL parameters through the real browser: quotes, SQL, script tags, very long and non-UTF-8 values in
every parameter the app reads. Every page shows either the right data or a polite message, never an
exception, and no script of ours or theirs runs (no dialog ever opens).

Same server and Chromium as tests/test_e2e.py (its fixtures are imported, so this module gets its own server).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from conftest import PAGE_PATHS
from playwright.sync_api import Dialog, Page
from test_e2e import browser_page, open_and_wait, server  # noqa: F401  (fixtures)

PAGES = PAGE_PATHS
PARAMETERS = ("kota", "tahun", "opd", "jabatan", "jenis_asn", "lang", "slide", "fokus", "profil", "rincian")
HOSTILE = {  # name: the value as it goes into the URL (already percent-encoded)
    "quotes": quote('O\'Brien "Jambi" `x`', safe=""),
    "sql": quote("'; drop table stg_kota; --", safe=""),
    "script": quote("<script>alert(1)</script>", safe=""),
    "img": quote('"><img src=x onerror=alert(2)>', safe=""),
    "long": "J" * 5000,
    "not_utf8": "%ff%fe%c3%28",
}


@pytest.fixture
def dialogs(browser_page: Page) -> Iterator[list[str]]:  # noqa: F811
    """Collect every alert/confirm/prompt the page opens (there must be none)."""
    opened: list[str] = []

    def seen(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    browser_page.on("dialog", seen)
    yield opened
    browser_page.remove_listener("dialog", seen)


def visit(page: Page, url: str) -> str:
    """Open `url`, wait for the script to finish, and return the page's text."""
    open_and_wait(page, url, drawn="h1, .slide-title, [data-testid=stAlert]")  # a polite page may be only a message
    return page.locator("[data-testid=stApp]").inner_text()


def assert_polite(page: Page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("img[src='x']").count() == 0  # the injected markup stayed text
    assert page.evaluate("() => [...document.scripts].some(s => s.text.includes('alert('))") is False
    assert page.locator("h1").count() >= 1 or page.locator("[data-testid=stAlert]").count() >= 1


@pytest.mark.parametrize("name", HOSTILE)
def test_every_page_survives_a_hostile_value_in_every_parameter(
    server: str,  # noqa: F811
    browser_page: Page,  # noqa: F811
    dialogs: list[str],
    name: str,
) -> None:
    query = "&".join(f"{p}={HOSTILE[name]}" for p in PARAMETERS)
    for path in PAGES:
        text = visit(browser_page, f"{server}/{path}?{query}")
        assert_polite(browser_page)
        assert "Traceback" not in text and "drop table" not in text.lower()
    assert dialogs == []


@pytest.mark.parametrize("name", HOSTILE)
def test_a_valid_city_with_hostile_other_parameters_shows_that_citys_numbers(
    server: str,  # noqa: F811
    browser_page: Page,  # noqa: F811
    dialogs: list[str],
    name: str,
) -> None:
    others = "&".join(f"{p}={HOSTILE[name]}" for p in PARAMETERS if p not in ("kota", "lang"))
    visit(browser_page, f"{server}/?kota=Jambi&lang=id&{others}")
    assert_polite(browser_page)
    headings = [h.inner_text() for h in browser_page.locator("[data-testid=stMain] h3").all()]
    assert "Jambi" in headings
    assert browser_page.locator("[data-testid=stMetric]").count() >= 1
    assert dialogs == []


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_city_alone_says_politely_that_there_is_nothing_to_show(
    server: str,  # noqa: F811
    browser_page: Page,  # noqa: F811
    dialogs: list[str],
    name: str,
) -> None:
    visit(browser_page, f"{server}/partisipasi?kota={HOSTILE[name]}")
    assert_polite(browser_page)
    assert dialogs == []
