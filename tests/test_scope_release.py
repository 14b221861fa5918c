"""Scoped access on the guarded path itself (analytics.privacy.release.read with a Scope), on the demo warehouse
built by the real pipeline: inside a reader's kota everything, outside it only city-wide shared headline
measures, and filters from a hostile URL narrow what is read but never widen it."""

from __future__ import annotations

import inspect
from dataclasses import replace

import duckdb
import pandas as pd
import pytest
from conftest import QUERY_ARGS

from access.grants import Scope
from analytics import queries
from analytics.context import PageContext
from analytics.meeting_files import content
from analytics.privacy import release
from analytics.privacy.scope import OutOfScope
from analytics.queries import quality
from analytics.queries.declare import DECLARATIONS
from analytics.queries.filters import Filters

MINE = "Pontianak"
PONTIANAK = Scope(kota=frozenset({MINE}))
WHOLE_DEPLOYMENT = [
    quality.load_history,
    quality.latest_files,
    quality.dataset_counts,
    quality.rejects_by_problem,
    quality.rows_warned,  # facts about the load (facts=True): scoped on the guarded path like the others
]


def _takes_filters(function) -> bool:
    return list(inspect.signature(function).parameters)[1:2] == ["f"]


def _with_filters() -> list:
    return [
        f
        for f, d in DECLARATIONS.items()
        if not d.facts and not d.shared and f.__module__.startswith("analytics.queries.") and _takes_filters(f)
    ]


def _read(con, function, f: Filters, scope: Scope | None = None) -> pd.DataFrame:
    return release.read(con, function, f, *QUERY_ARGS.get(function.__name__, ()), scope=scope)


def _hostile(function, everything: Filters) -> Filters:
    """Filters a hostile URL could carry: every city (for the what-if, the one city of another government)."""
    if function.__name__.startswith("what_if"):
        return Filters(("Makassar",), everything.tahun_akhir, everything.tahun_akhir)
    return everything


@pytest.mark.parametrize("function", _with_filters(), ids=lambda f: f.__name__)
def test_a_query_that_is_not_shared_answers_a_scoped_reader_only_about_their_own_kota(
    con: duckdb.DuckDBPyConnection, everything: Filters, function
) -> None:
    asked = _hostile(function, everything)
    shown = _read(con, function, asked, PONTIANAK)
    own_only = _read(con, function, replace(asked, kota=tuple(k for k in asked.kota if k == MINE)))
    pd.testing.assert_frame_equal(shown, own_only)  # also for answers without a kota column (added-up cities)
    if "kota" in shown.columns:
        assert set(shown["kota"]) <= {MINE}


def test_the_test_above_would_see_other_cities_without_a_scope(con, everything: Filters) -> None:
    assert set(_read(con, queries.predikat, everything)["kota"]) == set(everything.kota) != {MINE}


def test_the_shared_scorecard_shows_every_chosen_city_to_a_scoped_reader(con, everything: Filters) -> None:
    shown = _read(con, queries.scorecard, everything, PONTIANAK)
    pd.testing.assert_frame_equal(shown, _read(con, queries.scorecard, everything))
    assert set(shown["kota"]) == set(everything.kota)


def test_a_people_filter_keeps_even_the_shared_scorecard_inside_the_scope(con, everything: Filters) -> None:
    opd = str(release.read(con, queries.filter_options)["opd"].iloc[0])
    by_opd = replace(everything, opd=(opd,))  # an OPD breakdown of another government, asked through the URL
    shown = _read(con, queries.scorecard, by_opd, PONTIANAK)
    assert set(shown["kota"]) <= {MINE}
    pd.testing.assert_frame_equal(shown, _read(con, queries.scorecard, replace(by_opd, kota=(MINE,))))


def test_a_url_naming_only_another_city_shows_nothing_of_it_but_its_headline_measures(con, everything: Filters) -> None:
    theirs = replace(everything, kota=("Makassar",))
    assert _read(con, queries.predikat, theirs, PONTIANAK).empty
    assert _read(con, queries.opd_gap, theirs, PONTIANAK).empty
    assert _read(con, queries.opd_profile, theirs, PONTIANAK).empty  # no kota column: scoped by its filters
    assert not _read(con, queries.opd_profile, theirs).empty  # what the scope withheld
    assert set(_read(con, queries.scorecard, theirs, PONTIANAK)["kota"]) == {"Makassar"}


@pytest.mark.parametrize("function", WHOLE_DEPLOYMENT, ids=lambda f: f.__name__)
def test_whole_deployment_answers_are_refused_to_a_scoped_reader(con, function) -> None:
    with pytest.raises(OutOfScope, match=function.__name__):
        release.read(con, function, scope=PONTIANAK)
    assert not release.admits(function, PONTIANAK)
    assert release.admits(function, None) and release.admits(function, Scope(kota=None))
    release.read(con, function, scope=Scope(kota=None))  # a national reader gets it


def test_the_facts_every_reader_picks_from_come_without_the_whole_deployments_rejects(con) -> None:
    everyone = release.read(con, queries.warehouse_info)
    mine = release.read(con, queries.warehouse_info, scope=PONTIANAK)
    assert mine.rows_rejected is None and everyone.rows_rejected == queries.warehouse_info(con).rows_rejected
    assert replace(mine, rows_rejected=everyone.rows_rejected) == everyone  # the cities and years stay: shared
    assert release.read(con, queries.warehouse_info, scope=Scope(kota=None)) == everyone
    assert release.admits(queries.warehouse_info, PONTIANAK)


def test_the_filter_choices_of_a_scoped_reader_name_only_their_own_agencies(con) -> None:
    everyone = release.read(con, queries.filter_options)
    mine = release.read(con, queries.filter_options, scope=PONTIANAK)
    assert set(mine["kota"]) == {MINE} and len(mine) < len(everyone)


def test_a_deployment_that_shares_everything_shows_every_city_to_every_reader(con, everything: Filters) -> None:
    shared = Scope(kota=frozenset({MINE}), share_everything=True)
    pd.testing.assert_frame_equal(
        _read(con, queries.predikat, everything, shared), _read(con, queries.predikat, everything)
    )
    release.read(con, quality.load_history, scope=shared)


def test_a_reader_of_two_cities_sees_both_and_no_third(con, everything: Filters) -> None:
    two = Scope(kota=frozenset({MINE, "Jambi"}))
    assert set(_read(con, queries.predikat, everything, two)["kota"]) == {MINE, "Jambi"}


def test_a_scoped_meeting_file_holds_other_cities_only_in_the_shared_scorecard(con, info, everything) -> None:
    ctx = PageContext("id", everything, info, PONTIANAK)
    report = content.overview(release.Reader(con, PONTIANAK), ctx)
    unscoped = content.overview(release.Reader(con), PageContext("id", everything, info))
    tables = {s.key: s.table for s in report.sections if s.table is not None}
    others = {s.key: s.table for s in unscoped.sections if s.table is not None}
    withheld = [k for k in tables if not tables[k].equals(others[k])]
    assert withheld  # the OPD and predikat sections lost the other cities
    for key in withheld:
        assert not any(str(k) in tables[key].to_string() for k in everything.kota if k != MINE), key
