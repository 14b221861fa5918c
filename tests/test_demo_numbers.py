"""A planner's sums on the demo warehouse: money, JP and headcounts that must add up.

The four-city demo is written as `python -m demo sample` writes it (scale 1: the smallest city has some
2,800 ASN, so yearly means are stable) and loaded by the real pipeline; the checks read its marts as a
page would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import query

from demo import CITIES

SEED = 11
SCALE = 1.0
# Activities cost what was realised of the training kegiatan, less the costs outside them
# (platforms, administration, travel: demo.city_data.OUTSIDE_COSTS, 2-6%).
COST_SHARE_OF_REALISASI = (0.90, 1.0)
# JP per ASN may fall from one year to the next by at most this share, unless new hires explain it.
# In a small city a handful of leadership trainings (200-300 JP each) move the mean by ~10%; the
# Latsar waves this guards against made it fall by 30%.
JP_DROP_TOLERATED = 0.15
HEADCOUNT_GROWTH_THAT_EXPLAINS = 0.20


@pytest.fixture(scope="module")
def db(sample_warehouse: Callable[[int, float], Path]) -> Path:
    """Return the four-city demo warehouse at scale 1."""
    return sample_warehouse(SEED, SCALE)


def scorecard(db: Path) -> pd.DataFrame:
    """Return ringkasan_kota_tahun as a frame indexed by (kota, tahun)."""
    rows = query(db, "SELECT kota, tahun, jumlah_asn, jp_per_asn, realisasi, biaya_kegiatan FROM ringkasan_kota_tahun")
    columns = ["kota", "tahun", "jumlah_asn", "jp_per_asn", "realisasi", "biaya_kegiatan"]
    return pd.DataFrame(rows, columns=columns).set_index(["kota", "tahun"]).sort_index()


def test_activity_costs_of_a_year_reconcile_with_the_realised_training_budget(db: Path) -> None:
    df = scorecard(db)
    share = df["biaya_kegiatan"] / df["realisasi"]
    low, high = COST_SHARE_OF_REALISASI
    assert share.between(low, high).all(), share[~share.between(low, high)]


def test_jp_per_asn_never_drops_unless_new_hires_explain_it(db: Path) -> None:
    df = scorecard(db)
    for kota, rows in df.groupby(level="kota"):
        change = rows["jp_per_asn"].pct_change().dropna()
        growth = rows["jumlah_asn"].pct_change().dropna()
        unexplained = change[(change < -JP_DROP_TOLERATED) & (growth <= HEADCOUNT_GROWTH_THAT_EXPLAINS)]
        assert unexplained.empty, (kota, unexplained)


def test_jp_per_asn_of_staff_in_service_before_the_year_never_drops(db: Path) -> None:
    rows = query(
        db,
        "SELECT i.kota, i.tahun, avg(i.jp) FROM int_pegawai_tahun AS i"
        " JOIN stg_pegawai AS p USING (id_pegawai) WHERE year(p.tmt_masuk) < i.tahun GROUP BY ALL",
    )
    jp = pd.DataFrame(rows, columns=["kota", "tahun", "jp"]).set_index(["kota", "tahun"]).sort_index()["jp"]
    for kota, series in jp.groupby(level="kota"):
        assert (series.pct_change().dropna() >= -JP_DROP_TOLERATED).all(), (kota, series)


def test_latsar_adds_jp_for_the_new_pns_of_its_year(db: Path) -> None:
    rows = query(
        db,
        "SELECT count(*), count(*) FILTER (WHERE year(p.tmt_masuk) = pr.tahun AND p.jenis_asn = 'PNS')"
        " FROM stg_peserta AS ps JOIN stg_program AS pr USING (kode_program)"
        " JOIN stg_pegawai AS p USING (id_pegawai) WHERE pr.nama_program LIKE 'Pelatihan Dasar CPNS%'",
    )
    participants, new_pns = rows[0]
    assert participants > 0
    assert new_pns == participants


def test_makassar_appoints_about_8700_pppk_in_2025(db: Path) -> None:
    makassar = next(c for c in CITIES if c.kota == "Makassar")
    appointed = query(
        db,
        "SELECT count(*) FROM stg_pegawai WHERE kota = 'Makassar' AND jenis_asn = 'PPPK' AND year(tmt_masuk) = 2025",
    )[0][0]
    assert sum(count for _, count in makassar.pppk_2025) == pytest.approx(8_700, rel=0.01)
    assert appointed == pytest.approx(8_700 * SCALE, rel=0.02)


def test_the_demo_has_no_doubtful_rows(db: Path) -> None:
    # Latsar filed as "pelatihan manajerial" once made each of its 319-JP activities a warning (etl_warnings).
    assert query(db, "SELECT dataset, reason FROM etl_warnings LIMIT 5") == []
    assert query(db, "SELECT count(*) FROM etl_rejects") == [(0,)]


# The Indeks Profesionalitas ASN the demo tells (issue 27): computed from the loaded years with the 2019 point
# tables, the storied cities' PNS land in believable bands, below BKN's published 70-85 for the reasons the page
# names (no training before the loaded years, BKN's revised kualifikasi), and their training stories show in it.
IP_ASN_PNS_BAND = (61, 75)  # Rendah to Sedang


def ip_asn(db: Path) -> pd.DataFrame:
    """Return ip_asn_kota_tahun as a frame indexed by (kota, tahun)."""
    rows = query(
        db,
        "SELECT kota, tahun, jumlah_pns, jumlah_pppk, ip_asn_pns, ip_asn_pppk, ip_asn_tertimbang, ip_asn_rerata,"
        " kompetensi_pns, disiplin_pns FROM ip_asn_kota_tahun",
    )
    columns = ["kota", "tahun", "jumlah_pns", "jumlah_pppk", "pns", "pppk", "tertimbang", "rerata", "kompetensi"]
    return pd.DataFrame(rows, columns=[*columns, "disiplin"]).set_index(["kota", "tahun"]).sort_index()


def test_the_storied_cities_pns_land_in_believable_ip_asn_bands(db: Path) -> None:
    last = ip_asn(db).xs(2025, level="tahun")
    low, high = IP_ASN_PNS_BAND
    assert last["pns"].between(low, high).all(), last["pns"]
    assert (last["pppk"] < last["pns"]).all()  # PPPK came later and get at most 24 JP a year
    # Bukittinggi's periodic classroom training and coaching lead; Jambi's unequal access trails
    assert last["pns"].idxmax() == "Bukittinggi" and last["pns"].idxmin() == "Jambi"


def test_ip_asn_kompetensi_grows_with_the_training_years(db: Path) -> None:
    kompetensi = ip_asn(db)["kompetensi"].unstack("tahun")
    assert (kompetensi[2025] > kompetensi[2021] + 5).all(), kompetensi


def test_jambis_many_pppk_pull_its_weighted_figure_below_the_plain_mean(db: Path) -> None:
    jambi = ip_asn(db).loc[("Jambi", 2025)]
    assert jambi["jumlah_pppk"] > jambi["jumlah_pns"]
    assert jambi["tertimbang"] < jambi["rerata"]


def test_a_few_sanctions_of_every_level_cost_little_disiplin(db: Path) -> None:
    levels = dict(query(db, "SELECT tingkat, count(*) FROM stg_hukuman_disiplin GROUP BY ALL"))
    assert set(levels) == {"ringan", "sedang", "berat"} and levels["ringan"] > levels["sedang"] > levels["berat"]
    staff = query(db, "SELECT count(DISTINCT id_pegawai) FROM stg_pegawai")[0][0]
    assert sum(levels.values()) < 0.01 * staff * len(range(2021, 2026))  # under 1% of staff a year
    assert ip_asn(db)["disiplin"].between(4.9, 5).all()
