"""Synthetic demo data: disciplinary sanctions (hukuman disiplin, PP 94/2021), a few a year.

A sanction is rare (about 2 in 1,000 ASN a year) and far likelier for someone rated Kurang or Sangat Kurang;
a city's `hukuman_rate` scales it (Pontianak's uneven motivation, Bukittinggi's coaching of under-performers
before it comes to a sanction). Ringan sanctions (teguran, pernyataan tidak puas) have no end date; sedang ones
(a cut of the tunjangan kinerja for 6, 9 or 12 months) and berat ones (demotion for 12 months) end when they end.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.cities import City
from demo.randomness import _choose, _day, _first_of_month, _iso
from domain import ip_asn

BASE_RATE = 0.002  # a year, for staff rated Butuh Perbaikan or better
RATE_BY_PREDIKAT = {3: 0.04, 4: 0.12}  # Kurang, Sangat Kurang (index into domain.PREDIKAT)
TINGKAT_WEIGHTS = (0.6, 0.28, 0.12)  # ringan, sedang, berat (domain.ip_asn.TINGKAT_HUKUMAN)
MONTHS = {"sedang": (6, 9, 12), "berat": (12,)}  # how long a sanction of the level lasts


def hukuman_rows(
    city: City, emp: pd.DataFrame, year: int, predikat: np.ndarray, rng: np.random.Generator
) -> pd.DataFrame:
    """Return hukuman_disiplin rows of one year (contract columns nip, tingkat, tmt, tanggal_selesai): sanctions
    of the staff active and rated that year (predikat >= 0), with a tmt in the year."""
    n = len(emp)
    rate = np.where(predikat >= 0, BASE_RATE, 0.0)
    for index, value in RATE_BY_PREDIKAT.items():
        rate = np.where(predikat == index, value, rate)
    rows = np.flatnonzero(rng.random(n) < rate * city.hukuman_rate)
    tingkat = _choose(rng, ip_asn.TINGKAT_HUKUMAN, TINGKAT_WEIGHTS, len(rows))
    tmt = _day(year) + rng.integers(0, 365, len(rows)).astype("timedelta64[D]")
    months = np.array([rng.choice(MONTHS[t]) if t in MONTHS else 0 for t in tingkat], dtype=np.int64)
    # the day before the same day `months` months later (a day of the month past 28 may run into the next month)
    month_start = _first_of_month(tmt)
    later = (month_start.astype("datetime64[M]") + months.astype("timedelta64[M]")).astype("datetime64[D]")
    end = later + (tmt - month_start) - np.timedelta64(1, "D")
    end = np.where(months > 0, end, np.datetime64("NaT", "D"))
    return pd.DataFrame(
        {
            "nip": emp["nip"].to_numpy()[rows],
            "tingkat": tingkat,
            "tmt": _iso(tmt),
            "tanggal_selesai": _iso(end),
        }
    )
