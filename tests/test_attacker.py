"""An attacker reads every released query result and tries to work out the counts it hides ('<5').

For every declared query (analytics.queries.declare.DECLARATIONS) on warehouses with small groups, built by
the real pipeline, the test reads the result through the guarded path (analytics.privacy.release.read) and,
from the numbers that release shows, tries to get back each hidden count of 1-4 people. It knows the true
hidden counts from the same query run unreleased on the same connection.

What "recover" means, so the test can fail and does not cry wolf: the attacker knows how the columns of a
query relate, and learns it from the unreleased result as a reader learns it from the rows that are shown
(an identity that holds on every row where its inputs exist, for a count that takes at least two values
there). Its candidates, each from the numbers of one release:
- each other column of the row, and each column divided by the constant ratio it keeps to the count on the
  rows where the count is shown (sessions per pair);
- two columns of the row combined: a + b, a - b, a x b, a / b, a x b / 100, 100 x a / b, a - a x b / 100;
- row totals: a declared total minus its shown parts, or the sum of the parts;
- column totals: the total of a count over the rows that break one whole down (a city, a city-year, or
  every value of one label with the other labels fixed), known unless it is itself 1-4 (then it would be
  hidden wherever it stands), minus the cells shown.
A hidden count is recovered when a candidate that is an identity gives its true value (within TOLERANCE:
what a figure shown to one decimal still gives back by rounding).
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import NIP_A, QUERY_ARGS, load_rows, pegawai, program, scorecard_rows

from analytics import privacy, queries
from analytics.privacy import release
from analytics.queries.db import open_warehouse
from analytics.queries.declare import DECLARATIONS, Count, Declaration, NotPeople, Share
from analytics.queries.filters import Filters

KEYS = ("kota", "tahun", "tahun_dinilai")  # labels whose totals are known: a city's, a city-year's
TOLERANCE = 0.05


# --- A warehouse with small groups, made by the real pipeline --------------------------------------------


def _nip(city: str, i: int) -> str:
    """Return an 18-digit NIP for person i of a city (P, J, B)."""
    return f"1985{'PJB'.index(city) + 1:02d}{i + 1:02d}2010011{i:03d}"


PEOPLE = {  # (city, opd, jenis_asn, kategori_jabatan) of each person
    **{_nip("P", i): ("Pontianak", "Dinas Pendidikan", "PNS", "Fungsional") for i in range(10)},
    **{_nip("P", i): ("Pontianak", "Bappeda", "PNS", "Pelaksana") for i in range(10, 13)},
    _nip("P", 13): ("Pontianak", "Bappeda", "PPPK", "Pelaksana"),
    **{_nip("P", i): ("Pontianak", "Disdukcapil", "PNS", "Administrator") for i in range(14, 16)},
    **{_nip("J", i): ("Jambi", "Dinas Pendidikan", "PNS", "Fungsional") for i in range(3)},
    **{_nip("B", i): ("Bukittinggi", "Dinas Pendidikan", "PNS", "Fungsional") for i in range(6)},
    _nip("B", 6): ("Bukittinggi", "Bappeda", "PNS", "Administrator"),
}
P, J, B = ([n for n, p in PEOPLE.items() if p[0] == k] for k in ("Pontianak", "Jambi", "Bukittinggi"))
PREDIKAT = ("Baik", "Baik", "Sangat Baik", "Butuh Perbaikan", "Baik", "Kurang", "Baik")


def _activities() -> list[tuple[dict, list[tuple[str, str]]]]:
    """Return each activity with its participants (nip, status): big and small groups of every kind."""
    return [
        (program("PA", jenis="pelatihan teknis", jp="24", biaya="12000000"), [(n, "lulus") for n in P[:9]]),
        (
            program("PB", jalur="nonklasikal", jenis="coaching", jp="10", biaya="3000000"),
            [(n, "lulus") for n in P[10:13]],
        ),
        (
            program("PC", jalur="nonklasikal", jenis="e-learning", penyelenggara="LAN", jp="8", biaya="800000"),
            [(n, "lulus") for n in P[:6]] + [(P[13], "tidak_hadir")],
        ),
        (
            program("PD", tanggal_mulai="2023-05-02", tanggal_selesai="2023-05-04", jp="30", biaya="9000000"),
            [(n, "lulus") for n in P[:8]] + [(P[14], "lulus")],
        ),
        (
            program(
                "PE",
                jenis="pelatihan fungsional",
                penyelenggara="Universitas Tanjungpura",
                tanggal_mulai="2023-08-01",
                tanggal_selesai="2023-08-03",
                jp="16",
                biaya="5000000",
            ),
            [(P[1], "lulus"), (P[15], "lulus")],
        ),
        (
            program("PF", kota="Jambi", jalur="nonklasikal", jenis="e-learning", jp="12", biaya="1200000"),
            [(J[0], "lulus"), (J[1], "lulus"), (J[2], "tidak_lulus")],
        ),
        (program("PG", kota="Bukittinggi", jp="20", biaya="7000000"), [(n, "lulus") for n in B[:6]]),
        (
            program("PH", kota="Bukittinggi", jalur="nonklasikal", jenis="coaching", jp="6", biaya="600000"),
            [(B[6], "lulus")],
        ),
        (
            program("PI", kota="Bukittinggi", tanggal_mulai="2023-04-03", tanggal_selesai="2023-04-05", jp="24"),
            [(n, "lulus") for n in B[:5]],
        ),
    ]


def small_group_rows() -> dict[str, list[dict]]:
    """Return a source folder's rows where most questions have a big group beside a small one: Pontianak (16
    people in three agencies of 10, 4 and 2), Jambi (3) and Bukittinggi (7), activities of 1 to 9 passed
    participants, reactions, scores, ratings, mentoring pairs of equal sessions, awards, surveys, aspirations
    and budgets."""
    activities = _activities()
    peserta = [
        {"kode_program": a["kode_program"], "nip": n, "status": s, "nilai_pre": "60", "nilai_post": str(70 + i % 4)}
        for a, people in activities
        for i, (n, s) in enumerate(people)
    ]
    reaksi = {"PA": 8, "PB": 3, "PC": 5, "PF": 2, "PG": 6, "PH": 1}
    scores = ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
    survey = {("Pontianak", "Disdukcapil"): 7, ("Pontianak", "RSUD"): 3, ("Jambi", "Disdukcapil"): 2}
    return {
        "kota": scorecard_rows()["kota"],  # Pontianak, Jambi, Bukittinggi
        "apbd": [
            {"kota": k, "tahun": str(y), "belanja_daerah": str(b)}
            for k, b in (("Pontianak", 2 * 10**12), ("Jambi", 15 * 10**11), ("Bukittinggi", 9 * 10**11))
            for y in (2023, 2024)
        ],
        "pegawai": [
            pegawai(n, kota=k, opd=o, jenis_asn=j, kategori_jabatan=c, golongan="" if j == "PPPK" else "III/a")
            for n, (k, o, j, c) in PEOPLE.items()
        ],
        "program": [a for a, _ in activities],
        "peserta": peserta,
        "umpan_balik_pelatihan": [
            {"kode_program": kode, "tanggal": "2024-06-01", **{s: str(3 + (i + j) % 3) for j, s in enumerate(scores)}}
            for kode, n in reaksi.items()
            for i in range(n)
        ],
        "penilaian_kinerja": [
            {"nip": n, "tahun": str(y), "predikat": PREDIKAT[(i + y) % len(PREDIKAT)]}
            for i, n in enumerate(PEOPLE)
            for y in (2023, 2024)
        ],
        "mentoring": [
            {"nip_mentor": P[0], "nip_mentee": P[10], "tanggal_mulai": "2024-02-01", "jumlah_sesi": "6"},
            {"nip_mentor": P[1], "nip_mentee": P[11], "tanggal_mulai": "2024-02-01", "jumlah_sesi": "6"},
            *(
                {"nip_mentor": P[i], "nip_mentee": P[i + 1], "tanggal_mulai": "2023-03-01", "jumlah_sesi": "6"}
                for i in range(0, 12, 2)
            ),
            {"nip_mentor": B[0], "nip_mentee": B[6], "tanggal_mulai": "2024-03-01", "jumlah_sesi": "6"},
        ],
        "penghargaan": [
            {"nip": P[2], "tahun": "2024", "kategori": "Inovasi"},
            *({"nip": n, "tahun": "2023", "kategori": "Inovasi"} for n in P[:6]),
        ],
        "survei_kepuasan": [
            {"kota": k, "opd": o, "tanggal": "2024-05-01", **{f"u{u}": str(2 + (i + u) % 3) for u in range(1, 10)}}
            for (k, o), n in survey.items()
            for i in range(n)
        ],
        "aspirasi": [
            {"kota": k, "tanggal": "2024-04-01", "saluran": "SP4N-LAPOR!", "kategori": "Pelayanan", "sentimen": s}
            for k, s, n in (("Pontianak", "negatif", 6), ("Pontianak", "positif", 2), ("Jambi", "netral", 1))
            for _ in range(n)
        ],
        "anggaran": [
            {"kota": k, "tahun": str(y), "kegiatan": "Diklat Teknis", "sumber_dana": "APBD", "pagu": p, "realisasi": r}
            for k, p, r in (("Pontianak", "40000000", "30000000"), ("Jambi", "5000000", "1200000"))
            for y in (2023, 2024)
        ],
    }


assert NIP_A not in PEOPLE  # the fixture's own people


@pytest.fixture(scope="module")
def small_groups_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Module scope. Yields the warehouse the real pipeline builds from small_group_rows()."""
    report, db = load_rows(tmp_path_factory.mktemp("kelompok_kecil"), small_group_rows())
    assert report.status == "ok" and report.errors == []
    return db


@pytest.fixture(scope="module")
def small_groups(small_groups_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Module scope. Yields a read-only connection to small_groups_db."""
    con = open_warehouse(small_groups_db)
    yield con
    con.close()


@pytest.fixture(scope="module")
def demo(demo_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Module scope. Yields a read-only connection to the session's demo warehouse."""
    con = open_warehouse(demo_warehouse)
    yield con
    con.close()


# --- The attacker ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A hidden count the attacker got back: where, its true value, and how."""

    row: int
    column: str
    value: float
    how: str


Pair = tuple[np.ndarray, np.ndarray]  # a column unreleased, and as the release shows it (NaN where hidden)
WAYS = {  # how two columns a, b of a row combine
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "x": lambda a, b: a * b,
    "/": lambda a, b: a / np.where(b == 0, np.nan, b),
    "x / 100 x": lambda a, b: a * b / 100,
    "100 x / ": lambda a, b: 100 * a / np.where(b == 0, np.nan, b),
    "- share of": lambda a, b: a - a * b / 100,
}


def _numbers(column: pd.Series) -> np.ndarray:
    """Return a column as floats, a '<5' (or any text) as NaN."""
    return pd.to_numeric(column.mask(column.map(privacy.is_hidden)), errors="coerce").to_numpy(dtype=float)


def _targets(raw: pd.DataFrame, released: pd.DataFrame, d: Declaration) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Return the counts a release may hide: name -> (true values, hidden); a share whose parts are not in the
    table stands for the count it implies (share x of / 100)."""
    out = {}
    for c, kind in d.columns.items():
        if c not in raw.columns or c in d.grain:
            continue
        hidden = released[c].map(privacy.is_hidden).to_numpy(dtype=bool)
        if isinstance(kind, Count):
            out[c] = (_numbers(raw[c]), hidden)
        elif isinstance(kind, Share) and kind.of in raw.columns and not all(p in raw.columns for p in kind.parts):
            out[f"{c} x {kind.of}"] = (np.round(_numbers(raw[c]) * _numbers(raw[kind.of]) / 100), hidden)
    return out


def _inputs(raw: pd.DataFrame, released: pd.DataFrame, d: Declaration) -> dict[str, Pair]:
    """Return every declared numeric column that is not a label: name -> (unreleased, shown)."""
    return {
        c: (_numbers(raw[c]), _numbers(released[c]))
        for c in d.columns
        if c in raw.columns and c not in d.grain and pd.api.types.is_numeric_dtype(raw[c])
    }


def _candidates(target: str, truth: np.ndarray, hidden: np.ndarray, inputs: dict[str, Pair], d) -> Iterator[tuple]:
    """Yield (how, formula) for every candidate the attacker tries for count `target` of a row; formula maps
    the index 0 (unreleased) or 1 (shown) to the candidate's values."""
    own = {target, target.split(" x ")[0]}
    usable = {c: v for c, v in inputs.items() if c not in own}
    with np.errstate(all="ignore"):
        for a, pair in usable.items():
            yield a, pair.__getitem__
            ratio = pair[1][(truth > 0) & ~hidden] / truth[(truth > 0) & ~hidden]  # learnt where the count shows
            ratio = ratio[np.isfinite(ratio)]
            if len(ratio) and np.allclose(ratio, ratio[0]) and ratio[0] != 0:
                yield f"{a} / {ratio[0]:g}", lambda i, pair=pair, r=ratio[0]: pair[i] / r
        for a, b in itertools.permutations(usable, 2):
            for name, way in WAYS.items():
                yield f"{a} {name} {b}", lambda i, x=usable[a], y=usable[b], way=way: way(x[i], y[i])
    yield from _row_totals(target, inputs, d)


def _row_totals(target: str, inputs: dict[str, Pair], d: Declaration) -> Iterator[tuple]:
    """Yield (how, formula) from the declared totals of a row: the sum of the parts, or the total less the
    other parts."""
    for total, parts in d.totals:
        members = [total, *parts]
        if target not in members or not all(m in inputs for m in members if m != target):
            continue
        if target == total:
            yield f"sum of {parts}", lambda i, parts=parts: sum(inputs[p][i] for p in parts)
        else:
            rest = [p for p in parts if p != target]
            yield f"{total} - {rest}", lambda i, t=total, rest=rest: inputs[t][i] - sum(inputs[p][i] for p in rest)


def _identity(candidate: np.ndarray, truth: np.ndarray) -> bool:
    """Return True when `candidate` gives `truth` (within TOLERANCE) on every row where both exist, for a count
    that takes at least two values there."""
    both = np.isfinite(candidate) & np.isfinite(truth)
    near = np.abs(candidate[both] - truth[both]) < TOLERANCE
    return both.sum() >= 2 and len(np.unique(truth[both])) >= 2 and bool(near.all())


def _by_rows(target: str, truth: np.ndarray, hidden: np.ndarray, inputs: dict[str, Pair], d, k: int):
    """Yield Found for each hidden count of `target` that a candidate of its own row gives back."""
    secret = hidden & (truth >= 1) & (truth < k)
    if not secret.any():
        return
    for how, formula in _candidates(target, truth, hidden, inputs, d):
        with np.errstate(all="ignore"):
            if _identity(formula(0), truth):
                for i in np.flatnonzero(secret & (np.abs(formula(1) - truth) < TOLERANCE)):
                    yield Found(int(i), target, float(truth[i]), how)


def _wholes(raw: pd.DataFrame, d: Declaration) -> list[list[str]]:
    """Return the label sets whose rows break one known whole down: the city (or city-year), and every label
    with the others fixed."""
    labels = [g for g in d.grain if g in raw.columns]
    keys = [g for g in labels if g in KEYS]
    groups = [keys] if keys != labels else []
    groups += [[g for g in labels if g != other] for other in labels if other not in KEYS]
    return groups


def _by_columns(raw: pd.DataFrame, target: str, truth: np.ndarray, hidden: np.ndarray, d: Declaration, k: int):
    """Yield Found for each hidden count of `target` that a known total minus the shown cells gives back."""
    secret = hidden & (truth >= 1) & (truth < k)
    if not secret.any():
        return
    for labels in _wholes(raw, d):
        groups = raw.reset_index(drop=True).groupby(labels, dropna=False, sort=False).indices if labels else {}
        for rows in groups.values() if labels else [np.arange(len(raw))]:
            total = np.nansum(truth[rows])
            if 0 < total < k:  # a small total is hidden wherever it stands
                continue
            rest = total - np.nansum(truth[rows][~hidden[rows]])
            for i in rows[secret[rows] & (np.abs(rest - truth[rows]) < TOLERANCE)]:
                yield Found(int(i), target, float(truth[i]), f"total over {labels or 'all rows'} minus the shown")


def attack(raw: pd.DataFrame, released: pd.DataFrame, d: Declaration) -> list[Found]:
    """Return every hidden count of 1 to k-1 people in `released` that its shown numbers give back (module
    docstring), `raw` being the same result unreleased."""
    assert len(raw) == len(released) and list(raw.columns) == list(released.columns), d.name
    k = privacy.min_group()
    inputs = _inputs(raw, released, d)
    found = []
    for target, (truth, hidden) in _targets(raw, released, d).items():
        found += _by_rows(target, truth, hidden, inputs, d, k)
        if isinstance(d.columns.get(target), Count):
            found += _by_columns(raw, target, truth, hidden, d, k)
    return found


# --- Every declared query, on every warehouse with small groups ---------------------------------------


def _tables() -> list:
    return [f for f, d in DECLARATIONS.items() if not d.facts and f.__module__.startswith("analytics.queries.")]


def _takes_filters(function) -> bool:
    return list(inspect.signature(function).parameters)[1:2] == ["f"]


def _asked(con: duckdb.DuckDBPyConnection, function) -> list[tuple]:
    """Return the argument tuples to ask `function` on this warehouse: every city and year, and a people filter
    that leaves small groups; the what-if one city and year at a time."""
    if not _takes_filters(function):
        return [()]
    info = queries.warehouse_info(con)
    extra = QUERY_ARGS.get(function.__name__, ())
    everything = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
    if function.__name__.startswith("what_if"):
        return [(Filters((k,), info.tahun[-1], info.tahun[-1]), *extra) for k in info.kota]
    return [(f, *extra) for f in (everything, replace(everything, kategori_jabatan=("Administrator",)))]


@pytest.fixture(scope="module")
def attacked(small_groups, demo) -> Callable[[Callable], tuple[list[Found], int]]:
    """Module scope. Yields a function: query function -> (what the attacker recovers from every release of it
    on both warehouses, how many counts of 1-4 people those releases hide), worked out once per query."""
    done: dict[Callable, tuple[list[Found], int]] = {}

    def get(function: Callable) -> tuple[list[Found], int]:
        if function not in done:
            d, found, hidden = DECLARATIONS[function], [], 0
            for con in (small_groups, demo):
                for args in _asked(con, function):
                    raw, released = function(con, *args), release.read(con, function, *args)
                    found += attack(raw, released, d)
                    small = [h & (v >= 1) & (v < privacy.min_group()) for v, h in _targets(raw, released, d).values()]
                    hidden += int(sum(s.sum() for s in small))
            done[function] = (found, hidden)
        return done[function]

    return get


@pytest.mark.parametrize("function", _tables(), ids=lambda f: f.__name__)
def test_no_hidden_count_can_be_worked_out_from_what_a_release_shows(attacked, function) -> None:
    found, _ = attacked(function)
    assert found == [], found[:5]


def test_the_attacker_works_out_what_a_cost_per_participant_declared_about_no_people_gave_away(small_groups) -> None:
    # Before issue 24 cost_by_kind declared biaya_per_peserta a plain value: biaya / biaya_per_peserta gave the
    # participants of a kind of activity back wherever jumlah_lulus read '<5'.
    info = queries.warehouse_info(small_groups)
    f = Filters(tuple(info.kota), info.tahun[0], info.tahun[-1])
    now = DECLARATIONS[queries.cost_by_kind]
    before = Declaration(now.name, now.grain, {**now.columns, "biaya_per_peserta": NotPeople("money")})
    raw = queries.cost_by_kind(small_groups, f)
    found = attack(raw, privacy.suppress(raw, rules=release.rules_of(before)), before)
    assert {(raw.at[x.row, "kota"], raw.at[x.row, "kelompok"], x.value, x.how) for x in found} >= {
        ("Pontianak", "mentoring/coaching", 3, "biaya / biaya_per_peserta"),
        ("Bukittinggi", "mentoring/coaching", 1, "biaya / biaya_per_peserta"),
    }
    assert attack(raw, release.read(small_groups, queries.cost_by_kind, f), now) == []


def test_the_warehouses_give_the_attacker_small_groups_to_look_for(attacked) -> None:
    hiding = {f.__name__ for f in _tables() if attacked(f)[1]}
    assert {"cost_by_kind", "special_development", "predikat", "opd_profile", "aspirations", "what_if"} <= hiding
    assert len(hiding) >= 35


def test_the_budget_pages_cost_table_gives_no_participants_away(small_groups_db, monkeypatch) -> None:
    # The finding of issue 24: Anggaran's "Lihat data" (and its CSV, made from the same table) showed the cost
    # and the cost per participant of the 3 coached in Pontianak beside their '<5'.
    from in_process_app import ROOT, open_data, open_page, start

    from analytics.present.tables import header
    from settings import WAREHOUSE_ENV

    monkeypatch.setenv(WAREHOUSE_ENV, str(small_groups_db))
    monkeypatch.chdir(ROOT)
    at = open_data(open_page(start(), "anggaran"))
    assert [e.value for e in at.exception] == []
    cost = next(d.value for d in at.dataframe if header("biaya_per_peserta", "id") in d.value.columns)
    small = cost[cost[header("jumlah_lulus", "id")] == privacy.marker()]
    assert len(small) >= 2  # Pontianak's 3 coached and the next smallest kind beside them
    assert (small[header("biaya_per_peserta", "id")] == privacy.marker()).all()
    assert (small[header("biaya_per_jp", "id")] == privacy.marker()).all()
