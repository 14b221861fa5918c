"""Files people take away. CSV for spreadsheet programs in the reader's locale."""

from __future__ import annotations

import pandas as pd

from analytics.present import formatting as fmt


def csv_bytes(table: pd.DataFrame, lang: str) -> bytes:
    """Return a CSV that opens correctly in Excel: ';' and ',' decimals for Indonesian, ',' and '.'
    for English; UTF-8 with a byte-order mark. `table` is a released frame (analytics.privacy.release), so
    numbers about fewer than 5 people already read '<5'."""
    locale = fmt.LOCALES[lang]
    text = table.to_csv(index=False, sep=locale.csv_separator, decimal=locale.decimal)
    return ("\ufeff" + text).encode("utf-8")
