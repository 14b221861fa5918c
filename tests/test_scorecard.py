"""The city-year scorecard `ringkasan_kota_tahun` on the fixture small enough to compute by hand:
scorecard_rows() of tests/conftest.py, whose docstring lists its people, activities and JP earned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_rows, query, scorecard_rows


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """The session's warehouse of scorecard_rows() (tests/conftest.py), loaded with no row rejected."""
    return scorecard_warehouse


def row(db: Path, kota: str, tahun: int) -> dict:
    """Return one scorecard row as a dict."""
    con_rows = query(db, "SELECT * FROM ringkasan_kota_tahun WHERE kota = ? AND tahun = ?", [kota, tahun])
    names = [r[0] for r in query(db, "SELECT column_name FROM (DESCRIBE ringkasan_kota_tahun)")]
    assert len(con_rows) == 1
    return dict(zip(names, con_rows[0], strict=True))


def test_grain_is_every_kota_for_every_year_from_earliest_to_latest(warehouse: Path) -> None:
    keys = query(warehouse, "SELECT kota, tahun FROM ringkasan_kota_tahun ORDER BY kota, tahun")
    assert keys == [(k, y) for k in ("Bukittinggi", "Jambi", "Pontianak") for y in (2022, 2023, 2024)]
    assert query(warehouse, "SELECT count(*) FROM ringkasan_kota_tahun WHERE kota IS NULL OR tahun IS NULL") == [(0,)]


def test_active_employees_are_counted_by_year(warehouse: Path) -> None:
    got = [
        (r["tahun"], r["jumlah_asn"], r["jumlah_pns"])
        for r in (row(warehouse, "Pontianak", y) for y in (2022, 2023, 2024))
    ]
    assert got == [(2022, 2, 2), (2023, 1, 1), (2024, 2, 1)]


def test_20jp_counts_pns_only_and_jp_from_any_organiser(warehouse: Path) -> None:
    r = row(warehouse, "Pontianak", 2024)
    assert (r["pns_memenuhi_20jp"], r["persen_20jp"]) == (1, 100.0)
    jambi = row(warehouse, "Jambi", 2024)
    assert (jambi["pns_memenuhi_20jp"], jambi["persen_20jp"]) == (0, 0.0)


def test_jp_total_and_participants_count_active_employees_with_lulus_rows(warehouse: Path) -> None:
    r = row(warehouse, "Pontianak", 2024)
    assert (r["jp_total"], r["jp_per_asn"], r["jumlah_peserta"]) == (50, 25.0, 2)
    assert (row(warehouse, "Pontianak", 2023)["jp_total"], row(warehouse, "Pontianak", 2023)["jumlah_peserta"]) == (
        0,
        0,
    )


def test_biaya_per_jp_divides_cost_by_jp_times_passed_participants(warehouse: Path) -> None:
    assert row(warehouse, "Pontianak", 2024)["biaya_per_jp"] == pytest.approx(4_800_000 / 64)
    assert row(warehouse, "Pontianak", 2023)["biaya_per_jp"] == pytest.approx(100_000)
    assert row(warehouse, "Jambi", 2024)["biaya_per_jp"] == pytest.approx(50_000)
    assert row(warehouse, "Pontianak", 2022)["biaya_per_jp"] is None


def test_budget_sums_and_absorption(warehouse: Path) -> None:
    r = row(warehouse, "Pontianak", 2022)
    assert (r["pagu"], r["realisasi"]) == (1_200_000_000, 1_000_000_000)
    assert r["persen_serapan"] == pytest.approx(100 * 1_000 / 1_200)
    jambi = row(warehouse, "Jambi", 2024)
    assert (jambi["pagu"], jambi["persen_serapan"]) == (0, None)
    assert row(warehouse, "Pontianak", 2024)["pagu"] is None


def test_ikm_averages_each_unsur_over_non_blank_answers(warehouse: Path) -> None:
    r = row(warehouse, "Pontianak", 2024)
    assert (r["ikm"], r["mutu_ikm"], r["jumlah_responden_ikm"]) == (pytest.approx(77.78), "B", 3)


def test_ikm_is_null_when_an_unsur_has_no_answers(warehouse: Path) -> None:
    r = row(warehouse, "Jambi", 2024)
    assert (r["ikm"], r["mutu_ikm"], r["jumlah_responden_ikm"]) == (None, None, 1)


def test_persen_sangat_baik_uses_the_employees_kota(warehouse: Path) -> None:
    assert row(warehouse, "Pontianak", 2024)["persen_sangat_baik"] == 50.0
    assert row(warehouse, "Pontianak", 2023)["persen_sangat_baik"] == 0.0
    assert row(warehouse, "Jambi", 2024)["persen_sangat_baik"] == 100.0


def test_city_without_data_has_zero_counts_and_null_ratios(warehouse: Path) -> None:
    r = row(warehouse, "Bukittinggi", 2024)
    assert (r["jumlah_asn"], r["jumlah_pns"], r["jumlah_responden_ikm"], r["jumlah_dinilai"]) == (0, 0, 0, 0)
    assert [
        r[k] for k in ("persen_20jp", "jp_total", "jp_per_asn", "pagu", "biaya_per_jp", "ikm", "persen_sangat_baik")
    ] == [None] * 7


def test_scorecard_is_empty_when_no_dated_dataset_has_rows(tmp_path: Path) -> None:
    rows = scorecard_rows()
    for name in ("program", "peserta", "anggaran", "survei_kepuasan", "penilaian_kinerja"):
        del rows[name]
    report, db = load_rows(tmp_path, rows)
    assert report.status == "ok"
    assert query(db, "SELECT count(*) FROM ringkasan_kota_tahun") == [(0,)]
