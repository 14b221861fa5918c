"""Tests of the synthetic source folder written by demo.write_sample.

One small folder (scale 0.05) is written once per session (tests/conftest.py) and read as text, so every check
sees exactly what a user's loader would see.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from demo import CITIES, NipRegistry, make_nips, write_sample, writer
from etl import contract

SCALE = 0.05
SEED = 7
YEARS = range(2021, 2026)
INTEGER_KINDS = (contract.INT, contract.MONEY)


@pytest.fixture(scope="module")
def folder(sample_source) -> Path:
    """Return a folder written by write_sample at a small scale (once per session, tests/conftest.py)."""
    return sample_source(SEED, SCALE)


@pytest.fixture(scope="module")
def data(folder: Path) -> dict[str, pd.DataFrame]:
    """Return every dataset of the folder as text (empty cells as "")."""
    return {
        name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")
        for name in contract.DATASETS
    }


def numbers(series: pd.Series) -> pd.Series:
    """Return a text column as numbers (empty cells as NaN)."""
    return pd.to_numeric(series.replace("", np.nan))


def city_of_nip(data: dict[str, pd.DataFrame]) -> pd.Series:
    """Return kota per NIP."""
    return data["pegawai"].set_index("nip")["kota"]


def program_year(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return peserta joined to program with the program's year."""
    program = data["program"].assign(tahun=lambda d: d["tanggal_mulai"].str[:4].astype(int))
    return data["peserta"].merge(program, on="kode_program", validate="many_to_one")


# ----------------------------------------------------------------------------------------
# Files, determinism, return value
# ----------------------------------------------------------------------------------------


def test_same_seed_and_scale_write_byte_identical_files(folder: Path, tmp_path: Path) -> None:
    write_sample(tmp_path / "again", seed=SEED, scale=SCALE)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p in (tmp_path / "again").iterdir())
    for name in names:
        assert (folder / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_different_seed_writes_different_files(folder: Path, tmp_path: Path) -> None:
    write_sample(tmp_path / "other", seed=SEED + 1, scale=SCALE)
    for name in ("pegawai.csv", "peserta.csv", "penilaian_kinerja.csv", "survei_kepuasan.csv"):
        assert (folder / name).read_bytes() != (tmp_path / "other" / name).read_bytes(), name


def test_every_dataset_has_a_file_with_the_contract_header(folder: Path) -> None:
    for name, dataset in contract.DATASETS.items():
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            header = fh.readline()
        assert header == ",".join(c.name for c in dataset.columns) + "\n"


def test_files_are_utf8_without_bom_and_unix_line_ends(folder: Path) -> None:
    for name in contract.DATASETS:
        raw = (folder / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in raw
        raw.decode("utf-8")


def test_returned_counts_are_data_rows_per_file(tmp_path: Path) -> None:
    counts = write_sample(tmp_path / "s", seed=1, scale=0.02)
    assert set(counts) == {f"{name}.csv" for name in contract.DATASETS}
    for name, rows in counts.items():
        assert rows == len(pd.read_csv(tmp_path / "s" / name, dtype=str)), name


def test_marker_file_says_synthetic_with_seed_and_scale(folder: Path) -> None:
    text = (folder / contract.SYNTHETIC_MARKER).read_text(encoding="utf-8")
    assert "DATA SINTETIS" in text
    assert "SYNTHETIC DATA" in text
    assert f"seed: {SEED}" in text
    assert f"scale: {SCALE}" in text


def test_every_city_has_rows_every_year_in_every_dataset(data: dict[str, pd.DataFrame]) -> None:
    kota_of = city_of_nip(data)
    joined = program_year(data)
    program = data["program"].assign(tahun=data["program"]["tanggal_mulai"].str[:4])
    per_year = {
        "apbd": data["apbd"][["kota", "tahun"]],
        "anggaran": data["anggaran"][["kota", "tahun"]],
        "program": program[["kota", "tahun"]],
        "peserta": joined[["kota", "tahun"]],
        "penilaian_kinerja": data["penilaian_kinerja"].assign(kota=lambda d: d["nip"].map(kota_of)),
        "penghargaan": data["penghargaan"].assign(kota=lambda d: d["nip"].map(kota_of)),
        "mentoring": data["mentoring"].assign(
            kota=lambda d: d["nip_mentee"].map(kota_of), tahun=lambda d: d["tanggal_mulai"].str[:4]
        ),
        "umpan_balik_pelatihan": data["umpan_balik_pelatihan"]
        .merge(data["program"][["kode_program", "kota"]], on="kode_program")
        .assign(tahun=lambda d: d["tanggal"].str[:4]),
        "survei_kepuasan": data["survei_kepuasan"].assign(tahun=lambda d: d["tanggal"].str[:4]),
        "aspirasi": data["aspirasi"].assign(tahun=lambda d: d["tanggal"].str[:4]),
    }
    expected = {(c.kota, y) for c in CITIES for y in YEARS}
    for name, df in per_year.items():
        present = set(zip(df["kota"], df["tahun"].astype(int), strict=True))
        assert expected <= present, (name, sorted(expected - present))


def test_generation_in_chunks_keeps_keys_unique_and_references_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "CHUNK_SIZE", 150)  # several chunks per city, as at large scale
    write_sample(tmp_path, seed=3, scale=0.03)
    pegawai = pd.read_csv(tmp_path / "pegawai.csv", dtype=str)
    program = pd.read_csv(tmp_path / "program.csv", dtype=str)
    peserta = pd.read_csv(tmp_path / "peserta.csv", dtype=str)
    assert pegawai["nip"].is_unique
    assert program["kode_program"].is_unique
    assert not peserta.duplicated(["kode_program", "nip"]).any()
    assert set(peserta["nip"]) <= set(pegawai["nip"])
    assert set(peserta["kode_program"]) <= set(program["kode_program"])


# ----------------------------------------------------------------------------------------
# Validity under the contract
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n, d in contract.DATASETS.items() if d.key])
def test_dataset_keys_are_unique(data: dict[str, pd.DataFrame], name: str) -> None:
    key = list(contract.DATASETS[name].key)
    assert not data[name].duplicated(key).any()


@pytest.mark.parametrize(
    ("name", "reference"),
    [(n, r) for n, d in contract.DATASETS.items() for r in d.references],
    ids=lambda v: v if isinstance(v, str) else v.column,
)
def test_references_point_to_existing_rows(
    data: dict[str, pd.DataFrame], name: str, reference: contract.Reference
) -> None:
    values = set(data[name][reference.column])
    assert values <= set(data[reference.target][reference.target_column])


def test_required_columns_are_filled(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in dataset.required_columns:
            assert (data[name][column] != "").all(), (name, column)


def test_nips_are_18_digits(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in (c.name for c in dataset.columns if c.kind == contract.NIP):
            assert data[name][column].str.fullmatch(r"\d{18}").all(), (name, column)


def test_nip_starts_with_birth_year_and_tmt(data: dict[str, pd.DataFrame]) -> None:
    pegawai = data["pegawai"]
    assert (pegawai["nip"].str[:4] == pegawai["tahun_lahir"]).all()
    assert (pegawai["nip"].str[8:14] == pegawai["tmt_masuk"].str[:7].str.replace("-", "")).all()
    sex_digit = pegawai["jenis_kelamin"].map({"L": "1", "P": "2"})
    assert (pegawai["nip"].str[14] == sex_digit).all()


def test_make_nips_stay_unique_when_the_sequence_overflows() -> None:
    n = 2_500  # more than the 999 sequence numbers of one prefix
    birth = np.full(n, np.datetime64("1985-03-12", "D"))
    tmt = np.full(n, np.datetime64("2010-01-01", "D"))
    registry = NipRegistry()
    first, _ = make_nips(birth, tmt, np.zeros(n, dtype=bool), registry)
    second, _ = make_nips(birth, tmt, np.zeros(n, dtype=bool), registry)
    nips = np.concatenate([first, second]).astype(str)
    assert len(set(nips)) == 2 * n
    assert all(re.fullmatch(r"\d{18}", nip) for nip in nips)


def test_integers_and_money_are_written_as_digits(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in (c.name for c in dataset.columns if c.kind in INTEGER_KINDS):
            filled = data[name][column][data[name][column] != ""]
            assert filled.str.fullmatch(r"\d+").all(), (name, column)


def test_dates_are_iso(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in (c.name for c in dataset.columns if c.kind == contract.DATE):
            filled = data[name][column][data[name][column] != ""]
            assert pd.to_datetime(filled, format="%Y-%m-%d").notna().all(), (name, column)


def test_values_are_in_canonical_vocabulary(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in (c for c in dataset.columns if c.kind == contract.VOCAB):
            filled = set(data[name][column.name]) - {""}
            assert filled <= set(contract.VOCABULARIES[column.vocab]), (name, column.name)


def test_numbers_are_within_contract_ranges(data: dict[str, pd.DataFrame]) -> None:
    for name, dataset in contract.DATASETS.items():
        for column in dataset.columns:
            if column.kind not in (*INTEGER_KINDS, contract.SCORE):
                continue
            values = numbers(data[name][column.name]).dropna()
            if column.min is not None:
                assert (values > column.min).all() if column.min_exclusive else (values >= column.min).all()
            if column.max is not None:
                assert (values <= column.max).all(), (name, column.name)


def test_years_are_2021_to_2025(data: dict[str, pd.DataFrame]) -> None:
    for name in ("apbd", "anggaran", "penilaian_kinerja", "penghargaan"):
        assert set(data[name]["tahun"].astype(int)) == set(YEARS), name
    assert set(data["program"]["tanggal_mulai"].str[:4].astype(int)) == set(YEARS)


def test_program_ends_on_or_after_its_start(data: dict[str, pd.DataFrame]) -> None:
    program = data["program"]
    assert (program["tanggal_selesai"] >= program["tanggal_mulai"]).all()
    mentoring = data["mentoring"]
    ended = mentoring[mentoring["tanggal_selesai"] != ""]
    assert (ended["tanggal_selesai"] >= ended["tanggal_mulai"]).all()


def test_program_jenis_belongs_to_its_jalur(data: dict[str, pd.DataFrame]) -> None:
    for jalur, jenis in zip(data["program"]["jalur"], data["program"]["jenis"], strict=True):
        assert jenis in contract.JALUR_JENIS[jalur]


def test_kode_program_is_city_prefix_year_and_sequence(data: dict[str, pd.DataFrame]) -> None:
    program = data["program"]
    prefix = program["kota"].map({c.kota: c.kode for c in CITIES})
    expected = prefix + "-" + program["tanggal_mulai"].str[:4] + "-"
    assert (program["kode_program"].str[:9] == expected).all()
    assert program["kode_program"].str.fullmatch(r"[A-Z]{3}-\d{4}-\d{4,}").all()


def test_predikat_agrees_with_the_matrix_from_2022(data: dict[str, pd.DataFrame]) -> None:
    rows = data["penilaian_kinerja"]
    later = rows[rows["tahun"].astype(int) >= 2022]
    assert (later["hasil_kerja"] != "").all() and (later["perilaku_kerja"] != "").all()
    cells = zip(later["hasil_kerja"], later["perilaku_kerja"], strict=True)
    assert [contract.PREDIKAT_MATRIX[cell] for cell in cells] == later["predikat"].tolist()


def test_2021_appraisals_have_no_matrix_cells(data: dict[str, pd.DataFrame]) -> None:
    rows = data["penilaian_kinerja"]
    early = rows[rows["tahun"] == "2021"]
    assert len(early) > 0
    assert (early["hasil_kerja"] == "").all() and (early["perilaku_kerja"] == "").all()


def test_every_employee_in_service_is_rated_each_year(data: dict[str, pd.DataFrame]) -> None:
    pegawai = data["pegawai"]
    penilaian = data["penilaian_kinerja"]
    rated = set(zip(penilaian["nip"], penilaian["tahun"].astype(int), strict=True))
    for year in YEARS:
        started = pegawai["tmt_masuk"] <= f"{year}-12-31"
        still_there = (pegawai["tanggal_keluar"] == "") | (pegawai["tanggal_keluar"] >= f"{year}-01-01")
        for nip in pegawai.loc[started & still_there, "nip"]:
            assert (nip, year) in rated


def test_participants_are_in_service_during_the_program(data: dict[str, pd.DataFrame]) -> None:
    joined = program_year(data).merge(data["pegawai"], on="nip", suffixes=("", "_pegawai"))
    assert (joined["tmt_masuk"] <= joined["tanggal_mulai"]).all()
    left = joined[joined["tanggal_keluar"] != ""]
    assert (left["tanggal_keluar"] > left["tanggal_selesai"]).all()


def test_pppk_have_no_golongan_and_pns_have_one(data: dict[str, pd.DataFrame]) -> None:
    pegawai = data["pegawai"]
    assert (pegawai.loc[pegawai["jenis_asn"] == "PPPK", "golongan"] == "").all()
    assert (pegawai.loc[pegawai["jenis_asn"] == "PNS", "golongan"] != "").all()


def test_names_are_filled(data: dict[str, pd.DataFrame]) -> None:
    nama = data["pegawai"]["nama"]
    assert (nama.str.len() >= 5).all()
    assert nama.nunique() > len(nama) / 3


def test_survei_answers_are_1_to_4_and_never_all_blank(data: dict[str, pd.DataFrame]) -> None:
    answers = data["survei_kepuasan"][[f"u{i}" for i in range(1, 10)]]
    assert set(answers.to_numpy().ravel()) <= {"", "1", "2", "3", "4"}
    assert (answers == "").any(axis=None)  # some blanks
    assert not (answers == "").all(axis=1).any()


def test_reaction_scores_are_1_to_5_and_mostly_4(data: dict[str, pd.DataFrame]) -> None:
    columns = ["skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat"]
    scores = data["umpan_balik_pelatihan"][columns]
    assert set(scores.to_numpy().ravel()) <= {"1", "2", "3", "4", "5"}
    assert pd.Series(scores.to_numpy().ravel()).value_counts().idxmax() == "4"


def test_feedback_is_dated_at_the_program_end(data: dict[str, pd.DataFrame]) -> None:
    joined = data["umpan_balik_pelatihan"].merge(data["program"], on="kode_program")
    assert (joined["tanggal"] == joined["tanggal_selesai"]).all()


def test_mentor_is_never_the_mentee(data: dict[str, pd.DataFrame]) -> None:
    mentoring = data["mentoring"]
    assert (mentoring["nip_mentor"] != mentoring["nip_mentee"]).all()
    assert numbers(mentoring["jumlah_sesi"]).between(4, 12).all()


# ----------------------------------------------------------------------------------------
# Realism
# ----------------------------------------------------------------------------------------


def test_headcount_in_service_at_end_2025_follows_scale(data: dict[str, pd.DataFrame]) -> None:
    active = data["pegawai"][data["pegawai"]["tanggal_keluar"] == ""]
    counts = active.groupby(["kota", "jenis_asn"]).size()
    for city in CITIES:
        assert counts[(city.kota, "PNS")] == round(city.pns * SCALE)
        assert counts[(city.kota, "PPPK")] == round(city.pppk * SCALE)


def test_makassar_has_the_most_pegawai_and_bukittinggi_the_fewest(data: dict[str, pd.DataFrame]) -> None:
    counts = data["pegawai"]["kota"].value_counts()
    assert counts.idxmax() == "Makassar"
    assert counts.idxmin() == "Bukittinggi"


def test_dinas_pendidikan_is_the_largest_opd_of_each_city(data: dict[str, pd.DataFrame]) -> None:
    largest = data["pegawai"].groupby("kota")["opd"].agg(lambda s: s.value_counts().idxmax())
    assert set(largest) == {"Dinas Pendidikan"}


def test_each_city_has_15_to_25_opd(data: dict[str, pd.DataFrame]) -> None:
    opd_count = data["pegawai"].groupby("kota")["opd"].nunique()
    assert opd_count.between(15, 25).all()


def test_fungsional_is_the_largest_category_and_golongan_iii_dominates(data: dict[str, pd.DataFrame]) -> None:
    pegawai = data["pegawai"]
    assert pegawai["kategori_jabatan"].value_counts().idxmax() == "Fungsional"
    pns = pegawai[pegawai["jenis_asn"] == "PNS"]
    assert pns["golongan"].str.split("/").str[0].value_counts().idxmax() == "III"


def test_some_employees_enter_and_leave_during_2021_to_2025(data: dict[str, pd.DataFrame]) -> None:
    pegawai = data["pegawai"]
    assert (pegawai["tmt_masuk"] >= "2021-01-01").mean() > 0.05
    assert (pegawai["tanggal_keluar"] != "").mean() > 0.03


def test_most_predikat_are_baik(data: dict[str, pd.DataFrame]) -> None:
    share = data["penilaian_kinerja"]["predikat"].value_counts(normalize=True)
    assert 0.65 < share["Baik"] < 0.85
    assert 0.08 < share["Sangat Baik"] < 0.22
    assert share.get("Sangat Kurang", 0) < 0.02


def test_most_participants_pass(data: dict[str, pd.DataFrame]) -> None:
    share = data["peserta"]["status"].value_counts(normalize=True)
    assert 0.8 < share["lulus"] < 0.95
    assert share["tidak_hadir"] > 0 and share["tidak_lulus"] > 0


def test_post_test_is_higher_than_pre_test_on_average(data: dict[str, pd.DataFrame]) -> None:
    tested = data["peserta"][data["peserta"]["nilai_pre"] != ""]
    gain = numbers(tested["nilai_post"]) - numbers(tested["nilai_pre"])
    assert 8 < gain.mean() < 18


def test_realisasi_stays_below_pagu_per_city_year(data: dict[str, pd.DataFrame]) -> None:
    anggaran = data["anggaran"].assign(
        pagu=numbers(data["anggaran"]["pagu"]), realisasi=numbers(data["anggaran"]["realisasi"])
    )
    totals = anggaran.groupby(["kota", "tahun"])[["pagu", "realisasi"]].sum()
    absorption = totals["realisasi"] / totals["pagu"]
    assert absorption.between(0.70, 0.98).all()


def test_pontianak_pagu_is_below_the_016_percent_floor(data: dict[str, pd.DataFrame]) -> None:
    apbd = data["apbd"].assign(belanja=lambda d: numbers(d["belanja_daerah"]))
    pagu = data["anggaran"].assign(pagu=lambda d: numbers(d["pagu"])).groupby(["kota", "tahun"])["pagu"].sum()
    share = pagu / apbd.set_index(["kota", "tahun"])["belanja"]
    assert (share.loc["Pontianak"] < 0.0016).all()
    assert share.between(0.0008, 0.0025).all()


def test_makassar_uses_alternative_funding(data: dict[str, pd.DataFrame]) -> None:
    sumber = data["anggaran"].groupby("kota")["sumber_dana"].agg(set)
    assert {"Kerja Sama Perguruan Tinggi", "CSR/Hibah"} <= sumber["Makassar"]
    assert sumber["Pontianak"] == {"APBD"}


def test_makassar_elearning_share_grows_from_2021_to_2025(data: dict[str, pd.DataFrame]) -> None:
    joined = program_year(data)
    makassar = joined[joined["kota"] == "Makassar"]
    share = makassar.assign(e=makassar["jenis"] == "e-learning").groupby("tahun")["e"].mean()
    assert share[2025] > share[2021] + 0.1


def test_pontianak_has_the_most_mentoring_pairs(data: dict[str, pd.DataFrame]) -> None:
    pairs = data["mentoring"]["nip_mentee"].map(city_of_nip(data)).value_counts()
    assert pairs.idxmax() == "Pontianak"


def test_pontianak_gives_the_most_awards(data: dict[str, pd.DataFrame]) -> None:
    awards = data["penghargaan"]["nip"].map(city_of_nip(data)).value_counts()
    assert awards.idxmax() == "Pontianak"


def test_makassar_reaches_20_jp_more_often_than_jambi(data: dict[str, pd.DataFrame]) -> None:
    joined = program_year(data)
    lulus = joined[(joined["status"] == "lulus") & (joined["tahun"] == 2025)]
    jp = numbers(lulus["jp"]).groupby(lulus["nip"]).sum()
    pegawai = data["pegawai"]
    pns = pegawai[(pegawai["jenis_asn"] == "PNS") & (pegawai["tanggal_keluar"] == "")]
    reached = pns["nip"].map(jp).fillna(0) >= 20
    share = reached.groupby(pns["kota"]).mean()
    assert share["Makassar"] > share["Jambi"] + 0.1


def test_bukittinggi_coaches_most_of_its_under_performers(data: dict[str, pd.DataFrame]) -> None:
    rating = data["penilaian_kinerja"].assign(tahun=lambda d: d["tahun"].astype(int))
    under = rating["predikat"].isin(["Butuh Perbaikan", "Kurang", "Sangat Kurang"])
    weak = rating[under & (rating["tahun"] < 2025)]
    joined = program_year(data)
    coaching = joined[joined["jenis"] == "coaching"]
    coached = set(zip(coaching["nip"], coaching["tahun"], strict=True))
    weak = weak.assign(
        kota=weak["nip"].map(city_of_nip(data)),
        coached=[(n, y + 1) in coached for n, y in zip(weak["nip"], weak["tahun"], strict=True)],
    )
    share = weak.groupby("kota")["coached"].mean()
    assert share["Bukittinggi"] > 0.6
    assert share.drop("Bukittinggi").max() < share["Bukittinggi"]


def test_survei_ikm_is_mostly_band_b(data: dict[str, pd.DataFrame]) -> None:
    survei = data["survei_kepuasan"].assign(tahun=lambda d: d["tanggal"].str[:4])
    answers = survei[[f"u{i}" for i in range(1, 10)]].apply(numbers)
    nrr = answers.groupby([survei["kota"], survei["opd"], survei["tahun"]]).mean()
    ikm = nrr.mean(axis=1) * 25
    band_b = ikm.between(76.61, 88.30)
    assert band_b.mean() > 0.6
    assert ikm.between(65, 95).all()
