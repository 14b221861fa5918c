"""Shared fixtures: tiny source folders written by the tests themselves, loaded by the real pipeline."""

from __future__ import annotations

import csv
import fcntl
import io
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import pytest

from analytics import queries
from analytics.context import WarehouseInfo
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from demo import write_sample
from etl import pipeline
from etl.contract import DATASETS, dataset_for_file
from settings import WAREHOUSE_ENV

if TYPE_CHECKING:
    from playwright.sync_api import Page

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"
# The page scripts as dashboard.py declares them (st.Page("views/x.py", ...)), in menu order.
PAGE_SCRIPTS = re.findall(r"st\.Page\(\s*\"([^\"]+\.py)\"", DASHBOARD.read_text())
DEFAULT_PAGE = re.search(r"st\.Page\(\s*\"([^\"]+\.py)\"[^\n]*default=True", DASHBOARD.read_text()).group(1)
# The URL path of every page: the default page is the root.
PAGE_PATHS = tuple("" if s == DEFAULT_PAGE else Path(s).stem for s in PAGE_SCRIPTS)

NIP_A = "198503122010011001"
NIP_B = "199001012015032002"
NIP_C = "197805052005011003"


def csv_bytes(dataset: str, rows: list[dict]) -> bytes:
    """Return rows of `dataset` as a comma CSV with the contract's header (what an upload sends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c.name for c in DATASETS[dataset].columns], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in writer.fieldnames})
    return out.getvalue().encode()


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


SCORECARD_NIP = {k: f"19800101200001100{i}" for i, k in enumerate("ABCDE")}


def scorecard_rows() -> dict[str, list[dict]]:
    """Return the rows of the scorecard fixture (scorecard_warehouse), small enough to compute the scorecard by
    hand: tests/test_scorecard.py checks ringkasan_kota_tahun against what follows.

    People (kota, jenis, active years within 2022-2024):
      A Pontianak PNS, since 2010                      -> active 2022, 2023, 2024
      B Pontianak PNS, left 2023-12-31                 -> active 2022 only (must leave *after* 31 Dec)
      C Pontianak PPPK, since 2024-06-01               -> active 2024
      D Pontianak PNS, since 2025-01-01                -> never active in range
      E Jambi PNS, since 2000                          -> active 2022, 2023, 2024
    Activities (organiser, year of tanggal_selesai, jp, biaya):
      P1 Pontianak 2024 24 JP Rp 4.800.000: A lulus, B lulus, C tidak_lulus
      P2 Jambi     2024 10 JP Rp 1.000.000: A lulus, E lulus      (A earns JP from another city)
      P3 Pontianak 2024  8 JP Rp 0 (ends 2024-01-05, started 2023): A lulus, C lulus
      P4 Pontianak 2023 30 JP Rp 3.000.000: B lulus, E tidak_hadir
    JP earned 2024: A 42, B 24, C 8, E 10. 2023: B 30.
    """
    return {
        "kota": [
            {"kota": "Pontianak", "provinsi": "Kalimantan Barat"},
            {"kota": "Jambi", "provinsi": "Jambi"},
            {"kota": "Bukittinggi", "provinsi": "Sumatera Barat"},
        ],
        "pegawai": [
            pegawai(SCORECARD_NIP["A"]),
            pegawai(SCORECARD_NIP["B"], tanggal_keluar="2023-12-31"),
            pegawai(SCORECARD_NIP["C"], jenis_asn="PPPK", golongan="", tmt_masuk="2024-06-01"),
            pegawai(SCORECARD_NIP["D"], tmt_masuk="2025-01-01"),
            pegawai(SCORECARD_NIP["E"], kota="Jambi", tmt_masuk="2000-01-01"),
        ],
        "program": [
            program("P1", tanggal_mulai="2024-03-01", tanggal_selesai="2024-03-03", jp="24", biaya="4800000"),
            program(
                "P2", kota="Jambi", tanggal_mulai="2024-05-01", tanggal_selesai="2024-05-01", jp="10", biaya="1000000"
            ),
            program(
                "P3",
                jalur="nonklasikal",
                jenis="e-learning",
                tanggal_mulai="2023-12-20",
                tanggal_selesai="2024-01-05",
                jp="8",
                biaya="0",
            ),
            program("P4", tanggal_mulai="2023-06-01", tanggal_selesai="2023-06-01", jp="30", biaya="3000000"),
        ],
        "peserta": [
            {"kode_program": "P1", "nip": SCORECARD_NIP["A"], "status": "lulus"},
            {"kode_program": "P1", "nip": SCORECARD_NIP["B"], "status": "lulus"},
            {"kode_program": "P1", "nip": SCORECARD_NIP["C"], "status": "tidak_lulus"},
            {"kode_program": "P2", "nip": SCORECARD_NIP["A"], "status": "lulus"},
            {"kode_program": "P2", "nip": SCORECARD_NIP["E"], "status": "lulus"},
            {"kode_program": "P3", "nip": SCORECARD_NIP["A"], "status": "lulus"},
            {"kode_program": "P3", "nip": SCORECARD_NIP["C"], "status": "lulus"},
            {"kode_program": "P4", "nip": SCORECARD_NIP["B"], "status": "lulus"},
            {"kode_program": "P4", "nip": SCORECARD_NIP["E"], "status": "tidak_hadir"},
        ],
        "anggaran": [
            {
                "kota": "Pontianak",
                "tahun": "2022",
                "kegiatan": "Diklat Teknis",
                "sumber_dana": "APBD",
                "pagu": "1000000000",
                "realisasi": "900000000",
            },
            {
                "kota": "Pontianak",
                "tahun": "2022",
                "kegiatan": "Diklat Teknis",
                "sumber_dana": "Hibah",
                "pagu": "200000000",
                "realisasi": "100000000",
            },
            {
                "kota": "Jambi",
                "tahun": "2024",
                "kegiatan": "Diklat Teknis",
                "sumber_dana": "APBD",
                "pagu": "0",
                "realisasi": "0",
            },
        ],
        "survei_kepuasan": [
            {
                "kota": "Pontianak",
                "opd": "Disdukcapil",
                "tanggal": "2024-05-01",
                **{f"u{i}": "4" for i in range(1, 10)},
            },
            {"kota": "Pontianak", "opd": "Disdukcapil", "tanggal": "2024-05-02", **{f"u{i}": "3" for i in range(1, 9)}},
            {
                "kota": "Pontianak",
                "opd": "RSUD",
                "tanggal": "2024-06-01",
                **{f"u{i}": "2" for i in range(1, 9)},
                "u9": "4",
            },
            {"kota": "Jambi", "opd": "Disdukcapil", "tanggal": "2024-05-01", "u1": "4"},
        ],
        "penilaian_kinerja": [
            {"nip": SCORECARD_NIP["A"], "tahun": "2024", "predikat": "Sangat Baik"},
            {"nip": SCORECARD_NIP["C"], "tahun": "2024", "predikat": "Baik"},
            {"nip": SCORECARD_NIP["B"], "tahun": "2023", "predikat": "Baik"},
            {"nip": SCORECARD_NIP["E"], "tahun": "2024", "predikat": "Sangat Baik"},
        ],
    }


def write_folder(folder: Path, rows: dict[str, list[dict]]) -> Path:
    """Write one CSV per dataset into folder and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, dataset_rows in rows.items():
        write_csv(folder, f"{name}.csv", dataset_rows)
    return folder


HAND_SCORECARD_COLUMNS = [
    "kota",
    "tahun",
    "jumlah_pns",
    "pns_memenuhi_20jp",
    "persen_20jp",
    "jp_per_asn",
    "pagu",
    "realisasi",
    "persen_serapan",
    "biaya_per_jp",
    "ikm",
    "mutu_ikm",
    "jumlah_responden_ikm",
    "persen_sangat_baik",
]


def hand_scorecard() -> pd.DataFrame:
    """Return a released scorecard of three cities and two years, made by hand: the numbers below are what the
    findings, tiles and comparisons must say (tests/test_findings.py, tests/test_city_tiles.py)."""
    rows = [
        ("Jambi", 2023, 100, 40, 40.0, 20.0, 1_600_000_000, 1_500_000_000, 93.7, 50_744.0, 80.0, "B", 300, 10.0),
        ("Jambi", 2024, 100, 41, 41.0, 18.5, 1_600_000_000, 1_380_000_000, 86.4, 50_000.0, 80.5, "B", 320, 12.5),
        ("Makassar", 2023, 200, 100, 50.0, 30.0, 2_000_000_000, 1_800_000_000, 90.0, 160_000.0, 89.0, "A", 500, 20.0),
        ("Makassar", 2024, 200, 118, 59.0, 31.0, 1_234_000_000, 931_670_000, 75.5, 150_000.0, 90.12, "A", 510, 21.0),
        ("Pontianak", 2023, 50, 26, 52.0, 25.0, 1_000_000_000, 900_000_000, 90.0, 90_000.0, 71.0, "C", 200, 15.0),
        ("Pontianak", 2024, 50, 25, 50.0, 26.0, 1_000_000_000, 881_000_000, 88.1, 100_000.0, 70.0, "C", 210, 14.0),
    ]
    return pd.DataFrame(rows, columns=HAND_SCORECARD_COLUMNS)


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
    """Run a read-only query on a warehouse file and return all rows. DuckDB refuses a second connection to a
    file with another configuration in one process, and an earlier test of the same worker may still hold one:
    a page run (the app's configuration, open_warehouse) or a load (DuckDB's default). It opens the file the
    way that is already open."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.ConnectionException:
        con = open_warehouse(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """Return the folder `name` that `build(folder)` fills, built once per test run: with parallel workers
    (pytest-xdist) the first worker to ask builds it in the run's shared temporary folder, holding a lock, and
    the others wait for it and read the same files. Read such a folder, never write into it."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if "PYTEST_XDIST_WORKER" in os.environ else base  # with workers: one per run, shared
    folder, done = shared / name, shared / f"{name}.selesai"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int, float], Path]:
    """Session scope. Yields a function (seed, scale) -> a synthetic source folder that demo.write_sample
    writes once per test run for each (seed, scale) (built_once); read the folders, never write into them."""

    def get(seed: int, scale: float) -> Path:
        made = built_once(
            tmp_path_factory, f"demo_{seed}_{scale}", lambda f: write_sample(f / "sumber", seed=seed, scale=scale)
        )
        return made / "sumber"

    return get


@pytest.fixture(scope="session")
def sample_warehouse(
    tmp_path_factory: pytest.TempPathFactory, sample_source: Callable[[int, float], Path]
) -> Callable[[int, float], Path]:
    """Session scope. Yields a function (seed, scale) -> the warehouse the real pipeline builds from
    sample_source(seed, scale), once per test run for each (seed, scale) (built_once), after checking the load
    is ok without errors; read it, never load into it."""

    def build(folder: Path, source: Path) -> None:
        report = pipeline.load(source, folder / "warehouse.duckdb")
        assert report.status == "ok" and report.errors == []

    def get(seed: int, scale: float) -> Path:
        source = sample_source(seed, scale)
        made = built_once(tmp_path_factory, f"gudang_{seed}_{scale}", lambda f: build(f, source))
        return made / "warehouse.duckdb"

    return get


@pytest.fixture(scope="session")
def demo_source(sample_source: Callable[[int, float], Path]) -> Path:
    """Session scope. Yields the small synthetic source folder of the demo generator (seed 7, scale 0.03)."""
    return sample_source(7, 0.03)


@pytest.fixture(scope="session")
def demo_warehouse(sample_warehouse: Callable[[int, float], Path]) -> Path:
    """Session scope. Yields the warehouse the real pipeline builds from demo_source; read it, never load into it."""
    return sample_warehouse(7, 0.03)


def _fixture_warehouse(folder: Path, rows: dict[str, list[dict]], clean: bool) -> None:
    """Load `rows` with the real pipeline into folder/gudang/warehouse.duckdb; assert it loaded (and, when
    `clean`, that nothing was rejected)."""
    report, _ = load_rows(folder, rows)
    assert report.status == "ok" and report.errors == []
    assert not clean or sum(d["rows_rejected"] for d in report.datasets.values()) == 0


@pytest.fixture(scope="session")
def scorecard_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Session scope. Yields the warehouse the real pipeline builds from the hand-computed scorecard_rows(),
    after checking nothing was rejected; read it, never load into it."""
    made = built_once(tmp_path_factory, "scorecard", lambda f: _fixture_warehouse(f, scorecard_rows(), clean=True))
    return made / "gudang" / "warehouse.duckdb"


@pytest.fixture(scope="session")
def minimal_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Session scope. Yields the warehouse the real pipeline builds from minimal_rows() (two cities, three
    employees), after checking the load is ok; read it, never load into it."""
    made = built_once(tmp_path_factory, "minimal", lambda f: _fixture_warehouse(f, minimal_rows(), clean=False))
    return made / "gudang" / "warehouse.duckdb"


# The warehouse a module reads, and what is read from it once per module. A module that reads another
# warehouse than the demo one overrides `warehouse` with a module-scoped fixture of its own; `con`, `info`,
# `everything` and `ringkasan` then read that one.


@pytest.fixture(scope="module")
def warehouse(demo_warehouse: Path) -> Path:
    """Module scope. Yields the path of the warehouse this module reads: demo_warehouse unless the module
    overrides this fixture."""
    return demo_warehouse


@pytest.fixture(scope="module")
def con(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Module scope. Yields a read-only connection to `warehouse` with the app's settings
    (analytics.db.open_warehouse), closed after the module."""
    connection = open_warehouse(warehouse)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def info(con: duckdb.DuckDBPyConnection) -> dict:
    """Module scope. Yields queries.warehouse_info of `warehouse`: its cities, years and filter values."""
    return queries.warehouse_info(con)


@pytest.fixture(scope="module")
def everything(info: WarehouseInfo) -> Filters:
    """Module scope. Yields the filters that select every city and every year of `warehouse`."""
    return Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])


@pytest.fixture(scope="module")
def ringkasan(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Module scope. Yields the scorecard of `warehouse` straight from its mart ringkasan_kota_tahun (ordered by
    kota, tahun), not through the code under test."""
    return con.execute("SELECT * FROM ringkasan_kota_tahun ORDER BY kota, tahun").df()


@pytest.fixture(scope="module")
def server(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Module scope. Serves the dashboard on `warehouse` with `streamlit run` for the rest of the module
    (tests/real_browser.py) and yields its base URL; stopped after the module."""
    from real_browser import serve  # here, not at the top: only the browser tests import Playwright

    with serve(warehouse, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    """Module scope. Yields a page of a headless Chromium driven by Playwright (tests/real_browser.py), closed
    after the module."""
    from real_browser import chromium_page

    with chromium_page() as page:
        yield page


@pytest.fixture(scope="module")
def app_environment(warehouse: Path) -> Iterator[None]:
    """Module scope. Points the app at `warehouse` ($ASN_WAREHOUSE) from the project folder for the rest of the
    module, and restores both after it. Modules that run the app use it through
    `pytestmark = pytest.mark.usefixtures("app_environment")`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WAREHOUSE_ENV, str(warehouse))
        mp.chdir(DASHBOARD.parent)
        yield


def released(df: pd.DataFrame) -> pd.DataFrame:
    """Return a hand-made frame as the guarded path (analytics.privacy.release) would release it: the
    small-group rule applied with what the query declarations say of its columns (every declaration that
    names a column counts), so chart builders and tables get '<5' where the pages would have it."""
    from analytics import privacy
    from analytics.queries.declare import DECLARATIONS

    rules = [release.rules_of(d) for d in DECLARATIONS.values()]
    union = privacy.Rules(
        frozenset().union(*(r.counts for r in rules)),
        tuple(dict(kv for r in rules for kv in r.implied).items()),
        tuple(dict(kv for r in rules for kv in r.derived).items()),
        tuple(dict.fromkeys(p for r in rules for p in r.partitions)),
    )
    return privacy.suppress(df, rules=union)


# Extra arguments of the query functions that take more than (con, f), for tests that run every query.
QUERY_ARGS = {
    "compliance_by": ("opd",),
    "compliance_trend": ("opd",),
    "training_comparison": (1,),
    "what_if": (10.0, (("klasikal", 1.0),), "terdekat"),
    "what_if_curve": (None, "terdekat"),
}
