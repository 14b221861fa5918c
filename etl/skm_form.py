"""Survey forms as a source: a Google-Forms-style SKM export (one column per question with the question's text
as its header, answers like "4. Sangat Sesuai" or "Sangat Baik", a timestamp column) read as survei_kepuasan.

A form is recognised by its columns: a timestamp and questions whose wording names at least MIN_MATCHED of
the nine unsur of PermenPANRB 14/2017 (UNSUR_WORDS). The unit and city come from a column of the form, or,
when it has none, from a small file beside it, `<form file>.unit.json` ({"kota": ..., "opd": ...}) written
when they are chosen on upload (etl/intake.py). Answers become 1-4 (ANSWERS); anything else is passed on as
written, and the validator rejects it with its row. Other columns (a respondent's name, phone, age) are never
read. The load report shows which question went to which unsur.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

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
# The answer scale of PermenPANRB 14/2017's questionnaire, in the words each unsur uses (1 worst, 4 best).
ANSWERS: dict[str, int] = {
    **dict.fromkeys(("tidak sesuai", "tidak mudah", "tidak cepat", "sangat mahal", "tidak kompeten"), 1),
    **dict.fromkeys(("tidak sopan dan ramah", "tidak sopan", "buruk", "tidak baik", "tidak puas", "tidak ada"), 1),
    **dict.fromkeys(("kurang sesuai", "kurang mudah", "kurang cepat", "cukup mahal", "kurang kompeten"), 2),
    **dict.fromkeys(("kurang sopan dan ramah", "kurang sopan", "cukup", "kurang baik", "kurang puas"), 2),
    **dict.fromkeys(("ada tetapi tidak berfungsi", "berfungsi kurang maksimal"), 2),
    **dict.fromkeys(("sesuai", "mudah", "cepat", "murah", "kompeten", "sopan dan ramah", "baik", "puas"), 3),
    **dict.fromkeys(("sangat sesuai", "sangat mudah", "sangat cepat", "gratis", "sangat kompeten"), 4),
    **dict.fromkeys(("sangat sopan dan ramah", "sangat baik", "sangat puas", "dikelola dengan baik"), 4),
}
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


def answer(value: str | None) -> str | None:
    """Return an answer as 1-4: "4. Sangat Sesuai", "d. Sangat sesuai", "Sangat Baik", "3"; else as written."""
    if value is None:
        return None
    words = _words(value)
    numbered = re.match(r"^([1-4])\s*[.)-]?(\s|$)", words)
    if numbered:
        return numbered.group(1)
    lettered = re.match(r"^([a-d])\s*[.)]\s*(.*)$", words)
    if lettered:
        return str("abcd".index(lettered.group(1)) + 1)
    return str(ANSWERS[words]) if words in ANSWERS else value


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
    assumed: str = "jawaban 1-4 dari angka, huruf a-d atau kata skala PermenPANRB 14/2017; tanggal dari cap waktu."


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
        row = {u: answer(values[i] if i < len(values) else None) for u, i in matched.items()}
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
