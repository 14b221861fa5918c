"""Meeting files of the overview, opened and checked: the deck (python-pptx), the PDF (pypdf), the workbook
(openpyxl, values against the warehouse), the offline HTML handout, the CSV and PNG archives.

Everything runs on the session's small synthetic demo warehouse (`warehouse`, `con`, `info` and `ringkasan` of
tests/conftest.py). The deck, PDF and PNG need the system Chromium (`.ci/run` installs it): their tests are
marked `browser` (left out by `make test-fast`), and the chart images are made once per module to keep the suite quick.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from in_process_app import open_page, start
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from analytics import queries
from analytics.context import PageContext, WarehouseInfo
from analytics.meeting_files import FORMATS, content, file_name, images, pictures, png_zip, render
from analytics.meeting_files.deck import pptx_bytes
from analytics.meeting_files.downloads import csv_bytes
from analytics.meeting_files.report import pdf_bytes
from analytics.present.tables import header
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.texts import t

CHART_KEYS = ["tren_20jp", "tren_ikm", "tren_serapan", "tren_biaya", "sebaran_jp", "kepatuhan_opd", "predikat"]


@pytest.fixture(scope="module")
def source(demo_source: Path) -> Path:
    return demo_source


def overview(con, info: WarehouseInfo, lang: str = "id", kota: tuple[str, ...] | None = None, focus: str | None = None):
    f = Filters(kota or tuple(info.kota), info.tahun[0], info.tahun[-1])
    return content.overview(release.Reader(con), PageContext(lang, f, info), focus)


@pytest.fixture(scope="module")
def report(con, info: WarehouseInfo) -> content.Report:
    return overview(con, info)


@pytest.fixture(scope="module")
def rendered(report: content.Report) -> dict[str, bytes]:
    """The chart images, made once with kaleido and Chromium for the deck, the PDF and the PNG archive."""
    return pictures(report)


@pytest.fixture(scope="module")
def deck(report: content.Report, rendered: dict[str, bytes]) -> Presentation:
    return Presentation(io.BytesIO(pptx_bytes(report, rendered, (images.WIDTH, images.HEIGHT))))


@pytest.fixture(scope="module")
def pdf(report: content.Report, rendered: dict[str, bytes]) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes(report, rendered, (images.WIDTH, images.HEIGHT))))


@pytest.fixture(scope="module")
def xlsx(report: content.Report) -> bytes:
    return render(report, "xlsx")


@pytest.fixture(scope="module")
def html(report: content.Report) -> str:
    return render(report, "html").decode("utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Content


def test_report_has_title_findings_seven_charts_and_appendix_in_order(report: content.Report) -> None:
    kinds = [s.kind for s in report.sections]
    assert kinds == ["title", "findings", *["chart"] * 7, "table", "appendix"]  # the table: IP ASN per kota
    assert [s.key for s in report.charts()] == CHART_KEYS
    assert all(s.figure is not None and not s.table.empty and s.takeaway and s.source for s in report.charts())


def test_title_names_cities_period_data_date_and_synthetic_notice(report: content.Report, info: WarehouseInfo) -> None:
    title = report.sections[0]
    assert all(k in title.title for k in info.kota)
    assert t("x_period", "id", start=info.tahun[0], end=info.tahun[-1]) in title.lines
    assert t("x_data_date", "id", when=content.data_date(info, info.kota)) in title.lines
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d WIB", content.data_date(info, info.kota))
    assert info.synthetic and report.notice == t("x_synthetic", "id")
    assert all("sintetis" in s.source for s in report.charts())


def test_title_joins_the_cities_as_a_sentence(con, info: WarehouseInfo) -> None:
    two = ("Jambi", "Makassar")
    assert overview(con, info, kota=two).sections[0].title == t("x_title", "id", kota="Jambi dan Makassar")
    assert overview(con, info, "en", kota=two).sections[0].title == t("x_title", "en", kota="Jambi and Makassar")


def test_people_charts_name_their_own_datasets(report: content.Report, info: WarehouseInfo) -> None:
    sources = {s.key: s.source for s in report.charts()}
    expected = content._source("pegawai, program, peserta", info, info.kota, "id")
    assert sources["sebaran_jp"] == sources["kepatuhan_opd"] == sources["tren_20jp"] == expected


def test_findings_are_the_overview_findings(report: content.Report, con, info: WarehouseInfo) -> None:
    from analytics.present.findings import findings

    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
    assert list(report.sections[1].lines) == findings(queries.scorecard(con, f), f.tahun_akhir, "id")


def test_takeaway_names_highest_and_lowest_city_of_the_latest_year(
    report: content.Report, ringkasan: pd.DataFrame
) -> None:
    latest = ringkasan.query("tahun == tahun.max()").sort_values("persen_20jp")
    takeaway = report.charts()[0].takeaway
    assert f"tertinggi {latest.iloc[-1].kota}" in takeaway and f"terendah {latest.iloc[0].kota}" in takeaway


def test_chart_tables_are_the_warehouse_numbers(
    report: content.Report, ringkasan: pd.DataFrame, info: WarehouseInfo
) -> None:
    mart = ringkasan[ringkasan["tahun"] >= info.tahun[0]].reset_index(drop=True)
    table = report.charts()[0].table
    pd.testing.assert_frame_equal(
        table.sort_values(["kota", "tahun"]).reset_index(drop=True),
        mart[list(table.columns)],
        check_dtype=False,
    )


def test_focus_city_is_drawn_heavier_and_the_others_faded(con, info: WarehouseInfo) -> None:
    focused = overview(con, info, focus="Pontianak").charts()[0].figure
    lines = {trace.name: trace for trace in focused.data}
    assert lines["Pontianak"].line.width == 6 and lines["Pontianak"].opacity is None
    assert all(lines[k].opacity < 1 for k in info.kota if k != "Pontianak")


def test_one_city_report_says_its_value_and_change(con, info: WarehouseInfo) -> None:
    one = overview(con, info, kota=("Jambi",))
    assert one.sections[0].title == t("x_title", "id", kota="Jambi")
    assert one.charts()[0].takeaway.startswith(f"{info.tahun[-1]}: Jambi ")
    assert f"dibanding {info.tahun[-1] - 1}" in one.charts()[0].takeaway


def test_english_report_is_in_english(con, info: WarehouseInfo) -> None:
    english = overview(con, info, lang="en")
    assert english.sections[1].title == "Key findings"
    assert english.charts()[0].title == t("q_trend_20jp", "en")
    assert "highest" in english.charts()[0].takeaway and "Source:" in english.charts()[0].source


# Deck


@pytest.mark.browser
def test_deck_is_16_9_with_one_slide_per_section_and_their_titles(deck, report: content.Report) -> None:
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))
    assert len(deck.slides) == len(report.sections) == 11
    assert [s.shapes.title.text for s in deck.slides] == [s.title for s in report.sections]


@pytest.mark.browser
def test_deck_title_slide_carries_date_of_data_and_synthetic_notice(deck, report: content.Report, info) -> None:
    text = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert content.data_date(info, info.kota) in text and report.notice in text


@pytest.mark.browser
def test_every_chart_slide_has_its_picture_takeaway_and_source(deck, report: content.Report) -> None:
    for slide, section in zip(list(deck.slides)[2:9], report.charts(), strict=True):
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert pictures[0].left >= 0 and pictures[0].left + pictures[0].width <= deck.slide_width
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert section.takeaway in texts and section.source in texts


@pytest.mark.browser
def test_deck_appendix_table_has_a_column_per_city(deck, info: WarehouseInfo) -> None:
    tables = [shape.table for shape in deck.slides[-1].shapes if shape.has_table]
    assert len(tables) == 1
    heading = [cell.text for cell in tables[0].rows[0].cells]
    assert heading == [t("metric", "id"), *info.kota]
    assert len(tables[0].rows) == len(content.APPENDIX_MEASURES) + 1


# PDF


@pytest.mark.browser
def test_pdf_is_a4_and_holds_every_title_takeaway_and_the_notice(pdf, report: content.Report, info) -> None:
    assert len(pdf.pages) >= 4
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842) for p in pdf.pages)
    text = flat(" ".join(page.extract_text() for page in pdf.pages))
    for section in report.sections:
        assert flat(section.title) in text
    for section in report.charts():
        assert flat(section.takeaway) in text
    assert flat(report.notice) in text and content.data_date(info, info.kota) in text


@pytest.mark.browser
def test_pdf_has_a_picture_for_every_chart(pdf, report: content.Report) -> None:
    assert sum(len(page.images) for page in pdf.pages) == len(report.charts())


# Workbook, CSV, HTML, PNG


def test_xlsx_has_a_sheet_per_chart_with_the_warehouse_values(
    report: content.Report, xlsx: bytes, ringkasan: pd.DataFrame, info
) -> None:
    book = load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames == [t("x_info_sheet", "id"), *CHART_KEYS, "ip_asn", "lampiran"]
    sheet = book["tren_20jp"]
    assert sheet["A1"].value == report.charts()[0].title
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0] == tuple(
        header(c, "id") for c in ["kota", "tahun", "jumlah_pns", "pns_memenuhi_20jp", "persen_20jp"]
    )
    mart = ringkasan[ringkasan["tahun"] >= info.tahun[0]]
    expected = {(r.kota, r.tahun): (r.jumlah_pns, r.persen_20jp) for r in mart.itertuples()}
    got = {(r[0], r[1]): (r[2], r[4]) for r in rows[1:]}
    assert got.keys() == expected.keys()
    for key, (pns, share) in got.items():
        assert pns == expected[key][0] and share == pytest.approx(expected[key][1])


def test_xlsx_number_formats_for_rupiah_percent_and_counts(xlsx: bytes) -> None:
    sheet = load_workbook(io.BytesIO(xlsx))["tren_serapan"]
    formats = {sheet.cell(4, c).value: sheet.cell(5, c).number_format for c in range(1, 6)}
    assert formats["Pagu (Rp)"] == '"Rp "#,##0'
    assert formats["% serapan"] == '0.0"%"'
    assert formats["Tahun"] == "0"


def test_xlsx_headers_follow_the_language(con, info: WarehouseInfo) -> None:
    book = load_workbook(io.BytesIO(render(overview(con, info, lang="en"), "xlsx")))
    assert book.sheetnames[0] == "About"
    assert [c.value for c in book["tren_serapan"][4]] == ["City", "Year", "Planned (IDR)", "Spent (IDR)", "% absorbed"]
    assert book["tren_serapan"]["C5"].number_format == '"IDR "#,##0'


def test_csv_zip_has_one_csv_per_table_in_indonesian_csv_format(report: content.Report) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render(report, "csv")))
    names = archive.namelist()
    assert names == [f"{i:02d}_{k}.csv" for i, k in enumerate([*CHART_KEYS, "ip_asn", "lampiran"], start=1)]
    section = report.charts()[0]
    expected = csv_bytes(section.table.rename(columns=lambda c: header(c, "id")), "id")
    assert archive.read(names[0]) == expected
    rows = list(csv.reader(io.StringIO(expected.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Kota" and "," in rows[1][-1]


def test_html_handout_is_self_contained_and_holds_every_chart(report: content.Report, html: str) -> None:
    page = html
    assert page.count("* plotly.js v") == 1  # plotly.js inlined once, in the first chart
    assert not re.search(r"<script[^>]+src=", page)  # nothing fetched from a network
    for section in report.charts():
        assert f'id="chart_{section.key}"' in page and section.takeaway in page
    assert report.notice in page and '<html lang="id">' in page


@pytest.mark.browser
def test_png_zip_has_one_image_per_chart(report: content.Report, rendered: dict[str, bytes]) -> None:
    archive = zipfile.ZipFile(io.BytesIO(png_zip(report, rendered)))
    assert archive.namelist() == [f"{i:02d}_{k}.png" for i, k in enumerate(CHART_KEYS, start=1)]
    first = archive.read(archive.namelist()[0])
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(first[16:20], "big"), int.from_bytes(first[20:24], "big")
    assert (width, height) == (images.WIDTH * images.SCALE, images.HEIGHT * images.SCALE)


@pytest.mark.browser
def test_the_apps_kept_browser_renders_batch_after_batch(report: content.Report, rendered: dict) -> None:
    figure = images.for_print(report.charts()[0].figure)
    try:
        first = images.png([figure], keep_open=True)
        second = images.png([figure, figure], keep_open=True)
    finally:
        images.close_kept_browser()
    assert len(second) == 2 and all(png[:8] == b"\x89PNG\r\n\x1a\n" for png in [*first, *second])
    assert len(first[0]) == pytest.approx(len(rendered["tren_20jp"]), rel=0.05)


def test_chromium_is_found_for_chart_images() -> None:
    assert images.available() and Path(images.chromium_path()).exists()


def test_no_personal_data_reaches_the_files(html: str, xlsx: bytes, source: Path) -> None:
    with (source / "pegawai.csv").open(encoding="utf-8") as fh:
        people = list(csv.DictReader(fh))
    nips = {p["nip"] for p in people}
    names = {p["nama"] for p in people if len(p["nama"]) > 8}
    page = re.sub(r"<script[^>]*>/\*\*.*?</script>", "", html, count=1, flags=re.S)  # plotly.js itself
    book = load_workbook(io.BytesIO(xlsx))
    cells = " ".join(str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c)
    for text in (page, cells):
        assert not set(re.findall(r"\d{18}", text)) & nips
        assert not any(name in text for name in names)


def test_file_names_and_formats() -> None:
    assert set(FORMATS) == {"pptx", "pdf", "html", "xlsx", "csv", "png"}
    assert file_name(("Pontianak", "Kota Baru"), 2025, "pptx") == "pembinaan_asn_pontianak_kota-baru_2025.pptx"
    assert file_name(("Jambi",), 2024, "csv").endswith(".zip")
    many = tuple(f"Kota {i}" for i in range(14))
    assert file_name(many, 2025, "pdf", "Kota 3") == "pembinaan_asn_kota-3_di_antara_14_kota_2025.pdf"
    assert file_name(many[:4], 2025, "pdf", "Kota 3") == "pembinaan_asn_kota-0_kota-1_kota-2_kota-3_2025.pdf"
    with pytest.raises(ValueError):
        render(content.Report("id", "x", ""), "docx")


# The app: presentation mode and the download panel (AppTest runs dashboard.py on this module's warehouse)


def presentation(lang: str = "id", **query: str):
    at = open_page(start(lang, **query), "presentasi")
    assert [e.value for e in at.exception] == []
    return at


def screen_text(at) -> str:
    """The text of the screen's large-type blocks (the style block excluded)."""
    return " ".join(h.proto.body for h in at.get("html") if not h.proto.body.startswith("<style>"))


@pytest.mark.usefixtures("app_environment")
def test_presentation_opens_on_the_title_and_next_shows_the_first_finding(report: content.Report) -> None:
    at = presentation()
    assert report.sections[0].title in screen_text(at) and report.notice in screen_text(at)
    at.button(key="slide_next").click().run()
    assert at.query_params["slide"] == "2"
    assert report.sections[1].lines[0] in screen_text(at)
    at.button(key="slide_prev").click().run()
    assert at.query_params["slide"] == "1"


@pytest.mark.usefixtures("app_environment")
def test_a_copied_link_opens_the_same_screen_language_and_highlighted_city(info: WarehouseInfo) -> None:
    at = presentation("en", slide="9", fokus="Makassar")
    english = overview_for_app(info, "en", "Makassar")
    chart_screen = english.charts()[9 - 1 - len(english.sections[1].lines) - 1]  # after the title and findings
    assert chart_screen.title in screen_text(at) and chart_screen.takeaway in screen_text(at)
    figure = at.get("plotly_chart")[0].proto.spec
    assert '"width":6' in figure.replace(" ", "")  # the highlighted city's heavier line
    assert at.selectbox(key="fokus").value == "Makassar"


@pytest.mark.usefixtures("app_environment")
def test_each_kind_of_screen_renders_and_the_last_has_no_next(report: content.Report) -> None:
    total = 1 + len(report.sections[1].lines) + len(report.charts()) + 2  # the IP ASN table, the appendix
    first_chart = 2 + len(report.sections[1].lines)
    # title, a finding, a line chart, the heatmap, the stacked bars, the appendix
    for number in (1, 2, first_chart, total - 2, total - 1, total):
        at = presentation(slide=str(number))
        assert f"{number} / {total}" in screen_text(at)
    assert at.button(key="slide_next").disabled and at.table


@pytest.mark.usefixtures("app_environment")
def test_sidebar_offers_every_file_built_on_click() -> None:
    at = start()
    buttons = at.sidebar.get("download_button")
    assert len(buttons) == len(FORMATS)  # Chromium is installed here, so the deck, PDF and PNG too
    assert all(b.proto.deferred_file_id for b in buttons)  # the file is built only when clicked


def overview_for_app(info: WarehouseInfo, lang: str, focus: str) -> content.Report:
    """The content the app shows, read on a connection of its own."""
    from settings import warehouse_path

    connection = open_warehouse(warehouse_path())
    try:
        return overview(connection, info, lang=lang, focus=focus)
    finally:
        connection.close()
