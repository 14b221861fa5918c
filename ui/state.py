"""The sidebar: language and global filters, bound to the URL so a copied link opens the same view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial

import streamlit as st

from analytics import peers, queries
from analytics.context import SIDE_BY_SIDE, PageContext, WarehouseInfo
from analytics.present import formatting as fmt
from analytics.privacy import scope as scopes
from analytics.queries.filters import Filters
from analytics.texts import LANGS, t
from ui import data

LANG_NAMES = {"id": "Indonesia", "en": "English"}


def language() -> str:
    """Render the language switch and return 'id' or 'en', kept in the URL as `lang=id|en`.

    Kept in the URL by `url_choice`: a bound widget would write its display label ("English") into the URL.
    """
    widget = partial(st.sidebar.segmented_control, format_func=LANG_NAMES.get, required=True)
    return url_choice(widget, "Bahasa / Language", LANGS, "lang", "id")


def url_choice(widget: Callable, label: str, options: Sequence[str], key: str, default: str, **kwargs) -> str:
    """Render `widget` (a selectbox, a segmented control...) with `options`, its value kept in the URL under
    `key` as the option itself, and return the chosen option. Synced by hand: a widget bound to the URL with a
    format_func writes the label it shows, and reads nothing else back. A value the URL holds that is not an
    option gives `default`."""
    if key not in st.session_state:
        asked = st.query_params.get(key)
        st.session_state[key] = asked if asked in options else default
    choice = widget(label, options, key=key, **kwargs)
    choice = choice if choice in options else default
    if st.query_params.get(key) != choice:
        st.query_params[key] = choice
    return choice


def chosen_language() -> str:
    """Return the language `language()` set on this run, for a page that runs without a page context (the
    upload page, which can build the first warehouse). Never a default: dashboard.py sets it first."""
    return st.session_state["lang"]


def _peers(lang: str, info: WarehouseInfo) -> tuple[str | None, tuple[str, ...]]:
    """Render the reader's city and its peer group in the sidebar, bound to the URL (`fokus`, `banding`, and
    `kota` for a hand-picked list); return (focus city or None, the cities compared). A link from before
    peer groups (`kota` without a valid `banding`) opens as a hand-picked list, and so does the app for a
    scoped reader: their own kota first (analytics.privacy.scope)."""
    sidebar = st.sidebar
    mine = scopes.own(info.kota, data.scope())
    scoped = len(mine) < len(info.kota)
    fokus = sidebar.selectbox(
        t("f_fokus", lang),
        info.kota,
        index=None,
        key="fokus",
        bind="query-params",
        placeholder=t("f_fokus_none", lang),
        help=t("f_fokus_help", lang),
    )
    old_link = "kota" in st.query_params and st.query_params.get("banding") not in peers.GROUPS
    group = url_choice(
        sidebar.selectbox,
        t("f_banding", lang),
        peers.GROUPS,
        "banding",
        "pilihan" if old_link or scoped else peers.DEFAULT_GROUP,
        format_func=lambda g: t(f"grp_{g}", lang),
    )
    picked: list[str] = []
    if group == "pilihan":
        # a scoped reader's own kota; every city when they fit side by side; else the focus city alone, so
        # 98 names do not fill the sidebar
        few = len(info.kota) <= SIDE_BY_SIDE
        default = mine if scoped else info.kota if few else [k for k in [fokus] if k]
        picked = sidebar.multiselect(t("f_kota", lang), info.kota, default=default, key="kota", bind="query-params")
    elif "kota" in st.query_params:
        del st.query_params["kota"]  # a list the page no longer uses would stay in a copied link
    cities = peers.compared(info, fokus, group, picked)
    if cities:
        sidebar.caption(t("peers_compared", lang, n=fmt.number(len(cities), lang)))
    return fokus, cities


PAGE_FOCUS = "fokus_di_halaman"  # the in-page twin of the sidebar's focus choice (widget key)


def _take_page_focus() -> None:
    """Make the city chosen in the page the sidebar's focus city (and so the URL's `fokus`)."""
    st.session_state["fokus"] = st.session_state[PAGE_FOCUS]


def focus_picker(lang: str, cities: list[str]) -> None:
    """Render the choice of the reader's city in the page itself, for a page that needs one: on a phone the
    sidebar holding the same choice is folded away. Choosing sets the sidebar's `fokus` (and the URL)."""
    st.selectbox(
        t("f_fokus", lang),
        cities,
        index=None,
        key=PAGE_FOCUS,
        placeholder=t("f_fokus_pick", lang),
        on_change=_take_page_focus,
    )


PROVINCE = "provinsi"  # the URL key of the province highlighted among many cities (widget key too)


def province_choice(lang: str, provinces: Sequence[str], default: str = "") -> str:
    """Render the choice of a province to highlight among the compared cities (its cities and its value, all of
    them together), kept in the URL as `provinsi`; return it, '' for none. `default` (the one province of the
    cities, when they share one) is taken when the URL names no province of `provinces`."""
    options = ["", *provinces]
    if st.session_state.get(PROVINCE) not in options:  # a province of a city list since changed
        st.session_state.pop(PROVINCE, None)
    return url_choice(
        st.selectbox,
        t("nat_province", lang),
        options,
        PROVINCE,
        default if default in options else "",
        format_func=lambda p: p or t("nat_province_none", lang),
        help=t("nat_province_help", lang),
    )


def highlighted_province(ctx: PageContext) -> str | None:
    """Return the province highlighted among many cities with none of them the reader's, as the pages show it: the
    reader's choice this session ('' is an explicit none), else the URL's, else the one province of every compared
    city (PageContext.highlighted_province); None with a focus city."""
    if not ctx.needs_focus:
        return None
    if PROVINCE in st.session_state:
        chosen = st.session_state[PROVINCE]
        return ctx.highlighted_province(chosen) if chosen else None
    return ctx.highlighted_province(st.query_params.get(PROVINCE))


def filters(lang: str) -> tuple[Filters | None, str | None]:
    """Render the global filters in the sidebar and return them (None when no city is chosen) with the reader's
    own city (None when none is chosen)."""
    info = data.fetch(queries.warehouse_info)
    options = data.fetch(queries.filter_options)
    years = info.tahun or [dt.date.today().year]
    sidebar = st.sidebar
    sidebar.header(t("filters", lang))
    fokus, kota = _peers(lang, info)
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
        return None, fokus
    return Filters(tuple(kota), int(tahun[0]), int(tahun[1]), tuple(opd), tuple(jabatan), tuple(jenis)), fokus


def load_status(lang: str, chosen: Filters | None) -> WarehouseInfo:
    """Render the time of the last load (and rejects) at the bottom of the sidebar; return the info."""
    info = data.fetch(queries.warehouse_info)
    when = info.loaded_at_utc
    if when is not None:
        zone = fmt.zone_for(chosen.kota if chosen else info.kota, info.provinsi)
        st.sidebar.caption(t("last_load", lang, when=fmt.local_time(when, zone)))
    if info.rows_rejected:  # a count over every government's files: withheld from a scoped reader (release)
        st.sidebar.caption(t("rows_rejected", lang, n=info.rows_rejected))
    if info.synthetic:
        st.sidebar.error(t("synthetic_short", lang), icon=":material/science:")
    return info


def remember(lang: str, chosen: Filters | None, info: WarehouseInfo, fokus: str | None = None) -> PageContext:
    """Build this run's page context with the reader's scope (ui.data.scope: None, every city, in the local
    mode) and keep it for the page script; say in the sidebar when chosen cities lie outside that scope."""
    ctx = PageContext(lang, chosen, info, data.scope(), fokus)
    outside = scopes.outside(chosen, ctx.scope)
    if outside:
        st.sidebar.info(t("sc_outside", lang, kota=", ".join(outside)), icon=":material/visibility_lock:")
    st.session_state["_context"] = ctx
    return ctx


def context() -> PageContext:
    """Return the page context of the page being rendered."""
    return st.session_state["_context"]
