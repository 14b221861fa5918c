"""The headline measures of the city-year scorecard, in one catalogue: each measure's column, unit, decimals,
which way is better, and where it is shown. Every place that shows a headline measure reads it from here:
the city tiles and the average of the others (analytics.present.overview), the ranked table, the standings
and the focus tiles (analytics.present.standing), the trend charts (overview.TRENDS), the meeting files'
appendix (analytics.meeting_files.content) and the sort choice on Ringkasan.

Adding a headline measure:
1. its SQL: the column in etl/sql/marts/ringkasan_kota_tahun.sql and analytics/queries/sql/scorecard.sql
   (a ratio written once, as a macro in etl/sql/macros.sql), declared beside the query
   (analytics/queries/scorecard.py);
2. one entry in CATALOGUE below (with the topic and analysis pages whose distribution of cities it heads when no
   focus city is chosen: `pages`, names from PAGES);
3. its texts: `m_<column>` (analytics/texts/pages.py), and for a trend `q_trend_<key>` and `c_trend_<key>`;
4. its definition in docs/metrics.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analytics import privacy
from analytics.present import formatting as fmt
from analytics.texts import t

# Where a measure is shown.
TILE = "tile"  # a city's tiles on Ringkasan, cities side by side
RANKED = "ranked"  # compared among cities: ranked table, standings, focus tiles, the average of the others
APPENDIX = "appendix"  # the meeting files' appendix, one column per city

# The topic and analysis pages (their scripts views/<page>.py) that, with many cities compared and no focus city,
# open on the distribution of the cities for their measures (ui.components.distribution; Measure.pages).
PARTISIPASI, ANGGARAN, KINERJA, UMPAN_BALIK = "partisipasi", "anggaran", "kinerja", "umpan_balik"
KESENJANGAN, SIMULASI, DAMPAK, HASIL_BELAJAR = "kesenjangan", "simulasi", "dampak", "hasil_belajar"
PAGES = (PARTISIPASI, ANGGARAN, KINERJA, UMPAN_BALIK, KESENJANGAN, SIMULASI, DAMPAK, HASIL_BELAJAR)

# Units: how a value is written.
COUNT = "count"  # people: 1.234
PERCENT = "percent"  # a share: 45,3%; a change in points
NUMBER = "number"  # a figure with `decimals`: 12,5
RUPIAH = "rupiah"  # money: Rp 1,2 M (compact) or Rp 1.234.567

# Which way is better (None: neither, as for a sum of money).
HIGHER = "higher"
LOWER = "lower"

JP_SOURCE = "pegawai, program, peserta"  # the datasets behind every JP-per-PNS figure


@dataclass(frozen=True)
class TrendChart:
    """A measure's line chart over the years, on Ringkasan and in the meeting files."""

    key: str  # widget, file and sheet key tren_<key>; its title and caption texts are q_trend_<key>, c_trend_<key>
    position: int  # its place among the trend charts (Ringkasan's grid, the meeting files), from 0
    columns: tuple[str, ...]  # what its table shows beside kota and tahun
    anchor: str  # its definition in docs/metrics.md
    source: str  # the datasets behind it, for the meeting files
    options: tuple[tuple[str, object], ...] = ()  # keyword arguments of charts.trend


@dataclass(frozen=True)
class Measure:
    """A headline measure of the scorecard: its column, how it is written, which way is better and where it is
    shown (module docstring)."""

    column: str  # the scorecard column; its name's text key is m_<column>
    unit: str  # COUNT, PERCENT, NUMBER or RUPIAH
    shown: frozenset[str]  # TILE, RANKED, APPENDIX
    decimals: int = 0
    better: str | None = None  # HIGHER, LOWER or None
    compact: bool = False  # money written short (Rp 1,2 M)
    colours_tile: bool = True  # a tile colours its change as better or worse (else grey)
    grade: str | None = None  # a text column written after the value in brackets (IKM's mutu)
    counts: tuple[str, ...] = ()  # what it is computed from: when one reads '<5', the tile's note says why
    note: Callable[[pd.Series, str], str] | None = None  # the tile's note from the city's row (lang)
    trend: TrendChart | None = None
    pages: frozenset[str] = frozenset()  # the pages (PAGES) whose distribution of cities shows it, in catalogue order
    anchor: str = ""  # its definition in docs/metrics.md, when it has no trend chart (which names it)

    @property
    def label(self) -> str:
        """Return the text key of its name."""
        return f"m_{self.column}"

    @property
    def definition(self) -> str:
        """Return the anchor of its definition in docs/metrics.md ('' when it has none)."""
        return self.anchor or (self.trend.anchor if self.trend else "")

    @property
    def higher_is_better(self) -> bool:
        """Return True when a larger value is better (ranks first)."""
        return self.better == HIGHER

    @property
    def tile_colour(self) -> str:
        """Return st.metric's delta_color for its change: 'normal' (up is good), 'inverse' (up is bad) or 'off'."""
        if not self.colours_tile or self.better is None:
            return "off"
        return "normal" if self.better == HIGHER else "inverse"

    def write(self, value: float | None, lang: str) -> str:
        """Return a value written out in `lang` ('–' when missing)."""
        if self.unit == PERCENT:
            return fmt.percent(value, lang, self.decimals)
        if self.unit == RUPIAH:
            return fmt.rupiah(value, lang, compact=self.compact)
        return fmt.number(value, lang, self.decimals)

    def change(self, value: float | None, lang: str) -> str:
        """Return a difference written out, signed: percentage points for a share."""
        if self.unit == PERCENT:
            return fmt.points(value, lang)
        return fmt.signed(value, lambda v: self.write(v, lang))

    def graded(self, value: object, grade: object, lang: str) -> str:
        """Return a value as a cell shows it: '<5' as released, '–' when missing, else written, followed by its
        grade in brackets when it has one ('78,50 (B)')."""
        if privacy.is_hidden(value):
            return value
        if fmt.is_missing(value):
            return fmt.MISSING
        written = self.write(value, lang)
        return written if self.grade is None or fmt.is_missing(grade) else f"{written} ({grade})"


def _pns_reaching(row: pd.Series, lang: str) -> str:
    return f"{fmt.number(row.pns_memenuhi_20jp, lang)} / {fmt.number(row.jumlah_pns, lang)} PNS"


def _serapan(row: pd.Series, lang: str) -> str:
    return f"{t('m_persen_serapan', lang)}: {fmt.percent(row.persen_serapan, lang, 1)}"


def _responden(row: pd.Series, lang: str) -> str:
    return f"{fmt.number(row.jumlah_responden_ikm, lang)} responden"


CATALOGUE: tuple[Measure, ...] = (  # in the order every place lists them
    Measure("jumlah_asn", COUNT, frozenset({APPENDIX})),
    Measure("jumlah_pns", COUNT, frozenset({APPENDIX})),
    Measure(
        "persen_20jp",
        PERCENT,
        frozenset({TILE, RANKED, APPENDIX}),
        decimals=1,
        better=HIGHER,
        counts=("pns_memenuhi_20jp", "jumlah_pns"),
        note=_pns_reaching,
        pages=frozenset({PARTISIPASI, KESENJANGAN, SIMULASI}),
        trend=TrendChart(
            "20jp",
            0,
            ("jumlah_pns", "pns_memenuhi_20jp", "persen_20jp"),
            "persen-20jp",
            JP_SOURCE,
            (("tick_suffix", "%"), ("y_range", (0, 100))),
        ),
    ),
    Measure(
        "jp_per_asn",
        NUMBER,
        frozenset({TILE, RANKED, APPENDIX}),
        decimals=1,
        better=HIGHER,
        pages=frozenset({PARTISIPASI, HASIL_BELAJAR}),
        anchor="jp-per-asn",
    ),
    Measure("realisasi", RUPIAH, frozenset({TILE, APPENDIX}), compact=True, note=_serapan),
    Measure(
        "persen_serapan",
        PERCENT,
        frozenset({TILE, RANKED, APPENDIX}),
        decimals=1,
        better=HIGHER,
        pages=frozenset({ANGGARAN}),
        trend=TrendChart(
            "serapan",
            2,
            ("pagu", "realisasi", "persen_serapan"),
            "serapan",
            "anggaran",
            (("tick_suffix", "%"), ("y_range", (0, 105))),
        ),
    ),
    Measure(
        "biaya_per_jp",
        RUPIAH,
        frozenset({TILE, RANKED, APPENDIX}),
        better=LOWER,
        pages=frozenset({ANGGARAN, SIMULASI}),
        trend=TrendChart("biaya", 3, ("biaya_per_jp",), "biaya-per-jp", "program, peserta", (("y_title", "Rp / JP"),)),
    ),
    Measure(
        "ikm",
        NUMBER,
        frozenset({TILE, RANKED, APPENDIX}),
        decimals=2,
        better=HIGHER,
        grade="mutu_ikm",
        counts=("jumlah_responden_ikm",),
        note=_responden,
        pages=frozenset({UMPAN_BALIK, HASIL_BELAJAR}),
        trend=TrendChart(
            "ikm",
            1,
            ("jumlah_responden_ikm", "ikm", "mutu_ikm"),
            "ikm",
            "survei_kepuasan",
            (("y_range", (60, 100)), ("bands", True)),
        ),
    ),
    # Ranked with the larger share first, but a tile shows its change in grey (as the tiles always have).
    Measure(
        "persen_sangat_baik",
        PERCENT,
        frozenset({TILE, RANKED, APPENDIX}),
        decimals=1,
        better=HIGHER,
        colours_tile=False,
        pages=frozenset({KINERJA, DAMPAK}),
        anchor="predikat",
    ),
)
BY_COLUMN = {m.column: m for m in CATALOGUE}

# A measure of a page's own query, not of the scorecard: how the IP ASN page shows the cities' spread (its own mart,
# analytics.queries.ip_asn_kota), written and ranked like the catalogue's.
IP_ASN_PNS = Measure(
    "ip_asn_pns", NUMBER, frozenset(), decimals=2, better=HIGHER, counts=("jumlah_pns",), anchor="ip-asn"
)


def shown_in(place: str) -> tuple[Measure, ...]:
    """Return the measures shown in `place` (TILE, RANKED or APPENDIX), in catalogue order."""
    return tuple(m for m in CATALOGUE if place in m.shown)


def on_page(page: str) -> tuple[Measure, ...]:
    """Return the measures whose distribution of cities page `page` (one of PAGES) shows, in catalogue order."""
    if page not in PAGES:
        raise ValueError(f"not a topic or analysis page: {page!r} (one of {', '.join(PAGES)})")
    return tuple(m for m in CATALOGUE if page in m.pages)


def trending() -> tuple[Measure, ...]:
    """Return the measures drawn as trend charts, in their charts' order."""
    return tuple(sorted((m for m in CATALOGUE if m.trend is not None), key=lambda m: m.trend.position))


TILES = shown_in(TILE)
RANKED_MEASURES = shown_in(RANKED)
APPENDIX_MEASURES = shown_in(APPENDIX)
