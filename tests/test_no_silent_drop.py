"""No file dropped in silence: every file of a source folder either loads or is named, with why it was not
loaded, in the load report, in the warehouse's load history and on the Kualitas data page. (The exit status of
`python -m etl load|check` when a file that looks like data was not loaded: tests/test_cli.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import minimal_rows, query, write_folder
from in_process_app import open_page, start
from streamlit.testing.v1 import AppTest

from analytics.queries import quality
from analytics.queries.db import open_warehouse
from analytics.texts import t
from etl import backup, pipeline
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
EXTRA = {  # files beside the data, as a BKPSDM folder has them: name -> (content, looks like data)
    "README.txt": (b"Folder data pembinaan ASN 2024", False),
    "cadangan.json": (b'[{"catatan": "bukan SIASN"}]', True),
    "notulen rapat.docx": (b"PK\x03\x04", False),
    "pegawai_2019.xls": (b"\xd0\xcf\x11\xe0", True),  # an Excel 97-2003 workbook
    "rekap_lama.csv": (b"No;Uraian;Nilai\n1;Bimtek;24\n", True),
    "~$pegawai.xlsx": (b"\x00", False),  # Excel's lock file while pegawai.xlsx is open
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    """The minimal folder and EXTRA, loaded into a new warehouse."""
    tmp = tmp_path_factory.mktemp("tidak_dimuat")
    folder = write_folder(tmp / "sumber", minimal_rows())
    for name, (content, _) in EXTRA.items():
        (folder / name).write_bytes(content)
    db = tmp / "gudang" / "w.duckdb"
    return pipeline.load(folder, db), db


def test_every_file_that_is_not_loaded_is_named_with_why(loaded):
    report, _ = loaded
    assert report.status == "ok"
    assert [(f["file"], f["looks_like_data"]) for f in report.not_loaded] == [
        (name, data) for name, (_, data) in EXTRA.items()
    ]
    why = {f["file"]: f["reason"] for f in report.not_loaded}
    assert why["README.txt"].startswith("bukan file data")
    assert "simpan ulang sebagai Excel Workbook (.xlsx)" in why["pegawai_2019.xls"]
    assert "nama file tidak diawali nama jenis data" in why["rekap_lama.csv"]
    assert "rekaman SIASN" in why["cadangan.json"]
    assert "file sementara yang dibuat Excel" in why["~$pegawai.xlsx"]
    assert report.summary()["not_loaded"] == report.not_loaded
    assert [f["file"] for f in report.data_not_loaded()] == ["cadangan.json", "pegawai_2019.xls", "rekap_lama.csv"]


def test_the_load_history_keeps_the_files_not_loaded_and_kualitas_lists_them_data_first(loaded):
    report, db = loaded
    [(kept,)] = query(db, "SELECT not_loaded FROM etl_runs")
    assert json.loads(kept) == report.not_loaded
    con = open_warehouse(db)
    try:
        listed = quality.files_not_loaded(con)
    finally:
        con.close()
    data_first = sorted(report.not_loaded, key=lambda f: not f["looks_like_data"])
    assert listed.to_dict("records") == data_first


def kualitas_page(db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """Return the Kualitas data page of the app reading warehouse `db`, run once, without an exception."""
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.chdir(ROOT)
    at = open_page(start(), "kualitas_data")
    assert not at.exception
    return at


def test_the_kualitas_page_shows_the_files_not_loaded_with_why(loaded, monkeypatch):
    report, db = loaded
    at = kualitas_page(db, monkeypatch)
    assert t("kq_not_loaded", "id") in [h.value for h in at.header]
    [shown] = [d.value for d in at.dataframe if t("col_looks_like_data", "id") in d.value.columns]
    why = dict(zip(shown[t("col_file", "id")], shown[t("col_reason", "id")], strict=True))
    assert why == {f["file"]: f["reason"] for f in report.not_loaded}


def test_a_folder_where_every_file_loads_says_so_on_the_kualitas_page(tmp_path, monkeypatch):
    db = tmp_path / "gudang" / "w.duckdb"
    assert pipeline.load(write_folder(tmp_path / "sumber", minimal_rows()), db).not_loaded == []
    assert t("kq_all_loaded", "id") in [m.value for m in kualitas_page(db, monkeypatch).markdown]


def test_a_restored_warehouse_shows_the_files_its_own_load_did_not_load(tmp_path):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    (folder / "rekap_lama.csv").write_bytes(EXTRA["rekap_lama.csv"][0])
    db = tmp_path / "gudang" / "w.duckdb"
    assert pipeline.load(folder, db, keep_backups=2).data_not_loaded() != []
    (folder / "rekap_lama.csv").unlink()
    assert pipeline.load(folder, db, keep_backups=2).not_loaded == []
    [kept] = backup.list_backups(db)  # the first load's warehouse
    backup.restore(db, kept["path"])
    con = open_warehouse(db)
    try:
        assert quality.files_not_loaded(con)["file"].tolist() == ["rekap_lama.csv"]
    finally:
        con.close()
