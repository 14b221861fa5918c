"""The Indeks Profesionalitas ASN per person-year (mart ip_asn_pegawai_tahun) on a fixture computed by hand, the two
published ways of combining PNS and PPPK, and the SAKIP capaian at and across its band edges.

Every expected number below is worked out by hand from the point tables of ../shared/reference/ip-asn-sakip.md
(kualifikasi S-3 25, S-2 20, S-1/D-IV 15, D-III 10, D-I/D-II/SMA 5, lower 1; kompetensi struktural PIM 15 +
technical 20 JP 15 + seminar 10, fungsional functional 15 + 15 + 10, pelaksana technical 22,5 + seminar 17,5;
kinerja 30/25/15/5/1; disiplin by the heaviest sanction in force in the year: none 5, ringan 3, sedang 2, berat 1),
not by calling the code under test."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.queries.db import open_warehouse
from domain import ip_asn, sakip
from etl.contract import VOCAB_ALIASES, VOCABULARIES, jalur_of
from etl.siasn_codes import JENIS_DIKLAT
from tests.conftest import load_rows, pegawai, program, query

NIP = {name: f"1980010120000110{i:02d}" for i, name in enumerate("ABCDEFGHIJKLMN", start=1)}


def _program(kode: str, jenis: str, year: int, jp: int, jalur: str = "klasikal") -> dict:
    """Return a program row of type `jenis` that ends in `year` and is worth `jp` JP."""
    return program(
        kode,
        jalur=jalur,
        jenis=jenis,
        tanggal_mulai=f"{year}-05-01",
        tanggal_selesai=f"{year}-05-20",
        jp=str(jp),
    )


PROGRAMS = [
    _program("PIM-23", "pelatihan struktural kepemimpinan", 2023, 100),
    _program("FUNG-23", "pelatihan fungsional", 2023, 60),
    _program("TEK-23", "pelatihan teknis", 2023, 30),
    _program("SEM-23", "seminar/konferensi", 2023, 4),
    _program("TEK-24A", "pelatihan teknis", 2024, 24),
    _program("TEK-24B", "bimbingan teknis", 2024, 12),
    _program("TEK-24C", "pelatihan teknis", 2024, 8),
    _program("TEK-24D", "pelatihan teknis", 2024, 10),
    _program("WS-24", "workshop/lokakarya", 2024, 6),
    _program("KUR-24", "kursus", 2024, 10),
    _program("MAG-24", "magang", 2024, 40, jalur="nonklasikal"),
    _program("ELR-24", "e-learning", 2024, 30, jalur="nonklasikal"),
    _program("MAN-24", "pelatihan manajerial", 2024, 30),
]

# person: (pegawai columns, activities passed, 2024 predikat or None)
PEOPLE: dict[str, tuple[dict, list[str], str | None]] = {
    "A": ({"kategori_jabatan": "JPT", "pendidikan": "S3"}, ["PIM-23", "TEK-24A", "SEM-23"], "Sangat Baik"),
    "B": ({"kategori_jabatan": "Administrator", "pendidikan": "S-2"}, ["TEK-24B", "TEK-24C", "WS-24"], "Baik"),
    "C": (
        {"kategori_jabatan": "Pengawas", "pendidikan": "S-1/Sarjana"},
        ["FUNG-23", "TEK-24D", "MAG-24"],
        "Butuh Perbaikan",
    ),
    "D": ({"kategori_jabatan": "Fungsional", "pendidikan": "D3"}, ["FUNG-23", "TEK-23", "SEM-23"], "Kurang"),
    "E": ({"kategori_jabatan": "Pelaksana", "pendidikan": "SMA/SMK"}, ["TEK-24A", "KUR-24"], "Sangat Kurang"),
    "F": ({"kategori_jabatan": "Pelaksana", "pendidikan": "SD"}, ["ELR-24", "MAN-24"], None),
    "G": (
        {"jenis_asn": "PPPK", "golongan": "", "kategori_jabatan": "Fungsional", "pendidikan": "S1/D4"},
        ["TEK-24A", "SEM-23"],
        "Baik",
    ),
    "H": (
        {"jenis_asn": "PPPK", "golongan": "", "kategori_jabatan": "Pelaksana", "pendidikan": "Diploma II"},
        ["MAG-24", "TEK-24B"],
        "Sangat Baik",
    ),
    "I": (
        {
            "jenis_asn": "PPPK",
            "golongan": "",
            "kategori_jabatan": "Pelaksana",
            "pendidikan": "",
            "tmt_masuk": "2024-03-01",
        },
        [],
        "Butuh Perbaikan",
    ),
    "J": (
        {"kota": "Jambi", "kategori_jabatan": "Fungsional", "pendidikan": "S2"},
        ["FUNG-23", "TEK-24A", "WS-24"],
        "Sangat Baik",
    ),
    "K": ({"kategori_jabatan": "JPT", "pendidikan": "S-3/Doktor"}, ["PIM-23"], "Baik"),
    "L": (
        {"jenis_asn": "PPPK", "golongan": "", "kategori_jabatan": "Fungsional", "pendidikan": "SLTP"},
        ["KUR-24", "TEK-24D", "TEK-24C"],
        "Kurang",
    ),
    "M": ({"kategori_jabatan": "Pelaksana", "pendidikan": "D4", "tanggal_keluar": "2024-06-30"}, ["SEM-23"], None),
    # a CPNS in 2024 (PNS since February 2024): scored, but left out of the OPD and kota means
    "N": ({"kategori_jabatan": "Pelaksana", "pendidikan": "S1", "tmt_masuk": "2024-02-01"}, [], None),
}

# Sanctions (hukuman_disiplin): person, tingkat, tmt, tanggal_selesai ('' = not given).
SANCTIONS = [
    ("B", "ringan", "2024-02-01", ""),  # no end date: counts in 2024 only
    ("C", "sedang", "2023-10-01", "2024-09-30"),  # in force in 2023 and 2024
    ("C", "Ringan", "2024-01-15", ""),  # lighter than the sedang in force with it
    ("E", "berat", "2022-06-01", "2023-05-31"),  # 2023 yes, 2024 no
    ("H", "BERAT", "2024-03-01", ""),  # a PPPK's
    ("L", "ringan", "2021-01-01", ""),  # 2021 only: not in force in 2023 or 2024
]

# (person, tahun): (kualifikasi, kompetensi, kinerja, disiplin), worked out by hand.
EXPECTED: dict[tuple[str, int], tuple[float, float, float, float]] = {
    # 2024
    ("A", 2024): (25, 15 + 15 + 10, 30, 5),  # S3; PIM in 2023 counts ever; 24-JP technical; seminar 2023 in window
    ("B", 2024): (20, 15 + 10, 25, 3),  # S-2; bimtek 12 + technical 8 add up to 20 JP; workshop; ringan in 2024
    ("C", 2024): (15, 10, 15, 2),  # functional training earns a Pengawas nothing; 10 JP technical too few; magang;
    # sedang until September 2024 (heavier than the ringan of January)
    ("D", 2024): (10, 15 + 10, 5, 5),  # D3; functional ever; 2023's technical not in 2024; 2023 seminar still in
    ("E", 2024): (5, 22.5 + 17.5, 1, 5),  # SMA/SMK; pelaksana: technical 22,5, kursus 17,5
    ("F", 2024): (1, 0, 0, 5),  # SD; e-learning and manajerial count for no item; not rated
    ("G", 2024): (15, 15 + 10, 25, 5),  # PPPK fungsional without functional training
    ("H", 2024): (5, 17.5, 30, 1),  # Diploma II; magang 17,5; 12 JP bimtek alone too few; berat, no end date
    ("I", 2024): (0, 0, 15, 5),  # no education given; new in 2024
    ("J", 2024): (20, 15 + 15 + 10, 30, 5),  # Jambi; an activity organised by Pontianak counts
    ("K", 2024): (25, 15, 25, 5),  # S-3/Doktor (SIASN's name); PIM only
    ("L", 2024): (1, 10, 5, 5),  # SLTP; kursus 10 for fungsional; technical 10 + 8 = 18 JP too few
    # 2023: nobody is rated in 2023
    ("A", 2023): (25, 15 + 10, 0, 5),  # PIM and seminar in 2023; the technical training is 2024's
    ("B", 2023): (20, 0, 0, 5),
    ("C", 2023): (15, 0, 0, 2),  # sedang from October 2023
    ("D", 2023): (10, 15 + 15 + 10, 0, 5),  # functional, 30-JP technical and seminar, all in 2023
    ("E", 2023): (5, 0, 0, 1),  # berat until May 2023
    ("F", 2023): (1, 0, 0, 5),
    ("G", 2023): (15, 10, 0, 5),
    ("H", 2023): (5, 0, 0, 5),
    ("J", 2023): (20, 15, 0, 5),
    ("K", 2023): (25, 15, 0, 5),
    ("L", 2023): (1, 0, 0, 5),
    ("M", 2023): (15, 17.5, 0, 5),  # D4; seminar for a pelaksana; left in June 2024, so no 2024 row
    ("N", 2024): (15, 0, 0, 5),  # S1; a CPNS: scored like anyone
}
TOTALS = {
    ("A", 2024): 100,
    ("B", 2024): 73,
    ("C", 2024): 42,
    ("D", 2024): 45,
    ("E", 2024): 51,
    ("F", 2024): 6,
    ("G", 2024): 70,
    ("H", 2024): 53.5,
    ("I", 2024): 20,
    ("J", 2024): 95,
    ("K", 2024): 70,
    ("L", 2024): 21,
    ("A", 2023): 55,
    ("B", 2023): 25,
    ("C", 2023): 17,
    ("D", 2023): 55,
    ("E", 2023): 6,
    ("F", 2023): 6,
    ("G", 2023): 30,
    ("H", 2023): 10,
    ("J", 2023): 40,
    ("K", 2023): 45,
    ("L", 2023): 6,
    ("M", 2023): 37.5,
    ("N", 2024): 20,
}


def fixture_rows() -> dict[str, list[dict]]:
    """Return the source folder: thirteen ASN, each in an OPD named after them (how the test finds their rows)."""
    people = [pegawai(NIP[name], opd=f"OPD {name}", **values) for name, (values, _, _) in PEOPLE.items()]
    peserta = [
        {"kode_program": kode, "nip": NIP[name], "status": "lulus"}
        for name, (_, passed, _) in PEOPLE.items()
        for kode in passed
    ]
    peserta.append({"kode_program": "TEK-24A", "nip": NIP["F"], "status": "tidak_lulus"})  # failed: earns nothing
    ratings = [
        {"nip": NIP[name], "tahun": "2024", "predikat": predikat}
        for name, (_, _, predikat) in PEOPLE.items()
        if predikat
    ]
    return {
        "kota": [
            {"kota": "Pontianak", "provinsi": "Kalimantan Barat"},
            {"kota": "Jambi", "provinsi": "Jambi"},
        ],
        "pegawai": people,
        "program": PROGRAMS,
        "peserta": peserta,
        "penilaian_kinerja": ratings,
        # BKN's published figures (ip_asn_bkn), invented for the test: Pontianak's PNS with dimension means, and
        # its ASN figure as the plain mean of PNS and PPPK
        "ip_asn_bkn": [
            {
                "kota": "Pontianak",
                "tahun": "2024",
                "jenis_asn": "PNS",
                "nilai": "60,5",
                "kualifikasi": "20",
                "kompetensi": "12,5",
                "kinerja": "23",
                "disiplin": "5",
                "sumber": "uji",
            },
            {"kota": "Pontianak", "tahun": "2024", "jenis_asn": "asn", "nilai": "50", "cara_gabung": "Rerata"},
        ],
        "hukuman_disiplin": [
            {"nip": NIP[name], "tingkat": tingkat, "tmt": tmt, "tanggal_selesai": selesai}
            for name, tingkat, tmt, selesai in SANCTIONS
        ],
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture loaded by the real pipeline."""
    report, db = load_rows(tmp_path_factory.mktemp("ip_asn"), fixture_rows())
    assert report.status == "ok" and not report.errors, report.errors
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]
    return db


def mart(db: Path) -> dict[tuple[str, int], tuple]:
    """Return the mart's rows by (person, tahun): (kota, jenis_asn, kategori_jabatan, the four points, total)."""
    rows = query(
        db,
        "SELECT opd, tahun, kota, jenis_asn, kategori_jabatan, poin_kualifikasi, poin_kompetensi, poin_kinerja,"
        " poin_disiplin, nilai_ip_asn FROM ip_asn_pegawai_tahun",
    )
    return {(opd.removeprefix("OPD "), tahun): tuple(rest) for opd, tahun, *rest in rows}


def test_every_active_person_year_has_one_row_and_no_other(warehouse: Path) -> None:
    assert sorted(mart(warehouse)) == sorted(EXPECTED)


@pytest.mark.parametrize("person_year", sorted(EXPECTED))
def test_each_persons_points_are_the_hand_computed_ones(warehouse: Path, person_year: tuple[str, int]) -> None:
    got = mart(warehouse)[person_year]
    assert got[3:7] == EXPECTED[person_year]
    assert got[7] == TOTALS[person_year] == sum(EXPECTED[person_year])


def test_each_row_carries_the_persons_kota_kind_and_post(warehouse: Path) -> None:
    rows = mart(warehouse)
    assert rows[("J", 2024)][:3] == ("Jambi", "PNS", "Fungsional")
    assert rows[("H", 2024)][:3] == ("Pontianak", "PPPK", "Pelaksana")
    assert rows[("A", 2023)][:3] == ("Pontianak", "PNS", "JPT")


def test_the_mean_of_a_kota_is_the_mean_of_its_people_pns_and_pppk_apart(warehouse: Path) -> None:
    means = dict(
        (tuple(k), v)
        for *k, v in query(
            warehouse,
            "SELECT kota, jenis_asn, avg(nilai_ip_asn) FROM ip_asn_pegawai_tahun WHERE tahun = 2024 AND NOT cpns"
            " GROUP BY ALL",
        )
    )
    assert means[("Pontianak", "PNS")] == (100 + 73 + 42 + 45 + 51 + 6 + 70) / 7  # A B C D E F K: 55,29 (not N)
    assert means[("Pontianak", "PPPK")] == (70 + 53.5 + 20 + 21) / 4  # G H I L: 41,125
    assert means[("Jambi", "PNS")] == 95


def test_each_row_names_the_items_that_earned_its_kompetensi_points(warehouse: Path) -> None:
    rows = query(warehouse, "SELECT opd, tahun, butir_kompetensi FROM ip_asn_pegawai_tahun")
    items = {(opd.removeprefix("OPD "), tahun): butir for opd, tahun, butir in rows}
    assert items[("A", 2024)] == ["kepemimpinan", "seminar", "teknis"]
    assert items[("C", 2024)] == ["seminar"]  # the functional training earns a Pengawas nothing: not listed
    assert items[("D", 2023)] == ["fungsional", "seminar", "teknis"]
    assert items[("F", 2024)] == []


def test_only_the_pns_in_the_year_of_their_tmt_is_a_cpns(warehouse: Path) -> None:
    rows = query(warehouse, "SELECT opd, tahun FROM ip_asn_pegawai_tahun WHERE cpns")
    assert rows == [("OPD N", 2024)]


# The kota and OPD figures: means of the people measured (CPNS left out), PNS and PPPK apart and combined.

PONTIANAK_2024_PNS = (100 + 73 + 42 + 45 + 51 + 6 + 70) / 7  # A B C D E F K
PONTIANAK_2024_PPPK = (70 + 53.5 + 20 + 21) / 4  # G H I L
KOTA: dict[tuple[str, int], tuple] = {
    # (jumlah_pns, jumlah_pppk, ip_asn_pns, ip_asn_pppk, tertimbang, rerata, kualifikasi, kompetensi, kinerja, disiplin
    #  of PNS)
    ("Pontianak", 2024): (
        7,
        4,
        PONTIANAK_2024_PNS,
        PONTIANAK_2024_PPPK,
        (387 + 164.5) / 11,
        (PONTIANAK_2024_PNS + PONTIANAK_2024_PPPK) / 2,
        (25 + 20 + 15 + 10 + 5 + 1 + 25) / 7,
        (40 + 25 + 10 + 25 + 40 + 0 + 15) / 7,
        (30 + 25 + 15 + 5 + 1 + 0 + 25) / 7,
        (5 + 3 + 2 + 5 + 5 + 5 + 5) / 7,
    ),
    ("Pontianak", 2023): (
        8,
        3,
        (55 + 25 + 17 + 55 + 6 + 6 + 45 + 37.5) / 8,  # A B C D E F K M
        (30 + 10 + 6) / 3,  # G H L (I came in 2024)
        (246.5 + 46) / 11,
        ((55 + 25 + 17 + 55 + 6 + 6 + 45 + 37.5) / 8 + (30 + 10 + 6) / 3) / 2,
        (25 + 20 + 15 + 10 + 5 + 1 + 25 + 15) / 8,
        (25 + 0 + 0 + 40 + 0 + 0 + 15 + 17.5) / 8,
        0,
        (5 + 5 + 2 + 5 + 1 + 5 + 5 + 5) / 8,
    ),
    # Jambi has no PPPK: both combinations are the PNS figure
    ("Jambi", 2024): (1, 0, 95, None, 95, 95, 20, 40, 30, 5),
    ("Jambi", 2023): (1, 0, 40, None, 40, 40, 20, 15, 0, 5),
}
KOTA_COLUMNS = (
    "jumlah_pns, jumlah_pppk, ip_asn_pns, ip_asn_pppk, ip_asn_tertimbang, ip_asn_rerata, kualifikasi_pns,"
    " kompetensi_pns, kinerja_pns, disiplin_pns"
)


def app_query(db: Path, sql: str) -> list[tuple]:
    """Run a query on a warehouse connected as the app connects (the session's demo warehouse may be open in this
    process with the app's settings; DuckDB refuses a second connection with other settings)."""
    con = open_warehouse(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def kota_mart(db: Path) -> dict[tuple[str, int], tuple]:
    """Return ip_asn_kota_tahun by (kota, tahun)."""
    rows = app_query(db, f"SELECT kota, tahun, {KOTA_COLUMNS} FROM ip_asn_kota_tahun")
    return {(k, t): tuple(rest) for k, t, *rest in rows}


def test_the_kota_figures_are_the_hand_computed_ones(warehouse: Path) -> None:
    got = kota_mart(warehouse)
    assert sorted(got) == sorted(KOTA)
    for key, want in KOTA.items():
        assert got[key] == pytest.approx(want), key


def test_the_kota_combinations_agree_with_the_domains_functions(warehouse: Path) -> None:
    for (kota, _), (n_pns, n_pppk, pns, pppk, tertimbang, rerata, *_) in kota_mart(warehouse).items():
        if n_pns and n_pppk:
            assert tertimbang == pytest.approx(ip_asn.gabungan_tertimbang(pns, n_pns, pppk, n_pppk)), kota
            assert rerata == pytest.approx(ip_asn.gabungan_rerata(pns, pppk)), kota


def test_the_pns_dimension_means_add_up_to_the_pns_figure(warehouse: Path) -> None:
    for row in kota_mart(warehouse).values():
        assert sum(row[6:]) == pytest.approx(row[2])


def test_each_opd_figure_is_its_peoples_mean_without_the_cpns(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "SELECT opd, tahun, kota, jenis_asn, jumlah, ip_asn, kualifikasi, kompetensi, kinerja, disiplin"
        " FROM ip_asn_opd_tahun",
    )
    got = {(opd.removeprefix("OPD "), tahun): tuple(rest) for opd, tahun, *rest in rows}
    assert sorted(got) == sorted(k for k in EXPECTED if k != ("N", 2024))  # one person per OPD; N is a CPNS
    for key, (_, _, jumlah, nilai, *points) in got.items():
        assert jumlah == 1 and tuple(points) == EXPECTED[key] and nilai == TOTALS[key], key
    assert got[("H", 2024)][:2] == ("Pontianak", "PPPK")


@pytest.mark.parametrize(
    ("mart", "key"),
    [("ip_asn_kota_tahun", "kota, tahun"), ("ip_asn_opd_tahun", "kota, opd, tahun, jenis_asn")],
)
@pytest.mark.parametrize("fixture", ["warehouse", "demo_warehouse"])
def test_the_kota_and_opd_marts_have_their_grain(
    request: pytest.FixtureRequest, fixture: str, mart: str, key: str
) -> None:
    db = request.getfixturevalue(fixture)
    assert app_query(db, f"SELECT count(*) FROM {mart}")[0][0] > 0
    assert app_query(db, f"SELECT {key}, count(*) FROM {mart} GROUP BY ALL HAVING count(*) > 1") == []
    nulls = " OR ".join(f"{c} IS NULL" for c in key.split(", "))
    assert app_query(db, f"SELECT count(*) FROM {mart} WHERE {nulls}") == [(0,)]


def test_the_demos_kota_combinations_agree_with_the_domains_functions(demo_warehouse: Path) -> None:
    rows = kota_mart(demo_warehouse)
    assert rows
    for n_pns, n_pppk, pns, pppk, tertimbang, rerata, *_ in rows.values():
        assert tertimbang == pytest.approx(ip_asn.gabungan_tertimbang(pns, n_pns, pppk, n_pppk))
        assert rerata == pytest.approx(ip_asn.gabungan_rerata(pns, pppk))


def test_the_opd_marts_people_add_up_to_the_kotas(warehouse: Path) -> None:
    by_opd = query(
        warehouse,
        "SELECT kota, tahun, sum(jumlah) FILTER (WHERE jenis_asn = 'PNS'), sum(jumlah * ip_asn) FILTER"
        " (WHERE jenis_asn = 'PNS') / sum(jumlah) FILTER (WHERE jenis_asn = 'PNS') FROM ip_asn_opd_tahun GROUP BY ALL",
    )
    kota = kota_mart(warehouse)
    for k, t, n, mean in by_opd:
        assert (n, pytest.approx(mean)) == (kota[(k, t)][0], kota[(k, t)][2])


def test_the_warehouse_macros_give_the_domains_points(warehouse: Path) -> None:
    for spelling, level in ip_asn.PENDIDIKAN_LEVEL.items():
        got = query(warehouse, "SELECT ipasn_kualifikasi($p)", {"p": spelling.upper()})
        assert got == [(ip_asn.KUALIFIKASI[level],)], spelling
    for predikat, points in ip_asn.KINERJA.items():
        assert query(warehouse, "SELECT ipasn_kinerja($p)", {"p": predikat}) == [(points,)]
    for tingkat, points in ip_asn.DISIPLIN.items():
        assert query(warehouse, "SELECT ipasn_disiplin($t)", {"t": tingkat}) == [(points,)]
    assert query(warehouse, "SELECT ipasn_hukuman_tanpa_akhir()") == [(ip_asn.HUKUMAN_TAHUN_TANPA_AKHIR,)]


@pytest.mark.parametrize(
    ("tahun", "tmt", "selesai", "berlaku"),
    [
        (2024, 2024, None, True),  # no end date: its tmt's year
        (2025, 2024, None, False),
        (2023, 2024, None, False),
        (2023, 2023, 2024, True),
        (2024, 2023, 2024, True),
        (2025, 2023, 2024, False),
    ],
)
def test_a_sanction_is_in_force_from_its_tmt_to_its_end(
    tahun: int, tmt: int, selesai: int | None, berlaku: bool
) -> None:
    assert ip_asn.hukuman_berlaku(tahun, tmt, selesai) is berlaku


def test_the_sanction_levels_are_the_contracts_vocabulary() -> None:
    assert VOCABULARIES["tingkat_hukuman"] == ("ringan", "sedang", "berat") == ip_asn.TINGKAT_HUKUMAN


# The point tables as data: each names only values the contract knows.


def test_the_post_kinds_cover_the_contracts_kategori_jabatan() -> None:
    assert sorted(ip_asn.KELOMPOK_JABATAN) == sorted(VOCABULARIES["kategori_jabatan"])
    assert set(ip_asn.KELOMPOK_JABATAN.values()) == set(ip_asn.KOMPETENSI)


def test_every_post_kind_can_reach_the_kompetensi_maximum_and_no_more() -> None:
    for table in ip_asn.KOMPETENSI.values():
        assert sum(table.values()) == ip_asn.DIMENSI["kompetensi"] == 40
    assert sum(ip_asn.DIMENSI.values()) == 100
    assert max(ip_asn.KUALIFIKASI.values()) == 25 and max(ip_asn.KINERJA.values()) == 30
    assert max(ip_asn.DISIPLIN.values()) == 5


def test_the_activity_kinds_are_contract_types_on_their_own_path() -> None:
    named = [jenis for butir in ip_asn.BUTIR.values() for jenis in butir.jenis]
    assert len(named) == len(set(named))  # each type counts for one item
    assert set(named) <= set(VOCABULARIES["jenis"])
    assert jalur_of("magang") == "nonklasikal" and jalur_of("seminar/konferensi") == "klasikal"


def test_siasn_training_types_count_for_the_items_the_brief_names() -> None:
    siasn = {i: ip_asn.butir_of(VOCAB_ALIASES["jenis"][str(i)]) for i in JENIS_DIKLAT}
    assert siasn[1] == "kepemimpinan" and siasn[2] == "fungsional"
    assert siasn[3] == siasn[8] == "teknis"  # Diklat Teknis, Bimbingan Teknis
    assert siasn[4] == siasn[9] == siasn[10] == siasn[11] == "seminar"  # Workshop, Seminar, Magang, Kursus
    assert [i for i, butir in siasn.items() if butir is None] == [5, 6, 7, 12, 13, *range(14, 26)]


def test_the_predikat_of_2022_map_one_to_one_onto_the_five_levels() -> None:
    assert ip_asn.KINERJA == {"Sangat Baik": 30, "Baik": 25, "Butuh Perbaikan": 15, "Kurang": 5, "Sangat Kurang": 1}


@pytest.mark.parametrize(
    ("pendidikan", "points"),
    [
        # the demo's levels
        ("SD", 1),
        ("SMP", 1),
        ("SMA/SMK", 5),
        ("D3", 10),
        ("S1/D4", 15),
        ("S2", 20),
        ("S3", 25),
        # SIASN's tingkat pendidikan names (siasn_ref_tingkat_pendidikan.csv)
        ("Sekolah Dasar", 1),
        ("SLTP Kejuruan", 1),
        ("SLTA Keguruan", 5),
        ("Diploma I", 5),
        ("Diploma III/Sarjana Muda", 10),
        ("Diploma IV", 15),
        ("S-1/Sarjana", 15),
        ("S-2", 20),
        ("S-3/Doktor", 25),
        # the template's example, and what is not a level
        ("S1", 15),
        ("", 0),
        (None, 0),
        ("Pesantren", 0),
    ],
)
def test_education_as_written_earns_its_levels_points(pendidikan: str | None, points: float) -> None:
    assert ip_asn.kualifikasi_points(pendidikan) == points


def test_a_post_earns_only_its_kinds_items() -> None:
    assert ip_asn.kompetensi_points("Pengawas", {"fungsional", "teknis"}) == 15
    assert ip_asn.kompetensi_points("Pelaksana", {"kepemimpinan", "teknis", "seminar"}) == 40
    assert ip_asn.kompetensi_points("Fungsional", {"kepemimpinan"}) == 0


@pytest.mark.parametrize(
    ("nilai", "kategori"),
    [
        (100, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (81, "Tinggi"),
        (80.99, "Sedang"),
        (78.25, "Sedang"),  # Kota Bima 2023
        (71, "Sedang"),
        (70.5, "Rendah"),
        (61, "Rendah"),
        (60, "Sangat Rendah"),
        (0, "Sangat Rendah"),
    ],
)
def test_an_ip_asn_figure_falls_in_its_band(nilai: float, kategori: str) -> None:
    assert ip_asn.kategori(nilai) == kategori


# Combining PNS and PPPK: the two published ways (ip-asn-sakip.md 1.4).


def test_kota_bima_weights_pns_and_pppk_by_headcount() -> None:
    # (3.252 x 78,41 + 171 x 75,18) / 3.423 = 267.845,1 / 3.423 = 78,2486...
    got = ip_asn.gabungan_tertimbang(78.41, 3252, 75.18, 171)
    assert got == pytest.approx(267_845.1 / 3423) and round(got, 2) == 78.25


def test_sumatera_barat_takes_the_plain_mean_of_pns_and_pppk() -> None:
    assert ip_asn.gabungan_rerata(84.42, 82.80) == pytest.approx(83.61)
    # weighted by its headcounts (14.901 PNS, 3.205 PPPK) it would be about 84,13, not the published 83,61
    assert round(ip_asn.gabungan_tertimbang(84.42, 14_901, 82.80, 3_205), 2) == 84.13


# SAKIP capaian and its default five-level scale.


@pytest.mark.parametrize(
    ("realisasi", "capaian", "band"),
    [
        (120, 120, "Sangat Baik"),  # never capped
        (100, 100, "Sangat Baik"),
        (91, 91, "Sangat Baik"),
        (90.5, 90.5, "Baik"),  # between two printed ranges: the lower band
        (90, 90, "Baik"),
        (76, 76, "Baik"),
        (75.5, 75.5, "Cukup"),
        (66, 66, "Cukup"),
        (65, 65, "Kurang"),
        (51, 51, "Kurang"),
        (50.5, 50.5, "Sangat Kurang"),
        (50, 50, "Sangat Kurang"),
        (0, 0, "Sangat Kurang"),
    ],
)
def test_capaian_of_an_increasing_indicator_and_its_band(realisasi: float, capaian: float, band: str) -> None:
    got = sakip.capaian(target=100, realisasi=realisasi, arah=sakip.NAIK)
    assert got == capaian and sakip.kategori_capaian(got) == band


@pytest.mark.parametrize(
    ("realisasi", "capaian", "band"),
    [
        (150, 125, "Sangat Baik"),  # (400 - 150) / 200: better than the target
        (200, 100, "Sangat Baik"),
        (218, 91, "Sangat Baik"),
        (220, 90, "Baik"),
        (248, 76, "Baik"),
        (250, 75, "Cukup"),
        (268, 66, "Cukup"),
        (270, 65, "Kurang"),
        (298, 51, "Kurang"),
        (300, 50, "Sangat Kurang"),
    ],
)
def test_capaian_of_a_decreasing_indicator_and_its_band(realisasi: float, capaian: float, band: str) -> None:
    got = sakip.capaian(target=200, realisasi=realisasi, arah=sakip.TURUN)
    assert got == capaian and sakip.kategori_capaian(got) == band


def test_banyuwangis_published_capaian_is_reproduced() -> None:
    assert round(sakip.capaian(80.81, 82.14), 2) == 101.65  # IP ASN 2025
    assert round(sakip.capaian(87.38, 88.77), 2) == 101.59  # IKM 2025


def test_capaian_refuses_a_zero_target_and_an_unknown_direction() -> None:
    with pytest.raises(ValueError):
        sakip.capaian(0, 10)
    with pytest.raises(ValueError):
        sakip.capaian(10, 10, arah="datar")
