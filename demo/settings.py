"""Synthetic demo data: years, chunk size and the audiences of a program."""

from __future__ import annotations

from etl import contract

YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)
CHUNK_SIZE = 50_000  # employees simulated together; bounds memory at large scale
SLOTS = 10  # candidate activities per employee per year (every type gives >= 2 JP)

# Audience of a program: "umum" (everyone) or the group of an OPD.
AUDIENCES: tuple[str, ...] = (
    "umum",
    "pendidikan",
    "kesehatan",
    "kewilayahan",
    "pelayanan",
    "teknis",
    "manajemen",
    "it",
    "ketertiban",
    "ekonomi",
)
AUD = {name: i for i, name in enumerate(AUDIENCES)}


def contract_columns(dataset: str) -> tuple[str, ...]:
    """Return the contract column names of a dataset, in contract order."""
    return tuple(c.name for c in contract.DATASETS[dataset].columns)
