"""Synthetic demo data: small helpers: random streams, dates, ranks."""

from __future__ import annotations

import numpy as np


def _rng(seed: int, *keys: int) -> np.random.Generator:
    """Return an independent random stream for (seed, keys): same inputs, same numbers."""
    return np.random.default_rng([seed, *keys])


def _day(year: int, month: int = 1, day: int = 1) -> np.datetime64:
    """Return the date year-month-day as numpy datetime64[D]."""
    return np.datetime64(f"{year:04d}-{month:02d}-{day:02d}", "D")


def _d(dates: np.ndarray) -> np.ndarray:
    """Return dates as datetime64[D] (pandas may hand them back in seconds)."""
    return np.asarray(dates).astype("datetime64[D]")


def _years(dates: np.ndarray) -> np.ndarray:
    """Return the calendar year of each date (NaT gives a meaningless number)."""
    return _d(dates).astype("datetime64[Y]").astype(np.int64) + 1970


def _months(dates: np.ndarray) -> np.ndarray:
    """Return the month (1-12) of each date."""
    return _d(dates).astype("datetime64[M]").astype(np.int64) % 12 + 1


def _first_of_month(dates: np.ndarray) -> np.ndarray:
    """Return the first day of each date's month."""
    return _d(dates).astype("datetime64[M]").astype("datetime64[D]")


def _days_of_month(dates: np.ndarray) -> np.ndarray:
    """Return the day of the month (1-31) of each date."""
    return (_d(dates) - _first_of_month(dates)).astype(np.int64) + 1


def _iso(dates: np.ndarray) -> np.ndarray:
    """Return dates as yyyy-mm-dd strings, empty for NaT."""
    dates = _d(dates)
    text = np.datetime_as_string(dates, unit="D").astype(object)
    text[np.isnat(dates)] = ""
    return text


def _rank_within(keys: np.ndarray) -> np.ndarray:
    """Return for each element how many earlier elements share its key (0, 1, 2, ...)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    new_group = np.ones(len(keys), dtype=bool)
    new_group[1:] = sorted_keys[1:] != sorted_keys[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(keys)), 0))
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys)) - group_start
    return rank


def _choose(
    rng: np.random.Generator, options: tuple | list, weights: list[float] | np.ndarray | None, size: int
) -> np.ndarray:
    """Return `size` values drawn from `options` with the given (unnormalised) weights."""
    p = None if weights is None else np.asarray(weights, dtype=float) / np.sum(weights)
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=size, p=p)]


def _spread(rng: np.random.Generator, options: tuple | list, weights: tuple | list, size: int) -> np.ndarray:
    """Return `size` values of `options` in the exact proportions of `weights` (largest remainder), shuffled.

    Unlike _choose, the counts do not vary by chance: a small city's yearly intake follows the weights.
    """
    share = np.asarray(weights, dtype=float) / np.sum(weights) * size
    counts = np.floor(share).astype(np.int64)
    counts[np.argsort(counts - share, kind="stable")[: size - counts.sum()]] += 1
    return rng.permutation(np.repeat(np.asarray(options, dtype=object), counts))


def _choose_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """Return one index per row of `probs` (rows of probabilities that sum to 1)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None] * cum[:, -1:]
    return np.minimum((cum <= u).sum(axis=1), probs.shape[1] - 1)


def _split(total: int, parts: int) -> list[int]:
    """Return `parts` integers that differ by at most one and add up to `total`."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]
