"""A real OpenID Connect provider for the browser tests of sign-in: panva's certified `oidc-provider` from npm
(tests/oidc/, pinned with its package-lock.json; `make oidc` installs it), started with node on a free port.
Its development login screen takes any login name and password: the name is the person's e-mail.

Needs node and tests/oidc/node_modules (`make test` installs both). No skip: without them these tests fail
and say how to install them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page
from real_browser import free_port, idle

FOLDER = Path(__file__).resolve().parent / "oidc"
CLIENT_ID = "dasbor-uji"
CLIENT_SECRET = "rahasia-klien-uji"


@contextmanager
def provider(app_port: int, groups: dict[str, list[str]], log: Path) -> Iterator[str]:
    """Run the provider for a dashboard served on `app_port` (its redirect URI); `groups`: e-mail -> the groups
    its ID token claims. Yields the provider's issuer URL once it answers; stopped after."""
    node = shutil.which("node")
    assert node, "node is missing: apt-get install -y nodejs npm (.ci/run does this)"
    assert (FOLDER / "node_modules" / "oidc-provider").is_dir(), "run `make oidc` (npm ci in tests/oidc)"
    port = free_port()
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": f"http://127.0.0.1:{app_port}/oauth2callback",
        "OIDC_LOGOUT_URI": f"http://127.0.0.1:{app_port}/oauth2callback",  # where st.logout asks to come back
        "OIDC_GROUPS": json.dumps(groups),
    }
    issuer = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen([node, "provider.mjs"], cwd=FOLDER, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            for _ in range(60):
                try:
                    urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                raise RuntimeError(log.read_text())
            yield issuer
        finally:
            process.terminate()
            process.wait(timeout=20)


def auth_section(app_port: int, issuer: str) -> str:
    """Return the [auth] section of secrets.toml for st.login against the provider at `issuer`."""
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        'cookie_secret = "rahasia-kuki-uji"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        # st.login asks for prompt=select_account unless told otherwise; oidc-provider knows login and consent.
        'client_kwargs = { prompt = "login" }\n'
    )


def sign_in(page: Page, app: str, email: str) -> None:
    """Open the dashboard, press its sign-in button, sign in at the provider as `email` (the development login
    screen, then its consent screen), and wait until the dashboard has run for the signed-in person."""
    page.goto(app)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_selector("input[name=login]", timeout=60_000)
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", "apa-saja")
    page.click("button[type=submit]")
    consent = page.locator("button[type=submit]", has_text="Continue")
    page.wait_for_url(lambda url: url.startswith(app) or "/interaction/" in url, timeout=60_000)
    if consent.count():
        consent.click()
    page.wait_for_url(lambda url: url.startswith(app), timeout=60_000)
    page.wait_for_selector("h1", state="attached", timeout=60_000)
    idle(page)


def sign_out(page: Page, app: str, button: str) -> None:
    """Press the dashboard's sign-out button `button`, confirm at the provider when it asks (its end-session
    screen), and wait until the browser is back at the dashboard."""
    page.get_by_role("button", name=button).click()
    page.wait_for_url(lambda url: "/session/end" in url or url.rstrip("/") == app, timeout=60_000)
    if "/session/end" in page.url:
        page.click("button[name=logout]")
    page.wait_for_url(lambda url: url.startswith(app), timeout=60_000)
