"""Every setting of a deployment, read in one place: where the files live and the `ASN_*` environment
variables, each with its default and meaning. Nothing else reads the environment; every other module asks
a function here, at the moment it needs the value (a test or a command may set a variable before a call).

| variable | default | meaning |
|---|---|---|
| ASN_WAREHOUSE | data/warehouse.duckdb | the warehouse the CLI writes and the dashboard reads |
| ASN_SOURCE_DIR | data/sumber | the source folder of record: every uploaded file is kept there |
| ASN_PSEUDONYM_KEY | (pseudonym.key beside the warehouse) | the pseudonym secret itself, overriding the key file |
| ASN_AUDIT_LOG | audit.jsonl beside the warehouse | the audit trail's file; sign_in_failures.json lies beside it |
| ASN_IKM_PENIMBANG | eksak | the IKM convention a load builds: eksak (1/9), 0,111 or 0,11 |
| ASN_ETL_MEMORY | 3GB | the memory a load's scratch and model build may use; DuckDB spills beyond it |
| ASN_MIN_GROUP | 5 | the smallest group shown as a number (a whole number >= 1) |
| ASN_SAKIP_SKALA | five levels | SAKIP capaian bands, best first: `Baik=76; Cukup=51; Kurang` (sakip.baca_skala) |
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
DEFAULT_SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
DEFAULT_SOURCE_DIR = PROJECT_ROOT / "data" / "sumber"
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"  # the deployment's secrets: [access] grants, [admin]
AUDIT_FILE_NAME = "audit.jsonl"
SIGN_IN_FAILURES_FILE_NAME = "sign_in_failures.json"

WAREHOUSE_ENV = "ASN_WAREHOUSE"
SOURCE_ENV = "ASN_SOURCE_DIR"
PSEUDONYM_KEY_ENV = "ASN_PSEUDONYM_KEY"
AUDIT_ENV = "ASN_AUDIT_LOG"
IKM_PENIMBANG_ENV = "ASN_IKM_PENIMBANG"
ETL_MEMORY_ENV = "ASN_ETL_MEMORY"
MIN_GROUP_ENV = "ASN_MIN_GROUP"
SAKIP_SKALA_ENV = "ASN_SAKIP_SKALA"

DEFAULT_ETL_MEMORY = "3GB"
DEFAULT_MIN_GROUP = 5

# DuckDB settings for every connection: no extension may be downloaded at run time.
DUCKDB_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def _env(name: str) -> str | None:
    """Return the environment variable `name`, None when it is unset or empty."""
    return os.environ.get(name) or None


def warehouse_path(explicit: str | Path | None = None) -> Path:
    """Return the warehouse path: the explicit one, else $ASN_WAREHOUSE, else data/warehouse.duckdb."""
    if explicit:
        return Path(explicit)
    return Path(_env(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)


def source_dir() -> Path:
    """Return the source folder of record: $ASN_SOURCE_DIR, else data/sumber/."""
    return Path(_env(SOURCE_ENV) or DEFAULT_SOURCE_DIR)


def pseudonym_key_override() -> str | None:
    """Return the pseudonym secret given in $ASN_PSEUDONYM_KEY, None when the key file is to be used."""
    return _env(PSEUDONYM_KEY_ENV)


def audit_log(db: Path | None = None) -> Path:
    """Return the audit log's path: $ASN_AUDIT_LOG, else audit.jsonl in the folder of the warehouse `db` (by
    default the one the app reads)."""
    return Path(_env(AUDIT_ENV) or warehouse_path(db).parent / AUDIT_FILE_NAME)


def sign_in_failures(db: Path | None = None) -> Path:
    """Return the file that counts the admin password's failed tries for the whole server (access.credentials):
    sign_in_failures.json beside the audit log, which a load, a restore or a restart leaves alone."""
    return audit_log(db).parent / SIGN_IN_FAILURES_FILE_NAME


def ikm_penimbang(default: str) -> str:
    """Return the IKM convention asked for in $ASN_IKM_PENIMBANG, as written there, else `default`
    (etl.warehouse.ikm_convention checks it)."""
    return _env(IKM_PENIMBANG_ENV) or default


def etl_memory() -> str:
    """Return the memory a load may use ($ASN_ETL_MEMORY, default 3GB): DuckDB spills beyond it."""
    return os.environ.get(ETL_MEMORY_ENV, DEFAULT_ETL_MEMORY)


def min_group() -> int:
    """Return the smallest group shown as a number: $ASN_MIN_GROUP when it is a whole number >= 1, else 5."""
    raw = os.environ.get(MIN_GROUP_ENV, "").strip()
    return int(raw) if raw.isdigit() and int(raw) >= 1 else DEFAULT_MIN_GROUP


def sakip_skala() -> str | None:
    """Return the SAKIP capaian bands written in $ASN_SAKIP_SKALA, as written there, None when unset (the
    five-level scale of domain.sakip is the default; domain.sakip.baca_skala reads the text)."""
    return _env(SAKIP_SKALA_ENV)
