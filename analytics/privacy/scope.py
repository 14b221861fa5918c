"""Scope: which governments' rows a signed-in person may read. The hook on the guarded path
(analytics.privacy.release.read) where access by city will be enforced; today every reader sees every
city (local mode, and the only mode until scoped sign-in exists).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.queries.declare import Declaration


@dataclass(frozen=True)
class Scope:
    """What one reader may see: `kota` None means every city."""

    kota: frozenset[str] | None = None


EVERYTHING = Scope()


def restrict(frame: pd.DataFrame, declaration: Declaration, scope: Scope | None) -> pd.DataFrame:
    """Return the rows of a query result that `scope` may see (all of them for EVERYTHING or None)."""
    if scope is None or scope.kota is None or "kota" not in frame.columns:
        return frame
    return frame[frame["kota"].isin(scope.kota)].reset_index(drop=True)
