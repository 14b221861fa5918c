"""Anggaran: planned against realised development budget, cost per JP, and the share of APBD."""

import streamlit as st

import domain
from analytics import queries
from analytics.present import charts, measures, overview, reshape
from analytics.present import formatting as fmt
from analytics.texts import t
from ui import components, data

ctx = components.start_page("anggaran_title", page=measures.ANGGARAN)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir

scorecard = data.fetch(queries.scorecard, f)
components.standing(ctx, scorecard, "persen_serapan", "biaya_per_jp")
budget = overview.in_range(reshape.pick(scorecard, kota=ctx.breakdown().kota), f, filled="pagu")
if budget.empty:
    components.no_data(ctx, "anggaran")
    st.stop()

components.chart(
    t("q_budget", lang),
    t("c_budget", lang),
    components.figure(
        charts.budget_bars,
        budget,
        lang,
        t("pagu", lang),
        t("realisasi", lang),
        [fmt.percent(v, lang, 0) for v in budget["persen_serapan"]],
        t("unit_miliar", lang),
    ),
    budget[["kota", "tahun", "pagu", "realisasi", "persen_serapan"]],
    lang,
    "pagu_realisasi",
    "serapan",
)

detail = data.fetch(queries.budget_detail, ctx.breakdown())
latest = reshape.pick(detail, tahun=year)
st.subheader(t("q_budget_detail", lang, year=year))
st.caption(t("c_budget_detail", lang))
if latest.empty:
    components.no_data(ctx, "anggaran")
else:
    components.table(latest, lang)

left, right = st.columns(2)
with left:
    cost = data.fetch(queries.cost_by_kind, ctx.breakdown())
    cost = cost[cost["biaya_per_jp"].notna()]
    if not cost.empty:
        components.chart(
            t("q_cost_kind", lang),
            t("c_cost_kind", lang),
            components.figure(
                charts.grouped_bars,
                cost,
                "kelompok",
                "biaya_per_jp",
                styles,
                lang,
                y_title="Rp / JP",
                text_format="%{y:,.0f}",
            ),
            cost,
            lang,
            "biaya_per_kelompok",
            "biaya-per-jp",
        )
with right:
    share = data.fetch(queries.apbd_share, f)  # every city: a trend
    share = share[share["persen_apbd"].notna()]
    if share.empty:
        components.no_data(ctx, "apbd")
    else:
        floor = 100 * domain.APBD_FLOOR  # Kemendagri's floor for kabupaten/kota, in percent
        components.chart(
            t("q_apbd", lang),
            t("c_apbd", lang),
            components.figure(
                charts.trend,
                share,
                "persen_apbd",
                styles,
                lang,
                tick_suffix="%",
                target=floor,
                target_label=fmt.percent(floor, lang, 2),
            ),
            share,
            lang,
            "persen_apbd",
            "persen-apbd",
        )
