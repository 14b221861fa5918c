"""Hostile URL parameters through a real browser: what only Chromium shows. Every page with a hostile value in
every parameter is checked in-process (tests/test_hostile_urls.py: no exception, the value reaches no element);
here each value goes into the URL as a browser sends it (percent-encoded, or bytes that are not UTF-8), and no
script of ours or theirs runs (no dialog opens, injected markup stays text), the URL the browser is left with
keeps no hostile filter, and opening that URL again shows the same view.

The module's server serves the session's demo warehouse (`server` and `browser_page`: tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from hostile_values import IN_URL, PARAMETERS, SIDEBAR
from playwright.sync_api import Dialog, Page, expect
from real_browser import open_and_wait

pytestmark = pytest.mark.browser


@pytest.fixture
def dialogs(browser_page: Page) -> Iterator[list[str]]:
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
    assert page.locator("h1, .slide-title").count() >= 1 or page.locator("[data-testid=stAlert]").count() >= 1


def city_headings(page: Page) -> list[str]:
    return [h.inner_text() for h in page.locator("[data-testid=stMain] h3").all()]


def view(page: Page) -> tuple:
    """What the Ringkasan page of one city shows: its title, its headings and its seven tiles."""
    expect(page.locator("[data-testid=stMetric]")).to_have_count(7, timeout=30_000)  # a busy machine draws late
    metrics = [m.inner_text() for m in page.locator("[data-testid=stMetricValue]").all()]
    return page.locator("h1").first.inner_text(), city_headings(page), metrics


@pytest.mark.parametrize("name", IN_URL)
def test_a_valid_city_among_hostile_values_survives_the_url_round_trip(
    server: str, browser_page: Page, dialogs: list[str], name: str
) -> None:
    value = IN_URL[name]
    others = "&".join(f"{p}={value}" for p in PARAMETERS if p != "kota")
    text = visit(browser_page, f"{server}/?kota={value}&kota=Jambi&{others}")
    assert_polite(browser_page)
    assert "Traceback" not in text and "drop table" not in text.lower()
    shown = view(browser_page)
    assert "Jambi" in shown[1]
    kept = parse_qs(urlsplit(browser_page.url).query)
    assert kept.get("kota") == ["Jambi"] and kept.get("lang") == ["id"]
    assert [key for key in SIDEBAR if key in kept and key not in ("kota", "lang", "banding")] == []
    assert kept.get("banding") == ["pilihan"]  # the hand-picked list a `kota` link asks for, not the hostile value
    visit(browser_page, browser_page.url)  # the URL the browser was left with, opened again
    assert_polite(browser_page)
    assert view(browser_page) == shown
    assert dialogs == []


@pytest.mark.parametrize("name", IN_URL)
def test_the_presentation_shows_hostile_values_as_nothing_but_text(
    server: str, browser_page: Page, dialogs: list[str], name: str
) -> None:
    # The presentation writes its screens as HTML of its own: the one page where markup could slip through.
    value = IN_URL[name]
    text = visit(browser_page, f"{server}/presentasi?" + "&".join(f"{p}={value}" for p in PARAMETERS))
    assert_polite(browser_page)
    assert "Traceback" not in text and "drop table" not in text.lower()
    assert dialogs == []
