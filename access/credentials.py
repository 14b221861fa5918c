"""The admin password of the local mode, done properly: stored as a salted scrypt hash (memory-hard, from the
standard library), compared in constant time, and repeated failures slowed down. No Streamlit here.

Make the value for `[admin] password_scrypt` in .streamlit/secrets.toml:
    python -c "import getpass; from access.credentials import new_hash; print(new_hash(getpass.getpass()))"
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # 16 MiB of memory per try (128 * N * r bytes): cheap once, costly by the million
FREE_FAILURES = 3  # failures before the waiting starts
FIRST_WAIT_S = 5.0  # then 5 s, 10 s, 20 s ... up to MAX_WAIT_S
MAX_WAIT_S = 300.0


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=32)


def new_hash(password: str) -> str:
    """Return 'scrypt$n$r$p$<salt hex>$<hash hex>' for `password`, with a fresh random salt."""
    salt = secrets.token_bytes(16)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${_scrypt(password, salt, N, R, P).hex()}"


def verify(password: str, stored: str) -> bool:
    """Return True when `password` matches a value made by new_hash (False for a malformed value)."""
    try:
        scheme, n, r, p, salt, expected = stored.strip().split("$")
        if scheme != SCHEME:
            return False
        given = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
        return hmac.compare_digest(given, bytes.fromhex(expected))
    except ValueError:
        return False


def wait_after(failures: int) -> float:
    """Return the seconds a sign-in must wait after `failures` failures in a row: none for the first
    FREE_FAILURES, then FIRST_WAIT_S doubling up to MAX_WAIT_S."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES), MAX_WAIT_S)


@dataclass
class Throttle:
    """Failed sign-ins in a row for the whole process (a new browser session does not reset them): after
    FREE_FAILURES, every try waits longer. `clock` is the time source (time.monotonic)."""

    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def seconds_left(self) -> int:
        """Return the whole seconds until the next try is heard (0: now)."""
        with self.lock:
            left = self.last + wait_after(self.failures) - self.clock()
        return max(0, int(left + 0.999))

    def failed(self) -> None:
        """Record a failed try."""
        with self.lock:
            self.failures += 1
            self.last = self.clock()

    def succeeded(self) -> None:
        """Forget the failures: the right password was given."""
        with self.lock:
            self.failures = 0
