"""A scoped write changes nothing outside its scope, checked on the result (etl/scoped_write.py): an admin of
Pontianak whose upload would change any row of Jambi, in a raw table or a mart, is refused before the swap,
with the kota and the lines named, and nothing is written, however the upload is disguised (rows marked
Pontianak that take over Jambi's keys, a participation in Jambi's activity, Jambi's activity redeclared).
The preview shows such an admin their own files only."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest
from conftest import NIP_A, NIP_C, csv_bytes, minimal_rows, pegawai, program, write_folder

import settings
from etl import intake, pipeline, scoped_write
from etl.contract import DATASETS

ROOT = Path(__file__).resolve().parent.parent
PONTIANAK = frozenset({"Pontianak"})
NIP_D = "198807072012011007"  # a second Jambi employee

pytestmark = pytest.mark.slow  # each test loads and previews into warehouses of its own


def rows_with_jambi() -> dict[str, list[dict]]:
    """minimal_rows with a second Jambi employee and a Jambi activity both Jambi employees passed."""
    rows = minimal_rows()
    rows["pegawai"].append(pegawai(NIP_D, kota="Jambi"))
    rows["program"].append(program("JMB-2024-0001", kota="Jambi", biaya="2000000"))
    rows["peserta"] += [{"kode_program": "JMB-2024-0001", "nip": nip, "status": "lulus"} for nip in (NIP_C, NIP_D)]
    return rows


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The source folder of record (Pontianak and Jambi) and its warehouse."""
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-tulis-bercakupan-yang-cukup-panjang")
    monkeypatch.setenv(settings.AUDIT_ENV, str(tmp_path / "audit.jsonl"))
    source = write_folder(tmp_path / "sumber", rows_with_jambi())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(source, db).status == "ok"
    return source, db


def jambi_rows(db: Path) -> dict[str, list[tuple]]:
    """Return every row about Jambi in the tables a reader sees, for before/after comparisons."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "pegawai": con.execute(
                "SELECT * EXCLUDE (_file, _line) FROM raw_pegawai WHERE kota = 'Jambi' ORDER BY ALL"
            ).fetchall(),
            "ringkasan": con.execute("SELECT * FROM ringkasan_kota_tahun WHERE kota = 'Jambi' ORDER BY ALL").fetchall(),
            "kegiatan": con.execute("SELECT * FROM kegiatan WHERE kota = 'Jambi' ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def refused_and_nothing_written(uploads: list[tuple[str, bytes]], source: Path, db: Path) -> list[dict]:
    """Preview and commit `uploads` as Pontianak's admin; assert both refuse and nothing is written; return the
    commit's errors."""
    shown = intake.preview(uploads, source, PONTIANAK, db)
    assert not shown.can_load and {c.kota for c in shown.changes} == {"Jambi"}
    files = {p.name: p.read_bytes() for p in source.iterdir()}
    stamp, before = db.read_bytes(), jambi_rows(db)
    done = intake.commit(uploads, source, db, 0, PONTIANAK)
    assert done.status == "failed" and done.errors[0]["message"] == scoped_write.REFUSED
    assert {p.name: p.read_bytes() for p in source.iterdir()} == files
    assert db.read_bytes() == stamp and jambi_rows(db) == before
    return done.errors


def test_rows_marked_pontianak_that_take_over_jambis_employee_are_refused(folder) -> None:
    # '-' sorts before '.': pegawai-0.csv is read first, so its row wins the duplicate key and Jambi's is rejected
    source, db = folder
    disguised = csv_bytes("pegawai", [pegawai(NIP_C, kota="Pontianak")])
    errors = refused_and_nothing_written([("pegawai-0.csv", disguised)], source, db)
    said = " ".join(e["message"] for e in errors)
    assert "Jambi, data pegawai: 2 baris sebelum, 1 sesudah" in said
    assert "baris yang hilang atau berubah: pegawai.csv baris 4" in said  # Jambi's own row, named


def test_a_participation_in_jambis_activity_is_a_row_about_two_cities(folder) -> None:
    source, db = folder
    peserta = csv_bytes("peserta", [{"kode_program": "JMB-2024-0001", "nip": NIP_A, "status": "lulus"}])
    errors = refused_and_nothing_written([("peserta-0.csv", peserta)], source, db)
    assert any("Jambi, data peserta" in e["message"] and "peserta-0.csv baris 2" in e["message"] for e in errors)
    assert any("Jambi: ringkasan yang dihitung dari data itu ikut berubah" in e["message"] for e in errors)


def test_jambis_activity_redeclared_as_pontianaks_is_refused(folder) -> None:
    source, db = folder
    redeclared = csv_bytes("program", [program("JMB-2024-0001", kota="Pontianak", biaya="1")])
    errors = refused_and_nothing_written([("program-0.csv", redeclared)], source, db)
    assert any("Jambi, data program" in e["message"] for e in errors)


def test_the_load_itself_checks_its_result_whatever_reached_the_folder(folder) -> None:
    # not through the upload's checks: Jambi's row edited in the folder, then a load with Pontianak's scope
    source, db = folder
    rows = rows_with_jambi()
    rows["pegawai"][2] = pegawai(NIP_C, kota="Jambi", opd="Dinas Lain")
    write_folder(source, rows)
    stamp = db.read_bytes()
    refused = pipeline.load(source, db, allowed=PONTIANAK)
    assert refused.status == "failed" and "Jambi, data pegawai" in refused.errors[1]["message"]
    assert db.read_bytes() == stamp
    assert pipeline.load(source, db, allowed=frozenset({"Pontianak", "Jambi"})).status == "ok"


def test_pontianaks_own_changes_and_a_new_year_load(folder) -> None:
    # a new year of Pontianak's gives Jambi rows for years new to the deployment (int_tahun spans every kota)
    source, db = folder
    before = jambi_rows(db)
    uploads = [
        ("pegawai_pontianak_2026.csv", csv_bytes("pegawai", [pegawai("199203042018011004")])),
        (
            "program_pontianak_2026.csv",
            csv_bytes("program", [program("PTK-2026-0001", tanggal_mulai="2026-02-02", tanggal_selesai="2026-02-03")]),
        ),
    ]
    shown = intake.preview(uploads, source, PONTIANAK, db)
    assert shown.can_load, scoped_write.sentences(shown.changes)
    assert intake.commit(uploads, source, db, 0, PONTIANAK).status == "ok"
    after = jambi_rows(db)
    assert after["pegawai"] == before["pegawai"] and after["kegiatan"] == before["kegiatan"]
    years = {r[1] for r in before["ringkasan"]}  # 2024: 2025 and 2026 are new to the deployment
    assert [r for r in after["ringkasan"] if r[1] in years] == before["ringkasan"]


def test_the_preview_of_a_city_admin_shows_their_own_files_only(folder) -> None:
    source, db = folder
    jambi = [pegawai("198901012014011009", kota="Jambi"), pegawai("bukan-nip", kota="Jambi", opd="Rahasia Jambi")]
    (source / "pegawai_jambi.csv").write_bytes(csv_bytes("pegawai", jambi))  # a reject of Jambi's in the folder
    assert pipeline.load(source, db).status == "ok"
    mine = csv_bytes("pegawai", [pegawai("199203042018011004"), pegawai("salah", opd="Bappeda")])
    shown = intake.preview([("pegawai_pontianak.csv", mine)], source, PONTIANAK, db)
    assert shown.can_load
    assert {r["file"] for r in shown.report.rejects} == {"pegawai_pontianak.csv"}
    counts = shown.datasets().set_index("dataset")
    assert counts.loc["pegawai", "rows_read"] == 2 and counts.loc["pegawai", "files"] == 1
    assert list(counts.index) == ["pegawai"]  # not the folder's other datasets
    assert b"Rahasia Jambi" not in shown.rejects_xlsx() and b"pegawai_jambi" not in shown.rejects_xlsx()
    everyone = intake.preview([("pegawai_pontianak.csv", mine)], source, None, db)
    assert {r["file"] for r in everyone.report.rejects} == {"pegawai_pontianak.csv", "pegawai_jambi.csv"}


def test_a_duplicate_settled_for_another_citys_file_does_not_name_it(folder) -> None:
    # pegawai_z.csv sorts after pegawai.csv: Jambi's row wins, the upload's is rejected and Jambi is unchanged
    source, db = folder
    shown = intake.preview([("pegawai_z.csv", csv_bytes("pegawai", [pegawai(NIP_C)]))], source, PONTIANAK, db)
    assert shown.can_load and not shown.changes
    [reject] = shown.report.rejects
    assert "berkas lain" in reject["reason"] and "pegawai.csv" not in reject["reason"]


SECRETS = """
[access]
[[access.grants]]
email = "admin@pontianak.go.id"
kota = ["Pontianak"]
role = "admin"

[[access.grants]]
domain = "pontianak.go.id"
kota = ["Pontianak"]
role = "viewer"
"""


def unggah(tmp_path: Path, source: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `python -m etl unggah` in a process of its own against this folder and warehouse."""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(SECRETS)
    env = os.environ | {
        "ASN_PSEUDONYM_KEY": "kunci-uji-tulis-bercakupan-yang-cukup-panjang",
        settings.AUDIT_ENV: str(tmp_path / "audit.jsonl"),
    }
    command = [sys.executable, "-m", "etl", "unggah", *args, "--rahasia", str(secrets), "--db", str(db)]
    return subprocess.run([*command, "--sumber", str(source)], env=env, cwd=ROOT, capture_output=True, text=True)


def audited(tmp_path: Path) -> list[tuple[str, str]]:
    """Return (action, email) of every event in this test's audit log."""
    lines = (tmp_path / "audit.jsonl").read_text().splitlines()
    return [(e["aksi"], e["email"]) for e in map(json.loads, lines)]


def test_the_command_line_refuses_the_disguised_upload_and_writes_nothing(folder, tmp_path) -> None:
    source, db = folder
    upload = tmp_path / "pegawai-0.csv"
    upload.write_bytes(csv_bytes("pegawai", [pegawai(NIP_C, kota="Pontianak")]))
    files, stamp = {p.name: p.read_bytes() for p in source.iterdir()}, db.read_bytes()
    done = unggah(tmp_path, source, db, str(upload), "--sebagai", "admin@pontianak.go.id")
    assert done.returncode == 2 and "Jambi, data pegawai" in done.stderr and "DITOLAK" in done.stderr
    assert {p.name: p.read_bytes() for p in source.iterdir()} == files and db.read_bytes() == stamp
    assert audited(tmp_path) == [("ditolak", "admin@pontianak.go.id")]


def test_the_command_line_previews_loads_and_refuses_as_the_page_does(folder, tmp_path) -> None:
    source, db = folder
    upload = tmp_path / "pegawai_pontianak_2025.csv"
    upload.write_bytes(csv_bytes("pegawai", [pegawai("199203042018011004")]))
    stamp = db.read_bytes()
    checked = unggah(tmp_path, source, db, str(upload), "--sebagai", "admin@pontianak.go.id", "--periksa")
    assert checked.returncode == 0 and "tidak ada yang ditulis" in checked.stdout
    assert db.read_bytes() == stamp and not (source / upload.name).exists()
    viewer = unggah(tmp_path, source, db, str(upload), "--sebagai", "sekda@pontianak.go.id")
    empty = unggah(tmp_path, source, db, str(upload), "--sebagai", "")
    assert viewer.returncode == 2 and "bukan admin" in viewer.stderr and empty.returncode == 2
    assert db.read_bytes() == stamp
    loaded = unggah(tmp_path, source, db, str(upload), "--sebagai", "ADMIN@Pontianak.go.id")
    assert loaded.returncode == 0, loaded.stderr
    assert (source / upload.name).read_bytes() == upload.read_bytes()
    assert audited(tmp_path) == [
        ("ditolak", "sekda@pontianak.go.id"),
        ("ditolak", "(kosong)"),
        ("unggah", "admin@pontianak.go.id"),
    ]


def test_pontianaks_activity_that_jambis_employee_took_is_about_jambi_too(folder) -> None:
    # Jambi's employee in Pontianak's activity, sent by an admin of every city; Pontianak's admin then changes the
    # activity's JP: only a Pontianak row changes, but Jambi's JP and 20-JP counts would move with it
    source, db = folder
    (source / "peserta_lintas.csv").write_bytes(
        csv_bytes("peserta", [{"kode_program": "PTK-2024-0001", "nip": NIP_C, "status": "lulus"}])
    )
    assert pipeline.load(source, db).status == "ok"
    longer = csv_bytes("program", [program("PTK-2024-0001", jp="40")])
    errors = refused_and_nothing_written([("program-0.csv", longer)], source, db)  # read before program.csv
    said = " ".join(e["message"] for e in errors)
    assert "Jambi: ringkasannya berubah" in said and "int_jp_pegawai_tahun" in said
    assert "Jambi, data" not in said  # no raw row of Jambi's changed


def test_a_fault_while_saving_the_uploads_puts_the_source_folder_back(folder) -> None:
    # the first upload is saved, the second cannot be (a folder of its name is in the way, as a full disk would
    # stop it): nothing of the upload may stay in the folder of record, and the warehouse is as it was
    source, db = folder
    (source / "program_z.csv").mkdir()
    files, stamp = {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()}, db.read_bytes()
    uploads = [
        ("pegawai_pontianak_2025.csv", csv_bytes("pegawai", [pegawai("199203042018011004")])),
        ("program_z.csv", csv_bytes("program", [program("PTK-2025-0009")])),
    ]
    done = intake.commit(uploads, source, db, 0, PONTIANAK)
    assert done.status == "failed" and "tidak diubah" in done.errors[0]["message"]
    assert {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()} == files
    assert db.read_bytes() == stamp


def test_a_warehouse_made_by_an_older_version_is_compared_on_the_columns_both_have(folder) -> None:
    # the replaced warehouse lacks a mart column this version adds: every city's row differs in it, but only in
    # what one side cannot say; Pontianak's own upload is not refused for that
    source, db = folder
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE kesenjangan_20jp DROP COLUMN jumlah_lulus_kegiatan")
    con.execute("UPDATE etl_runs SET validation_fingerprint = 'versi lama'")  # other code: nothing taken over
    con.close()
    upload = [("pegawai_pontianak_2025.csv", csv_bytes("pegawai", [pegawai("199203042018011004")]))]
    assert intake.commit(upload, source, db, 0, PONTIANAK).status == "ok"


def test_another_citys_row_is_refused_even_when_its_duplicate_key_leaves_it_out(folder) -> None:
    # Jambi's kota row again (rejected today: kota.csv is read first) and a Jambi employee on a second sheet:
    # nothing of Jambi changes now, but the folder of record would keep rows a later load could take up
    source, db = folder
    kota = csv_bytes("kota", [{"kota": "Jambi", "provinsi": "Kalimantan Barat"}])
    shown = intake.preview([("kota_pontianak.csv", kota)], source, PONTIANAK, db)
    assert [(o.file, o.kota, o.lines) for o in shown.outside] == [("kota_pontianak.csv", "Jambi", (2,))]
    book = openpyxl.Workbook()
    book.active.title = "pontianak"
    header = [c.name for c in DATASETS["pegawai"].columns]
    book.active.append(header)
    book.active.append([pegawai("199203042018011004").get(c, "") for c in header])
    other = book.create_sheet("lain")
    other.append(header)
    other.append([pegawai(NIP_D, kota="Jambi", opd="Dinas Lain").get(c, "") for c in header])
    out = io.BytesIO()
    book.save(out)
    shown = intake.preview([("pegawai_pontianak.xlsx", out.getvalue())], source, PONTIANAK, db)
    assert [(o.file, o.kota) for o in shown.outside] == [("pegawai_pontianak.xlsx [lain]", "Jambi")]
    assert not shown.can_load
