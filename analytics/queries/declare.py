"""What a query function returns, declared next to it: its grain and, for every numeric column, what kind
of number it is. The small-group rule ("<5", analytics.privacy.release.rules_of) reads the declaration
instead of guessing from column names, so `jumlah` can be a head count in one query and a sum of scores in another.

    @query(
        grain=("kota", "tahun"),
        columns={"tahun": VALUE, "jumlah_pns": COUNT, "persen_20jp": Share("jumlah_pns", "pns_memenuhi_20jp")},
    )
    def compliance(con, f): ...

Kinds:
- COUNT: a number of people (or of things that each stand for one person: a rating, a response, a pair).
- Share(of, *parts): a percentage (0-100) of people, `parts` over `of`; when its parts are not in the
  table, the count it implies (share x of / 100) is judged like a count.
- Derived(*sources): a figure computed from counts (a mean, a score, JP per ASN, IKM, a text band such as
  mutu_ikm): hidden whenever one of its sources is.
- VALUE: a number that is not about people (money, JP of an activity, a year, a rank, rows of a file).
`totals` lists (total, parts) that add up within a row. A query that returns facts about the load rather
than a table (warehouse_info) is declared with `facts=True`. A query whose answer is a headline measure that
governments share with their peers (the city-year scorecard and what is computed from it alone) is declared
`shared=True`: scoped access (analytics.privacy.scope) shows it for cities outside a reader's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Count:
    """A number of people."""


@dataclass(frozen=True)
class Value:
    """A number that is not about people."""


@dataclass(frozen=True, init=False)
class Share:
    """A percentage of people: the sum of `parts` over `of`, times 100."""

    of: str
    parts: tuple[str, ...]

    def __init__(self, of: str, *parts: str) -> None:
        object.__setattr__(self, "of", of)
        object.__setattr__(self, "parts", parts)


@dataclass(frozen=True, init=False)
class Derived:
    """A figure computed from the columns `sources` (counts, or shares of counts)."""

    sources: tuple[str, ...]

    def __init__(self, *sources: str) -> None:
        object.__setattr__(self, "sources", sources)


COUNT = Count()
VALUE = Value()
Kind = Count | Value | Share | Derived

# Columns several queries return alike: active PNS, those with at least 20 JP, and the share; and the
# (total, parts) they add up to.
PNS_20JP: dict[str, Kind] = {
    "jumlah_pns": COUNT,
    "pns_memenuhi_20jp": COUNT,
    "persen_20jp": Share("jumlah_pns", "pns_memenuhi_20jp"),
}
PNS_20JP_TOTAL = ("jumlah_pns", ("pns_memenuhi_20jp",))


@dataclass(frozen=True)
class Declaration:
    """What one query function returns: one row per `grain`, each numeric column of a declared kind."""

    name: str
    grain: tuple[str, ...]
    columns: dict[str, Kind] = field(hash=False)
    totals: tuple[tuple[str, tuple[str, ...]], ...] = ()
    facts: bool = False
    shared: bool = False


DECLARATIONS: dict[Callable, Declaration] = {}  # every query function there is, with what it returns


def query(
    grain: tuple[str, ...] = (),
    columns: dict[str, Kind] | None = None,
    totals: tuple[tuple[str, tuple[str, ...]], ...] = (),
    facts: bool = False,
    shared: bool = False,
) -> Callable[[Callable], Callable]:
    """Return a decorator that registers a query function with what it returns (module docstring)."""

    def register(function: Callable) -> Callable:
        DECLARATIONS[function] = Declaration(function.__name__, grain, dict(columns or {}), totals, facts, shared)
        return function

    return register


class Undeclared(LookupError):
    """A function read through the guarded path is not a declared query, or returned an undeclared column."""


def declaration_of(function: Callable) -> Declaration:
    """Return the declaration of a query function; raise Undeclared for anything else."""
    try:
        return DECLARATIONS[function]
    except (KeyError, TypeError):
        raise Undeclared(f"{getattr(function, '__qualname__', function)!r} is not a declared query function") from None
