"""Decompression bombs: an .xlsx whose archive would unpack into something absurd is refused, with a message in
Indonesian naming the file, before the Excel reader unpacks it; ordinary workbooks still load."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from conftest import minimal_rows, write_folder
from openpyxl import Workbook

from etl import pipeline
from etl.contract import DATASETS
from etl.safety import MAX_RATIO, MAX_UNCOMPRESSED_BYTES, RATIO_FROM_BYTES, xlsx_problem

CHUNK = bytes(16 * 1024 * 1024)


def pegawai_xlsx(path: Path) -> Path:
    """Write a valid pegawai workbook (two employees) and return its path."""
    book = Workbook()
    sheet = book.active
    head = [c.name for c in DATASETS["pegawai"].columns]
    sheet.append(head)
    for row in minimal_rows()["pegawai"][:2]:
        sheet.append([row.get(h, "") for h in head])
    book.save(path)
    return path


def add_zeros(path: Path, member: str, size: int) -> Path:
    """Append a member of `size` zero bytes to the workbook's archive (it compresses about a thousand times)."""
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(member, "w", force_zip64=True) as fh,
    ):
        left = size
        while left > 0:
            fh.write(CHUNK[: min(left, len(CHUNK))])
            left -= len(CHUNK)
    return path


def folder_with(tmp_path: Path, workbook: Path) -> Path:
    """A source folder: the minimal CSVs without pegawai.csv, plus the given pegawai workbook."""
    rows = minimal_rows()
    del rows["pegawai"]
    folder = write_folder(tmp_path / "sumber", rows)
    workbook.rename(folder / "pegawai.xlsx")
    return folder


def test_an_ordinary_workbook_passes(tmp_path: Path) -> None:
    assert xlsx_problem(pegawai_xlsx(tmp_path / "pegawai.xlsx")) is None


def test_a_file_that_is_not_a_zip_is_left_to_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan excel")
    assert xlsx_problem(path) is None


def test_a_member_compressed_beyond_the_ratio_limit_is_refused(tmp_path: Path) -> None:
    path = add_zeros(pegawai_xlsx(tmp_path / "pegawai.xlsx"), "xl/worksheets/sheet9.xml", 64 * 1024 * 1024)
    problem = xlsx_problem(path)
    assert problem is not None and "sheet9.xml" in problem and f"batas {MAX_RATIO}" in problem


def test_a_workbook_that_would_unpack_beyond_the_size_limit_is_refused_by_the_load(tmp_path: Path) -> None:
    bomb = add_zeros(pegawai_xlsx(tmp_path / "bom.xlsx"), "xl/worksheets/sheet2.xml", MAX_UNCOMPRESSED_BYTES + 1024**2)
    assert bomb.stat().st_size < 10 * 1024**2  # a small upload
    folder = folder_with(tmp_path, bomb)
    db = tmp_path / "gudang" / "warehouse.duckdb"
    report = pipeline.load(folder, db)
    assert report.status == "failed"
    assert [e["file"] for e in report.errors] == ["pegawai.xlsx"]
    assert "mengembang" in report.errors[0]["message"] and "tidak dibuka" in report.errors[0]["message"]
    assert not db.exists()  # nothing was written


def test_the_same_folder_with_an_ordinary_workbook_loads(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, pegawai_xlsx(tmp_path / "biasa.xlsx"))
    report = pipeline.load(folder, tmp_path / "gudang" / "warehouse.duckdb")
    assert report.status == "ok", report.errors


@pytest.mark.parametrize("members", [3, 12_000])
def test_an_archive_with_absurdly_many_parts_is_refused(tmp_path: Path, members: int) -> None:
    path = pegawai_xlsx(tmp_path / "pegawai.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(members):
            archive.writestr(f"xl/media/x{i}.bin", b"")
    problem = xlsx_problem(path)
    assert (problem is None) if members == 3 else ("bagian" in problem)


def understate(path: Path, member: str, size: int) -> Path:
    """Rewrite the archive's headers so that `member` claims to unpack to `size` bytes (its data unchanged)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    struct.pack_into("<I", data, local + 22, size)  # local header: uncompressed size
    central = data.index(b"PK\x01\x02")  # first central directory entry
    while True:
        length, extra, comment = struct.unpack_from("<HHH", data, central + 28)
        if data[central + 46 : central + 46 + length] == name:
            struct.pack_into("<I", data, central + 24, size)  # central directory: uncompressed size
            break
        central = data.index(b"PK\x01\x02", central + 46 + length + extra + comment)
    path.write_bytes(bytes(data))
    return path


def test_a_member_that_understates_its_size_is_refused_by_what_it_really_unpacks_to(tmp_path: Path) -> None:
    path = pegawai_xlsx(tmp_path / "pegawai.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet9.xml", bytes(64 * 1024 * 1024))
    understate(path, "xl/worksheets/sheet9.xml", 1000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet9.xml").file_size == 1000  # the directory alone looks harmless
    problem = xlsx_problem(path)
    assert problem is not None and "sheet9.xml" in problem and f"batas {MAX_RATIO}" in problem


def test_the_load_refuses_a_workbook_that_lies_about_its_size_and_writes_nothing(tmp_path: Path) -> None:
    path = pegawai_xlsx(tmp_path / "bohong.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet2.xml", bytes(64 * 1024 * 1024))
    folder = folder_with(tmp_path, understate(path, "xl/worksheets/sheet2.xml", 10))
    db = tmp_path / "gudang" / "warehouse.duckdb"
    report = pipeline.load(folder, db)
    assert report.status == "failed" and [e["file"] for e in report.errors] == ["pegawai.xlsx"]
    assert "zip bomb" in report.errors[0]["message"]
    assert not db.exists()


def test_a_large_ordinary_workbook_passes_the_second_pass_too(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for i in range(40_000):  # sheet XML of several MiB, compressed the way Excel's are
        sheet.append([f"1985031220100{i:05d}", f"Pegawai {i}", "Pontianak", "Dinas Pendidikan", i % 7, 2010 + i % 15])
    book.save(tmp_path / "besar.xlsx")
    with zipfile.ZipFile(tmp_path / "besar.xlsx") as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > RATIO_FROM_BYTES  # judged by the ratio rule
    assert xlsx_problem(tmp_path / "besar.xlsx") is None
