"""Data access and SQL: one query function per question a page, chart, download or meeting file asks.

Each takes a read-only connection and the filters, runs one SQL file of sql/ with bound parameters, and
returns a DataFrame whose grain and columns it declares. Callers outside analytics read them only through
analytics.privacy.release, the one guarded path (small groups and scope). Nothing here imports Streamlit.
"""

from analytics.queries import quality, sakip  # noqa: F401  (their queries are declared on import, like the others)
from analytics.queries.budget import (  # noqa: F401
    apbd_share,
    budget_detail,
    cost_by_kind,
    gap,
    what_if,
    what_if_curve,
)
from analytics.queries.feedback import (  # noqa: F401
    aspirations,
    aspirations_by_sentiment,
    aspirations_by_topic,
    aspirations_by_topic_and_channel,
    ikm_by_opd,
    ikm_conventions,
    ikm_elements,
    jp_and_ikm,
    learning_by_kind,
    learning_by_provider,
    learning_gains,
    reactions,
    reactions_by_kind,
    top_providers,
)
from analytics.queries.ip_asn import (  # noqa: F401
    ip_asn_bkn,
    ip_asn_dimensi,
    ip_asn_kota,
    ip_asn_kurang_kota,
    ip_asn_kurang_opd,
    ip_asn_opd,
)
from analytics.queries.participation import (  # noqa: F401
    DIMENSIONS,
    activity_mix,
    completion,
    compliance_by,
    compliance_trend,
    jp_counts,
    jp_distribution,
    lorenz,
    opd_gap,
    providers,
    readiness,
    readiness_by_city,
)
from analytics.queries.performance import (  # noqa: F401
    BELOW_BAIK,
    PREDIKAT_COLUMNS,
    follow_up,
    follow_up_by_kind,
    follow_up_summary,
    mentoring_cells,
    mentoring_comparison,
    predikat,
    predikat_by_opd,
    special_development,
    training_cells,
    training_comparison,
)
from analytics.queries.scorecard import (  # noqa: F401
    opd_profile,
    province_scorecard,
    scorecard,
)
from analytics.queries.warehouse import (  # noqa: F401
    filter_options,
    warehouse_info,
)
