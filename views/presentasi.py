"""Presentasi: the overview for a projector, one finding or chart per screen in large type, the chosen city
highlighted (the reader's city, `fokus=`, chosen in the sidebar before presenting; with many cities and none of
them the reader's, the nation's screens or a highlighted province's, `provinsi=`), with previous/next buttons
(keys Left/Right) and the screen number in the URL (`slide=`)."""

import streamlit as st

from analytics.texts import t
from ui import components, meeting_panel

ctx = components.start_page(breakdowns=False)  # many cities and no focus city: the nation's or a province's file
lang, f = ctx.lang, ctx.filters
meeting_panel.projector_style()

top = st.columns([2, 3, 2], vertical_alignment="bottom")
focus = ctx.fokus if len(f.kota) > 1 else None
if focus:
    top[0].markdown(t("x_highlighted", lang, kota=focus))
rep = meeting_panel.report(ctx, focus)
screens = meeting_panel.screens(rep)
number = meeting_panel.current_screen(len(screens))
top[1].page_link("views/ringkasan.py", label=t("x_back", lang), icon=":material/dashboard:")
with top[2]:
    meeting_panel.navigation(lang, number, len(screens))

section, line = screens[number - 1]
meeting_panel.show_screen(rep, section, line, number, len(screens))
meeting_panel.chart_data(section, lang)
with st.expander(t("x_panel", lang)):
    meeting_panel.download_buttons(ctx, focus=focus, place="presentasi")
