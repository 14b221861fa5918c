"""Kesenjangan 20 JP: how many JP are missing and at what cost, the APBD floor, equity, who lags."""

import streamlit as st

from analytics import privacy, queries
from analytics.present import charts, measures, overview, reshape
from analytics.texts import t
from ui import components, data

ctx = components.start_page("an_kesenjangan_title", page=measures.KESENJANGAN)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir

gap = data.fetch(queries.gap, ctx.breakdown())
latest = gap[gap["tahun"] == year].reset_index(drop=True)
if latest.empty or overview.nobody(latest, "jumlah_pns"):
    components.nothing_to_show(lang, t("an_no_data", lang))
    st.stop()
st.caption(t("an_city_wide", lang))

cost = latest[
    ["kota", "tahun", "jumlah_pns", "pns_memenuhi_20jp", "kekurangan_jp", "biaya_per_jp", "biaya_menutup_kesenjangan"]
]
components.chart(
    t("an_q_gap_cost", lang, year=year),
    t("an_c_gap_cost", lang),
    components.figure(
        charts.labelled_bars, cost, "biaya_menutup_kesenjangan", styles, charts.gap_labels(cost, lang), lang
    ),
    cost,
    lang,
    "kesenjangan_biaya",
    "kesenjangan-20jp",
)
floor = latest.dropna(subset=["selisih_target_016"]).reset_index(drop=True)
if floor.empty:
    components.no_data(ctx, "apbd")
else:
    labels = charts.floor_labels(floor, lang)
    components.chart(
        t("an_q_floor", lang, year=year),
        t("an_c_floor", lang),
        components.figure(
            charts.labelled_bars, floor, "selisih_target_016", styles, labels, lang, t("an_selisih_axis", lang)
        ),
        floor[["kota", "tahun", "realisasi", "belanja_daerah", "persen_apbd", "target_016", "selisih_target_016"]],
        lang,
        "target_016",
        "target-016",
    )

points = data.fetch(queries.lorenz, ctx.breakdown())
gini = data.fetch(queries.gap, f)[["kota", "tahun", "jumlah_pns", "gini_jp"]]  # every city: a trend
left, right = st.columns(2)
with left:
    components.chart(
        t("an_q_gini", lang),
        t("an_c_gini", lang),
        components.figure(charts.trend, gini, "gini_jp", styles, lang, y_range=(0, 1)),
        gini,
        lang,
        "gini",
        "gini",
    )
with right:
    points = charts.lorenz_points(points, latest[["kota", "jumlah_pns", "gini_jp"]], lang)
    components.chart(
        t("an_q_lorenz", lang, year=year),
        t("an_c_lorenz", lang),
        components.figure(charts.lorenz, points, styles, lang, t("an_equality", lang)),
        points.drop(columns=["label", "jumlah_pns"]),
        lang,
        "lorenz",
        "gini",
    )

opds = data.fetch(queries.opd_gap, ctx.breakdown())
if not opds.empty:
    kota = st.selectbox(
        t("choose_city", lang), sorted(opds["kota"].unique()), key="kesenjangan_kota", bind="query-params"
    )
    mine = reshape.lowest(opds, "persen_20jp", 10, kota=kota)
    if mine.empty:  # every agency of the city holds fewer than 5 PNS of the chosen group
        components.nothing_to_show(lang, t("pv_all_small", lang, k=privacy.min_group()))
    else:
        components.chart(
            t("an_q_opd_low", lang, kota=kota, year=year),
            t("an_c_opd_low", lang, start=f.tahun_awal),
            components.figure(
                charts.share_bars,
                mine,
                "opd",
                "persen_20jp",
                charts.opd_labels(mine, lang),
                styles[kota]["color"],
                lang,
            ),
            mine,
            lang,
            "opd_terendah",
            "persen-20jp",
        )
        trend = data.fetch(queries.compliance_trend, ctx.breakdown(), "opd")
        lowest = reshape.pick(trend, kota=kota, nilai=list(mine["opd"].head(5)))
        city = reshape.pick(latest, kota=kota)[["kota", "jumlah_pns", "pns_memenuhi_20jp"]]
        components.chart(
            t("an_q_opd_trend", lang),
            t("an_c_opd_trend", lang, kota=kota, year=year),
            components.figure(
                charts.trend_by,
                lowest,
                "nilai",
                "persen_20jp",
                lang,
                target=charts.share_of_whole(city, "pns_memenuhi_20jp", "jumlah_pns"),
                target_label=t("an_city_average", lang),
            ),
            lowest,
            lang,
            "opd_tren",
            "persen-20jp",
        )

dimension = (
    st.segmented_control(
        t("breakdown", lang),
        [d for d in queries.DIMENSIONS if d not in ("opd", "jenis_asn")],
        default="kategori_jabatan",
        key="kesenjangan_rincian",
        format_func=lambda d: t(f"dim_{d}", lang),
        required=True,
    )
    or "kategori_jabatan"
)
groups = data.fetch(queries.compliance_by, ctx.breakdown(), dimension).dropna(subset=["persen_20jp"])
groups = groups[["kota", "nilai", "jumlah_pns", "pns_memenuhi_20jp", "persen_20jp"]]
if not groups.empty:
    components.chart(
        t("an_q_groups", lang, year=year),
        t("an_c_groups", lang, dimension=t(f"dim_{dimension}", lang)),
        components.figure(
            charts.grouped_bars, groups, "nilai", "persen_20jp", styles, lang, y_title="%", text_format="%{y:.0f}%"
        ),
        groups,
        lang,
        f"kesenjangan_{dimension}",
        "persen-20jp",
    )
