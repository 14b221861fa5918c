"""Faults leave nothing behind: an empty or short pseudonym secret writes nothing, two writers take turns, and a
load killed (SIGKILL or SIGTERM) at any point leaves no file holding a plain NIP once the next load or server
start has run. Loads run as users run them: `python -m etl load` in a subprocess, with its own TMPDIR."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from conftest import DASHBOARD, minimal_rows, query, write_folder
from streamlit.testing.v1 import AppTest

import settings
from etl import pipeline, scratch
from etl.pseudonym import MIN_KEY_LENGTH, key_file

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
    load.communicate(timeout=120)
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
