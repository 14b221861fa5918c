"""Synthetic demo data: city-level datasets: APBD, anggaran, survei kepuasan, aspirasi."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.cities import City
from demo.randomness import _choose, _day, _iso
from demo.settings import YEARS

KEGIATAN = (
    ("Pelatihan Dasar CPNS", 0.15),
    ("Pendidikan dan Pelatihan Kepemimpinan", 0.20),
    ("Pengembangan Kompetensi Teknis dan Fungsional", 0.30),
    ("Seminar, Workshop dan Bimbingan Teknis", 0.20),
    ("Pengembangan E-Learning", 0.08),
    ("Mentoring dan Coaching ASN", 0.07),
)


# Costs of the training kegiatan outside the activities themselves (platforms, administration,
# travel), as a share of their realisasi: the activities of a year cost the rest.
OUTSIDE_COSTS = (0.02, 0.06)


def apbd_rows(city: City, rng: np.random.Generator, scale: float = 1.0) -> pd.DataFrame:
    """Return belanja daerah per year: the 2024 figure with ~4% yearly growth around it, times `scale`.

    Money follows the headcount: at any scale the budget per ASN and its share of APBD stay credible.
    """
    growth = 1.04 + rng.normal(0, 0.01, len(YEARS))
    factor = np.ones(len(YEARS))
    i24 = YEARS.index(2024)
    for i in range(i24 + 1, len(YEARS)):
        factor[i] = factor[i - 1] * growth[i]
    for i in range(i24 - 1, -1, -1):
        factor[i] = factor[i + 1] / growth[i]
    belanja = (np.round(city.apbd_2024 * scale * factor / 1_000_000) * 1_000_000).astype(np.int64)
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


def activity_budgets(anggaran: pd.DataFrame, rng: np.random.Generator) -> dict[int, float]:
    """Return per year the money the activities cost: realisasi of all kegiatan less the outside costs."""
    realisasi = anggaran.groupby("tahun")["realisasi"].sum()
    outside = rng.uniform(*OUTSIDE_COSTS, len(realisasi))
    pairs = zip(realisasi.items(), outside, strict=True)
    return {int(year): float(total) * (1 - share) for (year, total), share in pairs}


def fit_costs(tariff_costs: np.ndarray, budget: float) -> np.ndarray:
    """Return activity costs (whole thousands of Rupiah) in proportion to `tariff_costs`, adding up to `budget`.

    The tariffs say what an activity costs relative to another; what a city pays in all is
    what it realised of its training budget, so the costs are scaled to that (rounded down).
    """
    total = float(np.sum(tariff_costs))
    if total <= 0:
        return np.zeros(len(tariff_costs), dtype=np.int64)
    return (np.floor(np.asarray(tariff_costs, dtype=float) * budget / total / 1000) * 1000).astype(np.int64)


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
    opds, dates, blocks = [], [], []
    for opd, base in SURVEI_OPDS:
        if opd not in city.opds:
            continue
        n = max(10, round(base * city.survei_size * scale))
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
        opds.append(np.full(n, city.label(opd), dtype=object))
        dates.append(np.sort(tanggal))
        blocks.append(answers)
    answers = np.concatenate(blocks)
    df = pd.DataFrame({"kota": city.kota, "opd": np.concatenate(opds), "tanggal": _iso(np.concatenate(dates))})
    return df.assign(**{f"u{j + 1}": pd.array(answers[:, j], dtype="Int64") for j in range(9)})


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
