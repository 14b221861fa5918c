"""The overview's city tiles: each city's latest-year metrics with the change from the year before,
already formatted for the chosen language, so the page only lays them out.

The tiles, the findings (analytics.present.findings) and the city comparison read the scorecard as every
page reads it (analytics.queries.scorecard through the guarded path, analytics.privacy.release): a "<5" cell
is written "<5", has no change, and is left out of averages (analytics.privacy, rules 5-7).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from analytics import privacy, queries
from analytics.present import charts, measures
from analytics.present import formatting as fmt
from analytics.present.measures import Measure
from analytics.queries.filters import Filters
from analytics.texts import t


def in_range(scorecard: pd.DataFrame, f: Filters, filled: str | None = None) -> pd.DataFrame:
    """Return the scorecard rows of the chosen years (it also holds the year before tahun_awal, for the
    change shown on tiles), renumbered from 0; with `filled`, only rows where that column has a value."""
    rows = scorecard[scorecard["tahun"] >= f.tahun_awal]
    if filled is not None:
        rows = rows[rows[filled].notna()]
    return rows.reset_index(drop=True)


@dataclass(frozen=True)
class Trend:
    """A scorecard line chart as the overview page and the meeting files both show it (a measure's
    measures.TrendChart)."""

    key: str  # widget, file and sheet key; title and caption texts are q_trend_* / c_trend_* of its suffix
    value: str  # the scorecard column drawn
    columns: tuple[str, ...]  # what its table shows beside kota and tahun
    anchor: str  # its definition in docs/metrics.md
    source: str  # the datasets behind it, for the meeting files
    text: Callable[[float, str], str]  # one value written out (value, lang), for the meeting files' takeaway
    options: tuple[tuple[str, object], ...] = ()  # keyword arguments of charts.trend

    @classmethod
    def of(cls, measure: Measure) -> Trend:
        """Return the trend chart of a catalogue measure that has one."""
        chart = measure.trend
        return cls(
            f"tren_{chart.key}", measure.column, chart.columns, chart.anchor, chart.source, measure.write, chart.options
        )

    def texts(self, lang: str) -> tuple[str, str]:
        """Return (question title, caption) in `lang`."""
        name = self.key.removeprefix("tren_")
        return t(f"q_trend_{name}", lang), t(f"c_trend_{name}", lang)

    def drawing(self, in_range: pd.DataFrame, styles: dict, lang: str) -> tuple[Callable, tuple, dict]:
        """Return (builder, arguments, keyword arguments) that draw this trend from the scorecard rows to show;
        the first argument is the table behind the chart (kota, tahun and `columns`)."""
        table = in_range[["kota", "tahun", *self.columns]]
        return charts.trend, (table, self.value, styles, lang), dict(self.options)

    def draw(self, in_range: pd.DataFrame, styles: dict, lang: str) -> tuple[object, pd.DataFrame]:
        """Return (figure, table) from the scorecard rows to show: the figure drawn from that very table."""
        build, args, kwargs = self.drawing(in_range, styles, lang)
        return build(*args, **kwargs), args[0]


TRENDS = {trend.key: trend for trend in (Trend.of(m) for m in measures.trending())}


def opd_profile(fetch: Callable[..., pd.DataFrame], f: Filters, kota: str) -> pd.DataFrame:
    """Return the agencies of the one city `kota` in f.tahun_akhir, fetched through `fetch` as queries.opd_profile
    with f's cities replaced by `kota` alone (f's OPD, jabatan and jenis ASN filters still apply): one row per opd
    with jumlah_asn, jumlah_pns, jumlah_dinilai, persen_20jp, jp_per_asn, persen_sangat_baik and
    persen_di_bawah_baik, most ASN first, as released (numbers about fewer than 5 people read '<5')."""
    return fetch(queries.opd_profile, replace(f, kota=(kota,)))


def nobody(released: pd.DataFrame, column: str = "jumlah_asn") -> bool:
    """Return True when the count `column` of a released frame (the scorecard: jumlah_asn) counts no one at
    all (a '<5' counts someone)."""
    counts = released[column]
    return not (counts.map(privacy.is_hidden).any() or pd.to_numeric(counts, errors="coerce").sum() > 0)


@dataclass(frozen=True)
class Tile:
    """One metric of one city: label, formatted value, formatted change, and whether up is good."""

    label: str
    value: str
    delta: str | None
    delta_color: str  # "normal" (up is good), "inverse" (up is bad) or "off"
    help: str | None = None
    against: str | None = None  # what the change is measured from, written beside it ("vs median")

    @property
    def moved(self) -> bool:
        """Return True when the change has a direction: a signed '+...' or '-...' (formatting.signed and
        points write a change that rounds to nothing without a sign)."""
        return bool(self.delta) and self.delta[0] in "+-"

    @property
    def arrow(self) -> str:
        """Return st.metric's delta_arrow: 'off' for a change without a direction, else 'auto'."""
        return "auto" if self.moved else "off"

    @property
    def colour(self) -> str:
        """Return st.metric's delta_color: 'off' (grey) for a change without a direction, else delta_color."""
        return self.delta_color if self.moved else "off"


def _change(now: float | None, before: float | None) -> float | None:
    if fmt.is_missing(now) or fmt.is_missing(before) or privacy.is_hidden(now) or privacy.is_hidden(before):
        return None  # a change from or to a hidden value would give it away
    return now - before


def cities_in(scorecard: pd.DataFrame, year: int) -> list[str]:
    """Return the cities with a row for `year` in the scorecard, in name order: those city_tiles gives tiles."""
    return sorted(scorecard.loc[scorecard["tahun"] == year, "kota"])


def city_tiles(scorecard: pd.DataFrame, year: int, lang: str) -> dict[str, list[Tile]]:
    """Return, per city with a row for `year`, its tiles in display order (measures.TILES). A value hidden as
    '<5' (a scorecard from `scorecard`) is written '<5' with no change, and its note says why."""
    out: dict[str, list[Tile]] = {}
    previous = scorecard[scorecard["tahun"] == year - 1].set_index("kota")
    latest = scorecard[scorecard["tahun"] == year].set_index("kota", drop=False)  # one row per kota (grain)
    for kota in cities_in(scorecard, year):
        r = latest.loc[kota]
        p = previous.loc[kota] if kota in previous.index else None
        out[kota] = [_tile(m, r, p, lang) for m in measures.TILES]
    return out


def _tile(m: Measure, r: pd.Series, p: pd.Series | None, lang: str) -> Tile:
    """Return measure `m`'s tile for a city's row `r` of the year (and `p` of the year before, if any)."""
    change = _change(r[m.column], None if p is None else p[m.column])
    if any(privacy.is_hidden(r[c]) for c in (m.column, *m.counts)):
        note = t("pv_small_groups", lang, k=privacy.min_group())  # the note says only what is shown
    else:
        note = None if m.note is None else m.note(r, lang)
    grade = r[m.grade] if m.grade else None
    return Tile(
        t(m.label, lang),
        m.graded(r[m.column], grade, lang),
        None if change is None else m.change(change, lang),
        m.tile_colour,
        note,
    )


def compare_with_others(scorecard: pd.DataFrame, kota: str, year: int, lang: str) -> pd.DataFrame:
    """Return one row per metric: the city's value, the simple average of the other cities in the
    scorecard, and the difference, as formatted text (columns: metric, kota, others, difference). A value
    hidden as '<5' (a scorecard from `scorecard`) reads '<5' with no difference, and a hidden city is left
    out of the others' average, which would otherwise give its value away."""
    latest = scorecard[scorecard["tahun"] == year]
    mine = latest[latest["kota"] == kota]
    others = privacy.numbers(latest[latest["kota"] != kota])
    rows = []
    for m in measures.RANKED_MEASURES:
        value = None if mine.empty else mine.iloc[0][m.column]
        avg = others[m.column].mean() if others[m.column].notna().any() else None
        diff = _change(value, avg)
        hidden = privacy.is_hidden(value)
        rows.append(
            {
                t("metric", lang): t(m.label, lang),
                kota: value if hidden else m.write(value, lang),
                t("others_avg", lang): m.write(avg, lang),
                t("difference", lang): value if hidden else m.change(diff, lang),
            }
        )
    return pd.DataFrame(rows)
