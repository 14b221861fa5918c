"""WCAG AA contrast of the theme on its light background: text colours at least 4.5:1, the first four chart
colours (the cities most views compare) at least 3:1 as graphical objects. Read from the real config. Measured in
a real browser by axe-core on the pages themselves: tests/test_contrast_browser.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from analytics.present import charts
from ui import components

ROOT = Path(__file__).resolve().parent.parent
THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
WHITE = "#ffffff"
SIDEBAR = "#f8f8f7"  # Streamlit's light sidebar while the theme keeps its default backgrounds


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour '#rrggbb' (WCAG 2.x)."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """Contrast ratio between two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)  # the lightest AA grey on white


def test_the_theme_is_light_on_white() -> None:
    assert THEME["base"] == "light" and THEME.get("backgroundColor", WHITE).lower() == WHITE


@pytest.mark.parametrize("key", ["primaryColor", "textColor", "linkColor"])
def test_theme_text_colours_reach_4_5_to_1_on_white(key: str) -> None:
    assert contrast(THEME[key], THEME.get("backgroundColor", WHITE)) >= 4.5


@pytest.mark.parametrize("background", [WHITE, SIDEBAR])
def test_captions_and_their_links_reach_4_5_to_1_in_the_page_and_the_sidebar(background: str) -> None:
    # Streamlit fades captions with opacity 0.6, links in them included; ui.components lifts that and gives
    # captions a grey of their own, so caption text and caption links are drawn in these colours, solid.
    assert "opacity: 1;" in components.CAPTION_STYLE and components.CAPTION_COLOR in components.CAPTION_STYLE
    assert contrast(components.CAPTION_COLOR, background) >= 4.5
    assert contrast(THEME["linkColor"], background) >= 4.5


def test_captions_stay_quieter_than_the_text() -> None:
    assert luminance(components.CAPTION_COLOR) > luminance(THEME["textColor"])


@pytest.mark.parametrize("colour", THEME["chartCategoricalColors"][:4])
def test_the_first_four_streamlit_chart_colours_reach_3_to_1_on_white(colour: str) -> None:
    assert contrast(colour, WHITE) >= 3


@pytest.mark.parametrize("colour", charts.PALETTE[:4])
def test_the_first_four_city_colours_of_the_plotly_charts_reach_3_to_1_on_white(colour: str) -> None:
    assert contrast(colour, WHITE) >= 3


def test_streamlit_and_plotly_charts_use_the_same_city_colours() -> None:
    assert [c.lower() for c in THEME["chartCategoricalColors"]] == [c.lower() for c in charts.PALETTE[:8]]


def test_hidden_small_group_marks_are_hatched_and_readable() -> None:
    # A "<5" segment or cell (analytics.privacy) is told apart by its hatching, not by colour: the hatch on its
    # grey fill reaches 3:1 and the "<5" written on it 4.5:1.
    assert charts.HIDDEN_PATTERN["shape"] == "/"
    assert contrast(charts.HIDDEN_PATTERN["fgcolor"], charts.HIDDEN_COLOR) >= 3
    assert contrast("#444444", charts.HIDDEN_COLOR) >= 4.5
