"""The upload page (with its admin gate) and the data-quality page through Streamlit's AppTest, on
small warehouses and source folders built by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NIP_A, minimal_rows, pegawai, write_folder
from streamlit.testing.v1 import AppTest

from access.credentials import new_hash
from analytics.queries.db import open_warehouse
from analytics.texts import t
from etl import backup, pipeline
from etl.contract import DATASETS
from settings import SOURCE_ENV, WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "kata-sandi-uji"
ADMIN = {"password_scrypt": new_hash(PASSWORD)}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A warehouse loaded from a source folder of record; the app points at both."""
    rows = minimal_rows()
    rows["pegawai"].append(pegawai("19850312201001100", tahun_lahir="abc"))  # a rejected row
    source = write_folder(tmp_path / "sumber", rows)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-halaman-rahasia-uji-yang-cukup-panjang")
    assert pipeline.load(source, db).status == "ok"
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.setenv(SOURCE_ENV, str(source))
    monkeypatch.chdir(ROOT)
    return source, db


def query(db: Path, sql: str) -> list[tuple]:
    """Run a query with the app's own connection settings (the app holds the file open in this process)."""
    con = open_warehouse(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def open_upload(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if secrets:
        at.secrets["admin"] = secrets
    at.run()
    return at.switch_page("views/unggah.py").run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="admin_password").input(password)
    return at.button[0].click().run()


def test_without_an_admin_secret_the_page_explains_how_to_enable_it(app):
    at = open_upload()
    assert not at.exception
    assert [i.value for i in at.info] == [t("in_gate_off", "id")]
    assert not at.get("file_uploader")
    assert "secrets.toml" in at.info[0].value


def test_a_wrong_password_is_refused(app):
    at = sign_in(open_upload(ADMIN), "salah")
    assert not at.exception
    assert [e.value for e in at.main.error] == [t("in_wrong_password", "id")]
    assert not at.get("file_uploader")


def test_the_right_password_opens_upload_preview_then_load(app):
    source, db = app
    at = sign_in(open_upload(ADMIN), PASSWORD)
    assert not at.exception
    assert len(at.get("file_uploader")) == 1
    program = (
        "DATA PROGRAM 2025;;;;;;;;;;\n"
        "Kode Program;Kota;Nama Program;Jalur;Jenis;Topik;Penyelenggara;Tanggal Mulai;Tanggal Selesai;JP;Biaya\n"
        "PTK-2025-0001;KOTA PONTIANAK;Coaching;NONKLASIKAL;Coaching;Kepemimpinan;BKPSDM;1 Februari 2025;"
        "03/02/2025;10;Rp 1.000.000\n"
        "PTK-2025-0002;Pontianak;Bimtek;klasikal;bimbingan teknis;Arsip;BKPSDM;2025-02-01;2025-02-03;10;1,500\n"
        "JUMLAH;;;;;;;;;20;\n"
    ).encode("cp1252")
    at.get("file_uploader")[0].set_value([("program_2025.csv", program, "text/csv")]).run()
    assert not at.exception
    assert t("in_preview", "id") in [h.value for h in at.header]
    counts = at.dataframe[0].value
    assert list(counts.iloc[:, 0]) == ["kota", "pegawai", "program", "peserta"]
    program_row = counts[counts.iloc[:, 0] == "program"].iloc[0]
    assert list(program_row[[t("col_rows_read", "id"), t("col_rows_loaded", "id"), t("col_rows_rejected", "id")]]) == [
        "3",
        "2",
        "1",
    ]
    labels = [e.label for e in at.expander]
    assert t("in_reject_group", "id", dataset="program", column="biaya", rows=1) in labels
    assert not (source / "program_2025.csv").exists()  # nothing written before the confirmation
    before = query(db, "SELECT count(*) FROM raw_program")

    at.button(key="unggah_confirm").click().run()
    assert not at.exception
    done = [s.value for s in at.success][0]
    assert done.startswith("Dimuat:")
    # read: the upload and pegawai.csv (it has a rejected row, so it is checked again); the rest taken over
    assert "(3 dari 5 file tidak berubah, barisnya dipakai ulang" in done
    assert (source / "program_2025.csv").exists()
    assert before == [(1,)]
    assert query(db, "SELECT kode_program, biaya FROM raw_program ORDER BY 1") == [
        ("PTK-2024-0001", 4800000),
        ("PTK-2025-0001", 1000000),
    ]
    assert len(backup.list_backups(db)) == 1


def test_a_kept_warehouse_can_be_restored_from_the_page(app):
    source, db = app
    rows = minimal_rows()
    rows["pegawai"].append(pegawai("197001011995031001"))
    pipeline.load(write_folder(source, rows), db, keep_backups=3)
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(4,)]
    at = sign_in(open_upload(ADMIN), PASSWORD)
    assert len(at.selectbox(key="unggah_backup").options) == 1
    at.button(key="unggah_restore").click().run()
    assert not at.exception
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(3,)]
    assert query(db, "SELECT outcome FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1") == [("restored",)]


def test_the_data_quality_page_shows_counts_rejects_and_what_is_missing(app):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("views/kualitas_data.py").run()
    assert not at.exception
    assert [x.value for x in at.title] == [t("kq_title", "id")]
    frames = [d.value for d in at.dataframe]
    missing = frames[0]
    assert list(missing.index) == ["Jambi", "Pontianak"]
    assert missing.loc["Jambi", "program"] == "semua"  # Jambi organised no activity
    assert missing.loc["Pontianak", "program"] == ""
    counts = next(f for f in frames if t("col_dataset", "id") in f.columns and t("col_files", "id") in f.columns)
    pegawai_counts = counts[counts[t("col_dataset", "id")] == "pegawai"].iloc[0]
    assert (pegawai_counts[t("col_rows_read", "id")], pegawai_counts[t("col_rows_rejected", "id")]) == ("4", "1")
    problems = next(f for f in frames if t("col_problem", "id") in f.columns)
    assert any("18 angka" in p for p in problems[t("col_problem", "id")])
    assert NIP_A not in str(frames)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_intake_pages_are_in_the_menu_in_both_languages(app, lang):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    names = [p["page_name"] for p in at._registered_pages.values()]
    assert t("in_page_kualitas", lang) in names and t("in_page_unggah", lang) in names
    assert set(DATASETS)  # the contract is what the upload page names when a file belongs to none
