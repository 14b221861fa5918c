"""The admin password of the local mode, done properly: stored as a salted scrypt hash (memory-hard, from the
standard library), compared in constant time, and repeated failures slowed down for the whole server, counted in
a file beside the audit log (settings.sign_in_failures) that no browser message or restart resets. No Streamlit
here.

Make the value for `[admin] password_scrypt` in .streamlit/secrets.toml:
    python -c "import getpass; from access.credentials import new_hash; print(new_hash(getpass.getpass()))"
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import math
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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


class Unreadable(RuntimeError):
    """The file of failed sign-ins cannot be read or written: no password is checked until someone with access
    to the server has looked at it (deleting it forgives every failure)."""


def _remaining(failures: int, last: float, now: float) -> int:
    """Return the whole seconds until a try is heard after `failures` failures, the last at `last` (wall clock),
    now `now`; never more than the full wait, so a clock set back does not lengthen it."""
    wait = wait_after(failures)
    return math.ceil(max(0.0, min(wait, last + wait - now)))


@dataclass(frozen=True)
class Throttle:
    """Failed sign-ins in a row for the whole server, kept in the file `path` (settings.sign_in_failures): no
    message a browser sends and no restart resets them, and every process serving the same folder shares them.
    After FREE_FAILURES, every try waits longer. `clock` is the wall clock (time.time), so the wait runs on while
    the server is down. A file that cannot be read or written closes the sign-in (Unreadable), never opens it.

    A try is counted as a failure before the password is checked and forgiven on success (`succeeded`), so tries
    sent at the same moment from many sessions or processes are heard one at a time under the file's lock."""

    path: Path
    clock: Callable[[], float] = time.time

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock beside the file (flock: other threads, sessions and processes wait) for the block."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = self.path.with_name(self.path.name + ".kunci").open("a")
        except OSError as error:
            raise self._unreadable(error) from error
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _read(self) -> tuple[int, float]:
        """Return (failures in a row, wall-clock time of the last one): (0, 0.0) when there is no file yet."""
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError) as error:
            raise self._unreadable(error) from error
        failures, last = (state.get("failures"), state.get("last")) if isinstance(state, dict) else (None, None)
        if type(failures) is not int or failures < 0 or type(last) not in (int, float) or not math.isfinite(last):
            raise self._unreadable(f"not a count of failures: {str(state)[:80]!r}")
        return failures, float(last)

    def _write(self, failures: int, last: float) -> None:
        """Replace the file with this state in one step (a crash leaves the old file or the new one)."""
        try:
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        except OSError as error:
            raise self._unreadable(error) from error
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"failures": failures, "last": last}, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(name, self.path)
        except OSError as error:
            Path(name).unlink(missing_ok=True)
            raise self._unreadable(error) from error

    def _unreadable(self, why: object) -> Unreadable:
        """Return the error that closes the sign-in, naming the file and why."""
        return Unreadable(f"{self.path}: {why}")

    def seconds_left(self) -> int:
        """Return the whole seconds until the next try is heard (0: now). Raises Unreadable."""
        with self._locked():
            failures, last = self._read()
        return _remaining(failures, last, self.clock())

    def attempt(self) -> int:
        """Count a try as a failure when it may be heard now and return 0 (check the password, then call
        `succeeded` when it was right); else return the whole seconds to wait, counting nothing. Raises
        Unreadable, before any password is checked."""
        with self._locked():
            failures, last = self._read()
            now = self.clock()
            if now < last:  # the clock was set back: the wait runs from now, not from a time still to come
                self._write(failures, now)
                last = now
            left = _remaining(failures, last, now)
            if not left:
                self._write(failures + 1, now)
            return left

    def succeeded(self) -> None:
        """Forget the failures: the right password was given. Raises Unreadable."""
        with self._locked():
            self._write(0, 0.0)
