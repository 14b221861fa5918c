"""Performance appraisal (predikat), special development (awards, mentoring, coaching) and the comparison
cells behind "did people perform better after training or mentoring"."""

from __future__ import annotations

import duckdb
import pandas as pd

import domain
from analytics import metrics
from analytics.metrics import FOLLOW_UP_KINDS
from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, Derived, Share, query
from analytics.queries.filters import Filters

PREDIKAT_COLUMNS = domain.PREDIKAT
BELOW_BAIK = domain.BELOW_BAIK

# Comparison cells: one row per kota per tahun per kategori_jabatan per peringkat_awal, group a (trained,
# mentees) against group b (the others); naik = improved predikat the next year, baik = Baik or better.
CELL_GRAIN = ("kota", "tahun", "kategori_jabatan", "peringkat_awal")
CELLS = {
    "tahun": LABEL,
    "peringkat_awal": LABEL,
    **dict.fromkeys(("n_a", "naik_a", "baik_a", "n_b", "naik_b", "baik_b"), COUNT),
}
CELL_TOTALS = (("n_a", ("naik_a",)), ("n_b", ("naik_b",)))


@query(
    grain=("kota", "tahun"),
    columns={"tahun": LABEL, "jumlah_dinilai": COUNT, **dict.fromkeys(PREDIKAT_COLUMNS, COUNT)},
    totals=(("jumlah_dinilai", PREDIKAT_COLUMNS),),
)
def predikat(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return appraisal counts: one row per kota per tahun (jumlah_dinilai and one column per
    predikat in PREDIKAT_COLUMNS)."""
    return run(con, query_sql("predikat", kelompok="tahun"), {**f.params(), "dari": f.tahun_awal})


@query(
    grain=("kota", "opd"),
    columns={"jumlah_dinilai": COUNT, **dict.fromkeys(PREDIKAT_COLUMNS, COUNT)},
    totals=(("jumlah_dinilai", PREDIKAT_COLUMNS),),
)
def predikat_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return appraisal counts in tahun_akhir: one row per kota per opd (as `predikat`)."""
    return run(con, query_sql("predikat", kelompok="opd"), {**f.params(), "dari": f.tahun_akhir})


@query(
    grain=("kota", "tahun"),
    columns={
        "tahun": LABEL,
        "jumlah_penghargaan": COUNT,
        "pasangan_mentoring": COUNT,
        "sesi_mentoring": Derived("pasangan_mentoring"),  # the sessions of those pairs
        "peserta_coaching": COUNT,
    },
)
def special_development(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per kota per tahun: jumlah_penghargaan, pasangan_mentoring, sesi_mentoring,
    peserta_coaching."""
    return run(con, query_sql("pembinaan_khusus"), f.params())


@query(grain=CELL_GRAIN, columns=CELLS, totals=CELL_TOTALS)
def training_cells(con: duckdb.DuckDBPyConnection, f: Filters, jp_minimal: int = 1) -> pd.DataFrame:
    """Return comparison cells for performance after training: one row per kota per tahun (the training
    year t) per kategori_jabatan per peringkat_awal (predikat rank at t-1, 2-5) with n_a, naik_a, baik_a
    (employees with >= jp_minimal JP in t: count, improved predikat at t+1, Baik or better at t+1) and
    n_b, naik_b, baik_b (the others)."""
    return run(con, query_sql("analisis_kinerja_pelatihan"), {**f.params(), "jp_minimal": max(int(jp_minimal), 1)})


@query(grain=CELL_GRAIN, columns=CELLS, totals=CELL_TOTALS)
def mentoring_cells(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return comparison cells for mentoring: one row per kota per tahun (pairing start year t) per
    kategori_jabatan per peringkat_awal (predikat rank at t-1) with n_a, naik_a, baik_a (mentees: count,
    improved at t+1, Baik or better at t+1) and n_b, naik_b, baik_b (non-mentees)."""
    return run(con, query_sql("analisis_mentoring"), f.params())


@query(
    grain=("kota", "tahun_dinilai", "tindak_lanjut"),
    columns={"tahun_dinilai": LABEL, "jumlah": COUNT, "dinilai_sesudah": COUNT, "baik_sesudah": COUNT},
)
def follow_up(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return what followed a rating of Butuh Perbaikan or worse: one row per kota per tahun_dinilai per
    tindak_lanjut (coaching, pelatihan, tidak_ada: what they passed the next year) with jumlah,
    dinilai_sesudah (rated the next year) and baik_sesudah (rated Baik or better the next year)."""
    return run(con, query_sql("analisis_tindak_lanjut"), f.params())


COMPARISON = {
    "n_a": COUNT,
    "n_b": COUNT,
    "persen_a": Share("n_a", "naik_a"),
    "persen_b": Share("n_b", "naik_b"),
    **dict.fromkeys(("selisih", "ci_rendah", "ci_tinggi"), Derived("n_a", "n_b", "persen_a", "persen_b")),
    "n_a_tanpa_pembanding": COUNT,
}


@query(grain=("kota",), columns=COMPARISON)
def training_comparison(con: duckdb.DuckDBPyConnection, f: Filters, jp_minimal: int = 1) -> pd.DataFrame:
    """Return, per kota with a comparison, how often people with >= jp_minimal JP improved their predikat the
    next year against comparable others (analytics.metrics.compare_cells of training_cells): n_a, n_b,
    persen_a, persen_b, selisih, ci_rendah, ci_tinggi, n_a_tanpa_pembanding."""
    return metrics.compare_cells(training_cells(con, f, jp_minimal)).dropna(subset=["selisih"])


@query(grain=("kota",), columns=COMPARISON)
def mentoring_comparison(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return, per kota with a comparison, how often mentees improved their predikat the next year against
    comparable non-mentees (analytics.metrics.compare_cells of mentoring_cells), columns as
    training_comparison."""
    return metrics.compare_cells(mentoring_cells(con, f)).dropna(subset=["selisih"])


@query(
    grain=("kota",),
    columns={
        "jumlah": COUNT,
        **dict.fromkeys(FOLLOW_UP_KINDS, COUNT),
        "persen_coaching": Share("jumlah", "coaching"),
        "persen_pelatihan": Share("jumlah", "coaching", "pelatihan"),
        "dinilai_ditindak": COUNT,
        "persen_baik_ditindak": Share("dinilai_ditindak", "baik_ditindak"),
        "dinilai_tidak": COUNT,
        "persen_baik_tidak": Share("dinilai_tidak", "baik_tidak"),
    },
    # those rated the next year are nearly all of the followed up (or not): jumlah minus them is a small group
    totals=(("jumlah", FOLLOW_UP_KINDS), ("jumlah", ("dinilai_ditindak",)), ("jumlah", ("dinilai_tidak",))),
)
def follow_up_summary(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return what followed a poor rating, per kota (analytics.metrics.follow_up_summary of follow_up)."""
    return metrics.follow_up_summary(follow_up(con, f))


@query(grain=("kota",), columns={**dict.fromkeys(FOLLOW_UP_KINDS, COUNT), "n": COUNT}, totals=(("n", FOLLOW_UP_KINDS),))
def follow_up_by_kind(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return per kota the people rated Butuh Perbaikan or worse by what followed the next year (coaching,
    pelatihan, tidak_ada; 0 when none) and their number n (analytics.metrics.follow_up_shares)."""
    return metrics.follow_up_shares(follow_up(con, f))
