"""Numbers, Rupiah, percentages, changes and missing values as people read them, in Indonesian and English
(analytics.present.formatting)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.present import formatting as fmt

MISSING = "–"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234567.5, "id", 1, "1.234.567,5"),
        (1234567.5, "en", 1, "1,234,567.5"),
        (1234567, "id", 0, "1.234.567"),
        (1234567, "en", 0, "1,234,567"),
        (0.25, "id", 2, "0,25"),
        (-9876.5, "id", 1, "-9.876,5"),
        (999, "id", 0, "999"),
    ],
)
def test_number_uses_the_languages_separators(value: float, lang: str, decimals: int, expected: str) -> None:
    assert fmt.number(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_234_000_000, "id", "Rp 1,2 M"),
        (1_234_000_000, "en", "IDR 1.2 bn"),
        (350_000_000, "id", "Rp 350,0 jt"),
        (350_000_000, "en", "IDR 350.0 m"),
        (2_500_000_000_000, "id", "Rp 2,5 T"),
        (45_000, "id", "Rp 45,0 rb"),
        (744, "id", "Rp 744"),
    ],
)
def test_rupiah_compact(value: float, lang: str, expected: str) -> None:
    assert fmt.rupiah(value, lang) == expected


def test_rupiah_in_full() -> None:
    assert fmt.rupiah(1_234_567, "id", compact=False) == "Rp 1.234.567"
    assert fmt.rupiah(1_234_567, "en", compact=False) == "IDR 1,234,567"
    assert fmt.rupiah(70_519.4, "id", compact=False) == "Rp 70.519"


def test_percent() -> None:
    assert fmt.percent(45.26, "id") == "45,3%"
    assert fmt.percent(45.26, "en") == "45.3%"
    assert fmt.percent(64.8, "id", 0) == "65%"
    assert fmt.percent(100.0, "id") == "100,0%"
    assert fmt.percent(0.0, "en") == "0.0%"


def test_points_carry_a_sign() -> None:
    assert fmt.points(3.24, "id") == "+3,2 poin"
    assert fmt.points(3.24, "en") == "+3.2 pts"
    assert fmt.points(-7.3, "id") == "-7,3 poin"
    assert fmt.points(0.0, "id") == "0,0 poin"
    assert fmt.points(18, "id", 0) == "+18 poin"


@pytest.mark.parametrize("tiny", [-0.03, -0.0, 0.04, -1e-12])
def test_a_change_that_rounds_to_nothing_has_no_sign(tiny: float) -> None:
    # "-0,0 poin" with a red arrow once said that a scenario changing nothing made things worse.
    assert fmt.points(tiny, "id") == "0,0 poin"
    assert fmt.number(tiny, "en", 1) == "0.0"
    assert fmt.signed(tiny, lambda v: fmt.number(v, "id", 1)) == "0,0"
    assert fmt.signed(-0.3, lambda v: fmt.rupiah(v, "id", compact=False)) == "Rp 0"
    assert fmt.signed(-0.04, lambda v: fmt.number(v, "id", 1)) == "0,0"
    assert fmt.signed(-0.06, lambda v: fmt.number(v, "id", 1)) == "-0,1"


def test_a_scenario_that_moves_nothing_visible_shows_a_grey_change_without_arrow() -> None:
    from analytics.present import simulation

    outcomes = pd.DataFrame(
        {
            "persen_20jp": [55.0, 54.98],  # 0,02 points lower: rounds to nothing
            "jp": [1000.0, 1300.0],
            "biaya": [1e9, 1e9],
            "biaya_per_jp": [1_000_000.0, 769_230.8],
            "kekurangan_jp": [500, 500],
        }
    )
    (_, share), (_, jp), _, (_, per_jp) = simulation.what_if_tiles(outcomes, "id")
    assert (share.delta, share.arrow, share.colour) == ("0,0 poin", "off", "off")
    assert (jp.delta, jp.arrow, jp.colour) == ("+300", "auto", "normal")
    assert (per_jp.arrow, per_jp.colour) == ("auto", "inverse")


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA], ids=["None", "nan", "pd.NA"])
def test_missing_values_show_a_dash(missing: object) -> None:
    # pd.NA is what DuckDB gives for NULL in integer columns (pagu, realisasi, jp_total).
    assert fmt.is_missing(missing)
    assert fmt.number(missing, "id") == MISSING
    assert fmt.number(missing, "en", 2) == MISSING
    assert fmt.percent(missing, "id") == MISSING
    assert fmt.rupiah(missing, "id") == MISSING
    assert fmt.rupiah(missing, "en", compact=False) == MISSING
    assert fmt.points(missing, "id") == MISSING


def test_plotly_separators() -> None:
    assert fmt.plotly_separators("id") == ",."
    assert fmt.plotly_separators("en") == ".,"
