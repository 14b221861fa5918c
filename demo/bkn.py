"""Synthetic demo data: the IP ASN figures "published by BKN" for the four storied cities (dataset ip_asn_bkn), to
show the reconciliation on the IP ASN page. Invented like everything in the demo, never BKN's: a few points above
what the demo's own data computes, with the kualifikasi means of 20-22 that BKN's revised method gives (published
2023-2025 means are 20-25), as a government would receive them.
"""

from __future__ import annotations

import pandas as pd

from demo.cities import City
from demo.settings import contract_columns

SUMBER = "Contoh sintetis (bukan angka BKN)"
# kota: rows of (tahun, jenis_asn, nilai, kualifikasi, kompetensi, kinerja, disiplin, cara_gabung); dimension
# means add up to the figure; an ASN row without dimension means, as pemda pages often print it.
PUBLISHED: dict[str, tuple[tuple, ...]] = {
    "Bukittinggi": ((2024, "PNS", "79.42", "22.10", "27.15", "25.19", "4.98", ""),),
    "Makassar": (
        (2024, "PNS", "76.35", "21.40", "25.05", "24.95", "4.95", ""),
        (2024, "ASN", "74.12", "", "", "", "", "tertimbang"),
    ),
    "Pontianak": ((2024, "PNS", "74.80", "20.85", "24.10", "24.90", "4.95", ""),),
    "Jambi": (
        (2024, "PNS", "72.06", "20.60", "21.76", "24.75", "4.95", ""),
        (2024, "ASN", "70.15", "", "", "", "", "rerata"),
    ),
}


def bkn_rows(city: City) -> pd.DataFrame:
    """Return the ip_asn_bkn rows of a storied city (none for any other): its invented published figures."""
    columns = list(contract_columns("ip_asn_bkn"))
    rows = [(city.kota, *row, SUMBER) for row in PUBLISHED.get(city.kota, ())]
    return pd.DataFrame(rows, columns=columns)
