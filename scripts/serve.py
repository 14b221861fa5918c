"""Serve the dashboard from several Streamlit processes behind HAProxy, on one machine (`make serve`).

Usage: python scripts/serve.py [--port 8501] [--address 0.0.0.0] [--processes N] [--logs DIR] [-- streamlit flags]

Starts N `streamlit run dashboard.py` processes (one per core by default) on free ports of 127.0.0.1, with the
settings of .streamlit/config.toml (no file watcher, no full garbage collection after every run) and one cookie secret
shared by all, waits until each answers /_stcore/health, then HAProxy on ADDRESS:PORT with the configuration made from
deploy/haproxy.cfg (sticky sessions by the cookie ASN_PROSES, websockets passed through). Every process reads
the same warehouse ($ASN_WAREHOUSE or data/warehouse.duckdb) and notices a new load on its own at its next page
run (ui.data keys its connection on the file's version). Ctrl-C or SIGTERM stops HAProxy and every process; so
does any of them stopping on its own. Flags after `--` go to every `streamlit run` (e.g. --secrets.files=...).
Needs Debian's `haproxy` (`.ci/run` and `make serve` install it when root).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import Template

from settings import PROJECT_ROOT

TEMPLATE = PROJECT_ROOT / "deploy" / "haproxy.cfg"
DASHBOARD = PROJECT_ROOT / "dashboard.py"
STARTUP_S = 90  # how long a Streamlit process may take to answer its health check
STOP_S = 20  # how long a child may take to stop after SIGTERM before it is killed
# The two settings that cut a page run's CPU (no file watcher, no full garbage collection after every run) are in
# .streamlit/config.toml, read by every process (they start in PROJECT_ROOT), so `make run` has them too.


@dataclass(frozen=True)
class Layout:
    """What `serving` started: the address readers open, the processes' loopback ports and the log folder."""

    url: str
    ports: tuple[int, ...]
    logs: Path


def free_ports(count: int) -> list[int]:
    """Return `count` distinct free TCP ports of 127.0.0.1 (held open together while chosen, so no two repeat)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def server_name(index: int) -> str:
    """Return the name of the `index`-th process (0-based) in HAProxy: p1, p2, ... (the value of ASN_PROSES)."""
    return f"p{index + 1}"


def haproxy_config(ports: Sequence[int], bind: str, template: Path = TEMPLATE) -> str:
    """Return deploy/haproxy.cfg with its slots filled: `bind` (e.g. '0.0.0.0:8501') and one `server` line per
    Streamlit process on 127.0.0.1, each with its own cookie value."""
    servers = "\n".join(
        f"    server {server_name(i)} 127.0.0.1:{port} check inter 2s cookie {server_name(i)}"
        for i, port in enumerate(ports)
    )
    return Template(template.read_text()).substitute(bind=bind, servers=servers)


def streamlit_command(port: int, extra: Sequence[str] = ()) -> list[str]:
    """Return the command that serves the dashboard on 127.0.0.1:`port` with .streamlit/config.toml's settings,
    then `extra` flags of streamlit run (a later flag overrides an earlier one)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(DASHBOARD),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        *extra,
    ]


def healthy(url: str) -> bool:
    """Return True when the Streamlit server at `url` answers its health check with 'ok'."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read() == b"ok"
    except OSError:
        return False


def _start(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start `command` in the project folder, its output into `log`, in its own process group."""
    with log.open("w") as out:
        return subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(process: subprocess.Popen) -> None:
    """Stop a child: SIGTERM, then SIGKILL after STOP_S seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_S)


def _wait_ready(url: str, process: subprocess.Popen, log: Path) -> None:
    """Wait until the process serving `url` answers; raise RuntimeError with its log when it stops or never does."""
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{log} ended:\n{log.read_text()[-3000:]}")
        if healthy(url):
            return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {STARTUP_S} s:\n{log.read_text()[-3000:]}")


def haproxy_binary() -> str:
    """Return the path of Debian's haproxy; raise RuntimeError saying how to install it when it is missing."""
    found = shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if Path(p).exists()), None)
    if not found:
        raise RuntimeError("haproxy is missing: apt-get install -y haproxy (.ci/run does this)")
    return found


@contextmanager
def serving(
    port: int,
    processes: int,
    address: str = "127.0.0.1",
    logs: Path | None = None,
    extra: Sequence[str] = (),
    env: dict[str, str] | None = None,
) -> Iterator[tuple[Layout, list[subprocess.Popen]]]:
    """Start `processes` Streamlit processes and HAProxy on address:port in front of them; yield the Layout and
    the children (HAProxy last) once every process answers, and stop them all after, whatever ends the block.
    `env` is the environment of the children (default: this one)."""
    logs = logs or Path(tempfile.mkdtemp(prefix="asn-serve-"))
    # One cookie secret for every process (Streamlit's own is random per process), given in the environment rather
    # than on the command line: a signed cookie made by one process (the XSRF token of an upload) is valid on the
    # others when HAProxy moves a browser because its process stopped.
    env = {**(os.environ if env is None else env)}
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    logs.mkdir(parents=True, exist_ok=True)
    ports = free_ports(processes)
    children: list[subprocess.Popen] = []
    with ExitStack() as stack:
        stack.callback(lambda: [_stop(c) for c in reversed(children)])
        for i, p in enumerate(ports):
            children.append(_start(streamlit_command(p, extra), logs / f"streamlit_{server_name(i)}.log", env))
        for i, p in enumerate(ports):
            _wait_ready(f"http://127.0.0.1:{p}", children[i], logs / f"streamlit_{server_name(i)}.log")
        config = logs / "haproxy.cfg"
        config.write_text(haproxy_config(ports, f"{address}:{port}"))
        subprocess.run([haproxy_binary(), "-c", "-q", "-f", str(config)], check=True)
        children.append(_start([haproxy_binary(), "-db", "-f", str(config)], logs / "haproxy.log", env))
        url = f"http://{'127.0.0.1' if address in ('0.0.0.0', '::', '') else address}:{port}"
        _wait_ready(url, children[-1], logs / "haproxy.log")
        yield Layout(url, tuple(ports), logs), children


def _stop_on_signals() -> None:
    """Turn SIGINT, SIGTERM and SIGHUP into KeyboardInterrupt, so `serving` stops the children. SIGINT too: a
    process started in the background by a shell begins with SIGINT ignored, and Python then leaves it so."""

    def interrupt(signum: int, frame: object) -> None:
        for again in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a second Ctrl-C must not cut the stopping short
            signal.signal(again, signal.SIG_IGN)
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until Ctrl-C, SIGTERM or a child stopping; return the exit status (0 when stopped on request)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501, help="where HAProxy listens (default 8501)")
    parser.add_argument("--address", default="0.0.0.0", help="where HAProxy listens (default every interface)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="default: one per core")
    parser.add_argument("--logs", type=Path, help="folder for the logs and the HAProxy config (default: temporary)")
    parser.add_argument("extra", nargs="*", help="flags for every streamlit run, after --")
    args = parser.parse_args(argv)
    _stop_on_signals()
    try:
        with serving(args.port, max(1, args.processes), args.address, args.logs, args.extra) as (layout, children):
            where = layout.url
            if args.address in ("0.0.0.0", "::"):  # every interface: the address others in the meeting open too
                where += f"  (http://{socket.gethostname()}:{args.port})"
            print(
                f"Dasbor siap / Dashboard ready: {where}  ({len(layout.ports)} proses Streamlit di belakang"
                f" HAProxy; log: {layout.logs}). Ctrl-C menghentikan semuanya / stops them all.",
                flush=True,
            )
            while all(c.poll() is None for c in children):
                time.sleep(1)
            ended = next(c for c in children if c.poll() is not None)
            print(f"Berhenti / Stopped: {' '.join(map(str, ended.args))} ended ({ended.returncode}).", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("Dihentikan / Stopped.", flush=True)
        return 0
    except RuntimeError as problem:
        print(f"GAGAL / FAILED: {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
