"""Synthetic demo data: development activity types."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
    # Latsar (Perlan 12/2018) is none of Perlan 10/2018's types: as "manajerial" its 319 JP were a warning each.
    ActivityType("latsar", "klasikal", "pelatihan klasikal lainnya", "Pelatihan Dasar CPNS",
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
