"""One catalogue of headline measures (analytics.present.measures): the tiles, the ranked table, the standings,
the trend charts and the meeting files' appendix show exactly the measures it lists for them, in its order,
written as it says."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import hand_scorecard

from analytics.meeting_files import content
from analytics.present import formatting as fmt
from analytics.present import measures, overview, standing
from analytics.texts import t


def scorecard() -> pd.DataFrame:
    """The hand-made scorecard with the headcounts the appendix also shows."""
    df = hand_scorecard()
    return df.assign(jumlah_asn=df["jumlah_pns"] + 10)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tiles_show_the_tile_measures_in_catalogue_order(lang: str) -> None:
    tiles = overview.city_tiles(scorecard(), 2024, lang)["Jambi"]
    assert [tile.label for tile in tiles] == [t(m.label, lang) for m in measures.TILES]
    colours = {tile.label: tile.delta_color for tile in tiles}
    assert colours[t("m_biaya_per_jp", lang)] == "inverse"  # lower is better: a rise is red
    assert colours[t("m_realisasi", lang)] == "off"  # money spent has no better direction


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ranked_table_standings_and_focus_tiles_show_the_ranked_measures(lang: str) -> None:
    df = scorecard()
    ranked = standing.ranked(df, 2024, "persen_20jp", {}, lang)
    assert list(ranked.columns)[4:] == [t(m.label, lang) for m in measures.RANKED_MEASURES]
    rows = standing.table(df, 2024, "Jambi", lang)
    assert list(rows[t("metric", lang)]) == [t(m.label, lang) for m in measures.RANKED_MEASURES]
    focus = standing.focus_tiles(df, 2024, "Jambi", lang)
    assert len(focus) == len(measures.RANKED_MEASURES)


def test_lower_is_better_ranks_the_smallest_first() -> None:
    ranked = standing.ranked(scorecard(), 2024, "biaya_per_jp", {}, "id")
    assert list(ranked[t("col_kota", "id")]) == ["Jambi", "Pontianak", "Makassar"]  # 50.000, 100.000, 150.000


def test_the_appendix_writes_each_appendix_measure_as_the_catalogue_says() -> None:
    df = scorecard()
    table = content.appendix_text(df[df["tahun"] == 2024], "id")
    assert list(table[t("metric", "id")]) == [t(m.label, "id") for m in measures.APPENDIX_MEASURES]
    jambi = dict(zip(table[t("metric", "id")], table["Jambi"], strict=True))
    assert jambi[t("m_ikm", "id")] == "80,50 (B)"  # two decimals and the mutu
    assert jambi[t("m_biaya_per_jp", "id")] == fmt.rupiah(50_000.0, "id", compact=False)
    assert jambi[t("m_realisasi", "id")] == fmt.rupiah(1_380_000_000, "id")  # short


def test_the_trend_charts_are_the_measures_with_a_trend_in_their_order() -> None:
    assert list(overview.TRENDS) == ["tren_20jp", "tren_ikm", "tren_serapan", "tren_biaya"]
    assert [trend.value for trend in overview.TRENDS.values()] == [m.column for m in measures.trending()]


def test_every_measure_is_a_column_of_the_scorecard_query() -> None:
    from analytics import queries
    from analytics.queries.declare import declaration_of

    declared = declaration_of(queries.scorecard).columns
    assert [m.column for m in measures.CATALOGUE if m.column not in declared] == []


def test_every_topic_and_analysis_page_has_measures_and_passes_its_name() -> None:
    views = Path(__file__).resolve().parent.parent / "views"
    for page in measures.PAGES:
        assert measures.on_page(page), page  # the distribution of cities shows at least one measure
        assert f"page=measures.{page.upper()}" in (views / f"{page}.py").read_text(), page
    assert {p for m in measures.CATALOGUE for p in m.pages} == set(measures.PAGES)
    with pytest.raises(ValueError, match="not a topic or analysis page"):
        measures.on_page("ringkasan")


def test_a_page_lists_its_measures_in_catalogue_order() -> None:
    assert [m.column for m in measures.on_page(measures.ANGGARAN)] == ["persen_serapan", "biaya_per_jp"]
    assert [m.column for m in measures.on_page(measures.HASIL_BELAJAR)] == ["jp_per_asn", "ikm"]


def test_every_ranked_measure_has_a_definition_to_link() -> None:
    metrics_md = (Path(__file__).resolve().parent.parent / "docs" / "metrics.md").read_text()
    for m in measures.RANKED_MEASURES:
        assert m.definition and m.definition in metrics_md, m.column
