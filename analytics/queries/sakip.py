"""SAKIP capaian (Perpres 29/2014): each kota's indicator targets with their realisasi, capaian and band, the
LKjIP table a kepala BKPSDM is judged by. The band is read here, at query time, on the government's own scale
(`skala`: $ASN_SAKIP_SKALA, else the five-level scale of domain.sakip)."""

from __future__ import annotations

import duckdb
import pandas as pd

import settings
from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, Derived, query
from analytics.queries.filters import Filters
from domain import sakip


def skala() -> tuple[tuple[str, float], ...]:
    """Return the capaian bands in use, best first with their lower bounds: $ASN_SAKIP_SKALA read by
    domain.sakip.baca_skala (a ValueError in Indonesian when it cannot be read), else domain.sakip.SKALA_LIMA."""
    text = settings.sakip_skala()
    return sakip.baca_skala(text) if text else sakip.SKALA_LIMA


def _bands(capaian: pd.Series, bands: tuple[tuple[str, float], ...]) -> tuple[list[object], list[object]]:
    """Return (band name, band rank: 1 the best) of every capaian, None where it is missing."""
    names = [name for name, _ in bands]
    kategori = [None if pd.isna(c) else sakip.kategori_capaian(float(c), bands) for c in capaian]
    return kategori, [None if k is None else names.index(k) + 1 for k in kategori]


@query(
    grain=("kota", "tahun", "indikator"),
    columns={
        "tahun": LABEL,
        "urutan": LABEL,  # the row's place in its kota-year's list
        # set by the government, not computed from people: they name what the row is judged against
        "target": LABEL,
        "target_renstra": LABEL,
        "jumlah_dasar": COUNT,  # the people a computed realisasi is worked out from (NULL: entered, or money)
        "jumlah_bagian": COUNT,  # of them, those a share counts (PNS with 20 JP)
        "realisasi": Derived("jumlah_dasar", "jumlah_bagian"),
        "capaian": Derived("realisasi"),
        "kategori": Derived("capaian"),
        "tingkat": Derived("capaian"),
        "jumlah_dasar_lalu": COUNT,
        "jumlah_bagian_lalu": COUNT,
        "realisasi_lalu": Derived("jumlah_dasar_lalu", "jumlah_bagian_lalu"),
    },
    totals=(("jumlah_dasar", ("jumlah_bagian",)), ("jumlah_dasar_lalu", ("jumlah_bagian_lalu",))),
)
def capaian(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per chosen kota, tahun (tahun_awal to tahun_akhir) and indikator of target_kinerja, in the
    order each kota's file lists them: urutan, indikator, kode_indikator (a known indicator's code, else None),
    satuan, arah, target, realisasi, capaian (percent, domain.sakip.capaian), kategori and tingkat (its band on
    `skala()` and the band's rank, 1 the best), realisasi_lalu (a year earlier), target_renstra,
    sumber_realisasi ('dihitung' from the warehouse, 'diisi' by hand, None when there is none) and the people a
    computed realisasi comes from (jumlah_dasar, jumlah_bagian, and the same a year earlier). City-wide: the
    people filters do not apply."""
    out = run(con, query_sql("sakip_capaian"), f.params())
    kategori, tingkat = _bands(out["capaian"], skala())
    at = out.columns.get_loc("capaian") + 1
    out.insert(at, "kategori", pd.Series(kategori, index=out.index, dtype=object))
    out.insert(at + 1, "tingkat", pd.Series(tingkat, index=out.index, dtype="Int64"))
    return out
