"""Meeting files and presentation mode in the app: the download panel (files built only on click) and the
screens of the presentation page, all from analytics.export.content so they match the files."""

from __future__ import annotations

from html import escape

import streamlit as st

from access.grants import Scope
from analytics import meeting_files, queries
from analytics.context import PageContext
from analytics.meeting_files import content, images
from analytics.present import charts
from analytics.present.tables import display_table
from analytics.privacy import release
from analytics.queries.db import warehouse_version
from analytics.queries.filters import Filters
from analytics.texts import t
from ui import auth, data, state

ORDER = ("pptx", "pdf", "html", "xlsx", "csv", "png")
ICONS = {
    "pptx": ":material/slideshow:",
    "pdf": ":material/picture_as_pdf:",
    "html": ":material/language:",
    "xlsx": ":material/table_view:",
    "csv": ":material/csv:",
    "png": ":material/image:",
}
SCREEN_CHART_HEIGHT = 430  # the whole screen fits a 1366 x 768 projector
STYLE = """<style>
.slide-kicker{font-size:1.1rem;color:#444;margin:0}
.slide-title{font-size:2.3rem;font-weight:700;line-height:1.15;margin:0 0 .25em}
.slide-takeaway{font-size:1.7rem;font-weight:600;line-height:1.25;margin:0}
.slide-finding{font-size:2.8rem;font-weight:600;line-height:1.3;margin:1.2em 0}
.slide-line{font-size:1.7rem;margin:.2em 0}
.slide-source{font-size:1rem;color:#444}
.slide-notice{font-size:1.3rem;font-weight:700;color:#a50026;border:2px solid #a50026;padding:.5em .8em}
[data-testid="stTable"] td,[data-testid="stTable"] th{font-size:1.35rem}
[data-testid="stMainBlockContainer"]{padding-top:1.5rem}
[data-testid="stSidebar"],[data-testid="stSidebarCollapsedControl"],[data-testid="stHeader"]{display:none}
</style>"""


def build(ctx: PageContext, fmt: str, focus: str | None = None, who: str = "", provinsi: str | None = None) -> bytes:
    """Return the overview file in `fmt` for these filters (about `focus` among its peers, or `provinsi` among
    many cities), as the reader `who` (their e-mail, '' in the local mode) may see it (called by a download
    button when clicked; written to the audit log).

    It reads through the app's one connection to the current warehouse version: a second connection
    to the same path would get DuckDB's cached instance, which after a load can be the old file."""
    report = content.overview(release.Reader(data.connection(), ctx.scope), ctx, focus, provinsi)
    name = meeting_files.file_name(ctx.filters.kota, ctx.filters.tahun_akhir, fmt, focus, provinsi)
    auth.record_export(who, ctx.scope.kota if ctx.scope else None, name)
    return meeting_files.render(report, fmt, keep_open=True)


def download_buttons(ctx: PageContext, formats=ORDER, focus: str | None = None, where=st, place: str = "panel") -> None:
    """Show one download button per format, each building its file only when clicked (`place` names where
    they stand, for their keys: the sidebar panel or the presentation); without Chromium, a sentence says
    why the deck, PDF and PNG are missing and the other formats are still offered."""
    lang, f = ctx.lang, ctx.filters
    who = auth.email()  # read now: the button builds its file outside this run
    provinsi = state.highlighted_province(ctx)
    chromium = images.available()
    if not chromium and any(meeting_files.FORMATS[fmt][2] for fmt in formats):
        where.caption(t("x_no_chromium", lang))
    for i, fmt in enumerate(formats):
        mime, _, needs_images = meeting_files.FORMATS[fmt]
        if needs_images and not chromium:
            continue
        where.download_button(
            t(f"x_{fmt}", lang),
            data=lambda fmt=fmt: build(ctx, fmt, focus, who, provinsi),
            file_name=meeting_files.file_name(f.kota, f.tahun_akhir, fmt, focus, provinsi),
            mime=mime,
            key=f"export_{fmt}_{place}",
            on_click="ignore",
            icon=ICONS[fmt],
            type="primary" if i == 0 else "secondary",
            width="stretch",
        )


def panel(ctx: PageContext) -> None:
    """Show the 'Take to the meeting' panel at the bottom of the sidebar (nothing when no city is chosen)."""
    if ctx.filters is None:
        return
    lang = ctx.lang
    box = st.sidebar.container(border=True)
    box.markdown(f"**{t('x_panel', lang)}**")
    box.caption(t("x_panel_caption", lang))
    if ctx.needs_focus:
        box.caption(t("x_many_file", lang, n=len(ctx.filters.kota)))
    download_buttons(ctx, focus=ctx.fokus, where=box)


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def _screens_report(
    lang: str, f: Filters, focus: str | None, provinsi: str | None, version: str, scope: Scope | None
) -> content.Report:
    """Return the overview content (cached per filters, language, highlighted city or province, warehouse version
    and the reader's scope: the cache is shared by every session, and data.fetch reads as the person reading)."""
    ctx = PageContext(lang, f, data.fetch(queries.warehouse_info), scope)
    return content.overview(data.fetch, ctx, focus, provinsi)


def report(ctx: PageContext, focus: str | None) -> content.Report:
    """Return the overview content the presentation shows, the same the files hold."""
    path = data.current_path()
    return _screens_report(
        ctx.lang, ctx.filters, focus, state.highlighted_province(ctx), warehouse_version(path), ctx.scope
    )


def screens(rep: content.Report) -> list[tuple[content.Section, str | None]]:
    """Return the presentation's screens in order: the title, one per finding, one per chart, the appendix."""
    out: list[tuple[content.Section, str | None]] = []
    for section in rep.sections:
        if section.kind == "findings":
            out += [(section, line) for line in section.lines]
        else:
            out.append((section, None))
    return out


def projector_style() -> None:
    """Apply large type and hide the sidebar for the projector."""
    st.html(STYLE)


def show_screen(rep: content.Report, section: content.Section, line: str | None, number: int, total: int) -> None:
    """Show one screen of the presentation in large type."""
    lang = rep.lang
    kicker = f'<p class="slide-kicker">{t("x_slide_of", lang, n=number, total=total)}</p>'
    if section.kind == "title":
        lines = "".join(f'<p class="slide-line">{escape(x)}</p>' for x in section.lines)
        notice = f'<p class="slide-notice">{escape(rep.notice)}</p>' if rep.notice else ""
        st.html(f'{kicker}<p class="slide-title">{escape(section.title)}</p>{lines}{notice}')
    elif section.kind == "findings":
        st.html(
            f'{kicker}<p class="slide-title">{escape(section.title)}</p><p class="slide-finding">{escape(line)}</p>'
        )
    elif section.kind == "chart":
        st.html(
            f'{kicker}<p class="slide-title">{escape(section.title)}</p>'
            f'<p class="slide-takeaway">{escape(section.takeaway)}</p>'
        )
        figure = images.for_print(section.figure, height=SCREEN_CHART_HEIGHT)
        figure.update_layout(width=None)
        st.plotly_chart(
            figure, key=f"slide_{section.key}", theme=None, config={"displaylogo": False, "displayModeBar": False}
        )
        st.caption(charts.describe(section.figure, lang))
        st.html(f'<p class="slide-source">{escape(section.source)}</p>')
    else:
        st.html(f'{kicker}<p class="slide-title">{escape(section.title)}</p>')
        shown = content.readable(section, lang)
        st.table(shown.set_index(t("metric", lang)) if section.text is None else shown.set_index(shown.columns[0]))
        st.html(f'<p class="slide-source">{escape(section.caption)} {escape(section.source)}</p>')


def chart_data(section: content.Section, lang: str) -> None:
    """Show the table behind a chart screen, formatted for reading."""
    if section.kind == "chart":
        with st.expander(t("see_data", lang)):
            st.dataframe(display_table(section.table, lang), hide_index=True)


def current_screen(total: int) -> int:
    """Return the screen number (1-based) from the URL's `slide=`, kept within 1..total."""
    raw = str(st.query_params.get("slide", "1"))
    return min(max(int(raw) if raw.isdigit() else 1, 1), total)


def _go(number: int) -> None:
    st.query_params["slide"] = str(number)


def navigation(lang: str, number: int, total: int) -> None:
    """Show the previous and next buttons (keyboard Left and Right), which move the URL's `slide=`."""
    left, right = st.columns(2)
    left.button(
        t("x_prev", lang),
        on_click=_go,
        args=(max(number - 1, 1),),
        disabled=number == 1,
        icon=":material/arrow_back:",
        shortcut="Left",
        width="stretch",
        key="slide_prev",
    )
    right.button(
        t("x_next", lang),
        on_click=_go,
        args=(min(number + 1, total),),
        disabled=number == total,
        icon=":material/arrow_forward:",
        shortcut="Right",
        width="stretch",
        key="slide_next",
        type="primary",
    )
