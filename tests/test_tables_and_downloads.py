"""Display tables, reshaping for charts and CSV downloads: headers in both languages, sums before the
small-group rule, Indonesian separators and a BOM."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analytics import metrics, queries
from analytics.meeting_files import downloads
from analytics.present import formatting as fmt
from analytics.present import reshape, tables
from analytics.queries import (
    quality,
)
from analytics.texts import TEXT

MISSING = "–"


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """This module's `con` reads the session's scorecard warehouse (tests/conftest.py)."""
    return scorecard_warehouse


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kota": ["Jambi", "Makassar"],
            "tahun": [2024, 2024],
            "jumlah_pns": [1_234_567, 890],
            "persen_20jp": [45.26, None],
            "ikm": [80.456, 77.25],
            "pagu": [1_500_000_000, None],
            "mutu_ikm": ["B", None],
            "tanpa_judul": [0.5, 2.26],
        }
    )


def test_display_table_indonesian() -> None:
    got = tables.display_table(_table(), "id")
    assert list(got.columns) == [
        "Kota",
        "Tahun",
        "Jumlah PNS",
        "% PNS ≥ 20 JP",
        "IKM",
        "Pagu (Rp)",
        "Mutu",
        "tanpa_judul",
    ]
    assert got.iloc[0].tolist() == ["Jambi", 2024, "1.234.567", "45,3%", "80,46", "1.500.000.000", "B", "0,5"]
    assert got.iloc[1].tolist() == ["Makassar", 2024, "890", MISSING, "77,25", MISSING, MISSING, "2,3"]


def test_display_table_english() -> None:
    got = tables.display_table(_table(), "en")
    assert list(got.columns)[:6] == ["City", "Year", "PNS", "% PNS ≥ 20 JP", "IKM", "Planned (IDR)"]
    assert got.iloc[0].tolist()[:6] == ["Jambi", 2024, "1,234,567", "45.3%", "80.46", "1,500,000,000"]


def test_display_table_keeps_the_source_untouched() -> None:
    df = _table()
    tables.display_table(df, "id")
    pd.testing.assert_frame_equal(df, _table())


def test_every_header_has_both_languages() -> None:
    headings = {key: names for key, names in TEXT.items() if key.startswith("col_")}
    assert len(headings) > 20
    for key, names in headings.items():
        assert names.get("id", "").strip() and names.get("en", "").strip(), key
    assert tables.header("kota", "en") == "City" and tables.header("kota", "id") == "Kota"
    assert tables.header("unknown_column", "id") == "unknown_column"


def test_wide_spreads_values_with_zero_for_absent() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Jambi", "Makassar"],
            "tahun": [2024, 2024, 2024, 2024],
            "sentimen": ["positif", "negatif", "positif", "netral"],
            "jumlah": [3, 1, 2, 5],
        }
    )
    got = reshape.wide(df, ["kota", "tahun"], "sentimen", "jumlah")
    assert set(got.columns) == {"kota", "tahun", "negatif", "netral", "positif"}
    rows = got.set_index("kota")
    assert rows.loc["Jambi", ["positif", "negatif", "netral"]].tolist() == [5, 1, 0]
    assert rows.loc["Makassar", ["positif", "negatif", "netral"]].tolist() == [0, 0, 5]


def test_reactions_by_kind_weights_by_responses() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Makassar"],
            "kelompok": ["klasikal", "klasikal", "e-learning"],
            "penyelenggara": ["BKPSDM", "LAN", "BKPSDM"],
            "jumlah_respon": [1, 3, 2],
            "skor_materi": [4.0, 2.0, 5.0],
            "skor_pengajar": [4.0, 4.0, 3.0],
            "skor_penyelenggaraan": [4.0, 4.0, 3.0],
            "skor_manfaat": [4.0, 4.0, 3.0],
        }
    )
    got = metrics.reactions_by_kind(df).set_index(["kota", "kelompok"])
    jambi = got.loc[("Jambi", "klasikal")]
    assert jambi["skor_materi"] == pytest.approx(2.5)  # (4*1 + 2*3) / 4
    assert jambi["jumlah_respon"] == 4
    assert jambi["skor_rata"] == pytest.approx((2.5 + 4 + 4 + 4) / 4)
    assert got.loc[("Makassar", "e-learning"), "skor_rata"] == pytest.approx(3.5)


def test_by_share_below_baik_sorts_the_worst_first() -> None:
    df = pd.DataFrame(
        {
            "kota": ["Jambi"] * 3,
            "opd": ["A", "B", "C"],
            "jumlah_dinilai": [10, 10, 20],
            "Sangat Baik": [5, 1, 2],
            "Baik": [5, 3, 14],
            "Butuh Perbaikan": [0, 4, 2],
            "Kurang": [0, 1, 1],
            "Sangat Kurang": [0, 1, 1],
        }
    )
    got = reshape.by_share_below_baik(df)
    assert got["opd"].tolist() == ["B", "C", "A"]  # 60%, 20%, 0%
    assert list(got.columns) == list(df.columns)
    assert got.index.tolist() == [0, 1, 2]


def test_aspirations_are_added_up_per_topic_before_the_small_group_rule(con, everything) -> None:
    rows = queries.aspirations(con, everything)
    got = queries.aspirations_by_topic(con, everything).set_index(["kota", "kategori"])["jumlah"]
    want = rows.groupby(["kota", "kategori"])["jumlah"].sum()
    assert got.sort_index().tolist() == want.sort_index().tolist()


def test_provider_labels_name_the_city() -> None:
    top = pd.DataFrame({"kota": ["Jambi", "Makassar"], "penyelenggara": ["BKPSDM", "LAN"]}, index=[5, 9])
    labelled = reshape.provider_labels(top)
    assert labelled["label"].tolist() == ["BKPSDM (Jambi)", "LAN (Makassar)"]
    assert labelled.index.tolist() == [0, 1]


def test_csv_bytes_indonesian_uses_semicolons_decimal_commas_and_a_bom() -> None:
    df = pd.DataFrame({"kota": ["Jambi", "Makassar"], "persen_20jp": [45.5, 60.25]})
    data = downloads.csv_bytes(df, "id")
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.splitlines() == ["kota;persen_20jp", "Jambi;45,5", "Makassar;60,25"]


def test_csv_bytes_english_uses_commas_and_decimal_points() -> None:
    df = pd.DataFrame({"kota": ["Jambi"], "persen_20jp": [45.5], "catatan": ["a, b"]})
    data = downloads.csv_bytes(df, "en")
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines() == ["kota,persen_20jp,catatan", 'Jambi,45.5,"a, b"']


def test_csv_bytes_keep_raw_values_and_non_ascii() -> None:
    df = pd.DataFrame({"opd": ["Dinas Kependudukan – Capil"], "pagu": [1_234_000_000]})
    text = downloads.csv_bytes(df, "id").decode("utf-8-sig")
    assert text.splitlines() == ["opd;pagu", "Dinas Kependudukan – Capil;1234000000"]


@pytest.mark.parametrize(
    ("value", "expected"), [(-744.0, "-Rp 744"), (22_300_000.0, "+Rp 22.300.000"), (0.0, "Rp 0"), (None, "–")]
)
def test_signed_puts_the_sign_before_the_unit(value, expected) -> None:
    assert fmt.signed(value, lambda v: fmt.rupiah(v, "id", compact=False)) == expected


def test_follow_up_shares_spreads_kinds_and_counts_people() -> None:
    rows = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Pontianak"],
            "tindak_lanjut": ["coaching", "tidak_ada", "pelatihan"],
            "jumlah": [3, 7, 4],
        }
    )
    out = metrics.follow_up_shares(rows)
    assert out.to_dict("records") == [
        {"kota": "Jambi", "coaching": 3, "pelatihan": 0, "tidak_ada": 7, "n": 10},
        {"kota": "Pontianak", "coaching": 0, "pelatihan": 4, "tidak_ada": 0, "n": 4},
    ]


def test_top_providers_keeps_those_with_enough_responses_best_first() -> None:
    base = {
        "kota": "Jambi",
        "kelompok": "klasikal",
        "skor_materi": 4.0,
        "skor_pengajar": 4.0,
        "skor_penyelenggaraan": 4.0,
        "skor_manfaat": 4.0,
    }
    reactions = pd.DataFrame(
        [
            {**base, "penyelenggara": "A", "jumlah_respon": 40},
            {**base, "penyelenggara": "B", "jumlah_respon": 10},
            {**base, "penyelenggara": "C", "jumlah_respon": 35, "skor_materi": 5.0},
        ]
    )
    assert list(metrics.top_providers(reactions)["kelompok"]) == ["C", "A"]


def test_completeness_asks_every_year_of_the_datasets_the_coverage_counts_and_only_those() -> None:
    sql = (Path(quality.__file__).parent / "sql" / "kualitas_cakupan.sql").read_text()
    counted = set(re.findall(r"'([a-z_]+)'(?: AS dataset)?,", sql))
    assert set(quality.YEARLY) == counted  # a dataset the coverage does not count would always read "semua"


def test_completeness_names_the_missing_years_of_each_kota_and_dataset() -> None:
    cover = pd.DataFrame(
        {
            "kota": ["Jambi", "Jambi", "Jambi", "Pontianak", "Pontianak"],
            "dataset": ["pegawai", "pegawai", "program", "pegawai", "apbd"],
            "tahun": [2024, 2025, 2025, 2024, None],  # a dataset with rows but no year counts as no year
            "baris": [10, 11, 3, 7, 1],
        }
    )
    table = quality.completeness(cover, ["Jambi", "Pontianak"], [2024, 2025])
    assert table.loc["Jambi", "pegawai"] == ""
    assert table.loc["Jambi", "program"] == "2024"
    assert table.loc["Pontianak", "pegawai"] == "2025"
    assert table.loc["Pontianak", "apbd"] == "semua"
    assert table.loc["Jambi", "peserta"] == "semua"
    assert list(table.index) == ["Jambi", "Pontianak"] and "kota" not in table.columns
    english = tables.completeness_for_screen(table, "en")
    assert english.loc["Pontianak", "apbd"] == "all" and english.loc["Jambi", "program"] == "2024"
    assert tables.completeness_for_screen(table, "id").loc["Jambi", "peserta"] == "semua"
    assert "semua" not in english.to_numpy() and "penilaian kinerja" in english.columns
