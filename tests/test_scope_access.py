"""From a deployment's [access] grants to one person's Access (access.grants): by e-mail, e-mail
domain or group, to kota, a province or everything, with a role; unknown people get nothing."""

from __future__ import annotations

import pytest

from access.grants import access_for, email_address

PROVINSI = {"Pontianak": "Kalimantan Barat", "Singkawang": "Kalimantan Barat", "Makassar": "Sulawesi Selatan"}
CONFIG = {
    "grants": [
        {"domain": "pontianak.go.id", "kota": ["pontianak"], "role": "viewer"},
        {"email": "Admin@Pontianak.go.id", "kota": ["Pontianak"], "role": "admin"},
        {"group": "bkpsdm-kalbar", "provinsi": ["Kalimantan Barat"], "role": "analyst"},
        {"email": "pusat@bkn.go.id", "everything": True, "role": "admin"},
        {"email": "pengamat@bkn.go.id", "everything": True},
    ]
}


def _access(email: str, groups: tuple[str, ...] = (), config: dict | None = CONFIG, admins: tuple[str, ...] = ()):
    return access_for(email, groups, config, admins, PROVINSI)


def test_an_email_domain_gives_its_kota_spelled_as_the_warehouse_spells_it() -> None:
    who = _access("sekda@pontianak.go.id")
    assert who.scope.kota == {"Pontianak"} and who.role == "viewer" and who.admin_kota == frozenset()
    assert not who.may("analyst") and who.may("viewer")


def test_an_email_grant_adds_its_role_for_its_kota_only() -> None:
    who = _access("admin@pontianak.go.id")
    assert who.role == "admin" and who.admin_kota == {"Pontianak"} and not who.deployment_admin


def test_a_group_claim_gives_every_kota_of_a_province() -> None:
    who = _access("staf@kalbarprov.go.id", groups=("BKPSDM-Kalbar",))
    assert who.scope.kota == {"Pontianak", "Singkawang"} and who.role == "analyst"


def test_grants_add_up_and_the_admin_role_stays_with_its_own_kota() -> None:
    who = _access("admin@pontianak.go.id", groups=("bkpsdm-kalbar",))
    assert who.scope.kota == {"Pontianak", "Singkawang"}
    assert who.role == "admin" and who.admin_kota == {"Pontianak"}


def test_everything_is_every_city_and_an_admin_of_everything_may_restore() -> None:
    who = _access("pusat@bkn.go.id")
    assert who.scope.kota is None and who.deployment_admin
    assert _access("pengamat@bkn.go.id").scope.kota is None and not _access("pengamat@bkn.go.id").deployment_admin


@pytest.mark.parametrize("email", ["warga@gmail.com", "sekda@pontianak.go.id.evil.com", "pontianak.go.id@evil.com", ""])
def test_someone_no_grant_names_gets_no_access(email: str) -> None:
    assert _access(email) is None


def test_without_an_access_section_everyone_signed_in_sees_everything_and_admin_emails_administer() -> None:
    viewer = _access("siapa.saja@contoh.go.id", config=None)
    assert viewer.scope.kota is None and viewer.role == "viewer"
    admin = _access("Kepala@BKPSDM.go.id", config=None, admins=("kepala@bkpsdm.go.id",))
    assert admin.deployment_admin and admin.role == "admin"


def test_a_deployment_may_share_everything() -> None:
    who = _access("sekda@pontianak.go.id", config={**CONFIG, "share": "everything"})
    assert who.scope.kota == {"Pontianak"} and who.scope.share_everything and who.scope.whole


def test_an_unknown_role_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="pemilik"):
        _access("x@a.go.id", config={"grants": [{"domain": "a.go.id", "kota": ["Pontianak"], "role": "pemilik"}]})


@pytest.mark.parametrize(
    "email",
    [
        "evil@x.com@pontianak.go.id",  # two '@': the last one used to decide the domain
        "sekda@\u212aota.go.id",  # the Kelvin sign, which Unicode case folding turns into k
        "sekda@pontianak.go.id.evil.com",
        "",
        "sekda pontianak.go.id",
    ],
)
def test_an_address_that_only_looks_like_a_granted_one_matches_nothing(email: str) -> None:
    config = {
        "grants": [{"domain": "pontianak.go.id", "kota": ["Pontianak"]}, {"domain": "kota.go.id", "kota": ["Makassar"]}]
    }
    assert _access(email, config=config) is None


def test_addresses_and_domains_are_compared_in_ascii_lower_case() -> None:
    assert email_address("Sekda@PONTIANAK.go.id") == "sekda@pontianak.go.id"
    assert email_address("admin@bücher.de") == "admin@xn--bcher-kva.de"  # an IDN domain in its punycode form
    assert _access("Sekda@PONTIANAK.go.id").scope.kota == frozenset({"Pontianak"})
