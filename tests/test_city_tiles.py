"""The city tiles and the comparison with the other cities (analytics.present.overview): values, signed
changes, missing numbers and the chosen years."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import hand_scorecard

from analytics.present.overview import cities_in, city_tiles, compare_with_others, in_range
from analytics.queries import (
    scorecard,
)
from analytics.queries.filters import Filters
from analytics.texts import t

MISSING = "–"

ALL = ("Bukittinggi", "Jambi", "Pontianak")


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """This module's `con` reads the session's scorecard warehouse (tests/conftest.py)."""
    return scorecard_warehouse


def test_city_tiles_values_and_signed_changes() -> None:
    df = hand_scorecard()
    df = df[~((df["kota"] == "Makassar") & (df["tahun"] == 2023))]  # Makassar has no previous year
    tiles = city_tiles(df, 2024, "id")
    assert list(tiles) == ["Jambi", "Makassar", "Pontianak"]
    jambi = {tile.label: tile for tile in tiles["Jambi"]}
    got = {label: (tile.value, tile.delta) for label, tile in jambi.items()}
    assert got == {
        t("m_persen_20jp", "id"): ("41,0%", "+1,0 poin"),
        t("m_jp_per_asn", "id"): ("18,5", "-1,5"),
        t("m_realisasi", "id"): ("Rp 1,4 M", "-Rp 120,0 jt"),
        t("m_persen_serapan", "id"): ("86,4%", "-7,3 poin"),
        t("m_biaya_per_jp", "id"): ("Rp 50.000", "-Rp 744"),
        t("m_ikm", "id"): ("80,50 (B)", "+0,50"),
        t("m_persen_sangat_baik", "id"): ("12,5%", "+2,5 poin"),
    }
    assert jambi[t("m_persen_20jp", "id")].help == "41 / 100 PNS"
    # Up is good for 20 JP, bad for cost per JP.
    assert jambi[t("m_persen_20jp", "id")].delta_color == "normal"
    assert jambi[t("m_biaya_per_jp", "id")].delta_color == "inverse"
    assert [tile.delta for tile in tiles["Makassar"]] == [None] * 7
    assert tiles["Makassar"][0].value == "59,0%"


def test_city_tiles_negative_rupiah_changes_lead_with_the_sign() -> None:
    for lang, prefix in (("id", "Rp"), ("en", "IDR")):
        tiles = city_tiles(hand_scorecard(), 2024, lang)
        for kota in tiles:
            for tile in tiles[kota]:
                if tile.delta and prefix in tile.delta:
                    assert f"{prefix} -" not in tile.delta
                    assert tile.delta[0] in "+-", tile.delta
        jambi = {tile.label: tile.delta for tile in tiles["Jambi"]}
        assert jambi[t("m_realisasi", lang)].startswith(f"-{prefix} ")
        assert jambi[t("m_biaya_per_jp", lang)] == ("-Rp 744" if lang == "id" else "-IDR 744")


def test_city_tiles_in_english() -> None:
    jambi = {tile.label: (tile.value, tile.delta) for tile in city_tiles(hand_scorecard(), 2024, "en")["Jambi"]}
    assert jambi[t("m_persen_20jp", "en")] == ("41.0%", "+1.0 pts")
    assert jambi[t("m_realisasi", "en")] == ("IDR 1.4 bn", "-IDR 120.0 m")
    assert jambi[t("m_ikm", "en")] == ("80.50 (B)", "+0.50")


def test_city_tiles_with_missing_numbers_show_dashes(con) -> None:
    # The real query result: Bukittinggi has nobody and no budget, Pontianak 2024 has no budget (pd.NA).
    sc = scorecard(con, Filters(ALL, 2023, 2024))
    tiles = city_tiles(sc, 2024, "id")
    assert list(tiles) == list(ALL)
    bukittinggi = {tile.label: (tile.value, tile.delta) for tile in tiles["Bukittinggi"]}
    assert bukittinggi[t("m_persen_20jp", "id")] == (MISSING, None)
    assert bukittinggi[t("m_realisasi", "id")] == (MISSING, None)
    assert bukittinggi[t("m_ikm", "id")][0] == MISSING
    pontianak = {tile.label: (tile.value, tile.delta) for tile in tiles["Pontianak"]}
    assert pontianak[t("m_persen_20jp", "id")] == ("100,0%", "+100,0 poin")
    assert pontianak[t("m_realisasi", "id")] == (MISSING, None)
    assert pontianak[t("m_ikm", "id")] == ("77,78 (B)", None)


def test_city_tiles_year_without_rows_gives_nothing() -> None:
    assert city_tiles(hand_scorecard(), 2030, "id") == {}
    assert cities_in(hand_scorecard(), 2030) == []


def test_the_cities_in_a_year_are_those_with_tiles_in_their_order() -> None:
    df = hand_scorecard()
    df = df[~((df["kota"] == "Makassar") & (df["tahun"] == 2024))]
    assert cities_in(df, 2024) == list(city_tiles(df, 2024, "id")) == ["Jambi", "Pontianak"]
    assert cities_in(df, 2023) == list(city_tiles(df, 2023, "id"))


def test_compare_with_others() -> None:
    got = compare_with_others(hand_scorecard(), "Jambi", 2024, "id")
    assert list(got.columns) == [t("metric", "id"), "Jambi", t("others_avg", "id"), t("difference", "id")]
    rows = {r[0]: tuple(r[1:]) for r in got.itertuples(index=False)}
    assert rows == {
        t("m_persen_20jp", "id"): ("41,0%", "54,5%", "-13,5 poin"),
        t("m_jp_per_asn", "id"): ("18,5", "28,5", "-10,0"),
        t("m_persen_serapan", "id"): ("86,4%", "81,8%", "+4,6 poin"),
        t("m_biaya_per_jp", "id"): ("Rp 50.000", "Rp 125.000", "-Rp 75.000"),
        t("m_ikm", "id"): ("80,50", "80,06", "+0,44"),
        t("m_persen_sangat_baik", "id"): ("12,5%", "17,5%", "-5,0 poin"),
    }


def test_compare_with_others_in_english_and_without_values() -> None:
    got = compare_with_others(hand_scorecard(), "Makassar", 2024, "en")
    rows = {r[0]: tuple(r[1:]) for r in got.itertuples(index=False)}
    assert rows[t("m_biaya_per_jp", "en")] == ("IDR 150,000", "IDR 75,000", "+IDR 75,000")
    df = hand_scorecard()
    df.loc[df["kota"] != "Jambi", "ikm"] = float("nan")
    rows = {r[0]: tuple(r[1:]) for r in compare_with_others(df, "Jambi", 2024, "id").itertuples(index=False)}
    assert rows[t("m_ikm", "id")] == ("80,50", MISSING, MISSING)


def test_in_range_keeps_the_chosen_years_and_drops_the_year_before() -> None:
    scorecard = pd.DataFrame({"kota": ["A"] * 3, "tahun": [2020, 2021, 2022], "pagu": [1.0, None, 3.0]})
    chosen = Filters(kota=("A",), tahun_awal=2021, tahun_akhir=2022)
    assert in_range(scorecard, chosen)["tahun"].tolist() == [2021, 2022]
    budget = in_range(scorecard, chosen, filled="pagu")
    assert budget["tahun"].tolist() == [2022] and budget.index.tolist() == [0]
