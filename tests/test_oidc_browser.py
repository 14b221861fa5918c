"""Real sign-in end to end: st.login against a real OpenID Connect provider started locally (panva's certified
oidc-provider, tests/real_oidc.py), the dashboard served by `streamlit run`, Debian's Chromium driven by
Playwright. Two people of two cities each see only their scope on pages and in a meeting file; a third,
unknown person gets the polite page; signing out ends the session; a sign-in is logged once however often its page
is reloaded, and again after signing out and in. The warehouse is built by the real pipeline
from rows where Jambi's one agency has a name found nowhere else."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NIP_C, load_rows, minimal_rows, pegawai
from playwright.sync_api import Page, expect
from real_browser import chromium_page, free_port, idle, open_and_wait, serve
from real_oidc import auth_section, provider, sign_in, sign_out

import settings
from analytics.texts import t

pytestmark = pytest.mark.browser
SECRET_OPD = "Dinas Khusus Jambi"
PONTIANAK = "sekda@pontianak.go.id"
JAMBI = "kabid@jambikota.go.id"  # Jambi's grant is by the group the provider claims for this person
STRANGER = "warga@gmail.com"
ACCESS = """
[access]
contact = "BKPSDM Kota Pontianak"
[[access.grants]]
domain = "pontianak.go.id"
kota = ["Pontianak"]
role = "viewer"
[[access.grants]]
group = "bkpsdm-jambi"
kota = ["Jambi"]
role = "viewer"
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The module's folder: the warehouse, the secrets, the logs and the audit log (audit.jsonl) of `app`."""
    return tmp_path_factory.mktemp("oidc")


@pytest.fixture(scope="module")
def app(folder: Path) -> Iterator[str]:
    """The dashboard served with [auth] pointing at a running provider and the [access] grants above."""
    rows = minimal_rows()
    rows["pegawai"] = [p for p in rows["pegawai"] if p["kota"] != "Jambi"]
    rows["pegawai"].append(pegawai(NIP_C, kota="Jambi", opd=SECRET_OPD))
    report, db = load_rows(folder, rows)
    assert report.status == "ok"
    port = free_port()
    with provider(port, {JAMBI: ["bkpsdm-jambi"]}, folder / "provider.log") as issuer:
        secrets = folder / "secrets.toml"
        secrets.write_text(auth_section(port, issuer) + ACCESS)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("ASN_MIN_GROUP", "1")  # the fixture's groups are tiny; '<5' is tested elsewhere
            mp.setenv(settings.AUDIT_ENV, str(folder / "audit.jsonl"))
            with serve(db, folder / "streamlit.log", port=port, secrets=secrets) as url:
                yield url


@pytest.fixture
def browser() -> Iterator[Page]:
    """A fresh Chromium for each person: no cookie of another sign-in."""
    with chromium_page() as page:
        yield page


def text(page: Page) -> str:
    return page.locator("[data-testid=stApp]").inner_text()


def meeting_csv(page: Page) -> str:
    """Return the text of every CSV in the 'Bawa ke rapat' ZIP the sidebar's download button builds."""
    with page.expect_download(timeout=60_000) as done:
        page.get_by_role("button", name=t("x_csv", "id")).click()
    data = Path(done.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())


def test_a_pontianak_user_signs_in_and_never_sees_jambis_agencies(app: str, browser: Page) -> None:
    sign_in(browser, app, PONTIANAK)
    expect(browser.get_by_role("button", name=t("pv_logout", "id", who=PONTIANAK))).to_be_visible()
    open_and_wait(browser, f"{app}/partisipasi?kota=Pontianak&kota=Jambi&opd={SECRET_OPD.replace(' ', '+')}")
    assert browser.locator("[data-testid=stException]").count() == 0
    assert "Jambi" in text(browser) and SECRET_OPD not in text(browser)
    assert SECRET_OPD not in meeting_csv(browser)
    assert "Jambi" in meeting_csv(browser)  # the shared scorecard still compares the two cities


def test_a_jambi_user_signs_in_by_group_claim_and_sees_jambis_agencies_but_not_pontianaks(
    app: str, browser: Page
) -> None:
    sign_in(browser, app, JAMBI)
    open_and_wait(browser, f"{app}/partisipasi?kota=Pontianak&kota=Jambi")
    assert browser.locator("[data-testid=stException]").count() == 0
    assert SECRET_OPD in text(browser) and "Bappeda" not in text(browser)
    assert SECRET_OPD in meeting_csv(browser) and "Bappeda" not in meeting_csv(browser)


def test_an_unknown_user_gets_the_polite_page_and_signing_out_ends_the_session(app: str, browser: Page) -> None:
    sign_in(browser, app, STRANGER)
    expect(browser.locator("h1")).to_have_text(t("sc_no_access_title", "id"))
    assert "BKPSDM Kota Pontianak" in text(browser) and "Pontianak" not in text(browser).replace(
        "BKPSDM Kota Pontianak", ""
    )
    sign_out(browser, app, t("pv_logout", "id", who=STRANGER))
    open_and_wait(browser, app)
    expect(browser.locator("h1")).to_have_text(t("pv_login_title", "id"))


def signs_in_logged(folder: Path, email: str) -> int:
    """Return how many sign-ins ('masuk') of `email` the served app's audit log holds."""
    lines = (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if json.loads(line)["aksi"] == "masuk" and json.loads(line)["email"] == email)


def test_a_sign_in_is_logged_once_however_often_the_page_is_reloaded(app: str, folder: Path, browser: Page) -> None:
    person = "camat@pontianak.go.id"  # named by the domain grant, and by no other test
    sign_in(browser, app, person)
    for _ in range(2):
        browser.reload()  # a new Streamlit session with the same sign-in
        browser.wait_for_selector("h1", state="attached", timeout=60_000)
        idle(browser)
    open_and_wait(browser, f"{app}/partisipasi")
    assert signs_in_logged(folder, person) == 1
    sign_out(browser, app, t("pv_logout", "id", who=person))
    sign_in(browser, app, person)
    assert signs_in_logged(folder, person) == 2
