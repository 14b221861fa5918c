"""Synthetic demo data: performance appraisal and awards."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.cities import City
from demo.randomness import _choose
from demo.training import Training, YearState
from etl import contract

# Latent score thresholds: ~15% Sangat Baik, ~78% Baik, ~5% Butuh Perbaikan, ~1.5% Kurang,
# ~0.6% Sangat Kurang for a standard normal score.
PREDIKAT_CUTS = np.array([1.036, -1.47, -2.03, -2.51])
CELL_WEIGHTS = {  # which (hasil kerja, perilaku kerja) cell gives a predikat
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi"): 0.80,
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi"): 0.12,
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi"): 0.08,
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): 0.85,
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi"): 0.15,
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"): 0.80,
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi"): 0.20,
}


def rate_year(
    emp: pd.DataFrame, active: np.ndarray, state: YearState, training: Training, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Return (predikat index per employee, -1 when inactive; latent score).

    The score mixes a persistent ability with yearly noise; having reached 20 JP or been
    mentored last year helps a little, performance coaching this year helps a lot.
    """
    n = len(emp)
    score = 0.8 * emp["ability"].to_numpy() + 0.6 * rng.normal(0, 1, n)
    score += 0.15 * (state.trained.astype(float) - 0.5) + 0.2 * state.mentored + 1.0 * training.coached
    predikat = np.select([score > cut for cut in PREDIKAT_CUTS], [0, 1, 2, 3], default=4)
    return np.where(active, predikat, -1), score


def penilaian_rows(
    emp: pd.DataFrame,
    year: int,
    predikat: np.ndarray,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return penilaian_kinerja rows: predikat, plus the matrix cell from 2022 (PermenPANRB 6/2022)."""
    rows = np.flatnonzero(predikat >= 0)
    pred = predikat[rows]
    hasil = np.full(len(rows), "", dtype=object)
    perilaku = np.full(len(rows), "", dtype=object)
    if year >= 2022:
        for p, name in enumerate(contract.PREDIKAT):
            cells = [cell for cell, value in contract.PREDIKAT_MATRIX.items() if value == name]
            idx = np.flatnonzero(pred == p)
            weights = _normalised([CELL_WEIGHTS.get(c, 1.0) for c in cells])
            pick = rng.choice(len(cells), size=len(idx), p=weights)
            hasil[idx] = np.array([c[0] for c in cells], dtype=object)[pick]
            perilaku[idx] = np.array([c[1] for c in cells], dtype=object)[pick]
    return pd.DataFrame(
        {
            "nip": emp["nip"].to_numpy()[rows],
            "tahun": year,
            "predikat": np.asarray(contract.PREDIKAT, dtype=object)[pred],
            "hasil_kerja": hasil,
            "perilaku_kerja": perilaku,
        }
    )


def _normalised(weights: list[float]) -> np.ndarray:
    """Return weights divided by their sum."""
    w = np.asarray(weights, dtype=float)
    return w / w.sum()


def penghargaan_rows(
    city: City,
    emp: pd.DataFrame,
    year: int,
    predikat: np.ndarray,
    score: np.ndarray,
    at_least_one: bool,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return awards of one year: a share of the Sangat Baik staff (at least one when asked)."""
    award = (predikat == 0) & (rng.random(len(emp)) < city.award_rate)
    if at_least_one and not award.any() and (predikat >= 0).any():
        award[np.argmax(np.where(predikat >= 0, score, -np.inf))] = True
    rows = np.flatnonzero(award)
    group = emp["group"].to_numpy()[rows]
    kategori = _choose(
        rng, ("ASN Berprestasi", "Pegawai Teladan", "Inovasi Pelayanan Publik"), [0.5, 0.3, 0.2], len(rows)
    )
    own = rng.random(len(rows)) < 0.6  # teachers and health workers often get their own award
    kategori = np.where(own & (group == "pendidikan"), "Guru Berprestasi", kategori)
    kategori = np.where(own & (group == "kesehatan"), "Tenaga Kesehatan Teladan", kategori)
    return pd.DataFrame({"nip": emp["nip"].to_numpy()[rows], "tahun": year, "kategori": kategori})
