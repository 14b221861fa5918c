"""Who takes part in development and who reaches 20 JP: compliance by group and over time, JP bands and
values, kinds of activity, providers, completion, the agencies furthest behind, disaster readiness."""

from __future__ import annotations

import duckdb
import pandas as pd

import domain
from analytics import metrics
from analytics.queries.db import query_sql, run
from analytics.queries.declare import ACTIVITIES, COUNT, LABEL, PNS_20JP, PNS_20JP_TOTAL, Derived, Kind, Share, query
from analytics.queries.filters import Filters

# Breakdowns of 20-JP compliance; the only identifiers ever placed into SQL text.
DIMENSIONS = ("opd", "kategori_jabatan", "golongan", "jenis_kelamin", "jenis_asn", "kelompok_usia")


@query(
    grain=("kota", "nilai"),
    columns={
        **PNS_20JP,
        "jumlah_asn": COUNT,
        "asn_memenuhi_20jp": COUNT,
        "persen_asn_20jp": Share("jumlah_asn", "asn_memenuhi_20jp"),
    },
    totals=(PNS_20JP_TOTAL, ("jumlah_asn", ("asn_memenuhi_20jp",))),
)
def compliance_by(con: duckdb.DuckDBPyConnection, f: Filters, dimension: str) -> pd.DataFrame:
    """Return 20-JP compliance in tahun_akhir by one breakdown from DIMENSIONS.

    One row per kota per value with employees: kota, nilai, jumlah_pns, pns_memenuhi_20jp,
    persen_20jp (PNS), jumlah_asn, asn_memenuhi_20jp, persen_asn_20jp (all ASN).
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown breakdown: {dimension!r}")
    return run(con, query_sql("kepatuhan_per", dimensi=dimension), f.params())


@query(
    grain=("kota", "tahun", "nilai"),
    columns={
        "tahun": LABEL,
        **PNS_20JP,
    },
    totals=(PNS_20JP_TOTAL,),
)
def compliance_trend(con: duckdb.DuckDBPyConnection, f: Filters, dimension: str) -> pd.DataFrame:
    """Return 20-JP compliance of PNS by one breakdown from analytics.queries.DIMENSIONS over the chosen
    years: one row per kota per tahun per value (kota, tahun, nilai, jumlah_pns, pns_memenuhi_20jp,
    persen_20jp)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown breakdown: {dimension!r}")
    return run(con, query_sql("analisis_kepatuhan_tren", dimensi=dimension), f.params())


@query(grain=("kota", "rentang_jp"), columns={"urutan": LABEL, "jumlah_pns": COUNT, "persen": Derived("jumlah_pns")})
def jp_distribution(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return active PNS by JP band in tahun_akhir: one row per kota per band (kota, rentang_jp,
    urutan, jumlah_pns, persen), bands in domain.JP_BANDS order."""
    df = run(con, query_sql("jp_distribusi"), f.params())
    df.insert(1, "rentang_jp", [domain.JP_BANDS[i] for i in df["urutan"]])
    return df


@query(grain=("kota", "jp"), columns={"jp": LABEL, "jumlah_pns": COUNT})
def jp_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return active PNS by exact JP earned in tahun_akhir, city-wide: one row per kota per jp value
    (kota, jp, jumlah_pns). Input of analytics.metrics.lorenz and analytics.metrics.simulate."""
    return run(con, query_sql("analisis_sebaran_jp"), f.params())


@query(
    grain=("kota", "tahun", "kelompok"),
    columns={
        "tahun": LABEL,
        "jumlah_kegiatan": ACTIVITIES,
        "jumlah_lulus": COUNT,
        "jp_lulus": Derived("jumlah_lulus"),  # JP x passed participants
        "persen_jp": Derived("jp_lulus"),
    },
)
def activity_mix(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return JP delivered by kind of activity: one row per kota per tahun per kelompok
    (jumlah_kegiatan, jumlah_lulus, jp_lulus, persen_jp)."""
    return run(con, query_sql("kegiatan_campuran"), f.params())


@query(
    grain=("kota", "penyelenggara"),
    columns={"jumlah_kegiatan": ACTIVITIES, "jumlah_lulus": COUNT, "jp_lulus": Derived("jumlah_lulus")},
)
def providers(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per kota per penyelenggara over the chosen years (jumlah_kegiatan,
    jumlah_lulus, jp_lulus), largest first."""
    return run(con, query_sql("penyelenggara"), f.params())


@query(
    grain=("kota", "tahun"),
    columns={
        "tahun": LABEL,
        "jumlah_terdaftar": COUNT,
        "jumlah_lulus": COUNT,
        "jumlah_tidak_lulus": COUNT,
        "jumlah_tidak_hadir": COUNT,
        "persen_lulus": Share("jumlah_terdaftar", "jumlah_lulus"),
        "persen_tidak_hadir": Share("jumlah_terdaftar", "jumlah_tidak_hadir"),
    },
    totals=(("jumlah_terdaftar", ("jumlah_lulus", "jumlah_tidak_lulus", "jumlah_tidak_hadir")),),
)
def completion(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return enrolment outcomes per kota per tahun: jumlah_terdaftar, jumlah_lulus,
    jumlah_tidak_lulus, jumlah_tidak_hadir, persen_lulus, persen_tidak_hadir."""
    return run(con, query_sql("penyelesaian"), f.params())


@query(
    grain=("kota", "opd"),
    columns={
        **PNS_20JP,
        "kekurangan_jp": Derived("jumlah_pns"),
        "jumlah_pns_awal": COUNT,
        "pns_memenuhi_20jp_awal": COUNT,
        "persen_20jp_awal": Share("jumlah_pns_awal", "pns_memenuhi_20jp_awal"),
    },
    totals=(PNS_20JP_TOTAL, ("jumlah_pns_awal", ("pns_memenuhi_20jp_awal",))),
)
def opd_gap(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the agencies' 20-JP position in tahun_akhir: one row per kota per opd with active PNS
    (kota, opd, jumlah_pns, pns_memenuhi_20jp, persen_20jp, kekurangan_jp, and jumlah_pns_awal,
    pns_memenuhi_20jp_awal, persen_20jp_awal for tahun_awal), lowest share first within each kota."""
    return run(con, query_sql("analisis_opd_kesenjangan"), {**f.params(), "jp_minimum": domain.JP_MINIMUM})


# Disaster-response readiness: active ASN, those trained for it, and the share.
READINESS: dict[str, Kind] = {
    "jumlah_asn": COUNT,
    "asn_terlatih": COUNT,
    "persen_terlatih": Share("jumlah_asn", "asn_terlatih"),
}
READINESS_TOTAL = ("jumlah_asn", ("asn_terlatih",))


@query(grain=("kota", "opd"), columns=READINESS, totals=(READINESS_TOTAL,))
def readiness(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return disaster-response readiness in tahun_akhir: one row per kota per opd with active ASN
    (kota, opd, jumlah_asn, asn_terlatih = trained in that year or before, persen_terlatih)."""
    return run(con, query_sql("analisis_kesiapsiagaan"), f.params())


@query(
    grain=("kota", "persen_pns"),
    columns={"persen_pns": Derived("jumlah_pns"), "persen_jp": Derived("jumlah_pns"), "jumlah_pns": COUNT},
)
def lorenz(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the Lorenz curve of JP among active PNS in tahun_akhir, city-wide: one row per kota per point
    (kota, persen_pns, persen_jp: analytics.metrics.lorenz_by_city of jp_counts) with the city's jumlah_pns,
    so a city of fewer than 5 PNS, whose points would show each person's JP, has its curve hidden."""
    counts = jp_counts(con, f)
    points = metrics.lorenz_by_city(counts)
    return points.merge(counts.groupby("kota", as_index=False)["jumlah_pns"].sum(), on="kota", how="left")


@query(grain=("kota",), columns=READINESS, totals=(READINESS_TOTAL,))
def readiness_by_city(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return disaster-response readiness in tahun_akhir per city: one row per kota (jumlah_asn,
    asn_terlatih, persen_terlatih), the sum of its agencies in `readiness`."""
    totals = readiness(con, f).groupby("kota", as_index=False)[["jumlah_asn", "asn_terlatih"]].sum()
    return totals.assign(persen_terlatih=100 * totals["asn_terlatih"] / totals["jumlah_asn"])
