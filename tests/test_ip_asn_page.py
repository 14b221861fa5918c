"""The Indeks Profesionalitas ASN page through Streamlit's AppTest on the small synthetic demo warehouse, and its
queries through the guarded path: what the page shows is the marts' numbers, a category is written in words, and
an OPD of fewer than five people is hidden.

The page runs under a small entry script written here (the shared sidebar of dashboard.py, then the page), as
tests/test_analysis_pages.py runs the analysis pages.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_ip_asn import fixture_rows

from analytics import metrics, privacy, queries
from analytics.present import formatting as fmt
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.texts import t
from demo import write_sample
from domain import ip_asn
from etl import pipeline
from settings import WAREHOUSE_ENV
from tests.conftest import load_rows

ROOT = Path(__file__).resolve().parent.parent
ENTRY = """
import streamlit as st
from ui import state
lang = state.language()
page = st.navigation([st.Page({page!r}, title="page")])
chosen, fokus = state.filters(lang)
state.remember(lang, chosen, state.load_status(lang, chosen), fokus)
page.run()
"""


def page_runner(warehouse: Path, folder: Path):
    """Return a function that runs the IP ASN page on `warehouse` in a language (with URL query parameters) and
    returns the finished AppTest; its entry script is written to `folder`."""
    entry = folder / "ip_asn.py"
    entry.write_text(ENTRY.format(page=str(ROOT / "views" / "ip_asn.py")))

    def run(lang: str = "id", **params: str) -> AppTest:
        at = AppTest.from_file(str(entry), default_timeout=60)
        at.query_params["lang"] = lang
        for key, value in params.items():
            at.query_params[key] = value
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv(WAREHOUSE_ENV, str(warehouse))
            return at.run()

    return run


@pytest.fixture(scope="module")
def run_page(demo_warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    """Return page_runner on the four-city demo warehouse."""
    return page_runner(demo_warehouse, tmp_path_factory.mktemp("entry"))


def last_year(db: Path, kota: str) -> tuple:
    """Return the mart row of `kota` in the last year: tahun, jumlah_pns, ip_asn_pns, ip_asn_pppk, tertimbang,
    rerata."""
    con = open_warehouse(db)  # as the app connects: DuckDB refuses a second connection with other settings
    try:
        return con.execute(
            "SELECT tahun, jumlah_pns, ip_asn_pns, ip_asn_pppk, ip_asn_tertimbang, ip_asn_rerata FROM ip_asn_kota_tahun"
            " WHERE kota = $k ORDER BY tahun DESC LIMIT 1",
            {"k": kota},
        ).fetchone()
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_renders_in_both_languages(run_page, lang: str) -> None:
    at = run_page(lang)
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t("ip_title", lang)]
    assert t("synthetic_banner", lang) in [w.value for w in at.main.warning]
    # the trend, the dimensions, the OPDs, the OPDs' kompetensi gaps
    assert [c.key for c in at.get("plotly_chart")] == [
        "chart_ip_asn_tren",
        "chart_ip_asn_dimensi",
        "chart_ip_asn_opd",
        "chart_ip_asn_kurang_opd",
    ]
    assert [m.label for m in at.metric][2:] == [t("ip_tile_tertimbang", lang), t("ip_tile_rerata", lang)]


def test_the_tiles_show_the_marts_figures_with_their_category_in_words(run_page, demo_warehouse: Path) -> None:
    at = run_page("id")
    kota = at.selectbox(key="ip_kota").value
    tahun, n_pns, pns, pppk, tertimbang, rerata = last_year(demo_warehouse, kota)
    tiles = {m.label: (m.value, m.delta) for m in at.metric}  # the category in words under the figure
    for label, value in [
        (t("ip_tile_pns", "id", n=fmt.number(n_pns, "id")), pns),
        (t("ip_tile_tertimbang", "id"), tertimbang),
        (t("ip_tile_rerata", "id"), rerata),
    ]:
        assert tiles[label] == (fmt.number(value, "id", 2), ip_asn.kategori(value))
    assert any(s.value == t("ip_tiles_title", "id", kota=kota, year=tahun) for s in at.subheader)


def test_another_city_and_the_pppk_of_its_opds_can_be_chosen(run_page, demo_warehouse: Path) -> None:
    at = run_page("en", ip_kota="Jambi", ip_jenis="PPPK")
    assert not at.exception, [e.value for e in at.exception]
    tahun, *_ = last_year(demo_warehouse, "Jambi")
    titles = [s.value for s in at.subheader]
    assert t("ip_q_opd", "en", kota="Jambi", year=tahun) in titles
    assert t("ip_tiles_title", "en", kota="Jambi", year=tahun) in titles


# The queries through the guarded path, on the hand-computed fixture of tests/test_ip_asn.py (one person per OPD).


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IP ASN fixture of tests/test_ip_asn.py, loaded by the real pipeline."""
    report, db = load_rows(tmp_path_factory.mktemp("ip_asn_page"), fixture_rows())
    assert report.status == "ok" and not report.errors, report.errors
    return db


def read(db: Path, function, kota: tuple[str, ...] = ("Pontianak", "Jambi"), *extra: object):
    """Return what `function` releases for `kota` over 2023-2024 (with its `extra` arguments)."""
    con = open_warehouse(db)
    try:
        return release.read(con, function, Filters(kota, 2023, 2024), *extra)
    finally:
        con.close()


def test_an_opd_of_fewer_than_five_people_is_hidden_with_its_category(fixture_db: Path) -> None:
    pns = read(fixture_db, queries.ip_asn_opd)
    pppk = read(fixture_db, queries.ip_asn_opd, ("Pontianak", "Jambi"), "PPPK")
    # 2024, one person per OPD: the PNS A B C D E F J K (not N, a CPNS; M left), the PPPK G H I L
    assert sorted(pns["opd"]) == [f"OPD {p}" for p in "ABCDEFJK"] and set(pns["jenis_asn"]) == {"PNS"}
    assert sorted(pppk["opd"]) == [f"OPD {p}" for p in "GHIL"] and set(pppk["jenis_asn"]) == {"PPPK"}
    for rows in (pns, pppk):
        for column in ("jumlah", "ip_asn", "kualifikasi", "kompetensi", "kinerja", "disiplin", "kategori_ip_asn"):
            assert rows[column].map(privacy.is_hidden).all(), column


def test_a_kota_of_fewer_than_five_is_hidden_and_the_other_shown(fixture_db: Path) -> None:
    rows = read(fixture_db, queries.ip_asn_kota).set_index(["kota", "tahun"])
    pontianak, jambi = rows.loc[("Pontianak", 2024)], rows.loc[("Jambi", 2024)]
    assert pontianak["jumlah_pns"] == 7 and pontianak["ip_asn_pns"] == pytest.approx(387 / 7)
    assert pontianak["kategori_ip_asn_pns"] == "Sangat Rendah"
    assert privacy.is_hidden(pontianak["jumlah_pppk"])  # four PPPK
    for column in ("ip_asn_pppk", "ip_asn_tertimbang", "ip_asn_rerata", "kategori_ip_asn_pppk"):
        assert privacy.is_hidden(pontianak[column]), column  # the PPPK figure would follow from the combinations
    assert privacy.is_hidden(jambi["jumlah_pns"]) and privacy.is_hidden(jambi["ip_asn_pns"])


def test_the_dimension_rows_add_up_to_the_pns_figure(demo_warehouse: Path) -> None:
    dims = read(demo_warehouse, queries.ip_asn_dimensi, ("Pontianak", "Makassar", "Bukittinggi", "Jambi"))
    kota = read(demo_warehouse, queries.ip_asn_kota, ("Pontianak", "Makassar", "Bukittinggi", "Jambi"))
    latest = kota[kota["tahun"] == 2024].set_index("kota")
    assert sorted(dims["dimensi"].unique()) == sorted(ip_asn.DIMENSI)
    for name, rows in dims.groupby("kota"):
        assert list(rows["maksimum"]) == list(ip_asn.DIMENSI.values())
        assert rows["rata_poin"].sum() == pytest.approx(latest.loc[name, "ip_asn_pns"])


def test_what_the_pns_miss_of_kompetensi_is_counted_by_hand(fixture_db: Path) -> None:
    # Pontianak 2024, PNS measured (not N, a CPNS): what each misses of their kind's items, by hand:
    # A JPT: all three items; B Administrator: kepemimpinan (15); C Pengawas: kepemimpinan, teknis (30);
    # D Fungsional: teknis (15); E Pelaksana: nothing; F Pelaksana: teknis, seminar (40); K JPT: teknis, seminar (25).
    got = read(fixture_db, queries.ip_asn_kurang_opd, ("Pontianak",)).set_index("opd")
    assert len(got) == 7 and got["jumlah_pns"].map(privacy.is_hidden).all()  # one person per OPD
    con = open_warehouse(fixture_db)
    try:  # the numbers before the small-group rule, to check the arithmetic
        raw = queries.ip_asn_kurang_kota(con, Filters(("Pontianak",), 2023, 2024)).iloc[0]
    finally:
        con.close()
    assert (raw["jumlah_pns"], raw["kurang_kompetensi"]) == (7, 5)  # B C D F K
    assert [raw[f"kurang_{b}"] for b in ("kepemimpinan", "fungsional", "teknis", "seminar")] == [2, 0, 4, 2]
    assert raw["kenaikan_kompetensi"] == pytest.approx((15 + 30 + 15 + 40 + 25) / 7)
    assert raw["ip_asn_pns_jika"] == pytest.approx((387 + 125) / 7)
    assert raw["jp_teknis"] == 4 * 20
    released = read(fixture_db, queries.ip_asn_kurang_kota, ("Pontianak",)).iloc[0]
    assert released["kurang_kompetensi"] == 5 and released["kurang_fungsional"] == 0
    # the rise is about the five lacking something, among seven: shown (no item's count follows from it)
    assert released["kenaikan_kompetensi"] == pytest.approx(125 / 7)
    assert released["ip_asn_pns_jika"] == pytest.approx((387 + 125) / 7)
    for column in ("kurang_kepemimpinan", "kurang_teknis", "kurang_seminar", "jp_teknis", "biaya_teknis"):
        assert privacy.is_hidden(released[column]), column  # fewer than five, and what is worked out from them


# Many cities: the focus city's rank and the median of its peers.


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse the real pipeline builds from `python -m demo sample --kota 14` (small), as
    tests/test_many_cities.py builds it."""
    folder = tmp_path_factory.mktemp("nasional")
    write_sample(folder / "sumber", seed=7, scale=0.03, kota=14)
    report = pipeline.load(folder / "sumber", folder / "gudang" / "warehouse.duckdb")
    assert report.status == "ok" and not report.errors
    return folder / "gudang" / "warehouse.duckdb"


def test_among_many_cities_the_focus_citys_rank_and_the_peers_median_are_said(
    national: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    at = page_runner(national, tmp_path_factory.mktemp("entry_nasional"))("id", fokus="Pontianak")
    assert not at.exception, [e.value for e in at.exception]
    kota = tuple(k for (k,) in app_rows(national, "SELECT kota FROM raw_kota ORDER BY kota"))
    con = open_warehouse(national)
    try:
        cities = release.read(con, queries.ip_asn_kota, Filters(kota, 2021, 2025))
    finally:
        con.close()
    latest = privacy.numbers(cities[cities["tahun"] == cities["tahun"].max()])
    where = metrics.standing(latest, "ip_asn_pns", "Pontianak")
    assert where.n == 14
    said = t(
        "ip_standing",
        "id",
        kota="Pontianak",
        year=int(cities["tahun"].max()),
        value=fmt.number(where.value, "id", 2),
        rank=t("st_rank", "id", rank=where.rank, n=14),
        median=fmt.number(where.median, "id", 2),
        diff=fmt.points(where.value - where.median, "id", 2),
    )
    assert said in [m.value for m in at.markdown]
    assert t("ip_tiles_title", "id", kota="Pontianak", year=int(cities["tahun"].max())) in [
        s.value for s in at.subheader
    ]


def app_rows(db: Path, sql: str) -> list[tuple]:
    """Return the rows of `sql` on a warehouse connected as the app connects."""
    con = open_warehouse(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_bkns_figure_is_shown_beside_the_computed_one_with_the_differences(fixture_db: Path) -> None:
    con = open_warehouse(fixture_db)
    try:  # before the small-group rule, to check the arithmetic
        raw = queries.ip_asn_bkn(con, Filters(("Pontianak",), 2023, 2024)).set_index("jenis_asn")
    finally:
        con.close()
    pns, asn = raw.loc["PNS"], raw.loc["ASN"]
    assert (pns["jumlah_terkecil"], pns["nilai_bkn"], pns["nilai_hitung"]) == (7, 60.5, pytest.approx(387 / 7))
    assert pns["selisih_nilai"] == pytest.approx(60.5 - 387 / 7)
    assert pns["selisih_kompetensi"] == pytest.approx(12.5 - 155 / 7)  # A B C D E F K: 40 25 10 25 40 0 15
    assert pd.isna(pns["cara_gabung"])
    # the ASN figure combined as BKN's row says (rerata): the plain mean of PNS and PPPK (G H I L)
    assert asn["cara_gabung"] == "rerata" and asn["jumlah_terkecil"] == 4
    assert asn["nilai_hitung"] == pytest.approx(ip_asn.gabungan_rerata(387 / 7, 164.5 / 4))
    assert asn["kualifikasi_hitung"] == pytest.approx(((25 + 20 + 15 + 10 + 5 + 1 + 25) / 7 + (15 + 5 + 0 + 1) / 4) / 2)
    assert pd.isna(asn["kualifikasi_bkn"]) and pd.isna(asn["selisih_kualifikasi"])
    released = read(fixture_db, queries.ip_asn_bkn, ("Pontianak",)).set_index("jenis_asn")
    # four PPPK: with the PNS figure, the ASN figure would give theirs away; and a row of a city-year hidden alone
    # is hidden with another (analytics.privacy, a breakdown's whole): here the PNS row
    for jenis in ("ASN", "PNS"):
        assert privacy.is_hidden(released.loc[jenis, "nilai_hitung"]) and privacy.is_hidden(
            released.loc[jenis, "nilai_bkn"]
        )


def test_bkns_figures_of_the_demo_are_shown_for_the_storied_cities(demo_warehouse: Path) -> None:
    kota = ("Pontianak", "Makassar", "Bukittinggi", "Jambi")
    rows = read(demo_warehouse, queries.ip_asn_bkn, kota)
    assert sorted(set(rows["kota"])) == sorted(kota) and set(rows["jenis_asn"]) == {"PNS", "ASN"}
    shown = privacy.numbers(rows).dropna(subset=["selisih_nilai"])
    assert len(shown) and (shown["selisih_nilai"] == shown["nilai_bkn"] - shown["nilai_hitung"]).all()


# WCAG 2.1 AA in a real browser, as tests/test_contrast_browser.py checks the topic pages.


@pytest.mark.browser
def test_the_page_meets_wcag_aa_as_axe_sees_it(server: str, browser_page) -> None:
    from real_browser import open_and_wait
    from test_contrast_browser import AXE, SCAN, STREAMLIT_OWN, TAGS

    open_and_wait(browser_page, f"{server}/ip_asn")
    browser_page.locator("[data-testid=stCaptionContainer] a").first.wait_for(timeout=30_000)
    browser_page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    own = [[rule, where] for rule, where, _why in STREAMLIT_OWN]
    result = browser_page.evaluate(SCAN, {"tags": TAGS, "own": own})
    assert result["links"] >= 1
    found = [f"{rule}: {html}\n    {why}" for rule, nodes in result["found"].items() for html, why in nodes.items()]
    assert not found, "\n".join(found)
    assert result["unchecked"] == []
