"""The floors of the code (ARCHITECTURE.md): every first-party import, at the top of a module or inside a
function, goes to the same floor or one below, and no modules import each other in a circle. Read from the
source with ast, so a late import that dodges a circle at run time is still seen."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. A module belongs to the floor of the longest prefix of its name listed here.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("domain", "settings"),  # the rules of pembinaan ASN; where files live and the ASN_* variables
    ("access",),  # who reads: grants and roles, the admin password, the audit trail
    ("etl",),  # the write side: contract, read, validate, warehouse
    ("demo",),  # the synthetic demo generator: writes files in the contract's shape
    (
        "analytics",
        "analytics.queries",
        "analytics.metrics",
    ),  # data access (analytics itself is empty)
    ("analytics.privacy",),  # release: the reader's scope and the small-group rule, the one guarded path
    ("analytics.texts", "analytics.context", "analytics.peers", "analytics.present"),  # presentation
    ("analytics.meeting_files", "analytics.__main__"),  # meeting files and their command line
    ("ui", "views", "dashboard"),  # Streamlit
    ("benchmarks", "scripts"),  # measurements and tools
)
FIRST_PARTY = {name.split(".")[0] for floor in FLOORS for name in floor} | {"analytics"}


def module_name(path: Path) -> str:
    """Return the dotted module name of a source file under ROOT."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Return every first-party module of the project (tests and the virtualenv left out) by name."""
    found = {}
    for path in ROOT.rglob("*.py"):
        top = path.relative_to(ROOT).parts[0]
        if top.removesuffix(".py") in FIRST_PARTY:
            found[module_name(path)] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Return the first-party modules `name` imports anywhere in its source (a name imported from a package
    counts as its submodule when there is one, else as the package)."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def floor_of(name: str) -> int:
    """Return the floor of a module: the floor of the longest listed prefix of its name."""
    best, level = -1, None
    for i, floor in enumerate(FLOORS):
        for prefix in floor:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best:
                best, level = len(prefix), i
    assert level is not None, f"{name} is on no floor: add it to FLOORS in tests/test_layers.py"
    return level


def graph() -> dict[str, set[str]]:
    """Return module -> the first-party modules it imports."""
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def test_every_module_is_on_a_floor():
    for name in modules():
        floor_of(name)


def test_no_import_goes_up_a_floor():
    upward = [
        f"{name} (floor {floor_of(name)}) imports {target} (floor {floor_of(target)})"
        for name, targets in graph().items()
        for target in sorted(targets)
        if floor_of(target) > floor_of(name)
    ]
    assert upward == []


def test_no_modules_import_each_other_in_a_circle():
    edges = graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_the_check_sees_a_late_import_that_goes_up(tmp_path):
    """The graph reads imports inside functions too (the late import that dodged a circle before)."""
    source = tmp_path / "late.py"
    source.write_text("def f():\n    from analytics.context import PageContext\n    return PageContext\n")
    assert imported("analytics.queries.late", source, modules()) == {"analytics.context"}


def test_only_settings_reads_the_environment():
    """Every ASN_* variable is read in settings.py, with its default and meaning; elsewhere a module may only set
    one for a process it starts."""
    readers = []
    for name, path in modules().items():
        if name == "settings":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            call = isinstance(node, ast.Call) and ast.unparse(node.func) in ("os.environ.get", "os.getenv")
            read = (
                isinstance(node, ast.Subscript)
                and isinstance(node.ctx, ast.Load)
                and ast.unparse(node.value) == "os.environ"
            )
            if call or read:
                readers.append(f"{name}:{node.lineno}")
    assert readers == []
