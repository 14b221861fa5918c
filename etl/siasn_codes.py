"""SIASN (BKN's civil-service information system) as it writes its codes, and what each means in the contract.

Declared once, here, next to the contract: etl/contract.py accepts these spellings and codes as aliases of
its own values, so a rating or a training type copied out of SIASN loads as it is. Every list was read from
public SIASN client code; ../shared/reference/siasn/ holds each one with its source:
- JENIS_DIKLAT: `jenisDiklatId` 1-25 (siasn_ref_jenis_diklat.csv, siasn_jenis_diklat_vs_contract.csv), the
  Peraturan LAN 10/2018 development types; ids 13 and 25 are SIASN's two catch-alls, which the contract keeps
  as their own types ("pelatihan klasikal lainnya", "pelatihan nonklasikal lainnya"; docs/metrics.md).
- EKSPEKTASI: hasil and perilaku kerja codes 1-3 of SKP 2022 (siasn_ref_perilaku_dan_kinerja.csv), spelled
  `DIATAS ESPEKTASI` (sic) by SIASN.
- KUADRAN: the SKP 2022 predikat (kuadran) codes 1-5 (siasn_ref_kuadran_nilai.csv).
The Export Data ASN (pegawai) mapping, etl/siasn.py, reads these (not contract vocabularies: what each means for
the contract's columns; the sources are the same files, each read from github black-coffee04/ws-siasn-php
src/Data/Referensi/*.json.gz, commit 9cb3548):
- JENIS_PEGAWAI_PNS: `jenis_pegawai_id` 1-19 (siasn_ref_jenis_pegawai.csv), every one a PNS; the list names no
  PPPK, whom an export tells by name (PPPK_NAMES) or by their grade (PPPK_GOLONGAN).
- KEDUDUKAN_HUKUM: `kedudukan_hukum_id` (siasn_ref_kedudukan_hukum.csv): still in service or not, and how.
- JENIS_JABATAN: `jenis_jabatan_id` 1-4 (siasn_ref_jenis_jabatan.csv) -> kategori_jabatan, or STRUKTURAL.
- ESELON: `eselon_id` (siasn_ref_eselon.csv, with its `jabatanAsn`) -> the level of a structural post.
This module imports nothing from the contract: the contract imports it.
"""

from __future__ import annotations

# jenisDiklatId -> (SIASN's name, the contract's program.jenis).
JENIS_DIKLAT: dict[int, tuple[str, str]] = {
    1: ("Diklat Struktural", "pelatihan struktural kepemimpinan"),
    2: ("Diklat Fungsional", "pelatihan fungsional"),
    3: ("Diklat Teknis", "pelatihan teknis"),
    4: ("Workshop", "workshop/lokakarya"),
    5: ("Pelatihan Manajerial", "pelatihan manajerial"),
    6: ("Pelatihan Sosial Kultural", "pelatihan sosial kultural"),
    7: ("Sosialisasi", "sosialisasi"),
    8: ("Bimbingan Teknis", "bimbingan teknis"),
    9: ("Seminar", "seminar/konferensi"),
    10: ("Magang", "magang"),
    11: ("Kursus", "kursus"),
    12: ("Penataran", "penataran"),
    13: ("Pengembangan Kompetensi Dalam Bentuk Pelatihan klasikal lainnya", "pelatihan klasikal lainnya"),
    14: ("Coaching", "coaching"),
    15: ("Mentoring", "mentoring"),
    16: ("E-Learning", "e-learning"),
    17: ("Pelatihan Jarak Jauh", "pelatihan jarak jauh"),
    18: ("Detasering (Secondment)", "detasering"),
    19: ("Pembelajaran Alam Terbuka (Outbond)", "outbound"),
    20: ("Patok Banding (Benchmarking)", "benchmarking"),
    21: (
        "Pertukaran Antara Pns Dengan Pegawai Swasta/Badan Usaha Milik Negara/ Badan Usaha Milik Daerah",
        "pertukaran pns-swasta",
    ),
    22: ("Belajar Mandiri (Self Development)", "belajar mandiri"),
    23: ("Komunitas Belajar (Community Of Practices)", "komunitas belajar"),
    24: ("Bimbingan Di Tempat Kerja", "bimbingan di tempat kerja"),
    25: ("Pengembangan Kompetensi Dalam Bentuk Pelatihan Nonklasikal Lainnya", "pelatihan nonklasikal lainnya"),
}
# Other names the same types go by in recaps (the short forms inside SIASN's brackets, older names).
JENIS_DIKLAT_OTHER_NAMES: dict[str, str] = {
    "diklat kepemimpinan": "pelatihan struktural kepemimpinan",
    "diklatpim": "pelatihan struktural kepemimpinan",
    "pelatihan kepemimpinan": "pelatihan struktural kepemimpinan",
    "lokakarya": "workshop/lokakarya",
    "konferensi": "seminar/konferensi",
    "bimtek": "bimbingan teknis",
    "secondment": "detasering",
    "outbond": "outbound",
    "pembelajaran alam terbuka": "outbound",
    "patok banding": "benchmarking",
    "self development": "belajar mandiri",
    "community of practices": "komunitas belajar",
    "community of practice": "komunitas belajar",
    "pertukaran pns dengan pegawai swasta": "pertukaran pns-swasta",
    "pelatihan klasikal lainnya": "pelatihan klasikal lainnya",
    "klasikal lainnya": "pelatihan klasikal lainnya",
    "nonklasikal lainnya": "pelatihan nonklasikal lainnya",
    "non klasikal lainnya": "pelatihan nonklasikal lainnya",
}

# Hasil kerja and perilaku kerja of SKP 2022: code -> (SIASN's spelling, the contract's value).
EKSPEKTASI: dict[int, tuple[str, str]] = {
    1: ("DIATAS ESPEKTASI", "Di Atas Ekspektasi"),
    2: ("SESUAI ESPEKTASI", "Sesuai Ekspektasi"),
    3: ("DIBAWAH ESPEKTASI", "Di Bawah Ekspektasi"),
}
# How clients write the same three ("Diatas Ekspektasi", the short forms).
EKSPEKTASI_OTHER_NAMES: dict[str, str] = {
    "diatas ekspektasi": "Di Atas Ekspektasi",
    "dibawah ekspektasi": "Di Bawah Ekspektasi",
    "di atas espektasi": "Di Atas Ekspektasi",
    "di bawah espektasi": "Di Bawah Ekspektasi",
    "diatas": "Di Atas Ekspektasi",
    "dibawah": "Di Bawah Ekspektasi",
}

# SKP 2022 predikat (kuadran): code -> (SIASN's name, the contract's predikat).
KUADRAN: dict[int, tuple[str, str]] = {
    1: ("SANGAT BAIK", "Sangat Baik"),
    2: ("BAIK", "Baik"),
    3: ("BUTUH PERBAIKAN", "Butuh Perbaikan"),
    4: ("KURANG", "Kurang"),
    5: ("SANGAT KURANG", "Sangat Kurang"),
}


# Jenis pegawai: every id of siasn_ref_jenis_pegawai.csv is a PNS (where the PNS works: pusat, propinsi, kab./kota,
# DPB/DPK). An export names a PPPK "PPPK" or "Pegawai Pemerintah dengan Perjanjian Kerja" (UU 5/2014 art. 1(4)).
JENIS_PEGAWAI_PNS: dict[int, str] = {
    1: "PNS Pusat yang bekerja pada Departemen/Lembaga",
    2: "PNS Pusat DPB pada Instansi lain",
    3: "PNS Pusat DPK pada Instansi lain",
    4: "PNS Pusat DPB pada Pemerintah Propinsi",
    5: "PNS Pusat DPK pada Pemerintah Propinsi",
    6: "PNS Pusat DPB pada Pemerintah Kabupaten/Kota",
    7: "PNS Pusat DPK pada Pemerintah Kabupaten/Kota",
    8: "PNS Pusat DPB pada BUMN/Badan lain",
    9: "PNS Pusat DPK pada BUMN/Badan lain",
    10: "PNS Daerah Propinsi yang bekerja pada Propinsi",
    11: "PNS Daerah Propinsi DPB pada Instansi lain",
    12: "PNS Daerah Propinsi DPK pada Instansi lain",
    13: "PNS Daerah Propinsi DPB pada BUMN/BUMD",
    14: "PNS Daerah Propinsi DPK pada BUMN/BUMD",
    15: "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota",
    16: "PNS Daerah Kab./Kota DPB pada Instansi lain",
    17: "PNS Daerah Kab./Kota DPK pada Instansi lain",
    18: "PNS Daerah Kab./Kota DPB pada BUMN/BUMD",
    19: "PNS Daerah Kab./Kota DPK pada BUMN/BUMD",
}
PPPK_NAMES = ("pppk", "p3k", "perjanjian kerja")  # words of a jenis pegawai name that make it a PPPK
# The grades of a PPPK, I-XVII (PP 49/2018; their pay scale, Perpres 98/2020): not a PNS golongan/ruang.
PPPK_GOLONGAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

# Kedudukan hukum: code -> (SIASN's name, what it means for the contract). AKTIF: still an ASN in service (CPNS,
# CLTN, tugas belajar, MPP, temporarily dismissed or seconded all stay PNS: counted active, in the 20-JP
# denominator); PENSIUN: left on a pension (the exit date, when the file gives none, is the TMT pensiun at the
# retirement age, domain.BUP_*); KELUAR: left otherwise (died, dismissed, record closed). docs/metrics.md#aktif.
AKTIF, PENSIUN, KELUAR = "aktif", "pensiun", "keluar"
KEDUDUKAN_HUKUM: dict[int, tuple[str, str]] = {
    1: ("Aktif", AKTIF),
    2: ("CLTN", AKTIF),
    3: ("Tugas Belajar", AKTIF),
    4: ("Pemberhentian Sementara", AKTIF),
    5: ("Penerima Uang Tunggu", AKTIF),
    6: ("Prajurit Wajib", AKTIF),
    7: ("Pejabat Negara", AKTIF),
    8: ("Kepala Desa", AKTIF),
    9: ("Sedang dlm Proses Banding BAPEK", AKTIF),
    11: ("Pegawai Titipan", AKTIF),
    12: ("Pengungsi", AKTIF),
    13: ("Perpanjangan CLTN", AKTIF),
    14: ("PNS yang dinyatakan hilang", KELUAR),
    15: ("PNS kena hukuman disiplin", AKTIF),
    16: ("Pemindahan dalam rangka penurunan Jabatan", AKTIF),
    20: ("Masa Persiapan Pensiun", AKTIF),
    51: ("CPNS yang belum menerima SK CPNS", AKTIF),
    52: ("Tidak Aktif", KELUAR),
    66: ("Diberhentikan", KELUAR),
    67: ("Punah", KELUAR),
    68: ("Eks PNS Timor Timur", KELUAR),
    69: ("TMS Dari Pengadaan", KELUAR),
    70: ("Pembatalan NIP", KELUAR),
    77: ("Pemberhentian tanpa hak pensiun", KELUAR),
    88: ("Pemberhentian dengan hak pensiun", PENSIUN),
    89: ("Tidak aktif tetapi diusulkan Pensiun", PENSIUN),
    90: ("Tidak Ikut PUPNS 2015", KELUAR),
    91: ("Tindak Pidana/ Tindak Pidana Jabatan", KELUAR),
    92: ("Pemblokiran Data PNS", KELUAR),
    98: ("Mencapai BUP", PENSIUN),
    99: ("Pensiun", PENSIUN),
}
# Names recaps write that the list does not have (it has no code for death) or shortens.
KEDUDUKAN_HUKUM_OTHER_NAMES: dict[str, str] = {
    "meninggal": KELUAR,
    "meninggal dunia": KELUAR,
    "wafat": KELUAR,
    "mpp": AKTIF,
    "bup": PENSIUN,
}

# Jenis jabatan: code -> (SIASN's name, the contract's kategori_jabatan, or STRUKTURAL: a structural post, whose
# level comes from its eselon). Fungsional umum is today's jabatan pelaksana (PermenPANRB 41/2018).
STRUKTURAL = "struktural"
JENIS_JABATAN: dict[int, tuple[str, str]] = {
    1: ("Jabatan Struktural", STRUKTURAL),
    2: ("Jabatan Fungsional Tertentu", "Fungsional"),
    3: ("Jabatan Rangkap (Struktural dan Fungsional)", STRUKTURAL),
    4: ("Jabatan Fungsional Umum", "Pelaksana"),
}
JENIS_JABATAN_OTHER_NAMES: dict[str, str] = {
    "struktural": STRUKTURAL,
    "fungsional tertentu": "Fungsional",
    "jabatan fungsional": "Fungsional",
    "fungsional": "Fungsional",
    "jft": "Fungsional",
    "fungsional umum": "Pelaksana",
    "jfu": "Pelaksana",
    "pelaksana": "Pelaksana",
    "jabatan pelaksana": "Pelaksana",
    "jabatan pimpinan tinggi": "JPT",
    "jabatan administrator": "Administrator",
    "jabatan pengawas": "Pengawas",
}

# Eselon: code -> (SIASN's name, the kategori_jabatan its jabatanAsn names). UU 5/2014 art. 131: eselon I and II
# are JPT, III administrator, IV pengawas, and eselon V (no jabatanAsn in the list) is jabatan pelaksana.
# Codes 00 (empty) and 99 (NON) name no eselon.
ESELON: dict[int, tuple[str, str]] = {
    10: ("I.a", "JPT"),
    11: ("I.a", "JPT"),
    12: ("I.b", "JPT"),
    21: ("II.a", "JPT"),
    22: ("II.b", "JPT"),
    31: ("III.a", "Administrator"),
    32: ("III.b", "Administrator"),
    41: ("IV.a", "Pengawas"),
    42: ("IV.b", "Pengawas"),
    51: ("V.a", "Pelaksana"),
    52: ("V.b", "Pelaksana"),
}
# The list's jabatanAsn values, and an eselon written without its letter.
ESELON_OTHER_NAMES: dict[str, str] = {
    "jpt utama": "JPT",
    "jpt madya": "JPT",
    "jpt pratama": "JPT",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "i": "JPT",
    "ii": "JPT",
    "iii": "Administrator",
    "iv": "Pengawas",
    "v": "Pelaksana",
}


def spelled(text: str) -> str:
    """Return a value the way the validator compares vocabulary (etl/validate.py parse_sql): lower case,
    runs of spaces made one, no space around '/'."""
    return " ".join(text.lower().split()).replace(" /", "/").replace("/ ", "/")


def code_aliases(codes: dict[int, tuple[str, str]], others: dict[str, str] | None = None) -> dict[str, str]:
    """Return the contract aliases of a SIASN code list: each code ("1") and each SIASN name, as the
    validator spells them, mapped to the contract's value; `others` (other names) are added as given."""
    aliases = {str(code): value for code, (_, value) in codes.items()}
    aliases |= {spelled(name): value for name, value in codes.values()}
    return aliases | (others or {})
