"""The dashboard run in-process by Streamlit's AppTest: open it (with URL query parameters), switch pages, and
read what it shows. Shared by the test modules that run the app; the app reads $ASN_WAREHOUSE from the project
folder, which the fixture `app_environment` of tests/conftest.py sets.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from conftest import DASHBOARD, PAGE_SCRIPTS
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

ROOT = DASHBOARD.parent
# An identity provider's settings for st.login ([auth] in secrets): AppTest never calls it, at.user fakes who signed in.
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "rahasia-uji",
    "client_id": "dasbor",
    "client_secret": "rahasia",
    "server_metadata_url": "https://login.example.go.id/.well-known/openid-configuration",
}
# Every page of the app by its name (the stem of its script in views/), in menu order.
PAGE = {Path(p).stem: p for p in PAGE_SCRIPTS}


def start(lang: str | None = None, **query: str | list[str]) -> AppTest:
    """Return the app after its first run, opened with these URL query parameters."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def open_signed_in(user: dict, access: dict, name: str | None = None, query: dict | None = None) -> AppTest:
    """Return the app run once for `user` (AppTest fakes st.user) under [auth] and the grants `access`, on page
    `name` (None: the default page) opened with URL `query`. The provider vouches for the e-mail
    (email_verified true) unless `user` says otherwise."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["access"] = access
    at.user = {"email_verified": True, **user}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.switch_page(PAGE[name]).run() if name else at.run()


def open_page(at: AppTest, name: str) -> AppTest:
    """Switch the app to page `name` and run it."""
    return at.switch_page(PAGE[name]).run()


def open_data(at: AppTest) -> AppTest:
    """Open every chart's 'Lihat data' expander (its table and CSV run only when open, ui.components.chart) and
    run the page again; return the app."""
    keys = [e.proto.id.split("-", 2)[2] for e in at.expander if e.proto.id.split("-", 2)[-1].startswith("data_")]
    for key in keys:
        at.session_state[key] = True
    return at.run()


def open_link(name: str, query: dict[str, str | list[str]]) -> AppTest:
    """Return the app after a copied link to page `name` with these URL query parameters was opened: the page is
    the first thing the session runs, as when the link is pasted into a new tab."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.switch_page(PAGE[name]).run()


def assert_clean(at: AppTest) -> None:
    """No exception, and no error in the page body (the sidebar's synthetic-data tag is expected)."""
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.main.error] == []


def tiles(at: AppTest) -> dict[str, list[tuple[str, str, str]]]:
    """Return the Ringkasan tiles per city: (label, value, delta) of each st.metric under the city's name."""
    out = {}
    for column in at.columns:
        if len(column.metric) and len(column.subheader):
            out[column.subheader[0].value] = [(m.label, m.value, m.proto.delta) for m in column.metric]
    return out


def shown_strings(at: AppTest) -> Iterator[str]:
    """Yield every string the app sent to the browser in its last run: each text field of each element's
    message (titles, markdown, labels, options, chart specs, table data, widget values), sidebar included."""
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            yield from _strings(proto)


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if not field.is_repeated:
            values = [value]
        elif field.message_type is not None and field.message_type.GetOptions().map_entry:
            values = value.values()
        else:
            values = value
        for v in values:
            if isinstance(v, Message):
                yield from _strings(v)
            elif isinstance(v, bytes):  # Arrow tables: their text is in there as UTF-8, between binary parts
                yield v.decode("utf-8", errors="ignore")  # ("replace" would make up U+FFFD characters)
            elif isinstance(v, str):
                yield v
