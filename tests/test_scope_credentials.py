"""The local mode's admin password (access.credentials, ui.auth.gate): a salted scrypt hash, repeated
failures slowed down for the whole process, the old SHA-256 hash refused with a way out, and sign-out ending the
session."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import minimal_rows, write_folder
from streamlit.testing.v1 import AppTest

from access import audit, credentials
from access.credentials import FIRST_WAIT_S, FREE_FAILURES, Throttle, new_hash, verify, wait_after
from analytics.texts import t
from etl import pipeline
from settings import WAREHOUSE_ENV
from ui import auth

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "kata-sandi-uji"


def test_a_hash_is_scrypt_with_its_own_salt_and_only_the_password_matches() -> None:
    first, second = new_hash(PASSWORD), new_hash(PASSWORD)
    assert first.startswith("scrypt$") and first != second  # a fresh salt each time
    assert verify(PASSWORD, first) and verify(PASSWORD, second)
    assert not verify("kata-sandi-lain", first) and not verify("", first)


@pytest.mark.parametrize(
    "stored", ["", "tempel-hash-di-sini", hashlib.sha256(PASSWORD.encode()).hexdigest(), "md5$1$2"]
)
def test_a_value_that_is_not_a_scrypt_hash_matches_nothing(stored: str) -> None:
    assert not verify(PASSWORD, stored)


def test_the_wait_starts_after_the_free_failures_and_doubles_up_to_a_ceiling() -> None:
    assert [wait_after(n) for n in range(FREE_FAILURES)] == [0.0] * FREE_FAILURES
    assert wait_after(FREE_FAILURES) == FIRST_WAIT_S and wait_after(FREE_FAILURES + 1) == 2 * FIRST_WAIT_S
    assert wait_after(100) == credentials.MAX_WAIT_S


def test_the_throttle_holds_tries_until_the_wait_is_over_and_forgets_after_success() -> None:
    now = [1000.0]
    throttle = Throttle(clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        assert throttle.seconds_left() == 0
        throttle.failed()
    assert throttle.seconds_left() == FIRST_WAIT_S
    now[0] += FIRST_WAIT_S
    assert throttle.seconds_left() == 0
    throttle.failed()
    assert throttle.seconds_left() == 2 * FIRST_WAIT_S
    throttle.succeeded()
    assert throttle.seconds_left() == 0


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A warehouse of minimal_rows() the app points at; the process's failure count reset before and after."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-sandi-rahasia-uji-yang-cukup-panjang")
    assert pipeline.load(write_folder(tmp_path / "sumber", minimal_rows()), db).status == "ok"
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.chdir(ROOT)
    auth._throttle.clear()
    yield db
    auth._throttle.clear()


def open_upload(admin: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["admin"] = admin
    at.run()
    return at.switch_page("views/unggah.py").run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="admin_password").input(password)
    return at.button[0].click().run()


def test_after_repeated_failures_even_the_right_password_waits_in_a_new_session(app) -> None:
    admin = {"password_scrypt": new_hash(PASSWORD)}
    for _ in range(FREE_FAILURES):
        assert [e.value for e in sign_in(open_upload(admin), "salah").main.error] == [t("in_wrong_password", "id")]
    at = sign_in(open_upload(admin), PASSWORD)  # a fresh session: the count is the process's
    assert [e.value for e in at.main.error] == [t("in_wait", "id", s=int(FIRST_WAIT_S))]
    assert not at.get("file_uploader")
    refused = audit.events()
    assert list(refused["aksi"][:FREE_FAILURES]) == ["ditolak"] * FREE_FAILURES


def test_the_old_sha256_hash_is_refused_with_a_way_to_make_a_new_one(app) -> None:
    at = open_upload({"password_sha256": hashlib.sha256(PASSWORD.encode()).hexdigest(), "salt": ""})
    assert not at.exception
    assert [w.value for w in at.main.warning] == [t("in_gate_old_hash", "id")]
    assert not at.text_input and not at.get("file_uploader")


def test_signing_out_ends_the_admin_session(app) -> None:
    at = sign_in(open_upload({"password_scrypt": new_hash(PASSWORD)}), PASSWORD)
    assert len(at.get("file_uploader")) == 1
    at.sidebar.button(key="admin_logout").click().run()
    assert not at.exception
    assert not at.get("file_uploader") and at.text_input(key="admin_password")
    assert auth.SESSION_KEY not in at.session_state and "_context" in at.session_state  # rebuilt, not kept
