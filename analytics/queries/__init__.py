"""Data access and SQL: one query function per question a page, chart, download or meeting file asks.

Each takes a read-only connection and the filters, runs one SQL file of sql/ with bound parameters, and
returns a DataFrame whose grain and columns it declares. Callers outside analytics read them only through
analytics.privacy.release, the one guarded path (small groups and scope). Nothing here imports Streamlit.
"""

from analytics.queries.analysis import (  # noqa: F401
    compliance_trend,
    follow_up,
    gap,
    jp_and_ikm,
    jp_counts,
    learning_gains,
    mentoring_cells,
    opd_gap,
    readiness,
    training_cells,
)
from analytics.queries.questions import (  # noqa: F401
    DIMENSIONS,
    JP_BANDS,
    PREDIKAT_COLUMNS,
    activity_mix,
    apbd_share,
    aspirations,
    budget_detail,
    completion,
    compliance_by,
    cost_by_kind,
    filter_options,
    ikm_by_opd,
    ikm_elements,
    jp_distribution,
    opd_profile,
    predikat,
    predikat_by_opd,
    providers,
    reactions,
    scorecard,
    special_development,
    warehouse_info,
)
