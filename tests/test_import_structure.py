"""The house's import rules, checked on the source: no import circle anywhere, the workbench imports
the product and never the other way round, only the Tesseract engine starts a process, and no
module of the product reads the environment when it is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"pipeline": ROOT / "pipeline", "extractors": ROOT / "extractors", "workbench": ROOT / "workbench" / "workbench"}


def module_files() -> dict[str, Path]:
    """``{"pipeline.ocr.steps": path, …}`` for every module of the three packages."""
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = module_files()


def _target(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(module: str, path: Path, *, top_level_only: bool) -> set[str]:
    """The project modules whose code runs when ``module`` runs its imports.

    ``import a.b.c`` and ``from a.b import c`` run ``a``, ``a.b`` and ``a.b.c``, except the packages
    that hold ``module`` itself (they are running already: a package's own ``__init__`` importing its
    modules is no circle); ``from a.b import name`` of a name that is no module runs ``a.b`` even then.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    targets: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            targets |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _target(node, module, path.name == "__init__.py")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in MODULES else base)
                if sub not in MODULES and base in MODULES and module.startswith(base + "."):
                    targets.add(base + "#names")  # names from an enclosing package's __init__
    found = set()
    for name in targets:
        if name.endswith("#names"):
            found.add(name[: -len("#names")])
            continue
        parts = name.split(".")
        for k in range(1, len(parts) + 1):
            candidate = ".".join(parts[:k])
            if candidate in MODULES and candidate != module and not module.startswith(candidate + "."):
                found.add(candidate)
    return found


def graph(*, top_level_only: bool) -> dict[str, set[str]]:
    return {m: imports(m, p, top_level_only=top_level_only) for m, p in MODULES.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle_at_module_level():
    assert find_cycle(graph(top_level_only=True)) is None


def test_no_import_circle_even_through_imports_inside_functions():
    assert find_cycle(graph(top_level_only=False)) is None


def test_the_product_never_imports_the_workbench():
    wrong = {m: sorted(i for i in deps if i.startswith("workbench"))
             for m, deps in graph(top_level_only=False).items() if not m.startswith("workbench")}
    assert {m: d for m, d in wrong.items() if d} == {}


def test_only_the_two_external_programs_are_started_and_each_from_one_module():
    """Tesseract (the OCR engine) and LibreOffice (the .doc/.rtf/.odt converter): each has one module that
    starts it, with its time limit and its clean-up; nothing else in the product starts a process."""
    starters = sorted(m for m, p in MODULES.items() if not m.startswith("workbench")
                      and "subprocess" in {a.name for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                                           if isinstance(n, ast.Import) for a in n.names})
    assert starters == ["pipeline.ocr.tesseract", "pipeline.readers.office"]


def _reads_environment(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr in ("environ", "getenv") and getattr(sub.value, "id", "") == "os":
            return True
    return False


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith("workbench")))
def test_no_product_module_reads_the_environment_when_imported(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    at_import = [n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for node in at_import:
        if isinstance(node, ast.ClassDef):
            at_import += [b for b in node.body if not isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert not any(_reads_environment(n) for n in at_import if not isinstance(n, ast.ClassDef))
