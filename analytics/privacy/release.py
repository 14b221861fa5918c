"""The one guarded path from the warehouse to a person: every page, chart, download, meeting file and CLI
export reads query results through `read`, and nothing else hands them out.

`read` runs a declared query function (analytics.queries, each declared with analytics.queries.declare),
refuses a result with a numeric column its declaration does not name, keeps only what the reader's scope
may see (analytics.privacy.scope), and applies the small-group rule once, with the declaration's kinds of
columns (analytics.privacy.small_groups): numbers about fewer than 5 people, and what they could be worked
out from, come back as '<5'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.privacy import scope as scopes
from analytics.privacy.small_groups import Rules, suppress
from analytics.queries.declare import Count, Declaration, Derived, Share, Undeclared, declaration_of
from analytics.queries.filters import Filters


def rules_of(declaration: Declaration) -> Rules:
    """Return the small-group rule's view of a query's declared columns (analytics.privacy.small_groups.Rules):
    its counts, the counts its shares imply, what each derived figure and share is computed from, and the
    (total, parts) that add up within a row."""
    columns = declaration.columns
    shares = {c: k for c, k in columns.items() if isinstance(k, Share)}
    return Rules(
        counts=frozenset(c for c, k in columns.items() if isinstance(k, Count)),
        implied=tuple((c, (k.of, k.parts)) for c, k in shares.items()),
        derived=tuple((c, k.sources) for c, k in columns.items() if isinstance(k, Derived))
        + tuple((c, (*k.parts, k.of)) for c, k in shares.items()),
        partitions=declaration.totals,
    )


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
    none). Facts about the load (a query declared `facts=True`) come
    back as they are."""
    declaration = declaration_of(function)
    filters = scopes.narrowed(filters, declaration, scope)  # before the query runs: it sees only what may be seen
    result = function(con, filters, *extra) if filters is not None else function(con, *extra)
    if declaration.facts:
        return result
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
