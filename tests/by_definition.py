"""Metrics worked out literally from their written definitions (docs/metrics.md): slow and obvious, for tests to
compare the real code with."""

from __future__ import annotations


def pairwise_gini(values: list[float]) -> float | None:
    """The definition of the issue, literally: sum over all i, j of |x_i - x_j| / (2 n^2 mean)."""
    n = len(values)
    mean = sum(values) / n if n else 0
    if mean == 0:
        return None
    return sum(abs(a - b) for a in values for b in values) / (2 * n * n * mean)
