"""The figures a page keeps between runs (ui.components.figure): the same chart the builder draws, built once for
the same values, a figure of its own for every call, and another chart for other values. Real builders on the
demo warehouse's released scorecard."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st

from analytics import queries
from analytics.present import charts, overview
from analytics.privacy import release
from ui import components


@pytest.fixture(scope="module")
def in_range(con, everything) -> pd.DataFrame:
    return overview.in_range(release.read(con, queries.scorecard, everything), everything)


@pytest.fixture(autouse=True)
def no_kept_figures():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_a_kept_figure_is_the_figure_the_builder_draws(in_range: pd.DataFrame, info) -> None:
    styles = charts.city_styles(info.kota)
    jp = in_range[["kota", "tahun", "jumlah_asn", "jp_per_asn"]]
    drawn = [
        (charts.trend, (jp, "jp_per_asn", styles, "id"), {"target": 20.0, "target_label": "20 JP"}),
        (charts.grouped_bars, (in_range, "tahun", "persen_20jp", styles, "en"), {"y_title": "%"}),
    ]
    for builder, args, kwargs in drawn:
        for _ in range(2):  # built, then kept
            kept = components.figure(builder, *args, **kwargs)
            fresh = builder(*args, **kwargs)
            assert kept.to_dict() == fresh.to_dict()
            assert charts.describe(kept, args[-1]) == charts.describe(fresh, args[-1])


def test_the_same_values_build_once_and_every_call_gets_its_own_figure(in_range: pd.DataFrame, info) -> None:
    built = []

    def counted(df: pd.DataFrame, lang: str) -> go.Figure:
        built.append(len(df))
        return charts.trend(df, "persen_20jp", charts.city_styles(info.kota), lang)

    first = components.figure(counted, in_range, "id")
    first.update_layout(title="changed by a page")
    again = components.figure(counted, in_range.copy(), "id")  # equal values, another frame
    assert built == [len(in_range)]
    assert again.layout.title.text is None and again is not first
    assert again.to_dict() == charts.trend(in_range, "persen_20jp", charts.city_styles(info.kota), "id").to_dict()


def test_other_values_draw_another_figure(in_range: pd.DataFrame, info) -> None:
    styles = charts.city_styles(info.kota)
    before = components.figure(charts.trend, in_range, "persen_20jp", styles, "id")
    latest = in_range["tahun"] == in_range["tahun"].max()
    changed = in_range.assign(persen_20jp=in_range["persen_20jp"].where(~latest, 1))
    after = components.figure(charts.trend, changed, "persen_20jp", styles, "id")
    assert after.to_dict() != before.to_dict()
    assert after.to_dict() == charts.trend(changed, "persen_20jp", styles, "id").to_dict()
    english = components.figure(charts.trend, in_range, "persen_20jp", styles, "en")
    assert english.to_dict() == charts.trend(in_range, "persen_20jp", styles, "en").to_dict()
