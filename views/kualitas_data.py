"""Kualitas data: load history, rows read/loaded/rejected/skipped, the folder's files not loaded and why, rejects and
warnings by problem, freshness and completeness per city, so a reader knows how far a comparison can be trusted."""

import streamlit as st

from analytics.present import formatting as fmt
from analytics.present import tables
from analytics.queries import quality
from analytics.texts import t
from ui import auth, components
from ui.data import admits, fetch

ctx = components.start_page("kq_title", breakdowns=False)  # about the load: every chosen city
lang, f = ctx.lang, ctx.filters
if not auth.require(lang, "analyst", ctx.info.provinsi):
    st.stop()
st.caption(t("kq_intro", lang))
zone = fmt.zone_for(f.kota, ctx.info.provinsi)  # times in the chosen cities' zone
load_wide = admits(quality.load_history)  # the load's history, files and rejects: every government's

history = fetch(quality.load_history) if load_wide else None
if history is not None and not history.empty:
    last = history.iloc[0]
    st.markdown(
        t(
            "kq_summary",
            lang,
            when=fmt.local_time(last["finished_at_utc"], zone),
            loaded=fmt.number(last["rows_loaded"], lang),
            rejected=fmt.number(last["rows_rejected"], lang),
            skipped=fmt.number(last["rows_skipped"], lang),
            warned=fmt.number(fetch(quality.rows_warned), lang),
        )
    )

years = list(range(f.tahun_awal, f.tahun_akhir + 1))
cover = fetch(quality.coverage, f)
st.header(t("kq_completeness", lang))
st.caption(t("kq_completeness_caption", lang, first=years[0], last=years[-1]))
missing = quality.completeness(cover, list(f.kota), years)
if (missing == "").all().all():  # a sentence, not a table of empty cells (98 rows of them at national scale)
    st.success(t("kq_all_complete", lang), icon=":material/check_circle:")
else:
    st.dataframe(tables.completeness_for_screen(missing, lang), height="auto")

st.header(t("kq_freshness", lang))
st.caption(t("kq_freshness_caption", lang))
st.dataframe(tables.for_screen(quality.freshness(cover), lang, zone), hide_index=True)

st.header(t("kq_reconcile", lang))
st.caption(t("kq_reconcile_caption", lang, year=f.tahun_akhir))
st.dataframe(tables.for_screen(fetch(quality.reconciliation, f), lang, zone), hide_index=True)

if not load_wide:
    st.info(t("sc_load_wide", lang), icon=":material/visibility_lock:")
    st.stop()
st.header(t("kq_datasets", lang))
st.caption(t("kq_datasets_caption", lang))
st.dataframe(tables.for_screen(fetch(quality.dataset_counts), lang, zone), hide_index=True)
with st.expander(t("kq_files", lang)):
    st.dataframe(tables.for_screen(fetch(quality.latest_files), lang, zone), hide_index=True)

st.header(t("kq_not_loaded", lang))  # every file of the folder loads or is named here, with why
not_loaded = fetch(quality.files_not_loaded)
if not_loaded.empty:
    st.markdown(t("kq_all_loaded", lang))
else:
    st.caption(t("kq_not_loaded_caption", lang))
    st.dataframe(tables.for_screen(not_loaded, lang, zone), hide_index=True)

sections = (  # rows that cannot be used (not loaded), then rows loaded as recorded but doubtful
    ("kq_rejects", None, quality.rejects_by_problem, "in_no_rejects"),
    ("kq_warnings", "kq_warnings_caption", quality.warnings_by_problem, "kq_no_warnings"),
)
for header, caption, by_problem, none in sections:
    st.header(t(header, lang))
    if caption:
        st.caption(t(caption, lang))
    problems = fetch(by_problem)
    if problems.empty:
        st.markdown(t(none, lang))
    else:
        st.dataframe(tables.for_screen(problems, lang, zone), hide_index=True)

st.header(t("kq_history", lang))
st.dataframe(tables.for_screen(history, lang, zone), hide_index=True)
