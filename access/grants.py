"""Who sees what: a deployment's grants (the [access] section of .streamlit/secrets.toml) turned into one
person's Access (their Scope and role). No Streamlit here: ui.auth hands in the signed-in user's e-mail and
groups, the command line (`python -m analytics export --sebagai EMAIL`) an e-mail.

    [access]
    contact = "BKPSDM Kota Pontianak, bkpsdm@pontianak.go.id"  # whom an unknown user should ask
    share = "headline"              # or "everything": every answer is shared between the governments
    group_claim = "groups"          # the identity provider's claim listing a user's groups

    [[access.grants]]               # one per rule; a person gets every grant that matches them
    domain = "pontianak.go.id"      # or email = "sekda@makassar.go.id", or group = "bkpsdm-kalbar"
    kota = ["Pontianak"]            # or provinsi = ["Kalimantan Barat"], or everything = true
    role = "viewer"                 # viewer | analyst | admin (of those kota)

Roles: a viewer reads the pages, downloads and meeting files of their scope; an analyst also the data-quality
page (coverage of their kota; the load-wide files and rejects need a whole-deployment scope); an admin also
uploads their kota's files. Restoring a warehouse needs an admin of every city (everything = true).
Without an [access] section every signed-in person sees everything (as before scoped access existed) and
the e-mails of [admin] emails are admins of every city.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Scope:
    """What one reader may see: `kota` None means every city (the local mode, a national deployment);
    `share_everything` when the deployment shares every answer, not only the headline measures."""

    kota: frozenset[str] | None = None
    share_everything: bool = False

    @property
    def whole(self) -> bool:
        """Return True when this reader sees every city's everything."""
        return self.kota is None or self.share_everything


EVERYTHING = Scope()


ROLES = ("viewer", "analyst", "admin")  # each includes what the ones before it may do
SHARE_EVERYTHING = "everything"


@dataclass(frozen=True)
class Access:
    """One person's access: their e-mail, the Scope of what they read, their highest role, and the kota they
    are admin of (None: every city, a deployment-wide admin; empty: none)."""

    email: str
    scope: Scope
    role: str = "viewer"
    admin_kota: frozenset[str] | None = frozenset()

    def may(self, role: str) -> bool:
        """Return True when this person has `role` or one that includes it."""
        return ROLES.index(self.role) >= ROLES.index(role)

    @property
    def deployment_admin(self) -> bool:
        """Return True for an admin of every city: the one who may restore a warehouse."""
        return self.admin_kota is None

    def describe(self) -> str:
        """Return the scope as one line for the audit log: 'semua' or the kota, comma-separated."""
        return listing(self.scope.kota)

    def administers(self) -> str:
        """Return the kota this person is admin of as one line: 'semua' or the kota, comma-separated."""
        return listing(self.admin_kota)


def listing(kota: frozenset[str] | None) -> str:
    """Return kota as one line for people and the audit log: 'semua' (None: every city) or comma-separated."""
    return "semua" if kota is None else ", ".join(sorted(kota))


LOCAL = Access("", Scope(), "admin", None)  # the local mode: one trusted machine, every city


def _listed(value: object) -> list[str]:
    """Return a grant field (a string or a list of strings) as a list of stripped, case-folded strings."""
    values = [value] if isinstance(value, str) else list(value or [])
    return [str(v).strip().casefold() for v in values if str(v).strip()]


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _domain(text: str) -> str | None:
    """Return a domain in ASCII, A-Z lower-cased: an IDN label in its punycode form (xn--); None when a label
    is not ASCII and is no IDN either (a look-alike letter that Unicode folds into ASCII, such as the Kelvin
    sign for K, never stands for the real domain)."""
    labels = []
    for label in text.split("."):
        if not label.isascii():
            try:
                label = label.encode("idna").decode("ascii")
            except UnicodeError:
                return None
            if not label.startswith("xn--"):
                return None
        labels.append(label)
    return ".".join(labels).translate(_ASCII_LOWER)


def email_address(text: str | None) -> str | None:
    """Return an e-mail address as grants compare it: exactly one '@' between a name and a domain, no white
    space inside, the domain as _domain gives it and the name with only A-Z lower-cased; None for anything
    else (an empty or malformed address matches no grant)."""
    text = (text or "").strip()
    if text.count("@") != 1 or any(c.isspace() for c in text):
        return None
    name, domain = text.split("@")
    domain = _domain(domain) if domain else None
    return f"{name.translate(_ASCII_LOWER)}@{domain}" if name and domain else None


def matches(grant: Mapping, email: str, groups: Iterable[str]) -> bool:
    """Return True when `grant` names this person: by e-mail, by e-mail domain (compared exactly, in ASCII), or
    by a group they are in. A malformed e-mail matches by group only."""
    address = email_address(email)
    domain = address.partition("@")[2] if address else None
    named = {email_address(e) for e in _values(grant.get("email"))} - {None}
    domains = {_domain(d.strip().lstrip("@")) for d in _values(grant.get("domain"))} - {None}
    mine = {g.strip().casefold() for g in groups}
    return bool(
        (address and address in named) or (domain and domain in domains) or mine & set(_listed(grant.get("group")))
    )


def _values(value: object) -> list[str]:
    """Return a grant field (a string or a list of strings) as a list of strings."""
    return [str(v) for v in ([value] if isinstance(value, str) else list(value or []))]


def cities(grant: Mapping, provinsi: Mapping[str, str]) -> frozenset[str] | None:
    """Return the kota a grant covers (None: every city), spelled as the warehouse spells them: named kota
    (case-insensitive; a kota not loaded yet keeps the grant's spelling) and every kota of named provinces."""
    if grant.get("everything"):
        return None
    spelled = {k.casefold(): k for k in provinsi}
    named = {spelled.get(k, k) for k in _listed(grant.get("kota"))}
    provinces = set(_listed(grant.get("provinsi")))
    return frozenset(named | {k for k, p in provinsi.items() if p.casefold() in provinces})


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    return None if any(p is None for p in parts) else frozenset().union(*parts)


def access_for(
    email: str, groups: Iterable[str], config: Mapping | None, admins: Iterable[str], provinsi: Mapping[str, str]
) -> Access | None:
    """Return what this person may see and do under the deployment's [access] `config` (None: the section is
    absent, everyone signed in sees everything) and its [admin] emails `admins`; None when no grant names them
    (an unknown user: the polite page)."""
    address = email_address(email)
    is_admin = address is not None and address in {email_address(a) for a in admins}
    grants: list[Mapping] = list((config or {}).get("grants") or [])
    if is_admin:
        grants.append({"email": email, "everything": True, "role": "admin"})
    elif config is None:
        grants.append({"email": email, "everything": True, "role": "viewer"})
    mine = [g for g in grants if matches(g, email, groups)]
    if not mine:
        return None
    roles = [str(g.get("role", "viewer")) for g in mine]
    wrong = [r for r in roles if r not in ROLES]
    if wrong:
        raise ValueError(f"[access] role must be one of {', '.join(ROLES)}, not {wrong[0]!r}")
    admin_grants = [cities(g, provinsi) for g in mine if g.get("role") == "admin"]
    share = str((config or {}).get("share", "headline")) == SHARE_EVERYTHING
    return Access(
        email=address or email.strip(),
        scope=Scope(_union([cities(g, provinsi) for g in mine]), share_everything=share),
        role=max(roles, key=ROLES.index),
        admin_kota=_union(admin_grants) if admin_grants else frozenset(),
    )


def from_secrets(email: str, groups: Iterable[str], secrets_file: Path, provinsi: Mapping[str, str]) -> Access | None:
    """Return what `email` (in `groups`) may see and do under a deployment's secrets file, as the app would give
    them (access_for over its [access] and [admin] emails); None when no grant names them. Raises
    FileNotFoundError when the file is missing."""
    secrets = tomllib.loads(secrets_file.read_text(encoding="utf-8"))
    admins = (secrets.get("admin") or {}).get("emails") or []
    return access_for(email, groups, secrets.get("access"), admins, provinsi)
