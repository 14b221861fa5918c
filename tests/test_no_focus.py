"""Many cities compared and none of them the reader's (BKN, a province's BKD, a researcher): every topic and
analysis page opens on how the cities spread on its measures (each city a dot, the median and the middle half drawn
and written, the best and lagging cities named), with the provinces each as one value, their kota together
(weighted by their people), and the choice of one's own city as one line; the breakdowns that need one city stay
behind that choice. Run on the demo's 14 kota (more than fit side by side); every number is checked against the
mart or a plain computation, not the code under test."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pandas as pd
import pytest
from conftest import built_once
from in_process_app import assert_clean, open_link

from analytics import privacy, queries
from analytics.context import SIDE_BY_SIDE
from analytics.present import charts, measures, standing
from analytics.present import formatting as fmt
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.queries.scorecard import province_scorecard
from analytics.texts import t
from demo import write_sample
from etl import pipeline
from ui import state

NATIONAL = 14  # the storied four and the other kota of their provinces (as tests/test_many_cities.py)
pytestmark = pytest.mark.usefixtures("app_environment")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse the real pipeline builds from `python -m demo sample --kota 14` (small), built once a run."""

    def build(folder: Path) -> None:
        write_sample(folder / "sumber", seed=7, scale=0.03, kota=NATIONAL)
        report = pipeline.load(folder / "sumber", folder / "gudang" / "warehouse.duckdb")
        assert report.status == "ok" and report.errors == []

    return built_once(tmp_path_factory, "nasional_14", build) / "gudang" / "warehouse.duckdb"


@pytest.fixture(scope="module")
def year(everything: Filters) -> int:
    return everything.tahun_akhir


@pytest.fixture(scope="module")
def released(con, everything: Filters) -> pd.DataFrame:
    """The scorecard as every page reads it (through the guarded path: '<5' where the rule hides a value)."""
    return release.read(con, queries.scorecard, everything)


def by_hand(ringkasan: pd.DataFrame, released: pd.DataFrame, year: int, column: str) -> pd.Series:
    """The mart's values of `column` in `year` per kota, without those the release hides (they take no part)."""
    mart = ringkasan[ringkasan["tahun"] == year].set_index("kota")[column]
    shown = released[released["tahun"] == year].set_index("kota")[column]
    return mart[~shown.reindex(mart.index).map(privacy.is_hidden)].dropna()


# --- every page, both languages -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", measures.PAGES)
def test_without_a_focus_city_every_topic_and_analysis_page_shows_the_spread_and_names_the_median(
    page: str, lang: str, ringkasan: pd.DataFrame, released: pd.DataFrame, year: int, info
) -> None:
    assert len(info.kota) == NATIONAL > SIDE_BY_SIDE
    at = open_link(page, {"lang": lang})
    assert_clean(at)
    keys = [c.key for c in at.get("plotly_chart")]
    wanted = measures.on_page(page)
    assert [k for k in keys if k.startswith("chart_nasional_")] == [f"chart_nasional_{m.column}" for m in wanted]
    said = " ".join(m.value for m in at.markdown)
    for m in wanted:
        median = statistics.median(by_hand(ringkasan, released, year, m.column).tolist())
        assert f"{t('nat_median', lang, value='')}".strip().lower() in said.lower()
        assert f"**{m.write(median, lang)}**" in said  # the median, written in the reader's language
    summaries = [c.value for c in at.caption if c.value.startswith(t("ch_summary", lang, text=""))]
    assert any(t("nat_median", lang, value="").strip().lower() in s.lower() for s in summaries)


@pytest.mark.parametrize("page", [p for p in measures.PAGES if p != measures.SIMULASI])
def test_the_breakdowns_of_one_city_stay_behind_the_choice(page: str) -> None:
    at = open_link(page, {})
    assert_clean(at)
    assert all(c.key.startswith("chart_nasional_") for c in at.get("plotly_chart"))
    assert t("nat_breakdowns_wait", "id") in [c.value for c in at.caption]
    assert t("nat_pick", "id") in [m.value for m in at.markdown]  # one line, not a box replacing the page
    assert not [i for i in at.info if i.value == t("st_pick_focus", "id", n=NATIONAL)]


def test_simulasi_shows_the_spread_and_then_simulates_one_city() -> None:
    at = open_link("simulasi", {})
    assert_clean(at)
    keys = [c.key for c in at.get("plotly_chart")]
    assert keys[:2] == ["chart_nasional_persen_20jp", "chart_nasional_biaya_per_jp"] and "chart_simulasi_kurva" in keys


def test_choosing_ones_city_in_the_line_opens_the_breakdowns(info) -> None:
    at = open_link("partisipasi", {})
    (picker,) = [s for s in at.selectbox if s.key == state.PAGE_FOCUS]
    picker.set_value("Pontianak").run()
    assert_clean(at)
    keys = [c.key for c in at.get("plotly_chart")]
    assert "chart_kepatuhan_opd" in keys and not [k for k in keys if k.startswith("chart_nasional_")]


def test_the_best_and_lagging_cities_are_named_with_their_values(
    ringkasan: pd.DataFrame, released: pd.DataFrame, year: int
) -> None:
    at = open_link("kinerja", {})
    values = by_hand(ringkasan, released, year, "persen_sangat_baik").sort_values(ascending=False)
    said = " ".join(m.value for m in at.markdown)
    m = measures.BY_COLUMN["persen_sangat_baik"]
    best, worst = values.index[0], values.index[-1]
    assert f"{best} ({m.write(values[best], 'id')})" in said
    assert f"{worst} ({m.write(values[worst], 'id')})" in said
    assert said.index(f"{t('st_lagging', 'id')}:") < said.index(f"{worst} (")


# --- provinces, their kota together -------------------------------------------------------------------------


def test_a_province_is_its_kota_added_up_weighted_by_their_people(con, everything: Filters, ringkasan, info) -> None:
    provinces = release.read(con, province_scorecard, everything)
    year = everything.tahun_akhir
    mart = ringkasan[ringkasan["tahun"] == year].assign(provinsi=lambda d: d["kota"].map(info.provinsi))
    sums = mart.groupby("provinsi")[["pns_memenuhi_20jp", "jumlah_pns", "realisasi", "pagu"]].sum()
    mine = provinces[provinces["tahun"] == year].set_index("provinsi")
    assert set(mine.index) == set(sums.index)
    shown = privacy.numbers(mine.reset_index()).set_index("provinsi")
    for provinsi, row in sums.iterrows():
        if not pd.isna(shown.loc[provinsi, "persen_20jp"]):
            assert shown.loc[provinsi, "persen_20jp"] == pytest.approx(100 * row.pns_memenuhi_20jp / row.jumlah_pns)
        assert shown.loc[provinsi, "persen_serapan"] == pytest.approx(100 * row.realisasi / row.pagu)
    # weighted, not a mean of the kota's shares: somewhere the two differ
    means = mart.groupby("provinsi")["persen_20jp"].mean()
    several = mart.groupby("provinsi").size() > 1
    assert (abs(shown["persen_20jp"] - means)[several[several].index] > 0.01).any()


def test_a_province_of_one_chosen_kota_is_that_kota(con, everything: Filters, released: pd.DataFrame) -> None:
    year = everything.tahun_akhir
    cities = privacy.numbers(released[released["tahun"] == year]).set_index("kota")
    for kota in ("Pontianak", "Makassar"):  # only the chosen kota of a province count
        one = Filters((kota,), everything.tahun_awal, year)
        provinces = privacy.numbers(release.read(con, province_scorecard, one))
        row = provinces[provinces["tahun"] == year].iloc[0]
        for column in ("persen_20jp", "jp_per_asn", "persen_serapan", "biaya_per_jp", "ikm", "persen_sangat_baik"):
            assert row[column] == pytest.approx(cities.loc[kota, column], nan_ok=True), column


def test_a_highlighted_province_marks_its_cities_and_says_its_value(con, everything: Filters, info) -> None:
    at = open_link("partisipasi", {"provinsi": "Kalimantan Barat"})
    assert_clean(at)
    provinces = privacy.numbers(release.read(con, province_scorecard, everything))
    value = provinces.set_index(["provinsi", "tahun"]).loc[("Kalimantan Barat", everything.tahun_akhir), "persen_20jp"]
    written = measures.BY_COLUMN["persen_20jp"].write(value, "id")
    last = provinces[provinces["tahun"] == everything.tahun_akhir].dropna(subset=["persen_20jp"])
    rank = t("st_rank", "id", rank=int((last["persen_20jp"] > value).sum()) + 1, n=len(last))
    said = " ".join(m.value for m in at.markdown)
    assert t("nat_rollup_sentence", "id", provinsi="Kalimantan Barat", k=2, value=written, rank=rank) in said
    (chart,) = [c for c in at.get("plotly_chart") if c.key == "chart_nasional_persen_20jp"]
    traces = json.loads(chart.proto.spec)["data"]
    (ours,) = [tr for tr in traces if tr["name"] == t("nat_cities_of", "id", provinsi="Kalimantan Barat")]
    assert sorted(ours["text"]) == sorted(k for k, p in info.provinsi.items() if p == "Kalimantan Barat")
    assert ours["marker"]["symbol"] == "diamond"  # not by colour alone
    (line,) = [tr for tr in traces if tr.get("line", {}).get("dash") == "dash"]
    assert line["x"][0] == pytest.approx(value) and written in line["name"]


def test_the_provinces_are_ranked_with_their_kota_counted(con, everything: Filters, info) -> None:
    at = open_link("umpan_balik", {"lang": "en"})
    assert_clean(at)
    (table,) = [d.value for d in at.dataframe if t("nat_col_kota", "en") in d.value.columns]
    assert set(table[t("col_provinsi", "en")]) == set(info.provinsi.values())
    counts = dict(zip(table[t("col_provinsi", "en")], table[t("nat_col_kota", "en")], strict=True))
    assert sum(int(n) for n in counts.values()) == NATIONAL
    provinces = privacy.numbers(release.read(con, province_scorecard, everything))
    last = provinces[provinces["tahun"] == everything.tahun_akhir].dropna(subset=["ikm"])
    assert table[t("col_provinsi", "en")].iloc[0] == last.sort_values("ikm", ascending=False)["provinsi"].iloc[0]


def test_the_province_table_ranks_the_cheapest_jp_first_and_keeps_what_the_release_hid() -> None:
    provinces = pd.DataFrame(
        {
            "provinsi": ["P", "Q", "R"],
            "tahun": 2024,
            "biaya_per_jp": [30_000.0, 10_000.0, "<5"],
            "ikm": [80.5, 90.0, 70.0],
            "mutu_ikm": ["B", "A", "C"],
        }
    )
    table = standing.provinces_ranked(provinces, 2024, ["biaya_per_jp", "ikm"], {"P": 2, "Q": 1, "R": 3}, "id")
    assert table[t("col_provinsi", "id")].tolist() == ["Q", "P", "R"]
    assert table[t("st_rank_head", "id")].tolist() == ["1", "2", fmt.MISSING]
    assert table[t("m_biaya_per_jp", "id")].tolist()[2] == "<5"
    assert table[t("m_ikm", "id")].tolist() == ["90,00 (A)", "80,50 (B)", "70,00 (C)"]
    assert table[t("nat_col_kota", "id")].tolist() == ["1", "2", "3"]


# --- the strip chart ----------------------------------------------------------------------------------------

CITIES = pd.DataFrame(
    {
        "kota": ["A", "B", "C", "D", "E", "F", "G"],
        "provinsi": ["P", "P", "Q", "Q", "Q", "R", "R"],
        "persen_20jp": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, "<5"],
    }
)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_strip_says_median_quartiles_best_and_lagging(lang: str) -> None:
    m = measures.BY_COLUMN["persen_20jp"]
    fig = charts.strip(CITIES, m, lang, "Q", 41.5)
    text = charts.describe(fig, lang)
    values = pd.Series([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    for v in (values.median(), values.quantile(0.25), values.quantile(0.75), 41.5):
        assert m.write(v, lang) in text
    assert text.index("F (") < text.index("E (") < text.index("D (")  # the best, best first
    assert "C (" in text and "A (" in text and "G" not in text  # the lagging; a hidden city is not told
    assert t("ch_hidden", lang, n=1, k=privacy.min_group()) in text
    drawn = [x for tr in fig.data if tr.mode != "lines" for x in tr.x]
    assert sorted(drawn) == values.tolist()  # every city a dot, the hidden one left out


def test_the_strip_writes_median_and_quartiles_on_the_chart() -> None:
    m = measures.BY_COLUMN["biaya_per_jp"]
    df = pd.DataFrame({"kota": list("ABCDE"), "provinsi": "P", "biaya_per_jp": [1000.0, 2000.0, 3000.0, 4000, 5000]})
    fig = charts.strip(df, m, "id")
    written = [a.text for a in fig.layout.annotations]
    assert any(m.write(3000, "id") in w and "Median" in w for w in written)
    assert t("nat_q1", "id", value=m.write(2000, "id")) in written
    assert t("nat_q3", "id", value=m.write(4000, "id")) in written
    assert fig.layout.xaxis.tickprefix == "Rp "
    text = charts.describe(fig, "id")
    assert text.index("A (") < text.index("B (")  # cost: the cheapest is the best


def test_the_spread_sentence_is_none_without_values() -> None:
    empty = CITIES.assign(tahun=2024, persen_20jp=float("nan"))
    assert standing.spread_sentence(empty, 2024, "persen_20jp", "id") is None
    assert fmt.MISSING not in charts.describe(charts.strip(empty, measures.BY_COLUMN["persen_20jp"], "id"), "id")


def test_people_filters_that_match_nobody_say_why_instead_of_an_empty_strip() -> None:
    at = open_link("partisipasi", {"jabatan": "JPT", "jenis_asn": "PPPK"})  # no PPPK holds a JPT post
    assert_clean(at)
    assert not at.get("plotly_chart")
    nothing = t("nothing_to_show", "id", why=t("why_filters", "id"))
    assert [i.value for i in at.info] == [nothing, nothing]  # one per measure of the page
    assert t("people_filter_note", "id") in [c.value for c in at.caption]


# --- a phone, in Chromium -----------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["id", "en"])
def test_on_a_phone_the_choice_is_on_the_first_screen_and_the_strip_writes_the_median(
    server: str, lang: str, ringkasan: pd.DataFrame, released: pd.DataFrame, year: int
) -> None:
    from playwright.sync_api import sync_playwright
    from real_browser import CHROMIUM, CHROMIUM_ARGS, open_and_wait

    m = measures.BY_COLUMN["persen_20jp"]
    median = m.write(statistics.median(by_hand(ringkasan, released, year, m.column).tolist()), lang)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            open_and_wait(phone, f"{server}/partisipasi?lang={lang}")
            choice = phone.locator("[data-testid=stMain] [data-testid=stSelectbox]", has_text=t("f_fokus", lang))
            choice.wait_for(timeout=30_000)
            box = choice.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844  # reached without scrolling
            drawn = phone.locator(".js-plotly-plot text", has_text=t("nat_median", lang, value=median)).first
            drawn.wait_for(timeout=30_000)  # the median written on the chart itself
        finally:
            browser.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_ip_asn_page_without_a_focus_city_shows_the_spread_of_the_pns_index(lang: str, con, year: int) -> None:
    at = open_link("ip_asn", {"lang": lang})
    assert_clean(at)
    assert [c.key for c in at.get("plotly_chart")] == ["chart_nasional_ip_asn_pns"]
    index = con.execute("SELECT kota, jumlah_pns, ip_asn_pns FROM ip_asn_kota_tahun WHERE tahun = $y", {"y": year}).df()
    shown = index[index["jumlah_pns"] >= 5]["ip_asn_pns"]  # what the small-group rule lets through
    said = " ".join(m.value for m in at.markdown)
    assert f"**{measures.IP_ASN_PNS.write(statistics.median(shown.tolist()), lang)}**" in said
    assert t("nat_pick", lang) in [m.value for m in at.markdown]  # the choice of one's city, for its own figures
