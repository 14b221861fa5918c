"""The catalogue of every text a user reads, in Bahasa Indonesia first and English second.

One module per area (pages.py, analysis.py, charts.py, exports.py, intake.py, privacy.py...) defines
TEXT = {key: {"id": ..., "en": ...}}; they are merged here, and a key defined twice is an error.
`t(key, lang, **values)` returns the text; a missing English text falls back to Indonesian, a missing
key is a programming error (KeyError) that the tests catch.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGS = ("id", "en")

TEXT: dict[str, dict[str, str]] = {}


def _merge_area_texts() -> None:
    """Fill TEXT from every module of this package (one per area), refusing duplicate keys."""
    for module in pkgutil.iter_modules(__path__):
        area = importlib.import_module(f"{__name__}.{module.name}")
        clash = TEXT.keys() & area.TEXT.keys()
        if clash:
            raise KeyError(f"text keys defined twice ({module.name}): {sorted(clash)}")
        TEXT.update(area.TEXT)


_merge_area_texts()


def t(key: str, lang: str, **values: object) -> str:
    """Return the text for `key` in `lang` (falling back to Indonesian), with {values} filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["id"]
    return text.format(**values) if values else text
