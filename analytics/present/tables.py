"""Tables for people to read: numbers formatted in the chosen language, headers in words.

The CSV download keeps the raw values; this is only what the screen shows.
"""

from __future__ import annotations

import pandas as pd

from analytics.present import formatting as fmt

HEADERS = {
    "kota": ("Kota", "City"),
    "tahun": ("Tahun", "Year"),
    "opd": ("OPD", "Agency"),
    "nilai": ("Nilai", "Value"),
    "jumlah_asn": ("Jumlah ASN", "Civil servants"),
    "jumlah_pns": ("Jumlah PNS", "PNS"),
    "pns_memenuhi_20jp": ("PNS ≥ 20 JP", "PNS ≥ 20 JP"),
    "persen_20jp": ("% PNS ≥ 20 JP", "% PNS ≥ 20 JP"),
    "jp_total": ("Total JP", "Total JP"),
    "jp_per_asn": ("JP per ASN", "JP per civil servant"),
    "jumlah_peserta": ("ASN ikut pengembangan", "Civil servants trained"),
    "pagu": ("Pagu (Rp)", "Planned (IDR)"),
    "realisasi": ("Realisasi (Rp)", "Spent (IDR)"),
    "persen_serapan": ("% serapan", "% absorbed"),
    "biaya_per_jp": ("Biaya per JP (Rp)", "Cost per JP (IDR)"),
    "biaya_per_peserta": ("Biaya per peserta (Rp)", "Cost per participant (IDR)"),
    "biaya": ("Biaya (Rp)", "Cost (IDR)"),
    "ikm": ("IKM", "IKM"),
    "mutu_ikm": ("Mutu", "Grade"),
    "jumlah_responden_ikm": ("Responden", "Respondents"),
    "jumlah_responden": ("Responden", "Respondents"),
    "persen_sangat_baik": ("% Sangat Baik", "% Sangat Baik"),
    "persen_di_bawah_baik": ("% di bawah Baik", "% below Baik"),
    "jumlah_dinilai": ("Dinilai", "Rated"),
    "kegiatan": ("Kegiatan", "Activity"),
    "sumber_dana": ("Sumber dana", "Source of funds"),
    "kelompok": ("Kelompok kegiatan", "Kind of activity"),
    "penyelenggara": ("Penyelenggara", "Provider"),
    "jumlah_kegiatan": ("Kegiatan", "Activities"),
    "jumlah_lulus": ("Peserta lulus", "Passed"),
    "jp_lulus": ("JP diperoleh", "JP earned"),
    "persen_jp": ("% JP", "% of JP"),
    "jumlah_terdaftar": ("Terdaftar", "Enrolled"),
    "jumlah_tidak_lulus": ("Tidak lulus", "Failed"),
    "jumlah_tidak_hadir": ("Tidak hadir", "No-show"),
    "persen_lulus": ("% lulus", "% passed"),
    "persen_tidak_hadir": ("% tidak hadir", "% no-show"),
    "belanja_daerah": ("Belanja daerah (Rp)", "Regional spending (IDR)"),
    "persen_apbd": ("% APBD", "% of APBD"),
    "rentang_jp": ("Rentang JP", "JP band"),
    "persen": ("%", "%"),
    "jumlah_respon": ("Respon", "Responses"),
    "skor_materi": ("Materi", "Content"),
    "skor_pengajar": ("Pengajar", "Trainer"),
    "skor_penyelenggaraan": ("Penyelenggaraan", "Organisation"),
    "skor_manfaat": ("Manfaat", "Usefulness"),
    "skor_rata": ("Rata-rata", "Mean"),
    "unsur": ("Unsur", "Element"),
    "jumlah_jawaban": ("Jawaban", "Answers"),
    "nrr": ("NRR", "NRR"),
    "nilai_konversi": ("Nilai (25-100)", "Score (25-100)"),
    "saluran": ("Saluran", "Channel"),
    "kategori": ("Kategori", "Category"),
    "sentimen": ("Sentimen", "Sentiment"),
    "jumlah": ("Jumlah", "Count"),
    "jumlah_penghargaan": ("Penghargaan", "Awards"),
    "pasangan_mentoring": ("Pasangan mentoring", "Mentoring pairs"),
    "sesi_mentoring": ("Sesi mentoring", "Mentoring sessions"),
    "peserta_coaching": ("Peserta coaching", "Coaching participants"),
    "coaching": ("Coaching", "Coaching"),
    "pelatihan": ("Pelatihan lain", "Other training"),
    "tidak_ada": ("Tanpa tindak lanjut", "No follow-up"),
    "persen_coaching": ("% coaching", "% coaching"),
    "persen_pelatihan": ("% coaching atau pelatihan", "% coaching or training"),
    "dinilai_ditindak": ("Dinilai (ditindaklanjuti)", "Rated (followed up)"),
    "persen_baik_ditindak": ("% Baik+ (ditindaklanjuti)", "% Baik+ (followed up)"),
    "dinilai_tidak": ("Dinilai (tanpa tindak lanjut)", "Rated (no follow-up)"),
    "persen_baik_tidak": ("% Baik+ (tanpa tindak lanjut)", "% Baik+ (no follow-up)"),
    # Analysis (issue 4)
    "kekurangan_jp": ("Kekurangan JP", "JP shortfall"),
    "jumlah_pns_awal": ("PNS tahun awal", "PNS in the first year"),
    "pns_memenuhi_20jp_awal": ("PNS ≥ 20 JP tahun awal", "PNS ≥ 20 JP in the first year"),
    "biaya_menutup_kesenjangan": ("Biaya menutup kesenjangan (Rp)", "Cost to close the gap (IDR)"),
    "target_016": ("Target 0,16% APBD (Rp)", "0.16% of APBD target (IDR)"),
    "selisih_target_016": ("Selisih dari target (Rp)", "Difference from target (IDR)"),
    "gini_jp": ("Gini JP", "JP Gini"),
    "persen_terlatih": ("% terlatih", "% trained"),
    "asn_terlatih": ("ASN terlatih", "Trained staff"),
    "persen_20jp_awal": ("% PNS ≥ 20 JP (awal)", "% PNS ≥ 20 JP (start)"),
    "peringkat_awal": ("Predikat awal", "Starting rating"),
    "tahun_dinilai": ("Tahun dinilai", "Year rated"),
    "tindak_lanjut": ("Tindak lanjut", "Follow-up"),
    "baik_sesudah": ("Baik sesudahnya", "Baik afterwards"),
    "dinilai_sesudah": ("Dinilai sesudahnya", "Rated afterwards"),
    "n_a": ("Jumlah (kelompok A)", "Count (group A)"),
    "n_b": ("Jumlah (kelompok B)", "Count (group B)"),
    "naik_a": ("Naik (A)", "Improved (A)"),
    "naik_b": ("Naik (B)", "Improved (B)"),
}
PLAIN = {"tahun", "tahun_dinilai"}  # numbers shown without separators


def header(column: str, lang: str) -> str:
    """Return a column's heading in the chosen language (the column name when it has none)."""
    names = HEADERS.get(column)
    return column if names is None else names[0 if lang == "id" else 1]


def _cell(column: str, value: object, lang: str) -> object:
    if fmt.is_missing(value) or pd.isna(value):
        return fmt.MISSING
    if column in PLAIN or isinstance(value, str):
        return value
    if column.startswith("persen"):
        return fmt.percent(float(value), lang)
    if isinstance(value, int) or float(value).is_integer():
        return fmt.number(float(value), lang, 0)
    decimals = 2 if column in {"ikm", "nrr"} or column.startswith("skor") else 1
    return fmt.number(float(value), lang, decimals)


def display_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return a copy of `df` as text for the screen: numbers in the chosen language's format and
    headings in words. `df` is a released frame (analytics.privacy.release): its '<5' cells stay '<5'."""
    out = pd.DataFrame({header(c, lang): [_cell(c, v, lang) for v in df[c]] for c in df.columns})
    return out
