"""Small groups: numbers about fewer than 5 people read '<5' on screen, in downloads and in meeting files,
and cannot be worked out from the other figures of the same table (analytics.privacy)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import load_rows, minimal_rows
from openpyxl import load_workbook

from analytics import metrics, privacy, queries
from analytics.context import PageContext
from analytics.meeting_files import content, render
from analytics.meeting_files.downloads import csv_bytes
from analytics.present.tables import display_table
from analytics.privacy import min_group, release
from analytics.queries import PREDIKAT_COLUMNS
from analytics.queries.db import open_warehouse
from analytics.queries.declare import declaration_of
from analytics.queries.filters import Filters

S = "<5"

# The rule's view of every column name these tests use (the names the pages' queries declare alike).
# Columns that count people (or things that each stand for one person: a rating, a response, a pair).
COUNTS = frozenset(
    {
        "jumlah_asn",
        "jumlah_pns",
        "pns_memenuhi_20jp",
        "asn_memenuhi_20jp",
        "jumlah_pns_awal",
        "pns_memenuhi_20jp_awal",
        "jumlah_peserta",
        "jumlah_dinilai",
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
        "jumlah_lulus",
        "jumlah_terdaftar",
        "jumlah_tidak_lulus",
        "jumlah_tidak_hadir",
        "jumlah_responden",
        "jumlah_responden_ikm",
        "jumlah_respon",
        "jumlah_jawaban",
        "jumlah_penghargaan",
        "pasangan_mentoring",
        "peserta_coaching",
        "asn_terlatih",
        "n",
        "n_a",
        "n_b",
        "naik_a",
        "naik_b",
        "baik_a",
        "baik_b",
        "n_a_tanpa_pembanding",
        "jumlah",
        "dinilai_sesudah",
        "baik_sesudah",
        "dinilai_ditindak",
        "dinilai_tidak",
        # Columns our reshapes make from a count (analytics.reshape.wide, follow_up_shares).
        "positif",
        "netral",
        "negatif",
        "coaching",
        "pelatihan",
        "tidak_ada",
    }
)

# Shares (0-100): (denominator, numerator columns). When a share's numerators are not all in the table, the
# count it implies (share x denominator / 100) is checked as a count (rule 2). persen_a / persen_b are
# re-weighted shares (analytics.metrics.compare_cells): the implied count is close, and checking it errs on
# the side of hiding.
IMPLIED: dict[str, tuple[str, tuple[str, ...]]] = {
    "persen_20jp": ("jumlah_pns", ("pns_memenuhi_20jp",)),
    "persen_20jp_awal": ("jumlah_pns_awal", ("pns_memenuhi_20jp_awal",)),
    "persen_asn_20jp": ("jumlah_asn", ("asn_memenuhi_20jp",)),
    "persen_sangat_baik": ("jumlah_dinilai", ("Sangat Baik",)),
    "persen_di_bawah_baik": ("jumlah_dinilai", ("Butuh Perbaikan", "Kurang", "Sangat Kurang")),
    "persen_lulus": ("jumlah_terdaftar", ("jumlah_lulus",)),
    "persen_tidak_hadir": ("jumlah_terdaftar", ("jumlah_tidak_hadir",)),
    "persen_terlatih": ("jumlah_asn", ("asn_terlatih",)),
    "persen_coaching": ("jumlah", ("coaching",)),
    "persen_pelatihan": ("jumlah", ("coaching", "pelatihan")),
    "persen_baik_ditindak": ("dinilai_ditindak", ("baik_ditindak",)),
    "persen_baik_tidak": ("dinilai_tidak", ("baik_tidak",)),
    "persen_a": ("n_a", ("naik_a",)),
    "persen_b": ("n_b", ("naik_b",)),
}

# Figures computed from counts: suppressed when any count they come from (present in the table) is. Every
# share of IMPLIED comes from its numerators and its denominator.
DERIVED: dict[str, tuple[str, ...]] = {
    **{share: (*numerators, denominator) for share, (denominator, numerators) in IMPLIED.items()},
    "jp_total": ("jumlah_asn",),
    "jp_per_asn": ("jumlah_asn",),
    "persen": ("jumlah_pns", "jumlah"),
    "ikm": ("jumlah_responden", "jumlah_responden_ikm"),
    "mutu_ikm": ("jumlah_responden", "jumlah_responden_ikm"),
    "nrr": ("jumlah_jawaban",),
    "nilai_konversi": ("jumlah_jawaban",),
    "skor_materi": ("jumlah_respon",),
    "skor_pengajar": ("jumlah_respon",),
    "skor_penyelenggaraan": ("jumlah_respon",),
    "skor_manfaat": ("jumlah_respon",),
    "skor_rata": ("jumlah_respon",),
    "kekurangan_jp": ("jumlah_pns",),
    "biaya_menutup_kesenjangan": ("jumlah_pns",),
    "gini_jp": ("jumlah_pns",),
    "selisih": ("n_a", "n_b", "persen_a", "persen_b"),
    "ci_rendah": ("n_a", "n_b", "n", "persen_a", "persen_b"),
    "ci_tinggi": ("n_a", "n_b", "n", "persen_a", "persen_b"),
    "rata": ("n",),
    "sd": ("n",),
}

# (total, parts) that add up within a row; parts missing from the table (and the complement of a single
# part) form the hidden remainder.
PARTITIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("jumlah_dinilai", PREDIKAT_COLUMNS),
    ("jumlah_terdaftar", ("jumlah_lulus", "jumlah_tidak_lulus", "jumlah_tidak_hadir")),
    ("jumlah_pns", ("pns_memenuhi_20jp",)),
    ("jumlah_pns_awal", ("pns_memenuhi_20jp_awal",)),
    ("jumlah_asn", ("asn_memenuhi_20jp",)),
    ("jumlah_asn", ("asn_terlatih",)),
    ("n_a", ("naik_a",)),
    ("n_b", ("naik_b",)),
    ("n", ("coaching", "pelatihan", "tidak_ada")),
    ("jumlah", ("coaching", "pelatihan", "tidak_ada")),  # metrics.follow_up_summary
)
RULES = privacy.Rules(COUNTS, tuple(IMPLIED.items()), tuple(DERIVED.items()), PARTITIONS)


def suppress(df: pd.DataFrame, k: int | None = None) -> pd.DataFrame:
    """The rule applied with RULES, as the guarded path applies it with a query's declaration."""
    return privacy.suppress(df, k, rules=RULES)


def mask(df: pd.DataFrame, k: int | None = None) -> pd.DataFrame:
    return privacy.mask(df, k, rules=RULES)


def for_chart(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    return privacy.for_chart(df, rules=RULES)


def hidden_cells(df: pd.DataFrame) -> set[tuple[int, str]]:
    m = mask(df)
    return {(i, c) for c in m.columns for i in m.index if m.at[i, c]}


def test_counts_of_one_to_four_people_are_hidden_and_zero_and_five_are_shown() -> None:
    df = pd.DataFrame({"kota": ["A", "B", "C", "D"], "jumlah_asn": [0, 1, 4, 5]})
    assert suppress(df)["jumlah_asn"].tolist() == [0, S, S, 5]


def test_columns_that_do_not_count_people_are_left_alone() -> None:
    df = pd.DataFrame({"kota": ["A"], "pagu": [3], "jp_lulus": [2], "jumlah_kegiatan": [1], "biaya_per_jp": [4.0]})
    pd.testing.assert_frame_equal(suppress(df), df)


def test_a_share_on_a_small_denominator_or_numerator_is_hidden() -> None:
    df = pd.DataFrame(
        {
            "kota": ["A", "B", "C"],
            "jumlah_pns": [3, 40, 40],
            "pns_memenuhi_20jp": [3, 2, 20],
            "persen_20jp": [100.0, 5.0, 50.0],
        }
    )
    out = suppress(df)
    assert out["persen_20jp"].tolist() == [S, S, 50.0]
    assert out.loc[0, "jumlah_pns"] == S and out.loc[1, "pns_memenuhi_20jp"] == S


def test_means_and_scores_of_a_small_group_are_hidden() -> None:
    df = pd.DataFrame({"kota": ["A", "B"], "jumlah_asn": [2, 50], "jp_total": [40, 900], "jp_per_asn": [20.0, 18.0]})
    assert suppress(df).iloc[0].tolist() == ["A", S, S, S]
    reactions = pd.DataFrame({"kelompok": ["x", "y"], "jumlah_respon": [3, 9], "skor_rata": [4.5, 4.0]})
    assert suppress(reactions)["skor_rata"].tolist() == [S, S]  # y too: the only other cell of its column


def test_a_small_remainder_hides_the_part_that_reveals_it() -> None:
    # 38 of 40 reached 20 JP: the 2 who did not would be 40 - 38.
    df = pd.DataFrame({"kota": ["A"], "jumlah_pns": [40], "pns_memenuhi_20jp": [38], "persen_20jp": [95.0]})
    assert suppress(df).iloc[0].tolist() == ["A", 40, S, S]


def test_one_hidden_predikat_in_a_row_hides_the_next_smallest_too() -> None:
    row = {"kota": "A", "tahun": 2024, "jumlah_dinilai": 100, "Sangat Baik": 10, "Baik": 76}
    row |= {"Butuh Perbaikan": 11, "Kurang": 3, "Sangat Kurang": 0, "persen_sangat_baik": 10.0}
    out = suppress(pd.DataFrame([row])).iloc[0]
    assert out["Kurang"] == S
    assert out["Sangat Baik"] == S  # the next smallest non-zero part: else 100 - 76 - 11 - 0 - 10 = 3
    assert out["persen_sangat_baik"] == S and out["Sangat Kurang"] == 0 and out["Baik"] == 76


def test_a_row_whose_only_part_is_hidden_hides_its_total() -> None:
    df = pd.DataFrame({"kota": ["A"], "jumlah_dinilai": [60], "Sangat Baik": [2]})
    # parts Baik ... Sangat Kurang are not in the table: the remainder 58 is not small, one part hidden
    assert suppress(df).iloc[0].tolist() == ["A", S, S]


def test_one_hidden_cell_in_a_breakdown_hides_the_next_smallest_of_the_same_city() -> None:
    # Bands of one city add up to its PNS; the shares give the total away, so one '<5' is not enough.
    df = pd.DataFrame(
        {
            "kota": ["A", "A", "A", "B", "B"],
            "rentang_jp": ["0", "1-9", "20-29", "0", "1-9"],
            "jumlah_pns": [3, 12, 30, 50, 60],
            "persen": [6.7, 26.7, 66.7, 45.5, 54.5],
        }
    )
    assert hidden_cells(df) == {(0, "jumlah_pns"), (0, "persen"), (1, "jumlah_pns"), (1, "persen")}


def test_two_hidden_cells_in_a_breakdown_need_nothing_more() -> None:
    df = pd.DataFrame({"kota": ["A"] * 3, "opd": ["x", "y", "z"], "jumlah_asn": [2, 4, 30]})
    assert suppress(df)["jumlah_asn"].tolist() == [S, S, 30]


def test_hidden_cells_of_a_breakdown_that_add_up_to_fewer_than_five_hide_one_more() -> None:
    # 1 + 2 people hidden, 30 shown: the city's total (known from its tile) minus 30 gives away "3".
    df = pd.DataFrame({"kota": ["A"] * 3, "opd": ["x", "y", "z"], "jumlah_asn": [1, 2, 30]})
    assert suppress(df)["jumlah_asn"].tolist() == [S, S, S]


def test_hidden_parts_of_a_row_that_add_up_to_fewer_than_five_hide_one_more() -> None:
    df = pd.DataFrame(
        {
            "kota": ["A"],
            "jumlah_dinilai": [60],
            "Sangat Baik": [1],
            "Baik": [50],
            "Butuh Perbaikan": [7],
            "Kurang": [1],
            "Sangat Kurang": [1],
        }
    )
    shown = suppress(df).iloc[0].tolist()
    assert shown == ["A", 60, S, 50, S, S, S]


def test_a_number_that_labels_a_breakdown_is_a_breakdown_too() -> None:
    # PNS per exact JP add up to the city's PNS, a known total: 41 - 30 - 10 would be the 1 with 8 JP.
    df = pd.DataFrame({"kota": ["A"] * 3, "jp": [0, 8, 24], "jumlah_pns": [30, 1, 10]})
    shown = privacy.suppress(df, rules=release.rules_of(declaration_of(queries.jp_counts)))
    assert shown["jumlah_pns"].tolist() == [30, S, S]
    assert shown["jp"].tolist() == [0, 8, 24]  # the labels stay


def test_each_label_of_a_two_way_breakdown_and_the_city_as_a_whole_keep_a_hidden_cell_company() -> None:
    # Responses per kind of activity and provider. Kind x has one provider with responses: alone in its kind,
    # the 2 is hidden alone, and the city's total (known from the responses per kind) less the rest gives it
    # back, unless another cell of provider p (and then of kind y) goes too.
    df = pd.DataFrame(
        {
            "kota": ["A"] * 4,
            "kelompok": ["x", "x", "y", "y"],
            "penyelenggara": ["p", "q", "p", "q"],
            "jumlah_respon": [2, 0, 30, 40],
        }
    )
    shown = privacy.suppress(df, rules=release.rules_of(declaration_of(queries.reactions)))
    assert shown["jumlah_respon"].tolist() == [S, 0, S, S]
    hidden = [v for v, s in zip(df["jumlah_respon"], shown["jumlah_respon"], strict=True) if s == S]
    assert len(hidden) >= 2 and sum(hidden) >= 5  # the city's total less the shown cells gives no cell back


def test_a_figure_not_declared_about_no_people_goes_with_the_counts_of_its_row() -> None:
    # Anggaran's cost per kind of activity: 3 coached participants at Rp 1.000.000 each.
    df = pd.DataFrame(
        {
            "kota": ["A", "A", "A"],
            "kelompok": ["klasikal", "mentoring/coaching", "e-learning"],
            "biaya": [12e6, 3e6, 8e5],
            "jp_lulus": [216, 30, 48],
            "jumlah_lulus": [9, 3, 6],
            "biaya_per_jp": [55_555.6, 100_000.0, 16_666.7],
            "biaya_per_peserta": [1_333_333.3, 1_000_000.0, 133_333.3],
        }
    )
    shown = privacy.suppress(df, rules=release.rules_of(declaration_of(queries.cost_by_kind))).set_index("kelompok")
    for kelompok in ("mentoring/coaching", "e-learning"):  # the 3, and the next smallest beside it
        assert (shown.loc[kelompok, ["jp_lulus", "jumlah_lulus", "biaya_per_jp", "biaya_per_peserta"]] == S).all()
    assert shown["biaya"].tolist() == [12e6, 3e6, 8e5]  # money is about no people
    assert shown.loc["klasikal", "biaya_per_peserta"] == 1_333_333.3


def test_cities_over_years_are_not_a_breakdown() -> None:
    df = pd.DataFrame({"kota": ["A", "A", "B"], "tahun": [2023, 2024, 2024], "jumlah_asn": [3, 40, 50]})
    assert suppress(df)["jumlah_asn"].tolist() == [S, 40, 50]


def test_suppressing_twice_changes_nothing() -> None:
    df = pd.DataFrame({"kota": ["A", "A"], "opd": ["x", "y"], "jumlah_pns": [3, 9], "persen_20jp": [0.0, 50.0]})
    once = suppress(df)
    pd.testing.assert_frame_equal(suppress(once), once)


def test_the_group_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    df = pd.DataFrame({"kota": ["A", "B"], "jumlah_asn": [7, 12]})
    monkeypatch.setenv("ASN_MIN_GROUP", "10")
    assert min_group() == 10 and suppress(df)["jumlah_asn"].tolist() == ["<10", 12]
    monkeypatch.setenv("ASN_MIN_GROUP", "tidak angka")
    assert min_group() == 5 and suppress(df)["jumlah_asn"].tolist() == [7, 12]


def test_charts_get_missing_values_instead_of_small_groups() -> None:
    df = pd.DataFrame({"kota": ["A", "A", "A"], "nilai": ["x", "y", "z"], "jumlah_pns": [2, 8, 40]})
    df["persen_20jp"] = [50.0, 25.0, 75.0]
    out, hidden = for_chart(df)
    assert pd.api.types.is_float_dtype(out["persen_20jp"])
    assert hidden.equals(mask(df)) and out["persen_20jp"].isna().equals(hidden["persen_20jp"])
    # The shares imply 1, 2 and 30 PNS at 20 JP: the two hidden ones add up to 3, so 30 goes too.
    assert out["persen_20jp"].isna().tolist() == [True, True, True]
    assert out["jumlah_pns"].isna().tolist() == [True, True, True]  # with its share hidden, a total gives its remainder


def test_screen_table_and_csv_download_read_less_than_five() -> None:
    raw = pd.DataFrame({"kota": ["Jambi"], "jumlah_pns": [1], "pns_memenuhi_20jp": [0], "persen_20jp": [0.0]})
    df = privacy.suppress(
        raw, rules=release.rules_of(declaration_of(queries.scorecard))
    )  # as the guarded path releases it
    screen = display_table(df, "id")
    assert screen.iloc[0].tolist() == ["Jambi", S, "0", S]
    text = csv_bytes(df, "id").decode("utf-8-sig")
    assert text.splitlines()[1] == "Jambi;<5;0;<5"


# Meeting files from a tiny warehouse built by the real pipeline: two PNS in Pontianak, one PPPK in Jambi.


@pytest.fixture(scope="module")
def tiny_report(minimal_warehouse: Path) -> content.Report:
    con = open_warehouse(minimal_warehouse)
    try:
        info = queries.warehouse_info(con)
        f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
        return content.overview(release.Reader(con), PageContext("id", f, info))
    finally:
        con.close()


def test_xlsx_built_from_a_tiny_warehouse_shows_less_than_five(tiny_report: content.Report) -> None:
    book = load_workbook(io.BytesIO(render(tiny_report, "xlsx")))
    rows = list(book["tren_20jp"].iter_rows(min_row=5, values_only=True))
    pontianak = [r for r in rows if r[0] == "Pontianak"]
    assert pontianak and all(r[2] == S and r[4] == S for r in pontianak)  # 2 PNS: count and share hidden
    appendix = [c for row in book["lampiran"].iter_rows(min_row=5, values_only=True) for c in row]
    assert S in appendix and 2 not in appendix


def test_csv_zip_and_html_from_a_tiny_warehouse_show_less_than_five(tiny_report: content.Report) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render(tiny_report, "csv")))
    first = archive.read(archive.namelist()[0]).decode("utf-8-sig").splitlines()
    assert any(line.startswith("Pontianak;") and ";<5;" in line for line in first)
    html = render(tiny_report, "html").decode("utf-8")
    assert "&lt;5" in html  # the appendix and the chart tables


def test_the_screen_table_of_a_page_shows_less_than_five(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from in_process_app import ROOT, open_page, start

    from settings import WAREHOUSE_ENV

    report, db = load_rows(tmp_path, minimal_rows())
    assert report.status == "ok"
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.chdir(ROOT)
    at = open_page(start(), "profil_kota")
    assert [e.value for e in at.exception] == []
    tables = [d.value for d in at.dataframe]
    assert any((table == S).any().any() for table in tables)
    assert not any((table.astype(str) == "2").any().any() for table in tables if "Jumlah PNS" in table.columns)


# The rule beyond one table: implied counts, picking rows, rankings, and what tiles, findings and charts read.


def test_a_share_without_its_numerator_is_checked_through_the_count_it_implies() -> None:
    # An agency table with jumlah_pns and persen_20jp only: 95% of 40 says 2 did not reach 20 JP.
    df = pd.DataFrame({"opd": ["x", "y", "z"], "jumlah_pns": [40, 40, 60], "persen_20jp": [95.0, 50.0, 40.0]})
    out = suppress(df)
    assert out["persen_20jp"].tolist() == [S, S, 40.0]  # y: the next smallest implied count (20 of 40)
    # As with a numerator column: a row whose only part is hidden hides its total (the rest may stand in
    # another table), and that total is then not alone in its column.
    assert out["jumlah_pns"].tolist() == [S, S, 60]


def test_a_breakdown_is_suppressed_whole_before_rows_are_picked() -> None:
    from analytics.present.reshape import pick

    df = pd.DataFrame({"kota": ["A"] * 4, "opd": ["w", "x", "y", "z"], "jumlah_pns": [3, 6, 50, 60]})
    picked = pick(suppress(df), opd=["x", "y"])
    assert picked["jumlah_pns"].tolist() == [S, 50]  # x is the cell that keeps w's '<5' from being alone
    assert suppress(df[df["opd"].isin(["x", "y"])])["jumlah_pns"].tolist() == [6, 50]  # picked first: x shows


def test_the_lowest_rows_leave_hidden_values_unranked() -> None:
    from analytics.present.reshape import lowest

    df = pd.DataFrame(
        {
            "kota": ["A"] * 4,
            "opd": ["w", "x", "y", "z"],
            "jumlah_pns": [3, 40, 50, 60],
            "pns_memenuhi_20jp": [0, 10, 40, 30],
            "persen_20jp": [0.0, 25.0, 80.0, 50.0],
        }
    )
    assert lowest(suppress(df), "persen_20jp", 2, kota="A")["opd"].tolist() == ["z", "y"]  # w and x are hidden


def test_a_ranking_puts_hidden_rows_last_in_label_order() -> None:
    from analytics.privacy import shown_first

    df = pd.DataFrame({"opd": ["c", "a", "d", "b"], "jumlah_asn": [2, 50, 40, 3], "persen_terlatih": [0, 60, 50, 0]})
    ranked = shown_first(suppress(df), ["jumlah_asn", "persen_terlatih"], "opd")
    assert ranked["opd"].tolist() == ["a", "d", "b", "c"]


def test_tiles_findings_and_comparison_read_less_than_five_from_the_page_scorecard() -> None:
    from analytics.present.findings import findings
    from analytics.present.overview import city_tiles, compare_with_others

    rows = [
        ("Jambi", 2024, 3, 3, 100.0, 70.0),
        ("Jambi", 2025, 4, 2, 50.0, 72.0),
        ("Makassar", 2024, 80, 40, 50.0, 80.0),
        ("Makassar", 2025, 80, 48, 60.0, 82.0),
        ("Pontianak", 2025, 60, 30, 50.0, 90.0),
    ]
    raw = pd.DataFrame(rows, columns=["kota", "tahun", "jumlah_pns", "pns_memenuhi_20jp", "persen_20jp", "ikm"])
    raw = raw.assign(jumlah_responden_ikm=300, mutu_ikm="B", jp_per_asn=20.0, persen_serapan=90.0)
    raw = raw.assign(pagu=1e9, realisasi=9e8, biaya_per_jp=5e4, persen_sangat_baik=10.0)
    page = suppress(raw)
    jambi = {tile.label: tile for tile in city_tiles(page, 2025, "id")["Jambi"]}
    tile = jambi["PNS mencapai 20 JP"]
    assert (tile.value, tile.delta) == (S, None) and "2" not in tile.help and S in tile.help
    said = findings(page, 2025, "id")
    assert said[-1].startswith("Jambi: ") and not any("50%" in s and "Jambi" in s for s in said)
    compared = compare_with_others(page, "Pontianak", 2025, "id").set_index("Metrik")
    assert compared.loc["PNS mencapai 20 JP", "Rata-rata kota lain"] == "60,0%"  # Makassar only, not (60 + 50) / 2


def test_two_nested_follow_up_shares_cannot_give_away_the_small_group_between_them() -> None:
    # coaching 50, other training 2, none 48: persen_pelatihan - persen_coaching would read back the 2.
    rows = pd.DataFrame(
        {
            "kota": ["A"] * 3,
            "tahun_dinilai": [2024] * 3,
            "tindak_lanjut": ["coaching", "pelatihan", "tidak_ada"],
            "jumlah": [50, 2, 48],
            "dinilai_sesudah": [50, 2, 48],
            "baik_sesudah": [40, 1, 30],
        }
    )
    rules = release.rules_of(declaration_of(queries.follow_up_summary))
    shown = privacy.suppress(metrics.follow_up_summary(rows), rules=rules).iloc[0]
    assert shown["pelatihan"] == "<5" and shown["persen_pelatihan"] == "<5"
    assert shown["tidak_ada"] == "<5"  # the only other part: with the total it would give the 2 back
    assert shown["coaching"] == 50 and shown["jumlah"] == 100


def test_the_start_year_share_is_judged_by_the_start_years_people() -> None:
    # 50 PNS now, but only 1 in the first year: its 100% would say what that one person did.
    gap = pd.DataFrame(
        {
            "kota": ["A", "A"],
            "opd": ["Baru", "Lama"],
            "jumlah_pns": [50, 40],
            "pns_memenuhi_20jp": [30, 20],
            "persen_20jp": [60.0, 50.0],
            "kekurangan_jp": [100, 200],
            "jumlah_pns_awal": [1, 40],
            "pns_memenuhi_20jp_awal": [1, 10],
            "persen_20jp_awal": [100.0, 25.0],
        }
    )
    shown = privacy.suppress(gap, rules=release.rules_of(declaration_of(queries.opd_gap))).set_index("opd")
    assert shown.loc["Baru", "persen_20jp_awal"] == "<5" and shown.loc["Baru", "jumlah_pns_awal"] == "<5"
    assert shown.loc["Baru", "persen_20jp"] == 60.0  # this year's figures stand on 50 people
    assert shown.loc["Lama", "persen_20jp_awal"] == "<5"  # never the only hidden cell of its breakdown
    assert shown.loc["Lama", "persen_20jp"] == 50.0
