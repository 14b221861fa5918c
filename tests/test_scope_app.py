"""Scoped access in the running app (AppTest, in-process): each kind of user tries every page, with hostile URLs
naming another government; an unknown signed-in user gets the polite page and nothing else; the local mode
without [auth] is unchanged. The warehouse is built by the real pipeline from rows where Jambi's agency has a
name found nowhere else, so any leak of Jambi's OPD-level detail is visible as that name."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NIP_C, load_rows, minimal_rows, pegawai
from in_process_app import PAGE, assert_clean, open_link, open_signed_in, shown_strings
from streamlit.testing.v1 import AppTest

import settings
from access import audit
from analytics.texts import t
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
SECRET_OPD = "Dinas Khusus Jambi"  # Jambi's only agency: OPD-level detail of another government
ACCESS = {
    "contact": "BKPSDM Kota Pontianak (bkpsdm@pontianak.go.id)",
    "grants": [
        {"domain": "pontianak.go.id", "kota": ["Pontianak"], "role": "analyst"},
        {"group": "bkpsdm-jambi", "kota": ["Jambi"], "role": "viewer"},
        {"email": "pusat@bkn.go.id", "everything": True, "role": "admin"},
    ],
}
PONTIANAK = {"is_logged_in": True, "email": "sekda@pontianak.go.id"}
JAMBI = {"is_logged_in": True, "email": "kabid@jambikota.go.id", "groups": ["bkpsdm-jambi"]}
NATIONAL = {"is_logged_in": True, "email": "pusat@bkn.go.id"}
STRANGER = {"is_logged_in": True, "email": "warga@gmail.com"}
HOSTILE = {  # a copied link asking for Jambi's agency, its profile, its simulation, its slides
    "kota": ["Pontianak", "Jambi"],
    "opd": [SECRET_OPD],
    "profil": "Jambi",
    "simulasi_kota": "Jambi",
    "fokus": "Jambi",
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = minimal_rows()
    more = [f"198503122010011{i:03d}" for i in range(2, 9)]  # enough PNS in Pontianak for the Simulasi charts
    rows["pegawai"] = [p for p in rows["pegawai"] if p["kota"] != "Jambi"] + [
        *(pegawai(nip) for nip in more),
        pegawai(NIP_C, kota="Jambi", opd=SECRET_OPD, jenis_asn="PPPK", golongan=""),
    ]
    rows["peserta"] = [{"kode_program": "PTK-2024-0001", "nip": p["nip"], "status": "lulus"} for p in rows["pegawai"]]
    rows["pegawai"].append(pegawai("198503122010011099", tahun_lahir="abc"))  # the one rejected row
    report, db = load_rows(tmp_path_factory.mktemp("scoped"), rows)
    assert report.status == "ok"
    return db


@pytest.fixture(scope="module", autouse=True)
def environment(warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WAREHOUSE_ENV, str(warehouse))
        mp.setenv(settings.AUDIT_ENV, str(tmp_path_factory.mktemp("audit") / "audit.jsonl"))
        mp.chdir(ROOT)
        yield


def open_as(user: dict | None, page: str | None = None, query: dict | None = None) -> AppTest:
    """Return the app run once for `user` (None: the local mode, no [auth]) on `page` with URL `query`."""
    if user is None:
        return open_link(page or "ringkasan", query or {})
    return open_signed_in(user, ACCESS, page, query)


def _shows(at: AppTest, text: str) -> bool:
    return any(text in s for s in shown_strings(at))


@pytest.mark.parametrize("page", PAGE)
def test_a_pontianak_user_never_sees_jambis_agencies_on_any_page_even_when_the_url_asks(page: str) -> None:
    at = open_as(PONTIANAK, page, HOSTILE)
    assert [e.value for e in at.exception] == []
    assert not _shows(at, SECRET_OPD)


@pytest.mark.parametrize("page", PAGE)
def test_a_jambi_viewer_opens_every_page_without_an_error_and_never_sees_pontianaks_agencies(page: str) -> None:
    at = open_as(JAMBI, page, {"kota": ["Pontianak", "Jambi"]})
    assert [e.value for e in at.exception] == []
    assert not _shows(at, "Bappeda")  # Pontianak's second agency


def test_the_pages_would_show_jambis_agency_to_someone_whose_scope_holds_jambi() -> None:
    assert _shows(open_as(JAMBI, "partisipasi", {"kota": "Jambi"}), SECRET_OPD)
    assert _shows(open_as(NATIONAL, "partisipasi", {"kota": "Jambi"}), SECRET_OPD)
    assert _shows(open_as(None, "partisipasi", {"kota": "Jambi"}), SECRET_OPD)  # the local mode, as today
    assert _shows(open_as(NATIONAL, "profil_kota", HOSTILE), SECRET_OPD)  # the hostile link, for a reader of Jambi


def test_the_opd_filter_offers_only_the_readers_own_agencies() -> None:
    at = open_as(PONTIANAK, "ringkasan", HOSTILE)
    assert SECRET_OPD not in at.sidebar.multiselect(key="opd").options
    assert SECRET_OPD in open_as(NATIONAL, "ringkasan", HOSTILE).sidebar.multiselect(key="opd").options


def test_the_shared_scorecard_shows_the_other_city_and_the_sidebar_says_what_is_withheld() -> None:
    at = open_as(PONTIANAK, "ringkasan", {"kota": ["Pontianak", "Jambi"]})
    assert_clean(at)
    assert {"Pontianak", "Jambi"} <= {h.value for h in at.subheader}  # one tile column per city
    assert [i.value for i in at.sidebar.info] == [t("sc_outside", "id", kota="Jambi")]
    assert not open_as(NATIONAL, "ringkasan", {"kota": ["Pontianak", "Jambi"]}).sidebar.info


def test_a_signed_in_stranger_gets_the_polite_page_and_nothing_else() -> None:
    for page in ("ringkasan", "partisipasi", "kualitas_data", "unggah"):
        at = open_as(STRANGER, page, {"kota": "Jambi"})
        assert [e.value for e in at.exception] == []
        assert [h.value for h in at.title] == [t("sc_no_access_title", "id")]
        assert ACCESS["contact"] in at.markdown[0].value and "warga@gmail.com" in at.markdown[0].value
        assert len(at.metric) == 0 and len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0
        assert not at.sidebar.multiselect and not _shows(at, "Jambi")
    assert [(e["aksi"], e["email"]) for e in audit.events().to_dict("records")][:1] == [("ditolak", "warga@gmail.com")]


def test_load_wide_files_and_rejects_are_for_readers_of_every_city_only() -> None:
    mine = open_as(PONTIANAK, "kualitas_data")
    assert_clean(mine)
    assert t("sc_load_wide", "id") in [i.value for i in mine.main.info]
    assert not [h for h in mine.header if h.value == t("kq_rejects", "id")]
    national = open_as(NATIONAL, "kualitas_data")
    assert [h for h in national.header if h.value == t("kq_rejects", "id")]


def test_a_viewer_is_told_the_data_quality_page_needs_an_analyst() -> None:
    at = open_as(JAMBI, "kualitas_data")
    assert_clean(at)
    assert [i.value for i in at.main.info] == [t("sc_role_needed", "id", role=t("sc_role_analyst", "id"))]
    assert len(at.dataframe) == 0


def test_a_sign_in_is_written_to_the_audit_log_with_its_scope() -> None:
    open_as(JAMBI, "ringkasan")
    last = audit.events().iloc[0]
    assert (last["aksi"], last["email"], last["cakupan"], last["keterangan"]) == (
        "masuk",
        "kabid@jambikota.go.id",
        "Jambi",
        "viewer",
    )


def test_a_scoped_reader_starts_with_their_own_city_and_may_add_others() -> None:
    at = open_as(JAMBI, "ringkasan")
    assert at.sidebar.multiselect(key="kota").value == ["Jambi"]
    assert at.sidebar.multiselect(key="kota").options == ["Jambi", "Pontianak"]
    assert at.sidebar.selectbox(key="banding").value == "pilihan"  # hand-picked, from their own
    everyone = open_as(None, "ringkasan")  # an unscoped reader compares every city
    assert everyone.sidebar.selectbox(key="banding").value == "semua"
    assert t("peers_compared", "id", n=2) in [c.value for c in everyone.sidebar.caption]


def test_the_presentation_shared_cache_never_hands_one_readers_screens_to_another() -> None:
    both = {"kota": ["Pontianak", "Jambi"]}
    screens = range(1, 12)
    national = [_shows(open_as(NATIONAL, "presentasi", {**both, "slide": str(n)}), SECRET_OPD) for n in screens]
    assert any(national)  # the national reader's screens name Jambi's agency, and are now cached
    for n in screens:
        assert not _shows(open_as(PONTIANAK, "presentasi", {**both, "slide": str(n)}), SECRET_OPD), n


def test_an_unverified_email_is_granted_nothing_by_its_domain() -> None:
    at = open_as({**PONTIANAK, "email_verified": False}, "ringkasan")
    assert [h.value for h in at.title] == [t("sc_no_access_title", "id")]
    assert open_as({**PONTIANAK, "email_verified": True}, "ringkasan").title[0].value != t("sc_no_access_title", "id")


def test_the_count_of_rejected_rows_of_every_government_is_not_shown_to_a_scoped_reader() -> None:
    note = t("rows_rejected", "id", n=1)  # the fixture has one rejected row
    assert note not in [c.value for c in open_as(PONTIANAK, "ringkasan").sidebar.caption]
    assert note in [c.value for c in open_as(NATIONAL, "ringkasan").sidebar.caption]
