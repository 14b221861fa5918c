"""Survey forms as a source: a Google-Forms-style SKM export (the question text as header, answers like
"4. Sangat Sesuai" or "Sangat Baik", a timestamp column) loads as survei_kepuasan once the unit and city are
known (a column, or chosen on upload), questions matched to U1..U9 by their wording, and the load report
shows the match. The questions are those of the PermenPANRB 14/2017 questionnaire; the people are made up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import minimal_rows, query, write_folder
from streamlit.testing.v1 import AppTest

import domain
from access.credentials import new_hash
from analytics.queries.db import open_warehouse
from analytics.texts import t
from etl import intake, pipeline, skm_form
from settings import SOURCE_ENV, WAREHOUSE_ENV

QUESTIONS = [
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar"
    " pelayanan dengan hasil yang diberikan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
]
ANSWERS = [  # two respondents, answers as forms write them, and what they are on the 1-4 scale
    (["4. Sangat Sesuai", "Sangat Mudah", "c. Cepat", "Gratis", "4", "Sangat Kompeten", "Sopan dan Ramah",
      "Baik", "Dikelola dengan baik"], [4, 4, 3, 4, 4, 4, 3, 3, 4]),
    (["Kurang sesuai", "2. Kurang Mudah", "Tidak Cepat", "Cukup Mahal", "Sesuai", "Kompeten", "Sangat Sopan dan Ramah",
      "Sangat Baik", "Ada tetapi tidak berfungsi"], [2, 2, 1, 2, 3, 3, 4, 4, 2]),
]  # fmt: skip
HEADER = ["Timestamp", "Nama (boleh dikosongkan)", "No. HP", "Kota", "Unit layanan", *QUESTIONS, "Saran"]


def form_rows(with_unit: bool = True) -> list[list[str]]:
    """Return the form's header and rows; with_unit False leaves out the Kota and Unit layanan columns."""
    rows = [HEADER]
    for i, (answers, _) in enumerate(ANSWERS):
        rows.append([f"2024/05/0{i + 1} 8:30:12 AM GMT+7", "Ani", "0812345678", "Pontianak", "Disdukcapil",
                     *answers, "Tambah kursi"])  # fmt: skip
    if not with_unit:
        rows = [r[:3] + r[5:] for r in rows]
    return rows


def csv_text(rows: list[list[str]]) -> str:
    return "\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\n"


def folder_with(tmp_path: Path) -> Path:
    rows = minimal_rows()
    rows.pop("peserta")
    return write_folder(tmp_path / "sumber", rows)


# The questionnaire asks about sarana (U9) eighth and pengaduan (U8) ninth: matched by wording, not position.
UNSUR_OF_QUESTION = [1, 2, 3, 4, 5, 6, 7, 9, 8]


def expected() -> list[tuple]:
    by_unsur = [{u: n for u, n in zip(UNSUR_OF_QUESTION, numbers, strict=True)} for _, numbers in ANSWERS]
    return [("Pontianak", "Disdukcapil", *(row[u] for u in range(1, 10))) for row in by_unsur]


def stored(db: Path) -> list[tuple]:
    sql = "SELECT kota, opd, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM raw_survei_kepuasan ORDER BY tanggal"
    return query(db, sql)


def test_a_google_forms_export_loads_as_survei_kepuasan_with_its_questions_matched(tmp_path):
    folder = folder_with(tmp_path)
    (folder / "Survei Kepuasan Masyarakat (Jawaban).csv").write_text(csv_text(form_rows()), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    report = pipeline.load(folder, db)
    assert report.errors == []
    assert stored(db) == expected()
    assert query(db, "SELECT tanggal::VARCHAR FROM raw_survei_kepuasan ORDER BY tanggal") == [
        ("2024-05-01",),
        ("2024-05-02",),
    ]
    notes = next(f["notes"] for f in report.files if f["dataset"] == "survei_kepuasan")
    assert next(f["mapping"] for f in report.files if f["dataset"] == "survei_kepuasan") == skm_form.LABEL
    match = next(n for n in notes if n.startswith("pertanyaan dicocokkan"))
    for unsur, question in zip(UNSUR_OF_QUESTION, QUESTIONS, strict=True):
        assert f"U{unsur} <- {question}" in match


def test_a_form_never_stores_the_respondents_name_or_phone(tmp_path):
    folder = folder_with(tmp_path)
    (folder / "skm.csv").write_text(csv_text(form_rows()), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    pipeline.load(folder, db)
    tables = [r[0] for r in query(db, "SELECT table_name FROM duckdb_tables()")]
    text = str([query(db, f"SELECT * FROM {t}") for t in tables])
    assert "Ani" not in text and "0812345678" not in text


def test_a_workbook_form_loads_the_same(tmp_path):
    folder = folder_with(tmp_path)
    book = openpyxl.Workbook()
    for row in form_rows():
        book.active.append(row)
    book.save(folder / "Formulir SKM.xlsx")
    db = tmp_path / "w.duckdb"
    assert pipeline.load(folder, db).errors == []
    assert stored(db) == expected()


def test_a_form_without_unit_columns_loads_once_the_unit_is_chosen_on_upload(tmp_path):
    content = csv_text(form_rows(with_unit=False)).encode()
    source = folder_with(tmp_path)
    first = intake.preview([("skm_mei.csv", content)], source)
    assert first.needs_unit == ["skm_mei.csv"]
    assert first.report.datasets["survei_kepuasan"]["rows_rejected"] == 2  # no kota, no opd yet
    chosen = [("skm_mei.csv", content), skm_form.unit_file("skm_mei.csv", "Pontianak", "Disdukcapil")]
    second = intake.preview(chosen, source)
    assert second.uploads == {"skm_mei.csv": "survei_kepuasan"}
    assert second.report.datasets["survei_kepuasan"]["rows_loaded"] == 2
    db = tmp_path / "w.duckdb"
    assert intake.commit(chosen, source, db).errors == []
    assert stored(db) == expected()


def test_an_answer_off_the_scale_is_rejected_with_its_row_and_unsur(tmp_path):
    rows = form_rows()
    rows[2][5 + 3] = "Mahal sekali"  # U4 of the second respondent (row 3 of the file)
    folder = folder_with(tmp_path)
    (folder / "skm.csv").write_text(csv_text(rows), encoding="utf-8")
    report = pipeline.check(folder, collect_rejects=True)
    assert [(r["file"], r["line"], r["column_name"]) for r in report.rejects] == [("skm.csv", 3, "u4")]
    assert report.datasets["survei_kepuasan"]["rows_loaded"] == 1


@pytest.mark.parametrize(
    ("written", "unsur", "value"),
    [("4. Sangat Sesuai", "u1", 4), ("d. Sangat sesuai", "u5", 4), ("Sangat Baik", "u9", 4), ("Sangat Baik", "u1", 4),
     ("1", "u3", 1), ("a) Tidak sesuai", "u1", 1), ("  kurang   MUDAH ", "u2", 2), ("Murah", "u4", 3),
     ("Sedang", "u1", None), ("3. Berfungsi kurang maksimal", "u8", 3), ("Ada tapi tidak berfungsi", "u8", 2),
     ("Sopan & Ramah", "u7", 3), ("Kurang sopan", "u7", 2), ("Tidak ada", "u8", 1), ("Tidak ada", "u4", None),
     ("Cukup", "u9", 2), ("Cukup", "u4", None), ("", "u1", None)],
)  # fmt: skip
def test_answers_are_read_on_their_unsurs_scale_as_words_numbers_or_letters(written, unsur, value):
    assert skm_form.read_answer(written, unsur).value == value


@pytest.mark.parametrize("unsur", range(1, 10))
def test_every_option_of_the_questionnaire_reads_as_its_place_on_its_unsur(unsur):
    options = domain.IKM_OPTIONS[unsur - 1]
    for value, option in enumerate(options, start=1):
        for written in (option, option.upper(), f"{value}. {option}", f"{'abcd'[value - 1]}. {option}"):
            assert skm_form.read_answer(written, f"u{unsur}") == (value, None), written


def test_a_spreadsheet_that_is_no_form_is_not_taken_for_one(tmp_path):
    folder = write_folder(tmp_path / "s", minimal_rows())
    assert all(skm_form.sniff(p) is None for p in folder.iterdir())


def test_the_upload_page_asks_for_the_unit_of_a_form_without_one_and_loads_it(tmp_path, monkeypatch):
    root = Path(__file__).resolve().parent.parent
    source, db = folder_with(tmp_path), tmp_path / "gudang" / "w.duckdb"
    assert pipeline.load(source, db).errors == []
    monkeypatch.setenv(WAREHOUSE_ENV, str(db))
    monkeypatch.setenv(SOURCE_ENV, str(source))
    monkeypatch.chdir(root)
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
    at.secrets["admin"] = {"password_scrypt": new_hash("rahasia")}
    at.run()
    at.switch_page("views/unggah.py").run()
    at.text_input(key="admin_password").input("rahasia")
    at = at.button[0].click().run()
    content = csv_text(form_rows(with_unit=False)).encode()
    at.get("file_uploader")[0].set_value([("skm_mei.csv", content, "text/csv")]).run()
    assert not at.exception
    assert [i.value for i in at.info] == [t("in_form_unit", "id", file="skm_mei.csv")]
    at.text_input(key="unggah_kota_skm_mei.csv").input("Pontianak").run()
    at.text_input(key="unggah_opd_skm_mei.csv").input("Disdukcapil").run()
    assert not at.exception
    at.button(key="unggah_confirm").click().run()
    assert not at.exception
    con = open_warehouse(db)  # the app holds the file open in this process: the same settings
    try:
        got = con.execute(
            "SELECT kota, opd, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM raw_survei_kepuasan ORDER BY tanggal"
        )
        assert got.fetchall() == expected()
    finally:
        con.close()
    assert (source / "skm_mei.csv.unit.json").exists()


# Each answer is read on its own unsur's scale: the four options of the PermenPANRB 14/2017 questionnaire for that
# unsur (domain.IKM_OPTIONS). Three respondents, answers in question order (the eighth question is sarana, U9; the
# ninth pengaduan, U8), and what each is worth on its unsur's scale.
SCALE_ANSWERS = [
    (["Sangat sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik",
      "Berfungsi kurang maksimal"], [4, 3, 3, 4, 3, 3, 3, 3, 3]),
    (["Sesuai", "Sangat mudah", "Kurang cepat", "Murah", "Sesuai", "Sangat kompeten", "Sangat sopan dan ramah",
      "Cukup", "3. Berfungsi kurang maksimal"], [3, 4, 2, 3, 3, 4, 4, 2, 3]),
    (["Sesuai", "Mudah", "Cepat", "Gratis", "Sangat sesuai", "Kompeten", "Sopan dan ramah", "Sangat baik",
      "Dikelola dengan baik"], [3, 3, 3, 4, 4, 3, 3, 4, 4]),
]  # fmt: skip
U1_OPTIONS = "Pilihan U1: 1 Tidak sesuai, 2 Kurang sesuai, 3 Sesuai, 4 Sangat sesuai."
U8_OPTIONS = (
    "Pilihan U8: 1 Tidak ada, 2 Ada tetapi tidak berfungsi, 3 Berfungsi kurang maksimal, 4 Dikelola dengan baik."
)
U9_OPTIONS = "Pilihan U9: 1 Buruk, 2 Cukup, 3 Baik, 4 Sangat baik."


def scale_form(tmp_path: Path, changes: dict[tuple[int, int], str] | None = None) -> Path:
    """Write the three respondents of SCALE_ANSWERS as a form of one unit of Pontianak (file rows 2-4), with
    `changes` ((respondent, question) -> answer, both from 0), into a source folder; return the folder."""
    rows = [HEADER]
    for r, (written, _) in enumerate(SCALE_ANSWERS):
        answers = [(changes or {}).get((r, q), a) for q, a in enumerate(written)]
        rows.append([f"2024/05/0{r + 1} 9:00:00 AM GMT+7", "", "", "Pontianak", "Disdukcapil", *answers, ""])
    folder = folder_with(tmp_path)
    (folder / "skm.csv").write_text(csv_text(rows), encoding="utf-8")
    return folder


def rejected_rows(folder: Path) -> list[tuple[str, int]]:
    """Return (file, row) of every survey row the real pipeline rejects in `folder`."""
    return sorted({(r["file"], r["line"]) for r in pipeline.check(folder, collect_rejects=True).rejects})


def form_problems(folder: Path) -> dict[int, str]:
    """Return file row -> why the form mapping could not read that respondent's answers."""
    rows, _ = skm_form.to_contract(folder / "skm.csv")
    return {line: row[skm_form.PROBLEM][1] for line, row in rows if skm_form.PROBLEM in row}


def test_berfungsi_kurang_maksimal_is_3_for_pengaduan_and_the_ikm_follows_the_regulation(tmp_path):
    db = tmp_path / "w.duckdb"
    report = pipeline.load(scale_form(tmp_path), db)
    assert report.errors == [] and report.datasets["survei_kepuasan"]["rows_rejected"] == 0
    assert query(db, "SELECT u8, u9 FROM raw_survei_kepuasan ORDER BY tanggal") == [(3, 3), (3, 2), (4, 4)]
    # By hand, PermenPANRB 14/2017: NRR per unsur = sum / number of answers; IKM = 25 x (sum of the nine NRR) / 9.
    # U1..U9 sums: 10, 10, 8, 11, 10, 10, 10, 10 (pengaduan: 3 + 3 + 4), 9 (sarana: 3 + 2 + 4), three answers each:
    # sum of NRR = 88/3, IKM = 25 x 88 / 27 = 81,48 (reading "Berfungsi kurang maksimal" as 2 gave 80,56).
    by_unsur = [dict(zip(UNSUR_OF_QUESTION, values, strict=True)) for _, values in SCALE_ANSWERS]
    nrr = [sum(row[u] for row in by_unsur) / len(by_unsur) for u in range(1, 10)]
    assert round(25 * sum(nrr) / 9, 2) == 81.48
    assert query(db, "SELECT ikm FROM ringkasan_kota_tahun WHERE kota = 'Pontianak' AND tahun = 2024") == [(81.48,)]


def test_a_word_of_another_unsurs_scale_is_rejected_there_with_that_unsurs_options(tmp_path):
    # U1 persyaratan of file row 3 answered with a word of biaya/tarif; U9 sarana of row 4 with one of pengaduan.
    folder = scale_form(tmp_path, {(1, 0): "Gratis", (2, 7): "Berfungsi kurang maksimal"})
    assert rejected_rows(folder) == [("skm.csv", 3), ("skm.csv", 4)]
    problems = form_problems(folder)
    assert sorted(problems) == [3, 4]
    assert problems[3] == (
        f"Jawaban 'Gratis' di kolom '{QUESTIONS[0]}' (U1 Persyaratan): bukan salah satu pilihan unsur ini (kata itu"
        f" pilihan U4). {U1_OPTIONS}"
    )
    assert problems[4] == (
        f"Jawaban 'Berfungsi kurang maksimal' di kolom '{QUESTIONS[7]}' (U9 Sarana dan Prasarana): bukan salah satu"
        f" pilihan unsur ini (kata itu pilihan U8). {U9_OPTIONS}"
    )


def test_a_number_that_disagrees_with_its_word_is_rejected(tmp_path):
    # U8 pengaduan of row 2 numbered 2 but worth 3; U1 of row 4 lettered d (4) but worth 2.
    folder = scale_form(tmp_path, {(0, 8): "2. Berfungsi kurang maksimal", (2, 0): "d. Kurang sesuai"})
    assert rejected_rows(folder) == [("skm.csv", 2), ("skm.csv", 4)]
    problems = form_problems(folder)
    assert problems[2] == (
        f"Jawaban '2. Berfungsi kurang maksimal' di kolom '{QUESTIONS[8]}' (U8 Penanganan Pengaduan, Saran dan"
        f" Masukan): angka 2 tidak sesuai dengan 'berfungsi kurang maksimal', yang bernilai 3 pada unsur ini."
        f" {U8_OPTIONS}"
    )
    assert problems[4].startswith(f"Jawaban 'd. Kurang sesuai' di kolom '{QUESTIONS[0]}' (U1 Persyaratan): huruf d")
    assert problems[4].endswith(f"yang bernilai 2 pada unsur ini. {U1_OPTIONS}")


def test_the_reject_list_says_why_an_answer_is_not_an_option_of_its_unsur(tmp_path):
    folder = scale_form(tmp_path, {(1, 0): "Gratis"})
    [reject] = pipeline.check(folder, collect_rejects=True).rejects
    assert (reject["file"], reject["line"]) == ("skm.csv", 3)
    assert reject["reason"] == form_problems(folder)[3]
    assert QUESTIONS[0] in reject["reason"] and reject["reason"].endswith(U1_OPTIONS)
