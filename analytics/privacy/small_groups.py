"""Small groups: numbers that describe fewer than `min_group()` people are shown as "<5", never as a value.

One place for the rule. It is applied once, on the guarded path every page, chart, download, meeting file and
CLI export reads through (analytics.privacy.release), to each query result with what its declaration says of
its columns (analytics.queries.declare: counts of people, shares, derived figures, totals). Downstream, the
chart builders, tables, tiles and findings only read the '<5' it wrote (`for_chart`, `numbers`, `is_hidden`;
`mask` and `suppress` without rules). Nothing here imports Streamlit.

The rule, applied to one table at a time:

1. Primary: a count of people between 1 and k-1 (k = $ASN_MIN_GROUP, default 5) is suppressed. Zero is
   shown: it describes nobody, and "no one reached 20 JP" is a finding people must see.
2. Derived: a figure computed from a suppressed count (a percentage, a mean, a score, JP per ASN, IKM, a cost
   per participant...) is suppressed too, so "<5" cannot be recovered from a share and its denominator, or
   from a cost and the cost per participant. A query's declaration says what each figure comes from; a
   number it does not declare about no people comes from every count of its row (release.rules_of). A share
   whose numerator is not in the table (persen_20jp beside jumlah_pns only) is checked through the count it
   implies (share x denominator): that count takes part in steps 1, 3 and 4 like a column of the table.
3. Secondary, within a row: when a total and its parts stand in the same row (jumlah_dinilai and the five
   predikat; jumlah_terdaftar and lulus / tidak lulus / tidak hadir; jumlah_pns and pns_memenuhi_20jp,
   whose hidden remainder counts as a part), and exactly one part is suppressed (or the hidden remainder is
   1..k-1), or the suppressed parts add up to 1..k-1 (their sum is total minus the shown parts), the next
   smallest shown non-zero part is suppressed too; when there is none, the total is.
4. Secondary, within a column: rows that break one group down (same kota, tahun and other labels, different
   value of one breakdown label: opd, nilai, rentang_jp, kelompok, an exact JP, a predikat rank...) can add
   up to a whole the reader knows. When exactly one cell of a count column is suppressed in such a group, or
   the suppressed cells add up to 1..k-1 (a reader gets their sum by subtraction: five bands of 1 person
   give away that 4 people are below 20 JP), the next smallest shown non-zero cell of that column in the
   group is suppressed too. With several breakdown labels (kelompok and penyelenggara, saluran, kategori and
   sentimen) each of them, with the others fixed, breaks a whole down, and so does the city (-year) as a
   whole. The breakdown labels are the query's grain less kota and tahun (Rules.breakdowns); without a
   declaration, the text columns that are not kota, tahun or a derived figure.
Steps 2-4 repeat until nothing changes. Tables whose only labels are kota and tahun have no breakdown and
step 4 does not apply to them.

Across the tables, charts, tiles and sentences of one page (cross-table subtraction):

5. Totals are known. Step 4 assumes the reader knows every breakdown's total (a city's total is on the
   same page, in a tile, a trend or a caption), so a suppressed cell of a breakdown is never the only one:
   "total minus the shown parts" gives the sum of at least two hidden cells, never one of them. A total
   shown beside its breakdown is itself a count and follows steps 1-2 where it is shown.
6. Same cell, same fate. A breakdown is suppressed complete, before rows are picked for display (the ten
   lowest OPDs, one city, the five OPDs of a trend), so a cell hidden in one table of the page is hidden in
   every other table or chart that shows it, and the secondary cells chosen in step 4 are the same
   everywhere. Every chart is drawn from the frame its "Lihat data" table shows, and a figure written in a
   label, caption, tile or finding is read from the suppressed frame, never recomputed from the raw one.
   Whatever adds people up (a total, a mean, a comparison, a Lorenz curve, a simulation) is a query function,
   so the rule sees its result.
7. Nothing is worked out from hidden cells: an average over other cities leaves a hidden city out, a ranking
   places hidden rows after the shown ones (unordered), and a 100% stacked bar keeps its known total: the
   shown parts keep their true share and the hidden parts are drawn together as one hatched "<5" segment
   (their sum is what "total minus shown parts" already gives); a bar whose total is hidden is not drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import settings

LABELS_NOT_BREAKDOWNS = frozenset({"kota", "tahun", "mutu_ikm", "label"})
KEYS = ("kota", "tahun", "tahun_dinilai")  # labels that never break a whole down: a city, a year


@dataclass(frozen=True)
class Rules:
    """What the rule knows about a table's columns: which count people, which shares imply a count (share ->
    (denominator, numerators)), which figures are derived from which columns, and which (total, parts) add
    up within a row, and which labels break a whole down (None: its text columns, rule 4). Each query declares
    its own (analytics.queries.declare, read by release.rules_of); MARKERS knows nothing, so with it the
    functions below only read the '<5' the guarded path already wrote."""

    counts: frozenset[str]
    implied: tuple[tuple[str, tuple[str, tuple[str, ...]]], ...]
    derived: tuple[tuple[str, tuple[str, ...]], ...]
    partitions: tuple[tuple[str, tuple[str, ...]], ...]
    breakdowns: tuple[str, ...] | None = None


MARKERS = Rules(frozenset(), (), (), ())


def min_group() -> int:
    """Return the smallest group shown as a number: $ASN_MIN_GROUP when it is a whole number >= 1, else 5."""
    return settings.min_group()


def marker(k: int | None = None) -> str:
    """Return the text shown instead of a suppressed number: '<5' for the default group size."""
    return f"<{k or min_group()}"


def _numbers(series: pd.Series) -> pd.Series:
    """Return the column as floats; text (an earlier marker) becomes NaN."""
    return pd.to_numeric(series, errors="coerce")


def _suppress_smallest(values: pd.Series, hidden: pd.Series, candidates: list) -> object | None:
    """Return the index (from `candidates`) of the smallest shown non-zero value, None when there is none."""
    shown = [i for i in candidates if not hidden[i] and pd.notna(values[i]) and values[i] != 0]
    return min(shown, key=lambda i: values[i]) if shown else None


def _implied(df: pd.DataFrame, rules: Rules) -> dict[str, tuple[str, pd.Series]]:
    """Return, per implied share of `rules` in `df` whose numerator is not there, a virtual count column: its
    name mapped to (share, the count share x denominator / 100, rounded)."""
    out = {}
    for share, (denominator, numerators) in rules.implied:
        if share in df.columns and denominator in df.columns and not all(s in df.columns for s in numerators):
            count = (_numbers(df[share]) * _numbers(df[denominator]) / 100).round()
            out[f"_n_{share}"] = (share, count)
    return out


def mask(df: pd.DataFrame, k: int | None = None, rules: Rules = MARKERS) -> pd.DataFrame:
    """Return a frame of booleans shaped like `df`: True where a cell must not be shown (module rule, with
    what `rules` says of the columns; with MARKERS, only the '<5' cells already written). The rule runs once
    per released query result, which ui.data caches, so nothing here is remembered."""
    return _mask(df, k or min_group(), rules)


def _mask(df: pd.DataFrame, k: int, rules: Rules) -> pd.DataFrame:
    """Return mask(df, k, rules), worked out."""
    text = marker(k)
    implied = _implied(df, rules)
    counts = [c for c in df.columns if c in rules.counts] + list(implied)
    hidden = pd.DataFrame(False, index=df.index, columns=[*df.columns, *implied])
    for c in df.columns:  # '<5' left by an earlier `suppress` stays hidden
        hidden[c] = df[c].astype(object).map(lambda v: isinstance(v, str) and v == text)
    if not counts:
        return hidden[list(df.columns)]
    values = {c: _numbers(df[c]) for c in counts if c in df.columns} | {c: v for c, (_, v) in implied.items()}
    derived = dict(rules.derived)
    derived |= {share: (*derived[share], c) for c, (share, _) in implied.items()}
    denominators = {share: denominator for share, (denominator, _) in rules.implied}
    partitions = rules.partitions + tuple((denominators[share], (c,)) for c, (share, _) in implied.items())
    for c in counts:
        hidden[c] |= (values[c] > 0) & (values[c] < k)

    groupings = _wholes(df, rules, derived)
    columns = set(hidden.columns)

    for _ in range(100):  # each round hides more cells, or stops
        before = hidden.copy()
        for total, parts in partitions:
            shown_parts = [p for p in parts if p in columns]
            if total not in columns or not shown_parts:
                continue
            missing = len(shown_parts) < len(parts) or len(parts) == 1  # one part: its complement is hidden
            for i in df.index:
                if hidden.at[i, total]:
                    continue
                suppressed = sum(bool(hidden.at[i, p]) for p in shown_parts)
                hidden_sum = sum(values[p][i] for p in shown_parts if hidden.at[i, p] and pd.notna(values[p][i]))
                if missing:
                    remainder = values[total][i] - sum(values[p][i] for p in shown_parts)
                    if pd.notna(remainder) and 0 < remainder < k:
                        suppressed += 1
                        hidden_sum += remainder
                if suppressed == 1 or (suppressed > 1 and 0 < hidden_sum < k):
                    row = pd.Series({p: values[p][i] for p in shown_parts})
                    row_hidden = pd.Series({p: bool(hidden.at[i, p]) for p in shown_parts})
                    pick = _suppress_smallest(row, row_hidden, shown_parts)
                    hidden.at[i, pick if pick is not None else total] = True
        for rows in groupings:
            for c in counts:
                n_hidden = int(hidden.loc[rows, c].sum())
                hidden_sum = values[c].loc[rows][hidden.loc[rows, c].to_numpy(dtype=bool)].sum()
                if n_hidden == 1 or (n_hidden > 1 and 0 < hidden_sum < k):
                    pick = _suppress_smallest(values[c], hidden[c], rows)
                    if pick is not None:
                        hidden.at[pick, c] = True
        for column, sources in derived.items():
            present = [s for s in sources if s in columns]
            if column in columns and present:
                hidden[column] |= hidden[present].any(axis=1)
        if hidden.equals(before):
            break
    return hidden[list(df.columns)]


def _wholes(df: pd.DataFrame, rules: Rules, derived: dict) -> list[list]:
    """Return the groups of rows (index lists) that break a whole the reader knows down (rule 4): for each
    breakdown label, the rows with the same city, year and other labels; with several labels, also the city
    (-year) as a whole. No groups for a table without breakdown labels."""
    if rules.breakdowns is not None:
        breakdown = [c for c in rules.breakdowns if c in df.columns]
    else:
        breakdown = [
            c
            for c in df.columns
            if c not in LABELS_NOT_BREAKDOWNS
            and c not in rules.counts
            and c not in derived
            and not pd.api.types.is_numeric_dtype(df[c])
        ]
    keys = [c for c in df.columns if c in KEYS]
    labels = [keys + [b for b in breakdown if b != by] for by in breakdown] + ([keys] if len(breakdown) > 1 else [])
    return [list(part.index) for by in labels for _, part in _groups(df, by)]


def _groups(df: pd.DataFrame, by: list[str]) -> list[tuple[object, pd.DataFrame]]:
    """Return df grouped by the columns `by` (missing values a group of their own), or the whole table."""
    return list(df.groupby(by, dropna=False, sort=False)) if by else [((), df)]


def suppress(df: pd.DataFrame, k: int | None = None, rules: Rules = MARKERS) -> pd.DataFrame:
    """Return a copy of `df` for people to read: every cell the module rule hides holds '<5' (text), the
    other cells keep their values (columns with a suppressed cell become object dtype)."""
    hidden = mask(df, k, rules)
    if not hidden.to_numpy().any():
        return df.copy()
    out = df.copy()
    text = marker(k)
    for c in df.columns[hidden.any(axis=0).to_numpy()]:
        out[c] = out[c].astype(object).where(~hidden[c], text)
    return out


def for_chart(df: pd.DataFrame, k: int | None = None, rules: Rules = MARKERS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (values, hidden) for drawing `df`: values is `df` with every cell the module rule hides missing
    (NaN) and those columns numeric again (a '<5' left by an earlier `suppress` becomes NaN too); hidden is
    `mask(df)`, so a builder can write '<5' where a value was hidden rather than merely missing."""
    hidden = mask(df, k, rules)
    out = df.copy()
    for c in df.columns:  # numbers again, also where a picked frame kept suppress's object dtype
        if hidden[c].any() or out[c].dtype == object:
            out[c] = _numeric_or_text(out[c].astype(object).where(~hidden[c]))
    return out, hidden


def _numeric_or_text(kept: pd.Series) -> pd.Series:
    """Return a column whose hidden cells were emptied as numbers, unless it holds text (mutu_ikm, kota)."""
    numeric = pd.to_numeric(kept, errors="coerce")
    return numeric if numeric.notna().sum() == kept.notna().sum() else kept


def hidden_count(hidden: pd.DataFrame, columns: list[str] | str) -> int:
    """Return how many rows of `hidden` (a mask) have a hidden cell in any of `columns`."""
    columns = [columns] if isinstance(columns, str) else [c for c in columns if c in hidden.columns]
    return int(hidden[columns].any(axis=1).sum()) if columns else 0


def shown_first(df: pd.DataFrame, columns: list[str], label: str) -> pd.DataFrame:
    """Return `df` with the rows that have a hidden cell in `columns` moved after the others and put in
    `label` order, so a ranking never tells where a hidden value would rank (rule 7)."""
    present = [c for c in columns if c in df.columns]
    secret = mask(df)[present].any(axis=1) if present else pd.Series(False, index=df.index)
    return pd.concat([df[~secret], df[secret].sort_values(label)]).reset_index(drop=True)


def is_hidden(value: object) -> bool:
    """Return True when `value` is the '<5' text `suppress` writes instead of a number."""
    return isinstance(value, str) and value == marker()


def numbers(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a suppressed frame with the '<5' cells missing (NaN) and those columns numeric, for
    code that ranks, averages or formats what is shown."""
    out = df.copy()
    for c in df.columns:
        secret = df[c].map(is_hidden)
        if secret.any():
            out[c] = _numeric_or_text(df[c].astype(object).where(~secret))
    return out
