"""What the pages used to work out themselves, now in analytics/: the APBD floor labels, the learning-gains
tables, the comparison forest plot, the share bars' percent axis, the shares of analytics.privacy derived
from IMPLIED; and the pages that read the suppressed scorecard or lay the cost table out at full width.

Numbers come from the session's demo warehouse (built by the real pipeline) or small frames written here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_pages import assert_clean, open_page, start

from analytics import metrics, privacy, queries
from analytics.present import charts_analysis, overview, reshape
from analytics.present.tables import display_table
from analytics.privacy import release
from analytics.queries.declare import declaration_of
from analytics.queries.filters import Filters
from analytics.texts import t

# The app, `con`, `info` and `everything` read the session's demo warehouse (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("app_environment")


# --- 1. APBD floor labels -----------------------------------------------------------------------------------


def test_floor_labels_write_the_signed_difference_and_the_share_of_apbd() -> None:
    floor = pd.DataFrame(
        {
            "kota": ["Jambi", "Makassar"],
            "jumlah_pns": [2, 900],  # a small city: money and APBD shares are not about people
            "selisih_target_016": [-781_100_000.0, 22_300_000.0],
            "persen_apbd": [0.1234, 0.1613],
        }
    )
    assert charts_analysis.floor_labels(floor, "id") == ["-Rp 781,1 jt (0,12% APBD)", "+Rp 22,3 jt (0,16% APBD)"]
    assert charts_analysis.floor_labels(floor, "en") == [
        "-IDR 781.1 m (0.12% of APBD)",
        "+IDR 22.3 m (0.16% of APBD)",
    ]


def test_floor_labels_of_the_demo_warehouse_follow_its_rows(con, everything: Filters) -> None:
    gap = queries.gap(con, everything)
    floor = gap.dropna(subset=["selisih_target_016"]).reset_index(drop=True)
    assert not floor.empty
    labels = charts_analysis.floor_labels(floor, "id")
    assert len(labels) == len(floor)
    for label, row in zip(labels, floor.itertuples(), strict=True):
        assert label[0] == ("-" if row.selisih_target_016 < 0 else "+")
        assert label.endswith(" APBD)")


# --- 2. learning gains ----------------------------------------------------------------------------------------


def test_learning_by_kind_is_the_mean_gain_per_city_and_kind(con, everything: Filters) -> None:
    gains = queries.learning_gains(con, everything)
    got = metrics.learning_by_kind(gains)
    sums = gains.groupby(["kota", "kelompok"], as_index=False)[["n", "jumlah"]].sum()
    groups = list(zip(sums["kota"], sums["kelompok"], strict=True))  # groupby sorts by kota, then kelompok
    assert list(zip(got["kota"], got["kelompok"], strict=True)) == groups
    assert got["label"].tolist() == [f"{k} · {g}" for k, g in groups]
    assert got["n"].tolist() == sums["n"].tolist()
    assert got["rata"].tolist() == pytest.approx((sums["jumlah"] / sums["n"]).tolist())
    assert (got["ci_rendah"] <= got["rata"]).all() and (got["rata"] <= got["ci_tinggi"]).all()
    assert list(got.index) == list(range(len(got)))


def test_learning_by_provider_keeps_the_providers_with_the_most_participants(con, everything: Filters) -> None:
    gains = queries.learning_gains(con, everything)
    participants = gains.groupby("penyelenggara")["n"].sum().sort_values(ascending=False)
    assert len(participants) > 3
    got = release.read(con, queries.learning_by_provider, everything)
    assert got["penyelenggara"].head(3).tolist() == participants.index[:3].tolist()
    assert privacy.numbers(got)["n"].head(3).tolist() == participants.iloc[:3].tolist()
    assert len(got) == len(participants)  # the page cuts the list after the rule has seen all of it


def test_learning_by_provider_reads_less_than_five_for_a_small_provider() -> None:
    gains = pd.DataFrame(
        {
            "penyelenggara": ["BKPSDM", "LAN", "Kecil"],
            "n": [40, 12, 3],
            "jumlah": [400.0, 60.0, 30.0],
            "jumlah_kuadrat": [4400.0, 400.0, 320.0],
        }
    )
    rules = declaration_of(queries.learning_by_provider).rules()
    got = privacy.suppress(metrics.mean_ci(gains, ["penyelenggara"]), rules=rules)
    assert got["penyelenggara"].tolist() == ["BKPSDM", "LAN", "Kecil"]
    assert got.loc[2, "rata"] == privacy.marker() and got.loc[0, "rata"] == 10


# --- 3. the comparison forest plot ----------------------------------------------------------------------------


@pytest.mark.parametrize("cells", [queries.training_cells, queries.mentoring_cells])
def test_comparison_draws_each_citys_difference_with_its_interval(con, everything: Filters, cells) -> None:
    compared = metrics.compare_cells(cells(con, everything)).dropna(subset=["selisih"])
    assert not compared.empty
    styles = {k: {"color": "#000000", "symbol": "circle"} for k in compared["kota"]}
    fig = charts_analysis.comparison(compared, styles, "en")
    trace = fig.data[0]
    shown, hidden = privacy.for_chart(compared.reset_index(drop=True))
    assert list(trace.y) == compared["kota"].tolist()
    assert list(trace.x) == pytest.approx(shown["selisih"].where(~hidden["selisih"], 0).tolist())
    texts = charts_analysis.comparison_texts(compared, "en")
    assert list(trace.text) == [privacy.marker() if h else x for x, h in zip(texts, hidden["selisih"], strict=True)]
    assert fig.layout.xaxis.title.text == t("an_diff_axis", "en")
    assert [s.x0 for s in fig.layout.shapes] == [0]  # the line of no difference


# --- 8. share bars ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_share_bars_read_percent_ticks_and_leave_room_beyond_100(lang: str) -> None:
    df = pd.DataFrame({"opd": ["A", "B"], "jumlah_pns": [40, 50], "persen_20jp": [100.0, 50.0]})
    fig = charts_analysis.share_bars(df, "opd", "persen_20jp", ["100%", "50%"], "#332288", lang)
    axis = fig.layout.xaxis
    assert list(axis.tickvals) == [0, 20, 40, 60, 80, 100]
    assert list(axis.ticktext) == ["0%", "20%", "40%", "60%", "80%", "100%"]  # whole percents read alike
    assert axis.range[0] == 0 and axis.range[1] > 100  # a bar at 100% does not reach the edge
    assert max(fig.data[0].x) == 100


# --- 7. privacy: shares derived from IMPLIED ---------------------------------------------------------------


def test_a_share_beside_its_small_numerator_is_hidden() -> None:
    # Beside its total, a share of 30% on 10 people gives away the 3 coached.
    df = pd.DataFrame({"kota": ["A"], "jumlah": [10], "coaching": [3], "persen_coaching": [30.0]})
    shown = privacy.suppress(df, rules=declaration_of(queries.follow_up_summary).rules())
    assert shown.loc[0, "coaching"] == privacy.marker()
    assert shown.loc[0, "persen_coaching"] == privacy.marker()


# --- 4, 5. pages read the suppressed scorecard and pick rows after suppressing ----------------------------


def _page_table(at, columns: list[str]) -> pd.DataFrame:
    """Return the one table of the page with exactly these headings."""
    found = [d.value for d in at.dataframe if list(d.value.columns) == columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0].reset_index(drop=True)


def test_umpan_balik_draws_the_ikm_trend_from_the_page_scorecard(con, everything: Filters) -> None:
    at = open_page(start(), "umpan_balik")
    assert_clean(at)
    scorecard = release.read(con, queries.scorecard, everything)
    spec = overview.TRENDS["tren_ikm"]
    in_range = overview.in_range(scorecard, everything)
    expected = display_table(in_range[["kota", "tahun", *spec.columns]], "id").reset_index(drop=True)
    pd.testing.assert_frame_equal(_page_table(at, list(expected.columns)), expected)


def test_anggaran_shows_the_budget_rows_of_the_page_scorecard(con, everything: Filters) -> None:
    at = open_page(start(), "anggaran")
    assert_clean(at)
    scorecard = release.read(con, queries.scorecard, everything)
    budget = overview.in_range(scorecard, everything, filled="pagu")
    expected = display_table(budget[["kota", "tahun", "pagu", "realisasi", "persen_serapan"]], "id")
    pd.testing.assert_frame_equal(_page_table(at, list(expected.columns)), expected.reset_index(drop=True))
    detail = queries.budget_detail(con, everything)
    latest = display_table(reshape.pick(detail, tahun=everything.tahun_akhir), "id")
    pd.testing.assert_frame_equal(_page_table(at, list(latest.columns)), latest)


# --- 9. the simulation's cost table ----------------------------------------------------------------------


def test_the_simulations_cost_table_takes_the_whole_width(info: dict) -> None:
    at = open_page(start(), "simulasi")
    assert_clean(at)
    headings = [t("an_share_today", "id"), t("an_share_scenario", "id")]
    tables = [d for d in at.main.dataframe if set(headings) <= set(d.value.columns)]
    assert len(tables) == 1 and len(tables[0].value.columns) == 5
    in_columns = [d for c in at.main.columns for d in c.dataframe if set(headings) <= set(d.value.columns)]
    assert in_columns == []  # not squeezed beside the curve


def test_in_range_keeps_the_chosen_years_and_drops_the_year_before() -> None:
    scorecard = pd.DataFrame({"kota": ["A"] * 3, "tahun": [2020, 2021, 2022], "pagu": [1.0, None, 3.0]})
    chosen = Filters(kota=("A",), tahun_awal=2021, tahun_akhir=2022)
    assert overview.in_range(scorecard, chosen)["tahun"].tolist() == [2021, 2022]
    budget = overview.in_range(scorecard, chosen, filled="pagu")
    assert budget["tahun"].tolist() == [2022] and budget.index.tolist() == [0]
