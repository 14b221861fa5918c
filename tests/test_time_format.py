"""One time formatter: a UTC time written in WIB, WITA or WIT, in the zone the chosen cities share."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import domain
from analytics.present import formatting as fmt
from analytics.present import tables
from etl import contract

EVENING_UTC = dt.datetime(2026, 11, 23, 20, 5)


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("WIB", "24-11-2026 03:05 WIB"), ("WITA", "24-11-2026 04:05 WITA"), ("WIT", "24-11-2026 05:05 WIT")],
)
def test_a_utc_time_is_written_in_the_zone_asked_for(zone: str, shown: str) -> None:
    assert fmt.local_time(EVENING_UTC, zone) == shown  # UTC+7, +8, +9: the next day
    assert fmt.local_time(pd.Timestamp(EVENING_UTC), zone) == shown  # as a DataFrame hands it over


@pytest.mark.parametrize("missing", [None, pd.NaT])
def test_no_time_reads_as_missing(missing: object) -> None:
    assert fmt.local_time(missing, "WITA") == fmt.MISSING


def test_the_zone_is_the_one_the_chosen_cities_share() -> None:
    provinsi = {"Makassar": "Sulawesi Selatan", "Pontianak": "Kalimantan Barat", "Jayapura": "Papua"}
    assert fmt.zone_for(["Makassar"], provinsi) == "WITA"
    assert fmt.zone_for(["Jayapura"], provinsi) == "WIT"
    assert fmt.zone_for(["Pontianak"], provinsi) == "WIB"
    assert fmt.zone_for(["Makassar", "Pontianak"], provinsi) == "WIB"  # several zones: WIB, the national one
    assert fmt.zone_for([], provinsi) == "WIB"
    assert fmt.zone_for(["Tidak Dikenal"], provinsi) == "WIB"


def test_every_city_brings_its_province_so_its_zone_is_known() -> None:
    # The zone comes from the kota dataset's provinsi, which the contract requires for every city.
    kota = next(d for d in contract.DATASETS.values() if d.name == "kota")
    assert next(c for c in kota.columns if c.name == "provinsi").required
    assert fmt.zone_for(["Makassar"], {"Makassar": "SULAWESI SELATAN "}) == "WITA"  # as spreadsheets write it
    assert fmt.zone_for(["Bukittinggi"], {"Bukittinggi": "Sumatera Barat"}) == "WIB"


def test_every_province_outside_wib_has_its_zone() -> None:
    assert {domain.zone_of_province(p) for p in domain.WITA_PROVINCES} == {"WITA"}
    assert {domain.zone_of_province(p) for p in domain.WIT_PROVINCES} == {"WIT"}
    assert domain.zone_of_province("Jambi") == domain.zone_of_province(None) == "WIB"
    assert len(domain.WITA_PROVINCES) == 12 and len(domain.WIT_PROVINCES) == 8


def test_quality_tables_write_their_utc_columns_in_the_zone() -> None:
    shown = tables.for_screen(pd.DataFrame({"finished_at_utc": [EVENING_UTC]}), "id", "WITA")
    assert shown.iloc[0, 0] == "24-11-2026 04:05 WITA"
