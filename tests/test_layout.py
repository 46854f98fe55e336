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


def imports(path):
    """Every ``(module, name)`` the file imports from ``nnlessons…`` (name None for a plain
    ``import``), relative imports resolved to dotted names."""
    module = "nnlessons." + path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, None) for alias in node.names if alias.name.startswith("nnlessons"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.startswith("nnlessons"):
                yield from ((name, alias.name) for alias in node.names)


def imported_modules(path):
    """Every ``nnlessons.…`` module the file imports, as a dotted name, relative imports resolved."""
    return {f"{module}.{name}" if name else module for module, name in imports(path)} | {
        module for module, _name in imports(path)}


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


#: Where a lesson may take engine names from: ``nnlessons`` itself, ``nnlessons.layers``
#: and the engine's top-level modules; ``nnlessons.layers.<module>`` is the engine's inside.
ENGINE_HOMES = {name.removesuffix(".py").split("/")[0] for name in ENGINE}
PUBLIC_ENGINE = {"nnlessons", "nnlessons.layers"} | {
    "nnlessons." + name.removesuffix(".py") for name in ENGINE if "/" not in name}


def is_engine(module):
    return module == "nnlessons" or module.split(".")[1] in ENGINE_HOMES


@pytest.mark.parametrize("path", sorted((PACKAGE / "lessons").rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_lessons_use_only_the_public_engine(path):
    internal = [f"{module}.{name}" for module, name in imports(path) if is_engine(module)
                and (module not in PUBLIC_ENGINE or (name or "").startswith("_"))]
    assert not internal, f"{path.relative_to(PACKAGE)} imports engine internals {internal}"


def test_the_public_engine_check_catches_internals(tmp_path, monkeypatch):
    """The check above fails on a lesson module that reaches inside the engine."""
    fake = tmp_path / "lessons" / "neuron" / "explorers.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ...layers.conv import resolve_padding\nfrom ...losses import _clip\n")
    monkeypatch.setitem(globals(), "PACKAGE", tmp_path)
    with pytest.raises(AssertionError, match=r"layers\.conv\.resolve_padding.*losses\._clip"):
        test_lessons_use_only_the_public_engine(fake)


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
