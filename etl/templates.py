"""Fill-in templates for every dataset, generated from the input contract (etl/contract.py).

Per dataset an XLSX (sheet "data": the header, one example row, drop-down lists for every
vocabulary column, NIP cells formatted as text so Excel keeps all 18 digits; sheet "petunjuk":
each column explained in Indonesian) and a CSV (';' separated with a BOM, as Excel in an
Indonesian locale writes and opens it). Nothing here is written per dataset by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from etl.contract import (
    DATASETS,
    DATE,
    INT,
    MONEY,
    NIP,
    PERSONAL,
    SCORE,
    TEXT,
    VOCAB,
    VOCABULARIES,
    Column,
    Dataset,
    range_rule,
)

# Example values by column name, shared by every dataset that has the column; they refer to
# each other (the peserta example names the pegawai and program examples) so a folder of
# filled templates loads.
EXAMPLES: dict[str, object] = {
    "kota": "Pontianak",
    "provinsi": "Kalimantan Barat",
    "tahun": 2024,
    "belanja_daerah": 2_500_000_000_000,
    "nip": "198503122010011001",
    "nip_mentor": "198503122010011001",
    "nip_mentee": "199001012015032002",
    "nama": "Budi Santoso",
    "opd": "Dinas Pendidikan",
    "tahun_lahir": 1985,
    "pendidikan": "S1",
    "tmt_masuk": dt.date(2010, 1, 1),
    "kode_program": "PTK-2024-0001",
    "nama_program": "Bimtek Arsip Digital",
    "jalur": "klasikal",
    "jenis": "bimbingan teknis",
    "topik": "Kearsipan",
    "penyelenggara": "BKPSDM",
    "tanggal_mulai": dt.date(2024, 3, 1),
    "tanggal_selesai": dt.date(2024, 3, 3),
    "tanggal": dt.date(2024, 3, 3),
    "jp": 24,
    "biaya": 4_800_000,
    "status": "lulus",
    "nilai_pre": 60,
    "nilai_post": 82.5,
    "predikat": "Baik",
    "hasil_kerja": "Sesuai Ekspektasi",
    "perilaku_kerja": "Sesuai Ekspektasi",
    "kegiatan": "Pelatihan Dasar CPNS",
    "sumber_dana": "APBD",
    "pagu": 100_000_000,
    "realisasi": 85_000_000,
    "komentar": "Materi bermanfaat",
    "saluran": "aplikasi",
    "kategori": "ASN Berprestasi",
    "sentimen": "netral",
    "ringkasan": "Antrean layanan panjang",
    "jumlah_sesi": 6,
    "tingkat": "ringan",
    "tmt": dt.date(2024, 2, 1),
    "nilai": 78.25,
    "indikator": "Indeks Profesionalitas ASN",
    "satuan": "indeks",
    "target": 72.5,
    "target_renstra": 75,
}
# A column whose example differs by dataset: target_kinerja's realisasi is an indicator's value, not Rupiah.
DATASET_EXAMPLES: dict[str, dict[str, object]] = {"target_kinerja": {"realisasi": 73.1}}

KIND_TEXT: dict[str, str] = {
    TEXT: "Teks",
    INT: "Bilangan bulat",
    MONEY: "Rupiah, angka bulat tanpa sen (1500000, 1.500.000 atau Rp 1.500.000)",
    SCORE: "Angka, desimal dengan koma (87,5)",
    DATE: "Tanggal (sel tanggal Excel, 2024-03-31, 31/03/2024 atau 31 Maret 2024)",
    NIP: "NIP 18 angka (sel berformat Teks; disamarkan saat dimuat)",
    VOCAB: "Pilihan dari daftar",
    PERSONAL: "Teks; hanya untuk pengecekan Anda, tidak pernah disimpan",
}
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0"


def example(column: Column, dataset: str = "") -> object:
    """Return the example value of a column of `dataset`: from DATASET_EXAMPLES or EXAMPLES, else the vocabulary's
    first value or a kind default."""
    if column.name in DATASET_EXAMPLES.get(dataset, {}):
        return DATASET_EXAMPLES[dataset][column.name]
    if column.name in EXAMPLES:
        return EXAMPLES[column.name]
    if column.kind == VOCAB:
        return VOCABULARIES[column.vocab][0]
    if column.kind in (INT, SCORE):
        return int(column.min or 0) + 1 if column.max is None or (column.min or 0) + 1 <= column.max else column.min
    return {DATE: dt.date(2024, 1, 1), MONEY: 1_000_000, NIP: EXAMPLES["nip"]}.get(column.kind, "contoh")


def rule_text(dataset: Dataset, column: Column) -> str:
    """Return the allowed values or range of a column, in Indonesian ('' when any value of its kind will do)."""
    parts = []
    if column.kind == VOCAB:
        parts.append("Pilihan: " + ", ".join(VOCABULARIES[column.vocab]) + ". Huruf besar/kecil bebas.")
    if rule := range_rule(column):
        parts.append(rule[0].upper() + rule[1:] + ".")
    for ref in dataset.references:
        if ref.column == column.name:
            parts.append(f"Harus ada di data {ref.target} (kolom {ref.target_column}).")
    if column.name in dataset.key:
        parts.append("Bagian dari kunci: " + ", ".join(dataset.key) + " tidak boleh ganda.")
    return " ".join(parts)


def help_rows(dataset: Dataset) -> list[list[str]]:
    """Return the rows of the 'petunjuk' sheet: one per column, after a header."""
    rows = [["kolom", "wajib diisi", "jenis isian", "nilai yang diizinkan / aturan", "contoh"]]
    for c in dataset.columns:
        value = example(c, dataset.name)
        shown = value.isoformat() if isinstance(value, dt.date) else str(value)
        rows.append([c.name, "ya" if c.required else "tidak", KIND_TEXT[c.kind], rule_text(dataset, c), shown])
    return rows


def xlsx_bytes(dataset: Dataset) -> bytes:
    """Return the XLSX template of a dataset: sheets 'data', 'petunjuk' and a hidden 'pilihan'."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append([c.name for c in dataset.columns])
    sheet.append([example(c, dataset.name) for c in dataset.columns])
    sheet.freeze_panes = "A2"
    lists = book.create_sheet("pilihan")
    lists.sheet_state = "hidden"
    vocab_columns = 0
    for i, c in enumerate(dataset.columns, start=1):
        letter = get_column_letter(i)
        head = sheet.cell(row=1, column=i)
        head.font = Font(bold=True, color="FFFFFF" if c.required else "000000")
        head.fill = PatternFill("solid", fgColor="1F4E79" if c.required else "D9E1F2")
        sheet.column_dimensions[letter].width = max(14, len(c.name) + 4)
        cells = f"{letter}2:{letter}5000"
        if c.kind == NIP:  # text cells keep all 18 digits
            sheet.column_dimensions[letter].number_format = "@"
            sheet.cell(row=2, column=i).number_format = "@"
        elif c.kind == DATE:
            sheet.cell(row=2, column=i).number_format = DATE_FORMAT
        elif c.kind == MONEY:
            sheet.cell(row=2, column=i).number_format = MONEY_FORMAT
        if c.kind == VOCAB:
            vocab_columns += 1
            values = VOCABULARIES[c.vocab]
            lists.cell(row=1, column=vocab_columns, value=c.name)
            for r, v in enumerate(values, start=2):
                lists.cell(row=r, column=vocab_columns, value=v)
            source = get_column_letter(vocab_columns)
            rule = DataValidation(
                type="list",
                formula1=f"=pilihan!${source}$2:${source}${len(values) + 1}",
                allow_blank=not c.required,
                showErrorMessage=True,
                errorTitle="Nilai tidak ada di daftar",
                error=f"Pilih salah satu nilai {c.name} dari daftar.",
            )
            rule.add(cells)
            sheet.add_data_validation(rule)
    guide = book.create_sheet("petunjuk", 1)
    guide.append([f"Data {dataset.name}: {dataset.description}"])
    guide.append(
        [
            f"{grain_text(dataset)} Isi sheet 'data' mulai baris 2 (ganti baris contoh). Kolom berjudul gelap"
            f" wajib diisi. Nama file harus diawali '{dataset.name}', misalnya {dataset.name}_pontianak_2024.xlsx."
        ]
    )
    guide.append([])
    for row in help_rows(dataset):
        guide.append(row)
    for cell in guide[4]:
        cell.font = Font(bold=True)
    guide["A1"].font = Font(bold=True, size=13)
    for letter, width in zip("ABCDE", (22, 12, 40, 60, 24), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def grain_text(dataset: Dataset) -> str:
    """Return what one row stands for, in Indonesian, from the dataset's key."""
    if not dataset.key:
        return "Satu baris per isian (boleh berulang)."
    return f"Satu baris per {', '.join(dataset.key)}: kombinasi ini tidak boleh ganda."


def csv_bytes(dataset: Dataset) -> bytes:
    """Return the CSV template of a dataset: header and example row, ';' separated, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.name for c in dataset.columns])
    row = []
    for c in dataset.columns:
        value = example(c, dataset.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, float):
            value = f"{value}".replace(".", ",")
        row.append(value)
    writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_templates(out: Path) -> list[Path]:
    """Write <dataset>.xlsx and <dataset>.csv for every dataset into `out`; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for dataset in DATASETS.values():
        for suffix, content in ((".xlsx", xlsx_bytes(dataset)), (".csv", csv_bytes(dataset))):
            path = out / f"{dataset.name}{suffix}"
            path.write_bytes(content)
            written.append(path)
    return written


def templates_zip() -> bytes:
    """Return every template in one ZIP (xlsx/ and csv/ folders), for a download button."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for dataset in DATASETS.values():
            archive.writestr(f"xlsx/{dataset.name}.xlsx", xlsx_bytes(dataset))
            archive.writestr(f"csv/{dataset.name}.csv", csv_bytes(dataset))
    return out.getvalue()
