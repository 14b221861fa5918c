"""Meeting files for the nation or a province: all 98 kota of the demo compared and none of them the reader's
(content.overview without a focus city), optionally Jawa Barat highlighted. The content is what the pages show
without a focus city (a strip per headline measure, its sentence, the provinces ranked, the cities ranked), and
every renderer writes it: the deck, the PDF, the offline handout, the workbook and the CSV files.

The warehouse is the real pipeline's on `python -m demo sample --kota 98` (small scale, so some small groups are
hidden). Every number a test expects is computed here from the mart ringkasan_kota_tahun and the kota table, not
by the code under test; a value the release hides ('<5') takes no part, as on the pages. The deck, the PDF and the
PNG need Chromium for the chart images (marked `browser`, made once per module)."""

from __future__ import annotations

import io
import re
import statistics
import zipfile
from html import escape
from pathlib import Path

import pandas as pd
import pytest
from conftest import built_once
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from analytics import privacy, queries
from analytics.context import PageContext, WarehouseInfo
from analytics.meeting_files import content, images, pictures, png_zip, render
from analytics.meeting_files.deck import pptx_bytes
from analytics.meeting_files.report import pdf_bytes
from analytics.present import charts
from analytics.present.measures import BY_COLUMN, RANKED_MEASURES
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.queries.scorecard import province_scorecard
from analytics.texts import t
from demo import write_sample
from etl import pipeline

pytestmark = pytest.mark.slow  # writes and loads the 98-kota demo

KOTA = 98
PROVINCE = "Jawa Barat"
STRIPS = [f"nasional_{m.column}" for m in RANKED_MEASURES]
# Words of a file about one city among its peers, which a file about nobody in particular never says.
FOCUS_WORDS = ("pembanding", "kota anda", "your city", "peer", "fokus", "focus")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Module scope. The warehouse the real pipeline builds from `python -m demo sample --kota 98 --scale 0.02`."""

    def build(folder: Path) -> None:
        write_sample(folder / "sumber", seed=5, scale=0.02, kota=KOTA)
        report = pipeline.load(folder / "sumber", folder / "warehouse.duckdb")
        assert report.status == "ok" and report.errors == []

    return built_once(tmp_path_factory, "berkas_nasional_98", build) / "warehouse.duckdb"


def overview(con, info: WarehouseInfo, lang: str, provinsi: str | None = None, **people) -> content.Report:
    """The meeting content of every city, no focus city, through the guarded path (as the CLI reads)."""
    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1], **people)
    return content.overview(release.Reader(con), PageContext(lang, f, info), None, provinsi)


@pytest.fixture(scope="module")
def reports(con, info: WarehouseInfo) -> dict[tuple[str, str | None], content.Report]:
    """The four files: the nation and Jawa Barat, each in Indonesian and English."""
    return {(lang, p): overview(con, info, lang, p) for lang in ("id", "en") for p in (None, PROVINCE)}


@pytest.fixture(scope="module")
def year(info: WarehouseInfo) -> int:
    return info.tahun[-1]


@pytest.fixture(scope="module")
def kota_of(con) -> dict[str, str]:
    """Each kota's province, read from the loaded kota table."""
    return dict(con.execute("SELECT kota, provinsi FROM raw_kota").fetchall())


@pytest.fixture(scope="module")
def ours(kota_of: dict[str, str]) -> list[str]:
    """The kota of Jawa Barat."""
    return sorted(k for k, p in kota_of.items() if p == PROVINCE)


@pytest.fixture(scope="module")
def latest(ringkasan: pd.DataFrame, con, everything: Filters, year: int) -> pd.DataFrame:
    """The mart's rows of the last year (one per kota), each value the release hides made missing."""
    mart = ringkasan[ringkasan["tahun"] == year].set_index("kota")
    shown = release.read(con, queries.scorecard, everything)
    shown = shown[shown["tahun"] == year].set_index("kota")
    hidden = shown.apply(lambda column: column.map(privacy.is_hidden)).reindex(mart.index)
    for column in (m.column for m in RANKED_MEASURES):
        mart.loc[hidden[column].fillna(False).astype(bool), column] = float("nan")
    return mart


def text_of(report: content.Report) -> str:
    """Every word of a report: titles, lines, takeaways, captions, sources, tables of text, text alternatives."""
    parts = []
    for s in report.sections:
        parts += [s.title, s.takeaway, s.caption, s.source, *s.lines]
        if s.text is not None:
            parts += [*map(str, s.text.columns), *s.text.astype(str).to_numpy().ravel()]
        if s.figure is not None:
            parts += [charts.describe(s.figure, report.lang), *(tr.name or "" for tr in s.figure.data)]
    return " ".join(parts)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- content ------------------------------------------------------------------------------------------------


def test_the_nation_has_a_strip_per_headline_measure_then_the_provinces_and_the_cities_ranked(reports) -> None:
    nation = reports[("id", None)]
    assert nation.title == t("nf_title", "id", n=KOTA)
    assert [s.kind for s in nation.sections] == ["title", "findings", *["chart"] * 6, "table", "appendix"]
    assert [s.key for s in nation.charts()] == STRIPS
    assert all(s.takeaway and s.source and s.caption and not s.table.empty for s in nation.charts())
    assert "sintetis" in nation.charts()[0].source and nation.notice == t("x_synthetic", "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_median_of_every_measure_is_the_marts_in_the_findings_and_under_its_strip(
    reports, latest: pd.DataFrame, lang: str
) -> None:
    report = reports[(lang, None)]
    findings = report.sections[1].lines[: len(RANKED_MEASURES)]  # then the IP ASN's
    for m, line, strip in zip(RANKED_MEASURES, findings, report.charts(), strict=True):
        median = m.write(statistics.median(latest[m.column].dropna()), lang)
        said = t("nat_median", lang, value=median)
        assert f"{t(m.label, lang)} " in line and f" {median}," in line
        assert strip.takeaway == line and f"median {median}," in charts.describe(strip.figure, lang)
        assert said in [a.text.replace("<b>", "").replace("</b>", "") for a in strip.figure.layout.annotations]


def test_the_best_and_lagging_cities_are_the_marts(reports, latest: pd.DataFrame) -> None:
    report = reports[("id", None)]
    for m, line in zip(RANKED_MEASURES, report.sections[1].lines[: len(RANKED_MEASURES)], strict=True):
        ranked = latest[m.column].dropna().reset_index().sort_values([m.column, "kota"])
        best, worst = (ranked.iloc[-1], ranked.iloc[0]) if m.higher_is_better else (ranked.iloc[0], ranked.iloc[-1])
        best_said = t("nat_named", "id", kota=best.kota, value=m.write(best[m.column], "id"))
        worst_said = t("nat_named", "id", kota=worst.kota, value=m.write(worst[m.column], "id"))
        assert line.index(t("st_best", "id")) < line.index(best_said) < line.index(t("st_lagging", "id"))
        assert line.index(t("st_lagging", "id")) < line.index(worst_said)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_province_file_names_every_one_of_its_cities_and_marks_them_on_each_strip(
    reports, ours: list[str], lang: str
) -> None:
    report = reports[(lang, PROVINCE)]
    assert report.title == t("nf_title_province", lang, provinsi=PROVINCE, n=KOTA)
    assert len(ours) == 9
    named = t("nf_province_cities", lang, provinsi=PROVINCE, k=9, names=", ".join(ours))
    assert named in report.sections[0].lines
    for strip in report.charts():
        (diamonds,) = [tr for tr in strip.figure.data if tr.name == t("nat_cities_of", lang, provinsi=PROVINCE)]
        assert diamonds.marker.symbol == "diamond" and sorted(diamonds.text) == ours
    (table,) = [s for s in report.sections if s.key == "kota_provinsi"]
    assert sorted(table.text[t("col_kota", lang)]) == ours == sorted(table.table["kota"])


def test_the_provinces_value_is_its_cities_added_up_and_ranked_among_the_provinces(
    reports, ringkasan: pd.DataFrame, kota_of: dict[str, str], year: int, con, everything: Filters
) -> None:
    mart = ringkasan[ringkasan["tahun"] == year].assign(provinsi=lambda d: d["kota"].map(kota_of))
    sums = mart.groupby("provinsi")[["pns_memenuhi_20jp", "jumlah_pns"]].sum()
    shares = 100 * sums["pns_memenuhi_20jp"] / sums["jumlah_pns"]
    released = release.read(con, province_scorecard, everything)
    shown = released[(released["tahun"] == year) & ~released["persen_20jp"].map(privacy.is_hidden)]["provinsi"]
    shares = shares[shares.index.isin(set(shown))]  # a province whose share is hidden takes no rank
    rank = int((shares > shares[PROVINCE]).sum()) + 1
    m = BY_COLUMN["persen_20jp"]
    for lang in ("id", "en"):
        expected = t(
            "nat_rollup_sentence",
            lang,
            provinsi=PROVINCE,
            k=9,
            value=m.write(shares[PROVINCE], lang),
            rank=t("st_rank", lang, rank=rank, n=len(shares)),
        ).replace("**", "")
        finding = reports[(lang, PROVINCE)].sections[1].lines[0]
        assert finding.endswith(expected)
        dashed = [tr for tr in reports[(lang, PROVINCE)].charts()[0].figure.data if tr.mode == "lines"]
        assert dashed[0].x[0] == pytest.approx(shares[PROVINCE])


def test_the_appendix_ranks_every_city_and_holds_the_marts_numbers(reports, latest: pd.DataFrame, year: int) -> None:
    appendix = reports[("id", None)].sections[-1]
    assert appendix.kind == "appendix" and appendix.title == t("nf_appendix", "id", n=KOTA, year=year)
    order = latest.reset_index().sort_values(["persen_20jp", "kota"], ascending=[False, True], na_position="last")
    shown = order.dropna(subset=["persen_20jp"])
    assert appendix.text[t("col_kota", "id")].tolist()[: len(shown)] == shown["kota"].tolist()
    assert len(appendix.text) == len(appendix.table) == KOTA
    assert appendix.table["kota"].tolist() == appendix.text[t("col_kota", "id")].tolist()  # row for row
    numbers = privacy.numbers(appendix.table).set_index("kota")["persen_20jp"].dropna()
    assert numbers.to_dict() == pytest.approx(latest["persen_20jp"].dropna().to_dict())


def test_the_provinces_table_counts_every_compared_city(reports, kota_of: dict[str, str]) -> None:
    (table,) = [s for s in reports[("en", None)].sections if s.kind == "table"]
    counts = dict(zip(table.text[t("col_provinsi", "en")], table.text[t("nat_col_kota", "en")], strict=True))
    assert counts == {p: str(sum(1 for q in kota_of.values() if q == p)) for p in set(kota_of.values())}
    assert table.table["provinsi"].tolist() == table.text[t("col_provinsi", "en")].tolist()


def test_a_file_about_nobody_in_particular_has_no_focus_city_wording(reports) -> None:
    for (lang, provinsi), report in reports.items():
        words = text_of(report).casefold()
        assert not [w for w in FOCUS_WORDS if w in words], (lang, provinsi)


def test_english_files_are_in_english(reports, latest: pd.DataFrame) -> None:
    english = reports[("en", PROVINCE)]
    assert english.sections[1].title == "Key findings" and english.notice == t("x_synthetic", "en")
    assert all(re.search(r" across \d+ cities: median ", line) for line in english.sections[1].lines)
    assert "Periode" not in text_of(english) and "Sumber:" not in text_of(english)
    assert english.sections[-1].text.columns[0] == "Rank"


def test_a_province_none_of_the_cities_is_in_is_refused(con, info: WarehouseInfo) -> None:
    with pytest.raises(ValueError, match="Sulawesi Barat"):
        overview(con, info, "id", "Sulawesi Barat")  # a province without a kota


def test_values_hidden_by_the_small_group_rule_take_no_part(con, info: WarehouseInfo) -> None:
    # People filters narrow every city to a few people: many values are '<5'.
    report = overview(con, info, "id", kategori_jabatan=("JPT",), jenis_asn=("PNS",))
    seen = False
    for strip in report.charts():
        m = BY_COLUMN[strip.key.removeprefix("nasional_")]
        column = strip.table[m.column]
        hidden = strip.table.loc[column.map(privacy.is_hidden), "kota"].tolist()
        shown = privacy.numbers(strip.table)[m.column].dropna()
        assert len(hidden) + len(shown) <= KOTA
        assert f"median {m.write(statistics.median(shown), 'id')}," in strip.takeaway
        dots = [x for tr in strip.figure.data if tr.mode != "lines" for x in tr.x]
        assert len(dots) == len(shown)  # a hidden city is no dot
        assert not [k for k in hidden if f"{k} (" in strip.takeaway]  # nor named with a value
        seen = seen or bool(hidden)
    assert seen  # the filters did hide something


# --- the renderers ------------------------------------------------------------------------------------------


def test_the_workbook_and_csv_hold_every_table_with_the_warehouse_numbers(reports, latest: pd.DataFrame) -> None:
    report = reports[("id", PROVINCE)]
    keys = [s.key for s in report.sections if s.table is not None]
    assert keys == [*STRIPS, "provinsi", "kota_provinsi", "lampiran"]
    book = load_workbook(io.BytesIO(render(report, "xlsx")))
    assert book.sheetnames == [t("x_info_sheet", "id"), *keys]
    rows = list(book["lampiran"].iter_rows(min_row=5, values_only=True))
    heading = [c.value for c in book["lampiran"][4]]
    share = heading.index(t("col_persen_20jp", "id"))
    got = {r[0]: r[share] for r in rows if r[share] is not None and not isinstance(r[share], str)}
    assert len(rows) == KOTA and got == pytest.approx(latest["persen_20jp"].dropna().to_dict())
    names = zipfile.ZipFile(io.BytesIO(render(report, "csv"))).namelist()
    assert names == [f"{i:02d}_{k}.csv" for i, k in enumerate(keys, start=1)]


def test_the_handout_holds_every_strip_its_text_alternative_and_the_ranked_tables(reports, ours: list[str]) -> None:
    report = reports[("en", PROVINCE)]
    page = render(report, "html").decode("utf-8")
    assert page.count("* plotly.js v") == 1 and not re.search(r"<script[^>]+src=", page)
    for strip in report.charts():
        assert f'id="chart_{strip.key}"' in page and strip.takeaway in page
        assert f'id="alt_{strip.key}">{escape(charts.describe(strip.figure, "en"))}</p>' in page
    assert 'id="provinsi"' in page and 'id="kota_provinsi"' in page and 'id="lampiran"' in page
    assert all(f"<td>{k}</td>" in page for k in ours)


# Deck and PDF: the chart images need Chromium.


@pytest.fixture(scope="module")
def drawn(reports) -> dict[tuple[str, str | None], dict[str, bytes]]:
    """The chart images of the Indonesian nation file and the English Jawa Barat file, made once."""
    return {key: pictures(reports[key]) for key in (("id", None), ("en", PROVINCE))}


def deck_of(reports, drawn, key) -> Presentation:
    return Presentation(io.BytesIO(pptx_bytes(reports[key], drawn[key], (images.WIDTH, images.HEIGHT))))


def deck_text(deck: Presentation) -> str:
    """Every text of a deck: text boxes and table cells."""
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return flat(" ".join(parts))


@pytest.mark.browser
def test_the_deck_says_the_marts_median_and_every_slide_holds_its_parts(reports, drawn, latest: pd.DataFrame) -> None:
    deck = deck_of(reports, drawn, ("id", None))
    text = deck_text(deck)
    for m in RANKED_MEASURES:
        assert f"median {m.write(statistics.median(latest[m.column].dropna()), 'id')}," in text
    titles = [s.shapes.title.text for s in deck.slides]
    for strip in reports[("id", None)].charts():
        (slide,) = [s for s, title in zip(deck.slides, titles, strict=True) if title == strip.title]
        (picture,) = [shape for shape in slide.shapes if shape.shape_type == 13]
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt == charts.describe(strip.figure, "id") and "median" in alt
        (takeaway,) = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text == strip.takeaway]
        assert takeaway.top + takeaway.height <= picture.top  # the takeaway stands above the chart
        assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
        assert picture.top + picture.height <= deck.slide_height
    # 98 ranked cities over numbered slides, every city once
    appendix = [s for s, title in zip(deck.slides, titles, strict=True) if title.startswith("Lampiran")]
    cities = [row.cells[1].text for s in appendix for shape in s.shapes if shape.has_table for row in shape.table.rows]
    assert len(appendix) > 1 and sorted(c for c in cities if c != t("col_kota", "id")) == sorted(latest.index)
    assert titles[-1] == t("nf_part", "id", title=reports[("id", None)].sections[-1].title, i=7, n=7)


@pytest.mark.browser
def test_the_english_province_deck_names_every_city_of_the_province(reports, drawn, ours: list[str]) -> None:
    deck = deck_of(reports, drawn, ("en", PROVINCE))
    first = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert t("nf_province_cities", "en", provinsi=PROVINCE, k=9, names=", ".join(ours)) in first
    assert deck.slides[0].shapes.title.text == t("nf_title_province", "en", provinsi=PROVINCE, n=KOTA)
    text = deck_text(deck)
    assert "Key findings" in text and "Temuan" not in text
    assert not [w for w in FOCUS_WORDS if w in text.casefold()]


@pytest.mark.browser
@pytest.mark.parametrize("key", [("id", None), ("en", PROVINCE)])
def test_the_pdf_says_every_takeaway_with_the_marts_median_and_names_the_provinces_cities(
    reports, drawn, key, latest: pd.DataFrame, ours: list[str]
) -> None:
    lang, provinsi = key
    report = reports[key]
    pdf = PdfReader(io.BytesIO(pdf_bytes(report, drawn[key], (images.WIDTH, images.HEIGHT))))
    text = flat(" ".join(page.extract_text() for page in pdf.pages))
    for strip, m in zip(report.charts(), RANKED_MEASURES, strict=True):
        assert flat(strip.takeaway) in text
        assert f"median {m.write(statistics.median(latest[m.column].dropna()), lang)}," in text
    assert sum(len(page.images) for page in pdf.pages) == len(STRIPS)
    assert all(k in text for k in latest.index)  # the appendix ranks every city
    if provinsi:
        assert flat(t("nf_province_cities", lang, provinsi=PROVINCE, k=9, names=", ".join(ours))) in text
    landscape = [p for p in pdf.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert landscape  # the wide ranked tables
    assert not [w for w in FOCUS_WORDS if w in text.casefold()]


@pytest.mark.browser
def test_the_png_archive_has_one_image_per_strip(reports, drawn) -> None:
    archive = zipfile.ZipFile(io.BytesIO(png_zip(reports[("id", None)], drawn[("id", None)])))
    assert archive.namelist() == [f"{i:02d}_{k}.png" for i, k in enumerate(STRIPS, start=1)]
