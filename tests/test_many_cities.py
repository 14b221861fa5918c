"""Many cities compared: the demo's 14 kota (the four storied cities and the other kota of their provinces),
with Pontianak as the reader's city. Ringkasan ranks, charts stay readable (the focus city in colour, the
others grey around the median), breakdowns are the focus city's, and the meeting files say the rank and the
distance to the median. Every number is checked against the mart or a plain computation, not the code under
test."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from in_process_app import assert_clean, open_link, shown_strings
from openpyxl import load_workbook
from playwright.sync_api import Page

from analytics import meeting_files, privacy, queries
from analytics.context import SIDE_BY_SIDE, PageContext, WarehouseInfo
from analytics.meeting_files import content
from analytics.present import charts, overview, standing
from analytics.present import formatting as fmt
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.texts import t
from demo import write_sample
from etl import pipeline
from ui import state

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = 14  # the storied four and the other kota of their provinces
FOCUS = "Pontianak"
pytestmark = pytest.mark.usefixtures("app_environment")


@pytest.fixture(scope="session")
def national_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Session scope. The warehouse the real pipeline builds from `python -m demo sample --kota 14` (small)."""
    folder = tmp_path_factory.mktemp("nasional") / "sumber"
    write_sample(folder, seed=7, scale=0.03, kota=NATIONAL)
    db = folder.parent / "gudang" / "warehouse.duckdb"
    report = pipeline.load(folder, db)
    assert report.status == "ok" and report.errors == []
    return db


@pytest.fixture(scope="module")
def warehouse(national_warehouse: Path) -> Path:
    return national_warehouse


@pytest.fixture(scope="module")
def focused(everything: Filters) -> Filters:
    """The filters of a page with a focus city: the same question to the warehouse (the focus is the page's)."""
    return Filters(everything.kota, everything.tahun_awal, everything.tahun_akhir)


@pytest.fixture(scope="module")
def latest(ringkasan: pd.DataFrame, everything: Filters, con, focused: Filters) -> pd.DataFrame:
    """The mart's scorecard of the last year, one row per kota, with NaN where the release writes '<5' (a
    hidden value takes no rank and moves no median)."""
    year = everything.tahun_akhir
    mart = ringkasan[ringkasan["tahun"] == year].set_index("kota")
    released = release.read(con, queries.scorecard, focused)
    released = released[released["tahun"] == year].set_index("kota")
    numeric = [c for c in mart.select_dtypes("number").columns if c in released.columns]
    return mart.assign(**{c: mart[c].where(~released[c].map(privacy.is_hidden)) for c in numeric})


def test_the_national_demo_has_the_cities_and_provinces(info: WarehouseInfo) -> None:
    assert len(info.kota) == NATIONAL > SIDE_BY_SIDE
    assert {"Pontianak", "Makassar", "Bukittinggi", "Jambi", "Singkawang"} <= set(info.kota)
    assert info.provinsi["Singkawang"] == info.provinsi["Pontianak"] == "Kalimantan Barat"
    assert set(info.ukuran) == set(info.kota)


# --- where a city stands, computed by hand ------------------------------------------------------------------


@pytest.mark.parametrize("column", [m.column for m in standing.RANKED_MEASURES])
def test_rank_and_median_are_those_of_the_mart(column: str, latest: pd.DataFrame, con, focused: Filters) -> None:
    scorecard = release.read(con, queries.scorecard, focused)
    shown = standing.of(scorecard, focused.tahun_akhir, FOCUS, column)
    values = latest[column].dropna()
    mine = values[FOCUS]
    better = values < mine if column == "biaya_per_jp" else values > mine
    assert shown.rank == int(better.sum()) + 1
    assert shown.n == len(values)
    assert shown.median == pytest.approx(statistics.median(values.tolist()))


# --- Ringkasan ----------------------------------------------------------------------------------------------


def test_ringkasan_ranks_every_city_and_leads_with_the_focus_city(latest: pd.DataFrame, everything) -> None:
    at = open_link("ringkasan", {"fokus": FOCUS})
    assert_clean(at)
    year = everything.tahun_akhir
    assert at.title[0].value == t("ringkasan_title_many", "id", year=year, n=NATIONAL)
    assert at.header[0].value == t("st_focus_title", "id", kota=FOCUS, n=NATIONAL)
    # the first tiles are the focus city's, against the median: no other city's tiles
    labels = [m.label for m in at.metric]
    assert len(labels) == len(standing.RANKED_MEASURES)
    first = at.metric[0]
    assert first.value == fmt.percent(latest.loc[FOCUS, "persen_20jp"], "id", 1)
    assert first.proto.delta_description == t("st_vs_median", "id")
    ranked = at.dataframe[0].value
    assert len(ranked) == NATIONAL
    assert t("st_yours", "id", kota=FOCUS) in set(ranked[t("col_kota", "id")])
    best_first = latest["persen_20jp"].sort_values(ascending=False).index[0]
    assert ranked[t("col_kota", "id")].iloc[0] in (best_first, t("st_yours", "id", kota=best_first))


def test_the_ranked_table_sorts_and_searches(latest: pd.DataFrame) -> None:
    at = open_link("ringkasan", {"fokus": FOCUS, "urut": "biaya_per_jp", "cari": "sumatera"})
    assert_clean(at)
    ranked = at.dataframe[0].value
    kota = ranked[t("col_kota", "id")].tolist()
    assert kota and all("Sumatera" in p for p in ranked[t("col_provinsi", "id")])
    costs = latest.loc[kota, "biaya_per_jp"]
    assert costs.is_monotonic_increasing  # the cheapest JP first
    cheapest = latest["biaya_per_jp"].rank(method="min")
    assert ranked[t("st_rank_head", "id")].tolist() == [fmt.number(cheapest[k], "id") for k in kota]


def test_ringkasan_ranks_the_provinces_on_the_measure_the_cities_are_sorted_on(info: WarehouseInfo) -> None:
    at = open_link("ringkasan", {"fokus": FOCUS, "urut": "biaya_per_jp"})
    assert_clean(at)
    provinces = at.dataframe[1].value
    assert set(provinces[t("col_provinsi", "id")]) == set(info.provinsi.values())
    assert list(provinces.columns[3:5]) == [
        t(standing.BY_COLUMN[c].label, "id") for c in ("biaya_per_jp", "persen_20jp")
    ]
    assert provinces[t("st_rank_head", "id")].iloc[0] == "1"


def test_trend_charts_need_few_colours_and_name_only_the_focus_city(con, focused: Filters, info) -> None:
    scorecard = release.read(con, queries.scorecard, focused)
    styles = charts.city_styles(info.kota, many=True, focus=FOCUS)
    figure, _ = overview.TRENDS["tren_20jp"].draw(overview.in_range(scorecard, focused), styles, "id")
    in_legend = [tr.name for tr in figure.data if tr.showlegend is not False and tr.name]
    assert len(in_legend) <= 8
    assert FOCUS in in_legend and t("ch_peer_median", "id") in in_legend
    names = [tr.name for tr in figure.data]
    grey = [i for i, tr in enumerate(figure.data) if tr.legendgroup == "context"]
    assert max(grey) < names.index(t("ch_peer_median", "id")) < names.index(FOCUS)  # the median above 97 grey lines
    colours = {tr.line.color for tr in figure.data if tr.type == "scatter" and tr.line.width}
    assert len(colours) <= 8
    text = charts.describe(figure, "id")
    assert FOCUS in text and t("ch_context", "id", n=NATIONAL - 1) in text
    assert not [k for k in info.kota if k != FOCUS and k in text]  # the others are counted, not named


# --- other pages --------------------------------------------------------------------------------------------


def test_breakdowns_are_the_focus_citys(everything: Filters) -> None:
    at = open_link("partisipasi", {"fokus": FOCUS})
    assert_clean(at)
    assert t("st_breakdown_note", "id", kota=FOCUS, n=NATIONAL) in [c.value for c in at.caption]
    (heatmap,) = [c for c in at.get("plotly_chart") if c.key == "chart_kepatuhan_opd"]
    cells = [tr for tr in json.loads(heatmap.proto.spec)["data"] if tr["type"] == "heatmap"]
    assert cells and all(list(tr["x"]) == [FOCUS] for tr in cells)
    assert any(t("m_persen_20jp", "id") + ": " + FOCUS in s for s in shown_strings(at))


def test_without_a_focus_city_a_breakdown_page_shows_the_spread_and_offers_the_choice() -> None:
    at = open_link("kinerja", {})  # the spread itself: tests/test_no_focus.py
    assert_clean(at)
    assert [s.key for s in at.selectbox if s.key == state.PAGE_FOCUS] == [state.PAGE_FOCUS]
    assert [c.key for c in at.get("plotly_chart")] == ["chart_nasional_persen_sangat_baik"]  # no breakdown


def test_the_city_can_be_chosen_in_the_page_itself_where_a_phone_shows_no_sidebar() -> None:
    at = open_link("kinerja", {})
    (picker,) = [s for s in at.selectbox if s.key == state.PAGE_FOCUS]
    picker.set_value(FOCUS).run()
    assert_clean(at)
    assert at.query_params["fokus"] == FOCUS and at.get("plotly_chart")
    assert not [i for i in at.info if i.value == t("st_pick_focus", "id", n=NATIONAL)]
    assert [s.value for s in at.selectbox if s.key == "fokus"] == [FOCUS]  # the sidebar says the same


def test_the_data_quality_page_is_about_every_compared_city() -> None:
    at = open_link("kualitas_data", {})  # no focus city needed: it is about the load
    assert_clean(at)
    assert not [i for i in at.info if i.value == t("st_pick_focus", "id", n=NATIONAL)]
    assert not [c for c in at.caption if c.value.startswith(t("st_breakdown_note", "id", kota="", n=NATIONAL)[:10])]
    # Every demo city has every dataset in every year: a sentence says so, not a table of 98 rows of empty cells.
    assert [s.value for s in at.success] == [t("kq_all_complete", "id")]
    assert not [d for d in at.dataframe if "penilaian kinerja" in d.value.columns]


def test_a_province_peer_group_is_side_by_side(info: WarehouseInfo) -> None:
    at = open_link("ringkasan", {"fokus": FOCUS, "banding": "provinsi"})
    assert_clean(at)
    same = [k for k in info.kota if info.provinsi[k] == "Kalimantan Barat"]
    assert len(same) == 2
    assert at.title[0].value.startswith(t("ringkasan_title", "id", year=info.tahun[-1])[:10])
    assert t("peers_compared", "id", n=2) in [c.value for c in at.sidebar.caption]


# --- meeting files ------------------------------------------------------------------------------------------


def test_the_deck_for_one_city_among_many_says_its_rank(con, focused: Filters, info, latest) -> None:
    for lang in ("id", "en"):
        report = content.overview(release.Reader(con), PageContext(lang, focused, info, fokus=FOCUS), FOCUS)
        assert report.sections[0].title == t("x_title_many", lang, kota=FOCUS, n=NATIONAL)
        rank = standing.rank_text(
            standing.of(release.read(con, queries.scorecard, focused), focused.tahun_akhir, FOCUS, "persen_20jp"), lang
        )
        first_trend = report.charts()[0]
        assert rank in first_trend.takeaway and t("st_median", lang).lower() in first_trend.takeaway.lower()
        appendix = content.appendix_text(report.sections[-1].table, lang).set_index(t("metric", lang))
        assert list(appendix.columns) == [FOCUS, t("x_median_of", lang, n=NATIONAL)]
        median = appendix.loc[t("m_persen_20jp", lang), t("x_median_of", lang, n=NATIONAL)]
        assert median == fmt.percent(latest["persen_20jp"].median(), lang, 1)  # no city's share is hidden here


def export(warehouse: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `python -m analytics export` on `warehouse` into XLSX file `out` with these arguments."""
    command = [sys.executable, "-m", "analytics", "export", "--db", str(warehouse), *args]
    return subprocess.run(
        [*command, "--format", "xlsx", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=180
    )


def test_the_command_line_writes_one_city_among_its_province(warehouse: Path, tmp_path: Path, info) -> None:
    year = str(info.tahun[-1])
    done = export(warehouse, tmp_path / "pontianak.xlsx", "--fokus", FOCUS, "--banding", "provinsi", "--tahun", year)
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(tmp_path / "pontianak.xlsx")["tren_20jp"].iter_rows(min_row=5, values_only=True))
    assert {r[0] for r in rows} == {k for k in info.kota if info.provinsi[k] == "Kalimantan Barat"}
    done = export(warehouse, tmp_path / "nasional.xlsx", "--fokus", FOCUS, "--tahun", year)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(tmp_path / "nasional.xlsx")["lampiran"]
    written = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert t("x_median_of", "id", n=NATIONAL) in written


def test_without_a_focus_city_the_meeting_files_are_the_nations_or_a_provinces(
    warehouse: Path, tmp_path: Path, con, everything
):
    at = open_link("ringkasan", {})
    assert_clean(at)
    assert t("x_many_file", "id", n=NATIONAL) in [c.value for c in at.sidebar.caption]
    assert [b for b in at.get("download_button") if b.key.startswith("export_")]  # built when clicked
    info = queries.warehouse_info(con)
    whole = content.overview(release.Reader(con), PageContext("id", everything, info))
    assert whole.title == t("nf_title", "id", n=NATIONAL)
    year = str(info.tahun[-1])
    done = export(warehouse, tmp_path / "nasional.xlsx", "--tahun", year)
    assert done.returncode == 0, done.stderr
    done = export(warehouse, tmp_path / "kalbar.xlsx", "--tahun", year, "--provinsi", "Kalimantan Barat")
    assert done.returncode == 0, done.stderr
    cells = [c for row in load_workbook(tmp_path / "kalbar.xlsx").active.iter_rows(values_only=True) for c in row]
    assert t("nf_title_province", "id", provinsi="Kalimantan Barat", n=NATIONAL) in cells
    for wrong in (("--provinsi", "Atlantis"), ("--provinsi", ""), ("--provinsi", "Kalimantan Barat", "--fokus", FOCUS)):
        done = export(warehouse, tmp_path / "x.xlsx", "--tahun", year, *wrong)
        assert done.returncode == 2 and "--provinsi" in done.stderr and not (tmp_path / "x.xlsx").exists()


def test_the_presentation_of_many_cities_without_a_focus_city_is_the_nations_and_shows_a_table() -> None:
    at = open_link("presentasi", {"provinsi": "Kalimantan Barat"})
    assert_clean(at)
    text = " ".join(h.proto.body for h in at.get("html"))
    assert t("nf_title_province", "id", provinsi="Kalimantan Barat", n=NATIONAL) in text
    at.query_params["slide"] = "99"  # past the end: the last screen, a ranked table
    at.run()
    assert_clean(at)
    assert at.table


def test_a_file_about_many_cities_is_named_after_the_nation_or_the_highlighted_province(everything) -> None:
    kota, year = everything.kota, everything.tahun_akhir
    assert meeting_files.file_name(kota, year, "pptx") == f"pembinaan_asn_{NATIONAL}_kota_{year}.pptx"
    named = meeting_files.file_name(kota, year, "pdf", provinsi="Kalimantan Barat")
    assert named == f"pembinaan_asn_kalimantan-barat_di_antara_{NATIONAL}_kota_{year}.pdf"
    mine = meeting_files.file_name(kota, year, "pdf", FOCUS, "Kalimantan Barat")  # a focus city is what it is about
    assert mine == f"pembinaan_asn_{FOCUS.lower()}_di_antara_{NATIONAL}_kota_{year}.pdf"


# --- a phone ------------------------------------------------------------------------------------------------


@pytest.fixture
def phone(server: str) -> Iterator[Page]:
    from playwright.sync_api import sync_playwright
    from real_browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        finally:
            browser.close()


@pytest.mark.browser
def test_a_shared_link_on_a_phone_says_where_the_city_stands_on_the_first_screen(
    server: str, phone: Page, latest: pd.DataFrame
) -> None:
    from real_browser import open_and_wait

    open_and_wait(phone, f"{server}/?fokus={FOCUS}")
    heading = phone.get_by_text(t("st_focus_title", "id", kota=FOCUS, n=NATIONAL))
    heading.wait_for(timeout=30_000)
    tile = phone.locator("[data-testid=stMetric]", has_text=t("m_persen_20jp", "id") + " · ")
    tile.wait_for(timeout=30_000)
    box = tile.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844  # seen without scrolling
    ranked = latest["persen_20jp"].notna().sum()  # a city whose share is hidden takes no rank
    assert f" dari {ranked}" in tile.inner_text() and t("st_vs_median", "id") in tile.inner_text()


def test_the_capaian_page_without_a_focus_city_opens_on_a_city_that_set_targets() -> None:
    at = open_link("capaian", {})
    assert_clean(at)
    assert at.selectbox(key="capaian_kota").value == "Bukittinggi"  # the first of the cities with targets
    assert at.dataframe
