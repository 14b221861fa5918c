"""Keyed pseudonyms for NIP: the same NIP always gets the same id, and without the secret the
id cannot be turned back into a NIP. The secret lives outside the warehouse: in
$ASN_PSEUDONYM_KEY, or in a file `pseudonym.key` beside the warehouse (created on first load,
readable by its owner only, never committed)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import settings

KEY_FILE_NAME = "pseudonym.key"
ID_LENGTH = 20  # hex characters of the sha256 kept: 80 bits, no collision at national scale


def key_file(warehouse: Path) -> Path:
    """Return the path of the key file that belongs to a warehouse."""
    return warehouse.parent / KEY_FILE_NAME


def existing_key(warehouse: Path) -> str | None:
    """Return the pseudonym secret a warehouse was made with ($ASN_PSEUDONYM_KEY or its key file), None when
    it has none yet; never creates one."""
    if settings.pseudonym_key_override():
        return settings.pseudonym_key_override()
    path = key_file(warehouse)
    return path.read_text().strip() if path.exists() else None


def pseudonym_key(warehouse: Path) -> str:
    """Return the pseudonym secret for a warehouse, creating its key file when there is none."""
    if settings.pseudonym_key_override():
        return settings.pseudonym_key_override()
    path = key_file(warehouse)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def pseudonym_sql(column: str, key_param: str = "$key") -> str:
    """Return SQL that replaces a NIP column (18 digits, held as UBIGINT while validating) by its keyed
    pseudonym: the first 80 bits of sha256(secret:NIP) as a HUGEINT. A number, not text, because
    every mart joins on it and integer keys join and group several times faster."""
    nip = f"lpad({column}::VARCHAR, 18, '0')"
    return f"('0x' || left(sha256({key_param} || ':' || {nip}), {ID_LENGTH}))::HUGEINT"


def stored_name(column: str) -> str:
    """Return the warehouse name of a NIP column: nip -> id_pegawai, nip_mentor -> id_mentor."""
    return "id_pegawai" if column == "nip" else column.replace("nip_", "id_", 1)
