"""Who SIASN says a person is: a BKPSDM's own Export Data ASN (every field of the export as
../shared/reference/siasn/siasn_field_lists.csv lists it, pipe-separated, `null` for empty) with made-up people of
every kind (PNS structural, fungsional and pelaksana, PPPK, CPNS, retired, at BUP, died, dismissed, on CLTN, on
study leave, in MPP), their riwayat kursus and SKP 2022, loaded with the real pipeline. The headline numbers are
compared with a count made here by hand from the same people: PPPK are ASN but not in the 20-JP denominator,
leavers are active only up to their exit, the jabatan level comes from SIASN's own fields, and a level or an exit
date the file does not state is a warning, never a reject. Codes: siasn_ref_kedudukan_hukum.csv,
siasn_ref_jenis_jabatan.csv, siasn_ref_eselon.csv, siasn_ref_jenis_pegawai.csv."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from conftest import query, write_folder
from test_skm_form import HEADER, SCALE_ANSWERS, csv_text

from analytics.queries import quality
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from etl import pipeline

# The Export Data ASN fields, in the export's order (siasn_field_lists.csv, "SIASN Export Data ASN" CSV).
EXPORT_FIELDS = (
    "pns_id", "nip_baru", "nip_lama", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir_id", "tempat_lahir_nama",
    "tanggal_lahir", "jenis_kelamin", "agama_id", "agama_nama", "jenis_kawin_id", "jenis_kawin_nama", "nik",
    "nomor_hp", "email", "email_gov", "alamat", "npwp_nomor", "bpjs", "jenis_pegawai_id", "jenis_pegawai_nama",
    "kedudukan_hukum_id", "kedudukan_hukum_nama", "status_cpns_pns", "kartu_asn_virtual", "nomor_sk_cpns",
    "tanggal_sk_cpns", "tmt_cpns", "nomor_sk_pns", "tanggal_sk_pns", "tmt_pns", "gol_awal_id", "gol_awal_nama",
    "gol_akhir_id", "gol_akhir_nama", "tmt_golongan", "mk_tahun", "mk_bulan", "jenis_jabatan_id",
    "jenis_jabatan_nama", "jabatan_id", "jabatan_nama", "tmt_jabatan", "tingkat_pendidikan_id",
    "tingkat_pendidikan_nama", "pendidikan_id", "pendidikan_nama", "tahun_lulus", "kpkn_id", "kpkn_nama",
    "lokasi_kerja_id", "lokasi_kerja_nama", "unor_id", "unor_nama", "instansi_induk_id", "instansi_induk_nama",
    "instansi_kerja_id", "instansi_kerja_nama", "satuan_kerja_induk_id", "satuan_kerja_induk_nama",
    "satuan_kerja_kerja_id", "satuan_kerja_kerja_nama", "is_valid_nik",
)  # fmt: skip
KOTA = [{"kota": "Pontianak", "provinsi": "Kalimantan Barat"}]
PNS_DAERAH = ("15", "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota")  # siasn_ref_jenis_pegawai.csv
STRUKTURAL = ("1", "Jabatan Struktural")  # siasn_ref_jenis_jabatan.csv
JFT = ("2", "Jabatan Fungsional Tertentu")
JFU = ("4", "Jabatan Fungsional Umum")
AKTIF = ("01", "Aktif")  # siasn_ref_kedudukan_hukum.csv
YEARS = (2022, 2023, 2024)


@dataclass
class Person:
    """A made-up person of the export and what the warehouse must make of them: jenis_asn, kategori_jabatan,
    golongan, tmt_masuk, tanggal_keluar, the years they are active in, the contract columns warned about."""

    jenis: tuple[str | None, str | None]  # jenis_pegawai id, name
    kedudukan: tuple[str | None, str | None]  # kedudukan_hukum id, name
    jabatan: tuple[str | None, str | None, str]  # jenis_jabatan id, name, jabatan_nama
    gol: str
    born: str
    dates: dict[str, str]  # tmt_cpns, tmt_golongan, tmt_jabatan ... as written
    expected: tuple[str, str, str | None, str, str | None]  # jenis_asn, kategori, golongan, tmt_masuk, keluar
    aktif: tuple[int, ...]
    warned: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)  # any other export field


PEOPLE = [
    # 1-3: structural posts, no eselon in the export: the level from the title, with a warning
    Person(PNS_DAERAH, AKTIF, (*STRUKTURAL, "Kepala Dinas Kesehatan"), "IV/c", "02-02-1970",
           {"tmt_cpns": "01-03-1995"}, ("PNS", "JPT", "IV/c", "1995-03-01", None), YEARS, ("kategori_jabatan",)),
    Person(PNS_DAERAH, AKTIF, (*STRUKTURAL, "Inspektur Pembantu Wilayah I"), "IV/a", "03-03-1975",
           {"tmt_cpns": "01-03-2000"}, ("PNS", "Administrator", "IV/a", "2000-03-01", None), YEARS,
           ("kategori_jabatan",)),
    Person(PNS_DAERAH, AKTIF, (*STRUKTURAL, "Kepala UPTD Puskesmas Kampung Dalam"), "III/d", "04-04-1978",
           {"tmt_cpns": "01-03-2003"}, ("PNS", "Pengawas", "III/d", "2003-03-01", None), YEARS,
           ("kategori_jabatan",)),
    # 4-5: fungsional and pelaksana by jenis jabatan
    Person(PNS_DAERAH, AKTIF, (*JFT, "Guru Ahli Muda"), "III/c", "05-05-1980", {"tmt_cpns": "01-01-2005"},
           ("PNS", "Fungsional", "III/c", "2005-01-01", None), YEARS),
    Person(PNS_DAERAH, AKTIF, (*JFU, "Pengadministrasi Perkantoran"), "II/c", "06-06-1990", {"tmt_cpns": "01-04-2014"},
           ("PNS", "Pelaksana", "II/c", "2014-04-01", None), YEARS),
    # 6-7: PPPK, no tmt_cpns/tmt_pns: by name, and by their grade alone; start = earlier of tmt golongan/jabatan
    Person((None, "PPPK"), AKTIF, (*JFT, "Guru Ahli Pertama"), "IX", "07-07-1988",
           {"tmt_golongan": "01-03-2022", "tmt_jabatan": "01-03-2022"},
           ("PPPK", "Fungsional", None, "2022-03-01", None), YEARS),
    Person((None, None), AKTIF, (*JFU, "Pengelola Layanan Operasional"), "V", "08-08-1992",
           {"tmt_golongan": "01-01-2023", "tmt_jabatan": "01-06-2023"}, ("PPPK", "Pelaksana", None, "2023-01-01", None),
           (2023, 2024)),
    # 8: a CPNS appointed in 2024
    Person(PNS_DAERAH, AKTIF, (*JFU, "Penata Kelola Sistem"), "III/a", "09-09-1998", {"tmt_cpns": "01-06-2024"},
           ("PNS", "Pelaksana", "III/a", "2024-06-01", None), (2024,), extra={"status_cpns_pns": "C"}),
    # 9-10: retired and at BUP without a date: TMT pensiun at 58 (pelaksana) and 60 (ahli madya)
    Person(PNS_DAERAH, ("99", "Pensiun"), (*JFU, "Pengadministrasi Umum"), "III/b", "15-05-1966",
           {"tmt_cpns": "01-01-1990"}, ("PNS", "Pelaksana", "III/b", "1990-01-01", "2024-06-01"), (2022, 2023),
           ("tanggal_keluar",)),
    Person(PNS_DAERAH, ("98", "Mencapai BUP"), (*JFT, "Analis Kebijakan Ahli Madya"), "IV/b", "10-02-1964",
           {"tmt_cpns": "01-01-1989"}, ("PNS", "Fungsional", "IV/b", "1989-01-01", "2024-03-01"), (2022, 2023),
           ("tanggal_keluar",)),
    # 11-12: died (a name the code list lacks) and dismissed, no date: out after the year of their last tmt
    Person(PNS_DAERAH, (None, "Meninggal Dunia"), (*JFU, "Pengemudi"), "II/d", "11-11-1975",
           {"tmt_cpns": "01-01-2000", "tmt_golongan": "01-04-2021", "tmt_jabatan": "01-02-2023"},
           ("PNS", "Pelaksana", "II/d", "2000-01-01", "2024-01-01"), (2022, 2023), ("tanggal_keluar",)),
    Person(PNS_DAERAH, ("77", "Pemberhentian tanpa hak pensiun"), (*JFU, "Pengelola Keuangan"), "III/a", "12-12-1985",
           {"tmt_cpns": "01-01-2010", "tmt_golongan": "01-10-2022", "tmt_jabatan": "01-01-2020"},
           ("PNS", "Pelaksana", "III/a", "2010-01-01", "2023-01-01"), (2022,), ("tanggal_keluar",)),
    # 13-15: CLTN, tugas belajar, MPP: still in service
    Person(PNS_DAERAH, ("02", "CLTN"), (*JFT, "Perawat Ahli Pertama"), "III/b", "13-01-1987",
           {"tmt_cpns": "01-02-2011"}, ("PNS", "Fungsional", "III/b", "2011-02-01", None), YEARS),
    Person(PNS_DAERAH, ("03", "Tugas Belajar"), (*JFT, "Dokter Ahli Pertama"), "III/b", "14-02-1989",
           {"tmt_cpns": "01-02-2015"}, ("PNS", "Fungsional", "III/b", "2015-02-01", None), YEARS),
    Person(PNS_DAERAH, ("20", "Masa Persiapan Pensiun"), (*JFU, "Pengadministrasi Umum"), "III/d", "03-03-1967",
           {"tmt_cpns": "01-01-1992"}, ("PNS", "Pelaksana", "III/d", "1992-01-01", None), YEARS),
    # 16: a kedudukan hukum SIASN's list does not have: counted in service, with a warning naming it
    Person(PNS_DAERAH, ("44", "Status Aneh"), (*JFU, "Pengadministrasi Umum"), "III/a", "16-04-1991",
           {"tmt_cpns": "01-01-2016"}, ("PNS", "Pelaksana", "III/a", "2016-01-01", None), YEARS, ("tanggal_keluar",)),
    # 17: a jenis jabatan SIASN's list does not have: the title says fungsional, with a warning
    Person(PNS_DAERAH, AKTIF, (None, "Jabatan Lain-lain", "Analis Perencanaan Ahli Pertama"), "III/a", "17-05-1993",
           {"tmt_cpns": "01-01-2019"}, ("PNS", "Fungsional", "III/a", "2019-01-01", None), YEARS,
           ("kategori_jabatan",)),
]  # fmt: skip


def pns_id(i: int) -> str:
    """Return the made-up SIASN person id of person i (0-based)."""
    return f"8AE4838F{i:04d}"


def nip(i: int) -> str:
    """Return the made-up NIP of person i (0-based): its last three digits, a sequence number, start at 001."""
    return f"198001012005011{i + 1:03d}"


def export_record(i: int, p: Person) -> dict[str, str | None]:
    """Return person i as the export writes them (every field; None where the export says null)."""
    record: dict[str, str | None] = dict.fromkeys(EXPORT_FIELDS)
    record |= {
        "pns_id": pns_id(i),
        "nip_baru": f"'{nip(i)}",
        "nama": f"Orang Contoh {i}",
        "nik": f"61710{i:011d}",
        "tanggal_lahir": p.born,
        "jenis_kelamin": "M" if i % 2 else "F",
        "jenis_pegawai_id": p.jenis[0],
        "jenis_pegawai_nama": p.jenis[1],
        "kedudukan_hukum_id": p.kedudukan[0],
        "kedudukan_hukum_nama": p.kedudukan[1],
        "gol_akhir_nama": p.gol,
        "jenis_jabatan_id": p.jabatan[0],
        "jenis_jabatan_nama": p.jabatan[1],
        "jabatan_nama": p.jabatan[2],
        "tingkat_pendidikan_nama": "S1",
        "unor_nama": "Dinas Kesehatan",
        "instansi_induk_nama": "Pemerintah Kota Pontianak",
        "instansi_kerja_nama": "Pemerintah Kota Pontianak",
    }
    return record | p.dates | p.extra


# Riwayat kursus: (person, JP, end date); SKP 2022: (person, year, kuadran code). Persons 5 and 6 are PPPK.
KURSUS = [(0, 12, "10-03-2024"), (0, 8, "10-09-2024"), (3, 20, "05-05-2024"), (4, 12, "06-06-2024"),
          (5, 24, "07-07-2024"), (6, 8, "08-08-2024"), (8, 30, "09-09-2023"), (11, 24, "15-11-2022"),
          (13, 16, "10-10-2024")]  # fmt: skip
SKP = [(5, 2023, 2), (5, 2024, 1), (6, 2024, 2), (3, 2024, 2), (8, 2023, 2)]


def write_export_folder(folder: Path, people: list[Person], extra_fields: tuple[str, ...] = ()) -> Path:
    """Write kota (a contract file), the Export Data ASN of `people` as SIASN writes it, and their riwayat kursus
    (JSON in the API's envelope) and SKP 2022 (a workbook)."""
    write_folder(folder, {"kota": KOTA})
    header = [*EXPORT_FIELDS, *extra_fields]
    lines = ["|".join(header)]
    for i, p in enumerate(people):
        record = export_record(i, p)
        lines.append("|".join(record.get(f) or "null" for f in header))
    (folder / "Export_Data_ASN_Pontianak.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    kursus = [
        {"id": f"K{k}", "idPns": pns_id(i), "nipBaru": None, "jenisDiklatId": 3, "jenisKursusNama": "Teknis",
         "namaKursus": f"Pelatihan {k}", "institusiPenyelenggara": "BPSDM", "jumlahJam": jp, "tanggalKursus": end,
         "tanggalSelesaiKursus": end, "tahunKursus": end[-4:]}
        for k, (i, jp, end) in enumerate(KURSUS) if i < len(people)
    ]  # fmt: skip
    (folder / "rw-kursus.json").write_text(json.dumps({"code": 1, "data": kursus}), encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(["id", "pnsDinilaiId", "tahun", "kuadranKinerjaNilai"])
    for k, (i, year, kuadran) in enumerate(SKP):
        if i < len(people):
            book.active.append([f"S{k}", pns_id(i), str(year), kuadran])
    book.save(folder / "skp22.xlsx")
    return folder


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path]:
    """The export folder of PEOPLE loaded with the real pipeline: (report, warehouse)."""
    tmp = tmp_path_factory.mktemp("orang")
    db = tmp / "w.duckdb"
    report = pipeline.load(write_export_folder(tmp / "s", PEOPLE), db)
    assert report.errors == []
    return report, db


def scorecard(db: Path, column: str) -> dict[int, object]:
    """Return one column of ringkasan_kota_tahun per year."""
    return dict(query(db, f"SELECT tahun, {column} FROM ringkasan_kota_tahun ORDER BY tahun"))


def test_every_person_of_the_export_loads_and_nothing_is_rejected(loaded):
    report, db = loaded
    assert query(db, "SELECT dataset, line, column_name, reason FROM etl_rejects") == []
    assert report.datasets["pegawai"]["rows_loaded"] == len(PEOPLE)


def test_each_person_is_mapped_as_siasn_says(loaded):
    _, db = loaded
    got = query(
        db,
        "SELECT jenis_asn, kategori_jabatan, golongan, tmt_masuk::VARCHAR, tanggal_keluar::VARCHAR FROM raw_pegawai"
        " ORDER BY _line",
    )
    assert got == [p.expected for p in PEOPLE]


def test_pppk_are_counted_as_asn_but_not_as_pns(loaded):
    _, db = loaded
    asn = {y: sum(y in p.aktif for p in PEOPLE) for y in YEARS}
    pns = {y: sum(y in p.aktif and p.expected[0] == "PNS" for p in PEOPLE) for y in YEARS}
    assert scorecard(db, "jumlah_asn") == asn
    assert scorecard(db, "jumlah_pns") == pns
    assert {y: asn[y] - pns[y] for y in YEARS} == {2022: 1, 2023: 2, 2024: 2}


def test_leavers_are_active_only_up_to_their_exit(loaded):
    _, db = loaded
    active = query(
        db, "SELECT p._line, i.tahun FROM int_pegawai_tahun i JOIN raw_pegawai p USING (id_pegawai) ORDER BY ALL"
    )
    assert active == sorted((line, y) for line, p in enumerate(PEOPLE, start=2) for y in p.aktif)


def test_the_20_jp_denominator_is_the_pns_in_service_and_pppk_training_does_not_count(loaded):
    _, db = loaded
    jp = {}
    for i, hours, end in KURSUS:
        jp[(i, int(end[-4:]))] = jp.get((i, int(end[-4:])), 0) + hours
    reached = {
        y: sum(jp.get((i, y), 0) >= 20 for i, p in enumerate(PEOPLE) if y in p.aktif and p.expected[0] == "PNS")
        for y in YEARS
    }
    assert scorecard(db, "pns_memenuhi_20jp") == reached
    assert reached == {2022: 1, 2023: 1, 2024: 2}  # the PPPK with 24 JP in 2024 is not among them
    denominators = scorecard(db, "jumlah_pns")
    assert scorecard(db, "persen_20jp")[2024] == pytest.approx(100 * 2 / denominators[2024])
    in_service = {"01", "02", "03", "20", "44"}  # Aktif (CPNS too), CLTN, tugas belajar, MPP, the unknown status
    assert denominators[2024] == sum(p.kedudukan[0] in in_service and p.expected[0] == "PNS" for p in PEOPLE)


def test_pppk_training_and_appraisals_load_for_them(loaded):
    report, db = loaded
    assert report.datasets["peserta"]["rows_loaded"] == len(KURSUS)
    assert report.datasets["penilaian_kinerja"]["rows_loaded"] == len(SKP)
    pppk = query(
        db,
        "SELECT count(*) FROM raw_peserta s JOIN raw_pegawai p ON p.id_pegawai = s.id_pegawai"
        " WHERE p.jenis_asn = 'PPPK'",
    )
    assert pppk == [(2,)]
    rated = query(
        db,
        "SELECT n.tahun, n.predikat FROM raw_penilaian_kinerja n JOIN raw_pegawai p USING (id_pegawai)"
        " WHERE p.jenis_asn = 'PPPK' ORDER BY ALL",
    )
    assert rated == [(2023, "Baik"), (2024, "Baik"), (2024, "Sangat Baik")]


def test_a_guessed_level_or_exit_date_is_a_warning_at_its_file_and_row(loaded):
    report, _ = loaded
    warned = [(w["file"], w["line"], w["column_name"]) for w in report.warnings if w["dataset"] == "pegawai"]
    expected = [("Export_Data_ASN_Pontianak.csv", line, c) for line, p in enumerate(PEOPLE, start=2) for c in p.warned]
    assert warned == expected


def test_the_warnings_name_the_value_and_what_was_assumed(loaded):
    report, _ = loaded
    reason = {(w["line"], w["column_name"]): w["reason"] for w in report.warnings if w["dataset"] == "pegawai"}
    assert "jabatan_nama 'Kepala UPTD Puskesmas Kampung Dalam' menjadi 'Pengawas'" in reason[(4, "kategori_jabatan")]
    assert "'Status Aneh' tidak dikenal" in reason[(17, "tanggal_keluar")]
    assert "TMT pensiun '2024-06-01'" in reason[(10, "tanggal_keluar")]
    assert "batas usia pensiun '58' tahun" in reason[(10, "tanggal_keluar")]
    assert "'Meninggal Dunia' tanpa tanggal keluar" in reason[(12, "tanggal_keluar")]


# (eselon_id of siasn_ref_eselon.csv, the kategori its jabatanAsn names; eselon V is pelaksana, UU 5/2014 art. 131)
ESELON = [("10", "JPT"), ("11", "JPT"), ("12", "JPT"), ("21", "JPT"), ("22", "JPT"), ("31", "Administrator"),
          ("32", "Administrator"), ("41", "Pengawas"), ("42", "Pengawas"), ("51", "Pelaksana"),
          ("52", "Pelaksana")]  # fmt: skip


def person(**changes: object) -> Person:
    """Return an active PNS pelaksana of PEOPLE[4]'s kind with `changes`."""
    return Person(**({k: getattr(PEOPLE[4], k) for k in Person.__dataclass_fields__} | changes))


def test_an_eselon_id_sets_the_level_of_a_structural_post_whatever_its_title(tmp_path):
    people = [person(jabatan=(*STRUKTURAL, "Kepala Dinas"), extra={"eselon_id": code}) for code, _ in ESELON]
    db = tmp_path / "w.duckdb"
    report = pipeline.load(write_export_folder(tmp_path / "s", people, ("eselon_id",)), db)
    assert [k for (k,) in query(db, "SELECT kategori_jabatan FROM raw_pegawai ORDER BY _line")] == [
        k for _, k in ESELON
    ]
    assert [w for w in report.warnings if w["dataset"] == "pegawai"] == []


@pytest.mark.parametrize(
    ("jabatan", "born", "tmt_pensiun"),
    [
        ((*JFU, "Pengadministrasi Umum"), "15-05-1966", "2024-06-01"),  # 58, pejabat administrasi
        ((*JFT, "Guru Ahli Muda"), "15-12-1964", "2025-01-01"),  # 60, guru (UU 14/2005)
        ((*JFT, "Analis Kebijakan Ahli Utama"), "02-01-1959", "2024-02-01"),  # 65, ahli utama
        ((*STRUKTURAL, "Kepala Dinas Pendidikan"), "31-07-1964", "2024-08-01"),  # 60, JPT (by the title)
    ],
)
def test_a_pension_without_a_date_ends_at_the_retirement_age_of_the_post(tmp_path, jabatan, born, tmt_pensiun):
    db = tmp_path / "w.duckdb"
    people = [person(jabatan=jabatan, born=born, kedudukan=("99", "Pensiun"))]
    assert pipeline.load(write_export_folder(tmp_path / "s", people), db).errors == []
    assert query(db, "SELECT tanggal_keluar::VARCHAR FROM raw_pegawai") == [(tmt_pensiun,)]


def test_an_exit_date_in_the_file_is_used_as_it_is(tmp_path):
    db = tmp_path / "w.duckdb"
    people = [person(kedudukan=(None, "Meninggal Dunia"), extra={"tanggal_keluar": "17-08-2023"})]
    report = pipeline.load(write_export_folder(tmp_path / "s", people, ("tanggal_keluar",)), db)
    assert query(db, "SELECT tanggal_keluar::VARCHAR FROM raw_pegawai") == [("2023-08-17",)]
    assert [w for w in report.warnings if w["dataset"] == "pegawai"] == []


def test_the_reconciliation_counts_the_export_as_it_states_it_and_as_the_warehouse_does(loaded):
    # counted here from PEOPLE: (jenis ASN, kedudukan hukum as the export names it) -> (in the file, in service 2024)
    _, db = loaded
    expected: dict[tuple[str, str], list[int]] = {}
    for p in PEOPLE:
        named = p.kedudukan[1] or p.kedudukan[0]
        counts = expected.setdefault((p.expected[0], named), [0, 0])
        counts[0] += 1
        counts[1] += 2024 in p.aktif
    con = open_warehouse(db)
    try:
        found = quality.reconciliation(con, Filters(kota=("Pontianak",), tahun_awal=2022, tahun_akhir=2024))
    finally:
        con.close()
    assert {(r.jenis_asn, r.kedudukan_hukum): [r.di_berkas, r.bekerja] for r in found.itertuples()} == expected
    assert (found["dimuat"] == found["di_berkas"]).all() and (found["ditolak"] == 0).all()


# A BKPSDM's own downloads with a few broken rows planted: (file, line) -> what is wrong. Everything else must load
# and the headline numbers must equal what is counted here from the same files.
FORM_ANSWERS = SCALE_ANSWERS  # three respondents of Pontianak's Disdukcapil, PermenPANRB 14/2017 wording
PREDIKAT = {1: "Sangat Baik", 2: "Baik", 3: "Butuh Perbaikan", 4: "Kurang", 5: "Sangat Kurang"}  # kuadran codes


def downloads_with_planted_rows(folder: Path) -> tuple[Path, set[tuple[str, int]]]:
    """Write PEOPLE's export, kursus and SKP, one more person whose jenis kelamin is 'X', a kursus of 'dua belas'
    JP, an SKP with kuadran 9 and a survey form; return the folder and the planted (file, line) rows."""
    broken = Person(PNS_DAERAH, AKTIF, (*JFU, "Pengadministrasi Umum"), "II/a", "01-02-1980",
                    {"tmt_cpns": "01-01-2010"}, ("PNS", "Pelaksana", "II/a", "2010-01-01", None), YEARS,
                    extra={"jenis_kelamin": "X"})  # fmt: skip
    write_export_folder(folder, [*PEOPLE, broken])
    kursus = json.loads((folder / "rw-kursus.json").read_text())
    kursus["data"].append({**kursus["data"][0], "id": "KX", "jumlahJam": "dua belas"})
    (folder / "rw-kursus.json").write_text(json.dumps(kursus), encoding="utf-8")
    book = openpyxl.load_workbook(folder / "skp22.xlsx")
    book.active.append(["SX", pns_id(0), "2024", 9])
    book.save(folder / "skp22.xlsx")
    rows = [HEADER] + [
        [f"2024/05/0{r + 1} 9:00:00 AM GMT+7", "", "", "Pontianak", "Disdukcapil", *written, ""]
        for r, (written, _) in enumerate(FORM_ANSWERS)
    ]
    (folder / "skm_disdukcapil.csv").write_text(csv_text(rows), encoding="utf-8")
    planted = {
        ("Export_Data_ASN_Pontianak.csv", len(PEOPLE) + 2),
        ("rw-kursus.json", len(kursus["data"])),
        ("skp22.xlsx", len(SKP) + 2),
    }
    return folder, planted


def test_a_bkpsdms_downloads_add_up_to_what_the_files_say(tmp_path):
    folder, planted = downloads_with_planted_rows(tmp_path / "s")
    db = tmp_path / "w.duckdb"
    report = pipeline.load(folder, db)
    assert report.errors == []
    rejected = {(f, line) for f, line in query(db, "SELECT DISTINCT file, line FROM etl_rejects")}
    assert rejected == planted  # only the planted rows, nothing else
    active = {y: [i for i, p in enumerate(PEOPLE) if y in p.aktif] for y in YEARS}
    pns = {y: [i for i in active[y] if PEOPLE[i].expected[0] == "PNS"] for y in YEARS}
    jp = {(i, int(end[-4:])): 0 for i, _, end in KURSUS}
    for i, hours, end in KURSUS:
        jp[(i, int(end[-4:]))] += hours
    rated = {y: [PREDIKAT[k] for i, year, k in SKP if year == y and i in active[y]] for y in YEARS}
    expected = {
        "jumlah_asn": {y: len(active[y]) for y in YEARS},
        "jumlah_pns": {y: len(pns[y]) for y in YEARS},
        "pns_memenuhi_20jp": {y: sum(jp.get((i, y), 0) >= 20 for i in pns[y]) for y in YEARS},
        "jp_total": {y: sum(jp.get((i, y), 0) for i in active[y]) or None for y in YEARS},
        "jumlah_dinilai": {y: len(rated[y]) for y in YEARS},
    }
    for column, by_year in expected.items():
        assert scorecard(db, column) == by_year, column
    for y in YEARS:
        share = scorecard(db, "persen_sangat_baik")[y]
        assert share == (pytest.approx(100 * rated[y].count("Sangat Baik") / len(rated[y])) if rated[y] else None)
    assert report.datasets["peserta"]["rows_loaded"] == len(KURSUS)
    assert report.datasets["penilaian_kinerja"]["rows_loaded"] == len(SKP)
    # IKM (PermenPANRB 14/2017): the mean of each unsur's mean answer, times 25
    means = [sum(values[u] for _, values in FORM_ANSWERS) / len(FORM_ANSWERS) for u in range(9)]
    assert scorecard(db, "ikm")[2024] == pytest.approx(25 * sum(means) / 9, abs=0.005)
    # the reconciliation shows the rejected person where the file put them
    con = open_warehouse(db)
    try:
        found = quality.reconciliation(con, Filters(kota=("Pontianak",), tahun_awal=2022, tahun_akhir=2024))
    finally:
        con.close()
    aktif = found[(found["jenis_asn"] == "PNS") & (found["kedudukan_hukum"] == "Aktif")].iloc[0]
    assert (aktif["ditolak"], aktif["di_berkas"] - aktif["dimuat"]) == (1, 1)
