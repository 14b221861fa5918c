"""Ringkasan: the cities side by side for the latest year in the filter, findings and trends."""

import streamlit as st

from analytics import queries
from analytics.present import charts, overview
from analytics.present.findings import findings
from analytics.texts import t
from ui import components, data

ctx = components.start_page()
lang, f = ctx.lang, ctx.filters

scorecard = data.fetch(queries.scorecard, f)
year = f.tahun_akhir
st.title(t("ringkasan_title", lang, year=year))
st.caption(
    t("ringkasan_caption", lang, prev=year - 1) + (" " + t("people_filter_note", lang) if f.filters_people else "")
)

tiles = overview.city_tiles(scorecard, year, lang)
if not tiles or (f.filters_people and overview.nobody(scorecard)):
    components.no_data(ctx, "pegawai", people=True)
    st.stop()

per_row = 4
cities = list(tiles)
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
styles = charts.city_styles(ctx.info.kota)
in_range = overview.in_range(scorecard, f)
left, right = st.columns(2)
for column, spec in zip((left, right, left, right), overview.TRENDS.values(), strict=True):
    with column:
        components.trend(spec, in_range, styles, lang)
