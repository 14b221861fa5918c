"""SIASN as a source: a folder holding SIASN data as it comes out (the Export Data ASN file, riwayat kursus,
riwayat diklat, SKP 2022 and penghargaan records as CSV, XLSX or JSON, with made-up people) loads into the
same warehouse as the equivalent contract files, and the load report says which mapping each file used and
what it assumed. Field names and codes follow ../shared/reference/siasn/siasn_field_lists.csv."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import NIP_A, NIP_B, NIP_C, query, write_folder

from etl import contract, intake, pipeline, siasn
from settings import PSEUDONYM_KEY_ENV

PNS_ID = {NIP_A: "A8ACA7397AF13912E040640A040269BB", NIP_B: "B7CD0E1FC1A41A1BE040640A0402", NIP_C: "C9"}
KOTA = [{"kota": "Pontianak", "provinsi": "Kalimantan Barat"}, {"kota": "Jambi", "provinsi": "Jambi"}]
EXPORT_HEADER = [
    "pns_id",
    "nip_baru",
    "nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "jenis_pegawai_nama",
    "tmt_cpns",
    "gol_akhir_nama",
    "jenis_jabatan_id",
    "jenis_jabatan_nama",
    "jabatan_nama",
    "tingkat_pendidikan_nama",
    "unor_nama",
    "instansi_kerja_nama",
]
EXPORT_ROWS = [
    [PNS_ID[NIP_A], f"'{NIP_A}", "Budi", "12-03-1985", "M", "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota",
     "01-01-2010", "III/a", "2", "Jabatan Fungsional Tertentu", "Guru Ahli Pertama", "S1", "Dinas Pendidikan",
     "Pemerintah Kota Pontianak"],
    [PNS_ID[NIP_B], NIP_B, "Siti", "01-01-1990", "F", "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota",
     "01-03-2015", "II/c", "4", "Jabatan Fungsional Umum", "Pengadministrasi Umum", "null", "Bappeda",
     "Pemerintah Kota Pontianak"],
    [PNS_ID[NIP_C], NIP_C, "Rahmat", "05-05-1978", "M", "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota",
     "01-01-2005", "IV/a", "1", "Jabatan Struktural", "Kepala Bidang Anggaran", "S2", "BPKAD",
     "Pemerintah Kota Jambi"],
]  # fmt: skip
KURSUS = [  # riwayat kursus as the API returns them, in its envelope
    {"id": "K1", "idPns": PNS_ID[NIP_A], "nipBaru": NIP_A, "jenisDiklatId": 8, "jenisKursusNama": "Kearsipan",
     "namaKursus": "Bimtek Arsip Digital", "institusiPenyelenggara": "ANRI", "jumlahJam": 24,
     "tanggalKursus": "01-03-2024", "tanggalSelesaiKursus": "03-03-2024", "tahunKursus": "2024", "path": {}},
    {"id": "K2", "idPns": PNS_ID[NIP_B], "nipBaru": None, "jenisDiklatId": 20, "jenisKursusNama": "Pelayanan",
     "namaKursus": "Studi Tiru Mal Pelayanan Publik", "institusiPenyelenggara": None, "jumlahJam": 16,
     "tanggalKursus": "2024-05-02", "tanggalSelesaiKursus": None, "tahunKursus": "2024", "path": None},
]  # fmt: skip
DIKLAT_HEADER = ["id", "idPns", "nipBaru", "latihanStrukturalId", "latihanStrukturalNama", "nomor", "tanggal",
                 "tahun", "jumlahJam", "tanggalSelesai", "institusiPenyelenggara"]  # fmt: skip
DIKLAT_ROWS = [["D1", PNS_ID[NIP_C], NIP_C, "3", "SEPADYA/SPAMA/DIKLAT PIM TK. III", "123", "10-06-2023", "2023",
                "254", "30-09-2023", "BPSDM Provinsi Jambi"]]  # fmt: skip
SKP22 = [  # hasil 1 x perilaku 3 is Kurang by the matrix: the client wrote kuadran 3 (Butuh Perbaikan)
    ["S1", PNS_ID[NIP_A], "2024", "DIATAS ESPEKTASI", 1, "DIATAS ESPEKTASI", 1, "SANGAT BAIK", 1],
    ["S2", PNS_ID[NIP_B], "2024", "DIATAS ESPEKTASI", 1, "DIBAWAH ESPEKTASI", 3, "BUTUH PERBAIKAN", 3],
]
SKP22_HEADER = ["id", "pnsDinilaiId", "tahun", "hasilKinerja", "hasilKinerjaNilai", "perilakuKerja",
                "PerilakuKerjaNilai", "kuadranKinerja", "KuadranKinerjaNilai"]  # fmt: skip
PENGHARGAAN = [{"id": "H1", "pnsOrangId": PNS_ID[NIP_C], "hargaId": "201", "hargaNama": "Satyalancana Karya Satya X",
                "tahun": "2024", "skNomor": "1/2024", "skDate": "17-08-2024"}]  # fmt: skip


def contract_rows() -> dict[str, list[dict]]:
    """Return the same facts as contract files: what the SIASN folder must load as."""
    person = {"nama": "x", "jenis_asn": "PNS"}
    return {
        "kota": KOTA,
        "pegawai": [
            {**person, "nip": NIP_A, "kota": "Pontianak", "opd": "Dinas Pendidikan", "kategori_jabatan": "Fungsional",
             "golongan": "III/a", "jenis_kelamin": "L", "tahun_lahir": "1985", "pendidikan": "S1",
             "tmt_masuk": "2010-01-01"},
            {**person, "nip": NIP_B, "kota": "Pontianak", "opd": "Bappeda", "kategori_jabatan": "Pelaksana",
             "golongan": "II/c", "jenis_kelamin": "P", "tahun_lahir": "1990", "tmt_masuk": "2015-03-01"},
            {**person, "nip": NIP_C, "kota": "Jambi", "opd": "BPKAD", "kategori_jabatan": "Administrator",
             "golongan": "IV/a", "jenis_kelamin": "L", "tahun_lahir": "1978", "pendidikan": "S2",
             "tmt_masuk": "2005-01-01"},
        ],
        "program": [
            {"kode_program": "SIASN-K1", "kota": "Pontianak", "nama_program": "Bimtek Arsip Digital",
             "jalur": "klasikal", "jenis": "bimbingan teknis", "topik": "Kearsipan", "penyelenggara": "ANRI",
             "tanggal_mulai": "2024-03-01", "tanggal_selesai": "2024-03-03", "jp": "24"},
            {"kode_program": "SIASN-K2", "kota": "Pontianak", "nama_program": "Studi Tiru Mal Pelayanan Publik",
             "jalur": "nonklasikal", "jenis": "benchmarking", "topik": "Pelayanan",
             "penyelenggara": "(tidak dicatat di SIASN)", "tanggal_mulai": "2024-05-02",
             "tanggal_selesai": "2024-05-02", "jp": "16"},
            {"kode_program": "SIASN-D1", "kota": "Jambi", "nama_program": "SEPADYA/SPAMA/DIKLAT PIM TK. III",
             "jalur": "klasikal", "jenis": "pelatihan struktural kepemimpinan",
             "topik": "SEPADYA/SPAMA/DIKLAT PIM TK. III", "penyelenggara": "BPSDM Provinsi Jambi",
             "tanggal_mulai": "2023-06-10", "tanggal_selesai": "2023-09-30", "jp": "254"},
        ],
        "peserta": [
            {"kode_program": "SIASN-K1", "nip": NIP_A, "status": "lulus"},
            {"kode_program": "SIASN-K2", "nip": NIP_B, "status": "lulus"},
            {"kode_program": "SIASN-D1", "nip": NIP_C, "status": "lulus"},
        ],
        "penilaian_kinerja": [
            {"nip": NIP_A, "tahun": "2024", "predikat": "Sangat Baik", "hasil_kerja": "Di Atas Ekspektasi",
             "perilaku_kerja": "Di Atas Ekspektasi"},
            {"nip": NIP_B, "tahun": "2024", "predikat": "Butuh Perbaikan", "hasil_kerja": "Di Atas Ekspektasi",
             "perilaku_kerja": "Di Bawah Ekspektasi"},
        ],
        "penghargaan": [{"nip": NIP_C, "tahun": "2024", "kategori": "Satyalancana Karya Satya X"}],
    }  # fmt: skip


def write_siasn_folder(folder: Path, delimiter: str = "|") -> Path:
    """Write the SIASN folder: kota as a contract file (SIASN has none), the rest as SIASN writes it."""
    write_folder(folder, {"kota": KOTA})
    lines = [delimiter.join(EXPORT_HEADER)] + [delimiter.join(r) for r in EXPORT_ROWS]
    (folder / "Export_Data_ASN_20250101.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    envelope = {"code": 1, "data": KURSUS, "message": "success"}
    (folder / "rw-kursus.json").write_text(json.dumps(envelope), encoding="utf-8")
    diklat = [";".join(DIKLAT_HEADER)] + [";".join(r) for r in DIKLAT_ROWS]
    (folder / "riwayat diklat.csv").write_text("\n".join(diklat) + "\n", encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(SKP22_HEADER)
    for row in SKP22:
        book.active.append(row)
    book.save(folder / "skp22_2024.xlsx")
    (folder / "penghargaan_siasn.json").write_text(json.dumps(PENGHARGAAN), encoding="utf-8")
    return folder


RAW_TABLES = ("pegawai", "program", "peserta", "penilaian_kinerja", "penghargaan")


def raw(db: Path, table: str) -> list[tuple]:
    """Return a raw table without its lineage, sorted."""
    return query(db, f"SELECT * EXCLUDE (_file, _line) FROM raw_{table} ORDER BY ALL")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Report, Path, Path]:
    """The SIASN folder and the equivalent contract folder, each loaded with the same pseudonym key."""
    tmp = tmp_path_factory.mktemp("siasn")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PSEUDONYM_KEY_ENV, "kunci-uji-siasn-rahasia-uji-yang-cukup-panjang")
        report = pipeline.load(write_siasn_folder(tmp / "siasn"), tmp / "a" / "w.duckdb")
        plain = pipeline.load(write_folder(tmp / "kontrak", contract_rows()), tmp / "b" / "w.duckdb")
    assert plain.errors == [] and plain.datasets["peserta"]["rows_loaded"] == 3
    return report, tmp / "a" / "w.duckdb", tmp / "b" / "w.duckdb"


@pytest.mark.parametrize("table", RAW_TABLES)
def test_a_siasn_folder_loads_into_the_same_warehouse_as_the_contract_files(both, table):
    report, siasn_db, contract_db = both
    assert report.errors == []
    assert raw(siasn_db, table) == raw(contract_db, table)
    assert len(raw(siasn_db, table)) == len(contract_rows()[table])


def test_the_marts_agree_too(both):
    _, siasn_db, contract_db = both
    sql = "SELECT * FROM ringkasan_kota_tahun ORDER BY ALL"
    assert query(siasn_db, sql) == query(contract_db, sql)


def test_pns_id_and_names_never_reach_the_warehouse(both):
    _, siasn_db, _ = both
    tables = [r[0] for r in query(siasn_db, "SELECT table_name FROM duckdb_tables()")]
    text = str([query(siasn_db, f"SELECT * FROM {t}") for t in tables])
    for secret in [*PNS_ID.values(), NIP_A, NIP_B, NIP_C, "Budi", "Siti", "Rahmat"]:
        assert secret not in text


def test_the_load_report_names_the_mapping_of_each_file_and_what_it_assumed(both):
    report, _, _ = both
    mapping = {(f["file"], f["dataset"]): f["mapping"] for f in report.files}
    assert mapping == {
        ("kota.csv", "kota"): None,
        ("Export_Data_ASN_20250101.csv", "pegawai"): "SIASN Export Data ASN",
        ("rw-kursus.json", "program"): "SIASN riwayat kursus",
        ("rw-kursus.json", "peserta"): "SIASN riwayat kursus",
        ("riwayat diklat.csv", "program"): "SIASN riwayat diklat (struktural)",
        ("riwayat diklat.csv", "peserta"): "SIASN riwayat diklat (struktural)",
        ("skp22_2024.xlsx", "penilaian_kinerja"): "SIASN SKP 2022",
        ("penghargaan_siasn.json", "penghargaan"): "SIASN riwayat penghargaan",
    }
    kursus = next(f["notes"] for f in report.files if f["file"] == "rw-kursus.json" and f["dataset"] == "program")
    assert any("biaya tidak dicatat SIASN" in n and "lulus" in n for n in kursus)


def test_a_kuadran_against_the_matrix_is_kept_with_a_warning(both):
    report, siasn_db, _ = both
    skp = [(w["file"], w["line"], w["column_name"]) for w in report.warnings if w["dataset"] == "penilaian_kinerja"]
    assert skp == [("skp22_2024.xlsx", 3, "predikat")]
    assert query(siasn_db, "SELECT count(*) FROM etl_rejects") == [(0,)]


def test_an_activity_without_a_recorded_cost_stays_out_of_the_cost_per_jp(both):
    _, siasn_db, _ = both
    assert query(siasn_db, "SELECT DISTINCT biaya FROM raw_program") == [(None,)]
    assert query(siasn_db, "SELECT DISTINCT biaya_per_jp FROM ringkasan_kota_tahun") == [(None,)]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_the_export_file_loads_with_any_delimiter(tmp_path, delimiter):
    folder = write_siasn_folder(tmp_path / "s", delimiter)
    report = pipeline.check(folder)
    assert report.errors == []
    assert report.datasets["pegawai"]["rows_loaded"] == 3


def test_a_record_for_an_unknown_pns_id_is_rejected_with_its_file_and_line(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    strangers = [{**PENGHARGAAN[0], "pnsOrangId": "TIDAK-ADA"}, *PENGHARGAAN]
    (folder / "penghargaan_siasn.json").write_text(json.dumps({"data": strangers}), encoding="utf-8")
    report = pipeline.check(folder, collect_rejects=True)
    assert [(r["file"], r["line"], r["column_name"], r["reason"]) for r in report.rejects] == [
        (
            "penghargaan_siasn.json",
            1,
            "pnsOrangId (nip)",
            "pnsOrangId di baris ini tidak ada sebagai pns_id di ekspor Data ASN: pegawainya tidak dikenali.",
        )
    ]
    assert report.datasets["penghargaan"]["rows_loaded"] == 1


def test_the_upload_preview_recognises_siasn_files_by_their_columns(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    uploads = [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())]
    preview = intake.preview(uploads, tmp_path / "sumber")
    assert preview.can_load
    assert preview.uploads["rw-kursus.json"] == "program, peserta"
    assert preview.uploads["skp22_2024.xlsx"] == "penilaian_kinerja"
    assert preview.datasets().set_index("dataset").loc["peserta", "rows_loaded"] == 3


# Code lists the Export Data ASN mapping reads (../shared/reference/siasn/): jenis jabatan 1-4, eselon, golongan
# 11-45, jenis pegawai. (jenis_jabatan_id, jenis_jabatan_nama, eselon, jabatan_nama) -> kategori_jabatan.
JABATAN = [
    ("1", "Jabatan Struktural", "II.a", "Kepala Dinas Kesehatan", "JPT"),
    ("1", "Jabatan Struktural", "III.a", "Sekretaris Dinas", "Administrator"),
    ("1", "Jabatan Struktural", "IV.a", "Kepala Seksi Pelayanan", "Pengawas"),
    ("1", "Jabatan Struktural", None, "Kepala Sub Bagian Umum", "Pengawas"),
    ("1", "Jabatan Struktural", None, "Camat Pontianak Kota", "Administrator"),
    ("1", "Jabatan Struktural", None, "Sekretaris Daerah", "JPT"),
    ("2", "Jabatan Fungsional Tertentu", None, "Guru Ahli Muda", "Fungsional"),
    ("3", "Jabatan Rangkap (Struktural dan Fungsional)", "IV.b", "Kepala UPT", "Pengawas"),
    ("4", "Jabatan Fungsional Umum", None, "Pengadministrasi Umum", "Pelaksana"),
]
GOLONGAN = list(contract.GOLONGAN)  # siasn_ref_golongan.csv names ids 11-45 exactly so
JENIS_PEGAWAI = [
    ("PNS Daerah Kab./Kota yang bekerja pada Kab./Kota", "PNS"),
    ("PNS Pusat DPK pada Pemerintah Kabupaten/Kota", "PNS"),
    ("PPPK", "PPPK"),
]


def export_people(count: int, **columns: list) -> list[dict]:
    """Return `count` Export Data ASN records of made-up people, with the given columns' values per person."""
    people = []
    for i in range(count):
        person = {
            "pns_id": f"ID{i:04d}",
            "nip_baru": f"19800101200501{i:04d}",
            "nama": "Orang Contoh",
            "tanggal_lahir": "01-01-1980",
            "jenis_kelamin": "F",
            "jenis_pegawai_nama": "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota",
            "tmt_cpns": "01-01-2005",
            "gol_akhir_nama": "III/b",
            "jenis_jabatan_id": "4",
            "jenis_jabatan_nama": "Jabatan Fungsional Umum",
            "unor_nama": "Bappeda",
            "instansi_kerja_nama": "Pemerintah Kota Pontianak",
        }
        people.append(person | {k: v[i] for k, v in columns.items()})
    return people


def load_export(tmp_path: Path, people: list[dict]) -> Path:
    """Load a folder of kota plus an Export Data ASN JSON of `people`; return the warehouse."""
    folder = write_folder(tmp_path / "s", {"kota": KOTA})
    (folder / "export.json").write_text(json.dumps(people), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert pipeline.load(folder, db).errors == []
    return db


def test_every_siasn_jenis_jabatan_and_eselon_becomes_its_kategori_jabatan(tmp_path):
    columns = ("jenis_jabatan_id", "jenis_jabatan_nama", "eselon_nama", "jabatan_nama")
    people = export_people(len(JABATAN), **{c: [j[k] for j in JABATAN] for k, c in enumerate(columns)})
    db = load_export(tmp_path, people)
    got = query(db, "SELECT kategori_jabatan FROM raw_pegawai ORDER BY _line")
    assert [k for (k,) in got] == [j[4] for j in JABATAN]


def test_every_siasn_golongan_loads_as_the_contract_golongan(tmp_path):
    db = load_export(tmp_path, export_people(len(GOLONGAN), gol_akhir_nama=GOLONGAN))
    assert [g for (g,) in query(db, "SELECT golongan FROM raw_pegawai ORDER BY _line")] == GOLONGAN


def test_siasn_jenis_pegawai_tells_pns_from_pppk(tmp_path):
    names = [n for n, _ in JENIS_PEGAWAI]
    db = load_export(tmp_path, export_people(len(names), jenis_pegawai_nama=names))
    assert [j for (j,) in query(db, "SELECT jenis_asn FROM raw_pegawai ORDER BY _line")] == [
        j for _, j in JENIS_PEGAWAI
    ]


def test_every_siasn_latihan_struktural_name_becomes_the_activity_name(tmp_path):
    names = ["SEPADA", "SEPALA/ADUM/DIKLAT PIM TK.IV", "SEPADYA/SPAMA/DIKLAT PIM TK. III",
             "SPAMEN/SESPA/SESPANAS/DIKLAT PIM TK. II", "SEPATI/DIKLAT PIM TK. I", "SESPIM", "SESPATI",
             "Diklat Struktural Lainnya"]  # fmt: skip
    folder = write_siasn_folder(tmp_path / "s")
    rows = [";".join(DIKLAT_HEADER)] + [
        ";".join([f"D{i}", PNS_ID[NIP_C], NIP_C, str(i), name, "1", "10-06-2023", "2023", "30", "", "BPSDM"])
        for i, name in enumerate(names, start=1)
    ]
    (folder / "riwayat diklat.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert pipeline.load(folder, db).errors == []
    got = query(db, "SELECT nama_program, jenis FROM raw_program WHERE kode_program LIKE 'SIASN-D%' ORDER BY _line")
    assert got == [(name, "pelatihan struktural kepemimpinan") for name in names]


def test_each_siasn_kind_maps_only_the_datasets_it_names() -> None:
    """A kind carries its own mapping per dataset: asking it for another dataset fails loudly instead of
    mapping its records as some other kind's (an award, before)."""
    for kind in siasn.KINDS:
        assert kind.datasets and all(dataset in contract.DATASETS for dataset in kind.datasets)
        for dataset in contract.DATASETS:
            if dataset not in kind.datasets:
                with pytest.raises(KeyError, match=kind.name):
                    kind.mapping(dataset)


# SIASN files as offices make them (issue 26): read like contract files (etl/layout.py), nothing dropped in silence,
# and every reject in the file's own words.


def write_book(path: Path, rows: list[list]) -> Path:
    """Write `rows` as the only sheet of a workbook at `path` (an empty list is an empty row)."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def own_warnings(report: pipeline.Report, file: str) -> list[tuple[int, str]]:
    """Return (line, column) of the warnings of one file of a report."""
    return [(w["line"], w["column_name"]) for w in report.warnings if w["file"] == file]


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_a_siasn_file_with_title_rows_above_its_header_loads_every_record(tmp_path, form):
    folder = write_siasn_folder(tmp_path / "s")
    (folder / "skp22_2024.xlsx").unlink()
    title = ["REKAP SKP 2022 PEMERINTAH KOTA PONTIANAK"]
    if form == "xlsx":  # rows 1-3 above the header: the records are rows 5 and 6
        name = write_book(folder / "skp22_2024.xlsx", [title, ["Diunduh 02-01-2025"], [], SKP22_HEADER, *SKP22]).name
    else:  # a title line, an empty line, the header: the records are rows 4 and 5
        lines = [title[0] + ";;;", "", *(";".join(map(str, r)) for r in [SKP22_HEADER, *SKP22])]
        name = "skp22_2024.csv"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = pipeline.check(folder, collect_rejects=True)
    assert report.errors == [] and report.ignored_files == [] and report.rejects == []
    assert report.datasets["penilaian_kinerja"]["rows_loaded"] == len(SKP22)
    assert own_warnings(report, name) == [(6 if form == "xlsx" else 5, "predikat")]  # S2, at the row people see
    notes = next(f["notes"] for f in report.files if f["file"] == name)
    assert any("baris judul ditemukan di baris" in n for n in notes)


def kursus_sheet(nip_as_number: bool = False) -> list[list]:
    """Return the riwayat kursus of KURSUS as rows of a sheet (header first); with `nip_as_number` nipBaru is
    stored as a number, as Excel keeps an 18-digit NIP typed into a cell formatted General."""
    header = [k for k in KURSUS[0] if k != "path"]
    rows = [[int(r[h]) if h == "nipBaru" and r[h] and nip_as_number else r[h] for h in header] for r in KURSUS]
    return [header, *rows]


def test_a_siasn_header_over_two_rows_loads_like_the_flat_file(tmp_path, monkeypatch):
    monkeypatch.setenv(PSEUDONYM_KEY_ENV, "kunci-uji-siasn-rahasia-uji-yang-cukup-panjang")
    flat = write_siasn_folder(tmp_path / "flat")
    (flat / "rw-kursus.json").unlink()
    write_book(flat / "kursus.xlsx", kursus_sheet())
    merged = write_siasn_folder(tmp_path / "merged")
    (merged / "rw-kursus.json").unlink()
    header, *rows = kursus_sheet()
    top = [None if h in ("namaKursus", "tanggalSelesaiKursus") else h for h in header]  # merged across or down
    top = [{"jenisKursusNama": "Kursus", "tanggalKursus": "Tanggal"}.get(h, h) for h in top]
    bottom = [{"jenisKursusNama": "Jenis Kursus Nama", "namaKursus": "Nama Kursus", "tanggalKursus": "Kursus",
               "tanggalSelesaiKursus": "Selesai Kursus"}.get(h) for h in header]  # fmt: skip
    write_book(merged / "kursus.xlsx", [top, bottom, *rows])
    report = pipeline.load(merged, tmp_path / "m.duckdb")
    assert report.errors == [] and report.ignored_files == []
    assert pipeline.load(flat, tmp_path / "f.duckdb").errors == []
    for table in ("program", "peserta"):
        assert raw(tmp_path / "m.duckdb", table) == raw(tmp_path / "f.duckdb", table)
    notes = next(f["notes"] for f in report.files if f["file"] == "kursus.xlsx")
    assert any("tersusun dua baris (1 dan 2)" in n for n in notes)


def test_subtotal_and_jumlah_rows_in_a_siasn_workbook_are_skipped_not_rejected(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    subtotal = ["Subtotal Dinas Pendidikan", None, None, None, 1, None, 1, None, 1]
    total = [None, "Jumlah", None, None, 2, None, 4, None, 4]  # the first filled cell says it, wherever it is
    write_book(folder / "skp22_2024.xlsx", [SKP22_HEADER, SKP22[0], subtotal, SKP22[1], total])
    report = pipeline.check(folder, collect_rejects=True)
    assert report.rejects == []
    assert report.datasets["penilaian_kinerja"]["rows_loaded"] == 2
    assert report.datasets["penilaian_kinerja"]["rows_skipped"] == 2
    assert [(s["file"], s["line"]) for s in report.skipped] == [("skp22_2024.xlsx", 3), ("skp22_2024.xlsx", 5)]


def test_a_nipbaru_excel_stored_as_a_number_is_linked_by_idpns_and_loads_with_a_warning(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    (folder / "rw-kursus.json").unlink()
    write_book(folder / "kursus.xlsx", kursus_sheet(nip_as_number=True))  # K1's nipBaru lost its last digits
    report = pipeline.check(folder, collect_rejects=True)
    assert report.rejects == []
    assert report.datasets["peserta"]["rows_loaded"] == 3
    [warning] = [w for w in report.warnings if w["file"] == "kursus.xlsx"]
    assert (warning["dataset"], warning["line"], warning["column_name"]) == ("peserta", 2, "nipBaru (nip)")
    assert "dipotong Excel" in warning["reason"] and "dikenali dari idPns" in warning["reason"]


@pytest.mark.parametrize("cut", ["1.98503E+17", "198503122010011000"], ids=["scientific", "last-digits-000"])
def test_a_nipbaru_excel_cut_without_a_linking_id_is_rejected_saying_so(tmp_path, cut):
    folder = write_siasn_folder(tmp_path / "s")
    header = ["id", "idPns", "nipBaru", "jenisDiklatId", "namaKursus", "jumlahJam", "tanggalKursus"]
    record = ["K7", "TIDAK-ADA", cut, "8", "Bimtek Arsip", "24", "01-03-2024"]
    (folder / "kursus.csv").write_text(";".join(header) + "\n" + ";".join(record) + "\n", encoding="utf-8")
    rejects = pipeline.check(folder, collect_rejects=True).rejects
    mine = [(r["dataset"], r["line"], r["column_name"]) for r in rejects if r["file"] == "kursus.csv"]
    assert mine == [("program", 2, "nipBaru (kota)"), ("peserta", 2, "nipBaru (nip)")]
    for r in rejects:
        assert "nipBaru tertulis sebagai angka yang dipotong Excel" in r["reason"] and "Teks" in r["reason"]


def test_a_nip_excel_stored_as_a_number_in_the_export_is_rejected_not_loaded_as_another_person(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    (folder / "Export_Data_ASN_20250101.csv").unlink()
    rows = [[cell or None for cell in row] for row in EXPORT_ROWS]
    rows[0][1] = int(NIP_A)  # Budi's nip_baru typed as a number: Excel keeps 15 significant digits
    write_book(folder / "Export_Data_ASN.xlsx", [EXPORT_HEADER, *rows])
    db = tmp_path / "w.duckdb"
    report = pipeline.load(folder, db)
    assert report.errors == []
    assert query(db, "SELECT count(*) FROM raw_pegawai") == [(2,)]  # never as a made-up 18-digit NIP
    rejects = query(db, "SELECT file, line, column_name, reason FROM etl_rejects ORDER BY dataset, file, line")
    assert ("Export_Data_ASN.xlsx", 2, "nip_baru (nip)") in [r[:3] for r in rejects]
    skp = next(r for r in rejects if r[0] == "skp22_2024.xlsx")  # Budi's SKP points at him by pnsDinilaiId
    assert skp[1:3] == (2, "pnsDinilaiId (nip)") and "nip_baru-nya di ekspor Data ASN dipotong Excel" in skp[3]


def test_a_record_whose_person_is_not_in_the_export_says_so_for_the_activity_and_the_participation(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    stranger = {**KURSUS[1], "id": "K9", "idPns": "TIDAK-ADA"}
    (folder / "rw-kursus.json").write_text(json.dumps({"data": [*KURSUS, stranger]}), encoding="utf-8")
    rejects = pipeline.check(folder, collect_rejects=True).rejects
    assert [(r["dataset"], r["file"], r["line"], r["column_name"], r["reason"]) for r in rejects] == [
        ("program", "rw-kursus.json", 3, "idPns (kota)",
         "idPns di baris ini tidak ada sebagai pns_id di ekspor Data ASN: kota kegiatannya (kota pegawai itu) tidak"
         " diketahui."),
        ("peserta", "rw-kursus.json", 3, "idPns (nip)",
         "idPns di baris ini tidak ada sebagai pns_id di ekspor Data ASN: pegawainya tidak dikenali."),
    ]  # fmt: skip
    assert all("TIDAK-ADA" not in r["reason"] for r in rejects)  # a pns_id is personal data: never quoted


def test_a_siasn_record_without_an_export_in_the_folder_says_the_export_is_missing(tmp_path):
    rows = contract_rows()
    folder = write_folder(tmp_path / "s", {"kota": rows["kota"], "pegawai": rows["pegawai"]})
    (folder / "rw-kursus.json").write_text(json.dumps(KURSUS), encoding="utf-8")
    rejects = pipeline.check(folder, collect_rejects=True).rejects
    program = [(r["line"], r["column_name"], r["reason"]) for r in rejects if r["dataset"] == "program"]
    assert [(line, column) for line, column, _ in program] == [(1, "nipBaru (kota)"), (2, "idPns (kota)")]
    assert all("folder ini tidak berisi file ekspor Data ASN" in reason for _, _, reason in program)


def test_a_siasn_reject_names_the_column_as_the_file_does_with_the_contract_column_in_brackets(tmp_path):
    folder = write_siasn_folder(tmp_path / "s")
    kursus = [{**KURSUS[0], "jumlahJam": "dua puluh"}, {**KURSUS[1], "tanggalKursus": None}]
    (folder / "rw-kursus.json").write_text(json.dumps(kursus), encoding="utf-8")
    rejects = pipeline.check(folder, collect_rejects=True).rejects
    assert [(r["line"], r["column_name"], r["reason"]) for r in rejects if r["dataset"] == "program"] == [
        (1, "jumlahJam (jp)", "'dua puluh' bukan bilangan bulat."),
        (2, "tanggalKursus (tanggal_mulai)", "Kolom tanggalKursus (tanggal_mulai) wajib diisi."),
        (2, "tanggalSelesaiKursus (tanggal_selesai)", "Kolom tanggalSelesaiKursus (tanggal_selesai) wajib diisi."),
    ]
