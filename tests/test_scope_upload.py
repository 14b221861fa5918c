"""Scoped uploads and restores (etl.intake with the sender's kota, the upload page): an admin of Pontianak sends
only Pontianak's rows; a file holding another city's rows, or replacing a source file that does, is refused
naming the rows, and nothing is written; restoring a warehouse is for admins of every city only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NIP_A, NIP_C, csv_bytes, minimal_rows, pegawai, program, write_folder
from in_process_app import open_signed_in
from streamlit.testing.v1 import AppTest

import settings
from access import audit
from analytics.texts import t
from etl import intake, pipeline, scoped_write
from etl.contract import DATASETS
from settings import SOURCE_ENV, WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
PONTIANAK = frozenset({"Pontianak"})
NIP_NEW = "199203042018011004"

pytestmark = pytest.mark.slow  # each test previews and loads uploads into a warehouse of its own


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The source folder of record (minimal_rows: Pontianak and Jambi in pegawai.csv) and its warehouse."""
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-cakupan-rahasia-uji-yang-cukup-panjang")
    monkeypatch.setenv(settings.AUDIT_ENV, str(tmp_path / "audit.jsonl"))
    source = write_folder(tmp_path / "sumber", minimal_rows())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(source, db).status == "ok"
    return source, db


def test_an_upload_with_another_citys_rows_is_refused_naming_the_rows(folder) -> None:
    source, db = folder
    rows = [pegawai(NIP_NEW), pegawai("199305052019022005", kota="Jambi"), pegawai("199406062020121006", kota="jambi")]
    shown = intake.preview([("pegawai_pontianak.csv", csv_bytes("pegawai", rows))], source, PONTIANAK, db)
    assert [(o.file, o.kota, o.lines, o.replaces) for o in shown.outside] == [
        ("pegawai_pontianak.csv", "Jambi", (3, 4), False)
    ]
    assert not shown.can_load
    assert intake.preview([("pegawai_pontianak.csv", csv_bytes("pegawai", rows))], source).can_load  # unscoped


def test_rows_without_a_kota_column_belong_to_their_employees_city(folder) -> None:
    source, db = folder
    peserta = [
        {"kode_program": "PTK-2024-0001", "nip": NIP_A, "status": "lulus"},
        {"kode_program": "PTK-2024-0001", "nip": NIP_C, "status": "lulus"},  # Jambi's employee
    ]
    shown = intake.preview([("peserta_2025.csv", csv_bytes("peserta", peserta))], source, PONTIANAK, db)
    assert [(o.file, o.kota, o.lines) for o in shown.outside] == [("peserta_2025.csv", "Jambi", (3,))]


def test_every_dataset_of_the_contract_is_checked_for_its_kota() -> None:
    sql = (ROOT / "etl" / "sql" / "checks" / "kota_baris.sql").read_text()
    assert [name for name in DATASETS if f"FROM raw_{name} " not in sql and f"FROM raw_{name}\n" not in sql] == []


def test_targets_and_sanctions_of_another_city_are_refused(folder) -> None:
    source, db = folder
    target = {
        "tahun": 2025,
        "indikator": "Indeks Profesionalitas ASN",
        "satuan": "indeks",
        "arah": "naik",
        "target": 70,
    }
    targets = [{**target, "kota": "Pontianak"}, {**target, "kota": "Jambi"}]
    sanctions = [
        {"nip": NIP_A, "tingkat": "ringan", "tmt": "2025-02-01"},
        {"nip": NIP_C, "tingkat": "berat", "tmt": "2025-03-01"},
    ]
    files = [
        ("target_kinerja.csv", csv_bytes("target_kinerja", targets)),
        ("hukuman_disiplin.csv", csv_bytes("hukuman_disiplin", sanctions)),
    ]
    shown = intake.preview(files, source, PONTIANAK, db)
    assert sorted((o.file, o.kota, o.lines) for o in shown.outside) == [
        ("hukuman_disiplin.csv", "Jambi", (3,)),
        ("target_kinerja.csv", "Jambi", (3,)),
    ]
    assert not shown.can_load


def test_replacing_a_source_file_that_holds_another_citys_rows_is_refused(folder) -> None:
    source, db = folder
    mine_only = csv_bytes("pegawai", [pegawai(NIP_A)])  # would drop Jambi's employee from pegawai.csv
    shown = intake.preview([("pegawai.csv", mine_only)], source, PONTIANAK, db)
    assert [(o.file, o.kota, o.replaces) for o in shown.outside] == [("pegawai.csv", "Jambi", True)]
    assert not shown.can_load


def test_a_refused_commit_writes_nothing(folder) -> None:
    source, db = folder
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    stamp = db.stat().st_mtime_ns
    done = intake.commit(
        [("pegawai_x.csv", csv_bytes("pegawai", [pegawai(NIP_NEW, kota="Jambi")]))], source, db, 0, PONTIANAK
    )
    assert done.errors[0]["message"] == scoped_write.REFUSED  # checked on the result of the load
    assert any(
        e["message"].startswith("Jambi, data pegawai") and "pegawai_x.csv baris 2" in e["message"] for e in done.errors
    )
    assert {p.name: p.read_bytes() for p in source.iterdir()} == before
    assert db.stat().st_mtime_ns == stamp


def test_an_admin_of_pontianak_loads_pontianaks_rows_and_leaves_the_other_files_alone(folder) -> None:
    source, db = folder
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    uploads = [
        ("pegawai_pontianak_2025.csv", csv_bytes("pegawai", [pegawai(NIP_NEW)])),
        ("program_pontianak_2025.csv", csv_bytes("program", [program("PTK-2025-0009")])),
    ]
    assert intake.preview(uploads, source, PONTIANAK, db).can_load
    done = intake.commit(uploads, source, db, 0, PONTIANAK)
    assert done.errors == [] and done.status == "ok"
    after = {p.name: p.read_bytes() for p in source.iterdir()}
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {"pegawai_pontianak_2025.csv", "program_pontianak_2025.csv"}


ACCESS = {
    "grants": [
        {"email": "admin@pontianak.go.id", "kota": ["Pontianak"], "role": "admin"},
        {"email": "pusat@bkn.go.id", "everything": True, "role": "admin"},
    ]
}


def open_upload(email: str) -> AppTest:
    return open_signed_in({"is_logged_in": True, "email": email}, ACCESS, "unggah")


@pytest.fixture
def app(folder, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    source, db = folder
    pipeline.load(source, db, keep_backups=3)  # one warehouse kept: something to restore
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.setenv(SOURCE_ENV, str(source))
    monkeypatch.chdir(ROOT)
    return folder


def test_the_upload_page_refuses_another_citys_rows_and_logs_the_refusal(app) -> None:
    at = open_upload("admin@pontianak.go.id")
    jambi = csv_bytes("pegawai", [pegawai(NIP_NEW, kota="Jambi")])
    at.get("file_uploader")[0].set_value([("pegawai_baru.csv", jambi, "text/csv")]).run()
    assert not at.exception
    expected = t("in_outside", "id", file="pegawai_baru.csv", kota="Jambi", lines="2", n=1, mine="Pontianak")
    assert expected in [e.value for e in at.main.error]
    assert at.button(key="unggah_confirm").disabled
    last = audit.events().iloc[0]
    assert (last["aksi"], last["email"], last["berkas"]) == ("ditolak", "admin@pontianak.go.id", "pegawai_baru.csv")


def test_restoring_is_for_admins_of_every_city_only(app) -> None:
    city = open_upload("admin@pontianak.go.id")
    assert not city.exception and len(city.get("file_uploader")) == 1
    assert not [b for b in city.button if b.key == "unggah_restore"]
    assert t("in_restore_deployment_only", "id") in [c.value for c in city.main.caption]
    national = open_upload("pusat@bkn.go.id")
    assert national.button(key="unggah_restore")


def test_an_upload_and_a_restore_are_written_to_the_audit_log(app) -> None:
    at = open_upload("admin@pontianak.go.id")
    mine = csv_bytes("pegawai", [pegawai(NIP_NEW)])
    at.get("file_uploader")[0].set_value([("pegawai_pontianak.csv", mine, "text/csv")]).run()
    at.button(key="unggah_confirm").click().run()
    assert not at.exception
    upload = audit.events().iloc[0]
    assert (upload["aksi"], upload["email"], upload["cakupan"], upload["berkas"]) == (
        "unggah",
        "admin@pontianak.go.id",
        "Pontianak",
        "pegawai_pontianak.csv",
    )
    national = open_upload("pusat@bkn.go.id")
    national.button(key="unggah_restore").click().run()
    assert not national.exception
    restore = audit.events().iloc[0]
    assert (restore["aksi"], restore["email"], restore["cakupan"]) == ("pulihkan", "pusat@bkn.go.id", "semua")
    assert restore["berkas"].endswith(".duckdb")
