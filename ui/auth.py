"""Who may see the app and who may upload: optional sign-in for the whole app (OIDC via st.login when an
[auth] section is configured; open in the default local mode), and the admin gate of the upload page (a
hashed password in Streamlit secrets, or OIDC with admin e-mails).

secrets.toml (see .streamlit/secrets.toml.example):
    [admin]
    password_sha256 = "<hex sha256 of salt + password>"
    salt = "<any text>"            # optional
    emails = ["kepala@bkpsdm.go.id"]  # with OIDC: who is an admin
    [auth]                          # optional: OIDC provider for st.login
When neither is configured the gate is closed and says how to open it.
"""

from __future__ import annotations

import hashlib
import hmac

import streamlit as st

from analytics.texts import t

SESSION_KEY = "_admin_ok"


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


def logout_button(lang: str) -> None:
    """Show who is signed in and a sign-out button in the sidebar (only when sign-in is required)."""
    if sign_in_required() and st.user.is_logged_in:
        who = str(st.user.get("email") or st.user.get("name") or "")
        st.sidebar.button(t("pv_logout", lang, who=who), on_click=st.logout, key="app_logout")


def method() -> str | None:
    """Return how admins sign in here: 'oidc', 'password', or None when no credential is configured."""
    if _secret("auth") and _secret("admin", "emails"):
        return "oidc"
    if _secret("admin", "password_sha256"):
        return "password"
    return None


def password_matches(password: str) -> bool:
    """Return True when sha256(salt + password) equals the configured hash (compared in constant time)."""
    expected = str(_secret("admin", "password_sha256") or "").strip().lower()
    salt = str(_secret("admin", "salt") or "")
    given = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return bool(expected) and hmac.compare_digest(given, expected)


def gate(lang: str) -> bool:
    """Render what the visitor needs to become admin and return True when they are one.

    With no credential configured: the explanation of how to enable the page. With a password:
    a sign-in form (a wrong password is refused). With OIDC: a sign-in button, then a check of the
    account's e-mail against admin.emails.
    """
    how = method()
    if how is None:
        st.info(t("in_gate_off", lang), icon=":material/lock:")
        return False
    if how == "oidc":
        if not st.user.is_logged_in:
            st.button(t("in_login_oidc", lang), on_click=st.login, icon=":material/login:")
            return False
        emails = {str(e).lower() for e in _secret("admin", "emails") or []}
        email = str(st.user.get("email", "")).lower()
        if email not in emails:
            st.error(t("in_not_admin", lang, email=email))
            st.button(t("in_logout", lang), on_click=st.logout)
            return False
        return True  # the sidebar's sign-out button comes from logout_button (OIDC means whole-app sign-in)
    if st.session_state.get(SESSION_KEY):
        if st.sidebar.button(t("in_logout", lang), key="admin_logout"):
            st.session_state[SESSION_KEY] = False
            st.rerun()
        return True
    with st.form("admin_login"):
        password = st.text_input(t("in_password", lang), type="password", key="admin_password")
        submitted = st.form_submit_button(t("in_login", lang))
    if submitted:
        if password_matches(password):
            st.session_state[SESSION_KEY] = True
            st.rerun()
        st.error(t("in_wrong_password", lang))
    return False
