"""The page Capaian kinerja (SAKIP) through Streamlit's AppTest, on the session's demo warehouse: the LKjIP table of
a city and year, the summary, the chart with its text alternative and the workbook's download button."""

from __future__ import annotations

import duckdb
import pytest
from conftest import DASHBOARD
from in_process_app import PAGE, assert_clean, open_link, open_page, start

from analytics.texts import t
from demo.targets import MISSES_20JP, PERSEN_20JP
from settings import WAREHOUSE_ENV

pytestmark = pytest.mark.usefixtures("app_environment")


def test_the_page_is_in_the_analysis_menu() -> None:
    assert "capaian" in PAGE
    analysis = DASHBOARD.read_text().split('t("an_section", lang): [', 1)[1].split("],", 1)[0]
    assert 'st.Page("views/capaian.py", title=t("sk_page", lang)' in analysis


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_shows_a_citys_lkjip_table_summary_and_chart(lang: str, con: duckdb.DuckDBPyConnection) -> None:
    at = open_link("capaian", {"lang": lang, "capaian_kota": MISSES_20JP, "capaian_tahun": "2025"})
    assert_clean(at)
    assert [x.value for x in at.title] == [t("sk_title", lang)]
    summary = at.markdown[0].value if lang == "en" else " ".join(m.value for m in at.markdown)
    total, met = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE capaian >= 100) FROM capaian_indikator"
        " WHERE kota = $k AND tahun = 2025",
        {"k": MISSES_20JP},
    ).fetchone()
    assert t("sk_summary", lang, kota=MISSES_20JP, tahun=2025, met=met, total=total) in summary
    assert PERSEN_20JP in summary  # the one it missed is named
    assert [s.value for s in at.subheader][:1] == [t("sk_table_title", lang, kota=MISSES_20JP, tahun=2025)]
    table = at.dataframe[0].value
    assert list(table.columns)[:3] == [t("sk_col_no", lang), t("sk_col_indikator", lang), t("sk_col_satuan", lang)]
    assert len(table) == total
    row = table[table[t("sk_col_indikator", lang)] == PERSEN_20JP].iloc[0]
    assert row[t("sk_col_target", lang, tahun=2025)] == "65"
    assert row[t("sk_col_kategori", lang)].startswith("●")
    assert row[t("sk_col_sumber", lang)] == t("sk_sumber_dihitung", lang)
    assert len(at.get("plotly_chart")) == 1
    captions = " ".join(c.value for c in at.caption)
    assert t("ch_summary", lang, text="").strip() in captions  # the chart's text alternative under it
    assert t("sk_download", lang) in [b.label for b in at.main.get("download_button")]


def test_choosing_another_city_and_year_changes_the_table() -> None:
    at = open_link("capaian", {"capaian_kota": "Makassar", "capaian_tahun": "2022"})
    assert_clean(at)
    assert at.subheader[0].value == t("sk_table_title", "id", kota="Makassar", tahun=2022)
    at.selectbox(key="capaian_tahun").select(2024).run()
    assert_clean(at)
    assert at.subheader[0].value == t("sk_table_title", "id", kota="Makassar", tahun=2024)


def test_the_page_opens_from_the_menu_on_the_readers_first_city() -> None:
    at = open_page(start(), "capaian")
    assert_clean(at)
    assert len(at.dataframe) == 1


def test_a_city_without_targets_is_told_how_to_add_them(minimal_warehouse, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WAREHOUSE_ENV, str(minimal_warehouse))
    at = open_link("capaian", {"capaian_kota": "Pontianak"})
    assert_clean(at)
    said = " ".join(i.value for i in at.info)
    assert "target_kinerja" in said and "Pontianak" in said
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0


def test_a_link_with_an_unknown_city_or_year_opens_on_a_known_one() -> None:
    at = open_link("capaian", {"capaian_kota": "<b>Medan</b>", "capaian_tahun": "1900"})
    assert_clean(at)
    assert len(at.dataframe) == 1
