"""Who may see the app, what they may see, and who may upload: optional sign-in for the whole app (OIDC via
st.login when an [auth] section is configured; open in the default local mode), each signed-in person's access
from the deployment's [access] grants (access.grants: their kota and role; unknown people get a
polite page), and the admin gate of the upload and audit pages (OIDC roles, or in the local mode a password
stored as a scrypt hash, access.credentials).

secrets.toml (see .streamlit/secrets.toml.example):
    [admin]
    password_scrypt = "scrypt$16384$8$1$<salt>$<hash>"  # the local mode's admin password
    emails = ["kepala@bkpsdm.go.id"]  # with OIDC: admins of every city
    [access]                          # with OIDC: who sees which kota, in which role
    [auth]                            # optional: OIDC provider for st.login
When no admin credential is configured the gate is closed and says how to open it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from access import audit, credentials
from access import grants as accesses
from analytics.texts import t

SESSION_KEY = "_admin_ok"
PASSWORD_ADMIN = "admin (kata sandi)"  # who the audit log names for the local mode's password
LOCAL_READER = "lokal"  # who the audit log names for a reader of the local mode (no sign-in)


def record_export(who: str, kota: frozenset[str] | None, name: str) -> None:
    """Write to the audit log that the reader `who` (their e-mail, '' in the local mode), who may see `kota`
    (None: every city), took the file `name` out of the app."""
    audit.record("ekspor", who or LOCAL_READER, accesses.listing(kota), [name])


KEPT_ON_SIGN_OUT = ("lang",)  # what a session keeps when its person signs out: only the language


def _secret(section: str, key: str | None = None) -> object:
    """Return st.secrets[section][key] (or the section), None when absent or when there is no secrets file."""
    try:
        value = st.secrets[section]
        return value[key] if key else value
    except Exception:  # no secrets.toml at all raises its own error type; absent keys raise KeyError
        return None


def sign_in_required() -> bool:
    """Return True when an identity provider is configured ([auth] in secrets): then every page needs st.login.
    Without it the app is open (the default local mode)."""
    return bool(_secret("auth"))


def signed_in() -> bool:
    """Return True when the visitor may see the pages: sign-in is not required, or they are signed in."""
    return not sign_in_required() or bool(st.user.is_logged_in)


def email() -> str:
    """Return the signed-in person's e-mail ('' in the local mode or before sign-in)."""
    return str(st.user.get("email") or "") if sign_in_required() and st.user.is_logged_in else ""


def _groups() -> list[str]:
    """Return the groups the identity provider says the signed-in person is in ([access] group_claim)."""
    claim = str((_secret("access") or {}).get("group_claim", "groups"))
    value = st.user.get(claim) or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def access(provinsi: Mapping[str, str] | Callable[[], Mapping[str, str]]) -> accesses.Access | None:
    """Return what the visitor may see and do (access.grants): everything in the local mode; for a
    signed-in person what the [access] grants give them (`provinsi`: kota -> provinsi of the warehouse, for
    grants by province, or a function that returns it: called only for a signed-in person, so the local mode
    reads nothing on every query); None for a visitor who is not signed in or whom no grant names."""
    if not sign_in_required():
        return accesses.LOCAL
    if not st.user.is_logged_in:
        return None
    config = _secret("access")
    verified = email() if st.user.get("email_verified") is not False else ""  # an unverified e-mail names nobody
    provinces = provinsi() if callable(provinsi) else provinsi
    return accesses.access_for(
        verified, _groups(), dict(config) if config else None, list(_secret("admin", "emails") or []), provinces
    )


def _provider() -> str | None:
    """Return the provider name for st.login: None for a single provider written directly under [auth],
    else the first named one ([auth.microsoft] gives 'microsoft')."""
    section = _secret("auth") or {}
    if "client_id" in section:
        return None
    named = [k for k, v in section.items() if hasattr(v, "keys")]
    return named[0] if named else None


def login_screen(lang: str) -> None:
    """Show the sign-in screen of the whole app (title, a sentence, the sign-in button); nothing else."""
    st.title(t("pv_login_title", lang))
    st.markdown(t("pv_login_body", lang))
    provider = _provider()
    st.button(
        t("pv_login", lang),
        on_click=st.login,
        args=(provider,) if provider else (),
        type="primary",
        icon=":material/login:",
        key="app_login",
    )


def no_access_screen(lang: str) -> None:
    """Show the polite page of a signed-in person no grant names: who they are, whom to ask, a sign-out
    button; nothing else. The refusal is written to the audit log once per session."""
    who = email()
    if not st.session_state.get("_refusal_logged"):
        audit.record("ditolak", who, "-", detail="tidak ada hak akses")
        st.session_state["_refusal_logged"] = True
    contact = str((_secret("access") or {}).get("contact") or t("sc_contact_default", lang))
    st.title(t("sc_no_access_title", lang))
    st.markdown(t("sc_no_access_body", lang, email=who, contact=contact))
    st.button(t("pv_logout", lang, who=who), on_click=sign_out, key="app_logout")


def sign_out() -> None:
    """End the session: forget everything it holds (admin sign-in, previews, the page context) but its
    language, and sign out of the identity provider when there is one."""
    for key in [k for k in st.session_state if k not in KEPT_ON_SIGN_OUT]:
        del st.session_state[key]
    if sign_in_required():
        st.logout()


def logout_button(lang: str) -> None:
    """Show who is signed in and a sign-out button in the sidebar (only when sign-in is required)."""
    if sign_in_required() and st.user.is_logged_in:
        st.sidebar.button(
            t("pv_logout", lang, who=email() or str(st.user.get("name") or "")), on_click=sign_out, key="app_logout"
        )


def record_sign_in(who: accesses.Access) -> None:
    """Write a signed-in person's first page of this session to the audit log (once per session)."""
    if sign_in_required() and not st.session_state.get("_sign_in_logged"):
        audit.record("masuk", who.email, who.describe(), detail=who.role)
        st.session_state["_sign_in_logged"] = True


def method() -> str | None:
    """Return how admins sign in here: 'oidc', 'password', 'old_password' (only the former SHA-256 hash is
    configured: refused, it must be made again), or None when no credential is configured."""
    if _secret("auth") and (_secret("admin", "emails") or _secret("access")):
        return "oidc"
    if _secret("admin", "password_scrypt"):
        return "password"
    if _secret("admin", "password_sha256"):
        return "old_password"
    return None


@st.cache_resource(show_spinner=False)
def _throttle() -> credentials.Throttle:
    """The process's count of failed admin passwords (shared by every session, so a new tab does not reset it)."""
    return credentials.Throttle()


def _password_form(lang: str) -> bool:
    """Show the admin password form; return True when the right password was given now. After repeated
    failures a try is not even checked until the wait is over."""
    with st.form("admin_login"):
        password = st.text_input(t("in_password", lang), type="password", key="admin_password")
        submitted = st.form_submit_button(t("in_login", lang))
    if not submitted:
        return False
    throttle = _throttle()
    wait = throttle.seconds_left()
    if wait:
        st.error(t("in_wait", lang, s=wait))
        return False
    if credentials.verify(password, str(_secret("admin", "password_scrypt"))):
        throttle.succeeded()
        audit.record("masuk", PASSWORD_ADMIN, "semua", detail="admin")
        return True
    throttle.failed()
    audit.record("ditolak", PASSWORD_ADMIN, "semua", detail="kata sandi salah")
    st.error(t("in_wrong_password", lang))
    return False


def gate(lang: str, provinsi: Mapping[str, str], deployment: bool = False) -> accesses.Access | None:
    """Render what the visitor needs to become admin and return their Access when they are one (an admin of
    every city when `deployment`), else None.

    With no credential configured: the explanation of how to enable the page. With a password (local mode):
    a sign-in form (a wrong password is refused, repeated failures wait); the password's admin is an admin of
    every city. With OIDC: a sign-in button, then the person's role from [access] or [admin] emails.
    """
    how = method()
    if how is None:
        st.info(t("in_gate_off", lang), icon=":material/lock:")
        return None
    if how == "old_password":
        st.warning(t("in_gate_old_hash", lang), icon=":material/lock:")
        return None
    if how == "oidc":
        if not st.user.is_logged_in:
            st.button(t("in_login_oidc", lang), on_click=st.login, icon=":material/login:")
            return None
        who = access(provinsi)
        if who is None or not who.may("admin") or (deployment and not who.deployment_admin):
            st.error(t("in_not_admin", lang, email=email()))
            return None
        return who  # the sidebar's sign-out button comes from logout_button (OIDC means whole-app sign-in)
    if st.session_state.get(SESSION_KEY):
        st.sidebar.button(t("in_logout", lang), key="admin_logout", on_click=sign_out)
        return accesses.LOCAL
    if _password_form(lang):
        st.session_state[SESSION_KEY] = True
        st.rerun()
    return None


def require(lang: str, role: str, provinsi: Mapping[str, str]) -> bool:
    """Return True when the visitor has `role`; else say so (the page then stops)."""
    who = access(provinsi)
    if who is not None and who.may(role):
        return True
    st.info(t("sc_role_needed", lang, role=t(f"sc_role_{role}", lang)), icon=":material/lock:")
    return False
