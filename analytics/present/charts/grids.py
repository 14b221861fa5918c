"""Table-like charts: a heatmap with every value written in its cell, so colour is never needed to read it;
a cell about fewer than 5 people has no colour and reads "<5"."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import HIDDEN_COLOR
from analytics.present.charts.style import FONT_SIZE, apply_layout
from analytics.present.charts.text_alternative import note, note_hidden


def heatmap(
    df: pd.DataFrame,
    row: str,
    column: str,
    value: str,
    lang: str,
    suffix: str = "%",
    decimals: int = 0,
    z_range: tuple[float, float] | None = (0, 100),
    mark_min: str = "",
    sort_rows: bool = True,
) -> go.Figure:
    """Return a table-like heatmap (rows x columns) with every value written in its cell; rows sorted
    by their mean, lowest first (rows with hidden values only come last). `mark_min` is appended to the
    lowest value of each column; `z_range` None runs the colours from 0 to the largest shown value. A cell
    about fewer than 5 people has no colour and reads "<5"."""
    shown, hidden = privacy.for_chart(df)
    drawn = shown.assign(_hidden=hidden[value])[shown[value].notna() | hidden[value]]
    cells = drawn.groupby([row, column], sort=False)
    table = cells[value].first().unstack(column)
    secret = cells["_hidden"].max().unstack(column).reindex_like(table).fillna(False).astype(bool)
    if sort_rows:
        table = table.loc[table.mean(axis=1).sort_values(na_position="last").index]
    else:
        table = table.loc[[r for r in drawn[row].unique() if r in table.index]]
    table = table[sorted(table.columns)]
    secret = secret.loc[table.index, table.columns]
    lowest = {c: table[c].idxmin() for c in table.columns if table[c].notna().any()}
    if z_range is None:  # from the shown values only: a hidden maximum must not set the scale
        z_range = (0, max(float(table.max().max()) if table.notna().any().any() else 0.0, 1.0))

    def cell(r: str, c: str) -> str:
        v = table.loc[r, c]
        if pd.isna(v):
            return ""
        text = fmt.number(v, lang, decimals) + suffix
        return f"{text} {mark_min}" if mark_min and lowest.get(c) == r else text

    text = [[cell(r, c) for c in table.columns] for r in table.index]
    fig = go.Figure(
        go.Heatmap(
            z=table.values,
            x=list(table.columns),
            y=list(table.index),
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=z_range[0],
            zmax=z_range[1],
            showscale=False,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
            textfont={"size": FONT_SIZE - 2},
        )
    )
    if secret.to_numpy().any():  # hidden cells: grey, hatched in spirit, reading "<5" (no colour from a value)
        label = privacy.marker()
        fig.add_trace(
            go.Heatmap(
                z=secret.where(secret).astype(float).values,
                x=list(table.columns),
                y=list(table.index),
                name=label,
                text=[[label if secret.loc[r, c] else "" for c in table.columns] for r in table.index],
                texttemplate="%{text}",
                colorscale=[[0, HIDDEN_COLOR], [1, HIDDEN_COLOR]],
                showscale=False,
                hovertemplate=f"%{{y}} · %{{x}}: {label}<extra></extra>",
                textfont={"size": FONT_SIZE - 2, "color": "#444444"},
            )
        )
    fig.update_xaxes(side="top", title=None)
    fig.update_yaxes(title=None, automargin=True, autorange="reversed")  # lowest first: who lags is read first
    note_hidden(fig, int(secret.to_numpy().sum()))
    note(fig, "heatmap")
    return apply_layout(fig, lang, height=120 + 32 * len(table))
