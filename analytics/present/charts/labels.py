"""What the charts write on and beside their marks, and the names in their legends, read from the released
frame: every function runs the small-group rule (analytics.privacy) on the frame it is given, so a figure
about fewer than 5 people reads "<5" in a label and is never written."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from analytics import metrics, privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import rows_for_chart
from analytics.texts import t


def name_list(names: Iterable[str], lang: str) -> str:
    """Return the names joined for a sentence: 'A, B dan C' ('A, B and C' in English), 'A' for one name and ''
    for none. Repeated and empty names are left out, and after six names the rest are counted: 'A, ..., F dan
    N lainnya'."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) > 6:
        names = [*names[:6], t("ch_more", lang, n=len(names) - 6)]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('ch_and', lang)} {names[-1]}"


def _text(value: object, hidden: bool, render) -> str:
    """Return '<5' for a hidden value, else the rendered value."""
    return privacy.marker() if hidden else render(value)


def _labels(df: pd.DataFrame, keys: list[str], write: Callable[[pd.Series, pd.Series], str]) -> list[str]:
    """Return `write(row, hidden)` per row of `df` under the small-group rule (row values with hidden cells
    missing, and which cells are hidden), or '<5' for a row whose `keys` are hidden."""
    shown, hidden = rows_for_chart(df)
    return [privacy.marker() if hidden.loc[i, keys].any() else write(r, hidden.loc[i]) for i, r in shown.iterrows()]


def comparison_texts(df: pd.DataFrame, lang: str) -> list[str]:
    """Return 'difference: a vs b (n = a / b)' per row of an analytics.metrics.compare_cells result; a
    figure about fewer than 5 people reads '<5'."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        count = lambda v: fmt.number(v, lang)  # noqa: E731
        return t(
            "an_did_label",
            lang,
            diff=fmt.points(r.selisih, lang),
            a=fmt.percent(r.persen_a, lang),
            b=fmt.percent(r.persen_b, lang),
            n_a=_text(r.n_a, hidden["n_a"], count),
            n_b=_text(r.n_b, hidden["n_b"], count),
        )

    return _labels(df, ["selisih"], write)


def mean_texts(df: pd.DataFrame, lang: str) -> list[str]:
    """Return 'mean (n = n)' per row of an analytics.metrics.mean_ci result; '<5' for fewer than 5 people."""
    return _labels(
        df, ["rata"], lambda r, _: t("an_points_n", lang, value=fmt.number(r.rata, lang, 1), n=fmt.number(r.n, lang))
    )


def gap_labels(gap: pd.DataFrame, lang: str) -> list[str]:
    """Return 'Rp cost for N JP' per row of an analytics.analysis.gap result ('<5' for a small city)."""

    def write(r: pd.Series, _: pd.Series) -> str:
        return t(
            "an_gap_label",
            lang,
            cost=fmt.rupiah(r.biaya_menutup_kesenjangan, lang),
            jp=fmt.number(r.kekurangan_jp, lang),
        )

    return _labels(gap, ["kekurangan_jp"], write)


def signed_rupiah(value: float | None, lang: str) -> str:
    """Return a Rupiah amount with its sign in front ('-Rp 781,1 jt', '+Rp 22,3 jt')."""
    return fmt.signed(value, lambda v: fmt.rupiah(v, lang))


def floor_labels(floor: pd.DataFrame, lang: str) -> list[str]:
    """Return 'signed difference from the 0.16% APBD floor (share of APBD)' per row of an
    analytics.analysis.gap result, e.g. '-Rp 781,1 jt (0,12% APBD)', in the frame's order (money and APBD
    figures, not about people, so nothing reads '<5')."""
    return [
        t(
            "an_floor_label",
            lang,
            diff=signed_rupiah(r.selisih_target_016, lang),
            share=fmt.percent(r.persen_apbd, lang, 2),
        )
        for r in floor.itertuples()
    ]


def opd_labels(opds: pd.DataFrame, lang: str) -> list[str]:
    """Return 'share (change since the start; N JP missing)' per row of an analytics.analysis.opd_gap
    result; '<5' where the agency's figures describe fewer than 5 people."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        change = _text(r.persen_20jp - r.persen_20jp_awal, hidden["persen_20jp_awal"], lambda v: fmt.points(v, lang, 0))
        return t(
            "an_opd_label",
            lang,
            share=fmt.percent(r.persen_20jp, lang, 0),
            change=change,
            jp=fmt.number(r.kekurangan_jp, lang),
        )

    return _labels(opds, ["persen_20jp", "kekurangan_jp"], write)


def n_labels(df: pd.DataFrame, label: str, n: str, lang: str) -> list[str]:
    """Return 'label (n = 120)' per row, 'label (n <5)' where the number is about fewer than 5 people."""

    def write(r: pd.Series, hidden: pd.Series) -> str:
        return f"{r[label]} (n {_text(r[n], hidden[n], lambda v: '= ' + fmt.number(v, lang))})"

    return _labels(df, [], write)


def readiness_totals(totals: pd.DataFrame, lang: str) -> str:
    """Return one sentence per city of an analytics.queries.readiness_by_city result: its share of civil
    servants trained for disasters, 'n of total' ('<5' when small)."""
    shown, hidden = rows_for_chart(totals)
    return " ".join(
        t(
            "an_readiness_total",
            lang,
            kota=r.kota,
            share=_text(r.persen_terlatih, hidden.at[i, "persen_terlatih"], lambda v: fmt.percent(v, lang)),
            n=_text(r.asn_terlatih, hidden.at[i, "asn_terlatih"], lambda v: fmt.number(v, lang)),
            total=_text(r.jumlah_asn, hidden.at[i, "jumlah_asn"], lambda v: fmt.number(v, lang)),
        )
        for i, r in zip(shown.index, shown.itertuples(), strict=True)
    )


def correlation_names(units: pd.DataFrame, x: str, y: str, lang: str) -> dict[str, str]:
    """Return per city 'kota (r = .., n OPD)': the correlation of x and y over the agencies drawn (those
    whose values describe at least 5 people), for the legend of `scatter_by_city`."""
    shown, _ = rows_for_chart(units)
    return {
        kota: t("an_r", lang, kota=kota, r=fmt.number(r, lang, 2), n=n)
        for kota, (r, n) in metrics.correlation_by(shown.dropna(subset=[x, y]), "kota", x, y).items()
    }


def lorenz_points(points: pd.DataFrame, gap: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the Lorenz points (analytics.queries.lorenz) of every city whose Gini is shown, with a `label`
    'kota (Gini 0,32)' from `gap` (one row per city, gini_jp beside jumlah_pns) for the legend of `lorenz`. A
    city whose Gini is hidden because it has fewer than 5 PNS gets no curve: its points would show each
    person's JP."""
    shown, hidden = rows_for_chart(gap)
    names = {
        r.kota: f"{r.kota} (Gini {fmt.number(r.gini_jp, lang, 2)})"
        for i, r in zip(shown.index, shown.itertuples(), strict=True)
        if not hidden.at[i, "gini_jp"]
    }
    points = points[points["kota"].isin(names)].reset_index(drop=True)
    return points.assign(label=points["kota"].map(names))
