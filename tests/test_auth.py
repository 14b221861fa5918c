"""Who may see the app: open by default (local mode); with an identity provider in secrets ([auth]) every
page needs st.login, only an e-mail the provider calls verified is given access, a sign-in is logged once however
often its pages are opened, and uploads still need the admin role. AppTest fakes the signed-in user (at.user)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from in_process_app import AUTH
from streamlit.testing.v1 import AppTest

from access import audit
from analytics.texts import t

ROOT = Path(__file__).resolve().parent.parent
ADMIN_EMAIL = "kepala@bkpsdm.example.go.id"
STAFF = "staf@bappeda.example.go.id"
STAFF_ONLY = {"grants": [{"email": STAFF, "kota": ["Pontianak"], "role": "viewer"}]}


def staff(**claims: object) -> dict:
    """Return st.user of STAFF signed in, with these claims of the identity provider."""
    return {"is_logged_in": True, "email": STAFF, **claims}


@pytest.fixture(scope="module")
def warehouse(minimal_warehouse: Path) -> Path:
    """The app reads the session's warehouse of minimal_rows() (tests/conftest.py) in every test here."""
    return minimal_warehouse


pytestmark = pytest.mark.usefixtures("app_environment")


def open_app(
    user: dict | None = None, oidc: bool = False, admins: list[str] | None = None, access: dict | None = None
) -> AppTest:
    """Return the app run once for `user` exactly as given (AppTest fakes st.user), under [auth] when `oidc`,
    with these [admin] emails and [access] section."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if oidc:
        at.secrets["auth"] = AUTH
    if admins:
        at.secrets["admin"] = {"emails": admins}
    if access is not None:
        at.secrets["access"] = access
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
    at = open_app(staff(email_verified=True), oidc=True)
    assert [e.value for e in at.exception] == []
    assert len(at.metric) > 0
    assert at.sidebar.button(key="app_logout").label == t("pv_logout", "id", who="staf@bappeda.example.go.id")


def test_a_signed_in_user_who_is_not_an_admin_cannot_upload() -> None:
    at = open_app(staff(email_verified=True), oidc=True, admins=[ADMIN_EMAIL])
    at.switch_page("views/unggah.py").run()
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == [t("in_not_admin", "id", email="staf@bappeda.example.go.id")]
    assert not at.get("file_uploader")


def test_a_signed_in_admin_can_upload() -> None:
    at = open_app(
        {"is_logged_in": True, "email": ADMIN_EMAIL.upper(), "email_verified": True}, oidc=True, admins=[ADMIN_EMAIL]
    )
    at.switch_page("views/unggah.py").run()
    assert [e.value for e in at.exception] == []
    assert len(at.get("file_uploader")) == 1


def no_access(at: AppTest) -> bool:
    """Return True when the app showed the polite page of a signed-in person no grant names, and nothing else."""
    return [h.value for h in at.title] == [t("sc_no_access_title", "id")] and len(at.metric) == 0


@pytest.mark.parametrize(
    "claim", [{}, {"email_verified": None}, {"email_verified": False}, {"email_verified": "false"}]
)
def test_an_email_the_provider_does_not_call_verified_is_given_no_grant(claim: dict) -> None:
    assert no_access(open_app(staff(**claim), oidc=True, access=STAFF_ONLY))


def test_an_email_the_provider_does_not_call_verified_is_not_an_admin() -> None:
    at = open_app({"is_logged_in": True, "email": ADMIN_EMAIL}, oidc=True, admins=[ADMIN_EMAIL])
    at.switch_page("views/unggah.py").run()
    assert not at.get("file_uploader")


@pytest.mark.parametrize("claim", [True, "true", "True"])
def test_an_email_the_provider_calls_verified_is_given_its_grants(claim: object) -> None:
    at = open_app(staff(email_verified=claim), oidc=True, access=STAFF_ONLY)
    assert [e.value for e in at.exception] == [] and not no_access(at) and len(at.metric) > 0


def test_a_provider_that_sends_no_email_verified_claim_can_be_trusted_by_a_setting() -> None:
    trusting = {**STAFF_ONLY, "email_verified_claim": False}
    assert not no_access(open_app(staff(), oidc=True, access=trusting))
    assert no_access(open_app(staff(email_verified=False), oidc=True, access=trusting))


def test_the_setting_must_be_true_or_false() -> None:
    at = open_app(staff(), oidc=True, access={**STAFF_ONLY, "email_verified_claim": "false"})
    assert "email_verified_claim must be true or false" in " ".join(e.value for e in at.exception)


_sign_ins = itertools.count(1)


def identity(email: str) -> dict:
    """Return what st.user holds after a new sign-in of `email` at a real provider: the ID token's claims, with
    a time of issue and a nonce of their own."""
    n = next(_sign_ins)
    return {
        "is_logged_in": True,
        "email": email,
        "email_verified": True,
        "iss": "https://login.example.go.id",
        "sub": email,
        "aud": "dasbor",
        "iat": 1_765_000_000 + n,
        "exp": 1_765_003_600 + n,
        "nonce": f"nonce-{n}",
    }


def logged(action: str, email: str) -> int:
    """Return how many `action` events ('masuk', 'ditolak') the audit log holds for `email`."""
    events = audit.events()
    return int(((events["aksi"] == action) & (events["email"] == email)).sum())


def test_a_sign_in_is_logged_once_however_often_its_pages_are_opened() -> None:
    person = identity("sekali@bappeda.example.go.id")
    for _ in range(3):  # every AppTest run is a new session, as a reload or a new tab is
        assert len(open_app(person, oidc=True).metric) > 0
    assert logged("masuk", person["email"]) == 1


def test_signing_in_again_is_logged_again() -> None:
    first, again = identity("lagi@bappeda.example.go.id"), identity("lagi@bappeda.example.go.id")
    open_app(first, oidc=True), open_app(first, oidc=True), open_app(again, oidc=True)
    assert logged("masuk", "lagi@bappeda.example.go.id") == 2


def test_a_refused_sign_in_is_logged_once_however_often_its_page_is_opened() -> None:
    stranger = identity("warga.sekali@example.com")
    for _ in range(2):
        assert no_access(open_app(stranger, oidc=True, access=STAFF_ONLY))
    assert logged("ditolak", "warga.sekali@example.com") == 1
