"""The command line, run as users run it: `python -m etl check|load DIR` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NIP_A, minimal_rows, pegawai, query, write_csv, write_folder

from etl.contract import DATASETS

PROJECT = Path(__file__).resolve().parent.parent
COUNTS = {"files", "rows_read", "rows_loaded", "rows_rejected"}


def run_etl(*args: str | Path, warehouse: Path, **env: str) -> subprocess.CompletedProcess:
    """Run `python -m etl ARGS` from the project folder with ASN_WAREHOUSE pointing at `warehouse`."""
    environment = {**os.environ, "ASN_WAREHOUSE": str(warehouse), **env}
    environment.pop("ASN_PSEUDONYM_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "etl", *map(str, args)],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def folder_with_rejects(folder: Path) -> Path:
    rows = minimal_rows()
    rows["pegawai"].append(pegawai("19850312201001100", tahun_lahir="abc"))  # two problems, one row
    rows["peserta"].append({"kode_program": "TIDAK-ADA", "nip": NIP_A, "status": "lulus"})
    return write_folder(folder, rows)


def folder_missing_column(folder: Path) -> Path:
    write_folder(folder, minimal_rows())
    columns = [c.name for c in DATASETS["pegawai"].columns if c.name != "opd"]
    write_csv(folder, "pegawai.csv", [pegawai(NIP_A)], columns=columns)
    return folder


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path, Path]:
    base = tmp_path_factory.mktemp("check")
    folder = folder_with_rejects(base / "sumber")
    warehouse = base / "gudang" / "warehouse.duckdb"
    return run_etl("check", folder, "--json", warehouse=warehouse), folder, warehouse


def test_check_json_prints_exactly_one_json_object(checked):
    done, _, _ = checked
    summary = json.loads(done.stdout)
    assert isinstance(summary, dict)
    assert {"status", "db", "datasets", "errors"} <= set(summary)


def test_check_json_summary_counts_every_dataset(checked):
    summary = json.loads(checked[0].stdout)
    assert set(summary["datasets"]) == set(DATASETS)
    for counts in summary["datasets"].values():
        assert set(counts) >= COUNTS
        assert counts["rows_read"] == counts["rows_loaded"] + counts["rows_rejected"]
    assert {k: summary["datasets"]["pegawai"][k] for k in COUNTS} == {
        "files": 1,
        "rows_read": 4,
        "rows_loaded": 3,
        "rows_rejected": 1,
    }
    assert summary["datasets"]["peserta"]["rows_rejected"] == 1
    assert summary["datasets"]["apbd"]["files"] == 0


def test_check_with_rejected_rows_exits_0_with_status_ok(checked):
    done, _, _ = checked
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "ok"
    assert summary["errors"] == []


def test_check_writes_no_file(checked):
    _, folder, warehouse = checked
    assert not warehouse.exists()
    assert not warehouse.parent.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["kota.csv", "pegawai.csv", "peserta.csv", "program.csv"]


def test_missing_required_column_exits_2_naming_file_and_column_in_json(tmp_path):
    folder = folder_missing_column(tmp_path / "sumber")

    done = run_etl("check", folder, "--json", warehouse=tmp_path / "w.duckdb")

    assert done.returncode == 2
    summary = json.loads(done.stdout)
    assert summary["status"] == "failed"
    assert [e["file"] for e in summary["errors"]] == ["pegawai.csv"]
    assert "opd" in summary["errors"][0]["message"]


def test_missing_required_column_exits_2_naming_file_and_column_on_stderr(tmp_path):
    folder = folder_missing_column(tmp_path / "sumber")
    warehouse = tmp_path / "gudang" / "warehouse.duckdb"

    done = run_etl("load", folder, warehouse=warehouse)

    assert done.returncode == 2
    error_lines = [line for line in done.stderr.splitlines() if "pegawai.csv" in line]
    assert error_lines, done.stderr
    assert any("opd" in line for line in error_lines)
    assert not warehouse.exists()


def test_load_with_db_creates_the_warehouse_there(tmp_path):
    folder = folder_with_rejects(tmp_path / "sumber")
    db = tmp_path / "pilihan" / "gudang.duckdb"
    default = tmp_path / "bawaan" / "warehouse.duckdb"

    done = run_etl("load", folder, "--db", db, "--json", warehouse=default)

    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "ok"
    assert Path(summary["db"]) == db
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(3,)]
    assert query(db, "SELECT count(DISTINCT (file, line)) FROM etl_rejects") == [(2,)]
    assert not default.exists()


def test_load_without_db_uses_asn_warehouse(tmp_path):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    warehouse = tmp_path / "dari_env" / "warehouse.duckdb"

    done = run_etl("load", folder, warehouse=warehouse)

    assert done.returncode == 0, done.stderr
    assert str(warehouse) in done.stdout
    assert query(warehouse, "SELECT count(*) FROM raw_pegawai") == [(3,)]


@pytest.mark.parametrize("command", ["check", "load"])
def test_nonexistent_source_folder_exits_2_with_a_message(tmp_path, command):
    missing = tmp_path / "tidak_ada"
    warehouse = tmp_path / "gudang" / "warehouse.duckdb"

    done = run_etl(command, missing, warehouse=warehouse)

    assert done.returncode == 2
    assert str(missing) in done.stderr
    assert "tidak ditemukan" in done.stderr
    assert "Traceback" not in done.stderr
    assert not warehouse.exists()


def test_load_exits_3_and_warns_when_a_file_that_looks_like_data_was_not_loaded(tmp_path):
    """A cron job notices data left out: the status is not 0, yet the warehouse was replaced (unlike 2)."""
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    (folder / "rekap_lama.csv").write_text("No;Uraian\n1;Bimtek\n", encoding="utf-8")
    warehouse = tmp_path / "gudang" / "warehouse.duckdb"

    done = run_etl("load", folder, warehouse=warehouse)

    assert done.returncode == 3, done.stderr
    assert "PERINGATAN: 1 file yang tampak seperti data tidak dimuat: rekap_lama.csv" in done.stderr
    assert "rekap_lama.csv: nama file tidak diawali nama jenis data" in done.stdout
    assert query(warehouse, "SELECT count(*) FROM raw_pegawai") == [(3,)]
    assert run_etl("check", folder, "--json", warehouse=warehouse).returncode == 3


def test_a_file_that_is_no_data_is_listed_with_why_and_leaves_the_status_0(tmp_path):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    (folder / "README.txt").write_text("Folder data pembinaan ASN", encoding="utf-8")

    done = run_etl("check", folder, warehouse=tmp_path / "w.duckdb")

    assert done.returncode == 0, done.stderr
    assert "README.txt: bukan file data" in done.stdout
    assert "PERINGATAN" not in done.stderr
