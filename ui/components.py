"""Blocks the pages repeat: the synthetic-data banner, a chart with its caption and data, empty states."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import privacy, queries
from analytics.context import PageContext
from analytics.meeting_files.downloads import csv_bytes
from analytics.present import charts, overview
from analytics.present import formatting as fmt
from analytics.present import standing as standing_texts
from analytics.present.measures import LOWER, Measure, on_page
from analytics.present.tables import display_table
from analytics.texts import t
from ui import auth, data, state

# Streamlit fades a caption by drawing it at opacity 0.6, and the fading reaches the links in it: a link to Definisi
# came out #7c95d2 on white (3.0:1) and a caption in the sidebar 4.5:1 only just not. One rule instead: captions
# solid, in a calm grey (5.7:1 on white, 5.4:1 on the sidebar's #f8f8f7), so their links keep the theme's linkColor
# (7.4:1). tests/test_accessibility.py checks the grey, tests/test_contrast_browser.py the pages in Chromium (axe).
CAPTION_COLOR = "#666666"
CAPTION_STYLE = f'<style>div[data-testid="stCaptionContainer"] {{ opacity: 1; color: {CAPTION_COLOR}; }}</style>'


def readable_captions() -> None:
    """Draw captions and the links in them readable (CAPTION_STYLE). Style only: Streamlit puts it in the page's
    event container, so it takes no room."""
    st.html(CAPTION_STYLE)


def start_page(
    title_key: str | None = None, people_note: bool = False, breakdowns: bool = True, page: str | None = None
) -> PageContext:
    """Start a page: the synthetic-data banner, the title, and a stop with a sentence when no city is
    chosen. A page of `breakdowns` (agencies, jabatan, activities) shows them for the focus city alone when
    more cities are compared than fit side by side: it says so, or, without a focus city, shows how the cities
    spread on the measures of `page` (one of analytics.present.measures.PAGES: `distribution`) under a line
    with the choice of one's city, and stops there (without `page`, it asks for a focus city and stops). A page
    without breakdowns shows that distribution too and goes on. Returns the page context, its filters set."""
    ctx = state.context()
    lang, chosen = ctx.lang, ctx.filters
    synthetic_banner(ctx)
    if title_key:
        st.title(t(title_key, lang))
    if chosen is None:
        nothing_to_show(lang, t("no_kota", lang))
        st.stop()
    if page and ctx.needs_focus:
        distribution(ctx, page, people_note, picker=breakdowns)
        if breakdowns:
            st.caption(t("nat_breakdowns_wait", lang))
            st.stop()
        people_note = False  # said in the distribution
    elif breakdowns and ctx.many:
        if ctx.needs_focus:
            st.info(t("st_pick_focus", lang, n=len(chosen.kota)), icon=":material/location_city:")
            state.focus_picker(lang, list(chosen.kota))  # here too: on a phone the sidebar is folded
            st.stop()
        st.caption(t("st_breakdown_note", lang, kota=ctx.fokus, n=len(chosen.kota)))
    if people_note and chosen.filters_people:
        st.caption(t("people_filter_note", lang))
    return ctx


def distribution(ctx: PageContext, page: str, people_note: bool = False, picker: bool = True) -> None:
    """Show how the compared cities spread in the last year on each measure of `page` (measures.on_page), none of
    them the reader's: a strip of dots per measure (charts.strip: median and middle half drawn and written), a
    sentence naming the median, the best and the lagging cities, and the provinces ranked, each its compared
    cities together (analytics.queries.province_scorecard). One row above holds, with `picker`, the line inviting
    the reader to choose their city (with the choice itself: on a phone the sidebar is folded) and the choice of
    a province to highlight (ui.state; the one province of the cities when they share one), which marks its
    cities and its value on every strip; with `people_note`, a line says the people filters apply."""
    lang, f = ctx.lang, ctx.filters
    year = f.tahun_akhir
    scorecard = data.fetch(queries.scorecard, f)
    provinces = data.fetch(queries.province_scorecard, f)
    cities = Counter(ctx.info.provinsi.get(k, "") for k in f.kota)
    only = ctx.highlighted_province() or ""  # the one province of every compared city
    columns = st.columns([3, 2, 2] if picker else [2, 3], vertical_alignment="bottom")
    if picker:
        columns[0].markdown(t("nat_pick", lang))
        with columns[1]:
            state.focus_picker(lang, list(f.kota))
    with columns[-1] if picker else columns[0]:
        chosen = state.province_choice(lang, sorted(p for p in cities if p), only)
    if people_note and f.filters_people:
        st.caption(t("people_filter_note", lang))
    measures = on_page(page)
    for m in measures:
        value = standing_texts.rollup_value(provinces, year, chosen, m.column) if chosen else None
        rollup = (
            standing_texts.rollup_sentence(provinces, year, chosen, cities[chosen], m.column, lang) if chosen else ""
        )
        spread(ctx, scorecard, m, chosen or None, value, rollup)
    province_table(ctx, [m.column for m in measures], provinces)


def spread(
    ctx: PageContext,
    table: pd.DataFrame,
    m: Measure,
    province: str | None = None,
    rollup: float | None = None,
    more: str = "",
) -> None:
    """Show how the compared cities spread in the last year on measure `m` of `table` (rows per kota and tahun as
    released: the scorecard, or a page's own query): the strip (charts.strip, the cities of `province` marked and
    its value `rollup` drawn) under a sentence naming the median, the best and the lagging cities, and `more`;
    a sentence instead of an empty chart when no city has a value."""
    lang, f = ctx.lang, ctx.filters
    year = f.tahun_akhir
    said = standing_texts.spread_sentence(table, year, m.column, lang, m)
    if said is None:  # no city has a value (or every one is hidden): a sentence, not an empty chart
        st.subheader(t(m.label, lang))
        why = "why_filters" if f.filters_people else "nat_no_values"
        nothing_to_show(lang, t(why, lang, measure=t(m.label, lang), year=year))
        return
    rows = standing_texts.with_provinces(table, year, ctx.info.provinsi)
    chart(
        t("nat_q", lang, measure=t(m.label, lang), n=fmt.number(len(f.kota), lang), year=year),
        t("nat_c", lang) + (t("nat_c_lower", lang) if m.better == LOWER else ""),
        figure(charts.strip, rows[["kota", "provinsi", m.column]], m, lang, province, rollup),
        rows[["kota", "provinsi", "tahun", *m.counts, m.column]],
        lang,
        f"nasional_{m.column}",
        m.definition,
        " ".join(s for s in (said, more) if s),
    )


def province_table(ctx: PageContext, columns: list[str], provinces: pd.DataFrame | None = None) -> None:
    """Show the provinces of the filters' last year ranked on the first of `columns` (headline measures), each
    its compared kota together (analytics.queries.province_scorecard, fetched unless given), under a title and
    a caption saying how a province's value is made."""
    lang, f = ctx.lang, ctx.filters
    year = f.tahun_akhir
    if provinces is None:
        provinces = data.fetch(queries.province_scorecard, f)
    cities = Counter(ctx.info.provinsi.get(k, "") for k in f.kota)
    st.subheader(t("nat_provinces_title", lang, year=year))
    st.caption(t("nat_provinces_caption", lang, measure=t(standing_texts.BY_COLUMN[columns[0]].label, lang)))
    ranked = standing_texts.provinces_ranked(provinces, year, columns, cities, lang)
    table(ranked, lang, height=min(420, 38 + 35 * len(ranked)))


def trend(spec: overview.Trend, in_range: pd.DataFrame, styles: dict, lang: str, key: str | None = None) -> None:
    """Show a scorecard trend (analytics.overview.TRENDS) with its data; `key` when a page shows it twice."""
    title, caption = spec.texts(lang)
    build, args, kwargs = spec.drawing(in_range, styles, lang)
    chart(title, caption, figure(build, *args, **kwargs), args[0], lang, key or spec.key, spec.anchor)


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _spec(key: str, _builder: Callable[..., go.Figure], _args: tuple, _kwargs: dict) -> dict:
    """Return the Plotly spec (Figure.to_dict) of `_builder(*_args, **_kwargs)`, cached by `key` (see figure)."""
    return _builder(*_args, **_kwargs).to_dict()


def figure(builder: Callable[..., go.Figure], *args: object, **kwargs: object) -> go.Figure:
    """Return `builder(*args, **kwargs)`, a chart of analytics.present.charts, built once for the same arguments.

    Building a figure is most of a warm page's run (plotly.py checks every property it is given: 25-100 ms a
    chart), so its spec is kept (per builder and argument values, like the query results in ui.data) and a warm
    run only makes a Figure of it without those checks again (1-2 ms). Each call returns its own Figure: a page
    may change it without changing what the next run gets. The arguments are released frames and plain values,
    so the same arguments are the same chart for every reader."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    return go.Figure(_spec(_digest(name, args, kwargs), builder, args, kwargs), _validate=False)


class _ByValue(pickle.Pickler):
    """Pickles frames by their values (columns, types and pandas' hash of every row), not by how pandas happens to
    hold them in memory: a copy of a frame pickles to other bytes, and would be another key."""

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, pd.DataFrame | pd.Series):
            try:
                rows = pd.util.hash_pandas_object(obj, index=True).to_numpy().tobytes()
            except TypeError:  # cells pandas cannot hash (lists): pickled as they are
                return NotImplemented
            frame = obj if isinstance(obj, pd.DataFrame) else obj.to_frame()
            types = tuple(str(t) for t in frame.dtypes)
            return tuple, ((type(obj).__name__, tuple(frame.columns), types, rows),)
        return NotImplemented


def _digest(*values: object) -> str:
    """Return a digest of `values` (frames by value): the key of a kept figure. Far quicker than Streamlit's own
    hashing of the arguments, which walks the 98 cities' styles item by item for every chart (40 ms a page)."""
    out = io.BytesIO()
    _ByValue(out, protocol=pickle.HIGHEST_PROTOCOL).dump(values)
    return hashlib.sha256(out.getvalue()).hexdigest()


def synthetic_banner(ctx: PageContext) -> None:
    """Show a clear banner when the warehouse holds synthetic demo data."""
    if ctx.info.synthetic:
        st.warning(t("synthetic_banner", ctx.lang), icon=":material/science:")


def no_data(ctx: PageContext, dataset: str, people: bool = False) -> None:
    """Say that there is nothing to show and why: the OPD, jabatan or jenis ASN filters when the figure
    counts people and one of them is set, otherwise that `dataset` has no rows for these cities and years."""
    lang = ctx.lang
    if people and ctx.filters.filters_people:
        nothing_to_show(lang, t("why_filters", lang))
    else:
        nothing_to_show(lang, t("why_dataset", lang, dataset=dataset))


def nothing_to_show(lang: str, why: str) -> None:
    """Say in a sentence that there is nothing to show, and why."""
    st.info(t("nothing_to_show", lang, why=why), icon=":material/info:")


def chart(
    title: str,
    caption: str,
    figure: go.Figure,
    table: pd.DataFrame,
    lang: str,
    key: str,
    definition: str = "",
    lead: str = "",
) -> None:
    """Show a chart under a question-shaped title, a caption with a link to the metric's definition, the
    chart's text alternative below it (what it shows in a sentence, for screen readers and for everyone;
    analytics.present.charts.describe), and a 'Lihat data' expander with the table behind it and a CSV download;
    `lead`, when given, is the chart's answer in a sentence, written between the title and the caption.

    The figure comes from the builders of analytics.present.charts, which draw nothing about fewer than 5
    people; `table` is the frame it was drawn from, or the fuller frame it was reshaped from. Both are
    released whole by the guarded path before rows are picked (analytics.privacy, rule 6), so a cell has the
    same fate in each."""
    st.subheader(title)
    if lead:
        st.markdown(lead)
    link = f" [{t('definition', lang)}](/definisi#{definition})" if definition else ""
    st.caption(caption + link)
    st.plotly_chart(figure, key=f"chart_{key}", config={"displaylogo": False})
    st.caption(charts.describe(figure, lang))
    # Run only when opened: seven tables a page, formatted and drawn while closed, were a tenth of a second of
    # a warm page in the browser. Opening it reruns the page (its figures and queries come from the caches).
    with st.expander(t("see_data", lang), key=f"data_{key}", on_change="rerun") as data:
        if data.open:
            data_table(table, lang, key)


def data_table(table: pd.DataFrame, lang: str, key: str) -> None:
    """Show the table behind chart `key`, the line on '<5' and its CSV download (written to the audit log)."""
    st.dataframe(display_table(table, lang), hide_index=True)
    st.caption(t("pv_small_groups", lang, k=privacy.min_group()))
    scope, who = state.context().scope, auth.email()  # read now: the file is built outside this run

    def csv_file() -> bytes:  # built when clicked, not on every rerun, and written to the audit log
        auth.record_export(who, scope.kota if scope else None, f"{key}.csv")
        return csv_bytes(table, lang)

    st.download_button(
        t("download_csv", lang),
        data=csv_file,
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"csv_{key}",
        on_click="ignore",
    )


def metric(tile: overview.Tile, where: object = st) -> None:
    """Show one tile with st.metric in `where` (a column or container; the page by default): a change that
    rounds to nothing is grey and has no arrow."""
    where.metric(
        tile.label,
        tile.value,
        tile.delta,
        delta_color=tile.colour,
        delta_arrow=tile.arrow,
        help=tile.help,
        delta_description=tile.against if tile.delta else None,
    )


def one_city(ctx: PageContext, key: str, with_data: Iterable[str] = ()) -> str:
    """Show the choice of one of the compared cities (kept in the URL under `key`), opening on the reader's
    own city, else the first of `with_data` (the cities the page has something about), else the first; return
    the chosen one."""
    cities = sorted(ctx.filters.kota)
    first = ctx.fokus if ctx.fokus in cities else next((k for k in sorted(with_data) if k in cities), cities[0])
    return st.selectbox(
        t("choose_city", ctx.lang),
        cities,
        index=cities.index(first),
        key=key,
        bind="query-params",
    )


def standing(ctx: PageContext, scorecard: pd.DataFrame, *columns: str) -> None:
    """When many cities are compared, say in a sentence each where the focus city stands on the scorecard's
    `columns` (analytics.present.standing): its value, rank and distance to the peers' median."""
    if not (ctx.many and ctx.fokus):
        return
    said = standing_texts.sentences(scorecard, ctx.filters.tahun_akhir, ctx.fokus, columns, ctx.lang)
    st.markdown("\n".join(f"- {s}" for s in said))


def tile_grid(tiles: list[overview.Tile], per_row: int = 3) -> None:
    """Show tiles in rows of `per_row` columns (one column under another on a phone)."""
    for start in range(0, len(tiles), per_row):
        for column, tile in zip(st.columns(per_row), tiles[start : start + per_row], strict=False):
            metric(tile, column.container(border=True))


def table(df: pd.DataFrame, lang: str, height: int | None = None) -> None:
    """Show a table formatted for reading in the chosen language, with a line on '<5' when it has one."""
    shown = display_table(df, lang)
    st.dataframe(shown, hide_index=True, height=height or "auto")
    if shown.map(privacy.is_hidden).any().any():
        st.caption(t("pv_small_groups", lang, k=privacy.min_group()))
