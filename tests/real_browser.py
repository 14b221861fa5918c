"""The dashboard served by `streamlit run` and driven in Debian's Chromium with Playwright, for the tests marked
`browser` (tests/test_e2e.py, tests/test_e2e_hostile.py). The fixtures `server` and `browser_page` of
tests/conftest.py use these.

Needs /usr/bin/chromium (`.ci/run` installs it). No browser download, no skip: without Chromium these tests fail
and say how to install it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import DASHBOARD
from playwright.sync_api import Page, sync_playwright

from settings import WAREHOUSE_ENV

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(warehouse: Path, log: Path, port: int | None = None, secrets: Path | None = None) -> Iterator[str]:
    """Serve the dashboard on `warehouse` with `streamlit run` (its output into `log`), on `port` (a free one by
    default) and with the secrets file `secrets` (none by default: the local mode); yield its base URL once it
    answers, and stop it after."""
    port = port or free_port()
    flags = [f"--secrets.files={secrets}"] if secrets else []
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                DASHBOARD.name,
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                *flags,
            ],
            cwd=DASHBOARD.parent,
            env={**os.environ, WAREHOUSE_ENV: str(warehouse)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.5)
            else:
                raise RuntimeError(log.read_text())
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextmanager
def chromium_page() -> Iterator[Page]:
    """Yield a page of a headless Chromium (1366 x 900), closed after."""
    assert shutil.which(CHROMIUM), "Chromium is missing: apt-get install -y chromium (.ci/run does this)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1366, "height": 900})
        finally:
            browser.close()


def open_and_wait(page: Page, url: str, drawn: str = "h1, .slide-title") -> None:
    """Open a URL and wait until Streamlit has drawn `drawn` (the page's title) and finished running the script."""
    page.goto(url)
    page.wait_for_selector(drawn, state="attached", timeout=60_000)  # the script has run, not just the frame
    idle(page)


def idle(page: Page) -> None:
    """Wait until the script is not running. After a click the rerun may not have started yet: assertions
    after a click retry (expect) instead of trusting this alone."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
