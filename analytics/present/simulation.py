"""The Simulasi page's numbers as people read them: today's and the scenario's outcome side by side, written
in the chosen language from analytics.queries.what_if (a '<5' stays '<5' and has no change)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.overview import Tile
from analytics.texts import t

COSTS = ("biaya", "biaya_per_jp")  # up is bad


def _renderers(lang: str) -> dict[str, tuple[Callable[[float], str], Callable[[float], str]]]:
    """Return, per outcome column shown, how to write a value and a change."""
    return {
        "persen_20jp": (lambda v: fmt.percent(v, lang), lambda d: fmt.points(d, lang)),
        "jp": (lambda v: fmt.number(v, lang), lambda d: fmt.signed(d, lambda v: fmt.number(v, lang))),
        "biaya": (lambda v: fmt.rupiah(v, lang), lambda d: fmt.signed(d, lambda v: fmt.rupiah(v, lang))),
        "biaya_per_jp": (
            lambda v: fmt.rupiah(v, lang, compact=False),
            lambda d: fmt.signed(d, lambda v: fmt.rupiah(v, lang, compact=False)),
        ),
    }


LABELS = {"persen_20jp": "an_m_persen", "jp": "an_m_jp", "biaya": "an_m_biaya", "biaya_per_jp": "an_m_biaya_jp"}


def what_if_tiles(outcomes: pd.DataFrame, lang: str) -> list[tuple[Tile, Tile]]:
    """Return, per measure (share reaching 20 JP, JP, cost, cost per JP), the tile of today and the tile of
    the scenario with its change from today: none when either is hidden or missing, or nothing changed; the
    scenario's JP reads 'not bounded by cost' when the budget does not bound it."""
    now, plan = (row for _, row in outcomes.iterrows())
    tiles = []
    for column, (render, change) in _renderers(lang).items():
        label = t(LABELS[column], lang)
        before, after = now[column], plan[column]
        unbounded = fmt.is_missing(after)
        comparable = not any(fmt.is_missing(v) or privacy.is_hidden(v) for v in (before, after))
        delta = change(after - before) if comparable and not math.isclose(after, before, rel_tol=1e-9) else None
        tiles.append(
            (
                Tile(f"{label} · {t('an_today', lang)}", fmt.shown(before, render), None, "off"),
                Tile(
                    f"{label} · {t('an_scenario', lang)}",
                    t("an_unbounded", lang) if unbounded else fmt.shown(after, render),
                    delta,
                    "inverse" if column in COSTS else "normal",
                ),
            )
        )
    return tiles


def close_gap(outcomes: pd.DataFrame, lang: str) -> str | None:
    """Return the sentence on what closing today's 20-JP gap would cost at the scenario's cost per JP, or
    None when that cost is unknown or the gap is hidden."""
    now, plan = (row for _, row in outcomes.iterrows())
    missing, per_jp = now["kekurangan_jp"], plan["biaya_per_jp"]
    if privacy.is_hidden(missing) or fmt.is_missing(per_jp) or not per_jp:
        return None
    return t("an_close_gap", lang, jp=fmt.number(missing, lang), cost=fmt.rupiah(missing * per_jp, lang))
