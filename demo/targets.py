"""Synthetic demo data: the SAKIP indicator targets of the four storied cities' BKPSDM (dataset target_kinerja).

Each storied city sets, for every year of the demo, targets for the indicators a BKPSDM usually reports
(../shared/reference/ip-asn-sakip.md 2.1): the IP ASN, the share of PNS with 20 JP, the IKM, the absorption of the
development budget and JP per ASN, whose realisasi the product computes, and the average days of a personnel
service (lower is better) and the Indeks Sistem Merit, whose realisasi the city enters by hand. The Renstra runs
2021-2026, so its end target is the 2026 one.

The story: every city sets targets it can reach from its own pace (City.jp20), except Jambi, whose Renstra promised
the 20-JP share of its peers (65% by 2025) and an IP ASN a point above theirs while training stayed out of reach of
many of its agencies: Jambi misses those two targets every year (the IP ASN's kompetensi is mostly training). The
IP ASN targets (54 to 58 for the others) sit a few points under the demo's computed index, which lies in the Rendah
band for the reason docs/metrics.md#ip-asn gives. Every number is made up, like the rest of the demo (the folder's
DATA_SINTETIS.txt).
"""

from __future__ import annotations

import pandas as pd

from demo.cities import City
from demo.settings import YEARS, contract_columns
from domain import sakip

RENSTRA_END = 2026  # the Renstra 2021-2026: its end target is the target of this year
MISSES_20JP = "Jambi"  # the city whose 20-JP target is out of its reach
# Named as governments write them; the first five are recognised (domain.sakip.INDIKATOR_DIKENAL) and computed.
IP_ASN = "Indeks Profesionalitas ASN"
PERSEN_20JP = "Persentase ASN yang memenuhi 20 JP"
IKM = "Indeks Kepuasan Masyarakat (IKM)"
SERAPAN = "Persentase serapan anggaran pengembangan kompetensi"
JP_PER_ASN = "Rata-rata JP per ASN"
LAYANAN = "Rata-rata lama layanan administrasi kepegawaian"  # days, lower is better: entered by hand
MERIT = "Indeks Sistem Merit"  # KASN's 0-400 index: entered by hand

# The days a personnel service takes, per storied city in 2021 (the target) and how many days faster each year;
# the city's BKPSDM does one day better than its target (Makassar's mobile app two).
LAYANAN_DAYS = {"Pontianak": (9.0, 0.5, 1.0), "Makassar": (8.0, 0.5, 2.0), "Bukittinggi": (7.0, 0.5, 1.0)}
LAYANAN_DEFAULT = (10.0, 0.5, 1.0)
MERIT_START = {"Pontianak": 250.0, "Makassar": 280.0, "Bukittinggi": 270.0}  # the 2021 target
MERIT_DEFAULT = 240.0


def _text(value: float | None) -> str:
    """Return a number as the file writes it: '60', '7.5', '' for none (at most two decimals, dot as the mark)."""
    return "" if value is None else f"{round(value, 2):g}"


def _row(city: City, year: int, name: str, unit: str, arah: str, target: float, end: float, real: float | None) -> dict:
    """Return one row of target_kinerja in contract columns, numbers as text."""
    return {
        "kota": city.kota,
        "tahun": str(year),
        "indikator": name,
        "satuan": unit,
        "arah": arah,
        "target": _text(target),
        "target_renstra": _text(end),
        "realisasi": _text(real),
    }


def _targets(city: City, i: int) -> list[tuple[str, str, str, float, float | None]]:
    """Return the indicators of `city` in year i of YEARS (i = len(YEARS): the Renstra's end year) as (name,
    unit, arah, target, entered realisasi or None)."""
    last = len(city.jp20) - 1
    pace = city.jp20[i] if i <= last else city.jp20[last] + (i - last) * (city.jp20[last] - city.jp20[last - 1])
    jp20 = 65.0 - 5 * (len(YEARS) - 1 - i) if city.kota == MISSES_20JP else round(100 * pace - 10)
    days, faster, better = LAYANAN_DAYS.get(city.kota, LAYANAN_DEFAULT)
    layanan = max(days - faster * i, 3.0)
    merit = MERIT_START.get(city.kota, MERIT_DEFAULT) + 10 * i
    return [
        (IP_ASN, "indeks", sakip.NAIK, (55.0 if city.kota == MISSES_20JP else 54.0) + i, None),
        (PERSEN_20JP, "%", sakip.NAIK, jp20, None),
        (IKM, "indeks", sakip.NAIK, 76.0, None),
        (SERAPAN, "%", sakip.NAIK, 80.0, None),
        (JP_PER_ASN, "JP", sakip.NAIK, 15.0 if city.kota == MISSES_20JP else 20.0, None),
        (LAYANAN, "hari", sakip.TURUN, layanan, layanan - better),
        (MERIT, "indeks", sakip.NAIK, merit, merit + 12),
    ]


def target_rows(city: City) -> pd.DataFrame:
    """Return the target_kinerja rows of `city` (one of the four storied cities, demo.writer's only caller) for
    every year of the demo, in contract columns: seven indicators a year with their Renstra end target, the
    hand-entered realisasi of the two the product cannot compute."""
    end = {name: target for name, _, _, target, _ in _targets(city, len(YEARS) - 1 + RENSTRA_END - YEARS[-1])}
    rows = [
        _row(city, year, name, unit, arah, target, end[name], real)
        for i, year in enumerate(YEARS)
        for name, unit, arah, target, real in _targets(city, i)
    ]
    return pd.DataFrame(rows, columns=list(contract_columns("target_kinerja")))
