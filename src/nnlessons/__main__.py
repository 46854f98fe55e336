"""The project's commands, without ``make`` (Windows, conda, any shell).

    python -m nnlessons lab                         open JupyterLab on the lessons
    python -m nnlessons test [PYTEST ARGS]          the whole suite (what ``make test`` runs)
    python -m nnlessons test --suite colab          the lessons under Colab's ipywidgets 7.7.1
    python -m nnlessons notebooks [LESSON ...]      rebuild notebooks/pt and notebooks/en
    python -m nnlessons present LESSON [--lang pt]  one lesson as a clean page (Voilà)
    python -m nnlessons bench [engine|widgets|cnn]  speed benchmarks
    python -m nnlessons classroom [...]             a JupyterHub for a class on this machine

Run them from a clone of the repository, in the environment that has the project
installed (``make lab``'s ``.venv``, or ``conda env create -f environment.yml`` then
``pip install -e ".[lab,build,test,classroom]"``). The Makefile's targets call these commands, so both
forms do the same thing. Every child process gets the settings that make lesson numbers
the same on every machine (``lesson_environment``).
"""

import argparse
import locale
import os
import platform
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

from .i18n import LANGUAGES

NOTEBOOK_FOLDERS = ("notebooks/pt", "notebooks/en")
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]
CHROMIUM = os.environ.get("NNLESSONS_CHROMIUM", "/usr/bin/chromium")

#: ``test --suite colab``: a venv with the widget and kernel packages Google Colab has
#: preinstalled (ipywidgets 7.7.1 with its widgetsnbextension 3.6, ipykernel 6.17.1,
#: IPython 7.34, the classic notebook 6.5), installed before nnlessons, as on Colab.
COLAB_VENV = Path("build") / "venv-ipyw7"
COLAB_PACKAGES = ["ipywidgets==7.7.1", "widgetsnbextension~=3.6.0", "ipykernel==6.17.1", "ipython==7.34.0",
                  "notebook==6.5.7", "pytest>=8", "nbval>=0.11"]
#: What it runs there: every explorer shown and moved (tests/colab), and two lessons under
#: nbval in both languages: one with a live trainer (07) and one that loads data (12).
COLAB_TESTS = ["tests/colab", *(f"{folder}/{lesson}" for lesson in ("07_backpropagation.ipynb", "15_cnn.ipynb")
                                for folder in NOTEBOOK_FOLDERS)]
#: Top-level folders of the repository that are no part of the package's sources.
NOT_SOURCE = {".git", ".venv", "build", "dist", "notebooks", "screenshots", ".pytest_cache", "classroom"}


def lesson_environment(base=None):
    """``base`` (default: this process's environment) plus the settings the stored
    notebook outputs were computed with; a variable already set, even empty, wins.

    - One BLAS thread: the lessons' matrices are small, and on a shared or busy machine
      extra threads make training several times slower, not faster.
    - On x86-64, OpenBLAS's AVX2 (Haswell) kernels and NumPy's AVX2 loops everywhere: a
      network trained for a thousand steps turns last-bit differences between
      CPU-specific kernels (AVX-512 vs AVX2) into a different printed loss, and nbval
      compares printed numbers.
    """
    env = dict(os.environ if base is None else base)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    if platform.machine().lower() in ("x86_64", "amd64"):
        env.setdefault("OPENBLAS_CORETYPE", "Haswell")
        env.setdefault("NPY_DISABLE_CPU_FEATURES", "X86_V4 AVX512_ICL AVX512_SPR")
    return env


def repository_root():
    """The clone this package runs from (editable install), else the current folder or
    one of its parents holding ``notebooks/lessons``; None outside a clone."""
    here = Path(__file__).resolve().parents[2]
    for folder in (here, Path.cwd().resolve(), *Path.cwd().resolve().parents):
        if (folder / "notebooks" / "lessons").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    return None


class NeedsClone(SystemExit):
    """A command that works on the repository's files, run outside a clone."""

    def __init__(self, command):
        super().__init__(
            f"python -m nnlessons {command}: run this from a clone of the repository "
            "(git clone <the nnlessons repository>, cd into it, then the command).\n"
            f"python -m nnlessons {command}: rode isto dentro de um clone do repositório "
            "(git clone <o repositório do nnlessons>, entre na pasta e rode o comando).")


def run(command, root, env=None):
    """Run ``command`` in ``root`` with the lesson environment; return its exit code."""
    print("$", " ".join(str(part) for part in command), flush=True)
    return subprocess.call([str(part) for part in command], cwd=root, env=lesson_environment(env))


def python_module(module, *args):
    return [sys.executable, "-m", module, *args]


# ---- the commands -------------------------------------------------------------------------
def notebooks(args, root):
    """Rebuild the notebooks whose source changed (all with ``--force``), then the glossary
    gathered from the lessons' tables (``nnlessons.glossary``)."""
    built = run(python_module("nnlessons.build", "--jobs", str(args.jobs), *(["--force"] if args.force else []),
                              *args.lessons), root)
    return built or run(python_module("nnlessons.glossary"), root)


def lab(args, root):
    """Build the notebooks if needed, then open JupyterLab on ``notebooks/``."""
    if run(python_module("nnlessons.build", "--jobs", str(args.jobs)), root) != 0:
        print("some notebooks could not be rebuilt; opening the stored ones. / "
              "alguns notebooks não puderam ser refeitos; abrindo os guardados.")
    return run(python_module("jupyter", "lab", "notebooks/", *_as_root()), root)


def test(args, root):
    """The whole suite: the linter (ruff), unit tests, gradient checks, lesson parity and
    nbval over every notebook in both languages, then the browser suite where Chromium exists.
    ``--suite notebooks``: lesson parity and nbval only; ``--suite browser``: the browser
    suite only; ``--suite colab``: ``colab_suite``."""
    if args.suite == "colab":
        return colab_suite(args, root)
    parallel = ["-n", str(args.jobs), "--dist", "loadfile"]     # one notebook's cells on one worker
    code = 0
    if args.suite == "all":
        code = run(python_module("ruff", "check", "."), root) or run(python_module("pytest", *parallel, *NBVAL, "tests", *NOTEBOOK_FOLDERS, *args.extra), root)
    elif args.suite == "notebooks":
        code = run(python_module("pytest", *parallel, *NBVAL, "tests/test_lessons.py", *NOTEBOOK_FOLDERS,
                                 *args.extra), root)
    if code != 0 or args.suite == "notebooks" or args.no_browser:
        return code
    if not os.access(CHROMIUM, os.X_OK):
        print(f"skipping browser tests: no Chromium at {CHROMIUM} (apt-get install chromium)")
        return code
    browser_args = args.extra if args.suite == "browser" else []
    return run(python_module("pytest", "tests/browser", *browser_args), root,
               env={**os.environ, "NNLESSONS_BROWSER": "1"})


def colab_suite(args, root):
    """The lessons as Google Colab runs them: in ``build/venv-ipyw7`` (made on first use), Colab's
    widget and kernel packages (``COLAB_PACKAGES``), then nnlessons installed from a copy of
    this repository (a normal install, not editable; pip keeps the ipywidgets already there);
    then ``COLAB_TESTS`` with that venv's pytest. Needs the package index (pip)."""
    folder = root / COLAB_VENV
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    code = 0 if python.exists() else run([sys.executable, "-m", "venv", folder], root)
    code = code or run([python, "-m", "pip", "install", "--quiet", *COLAB_PACKAGES], root)
    with tempfile.TemporaryDirectory() as scratch:
        code = code or run([python, "-m", "pip", "install", "--quiet", copy_sources(root, Path(scratch))], root)
    return code or run([python, "-m", "pytest", "-p", "no:cacheprovider", *NBVAL, *COLAB_TESTS, *args.extra], root)


def copy_sources(root, scratch):
    """A copy of the package's sources in ``scratch`` (no venv, git data, notebooks or build
    leftovers: an install from it never writes into, nor picks up stale files from, the clone)."""
    def skip(folder, names):
        top = Path(folder) == root
        return [name for name in names
                if (top and name in NOT_SOURCE) or name == "__pycache__" or name.endswith(".egg-info")]
    return shutil.copytree(root, scratch / "nnlessons", ignore=skip)


def present(args, root):
    """One lesson as a clean page: prose and widgets, no code (Voilà)."""
    language = args.lang or default_language()
    folder = root / "notebooks" / language
    found = sorted(folder.glob(f"{args.lesson}_*.ipynb")) + sorted(folder.glob(f"{args.lesson}.ipynb"))
    if not found:
        names = ", ".join(path.stem for path in sorted(folder.glob("*.ipynb")))
        raise SystemExit(f"python -m nnlessons present: no lesson {args.lesson!r} in notebooks/{language}/; "
                         f"there are: {names}")
    print(f"Presenting {found[0].relative_to(root)} on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    voila = [sys.executable, "-m", "voila", found[0], "--Voila.ip=127.0.0.1", f"--port={args.port}",
             *(["--no-browser"] if args.no_browser else [])]
    return run(voila, root, env={**os.environ, "LANG": "C.UTF-8"})


def bench(args, root):
    """Speed benchmarks (never part of the tests)."""
    return run([sys.executable, root / "benchmarks" / "run.py", *args.parts], root)


def classroom(args, root):
    """A JupyterHub for a class on this machine (see the README's teaching section)."""
    from . import classroom as hub

    return hub.main(args.extra)


def default_language():
    """pt when the user's locale is Portuguese, else en."""
    for value in (os.environ.get("LANG", ""), (locale.getlocale()[0] or "")):
        if value.lower().startswith("pt"):
            return "pt"
    return "en"


def _as_root():
    """JupyterLab refuses to run as root without --allow-root (containers, CI)."""
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


# ---- the command line -----------------------------------------------------------------------
def parser():
    top = argparse.ArgumentParser(prog="python -m nnlessons", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, function, help, **options):
        sub = commands.add_parser(name, help=help, description=help, **options)
        sub.set_defaults(function=function)
        return sub

    sub = add("lab", lab, "build the notebooks if needed and open JupyterLab on them")
    sub.add_argument("--jobs", type=int, default=2, help="notebooks built at once (default 2)")
    sub = add("test", test, "run the whole suite (what make test runs)")
    sub.add_argument("--jobs", type=int, default=2, help="pytest workers (default 2)")
    sub.add_argument("--no-browser", action="store_true", help="skip the browser suite")
    sub.add_argument("--suite", choices=("all", "notebooks", "browser", "colab"), default="all",
                     help="all (default), notebooks (parity and nbval only), browser, or colab "
                          "(explorers and two lessons under Colab's ipywidgets 7.7.1, in build/venv-ipyw7)")
    sub = add("notebooks", notebooks, "rebuild notebooks/pt and notebooks/en from notebooks/lessons")
    sub.add_argument("lessons", nargs="*", help="lesson slugs or number prefixes (default: all)")
    sub.add_argument("--force", action="store_true", help="rebuild even if up to date")
    sub.add_argument("--jobs", type=int, default=2, help="notebooks built at once (default 2)")
    sub = add("present", present, "one lesson as a clean page (Voilà): prose and widgets, no code")
    sub.add_argument("lesson", help="lesson number or slug, e.g. 01")
    sub.add_argument("--lang", choices=LANGUAGES, help="pt or en (default: from your locale)")
    sub.add_argument("--port", type=int, default=8866)
    sub.add_argument("--no-browser", action="store_true", help="only serve the page")
    sub = add("bench", bench, "speed benchmarks")
    sub.add_argument("parts", nargs="*", help="which benchmarks (default: all)")
    sub = add("classroom", classroom, "a JupyterHub for a class on this machine", add_help=False)  # its own --help
    return top


#: Commands that pass the arguments they do not know on: to pytest, to the classroom.
PASS_ON = ("test", "classroom")


def main(argv=None):
    top = parser()
    args, extra = top.parse_known_args(argv)
    if extra and args.command not in PASS_ON:
        top.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra[1:] if extra[:1] == ["--"] else extra
    root = repository_root()
    if root is None and args.command != "classroom":
        raise NeedsClone(args.command)
    return args.function(args, root)


if __name__ == "__main__":
    sys.exit(main())
