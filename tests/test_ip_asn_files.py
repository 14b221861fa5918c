"""The IP ASN in the meeting files (issue 27, item 2): the overview's table of the last year's IP ASN per kota (PNS
and PPPK with their headcounts, the weighted and the plain-mean combination named, each figure's category in words),
with a focus city among many its row, its rank and the cities' median; left out when no one was measured. With many
cities and no focus city (the nation's file), a finding says how the cities spread on the PNS index, as the page does.

The demo warehouse (conftest demo_warehouse) and a 14-kota demo are built by the real pipeline; every number a test
expects is read here from the mart ip_asn_kota_tahun, not from the code under test, and a category is the domain's
rule (domain.ip_asn.kategori). The deck and the PDF need Chromium for the chart images (marked `browser`)."""

from __future__ import annotations

import io
import re
import statistics
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import built_once, load_rows, minimal_rows
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from analytics import queries
from analytics.context import PageContext, WarehouseInfo
from analytics.meeting_files import content, images, pictures, render
from analytics.meeting_files.deck import _height as deck_height
from analytics.meeting_files.deck import pptx_bytes
from analytics.meeting_files.report import pdf_bytes
from analytics.present import formatting as fmt
from analytics.present.tables import header
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.texts import t
from demo import write_sample
from domain import ip_asn
from etl import pipeline

FIGURES = ("ip_asn_pns", "ip_asn_pppk", "ip_asn_tertimbang", "ip_asn_rerata")
COUNTS = ("jumlah_pns", "jumlah_pppk")
MANY, FOCUS = 14, "Pontianak"


def overview(con, info: WarehouseInfo, lang: str, last: int | None = None, focus: str | None = None):
    """The overview's meeting content of every city up to year `last`, read through the guarded path (as the CLI)."""
    f = Filters(tuple(info.kota), info.tahun[0], last or info.tahun[-1])
    return content.overview(release.Reader(con), PageContext(lang, f, info, fokus=focus), focus)


def ip_section(report: content.Report) -> content.Section:
    (section,) = [s for s in report.sections if s.key == "ip_asn"]
    return section


def mart(con, year: int) -> pd.DataFrame:
    """The mart's IP ASN of every kota in `year`, one row per kota."""
    return con.execute("SELECT * FROM ip_asn_kota_tahun WHERE tahun = ? ORDER BY kota", [year]).df().set_index("kota")


def written(value: float, lang: str) -> str:
    """A figure as a person reads it: two decimals and its category in words."""
    return f"{fmt.number(value, lang, 2)} ({ip_asn.kategori(value)})"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def reports(con, info: WarehouseInfo) -> dict[str, content.Report]:
    """The demo's overview (its four cities side by side), in Indonesian and English."""
    return {lang: overview(con, info, lang) for lang in ("id", "en")}


# --- the cities side by side --------------------------------------------------------------------------------


def test_the_ip_asn_table_stands_after_the_charts_and_before_the_appendix(reports) -> None:
    kinds = [(s.kind, s.key) for s in reports["id"].sections]
    assert kinds[-2:] == [("table", "ip_asn"), ("appendix", "lampiran")]
    assert all(kind == "chart" for kind, _ in kinds[2:-2])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_figures_are_the_marts_of_the_last_year_with_their_category(reports, con, info, lang: str) -> None:
    year = info.tahun[-1]
    expected = mart(con, year)
    section = ip_section(reports[lang])
    assert section.title == t("ip_table_title", lang, year=year)
    assert (expected[list(COUNTS)] >= 5).all().all()  # nobody hidden in the demo's last year
    table = section.table.set_index("kota")
    assert list(table.index) == list(expected.index) == sorted(info.kota)
    for column in (*COUNTS, *FIGURES):
        assert table[column].astype(float).to_dict() == pytest.approx(expected[column].to_dict())
    text = section.text.set_index(t("col_kota", lang))
    for kota, row in expected.iterrows():
        for column in FIGURES:
            assert text.loc[kota, t(f"col_{column}", lang)] == written(row[column], lang)
        counts = f"{fmt.number(row['jumlah_pns'], lang)} / {fmt.number(row['jumlah_pppk'], lang)}"
        assert text.loc[kota, t("if_col_jumlah", lang)] == counts


def test_both_combinations_are_named_and_the_categories_explained(reports) -> None:
    for lang, report in reports.items():
        section = ip_section(report)
        assert t("col_ip_asn_tertimbang", lang) in section.text.columns
        assert t("col_ip_asn_rerata", lang) in section.text.columns
        assert all(f"{band} " in section.caption for band, _ in ip_asn.KATEGORI)
        assert "BKN" in section.caption and "penilaian_kinerja, hukuman_disiplin" in section.source
    assert "Data sintetis" in ip_section(reports["id"]).source and "Synthetic data" in ip_section(reports["en"]).source


def test_a_small_group_reads_less_than_five_with_the_combinations_it_is_part_of(con, info) -> None:
    year = 2022  # Bukittinggi measured fewer than five PPPK that year
    assert mart(con, year).loc["Bukittinggi", "jumlah_pppk"] < 5
    section = ip_section(overview(con, info, "id", last=year))
    row = section.text.set_index(t("col_kota", "id")).loc["Bukittinggi"]
    hidden = ["ip_asn_pppk", "ip_asn_tertimbang", "ip_asn_rerata"]
    assert [row[t(f"col_{c}", "id")] for c in hidden] == ["<5"] * 3
    assert row[t("if_col_jumlah", "id")] == f"{fmt.number(mart(con, year).loc['Bukittinggi', 'jumlah_pns'], 'id')} / <5"
    assert row[t("col_ip_asn_pns", "id")] == written(mart(con, year).loc["Bukittinggi", "ip_asn_pns"], "id")
    assert section.table.set_index("kota").loc["Bukittinggi", "kategori_ip_asn_pppk"] == "<5"


def test_people_filters_are_said_not_to_apply(con, info) -> None:
    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1], jenis_asn=("PNS",))
    section = ip_section(content.overview(release.Reader(con), PageContext("id", f, info)))
    assert t("if_people_note", "id") in section.caption
    everyone = ip_section(overview(con, info, "id"))
    assert section.table.equals(everyone.table)  # BKN measures an agency as a whole


def test_the_workbook_csv_and_handout_hold_the_table(reports, con, info) -> None:
    report, year = reports["id"], info.tahun[-1]
    expected = mart(con, year)
    sheet = load_workbook(io.BytesIO(render(report, "xlsx")))["ip_asn"]
    assert sheet["A1"].value == ip_section(report).title
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    columns = list(ip_section(report).table.columns)
    assert rows[0] == tuple(header(c, "id") for c in columns)
    for values in rows[1:]:
        got = dict(zip(columns, values, strict=True))
        assert got["ip_asn_tertimbang"] == pytest.approx(expected.loc[got["kota"], "ip_asn_tertimbang"])
        assert got["kategori_ip_asn_rerata"] == ip_asn.kategori(expected.loc[got["kota"], "ip_asn_rerata"])
    figures = [[row[i] for row in sheet.iter_rows(min_row=5)] for i, c in enumerate(columns) if c.startswith("ip_asn_")]
    numbers = [cells for cells in figures if all(isinstance(c.value, float) for c in cells)]  # no '<5' in them
    assert numbers and {c.number_format for cells in numbers for c in cells} == {"0.00"}  # as published: 78,25
    archive = zipfile.ZipFile(io.BytesIO(render(report, "csv")))
    assert [n for n in archive.namelist() if n.endswith("_ip_asn.csv")]
    page = render(report, "html").decode("utf-8")
    for kota, row in expected.iterrows():
        assert f"<td>{kota}</td>" in page and f"<td>{written(row['ip_asn_rerata'], 'id')}</td>" in page


# --- the deck and the PDF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def drawn(reports) -> dict[str, bytes]:
    """The chart images of the Indonesian file, made once."""
    return pictures(reports["id"])


@pytest.mark.browser
def test_the_deck_has_a_slide_with_the_ip_asn_table(reports, drawn, con, info) -> None:
    report = reports["id"]
    section = ip_section(report)
    deck = Presentation(io.BytesIO(pptx_bytes(report, drawn, (images.WIDTH, images.HEIGHT))))
    (slide,) = [s for s in deck.slides if s.shapes.title.text == section.title]
    (frame,) = [shape for shape in slide.shapes if shape.has_table]
    cells = [[cell.text for cell in row.cells] for row in frame.table.rows]
    assert cells[0] == list(section.text.columns)
    assert cells[1:] == section.text.astype(str).to_numpy().tolist()
    weighted = {row[0]: row[cells[0].index(t("col_ip_asn_tertimbang", "id"))] for row in cells[1:]}
    assert weighted == {k: written(v, "id") for k, v in mart(con, info.tahun[-1])["ip_asn_tertimbang"].items()}
    (notes,) = [shape for shape in slide.shapes if shape.has_text_frame and section.caption in shape.text_frame.text]
    assert notes.top >= frame.top + frame.height  # under the table, not over it
    lines = [section.caption, section.source]
    assert deck_height(lines, notes.width, 11) <= notes.height <= deck.slide_height - notes.top  # they fit the slide


@pytest.mark.browser
def test_the_pdf_says_every_figure_and_its_category(reports, drawn, con, info) -> None:
    report = reports["id"]
    pdf = PdfReader(io.BytesIO(pdf_bytes(report, drawn, (images.WIDTH, images.HEIGHT))))
    text = flat(" ".join(page.extract_text() for page in pdf.pages))
    section = ip_section(report)
    assert flat(section.title) in text and flat(section.caption) in text
    for kota, row in mart(con, info.tahun[-1]).iterrows():
        assert kota in text
        for column in FIGURES:
            assert fmt.number(row[column], "id", 2) in text
    assert all(band in text for band in ("Rendah", "Sangat Rendah"))


# --- one city among many ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Module scope. The warehouse the real pipeline builds from `python -m demo sample --kota 14` (small)."""

    def build(folder: Path) -> None:
        write_sample(folder / "sumber", seed=7, scale=0.03, kota=MANY)
        report = pipeline.load(folder / "sumber", folder / "warehouse.duckdb")
        assert report.status == "ok" and report.errors == []

    return built_once(tmp_path_factory, "ip_asn_berkas_14", build) / "warehouse.duckdb"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_focus_city_among_many_has_its_figures_rank_and_the_median(many_warehouse: Path, lang: str) -> None:
    con = open_warehouse(many_warehouse)
    try:
        info = queries.warehouse_info(con)
        report = overview(con, info, lang, focus=FOCUS)
        expected = mart(con, info.tahun[-1])
    finally:
        con.close()
    assert len(expected) == MANY and (expected[list(COUNTS)] >= 5).all().all()  # nobody hidden: every city ranks
    section = ip_section(report)
    assert section.title == t("if_title_many", lang, kota=FOCUS, n=MANY, year=info.tahun[-1])
    text = section.text.set_index(t("col_kota", lang))
    median_row = t("x_median_of", lang, n=MANY)
    assert list(text.index) == [FOCUS, t("if_rank_row", lang, kota=FOCUS), median_row]
    for column in FIGURES:
        heading = t(f"col_{column}", lang)
        assert text.loc[FOCUS, heading] == written(expected.loc[FOCUS, column], lang)
        assert text.loc[median_row, heading] == written(statistics.median(expected[column]), lang)
        rank = int((expected[column] > expected.loc[FOCUS, column]).sum()) + 1
        assert text.loc[t("if_rank_row", lang, kota=FOCUS), heading] == t("st_rank", lang, rank=rank, n=MANY)
    pns = expected["ip_asn_pns"]
    said = t(
        "ip_standing",
        lang,
        kota=FOCUS,
        year=info.tahun[-1],
        value=fmt.number(pns[FOCUS], lang, 2),
        rank=t("st_rank", lang, rank=int((pns > pns[FOCUS]).sum()) + 1, n=MANY),
        median=fmt.number(statistics.median(pns), lang, 2),
        diff=fmt.points(pns[FOCUS] - statistics.median(pns), lang, 2),
    )
    assert said in report.sections[1].lines


# --- without IP ASN data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def unmeasured_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Module scope. A warehouse in which no one is measured: every employee a PNS who joined in the one year of
    the data, so a CPNS left out of the IP ASN (domain.ip_asn.is_cpns), while the scorecard counts them."""
    rows = minimal_rows()
    rows["pegawai"] = [
        {**p, "jenis_asn": "PNS", "golongan": "III/a", "tmt_masuk": "2024-01-02"} for p in rows["pegawai"]
    ]
    report, db = load_rows(tmp_path_factory.mktemp("tanpa_ip_asn"), rows)
    assert report.status == "ok" and report.errors == []
    return db


def test_without_anyone_measured_the_section_is_left_out(unmeasured_warehouse: Path) -> None:
    con = open_warehouse(unmeasured_warehouse)
    try:
        assert con.execute("SELECT count(*) FROM ip_asn_kota_tahun").fetchone() == (0,)
        info = queries.warehouse_info(con)
        report = overview(con, info, "id")
    finally:
        con.close()
    assert not [s for s in report.sections if s.key == "ip_asn"]
    assert [s.kind for s in report.sections][-1] == "appendix" and report.charts()
    assert sorted(report.sections[-1].table["kota"]) == sorted(info.kota)  # the rest of the file is still there
    html = render(report, "html").decode("utf-8")
    assert t("ip_table_title", "id", year=info.tahun[-1]) not in html


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_many_cities_and_no_focus_say_how_the_cities_spread_on_the_pns_index(many_warehouse: Path, lang: str) -> None:
    con = open_warehouse(many_warehouse)
    try:
        info = queries.warehouse_info(con)
        report = overview(con, info, lang)
        pns = mart(con, info.tahun[-1])["ip_asn_pns"]
    finally:
        con.close()
    assert report.title == t("nf_title", lang, n=MANY) and not [s for s in report.sections if s.key == "ip_asn"]
    line = report.sections[1].lines[-1]  # after the headline measures' sentences
    assert line.startswith(f"{t('m_ip_asn_pns', lang)} ") and f" {fmt.number(statistics.median(pns), lang, 2)}," in line
    best, worst = pns.idxmax(), pns.idxmin()
    assert line.index(t("st_best", lang)) < line.index(f"{best} ({fmt.number(pns[best], lang, 2)})")
    assert line.index(t("st_lagging", lang)) < line.index(f"{worst} ({fmt.number(pns[worst], lang, 2)})")
