"""Checks a workbook must pass before anything parses it: an .xlsx is a ZIP archive, and a small archive
can claim to unpack into gigabytes (a decompression bomb) that the reader would try to hold in memory.

Two passes. First the archive's directory (`zipfile` infolist: the sizes it declares), which refuses an
honest bomb without unpacking a byte. Then each member's compressed bytes are inflated here, in chunks
that are counted and thrown away, so a header that understates a size is caught by what the data really
unpacks to, not by what the header claims: nothing reaches the Excel reader past the same limits.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MAX_UNCOMPRESSED_BYTES = 1024**3  # 1 GiB: Excel's largest sheet (1,048,576 rows) of a dataset's columns fits
MAX_MEMBERS = 10_000  # a workbook with the dataset's sheets has a few dozen parts
MAX_RATIO = 200  # legitimate sheet XML compresses 5-30 times, repetitive ones up to about 100
RATIO_FROM_BYTES = 1024**2  # small members (styles, empty sheets) may compress far better: only judged above 1 MiB
CHUNK_BYTES = 1024**2  # compressed bytes read, and bytes inflated, per step of the second pass
LOCAL_HEADER = struct.Struct("<4s22xHH")  # a member's local header: signature, then name and extra lengths


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
    for m in members:
        if problem := _size_problem(m.filename, m.file_size, m.compress_size, total):
            return problem
    return _inflated_problem(path, members)


def _size_problem(name: str, size: int, compressed: int, total: int) -> str | None:
    """Return why a member of `size` bytes from `compressed` bytes, in an archive unpacking to `total`
    bytes, is refused (plain Indonesian), or None."""
    if total > MAX_UNCOMPRESSED_BYTES:
        return (
            f"file Excel akan mengembang menjadi {_mb(total)} MB atau lebih saat dibuka "
            f"(batas {_mb(MAX_UNCOMPRESSED_BYTES)} MB); file ini tidak dibuka. "
            "Pecah data menjadi beberapa file atau simpan sebagai CSV."
        )
    if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(compressed, 1):
        return (
            f"bagian '{name}' di dalam file Excel dimampatkan {size // max(compressed, 1)} kali (batas {MAX_RATIO}); "
            "file seperti ini biasanya bukan hasil Excel (zip bomb) dan tidak dibuka."
        )
    return None


def _inflated_problem(path: Path, members: list[zipfile.ZipInfo]) -> str | None:
    """Inflate every member's compressed bytes in counted chunks (kept nowhere) and return why the archive
    is refused when what it really unpacks to breaks a limit, whatever its headers say; else None (also
    for a broken archive, which the reader reports in its own words)."""
    total = 0
    with path.open("rb") as fh:
        for m in members:
            if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                return (
                    f"bagian '{m.filename}' di dalam file Excel memakai cara pemampatan yang tidak dipakai Excel; "
                    "file ini tidak dibuka."
                )
            size = 0
            try:
                for produced in _inflated_chunks(fh, m):
                    size += produced
                    if problem := _size_problem(m.filename, size, m.compress_size, total + size):
                        return problem
            except (zlib.error, struct.error, ValueError):
                return None
            total += size
    return None


def _inflated_chunks(fh: BinaryIO, member: zipfile.ZipInfo) -> Iterator[int]:
    """Yield how many bytes each step of a stored or deflated member's data unpacks to (at most CHUNK_BYTES
    each). Raises ValueError or struct.error for a broken local header, zlib.error for broken data."""
    fh.seek(member.header_offset)
    signature, name_length, extra_length = LOCAL_HEADER.unpack(fh.read(LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise ValueError("no local header")
    fh.seek(name_length + extra_length, 1)
    inflate = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    left = member.compress_size
    while left > 0 and not (inflate and inflate.eof) and (data := fh.read(min(left, CHUNK_BYTES))):
        left -= len(data)
        if inflate is None:
            yield len(data)
            continue
        while data:
            yield len(inflate.decompress(data, CHUNK_BYTES))
            data = inflate.unconsumed_tail
