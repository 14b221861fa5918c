"""Tables for people to read: numbers formatted in the chosen language, headers in words.

The CSV download keeps the raw values; this is only what the screen shows.
"""

from __future__ import annotations

import pandas as pd

from analytics.present import formatting as fmt
from analytics.texts import TEXT, t

PLAIN = {"tahun", "tahun_dinilai"}  # numbers shown without separators


def header(column: str, lang: str) -> str:
    """Return a column's heading in the chosen language from the catalogue (analytics/texts/columns.py),
    the column name when it has none."""
    key = f"col_{column}"
    return t(key, lang) if key in TEXT else column


def _cell(column: str, value: object, lang: str) -> object:
    if fmt.is_missing(value) or pd.isna(value):
        return fmt.MISSING
    if column in PLAIN or isinstance(value, str):
        return value
    if column.startswith("persen"):
        return fmt.percent(float(value), lang)
    if isinstance(value, int) or float(value).is_integer():
        return fmt.number(float(value), lang, 0)
    decimals = 2 if column in {"ikm", "nrr"} or column.startswith("skor") else 1
    return fmt.number(float(value), lang, decimals)


def display_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return a copy of `df` as text for the screen: numbers in the chosen language's format and
    headings in words. `df` is a released frame (analytics.privacy.release): its '<5' cells stay '<5'."""
    out = pd.DataFrame({header(c, lang): [_cell(c, v, lang) for v in df[c]] for c in df.columns})
    return out
