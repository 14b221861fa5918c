"""Money: planned and realised budgets, cost per kind of activity, the APBD share, and the 20-JP gap
with what closing it would cost."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import metrics
from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, FROM_ROW, LABEL, MONEY, PNS_20JP, PNS_20JP_TOTAL, Derived, query
from analytics.queries.filters import Filters
from analytics.queries.participation import jp_counts


@query(
    grain=("kota", "tahun", "kegiatan", "sumber_dana"),
    columns={"tahun": LABEL, "pagu": MONEY, "realisasi": MONEY, "persen_serapan": MONEY},
)
def budget_detail(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return pagu and realisasi: one row per kota per tahun per kegiatan per sumber_dana
    (pagu, realisasi, persen_serapan)."""
    return run(con, query_sql("anggaran_rinci"), f.params())


@query(
    grain=("kota", "kelompok"),
    columns={
        "biaya": MONEY,
        "jp_lulus": Derived("jumlah_lulus"),  # JP x passed participants: what they earned
        "jumlah_lulus": COUNT,
        "biaya_per_jp": Derived("jp_lulus"),
        "biaya_per_peserta": Derived("jumlah_lulus"),  # biaya / biaya_per_peserta would give jumlah_lulus back
    },
)
def cost_by_kind(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return cost per JP and per passed participant: one row per kota per kelompok
    (biaya, jp_lulus, jumlah_lulus, biaya_per_jp, biaya_per_peserta)."""
    return run(con, query_sql("biaya_per_kelompok"), f.params())


@query(  # shared: realised budgets and APBD are published by every government
    shared=True,
    grain=("kota", "tahun"),
    columns={"tahun": LABEL, "realisasi": MONEY, "belanja_daerah": MONEY, "persen_apbd": MONEY},
)
def apbd_share(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return development spending against regional spending: one row per kota per tahun
    (realisasi, belanja_daerah, persen_apbd)."""
    return run(con, query_sql("apbd"), f.params())


@query(
    grain=("kota", "tahun"),
    columns={
        "tahun": LABEL,
        "jumlah_pns": COUNT,
        "pns_memenuhi_20jp": COUNT,
        "kekurangan_jp": Derived("jumlah_pns", "pns_memenuhi_20jp"),  # JP missing of the PNS below 20 JP
        "biaya_per_jp": Derived("jumlah_lulus_kegiatan"),  # per JP the city's activities' participants passed
        "jumlah_lulus_kegiatan": COUNT,
        "biaya_menutup_kesenjangan": Derived("kekurangan_jp", "biaya_per_jp"),
        "realisasi": MONEY,
        "belanja_daerah": MONEY,
        "persen_apbd": MONEY,
        "target_016": MONEY,
        "selisih_target_016": MONEY,
        "gini_jp": Derived("jumlah_pns"),
    },
    totals=(PNS_20JP_TOTAL,),
)
def gap(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the mart kesenjangan_20jp for the chosen cities and years: one row per kota per tahun
    (kota, tahun, jumlah_pns, pns_memenuhi_20jp, kekurangan_jp, biaya_per_jp,
    biaya_menutup_kesenjangan, realisasi, belanja_daerah, persen_apbd, target_016,
    selisih_target_016, gini_jp, jumlah_lulus_kegiatan: the passed participants biaya_per_jp is per JP of).
    City-wide: the people filters do not apply."""
    return run(con, query_sql("analisis_kesenjangan"), f.params())


Mix = tuple[tuple[str, float], ...] | None  # kelompok -> weight pairs of a simulated mix; None: today's mix
OUTCOME = {
    "biaya": MONEY,
    "jp": FROM_ROW,  # JP delivered to the city's people
    "biaya_per_jp": FROM_ROW,
    **PNS_20JP,
    "kekurangan_jp": FROM_ROW,
}


def _outcome(name: str, outcome: metrics.Outcome) -> dict:
    """Return one what-if outcome as a row."""
    return {"skenario": name, **{c: getattr(outcome, c) for c in OUTCOME}}


@query(grain=("skenario",), columns=OUTCOME, totals=(PNS_20JP_TOTAL,))
def what_if(con: duckdb.DuckDBPyConnection, f: Filters, change: float, mix: Mix, order: str) -> pd.DataFrame:
    """Return the what-if of the one city of `f` in f.tahun_akhir (analytics.metrics.today and simulate over
    cost_by_kind and jp_counts): two rows, skenario 'saat_ini' (today) and 'skenario' (the activity budget
    changed by `change` percent, JP delivered in the proportions `mix`, extra JP given in `order`), with
    biaya, jp, biaya_per_jp, jumlah_pns, pns_memenuhi_20jp, persen_20jp and kekurangan_jp."""
    kinds, counts = cost_by_kind(con, f), jp_counts(con, f)
    now = metrics.today(kinds, counts)
    plan = metrics.simulate(kinds, counts, change, None if mix is None else dict(mix), order)
    return pd.DataFrame([_outcome("saat_ini", now), _outcome("skenario", plan)])


@query(
    grain=("perubahan_anggaran",),
    columns={
        "perubahan_anggaran": LABEL,
        "biaya": MONEY,
        "jp": Derived("jumlah_pns"),
        "persen_20jp": Derived("jumlah_pns"),
        "jumlah_pns": COUNT,
    },
)
def what_if_curve(con: duckdb.DuckDBPyConnection, f: Filters, mix: Mix, order: str) -> pd.DataFrame:
    """Return the what-if of the one city of `f` over budget changes of -50% to +100% in steps of 5
    (analytics.metrics.budget_curve): one row per perubahan_anggaran with biaya, jp, persen_20jp and the
    city's jumlah_pns behind the share."""
    kinds, counts = cost_by_kind(con, f), jp_counts(con, f)
    curve = metrics.budget_curve(kinds, counts, None if mix is None else dict(mix), order, range(-50, 101, 5))
    return curve.assign(jumlah_pns=int(counts["jumlah_pns"].sum()))
