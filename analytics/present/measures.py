"""The headline measures of the city-year scorecard as every comparison writes them: its name, which way is
better, how a value and a difference are written. Read by the comparisons with other cities (the average of
the others in analytics.present.overview, the peers' distribution in analytics.present.standing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from analytics.present import formatting as fmt


@dataclass(frozen=True)
class Measure:
    """A headline measure of the scorecard as the comparisons show it."""

    column: str
    label: str  # text key of its name
    higher_is_better: bool
    write: Callable[[float, str], str]  # a value written out (value, lang)
    change: Callable[[float, str], str]  # a difference written out, signed (value, lang)


def _number(decimals: int) -> Callable[[float, str], str]:
    return lambda v, lang: fmt.number(v, lang, decimals)


def _signed(write: Callable[[float, str], str]) -> Callable[[float, str], str]:
    return lambda v, lang: fmt.signed(v, lambda x: write(x, lang))


def _percent(v: float, lang: str) -> str:
    return fmt.percent(v, lang, 1)


def _rupiah(v: float, lang: str) -> str:
    return fmt.rupiah(v, lang, compact=False)


MEASURES = (
    Measure("persen_20jp", "m_persen_20jp", True, _percent, lambda v, lang: fmt.points(v, lang)),
    Measure("jp_per_asn", "m_jp_per_asn", True, _number(1), _signed(_number(1))),
    Measure("persen_serapan", "m_persen_serapan", True, _percent, lambda v, lang: fmt.points(v, lang)),
    Measure("biaya_per_jp", "m_biaya_per_jp", False, _rupiah, _signed(_rupiah)),
    Measure("ikm", "m_ikm", True, _number(2), _signed(_number(2))),
    Measure("persen_sangat_baik", "m_persen_sangat_baik", True, _percent, lambda v, lang: fmt.points(v, lang)),
)
BY_COLUMN = {m.column: m for m in MEASURES}
