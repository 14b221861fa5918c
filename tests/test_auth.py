"""Who may see the app: open by default (local mode); with an identity provider in secrets ([auth]) every
page needs st.login, and uploads still need the admin role. AppTest fakes the signed-in user (at.user)."""

from __future__ import annotations

from pathlib import Path

import pytest
from in_process_app import AUTH
from streamlit.testing.v1 import AppTest

from analytics.texts import t

ROOT = Path(__file__).resolve().parent.parent
ADMIN_EMAIL = "kepala@bkpsdm.example.go.id"


@pytest.fixture(scope="module")
def warehouse(minimal_warehouse: Path) -> Path:
    """The app reads the session's warehouse of minimal_rows() (tests/conftest.py) in every test here."""
    return minimal_warehouse


pytestmark = pytest.mark.usefixtures("app_environment")


def open_app(user: dict | None = None, oidc: bool = False, admins: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if oidc:
        at.secrets["auth"] = AUTH
    if admins:
        at.secrets["admin"] = {"emails": admins}
    if user is not None:
        at.user = user
    return at.run()


def page_text(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(h.value for h in at.title)


def test_without_a_provider_the_app_is_open_and_asks_nobody_to_sign_in() -> None:
    at = open_app()
    assert [e.value for e in at.exception] == []
    assert t("pv_login_title", "id") not in [h.value for h in at.title]
    assert len(at.metric) > 0
    assert not [b for b in at.button if b.key in ("app_login", "app_logout")]


def test_with_a_provider_a_visitor_who_has_not_signed_in_sees_only_the_sign_in_screen() -> None:
    at = open_app({"is_logged_in": False}, oidc=True)
    assert [e.value for e in at.exception] == []
    assert [h.value for h in at.title] == [t("pv_login_title", "id")]
    assert at.button(key="app_login").label == t("pv_login", "id")
    assert len(at.metric) == 0 and len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0


def test_with_a_provider_a_copied_link_to_a_page_also_stops_at_sign_in() -> None:
    at = open_app({"is_logged_in": False}, oidc=True)
    at.switch_page("views/partisipasi.py").run()
    assert [h.value for h in at.title] == [t("pv_login_title", "id")]
    assert len(at.get("plotly_chart")) == 0


def test_the_sign_in_screen_follows_the_language() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.query_params["lang"] = "en"
    at.run()
    assert [h.value for h in at.title] == ["Sign in to see the dashboard"]


def test_with_a_provider_a_signed_in_user_sees_the_pages_and_a_sign_out_button() -> None:
    at = open_app({"is_logged_in": True, "email": "staf@bappeda.example.go.id"}, oidc=True)
    assert [e.value for e in at.exception] == []
    assert len(at.metric) > 0
    assert at.sidebar.button(key="app_logout").label == t("pv_logout", "id", who="staf@bappeda.example.go.id")


def test_a_signed_in_user_who_is_not_an_admin_cannot_upload() -> None:
    at = open_app({"is_logged_in": True, "email": "staf@bappeda.example.go.id"}, oidc=True, admins=[ADMIN_EMAIL])
    at.switch_page("views/unggah.py").run()
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == [t("in_not_admin", "id", email="staf@bappeda.example.go.id")]
    assert not at.get("file_uploader")


def test_a_signed_in_admin_can_upload() -> None:
    at = open_app({"is_logged_in": True, "email": ADMIN_EMAIL.upper()}, oidc=True, admins=[ADMIN_EMAIL])
    at.switch_page("views/unggah.py").run()
    assert [e.value for e in at.exception] == []
    assert len(at.get("file_uploader")) == 1
