"""Synthetic demo data: organisation: OPD, their group, and their share of PNS and PPPK."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Opd:
    """An OPD kind: its group (audience) and relative weight among PNS and PPPK."""

    name: str
    group: str
    pns: float
    pppk: float


OPDS: dict[str, Opd] = {
    o.name: o
    for o in (
        Opd("Dinas Pendidikan", "pendidikan", 40.0, 62.0),
        Opd("Dinas Kesehatan", "kesehatan", 12.0, 14.0),
        Opd("RSUD", "kesehatan", 5.0, 6.0),
        Opd("Kecamatan", "kewilayahan", 9.0, 3.0),
        Opd("Sekretariat Daerah", "manajemen", 4.5, 1.0),
        Opd("Sekretariat DPRD", "manajemen", 1.5, 0.5),
        Opd("Inspektorat", "manajemen", 1.2, 0.2),
        Opd("Bappeda", "manajemen", 1.2, 0.2),
        Opd("BKPSDM", "manajemen", 1.2, 0.2),
        Opd("BPKAD", "manajemen", 1.8, 0.4),
        Opd("Bapenda", "manajemen", 2.0, 0.4),
        Opd("Dinas Kependudukan dan Pencatatan Sipil", "pelayanan", 2.0, 0.8),
        Opd("DPMPTSP", "pelayanan", 1.2, 0.4),
        Opd("Dinas Sosial", "pelayanan", 1.5, 0.6),
        Opd("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "pelayanan", 1.0, 0.3),
        Opd("Dinas PUPR", "teknis", 3.0, 1.0),
        Opd("Dinas Perhubungan", "teknis", 2.5, 1.0),
        Opd("Dinas Lingkungan Hidup", "teknis", 3.0, 1.5),
        Opd("Dinas Perumahan dan Kawasan Permukiman", "teknis", 1.2, 0.4),
        Opd("Dinas Komunikasi dan Informatika", "it", 1.2, 0.8),
        Opd("Satpol PP", "ketertiban", 3.0, 1.5),
        Opd("BPBD", "ketertiban", 1.0, 0.4),
        Opd("Dinas Koperasi dan UKM", "ekonomi", 1.0, 0.3),
        Opd("Dinas Perdagangan", "ekonomi", 1.0, 0.3),
        Opd("Dinas Pariwisata", "ekonomi", 1.0, 0.3),
    )
}

# Outside Jambi, access to development differs mildly by group (added to the city level).
GROUP_REACH_OFFSET: dict[str, float] = {
    "manajemen": 0.08,
    "it": 0.06,
    "pelayanan": 0.02,
    "pendidikan": -0.02,
    "kesehatan": 0.0,
    "kewilayahan": -0.06,
    "teknis": -0.03,
    "ketertiban": -0.10,
    "ekonomi": 0.0,
}

# Jambi: very unequal access across OPD (share of PNS reaching 20 JP in 2021).
JAMBI_OPD_REACH: dict[str, float] = {
    "BKPSDM": 0.82,
    "Dinas Kependudukan dan Pencatatan Sipil": 0.80,
    "Bappeda": 0.76,
    "Inspektorat": 0.72,
    "Dinas PUPR": 0.70,
    "BPKAD": 0.62,
    "Sekretariat Daerah": 0.60,
    "Dinas Komunikasi dan Informatika": 0.60,
    "DPMPTSP": 0.55,
    "Dinas Kesehatan": 0.45,
    "RSUD": 0.40,
    "Bapenda": 0.35,
    "Dinas Pendidikan": 0.33,
    "Sekretariat DPRD": 0.25,
    "Dinas Perumahan dan Kawasan Permukiman": 0.22,
    "Dinas Sosial": 0.20,
    "BPBD": 0.20,
    "Dinas Perhubungan": 0.18,
    "Dinas Lingkungan Hidup": 0.16,
    "Kecamatan": 0.15,
    "Satpol PP": 0.13,
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak": 0.25,
}
