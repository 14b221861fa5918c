"""The one guarded path from the warehouse to a person (analytics.privacy.release): every query function
declares what it returns, nothing reaches a page, chart, download, meeting file or the CLI without passing
through `release.read`, and that is where the small-group rule and the reader's scope are applied."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import QUERY_ARGS

from access import grants
from analytics import privacy, queries
from analytics.context import PageContext
from analytics.meeting_files import content
from analytics.privacy import release, scope
from analytics.queries.declare import (
    COUNT,
    DECLARATIONS,
    FROM_ROW,
    MONEY,
    Derived,
    NotAboutPeople,
    NotPeople,
    Undeclared,
    declaration_of,
    query,
)
from analytics.queries.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
# Everything that shows or hands out data; none of it may call a query function itself.
READERS = [ROOT / "dashboard.py", *sorted((ROOT / "views").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
READERS += [
    *sorted((ROOT / "analytics" / "present").rglob("*.py")),
    *sorted((ROOT / "analytics" / "meeting_files").rglob("*.py")),
]


def _query_functions() -> list:
    """Return every public function of the analytics.queries modules that takes a connection first."""
    found = []
    for module in pkgutil.iter_modules(queries.__path__):
        mod = importlib.import_module(f"analytics.queries.{module.name}")
        for name, function in inspect.getmembers(mod, inspect.isfunction):
            params = list(inspect.signature(function).parameters)
            own = function.__module__ == mod.__name__ and mod.__name__ != "analytics.queries.db"  # db.run runs SQL
            if own and not name.startswith("_") and params[:1] == ["con"]:
                found.append(function)
    return found


def _declared() -> list:
    return [f for f, d in DECLARATIONS.items() if not d.facts and f.__module__.startswith("analytics.queries.")]


def test_every_query_function_declares_what_it_returns() -> None:
    functions = _query_functions()
    assert len(functions) >= 40
    assert [f.__qualname__ for f in functions if f not in DECLARATIONS] == []


@pytest.mark.parametrize("function", _declared(), ids=lambda f: f.__name__)
def test_a_query_returns_only_declared_numbers_one_row_per_grain(
    con: duckdb.DuckDBPyConnection, everything: Filters, function
) -> None:
    declaration = DECLARATIONS[function]
    one_city = Filters(everything.kota[:1], everything.tahun_akhir, everything.tahun_akhir)
    f = one_city if function.__name__.startswith("what_if") else everything
    takes_filters = list(inspect.signature(function).parameters)[1:2] == ["f"]
    raw = function(con, *((f,) if takes_filters else ()), *QUERY_ARGS.get(function.__name__, ()))
    assert release.undeclared_columns(raw, declaration) == []
    assert set(declaration.grain) <= set(raw.columns)
    assert not raw.duplicated(list(declaration.grain)).any()
    for total, parts in declaration.totals:
        assert total in declaration.columns and all(p in declaration.columns for p in parts)


def test_the_guarded_path_refuses_an_undeclared_number(con: duckdb.DuckDBPyConnection, everything: Filters) -> None:
    @query(grain=("kota",), columns={"jumlah_asn": COUNT})
    def with_a_secret(con, f):
        return pd.DataFrame({"kota": ["A"], "jumlah_asn": [10], "jumlah_rahasia": [2]})

    try:
        with pytest.raises(Undeclared, match="jumlah_rahasia"):
            release.read(con, with_a_secret, everything)
        with pytest.raises(Undeclared, match="not a declared query"):
            release.read(con, lambda con, f: pd.DataFrame(), everything)
    finally:
        DECLARATIONS.pop(with_a_secret)


def test_the_guarded_path_hides_what_its_declaration_says_counts_people(con, everything: Filters) -> None:
    @query(grain=("kota", "kelompok"), columns={"jumlah": COUNT})
    def heads(con, f):
        return pd.DataFrame({"kota": ["A", "A", "A"], "kelompok": ["x", "y", "z"], "jumlah": [3, 40, 50]})

    @query(grain=("kota", "kelompok"), columns={"jumlah": MONEY})
    def money(con, f):
        return pd.DataFrame({"kota": ["A", "A", "A"], "kelompok": ["x", "y", "z"], "jumlah": [3, 40, 50]})

    try:
        assert release.read(con, heads, everything)["jumlah"].tolist() == ["<5", "<5", 50]  # 40 with it
        assert release.read(con, money, everything)["jumlah"].tolist() == [3, 40, 50]  # the same name, not people
    finally:
        DECLARATIONS.pop(heads)
        DECLARATIONS.pop(money)


def _cost(kind: object) -> pd.DataFrame:
    """Return a cost table read through the guarded path with its cost per participant declared of `kind`."""

    @query(grain=("kota", "kelompok"), columns={"biaya": MONEY, "jumlah_lulus": COUNT, "biaya_per_peserta": kind})
    def cost(con):
        rows = {"kelompok": ["coaching", "klasikal"], "jumlah_lulus": [3, 0], "biaya_per_peserta": [1e6, None]}
        return pd.DataFrame({"kota": ["A", "A"], "biaya": [3e6, 5e6], **rows})

    try:
        return release.read(None, cost)
    finally:
        DECLARATIONS.pop(cost)


def test_a_number_not_declared_about_no_people_is_hidden_with_the_counts_of_its_row() -> None:
    # biaya / biaya_per_peserta gives back the 3 participants: only NotPeople keeps a number beside a '<5'
    for kind in (FROM_ROW, Derived("jumlah_lulus"), "anything the rule does not know"):
        assert _cost(kind)["biaya_per_peserta"].tolist()[0] == privacy.marker(), kind
    assert _cost(FROM_ROW)["biaya"].tolist() == [3e6, 5e6]  # money stays


def test_a_ratio_per_something_cannot_be_declared_about_no_people() -> None:
    with pytest.raises(NotAboutPeople, match="biaya_per_peserta"):
        query(grain=("kota",), columns={"biaya_per_peserta": MONEY})(lambda con, f: None)
    with pytest.raises(ValueError, match="not a kind of number about no people"):
        NotPeople("people")


def test_a_share_beside_its_small_numerator_is_hidden() -> None:
    # Beside its total, a share of 30% on 10 people gives away the 3 coached.
    df = pd.DataFrame({"kota": ["A"], "jumlah": [10], "coaching": [3], "persen_coaching": [30.0]})
    shown = privacy.suppress(df, rules=release.rules_of(declaration_of(queries.follow_up_summary)))
    assert shown.loc[0, "coaching"] == privacy.marker()
    assert shown.loc[0, "persen_coaching"] == privacy.marker()


def test_downstream_only_reads_the_marks_the_guarded_path_wrote() -> None:
    # Presentation code never decides what to hide: a raw frame passes untouched, a released one keeps its '<5'.
    raw = pd.DataFrame({"kota": ["A"], "jumlah_pns": [2], "persen_20jp": [50.0]})
    assert privacy.suppress(raw).equals(raw)
    values, hidden = privacy.for_chart(pd.DataFrame({"kota": ["A"], "jumlah_pns": ["<5"]}))
    assert hidden["jumlah_pns"].tolist() == [True] and values["jumlah_pns"].isna().all()


def _calls_of(path: Path, names: set[str]) -> list[str]:
    """Return 'file:line name' for each call in `path` of a query function: `queries.x(...)`, `quality.x(...)`
    (any module of analytics.queries imported by name) or a bare `x(...)` imported from analytics.queries."""
    tree = ast.parse(path.read_text())
    modules, functions = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analytics"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                if target.startswith("analytics.queries") and alias.name not in names:
                    modules.add(alias.asname or alias.name)
                elif node.module.startswith("analytics.queries") and alias.name in names:
                    functions.add(alias.asname or alias.name)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            by_module = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in modules
            if (by_module and f.attr in names) or (isinstance(f, ast.Name) and f.id in functions):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_page_chart_download_or_meeting_file_calls_a_query_itself() -> None:
    names = {f.__name__ for f in DECLARATIONS if f.__module__.startswith("analytics.queries.")}
    assert {"scorecard", "what_if", "load_history"} <= names
    calls = [c for path in READERS for c in _calls_of(path, names)]
    assert calls == []  # they pass query functions to ui.data.fetch or to a fetch built on release.read


def test_the_scope_hook_keeps_only_the_cities_a_reader_may_see(con, everything: Filters) -> None:
    everyone = release.read(con, queries.predikat, everything)
    assert set(everyone["kota"]) == set(everything.kota)
    one = scope.Scope(kota=frozenset(everything.kota[:1]))
    mine = release.read(con, queries.predikat, everything, scope=one)
    assert set(mine["kota"]) == set(everything.kota[:1])
    assert release.read(con, queries.predikat, everything, scope=grants.EVERYTHING).equals(everyone)


def test_meeting_files_refuse_a_fetch_that_skips_the_guarded_path(con, everything: Filters) -> None:
    # The sidebar's download buttons once read queries on the raw connection; content.overview now refuses
    # anything but ui.data.fetch or a release.Reader.
    ctx = PageContext("id", everything, queries.warehouse_info(con))
    with pytest.raises(TypeError, match="guarded path"):
        content.overview(lambda function, f, *extra: function(con, f, *extra), ctx)
    assert content.overview(release.Reader(con), ctx).sections  # the guarded reader is accepted
