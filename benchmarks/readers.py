"""Many readers at once: N browser sessions open Ringkasan then Partisipasi at the same moment (issue 28, item 5).

    python -m benchmarks.readers --db WAREHOUSE [--readers 1 10 20 40 80] [--processes 2] [--timeout 120]

Serves the dashboard on WAREHOUSE three times, one layout after the other (benchmarks.readers.setups): one Streamlit
process with Streamlit's defaults (as `make run` served it before .streamlit/config.toml turned off the file watcher
and the garbage collection after every run), one process as `make run` serves it now, and `--processes` processes
behind HAProxy (scripts/serve.py, `make serve`). For each it warms every process (two readers, one after the other,
sent straight to each process), then for each N opens N websocket sessions at the same moment, as N browser tabs
would (Streamlit's protocol: a BackMsg `rerun_script` with the page, ForwardMsgs until `script_finished`), and asks
each for Ringkasan and, when that run has finished, for Partisipasi. A reader's time runs from the common start to
the end of its Partisipasi run; a reader fails when a run ends in an exception or a compile error, the page is not
found, the pages draw no chart at all, or both runs have not finished within --timeout seconds.

Prints a Markdown table, the layouts side by side for each N: all finished? (and the Plotly charts each reader
received), p50, p95 and max seconds, the CPU seconds the Streamlit processes spent per page run in that round
(/proc), how many readers each process served, the processes' resident memory after the round and the CPU seconds
the client (this process, on the same cores) spent on the round. Connects only to 127.0.0.1; every loop is bounded
in count and time. Timings are written down (docs/performance.md), never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from scripts.serve import free_ports, serving
from settings import WAREHOUSE_ENV

PAGES = ("", "partisipasi")  # Ringkasan is the default page (no url path), then Partisipasi
READERS = (1, 10, 20, 40, 80)
FINISHED = ForwardMsg.ScriptFinishedStatus
PROCESS_HEADER = "X-Proses"  # set by deploy/haproxy.cfg: which process answered


@dataclass(frozen=True)
class Reading:
    """One reader: seconds from the common start to its last page's end (None: it failed), why it failed, the
    process that served it (HAProxy's X-Proses; '' when connected straight to a process) and the Plotly charts
    its pages sent (so a table shows that the pages drew something)."""

    seconds: float | None
    problem: str = ""
    process: str = ""
    charts: int = 0


class Failed(Exception):
    """A page run ended badly (exception on the page, compile error, page not found)."""


async def _until_finished(socket, deadline: float) -> int:
    """Read ForwardMsgs until the script run ends well and return how many Plotly charts it sent; raise Failed
    when it shows an exception, does not compile or names no page, TimeoutError past `deadline`
    (time.monotonic)."""
    error = ""
    charts = 0
    while True:
        raw = await asyncio.wait_for(socket.recv(), timeout=max(0.01, deadline - time.monotonic()))
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            shown = element.WhichOneof("type")
            charts += shown == "plotly_chart"
            if shown == "exception":
                error = error or element.exception.message or "exception"
        elif kind == "page_not_found":
            raise Failed("page not found")
        elif kind == "script_finished":
            status = message.script_finished
            if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise Failed("compile error")
            if status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                continue  # the page asked for a rerun; the next run ends it
            if error:
                raise Failed(error)
            return charts


async def read_pages(url: str, start: float, timeout: float, pages: Sequence[str] = PAGES) -> Reading:
    """Open one session on the Streamlit server (or HAProxy) at `url`, run `pages` one after the other and
    return the Reading, timed from `start` (time.monotonic)."""
    deadline = start + timeout
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    process = ""
    charts = 0
    try:
        # No keepalive pings, as a browser sends none: a server too busy to answer one in 20 s is what is measured.
        opened = connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout, ping_interval=None)
        async with opened as socket:
            process = socket.response.headers.get(PROCESS_HEADER, "")
            for page in pages:
                rerun = BackMsg(rerun_script=ClientState(query_string="", page_name=page))
                await socket.send(rerun.SerializeToString())
                charts += await _until_finished(socket, deadline)
        if not charts:  # a warehouse the pages cannot read says so in a sentence, with no chart
            raise Failed("no chart drawn: can the pages read the warehouse?")
        return Reading(time.monotonic() - start, process=process, charts=charts)
    except Exception as problem:  # a failed run, a timeout, a closed websocket: the reader failed, the round goes on
        return Reading(None, f"{type(problem).__name__}: {problem}"[:200], process)


async def _at_once(url: str, readers: int, timeout: float) -> list[Reading]:
    """Return the Readings of `readers` sessions started together."""
    start = time.monotonic()
    return list(await asyncio.gather(*(read_pages(url, start, timeout) for _ in range(readers))))


def at_once(url: str, readers: int, timeout: float) -> list[Reading]:
    """Run `readers` sessions at the same moment against `url`; return one Reading each."""
    return asyncio.run(_at_once(url, readers, timeout))


def cpu_seconds(pids: Sequence[int]) -> float:
    """Return the user + system CPU seconds the processes `pids` have used so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / tick


def summary(readings: Sequence[Reading], cpu: float) -> dict:
    """Return what a round's table row says: all finished?, p50, p95, max seconds, CPU seconds per page run and
    how many readers each process served."""
    done = sorted(r.seconds for r in readings if r.seconds is not None)
    runs = len(readings) * len(PAGES)
    per_process: dict[str, int] = {}
    for r in readings:
        per_process[r.process] = per_process.get(r.process, 0) + 1
    return {
        "all": len(done) == len(readings),
        "failed": len(readings) - len(done),
        "p50": statistics.median(done) if done else None,
        "p95": statistics.quantiles(done, n=20, method="inclusive")[18] if len(done) > 1 else (done or [None])[0],
        "max": done[-1] if done else None,
        "cpu_per_run": cpu / runs,
        "per_process": per_process,
        "problems": sorted({r.problem for r in readings if r.problem})[:3],
        "charts": sorted({r.charts for r in readings if r.seconds is not None}),
    }


@dataclass(frozen=True)
class Setup:
    """A layout measured: its name in the table, how many Streamlit processes, whether readers go through
    HAProxy, and flags of `streamlit run` after .streamlit/config.toml's."""

    name: str
    processes: int
    through_proxy: bool
    flags: tuple[str, ...] = ()


# Streamlit's defaults (config.toml's two serving settings undone), as the issue measured `make run`.
AS_MAKE_RUN = ("--server.fileWatcherType=auto", "--runner.postScriptGC=true")


def setups(processes: int) -> list[Setup]:
    """Return the layouts side by side: one process with Streamlit's defaults (`make run` before), one process as
    `make run` serves it now, and `processes` processes behind HAProxy (`make serve`)."""
    return [
        Setup("1 process, Streamlit defaults", 1, False, AS_MAKE_RUN),
        Setup("1 process, make run", 1, False),
        Setup(f"{processes} processes + HAProxy (make serve)", processes, True),
    ]


def rss_mb(pids: Sequence[int]) -> float:
    """Return the resident memory of the processes `pids` together, in MB (Linux /proc)."""
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def measure(db: Path, setup: Setup, counts: Sequence[int], timeout: float) -> dict[int, dict]:
    """Serve `db` as `setup` says, warm every process, and return {N: summary} for each reader count (with the
    processes' resident memory after the round)."""
    env = {**os.environ, WAREHOUSE_ENV: str(db)}
    results: dict[int, dict] = {}
    with serving(free_ports(1)[0], setup.processes, env=env, extra=setup.flags) as (layout, children):
        streamlit_pids = [c.pid for c in children[:-1]]
        for port in layout.ports:  # warm: every process runs both pages, twice; a page that fails stops here
            for _ in range(2):
                (warm,) = at_once(f"http://127.0.0.1:{port}", 1, timeout)
                if warm.seconds is None:
                    raise RuntimeError(f"the pages do not run on {db}: {warm.problem}")
        url = layout.url if setup.through_proxy else f"http://127.0.0.1:{layout.ports[0]}"
        for n in counts:
            time.sleep(1)
            before, client = cpu_seconds(streamlit_pids), _own_cpu()
            readings = at_once(url, n, timeout)
            results[n] = summary(readings, cpu_seconds(streamlit_pids) - before) | {
                "rss": rss_mb(streamlit_pids),
                "client_cpu": _own_cpu() - client,
            }
            print(f"  {setup.name}, {n} readers: {_cells(results[n])}", flush=True)
    return results


def _own_cpu() -> float:
    """Return the CPU seconds this process (the client of every reader) has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _cells(row: dict) -> str:
    """Return a round's cells: all finished (with the charts each reader got), p50, p95, max, CPU per run, the
    readers each process served and the processes' memory."""
    finished = "yes" if row["all"] else f"**no ({row['failed']} failed)**"
    finished += f" ({'/'.join(map(str, row['charts'])) or 0} charts)"
    spread = ", ".join(f"{k} {v}" for k, v in sorted(row["per_process"].items()) if k) or "-"
    return " | ".join(
        [
            finished,
            _seconds(row["p50"]),
            _seconds(row["p95"]),
            _seconds(row["max"]),
            f"{row['cpu_per_run']:.3f}",
            spread,
            f"{row.get('rss', 0):,.0f}",
            f"{row.get('client_cpu', 0):.1f}",
        ]
    )


def table(results: dict[str, dict[int, dict]]) -> str:
    """Return the Markdown table: for each reader count, a row per layout."""
    lines = [
        "| readers at once | layout | all finished | p50 s | p95 s | max s | CPU s / page run | readers per process "
        "| RSS MB | client CPU s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    counts = next(iter(results.values())).keys()
    for n in counts:
        for name, rows in results.items():
            lines.append(f"| {n} | {name} | {_cells(rows[n])} |")
    return "\n".join(lines)


def main() -> None:
    """Measure the layouts on --db and print the machine, the load before and after, and the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the warehouse (e.g. the 98-kota demo at scale 1)")
    parser.add_argument("--readers", type=int, nargs="+", default=list(READERS))
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="behind HAProxy (default: cores)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a reader may take for both pages")
    args = parser.parse_args()
    counts = [max(1, min(n, 500)) for n in args.readers]  # bounded
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {args.db}; {uptime}")
    results = {s.name: measure(args.db, s, counts, args.timeout) for s in setups(max(1, args.processes))}
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"\nafter: {uptime}\n")
    print(table(results))
    for problem in sorted({p for rows in results.values() for row in rows.values() for p in row["problems"]}):
        print(f"- {problem}")


if __name__ == "__main__":
    main()
