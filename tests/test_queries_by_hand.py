"""Queries on the hand-computed scorecard warehouse (scorecard_rows, tests/conftest.py): the scorecard equals
its mart, people filters narrow people only, breakdowns add up, hostile filter values match nobody."""

from __future__ import annotations

import inspect
import math
from pathlib import Path

import pandas as pd
import pytest
from conftest import QUERY_ARGS

from analytics.queries import (
    DIMENSIONS,
    compliance_by,
    scorecard,
)
from analytics.queries.db import open_warehouse
from analytics.queries.declare import COUNT, DECLARATIONS
from analytics.queries.filters import Filters

ALL = ("Bukittinggi", "Jambi", "Pontianak")


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """This module's `con` reads the session's scorecard warehouse (tests/conftest.py)."""
    return scorecard_warehouse


def _same(a: object, b: object) -> bool:
    a_missing = a is None or a is pd.NA or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or b is pd.NA or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return float(a) == pytest.approx(float(b))


def test_scorecard_without_people_filters_equals_ringkasan_kota_tahun(con) -> None:
    got = scorecard(con, Filters(ALL, 2023, 2024))
    expected = con.execute(
        "SELECT * FROM ringkasan_kota_tahun WHERE tahun BETWEEN 2022 AND 2024 ORDER BY kota, tahun"
    ).df()
    shared = [c for c in got.columns if c in expected.columns]
    assert len(shared) == len(got.columns), set(got.columns) - set(expected.columns)
    assert list(got[["kota", "tahun"]].itertuples(index=False)) == list(
        expected[["kota", "tahun"]].itertuples(index=False)
    )
    diffs = [
        (r["kota"], r["tahun"], c, r[c], e[c])
        for (_, r), (_, e) in zip(got.iterrows(), expected.iterrows(), strict=True)
        for c in shared
        if not _same(r[c], e[c])
    ]
    assert diffs == []


def test_scorecard_covers_the_chosen_cities_and_the_year_before_the_range(con) -> None:
    got = scorecard(con, Filters(("Pontianak", "Jambi"), 2024, 2024))
    assert sorted(zip(got["kota"], got["tahun"], strict=True)) == [
        ("Jambi", 2023),
        ("Jambi", 2024),
        ("Pontianak", 2023),
        ("Pontianak", 2024),
    ]


def _row(df: pd.DataFrame, kota: str, tahun: int) -> dict:
    rows = df[(df["kota"] == kota) & (df["tahun"] == tahun)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


def test_scorecard_people_filters_narrow_people_but_not_city_wide_numbers(con) -> None:
    # Pontianak 2024: A (PNS, 42 JP, Sangat Baik) and C (PPPK, 8 JP, Baik) are active; all in Dinas Pendidikan.
    same = _row(scorecard(con, Filters(("Pontianak",), 2024, 2024, opd=("Dinas Pendidikan",))), "Pontianak", 2024)
    assert (same["jumlah_asn"], same["jumlah_pns"], same["pns_memenuhi_20jp"], same["persen_20jp"]) == (2, 1, 1, 100)
    assert (same["jp_total"], same["jp_per_asn"], same["jumlah_peserta"], same["persen_sangat_baik"]) == (50, 25, 2, 50)

    pppk = _row(scorecard(con, Filters(("Pontianak",), 2024, 2024, jenis_asn=("PPPK",))), "Pontianak", 2024)
    assert (pppk["jumlah_asn"], pppk["jumlah_pns"], pppk["jp_total"], pppk["jp_per_asn"]) == (1, 0, 8, 8.0)
    assert pd.isna(pppk["persen_20jp"])  # no PNS among the people chosen
    assert (pppk["jumlah_peserta"], pppk["persen_sangat_baik"]) == (1, 0.0)

    none = _row(scorecard(con, Filters(("Pontianak",), 2024, 2024, opd=("Bappeda",))), "Pontianak", 2024)
    assert (none["jumlah_asn"], none["jumlah_pns"], none["jumlah_peserta"]) == (0, 0, 0)
    assert pd.isna(none["persen_20jp"]) and pd.isna(none["jp_per_asn"])
    # Budget, cost per JP and IKM stay city-wide.
    for r in (same, pppk, none):
        assert (r["ikm"], r["mutu_ikm"], r["jumlah_responden_ikm"]) == (pytest.approx(77.78), "B", 3)
        assert r["biaya_per_jp"] == pytest.approx(4_800_000 / 64)


def test_compliance_by_rejects_an_unknown_dimension(con) -> None:
    for bad in ("nama", "opd; DROP TABLE stg_kota", "kota", ""):
        with pytest.raises(ValueError):
            compliance_by(con, Filters(ALL, 2024, 2024), bad)


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_compliance_by_every_dimension_adds_up_to_the_scorecard(con, dimension: str) -> None:
    f = Filters(ALL, 2022, 2024)
    got = compliance_by(con, f, dimension)
    assert {"kota", "nilai", "jumlah_pns", "pns_memenuhi_20jp", "persen_20jp"} <= set(got.columns)
    totals = got.groupby("kota")[["jumlah_pns", "pns_memenuhi_20jp"]].sum()
    # 2024: Pontianak has one PNS (A, >= 20 JP), Jambi one (E, 10 JP); Bukittinggi has nobody.
    assert totals.loc["Pontianak"].tolist() == [1, 1]
    assert totals.loc["Jambi"].tolist() == [1, 0]
    assert "Bukittinggi" not in totals.index or totals.loc["Bukittinggi", "jumlah_pns"] == 0


def test_compliance_by_opd_values(con) -> None:
    got = compliance_by(con, Filters(ALL, 2024, 2024), "opd")
    with_pns = got[got["jumlah_pns"] > 0]
    assert sorted(zip(with_pns["kota"], with_pns["nilai"], with_pns["persen_20jp"], strict=True)) == [
        ("Jambi", "Dinas Pendidikan", 0.0),
        ("Pontianak", "Dinas Pendidikan", 100.0),
    ]


HOSTILE = Filters(
    kota=("'; DROP TABLE stg_kota; --", "Pontianak' OR '1'='1"),
    tahun_awal=2022,
    tahun_akhir=2024,
    opd=('Dinas "Pendidikan"\'; DELETE FROM stg_pegawai; --', "<script>alert(1)</script>", "x" * 20_000),
    kategori_jabatan=("' OR 1=1 --",),
    jenis_asn=("PNS\x00",),
)


def _filter_queries() -> list:
    """Return every declared query function that takes (con, f, ...)."""
    return [
        function
        for function, declaration in DECLARATIONS.items()
        if not declaration.facts and list(inspect.signature(function).parameters)[:2] == ["con", "f"]
    ]


def test_every_filtered_query_is_found() -> None:
    names = {f.__name__ for f in _filter_queries()}
    assert {"scorecard", "compliance_by", "jp_distribution", "opd_profile", "aspirations", "what_if"} <= names


@pytest.mark.parametrize("function", _filter_queries(), ids=lambda f: f.__name__)
def test_hostile_filter_values_return_empty_frames(con, warehouse: Path, function) -> None:
    got = function(con, HOSTILE, *QUERY_ARGS.get(function.__name__, ()))
    assert isinstance(got, pd.DataFrame)
    people = [c for c, kind in DECLARATIONS[function].columns.items() if kind == COUNT]
    assert got.empty or (people and (got[people] == 0).all().all())  # a what-if of nobody still has rows
    # Values are bound, never spliced into SQL: nothing matched, and nothing was dropped or deleted.
    check = open_warehouse(warehouse)  # a second connection sees what the first one did
    try:
        tables_now = {r[0] for r in check.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"stg_kota", "stg_pegawai", "ringkasan_kota_tahun", "pegawai_segmen_tahun"} <= tables_now
        assert check.execute("SELECT count(*) FROM stg_kota").fetchone() == (3,)
        assert check.execute("SELECT count(*) FROM stg_pegawai").fetchone() == (5,)
    finally:
        check.close()


def test_hostile_people_filters_with_a_real_city_match_nobody(con) -> None:
    f = Filters(("Pontianak",), 2024, 2024, HOSTILE.opd, HOSTILE.kategori_jabatan, HOSTILE.jenis_asn)
    r = _row(scorecard(con, f), "Pontianak", 2024)
    assert (r["jumlah_asn"], r["jumlah_pns"], r["jumlah_peserta"]) == (0, 0, 0)
