"""The data behind every chart: an XLSX workbook (one sheet per chart) and a ZIP of CSV files.

Cells keep the warehouse's numbers (not text), with number formats for Rupiah, percentages and counts,
and column headers in the chosen language (analytics.tables.header).
"""

from __future__ import annotations

import zipfile
from io import BytesIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analytics import privacy
from analytics.meeting_files.content import Report, Section
from analytics.meeting_files.downloads import csv_bytes
from analytics.present.tables import header
from analytics.texts import t

RUPIAH_COLUMNS = ("pagu", "realisasi", "biaya", "belanja_daerah")
HEADER_ROW = 4  # rows 1-2 hold the chart's title and takeaway


# IP ASN figures and their dimension means (analytics.queries.ip_asn), published with two decimals (78,25).
IP_ASN_COLUMNS = ("ip_asn", "kualifikasi", "kompetensi", "kinerja_pns", "kinerja_pppk", "disiplin")


def number_format(column: str, series: pd.Series, lang: str) -> str | None:
    """Return the Excel number format of a column (None for text; a column of numbers and '<5' is numbers):
    Rupiah, percent of 0-100, year, count or decimal. Excel draws the separators of the reader's locale (1.234,5
    on an Indonesian system)."""
    if not pd.api.types.is_numeric_dtype(series):  # numbers beside '<5' (in this sheet or rows left out of it)
        shown = series.dropna()
        series = pd.to_numeric(shown[~shown.map(privacy.is_hidden)], errors="coerce")
        if series.empty or series.isna().any():
            return None
    if column == "tahun":
        return "0"
    if column.startswith(RUPIAH_COLUMNS):
        return f'"{t("fmt_currency", lang)} "#,##0'
    if column.startswith("persen"):
        return '0.0"%"'
    if column in ("ikm", "nrr") or column.startswith(IP_ASN_COLUMNS):  # written with two decimals, as published
        return "0.00"
    if pd.api.types.is_integer_dtype(series):
        return "#,##0"
    return "#,##0.0"


def _value(value: object) -> object:
    """Return a cell value openpyxl can store: None for missing, plain Python numbers."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _sheet(book: Workbook, section: Section, lang: str) -> None:
    sheet = book.create_sheet(section.key[:31])
    sheet["A1"] = section.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = section.takeaway or section.caption
    table = section.table
    shown = table  # released: '<5' already stands for numbers about fewer than 5 people
    for c, column in enumerate(table.columns, start=1):
        cell = sheet.cell(HEADER_ROW, c, header(column, lang))
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(c)].width = max(12, min(42, len(cell.value) + 4))
        fmt = number_format(column, table[column], lang)
        for r, value in enumerate(shown[column], start=HEADER_ROW + 1):
            cell = sheet.cell(r, c, _value(value))
            if fmt:
                cell.number_format = fmt
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)


def xlsx_bytes(report: Report) -> bytes:
    """Return the workbook: an 'about' sheet (title, period, date of data, notice, findings), then one sheet
    per chart and one for the appendix, each named by the section's key with the table from row 4."""
    lang = report.lang
    book = Workbook()
    about = book.active
    about.title = t("x_info_sheet", lang)
    about.column_dimensions["A"].width = 110
    lines: list[tuple[str, bool]] = [(report.title, True)]
    for section in report.sections:
        if section.kind == "title":
            lines += [(line, False) for line in section.lines]
            lines += [(report.notice, True)] if report.notice else []
        elif section.kind == "findings":
            lines += [("", False), (section.title, True), *[(f"• {line}", False) for line in section.lines]]
    lines += [("", False), (t("x_contents", lang), True)]
    lines += [(f"{s.key[:31]}: {s.title}", False) for s in report.sections if s.table is not None]
    for r, (line, bold) in enumerate(lines, start=1):
        about.cell(r, 1, line).font = Font(bold=bold, size=14 if r == 1 else 11)
    for section in report.sections:
        if section.table is not None:
            _sheet(book, section, lang)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def csv_zip(report: Report) -> bytes:
    """Return a ZIP with one CSV per table of the report (headers in the chosen language, Indonesian CSV
    conventions for lang=id), named like the workbook's sheets."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, section in enumerate((s for s in report.sections if s.table is not None), start=1):
            table = section.table.rename(columns=lambda c: header(c, report.lang))
            archive.writestr(f"{i:02d}_{section.key}.csv", csv_bytes(table, report.lang))
    return out.getvalue()
