"""The first cell of every lesson, run where ``nnlessons`` cannot be imported (a notebook
opened on Colab or in someone else's Jupyter), prints in both languages the one command that
installs it, and no traceback (issue 11)."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nnlessons import build
from nnlessons.i18n import LANGUAGES
from nnlessons.project import PROJECT_REPO

ROOT = Path(__file__).resolve().parents[1]

#: Pretends to be Colab the way the cell checks it: ``google.colab`` already imported.
ON_COLAB = "import sys, types; sys.modules['google.colab'] = types.ModuleType('google.colab')\n"


def run_without_nnlessons(source):
    """Run ``source`` in a Python without site-packages (``-S``: neither nnlessons nor its
    dependencies importable); return (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-S", "-c", source], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def first_cell(language):
    notebook = nbformat.read(next((ROOT / "notebooks" / language).glob("[0-9][0-9]_*.ipynb")), as_version=4)
    return notebook.cells[0].source


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_first_cell_is_the_setup_cell(language):
    assert first_cell(language) == build.SETUP_SOURCE.format(lang=language)


@pytest.mark.parametrize(("prelude", "pip"), [("", "%pip"), (ON_COLAB, "!pip")], ids=["jupyter", "colab"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_nnlessons_the_first_cell_prints_the_install_command(language, prelude, pip):
    code, printed, errors = run_without_nnlessons(prelude + first_cell(language))
    assert (code, errors) == (0, "")
    assert "O nnlessons não está instalado" in printed and "nnlessons is not installed" in printed
    assert printed.splitlines()[-1].strip() == f"{pip} install git+{PROJECT_REPO}"
    assert "Traceback" not in printed


def test_with_nnlessons_the_first_cell_sets_the_language_and_prints_nothing(capsys):
    from nnlessons import i18n

    exec(build.SETUP_SOURCE.format(lang="pt"), {})
    assert i18n.get_language() == "pt"
    assert capsys.readouterr().out == ""


def test_the_check_itself_sees_a_python_where_nnlessons_is_importable():
    """Guards the tests above: ``-S`` is what hides nnlessons, not a broken interpreter."""
    assert run_without_nnlessons("import nnlessons")[0] != 0
    assert subprocess.run([sys.executable, "-c", "import nnlessons"]).returncode == 0
