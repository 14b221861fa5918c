"""The floor benchmark (benchmarks/floor.py) builds the same marts as the load, or its figure means nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from benchmarks.floor import build_floor
from etl.warehouse import MARTS


def test_the_floor_builds_the_marts_the_load_builds(
    sample_source: Callable[[int, float], Path], sample_warehouse: Callable[[int, float], Path], tmp_path: Path
) -> None:
    source = sample_source(7, 0.03)
    floor = tmp_path / "floor.duckdb"
    build_floor(source, floor)
    with duckdb.connect() as con:
        con.execute("ATTACH $p AS f (READ_ONLY)", {"p": str(floor)})
        con.execute("ATTACH $p AS w (READ_ONLY)", {"p": str(sample_warehouse(7, 0.03))})
        for mart in MARTS:
            assert con.execute(f"SELECT count(*) FROM w.{mart}").fetchone()[0] > 0, mart
            # id_pegawai differs (the floor casts NIPs, the load hashes them): compare everything else
            columns = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = 'w' AND table_name = $t"
                    " AND column_name <> 'id_pegawai' ORDER BY column_index",
                    {"t": mart},
                ).fetchall()
            ]
            select = ", ".join(columns)
            for a, b in (("w", "f"), ("f", "w")):
                extra = con.execute(
                    f"SELECT count(*) FROM (SELECT {select} FROM {a}.{mart} EXCEPT ALL SELECT {select} FROM {b}.{mart})"
                ).fetchone()[0]
                assert extra == 0, (mart, a, b)
