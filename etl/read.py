"""Read source files (CSV, XLSX) into text tables of a scratch DuckDB database.

Every value arrives as text, exactly as written, with the file name and the line (CSV) or
spreadsheet row (XLSX) a person sees on opening the file. Nothing is judged here except
whether the file can be read at all: that is `FileProblem`, which stops the load.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl.contract import DATASETS, SYNTHETIC_MARKER, Dataset, dataset_for_file

SOURCE_SUFFIXES = (".csv", ".xlsx")
HEADER_SEARCH_ROWS = 20  # a spreadsheet's header may sit below a few title rows
SNIFF_BYTES = 1 << 20


class FileProblem(Exception):
    """A file that cannot be loaded at all; the message is plain Indonesian."""

    def __init__(self, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


@dataclass
class SourceFile:
    """A source file, the dataset it belongs to, and what reading it found."""

    dataset: str
    path: Path
    sha256: str = ""
    rows_read: int = 0
    rows_skipped: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Return the file name as users see it in messages."""
        return self.path.name


def discover(source: Path) -> tuple[list[SourceFile], list[str]]:
    """Return the source files of a folder by dataset, and the names of files that belong to none.

    Files are sorted by name so that "the first row wins" means the same thing on every run.
    """
    if not source.is_dir():
        raise FileProblem(str(source), "folder sumber tidak ditemukan.")
    files, ignored = [], []
    for path in sorted(source.iterdir(), key=lambda p: p.name):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        dataset = dataset_for_file(path.name)
        if path.name == SYNTHETIC_MARKER:
            continue
        if dataset is None or path.suffix.lower() not in SOURCE_SUFFIXES:
            ignored.append(path.name)
        else:
            files.append(SourceFile(dataset, path))
    files.sort(key=lambda f: (list(DATASETS).index(f.dataset), f.name))
    return files, ignored


def normalise_header(name: object) -> str:
    """Return a header cell as a column name: trimmed, lower case, spaces and dashes as '_'."""
    text = str(name if name is not None else "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(SNIFF_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_columns(file: str, dataset: Dataset, header: list[str]) -> None:
    """Raise FileProblem when the header lacks a required column or repeats one."""
    seen = set()
    for name in header:
        if name and name in seen:
            raise FileProblem(file, f"kolom '{name}' muncul lebih dari sekali di baris judul.")
        seen.add(name)
    missing = [c for c in dataset.required_columns if c not in seen]
    if missing:
        raise FileProblem(
            file,
            f"kolom wajib {', '.join(repr(m) for m in missing)} tidak ada. "
            f"Kolom yang ditemukan: {', '.join(h for h in header if h) or '(tidak ada)'}.",
        )


def read_file(con: duckdb.DuckDBPyConnection, src: SourceFile, table: str) -> duckdb.DuckDBPyRelation | None:
    """Read one source file into `table` (columns _file, _line, then the contract's, as text).

    Lines the CSV parser cannot split into the header's columns go to table `parse_rejects`.
    Returns nothing; fills src.sha256, src.rows_read and src.rows_skipped.
    """
    src.sha256 = sha256_of(src.path)
    dataset = DATASETS[src.dataset]
    if src.path.suffix.lower() == ".csv":
        _read_csv(con, dataset, src, table)
    else:
        _read_xlsx(con, dataset, src, table)
    # Rows with no value at all (trailing ';;;' lines of spreadsheet exports) are not data.
    cols = [c.name for c in dataset.columns]
    empty = " AND ".join(f"NULLIF(trim({c}), '') IS NULL" for c in cols)
    src.rows_skipped = con.execute(f"SELECT count(*) FROM {table} WHERE {empty}").fetchall()[0][0]
    if src.rows_skipped:
        con.execute(f"DELETE FROM {table} WHERE {empty}")
        src.notes.append(f"{src.rows_skipped} baris kosong dilewati.")
    parse_rejected = con.execute(
        "SELECT count(*) FROM parse_rejects WHERE file = ? AND dataset = ?", [src.name, src.dataset]
    ).fetchall()[0][0]
    src.rows_read = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] + parse_rejected
    return None


def create_parse_rejects(con: duckdb.DuckDBPyConnection) -> None:
    """Create the table that collects lines the CSV parser could not split."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS parse_rejects ("
        "dataset VARCHAR, file VARCHAR, line BIGINT, reason VARCHAR, raw_line VARCHAR)"
    )


def _sniff(path: Path) -> tuple[str, str, str]:
    """Return (first line, delimiter, DuckDB encoding) of a CSV file."""
    head = path.read_bytes()[:SNIFF_BYTES] if path.stat().st_size <= SNIFF_BYTES else _head(path)
    try:
        text = head.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            text, encoding = head.decode("latin-1"), "latin-1"
        else:
            text, encoding = head[: exc.start].decode("utf-8"), "utf-8"
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return first, delimiter, encoding


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SNIFF_BYTES)


def _blank_lines(path: Path) -> list[int]:
    """Return the 1-based numbers of empty lines, which DuckDB's CSV reader skips silently."""
    blanks: list[int] = []
    seen = 0  # newlines before the current chunk
    prev = b"\n"  # the file start behaves like the end of a line
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(SNIFF_BYTES), b""):
            data = prev + chunk.replace(b"\r", b"")
            base = seen - 1 if prev == b"\n" else seen  # newlines before data[0]
            for match in re.finditer(b"\n(?=\n)", data):
                blanks.append(base + data.count(b"\n", 0, match.start() + 1) + 1)
            seen = base + data.count(b"\n")
            prev = data[-1:]
    return blanks


def _read_csv(con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str) -> None:
    first, delimiter, encoding = _sniff(src.path)
    if not first.strip():
        raise FileProblem(src.name, "file kosong: tidak ada baris judul (header).")
    header = [normalise_header(h) for h in next(csv.reader([first], delimiter=delimiter))]
    check_columns(src.name, dataset, header)
    names = [h or f"_kolom_{i + 1}" for i, h in enumerate(header)]
    rejects = f"{table}_rejects"
    try:
        con.execute(
            f"CREATE TABLE {table}_in AS SELECT * FROM read_csv($path, all_varchar = true, header = true,"
            " delim = $delim, quote = '\"', escape = '\"', encoding = $encoding, names = $names,"
            f" store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{table}_scan',"
            " strict_mode = true)",
            {"path": str(src.path), "delim": delimiter, "encoding": encoding, "names": names},
        )
    except duckdb.Error as exc:
        raise FileProblem(src.name, f"file CSV tidak dapat dibaca: {exc}") from exc
    # Line numbers: data lines are numbered from 2 (the header is line 1); lines DuckDB
    # skipped (blank) or rejected (wrong column count) take their numbers with them.
    taken = set(_blank_lines(src.path)) | {r[0] for r in con.execute(f"SELECT DISTINCT line FROM {rejects}").fetchall()}
    n_rows = con.execute(f"SELECT count(*) FROM {table}_in").fetchall()[0][0]
    con.execute("CREATE TEMP TABLE _taken (line BIGINT)")
    if taken:
        con.executemany("INSERT INTO _taken VALUES (?)", [[t] for t in sorted(taken)])
    con.execute(
        f"CREATE TABLE {table}_lines AS SELECT row_number() OVER (ORDER BY line) - 1 AS rid, line"
        " FROM (SELECT range AS line FROM range(2, 2 + $n + $t)) WHERE line NOT IN (SELECT line FROM _taken)",
        {"n": n_rows, "t": len(taken)},
    )
    con.execute("DROP TABLE _taken")
    selected = _select_contract_columns(dataset, header, "i.")
    con.execute(
        f"CREATE TABLE {table} AS SELECT $file AS _file, l.line AS _line, {selected}"
        f" FROM {table}_in i JOIN {table}_lines l ON l.rid = i.rowid ORDER BY l.line",
        {"file": src.name},
    )
    con.execute(
        "INSERT INTO parse_rejects SELECT $dataset, $file, line,"
        " CASE error_type WHEN 'MISSING COLUMNS' THEN 'Jumlah kolom kurang dari baris judul.'"
        " WHEN 'TOO MANY COLUMNS' THEN 'Jumlah kolom lebih banyak dari baris judul.'"
        " WHEN 'INVALID ENCODING' THEN 'Karakter tidak dapat dibaca (encoding salah).'"
        " ELSE 'Baris tidak dapat dibaca: ' || error_message END, csv_line"
        f" FROM (SELECT DISTINCT ON (line) * FROM {rejects} ORDER BY line)",
        {"dataset": src.dataset, "file": src.name},
    )
    con.execute(f"DROP TABLE {table}_in")
    con.execute(f"DROP TABLE {table}_lines")
    if header_extra := [h for h in header if h and h not in {c.name for c in dataset.columns}]:
        src.notes.append(f"kolom tidak dikenal diabaikan: {', '.join(header_extra)}")


def _select_contract_columns(dataset: Dataset, header: list[str], prefix: str) -> str:
    """Return a SELECT list with every contract column, NULL where the file lacks it."""
    present = set(header)
    return ", ".join(
        f"{prefix}{c.name} AS {c.name}" if c.name in present else f"NULL::VARCHAR AS {c.name}" for c in dataset.columns
    )


def _cell_text(value: object) -> str | None:
    """Return a spreadsheet cell as text the way a person reads it (dates as yyyy-mm-dd)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _read_xlsx(con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str) -> None:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(src.path))
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several types for corrupt files
        raise FileProblem(src.name, f"file Excel tidak dapat dibaca: {exc}") from exc
    header_at = _find_header_row(dataset, rows)
    if header_at is None:
        raise FileProblem(src.name, "baris judul (header) tidak ditemukan.")
    header = [normalise_header(h) for h in rows[header_at]]
    check_columns(src.name, dataset, header)
    wanted = {c.name for c in dataset.columns}
    index = {h: i for i, h in enumerate(header) if h in wanted}
    records = {
        "_file": [],
        "_line": [],
        **{c.name: [] for c in dataset.columns},
    }
    for offset, row in enumerate(rows[header_at + 1 :]):
        records["_file"].append(src.name)
        records["_line"].append(header_at + offset + 2)  # spreadsheet rows are 1-based
        for c in dataset.columns:
            i = index.get(c.name)
            records[c.name].append(_cell_text(row[i]) if i is not None and i < len(row) else None)
    frame = pd.DataFrame(records).astype({c.name: "object" for c in dataset.columns})
    con.register("_xlsx_frame", frame)
    cols = ", ".join(["_file", "_line::BIGINT AS _line"] + [f"{c.name}::VARCHAR AS {c.name}" for c in dataset.columns])
    con.execute(f"CREATE TABLE {table} AS SELECT {cols} FROM _xlsx_frame")
    con.unregister("_xlsx_frame")


def _find_header_row(dataset: Dataset, rows: list[list]) -> int | None:
    """Return the index of the row that holds the most contract column names, or None."""
    wanted = {c.name for c in dataset.columns}
    best, best_hits = None, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = len(wanted & {normalise_header(v) for v in row})
        if hits > best_hits:
            best, best_hits = i, hits
    return best
