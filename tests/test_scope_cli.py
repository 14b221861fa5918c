"""`python -m analytics export --sebagai EMAIL` (a real subprocess): exactly the files that person could download in
the app, from the deployment's secrets file; unknown people and a missing secrets file are refused; every export
is written to the audit log. Without --sebagai the command line stays the local, unscoped mode."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import NIP_C, load_rows, minimal_rows, pegawai

import settings
from access import audit
from access.grants import Scope
from analytics import queries
from analytics.context import PageContext
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
SECRET_OPD = "Dinas Khusus Jambi"
SECRETS = """
[auth]
client_id = "dasbor"
[access]
[[access.grants]]
domain = "pontianak.go.id"
kota = ["Pontianak"]
role = "viewer"
[[access.grants]]
group = "bkpsdm-jambi"
kota = ["Jambi"]
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = minimal_rows()
    rows["pegawai"] = [p for p in rows["pegawai"] if p["kota"] != "Jambi"]
    rows["pegawai"].append(pegawai(NIP_C, kota="Jambi", opd=SECRET_OPD))
    report, db = load_rows(tmp_path_factory.mktemp("cli"), rows)
    assert report.status == "ok"
    return db


@pytest.fixture
def secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASN_MIN_GROUP", "1")  # the fixture's groups are tiny; '<5' is tested elsewhere
    monkeypatch.setenv(settings.AUDIT_ENV, str(tmp_path / "audit.jsonl"))
    path = tmp_path / "secrets.toml"
    path.write_text(SECRETS)
    return path


def export(db: Path, secrets: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "export", "--db", str(db), "--rahasia", str(secrets)]
        + ["--tahun", "2024", "--format", "csv", "--out", str(out), *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def unzipped(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def test_an_export_as_a_person_is_exactly_what_they_could_download_in_the_app(warehouse, secrets, tmp_path) -> None:
    from ui import meeting_panel  # what the app's download button builds

    out = tmp_path / "paket.zip"
    done = export(
        warehouse, secrets, out, "--sebagai", "sekda@pontianak.go.id", "--kota", "Pontianak", "--kota", "Jambi"
    )
    assert done.returncode == 0, done.stderr
    con = open_warehouse(warehouse)
    try:
        info = queries.warehouse_info(con)
    finally:
        con.close()
    scope = Scope(kota=frozenset({"Pontianak"}))
    ctx = PageContext("id", Filters(("Pontianak", "Jambi"), 2024, 2024), info, scope)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WAREHOUSE_ENV, str(warehouse))
        in_app = unzipped(meeting_panel.build(ctx, "csv", who="sekda@pontianak.go.id"))
    from_cli = unzipped(out.read_bytes())
    assert from_cli == in_app
    assert not any(SECRET_OPD in text for text in from_cli.values())


def test_without_sebagai_the_command_line_is_the_unscoped_local_mode(warehouse, secrets, tmp_path) -> None:
    out = tmp_path / "semua.zip"
    done = export(warehouse, secrets, out, "--kota", "Pontianak", "--kota", "Jambi")
    assert done.returncode == 0, done.stderr
    assert any(SECRET_OPD in text for text in unzipped(out.read_bytes()).values())
    assert audit.events().iloc[0][["aksi", "email", "cakupan"]].tolist() == [
        "ekspor",
        "baris perintah (lokal)",
        "semua",
    ]


def test_a_person_starts_from_their_own_kota_and_the_export_is_logged(warehouse, secrets, tmp_path) -> None:
    out = tmp_path / "jambi.zip"
    done = export(warehouse, secrets, out, "--sebagai", "kabid@jambikota.go.id", "--grup", "bkpsdm-jambi")
    assert done.returncode == 0, done.stderr
    files = unzipped(out.read_bytes())
    assert any(SECRET_OPD in text for text in files.values())
    assert not any("Pontianak" in text for text in files.values())
    event = audit.events().iloc[0]
    assert event[["aksi", "email", "cakupan", "berkas"]].tolist() == [
        "ekspor",
        "kabid@jambikota.go.id",
        "Jambi",
        "jambi.zip",
    ]


def test_someone_without_access_or_without_the_secrets_file_is_refused(warehouse, secrets, tmp_path) -> None:
    out = tmp_path / "x.zip"
    stranger = export(warehouse, secrets, out, "--sebagai", "warga@gmail.com")
    assert stranger.returncode == 2 and "warga@gmail.com tidak punya akses" in stranger.stderr
    missing = export(warehouse, tmp_path / "tidak-ada.toml", out, "--sebagai", "sekda@pontianak.go.id")
    assert missing.returncode == 2 and "tidak-ada.toml" in missing.stderr
    assert not out.exists()


@pytest.mark.parametrize("sebagai", ["", "  ", "evil@x.com@pontianak.go.id", "sekda.pontianak.go.id", "sekda@"])
def test_an_empty_or_malformed_sebagai_is_refused_and_logged(warehouse, secrets, tmp_path, sebagai) -> None:
    """An empty --sebagai (an unset variable in a cron line) is not the unscoped local mode."""
    out = tmp_path / "x.zip"
    done = export(warehouse, secrets, out, "--sebagai", sebagai, "--kota", "Makassar")
    assert done.returncode == 2 and "--sebagai harus satu alamat e-mail" in done.stderr
    assert not out.exists()
    assert [(e["aksi"], e["berkas"]) for e in logged()] == [("ditolak", "x.zip")]  # refusals are logged


def test_a_refusal_for_want_of_access_is_logged(warehouse, secrets, tmp_path) -> None:
    done = export(warehouse, secrets, tmp_path / "x.zip", "--sebagai", "warga@gmail.com")
    assert done.returncode == 2
    assert [(e["aksi"], e["email"]) for e in logged()] == [("ditolak", "warga@gmail.com")]


def logged() -> list[dict]:
    """Return the audit log's events, newest first (the `secrets` fixture puts the log in the test's folder)."""
    return audit.events().to_dict("records")
