"""The load as a whole: idempotence, run history, atomic swap, failures, personal data, folder shape."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import NIP_A, NIP_B, NIP_C, minimal_rows, pegawai, program, query, write_csv, write_folder

from etl import pipeline, scratch
from etl.contract import DATASETS
from etl.pseudonym import key_file

PROJECT = Path(__file__).resolve().parent.parent
RUN_TABLES = {"etl_runs", "etl_run_files"}

NIP_D = "198807072012122004"  # a pegawai row that is rejected, with a name
NAMES = ["Budi Santoso", "Siti Aminah", "Rahmat Hidayat", "Dewi Lestari"]
GROUPED = "19850312 201001 1 001"  # NIP_A as people write it
KOMENTAR = f"Narasumber dengan NIP {NIP_B} sangat baik"
RINGKASAN = f"Laporan pegawai {GROUPED} soal antrean"


@pytest.fixture(autouse=True)
def no_key_in_environment(monkeypatch):
    """The pseudonym key comes from the key file beside the warehouse unless a test says otherwise."""
    monkeypatch.delenv("ASN_PSEUDONYM_KEY", raising=False)


def full_rows() -> dict[str, list[dict]]:
    """Return a folder with every dataset, a few rejected rows, and NIPs inside free text."""
    rows = minimal_rows()
    rows["pegawai"].append(pegawai(NIP_D, nama="Dewi Lestari", tahun_lahir="abc"))
    rows["peserta"] += [
        {"kode_program": "PTK-2024-0001", "nip": GROUPED, "status": "lulus"},  # duplicate of NIP_A
        {"kode_program": "PTK-2024-0001", "nip": "19780505200501100", "status": "lulus"},  # 17 digits
        {"kode_program": "PTK-2024-0001", "nip": NIP_D, "status": "lulus"},  # its pegawai was rejected
    ]
    rows["apbd"] = [{"kota": "Pontianak", "tahun": "2024", "belanja_daerah": "2500000000000"}]
    rows["penilaian_kinerja"] = [
        {"nip": NIP_A, "tahun": "2024", "predikat": "Baik"},
        {"nip": NIP_C, "tahun": "2024", "predikat": "Sangat Baik"},
    ]
    rows["anggaran"] = [
        {
            "kota": "Pontianak",
            "tahun": "2024",
            "kegiatan": "Bimtek",
            "sumber_dana": "APBD",
            "pagu": "10000000",
            "realisasi": "8000000",
        }
    ]
    rows["umpan_balik_pelatihan"] = [
        {
            "kode_program": "PTK-2024-0001",
            "tanggal": "2024-03-03",
            "skor_materi": "4",
            "skor_pengajar": "5",
            "skor_penyelenggaraan": "4",
            "skor_manfaat": "5",
            "komentar": KOMENTAR,
        }
    ]
    rows["survei_kepuasan"] = [
        {"kota": "Jambi", "opd": "Dinas Kesehatan", "tanggal": "2024-06-01", **{f"u{i}": "3" for i in range(1, 10)}}
    ]
    rows["aspirasi"] = [
        {
            "kota": "Pontianak",
            "tanggal": "2024-05-01",
            "saluran": "aplikasi",
            "kategori": "pelayanan",
            "sentimen": "negatif",
            "ringkasan": RINGKASAN,
        }
    ]
    rows["mentoring"] = [
        {"nip_mentor": NIP_A, "nip_mentee": NIP_B, "tanggal_mulai": "2024-01-15", "jumlah_sesi": "6"},
        {"nip_mentor": NIP_A, "nip_mentee": NIP_A, "tanggal_mulai": "2024-01-15", "jumlah_sesi": "2"},
    ]
    rows["penghargaan"] = [{"nip": NIP_C, "tahun": "2024", "kategori": "ASN Berprestasi"}]
    return rows


def write_full_folder(folder: Path) -> Path:
    write_folder(folder, full_rows())
    with (folder / "peserta.csv").open("a") as fh:  # a line with one column too many
        fh.write(f"PTK-2024-0001,{NIP_C},lulus,70,80,kolom lebih\n")
    return folder


def contents(db: Path) -> dict[str, list[tuple]]:
    """Return the sorted rows of every table and view of a warehouse, except the run history."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()]
        names += [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        return {n: sorted(con.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names if n not in RUN_TABLES}
    finally:
        con.close()


def every_value(db: Path) -> list[tuple[str, str, str]]:
    """Return (table, column, value as text) for every non-null cell of every table and view."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()]
        names += [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        cells = []
        for name in names:
            cursor = con.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cursor.description]
            for row in cursor.fetchall():
                cells += [(name, c, str(v)) for c, v in zip(columns, row, strict=True) if v is not None]
        return cells
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ids_by_line(db: Path) -> dict[int, str]:
    return dict(query(db, "SELECT _line, id_pegawai FROM raw_pegawai"))


# ---------------------------------------------------------------------------------------------
# Loading the same folder twice


class Twice:
    def __init__(self, folder: Path, db: Path):
        self.folder, self.db = folder, db
        self.reports = [pipeline.load(folder, db)]
        self.first = contents(db)
        self.first_ids = ids_by_line(db)
        self.reports.append(pipeline.load(folder, db))


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> Twice:
    base = tmp_path_factory.mktemp("dua_kali")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ASN_PSEUDONYM_KEY", raising=False)
        loaded = Twice(write_full_folder(base / "sumber"), base / "gudang" / "warehouse.duckdb")
    assert [r.status for r in loaded.reports] == ["ok", "ok"]
    return loaded


def test_loading_the_same_folder_twice_gives_the_same_warehouse(twice):
    second = contents(twice.db)
    assert {"raw_pegawai", "stg_pegawai", "etl_rejects", "ringkasan_kota_tahun"} <= set(second)
    assert second["raw_pegawai"] and second["etl_rejects"]
    assert second == twice.first


def test_every_load_adds_a_row_to_etl_runs_and_keeps_the_history(twice):
    runs = query(twice.db, "SELECT run_id, outcome, source FROM etl_runs ORDER BY started_at_utc")
    assert [r[0] for r in runs] == [r.run_id for r in twice.reports]
    assert [r[1] for r in runs] == ["ok", "ok"]
    assert {r[2] for r in runs} == {str(twice.folder)}


def test_etl_runs_records_times_durations_and_row_counts(twice):
    rows = query(
        twice.db,
        "SELECT started_at_utc <= finished_at_utc, duration_s >= 0, rows_read, rows_loaded, rows_rejected"
        " FROM etl_runs",
    )
    read = sum(d["rows_read"] for d in twice.reports[-1].datasets.values())
    loaded = sum(d["rows_loaded"] for d in twice.reports[-1].datasets.values())
    rejected = sum(d["rows_rejected"] for d in twice.reports[-1].datasets.values())
    assert rows == [(True, True, read, loaded, rejected)] * 2
    assert read == loaded + rejected


def test_etl_run_files_records_sha256_and_row_counts_of_every_file(twice):
    run_id = twice.reports[-1].run_id
    rows = query(
        twice.db,
        "SELECT file, dataset, sha256, rows_read, rows_loaded, rows_rejected FROM etl_run_files WHERE run_id = ?",
        [run_id],
    )
    files = sorted(p.name for p in twice.folder.iterdir())
    assert sorted(r[0] for r in rows) == files
    for file, dataset, digest, read, loaded, rejected in rows:
        assert digest == sha256(twice.folder / file)
        assert read == loaded + rejected
        assert query(twice.db, f"SELECT count(*) FROM raw_{dataset} WHERE _file = ?", [file]) == [(loaded,)]
    by_file = {r[0]: r[3:] for r in rows}
    assert by_file["peserta.csv"] == (6, 2, 4)
    assert by_file["pegawai.csv"] == (4, 3, 1)


def test_etl_run_files_keeps_the_files_of_earlier_runs(twice):
    per_run = query(twice.db, "SELECT run_id, count(*) FROM etl_run_files GROUP BY run_id")
    assert len(per_run) == 2
    assert per_run[0][1] == per_run[1][1] == len(list(twice.folder.iterdir()))


def test_a_load_leaves_no_temporary_files_beside_the_warehouse(twice):
    kept = [twice.db.name, key_file(twice.db).name, scratch.lock_path(twice.db).name]  # the writer's lock stays
    assert sorted(p.name for p in twice.db.parent.iterdir()) == sorted(kept)
    assert scratch.lock_path(twice.db).read_text() == ""  # released: nobody is named as writing


# ---------------------------------------------------------------------------------------------
# Personal data


def test_no_nip_or_name_appears_anywhere_in_the_warehouse(twice):
    secrets = [NIP_A, NIP_B, NIP_C, NIP_D, GROUPED, "19780505200501100", *NAMES, "Nama Contoh"]
    leaks = [(t, c, v) for t, c, v in every_value(twice.db) for s in secrets if s in v]
    assert leaks == []


def test_rejected_rows_keep_their_raw_values_without_nip_or_name(twice):
    raw = [r[0] for r in query(twice.db, "SELECT raw_values FROM etl_rejects WHERE raw_values IS NOT NULL")]
    assert len(raw) >= 5
    for text in raw:
        assert not any(s in text for s in (NIP_A, NIP_B, NIP_C, NIP_D, GROUPED, *NAMES))
    pegawai_raw = query(twice.db, "SELECT raw_values FROM etl_rejects WHERE dataset = 'pegawai'")
    assert pegawai_raw
    assert all("nama" not in json.loads(r[0]) for r in pegawai_raw)


def test_nip_in_a_swapped_column_is_not_stored_anywhere(tmp_path):
    rows = minimal_rows()
    # Columns swapped by hand: the NIP landed in kode_program, and a NIP in a city column.
    rows["peserta"].append({"kode_program": NIP_C, "nip": "PTK-2024-0001", "status": "lulus"})
    rows["pegawai"].append(pegawai("197001011995031001", kota=NIP_B))
    folder = write_folder(tmp_path / "sumber", rows)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok"
    leaks = [(t, c, v) for t, c, v in every_value(db) if NIP_B in v or NIP_C in v]
    assert leaks == []


@pytest.mark.parametrize(
    ("table", "column", "kept"),
    [
        ("raw_umpan_balik_pelatihan", "komentar", "sangat baik"),
        ("stg_umpan_balik_pelatihan", "komentar", "sangat baik"),
        ("raw_aspirasi", "ringkasan", "soal antrean"),
        ("stg_aspirasi", "ringkasan", "soal antrean"),
    ],
)
def test_nip_inside_free_text_is_masked(twice, table, column, kept):
    (value,) = [r[0] for r in query(twice.db, f"SELECT {column} FROM {table}")]
    assert NIP_B not in value
    assert GROUPED not in value
    assert NIP_A not in value
    assert kept in value


def test_pseudonym_key_file_is_created_beside_the_warehouse_readable_by_its_owner_only(twice):
    path = key_file(twice.db)
    assert path.parent == twice.db.parent
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip()


def test_pseudonym_secret_is_not_stored_in_the_warehouse(twice):
    secret = key_file(twice.db).read_text().strip()
    assert [(t, c) for t, c, v in every_value(twice.db) if secret in v] == []


def test_id_pegawai_is_stable_across_loads_with_the_same_key_file(twice):
    assert ids_by_line(twice.db) == twice.first_ids
    assert len(set(twice.first_ids.values())) == 3


def test_id_pegawai_is_the_same_in_every_table_that_names_the_employee(twice):
    pegawai_a = query(twice.db, "SELECT id_pegawai FROM raw_pegawai WHERE _line = 2")
    assert query(twice.db, "SELECT id_pegawai FROM raw_peserta WHERE _line = 2") == pegawai_a
    assert query(twice.db, "SELECT id_mentor FROM raw_mentoring") == pegawai_a


def test_id_pegawai_changes_with_a_different_pseudonym_key(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    ids = []
    for secret in ("kunci-rahasia-satu-yang-cukup-panjang", "kunci-rahasia-dua-yang-cukup-panjang"):
        monkeypatch.setenv("ASN_PSEUDONYM_KEY", secret)
        db = tmp_path / secret / "warehouse.duckdb"
        assert pipeline.load(folder, db).status == "ok"
        ids.append(ids_by_line(db))
    assert ids[0].keys() == ids[1].keys() == {2, 3, 4}
    assert all(ids[0][line] != ids[1][line] for line in ids[0])


# ---------------------------------------------------------------------------------------------
# Atomic swap and failed loads


def test_reader_holding_the_old_warehouse_keeps_old_data_until_it_reconnects(tmp_path, db_path):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    assert pipeline.load(folder, db_path).status == "ok"
    reader = duckdb.connect(str(db_path), read_only=True)
    try:
        old = "SELECT (SELECT count(*) FROM raw_pegawai), (SELECT sum(jumlah_asn) FROM ringkasan_kota_tahun)"
        assert reader.execute(old).fetchall() == [(3, 3)]

        rows = minimal_rows()
        rows["pegawai"] += [pegawai("197001011995031001"), pegawai("197001011995031002", kota="Jambi")]
        write_folder(folder, rows)
        env = {**os.environ, "ASN_WAREHOUSE": str(tmp_path / "tidak_dipakai.duckdb")}
        env.pop("ASN_PSEUDONYM_KEY", None)
        done = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(folder), "--db", str(db_path)],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr

        assert reader.execute(old).fetchall() == [(3, 3)]
    finally:
        reader.close()
    assert query(db_path, old) == [(5, 5)]


def break_missing_column(folder: Path) -> None:
    write_csv(folder, "pegawai.csv", [pegawai(NIP_A)], columns=["nip", "nama", "kota"])


def break_missing_kota(folder: Path) -> None:
    (folder / "kota.csv").unlink()


def break_unreadable_xlsx(folder: Path) -> None:
    (folder / "program_2025.xlsx").write_bytes(b"ini bukan file Excel")


def break_empty_csv(folder: Path) -> None:
    (folder / "peserta.csv").write_bytes(b"")


FILE_PROBLEMS = [
    (break_missing_column, "pegawai.csv", "opd"),
    (break_missing_kota, "kota", "kota"),
    (break_unreadable_xlsx, "program_2025.xlsx", "Excel"),
    (break_empty_csv, "peserta.csv", "kosong"),
]


@pytest.fixture(scope="module")
def small_load(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    """A folder with only kota, pegawai and program, plus two files that belong to no dataset."""
    base = tmp_path_factory.mktemp("kecil")
    rows = {name: r for name, r in minimal_rows().items() if name in ("kota", "pegawai", "program")}
    folder = write_folder(base / "sumber", rows)
    write_csv(folder, "kotak.csv", [{"kota": "Medan", "provinsi": "Sumatera Utara"}], columns=["kota", "provinsi"])
    (folder / "catatan.txt").write_text("catatan rapat\n")
    db = base / "gudang" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("ASN_PSEUDONYM_KEY", raising=False)
        report = pipeline.load(folder, db)
    assert report.status == "ok", report.errors
    return report, db


@pytest.mark.parametrize(("breaks", "file", "word"), FILE_PROBLEMS, ids=lambda v: getattr(v, "__name__", None))
def test_failed_load_leaves_the_existing_warehouse_byte_identical(tmp_path, small_load, breaks, file, word):
    warehouse = shutil.copytree(small_load[1].parent, tmp_path / "gudang")
    db = warehouse / "warehouse.duckdb"
    before = {p.name: sha256(p) for p in warehouse.iterdir()}
    rows = minimal_rows()
    rows["program"].append(program("PTK-2024-0002"))
    folder = write_folder(tmp_path / "sumber", rows)
    breaks(folder)

    report = pipeline.load(folder, db)

    assert report.status == "failed"
    assert any(file in e["file"] and word in e["message"] for e in report.errors), report.errors
    assert {p.name: sha256(p) for p in warehouse.iterdir()} == before


# ---------------------------------------------------------------------------------------------
# Folder shape


def test_absent_optional_datasets_load_as_empty_tables(small_load):
    report, db = small_load
    optional = [name for name, d in DATASETS.items() if not d.required and name != "program"]
    assert len(optional) == 12
    assert all(report.datasets[name]["files"] == 0 for name in optional)
    counts = " UNION ALL ".join(
        f"SELECT '{t}_{name}', count(*) FROM {t}_{name}" for name in optional for t in ("raw", "stg")
    )
    assert [(table, n) for table, n in query(db, counts) if n] == []
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(3,)]


def test_scorecard_shows_empty_values_for_absent_optional_datasets(small_load):
    _, db = small_load
    rows = query(
        db,
        "SELECT kota, tahun, jumlah_asn, jp_total, pagu, persen_serapan, ikm, persen_sangat_baik"
        " FROM ringkasan_kota_tahun ORDER BY kota",
    )
    assert rows == [("Jambi", 2024, 1, 0, None, None, None, None), ("Pontianak", 2024, 2, 0, None, None, None, None)]


def test_a_fifth_city_in_kota_appears_in_the_scorecard(tmp_path):
    rows = minimal_rows()
    rows["kota"] = [
        {"kota": "Pontianak", "provinsi": "Kalimantan Barat"},
        {"kota": "Makassar", "provinsi": "Sulawesi Selatan"},
        {"kota": "Bukittinggi", "provinsi": "Sumatera Barat"},
        {"kota": "Jambi", "provinsi": "Jambi"},
        {"kota": "Medan", "provinsi": "Sumatera Utara"},
    ]
    rows["pegawai"] += [pegawai("197001011995031001", kota="Medan"), pegawai("197001011995031002", kota="Kota Medan")]
    rows["program"].append(program("MDN-2024-0001", kota="Medan"))
    db = tmp_path / "g" / "w.duckdb"
    assert pipeline.load(write_folder(tmp_path / "sumber", rows), db).status == "ok"
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    assert query(db, "SELECT kota FROM ringkasan_kota_tahun ORDER BY kota") == [
        ("Bukittinggi",),
        ("Jambi",),
        ("Makassar",),
        ("Medan",),
        ("Pontianak",),
    ]
    assert query(db, "SELECT jumlah_asn, biaya_kegiatan FROM ringkasan_kota_tahun WHERE kota = 'Medan'") == [
        (2, 4800000)
    ]


def test_file_that_belongs_to_no_dataset_is_reported_and_not_loaded(small_load):
    report, db = small_load
    assert sorted(report.ignored_files) == ["catatan.txt", "kotak.csv"]
    assert query(db, "SELECT kota FROM raw_kota ORDER BY kota") == [("Jambi",), ("Pontianak",)]
    assert sorted(json.loads(query(db, "SELECT ignored_files FROM etl_runs")[0][0])) == ["catatan.txt", "kotak.csv"]
    assert {r[0] for r in query(db, "SELECT file FROM etl_run_files")} == {"kota.csv", "pegawai.csv", "program.csv"}
