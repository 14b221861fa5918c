"""Focus city and peer groups: which cities are compared (analytics.peers), the size bands (domain), and
the filters a breakdown uses."""

from __future__ import annotations

import pytest

import domain
from analytics import peers
from analytics.context import SIDE_BY_SIDE, PageContext, WarehouseInfo
from analytics.queries.filters import Filters

INFO = WarehouseInfo(
    loaded_at_utc=None,
    synthetic=True,
    rows_rejected=0,
    kota=["Bukittinggi", "Padang", "Pontianak", "Singkawang", "Solok", "Surabaya"],
    provinsi={
        "Bukittinggi": "Sumatera Barat",
        "Padang": "Sumatera Barat",
        "Pontianak": "Kalimantan Barat",
        "Singkawang": "Kalimantan Barat",
        "Solok": "Sumatera Barat",
        "Surabaya": "Jawa Timur",
    },
    tahun=[2024, 2025],
    ukuran={
        "Bukittinggi": "kecil",
        "Padang": "besar",
        "Pontianak": "sedang",
        "Singkawang": "kecil",
        "Solok": "kecil",
        "Surabaya": "sangat_besar",
    },
)


@pytest.mark.parametrize(
    ("fokus", "group", "picked", "expected"),
    [
        (None, "semua", (), INFO.kota),
        ("Pontianak", "semua", (), INFO.kota),
        ("Padang", "provinsi", (), ["Bukittinggi", "Padang", "Solok"]),
        ("Singkawang", "ukuran", (), ["Bukittinggi", "Singkawang", "Solok"]),
        ("Surabaya", "ukuran", (), ["Surabaya"]),
        ("Pontianak", "pilihan", ("Solok", "Padang"), ["Padang", "Pontianak", "Solok"]),  # the focus joins
        (None, "pilihan", ("Solok", "Atlantis"), ["Solok"]),  # a name the warehouse lacks is dropped
        (None, "pilihan", (), []),
        (None, "provinsi", (), INFO.kota),  # a group that needs a focus city, without one: everyone
        ("Atlantis", "ukuran", (), INFO.kota),
        ("Pontianak", "'; DROP TABLE kota; --", (), INFO.kota),
    ],
)
def test_the_cities_compared(fokus, group, picked, expected) -> None:
    assert peers.compared(INFO, fokus, group, picked) == tuple(expected)


@pytest.mark.parametrize(
    ("asn", "band"), [(0, "kecil"), (2_999, "kecil"), (3_000, "sedang"), (7_500, "besar"), (40_000, "sangat_besar")]
)
def test_size_bands(asn: int, band: str) -> None:
    assert domain.size_band(asn) == band


def test_a_breakdown_is_for_the_focus_city_when_many_are_compared() -> None:
    many = tuple(f"Kota {i}" for i in range(SIDE_BY_SIDE + 1))
    info = WarehouseInfo(None, False, 0, list(many), {}, [2021, 2025])
    ctx = PageContext("id", Filters(many, 2021, 2025), info, fokus="Kota 3")
    assert ctx.many and ctx.breakdown().kota == ("Kota 3",)
    assert ctx.breakdown().tahun_akhir == 2025
    few = PageContext("id", Filters(many[:SIDE_BY_SIDE], 2021, 2025), info, fokus="Kota 3")
    assert not few.many and few.breakdown() == few.filters
    nobody = PageContext("id", Filters(many, 2021, 2025), info)
    assert nobody.needs_focus and nobody.breakdown().kota == many  # no focus city: nothing to narrow to
