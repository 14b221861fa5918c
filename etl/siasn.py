"""SIASN files as a source: how each kind of SIASN record is recognised and mapped onto the input contract.

Declared once, here, next to the contract (the code lists it uses are etl/siasn_codes.py). A folder may hold
SIASN data as it comes out, under any file name: the "Export Data ASN" file (pipe, ';', ',' or tab separated,
`null` for empty, values that may start with an apostrophe, dates dd-mm-yyyy) and the riwayat diklat, riwayat
kursus, SKP 2022 and penghargaan records as CSV, XLSX or JSON (a list of records as the API returns them, with
or without its envelope). A file is recognised by its columns (KINDS), read into text records, and each record
becomes contract rows (MAPPINGS) that the ordinary validator checks: nothing is trusted because it came from
SIASN. The mapping of each file and what it assumed is written into the load report.

`pns_id` (idPns, pnsDinilaiId, pnsOrangId) links records to people: like the NIP it is personal data. It is
looked up in the scratch database only (People), turned into the NIP there, and never reaches the warehouse.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import TYPE_CHECKING

from etl.contract import jalur_of

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

SUFFIXES = (".csv", ".xlsx", ".json")
DELIMITERS = ("|", ";", ",", "\t")
EMPTY = {"", "null", "none", "-"}
SIASN_PEOPLE = "siasn_people"  # scratch table: pns_id, nip, kota of the Export Data ASN (personal data)


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
    by position (a survey form, etl/skm_form.py, matches its questions by their wording)."""

    fields: list[str]
    rows: list[dict[str, str | None]]
    lines: list[int]
    raw_header: list[str] = dataclass_field(default_factory=list)  # the header as written (a survey form's questions)
    raw_rows: list[list[str | None]] = dataclass_field(default_factory=list)  # the values by position


def cell(value: object) -> str | None:
    """Return a SIASN value as text: None for empty or the literal `null`, without a leading apostrophe
    (written to keep a NIP as text) and surrounding space."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().lstrip("'").strip()
    return None if text.lower() in EMPTY else text


def _csv_records(path: Path) -> Records:
    """Read a SIASN CSV (any of DELIMITERS, UTF-8 or Windows-1252)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    raw_header = next(reader, [])
    header = [field(h) for h in raw_header]
    rows, lines, raw_rows = [], [], []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append({h: cell(v) for h, v in zip(header, values, strict=False) if h})
        raw_rows.append([cell(v) for v in values])
        lines.append(number)
    return Records(header, rows, lines, raw_header, raw_rows)


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


def _xlsx_fields(path: Path) -> set[str]:
    """Return the normalised fields of the first row of every sheet of a workbook."""
    return {field(h) for row in first_rows(path) for h in row}


def is_siasn_header(header: list[object]) -> bool:
    """Return True when a header row names the fields of a SIASN kind."""
    return kind_of({field(h) for h in header}) is not None


def _xlsx_records(path: Path, header_test: Callable[[list[object]], bool]) -> Records:
    """Read the first sheet of a workbook whose first row passes `header_test`."""
    workbook = _workbook(path)
    for name in workbook.sheet_names:
        table = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        if table and header_test(table[0]):
            header = [field(h) for h in table[0]]
            body = [(i, r) for i, r in enumerate(table[1:], start=2) if any(cell(v) for v in r)]
            rows = [{h: cell(v) for h, v in zip(header, r, strict=False) if h} for _, r in body]
            raw = [[cell(v) for v in r] for _, r in body]
            return Records(header, rows, [i for i, _ in body], [str(h or "") for h in table[0]], raw)
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
    """Read SIASN JSON: a list of records, with or without the API's envelope."""
    records = [r for r in _json_list(json.loads(path.read_text(encoding="utf-8-sig"))) if isinstance(r, dict)]
    fields: dict[str, None] = {}
    for r in records:
        fields.update({field(k): None for k in r})
    rows = [{field(k): cell(v) for k, v in r.items()} for r in records]
    return Records(list(fields), rows, list(range(1, len(rows) + 1)), list(fields), [list(r.values()) for r in rows])


def read_records(path: Path, header_test: Callable[[list[object]], bool] = is_siasn_header) -> Records:
    """Return a file (CSV, XLSX or JSON) as text records, a workbook's first sheet whose header passes
    `header_test` (a SIASN kind's by default); raises ValueError when it cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return _json_records(path)
        if suffix == ".xlsx":
            return _xlsx_records(path, header_test)
        return _csv_records(path)
    except Exception as exc:  # OSError, csv.Error, JSON errors, and the several types calamine raises
        raise ValueError(str(exc)) from exc


def sniff(path: Path) -> Kind | None:
    """Return the kind of SIASN record a file holds, judged by its columns, or None (not SIASN, unreadable)."""
    if path.suffix.lower() not in SUFFIXES:
        return None
    try:
        if path.suffix.lower() == ".csv":
            return kind_of({field(h) for h in csv_header(path)})
        if path.suffix.lower() == ".xlsx":
            return kind_of(_xlsx_fields(path))
        return kind_of(set(read_records(path).fields))
    except Exception:  # unreadable (calamine raises several types for corrupt workbooks): not a SIASN file
        return None


# ---------------------------------------------------------------------------------------------------
# Mapping: a record -> the contract's columns (text), declared once per kind and dataset


@dataclass
class People:
    """Who a pns_id or a NIP is, from the Export Data ASN of the same load: pns_id -> NIP and NIP -> kota.
    Personal data: held only while a load runs."""

    nip_of: dict[str, str]
    kota_of: dict[str, str]

    def nip(self, record: dict, *id_fields: str) -> str | None:
        """Return the record's NIP: its nipBaru, else its person id looked up (None when unknown)."""
        if record.get("nipbaru"):
            return record["nipbaru"]
        return next((self.nip_of[record[f]] for f in id_fields if record.get(f) in self.nip_of), None)

    def kota(self, nip: str | None) -> str | None:
        """Return the kota of the employee with this NIP in the Export Data ASN, or None."""
        return self.kota_of.get(nip or "")


def kota_name(instansi: str | None) -> str | None:
    """Return the city an instansi names: 'Pemerintah Kota Pontianak' -> 'Pontianak', 'PEMKOT JAMBI' -> 'JAMBI'."""
    if not instansi:
        return None
    return re.sub(r"^(pemerintah\s+kota|pemkot|kota)\s+", "", instansi.strip(), flags=re.IGNORECASE) or None


# Structural positions without an eselon: the words of the position's name that tell its level.
STRUKTURAL_BY_NAME = (
    (r"kepala\s+sub|kasub|kepala\s+seksi|\bkasi\b|lurah", "Pengawas"),
    (r"camat|sekretaris\s+(dinas|badan|kecamatan)|kepala\s+(bagian|bidang)|\bkabag\b|\bkabid\b", "Administrator"),
    (r"kepala\s+(dinas|badan|satuan)|sekretaris\s+(daerah|dprd)|asisten|staf\s+ahli|inspektur", "JPT"),
)


def kategori_jabatan(record: dict) -> str | None:
    """Return the contract's kategori_jabatan of an Export Data ASN record: fungsional tertentu -> Fungsional,
    fungsional umum -> Pelaksana, struktural by eselon (I-II JPT, III Administrator, IV-V Pengawas) or else by
    the position's name; as written when none of these tells (the validator then rejects it, saying why)."""
    jenis = (record.get("jenisjabatannama") or "").lower()
    code = record.get("jenisjabatanid")
    if "fungsional tertentu" in jenis or code == "2":
        return "Fungsional"
    if "fungsional umum" in jenis or "pelaksana" in jenis or code == "4":
        return "Pelaksana"
    eselon = (record.get("eselonnama") or record.get("eselon") or "").upper()
    for prefix, kategori in (("II", "JPT"), ("I.", "JPT"), ("III", "Administrator"), ("IV", "Pengawas")):
        if eselon.startswith(prefix) and not (prefix == "II" and eselon.startswith("III")):
            return kategori
    if eselon.startswith("V"):
        return "Pengawas"
    name = (record.get("jabatannama") or "").lower()
    return next((k for pattern, k in STRUKTURAL_BY_NAME if re.search(pattern, name)), record.get("jenisjabatannama"))


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
    jenis_pegawai = (r.get("jenispegawainama") or "").upper()
    return {
        "nip": r.get("nipbaru"),
        "kota": _kota(r),
        "opd": r.get("unornama"),
        "jenis_asn": "PPPK" if "PPPK" in jenis_pegawai else "PNS",
        "kategori_jabatan": kategori_jabatan(r),
        "golongan": (r.get("golakhirnama") or "").replace(" ", "") or None,
        "jenis_kelamin": jenis_kelamin(r.get("jeniskelamin")),
        "tahun_lahir": year_of(r.get("tanggallahir")),
        "pendidikan": r.get("tingkatpendidikannama"),
        "tmt_masuk": r.get("tmtcpns") or r.get("tmtpns"),
    }


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
        "kota dari instansi_kerja_nama ('Pemerintah Kota Pontianak' -> Pontianak); opd dari unor_nama; tmt_masuk"
        " dari tmt_cpns; PPPK bila jenis_pegawai_nama menyebut PPPK, selain itu PNS; jabatan struktural menurut"
        " eselon atau nama jabatannya.",
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


def to_contract(kind: Kind, dataset: str, records: Records, people: People) -> list[tuple[int, dict]]:
    """Return (line, contract row as text) for every record of a SIASN file, for one of its kind's datasets
    (KeyError for a dataset the kind does not feed: a kind is never mapped as another)."""
    mapping = kind.mapping(dataset)
    return [(line, mapping(r, people, line)) for line, r in zip(records.lines, records.rows, strict=True)]


def people_of(records: Records) -> list[tuple[str | None, str | None, str | None]]:
    """Return (pns_id, nip, kota) of every record of an Export Data ASN file."""
    return [(r.get("pnsid"), r.get("nipbaru"), _kota(r)) for r in records.rows]
