"""Reshaping of query results into what a chart draws, kept out of the pages so they only lay out."""

from __future__ import annotations

import pandas as pd

SCORES = ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
BELOW_BAIK = ("Butuh Perbaikan", "Kurang", "Sangat Kurang")


def wide(df: pd.DataFrame, index: list[str], columns: str, values: str) -> pd.DataFrame:
    """Return `values` spread into one column per value of `columns`, one row per `index` (0 when absent)."""
    out = df.pivot_table(index=index, columns=columns, values=values, aggfunc="sum", fill_value=0)
    out.columns = [str(c) for c in out.columns]
    return out.reset_index()


def reactions_by_kind(reactions: pd.DataFrame) -> pd.DataFrame:
    """Return one row per kota per kelompok with the four reaction scores and their mean (skor_rata),
    each weighted by the number of responses."""
    weighted = reactions.assign(**{s: reactions[s] * reactions["jumlah_respon"] for s in SCORES})
    out = weighted.groupby(["kota", "kelompok"], as_index=False)[[*SCORES, "jumlah_respon"]].sum()
    for s in SCORES:
        out[s] = out[s] / out["jumlah_respon"]
    out["skor_rata"] = out[list(SCORES)].mean(axis=1)
    return out


def by_share_below_baik(predikat: pd.DataFrame) -> pd.DataFrame:
    """Return appraisal rows sorted by the share rated below Baik, highest first."""
    share = predikat[list(BELOW_BAIK)].sum(axis=1) / predikat["jumlah_dinilai"]
    return (
        predikat.assign(_order=share)
        .sort_values("_order", ascending=False)
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def totals(df: pd.DataFrame, by: list[str], value: str | list[str]) -> pd.DataFrame:
    """Return the sum of `value` (one column or several) per group of `by`."""
    return df.groupby(by, as_index=False)[value].sum()


def provider_labels(top: pd.DataFrame) -> pd.DataFrame:
    """Return the providers with a `label` column 'penyelenggara (kota)' for charts."""
    return top.assign(label=top["penyelenggara"] + " (" + top["kota"] + ")").reset_index(drop=True)


FOLLOW_UP_KINDS = ("coaching", "pelatihan", "tidak_ada")


def follow_up_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Return one row per kota with the under-performers by what followed (FOLLOW_UP_KINDS columns,
    0 when none) and their number `n`, from analytics.analysis.follow_up rows."""
    out = rows.pivot_table(index="kota", columns="tindak_lanjut", values="jumlah", aggfunc="sum", fill_value=0)
    out = out.reindex(columns=list(FOLLOW_UP_KINDS), fill_value=0).reset_index()
    out.columns.name = None
    return out.assign(n=out[list(FOLLOW_UP_KINDS)].sum(axis=1))


def top_providers(reactions: pd.DataFrame, min_responses: int = 30) -> pd.DataFrame:
    """Return the reaction scores per penyelenggara (as reactions_by_kind, kelompok = provider) for
    providers with at least `min_responses` responses, best mean score first."""
    by_provider = reactions_by_kind(reactions.assign(kelompok=reactions["penyelenggara"]))
    return by_provider[by_provider["jumlah_respon"] >= min_responses].sort_values("skor_rata", ascending=False)
