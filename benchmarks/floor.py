"""The least a load that builds our warehouse could take: the floor under `python -m etl load`.

    python -m benchmarks.floor SOURCE DB

Reads every dataset's CSV file with DuckDB's read_csv straight into its raw table with the
warehouse's column types (plain TRY_CASTs), then builds the same staging views and marts
(etl.warehouse.build_models) and checkpoints. Nothing the real load does beyond that: no
checks, no rejects, no Jumlah/Total rows, no checksums, NIPs cast to numbers
instead of hashed. A benchmark device only (benchmarks/load.py runs it beside the load): it
shows how much of the load is simply writing the rows and building the marts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from etl.contract import DATASETS, DATE, INT, MONEY, NIP, PERSONAL, SCORE
from etl.pseudonym import stored_name
from etl.warehouse import build_connection, build_models

RAW_TYPES = {INT: "BIGINT", MONEY: "BIGINT", SCORE: "DOUBLE", DATE: "DATE", NIP: "HUGEINT"}  # else VARCHAR


def raw_casts(dataset: str) -> str:
    """Return the SELECT list that types a dataset's text columns as its raw table stores them."""
    parts = []
    for c in DATASETS[dataset].columns:
        if c.kind == PERSONAL:
            continue
        name = stored_name(c.name) if c.kind == NIP else c.name
        parts.append(f"TRY_CAST({c.name} AS {RAW_TYPES.get(c.kind, 'VARCHAR')}) AS {name}")
    # a row's line in its file (the header is line 1): the order a government lists its SAKIP indicators in
    return ", ".join(parts + ["$file AS _file", "(row_number() OVER () + 1)::BIGINT AS _line"])


def build_floor(source: Path, db: Path) -> None:
    """Write the raw tables of `source` (one <dataset>.csv each) and the marts into a new file `db`."""
    con = build_connection(db)
    try:
        for name in DATASETS:
            path = source / f"{name}.csv"
            con.execute(
                f"CREATE TABLE raw_{name} AS SELECT {raw_casts(name)}"
                " FROM read_csv($path, header = true, all_varchar = true)",
                {"path": str(path), "file": path.name},
            )
        build_models(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


if __name__ == "__main__":
    build_floor(Path(sys.argv[1]), Path(sys.argv[2]))
