"""Privacy and scope: what may leave the warehouse for a person to read.

small_groups.py holds the small-group rule ("<5"); its public functions are re-exported here.
"""

from analytics.privacy.small_groups import (  # noqa: F401
    MARKERS,
    Rules,
    for_chart,
    hidden_count,
    is_hidden,
    marker,
    mask,
    min_group,
    numbers,
    shown_first,
    suppress,
)
