"""Where things live: the default warehouse, the SQL models, and the environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
DEFAULT_SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
SQL_DIR = Path(__file__).resolve().parent / "sql"

WAREHOUSE_ENV = "ASN_WAREHOUSE"  # path of the warehouse, for the CLI and the dashboard
PSEUDONYM_KEY_ENV = "ASN_PSEUDONYM_KEY"  # the pseudonym secret itself, overriding the key file
IKM_PENIMBANG_ENV = "ASN_IKM_PENIMBANG"  # the IKM convention the dashboard shows: eksak (default), 0,111 or 0,11

# DuckDB settings for every connection: no extension may be downloaded at run time.
DUCKDB_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def warehouse_path(explicit: str | Path | None = None) -> Path:
    """Return the warehouse path: the explicit one, else $ASN_WAREHOUSE, else data/warehouse.duckdb."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)
