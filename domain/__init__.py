"""Rules and facts of pembinaan ASN, written once. Python reads them from here; SQL reads them as macros
made from them when a warehouse is built (etl.warehouse.domain_macros). Sources: the regulations named
beside each, summarised in ../shared/reference/domain.md.
"""

from __future__ import annotations

# Competency development: every PNS at least 20 JP a year (PP 11/2017 art. 203(4) as amended by PP 17/2020).
JP_MINIMUM = 20

# Retirement age (batas usia pensiun, BUP) of a PNS: UU 5/2014 art. 90 and PP 11/2017 art. 239(2): 58 for
# pejabat administrasi (administrator, pengawas, pelaksana) and fungsional ahli pertama, ahli muda and
# keterampilan; 60 for JPT and fungsional ahli madya; 65 for fungsional ahli utama; guru 60 (UU 14/2005 art.
# 30(4)). The pension starts (TMT pensiun) on the first day of the month after the one the age is reached.
BUP_DEFAULT = 58
BUP_BY_JABATAN: dict[str, int] = {"JPT": 60, "ahli madya": 60, "guru": 60, "ahli utama": 65}

# Performance appraisal (PermenPANRB 6/2022): the five predikat, best to worst.
PREDIKAT = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
BELOW_BAIK = PREDIKAT[2:]

# The bands of JP per PNS-year a distribution is drawn in (analytics/queries/sql/jp_distribusi.sql numbers them
# 0-5 in this order); the 20-JP line falls between 10-19 and 20-29.
JP_BANDS = ("0", "1-9", "10-19", "20-29", "30-39", "40+")

# The kinds of activity a planner can shift between (mart `kegiatan`, column kelompok, made by
# etl/sql/marts/kegiatan.sql), in menu order.
KELOMPOK = ("klasikal", "e-learning", "mentoring/coaching", "kemitraan perguruan tinggi", "nonklasikal lain")

# Public satisfaction (PermenPANRB 14/2017): nine unsur answered 1-4, IKM = 25 x mean of their NRR (each
# weighted 1/9), and the mutu bands (lowest IKM of A, B and C; D is everything below C).
IKM_UNSUR = 9
# Their names in the regulation's order, U1..U9: a survey file may head its columns with them.
IKM_UNSUR_NAMES = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)
# The four answers of each unsur, worth 1 to 4 (options a-d), as the sample questionnaire in the Lampiran of
# PermenPANRB 14/2017 words them; in the order of IKM_UNSUR_NAMES (the questionnaire itself asks about sarana, U9,
# eighth and about pengaduan, U8, ninth). Sources, per list:
#   [L] the Lampiran's questionnaire as a kecamatan prints it, "Permen 14 2017" (Kantor Camat Ulu Manna, Bengkulu
#       Selatan: https://pdfcoffee.com/permen-14-2017-okkk-pdf-free.html), questions 1-5, 7 and 8 word for word;
#   [S] SKM applications that copy the Lampiran: github.com/galeeh16/survey-kepuasan-masyarakat
#       (database/seeders/JawabanSeeder.php: all nine lists in a-d order) and github.com/rendyirawann/sistem-mpp
#       (app/Http/Controllers/SkmController.php: the nine questions word for word, with these options except U7
#       shortened to "Sopan" and U8's "Ada tapi tidak berfungsi", forms etl/skm_form.py also reads);
#   [I] issue 26 (the finding: "Berfungsi kurang maksimal" is 3 for pengaduan).
IKM_OPTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),  # U1, question 1 [L][S]
    ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),  # U2, question 2 [L][S]
    ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),  # U3, question 3 [L][S]
    ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),  # U4, question 4 [L][S]
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),  # U5, question 5 [L][S]
    ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),  # U6, question 6 [S]
    ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),  # U7, q. 7 [L][S]
    ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),  # U8, q. 9 [S][I]
    ("Buruk", "Cukup", "Baik", "Sangat baik"),  # U9, question 8 [L][S]
)
IKM_SCALE = 25
# The weight of each unsur in the IKM: the regulation's 1/9 (exact, None), and the roundings of it that published
# reports print (the regulation's own worked example uses 0,111; some reports 0,11). Same answers, different IKM:
# 29 respondents give 91,48 exact, 91,38 with 0,111 and 90,56 with 0,11.
IKM_PENIMBANG: dict[str, float | None] = {"eksak": None, "0,111": 0.111, "0,11": 0.11}
IKM_PENIMBANG_DEFAULT = "eksak"
IKM_BANDS = (("A", 88.31, 100.0), ("B", 76.61, 88.31), ("C", 65.0, 76.61), ("D", 25.0, 65.0))

# Kemendagri asks kabupaten/kota to spend at least 0.16% of APBD on competency development.
APBD_FLOOR = 0.0016

# Time zones (UTC offsets in hours) and the provinces outside WIB. A view of cities in several zones, and a
# deployment-wide time, is written in WIB, the zone of national deadlines.
TIME_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
DEFAULT_ZONE = "WIB"
WITA_PROVINCES = frozenset(
    {
        "Bali",
        "Nusa Tenggara Barat",
        "Nusa Tenggara Timur",
        "Kalimantan Selatan",
        "Kalimantan Timur",
        "Kalimantan Utara",
        "Sulawesi Utara",
        "Sulawesi Tengah",
        "Sulawesi Selatan",
        "Sulawesi Tenggara",
        "Gorontalo",
        "Sulawesi Barat",
    }
)
WIT_PROVINCES = frozenset(
    {
        "Maluku",
        "Maluku Utara",
        "Papua",
        "Papua Barat",
        "Papua Barat Daya",
        "Papua Selatan",
        "Papua Tengah",
        "Papua Pegunungan",
    }
)


def zone_of_province(provinsi: str | None) -> str:
    """Return the time zone (WIB, WITA or WIT) of a province; WIB when it is not known."""
    name = (provinsi or "").strip().title()
    return "WITA" if name in WITA_PROVINCES else "WIT" if name in WIT_PROVINCES else "WIB"


# Size of a government, for "cities like mine": bands of its ASN (PNS + PPPK) in the latest year, smallest
# first, each with its lower bound. No regulation sorts governments by their workforce; these bands follow
# the spread of kota workforces (a few hundred in the smallest kota, tens of thousands in the metropolitan
# ones, where teachers and health workers are kota ASN) so each band holds a comparable group of peers.
SIZE_BANDS = (("kecil", 0), ("sedang", 3_000), ("besar", 7_500), ("sangat_besar", 15_000))


def size_band(jumlah_asn: int | None) -> str | None:
    """Return the SIZE_BANDS name of a government with `jumlah_asn` ASN; None when it is not known."""
    if jumlah_asn is None:
        return None
    return [name for name, lower in SIZE_BANDS if jumlah_asn >= lower][-1]
