"""IKM as offices publish it: the exact formula (penimbang 1/9) stays, the values under the weights published
reports print (0,111 and 0,11) are shown beside it per unit and per city, and a setting chooses the one the
tiles and the mutu use. The worked example of the issue: one report of 29 respondents prints 90,56
(penimbang 0,11), another convention gives 91,38 (0,111), the exact 1/9 gives 91,48."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_rows, minimal_rows, query, write_folder

from analytics.queries import feedback
from analytics.queries.db import open_warehouse
from analytics.queries.filters import Filters
from etl import pipeline
from settings import IKM_PENIMBANG_ENV

RESPONDENTS = 29
FOURS = 172  # of 29 x 9 = 261 answers, 172 are 4 and 89 are 3: sum 955, sum of the nine NRR 955/29 = 32,93


def survey() -> list[dict]:
    """Return the 29 answers of the worked example, all for one unit of Pontianak in 2024."""
    rows = []
    for r in range(RESPONDENTS):
        answers = {f"u{u + 1}": "4" if r * 9 + u < FOURS else "3" for u in range(9)}
        rows.append({"kota": "Pontianak", "opd": "Disdukcapil", "tanggal": "2024-05-01", **answers})
    return rows


def load_example(tmp_path: Path) -> Path:
    rows = minimal_rows()
    rows["survei_kepuasan"] = survey()
    report, db = load_rows(tmp_path, rows)
    assert report.errors == []
    return db


def everything() -> Filters:
    return Filters(kota=("Pontianak",), tahun_awal=2024, tahun_akhir=2024)


def test_the_worked_example_gives_the_three_printed_values_per_unit_and_per_city(tmp_path):
    db = load_example(tmp_path)
    con = open_warehouse(db)
    try:
        unit = feedback.ikm_by_opd(con, everything()).iloc[0]
        city = feedback.ikm_conventions(con, everything()).iloc[0]
    finally:
        con.close()
    assert (unit["ikm_eksak"], unit["ikm_0111"], unit["ikm_011"]) == (91.48, 91.38, 90.56)
    assert (city["ikm_eksak"], city["ikm_0111"], city["ikm_011"]) == (91.48, 91.38, 90.56)
    assert (city["jumlah_responden"], city["konvensi"]) == (RESPONDENTS, "eksak")


def test_by_default_the_tiles_use_the_exact_formula(tmp_path):
    db = load_example(tmp_path)
    assert query(db, "SELECT ikm, mutu_ikm FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2024") == [
        (91.48, "A")
    ]


@pytest.mark.parametrize(("setting", "ikm"), [("0,11", 90.56), ("0.111", 91.38), ("eksak", 91.48)])
def test_the_setting_chooses_the_convention_of_the_tiles_and_keeps_the_others_beside_it(
    tmp_path, monkeypatch, setting, ikm
):
    monkeypatch.setenv(IKM_PENIMBANG_ENV, setting)
    db = load_example(tmp_path)
    sql = "SELECT ikm FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2024"
    assert query(db, sql) == [(ikm,)]
    con = open_warehouse(db)
    try:
        unit = feedback.ikm_by_opd(con, everything()).iloc[0]
    finally:
        con.close()
    assert unit["ikm"] == ikm
    assert (unit["ikm_eksak"], unit["ikm_0111"], unit["ikm_011"]) == (91.48, 91.38, 90.56)


def test_the_convention_can_move_a_city_across_a_mutu_band(tmp_path, monkeypatch):
    # 4 respondents, 20 answers of 4 and 16 of 3: sum of NRR 128/4 = 32; exact 88,89 (A), 0,11 gives 88,00 (B)
    answers = (["4"] * 9, ["4"] * 9, ["4"] * 2 + ["3"] * 7, ["3"] * 9)
    rows = minimal_rows()
    rows["survei_kepuasan"] = [
        {"kota": "Pontianak", "opd": "RSUD", "tanggal": "2024-05-01", **{f"u{u + 1}": a for u, a in enumerate(row)}}
        for row in answers
    ]
    monkeypatch.setenv(IKM_PENIMBANG_ENV, "0,11")
    _, db = load_rows(tmp_path / "a", rows)
    monkeypatch.delenv(IKM_PENIMBANG_ENV)
    _, exact_db = load_rows(tmp_path / "b", rows)
    sql = "SELECT ikm, mutu_ikm FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2024"
    assert query(exact_db, sql) == [(88.89, "A")]
    assert query(db, sql) == [(88.0, "B")]


def test_an_unknown_setting_fails_the_load_and_changes_nothing(tmp_path, monkeypatch):
    db = load_example(tmp_path / "awal")
    before = db.read_bytes()
    monkeypatch.setenv(IKM_PENIMBANG_ENV, "0,1")

    report = pipeline.load(write_folder(tmp_path / "lagi", minimal_rows()), db)
    assert report.status == "failed"
    assert report.errors[0]["file"] == IKM_PENIMBANG_ENV
    assert "eksak, 0,111, 0,11" in report.errors[0]["message"]
    assert db.read_bytes() == before
