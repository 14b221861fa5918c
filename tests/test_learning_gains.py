"""Learning gains (the rise from pre- to post-test score) per city and kind of activity and per provider: what
the Hasil belajar page shows, from the session's demo warehouse (`con` and `everything` of tests/conftest.py) or
a small frame written here."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import metrics, privacy, queries
from analytics.privacy import release
from analytics.queries.declare import declaration_of
from analytics.queries.filters import Filters


def test_learning_by_kind_is_the_mean_gain_per_city_and_kind(con, everything: Filters) -> None:
    gains = queries.learning_gains(con, everything)
    got = metrics.learning_by_kind(gains)
    sums = gains.groupby(["kota", "kelompok"], as_index=False)[["n", "jumlah"]].sum()
    groups = list(zip(sums["kota"], sums["kelompok"], strict=True))  # groupby sorts by kota, then kelompok
    assert list(zip(got["kota"], got["kelompok"], strict=True)) == groups
    assert got["label"].tolist() == [f"{k} · {g}" for k, g in groups]
    assert got["n"].tolist() == sums["n"].tolist()
    assert got["rata"].tolist() == pytest.approx((sums["jumlah"] / sums["n"]).tolist())
    assert (got["ci_rendah"] <= got["rata"]).all() and (got["rata"] <= got["ci_tinggi"]).all()
    assert list(got.index) == list(range(len(got)))


def test_learning_by_provider_keeps_the_providers_with_the_most_participants(con, everything: Filters) -> None:
    gains = queries.learning_gains(con, everything)
    participants = gains.groupby("penyelenggara")["n"].sum().sort_values(ascending=False)
    assert len(participants) > 3
    got = release.read(con, queries.learning_by_provider, everything)
    assert got["penyelenggara"].head(3).tolist() == participants.index[:3].tolist()
    assert privacy.numbers(got)["n"].head(3).tolist() == participants.iloc[:3].tolist()
    assert len(got) == len(participants)  # the page cuts the list after the rule has seen all of it


def test_learning_by_provider_reads_less_than_five_for_a_small_provider() -> None:
    gains = pd.DataFrame(
        {
            "penyelenggara": ["BKPSDM", "LAN", "Kecil"],
            "n": [40, 12, 3],
            "jumlah": [400.0, 60.0, 30.0],
            "jumlah_kuadrat": [4400.0, 400.0, 320.0],
        }
    )
    rules = release.rules_of(declaration_of(queries.learning_by_provider))
    got = privacy.suppress(metrics.mean_ci(gains, ["penyelenggara"]), rules=rules)
    assert got["penyelenggara"].tolist() == ["BKPSDM", "LAN", "Kecil"]
    assert got.loc[2, "rata"] == privacy.marker() and got.loc[0, "rata"] == 10
