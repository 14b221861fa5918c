"""`python -m analytics export`: the files a secretary scripts, on the hand-computed scorecard fixture,
run as a real subprocess."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import query
from openpyxl import load_workbook
from pptx import Presentation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def warehouse(scorecard_warehouse: Path) -> Path:
    """The session's scorecard warehouse (tests/conftest.py)."""
    return scorecard_warehouse


def export(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "export", "--db", str(db), *args],
        cwd=ROOT,
        env={**os.environ, "ASN_MIN_GROUP": "1"},  # the fixture's groups are tiny; tests/test_privacy.py checks '<5'
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_xlsx_for_repeated_kota_holds_those_cities_numbers(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "data.xlsx"
    done = export(
        warehouse, "--kota", "Pontianak", "--kota", "Jambi", "--tahun", "2024", "--format", "xlsx", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(out)["tren_20jp"].iter_rows(min_row=5, values_only=True))
    expected = query(
        warehouse,
        "SELECT kota, tahun, jumlah_pns, pns_memenuhi_20jp, persen_20jp FROM ringkasan_kota_tahun "
        "WHERE kota IN ('Pontianak', 'Jambi') ORDER BY kota, tahun",
    )
    assert sorted(rows) == [tuple(r) for r in expected]
    assert ("Pontianak", 2024, 1, 1, 100.0) in rows  # the hand-computed value of test_scorecard


@pytest.mark.browser  # the deck's chart images: kaleido and Chromium
def test_pptx_in_english_has_a_slide_per_section(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    done = export(
        warehouse, "--kota", "Pontianak", "--tahun", "2024", "--format", "pptx", "--lang", "en", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    deck = Presentation(io.BytesIO(out.read_bytes()))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles[0] == "Civil-servant development: Pontianak" and titles[1] == "Key findings"
    assert titles[-1] == "Appendix: the 2024 figures"
    assert all(any(s.shape_type == 13 for s in slide.shapes) for slide in list(deck.slides)[2:-2])


def test_year_range_and_html(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    done = export(warehouse, "--tahun", "2023-2024", "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Periode 2023–2024" in page and "Bukittinggi" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kota", "Medan", "--tahun", "2024"], "Kota tidak ada di gudang data: Medan"),
        (["--tahun", "2030"], "Tahun 2030 tidak ada"),
        (["--tahun", "dua ribu"], "--tahun harus seperti 2025"),
        (["--kota", "Jambi", "--fokus", "Pontianak", "--tahun", "2024"], "--fokus Pontianak"),
    ],
)
def test_bad_choices_exit_2_with_a_sentence_and_write_nothing(
    warehouse: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.xlsx"
    done = export(warehouse, *args, "--format", "xlsx", "--out", str(out))
    assert done.returncode == 2 and message in done.stderr
    assert not out.exists()


def test_missing_warehouse_exits_2(tmp_path: Path) -> None:
    done = export(tmp_path / "none.duckdb", "--tahun", "2024", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2 and "none.duckdb" in done.stderr
