"""Grain and accounting identities of the marts, on the scorecard fixture and on demo data.

Every mart (etl/sql/marts/*.sql, each stating its grain in its header) has its key in GRAINS, and the key is
unique and never NULL in both warehouses; a new mart file without a grain here fails the suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.queries.db import open_warehouse
from etl.warehouse import connect


def query(db: Path, sql: str) -> list[tuple]:
    """Run a read-only query on a warehouse and return all rows, connected as the app connects (the session's
    demo warehouse may already be open in this process with the app's settings; DuckDB refuses a second
    connection to the same file with other settings)."""
    con = open_warehouse(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


MARTS_SQL = Path(__file__).resolve().parent.parent / "etl" / "sql" / "marts"
GRAINS = {  # mart: its key, as its header states it
    "int_tahun": ("tahun",),
    "ip_asn_opd_tahun": ("kota", "opd", "tahun", "jenis_asn"),
    "ip_asn_kota_tahun": ("kota", "tahun"),
    "capaian_indikator": ("kota", "tahun", "indikator"),
    "ringkasan_kota_tahun": ("kota", "tahun"),
    "kesenjangan_20jp": ("kota", "tahun"),
    "int_pegawai_tahun": ("id_pegawai", "tahun"),
    "analisis_pegawai_tahun": ("id_pegawai", "tahun"),
    "int_jp_pegawai_tahun": ("id_pegawai", "tahun"),
    "ikm_unsur_opd_tahun": ("kota", "opd", "tahun", "unsur"),
    "pegawai_segmen_tahun": (
        "kota",
        "tahun",
        "opd",
        "kategori_jabatan",
        "jenis_asn",
        "golongan",
        "jenis_kelamin",
        "kelompok_usia",
    ),
    "kegiatan": ("kode_program",),
    "ip_asn_pegawai_tahun": ("id_pegawai", "tahun"),
}
NULLABLE = {("pegawai_segmen_tahun", "golongan")}  # NULL for PPPK, and part of the key


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """The session's scorecard warehouse (tests/conftest.py)."""
    return scorecard_warehouse


def test_every_mart_has_its_grain_tested() -> None:
    assert sorted(GRAINS) == sorted(path.stem for path in MARTS_SQL.glob("*.sql"))


@pytest.mark.parametrize("mart", sorted(GRAINS))
@pytest.mark.parametrize("fixture", ["scorecard_warehouse", "demo_warehouse"])
def test_mart_key_is_unique_and_never_null(request: pytest.FixtureRequest, fixture: str, mart: str) -> None:
    db = request.getfixturevalue(fixture)
    key = ", ".join(GRAINS[mart])
    dupes = query(db, f"SELECT {key}, count(*) FROM {mart} GROUP BY ALL HAVING count(*) > 1")
    assert dupes == []
    for column in GRAINS[mart]:
        if (mart, column) not in NULLABLE:
            assert query(db, f"SELECT count(*) FROM {mart} WHERE {column} IS NULL") == [(0,)], column


@pytest.mark.parametrize("mart", sorted(GRAINS))
def test_every_mart_has_rows_in_the_demo_warehouse(demo_warehouse: Path, mart: str) -> None:
    # Else the grain test above would pass on nothing.
    assert query(demo_warehouse, f"SELECT count(*) FROM {mart}")[0][0] > 0


def test_segments_add_up_to_the_scorecard(warehouse: Path) -> None:
    columns = ["jumlah_asn", "jumlah_pns", "pns_memenuhi_20jp", "jp_total", "jumlah_peserta", "jumlah_dinilai"]
    sums = ", ".join(f"sum({c})::BIGINT" for c in columns)
    from_segments = query(warehouse, f"SELECT kota, tahun, {sums} FROM pegawai_segmen_tahun GROUP BY ALL ORDER BY ALL")
    scorecard = query(
        warehouse,
        f"SELECT kota, tahun, {', '.join(columns)} FROM ringkasan_kota_tahun"
        " WHERE jumlah_asn > 0 OR jumlah_dinilai > 0 ORDER BY ALL",
    )
    assert [tuple(0 if v is None else v for v in r) for r in from_segments] == [
        tuple(0 if v is None else v for v in r) for r in scorecard
    ]


def test_segments_count_sangat_baik_like_the_scorecard(warehouse: Path) -> None:
    got = query(
        warehouse,
        "SELECT kota, tahun, 100.0 * sum(predikat_sangat_baik) / sum(jumlah_dinilai) FROM pegawai_segmen_tahun"
        " GROUP BY ALL HAVING sum(jumlah_dinilai) > 0 ORDER BY ALL",
    )
    want = query(
        warehouse,
        "SELECT kota, tahun, persen_sangat_baik FROM ringkasan_kota_tahun WHERE jumlah_dinilai > 0 ORDER BY ALL",
    )
    assert got == want


def test_kegiatan_counts_participants_by_status(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "SELECT kode_program, jumlah_terdaftar, jumlah_lulus, jumlah_tidak_lulus, jumlah_tidak_hadir, jp_lulus,"
        " kelompok FROM kegiatan ORDER BY kode_program",
    )
    assert rows == [
        ("P1", 3, 2, 1, 0, 48, "klasikal"),
        ("P2", 2, 2, 0, 0, 20, "klasikal"),
        ("P3", 2, 2, 0, 0, 16, "e-learning"),
        ("P4", 2, 1, 0, 1, 30, "klasikal"),
    ]


def test_ikm_unsur_counts_blank_answers_as_missing(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "SELECT opd, unsur, jumlah_jawaban, total_nilai, jumlah_responden FROM ikm_unsur_opd_tahun"
        " WHERE kota = 'Pontianak' AND unsur IN ('u1', 'u9') ORDER BY opd, unsur",
    )
    assert rows == [
        ("Disdukcapil", "u1", 2, 7, 2),
        ("Disdukcapil", "u9", 1, 4, 2),
        ("RSUD", "u1", 1, 2, 1),
        ("RSUD", "u9", 1, 4, 1),
    ]


@pytest.mark.parametrize(
    ("ikm", "mutu"),
    [(100.0, "A"), (88.31, "A"), (88.30, "B"), (76.61, "B"), (76.60, "C"), (65.00, "C"), (64.99, "D"), (25.0, "D")],
)
def test_mutu_ikm_bands_follow_permenpanrb_14_2017(warehouse: Path, ikm: float, mutu: str) -> None:
    con = connect(warehouse, read_only=True)
    try:
        assert con.execute("SELECT mutu_ikm($ikm::DECIMAL(5, 2))", {"ikm": ikm}).fetchone()[0] == mutu
    finally:
        con.close()


def test_ikm_needs_all_nine_unsur(warehouse: Path) -> None:
    con = connect(warehouse, read_only=True)
    try:
        assert con.execute("SELECT ikm_dari_nrr(27, 9), ikm_dari_nrr(24, 8)").fetchone() == (75.0, None)
    finally:
        con.close()


def test_macros_are_usable_from_a_read_only_connection(warehouse: Path) -> None:
    con = open_warehouse(warehouse)
    try:
        assert con.execute("SELECT mutu_ikm(90)").fetchone() == ("A",)
    finally:
        con.close()
