"""Synthetic demo data: one year of development activities for a chunk of employees."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from demo.activities import (
    ASSIGNED_TYPES,
    LONG_TYPES,
    PROVIDER_WEIGHTS,
    REGULAR_TYPES,
    T_BATCH,
    T_JP_HI,
    T_JP_LO,
    T_PER_AUD,
    TOPICS,
    TYPE_TOPICS,
    TYPES,
    T,
)
from demo.cities import City
from demo.organisation import GROUP_REACH_OFFSET, JAMBI_OPD_REACH, OPDS
from demo.pegawai import K_ADM, K_FUNGSIONAL, K_JPT, K_PENGAWAS
from demo.randomness import _choose, _choose_rows, _d, _day, _rank_within, _years
from demo.settings import AUD, AUDIENCES, SLOTS, YEARS
from domain import JP_MINIMUM

# Share of the fungsional who reach 20 JP in a year whose core training is that of their jabatan fungsional.
FUNCTIONAL_CORE = 0.3


@dataclass
class YearState:
    """What one year leaves for the next: ratings and who was trained or mentored."""

    rating: np.ndarray  # predikat index per employee, -1 when not rated
    trained: np.ndarray  # reached 20 JP (lulus) this year
    mentored: np.ndarray  # completed a mentoring program this year


@dataclass
class Training:
    """Programs and participants of one chunk-year."""

    programs: pd.DataFrame  # one row per program, with kode_program
    peserta: pd.DataFrame  # emp (row in chunk), prog, status, nilai_pre, nilai_post
    lulus_jp: np.ndarray  # JP with status lulus per employee of the chunk
    coached: np.ndarray  # completed performance coaching per employee
    mentored: np.ndarray  # completed mentoring per employee


def _reach_probability(city: City, opd_kind: np.ndarray, year: int) -> np.ndarray:
    """Return for each employee the chance (as PNS) of reaching 20 JP in `year`."""
    y = YEARS.index(year)
    if city.kota == "Jambi":
        base = np.array([JAMBI_OPD_REACH[o] for o in opd_kind]) + 0.025 * y
        # Scale so the city mean follows the profile (the OPD table already averages ~0.40).
        return np.clip(base * city.jp20[y] / (0.40 + 0.025 * y), 0.05, 0.95)
    offset = np.array([GROUP_REACH_OFFSET[OPDS[o].group] for o in opd_kind])
    return np.clip(city.jp20[y] + offset, 0.05, 0.95)


def _type_mix(city: City, year: int, junior: bool) -> np.ndarray:
    """Return probabilities over the regular activity types for juniors or the others."""
    weights = np.zeros(REGULAR_TYPES)
    for key, w in city.type_weights.items():
        weights[T[key]] = w
    weights[T["elearning"]] = city.elearning[YEARS.index(year)]
    # Mentoring pairs a senior with a junior: only juniors are mentees.
    weights[T["mentoring"]] *= 3.0 if junior else 0.0
    return weights / weights.sum()


def _keep(
    jp: np.ndarray,
    void: np.ndarray,
    reach: np.ndarray,
    wanted: np.ndarray,
    forced: np.ndarray,
) -> np.ndarray:
    """Return which slots are taken: up to 20 JP for reachers, fewer for the others.

    Reachers take slots until their JP reach 20; the others take at most `wanted` slots and
    stay below 20 JP. Forced slots (Latsar, leadership, coaching) are always taken.
    """
    jp0 = np.where(void, 0, jp)
    after = np.cumsum(jp0, axis=1)
    before = after - jp0
    slot = np.arange(jp.shape[1])[None, :]
    keep = np.where(reach[:, None], before < JP_MINIMUM, (slot < wanted[:, None]) & (after < JP_MINIMUM))
    return (keep | forced) & ~void


def _providers(city: City, key: str) -> tuple[list[str], list[float]]:
    """Return provider names and weights for an activity type in a city."""
    names_by_kind = {
        "lokal": (f"{city.bkpsdm} Kota {city.kota}",),
        "prov": (f"BPSDM Provinsi {city.provinsi}",),
        "lan": ("Lembaga Administrasi Negara (LAN)",),
        "univ": city.universities,
        "lms": city.lms,
        "mitra": city.mitra,
    }
    names, weights = [], []
    for kind, w in city.provider_overrides.get(key, PROVIDER_WEIGHTS[key]).items():
        for name in names_by_kind[kind]:
            names.append(name)
            weights.append(w / len(names_by_kind[kind]))
    return names, weights


def _make_programs(city: City, year: int, n_prog: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Return the programs of each pool (type x audience): jp, dates, topic, provider, cost rate."""
    pool = np.repeat(np.arange(len(n_prog)), n_prog)
    typ = pool // len(AUDIENCES)
    aud = pool % len(AUDIENCES)
    n = len(pool)
    jp = T_JP_LO[typ] + (rng.random(n) * (T_JP_HI[typ] - T_JP_LO[typ] + 1)).astype(np.int64)
    long = np.isin(typ, LONG_TYPES)
    latsar = typ == T["latsar"]
    # Start day of year: Latsar in August-September (after the January-July TMT of new
    # PNS), long programs February-July, the rest February-November.
    first = np.where(latsar, 212, 32)
    last = np.where(latsar, 273, np.where(long, 212, 334))
    start = _day(year) + (first + rng.random(n) * (last - first)).astype("timedelta64[D]")
    lo = np.array([TYPES[t].days[0] for t in typ])
    hi = np.array([TYPES[t].days[1] for t in typ])
    days = lo + (rng.random(n) * (hi - lo + 1)).astype(np.int64)
    end = np.minimum(start + (days - 1).astype("timedelta64[D]"), _day(year, 12, 31))

    topic = np.empty(n, dtype=object)
    provider = np.empty(n, dtype=object)
    rate = np.zeros(n, dtype=np.int64)
    for p in np.unique(pool):
        rows = np.flatnonzero(pool == p)
        t = TYPES[p // len(AUDIENCES)]
        a = AUDIENCES[p % len(AUDIENCES)]
        topics = TYPE_TOPICS.get(t.key) or (TOPICS[a] + (city.extra_topics if a == "umum" else ()))
        topic[rows] = _choose(rng, topics, None, len(rows))
        names, weights = _providers(city, t.key)
        provider[rows] = _choose(rng, names, weights, len(rows))
        rate_lo, rate_hi = city.elearning_rate if t.key == "elearning" else t.rate
        if city.kota == "Pontianak":  # tight budget: the cheaper end of each tariff
            rate_hi = rate_lo + (rate_hi - rate_lo) * 6 // 10
        rate[rows] = (rng.integers(rate_lo, rate_hi + 1, len(rows)) // 500) * 500
    has_test = rng.random(n) < np.array([TYPES[t].test_share for t in typ])
    if city.kota == "Makassar":  # online exams in the mobile app
        has_test |= (typ == T["elearning"]) & (rng.random(n) < 0.5)
    return pd.DataFrame(
        {
            "pool": pool,
            "typ": typ,
            "aud": aud,
            "jp": jp,
            "start": start,
            "end": end,
            "topik": topic,
            "penyelenggara": provider,
            "rate": rate,
            "has_test": has_test,
        }
    )


def _program_names(programs: pd.DataFrame) -> np.ndarray:
    """Return nama_program: type label and topic, with "Angkatan n" when repeated."""
    label = np.array([TYPES[t].label for t in programs["typ"]], dtype=object)
    topic = programs["topik"].to_numpy()
    special = np.isin(programs["typ"].to_numpy(), ASSIGNED_TYPES)
    mentoring = programs["typ"].to_numpy() == T["mentoring"]
    base = np.where(special, label, np.where(mentoring, label + ": " + topic, label + " " + topic))
    names = pd.Series(base)
    count = names.map(names.value_counts())
    number = names.groupby(names).cumcount() + 1
    return np.where(count > 1, base + " Angkatan " + number.astype(str).to_numpy().astype(object), base)


def simulate_training(
    city: City,
    year: int,
    emp: pd.DataFrame,
    active: np.ndarray,
    state: YearState,
    force_mentoring: int,
    rng: np.random.Generator,
) -> Training:
    """Return the programs and participants of one chunk-year.

    Every active employee gets SLOTS candidate activities; whether they reach 20 JP is
    drawn from the city's (and OPD's) access level, and the slots taken follow from that.
    Programs are sized from the demand, then each slot is assigned to a batch.
    """
    rows = np.flatnonzero(active)
    m = len(rows)
    tmt = _d(emp["tmt"])[rows]
    keluar = _d(emp["keluar"])[rows]
    birth_year = _years(_d(emp["birth"])[rows])
    pns = emp["pns"].to_numpy()[rows]
    kategori = emp["kategori"].to_numpy()[rows]
    opd_kind = emp["opd_kind"].to_numpy()[rows]
    group = np.array([AUD[g] for g in emp["group"].to_numpy()[rows]])
    junior = ((year - birth_year) < 35) | ((year - _years(tmt)) < 5)
    full_year = (tmt <= _day(year)) & (np.isnat(keluar) | (keluar > _day(year, 12, 31)))

    # Who reaches 20 JP, and how many activities the others take.
    p_reach = _reach_probability(city, opd_kind, year) * np.where(pns, 1.0, 0.55)
    reach = rng.random(m) < p_reach
    wanted = rng.choice(4, size=m, p=[0.35, 0.35, 0.2, 0.1])

    # Candidate slots: activity type and audience.
    probs = np.where(junior[:, None], _type_mix(city, year, True), _type_mix(city, year, False))
    typ = np.stack([_choose_rows(rng, probs) for _ in range(SLOTS)], axis=1)
    # Batches for one OPD group need enough people: small chunks mostly share general batches.
    own_group = 0.6 * min(1.0, m / 2000)
    aud = np.where(T_PER_AUD[typ] & (rng.random((m, SLOTS)) < own_group), group[:, None], 0)

    # Assigned activities come first: Latsar / leadership, coaching of under-performers, mentoring.
    forced = np.zeros((m, SLOTS), dtype=bool)
    position = np.zeros(m, dtype=np.int64)
    u = rng.random(m)
    leadership = np.full(m, -1)
    leadership[pns & (_years(tmt) == year)] = T["latsar"]
    leadership[pns & (kategori == K_PENGAWAS) & (u < 0.06)] = T["pkp"]
    leadership[pns & (kategori == K_ADM) & (u < 0.07)] = T["pka"]
    leadership[pns & (kategori == K_JPT) & (u < 0.08)] = T["pkn"]
    prev = state.rating[rows]
    coaching = (prev >= 2) & (rng.random(m) < city.coach_underperformers)
    # A short seminar or workshop of the BKPSDM's yearly programme (IP ASN's kompetensi item "seminar"): the city's
    # share of its staff, drawn apart from the mix so it does not change who reaches 20 JP.
    seminar = rng.random(m) < city.seminar_reach
    seminar_kind = np.where(rng.random(m) < 0.5, T["seminar"], T["workshop"])
    # Who reaches 20 JP starts from a core training: for a share of them a technical one (kompetensi's "diklat
    # teknis >= 20 JP"), for some fungsional the training of their jabatan fungsional. It only chooses what their
    # 20 JP are made of: who reaches them is drawn above.
    u_core = rng.random(m)
    core = np.where(rng.random(m) < 0.5, T["teknis"], T["bimtek"])
    core = np.where(u_core < city.core_technical, core, -1)
    core = np.where((kategori == K_FUNGSIONAL) & (u_core >= 1 - FUNCTIONAL_CORE), T["fungsional"], core)
    core = np.where(reach, core, -1)
    mentoring = np.zeros(m, dtype=bool)
    if force_mentoring:
        candidates = np.flatnonzero(junior & full_year)
        mentoring[rng.permutation(candidates)[:force_mentoring]] = True
    assigned = (
        (leadership >= 0, leadership),
        (coaching, T["coaching_kinerja"]),
        (mentoring, T["mentoring"]),
        (seminar, seminar_kind),
        (core >= 0, core),
    )
    for mask, kinds in assigned:
        idx = np.flatnonzero(mask)
        kind = kinds[idx] if isinstance(kinds, np.ndarray) else kinds
        typ[idx, position[idx]] = kind
        aud[idx, position[idx]] = 0
        forced[idx, position[idx]] = True
        position[idx] += 1
    reach |= leadership >= 0

    # Size the programs of each pool from a first pass with provisional JP: enough batches
    # for the demand, and at least as many as one person takes in that pool.
    pool = typ * len(AUDIENCES) + aud
    n_pools = len(TYPES) * len(AUDIENCES)
    owner = np.repeat(np.arange(m), SLOTS)
    rank = _rank_within(owner.astype(np.int64) * n_pools + pool.ravel()).reshape(m, SLOTS)
    jp_guess = T_JP_LO[typ] + (rng.random((m, SLOTS)) * (T_JP_HI[typ] - T_JP_LO[typ] + 1)).astype(np.int64)
    taken = _keep(jp_guess, np.zeros((m, SLOTS), dtype=bool), reach, wanted, forced)
    demand = np.bincount(pool[taken], minlength=n_pools)
    per_person = np.zeros(n_pools, dtype=np.int64)
    np.maximum.at(per_person, pool[taken], rank[taken] + 1)
    pool_type = np.arange(n_pools) // len(AUDIENCES)
    batches = np.maximum(per_person, np.round(demand / T_BATCH[pool_type])).astype(np.int64)
    n_prog = np.where(demand > 0, batches, 0)
    programs = _make_programs(city, year, n_prog, rng)
    first_prog = np.concatenate([[0], np.cumsum(n_prog)[:-1]])

    # Assign slots to batches: an employee's slots in one pool go to different batches.
    flat_pool = pool.ravel()
    flat_rank = rank.ravel()
    offset = rng.integers(0, 1 << 30, m)[owner]
    size = n_prog[flat_pool]
    void = (size == 0) | (flat_rank >= size)
    prog = np.where(void, 0, first_prog[flat_pool] + (offset + flat_rank) % np.maximum(size, 1))
    start = _d(programs["start"])[prog]
    end = _d(programs["end"])[prog]
    t_owner = tmt[owner]
    k_owner = keluar[owner]
    void |= (t_owner > start) | (~np.isnat(k_owner) & (k_owner <= end))
    void = void.reshape(m, SLOTS)
    prog = prog.reshape(m, SLOTS)
    jp = np.where(void, 0, programs["jp"].to_numpy()[prog])
    kept = _keep(jp, void, reach, wanted, forced)

    # Statuses: reachers pass what they took and sometimes skip or fail one more activity.
    status = np.zeros((m, SLOTS), dtype=np.int64)  # 0 lulus, 1 tidak_lulus, 2 tidak_hadir
    other = ~reach[:, None] & kept & ~forced
    draw = rng.choice(3, size=(m, SLOTS), p=[0.84, 0.05, 0.11])
    status = np.where(other, draw, status)
    spare = ~kept & ~void
    first_spare = np.argmax(spare, axis=1)
    extra = reach & spare.any(axis=1) & (rng.random(m) < 0.25)
    extra_idx = np.flatnonzero(extra)
    kept[extra_idx, first_spare[extra_idx]] = True
    status[extra_idx, first_spare[extra_idx]] = np.where(rng.random(len(extra_idx)) < 0.6, 2, 1)

    emp_i, slot_i = np.nonzero(kept)
    peserta = pd.DataFrame(
        {
            "emp": rows[emp_i],
            "prog": prog[emp_i, slot_i],
            "status": status[emp_i, slot_i],
            "jp": jp[emp_i, slot_i],
            "typ": typ[emp_i, slot_i],
        }
    )
    return _finish_training(city, year, emp, programs, peserta, rng)


def _finish_training(
    city: City,
    year: int,
    emp: pd.DataFrame,
    programs: pd.DataFrame,
    peserta: pd.DataFrame,
    rng: np.random.Generator,
) -> Training:
    """Return Training: drop empty programs, number them, add cost, names and test scores."""
    n_emp = len(emp)
    registered = np.bincount(peserta["prog"], minlength=len(programs))
    used = np.flatnonzero(registered > 0)
    programs = programs.iloc[used].copy()
    programs["registered"] = registered[used]
    # Number programs by start date: kode_program is assigned by the caller (per city-year).
    order = np.lexsort((programs["pool"].to_numpy(), _d(programs["start"])))
    programs = programs.iloc[order].reset_index()
    new_id = np.full(len(registered), -1)
    new_id[programs["index"].to_numpy()] = np.arange(len(programs))
    peserta = peserta.assign(prog=new_id[peserta["prog"].to_numpy()])
    programs["nama_program"] = _program_names(programs)
    programs["biaya"] = (programs["rate"] * programs["jp"] * programs["registered"] // 1000) * 1000

    # Pre/post test for some classroom batches; post is ~12 points higher on average.
    tested = programs["has_test"].to_numpy()[peserta["prog"].to_numpy()] & (peserta["status"].to_numpy() != 2)
    n = len(peserta)
    pre = np.clip(rng.normal(60, 11, n), 20, 95)
    post = np.clip(pre + rng.normal(12.5, 6, n), 0, 100)
    failed = peserta["status"].to_numpy() == 1
    post = np.where(failed, np.minimum(post, rng.uniform(40, 60, n)), np.maximum(post, 61))
    peserta["nilai_pre"] = pd.array(np.where(tested, np.round(pre), np.nan), dtype="Int64")
    peserta["nilai_post"] = pd.array(np.where(tested, np.round(post), np.nan), dtype="Int64")

    lulus = peserta["status"].to_numpy() == 0
    e = peserta["emp"].to_numpy()
    lulus_jp = np.bincount(e[lulus], weights=peserta["jp"].to_numpy()[lulus], minlength=n_emp)
    typ = peserta["typ"].to_numpy()
    coached = np.bincount(e[lulus & (typ == T["coaching_kinerja"])], minlength=n_emp) > 0
    mentored = np.bincount(e[lulus & (typ == T["mentoring"])], minlength=n_emp) > 0
    return Training(programs, peserta, lulus_jp, coached, mentored)
