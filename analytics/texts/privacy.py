"""Texts about small groups (analytics.privacy) and whole-app sign-in (ui.auth)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "pv_small_groups": {
        "id": 'Angka tentang kurang dari {k} orang ditulis "<{k}", begitu pula angka yang bisa dihitung darinya, '
        "agar tidak ada orang yang dapat dikenali.",
        "en": 'Numbers about fewer than {k} people read "<{k}", as do numbers they could be worked out from, '
        "so nobody can be singled out.",
    },
    "fd_small": {
        "id": "{kota}: kelompok yang dipilih terlalu kecil (kurang dari {k} orang), jadi angkanya tidak dibandingkan.",
        "en": "{kota}: the chosen group is too small (fewer than {k} people), so its numbers are not compared.",
    },
    "pv_all_small": {
        "id": "setiap kelompok di sini berisi kurang dari {k} orang, jadi angkanya tidak ditampilkan.",
        "en": "every group here holds fewer than {k} people, so their numbers are not shown.",
    },
    "pv_login_title": {"id": "Masuk untuk melihat dasbor", "en": "Sign in to see the dashboard"},
    "pv_login_body": {
        "id": "Dasbor ini berisi data kepegawaian. Masuk dengan akun instansi Anda.",
        "en": "This dashboard holds staff data. Sign in with your organisation account.",
    },
    "pv_login": {"id": "Masuk", "en": "Sign in"},
    "pv_logout": {"id": "Keluar ({who})", "en": "Sign out ({who})"},
}
