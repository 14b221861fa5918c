"""Findings written from the numbers: short sentences a leader can read aloud, never invented.

Each finding is computed from the scorecard of the latest year in the filter; a finding whose
numbers are missing (fewer than two cities with a value) is left out, never guessed. A city whose number
describes fewer than 5 people (written '<5' by the guarded path, analytics.privacy.release) takes no
part in a finding: no rank, no change, no comparison; one sentence says its group is too small.
"""

from __future__ import annotations

import pandas as pd

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.texts import t


def _ranked(latest: pd.DataFrame, column: str) -> pd.DataFrame:
    """Return the cities with a value in `column`, lowest first."""
    return latest.dropna(subset=[column]).sort_values([column, "kota"])


def findings(scorecard: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Return up to five sentences about the cities in `scorecard` for `year` (and year - 1), and one more
    naming the cities whose share of PNS reaching 20 JP is hidden because the group is too small."""
    small = scorecard[(scorecard["tahun"] == year) & scorecard["persen_20jp"].map(privacy.is_hidden)]
    scorecard = privacy.numbers(scorecard)
    latest = scorecard[scorecard["tahun"] == year]
    previous = scorecard[scorecard["tahun"] == year - 1].set_index("kota")
    out: list[str] = []

    ranked = _ranked(latest, "persen_20jp")
    if len(ranked) >= 2:
        low, high = ranked.iloc[0], ranked.iloc[-1]
        out.append(
            t(
                "fd_20jp_range",
                lang,
                low=low.kota,
                low_value=fmt.percent(low.persen_20jp, lang, 0),
                gap=fmt.points(high.persen_20jp - low.persen_20jp, lang, 0).lstrip("+"),
                high=high.kota,
                high_value=fmt.percent(high.persen_20jp, lang, 0),
            )
        )

    changes = [
        (kota, value - previous.loc[kota, "persen_20jp"], value)
        for kota, value in zip(latest["kota"], latest["persen_20jp"], strict=True)
        if kota in previous.index
        and not fmt.is_missing(value)
        and not fmt.is_missing(previous.loc[kota, "persen_20jp"])
    ]
    if len(changes) >= 2:  # "the largest change" needs something to compare with
        kota, change, value = max(changes, key=lambda c: (abs(c[1]), c[0]))
        if round(change, 1) != 0:
            verb = t("up" if change > 0 else "down", lang)
            out.append(
                t(
                    "fd_20jp_change",
                    lang,
                    prev=year - 1,
                    kota=kota,
                    change=f"{verb} {t('points', lang, value=fmt.number(abs(change), lang, 1))}",
                    value=fmt.percent(value, lang, 0),
                )
            )

    ranked = _ranked(latest, "persen_serapan")
    if len(ranked) >= 2:
        low = ranked.iloc[0]
        out.append(
            t(
                "fd_serapan_low",
                lang,
                kota=low.kota,
                value=fmt.percent(low.persen_serapan, lang, 1),
                pagu=fmt.rupiah(low.pagu, lang),
            )
        )

    ranked = _ranked(latest, "biaya_per_jp")
    # A ratio below 1.1 says nothing worth a sentence.
    if (
        len(ranked) >= 2
        and ranked.iloc[0].biaya_per_jp > 0
        and ranked.iloc[-1].biaya_per_jp >= 1.1 * ranked.iloc[0].biaya_per_jp
    ):
        low, high = ranked.iloc[0], ranked.iloc[-1]
        out.append(
            t(
                "fd_biaya",
                lang,
                high=high.kota,
                high_value=fmt.rupiah(high.biaya_per_jp, lang, compact=False),
                ratio=fmt.number(high.biaya_per_jp / low.biaya_per_jp, lang, 1),
                low=low.kota,
                low_value=fmt.rupiah(low.biaya_per_jp, lang, compact=False),
            )
        )

    ranked = _ranked(latest, "ikm")
    if len(ranked) >= 2:
        low, high = ranked.iloc[0], ranked.iloc[-1]
        out.append(
            t(
                "fd_ikm",
                lang,
                high=high.kota,
                high_value=fmt.number(high.ikm, lang, 2),
                high_mutu=high.mutu_ikm,
                low=low.kota,
                low_value=fmt.number(low.ikm, lang, 2),
                low_mutu=low.mutu_ikm,
            )
        )
    if not small.empty:
        out.append(t("fd_small", lang, kota=", ".join(sorted(small["kota"])), k=privacy.min_group()))
    return out
