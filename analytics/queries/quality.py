"""Data-quality queries: how far the warehouse can be trusted. One function per question, each
running one SQL file of analytics/queries/sql/ (kualitas_*.sql) with bound parameters; nothing here
imports Streamlit. Turning them into text for the screen is analytics.present.tables.for_screen."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, LOAD, query
from analytics.queries.filters import Filters
from etl.contract import LOAD_ORDER


@query(
    grain=("run_id",),
    columns={
        "synthetic": LOAD,
        "rows_read": LOAD,
        "rows_loaded": LOAD,
        "rows_rejected": LOAD,
        "rows_skipped": LOAD,
        "duration_s": LOAD,
    },
)  # rows of files, not people
def load_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return one row per load or restore, newest first.

    Columns: run_id, finished_at_utc, outcome ('ok' or 'restored'), source, synthetic, rows_read,
    rows_loaded, rows_rejected, rows_skipped, duration_s.
    """
    return run(con, query_sql("kualitas_riwayat"))


@query(
    grain=("dataset", "file"),
    columns={"rows_read": LOAD, "rows_loaded": LOAD, "rows_rejected": LOAD, "rows_skipped": LOAD},
)
def latest_files(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return one row per source file of the latest load.

    Columns: dataset, file, rows_read, rows_loaded, rows_rejected, rows_skipped, notes (JSON list).
    """
    return run(con, query_sql("kualitas_file"))


@query(
    grain=("dataset",),
    columns={
        "files": LOAD,
        "rows_read": LOAD,
        "rows_loaded": LOAD,
        "rows_rejected": LOAD,
        "rows_skipped": LOAD,
        "rows_warned": LOAD,
    },
)
def dataset_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return one row per dataset of the contract for the latest load (0 when it had no file).

    Columns: dataset, files, rows_read, rows_loaded, rows_rejected, rows_skipped, rows_warned (rows loaded
    as recorded with a warning, part of rows_loaded).
    """
    files = latest_files(con)
    counts = ["rows_read", "rows_loaded", "rows_rejected", "rows_skipped"]
    per = files.groupby("dataset")[counts].sum() if not files.empty else pd.DataFrame(columns=counts)
    per["files"] = files.groupby("dataset").size() if not files.empty else 0
    warned = load_warnings(con).drop_duplicates(["dataset", "file", "line"])
    per["rows_warned"] = warned.groupby("dataset").size() if not warned.empty else 0
    out = per.reindex(list(LOAD_ORDER)).fillna(0).astype("int64").reset_index(names="dataset")
    return out[["dataset", "files", *counts, "rows_warned"]]


@query(grain=("file",), columns={"looks_like_data": LOAD})
def files_not_loaded(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return one row per file of the source folder that the latest load did not load (it belongs to no dataset),
    those that look like data first. Columns: file, reason (Indonesian), looks_like_data (a .csv, .xlsx, .json
    or other spreadsheet: its absence changes figures)."""
    return run(con, query_sql("kualitas_tidak_dimuat"))


@query(grain=("dataset", "file", "line", "column_name"), columns={"line": LABEL})
def load_warnings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the latest load's warnings: one row per doubt about a row that was loaded as recorded.

    Columns: dataset, file, line, column_name, reason. Empty for a warehouse loaded before warnings existed.
    """
    if run(con, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'etl_warnings'")["n"].iloc[0] == 0:
        return pd.DataFrame(columns=["dataset", "file", "line", "column_name", "reason"])
    return run(con, query_sql("kualitas_peringatan"))


@query(facts=True)
def rows_warned(con: duckdb.DuckDBPyConnection) -> int:
    """Return how many rows the latest load kept as recorded with at least one warning."""
    return len(load_warnings(con).drop_duplicates(["dataset", "file", "line"]))


@query(grain=("dataset", "column_name", "problem"), columns={"rows": LOAD})
def warnings_by_problem(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the latest load's warnings grouped like rejects_by_problem: one row per dataset, column_name
    and problem, most rows first. Columns: dataset, column_name, problem, rows, examples."""
    return reject_groups_of(load_warnings(con).to_dict("records"))


@query(grain=("dataset", "column_name", "problem"), columns={"rows": LOAD})
def rejects_by_problem(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the latest load's rejects grouped by problem: one row per dataset, column_name and
    problem (the reason with quoted values blanked), most rows first.

    Columns: dataset, column_name, problem, rows, examples (list of up to three 'file baris N: reason').
    """
    return run(con, query_sql("kualitas_penolakan"))


def reject_groups_of(rejects: list[dict]) -> pd.DataFrame:
    """Return rejects not yet in a warehouse (an upload preview), or warnings, grouped like rejects_by_problem.

    `rejects` are dicts with dataset, file, line, column_name, reason (as pipeline.check collects).
    """
    columns = ["dataset", "file", "line", "column_name", "reason"]
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rejects], columns=columns)
    con = duckdb.connect()
    try:
        con.register("_rejects", frame)
        con.execute(
            "CREATE TABLE etl_rejects AS SELECT dataset::VARCHAR AS dataset, file::VARCHAR AS file,"
            " line::BIGINT AS line, column_name::VARCHAR AS column_name, reason::VARCHAR AS reason FROM _rejects"
        )
        return run(con, query_sql("kualitas_penolakan"))
    finally:
        con.close()


@query(
    grain=("kota", "jenis_asn", "kedudukan_hukum"),
    columns={"di_berkas": COUNT, "dimuat": COUNT, "ditolak": COUNT, "bekerja": COUNT},
    totals=(("di_berkas", ("dimuat", "ditolak")),),
)
def reconciliation(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the pegawai files' headcount as they state it against the warehouse's, per chosen kota, jenis_asn
    and kedudukan_hukum (as SIASN names it): di_berkas (rows of the files), dimuat, ditolak, and bekerja (loaded
    and in service at the end of the filters' last year)."""
    return run(con, query_sql("kualitas_rekonsiliasi"), f.params())


# baris of the people datasets (pegawai, peserta, penilaian_kinerja...) count people, and a small city-year's
# stand as they are: the page sums them per city (freshness), so a count would have to be a query of its own.
@query(grain=("kota", "dataset", "tahun"), columns={"tahun": LABEL, "baris": LOAD})
def coverage(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per chosen kota per dataset per tahun that has rows.

    Columns: kota, dataset, tahun, baris, tanggal_terakhir (latest date, NULL for datasets that
    only carry a year). People rows count for the employee's city, activities for the organiser.
    """
    return run(con, query_sql("kualitas_cakupan"), f.params())


def freshness(cover: pd.DataFrame) -> pd.DataFrame:
    """Return the latest data per kota and dataset from `coverage`: kota, dataset, tahun_terakhir,
    tanggal_terakhir, baris (all years)."""
    if cover.empty:
        return pd.DataFrame(columns=["kota", "dataset", "tahun_terakhir", "tanggal_terakhir", "baris"])
    return (
        cover.groupby(["kota", "dataset"], as_index=False)
        .agg(tahun_terakhir=("tahun", "max"), tanggal_terakhir=("tanggal_terakhir", "max"), baris=("baris", "sum"))
        .sort_values(["kota", "dataset"])
        .astype({"tahun_terakhir": "string"})  # a year, not a quantity: no thousands separator
    )


ALL_YEARS = "semua"  # a completeness cell: no row in any of the chosen years (analytics.present.tables writes it)


# The datasets a city is expected to send for every year (kualitas_cakupan.sql counts their rows): a year without a
# disciplinary sanction, without BKN's published IP ASN or without SAKIP targets is no gap in the data.
YEARLY: tuple[str, ...] = tuple(
    d for d in LOAD_ORDER if d not in ("kota", "hukuman_disiplin", "ip_asn_bkn", "target_kinerja")
)


def completeness(cover: pd.DataFrame, kota: list[str], years: list[int]) -> pd.DataFrame:
    """Return one row per kota and one column per dataset of YEARLY saying which of `years` lack data.

    A cell is '' when every year has rows, ALL_YEARS ('semua') when the dataset has no row for the city in any
    of `years`, else the missing years ('2022, 2023'). Index: kota.
    """
    dated = cover.dropna(subset=["tahun"])
    have = set(zip(dated["kota"], dated["dataset"], (int(y) for y in dated["tahun"]), strict=True))
    rows = {}
    for k in kota:
        row = {}
        for d in YEARLY:
            missing = [y for y in years if (k, d, y) not in have]
            row[d] = ALL_YEARS if len(missing) == len(years) and years else ", ".join(map(str, missing))
        rows[k] = row
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(YEARLY))
