"""Files as people really make them load exactly as the clean contract file does.

One clean folder (comma CSV, UTF-8, yyyy-mm-dd, plain numbers) and, built by the tests from the
same rows, each messy form: ';' CSV with a BOM, Windows-1252, Indonesian numbers and dates,
headers in any case, title and total rows; XLSX with title rows, a total row, several sheets and
real dates and numbers. Each is loaded with the real pipeline and its warehouse tables are
compared with the clean one's (lineage columns _file and _line aside).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import openpyxl
import pytest
from conftest import NIP_A, NIP_B, NIP_C, query

from etl import pipeline
from etl.contract import DATASETS
from etl.read import TOTAL_ROW, _is_total, scan_file

OPD = "Dinas Pendidikan – Kebudayaan"  # an en dash: 0x96 in Windows-1252
CLEAN: dict[str, list[dict]] = {
    "kota": [{"kota": "Pontianak", "provinsi": "Kalimantan Barat"}, {"kota": "Jambi", "provinsi": "Jambi"}],
    "apbd": [
        {"kota": "Pontianak", "tahun": "2024", "belanja_daerah": "1596365855000"},
        {"kota": "Jambi", "tahun": "2024", "belanja_daerah": "2100000000000"},
    ],
    "pegawai": [
        {
            "nip": NIP_A,
            "nama": "Budi",
            "kota": "Pontianak",
            "opd": OPD,
            "jenis_asn": "PNS",
            "kategori_jabatan": "Fungsional",
            "golongan": "III/a",
            "jenis_kelamin": "L",
            "tahun_lahir": "1985",
            "tmt_masuk": "2010-01-12",
        },
        {
            "nip": NIP_B,
            "nama": "Siti",
            "kota": "Pontianak",
            "opd": "Bappeda",
            "jenis_asn": "PNS",
            "kategori_jabatan": "Pelaksana",
            "golongan": "II/c",
            "jenis_kelamin": "P",
            "tahun_lahir": "1990",
            "tmt_masuk": "2015-08-17",
        },
        {
            "nip": NIP_C,
            "nama": "Rahmat",
            "kota": "Jambi",
            "opd": OPD,
            "jenis_asn": "PPPK",
            "kategori_jabatan": "Fungsional",
            "jenis_kelamin": "L",
            "tahun_lahir": "1978",
            "tmt_masuk": "2022-10-01",
            "tanggal_keluar": "2024-12-31",
        },
    ],
    "program": [
        {
            "kode_program": "PTK-2024-0001",
            "kota": "Pontianak",
            "nama_program": "Bimtek Arsip",
            "jalur": "klasikal",
            "jenis": "bimbingan teknis",
            "topik": "Kearsipan",
            "penyelenggara": "BKPSDM",
            "tanggal_mulai": "2024-03-01",
            "tanggal_selesai": "2024-03-03",
            "jp": "24",
            "biaya": "4800000",
        },
        {
            "kode_program": "JMB-2024-0002",
            "kota": "Jambi",
            "nama_program": "Coaching",
            "jalur": "nonklasikal",
            "jenis": "coaching",
            "topik": "Kepemimpinan",
            "penyelenggara": "BKPSDM",
            "tanggal_mulai": "2024-08-12",
            "tanggal_selesai": "2024-10-14",
            "jp": "32",
            "biaya": "12500000",
        },
    ],
    "peserta": [
        {"kode_program": "PTK-2024-0001", "nip": NIP_A, "status": "lulus", "nilai_pre": "62.5", "nilai_post": "87.5"},
        {"kode_program": "PTK-2024-0001", "nip": NIP_B, "status": "tidak_hadir"},
        {"kode_program": "JMB-2024-0002", "nip": NIP_C, "status": "lulus", "nilai_pre": "70", "nilai_post": "93.56"},
    ],
    "anggaran": [
        {
            "kota": "Pontianak",
            "tahun": "2024",
            "kegiatan": "Bimtek",
            "sumber_dana": "APBD",
            "pagu": "1500",
            "realisasi": "1250",
        },
        {
            "kota": "Jambi",
            "tahun": "2024",
            "kegiatan": "Coaching",
            "sumber_dana": "APBD",
            "pagu": "150000000",
            "realisasi": "98500000",
        },
    ],
}

# Messy spellings of the same values, per column (the clean value -> what people write).
MONEY = {
    "1596365855000": "Rp 1.596.365.855.000",
    "2100000000000": "Rp2.100.000.000.000,00",
    "4800000": "4.800.000",
    "12500000": "Rp 12.500.000",
    "1500": "1.500",
    "1250": "Rp 1.250",
    "150000000": "150.000.000",
    "98500000": "Rp 98.500.000",
}
DATES = {
    "2010-01-12": "12/01/2010",
    "2015-08-17": "17 Agustus 2015",
    "2022-10-01": "1 Okt 2022",
    "2024-12-31": "31-12-2024",
    "2024-03-01": "1 Maret 2024",
    "2024-03-03": "03/03/2024",
    "2024-08-12": "12 Agu 2024",
    "2024-10-14": "14 Oktober 2024",
}
SCORES = {"62.5": "62,5", "87.5": "87,50", "93.56": "93,56%", "70": "70"}
KOTA = {"Pontianak": "Kota Pontianak", "Jambi": " KOTA JAMBI "}


def messy_value(column: str, value: str, dataset: str) -> str:
    """Return how a person might have written a clean value."""
    if column == "kota" and dataset != "kota":
        return KOTA.get(value, value)
    for table in (MONEY, DATES, SCORES):
        if value in table and not (table is MONEY and column in ("tahun", "tahun_lahir", "jp")):
            return table[value]
    if column in ("jenis_asn", "status", "kategori_jabatan", "jalur"):
        return {"tidak_hadir": "Tidak Hadir"}.get(value, value.upper())
    return value


def messy_header(name: str) -> str:
    """Return a header as a spreadsheet might spell it: 'Kode Program', 'NIP', 'Tanggal_Mulai'."""
    return {"nip": " NIP ", "kota": "KOTA", "kode_program": "Kode Program"}.get(name, name.replace("_", " ").title())


def columns(dataset: str) -> list[str]:
    return [c.name for c in DATASETS[dataset].columns]


def write_clean(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, rows in CLEAN.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns(name), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return folder


def messy_lines(name: str, delimiter: str = ";") -> list[str]:
    """Return a messy CSV's lines: a title line, the header, the rows, a total line."""
    out = io_lines = []
    head = columns(name)
    io_lines.append(delimiter.join([f"DATA {name.upper()} TAHUN 2024"] + [""] * (len(head) - 1)))
    io_lines.append(delimiter.join(messy_header(h) for h in head))
    for row in CLEAN[name]:
        io_lines.append(delimiter.join(_quoted(messy_value(h, row.get(h, ""), name), delimiter) for h in head))
    io_lines.append(delimiter.join(["JUMLAH"] + [""] * (len(head) - 1)))
    return out


def _quoted(value: str, delimiter: str) -> str:
    return f'"{value}"' if delimiter in value else value


def write_messy_csv(folder: Path, encoding: str, bom: bool) -> Path:
    folder.mkdir(parents=True)
    for name in CLEAN:
        text = "\r\n".join(messy_lines(name)) + "\r\n"
        (folder / f"{name}_2024.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return folder


def xlsx_value(column: str, value: str, dataset: str) -> object:
    """Return a clean value as a spreadsheet cell holds it: real dates and numbers where they are such."""
    if value == "":
        return None
    kind = DATASETS[dataset].column(column).kind
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind in ("int", "money"):
        return int(value)
    if kind == "score":
        return float(value)
    return messy_value(column, value, dataset)


def write_messy_xlsx(folder: Path) -> Path:
    """Each dataset as a workbook: title rows, the header, rows split over one sheet per city when the
    dataset has a kota column, a JUMLAH row per sheet, and a notes sheet that is not data."""
    folder.mkdir(parents=True)
    for name, rows in CLEAN.items():
        book = openpyxl.Workbook()
        book.remove(book.active)
        head = columns(name)
        groups = {"data": rows} if name == "kota" or "kota" not in head else {}
        for row in rows if not groups else []:
            groups.setdefault(row["kota"], []).append(row)
        for sheet_name, sheet_rows in groups.items():
            sheet = book.create_sheet(sheet_name)
            sheet.append([f"REKAP {name.upper()}"])
            sheet.append(["Sumber: BKPSDM"])
            sheet.append(["No"] + [messy_header(h) for h in head])
            for i, row in enumerate(sheet_rows, start=1):
                sheet.append([i] + [xlsx_value(h, row.get(h, ""), name) for h in head])
            sheet.append(["Jumlah", None, len(sheet_rows)])
        book.create_sheet("Keterangan").append(["Dibuat oleh BKPSDM, tidak untuk diedit"])
        book.save(folder / f"{name}_2024.xlsx")
    return folder


def tables(db: Path) -> dict[str, list[tuple]]:
    """Return every raw_ table and mart of a warehouse without lineage columns, rows sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name NOT LIKE 'etl_%'").fetchall()
        ]
        out = {}
        for n in names:
            cursor = con.execute(
                f"SELECT * EXCLUDE (_file, _line) FROM {n}" if n.startswith("raw_") else f"SELECT * FROM {n}"
            )
            out[n] = sorted(cursor.fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[pipeline.Report, Path]]:
    """Every form loaded into its own warehouse with one pseudonym key."""
    base = tmp_path_factory.mktemp("bentuk")
    forms = {
        "clean": write_clean(base / "clean"),
        "csv_bom_semicolon": write_messy_csv(base / "csv_bom", "utf-8", bom=True),
        "csv_utf8": write_messy_csv(base / "csv_utf8", "utf-8", bom=False),
        "csv_cp1252": write_messy_csv(base / "csv_cp1252", "cp1252", bom=False),
        "xlsx": write_messy_xlsx(base / "xlsx"),
    }
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ASN_PSEUDONYM_KEY", "kunci-uji-bentuk-rahasia-uji-yang-cukup-panjang")
        for form, folder in forms.items():
            db = base / f"gudang_{form}" / "warehouse.duckdb"
            out[form] = (pipeline.load(folder, db), db)
    return out


MESSY = ["csv_bom_semicolon", "csv_utf8", "csv_cp1252", "xlsx"]


def test_the_clean_folder_loads_without_rejects(loaded):
    report, db = loaded["clean"]
    assert report.status == "ok"
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    assert all(d["rows_loaded"] == len(CLEAN.get(n, [])) for n, d in report.datasets.items())


@pytest.mark.parametrize("form", MESSY)
def test_messy_form_loads_every_row_and_rejects_none(loaded, form):
    report, db = loaded[form]
    assert report.status == "ok", report.errors
    assert query(db, "SELECT file, line, reason FROM etl_rejects") == []
    for name, rows in CLEAN.items():
        counts = report.datasets[name]
        assert counts["rows_loaded"] == len(rows), name
        assert counts["rows_read"] == counts["rows_loaded"] + counts["rows_rejected"]


@pytest.mark.parametrize("form", MESSY)
def test_messy_form_lands_exactly_as_the_clean_file(loaded, form):
    clean, messy = tables(loaded["clean"][1]), tables(loaded[form][1])
    assert set(messy) == set(clean)
    for name in clean:
        assert messy[name] == clean[name], name


def test_whole_rupiah_from_indonesian_notation_is_exact(loaded):
    _, db = loaded["csv_bom_semicolon"]
    assert query(db, "SELECT kota, belanja_daerah FROM raw_apbd ORDER BY kota") == [
        ("Jambi", 2100000000000),
        ("Pontianak", 1596365855000),
    ]
    assert query(db, "SELECT pagu, realisasi FROM raw_anggaran WHERE kota = 'Pontianak'") == [(1500, 1250)]


def test_indonesian_dates_and_city_spellings_land_as_the_contract_spells_them(loaded):
    _, db = loaded["csv_cp1252"]
    assert query(db, "SELECT kota, tmt_masuk, opd FROM raw_pegawai ORDER BY tmt_masuk") == [
        ("Pontianak", dt.date(2010, 1, 12), OPD),
        ("Pontianak", dt.date(2015, 8, 17), "Bappeda"),
        ("Jambi", dt.date(2022, 10, 1), OPD),
    ]


@pytest.mark.parametrize("form", ["csv_bom_semicolon", "xlsx"])
def test_total_rows_are_skipped_and_reported_with_their_line(loaded, form):
    report, db = loaded[form]
    skipped = [s for s in report.skipped if s["dataset"] == "peserta"]
    assert len(skipped) == 1
    expected_line = 6 if form != "xlsx" else 4 + len(CLEAN["peserta"])  # after title rows and the header
    assert skipped[0]["line"] == expected_line
    assert "Jumlah" in skipped[0]["reason"]
    assert report.datasets["peserta"]["rows_skipped"] == 1
    assert query(db, "SELECT count(*) FROM raw_peserta") == [(len(CLEAN["peserta"]),)]


def test_rows_keep_the_line_a_person_sees_below_title_rows(loaded):
    _, db = loaded["csv_bom_semicolon"]
    assert query(db, "SELECT _line FROM raw_kota ORDER BY _line") == [(3,), (4,)]
    _, db = loaded["xlsx"]
    assert query(db, "SELECT _line FROM raw_kota ORDER BY _line") == [(4,), (5,)]


def test_every_sheet_with_the_datasets_header_is_read_and_named(loaded):
    report, db = loaded["xlsx"]
    assert query(db, "SELECT DISTINCT _file FROM raw_apbd ORDER BY 1") == [
        ("apbd_2024.xlsx [Jambi]",),
        ("apbd_2024.xlsx [Pontianak]",),
    ]
    notes = next(f["notes"] for f in report.files if f["file"] == "apbd_2024.xlsx")
    assert any("2 sheet dibaca" in n for n in notes)
    assert any("Keterangan" in n for n in notes)
    per_file = next(f for f in report.files if f["file"] == "apbd_2024.xlsx")
    assert (per_file["rows_read"], per_file["rows_loaded"], per_file["rows_rejected"]) == (2, 2, 0)


# ---------------------------------------------------------------------------------------------
# What cannot be read with certainty is rejected with a reason


AMBIGUOUS = [
    ("anggaran", "pagu", "1,500", "dua cara"),
    ("anggaran", "realisasi", "1,500,000", "dua cara"),
    ("peserta", "nilai_pre", "12.500", "dua cara"),
    ("peserta", "nilai_post", "87,500", "dua cara"),
    ("program", "biaya", "Rp 4.800.000,50", "bukan jumlah Rupiah"),
    ("program", "tanggal_mulai", "01/03/24", "tahunnya dua angka"),
    ("program", "tanggal_selesai", "45352", "nomor seri tanggal Excel"),
    ("program", "tanggal_mulai", "31 Februari 2024", "bukan tanggal yang valid"),
    ("program", "tanggal_mulai", "12 Foo 2024", "bukan tanggal yang valid"),
    ("pegawai", "nip", "1,98503E+17", "berpangkat"),
]


@pytest.fixture(scope="module")
def ambiguous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean folder plus one row per ambiguous value (each on its own line, file <dataset>_x.csv)."""
    folder = write_clean(tmp_path_factory.mktemp("ragu") / "sumber")
    for k, (dataset, column, value, _) in enumerate(AMBIGUOUS):
        base = dict(CLEAN[dataset][0])
        if dataset == "anggaran":
            base["kegiatan"] = f"Kegiatan {k}"
        if dataset == "program":
            base["kode_program"] = f"UJI-{k}"
        if dataset == "pegawai":
            base["nip"] = ""
        if dataset == "peserta":
            base["kode_program"] = "JMB-2024-0002"
        base[column] = value
        path = folder / f"{dataset}_x{k:02d}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns(dataset), delimiter=";", lineterminator="\n")
            writer.writeheader()
            writer.writerow(base)
    db = folder.parent / "gudang" / "warehouse.duckdb"
    assert pipeline.load(folder, db).status == "ok"
    return db


@pytest.mark.parametrize(("dataset", "column", "value", "words"), AMBIGUOUS)
def test_value_that_cannot_be_read_with_certainty_is_rejected_with_a_reason(ambiguous, dataset, column, value, words):
    k = AMBIGUOUS.index((dataset, column, value, words))
    rows = query(ambiguous, "SELECT column_name, reason FROM etl_rejects WHERE file = ?", [f"{dataset}_x{k:02d}.csv"])
    assert [c for c, _ in rows] == [column], rows
    assert words in rows[0][1]
    if column != "nip":
        assert f"'{value}'" in rows[0][1]


def test_an_xlsx_nip_typed_as_a_number_is_rejected_not_truncated(tmp_path):
    folder = write_clean(tmp_path / "sumber")
    (folder / "pegawai.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns("pegawai"))
    for row in CLEAN["pegawai"]:
        sheet.append([xlsx_value(h, row.get(h, ""), "pegawai") for h in columns("pegawai")])
    sheet["A2"] = int(NIP_A)  # a number: Excel keeps 15 significant digits
    book.save(folder / "pegawai.xlsx")
    report = pipeline.load(folder, tmp_path / "g" / "w.duckdb")
    rows = query(
        tmp_path / "g" / "w.duckdb", "SELECT line, column_name, reason FROM etl_rejects WHERE dataset = 'pegawai'"
    )
    assert [(line, column) for line, column, _ in rows] == [(2, "nip")]
    assert "Teks" in rows[0][2]
    assert report.datasets["pegawai"]["rows_loaded"] == 2


def test_a_nip_whose_last_digits_excel_made_000_is_rejected_saying_so(tmp_path):
    """A NIP typed as a number and saved with a number format keeps 15 digits and ends in 000 (no NIP does: its
    serial number starts at 001): the participation it does not find says why."""
    folder = write_clean(tmp_path / "sumber")
    cut = NIP_A[:15] + "000"
    text = (folder / "peserta.csv").read_text(encoding="utf-8")
    (folder / "peserta.csv").write_text(text.replace(NIP_A, cut, 1), encoding="utf-8")
    report = pipeline.check(folder, collect_rejects=True)
    [reject] = report.rejects
    assert (reject["file"], reject["line"], reject["column_name"]) == ("peserta.csv", 2, "nip")
    assert reject["reason"].startswith("NIP di kolom nip tidak ditemukan di data pegawai. NIP ini berakhiran 000")
    assert "Teks" in reject["reason"]


FIRST_CELLS = [
    "Jumlah",
    "TOTAL",
    "  Grand Total:",
    "\u00a0Jumlah Keseluruhan",
    "\u3000total",
    "\tJumlah",
    "Sub total",
    "Subtotal akhir",
    "Sub-Total Dinas Pendidikan:",
    "Sub Jumlah Bappeda",
    "subtotalan",
    "sjumlah",
    "PTK-2024-0001",
    "198503122010011001",
    "",
    "   ",
    None,
    "Gaji",
    "Tanggal",
    "İJumlah",
]


def test_the_total_row_fast_path_agrees_with_the_full_rule_on_every_first_cell():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a VARCHAR, b VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [[first, second] for first in FIRST_CELLS for second in FIRST_CELLS])
    full = "coalesce(regexp_full_match(lower(coalesce(NULLIF(trim(a), ''), NULLIF(trim(b), ''))), $total), false)"
    disagree = con.execute(
        f"SELECT a, b FROM t WHERE {_is_total(['a', 'b'])} IS DISTINCT FROM {full}", {"total": TOTAL_ROW}
    ).fetchall()
    assert disagree == []
    totals = con.execute(f"SELECT count(*) FILTER (WHERE {_is_total(['a', 'b'])}) FROM t", {"total": TOTAL_ROW})
    assert totals.fetchone()[0] > len(FIRST_CELLS)  # the cases above include real totals, first and second cell


# ---------------------------------------------------------------------------------------------
# One pass over a file: its checksum and its blank lines, in chunks


def blank_lines_of(data: bytes) -> list[int]:
    """Return the 1-based numbers of the empty lines of `data` (CR ignored), the simple way."""
    lines = data.replace(b"\r", b"").split(b"\n")[:-1]  # what follows the last newline is no empty line
    return [i + 1 for i, line in enumerate(lines) if line == b""]


def test_a_blank_line_exactly_at_a_chunk_boundary_is_found_and_the_checksum_is_the_files(tmp_path):
    path = tmp_path / "aspirasi.csv"
    data = b"ab\n\ncd\n"  # chunks of 3: b"ab\n" | b"\ncd" | b"\n": the empty line 2 starts the second chunk
    path.write_bytes(data)
    assert scan_file(path, blank_lines=True, chunk_size=3) == (hashlib.sha256(data).hexdigest(), [2], 3)
    crlf = b"ab\r\n\r\ncd\r\n"  # chunks of 3: b"ab\r" | b"\n\r\n" | ...: CR and LF of one line split
    path.write_bytes(crlf)
    assert scan_file(path, blank_lines=True, chunk_size=3) == (hashlib.sha256(crlf).hexdigest(), [2], 3)


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_blank_lines_and_checksum_do_not_depend_on_the_chunk_size(tmp_path, newline):
    data = newline.join([b"", b"kota,tahun", b"", b"", b"Jambi,2024", b"", b"Pontianak,2024", b"", b""])
    path = tmp_path / "apbd.csv"
    path.write_bytes(data)
    expected = (hashlib.sha256(data).hexdigest(), blank_lines_of(data), 8)
    assert expected[1] == [1, 3, 4, 6, 8]
    for chunk_size in range(1, len(data) + 2):
        assert scan_file(path, blank_lines=True, chunk_size=chunk_size) == expected, chunk_size


def test_an_xlsx_file_is_scanned_for_its_checksum_only(tmp_path):
    path = tmp_path / "pegawai.xlsx"
    data = b"PK\x03\x04\n\n\n" * 1000
    path.write_bytes(data)
    assert scan_file(path, blank_lines=False, chunk_size=1000) == (hashlib.sha256(data).hexdigest(), [], 0)
