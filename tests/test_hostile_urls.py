"""Hostile URL parameters, in-process (AppTest): quotes, SQL, script tags, a very long value and what the server
makes of bytes that are not UTF-8, in every parameter the app reads, on every page opened as a copied link.
Each page then shows what it shows without those parameters, never an exception, and the hostile value reaches
no element (so it can never be markup in the browser) and does not stay in the sidebar's URL parameters.

What only a real browser can show (that no script runs, the URL it keeps and opens again) is in
tests/test_e2e_hostile.py.
"""

from __future__ import annotations

import pytest
from hostile_values import AS_READ, PARAMETERS, SIDEBAR, url_parameters
from in_process_app import PAGE, assert_clean, open_link, shown_strings, tiles

from analytics.context import WarehouseInfo

# The app and `info` read the session's demo warehouse (tests/conftest.py).
# Slow: every page opened with every hostile value of every parameter.
pytestmark = [pytest.mark.usefixtures("app_environment"), pytest.mark.slow]


def test_the_parameters_are_found_in_the_source() -> None:
    assert {
        "kota",
        "tahun",
        "lang",
        "slide",
        "fokus",
        "banding",
        "urut",
        "cari",
        "profil",
        "simulasi_kota",
    } <= url_parameters()


@pytest.fixture(scope="module")
def plain(app_environment: None) -> dict[str, list[str]]:
    """Return, per page, the titles it shows opened as a link without parameters (each page run once)."""
    return {name: [x.value for x in open_link(name, {}).title] for name in PAGE}


def assert_not_shown(at, value: str) -> None:
    """The value reaches no element and stays in none of the sidebar's URL parameters."""
    leaked = [s[:200] for s in shown_strings(at) if value in s or "drop table" in s.lower()]
    assert leaked == []
    for key in SIDEBAR:
        kept = at.query_params.get(key)
        assert value not in (kept if isinstance(kept, list) else [kept]), key


@pytest.mark.parametrize("name", AS_READ)
@pytest.mark.parametrize("page", PAGE)
def test_a_hostile_value_in_every_parameter_is_ignored_on_every_page(
    page: str, name: str, plain: dict[str, list[str]], info: WarehouseInfo
) -> None:
    value = AS_READ[name]
    at = open_link(page, dict.fromkeys(PARAMETERS, value))
    assert_clean(at)
    assert [x.value for x in at.title] == plain[page]  # the page as without the parameters
    # every city, as when none is asked for (a `kota` list without a valid group reads as hand-picked),
    # and nobody's city in focus
    assert at.sidebar.selectbox(key="banding").value == "pilihan"
    assert at.sidebar.multiselect(key="kota").value == info.kota
    assert at.sidebar.selectbox(key="fokus").value is None
    assert at.query_params.get("lang") == "id"
    assert_not_shown(at, value)


@pytest.fixture(scope="module")
def jambi(app_environment: None) -> dict[str, list[tuple[str, str, str]]]:
    """Return the Ringkasan tiles of a link that asks for Jambi and nothing else."""
    return tiles(open_link("ringkasan", {"kota": "Jambi"}))


@pytest.mark.parametrize("name", AS_READ)
def test_a_valid_city_among_hostile_values_shows_that_citys_numbers(name: str, jambi: dict) -> None:
    value = AS_READ[name]
    query = dict.fromkeys((p for p in PARAMETERS if p != "kota"), value) | {"kota": [value, "Jambi"]}
    at = open_link("ringkasan", query)
    assert_clean(at)
    assert tiles(at) == jambi
    assert at.query_params.get("kota") in ("Jambi", ["Jambi"])
    assert_not_shown(at, value)
