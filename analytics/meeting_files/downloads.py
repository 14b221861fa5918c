"""Files people take away. CSV for spreadsheet programs in the reader's locale."""

from __future__ import annotations

import pandas as pd

from analytics.privacy import suppress


def csv_bytes(table: pd.DataFrame, lang: str = "id") -> bytes:
    """Return a CSV that opens correctly in Excel: ';' and ',' decimals for Indonesian, ',' and '.'
    for English; UTF-8 with a byte-order mark. Numbers about fewer than 5 people read '<5'
    (analytics.privacy)."""
    sep, decimal = (";", ",") if lang == "id" else (",", ".")
    text = suppress(table).to_csv(index=False, sep=sep, decimal=decimal)
    return ("\ufeff" + text).encode("utf-8")
