"""Tables for people to read: numbers formatted in the chosen language, headers in words.

The CSV download keeps the raw values; this is only what the screen shows.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.present import formatting as fmt
from analytics.queries.quality import ALL_YEARS
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
    decimals = 2 if column == "nrr" or column.startswith(("ikm", "skor")) else 1
    return fmt.number(float(value), lang, decimals)


def display_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return a copy of `df` as text for the screen: numbers in the chosen language's format and
    headings in words. `df` is a released frame (analytics.privacy.release): its '<5' cells stay '<5'."""
    out = pd.DataFrame({header(c, lang): [_cell(c, v, lang) for v in df[c]] for c in df.columns})
    return out


def _as_text(value: object, lang: str, zone: str | None) -> object:
    """Return lists, dates and flags as text a person reads; a UTC time (`zone` given) in that zone; other
    values unchanged."""
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return "\n".join(str(v) for v in list(value))
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if zone is not None and isinstance(value, dt.datetime):
        return fmt.local_time(value, zone)
    if isinstance(value, dt.datetime):  # pandas Timestamps too; a bare date has no time of day
        return value.strftime("%d-%m-%Y" if value.time() == dt.time() else "%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return value


def completeness_for_screen(missing: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the completeness table (analytics.queries.quality.completeness) for the screen: a cell of no year at
    all in words of `lang`, dataset names with spaces."""
    shown = missing.replace(ALL_YEARS, t("kq_all_years", lang))
    return shown.rename(columns=lambda c: c.replace("_", " "))


def for_screen(df: pd.DataFrame, lang: str, zone: str) -> pd.DataFrame:
    """Return a quality or intake table as text for the screen: numbers formatted, lists joined, times of
    the columns named *_utc in time zone `zone` (WIB, WITA, WIT), headings in words of the chosen language."""
    out = df.copy()
    for column in out.columns:
        utc = zone if str(column).endswith("_utc") else None
        out[column] = out[column].map(lambda v, utc=utc: _as_text(v, lang, utc))
    if "outcome" in out.columns:
        out["outcome"] = out["outcome"].map(lambda o: t(f"kq_outcome_{o}", lang) if f"kq_outcome_{o}" in TEXT else o)
    return display_table(out, lang)
