"""SIASN files as a source: how each kind of SIASN record is recognised and mapped onto the input contract.

Declared once, here, next to the contract (the code lists it uses are etl/siasn_codes.py). A folder may hold
SIASN data as it comes out, under any file name: the "Export Data ASN" file (pipe, ';', ',' or tab separated,
`null` for empty, values that may start with an apostrophe, dates dd-mm-yyyy) and the riwayat diklat, riwayat
kursus, SKP 2022 and penghargaan records as CSV, XLSX or JSON (a list of records as the API returns them, with
or without its envelope). A file is recognised by its columns (KINDS), its header found as a contract file's is
(below title rows, over two rows: etl/layout.py), read into text records (a Jumlah/Total row is skipped by the
reader), and each record becomes contract rows (MAPPINGS) that the ordinary validator checks: nothing is trusted
because it came from SIASN. The mapping of each file and what it assumed is written into the load report; a
reject names the file's own column (sources), and a record whose person the export does not know says so
(unlinked).

`pns_id` (idPns, pnsDinilaiId, pnsOrangId) links records to people: like the NIP it is personal data. It is
looked up in the scratch database only (People), turned into the NIP there, and never reaches the warehouse.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import domain
from etl import siasn_codes as codes
from etl.contract import GOLONGAN, jalur_of
from etl.layout import (
    EXACT_FLOAT,
    EXCEL_CUT_DIGITS,
    EXCEL_SCIENTIFIC,
    HEADER_SEARCH_ROWS,
    Header,
    cell_text,
    find_csv_header,
    find_header,
    first_filled,
)

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

SUFFIXES = (".csv", ".xlsx", ".json")
DELIMITERS = ("|", ";", ",", "\t")
EMPTY = {"", "null", "none", "-"}
SIASN_PEOPLE = "siasn_people"  # scratch table: pns_id, nip, kota of the Export Data ASN (personal data)
SNIFF_BYTES = 1 << 16  # what recognising a CSV reads of it: its first rows


def field(name: object) -> str:
    """Return a SIASN field name as recognition compares it: lower case, letters and digits only
    ('nip_baru', 'nipBaru' and 'NIP BARU' are all 'nipbaru')."""
    return re.sub(r"[^0-9a-z]", "", str(name or "").lower())


RowMapping = Callable[[dict, "People", int], dict]  # (record, people, line) -> a contract row as text


@dataclass(frozen=True)
class Kind:
    """A kind of SIASN record: its name in the load report, the fields that identify it (every group must
    have one field present), and how one of its records becomes a row of each contract dataset it feeds
    (`mappings`, dataset -> mapping; a dataset it does not map cannot be asked of it)."""

    name: str
    label: str
    signature: tuple[tuple[str, ...], ...]
    mappings: tuple[tuple[str, RowMapping], ...]
    assumed: str = ""

    @property
    def datasets(self) -> tuple[str, ...]:
        """Return the contract datasets one of its records becomes, in load order."""
        return tuple(dataset for dataset, _ in self.mappings)

    def mapping(self, dataset: str) -> RowMapping:
        """Return how a record of this kind becomes a row of `dataset`; KeyError for a dataset it does not feed."""
        for name, mapping in self.mappings:
            if name == dataset:
                return mapping
        raise KeyError(f"SIASN {self.name} is not mapped onto {dataset}")

    def matches(self, fields: set[str]) -> bool:
        """Return True when a file with these (normalised) fields is of this kind."""
        return all(any(f in fields for f in group) for group in self.signature)


def kind_of(fields: set[str]) -> Kind | None:
    """Return the kind of SIASN record a file with these normalised fields holds, or None."""
    return next((k for k in KINDS if k.matches(fields)), None)


# ---------------------------------------------------------------------------------------------------
# Reading: any of the three formats into (fields, records), each record a dict of text with its line


@dataclass
class Records:
    """A SIASN file read as text: the normalised field names in file order and one dict per record
    (normalised field -> text or None), with `lines` the row a person finds each record at (the spreadsheet
    or CSV row; for JSON the record's place in the list, 1-based); also the header as written and the values
    by position (a survey form, etl/skm_form.py, matches its questions by their wording), the first filled cell
    of each record's row (a Jumlah/Total row says so there: etl/read.py skips it) and where the header was found
    (CSV, XLSX: below title rows, over two rows)."""

    fields: list[str]
    rows: list[dict[str, str | None]]
    lines: list[int]
    raw_header: list[str] = dataclass_field(default_factory=list)  # the header as written (a survey form's questions)
    raw_rows: list[list[str | None]] = dataclass_field(default_factory=list)  # the values by position
    firsts: list[str | None] = dataclass_field(default_factory=list)  # each row's first filled cell (CSV, XLSX)
    header: Header | None = None  # where the header was found (CSV, XLSX)


def cell(value: object) -> str | None:
    """Return a SIASN value as text: None for empty or the literal `null`, without a leading apostrophe
    (written to keep a NIP as text) and surrounding space. A number too large to be exact (a NIP Excel keeps as a
    number, its last digits already lost) is written as Excel shows it (1,98503122010011E+17), never as digits."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and abs(value) >= EXACT_FLOAT:
        return cell_text(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().lstrip("'").strip()
    return None if text.lower() in EMPTY else text


def excel_cut(value: str | None) -> bool:
    """Return True for what Excel leaves of an 18-digit number typed as a number (a NIP): its scientific form
    ('1,98503E+17') or its first 15 digits and '000'."""
    text = (value or "").strip()
    return bool(re.search(EXCEL_SCIENTIFIC, text) or re.search(EXCEL_CUT_DIGITS, text))


def _decoded(raw: bytes) -> str:
    """Return a CSV's bytes as text: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


HeaderTest = Callable[[list[object]], bool]


def _siasn_header(rows: list[list[object]]) -> Header | None:
    """Return the header of a SIASN table among its first rows (below title rows, over two rows, as etl/layout.py
    finds a contract file's), or None when it names no SIASN kind."""
    found = find_header(rows, field, set(known_fields()))
    return found if found is not None and kind_of(set(found.names)) is not None else None


def _first_row_header(rows: list[list[object]], header_test: HeaderTest) -> Header | None:
    """Return the first row as the header when it passes `header_test` (a survey form's), else None."""
    if not rows or not header_test(rows[0]):
        return None
    return Header(0, 1, [field(h) for h in rows[0]], 0, [str(h or "") for h in rows[0]])


def _csv_layout(text: str, header_test: HeaderTest | None) -> tuple[str, Header]:
    """Return (delimiter, header) of a CSV from its start: a SIASN header wherever it sits among the first rows
    (the delimiter that splits it into a SIASN kind's fields), else the first line split by the delimiter it uses
    most."""
    lines = [line.rstrip("\r") for line in text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]]
    if header_test is None:
        found = find_csv_header(lines, DELIMITERS, field, set(known_fields()))
        if found is not None and kind_of(set(found[0].names)) is not None:
            return found[1], found[0]
    first = lines[0] if lines else ""
    delimiter = max(DELIMITERS, key=first.count)
    cells = next(csv.reader([first], delimiter=delimiter), [])
    return delimiter, Header(0, 1, [field(h) for h in cells], 0, cells)


def _records(table: list[list[object]], header: Header) -> Records:
    """Return the records of a table (rows of cells) under its `header`; empty rows are left out."""
    start = header.at + header.span
    body = [(i, r) for i, r in enumerate(table[start:], start=start + 1) if any(cell(v) for v in r)]
    rows = [{h: cell(v) for h, v in zip(header.names, r, strict=False) if h} for _, r in body]
    raw = [[cell(v) for v in r] for _, r in body]
    firsts = [first_filled(r) for _, r in body]
    return Records(header.names, rows, [i for i, _ in body], header.written, raw, firsts, header)


def _csv_records(path: Path, header_test: HeaderTest | None) -> Records:
    """Read a SIASN CSV (any of DELIMITERS, UTF-8 or Windows-1252), its header below any title rows."""
    text = _decoded(path.read_bytes())
    delimiter, header = _csv_layout(text, header_test)
    return _records(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), header)


def _workbook(path: Path) -> CalamineWorkbook:
    """Return an opened workbook; raises ValueError for a decompression bomb (checked before unpacking)."""
    from python_calamine import CalamineWorkbook

    from etl.safety import xlsx_problem

    if problem := xlsx_problem(path):
        raise ValueError(problem)
    return CalamineWorkbook.from_path(str(path))


def csv_header(path: Path) -> list[str]:
    """Return the first line of a CSV as cells (the delimiter it uses most of DELIMITERS); nothing else is read."""
    with path.open("rb") as fh:
        first = fh.readline(1 << 16)
    try:
        line = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        line = first.decode("cp1252", errors="replace")
    delimiter = max(DELIMITERS, key=line.count)
    return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])


def first_rows(path: Path) -> list[list[object]]:
    """Return the first row of every sheet of a workbook (nothing else is read); raises ValueError for a
    decompression bomb."""
    workbook = _workbook(path)
    return [next(iter(workbook.get_sheet_by_name(name).iter_rows()), []) for name in workbook.sheet_names]


def _head_rows(path: Path) -> list[list[list[object]]]:
    """Return the first HEADER_SEARCH_ROWS rows of every sheet of a workbook; raises ValueError for a
    decompression bomb."""
    workbook = _workbook(path)
    return [
        list(itertools.islice(workbook.get_sheet_by_name(name).iter_rows(), HEADER_SEARCH_ROWS))
        for name in workbook.sheet_names
    ]


def _xlsx_records(path: Path, header_test: HeaderTest | None) -> Records:
    """Read the first sheet of a workbook with a SIASN header (below title rows, over two rows), or with
    `header_test` the first sheet whose first row passes it."""
    workbook = _workbook(path)
    for name in workbook.sheet_names:
        table = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        header = _siasn_header(table) if header_test is None else _first_row_header(table, header_test)
        if header is not None:
            return _records(table, header)
    return Records([], [], [])


def _json_list(data: object) -> list:
    """Return the list of records in SIASN JSON: the list itself, or the one under its envelope's 'data'
    (nested envelopes too)."""
    while isinstance(data, dict):
        inner = data.get("data", data.get("Data"))
        if inner is None:
            return [data] if data else []
        data = inner
    return data if isinstance(data, list) else []


def _json_records(path: Path) -> Records:
    """Read SIASN JSON: a list of records, with or without the API's envelope. The header as written is each
    field's first spelling ('idPns')."""
    records = [r for r in _json_list(json.loads(path.read_text(encoding="utf-8-sig"))) if isinstance(r, dict)]
    fields: dict[str, str] = {}
    for r in records:
        for k in r:
            fields.setdefault(field(k), str(k))
    rows = [{field(k): cell(v) for k, v in r.items()} for r in records]
    lines = list(range(1, len(rows) + 1))
    return Records(list(fields), rows, lines, list(fields.values()), [list(r.values()) for r in rows])


def read_records(path: Path, header_test: HeaderTest | None = None) -> Records:
    """Return a file (CSV, XLSX or JSON) as text records: under a SIASN kind's header wherever it sits among the
    first rows (below title rows, over two rows), or with `header_test` under the first row when that passes it
    (a workbook's first sheet whose first row does); raises ValueError when it cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return _json_records(path)
        if suffix == ".xlsx":
            return _xlsx_records(path, header_test)
        return _csv_records(path, header_test)
    except Exception as exc:  # OSError, csv.Error, JSON errors, and the several types calamine raises
        raise ValueError(str(exc)) from exc


def sniff(path: Path) -> Kind | None:
    """Return the kind of SIASN record a file holds, judged by its header wherever it sits among the first rows
    (below title rows, over two rows), or None (not SIASN, unreadable)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return None
    try:
        if suffix == ".csv":
            with path.open("rb") as fh:
                head = fh.read(SNIFF_BYTES)
            return kind_of(set(_csv_layout(_decoded(head), None)[1].names))
        if suffix == ".xlsx":
            headers = (_siasn_header(rows) for rows in _head_rows(path))
            return next((kind_of(set(h.names)) for h in headers if h is not None), None)
        return kind_of(set(read_records(path).fields))
    except Exception:  # unreadable (calamine raises several types for corrupt workbooks): not a SIASN file
        return None


class _Asked(dict):
    """An empty record that notes every field asked of it (known_fields)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: object = None) -> object:
        """Return `default`, noting the field asked for."""
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> object:
        self.asked.add(key)
        return super().__getitem__(key)


@functools.cache
def known_fields() -> frozenset[str]:
    """Return the fields a SIASN header is found by: those of every kind's signature and every field a kind's
    mapping reads (asked of an empty record), so title rows are told from the header and the two cells of a
    header over two rows are joined into the name SIASN writes ('Tanggal' over 'Selesai Kursus')."""
    known = {f for kind in KINDS for group in kind.signature for f in group}
    for kind in KINDS:
        for _, mapping in kind.mappings:
            record = _Asked()
            with contextlib.suppress(Exception):  # a mapping that needs values: its signature is enough
                mapping(record, People({}, {}), 0)
            known |= record.asked
    return frozenset(known)


def sources(kind: Kind, dataset: str, records: Records) -> dict[str, str]:
    """Return the file's columns, as written, that columns of `dataset` are copied from as they are (contract
    column -> header: 'jp' -> 'jumlahJam'): found by mapping one record whose every field holds a mark of its own.
    A column computed from several fields, or from none (kode_program, jalur), is not among them."""
    marks = {f: f"\ue000{chr(0xE001 + i)}\ue000" for i, f in enumerate(records.fields) if f}
    written = {marks[f]: w for f, w in zip(records.fields, records.raw_header, strict=False) if f in marks}
    try:
        row = kind.mapping(dataset)(dict(marks), People({}, {}), 0)
    except Exception:  # a mapping that needs real values: no column is named after the file's
        return {}
    return {c: written[v] for c, v in row.items() if isinstance(v, str) and v in written}


# ---------------------------------------------------------------------------------------------------
# Mapping: a record -> the contract's columns (text), declared once per kind and dataset


class Lookup(NamedTuple):
    """The last look-up of a record's person (People.nip): the record, the id fields it was asked by, the NIP
    found, and the id field that linked it when its nipBaru gave way (not in the export: Excel cut it, say)."""

    record: dict
    id_fields: tuple[str, ...]
    nip: str | None
    relinked_by: str | None


@dataclass
class People:
    """Who a pns_id or a NIP is, from the Export Data ASN of the same load: pns_id -> NIP and NIP -> kota.
    Personal data: held only while a load runs. `last` is the last look-up (explained by `unlinked`)."""

    nip_of: dict[str, str]
    kota_of: dict[str, str]
    last: Lookup | None = None

    def __post_init__(self) -> None:
        self._nips = set(self.nip_of.values()) | set(self.kota_of)

    def nip(self, record: dict, *id_fields: str) -> str | None:
        """Return the record's NIP: its nipBaru, else its person id looked up (None when unknown). A nipBaru
        that is not in the export (Excel cut its last digits, say) gives way to a person id that is."""
        written = record.get("nipbaru")
        by = next((f for f in id_fields if record.get(f) in self.nip_of), None)
        linked = self.nip_of[record[by]] if by else None
        if written and linked and written != linked and written not in self._nips and not excel_cut(linked):
            self.last = Lookup(record, id_fields, linked, by)
        else:
            self.last = Lookup(record, id_fields, written or linked, None)
        return self.last.nip

    def kota(self, nip: str | None) -> str | None:
        """Return the kota of the employee with this NIP in the Export Data ASN, or None."""
        return self.kota_of.get(nip or "")


def kota_name(instansi: str | None) -> str | None:
    """Return the city an instansi names: 'Pemerintah Kota Pontianak' -> 'Pontianak', 'PEMKOT JAMBI' -> 'JAMBI'."""
    if not instansi:
        return None
    return re.sub(r"^(pemerintah\s+kota|pemkot|kota)\s+", "", instansi.strip(), flags=re.IGNORECASE) or None


WARNINGS = "_peringatan"  # key of a mapped row: [(contract column, reason)], the doubts of its mapping
KEDUDUKAN = codes.code_aliases(codes.KEDUDUKAN_HUKUM, codes.KEDUDUKAN_HUKUM_OTHER_NAMES)
JENIS_JABATAN = codes.code_aliases(codes.JENIS_JABATAN, codes.JENIS_JABATAN_OTHER_NAMES)
JENIS_PEGAWAI_PNS = {str(code) for code in codes.JENIS_PEGAWAI_PNS}
EXIT_FIELDS = (  # an exit date, when a file has one: the contract's name, then names SIASN recaps use
    "tanggalkeluar",
    "tmtkeluar",
    "tmtpensiun",
    "tmtberhenti",
    "tanggalmeninggal",
    "tglmeninggal",
    "tmtmeninggal",
)
SERVICE_DATES = ("tmtcpns", "tmtpns", "tmtpppk", "tmtgolongan", "tmtjabatan")  # dates that show a person in service


def _code(value: str | None) -> str:
    """Return a SIASN code or name as its list is looked up: a number without leading zeros ('01' -> '1'), any
    other text as the validator spells vocabulary."""
    text = (value or "").strip()
    return str(int(text)) if text.isdigit() else codes.spelled(text)


def _lookup(aliases: dict[str, str], *values: str | None) -> str | None:
    """Return what the first of `values` found in `aliases` (a code list's codes and names) means, or None."""
    return next((aliases[_code(v)] for v in values if v and _code(v) in aliases), None)


def _eselon_key(value: str | None) -> str:
    """Return an eselon as looked up: letters and digits only, without the word 'eselon' ('Eselon II/a' -> 'iia');
    a code without leading zeros."""
    key = re.sub(r"[^0-9a-z]", "", (value or "").lower()).removeprefix("eselon")
    return str(int(key)) if key.isdigit() else key


ESELON = {_eselon_key(k): v for k, v in codes.code_aliases(codes.ESELON, codes.ESELON_OTHER_NAMES).items()}

# The words of a position's name that tell its category, tried in this order when SIASN's own fields do not tell
# (the last resort, always with a warning). A structural post's level by its usual eselon in a kota.
FUNGSIONAL_BY_NAME = (
    r"\bahli\s+(pertama|muda|madya|utama)\b|\b(pemula|terampil|mahir|penyelia)\b|^(guru|dokter|bidan)\b"
)
STRUKTURAL_BY_NAME = (
    (r"inspektur\s+pembantu|\birban\b", "Administrator"),
    (r"kepala\s+(sub|seksi|tata\s+usaha|uptd?|unit\s+pelaksana|puskesmas)|\bkasub|\bkasi\b|lurah", "Pengawas"),
    (
        r"camat|sekretaris\s+(dinas|badan|kecamatan|inspektorat)|kepala\s+(bagian|bidang)|\bkab(ag|id)\b",
        "Administrator",
    ),
    (r"kepala\s+(dinas|badan|satuan)|sekretaris\s+(daerah|dprd)|asisten|staf\s+ahli|^inspektur\b", "JPT"),
)
STRUKTURAL_USUAL = "Pengawas"  # a structural post whose name tells nothing: the most numerous level in a kota


def _kategori_by_name(name: str, struktural: bool) -> tuple[str, bool]:
    """Return (kategori_jabatan, whether the name told it) from the words of a position's name: a structural
    post by STRUKTURAL_BY_NAME (else STRUKTURAL_USUAL); any other post also by FUNGSIONAL_BY_NAME (else
    Pelaksana)."""
    text = name.lower().strip()
    if not struktural and re.search(FUNGSIONAL_BY_NAME, text):
        return "Fungsional", True
    found = next((k for pattern, k in STRUKTURAL_BY_NAME if re.search(pattern, text)), None)
    if found:
        return found, True
    return (STRUKTURAL_USUAL if struktural else "Pelaksana"), False


def kategori_jabatan(record: dict) -> tuple[str, str | None]:
    """Return the contract's kategori_jabatan of an Export Data ASN record, and the warning when it was guessed
    from the position's name. SIASN's own fields first: jenis jabatan (jenis_jabatan_id, else its name:
    fungsional tertentu -> Fungsional, fungsional umum -> Pelaksana); a structural post (or a jabatan rangkap)
    by its eselon (eselon_id, else eselon_nama or eselon: I-II JPT, III Administrator, IV Pengawas, V
    Pelaksana). Only when these do not tell, the words of jabatan_nama; never a value the contract refuses."""
    jenis = _lookup(JENIS_JABATAN, record.get("jenisjabatanid"), record.get("jenisjabatannama"))
    if jenis is not None and jenis != codes.STRUKTURAL:
        return jenis, None
    eselon = next(
        (ESELON[k] for f in ("eselonid", "eselonnama", "eselon") if (k := _eselon_key(record.get(f))) in ESELON), None
    )
    if eselon is not None:
        return eselon, None
    name = record.get("jabatannama") or ""
    kategori, told = _kategori_by_name(name, jenis == codes.STRUKTURAL)
    written = record.get("jenisjabatannama") or record.get("jenisjabatanid") or ""
    what = "tanpa eselon" if jenis == codes.STRUKTURAL else "tidak dikenal (kode 1-4 atau nama jenis jabatan SIASN)"
    why = "" if told else " (namanya tidak menyebut tingkat jabatan)"
    return kategori, (
        f"jenis_jabatan_nama '{written}' {what}: kategori_jabatan ditebak dari jabatan_nama '{name}' menjadi"
        f" '{kategori}'{why}. Isi eselon_id atau jenis_jabatan_id agar tidak ditebak; baris tetap dimuat."
    )


def _grade(record: dict) -> str | None:
    """Return the record's grade (gol_akhir_nama) without spaces, or None."""
    return (record.get("golakhirnama") or "").replace(" ", "") or None


def _is_pppk_grade(grade: str | None) -> bool:
    """Return True for a PPPK grade (I-XVII), which is not a PNS golongan/ruang."""
    return (grade or "").upper() in codes.PPPK_GOLONGAN


def jenis_asn(record: dict) -> tuple[str, str | None]:
    """Return PNS or PPPK for an Export Data ASN record, and a warning when nothing in it tells: a jenis pegawai
    name naming a PPPK; a jenis pegawai id of SIASN's list (all PNS) or a name naming a (C)PNS; status_cpns_pns;
    else the grade (a PPPK grade I-XVII, or a PNS golongan/ruang); else PNS, with the warning."""
    name = codes.spelled(record.get("jenispegawainama") or "")
    if any(word in name for word in codes.PPPK_NAMES):
        return "PPPK", None
    status = codes.spelled(record.get("statuscpnspns") or "")
    if _code(record.get("jenispegawaiid")) in JENIS_PEGAWAI_PNS or re.search(r"\bc?pns\b", f"{name} {status}"):
        return "PNS", None
    if status in ("c", "p"):
        return "PNS", None
    grade = _grade(record)
    if _is_pppk_grade(grade):
        return "PPPK", None
    if (grade or "").lower() in {g.lower() for g in GOLONGAN}:
        return "PNS", None
    written = record.get("jenispegawainama") or record.get("jenispegawaiid") or ""
    return "PNS", (
        f"jenis_pegawai_nama '{written}' tidak menyebut PNS atau PPPK, dan gol_akhir_nama '{grade or ''}' juga"
        " tidak: dihitung PNS. Periksa kembali; baris tetap dimuat."
    )


def golongan(record: dict, jenis: str) -> tuple[str | None, str | None]:
    """Return the contract's golongan of an Export Data ASN record (a PNS golongan/ruang; empty for a PPPK, whose
    grade I-XVII is another scale), and a warning for a PPPK grade on a record that says PNS."""
    grade = _grade(record)
    if jenis == "PPPK" or grade is None:
        return None, None
    if _is_pppk_grade(grade):
        return None, (
            f"gol_akhir_nama '{grade}' adalah golongan PPPK (I-XVII), padahal jenis_pegawai_nama menyebut PNS:"
            " dimuat sebagai PNS tanpa golongan. Periksa kembali."
        )
    return grade, None


def _date(text: str | None) -> dt.date | None:
    """Return a SIASN date (dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd, a time after it ignored), or None."""
    value = (text or "").strip()
    if found := re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", value[:10]):
        day, month, year = (int(g) for g in found.groups())
    elif found := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", value[:10]):
        year, month, day = (int(g) for g in found.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def tmt_masuk(record: dict, jenis: str) -> str | None:
    """Return when an Export Data ASN record's person started, as written: tmt_cpns (else tmt_pns); for a PPPK,
    who has neither as a rule, tmt_pppk, else those, else the earlier of tmt_golongan and tmt_jabatan (the
    start of their contract grade and of their post)."""
    tmt = {f: record.get(f) for f in SERVICE_DATES}  # every field asked, so known_fields knows them all
    if jenis != "PPPK":
        return tmt["tmtcpns"] or tmt["tmtpns"]
    if given := tmt["tmtpppk"] or tmt["tmtcpns"] or tmt["tmtpns"]:
        return given
    dated = [(d, tmt[f]) for f in ("tmtgolongan", "tmtjabatan") if (d := _date(tmt[f]))]
    return min(dated)[1] if dated else tmt["tmtgolongan"] or tmt["tmtjabatan"]


def _pension_start(record: dict, kategori: str) -> tuple[dt.date, int] | None:
    """Return (TMT pensiun, retirement age) of a person from their birth date and post (domain.BUP_*): the first
    day of the month after the one they reach the age; None without a readable tanggal_lahir."""
    born = _date(record.get("tanggallahir"))
    if born is None:
        return None
    name = (record.get("jabatannama") or "").lower()
    ages = [a for key, a in domain.BUP_BY_JABATAN.items() if key == kategori or re.search(rf"\b{key}\b", name)]
    age = max([domain.BUP_DEFAULT, *ages])
    month = born.month % 12 + 1
    return dt.date(born.year + age + (born.month == 12), month, 1), age


def tanggal_keluar(record: dict, kategori: str) -> tuple[str | None, str | None]:
    """Return the contract's tanggal_keluar of an Export Data ASN record and the warning that explains a date
    the file did not give. kedudukan_hukum (id, else name) says whether the person is still in service (codes
    .KEDUDUKAN_HUKUM); the exit date is one the file has (EXIT_FIELDS), else for a pension the TMT pensiun at the
    retirement age, else 1 January after the latest date that shows them in service (SERVICE_DATES). An unknown
    kedudukan_hukum is a warning and the person counts as in service."""
    given = next((record[f] for f in EXIT_FIELDS if record.get(f)), None)
    written = record.get("kedudukanhukumnama") or record.get("kedudukanhukumid")
    status = _lookup(KEDUDUKAN, record.get("kedudukanhukumid"), record.get("kedudukanhukumnama"))
    if written and status is None:
        return given, (
            f"kedudukan_hukum_nama '{written}' tidak dikenal (daftar kedudukan hukum SIASN): pegawai dihitung masih"
            " bekerja. Periksa kembali; baris tetap dimuat."
        )
    if given or status in (None, codes.AKTIF):
        return given, None
    if status == codes.PENSIUN and (pension := _pension_start(record, kategori)):
        start, age = pension
        return start.isoformat(), (
            f"kedudukan_hukum_nama '{written}' tanpa tanggal keluar: dipakai TMT pensiun '{start.isoformat()}',"
            f" awal bulan sesudah mencapai batas usia pensiun '{age}' tahun (PP 11/2017 pasal 239). Tambahkan"
            " kolom tanggal_keluar bila tanggal sebenarnya lain."
        )
    dates = [d for f in SERVICE_DATES if (d := _date(record.get(f)))]
    if not dates:
        return None, None  # no start date either: the row is rejected for its tmt_masuk
    last = max(dates)
    left = dt.date(last.year + 1, 1, 1).isoformat()
    return left, (
        f"kedudukan_hukum_nama '{written}' tanpa tanggal keluar: dihitung bekerja sampai tahun '{last.year}', tahun"
        f" tanggal terakhir yang tercatat (tmt jabatan/golongan), tanggal_keluar '{left}'. Tambahkan kolom"
        " tanggal_keluar berisi tanggal sebenarnya."
    )


def kedudukan_hukum(record: dict) -> str | None:
    """Return an Export Data ASN record's kedudukan hukum as SIASN names it: the name written, else the name of
    its code (codes.KEDUDUKAN_HUKUM), else the code as written; None when empty."""
    written, code = record.get("kedudukanhukumnama"), record.get("kedudukanhukumid")
    if written or not code:
        return written
    known = codes.KEDUDUKAN_HUKUM.get(int(code)) if code.strip().isdigit() else None
    return known[0] if known else code


def jenis_kelamin(value: str | None) -> str | None:
    """Return L or P for SIASN's M/F, Pria/Wanita, Laki-laki/Perempuan, 1/2; other values as written."""
    key = (value or "").strip().lower()
    return {"m": "L", "pria": "L", "1": "L", "f": "P", "wanita": "P", "2": "P"}.get(key, value)


def year_of(date: str | None) -> str | None:
    """Return the four-digit year of a SIASN date (dd-mm-yyyy or yyyy-mm-dd), or the text as written."""
    found = re.search(r"\b(19|20)[0-9]{2}\b", date or "")
    return found.group(0) if found else date


def _kota(r: dict) -> str | None:
    """Return the city of an Export Data ASN record: its instansi kerja (else its instansi induk) by kota_name."""
    return kota_name(r.get("instansikerjanama") or r.get("instansiinduknama"))


def _pegawai(r: dict, people: People, line: int) -> dict:
    """Return an Export Data ASN record as a pegawai row, with the doubts of its mapping under WARNINGS."""
    jenis, jenis_doubt = jenis_asn(r)
    kategori, kategori_doubt = kategori_jabatan(r)
    gol, gol_doubt = golongan(r, jenis)
    keluar, keluar_doubt = tanggal_keluar(r, kategori)
    doubts = [("jenis_asn", jenis_doubt), ("kategori_jabatan", kategori_doubt), ("golongan", gol_doubt)]
    doubts = [(column, doubt) for column, doubt in [*doubts, ("tanggal_keluar", keluar_doubt)] if doubt]
    row = {
        "nip": r.get("nipbaru"),
        "kota": _kota(r),
        "opd": r.get("unornama"),
        "jenis_asn": jenis,
        "kategori_jabatan": kategori,
        "golongan": gol,
        "jenis_kelamin": jenis_kelamin(r.get("jeniskelamin")),
        "tahun_lahir": year_of(r.get("tanggallahir")),
        "pendidikan": r.get("tingkatpendidikannama"),
        "tmt_masuk": tmt_masuk(r, jenis),
        "tanggal_keluar": keluar,
        "kedudukan_hukum": kedudukan_hukum(r),
    }
    return row | ({WARNINGS: doubts} if doubts else {})


def _kode(kind: str, r: dict, line: int) -> str:
    """Return the kode_program of a training record: SIASN-<record id> (its line when it has no id)."""
    return f"SIASN-{r.get('id') or f'{kind}-{line}'}"


def _program_diklat(r: dict, people: People, line: int) -> dict:
    nip = people.nip(r, "idpns")
    mulai = r.get("tanggal") or r.get("tanggalmulai")
    return {
        "kode_program": _kode("diklat", r, line),
        "kota": people.kota(nip),
        "nama_program": r.get("latihanstrukturalnama") or r.get("namadiklat") or "Diklat struktural",
        "jalur": "klasikal",
        "jenis": "pelatihan struktural kepemimpinan",
        "topik": r.get("latihanstrukturalnama") or "Kepemimpinan",
        "penyelenggara": r.get("institusipenyelenggara") or "(tidak dicatat di SIASN)",
        "tanggal_mulai": mulai,
        "tanggal_selesai": r.get("tanggalselesai") or mulai,
        "jp": r.get("jumlahjam"),
        "biaya": None,
    }


def _program_kursus(r: dict, people: People, line: int) -> dict:
    nip = people.nip(r, "idpns")
    jenis = r.get("jenisdiklatid") or "kursus"
    mulai = r.get("tanggalkursus")
    nama = r.get("namakursus") or r.get("jeniskursusnama")
    return {
        "kode_program": _kode("kursus", r, line),
        "kota": people.kota(nip),
        "nama_program": nama,
        "jalur": jalur_of(jenis),  # as the contract places the type (by SIASN id or name)
        "jenis": jenis,
        "topik": r.get("jeniskursusnama") or nama,
        "penyelenggara": r.get("institusipenyelenggara") or "(tidak dicatat di SIASN)",
        "tanggal_mulai": mulai,
        "tanggal_selesai": r.get("tanggalselesaikursus") or mulai,
        "jp": r.get("jumlahjam"),
        "biaya": None,
    }


def _peserta(kind: str) -> Callable[[dict, People, int], dict]:
    def peserta(r: dict, people: People, line: int) -> dict:
        return {"kode_program": _kode(kind, r, line), "nip": people.nip(r, "idpns"), "status": "lulus"}

    return peserta


def _penilaian(r: dict, people: People, line: int) -> dict:
    row = {
        "tahun": year_of(r.get("tahun")),
        "predikat": r.get("kuadrankinerjanilai") or r.get("kuadrankinerja"),
        "hasil_kerja": r.get("hasilkinerjanilai") or r.get("hasilkinerja"),
        "perilaku_kerja": r.get("perilakukerjanilai") or r.get("perilakukerja"),
    }
    return {"nip": people.nip(r, "pnsdinilaiid"), **{k: _number(v) for k, v in row.items()}}


def _penghargaan(r: dict, people: People, line: int) -> dict:
    return {
        "nip": people.nip(r, "pnsorangid", "idpns"),
        "tahun": year_of(r.get("tahun") or r.get("skdate")),
        "kategori": r.get("harganama") or r.get("hargaid"),
    }


def _number(value: str | None) -> str | None:
    """Return a SIASN code as written without a decimal part ('1.00' -> '1')."""
    return re.sub(r"[.,]0+$", "", value) if value else value


KINDS: tuple[Kind, ...] = (
    Kind(
        "export_asn",
        "SIASN Export Data ASN",
        (("pnsid",), ("nipbaru",), ("unornama",), ("jenisjabatannama", "jenisjabatanid")),
        (("pegawai", _pegawai),),
        "kota dari instansi_kerja_nama ('Pemerintah Kota Pontianak' -> Pontianak); opd dari unor_nama; PPPK bila"
        " jenis_pegawai_nama menyebut PPPK atau golongannya golongan PPPK (I-XVII), yang tidak disimpan sebagai"
        " golongan PNS; tmt_masuk dari tmt_cpns (PPPK: tmt_pppk, atau yang lebih awal dari tmt_golongan dan"
        " tmt_jabatan); kedudukan_hukum menentukan masih bekerja atau tidak (CPNS, CLTN, tugas belajar dan MPP"
        " masih bekerja); tanggal keluar dari kolom tanggal_keluar/tmt_pensiun bila ada, selain itu TMT pensiun"
        " menurut batas usia pensiun, atau 1 Januari sesudah tahun tmt terakhir (diberi peringatan);"
        " kategori_jabatan dari jenis_jabatan dan eselon, dari nama jabatan hanya bila keduanya tidak menentukan"
        " (diberi peringatan).",
    ),
    Kind(
        "rw_diklat",
        "SIASN riwayat diklat (struktural)",
        (("latihanstrukturalid", "latihanstrukturalnama"), ("jumlahjam",)),
        (("program", _program_diklat), ("peserta", _peserta("diklat"))),
        "setiap riwayat menjadi satu kegiatan 'pelatihan struktural kepemimpinan' dan satu peserta berstatus"
        " lulus (riwayat yang tercatat adalah pelatihan yang selesai); biaya tidak dicatat SIASN: dibiarkan kosong;"
        " kota kegiatan = kota pegawainya.",
    ),
    Kind(
        "rw_kursus",
        "SIASN riwayat kursus",
        (("jeniskursusnama", "namakursus", "jeniskursusid"), ("jumlahjam",), ("tanggalkursus", "tahunkursus")),
        (("program", _program_kursus), ("peserta", _peserta("kursus"))),
        "setiap riwayat menjadi satu kegiatan (jenis dari jenisDiklatId, 'kursus' bila kosong) dan satu peserta"
        " berstatus lulus; biaya tidak dicatat SIASN: dibiarkan kosong; kota kegiatan = kota pegawainya.",
    ),
    Kind(
        "rw_skp22",
        "SIASN SKP 2022",
        (("pnsdinilaiid",), ("kuadrankinerjanilai", "kuadrankinerja")),
        (("penilaian_kinerja", _penilaian),),
        "pegawai dicari dari pnsDinilaiId di Export Data ASN; predikat dari kuadran, hasil dan perilaku kerja"
        " dari kodenya.",
    ),
    Kind(
        "rw_penghargaan",
        "SIASN riwayat penghargaan",
        (("hargaid", "harganama"), ("pnsorangid", "nipbaru")),
        (("penghargaan", _penghargaan),),
        "kategori = hargaNama; pegawai dicari dari pnsOrangId di Export Data ASN.",
    ),
)


PROBLEM = "_masalah"  # key of a mapped row: (column as the file names it, reason), why the row cannot be used
# Why a record's person is not known (People.last), naming the record's field ({kolom}) and what it costs the row
# ({akibat}, by the contract column left empty: EFFECT). A pns_id is personal data: never quoted.
NOT_IN_EXPORT = "{kolom} di baris ini tidak ada sebagai pns_id di ekspor Data ASN: {akibat}."
NO_EXPORT = (
    "{kolom} menunjuk pegawai di ekspor Data ASN, tetapi folder ini tidak berisi file ekspor Data ASN: {akibat}."
)
NO_ID = "{kolom} dan nipBaru kosong: {akibat}."
NIP_NOT_IN_EXPORT = "NIP di kolom {kolom} tidak ada di ekspor Data ASN: {akibat}."
EXCEL_CUT_HERE = (
    "{kolom} tertulis sebagai angka yang dipotong Excel (1,98503E+17, atau 15 angka lalu 000), dan pegawainya tidak"
    " ditemukan lewat id lain: {akibat}. Format kolom {kolom} sebagai Teks, lalu ketik ulang NIP 18 angka."
)
EXCEL_CUT_THERE = (
    "{kolom} menunjuk pegawai yang nip_baru-nya di ekspor Data ASN dipotong Excel (1,98503E+17, atau 15 angka lalu"
    " 000): {akibat}. Format kolom nip_baru di ekspor Data ASN sebagai Teks, lalu ketik ulang NIP 18 angka."
)
RELINKED = (
    "NIP di kolom {kolom} tidak ada di ekspor Data ASN (tertulis sebagai angka yang dipotong Excel?): pegawainya"
    " dikenali dari {id}. Baris tetap dimuat."
)
EFFECT = {"nip": "pegawainya tidak dikenali", "kota": "kota kegiatannya (kota pegawai itu) tidak diketahui"}


def unlinked(people: People, record: dict, row: dict) -> tuple[str, str, str] | None:
    """Return (the record's field, the contract column, why with {kolom} and {akibat}) when `row`, mapped from
    `record` by looking its person up (People.nip), lacks the person's NIP or kota because the export does not
    know them, or holds a NIP Excel cut; None otherwise."""
    last = people.last
    if last is None or last.record is not record:
        return None
    given = next((f for f in last.id_fields if record.get(f)), None)
    lacking = next((c for c in ("nip", "kota") if c in row and row[c] is None), None)
    if last.nip is not None and excel_cut(last.nip):
        column = "nip" if "nip" in row else lacking or "kota"
        here = last.nip == record.get("nipbaru")
        return ("nipbaru", column, EXCEL_CUT_HERE) if here else (given or "nipbaru", column, EXCEL_CUT_THERE)
    if lacking is None:
        return None
    if last.nip is None:
        if given is None:
            return (last.id_fields[0] if last.id_fields else "nipbaru", lacking, NO_ID)
        return given, lacking, NOT_IN_EXPORT if people.nip_of else NO_EXPORT
    return "nipbaru", lacking, NIP_NOT_IN_EXPORT if people.nip_of else NO_EXPORT


def _explained(people: People, record: dict, row: dict, written: dict[str, str]) -> dict:
    """Return `row` with why its person is not known under PROBLEM (unlinked), or with a warning under WARNINGS
    when its nipBaru gave way to a person id; `written` names the file's fields as it writes them."""
    if why := unlinked(people, record, row):
        name, column, text = written.get(why[0], why[0]), why[1], why[2]
        return row | {PROBLEM: (f"{name} ({column})", text.format(kolom=name, akibat=EFFECT[column]))}
    last = people.last
    if last is not None and last.record is record and last.relinked_by and "nip" in row:
        nipbaru = written.get("nipbaru", "nipBaru")
        warning = (f"{nipbaru} (nip)", RELINKED.format(kolom=nipbaru, id=written.get(last.relinked_by, "pns_id")))
        return row | {WARNINGS: [*row.get(WARNINGS, ()), warning]}
    return row


def to_contract(kind: Kind, dataset: str, records: Records, people: People) -> list[tuple[int, dict]]:
    """Return (line, contract row as text) for every record of a SIASN file, for one of its kind's datasets
    (KeyError for a dataset the kind does not feed: a kind is never mapped as another). A row may also hold the
    doubts of its mapping under WARNINGS (warnings_of), and why it cannot be used under PROBLEM (its person is
    not in the export: unlinked)."""
    mapping = kind.mapping(dataset)
    written = dict(zip(records.fields, records.raw_header, strict=False))
    return [
        (line, _explained(people, r, mapping(r, people, line), written))
        for line, r in zip(records.lines, records.rows, strict=True)
    ]


def warnings_of(rows: list[tuple[int, dict]]) -> list[tuple[int, str, str]]:
    """Return (line, contract column, reason) of every doubt the mapping of these rows had (rows of to_contract);
    a row that passes validation is loaded as mapped and listed with them as warnings."""
    return [(line, column, reason) for line, row in rows for column, reason in row.get(WARNINGS, ())]


def people_of(records: Records) -> list[tuple[str | None, str | None, str | None]]:
    """Return (pns_id, nip, kota) of every record of an Export Data ASN file."""
    return [(r.get("pnsid"), r.get("nipbaru"), _kota(r)) for r in records.rows]
