"""Warnings, not only rejects: a row that is usable but doubtful is loaded with its recorded values and
listed with file, line, column and a reason in Indonesian; the load report and Kualitas data count them
apart from the rejects."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import NIP_A, NIP_B, load_rows, minimal_rows, program, query, write_folder
from streamlit.testing.v1 import AppTest

from analytics.queries import quality
from analytics.queries.db import open_warehouse
from analytics.texts import t
from etl import pipeline
from etl.contract import JP_UNUSUAL_FACTOR
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent


def doubtful_rows() -> dict[str, list[dict]]:
    """Return the minimal folder plus a predikat against the matrix (row 2 of penilaian_kinerja) and, among six
    bimtek of 24 JP, one of 960 JP (row 8 of program: minutes typed as JP) and one of 2 JP (row 9)."""
    rows = minimal_rows()
    rows["penilaian_kinerja"] = [
        # Di Atas x Di Bawah is Kurang by the matrix; the client wrote Butuh Perbaikan (the worse of the two)
        {
            "nip": NIP_A,
            "tahun": "2024",
            "predikat": "Butuh Perbaikan",
            "hasil_kerja": "DIATAS ESPEKTASI",
            "perilaku_kerja": "DIBAWAH ESPEKTASI",
        },
        {"nip": NIP_B, "tahun": "2024", "predikat": "Baik", "hasil_kerja": "2", "perilaku_kerja": "2"},
    ]
    rows["program"] += [program(f"PTK-2024-000{i}") for i in range(2, 7)]
    rows["program"] += [program("PTK-2024-0900", jp="960"), program("PTK-2024-0901", jp="2")]
    return rows


@pytest.fixture(scope="module")
def doubtful(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    """The doubtful folder loaded with the real pipeline: (report, warehouse)."""
    return load_rows(tmp_path_factory.mktemp("ragu"), doubtful_rows())


def test_a_predikat_against_the_matrix_is_loaded_as_recorded_and_listed_as_a_warning(doubtful):
    report, db = doubtful
    loaded = query(db, "SELECT predikat FROM raw_penilaian_kinerja ORDER BY predikat")
    assert loaded == [("Baik",), ("Butuh Perbaikan",)]
    warning = query(db, "SELECT file, line, column_name, reason FROM etl_warnings WHERE dataset = 'penilaian_kinerja'")
    assert warning == [
        (
            "penilaian_kinerja.csv",
            2,
            "predikat",
            "Predikat 'Butuh Perbaikan' tidak sesuai matriks PermenPANRB 6/2022: hasil kerja Di Atas Ekspektasi dan"
            " perilaku kerja Di Bawah Ekspektasi menghasilkan Kurang. Dimuat dengan predikat yang tercatat.",
        )
    ]
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    assert report.datasets["penilaian_kinerja"]["rows_loaded"] == 2
    assert report.datasets["penilaian_kinerja"]["rows_warned"] == 1


def test_an_activity_whose_jp_is_far_from_its_type_is_loaded_and_listed_as_a_warning(doubtful):
    report, db = doubtful
    warned = query(db, "SELECT line, column_name, reason FROM etl_warnings WHERE dataset = 'program' ORDER BY line")
    assert [(line, column) for line, column, _ in warned] == [(8, "jp"), (9, "jp")]
    assert warned[0][2].startswith("JP '960' jauh dari lama biasa jenis 'bimbingan teknis' (median '24' JP dari '8'")
    assert JP_UNUSUAL_FACTOR * 24 <= 960 and 2 * JP_UNUSUAL_FACTOR <= 24  # both outside the usual range
    assert query(db, "SELECT jp FROM raw_program WHERE kode_program IN ('PTK-2024-0900', 'PTK-2024-0901')") in (
        [(960,), (2,)],
        [(2,), (960,)],
    )
    assert report.datasets["program"]["rows_warned"] == 2
    assert report.datasets["program"]["rows_loaded"] == 8


def test_a_type_with_too_few_activities_to_know_its_usual_length_gets_no_jp_warning(tmp_path):
    rows = minimal_rows()
    rows["program"] += [program("PTK-2024-0900", jp="960")]
    _, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT count(*) FROM etl_warnings") == [(0,)]


def test_the_load_report_lists_every_warning_with_file_line_column_and_reason(doubtful):
    report, _ = doubtful
    assert [(w["dataset"], w["file"], w["line"], w["column_name"]) for w in report.warnings] == [
        ("penilaian_kinerja", "penilaian_kinerja.csv", 2, "predikat"),
        ("program", "program.csv", 8, "jp"),
        ("program", "program.csv", 9, "jp"),
    ]
    notes = next(f["notes"] for f in report.files if f["dataset"] == "program")
    assert "2 baris dimuat dengan peringatan (lihat daftar peringatan)." in notes


def test_a_check_reports_the_warnings_a_load_would_give(tmp_path):
    report = pipeline.check(write_folder(tmp_path / "sumber", doubtful_rows()))
    assert [(w["file"], w["line"]) for w in report.warnings] == [
        ("penilaian_kinerja.csv", 2),
        ("program.csv", 8),
        ("program.csv", 9),
    ]


def test_the_quality_queries_count_warnings_apart_from_rejects(doubtful):
    _, db = doubtful
    con = open_warehouse(db)
    try:
        counts = quality.dataset_counts(con).set_index("dataset")
        groups = quality.warnings_by_problem(con)
        assert quality.rows_warned(con) == 3
    finally:
        con.close()
    assert counts.loc["program", "rows_warned"] == 2 and counts.loc["program", "rows_rejected"] == 0
    assert counts.loc["penilaian_kinerja", "rows_warned"] == 1
    assert sorted(zip(groups["dataset"], groups["rows"], strict=True)) == [("penilaian_kinerja", 1), ("program", 2)]


def test_a_warehouse_loaded_before_warnings_existed_has_none(doubtful, tmp_path):
    _, db = doubtful
    old = tmp_path / "lama.duckdb"
    old.write_bytes(db.read_bytes())
    con = duckdb.connect(str(old))
    con.execute("DROP TABLE etl_warnings")
    con.close()
    con = open_warehouse(old)
    try:
        assert quality.rows_warned(con) == 0
        assert quality.warnings_by_problem(con).empty
        assert (quality.dataset_counts(con)["rows_warned"] == 0).all()
    finally:
        con.close()


def test_the_data_quality_page_shows_warnings_apart_from_rejects(doubtful, monkeypatch):
    _, db = doubtful
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("views/kualitas_data.py").run()
    assert not at.exception
    assert t("kq_warnings", "id") in [h.value for h in at.header]
    assert any("3 di antaranya dengan peringatan" in m.value for m in at.markdown)
    tables = [d.value for d in at.dataframe]
    problems = [f for f in tables if t("col_problem", "id") in f.columns]
    assert len(problems) == 1  # no rejects: the only problem table is the warnings'
    assert any("matriks PermenPANRB" in p for p in problems[0][t("col_problem", "id")])
