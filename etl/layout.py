"""Tables as people lay them out in a spreadsheet or CSV, for every reader of such files: contract files
(etl/read.py) and SIASN files (etl/siasn.py) alike.

Title rows above the header, a header over two rows (a merged "Tanggal" over "Mulai" and "Selesai"), a cell
as a person reads it, and what Excel makes of an 18-digit number. Nothing here knows a dataset: the caller says
how a header cell names a column (`name`) and which names it knows (`known`).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

HEADER_SEARCH_ROWS = 20  # a header may sit below a few title rows
# Floats from a spreadsheet are exact integers only below 2**53; an 18-digit NIP typed as a number
# has already lost its last digits in Excel, so it is passed on in scientific form and rejected.
EXACT_FLOAT = 2**53
# What Excel leaves of an 18-digit number: "1,98503E+17" (General format), or its first 15 digits and "000"
# (a number format without decimals). No NIP ends in 000: its last three digits are a serial number from 001.
EXCEL_SCIENTIFIC = r"^[0-9][.,][0-9]+[eE]\+?[0-9]+$"
EXCEL_CUT_DIGITS = r"^[0-9]{15}000$"

Namer = Callable[[object], str]  # a header cell -> the column name it stands for


class Header(NamedTuple):
    """Where a table's header is and what it says: its first row (0-based), the rows it spans (1 or 2), a
    column name per cell, how many of `known` it names, and each column's header as written (the two cells
    of a two-row header joined: "Tanggal Mulai")."""

    at: int
    span: int
    names: list[str]
    hits: int
    written: list[str]


def cell_text(value: object) -> str | None:
    """Return a spreadsheet cell as text the way a person reads it.

    Dates become yyyy-mm-dd; whole numbers are written without separators; other numbers with a
    decimal comma (the Indonesian way, so the number parser reads them unambiguously); a number
    too large to be exact (a NIP typed as a number) in scientific form, which no column accepts.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if abs(value) >= EXACT_FLOAT:
            return f"{value:.14E}"
        if value.is_integer():
            return str(int(value))
        return repr(value).replace(".", ",")
    return str(value)


def _written(value: object) -> str:
    """Return a header cell as written, without surrounding space ('' for an empty cell)."""
    return (cell_text(value) or "").strip()


def two_row_header(top: list, bottom: list, name: Namer, known: set[str]) -> tuple[list[str], list[str]]:
    """Return (column names, headers as written) of a header written over two rows: per column the lower cell
    ("Mulai"), the upper cell it sits under joined to it ("Tanggal" merged over two columns + "Mulai" ->
    tanggal_mulai) or the upper cell alone (a cell merged down over both rows), whichever names a column of
    `known`; else the lower cell, or the upper one when the lower is empty."""
    names, written, above = [], [], ""
    for j in range(max(len(top), len(bottom))):
        upper = _written(top[j]) if j < len(top) else ""
        lower = _written(bottom[j]) if j < len(bottom) else ""
        if upper:
            above = upper  # a merged cell holds its value in its first column only
        texts = [lower, f"{above} {lower}".strip(), upper]
        candidates = [name(text) for text in texts]
        chosen = next((k for k, c in enumerate(candidates) if c in known), 0 if candidates[0] else 2)
        names.append(candidates[chosen])
        written.append(texts[chosen])
    return names, written


def find_header(rows: list[list], name: Namer, known: set[str]) -> Header | None:
    """Return the header among the first rows of a sheet or CSV, or None when no row names a column of `known`.

    The header is the row naming the most known columns; a pair of rows is taken instead when together
    they name more than either alone (a header split over two rows, merged cells above sub-headers)."""
    rows = rows[:HEADER_SEARCH_ROWS]
    best: Header | None = None
    for i, row in enumerate(rows):
        names = [name(v) for v in row]
        hits = len(known & set(names))
        if hits and (best is None or hits > best.hits):
            best = Header(i, 1, names, hits, [_written(v) for v in row])
    for i in range(len(rows) - 1):
        names, written = two_row_header(rows[i], rows[i + 1], name, known)
        hits = len(known & set(names))
        if hits > (best.hits if best else 0):
            best = Header(i, 2, names, hits, written)
    return best


def find_csv_header(
    lines: list[str], delimiters: Iterable[str], name: Namer, known: set[str]
) -> tuple[Header, str] | None:
    """Return (header, delimiter) of the first lines of a CSV: the delimiter whose split names the most columns of
    `known` (the first of `delimiters` on a tie), or None when no split names one."""
    best: tuple[Header, str] | None = None
    for delimiter in delimiters:
        found = find_header([next(csv.reader([line], delimiter=delimiter), []) for line in lines], name, known)
        if found is not None and found.hits > (best[0].hits if best else 0):
            best = (found, delimiter)
    return best


def first_filled(row: Iterable[object]) -> str | None:
    """Return the first cell of a row with text in it, as cell_text writes it (a total row says Jumlah there)."""
    return next((t for v in row if (t := cell_text(v)) and t.strip()), None)
