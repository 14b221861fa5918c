"""Real sign-in end to end: st.login against a real OpenID Connect provider started locally (panva's certified
oidc-provider, tests/real_oidc.py), the dashboard served by `streamlit run`, Debian's Chromium driven by
Playwright. Two people of two cities each see only their scope on pages and in a meeting file; a third,
unknown person gets the polite page; signing out ends the session. The warehouse is built by the real pipeline
from rows where Jambi's one agency has a name found nowhere else."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NIP_C, load_rows, minimal_rows, pegawai
from playwright.sync_api import Page, expect
from real_browser import chromium_page, free_port, open_and_wait, serve
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
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard served with [auth] pointing at a running provider and the [access] grants above."""
    folder = tmp_path_factory.mktemp("oidc")
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
