"""The input contract: which datasets a source folder holds, their columns and rules.

Everything that reads, validates, generates or documents source files takes its facts from
here, so a rule is written once. Names are the Indonesian column names users fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import domain
from domain import ip_asn, sakip
from etl import siasn_codes as siasn

# Column kinds. Each kind has one parser and one message in etl/validate.py.
TEXT = "text"  # any non-empty text
INT = "int"  # whole number (years, counts, JP)
MONEY = "money"  # whole Rupiah, >= 0
SCORE = "score"  # decimal number (test scores)
DATE = "date"  # yyyy-mm-dd
NIP = "nip"  # 18-digit civil-servant number: personal data, pseudonymised on load
VOCAB = "vocab"  # one of a fixed list, matched case-insensitively
PERSONAL = "personal"  # read but never stored (nama)

# How a key column's values are matched (duplicate keys, and the references that point at it); each
# rule has one SQL form in etl/validate.py (MATCH_RULES). Without a rule a value matches as parsed.
CITY_NAME = "city_name"  # case, surrounding space and a leading "Kota " ignored: 'Kota Pontianak ' = 'pontianak'


def normalise_header(name: object) -> str:
    """Return a header cell as a column name: "Kode Program", "KODE_PROGRAM", " nip " -> kode_program, nip.

    Lower case; a unit in brackets ("Pagu (Rp)") is dropped; every run of other characters becomes '_'.
    """
    text = str(name if name is not None else "").replace("\ufeff", "").strip().lower()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


@dataclass(frozen=True)
class Column:
    """One source column: its kind, whether it must be filled, its allowed range, for a key that other
    rows match how its values are compared (`match`: CITY_NAME, or None for as parsed), and other
    headers that name it (`aliases`, as normalise_header writes them: an IKM unsur's name)."""

    name: str
    kind: str = TEXT
    required: bool = True
    vocab: str | None = None
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    match: str | None = None
    aliases: tuple[str, ...] = ()  # other headers (normalised) that name this column


def range_rule(column: Column) -> str | None:
    """Return a column's allowed range as an Indonesian phrase ('harus antara 1 dan 5', 'tidak boleh
    negatif'), or None when it has none: the reject message and the template's help both say it."""
    low = None if column.min is None else f"lebih dari {column.min:g}" if column.min_exclusive else f"{column.min:g}"
    if low is not None and column.max is not None:
        return f"harus antara {low} dan {column.max:g}"
    if column.max is not None:
        return f"maksimal {column.max:g}"
    if column.min_exclusive:
        return f"harus {low}"
    if column.min is not None:
        return "tidak boleh negatif" if column.min == 0 else f"minimal {column.min:g}"
    return None


@dataclass(frozen=True)
class Reference:
    """Values of `columns` must exist as the key of dataset `target` (column `target_column`)."""

    column: str
    target: str
    target_column: str


@dataclass(frozen=True)
class Dataset:
    """A dataset of the source folder: files whose name starts with `name`."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    required: bool = False
    description: str = ""

    def column(self, name: str) -> Column:
        """Return the column called `name`."""
        return next(c for c in self.columns if c.name == name)

    def column_name(self, header: object) -> str:
        """Return the column a header cell names: its normalised text, or the column it is an alias of."""
        name = normalise_header(header)
        return next((c.name for c in self.columns if name in c.aliases), name)

    @property
    def required_columns(self) -> list[str]:
        """Return the names of the columns that must be present in every file."""
        return [c.name for c in self.columns if c.required]


JALUR_JENIS: dict[str, tuple[str, ...]] = {
    # Peraturan LAN 10/2018: development paths and their types.
    "klasikal": (
        "pelatihan struktural kepemimpinan",
        "pelatihan manajerial",
        "pelatihan teknis",
        "pelatihan fungsional",
        "pelatihan sosial kultural",
        "seminar/konferensi",
        "workshop/lokakarya",
        "kursus",
        "penataran",
        "bimbingan teknis",
        "sosialisasi",
        "pelatihan klasikal lainnya",  # SIASN jenisDiklatId 13; docs/metrics.md#jenis-lainnya
    ),
    "nonklasikal": (
        "coaching",
        "mentoring",
        "e-learning",
        "pelatihan jarak jauh",
        "detasering",
        "outbound",
        "benchmarking",
        "pertukaran pns-swasta",
        "belajar mandiri",
        "komunitas belajar",
        "bimbingan di tempat kerja",
        "magang",
        "pelatihan nonklasikal lainnya",  # SIASN jenisDiklatId 25
    ),
}

PREDIKAT = domain.PREDIKAT
EKSPEKTASI = ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")

# PermenPANRB 6/2022: predikat from (hasil kerja, perilaku kerja).
PREDIKAT_MATRIX: dict[tuple[str, str], str] = {
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi"): "Kurang",
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi"): "Sangat Baik",
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"): "Kurang",
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi"): "Baik",
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi"): "Sangat Kurang",
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): "Butuh Perbaikan",
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi"): "Butuh Perbaikan",
}

# An activity is listed as a warning (loaded all the same) when its JP is at least this many times, or at most
# 1/this, the median JP of its jenis in the load, once at least JP_USUAL_MIN_ACTIVITIES activities have that jenis.
JP_UNUSUAL_FACTOR = 4
JP_USUAL_MIN_ACTIVITIES = 5

GOLONGAN = tuple(
    f"{g}/{r}" for g, ruang in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde")) for r in ruang
)

# Vocabularies: canonical values. Matching is case-insensitive and ignores surrounding space.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "jenis_asn": ("PNS", "PPPK"),
    "kategori_jabatan": ("JPT", "Administrator", "Pengawas", "Pelaksana", "Fungsional"),
    "golongan": GOLONGAN,
    "jenis_kelamin": ("L", "P"),
    "jalur": tuple(JALUR_JENIS),
    "jenis": tuple(j for jenis in JALUR_JENIS.values() for j in jenis),
    "status": ("lulus", "tidak_lulus", "tidak_hadir"),
    "predikat": PREDIKAT,
    "ekspektasi": EKSPEKTASI,
    "sentimen": ("positif", "netral", "negatif"),
    "tingkat_hukuman": ip_asn.TINGKAT_HUKUMAN,  # PP 94/2021: ringan, sedang, berat
    "jenis_ip_asn": ip_asn.JENIS_IP_ASN,  # what a published IP ASN figure measures: PNS, PPPK or all ASN
    "cara_gabung": ip_asn.CARA_GABUNG,  # how an ASN figure combines PNS and PPPK
    "arah": sakip.ARAH,  # SAKIP: naik (higher is better) or turun (lower is better)
}

# Other spellings people write for a canonical value (lower-case key -> canonical), SIASN's codes and
# names among them (etl/siasn_codes.py: "DIATAS ESPEKTASI", kuadran 1-5, jenisDiklatId 1-25).
VOCAB_ALIASES: dict[str, dict[str, str]] = {
    "predikat": {"kurang/misconduct": "Kurang", "misconduct": "Kurang"} | siasn.code_aliases(siasn.KUADRAN),
    "ekspektasi": {
        "di atas": "Di Atas Ekspektasi",
        "sesuai": "Sesuai Ekspektasi",
        "di bawah": "Di Bawah Ekspektasi",
    }
    | siasn.code_aliases(siasn.EKSPEKTASI, siasn.EKSPEKTASI_OTHER_NAMES),
    "jenis": siasn.code_aliases(siasn.JENIS_DIKLAT, siasn.JENIS_DIKLAT_OTHER_NAMES),
    "jenis_kelamin": {"laki-laki": "L", "perempuan": "P"},
    "status": {"tidak lulus": "tidak_lulus", "tidak hadir": "tidak_hadir"},
}


def unsur_headers(number: int, name: str) -> tuple[str, ...]:
    """Return the headers that name IKM unsur `number` (1-9) called `name`: "Persyaratan", "U1 Persyaratan",
    "U1. Persyaratan" and, for a name with "dan", the same without it ("Sarana Prasarana")."""
    names = {name, name.replace(" dan ", " ")}
    return tuple(sorted({normalise_header(f"{prefix}{n}") for n in names for prefix in ("", f"U{number} ")}))


SKOR_IKM = [
    Column(f"u{i}", INT, required=False, min=1, max=4, aliases=unsur_headers(i, name))
    for i, name in enumerate(domain.IKM_UNSUR_NAMES, start=1)
]
SKOR_REAKSI = [
    Column(name, INT, min=1, max=5) for name in ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
]

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "kota",
            (Column("kota", match=CITY_NAME), Column("provinsi")),
            key=("kota",),
            required=True,
            description="Kota yang dibandingkan.",
        ),
        Dataset(
            "apbd",
            (
                Column("kota"),
                Column("tahun", INT, min=1990, max=2100),
                Column("belanja_daerah", MONEY, min=0),
            ),
            key=("kota", "tahun"),
            references=(Reference("kota", "kota", "kota"),),
            description="Belanja daerah (APBD) per kota per tahun, dalam Rupiah.",
        ),
        Dataset(
            "pegawai",
            (
                Column("nip", NIP),
                Column("nama", PERSONAL, required=False),
                Column("kota"),
                Column("opd"),
                Column("jenis_asn", VOCAB, vocab="jenis_asn"),
                Column("kategori_jabatan", VOCAB, vocab="kategori_jabatan"),
                Column("golongan", VOCAB, required=False, vocab="golongan"),
                Column("jenis_kelamin", VOCAB, vocab="jenis_kelamin"),
                Column("tahun_lahir", INT, min=1940, max=2015),
                Column("pendidikan", required=False),
                Column("tmt_masuk", DATE),
                Column("tanggal_keluar", DATE, required=False),
                Column("kedudukan_hukum", required=False),  # as SIASN names it: for reconciling headcounts
            ),
            key=("nip",),
            references=(Reference("kota", "kota", "kota"),),
            required=True,
            description="Data pegawai ASN (PNS dan PPPK). NIP disamarkan, nama tidak disimpan.",
        ),
        Dataset(
            "program",
            (
                Column("kode_program"),
                Column("kota"),
                Column("nama_program"),
                Column("jalur", VOCAB, vocab="jalur"),
                Column("jenis", VOCAB, vocab="jenis"),
                Column("topik"),
                Column("penyelenggara"),
                Column("tanggal_mulai", DATE),
                Column("tanggal_selesai", DATE),
                Column("jp", INT, min=0, min_exclusive=True, max=1000),
                Column("biaya", MONEY, required=False, min=0),  # empty: not recorded (SIASN has no cost)
            ),
            key=("kode_program",),
            references=(Reference("kota", "kota", "kota"),),
            description="Kegiatan pengembangan kompetensi (satu angkatan per baris).",
        ),
        Dataset(
            "peserta",
            (
                Column("kode_program"),
                Column("nip", NIP),
                Column("status", VOCAB, vocab="status"),
                Column("nilai_pre", SCORE, required=False, min=0, max=100),
                Column("nilai_post", SCORE, required=False, min=0, max=100),
            ),
            key=("kode_program", "nip"),
            references=(
                Reference("kode_program", "program", "kode_program"),
                Reference("nip", "pegawai", "nip"),
            ),
            description="Peserta kegiatan dan hasilnya.",
        ),
        Dataset(
            "penilaian_kinerja",
            (
                Column("nip", NIP),
                Column("tahun", INT, min=1990, max=2100),
                Column("predikat", VOCAB, vocab="predikat"),
                Column("hasil_kerja", VOCAB, required=False, vocab="ekspektasi"),
                Column("perilaku_kerja", VOCAB, required=False, vocab="ekspektasi"),
            ),
            key=("nip", "tahun"),
            references=(Reference("nip", "pegawai", "nip"),),
            description="Predikat kinerja tahunan (PermenPANRB 6/2022).",
        ),
        Dataset(
            "hukuman_disiplin",
            (
                Column("nip", NIP),
                Column("tingkat", VOCAB, vocab="tingkat_hukuman", aliases=("tingkat_hukuman", "tingkat_hukdis")),
                Column("tmt", DATE, aliases=("tmt_hukuman", "tmt_hukdis", "tanggal_mulai")),
                Column("tanggal_selesai", DATE, required=False, aliases=("akhir_hukuman", "tanggal_akhir")),
            ),
            key=("nip", "tmt", "tingkat"),
            references=(Reference("nip", "pegawai", "nip"),),
            description="Hukuman disiplin (PP 94/2021), satu baris per hukuman: tingkat, TMT dan tanggal selesai.",
        ),
        Dataset(
            "ip_asn_bkn",
            (
                Column("kota"),
                Column("tahun", INT, min=2018, max=2100),
                Column("jenis_asn", VOCAB, vocab="jenis_ip_asn"),
                Column("nilai", SCORE, min=0, max=100),
                *(Column(name, SCORE, required=False, min=0, max=points) for name, points in ip_asn.DIMENSI.items()),
                Column("cara_gabung", VOCAB, required=False, vocab="cara_gabung"),
                Column("sumber", required=False),
            ),
            key=("kota", "tahun", "jenis_asn"),
            references=(Reference("kota", "kota", "kota"),),
            description="Nilai IP ASN yang diumumkan BKN (PNS, PPPK atau ASN), dengan rata-rata dimensinya bila ada.",
        ),
        Dataset(
            "anggaran",
            (
                Column("kota"),
                Column("tahun", INT, min=1990, max=2100),
                Column("kegiatan"),
                Column("sumber_dana"),
                Column("pagu", MONEY, min=0),
                Column("realisasi", MONEY, min=0),
            ),
            key=("kota", "tahun", "kegiatan", "sumber_dana"),
            references=(Reference("kota", "kota", "kota"),),
            description="Pagu dan realisasi anggaran pengembangan kompetensi.",
        ),
        Dataset(
            "umpan_balik_pelatihan",
            (
                Column("kode_program"),
                Column("tanggal", DATE),
                *SKOR_REAKSI,
                Column("komentar", required=False),
            ),
            references=(Reference("kode_program", "program", "kode_program"),),
            description="Evaluasi reaksi peserta (Kirkpatrick level 1), skala 1-5.",
        ),
        Dataset(
            "survei_kepuasan",
            (Column("kota"), Column("opd"), Column("tanggal", DATE), *SKOR_IKM),
            references=(Reference("kota", "kota", "kota"),),
            description="Survei kepuasan masyarakat (PermenPANRB 14/2017), unsur U1-U9 skala 1-4.",
        ),
        Dataset(
            "aspirasi",
            (
                Column("kota"),
                Column("tanggal", DATE),
                Column("saluran"),
                Column("kategori"),
                Column("sentimen", VOCAB, vocab="sentimen"),
                Column("opd", required=False),
                Column("ringkasan", required=False),
            ),
            references=(Reference("kota", "kota", "kota"),),
            description="Aspirasi masyarakat dari forum dialog, aplikasi dan kanal lain.",
        ),
        Dataset(
            "mentoring",
            (
                Column("nip_mentor", NIP),
                Column("nip_mentee", NIP),
                Column("tanggal_mulai", DATE),
                Column("tanggal_selesai", DATE, required=False),
                Column("jumlah_sesi", INT, min=0, max=1000),
            ),
            key=("nip_mentor", "nip_mentee", "tanggal_mulai"),
            references=(
                Reference("nip_mentor", "pegawai", "nip"),
                Reference("nip_mentee", "pegawai", "nip"),
            ),
            description="Pasangan mentoring ASN senior dan junior.",
        ),
        Dataset(
            "penghargaan",
            (Column("nip", NIP), Column("tahun", INT, min=1990, max=2100), Column("kategori")),
            references=(Reference("nip", "pegawai", "nip"),),
            description="Penghargaan bagi ASN berkinerja tinggi.",
        ),
        Dataset(
            "target_kinerja",
            (
                Column("kota"),
                Column("tahun", INT, min=1990, max=2100),
                Column("indikator", aliases=("indikator_kinerja", "iku", "indikator_kinerja_utama")),
                Column("satuan"),
                Column("arah", VOCAB, vocab="arah", aliases=("polaritas",)),
                Column("target", SCORE, min=0, min_exclusive=True),  # capaian divides by it
                Column("target_renstra", SCORE, required=False, aliases=("target_akhir_renstra",)),
                Column("realisasi", SCORE, required=False),  # by hand, for an indicator the product cannot compute
            ),
            key=("kota", "tahun", "indikator"),
            references=(Reference("kota", "kota", "kota"),),
            description="Target indikator kinerja (SAKIP, LKjIP) per kota per tahun: arah naik atau turun, target"
            " tahunan dan akhir Renstra, realisasi diisi untuk indikator yang tidak dihitung dari data.",
        ),
    )
}

# Order in which datasets are validated: every reference points to an earlier dataset.
LOAD_ORDER: tuple[str, ...] = tuple(DATASETS)

# A file whose presence marks a source folder as synthetic demo data.
SYNTHETIC_MARKER = "DATA_SINTETIS.txt"


def dataset_for_file(filename: str) -> str | None:
    """Return the dataset a file belongs to (longest name it starts with), or None.

    `peserta_pontianak_2024.xlsx` -> "peserta". The name must be followed by the end of the
    stem or a separator, so `kotak.csv` belongs to no dataset.
    """
    stem = filename.lower().rsplit(".", 1)[0]
    matches = [name for name in DATASETS if stem == name or (stem.startswith(name) and not stem[len(name)].isalnum())]
    return max(matches, key=len) if matches else None


def jalur_of(jenis: str) -> str | None:
    """Return the path (klasikal, nonklasikal) of a type as written: a contract type, or a SIASN id or name
    (VOCAB_ALIASES); None for a type the contract does not know."""
    key = siasn.spelled(jenis)
    canonical = VOCAB_ALIASES["jenis"].get(key, key)
    return next((jalur for jalur, types in JALUR_JENIS.items() if canonical in types), None)


# Datasets other rows refer to, and the column they are looked up by (keys_<dataset> while validating).
TARGETS: dict[str, str] = {r.target: r.target_column for d in DATASETS.values() for r in d.references}
