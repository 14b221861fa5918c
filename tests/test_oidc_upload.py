"""An admin of one city, signed in for real (st.login against the local OpenID Connect provider, tests/real_oidc.py,
in Debian's Chromium), uploads another city's employee disguised as their own: a file named to be read first
(pegawai-0.csv, '-' sorts before '.') whose row carries Jambi's NIP marked Pontianak, so that it would take over
Jambi's row by the duplicate key. The upload page refuses it naming Jambi, the load button stays disabled, and
the same file through `python -m etl unggah --sebagai` is refused too: the warehouse and the source folder are
byte for byte what they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NIP_C, csv_bytes, load_rows, minimal_rows, pegawai
from playwright.sync_api import Page, expect
from real_browser import chromium_page, free_port, open_and_wait, serve
from real_oidc import auth_section, provider, sign_in

import settings
from analytics.texts import t

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
ADMIN = "admin@pontianak.go.id"
ACCESS = """
[access]
[[access.grants]]
email = "admin@pontianak.go.id"
kota = ["Pontianak"]
role = "admin"
"""


def disguised(folder: Path) -> Path:
    """Write pegawai-0.csv: Jambi's employee NIP_C marked as Pontianak's."""
    path = folder / "unggahan" / "pegawai-0.csv"
    path.parent.mkdir()
    path.write_bytes(csv_bytes("pegawai", [pegawai(NIP_C, kota="Pontianak")]))
    return path


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path, Path]]:
    """The dashboard served with [auth] at a running provider and Pontianak's admin grant: (url, warehouse,
    source folder, secrets file)."""
    folder = tmp_path_factory.mktemp("oidc_unggah")
    report, db = load_rows(folder, minimal_rows())  # Pontianak and Jambi, the source folder is folder/sumber
    assert report.status == "ok"
    port = free_port()
    with provider(port, {}, folder / "provider.log") as issuer:
        secrets = folder / "secrets.toml"
        secrets.write_text(auth_section(port, issuer) + ACCESS)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv(settings.SOURCE_ENV, str(folder / "sumber"))
            mp.setenv(settings.AUDIT_ENV, str(folder / "audit.jsonl"))
            with serve(db, folder / "streamlit.log", port=port, secrets=secrets) as url:
                yield url, db, folder / "sumber", secrets


@pytest.fixture
def browser() -> Iterator[Page]:
    """A fresh Chromium."""
    with chromium_page() as page:
        yield page


def state(db: Path, source: Path) -> tuple[bytes, dict[str, bytes]]:
    """Return the warehouse's bytes and the source folder's files."""
    return db.read_bytes(), {p.name: p.read_bytes() for p in sorted(source.iterdir())}


def test_a_disguised_upload_of_another_citys_row_is_refused_in_the_browser_and_on_the_command_line(
    deployment: tuple[str, Path, Path, Path], browser: Page, tmp_path: Path
) -> None:
    url, db, source, secrets = deployment
    before = state(db, source)
    upload = disguised(tmp_path)
    sign_in(browser, url, ADMIN)
    open_and_wait(browser, f"{url}/unggah")
    browser.set_input_files("input[type=file]", str(upload))
    refused = t("in_changes_outside", "id", mine="Pontianak").split(" (")[0]
    expect(browser.get_by_text(refused)).to_be_visible(timeout=60_000)
    assert "Jambi, data pegawai" in browser.locator("[data-testid=stApp]").inner_text()
    expect(browser.get_by_role("button", name=t("in_confirm", "id"))).to_be_disabled()
    assert state(db, source) == before

    env = os.environ | {settings.AUDIT_ENV: str(tmp_path / "audit.jsonl")}
    command = [sys.executable, "-m", "etl", "unggah", str(upload), "--sebagai", ADMIN, "--rahasia", str(secrets)]
    done = subprocess.run(
        [*command, "--db", str(db), "--sumber", str(source)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 2 and "Jambi, data pegawai" in done.stderr, done.stderr
    assert state(db, source) == before
    events = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert [(e["aksi"], e["email"]) for e in events] == [("ditolak", ADMIN)]
