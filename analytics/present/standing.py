"""Where the focus city stands among the cities compared, written for people: a row per headline measure of
the scorecard (its value, "12 dari 98", the peers' median and middle half, the best and the lagging cities by
name), the ranked table of every city, and the tiles of the focus city against the peers' median; with no focus
city, how the cities spread (median, middle half, best and lagging) and the provinces, each its cities together.

Everything is read from the released scorecard (analytics.queries.scorecard through analytics.privacy.release,
a query governments share): a '<5' value is missing here, takes no rank and moves no median.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from analytics import metrics, privacy
from analytics.present import formatting as fmt
from analytics.present.charts.labels import name_list
from analytics.present.charts.strip import named
from analytics.present.measures import BY_COLUMN, RANKED_MEASURES, Measure
from analytics.present.overview import Tile
from analytics.texts import t


def latest(scorecard: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the scorecard rows of `year`, '<5' cells missing (numbers only), one row per kota."""
    return privacy.numbers(scorecard[scorecard["tahun"] == year]).reset_index(drop=True)


def standings(
    scorecard: pd.DataFrame, year: int, kota: str | None, columns: Iterable[str] | None = None
) -> dict[str, metrics.Standing]:
    """Return where `kota` stands in `year` among every city of the scorecard, per headline measure (column):
    every measure, or those of `columns`."""
    rows = latest(scorecard, year)
    wanted = [m for m in RANKED_MEASURES if columns is None or m.column in columns]
    return {m.column: metrics.standing(rows, m.column, kota, m.higher_is_better) for m in wanted}


def of(scorecard: pd.DataFrame, year: int, kota: str | None, column: str) -> metrics.Standing:
    """Return where `kota` stands on scorecard `column` in `year` among every city of the scorecard."""
    return metrics.standing(latest(scorecard, year), column, kota, BY_COLUMN[column].higher_is_better)


def rank_text(standing: metrics.Standing, lang: str) -> str:
    """Return '12 dari 98' / '12 of 98', or '–' when the city has no value."""
    if standing.rank is None:
        return fmt.MISSING
    return t("st_rank", lang, rank=fmt.number(standing.rank, lang), n=fmt.number(standing.n, lang))


def table(scorecard: pd.DataFrame, year: int, kota: str, lang: str) -> pd.DataFrame:
    """Return one row per headline measure, as text: the measure, `kota`'s value, its rank, the median, the
    middle half (first to third quartile), the three best and the three lagging cities."""
    rows = []
    where = standings(scorecard, year, kota)
    for m in RANKED_MEASURES:
        s = where[m.column]

        def write(v: float | None, m: Measure = m) -> str:
            return fmt.MISSING if v is None else m.write(v, lang)

        rows.append(
            {
                t("metric", lang): t(m.label, lang),
                kota: write(s.value),
                t("st_rank_head", lang): rank_text(s, lang),
                t("st_median", lang): write(s.median),
                t("st_middle", lang): f"{write(s.q1)} – {write(s.q3)}" if s.n else fmt.MISSING,
                t("st_best", lang): name_list(s.best, lang) or fmt.MISSING,
                t("st_lagging", lang): name_list(s.lagging, lang) or fmt.MISSING,
            }
        )
    return pd.DataFrame(rows)


def sentences(scorecard: pd.DataFrame, year: int, kota: str, columns: Iterable[str], lang: str) -> list[str]:
    """Return a sentence per scorecard column of `columns` on where `kota` stands: its value, its rank and its
    distance to the median ('PNS mencapai 20 JP: Pontianak 55,0%, peringkat 12 dari 98; median kota pembanding
    48,1% (selisih +6,9 poin).'); none for a measure the city has no value of."""
    columns = list(columns)
    where = standings(scorecard, year, kota, columns)
    said = (_sentence(BY_COLUMN[c], where[c], kota, lang) for c in columns)
    return [s for s in said if s]


def sentence(scorecard: pd.DataFrame, year: int, kota: str, column: str, lang: str) -> str | None:
    """Return the sentence of `sentences` on one column, None without a value."""
    return next(iter(sentences(scorecard, year, kota, [column], lang)), None)


def _sentence(m: Measure, s: metrics.Standing, kota: str, lang: str) -> str | None:
    if s.value is None or s.median is None:
        return None
    return t(
        "st_sentence",
        lang,
        measure=t(m.label, lang),
        kota=kota,
        value=m.write(s.value, lang),
        rank=rank_text(s, lang),
        median=m.write(s.median, lang),
        diff=m.change(s.value - s.median, lang),
    )


def focus_tiles(scorecard: pd.DataFrame, year: int, kota: str, lang: str) -> list[Tile]:
    """Return the focus city's tiles: each headline measure's value, its rank in the label, and its distance
    to the peers' median as the change (green when better than the median, whichever way is better)."""
    tiles = []
    where = standings(scorecard, year, kota)
    for m in RANKED_MEASURES:
        s = where[m.column]
        value = scorecard.loc[(scorecard["tahun"] == year) & (scorecard["kota"] == kota), m.column]
        shown = value.iloc[0] if len(value) else None
        written = shown if privacy.is_hidden(shown) else (fmt.MISSING if s.value is None else m.write(s.value, lang))
        diff = None if s.value is None or s.median is None else m.change(s.value - s.median, lang)
        tiles.append(
            Tile(
                f"{t(m.label, lang)} · {rank_text(s, lang)}",
                written,
                diff,
                "normal" if m.higher_is_better else "inverse",
                t("st_tile_help", lang, median=fmt.MISSING if s.median is None else m.write(s.median, lang)),
                t("st_vs_median", lang),
            )
        )
    return tiles


def ranked(
    scorecard: pd.DataFrame,
    year: int,
    column: str,
    provinsi: Mapping[str, str],
    lang: str,
    search: str = "",
    focus: str | None = None,
) -> pd.DataFrame:
    """Return every city of `year` ranked on `column` (best first; a city without a value last, without a
    rank), as a table of text: rank, kota (the `focus` city marked in words), provinsi, ASN and every
    headline measure; with `search`, only the cities whose name or province holds it (any case), still
    with their rank among all."""
    raw = scorecard[scorecard["tahun"] == year].reset_index(drop=True)
    rows = privacy.numbers(raw)
    measure = BY_COLUMN[column]
    rows["_rank"] = rows[column].rank(method="min", ascending=not measure.higher_is_better)
    rows = rows.sort_values(["_rank", "kota"], na_position="last")

    def written(name: str, write: Callable[[float], str]) -> list[str]:
        """The column as text in rank order: '<5' where the release hid it, '–' where it is missing."""
        cells = raw.loc[rows.index, name]
        return [c if privacy.is_hidden(c) else fmt.MISSING if pd.isna(c) else write(c) for c in cells]

    out = pd.DataFrame(
        {
            t("st_rank_head", lang): [fmt.MISSING if pd.isna(r) else fmt.number(r, lang) for r in rows["_rank"]],
            t("col_kota", lang): [t("st_yours", lang, kota=k) if k == focus else k for k in rows["kota"]],
            t("col_provinsi", lang): [provinsi.get(k, "") for k in rows["kota"]],
            t("col_jumlah_asn", lang): written("jumlah_asn", lambda v: fmt.number(v, lang)),
        }
    )
    for m in RANKED_MEASURES:
        out[t(m.label, lang)] = written(m.column, lambda v, m=m: m.write(v, lang))
    wanted = search.strip().casefold()
    if wanted:
        names = out[t("col_kota", lang)] + " " + out[t("col_provinsi", lang)]
        out = out[names.str.casefold().str.contains(wanted, regex=False)]
    return out.reset_index(drop=True)


def with_provinces(scorecard: pd.DataFrame, year: int, provinsi: Mapping[str, str]) -> pd.DataFrame:
    """Return the scorecard rows of `year` as released ('<5' kept, for the charts to leave out), one row per
    kota, with the kota's provinsi."""
    rows = scorecard[scorecard["tahun"] == year].reset_index(drop=True)
    return rows.assign(provinsi=rows["kota"].map(lambda k: provinsi.get(k, "")))


def spread_sentence(
    scorecard: pd.DataFrame, year: int, column: str, lang: str, measure: Measure | None = None
) -> str | None:
    """Return a sentence on how the cities of `year` spread on `column`, none of them the reader's: the median,
    the middle half (first to third quartile), the three best and the three lagging cities with their values
    ('**PNS mencapai 20 JP** di 98 kota: median **52,7%**, separuh kota di tengah antara 46,2% dan 64,6%.
    Terbaik: ... Tertinggal: ...'); None when no city has a value. `scorecard` may be another query's rows of
    kota and tahun when `measure` says how `column` is written (else the catalogue's)."""
    rows, measure = latest(scorecard, year), measure or BY_COLUMN[column]
    s = metrics.standing(rows, column, None, measure.higher_is_better)
    if not s.n:
        return None
    best, lagging = named(s, rows, column, measure, lang)
    return t(
        "nat_sentence",
        lang,
        measure=t(measure.label, lang),
        n=fmt.number(s.n, lang),
        median=measure.write(s.median, lang),
        q1=measure.write(s.q1, lang),
        q3=measure.write(s.q3, lang),
        best=best,
        lagging=lagging,
    )


def rollup_sentence(provinces: pd.DataFrame, year: int, provinsi: str, k: int, column: str, lang: str) -> str | None:
    """Return the sentence on province `provinsi` in `year`, its `k` compared cities together on `column`
    (analytics.queries.province_scorecard), with its rank among the provinces ('Jawa Barat, 9 kotanya digabung:
    **50,4%**, peringkat 20 dari 34 provinsi.'), or None when it has no value (or a hidden one)."""
    value = rollup_value(provinces, year, provinsi, column)
    if value is None:
        return None
    measure = BY_COLUMN[column]
    rank = metrics.standing(latest(provinces, year).rename(columns={"provinsi": "kota"}), column, provinsi)
    return t(
        "nat_rollup_sentence",
        lang,
        provinsi=provinsi,
        k=fmt.number(k, lang),
        value=measure.write(value, lang),
        rank=rank_text(rank, lang),
    )


def rollup_value(provinces: pd.DataFrame, year: int, provinsi: str | None, column: str) -> float | None:
    """Return province `provinsi`'s value on `column` in `year` (its cities together), None when it has none or
    the release hid it."""
    rows = latest(provinces, year)
    found = rows.loc[rows["provinsi"] == provinsi, column]
    return None if found.empty or pd.isna(found.iloc[0]) else float(found.iloc[0])


def provinces_ranked(
    provinces: pd.DataFrame, year: int, columns: Iterable[str], cities: Mapping[str, int], lang: str
) -> pd.DataFrame:
    """Return the provinces of `year` (analytics.queries.province_scorecard: each its compared cities together)
    ranked on the first of `columns` (best first; one without a value last, without a rank), as a table of
    text: rank, provinsi, how many of its cities are compared (`cities`), and each measure of `columns` ('<5'
    where the release hid it, with IKM's mutu in brackets)."""
    columns = list(columns)
    raw = provinces[provinces["tahun"] == year].reset_index(drop=True)
    rows = privacy.numbers(raw)
    first = BY_COLUMN[columns[0]]
    rows["_rank"] = rows[first.column].rank(method="min", ascending=not first.higher_is_better)
    rows = rows.sort_values(["_rank", "provinsi"], na_position="last")
    out = pd.DataFrame(
        {
            t("st_rank_head", lang): [fmt.MISSING if pd.isna(r) else fmt.number(r, lang) for r in rows["_rank"]],
            t("col_provinsi", lang): rows["provinsi"].tolist(),
            t("nat_col_kota", lang): [fmt.number(cities.get(p, 0), lang) for p in rows["provinsi"]],
        }
    )
    for column in columns:
        m = BY_COLUMN[column]
        grades = raw.loc[rows.index, m.grade] if m.grade else [None] * len(rows)
        out[t(m.label, lang)] = [m.graded(v, g, lang) for v, g in zip(raw.loc[rows.index, column], grades, strict=True)]
    return out.reset_index(drop=True)
