"""The local mode's admin password (access.credentials, ui.auth.gate): a salted scrypt hash, repeated
failures slowed down for the whole server and counted in a file that neither an emptied cache nor another process
forgets (a damaged file closes the sign-in), the old SHA-256 hash refused with a way out, and sign-out ending the
session."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
import streamlit as st
from conftest import minimal_rows, write_folder
from streamlit.testing.v1 import AppTest

import settings
from access import audit, credentials
from access.credentials import FIRST_WAIT_S, FREE_FAILURES, Throttle, Unreadable, new_hash, verify, wait_after
from analytics.texts import t
from etl import pipeline
from settings import AUDIT_ENV, WAREHOUSE_ENV
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


def test_the_throttle_hears_the_free_tries_then_waits_and_forgets_after_success(tmp_path: Path) -> None:
    now = [1000.0]
    throttle = Throttle(tmp_path / "gagal.json", clock=lambda: now[0])
    assert [throttle.attempt() for _ in range(FREE_FAILURES)] == [0] * FREE_FAILURES
    assert throttle.attempt() == FIRST_WAIT_S and throttle.seconds_left() == FIRST_WAIT_S  # told to wait: not counted
    now[0] += FIRST_WAIT_S
    assert throttle.attempt() == 0
    assert throttle.attempt() == 2 * FIRST_WAIT_S
    throttle.succeeded()
    assert throttle.attempt() == 0


# A try made by another Python process (another server on the same folder, or this one after a restart), from the
# moment `start` on (wall clock); it prints the seconds it was told to wait.
ATTEMPT = (
    "import sys, time\nfrom pathlib import Path\nfrom access.credentials import Throttle\n"
    "while time.time() < float(sys.argv[2]): pass\nprint(Throttle(Path(sys.argv[1])).attempt())"
)


def attempt_elsewhere(path: Path, start: float = 0.0) -> subprocess.Popen:
    """Start a process that tries once at `start`; read its answer with `answer`."""
    return subprocess.Popen([sys.executable, "-c", ATTEMPT, str(path), str(start)], stdout=subprocess.PIPE, cwd=ROOT)


def answer(process: subprocess.Popen) -> int:
    """Return the seconds the try of `process` was told to wait."""
    return int(process.communicate(timeout=60)[0])


def test_the_count_is_in_the_file_so_another_process_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "gagal.json"
    for _ in range(FREE_FAILURES):
        Throttle(path).attempt()
    assert 0 < answer(attempt_elsewhere(path)) <= FIRST_WAIT_S


def test_tries_from_many_processes_at_once_are_heard_one_at_a_time(tmp_path: Path) -> None:
    """Eight processes try at the same moment: only the free tries are heard, the others are told to wait."""
    path, start = tmp_path / "gagal.json", time.time() + 3
    tries = [attempt_elsewhere(path, start) for _ in range(8)]
    assert sorted(answer(p) for p in tries) == [0] * FREE_FAILURES + [FIRST_WAIT_S] * (8 - FREE_FAILURES)


def test_a_clock_set_back_does_not_lengthen_the_wait(tmp_path: Path) -> None:
    now = [1_000_000.0]
    throttle = Throttle(tmp_path / "gagal.json", clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        throttle.attempt()
    now[0] -= 86_400  # a day back
    assert throttle.attempt() == FIRST_WAIT_S
    now[0] += FIRST_WAIT_S
    assert throttle.attempt() == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe",
        b"[]",
        b'{"failures": -1, "last": 0}',
        b'{"failures": "3", "last": 0}',
        b'{"failures": 3}',
        b'{"failures": 3, "last": NaN}',
        b'{"failures": true, "last": 0}',
    ],
)
def test_a_damaged_failure_file_closes_the_sign_in(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "gagal.json"
    path.write_bytes(content)
    with pytest.raises(Unreadable, match="gagal.json"):
        Throttle(path).attempt()
    assert path.read_bytes() == content  # left for someone to look at


def test_a_failure_file_that_cannot_be_opened_closes_the_sign_in(tmp_path: Path) -> None:
    (tmp_path / "gagal.json").mkdir()
    with pytest.raises(Unreadable):
        Throttle(tmp_path / "gagal.json").attempt()


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A warehouse of minimal_rows() the app points at, its audit log and its count of failures beside it."""
    db = tmp_path / "gudang" / "warehouse.duckdb"
    monkeypatch.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-sandi-rahasia-uji-yang-cukup-panjang")
    monkeypatch.delenv(AUDIT_ENV, raising=False)
    assert pipeline.load(write_folder(tmp_path / "sumber", minimal_rows()), db).status == "ok"
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.chdir(ROOT)
    return db


def open_upload(admin: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["admin"] = admin
    at.run()
    return at.switch_page("views/unggah.py").run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="admin_password").input(password)
    return at.button[0].click().run()


def told_to_wait(at: AppTest) -> bool:
    """Return True when the page's one error tells the visitor to wait, up to FIRST_WAIT_S seconds (the clock
    runs on between the tries)."""
    waits = [t("in_wait", "id", s=s) for s in range(1, int(FIRST_WAIT_S) + 1)]
    return len(at.main.error) == 1 and at.main.error[0].value in waits


def test_after_repeated_failures_even_the_right_password_waits_in_a_new_session(app) -> None:
    admin = {"password_scrypt": new_hash(PASSWORD)}
    for _ in range(FREE_FAILURES):
        assert [e.value for e in sign_in(open_upload(admin), "salah").main.error] == [t("in_wrong_password", "id")]
    at = sign_in(open_upload(admin), PASSWORD)  # a fresh session: the count is the server's
    assert told_to_wait(at)
    assert not at.get("file_uploader")
    refused = audit.events()
    assert list(refused["aksi"][:FREE_FAILURES]) == ["ditolak"] * FREE_FAILURES


def test_emptying_every_streamlit_cache_does_not_forgive_failed_passwords(app) -> None:
    """What a browser's clear_cache message did (st.cache_data and st.cache_resource emptied), and what a restart
    does to memory, leaves the count: the right password still waits."""
    admin = {"password_scrypt": new_hash(PASSWORD)}
    for _ in range(FREE_FAILURES):
        sign_in(open_upload(admin), "salah")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = sign_in(open_upload(admin), PASSWORD)
    assert told_to_wait(at)
    assert not at.get("file_uploader")


def test_a_damaged_failure_file_closes_the_password_sign_in_with_a_sentence(app) -> None:
    settings.sign_in_failures().write_text("rusak")
    at = sign_in(open_upload({"password_scrypt": new_hash(PASSWORD)}), PASSWORD)
    assert not at.exception
    assert [e.value for e in at.main.error] == [t("sc_password_closed", "id", file="sign_in_failures.json")]
    assert not at.get("file_uploader")
    assert list(audit.events()["aksi"][:1]) == ["ditolak"]


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
