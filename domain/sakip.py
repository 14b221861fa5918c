"""SAKIP (Perpres 29/2014) capaian of a performance indicator and the bands it is graded in, written once.

Sources: ../shared/reference/ip-asn-sakip.md section 2. The two capaian formulas are written out in LKjIP Kab.
Maluku Tengah 2021, p. 94 [PEMDA]; Banyuwangi's 2025 IKD data checks them (IP ASN 82,14 against 80,81 ->
101,65%). Capaian is never capped: above 100% is normal in an LKjIP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAIK = "naik"  # higher is better (positive polarity)
TURUN = "turun"  # lower is better (negative polarity)
ARAH = (NAIK, TURUN)


def capaian(target: float, realisasi: float, arah: str = NAIK) -> float:
    """Return the capaian in percent of an indicator: realisasi / target x 100 when higher is better (NAIK),
    (2 x target - realisasi) / target x 100 when lower is better (TURUN). Raises ValueError for a target of 0
    or another direction."""
    if arah not in ARAH:
        raise ValueError(f"arah '{arah}' tidak dikenal: pilih {NAIK} atau {TURUN}.")
    if target == 0:
        raise ValueError("target 0: capaian tidak dapat dihitung.")
    done = realisasi if arah == NAIK else 2 * target - realisasi
    return 100 * done / target  # multiplied first: 91 of 100 is exactly 91, not 91.00000000000001


# The common five-level scale, each band with its printed lower bound in percent, best first: LKjIP Inspektorat
# Kab. Sampang 2019 (91-100 Sangat Baik, 76-90 Baik, 66-75 Cukup, 51-65 Kurang, <= 50 Sangat Kurang) [PEMDA]; the
# same bounds as the Permendagri 86/2017 evaluation scale (from memory, its text not seen). No national scale
# exists; each government states its own, so this is the default a setting may replace. A capaian between two
# printed ranges (90,5) is in the lower band; above 100 is Sangat Baik.
SKALA_LIMA: tuple[tuple[str, float], ...] = (
    ("Sangat Baik", 91),
    ("Baik", 76),
    ("Cukup", 66),
    ("Kurang", 51),
    ("Sangat Kurang", float("-inf")),
)


def kategori_capaian(persen: float, skala: tuple[tuple[str, float], ...] = SKALA_LIMA) -> str:
    """Return the band of a capaian in percent on `skala` (bands with their lower bounds, best first): the first
    band whose lower bound it reaches."""
    return next(name for name, lower in skala if persen >= lower)


def baca_skala(text: str) -> tuple[tuple[str, float], ...]:
    """Return a government's capaian bands from text such as 'Sangat Baik=91; Baik=76; Cukup=66; Kurang=51;
    Sangat Kurang' (best first, each band with the lowest capaian in percent it starts at, ',' or '.' as the
    decimal mark; the last band has no bound and takes everything below). Raises ValueError, in Indonesian, for
    fewer than two bands, a bound that is not a number, bounds that do not fall, or a last band with a bound."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if len(parts) < 2:
        raise ValueError("Skala capaian perlu minimal dua kategori, dipisah titik koma (Baik=76; Kurang).")
    bands: list[tuple[str, float]] = []
    for part in parts[:-1]:
        name, sign, bound = part.partition("=")
        try:
            lower = float(bound.strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"Batas bawah kategori '{name.strip()}' bukan angka: '{bound.strip()}'.") from None
        if not sign or not name.strip():
            raise ValueError(f"Tulis setiap kategori sebagai Nama=batas bawah, bukan '{part}'.")
        if bands and lower >= bands[-1][1]:
            raise ValueError(f"Batas bawah harus menurun dari kategori terbaik: '{part}' tidak lebih rendah.")
        bands.append((name.strip(), lower))
    if "=" in parts[-1]:
        raise ValueError(f"Kategori terakhir ('{parts[-1]}') mencakup semua di bawahnya: tulis tanpa batas.")
    return (*bands, (parts[-1], float("-inf")))


def batas_skala(skala: tuple[tuple[str, float], ...] = SKALA_LIMA) -> tuple[float, ...]:
    """Return the finite lower bounds of `skala`'s bands, best first (91, 76, 66, 51 for the five-level scale):
    the edges a chart of capaian draws."""
    return tuple(lower for _, lower in skala if lower != float("-inf"))


# The indicators whose realisasi the product computes from the warehouse, each with a code, the name the LKjIP
# table shows, its unit, its direction and the other names governments write for it (recognised by `kode_dari`,
# in etl/sql/marts/capaian_indikator.sql by the same key: tests/test_sakip.py checks that the two agree). Any
# other indicator's realisasi is entered by hand in target_kinerja. Definitions: docs/metrics.md#capaian.
@dataclass(frozen=True)
class Indikator:
    """An indicator the product knows: `kode`, the `nama` shown, `satuan`, `arah` (NAIK or TURUN) and `alias`,
    the other names it is written with (compared by `kunci`)."""

    kode: str
    nama: str
    satuan: str
    arah: str
    alias: tuple[str, ...] = ()


INDIKATOR_DIKENAL: tuple[Indikator, ...] = (
    # PermenPANRB 38/2018, Peraturan BKN 8/2019: the headcount-weighted IP ASN of PNS and PPPK (mart
    # ip_asn_kota_tahun.ip_asn_tertimbang, as Kota Bima publishes it).
    Indikator(
        "ip_asn",
        "Indeks Profesionalitas ASN",
        "indeks",
        NAIK,
        ("IP ASN", "IPASN", "Nilai IP ASN", "Nilai Indeks Profesionalitas ASN"),
    ),
    # PP 11/2017 art. 203(4) as amended by PP 17/2020: at least 20 JP a year, an obligation of PNS, so the share
    # is of active PNS (ringkasan_kota_tahun.persen_20jp), whatever the indicator's name says (ASN or PNS).
    Indikator(
        "persen_20jp",
        "Persentase PNS yang memenuhi 20 JP",
        "%",
        NAIK,
        (
            "Persentase ASN yang memenuhi 20 JP",
            "Persentase ASN memenuhi 20 JP",
            "Persentase PNS memenuhi 20 JP",
            "Persentase ASN yang memenuhi standar 20 JP",
            "Persentase PNS yang memenuhi standar 20 JP",
            "Persentase ASN yang memenuhi 20 JP per tahun",
            "Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP",
        ),
    ),
    # PermenPANRB 14/2017: the city's IKM over every surveyed unit (ringkasan_kota_tahun.ikm).
    Indikator(
        "ikm",
        "Indeks Kepuasan Masyarakat",
        "indeks",
        NAIK,
        ("IKM", "Nilai IKM", "Nilai Indeks Kepuasan Masyarakat"),
    ),
    # The development budget's realisasi over its pagu (ringkasan_kota_tahun.persen_serapan): the anggaran dataset
    # holds the development budget only, so a name without "pengembangan kompetensi" (a whole BKPSDM's budget)
    # is not this indicator and is entered by hand.
    Indikator(
        "persen_serapan",
        "Persentase serapan anggaran pengembangan kompetensi",
        "%",
        NAIK,
        (
            "Serapan anggaran pengembangan kompetensi",
            "Persentase realisasi anggaran pengembangan kompetensi",
        ),
    ),
    # JP of every active ASN over their number (ringkasan_kota_tahun.jp_per_asn).
    Indikator(
        "jp_per_asn",
        "Rata-rata JP per ASN",
        "JP",
        NAIK,
        ("JP per ASN", "Rata-rata jam pelajaran per ASN", "Jam pelajaran per ASN", "Rata-rata JP pengembangan per ASN"),
    ),
)


def kunci(nama: str) -> str:
    """Return the key an indicator's name is recognised by: lower case, a bracketed part dropped, every run of
    other characters than a-z and 0-9 one space ('Rata-rata JP per ASN' -> 'rata rata jp per asn'). The mart
    computes it in SQL the same way (capaian_indikator.sql)."""
    text = re.sub(r"\([^)]*\)", " ", nama.lower())
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


KUNCI_INDIKATOR: dict[str, str] = {
    kunci(name): i.kode for i in INDIKATOR_DIKENAL for name in (i.nama, *i.alias)
}  # key of a name -> code


def kode_dari(nama: str) -> str | None:
    """Return the code of the known indicator `nama` names (KUNCI_INDIKATOR), None for any other."""
    return KUNCI_INDIKATOR.get(kunci(nama))


def indikator(kode: str) -> Indikator:
    """Return the known indicator with code `kode`."""
    return next(i for i in INDIKATOR_DIKENAL if i.kode == kode)
