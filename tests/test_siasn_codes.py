"""SIASN's code lists load as the contract's values: every code and name of each list the mapping touches,
written into contract files and loaded with the real pipeline. The expected tables below are copied from
the public SIASN reference lists (../shared/reference/siasn/: siasn_ref_jenis_diklat.csv,
siasn_jenis_diklat_vs_contract.csv, siasn_ref_perilaku_dan_kinerja.csv, siasn_ref_kuadran_nilai.csv).
"""

from __future__ import annotations

import pytest
from conftest import NIP_A, NIP_B, NIP_C, load_rows, minimal_rows, program, query, write_folder

from etl import pipeline
from etl.contract import JALUR_JENIS

# jenisDiklatId, SIASN's name, the Perlan 10/2018 type it reads as (the contract's program.jenis).
JENIS_DIKLAT = [
    (1, "Diklat Struktural", "pelatihan struktural kepemimpinan"),
    (2, "Diklat Fungsional", "pelatihan fungsional"),
    (3, "Diklat Teknis", "pelatihan teknis"),
    (4, "Workshop", "workshop/lokakarya"),
    (5, "Pelatihan Manajerial", "pelatihan manajerial"),
    (6, "Pelatihan Sosial Kultural", "pelatihan sosial kultural"),
    (7, "Sosialisasi", "sosialisasi"),
    (8, "Bimbingan Teknis", "bimbingan teknis"),
    (9, "Seminar", "seminar/konferensi"),
    (10, "Magang", "magang"),
    (11, "Kursus", "kursus"),
    (12, "Penataran", "penataran"),
    (13, "Pengembangan Kompetensi Dalam Bentuk Pelatihan klasikal lainnya", "pelatihan klasikal lainnya"),
    (14, "Coaching", "coaching"),
    (15, "Mentoring", "mentoring"),
    (16, "E-Learning", "e-learning"),
    (17, "Pelatihan Jarak Jauh", "pelatihan jarak jauh"),
    (18, "Detasering (Secondment)", "detasering"),
    (19, "Pembelajaran Alam Terbuka (Outbond)", "outbound"),
    (20, "Patok Banding (Benchmarking)", "benchmarking"),
    (
        21,
        "Pertukaran Antara Pns Dengan Pegawai Swasta/Badan Usaha Milik Negara/ Badan Usaha Milik Daerah",
        "pertukaran pns-swasta",
    ),
    (22, "Belajar Mandiri (Self Development)", "belajar mandiri"),
    (23, "Komunitas Belajar (Community Of Practices)", "komunitas belajar"),
    (24, "Bimbingan Di Tempat Kerja", "bimbingan di tempat kerja"),
    (25, "Pengembangan Kompetensi Dalam Bentuk Pelatihan Nonklasikal Lainnya", "pelatihan nonklasikal lainnya"),
]
EKSPEKTASI = [(1, "DIATAS ESPEKTASI", "Di Atas Ekspektasi"), (2, "SESUAI ESPEKTASI", "Sesuai Ekspektasi")]
EKSPEKTASI += [(3, "DIBAWAH ESPEKTASI", "Di Bawah Ekspektasi")]
KUADRAN = [(1, "SANGAT BAIK", "Sangat Baik"), (2, "BAIK", "Baik"), (3, "BUTUH PERBAIKAN", "Butuh Perbaikan")]
KUADRAN += [(4, "KURANG", "Kurang"), (5, "SANGAT KURANG", "Sangat Kurang")]


def jalur_of(jenis: str) -> str:
    """Return the development path a contract type belongs to."""
    return next(jalur for jalur, types in JALUR_JENIS.items() if jenis in types)


def test_every_siasn_jenis_diklat_loads_by_id_and_by_name_as_its_perlan_type(tmp_path):
    rows = minimal_rows()
    rows["peserta"] = []
    rows["program"] = [
        program(f"{how}-{i}", jalur=jalur_of(jenis), jenis=written)
        for i, name, jenis in JENIS_DIKLAT
        for how, written in (("id", str(i)), ("nama", name), ("upper", name.upper()))
    ]
    report, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    loaded = dict(query(db, "SELECT kode_program, jenis FROM raw_program"))
    for i, _, jenis in JENIS_DIKLAT:
        assert (loaded[f"id-{i}"], loaded[f"nama-{i}"], loaded[f"upper-{i}"]) == (jenis, jenis, jenis), i
    assert report.datasets["program"]["rows_loaded"] == 3 * 25


def test_the_two_lainnya_catch_alls_are_their_own_types_on_their_own_path():
    assert "pelatihan klasikal lainnya" in JALUR_JENIS["klasikal"]
    assert "pelatihan nonklasikal lainnya" in JALUR_JENIS["nonklasikal"]


def test_a_lainnya_type_on_the_wrong_path_is_rejected(tmp_path):
    rows = minimal_rows()
    rows["peserta"] = []
    rows["program"] = [program("X", jalur="nonklasikal", jenis="13")]
    _, db = load_rows(tmp_path, rows)
    reasons = query(db, "SELECT column_name, reason FROM etl_rejects")
    assert reasons == [("jenis", "Jenis 'pelatihan klasikal lainnya' termasuk jalur klasikal, bukan nonklasikal.")]


@pytest.mark.parametrize("form", ["code", "siasn", "client"])
def test_siasn_ekspektasi_codes_and_spellings_load_as_the_contract_values(tmp_path, form):
    def written(code: int, siasn: str) -> str:
        return {"code": str(code), "siasn": siasn, "client": siasn.title().replace("Espektasi", "Ekspektasi")}[form]

    rows = minimal_rows()
    people = [NIP_A, NIP_B, NIP_C]
    # (hasil, perilaku) -> predikat by the PermenPANRB 6/2022 matrix: (1,1) Sangat Baik, (2,2) Baik, (3,2) Butuh
    pairs = [((1, 1), "Sangat Baik"), ((2, 2), "Baik"), ((3, 2), "Butuh Perbaikan")]
    by_code = {code: (siasn, value) for code, siasn, value in EKSPEKTASI}
    rows["penilaian_kinerja"] = [
        {
            "nip": nip,
            "tahun": "2024",
            "predikat": predikat,
            "hasil_kerja": written(h, by_code[h][0]),
            "perilaku_kerja": written(p, by_code[p][0]),
        }
        for nip, ((h, p), predikat) in zip(people, pairs, strict=True)
    ]
    _, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    got = query(db, "SELECT hasil_kerja, perilaku_kerja, predikat FROM raw_penilaian_kinerja ORDER BY predikat DESC")
    assert got == [
        (by_code[1][1], by_code[1][1], "Sangat Baik"),
        (by_code[3][1], by_code[2][1], "Butuh Perbaikan"),
        (by_code[2][1], by_code[2][1], "Baik"),
    ]


@pytest.mark.parametrize("code, siasn, predikat", KUADRAN)
def test_siasn_kuadran_codes_and_names_load_as_the_predikat(tmp_path, code, siasn, predikat):
    rows = minimal_rows()
    rows["penilaian_kinerja"] = [
        {"nip": NIP_A, "tahun": "2023", "predikat": str(code)},
        {"nip": NIP_A, "tahun": "2024", "predikat": siasn},
    ]
    _, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT predikat FROM raw_penilaian_kinerja ORDER BY tahun") == [(predikat,), (predikat,)]


def test_a_kuadran_code_outside_1_to_5_is_rejected(tmp_path):
    rows = minimal_rows()
    rows["penilaian_kinerja"] = [{"nip": NIP_A, "tahun": "2024", "predikat": "6"}]
    _, db = load_rows(tmp_path, rows)
    assert query(db, "SELECT column_name FROM etl_rejects") == [("predikat",)]


UNSUR_HEADERS = [
    "U1 Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "U5. Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana Prasarana",
]


def test_survey_columns_headed_by_the_unsur_names_load_as_u1_to_u9(tmp_path):
    folder = write_folder(tmp_path / "sumber", minimal_rows())
    header = ["Kota", "OPD", "Tanggal", *UNSUR_HEADERS]
    answers = ["Pontianak", "Disdukcapil", "2024-05-01", "4", "3", "4", "2", "4", "3", "4", "1", "4"]
    (folder / "survei_kepuasan.csv").write_text(";".join(header) + "\n" + ";".join(answers) + "\n")
    report = pipeline.load(folder, tmp_path / "gudang" / "w.duckdb")
    assert report.errors == []
    got = query(tmp_path / "gudang" / "w.duckdb", "SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM raw_survei_kepuasan")
    assert got == [(4, 3, 4, 2, 4, 3, 4, 1, 4)]
