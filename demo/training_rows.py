"""Synthetic demo data: rows derived from a year's training: program, peserta, feedback, mentoring pairs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.activities import TYPES, T
from demo.cities import City
from demo.pegawai import K_ADM, K_FUNGSIONAL, K_PENGAWAS
from demo.randomness import _choose, _d, _day, _iso, _years
from demo.settings import contract_columns
from etl import contract

STATUS = np.array(contract.VOCABULARIES["status"], dtype=object)  # lulus, tidak_lulus, tidak_hadir
KOMENTAR = {
    "baik": (
        "Materi sangat bermanfaat untuk pekerjaan",
        "Narasumber menguasai materi",
        "Pelatihan seperti ini perlu dilanjutkan",
        "Praktiknya mudah diterapkan di kantor",
    ),
    "sedang": (
        "Waktu pelatihan terlalu singkat",
        "Perlu lebih banyak praktik dan studi kasus",
        "Materi cukup baik, contoh kurang sesuai tugas kami",
    ),
    "kurang": (
        "Ruangan kurang nyaman",
        "Materi kurang relevan dengan tugas",
        "Jadwal bertabrakan dengan pekerjaan",
    ),
}


def program_rows(city: City, programs: pd.DataFrame) -> pd.DataFrame:
    """Return program.csv rows for numbered programs."""
    typ = programs["typ"].to_numpy()
    return pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy(),
            "kota": city.kota,
            "nama_program": programs["nama_program"].to_numpy(),
            "jalur": np.array([TYPES[t].jalur for t in typ], dtype=object),
            "jenis": np.array([TYPES[t].jenis for t in typ], dtype=object),
            "topik": programs["topik"].to_numpy(),
            "penyelenggara": programs["penyelenggara"].to_numpy(),
            "tanggal_mulai": _iso(_d(programs["start"])),
            "tanggal_selesai": _iso(_d(programs["end"])),
            "jp": programs["jp"].to_numpy(),
            "biaya": programs["biaya"].to_numpy(),
        }
    )


def peserta_rows(emp: pd.DataFrame, programs: pd.DataFrame, peserta: pd.DataFrame) -> pd.DataFrame:
    """Return peserta.csv rows sorted by (kode_program, nip)."""
    df = pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy()[peserta["prog"].to_numpy()],
            "nip": emp["nip"].to_numpy()[peserta["emp"].to_numpy()],
            "status": STATUS[peserta["status"].to_numpy()],
            "nilai_pre": peserta["nilai_pre"].array,
            "nilai_post": peserta["nilai_post"].array,
        }
    )
    return df.sort_values(["kode_program", "nip"], kind="stable")


def umpan_balik_rows(
    programs: pd.DataFrame, peserta: pd.DataFrame, at_least_one: bool, rng: np.random.Generator
) -> pd.DataFrame:
    """Return reaction survey answers: a share of each program's attendees, dated at its end."""
    attended = np.bincount(peserta["prog"][peserta["status"] != 2], minlength=len(programs))
    answers = rng.binomial(attended, rng.uniform(0.3, 0.8, len(programs)))
    if at_least_one and answers.sum() == 0 and attended.sum() > 0:
        answers[np.argmax(attended)] = 1
    prog = np.repeat(np.arange(len(programs)), answers)
    n = len(prog)
    quality = rng.normal(4.0, 0.25, len(programs))[prog] + rng.normal(0, 0.45, n)
    scores = {
        name: np.clip(np.round(quality[:] + rng.normal(0, 0.4, n)), 1, 5).astype(np.int64)
        for name in ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")
    }
    mean = sum(scores.values()) / 4
    mood = np.where(mean >= 4, "baik", np.where(mean >= 3, "sedang", "kurang"))
    komentar = np.full(n, "", dtype=object)
    with_comment = rng.random(n) < 0.25
    for key, texts in KOMENTAR.items():
        idx = np.flatnonzero(with_comment & (mood == key))
        komentar[idx] = _choose(rng, texts, None, len(idx))
    return pd.DataFrame(
        {
            "kode_program": programs["kode_program"].to_numpy()[prog],
            "tanggal": _iso(_d(programs["end"])[prog]),
            **scores,
            "komentar": komentar,
        }
    )


def mentoring_rows(
    emp: pd.DataFrame,
    year: int,
    active: np.ndarray,
    programs: pd.DataFrame,
    peserta: pd.DataFrame,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Return mentor-mentee pairs: each mentoring participant gets a senior PNS of the same OPD."""
    mentee = peserta[(peserta["typ"] == T["mentoring"]) & (peserta["status"] != 2)]
    birth_year = _years(_d(emp["birth"]))
    tmt_year = _years(_d(emp["tmt"]))
    senior = (
        active
        & emp["pns"].to_numpy()
        & (year - birth_year >= 40)
        & (year - tmt_year >= 10)
        & np.isin(emp["kategori"].to_numpy(), (K_ADM, K_PENGAWAS, K_FUNGSIONAL))
    )
    mentors = np.flatnonzero(senior)
    if len(mentee) == 0 or len(mentors) == 0:
        return pd.DataFrame(columns=list(contract_columns("mentoring")))
    opd = emp["opd"].to_numpy()
    mentors = mentors[np.argsort(opd[mentors], kind="stable")]
    mentor_opd = opd[mentors]
    who = mentee["emp"].to_numpy()
    lo = np.searchsorted(mentor_opd, opd[who], side="left")
    hi = np.searchsorted(mentor_opd, opd[who], side="right")
    u = rng.random(len(who))
    same_opd = lo + (u * (hi - lo)).astype(np.int64)
    anyone = (u * len(mentors)).astype(np.int64)
    mentor = mentors[np.where(hi > lo, same_opd, anyone)]
    prog = mentee["prog"].to_numpy()
    start = _d(programs["start"])[prog]
    end = _d(programs["end"])[prog]
    ongoing = start >= _day(2025, 9, 1)  # pairs started late in 2025 are still running
    jp = programs["jp"].to_numpy()[prog]
    sesi = np.clip(np.round(jp / 2 + rng.normal(0, 1.5, len(who))), 4, 12).astype(np.int64)
    df = pd.DataFrame(
        {
            "nip_mentor": emp["nip"].to_numpy()[mentor],
            "nip_mentee": emp["nip"].to_numpy()[who],
            "tanggal_mulai": _iso(start),
            "tanggal_selesai": np.where(ongoing, "", _iso(end)),
            "jumlah_sesi": sesi,
        }
    )
    df = df.sort_values(["nip_mentor", "nip_mentee", "tanggal_mulai"], kind="stable")
    return df.drop_duplicates(["nip_mentor", "nip_mentee", "tanggal_mulai"])
