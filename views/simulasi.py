"""Simulasi anggaran: change the activity budget and mix, see projected JP, 20-JP reach and cost."""

from dataclasses import replace

import streamlit as st

import domain
from analytics import metrics, privacy, queries
from analytics.present import charts, measures, simulation
from analytics.present.tables import display_table, header
from analytics.texts import t
from ui import components, data

ctx = components.start_page("an_simulasi_title", breakdowns=False, page=measures.SIMULASI)
lang, f = ctx.lang, ctx.filters
year = f.tahun_akhir

kota = components.one_city(ctx, "simulasi_kota")
one = replace(f, kota=(kota,), tahun_awal=year, opd=(), kategori_jabatan=(), jenis_asn=())
kinds = privacy.numbers(data.fetch(queries.cost_by_kind, one))  # a "<5" JP is no JP to plan with
counts = data.fetch(queries.jp_counts, one)
seen = metrics.observed_kinds(kinds)
if seen.empty or counts.empty:
    components.nothing_to_show(lang, t("an_no_data", lang))
    st.stop()
st.caption(t("an_sim_intro", lang, kota=kota, year=year) + " " + t("an_city_wide", lang))

controls, results = st.columns([2, 3])
with controls:
    change = st.slider(t("an_sim_budget", lang), -50, 200, 0, step=5, key="simulasi_anggaran", bind="query-params")
    st.markdown(t("an_sim_mix", lang))
    mix = {
        k: st.slider(k, 0, 100, int(round(s)), key=f"simulasi_mix_{kota}_{k}")
        for k, s in zip(seen["kelompok"], seen["persen_jp"], strict=True)
    }
    order = st.radio(
        t("an_sim_order", lang),
        metrics.ORDERS,
        format_func=lambda o: t(f"an_order_{o}", lang),
        key="simulasi_urutan",
        bind="query-params",
    )
    missing = [k for k in domain.KELOMPOK if k not in set(seen["kelompok"])]
    if missing:
        st.caption(t("an_kinds_missing", lang, kinds=", ".join(missing)))

chosen = metrics.chosen_mix(kinds, mix)
mix_key = None if chosen is None else tuple(sorted(chosen.items()))
outcomes = data.fetch(queries.what_if, one, change, mix_key, order)
with results:
    for today, scenario in simulation.what_if_tiles(outcomes, lang):
        a, b = st.columns(2)
        components.metric(today, a)
        components.metric(scenario, b)
    sentence = simulation.close_gap(outcomes, lang)
    if sentence:
        st.caption(sentence)
st.info(t("an_sim_assumptions", lang), icon=":material/info:")

# The cost table takes the page's whole width: beside the curve, half of 1366 px cut off its last column.
table = metrics.kinds_with_scenario(kinds, chosen)
st.subheader(t("an_q_kinds", lang, kota=kota, year=year))
shown = display_table(table[["kelompok", "jp_lulus", "biaya_per_jp", "persen_jp", "persen_skenario"]], lang).rename(
    columns={header("persen_jp", lang): t("an_share_today", lang), "persen_skenario": t("an_share_scenario", lang)}
)
st.dataframe(shown, hide_index=True)
curve = data.fetch(queries.what_if_curve, one, mix_key, order)
components.chart(
    t("an_q_curve", lang),
    t("an_c_curve", lang),
    components.figure(
        charts.budget_curve,
        curve,
        change,
        lang,
        t("an_budget_axis", lang),
        t("an_m_persen", lang),
        t("an_chosen", lang),
    ),
    curve.drop(columns="jumlah_pns").assign(kota=kota),
    lang,
    "simulasi_kurva",
    "simulasi",
)
