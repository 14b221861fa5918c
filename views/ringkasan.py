"""Ringkasan: the cities compared for the latest year in the filter, findings and trends. With a focus city,
its tiles against the peers' median come first (the first screen of a phone); with more cities than fit side
by side, one ranked table (sortable, searchable) takes the place of every city's tiles, under a map of the cities
coloured by the measure the table is sorted on, and the provinces, each its compared kota together."""

import streamlit as st

from analytics import queries
from analytics.present import charts, overview, standing
from analytics.present.charts.map import describe as describe_map
from analytics.present.charts.map import kota_map
from analytics.present.findings import findings
from analytics.texts import t
from ui import components, data, state

ctx = components.start_page(breakdowns=False)
lang, f = ctx.lang, ctx.filters

scorecard = data.fetch(queries.scorecard, f)
year = f.tahun_akhir
st.title(
    t("ringkasan_title_many", lang, year=year, n=len(f.kota)) if ctx.many else t("ringkasan_title", lang, year=year)
)
st.caption(
    t("ringkasan_caption", lang, arrows="" if ctx.many else t("ringkasan_arrows", lang, prev=year - 1))
    + (" " + t("people_filter_note", lang) if f.filters_people else "")
)

cities = overview.cities_in(scorecard, year)
if not cities or (f.filters_people and overview.nobody(scorecard)):
    components.no_data(ctx, "pegawai", people=True)
    st.stop()

if ctx.fokus in cities and len(cities) > 1:
    st.header(t("st_focus_title", lang, kota=ctx.fokus, n=len(f.kota)))
    components.tile_grid(standing.focus_tiles(scorecard, year, ctx.fokus, lang))
    st.caption(t("st_focus_caption", lang))

if ctx.many:
    st.header(t("st_ranked_title", lang, n=len(f.kota), year=year))
    sort, _ = st.columns([2, 3])
    column = state.url_choice(
        sort.selectbox,
        t("st_sort", lang),
        [m.column for m in standing.RANKED_MEASURES],
        "urut",
        standing.RANKED_MEASURES[0].column,
        format_func=lambda c: t(standing.BY_COLUMN[c].label, lang),
    )
    # The map of every city, coloured by the measure the table below is sorted on; its values are all in the table.
    st.subheader(t("map_title", lang, n=len(f.kota), measure=t(standing.BY_COLUMN[column].label, lang), year=year))
    st.caption(t("map_caption", lang) + " " + t("map_sources", lang))
    peta = components.figure(kota_map, scorecard, column, lang, ctx.fokus, year)
    st.plotly_chart(peta, key="chart_peta", config={"displaylogo": False})
    st.caption(describe_map(peta, lang))
    search, _ = st.columns([3, 2])
    wanted = search.text_input(
        t("st_search", lang), key="cari", placeholder=t("st_search_hint", lang), bind="query-params", max_chars=60
    )
    components.table(standing.ranked(scorecard, year, column, ctx.info.provinsi, lang, wanted, ctx.fokus), lang)
    st.caption(t("st_ranked_caption", lang))
    # A province's compared kota together (for a province's BKD), sorted on the same measure.
    components.province_table(ctx, [column, *(m.column for m in standing.RANKED_MEASURES if m.column != column)])
else:  # every city's tiles side by side
    tiles = overview.city_tiles(scorecard, year, lang)
    per_row = 4
    for start in range(0, len(cities), per_row):
        for column, kota in zip(st.columns(per_row), cities[start : start + per_row], strict=False):
            with column.container(border=True):
                st.subheader(kota)
                for tile in tiles[kota]:
                    components.metric(tile)

st.header(t("findings", lang))
sentences = findings(scorecard, year, lang)
st.markdown("\n".join(f"- {s}" for s in sentences) if sentences else t("fd_none", lang))

st.header(t("trends", lang))
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
in_range = overview.in_range(scorecard, f)
left, right = st.columns(2)
for column, spec in zip((left, right, left, right), overview.TRENDS.values(), strict=True):
    with column:
        components.trend(spec, in_range, styles, lang)
