"""What a query function returns, declared next to it: its grain and, for every numeric column, what kind
of number it is. The small-group rule ("<5", analytics.privacy.release.rules_of) reads the declaration
instead of guessing from column names, so `jumlah` can be a head count in one query and a sum of scores in another.

    @query(
        grain=("kota", "tahun"),
        columns={"tahun": LABEL, "jumlah_pns": COUNT, "persen_20jp": Share("jumlah_pns", "pns_memenuhi_20jp")},
    )
    def compliance(con, f): ...

Numbers about people (hidden as '<5' when their group is small):
- COUNT: a number of people (or of things that each stand for one person: a rating, a response, a pair).
- Share(of, *parts): a percentage (0-100) of people, `parts` over `of`; when its parts are not in the
  table, the count it implies (share x of / 100) is judged like a count.
- Derived(*sources): anything else computed from people (a mean, a score, JP per ASN, JP passed, a cost per
  participant or per JP, a sum of sessions, IKM, a text band such as mutu_ikm): hidden whenever one of its
  `sources` is. FROM_ROW (Derived() with no sources) is computed from the people its row counts: hidden
  whenever any count or share of its row is.

Numbers about no people, never hidden, each said explicitly with what it is (NotPeople):
- MONEY: an amount of rupiah (a budget, a realisation, the cost of activities, APBD) or a ratio of two amounts
  (persen_serapan, persen_apbd).
- LABEL: a number that names its row (a year, a JP value or band, a predikat rank, a scenario's budget change).
- ACTIVITIES: a number of activities, not of their participants.
- LOAD: a fact of a load, for those who load the data and fix it: rows of its source files, its duration.

The safe choice is the default: only NotPeople escapes the rule, and the rule treats every kind it does not
know as FROM_ROW (analytics.privacy.release.rules_of). A ratio per something (a column named `..._per_...`:
per participant, per JP, per ASN) divides by what people did, so it cannot be declared NotPeople: `query`
refuses it (NotAboutPeople). tests/test_attacker.py checks the declarations against the SQL: from every
released result it tries to work out each hidden count.

`totals` lists (total, parts) that add up within a row. A query that returns facts about the load rather
than a table (warehouse_info, rows_warned) is declared with `facts=True`: it is about the whole deployment,
so a scoped reader is refused it (analytics.privacy.scope) unless it is also `shared=True`, in which case the
fields it lists in `withheld` come back as None to a scoped reader. A query whose answer is a headline
measure that governments share with their peers (the city-year scorecard and what is computed from it
alone) is declared `shared=True`: scoped access shows it for cities outside a reader's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Count:
    """A number of people."""


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
    """A figure computed from the columns `sources` (counts, shares, other derived figures); with no sources,
    from every count and share of its row (FROM_ROW)."""

    sources: tuple[str, ...]

    def __init__(self, *sources: str) -> None:
        object.__setattr__(self, "sources", sources)


# What a number about no people may be (module docstring): the only kinds the small-group rule leaves alone.
NOT_PEOPLE = {
    "money": "an amount of rupiah, or a ratio of two amounts",
    "label": "a number that names its row: a year, a JP value or band, a rank, a scenario",
    "activities": "a number of activities, not of their participants",
    "load": "a fact of a load, for those who load the data: rows of its files, its duration, the synthetic flag",
}


@dataclass(frozen=True)
class NotPeople:
    """A number about no people: it stays the same however many people its row counts, so it is never hidden.
    `what` is one of NOT_PEOPLE."""

    what: str

    def __post_init__(self) -> None:
        if self.what not in NOT_PEOPLE:
            raise ValueError(f"not a kind of number about no people: {self.what!r} (one of {sorted(NOT_PEOPLE)})")


COUNT = Count()
FROM_ROW = Derived()
MONEY = NotPeople("money")
LABEL = NotPeople("label")
ACTIVITIES = NotPeople("activities")
LOAD = NotPeople("load")
Kind = Count | Share | Derived | NotPeople

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
    withheld: tuple[str, ...] = ()


DECLARATIONS: dict[Callable, Declaration] = {}  # every query function there is, with what it returns


class NotAboutPeople(ValueError):
    """A column declared about no people says by its name that it is a figure per person, per JP or per ASN."""


def _about_no_people(name: str, columns: dict[str, Kind]) -> dict[str, Kind]:
    """Return `columns` when none of its ratios per something (`..._per_...`) is declared NotPeople; raise
    NotAboutPeople naming them otherwise."""
    wrong = [c for c, k in columns.items() if isinstance(k, NotPeople) and "_per_" in c]
    if wrong:
        raise NotAboutPeople(f"{name}: {wrong} divide by what people did; declare them Derived(...), not NotPeople")
    return columns


def query(
    grain: tuple[str, ...] = (),
    columns: dict[str, Kind] | None = None,
    totals: tuple[tuple[str, tuple[str, ...]], ...] = (),
    facts: bool = False,
    shared: bool = False,
    withheld: tuple[str, ...] = (),
) -> Callable[[Callable], Callable]:
    """Return a decorator that registers a query function with what it returns (module docstring); raise
    NotAboutPeople for a ratio per something declared about no people."""

    def register(function: Callable) -> Callable:
        kinds = _about_no_people(function.__name__, dict(columns or {}))
        DECLARATIONS[function] = Declaration(function.__name__, grain, kinds, totals, facts, shared, withheld)
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
