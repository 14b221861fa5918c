"""Every row check of the load, run through the real pipeline on folders written here.

Most rules share one load: the module fixture `checked` writes one bad or good row per case into a
source folder (each case's row lands on its own line), loads it once, and the tests look their
row up by (dataset, values). File-level behaviours (CSV shape, XLSX, several files) get small
loads of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pytest
from conftest import NIP_A, NIP_B, NIP_C, minimal_rows, pegawai, program, query, write_csv, write_folder

from etl import pipeline
from etl.contract import DATASETS, GOLONGAN, VOCABULARIES
from etl.warehouse import NIP_MASK

# NIPs of employees that exist only to be referenced by the case rows (one per case row).
POOL = [f"19700101199001{k:04d}" for k in range(60)]
NIP_REJECTED = "196912312000031999"  # a pegawai row that is itself rejected
NIP_GROUPED = "19750505 200501 1 001"  # written grouped in pegawai, plain in peserta
NIP_UNKNOWN = "199912312020121999"  # in no pegawai row

SKOR = ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
UNSUR = tuple(f"u{i}" for i in range(1, 10))

# The first rows of the datasets that minimal_rows() leaves empty: line 2 of their files.
FIRST_ROWS = {
    "apbd": {"kota": "Pontianak", "tahun": "2024", "belanja_daerah": "2500000000000"},
    "penilaian_kinerja": {
        "nip": NIP_A,
        "tahun": "2024",
        "predikat": "Baik",
        "hasil_kerja": "Sesuai Ekspektasi",
        "perilaku_kerja": "Sesuai Ekspektasi",
    },
    "anggaran": {
        "kota": "Pontianak",
        "tahun": "2024",
        "kegiatan": "Pelatihan Dasar",
        "sumber_dana": "APBD",
        "pagu": "100000000",
        "realisasi": "80000000",
    },
    "mentoring": {
        "nip_mentor": NIP_A,
        "nip_mentee": NIP_B,
        "tanggal_mulai": "2024-01-01",
        "tanggal_selesai": "2024-06-30",
        "jumlah_sesi": "6",
    },
}


def valid_row(dataset: str, k: int) -> dict:
    """Return the k-th valid row of a dataset, with a key no other row has."""
    return {
        "kota": lambda: {"kota": f"Kota Uji {k}", "provinsi": "Provinsi Uji"},
        "apbd": lambda: {"kota": "Jambi", "tahun": str(2000 + k), "belanja_daerah": "1500000000000"},
        "pegawai": lambda: pegawai(f"19800101200001{k:04d}", nama=f"Pegawai Uji {k}"),
        "program": lambda: program(f"UJI-{k:03d}"),
        "peserta": lambda: {
            "kode_program": "PTK-2024-0001",
            "nip": POOL[k],
            "status": "lulus",
            "nilai_pre": "50",
            "nilai_post": "75",
        },
        "penilaian_kinerja": lambda: {**FIRST_ROWS["penilaian_kinerja"], "nip": POOL[k]},
        "anggaran": lambda: {**FIRST_ROWS["anggaran"], "kota": "Jambi", "kegiatan": f"Kegiatan {k}"},
        "umpan_balik_pelatihan": lambda: {
            "kode_program": "PTK-2024-0001",
            "tanggal": "2024-03-03",
            **dict.fromkeys(SKOR, "4"),
            "komentar": "Materi bermanfaat",
        },
        "survei_kepuasan": lambda: {
            "kota": "Pontianak",
            "opd": "Dinas Kependudukan",
            "tanggal": "2024-05-01",
            **dict.fromkeys(UNSUR, "3"),
        },
        "aspirasi": lambda: {
            "kota": "Pontianak",
            "tanggal": "2024-05-01",
            "saluran": "aplikasi",
            "kategori": "pelayanan",
            "sentimen": "netral",
            "ringkasan": "Antrean panjang",
        },
        "mentoring": lambda: {
            "nip_mentor": POOL[k],
            "nip_mentee": NIP_C,
            "tanggal_mulai": "2024-02-01",
            "tanggal_selesai": "2024-07-31",
            "jumlah_sesi": "5",
        },
        "penghargaan": lambda: {"nip": POOL[k], "tahun": "2024", "kategori": "ASN Berprestasi"},
    }[dataset]()


# ---------------------------------------------------------------------------------------------
# Case tables: (dataset, values written over a valid row, column, expectation).

REQUIRED_MISSING = [
    ("kota", {"provinsi": ""}, "provinsi"),
    ("apbd", {"belanja_daerah": ""}, "belanja_daerah"),
    ("pegawai", {"nip": ""}, "nip"),
    ("pegawai", {"opd": ""}, "opd"),
    ("pegawai", {"tmt_masuk": "   "}, "tmt_masuk"),
    ("program", {"topik": ""}, "topik"),
    ("peserta", {"status": ""}, "status"),
    ("penilaian_kinerja", {"predikat": ""}, "predikat"),
    ("anggaran", {"realisasi": ""}, "realisasi"),
    ("umpan_balik_pelatihan", {"skor_materi": ""}, "skor_materi"),
    ("survei_kepuasan", {"opd": ""}, "opd"),
    ("aspirasi", {"saluran": ""}, "saluran"),
    ("mentoring", {"jumlah_sesi": ""}, "jumlah_sesi"),
    ("penghargaan", {"kategori": ""}, "kategori"),
]

NOT_INTEGER = [
    ("pegawai", "tahun_lahir", "20.5"),
    ("pegawai", "tahun_lahir", "abc"),
    ("program", "jp", "20.5"),
    ("apbd", "tahun", "2024a"),
    ("mentoring", "jumlah_sesi", "tiga"),
    ("umpan_balik_pelatihan", "skor_materi", "4.5"),
    ("survei_kepuasan", "u1", "3,5"),
]

NEGATIVE_MONEY = [
    ("apbd", "belanja_daerah", "-5000"),
    ("program", "biaya", "-1"),
    ("anggaran", "pagu", "-100"),
    ("anggaran", "realisasi", "-1"),
]

NON_NUMERIC_MONEY = [
    ("apbd", "belanja_daerah", "satu juta"),
    ("program", "biaya", "4800000.50"),
    ("anggaran", "pagu", "Rp 100 juta"),
]

INVALID_DATE = [
    ("pegawai", "tmt_masuk", "2024-02-31"),
    ("pegawai", "tmt_masuk", "31/02/2024"),  # dd/mm/yyyy is read (issue 6), 31 February is not a date
    ("pegawai", "tmt_masuk", "2023-02-29"),
    ("pegawai", "tanggal_keluar", "2024-00-10"),
    ("program", "tanggal_mulai", "2024-13-01"),
    ("umpan_balik_pelatihan", "tanggal", "kemarin"),
    ("survei_kepuasan", "tanggal", "2024-04-31"),
    ("aspirasi", "tanggal", "2024/05/01"),
    ("mentoring", "tanggal_mulai", "32-01-2024"),
]

BAD_NIP = [
    ("pegawai", "nip", "19850312201001100"),  # 17 digits
    ("pegawai", "nip", "1985031220100110011"),  # 19 digits
    ("pegawai", "nip", "19850312201001100A"),
    ("peserta", "nip", "19900101201503200"),
    ("penilaian_kinerja", "nip", "1978050520050110031"),
    ("mentoring", "nip_mentor", "19850312201001"),
    ("mentoring", "nip_mentee", "NIP-197805052005"),
    ("penghargaan", "nip", "19900101 201503 2"),
]

VOCAB_ACCEPTED = [
    ("pegawai", {"jenis_asn": " pns "}, "jenis_asn", "PNS"),
    ("pegawai", {"kategori_jabatan": "FUNGSIONAL"}, "kategori_jabatan", "Fungsional"),
    ("pegawai", {"golongan": "iii/b"}, "golongan", "III/b"),
    ("pegawai", {"jenis_kelamin": "p"}, "jenis_kelamin", "P"),
    ("program", {"jalur": "NonKlasikal", "jenis": "E-Learning"}, "jenis", "e-learning"),
    ("peserta", {"status": "LULUS"}, "status", "lulus"),
    (
        "penilaian_kinerja",
        {"predikat": "SANGAT BAIK", "hasil_kerja": "", "perilaku_kerja": ""},
        "predikat",
        "Sangat Baik",
    ),
    (
        "penilaian_kinerja",
        {"predikat": "Kurang/Misconduct", "hasil_kerja": "", "perilaku_kerja": ""},
        "predikat",
        "Kurang",
    ),
    (
        "penilaian_kinerja",
        {"predikat": "sangat baik", "hasil_kerja": "di atas ekspektasi", "perilaku_kerja": "DI ATAS EKSPEKTASI"},
        "hasil_kerja",
        "Di Atas Ekspektasi",
    ),
    ("aspirasi", {"sentimen": " Negatif "}, "sentimen", "negatif"),
]

VOCAB_REJECTED = [
    ("pegawai", "jenis_asn", "Honorer", "jenis_asn"),
    ("pegawai", "kategori_jabatan", "Staf", "kategori_jabatan"),
    ("pegawai", "golongan", "III/f", "golongan"),
    ("pegawai", "jenis_kelamin", "X", "jenis_kelamin"),
    ("program", "jalur", "daring", "jalur"),
    ("program", "jenis", "webinar", "jenis"),
    ("peserta", "status", "lulus bersyarat", "status"),
    ("penilaian_kinerja", "predikat", "Cukup", "predikat"),
    ("penilaian_kinerja", "hasil_kerja", "Luar Biasa", "ekspektasi"),
    ("aspirasi", "sentimen", "marah", "sentimen"),
]

OUT_OF_RANGE = [
    ("program", "jp", "0", "lebih dari 0"),
    ("program", "jp", "-8", "lebih dari 0"),
    ("program", "jp", "1001", "dan 1000"),
    ("peserta", "nilai_pre", "101", "antara 0 dan 100"),
    ("peserta", "nilai_pre", "-1", "antara 0 dan 100"),
    ("peserta", "nilai_post", "100.5", "antara 0 dan 100"),
    ("survei_kepuasan", "u1", "5", "antara 1 dan 4"),
    ("survei_kepuasan", "u9", "0", "antara 1 dan 4"),
    ("umpan_balik_pelatihan", "skor_materi", "6", "antara 1 dan 5"),
    ("umpan_balik_pelatihan", "skor_manfaat", "0", "antara 1 dan 5"),
    ("pegawai", "tahun_lahir", "1850", "antara 1940 dan 2015"),
    ("mentoring", "jumlah_sesi", "-1", "antara 0 dan 1000"),
]

IN_RANGE = [
    ("program", {"jp": "1"}, "jp", 1),
    ("program", {"biaya": "0"}, "biaya", 0),
    ("peserta", {"nilai_pre": "0"}, "nilai_pre", 0.0),
    ("peserta", {"nilai_post": "100"}, "nilai_post", 100.0),
    ("peserta", {"nilai_pre": ""}, "nilai_pre", None),
    ("survei_kepuasan", {"u1": "1"}, "u1", 1),
    ("survei_kepuasan", {"u9": "4"}, "u9", 4),
    ("umpan_balik_pelatihan", {"skor_materi": "1"}, "skor_materi", 1),
    ("umpan_balik_pelatihan", {"skor_manfaat": "5"}, "skor_manfaat", 5),
    ("pegawai", {"tmt_masuk": "2024-02-29"}, "tmt_masuk", dt.date(2024, 2, 29)),
    ("pegawai", {"golongan": ""}, "golongan", None),
]

END_BEFORE_START = [
    ("program", {"tanggal_mulai": "2024-03-05", "tanggal_selesai": "2024-03-01"}, "tanggal_selesai", "tanggal_mulai"),
    ("mentoring", {"tanggal_mulai": "2024-06-01", "tanggal_selesai": "2024-01-31"}, "tanggal_selesai", "tanggal_mulai"),
    ("pegawai", {"tmt_masuk": "2015-01-01", "tanggal_keluar": "2014-12-31"}, "tanggal_keluar", "tmt_masuk"),
]

END_NOT_BEFORE_START = [
    (
        "program",
        {"tanggal_mulai": "2024-04-10", "tanggal_selesai": "2024-04-10"},
        "tanggal_selesai",
        dt.date(2024, 4, 10),
    ),
    ("mentoring", {"tanggal_mulai": "2024-03-01", "tanggal_selesai": ""}, "tanggal_selesai", None),
    ("pegawai", {"tmt_masuk": "2015-01-01", "tanggal_keluar": "2023-06-30"}, "tanggal_keluar", dt.date(2023, 6, 30)),
]

JENIS_OUTSIDE_JALUR = [
    ({"jalur": "klasikal", "jenis": "coaching"}, "nonklasikal"),
    ({"jalur": "nonklasikal", "jenis": "bimbingan teknis"}, "klasikal"),
]

PREDIKAT_DISAGREES = [
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Baik", "Sangat Kurang"),
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Baik", "Sangat Baik"),
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Baik", "Kurang"),
]

PREDIKAT_ACCEPTED = [
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "Butuh Perbaikan"),
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang"),
    ("Di Atas Ekspektasi", "", "Sangat Baik"),  # only one given: no matrix to check against
    ("", "Di Bawah Ekspektasi", "Baik"),
]

MENTOR_IS_MENTEE = [
    {"nip_mentor": NIP_A, "nip_mentee": NIP_A},
    {"nip_mentor": NIP_B, "nip_mentee": "19900101 201503 2 002"},  # the same NIP, written grouped
]

DUPLICATE_KEYS = [
    ("kota", {"kota": "PONTIANAK"}, "kota.csv"),
    ("apbd", {"kota": "kota pontianak", "tahun": "2024"}, "apbd.csv"),
    ("pegawai", {"nip": NIP_A}, "pegawai.csv"),
    ("pegawai", {"nip": "19850312 201001 1 001"}, "pegawai.csv"),
    ("program", {"kode_program": "PTK-2024-0001"}, "program.csv"),
    ("peserta", {"nip": NIP_A}, "peserta.csv"),
    ("penilaian_kinerja", {"nip": NIP_A, "tahun": "2024"}, "penilaian_kinerja.csv"),
    ("anggaran", {"kota": "Pontianak", "kegiatan": "Pelatihan Dasar"}, "anggaran.csv"),
    ("mentoring", {"nip_mentor": NIP_A, "nip_mentee": NIP_B, "tanggal_mulai": "2024-01-01"}, "mentoring.csv"),
]

UNKNOWN_REFERENCES = [
    ("peserta", {"nip": NIP_UNKNOWN}, "nip", "pegawai"),
    ("peserta", {"nip": NIP_REJECTED}, "nip", "pegawai"),  # its pegawai row was rejected
    ("peserta", {"kode_program": "TIDAK-ADA-01"}, "kode_program", "program"),
    ("penilaian_kinerja", {"nip": NIP_UNKNOWN}, "nip", "pegawai"),
    ("mentoring", {"nip_mentor": NIP_UNKNOWN}, "nip_mentor", "pegawai"),
    ("mentoring", {"nip_mentee": NIP_UNKNOWN}, "nip_mentee", "pegawai"),
    ("penghargaan", {"nip": NIP_UNKNOWN}, "nip", "pegawai"),
    ("umpan_balik_pelatihan", {"kode_program": "TIDAK-ADA-02"}, "kode_program", "program"),
]

DATASETS_WITH_KOTA = ["apbd", "pegawai", "program", "anggaran", "survei_kepuasan", "aspirasi"]

KOTA_SPELLINGS = [
    ("pegawai", {"kota": "KOTA PONTIANAK"}, "Pontianak"),
    ("pegawai", {"kota": " pontianak "}, "Pontianak"),
    ("apbd", {"kota": "kota jambi"}, "Jambi"),
    ("program", {"kota": "Kota Jambi"}, "Jambi"),
    ("anggaran", {"kota": "JAMBI"}, "Jambi"),
    ("survei_kepuasan", {"kota": "Kota  Pontianak"}, "Pontianak"),
    ("aspirasi", {"kota": "pontianak"}, "Pontianak"),
]

NIP_IN_ANOTHER_COLUMN = [
    ("pegawai", "tahun_lahir", NIP_A),
    ("pegawai", "jenis_asn", NIP_B),
    ("pegawai", "kota", NIP_C),
    ("peserta", "kode_program", NIP_A),
]

SEVERAL_PROBLEMS = {"opd": "", "tahun_lahir": "abc", "jenis_asn": "Honorer"}

CASES: list[tuple[str, dict]] = [
    *((d, v) for d, v, _ in REQUIRED_MISSING),
    *((d, {c: x}) for d, c, x in NOT_INTEGER + NEGATIVE_MONEY + NON_NUMERIC_MONEY + INVALID_DATE + BAD_NIP),
    *((d, v) for d, v, _, _ in VOCAB_ACCEPTED),
    *((d, {c: x}) for d, c, x, _ in VOCAB_REJECTED + OUT_OF_RANGE),
    *((d, v) for d, v, _, _ in IN_RANGE + END_BEFORE_START + END_NOT_BEFORE_START),
    *(("program", v) for v, _ in JENIS_OUTSIDE_JALUR),
    ("program", {"jalur": "nonklasikal", "jenis": "coaching"}),
    *(
        ("penilaian_kinerja", {"hasil_kerja": h, "perilaku_kerja": p, "predikat": pr})
        for h, p, pr, *_ in PREDIKAT_DISAGREES + PREDIKAT_ACCEPTED
    ),
    *(("mentoring", v) for v in MENTOR_IS_MENTEE),
    ("survei_kepuasan", dict.fromkeys(UNSUR, "")),
    ("survei_kepuasan", {"u3": "", "u7": " "}),
    *((d, v) for d, v, _ in DUPLICATE_KEYS),
    *((d, v) for d, v, _, _ in UNKNOWN_REFERENCES),
    *((d, {"kota": "Medan"}) for d in DATASETS_WITH_KOTA),
    *((d, v) for d, v, _ in KOTA_SPELLINGS),
    *((d, {c: x}) for d, c, x in NIP_IN_ANOTHER_COLUMN),
    ("pegawai", {"nip": NIP_GROUPED}),
    ("peserta", {"nip": NIP_GROUPED.replace(" ", "")}),
    ("peserta", {"nip": "19780505 200501 1 003"}),  # NIP_C, written grouped
    ("pegawai", SEVERAL_PROBLEMS),
]

# A second file of penghargaan whose third data row is bad: line 4 of that file.
THIRD_ROW_FILE = "penghargaan_baris.csv"


def case_key(dataset: str, values: dict) -> tuple:
    return dataset, tuple(sorted(values.items()))


@dataclass
class Checked:
    """One load of the case folder: the report, the warehouse, and where each case row went."""

    report: pipeline.Report
    db: Path
    lines: dict[tuple, int]
    rows_written: dict[str, int]
    rejects: list[dict]

    def line(self, dataset: str, values: dict) -> int:
        return self.lines[case_key(dataset, values)]

    def rejects_at(self, dataset: str, file: str, line: int) -> list[dict]:
        return [r for r in self.rejects if (r["dataset"], r["file"], r["line"]) == (dataset, file, line)]

    def problems(self, dataset: str, values: dict) -> list[tuple[str, str]]:
        """Return (column, reason) of every problem reported for a case row."""
        found = self.rejects_at(dataset, f"{dataset}.csv", self.line(dataset, values))
        return sorted((r["column_name"], r["reason"]) for r in found)

    def raw_values(self, dataset: str, values: dict) -> list[dict]:
        found = self.rejects_at(dataset, f"{dataset}.csv", self.line(dataset, values))
        return [json.loads(r["raw_values"]) for r in found]

    def stored(self, dataset: str, values: dict, column: str) -> object:
        """Return the value the warehouse's raw table holds for a case row (which must be loaded)."""
        rows = query(
            self.db,
            f"SELECT {column} FROM raw_{dataset} WHERE _file = ? AND _line = ?",
            [f"{dataset}.csv", self.line(dataset, values)],
        )
        assert len(rows) == 1, f"row {values} of {dataset} not loaded exactly once: {rows}"
        return rows[0][0]


def reject_rows(db: Path) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM etl_rejects")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    rows = minimal_rows()
    rows["pegawai"].append(pegawai(NIP_REJECTED, tahun_lahir="abc"))
    rows["pegawai"] += [pegawai(nip, nama=f"Pegawai Pool {k}") for k, nip in enumerate(POOL)]
    for name, first in FIRST_ROWS.items():
        rows[name] = [first]
    lines: dict[tuple, int] = {}
    counters: dict[str, int] = {}
    for dataset, values in CASES:
        key = case_key(dataset, values)
        assert key not in lines, f"case written twice: {key}"
        k = counters[dataset] = counters.get(dataset, -1) + 1
        dataset_rows = rows.setdefault(dataset, [])
        dataset_rows.append({**valid_row(dataset, k), **values})
        lines[key] = len(dataset_rows) + 1  # the header is line 1
    folder = write_folder(tmp_path_factory.mktemp("kasus") / "sumber", rows)
    good = {"nip": NIP_A, "tahun": "2023", "kategori": "Inovasi"}
    write_csv(folder, THIRD_ROW_FILE, [good, {**good, "nip": NIP_B}, {**good, "tahun": "dua ribu"}])
    written = {name: len(r) for name, r in rows.items()}
    written["penghargaan"] += 3
    db = folder.parent / "gudang" / "warehouse.duckdb"
    report = pipeline.load(folder, db)
    assert report.status == "ok", report.errors
    return Checked(report, db, lines, written, reject_rows(db))


def assert_one_problem(checked: Checked, dataset: str, values: dict, column: str, *fragments: str) -> str:
    """Assert the case row has exactly one problem, on `column`, whose reason holds every fragment."""
    problems = checked.problems(dataset, values)
    assert [c for c, _ in problems] == [column], problems
    reason = problems[0][1]
    for fragment in fragments:
        assert fragment in reason
    return reason


def assert_loaded_without_problems(checked: Checked, dataset: str, values: dict) -> None:
    assert checked.problems(dataset, values) == []
    rows = query(
        checked.db,
        f"SELECT count(*) FROM raw_{dataset} WHERE _file = ? AND _line = ?",
        [f"{dataset}.csv", checked.line(dataset, values)],
    )
    assert rows == [(1,)]


# ---------------------------------------------------------------------------------------------
# Values


@pytest.mark.parametrize(("dataset", "values", "column"), REQUIRED_MISSING)
def test_missing_required_value_is_rejected(checked, dataset, values, column):
    assert_one_problem(checked, dataset, values, column, f"Kolom {column} wajib diisi")


@pytest.mark.parametrize(("dataset", "column", "value"), NOT_INTEGER)
def test_value_that_is_not_a_whole_number_is_rejected(checked, dataset, column, value):
    assert_one_problem(checked, dataset, {column: value}, column, f"'{value}'", "bukan bilangan bulat")


@pytest.mark.parametrize(("dataset", "column", "value"), NEGATIVE_MONEY)
def test_negative_money_is_rejected(checked, dataset, column, value):
    assert_one_problem(checked, dataset, {column: value}, column, value, "tidak boleh negatif")


@pytest.mark.parametrize(("dataset", "column", "value"), NON_NUMERIC_MONEY)
def test_money_that_is_not_whole_rupiah_is_rejected(checked, dataset, column, value):
    assert_one_problem(checked, dataset, {column: value}, column, f"'{value}'", "bukan jumlah Rupiah")


@pytest.mark.parametrize(("dataset", "column", "value"), INVALID_DATE)
def test_invalid_date_is_rejected(checked, dataset, column, value):
    assert_one_problem(checked, dataset, {column: value}, column, f"'{value}'", "bukan tanggal yang valid")


@pytest.mark.parametrize(("dataset", "column", "value"), BAD_NIP)
def test_nip_not_18_digits_is_rejected_with_masked_raw_value(checked, dataset, column, value):
    reason = assert_one_problem(checked, dataset, {column: value}, column, "18 angka")
    assert value not in reason
    (raw,) = checked.raw_values(dataset, {column: value})
    assert raw[column] is not None
    assert raw[column] != value
    assert value not in json.dumps(raw)


def test_grouped_nip_is_accepted(checked):
    assert_loaded_without_problems(checked, "pegawai", {"nip": NIP_GROUPED})


def test_grouped_nip_is_the_same_employee_as_the_plain_nip(checked):
    pegawai_id = checked.stored("pegawai", {"nip": NIP_GROUPED}, "id_pegawai")
    peserta_id = checked.stored("peserta", {"nip": NIP_GROUPED.replace(" ", "")}, "id_pegawai")
    assert pegawai_id == peserta_id


def test_grouped_nip_matches_a_plain_nip_in_pegawai(checked):
    assert_loaded_without_problems(checked, "peserta", {"nip": "19780505 200501 1 003"})


@pytest.mark.parametrize(("dataset", "values", "column", "stored"), VOCAB_ACCEPTED)
def test_vocabulary_matches_ignoring_case_and_space_and_stores_canonical_value(
    checked, dataset, values, column, stored
):
    assert_loaded_without_problems(checked, dataset, values)
    assert checked.stored(dataset, values, column) == stored


@pytest.mark.parametrize(("dataset", "column", "value", "vocab"), VOCAB_REJECTED)
def test_unknown_vocabulary_value_is_rejected_with_allowed_list(checked, dataset, column, value, vocab):
    allowed = ", ".join(VOCABULARIES[vocab])
    assert_one_problem(checked, dataset, {column: value}, column, f"'{value}'", allowed)


def test_allowed_list_of_golongan_names_every_golongan(checked):
    reason = assert_one_problem(checked, "pegawai", {"golongan": "III/f"}, "golongan")
    assert all(g in reason for g in GOLONGAN)


@pytest.mark.parametrize(("dataset", "column", "value", "rule"), OUT_OF_RANGE)
def test_value_out_of_range_is_rejected(checked, dataset, column, value, rule):
    assert_one_problem(checked, dataset, {column: value}, column, value, rule)


@pytest.mark.parametrize(("dataset", "values", "column", "stored"), IN_RANGE)
def test_value_at_the_edge_of_its_range_is_accepted(checked, dataset, values, column, stored):
    assert_loaded_without_problems(checked, dataset, values)
    assert checked.stored(dataset, values, column) == stored


# ---------------------------------------------------------------------------------------------
# Rules across columns


@pytest.mark.parametrize(("dataset", "values", "column", "other"), END_BEFORE_START)
def test_end_date_before_start_date_is_rejected(checked, dataset, values, column, other):
    assert_one_problem(checked, dataset, values, column, column, other, "lebih awal")


@pytest.mark.parametrize(("dataset", "values", "column", "stored"), END_NOT_BEFORE_START)
def test_end_date_on_or_after_start_date_or_blank_is_accepted(checked, dataset, values, column, stored):
    assert_loaded_without_problems(checked, dataset, values)
    assert checked.stored(dataset, values, column) == stored


@pytest.mark.parametrize(("values", "real_jalur"), JENIS_OUTSIDE_JALUR)
def test_jenis_not_belonging_to_jalur_is_rejected(checked, values, real_jalur):
    assert_one_problem(checked, "program", values, "jenis", f"'{values['jenis']}'", f"jalur {real_jalur}")


def test_jenis_belonging_to_jalur_is_accepted(checked):
    assert_loaded_without_problems(checked, "program", {"jalur": "nonklasikal", "jenis": "coaching"})


@pytest.mark.parametrize(("hasil", "perilaku", "predikat", "expected"), PREDIKAT_DISAGREES)
def test_predikat_disagreeing_with_matrix_is_loaded_as_recorded_with_a_warning(
    checked, hasil, perilaku, predikat, expected
):
    values = {"hasil_kerja": hasil, "perilaku_kerja": perilaku, "predikat": predikat}
    assert_loaded_without_problems(checked, "penilaian_kinerja", values)
    assert checked.stored("penilaian_kinerja", values, "predikat") == predikat
    warnings = query(
        checked.db,
        "SELECT column_name, reason FROM etl_warnings WHERE file = ? AND line = ?",
        ["penilaian_kinerja.csv", checked.line("penilaian_kinerja", values)],
    )
    assert [column for column, _ in warnings] == ["predikat"]
    assert f"'{predikat}'" in warnings[0][1] and f"menghasilkan {expected}" in warnings[0][1]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), PREDIKAT_ACCEPTED)
def test_predikat_agreeing_with_matrix_or_with_only_one_rating_given_is_accepted(checked, hasil, perilaku, predikat):
    values = {"hasil_kerja": hasil, "perilaku_kerja": perilaku, "predikat": predikat}
    assert_loaded_without_problems(checked, "penilaian_kinerja", values)
    assert checked.stored("penilaian_kinerja", values, "predikat") == predikat


@pytest.mark.parametrize("values", MENTOR_IS_MENTEE, ids=["same_spelling", "grouped_spelling"])
def test_mentor_who_is_the_mentee_is_rejected(checked, values):
    problems = checked.problems("mentoring", values)
    assert [reason for _, reason in problems] == ["Mentor dan mentee tidak boleh orang yang sama."]


def test_survei_with_all_nine_unsur_blank_is_rejected(checked):
    problems = checked.problems("survei_kepuasan", dict.fromkeys(UNSUR, ""))
    assert len(problems) == 1
    assert "u1" in problems[0][1]
    assert "kosong" in problems[0][1]


def test_survei_with_some_unsur_blank_is_accepted_with_blanks_stored_as_null(checked):
    values = {"u3": "", "u7": " "}
    assert_loaded_without_problems(checked, "survei_kepuasan", values)
    assert checked.stored("survei_kepuasan", values, "u3") is None
    assert checked.stored("survei_kepuasan", values, "u7") is None
    assert checked.stored("survei_kepuasan", values, "u4") == 3


# ---------------------------------------------------------------------------------------------
# Duplicate keys and references


@pytest.mark.parametrize(("dataset", "values", "file"), DUPLICATE_KEYS)
def test_duplicate_key_is_rejected_naming_the_kept_row_line_and_file(checked, dataset, values, file):
    problems = checked.problems(dataset, values)
    assert len(problems) == 1, problems
    assert "baris 2 " in problems[0][1]
    assert file in problems[0][1]


def test_first_row_of_a_duplicate_key_is_the_one_loaded(checked):
    rows = query(checked.db, "SELECT _line FROM raw_program WHERE kode_program = 'PTK-2024-0001'")
    assert rows == [(2,)]


@pytest.mark.parametrize(("dataset", "values", "column", "target"), UNKNOWN_REFERENCES)
def test_reference_to_unknown_key_is_rejected(checked, dataset, values, column, target):
    reason = assert_one_problem(checked, dataset, values, column, f"data {target}")
    assert "tidak ditemukan" in reason


@pytest.mark.parametrize("dataset", DATASETS_WITH_KOTA)
def test_kota_not_in_kota_file_is_rejected(checked, dataset):
    assert_one_problem(checked, dataset, {"kota": "Medan"}, "kota", "'Medan'", "tidak ditemukan", "data kota")


@pytest.mark.parametrize(("dataset", "values", "stored"), KOTA_SPELLINGS)
def test_kota_matches_ignoring_case_and_prefix_and_is_stored_as_the_kota_file_spells_it(
    checked, dataset, values, stored
):
    assert_loaded_without_problems(checked, dataset, values)
    assert checked.stored(dataset, values, "kota") == stored


# ---------------------------------------------------------------------------------------------
# What a reject records


def test_third_data_row_of_a_csv_is_reported_as_line_4(checked):
    found = checked.rejects_at("penghargaan", THIRD_ROW_FILE, 4)
    assert [(r["column_name"], r["reason"]) for r in found] == [("tahun", "'dua ribu' bukan bilangan bulat.")]
    assert len([r for r in checked.rejects if r["file"] == THIRD_ROW_FILE]) == 1


def test_row_with_several_problems_lists_every_problem(checked):
    problems = checked.problems("pegawai", SEVERAL_PROBLEMS)
    assert [c for c, _ in problems] == ["jenis_asn", "opd", "tahun_lahir"]


@pytest.mark.parametrize(("dataset", "column", "nip"), NIP_IN_ANOTHER_COLUMN)
def test_nip_written_in_the_wrong_column_is_not_repeated_in_the_reason(checked, dataset, column, nip):
    problems = checked.problems(dataset, {column: nip})
    assert [c for c, _ in problems] == [column]
    assert nip not in problems[0][1]


@pytest.mark.parametrize(("dataset", "column", "nip"), NIP_IN_ANOTHER_COLUMN)
def test_nip_quoted_in_the_reason_appears_masked(checked, dataset, column, nip):
    # a number (tahun_lahir), vocabulary (jenis_asn), kota and reference column each quote the bad cell
    problems = checked.problems(dataset, {column: nip})
    assert [c for c, _ in problems] == [column]
    assert NIP_MASK in problems[0][1]
    assert nip not in problems[0][1]


def test_reasons_never_contain_a_nip(checked):
    nip_like = re.compile(r"[0-9]{8}[ .]?[0-9]{6}[ .]?[0-9][ .]?[0-9]{3}")
    assert [r["reason"] for r in checked.rejects if nip_like.search(r["reason"])] == []


ENGLISH_WORDS = {"must", "invalid", "missing", "required", "error", "expected", "found", "duplicate", "could", "not"}


def test_reasons_are_in_indonesian(checked):
    english = [r["reason"] for r in checked.rejects if ENGLISH_WORDS & set(re.findall(r"[a-z]+", r["reason"].lower()))]
    assert english == []
    assert all(r["reason"] for r in checked.rejects)


def test_rejected_pegawai_raw_values_leave_out_nama(checked):
    raw = [json.loads(r["raw_values"]) for r in checked.rejects if r["dataset"] == "pegawai"]
    assert raw
    assert all("nama" not in values for values in raw)
    names = ("Pegawai Uji", "Pegawai Pool", "Nama Contoh", "Budi Santoso", "Siti Aminah", "Rahmat Hidayat")
    assert not any(name in json.dumps(values) for values in raw for name in names)


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_rows_read_equals_rows_loaded_plus_rows_rejected(checked, dataset):
    counts = checked.report.datasets[dataset]
    assert counts["rows_read"] == checked.rows_written.get(dataset, 0)
    assert counts["rows_read"] == counts["rows_loaded"] + counts["rows_rejected"]
    assert query(checked.db, f"SELECT count(*) FROM raw_{dataset}") == [(counts["rows_loaded"],)]
    rejected = query(checked.db, "SELECT count(DISTINCT (file, line)) FROM etl_rejects WHERE dataset = ?", [dataset])
    assert rejected == [(counts["rows_rejected"],)]


def test_row_with_several_problems_is_counted_once_as_rejected(checked):
    pegawai_rejects = [r for r in checked.rejects if r["dataset"] == "pegawai"]
    rejected_lines = {(r["file"], r["line"]) for r in pegawai_rejects}
    assert len(checked.problems("pegawai", SEVERAL_PROBLEMS)) == 3
    assert len(pegawai_rejects) > len(rejected_lines)
    assert checked.report.datasets["pegawai"]["rows_rejected"] == len(rejected_lines)


# ---------------------------------------------------------------------------------------------
# Several files of one dataset


@pytest.fixture(scope="module")
def two_peserta_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    rows = minimal_rows()
    del rows["peserta"]
    folder = write_folder(tmp_path_factory.mktemp("dua") / "sumber", rows)
    kode = "PTK-2024-0001"
    write_csv(
        folder,
        "peserta_a.csv",
        [
            {"kode_program": kode, "nip": NIP_A, "status": "lulus"},
            {"kode_program": kode, "nip": NIP_B, "status": "tidak_hadir"},
        ],
    )
    write_csv(
        folder,
        "peserta_b.csv",
        [
            {"kode_program": kode, "nip": NIP_B, "status": "lulus"},
            {"kode_program": kode, "nip": NIP_C, "status": "lulus"},
        ],
    )
    db = folder.parent / "gudang" / "warehouse.duckdb"
    return pipeline.load(folder, db), db


def test_all_files_of_a_dataset_are_combined(two_peserta_files):
    report, db = two_peserta_files
    assert report.datasets["peserta"]["files"] == 2
    assert query(db, "SELECT _file, _line FROM raw_peserta ORDER BY ALL") == [
        ("peserta_a.csv", 2),
        ("peserta_a.csv", 3),
        ("peserta_b.csv", 3),
    ]


def test_duplicate_key_across_two_files_is_rejected_naming_the_first_file(two_peserta_files):
    _, db = two_peserta_files
    rows = query(db, "SELECT file, line, reason FROM etl_rejects WHERE dataset = 'peserta'")
    assert len(rows) == 1
    file, line, reason = rows[0]
    assert (file, line) == ("peserta_b.csv", 2)
    assert "baris 3 " in reason
    assert "peserta_a.csv" in reason


def test_duplicate_key_across_two_files_keeps_the_row_of_the_first_file(two_peserta_files):
    _, db = two_peserta_files
    assert query(db, "SELECT status FROM raw_peserta WHERE _file = 'peserta_a.csv' AND _line = 3") == [("tidak_hadir",)]


# ---------------------------------------------------------------------------------------------
# CSV shape: blank lines and lines with the wrong number of columns

ASPIRASI_HEADER = "kota,tanggal,saluran,kategori,sentimen,opd,ringkasan"
MESSY_LINES = [
    ASPIRASI_HEADER,  # 1
    "Pontianak,2024-05-01,aplikasi,jalan,positif,,Jalan sudah bagus",  # 2
    "",  # 3
    "Pontianak,2024-05-02,aplikasi,jalan,marah,,Jalan rusak",  # 4: bad sentimen
    "",  # 5
    "",  # 6
    "Pontianak,2024-05-03,forum,air,netral,,Air keruh,kolom lebih",  # 7: too many columns
    "Pontianak,2024-05-04,forum",  # 8: too few columns
    "Jambi,2024-05-05,forum,air,kesal,,Air mati",  # 9: bad sentimen
    "Jambi,2024-05-06,forum,air,negatif,Dinas PU,Air mati lagi",  # 10
]


@pytest.fixture(scope="module", params=["\n", "\r\n"], ids=["lf", "crlf"])
def messy_csv(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    folder = write_folder(tmp_path_factory.mktemp("csv") / "sumber", minimal_rows())
    (folder / "aspirasi.csv").write_bytes(request.param.join(MESSY_LINES + [""]).encode())
    db = folder.parent / "gudang" / "warehouse.duckdb"
    return pipeline.load(folder, db), db


def test_blank_lines_do_not_shift_the_line_numbers_of_later_rows(messy_csv):
    _, db = messy_csv
    rows = query(db, "SELECT line, column_name FROM etl_rejects WHERE column_name = 'sentimen' ORDER BY line")
    assert rows == [(4, "sentimen"), (9, "sentimen")]
    assert query(db, "SELECT _line FROM raw_aspirasi ORDER BY _line") == [(2,), (10,)]


def test_line_with_too_many_columns_is_rejected_with_its_line_number(messy_csv):
    _, db = messy_csv
    rows = query(db, "SELECT reason, raw_values FROM etl_rejects WHERE dataset = 'aspirasi' AND line = 7")
    assert len(rows) == 1
    assert "lebih banyak" in rows[0][0]
    assert "Air keruh" in rows[0][1]


def test_line_with_too_few_columns_is_rejected_with_its_line_number(messy_csv):
    _, db = messy_csv
    rows = query(db, "SELECT reason FROM etl_rejects WHERE dataset = 'aspirasi' AND line = 8")
    assert len(rows) == 1
    assert "kurang" in rows[0][0]


def test_lines_with_the_wrong_number_of_columns_do_not_stop_the_load(messy_csv):
    report, _ = messy_csv
    assert report.status == "ok"
    counts = report.datasets["aspirasi"]
    assert (counts["rows_read"], counts["rows_loaded"], counts["rows_rejected"]) == (6, 2, 4)


# ---------------------------------------------------------------------------------------------
# XLSX and other CSV dialects


def write_xlsx(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def xlsx_load(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    rows = minimal_rows()
    del rows["pegawai"], rows["peserta"], rows["program"]
    folder = write_folder(tmp_path_factory.mktemp("xlsx") / "sumber", rows)
    header = [c.name for c in DATASETS["pegawai"].columns]

    def row(nip, **values):
        record = {**pegawai(nip), **values}
        return [record.get(h) for h in header]

    write_xlsx(
        folder / "pegawai.xlsx",
        [
            header,  # row 1
            row(NIP_A, tmt_masuk=dt.datetime(2010, 1, 1), tahun_lahir=1985),  # 2
            row(NIP_B, tmt_masuk=dt.date(2012, 5, 17)),  # 3
            row(NIP_C, tahun_lahir="abc"),  # 4
            [],  # 5
            row("198001012005011234", jenis_asn="Honorer"),  # 6
        ],
    )
    write_xlsx(
        folder / "apbd_2024.xlsx",
        [
            ["Belanja Daerah per Kota"],  # 1: title
            [],  # 2
            ["kota", "tahun", "belanja_daerah"],  # 3: header
            ["Pontianak", 2024, 2500000000000],  # 4
            ["Jambi", 2024, -5],  # 5
            ["Jambi", 2023, 2100000000000],  # 6
        ],
    )
    db = folder.parent / "gudang" / "warehouse.duckdb"
    return pipeline.load(folder, db), db


def test_xlsx_rejects_report_spreadsheet_row_numbers(xlsx_load):
    _, db = xlsx_load
    rows = query(db, "SELECT line, column_name FROM etl_rejects WHERE file = 'pegawai.xlsx' ORDER BY line")
    assert rows == [(4, "tahun_lahir"), (6, "jenis_asn")]


def test_xlsx_with_a_title_row_above_the_header_reports_spreadsheet_row_numbers(xlsx_load):
    report, db = xlsx_load
    assert query(db, "SELECT line, column_name FROM etl_rejects WHERE file = 'apbd_2024.xlsx'") == [
        (5, "belanja_daerah")
    ]
    assert query(db, "SELECT _line, kota, tahun FROM raw_apbd ORDER BY _line") == [
        (4, "Pontianak", 2024),
        (6, "Jambi", 2023),
    ]
    assert report.datasets["apbd"]["rows_read"] == 3


def test_xlsx_real_date_cells_are_accepted(xlsx_load):
    _, db = xlsx_load
    assert query(db, "SELECT _line, tmt_masuk, tahun_lahir FROM raw_pegawai ORDER BY _line") == [
        (2, dt.date(2010, 1, 1), 1985),
        (3, dt.date(2012, 5, 17), 1985),
    ]


@pytest.fixture(scope="module")
def excel_csv_load(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    folder = write_folder(tmp_path_factory.mktemp("titik_koma") / "sumber", minimal_rows())
    opd = "Dinas Pendidikan, Pemuda dan Olahraga"
    header = [c.name for c in DATASETS["pegawai"].columns]
    lines = [";".join(header)]
    for nip in (NIP_A, NIP_B, NIP_C):
        record = pegawai(nip, opd=opd)
        lines.append(";".join(record.get(h, "") for h in header))
    (folder / "pegawai.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "peserta.csv").write_text(
        "kode_program;nip;status;nilai_pre;nilai_post\n"
        f"PTK-2024-0001;{NIP_A};lulus;62,5;87,5\n"
        f"PTK-2024-0001;{NIP_B};lulus;;\n",
        encoding="utf-8",
    )
    kota = (folder / "kota.csv").read_bytes()
    (folder / "kota.csv").write_bytes(b"\xef\xbb\xbf" + kota)  # Excel's "CSV UTF-8" starts with a BOM
    db = folder.parent / "gudang" / "warehouse.duckdb"
    return pipeline.load(folder, db), db


def test_csv_starting_with_a_byte_order_mark_is_read(excel_csv_load):
    report, db = excel_csv_load
    assert report.status == "ok"
    assert query(db, "SELECT kota FROM raw_kota ORDER BY _line") == [("Pontianak",), ("Jambi",)]


def test_semicolon_separated_csv_is_read(excel_csv_load):
    report, db = excel_csv_load
    assert report.datasets["pegawai"]["rows_loaded"] == 3
    assert query(db, "SELECT DISTINCT opd FROM raw_pegawai") == [("Dinas Pendidikan, Pemuda dan Olahraga",)]


def test_decimal_comma_in_a_score_is_accepted(excel_csv_load):
    _, db = excel_csv_load
    assert query(db, "SELECT nilai_pre, nilai_post FROM raw_peserta ORDER BY _line") == [(62.5, 87.5), (None, None)]
