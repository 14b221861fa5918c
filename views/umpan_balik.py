"""Umpan balik: how participants rate training, and what citizens say (IKM and aspirations)."""

import streamlit as st

from analytics import queries
from analytics.present import charts, measures, overview, reshape
from analytics.texts import t
from ui import components, data

SENTIMEN_COLORS = {"positif": "#1b7837", "netral": "#bababa", "negatif": "#b2182b"}

ctx = components.start_page("umpan_balik_title", page=measures.UMPAN_BALIK)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir

reactions = data.fetch(queries.reactions, ctx.breakdown())
if reactions.empty:
    components.no_data(ctx, "umpan_balik_pelatihan")
else:
    by_kind = data.fetch(queries.reactions_by_kind, ctx.breakdown())
    components.chart(
        t("q_reaction", lang),
        t("c_reaction", lang),
        components.figure(
            charts.grouped_bars, by_kind, "kelompok", "skor_rata", styles, lang, y_title="1-5", text_format="%{y:.2f}"
        ),
        reactions,
        lang,
        "reaksi",
        "reaksi",
    )

scorecard = data.fetch(queries.scorecard, f)
components.standing(ctx, scorecard, "ikm")
in_range = overview.in_range(scorecard, f)
if in_range["ikm"].notna().any():
    components.trend(overview.TRENDS["tren_ikm"], in_range, styles, lang, "ikm_kota")

units = data.fetch(queries.ikm_by_opd, ctx.breakdown())
latest_units = reshape.pick(units, tahun=year)
left, right = st.columns(2)
with left:
    if latest_units.empty:
        components.no_data(ctx, "survei_kepuasan")
    else:
        components.chart(
            t("q_ikm_opd", lang, year=year),
            t("c_ikm_opd", lang),
            components.figure(
                charts.heatmap, latest_units, "opd", "kota", "ikm", lang, suffix="", decimals=1, z_range=(50, 100)
            ),
            units,
            lang,
            "ikm_opd",
            "ikm",
        )
with right:
    elements = data.fetch(queries.ikm_elements, ctx.breakdown())
    if not elements.empty:
        components.chart(
            t("q_unsur", lang, year=year),
            t("c_unsur", lang),
            components.figure(
                charts.heatmap,
                elements.assign(unsur=elements["unsur"].map(lambda u: t(f"unsur_{u}", lang))),
                "unsur",
                "kota",
                "nilai_konversi",
                lang,
                suffix="",
                decimals=1,
                z_range=(50, 100),
                mark_min="▼",
                sort_rows=False,
            ),
            elements,
            lang,
            "ikm_unsur",
            "ikm",
        )

conventions = reshape.pick(data.fetch(queries.ikm_conventions, ctx.breakdown()), tahun=year)
if not conventions.empty:  # so a reader can match a report printed with a rounded penimbang
    st.subheader(t("q_ikm_penimbang", lang, year=year))
    konvensi = conventions["konvensi"].iloc[0]
    st.caption(t("c_ikm_penimbang", lang, konvensi="1/9" if konvensi == "eksak" else konvensi))
    per_city, per_unit = st.tabs([t("ikm_per_kota", lang), t("ikm_per_opd", lang)])
    with per_city:
        components.table(conventions.drop(columns=["konvensi"]), lang)
    with per_unit:
        components.table(latest_units.drop(columns=["ikm", "mutu_ikm"]), lang)

by_sentiment = data.fetch(queries.aspirations_by_sentiment, ctx.breakdown())
if by_sentiment.empty:
    components.no_data(ctx, "aspirasi")
else:
    parts = [s for s in SENTIMEN_COLORS if s in by_sentiment.columns]
    components.chart(
        t("q_aspirasi", lang),
        t("c_aspirasi", lang),
        components.figure(charts.stacked_share, by_sentiment, "tahun", parts, SENTIMEN_COLORS, lang),
        by_sentiment,
        lang,
        "aspirasi_sentimen",
        "aspirasi",
    )
    by_topic = data.fetch(queries.aspirations_by_topic, ctx.breakdown())
    components.chart(
        t("q_aspirasi_kategori", lang),
        t("c_aspirasi_kategori", lang),
        components.figure(charts.grouped_bars, by_topic, "kategori", "jumlah", styles, lang, text_format="%{y:,.0f}"),
        data.fetch(queries.aspirations_by_topic_and_channel, ctx.breakdown()),
        lang,
        "aspirasi_kategori",
        "aspirasi",
    )
