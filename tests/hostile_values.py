"""Hostile URL parameter values and the parameters the app reads, for tests/test_hostile_urls.py (in-process)
and tests/test_e2e_hostile.py (the real browser)."""

from __future__ import annotations

import ast
from urllib.parse import quote, unquote

from conftest import DASHBOARD

IN_URL = {  # name: the value as it goes into the URL (percent-encoded)
    "quotes": quote('O\'Brien "Jambi" `x`', safe=""),
    "sql": quote("'; drop table stg_kota; --", safe=""),
    "script": quote("<script>alert(1)</script>", safe=""),
    "img": quote('"><img src=x onerror=alert(2)>', safe=""),
    # Every parameter at once stays under the server's 64 KB limit on a request's head (tornado answers a longer
    # one with an error of its own, before the app runs): 14 parameters of 3,000 characters.
    "long": "J" * 3000,
    "not_utf8": "%ff%fe%c3%28",  # bytes that are not UTF-8
}
# name: the value as the app reads it (the server decodes bytes that are not UTF-8 to U+FFFD, as unquote does)
AS_READ = {name: unquote(value) for name, value in IN_URL.items()}
SIDEBAR = ("kota", "tahun", "opd", "jabatan", "jenis_asn", "lang", "fokus", "banding")  # read on every page
# Our helpers that keep a widget in the URL, and the position of the URL key among their arguments.
URL_HELPERS = {"url_choice": 3, "one_city": 1}


def url_parameters() -> set[str]:
    """Return the URL parameters the source names: the key of each widget bound to the URL
    (bind="query-params") or to one of our URL_HELPERS, and each name read from st.query_params, in dashboard.py,
    ui/ and views/. Keys passed as variables (the sidebar's people filters) are not found: SIDEBAR names those."""
    root = DASHBOARD.parent
    found = set()
    for path in [DASHBOARD, *sorted((root / "ui").glob("*.py")), *sorted((root / "views").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                keywords = {k.arg: _constant(k.value) for k in node.keywords}
                if keywords.get("bind") == "query-params":
                    found.add(keywords.get("key"))
                f = node.func
                helper = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                if helper in URL_HELPERS and len(node.args) > URL_HELPERS[helper]:
                    found.add(_constant(node.args[URL_HELPERS[helper]]))
                if isinstance(f, ast.Attribute) and f.attr in ("get", "get_all") and _is_query_params(f.value):
                    found.add(_constant(node.args[0]) if node.args else None)
            if isinstance(node, ast.Subscript) and _is_query_params(node.value):
                found.add(_constant(node.slice))
    return found - {None}


def _constant(node: ast.expr) -> object:
    return node.value if isinstance(node, ast.Constant) else None


def _is_query_params(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "query_params"


# Every parameter the app reads, each of which a test fills with a hostile value.
PARAMETERS = tuple(sorted(url_parameters() | set(SIDEBAR)))
