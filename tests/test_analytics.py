"""The Streamlit-free analytics layer: number formats, texts, queries on a hand-computed warehouse,
findings, overview tiles, display tables, reshaping and CSV downloads."""

from __future__ import annotations

import ast
import inspect
import math
import re
import string
from pathlib import Path

import pandas as pd
import pytest
from conftest import QUERY_ARGS

from analytics import metrics, queries
from analytics.meeting_files import downloads
from analytics.present import formatting as fmt
from analytics.present import reshape, tables
from analytics.present.findings import findings
from analytics.present.overview import cities_in, city_tiles, compare_with_others, in_range
from analytics.queries import (
    DIMENSIONS,
    compliance_by,
    quality,
    scorecard,
)
from analytics.queries.db import open_warehouse
from analytics.queries.declare import COUNT, DECLARATIONS
from analytics.queries.filters import Filters
from analytics.texts import LANGS, TEXT, t

ROOT = Path(__file__).resolve().parent.parent
MISSING = "–"


# --- formatting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234567.5, "id", 1, "1.234.567,5"),
        (1234567.5, "en", 1, "1,234,567.5"),
        (1234567, "id", 0, "1.234.567"),
        (1234567, "en", 0, "1,234,567"),
        (0.25, "id", 2, "0,25"),
        (-9876.5, "id", 1, "-9.876,5"),
        (999, "id", 0, "999"),
    ],
)
def test_number_uses_the_languages_separators(value: float, lang: str, decimals: int, expected: str) -> None:
    assert fmt.number(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_234_000_000, "id", "Rp 1,2 M"),
        (1_234_000_000, "en", "IDR 1.2 bn"),
        (350_000_000, "id", "Rp 350,0 jt"),
        (350_000_000, "en", "IDR 350.0 m"),
        (2_500_000_000_000, "id", "Rp 2,5 T"),
        (45_000, "id", "Rp 45,0 rb"),
        (744, "id", "Rp 744"),
    ],
)
def test_rupiah_compact(value: float, lang: str, expected: str) -> None:
    assert fmt.rupiah(value, lang) == expected


def test_rupiah_in_full() -> None:
    assert fmt.rupiah(1_234_567, "id", compact=False) == "Rp 1.234.567"
    assert fmt.rupiah(1_234_567, "en", compact=False) == "IDR 1,234,567"
    assert fmt.rupiah(70_519.4, "id", compact=False) == "Rp 70.519"


def test_percent() -> None:
    assert fmt.percent(45.26, "id") == "45,3%"
    assert fmt.percent(45.26, "en") == "45.3%"
    assert fmt.percent(64.8, "id", 0) == "65%"
    assert fmt.percent(100.0, "id") == "100,0%"
    assert fmt.percent(0.0, "en") == "0.0%"


def test_points_carry_a_sign() -> None:
    assert fmt.points(3.24, "id") == "+3,2 poin"
    assert fmt.points(3.24, "en") == "+3.2 pts"
    assert fmt.points(-7.3, "id") == "-7,3 poin"
    assert fmt.points(0.0, "id") == "0,0 poin"
    assert fmt.points(18, "id", 0) == "+18 poin"


@pytest.mark.parametrize("tiny", [-0.03, -0.0, 0.04, -1e-12])
def test_a_change_that_rounds_to_nothing_has_no_sign(tiny: float) -> None:
    # "-0,0 poin" with a red arrow once said that a scenario changing nothing made things worse.
    assert fmt.points(tiny, "id") == "0,0 poin"
    assert fmt.number(tiny, "en", 1) == "0.0"
    assert fmt.signed(tiny, lambda v: fmt.number(v, "id", 1)) == "0,0"
    assert fmt.signed(-0.3, lambda v: fmt.rupiah(v, "id", compact=False)) == "Rp 0"
    assert fmt.signed(-0.04, lambda v: fmt.number(v, "id", 1)) == "0,0"
    assert fmt.signed(-0.06, lambda v: fmt.number(v, "id", 1)) == "-0,1"


def test_a_scenario_that_moves_nothing_visible_shows_a_grey_change_without_arrow() -> None:
    from analytics.present import simulation

    outcomes = pd.DataFrame(
        {
            "persen_20jp": [55.0, 54.98],  # 0,02 points lower: rounds to nothing
            "jp": [1000.0, 1300.0],
            "biaya": [1e9, 1e9],
            "biaya_per_jp": [1_000_000.0, 769_230.8],
            "kekurangan_jp": [500, 500],
        }
    )
    (_, share), (_, jp), _, (_, per_jp) = simulation.what_if_tiles(outcomes, "id")
    assert (share.delta, share.arrow, share.colour) == ("0,0 poin", "off", "off")
    assert (jp.delta, jp.arrow, jp.colour) == ("+300", "auto", "normal")
    assert (per_jp.arrow, per_jp.colour) == ("auto", "inverse")


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA], ids=["None", "nan", "pd.NA"])
def test_missing_values_show_a_dash(missing: object) -> None:
    # pd.NA is what DuckDB gives for NULL in integer columns (pagu, realisasi, jp_total).
    assert fmt.is_missing(missing)
    assert fmt.number(missing, "id") == MISSING
    assert fmt.number(missing, "en", 2) == MISSING
    assert fmt.percent(missing, "id") == MISSING
    assert fmt.rupiah(missing, "id") == MISSING
    assert fmt.rupiah(missing, "en", compact=False) == MISSING
    assert fmt.points(missing, "id") == MISSING


def test_plotly_separators() -> None:
    assert fmt.plotly_separators("id") == ",."
    assert fmt.plotly_separators("en") == ".,"


# --- i18n ---------------------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_has_indonesian_and_english() -> None:
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert isinstance(entry[lang], str) and entry[lang].strip(), (key, lang)


def test_placeholders_are_the_same_in_both_languages() -> None:
    for key, entry in TEXT.items():
        assert _fields(entry["id"]) == _fields(entry["en"]), key


def _t_calls() -> list[tuple[str, int, ast.expr]]:
    """Return (file, line, first argument) of every t(...) call in the app's source."""
    dashboard = ROOT / "dashboard.py"
    pages = [ROOT / p for p in re.findall(r"st\.Page\(\s*\"([^\"]+\.py)\"", dashboard.read_text())]
    assert len(pages) >= 7
    files = [dashboard, *pages, *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "analytics").glob("*.py"))]
    calls = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Call)
                and node.args
                and (
                    (isinstance(node.func, ast.Name) and node.func.id == "t")
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "t")
                )
            ):
                calls.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0]))
    return calls


def _keys_of(arg: ast.expr) -> list[str] | None:
    """Return the literal keys an argument can take (None when it is not a literal)."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _keys_of(arg.body), _keys_of(arg.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def test_every_key_used_in_the_source_exists() -> None:
    calls = _t_calls()
    assert len(calls) > 50  # the scan found the pages, the sidebar and the findings
    missing = []
    for where, line, arg in calls:
        keys = _keys_of(arg)
        if keys is None and isinstance(arg, ast.JoinedStr) and ast.unparse(arg).startswith("f'dim_"):
            keys = [f"dim_{d}" for d in DIMENSIONS]  # t(f"dim_{dimension}") for every breakdown
        if keys is None:
            continue  # a key held in a variable (e.g. MEASURES) is checked where it is defined
        missing += [f"{where}:{line} {k}" for k in keys if k not in TEXT]
    assert missing == []


def test_metric_keys_used_through_tables_exist() -> None:
    from analytics.present.measures import MEASURES

    assert [m.label for m in MEASURES if m.label not in TEXT] == []
    assert [f"dim_{d}" for d in DIMENSIONS if f"dim_{d}" not in TEXT] == []


def test_t_fills_values_and_rejects_unknown_keys() -> None:
    assert t("vs_prev", "id", year=2023) == "dibanding 2023"
    assert t("vs_prev", "en", year=2023) == "vs 2023"
    with pytest.raises(KeyError):
        t("no_such_key_anywhere", "id")


# --- queries on the hand-computed scorecard warehouse (scorecard_rows, tests/conftest.py) -----------------

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


# --- findings -------------------------------------------------------------------------------------

COLUMNS = [
    "kota",
    "tahun",
    "jumlah_pns",
    "pns_memenuhi_20jp",
    "persen_20jp",
    "jp_per_asn",
    "pagu",
    "realisasi",
    "persen_serapan",
    "biaya_per_jp",
    "ikm",
    "mutu_ikm",
    "jumlah_responden_ikm",
    "persen_sangat_baik",
]


def hand_scorecard() -> pd.DataFrame:
    """Three cities, two years; the numbers below are what the sentences and tiles must say."""
    rows = [
        ("Jambi", 2023, 100, 40, 40.0, 20.0, 1_600_000_000, 1_500_000_000, 93.7, 50_744.0, 80.0, "B", 300, 10.0),
        ("Jambi", 2024, 100, 41, 41.0, 18.5, 1_600_000_000, 1_380_000_000, 86.4, 50_000.0, 80.5, "B", 320, 12.5),
        ("Makassar", 2023, 200, 100, 50.0, 30.0, 2_000_000_000, 1_800_000_000, 90.0, 160_000.0, 89.0, "A", 500, 20.0),
        ("Makassar", 2024, 200, 118, 59.0, 31.0, 1_234_000_000, 931_670_000, 75.5, 150_000.0, 90.12, "A", 510, 21.0),
        ("Pontianak", 2023, 50, 26, 52.0, 25.0, 1_000_000_000, 900_000_000, 90.0, 90_000.0, 71.0, "C", 200, 15.0),
        ("Pontianak", 2024, 50, 25, 50.0, 26.0, 1_000_000_000, 881_000_000, 88.1, 100_000.0, 70.0, "C", 210, 14.0),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _sentence_with(sentences: list[str], *tokens: str) -> str | None:
    """Return the sentence that contains all tokens in this order (None when there is none)."""
    for s in sentences:
        at = 0
        for token in tokens:
            at = s.find(token, at)
            if at < 0:
                break
            at += len(token)
        else:
            return s
    return None


def test_findings_name_the_right_cities_and_numbers_in_indonesian() -> None:
    got = findings(hand_scorecard(), 2024, "id")
    assert len(got) == 5
    assert _sentence_with(got, "Jambi", "41%", "18 poin", "Makassar", "59%"), got  # lowest, gap, highest 20 JP
    assert _sentence_with(got, "2023", "Makassar", "naik", "9,0", "59%"), got  # largest change
    assert _sentence_with(got, "Makassar", "75,5%", "Rp 1,2 M"), got  # lowest absorption, its pagu
    assert _sentence_with(got, "Makassar", "Rp 150.000", "3,0", "Jambi", "Rp 50.000"), got  # cost ratio
    assert _sentence_with(got, "Makassar", "90,12", "A", "Pontianak", "70,00", "C"), got  # IKM high, low
    assert not any("Pontianak" in s and "terendah, " in s for s in got)


def test_findings_in_english() -> None:
    got = findings(hand_scorecard(), 2024, "en")
    assert len(got) == 5
    assert _sentence_with(got, "Jambi", "41%", "18", "Makassar", "59%"), got
    assert _sentence_with(got, "2023", "Makassar", "rose", "9.0", "59%"), got
    assert _sentence_with(got, "Makassar", "75.5%", "IDR 1.2 bn"), got
    assert _sentence_with(got, "Makassar", "IDR 150,000", "3.0", "Jambi", "IDR 50,000"), got
    assert _sentence_with(got, "Makassar", "90.12", "A", "Pontianak", "70.00", "C"), got


def test_findings_report_a_fall_as_a_fall() -> None:
    df = hand_scorecard()
    df.loc[(df["kota"] == "Pontianak") & (df["tahun"] == 2023), "persen_20jp"] = 70.0  # 70 -> 50: -20 points
    got = findings(df, 2024, "id")
    assert _sentence_with(got, "2023", "Pontianak", "turun", "20,0", "50%"), got
    assert not any("naik" in s for s in got)


def test_findings_with_a_single_city_compare_nothing() -> None:
    one = hand_scorecard().query("kota == 'Jambi'")
    got = findings(one, 2024, "id")
    comparative = ("terendah", "tertinggi", "terbesar", " kali ", " di bawah ")
    assert [s for s in got if any(word in s for word in comparative)] == []


def test_findings_leave_out_what_has_no_numbers() -> None:
    df = hand_scorecard()
    df["ikm"] = float("nan")
    df["biaya_per_jp"] = float("nan")
    got = findings(df, 2024, "id")
    assert len(got) == 3
    assert not any("IKM" in s or "Biaya" in s for s in got)
    assert findings(df, 2030, "id") == []


# --- overview tiles and comparison ------------------------------------------------------------------


def test_city_tiles_values_and_signed_changes() -> None:
    df = hand_scorecard()
    df = df[~((df["kota"] == "Makassar") & (df["tahun"] == 2023))]  # Makassar has no previous year
    tiles = city_tiles(df, 2024, "id")
    assert list(tiles) == ["Jambi", "Makassar", "Pontianak"]
    jambi = {tile.label: tile for tile in tiles["Jambi"]}
    got = {label: (tile.value, tile.delta) for label, tile in jambi.items()}
    assert got == {
        t("m_persen_20jp", "id"): ("41,0%", "+1,0 poin"),
        t("m_jp_per_asn", "id"): ("18,5", "-1,5"),
        t("m_realisasi", "id"): ("Rp 1,4 M", "-Rp 120,0 jt"),
        t("m_persen_serapan", "id"): ("86,4%", "-7,3 poin"),
        t("m_biaya_per_jp", "id"): ("Rp 50.000", "-Rp 744"),
        t("m_ikm", "id"): ("80,50 (B)", "+0,50"),
        t("m_persen_sangat_baik", "id"): ("12,5%", "+2,5 poin"),
    }
    assert jambi[t("m_persen_20jp", "id")].help == "41 / 100 PNS"
    # Up is good for 20 JP, bad for cost per JP.
    assert jambi[t("m_persen_20jp", "id")].delta_color == "normal"
    assert jambi[t("m_biaya_per_jp", "id")].delta_color == "inverse"
    assert [tile.delta for tile in tiles["Makassar"]] == [None] * 7
    assert tiles["Makassar"][0].value == "59,0%"


def test_city_tiles_negative_rupiah_changes_lead_with_the_sign() -> None:
    for lang, prefix in (("id", "Rp"), ("en", "IDR")):
        tiles = city_tiles(hand_scorecard(), 2024, lang)
        for kota in tiles:
            for tile in tiles[kota]:
                if tile.delta and prefix in tile.delta:
                    assert f"{prefix} -" not in tile.delta
                    assert tile.delta[0] in "+-", tile.delta
        jambi = {tile.label: tile.delta for tile in tiles["Jambi"]}
        assert jambi[t("m_realisasi", lang)].startswith(f"-{prefix} ")
        assert jambi[t("m_biaya_per_jp", lang)] == ("-Rp 744" if lang == "id" else "-IDR 744")


def test_city_tiles_in_english() -> None:
    jambi = {tile.label: (tile.value, tile.delta) for tile in city_tiles(hand_scorecard(), 2024, "en")["Jambi"]}
    assert jambi[t("m_persen_20jp", "en")] == ("41.0%", "+1.0 pts")
    assert jambi[t("m_realisasi", "en")] == ("IDR 1.4 bn", "-IDR 120.0 m")
    assert jambi[t("m_ikm", "en")] == ("80.50 (B)", "+0.50")


def test_city_tiles_with_missing_numbers_show_dashes(con) -> None:
    # The real query result: Bukittinggi has nobody and no budget, Pontianak 2024 has no budget (pd.NA).
    sc = scorecard(con, Filters(ALL, 2023, 2024))
    tiles = city_tiles(sc, 2024, "id")
    assert list(tiles) == list(ALL)
    bukittinggi = {tile.label: (tile.value, tile.delta) for tile in tiles["Bukittinggi"]}
    assert bukittinggi[t("m_persen_20jp", "id")] == (MISSING, None)
    assert bukittinggi[t("m_realisasi", "id")] == (MISSING, None)
    assert bukittinggi[t("m_ikm", "id")][0] == MISSING
    pontianak = {tile.label: (tile.value, tile.delta) for tile in tiles["Pontianak"]}
    assert pontianak[t("m_persen_20jp", "id")] == ("100,0%", "+100,0 poin")
    assert pontianak[t("m_realisasi", "id")] == (MISSING, None)
    assert pontianak[t("m_ikm", "id")] == ("77,78 (B)", None)


def test_city_tiles_year_without_rows_gives_nothing() -> None:
    assert city_tiles(hand_scorecard(), 2030, "id") == {}
    assert cities_in(hand_scorecard(), 2030) == []


def test_the_cities_in_a_year_are_those_with_tiles_in_their_order() -> None:
    df = hand_scorecard()
    df = df[~((df["kota"] == "Makassar") & (df["tahun"] == 2024))]
    assert cities_in(df, 2024) == list(city_tiles(df, 2024, "id")) == ["Jambi", "Pontianak"]
    assert cities_in(df, 2023) == list(city_tiles(df, 2023, "id"))


def test_compare_with_others() -> None:
    got = compare_with_others(hand_scorecard(), "Jambi", 2024, "id")
    assert list(got.columns) == [t("metric", "id"), "Jambi", t("others_avg", "id"), t("difference", "id")]
    rows = {r[0]: tuple(r[1:]) for r in got.itertuples(index=False)}
    assert rows == {
        t("m_persen_20jp", "id"): ("41,0%", "54,5%", "-13,5 poin"),
        t("m_jp_per_asn", "id"): ("18,5", "28,5", "-10,0"),
        t("m_persen_serapan", "id"): ("86,4%", "81,8%", "+4,6 poin"),
        t("m_biaya_per_jp", "id"): ("Rp 50.000", "Rp 125.000", "-Rp 75.000"),
        t("m_ikm", "id"): ("80,50", "80,06", "+0,44"),
        t("m_persen_sangat_baik", "id"): ("12,5%", "17,5%", "-5,0 poin"),
    }


def test_compare_with_others_in_english_and_without_values() -> None:
    got = compare_with_others(hand_scorecard(), "Makassar", 2024, "en")
    rows = {r[0]: tuple(r[1:]) for r in got.itertuples(index=False)}
    assert rows[t("m_biaya_per_jp", "en")] == ("IDR 150,000", "IDR 75,000", "+IDR 75,000")
    df = hand_scorecard()
    df.loc[df["kota"] != "Jambi", "ikm"] = float("nan")
    rows = {r[0]: tuple(r[1:]) for r in compare_with_others(df, "Jambi", 2024, "id").itertuples(index=False)}
    assert rows[t("m_ikm", "id")] == ("80,50", MISSING, MISSING)


def test_in_range_keeps_the_chosen_years_and_drops_the_year_before() -> None:
    scorecard = pd.DataFrame({"kota": ["A"] * 3, "tahun": [2020, 2021, 2022], "pagu": [1.0, None, 3.0]})
    chosen = Filters(kota=("A",), tahun_awal=2021, tahun_akhir=2022)
    assert in_range(scorecard, chosen)["tahun"].tolist() == [2021, 2022]
    budget = in_range(scorecard, chosen, filled="pagu")
    assert budget["tahun"].tolist() == [2022] and budget.index.tolist() == [0]


# --- tables, reshaping, exports -----------------------------------------------------------------------


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
