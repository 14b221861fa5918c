"""The overview's city tiles: each city's latest-year metrics with the change from the year before,
already formatted for the chosen language, so the page only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import formatting as fmt
from analytics.i18n import t


@dataclass(frozen=True)
class Tile:
    """One metric of one city: label, formatted value, formatted change, and whether up is good."""

    label: str
    value: str
    delta: str | None
    delta_color: str  # "normal" (up is good), "inverse" (up is bad) or "off"
    help: str | None = None


def _change(now: float | None, before: float | None) -> float | None:
    if fmt.is_missing(now) or fmt.is_missing(before):
        return None
    return now - before


def city_tiles(scorecard: pd.DataFrame, year: int, lang: str = "id") -> dict[str, list[Tile]]:
    """Return, per city with a row for `year`, its tiles in display order."""
    out: dict[str, list[Tile]] = {}
    previous = scorecard[scorecard["tahun"] == year - 1].set_index("kota")
    for _, r in scorecard[scorecard["tahun"] == year].sort_values("kota").iterrows():
        p = previous.loc[r.kota] if r.kota in previous.index else None

        def delta(column: str, render, p=p, r=r) -> str | None:
            change = _change(r[column], None if p is None else p[column])
            return None if change is None else render(change)

        def signed(render):
            return lambda v: fmt.signed(v, render)

        ikm = "–" if fmt.is_missing(r.ikm) else f"{fmt.number(r.ikm, lang, 2)} ({r.mutu_ikm})"
        out[r.kota] = [
            Tile(
                t("m_persen_20jp", lang),
                fmt.percent(r.persen_20jp, lang, 1),
                delta("persen_20jp", lambda v: fmt.points(v, lang)),
                "normal",
                f"{fmt.number(r.pns_memenuhi_20jp, lang)} / {fmt.number(r.jumlah_pns, lang)} PNS",
            ),
            Tile(
                t("m_jp_per_asn", lang),
                fmt.number(r.jp_per_asn, lang, 1),
                delta("jp_per_asn", signed(lambda v: fmt.number(v, lang, 1))),
                "normal",
            ),
            Tile(
                t("m_realisasi", lang),
                fmt.rupiah(r.realisasi, lang),
                delta("realisasi", signed(lambda v: fmt.rupiah(v, lang))),
                "off",
                f"{t('m_persen_serapan', lang)}: {fmt.percent(r.persen_serapan, lang, 1)}",
            ),
            Tile(
                t("m_persen_serapan", lang),
                fmt.percent(r.persen_serapan, lang, 1),
                delta("persen_serapan", lambda v: fmt.points(v, lang)),
                "normal",
            ),
            Tile(
                t("m_biaya_per_jp", lang),
                fmt.rupiah(r.biaya_per_jp, lang, compact=False),
                delta("biaya_per_jp", signed(lambda v: fmt.rupiah(v, lang, compact=False))),
                "inverse",
            ),
            Tile(
                t("m_ikm", lang),
                ikm,
                delta("ikm", signed(lambda v: fmt.number(v, lang, 2))),
                "normal",
                f"{fmt.number(r.jumlah_responden_ikm, lang)} responden",
            ),
            Tile(
                t("m_persen_sangat_baik", lang),
                fmt.percent(r.persen_sangat_baik, lang, 1),
                delta("persen_sangat_baik", lambda v: fmt.points(v, lang)),
                "off",
            ),
        ]
    return out


COMPARED = (
    ("m_persen_20jp", "persen_20jp", "percent"),
    ("m_jp_per_asn", "jp_per_asn", "number"),
    ("m_persen_serapan", "persen_serapan", "percent"),
    ("m_biaya_per_jp", "biaya_per_jp", "rupiah"),
    ("m_ikm", "ikm", "number"),
    ("m_persen_sangat_baik", "persen_sangat_baik", "percent"),
)


def _render(kind: str, value: float | None, lang: str, decimals: int, change: bool = False) -> str:
    """Return a comparison value as text: percentages (changes in points), Rupiah or numbers."""
    if kind == "percent":
        return fmt.points(value, lang) if change else fmt.percent(value, lang)
    if fmt.is_missing(value):
        return fmt.MISSING

    def render(v: float) -> str:
        return fmt.rupiah(v, lang, compact=False) if kind == "rupiah" else fmt.number(v, lang, decimals)

    return fmt.signed(value, render) if change else ("-" if value < 0 else "") + render(abs(value))


def compare_with_others(scorecard: pd.DataFrame, kota: str, year: int, lang: str = "id") -> pd.DataFrame:
    """Return one row per metric: the city's value, the simple average of the other cities in the
    scorecard, and the difference, as formatted text (columns: metric, kota, others, difference)."""
    latest = scorecard[scorecard["tahun"] == year]
    mine = latest[latest["kota"] == kota]
    others = latest[latest["kota"] != kota]
    rows = []
    for key, column, kind in COMPARED:
        value = None if mine.empty else mine.iloc[0][column]
        avg = others[column].mean() if others[column].notna().any() else None
        diff = _change(value, avg)
        decimals = 2 if column == "ikm" else 1
        rows.append(
            {
                t("metric", lang): t(key, lang),
                kota: _render(kind, value, lang, decimals),
                t("others_avg", lang): _render(kind, avg, lang, decimals),
                t("difference", lang): _render(kind, diff, lang, decimals, change=True),
            }
        )
    return pd.DataFrame(rows)
