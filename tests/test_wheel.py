"""The package as a student installs it (issue 11): a wheel built from this repository and
installed into a fresh virtual environment runs a data-loading lesson from a folder that
has nothing to do with the repository, with the data files shipped inside the wheel.

Offline: ``python -m build --no-isolation`` builds the sdist, then the wheel from that
sdist, with the build requirements of this environment (the test extra installs them).
The fresh venv reuses this environment's installed dependencies through a ``.pth`` file
(``--system-site-packages`` would give the base Python's packages, not this venv's); the
editable install of nnlessons is not reachable from there, and the lesson checks that its
``nnlessons`` is the wheel's. About 20 s; deselect with ``-m "not wheel"``.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest

from nnlessons import data

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "en" / "14_convolution.ipynb"      # loads the real photos
# Top-level folders of the repository that are no part of a source distribution.
NOT_SOURCE = {".git", ".venv", "build", "dist", "notebooks", "screenshots", ".pytest_cache"}


def _build_requirements_missing():
    """The [build-system] requirements this environment lacks, as text ('' if none)."""
    try:
        import build
    except ImportError:
        return "build (PyPA)"
    requirements = build.ProjectBuilder(ROOT).build_system_requires
    return ", ".join(sorted({chain[0] for requirement in requirements
                             for chain in build.check_dependency(requirement)}))


def _run(command, cwd):
    """Run ``command``; on failure, fail the test with its output."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _copy_sources(target):
    """The repository without its virtualenv, git data, notebooks and build leftovers,
    so that building never writes into the checkout."""
    def skip(folder, names):
        top = Path(folder) == ROOT
        return [name for name in names
                if (top and name in NOT_SOURCE) or name == "__pycache__" or name.endswith(".egg-info")]
    shutil.copytree(ROOT, target, ignore=skip)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    missing = _build_requirements_missing()
    if missing:
        pytest.skip(f"cannot build the wheel offline: this environment lacks {missing} "
                    "(pip install -e '.[test]' installs them)")
    work = tmp_path_factory.mktemp("wheel")
    _copy_sources(work / "source")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", work / "dist",
          work / "source"], cwd=work)
    (found,) = (work / "dist").glob("nnlessons-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A fresh venv with the wheel installed: its python and its site-packages folder."""
    folder = tmp_path_factory.mktemp("venv")
    venv.create(folder, with_pip=False)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site_packages = Path(_run([python, "-c", "import sysconfig; "
                                             "print(sysconfig.get_paths()['purelib'])"],
                              cwd=folder).strip())
    ours = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    (site_packages / "project-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
          "--quiet", wheel], cwd=folder)
    return python, site_packages


def test_the_wheel_carries_every_data_file_and_its_record(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "nnlessons/datasets/README.md" in names
        for name, expected in data._SHA256.items():
            digest = hashlib.sha256(archive.read(f"nnlessons/datasets/{name}")).hexdigest()
            assert digest == expected, name


def test_the_installed_package_loads_its_data_from_any_folder(installed, tmp_path):
    python, site_packages = installed
    printed = _run([python, "-c", (
        "import nnlessons; from nnlessons.data import load_digits, load_image; "
        "from nnlessons.text import load_sentences; "
        "images, labels = load_digits(); texts, _ = load_sentences('pt'); "
        "print(nnlessons.__file__); print(images.shape, load_image('brick').shape, len(texts))")],
        cwd=tmp_path)
    assert printed.splitlines() == [str(site_packages / "nnlessons" / "__init__.py"),
                                    "(1797, 8, 8) (128, 128) 300"]


def test_a_data_lesson_runs_outside_the_repository(installed, tmp_path):
    """Lesson 14 with nbval (stored outputs compared) in a folder outside the repository,
    plus one last cell that fails unless the kernel's nnlessons is the wheel's."""
    python, site_packages = installed
    assert ROOT not in tmp_path.parents
    notebook = nbformat.read(LESSON, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import importlib.resources, pathlib, nnlessons\n"
        f"wheel_package = pathlib.Path({str(site_packages / 'nnlessons')!r})\n"
        "assert pathlib.Path(nnlessons.__file__).parent == wheel_package, nnlessons.__file__\n"
        "assert pathlib.Path(str(importlib.resources.files('nnlessons.datasets'))) == "
        "wheel_package / 'datasets'"))
    nbformat.write(notebook, tmp_path / LESSON.name)
    # a copy, so that no argument points into the repository (pytest would take its rootdir
    # and pyproject.toml from there)
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", tmp_path)
    printed = _run([python, "-m", "pytest", "-p", "no:cacheprovider", "--nbval",
                    "--nbval-current-env", "--nbval-sanitize-with", "nbval_sanitize.cfg",
                    LESSON.name], cwd=tmp_path)
    assert f"rootdir: {tmp_path}" in printed
