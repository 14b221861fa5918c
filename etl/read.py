"""Read source files (CSV, XLSX) into text tables of a scratch DuckDB database.

Every value arrives as text, exactly as written, with the file name and the line (CSV) or
spreadsheet row (XLSX) a person sees on opening the file. Files as people really make them are
read as they are: ';', ',', tab or '|' separated, UTF-8 with or without BOM or Windows-1252, title rows
above the header (etl/layout.py, shared with SIASN files), headers in any case and spacing, a closing
Jumlah/Total row (skipped and reported, never loaded), several sheets of one workbook. Nothing is judged here
except whether the file can be read at all: that is `FileProblem`, which stops the load. A file of the folder
that belongs to no dataset is named with why (`discover`), never dropped in silence.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd

from etl import scratch, siasn, skm_form
from etl.contract import DATASETS, SYNTHETIC_MARKER, Dataset, dataset_for_file, normalise_header
from etl.layout import HEADER_SEARCH_ROWS, Header, cell_text, find_csv_header, first_filled
from etl.layout import find_header as find_layout
from etl.validate import note_mapping_warnings

SOURCE_SUFFIXES = (".csv", ".xlsx")
# Files that look like data: one of them not loaded changes the exit status of `python -m etl load` (etl/cli.py).
DATA_SUFFIXES = (*SOURCE_SUFFIXES, ".json", ".xls", ".xlsm", ".xlsb", ".ods", ".tsv")
SNIFF_BYTES = 1 << 20
DELIMITERS = (";", ",", "\t", "|")  # '|' as SIASN writes its Export Data ASN, for any CSV
# The first filled cell of a total row: "Jumlah", "TOTAL", "Grand Total", "Jumlah Keseluruhan:", or of a
# subtotal row anywhere in a sheet, which may name its group: "Sub Total", "Subtotal Dinas Pendidikan:".
TOTAL_ROW = (
    r"(jumlah|total|grand\s*total)(\s+(keseluruhan|seluruhnya|akhir|umum))?\s*:?"
    r"|sub[\s-]*(total|jumlah)([\s:].*)?"
)
TOTAL_REASON = "baris Jumlah/Total (bukan data), dilewati."


class FileProblem(Exception):
    """A file that cannot be loaded at all; the message is plain Indonesian."""

    def __init__(self, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


@dataclass
class SourceFile:
    """A source file, the dataset it belongs to, and what reading it found.

    `labels` are the `_file` values its rows carry: the file name, or "name [sheet]" for each
    sheet when a workbook has several sheets of the dataset. `skipped` lists the total rows
    that were recognised and skipped, as (label, line).
    """

    dataset: str
    path: Path
    sha256: str = ""
    rows_read: int = 0
    rows_skipped: int = 0
    notes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    # how a file recognised by its columns is mapped onto this dataset: a SIASN kind or the survey form
    mapping: siasn.Kind | skm_form.FormKind | None = None
    table: str = ""  # the scratch table holding the file's rows as text
    numbered: bool = False  # the table has its own _file, _line, _seq columns (else: rowid order, one label)
    header_line: int = 0  # CSV: the line of the header; data line k sits at header_line + 1 + k
    reused: bool = False  # not read: its validated rows were taken from the current warehouse (etl/reuse.py)
    # how its header names contract columns it names differently, per label: column -> 'jumlahJam (jp)'
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    why: bool = False  # the table has _why_column and _why: a row the reader already knows cannot be used, and why

    @property
    def name(self) -> str:
        """Return the file name as users see it in messages."""
        return self.path.name


def discover(source: Path) -> tuple[list[SourceFile], list[dict]]:
    """Return the source files of a folder by dataset, and every other file of it with why it is not loaded:
    {"file", "reason", "looks_like_data"} (a .csv, .xlsx, .json or other spreadsheet: DATA_SUFFIXES).

    A file belongs to the dataset its name starts with, or, when it holds SIASN records or a survey form
    (recognised by their columns, etl/siasn.py and etl/skm_form.py), to each dataset those map onto. Files
    are sorted by name so that "the first row wins" means the same thing on every run. Only the marker of
    synthetic data and the unit chosen for a survey form (read with their folder and form) are neither.
    """
    if not source.is_dir():
        raise FileProblem(str(source), "folder sumber tidak ditemukan.")
    files, not_loaded = [], []
    for path in sorted(source.iterdir(), key=lambda p: p.name):
        if not path.is_file() or path.name == SYNTHETIC_MARKER or skm_form.is_sidecar(path.name):
            continue
        hidden = path.name.startswith((".", "~$"))
        # a SIASN file or a survey form under any name, judged by its columns: a source per dataset it feeds
        kind = None if hidden else siasn.sniff(path) or skm_form.sniff(path)
        dataset = None if hidden else dataset_for_file(path.name)
        if kind is not None:
            files += [SourceFile(name, path, mapping=kind) for name in kind.datasets]
        elif dataset is not None and path.suffix.lower() in SOURCE_SUFFIXES:
            files.append(SourceFile(dataset, path))
        else:
            data = not hidden and path.suffix.lower() in DATA_SUFFIXES
            not_loaded.append({"file": path.name, "reason": why_not_loaded(path.name), "looks_like_data": data})
    files.sort(key=lambda f: (list(DATASETS).index(f.dataset), f.name))
    return files, not_loaded


def why_not_loaded(name: str) -> str:
    """Return why a file of the source folder that belongs to no dataset is not loaded, in Indonesian."""
    suffix = Path(name).suffix.lower()
    if name.startswith("~$"):
        return "file sementara yang dibuat Excel selama sebuah file terbuka, bukan data."
    if name.startswith("."):
        return "file tersembunyi, bukan data."
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        return f"format {suffix} tidak dibaca: simpan ulang sebagai Excel Workbook (.xlsx) atau CSV."
    if suffix == ".tsv":
        return "format .tsv tidak dibaca: ganti akhiran namanya menjadi .csv (pemisah tab dikenali)."
    if suffix == ".json":
        return (
            "file JSON dibaca hanya bila berisi rekaman SIASN (Export Data ASN, riwayat kursus, riwayat diklat, SKP"
            " 2022, penghargaan); kolom file ini bukan salah satunya."
        )
    if suffix in SOURCE_SUFFIXES:
        return (
            f"nama file tidak diawali nama jenis data ({', '.join(DATASETS)}), dan kolomnya bukan ekspor SIASN atau"
            f" formulir survei yang dikenali (baris judulnya dicari di {HEADER_SEARCH_ROWS} baris pertama). Beri nama"
            f" misalnya pegawai_2024{suffix}."
        )
    return "bukan file data: hanya file .csv, .xlsx dan .json yang dibaca."


def renamed(pairs: list[tuple[str, str]], dataset: Dataset) -> dict[str, str]:
    """Return how a file names the contract columns it names differently, from (column, header as written) pairs:
    column -> the header with the column in brackets ('Persyaratan (u1)', 'jumlahJam (jp)'). A header that only
    spells the column another way ('Tanggal Mulai', 'NIP') renames nothing."""
    wanted = {c.name for c in dataset.columns}
    return {c: f"{w} ({c})" for c, w in pairs if c in wanted and w and normalise_header(w) != c}


def check_columns(file: str, dataset: Dataset, header: list[str]) -> None:
    """Raise FileProblem when the header lacks a required column or repeats one."""
    seen = set()
    contract = {c.name for c in dataset.columns}
    for name in header:
        if name in contract and name in seen:
            raise FileProblem(file, f"kolom '{name}' muncul lebih dari sekali di baris judul.")
        seen.add(name)
    missing = [c for c in dataset.required_columns if c not in seen]
    if missing:
        raise FileProblem(
            file,
            f"kolom wajib {', '.join(repr(m) for m in missing)} tidak ada. "
            f"Kolom yang ditemukan: {', '.join(h for h in header if h) or '(tidak ada)'}.",
        )


def read_file(con: duckdb.DuckDBPyConnection, src: SourceFile, table: str) -> None:
    """Read one source file into `table`: the contract's columns as text plus `_total` (the row's first
    filled cell says Jumlah/Total), in file order; see `rows_sql` for the columns every row gets.

    Lines the CSV parser cannot split into the header's columns go to table `parse_rejects`.
    Empty and total rows stay in the table: validation skips and counts them. Returns nothing;
    fills src.sha256, src.labels, src.table and src.rows_read (rows in the table plus lines the
    parser rejected; the pipeline takes the skipped rows off once they are known).
    """
    # Python reads the file once, for its checksum and (a CSV) its blank lines, while DuckDB parses it:
    # hashlib and bytes.find release the GIL, so the two cores share the work.
    csv_file = src.path.suffix.lower() == ".csv" and src.mapping is None
    with ThreadPoolExecutor(max_workers=1) as side:
        scan = side.submit(scan_file, src.path, csv_file)
        _read_into(con, src, table, scan)
        src.sha256 = scan.result().sha256


def _read_into(con: duckdb.DuckDBPyConnection, src: SourceFile, table: str, scan: Future[Scan]) -> None:
    """Read a file into `table` and count its rows (`scan`: the file's scan_file, under way); see read_file."""
    src.table = table
    dataset = DATASETS[src.dataset]
    if src.mapping is not None:
        _read_siasn(con, dataset, src, table)
    elif src.path.suffix.lower() == ".csv":
        _read_csv(con, dataset, src, table, scan)
    else:
        _read_xlsx(con, dataset, src, table)
    parse_rejected = con.execute(
        "SELECT count(*) FROM parse_rejects WHERE file = ? AND dataset = ?", [src.name, src.dataset]
    ).fetchall()[0][0]
    src.rows_read = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] + parse_rejected


def rows_sql(files: list[SourceFile], dataset: Dataset, stride: int) -> tuple[str, dict]:
    """Return (SQL, parameters) of a query over the text tables of a dataset's files, in file order:
    _row (unique, ordered: file position x stride + place in the file), _file (the label people see),
    _line (CSV line or spreadsheet row), _total, _why_column and _why (a problem the reader found: SourceFile.why)
    and the contract's columns as text."""
    columns = ", ".join(c.name for c in dataset.columns)
    no_why = "NULL::VARCHAR AS _why_column, NULL::VARCHAR AS _why"
    if not files:
        nulls = ", ".join(f"NULL::VARCHAR AS {c.name}" for c in dataset.columns)
        return (
            f"SELECT NULL::BIGINT AS _row, NULL::VARCHAR AS _file, NULL::BIGINT AS _line, NULL::BOOLEAN AS _total,"
            f" {no_why}, {nulls} WHERE false",
            {},
        )
    parts, params = [], {}
    for i, src in enumerate(files):
        why = "_why_column, _why" if src.why else no_why
        if src.numbered:
            parts.append(
                f"SELECT {i} * {stride} + _seq AS _row, _file, _line, _total, {why}, {columns} FROM {src.table}"
            )
        else:  # the usual CSV: data line k is simply the k-th line after the header
            params[f"label{i}"] = src.name
            first = src.header_line + 1
            parts.append(
                f"SELECT {i} * {stride} + rowid + {first} AS _row, $label{i} AS _file, rowid + {first} AS _line,"
                f" _total, {why}, {columns} FROM {src.table}"
            )
    return " UNION ALL ".join(parts), params


def column_labels(files: list[SourceFile]) -> dict[str, dict[str, str]]:
    """Return how `files` name the contract columns they name differently: column -> {row label (_file): the
    header as the file writes it, with the column in brackets}; what validation names a column by in a reject."""
    labels: dict[str, dict[str, str]] = {}
    for src in files:
        for label, columns in src.columns.items():
            for column, written in columns.items():
                labels.setdefault(column, {})[label] = written
    return labels


def skip_notes(src: SourceFile, empty: int, totals: list[tuple[str, int]]) -> None:
    """Record the rows of a file that are not data: `empty` blank rows and the total rows (label, line)."""
    src.skipped = totals
    src.rows_skipped = empty + len(totals)
    src.rows_read -= src.rows_skipped
    if empty:
        src.notes.append(f"{empty} baris kosong dilewati.")
    for label, line in totals:
        src.notes.append(f"{label} baris {line}: {TOTAL_REASON}")


def create_parse_rejects(con: duckdb.DuckDBPyConnection) -> None:
    """Create the table that collects lines the CSV parser could not split."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS parse_rejects ("
        "dataset VARCHAR, file VARCHAR, line BIGINT, reason VARCHAR, raw_line VARCHAR)"
    )


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SNIFF_BYTES)


def _decode_head(path: Path) -> tuple[str, str]:
    """Return (the start of a CSV file as text, its encoding: 'utf-8' or 'cp1252')."""
    head = _head(path)
    try:
        return head.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4 and len(head) == SNIFF_BYTES:  # a character cut at the end of the sample
            return head[: exc.start].decode("utf-8"), "utf-8"
        return head.decode("cp1252", errors="replace"), "cp1252"


def _find_csv_header(dataset: Dataset, text: str) -> tuple[Header, str]:
    """Return (header, delimiter) of a CSV's start.

    The header is the line (or pair of lines, see find_header), among the first few, whose cells name the
    most contract columns; title lines above it ("DATA PESERTA PELATIHAN TAHUN 2024;;;") are skipped.
    """
    lines = text.lstrip("\ufeff").splitlines()[:HEADER_SEARCH_ROWS]
    found = find_csv_header(lines, DELIMITERS, dataset.column_name, {c.name for c in dataset.columns})
    if found is None:  # no contract column anywhere: report the first line's columns
        first = lines[0] if lines else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return Header(0, 1, [dataset.column_name(h) for h in cells], 0, cells), delimiter
    return found


def _two_row_note(first: int) -> str:
    """Return the note that a header spans rows `first` and `first` + 1 (1-based)."""
    return f"baris judul tersusun dua baris ({first} dan {first + 1}); nama kolom digabung dari keduanya."


def header_notes(header: Header) -> list[str]:
    """Return the notes on where a CSV's or SIASN file's header was found: below title rows, over two rows."""
    notes = [f"baris judul ditemukan di baris {header.at + 1}; baris di atasnya dilewati."] if header.at else []
    return notes + ([_two_row_note(header.at + 1)] if header.span > 1 else [])


def find_header(dataset: Dataset, rows: list[list]) -> Header | None:
    """Return the header among the first rows of a sheet or CSV (etl/layout.py: below title rows, over two rows),
    naming the columns of `dataset`, or None when no row names a contract column."""
    return find_layout(rows, dataset.column_name, {c.name for c in dataset.columns})


def _utf8_lf_copy(path: Path, folder: Path, encoding: str) -> Path:
    """Write a copy of a CSV into `folder` as UTF-8 with every CRLF made LF, and return it: what DuckDB
    reads when the file is Windows-1252, or mixes CRLF and LF lines (two people's files pasted together),
    which DuckDB's parser cannot read ("The CSV Parser state machine reached an invalid state")."""
    target = folder / "utf8.csv"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = ""  # a CR at the end of a chunk waits for the next one: it may start a CRLF
    with path.open("rb") as fh, target.open("w", encoding="utf-8", newline="") as out:
        for chunk in iter(lambda: fh.read(SNIFF_BYTES), b""):
            text = pending + decoder.decode(chunk)
            pending = "\r" if text.endswith("\r") else ""
            out.write(text[: len(text) - len(pending)].replace("\r\n", "\n"))
        out.write(pending + decoder.decode(b"", final=True))
    return target


def _has_cr(path: Path) -> bool:
    """Return True when the file holds a carriage return anywhere (a CRLF or a lone CR line end)."""
    with path.open("rb") as fh:
        return any(b"\r" in chunk for chunk in iter(lambda: fh.read(SNIFF_BYTES), b""))


def blank_records(path: Path) -> list[int]:
    """Return the 1-based numbers of a CSV's empty records, counted as a spreadsheet counts rows: a line
    break inside a quoted cell (Alt+Enter in Excel) stays in its record, so it neither makes a record nor
    shifts the numbers of later ones. Slower than scan_file; used only when a file has such a cell."""
    found, record, quoted = [], 0, False
    with path.open("rb") as fh:
        for line in fh:
            if not quoted:
                record += 1
                if not line.strip(b"\r\n"):
                    found.append(record)
            if line.count(b'"') % 2:  # an escaped quote is doubled: only an opening or closing one flips
                quoted = not quoted
    return found


class _BlankLines:
    """Finds the 1-based numbers of empty lines (which DuckDB's CSV reader skips silently) in a file fed
    chunk by chunk, and counts its lines; CR is ignored, and an empty line split across two chunks is found."""

    def __init__(self) -> None:
        self.found: list[int] = []
        self._lines_before = 0  # complete lines before the current chunk
        self._prev = b"\n"  # the file start behaves like the end of a line

    def feed(self, chunk: bytes) -> None:
        """Note the empty lines that end in `chunk` (the next part of the file); returns nothing."""
        data = self._prev + chunk.replace(b"\r", b"")
        # data[0] ends line `lines_before` (or is the start); a '\n' right after a '\n' is an empty line
        at, counted, line = data.find(b"\n\n"), 1, self._lines_before
        while at >= 0:
            line += data.count(b"\n", counted, at + 1)
            counted = at + 1
            self.found.append(line + 1)
            at = data.find(b"\n\n", at + 1)
        self._lines_before = line + data.count(b"\n", counted)
        self._prev = data[-1:]

    @property
    def lines(self) -> int:
        """Return the number of lines fed so far (a last line without a line break counts)."""
        return self._lines_before + (self._prev != b"\n")


class Scan(NamedTuple):
    """What one pass over a file found: its hex sha256, the 1-based numbers of its empty lines and its
    number of lines (both CSV only: empty and 0 for a workbook)."""

    sha256: str
    blank_lines: list[int]
    lines: int


def scan_file(path: Path, blank_lines: bool, chunk_size: int = SNIFF_BYTES) -> Scan:
    """Read a file once, in chunks of `chunk_size` bytes; return its Scan (empty lines found with CR
    ignored). With blank_lines False (an XLSX file) no lines are looked at."""
    digest = hashlib.sha256()
    blanks = _BlankLines() if blank_lines else None
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(chunk_size), b""):
            digest.update(chunk)
            if blanks is not None:
                blanks.feed(chunk)
    if blanks is None:
        return Scan(digest.hexdigest(), [], 0)
    return Scan(digest.hexdigest(), blanks.found, blanks.lines)


def _unique_names(header: list[str]) -> list[str]:
    """Return column names for DuckDB: blank or repeated non-contract headers get their position."""
    names, seen = [], set()
    for i, h in enumerate(header):
        name = h if h and h not in seen else f"_kolom_{i + 1}"
        seen.add(name)
        names.append(name)
    return names


def _is_total(names: list[str]) -> str:
    """Return SQL that is true when a row's first filled cell, in the file's column order, says
    Jumlah/Total ($total binds TOTAL_ROW); false for every other row, empty ones included."""
    first = "coalesce(" + ", ".join(f"NULLIF(trim(\"{n}\"), '')" for n in names) + ")"
    full = f"coalesce(regexp_full_match(lower({first}), $total), false)"
    # Fast path for nearly every row: a first cell that starts with anything but a space trim() removes
    # (Unicode Zs) or the first letter of Jumlah/Total/Sub total/Grand total is the first filled cell
    # and cannot be a total (no other character lowers to j, t, s or g). About a third of a file's read.
    return f"CASE WHEN regexp_matches(\"{names[0]}\", '^[^\\p{{Zs}}jJtTsSgG]') THEN false ELSE {full} END"


def _read_csv(
    con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str, scan: Future[Scan]
) -> None:
    """Read a CSV file into `table` (its blank lines come from `scan`, found while DuckDB reads); see read_file."""
    text, encoding = _decode_head(src.path)
    if not text.strip():
        raise FileProblem(src.name, "file kosong: tidak ada baris judul (header).")
    head, delimiter = _find_csv_header(dataset, text)
    header_at, span, header = head.at, head.span, head.names
    check_columns(src.name, dataset, header)
    src.columns = {src.name: renamed(list(zip(head.names, head.written, strict=True)), dataset)}
    if encoding != "utf-8":
        src.notes.append("dibaca sebagai Windows-1252 (bukan UTF-8).")
    names = _unique_names(header)
    rejects = f"{table}_rejects"
    sql = (  # one pass: the contract's columns and the total-row flag, nothing copied later
        f"CREATE TABLE {table} AS SELECT {_select_contract_columns(dataset, header)}, {_is_total(names)}"
        " AS _total FROM read_csv($path, all_varchar = true, header = true, delim = $delim, quote = '\"',"
        " escape = '\"', encoding = 'utf-8', names = $names, skip = $skip, store_rejects = true,"
        f" rejects_table = '{rejects}', rejects_scan = '{table}_scan', strict_mode = true)"
    )
    params = {"delim": delimiter, "names": names, "skip": header_at + span - 1, "total": TOTAL_ROW}
    with scratch.private_folder("csv") as tmp:
        path = src.path if encoding == "utf-8" else _utf8_lf_copy(src.path, tmp, encoding)
        try:
            con.execute(sql, params | {"path": str(path)})
        except duckdb.Error as exc:
            if path != src.path or not _has_cr(src.path):
                raise FileProblem(src.name, f"file CSV tidak dapat dibaca: {exc}") from exc
            for leftover in (rejects, f"{table}_scan"):
                con.execute(f"DROP TABLE IF EXISTS {leftover}")
            try:  # CRLF and LF lines mixed: read a copy with one kind of line end
                con.execute(sql, params | {"path": str(_utf8_lf_copy(src.path, tmp, encoding))})
            except duckdb.Error as again:
                raise FileProblem(src.name, f"file CSV tidak dapat dibaca: {again}") from again
            src.notes.append("akhir baris campuran (CRLF dan LF) disamakan sebelum dibaca.")
    # Line numbers are rows as a spreadsheet shows the file (DuckDB numbers the lines it rejects the
    # same way): data rows are numbered from the one after the header (row 2 when there is no title
    # row); rows DuckDB skipped (blank) or rejected (wrong column count) take their numbers with them.
    src.header_line = header_at + span
    found = scan.result()
    parse_rejected = {r[0] for r in con.execute(f"SELECT DISTINCT line FROM {rejects}").fetchall()}
    blanks = [b for b in found.blank_lines if b > src.header_line]
    n_rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    if src.header_line + n_rows + len(parse_rejected) + len(blanks) != found.lines:  # a cell holds a line break
        blanks = [b for b in blank_records(src.path) if b > src.header_line]
    taken = set(blanks) | parse_rejected
    src.labels = [src.name]
    if taken:
        _number_lines(con, table, taken, src)
    _collect_parse_rejects(con, src, rejects)
    src.notes += header_notes(head)
    if header_extra := [h for h in header if h and h not in {c.name for c in dataset.columns}]:
        src.notes.append(f"kolom tidak dikenal diabaikan: {', '.join(header_extra)}")


def _number_lines(con: duckdb.DuckDBPyConnection, table: str, taken: set[int], src: SourceFile) -> None:
    """Give `table` its own _file, _line and _seq columns when lines were skipped or rejected: the data
    rows take the line numbers that remain, in order."""
    n_rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    con.execute(f"ALTER TABLE {table} RENAME TO {table}_in")
    con.execute("CREATE TEMP TABLE _taken (line BIGINT)")
    con.executemany("INSERT INTO _taken VALUES (?)", [[t] for t in sorted(taken)])
    con.execute(
        f"CREATE TABLE {table}_lines AS SELECT row_number() OVER (ORDER BY line) - 1 AS rid, line"
        " FROM (SELECT range AS line FROM range($start, $start + $n + $t))"
        " WHERE line NOT IN (SELECT line FROM _taken)",
        {"start": src.header_line + 1, "n": n_rows, "t": len(taken)},
    )
    con.execute("DROP TABLE _taken")
    con.execute(
        f"CREATE TABLE {table} AS SELECT $file AS _file, l.line AS _line, l.line AS _seq, i.*"
        f" FROM {table}_in i JOIN {table}_lines l ON l.rid = i.rowid ORDER BY l.line",
        {"file": src.name},
    )
    con.execute(f"DROP TABLE {table}_lines")
    con.execute(f"DROP TABLE {table}_in")
    src.numbered = True


def _collect_parse_rejects(con: duckdb.DuckDBPyConnection, src: SourceFile, rejects: str) -> None:
    """Copy the lines DuckDB's CSV reader could not split into `parse_rejects`, once per line."""
    con.execute(
        "INSERT INTO parse_rejects SELECT $dataset, $file, line,"
        " CASE error_type WHEN 'MISSING COLUMNS' THEN 'Jumlah kolom kurang dari baris judul.'"
        " WHEN 'TOO MANY COLUMNS' THEN 'Jumlah kolom lebih banyak dari baris judul.'"
        " WHEN 'INVALID ENCODING' THEN 'Karakter tidak dapat dibaca (encoding salah).'"
        " ELSE 'Baris tidak dapat dibaca: ' || error_message END, csv_line"
        f" FROM (SELECT DISTINCT ON (line) * FROM {rejects} ORDER BY line)",
        {"dataset": src.dataset, "file": src.name},
    )


def _select_contract_columns(dataset: Dataset, header: list[str]) -> str:
    """Return a SELECT list with every contract column, NULL where the file lacks it."""
    present = set(header)
    return ", ".join(c.name if c.name in present else f"NULL::VARCHAR AS {c.name}" for c in dataset.columns)


def _read_xlsx(con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str) -> None:
    """Read every sheet whose header holds the dataset's required columns; say which were read."""
    from python_calamine import CalamineWorkbook

    from etl.safety import xlsx_problem

    if problem := xlsx_problem(src.path):  # a decompression bomb is refused before calamine unpacks it
        raise FileProblem(src.name, problem)
    try:
        workbook = CalamineWorkbook.from_path(str(src.path))
        sheets = [
            (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in workbook.sheet_names
        ]
    except Exception as exc:  # calamine raises several types for corrupt files
        raise FileProblem(src.name, f"file Excel tidak dapat dibaca: {exc}") from exc
    found, problems = [], []
    for name, rows in sheets:
        found_header = find_header(dataset, rows)
        if found_header is None:
            if any(v not in (None, "") for row in rows for v in row):
                problems.append((0, name, FileProblem(src.name, "baris judul (header) tidak ditemukan.")))
            continue
        try:
            check_columns(src.name, dataset, found_header.names)
        except FileProblem as problem:
            problems.append((found_header.hits, name, problem))
            continue
        found.append((name, rows, found_header))
    if not found:
        if not problems:
            raise FileProblem(src.name, "baris judul (header) tidak ditemukan.")
        _, sheet, problem = max(problems, key=lambda p: p[0])
        prefix = f"sheet '{sheet}': " if len(sheets) > 1 else ""
        raise FileProblem(src.name, prefix + problem.message)
    several = len(found) > 1
    frames = []
    for order, (name, rows, header) in enumerate(found):
        label = f"{src.name} [{name}]" if several else src.name
        header_at, span = header.at, header.span
        src.labels.append(label)
        src.columns[label] = renamed(list(zip(header.names, header.written, strict=True)), dataset)
        frames.append(_sheet_frame(dataset, label, order, rows, header_at + span - 1, header.names))
        if header_at:
            src.notes.append(f"{label}: baris judul di baris {header_at + 1}; baris di atasnya dilewati.")
        if span > 1:
            src.notes.append(f"{label}: {_two_row_note(header_at + 1)}")
    if several:
        src.notes.append(f"{len(found)} sheet dibaca: {', '.join(f[0] for f in found)}.")
    if skipped := [p[1] for p in problems]:
        src.notes.append(f"sheet lain tidak dibaca (tanpa kolom {src.dataset}): {', '.join(skipped)}.")
    _table_from_frame(con, dataset, src, table, pd.concat(frames, ignore_index=True))


def _table_from_frame(
    con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str, frame: pd.DataFrame
) -> None:
    """Create `table` from a frame of text rows (_file, _line, _seq, _first, contract columns, and with `src.why`
    _why_column and _why); its own lineage."""
    con.register("_rows_frame", frame)
    cols = ", ".join(
        ["_file", "_line::BIGINT AS _line", "_seq::BIGINT AS _seq"]
        + [f"{c.name}::VARCHAR AS {c.name}" for c in dataset.columns]
        + [_is_total(["_first"]) + " AS _total"]
        + (["_why_column::VARCHAR AS _why_column", "_why::VARCHAR AS _why"] if src.why else [])
    )
    con.execute(f"CREATE TABLE {table} AS SELECT {cols} FROM _rows_frame ORDER BY _seq", {"total": TOTAL_ROW})
    con.unregister("_rows_frame")
    src.numbered = True


def _siasn_people(con: duckdb.DuckDBPyConnection) -> siasn.People:
    """Return who each pns_id and NIP of the load's Export Data ASN files is (empty before one is read)."""
    rows = con.execute(
        f"SELECT pns_id, nip, kota FROM {siasn.SIASN_PEOPLE} WHERE nip IS NOT NULL"
        if con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": siasn.SIASN_PEOPLE}
        ).fetchall()[0][0]
        else "SELECT NULL, NULL, NULL WHERE false"
    ).fetchall()
    return siasn.People({p: n for p, n, _ in rows if p}, {n: k for _, n, k in rows if k})


def _read_siasn(con: duckdb.DuckDBPyConnection, dataset: Dataset, src: SourceFile, table: str) -> None:
    """Read a SIASN file (or a survey form, etl/skm_form.py) into `table` as the contract rows of `dataset`
    its records map onto (etl/siasn.py); an Export Data ASN file also leaves its people (pns_id, NIP, kota)
    in the scratch database for the records read after it. A workbook or CSV is read as a contract file is: its
    header below title rows or over two rows, its Jumlah/Total rows skipped. Notes say which mapping was used and
    what it assumed; rejects name the file's own columns (siasn.sources), and a row whose person the export does
    not know says so (siasn.PROBLEM)."""
    kind, notes, records = src.mapping, [], None
    try:
        if kind is skm_form.FORM:
            rows, notes = skm_form.to_contract(src.path)
        else:
            records = siasn.read_records(src.path)
            if kind.name == "export_asn":
                con.execute(
                    f"CREATE TABLE IF NOT EXISTS {siasn.SIASN_PEOPLE} (pns_id VARCHAR, nip VARCHAR, kota VARCHAR)"
                )
                con.executemany(f"INSERT INTO {siasn.SIASN_PEOPLE} VALUES (?, ?, ?)", siasn.people_of(records))
            rows = siasn.to_contract(kind, dataset.name, records, _siasn_people(con))
            note_mapping_warnings(con, dataset.name, src.name, siasn.warnings_of(rows))
    except (ValueError, OSError) as exc:
        raise FileProblem(src.name, f"file {kind.label} tidak dapat dibaca: {exc}") from exc
    src.why = True  # a SIASN record whose person is unknown, a form answer that is no option of its unsur
    frame = _siasn_frame(dataset, src, rows, records.firsts if records is not None else [])
    _table_from_frame(con, dataset, src, table, frame)
    src.labels = [src.name]
    src.notes += [f"dibaca sebagai {kind.label} -> {dataset.name}. Asumsi: {kind.assumed}", *notes]
    if records is not None:
        src.columns = {src.name: renamed(list(siasn.sources(kind, dataset.name, records).items()), dataset)}
        src.notes += header_notes(records.header) if records.header is not None else []


def _siasn_frame(dataset: Dataset, src: SourceFile, rows: list[tuple[int, dict]], firsts: list) -> pd.DataFrame:
    """Return a SIASN file's contract rows as text: _file, _line, _seq, _first (each row's first filled cell,
    `firsts`; none for JSON), the contract columns and with `src.why` _why_column and _why (siasn.PROBLEM: why
    the row cannot be used, and the column as the file names it)."""
    problems = [row.get(siasn.PROBLEM) or (None, None) for _, row in rows]
    frame = pd.DataFrame(
        {
            "_file": [src.name] * len(rows),
            "_line": [line for line, _ in rows],
            "_seq": [line for line, _ in rows],
            "_first": firsts if len(firsts) == len(rows) else [None] * len(rows),
            **{c.name: [row.get(c.name) for _, row in rows] for c in dataset.columns},
            **({"_why_column": [c for c, _ in problems], "_why": [w for _, w in problems]} if src.why else {}),
        }
    )
    return frame.astype({c: "object" for c in frame.columns if c not in ("_line", "_seq")})


def _sheet_frame(
    dataset: Dataset, label: str, order: int, rows: list[list], header_at: int, header: list[str]
) -> pd.DataFrame:
    """Return one sheet's data rows as text: _file, _line (spreadsheet row), _seq, _first, contract columns."""
    wanted = {c.name for c in dataset.columns}
    index = {h: i for i, h in enumerate(header) if h in wanted}
    body = rows[header_at + 1 :]
    first_row = header_at + 2  # spreadsheet rows are 1-based
    records: dict[str, list] = {
        "_file": [label] * len(body),
        "_line": list(range(first_row, first_row + len(body))),
        "_seq": [order * 10**9 + first_row + k for k in range(len(body))],
        "_first": [first_filled(row) for row in body],
    }
    for c in dataset.columns:
        i = index.get(c.name)
        records[c.name] = [cell_text(row[i]) if i is not None and i < len(row) else None for row in body]
    return pd.DataFrame(records).astype({c.name: "object" for c in dataset.columns} | {"_first": "object"})
