"""Tests of the national demo: `python -m demo sample --kota N` for more kota than the four storied cities.

The 98-kota folder is written once per module at a small scale (0.02: every kota, a few hundred ASN in the
largest) and loaded by the real pipeline; smaller folders check the order of `--kota N` and determinism.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from conftest import query

from demo import CITIES, cli, write_sample
from demo.national import KOTA, KOTA_ADMINISTRASI, kota_order, national_cities
from etl import contract, pipeline

pytestmark = pytest.mark.slow  # writes the 98-kota demo

SEED = 5
SCALE = 0.02
COST_SHARE_OF_REALISASI = (0.90, 1.0)  # as in tests/test_demo_numbers.py


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder of all 98 kota at scale 0.02."""
    folder = tmp_path_factory.mktemp("national") / "sumber"
    write_sample(folder, seed=SEED, scale=SCALE, kota=98)
    return folder


@pytest.fixture(scope="module")
def national_db(national: Path) -> Path:
    """Return the warehouse the real pipeline builds from the 98-kota folder."""
    db = national.parent / "gudang" / "warehouse.duckdb"
    report = pipeline.load(national, db)
    assert report.status == "ok" and report.errors == [] and report.synthetic
    return db


def read(folder: Path, name: str) -> pd.DataFrame:
    """Return a dataset of a folder as text."""
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def test_kota_98_writes_every_kota_of_indonesia_with_its_province(national: Path) -> None:
    kota = read(national, "kota")
    assert len(kota) == 98 and kota["kota"].is_unique
    per_province = Counter(kota["provinsi"])
    assert per_province["Jawa Barat"] == per_province["Jawa Timur"] == 9
    assert per_province["DKI Jakarta"] == 5 and set(kota.loc[kota["provinsi"] == "DKI Jakarta", "kota"]) == set(
        KOTA_ADMINISTRASI
    )
    assert per_province["Kalimantan Barat"] == 2 and "Sulawesi Barat" not in per_province
    # 38 provinces; no kota in Sulawesi Barat, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan.
    assert len(per_province) == 33
    assert set(read(national, "pegawai")["kota"]) == set(kota["kota"])


def test_kota_98_is_labelled_synthetic(national: Path) -> None:
    marker = (national / contract.SYNTHETIC_MARKER).read_text(encoding="utf-8")
    assert "DATA SINTETIS" in marker and "kota: 98" in marker


def test_storied_cities_are_the_same_in_the_national_demo(national: Path, tmp_path: Path) -> None:
    write_sample(tmp_path, seed=SEED, scale=SCALE)
    storied = {c.kota for c in CITIES}
    for name in ("pegawai", "program", "anggaran", "apbd", "survei_kepuasan"):
        four = read(tmp_path, name)
        among_98 = read(national, name)
        assert among_98[among_98["kota"].isin(storied)].reset_index(drop=True).equals(four), name


def test_sizes_spread_from_about_a_thousand_to_tens_of_thousands_of_asn() -> None:
    sizes = pd.Series({c.kota: c.pns + c.pppk for c in national_cities(98, SEED)})
    assert sizes.min() < 2_000
    assert sizes.max() > 25_000
    assert (sizes > 10_000).sum() >= 10  # enough large kota for a "similar size" peer group
    assert set(sizes.nlargest(12).index) >= {"Surabaya", "Medan", "Bandung", "Makassar"}


def test_synthetic_profiles_vary_and_depend_only_on_seed_and_kota() -> None:
    cities = national_cities(98, SEED)
    assert national_cities(20, SEED) == cities[:20]
    assert national_cities(98, SEED + 1)[4:] != cities[4:]
    jp20 = pd.Series([c.jp20[-1] for c in cities])
    assert jp20.std() > 0.05 and jp20.between(0.3, 0.9).all()
    assert len({c.apbd_2024 for c in cities}) > 90


def test_headcount_in_service_follows_the_profiles_at_scale(national: Path) -> None:
    pegawai = read(national, "pegawai")
    active = pegawai[pegawai["tanggal_keluar"] == ""].groupby("kota").size()
    for city in national_cities(98, SEED):
        assert active[city.kota] == max(20, round(city.pns * SCALE)) + max(5, round(city.pppk * SCALE))


def test_kota_14_is_the_storied_four_and_every_kota_of_their_provinces() -> None:
    chosen = kota_order()[:14]
    provinces = {c.provinsi for c in CITIES}
    assert chosen[:4] == tuple(c.kota for c in CITIES)
    assert set(chosen) == {k for k, p, _, _ in KOTA if p in provinces}


def test_kota_n_writes_the_first_n_of_the_order(tmp_path: Path) -> None:
    write_sample(tmp_path, seed=SEED, scale=SCALE, kota=6)
    assert tuple(read(tmp_path, "kota")["kota"]) == kota_order()[:6]


def test_same_seed_scale_and_kota_write_byte_identical_files(tmp_path: Path) -> None:
    write_sample(tmp_path / "a", seed=SEED, scale=SCALE, kota=6)
    write_sample(tmp_path / "b", seed=SEED, scale=SCALE, kota=6)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


@pytest.mark.parametrize("kota", [3, 99, 0])
def test_kota_outside_4_to_98_is_refused_with_a_message_and_writes_nothing(
    kota: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "contoh"
    assert cli.main(["sample", "--out", str(out), "--kota", str(kota)]) == cli.EXIT_BAD_REQUEST
    error = capsys.readouterr().err
    assert "Jumlah kota harus antara 4 dan 98" in error and f"diminta {kota}" in error
    assert not out.exists()


def test_kode_program_prefix_is_unique_per_kota(national: Path) -> None:
    program = read(national, "program")
    prefixes = program.groupby("kota")["kode_program"].agg(lambda s: set(s.str[:3]))
    assert (prefixes.map(len) == 1).all()
    assert len({next(iter(p)) for p in prefixes}) == len(prefixes)


def test_national_activity_costs_reconcile_with_realisasi_per_kota_year(national_db: Path) -> None:
    rows = query(national_db, "SELECT kota, tahun, biaya_kegiatan::DOUBLE / realisasi FROM ringkasan_kota_tahun")
    share = pd.Series({(k, t): s for k, t, s in rows})
    assert len(share) == 98 * 5
    low, high = COST_SHARE_OF_REALISASI
    assert share.between(low, high).all(), share[~share.between(low, high)]


def test_etl_sample_still_writes_the_demo_and_points_to_the_new_command(tmp_path: Path) -> None:
    """`python -m etl sample` keeps working for old scripts: it hands over to `python -m demo sample`."""
    out = tmp_path / "contoh"
    done = subprocess.run(
        [sys.executable, "-m", "etl", "sample", "--out", str(out), "--kota", "3"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "python -m demo sample" in done.stderr and "antara 4 dan 98" in done.stderr
