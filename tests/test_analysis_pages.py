"""The analysis pages through Streamlit's AppTest on a small synthetic demo warehouse, and the city stories
the demo data must tell through them.

The pages run under a small entry script written here (the shared sidebar of dashboard.py, then the page),
so they are tested whether or not dashboard.py lists them yet.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from in_process_app import open_data
from streamlit.testing.v1 import AppTest

from analytics import metrics, queries
from analytics.present import formatting as fmt
from analytics.present.tables import header
from analytics.queries.filters import Filters
from analytics.texts import t
from settings import WAREHOUSE_ENV

ROOT = Path(__file__).resolve().parent.parent
TITLES = {
    "kesenjangan": "an_kesenjangan_title",
    "simulasi": "an_simulasi_title",
    "dampak": "an_dampak_title",
    "hasil_belajar": "an_hasil_title",
}
ENTRY = """
import streamlit as st
from ui import state
lang = state.language()
page = st.navigation([st.Page({page!r}, title="page")])
chosen, fokus = state.filters(lang)
state.remember(lang, chosen, state.load_status(lang, chosen), fokus)
page.run()
"""


@pytest.fixture(scope="module")
def warehouse(sample_warehouse) -> Path:
    """A small synthetic warehouse built by the real pipeline from the demo generator, at scale 0.05 rather than
    the 0.03 of demo_warehouse; this module's `con` and `everything` (tests/conftest.py) read it."""
    return sample_warehouse(7, 0.05)


@pytest.fixture(scope="module")
def run_page(warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    """Return a function that runs one analysis page in a language and returns the finished AppTest."""
    folder = tmp_path_factory.mktemp("entry")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WAREHOUSE_ENV, str(warehouse))

        def run(name: str, lang: str = "id") -> AppTest:
            entry = folder / f"{name}.py"
            entry.write_text(ENTRY.format(page=str(ROOT / "views" / f"{name}.py")))
            at = AppTest.from_file(str(entry), default_timeout=60)
            at.query_params["lang"] = lang
            return at.run()

        yield run


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", sorted(TITLES))
def test_analysis_page_renders_in_both_languages(run_page, name: str, lang: str) -> None:
    at = run_page(name, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t(TITLES[name], lang)]
    assert t("synthetic_banner", lang) in [w.value for w in at.main.warning]
    assert at.get("plotly_chart")
    if name in ("dampak", "hasil_belajar"):
        assert [i.value for i in at.info][0] == t("an_association", lang)


def test_gap_page_shows_the_mart_numbers(run_page, con, everything: Filters) -> None:
    at = open_data(run_page("kesenjangan"))
    gap = queries.gap(con, everything)
    latest = gap[gap["tahun"] == everything.tahun_akhir]
    shown = at.dataframe[0].value  # the data behind the first chart
    expected = {k: fmt.number(v, "id") for k, v in zip(latest["kota"], latest["kekurangan_jp"], strict=True)}
    got = dict(zip(shown[header("kota", "id")], shown[header("kekurangan_jp", "id")], strict=True))
    assert got == expected


def metrics_by_label(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_what_if_starts_at_today_and_more_budget_reaches_more(run_page, con, everything: Filters) -> None:
    at = run_page("simulasi")
    kota = everything.kota[0]
    scorecard = queries.scorecard(con, replace(everything, kota=(kota,)))
    today = scorecard[scorecard["tahun"] == everything.tahun_akhir].iloc[0]
    label = t("an_m_persen", "id")
    shown = metrics_by_label(at)
    assert shown[f"{label} · {t('an_today', 'id')}"] == fmt.percent(today.persen_20jp, "id")
    assert shown[f"{label} · {t('an_scenario', 'id')}"] == shown[f"{label} · {t('an_today', 'id')}"]
    at.slider(key="simulasi_anggaran").set_value(30).run()
    assert not at.exception
    after = metrics_by_label(at)[f"{label} · {t('an_scenario', 'id')}"]
    assert float(after.rstrip("%").replace(",", ".")) > today.persen_20jp


def test_lang_en_changes_the_what_if_labels(run_page) -> None:
    labels = set(metrics_by_label(run_page("simulasi", "en")))
    assert f"{t('an_m_persen', 'en')} · {t('an_today', 'en')}" in labels
    assert f"{t('an_m_persen', 'id')} · {t('an_today', 'id')}" not in labels


def test_the_simulations_cost_table_takes_the_whole_width(run_page) -> None:
    at = run_page("simulasi")
    assert not at.exception, [e.value for e in at.exception]
    headings = [t("an_share_today", "id"), t("an_share_scenario", "id")]
    tables = [d for d in at.main.dataframe if set(headings) <= set(d.value.columns)]
    assert len(tables) == 1 and len(tables[0].value.columns) == 5
    in_columns = [d for c in at.main.columns for d in c.dataframe if set(headings) <= set(d.value.columns)]
    assert in_columns == []  # not squeezed beside the curve


# --- the stories the demo data tells through these pages --------------------------------------------------


def test_jambi_access_is_the_most_unequal(con, everything: Filters) -> None:
    gap = queries.gap(con, everything)
    mean_gini = gap.groupby("kota")["gini_jp"].mean()
    assert mean_gini.idxmax() == "Jambi"
    # Agencies differ most in Jambi: the PNS-weighted spread of the agencies' 20-JP shares is the largest.
    opd = queries.opd_gap(con, everything)
    spread = {}
    for kota, part in opd.groupby("kota"):
        w = part["jumlah_pns"] / part["jumlah_pns"].sum()
        spread[kota] = (w * (part["persen_20jp"] - (w * part["persen_20jp"]).sum()) ** 2).sum()
    assert max(spread, key=spread.get) == "Jambi"


def test_bukittinggi_coaches_its_under_performers(con, everything: Filters) -> None:
    summary = metrics.follow_up_summary(queries.follow_up(con, everything)).set_index("kota")
    assert summary["persen_coaching"].idxmax() == "Bukittinggi"
    assert summary.loc["Bukittinggi", "persen_coaching"] > 60


def test_pontianak_is_the_most_ready_for_disasters(con, everything: Filters) -> None:
    ready = queries.readiness(con, everything).groupby("kota")[["jumlah_asn", "asn_terlatih"]].sum()
    assert (ready["asn_terlatih"] / ready["jumlah_asn"]).idxmax() == "Pontianak"


def test_pontianak_mentors_the_most_and_spends_least_of_its_apbd(con, everything: Filters) -> None:
    mentoring = metrics.compare_cells(queries.mentoring_cells(con, everything)).set_index("kota")
    assert mentoring["n_a"].idxmax() == "Pontianak"
    gap = queries.gap(con, everything)
    assert gap.groupby("kota")["persen_apbd"].mean().idxmin() == "Pontianak"


def test_makassar_shifts_to_e_learning_which_is_cheap(con, everything: Filters) -> None:
    first, last = (
        replace(everything, tahun_awal=y, tahun_akhir=y) for y in (everything.tahun_awal, everything.tahun_akhir)
    )
    share = {}
    for f in (first, last):
        kinds = metrics.observed_kinds(queries.cost_by_kind(con, replace(f, kota=("Makassar",)))).set_index("kelompok")
        share[f.tahun_akhir] = kinds.loc["e-learning", "persen_jp"]
    assert share[last.tahun_akhir] > share[first.tahun_awal]
    kinds = metrics.observed_kinds(queries.cost_by_kind(con, replace(last, kota=("Makassar",)))).set_index("kelompok")
    assert kinds.loc["e-learning", "biaya_per_jp"] < kinds.loc["klasikal", "biaya_per_jp"]
