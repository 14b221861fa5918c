"""The Indeks Profesionalitas ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019) as the pages read it: per kota and
year, PNS and PPPK apart and both ways of combining them, and per OPD of a city (marts ip_asn_kota_tahun and
ip_asn_opd_tahun; definitions in docs/metrics.md#ip-asn). Every mean is declared Derived of the people it is the
mean of, so the figure of a group of fewer than five people is hidden with its count; a category (kategori: Sangat
Tinggi ... Sangat Rendah, domain.ip_asn.kategori) is hidden with the figure it is the category of.
"""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd

from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, Derived, query
from analytics.queries.filters import Filters
from analytics.queries.scorecard import scorecard
from domain import ip_asn

DIMENSIONS = tuple(ip_asn.DIMENSI)  # kualifikasi, kompetensi, kinerja, disiplin
# The figures of a kota-year (ip_asn_kota_tahun) and the people each is the mean of.
KOTA_FIGURES: dict[str, tuple[str, ...]] = {
    "ip_asn_pns": ("jumlah_pns",),
    "ip_asn_pppk": ("jumlah_pppk",),
    "ip_asn_tertimbang": ("jumlah_pns", "jumlah_pppk"),  # with both counts, either one's figure follows from it
    "ip_asn_rerata": ("jumlah_pns", "jumlah_pppk"),
    **{f"{d}_pns": ("jumlah_pns",) for d in DIMENSIONS},
}
# Each figure's category, named after it: kategori_<figure>.
KOTA_KATEGORI = ("ip_asn_pns", "ip_asn_pppk", "ip_asn_tertimbang", "ip_asn_rerata")


def kategori_of(values: pd.Series) -> pd.Series:
    """Return the IP ASN category of each figure (domain.ip_asn.kategori), None where there is no figure."""
    return values.map(lambda v: None if pd.isna(v) else ip_asn.kategori(float(v))).astype(object)


@query(
    grain=("kota", "tahun"),
    columns={
        "tahun": LABEL,
        "jumlah_pns": COUNT,
        "jumlah_pppk": COUNT,
        **{name: Derived(*counts) for name, counts in KOTA_FIGURES.items()},
        **{f"kategori_{name}": Derived(name) for name in KOTA_KATEGORI},
    },
)
def ip_asn_kota(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the IP ASN of each chosen kota per tahun (one row per kota per tahun): jumlah_pns, jumlah_pppk (people
    measured, CPNS left out), ip_asn_pns, ip_asn_pppk (their means, None without anyone), ip_asn_tertimbang (weighted
    by headcount, as Kota Bima), ip_asn_rerata (the plain mean of the two, as Sumatera Barat), the PNS dimension
    means kualifikasi_pns, kompetensi_pns, kinerja_pns, disiplin_pns, and kategori_<figure> of the four figures."""
    df = run(con, query_sql("ip_asn_kota"), f.params())
    for name in KOTA_KATEGORI:
        df[f"kategori_{name}"] = kategori_of(df[name])
    return df


@query(
    grain=("kota", "opd"),
    columns={
        "jumlah": COUNT,
        "ip_asn": Derived("jumlah"),
        **dict.fromkeys(DIMENSIONS, Derived("jumlah")),
        "kategori_ip_asn": Derived("ip_asn"),
    },
)
def ip_asn_opd(con: duckdb.DuckDBPyConnection, f: Filters, jenis_asn: str = "PNS") -> pd.DataFrame:
    """Return the IP ASN of the PNS (or, with `jenis_asn`, the PPPK) of each OPD of the chosen kota in tahun_akhir
    (one row per kota per opd): jenis_asn, jumlah (people measured, CPNS left out), ip_asn (their mean), the four
    dimension means (kualifikasi, kompetensi, kinerja, disiplin) and its category kategori_ip_asn. One kind at a
    time: side by side, a small PPPK group would hide its OPD's PNS figure with it (an OPD's whole is known)."""
    df = run(con, query_sql("ip_asn_opd"), {**f.params(), "jenis_asn": jenis_asn})
    df["kategori_ip_asn"] = kategori_of(df["ip_asn"])
    return df


@query(
    grain=("kota", "dimensi"),
    columns={"urutan": LABEL, "jumlah_pns": COUNT, "rata_poin": Derived("jumlah_pns"), "maksimum": LABEL},
)
def ip_asn_dimensi(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the PNS means of the four IP ASN dimensions of each chosen kota in tahun_akhir (one row per kota per
    dimensi: kualifikasi, kompetensi, kinerja, disiplin, numbered by urutan in that order): jumlah_pns (the people
    measured), rata_poin (their mean points) and maksimum (the dimension's maximum, domain.ip_asn.DIMENSI)."""
    df = run(con, query_sql("ip_asn_kota"), {**f.params(), "tahun_awal": f.tahun_akhir})
    columns = {f"{d}_pns": d for d in DIMENSIONS}
    long = df[df["jumlah_pns"] > 0].melt(
        id_vars=["kota", "jumlah_pns"], value_vars=list(columns), var_name="dimensi", value_name="rata_poin"
    )
    long["dimensi"] = long["dimensi"].map(columns)
    long["urutan"] = long["dimensi"].map({d: i for i, d in enumerate(DIMENSIONS, start=1)}).astype("int64")
    long["maksimum"] = long["dimensi"].map(ip_asn.DIMENSI).astype(float)
    ordered = long.sort_values(["kota", "urutan"]).reset_index(drop=True)
    return ordered[["kota", "dimensi", "urutan", "jumlah_pns", "rata_poin", "maksimum"]]


# What the PNS of a group miss of kompetensi (issue 27, item 3): per item of domain.ip_asn.BUTIR, the people whose
# post earns points for it and who did not meet it, and what closing every gap adds to the kompetensi mean (which
# adds as much to the PNS figure: it is the sum of the dimension means).
KURANG = tuple(f"kurang_{butir}" for butir in ip_asn.BUTIR)
KURANG_COLUMNS: dict[str, object] = {
    "jumlah_pns": COUNT,
    "kurang_kompetensi": COUNT,  # people missing at least one item
    **dict.fromkeys(KURANG, COUNT),
    # the points lacking over the people: an item's count does not follow from it (its points differ by post kind)
    "kenaikan_kompetensi": Derived("jumlah_pns", "kurang_kompetensi"),
}


def _missing(people: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Return, per group of `by`, jumlah_pns, kurang_kompetensi (people missing an item), kurang_<butir> (people
    missing each item their post earns points for) and kenaikan_kompetensi (the points they miss, over jumlah_pns:
    how much the kompetensi mean, and with it the PNS figure, would rise if each got what they miss)."""
    table = pd.DataFrame(
        [(kind, butir, points) for kind, items in ip_asn.KOMPETENSI.items() for butir, points in items.items()],
        columns=["kelompok", "butir", "poin"],
    )
    people = people.reset_index(drop=True).rename_axis("orang").reset_index()
    met = people[["orang", "butir_kompetensi"]].explode("butir_kompetensi").dropna()
    met = set(zip(met["orang"], met["butir_kompetensi"], strict=True))
    owed = people[["orang", *by, "kelompok"]].merge(table, on="kelompok")
    owed = owed[[(o, b) not in met for o, b in zip(owed["orang"], owed["butir"], strict=True)]]
    counts = owed.pivot_table(index=by, columns="butir", values="orang", aggfunc="nunique", fill_value=0)
    out = people.groupby(by).agg(jumlah_pns=("orang", "size"))
    out["kurang_kompetensi"] = owed.groupby(by)["orang"].nunique()
    for butir in ip_asn.BUTIR:
        out[f"kurang_{butir}"] = counts.get(butir, 0)
    out["kenaikan_kompetensi"] = owed.groupby(by)["poin"].sum() / out["jumlah_pns"]
    out = out.fillna({"kurang_kompetensi": 0, **dict.fromkeys(KURANG, 0), "kenaikan_kompetensi": 0.0})
    return out.astype({c: "int64" for c in ("kurang_kompetensi", *KURANG)}).reset_index()


@query(grain=("kota", "opd"), columns=KURANG_COLUMNS)
def ip_asn_kurang_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return what the PNS of each OPD of the chosen kota miss of kompetensi in tahun_akhir (one row per kota per
    opd; CPNS left out): jumlah_pns, kurang_kompetensi (missing at least one item), kurang_kepemimpinan,
    kurang_fungsional, kurang_teknis, kurang_seminar (missing each item their post earns points for) and
    kenaikan_kompetensi (points by which the OPD's kompetensi mean, and its PNS figure, would rise if each got
    what they miss)."""
    people = run(con, query_sql("ip_asn_kompetensi_orang"), f.params())
    columns = ["kota", "opd", *KURANG_COLUMNS]
    return _missing(people, ["kota", "opd"])[columns] if len(people) else pd.DataFrame(columns=columns)


# The technical item takes a yearly 20 JP (domain.ip_asn.BUTIR); priced at the city's own cost per JP (the
# scorecard's biaya_per_jp), the JP of everyone missing it is an upper bound (some have part of it already). The
# other items' programmes (PKP/PKA/PKN, a jabatan fungsional's training, a seminar) have no JP this product knows.
JP_TEKNIS = ip_asn.BUTIR["teknis"].jp_minimum


@query(
    grain=("kota",),
    columns={
        **KURANG_COLUMNS,
        "ip_asn_pns": Derived("jumlah_pns"),
        "ip_asn_pns_jika": Derived("jumlah_pns", "kurang_kompetensi"),  # ip_asn_pns + kenaikan_kompetensi
        "jp_teknis": Derived("kurang_teknis"),
        "jumlah_lulus_kegiatan": COUNT,
        "biaya_per_jp": Derived("jumlah_lulus_kegiatan"),
        "biaya_teknis": Derived("kurang_teknis", "jumlah_lulus_kegiatan"),
    },
)
def ip_asn_kurang_kota(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return what the PNS of each chosen kota miss of kompetensi in tahun_akhir (one row per kota), as
    ip_asn_kurang_opd, with ip_asn_pns (the PNS figure), ip_asn_pns_jika (the figure if each got what they miss:
    ip_asn_pns + kenaikan_kompetensi), jp_teknis (the JP of the technical item for all who miss it, at most
    JP_TEKNIS each), and at the city's cost per JP in that year (biaya_per_jp of the scorecard, with
    jumlah_lulus_kegiatan, whom it is per JP of) its cost biaya_teknis."""
    people = run(con, query_sql("ip_asn_kompetensi_orang"), f.params())
    costs = ["jp_teknis", "jumlah_lulus_kegiatan", "biaya_per_jp", "biaya_teknis"]
    columns = ["kota", *KURANG_COLUMNS, "ip_asn_pns", "ip_asn_pns_jika", *costs]
    if not len(people):
        return pd.DataFrame(columns=columns)
    out = _missing(people, ["kota"])
    year = {**f.params(), "tahun_awal": f.tahun_akhir}
    now = run(con, query_sql("ip_asn_kota"), year)[["kota", "ip_asn_pns"]]
    card = scorecard(con, replace(f, tahun_awal=f.tahun_akhir))
    card = card[card["tahun"] == f.tahun_akhir][["kota", "jumlah_lulus_kegiatan", "biaya_per_jp"]]
    out = out.merge(now, on="kota", how="left").merge(card, on="kota", how="left")
    out["ip_asn_pns_jika"] = out["ip_asn_pns"] + out["kenaikan_kompetensi"]
    out["jp_teknis"] = out["kurang_teknis"] * JP_TEKNIS
    out["biaya_teknis"] = out["jp_teknis"] * out["biaya_per_jp"]
    return out[columns]


# BKN's published figure beside the computed one (issue 27, item 4): per figure and dimension, BKN's, ours and the
# difference (BKN's minus ours). Every number is hidden with the smallest group ours is made of: for ASN, a figure
# and the PNS one would give a small PPPK group's figure away.
FIGURES = ("nilai", *DIMENSIONS)
BKN_COLUMNS: dict[str, object] = {
    "tahun": LABEL,
    "jumlah_terkecil": COUNT,
    **{f"{name}_{side}": Derived("jumlah_terkecil") for name in FIGURES for side in ("bkn", "hitung")},
    **{f"selisih_{name}": Derived("jumlah_terkecil") for name in FIGURES},
}


@query(grain=("kota", "tahun", "jenis_asn"), columns=BKN_COLUMNS)
def ip_asn_bkn(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return BKN's published IP ASN figures of the chosen kota and years (dataset ip_asn_bkn) beside the computed
    ones (one row per kota per tahun per jenis_asn: PNS, PPPK or ASN): cara_gabung (for ASN: how it combines PNS and
    PPPK, tertimbang when not given), sumber, jumlah_terkecil (the people of the smallest group the computed figure
    is made of: for ASN the smaller of PNS and PPPK), nilai_bkn and
    nilai_hitung, the same for each dimension (<dimension>_bkn, <dimension>_hitung; BKN's None when not published)
    and selisih_<figure> (BKN's minus the computed; None without both)."""
    params = {**f.params(), "tertimbang": ip_asn.TERTIMBANG, "rerata": ip_asn.RERATA}
    df = run(con, query_sql("ip_asn_bkn"), params)
    for name in FIGURES:
        df[f"selisih_{name}"] = df[f"{name}_bkn"] - df[f"{name}_hitung"]
    return df
