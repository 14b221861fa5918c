"""Values hidden because they describe fewer than 5 people (analytics.privacy), as the charts draw them.

The guarded path (analytics.privacy.release) has written '<5' in the frame a builder gets; the builder never
draws such a value: a line breaks, a bar is left out with "<5" at its place, a heatmap cell is grey and reads
"<5", the hidden parts of a 100% stacked bar are one hatched grey segment. Each trace flags its hidden values
in its customdata (HIDDEN) so the text alternative leaves them out, and the figure counts them
(text_alternative.note_hidden).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analytics import privacy

HIDDEN_COLOR = "#e0e0e0"  # the grey of a hidden heatmap cell or stacked segment
HIDDEN_PATTERN = {"shape": "/", "fgcolor": "#777777"}  # its hatching, so it is told apart without colour
HIDDEN, SHOWN = 1, 0  # a trace's customdata per value: hidden as '<5' or drawn


def hidden_flags(mask: Iterable[bool]) -> list[int]:
    """Return a trace's customdata for `mask` (True where a value is hidden as '<5'): HIDDEN (1) for each hidden
    value and SHOWN (0) for each drawn one, in order, so the text alternative (describe) leaves the hidden out."""
    return [HIDDEN if h else SHOWN for h in mask]


def rows_for_chart(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (values, hidden) of `df` under the small-group rule (analytics.privacy.for_chart: values with
    every hidden cell missing, and the mask of hidden cells), rows numbered from 0 so that they line up with a
    list of texts written for them."""
    return privacy.for_chart(df.reset_index(drop=True))
