"""Chart builders of the analysis pages (analytics.present.charts): the APBD floor labels, the comparison
forest plot and the share bars' percent axis, on small frames written here or the session's demo
warehouse (`con` and `everything` of tests/conftest.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import metrics, privacy, queries
from analytics.present import charts
from analytics.queries.filters import Filters
from analytics.texts import t

# --- APBD floor labels ----------------------------------------------------------------------------------------


def test_floor_labels_write_the_signed_difference_and_the_share_of_apbd() -> None:
    floor = pd.DataFrame(
        {
            "kota": ["Jambi", "Makassar"],
            "jumlah_pns": [2, 900],  # a small city: money and APBD shares are not about people
            "selisih_target_016": [-781_100_000.0, 22_300_000.0],
            "persen_apbd": [0.1234, 0.1613],
        }
    )
    assert charts.floor_labels(floor, "id") == ["-Rp 781,1 jt (0,12% APBD)", "+Rp 22,3 jt (0,16% APBD)"]
    assert charts.floor_labels(floor, "en") == [
        "-IDR 781.1 m (0.12% of APBD)",
        "+IDR 22.3 m (0.16% of APBD)",
    ]


def test_floor_labels_of_the_demo_warehouse_follow_its_rows(con, everything: Filters) -> None:
    gap = queries.gap(con, everything)
    floor = gap.dropna(subset=["selisih_target_016"]).reset_index(drop=True)
    assert not floor.empty
    labels = charts.floor_labels(floor, "id")
    assert len(labels) == len(floor)
    for label, row in zip(labels, floor.itertuples(), strict=True):
        assert label[0] == ("-" if row.selisih_target_016 < 0 else "+")
        assert label.endswith(" APBD)")


# --- the comparison forest plot -------------------------------------------------------------------------------


@pytest.mark.parametrize("cells", [queries.training_cells, queries.mentoring_cells])
def test_comparison_draws_each_citys_difference_with_its_interval(con, everything: Filters, cells) -> None:
    compared = metrics.compare_cells(cells(con, everything)).dropna(subset=["selisih"])
    assert not compared.empty
    styles = {k: {"color": "#000000", "symbol": "circle"} for k in compared["kota"]}
    fig = charts.comparison(compared, styles, "en")
    trace = fig.data[0]
    shown, hidden = privacy.for_chart(compared.reset_index(drop=True))
    assert list(trace.y) == compared["kota"].tolist()
    assert list(trace.x) == pytest.approx(shown["selisih"].where(~hidden["selisih"], 0).tolist())
    texts = charts.comparison_texts(compared, "en")
    assert list(trace.text) == [privacy.marker() if h else x for x, h in zip(texts, hidden["selisih"], strict=True)]
    assert fig.layout.xaxis.title.text == t("an_diff_axis", "en")
    assert [s.x0 for s in fig.layout.shapes] == [0]  # the line of no difference


# --- share bars -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_share_bars_read_percent_ticks_and_leave_room_beyond_100(lang: str) -> None:
    df = pd.DataFrame({"opd": ["A", "B"], "jumlah_pns": [40, 50], "persen_20jp": [100.0, 50.0]})
    fig = charts.share_bars(df, "opd", "persen_20jp", ["100%", "50%"], "#332288", lang)
    axis = fig.layout.xaxis
    assert list(axis.tickvals) == [0, 20, 40, 60, 80, 100]
    assert list(axis.ticktext) == ["0%", "20%", "40%", "60%", "80%", "100%"]  # whole percents read alike
    assert axis.range[0] == 0 and axis.range[1] > 100  # a bar at 100% does not reach the edge
    assert max(fig.data[0].x) == 100
