"""The one guarded path from the warehouse to a person: every page, chart, download, meeting file and CLI
export reads query results through `read`, and nothing else hands them out.

`read` runs a declared query function (analytics.queries, each declared with analytics.queries.declare),
refuses a result with a numeric column its declaration does not name, keeps only what the reader's scope
may see (analytics.privacy.scope), and applies the small-group rule once, with the declaration's kinds of
columns (analytics.privacy.small_groups): numbers about fewer than 5 people, and what they could be worked
out from, come back as '<5'. Only a column declared about no people (NotPeople: money, labels, activities,
facts of a load) is left alone; every other number is hidden with the counts of its row it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.privacy import scope as scopes
from analytics.privacy.small_groups import KEYS, Rules, suppress
from analytics.queries.declare import Count, Declaration, Derived, Kind, NotPeople, Share, Undeclared, declaration_of
from analytics.queries.filters import Filters


def rules_of(declaration: Declaration) -> Rules:
    """Return the small-group rule's view of a query's declared columns (analytics.privacy.small_groups.Rules):
    its counts, the counts its shares imply, what each other number is computed from (a column of a kind the
    rule does not know, or Derived() without sources: every count and share of its row; a NotPeople column:
    nothing), the (total, parts) that add up within a row, and the labels of its grain that break a whole
    down."""
    columns = declaration.columns
    shares = {c: k for c, k in columns.items() if isinstance(k, Share)}
    counts = frozenset(c for c, k in columns.items() if isinstance(k, Count))
    row = (*sorted(counts), *shares)
    return Rules(
        counts=counts,
        implied=tuple((c, (k.of, k.parts)) for c, k in shares.items()),
        derived=tuple((c, _sources(k, row)) for c, k in columns.items() if not isinstance(k, Count | NotPeople)),
        partitions=declaration.totals,
        breakdowns=tuple(g for g in declaration.grain if g not in KEYS and _is_label(columns.get(g))),
    )


def _sources(kind: Kind, row: tuple[str, ...]) -> tuple[str, ...]:
    """Return the columns a number of `kind` is computed from: a share's parts and denominator, a derived
    figure's sources, and for anything else (the safe default) `row`, every count and share of its row."""
    if isinstance(kind, Share):
        return (*kind.parts, kind.of)
    if isinstance(kind, Derived) and kind.sources:
        return kind.sources
    return row


def _is_label(kind: Kind | None) -> bool:
    """Return True when a grain column of `kind` names its rows (text, a year, a rank) rather than being a
    figure about people (the points of a Lorenz curve)."""
    return kind is None or isinstance(kind, NotPeople)


def undeclared_columns(frame: pd.DataFrame, declaration: Declaration) -> list[str]:
    """Return the numeric columns of `frame` that `declaration` does not name (booleans count as numbers)."""
    return [
        str(c)
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and c not in declaration.columns and c not in declaration.grain
    ]


def checked(frame: pd.DataFrame, declaration: Declaration) -> pd.DataFrame:
    """Return `frame` when every numeric column is declared; raise Undeclared naming the others."""
    extra = undeclared_columns(frame, declaration)
    if extra:
        raise Undeclared(f"{declaration.name} returned undeclared numeric columns: {extra}")
    return frame


def read(
    con: duckdb.DuckDBPyConnection,
    function: Callable,
    filters: Filters | None = None,
    *extra: object,
    scope: scopes.Scope | None = None,
) -> pd.DataFrame | object:
    """Return what query `function` answers for `filters` (and its extra arguments), as a person may see it:
    restricted to `scope` (analytics.privacy.scope: the reader's own cities, other cities only for shared
    headline measures; OutOfScope for a whole-deployment answer a scoped reader may not have) and with the
    small-group rule applied by its declaration (a result that counts nobody, such as the load history, needs
    none). Facts about the load (a query declared `facts=True`) are scoped the same way: refused to a scoped
    reader unless shared, and then without the fields the declaration withholds (scope.facts_for)."""
    declaration = declaration_of(function)
    filters = scopes.narrowed(filters, declaration, scope)  # before the query runs: it sees only what may be seen
    result = function(con, filters, *extra) if filters is not None else function(con, *extra)
    if declaration.facts:
        return scopes.facts_for(result, declaration, scope)
    frame = scopes.restrict(checked(result, declaration), declaration, scope, filters)
    rules = rules_of(declaration)
    return suppress(frame, rules=rules) if rules.counts else frame  # no count of people: nothing to hide


def admits(function: Callable, scope: scopes.Scope | None, filters: Filters | None = None) -> bool:
    """Return True when `read` would answer query `function` with `filters` for `scope` at all (False: it
    would refuse)."""
    return scopes.admits(declaration_of(function), scope, filters)


@dataclass(frozen=True)
class Reader:
    """`read` bound to one connection and one reader's scope: what the command line and the app's download
    buttons hand to the meeting files (analytics.meeting_files.content), which accept nothing else but
    the app's cached ui.data.fetch. Call it as reader(query_function, filters, *extra)."""

    con: duckdb.DuckDBPyConnection
    scope: scopes.Scope | None = None
    releases = True  # the mark the meeting files check: this fetch goes through the guarded path

    def __call__(self, function: Callable, filters: Filters | None = None, *extra: object) -> pd.DataFrame | object:
        return read(self.con, function, filters, *extra, scope=self.scope)
