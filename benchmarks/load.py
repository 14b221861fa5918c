"""Benchmark the load against DuckDB's own read_csv of the same files.

    python -m benchmarks.load [--scales 1 10] [--kota 4] [--seed 42] [--work DIR]

For each scale: write the synthetic sample (if not already there), then in separate processes
(so peak memory is per process) time `python -m etl load` and a plain DuckDB script that reads
every CSV of the folder into a table with read_csv, and the floor (benchmarks/floor.py: the same
raw tables and marts with no checks at all). Prints a Markdown table. The warehouse of each scale stays in the
work folder (warehouse_k<kota>_s<scale>.duckdb), for benchmarks.pages, benchmarks.browser and benchmarks.export.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

READ_CSV_ONLY = """
import sys, duckdb, pathlib
con = duckdb.connect(sys.argv[2])
for p in sorted(pathlib.Path(sys.argv[1]).glob('*.csv')):
    con.execute(f"CREATE TABLE {p.stem} AS SELECT * FROM read_csv(?, header=true)", [str(p)])
con.close()
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MB of that child process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def bench(scale: float, seed: int, work: Path, kota: int = 4) -> dict:
    """Return the measurements for one scale of the demo with `kota` cities."""
    source = work / f"sample_k{kota}_s{scale:g}"
    if not (source / "pegawai.csv").exists():
        command = [sys.executable, "-m", "demo", "sample", "--out", str(source), "--seed", str(seed)]
        subprocess.run([*command, "--scale", str(scale), "--kota", str(kota)], check=True, stdout=subprocess.DEVNULL)
    size_mb = sum(p.stat().st_size for p in source.glob("*.csv")) / 1e6
    db = work / f"warehouse_k{kota}_s{scale:g}.duckdb"
    db.unlink(missing_ok=True)
    load_s, load_mb = timed([sys.executable, "-m", "etl", "load", str(source), "--db", str(db)])
    with duckdb.connect(str(db), read_only=True) as con:
        phases = json.loads(
            con.execute("SELECT phases_s FROM etl_runs ORDER BY started_at_utc DESC LIMIT 1").fetchone()[0]
        )
    raw_db = work / f"read_csv_s{scale:g}.duckdb"
    raw_db.unlink(missing_ok=True)
    read_s, read_mb = timed([sys.executable, "-c", READ_CSV_ONLY, str(source), str(raw_db)])
    raw_db.unlink()
    floor_db = work / f"floor_s{scale:g}.duckdb"
    floor_db.unlink(missing_ok=True)
    floor_s, _ = timed([sys.executable, "-m", "benchmarks.floor", str(source), str(floor_db)])
    floor_db.unlink()
    return {
        "scale": f"{kota} kota, {scale:g}",
        "csv_mb": size_mb,
        "load_s": load_s,
        "load_mb": load_mb,
        "validate_s": phases["validate"],
        "models_s": phases["models"],
        "read_csv_s": read_s,
        "read_csv_mb": read_mb,
        "floor_s": floor_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0])
    parser.add_argument("--kota", type=int, default=4, help="how many kota the demo has (4-98)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="asn-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(
        "| scale | CSV (MB) | load (s) | read, check, raw (s) | marts (s) | peak RSS (MB) | read_csv (s) | ratio |"
        " floor (s) | floor ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale in args.scales:
        r = bench(scale, args.seed, work, args.kota)
        print(
            f"| {r['scale']} | {r['csv_mb']:.0f} | {r['load_s']:.1f} | {r['validate_s']:.1f} | {r['models_s']:.1f} | "
            f"{r['load_mb']:.0f} | "
            f"{r['read_csv_s']:.1f} | {r['load_s'] / r['read_csv_s']:.1f} x | {r['floor_s']:.1f} | "
            f"{r['floor_s'] / r['read_csv_s']:.1f} x |"
        )


if __name__ == "__main__":
    main()
