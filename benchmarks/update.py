"""Benchmark one city's update of a national warehouse against a full load.

    python -m benchmarks.update [--kota 98] [--scales 1 10] [--seed 42] [--city pontianak] [--work DIR]

For each scale: write the demo with a file per city (`python -m demo sample --per-kota`, if not already there)
and load it in full; then the city sends new files (a person's unit changed in pegawai_<city>.csv, a result
corrected in peserta_<city>.csv) and the folder is loaded twice more, each in its own process from the same
starting warehouse: as an update (the other files' validated rows taken over, etl/reuse.py) and in full
(`--penuh`). Prints a Markdown table with the phases of each from etl_runs. That the two warehouses are
identical is a test (tests/test_reuse.py), not measured here; the row counts of their tables are checked.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

import duckdb

from benchmarks.load import timed


def change_city(source: Path, city: str) -> None:
    """Rewrite the city's pegawai and peserta files as a city re-sending them would: one cell changed in each."""
    for dataset, column, value in (("pegawai", "opd", "Dinas Baru"), ("peserta", "status", "tidak_lulus")):
        path = source / f"{dataset}_{city}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        rows[1][rows[0].index(column)] = value
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)


def run_facts(db: Path) -> dict:
    """Return the newest run's phases, the files it reused and read, and the rows of every table."""
    with duckdb.connect(str(db), read_only=True) as con:
        run_id, phases = con.execute(
            "SELECT run_id, phases_s FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1"
        ).fetchone()
        reused, read = con.execute(
            "SELECT count(*) FILTER (WHERE reused), count(*) FILTER (WHERE NOT reused) FROM etl_run_files"
            " WHERE run_id = ?",
            [run_id],
        ).fetchone()
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name NOT LIKE 'etl_run%'").fetchall()
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in tables}
    return {"phases": json.loads(phases), "reused": reused, "read": read, "counts": counts}


def bench(kota: int, scale: float, seed: int, city: str, work: Path) -> list[dict]:
    """Return the full load and the update of one scale, as rows of the table printed."""
    source = work / f"per_kota_k{kota}_s{scale:g}"
    if not source.exists():  # written beside it and renamed when complete: an interrupted run leaves no half folder
        partial = source.with_name(source.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        command = [sys.executable, "-m", "demo", "sample", "--out", str(partial), "--seed", str(seed), "--per-kota"]
        timed([*command, "--scale", str(scale), "--kota", str(kota)])
        partial.rename(source)
    base = work / f"update_k{kota}_s{scale:g}" / "warehouse.duckdb"
    shutil.rmtree(base.parent, ignore_errors=True)
    base.parent.mkdir(parents=True)
    load = [sys.executable, "-m", "etl", "load"]
    timed([*load, str(source), "--db", str(base)])
    changed = work / f"per_kota_k{kota}_s{scale:g}_{city}"
    shutil.rmtree(changed, ignore_errors=True)
    shutil.copytree(source, changed)
    change_city(changed, city)
    rows = []
    for how, extra in (("update", []), ("full load", ["--penuh"])):
        db = base.with_name(f"{how.replace(' ', '_')}.duckdb")
        shutil.copy(base, db)
        seconds, peak_mb = timed([*load, str(changed), "--db", str(db), *extra])
        rows.append({"how": how, "seconds": seconds, "peak_mb": peak_mb, **run_facts(db)})
    if rows[0]["counts"] != rows[1]["counts"]:
        raise SystemExit(f"the update and the full load differ: {rows[0]['counts']} vs {rows[1]['counts']}")
    return rows


def main() -> None:
    """Parse arguments, run the benchmark, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kota", type=int, default=98)
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--city", default="pontianak")
    parser.add_argument("--work", type=Path, default=Path("/tmp/asn-bench-update"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print("| demo | load | wall (s) | validate, raw (s) | marts (s) | files reused / read | peak RSS (MB) | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for scale in args.scales:
        update, full = bench(args.kota, scale, args.seed, args.city, args.work)
        for row in (full, update):
            ratio = f"{update['seconds'] / full['seconds']:.2f}" if row is update else ""
            print(
                f"| {args.kota} kota, scale {scale:g} | {row['how']} | {row['seconds']:.1f} |"
                f" {row['phases']['validate']:.1f} | {row['phases']['models']:.1f} |"
                f" {row['reused']} / {row['read']} | {row['peak_mb']:,.0f} | {ratio} |"
            )


if __name__ == "__main__":
    main()
