"""The rules of the domain are written once (the domain package) and reach the SQL as macros."""

from __future__ import annotations

from pathlib import Path

import pytest

import domain
from analytics.context import WarehouseInfo
from analytics.meeting_files import content
from analytics.queries.db import open_warehouse


def test_the_warehouse_reads_the_domains_constants(demo_warehouse: Path) -> None:
    con = open_warehouse(demo_warehouse)  # the configuration every other reader of this file uses
    try:
        got = con.execute(
            "SELECT jp_minimum(), apbd_floor(), ikm_unsur(), ikm_skala(), mutu_batas('A'), mutu_batas('B'),"
            " mutu_batas('C'), mutu_ikm(88.31), mutu_ikm(88.30), mutu_ikm(64.99)"
        ).fetchone()
    finally:
        con.close()
    bands = {mutu: low for mutu, low, _ in domain.IKM_BANDS}
    assert (got[0], float(got[1]), got[2], got[3]) == (
        domain.JP_MINIMUM,
        pytest.approx(domain.APBD_FLOOR),
        domain.IKM_UNSUR,
        domain.IKM_SCALE,
    )
    assert [float(v) for v in got[4:7]] == [bands["A"], bands["B"], bands["C"]]
    assert got[7:] == ("A", "B", "D")


def test_no_sql_file_writes_the_20_jp_rule_or_the_apbd_floor_itself() -> None:
    root = Path(__file__).resolve().parent.parent
    for path in [*root.glob("etl/sql/**/*.sql"), *root.glob("analytics/queries/sql/*.sql")]:
        code = "\n".join(line.split("--")[0] for line in path.read_text().splitlines())
        assert ">= 20" not in code and "20 - jp" not in code and "0.0016" not in code, path
    # The analytics queries get the rule as a bound parameter: they must also read warehouses built before
    # the macros existed.
    for path in root.glob("analytics/queries/sql/*.sql"):
        assert "jp_minimum()" not in path.read_text(), path


def test_a_deck_for_makassar_alone_dates_its_data_in_wita(info: WarehouseInfo) -> None:
    assert content.data_date(info, ["Makassar"]).endswith(" WITA")
    assert content.data_date(info, ["Pontianak"]).endswith(" WIB")
    assert content.data_date(info, info.kota).endswith(" WIB")  # several zones
