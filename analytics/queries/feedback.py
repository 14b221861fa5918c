"""What participants and citizens say: reaction scores, learning gains, IKM per unit and element,
aspirations, and JP beside IKM."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics import metrics
from analytics.metrics import SCORES
from analytics.queries.db import query_sql, run
from analytics.queries.declare import COUNT, LABEL, Derived, query
from analytics.queries.filters import Filters

IKM_CONVENTIONS = ("ikm_eksak", "ikm_0111", "ikm_011")  # IKM under 1/9, 0,111, 0,11 (domain.IKM_PENIMBANG)


@query(
    grain=("kota", "kelompok", "penyelenggara"),
    columns={"jumlah_respon": COUNT, **dict.fromkeys(SCORES, Derived("jumlah_respon"))},
)
def reactions(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return reaction scores (1-5): one row per kota per kelompok per penyelenggara with
    jumlah_respon, skor_materi, skor_pengajar, skor_penyelenggaraan, skor_manfaat."""
    return run(con, query_sql("reaksi"), f.params())


@query(
    grain=("kota", "kelompok", "penyelenggara"),
    columns={"n": COUNT, "jumlah": Derived("n"), "jumlah_kuadrat": Derived("n")},
)
def learning_gains(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return pre/post test gains over the chosen years: one row per organising kota per kelompok per
    penyelenggara (n, jumlah = sum of post - pre, jumlah_kuadrat = sum of squared gains). Combine with
    analytics.metrics.mean_ci."""
    return run(con, query_sql("analisis_pembelajaran"), f.params())


@query(
    grain=("kota", "opd", "tahun"),
    columns={
        "tahun": LABEL,
        "jumlah_responden": COUNT,
        "ikm": Derived("jumlah_responden"),
        "mutu_ikm": Derived("jumlah_responden"),
        **dict.fromkeys(IKM_CONVENTIONS, Derived("jumlah_responden")),
    },
)
def ikm_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return IKM per service unit: one row per kota per opd per tahun (jumlah_responden, ikm and mutu_ikm
    under the deployment's convention, and ikm_eksak, ikm_0111, ikm_011: the exact 1/9 and the weights
    0,111 and 0,11 that published reports print)."""
    return run(con, query_sql("ikm_opd"), f.params())


@query(
    grain=("kota", "tahun"),
    columns={"tahun": LABEL, "jumlah_responden": COUNT, **dict.fromkeys(IKM_CONVENTIONS, Derived("jumlah_responden"))},
)
def ikm_conventions(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return a city's IKM per year under each convention: one row per kota per tahun with answers
    (jumlah_responden, ikm_eksak, ikm_0111, ikm_011, konvensi: the one the tiles use)."""
    return run(con, query_sql("ikm_penimbang_kota"), f.params())


@query(
    grain=("kota", "unsur"),
    columns={"jumlah_jawaban": COUNT, "nrr": Derived("jumlah_jawaban"), "nilai_konversi": Derived("jumlah_jawaban")},
)
def ikm_elements(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the nine service elements in tahun_akhir: one row per kota per unsur
    (jumlah_jawaban, nrr, nilai_konversi on the 25-100 scale)."""
    return run(con, query_sql("ikm_unsur"), f.params())


@query(grain=("kota", "tahun", "saluran", "kategori", "sentimen"), columns={"tahun": LABEL, "jumlah": COUNT})
def aspirations(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return citizen submissions: one row per kota per tahun per saluran per kategori per
    sentimen (jumlah)."""
    return run(con, query_sql("aspirasi"), f.params())


@query(
    grain=("kota", "opd"),
    columns={
        "jumlah_asn": COUNT,
        "jp_per_asn": Derived("jumlah_asn"),
        "jumlah_responden": COUNT,
        "ikm": Derived("jumlah_responden"),
        "mutu_ikm": Derived("jumlah_responden"),
    },
)
def jp_and_ikm(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return JP per ASN and IKM per service unit in tahun_akhir: one row per kota per opd with both
    (kota, opd, jumlah_asn, jp_per_asn, jumlah_responden, ikm, mutu_ikm)."""
    return run(con, query_sql("analisis_jp_ikm"), f.params())


MEANS = {"n": COUNT, "rata": Derived("n"), "sd": Derived("n"), "ci_rendah": Derived("n"), "ci_tinggi": Derived("n")}
REACTION_MEANS = {"jumlah_respon": COUNT, **dict.fromkeys((*SCORES, "skor_rata"), Derived("jumlah_respon"))}


@query(grain=("kota", "kelompok"), columns=MEANS)
def learning_by_kind(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the mean pre/post gain with its 95% interval per kota and kind of activity over the chosen years
    (analytics.metrics.learning_by_kind of learning_gains): kota, kelompok, n, rata, sd, ci_rendah, ci_tinggi
    and a `label` 'kota · kelompok', sorted by kota then kelompok."""
    return metrics.learning_by_kind(learning_gains(con, f))


@query(grain=("penyelenggara",), columns=MEANS)
def learning_by_provider(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the mean pre/post gain with its 95% interval per penyelenggara over all chosen cities
    (analytics.metrics.mean_ci of learning_gains): penyelenggara, n, rata, sd, ci_rendah, ci_tinggi, the
    most participants first. Pages cut the list after the small-group rule has seen all of it."""
    return metrics.mean_ci(learning_gains(con, f), ["penyelenggara"])


@query(grain=("kota", "kelompok"), columns=REACTION_MEANS)
def reactions_by_kind(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the reaction scores per kota per kind of activity, weighted by responses
    (analytics.metrics.reactions_by_kind of reactions): the four scores, skor_rata and jumlah_respon."""
    return metrics.reactions_by_kind(reactions(con, f))


@query(grain=("kota", "kelompok"), columns=REACTION_MEANS)
def top_providers(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the reaction scores per provider (kelompok = penyelenggara) of providers with at least 30
    responses, best mean score first (analytics.metrics.top_providers of reactions)."""
    return metrics.top_providers(reactions(con, f))


@query(grain=("kota", "tahun"), columns={"tahun": LABEL, "positif": COUNT, "netral": COUNT, "negatif": COUNT})
def aspirations_by_sentiment(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return citizen submissions per kota per tahun with one count column per sentimen present (positif,
    netral, negatif; 0 when none)."""
    rows = aspirations(con, f)
    out = rows.pivot_table(index=["kota", "tahun"], columns="sentimen", values="jumlah", aggfunc="sum", fill_value=0)
    out.columns = [str(c) for c in out.columns]
    return out.reset_index()


@query(grain=("kota", "kategori"), columns={"jumlah": COUNT})
def aspirations_by_topic(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return citizen submissions over the chosen years: one row per kota per kategori (jumlah)."""
    return aspirations(con, f).groupby(["kota", "kategori"], as_index=False)["jumlah"].sum()


@query(grain=("kota", "kategori", "saluran"), columns={"jumlah": COUNT})
def aspirations_by_topic_and_channel(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return citizen submissions over the chosen years: one row per kota per kategori per saluran (jumlah)."""
    return aspirations(con, f).groupby(["kota", "kategori", "saluran"], as_index=False)["jumlah"].sum()
