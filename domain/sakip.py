"""SAKIP (Perpres 29/2014) capaian of a performance indicator and the bands it is graded in, written once.

Sources: ../shared/reference/ip-asn-sakip.md section 2. The two capaian formulas are written out in LKjIP Kab.
Maluku Tengah 2021, p. 94 [PEMDA]; Banyuwangi's 2025 IKD data checks them (IP ASN 82,14 against 80,81 ->
101,65%). Capaian is never capped: above 100% is normal in an LKjIP.
"""

from __future__ import annotations

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
