"""Shared fixtures: tiny source folders written by the tests themselves, loaded by the real pipeline."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest

from etl import pipeline
from etl.contract import DATASETS, dataset_for_file
from etl.sample import write_sample

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"
# The page scripts as dashboard.py declares them (st.Page("views/x.py", ...)), in menu order.
PAGE_SCRIPTS = re.findall(r"st\.Page\(\s*\"([^\"]+\.py)\"", DASHBOARD.read_text())
DEFAULT_PAGE = re.search(r"st\.Page\(\s*\"([^\"]+\.py)\"[^\n]*default=True", DASHBOARD.read_text()).group(1)
# The URL path of every page: the default page is the root.
PAGE_PATHS = tuple("" if s == DEFAULT_PAGE else Path(s).stem for s in PAGE_SCRIPTS)

NIP_A = "198503122010011001"
NIP_B = "199001012015032002"
NIP_C = "197805052005011003"


def write_csv(folder: Path, name: str, rows: list[dict], columns: list[str] | None = None) -> Path:
    """Write `rows` to folder/name as a comma CSV; columns default to the dataset's contract columns."""
    header = columns or [c.name for c in DATASETS[dataset_for_file(name)].columns]
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in header})
    return path


def pegawai(nip: str, kota: str = "Pontianak", **values: str) -> dict:
    """Return a valid pegawai row; keyword arguments override columns."""
    row = {
        "nip": nip,
        "nama": "Nama Contoh",
        "kota": kota,
        "opd": "Dinas Pendidikan",
        "jenis_asn": "PNS",
        "kategori_jabatan": "Fungsional",
        "golongan": "III/a",
        "jenis_kelamin": "L",
        "tahun_lahir": "1985",
        "tmt_masuk": "2010-01-01",
    }
    return {**row, **values}


def program(kode: str, kota: str = "Pontianak", **values: str) -> dict:
    """Return a valid program row; keyword arguments override columns."""
    row = {
        "kode_program": kode,
        "kota": kota,
        "nama_program": "Bimtek Arsip Digital",
        "jalur": "klasikal",
        "jenis": "bimbingan teknis",
        "topik": "Kearsipan",
        "penyelenggara": "BKPSDM",
        "tanggal_mulai": "2024-03-01",
        "tanggal_selesai": "2024-03-03",
        "jp": "24",
        "biaya": "4800000",
    }
    return {**row, **values}


def minimal_rows() -> dict[str, list[dict]]:
    """Return a small valid source folder as rows per dataset (two cities, three employees)."""
    return {
        "kota": [
            {"kota": "Pontianak", "provinsi": "Kalimantan Barat"},
            {"kota": "Jambi", "provinsi": "Jambi"},
        ],
        "pegawai": [
            pegawai(NIP_A, nama="Budi Santoso"),
            pegawai(NIP_B, nama="Siti Aminah", opd="Bappeda", kategori_jabatan="Pelaksana", jenis_kelamin="P"),
            pegawai(NIP_C, kota="Jambi", nama="Rahmat Hidayat", jenis_asn="PPPK", golongan=""),
        ],
        "program": [program("PTK-2024-0001")],
        "peserta": [
            {"kode_program": "PTK-2024-0001", "nip": NIP_A, "status": "lulus", "nilai_pre": "60", "nilai_post": "80"},
            {"kode_program": "PTK-2024-0001", "nip": NIP_B, "status": "tidak_hadir"},
        ],
    }


def write_folder(folder: Path, rows: dict[str, list[dict]]) -> Path:
    """Write one CSV per dataset into folder and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, dataset_rows in rows.items():
        write_csv(folder, f"{name}.csv", dataset_rows)
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A small valid source folder."""
    return write_folder(tmp_path / "sumber", minimal_rows())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's warehouse goes (its pseudonym key file lands beside it)."""
    return tmp_path / "gudang" / "warehouse.duckdb"


def load_rows(tmp_path: Path, rows: dict[str, list[dict]]) -> tuple[pipeline.Report, Path]:
    """Write rows as a folder, load it with the real pipeline, and return (report, warehouse path)."""
    folder = write_folder(tmp_path / "sumber", rows)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    return pipeline.load(folder, db), db


def query(db: Path, sql: str, params: list | dict | None = None) -> list[tuple]:
    """Run a read-only query on a warehouse file and return all rows."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic source folder from the demo generator, written once per test session."""
    folder = tmp_path_factory.mktemp("demo") / "sumber"
    write_sample(folder, seed=7, scale=0.03)
    return folder


@pytest.fixture(scope="session")
def demo_warehouse(demo_source: Path) -> Path:
    """The warehouse the real pipeline builds from demo_source, once per session; read it, never load into it."""
    db = demo_source.parent / "gudang" / "warehouse.duckdb"
    report = pipeline.load(demo_source, db)
    assert report.status == "ok" and report.errors == []
    return db
