"""Numbers as people read them: Indonesian (1.234.567,5; Rp 1,2 M; 45,3%) or English formats."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

import domain
from analytics import privacy
from analytics.texts import t

RUPIAH_UNITS = {
    "id": ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")),
    "en": ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")),
}
MISSING = "–"


@dataclass(frozen=True)
class Locale:
    """How numbers and files are written in one language: decimal and thousands marks, the CSV separator
    spreadsheet programs expect, and the language tag of office files."""

    decimal: str
    thousands: str
    csv_separator: str
    office_language: str


LOCALES = {"id": Locale(",", ".", ";", "id-ID"), "en": Locale(".", ",", ",", "en-GB")}


def is_missing(value: object) -> bool:
    """Return True for None, NaN, pandas' NA (how DuckDB hands over a NULL integer) and NaT (a NULL time)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def local_time(utc: dt.datetime | None, zone: str) -> str:
    """Return a UTC time (naive, as DuckDB stores it) in Indonesian time zone `zone` (WIB, WITA or WIT) as
    'dd-mm-yyyy HH:MM WITA', or '–' when missing."""
    if is_missing(utc):
        return MISSING
    offset = dt.timezone(dt.timedelta(hours=domain.TIME_ZONES[zone]), zone)
    return utc.replace(tzinfo=dt.UTC).astimezone(offset).strftime(f"%d-%m-%Y %H:%M {zone}")


def zone_for(kota: Iterable[str], provinsi: Mapping[str, str]) -> str:
    """Return the time zone the chosen cities share, from their provinces in the kota dataset (which the
    contract requires; domain.zone_of_province). Makassar alone is WITA; cities in several zones (or none)
    get domain.DEFAULT_ZONE, WIB, the zone of national deadlines."""
    zones = {domain.zone_of_province(provinsi.get(k)) for k in kota}
    return zones.pop() if len(zones) == 1 else domain.DEFAULT_ZONE


def number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """Return a number with thousands separators: 1.234.567,5 (id) or 1,234,567.5 (en)."""
    if is_missing(value):
        return MISSING
    locale = LOCALES[lang]
    text = f"{value:,.{decimals}f}"
    if reads_zero(text):
        text = text.removeprefix("-")  # -0,02 written with one decimal is 0,0, not -0,0
    return text.replace(",", "_").replace(".", locale.decimal).replace("_", locale.thousands)


def reads_zero(text: str) -> bool:
    """Return True when a written number shows no digit but zeros ('0,0', '-0', 'Rp 0', '0,0 poin')."""
    return not any(ch in "123456789" for ch in text)


def percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """Return a percentage such as 45,3% (id) or 45.3% (en)."""
    return MISSING if is_missing(value) else f"{number(value, lang, decimals)}%"


def rupiah(value: float | None, lang: str, compact: bool = True) -> str:
    """Return Rupiah: 'Rp 1,2 M' / 'IDR 1.2 bn' when compact, else 'Rp 1.234.567'."""
    if is_missing(value):
        return MISSING
    prefix = t("fmt_currency", lang)
    if compact:
        for size, unit in RUPIAH_UNITS[lang]:
            if abs(value) >= size:
                return f"{prefix} {number(value / size, lang, 1)} {unit}"
    return f"{prefix} {number(value, lang, 0)}"


def signed(value: float | None, render: Callable[[float], str]) -> str:
    """Return a change as its sign followed by the rendered size: '+Rp 22,3 jt', '-Rp 744', '0'.

    The sign leads (never 'Rp -744'): people read the direction first, and st.metric takes it from
    the first character."""
    if is_missing(value):
        return MISSING
    size = render(abs(value))
    if reads_zero(size):
        return size  # a change that rounds to nothing has no direction: no sign, so no arrow
    return ("+" if value > 0 else "-" if value < 0 else "") + size


def points(value: float | None, lang: str, decimals: int = 1) -> str:
    """Return a signed change in percentage points: '+3,2 poin' / '+3.2 pts'; '0,0 poin' without a sign when it
    rounds to nothing."""
    if is_missing(value):
        return MISSING
    written = number(value, lang, decimals)
    sign = "+" if value > 0 and not reads_zero(written) else ""
    return f"{sign}{written} {t('fmt_points', lang)}"


def plotly_separators(lang: str) -> str:
    """Return plotly's `separators` layout value: decimal mark then thousands mark."""
    return LOCALES[lang].decimal + LOCALES[lang].thousands


def shown(value: object, render: Callable[[float], str]) -> str:
    """Return '<5' for a value the small-group rule hid (analytics.privacy), else the value rendered."""
    return value if privacy.is_hidden(value) else render(value)
