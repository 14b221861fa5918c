"""Scope: which governments' rows a reader may see, enforced on the guarded path (analytics.privacy.release.read),
the one place where data leaves the warehouse for a page, a download, a meeting file or the command line.

The rule, written once here:
- Inside the reader's own kota: everything the product has.
- Outside it: only queries declared `shared=True` (the headline measures governments share with peers, such
  as the city-year scorecard), and only city-wide: with an OPD, jabatan or jenis ASN filter set, a shared
  query is a breakdown, so it too is kept to the reader's own kota. A deployment may instead share
  everything (`Scope.share_everything`).
- How: before the query runs, its filters are narrowed to the cities the reader may see for it (so a query
  that adds cities up, or has no `kota` column, only ever sees the reader's cities), and after it runs, rows
  of other cities are dropped (a second lock, for queries that take no filters). A query that takes no
  filters, is not shared and has no `kota` in its grain (the load history, the files and rejects of a load)
  answers for the whole deployment: a scoped reader is refused it (OutOfScope).
- Facts about the load (a query declared `facts=True`: warehouse_info, rows_warned) are such answers too: a
  scoped reader is refused them, unless they are shared (the cities, provinces and years every reader picks
  from), and then the fields declared `withheld` (the rows rejected from every government's files) come back
  as None.
The filters come from the URL: a hostile URL naming another city narrows to nothing, it never widens.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from access.grants import Scope
from analytics.queries.declare import Declaration
from analytics.queries.filters import Filters


class OutOfScope(PermissionError):
    """A scoped reader asked for an answer about the whole deployment (the load history, files, rejects)."""


def whole_or_none(scope: Scope | None) -> bool:
    """Return True when `scope` sees every city's everything (None: the local mode)."""
    return scope is None or scope.whole


def _city_wide_shared(declaration: Declaration, filters: Filters | None) -> bool:
    """Return True when this answer may be shown for cities outside the reader's: a shared query, city-wide."""
    return declaration.shared and not (filters is not None and filters.filters_people)


def admits(declaration: Declaration, scope: Scope | None, filters: Filters | None = None) -> bool:
    """Return True when `scope` may read the query of `declaration` with `filters` at all (False: it would be
    refused): a query run with filters is scoped by them, one without needs `kota` in its grain."""
    unbounded = filters is None and "kota" not in declaration.grain
    return whole_or_none(scope) or declaration.shared or not unbounded


def narrowed(filters: Filters | None, declaration: Declaration, scope: Scope | None) -> Filters | None:
    """Return the filters the query runs with for this reader: `filters` with its kota narrowed to the ones
    `scope` may see for this query (possibly none). Raises OutOfScope for a whole-deployment answer."""
    if whole_or_none(scope):
        return filters
    if not admits(declaration, scope, filters):
        raise OutOfScope(f"{declaration.name} answers for the whole deployment, not for a scoped reader")
    if filters is None or _city_wide_shared(declaration, filters):
        return filters
    return replace(filters, kota=tuple(k for k in filters.kota if k in scope.kota))


def facts_for(facts: Any, declaration: Declaration, scope: Scope | None) -> Any:
    """Return the facts of a `facts=True` query as `scope` may see them: as they are for an unscoped reader,
    else with the fields `declaration` withholds set to None (narrowed has already refused unshared facts)."""
    if whole_or_none(scope) or not declaration.withheld:
        return facts
    return replace(facts, **dict.fromkeys(declaration.withheld))


def restrict(
    frame: pd.DataFrame, declaration: Declaration, scope: Scope | None, filters: Filters | None = None
) -> pd.DataFrame:
    """Return the rows of a query result that `scope` may see: other cities' rows only for a city-wide shared
    query (all of them for an unscoped reader)."""
    if whole_or_none(scope) or "kota" not in frame.columns or _city_wide_shared(declaration, filters):
        return frame
    keep = frame["kota"].isin(scope.kota)
    return frame if keep.all() else frame[keep].reset_index(drop=True)


def own(kota: list[str], scope: Scope | None) -> list[str]:
    """Return the cities of `kota` inside the reader's own scope (all of them for an unscoped reader)."""
    return list(kota) if scope is None or scope.kota is None else [k for k in kota if k in scope.kota]


def outside(filters: Filters | None, scope: Scope | None) -> tuple[str, ...]:
    """Return the chosen cities outside the reader's own (for them only the headline measures are shown)."""
    if filters is None or whole_or_none(scope):
        return ()
    return tuple(k for k in filters.kota if k not in scope.kota)
