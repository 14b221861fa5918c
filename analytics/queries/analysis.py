"""Query functions for the analysis pages (gaps, what-if, does development pay off).

Same pattern as analytics.queries: each takes a read-only connection and the filters, runs one SQL
file of analytics/queries/sql/ (analisis_*.sql) with bound parameters on its own cursor, and returns a
DataFrame whose grain and columns the docstring states. Nothing here imports Streamlit.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.queries.db import query_sql, run
from analytics.queries.filters import Filters
from analytics.queries.questions import DIMENSIONS


def gap(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the mart kesenjangan_20jp for the chosen cities and years: one row per kota per tahun
    (kota, tahun, jumlah_pns, pns_memenuhi_20jp, kekurangan_jp, biaya_per_jp,
    biaya_menutup_kesenjangan, realisasi, belanja_daerah, persen_apbd, target_016,
    selisih_target_016, gini_jp). City-wide: the people filters do not apply."""
    return run(con, query_sql("analisis_kesenjangan"), f.params())


def jp_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return active PNS by exact JP earned in tahun_akhir, city-wide: one row per kota per jp value
    (kota, jp, jumlah_pns). Input of analytics.metrics.lorenz and analytics.metrics.simulate."""
    return run(con, query_sql("analisis_sebaran_jp"), f.params())


def opd_gap(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the agencies' 20-JP position in tahun_akhir: one row per kota per opd with active PNS
    (kota, opd, jumlah_pns, pns_memenuhi_20jp, persen_20jp, kekurangan_jp, and jumlah_pns_awal,
    pns_memenuhi_20jp_awal, persen_20jp_awal for tahun_awal), lowest share first within each kota."""
    return run(con, query_sql("analisis_opd_kesenjangan"), f.params())


def compliance_trend(con: duckdb.DuckDBPyConnection, f: Filters, dimension: str) -> pd.DataFrame:
    """Return 20-JP compliance of PNS by one breakdown from analytics.queries.DIMENSIONS over the chosen
    years: one row per kota per tahun per value (kota, tahun, nilai, jumlah_pns, pns_memenuhi_20jp,
    persen_20jp)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown breakdown: {dimension!r}")
    return run(con, query_sql("analisis_kepatuhan_tren", dimensi=dimension), f.params())


def training_cells(con: duckdb.DuckDBPyConnection, f: Filters, jp_minimal: int = 1) -> pd.DataFrame:
    """Return comparison cells for performance after training: one row per kota per tahun (the training
    year t) per kategori_jabatan per peringkat_awal (predikat rank at t-1, 2-5) with n_a, naik_a, baik_a
    (employees with >= jp_minimal JP in t: count, improved predikat at t+1, Baik or better at t+1) and
    n_b, naik_b, baik_b (the others)."""
    return run(con, query_sql("analisis_kinerja_pelatihan"), {**f.params(), "jp_minimal": max(int(jp_minimal), 1)})


def mentoring_cells(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return comparison cells for mentoring: one row per kota per tahun (pairing start year t) per
    kategori_jabatan per peringkat_awal (predikat rank at t-1) with n_a, naik_a, baik_a (mentees: count,
    improved at t+1, Baik or better at t+1) and n_b, naik_b, baik_b (non-mentees)."""
    return run(con, query_sql("analisis_mentoring"), f.params())


def follow_up(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return what followed a rating of Butuh Perbaikan or worse: one row per kota per tahun_dinilai per
    tindak_lanjut (coaching, pelatihan, tidak_ada: what they passed the next year) with jumlah,
    dinilai_sesudah (rated the next year) and baik_sesudah (rated Baik or better the next year)."""
    return run(con, query_sql("analisis_tindak_lanjut"), f.params())


def learning_gains(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return pre/post test gains over the chosen years: one row per organising kota per kelompok per
    penyelenggara (n, jumlah = sum of post - pre, jumlah_kuadrat = sum of squared gains). Combine with
    analytics.metrics.mean_ci."""
    return run(con, query_sql("analisis_pembelajaran"), f.params())


def jp_and_ikm(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return JP per ASN and IKM per service unit in tahun_akhir: one row per kota per opd with both
    (kota, opd, jumlah_asn, jp_per_asn, jumlah_responden, ikm, mutu_ikm)."""
    return run(con, query_sql("analisis_jp_ikm"), f.params())


def readiness(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return disaster-response readiness in tahun_akhir: one row per kota per opd with active ASN
    (kota, opd, jumlah_asn, asn_terlatih = trained in that year or before, persen_terlatih)."""
    return run(con, query_sql("analisis_kesiapsiagaan"), f.params())
