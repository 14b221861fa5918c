"""Files as offices really make them: pasted together from two editors, cells with line breaks, headers
over two rows with merged cells, subtotal rows in the middle of a sheet. Each is loaded with the real
pipeline and compared with what the same rows give as a clean file.

Line numbers are rows as a spreadsheet shows the file: a line break inside a quoted cell (Alt+Enter in
Excel) stays in its row and does not move the numbers of the rows after it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import NIP_A, minimal_rows, pegawai, query, write_folder

from etl import pipeline
from etl.contract import DATASETS
from settings import PSEUDONYM_KEY_ENV

PEGAWAI = [c.name for c in DATASETS["pegawai"].columns]
MANY = [  # the last cell filled: a CR before the line break then sits right after a value
    pegawai(f"19850312201001{i:04d}", opd="Dinas Pendidikan; Kebudayaan", tanggal_keluar="2040-12-31")
    for i in range(1000, 1300)
]


def folder_with_pegawai(tmp_path: Path, content: bytes, name: str = "pegawai.csv") -> Path:
    """Return a valid folder whose pegawai file is `content` (written as is)."""
    rows = minimal_rows()
    del rows["pegawai"]
    rows.pop("peserta")
    folder = write_folder(tmp_path / "sumber", rows)
    (folder / name).write_bytes(content)
    return folder


def semicolon_lines(rows: list[dict]) -> list[str]:
    """Return the header and rows as ';' lines, cells with a ';' or a line break quoted."""

    def cell(value: str) -> str:
        return f'"{value}"' if any(ch in value for ch in ';\n"') else value

    return [";".join(PEGAWAI)] + [";".join(cell(r.get(c, "")) for c in PEGAWAI) for r in rows]


def loaded(folder: Path, tmp_path: Path) -> tuple[pipeline.Report, Path]:
    """Load `folder` into a new warehouse; return (report, warehouse)."""
    db = tmp_path / "gudang" / "w.duckdb"
    return pipeline.load(folder, db), db


def rejects(db: Path) -> list[tuple]:
    """Return the warehouse's rejects as (file, line, column)."""
    return query(db, "SELECT file, line, column_name FROM etl_rejects ORDER BY line")


@pytest.mark.parametrize(
    "endings",
    [
        lambda n: ["\r\n"] * 3 + ["\n"] * (n - 3),  # a CRLF file continued in an LF editor
        lambda n: ["\n"] * (n // 2) + ["\r\n"] * (n - n // 2),  # CRLF rows appended to an LF file
        lambda n: ["\n"] * (n - 150) + ["\r\n"] + ["\n"] * 149,  # one row edited in another editor
    ],
    ids=["crlf-then-lf", "crlf-appended", "one-crlf-line"],
)
def test_crlf_and_lf_lines_mixed_anywhere_load_every_row(tmp_path, endings):
    lines = semicolon_lines(MANY)
    text = "".join(line + end for line, end in zip(lines, endings(len(lines)), strict=True))
    report, db = loaded(folder_with_pegawai(tmp_path, text.encode()), tmp_path)
    assert report.errors == []
    assert report.datasets["pegawai"]["rows_loaded"] == len(MANY)
    assert query(db, "SELECT DISTINCT opd FROM raw_pegawai") == [("Dinas Pendidikan; Kebudayaan",)]


def test_a_mixed_line_ending_file_still_reports_its_bad_rows_by_row(tmp_path):
    rows = [*MANY[:5], pegawai("19850312201001999", opd="Bappeda"), *MANY[5:]]  # 17 digits: row 7
    lines = semicolon_lines(rows)
    text = "\r\n".join(lines[:4]) + "\r\n" + "\n".join(lines[4:]) + "\n"
    report, db = loaded(folder_with_pegawai(tmp_path, text.encode()), tmp_path)
    assert report.datasets["pegawai"]["rows_loaded"] == len(MANY)
    assert rejects(db) == [("pegawai.csv", 7, "nip")]


def test_a_line_break_inside_a_quoted_cell_does_not_shift_the_rows_after_it(tmp_path):
    rows = [
        pegawai(NIP_A, opd="Dinas Pendidikan\ndan Kebudayaan"),  # row 2, two lines in a text editor
        pegawai("199001012015032002", opd="Bappeda\r\nBidang\nSDM"),  # row 3, three lines
        pegawai("197805052005011003", jenis_asn="Honorer"),  # row 4 in the spreadsheet, line 7 in an editor
    ]
    lines = semicolon_lines(rows)
    text = "\n".join(lines[:3]) + "\n\n" + lines[3] + "\n"  # a blank row 4: the bad row is row 5
    report, db = loaded(folder_with_pegawai(tmp_path, text.encode()), tmp_path)
    assert rejects(db) == [("pegawai.csv", 5, "jenis_asn")]
    assert report.datasets["pegawai"]["rows_loaded"] == 2
    kept = query(db, "SELECT _line, opd FROM raw_pegawai ORDER BY _line")
    assert kept == [(2, "Dinas Pendidikan\ndan Kebudayaan"), (3, "Bappeda\r\nBidang\nSDM")]


def test_an_empty_line_inside_a_quoted_cell_is_no_blank_row(tmp_path):
    rows = [
        pegawai(NIP_A, opd="Dinas Pendidikan\n\nBidang GTK"),  # row 2
        pegawai("199001012015032002", tahun_lahir="1890"),  # row 3: out of range
    ]
    report, db = loaded(folder_with_pegawai(tmp_path, ("\n".join(semicolon_lines(rows)) + "\n").encode()), tmp_path)
    assert rejects(db) == [("pegawai.csv", 3, "tahun_lahir")]
    assert report.datasets["pegawai"]["rows_skipped"] == 0


def test_a_line_too_short_after_a_multiline_cell_is_rejected_at_its_row(tmp_path):
    rows = [pegawai(NIP_A, opd="Dinas\nPendidikan"), pegawai("199001012015032002")]
    lines = semicolon_lines(rows)
    last = semicolon_lines([pegawai("197805052005011003")])[1]
    text = "\n".join([*lines, "197805052005011003;Nama;Pontianak", last]) + "\n"
    report, db = loaded(folder_with_pegawai(tmp_path, text.encode()), tmp_path)
    assert [(line, column) for _, line, column in rejects(db)] == [(4, None)]
    assert query(db, "SELECT _line FROM raw_pegawai ORDER BY _line") == [(2,), (3,), (5,)]
    assert report.datasets["pegawai"]["rows_rejected"] == 1


TWO_ROW = [  # (upper cell, lower cell, contract column): "Pegawai" merged over NIP and Nama, and so on
    ("No", None, None),
    ("Pegawai", "NIP", "nip"),
    (None, "Nama", "nama"),
    ("Unit Kerja", "Kota", "kota"),
    (None, "OPD", "opd"),
    ("ASN", "Jenis ASN", "jenis_asn"),
    (None, "Kategori Jabatan", "kategori_jabatan"),
    (None, "Golongan", "golongan"),
    ("Jenis Kelamin", None, "jenis_kelamin"),
    ("Tahun", "Lahir", "tahun_lahir"),
    ("Pendidikan", None, "pendidikan"),
    ("TMT", "Masuk", "tmt_masuk"),
    ("Tanggal", "Keluar", "tanggal_keluar"),
]
TWO_ROW_TOP = [upper for upper, _, _ in TWO_ROW]
TWO_ROW_BOTTOM = [lower for _, lower, _ in TWO_ROW]
TWO_ROW_COLUMNS = [column for _, _, column in TWO_ROW]


def two_row_body() -> list[list]:
    """Return minimal_rows' pegawai under the two-row header's columns, numbered."""
    people = minimal_rows()["pegawai"]
    return [[i] + [p.get(c, "") or None for c in TWO_ROW_COLUMNS[1:]] for i, p in enumerate(people, start=1)]


def clean_pegawai(tmp_path: Path) -> list[tuple]:
    """Return raw_pegawai (lineage aside) of the clean minimal folder."""
    _, db = loaded(write_folder(tmp_path / "bersih", minimal_rows()), tmp_path / "bersih")
    return query(db, "SELECT * EXCLUDE (_file, _line) FROM raw_pegawai ORDER BY ALL")


def test_a_workbook_header_over_two_rows_with_merged_cells_loads_like_the_clean_file(tmp_path, monkeypatch):
    monkeypatch.setenv(
        PSEUDONYM_KEY_ENV, "kunci-uji-rahasia-uji-yang-cukup-panjang"
    )  # the same pseudonyms in both warehouses
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DATA PEGAWAI 2024"])
    sheet.append(TWO_ROW_TOP)
    sheet.append(TWO_ROW_BOTTOM)
    for merged in ("A2:A3", "B2:C2", "D2:E2", "F2:H2", "I2:I3", "K2:K3"):
        sheet.merge_cells(merged)
    for row in two_row_body():
        sheet.append(row)
    sheet.append([None, "195001012000011001", None, None, None, "Pegawai Luar"])  # row 7: a bad jenis_asn
    rows = minimal_rows()
    folder = write_folder(tmp_path / "sumber", {k: v for k, v in rows.items() if k != "pegawai"})
    book.save(folder / "pegawai.xlsx")
    report, db = loaded(folder, tmp_path)
    assert report.errors == []
    assert query(db, "SELECT * EXCLUDE (_file, _line) FROM raw_pegawai ORDER BY ALL") == clean_pegawai(tmp_path)
    assert query(db, "SELECT min(_line) FROM raw_pegawai") == [(4,)]
    assert (7, "jenis_asn") in [(line, column) for _, line, column in rejects(db)]
    notes = next(f["notes"] for f in report.files if f["dataset"] == "pegawai")
    assert any("dua baris (2 dan 3)" in note for note in notes)


def test_a_csv_header_over_two_rows_loads_like_the_clean_file(tmp_path, monkeypatch):
    monkeypatch.setenv(
        PSEUDONYM_KEY_ENV, "kunci-uji-rahasia-uji-yang-cukup-panjang"
    )  # the same pseudonyms in both warehouses

    def line(cells: list) -> str:
        return ";".join("" if c is None else str(c) for c in cells)

    body = [line(r) for r in two_row_body()]
    text = "\n".join([line(TWO_ROW_TOP), line(TWO_ROW_BOTTOM), *body]) + "\n"
    rows = minimal_rows()
    folder = write_folder(tmp_path / "sumber", {k: v for k, v in rows.items() if k != "pegawai"})
    (folder / "pegawai.csv").write_text(text, encoding="utf-8")
    report, db = loaded(folder, tmp_path)
    assert report.errors == []
    assert query(db, "SELECT * EXCLUDE (_file, _line) FROM raw_pegawai ORDER BY ALL") == clean_pegawai(tmp_path)
    assert query(db, "SELECT _line FROM raw_pegawai ORDER BY _line") == [(3,), (4,), (5,)]


SUBTOTALS = ["Subtotal Dinas Pendidikan", "Sub Jumlah:", "Jumlah"]


def test_subtotal_rows_in_the_middle_of_a_csv_are_skipped_not_rejected(tmp_path):
    people = minimal_rows()["pegawai"]
    lines = semicolon_lines(people)
    blank = [""] * (len(PEGAWAI) - 1)
    text = "\n".join(
        [
            lines[0],
            lines[1],
            ";".join([SUBTOTALS[0], *blank]),
            lines[2],
            ";".join(["", SUBTOTALS[1], *blank[1:]]),
            lines[3],
        ]
    )
    report, db = loaded(folder_with_pegawai(tmp_path, (text + "\n").encode()), tmp_path)
    assert rejects(db) == []
    assert report.datasets["pegawai"]["rows_loaded"] == 3
    assert report.datasets["pegawai"]["rows_skipped"] == 2
    assert [(s["line"], s["reason"]) for s in report.skipped] == [
        (3, "baris Jumlah/Total (bukan data), dilewati."),
        (5, "baris Jumlah/Total (bukan data), dilewati."),
    ]


def test_subtotal_rows_in_the_middle_of_a_sheet_are_skipped_not_rejected(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", *PEGAWAI])
    for i, person in enumerate(minimal_rows()["pegawai"], start=1):
        sheet.append([i] + [person.get(c) or None for c in PEGAWAI])
        sheet.append([None, SUBTOTALS[i - 1], None, None, None, i])
    rows = minimal_rows()
    folder = write_folder(tmp_path / "sumber", {k: v for k, v in rows.items() if k != "pegawai"})
    book.save(folder / "pegawai.xlsx")
    report, db = loaded(folder, tmp_path)
    assert rejects(db) == []
    assert report.datasets["pegawai"]["rows_loaded"] == 3
    assert [s["line"] for s in report.skipped] == [3, 5, 7]


def test_a_pipe_delimited_contract_file_loads_like_the_semicolon_one(tmp_path, monkeypatch):
    """'|' is how SIASN writes its Export Data ASN: accepted for any CSV, not for SIASN's alone."""
    monkeypatch.setenv(PSEUDONYM_KEY_ENV, "kunci-uji-pipa-rahasia-yang-cukup-panjang-sekali")
    people = minimal_rows()["pegawai"]
    piped = "\n".join(line.replace(";", "|") for line in semicolon_lines(people)) + "\n"
    report, db = loaded(folder_with_pegawai(tmp_path / "pipa", piped.encode()), tmp_path / "pipa")
    assert report.errors == [] and rejects(db) == []
    assert query(db, "SELECT * EXCLUDE (_file, _line) FROM raw_pegawai ORDER BY ALL") == clean_pegawai(tmp_path)


def test_a_reject_names_a_column_as_the_file_heads_it_with_the_contract_column_in_brackets(tmp_path):
    rows = minimal_rows()
    rows["survei_kepuasan"] = [{"kota": "Pontianak", "opd": "Disdukcapil", "tanggal": "2024-05-01", "u1": "7"}]
    folder = write_folder(tmp_path / "sumber", rows)
    text = (folder / "survei_kepuasan.csv").read_text(encoding="utf-8")
    (folder / "survei_kepuasan.csv").write_text(text.replace(",u1,", ",Persyaratan,", 1), encoding="utf-8")
    report, db = loaded(folder, tmp_path)
    assert report.errors == []
    assert query(db, "SELECT file, line, column_name, reason FROM etl_rejects") == [
        ("survei_kepuasan.csv", 2, "Persyaratan (u1)", "Nilai 7 harus antara 1 dan 4.")
    ]
