"""One city's update reuses the other cities' validated rows, and the warehouse is the one a full load makes.

Every test loads a folder of per-city files (demo.write_sample(per_kota=True)) with the real pipeline twice:
into a copy of the warehouse of the folder before the change (files unchanged since then are taken over) and,
with reuse_unchanged=False, into a new file; then compares every table of the two warehouses.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl
import pytest
from conftest import query

from demo import write_sample
from etl import backup, intake, pipeline, reuse, reuse_marts
from etl.warehouse import MARTS

pytestmark = pytest.mark.slow  # each test loads a folder twice (an update and the full load it must equal)

KEY = "5" * 64
CITY = "pontianak"
RUN_TABLES = {"etl_runs", "etl_run_files"}
FILE_FACTS = "dataset, file, sha256, rows_read, rows_loaded, rows_rejected, rows_skipped, notes::VARCHAR"


@pytest.fixture(autouse=True)
def same_secret(monkeypatch):
    """Both warehouses of a test use the same pseudonym secret, so their pseudonyms can be compared."""
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", KEY)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Module scope: (a folder of per-city files of the four demo cities, the warehouse a full load made of it)."""
    base = tmp_path_factory.mktemp("reuse")
    folder = base / "sumber"
    write_sample(folder, seed=7, scale=0.03, per_kota=True)
    db = base / "gudang" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ASN_PSEUDONYM_KEY", KEY)
        assert not pipeline.load(folder, db).errors
    return folder, db


@pytest.fixture
def update(national, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the national folder to change and a copy of its warehouse to load the change into."""
    folder, db = national
    shutil.copytree(folder, tmp_path / "sumber")
    (tmp_path / "gudang").mkdir()
    shutil.copy(db, tmp_path / "gudang" / db.name)
    return tmp_path / "sumber", tmp_path / "gudang" / db.name


def rows(path: Path) -> list[list[str]]:
    """Return a CSV file's rows, header first."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(path: Path, lines: list[list[str]]) -> None:
    """Write rows (header first) as a CSV file."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(lines)


def edit(path: Path, change: Callable[[list[list[str]]], list[list[str]]]) -> None:
    """Rewrite a CSV file's rows (header first) through `change`."""
    write(path, change(rows(path)))


def column(path: Path, name: str) -> int:
    """Return the position of a column in a CSV file's header."""
    return rows(path)[0].index(name)


def set_cell(row: list[str], position: int, value: str) -> list[str]:
    """Return a copy of a row with the cell at `position` replaced."""
    return [value if i == position else cell for i, cell in enumerate(row)]


def reused(report: pipeline.Report) -> set[str]:
    """Return the names of the files a load took over from the warehouse it replaced."""
    return {f["file"] for f in report.files if f["reused"]}


def all_files(folder: Path) -> set[str]:
    """Return the names of the data files of a folder."""
    return {p.name for p in folder.glob("*.csv")}


def tables(db: Path) -> list[str]:
    """Return the names of a warehouse's tables."""
    return [r[0] for r in query(db, "SELECT table_name FROM duckdb_tables() ORDER BY table_name")]


def assert_same_as_full_load(folder: Path, db: Path, tmp_path: Path) -> None:
    """Load `folder` in full into a new warehouse and assert every table equals the one in `db`: the same
    columns and the same rows; of the run tables, the same files with the same counts and notes."""
    full = tmp_path / "penuh" / "warehouse.duckdb"
    report = pipeline.load(folder, full, reuse_unchanged=False)
    assert not report.errors and not reused(report)
    assert tables(db) == tables(full)
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute("ATTACH $path AS penuh (READ_ONLY)", {"path": str(full)})
        for table in tables(db):
            if table in RUN_TABLES:
                continue
            shape = "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = $db AND table_name = $t"
            assert (
                con.execute(shape, {"db": "warehouse", "t": table}).fetchall()
                == con.execute(shape, {"db": "penuh", "t": table}).fetchall()
            ), table
            order = reuse_marts.full_build_order(table) if table in MARTS else ""
            mine = con.execute(f"SELECT * FROM warehouse.{table} {order or 'ORDER BY ALL'}").fetchall()
            theirs = con.execute(f"SELECT * FROM penuh.{table} {order or 'ORDER BY ALL'}").fetchall()
            assert mine == theirs, table
            if order:  # a mart written in order is in that order, whichever way it was made
                assert con.execute(f"SELECT * FROM warehouse.{table}").fetchall() == mine, table
            assert mine or table in ("etl_rejects", "etl_warnings"), f"{table} is empty: nothing was compared"
        newest = "(SELECT run_id FROM {db}.etl_runs ORDER BY finished_at_utc DESC LIMIT 1)"
        files = [
            con.execute(
                f"SELECT {FILE_FACTS} FROM {db}.etl_run_files WHERE run_id = {newest.format(db=db)} ORDER BY ALL"
            ).fetchall()
            for db in ("warehouse", "penuh")
        ]
        assert files[0] == files[1]
    finally:
        con.close()


def test_an_unchanged_folder_is_taken_over_whole(update, tmp_path):
    folder, db = update
    report = pipeline.load(folder, db)
    assert not report.errors
    assert reused(report) == all_files(folder)
    assert report.marts_kota == []  # no mart row made again
    assert_same_as_full_load(folder, db, tmp_path)


def test_one_citys_new_files_are_read_and_the_others_taken_over(update, tmp_path):
    folder, db = update
    peserta = folder / f"peserta_{CITY}.csv"
    status = column(peserta, "status")
    # three participations withdrawn, one failed after all
    edit(peserta, lambda lines: [lines[0], set_cell(lines[1], status, "tidak_lulus"), *lines[5:]])
    pegawai = folder / f"pegawai_{CITY}.csv"
    opd = column(pegawai, "opd")
    edit(pegawai, lambda lines: [lines[0], set_cell(lines[1], opd, "Dinas Baru"), *lines[2:]])
    report = pipeline.load(folder, db)
    assert not report.errors
    changed = {f"peserta_{CITY}.csv", f"pegawai_{CITY}.csv"}
    assert reused(report) == all_files(folder) - changed
    assert report.marts_kota == ["Pontianak"]  # the other cities' mart rows are taken over
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_person_removed_rejects_their_rows_in_unchanged_files_as_a_full_load_does(update, tmp_path):
    folder, db = update
    pegawai = folder / f"pegawai_{CITY}.csv"
    peserta = folder / f"peserta_{CITY}.csv"
    nip = column(peserta, "nip")
    taken = {row[nip] for row in rows(peserta)[1:]}
    gone = next(row for row in rows(pegawai)[1:] if row[column(pegawai, "nip")] in taken)
    edit(pegawai, lambda lines: [line for line in lines if line != gone])
    report = pipeline.load(folder, db)
    assert not report.errors
    assert not any(f.startswith("peserta") for f in reused(report))  # read again: a reference lost its target
    assert report.datasets["peserta"]["rows_rejected"] > 0
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_city_renamed_in_the_list_of_kota_is_renamed_everywhere(update, tmp_path):
    folder, db = update
    edit(
        folder / "kota.csv", lambda lines: [[c.replace("Pontianak", "Kota Pontianak") for c in line] for line in lines]
    )
    report = pipeline.load(folder, db)
    assert not report.errors
    assert not any(f.startswith(("pegawai", "anggaran", "apbd")) for f in reused(report))
    assert query(db, "SELECT DISTINCT kota FROM raw_pegawai WHERE kota LIKE '%Pontianak'") == [("Kota Pontianak",)]
    assert_same_as_full_load(folder, db, tmp_path)


@pytest.mark.parametrize("name", ["pegawai_aaa.csv", "pegawai_zzz.csv"])
def test_a_new_file_repeating_a_key_of_an_unchanged_one_keeps_the_first_row_as_a_full_load_does(update, tmp_path, name):
    folder, db = update
    jambi = rows(folder / "pegawai_jambi.csv")
    opd = column(folder / "pegawai_jambi.csv", "opd")
    write(folder / name, [jambi[0], set_cell(jambi[1], opd, "Dinas Lain")])
    report = pipeline.load(folder, db)
    assert not report.errors
    assert "pegawai_jambi.csv" not in reused(report)
    assert report.datasets["pegawai"]["rows_rejected"] == 1
    assert_same_as_full_load(folder, db, tmp_path)


def test_activities_in_unchanged_files_are_compared_with_the_jp_of_the_whole_load(update, tmp_path):
    folder, db = update
    program = rows(folder / f"program_{CITY}.csv")
    header, first = program[0], program[1]
    jenis, jp, kode = (header.index(c) for c in ("jenis", "jp", "kode_program"))
    # a city sends 300 one-JP activities of a jenis: its median falls, the others' usual JP become unusual
    extra = [set_cell(set_cell(first, kode, f"PTK-BARU-{i:04d}"), jp, "1") for i in range(300)]
    write(folder / "program_zzz.csv", [header, *extra])
    report = pipeline.load(folder, db)
    assert not report.errors
    warned = {w["file"] for w in report.warnings if w["column_name"] == "jp"}
    assert warned & reused(report), "no reused file gained a warning: the test shows nothing"
    assert all(row[jenis] == first[jenis] for row in extra)
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_file_with_rejected_rows_is_read_again_and_rejected_again(update, tmp_path):
    folder, db = update
    survei = folder / "survei_kepuasan_makassar.csv"
    u1 = column(survei, "u1")
    edit(survei, lambda lines: [lines[0], set_cell(lines[1], u1, "sembilan"), *lines[2:]])
    assert not pipeline.load(folder, db).errors
    edit(folder / f"anggaran_{CITY}.csv", lambda lines: lines[:-1])
    report = pipeline.load(folder, db)
    assert not report.errors
    assert "survei_kepuasan_makassar.csv" not in reused(report)
    assert "survei_kepuasan_jambi.csv" in reused(report)
    assert report.datasets["survei_kepuasan"]["rows_rejected"] == 1
    assert_same_as_full_load(folder, db, tmp_path)


def test_another_pseudonym_secret_reads_everything(update, tmp_path, monkeypatch):
    folder, db = update
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "6" * 64)
    report = pipeline.load(folder, db)
    assert not report.errors and not reused(report)
    assert_same_as_full_load(folder, db, tmp_path)


def test_after_a_restore_everything_is_read(update, tmp_path):
    folder, db = update
    assert not pipeline.load(folder, db, keep_backups=2).errors
    backup.restore(db, backup.list_backups(db)[0]["path"])
    report = pipeline.load(folder, db)
    assert not report.errors and not reused(report)
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_failed_update_leaves_the_warehouse_as_it_was(update):
    folder, db = update
    before = db.read_bytes()
    (folder / f"peserta_{CITY}.csv").write_text("bukan,judul\n1,2\n", encoding="utf-8")
    report = pipeline.load(folder, db)
    assert report.errors and report.errors[0]["file"] == f"peserta_{CITY}.csv"
    assert db.read_bytes() == before


def test_a_check_against_the_warehouse_reads_only_the_changed_files_and_reports_as_a_full_check(update):
    folder, db = update
    peserta = folder / f"peserta_{CITY}.csv"
    status = column(peserta, "status")
    edit(peserta, lambda lines: [lines[0], set_cell(lines[1], status, "gugur"), *lines[2:]])
    quick = pipeline.check(folder, collect_rejects=True, current=db)
    full = pipeline.check(folder, collect_rejects=True)
    assert reused(quick) == all_files(folder) - {peserta.name} and not reused(full)
    assert quick.datasets == full.datasets
    assert len(quick.rejects) == 1 and quick.rejects == full.rejects
    assert quick.warnings == full.warnings
    assert [{k: v for k, v in f.items() if k != "reused"} for f in quick.files] == [
        {k: v for k, v in f.items() if k != "reused"} for f in full.files
    ]


def test_an_upload_of_one_citys_file_is_previewed_and_loaded_without_reading_the_nation(update, tmp_path):
    folder, db = update
    pegawai = rows(folder / f"pegawai_{CITY}.csv")
    opd = pegawai[0].index("opd")
    changed = [pegawai[0], set_cell(pegawai[1], opd, "Dinas Baru"), *pegawai[2:]]
    upload = tmp_path / "unggahan.csv"
    write(upload, changed)
    uploads = [(f"pegawai_{CITY}.csv", upload.read_bytes())]
    shown = intake.preview(uploads, folder, frozenset({"Pontianak"}), db)
    assert shown.can_load and not shown.outside and not shown.changes
    assert [f["file"] for f in shown.report.files] == [f"pegawai_{CITY}.csv"]  # an admin of one city sees their file
    done = intake.commit(uploads, folder, db, allowed=frozenset({"Pontianak"}))
    assert not done.errors and reused(done) == all_files(folder) - {f"pegawai_{CITY}.csv"}
    assert query(db, "SELECT count(*) FROM raw_pegawai WHERE opd = 'Dinas Baru'") == [(1,)]
    assert_same_as_full_load(folder, db, tmp_path)


def test_an_upload_with_another_citys_row_is_still_refused(update, tmp_path):
    folder, db = update
    pegawai = rows(folder / f"pegawai_{CITY}.csv")
    kota = pegawai[0].index("kota")
    upload = tmp_path / "unggahan.csv"
    write(upload, [pegawai[0], set_cell(pegawai[1], kota, "Makassar"), *pegawai[2:]])
    uploads = [(f"pegawai_{CITY}.csv", upload.read_bytes())]
    shown = intake.preview(uploads, folder, frozenset({"Pontianak"}), db)
    assert [(o.file, o.kota, o.lines) for o in shown.outside] == [(f"pegawai_{CITY}.csv", "Makassar", (2,))]
    before = db.read_bytes()
    assert intake.commit(uploads, folder, db, allowed=frozenset({"Pontianak"})).errors
    assert db.read_bytes() == before


def workbook(path: Path, sheets: dict[str, list[list[str]]]) -> None:
    """Write an XLSX file with a sheet per entry (rows, header first)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, lines in sheets.items():
        sheet = book.create_sheet(title)
        for line in lines:
            sheet.append(line)
    book.save(path)


def test_a_changed_workbook_of_several_sheets_replaces_its_rows_whatever_its_name(update, tmp_path):
    folder, db = update
    survei = folder / f"survei_kepuasan_{CITY}.csv"
    lines = rows(survei)
    survei.unlink()
    book = folder / "survei_kepuasan [Mei].xlsx"  # its rows carry 'survei_kepuasan [Mei].xlsx [Sheet]'
    half = len(lines) // 2
    workbook(book, {"Januari": lines[:half], "Juni": [lines[0], *lines[half:]]})
    assert not pipeline.load(folder, db).errors
    workbook(book, {"Januari": lines[:half], "Juni": [lines[0], *lines[half + 1 :]]})  # one answer withdrawn
    report = pipeline.load(folder, db)
    assert not report.errors
    assert "survei_kepuasan_makassar.csv" in reused(report) and book.name not in reused(report)
    answers = len(lines) - 1 - 1  # the header, one answer withdrawn
    assert query(db, "SELECT count(*) FROM raw_survei_kepuasan WHERE starts_with(_file, 'survei_kepuasan [')") == [
        (answers,)
    ]
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_copy_of_another_version_of_the_warehouse_is_not_used(update, tmp_path):
    _, db = update
    copy = tmp_path / "salinan.duckdb"
    assert not reuse.start_from(db, copy, "20000101T000000-000000")  # a load swapped in another version meanwhile
    assert not copy.exists()
    newest = query(db, "SELECT run_id FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1")[0][0]
    assert reuse.start_from(db, copy, newest) and copy.exists()


def test_a_check_against_a_warehouse_without_a_secret_makes_none(update, tmp_path, monkeypatch):
    folder, _ = update
    monkeypatch.delenv("ASN_PSEUDONYM_KEY")
    nowhere = tmp_path / "kosong" / "warehouse.duckdb"
    assert not pipeline.check(folder, current=nowhere).errors
    assert not (tmp_path / "kosong").exists()


def test_a_change_to_an_activity_remakes_the_rows_of_the_other_citys_people_who_took_part(update, tmp_path):
    folder, db = update
    program = folder / f"program_{CITY}.csv"
    kode, jp = column(program, "kode_program"), column(program, "jp")
    activity = rows(program)[1]
    jambi = next(row for row in rows(folder / "pegawai_jambi.csv")[1:])
    peserta = folder / "peserta_jambi.csv"  # a Jambi person passes a Pontianak activity
    edit(peserta, lambda lines: [*lines, [activity[kode], jambi[0], "lulus", "60", "80"]])
    report = pipeline.load(folder, db)
    assert not report.errors and report.marts_kota == ["Jambi", "Pontianak"]
    # then Pontianak alone sends new files: the activity had more JP than recorded
    edit(program, lambda lines: [lines[0], set_cell(lines[1], jp, str(int(activity[jp]) + 40)), *lines[2:]])
    report = pipeline.load(folder, db)
    assert not report.errors and reused(report) == all_files(folder) - {program.name}
    assert report.marts_kota == ["Jambi", "Pontianak"]  # the Jambi person's JP changed with it
    assert_same_as_full_load(folder, db, tmp_path)


@pytest.mark.parametrize(
    "name", [f"survei_kepuasan_{CITY}.csv", f"mentoring_{CITY}.csv", f"umpan_balik_pelatihan_{CITY}.csv"]
)
def test_one_citys_survey_mentoring_or_reactions_remake_its_rows_only(update, tmp_path, name):
    folder, db = update
    edit(folder / name, lambda lines: [lines[0], *lines[2:]])  # one row withdrawn
    report = pipeline.load(folder, db)
    assert not report.errors and report.marts_kota == ["Pontianak"]
    assert_same_as_full_load(folder, db, tmp_path)


def test_a_new_year_makes_every_mart_anew(update, tmp_path):
    folder, db = update
    anggaran = folder / f"anggaran_{CITY}.csv"
    tahun = column(anggaran, "tahun")
    edit(anggaran, lambda lines: [*lines, set_cell(lines[1], tahun, "2031")])
    report = pipeline.load(folder, db)
    assert not report.errors and reused(report)  # the files are still taken over
    assert report.marts_kota is None  # every city's scorecard gains the year
    assert query(db, "SELECT count(DISTINCT kota) FROM ringkasan_kota_tahun WHERE tahun = 2031") == [(4,)]
    assert_same_as_full_load(folder, db, tmp_path)


def test_another_ikm_convention_makes_every_mart_anew(update, tmp_path, monkeypatch):
    folder, db = update
    monkeypatch.setenv("ASN_IKM_PENIMBANG", "0,111")
    edit(folder / f"survei_kepuasan_{CITY}.csv", lambda lines: [lines[0], *lines[2:]])
    report = pipeline.load(folder, db)
    assert not report.errors and reused(report)
    assert report.marts_kota is None
    assert_same_as_full_load(folder, db, tmp_path)


def test_most_cities_changed_make_every_mart_anew(update, tmp_path):
    folder, db = update
    for city in ("pontianak", "jambi", "makassar"):
        edit(folder / f"anggaran_{city}.csv", lambda lines: lines[:-1])
    report = pipeline.load(folder, db)
    assert not report.errors and report.marts_kota is None
    assert_same_as_full_load(folder, db, tmp_path)


def test_the_command_line_says_which_cities_were_made_again(update):
    folder, db = update
    edit(folder / f"anggaran_{CITY}.csv", lambda lines: lines[:-1])
    done = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(folder), "--db", str(db)],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "ASN_PSEUDONYM_KEY": KEY},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(all_files(folder)) - 1} file tidak berubah sejak pemuatan terakhir" in done.stdout
    assert "Ringkasan dihitung ulang hanya untuk kota yang datanya berubah: Pontianak." in done.stdout
