"""What a meeting file says, built once and rendered to every format (deck, report, handout, workbook).

`overview(...)` returns a `Report`: a title section, the findings, one section per key chart (figure,
one-line takeaway written from the numbers, source line, and the table behind it), the IP ASN of the last year (a
table, left out when no one was measured) and an appendix. With many
cities and none of them the reader's (the nation, or a province among them), it is how the cities spread on each
headline measure instead (`national`): a strip per measure, the provinces ranked and the cities ranked.
Data comes through a `fetch(query_function, filters, *extra)` that reads through the guarded path: the app's
cached `ui.data.fetch` or an analytics.privacy.release.Reader (command line, download buttons); anything else
is refused. Both read exactly what the pages read, numbers about fewer than 5 people already '<5'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go

from analytics import metrics, privacy, queries
from analytics.context import PageContext, WarehouseInfo
from analytics.present import charts, reshape, standing
from analytics.present import formatting as fmt
from analytics.present.findings import findings
from analytics.present.measures import APPENDIX_MEASURES, IP_ASN_PNS, JP_SOURCE, LOWER, RANKED_MEASURES, Measure
from analytics.present.overview import TRENDS
from analytics.present.overview import in_range as in_range_of
from analytics.privacy import numbers
from analytics.queries.filters import Filters
from analytics.queries.ip_asn import KOTA_KATEGORI
from analytics.queries.scorecard import province_scorecard
from analytics.texts import t
from domain import ip_asn

Fetch = Callable[..., pd.DataFrame]
OPD_ROWS = 10  # agencies drawn on the compliance slide; the table keeps them all
EVERY_SOURCE = "pegawai, program, peserta, anggaran, survei_kepuasan, penilaian_kinerja"  # behind the scorecard
# The datasets behind a headline measure that has no trend chart (a trend chart names its own: TrendChart.source).
MEASURE_SOURCES = {"jp_per_asn": JP_SOURCE, "persen_sangat_baik": "penilaian_kinerja"}
# The IP ASN: education (pegawai), training, predikat and sanctions (domain.ip_asn).
IP_ASN_SOURCE = f"{JP_SOURCE}, penilaian_kinerja, hukuman_disiplin"
IP_ASN_DECIMALS = 2  # as the IP ASN page writes a figure
# The IP ASN section's columns: each figure after the people it is the mean of (the combinations: of both kinds).
IP_ASN_COLUMNS = ("jumlah_pns", "ip_asn_pns", "jumlah_pppk", "ip_asn_pppk", "ip_asn_tertimbang", "ip_asn_rerata")


@dataclass(frozen=True)
class Section:
    """One slide / report section.

    kind: "title", "findings", "chart", "table" or "appendix". key: a file-safe name (sheet, CSV and PNG
    names). lines: the title's subtitle lines or the findings. table: the raw values behind a chart or a table,
    or the appendix's scorecard rows (one per city). text: what a person reads of a table or an appendix when the
    content wrote it (a ranked table, in the report's language); None for the appendix of a few cities, which
    `appendix_text` writes out (`readable` picks).
    """

    kind: str
    key: str
    title: str
    takeaway: str = ""
    caption: str = ""
    source: str = ""
    lines: tuple[str, ...] = ()
    figure: go.Figure | None = None
    table: pd.DataFrame | None = None
    text: pd.DataFrame | None = None


@dataclass(frozen=True)
class Report:
    """A whole meeting file: its language, the synthetic-data notice (or '') and its sections in order."""

    lang: str
    title: str
    notice: str
    sections: list[Section] = field(default_factory=list)

    def charts(self) -> list[Section]:
        """Return the chart sections, in order."""
        return [s for s in self.sections if s.kind == "chart"]


def data_date(info: WarehouseInfo, kota: Iterable[str]) -> str:
    """Return the last load time from warehouse_info as 'dd-mm-yyyy HH:MM WIB', in the zone the cities `kota`
    share (formatting.zone_for: WITA for Makassar alone), '–' when never loaded."""
    return fmt.local_time(info.loaded_at_utc, fmt.zone_for(kota, info.provinsi))


def highlight(figure: go.Figure, focus: str | None) -> go.Figure:
    """Return a copy of `figure` with the traces of other cities faded and the `focus` city drawn
    heavier (thicker line, bold panel title or column label); the figure itself when focus is None."""
    if not focus:
        return figure
    fig = go.Figure(figure)
    names = {tr.name for tr in fig.data if tr.name}
    if focus in names:
        for tr in fig.data:
            if tr.name == focus:
                if tr.type == "scatter":
                    tr.line.width = 6
                    tr.marker.size = 15
            elif tr.name:
                tr.opacity = 0.45
    for annotation in fig.layout.annotations:
        if annotation.text == focus:
            annotation.text = f"<b>▶ {focus}</b>"
    for tr in fig.data:
        if tr.type == "heatmap" and focus in list(tr.x):
            columns = list(tr.x)
            fig.update_xaxes(
                tickmode="array", tickvals=columns, ticktext=[f"<b>▶ {c}</b>" if c == focus else c for c in columns]
            )
    return fig


def _source(datasets: str, info: WarehouseInfo, kota: Iterable[str], lang: str) -> str:
    """Return the source line of a chart: the input datasets, the warehouse and the load time (in the zone of
    the cities `kota`)."""
    text = t("x_source", lang, datasets=datasets, when=data_date(info, kota))
    return text + (t("x_source_synthetic", lang) if info.synthetic else "")


def _takeaway(
    df: pd.DataFrame, column: str, year: int, render: Callable[[float], str], lang: str, focus: str | None
) -> str:
    """Return one line about `column` in `year`: highest and lowest city, or the one city's value and its
    change from the year before; the focus city's own value leads when one is highlighted. Values hidden as
    '<5' take no part."""
    df = numbers(df)
    latest = df[(df["tahun"] == year)].dropna(subset=[column]).sort_values([column, "kota"])
    if latest.empty:
        return t("tk_none", lang)
    if len(latest) == 1:
        row = latest.iloc[0]
        before = df[(df["tahun"] == year - 1) & (df["kota"] == row.kota)][column].dropna()
        if before.empty:
            return t("tk_single", lang, year=year, kota=row.kota, value=render(row[column]))
        change = row[column] - before.iloc[0]
        return t(
            "tk_single_change",
            lang,
            year=year,
            kota=row.kota,
            value=render(row[column]),
            change=fmt.signed(change, render),
            prev=year - 1,
        )
    low, high = latest.iloc[0], latest.iloc[-1]
    line = t(
        "tk_rank",
        lang,
        year=year,
        high=high.kota,
        high_value=render(high[column]),
        low=low.kota,
        low_value=render(low[column]),
    )
    mine = latest[latest["kota"] == focus]
    if focus and not mine.empty and focus not in (low.kota, high.kota):
        line += f" {focus}: {render(mine.iloc[0][column])}."
    return line


def _share_line(rows: pd.DataFrame, key: str, year: int, lang: str, decimals: int) -> str:
    """Return one line about a per-city share (`kota`, `persen`): the cities with the most and the
    fewest (text `key`), or the one city's share (text `key`_one)."""
    rows = rows.dropna().sort_values(["persen", "kota"])
    if rows.empty:
        return t("tk_none", lang)
    if len(rows) == 1:
        row = rows.iloc[0]
        return t(f"{key}_one", lang, year=year, kota=row.kota, value=fmt.percent(row.persen, lang, decimals))
    low, high = rows.iloc[0], rows.iloc[-1]
    return t(
        key,
        lang,
        year=year,
        high=high.kota,
        high_value=fmt.percent(high.persen, lang, decimals),
        low=low.kota,
        low_value=fmt.percent(low.persen, lang, decimals),
    )


def _below_20(distribution: pd.DataFrame, year: int, lang: str) -> str:
    """Return the takeaway of the JP distribution: share of PNS below 20 JP, most and fewest; a city with a
    band hidden as '<5' below 20 JP is left out (the sum would give the hidden share away)."""
    shown = numbers(distribution)
    below = shown[shown["urutan"] < 3].groupby("kota", as_index=False)["persen"].sum(min_count=1, skipna=False)
    return _share_line(below, "tk_below20", year, lang, 0)


def _below_baik(ratings: pd.DataFrame, year: int, lang: str) -> str:
    """Return the takeaway of the rating distribution: the share rated below Baik in `year`; a city with one
    of its parts hidden as '<5' is left out."""
    latest = numbers(ratings[ratings["tahun"] == year])
    below = latest[list(reshape.BELOW_BAIK)].sum(axis=1, min_count=1, skipna=False)
    share = (100 * below / latest["jumlah_dinilai"]).rename("persen")
    return _share_line(pd.concat([latest["kota"], share], axis=1), "tk_predikat", year, lang, 1)


def _lowest_opds(compliance: pd.DataFrame, n: int) -> pd.DataFrame:
    """Return the released compliance rows (analytics.privacy rule 6: the rule saw them all) of the `n` agencies
    with the lowest mean share across cities; hidden shares take no part in the means."""
    means = numbers(compliance).groupby("nilai")["persen_20jp"].mean().sort_values()
    return compliance[compliance["nilai"].isin(means.dropna().index[:n])]


def _lowest_opd_line(compliance: pd.DataFrame, lang: str) -> str:
    """Return the takeaway of the compliance heatmap: the agency with the lowest shown share."""
    rows = numbers(compliance).dropna(subset=["persen_20jp"]).sort_values(["persen_20jp", "kota", "nilai"])
    if rows.empty:
        return t("tk_none", lang)
    low = rows.iloc[0]
    return t("tk_opd_low", lang, opd=low.nilai, kota=low.kota, value=fmt.percent(low.persen_20jp, lang, 0))


def _people_filter(f: Filters, lang: str) -> str:
    """Return the people filters as one line ('' when none narrows the people counted)."""
    parts = [
        f"{t(key, lang)}: {', '.join(values)}"
        for key, values in (("f_opd", f.opd), ("f_jabatan", f.kategori_jabatan), ("f_jenis_asn", f.jenis_asn))
        if values
    ]
    return t("x_people_filter", lang, what="; ".join(parts)) if parts else ""


def _appendix_table(scorecard: pd.DataFrame, year: int, focus: str | None = None, lang: str = "id") -> pd.DataFrame:
    """Return the scorecard rows of `year` with the appendix columns (one row per city); with a `focus` city
    (many cities compared), its row and a row of the compared cities' medians (hidden values take no part)."""
    columns = ["kota", "tahun", *[m.column for m in APPENDIX_MEASURES], "mutu_ikm"]
    rows = scorecard.loc[scorecard["tahun"] == year, columns].sort_values("kota").reset_index(drop=True)
    if focus is None:
        return rows
    medians = numbers(rows)[[m.column for m in APPENDIX_MEASURES]].median()
    n = len(rows)
    median_row = {"kota": t("x_median_of", lang, n=n), "tahun": year, **medians.to_dict(), "mutu_ikm": None}
    return pd.concat([rows[rows["kota"] == focus], pd.DataFrame([median_row])], ignore_index=True)


def appendix_text(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the appendix as text to read: one row per metric, one column per city, values formatted in
    the chosen language."""
    rows = []
    for m in APPENDIX_MEASURES:
        row = {t("metric", lang): t(m.label, lang)}
        for _, r in table.iterrows():
            row[r["kota"]] = m.graded(r[m.column], r[m.grade] if m.grade else None, lang)  # a median has no grade
        rows.append(row)
    return pd.DataFrame(rows)


MANY_FINDINGS = 2  # findings about the extremes kept after the focus city's standing, when many are compared


def readable(section: Section, lang: str) -> pd.DataFrame:
    """Return the table a person reads of a "table" or "appendix" section, as text: the one the content wrote
    (`Section.text`: a ranked table) or else the appendix written out in `lang` (`appendix_text`)."""
    return section.text if section.text is not None else appendix_text(section.table, lang)


def numeric_column(cells: Iterable[object]) -> bool:
    """Return True when a column of a table of text holds numbers (each cell has a digit, or is '–' or '<5'): the
    renderers set it flush right."""
    return all(any(ch.isdigit() for ch in str(c)) or c == fmt.MISSING or privacy.is_hidden(c) for c in cells)


WRAPS_AT = 20  # characters: a longer name in a table of text wraps rather than widen its column


def column_need(heading: object, cells: Iterable[object]) -> float:
    """Return how wide a column of a table of text wants to be, in characters: its longest cell (a name longer
    than WRAPS_AT wraps) or its heading's longest word (bold, so a little wider), and a margin."""
    word = max((len(w) for w in str(heading).split()), default=0) * 1.15
    return max([word, *(min(len(str(c)), WRAPS_AT) for c in cells)]) + 2


def overview(fetch: Fetch, ctx: PageContext, focus: str | None = None, provinsi: str | None = None) -> Report:
    """Return the overview's meeting content for filters `f`: title, findings, seven key charts (the
    figures the pages draw, with a takeaway, a source line and the raw table behind each), the IP ASN of the latest
    year (`_ip_asn_section`; left out when no one was measured) and an appendix of the latest year's numbers.
    `focus` names a city to highlight in every chart.

    With more cities than fit side by side (PageContext.many) and a focus city, the file is about that city among
    its peers: the title says so, the findings and every trend's takeaway say its rank and its distance to
    the peers' median (the findings its IP ASN's too), the trends draw the others grey around the median, the
    breakdowns are the focus city's, and the IP ASN table and the appendix set its numbers beside the peers' median.

    With many cities and no focus city (PageContext.needs_focus once `focus` is set), the file is about all of
    them, as the pages show them (`national`): `provinsi`, a province of the chosen cities, is highlighted (its
    cities marked, its value and rank among the provinces said); it is not used otherwise. Raises TypeError when
    `fetch` is not the guarded path, ValueError when `provinsi` holds none of the chosen cities."""
    if not getattr(fetch, "releases", False):
        raise TypeError("meeting files read only through the guarded path: ui.data.fetch or release.Reader")
    if replace(ctx, fokus=focus).needs_focus:  # more cities than a deck page holds side by side, none the reader's
        return national(fetch, ctx, provinsi)
    f, info, lang = ctx.filters, ctx.info, ctx.lang
    year = f.tahun_akhir
    styles = charts.city_styles(info.kota, ctx.many, ctx.fokus)
    many = ctx.many and focus in f.kota
    detail = replace(f, kota=(focus,)) if many else f  # what the breakdowns are about
    scorecard = fetch(queries.scorecard, f)
    in_range = in_range_of(scorecard, f)
    notice = t("x_synthetic", lang) if info.synthetic else ""

    title_lines = [
        t("x_period", lang, start=f.tahun_awal, end=year),
        t("x_data_date", lang, when=data_date(info, f.kota)),
    ]
    if f.filters_people:
        title_lines += [_people_filter(f, lang), t("people_filter_note", lang)]
    title = (
        t("x_title_many", lang, kota=focus, n=len(f.kota))
        if many
        else t("x_title", lang, kota=charts.name_list(f.kota, lang))
    )
    ip_rows = _ip_asn_rows(fetch, f)
    standings = (
        standing.sentences(scorecard, year, focus, [m.column for m in standing.RANKED_MEASURES], lang)
        + _ip_asn_standing(ip_rows, focus, year, lang)
        if many
        else []
    )
    # many cities: where the focus city stands first, then the two first findings about the extremes
    lines = standings + findings(scorecard, year, lang)[: MANY_FINDINGS if many else None]
    sections = [
        Section("title", "judul", title, lines=tuple(title_lines)),
        Section("findings", "temuan", t("findings", lang), lines=tuple(lines) or (t("fd_none", lang),)),
    ]

    def chart(key: str, title: str, caption: str, figure: go.Figure, table: pd.DataFrame, takeaway: str, src: str):
        sections.append(
            Section(
                "chart",
                key,
                title,
                takeaway=takeaway,
                caption=caption,
                source=_source(src, info, f.kota, lang),
                figure=figure if many else highlight(figure, focus),  # many: the focus is the only colour
                table=table.reset_index(drop=True),
            )
        )

    for spec in TRENDS.values():
        title, caption = spec.texts(lang)
        figure, table = spec.draw(in_range, styles, lang)
        line = (standing.sentence(scorecard, year, focus, spec.value, lang) if many else None) or _takeaway(
            in_range, spec.value, year, lambda v, spec=spec: spec.text(v, lang), lang, focus
        )
        chart(spec.key, title, caption, figure, table, line, spec.source)
    distribution = fetch(queries.jp_distribution, detail)
    if not distribution.empty:
        chart(
            "sebaran_jp",
            t("q_jp_dist", lang, year=year),
            t("c_jp_dist", lang),
            charts.jp_distribution(distribution, styles, t("share_pns", lang), lang),
            distribution.drop(columns="urutan"),
            _below_20(distribution, year, lang),
            JP_SOURCE,
        )
    compliance = fetch(queries.compliance_by, detail, "opd")
    if not compliance.empty:
        chart(
            "kepatuhan_opd",
            t("x_q_compliance_opd", lang, year=year),
            t("x_c_compliance_opd", lang, n=OPD_ROWS),
            charts.heatmap(_lowest_opds(compliance, OPD_ROWS), "nilai", "kota", "persen_20jp", lang),
            compliance,
            _lowest_opd_line(compliance, lang),
            JP_SOURCE,
        )
    ratings = fetch(queries.predikat, detail)
    ratings = ratings[ratings["tahun"] >= f.tahun_awal]
    if not ratings.empty:
        chart(
            "predikat",
            t("q_predikat", lang),
            t("c_predikat", lang),
            charts.stacked_share(
                ratings, "tahun", list(queries.PREDIKAT_COLUMNS), charts.PREDIKAT_COLORS, lang, total="jumlah_dinilai"
            ),
            ratings,
            _below_baik(ratings, year, lang),
            "penilaian_kinerja",
        )
    ip_section = _ip_asn_section(ip_rows, ctx, focus if many else None)
    if ip_section is not None:
        sections.append(ip_section)
    sections.append(
        Section(
            "appendix",
            "lampiran",
            t("x_appendix", lang, year=year),
            caption=t("x_appendix_note", lang),
            source=_source(EVERY_SOURCE, info, f.kota, lang),
            table=_appendix_table(scorecard, year, focus if many else None, lang),
        )
    )
    return Report(lang, sections[0].title, notice, sections)


def _ip_asn_rows(fetch: Fetch, f: Filters) -> pd.DataFrame:
    """Return the released IP ASN of the chosen cities in the last year of `f` (queries.ip_asn_kota, read as the
    IP ASN page reads it), one row per kota in name order; empty when no one was measured that year."""
    rows = fetch(queries.ip_asn_kota, f)
    return rows[rows["tahun"] == f.tahun_akhir].sort_values("kota").reset_index(drop=True)


def _ip_asn_points(value: object, band: object, lang: str) -> str:
    """Return an IP ASN figure as a cell shows it: '<5' as released, '–' when missing, else its points with its
    category in words in brackets ('65,43 (Rendah)')."""
    if privacy.is_hidden(value):
        return value
    if fmt.is_missing(value):
        return fmt.MISSING
    written = fmt.number(float(value), lang, IP_ASN_DECIMALS)
    return f"{written} ({band})" if isinstance(band, str) and not privacy.is_hidden(band) else written


def _ip_asn_count(value: object, lang: str) -> str:
    """Return a number of people as a cell shows it: '<5' as released, '–' when missing; a median may end in ,5."""
    return fmt.shown(value, lambda v: fmt.number(v, lang, 0 if float(v).is_integer() else 1))


def _ip_asn_text(table: pd.DataFrame, lang: str, ranks: dict[str, str] | None = None) -> pd.DataFrame:
    """Return the IP ASN `table` (released rows: kota, the counts and figures of IP_ASN_COLUMNS, kategori_<figure>)
    as text to read, one row per row of it: kota, the PNS and PPPK measured ('124 / 45'), each figure with its
    category in words; with `ranks` (the row's label under "kota", a rank per figure), that row of ranks after the
    first row. Six columns: a portrait page holds them."""
    heading = {
        "kota": t("col_kota", lang),
        "jumlah": t("if_col_jumlah", lang),
        **{c: t(f"col_{c}", lang) for c in KOTA_KATEGORI},
    }
    rows = [
        {
            "kota": r["kota"],
            "jumlah": f"{_ip_asn_count(r['jumlah_pns'], lang)} / {_ip_asn_count(r['jumlah_pppk'], lang)}",
            **{c: _ip_asn_points(r[c], r[f"kategori_{c}"], lang) for c in KOTA_KATEGORI},
        }
        for _, r in table.iterrows()
    ]
    if ranks is not None:
        rows.insert(1, {c: ranks.get(c, fmt.MISSING) for c in heading})
    return pd.DataFrame(rows, columns=list(heading)).rename(columns=heading)


def _ip_asn_standing(rows: pd.DataFrame, focus: str, year: int, lang: str) -> list[str]:
    """Return the IP ASN page's sentence on where `focus` stands among the cities of the released `rows` on the
    PNS figure (its value, rank and the median; texts ip_standing), or none when it has no figure or no other city
    has one."""
    where = metrics.standing(numbers(rows), "ip_asn_pns", focus)
    if where.value is None or where.n < 2:
        return []
    return [
        t(
            "ip_standing",
            lang,
            kota=focus,
            year=year,
            value=fmt.number(where.value, lang, IP_ASN_DECIMALS),
            rank=standing.rank_text(where, lang),
            median=fmt.number(where.median, lang, IP_ASN_DECIMALS),
            diff=fmt.points(where.value - where.median, lang, IP_ASN_DECIMALS),
        )
    ]


def _bands(lang: str) -> str:
    """Return the IP ASN categories (domain.ip_asn.KATEGORI) with their lower bounds as one phrase ('Sangat Tinggi
    ≥ 91, ..., Sangat Rendah < 61')."""
    named = [t("if_band_from", lang, band=band, lower=lower) for band, lower in ip_asn.KATEGORI if lower > 0]
    last, above = ip_asn.KATEGORI[-1][0], ip_asn.KATEGORI[-2][1]
    return ", ".join([*named, t("if_band_below", lang, band=last, upper=above)])


def _ip_asn_focus(rows: pd.DataFrame, year: int, focus: str, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Return the IP ASN table of `focus` among the cities of the released `rows`: its row and a row of the cities'
    medians (hidden values take no part; the median's category from domain.ip_asn.kategori), and the focus city's
    rank on each figure as text (with the rank row's label under 'kota')."""
    shown = numbers(rows)
    medians = {c: shown[c].median() for c in IP_ASN_COLUMNS}
    median_row = {"kota": t("x_median_of", lang, n=len(rows)), "tahun": year, **medians}
    for c in KOTA_KATEGORI:
        median_row[f"kategori_{c}"] = None if pd.isna(medians[c]) else ip_asn.kategori(float(medians[c]))
    table = pd.concat([rows[rows["kota"] == focus], pd.DataFrame([median_row])], ignore_index=True)
    ranks = {c: standing.rank_text(metrics.standing(shown, c, focus), lang) for c in KOTA_KATEGORI}
    return table, {"kota": t("if_rank_row", lang, kota=focus), **ranks}


def _ip_asn_section(rows: pd.DataFrame, ctx: PageContext, focus: str | None) -> Section | None:
    """Return the IP ASN section of the overview (a "table"), from the released IP ASN of the last year (`rows`):
    for the cities side by side, a row per kota with PNS and PPPK, their headcounts and both combinations named,
    each figure with its category in words; with a `focus` city among many, its row, its rank on each figure and
    the cities' median. None when no one was measured that year (or the focus city has no row)."""
    f, info, lang = ctx.filters, ctx.info, ctx.lang
    year = f.tahun_akhir
    if rows.empty or (focus is not None and focus not in set(rows["kota"])):
        return None
    columns = ["kota", "tahun", *IP_ASN_COLUMNS, *(f"kategori_{c}" for c in KOTA_KATEGORI)]
    if focus is not None and len(rows) > 1:
        table, ranks = _ip_asn_focus(rows, year, focus, lang)
        title = t("if_title_many", lang, kota=focus, n=fmt.number(len(rows), lang), year=year)
    else:
        table, ranks = rows, None
        title = t("ip_table_title", lang, year=year)
    notes = [t("if_caption", lang, bands=_bands(lang))]
    if f.filters_people:
        notes.append(t("if_people_note", lang))
    table = table[columns].reset_index(drop=True)
    return Section(
        "table",
        "ip_asn",
        title,
        caption=" ".join(notes),
        source=_source(IP_ASN_SOURCE, info, f.kota, lang),
        table=table,
        text=_ip_asn_text(table, lang, ranks),
    )


def _plain(text: str) -> str:
    """Return a sentence written for a page (its bold as markdown) as the plain text of a file."""
    return text.replace("**", "")


def _measure_source(m: Measure) -> str:
    """Return the datasets behind headline measure `m`, for a chart's source line."""
    return m.trend.source if m.trend else MEASURE_SOURCES[m.column]


def _in_order(rows: pd.DataFrame, key: str, names: Iterable[str], columns: list[str]) -> pd.DataFrame:
    """Return `columns` of `rows` (one row per `key` value) in the order of `names`: the numbers behind a ranked
    table of text, row for row."""
    return rows.set_index(key).loc[list(names)].reset_index()[columns]


def national(fetch: Fetch, ctx: PageContext, provinsi: str | None = None) -> Report:
    """Return the meeting content for many cities compared and none of them the reader's (the nation, a
    province's BKD, a researcher): what the topic pages show without a focus city, for every headline measure
    (RANKED_MEASURES). The title names how many cities (and `provinsi` among them when one is highlighted); the
    findings are the pages' sentences, a measure each: the median, the middle half, the best and lagging cities,
    and the province's value (its cities together) with its rank among the provinces, then the IP ASN page's on the
    PNS index (measures.IP_ASN_PNS; none when no one was measured); one strip chart per measure
    (`_strip`); then the provinces ranked, the province's cities with their rank among all, and the appendix of
    every city ranked (`_ranked`). Raises ValueError when `provinsi` holds none of the chosen cities."""
    f, info, lang = ctx.filters, ctx.info, ctx.lang
    year, n = f.tahun_akhir, fmt.number(len(f.kota), lang)
    cities = Counter(info.provinsi.get(k, "") for k in f.kota)  # compared cities per province
    if provinsi and provinsi not in cities:
        raise ValueError(f"none of the {n} chosen cities is in {provinsi}")
    provinsi = provinsi or None
    scorecard, provinces = fetch(queries.scorecard, f), fetch(province_scorecard, f)
    lines = [
        t("x_period", lang, start=f.tahun_awal, end=year),
        t("x_data_date", lang, when=data_date(info, f.kota)),
        t("nf_about", lang, n=n, k=len(RANKED_MEASURES), year=year),
    ]
    if provinsi:
        ours = sorted(k for k in f.kota if info.provinsi.get(k) == provinsi)
        lines.append(t("nf_province_cities", lang, provinsi=provinsi, k=len(ours), names=", ".join(ours)))
    if f.filters_people:
        lines += [_people_filter(f, lang), t("people_filter_note", lang)]
    title = t("nf_title_province", lang, provinsi=provinsi, n=n) if provinsi else t("nf_title", lang, n=n)
    strips = [_strip(m, scorecard, provinces, ctx, provinsi, cities[provinsi]) for m in RANKED_MEASURES]
    strips = [s for s in strips if s is not None]  # a measure no city has a value of is left out
    # then the IP ASN page's sentence on how the cities spread on the PNS index (none when no one was measured)
    ip_line = standing.spread_sentence(_ip_asn_rows(fetch, f), year, IP_ASN_PNS.column, lang, IP_ASN_PNS)
    said = [s.takeaway for s in strips] + ([_plain(ip_line)] if ip_line else [])
    sections = [
        Section("title", "judul", title, lines=tuple(lines)),
        Section("findings", "temuan", t("findings", lang), lines=tuple(said) or (t("fd_none", lang),)),
        *strips,
        *_ranked(scorecard, provinces, ctx, provinsi, cities),
    ]
    return Report(lang, title, t("x_synthetic", lang) if info.synthetic else "", sections)


def _strip(
    m: Measure, scorecard: pd.DataFrame, provinces: pd.DataFrame, ctx: PageContext, provinsi: str | None, k: int
) -> Section | None:
    """Return the chart section of headline measure `m` among the cities of the released `scorecard`, as a topic
    page shows it without a focus city (ui.components.distribution): the strip (charts.strip; `provinsi`'s `k`
    cities marked and its value from the released `provinces` drawn), its takeaway the page's sentences (how the
    cities spread, and the province's value and rank), the datasets behind it and the cities' values as its
    table; None when no city has a value (or every one is hidden)."""
    f, info, lang = ctx.filters, ctx.info, ctx.lang
    year = f.tahun_akhir
    spread = standing.spread_sentence(scorecard, year, m.column, lang)
    if spread is None:
        return None
    value = standing.rollup_value(provinces, year, provinsi, m.column) if provinsi else None
    rollup = standing.rollup_sentence(provinces, year, provinsi, k, m.column, lang) if provinsi else None
    caption = t("nat_c", lang) + (t("nat_c_lower", lang) if m.better == LOWER else "")
    rows = standing.with_provinces(scorecard, year, info.provinsi)
    return Section(
        "chart",
        f"nasional_{m.column}",
        t("nat_q", lang, measure=t(m.label, lang), n=fmt.number(len(f.kota), lang), year=year),
        takeaway=_plain(" ".join(s for s in (spread, rollup) if s)),
        caption=caption + (f" {t('nat_province_help', lang)}" if provinsi else ""),
        source=_source(_measure_source(m), info, f.kota, lang),
        figure=charts.strip(rows[["kota", "provinsi", m.column]], m, lang, provinsi, value),
        table=rows[["kota", "provinsi", "tahun", *m.counts, m.column]].reset_index(drop=True),
    )


def _ranked(
    scorecard: pd.DataFrame, provinces: pd.DataFrame, ctx: PageContext, provinsi: str | None, cities: Counter
) -> list[Section]:
    """Return the ranked tables of the nation's file, each with the text a person reads (`text`) and the released
    numbers behind it row for row (`table`): the provinces, each its compared cities together (`cities`: how many
    per province), ranked (standing.provinces_ranked); the cities of `provinsi` with their rank among all; and the
    appendix, every city ranked (standing.ranked). All on the first headline measure, in the last year."""
    f, info, lang = ctx.filters, ctx.info, ctx.lang
    year, first = f.tahun_akhir, RANKED_MEASURES[0]
    source = _source(EVERY_SOURCE, info, f.kota, lang)
    numbers = [m.column for m in APPENDIX_MEASURES] + ["mutu_ikm"]
    rows = standing.with_provinces(scorecard, year, info.provinsi)
    by_province = standing.provinces_ranked(provinces, year, [m.column for m in RANKED_MEASURES], cities, lang)
    everyone = standing.ranked(scorecard, year, first.column, info.provinsi, lang)
    mine = everyone[everyone[t("col_provinsi", lang)] == provinsi].reset_index(drop=True)
    n = fmt.number(len(f.kota), lang)
    sections = [
        Section(
            "table",
            "provinsi",
            t("nat_provinces_title", lang, year=year),
            caption=t("nat_provinces_caption", lang, measure=t(first.label, lang)),
            source=source,
            table=_in_order(
                provinces[provinces["tahun"] == year],
                "provinsi",
                by_province[t("col_provinsi", lang)],
                ["provinsi", "tahun", *numbers],
            ),
            text=by_province,
        )
    ]
    if provinsi:
        sections.append(
            Section(
                "table",
                "kota_provinsi",
                t("nf_province_table", lang, provinsi=provinsi, n=n, year=year),
                caption=t("nf_province_table_note", lang, measure=t(first.label, lang)),
                source=source,
                table=_in_order(rows, "kota", mine[t("col_kota", lang)], ["kota", "provinsi", "tahun", *numbers]),
                text=mine,
            )
        )
    sections.append(
        Section(
            "appendix",
            "lampiran",
            t("nf_appendix", lang, n=n, year=year),
            caption=f"{t('nf_appendix_note', lang, measure=t(first.label, lang))} {t('x_appendix_note', lang)}",
            source=source,
            table=_in_order(rows, "kota", everyone[t("col_kota", lang)], ["kota", "provinsi", "tahun", *numbers]),
            text=everyone,
        )
    )
    return sections
