"""Twenty users at once, each with different filters, on the one connection the app shares: each
gets exactly the numbers it gets alone (a cursor per query; a shared cursor mixes results)."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from analytics import queries
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters

KOTA = ("Bukittinggi", "Jambi", "Makassar", "Pontianak")


def twenty_filters() -> list[Filters]:
    """Return twenty different filter choices (cities, years, jenis ASN)."""
    choices = [
        Filters(tuple(cities), start, 2025, jenis_asn=jenis)
        for cities, start, jenis in itertools.product(
            [KOTA[:1], KOTA[1:2], KOTA[2:3], KOTA[3:], KOTA[:2]], (2022, 2024), ((), ("PNS",))
        )
    ]
    return choices[:20]


def user_session(con, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What one user's overview and participation pages ask."""
    return queries.scorecard(con, f), queries.compliance_by(con, f, "opd"), queries.predikat(con, f)


def test_twenty_concurrent_users_each_get_their_own_numbers(demo_warehouse: Path) -> None:
    con = open_warehouse(demo_warehouse)
    try:
        filters = twenty_filters()
        alone = [user_session(con, f) for f in filters]
        with ThreadPoolExecutor(max_workers=20) as pool:
            together = list(pool.map(lambda f: user_session(con, f), filters * 3))
    finally:
        con.close()
    assert len({f for f in filters}) == 20
    for i, result in enumerate(together):
        expected = alone[i % 20]
        for got, want in zip(result, expected, strict=True):
            pd.testing.assert_frame_equal(got, want)
