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
    email_verified_claim = false      # only for a provider that sends no email_verified claim
    [auth]                            # optional: OIDC provider for st.login
When no admin credential is configured the gate is closed and says how to open it.

What a browser may send cannot undo any of this: the password's slowdown is counted in a file (access.credentials),
a sign-in is logged once per sign-in in this process's memory (not in a Streamlit cache), and a browser's "clear
cache" message clears only its own session (keep_shared_caches, applied by dashboard.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

import streamlit as st
from streamlit.runtime.app_session import AppSession

import settings
from access import audit, credentials
from access import grants as accesses
from analytics.texts import t

_LOG = logging.getLogger(__name__)
SESSION_KEY = "_admin_ok"
PASSWORD_ADMIN = "admin (kata sandi)"  # who the audit log names for the local mode's password
LOCAL_READER = "lokal"  # who the audit log names for a reader of the local mode (no sign-in)


def record_export(who: str, kota: frozenset[str] | None, name: str) -> None:
    """Write to the audit log that the reader `who` (their e-mail, '' in the local mode), who may see `kota`
    (None: every city), took the file `name` out of the app."""
    audit.record("ekspor", who or LOCAL_READER, accesses.listing(kota), [name])


KEPT_ON_SIGN_OUT = ("lang",)  # what a session keeps when its person signs out: only the language
VERIFIED_SETTING = "email_verified_claim"  # [access]: false for a provider that sends no email_verified claim
# The identity token's claims (st.user carries them all) that tell one sign-in from another: the same on every
# page, tab and reload of a sign-in, new after signing out and in (a new token: new iat and nonce).
SIGN_IN_CLAIMS = ("iss", "sub", "aud", "iat", "auth_time", "nonce")
TESTED_STREAMLIT = ("1.67.",)  # the versions whose clear_cache handler keep_shared_caches was written against


def _clear_own_session_only(session: AppSession) -> None:
    """Streamlit's clear_cache handler as this app has it: clear the sending session's own state (what a reload
    does anyway) and leave the caches every reader shares."""
    _LOG.warning("a browser asked to clear the shared caches: only its own session was cleared")
    session._session_state.clear()


def keep_shared_caches() -> None:
    """Make a browser's "clear cache" message (BackMsg clear_cache) clear only its own session, once per process.

    Streamlit 1.67 obeys that message from any websocket client, signed in or not: AppSession.handle_backmsg calls
    _handle_clear_cache_request, which empties every st.cache_data and st.cache_resource of the process (every
    reader's query results, the shared connection holder) and the sender's session state. No setting refuses it
    (client.toolbarMode = "viewer" only hides the menu item), so that one handler is replaced by
    _clear_own_session_only. Our own calls such as st.cache_data.clear() are untouched. Raises RuntimeError on a
    Streamlit version not in TESTED_STREAMLIT: read its handler, then add the version."""
    if AppSession.__dict__.get("_handle_clear_cache_request") is _clear_own_session_only:
        return
    if not st.__version__.startswith(TESTED_STREAMLIT) or "_handle_clear_cache_request" not in AppSession.__dict__:
        raise RuntimeError(
            f"Streamlit {st.__version__}: check how it handles a browser's clear_cache message "
            "(streamlit/runtime/app_session.py), then add the version to ui/auth.py TESTED_STREAMLIT"
        )
    AppSession._handle_clear_cache_request = _clear_own_session_only


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
    vouched = _email_verified((config or {}).get(VERIFIED_SETTING, True))
    verified = email() if vouched else ""  # an e-mail the provider does not vouch for names nobody
    provinces = provinsi() if callable(provinsi) else provinsi
    return accesses.access_for(
        verified, _groups(), dict(config) if config else None, list(_secret("admin", "emails") or []), provinces
    )


def _email_verified(claim_is_sent: object) -> bool:
    """Return True when the identity provider vouches for the signed-in person's e-mail: its email_verified claim
    is true (true, or the text "true" some providers send), or the claim is absent and `claim_is_sent` ([access]
    email_verified_claim) is false: this provider never sends it. A claim that is false never counts."""
    if not isinstance(claim_is_sent, bool):
        raise ValueError(f"[access] {VERIFIED_SETTING} must be true or false, not {claim_is_sent!r}")
    claim = st.user.get("email_verified")
    if claim is None:
        return not claim_is_sent
    return claim is True or (isinstance(claim, str) and claim.strip().lower() == "true")


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
    button; nothing else. The refusal is written to the audit log once per sign-in (first_time)."""
    who = email()
    if first_time("ditolak"):
        audit.record("ditolak", who, "-", detail="tidak ada hak akses")
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


class _Seen:
    """Keys already met in this process, the oldest forgotten first beyond `limit`. Plain memory, not a Streamlit
    cache: no message a browser sends empties it (a restart does: each person's next page is logged once more)."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self.keys: OrderedDict[str, None] = OrderedDict()
        self.lock = threading.Lock()

    def first(self, key: str) -> bool:
        """Return True when `key` is met for the first time (and remember it), False when it was met before."""
        with self.lock:
            if key in self.keys:
                self.keys.move_to_end(key)
                return False
            self.keys[key] = None
            if len(self.keys) > self.limit:
                self.keys.popitem(last=False)
            return True


_SEEN = _Seen()


def _sign_in_key() -> str | None:
    """Return a digest of the identity token's claims that tell this sign-in from every other (SIGN_IN_CLAIMS);
    None when the token names no time of sign-in and no nonce (a provider AppTest fakes, or one that breaks the
    OpenID Connect rule that every ID token carries iat)."""
    claims = {name: st.user.get(name) for name in SIGN_IN_CLAIMS}
    if all(claims[name] is None for name in ("iat", "auth_time", "nonce")):
        return None
    return hashlib.sha256(json.dumps(claims, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def first_time(event: str) -> bool:
    """Return True the first time `event` ('masuk', 'ditolak') happens for this sign-in: once per sign-in across
    pages, tabs and reloads (each a new Streamlit session), again after signing out and in; once per session when
    the identity token gives nothing to tell sign-ins apart."""
    key = _sign_in_key()
    if key is not None:
        return _SEEN.first(f"{event}:{key}")
    flag = f"_{event}_logged"
    if st.session_state.get(flag):
        return False
    st.session_state[flag] = True
    return True


def record_sign_in(who: accesses.Access) -> None:
    """Write a signed-in person's sign-in to the audit log, once per sign-in (first_time): not again on another
    page, tab or reload."""
    if sign_in_required() and first_time("masuk"):
        audit.record("masuk", who.email, who.describe(), detail=who.role)


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


def _password_form(lang: str) -> bool:
    """Show the admin password form; return True when the right password was given now. After repeated
    failures a try is not even checked until the wait is over; while the file counting them cannot be read or
    written, no try is checked at all."""
    with st.form("admin_login"):
        password = st.text_input(t("in_password", lang), type="password", key="admin_password")
        submitted = st.form_submit_button(t("in_login", lang))
    if not submitted:
        return False
    throttle = credentials.Throttle(settings.sign_in_failures())  # the server's count, shared by every session
    try:
        wait = throttle.attempt()
        right = not wait and credentials.verify(password, str(_secret("admin", "password_scrypt")))
        if right:
            throttle.succeeded()
    except credentials.Unreadable as error:
        _LOG.error("admin password sign-in closed: %s", error)
        audit.record("ditolak", PASSWORD_ADMIN, "semua", detail="catatan percobaan gagal tidak terbaca")
        st.error(t("sc_password_closed", lang, file=settings.SIGN_IN_FAILURES_FILE_NAME))
        return False
    if wait:
        st.error(t("in_wait", lang, s=wait))
    elif right:
        audit.record("masuk", PASSWORD_ADMIN, "semua", detail="admin")
    else:
        audit.record("ditolak", PASSWORD_ADMIN, "semua", detail="kata sandi salah")
        st.error(t("in_wrong_password", lang))
    return right


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
