"""Entry point: `streamlit run dashboard.py`. Declares the pages, renders the shared sidebar
(language, filters, load status) and runs the chosen page."""

from pathlib import Path

import streamlit as st

from analytics.texts import t
from ui import auth, components, data, meeting_panel, state

auth.keep_shared_caches()  # a browser's "clear cache" message clears only its own session, not every reader's caches
# The tab's icon is a file we ship: a ":material/..." page icon is fetched from Google's font servers, which a
# government intranet without internet never reaches (the map and every chart work offline too).
st.set_page_config(page_title="Pembinaan ASN", page_icon=str(Path(__file__).parent / "ui/favicon.png"), layout="wide")
components.readable_captions()  # every page, the sidebar and the sign-in screen: captions readable (WCAG AA)

lang = state.language()
pages = {
    t("section_overview", lang): [
        st.Page("views/ringkasan.py", title=t("page_ringkasan", lang), icon=":material/dashboard:", default=True),
        st.Page("views/presentasi.py", title=t("page_presentasi", lang), icon=":material/co_present:"),
    ],
    t("section_topics", lang): [
        st.Page("views/partisipasi.py", title=t("page_partisipasi", lang), icon=":material/school:"),
        st.Page("views/anggaran.py", title=t("page_anggaran", lang), icon=":material/payments:"),
        st.Page("views/kinerja.py", title=t("page_kinerja", lang), icon=":material/trending_up:"),
        st.Page("views/umpan_balik.py", title=t("page_umpan_balik", lang), icon=":material/forum:"),
    ],
    t("an_section", lang): [
        st.Page("views/kesenjangan.py", title=t("an_page_kesenjangan", lang), icon=":material/stacked_bar_chart:"),
        st.Page("views/simulasi.py", title=t("an_page_simulasi", lang), icon=":material/tune:"),
        st.Page("views/dampak.py", title=t("an_page_dampak", lang), icon=":material/insights:"),
        st.Page("views/hasil_belajar.py", title=t("an_page_hasil", lang), icon=":material/quiz:"),
        st.Page("views/ip_asn.py", title=t("ip_page", lang), icon=":material/workspace_premium:"),
        st.Page("views/capaian.py", title=t("sk_page", lang), icon=":material/flag:"),
    ],
    t("section_city", lang): [
        st.Page("views/profil_kota.py", title=t("page_profil", lang), icon=":material/location_city:"),
        st.Page("views/definisi.py", title=t("page_definisi", lang), icon=":material/menu_book:", url_path="definisi"),
    ],
    t("in_section", lang): [
        st.Page("views/kualitas_data.py", title=t("in_page_kualitas", lang), icon=":material/fact_check:"),
        st.Page("views/unggah.py", title=t("in_page_unggah", lang), icon=":material/upload_file:"),
        st.Page("views/jejak_audit.py", title=t("au_page", lang), icon=":material/history:"),
    ],
}
signed_in = auth.signed_in()  # False only when [auth] is configured and the visitor has not signed in
who = auth.access(data.provinsi) if signed_in else None  # None: no grant names this person
page = st.navigation(pages, expanded=True, position="sidebar" if who else "hidden")  # all visible
if not signed_in:
    auth.login_screen(lang)
    st.stop()
if who is None:
    auth.no_access_screen(lang)
    st.stop()
auth.record_sign_in(who)
auth.logout_button(lang)

if problem := data.problem():  # no warehouse yet, a damaged one, or one of an older shape: a sentence
    st.error(t(problem, lang, path=data.current_path()))
    if page.url_path != "unggah":  # the upload page can build the first warehouse or restore a kept one
        st.stop()
    page.run()
    st.stop()

try:
    chosen, fokus = state.filters(lang)
    ctx = state.remember(lang, chosen, state.load_status(lang, chosen), fokus)  # what the page script reads
    meeting_panel.panel(ctx)
    page.run()
except data.Damaged:  # damage deeper in the file than the quick look reaches
    st.error(t("warehouse_damaged", lang))
