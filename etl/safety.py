"""Checks a workbook must pass before anything parses it: an .xlsx is a ZIP archive, and a small archive
can claim to unpack into gigabytes (a decompression bomb) that the reader would try to hold in memory.

The check reads only the archive's directory (`zipfile` infolist: declared sizes), never the content.
A header that understates a member's size does not get past the reader either: ZIP readers stop at the
declared size and the member then fails its CRC, which the reader reports as an unreadable file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_UNCOMPRESSED_BYTES = 1024**3  # 1 GiB: Excel's largest sheet (1,048,576 rows) of a dataset's columns fits
MAX_MEMBERS = 10_000  # a workbook with the dataset's sheets has a few dozen parts
MAX_RATIO = 200  # legitimate sheet XML compresses 5-30 times, repetitive ones up to about 100
RATIO_FROM_BYTES = 1024**2  # small members (styles, empty sheets) may compress far better: only judged above 1 MiB


def _mb(n: int) -> str:
    return f"{n / 1024**2:,.0f}".replace(",", ".")


def xlsx_problem(path: Path) -> str | None:
    """Return why the workbook at `path` must not be opened (plain Indonesian), or None when its archive is
    within the limits. Not a ZIP at all: None, so the reader reports the broken file in its own words."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if len(members) > MAX_MEMBERS:
        return f"file Excel berisi {len(members)} bagian (batas {MAX_MEMBERS}); file ini tidak dibuka."
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return (
            f"file Excel akan mengembang menjadi {_mb(total)} MB saat dibuka (batas {_mb(MAX_UNCOMPRESSED_BYTES)} MB); "
            "file ini tidak dibuka. Pecah data menjadi beberapa file atau simpan sebagai CSV."
        )
    for m in members:
        if m.file_size > RATIO_FROM_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            return (
                f"bagian '{m.filename}' di dalam file Excel dimampatkan {ratio} kali (batas {MAX_RATIO}); "
                "file seperti ini biasanya bukan hasil Excel (zip bomb) dan tidak dibuka."
            )
    return None
