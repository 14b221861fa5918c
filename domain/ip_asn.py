"""The Indeks Profesionalitas ASN (IP ASN) as data: its dimensions, point tables and bands, written once.

Legal basis: PermenPANRB 38/2018 (measure IP ASN) and Peraturan BKN 8/2019 (how: per person, the sum over
four dimensions of the points of each answer; an instansi's figure is the mean). Sources and how sure each
figure is: ../shared/reference/ip-asn-sakip.md (section 1). Labels used below:
  [OFFICIAL] quoted from the regulation's text (via BKN's press release or a pemda);
  [CODE] Kemendagri's internal IP ASN survey app (2020-2022, CodeIgniter, public on GitHub; its model
         `Mdashboard::save_survey` and survey form), the fullest implementation of Perban 8/2019 found; its
         values match every fragment of the official text seen;
  [INFERENCE] our reading, no source states it.
SQL reads these tables as macros made when a warehouse is built (etl.warehouse.domain_macros); the mart is
etl/sql/marts/ip_asn_pegawai_tahun.sql, defined in docs/metrics.md#ip-asn. A government that follows another
version of the tables changes them here, not in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import domain

# The four dimensions and their maximum points (= weights in percent; the maximum score is 100). [OFFICIAL for the
# sum and kualifikasi 25 and kompetensi 40; all four as BKPP Sumba Barat and BKPSDM Kudus print them]
DIMENSI: dict[str, float] = {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5}

# Kualifikasi: points by the highest education level, in the levels of the Kemendagri survey form (S3, S2, S1/D4,
# D3, D2/D1/SMA/SMK, SMP/SD). S-3 25 and S-2 20 [OFFICIAL]; the other rows [CODE].
KUALIFIKASI: dict[str, float] = {
    "S-3": 25,
    "S-2": 20,
    "S-1/D-IV": 15,
    "D-III": 10,
    "D-I/D-II/SMA": 5,
    "di bawah SMA": 1,
}
# How `pegawai.pendidikan` (free text) names each level: as the demo writes it (SD, SMP, SMA/SMK, D3, S1/D4, S2,
# S3), as the template's example (S1), and as SIASN's tingkat pendidikan list names them
# (../shared/reference/siasn/siasn_ref_tingkat_pendidikan.csv: "S-1/Sarjana", "Diploma III/Sarjana Muda", "SLTA
# Kejuruan", ...). Keys are spelled as `pendidikan_key` writes them (lower case, letters and digits only).
# A value not listed scores 0 (an unknown education earns no points, as a record missing in SIASN earns none).
PENDIDIKAN_LEVEL: dict[str, str] = {
    **dict.fromkeys(("s3", "s3doktor", "doktor", "doktoral"), "S-3"),
    **dict.fromkeys(("s2", "s2magister", "magister", "master"), "S-2"),
    **dict.fromkeys(("s1", "s1d4", "s1div", "d4", "div", "s1sarjana", "sarjana", "diplomaiv"), "S-1/D-IV"),
    **dict.fromkeys(("d3", "diii", "diplomaiii", "diplomaiiisarjanamuda", "sarjanamuda"), "D-III"),
    **dict.fromkeys(
        (
            *("d1", "di", "d2", "dii", "diplomai", "diplomaii", "d1d2", "d2d1", "d2d1smasmk"),
            *("sma", "smk", "smu", "ma", "smasmk", "slta", "sltakejuruan", "sltakeguruan", "smasederajat"),
        ),
        "D-I/D-II/SMA",
    ),
    **dict.fromkeys(
        ("sd", "mi", "smp", "mts", "sltp", "sltpkejuruan", "sekolahdasar", "smpsd", "smpsederajat", "sdsederajat"),
        "di bawah SMA",
    ),
}
PENDIDIKAN_KEY_DROP = "[^0-9a-z]"  # what `pendidikan_key` drops from the lower-cased text (a regex class)


def pendidikan_key(pendidikan: str | None) -> str:
    """Return how an education level is looked up in PENDIDIKAN_LEVEL: lower case, letters and digits only
    ("S-1/Sarjana" -> "s1sarjana", "D III" -> "diii"); '' for None. SQL spells it the same way (the macro
    ipasn_pendidikan_key)."""
    return re.sub(PENDIDIKAN_KEY_DROP, "", (pendidikan or "").lower())


def kualifikasi_points(pendidikan: str | None) -> float:
    """Return the kualifikasi points of an education level as written; 0 for one not known."""
    level = PENDIDIKAN_LEVEL.get(pendidikan_key(pendidikan))
    return KUALIFIKASI[level] if level else 0


# Kompetensi: what a post earns depends on its kind. The three kinds of Perban 8/2019, from the contract's
# kategori_jabatan (UU 5/2014 art. 131: JPT, administrator and pengawas are the former structural posts).
KELOMPOK_JABATAN: dict[str, str] = {
    "JPT": "struktural",
    "Administrator": "struktural",
    "Pengawas": "struktural",
    "Fungsional": "fungsional",
    "Pelaksana": "pelaksana",
}


@dataclass(frozen=True)
class Butir:
    """One kompetensi item (butir): the contract's activity types (program.jenis) that count for it, how many
    years back an activity counts (`tahun`: 1 = the year itself, None = ever, up to the year), and the JP the
    activities of the window must add up to (0: any one activity)."""

    jenis: tuple[str, ...]
    tahun: int | None
    jp_minimum: int = 0


# Which kind of activity counts for which item, declared once. The types are the contract's program.jenis
# (Peraturan LAN 10/2018, etl/contract.py JALUR_JENIS); SIASN's training types reach them through the contract's
# aliases (etl/siasn_codes.py JENIS_DIKLAT: 1 Diklat Struktural -> pelatihan struktural kepemimpinan, 2 Diklat
# Fungsional -> pelatihan fungsional, 3 Diklat Teknis -> pelatihan teknis, 8 Bimbingan Teknis, 4 Workshop,
# 9 Seminar, 10 Magang, 11 Kursus), so one table serves both.
# - kepemimpinan: Diklat Kepemimpinan (PIM/PKN/PKA/PKP), ever; the form asks whether the person has the PIM of
#   their post's eselon [CODE]. The contract does not record a training's level, so any leadership training
#   passed counts [INFERENCE].
# - fungsional: "pernah Diklat Jabatan Fungsional", ever [CODE].
# - teknis: "Diklat teknis >= 20 JP" [OFFICIAL via BKPSDM Kudus]; in the year, "akumulasi JP minimal 20 JP" [CODE]:
#   the JP of the year's technical trainings added up. Bimbingan teknis is technical training [INFERENCE].
# - seminar: "dalam 2 tahun terakhir ... Seminar/Workshop/Magang/Kursus/sejenisnya" [CODE]: the year and the one
#   before; the same types for every post kind [INFERENCE: the form offers struktural "Seminar" only].
BUTIR: dict[str, Butir] = {
    "kepemimpinan": Butir(("pelatihan struktural kepemimpinan",), tahun=None),
    "fungsional": Butir(("pelatihan fungsional",), tahun=None),
    "teknis": Butir(("pelatihan teknis", "bimbingan teknis"), tahun=1, jp_minimum=20),
    "seminar": Butir(("seminar/konferensi", "workshop/lokakarya", "kursus", "magang"), tahun=2),
}

# Points of each item by post kind (the 2022 version of the Kemendagri app, 40 at most for every kind) [CODE]. The
# 2021 version gives seminar 15 to struktural and 17,5 to the others, which lets a struktural post exceed 40: a bug.
KOMPETENSI: dict[str, dict[str, float]] = {
    "struktural": {"kepemimpinan": 15, "teknis": 15, "seminar": 10},
    "fungsional": {"fungsional": 15, "teknis": 15, "seminar": 10},
    "pelaksana": {"teknis": 22.5, "seminar": 17.5},
}


def butir_of(jenis: str) -> str | None:
    """Return the kompetensi item an activity type (the contract's program.jenis) counts for, or None."""
    return next((name for name, butir in BUTIR.items() if jenis in butir.jenis), None)


def kompetensi_points(kategori_jabatan: str, butir: set[str] | frozenset[str]) -> float:
    """Return the kompetensi points of a post (the contract's kategori_jabatan) whose holder met the items `butir`:
    the sum of the points its kind gives them (an item another kind earns, e.g. functional training for a
    struktural post, gives none)."""
    table = KOMPETENSI[KELOMPOK_JABATAN[kategori_jabatan]]
    return sum(table.get(name, 0) for name in butir)


# Kinerja: points by prestasi kerja on the PP 46/2011 scale [CODE; the table's maximum 30 OFFICIAL].
KINERJA_PP46: dict[str, float] = {"Sangat Baik": 30, "Baik": 25, "Cukup": 15, "Kurang": 5, "Buruk": 1}
# The PermenPANRB 6/2022 predikat (domain.PREDIKAT) on that scale: NO official mapping was found (BKN's letters
# and the revised method were not seen); this is the 1:1 ordinal mapping, best to worst [INFERENCE, unverified].
PREDIKAT_PP46: dict[str, str] = dict(zip(domain.PREDIKAT, KINERJA_PP46, strict=True))
KINERJA: dict[str, float] = {predikat: KINERJA_PP46[level] for predikat, level in PREDIKAT_PP46.items()}


def kinerja_points(predikat: str | None) -> float:
    """Return the kinerja points of a year's predikat (PermenPANRB 6/2022); 0 without one (not rated)."""
    return KINERJA.get(predikat or "", 0)


# Disiplin: points by the heaviest disciplinary sanction (hukuman disiplin, PP 94/2021 levels) [CODE; max 5
# OFFICIAL]. The sanctions come from the optional dataset hukuman_disiplin (SIASN keeps them as riwayat hukuman
# disiplin): one row per sanction with its level, its start (tmt) and, when known, its end (tanggal_selesai).
TANPA_HUKUMAN = "tidak pernah"
DISIPLIN: dict[str, float] = {TANPA_HUKUMAN: 5, "ringan": 3, "sedang": 2, "berat": 1}
TINGKAT_HUKUMAN: tuple[str, ...] = tuple(t for t in DISIPLIN if t != TANPA_HUKUMAN)  # lightest first
# Which sanctions count in a year: those in force in it, the heaviest of them giving the points. The Kemendagri form
# asks "pernah dijatuhi hukuman disiplin" (ever) [CODE]; BKN's 2023 draft revision takes the length of a sanction
# (masa hukuman) into account [PEMDA, text not seen]; this product follows the second reading, as issue 27 asks:
# a sanction counts in every year from its tmt's to its tanggal_selesai's. Without an end date it counts in its tmt's
# year only (HUKUMAN_TAHUN_TANPA_AKHIR years): ringan sanctions (teguran, pernyataan tidak puas) have no duration,
# and the sedang and berat ones of PP 94/2021 art. 8-9 last 6 to 12 months [INFERENCE].
HUKUMAN_TAHUN_TANPA_AKHIR = 1


def disiplin_points(tingkat: str | None) -> float:
    """Return the disiplin points of the heaviest sanction level (ringan, sedang, berat); 5 for None (none)."""
    return DISIPLIN[(tingkat or TANPA_HUKUMAN).lower()]


def hukuman_berlaku(tahun: int, tahun_tmt: int, tahun_selesai: int | None) -> bool:
    """Return whether a sanction that starts in `tahun_tmt` and ends in `tahun_selesai` (None: no end date) is in
    force in `tahun`, by the rule above (SQL: etl/sql/marts/ip_asn_pegawai_tahun.sql, macro ipasn_hukuman_akhir)."""
    akhir = tahun_selesai if tahun_selesai is not None else tahun_tmt + HUKUMAN_TAHUN_TANPA_AKHIR - 1
    return tahun_tmt <= tahun <= akhir


# CPNS: the Kemendagri app scores a CPNS 0 on every dimension, i.e. leaves them out of the measurement [CODE]. A
# PNS is a CPNS in their first year (masa percobaan of one year, PP 11/2017 art. 34); the contract records no CPNS
# status, so a PNS whose tmt_masuk falls in the year is taken as a CPNS that year [INFERENCE] and left out of the
# means of an OPD and a kota (ip_asn_opd_tahun, ip_asn_kota_tahun); their own row keeps its points, flagged `cpns`.
def is_cpns(jenis_asn: str, tahun_tmt: int, tahun: int) -> bool:
    """Return whether an ASN counts as a CPNS in `tahun` (left out of the means): a PNS whose tmt_masuk is in it."""
    return jenis_asn == "PNS" and tahun_tmt == tahun


# Not applied, and why: BKPSDM Kudus counts the functional training as done for dokter, guru, apoteker, perawat,
# bidan, asesor and psikolog, and for a JF that requires an S-2 [PEMDA]; the contract records the post's kind
# (kategori_jabatan), not the jabatan's name, so they cannot be told apart and earn the item only by a functional
# training passed.

# The five categories of an IP ASN figure (Perban 8/2019) [OFFICIAL via kontan and BKN's Deputi SINKA], each with
# its printed lower bound, best first. A figure between two printed ranges (90,5) is in the lower one.
KATEGORI: tuple[tuple[str, float], ...] = (
    ("Sangat Tinggi", 91),
    ("Tinggi", 81),
    ("Sedang", 71),
    ("Rendah", 61),
    ("Sangat Rendah", 0),
)


def kategori(nilai: float) -> str:
    """Return the IP ASN category (KATEGORI) of a figure: the first whose lower bound it reaches."""
    return next(name for name, lower in KATEGORI if nilai >= lower)


# PNS and PPPK are measured and reported apart since 2023; governments combine the two figures differently
# (ip-asn-sakip.md 1.4). Both ways are named here; which one a figure used is to be recorded with it.
def gabungan_tertimbang(nilai_pns: float, jumlah_pns: int, nilai_pppk: float, jumlah_pppk: int) -> float:
    """Return the ASN figure as the mean weighted by headcount, as Kota Bima combines it (2023: PNS 78,41 of 3.252
    and PPPK 75,18 of 171 give 78,25) [PEMDA]."""
    return (nilai_pns * jumlah_pns + nilai_pppk * jumlah_pppk) / (jumlah_pns + jumlah_pppk)


# How a published figure names what it measures (the optional dataset ip_asn_bkn: BKN's figure as a government
# received it), and the two ways of combining PNS and PPPK into the ASN figure, by name.
JENIS_IP_ASN: tuple[str, ...] = ("PNS", "PPPK", "ASN")
TERTIMBANG, RERATA = "tertimbang", "rerata"
CARA_GABUNG: tuple[str, ...] = (TERTIMBANG, RERATA)


def gabungan_rerata(nilai_pns: float, nilai_pppk: float) -> float:
    """Return the ASN figure as the plain mean of the PNS and PPPK figures, as Prov. Sumatera Barat combines it
    (2025: 84,42 and 82,80 give 83,61) [SECONDARY, quoting the Kepala BKD]."""
    return (nilai_pns + nilai_pppk) / 2
