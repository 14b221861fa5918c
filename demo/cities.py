"""Synthetic demo data: city profiles."""

from __future__ import annotations

from dataclasses import dataclass, field

from demo.organisation import JAMBI_OPD_REACH, OPDS


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
    hukuman_rate: float = 1.0  # how often staff are sanctioned, relative to demo.discipline's rates
    seminar_reach: float = 0.4  # share of staff sent to a short seminar or workshop each year
    core_technical: float = 0.5  # share of those reaching 20 JP whose core training is a technical one
    pagu_share: tuple[float, float] = (0.0013, 0.0016)  # of APBD, 2021 and 2025
    alt_funding: tuple[tuple[str, str, int, float], ...] = ()  # kegiatan, sumber, from year, share
    provider_overrides: dict[str, dict[str, float]] = field(default_factory=dict)
    elearning_rate: tuple[int, int] = (0, 0)
    aspirasi: int = 200  # submissions a year at scale 1
    forums: int = 2  # dialogue forums a year
    saluran: dict[str, float] = field(default_factory=dict)
    kinerja_asn_weight: float = 0.03  # aspirations about ASN performance
    survei_size: float = 1.0  # IKM respondents relative to the base sample of each service unit
    # PPPK appointed in 2025 as (month of TMT, number at scale 1); they are part of `pppk`. Empty:
    # the PPPK of the city entered over the years like everywhere else.
    pppk_2025: tuple[tuple[int, int], ...] = ()

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
        hukuman_rate=1.5,  # uneven motivation
        seminar_reach=0.55,  # seminars and workshops with outside speakers
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
        # PPPK appointed in 2025 (Pemkot Makassar, reported by local press): 1,746 of formasi 2024
        # with their SK on 23 June 2025, and 6,936 (329 formasi 2024 tahap II, 6,607 PPPK paruh
        # waktu formasi 2025) by SK of 30 September 2025: about 8,700. Before 2025 about 3,000.
        # Sources: https://pluz.id/2025/06/23/1-746-pppk-resmi-jadi-pegawai-pemkot-makassar/ and
        # https://talinews.com/?p=1744 (14 November 2025).
        pppk=11_700,
        pppk_2025=((6, 1_746), (10, 6_936)),
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
        survei_size=1.5,
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
        hukuman_rate=0.5,  # under-performers are coached before it comes to a sanction
        seminar_reach=0.55,  # seminars on efficient public service and communication
        survei_size=0.6,
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
        seminar_reach=0.3,  # unequal access to training across agencies
        core_technical=0.7,  # competency-based technical training
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
