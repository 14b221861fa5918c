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
    ("written", "value"),
    [("4. Sangat Sesuai", "4"), ("d. Sangat sesuai", "4"), ("Sangat Baik", "4"), ("1", "1"), ("a) Tidak sesuai", "1"),
     ("  kurang   MUDAH ", "2"), ("Murah", "3"), ("Sedang", "Sedang")],
)  # fmt: skip
def test_answers_are_read_as_numbers_letters_or_the_words_of_the_scale(written, value):
    assert skm_form.answer(written) == value


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
