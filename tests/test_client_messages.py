"""What a browser can send does not reset security state or empty the caches every reader shares.

Streamlit obeys a `clear_cache` message (BackMsg) from any websocket client, signed in or not: it empties every
st.cache_data and st.cache_resource of the process. ui.auth.keep_shared_caches (applied by dashboard.py) makes it
clear only the sender's own session, and the admin password's slowdown lives in a file (access.credentials), so
neither that message nor a server restart forgives failed passwords.

The first test hands the message to Streamlit's real AppSession in this process; the others send it over a real
websocket to the dashboard served by `streamlit run`, and try passwords in Debian's Chromium.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
import streamlit as st
from conftest import DASHBOARD, load_rows, minimal_rows
from playwright.sync_api import Page
from real_browser import chromium_page, open_and_wait, serve
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.script_data import ScriptData
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest
from websockets.sync.client import connect

import settings
from access.credentials import FREE_FAILURES, new_hash
from analytics.texts import t

PASSWORD = "kata-sandi-uji"
SIGNED_IN = "diterima"  # what try_password returns when the upload page opened


def clear_cache() -> BackMsg:
    """Return the message Streamlit's 'Clear cache' menu item sends."""
    return BackMsg(clear_cache=True)


def handled_by_a_real_session(message: BackMsg) -> None:
    """Hand `message` to a real AppSession of this process, as the server does with what a websocket receives."""

    async def handle() -> None:
        session = AppSession(
            ScriptData(str(DASHBOARD), is_hello=False), MemoryUploadedFileManager("/"), ScriptCache(), None, {}
        )
        try:
            session.handle_backmsg(message)
        finally:
            session.shutdown()

    asyncio.run(handle())


def test_a_clear_cache_message_leaves_the_caches_every_reader_shares(minimal_warehouse: Path, monkeypatch) -> None:
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(minimal_warehouse))
    monkeypatch.chdir(DASHBOARD.parent)
    assert not AppTest.from_file(str(DASHBOARD), default_timeout=60).run().exception  # the app has started
    calls: list[str] = []

    @st.cache_data(show_spinner=False)
    def data(x: int) -> int:
        calls.append("data")
        return x

    @st.cache_resource(show_spinner=False)
    def resource() -> object:
        calls.append("resource")
        return object()

    data(1), resource()
    handled_by_a_real_session(clear_cache())
    data(1), resource()
    assert calls == ["data", "resource"]


# The dashboard served by `streamlit run`, a client on a real websocket, passwords typed in Chromium.


def send_as_a_client(url: str, message: BackMsg) -> None:
    """Open a websocket to the server at `url` as a browser tab does (no cookie, nobody signed in), send
    `message`, and return once the server has handled it: it answers a heartbeat sent after it, in order."""
    with connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"]) as socket:
        socket.send(message.SerializeToString())
        socket.send(BackMsg(app_heartbeat=True).SerializeToString())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            reply = ForwardMsg()
            reply.ParseFromString(socket.recv(timeout=30))
            if reply.WhichOneof("type") == "heartbeat_ack":
                return
    raise AssertionError("the server did not answer the heartbeat")


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A warehouse of minimal_rows() in a folder of its own (the audit log and the failure file beside it), a
    secrets file with the admin password, and a scratch folder (TMPDIR, short enough for Chromium's socket
    path) of its own for the server and the browser."""
    report, db = load_rows(tmp_path, minimal_rows())
    assert report.status == "ok"
    (tmp_path / "secrets.toml").write_text(f'[admin]\npassword_scrypt = "{new_hash(PASSWORD)}"\n')
    scratch = Path(tempfile.mkdtemp(prefix="asn-uji-", dir="/tmp"))
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.delenv(settings.AUDIT_ENV, raising=False)
    yield db
    shutil.rmtree(scratch, ignore_errors=True)


def served(place: Path, log: str = "streamlit.log") -> AbstractContextManager[str]:
    """Return the context that serves the dashboard on `place` with its admin password (its output in `log`)."""
    return serve(place, place.parent.parent / log, secrets=place.parent.parent / "secrets.toml")


@pytest.fixture
def browser() -> Iterator[Page]:
    with chromium_page() as page:
        yield page


def try_password(page: Page, url: str, password: str) -> str:
    """Open the upload page in a new session, give `password`, and return the page's answer: the text of its
    alert, or SIGNED_IN when the upload form opened."""
    open_and_wait(page, f"{url}/unggah")
    page.get_by_label(t("in_password", "id")).fill(password)
    page.get_by_role("button", name=t("in_login", "id")).click()
    answer = page.locator("[data-testid=stFileUploader], [data-testid=stMain] [data-testid=stAlert]").first
    answer.wait_for(timeout=60_000)
    return SIGNED_IN if answer.get_attribute("data-testid") == "stFileUploader" else answer.inner_text().strip()


def fail_until_heard(page: Page, url: str) -> None:
    """Give wrong passwords until one is heard and refused (tries told to wait do not count)."""
    for _ in range(40):
        if try_password(page, url, "salah") == t("in_wrong_password", "id"):
            return
        time.sleep(0.5)
    raise AssertionError("no wrong password was heard")


def fail_three_times(page: Page, url: str) -> None:
    """Give three wrong passwords that are heard: the free tries are used up."""
    for _ in range(FREE_FAILURES):
        fail_until_heard(page, url)


def then_the_right_password(page: Page, url: str) -> str:
    """Give one more wrong password that is heard, then the right one, and return the answer to the right one:
    told to wait while the count of failures is kept (a fourth failure: 10 s), let in when it was forgotten."""
    fail_until_heard(page, url)
    return try_password(page, url, PASSWORD)


def waits(answer: str) -> bool:
    """Return True when the answer tells the visitor to wait (any number of seconds)."""
    return re.fullmatch(re.escape(t("in_wait", "id", s="999")).replace("999", r"\d+"), answer) is not None


@pytest.mark.browser
@pytest.mark.slow
def test_a_clear_cache_message_does_not_forgive_failed_passwords(place: Path, browser: Page) -> None:
    with served(place) as url:
        fail_three_times(browser, url)
        send_as_a_client(url, clear_cache())
        answer = then_the_right_password(browser, url)
    assert waits(answer), answer


@pytest.mark.browser
@pytest.mark.slow
def test_a_server_restart_does_not_forgive_failed_passwords(place: Path, browser: Page) -> None:
    with served(place) as url:
        fail_three_times(browser, url)
    with served(place, "streamlit-2.log") as url:
        answer = then_the_right_password(browser, url)
    assert waits(answer), answer


@pytest.mark.browser
@pytest.mark.slow
def test_a_clear_cache_message_does_not_empty_the_servers_caches(place: Path, browser: Page) -> None:
    """The server's connection holder (ui.data._current, an st.cache_resource) sweeps abandoned scratch folders
    when it is made: a folder left after the first page survives as long as the holder is not made again."""
    with served(place) as url:
        open_and_wait(browser, url)
        left = Path(os.environ["TMPDIR"]) / "asn-tmp-ditinggalkan"
        left.mkdir()
        (left / ".kunci").touch()
        send_as_a_client(url, clear_cache())
        open_and_wait(browser, url)
        assert browser.locator("[data-testid=stException]").count() == 0
    assert left.is_dir()
