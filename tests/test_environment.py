"""environment.yml (conda) and pyproject.toml (pip) must ask for the same packages."""

import re
from pathlib import Path

import yaml

try:
    import tomllib
except ImportError:          # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

# PyPI name -> conda-forge name, where the two differ
CONDA_NAMES = {"build": "python-build"}


def split(requirement):
    """"numpy>=1.26,<3" → ("numpy", ">=1.26,<3"), names lower-cased."""
    name, spec = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def pyproject_requirements():
    """Runtime dependencies and the lab, build, test and classroom extras: what `make` installs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["lab"] + extras["build"] + extras["test"] + extras["classroom"]
    # a marker-only backport (tomli on Python < 3.11) is not a conda package
    named = (split(req) for req in wanted if ";" not in req)
    return {CONDA_NAMES.get(name, name): spec for name, spec in named}


def conda_requirements():
    entries = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    return dict(split(entry) for entry in entries
                if isinstance(entry, str) and split(entry)[0] not in ("python", "pip"))


def test_same_packages_and_versions():
    assert conda_requirements() == pyproject_requirements()


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    entries = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    assert f"python{project['requires-python']}" in entries
