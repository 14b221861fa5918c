"""Every text a user reads exists in Indonesian and English with the same placeholders, and every key the
source asks for exists (analytics.texts)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from analytics.queries import (
    DIMENSIONS,
)
from analytics.texts import LANGS, TEXT, t

ROOT = Path(__file__).resolve().parent.parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_has_indonesian_and_english() -> None:
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert isinstance(entry[lang], str) and entry[lang].strip(), (key, lang)


def test_placeholders_are_the_same_in_both_languages() -> None:
    for key, entry in TEXT.items():
        assert _fields(entry["id"]) == _fields(entry["en"]), key


def _t_calls() -> list[tuple[str, int, ast.expr]]:
    """Return (file, line, first argument) of every t(...) call in the app's source."""
    dashboard = ROOT / "dashboard.py"
    pages = [ROOT / p for p in re.findall(r"st\.Page\(\s*\"([^\"]+\.py)\"", dashboard.read_text())]
    assert len(pages) >= 7
    files = [dashboard, *pages, *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "analytics").glob("*.py"))]
    calls = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Call)
                and node.args
                and (
                    (isinstance(node.func, ast.Name) and node.func.id == "t")
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "t")
                )
            ):
                calls.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0]))
    return calls


def _keys_of(arg: ast.expr) -> list[str] | None:
    """Return the literal keys an argument can take (None when it is not a literal)."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _keys_of(arg.body), _keys_of(arg.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def test_every_key_used_in_the_source_exists() -> None:
    calls = _t_calls()
    assert len(calls) > 50  # the scan found the pages, the sidebar and the findings
    missing = []
    for where, line, arg in calls:
        keys = _keys_of(arg)
        if keys is None and isinstance(arg, ast.JoinedStr) and ast.unparse(arg).startswith("f'dim_"):
            keys = [f"dim_{d}" for d in DIMENSIONS]  # t(f"dim_{dimension}") for every breakdown
        if keys is None:
            continue  # a key held in a variable (e.g. MEASURES) is checked where it is defined
        missing += [f"{where}:{line} {k}" for k in keys if k not in TEXT]
    assert missing == []


def test_metric_keys_used_through_tables_exist() -> None:
    from analytics.present.measures import CATALOGUE

    assert [m.label for m in CATALOGUE if m.label not in TEXT] == []
    trends = [m.trend.key for m in CATALOGUE if m.trend]
    assert [k for k in trends if f"q_trend_{k}" not in TEXT or f"c_trend_{k}" not in TEXT] == []
    assert [f"dim_{d}" for d in DIMENSIONS if f"dim_{d}" not in TEXT] == []


def test_t_fills_values_and_rejects_unknown_keys() -> None:
    assert t("vs_prev", "id", year=2023) == "dibanding 2023"
    assert t("vs_prev", "en", year=2023) == "vs 2023"
    with pytest.raises(KeyError):
        t("no_such_key_anywhere", "id")
