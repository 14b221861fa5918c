"""The sidebar: language and global filters, bound to the URL so a copied link opens the same view."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics import queries
from analytics.context import PageContext, WarehouseInfo
from analytics.present import formatting as fmt
from analytics.privacy import scope as scopes
from analytics.queries.filters import Filters
from analytics.texts import LANGS, t
from ui import data

LANG_NAMES = {"id": "Indonesia", "en": "English"}


def language() -> str:
    """Render the language switch and return 'id' or 'en', kept in the URL as `lang=id|en`.

    Synced by hand: a bound widget would write its display label ("English") into the URL.
    """
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", "id")
        st.session_state["lang"] = asked if asked in LANGS else "id"
    choice = st.sidebar.segmented_control(
        "Bahasa / Language", LANGS, key="lang", format_func=LANG_NAMES.get, required=True
    )
    lang = choice if choice in LANGS else "id"
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang


def chosen_language() -> str:
    """Return the language `language()` set on this run, for a page that runs without a page context (the
    upload page, which can build the first warehouse). Never a default: dashboard.py sets it first."""
    return st.session_state["lang"]


def filters(lang: str) -> Filters | None:
    """Render the global filters in the sidebar and return them (None when no city is chosen)."""
    info = data.fetch(queries.warehouse_info)
    options = data.fetch(queries.filter_options)
    years = info.tahun or [dt.date.today().year]
    sidebar = st.sidebar
    sidebar.header(t("filters", lang))
    kota = sidebar.multiselect(
        t("f_kota", lang),
        info.kota,
        default=scopes.own(info.kota, data.scope()) or info.kota,  # a scoped reader starts with their own
        key="kota",
        bind="query-params",
    )
    if len(years) > 1:
        tahun = sidebar.select_slider(
            t("f_tahun", lang),
            years,
            value=(years[0], years[-1]),
            key="tahun",
            bind="query-params",
        )
    else:
        tahun = (years[0], years[0])
    in_cities = options[options["kota"].isin(kota)]
    people = [  # (label, options, URL key); an empty choice means all
        ("f_opd", in_cities["opd"], "opd"),
        ("f_jabatan", options["kategori_jabatan"], "jabatan"),
        ("f_jenis_asn", options["jenis_asn"], "jenis_asn"),
    ]
    opd, jabatan, jenis = (
        sidebar.multiselect(
            t(label, lang), sorted(values.unique()), key=key, bind="query-params", placeholder=t("f_all", lang)
        )
        for label, values, key in people
    )
    if not kota:
        return None
    return Filters(tuple(kota), int(tahun[0]), int(tahun[1]), tuple(opd), tuple(jabatan), tuple(jenis))


def load_status(lang: str, chosen: Filters | None) -> WarehouseInfo:
    """Render the time of the last load (and rejects) at the bottom of the sidebar; return the info."""
    info = data.fetch(queries.warehouse_info)
    when = info.loaded_at_utc
    if when is not None:
        zone = fmt.zone_for(chosen.kota if chosen else info.kota, info.provinsi)
        st.sidebar.caption(t("last_load", lang, when=fmt.local_time(when, zone)))
    if info.rows_rejected and scopes.whole_or_none(data.scope()):  # a count over every government's files
        st.sidebar.caption(t("rows_rejected", lang, n=info.rows_rejected))
    if info.synthetic:
        st.sidebar.error(t("synthetic_short", lang), icon=":material/science:")
    return info


def remember(lang: str, chosen: Filters | None, info: WarehouseInfo) -> PageContext:
    """Build this run's page context with the reader's scope (ui.data.scope: None, every city, in the local
    mode) and keep it for the page script; say in the sidebar when chosen cities lie outside that scope."""
    ctx = PageContext(lang, chosen, info, data.scope())
    outside = scopes.outside(chosen, ctx.scope)
    if outside:
        st.sidebar.info(t("sc_outside", lang, kota=", ".join(outside)), icon=":material/visibility_lock:")
    st.session_state["_context"] = ctx
    return ctx


def context() -> PageContext:
    """Return the page context of the page being rendered."""
    return st.session_state["_context"]
