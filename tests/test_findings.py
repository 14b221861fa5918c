"""Findings written from the numbers (analytics.present.findings): the right cities and numbers, in both
languages, and nothing said without numbers behind it."""

from __future__ import annotations

from conftest import hand_scorecard

from analytics.present.findings import findings


def _sentence_with(sentences: list[str], *tokens: str) -> str | None:
    """Return the sentence that contains all tokens in this order (None when there is none)."""
    for s in sentences:
        at = 0
        for token in tokens:
            at = s.find(token, at)
            if at < 0:
                break
            at += len(token)
        else:
            return s
    return None


def test_findings_name_the_right_cities_and_numbers_in_indonesian() -> None:
    got = findings(hand_scorecard(), 2024, "id")
    assert len(got) == 5
    assert _sentence_with(got, "Jambi", "41%", "18 poin", "Makassar", "59%"), got  # lowest, gap, highest 20 JP
    assert _sentence_with(got, "2023", "Makassar", "naik", "9,0", "59%"), got  # largest change
    assert _sentence_with(got, "Makassar", "75,5%", "Rp 1,2 M"), got  # lowest absorption, its pagu
    assert _sentence_with(got, "Makassar", "Rp 150.000", "3,0", "Jambi", "Rp 50.000"), got  # cost ratio
    assert _sentence_with(got, "Makassar", "90,12", "A", "Pontianak", "70,00", "C"), got  # IKM high, low
    assert not any("Pontianak" in s and "terendah, " in s for s in got)


def test_findings_in_english() -> None:
    got = findings(hand_scorecard(), 2024, "en")
    assert len(got) == 5
    assert _sentence_with(got, "Jambi", "41%", "18", "Makassar", "59%"), got
    assert _sentence_with(got, "2023", "Makassar", "rose", "9.0", "59%"), got
    assert _sentence_with(got, "Makassar", "75.5%", "IDR 1.2 bn"), got
    assert _sentence_with(got, "Makassar", "IDR 150,000", "3.0", "Jambi", "IDR 50,000"), got
    assert _sentence_with(got, "Makassar", "90.12", "A", "Pontianak", "70.00", "C"), got


def test_findings_report_a_fall_as_a_fall() -> None:
    df = hand_scorecard()
    df.loc[(df["kota"] == "Pontianak") & (df["tahun"] == 2023), "persen_20jp"] = 70.0  # 70 -> 50: -20 points
    got = findings(df, 2024, "id")
    assert _sentence_with(got, "2023", "Pontianak", "turun", "20,0", "50%"), got
    assert not any("naik" in s for s in got)


def test_findings_with_a_single_city_compare_nothing() -> None:
    one = hand_scorecard().query("kota == 'Jambi'")
    got = findings(one, 2024, "id")
    comparative = ("terendah", "tertinggi", "terbesar", " kali ", " di bawah ")
    assert [s for s in got if any(word in s for word in comparative)] == []


def test_findings_leave_out_what_has_no_numbers() -> None:
    df = hand_scorecard()
    df["ikm"] = float("nan")
    df["biaya_per_jp"] = float("nan")
    got = findings(df, 2024, "id")
    assert len(got) == 3
    assert not any("IKM" in s or "Biaya" in s for s in got)
    assert findings(df, 2030, "id") == []
