"""What a write leaves behind, and one writer at a time.

- Private scratch folders in TMPDIR (`asn-tmp-<kind>-XXXXXXXX`, mode 700): the load's DuckDB spill and the
  copies of uploaded or converted files, the only places besides the source folder where plain NIPs are
  written. A folder is locked while in use and removed on the way out (an error, Ctrl-C or SIGTERM included);
  one whose process was killed keeps no lock, and `sweep` removes it: every load, check, preview and server
  start sweeps first.
- The writer's lock beside the warehouse (`.<name>.kunci`): one load, upload or restore at a time. A second
  one waits, saying who holds it, or is refused (`Busy`) when told not to wait. The holder also removes the
  temporary warehouses (`.<name>.<id>.tmp`) a killed writer left beside it.

Both use flock: the kernel releases a lock when its process dies, however it dies.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SCRATCH_PREFIX = "asn-tmp-"
LOCK_FILE = ".kunci"
GRACE_S = 600  # a scratch folder without its lock file is someone's that is just starting, unless older


class Busy(RuntimeError):
    """Another process or session is writing the warehouse, and the caller asked not to wait."""


@contextmanager
def private_folder(kind: str) -> Iterator[Path]:
    """Yield a new private folder (mode 700) in TMPDIR for a write's scratch work, locked while in use and
    removed with everything in it on the way out (the writer's lock and a check sweep abandoned ones first)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{kind}-"))
    try:
        with (folder / LOCK_FILE).open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _abandoned(folder: Path) -> bool:
    """Return True when no living process holds the scratch folder."""
    try:
        with (folder / LOCK_FILE).open("r") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True
    except FileNotFoundError:  # not locked yet (just made) or never: only an old one is abandoned
        try:
            return time.time() - folder.stat().st_mtime > GRACE_S
        except FileNotFoundError:
            return False  # removed meanwhile by its owner


def sweep(tmp: Path | None = None) -> list[str]:
    """Remove the scratch folders in `tmp` (TMPDIR by default) that no living process holds; return their
    names."""
    removed = []
    for folder in Path(tmp or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def temporary_warehouses(db: Path) -> list[Path]:
    """Return the temporary warehouse files beside `db` (etl.warehouse.new_warehouse: `.<name>.<id>.tmp` and
    its .wal)."""
    return sorted(p for p in db.parent.glob(f".{db.name}.*.tmp*") if p.is_file())


def lock_path(db: Path) -> Path:
    """Return the writer's lock file of a warehouse."""
    return db.with_name(f".{db.name}.kunci")


_held = threading.local()  # the warehouses this thread holds the writer's lock of (a nested write re-enters)


@contextmanager
def writer(db: Path, who: str = "", wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer's lock of warehouse `db` for the block, then remove the temporary warehouses a killed
    writer left beside it. When another holds it: with `wait`, call `on_wait` with a sentence naming the holder
    and wait; else raise Busy with that sentence. `who` says what this writer is, for the next one to read. A
    thread that already holds the lock enters again at once (a commit that loads)."""
    key = str(db.resolve())
    held = getattr(_held, "paths", set())
    if key in held:
        yield
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(db).open("a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = f"Gudang data {db.name} sedang ditulis oleh {holder(db)}."
            if not wait:
                raise Busy(busy) from None
            if on_wait is not None:
                on_wait(busy + " Menunggu sampai selesai...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        since = dt.datetime.now(dt.UTC).strftime("%H:%M:%S UTC")
        lock.seek(0)
        lock.truncate()
        lock.write(f"{who or 'sebuah proses'} (pid {os.getpid()}, sejak {since})")
        lock.flush()
        for leftover in temporary_warehouses(db):  # no other writer is alive: these are a killed one's
            leftover.unlink(missing_ok=True)
        sweep()
        _held.paths = held | {key}
        try:
            yield
        finally:
            _held.paths = held
            lock.truncate(0)


def holder(db: Path) -> str:
    """Return who holds the writer's lock of `db`, as its holder wrote it ('sebuah proses' when unknown)."""
    try:
        return lock_path(db).read_text().strip() or "sebuah proses"
    except FileNotFoundError:
        return "sebuah proses"


def sweep_after_crash(db: Path) -> None:
    """Remove what a killed write left: abandoned scratch folders in TMPDIR, and, when no write is running,
    the temporary warehouses beside `db` (what a server start calls)."""
    sweep()
    if db.parent.is_dir():
        try:
            with writer(db, "pembersihan saat server mulai", wait=False):
                pass
        except Busy:
            pass  # a load is running: it cleans up after itself, and the next writer after a killed one
