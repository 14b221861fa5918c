"""Synthetic demo data: a complete source folder for the four cities, 2021-2025.

`write_sample(out)` writes one CSV per dataset of etl.contract.DATASETS plus the marker file
that labels the folder as synthetic. The numbers follow the stories and orders of magnitude
in the domain reference (headcounts, APBD, 20 JP compliance, predikat shares, IKM bands) but every
person, name and NIP is invented.

How it works: employees are generated per city in chunks (at most CHUNK_SIZE per chunk), and
each chunk is simulated year by year: development activities (programs and participants),
then the performance appraisal. Every chunk's rows are appended to the open CSV files, so
memory stays bounded whatever the scale. Each chunk and purpose has its own random stream
derived from the seed, so the same seed and scale give byte-identical files.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from etl import contract

YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)
CHUNK_SIZE = 50_000  # employees simulated together; bounds memory at large scale
SLOTS = 10  # candidate activities per employee per year (every type gives >= 2 JP)
JP_MINIMUM = 20  # PP 17/2020: every PNS at least 20 JP a year

# Audience of a program: "umum" (everyone) or the group of an OPD.
AUDIENCES: tuple[str, ...] = (
    "umum",
    "pendidikan",
    "kesehatan",
    "kewilayahan",
    "pelayanan",
    "teknis",
    "manajemen",
    "it",
    "ketertiban",
    "ekonomi",
)
AUD = {name: i for i, name in enumerate(AUDIENCES)}


# ----------------------------------------------------------------------------------------
# Organisation: OPD, their group, and their share of PNS and PPPK
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opd:
    """An OPD kind: its group (audience) and relative weight among PNS and PPPK."""

    name: str
    group: str
    pns: float
    pppk: float


OPDS: dict[str, Opd] = {
    o.name: o
    for o in (
        Opd("Dinas Pendidikan", "pendidikan", 40.0, 62.0),
        Opd("Dinas Kesehatan", "kesehatan", 12.0, 14.0),
        Opd("RSUD", "kesehatan", 5.0, 6.0),
        Opd("Kecamatan", "kewilayahan", 9.0, 3.0),
        Opd("Sekretariat Daerah", "manajemen", 4.5, 1.0),
        Opd("Sekretariat DPRD", "manajemen", 1.5, 0.5),
        Opd("Inspektorat", "manajemen", 1.2, 0.2),
        Opd("Bappeda", "manajemen", 1.2, 0.2),
        Opd("BKPSDM", "manajemen", 1.2, 0.2),
        Opd("BPKAD", "manajemen", 1.8, 0.4),
        Opd("Bapenda", "manajemen", 2.0, 0.4),
        Opd("Dinas Kependudukan dan Pencatatan Sipil", "pelayanan", 2.0, 0.8),
        Opd("DPMPTSP", "pelayanan", 1.2, 0.4),
        Opd("Dinas Sosial", "pelayanan", 1.5, 0.6),
        Opd("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "pelayanan", 1.0, 0.3),
        Opd("Dinas PUPR", "teknis", 3.0, 1.0),
        Opd("Dinas Perhubungan", "teknis", 2.5, 1.0),
        Opd("Dinas Lingkungan Hidup", "teknis", 3.0, 1.5),
        Opd("Dinas Perumahan dan Kawasan Permukiman", "teknis", 1.2, 0.4),
        Opd("Dinas Komunikasi dan Informatika", "it", 1.2, 0.8),
        Opd("Satpol PP", "ketertiban", 3.0, 1.5),
        Opd("BPBD", "ketertiban", 1.0, 0.4),
        Opd("Dinas Koperasi dan UKM", "ekonomi", 1.0, 0.3),
        Opd("Dinas Perdagangan", "ekonomi", 1.0, 0.3),
        Opd("Dinas Pariwisata", "ekonomi", 1.0, 0.3),
    )
}

# Outside Jambi, access to development differs mildly by group (added to the city level).
GROUP_REACH_OFFSET: dict[str, float] = {
    "manajemen": 0.08,
    "it": 0.06,
    "pelayanan": 0.02,
    "pendidikan": -0.02,
    "kesehatan": 0.0,
    "kewilayahan": -0.06,
    "teknis": -0.03,
    "ketertiban": -0.10,
    "ekonomi": 0.0,
}

# Jambi: very unequal access across OPD (share of PNS reaching 20 JP in 2021).
JAMBI_OPD_REACH: dict[str, float] = {
    "BKPSDM": 0.82,
    "Dinas Kependudukan dan Pencatatan Sipil": 0.80,
    "Bappeda": 0.76,
    "Inspektorat": 0.72,
    "Dinas PUPR": 0.70,
    "BPKAD": 0.62,
    "Sekretariat Daerah": 0.60,
    "Dinas Komunikasi dan Informatika": 0.60,
    "DPMPTSP": 0.55,
    "Dinas Kesehatan": 0.45,
    "RSUD": 0.40,
    "Bapenda": 0.35,
    "Dinas Pendidikan": 0.33,
    "Sekretariat DPRD": 0.25,
    "Dinas Perumahan dan Kawasan Permukiman": 0.22,
    "Dinas Sosial": 0.20,
    "BPBD": 0.20,
    "Dinas Perhubungan": 0.18,
    "Dinas Lingkungan Hidup": 0.16,
    "Kecamatan": 0.15,
    "Satpol PP": 0.13,
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak": 0.25,
}


# ----------------------------------------------------------------------------------------
# Development activity types
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityType:
    """A kind of development activity: contract jalur/jenis, JP, batch size, days, cost."""

    key: str
    jalur: str
    jenis: str
    label: str  # start of nama_program
    jp: tuple[int, int]
    batch: int  # mean participants per batch
    days: tuple[int, int]
    rate: tuple[int, int]  # Rupiah per JP per participant
    per_audience: bool  # batches for a specific OPD group, or only for everyone
    test_share: float  # share of batches with a pre/post test


# fmt: off
TYPES: tuple[ActivityType, ...] = (
    # Drawn from the city mix (the first REGULAR_TYPES), columns as in ActivityType:
    # key, jalur, jenis, label, jp, batch, days, rate, per_audience, test_share.
    ActivityType("elearning", "nonklasikal", "e-learning", "E-Learning",
                 (2, 10), 250, (14, 45), (0, 0), True, 0.3),
    ActivityType("seminar", "klasikal", "seminar/konferensi", "Seminar",
                 (4, 8), 80, (1, 1), (35_000, 60_000), True, 0.0),
    ActivityType("workshop", "klasikal", "workshop/lokakarya", "Workshop",
                 (8, 16), 30, (2, 3), (40_000, 75_000), True, 0.2),
    ActivityType("bimtek", "klasikal", "bimbingan teknis", "Bimbingan Teknis",
                 (16, 32), 32, (2, 4), (45_000, 90_000), True, 0.5),
    ActivityType("teknis", "klasikal", "pelatihan teknis", "Pelatihan Teknis",
                 (24, 40), 28, (3, 5), (50_000, 90_000), True, 0.7),
    ActivityType("fungsional", "klasikal", "pelatihan fungsional", "Pelatihan Fungsional",
                 (24, 40), 28, (3, 5), (50_000, 90_000), True, 0.7),
    ActivityType("manajerial", "klasikal", "pelatihan manajerial", "Pelatihan",
                 (24, 40), 30, (3, 5), (50_000, 90_000), False, 0.6),
    ActivityType("sosialisasi", "klasikal", "sosialisasi", "Sosialisasi",
                 (2, 4), 100, (1, 1), (35_000, 50_000), True, 0.0),
    ActivityType("mentoring", "nonklasikal", "mentoring", "Mentoring",
                 (10, 24), 10, (60, 120), (5_000, 15_000), False, 0.0),
    ActivityType("coaching", "nonklasikal", "coaching", "Coaching",
                 (10, 24), 10, (30, 90), (5_000, 15_000), False, 0.0),
    ActivityType("pjj", "nonklasikal", "pelatihan jarak jauh", "Pelatihan Jarak Jauh",
                 (16, 32), 40, (7, 21), (10_000, 30_000), True, 0.6),
    ActivityType("komunitas", "nonklasikal", "komunitas belajar", "Komunitas Belajar",
                 (4, 12), 25, (30, 90), (0, 5_000), True, 0.0),
    # Assigned to specific people, never drawn from the mix. JP are indicative.
    ActivityType("latsar", "klasikal", "pelatihan manajerial", "Pelatihan Dasar CPNS",
                 (319, 319), 40, (50, 60), (45_000, 60_000), False, 1.0),
    ActivityType("pkp", "klasikal", "pelatihan struktural kepemimpinan",
                 "Pelatihan Kepemimpinan Pengawas (PKP)",
                 (200, 200), 30, (90, 110), (60_000, 90_000), False, 1.0),
    ActivityType("pka", "klasikal", "pelatihan struktural kepemimpinan",
                 "Pelatihan Kepemimpinan Administrator (PKA)",
                 (254, 254), 30, (110, 130), (60_000, 90_000), False, 1.0),
    ActivityType("pkn", "klasikal", "pelatihan struktural kepemimpinan",
                 "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)",
                 (300, 300), 30, (120, 140), (70_000, 90_000), False, 1.0),
    ActivityType("coaching_kinerja", "nonklasikal", "coaching", "Coaching Peningkatan Kinerja",
                 (12, 24), 8, (30, 90), (5_000, 15_000), False, 0.0),
)
# fmt: on
T = {t.key: i for i, t in enumerate(TYPES)}
REGULAR_TYPES = T["komunitas"] + 1
T_JP_LO = np.array([t.jp[0] for t in TYPES])
T_JP_HI = np.array([t.jp[1] for t in TYPES])
T_BATCH = np.array([t.batch for t in TYPES])
T_PER_AUD = np.array([t.per_audience for t in TYPES])
ASSIGNED_TYPES = [T[k] for k in ("latsar", "pkp", "pka", "pkn", "coaching_kinerja")]
LONG_TYPES = [T[k] for k in ("mentoring", "coaching", "komunitas", "pkp", "pka", "pkn", "coaching_kinerja")]

# Topics per audience (generic development topics for "umum").
TOPICS: dict[str, tuple[str, ...]] = {
    "umum": (
        "Pelayanan Publik Prima",
        "Komunikasi Efektif",
        "Etika dan Integritas ASN",
        "Core Values BerAKHLAK",
        "Literasi Digital",
        "Manajemen Kinerja (SKP)",
        "Keterbukaan Informasi Publik",
        "Manajemen Waktu dan Produktivitas",
        "Kesehatan dan Keselamatan Kerja",
        "Penulisan Naskah Dinas",
    ),
    "pendidikan": (
        "Implementasi Kurikulum Merdeka",
        "Asesmen Pembelajaran",
        "Pembelajaran Berdiferensiasi",
        "Platform Merdeka Mengajar",
        "Literasi dan Numerasi",
        "Pendidikan Inklusif",
        "Manajemen Kelas",
    ),
    "kesehatan": (
        "Pelayanan Prima di Puskesmas",
        "Penanganan Kegawatdaruratan",
        "Pencegahan Stunting",
        "Pencegahan dan Pengendalian Infeksi",
        "Rekam Medis Elektronik",
        "Imunisasi",
        "Manajemen Puskesmas",
    ),
    "kewilayahan": (
        "Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
        "Administrasi Pemerintahan Kelurahan",
        "Pemberdayaan Masyarakat",
        "Penanganan Pengaduan Masyarakat",
    ),
    "pelayanan": (
        "Administrasi Kependudukan",
        "Standar Pelayanan Publik",
        "Penanganan Pengaduan Masyarakat",
        "Perizinan Berusaha Berbasis Risiko (OSS RBA)",
        "Survei Kepuasan Masyarakat",
        "Pendataan Kesejahteraan Sosial",
    ),
    "teknis": (
        "Manajemen Proyek Konstruksi",
        "Perencanaan Infrastruktur",
        "Pengadaan Barang dan Jasa",
        "Manajemen Lalu Lintas",
        "Pengelolaan Sampah",
        "Tata Ruang dan Bangunan Gedung",
        "Pengendalian Pencemaran Lingkungan",
    ),
    "manajemen": (
        "Penyusunan RKA dan DPA",
        "Perencanaan dan Penganggaran (SIPD)",
        "Akuntansi Pemerintahan Berbasis Akrual",
        "Pengawasan Intern dan Manajemen Risiko",
        "Manajemen ASN dan SIASN",
        "Analisis Kebijakan Publik",
        "Penyusunan Produk Hukum Daerah",
        "Reformasi Birokrasi",
    ),
    "it": (
        "Keamanan Informasi",
        "Satu Data dan Pengelolaan Data",
        "Pengembangan Aplikasi Layanan",
        "Sistem Pemerintahan Berbasis Elektronik (SPBE)",
        "Layanan Front Office Digital",
    ),
    "ketertiban": (
        "Kesiapsiagaan dan Tanggap Darurat Bencana",
        "Penegakan Peraturan Daerah",
        "Pengamanan dan Ketertiban Umum",
        "Pertolongan Pertama",
    ),
    "ekonomi": (
        "Pengembangan UMKM",
        "Promosi Pariwisata Daerah",
        "Pengawasan Perdagangan dan Metrologi",
        "Pengelolaan Pasar Rakyat",
    ),
}
# Topics that depend on the type rather than on the audience.
TYPE_TOPICS: dict[str, tuple[str, ...]] = {
    "manajerial": (
        "Manajemen Publik",
        "Kepemimpinan Pelayanan Publik",
        "Inovasi Sektor Publik",
        "Tata Kelola Pemerintahan",
        "Manajemen Strategis Organisasi",
    ),
    "mentoring": ("ASN Muda", "Pengembangan Karier ASN", "Budaya Kerja dan Adaptasi Organisasi"),
    "coaching": ("Pengembangan Kompetensi Pegawai", "Pencapaian Sasaran Kinerja"),
    "latsar": ("Nilai Dasar ASN dan Aktualisasi",),
    "pkp": ("Kepemimpinan Pengawas",),
    "pka": ("Kepemimpinan Administrator",),
    "pkn": ("Kepemimpinan Nasional",),
    "coaching_kinerja": ("Peningkatan Kinerja Individu",),
}

# Who runs a type: weights over kinds of provider (names come from the city profile).
PROVIDER_WEIGHTS: dict[str, dict[str, float]] = {
    "elearning": {"lms": 1.0},
    "seminar": {"lokal": 0.6, "prov": 0.2, "univ": 0.2},
    "workshop": {"lokal": 0.5, "prov": 0.2, "univ": 0.15, "mitra": 0.15},
    "bimtek": {"lokal": 0.4, "prov": 0.3, "mitra": 0.3},
    "teknis": {"prov": 0.4, "lokal": 0.3, "univ": 0.15, "mitra": 0.15},
    "fungsional": {"prov": 0.5, "lan": 0.2, "mitra": 0.3},
    "manajerial": {"prov": 0.4, "lokal": 0.3, "univ": 0.3},
    "sosialisasi": {"lokal": 1.0},
    "mentoring": {"lokal": 1.0},
    "coaching": {"lokal": 1.0},
    "pjj": {"prov": 0.5, "lan": 0.5},
    "komunitas": {"lokal": 1.0},
    "latsar": {"prov": 0.8, "lan": 0.2},
    "pkp": {"prov": 1.0},
    "pka": {"prov": 1.0},
    "pkn": {"lan": 1.0},
    "coaching_kinerja": {"lokal": 1.0},
}


# ----------------------------------------------------------------------------------------
# City profiles
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    """Everything that makes one city's synthetic story (scale 1 numbers)."""

    kota: str
    provinsi: str
    kode: str  # prefix of kode_program
    pns: int
    pppk: int
    apbd_2024: int  # belanja daerah, Rupiah
    opds: tuple[str, ...]
    jp20: tuple[float, ...]  # share of PNS reaching 20 JP, per year
    type_weights: dict[str, float]  # activity mix (e-learning comes from `elearning`)
    elearning: tuple[float, ...]  # weight of e-learning in the mix, per year
    universities: tuple[str, ...]
    lms: tuple[str, ...]
    mitra: tuple[str, ...]
    extra_topics: tuple[str, ...]
    bkpsdm: str = "BKPSDM"
    coach_underperformers: float = 0.15  # share of "Butuh Perbaikan or worse" coached next year
    award_rate: float = 0.03  # share of Sangat Baik getting an award
    pagu_share: tuple[float, float] = (0.0013, 0.0016)  # of APBD, 2021 and 2025
    alt_funding: tuple[tuple[str, str, int, float], ...] = ()  # kegiatan, sumber, from year, share
    provider_overrides: dict[str, dict[str, float]] = field(default_factory=dict)
    elearning_rate: tuple[int, int] = (0, 0)
    aspirasi: int = 200  # submissions a year at scale 1
    forums: int = 2  # dialogue forums a year
    saluran: dict[str, float] = field(default_factory=dict)
    kinerja_asn_weight: float = 0.03  # aspirations about ASN performance

    def label(self, opd: str) -> str:
        """Return the OPD name as this city writes it."""
        if opd == "BKPSDM":
            return self.bkpsdm
        if opd == "RSUD":
            return f"RSUD Kota {self.kota}"
        return opd


BASE_MIX = {
    "seminar": 0.08,
    "workshop": 0.08,
    "bimtek": 0.12,
    "teknis": 0.12,
    "fungsional": 0.06,
    "manajerial": 0.04,
    "sosialisasi": 0.06,
    "mentoring": 0.02,
    "coaching": 0.02,
    "pjj": 0.03,
    "komunitas": 0.02,
}

CITIES: tuple[City, ...] = (
    City(
        kota="Pontianak",
        provinsi="Kalimantan Barat",
        kode="PTK",
        pns=4_300,
        pppk=1_500,
        apbd_2024=2_010_000_000_000,
        opds=tuple(n for n in OPDS if n not in ("Dinas Perdagangan", "Dinas Pariwisata", "Bapenda")),
        jp20=(0.45, 0.47, 0.50, 0.52, 0.55),
        type_weights={
            **BASE_MIX,
            "seminar": 0.14,
            "workshop": 0.12,
            "teknis": 0.10,
            "manajerial": 0.06,
            "mentoring": 0.18,
            "coaching": 0.03,
            "komunitas": 0.03,
        },
        elearning=(0.15, 0.17, 0.19, 0.21, 0.23),
        universities=("Universitas Tanjungpura", "Politeknik Negeri Pontianak"),
        lms=("LMS BPSDM Provinsi Kalimantan Barat", "Platform e-Learning LAN"),
        mitra=(
            "BPKP Perwakilan Provinsi Kalimantan Barat",
            "BPBD Provinsi Kalimantan Barat",
            "Kementerian Dalam Negeri",
        ),
        extra_topics=(
            "Tanggap Darurat Bencana",
            "Literasi Digital untuk Petugas Layanan Depan",
            "Motivasi dan Budaya Kerja ASN",
            "Manajemen Pemerintahan Daerah",
        ),
        award_rate=0.15,
        pagu_share=(0.0009, 0.0011),
        aspirasi=180,
        forums=3,
        saluran={
            "Forum Dialog Publik": 0.10,
            "SP4N-LAPOR!": 0.30,
            "Aplikasi": 0.15,
            "Media Sosial": 0.30,
            "Kotak Saran": 0.15,
        },
    ),
    City(
        kota="Makassar",
        provinsi="Sulawesi Selatan",
        kode="MKS",
        pns=13_500,
        pppk=6_500,
        apbd_2024=5_700_000_000_000,
        bkpsdm="BKPSDMD",
        opds=tuple(OPDS),
        jp20=(0.60, 0.64, 0.69, 0.74, 0.78),
        type_weights={**BASE_MIX, "manajerial": 0.08, "mentoring": 0.01},
        elearning=(0.25, 0.34, 0.45, 0.56, 0.68),
        universities=("Universitas Hasanuddin", "Universitas Negeri Makassar"),
        lms=("Aplikasi Mobile e-Learning Pemkot Makassar", "Platform e-Learning LAN"),
        mitra=("BPKP Perwakilan Provinsi Sulawesi Selatan", "Kementerian Dalam Negeri"),
        extra_topics=(
            "Inovasi Pelayanan Publik",
            "Manajemen Perubahan",
            "Pemanfaatan Aplikasi Pembelajaran Mobile",
            "Penilaian Kinerja yang Transparan",
        ),
        provider_overrides={
            "manajerial": {"univ": 0.75, "lokal": 0.25},
            "seminar": {"lokal": 0.5, "univ": 0.35, "prov": 0.15},
        },
        elearning_rate=(500, 1_500),
        pagu_share=(0.0013, 0.0016),
        alt_funding=(
            ("Kemitraan Pelatihan Manajemen Publik", "Kerja Sama Perguruan Tinggi", 2022, 0.12),
            ("Pengembangan E-Learning", "CSR/Hibah", 2023, 0.06),
        ),
        aspirasi=500,
        forums=12,
        saluran={
            "Forum Dialog Publik": 0.40,
            "SP4N-LAPOR!": 0.15,
            "Aplikasi": 0.20,
            "Media Sosial": 0.15,
            "Kotak Saran": 0.10,
        },
        kinerja_asn_weight=0.12,
    ),
    City(
        kota="Bukittinggi",
        provinsi="Sumatera Barat",
        kode="BKT",
        pns=2_284,
        pppk=508,
        apbd_2024=800_000_000_000,
        opds=tuple(
            n
            for n in OPDS
            if n
            not in (
                "Dinas Perumahan dan Kawasan Permukiman",
                "Dinas Koperasi dan UKM",
                "Dinas Perdagangan",
                "Bapenda",
                "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
            )
        ),
        jp20=(0.55, 0.60, 0.58, 0.62, 0.65),
        type_weights={
            **BASE_MIX,
            "seminar": 0.14,
            "bimtek": 0.16,
            "teknis": 0.16,
            "fungsional": 0.08,
            "mentoring": 0.03,
            "coaching": 0.04,
        },
        elearning=(0.12, 0.14, 0.16, 0.18, 0.20),
        universities=("Universitas Andalas", "UIN Sjech M. Djamil Djambek Bukittinggi"),
        lms=("LMS BPSDM Provinsi Sumatera Barat", "Platform e-Learning LAN"),
        mitra=("BPKP Perwakilan Provinsi Sumatera Barat", "Kementerian Dalam Negeri"),
        extra_topics=(
            "Pelayanan Publik yang Efisien",
            "Komunikasi dalam Pelayanan",
            "Monitoring dan Evaluasi Kinerja",
        ),
        coach_underperformers=0.85,
        award_rate=0.04,
        pagu_share=(0.0017, 0.0019),
        aspirasi=150,
        forums=4,
        saluran={
            "Forum Dialog Publik": 0.25,
            "SP4N-LAPOR!": 0.25,
            "Aplikasi": 0.10,
            "Media Sosial": 0.20,
            "Kotak Saran": 0.20,
        },
    ),
    City(
        kota="Jambi",
        provinsi="Jambi",
        kode="JMB",
        pns=4_200,
        pppk=5_900,
        apbd_2024=2_000_000_000_000,
        opds=tuple(n for n in OPDS if n in JAMBI_OPD_REACH),
        jp20=(0.42, 0.445, 0.47, 0.495, 0.52),
        type_weights={
            **BASE_MIX,
            "seminar": 0.06,
            "workshop": 0.10,
            "teknis": 0.20,
            "fungsional": 0.10,
            "mentoring": 0.02,
            "pjj": 0.05,
        },
        elearning=(0.12, 0.15, 0.18, 0.21, 0.24),
        universities=("Universitas Jambi", "UIN Sulthan Thaha Saifuddin Jambi"),
        lms=("LMS BPSDM Provinsi Jambi", "Platform e-Learning LAN"),
        mitra=(
            "Persatuan Insinyur Indonesia (PII) Wilayah Jambi",
            "Ikatan Akuntan Indonesia Wilayah Jambi",
            "BPKP Perwakilan Provinsi Jambi",
        ),
        extra_topics=(
            "Manajemen Proyek: Simulasi dan Studi Kasus",
            "Percepatan Layanan Administrasi Kependudukan",
            "Perencanaan Proyek Infrastruktur Berbasis Kompetensi",
        ),
        provider_overrides={
            "teknis": {"univ": 0.35, "mitra": 0.35, "prov": 0.2, "lokal": 0.1},
            "workshop": {"lokal": 0.3, "univ": 0.3, "mitra": 0.3, "prov": 0.1},
        },
        pagu_share=(0.0012, 0.0015),
        aspirasi=220,
        forums=2,
        saluran={
            "Forum Dialog Publik": 0.10,
            "SP4N-LAPOR!": 0.35,
            "Aplikasi": 0.15,
            "Media Sosial": 0.25,
            "Kotak Saran": 0.15,
        },
    ),
)


# ----------------------------------------------------------------------------------------
# Small helpers: random streams, dates, ranks
# ----------------------------------------------------------------------------------------


def _rng(seed: int, *keys: int) -> np.random.Generator:
    """Return an independent random stream for (seed, keys): same inputs, same numbers."""
    return np.random.default_rng([seed, *keys])


def _day(year: int, month: int = 1, day: int = 1) -> np.datetime64:
    """Return the date year-month-day as numpy datetime64[D]."""
    return np.datetime64(f"{year:04d}-{month:02d}-{day:02d}", "D")


def _d(dates: np.ndarray) -> np.ndarray:
    """Return dates as datetime64[D] (pandas may hand them back in seconds)."""
    return np.asarray(dates).astype("datetime64[D]")


def _years(dates: np.ndarray) -> np.ndarray:
    """Return the calendar year of each date (NaT gives a meaningless number)."""
    return _d(dates).astype("datetime64[Y]").astype(np.int64) + 1970


def _months(dates: np.ndarray) -> np.ndarray:
    """Return the month (1-12) of each date."""
    return _d(dates).astype("datetime64[M]").astype(np.int64) % 12 + 1


def _first_of_month(dates: np.ndarray) -> np.ndarray:
    """Return the first day of each date's month."""
    return _d(dates).astype("datetime64[M]").astype("datetime64[D]")


def _days_of_month(dates: np.ndarray) -> np.ndarray:
    """Return the day of the month (1-31) of each date."""
    return (_d(dates) - _first_of_month(dates)).astype(np.int64) + 1


def _iso(dates: np.ndarray) -> np.ndarray:
    """Return dates as yyyy-mm-dd strings, empty for NaT."""
    dates = _d(dates)
    text = np.datetime_as_string(dates, unit="D").astype(object)
    text[np.isnat(dates)] = ""
    return text


def _rank_within(keys: np.ndarray) -> np.ndarray:
    """Return for each element how many earlier elements share its key (0, 1, 2, ...)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    new_group = np.ones(len(keys), dtype=bool)
    new_group[1:] = sorted_keys[1:] != sorted_keys[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(keys)), 0))
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys)) - group_start
    return rank


def _choose(
    rng: np.random.Generator, options: tuple | list, weights: list[float] | np.ndarray | None, size: int
) -> np.ndarray:
    """Return `size` values drawn from `options` with the given (unnormalised) weights."""
    p = None if weights is None else np.asarray(weights, dtype=float) / np.sum(weights)
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=size, p=p)]


def _choose_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """Return one index per row of `probs` (rows of probabilities that sum to 1)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None] * cum[:, -1:]
    return np.minimum((cum <= u).sum(axis=1), probs.shape[1] - 1)


def _split(total: int, parts: int) -> list[int]:
    """Return `parts` integers that differ by at most one and add up to `total`."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


# ----------------------------------------------------------------------------------------
# NIP: birth date (8) + TMT year-month (6) + sex (1) + sequence (3) = 18 digits
# ----------------------------------------------------------------------------------------


class NipRegistry:
    """The highest sequence number issued so far for each 15-digit NIP prefix."""

    def __init__(self) -> None:
        self.prefixes = np.empty(0, dtype=np.int64)
        self.last_seq = np.empty(0, dtype=np.int64)

    def issued(self, prefixes: np.ndarray) -> np.ndarray:
        """Return the highest sequence already issued for each prefix (0 when none)."""
        if len(self.prefixes) == 0:
            return np.zeros(len(prefixes), dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.prefixes, prefixes), len(self.prefixes) - 1)
        return np.where(self.prefixes[pos] == prefixes, self.last_seq[pos], 0)

    def record(self, prefixes: np.ndarray, seqs: np.ndarray) -> None:
        """Remember the sequences just issued."""
        allp = np.concatenate([self.prefixes, prefixes])
        alls = np.concatenate([self.last_seq, seqs])
        order = np.lexsort((alls, allp))
        allp, alls = allp[order], alls[order]
        last = np.ones(len(allp), dtype=bool)
        last[:-1] = allp[1:] != allp[:-1]
        self.prefixes, self.last_seq = allp[last], alls[last]


def make_nips(
    birth: np.ndarray, tmt: np.ndarray, female: np.ndarray, registry: NipRegistry
) -> tuple[np.ndarray, np.ndarray]:
    """Return (18-digit NIPs as int64, birth dates) unique across all calls with `registry`.

    The sequence counts up per prefix; when it would pass 999 the birth date moves on by a
    day (a new prefix), so every NIP keeps exactly 18 digits.
    """
    birth = birth.copy()
    tmt_part = _years(tmt) * 100 + _months(tmt)
    sex = np.where(female, 2, 1)
    while True:
        ymd = _years(birth) * 10_000 + _months(birth) * 100 + _days_of_month(birth)
        prefix = (ymd * 1_000_000 + tmt_part) * 10 + sex
        seq = registry.issued(prefix) + _rank_within(prefix) + 1
        overflow = seq > 999
        if not overflow.any():
            break
        birth[overflow] += np.timedelta64(1, "D")
    registry.record(prefix, seq)
    return prefix * 1000 + seq, birth


# ----------------------------------------------------------------------------------------
# Pegawai
# ----------------------------------------------------------------------------------------

MALE_NAMES = (
    "Muhammad",
    "Ahmad",
    "Abdul",
    "Agus",
    "Budi",
    "Hendra",
    "Rahmat",
    "Syamsul",
    "Irwan",
    "Yusuf",
    "Arif",
    "Fajar",
    "Ilham",
    "Rizky",
    "Taufik",
    "Zulkifli",
    "Hamzah",
    "Dedi",
    "Eko",
    "Firman",
    "Gunawan",
    "Hadi",
    "Iskandar",
    "Joko",
    "Lukman",
    "Mansur",
    "Nasrullah",
    "Rudi",
    "Sofyan",
    "Syahrial",
    "Wahyu",
    "Yudi",
    "Afrizal",
    "Yusrizal",
    "Suryadi",
    "Yohanes",
    "Arman",
    "Rusdi",
)
FEMALE_NAMES = (
    "Siti",
    "Nur",
    "Sri",
    "Dewi",
    "Rina",
    "Fitri",
    "Ayu",
    "Nurhayati",
    "Yuliana",
    "Sari",
    "Wulan",
    "Indah",
    "Ratna",
    "Mariani",
    "Hasnah",
    "Kartini",
    "Fatimah",
    "Rosmawati",
    "Yanti",
    "Desi",
    "Evi",
    "Hartati",
    "Irma",
    "Juwita",
    "Lina",
    "Maya",
    "Novita",
    "Putri",
    "Rini",
    "Sulastri",
    "Yulia",
    "Deswita",
    "Utin",
    "Melati",
    "Anisa",
    "Nurul",
    "Wahyuni",
    "Zahra",
)
MALE_LAST = (
    "Saputra",
    "Hidayat",
    "Pratama",
    "Wijaya",
    "Rahman",
    "Syahputra",
    "Nugroho",
    "Setiawan",
    "Hakim",
    "Kurniawan",
    "Amir",
    "Basri",
    "Latif",
    "Halim",
    "Ramadhan",
    "Maulana",
    "Firdaus",
    "Putra",
    "Hasanuddin",
    "Gunawan",
    "Effendi",
    "Siregar",
    "Tanjung",
    "Sinaga",
    "Munandar",
)
FEMALE_LAST = (
    "Rahmawati",
    "Susanti",
    "Handayani",
    "Lestari",
    "Wulandari",
    "Permatasari",
    "Purnamasari",
    "Anggraini",
    "Fitriani",
    "Kurniasih",
    "Rahmadani",
    "Safitri",
    "Yuliani",
    "Maharani",
    "Nurjanah",
    "Oktaviani",
    "Puspita",
    "Ramadhani",
    "Syafitri",
    "Utami",
    "Andriani",
    "Marlina",
)
TITLES_S1 = {
    "pendidikan": ("S.Pd.",),
    "kesehatan": ("S.Kep.", "S.KM.", "S.Farm.", "S.Gz."),
    "teknis": ("S.T.",),
    "it": ("S.Kom.",),
    "manajemen": ("S.E.", "S.H.", "S.Sos.", "S.AP."),
}
TITLES_S1_OTHER = ("S.Sos.", "S.E.", "S.H.", "S.IP.")
TITLES_S2 = {"pendidikan": "M.Pd.", "kesehatan": "M.Kes.", "manajemen": "M.Si.", "teknis": "M.T."}

PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D3", "S1/D4", "S2", "S3")
PENDIDIKAN_START_GOLONGAN = {"SD": 0, "SMP": 2, "SMA/SMK": 4, "D3": 6, "S1/D4": 8, "S2": 9, "S3": 10}
KATEGORI = contract.VOCABULARIES["kategori_jabatan"]  # JPT, Administrator, Pengawas, Pelaksana, Fungsional
K_JPT, K_ADM, K_PENGAWAS, K_PELAKSANA, K_FUNGSIONAL = range(5)
GOLONGAN_RANGE = {  # (lowest, highest) index into contract.GOLONGAN per kategori
    K_JPT: (12, 15),
    K_ADM: (10, 13),
    K_PENGAWAS: (8, 11),
    K_PELAKSANA: (0, 10),
    K_FUNGSIONAL: (6, 13),
}
FEMALE_SHARE = {
    "pendidikan": 0.70,
    "kesehatan": 0.75,
    "manajemen": 0.50,
    "pelayanan": 0.55,
    "kewilayahan": 0.40,
    "teknis": 0.25,
    "it": 0.40,
    "ketertiban": 0.20,
    "ekonomi": 0.50,
}


def _kategori_probs(group: str, pns: bool) -> list[float]:
    """Return probabilities of (JPT, Administrator, Pengawas, Pelaksana, Fungsional).

    JPT are set separately (one head per OPD), so their probability here is zero.
    """
    if not pns:
        fungsional = 0.85 if group in ("pendidikan", "kesehatan") else 0.30
        return [0.0, 0.0, 0.0, 1 - fungsional, fungsional]
    table = {
        "pendidikan": (0.003, 0.012, 0.85),
        "kesehatan": (0.01, 0.03, 0.70),
        "kewilayahan": (0.06, 0.25, 0.03),
    }
    adm, pengawas, fungsional = table.get(group, (0.06, 0.15, 0.20))
    return [0.0, adm, pengawas, 1 - adm - pengawas - fungsional, fungsional]


def _pendidikan_probs(kategori: int, group: str) -> list[float]:
    """Return probabilities over PENDIDIKAN for a position category and OPD group."""
    if kategori == K_JPT:
        return [0, 0, 0, 0, 0.1, 0.75, 0.15]
    if kategori == K_ADM:
        return [0, 0, 0, 0, 0.35, 0.62, 0.03]
    if kategori == K_PENGAWAS:
        return [0, 0, 0, 0.05, 0.70, 0.25, 0]
    if kategori == K_PELAKSANA:
        return [0.02, 0.03, 0.50, 0.15, 0.30, 0, 0]
    if group == "pendidikan":
        return [0, 0, 0, 0.02, 0.88, 0.10, 0]
    if group == "kesehatan":
        return [0, 0, 0, 0.45, 0.45, 0.10, 0]
    return [0, 0, 0, 0.10, 0.70, 0.20, 0]


def _employee_pool(city: City, pns: bool, size: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return `size` candidate employees of one kind (PNS or PPPK), before selection."""
    opd_names = list(city.opds)
    weights = [OPDS[o].pns if pns else OPDS[o].pppk for o in opd_names]
    opd = _choose(rng, opd_names, weights, size)
    group = np.array([OPDS[o].group for o in opd], dtype=object)
    female = rng.random(size) < np.array([FEMALE_SHARE[g] for g in group])

    if pns:
        new = rng.random(size) < 0.14
        # Existing PNS: age on 1 Jan 2021, entered at 19-40 and before 2021.
        age = np.clip(rng.normal(43, 9, size), 22, 59.9)
        birth = _day(2021) - (age * 365.25).astype(np.int64).astype("timedelta64[D]")
        birth_year = _years(birth)
        entry = np.clip(22 + rng.gamma(2.0, 2.5, size), 19, 40).astype(np.int64)
        tmt_year = np.clip(birth_year + entry, birth_year + 19, 2020)
        tmt_month = rng.integers(1, 13, size)
        # New PNS (CPNS formations): TMT in January-July of 2021-2025.
        new_year = _choose(rng, YEARS, [0.10, 0.35, 0.10, 0.35, 0.10], size).astype(np.int64)
        new_month = rng.integers(1, 8, size)
        tmt_year = np.where(new, new_year, tmt_year)
        tmt_month = np.where(new, new_month, tmt_month)
    else:
        tmt_year = _choose(rng, (2020, *YEARS), [0.06, 0.16, 0.20, 0.18, 0.22, 0.18], size).astype(np.int64)
        tmt_month = rng.integers(1, 13, size)
        new = np.zeros(size, dtype=bool)
    tmt_months = (tmt_year - 1970).astype("datetime64[Y]").astype("datetime64[M]")
    tmt = (tmt_months + (tmt_month - 1).astype("timedelta64[M]")).astype("datetime64[D]")
    entry_age = np.where(
        pns, np.clip(22 + rng.gamma(2.0, 2.0, size), 20, 35), np.clip(24 + rng.gamma(2.2, 5.0, size), 20, 55)
    )
    days_before = (entry_age * 365.25).astype(np.int64) + rng.integers(0, 365, size)
    born_at_entry = tmt - days_before.astype("timedelta64[D]")
    birth = np.where(new, born_at_entry, birth) if pns else born_at_entry

    kategori = np.full(size, K_PELAKSANA)
    for g in np.unique(group):
        rows = np.flatnonzero(group == g)
        kategori[rows] = rng.choice(5, size=len(rows), p=_kategori_probs(g, pns))
    return pd.DataFrame(
        {
            "opd": opd,
            "group": group,
            "female": female,
            "birth": birth,
            "tmt": tmt,
            "kategori": kategori,
            "pns": pns,
        }
    )


def _add_exits(df: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Add `keluar`: retirement at 58 (60 for JPT and Fungsional) or another exit, 2021-2025.

    Rows already retired before 2021 are dropped.
    """
    n = len(df)
    bup = np.where(np.isin(df["kategori"], (K_JPT, K_FUNGSIONAL)), 60, 58)
    birth = _d(df["birth"])
    retire_month = _first_of_month(birth).astype("datetime64[M]") + (bup * 12 + 1).astype("timedelta64[M]")
    retire = retire_month.astype("datetime64[D]")
    keluar = np.where(retire <= _day(2025, 12, 31), retire, np.datetime64("NaT", "D"))
    # Other exits (resignation, transfer, death): about 0.6% a year for PNS, 1.5% for PPPK.
    other = rng.random(n) < np.where(df["pns"], 0.03, 0.07)
    tmt = _d(df["tmt"])
    start = np.maximum(tmt, _day(2021)) + np.timedelta64(30, "D")
    span = (_day(2025, 12, 31) - start).astype(np.int64)
    exit_day = _first_of_month(start + (rng.random(n) * np.maximum(span, 0)).astype("timedelta64[D]"))
    other &= (span > 0) & (exit_day > tmt)
    keluar = np.where(other & (np.isnat(keluar) | (exit_day < keluar)), exit_day, keluar)
    df = df.assign(keluar=keluar)
    keep = (np.isnat(keluar) | (keluar >= _day(2021))) & (np.isnat(keluar) | (keluar > tmt))
    return df[keep].reset_index(drop=True)


def _select(pool: pd.DataFrame, active_target: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return `active_target` employees still in service at end-2025 plus a matching share of leavers."""
    order = rng.permutation(len(pool))
    stays = np.isnat(_d(pool["keluar"]))[order]
    stayers, leavers = order[stays], order[~stays]
    n_leavers = round(active_target * len(leavers) / max(len(stayers), 1))
    chosen = np.concatenate([stayers[:active_target], leavers[:n_leavers]])
    return pool.iloc[np.sort(chosen)].reset_index(drop=True)


def _cover_all_opds(city: City, df: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return the employees with every OPD of the city staffed (matters at tiny scale).

    A missing OPD gets a PNS Pelaksana moved from Dinas Pendidikan, the largest employer.
    """
    present = set(df["opd"])
    missing = [o for o in city.opds if o not in present]
    pelaksana = df["pns"].to_numpy() & (df["kategori"] == K_PELAKSANA).to_numpy()
    movable = np.flatnonzero((df["opd"] == "Dinas Pendidikan").to_numpy() & pelaksana)
    moved = rng.permutation(movable)[: len(missing)]
    df = df.copy()
    df.loc[moved, "opd"] = missing[: len(moved)]
    df.loc[moved, "group"] = [OPDS[o].group for o in missing[: len(moved)]]
    return df


def _assign_heads(df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return kategori with one JPT head per OPD (seven in Sekretariat Daerah, none in Kecamatan)."""
    kategori = df["kategori"].to_numpy().copy()
    age_2025 = 2025 - _years(_d(df["birth"]))
    candidate = df["pns"].to_numpy() & np.isnat(_d(df["keluar"])) & (age_2025 >= 45)
    rows = np.flatnonzero(candidate)
    rows = rows[rng.permutation(len(rows))]
    opd = df["opd"].to_numpy()[rows]
    rank = _rank_within(opd)
    heads = np.where(opd == "Sekretariat Daerah", 7, np.where(opd == "Kecamatan", 0, 1))
    kategori[rows[rank < heads]] = K_JPT
    return kategori


def _pendidikan(kategori: np.ndarray, group: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Return the highest education of each employee."""
    out = np.empty(len(kategori), dtype=object)
    keys = (pd.Series(kategori).astype(str) + "|" + pd.Series(group)).to_numpy()
    for key in np.unique(keys):
        rows = np.flatnonzero(keys == key)
        k, g = key.split("|")
        out[rows] = _choose(rng, PENDIDIKAN, _pendidikan_probs(int(k), g), len(rows))
    return out


def _golongan(df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return golongan/ruang (empty for PPPK): start by education, one step per ~5 years."""
    tmt_year = _years(_d(df["tmt"]))
    keluar = _d(df["keluar"])
    until = np.where(np.isnat(keluar), 2025, _years(keluar))
    service = np.maximum(until - tmt_year, 0)
    start = np.array([PENDIDIKAN_START_GOLONGAN[p] for p in df["pendidikan"]])
    step = service // 5 - rng.integers(0, 2, len(df))
    lo = np.array([GOLONGAN_RANGE[k][0] for k in df["kategori"]])
    hi = np.array([GOLONGAN_RANGE[k][1] for k in df["kategori"]])
    idx = np.clip(start + np.maximum(step, 0), lo, hi)
    idx = np.minimum(idx, start + 6)  # education caps promotion
    gol = np.asarray(contract.GOLONGAN, dtype=object)[np.clip(idx, 0, len(contract.GOLONGAN) - 1)]
    return np.where(df["pns"].to_numpy(), gol, "")


def _names(city: City, df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return fake Indonesian names with academic titles matching education and OPD."""
    n = len(df)
    female = df["female"].to_numpy()
    first = np.where(female, _choose(rng, FEMALE_NAMES, None, n), _choose(rng, MALE_NAMES, None, n))
    last = np.where(female, _choose(rng, FEMALE_LAST, None, n), _choose(rng, MALE_LAST, None, n))
    name = first + " " + last
    if city.kota == "Makassar":  # Bugis-Makassar nobility title
        name = np.where(rng.random(n) < 0.10, "Andi " + name, name)
    group = df["group"].to_numpy()
    pend = df["pendidikan"].to_numpy()
    s1 = np.empty(n, dtype=object)
    for g in np.unique(group):
        rows = np.flatnonzero(group == g)
        s1[rows] = _choose(rng, TITLES_S1.get(g, TITLES_S1_OTHER), None, len(rows))
    s2 = np.array([TITLES_S2.get(g, "M.Si.") for g in group], dtype=object)
    d3 = np.where(group == "kesehatan", "A.Md.Kep.", "A.Md.")
    titles = np.select(
        [pend == "D3", pend == "S1/D4", np.isin(pend, ("S2", "S3"))], [d3, s1, s1 + ", " + s2], default=""
    )
    # Medical doctors write "dr." before the name instead of a bachelor title.
    doctor = (group == "kesehatan") & np.isin(pend, ("S1/D4", "S2")) & (rng.random(n) < 0.15)
    titles = np.where(doctor, np.where(pend == "S2", s2, ""), titles)
    prefix = np.select([doctor, pend == "S3"], ["dr. ", "Dr. "], default="")
    return (prefix + name + np.where(titles != "", ", " + titles, "")).astype(object)


def make_pegawai(
    city: City,
    n_pns: int,
    n_pppk: int,
    rng: np.random.Generator,
    registry: NipRegistry,
) -> pd.DataFrame:
    """Return one chunk of employees (in service at end-2025: n_pns + n_pppk, plus leavers).

    Columns: nip (int64), nama, opd (city label), opd_kind (key of OPDS), group, female, birth,
    tmt, keluar (NaT when still in service), kategori (index into KATEGORI), pns, pendidikan,
    golongan, ability (latent performance).
    """
    parts = []
    for pns, target in ((True, n_pns), (False, n_pppk)):
        pool = _employee_pool(city, pns, int(target * 1.5) + 20, rng)
        pool = _add_exits(pool, rng)
        parts.append(_select(pool, target, rng))
    df = _cover_all_opds(city, pd.concat(parts, ignore_index=True), rng)
    df["kategori"] = _assign_heads(df, rng)
    df["pendidikan"] = _pendidikan(df["kategori"].to_numpy(), df["group"].to_numpy(), rng)
    df["golongan"] = _golongan(df, rng)
    df["nama"] = _names(city, df, rng)
    df["ability"] = rng.normal(0.0, 1.0, len(df))
    nip, birth = make_nips(_d(df["birth"]), _d(df["tmt"]), df["female"].to_numpy(), registry)
    df["nip"] = nip
    df["birth"] = birth
    df["opd_kind"] = df["opd"]
    df["opd"] = [city.label(o) for o in df["opd"]]
    return df.sort_values("nip", kind="stable").reset_index(drop=True)


def pegawai_rows(city: City, df: pd.DataFrame) -> pd.DataFrame:
    """Return pegawai.csv rows (contract columns) for a chunk of employees."""
    return pd.DataFrame(
        {
            "nip": df["nip"].to_numpy(),
            "nama": df["nama"].to_numpy(),
            "kota": city.kota,
            "opd": df["opd"].to_numpy(),
            "jenis_asn": np.where(df["pns"], "PNS", "PPPK"),
            "kategori_jabatan": np.asarray(KATEGORI, dtype=object)[df["kategori"].to_numpy()],
            "golongan": df["golongan"].to_numpy(),
            "jenis_kelamin": np.where(df["female"], "P", "L"),
            "tahun_lahir": _years(_d(df["birth"])),
            "pendidikan": df["pendidikan"].to_numpy(),
            "tmt_masuk": _iso(_d(df["tmt"])),
            "tanggal_keluar": _iso(_d(df["keluar"])),
        }
    )


# ----------------------------------------------------------------------------------------
# One year of development activities for a chunk of employees
# ----------------------------------------------------------------------------------------


@dataclass
class YearState:
    """What one year leaves for the next: ratings and who was trained or mentored."""

    rating: np.ndarray  # predikat index per employee, -1 when not rated
    trained: np.ndarray  # reached 20 JP (lulus) this year
    mentored: np.ndarray  # completed a mentoring program this year


@dataclass
class Training:
    """Programs and participants of one chunk-year."""

    programs: pd.DataFrame  # one row per program, with kode_program
    peserta: pd.DataFrame  # emp (row in chunk), prog, status, nilai_pre, nilai_post
    lulus_jp: np.ndarray  # JP with status lulus per employee of the chunk
    coached: np.ndarray  # completed performance coaching per employee
    mentored: np.ndarray  # completed mentoring per employee


def _reach_probability(city: City, opd_kind: np.ndarray, year: int) -> np.ndarray:
    """Return for each employee the chance (as PNS) of reaching 20 JP in `year`."""
    y = YEARS.index(year)
    if city.kota == "Jambi":
        base = np.array([JAMBI_OPD_REACH[o] for o in opd_kind]) + 0.025 * y
        # Scale so the city mean follows the profile (the OPD table already averages ~0.40).
        return np.clip(base * city.jp20[y] / (0.40 + 0.025 * y), 0.05, 0.95)
    offset = np.array([GROUP_REACH_OFFSET[OPDS[o].group] for o in opd_kind])
    return np.clip(city.jp20[y] + offset, 0.05, 0.95)


def _type_mix(city: City, year: int, junior: bool) -> np.ndarray:
    """Return probabilities over the regular activity types for juniors or the others."""
    weights = np.zeros(REGULAR_TYPES)
    for key, w in city.type_weights.items():
        weights[T[key]] = w
    weights[T["elearning"]] = city.elearning[YEARS.index(year)]
    # Mentoring pairs a senior with a junior: only juniors are mentees.
    weights[T["mentoring"]] *= 3.0 if junior else 0.0
    return weights / weights.sum()


def _keep(
    jp: np.ndarray,
    void: np.ndarray,
    reach: np.ndarray,
    wanted: np.ndarray,
    forced: np.ndarray,
) -> np.ndarray:
    """Return which slots are taken: up to 20 JP for reachers, fewer for the others.

    Reachers take slots until their JP reach 20; the others take at most `wanted` slots and
    stay below 20 JP. Forced slots (Latsar, leadership, coaching) are always taken.
    """
    jp0 = np.where(void, 0, jp)
    after = np.cumsum(jp0, axis=1)
    before = after - jp0
    slot = np.arange(jp.shape[1])[None, :]
    keep = np.where(reach[:, None], before < JP_MINIMUM, (slot < wanted[:, None]) & (after < JP_MINIMUM))
    return (keep | forced) & ~void


def _providers(city: City, key: str) -> tuple[list[str], list[float]]:
    """Return provider names and weights for an activity type in a city."""
    names_by_kind = {
        "lokal": (f"{city.bkpsdm} Kota {city.kota}",),
        "prov": (f"BPSDM Provinsi {city.provinsi}",),
        "lan": ("Lembaga Administrasi Negara (LAN)",),
        "univ": city.universities,
        "lms": city.lms,
        "mitra": city.mitra,
    }
    names, weights = [], []
    for kind, w in city.provider_overrides.get(key, PROVIDER_WEIGHTS[key]).items():
        for name in names_by_kind[kind]:
            names.append(name)
            weights.append(w / len(names_by_kind[kind]))
    return names, weights


def _make_programs(city: City, year: int, n_prog: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Return the programs of each pool (type x audience): jp, dates, topic, provider, cost rate."""
    pool = np.repeat(np.arange(len(n_prog)), n_prog)
    typ = pool // len(AUDIENCES)
    aud = pool % len(AUDIENCES)
    n = len(pool)
    jp = T_JP_LO[typ] + (rng.random(n) * (T_JP_HI[typ] - T_JP_LO[typ] + 1)).astype(np.int64)
    long = np.isin(typ, LONG_TYPES)
    latsar = typ == T["latsar"]
    # Start day of year: Latsar in August-September (after the January-July TMT of new
    # PNS), long programs February-July, the rest February-November.
    first = np.where(latsar, 212, 32)
    last = np.where(latsar, 273, np.where(long, 212, 334))
    start = _day(year) + (first + rng.random(n) * (last - first)).astype("timedelta64[D]")
    lo = np.array([TYPES[t].days[0] for t in typ])
    hi = np.array([TYPES[t].days[1] for t in typ])
    days = lo + (rng.random(n) * (hi - lo + 1)).astype(np.int64)
    end = np.minimum(start + (days - 1).astype("timedelta64[D]"), _day(year, 12, 31))

    topic = np.empty(n, dtype=object)
    provider = np.empty(n, dtype=object)
    rate = np.zeros(n, dtype=np.int64)
    for p in np.unique(pool):
        rows = np.flatnonzero(pool == p)
        t = TYPES[p // len(AUDIENCES)]
        a = AUDIENCES[p % len(AUDIENCES)]
        topics = TYPE_TOPICS.get(t.key) or (TOPICS[a] + (city.extra_topics if a == "umum" else ()))
        topic[rows] = _choose(rng, topics, None, len(rows))
        names, weights = _providers(city, t.key)
        provider[rows] = _choose(rng, names, weights, len(rows))
        rate_lo, rate_hi = city.elearning_rate if t.key == "elearning" else t.rate
        if city.kota == "Pontianak":  # tight budget: the cheaper end of each tariff
            rate_hi = rate_lo + (rate_hi - rate_lo) * 6 // 10
        rate[rows] = (rng.integers(rate_lo, rate_hi + 1, len(rows)) // 500) * 500
    has_test = rng.random(n) < np.array([TYPES[t].test_share for t in typ])
    if city.kota == "Makassar":  # online exams in the mobile app
        has_test |= (typ == T["elearning"]) & (rng.random(n) < 0.5)
    return pd.DataFrame(
        {
            "pool": pool,
            "typ": typ,
            "aud": aud,
            "jp": jp,
            "start": start,
            "end": end,
            "topik": topic,
            "penyelenggara": provider,
            "rate": rate,
            "has_test": has_test,
        }
    )


def _program_names(programs: pd.DataFrame) -> np.ndarray:
    """Return nama_program: type label and topic, with "Angkatan n" when repeated."""
    label = np.array([TYPES[t].label for t in programs["typ"]], dtype=object)
    topic = programs["topik"].to_numpy()
    special = np.isin(programs["typ"].to_numpy(), ASSIGNED_TYPES)
    mentoring = programs["typ"].to_numpy() == T["mentoring"]
    base = np.where(special, label, np.where(mentoring, label + ": " + topic, label + " " + topic))
    names = pd.Series(base)
    count = names.map(names.value_counts())
    number = names.groupby(names).cumcount() + 1
    return np.where(count > 1, base + " Angkatan " + number.astype(str).to_numpy().astype(object), base)


def simulate_training(
    city: City,
    year: int,
    emp: pd.DataFrame,
    active: np.ndarray,
    state: YearState,
    force_mentoring: int,
    rng: np.random.Generator,
) -> Training:
    """Return the programs and participants of one chunk-year.

    Every active employee gets SLOTS candidate activities; whether they reach 20 JP is
    drawn from the city's (and OPD's) access level, and the slots taken follow from that.
    Programs are sized from the demand, then each slot is assigned to a batch.
    """
    rows = np.flatnonzero(active)
    m = len(rows)
    tmt = _d(emp["tmt"])[rows]
    keluar = _d(emp["keluar"])[rows]
    birth_year = _years(_d(emp["birth"])[rows])
    pns = emp["pns"].to_numpy()[rows]
    kategori = emp["kategori"].to_numpy()[rows]
    opd_kind = emp["opd_kind"].to_numpy()[rows]
    group = np.array([AUD[g] for g in emp["group"].to_numpy()[rows]])
    junior = ((year - birth_year) < 35) | ((year - _years(tmt)) < 5)
    full_year = (tmt <= _day(year)) & (np.isnat(keluar) | (keluar > _day(year, 12, 31)))

    # Who reaches 20 JP, and how many activities the others take.
    p_reach = _reach_probability(city, opd_kind, year) * np.where(pns, 1.0, 0.55)
    reach = rng.random(m) < p_reach
    wanted = rng.choice(4, size=m, p=[0.35, 0.35, 0.2, 0.1])

    # Candidate slots: activity type and audience.
    probs = np.where(junior[:, None], _type_mix(city, year, True), _type_mix(city, year, False))
    typ = np.stack([_choose_rows(rng, probs) for _ in range(SLOTS)], axis=1)
    # Batches for one OPD group need enough people: small chunks mostly share general batches.
    own_group = 0.6 * min(1.0, m / 2000)
    aud = np.where(T_PER_AUD[typ] & (rng.random((m, SLOTS)) < own_group), group[:, None], 0)

    # Assigned activities come first: Latsar / leadership, coaching of under-performers, mentoring.
    forced = np.zeros((m, SLOTS), dtype=bool)
    position = np.zeros(m, dtype=np.int64)
    u = rng.random(m)
    leadership = np.full(m, -1)
    leadership[pns & (_years(tmt) == year)] = T["latsar"]
    leadership[pns & (kategori == K_PENGAWAS) & (u < 0.06)] = T["pkp"]
    leadership[pns & (kategori == K_ADM) & (u < 0.07)] = T["pka"]
    leadership[pns & (kategori == K_JPT) & (u < 0.08)] = T["pkn"]
    prev = state.rating[rows]
    coaching = (prev >= 2) & (rng.random(m) < city.coach_underperformers)
    mentoring = np.zeros(m, dtype=bool)
    if force_mentoring:
        candidates = np.flatnonzero(junior & full_year)
        mentoring[rng.permutation(candidates)[:force_mentoring]] = True
    assigned = (
        (leadership >= 0, leadership),
        (coaching, T["coaching_kinerja"]),
        (mentoring, T["mentoring"]),
    )
    for mask, kinds in assigned:
        idx = np.flatnonzero(mask)
        kind = kinds[idx] if isinstance(kinds, np.ndarray) else kinds
        typ[idx, position[idx]] = kind
        aud[idx, position[idx]] = 0
        forced[idx, position[idx]] = True
        position[idx] += 1
    reach |= leadership >= 0

    # Size the programs of each pool from a first pass with provisional JP: enough batches
    # for the demand, and at least as many as one person takes in that pool.
    pool = typ * len(AUDIENCES) + aud
    n_pools = len(TYPES) * len(AUDIENCES)
    owner = np.repeat(np.arange(m), SLOTS)
    rank = _rank_within(owner.astype(np.int64) * n_pools + pool.ravel()).reshape(m, SLOTS)
    jp_guess = T_JP_LO[typ] + (rng.random((m, SLOTS)) * (T_JP_HI[typ] - T_JP_LO[typ] + 1)).astype(np.int64)
    taken = _keep(jp_guess, np.zeros((m, SLOTS), dtype=bool), reach, wanted, forced)
    demand = np.bincount(pool[taken], minlength=n_pools)
    per_person = np.zeros(n_pools, dtype=np.int64)
    np.maximum.at(per_person, pool[taken], rank[taken] + 1)
    pool_type = np.arange(n_pools) // len(AUDIENCES)
    batches = np.maximum(per_person, np.round(demand / T_BATCH[pool_type])).astype(np.int64)
    n_prog = np.where(demand > 0, batches, 0)
    programs = _make_programs(city, year, n_prog, rng)
    first_prog = np.concatenate([[0], np.cumsum(n_prog)[:-1]])

    # Assign slots to batches: an employee's slots in one pool go to different batches.
    flat_pool = pool.ravel()
    flat_rank = rank.ravel()
    offset = rng.integers(0, 1 << 30, m)[owner]
    size = n_prog[flat_pool]
    void = (size == 0) | (flat_rank >= size)
    prog = np.where(void, 0, first_prog[flat_pool] + (offset + flat_rank) % np.maximum(size, 1))
    start = _d(programs["start"])[prog]
    end = _d(programs["end"])[prog]
    t_owner = tmt[owner]
    k_owner = keluar[owner]
    void |= (t_owner > start) | (~np.isnat(k_owner) & (k_owner <= end))
    void = void.reshape(m, SLOTS)
    prog = prog.reshape(m, SLOTS)
    jp = np.where(void, 0, programs["jp"].to_numpy()[prog])
    kept = _keep(jp, void, reach, wanted, forced)

    # Statuses: reachers pass what they took and sometimes skip or fail one more activity.
    status = np.zeros((m, SLOTS), dtype=np.int64)  # 0 lulus, 1 tidak_lulus, 2 tidak_hadir
    other = ~reach[:, None] & kept & ~forced
    draw = rng.choice(3, size=(m, SLOTS), p=[0.84, 0.05, 0.11])
    status = np.where(other, draw, status)
    spare = ~kept & ~void
    first_spare = np.argmax(spare, axis=1)
    extra = reach & spare.any(axis=1) & (rng.random(m) < 0.25)
    extra_idx = np.flatnonzero(extra)
    kept[extra_idx, first_spare[extra_idx]] = True
    status[extra_idx, first_spare[extra_idx]] = np.where(rng.random(len(extra_idx)) < 0.6, 2, 1)

    emp_i, slot_i = np.nonzero(kept)
    peserta = pd.DataFrame(
        {
            "emp": rows[emp_i],
            "prog": prog[emp_i, slot_i],
            "status": status[emp_i, slot_i],
            "jp": jp[emp_i, slot_i],
            "typ": typ[emp_i, slot_i],
        }
    )
    return _finish_training(city, year, emp, programs, peserta, rng)


def _finish_training(
    city: City,
    year: int,
    emp: pd.DataFrame,
    programs: pd.DataFrame,
    peserta: pd.DataFrame,
    rng: np.random.Generator,
) -> Training:
    """Return Training: drop empty programs, number them, add cost, names and test scores."""
    n_emp = len(emp)
    registered = np.bincount(peserta["prog"], minlength=len(programs))
    used = np.flatnonzero(registered > 0)
    programs = programs.iloc[used].copy()
    programs["registered"] = registered[used]
    # Number programs by start date: kode_program is assigned by the caller (per city-year).
    order = np.lexsort((programs["pool"].to_numpy(), _d(programs["start"])))
    programs = programs.iloc[order].reset_index()
    new_id = np.full(len(registered), -1)
    new_id[programs["index"].to_numpy()] = np.arange(len(programs))
    peserta = peserta.assign(prog=new_id[peserta["prog"].to_numpy()])
    programs["nama_program"] = _program_names(programs)
    programs["biaya"] = (programs["rate"] * programs["jp"] * programs["registered"] // 1000) * 1000

    # Pre/post test for some classroom batches; post is ~12 points higher on average.
    tested = programs["has_test"].to_numpy()[peserta["prog"].to_numpy()] & (peserta["status"].to_numpy() != 2)
    n = len(peserta)
    pre = np.clip(rng.normal(60, 11, n), 20, 95)
    post = np.clip(pre + rng.normal(12.5, 6, n), 0, 100)
    failed = peserta["status"].to_numpy() == 1
    post = np.where(failed, np.minimum(post, rng.uniform(40, 60, n)), np.maximum(post, 61))
    peserta["nilai_pre"] = pd.array(np.where(tested, np.round(pre), np.nan), dtype="Int64")
    peserta["nilai_post"] = pd.array(np.where(tested, np.round(post), np.nan), dtype="Int64")

    lulus = peserta["status"].to_numpy() == 0
    e = peserta["emp"].to_numpy()
    lulus_jp = np.bincount(e[lulus], weights=peserta["jp"].to_numpy()[lulus], minlength=n_emp)
    typ = peserta["typ"].to_numpy()
    coached = np.bincount(e[lulus & (typ == T["coaching_kinerja"])], minlength=n_emp) > 0
    mentored = np.bincount(e[lulus & (typ == T["mentoring"])], minlength=n_emp) > 0
    return Training(programs, peserta, lulus_jp, coached, mentored)


# ----------------------------------------------------------------------------------------
# Performance appraisal and awards
# ----------------------------------------------------------------------------------------

# Latent score thresholds: ~15% Sangat Baik, ~78% Baik, ~5% Butuh Perbaikan, ~1.5% Kurang,
# ~0.6% Sangat Kurang for a standard normal score.
PREDIKAT_CUTS = np.array([1.036, -1.47, -2.03, -2.51])
CELL_WEIGHTS = {  # which (hasil kerja, perilaku kerja) cell gives a predikat
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi"): 0.80,
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi"): 0.12,
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi"): 0.08,
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): 0.85,
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi"): 0.15,
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"): 0.80,
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi"): 0.20,
}


def rate_year(
    emp: pd.DataFrame, active: np.ndarray, state: YearState, training: Training, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Return (predikat index per employee, -1 when inactive; latent score).

    The score mixes a persistent ability with yearly noise; having reached 20 JP or been
    mentored last year helps a little, performance coaching this year helps a lot.
    """
    n = len(emp)
    score = 0.8 * emp["ability"].to_numpy() + 0.6 * rng.normal(0, 1, n)
    score += 0.15 * (state.trained.astype(float) - 0.5) + 0.2 * state.mentored + 1.0 * training.coached
    predikat = np.select([score > cut for cut in PREDIKAT_CUTS], [0, 1, 2, 3], default=4)
    return np.where(active, predikat, -1), score


def penilaian_rows(
    emp: pd.DataFrame,
    year: int,
    predikat: np.ndarray,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return penilaian_kinerja rows: predikat, plus the matrix cell from 2022 (PermenPANRB 6/2022)."""
    rows = np.flatnonzero(predikat >= 0)
    pred = predikat[rows]
    hasil = np.full(len(rows), "", dtype=object)
    perilaku = np.full(len(rows), "", dtype=object)
    if year >= 2022:
        for p, name in enumerate(contract.PREDIKAT):
            cells = [cell for cell, value in contract.PREDIKAT_MATRIX.items() if value == name]
            idx = np.flatnonzero(pred == p)
            weights = _normalised([CELL_WEIGHTS.get(c, 1.0) for c in cells])
            pick = rng.choice(len(cells), size=len(idx), p=weights)
            hasil[idx] = np.array([c[0] for c in cells], dtype=object)[pick]
            perilaku[idx] = np.array([c[1] for c in cells], dtype=object)[pick]
    return pd.DataFrame(
        {
            "nip": emp["nip"].to_numpy()[rows],
            "tahun": year,
            "predikat": np.asarray(contract.PREDIKAT, dtype=object)[pred],
            "hasil_kerja": hasil,
            "perilaku_kerja": perilaku,
        }
    )


def _normalised(weights: list[float]) -> np.ndarray:
    """Return weights divided by their sum."""
    w = np.asarray(weights, dtype=float)
    return w / w.sum()


def penghargaan_rows(
    city: City,
    emp: pd.DataFrame,
    year: int,
    predikat: np.ndarray,
    score: np.ndarray,
    at_least_one: bool,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return awards of one year: a share of the Sangat Baik staff (at least one when asked)."""
    award = (predikat == 0) & (rng.random(len(emp)) < city.award_rate)
    if at_least_one and not award.any() and (predikat >= 0).any():
        award[np.argmax(np.where(predikat >= 0, score, -np.inf))] = True
    rows = np.flatnonzero(award)
    group = emp["group"].to_numpy()[rows]
    kategori = _choose(
        rng, ("ASN Berprestasi", "Pegawai Teladan", "Inovasi Pelayanan Publik"), [0.5, 0.3, 0.2], len(rows)
    )
    own = rng.random(len(rows)) < 0.6  # teachers and health workers often get their own award
    kategori = np.where(own & (group == "pendidikan"), "Guru Berprestasi", kategori)
    kategori = np.where(own & (group == "kesehatan"), "Tenaga Kesehatan Teladan", kategori)
    return pd.DataFrame({"nip": emp["nip"].to_numpy()[rows], "tahun": year, "kategori": kategori})


# ----------------------------------------------------------------------------------------
# Rows derived from a year's training: program, peserta, feedback, mentoring pairs
# ----------------------------------------------------------------------------------------

STATUS = np.array(contract.VOCABULARIES["status"], dtype=object)  # lulus, tidak_lulus, tidak_hadir
KOMENTAR = {
    "baik": (
        "Materi sangat bermanfaat untuk pekerjaan",
        "Narasumber menguasai materi",
        "Pelatihan seperti ini perlu dilanjutkan",
        "Praktiknya mudah diterapkan di kantor",
    ),
    "sedang": (
        "Waktu pelatihan terlalu singkat",
        "Perlu lebih banyak praktik dan studi kasus",
        "Materi cukup baik, contoh kurang sesuai tugas kami",
    ),
    "kurang": (
        "Ruangan kurang nyaman",
        "Materi kurang relevan dengan tugas",
        "Jadwal bertabrakan dengan pekerjaan",
    ),
}


def program_rows(city: City, programs: pd.DataFrame) -> pd.DataFrame:
    """Return program.csv rows for numbered programs."""
    typ = programs["typ"].to_numpy()
    return pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy(),
            "kota": city.kota,
            "nama_program": programs["nama_program"].to_numpy(),
            "jalur": np.array([TYPES[t].jalur for t in typ], dtype=object),
            "jenis": np.array([TYPES[t].jenis for t in typ], dtype=object),
            "topik": programs["topik"].to_numpy(),
            "penyelenggara": programs["penyelenggara"].to_numpy(),
            "tanggal_mulai": _iso(_d(programs["start"])),
            "tanggal_selesai": _iso(_d(programs["end"])),
            "jp": programs["jp"].to_numpy(),
            "biaya": programs["biaya"].to_numpy(),
        }
    )


def peserta_rows(emp: pd.DataFrame, programs: pd.DataFrame, peserta: pd.DataFrame) -> pd.DataFrame:
    """Return peserta.csv rows sorted by (kode_program, nip)."""
    df = pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy()[peserta["prog"].to_numpy()],
            "nip": emp["nip"].to_numpy()[peserta["emp"].to_numpy()],
            "status": STATUS[peserta["status"].to_numpy()],
            "nilai_pre": peserta["nilai_pre"].array,
            "nilai_post": peserta["nilai_post"].array,
        }
    )
    return df.sort_values(["kode_program", "nip"], kind="stable")


def umpan_balik_rows(
    programs: pd.DataFrame, peserta: pd.DataFrame, at_least_one: bool, rng: np.random.Generator
) -> pd.DataFrame:
    """Return reaction survey answers: a share of each program's attendees, dated at its end."""
    attended = np.bincount(peserta["prog"][peserta["status"] != 2], minlength=len(programs))
    answers = rng.binomial(attended, rng.uniform(0.3, 0.8, len(programs)))
    if at_least_one and answers.sum() == 0 and attended.sum() > 0:
        answers[np.argmax(attended)] = 1
    prog = np.repeat(np.arange(len(programs)), answers)
    n = len(prog)
    quality = rng.normal(4.0, 0.25, len(programs))[prog] + rng.normal(0, 0.45, n)
    scores = {
        name: np.clip(np.round(quality[:] + rng.normal(0, 0.4, n)), 1, 5).astype(np.int64)
        for name in ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
    }
    mean = sum(scores.values()) / 4
    mood = np.where(mean >= 4, "baik", np.where(mean >= 3, "sedang", "kurang"))
    komentar = np.full(n, "", dtype=object)
    with_comment = rng.random(n) < 0.25
    for key, texts in KOMENTAR.items():
        idx = np.flatnonzero(with_comment & (mood == key))
        komentar[idx] = _choose(rng, texts, None, len(idx))
    return pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy()[prog],
            "tanggal": _iso(_d(programs["end"])[prog]),
            **scores,
            "komentar": komentar,
        }
    )


def mentoring_rows(
    emp: pd.DataFrame,
    year: int,
    active: np.ndarray,
    programs: pd.DataFrame,
    peserta: pd.DataFrame,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return mentor-mentee pairs: each mentoring participant gets a senior PNS of the same OPD."""
    mentee = peserta[(peserta["typ"] == T["mentoring"]) & (peserta["status"] != 2)]
    birth_year = _years(_d(emp["birth"]))
    tmt_year = _years(_d(emp["tmt"]))
    senior = (
        active
        & emp["pns"].to_numpy()
        & (year - birth_year >= 40)
        & (year - tmt_year >= 10)
        & np.isin(emp["kategori"].to_numpy(), (K_ADM, K_PENGAWAS, K_FUNGSIONAL))
    )
    mentors = np.flatnonzero(senior)
    if len(mentee) == 0 or len(mentors) == 0:
        return pd.DataFrame(columns=list(_columns("mentoring")))
    opd = emp["opd"].to_numpy()
    mentors = mentors[np.argsort(opd[mentors], kind="stable")]
    mentor_opd = opd[mentors]
    who = mentee["emp"].to_numpy()
    lo = np.searchsorted(mentor_opd, opd[who], side="left")
    hi = np.searchsorted(mentor_opd, opd[who], side="right")
    u = rng.random(len(who))
    same_opd = lo + (u * (hi - lo)).astype(np.int64)
    anyone = (u * len(mentors)).astype(np.int64)
    mentor = mentors[np.where(hi > lo, same_opd, anyone)]
    prog = mentee["prog"].to_numpy()
    start = _d(programs["start"])[prog]
    end = _d(programs["end"])[prog]
    ongoing = start >= _day(2025, 9, 1)  # pairs started late in 2025 are still running
    jp = programs["jp"].to_numpy()[prog]
    sesi = np.clip(np.round(jp / 2 + rng.normal(0, 1.5, len(who))), 4, 12).astype(np.int64)
    df = pd.DataFrame(
        {
            "nip_mentor": emp["nip"].to_numpy()[mentor],
            "nip_mentee": emp["nip"].to_numpy()[who],
            "tanggal_mulai": _iso(start),
            "tanggal_selesai": np.where(ongoing, "", _iso(end)),
            "jumlah_sesi": sesi,
        }
    )
    df = df.sort_values(["nip_mentor", "nip_mentee", "tanggal_mulai"], kind="stable")
    return df.drop_duplicates(["nip_mentor", "nip_mentee", "tanggal_mulai"])


# ----------------------------------------------------------------------------------------
# City-level datasets: APBD, anggaran, survei kepuasan, aspirasi
# ----------------------------------------------------------------------------------------

KEGIATAN = (
    ("Pelatihan Dasar CPNS", 0.15),
    ("Pendidikan dan Pelatihan Kepemimpinan", 0.20),
    ("Pengembangan Kompetensi Teknis dan Fungsional", 0.30),
    ("Seminar, Workshop dan Bimbingan Teknis", 0.20),
    ("Pengembangan E-Learning", 0.08),
    ("Mentoring dan Coaching ASN", 0.07),
)


def apbd_rows(city: City, rng: np.random.Generator) -> pd.DataFrame:
    """Return belanja daerah per year: the 2024 figure with ~4% yearly growth around it."""
    growth = 1.04 + rng.normal(0, 0.01, len(YEARS))
    factor = np.ones(len(YEARS))
    i24 = YEARS.index(2024)
    for i in range(i24 + 1, len(YEARS)):
        factor[i] = factor[i - 1] * growth[i]
    for i in range(i24 - 1, -1, -1):
        factor[i] = factor[i + 1] / growth[i]
    belanja = (np.round(city.apbd_2024 * factor / 1_000_000) * 1_000_000).astype(np.int64)
    return pd.DataFrame({"kota": city.kota, "tahun": list(YEARS), "belanja_daerah": belanja})


def anggaran_rows(city: City, apbd: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return pagu and realisasi per kegiatan and sumber dana (pagu ~0.1-0.2% of APBD)."""
    rows = []
    for i, year in enumerate(YEARS):
        share = city.pagu_share[0] + (city.pagu_share[1] - city.pagu_share[0]) * i / (len(YEARS) - 1)
        total = int(apbd["belanja_daerah"].iloc[i]) * share
        names = [k for k, _ in KEGIATAN]
        weights = np.array([w for _, w in KEGIATAN]) * rng.uniform(0.8, 1.2, len(KEGIATAN))
        if city.kota == "Pontianak":
            weights[names.index("Mentoring dan Coaching ASN")] *= 2.0
        if city.kota == "Makassar":
            weights[names.index("Pengembangan E-Learning")] *= 1.5 + 0.25 * i
        for name, w in zip(names, weights / weights.sum(), strict=True):
            rows.append((year, name, "APBD", total * w))
        for name, sumber, since, alt_share in city.alt_funding:
            if year >= since:
                rows.append((year, name, sumber, total * alt_share * (1 + 0.15 * (year - since))))
    df = pd.DataFrame(rows, columns=["tahun", "kegiatan", "sumber_dana", "amount"])
    pagu = (np.round(df["amount"].to_numpy() / 1000) * 1000).astype(np.int64)
    realisasi = np.round(pagu * rng.uniform(0.75, 0.97, len(df))).astype(np.int64)
    return pd.DataFrame(
        {
            "kota": city.kota,
            "tahun": df["tahun"],
            "kegiatan": df["kegiatan"],
            "sumber_dana": df["sumber_dana"],
            "pagu": pagu,
            "realisasi": realisasi,
        }
    )


SURVEI_OPDS = (  # service units and respondents a year at scale 1
    ("Dinas Kependudukan dan Pencatatan Sipil", 250),
    ("Dinas Kesehatan", 150),
    ("RSUD", 200),
    ("Kecamatan", 180),
    ("DPMPTSP", 120),
    ("Dinas Perhubungan", 80),
    ("Dinas Sosial", 60),
)
UNSUR_OFFSET = np.array([0.05, 0.0, -0.15, 0.35, 0.05, 0.0, 0.05, -0.2, -0.05])  # U1..U9
UNSUR_OFFSET = UNSUR_OFFSET - UNSUR_OFFSET.mean()


def survei_rows(city: City, year: int, scale: float, rng: np.random.Generator) -> pd.DataFrame:
    """Return IKM respondents per service OPD: answers 1-4, a few blanks, mostly band B."""
    size = {"Makassar": 1.5, "Bukittinggi": 0.6}.get(city.kota, 1.0)
    parts = []
    for opd, base in SURVEI_OPDS:
        if opd not in city.opds:
            continue
        n = max(10, round(base * size * scale))
        if city.kota == "Jambi" and opd == "Dinas Kependudukan dan Pencatatan Sipil":
            target = 2.95 + 0.13 * YEARS.index(year)  # faster population administration
        else:
            # Mostly band B (IKM 76.61-88.30), now and then a C year.
            target = rng.uniform(3.15, 3.45) if rng.random() > 0.06 else rng.uniform(2.85, 3.0)
        latent = target + UNSUR_OFFSET[None, :] + rng.normal(0, 0.3, (n, 1)) + rng.normal(0, 0.45, (n, 9))
        answers = np.clip(np.round(latent), 1, 4)
        blank = rng.random((n, 9)) < 0.03
        blank[blank.all(axis=1), 0] = False  # never a fully blank questionnaire
        answers = np.where(blank, np.nan, answers)
        wave = np.where(rng.random(n) < 0.5, 59, 243)  # two survey waves: March-May, September-November
        tanggal = _day(year) + (wave + rng.integers(0, 90, n)).astype("timedelta64[D]")
        df = pd.DataFrame({"kota": city.kota, "opd": city.label(opd), "tanggal": _iso(np.sort(tanggal))})
        for j in range(9):
            df[f"u{j + 1}"] = pd.array(answers[:, j], dtype="Int64")
        parts.append(df)
    return pd.concat(parts, ignore_index=True)


ASPIRASI_KATEGORI = {  # kategori: (weight, OPD concerned, subject of the summary)
    "Pelayanan Administrasi": (
        0.22,
        ("Dinas Kependudukan dan Pencatatan Sipil", "Kecamatan", "DPMPTSP"),
        "Pengurusan KTP-el, KK dan perizinan",
    ),
    "Kecepatan Layanan": (
        0.16,
        ("Dinas Kependudukan dan Pencatatan Sipil", "DPMPTSP", "RSUD"),
        "Waktu tunggu layanan",
    ),
    "Sikap Petugas": (
        0.12,
        ("Kecamatan", "Dinas Kesehatan", "RSUD", "Dinas Perhubungan"),
        "Keramahan dan sikap petugas",
    ),
    "Infrastruktur": (0.16, ("Dinas PUPR",), "Jalan, drainase dan penerangan"),
    "Kesehatan": (0.10, ("Dinas Kesehatan", "RSUD"), "Layanan puskesmas dan rumah sakit"),
    "Pendidikan": (0.08, ("Dinas Pendidikan",), "Layanan sekolah dan penerimaan siswa"),
    "Kebersihan dan Lingkungan": (0.08, ("Dinas Lingkungan Hidup",), "Pengangkutan sampah"),
    "Transportasi": (0.05, ("Dinas Perhubungan",), "Angkutan umum dan parkir"),
    "Kinerja ASN": (0.03, ("BKPSDM", "Inspektorat"), "Disiplin dan kinerja ASN"),
}
SENTIMEN_TEXT = {
    "negatif": ("masih lambat dan berbelit", "perlu segera diperbaiki", "sering dikeluhkan warga"),
    "netral": (
        "perlu informasi yang lebih jelas",
        "diusulkan agar jam layanan diperpanjang",
        "perlu sosialisasi kepada warga",
    ),
    "positif": ("sudah cepat dan ramah", "sudah membaik dibanding tahun lalu", "patut dipertahankan"),
}


def aspirasi_rows(city: City, year: int, scale: float, rng: np.random.Generator) -> pd.DataFrame:
    """Return citizen submissions of one year: channel, topic, sentiment, OPD and a summary."""
    n = max(6, round(city.aspirasi * (1 + 0.1 * YEARS.index(year)) * scale))
    saluran = _choose(rng, list(city.saluran), list(city.saluran.values()), n)
    names = list(ASPIRASI_KATEGORI)
    weights = [ASPIRASI_KATEGORI[k][0] for k in names]
    weights[names.index("Kinerja ASN")] = city.kinerja_asn_weight
    kategori = _choose(rng, names, weights, n)
    forum = saluran == "Forum Dialog Publik"
    sentimen = np.where(
        forum | (kategori == "Kinerja ASN"),
        _choose(rng, ("positif", "netral", "negatif"), [0.25, 0.45, 0.30], n),
        _choose(rng, ("positif", "netral", "negatif"), [0.15, 0.30, 0.55], n),
    )
    forum_days = np.sort(_day(year) + (rng.integers(15, 350, city.forums)).astype("timedelta64[D]"))
    tanggal = np.where(
        forum,
        forum_days[rng.integers(0, city.forums, n)],
        _day(year) + rng.integers(0, 365, n).astype("timedelta64[D]"),
    )
    opd = np.full(n, "", dtype=object)
    subject = np.empty(n, dtype=object)
    for k in names:
        idx = np.flatnonzero(kategori == k)
        targets = [city.label(o) for o in ASPIRASI_KATEGORI[k][1] if o in city.opds]
        if targets:
            opd[idx] = _choose(rng, targets, None, len(idx))
        subject[idx] = ASPIRASI_KATEGORI[k][2]
    opd[rng.random(n) < 0.15] = ""  # not every submission names an OPD
    ringkasan = np.empty(n, dtype=object)
    for s, texts in SENTIMEN_TEXT.items():
        idx = np.flatnonzero(sentimen == s)
        ringkasan[idx] = subject[idx] + " " + _choose(rng, texts, None, len(idx))
    df = pd.DataFrame(
        {
            "kota": city.kota,
            "tanggal": _iso(tanggal),
            "saluran": saluran,
            "kategori": kategori,
            "sentimen": sentimen,
            "opd": opd,
            "ringkasan": ringkasan,
        }
    )
    return df.sort_values("tanggal", kind="stable")


# ----------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------


def _columns(dataset: str) -> tuple[str, ...]:
    """Return the contract column names of a dataset, in contract order."""
    return tuple(c.name for c in contract.DATASETS[dataset].columns)


class SampleWriter:
    """Open CSV files (one per dataset, header written) that chunks of rows are appended to."""

    def __init__(self, out: Path) -> None:
        self._stack = contextlib.ExitStack()
        self.files: dict[str, IO[str]] = {}
        self.rows: dict[str, int] = {}
        for name in contract.DATASETS:
            path = out / f"{name}.csv"
            handle = self._stack.enter_context(path.open("w", encoding="utf-8", newline=""))
            handle.write(",".join(_columns(name)) + "\n")
            self.files[name] = handle
            self.rows[f"{name}.csv"] = 0

    def __enter__(self) -> SampleWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def write(self, dataset: str, df: pd.DataFrame) -> None:
        """Append rows (columns in contract order; integers never written as floats)."""
        df = df.loc[:, list(_columns(dataset))]
        floats = [c for c in df.columns if pd.api.types.is_float_dtype(df[c])]
        if floats:
            raise TypeError(f"{dataset}: float columns {floats} would be written as decimals")
        df.to_csv(self.files[dataset], header=False, index=False, lineterminator="\n")
        self.rows[f"{dataset}.csv"] += len(df)


def _marker_text(seed: int, scale: float) -> str:
    """Return the notice written to contract.SYNTHETIC_MARKER."""
    return (
        "DATA SINTETIS - BUKAN DATA NYATA\n"
        "Seluruh data di folder ini dibuat secara acak oleh etl/sample.py untuk demonstrasi.\n"
        "Nama, NIP, nilai dan angka lain tidak menggambarkan orang atau instansi yang sebenarnya.\n"
        "\n"
        "SYNTHETIC DATA - NOT REAL\n"
        "Every file in this folder was generated at random by etl/sample.py for demonstration.\n"
        "Names, NIPs, scores and other figures do not describe real people or institutions.\n"
        "\n"
        f"seed: {seed}\n"
        f"scale: {scale}\n"
    )


def _simulate_chunk(
    city: City,
    ci: int,
    chunk: int,
    n_pns: int,
    n_pppk: int,
    seed: int,
    registry: NipRegistry,
    counters: dict[int, int],
    writer: SampleWriter,
) -> None:
    """Generate one chunk of employees of a city and write all its person-level rows."""
    emp = make_pegawai(city, n_pns, n_pppk, _rng(seed, ci, chunk, 1), registry)
    writer.write("pegawai", pegawai_rows(city, emp))

    n = len(emp)
    state = YearState(np.full(n, -1), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    tmt = _d(emp["tmt"])
    keluar = _d(emp["keluar"])
    for y, year in enumerate(YEARS):
        rng = _rng(seed, ci, chunk, 2, y)
        active = (tmt <= _day(year, 12, 31)) & (np.isnat(keluar) | (keluar >= _day(year)))
        first = chunk == 0  # the first chunk guarantees non-empty files at tiny scale
        training = simulate_training(city, year, emp, active, state, 2 if first else 0, rng)
        programs = training.programs
        seq = counters.get(year, 0) + np.arange(1, len(programs) + 1)
        counters[year] = int(seq[-1]) if len(seq) else counters.get(year, 0)
        programs["kode_program"] = [f"{city.kode}-{year}-{s:04d}" for s in seq]
        writer.write("program", program_rows(city, programs))
        writer.write("peserta", peserta_rows(emp, programs, training.peserta))
        writer.write("umpan_balik_pelatihan", umpan_balik_rows(programs, training.peserta, first, rng))
        writer.write("mentoring", mentoring_rows(emp, year, active, programs, training.peserta, rng))

        predikat, score = rate_year(emp, active, state, training, rng)
        writer.write("penilaian_kinerja", penilaian_rows(emp, year, predikat, rng))
        writer.write("penghargaan", penghargaan_rows(city, emp, year, predikat, score, first, rng))
        state = YearState(predikat, training.lulus_jp >= JP_MINIMUM, training.mentored)


def write_sample(out: Path, seed: int = 42, scale: float = 1.0) -> dict[str, int]:
    """Write a complete synthetic source folder; return rows written per file name.

    `out` gets one CSV per dataset of etl.contract.DATASETS (`pegawai.csv`, `peserta.csv`,
    ...) and the marker file contract.SYNTHETIC_MARKER. `scale` multiplies the headcounts
    (and with them programs, participants and survey sizes); the same seed and scale give
    byte-identical files. The dict maps each CSV file name to its number of data rows.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / contract.SYNTHETIC_MARKER).write_text(_marker_text(seed, scale), encoding="utf-8")
    registry = NipRegistry()
    with SampleWriter(out) as writer:
        kota = pd.DataFrame({"kota": [c.kota for c in CITIES], "provinsi": [c.provinsi for c in CITIES]})
        writer.write("kota", kota)
        for ci, city in enumerate(CITIES):
            rng = _rng(seed, ci, 0, 3)
            apbd = apbd_rows(city, rng)
            writer.write("apbd", apbd)
            writer.write("anggaran", anggaran_rows(city, apbd, rng))
            for y, year in enumerate(YEARS):
                rng = _rng(seed, ci, 0, 4, y)
                writer.write("survei_kepuasan", survei_rows(city, year, scale, rng))
                writer.write("aspirasi", aspirasi_rows(city, year, scale, rng))
            n_pns = max(20, round(city.pns * scale))
            n_pppk = max(5, round(city.pppk * scale))
            chunks = math.ceil((n_pns + n_pppk) / CHUNK_SIZE)
            counters: dict[int, int] = {}
            sizes = zip(_split(n_pns, chunks), _split(n_pppk, chunks), strict=True)
            for chunk, (c_pns, c_pppk) in enumerate(sizes):
                _simulate_chunk(city, ci, chunk, c_pns, c_pppk, seed, registry, counters, writer)
    return dict(writer.rows)
