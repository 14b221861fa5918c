"""Many readers at once (issue 28, item 5): the dashboard served by several Streamlit processes behind HAProxy
(`make serve`, scripts/serve.py, deploy/haproxy.cfg), driven in Debian's Chromium.

A session keeps to its process (HAProxy's cookie ASN_PROSES) and keeps its choices across reruns and pages; two
browsers land on different processes (leastconn, the X-Proses header names the process); a load that replaces the
warehouse is seen by every process; SIGTERM stops every child. Loopback ports only; every wait is bounded.
Needs /usr/bin/chromium and /usr/sbin/haproxy (`.ci/run` installs both).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from real_browser import CHROMIUM, CHROMIUM_ARGS, free_port, idle, open_and_wait

from analytics.texts import t
from benchmarks.readers import at_once
from demo import write_sample
from etl import pipeline
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "scripts" / "serve.py"
READY = "Dashboard ready: "
COOKIE = "ASN_PROSES"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Served:
    """A running `python scripts/serve.py`: its process, the address HAProxy answers on and the log folder."""

    def __init__(self, process: subprocess.Popen, url: str, logs: Path) -> None:
        self.process, self.url, self.logs = process, url, logs

    def ports(self) -> list[int]:
        """Return the loopback ports of the Streamlit processes, read from the HAProxy config it made."""
        config = (self.logs / "haproxy.cfg").read_text()
        return [
            int(line.split()[2].rsplit(":", 1)[1]) for line in config.splitlines() if line.strip().startswith("server ")
        ]


def start(warehouse: Path, logs: Path, processes: int) -> Served:
    """Start the launcher on a free port of 127.0.0.1 with `processes` Streamlit processes on `warehouse`; return
    it once it says it is ready (within 120 s), or fail with its output."""
    port = free_port()
    out = logs / "serve.out"
    logs.mkdir(parents=True, exist_ok=True)
    with out.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, str(SERVE), "--port", str(port), "--address", "127.0.0.1", "--processes", str(processes)]
            + ["--logs", str(logs)],
            cwd=ROOT,
            env={**os.environ, WAREHOUSE_ENV: str(warehouse)},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 120
    while READY not in out.read_text():
        assert process.poll() is None and time.monotonic() < deadline, out.read_text()
        time.sleep(0.3)
    return Served(process, f"http://127.0.0.1:{port}", logs)


def stop(served: Served) -> int:
    """SIGTERM the launcher as a service manager would; return its exit status (killed after 60 s)."""
    served.process.send_signal(signal.SIGTERM)
    try:
        return served.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        served.process.kill()
        raise


def answers(url: str) -> bool:
    """Return True when something answers an HTTP request at `url`."""
    try:
        urllib.request.urlopen(url, timeout=2).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def layout(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Module scope: the demo warehouse served by two Streamlit processes behind HAProxy."""
    served = start(warehouse, tmp_path_factory.mktemp("serve"), processes=2)
    try:
        yield served
    finally:
        stop(served)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Module scope: a headless Chromium; each test opens its own contexts (a context is a browser profile with
    its own cookies)."""
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def visitor(browser: Browser) -> tuple[BrowserContext, Page, list[str]]:
    """Return a new context (no cookies), a page of it and the list every answer's X-Proses is appended to."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    seen: list[str] = []
    page.on("response", lambda response: seen.append(response.headers.get("x-proses", "")))
    return context, page, seen


def process_of(context: BrowserContext) -> str:
    """Return the process HAProxy pinned this browser to (the value of its ASN_PROSES cookie)."""
    return next(c["value"] for c in context.cookies() if c["name"] == COOKIE)


def test_a_session_keeps_its_language_and_its_process_across_pages_and_a_reload(layout: Served, browser) -> None:
    context, page, seen = visitor(browser)
    try:
        open_and_wait(page, layout.url)
        page.get_by_text("English", exact=True).click()
        expect(page).to_have_url(re.compile("lang=en"), timeout=30_000)
        idle(page)
        page.locator("[data-testid=stSidebarNav]").get_by_text(t("page_partisipasi", "en"), exact=True).click()
        expect(page.locator("h1").first).to_have_text(t("partisipasi_title", "en"), timeout=30_000)
        idle(page)
        page.reload()
        page.wait_for_selector("h1", state="attached", timeout=60_000)
        idle(page)
        expect(page.locator("h1").first).to_have_text(t("partisipasi_title", "en"), timeout=30_000)
        assert page.locator("[data-testid=stException]").count() == 0
        pinned = process_of(context)
        assert set(seen) == {pinned}  # every answer, before and after the reload, from the same process
    finally:
        context.close()


def test_two_browsers_land_on_different_processes(layout: Served, browser) -> None:
    contexts = []
    try:
        for _ in range(4):  # leastconn sends the second to the idle process; four at most, whatever happens
            context, page, _ = visitor(browser)
            contexts.append(context)
            open_and_wait(page, layout.url)
            if len({process_of(c) for c in contexts}) == 2:
                break
        assert {process_of(c) for c in contexts} == {"p1", "p2"}
    finally:
        for context in contexts:
            context.close()


def test_the_readers_benchmark_reads_both_pages_from_both_processes(layout: Served) -> None:
    with ThreadPoolExecutor(1) as thread:  # its own event loop: Playwright's sync API holds this thread's
        readings = thread.submit(at_once, layout.url, 4, 120).result(timeout=180)
    assert all(r.seconds is not None and r.charts > 0 for r in readings), readings
    assert {r.process for r in readings} == {"p1", "p2"}


def first_metric(page: Page) -> str:
    return page.locator("[data-testid=stMetricValue]").first.inner_text()


def on_process(browser: Browser, url: str, process: str) -> tuple[BrowserContext, Page]:
    """Return a context whose cookie pins it to `process`, and its page."""
    context, page, _ = visitor(browser)
    context.add_cookies([{"name": COOKIE, "value": process, "url": url}])
    return context, page


def test_a_load_into_the_served_file_is_seen_by_every_process(demo_source: Path, browser, tmp_path: Path) -> None:
    db = tmp_path / "gudang" / "warehouse.duckdb"
    assert pipeline.load(demo_source, db).status == "ok"
    served = start(db, tmp_path / "serve", processes=2)
    try:
        pinned = [on_process(browser, served.url, p) for p in ("p1", "p2")]
        before = []
        for context, page in pinned:
            open_and_wait(page, f"{served.url}/?kota=Jambi")
            assert process_of(context) in ("p1", "p2")
            before.append(first_metric(page))
        assert {process_of(c) for c, _ in pinned} == {"p1", "p2"}
        write_sample(tmp_path / "baru", seed=99, scale=0.03)
        subprocess.run(
            [sys.executable, "-m", "etl", "load", str(tmp_path / "baru"), "--db", str(db)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )
        for (_, page), old in zip(pinned, before, strict=True):
            open_and_wait(page, f"{served.url}/?kota=Jambi")
            assert page.locator("[data-testid=stException]").count() == 0
            assert first_metric(page) != old
        for context, _ in pinned:
            context.close()
    finally:
        stop(served)


def test_sigterm_stops_haproxy_and_every_process(warehouse: Path, tmp_path: Path) -> None:
    served = start(warehouse, tmp_path / "serve", processes=1)
    backends = [f"http://127.0.0.1:{p}/_stcore/health" for p in served.ports()]
    assert answers(served.url) and all(answers(b) for b in backends)
    assert stop(served) == 0
    assert not answers(served.url) and not any(answers(b) for b in backends)
