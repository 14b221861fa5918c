"""Synthetic demo data: nIP: birth date (8) + TMT year-month (6) + sex (1) + sequence (3) = 18 digits."""

from __future__ import annotations

import numpy as np

from demo.randomness import _days_of_month, _months, _rank_within, _years


class NipRegistry:
    """The highest sequence number issued so far for each 15-digit NIP prefix."""

    def __init__(self) -> None:
        self.prefixes = np.empty(0, dtype=np.int64)
        self.last_seq = np.empty(0, dtype=np.int64)

    def issued(self, prefixes: np.ndarray) -> np.ndarray:
        """Return the highest sequence already issued for each prefix (0 when none)."""
        if len(self.prefixes) == 0:
            return np.zeros(len(prefixes), dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.prefixes, prefixes), len(self.prefixes) - 1)
        return np.where(self.prefixes[pos] == prefixes, self.last_seq[pos], 0)

    def record(self, prefixes: np.ndarray, seqs: np.ndarray) -> None:
        """Remember the sequences just issued."""
        allp = np.concatenate([self.prefixes, prefixes])
        alls = np.concatenate([self.last_seq, seqs])
        order = np.lexsort((alls, allp))
        allp, alls = allp[order], alls[order]
        last = np.ones(len(allp), dtype=bool)
        last[:-1] = allp[1:] != allp[:-1]
        self.prefixes, self.last_seq = allp[last], alls[last]


def make_nips(
    birth: np.ndarray, tmt: np.ndarray, female: np.ndarray, registry: NipRegistry
) -> tuple[np.ndarray, np.ndarray]:
    """Return (18-digit NIPs as int64, birth dates) unique across all calls with `registry`.

    The sequence counts up per prefix; when it would pass 999 the birth date moves on by a
    day (a new prefix), so every NIP keeps exactly 18 digits.
    """
    birth = birth.copy()
    tmt_part = _years(tmt) * 100 + _months(tmt)
    sex = np.where(female, 2, 1)
    while True:
        ymd = _years(birth) * 10_000 + _months(birth) * 100 + _days_of_month(birth)
        prefix = (ymd * 1_000_000 + tmt_part) * 10 + sex
        seq = registry.issued(prefix) + _rank_within(prefix) + 1
        overflow = seq > 999
        if not overflow.any():
            break
        birth[overflow] += np.timedelta64(1, "D")
    registry.record(prefix, seq)
    return prefix * 1000 + seq, birth
