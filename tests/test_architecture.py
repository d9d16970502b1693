"""The shape of the code: imports point one way, and the public guide never reads the journal.

The import graph is read from the source (every `import` and `from … import`, including
those inside functions), so a cycle hidden in a function body is caught too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "guide", "journal", "bench")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            modules[module_name(path)] = path
    return modules


def imported_modules(name, path, known):
    """The project modules `name` imports, each resolved to the most specific module."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(here[: len(here) - node.level + 1]) if node.level else ""
            stem = ".".join(filter(None, [base, node.module or ""]))
            # `from pkg import mod` imports the module pkg.mod where there is one.
            targets = [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph():
    modules = project_modules()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for neighbour in graph.get(node, ()):
            if neighbour not in index:
                visit(neighbour)
                low[node] = min(low[node], low[neighbour])
            elif neighbour in on_stack:
                low[node] = min(low[node], index[neighbour])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_no_two_modules_import_each_other_directly_or_around_a_loop():
    assert cycles(import_graph()) == []


def test_the_cycle_check_finds_a_loop_when_there_is_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_guide_never_imports_the_journal():
    graph = import_graph()
    offenders = {
        module: sorted(target for target in targets if target.split(".")[0] == "journal")
        for module, targets in graph.items()
        if module.split(".")[0] == "guide"
    }
    assert {module: found for module, found in offenders.items() if found} == {}


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("journal.entries", "journal.journey"),
        ("journal.entries", "journal.data"),
        ("journal.accounts", "journal.entries"),
        ("journal.accounts", "journal.journey"),
        ("journal.accounts", "journal.data"),
        ("journal.journey", "journal.data"),
        ("journal.entries", "journal.letters"),
        ("journal.entries", "journal.reminders"),
        ("journal.journey", "journal.letters"),
        ("journal.journey", "journal.reminders"),
        ("journal.letters", "journal.data"),
        ("journal.reminders", "journal.data"),
        ("journal.letters", "journal.reminders"),
    ],
)
def test_arrows_point_one_way_between_the_journals_ideas(lower, higher):
    graph = import_graph()
    upward = {
        module: sorted(t for t in targets if t == higher or t.startswith(higher + "."))
        for module, targets in graph.items()
        if module == lower or module.startswith(lower + ".")
    }
    assert {module: found for module, found in upward.items() if found} == {}


def test_migrations_import_no_application_code():
    graph = import_graph()
    offenders = {
        module: sorted(targets)
        for module, targets in graph.items()
        if ".migrations." in module and targets
    }
    assert offenders == {}
