"""Survey forms as a source: a Google-Forms-style SKM export (one column per question with the question's text
as its header, answers like "4. Sangat Sesuai" or "Sangat Baik", a timestamp column) read as survei_kepuasan.

A form is recognised by its columns: a timestamp and questions whose wording names at least MIN_MATCHED of
the nine unsur of PermenPANRB 14/2017 (UNSUR_WORDS). The unit and city come from a column of the form, or,
when it has none, from a small file beside it, `<form file>.unit.json` ({"kota": ..., "opd": ...}) written
when they are chosen on upload (etl/intake.py). Each answer is read on its own unsur's scale (`scale`): the four
options the PermenPANRB 14/2017 questionnaire gives that unsur (domain.IKM_OPTIONS), so "Berfungsi kurang
maksimal" is 3 for pengaduan and not an answer to sarana. A leading number or letter ("3. Berfungsi kurang
maksimal", "c. Cepat") must agree with the word. An answer that cannot be read so is passed on as written (the
validator rejects its row) and the row carries why under PROBLEM, with the column as the file names it and the
unsur's four options. Other columns (a respondent's name, phone, age) are never read. The load report shows which
question went to which unsur.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import domain
from etl import siasn

# Words of a question that name its unsur, in the order they are tried (a question on "kesesuaian produk
# dengan standar pelayanan" is U5, not U1; "pengaduan" wins over everything).
UNSUR_WORDS: tuple[tuple[str, str], ...] = (
    ("u8", r"pengaduan|saran dan masukan|keluhan"),
    ("u4", r"biaya|tarif"),
    ("u9", r"sarana|prasarana|fasilitas"),
    ("u6", r"kompetensi|kemampuan petugas|keahlian"),
    ("u7", r"perilaku|kesopanan|keramahan|sikap petugas"),
    ("u3", r"waktu|kecepatan|lama pelayanan"),
    ("u2", r"prosedur|mekanisme|alur"),
    ("u5", r"produk|spesifikasi|hasil pelayanan|standar pelayanan"),
    ("u1", r"persyaratan|syarat"),
)
MIN_MATCHED = 5  # questions that must name an unsur before a file counts as a survey form
TIMESTAMP = r"timestamp|stempel waktu|cap waktu|tanda waktu|waktu pengisian"
KOTA_COLUMN = r"^(kota|kabupaten/kota|kota/kabupaten|nama kota)$"
OPD_COLUMN = r"^(opd|unit layanan|unit pelayanan|unit kerja|nama unit|perangkat daerah|instansi)( yang dinilai)?$"
# Words forms write for an unsur's options besides the questionnaire's own, as people and form tools shorten them
# (value 1-4 by unsur): U7 without "dan ramah", U8 with "tapi" for "tetapi".
SHORT_FORMS: dict[str, dict[str, int]] = {
    "u7": {"tidak sopan": 1, "kurang sopan": 2, "sopan": 3, "sangat sopan": 4},
    "u8": {"ada tapi tidak berfungsi": 2},
}
# Satisfaction words that mean the same on every unsur's scale (forms that use one scale for all nine questions):
# the generic puas and baik scales, and sarana's own Buruk/Cukup/Baik/Sangat baik. NOT_GENERIC holds the words that
# would be ambiguous on an unsur: "cukup" on biaya/tarif can be "cukup mahal" (2) or "cukup murah" (3).
GENERIC: dict[str, int] = {
    **dict(zip(("tidak puas", "kurang puas", "puas", "sangat puas"), range(1, 5), strict=True)),
    **dict(zip(("tidak baik", "kurang baik", "baik", "sangat baik"), range(1, 5), strict=True)),
    **dict(zip(("buruk", "cukup", "baik", "sangat baik"), range(1, 5), strict=True)),
}
NOT_GENERIC: dict[str, frozenset[str]] = {"u4": frozenset({"cukup"})}
PROBLEM = siasn.PROBLEM  # key of a form row whose answers cannot be read: (column, why in Indonesian), rejected so
LABEL = "formulir SKM (Google Forms)"


def _words(text: object) -> str:
    """Return a header or answer in lower case with single spaces."""
    return " ".join(str(text or "").lower().split())


def unsur_of(question: object) -> str | None:
    """Return the unsur (u1..u9) a question's wording names, or None."""
    words = _words(question)
    return next((u for u, pattern in UNSUR_WORDS if re.search(pattern, words)), None)


def match_questions(header: list[object]) -> dict[str, int]:
    """Return unsur -> column index for a form's header: the first question naming each unsur."""
    found: dict[str, int] = {}
    for i, question in enumerate(header):
        if re.search(TIMESTAMP, _words(question)) or re.search(KOTA_COLUMN, _words(question)):
            continue
        unsur = unsur_of(question)
        if unsur and unsur not in found:
            found[unsur] = i
    return found


def is_form(header: list[object]) -> bool:
    """Return True when a header is a survey form's: a timestamp column and questions naming MIN_MATCHED unsur."""
    return any(re.search(TIMESTAMP, _words(h)) for h in header) and len(match_questions(header)) >= MIN_MATCHED


class Reading(NamedTuple):
    """An answer read on its unsur's scale: `value` 1-4, None when blank or unreadable; `why` (an Indonesian
    clause) when it cannot be read, else None."""

    value: int | None
    why: str | None = None


NUMBERED = r"^([1-4])(?:\s*[.):-]\s*|\s+|$)(.*)$"  # "4. Sangat sesuai", "4 - Sangat sesuai", "4"
LETTERED = r"^([a-d])\s*[.)]\s*(.*)$"  # "d. Sangat sesuai", "a) Tidak sesuai"


def _answer_key(text: str) -> str:
    """Return an answer's words as scales are keyed: lower case, "&" as "dan", no commas, single spaces, no
    surrounding quotes, brackets or final full stop."""
    return _words(text.replace("&", " dan ").replace(",", " ")).strip(" .\"'()")


def _scale(unsur: str) -> dict[str, int]:
    """Return the words an answer to `unsur` may be, each with its value 1-4: the GENERIC words not ambiguous on it,
    its SHORT_FORMS and, first of all, the questionnaire's four options for it (domain.IKM_OPTIONS)."""
    options = domain.IKM_OPTIONS[int(unsur[1:]) - 1]
    generic = {w: v for w, v in GENERIC.items() if w not in NOT_GENERIC.get(unsur, frozenset())}
    return generic | SHORT_FORMS.get(unsur, {}) | {_answer_key(o): v for v, o in enumerate(options, start=1)}


SCALES: dict[str, dict[str, int]] = {f"u{n}": _scale(f"u{n}") for n in range(1, domain.IKM_UNSUR + 1)}


def scale(unsur: str) -> dict[str, int]:
    """Return the words (as _answer_key writes them) an answer to `unsur` (u1..u9) may be, with their value 1-4."""
    return SCALES[unsur]


def _parts(written: str) -> tuple[str | None, int | None, str]:
    """Return an answer's leading number or letter as written ("angka 3", "huruf c"; None when it has none), its
    value 1-4 (None), and the words after it as scales are keyed."""
    words = _words(written)
    if numbered := re.match(NUMBERED, words):
        return f"angka {numbered.group(1)}", int(numbered.group(1)), _answer_key(numbered.group(2))
    if lettered := re.match(LETTERED, words):
        letter = lettered.group(1)
        return f"huruf {letter}", "abcd".index(letter) + 1, _answer_key(lettered.group(2))
    return None, None, _answer_key(words)


def _options_of(words: str) -> list[str]:
    """Return the unsur (U1..U9) whose questionnaire options include `words`."""
    return [f"U{n}" for n, options in enumerate(domain.IKM_OPTIONS, start=1) if words in map(_answer_key, options)]


def read_answer(written: str | None, unsur: str) -> Reading:
    """Return an answer to `unsur` (u1..u9) read on that unsur's scale: a word of `scale(unsur)` ("Berfungsi kurang
    maksimal" is 3 for u8), a number 1-4 or letter a-d alone, or both when they agree ("3. Berfungsi kurang
    maksimal"). A blank answer reads as None; anything else is Reading(None, why)."""
    if written is None or not written.strip():
        return Reading(None)
    prefix, number, words = _parts(written)
    if number is not None and not words:
        return Reading(number)
    value = scale(unsur).get(words)
    if value is None:
        elsewhere = [u for u in _options_of(words) if u != unsur.upper()]
        hint = f" (kata itu pilihan {', '.join(elsewhere)})" if elsewhere else ""
        return Reading(None, f"bukan salah satu pilihan unsur ini{hint}")
    if number is not None and number != value:
        return Reading(None, f"{prefix} tidak sesuai dengan '{words}', yang bernilai {value} pada unsur ini")
    return Reading(value)


def problem(written: str, unsur: str, column: object, why: str) -> str:
    """Return the Indonesian reason a form row is rejected for one answer: the answer, the column as the file
    names it, the unsur, why, and the unsur's four options with their values."""
    n = int(unsur[1:])
    options = ", ".join(f"{v} {o}" for v, o in enumerate(domain.IKM_OPTIONS[n - 1], start=1))
    where = f"di kolom '{str(column).strip()}' (U{n} {domain.IKM_UNSUR_NAMES[n - 1]})"
    return f"Jawaban '{written.strip()}' {where}: {why}. Pilihan U{n}: {options}."


def _read_row(values: list[str | None], matched: dict[str, int], header: list[object]) -> dict:
    """Return a respondent's answers as u1..u9 (1-4 as text, None when blank; an unreadable answer as written, so
    the validator rejects the row even without its reason) and, when any cannot be read, (the column of the first,
    why) under PROBLEM."""
    row: dict = {}
    problems, first = [], None
    for unsur, i in matched.items():
        written = values[i] if i < len(values) else None
        reading = read_answer(written, unsur)
        if reading.why:
            row[unsur] = written
            first = first or unsur
            problems.append(problem(str(written), unsur, header[i], reading.why))
        else:
            row[unsur] = None if reading.value is None else str(reading.value)
    if problems:
        row[PROBLEM] = (first, " ".join(problems))  # the first unreadable answer's column; every answer's why
    return row


def tanggal(value: str | None) -> str | None:
    """Return a form timestamp's date as the validator reads dates: '2024/05/01 8:30:12 AM GMT+7' ->
    2024-05-01; '01/05/2024 08:30:12' -> 01/05/2024 (dd/mm/yyyy, as an Indonesian sheet writes it)."""
    if value is None:
        return None
    date = value.strip().split(" ")[0]
    iso = re.match(r"^([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})$", date)
    return f"{iso.group(1)}-{int(iso.group(2)):02d}-{int(iso.group(3)):02d}" if iso else date


@dataclass(frozen=True)
class FormKind:
    """The survey form as a source kind (read like a SIASN kind: label, datasets, what it assumed)."""

    name: str = "skm_form"
    label: str = LABEL
    datasets: tuple[str, ...] = ("survei_kepuasan",)
    assumed: str = (
        "jawaban 1-4 pada skala unsurnya: empat pilihan kuesioner PermenPANRB 14/2017 untuk unsur itu (angka 1-4 atau"
        " huruf a-d di depannya harus sesuai dengan katanya); tanggal dari cap waktu."
    )


FORM = FormKind()


SIDECAR_SUFFIX = ".unit.json"


def sidecar(path: Path) -> Path:
    """Return where the unit and city chosen for a form without those columns are kept."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def is_sidecar(name: str) -> bool:
    """Return True for the name of a file that records the unit and city chosen for a form."""
    return name.endswith(SIDECAR_SUFFIX)


def needs_unit(path: Path) -> bool:
    """Return True when a survey form has no kota or no unit column (so they are chosen on upload)."""
    header = (
        siasn.csv_header(path)
        if path.suffix.lower() == ".csv"
        else next((row for row in siasn.first_rows(path) if is_form(row)), [])
    )
    words = [_words(h) for h in header]
    has_columns = any(re.search(KOTA_COLUMN, w) for w in words) and any(re.search(OPD_COLUMN, w) for w in words)
    return not has_columns


def unit_file(form: str, kota: str, opd: str) -> tuple[str, bytes]:
    """Return (name, content) of the file that records the unit and city chosen for the form named `form`."""
    return sidecar(Path(form)).name, json.dumps({"kota": kota, "opd": opd}, ensure_ascii=False).encode()


def sniff(path: Path) -> FormKind | None:
    """Return FORM when the file is a survey form (by its first row), else None."""
    try:
        if path.suffix.lower() == ".xlsx":
            return FORM if any(is_form(row) for row in siasn.first_rows(path)) else None
        if path.suffix.lower() == ".csv":
            return FORM if is_form(siasn.csv_header(path)) else None
    except Exception:  # unreadable (calamine raises several types): not a form
        return None
    return None


def to_contract(path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """Return (line, survei_kepuasan row as text) for every answer of a form, and the notes for the load
    report (the match of every question, where unit and city came from)."""
    records = siasn.read_records(path, header_test=is_form)
    header = records.raw_header
    matched = match_questions(header)
    column = {_words(h): i for i, h in enumerate(header)}
    stamp = next(i for i, h in enumerate(header) if re.search(TIMESTAMP, _words(h)))
    kota_at = next((i for h, i in column.items() if re.search(KOTA_COLUMN, h)), None)
    opd_at = next((i for h, i in column.items() if re.search(OPD_COLUMN, h)), None)
    chosen = json.loads(sidecar(path).read_text(encoding="utf-8")) if sidecar(path).exists() else {}
    rows = []
    for line, values in zip(records.lines, records.raw_rows, strict=True):
        row = _read_row(values, matched, header)
        row["tanggal"] = tanggal(values[stamp] if stamp < len(values) else None)
        row["kota"] = values[kota_at] if kota_at is not None and kota_at < len(values) else chosen.get("kota")
        row["opd"] = values[opd_at] if opd_at is not None and opd_at < len(values) else chosen.get("opd")
        rows.append((line, row))
    notes = [f"pertanyaan dicocokkan: {'; '.join(f'{u.upper()} <- {header[i]!s}' for u, i in sorted(matched.items()))}"]
    if missing := [f"U{n}" for n in range(1, 10) if f"u{n}" not in matched]:
        notes.append(f"unsur tanpa pertanyaan: {', '.join(missing)} (dibiarkan kosong).")
    where = "kolom formulir" if kota_at is not None and opd_at is not None else "pilihan saat unggah"
    notes.append(f"kota dan unit layanan dari {where}.")
    return rows, notes
