"""Rules and facts of pembinaan ASN, written once. Python reads them from here; SQL reads them as macros
made from them when a warehouse is built (etl.warehouse.domain_macros). Sources: the regulations named
beside each, summarised in ../shared/reference/domain.md.
"""

from __future__ import annotations

# Competency development: every PNS at least 20 JP a year (PP 11/2017 art. 203(4) as amended by PP 17/2020).
JP_MINIMUM = 20

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
