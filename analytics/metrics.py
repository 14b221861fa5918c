"""Analysis metrics as pure functions: equity (Gini, Lorenz), the what-if of budget and activity mix,
comparisons against comparable employees, and means with confidence intervals.

DataFrames in, numbers or DataFrames out; no Streamlit, no queries. Definitions: docs/metrics.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from domain import JP_MINIMUM, KELOMPOK

Z95 = 1.959963984540054  # two-sided 95% normal quantile
CLOSEST_FIRST = "terdekat"  # extra JP go first to those closest to 20 JP (most people reach 20)
LARGEST_GAP_FIRST = "terjauh"  # extra JP go first to those furthest below 20 JP (equity first)
ORDERS = (CLOSEST_FIRST, LARGEST_GAP_FIRST)
SCORES = ("skor_materi", "skor_pengajar", "skor_penyelenggaraan", "skor_manfaat")  # reaction scores, 1-5
FOLLOW_UP_KINDS = ("coaching", "pelatihan", "tidak_ada")  # what followed a poor rating the next year


# ----------------------------------------------------------------------------------------------
# Equity
# ----------------------------------------------------------------------------------------------


def gini(values: Iterable[float]) -> float | None:
    """Return the Gini coefficient sum_i sum_j |x_i - x_j| / (2 n^2 mean) of the values, via the sorted
    ranks: sum_i (2i - n - 1) x_(i) / (n sum x). None when there are no values or their mean is 0."""
    xs = sorted(float(v) for v in values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return None
    return sum((2 * i - n - 1) * x for i, x in enumerate(xs, start=1)) / (n * total)


def lorenz(counts: pd.DataFrame, value: str = "jp", weight: str = "jumlah_pns") -> pd.DataFrame:
    """Return the Lorenz curve of a value-count distribution: one row per point, from (0, 0) to
    (100, 100), columns persen_pns (cumulative share of people, poorest first) and persen_jp (their
    cumulative share of the total). Empty when the total is 0."""
    df = counts[counts[weight] > 0].sort_values(value)
    n, total = float(df[weight].sum()), float((df[value] * df[weight]).sum())
    if n == 0 or total == 0:
        return pd.DataFrame(columns=["persen_pns", "persen_jp"], dtype=float)
    people = 100 * df[weight].cumsum() / n
    amount = 100 * (df[value] * df[weight]).cumsum() / total
    start = pd.DataFrame({"persen_pns": [0.0], "persen_jp": [0.0]})
    points = pd.DataFrame({"persen_pns": people.to_numpy(float), "persen_jp": amount.to_numpy(float)})
    return pd.concat([start, points], ignore_index=True)


def lorenz_by_city(counts: pd.DataFrame) -> pd.DataFrame:
    """Return the Lorenz points of every kota in a jp_counts frame (columns kota, persen_pns, persen_jp)."""
    parts = [lorenz(part).assign(kota=kota) for kota, part in counts.groupby("kota", sort=True)]
    if not parts:
        return pd.DataFrame(columns=["kota", "persen_pns", "persen_jp"])
    return pd.concat(parts, ignore_index=True)[["kota", "persen_pns", "persen_jp"]]


# ----------------------------------------------------------------------------------------------
# What-if: budget and activity mix
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One side of the what-if: cost, JP delivered, and PNS reaching 20 JP."""

    biaya: float  # cost of the city's activities (Rupiah)
    jp: float | None  # JP delivered (jp x passed participants); None when the cost does not bound it
    biaya_per_jp: float | None  # blended cost per JP
    jumlah_pns: int
    pns_memenuhi_20jp: int
    kekurangan_jp: float  # JP still missing to bring every PNS to 20

    @property
    def persen_20jp(self) -> float | None:
        """Share of PNS reaching 20 JP, in percent (None without PNS)."""
        return None if self.jumlah_pns == 0 else 100.0 * self.pns_memenuhi_20jp / self.jumlah_pns


def observed_kinds(kinds: pd.DataFrame) -> pd.DataFrame:
    """Return the kinds of activity with JP delivered, with their share of JP (persen_jp) and cost per JP
    (columns kelompok, biaya, jp_lulus, biaya_per_jp, persen_jp), in KELOMPOK order. Input: one row per
    kelompok with biaya and jp_lulus (analytics.queries.cost_by_kind for one city and year)."""
    df = kinds[kinds["jp_lulus"] > 0][["kelompok", "biaya", "jp_lulus"]].copy()
    df["biaya_per_jp"] = df["biaya"] / df["jp_lulus"]
    df["persen_jp"] = 100 * df["jp_lulus"] / df["jp_lulus"].sum() if len(df) else []
    order = {k: i for i, k in enumerate(KELOMPOK)}
    return df.sort_values("kelompok", key=lambda s: s.map(lambda k: order.get(k, len(order)))).reset_index(drop=True)


def chosen_mix(kinds: pd.DataFrame, weights: Mapping[str, float]) -> dict[str, float] | None:
    """Return the mix to simulate from whole-percent weights per kelompok: None (today's exact mix) when
    every weight equals today's share rounded to a whole percent, else the weights."""
    seen = observed_kinds(kinds)
    today_rounded = {k: round(float(v)) for k, v in zip(seen["kelompok"], seen["persen_jp"], strict=True)}
    same = all(round(float(weights.get(k, 0))) == v for k, v in today_rounded.items())
    return None if same else dict(weights)


def mix_shares(kinds: pd.DataFrame, mix: Mapping[str, float] | None) -> pd.Series:
    """Return the share (0-1) of each observed kelompok (index) in a mix of weights: today's shares when
    `mix` is None or has no positive weight; negative weights count as 0, kinds not observed are left out."""
    seen = observed_kinds(kinds).set_index("kelompok")
    weights = seen["persen_jp"] if mix is None else pd.Series(mix, dtype=float).reindex(seen.index).fillna(0)
    weights = weights.clip(lower=0)
    if weights.sum() == 0:
        weights = seen["persen_jp"]
    return weights / weights.sum()


def kinds_with_scenario(kinds: pd.DataFrame, mix: Mapping[str, float] | None) -> pd.DataFrame:
    """Return observed_kinds(kinds) with persen_skenario: each kelompok's share (%) of the JP in the mix
    simulated (mix_shares; today's shares when `mix` is None)."""
    seen = observed_kinds(kinds)
    return seen.assign(persen_skenario=100 * mix_shares(kinds, mix).reindex(seen["kelompok"]).to_numpy())


def _pns_today(counts: pd.DataFrame) -> tuple[int, int, float]:
    """Return (PNS, PNS with >= 20 JP, JP missing to 20) of a value-count distribution."""
    n = int(counts["jumlah_pns"].sum())
    reached = int(counts.loc[counts["jp"] >= JP_MINIMUM, "jumlah_pns"].sum())
    missing = float(((JP_MINIMUM - counts["jp"]).clip(lower=0) * counts["jumlah_pns"]).sum())
    return n, reached, missing


def allocate(counts: pd.DataFrame, extra_jp: float | None, order: str = CLOSEST_FIRST) -> tuple[int, float]:
    """Give `extra_jp` to the PNS below 20 JP, one person at a time up to 20 JP each, closest to 20 first
    (CLOSEST_FIRST) or furthest first (LARGEST_GAP_FIRST); None means enough for everyone.

    Returns (PNS reaching 20 JP afterwards, JP still missing). Whole JP are not required: a person
    reaches 20 only when their whole gap is covered; a remainder too small for the next person is
    given to them but does not make them reach 20.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order: {order!r}")
    n, reached, missing = _pns_today(counts)
    below = counts[(counts["jp"] < JP_MINIMUM) & (counts["jumlah_pns"] > 0)]
    if extra_jp is None:
        return reached + int(below["jumlah_pns"].sum()), 0.0
    left = max(float(extra_jp), 0.0)
    gaps = (JP_MINIMUM - below["jp"]).to_numpy(float)
    people = below["jumlah_pns"].to_numpy(int)
    ranked = sorted(zip(gaps, people, strict=True), reverse=order == LARGEST_GAP_FIRST)
    for gap, m in ranked:
        whole = min(int(m), int(left // gap))
        reached += whole
        left -= whole * gap
        if whole < m:
            break
    return int(reached), max(missing - float(extra_jp), 0.0)


def today(kinds: pd.DataFrame, counts: pd.DataFrame) -> Outcome:
    """Return today's cost, JP delivered and 20-JP reach of one city-year (kinds: one row per kelompok
    with biaya and jp_lulus; counts: active PNS per JP value, columns jp and jumlah_pns)."""
    seen = observed_kinds(kinds)
    cost, jp = float(seen["biaya"].sum()), float(seen["jp_lulus"].sum())
    n, reached, missing = _pns_today(counts)
    return Outcome(cost, jp, cost / jp if jp else None, n, reached, missing)


def simulate(
    kinds: pd.DataFrame,
    counts: pd.DataFrame,
    budget_change_pct: float = 0.0,
    mix: Mapping[str, float] | None = None,
    order: str = CLOSEST_FIRST,
) -> Outcome:
    """Return the projected outcome when the activity budget changes by `budget_change_pct` percent and
    the JP are delivered in the proportions `mix` (kelompok -> weight, normalised; default today's mix),
    each kind at its observed cost per JP.

    Projected JP = budget / blended cost per JP, with blended cost = sum(share_k x cost per JP_k); with
    no change the result equals `today`. Extra JP go to the PNS below 20 JP in `order` (see
    `allocate`), all of them to PNS (an upper bound). With fewer JP than today the number of PNS
    reaching 20 JP falls by the same proportion as the JP, and every JP lost is added to the gap. Kinds
    without observed JP cannot be chosen (their weight is ignored).
    """
    now = today(kinds, counts)
    return _project(now, _blended_cost(kinds, mix), counts, budget_change_pct, order)


def _blended_cost(kinds: pd.DataFrame, mix: Mapping[str, float] | None) -> float | None:
    """Return the cost of one JP in the mix (sum of share x cost per JP of each observed kind); None when
    no kind has JP."""
    seen = observed_kinds(kinds).set_index("kelompok")
    return None if seen.empty else float((mix_shares(kinds, mix) * seen["biaya_per_jp"]).sum())


def _project(now: Outcome, blended: float | None, counts: pd.DataFrame, change: float, order: str) -> Outcome:
    """Return `simulate`'s outcome from today's outcome and the blended cost per JP (worked out once)."""
    if blended is None:
        return now
    cost = now.biaya * (1 + change / 100)
    if blended == 0:  # free kinds only: the budget does not bound the JP
        reached, missing = allocate(counts, None, order)
        return Outcome(cost, None, 0.0, now.jumlah_pns, reached, missing)
    jp = cost / blended
    extra = jp - float(now.jp or 0)
    if extra >= 0:
        reached, missing = allocate(counts, extra, order)
    else:  # fewer JP: fewer PNS reach 20, in proportion; every JP lost widens the gap
        reached = int(now.pns_memenuhi_20jp * jp / float(now.jp))
        missing = now.kekurangan_jp - extra
    return Outcome(cost, jp, blended, now.jumlah_pns, reached, missing)


def budget_curve(
    kinds: pd.DataFrame,
    counts: pd.DataFrame,
    mix: Mapping[str, float] | None = None,
    order: str = CLOSEST_FIRST,
    changes: Iterable[float] = range(-50, 201, 10),
) -> pd.DataFrame:
    """Return `simulate` over a range of budget changes: one row per change (perubahan_anggaran in %,
    biaya, jp, persen_20jp), for a chart of what each extra Rupiah buys."""
    now, blended = today(kinds, counts), _blended_cost(kinds, mix)  # the same for every point
    rows = []
    for change in changes:
        out = _project(now, blended, counts, float(change), order)
        rows.append(
            {"perubahan_anggaran": float(change), "biaya": out.biaya, "jp": out.jp, "persen_20jp": out.persen_20jp}
        )
    return pd.DataFrame(rows, columns=["perubahan_anggaran", "biaya", "jp", "persen_20jp"])


# ----------------------------------------------------------------------------------------------
# Comparisons and intervals
# ----------------------------------------------------------------------------------------------


def compare_cells(cells: pd.DataFrame, outcome: str = "naik", by: Iterable[str] = ("kota",)) -> pd.DataFrame:
    """Compare group a (trained, mentees) with comparable group b within cells and return one row per
    `by` value.

    `cells` has n_a, <outcome>_a, n_b, <outcome>_b per comparison cell (same city, kategori jabatan and
    starting predikat). Only cells with people in both groups count. Columns returned: n_a, n_b
    (people behind the numbers), persen_a (share of a with the outcome), persen_b (share of comparable b,
    re-weighted to a's cells: sum over cells n_a x share_b / sum n_a), selisih = persen_a - persen_b in
    points (the difference-in-differences when the outcome is "improved"), ci_rendah, ci_tinggi (95%
    normal interval of selisih), n_a_tanpa_pembanding (a in cells without comparison).
    """
    keys = list(by)
    a, b = f"{outcome}_a", f"{outcome}_b"
    rows = []
    for key, part in cells.groupby(keys, sort=True) if keys else [((), cells)]:
        both = part[(part["n_a"] > 0) & (part["n_b"] > 0)]
        n_a, n_b = int(both["n_a"].sum()), int(both["n_b"].sum())
        row = dict(zip(keys, key if isinstance(key, tuple) else (key,), strict=True))
        row.update(n_a=n_a, n_b=n_b, n_a_tanpa_pembanding=int(part["n_a"].sum()) - n_a)
        if n_a == 0:
            row.update(persen_a=None, persen_b=None, selisih=None, ci_rendah=None, ci_tinggi=None)
        else:
            w = both["n_a"] / n_a
            pa, pb = both[a] / both["n_a"], both[b] / both["n_b"]
            diff = float((w * (pa - pb)).sum())
            var = float((w**2 * (pa * (1 - pa) / both["n_a"] + pb * (1 - pb) / both["n_b"])).sum())
            half = Z95 * math.sqrt(var)
            row.update(
                persen_a=100 * float((w * pa).sum()),
                persen_b=100 * float((w * pb).sum()),
                selisih=100 * diff,
                ci_rendah=100 * (diff - half),
                ci_tinggi=100 * (diff + half),
            )
        rows.append(row)
    columns = [*keys, "n_a", "n_b", "persen_a", "persen_b", "selisih", "ci_rendah", "ci_tinggi", "n_a_tanpa_pembanding"]
    return pd.DataFrame(rows, columns=columns)


def mean_ci(sums: pd.DataFrame, by: Iterable[str]) -> pd.DataFrame:
    """Return the mean and its 95% confidence interval per `by` group from count, sum and sum of squares
    (columns n, jumlah, jumlah_kuadrat). Columns returned: by..., n, rata (mean), sd (sample), ci_rendah,
    ci_tinggi (mean -/+ 1.96 sd / sqrt(n); None below two observations), largest n first."""
    keys = list(by)
    g = sums.groupby(keys, as_index=False)[["n", "jumlah", "jumlah_kuadrat"]].sum()
    g["rata"] = g["jumlah"] / g["n"]
    var = (g["jumlah_kuadrat"] - g["n"] * g["rata"] ** 2) / (g["n"] - 1)
    g["sd"] = var.clip(lower=0).pow(0.5).where(g["n"] > 1)
    half = Z95 * g["sd"] / g["n"].pow(0.5)
    g["ci_rendah"] = g["rata"] - half
    g["ci_tinggi"] = g["rata"] + half
    return g.drop(columns=["jumlah", "jumlah_kuadrat"]).sort_values("n", ascending=False).reset_index(drop=True)


def correlation(df: pd.DataFrame, x: str, y: str) -> float | None:
    """Return Pearson's correlation of two columns (None with fewer than three rows or no spread)."""
    both = df[[x, y]].dropna()
    if len(both) < 3 or both[x].std() == 0 or both[y].std() == 0:
        return None
    return float(both[x].corr(both[y]))


def correlation_by(df: pd.DataFrame, group: str, x: str, y: str) -> dict[str, tuple[float | None, int]]:
    """Return, per value of `group`, Pearson's correlation of x and y (see correlation) and the number
    of rows behind it."""
    return {key: (correlation(part, x, y), len(part)) for key, part in df.groupby(group)}


def follow_up_summary(rows: pd.DataFrame) -> pd.DataFrame:
    """Return one row per kota from analytics.analysis.follow_up rows: jumlah (rated Butuh Perbaikan or
    worse and still active the next year) and how many of them had coaching, other training or neither
    (coaching, pelatihan, tidak_ada: the counts the shares come from, so the small-group rule can judge
    them), persen_coaching, persen_pelatihan (coaching or any training the next year), and the share rated
    Baik or better the next year among those followed up (persen_baik_ditindak) and not
    (persen_baik_tidak), with the numbers rated behind each."""
    out = []
    for kota, part in rows.groupby("kota", sort=True):
        total = int(part["jumlah"].sum())
        by = (
            part.groupby("tindak_lanjut")[["jumlah", "dinilai_sesudah", "baik_sesudah"]]
            .sum()
            .reindex(["coaching", "pelatihan", "tidak_ada"], fill_value=0)
        )

        def get(kind: str, col: str, by: pd.DataFrame = by) -> int:
            return int(by.loc[kind, col])

        coached = get("coaching", "jumlah")
        trained = coached + get("pelatihan", "jumlah")
        rated_yes = get("coaching", "dinilai_sesudah") + get("pelatihan", "dinilai_sesudah")
        good_yes = get("coaching", "baik_sesudah") + get("pelatihan", "baik_sesudah")
        rated_no, good_no = get("tidak_ada", "dinilai_sesudah"), get("tidak_ada", "baik_sesudah")
        out.append(
            {
                "kota": kota,
                "jumlah": total,
                "coaching": coached,
                "pelatihan": get("pelatihan", "jumlah"),
                "tidak_ada": get("tidak_ada", "jumlah"),
                "persen_coaching": 100 * coached / total if total else None,
                "persen_pelatihan": 100 * trained / total if total else None,
                "dinilai_ditindak": rated_yes,
                "persen_baik_ditindak": 100 * good_yes / rated_yes if rated_yes else None,
                "dinilai_tidak": rated_no,
                "persen_baik_tidak": 100 * good_no / rated_no if rated_no else None,
            }
        )
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------------------------
# Aggregates of feedback and follow-up rows
# ----------------------------------------------------------------------------------------------
def reactions_by_kind(reactions: pd.DataFrame) -> pd.DataFrame:
    """Return one row per kota per kelompok with the four reaction scores and their mean (skor_rata),
    each weighted by the number of responses."""
    weighted = reactions.assign(**{s: reactions[s] * reactions["jumlah_respon"] for s in SCORES})
    out = weighted.groupby(["kota", "kelompok"], as_index=False)[[*SCORES, "jumlah_respon"]].sum()
    for s in SCORES:
        out[s] = out[s] / out["jumlah_respon"]
    out["skor_rata"] = out[list(SCORES)].mean(axis=1)
    return out


def learning_by_kind(gains: pd.DataFrame) -> pd.DataFrame:
    """Return the mean pre/post gain with its 95% interval per kota and kind of activity, from
    analytics.analysis.learning_gains rows: the columns of analytics.metrics.mean_ci (kota, kelompok, n,
    rata, sd, ci_rendah, ci_tinggi) and a `label` 'kota · kelompok' for the chart, sorted by kota then
    kelompok, rows numbered from 0. Not suppressed: the chart builders run the small-group rule."""
    out = mean_ci(gains, ["kota", "kelompok"]).sort_values(["kota", "kelompok"]).reset_index(drop=True)
    return out.assign(label=out["kota"] + " · " + out["kelompok"])


def follow_up_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Return one row per kota with the under-performers by what followed (FOLLOW_UP_KINDS columns,
    0 when none) and their number `n`, from analytics.analysis.follow_up rows."""
    out = rows.pivot_table(index="kota", columns="tindak_lanjut", values="jumlah", aggfunc="sum", fill_value=0)
    out = out.reindex(columns=list(FOLLOW_UP_KINDS), fill_value=0).reset_index()
    out.columns.name = None
    return out.assign(n=out[list(FOLLOW_UP_KINDS)].sum(axis=1))


def top_providers(reactions: pd.DataFrame, min_responses: int = 30) -> pd.DataFrame:
    """Return the reaction scores per penyelenggara (as reactions_by_kind, kelompok = provider) for
    providers with at least `min_responses` responses, best mean score first."""
    by_provider = reactions_by_kind(reactions.assign(kelompok=reactions["penyelenggara"]))
    return by_provider[by_provider["jumlah_respon"] >= min_responses].sort_values("skor_rata", ascending=False)


# --- a city among its peers ---------------------------------------------------------------------------------


def spread(values: pd.DataFrame, value: str, by: str = "tahun") -> pd.DataFrame:
    """Return, per value of `by`, the distribution of `value` over the cities of `values` (one row per kota
    and `by`; a missing value is left out): columns `by`, n (cities with a value), q1, median, q3."""
    known = values[[by, value]].dropna()
    grouped = known.groupby(by)[value]
    out = pd.DataFrame(
        {
            "n": grouped.size(),
            "q1": grouped.quantile(0.25),
            "median": grouped.median(),
            "q3": grouped.quantile(0.75),
        }
    )
    return out.reset_index()


@dataclass(frozen=True)
class Standing:
    """Where one city stands on one measure among the cities compared, in one year."""

    value: float | None  # the city's value (None when missing or hidden)
    rank: int | None  # 1 = best; None when the city has no value
    n: int  # cities with a value
    q1: float | None
    median: float | None
    q3: float | None
    best: tuple[str, ...]  # up to three cities, best first
    lagging: tuple[str, ...]  # up to three cities, worst last


def standing(latest: pd.DataFrame, value: str, kota: str | None, higher_is_better: bool = True) -> Standing:
    """Return where `kota` stands on `value` among the cities of `latest` (one row per kota, numbers only: a
    hidden value is missing and takes no rank): its rank (ties share the better rank), the quartiles and
    median, and the three best and three lagging cities by name."""
    known = latest[["kota", value]].dropna().sort_values([value, "kota"], ascending=[not higher_is_better, True])
    n = len(known)
    if not n:
        return Standing(None, None, 0, None, None, None, (), ())
    ranks = known[value].rank(method="min", ascending=not higher_is_better).astype(int)
    mine = known[known["kota"] == kota]
    names = known["kota"].tolist()
    return Standing(
        value=None if mine.empty else float(mine.iloc[0][value]),
        rank=None if mine.empty else int(ranks[mine.index[0]]),
        n=n,
        q1=float(known[value].quantile(0.25)),
        median=float(known[value].median()),
        q3=float(known[value].quantile(0.75)),
        best=tuple(names[:3]),
        lagging=tuple(names[-3:]) if n > 3 else (),
    )
