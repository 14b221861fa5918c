"""Kinerja: performance ratings over the years and by agency; awards, mentoring and coaching."""

import streamlit as st

from analytics import queries
from analytics.present import charts, measures, reshape
from analytics.texts import t
from ui import components, data

ctx = components.start_page("kinerja_title", people_note=True, page=measures.KINERJA)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir
parts = list(queries.PREDIKAT_COLUMNS)

components.standing(ctx, data.fetch(queries.scorecard, f), "persen_sangat_baik")
ratings = data.fetch(queries.predikat, ctx.breakdown())
if ratings.empty:
    components.no_data(ctx, "penilaian_kinerja", people=True)
else:
    components.chart(
        t("q_predikat", lang),
        t("c_predikat", lang),
        components.figure(
            charts.stacked_share, ratings, "tahun", parts, charts.PREDIKAT_COLORS, lang, total="jumlah_dinilai"
        ),
        ratings,
        lang,
        "predikat",
        "predikat",
    )

by_opd = data.fetch(queries.predikat_by_opd, ctx.breakdown())
if not by_opd.empty:
    kota = st.selectbox(
        t("choose_city", lang), sorted(by_opd["kota"].unique()), key="kinerja_kota", bind="query-params"
    )
    mine = reshape.worst_rated_first(reshape.pick(by_opd, kota=kota))
    components.chart(
        t("q_predikat_opd", lang, year=year),
        t("c_predikat_opd", lang, kota=kota),
        components.figure(
            charts.stacked_share_h, mine, "opd", parts, charts.PREDIKAT_COLORS, lang, total="jumlah_dinilai"
        ),
        mine,
        lang,
        "predikat_opd",
        "predikat",
    )

special = data.fetch(queries.special_development, ctx.breakdown())
if not special.empty:
    names = ["jumlah_penghargaan", "pasangan_mentoring", "peserta_coaching"]
    components.chart(
        t("q_special", lang),
        t("c_special", lang),
        components.figure(charts.small_multiples, special, names, [t(n, lang) for n in names], styles, lang),
        special,
        lang,
        "pembinaan_khusus",
    )
