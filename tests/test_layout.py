"""The package layout the design card promises (issue 10): one home per lesson, lessons
never import each other, the engine never imports the teaching layer, and
``import nnlessons as nn`` is the engine only."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import nnlessons

PACKAGE = Path(nnlessons.__file__).parent
TEACHING = ("lessons", "widgets", "plots", "exercises")
ENGINE = ["activations.py", "data.py", "gradcheck.py", "kernels.py", "losses.py", "metrics.py", "model.py",
          "optimizers.py", "reference.py", "text.py", "validation.py", "i18n.py", *sorted(
              f"layers/{path.name}" for path in (PACKAGE / "layers").glob("*.py"))]
LESSON_SOURCES = sorted((PACKAGE.parents[1] / "notebooks" / "lessons").glob("[0-9][0-9]_*.md"))


def imported_modules(path):
    """Every ``nnlessons.…`` module the file imports, as a dotted name, relative imports resolved."""
    module = "nnlessons." + path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("nnlessons")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.startswith("nnlessons"):
                found |= {name} | {f"{name}.{alias.name}" for alias in node.names}
    return found


def lesson_of(module):
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "lessons" else None


def test_every_lesson_has_its_home_named_by_its_slug():
    slugs = {source.stem.split("_", 1)[1] for source in LESSON_SOURCES}
    homes = {info.name for info in pkgutil.iter_modules([str(PACKAGE / "lessons")])}
    assert slugs == homes


@pytest.mark.parametrize("path", sorted((PACKAGE / "lessons").rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_lesson_imports_another_lesson(path):
    own = path.relative_to(PACKAGE / "lessons").parts[0]
    others = {module for module in imported_modules(path) if lesson_of(module) not in (None, own)}
    assert not others, f"{path.name} of lesson {own!r} imports {sorted(others)}"


@pytest.mark.parametrize("name", ENGINE)
def test_the_engine_imports_nothing_of_the_teaching_layer(name):
    teaching = {module for module in imported_modules(PACKAGE / name)
                if module.split(".")[1:2] and module.split(".")[1] in TEACHING}
    assert not teaching, f"{name} imports {sorted(teaching)}"


def test_import_nnlessons_is_the_engine_without_the_ui():
    code = ("import sys, nnlessons as nn; nn.Model, nn.Dense, nn.Adam, nn.spiral_data, nn.check_layer; "
            "print(sorted(m for m in sys.modules if m.split('.')[:2] in "
            "[['nnlessons', t] for t in ('lessons', 'widgets', 'plots', 'exercises')] or m == 'matplotlib'))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_lesson_notebooks_import_no_private_names():
    for source in LESSON_SOURCES:
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.startswith("from nnlessons"):
                names = line.split(" import ", 1)[1].strip("()").replace(" ", "").split(",")
                assert not [name for name in names if name.startswith("_")], f"{source.name}: {line}"
                assert ".layers." not in line.split(" import ")[0], f"{source.name} imports an engine internal: {line}"
