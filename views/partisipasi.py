"""Partisipasi: who takes part in development, how much JP, in what kind of activity, and who lags."""

import streamlit as st

from analytics import queries
from analytics.present import charts, measures, overview, reshape
from analytics.present import formatting as fmt
from analytics.texts import t
from ui import components, data

ctx = components.start_page("partisipasi_title", people_note=True, page=measures.PARTISIPASI)
lang, f = ctx.lang, ctx.filters
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
year = f.tahun_akhir

scorecard = data.fetch(queries.scorecard, f)
components.standing(ctx, scorecard, "persen_20jp", "jp_per_asn")
in_range = overview.in_range(scorecard, f)
if overview.nobody(in_range):
    components.no_data(ctx, "pegawai", people=True)
    st.stop()

participants = in_range[["kota", "tahun", "jumlah_asn", "jumlah_peserta"]]
jp = in_range[["kota", "tahun", "jumlah_asn", "jp_total", "jp_per_asn"]]
left, right = st.columns(2)
with left:
    components.chart(
        t("q_peserta", lang),
        t("c_peserta", lang),
        components.figure(charts.trend, participants, "jumlah_peserta", styles, lang),
        participants,
        lang,
        "peserta",
        "jumlah-peserta",
    )
with right:
    components.chart(
        t("q_jp_per_asn", lang),
        t("c_jp_per_asn", lang),
        components.figure(charts.trend, jp, "jp_per_asn", styles, lang),
        jp,
        lang,
        "jp_per_asn",
        "jp-per-asn",
    )

distribution = data.fetch(queries.jp_distribution, ctx.breakdown()).drop(columns="urutan")
if distribution.empty:
    components.no_data(ctx, "pegawai", people=True)
else:
    components.chart(
        t("q_jp_dist", lang, year=year),
        t("c_jp_dist", lang),
        components.figure(charts.jp_distribution, distribution, styles, t("share_pns", lang), lang),
        distribution,
        lang,
        "sebaran_jp",
        "persen-20jp",
    )

dimension = (
    st.segmented_control(
        t("breakdown", lang),
        queries.DIMENSIONS,
        default="opd",
        key="rincian",
        format_func=lambda d: t(f"dim_{d}", lang),
        required=True,
    )
    or "opd"
)
compliance = data.fetch(queries.compliance_by, ctx.breakdown(), dimension)
# PPPK have no 20-JP duty; across PNS and PPPK the share of all ASN is the comparable figure.
share = "persen_asn_20jp" if dimension == "jenis_asn" else "persen_20jp"
if compliance.empty:
    components.no_data(ctx, "pegawai", people=True)
else:
    figure = (
        components.figure(charts.heatmap, compliance, "nilai", "kota", share, lang)
        if dimension == "opd"
        else components.figure(
            charts.grouped_bars, compliance, "nilai", share, styles, lang, y_title="%", text_format="%{y:.0f}%"
        )
    )
    components.chart(
        t("q_compliance", lang, year=year),
        t(
            "c_compliance_asn" if dimension == "jenis_asn" else "c_compliance",
            lang,
            dimension=t(f"dim_{dimension}", lang),
        ),
        figure,
        compliance,
        lang,
        f"kepatuhan_{dimension}",
        "persen-20jp",
    )

mix = data.fetch(queries.activity_mix, ctx.breakdown())
if not mix.empty:
    wide = reshape.wide(mix, ["kota", "tahun"], "kelompok", "jp_lulus")
    kinds = [k for k in charts.KELOMPOK_COLORS if k in wide.columns]
    components.chart(
        t("q_mix", lang),
        t("c_mix", lang),
        components.figure(charts.stacked_share, wide, "tahun", kinds, charts.KELOMPOK_COLORS, lang),
        mix,
        lang,
        "campuran",
        "kelompok-kegiatan",
    )

left, right = st.columns(2)
with left:
    top = reshape.provider_labels(data.fetch(queries.providers, ctx.breakdown()).head(10))
    if not top.empty:
        components.chart(
            t("q_providers", lang),
            t("c_providers", lang),
            components.figure(
                charts.ranked_bars,
                top,
                "label",
                "jp_lulus",
                styles,
                [fmt.shown(v, lambda x: fmt.number(x, lang) + " JP") for v in top["jp_lulus"]],
                lang,
            ),
            top.drop(columns="label"),
            lang,
            "penyelenggara",
        )
with right:
    done = data.fetch(queries.completion, ctx.breakdown())
    if not done.empty:
        parts = ["jumlah_lulus", "jumlah_tidak_lulus", "jumlah_tidak_hadir"]
        names = dict(zip(parts, [t("lulus", lang), t("tidak_lulus", lang), t("tidak_hadir", lang)], strict=True))
        components.chart(
            t("q_completion", lang),
            t("c_completion", lang),
            components.figure(
                charts.stacked_share,
                done,
                "tahun",
                parts,
                dict(zip(parts, ("#1b7837", "#fdb863", "#b2182b"), strict=True)),
                lang,
                part_labels=names,
                total="jumlah_terdaftar",
            ),
            done,
            lang,
            "penyelesaian",
            "status-peserta",
        )
