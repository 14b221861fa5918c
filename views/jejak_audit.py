"""Jejak audit (admins of every city): every sign-in, refused attempt, upload, restore and export, newest first,
with a CSV download. The log is access.audit's file outside the warehouse."""

import streamlit as st

from access import audit
from analytics.texts import t
from ui import auth, data, state

lang = state.chosen_language()  # no page context needed: the log is not in the warehouse
st.title(t("au_title", lang))
admin = auth.gate(lang, data.provinsi(), deployment=True)
if admin is None:
    st.stop()
st.caption(t("au_intro", lang, path=audit.log_path()))
events = audit.events()
if events.empty:
    st.info(t("au_empty", lang), icon=":material/info:")
    st.stop()
st.dataframe(events, hide_index=True)
st.download_button(
    t("au_download", lang),
    data=lambda: audit.exported(admin.email or auth.PASSWORD_ADMIN),
    file_name=audit.EXPORT_NAME,
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
    key="audit_download",
)
