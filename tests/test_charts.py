"""Chart builders, tested on the figure data they return: what is drawn, where, and how it is told apart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import released
from plotly.subplots import make_subplots

from analytics.present import charts

CITIES = ["Pontianak", "Jambi", "Makassar", "Bukittinggi"]
STYLES = charts.city_styles(CITIES)


def _years() -> pd.DataFrame:
    """Four cities over three years, rows deliberately out of order."""
    rows = []
    for i, kota in enumerate(CITIES):
        for tahun in (2024, 2022, 2023):
            rows.append(
                {
                    "kota": kota,
                    "tahun": tahun,
                    "persen_20jp": 10.0 * i + (tahun - 2020),
                    "ikm": 70.0 + i + (tahun - 2022),
                    "pagu": 1e9 * (i + 1),
                    "realisasi": 0.8e9 * (i + 1),
                }
            )
    return pd.DataFrame(rows)


def _scatter(fig: go.Figure) -> list[go.Scatter]:
    return [trace for trace in fig.data if trace.type == "scatter"]


# --- styles ------------------------------------------------------------------------------------------


def test_city_styles_are_fixed_by_the_full_sorted_list() -> None:
    again = charts.city_styles(list(reversed(CITIES)))
    assert again == STYLES
    assert list(STYLES) == sorted(CITIES)
    colours = [s["color"] for s in STYLES.values()]
    symbols = [s["symbol"] for s in STYLES.values()]
    dashes = [s["dash"] for s in STYLES.values()]
    assert len(set(colours)) == len(set(symbols)) == len(set(dashes)) == len(CITIES)
    assert all(c in charts.PALETTE for c in colours)


def test_a_city_keeps_its_style_whichever_subset_is_shown() -> None:
    df = _years()
    for subset in (["Makassar"], ["Jambi", "Makassar"], CITIES):
        fig = charts.trend(df[df["kota"].isin(subset)], "persen_20jp", STYLES, "id")
        for trace in _scatter(fig):
            style = STYLES[trace.name]
            assert (trace.line.color, trace.marker.symbol, trace.line.dash) == (
                style["color"],
                style["symbol"],
                style["dash"],
            )


def test_six_cities_are_told_apart_without_colour() -> None:
    six = ["Ambon", "Bukittinggi", "Jambi", "Makassar", "Pontianak", "Surakarta"]
    styles = charts.city_styles(six)
    df = pd.DataFrame([{"kota": k, "tahun": y, "v": 1.0} for k in six for y in (2023, 2024)])
    traces = _scatter(charts.trend(df, "v", styles, "id"))
    assert len(traces) == 6
    assert len({tr.marker.symbol for tr in traces}) == 6
    assert len({tr.line.dash for tr in traces}) == 6
    assert len({tr.line.color for tr in traces}) == 6


# --- trend -------------------------------------------------------------------------------------------


def test_trend_has_one_trace_per_city_with_years_in_order() -> None:
    df = _years()
    fig = charts.trend(df, "persen_20jp", STYLES, "id", tick_suffix="%")
    traces = _scatter(fig)
    assert [tr.name for tr in traces] == sorted(CITIES)
    for tr in traces:
        expected = df[df["kota"] == tr.name].sort_values("tahun")
        assert list(tr.x) == [2022, 2023, 2024]
        assert list(tr.y) == expected["persen_20jp"].tolist()
        assert "markers" in tr.mode and "lines" in tr.mode
    # Meaning not by colour alone: each city has its own marker symbol and dash.
    assert len({tr.marker.symbol for tr in traces}) == len(traces)
    assert len({tr.line.dash for tr in traces}) == len(traces)
    assert fig.layout.yaxis.ticksuffix == "%"


def test_trend_skips_missing_values_and_cities_without_values() -> None:
    df = _years()
    df.loc[(df["kota"] == "Jambi") & (df["tahun"] == 2023), "ikm"] = None
    df.loc[df["kota"] == "Makassar", "ikm"] = None
    traces = _scatter(charts.trend(df, "ikm", STYLES, "id"))
    assert [tr.name for tr in traces] == ["Bukittinggi", "Jambi", "Pontianak"]
    jambi = next(tr for tr in traces if tr.name == "Jambi")
    assert list(jambi.x) == [2022, 2024]


def test_trend_target_line() -> None:
    fig = charts.trend(_years(), "persen_20jp", STYLES, "id", target=20, target_label="20 JP")
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 1
    assert lines[0].y0 == lines[0].y1 == 20
    assert lines[0].line.dash == "dash"
    assert any(a.text == "20 JP" for a in fig.layout.annotations)
    assert charts.trend(_years(), "persen_20jp", STYLES, "id").layout.shapes == ()


def test_trend_ikm_bands() -> None:
    fig = charts.trend(_years(), "ikm", STYLES, "id", y_range=(60, 100), bands=True)
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 4
    assert sorted((s.y0, s.y1) for s in rects) == [(25.0, 65.0), (65.0, 76.61), (76.61, 88.31), (88.31, 100.0)]
    assert sorted(a.text for a in fig.layout.annotations) == ["<b>A</b>", "<b>B</b>", "<b>C</b>", "<b>D</b>"]
    assert list(fig.layout.yaxis.range) == [60, 100]
    assert charts.trend(_years(), "ikm", STYLES, "id").layout.shapes == ()


@pytest.mark.parametrize(("lang", "separators"), [("id", ",."), ("en", ".,")])
def test_every_builder_uses_the_languages_separators(lang: str, separators: str) -> None:
    df = _years()
    latest = df[df["tahun"] == 2024].reset_index(drop=True)
    figures = [
        charts.trend(df, "persen_20jp", STYLES, lang),
        charts.grouped_bars(latest, "tahun", "persen_20jp", STYLES, lang),
        charts.heatmap(latest, "kota", "tahun", "persen_20jp", lang),
        charts.stacked_share(df, "tahun", ["pagu", "realisasi"], {"pagu": "#111", "realisasi": "#222"}, lang),
        charts.budget_bars(df, lang),
        charts.stacked_share_h(latest, "kota", ["pagu", "realisasi"], {"pagu": "#111", "realisasi": "#222"}, lang),
        charts.ranked_bars(latest, "kota", "pagu", STYLES, ["a"] * len(latest), lang),
        charts.small_multiples(df, ["pagu", "realisasi"], ["P", "R"], STYLES, lang),
    ]
    for fig in figures:
        assert fig.layout.separators == separators
        assert fig.layout.font.size >= 14  # readable on a projector


# --- bars ----------------------------------------------------------------------------------------------


def test_grouped_bars_one_trace_per_city_with_values_on_top() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Makassar", "Makassar"],
            "rentang_jp": ["0", "20-29", "0", "20-29"],
            "persen": [30.0, 70.0, 10.0, 90.0],
        }
    )
    order = ["0", "1-9", "20-29"]
    fig = charts.grouped_bars(
        df,
        "rentang_jp",
        "persen",
        STYLES,
        "id",
        text_format="%{y:.0f}%",
        category_order=order,
        target=2.5,
        target_label="20",
    )
    assert [tr.name for tr in fig.data] == ["Jambi", "Makassar"]
    jambi, makassar = fig.data
    assert (list(jambi.x), list(jambi.y)) == (["0", "20-29"], [30.0, 70.0])
    assert (list(makassar.x), list(makassar.y)) == (["0", "20-29"], [10.0, 90.0])
    assert jambi.texttemplate == "%{y:.0f}%" and jambi.textposition == "outside"
    assert jambi.marker.color == STYLES["Jambi"]["color"]
    assert jambi.marker.pattern.shape != makassar.marker.pattern.shape  # told apart without colour
    assert fig.layout.barmode == "group"
    assert list(fig.layout.xaxis.categoryarray) == order
    assert [s.x0 for s in fig.layout.shapes if s.type == "line"] == [2.5]


def test_ranked_bars_largest_on_top_with_their_texts() -> None:
    df = pd.DataFrame(
        {
            "label": ["BKPSDM (Jambi)", "LAN (Makassar)", "BPSDM (Pontianak)"],
            "kota": ["Jambi", "Makassar", "Pontianak"],
            "jp_lulus": [100, 300, 200],
        }
    )
    fig = charts.ranked_bars(df, "label", "jp_lulus", STYLES, ["100 JP", "300 JP", "200 JP"], "id")
    (bar,) = fig.data
    assert list(bar.y) == ["LAN (Makassar)", "BPSDM (Pontianak)", "BKPSDM (Jambi)"]
    assert list(bar.x) == [300, 200, 100]
    assert list(bar.text) == ["300 JP", "200 JP", "100 JP"]
    assert list(bar.marker.color) == [STYLES[k]["color"] for k in ("Makassar", "Pontianak", "Jambi")]
    assert fig.layout.yaxis.autorange == "reversed"


# --- heatmap -----------------------------------------------------------------------------------------


def _heat() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nilai": ["Bappeda", "Bappeda", "Dinkes", "Dinkes", "RSUD", "RSUD"],
            "kota": ["Jambi", "Makassar"] * 3,
            "persen_20jp": [80.0, 90.0, 20.0, 60.5, 50.0, 40.0],
        }
    )


def test_heatmap_puts_the_lowest_mean_row_first() -> None:
    fig = charts.heatmap(_heat(), "nilai", "kota", "persen_20jp", "id", decimals=1)
    (heat,) = fig.data
    assert list(heat.y) == ["Dinkes", "RSUD", "Bappeda"]  # means 40.25, 45, 85
    assert list(heat.x) == ["Jambi", "Makassar"]
    assert [list(row) for row in heat.z] == [[20.0, 60.5], [50.0, 40.0], [80.0, 90.0]]
    assert [list(row) for row in heat.text] == [["20,0%", "60,5%"], ["50,0%", "40,0%"], ["80,0%", "90,0%"]]
    assert fig.layout.yaxis.autorange == "reversed"  # first row drawn on top


def test_heatmap_marks_the_minimum_of_each_column() -> None:
    fig = charts.heatmap(_heat(), "nilai", "kota", "persen_20jp", "en", decimals=0, mark_min="▼", sort_rows=False)
    (heat,) = fig.data
    cells = {(r, c): heat.text[i][j] for i, r in enumerate(heat.y) for j, c in enumerate(heat.x)}
    marked = sorted(k for k, v in cells.items() if "▼" in v)
    assert marked == [("Dinkes", "Jambi"), ("RSUD", "Makassar")]
    assert cells[("Dinkes", "Jambi")] == "20% ▼"
    assert cells[("Bappeda", "Makassar")] == "90%"
    assert list(heat.y) == ["Bappeda", "Dinkes", "RSUD"]  # the frame's order when not sorted


def test_heatmap_leaves_missing_cells_blank() -> None:
    df = _heat().iloc[:-1]  # RSUD has no Makassar value
    (heat,) = charts.heatmap(df, "nilai", "kota", "persen_20jp", "id", mark_min="▼").data
    row = list(heat.y).index("RSUD")
    assert heat.text[row][list(heat.x).index("Makassar")] == ""


# --- stacked shares, budget, small multiples ----------------------------------------------------------------


def test_stacked_share_sums_to_100_and_labels_only_large_segments() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Makassar"],
            "tahun": [2023, 2024, 2024],
            "a": [97, 50, 1],
            "b": [3, 25, 1],
            "c": [0, 25, 2],
        }
    )
    colors = {"a": "#111111", "b": "#222222", "c": "#333333"}
    fig = charts.stacked_share(df, "tahun", ["a", "b", "c"], colors, "id", part_labels={"a": "Lulus"})
    assert fig.layout.barmode == "stack"
    assert len(fig.data) == 6  # three parts in each of two panels
    by_panel: dict[str, list] = {}
    for trace in fig.data:
        by_panel.setdefault(trace.xaxis, []).append(trace)
    assert len(by_panel) == 2
    for traces in by_panel.values():
        for i in range(len(traces[0].x)):
            assert sum(tr.y[i] for tr in traces) == pytest.approx(100)
    jambi = by_panel["x"]
    assert list(jambi[0].x) == ["2023", "2024"]
    texts = {tr.name: list(tr.text) for tr in jambi}
    assert texts == {"Lulus": ["97%", "50%"], "b": ["", "25%"], "c": ["", "25%"]}  # 3% and 0% are not written
    assert [tr.marker.color for tr in jambi] == ["#111111", "#222222", "#333333"]
    # One legend entry per part.
    assert sorted(tr.name for tr in fig.data if tr.showlegend) == ["Lulus", "b", "c"]
    assert [a.text for a in fig.layout.annotations] == ["Jambi", "Makassar"]


def test_stacked_share_h_sums_to_100() -> None:
    df = pd.DataFrame({"opd": ["A", "B"], "x": [1, 0], "y": [3, 5]})
    fig = charts.stacked_share_h(df, "opd", ["x", "y"], {"x": "#111", "y": "#222"}, "id")
    assert [list(tr.x) for tr in fig.data] == [[25.0, 0.0], [75.0, 100.0]]
    assert [list(tr.text) for tr in fig.data] == [["25%", ""], ["75%", "100%"]]


def test_budget_bars_are_in_billions_of_rupiah() -> None:
    df = _years()
    fig = charts.budget_bars(df, "id", "Pagu", "Realisasi", unit_label="Rp miliar")
    pagu = [tr for tr in fig.data if tr.name == "Pagu"]
    realisasi = [tr for tr in fig.data if tr.name == "Realisasi"]
    assert len(pagu) == len(realisasi) == len(CITIES)  # one panel per city
    for trace in pagu:
        assert list(trace.y) == pytest.approx([1.0 * (CITIES.index(_panel(fig, trace)) + 1)] * 3)
    for trace in realisasi:
        assert list(trace.y) == pytest.approx([0.8 * (CITIES.index(_panel(fig, trace)) + 1)] * 3)
    assert fig.layout.yaxis.title.text == "Rp miliar"
    assert sum(tr.showlegend is not False for tr in pagu) == 1


def _panel(fig: go.Figure, trace: go.Bar) -> str:
    """Return the subplot title (the city) of a trace's panel."""
    index = 0 if trace.xaxis == "x" else int(trace.xaxis[1:]) - 1
    return fig.layout.annotations[index].text


def test_budget_bars_write_the_labels_above_realisasi() -> None:
    df = _years()
    labels = [f"{i}%" for i in range(len(df))]
    fig = charts.budget_bars(df, "id", "Pagu", "Realisasi", labels=labels)
    jambi = next(tr for tr in fig.data if tr.name == "Realisasi" and _panel(fig, tr) == "Jambi")
    rows = df[df["kota"] == "Jambi"].sort_values("tahun")
    assert list(jambi.x) == ["2022", "2023", "2024"]
    assert list(jambi.text) == [labels[i] for i in rows.index]


def test_small_multiples_one_legend_entry_per_city() -> None:
    df = _years()
    fig = charts.small_multiples(df, ["pagu", "realisasi"], ["Pagu", "Realisasi"], STYLES, "id")
    assert len(fig.data) == 2 * len(CITIES)
    legend = [tr.name for tr in fig.data if tr.showlegend]
    assert sorted(legend) == sorted(CITIES)
    for trace in fig.data:
        assert trace.marker.color == STYLES[trace.name]["color"]
        assert trace.legendgroup == trace.name
    second = [tr for tr in fig.data if tr.xaxis == "x2"]
    jambi = next(tr for tr in second if tr.name == "Jambi")
    rows = df[df["kota"] == "Jambi"]
    assert dict(zip(jambi.x, jambi.y, strict=True)) == dict(
        zip(rows["tahun"].astype(str), rows["realisasi"], strict=True)
    )
    assert [a.text for a in fig.layout.annotations] == ["Pagu", "Realisasi"]


# --- small groups: what the builders draw when a value describes fewer than 5 people -------------------------


def test_a_trend_breaks_its_line_where_a_value_is_hidden_and_drops_a_city_with_none_left() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi"] * 3 + ["Makassar"] * 2,
            "tahun": [2023, 2024, 2025, 2024, 2025],
            "jumlah_pns": [40, 3, 50, 2, 4],
            "pns_memenuhi_20jp": [20, 3, 25, 1, 2],
            "persen_20jp": [50.0, 100.0, 50.0, 50.0, 50.0],
        }
    )
    fig = charts.trend(released(df), "persen_20jp", STYLES, "id")
    (jambi,) = _scatter(fig)
    assert jambi.name == "Jambi" and list(jambi.x) == [2023, 2024, 2025]
    assert jambi.y[0] == 50.0 and pd.isna(jambi.y[1]) and jambi.y[2] == 50.0  # a gap, not a line across
    assert charts.hidden_values(fig) == 3 and fig.layout.showlegend is True


def test_a_hidden_bar_is_not_drawn_and_reads_less_than_five() -> None:
    df = pd.DataFrame(
        {"kota": ["Jambi"] * 3, "nilai": ["A", "B", "C"], "jumlah_pns": [2, 30, 40], "persen_20jp": [50.0, 40.0, 60.0]}
    )
    (bar,) = charts.grouped_bars(released(df), "nilai", "persen_20jp", STYLES, "id", text_format="%{y:.0f}%").data
    assert list(bar.y) == [0, 0, 60.0]  # A: 2 PNS; B: the next smallest of the breakdown (else total - rest)
    assert list(bar.texttemplate) == ["<5", "<5", "%{y:.0f}%"]
    assert list(bar.customdata) == [charts.HIDDEN, charts.HIDDEN, charts.SHOWN]
    assert "<5" in bar.hovertemplate[0] and "<5" not in bar.hovertemplate[2]


def test_a_hidden_heatmap_cell_has_no_colour_and_a_grey_less_than_five() -> None:
    df = _heat().assign(jumlah_pns=[3, 50, 40, 60, 4, 70])
    values, grey = charts.heatmap(released(df), "nilai", "kota", "persen_20jp", "id").data
    cells = {(r, c): (values.z[i][j], grey.text[i][j]) for i, r in enumerate(values.y) for j, c in enumerate(values.x)}
    assert pd.isna(cells[("Bappeda", "Jambi")][0]) and cells[("Bappeda", "Jambi")][1] == "<5"
    assert pd.isna(cells[("RSUD", "Jambi")][0]) and cells[("RSUD", "Jambi")][1] == "<5"
    # Bappeda and RSUD imply 2 + 2 PNS at 20 JP: Jambi's total minus Dinkes would give "4", so Dinkes goes too.
    assert pd.isna(cells[("Dinkes", "Jambi")][0]) and cells[("Dinkes", "Jambi")][1] == "<5"
    assert cells[("Dinkes", "Makassar")] == (60.5, "")
    assert grey.name == "<5" and grey.showscale is False


def test_stacked_shares_keep_the_known_total_and_draw_hidden_parts_as_one_segment() -> None:
    ratings = pd.DataFrame(
        {
            "kota": ["Jambi"] * 3,
            "tahun": [2023, 2024, 2025],
            "jumlah_dinilai": [100, 100, 3],
            "Sangat Baik": [10, 20, 1],
            "Baik": [76, 70, 2],
            "Butuh Perbaikan": [11, 10, 0],
            "Kurang": [3, 0, 0],
            "Sangat Kurang": [0, 0, 0],
        }
    )
    parts = list(charts.PREDIKAT_COLORS)
    fig = charts.stacked_share(released(ratings), "tahun", parts, charts.PREDIKAT_COLORS, "id", total="jumlah_dinilai")
    drawn = {tr.name: list(tr.y) for tr in fig.data}
    # 2023: Kurang 3 is hidden and Sangat Baik (the next smallest) with it; the others keep their share of 100.
    assert [drawn[p][0] for p in parts] == [0, 76.0, 11.0, 0, 0]
    assert drawn["<5"][0] == pytest.approx(13.0)
    assert drawn["<5"][1] == 0 and [drawn[p][1] for p in parts] == [20.0, 70.0, 10.0, 0, 0]
    assert drawn["<5"][2] == 100.0 and all(drawn[p][2] == 0 for p in parts)  # 3 rated: the whole bar
    hatched = next(tr for tr in fig.data if tr.name == "<5")
    assert hatched.marker.pattern.shape == "/" and list(hatched.text) == ["<5", "", "<5"]
    assert charts.hidden_values(fig) == 4  # two parts in 2023, two in 2025


def test_a_stacked_bar_without_a_total_is_hidden_whole_when_a_part_is() -> None:
    # Aspirations per city (no breakdown, so no second cell hidden with the first): the whole is unknown.
    df = pd.DataFrame({"kota": ["Jambi", "Makassar"], "positif": [40, 3], "netral": [30, 30], "negatif": [30, 20]})
    fig = charts.stacked_share_h(
        released(df), "kota", ["positif", "netral", "negatif"], {k: "#111" for k in df.columns}, "id"
    )
    drawn = {tr.name: list(tr.x) for tr in fig.data}
    assert [drawn[p][0] for p in ("positif", "netral", "negatif")] == [40.0, 30.0, 30.0]
    assert [drawn[p][1] for p in ("positif", "netral", "negatif")] == [0, 0, 0] and drawn["<5"] == [0, 100.0]


def test_ranked_bars_put_a_hidden_value_last_without_a_bar() -> None:
    df = pd.DataFrame({"label": ["x", "y", "z"], "kota": ["Jambi"] * 3, "jumlah_peserta": [300, 2, 100]})
    (bar,) = charts.ranked_bars(released(df), "label", "jumlah_peserta", STYLES, ["300", "2", "100"], "id").data
    assert list(bar.y) == ["x", "z", "y"] and list(bar.x) == [300, 100, 0] and list(bar.text) == ["300", "100", "<5"]


def test_rows_picked_from_a_suppressed_breakdown_draw_as_numbers() -> None:
    # One city picked from all (reshape.pick): its columns keep suppress's text dtype without any '<5' left.
    from analytics.present import reshape

    df = pd.DataFrame(
        {
            "kota": ["Jambi"] * 2 + ["Makassar"] * 2,
            "opd": ["x", "y", "x", "y"],
            "jumlah_dinilai": [30, 40, 2, 3],
            "Sangat Baik": [5, 6, 1, 1],
            "Baik": [20, 30, 1, 2],
            "Butuh Perbaikan": [5, 6, 0, 0],
            "Kurang": [0, 0, 0, 0],
            "Sangat Kurang": [0, 0, 0, 0],
        }
    )
    parts = list(charts.PREDIKAT_COLORS)
    jambi = reshape.pick(df, kota="Jambi")
    fig = charts.stacked_share_h(jambi, "opd", parts, charts.PREDIKAT_COLORS, "id", total="jumlah_dinilai")
    expected = [[100 * 5 / 30, 15.0], [100 * 20 / 30, 75.0], [100 * 5 / 30, 15.0], [0, 0], [0, 0]]
    assert [list(tr.x) for tr in fig.data] == [pytest.approx(v) for v in expected]


def test_a_citys_bar_pattern_is_the_same_in_every_bar_chart_whatever_cities_are_drawn() -> None:
    # Only Pontianak (the last of the four in sorted order) drawn: it keeps its own pattern, in both builders.
    one = pd.DataFrame({"kota": ["Pontianak"], "tahun": [2024], "nilai": ["x"], "persen_20jp": [50.0], "pagu": [9.0]})
    grouped = charts.grouped_bars(one, "nilai", "persen_20jp", STYLES, "id")
    panels = charts.small_multiples(one, ["pagu"], ["Pagu"], STYLES, "id")
    shapes = {tr.marker.pattern.shape for tr in [*grouped.data, *panels.data] if tr.name == "Pontianak"}
    assert shapes == {STYLES["Pontianak"]["pattern"]} and STYLES["Pontianak"]["pattern"] != ""


def test_hidden_flags_mark_each_hidden_value_in_order() -> None:
    assert charts.hidden_flags([True, False, True]) == [charts.HIDDEN, charts.SHOWN, charts.HIDDEN]
    assert charts.hidden_flags(pd.Series([False, False])) == [charts.SHOWN, charts.SHOWN]
    assert charts.hidden_flags([]) == []


# --- names in a sentence ------------------------------------------------------------------------------


def test_name_list_joins_names_in_either_language() -> None:
    assert charts.name_list([], "id") == ""
    assert charts.name_list(("Jambi",), "id") == "Jambi"
    assert charts.name_list(("Jambi", "Makassar"), "en") == "Jambi and Makassar"
    assert charts.name_list(("Bukittinggi", "Jambi", "Makassar", "Pontianak"), "id") == (
        "Bukittinggi, Jambi, Makassar dan Pontianak"
    )


def test_name_list_leaves_out_repeats_and_blanks_and_counts_names_after_six() -> None:
    assert charts.name_list(["A", "", "B", "A"], "id") == "A dan B"
    assert charts.name_list([*"ABCDEFGH"], "id") == "A, B, C, D, E, F dan 2 lainnya"
    assert charts.name_list([*"ABCDEFG"], "en") == "A, B, C, D, E, F and 1 more"


# --- the room the axes' labels take (style.label_room): set so that Plotly draws a chart once ------------------


def test_label_room_reserves_the_widest_number_with_its_suffix_and_a_row_of_years() -> None:
    fig = go.Figure(go.Scatter(x=[2021, 2022], y=[900.0, 19_500.0]))
    fig.update_yaxes(ticksuffix="%")
    room = charts.style.label_room(fig)
    # ticks may reach 21,450: "21.450%" is 6 digits and separators and a '%' counted twice.
    assert room == {"l": round(8 * charts.style.DIGIT_PX) + charts.style.BESIDE_TICKS + charts.style.SLACK, "b": 42}
    fig.update_yaxes(title="JP")
    assert charts.style.label_room(fig)["l"] == room["l"] - charts.style.BESIDE_TICKS + charts.style.BESIDE_TITLE


def test_label_room_of_words_is_the_longest_word_and_a_negative_number_has_its_sign() -> None:
    bars = go.Figure(go.Bar(x=[-3.0, 40.0], y=["BKPSDM", "Dinas Pendidikan"], orientation="h"))
    room = charts.style.label_room(bars)
    assert room["l"] == round(16 * charts.style.LETTER_PX) + charts.style.BESIDE_TICKS + charts.style.SLACK
    assert room["b"] == 42  # numbers under the bars
    below_zero = charts.style.label_room(go.Figure(go.Scatter(x=[1, 2], y=[-50.0, 20.0])))
    assert below_zero["l"] == round(3 * charts.style.DIGIT_PX) + charts.style.BESIDE_TICKS + charts.style.SLACK


def test_label_room_guesses_nothing_it_cannot_tell() -> None:
    # Stacked bars without a fixed range: the sums are in no trace, so the left is left to automargin.
    stacked = go.Figure([go.Bar(x=[2024, 2025], y=[60, 70]), go.Bar(x=[2024, 2025], y=[50, 40])])
    stacked.update_layout(barmode="stack")
    assert "l" not in charts.style.label_room(stacked) and charts.style.label_room(stacked)["b"] == 42
    stacked.update_yaxes(range=[0, 100])
    assert "l" in charts.style.label_room(stacked)
    # Many long words under the chart may turn; an axis on top takes no room below; small multiples: nothing.
    words = go.Figure(go.Bar(x=[f"Kegiatan nomor {i}" for i in range(9)], y=list(range(9))))
    assert "b" not in charts.style.label_room(words)
    top = go.Figure(go.Heatmap(x=[2024, 2025], y=["A", "B"], z=[[1, 2], [3, 4]]))
    top.update_xaxes(side="top")
    assert "b" not in charts.style.label_room(top)
    assert charts.style.label_room(make_subplots(rows=1, cols=2)) == {}
    # Agencies' long names: automargin shares a phone's width between them and the plot.
    agencies = go.Figure(go.Bar(x=[3.0, 4.0], y=["Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "BPBD"]))
    assert "l" not in charts.style.label_room(agencies)


def test_a_chart_builder_sets_the_room_of_its_labels() -> None:
    fig = charts.trend(released(_years()), "persen_20jp", STYLES, "id")
    assert (fig.layout.margin.l, fig.layout.margin.b) == tuple(charts.style.label_room(fig).values())
    assert not fig.layout.yaxis.title.text  # an empty title would take its room beside the axis


def test_the_text_alternative_of_budget_bars_says_amounts_not_the_absorption_above_them() -> None:
    df = _years()
    labels = [f"{80 + i}%" for i in range(len(df))]
    text = charts.describe(charts.budget_bars(df, "id", "Pagu", "Realisasi", labels=labels), "id")
    assert "%" not in text  # the shares written above the realisasi bars are not the bars' values
    said = "Tertinggi: Pagu · 2022 · Bukittinggi: Rp 4,0 miliar. Terendah: Realisasi · 2022 · Pontianak: Rp 0,8 miliar."
    assert said in text
