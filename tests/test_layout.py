"""The layout holds: the core knows nothing of the page, and no module imports itself back."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("planner", "ui")


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _imports() -> dict[str, set[str]]:
    """Each module of planner/ and ui/ with the modules of planner/ and ui/ it imports."""
    modules = {
        _module_name(path): path for package in PACKAGES for path in (ROOT / package).glob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[name] = {m for m in found if m.split(".")[0] in PACKAGES or m == "streamlit"}
        graph[name] |= {m for m in found if m.startswith("streamlit")}
        graph[name].discard(name)
    return graph


def test_the_core_imports_neither_streamlit_nor_the_page() -> None:
    graph = _imports()

    offenders = {
        name: sorted(m for m in deps if m.startswith(("streamlit", "ui")))
        for name, deps in graph.items()
        if name.startswith("planner")
    }

    assert {name: deps for name, deps in offenders.items() if deps} == {}


def test_no_module_imports_itself_back_through_others() -> None:
    graph = _imports()
    cycles: list[list[str]] = []

    def walk(name: str, path: list[str]) -> None:
        for dep in sorted(graph.get(name, ())):
            if dep in PACKAGES:
                continue  # the package's own __init__ re-exports; it is not a room
            if dep in path:
                cycles.append([*path[path.index(dep) :], dep])
            elif dep in graph and len(path) < 30:
                walk(dep, [*path, dep])

    for name in graph:
        walk(name, [name])

    assert cycles == []
