"""Synthetic demo data: pegawai."""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo.cities import City
from demo.nip import NipRegistry, make_nips
from demo.organisation import OPDS
from demo.randomness import _choose, _d, _day, _first_of_month, _iso, _rank_within, _spread, _years
from demo.settings import YEARS
from etl import contract

MALE_NAMES = (
    "Muhammad",
    "Ahmad",
    "Abdul",
    "Agus",
    "Budi",
    "Hendra",
    "Rahmat",
    "Syamsul",
    "Irwan",
    "Yusuf",
    "Arif",
    "Fajar",
    "Ilham",
    "Rizky",
    "Taufik",
    "Zulkifli",
    "Hamzah",
    "Dedi",
    "Eko",
    "Firman",
    "Gunawan",
    "Hadi",
    "Iskandar",
    "Joko",
    "Lukman",
    "Mansur",
    "Nasrullah",
    "Rudi",
    "Sofyan",
    "Syahrial",
    "Wahyu",
    "Yudi",
    "Afrizal",
    "Yusrizal",
    "Suryadi",
    "Yohanes",
    "Arman",
    "Rusdi",
)
FEMALE_NAMES = (
    "Siti",
    "Nur",
    "Sri",
    "Dewi",
    "Rina",
    "Fitri",
    "Ayu",
    "Nurhayati",
    "Yuliana",
    "Sari",
    "Wulan",
    "Indah",
    "Ratna",
    "Mariani",
    "Hasnah",
    "Kartini",
    "Fatimah",
    "Rosmawati",
    "Yanti",
    "Desi",
    "Evi",
    "Hartati",
    "Irma",
    "Juwita",
    "Lina",
    "Maya",
    "Novita",
    "Putri",
    "Rini",
    "Sulastri",
    "Yulia",
    "Deswita",
    "Utin",
    "Melati",
    "Anisa",
    "Nurul",
    "Wahyuni",
    "Zahra",
)
MALE_LAST = (
    "Saputra",
    "Hidayat",
    "Pratama",
    "Wijaya",
    "Rahman",
    "Syahputra",
    "Nugroho",
    "Setiawan",
    "Hakim",
    "Kurniawan",
    "Amir",
    "Basri",
    "Latif",
    "Halim",
    "Ramadhan",
    "Maulana",
    "Firdaus",
    "Putra",
    "Hasanuddin",
    "Gunawan",
    "Effendi",
    "Siregar",
    "Tanjung",
    "Sinaga",
    "Munandar",
)
FEMALE_LAST = (
    "Rahmawati",
    "Susanti",
    "Handayani",
    "Lestari",
    "Wulandari",
    "Permatasari",
    "Purnamasari",
    "Anggraini",
    "Fitriani",
    "Kurniasih",
    "Rahmadani",
    "Safitri",
    "Yuliani",
    "Maharani",
    "Nurjanah",
    "Oktaviani",
    "Puspita",
    "Ramadhani",
    "Syafitri",
    "Utami",
    "Andriani",
    "Marlina",
)
TITLES_S1 = {
    "pendidikan": ("S.Pd.",),
    "kesehatan": ("S.Kep.", "S.KM.", "S.Farm.", "S.Gz."),
    "teknis": ("S.T.",),
    "it": ("S.Kom.",),
    "manajemen": ("S.E.", "S.H.", "S.Sos.", "S.AP."),
}
TITLES_S1_OTHER = ("S.Sos.", "S.E.", "S.H.", "S.IP.")
TITLES_S2 = {"pendidikan": "M.Pd.", "kesehatan": "M.Kes.", "manajemen": "M.Si.", "teknis": "M.T."}

PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D3", "S1/D4", "S2", "S3")
PENDIDIKAN_START_GOLONGAN = {"SD": 0, "SMP": 2, "SMA/SMK": 4, "D3": 6, "S1/D4": 8, "S2": 9, "S3": 10}
KATEGORI = contract.VOCABULARIES["kategori_jabatan"]  # JPT, Administrator, Pengawas, Pelaksana, Fungsional
K_JPT, K_ADM, K_PENGAWAS, K_PELAKSANA, K_FUNGSIONAL = range(5)
GOLONGAN_RANGE = {  # (lowest, highest) index into contract.GOLONGAN per kategori
    K_JPT: (12, 15),
    K_ADM: (10, 13),
    K_PENGAWAS: (8, 11),
    K_PELAKSANA: (0, 10),
    K_FUNGSIONAL: (6, 13),
}
FEMALE_SHARE = {
    "pendidikan": 0.70,
    "kesehatan": 0.75,
    "manajemen": 0.50,
    "pelayanan": 0.55,
    "kewilayahan": 0.40,
    "teknis": 0.25,
    "it": 0.40,
    "ketertiban": 0.20,
    "ekonomi": 0.50,
}


def _kategori_probs(group: str, pns: bool) -> list[float]:
    """Return probabilities of (JPT, Administrator, Pengawas, Pelaksana, Fungsional).

    JPT are set separately (one head per OPD), so their probability here is zero.
    """
    if not pns:
        fungsional = 0.85 if group in ("pendidikan", "kesehatan") else 0.30
        return [0.0, 0.0, 0.0, 1 - fungsional, fungsional]
    table = {
        "pendidikan": (0.003, 0.012, 0.85),
        "kesehatan": (0.01, 0.03, 0.70),
        "kewilayahan": (0.06, 0.25, 0.03),
    }
    adm, pengawas, fungsional = table.get(group, (0.06, 0.15, 0.20))
    return [0.0, adm, pengawas, 1 - adm - pengawas - fungsional, fungsional]


def _pendidikan_probs(kategori: int, group: str) -> list[float]:
    """Return probabilities over PENDIDIKAN for a position category and OPD group.

    Credible for a kota's ASN (BKN's Buku Statistik ASN puts about half of all ASN at S-1, a tenth at S-2 and a
    fifth at SMA): JPT and administrators mostly hold an S-2; pengawas an S-1 or S-2; pelaksana SMA/SMK, D-III or,
    more and more, an S-1; teachers an S-1/D-IV at least (UU 14/2005 art. 9); health staff a D-III (perawat,
    bidan) or an S-1 (ners, dokter, apoteker).
    """
    if kategori == K_JPT:
        return [0, 0, 0, 0, 0.1, 0.78, 0.12]
    if kategori == K_ADM:
        return [0, 0, 0, 0, 0.35, 0.62, 0.03]
    if kategori == K_PENGAWAS:
        return [0, 0, 0, 0.04, 0.64, 0.32, 0]
    if kategori == K_PELAKSANA:
        return [0.01, 0.02, 0.40, 0.15, 0.40, 0.02, 0]
    if group == "pendidikan":
        return [0, 0, 0, 0, 0.85, 0.15, 0]
    if group == "kesehatan":
        return [0, 0, 0, 0.40, 0.48, 0.12, 0]
    return [0, 0, 0, 0.05, 0.70, 0.25, 0]


# Year of TMT of new PNS (CPNS formations), 2021-2025: an intake every year, growing a little, so a
# year's Latsar (hundreds of JP for each new PNS) adds JP for the new hires without making JP per
# ASN jump up in one year and fall back in the next.
NEW_PNS_YEAR_WEIGHTS = (0.18, 0.19, 0.19, 0.21, 0.23)


def _employee_pool(
    city: City, pns: bool, size: int, rng: np.random.Generator, months_2025: dict[int, float] | None = None
) -> pd.DataFrame:
    """Return `size` candidate employees of one kind (PNS or PPPK), before selection.

    `months_2025` (month of TMT: weight) makes a pool of PPPK appointed in 2025 in those months.
    """
    opd_names = list(city.opds)
    weights = [OPDS[o].pns if pns else OPDS[o].pppk for o in opd_names]
    opd = _choose(rng, opd_names, weights, size)
    group = np.array([OPDS[o].group for o in opd], dtype=object)
    female = rng.random(size) < np.array([FEMALE_SHARE[g] for g in group])

    if pns:
        new = np.zeros(size, dtype=bool)
        new[rng.permutation(size)[: round(0.14 * size)]] = True
        # Existing PNS: age on 1 Jan 2021, entered at 19-40 and before 2021.
        age = np.clip(rng.normal(43, 9, size), 22, 59.9)
        birth = _day(2021) - (age * 365.25).astype(np.int64).astype("timedelta64[D]")
        birth_year = _years(birth)
        entry = np.clip(22 + rng.gamma(2.0, 2.5, size), 19, 40).astype(np.int64)
        tmt_year = np.clip(birth_year + entry, birth_year + 19, 2020)
        tmt_month = rng.integers(1, 13, size)
        # New PNS (CPNS formations): TMT in January-July of 2021-2025.
        new_year = np.zeros(size, dtype=np.int64)
        new_year[new] = _spread(rng, YEARS, NEW_PNS_YEAR_WEIGHTS, int(new.sum())).astype(np.int64)
        new_month = rng.integers(1, 8, size)
        tmt_year = np.where(new, new_year, tmt_year)
        tmt_month = np.where(new, new_month, tmt_month)
    elif months_2025:
        tmt_year = np.full(size, 2025, dtype=np.int64)
        tmt_month = _choose(rng, list(months_2025), list(months_2025.values()), size).astype(np.int64)
        new = np.zeros(size, dtype=bool)
    else:
        # A city whose 2025 appointments are known (city.pppk_2025) gets them from their own pool.
        weights = [0.06, 0.16, 0.20, 0.18, 0.22, 0.0 if city.pppk_2025 else 0.18]
        tmt_year = _choose(rng, (2020, *YEARS), weights, size).astype(np.int64)
        tmt_month = rng.integers(1, 13, size)
        new = np.zeros(size, dtype=bool)
    tmt_months = (tmt_year - 1970).astype("datetime64[Y]").astype("datetime64[M]")
    tmt = (tmt_months + (tmt_month - 1).astype("timedelta64[M]")).astype("datetime64[D]")
    entry_age = np.where(
        pns, np.clip(22 + rng.gamma(2.0, 2.0, size), 20, 35), np.clip(24 + rng.gamma(2.2, 5.0, size), 20, 55)
    )
    days_before = (entry_age * 365.25).astype(np.int64) + rng.integers(0, 365, size)
    born_at_entry = tmt - days_before.astype("timedelta64[D]")
    birth = np.where(new, born_at_entry, birth) if pns else born_at_entry

    kategori = np.full(size, K_PELAKSANA)
    for g in np.unique(group):
        rows = np.flatnonzero(group == g)
        kategori[rows] = rng.choice(5, size=len(rows), p=_kategori_probs(g, pns))
    return pd.DataFrame(
        {
            "opd": opd,
            "group": group,
            "female": female,
            "birth": birth,
            "tmt": tmt,
            "kategori": kategori,
            "pns": pns,
        }
    )


def _add_exits(df: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Add `keluar`: retirement at 58 (60 for JPT and Fungsional) or another exit, 2021-2025.

    Rows already retired before 2021 are dropped.
    """
    n = len(df)
    bup = np.where(np.isin(df["kategori"], (K_JPT, K_FUNGSIONAL)), 60, 58)
    birth = _d(df["birth"])
    retire_month = _first_of_month(birth).astype("datetime64[M]") + (bup * 12 + 1).astype("timedelta64[M]")
    retire = retire_month.astype("datetime64[D]")
    keluar = np.where(retire <= _day(2025, 12, 31), retire, np.datetime64("NaT", "D"))
    # Other exits (resignation, transfer, death): about 0.6% a year for PNS, 1.5% for PPPK, over the
    # time each one serves within 2021-2025.
    tmt = _d(df["tmt"])
    start = np.maximum(tmt, _day(2021)) + np.timedelta64(30, "D")
    span = (_day(2025, 12, 31) - start).astype(np.int64)
    other = rng.random(n) < np.where(df["pns"], 0.006, 0.015) * np.maximum(span, 0) / 365.25
    exit_day = _first_of_month(start + (rng.random(n) * np.maximum(span, 0)).astype("timedelta64[D]"))
    other &= (span > 0) & (exit_day > tmt)
    keluar = np.where(other & (np.isnat(keluar) | (exit_day < keluar)), exit_day, keluar)
    df = df.assign(keluar=keluar, pensiun=keluar == retire)
    keep = (np.isnat(keluar) | (keluar >= _day(2021))) & (np.isnat(keluar) | (keluar > tmt))
    return df[keep].reset_index(drop=True)


def _select(pool: pd.DataFrame, active_target: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return `active_target` employees still in service at end-2025 plus a matching share of leavers."""
    order = rng.permutation(len(pool))
    stays = np.isnat(_d(pool["keluar"]))[order]
    stayers, leavers = order[stays], order[~stays]
    n_leavers = round(active_target * len(leavers) / max(len(stayers), 1))
    chosen = np.concatenate([stayers[:active_target], leavers[:n_leavers]])
    return pool.iloc[np.sort(chosen)].reset_index(drop=True)


def _cover_all_opds(city: City, df: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return the employees with every OPD of the city staffed (matters at tiny scale).

    A missing OPD gets a PNS Pelaksana moved from Dinas Pendidikan, the largest employer.
    """
    present = set(df["opd"])
    missing = [o for o in city.opds if o not in present]
    pelaksana = df["pns"].to_numpy() & (df["kategori"] == K_PELAKSANA).to_numpy()
    movable = np.flatnonzero((df["opd"] == "Dinas Pendidikan").to_numpy() & pelaksana)
    moved = rng.permutation(movable)[: len(missing)]
    df = df.copy()
    df.loc[moved, "opd"] = missing[: len(moved)]
    df.loc[moved, "group"] = [OPDS[o].group for o in missing[: len(moved)]]
    return df


def _assign_heads(df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return kategori with one JPT head per OPD (seven in Sekretariat Daerah, none in Kecamatan)."""
    kategori = df["kategori"].to_numpy().copy()
    age_2025 = 2025 - _years(_d(df["birth"]))
    candidate = df["pns"].to_numpy() & np.isnat(_d(df["keluar"])) & (age_2025 >= 45)
    rows = np.flatnonzero(candidate)
    rows = rows[rng.permutation(len(rows))]
    opd = df["opd"].to_numpy()[rows]
    rank = _rank_within(opd)
    heads = np.where(opd == "Sekretariat Daerah", 7, np.where(opd == "Kecamatan", 0, 1))
    kategori[rows[rank < heads]] = K_JPT
    return kategori


def _pendidikan(kategori: np.ndarray, group: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Return the highest education of each employee."""
    out = np.empty(len(kategori), dtype=object)
    keys = (pd.Series(kategori).astype(str) + "|" + pd.Series(group)).to_numpy()
    for key in np.unique(keys):
        rows = np.flatnonzero(keys == key)
        k, g = key.split("|")
        out[rows] = _choose(rng, PENDIDIKAN, _pendidikan_probs(int(k), g), len(rows))
    return out


def _golongan(df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return golongan/ruang (empty for PPPK): start by education, one step per ~5 years."""
    tmt_year = _years(_d(df["tmt"]))
    keluar = _d(df["keluar"])
    until = np.where(np.isnat(keluar), 2025, _years(keluar))
    service = np.maximum(until - tmt_year, 0)
    start = np.array([PENDIDIKAN_START_GOLONGAN[p] for p in df["pendidikan"]])
    step = service // 5 - rng.integers(0, 2, len(df))
    lo = np.array([GOLONGAN_RANGE[k][0] for k in df["kategori"]])
    hi = np.array([GOLONGAN_RANGE[k][1] for k in df["kategori"]])
    idx = np.clip(start + np.maximum(step, 0), lo, hi)
    idx = np.minimum(idx, start + 6)  # education caps promotion
    gol = np.asarray(contract.GOLONGAN, dtype=object)[np.clip(idx, 0, len(contract.GOLONGAN) - 1)]
    return np.where(df["pns"].to_numpy(), gol, "")


def _names(city: City, df: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Return fake Indonesian names with academic titles matching education and OPD."""
    n = len(df)
    female = df["female"].to_numpy()
    first = np.where(female, _choose(rng, FEMALE_NAMES, None, n), _choose(rng, MALE_NAMES, None, n))
    last = np.where(female, _choose(rng, FEMALE_LAST, None, n), _choose(rng, MALE_LAST, None, n))
    name = first + " " + last
    if city.kota == "Makassar":  # Bugis-Makassar nobility title
        name = np.where(rng.random(n) < 0.10, "Andi " + name, name)
    group = df["group"].to_numpy()
    pend = df["pendidikan"].to_numpy()
    s1 = np.empty(n, dtype=object)
    for g in np.unique(group):
        rows = np.flatnonzero(group == g)
        s1[rows] = _choose(rng, TITLES_S1.get(g, TITLES_S1_OTHER), None, len(rows))
    s2 = np.array([TITLES_S2.get(g, "M.Si.") for g in group], dtype=object)
    d3 = np.where(group == "kesehatan", "A.Md.Kep.", "A.Md.")
    titles = np.select(
        [pend == "D3", pend == "S1/D4", np.isin(pend, ("S2", "S3"))], [d3, s1, s1 + ", " + s2], default=""
    )
    # Medical doctors write "dr." before the name instead of a bachelor title.
    doctor = (group == "kesehatan") & np.isin(pend, ("S1/D4", "S2")) & (rng.random(n) < 0.15)
    titles = np.where(doctor, np.where(pend == "S2", s2, ""), titles)
    prefix = np.select([doctor, pend == "S3"], ["dr. ", "Dr. "], default="")
    return (prefix + name + np.where(titles != "", ", " + titles, "")).astype(object)


def make_pegawai(
    city: City,
    n_pns: int,
    n_pppk: int,
    rng: np.random.Generator,
    registry: NipRegistry,
    n_pppk_2025: int = 0,
) -> pd.DataFrame:
    """Return one chunk of employees (in service at end-2025: n_pns + n_pppk, plus leavers).

    `n_pppk_2025` of the n_pppk were appointed in 2025, in the months of city.pppk_2025.
    Columns: nip (int64), nama, opd (city label), opd_kind (key of OPDS), group, female, birth,
    tmt, keluar (NaT when still in service), kategori (index into KATEGORI), pns, pendidikan,
    golongan, ability (latent performance).
    """
    months = {month: float(count) for month, count in city.pppk_2025}
    kinds = [(True, n_pns, None), (False, n_pppk - n_pppk_2025, None)]
    if n_pppk_2025:
        kinds.append((False, n_pppk_2025, months))
    parts = []
    for pns, target, months_2025 in kinds:
        pool = _employee_pool(city, pns, int(target * 1.5) + 20, rng, months_2025)
        pool = _add_exits(pool, rng)
        parts.append(_select(pool, target, rng))
    df = _cover_all_opds(city, pd.concat(parts, ignore_index=True), rng)
    df["kategori"] = _assign_heads(df, rng)
    df["pendidikan"] = _pendidikan(df["kategori"].to_numpy(), df["group"].to_numpy(), rng)
    df["golongan"] = _golongan(df, rng)
    df["nama"] = _names(city, df, rng)
    df["ability"] = rng.normal(0.0, 1.0, len(df))
    nip, birth = make_nips(_d(df["birth"]), _d(df["tmt"]), df["female"].to_numpy(), registry)
    df["nip"] = nip
    df["birth"] = birth
    df["opd_kind"] = df["opd"]
    df["opd"] = [city.label(o) for o in df["opd"]]
    return df.sort_values("nip", kind="stable").reset_index(drop=True)


def pegawai_rows(city: City, df: pd.DataFrame) -> pd.DataFrame:
    """Return pegawai.csv rows (contract columns) for a chunk of employees."""
    return pd.DataFrame(
        {
            "nip": df["nip"].to_numpy(),
            "nama": df["nama"].to_numpy(),
            "kota": city.kota,
            "opd": df["opd"].to_numpy(),
            "jenis_asn": np.where(df["pns"], "PNS", "PPPK"),
            "kategori_jabatan": np.asarray(KATEGORI, dtype=object)[df["kategori"].to_numpy()],
            "golongan": df["golongan"].to_numpy(),
            "jenis_kelamin": np.where(df["female"], "P", "L"),
            "tahun_lahir": _years(_d(df["birth"])),
            "pendidikan": df["pendidikan"].to_numpy(),
            "tmt_masuk": _iso(_d(df["tmt"])),
            "tanggal_keluar": _iso(_d(df["keluar"])),
            # as SIASN names it (siasn_ref_kedudukan_hukum.csv): in service, retired at BUP, or left otherwise
            "kedudukan_hukum": np.where(
                np.isnat(_d(df["keluar"])),
                "Aktif",
                np.where(df["pensiun"].fillna(False).astype(bool), "Mencapai BUP", "Tidak Aktif"),
            ),
        }
    )
