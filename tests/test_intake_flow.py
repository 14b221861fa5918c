"""Templates, the upload workflow (preview, rejects file, commit into the source folder) and kept
warehouses, through the real pipeline on folders the tests write."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import NIP_A, NIP_B, minimal_rows, pegawai, query, write_folder

import settings
from etl import backup, intake, pipeline
from etl.contract import DATASETS, VOCAB
from etl.templates import templates_zip, write_templates

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fixed_key(monkeypatch):
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-alur-rahasia-uji-yang-cukup-panjang")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(write_templates(tmp_path_factory.mktemp("templat"))[0]).parent


def test_templates_command_writes_an_xlsx_and_a_csv_for_every_dataset(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "etl", "templates", "--out", str(tmp_path / "t")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "t").iterdir())
    assert names == sorted(f"{d}{s}" for d in DATASETS for s in (".xlsx", ".csv"))


@pytest.mark.parametrize("name", list(DATASETS))
def test_xlsx_template_has_header_example_guide_and_a_drop_down_per_vocabulary(templates, name):
    book = openpyxl.load_workbook(templates / f"{name}.xlsx")
    data = book["data"]
    columns = [c.name for c in DATASETS[name].columns]
    assert [c.value for c in data[1]] == columns
    assert all(c.value is not None for c, col in zip(data[2], DATASETS[name].columns, strict=True) if col.required)
    guide = [[c.value for c in row] for row in book["petunjuk"].iter_rows(min_row=5)]
    assert [r[0] for r in guide] == columns
    assert all(r[1] in ("ya", "tidak") and r[2] for r in guide)
    vocab = [i for i, c in enumerate(DATASETS[name].columns) if c.kind == VOCAB]
    validated = {
        str(rng).split(":")[0].rstrip("0123456789")
        for dv in data.data_validations.dataValidation
        for rng in dv.sqref.ranges
    }
    assert validated == {openpyxl.utils.get_column_letter(i + 1) for i in vocab}


def test_a_folder_of_unfilled_templates_loads_its_example_rows(templates, tmp_path):
    folder = tmp_path / "sumber"
    folder.mkdir()
    for p in templates.glob("*.xlsx"):
        (folder / p.name).write_bytes(p.read_bytes())
    report = pipeline.load(folder, tmp_path / "g" / "w.duckdb")
    assert report.status == "ok", report.errors
    loaded = {n: d["rows_loaded"] for n, d in report.datasets.items()}
    assert loaded == {n: 0 if n == "mentoring" else 1 for n in DATASETS}  # its mentee is not in pegawai
    assert [r["column"] for r in report.reject_examples] == ["nip_mentee"]


def test_filled_templates_load_exactly_as_the_csv_folder(templates, tmp_path):
    rows = minimal_rows()
    folder = tmp_path / "isi"
    folder.mkdir()
    for name, dataset_rows in rows.items():
        book = openpyxl.load_workbook(templates / f"{name}.xlsx")
        sheet = book["data"]
        sheet.delete_rows(2)
        header = [c.value for c in sheet[1]]
        for row in dataset_rows:
            sheet.append([row.get(h) or None for h in header])
        book.save(folder / f"{name}.xlsx")
    via_templates = pipeline.load(folder, tmp_path / "a" / "w.duckdb")
    via_csv = pipeline.load(write_folder(tmp_path / "csv", rows), tmp_path / "b" / "w.duckdb")
    assert via_templates.datasets == via_csv.datasets
    sql = "SELECT * EXCLUDE (_file) FROM raw_peserta ORDER BY _line"
    assert query(tmp_path / "a" / "w.duckdb", sql) == query(tmp_path / "b" / "w.duckdb", sql)


def test_the_templates_zip_holds_every_template():
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(templates_zip())).namelist()
    assert sorted(names) == sorted([f"xlsx/{d}.xlsx" for d in DATASETS] + [f"csv/{d}.csv" for d in DATASETS])


# ---------------------------------------------------------------------------------------------
# Preview, rejects file and commit


def csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    lines = [";".join(columns)] + [";".join(r.get(c, "") for c in columns) for r in rows]
    return ("\n".join(lines) + "\n").encode()


PEGAWAI_COLUMNS = [c.name for c in DATASETS["pegawai"].columns]


def test_preview_counts_rejects_and_writes_nothing(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    upload = csv_bytes(
        [pegawai(NIP_A, nama="Budi Santoso"), pegawai(NIP_B, nama="Siti", jenis_asn="Honorer")], PEGAWAI_COLUMNS
    )
    preview = intake.preview([("pegawai.csv", upload), ("catatan.csv", b"x\n")], source)
    assert preview.uploads == {"pegawai.csv": "pegawai", "catatan.csv": None}
    assert preview.replaced == ["pegawai.csv"]
    assert preview.can_load
    counts = preview.datasets().set_index("dataset").loc["pegawai"]
    assert (counts["rows_read"], counts["rows_loaded"], counts["rows_rejected"]) == (2, 1, 1)
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before


def test_rejects_xlsx_puts_the_reason_next_to_the_values_without_nip_or_name(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    upload = csv_bytes([pegawai(NIP_B, nama="Siti Aminah", jenis_asn="Honorer", tahun_lahir="abc")], PEGAWAI_COLUMNS)
    preview = intake.preview([("pegawai.csv", upload)], source)
    book = openpyxl.load_workbook(io.BytesIO(preview.rejects_xlsx()))
    sheet = book["pegawai"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["berkas", "baris", "kolom", "alasan"]
    assert "nama" not in header
    (row,) = [dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert (row["berkas"], row["baris"]) == ("pegawai.csv", 2)
    assert "Honorer" in row["alasan"] and "abc" in row["alasan"]
    assert row["jenis_asn"] == "Honorer"
    text = str([[c.value for c in r] for r in sheet.iter_rows()])
    assert NIP_B not in text and "Siti Aminah" not in text


def test_commit_saves_the_files_in_the_source_folder_and_loads_the_whole_history(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(source, db).status == "ok"
    program_2025 = (
        "kode_program,kota,nama_program,jalur,jenis,topik,penyelenggara,tanggal_mulai,tanggal_selesai,jp,biaya\n"
    )
    program_2025 += (
        "PTK-2025-0001,Pontianak,Coaching,nonklasikal,coaching,Kepemimpinan,BKPSDM,2025-02-01,2025-02-03,10,1.000.000\n"
    )
    report = intake.commit([("program_2025.csv", program_2025.encode())], source, db, keep=3)
    assert report.status == "ok"
    assert (source / "program_2025.csv").exists() and (source / "program.csv").exists()
    assert query(db, "SELECT kode_program, biaya FROM raw_program ORDER BY 1") == [
        ("PTK-2024-0001", 4800000),
        ("PTK-2025-0001", 1000000),
    ]
    # Run ids start with the second they began in; two loads in one second differ only by a random suffix.
    first_run = query(db, "SELECT run_id FROM etl_runs ORDER BY started_at_utc LIMIT 1")[0][0]
    assert [b["run_id"] for b in backup.list_backups(db)] == [first_run]


def test_a_failed_commit_puts_the_source_folder_back(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    db = tmp_path / "gudang" / "warehouse.duckdb"
    report = intake.commit([("pegawai.csv", b"nip;kota\n1;x\n"), ("apbd.csv", b"kota,tahun\n")], source, db)
    assert report.status == "failed"
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before
    assert not db.exists()


def test_uploaded_names_cannot_leave_the_source_folder():
    assert intake.safe_name("../../etc/pegawai.csv") == "pegawai.csv"
    assert intake.safe_name("C:\\Users\\x\\peserta.xlsx") == "peserta.xlsx"


# ---------------------------------------------------------------------------------------------
# Kept warehouses


def test_loads_keep_the_last_few_warehouses_and_a_restore_brings_one_back(tmp_path):
    rows = minimal_rows()
    source = write_folder(tmp_path / "sumber", rows)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    run_ids = []
    for extra in range(5):  # five loads, each with one more employee
        rows["pegawai"].append(pegawai(f"19700101199503{extra:04d}"))
        write_folder(source, rows)
        run_ids.append(pipeline.load(source, db, keep_backups=3).run_id)
    kept = backup.list_backups(db)
    assert [b["run_id"] for b in kept] == run_ids[-2:-5:-1]  # the three before the current one
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(8,)]

    oldest = kept[-1]
    restored_id = backup.restore(db, oldest["path"], keep=3)
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(5,)]
    history = query(db, "SELECT run_id, outcome FROM etl_runs ORDER BY finished_at_utc")
    assert [r[0] for r in history] == [*run_ids, restored_id]
    assert history[-1][1] == "restored"
    assert run_ids[-1] in [b["run_id"] for b in backup.list_backups(db)]  # the replaced one is kept
    assert len(backup.list_backups(db)) == 3
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_outside_the_backup_folder_cannot_be_restored(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    pipeline.load(source, db)
    with pytest.raises(FileNotFoundError):
        backup.restore(db, tmp_path / "lain.duckdb")


def folder_state(folder: Path) -> dict[str, str]:
    """Return every file below `folder` (relative path) with the sha256 of its bytes."""
    files = (p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_a_failed_restore_leaves_the_warehouse_and_its_backups_byte_identical(tmp_path):
    source = write_folder(tmp_path / "sumber", minimal_rows())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    for _ in range(2):
        pipeline.load(source, db, keep_backups=3)
    damaged = backup.backup_dir(db) / "warehouse.rusak.duckdb"
    damaged.write_bytes(b"bukan file DuckDB " * 1000)
    before = folder_state(db.parent)

    with pytest.raises(ValueError, match="rusak dan tidak dapat dibaca"):  # checked before it is put back
        backup.restore(db, damaged, keep=3)

    assert folder_state(db.parent) == before  # no temp file, no .wal, nothing kept or pruned


def test_a_load_that_cannot_keep_the_old_warehouse_does_not_swap_and_leaves_it_byte_identical(tmp_path):
    rows = minimal_rows()
    source = write_folder(tmp_path / "sumber", rows)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    pipeline.load(source, db)
    backup.backup_dir(db).write_text("a file where the backup folder belongs")  # keeping fails after the build
    rows["pegawai"].append(pegawai("197001011995031001"))
    write_folder(source, rows)
    before = folder_state(db.parent)

    report = pipeline.load(source, db, keep_backups=3)

    assert report.status == "failed" and report.errors[0]["file"] == db.name
    assert "tidak dapat ditulis" in report.errors[0]["message"]  # a sentence, not a traceback
    assert "Gudang data yang sekarang tidak diubah" in report.errors[0]["message"]
    assert folder_state(db.parent) == before
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(3,)]


def test_source_folder_comes_from_asn_source_dir(monkeypatch, tmp_path):
    monkeypatch.setenv(settings.SOURCE_ENV, str(tmp_path / "arsip"))
    assert settings.source_dir() == tmp_path / "arsip"
    monkeypatch.delenv(settings.SOURCE_ENV)
    assert settings.source_dir() == PROJECT / "data" / "sumber"
    assert os.sep in str(settings.source_dir())
