"""Simulasi anggaran: change the activity budget and mix, see projected JP, 20-JP reach and cost."""

import math
from dataclasses import replace

import streamlit as st

from analytics import metrics, queries
from analytics.present import charts_analysis
from analytics.present import formatting as fmt
from analytics.present.tables import display_table, header
from analytics.texts import t
from ui import components, data

lang, f, info = components.start_page("an_simulasi_title")
year = f.tahun_akhir

kota = st.selectbox(t("choose_city", lang), list(f.kota), key="simulasi_kota", bind="query-params")
one = replace(f, kota=(kota,), tahun_awal=year, opd=(), kategori_jabatan=(), jenis_asn=())
kinds = data.fetch(queries.cost_by_kind, one)
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
    missing = [k for k in metrics.KELOMPOK if k not in set(seen["kelompok"])]
    if missing:
        st.caption(t("an_kinds_missing", lang, kinds=", ".join(missing)))

now = metrics.today(kinds, counts)
chosen = metrics.chosen_mix(kinds, mix)
plan = metrics.simulate(kinds, counts, change, chosen, order)
with results:
    rows = (
        (
            "an_m_persen",
            now.persen_20jp,
            plan.persen_20jp,
            lambda v: fmt.percent(v, lang),
            lambda d: fmt.points(d, lang),
        ),
        (
            "an_m_jp",
            now.jp,
            plan.jp,
            lambda v: fmt.number(v, lang),
            lambda d: fmt.signed(d, lambda v: fmt.number(v, lang)),
        ),
        (
            "an_m_biaya",
            now.biaya,
            plan.biaya,
            lambda v: fmt.rupiah(v, lang),
            lambda d: fmt.signed(d, lambda v: fmt.rupiah(v, lang)),
        ),
        (
            "an_m_biaya_jp",
            now.biaya_per_jp,
            plan.biaya_per_jp,
            lambda v: fmt.rupiah(v, lang, compact=False),
            lambda d: fmt.signed(d, lambda v: fmt.rupiah(v, lang, compact=False)),
        ),
    )
    for key, before, after, show, delta in rows:
        a, b = st.columns(2)
        a.metric(f"{t(key, lang)} · {t('an_today', lang)}", show(before))
        unbounded = after is None
        b.metric(
            f"{t(key, lang)} · {t('an_scenario', lang)}",
            t("an_unbounded", lang) if unbounded else show(after),
            None if unbounded or before is None or math.isclose(after, before, rel_tol=1e-9) else delta(after - before),
            delta_color="inverse" if key in ("an_m_biaya", "an_m_biaya_jp") else "normal",
        )
    if plan.biaya_per_jp:
        st.caption(
            t(
                "an_close_gap",
                lang,
                jp=fmt.number(now.kekurangan_jp, lang),
                cost=fmt.rupiah(now.kekurangan_jp * plan.biaya_per_jp, lang),
            )
        )
st.info(t("an_sim_assumptions", lang), icon=":material/info:")

# The cost table takes the page's whole width: beside the curve, half of 1366 px cut off its last column.
table = metrics.kinds_with_scenario(kinds, chosen)
st.subheader(t("an_q_kinds", lang, kota=kota, year=year))
shown = display_table(table[["kelompok", "jp_lulus", "biaya_per_jp", "persen_jp", "persen_skenario"]], lang).rename(
    columns={header("persen_jp", lang): t("an_share_today", lang), "persen_skenario": t("an_share_scenario", lang)}
)
st.dataframe(shown, hide_index=True)
curve = metrics.budget_curve(kinds, counts, chosen, order, range(-50, 101, 5))
components.chart(
    t("an_q_curve", lang),
    t("an_c_curve", lang),
    charts_analysis.budget_curve(
        curve, change, lang, t("an_budget_axis", lang), t("an_m_persen", lang), t("an_chosen", lang)
    ),
    curve.assign(kota=kota),
    lang,
    "simulasi_kurva",
    "simulasi",
)
