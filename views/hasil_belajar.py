"""Hasil belajar dan layanan: pre/post gains and reactions by kind and provider, JP against IKM per
unit, and disaster-response readiness per agency."""

import streamlit as st

from analytics import queries
from analytics.present import charts, measures
from analytics.texts import t
from ui import components, data

ctx = components.start_page("an_hasil_title", page=measures.HASIL_BELAJAR)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir
st.info(t("an_association", lang), icon=":material/balance:")

by_kind = data.fetch(queries.learning_by_kind, ctx.breakdown())
if by_kind.empty:
    components.nothing_to_show(lang, t("an_no_data", lang))
else:
    texts = charts.mean_texts(by_kind, lang)
    left, right = st.columns(2)
    with left:
        components.chart(
            t("an_q_learning", lang),
            t("an_c_learning", lang),
            components.figure(
                charts.intervals,
                by_kind,
                "label",
                "rata",
                "ci_rendah",
                "ci_tinggi",
                texts,
                styles,
                lang,
                t("an_gain_axis", lang),
                False,
            ),
            by_kind.drop(columns="label"),
            lang,
            "pembelajaran",
            "pembelajaran",
        )
    with right:
        by_provider = data.fetch(queries.learning_by_provider, ctx.breakdown()).head(10)
        texts = charts.mean_texts(by_provider, lang)
        components.chart(
            t("an_q_learning_provider", lang),
            t("an_c_learning_provider", lang),
            components.figure(
                charts.intervals,
                by_provider,
                "penyelenggara",
                "rata",
                "ci_rendah",
                "ci_tinggi",
                texts,
                None,
                lang,
                t("an_gain_axis", lang),
                False,
            ),
            by_provider,
            lang,
            "pembelajaran_penyelenggara",
            "pembelajaran",
        )

kinds = data.fetch(queries.reactions_by_kind, ctx.breakdown())
if not kinds.empty:
    top = data.fetch(queries.top_providers, ctx.breakdown())
    left, right = st.columns(2)
    with left:
        components.chart(
            t("an_q_reaction", lang),
            t("an_c_reaction", lang),
            components.figure(
                charts.heatmap, kinds, "kelompok", "kota", "skor_rata", lang, suffix="", decimals=2, z_range=(3.5, 4.5)
            ),
            kinds,
            lang,
            "reaksi_kota",
            "reaksi",
        )
    with right:
        st.subheader(t("an_q_reaction_provider", lang))
        st.caption(t("an_c_reaction_provider", lang))
        components.table(
            top.rename(columns={"kelompok": "penyelenggara"})[["penyelenggara", "kota", "skor_rata", "jumlah_respon"]],
            lang,
            height=420,
        )

units = data.fetch(queries.jp_and_ikm, ctx.breakdown())
if not units.empty:
    names = charts.correlation_names(units, "jp_per_asn", "ikm", lang)
    components.chart(
        t("an_q_ikm", lang, year=year),
        t("an_c_ikm", lang),
        components.figure(
            charts.scatter_by_city,
            units,
            "jp_per_asn",
            "ikm",
            styles,
            "opd",
            lang,
            t("m_jp_per_asn", lang),
            "IKM",
            names,
        ),
        units,
        lang,
        "jp_ikm",
        "jp-ikm",
    )

ready = data.fetch(queries.readiness, ctx.breakdown())
ready_by_city = data.fetch(queries.readiness_by_city, ctx.breakdown())
if not ready.empty:
    components.chart(
        t("an_q_readiness", lang, year=year),
        t("an_c_readiness", lang) + " " + charts.readiness_totals(ready_by_city, lang),
        components.figure(charts.heatmap, ready, "opd", "kota", "persen_terlatih", lang, decimals=1, z_range=None),
        ready,
        lang,
        "kesiapsiagaan",
        "kesiapsiagaan",
    )
