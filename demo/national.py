"""Synthetic demo data: the 98 kota of Indonesia, and synthetic profiles for those without a story.

The names and provinces are real; everything generated about them (headcounts, budgets, training,
ratings, surveys) is synthetic and labelled so, like the rest of the demo.

Which 98 (source): BPS counts 98 kota in 2022 - 93 autonomous kota led by a wali kota plus the 5 kota
administrasi of DKI Jakarta - with DKI Jakarta listed as 5 kota, Jawa Barat and Jawa Timur 9 each and
Sulawesi Barat none (BPS via https://databoks.katadata.co.id/demografi/statistik/3c4d474803802c7/
data-jumlah-kota-di-indonesia-dan-sebarannya); Kemendagri's list of regions counts 416 kabupaten and
98 kota the same way. The 5 kota administrasi are included because "98" only adds up with them and
users (BKN, LAN, APEKSI) count them; in reality they have no APBD or ASN of their own (both are
Pemprov DKI's), so their synthetic profiles get a share of the province's size (KOTA_ADMINISTRASI_SIZE).
Sorong is listed under Papua Barat Daya, the province formed from Papua Barat in 2022 (UU 29/2022).
Populations (thousands) are the 2020 census (Sensus Penduduk 2020, BPS), rounded; they only size the
synthetic profiles, from a few hundred ASN in the smallest kota to tens of thousands in the largest.
"""

from __future__ import annotations

import numpy as np

from demo.cities import BASE_MIX, CITIES, City
from demo.organisation import OPDS
from demo.randomness import _rng

# kota, provinsi, kode (prefix of kode_program), population in 2020 (thousands); in BPS code order.
# fmt: off
KOTA: tuple[tuple[str, str, str, int], ...] = (
    ("Banda Aceh", "Aceh", "BNA", 252), ("Sabang", "Aceh", "SBG", 41), ("Langsa", "Aceh", "LGS", 185),
    ("Lhokseumawe", "Aceh", "LSM", 189), ("Subulussalam", "Aceh", "SBS", 90),
    ("Sibolga", "Sumatera Utara", "SBL", 90), ("Tanjungbalai", "Sumatera Utara", "TJB", 176),
    ("Pematangsiantar", "Sumatera Utara", "PMS", 268), ("Tebing Tinggi", "Sumatera Utara", "TBT", 172),
    ("Medan", "Sumatera Utara", "MDN", 2435), ("Binjai", "Sumatera Utara", "BNJ", 291),
    ("Padangsidimpuan", "Sumatera Utara", "PSP", 225), ("Gunungsitoli", "Sumatera Utara", "GST", 136),
    ("Padang", "Sumatera Barat", "PDG", 909), ("Solok", "Sumatera Barat", "SLK", 73),
    ("Sawahlunto", "Sumatera Barat", "SWL", 65), ("Padang Panjang", "Sumatera Barat", "PDP", 56),
    ("Bukittinggi", "Sumatera Barat", "BKT", 121), ("Payakumbuh", "Sumatera Barat", "PYK", 139),
    ("Pariaman", "Sumatera Barat", "PRM", 94),
    ("Pekanbaru", "Riau", "PKU", 983), ("Dumai", "Riau", "DUM", 316),
    ("Jambi", "Jambi", "JMB", 606), ("Sungai Penuh", "Jambi", "SPN", 96),
    ("Palembang", "Sumatera Selatan", "PLG", 1668), ("Prabumulih", "Sumatera Selatan", "PBM", 193),
    ("Pagar Alam", "Sumatera Selatan", "PGA", 143), ("Lubuklinggau", "Sumatera Selatan", "LLG", 234),
    ("Bengkulu", "Bengkulu", "BKL", 373),
    ("Bandar Lampung", "Lampung", "BDL", 1166), ("Metro", "Lampung", "MTR", 168),
    ("Pangkalpinang", "Kepulauan Bangka Belitung", "PGK", 218),
    ("Batam", "Kepulauan Riau", "BTM", 1196), ("Tanjungpinang", "Kepulauan Riau", "TPI", 227),
    ("Jakarta Selatan", "DKI Jakarta", "JKS", 2226), ("Jakarta Timur", "DKI Jakarta", "JKT", 3037),
    ("Jakarta Pusat", "DKI Jakarta", "JKP", 1056), ("Jakarta Barat", "DKI Jakarta", "JKB", 2434),
    ("Jakarta Utara", "DKI Jakarta", "JKU", 1778),
    ("Bogor", "Jawa Barat", "BGR", 1043), ("Sukabumi", "Jawa Barat", "SKB", 346),
    ("Bandung", "Jawa Barat", "BDG", 2444), ("Cirebon", "Jawa Barat", "CRB", 333),
    ("Bekasi", "Jawa Barat", "BKS", 2543), ("Depok", "Jawa Barat", "DPK", 2056),
    ("Cimahi", "Jawa Barat", "CMH", 568), ("Tasikmalaya", "Jawa Barat", "TSM", 716),
    ("Banjar", "Jawa Barat", "BJR", 200),
    ("Magelang", "Jawa Tengah", "MGL", 121), ("Surakarta", "Jawa Tengah", "SKT", 523),
    ("Salatiga", "Jawa Tengah", "SLT", 193), ("Semarang", "Jawa Tengah", "SMG", 1653),
    ("Pekalongan", "Jawa Tengah", "PKL", 307), ("Tegal", "Jawa Tengah", "TGL", 273),
    ("Yogyakarta", "Daerah Istimewa Yogyakarta", "YOG", 373),
    ("Kediri", "Jawa Timur", "KDR", 287), ("Blitar", "Jawa Timur", "BLT", 149),
    ("Malang", "Jawa Timur", "MLG", 844), ("Probolinggo", "Jawa Timur", "PBL", 239),
    ("Pasuruan", "Jawa Timur", "PSR", 208), ("Mojokerto", "Jawa Timur", "MJK", 132),
    ("Madiun", "Jawa Timur", "MDU", 195), ("Surabaya", "Jawa Timur", "SBY", 2874),
    ("Batu", "Jawa Timur", "BTU", 213),
    ("Tangerang", "Banten", "TNG", 1895), ("Cilegon", "Banten", "CLG", 434),
    ("Serang", "Banten", "SRG", 692), ("Tangerang Selatan", "Banten", "TGS", 1354),
    ("Denpasar", "Bali", "DPS", 726),
    ("Mataram", "Nusa Tenggara Barat", "MTM", 429), ("Bima", "Nusa Tenggara Barat", "BIM", 155),
    ("Kupang", "Nusa Tenggara Timur", "KPG", 423),
    ("Pontianak", "Kalimantan Barat", "PTK", 659), ("Singkawang", "Kalimantan Barat", "SKW", 236),
    ("Palangka Raya", "Kalimantan Tengah", "PLK", 293),
    ("Banjarmasin", "Kalimantan Selatan", "BJM", 657), ("Banjarbaru", "Kalimantan Selatan", "BJB", 253),
    ("Balikpapan", "Kalimantan Timur", "BPN", 688), ("Samarinda", "Kalimantan Timur", "SMD", 827),
    ("Bontang", "Kalimantan Timur", "BTG", 178),
    ("Tarakan", "Kalimantan Utara", "TRK", 242),
    ("Manado", "Sulawesi Utara", "MND", 451), ("Bitung", "Sulawesi Utara", "BIT", 225),
    ("Tomohon", "Sulawesi Utara", "TMH", 100), ("Kotamobagu", "Sulawesi Utara", "KTG", 124),
    ("Palu", "Sulawesi Tengah", "PAL", 373),
    ("Makassar", "Sulawesi Selatan", "MKS", 1424), ("Parepare", "Sulawesi Selatan", "PRE", 151),
    ("Palopo", "Sulawesi Selatan", "PLP", 185),
    ("Kendari", "Sulawesi Tenggara", "KDI", 345), ("Baubau", "Sulawesi Tenggara", "BAU", 159),
    ("Gorontalo", "Gorontalo", "GTO", 198),
    ("Ambon", "Maluku", "AMB", 347), ("Tual", "Maluku", "TUL", 88),
    ("Ternate", "Maluku Utara", "TTE", 205), ("Tidore Kepulauan", "Maluku Utara", "TDR", 114),
    ("Jayapura", "Papua", "JAP", 398),
    ("Sorong", "Papua Barat Daya", "SOQ", 284),
)
# fmt: on
KOTA_ADMINISTRASI = frozenset(k for k, p, _, _ in KOTA if p == "DKI Jakarta")
KOTA_ADMINISTRASI_SIZE = 0.4  # their ASN are Pemprov DKI's: each gets part of what its population suggests

# Size of a kota's civil service from its population: Bukittinggi (121 thousand people, 2,792 ASN) and
# Makassar (1.4 million, about 25,000 ASN) lie on ASN = 2,792 x (population / 121)^0.8.
SIZE_ANCHOR = (121, 2_792)
SIZE_EXPONENT = 0.8
OPTIONAL_OPDS = (
    "Dinas Perdagangan",
    "Dinas Pariwisata",
    "Bapenda",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Koperasi dan UKM",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
)
EXTRA_TOPICS = (
    "Inovasi Pelayanan Publik",
    "Pelayanan Publik yang Efisien",
    "Literasi Digital untuk Petugas Layanan Depan",
    "Manajemen Risiko Bencana",
    "Kepemimpinan Digital",
    "Penguatan Budaya Kerja BerAKHLAK",
    "Percepatan Penurunan Stunting",
    "Pengelolaan Keuangan Daerah",
)
SALURAN = ("Forum Dialog Publik", "SP4N-LAPOR!", "Aplikasi", "Media Sosial", "Kotak Saran")
SALURAN_ALPHA = (2.0, 3.0, 2.0, 3.0, 2.0)


def kota_order() -> tuple[str, ...]:
    """Return every kota in the order `--kota N` takes them: the first N.

    The four storied cities come first, then the other kota of their provinces (so `--kota 14`
    holds the four and every kota of Kalimantan Barat, Sulawesi Selatan, Sumatera Barat and Jambi),
    then the rest in BPS code order.
    """
    storied = [c.kota for c in CITIES]
    provinces = {c.provinsi for c in CITIES}
    neighbours = [k for k, p, _, _ in KOTA if p in provinces and k not in storied]
    rest = [k for k, _, _, _ in KOTA if k not in storied and k not in neighbours]
    return (*storied, *neighbours, *rest)


def national_cities(n: int, seed: int) -> tuple[City, ...]:
    """Return the first `n` kota of kota_order() as profiles: the storied ones as written, the others synthetic.

    A synthetic profile depends only on the seed and the kota, so a kota looks the same with any `n`.
    """
    storied = {c.kota: c for c in CITIES}
    entries = {k: (k, p, kode, pop) for k, p, kode, pop in KOTA}
    order = kota_order()
    return tuple(
        storied.get(kota) or synthetic_city(*entries[kota], _rng(seed, 9_000, order.index(kota))) for kota in order[:n]
    )


def synthetic_city(kota: str, provinsi: str, kode: str, population: int, rng: np.random.Generator) -> City:
    """Return a plausible synthetic profile of a kota: size from its population, the rest varied credibly."""
    anchor_pop, anchor_asn = SIZE_ANCHOR
    asn = anchor_asn * (population / anchor_pop) ** SIZE_EXPONENT * rng.lognormal(0.0, 0.15)
    if kota in KOTA_ADMINISTRASI:
        asn *= KOTA_ADMINISTRASI_SIZE
    pppk_share = rng.uniform(0.15, 0.45)
    pns = max(200, round(asn * (1 - pppk_share)))
    pppk = max(50, round(asn * pppk_share))
    apbd = round((pns + pppk) * rng.uniform(200e6, 380e6), -9)
    dropped = rng.permutation(len(OPTIONAL_OPDS))[: rng.integers(0, 5)]
    opds = tuple(o for o in OPDS if o not in {OPTIONAL_OPDS[i] for i in dropped})
    jp20_start = rng.uniform(0.30, 0.62)
    jp20 = tuple(float(min(0.9, jp20_start + i * rng.uniform(0.0, 0.04))) for i in range(5))
    elearning_start, elearning_step = rng.uniform(0.10, 0.25), rng.uniform(0.01, 0.06)
    pagu_start = rng.uniform(0.0008, 0.0015)
    alt = ()
    if rng.random() < 0.15:
        since = int(rng.integers(2022, 2025))
        alt = (("Seminar, Workshop dan Bimbingan Teknis", "CSR/Hibah", since, float(rng.uniform(0.03, 0.08))),)
    topics = rng.permutation(len(EXTRA_TOPICS))[: rng.integers(2, 4)]
    saluran = rng.dirichlet(SALURAN_ALPHA)
    return City(
        kota=kota,
        provinsi=provinsi,
        kode=kode,
        pns=pns,
        pppk=pppk,
        apbd_2024=int(apbd),
        opds=opds,
        jp20=jp20,
        type_weights={k: w * float(rng.lognormal(0.0, 0.25)) for k, w in BASE_MIX.items()},
        elearning=tuple(elearning_start + i * elearning_step for i in range(5)),
        universities=(f"Perguruan Tinggi Negeri Provinsi {provinsi}", f"Politeknik Mitra Kota {kota}"),
        lms=(f"LMS BPSDM Provinsi {provinsi}", "Platform e-Learning LAN"),
        mitra=(f"BPKP Perwakilan Provinsi {provinsi}", "Kementerian Dalam Negeri"),
        extra_topics=tuple(EXTRA_TOPICS[i] for i in topics),
        bkpsdm="BKPP" if rng.random() < 0.2 else "BKPSDM",
        coach_underperformers=float(rng.uniform(0.05, 0.40)),
        award_rate=float(rng.uniform(0.01, 0.06)),
        pagu_share=(pagu_start, pagu_start + rng.uniform(0.0001, 0.0004)),
        alt_funding=alt,
        aspirasi=max(40, round((pns + pppk) * rng.uniform(0.015, 0.035))),
        forums=int(rng.integers(1, 7)),
        saluran={name: float(w) for name, w in zip(SALURAN, saluran, strict=True)},
        kinerja_asn_weight=float(rng.uniform(0.02, 0.06)),
        survei_size=float(np.clip((pns + pppk) / 8_000, 0.4, 2.0)),
    )
