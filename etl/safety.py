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
from pathlib import Path

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
    if total > MAX_UNCOMPRESSED_BYTES:
        return (
            f"file Excel akan mengembang menjadi {_mb(total)} MB saat dibuka (batas {_mb(MAX_UNCOMPRESSED_BYTES)} MB); "
            "file ini tidak dibuka. Pecah data menjadi beberapa file atau simpan sebagai CSV."
        )
    for m in members:
        if problem := _size_problem(m.filename, m.file_size, m.compress_size, total):
            return problem
    return _inflated_problem(path, members)


def _size_problem(name: str, size: int, compressed: int, total: int) -> str | None:
    """Return why a member of `size` bytes from `compressed` bytes, in an archive unpacking to `total`
    bytes, is refused (plain Indonesian), or None."""
    if total > MAX_UNCOMPRESSED_BYTES:
        return (
            f"file Excel akan mengembang menjadi lebih dari {_mb(MAX_UNCOMPRESSED_BYTES)} MB saat dibuka; "
            "file ini tidak dibuka. Pecah data menjadi beberapa file atau simpan sebagai CSV."
        )
    if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(compressed, 1):
        return (
            f"bagian '{name}' di dalam file Excel dimampatkan {size // max(compressed, 1)} kali (batas {MAX_RATIO}); "
            "file seperti ini biasanya bukan hasil Excel (zip bomb) dan tidak dibuka."
        )
    return None


def _inflated_problem(path: Path, members: list[zipfile.ZipInfo]) -> str | None:
    """Inflate every member's compressed bytes in counted chunks (kept nowhere) and return why the archive
    is refused when what it really unpacks to breaks a limit, whatever its headers say; else None."""
    total = 0
    with path.open("rb") as fh:
        for m in members:
            if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                return (
                    f"bagian '{m.filename}' di dalam file Excel memakai cara pemampatan yang tidak dipakai Excel; "
                    "file ini tidak dibuka."
                )
            fh.seek(m.header_offset)
            signature, name_length, extra_length = LOCAL_HEADER.unpack(fh.read(LOCAL_HEADER.size))
            if signature != b"PK\x03\x04":
                return None  # a broken archive: the reader reports it in its own words
            fh.seek(name_length + extra_length, 1)
            inflate = zlib.decompressobj(-15) if m.compress_type == zipfile.ZIP_DEFLATED else None
            size, left = 0, m.compress_size
            while left > 0 and not (inflate and inflate.eof):
                data = fh.read(min(left, CHUNK_BYTES))
                if not data:
                    break
                left -= len(data)
                while data:
                    if inflate is None:
                        produced, data = len(data), b""
                    else:
                        try:
                            produced = len(inflate.decompress(data, CHUNK_BYTES))
                        except zlib.error:
                            return None  # corrupt data: the reader reports it
                        data = inflate.unconsumed_tail
                    size += produced
                    if problem := _size_problem(m.filename, size, m.compress_size, total + size):
                        return problem
            total += size
    return None
