"""Meeting files of a view: the content is built once (content.py) and rendered to each format here.

    report = content.overview(fetch, ctx)
    data = render(report, "pptx")

Formats: pptx (16:9 deck), pdf (A4 report), html (offline handout), xlsx (one sheet per chart),
csv (ZIP of CSV files), png (ZIP of chart images). pptx, pdf and png need Chromium (images.available()).
No Streamlit here.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from io import BytesIO

from analytics.context import SIDE_BY_SIDE
from analytics.meeting_files import images
from analytics.meeting_files.content import Report

FORMATS = {  # format -> (MIME type, file extension, needs chart images)
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", True),
    "pdf": ("application/pdf", "pdf", True),
    "html": ("text/html", "html", False),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", False),
    "csv": ("application/zip", "zip", False),
    "png": ("application/zip", "zip", True),
}


def pictures(report: Report, keep_open: bool = False) -> dict[str, bytes]:
    """Return the PNG of every chart section of `report`, by section key, sized for a slide or a page
    (`keep_open`: reuse the process's browser, see images.png)."""
    sections = report.charts()
    rendered = images.png([images.for_print(s.figure) for s in sections], keep_open=keep_open)
    return {s.key: png for s, png in zip(sections, rendered, strict=True)}


def png_zip(report: Report, rendered: dict[str, bytes] | None = None, keep_open: bool = False) -> bytes:
    """Return a ZIP of one PNG per chart, numbered in the report's order (`rendered`: pictures already made)."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for i, (key, png) in enumerate((rendered or pictures(report, keep_open)).items(), start=1):
            archive.writestr(f"{i:02d}_{key}.png", png)
    return out.getvalue()


def render(report: Report, fmt: str, keep_open: bool = False) -> bytes:
    """Return the file of `report` in format `fmt` (a key of FORMATS) as bytes (`keep_open`: reuse the
    process's browser for chart images, as the app does).

    Raises images.ImagesUnavailable for pptx, pdf and png when there is no Chromium, ValueError for an
    unknown format.
    """
    size = (images.WIDTH, images.HEIGHT)
    if fmt == "pptx":
        from analytics.meeting_files.deck import pptx_bytes

        return pptx_bytes(report, pictures(report, keep_open), size)
    if fmt == "pdf":
        from analytics.meeting_files.report import pdf_bytes

        return pdf_bytes(report, pictures(report, keep_open), size)
    if fmt == "html":
        from analytics.meeting_files.handout import html_bytes

        return html_bytes(report)
    if fmt == "xlsx":
        from analytics.meeting_files.workbook import xlsx_bytes

        return xlsx_bytes(report)
    if fmt == "csv":
        from analytics.meeting_files.workbook import csv_zip

        return csv_zip(report)
    if fmt == "png":
        return png_zip(report, keep_open=keep_open)
    raise ValueError(f"unknown format: {fmt!r}")


def file_name(
    kota: tuple[str, ...], tahun_akhir: int, fmt: str, focus: str | None = None, provinsi: str | None = None
) -> str:
    """Return a download name such as 'pembinaan_asn_pontianak_makassar_2025.pptx', for one city among more
    than fit side by side 'pembinaan_asn_pontianak_di_antara_98_kota_2025.pptx', and for many with none of them
    the reader's 'pembinaan_asn_98_kota_2025.pptx' or, a province highlighted,
    'pembinaan_asn_jawa-barat_di_antara_98_kota_2025.pptx'."""

    if len(kota) > SIDE_BY_SIDE and (focus in kota or provinsi):
        return f"pembinaan_asn_{slug(focus or provinsi)}_di_antara_{len(kota)}_kota_{tahun_akhir}.{FORMATS[fmt][1]}"
    if len(kota) > SIDE_BY_SIDE:
        return f"pembinaan_asn_{len(kota)}_kota_{tahun_akhir}.{FORMATS[fmt][1]}"
    return f"pembinaan_asn_{cities_slug(kota)}_{tahun_akhir}.{FORMATS[fmt][1]}"


def slug(name: str) -> str:
    """Return a name as a file name writes it: 'Jawa Barat' -> 'jawa-barat'."""
    return name.lower().replace(" ", "-")


def cities_slug(kota: Sequence[str]) -> str:
    """Return the cities of a file's name: the first four slugs joined by '_', '_dll' after them when more."""
    return "_".join(slug(k) for k in list(kota)[:4]) + ("_dll" if len(kota) > 4 else "")
