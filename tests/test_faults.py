"""Faults leave nothing behind: an empty or short pseudonym secret writes nothing, two writers take turns, and a
load killed (SIGKILL or SIGTERM) at any point leaves no file holding a plain NIP once the next load or server
start has run. Loads run as users run them: `python -m etl load` in a subprocess, with its own TMPDIR."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from conftest import DASHBOARD, minimal_rows, pegawai, query, write_csv, write_folder
from in_process_app import shown_strings
from streamlit.testing.v1 import AppTest

import settings
from analytics.texts import t
from etl import backup, intake, pipeline, scratch
from etl.pseudonym import MIN_KEY_LENGTH, key_file
from etl.warehouse import SHAPE, damage, shape

ROOT = Path(__file__).resolve().parent.parent


def environment(tmp: Path, memory: str | None = None) -> dict[str, str]:
    """The environment of a load run as a user runs it: its own TMPDIR, the key file beside the warehouse, and
    the load's memory limit (ASN_ETL_MEMORY) when given."""
    env = {k: v for k, v in os.environ.items() if k not in (settings.PSEUDONYM_KEY_ENV, settings.ETL_MEMORY_ENV)}
    return env | {"TMPDIR": str(tmp)} | ({settings.ETL_MEMORY_ENV: memory} if memory else {})


def etl(*args: str, tmp: Path, memory: str | None = None) -> subprocess.Popen:
    """Start `python -m etl ARGS` from the project folder with its TMPDIR in `tmp` (and a memory limit)."""
    tmp.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "etl", *args],
        cwd=ROOT,
        env=environment(tmp, memory),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def nips(folder: Path) -> set[str]:
    """Return every NIP of a source folder's pegawai.csv."""
    with (folder / "pegawai.csv").open(encoding="utf-8") as fh:
        return {row["nip"] for row in csv.DictReader(fh)}


def _holds_a_nip(data: bytes, known: set[str]) -> bool:
    """Return True when any run of digits in `data` holds one of the NIPs `known` (a database packs its strings
    side by side, so every 18-digit window of a longer run counts)."""
    for run in re.findall(rb"[0-9]{18,}", data):
        text = run.decode()
        if any(text[i : i + 18] in known for i in range(len(text) - 17)):
            return True
    return False


def files_with_nips(places: list[Path], known: set[str]) -> list[str]:
    """Return the files under `places` holding any of the NIPs `known`: as text anywhere, or as the 8-byte number
    the validator holds them in (checked for a few hundred of them); a file that vanishes is passed over."""
    numbers = [struct.pack("<Q", int(n)) for n in sorted(known)[:300]]
    found = []
    for place in places:
        for top, _, names in os.walk(place):
            for name in names:
                try:
                    data = (Path(top) / name).read_bytes()
                except OSError:
                    continue
                if _holds_a_nip(data, known) or any(n in data for n in numbers):
                    found.append(str((Path(top) / name).relative_to(place)))
    return found


def wait_for(condition: Callable[[], bool], process: subprocess.Popen, what: str, seconds: float = 60) -> None:
    """Poll `condition` every 10 ms until it holds; fail naming `what` if the process ends or time runs out."""
    end = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"the load ended before {what}: {process.communicate()}"
        assert time.monotonic() < end, f"no {what} after {seconds} s"
        time.sleep(0.01)


# --- the pseudonym secret is never empty ------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small valid source folder; the secret comes from the key file beside the warehouse."""
    monkeypatch.delenv(settings.PSEUDONYM_KEY_ENV, raising=False)
    return write_folder(tmp_path / "sumber", minimal_rows())


def test_an_empty_key_file_refuses_the_first_load_and_writes_nothing(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    db.parent.mkdir()
    key_file(db).write_text("")  # what a full disk left behind
    report = pipeline.load(folder, db)
    assert report.status == "failed" and not db.exists()
    assert report.errors[0]["file"] == str(key_file(db)) and "kosong" in report.errors[0]["message"]
    assert scratch.temporary_warehouses(db) == []


def test_an_emptied_key_file_leaves_the_warehouse_byte_identical(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok"
    before = db.read_bytes()
    key_file(db).write_text("   \n")
    report = pipeline.load(folder, db, reuse_unchanged=False)
    assert report.status == "failed" and "kosong" in report.errors[0]["message"]
    assert db.read_bytes() == before


def test_a_short_key_in_the_environment_is_refused(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.PSEUDONYM_KEY_ENV, "x" * (MIN_KEY_LENGTH - 1))
    db = tmp_path / "gudang" / "warehouse.duckdb"
    report = pipeline.load(folder, db)
    assert report.status == "failed" and not db.exists()
    assert report.errors[0]["file"] == f"${settings.PSEUDONYM_KEY_ENV}"
    assert f"hanya {MIN_KEY_LENGTH - 1} karakter" in report.errors[0]["message"]
    checked = pipeline.check(folder, current=db)  # a check that would take over rows needs the secret too
    assert checked.status == "failed" and checked.errors == report.errors


def test_the_command_line_says_why_in_json_and_exits_2(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    db.parent.mkdir()
    key_file(db).write_text("")
    done = etl("load", str(folder), "--db", str(db), "--json", tmp=tmp_path / "tmp")
    out, _ = done.communicate(timeout=120)
    assert done.returncode == 2
    summary = json.loads(out)
    assert summary["status"] == "failed" and "Kunci pseudonim" in summary["errors"][0]["message"]


# --- one writer at a time -----------------------------------------------------------------------------------


def test_two_first_loads_at_once_share_one_key_and_both_are_kept(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    loads = [etl("load", str(folder), "--db", str(db), "--penuh", tmp=tmp_path / f"tmp{i}") for i in (1, 2)]
    for load in loads:
        load.communicate(timeout=120)
        assert load.returncode == 0
    assert len(key_file(db).read_text().strip()) == 64
    assert len(query(db, "SELECT run_id FROM etl_runs WHERE outcome = 'ok'")) == 2  # the first one's run too
    assert len(list((db.parent / "cadangan").glob("*.duckdb"))) == 1  # the first one's warehouse, kept


def test_a_load_told_not_to_wait_is_refused_naming_who_writes(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    with scratch.writer(db, "unggahan admin@pontianak.go.id"):
        load = etl("load", str(folder), "--db", str(db), "--tanpa-tunggu", tmp=tmp_path / "tmp")
        _, err = load.communicate(timeout=120)
    assert load.returncode == 2
    assert "sedang ditulis oleh unggahan admin@pontianak.go.id" in err and not db.exists()


def test_a_second_load_waits_saying_who_writes_then_loads(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    with scratch.writer(db, "pemulihan cadangan"):
        load = etl("load", str(folder), "--db", str(db), tmp=tmp_path / "tmp")
        time.sleep(3)
        assert load.poll() is None and not db.exists()  # waiting, nothing written
    out, err = load.communicate(timeout=120)
    assert load.returncode == 0, err
    assert "sedang ditulis oleh pemulihan cadangan" in err and "Menunggu" in err and db.exists()


# --- a killed load leaves no plain NIP behind ------------------------------------------------------------


def scratch_folders(tmp: Path) -> list[Path]:
    """Return the scratch folders of loads in `tmp`."""
    return list(tmp.glob(f"{scratch.SCRATCH_PREFIX}*"))


KILL_POINTS = {  # (TMPDIR, warehouse, the NIPs of the folder) -> True at that point of a load
    "spilling NIPs": lambda tmp, db, known: bool(files_with_nips([tmp], known)),
    "building the marts": lambda tmp, db, known: bool(scratch.temporary_warehouses(db)) and not scratch_folders(tmp),
}
SMALL_MEMORY = "40MB"  # the four-city demo's validation spills beyond it, as a national load does beyond 3 GB


@pytest.fixture
def big(sample_source: Callable[[int, float], Path]) -> Path:
    """The four-city demo at scale 1 (about 47,000 employees), shared with tests/test_demo_numbers.py."""
    return sample_source(11, 1.0)


def killed_load(big: Path, folder: Path, tmp_path: Path, point: str, sig: signal.Signals) -> tuple[Path, Path, bytes]:
    """Load `folder` (small), then start loading `big` with little memory and send `sig` at `point`; return
    (warehouse, TMPDIR, the warehouse's bytes before the killed load)."""
    db, tmp = tmp_path / "gudang" / "warehouse.duckdb", tmp_path / "tmp"
    first = etl("load", str(folder), "--db", str(db), tmp=tmp)
    assert first.wait(timeout=120) == 0
    before = db.read_bytes()
    load = etl("load", str(big), "--db", str(db), "--penuh", tmp=tmp, memory=SMALL_MEMORY)
    known = nips(big)
    wait_for(lambda: KILL_POINTS[point](tmp, db, known), load, point)
    load.send_signal(sig)
    _, err = load.communicate(timeout=120)
    if sig == signal.SIGTERM:  # an end the load sees: a sentence, no traceback
        assert load.returncode == 128 + sig and "Dihentikan" in err and "Traceback" not in err, err
    else:
        assert load.returncode == -sig, err
    return db, tmp, before


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_killed_load_leaves_no_plain_nip_once_the_next_load_ran(
    big: Path, folder: Path, tmp_path: Path, sig: signal.Signals, point: str
) -> None:
    db, tmp, before = killed_load(big, folder, tmp_path, point, sig)
    assert db.read_bytes() == before  # the current warehouse is never touched by a killed load
    left = files_with_nips([tmp, db.parent], nips(big))
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o700 for f in scratch_folders(tmp))  # private while it lasts
    if sig == signal.SIGTERM:  # an exit the load can see: it cleans up itself
        assert left == [] and scratch_folders(tmp) == [] and scratch.temporary_warehouses(db) == []
    elif point == "spilling NIPs":
        assert scratch_folders(tmp)  # what the next load must remove: the folder that held plain NIPs
    again = etl("load", str(folder), "--db", str(db), tmp=tmp)
    assert again.wait(timeout=120) == 0
    assert scratch_folders(tmp) == [] and scratch.temporary_warehouses(db) == []
    assert files_with_nips([tmp, db.parent], nips(big)) == []


@pytest.mark.slow
def test_a_server_start_sweeps_what_a_killed_load_left(
    big: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, tmp, _ = killed_load(big, folder, tmp_path, "spilling NIPs", signal.SIGKILL)
    assert scratch_folders(tmp) and scratch.temporary_warehouses(db)  # what a kill -9 leaves
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # the server's TMPDIR
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(db))
    st.cache_resource.clear()  # a server that starts
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception
    assert scratch_folders(tmp) == [] and scratch.temporary_warehouses(db) == []
    assert files_with_nips([tmp, db.parent], nips(big)) == []


# --- every failure is a sentence; a damaged warehouse is recoverable -------------------------------------------


def damage_file(db: Path, how: str) -> None:
    """Damage a warehouse file as a failing disk or an interrupted copy would: cut it short, or write garbage
    over its middle."""
    size = db.stat().st_size
    if how == "terpotong":
        os.truncate(db, size // 5)
    else:
        with db.open("r+b") as fh:
            fh.seek(size // 4)
            fh.write(os.urandom(size // 2))


@pytest.fixture
def kept(folder: Path, tmp_path: Path) -> Path:
    """A warehouse loaded twice by the command line, so the first one is kept in cadangan/; returns its path."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    for _ in range(2):
        assert etl("load", str(folder), "--db", str(db), "--penuh", tmp=tmp_path / "tmp").wait(timeout=120) == 0
    assert len(backup.list_backups(db)) == 1
    return db


@pytest.mark.parametrize("how", ["terpotong", "tertimpa"])
def test_a_load_over_a_damaged_warehouse_says_so_and_changes_nothing(
    folder: Path, kept: Path, tmp_path: Path, how: str
) -> None:
    damage_file(kept, how)
    before = kept.read_bytes()
    load = etl("load", str(folder), "--db", str(kept), tmp=tmp_path / "tmp")
    _, err = load.communicate(timeout=120)
    assert load.returncode == 2
    assert "rusak" in err and "python -m etl pulihkan" in err and "--penuh" in err and "Traceback" not in err
    assert kept.read_bytes() == before


@pytest.mark.parametrize("how", ["terpotong", "tertimpa"])
def test_a_full_load_rebuilds_over_a_damaged_warehouse_and_does_not_keep_it(
    folder: Path, kept: Path, tmp_path: Path, how: str
) -> None:
    damage_file(kept, how)
    load = etl("load", str(folder), "--db", str(kept), "--penuh", tmp=tmp_path / "tmp")
    _, err = load.communicate(timeout=120)
    assert load.returncode == 0, err
    assert damage(kept) is None
    assert len(backup.list_backups(kept)) == 1  # the good first one; the damaged one is not a backup


def test_pulihkan_puts_the_last_good_copy_back_and_logs_it(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(settings.AUDIT_ENV, raising=False)
    damage_file(kept, "tertimpa")
    restore = etl("pulihkan", "--db", str(kept), tmp=tmp_path / "tmp")
    out, err = restore.communicate(timeout=120)
    assert restore.returncode == 0, err
    assert "dipulihkan" in out and damage(kept) is None
    assert query(kept, "SELECT count(*) FROM etl_runs WHERE outcome = 'restored'") == [(1,)]
    logged = [json.loads(line) for line in (kept.parent / settings.AUDIT_FILE_NAME).read_text().splitlines()]
    assert [e["aksi"] for e in logged] == ["pulihkan"]


def test_pulihkan_refuses_a_damaged_copy_and_changes_nothing(kept: Path, tmp_path: Path) -> None:
    damage_file(backup.list_backups(kept)[0]["path"], "terpotong")
    before = kept.read_bytes()
    restore = etl("pulihkan", "1", "--db", str(kept), tmp=tmp_path / "tmp")
    _, err = restore.communicate(timeout=120)
    assert restore.returncode == 2 and "rusak" in err and "Traceback" not in err
    assert kept.read_bytes() == before
    assert etl("pulihkan", "5", "--db", str(kept), tmp=tmp_path / "tmp").wait(timeout=120) == 2  # no 5th copy


def test_a_warehouse_of_an_older_shape_asks_for_a_reload_instead_of_failing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # made before the shape was recorded (no gudang_bentuk macro, as every warehouse before December 2026)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok" and shape(db) == SHAPE
    con = duckdb.connect(str(db))
    con.execute("DROP MACRO gudang_bentuk")
    con.close()
    assert shape(db) == 1
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(db))
    for lang in ("id", "en"):
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception and [e.value for e in at.error] == [t("warehouse_outdated", lang)]
    export = [sys.executable, "-m", "analytics", "export", "--db", str(db), "--tahun", "2024", "--format", "csv"]
    done = subprocess.run([*export, "--out", "x.zip"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and t("warehouse_outdated", "id") in done.stderr and "Traceback" not in done.stderr
    assert pipeline.load(folder, db).status == "ok"  # a plain load makes it again
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception and not at.error
    # read after the app moved to the new version: this process holds the app's connection, and DuckDB hands a
    # new connection to a path the snapshot an open one holds
    assert shape(db) == SHAPE


@pytest.mark.parametrize("how", ["terpotong", "tertimpa"])
def test_the_pages_say_the_warehouse_is_damaged_without_a_path_or_traceback(
    kept: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    damage_file(kept, how)
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(kept))
    for lang in ("id", "en"):
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == [t("warehouse_damaged", lang)]
        assert not [s for s in shown_strings(at) if str(kept.parent) in s]


def test_a_full_disk_is_a_sentence_and_the_warehouse_is_untouched(folder: Path, tmp_path: Path) -> None:
    probe = tmp_path / "uji" / "warehouse.duckdb"
    assert pipeline.load(folder, probe).status == "ok"
    disk = tmp_path / "disk"
    disk.mkdir()
    size = probe.stat().st_size * 3 // 2  # room for one warehouse, not for a second one beside it
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.decode().strip()}")
    try:
        db = disk / "warehouse.duckdb"
        assert etl("load", str(folder), "--db", str(db), tmp=tmp_path / "tmp").wait(timeout=120) == 0
        before = db.read_bytes()
        load = etl("load", str(folder), "--db", str(db), "--penuh", "--json", tmp=tmp_path / "tmp")
        out, err = load.communicate(timeout=120)
        assert load.returncode == 2, err
        summary = json.loads(out)
        assert summary["status"] == "failed" and "Disk penuh" in summary["errors"][0]["message"]
        assert db.read_bytes() == before and scratch.temporary_warehouses(db) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_two_uploads_at_the_same_moment_are_both_loaded(folder: Path, tmp_path: Path) -> None:
    """Two sessions of the upload page confirm at once (two threads of one server): the second waits for the
    first and loads the folder holding both files; neither upload is dropped."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok"
    files = {}
    for name, nip in (("pegawai_tambah_a.csv", "199203042018011004"), ("pegawai_tambah_b.csv", "199305052019022005")):
        files[name] = write_csv(tmp_path, name, [pegawai(nip)]).read_bytes()
    reports: dict[str, pipeline.Report] = {}
    threads = [
        threading.Thread(target=lambda n=n, c=c: reports.__setitem__(n, intake.commit([(n, c)], folder, db)))
        for n, c in files.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [r.status for r in reports.values()] == ["ok", "ok"]
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(5,)]  # three, and one from each upload
    assert len(query(db, "SELECT run_id FROM etl_runs")) == 3


def test_an_upload_preview_beside_a_damaged_warehouse_reads_the_folder_itself(folder: Path, kept: Path) -> None:
    """The upload page opens over a damaged warehouse to restore a copy; its preview must not fail on it."""
    damage_file(kept, "terpotong")
    upload = write_csv(kept.parent, "pegawai_tambah.csv", [pegawai("199203042018011004")]).read_bytes()
    shown = intake.preview([("pegawai_tambah.csv", upload)], folder, None, kept)
    assert shown.report.status == "ok" and shown.can_load


def test_a_lost_key_file_beside_an_existing_warehouse_is_refused(folder: Path, tmp_path: Path) -> None:
    """With a new key every id would change silently: a warehouse whose secret is gone is not loaded into."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok"
    before = db.read_bytes()
    key_file(db).unlink()
    report = pipeline.load(folder, db)
    assert report.status == "failed" and "tidak ada" in report.errors[0]["message"]
    assert db.read_bytes() == before and not key_file(db).exists()


@pytest.mark.parametrize("command", ["load", "pulihkan"])
def test_an_empty_db_argument_is_refused_not_taken_for_another_warehouse(folder: Path, tmp_path: Path, command) -> None:
    args = ["load", str(folder)] if command == "load" else ["pulihkan"]
    done = etl(*args, "--db", "", tmp=tmp_path / "tmp")
    _, err = done.communicate(timeout=120)
    assert done.returncode == 2 and "--db harus nama file" in err and "Traceback" not in err
