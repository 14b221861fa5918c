"""The audit trail (access.audit): events appended to a file outside the warehouse, so loads and restores leave
it whole; shown and exported on the Jejak audit page to admins of every city only; meeting files built in the
app are recorded as exports."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import minimal_rows, write_folder
from in_process_app import open_signed_in
from streamlit.testing.v1 import AppTest

import settings
from access import audit
from access.grants import Scope
from analytics import queries
from analytics.context import PageContext
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from analytics.texts import t
from etl import backup, pipeline
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A warehouse of minimal_rows() loaded twice (one kept to restore); the log at its default place."""
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-audit-rahasia-uji-yang-cukup-panjang")
    monkeypatch.delenv(settings.AUDIT_ENV, raising=False)
    monkeypatch.setenv(WAREHOUSE_ENV, str(tmp_path / "gudang" / "warehouse.duckdb"))
    source = write_folder(tmp_path / "sumber", minimal_rows())
    db = tmp_path / "gudang" / "warehouse.duckdb"
    for _ in range(2):
        assert pipeline.load(source, db, keep_backups=3).status == "ok"
    return db


def test_events_are_appended_beside_the_warehouse_and_read_newest_first(warehouse: Path) -> None:
    audit.record("masuk", "a@pontianak.go.id", "Pontianak", detail="viewer")
    audit.record("unggah", "b@pontianak.go.id", "Pontianak", ["pegawai_pontianak.csv", "program.csv"], "run 1")
    assert audit.log_path() == warehouse.parent / "audit.jsonl"
    shown = audit.events()
    assert list(shown.columns) == audit.COLUMNS
    assert shown[["aksi", "email", "berkas"]].values.tolist() == [
        ["unggah", "b@pontianak.go.id", "pegawai_pontianak.csv, program.csv"],
        ["masuk", "a@pontianak.go.id", ""],
    ]
    assert pd.to_datetime(shown["waktu_utc"]).notna().all()


def test_the_log_survives_a_load_and_a_restore(warehouse: Path) -> None:
    audit.record("masuk", "a@pontianak.go.id", "Pontianak")
    before = audit.log_path().read_bytes()
    backup.restore(warehouse, backup.list_backups(warehouse)[0]["path"], keep=3)
    assert pipeline.load(write_folder(warehouse.parent.parent / "lagi", minimal_rows()), warehouse).status == "ok"
    assert audit.log_path().read_bytes() == before


def test_an_unknown_action_is_a_programming_error_and_a_broken_line_hides_nothing_else(warehouse: Path) -> None:
    with pytest.raises(ValueError, match="lihat"):
        audit.record("lihat", "a@pontianak.go.id", "Pontianak")
    audit.record("masuk", "a@pontianak.go.id", "Pontianak")
    with audit.log_path().open("a") as fh:
        fh.write('{"aksi": "masuk", tidak lengkap\n')
    audit.record("ekspor", "a@pontianak.go.id", "Pontianak", ["x.pdf"])
    assert audit.events()["aksi"].tolist() == ["ekspor", "masuk"]


def test_exporting_the_log_is_itself_recorded(warehouse: Path) -> None:
    audit.record("masuk", "a@pontianak.go.id", "Pontianak")
    exported = audit.exported("pusat@bkn.go.id").decode("utf-8-sig")
    assert exported.splitlines()[0] == ",".join(audit.COLUMNS) and "a@pontianak.go.id" in exported
    assert audit.events().iloc[0][["aksi", "email", "berkas"]].tolist() == [
        "ekspor",
        "pusat@bkn.go.id",
        "jejak_audit.csv",
    ]


def test_a_meeting_file_built_in_the_app_is_recorded_with_its_readers_scope(warehouse: Path) -> None:
    from ui import meeting_panel  # imports Streamlit; its cached connection works outside a script run

    con = open_warehouse(warehouse)
    try:
        info = queries.warehouse_info(con)
    finally:
        con.close()
    ctx = PageContext("id", Filters(("Pontianak",), 2024, 2024), info, Scope(kota=frozenset({"Pontianak"})))
    assert meeting_panel.build(ctx, "html", who="sekda@pontianak.go.id").startswith(b"<!DOCTYPE html>")
    event = audit.events().iloc[0]
    assert event[["aksi", "email", "cakupan", "berkas"]].tolist() == [
        "ekspor",
        "sekda@pontianak.go.id",
        "Pontianak",
        "pembinaan_asn_pontianak_2024.html",
    ]


ACCESS = {
    "grants": [
        {"email": "admin@pontianak.go.id", "kota": ["Pontianak"], "role": "admin"},
        {"email": "pusat@bkn.go.id", "everything": True, "role": "admin"},
    ]
}


def open_audit_page(email: str) -> AppTest:
    return open_signed_in({"is_logged_in": True, "email": email}, ACCESS, "jejak_audit")


def test_the_audit_page_is_for_admins_of_every_city(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    national = open_audit_page("pusat@bkn.go.id")
    assert not national.exception
    assert national.dataframe[0].value["email"].tolist()[0] == "pusat@bkn.go.id"  # its own sign-in, newest
    assert [b for b in national.get("download_button") if b.key == "audit_download"]
    city = open_audit_page("admin@pontianak.go.id")
    assert not city.exception
    assert [e.value for e in city.main.error] == [t("in_not_admin", "id", email="admin@pontianak.go.id")]
    assert not city.dataframe and not [b for b in city.get("download_button") if b.key == "audit_download"]
