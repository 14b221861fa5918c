"""Reshaping of query results into what a chart draws, kept out of the pages so they only lay out."""

from __future__ import annotations

import pandas as pd

from analytics import metrics, privacy

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


def learning_by_kind(gains: pd.DataFrame) -> pd.DataFrame:
    """Return the mean pre/post gain with its 95% interval per kota and kind of activity, from
    analytics.analysis.learning_gains rows: the columns of analytics.metrics.mean_ci (kota, kelompok, n,
    rata, sd, ci_rendah, ci_tinggi) and a `label` 'kota · kelompok' for the chart, sorted by kota then
    kelompok, rows numbered from 0. Not suppressed: the chart builders run the small-group rule."""
    out = metrics.mean_ci(gains, ["kota", "kelompok"]).sort_values(["kota", "kelompok"]).reset_index(drop=True)
    return out.assign(label=out["kota"] + " · " + out["kelompok"])


def learning_by_provider(gains: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Return the mean pre/post gain with its 95% interval per penyelenggara (analytics.metrics.mean_ci over
    all chosen cities) for the `n` providers with the most participants, most first, suppressed complete
    before the rows are cut (`pick`, privacy rule 6)."""
    return pick(metrics.mean_ci(gains, ["penyelenggara"])).head(n)


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


# --- picking rows for display, after the small-group rule (analytics.privacy, rules 6 and 7) ----------------


def pick(df: pd.DataFrame, **where: object) -> pd.DataFrame:
    """Return the rows of `df` whose columns equal the given values (a list or tuple: are in them), after
    suppressing `df` complete (privacy rule 6), so a cell hidden here is hidden in every other pick of the
    same frame and '<5' cells arrive as '<5'. Rows are renumbered from 0."""
    out = privacy.suppress(df)
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
    '<5' where the share is about fewer than 5 people (suppressed before it is reshaped)."""
    columns = ["persen_baik_ditindak", "persen_baik_tidak"]
    long = privacy.suppress(summary).melt(id_vars="kota", value_vars=columns, var_name="kelompok", value_name="persen")
    long = long[long["persen"].notna()]
    return long.assign(kelompok=long["kelompok"].map(names)).reset_index(drop=True)
