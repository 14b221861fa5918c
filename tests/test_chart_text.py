"""Text alternatives of the charts (analytics.present.charts.describe): one or two sentences in the chosen language
that say what a chart shows (kind, whom, highest and lowest value), never a value the chart hides, and an
st.caption under every chart of every page, where screen readers reach it.

Figures are built by the real builders from the session's demo warehouse (the real pipeline); the expected
sentences are worked out here from the query results.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import released
from in_process_app import PAGE, open_page, start

from analytics import metrics, queries
from analytics.context import WarehouseInfo
from analytics.present import charts
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.texts import t

# The app, `con`, `info` and `everything` read the session's demo warehouse (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("app_environment")
PAGES_WITHOUT_CHARTS = ("profil_kota", "definisi", "kualitas_data", "unggah", "jejak_audit")
PAGES_WITH_CHARTS = [name for name in PAGE if name not in PAGES_WITHOUT_CHARTS]


@pytest.fixture(scope="module")
def styles(info: WarehouseInfo) -> dict:
    return charts.city_styles(info.kota)


def id_number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


# --- what the sentence says ---------------------------------------------------------------------------------


def test_a_trend_names_its_cities_and_its_highest_and_lowest_point(con, everything: Filters, styles, info) -> None:
    sc = queries.scorecard(con, everything)
    text = charts.describe(charts.trend(sc, "ikm", styles, "id"), "id")
    high = sc.loc[sc["ikm"].idxmax()]
    low = sc.loc[sc["ikm"].idxmin()]
    assert text.startswith("Ringkasan grafik: Grafik garis untuk ")
    assert all(k in text for k in info.kota)
    assert f"Tertinggi: {high.kota} · {high.tahun}: {id_number(high.ikm, 1)}." in text
    assert f"Terendah: {low.kota} · {low.tahun}: {id_number(low.ikm, 1)}." in text
    assert "tidak digambar" not in text  # nothing hidden for whole cities


def test_the_text_follows_the_language(con, everything: Filters, styles) -> None:
    sc = queries.scorecard(con, everything)
    high = sc.loc[sc["persen_20jp"].idxmax()]
    text = charts.describe(charts.trend(sc, "persen_20jp", styles, "en", tick_suffix="%"), "en")
    assert text.startswith("Chart summary: Line chart for ")
    assert f"Highest: {high.kota} · {high.tahun}: {high.persen_20jp:.1f}%." in text


def test_a_heatmap_names_its_columns_and_its_extreme_cells() -> None:
    df = pd.DataFrame(
        {"nilai": ["A", "A", "B", "B"], "kota": ["Jambi", "Makassar"] * 2, "persen_20jp": [10.0, 90.0, 50.0, 60.0]}
    )
    text = charts.describe(charts.heatmap(df, "nilai", "kota", "persen_20jp", "id"), "id")
    assert (
        text == "Ringkasan grafik: Tabel berwarna untuk Jambi dan Makassar. Tertinggi: Makassar · A: 90%. "
        "Terendah: Jambi · A: 10%."
    )


def test_stacked_bars_say_which_part_is_largest_most_often(con, everything: Filters) -> None:
    ratings = queries.predikat(con, everything)
    parts = list(queries.PREDIKAT_COLUMNS)
    figure = charts.stacked_share(ratings, "tahun", parts, charts.PREDIKAT_COLORS, "id", total="jumlah_dinilai")
    largest = ratings[parts].idxmax(axis=1)
    top = largest.value_counts()
    text = charts.describe(figure, "id")
    assert f"Batang bertumpuk 100% dengan bagian {', '.join(parts[:-1])} dan {parts[-1]}." in text
    assert t("ch_largest", "id", part=top.index[0], n=int(top.iloc[0]), total=len(ratings)) in text


def test_intervals_curves_and_scatters_say_what_they_are(con, everything: Filters, styles) -> None:
    did = metrics.compare_cells(queries.training_cells(con, everything, 1)).dropna(subset=["selisih"])
    forest = charts.intervals(
        did, "kota", "selisih", "ci_rendah", "ci_tinggi", charts.comparison_texts(did, "id"), styles, "id"
    )
    high = did.loc[did["selisih"].idxmax()]
    text = charts.describe(forest, "id")
    assert text.startswith("Ringkasan grafik: Selisih dengan selang kepercayaan 95% untuk ")
    assert f"Tertinggi: {high.kota}: " in text
    gap = queries.gap(con, everything)
    latest = gap[gap["tahun"] == everything.tahun_akhir]
    points = charts.lorenz_points(release.read(con, queries.lorenz, everything), latest, "id")
    curves = charts.describe(charts.lorenz(points, styles, "id", "Merata"), "id")
    assert curves.startswith("Ringkasan grafik: Kurva untuk ") and "(Gini " in curves and "Tertinggi" not in curves
    units = queries.jp_and_ikm(con, everything)
    names = charts.correlation_names(units, "jp_per_asn", "ikm", "id")
    scatter = charts.describe(
        charts.scatter_by_city(units, "jp_per_asn", "ikm", styles, "opd", "id", names=names), "id"
    )
    assert scatter.startswith("Ringkasan grafik: Grafik titik untuk ") and "(r = " in scatter


def test_a_budget_curve_writes_the_change_of_budget_with_its_sign() -> None:
    curve = pd.DataFrame({"perubahan_anggaran": [-50.0, 0.0, 50.0], "persen_20jp": [30.0, 45.0, 60.0]})
    text = charts.describe(charts.budget_curve(curve, 0, "id"), "id")
    assert text == "Ringkasan grafik: Grafik garis. Tertinggi: +50%: 60,0%. Terendah: -50%: 30,0%."


def test_a_budget_curve_of_a_small_city_draws_no_hidden_share_and_says_so() -> None:
    # Simulasi for a city of a handful of PNS once crashed on the released '<5'.
    curve = pd.DataFrame(
        {"perubahan_anggaran": [-50.0, 0.0, 50.0], "jumlah_pns": [3, 3, 3], "persen_20jp": ["<5", "<5", "<5"]}
    )
    figure = charts.budget_curve(curve, 0, "id")
    assert [v for v in figure.data[0].y if v == v] == []  # nothing drawn (NaN only)
    hidden = t("ch_hidden", "id", n=3, k=5)
    assert charts.describe(figure, "id") == f"Ringkasan grafik: Grafik garis. {t('ch_nothing', 'id')} {hidden}"


def test_hidden_values_are_counted_never_told(con, info: WarehouseInfo, styles) -> None:
    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1], kategori_jabatan=("Administrator",))
    sc = queries.scorecard(con, f)
    figure = charts.trend(release.read(con, queries.scorecard, f), "persen_20jp", styles, "id", tick_suffix="%")
    text = charts.describe(figure, "id")
    assert t("ch_hidden", "id", n=charts.hidden_values(figure), k=5) in text
    for r in sc.itertuples():
        if 0 < r.jumlah_pns < 5 and r.persen_20jp not in (0, 100):
            assert f"{r.kota} · {r.tahun}:" not in text
    assert "Jambi" not in text.split(".")[0]  # a city with nothing drawn is not named as drawn


def test_a_chart_with_nothing_to_draw_says_so() -> None:
    df = pd.DataFrame({"kota": ["Jambi"], "nilai": ["JPT"], "jumlah_pns": [2], "persen_20jp": [50.0]})
    figure = charts.grouped_bars(released(df), "nilai", "persen_20jp", charts.city_styles(["Jambi"]), "id")
    assert charts.describe(figure, "id") == (
        f"Ringkasan grafik: Grafik batang untuk Jambi. Tidak ada nilai yang digambar. {t('ch_hidden', 'id', n=1, k=5)}"
    )


def test_describe_reads_a_figure_that_went_through_json() -> None:
    df = pd.DataFrame({"kota": ["Jambi", "Jambi"], "tahun": [2024, 2025], "ikm": [80.0, 82.5]})
    figure = charts.trend(df, "ikm", charts.city_styles(["Jambi"]), "id")
    again = go.Figure(figure.to_dict())  # typed arrays {"dtype", "bdata"}, as in the presentation's cache
    assert charts.describe(again, "id") == charts.describe(figure, "id")


def test_bars_write_their_values_as_the_text_template_the_page_gave() -> None:
    df = pd.DataFrame({"kota": ["Jambi", "Makassar"], "nilai": ["A", "A"], "persen": [12.4, 85.0]})
    styles = charts.city_styles(["Jambi", "Makassar"])
    percent = charts.grouped_bars(df, "nilai", "persen", styles, "en", text_format="%{y:.0f}%")
    assert charts.describe(percent, "en").endswith("Highest: Makassar · A: 85%. Lowest: Jambi · A: 12%.")
    scores = charts.grouped_bars(df, "nilai", "persen", styles, "id", text_format="%{y:.2f}")
    assert charts.describe(scores, "id").endswith("Tertinggi: Makassar · A: 85,00. Terendah: Jambi · A: 12,40.")


def test_a_trend_of_counts_writes_whole_numbers_and_a_trend_of_ratios_one_decimal() -> None:
    df = pd.DataFrame({"kota": ["Jambi", "Jambi"], "tahun": [2024, 2025], "peserta": [1234, 1500]})
    counts = charts.trend(df, "peserta", charts.city_styles(["Jambi"]), "id")
    text = charts.describe(counts, "id")
    assert "1.500" in text and "1.234" in text and ",0" not in text
    assert "%{y:,.0f}" in counts.data[0].hovertemplate
    ratios = charts.trend(df.assign(peserta=[12.25, 14.0]), "peserta", charts.city_styles(["Jambi"]), "id")
    assert "14,0" in charts.describe(ratios, "id") and "%{y:,.1f}" in ratios.data[0].hovertemplate


def test_a_line_chart_with_no_line_left_still_says_it_is_a_line_chart() -> None:
    df = pd.DataFrame({"kota": ["Jambi"], "tahun": [2024], "ikm": [None]})
    figure = charts.trend(df, "ikm", charts.city_styles(["Jambi"]), "id")
    assert charts.describe(figure, "id") == "Ringkasan grafik: Grafik garis. Tidak ada nilai yang digambar."


def test_describe_refuses_a_figure_that_does_not_say_what_it_is() -> None:
    with pytest.raises(ValueError, match="kind of chart"):
        charts.describe(go.Figure(go.Bar(x=["a"], y=[1])), "id")


# --- on the pages -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES_WITH_CHARTS)
def test_every_chart_on_a_page_has_its_text_alternative_under_it(name: str) -> None:
    at = open_page(start(**({"slide": "9"} if name == "presentasi" else {})), name)  # slide 9: a chart screen
    assert [e.value for e in at.exception] == []
    figures = at.get("plotly_chart")
    assert figures, name
    prefix = t("ch_summary", "id", text="")
    summaries = [c.value for c in at.main.caption if c.value.startswith(prefix)]
    assert len(summaries) == len(figures), name
    blocks = [e for e in at.main if e.type in ("plotly_chart", "caption")]
    for i, element in enumerate(blocks):
        if element.type == "plotly_chart":  # the very next block is its text alternative
            assert blocks[i + 1].value.startswith(prefix), (name, i)


def test_text_alternatives_are_in_english_with_the_app() -> None:
    at = open_page(start("en"), "kinerja")
    summaries = [c.value for c in at.main.caption if c.value.startswith("Chart summary: ")]
    assert len(summaries) == len(at.get("plotly_chart")) >= 2
    assert any("100% stacked bars with the parts Sangat Baik" in s for s in summaries)
