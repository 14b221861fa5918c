"""Synthetic demo data: writing."""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from demo.appraisal import penghargaan_rows, penilaian_rows, rate_year
from demo.bkn import bkn_rows
from demo.cities import CITIES, City
from demo.city_data import activity_budgets, anggaran_rows, apbd_rows, aspirasi_rows, fit_costs, survei_rows
from demo.discipline import hukuman_rows
from demo.national import KOTA, national_cities
from demo.nip import NipRegistry
from demo.pegawai import make_pegawai, pegawai_rows
from demo.randomness import _d, _day, _rng, _split
from demo.settings import CHUNK_SIZE, YEARS, contract_columns
from demo.targets import target_rows
from demo.training import YearState, simulate_training
from demo.training_rows import mentoring_rows, peserta_rows, program_rows, umpan_balik_rows
from domain import JP_MINIMUM
from etl import contract

NATIONAL_DATASET = "kota"  # the list of kota: one national file, also when each city has its own files


class SampleWriter:
    """Open CSV files (one per dataset, header written) that chunks of rows are appended to.

    With `per_kota`, as a national warehouse is fed (each city sends its own files), the rows of each city go
    to `<dataset>_<kota>.csv`, opened by `begin_city`; the list of kota stays one national `kota.csv`."""

    def __init__(self, out: Path, per_kota: bool = False) -> None:
        self._stack = contextlib.ExitStack()
        self._city = contextlib.ExitStack()
        self.out = out
        self.per_kota = per_kota
        self.files: dict[str, IO[str]] = {}
        self.rows: dict[str, int] = {}
        for name in contract.DATASETS:
            if not per_kota or name == NATIONAL_DATASET:
                self._open(self._stack, name, f"{name}.csv")

    def _open(self, stack: contextlib.ExitStack, dataset: str, file_name: str) -> None:
        """Open `file_name` for the rows of `dataset` and write its header."""
        handle = stack.enter_context((self.out / file_name).open("w", encoding="utf-8", newline=""))
        handle.write(",".join(contract_columns(dataset)) + "\n")
        self.files[dataset] = handle
        self.rows[file_name] = 0

    def begin_city(self, kota: str) -> None:
        """With per_kota, close the previous city's files and open this city's; otherwise nothing."""
        if not self.per_kota:
            return
        self._city.close()
        slug = re.sub(r"[^a-z0-9]+", "_", kota.lower()).strip("_")
        for name in contract.DATASETS:
            if name != NATIONAL_DATASET:
                self._open(self._city, name, f"{name}_{slug}.csv")

    def __enter__(self) -> SampleWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._city.close()
        self._stack.close()

    def write(self, dataset: str, df: pd.DataFrame) -> None:
        """Append rows (columns in contract order; integers never written as floats)."""
        columns = list(contract_columns(dataset))
        if list(df.columns) != columns:
            df = df[columns]
        floats = [c for c in df.columns if pd.api.types.is_float_dtype(df[c])]
        if floats:
            raise TypeError(f"{dataset}: float columns {floats} would be written as decimals")
        handle = self.files[dataset]
        df.to_csv(handle, header=False, index=False, lineterminator="\n")
        self.rows[Path(handle.name).name] += len(df)


def _marker_text(seed: int, scale: float, kota: int) -> str:
    """Return the notice written to contract.SYNTHETIC_MARKER."""
    return (
        "DATA SINTETIS - BUKAN DATA NYATA\n"
        "Seluruh data di folder ini dibuat secara acak oleh demo/ (python -m demo sample) untuk demonstrasi.\n"
        "Nama, NIP, nilai dan angka lain tidak menggambarkan orang atau instansi yang sebenarnya.\n"
        "\n"
        "SYNTHETIC DATA - NOT REAL\n"
        "Every file in this folder was generated at random by demo/ (python -m demo sample) for demonstration.\n"
        "Names, NIPs, scores and other figures do not describe real people or institutions.\n"
        "\n"
        f"seed: {seed}\n"
        f"scale: {scale}\n"
        f"kota: {kota}\n"
    )


@dataclass(frozen=True)
class Chunk:
    """One chunk of a city's employees: its number, headcounts and its share of the city's money."""

    number: int
    pns: int
    pppk: int
    pppk_2025: int
    budgets: dict[int, float]  # per year, what this chunk's activities cost in all


def _simulate_chunk(
    city: City,
    ci: int,
    chunk: Chunk,
    seed: int,
    registry: NipRegistry,
    counters: dict[int, int],
    writer: SampleWriter,
) -> None:
    """Generate one chunk of employees of a city and write all its person-level rows."""
    emp = make_pegawai(city, chunk.pns, chunk.pppk, _rng(seed, ci, chunk.number, 1), registry, chunk.pppk_2025)
    writer.write("pegawai", pegawai_rows(city, emp))

    n = len(emp)
    state = YearState(np.full(n, -1), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    tmt = _d(emp["tmt"])
    keluar = _d(emp["keluar"])
    for y, year in enumerate(YEARS):
        rng = _rng(seed, ci, chunk.number, 2, y)
        active = (tmt <= _day(year, 12, 31)) & (np.isnat(keluar) | (keluar >= _day(year)))
        first = chunk.number == 0  # the first chunk guarantees non-empty files at tiny scale
        training = simulate_training(city, year, emp, active, state, 2 if first else 0, rng)
        programs = training.programs
        programs["biaya"] = fit_costs(programs["biaya"].to_numpy(), chunk.budgets[year])
        seq = counters.get(year, 0) + np.arange(1, len(programs) + 1)
        counters[year] = int(seq[-1]) if len(seq) else counters.get(year, 0)
        programs["kode_program"] = [f"{city.kode}-{year}-{s:04d}" for s in seq]
        writer.write("program", program_rows(city, programs))
        writer.write("peserta", peserta_rows(emp, programs, training.peserta))
        writer.write("umpan_balik_pelatihan", umpan_balik_rows(programs, training.peserta, first, rng))
        writer.write("mentoring", mentoring_rows(emp, year, active, programs, training.peserta, rng))

        predikat, score = rate_year(emp, active, state, training, rng)
        writer.write("penilaian_kinerja", penilaian_rows(emp, year, predikat, rng))
        writer.write("hukuman_disiplin", hukuman_rows(city, emp, year, predikat, _rng(seed, ci, chunk.number, 5, y)))
        writer.write("penghargaan", penghargaan_rows(city, emp, year, predikat, score, first, rng))
        state = YearState(predikat, training.lulus_jp >= JP_MINIMUM, training.mentored)


def write_sample(
    out: Path, seed: int = 42, scale: float = 1.0, kota: int = len(CITIES), per_kota: bool = False
) -> dict[str, int]:
    """Write a complete synthetic source folder; return rows written per file name.

    `out` gets one CSV per dataset of etl.contract.DATASETS (`pegawai.csv`, `peserta.csv`,
    ...) and the marker file contract.SYNTHETIC_MARKER. `kota` is how many kota: the four
    storied cities (the default), then more of the 98 kota of Indonesia in the order of
    demo.national.kota_order (98: all of them); a ValueError with a message for people when
    it is not 4-98. `scale` multiplies the headcounts (and with them budgets, programs,
    participants and survey sizes); the same seed, scale and kota give byte-identical files.
    With `per_kota` each city's rows are in files of its own (`peserta_pontianak.csv`; SampleWriter), the
    same rows as without. The dict maps each CSV file name to its number of data rows.
    """
    if not len(CITIES) <= kota <= len(KOTA):
        raise ValueError(
            f"Jumlah kota harus antara {len(CITIES)} dan {len(KOTA)} (diminta {kota}): "
            f"{len(CITIES)} adalah empat kota contoh, {len(KOTA)} adalah seluruh kota di Indonesia."
        )
    cities = national_cities(kota, seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / contract.SYNTHETIC_MARKER).write_text(_marker_text(seed, scale, kota), encoding="utf-8")
    registry = NipRegistry()
    with SampleWriter(out, per_kota) as writer:
        writer.write("kota", pd.DataFrame({"kota": [c.kota for c in cities], "provinsi": [c.provinsi for c in cities]}))
        for ci, city in enumerate(cities):
            writer.begin_city(city.kota)
            rng = _rng(seed, ci, 0, 3)
            apbd = apbd_rows(city, rng, scale)
            writer.write("apbd", apbd)
            anggaran = anggaran_rows(city, apbd, rng)
            writer.write("anggaran", anggaran)
            writer.write("ip_asn_bkn", bkn_rows(city))
            writer.write("target_kinerja", target_rows(city))
            budgets = activity_budgets(anggaran, rng)
            for y, year in enumerate(YEARS):
                rng = _rng(seed, ci, 0, 4, y)
                writer.write("survei_kepuasan", survei_rows(city, year, scale, rng))
                writer.write("aspirasi", aspirasi_rows(city, year, scale, rng))
            n_pns = max(20, round(city.pns * scale))
            n_pppk = max(5, round(city.pppk * scale))
            n_pppk_2025 = min(n_pppk, round(sum(count for _, count in city.pppk_2025) * scale))
            chunks = math.ceil((n_pns + n_pppk) / CHUNK_SIZE)
            counters: dict[int, int] = {}
            sizes = zip(_split(n_pns, chunks), _split(n_pppk, chunks), _split(n_pppk_2025, chunks), strict=True)
            for number, (c_pns, c_pppk, c_2025) in enumerate(sizes):
                share = (c_pns + c_pppk) / (n_pns + n_pppk)
                money = {year: budget * share for year, budget in budgets.items()}
                chunk = Chunk(number, c_pns, c_pppk, c_2025, money)
                _simulate_chunk(city, ci, chunk, seed, registry, counters, writer)
    return dict(writer.rows)
