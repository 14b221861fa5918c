"""Property-based tests: random corruptions of a valid source folder never crash the loader.

Whatever is done to one file (cells replaced with garbage, lines truncated, stray quotes, another
encoding, columns swapped, huge values, an empty file), `python -m etl check` exits 0 (bad rows
rejected) or 2 (a message naming the file), never with a traceback, and for every dataset
rows read = rows loaded + rows rejected. Rows the corruption did not touch are never lost.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from conftest import NIP_A, NIP_B, minimal_rows, write_folder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import cli

pytestmark = pytest.mark.slow  # hypothesis: forty corrupted folders, each loaded

# Datasets nothing else refers to: corrupting one row there can only cost that row.
LEAVES = ("peserta", "penilaian_kinerja", "anggaran", "survei_kepuasan", "aspirasi")


def rich_rows() -> dict[str, list[dict]]:
    """Return the minimal folder plus a few rows in every leaf dataset."""
    rows = minimal_rows()
    rows["penilaian_kinerja"] = [
        {"nip": nip, "tahun": str(year), "predikat": "Baik"} for nip in (NIP_A, NIP_B) for year in (2023, 2024)
    ]
    rows["anggaran"] = [
        {
            "kota": "Pontianak",
            "tahun": str(y),
            "kegiatan": k,
            "sumber_dana": "APBD",
            "pagu": "1000000",
            "realisasi": "900000",
        }
        for y in (2023, 2024)
        for k in ("Diklat Teknis", "Mentoring")
    ]
    rows["survei_kepuasan"] = [
        {"kota": "Pontianak", "opd": "Disdukcapil", "tanggal": f"2024-0{m}-01", **{f"u{i}": "3" for i in range(1, 10)}}
        for m in range(1, 5)
    ]
    rows["aspirasi"] = [
        {"kota": "Jambi", "tanggal": f"2024-0{m}-02", "saluran": "Forum", "kategori": "Pelayanan", "sentimen": "netral"}
        for m in range(1, 5)
    ]
    return rows


GARBAGE = st.one_of(
    st.text(min_size=0, max_size=30),
    st.sampled_from(['"', '""x', ";;", "\x00", "9" * 40, "-1", "2024-02-30", "NaN", "1e999", "<script>", "'; DROP"]),
)


@st.composite
def corruption(draw: st.DrawFn) -> dict:
    """Draw one corruption: which dataset, what to do, and where."""
    return {
        "dataset": draw(st.sampled_from(LEAVES + ("kota", "pegawai", "program"))),
        "kind": draw(st.sampled_from(["cell", "truncate", "quote", "encoding", "swap_header", "empty", "extra_line"])),
        "row": draw(st.integers(min_value=0, max_value=10)),
        "col": draw(st.integers(min_value=0, max_value=12)),
        "value": draw(GARBAGE),
        "encoding": draw(st.sampled_from(["utf-16", "cp1252", "latin-1"])),
    }


def corrupt(path: Path, c: dict) -> int:
    """Apply corruption `c` to a CSV file; return how many data rows it may have touched."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    body = lines[1:]
    i = c["row"] % max(len(body), 1)
    if c["kind"] == "empty":
        path.write_bytes(b"")
        return len(body)
    if c["kind"] == "encoding":
        path.write_bytes(text.encode(c["encoding"], errors="replace"))
        return len(body)
    if c["kind"] == "swap_header":
        header = lines[0].split(",")
        j, k = c["col"] % len(header), (c["col"] + 1) % len(header)
        header[j], header[k] = header[k], header[j]
        path.write_text("\n".join([",".join(header), *body]) + "\n", encoding="utf-8")
        return len(body)
    if not body:
        return 0
    if c["kind"] == "truncate":
        body[i] = body[i][: len(body[i]) // 2]
    elif c["kind"] == "quote":
        body[i] = '"' + body[i]
        path.write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8")
        return len(body)  # an unclosed quote may swallow every later line
    elif c["kind"] == "extra_line":
        body.insert(i, c["value"])
    else:
        cells = next(csv.reader([body[i]]))
        cells[c["col"] % len(cells)] = c["value"]
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        body[i] = out.getvalue()
    path.write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8", errors="surrogatepass")
    return 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(c=corruption())
def test_corrupted_folder_never_crashes_and_keeps_the_accounting(c: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = rich_rows()
        folder = write_folder(Path(tmp) / "sumber", rows)
        touched = corrupt(folder / f"{c['dataset']}.csv", c)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = cli.main(["check", str(folder), "--json"])
        summary = json.loads(out.getvalue())

    assert status in (0, 2)
    if status == 2:
        assert summary["status"] == "failed" and summary["errors"]
        assert all(e["file"] and e["message"] for e in summary["errors"])
        return
    assert summary["status"] == "ok"
    for name, d in summary["datasets"].items():
        assert d["rows_read"] == d["rows_loaded"] + d["rows_rejected"], name
    if c["dataset"] in LEAVES:
        original = len(rows[c["dataset"]])
        assert summary["datasets"][c["dataset"]]["rows_loaded"] >= original - touched
        for other in LEAVES:
            if other != c["dataset"]:
                assert summary["datasets"][other]["rows_loaded"] == len(rows[other]), other
