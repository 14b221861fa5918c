"""The analysis metrics of analytics.metrics on examples small enough to compute by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from by_definition import pairwise_gini

from analytics import metrics


def counts(jp: dict[float, int]) -> pd.DataFrame:
    return pd.DataFrame({"jp": list(jp), "jumlah_pns": list(jp.values())})


# --- Gini and Lorenz ----------------------------------------------------------------------------------


def test_gini_of_equal_values_is_zero() -> None:
    assert metrics.gini([20, 20, 20, 20]) == 0


def test_gini_when_one_has_everything_is_n_minus_one_over_n() -> None:
    assert metrics.gini([0, 0, 0, 0, 40]) == pytest.approx(4 / 5)


@pytest.mark.parametrize("values", [[0, 0, 0], []])
def test_gini_is_none_when_the_mean_is_zero_or_nobody_is_there(values: list[float]) -> None:
    assert metrics.gini(values) is None


def test_gini_by_sorted_ranks_equals_the_pairwise_definition() -> None:
    values = [10, 12, 24, 40, 0, 0, 0, 24, 319, 3]  # ties, zeros and one long course
    assert metrics.gini(values) == pytest.approx(pairwise_gini(values))
    # By hand for [10, 12, 24, 40]: pairs differ by 2, 14, 30, 12, 28, 16 = 102; 2 x 102 / (2 x 16 x 21.5).
    assert metrics.gini([10, 12, 24, 40]) == pytest.approx(204 / 688)


def test_lorenz_curve_runs_from_zero_to_all_poorest_first() -> None:
    points = metrics.lorenz(counts({30: 1, 0: 2, 10: 1}))
    assert points["persen_pns"].tolist() == [0, 50, 75, 100]
    assert points["persen_jp"].tolist() == [0, 0, 25, 100]
    assert metrics.lorenz(counts({0: 4})).empty


# --- what-if ------------------------------------------------------------------------------------------

# PNS: one at 0 JP, two at 15, one at 18, three at 25 -> 3 reach 20; missing 20 + 5 + 5 + 2 = 32 JP.
PNS = counts({0: 1, 15: 2, 18: 1, 25: 3})
# Klasikal Rp 50.000 per JP, e-learning Rp 5.000 per JP; today 40 JP for Rp 1.100.000 (Rp 27.500 per JP).
KINDS = pd.DataFrame({"kelompok": ["klasikal", "e-learning"], "biaya": [1_000_000, 100_000], "jp_lulus": [20, 20]})


def test_allocation_closest_to_twenty_first() -> None:
    # 12 extra JP: 2 to the one at 18, 5 + 5 to the two at 15 -> 3 more reach 20.
    assert metrics.allocate(PNS, 12, metrics.CLOSEST_FIRST) == (6, 20.0)


def test_allocation_largest_gap_first_helps_the_one_at_zero_first() -> None:
    # 12 JP go to the person at 0 JP, who stays below 20: nobody more reaches it.
    assert metrics.allocate(PNS, 12, metrics.LARGEST_GAP_FIRST) == (3, 20.0)
    assert metrics.allocate(PNS, 20, metrics.LARGEST_GAP_FIRST) == (4, 12.0)


def test_allocation_without_a_bound_brings_everyone_to_twenty() -> None:
    assert metrics.allocate(PNS, None) == (7, 0.0)


def test_no_change_reproduces_today() -> None:
    now = metrics.today(KINDS, PNS)
    assert (now.biaya, now.jp, now.biaya_per_jp) == (1_100_000, 40, 27_500)
    assert (now.pns_memenuhi_20jp, now.kekurangan_jp) == (3, 32)
    assert metrics.simulate(KINDS, PNS, 0) == now


def test_ten_percent_more_budget_buys_four_jp_for_the_closest() -> None:
    out = metrics.simulate(KINDS, PNS, 10)
    assert out.biaya == pytest.approx(1_210_000)
    assert out.jp == pytest.approx(44)  # 1.210.000 / 27.500
    assert out.pns_memenuhi_20jp == 4  # 2 JP to the one at 18; 2 left over for one at 15
    assert out.persen_20jp == pytest.approx(400 / 7)


def test_shifting_the_mix_to_e_learning_lowers_the_cost_per_jp() -> None:
    out = metrics.simulate(KINDS, PNS, 0, {"e-learning": 100, "klasikal": 0})
    assert out.biaya_per_jp == 5_000
    assert out.jp == pytest.approx(220)  # 180 extra JP close the whole gap of 32
    assert (out.pns_memenuhi_20jp, out.kekurangan_jp) == (7, 0)


def test_a_budget_cut_lowers_reach_in_proportion() -> None:
    out = metrics.simulate(KINDS, PNS, -50)
    assert out.jp == pytest.approx(20)
    assert out.pns_memenuhi_20jp == 1  # 3 x 20 / 40, rounded down
    assert out.kekurangan_jp == pytest.approx(52)  # 32 + the 20 JP lost


def test_free_kinds_only_leave_the_jp_unbounded() -> None:
    free = pd.DataFrame({"kelompok": ["e-learning"], "biaya": [0], "jp_lulus": [50]})
    out = metrics.simulate(free, PNS, 0)
    assert out.jp is None and out.pns_memenuhi_20jp == 7


def test_sliders_at_todays_rounded_shares_mean_todays_exact_mix() -> None:
    kinds = pd.DataFrame({"kelompok": ["klasikal", "e-learning"], "biaya": [1, 1], "jp_lulus": [2, 1]})
    assert metrics.chosen_mix(kinds, {"klasikal": 67, "e-learning": 33}) is None
    assert metrics.chosen_mix(kinds, {"klasikal": 50, "e-learning": 50}) == {"klasikal": 50, "e-learning": 50}


def test_budget_curve_passes_through_today() -> None:
    curve = metrics.budget_curve(KINDS, PNS, changes=[-50, 0, 10])
    assert curve["persen_20jp"].tolist() == pytest.approx([100 / 7, 300 / 7, 400 / 7])


# --- comparisons and intervals ------------------------------------------------------------------------


def test_compare_cells_reweights_the_comparison_to_the_treated_cells() -> None:
    cells = pd.DataFrame(
        {
            "kota": ["A", "A", "A"],
            "n_a": [10, 30, 5],
            "naik_a": [5, 6, 1],
            "n_b": [10, 10, 0],  # the third cell has no comparison and is left out
            "naik_b": [2, 1, 0],
        }
    )
    row = metrics.compare_cells(cells).iloc[0]
    # Weights 10/40 and 30/40; treated 0.25 x 50% + 0.75 x 20% = 27.5%; comparison 0.25 x 20% + 0.75 x 10%.
    assert (row.n_a, row.n_b, row.n_a_tanpa_pembanding) == (40, 20, 5)
    assert row.persen_a == pytest.approx(27.5)
    assert row.persen_b == pytest.approx(12.5)
    assert row.selisih == pytest.approx(15.0)
    var = 0.25**2 * (0.5 * 0.5 / 10 + 0.2 * 0.8 / 10) + 0.75**2 * (0.2 * 0.8 / 30 + 0.1 * 0.9 / 10)
    assert row.ci_tinggi - row.selisih == pytest.approx(100 * 1.959964 * math.sqrt(var), rel=1e-5)


def test_compare_cells_without_any_comparison_gives_no_difference() -> None:
    cells = pd.DataFrame({"kota": ["A"], "n_a": [3], "naik_a": [1], "n_b": [0], "naik_b": [0]})
    row = metrics.compare_cells(cells).iloc[0]
    assert row.n_a == 0 and row.n_a_tanpa_pembanding == 3 and pd.isna(row.selisih)


def test_mean_ci_combines_sums_exactly() -> None:
    sums = pd.DataFrame(
        {
            "kelompok": ["x", "x", "y"],
            "n": [1, 1, 1],
            "jumlah": [10.0, 20.0, 5.0],
            "jumlah_kuadrat": [100.0, 400.0, 25.0],
        }
    )
    out = metrics.mean_ci(sums, ["kelompok"]).set_index("kelompok")
    assert out.loc["x", "rata"] == 15
    assert out.loc["x", "sd"] == pytest.approx(math.sqrt(50))
    assert out.loc["x", "ci_rendah"] == pytest.approx(15 - 1.959964 * math.sqrt(50) / math.sqrt(2), rel=1e-6)
    assert pd.isna(out.loc["y", "ci_tinggi"])  # one observation: no interval


def test_correlation_needs_three_points_and_spread() -> None:
    df = pd.DataFrame({"x": [1, 2, 3], "y": [2, 4, 6]})
    assert metrics.correlation(df, "x", "y") == pytest.approx(1)
    assert metrics.correlation(df.head(2), "x", "y") is None


def test_follow_up_summary_shares() -> None:
    rows = pd.DataFrame(
        {
            "kota": ["A", "A", "A"],
            "tahun_dinilai": [2023, 2023, 2023],
            "tindak_lanjut": ["coaching", "pelatihan", "tidak_ada"],
            "jumlah": [6, 2, 2],
            "dinilai_sesudah": [6, 2, 1],
            "baik_sesudah": [5, 1, 0],
        }
    )
    row = metrics.follow_up_summary(rows).iloc[0]
    assert (row.jumlah, row.persen_coaching, row.persen_pelatihan) == (10, 60, 80)
    assert row.persen_baik_ditindak == 75 and row.persen_baik_tidak == 0


def test_the_scenario_shares_the_page_shows_are_the_ones_simulated() -> None:
    # Today 50/50. Weights 3 : 1 -> 75/25; all at 0 (or below) -> today's mix, as the simulation uses.
    assert metrics.mix_shares(KINDS, {"klasikal": 3, "e-learning": 1}).to_dict() == {
        "klasikal": 0.75,
        "e-learning": 0.25,
    }
    assert metrics.mix_shares(KINDS, {"klasikal": 0, "e-learning": -5}).to_dict() == {
        "klasikal": 0.5,
        "e-learning": 0.5,
    }
    assert metrics.mix_shares(KINDS, None).to_dict() == {"klasikal": 0.5, "e-learning": 0.5}


def test_the_kinds_table_shows_the_share_of_the_mix_simulated() -> None:
    table = metrics.kinds_with_scenario(KINDS, {"klasikal": 3, "e-learning": 1})
    assert dict(zip(table["kelompok"], table["persen_skenario"], strict=True)) == {"klasikal": 75, "e-learning": 25}
    assert list(table["kelompok"]) == list(metrics.observed_kinds(KINDS)["kelompok"])
    today = metrics.kinds_with_scenario(KINDS, None)
    assert list(today["persen_skenario"]) == list(today["persen_jp"])
