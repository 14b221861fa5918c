"""Profil kota: one city in depth against the average of the other chosen cities, with its OPD table."""

import streamlit as st

from analytics import queries
from analytics.present import overview, standing
from analytics.texts import t
from ui import components, data

ctx = components.start_page(breakdowns=False)
lang, f = ctx.lang, ctx.filters
kota = components.one_city(ctx, "profil")
year = f.tahun_akhir
st.title(t("profil_title", lang, kota=kota))

scorecard = data.fetch(queries.scorecard, f)
st.subheader(
    t("q_profile_many", lang, kota=kota, n=len(f.kota), year=year)
    if ctx.many
    else t("q_profile", lang, kota=kota, year=year)
)
if len(f.kota) < 2:
    st.info(t("only_one_city", lang))
elif ctx.many:
    st.caption(t("st_profile_caption", lang, n=len(f.kota)))
    st.dataframe(standing.table(scorecard, year, kota, lang), hide_index=True)
else:
    st.caption(t("c_profile", lang))
    st.dataframe(overview.compare_with_others(scorecard, kota, year, lang), hide_index=True)

opds = overview.opd_profile(data.fetch, f, kota)
st.subheader(t("q_opd_table", lang, kota=kota, year=year))
st.caption(t("c_opd_table", lang))
if opds.empty:
    components.no_data(ctx, "pegawai", people=True)
else:
    components.table(opds, lang, height=38 * (len(opds) + 1))
