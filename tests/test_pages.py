"""Every page of the dashboard through Streamlit's AppTest, on a small synthetic demo warehouse built once.

AppTest runs dashboard.py in-process, so the pages read the warehouse named by $ASN_WAREHOUSE exactly as
`streamlit run` would. The headline numbers are checked against the warehouse's own ringkasan_kota_tahun.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import DASHBOARD
from in_process_app import PAGE, ROOT, assert_clean, open_data, open_page, start, tiles
from streamlit.testing.v1 import AppTest

from analytics import queries
from analytics.context import WarehouseInfo
from analytics.present import overview, reshape
from analytics.present.tables import display_table
from analytics.privacy import release
from analytics.queries.filters import Filters
from analytics.texts import TEXT, t
from settings import WAREHOUSE_ENV

TITLE_KEYS = {  # page -> the key of its st.title (definisi shows docs/metrics.md instead)
    "ringkasan": "ringkasan_title",
    "partisipasi": "partisipasi_title",
    "anggaran": "anggaran_title",
    "kinerja": "kinerja_title",
    "umpan_balik": "umpan_balik_title",
    "profil_kota": "profil_title",
    "kesenjangan": "an_kesenjangan_title",
    "simulasi": "an_simulasi_title",
    "dampak": "an_dampak_title",
    "hasil_belajar": "an_hasil_title",
    "ip_asn": "ip_title",
    "capaian": "sk_title",
}
# Pages whose own test files check their content (tests/test_exports.py, tests/test_intake_pages.py):
# here they must be declared and render without an error.
OWN_TESTS = ("presentasi", "kualitas_data", "unggah", "jejak_audit")
CHART_PAGES = ("ringkasan", "partisipasi", "anggaran", "kinerja", "umpan_balik")
MENU_KEYS = (
    "page_ringkasan",
    "page_presentasi",
    "page_partisipasi",
    "page_anggaran",
    "page_kinerja",
    "page_umpan_balik",
    "an_page_kesenjangan",
    "an_page_simulasi",
    "an_page_dampak",
    "an_page_hasil",
    "ip_page",
    "sk_page",
    "page_profil",
    "page_definisi",
    "in_page_kualitas",
    "in_page_unggah",
    "au_page",
)


# The app reads the session's demo warehouse for this module only (app_environment, tests/conftest.py); `info`
# and `ringkasan` (the warehouse's own scorecard) come from tests/conftest.py too.
pytestmark = pytest.mark.usefixtures("app_environment")


# Indonesian formats written out here, independently of analytics.formatting.
def id_number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def id_percent(value: float) -> str:
    return f"{id_number(value, 1)}%"


def id_rupiah(value: float) -> str:
    for size, unit in ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")):
        if abs(value) >= size:
            return f"Rp {id_number(value / size, 1)} {unit}"
    return f"Rp {id_number(value)}"


def expected_tiles(ringkasan: pd.DataFrame, kota: str, year: int) -> list[tuple[str, str]]:
    r = ringkasan[(ringkasan["kota"] == kota) & (ringkasan["tahun"] == year)].iloc[0]
    return [
        (t("m_persen_20jp", "id"), id_percent(r.persen_20jp)),
        (t("m_jp_per_asn", "id"), id_number(r.jp_per_asn, 1)),
        (t("m_realisasi", "id"), id_rupiah(r.realisasi)),
        (t("m_persen_serapan", "id"), id_percent(r.persen_serapan)),
        (t("m_biaya_per_jp", "id"), f"Rp {id_number(r.biaya_per_jp)}"),
        (t("m_ikm", "id"), f"{id_number(r.ikm, 2)} ({r.mutu_ikm})"),
        (t("m_persen_sangat_baik", "id"), id_percent(r.persen_sangat_baik)),
    ]


def id_points(change: float) -> str:
    return ("+" if change > 0 else "") + id_number(change, 1) + " poin"


# --- every page -------------------------------------------------------------------------------------------


def test_the_app_declares_every_page() -> None:
    assert sorted(PAGE) == sorted([*TITLE_KEYS, "definisi", *OWN_TESTS])


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", PAGE)
def test_every_page_renders_without_error(name: str, lang: str, info: WarehouseInfo) -> None:
    at = open_page(start(lang), name)
    assert_clean(at)
    if name in OWN_TESTS:
        return
    if name == "definisi":
        assert at.markdown and at.markdown[0].value.startswith("# ")
        return
    values = {"year": info.tahun[-1], "kota": info.kota[0]}
    assert [x.value for x in at.title] == [t(TITLE_KEYS[name], lang, **values)]
    # The synthetic-data banner on every page, and the short tag in the sidebar.
    assert [w.value for w in at.main.warning] == [t("synthetic_banner", lang)]
    assert [e.value for e in at.sidebar.error] == [t("synthetic_short", lang)]
    if name in CHART_PAGES:
        assert len(at.get("plotly_chart")) >= 2
        labels = [e.label for e in at.expander]
        assert labels and set(labels) == {t("see_data", lang)}  # every chart has its "Lihat data"
        assert not [e for e in at.expander if len(e.dataframe)]  # its table is made only when it is opened
        open_data(at)
        assert all(len(e.dataframe) == 1 for e in at.expander)
        csv_buttons = [b for b in at.get("download_button") if b.key.startswith("csv_")]
        assert len(csv_buttons) == len(labels)  # one CSV per chart (the export panel adds its own files)


def test_the_synthetic_banner_says_sintetis() -> None:
    at = start()
    assert any("sintetis" in w.value.lower() for w in at.warning)
    assert [c.value for c in at.sidebar.caption if c.value.startswith("Data dimuat: ")]


# --- Ringkasan: the headline numbers --------------------------------------------------------------------


def test_ringkasan_tiles_equal_the_warehouse_for_the_latest_year(ringkasan: pd.DataFrame, info: WarehouseInfo) -> None:
    at = start()
    assert_clean(at)
    year = info.tahun[-1]
    assert [x.value for x in at.title] == [t("ringkasan_title", "id", year=year)]
    shown = tiles(at)
    assert list(shown) == info.kota
    for kota, metrics in shown.items():
        assert [(label, value) for label, value, _ in metrics] == expected_tiles(ringkasan, kota, year), kota
        now = ringkasan[(ringkasan["kota"] == kota) & (ringkasan["tahun"] == year)].iloc[0]
        before = ringkasan[(ringkasan["kota"] == kota) & (ringkasan["tahun"] == year - 1)].iloc[0]
        assert metrics[0][2] == id_points(now.persen_20jp - before.persen_20jp), kota


def test_ringkasan_writes_three_to_five_findings_from_the_numbers(info: WarehouseInfo) -> None:
    at = start()
    findings = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert len(findings) == 1
    lines = findings[0].splitlines()
    assert 3 <= len(lines) <= 5
    assert all(any(kota in line for kota in info.kota) for line in lines)


def test_choosing_one_city_leaves_one_set_of_tiles(ringkasan: pd.DataFrame, info: WarehouseInfo) -> None:
    at = start()
    assert len(tiles(at)) == len(info.kota) > 1
    at.sidebar.selectbox(key="banding").set_value("pilihan").run()
    at.sidebar.multiselect(key="kota").set_value(["Jambi"]).run()
    assert_clean(at)
    shown = tiles(at)
    assert list(shown) == ["Jambi"]
    assert [(label, value) for label, value, _ in shown["Jambi"]] == expected_tiles(ringkasan, "Jambi", 2025)


def test_the_year_range_sets_the_headline_year(ringkasan: pd.DataFrame, info: WarehouseInfo) -> None:
    at = start()
    first = info.tahun[0]
    at.sidebar.select_slider(key="tahun").set_value((first, 2023)).run()
    assert_clean(at)
    assert [x.value for x in at.title] == [t("ringkasan_title", "id", year=2023)]
    for kota, metrics in tiles(at).items():
        assert [(label, value) for label, value, _ in metrics] == expected_tiles(ringkasan, kota, 2023), kota


def test_a_people_filter_changes_the_people_numbers(con, info: WarehouseInfo) -> None:
    at = start()
    before = {kota: metrics[0][1] for kota, metrics in tiles(at).items()}
    at.sidebar.multiselect(key="jabatan").set_value(["Fungsional"]).run()
    assert_clean(at)
    after = {kota: metrics[0][1] for kota, metrics in tiles(at).items()}
    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1], kategori_jabatan=("Fungsional",))
    sc = queries.scorecard(con, f)
    latest = sc[sc["tahun"] == info.tahun[-1]].set_index("kota")
    assert after == {kota: id_percent(latest.loc[kota, "persen_20jp"]) for kota in info.kota}
    assert after != before
    assert any(t("people_filter_note", "id") in c.value for c in at.caption)


def test_a_copied_link_opens_the_same_view() -> None:
    at = start("en", kota=["Jambi", "Makassar"], tahun=["2022", "2024"])
    assert_clean(at)
    assert [x.value for x in at.title] == [t("ringkasan_title", "en", year=2024)]
    assert list(tiles(at)) == ["Jambi", "Makassar"]
    assert at.sidebar.multiselect(key="kota").value == ["Jambi", "Makassar"]


# --- pages draw from the released scorecard ---------------------------------------------------------------


def _page_table(at, columns: list[str]) -> pd.DataFrame:
    """Return the one table of the page with exactly these headings (every 'Lihat data' opened)."""
    open_data(at)
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


# --- language ------------------------------------------------------------------------------------------


def _menu(at: AppTest) -> list[str]:
    """Return the page titles st.navigation registered (AppTest keeps them; it has no navigation element)."""
    return [page["page_name"] for page in at._registered_pages.values()]


def _assert_english(at: AppTest) -> None:
    assert_clean(at)
    assert at.title[0].value.startswith("Overview ")
    assert _menu(at) == [TEXT[k]["en"] for k in MENU_KEYS]
    assert at.sidebar.selectbox(key="banding").label == TEXT["f_banding"]["en"]
    first = next(iter(tiles(at).values()))
    assert [label for label, _, _ in first][:2] == [TEXT["m_persen_20jp"]["en"], TEXT["m_jp_per_asn"]["en"]]
    assert re.fullmatch(r"\d+\.\d%", first[0][1])  # 64.8%, not 64,8%


def test_indonesian_is_the_default() -> None:
    at = start()
    assert at.title[0].value.startswith("Ringkasan ")
    assert _menu(at) == [TEXT[k]["id"] for k in MENU_KEYS]
    assert at.query_params.get("lang") in (None, "id")


def test_lang_en_in_the_url_makes_the_app_english() -> None:
    _assert_english(start("en"))


def test_lang_in_the_session_makes_the_app_english() -> None:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    _assert_english(at)
    assert at.query_params.get("lang") == "en"  # the choice goes into the URL


def test_the_language_switch(info: WarehouseInfo) -> None:
    at = start()
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    _assert_english(at)
    assert at.query_params.get("lang") == "en"
    open_page(at, "partisipasi")
    assert_clean(at)
    assert [x.value for x in at.title] == [t("partisipasi_title", "en")]


def test_an_unknown_language_falls_back_to_indonesian() -> None:
    at = start("fr")
    assert_clean(at)
    assert at.title[0].value.startswith("Ringkasan ")


# --- empty and missing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_missing_warehouse_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    missing = tmp_path / "tidak-ada" / "warehouse.duckdb"
    monkeypatch.setenv(WAREHOUSE_ENV, str(missing))
    at = start(lang)
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == [t("no_warehouse", lang, path=missing)]
    if lang == "id":
        assert at.error[0].value.startswith("Gudang data belum ada")
    assert not at.title and not at.metric


def test_no_city_chosen_asks_for_one_on_every_page() -> None:
    at = start()
    at.sidebar.selectbox(key="banding").set_value("pilihan").run()
    at.sidebar.multiselect(key="kota").set_value([]).run()
    for name in PAGE:
        open_page(at, name)
        assert_clean(at)
        if name in TITLE_KEYS:
            assert [i.value for i in at.info] == [t("nothing_to_show", "id", why=t("no_kota", "id"))], name


def test_an_agency_of_another_city_shows_a_sentence_not_an_error() -> None:
    # Dinas Perdagangan exists only in Makassar in the demo data; the profile of Jambi has no agency left.
    at = start(kota=["Jambi", "Makassar"])
    assert "Dinas Perdagangan" in at.sidebar.multiselect(key="opd").options
    at.sidebar.multiselect(key="opd").set_value(["Dinas Perdagangan"]).run()
    assert_clean(at)
    open_page(at, "profil_kota")
    at.selectbox(key="profil").set_value("Jambi").run()
    assert_clean(at)
    assert [x.value for x in at.title] == [t("profil_title", "id", kota="Jambi")]
    assert t("nothing_to_show", "id", why=t("why_filters", "id")) in [i.value for i in at.info]
    for name in PAGE:
        assert_clean(open_page(at, name))


def test_people_filters_that_match_nobody_say_why() -> None:
    at = start()
    at.sidebar.multiselect(key="jabatan").set_value(["JPT"]).run()  # no PPPK holds a JPT post
    at.sidebar.multiselect(key="jenis_asn").set_value(["PPPK"]).run()
    nothing = t("nothing_to_show", "id", why=t("why_filters", "id"))
    for name in PAGE:
        open_page(at, name)
        assert_clean(at)
    for name in ("partisipasi", "kinerja"):
        open_page(at, name)
        assert [i.value for i in at.info] == [nothing], name


def test_ringkasan_with_cities_lacking_budget_and_people(
    scorecard_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hand-made scorecard warehouse (tests/conftest.py): Bukittinggi has no data at all, Pontianak no 2024 budget.
    monkeypatch.setenv(WAREHOUSE_ENV, str(scorecard_warehouse))
    at = start()
    assert_clean(at)
    shown = tiles(at)
    assert list(shown) == ["Bukittinggi", "Jambi", "Pontianak"]
    assert all(value == "–" for _, value, _ in shown["Bukittinggi"])
    assert dict((label, value) for label, value, _ in shown["Pontianak"])[t("m_realisasi", "id")] == "–"
    for name in PAGE:
        assert_clean(open_page(at, name))


def test_a_shared_link_to_a_page_works_as_the_first_request() -> None:
    # Streamlit runs a page script on its own (legacy mode) while a folder named pages/ sits beside
    # dashboard.py and st.navigation has not run yet: a copied link opened first on a fresh server
    # would skip dashboard.py. The page scripts live in views/ so every run goes through dashboard.py.
    assert not (ROOT / "pages").exists()
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.switch_page(PAGE["partisipasi"]).run()
    assert_clean(at)
    assert [x.value for x in at.title] == [t("partisipasi_title", "id")]
