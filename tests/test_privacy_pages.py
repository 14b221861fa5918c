"""Small groups on the pages: with a people filter that leaves groups of 1-4 people, no chart trace, tile,
finding or comparison carries their numbers (analytics.privacy, rules 1-7), and the meeting file's predikat
chart keeps its total with the hidden parts drawn as one "<5" segment.

Pages run through AppTest on the session's demo warehouse (built by the real pipeline); expected numbers
come straight from the warehouse's queries. In that warehouse the filter kategori jabatan = Administrator
leaves Bukittinggi 2 PNS, Jambi 1, Pontianak 4-5 and Makassar 13-14 a year, and Pengawas leaves Jambi 8
in 2022 (3 of them reached 20 JP) and Makassar 23 (18).
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from in_process_app import open_data, open_page, start, tiles

from analytics import queries
from analytics.context import PageContext, WarehouseInfo
from analytics.meeting_files import content
from analytics.present import charts
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.texts import t

S = "<5"
K = 5
# The app, `con` and `info` read the session's demo warehouse (tests/conftest.py). This module's `ringkasan` is the
# Ringkasan page, not the scorecard of tests/conftest.py.
pytestmark = pytest.mark.usefixtures("app_environment")


def people(info: WarehouseInfo, jabatan: str, **more) -> Filters:
    return Filters(tuple(info.kota), info.tahun[0], info.tahun[-1], kategori_jabatan=(jabatan,), **more)


def small(n: object) -> bool:
    """A count of 1..4 people, written out here independently of analytics.privacy."""
    return not pd.isna(n) and 0 < n < K


def figures(at) -> list[dict]:
    """The plotly figures the page sent to the browser, as JSON."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# --- Ringkasan ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ringkasan(info: WarehouseInfo):
    at = start(jabatan=["Administrator"])
    assert [e.value for e in at.exception] == []
    return at


@pytest.fixture(scope="module")
def administrators(con, info: WarehouseInfo) -> pd.DataFrame:
    return queries.scorecard(con, people(info, "Administrator"))


def test_tiles_of_a_small_group_read_less_than_five(
    ringkasan, administrators: pd.DataFrame, info: WarehouseInfo
) -> None:
    year = info.tahun[-1]
    latest = administrators[administrators["tahun"] == year].set_index("kota")
    small_cities = [k for k in latest.index if small(latest.loc[k, "jumlah_pns"])]
    assert small_cities == ["Bukittinggi", "Jambi", "Pontianak"]  # the warehouse this module relies on
    shown = tiles(ringkasan)
    for kota in small_cities:
        row = latest.loc[kota]
        by_label = {label: (value, delta) for label, value, delta in shown[kota]}
        assert by_label[t("m_persen_20jp", "id")] == (S, "")  # no value, no change
        assert by_label[t("m_jp_per_asn", "id")] == (S, "")
        assert f"{row.persen_20jp:.1f}".replace(".", ",") + "%" not in [value for _, value, _ in shown[kota]]
    # The help of a hidden tile explains '<5' instead of giving "2 / 2 PNS".
    helps = [m.proto.help for m in ringkasan.metric if m.label == t("m_persen_20jp", "id")]
    assert helps.count(t("pv_small_groups", "id", k=K)) == 4  # the three, and Makassar (12 of 13: 1 did not)
    assert not any(h.endswith(" PNS") and not h.startswith("0 /") for h in helps)


def test_findings_leave_small_groups_out_and_say_so(ringkasan) -> None:
    lines = next(m.value for m in ringkasan.markdown if m.value.startswith("- ")).splitlines()
    note = f"- {t('fd_small', 'id', kota='Bukittinggi, Jambi, Makassar, Pontianak', k=K)}"
    assert note in lines  # Makassar: 12 of 13 reached 20 JP, the 1 other would be 13 - 12
    others = [line for line in lines if line != note]
    assert others  # budget, cost and IKM are city-wide and still compared
    assert not any("20 JP" in line or "PNS" in line for line in others)


def test_the_20_jp_trend_draws_no_point_for_a_small_group(ringkasan, administrators: pd.DataFrame) -> None:
    trend = figures(ringkasan)[0]
    lines = {
        tr["name"]: dict(zip(charts.as_list(tr["x"]), charts.as_list(tr["y"]), strict=True)) for tr in trend["data"]
    }
    for row in administrators.itertuples():
        drawn = lines.get(row.kota, {}).get(row.tahun)
        hidden = small(row.jumlah_pns) or small(row.pns_memenuhi_20jp) or small(row.jumlah_pns - row.pns_memenuhi_20jp)
        if hidden:
            assert missing(drawn), (row.kota, row.tahun, drawn)
        elif row.jumlah_pns:
            assert drawn == pytest.approx(row.persen_20jp), (row.kota, row.tahun)
    assert trend["layout"]["meta"]["hidden"] > 0
    hidden = t("ch_hidden", "id", n=trend["layout"]["meta"]["hidden"], k=K)
    assert any(c.value.startswith(t("ch_summary", "id", text="")) and hidden in c.value for c in ringkasan.caption)


# --- Partisipasi -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def partisipasi(info: WarehouseInfo):
    at = open_data(open_page(start(jabatan=["Administrator"]), "partisipasi"))
    assert [e.value for e in at.exception] == []
    return at


def test_the_compliance_heatmap_writes_less_than_five_and_colours_nothing(
    partisipasi, con, info: WarehouseInfo
) -> None:
    raw = queries.compliance_by(con, people(info, "Administrator"), "opd")
    heat = next(f for f in figures(partisipasi) if f["data"][0]["type"] == "heatmap")
    values, hidden_layer = heat["data"][0], heat["data"][1]
    rows, columns = charts.as_list(values["y"]), charts.as_list(values["x"])
    z, text = charts.as_list(values["z"]), values["text"]
    grey = hidden_layer["text"]
    checked = 0
    for r in raw.itertuples():
        if small(r.jumlah_pns):
            i, j = rows.index(r.nilai), columns.index(r.kota)
            assert missing(z[i][j]) and text[i][j] == "" and grey[i][j] == S, (r.nilai, r.kota)
            checked += 1
    assert checked >= 3


def test_jp_bands_of_a_small_group_have_no_bar(partisipasi, con, info: WarehouseInfo) -> None:
    raw = queries.jp_distribution(con, people(info, "Administrator"))
    bands = next(f for f in figures(partisipasi) if "20 JP" in str(f["layout"].get("annotations")))
    bars = {tr["name"]: tr for tr in bands["data"]}
    checked = 0
    for r in raw.itertuples():
        trace = bars[r.kota]
        i = charts.as_list(trace["x"]).index(r.rentang_jp)
        if small(r.jumlah_pns):
            assert charts.as_list(trace["y"])[i] == 0 and charts.as_list(trace["customdata"])[i] == 1
            assert trace["texttemplate"][i] == S and S in trace["hovertemplate"][i]
            checked += 1
    assert checked >= 1  # the Administrator filter leaves small bands: the rule was exercised


# --- Kinerja: 100% stacked bars keep their total -----------------------------------------------------------


def assert_stacked_keeps_the_total(figure: dict, ratings: pd.DataFrame) -> int:
    """Every bar of the predikat chart: shown parts at their true share of jumlah_dinilai, hidden parts
    drawn together as one "<5" segment, 100% in all, and no segment equal to a hidden part's own share."""
    parts = list(queries.PREDIKAT_COLUMNS)
    panels = [a["text"] for a in figure["layout"]["annotations"]]
    checked = 0
    for r in ratings.itertuples(index=False):
        row = dict(zip(ratings.columns, r, strict=True))
        axis = "x" if panels.index(row["kota"]) == 0 else f"x{panels.index(row['kota']) + 1}"
        drawn = {}
        for tr in figure["data"]:
            if tr.get("xaxis", "x") == axis:
                xs = charts.as_list(tr["x"])
                drawn[tr["name"]] = (
                    charts.as_list(tr["y"])[xs.index(str(row["tahun"]))] if str(row["tahun"]) in xs else 0
                )
        assert sum(drawn.values()) == pytest.approx(100), row
        hidden = [p for p in parts if small(row[p])]
        if hidden and not small(row["jumlah_dinilai"]):
            checked += 1
            for p in parts:
                if p not in hidden and drawn[p]:
                    assert drawn[p] == pytest.approx(100 * row[p] / row["jumlah_dinilai"]), (row, p)
            for p in hidden:
                assert drawn[p] == 0
                share = 100 * row[p] / row["jumlah_dinilai"]
                assert all(v != pytest.approx(share) for v in drawn.values()), (row, p)  # >= 2 parts behind "<5"
            assert drawn[S] > 0
    return checked


def test_predikat_bars_keep_their_total_and_hatch_the_hidden_parts(con, info: WarehouseInfo) -> None:
    at = open_page(start(jabatan=["Pengawas"]), "kinerja")
    assert [e.value for e in at.exception] == []
    ratings = queries.predikat(con, people(info, "Pengawas"))
    figure = figures(at)[0]
    assert any(tr["name"] == S and tr["marker"]["pattern"]["shape"] == "/" for tr in figure["data"])
    assert assert_stacked_keeps_the_total(figure, ratings) >= 3


def test_the_meeting_files_predikat_chart_keeps_its_total(con, info: WarehouseInfo) -> None:
    f = people(info, "Pengawas")
    report = content.overview(release.Reader(con), PageContext("id", f, info))
    section = next(s for s in report.charts() if s.key == "predikat")
    figure = json.loads(section.figure.to_json())
    ratings = queries.predikat(con, f)
    assert assert_stacked_keeps_the_total(figure, ratings) >= 3
    assert section.takeaway  # the takeaway leaves hidden cities out but still says something


# --- Profil kota ---------------------------------------------------------------------------------------------


def test_profile_comparison_hides_a_small_city_and_leaves_it_out_of_the_average(con, info: WarehouseInfo) -> None:
    year = 2022  # the last year of the range: Jambi's count is small, Makassar's is shown
    at = open_page(start(jabatan=["Pengawas"], tahun=[str(info.tahun[0]), str(year)]), "profil_kota")
    at.selectbox(key="profil").set_value("Jambi").run()
    assert [e.value for e in at.exception] == []
    compared = at.dataframe[0].value.set_index(t("metric", "id"))
    raw = queries.scorecard(con, people(info, "Pengawas"))
    latest = raw[raw["tahun"] == year].set_index("kota")
    assert small(latest.loc["Jambi", "pns_memenuhi_20jp"])  # 3 of 8
    assert tuple(compared.loc[t("m_persen_20jp", "id"), ["Jambi", t("difference", "id")]]) == (S, S)

    def shown(r: pd.Series) -> bool:
        n, m = r.jumlah_pns, r.pns_memenuhi_20jp
        return n >= K and not small(m) and not small(n - m)

    others = [r.persen_20jp for k, r in latest.iterrows() if k != "Jambi" and shown(r)]
    expected = f"{sum(others) / len(others):.1f}".replace(".", ",") + "%"
    assert compared.loc[t("m_persen_20jp", "id"), t("others_avg", "id")] == expected


# --- Across the tables of one page (privacy rules 5 and 6) ----------------------------------------------


def test_a_breakdown_never_hides_a_single_cell_of_a_city(partisipasi) -> None:
    # City totals stand in the trend tables of the same page: one '<5' alone among shown non-zero cells would
    # be the city total minus the rest. Alone is allowed only as the city's one non-zero cell: then the city
    # total is that same small number, hidden wherever it stands.
    breakdown = next(d.value for d in partisipasi.dataframe if "Nilai" in d.value.columns)
    assert (breakdown == S).to_numpy().sum() >= 2  # the filter makes small groups: the rule has work to do
    for column in ("Jumlah PNS", "PNS ≥ 20 JP", "Jumlah ASN"):
        for kota, cells in breakdown.groupby("Kota")[column]:
            hidden = int((cells == S).sum())
            others = [c for c in cells if c not in (S, "0")]
            assert hidden != 1 or not others, (column, kota, list(cells))


def test_the_same_agency_has_the_same_fate_in_both_agency_charts(info: WarehouseInfo) -> None:
    at = open_data(open_page(start(jabatan=["Pelaksana"], kesenjangan_kota="Makassar"), "kesenjangan"))
    assert [e.value for e in at.exception] == []
    tables = {tuple(d.value.columns): d.value for d in at.dataframe}
    lowest = next(v for k, v in tables.items() if "OPD" in k and "Kekurangan JP" in k)
    trend = next(v for k, v in tables.items() if "Nilai" in k and "Tahun" in k)
    last = trend[trend["Tahun"] == info.tahun[-1]].set_index("Nilai")
    both = [opd for opd in lowest["OPD"] if opd in last.index]
    assert both
    mine = lowest.set_index("OPD")
    for opd in both:
        assert (mine.loc[opd, "Jumlah PNS"] == S) == (last.loc[opd, "Jumlah PNS"] == S), opd
        assert (mine.loc[opd, "% PNS ≥ 20 JP"] == S) == (last.loc[opd, "% PNS ≥ 20 JP"] == S), opd
