"""Validate source rows set-wise in DuckDB: every bad row goes to `rejects` with a reason.

Input: per dataset a query over its files' text tables (etl/read.py rows_sql). Output: per
dataset a table `parsed_<dataset>` and a view `ok_<dataset>` of the rows that passed, and one
table `rejects` with a row per problem (dataset, row id, file, line, column, reason in
Indonesian). A row can have several problems; it is rejected once. Values are parsed, checked
and looked up in the datasets they refer to in one pass (a clean value takes a fast path of
plain casts); then duplicate keys are ranked (the first row wins) among the rows that passed.
Order of checks: values (required, type, range, vocabulary, cross-column rules), references
(only for rows whose values are fine), duplicate keys.

Identifiers in the generated SQL come only from etl/contract.py; every message and every
vocabulary is a bound parameter. A reason may quote a cell: any NIP in it is masked as the
reject is inserted (warehouse.masked_text), so a NIP typed into the wrong column is never repeated.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from etl.contract import (
    CITY_NAME,
    DATASETS,
    DATE,
    INT,
    JALUR_JENIS,
    JP_UNUSUAL_FACTOR,
    JP_USUAL_MIN_ACTIVITIES,
    MONEY,
    NIP,
    PERSONAL,
    PREDIKAT_MATRIX,
    SCORE,
    TARGETS,
    TEXT,
    VOCAB,
    VOCAB_ALIASES,
    VOCABULARIES,
    Column,
    Dataset,
    Reference,
    range_rule,
)
from etl.layout import EXCEL_SCIENTIFIC
from etl.pseudonym import pseudonym_sql
from etl.warehouse import masked_text

NIP_PATTERN = "[0-9]{18}"


class Params:
    """Collects bound parameters while SQL is generated; `add` returns the placeholder. `labels` says how files
    name contract columns they name differently (read.column_labels: column -> {row label: 'jumlahJam (jp)'})."""

    def __init__(self, labels: dict[str, dict[str, str]] | None = None) -> None:
        self.values: dict[str, object] = {}
        self.labels = labels or {}

    def add(self, value: object) -> str:
        """Bind `value` and return its placeholder, e.g. `$p3`."""
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f"${name}"

    def column(self, name: str) -> str:
        """Return SQL for a column as the row's file names it: the header it has there with the column in brackets
        ('jumlahJam (jp)') where that differs, else the column; rows carry their file as _file."""
        named = self.labels.get(name)
        if not named:
            return self.add(name)
        return f"coalesce(map({self.add(list(named))}, {self.add(list(named.values()))})[_file], {self.add(name)})"


def vocab_map(domain: str) -> tuple[list[str], list[str]]:
    """Return (lower-case spellings, canonical values) accepted for a vocabulary."""
    keys = {v.lower(): v for v in VOCABULARIES[domain]}
    keys.update(VOCAB_ALIASES.get(domain, {}))
    return list(keys), list(keys.values())


def text_of(col: str) -> str:
    """Return SQL for a raw cell as trimmed text, NULL when empty.

    A cell in plain ASCII (as many bytes as characters) without a space at either end needs no
    trim: far cheaper to test than trimming every cell. validate_dataset applies this once per
    column in its first step; parsers and checks below take the column name itself, already trimmed."""
    return (
        f"CASE WHEN prefix({col}, ' ') OR suffix({col}, ' ') OR strlen({col}) <> length({col})"
        f" THEN NULLIF(trim({col}), '') ELSE NULLIF({col}, '') END"
    )


def kota_key(expr: str) -> str:
    """Return SQL that turns a city name into its matching key ('Kota Pontianak ' -> 'pontianak')."""
    return f"regexp_replace(lower(trim({expr})), '^kota\\s+', '')"


# The SQL of each match rule of the contract (Column.match): value expression -> matching key.
MATCH_RULES: dict[str, Callable[[str], str]] = {CITY_NAME: kota_key}


def match_key(column: Column, expr: str) -> str:
    """Return SQL for `expr`, a value of `column`, as keys compare it: through the column's match rule
    (a city name by kota_key), or `expr` itself when the column has none."""
    return MATCH_RULES[column.match](expr) if column.match else expr


# Numbers as people write them: "Rp 1.596.365.855.000", "93,56%", "62,5", "1.500.000,00".
# '.' groups thousands and ',' marks decimals (Indonesian); a plain machine number ("62.5",
# "1500000.00") is read too when its '.' cannot be a thousands separator.
NUMBER_SPACE = r"[\s\x{00A0}\x{202F}]"
NUMBER_RP = r"^([+-]?)[Rr][Pp]\.?"
NUMBER_PLAIN = r"^[+-]?[0-9]+$"
NUMBER_GROUPED = r"^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$"
NUMBER_COMMA_DECIMAL = r"^[+-]?[0-9]+,[0-9]+$"
NUMBER_DOT_DECIMAL = r"^[+-]?[0-9]+\.[0-9]+$"
# Read two ways, so rejected: "1,500" (1,5 or fifteen hundred) anywhere; "12.500" in a decimal
# column (12,5 or twelve thousand five hundred). In a whole-number column '.' can only group.
AMBIGUOUS_COMMA = r"^[+-]?[0-9]{1,3}(,[0-9]{3})+$"
AMBIGUOUS_DOT = r"^[+-]?[0-9]{1,3}\.[0-9]{3}$"
WHOLE = r"^[+-]?[0-9]+(\.0*)?$"

# Dates: yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, "12 Januari 2024", "12-Jan-2024"; a time
# after the date ("2024-01-12 08:30:00", as form exports write it) is ignored.
DATE_TIME_SUFFIX = r"[ t][0-9]{1,2}[:.][0-9]{2}([:.][0-9]{2}(\.[0-9]+)?)?$"
DATE_ISO = r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"
DATE_DMY = r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$"
DATE_NAMED = r"^([0-9]{1,2})[\s.-]*([a-z]+)[\s.,-]*([0-9]{4})$"
DATE_SHORT_YEAR = r"^[0-9]{1,2}[\s./-]+([0-9]{1,2}|[a-z]+)[\s./,-]+[0-9]{2}$"
DATE_SERIAL = r"^[0-9]{5}(\.[0-9]+)?$"
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "pebruari", "peb", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agu", "agt", "ags", "agus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des", "dec", "december"),
        ),
        start=1,
    )
    for name in names
}
NIP_SEPARATORS = r"^'|[ .-]"  # 19850312 201001 1 001, 19850312.201001.1.001, '198503122010011001
NIP_SCIENTIFIC = EXCEL_SCIENTIFIC  # what Excel makes of an 18-digit number
# A NIP ending in 000 (its serial number starts at 001): what a number format makes of one Excel kept as a number.
CUT_NIP = (
    " NIP ini berakhiran 000: tampaknya Excel menyimpannya sebagai angka dan tiga angka terakhirnya hilang. Format"
    " kolomnya sebagai Teks, lalu ketik ulang NIP 18 angka."
)


def number_text(x: str, params: Params) -> str:
    """Return SQL for a number cell without spaces, an 'Rp' prefix and a '%' suffix."""
    spaceless = f"regexp_replace({x}, {params.add(NUMBER_SPACE)}, '', 'g')"
    no_rp = f"regexp_replace({spaceless}, {params.add(NUMBER_RP)}, '\\1')"
    return f"regexp_replace({no_rp}, '%$', '')"


def number_canonical(column: Column, params: Params) -> str:
    """Return SQL for a number cell as a plain decimal string ('1596365855000', '62.5'), NULL when
    it is not a number or can be read two ways."""
    n = number_text(column.name, params)
    ambiguous = f"regexp_matches({n}, {params.add(AMBIGUOUS_COMMA)})"
    if column.kind == SCORE:
        ambiguous += f" OR regexp_matches({n}, {params.add(AMBIGUOUS_DOT)})"
    return (
        f"CASE WHEN {ambiguous} THEN NULL"
        f" WHEN regexp_matches({n}, {params.add(NUMBER_PLAIN)}) THEN {n}"
        f" WHEN regexp_matches({n}, {params.add(NUMBER_GROUPED)}) THEN replace(replace({n}, '.', ''), ',', '.')"
        f" WHEN regexp_matches({n}, {params.add(NUMBER_COMMA_DECIMAL)}) THEN replace({n}, ',', '.')"
        f" WHEN regexp_matches({n}, {params.add(NUMBER_DOT_DECIMAL)}) THEN {n} END"
    )


def date_text(x: str, params: Params) -> str:
    """Return SQL for a date cell in lower case without a trailing time of day."""
    return f"regexp_replace(lower({x}), {params.add(DATE_TIME_SUFFIX)}, '')"


def date_sql(x: str, params: Params) -> str:
    """Return SQL that reads a date in any accepted form; NULL for anything else or no such day."""
    d = date_text(x, params)
    iso, dmy, named = params.add(DATE_ISO), params.add(DATE_DMY), params.add(DATE_NAMED)
    month = f"map({params.add(list(MONTHS))}, {params.add(list(MONTHS.values()))})[regexp_extract({d}, {named}, 2)]"
    canonical = (
        f"CASE WHEN regexp_matches({d}, {iso}) THEN {d}"
        f" WHEN regexp_matches({d}, {dmy}) THEN regexp_replace({d}, {dmy}, '\\3-\\2-\\1')"
        f" WHEN regexp_matches({d}, {named}) THEN"
        f" regexp_extract({d}, {named}, 3) || '-' || {month} || '-' || regexp_extract({d}, {named}, 1) END"
    )
    return f"TRY_STRPTIME({canonical}, '%Y-%m-%d')::DATE"


def lookup(expr: str, mapping: dict[str, str], params: Params) -> str:
    """Return SQL that maps the value of `expr` through `mapping` (NULL when absent): a CASE, which
    DuckDB evaluates several times faster than a lookup in a MAP literal. `expr` is repeated in every
    arm, so it should be a column or a cheap expression (DuckDB computes repeated ones for every row)."""
    arms = " ".join(f"WHEN {params.add(k)} THEN {params.add(v)}" for k, v in mapping.items())
    return f"CASE {expr} {arms} END"


def parse_sql(column: Column, params: Params) -> str:
    """Return SQL that parses a raw text cell to its typed value, NULL when it does not parse.

    A value already in its plain machine form ("2024", "2024-03-31", an 18-digit NIP) takes a fast
    path of casts whose result, written back, is the value itself; everything else goes through the
    full reading of the forms people write, with the same outcome for the plain forms.
    """
    x = column.name
    if column.kind in (INT, MONEY):  # whole numbers stay exact: text to BIGINT, never through a float
        canonical = number_canonical(column, params)
        slow = (
            f"CASE WHEN regexp_matches({canonical}, {params.add(WHOLE)})"
            f" THEN TRY_CAST(regexp_replace({canonical}, '\\.0*$', '') AS BIGINT) END"
        )
        return f"CASE WHEN TRY_CAST({x} AS BIGINT)::VARCHAR = {x} THEN {x}::BIGINT ELSE {slow} END"
    if column.kind == SCORE:
        slow = f"TRY_CAST({number_canonical(column, params)} AS DOUBLE)"
        return f"CASE WHEN TRY_CAST({x} AS BIGINT)::VARCHAR = {x} THEN {x}::DOUBLE ELSE {slow} END"
    if column.kind == DATE:
        return f"CASE WHEN TRY_CAST({x} AS DATE)::VARCHAR = {x} THEN {x}::DATE ELSE {date_sql(x, params)} END"
    if column.kind == NIP:
        # Held as a number while validating (faster to look up); written back with its leading zeros.
        digits = f"regexp_replace({x}, {params.add(NIP_SEPARATORS)}, '', 'g')"
        slow = f"CASE WHEN regexp_full_match({digits}, '{NIP_PATTERN}') THEN {digits}::UBIGINT END"
        return (
            f"CASE WHEN length({x}) = 18 AND TRY_CAST({x} AS UBIGINT)::VARCHAR = {x} THEN {x}::UBIGINT ELSE {slow} END"
        )
    if column.kind == VOCAB:
        keys, values = vocab_map(column.vocab)
        spelled = f"regexp_replace(regexp_replace(lower({x}), '\\s+', ' ', 'g'), '\\s*/\\s*', '/', 'g')"
        exact = dict(zip(keys, values, strict=True)) | {v: v for v in values}
        # The slow path names `spelled` once (a MAP lookup): repeated in a CASE, DuckDB would hoist it
        # out of the coalesce and run its regular expressions on every cell.
        return f"coalesce({lookup(x, exact, params)}, map({params.add(keys)}, {params.add(values)})[{spelled}])"
    return x


def type_message(column: Column, params: Params) -> str:
    """Return SQL for the Indonesian message when a cell does not parse as its kind."""
    x = column.name
    if column.kind == NIP:  # never repeat a NIP-like value in a message
        scientific = params.add(
            "NIP tertulis sebagai angka berpangkat (misalnya 1,98503E+17): Excel sudah memotong digit"
            " terakhirnya. Format kolom NIP sebagai Teks, lalu ketik ulang NIP 18 angka."
        )
        plain = params.add("NIP harus terdiri dari tepat 18 angka.")
        return f"CASE WHEN regexp_full_match({x}, {params.add(NIP_SCIENTIFIC)}) THEN {scientific} ELSE {plain} END"
    if column.kind == VOCAB:
        allowed = ", ".join(VOCABULARIES[column.vocab])
        message = params.add(f"' bukan nilai yang diizinkan. Pilihan: {allowed}.")
        return f"concat(chr(39), {x}, {message})"
    if column.kind == DATE:
        d = date_text(x, params)
        short = params.add(
            "' bukan tanggal yang valid: tahunnya dua angka, abadnya tidak pasti. Tulis tahun empat angka,"
            " misalnya 31/03/2024."
        )
        serial = params.add(
            "' bukan tanggal yang valid: tampaknya nomor seri tanggal Excel. Simpan sel sebagai tanggal atau"
            " tulis misalnya 2024-03-31."
        )
        other = params.add("' bukan tanggal yang valid (tulis misalnya 2024-03-31, 31/03/2024 atau 31 Maret 2024).")
        return (
            f"concat(chr(39), {x}, CASE WHEN regexp_matches({d}, {params.add(DATE_SHORT_YEAR)}) THEN {short}"
            f" WHEN regexp_matches({d}, {params.add(DATE_SERIAL)}) THEN {serial} ELSE {other} END)"
        )
    n = number_text(x, params)
    comma = params.add(
        "' bisa dibaca dua cara: koma sebagai desimal atau sebagai pemisah ribuan. Tulis ribuan dengan titik"
        " (1.500) dan desimal dengan koma (1,5)."
    )
    what = params.add(
        {
            INT: "' bukan bilangan bulat.",
            MONEY: "' bukan jumlah Rupiah yang valid (tulis angka bulat tanpa sen, misalnya 1500000 atau"
            " Rp 1.500.000).",
            SCORE: "' bukan angka (tulis misalnya 87,5).",
        }[column.kind]
    )
    ambiguous_dot = ""
    if column.kind == SCORE:
        dot = params.add(
            "' bisa dibaca dua cara: titik sebagai desimal atau sebagai pemisah ribuan. Tulis desimal dengan"
            " koma (12,5) atau ribuan tanpa titik (12500)."
        )
        ambiguous_dot = f" WHEN regexp_matches({n}, {params.add(AMBIGUOUS_DOT)}) THEN {dot}"
    return (
        f"concat(chr(39), {x}, CASE WHEN regexp_matches({n}, {params.add(AMBIGUOUS_COMMA)}) THEN {comma}"
        f"{ambiguous_dot} ELSE {what} END)"
    )


def parsed(column: str) -> str:
    """Return the name of the column holding a value's parsed form (computed once per load)."""
    return f"p_{column}"


def range_check(column: Column, params: Params) -> tuple[str, str] | None:
    """Return (condition, message SQL) for a column's allowed range, or None."""
    if column.min is None and column.max is None:
        return None
    v = parsed(column.name)
    low = f"{v} <= {column.min}" if column.min_exclusive else f"{v} < {column.min}"
    parts = [low] if column.min is not None else []
    if column.max is not None:
        parts.append(f"{v} > {column.max}")
    message = f"concat('Nilai ', {column.name}, {params.add(f' {range_rule(column)}.')})"
    return " OR ".join(parts), message


def dataset_rules(dataset: Dataset, params: Params) -> list[tuple[str, str, str]]:
    """Return the cross-column rules of a dataset as (column, condition, message SQL)."""
    rules: list[tuple[str, str, str]] = []
    if {"tanggal_mulai", "tanggal_selesai"} <= {c.name for c in dataset.columns}:
        mulai = parsed("tanggal_mulai")
        selesai = parsed("tanggal_selesai")
        rules.append(
            (
                "tanggal_selesai",
                f"{selesai} < {mulai}",
                f"concat({params.column('tanggal_selesai')}, ' (', {selesai}, ') lebih awal dari ',"
                f" {params.column('tanggal_mulai')}, ' (', {mulai}, ').')",
            )
        )
    if dataset.name == "pegawai":
        masuk = parsed("tmt_masuk")
        keluar = parsed("tanggal_keluar")
        rules.append(
            (
                "tanggal_keluar",
                f"{keluar} < {masuk}",
                f"concat({params.column('tanggal_keluar')}, ' (', {keluar}, ') lebih awal dari ',"
                f" {params.column('tmt_masuk')}, ' (', {masuk}, ').')",
            )
        )
    if dataset.name == "program":
        jenis = parsed("jenis")
        jalur = parsed("jalur")
        pairs = [(j, jal) for jal, types in JALUR_JENIS.items() for j in types]
        parent = lookup(jenis, dict(pairs), params)
        rules.append(
            (
                "jenis",
                f"{parent} <> {jalur}",
                f"concat('Jenis ''', {jenis}, ''' termasuk jalur ', {parent}, ', bukan ', {jalur}, '.')",
            )
        )
    if dataset.name == "mentoring":
        mentor = parsed("nip_mentor")
        mentee = parsed("nip_mentee")
        rules.append(
            (
                "nip_mentee",
                f"{mentor} = {mentee}",
                params.add("Mentor dan mentee tidak boleh orang yang sama."),
            )
        )
    if dataset.name == "survei_kepuasan":
        blank = " AND ".join(f"u{i} IS NULL" for i in range(1, 10))
        rules.append(("u1..u9", blank, params.add("Kesembilan unsur (u1-u9) kosong; minimal satu harus diisi.")))
    return rules


def warning_checks(dataset: Dataset, params: Params) -> list[tuple[str, str, str]]:
    """Return the checks of a dataset whose rows are usable but doubtful, as (column, condition over the
    parsed values, message SQL): such a row is loaded with its recorded values and listed as a warning.

    A predikat that contradicts the PermenPANRB 6/2022 matrix is kept as recorded: it is the official
    record (one widely used SIASN client derives it differently), and dropping it would lose it from
    every figure."""
    if dataset.name != "penilaian_kinerja":
        return []
    hasil = parsed("hasil_kerja")
    perilaku = parsed("perilaku_kerja")
    predikat = parsed("predikat")
    matrix = {f"{h}|{p}": value for (h, p), value in PREDIKAT_MATRIX.items()}
    expected = lookup(f"({hasil} || '|' || {perilaku})", matrix, params)
    message = (
        f"concat('Predikat ''', {predikat}, ''' tidak sesuai matriks PermenPANRB 6/2022: hasil kerja ', {hasil},"
        f" ' dan perilaku kerja ', {perilaku}, ' menghasilkan ', {expected}, '. Dimuat dengan predikat yang tercatat.')"
    )
    return [("predikat", f"{expected} <> {predikat}", message)]


def create_warnings(con: duckdb.DuckDBPyConnection) -> None:
    """Create the empty `warnings` table (rows loaded as recorded but doubtful, one row per doubt) and the empty
    `mapping_warnings` table (the doubts of mapping a file recognised by its columns onto the contract, by file
    and line: note_mapping_warnings; they become warnings of the rows that pass)."""
    con.execute(
        "CREATE TABLE warnings (dataset VARCHAR, _row BIGINT, file VARCHAR, line BIGINT,"
        " column_name VARCHAR, reason VARCHAR)"
    )
    con.execute(
        "CREATE TABLE mapping_warnings (dataset VARCHAR, file VARCHAR, line BIGINT, column_name VARCHAR,"
        " reason VARCHAR)"
    )


def note_mapping_warnings(
    con: duckdb.DuckDBPyConnection, dataset: str, file: str, doubts: list[tuple[int, str, str]]
) -> None:
    """Keep the doubts (line, contract column, reason) of mapping one file's rows of `dataset` (a SIASN export
    whose jabatan level was guessed from a title, etl/siasn.py); each becomes a warning if its row passes."""
    if doubts:
        con.executemany(
            "INSERT INTO mapping_warnings VALUES (?, ?, ?, ?, ?)",
            [(dataset, file, line, column, reason) for line, column, reason in doubts],
        )


def _warn(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> None:
    """Add to `warnings` the doubts about each row of view ok_<dataset> (the rows that will be loaded): those of
    warning_checks and those its file's mapping noted (note_mapping_warnings)."""
    con.execute(
        f"INSERT INTO warnings SELECT m.dataset, o._row, o._file, o._line, m.column_name, {masked_text('m.reason')}"
        f" FROM ok_{dataset.name} o JOIN mapping_warnings m"
        " ON m.dataset = $dataset AND m.file = o._file AND m.line = o._line",
        {"dataset": dataset.name},
    )
    params = Params()
    for column, condition, message in warning_checks(dataset, params):
        con.execute(
            f"INSERT INTO warnings SELECT $dataset, _row, _file, _line, $column, {masked_text(message)}"
            f" FROM ok_{dataset.name} WHERE coalesce({condition}, false)",
            params.values | {"dataset": dataset.name, "column": column},
        )


def warn_load_wide(con: duckdb.DuckDBPyConnection, dataset: Dataset, also: tuple[str, dict] | None = None) -> None:
    """Add to `warnings` the doubts that compare a row with all the rows of its dataset in the load: those of view
    ok_<dataset> and `also` (SQL and parameters of more rows with its columns: rows a load takes over unread,
    etl/reuse.py). Program: activities whose JP is at least JP_UNUSUAL_FACTOR times, or at most
    1/JP_UNUSUAL_FACTOR of, the median JP of their jenis (when at least JP_USUAL_MIN_ACTIVITIES have that jenis):
    a 2-day bimtek written as 960 JP (minutes typed as JP) is usable but doubtful. Other datasets have none."""
    if dataset.name != "program":
        return
    rows, params = "SELECT _row, _file, _line, p_jp, p_jenis FROM ok_program", {}
    if also is not None:
        rows, params = f"{rows} UNION ALL SELECT _row, _file, _line, p_jp, p_jenis FROM ({also[0]})", also[1]
    con.execute(
        "INSERT INTO warnings SELECT 'program', _row, _file, _line, 'jp', concat('JP ''', p_jp,"
        " ''' jauh dari lama biasa jenis ''', p_jenis, ''' (median ''', median_jp, ''' JP dari ''', n,"
        " ''' kegiatan di data ini). Periksa kembali; baris tetap dimuat.')"
        " FROM (SELECT _row, _file, _line, p_jp, p_jenis, quantile_disc(p_jp, 0.5) OVER w AS median_jp,"
        " count(*) OVER w AS n"
        f" FROM ({rows}) WINDOW w AS (PARTITION BY p_jenis))"
        " WHERE n >= $least AND (p_jp >= $factor * median_jp OR p_jp * $factor <= median_jp)",
        params | {"least": JP_USUAL_MIN_ACTIVITIES, "factor": JP_UNUSUAL_FACTOR},
    )


def row_checks(dataset: Dataset, params: Params) -> list[tuple[str, str, str]]:
    """Return every per-row check of a dataset as (column, condition, message SQL)."""
    checks: list[tuple[str, str, str]] = []
    for column in dataset.columns:
        if column.kind == PERSONAL:
            continue
        x = column.name
        if column.required:
            checks.append((column.name, f"{x} IS NULL", f"concat('Kolom ', {params.column(x)}, ' wajib diisi.')"))
        if column.kind != TEXT:
            checks.append(
                (column.name, f"{x} IS NOT NULL AND {parsed(column.name)} IS NULL", type_message(column, params))
            )
        if rule := range_check(column, params):
            checks.append((column.name, rule[0], rule[1]))
    return checks + dataset_rules(dataset, params)


def create_rejects(con: duckdb.DuckDBPyConnection) -> None:
    """Create the empty `rejects` table."""
    con.execute(
        "CREATE TABLE rejects (dataset VARCHAR, _row BIGINT, file VARCHAR, line BIGINT,"
        " column_name VARCHAR, reason VARCHAR)"
    )


# Datasets other datasets point at, and the column they point at (kota.kota, pegawai.nip, ...).
GOOD = "_skip = 0 AND _problems IS NULL"  # a row with a value, left for the duplicate check


def reference_key(ref: Reference) -> str:
    """Return SQL for the value a row looks up in keys_<target>, matched as the target column is."""
    return match_key(DATASETS[ref.target].column(ref.target_column), parsed(ref.column))


def _problem_list(checks: list[tuple[str, str, str]], params: Params) -> tuple[str, str]:
    """Return (any problem, list of problems) SQL for checks of (column, condition, message)."""
    found = " OR ".join(f"coalesce({cond}, false)" for _, cond, _ in checks)
    items = ", ".join(f"CASE WHEN {c} THEN {{'c': {params.column(col)}, 'm': {msg}}} END" for col, c, msg in checks)
    return found, f"list_filter([{items}], lambda x: x IS NOT NULL)"


def reference_checks(dataset: Dataset, params: Params) -> list[tuple[str, str, str]]:
    """Return a check per reference as (column, condition, message SQL); keys_<target> is joined as r<i>."""
    checks = []
    for i, ref in enumerate(dataset.references):
        if dataset.column(ref.column).kind == NIP:  # never repeat a NIP in a message
            missing = params.add(f" tidak ditemukan di data {ref.target}.")
            message = (
                f"concat('NIP di kolom ', {params.column(ref.column)}, {missing}, CASE WHEN {parsed(ref.column)}"
                f" % 1000 = 0 THEN {params.add(CUT_NIP)} ELSE '' END)"
            )
        else:
            missing = params.add(f"' tidak ditemukan di data {ref.target}.")
            message = f"concat(chr(39), {parsed(ref.column)}, {missing})"
        checks.append((ref.column, f"{parsed(ref.column)} IS NOT NULL AND r{i}._value IS NULL", message))
    return checks


def reference_join(ref: Reference, i: int, by_pseudonym: bool) -> str:
    """Return the join of keys_<target> (as r<i>) for a reference. With `by_pseudonym` a NIP is looked up by its
    pseudonym ($key binds the secret): a load that reuses rows of the current warehouse (etl/reuse.py) has the
    reused people's pseudonyms only, not their NIPs."""
    if by_pseudonym and DATASETS[ref.target].column(ref.target_column).kind == NIP:
        return f" LEFT JOIN keys_{ref.target} r{i} ON r{i}._value = {pseudonym_sql(parsed(ref.column))}"
    return f" LEFT JOIN keys_{ref.target} r{i} ON r{i}._key = {reference_key(ref)}"


def validate_dataset(
    con: duckdb.DuckDBPyConnection,
    dataset: Dataset,
    rows: tuple[str, dict],
    key: str,
    by_pseudonym: bool = False,
    labels: dict[str, dict[str, str]] | None = None,
) -> None:
    """Check a dataset's rows (`rows`: SQL and parameters from read.rows_sql) in one pass and leave:

    - table parsed_<name>: a row per source row with _row, _file, _line, _skip (0 data, 1 empty row,
      2 Jumlah/Total row), p_<column> for every stored column (a reference already as its target
      stores it: the kota file's spelling, a NIP as its pseudonym) and _problems (NULL when none);
    - in `rejects`: every problem (values and cross-column rules; references only for rows whose
      values are fine; then later rows with the key of an earlier good row);
    - in `warnings`: doubts about rows that passed, which are loaded as recorded (warning_checks; the doubts
      that compare a row with the whole load come after, from warn_load_wide);
    - view ok_<name>: the rows that passed; table keys_<name> (_key, _value) when other datasets
      refer to this one (`key` is the pseudonym secret for NIP keys; `by_pseudonym`: see reference_join).

    A reject names a column as the row's file does (`labels`, read.column_labels: 'jumlahJam (jp)'). A row the
    reader already knows cannot be used (_why: a SIASN record whose person the export does not know) is rejected
    for that alone, in the reader's words.
    """
    name = dataset.name
    columns = [c for c in dataset.columns if c.kind != PERSONAL]
    params = Params(labels)
    trimmed = ", ".join(f"{text_of(c.name)} AS {c.name}" for c in dataset.columns)
    empty = " AND ".join(f"{c.name} IS NULL" for c in dataset.columns)
    typed = ", ".join(f"{parse_sql(c, params)} AS {parsed(c.name)}" for c in columns)
    texts = ", ".join(c.name for c in columns)
    parse = (
        f"SELECT _row, _file, _line, CASE WHEN _total THEN 2 WHEN {empty} THEN 1 ELSE 0 END AS _skip, _why_column,"
        f" _why, {texts}, {typed} FROM (SELECT _row, _file, _line, _total, _why_column, _why, {trimmed}"
        f" FROM ({rows[0]}))"
    )
    joins = "".join(reference_join(ref, i, by_pseudonym) for i, ref in enumerate(dataset.references))
    referenced = {ref.column: i for i, ref in enumerate(dataset.references)}
    stored = ", ".join(
        f"r{referenced[c.name]}._value AS {parsed(c.name)}" if c.name in referenced else parsed(c.name) for c in columns
    )
    value_any, value_list = _problem_list(row_checks(dataset, params), params)
    problems = (
        "CASE WHEN _skip = 0 AND _why IS NOT NULL THEN [{'c': _why_column, 'm': _why}]"
        f" WHEN _skip = 0 AND ({value_any}) THEN {value_list}"
    )
    if dataset.references:
        ref_any, ref_list = _problem_list(reference_checks(dataset, params), params)
        problems += f" WHEN _skip = 0 AND ({ref_any}) THEN {ref_list}"
    con.execute(
        f"CREATE TABLE parsed_{name} AS SELECT _row, _file, _line, _skip, {stored}, {problems} END AS _problems"
        f" FROM ({parse}) t{joins}",
        rows[1] | params.values | ({"key": key} if "$key" in joins else {}),
    )
    con.execute(
        f"INSERT INTO rejects SELECT $dataset, _row, _file, _line, p.c, {masked_text('p.m')} FROM"
        f" (SELECT _row, _file, _line, unnest(_problems) AS p FROM parsed_{name} WHERE _problems IS NOT NULL)",
        {"dataset": name},
    )
    _reject_duplicates(con, dataset)
    con.execute(
        f"CREATE VIEW ok_{name} AS SELECT * EXCLUDE (_skip, _problems) FROM parsed_{name} WHERE {GOOD}"
        f" AND _row NOT IN (SELECT _row FROM rejects WHERE dataset = '{name}')"
    )
    _warn(con, dataset)
    if name in TARGETS:
        column = dataset.column(TARGETS[name])
        value = pseudonym_sql(parsed(column.name)) if column.kind == NIP else parsed(column.name)
        key_sql = match_key(column, parsed(column.name))
        con.execute(
            f"CREATE TABLE keys_{name} AS SELECT {key_sql} AS _key, {value} AS _value FROM ok_{name}",
            {"key": key} if column.kind == NIP else None,
        )


def discard(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> None:
    """Undo validate_dataset for a dataset: drop its tables and views and delete its rejects and warnings."""
    name = dataset.name
    con.execute("DELETE FROM rejects WHERE dataset = $d", {"d": name})
    con.execute("DELETE FROM warnings WHERE dataset = $d", {"d": name})
    con.execute(f"DROP TABLE IF EXISTS keys_{name}")
    con.execute(f"DROP VIEW ok_{name}")
    con.execute(f"DROP TABLE parsed_{name}")


def _reject_duplicates(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> None:
    """Reject every later row with the key of an earlier good row (the first row wins).

    Only keys that occur more than once are ranked, so the usual case is one grouping pass."""
    if not dataset.key:
        return
    key = ", ".join(dataset.key)
    # A referring column already holds its target's spelling (validate_dataset), and has no match rule.
    parts = [f"{match_key(dataset.column(k), parsed(k))} AS _k{i}" for i, k in enumerate(dataset.key)]
    names = ", ".join(f"_k{i}" for i in range(len(parts)))
    keyed = f"SELECT _row, _file, _line, {', '.join(parts)} FROM parsed_{dataset.name} WHERE {GOOD}"
    same = " AND ".join(f"t._k{i} IS NOT DISTINCT FROM d._k{i}" for i in range(len(parts)))
    duplicate = (
        "concat('Data ganda untuk kunci (', $column, '): baris ini diabaikan, yang dipakai baris ',"
        " first_line, ' di file ', first_file, '.')"
    )
    con.execute(
        "INSERT INTO rejects SELECT $dataset, _row, _file, _line, $column,"
        f" {masked_text(duplicate)}"
        " FROM (SELECT _row, _file, _line, first_value(_line) OVER w AS first_line,"
        " first_value(_file) OVER w AS first_file, row_number() OVER w AS n"
        f" FROM ({keyed}) t SEMI JOIN (SELECT {names} FROM ({keyed}) GROUP BY ALL HAVING count(*) > 1) d ON {same}"
        f" WINDOW w AS (PARTITION BY {names} ORDER BY _row)) WHERE n > 1",
        {"dataset": dataset.name, "column": key},
    )
