"""Query functions: one per question a page asks. Each takes a read-only connection and the
filters, runs one SQL file of analytics/queries/sql/ with bound parameters, and returns a DataFrame
whose grain and columns the docstring states. Nothing here imports Streamlit."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.queries.db import query_sql, run
from analytics.queries.filters import Filters

# Breakdowns of 20-JP compliance; the only identifiers ever placed into SQL text.
DIMENSIONS = ("opd", "kategori_jabatan", "golongan", "jenis_kelamin", "jenis_asn", "kelompok_usia")
JP_BANDS = ("0", "1-9", "10-19", "20-29", "30-39", "40+")
PREDIKAT_COLUMNS = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")


def warehouse_info(con: duckdb.DuckDBPyConnection) -> dict:
    """Return facts about the loaded data: last load time (UTC), synthetic flag, cities and years.

    Keys: loaded_at_utc (datetime or None), synthetic (bool), rows_rejected (int), kota (list),
    tahun (list of int).
    """
    last = run(
        con,
        "SELECT finished_at_utc, synthetic, rows_rejected FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1",
    )
    kota = run(con, "SELECT kota FROM stg_kota ORDER BY kota")["kota"].tolist()
    tahun = run(con, "SELECT tahun FROM int_tahun ORDER BY tahun")["tahun"].astype(int).tolist()
    return {
        "loaded_at_utc": None if last.empty else last.iloc[0]["finished_at_utc"].to_pydatetime(),
        "synthetic": bool(not last.empty and last.iloc[0]["synthetic"]),
        "rows_rejected": 0 if last.empty else int(last.iloc[0]["rows_rejected"]),
        "kota": kota,
        "tahun": tahun,
    }


def filter_options(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the combinations the people filters can take: one row per kota, opd, kategori_jabatan,
    jenis_asn present in the warehouse."""
    return run(con, query_sql("pilihan"))


def scorecard(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per chosen kota per tahun, from the year before tahun_awal to tahun_akhir.

    Columns: kota, tahun, jumlah_asn, jumlah_pns, pns_memenuhi_20jp, persen_20jp, jp_total,
    jp_per_asn, jumlah_peserta (people filters apply), pagu, realisasi, persen_serapan,
    biaya_per_jp, ikm, mutu_ikm, jumlah_responden_ikm (city-wide), jumlah_dinilai (people rated) and
    persen_sangat_baik (people filters apply).
    """
    return run(con, query_sql("scorecard"), f.params())


def compliance_by(con: duckdb.DuckDBPyConnection, f: Filters, dimension: str) -> pd.DataFrame:
    """Return 20-JP compliance in tahun_akhir by one breakdown from DIMENSIONS.

    One row per kota per value with employees: kota, nilai, jumlah_pns, pns_memenuhi_20jp,
    persen_20jp (PNS), jumlah_asn, asn_memenuhi_20jp, persen_asn_20jp (all ASN).
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown breakdown: {dimension!r}")
    return run(con, query_sql("kepatuhan_per", dimensi=dimension), f.params())


def jp_distribution(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return active PNS by JP band in tahun_akhir: one row per kota per band (kota, rentang_jp,
    urutan, jumlah_pns, persen), bands in JP_BANDS order."""
    df = run(con, query_sql("jp_distribusi"), f.params())
    df.insert(1, "rentang_jp", [JP_BANDS[i] for i in df["urutan"]])
    return df


def activity_mix(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return JP delivered by kind of activity: one row per kota per tahun per kelompok
    (jumlah_kegiatan, jumlah_lulus, jp_lulus, persen_jp)."""
    return run(con, query_sql("kegiatan_campuran"), f.params())


def providers(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per kota per penyelenggara over the chosen years (jumlah_kegiatan,
    jumlah_lulus, jp_lulus), largest first."""
    return run(con, query_sql("penyelenggara"), f.params())


def completion(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return enrolment outcomes per kota per tahun: jumlah_terdaftar, jumlah_lulus,
    jumlah_tidak_lulus, jumlah_tidak_hadir, persen_lulus, persen_tidak_hadir."""
    return run(con, query_sql("penyelesaian"), f.params())


def budget_detail(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return pagu and realisasi: one row per kota per tahun per kegiatan per sumber_dana
    (pagu, realisasi, persen_serapan)."""
    return run(con, query_sql("anggaran_rinci"), f.params())


def cost_by_kind(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return cost per JP and per passed participant: one row per kota per kelompok
    (biaya, jp_lulus, jumlah_lulus, biaya_per_jp, biaya_per_peserta)."""
    return run(con, query_sql("biaya_per_kelompok"), f.params())


def apbd_share(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return development spending against regional spending: one row per kota per tahun
    (realisasi, belanja_daerah, persen_apbd)."""
    return run(con, query_sql("apbd"), f.params())


def predikat(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return appraisal counts: one row per kota per tahun (jumlah_dinilai and one column per
    predikat in PREDIKAT_COLUMNS)."""
    return run(con, query_sql("predikat", kelompok="tahun"), {**f.params(), "dari": f.tahun_awal})


def predikat_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return appraisal counts in tahun_akhir: one row per kota per opd (as `predikat`)."""
    return run(con, query_sql("predikat", kelompok="opd"), {**f.params(), "dari": f.tahun_akhir})


def special_development(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per kota per tahun: jumlah_penghargaan, pasangan_mentoring, sesi_mentoring,
    peserta_coaching."""
    return run(con, query_sql("pembinaan_khusus"), f.params())


def reactions(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return reaction scores (1-5): one row per kota per kelompok per penyelenggara with
    jumlah_respon, skor_materi, skor_pengajar, skor_penyelenggaraan, skor_manfaat."""
    return run(con, query_sql("reaksi"), f.params())


def ikm_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return IKM per service unit: one row per kota per opd per tahun (jumlah_responden, ikm,
    mutu_ikm)."""
    return run(con, query_sql("ikm_opd"), f.params())


def ikm_elements(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the nine service elements in tahun_akhir: one row per kota per unsur
    (jumlah_jawaban, nrr, nilai_konversi on the 25-100 scale)."""
    return run(con, query_sql("ikm_unsur"), f.params())


def aspirations(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return citizen submissions: one row per kota per tahun per saluran per kategori per
    sentimen (jumlah)."""
    return run(con, query_sql("aspirasi"), f.params())


def opd_profile(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the agencies of the chosen cities in tahun_akhir, added up across those cities (callers
    pass one kota: overview.opd_profile): one row per opd (jumlah_asn, jumlah_pns, jumlah_dinilai,
    persen_20jp, jp_per_asn, persen_sangat_baik, persen_di_bawah_baik), largest first."""
    return run(con, query_sql("opd_profil"), f.params())
