"""Reshaping of query results into what a chart draws, kept out of the pages so they only lay out."""

from __future__ import annotations

import pandas as pd

import domain
from analytics import privacy

BELOW_BAIK = domain.BELOW_BAIK


def wide(df: pd.DataFrame, index: list[str], columns: str, values: str) -> pd.DataFrame:
    """Return `values` spread into one column per value of `columns`, one row per `index` (0 when absent)."""
    out = df.pivot_table(index=index, columns=columns, values=values, aggfunc="sum", fill_value=0)
    out.columns = [str(c) for c in out.columns]
    return out.reset_index()


def by_share_below_baik(predikat: pd.DataFrame) -> pd.DataFrame:
    """Return appraisal rows sorted by the share rated below Baik, highest first."""
    share = predikat[list(BELOW_BAIK)].sum(axis=1) / predikat["jumlah_dinilai"]
    return (
        predikat.assign(_order=share)
        .sort_values("_order", ascending=False)
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def provider_labels(top: pd.DataFrame) -> pd.DataFrame:
    """Return the providers with a `label` column 'penyelenggara (kota)' for charts."""
    return top.assign(label=top["penyelenggara"] + " (" + top["kota"] + ")").reset_index(drop=True)


# --- picking rows for display from a released frame (analytics.privacy, rules 6 and 7) -----------------------


def pick(df: pd.DataFrame, **where: object) -> pd.DataFrame:
    """Return the rows of a released frame (analytics.privacy.release: the small-group rule has seen all of
    it, rule 6) whose columns equal the given values (a list or tuple: are in them), '<5' cells as they are.
    Rows are renumbered from 0."""
    out = df
    for column, value in where.items():
        out = out[out[column].isin(value) if isinstance(value, list | tuple) else out[column] == value]
    return out.reset_index(drop=True)


def lowest(df: pd.DataFrame, value: str, n: int, **where: object) -> pd.DataFrame:
    """Return `pick(df, **where)` limited to the `n` rows with the lowest shown `value`; rows whose value is
    hidden are not ranked and left out (privacy rule 7)."""
    rows = pick(df, **where)
    shown = privacy.numbers(rows)[value]
    return rows.loc[shown.dropna().sort_values(kind="stable").index[:n]].reset_index(drop=True)


def worst_rated_first(predikat: pd.DataFrame) -> pd.DataFrame:
    """Return appraisal rows as `by_share_below_baik` orders them, except that rows whose share below Baik
    is hidden (fewer than 5 people, analytics.privacy) come last in `opd` order instead of at their rank."""
    label = "opd" if "opd" in predikat.columns else "kota"
    rows = predikat.reset_index(drop=True)
    order = by_share_below_baik(privacy.numbers(rows).assign(_row=rows.index))["_row"]
    return privacy.shown_first(rows.loc[order], [*BELOW_BAIK, "jumlah_dinilai"], label)


def follow_up_outcomes(summary: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Return analytics.metrics.follow_up_summary as long rows (kota, kelompok, persen) of the share rated
    Baik or better the next year among those followed up and not (`names` gives each group's words), with
    '<5' where the released summary has it."""
    columns = ["persen_baik_ditindak", "persen_baik_tidak"]
    long = summary.melt(id_vars="kota", value_vars=columns, var_name="kelompok", value_name="persen")
    long = long[long["persen"].notna()]
    return long.assign(kelompok=long["kelompok"].map(names)).reset_index(drop=True)
