"""Dampak pada kinerja: ratings after training and mentoring against comparable employees, and what
follows a poor rating. Associations in observational data, said so on the page."""

import streamlit as st

import domain
from analytics import metrics, queries
from analytics.present import charts, measures, reshape
from analytics.texts import t
from ui import components, data

ctx = components.start_page("an_dampak_title", people_note=True, page=measures.DAMPAK)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
st.info(t("an_association", lang), icon=":material/balance:")


threshold = st.segmented_control(
    t("an_did_threshold", lang),
    (1, domain.JP_MINIMUM),
    default=1,
    key="dampak_jp",
    format_func=lambda v: t(f"an_threshold_{v}", lang),
    required=True,
)
did = data.fetch(queries.training_comparison, ctx.breakdown(), threshold or 1)
if did.empty:
    components.nothing_to_show(lang, t("an_no_data", lang))
else:
    components.chart(
        t("an_q_did", lang),
        t("an_c_did", lang),
        components.figure(charts.comparison, did, styles, lang),
        did,
        lang,
        "did_pelatihan",
        "did",
    )

mentoring = data.fetch(queries.mentoring_comparison, ctx.breakdown())
if not mentoring.empty:
    components.chart(
        t("an_q_mentoring", lang),
        t("an_c_mentoring", lang),
        components.figure(charts.comparison, mentoring, styles, lang),
        mentoring,
        lang,
        "mentoring",
        "mentoring",
    )

summary = data.fetch(queries.follow_up_summary, ctx.breakdown())
if not summary.empty:
    kinds = list(metrics.FOLLOW_UP_KINDS)
    wide = data.fetch(queries.follow_up_by_kind, ctx.breakdown())
    left, right = st.columns(2)
    with left:
        components.chart(
            t("an_q_followup", lang),
            t("an_c_followup", lang),
            components.figure(
                charts.stacked_share_h,
                wide.assign(kota=charts.n_labels(wide, "kota", "n", lang)),
                "kota",
                kinds,
                dict(zip(kinds, ("#117733", "#88ccee", "#bbbbbb"), strict=True)),
                lang,
                part_labels={k: t(f"an_fu_{k}", lang) for k in kinds},
                total="n",
            ),
            wide,
            lang,
            "tindak_lanjut",
            "tindak-lanjut",
        )
    with right:
        after = reshape.follow_up_outcomes(
            summary, {"persen_baik_ditindak": t("an_followed", lang), "persen_baik_tidak": t("an_not_followed", lang)}
        )
        components.chart(
            t("an_q_followup_after", lang),
            t("an_c_followup_after", lang),
            components.figure(
                charts.grouped_bars,
                after,
                "kelompok",
                "persen",
                styles,
                lang,
                y_title=t("an_share_baik", lang),
                text_format="%{y:.0f}%",
            ),
            summary,
            lang,
            "tindak_lanjut_hasil",
            "tindak-lanjut",
        )
