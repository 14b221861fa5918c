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
