"""Keyed pseudonyms for NIP: the same NIP always gets the same id, and without the secret the
id cannot be turned back into a NIP. The secret lives outside the warehouse: in
$ASN_PSEUDONYM_KEY, or in a file `pseudonym.key` beside the warehouse (created on first load,
readable by its owner only, never committed)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import settings

KEY_FILE_NAME = "pseudonym.key"
ID_LENGTH = 20  # hex characters of the sha256 kept: 80 bits, no collision at national scale


def key_file(warehouse: Path) -> Path:
    """Return the path of the key file that belongs to a warehouse."""
    return warehouse.parent / KEY_FILE_NAME


class KeyProblem(ValueError):
    """The pseudonym secret is empty or too short: ids made with it could be turned back into NIPs. `where`
    names it: the key file or $ASN_PSEUDONYM_KEY."""

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.where = where


LOST_KEY = (
    "Kunci pseudonim {file} tidak ada, padahal gudang data {name} sudah ada: dengan kunci baru semua id pegawai"
    " berubah. Kembalikan file kunci itu (atau $ASN_PSEUDONYM_KEY yang dipakai), atau pindahkan gudang data itu"
    " untuk memulai dari awal. Tidak ada yang dimuat."
)
MIN_KEY_LENGTH = 32  # characters; a new key is 64 hex characters (256 bits)


def checked(key: str, where: str) -> str:
    """Return `key` without surrounding white space; raise KeyProblem (in Indonesian, naming `where`) when it
    is shorter than MIN_KEY_LENGTH: with an empty or short secret anyone could rebuild the ids from NIPs."""
    key = key.strip()
    if len(key) < MIN_KEY_LENGTH:
        state = "kosong" if not key else f"hanya {len(key)} karakter"
        raise KeyProblem(
            f"Kunci pseudonim di {where} {state}; minimal {MIN_KEY_LENGTH} karakter. Dengan kunci sependek itu"
            " pseudonim dapat dibalik menjadi NIP, jadi tidak ada yang dimuat. Pulihkan kunci yang dipakai gudang"
            " data ini (dari cadangan), atau untuk gudang data baru hapus file kunci kosong itu agar dibuat ulang.",
            where,
        )
    return key


def existing_key(warehouse: Path) -> str | None:
    """Return the pseudonym secret a warehouse was made with ($ASN_PSEUDONYM_KEY or its key file), None when
    it has none yet; never creates one. Raises KeyProblem for an empty or short one."""
    override = settings.pseudonym_key_override()
    if override is not None:
        return checked(override, f"${settings.PSEUDONYM_KEY_ENV}")
    path = key_file(warehouse)
    return checked(path.read_text(), str(path)) if path.exists() else None


def pseudonym_key(warehouse: Path) -> str:
    """Return the pseudonym secret for a warehouse, creating its key file when there is none. The file is
    written whole under another name and then linked into place, so a full disk or a killed process never
    leaves an empty key file, and of two first loads at once one creates it and both use it. Raises KeyProblem
    for an empty or short existing one, OSError when the file cannot be written."""
    existing = existing_key(warehouse)
    if existing is not None:
        return existing
    path = key_file(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):  # another load linked its key first: that one is used
            os.link(draft, path)
    finally:
        draft.unlink(missing_ok=True)
    return checked(path.read_text(), str(path))


def pseudonym_sql(column: str, key_param: str = "$key") -> str:
    """Return SQL that replaces a NIP column (18 digits, held as UBIGINT while validating) by its keyed
    pseudonym: the first 80 bits of sha256(secret:NIP) as a HUGEINT. A number, not text, because
    every mart joins on it and integer keys join and group several times faster."""
    nip = f"lpad({column}::VARCHAR, 18, '0')"
    return f"('0x' || left(sha256({key_param} || ':' || {nip}), {ID_LENGTH}))::HUGEINT"


def stored_name(column: str) -> str:
    """Return the warehouse name of a NIP column: nip -> id_pegawai, nip_mentor -> id_mentor."""
    return "id_pegawai" if column == "nip" else column.replace("nip_", "id_", 1)
