"""The 20-JP gap and impact analyses by hand: the marts kesenjangan_20jp and analisis_pegawai_tahun and the
queries behind Kesenjangan and Dampak (analytics.queries: budget, participation, performance) on a fixture small
enough to compute by hand.

Pontianak, years 2023-2025 (from the ratings and the 2024 activities); all PNS Fungsional of Dinas
Pendidikan unless said. JP earned in 2024 (nothing in 2023 or 2025):
  A 24 (P1)   B 10 (P2, and a mentee from 2024)   C 12 (P4 coaching)   D 40 (P1 + P2 + P3 bencana)
  F, G, H 0   E is PPPK (not a PNS) with 0.
Activities 2024, all organised by Pontianak: P1 klasikal 24 JP Rp 4.800.000 (A, D lulus; pre/post A 60->80,
D 50->60), P2 e-learning 10 JP Rp 200.000 (B, D), P3 "Kesiapsiagaan Bencana" 6 JP Rp 400.000 (D),
P4 coaching 12 JP Rp 120.000 (C). Cost per JP = 5.520.000 / (48 + 20 + 6 + 12) = 5.520.000 / 86.
Ratings 2023 -> 2024 -> 2025: A Baik -> Baik -> Sangat Baik; B Baik -> Baik -> Baik; C Butuh Perbaikan ->
Baik -> Baik; D Sangat Baik throughout; F Baik -> Baik -> Baik; G Baik -> Baik -> Sangat Baik;
H Butuh Perbaikan -> Kurang -> Butuh Perbaikan.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from by_definition import pairwise_gini
from conftest import load_rows, pegawai, program, query

from analytics import metrics, queries
from analytics.queries.filters import Filters

NIP = {k: f"19800101200001100{i}" for i, k in enumerate("ABCDEFGH")}
RATINGS = {
    "A": ("Baik", "Baik", "Sangat Baik"),
    "B": ("Baik", "Baik", "Baik"),
    "C": ("Butuh Perbaikan", "Baik", "Baik"),
    "D": ("Sangat Baik", "Sangat Baik", "Sangat Baik"),
    "F": ("Baik", "Baik", "Baik"),
    "G": ("Baik", "Baik", "Sangat Baik"),
    "H": ("Butuh Perbaikan", "Kurang", "Butuh Perbaikan"),
}
COST_PER_JP = 5_520_000 / 86


def rows() -> dict[str, list[dict]]:
    dates = {"tanggal_mulai": "2024-03-01", "tanggal_selesai": "2024-03-03"}
    return {
        "kota": [{"kota": "Pontianak", "provinsi": "Kalimantan Barat"}, {"kota": "Jambi", "provinsi": "Jambi"}],
        "apbd": [{"kota": "Pontianak", "tahun": "2024", "belanja_daerah": "2000000000"}],
        "anggaran": [
            {
                "kota": "Pontianak",
                "tahun": "2024",
                "kegiatan": "Diklat",
                "sumber_dana": "APBD",
                "pagu": "4000000",
                "realisasi": "3000000",
            }
        ],
        "pegawai": [
            *(pegawai(NIP[k]) for k in "ABCDFGH"),
            pegawai(NIP["E"], jenis_asn="PPPK", golongan=""),
        ],
        "program": [
            program("P1", jp="24", biaya="4800000", **dates),
            program("P2", jalur="nonklasikal", jenis="e-learning", jp="10", biaya="200000", **dates),
            program("P3", topik="Kesiapsiagaan Bencana", jp="6", biaya="400000", **dates),
            program("P4", jalur="nonklasikal", jenis="coaching", jp="12", biaya="120000", **dates),
        ],
        "peserta": [
            {"kode_program": "P1", "nip": NIP["A"], "status": "lulus", "nilai_pre": "60", "nilai_post": "80"},
            {"kode_program": "P1", "nip": NIP["D"], "status": "lulus", "nilai_pre": "50", "nilai_post": "60"},
            {"kode_program": "P2", "nip": NIP["B"], "status": "lulus"},
            {"kode_program": "P2", "nip": NIP["D"], "status": "lulus"},
            {"kode_program": "P3", "nip": NIP["D"], "status": "lulus"},
            {"kode_program": "P4", "nip": NIP["C"], "status": "lulus"},
        ],
        "penilaian_kinerja": [
            {"nip": NIP[k], "tahun": str(2023 + i), "predikat": p}
            for k, ratings in RATINGS.items()
            for i, p in enumerate(ratings)
        ],
        "mentoring": [
            {"nip_mentor": NIP["D"], "nip_mentee": NIP["B"], "tanggal_mulai": "2024-02-01", "jumlah_sesi": "6"}
        ],
        "survei_kepuasan": [
            {
                "kota": "Pontianak",
                "opd": "Dinas Pendidikan",
                "tanggal": "2024-05-01",
                **{f"u{i}": "4" for i in range(1, 10)},
            }
        ],
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report, db = load_rows(tmp_path_factory.mktemp("analisis"), rows())
    assert report.status == "ok" and report.errors == []
    return db


F2024 = Filters(("Pontianak",), 2024, 2024)


# --- marts ---------------------------------------------------------------------------------------------


def test_gap_mart_has_the_rows_of_the_scorecard(warehouse: Path) -> None:
    keys = "SELECT kota, tahun FROM {} ORDER BY ALL"
    assert query(warehouse, keys.format("kesenjangan_20jp")) == query(warehouse, keys.format("ringkasan_kota_tahun"))
    assert query(warehouse, "SELECT count(*), count(DISTINCT (kota, tahun)) FROM kesenjangan_20jp") == [(6, 6)]


def test_gap_mart_columns_by_hand(warehouse: Path) -> None:
    (row,) = query(
        warehouse,
        "SELECT jumlah_pns, pns_memenuhi_20jp, kekurangan_jp, biaya_per_jp, biaya_menutup_kesenjangan, realisasi,"
        " belanja_daerah, persen_apbd, target_016, selisih_target_016, gini_jp"
        " FROM kesenjangan_20jp WHERE kota = 'Pontianak' AND tahun = 2024",
    )
    n, reached, missing, per_jp, cost, realisasi, apbd, share, target, diff, gini = row
    assert (n, reached) == (7, 2)  # E is PPPK; A and D reach 20 JP
    assert missing == 0 + 10 + 8 + 0 + 20 + 20 + 20
    assert per_jp == pytest.approx(COST_PER_JP)
    assert cost == pytest.approx(78 * COST_PER_JP)
    assert (realisasi, apbd) == (3_000_000, 2_000_000_000)
    assert share == pytest.approx(0.15)
    assert target == pytest.approx(3_200_000)
    assert diff == pytest.approx(-200_000)
    # Sorted [0, 0, 0, 10, 12, 24, 40]: sum (2i - 8) x_i = 24 + 96 + 240 = 360; G = 360 / (7 x 86).
    assert gini == pytest.approx(360 / (7 * 86))
    assert gini == pytest.approx(pairwise_gini([24, 10, 12, 40, 0, 0, 0]))


def test_gap_mart_is_null_or_zero_where_parts_are_missing(warehouse: Path) -> None:
    got = query(
        warehouse,
        "SELECT kota, tahun, kekurangan_jp, biaya_menutup_kesenjangan, persen_apbd, gini_jp FROM kesenjangan_20jp"
        " WHERE tahun = 2023 ORDER BY kota",
    )
    # 2023: nobody earned JP (mean 0 -> no Gini), no activities (no cost per JP), no APBD row.
    assert got == [("Jambi", 2023, 0, None, None, None), ("Pontianak", 2023, 140, None, None, None)]


def test_sql_gini_equals_the_pairwise_definition_in_every_row(warehouse: Path) -> None:
    pairwise = query(
        warehouse,
        "SELECT a.kota, a.tahun, sum(abs(a.jp - b.jp)) / (2 * count(*) * avg(a.jp)) FROM int_pegawai_tahun AS a"
        " JOIN int_pegawai_tahun AS b USING (kota, tahun) WHERE a.jenis_asn = 'PNS' AND b.jenis_asn = 'PNS'"
        " GROUP BY ALL HAVING avg(a.jp) > 0 ORDER BY ALL",
    )
    mart = query(warehouse, "SELECT kota, tahun, gini_jp FROM kesenjangan_20jp WHERE gini_jp IS NOT NULL ORDER BY ALL")
    assert [r[:2] for r in mart] == [r[:2] for r in pairwise]
    assert [r[2] for r in mart] == pytest.approx([r[2] for r in pairwise])


def test_analysis_mart_has_the_rows_of_the_active_employees(warehouse: Path) -> None:
    keys = "SELECT id_pegawai, tahun FROM {} ORDER BY ALL"
    assert query(warehouse, keys.format("analisis_pegawai_tahun")) == query(warehouse, keys.format("int_pegawai_tahun"))
    assert query(warehouse, "SELECT count(*) = count(DISTINCT (id_pegawai, tahun)) FROM analisis_pegawai_tahun") == [
        (True,)
    ]


def test_analysis_mart_flags(warehouse: Path) -> None:
    got = query(
        warehouse,
        "SELECT tahun, jp, ikut_coaching, mulai_mentoring, terlatih_bencana, peringkat_sebelum, peringkat,"
        " peringkat_sesudah FROM analisis_pegawai_tahun ORDER BY tahun, jp, peringkat_sebelum NULLS FIRST",
    )
    y2024 = [r[1:] for r in got if r[0] == 2024]
    assert (12, True, False, False, 3, 2, 2) in y2024  # C: coached
    assert (10, False, True, False, 2, 2, 2) in y2024  # B: mentee
    assert (40, False, False, True, 1, 1, 1) in y2024  # D: disaster training
    # Disaster training counts from its year on, not before.
    assert [r[4] for r in got if r[0] == 2025 and r[5] == 1] == [True]  # D, rated Sangat Baik in 2024
    assert not any(r[4] for r in got if r[0] == 2023)


# --- queries -----------------------------------------------------------------------------------------


def test_jp_counts_feed_gini_and_lorenz(con) -> None:
    counts = queries.jp_counts(con, F2024)
    assert counts[["jp", "jumlah_pns"]].values.tolist() == [[0, 3], [10, 1], [12, 1], [24, 1], [40, 1]]
    people = [jp for jp, m in counts[["jp", "jumlah_pns"]].values.tolist() for _ in range(m)]
    assert metrics.gini(people) == pytest.approx(360 / (7 * 86))


def test_opd_gap(con) -> None:
    row = queries.opd_gap(con, F2024).iloc[0]
    assert (row.opd, row.jumlah_pns, row.pns_memenuhi_20jp, row.kekurangan_jp) == ("Dinas Pendidikan", 7, 2, 78)
    assert row.persen_20jp == pytest.approx(200 / 7)


def test_compliance_trend_rejects_unknown_breakdowns(con) -> None:
    with pytest.raises(ValueError):
        queries.compliance_trend(con, F2024, "nama")
    trend = queries.compliance_trend(con, Filters(("Pontianak",), 2023, 2025), "kategori_jabatan")
    assert trend["persen_20jp"].round(2).tolist() == [0, round(200 / 7, 2), 0]


def test_difference_in_differences_of_improving_after_training(con) -> None:
    cells = queries.training_cells(con, F2024, 1)
    # Starting Baik: trained A (improved), B; untrained F, G (improved). Starting Butuh Perbaikan: trained C
    # (improved), untrained H. D starts Sangat Baik and cannot improve.
    assert cells[["peringkat_awal", "n_a", "naik_a", "n_b", "naik_b"]].values.tolist() == [
        [2, 2, 1, 2, 1],
        [3, 1, 1, 1, 0],
    ]
    row = metrics.compare_cells(cells).iloc[0]
    assert (row.n_a, row.n_b) == (3, 3)
    assert row.persen_a == pytest.approx(100 * (2 / 3 * 0.5 + 1 / 3 * 1))
    assert row.persen_b == pytest.approx(100 * (2 / 3 * 0.5 + 1 / 3 * 0))
    assert row.selisih == pytest.approx(100 / 3)


def test_difference_in_differences_with_twenty_jp_as_trained(con) -> None:
    cells = queries.training_cells(con, F2024, 20)
    assert cells[["peringkat_awal", "n_a", "naik_a", "n_b", "naik_b"]].values.tolist() == [
        [2, 1, 1, 3, 1],
        [3, 0, 0, 2, 1],
    ]
    row = metrics.compare_cells(cells).iloc[0]
    assert row.selisih == pytest.approx(100 - 100 / 3)


def test_mentees_against_comparable_non_mentees(con) -> None:
    cells = queries.mentoring_cells(con, F2024).set_index("peringkat_awal")
    assert cells.loc[2, ["n_a", "naik_a", "baik_a", "n_b", "naik_b", "baik_b"]].tolist() == [1, 0, 1, 3, 2, 3]
    row = metrics.compare_cells(cells.reset_index()).iloc[0]
    assert row.selisih == pytest.approx(-200 / 3)


def test_follow_up_of_under_performers(con) -> None:
    got = queries.follow_up(con, Filters(("Pontianak",), 2023, 2024))
    assert got[["tahun_dinilai", "tindak_lanjut", "jumlah", "dinilai_sesudah", "baik_sesudah"]].values.tolist() == [
        [2023, "coaching", 1, 1, 1],  # C: coached in 2024, rated Baik
        [2023, "tidak_ada", 1, 1, 0],  # H: nothing, rated Kurang
        [2024, "tidak_ada", 1, 1, 0],  # H again: Kurang in 2024, nothing in 2025
    ]


def test_learning_gains_with_interval(con) -> None:
    out = metrics.mean_ci(queries.learning_gains(con, F2024), ["kelompok"]).iloc[0]
    assert (out.kelompok, out.n, out.rata) == ("klasikal", 2, 15)


def test_jp_and_ikm_per_unit(con) -> None:
    row = queries.jp_and_ikm(con, F2024).iloc[0]
    assert (row.opd, row.jumlah_asn, row.ikm, row.mutu_ikm) == ("Dinas Pendidikan", 8, 100, "A")
    assert row.jp_per_asn == pytest.approx(86 / 8)


def test_readiness_counts_disaster_training_up_to_the_year(con) -> None:
    row = queries.readiness(con, Filters(("Pontianak",), 2025, 2025)).iloc[0]
    assert (row.jumlah_asn, row.asn_terlatih, row.persen_terlatih) == (8, 1, 12.5)
    assert queries.readiness(con, Filters(("Pontianak",), 2023, 2023)).iloc[0].asn_terlatih == 0


# --- ratings of the neighbouring years, across a long span -----------------------------------------------

FAR = {
    1990: "Baik",
    2019: "Kurang",
    2020: "Sangat Baik",
    2021: "Baik",
    2029: "Baik",
    2030: "Kurang",
    2031: "Sangat Baik",
}


@pytest.fixture(scope="module")
def far_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A person rated in 1990 and again from 2019 to 2031: 2030 and 2031 lie more than 40 years after the
    first rating, beyond the per-person number the mart reads neighbouring ratings from."""
    data = rows()
    data["pegawai"].append(pegawai("198001012000011999", tmt_masuk="2000-01-01"))
    data["penilaian_kinerja"] += [{"nip": "198001012000011999", "tahun": str(y), "predikat": p} for y, p in FAR.items()]
    report, db = load_rows(tmp_path_factory.mktemp("jauh"), data)
    assert report.status == "ok" and report.errors == []
    return db


def test_neighbouring_ratings_equal_a_direct_lookup_for_every_person_and_year(far_warehouse: Path) -> None:
    direct = query(
        far_warehouse,
        "WITH n AS (SELECT id_pegawai, tahun, CASE predikat WHEN 'Sangat Baik' THEN 1 WHEN 'Baik' THEN 2"
        " WHEN 'Butuh Perbaikan' THEN 3 WHEN 'Kurang' THEN 4 WHEN 'Sangat Kurang' THEN 5 END AS r"
        " FROM stg_penilaian_kinerja)"
        " SELECT p.id_pegawai, p.tahun, n0.r, n1.r, n2.r FROM int_pegawai_tahun p"
        " LEFT JOIN n n0 ON n0.id_pegawai = p.id_pegawai AND n0.tahun = p.tahun - 1"
        " LEFT JOIN n n1 ON n1.id_pegawai = p.id_pegawai AND n1.tahun = p.tahun"
        " LEFT JOIN n n2 ON n2.id_pegawai = p.id_pegawai AND n2.tahun = p.tahun + 1 ORDER BY ALL",
    )
    mart = query(
        far_warehouse,
        "SELECT id_pegawai, tahun, peringkat_sebelum, peringkat, peringkat_sesudah FROM analisis_pegawai_tahun"
        " ORDER BY ALL",
    )
    assert mart == direct
    assert len(direct) > 100  # 1990-2031 for the long-serving person, plus the fixture's people


def test_ratings_beyond_forty_years_after_the_first_are_still_read(far_warehouse: Path) -> None:
    got = query(
        far_warehouse,
        "SELECT a.tahun, a.peringkat_sebelum, a.peringkat, a.peringkat_sesudah FROM analisis_pegawai_tahun a"
        " JOIN raw_pegawai p USING (id_pegawai) WHERE p._line = (SELECT max(_line) FROM raw_pegawai)"
        " AND a.tahun IN (2020, 2029, 2030, 2031) ORDER BY a.tahun",
    )
    assert got == [(2020, 4, 1, 2), (2029, None, 2, 4), (2030, 2, 4, 1), (2031, 4, 1, None)]
