"""Capaian kinerja (SAKIP): one city's indicator targets, realisasi, capaian and band for a year, as the LKjIP
table, a chart of capaian against the band edges, and the table as an XLSX workbook."""

import streamlit as st

from analytics.meeting_files import lkjip
from analytics.queries import sakip
from analytics.texts import t
from ui import auth, components, data

ctx = components.start_page("sk_title", breakdowns=False)
lang, f = ctx.lang, ctx.filters
st.caption(t("sk_intro", lang) + f" [{t('definition', lang)}](/definisi#capaian)")
if f.filters_people:
    st.caption(t("sk_people_note", lang))

capaian = data.fetch(sakip.capaian, f)
left, right = st.columns(2)
with left:  # with many cities and none the reader's, a city that set targets first
    kota = components.one_city(ctx, "capaian_kota", capaian["kota"])
with right:
    years = list(range(f.tahun_akhir, f.tahun_awal - 1, -1))
    tahun = st.selectbox(t("sk_year", lang), years, key="capaian_tahun", bind="query-params")
skala = sakip.skala()
rows = lkjip.of(capaian, kota, tahun)
if rows.empty:
    components.nothing_to_show(lang, t("sk_no_targets", lang, kota=kota, tahun=tahun))
    st.stop()

st.markdown("\n".join(f"- {line}" for line in lkjip.summary(rows, kota, tahun, lang)))

st.subheader(t("sk_table_title", lang, kota=kota, tahun=tahun))
st.caption(t("sk_table_caption", lang, skala=lkjip.scale_text(skala, lang)))
components.table(lkjip.table(rows, tahun, len(skala), lang), lang)

who, scope = auth.email(), ctx.scope  # read now: the file is built when clicked, outside this run
name = lkjip.file_name([kota], tahun)


def workbook() -> bytes:
    """Return the LKjIP workbook of the chosen city and year (built on click, written to the audit log)."""
    auth.record_export(who, scope.kota if scope else None, name)
    notice = t("x_synthetic", lang) if ctx.info.synthetic else ""
    return lkjip.xlsx_bytes(capaian, [kota], tahun, skala, lang, notice)


st.download_button(
    t("sk_download", lang),
    data=workbook,
    file_name=name,
    mime=lkjip.XLSX_MIME,
    key="capaian_xlsx",
    on_click="ignore",
    icon=":material/table_view:",
)

components.chart(
    t("sk_chart_title", lang, kota=kota, tahun=tahun),
    t("sk_chart_caption", lang, skala=lkjip.scale_text(skala, lang)),
    components.figure(lkjip.capaian_chart, rows, skala, lang),
    rows[["indikator", "satuan", "target", "realisasi", "capaian", "kategori"]],
    lang,
    "capaian",
    "capaian",
)
