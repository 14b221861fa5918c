"""SAKIP targets and capaian (issue 27, item 5): the dataset target_kinerja, the mart capaian_indikator, the query
analytics.queries.sakip.capaian, the LKjIP chart and workbook, the CLI and the demo's targets.

Warehouses are built by the real pipeline from folders the tests write; capaian is checked against
domain.sakip's Python at and across every band edge, in both directions."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest
from conftest import load_rows, minimal_rows, pegawai, program, query, scorecard_rows, write_folder

from analytics.meeting_files import cli, lkjip
from analytics.present import charts
from analytics.privacy import release
from analytics.queries import sakip as sakip_queries
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from demo.cities import CITIES
from demo.settings import YEARS
from demo.targets import IP_ASN, MISSES_20JP, PERSEN_20JP
from domain import sakip
from etl import pipeline, templates
from etl.contract import DATASETS
from settings import AUDIT_ENV, SAKIP_SKALA_ENV

MART_SQL = Path(__file__).resolve().parent.parent / "etl" / "sql" / "marts" / "capaian_indikator.sql"

# (realisasi, capaian, band) at and across every edge of the five-level scale: target 100, higher is better ...
NAIK_EDGES = [
    (120, 120, "Sangat Baik"),
    (100, 100, "Sangat Baik"),
    (91, 91, "Sangat Baik"),
    (90.99, 90.99, "Baik"),
    (76, 76, "Baik"),
    (75.99, 75.99, "Cukup"),
    (66, 66, "Cukup"),
    (65.99, 65.99, "Kurang"),
    (51, 51, "Kurang"),
    (50.99, 50.99, "Sangat Kurang"),
    (0, 0, "Sangat Kurang"),
]
# ... and target 200 days, lower is better: (2 x 200 - realisasi) / 200 x 100
TURUN_EDGES = [
    (150, 125, "Sangat Baik"),
    (200, 100, "Sangat Baik"),
    (218, 91, "Sangat Baik"),
    (218.02, 90.99, "Baik"),
    (248, 76, "Baik"),
    (248.02, 75.99, "Cukup"),
    (268, 66, "Cukup"),
    (268.02, 65.99, "Kurang"),
    (298, 51, "Kurang"),
    (298.02, 50.99, "Sangat Kurang"),
    (420, -10, "Sangat Kurang"),
]


def target_row(kota: str, tahun: int, indikator: str, **values: str) -> dict:
    """Return a valid target_kinerja row; keyword arguments override columns."""
    row = {"kota": kota, "tahun": str(tahun), "indikator": indikator, "satuan": "%", "arah": "naik", "target": "80"}
    return {**row, **values}


def edge_rows() -> list[dict]:
    """Return one entered target per band edge case, both directions, for Pontianak 2024."""
    naik = [
        target_row("Pontianak", 2024, f"Naik {i}", target="100", realisasi=str(r))
        for i, (r, _, _) in enumerate(NAIK_EDGES)
    ]
    turun = [
        target_row("Pontianak", 2024, f"Turun {i}", satuan="hari", arah="turun", target="200", realisasi=str(r))
        for i, (r, _, _) in enumerate(TURUN_EDGES)
    ]
    return naik + turun


KNOWN_NAMES = [
    "INDEKS KEPUASAN MASYARAKAT (IKM)",
    "Rata-rata  JP per ASN",
    "Persentase ASN yang memenuhi 20 JP",
    "IP-ASN",
    "Persentase serapan anggaran pengembangan kompetensi",
    "Persentase serapan anggaran",  # a whole budget: not the development budget, entered by hand
    "Indeks Sistem Merit",
]


@pytest.fixture(scope="module")
def sakip_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse of the scorecard fixture (tests/conftest.py: two Pontianak PNS in 2022, one in 2023 and 2024, a
    Jambi PNS) with targets: every band edge entered by hand for Pontianak 2024, and the known indicators under
    other spellings for Pontianak 2023 and 2024 (the 2023 merit index entered)."""
    rows = scorecard_rows()
    known = [target_row("Pontianak", year, name) for year in (2023, 2024) for name in KNOWN_NAMES]
    known[KNOWN_NAMES.index("Indeks Sistem Merit")]["realisasi"] = "250"
    rows["target_kinerja"] = edge_rows() + known
    report, db = load_rows(tmp_path_factory.mktemp("sakip"), rows)
    assert report.status == "ok" and report.datasets["target_kinerja"]["rows_rejected"] == 0
    return db


def mart(db: Path, where: str = "true") -> pd.DataFrame:
    """Return rows of capaian_indikator straight from the warehouse."""
    con = open_warehouse(db)
    try:
        return con.execute(f"SELECT * FROM capaian_indikator WHERE {where} ORDER BY kota, tahun, urutan").df()
    finally:
        con.close()


# --- the domain's formula and bands ---


@pytest.mark.parametrize(("realisasi", "expected", "band"), NAIK_EDGES)
def test_capaian_of_an_increasing_indicator_at_and_across_band_edges(realisasi, expected, band) -> None:
    got = sakip.capaian(100, realisasi, sakip.NAIK)
    assert got == pytest.approx(expected, abs=1e-9)
    assert sakip.kategori_capaian(got) == band


@pytest.mark.parametrize(("realisasi", "expected", "band"), TURUN_EDGES)
def test_capaian_of_a_decreasing_indicator_at_and_across_band_edges(realisasi, expected, band) -> None:
    got = sakip.capaian(200, realisasi, sakip.TURUN)
    assert got == pytest.approx(expected, abs=1e-9)
    assert sakip.kategori_capaian(got) == band


def test_a_governments_scale_is_read_from_text_best_first() -> None:
    skala = sakip.baca_skala("Memuaskan=85; Sangat Baik=75; Baik=65,5; Kurang")
    assert skala == (("Memuaskan", 85), ("Sangat Baik", 75), ("Baik", 65.5), ("Kurang", float("-inf")))
    assert sakip.kategori_capaian(65.5, skala) == "Baik"
    assert sakip.kategori_capaian(65.4, skala) == "Kurang"
    assert sakip.batas_skala(skala) == (85, 75, 65.5)


@pytest.mark.parametrize(
    "text", ["Baik", "Baik=76; Cukup=80; Kurang", "Baik=tinggi; Kurang", "Baik=76; Kurang=50", "Baik 76; Kurang"]
)
def test_a_scale_that_cannot_be_read_is_refused_in_indonesian(text: str) -> None:
    with pytest.raises(ValueError, match="kategori|Kategori|Batas|Skala|Tulis"):
        sakip.baca_skala(text)


def test_known_indicators_are_recognised_by_name_whatever_the_spelling() -> None:
    assert sakip.kode_dari("Indeks Kepuasan Masyarakat (IKM)") == "ikm"
    assert sakip.kode_dari("  rata-rata JP per ASN ") == "jp_per_asn"
    assert sakip.kode_dari("Persentase ASN yang memenuhi 20 JP") == "persen_20jp"
    assert sakip.kode_dari("Nilai IP ASN") == "ip_asn"
    assert sakip.kode_dari("Persentase serapan anggaran") is None
    assert sakip.kode_dari("Indeks Sistem Merit") is None


# --- the mart agrees with the domain ---


def test_the_marts_list_of_known_names_is_the_domains() -> None:
    block = MART_SQL.read_text().split("WITH indikator_dikenal", 1)[1].split("),\n\ntarget AS", 1)[0]
    pairs = dict(re.findall(r"\('([^']*)', '([^']*)'\)", block))
    assert pairs == sakip.KUNCI_INDIKATOR


def test_the_mart_recognises_names_as_the_domain_does(sakip_db: Path) -> None:
    rows = mart(sakip_db, "tahun = 2024 AND NOT starts_with(indikator, 'Naik') AND NOT starts_with(indikator, 'Turun')")
    got = {
        name: None if pd.isna(kode) else kode
        for name, kode in zip(rows["indikator"], rows["kode_indikator"], strict=True)
    }
    assert got == {name: sakip.kode_dari(name) for name in KNOWN_NAMES}


def test_the_marts_capaian_is_exactly_the_domains_in_both_directions(sakip_db: Path) -> None:
    rows = mart(sakip_db, "starts_with(indikator, 'Naik') OR starts_with(indikator, 'Turun')")
    assert len(rows) == len(NAIK_EDGES) + len(TURUN_EDGES)
    for r in rows.itertuples():
        assert r.capaian == sakip.capaian(r.target, r.realisasi, r.arah), r.indikator
        assert r.sumber_realisasi == "diisi"


def test_the_query_grades_every_capaian_on_the_five_level_scale_by_default(sakip_db: Path) -> None:
    con = open_warehouse(sakip_db)
    try:
        got = release.read(con, sakip_queries.capaian, Filters(("Pontianak",), 2024, 2024))
    finally:
        con.close()
    expected = {f"Naik {i}": band for i, (_, _, band) in enumerate(NAIK_EDGES)}
    expected |= {f"Turun {i}": band for i, (_, _, band) in enumerate(TURUN_EDGES)}
    graded = got[got["indikator"].isin(list(expected))]
    assert dict(zip(graded["indikator"], graded["kategori"], strict=True)) == expected
    best = graded[graded["kategori"] == "Sangat Baik"]
    assert set(best["tingkat"]) == {1}


def test_the_governments_own_scale_is_a_setting(sakip_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SAKIP_SKALA_ENV, "Tercapai=100; Hampir=90; Belum")
    con = open_warehouse(sakip_db)
    try:
        got = release.read(con, sakip_queries.capaian, Filters(("Pontianak",), 2024, 2024)).set_index("indikator")
    finally:
        con.close()
    assert got.loc["Naik 0", "kategori"] == "Tercapai"  # 120
    assert got.loc["Naik 2", "kategori"] == "Hampir"  # 91
    assert got.loc["Naik 3", "kategori"] == "Hampir"  # 90,99
    assert got.loc["Naik 4", "kategori"] == "Belum"  # 76
    assert got.loc["Naik 4", "tingkat"] == 3


# --- realisasi computed from the warehouse ---


def test_known_indicators_take_their_realisasi_from_the_scorecard(sakip_db: Path) -> None:
    rows = mart(sakip_db, "kota = 'Pontianak' AND tahun = 2024 AND kode_indikator IS NOT NULL").set_index(
        "kode_indikator"
    )
    scorecard = query(
        sakip_db,
        "SELECT persen_20jp, ikm, persen_serapan, jp_per_asn, jumlah_pns, jumlah_asn,"
        " pns_memenuhi_20jp FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2024",
    )[0]
    persen_20jp, ikm, serapan, jp_per_asn, pns, asn, memenuhi = scorecard
    assert rows.loc["persen_20jp", "realisasi"] == pytest.approx(persen_20jp)
    assert rows.loc["persen_20jp", "jumlah_dasar"] == pns
    assert rows.loc["persen_20jp", "jumlah_bagian"] == memenuhi
    assert rows.loc["jp_per_asn", "realisasi"] == pytest.approx(jp_per_asn)
    assert rows.loc["jp_per_asn", "jumlah_dasar"] == asn
    assert (ikm is None) == pd.isna(rows.loc["ikm", "realisasi"])
    assert (serapan is None) == pd.isna(rows.loc["persen_serapan", "realisasi"])
    assert set(rows.loc[rows["realisasi"].notna(), "sumber_realisasi"]) == {"dihitung"}
    assert rows.loc["persen_20jp", "sumber_realisasi"] == "dihitung"


def test_last_years_realisasi_stands_beside_this_years(sakip_db: Path) -> None:
    rows = mart(sakip_db, "kota = 'Pontianak' AND tahun = 2024").set_index("indikator")
    before = query(sakip_db, "SELECT persen_20jp FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2023")
    assert rows.loc["Persentase ASN yang memenuhi 20 JP", "realisasi_lalu"] == pytest.approx(before[0][0])
    assert rows.loc["Indeks Sistem Merit", "realisasi_lalu"] == 250  # entered in 2023, none this year
    assert pd.isna(rows.loc["Indeks Sistem Merit", "realisasi"])
    assert pd.isna(rows.loc["Indeks Sistem Merit", "capaian"])
    assert pd.isna(rows.loc["Naik 0", "realisasi_lalu"])


def test_a_computed_realisasi_about_fewer_than_five_people_is_hidden_an_entered_one_never(sakip_db: Path) -> None:
    con = open_warehouse(sakip_db)
    try:
        got = release.read(con, sakip_queries.capaian, Filters(("Pontianak",), 2024, 2024)).set_index("indikator")
    finally:
        con.close()
    twenty = got.loc["Persentase ASN yang memenuhi 20 JP"]  # one PNS in 2024
    assert [twenty[c] for c in ("realisasi", "capaian", "kategori", "tingkat")] == ["<5"] * 4
    assert twenty["target"] == 80
    assert got.loc["Naik 1", "realisasi"] == 100 and got.loc["Naik 1", "kategori"] == "Sangat Baik"


# --- the dataset: template and validation ---


def test_the_template_of_target_kinerja_names_its_columns_and_choices() -> None:
    dataset = DATASETS["target_kinerja"]
    book = openpyxl.load_workbook(BytesIO(templates.xlsx_bytes(dataset)))
    header = [c.value for c in book["data"][1]]
    assert header == [c.name for c in dataset.columns]
    help_text = " ".join(str(c.value) for row in book["petunjuk"].iter_rows() for c in row if c.value)
    assert "naik, turun" in help_text
    assert "lebih dari 0" in help_text
    assert templates.csv_bytes(dataset).decode("utf-8-sig").splitlines()[0] == ";".join(header)


def test_a_bad_row_is_rejected_naming_file_row_column_and_what_is_wrong(tmp_path: Path) -> None:
    rows = minimal_rows()
    rows["target_kinerja"] = [
        target_row("Pontianak", 2024, "IKM"),  # line 2: fine
        target_row("Pontianak", 2024, "Indeks Sistem Merit", arah="atas"),  # line 3
        target_row("Jambi", 2024, "IKM", target=""),  # line 4
        target_row("Bandung", 2024, "IKM"),  # line 5
        target_row("Jambi", 2024, "Lama layanan", target="0"),  # line 6
    ]
    report, db = load_rows(tmp_path, rows)
    assert report.status == "ok" and report.datasets["target_kinerja"]["rows_loaded"] == 1
    rejects = query(
        db,
        "SELECT file, line, column_name, reason FROM etl_rejects WHERE dataset = 'target_kinerja' ORDER BY line",
    )
    assert rejects == [
        ("target_kinerja.csv", 3, "arah", "'atas' bukan nilai yang diizinkan. Pilihan: naik, turun."),
        ("target_kinerja.csv", 4, "target", "Kolom target wajib diisi."),
        ("target_kinerja.csv", 5, "kota", "'Bandung' tidak ditemukan di data kota."),
        ("target_kinerja.csv", 6, "target", "Nilai 0 harus lebih dari 0."),
    ]


def test_the_same_indicator_twice_in_a_kota_year_is_rejected_once(tmp_path: Path) -> None:
    rows = minimal_rows()
    rows["target_kinerja"] = [target_row("Pontianak", 2024, "IKM"), target_row("Pontianak", 2024, "IKM", target="85")]
    _, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT target FROM capaian_indikator") == [(80.0,)]
    assert query(db, "SELECT line, column_name FROM etl_rejects WHERE dataset = 'target_kinerja'") == [
        (3, "kota, tahun, indikator")
    ]


# --- the grain, on the demo and the fixture ---


@pytest.mark.parametrize("fixture", ["sakip_db", "demo_warehouse"])
def test_capaian_indikator_has_one_row_per_kota_tahun_indikator(request: pytest.FixtureRequest, fixture: str) -> None:
    db = request.getfixturevalue(fixture)
    assert query(db, "SELECT count(*) FROM capaian_indikator")[0][0] > 0
    dupes = "SELECT kota, tahun, indikator FROM capaian_indikator GROUP BY ALL HAVING count(*) > 1"
    assert query(db, dupes) == []
    for column in ("kota", "tahun", "indikator", "urutan"):
        assert query(db, f"SELECT count(*) FROM capaian_indikator WHERE {column} IS NULL") == [(0,)]
    assert query(db, "SELECT count(*) FROM capaian_indikator") == query(db, "SELECT count(*) FROM raw_target_kinerja")


# --- the demo's story ---


def test_the_demo_sets_seven_targets_a_year_for_each_storied_city(demo_warehouse: Path) -> None:
    got = query(demo_warehouse, "SELECT kota, tahun, count(*) FROM capaian_indikator GROUP BY ALL ORDER BY ALL")
    assert got == [(c.kota, y, 7) for c in sorted(CITIES, key=lambda c: c.kota) for y in YEARS]
    sources = query(demo_warehouse, "SELECT DISTINCT sumber_realisasi FROM capaian_indikator ORDER BY 1")
    assert sources == [("dihitung",), ("diisi",)]


@pytest.mark.parametrize("indikator", [PERSEN_20JP, IP_ASN])
def test_in_the_demo_jambi_misses_its_20_jp_and_ip_asn_targets_every_year_and_the_others_reach_theirs(
    demo_warehouse: Path, indikator: str
) -> None:
    got = query(
        demo_warehouse, "SELECT kota, tahun, capaian FROM capaian_indikator WHERE indikator = $i", {"i": indikator}
    )
    assert len(got) == len(CITIES) * len(YEARS)
    for kota, tahun, capaian in got:
        assert (capaian < 100) == (kota == MISSES_20JP), (kota, tahun, capaian)


# --- the chart and the workbook ---


@pytest.fixture(scope="module")
def released(sakip_db: Path) -> pd.DataFrame:
    """The capaian of Pontianak 2023-2024 as the guarded path releases it."""
    con = open_warehouse(sakip_db)
    try:
        return release.read(con, sakip_queries.capaian, Filters(("Pontianak",), 2023, 2024))
    finally:
        con.close()


def test_the_chart_draws_capaian_with_band_edges_and_says_it_in_words(released: pd.DataFrame) -> None:
    rows = lkjip.of(released, "Pontianak", 2024)
    fig = lkjip.capaian_chart(rows, sakip.SKALA_LIMA, "id")
    lines = sorted(shape.x0 for shape in fig.layout.shapes)
    assert lines == [51, 66, 76, 91, 100]
    texts = list(fig.data[0].text)
    assert texts[rows.index[rows["indikator"] == "Naik 3"][0]] == "90,99% · Baik"
    assert texts[rows.index[rows["indikator"] == "Persentase ASN yang memenuhi 20 JP"][0]] == "<5"
    said = charts.describe(fig, "id")
    assert "Turun 0: 125,00% · Sangat Baik" in said and "Turun 10: -10,00% · Sangat Kurang" in said
    assert "<5" in said or "kurang dari 5" in said
    assert "Persentase ASN yang memenuhi 20 JP:" not in said


def test_the_lkjip_table_writes_band_as_icon_and_text_and_the_source(released: pd.DataFrame) -> None:
    table = lkjip.table(lkjip.of(released, "Pontianak", 2024), 2024, 5, "en").set_index("Performance indicator")
    assert table.loc["Naik 3", "Category"] == "●●●●○ Baik"
    assert table.loc["Naik 3", "Achievement"] == "90.99%"
    assert table.loc["Turun 1", "Direction"] == "↓ down"
    assert table.loc["Turun 1", "Source of the realisation"] == "entered by the local government"
    assert table.loc["Persentase ASN yang memenuhi 20 JP", "Source of the realisation"] == "computed from the data"
    assert table.loc["Persentase ASN yang memenuhi 20 JP", "Category"] == "<5"
    assert list(table.columns)[3:6] == ["Target 2024", "Realisation 2024", "Achievement"]


def test_the_lkjip_workbook_holds_the_table_with_numbers_as_numbers(released: pd.DataFrame) -> None:
    data = lkjip.xlsx_bytes(released, ["Pontianak", "Jambi"], 2024, sakip.SKALA_LIMA, "id", "DATA SINTETIS")
    book = openpyxl.load_workbook(BytesIO(data))
    assert book.sheetnames == ["Pontianak", "Jambi"]
    sheet = book["Pontianak"]
    assert sheet["A1"].value == "Capaian Kinerja Pontianak Tahun 2024"
    assert sheet["A2"].value == "DATA SINTETIS"
    assert "Sangat Baik ≥ 91%" in sheet["A3"].value
    header = [c.value for c in sheet[lkjip.HEADER_ROW]]
    assert header == lkjip.headings(2024, "id")
    assert header[4:9] == ["Target 2024", "Realisasi 2024", "Capaian", "Kategori", "Realisasi 2023"]
    body = {row[1]: row for row in sheet.iter_rows(min_row=lkjip.HEADER_ROW + 1, values_only=True)}
    assert body["Turun 1"][4:8] == (200, 200, 100, "●●●●● Sangat Baik")
    assert body["Persentase ASN yang memenuhi 20 JP"][5:8] == ("<5", "<5", "<5")
    assert sheet.cell(lkjip.HEADER_ROW + 1, 7).number_format == '0.00"%"'
    assert book["Jambi"].cell(lkjip.HEADER_ROW, 1).value == "Belum ada target kinerja untuk kota dan tahun ini."


def test_the_command_line_writes_the_lkjip_workbook(
    demo_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(AUDIT_ENV, str(tmp_path / "audit.jsonl"))
    out = tmp_path / "lkjip.xlsx"
    args = ["export", "--isi", "lkjip", "--kota", "Jambi", "--tahun", "2025", "--format", "xlsx", "--out", str(out)]
    assert cli.main([*args, "--db", str(demo_warehouse)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Jambi"]
    sheet = book["Jambi"]
    assert "DATA SINTETIS" in sheet["A2"].value
    body = {row[1]: row for row in sheet.iter_rows(min_row=lkjip.HEADER_ROW + 1, values_only=True)}
    assert body[PERSEN_20JP][4] == 65 and body[PERSEN_20JP][6] < 100
    assert "ekspor" in (tmp_path / "audit.jsonl").read_text()


def test_the_command_line_refuses_lkjip_in_another_format(demo_warehouse: Path, tmp_path: Path, capsys) -> None:
    args = ["export", "--isi", "lkjip", "--tahun", "2025", "--format", "pdf", "--out", str(tmp_path / "x.pdf")]
    assert cli.main([*args, "--db", str(demo_warehouse)]) == cli.EXIT_BAD_CHOICE
    assert "xlsx" in capsys.readouterr().err


def test_an_empty_folder_of_targets_loads_and_builds_an_empty_mart(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    report = pipeline.load(folder, tmp_path / "w.duckdb")
    assert report.status == "ok"
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM capaian_indikator").fetchone() == (0,)
    finally:
        con.close()


def _pns_with_jp(meeting: int, total: int) -> dict[str, list[dict]]:
    """Return a folder of `total` Pontianak PNS of whom `meeting` passed a 24-JP activity in 2024, and a target for
    the 20-JP share that year."""
    nips = [f"19850312201001{i:04d}" for i in range(1, total + 1)]
    rows = minimal_rows()
    rows["pegawai"] = [pegawai(nip) for nip in nips] + [pegawai("199001012015032002", kota="Jambi")]
    rows["program"] = [program("PTK-2024-0001")]
    rows["peserta"] = [{"kode_program": "PTK-2024-0001", "nip": nip, "status": "lulus"} for nip in nips[:meeting]]
    rows["target_kinerja"] = [target_row("Pontianak", 2024, "Persentase ASN yang memenuhi 20 JP", target="50")]
    return rows


@pytest.mark.parametrize(("meeting", "total", "hidden"), [(6, 7, True), (2, 7, True), (5, 10, False)])
def test_a_20_jp_share_that_gives_away_fewer_than_five_people_is_hidden_with_its_capaian(
    tmp_path: Path, meeting: int, total: int, hidden: bool
) -> None:
    _, db = load_rows(tmp_path, _pns_with_jp(meeting, total))
    con = open_warehouse(db)
    try:
        got = release.read(con, sakip_queries.capaian, Filters(("Pontianak",), 2024, 2024)).iloc[0]
    finally:
        con.close()
    if hidden:  # 6 of 7: the one who did not is a group of one; 2 of 7: two did
        assert [got[c] for c in ("realisasi", "capaian", "kategori")] == ["<5"] * 3
    else:
        assert got["realisasi"] == 50 and got["capaian"] == 100 and got["kategori"] == "Sangat Baik"
