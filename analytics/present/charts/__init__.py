"""Chart builders: DataFrame in, Plotly figure out; no Streamlit, no queries.

Every figure is readable on a projector (large type), uses one colour per city from a colour-blind-safe
palette, and never carries meaning by colour alone: each city also has its own marker symbol and line dash,
and values are written on bars. A value about fewer than 5 people (analytics.privacy) is never drawn.
Callers write `from analytics.present import charts` and `charts.trend(...)`; the modules, by concept:

- style: city colours, markers, dashes and patterns, the other palettes, the common layout
- hidden: how a value hidden as "<5" is drawn and flagged
- lines: trend, trend_by, lorenz, budget_curve
- bars: grouped, ranked, labelled, share and stacked bars, budget bars, small multiples, the JP distribution
- grids: the heatmap
- points: scatter, forest plots (intervals, comparison)
- strip: the distribution of many cities on one measure (median, middle half, a province's cities and value)
- labels: the texts written on and beside the marks and the names in legends
- text_alternative: what each figure records about itself (layout.meta) and `describe`, the sentence under
  every chart for screen readers
"""

import plotly.graph_objects as go

from analytics.present.charts.bars import (
    budget_bars,
    grouped_bars,
    jp_distribution,
    labelled_bars,
    ranked_bars,
    share_bars,
    small_multiples,
    stacked_share,
    stacked_share_h,
)
from analytics.present.charts.grids import heatmap
from analytics.present.charts.hidden import HIDDEN, HIDDEN_COLOR, HIDDEN_PATTERN, SHOWN, hidden_flags
from analytics.present.charts.labels import (
    comparison_texts,
    correlation_names,
    floor_labels,
    gap_labels,
    lorenz_points,
    mean_texts,
    n_labels,
    name_list,
    opd_labels,
    readiness_totals,
    signed_rupiah,
)
from analytics.present.charts.lines import budget_curve, lorenz, share_of_whole, trend, trend_by
from analytics.present.charts.points import comparison, intervals, scatter_by_city
from analytics.present.charts.strip import describe_strip, is_strip, strip
from analytics.present.charts.style import FONT_SIZE, KELOMPOK_COLORS, PALETTE, PREDIKAT_COLORS, city_styles
from analytics.present.charts.text_alternative import as_list, hidden_values
from analytics.present.charts.text_alternative import describe as _describe


def describe(fig: go.Figure, lang: str) -> str:
    """Return the text alternative of a figure built by these builders, in `lang` (text_alternative.describe; a
    strip writes its own, which names the median, quartiles, best and lagging cities: strip.describe_strip)."""
    return describe_strip(fig, lang) if is_strip(fig) else _describe(fig, lang)


__all__ = [
    "FONT_SIZE",
    "HIDDEN",
    "HIDDEN_COLOR",
    "HIDDEN_PATTERN",
    "KELOMPOK_COLORS",
    "PALETTE",
    "PREDIKAT_COLORS",
    "SHOWN",
    "as_list",
    "budget_bars",
    "budget_curve",
    "city_styles",
    "comparison",
    "comparison_texts",
    "correlation_names",
    "describe",
    "floor_labels",
    "gap_labels",
    "grouped_bars",
    "heatmap",
    "hidden_flags",
    "hidden_values",
    "intervals",
    "jp_distribution",
    "labelled_bars",
    "lorenz",
    "lorenz_points",
    "mean_texts",
    "n_labels",
    "name_list",
    "opd_labels",
    "ranked_bars",
    "readiness_totals",
    "scatter_by_city",
    "share_bars",
    "share_of_whole",
    "signed_rupiah",
    "small_multiples",
    "stacked_share",
    "stacked_share_h",
    "strip",
    "trend",
    "trend_by",
]
