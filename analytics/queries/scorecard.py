"""The city-year scorecard (the headline measures every page starts from) and one city's agencies."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, MONEY, PNS_20JP, PNS_20JP_TOTAL, Derived, Share, query
from analytics.queries.filters import Filters
from analytics.queries.performance import BELOW_BAIK

# What the headline measures of a city-year, or of a province's kota together, are (analytics.queries.declare).
MEASURES = {
    "tahun": LABEL,
    "jumlah_asn": COUNT,
    **PNS_20JP,
    "jp_total": Derived("jumlah_asn"),
    "jp_per_asn": Derived("jumlah_asn"),
    "pagu": MONEY,
    "realisasi": MONEY,
    "persen_serapan": MONEY,
    "biaya_per_jp": Derived("jumlah_lulus_kegiatan"),  # per JP the activities' participants passed
    "jumlah_lulus_kegiatan": COUNT,
    "ikm": Derived("jumlah_responden_ikm"),
    "mutu_ikm": Derived("jumlah_responden_ikm"),
    "jumlah_responden_ikm": COUNT,
    "jumlah_dinilai": COUNT,
    "persen_sangat_baik": Share("jumlah_dinilai", "Sangat Baik"),
}


@query(
    shared=True,
    grain=("kota", "tahun"),
    columns={**MEASURES, "jumlah_peserta": COUNT},
    totals=(PNS_20JP_TOTAL,),
)
def scorecard(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per chosen kota per tahun, from the year before tahun_awal to tahun_akhir.

    Columns: kota, tahun, jumlah_asn, jumlah_pns, pns_memenuhi_20jp, persen_20jp, jp_total,
    jp_per_asn, jumlah_peserta (people filters apply), pagu, realisasi, persen_serapan,
    biaya_per_jp, jumlah_lulus_kegiatan (passed participants of the city's activities with a recorded cost:
    whom biaya_per_jp is per JP of), ikm, mutu_ikm, jumlah_responden_ikm (city-wide), jumlah_dinilai (people rated) and
    persen_sangat_baik (people filters apply).
    """
    return run(con, query_sql("scorecard"), f.params())


@query(
    grain=("opd",),
    columns={
        "jumlah_asn": COUNT,
        "jumlah_pns": COUNT,
        "jumlah_dinilai": COUNT,
        "persen_20jp": Share("jumlah_pns", "pns_memenuhi_20jp"),
        "jp_per_asn": Derived("jumlah_asn"),
        "persen_sangat_baik": Share("jumlah_dinilai", "Sangat Baik"),
        "persen_di_bawah_baik": Share("jumlah_dinilai", *BELOW_BAIK),
    },
)
def opd_profile(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the agencies of the chosen cities in tahun_akhir, added up across those cities (callers
    pass one kota: overview.opd_profile): one row per opd (jumlah_asn, jumlah_pns, jumlah_dinilai,
    persen_20jp, jp_per_asn, persen_sangat_baik, persen_di_bawah_baik), largest first."""
    return run(con, query_sql("opd_profil"), f.params())


@query(
    shared=True,
    grain=("provinsi", "tahun"),
    columns=MEASURES,
    totals=(PNS_20JP_TOTAL,),
)
def province_scorecard(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the chosen kota added up per province: one row per provinsi per tahun, from the year before
    tahun_awal to tahun_akhir, with the scorecard's columns (jumlah_asn, jumlah_pns, pns_memenuhi_20jp,
    persen_20jp, jp_total, jp_per_asn, pagu, realisasi, persen_serapan, biaya_per_jp, jumlah_lulus_kegiatan,
    ikm, mutu_ikm, jumlah_responden_ikm, jumlah_dinilai, persen_sangat_baik). Each share and ratio is taken
    over the province's summed numerators and denominators (weighted by its people, not a mean of its kota's
    shares); people figures follow the people filters, as in `scorecard`."""
    return run(con, query_sql("provinsi_ringkasan"), f.params())
