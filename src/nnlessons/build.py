"""Build the lesson notebooks: ``notebooks/lessons/NN_slug.md`` → ``notebooks/{pt,en}/NN_slug.ipynb``.

Usage::

    python -m nnlessons.build                    # every lesson whose source changed
    python -m nnlessons.build 00 03_batches      # some lessons (slug or number prefix)
    python -m nnlessons.build --force            # rebuild even if up to date
    python -m nnlessons.build --check            # only report stale notebooks (exit 1)

For each language the build keeps that language's markdown cells and every code cell,
prepends the setup cell (``SETUP_SOURCE``: ``setup_lesson("<lang>")``, or the command
that installs nnlessons where it is missing), executes the notebook with a real kernel (cwd =
the notebook's folder, a timeout per cell) and writes it with its outputs.

Staleness does not trust file times (a fresh clone scrambles them): each built
notebook records ``metadata.nnlessons = {"source": ..., "source_sha256": ...,
"build_format": BUILD_FORMAT, "language": ...}`` and is stale when the source's
sha256 or the build format differ. The output is deterministic: cell ids come from
the cell's position, widget model ids are renamed in order of appearance, metadata
is normalised and no timings are kept, so rebuilding an unchanged lesson writes
byte-identical JSON.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .i18n import LANGUAGES
from .project import INSTALL_TARGET

#: Bump when the build changes what it writes (setup cell, metadata, normalisation):
#: every notebook then counts as stale.
BUILD_FORMAT = 2

#: The first cell of every built notebook (``{lang}``: the notebook's language). Where
#: ``nnlessons`` is not installed (a notebook opened on Colab, or in a Jupyter without the
#: project) it prints, in both languages, the one command that installs it: ``!pip`` on
#: Colab, ``%pip`` (installs into the running kernel) anywhere else.
SETUP_SOURCE = f"""\
try:
    from nnlessons.lesson import setup_lesson
except ImportError:
    import sys
    pip = "!pip" if "google.colab" in sys.modules else "%pip"
    print("O nnlessons não está instalado. Rode este comando e depois esta célula de novo:\\n"
          "nnlessons is not installed. Run this command, then this cell again:\\n\\n"
          f"    {{{{pip}}}} install {INSTALL_TARGET}")
else:
    setup_lesson("{{lang}}")"""

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {  # what the kernel reports, minus the Python version (machine-dependent)
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
LESSON_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.md$")


# ---- paths -----------------------------------------------------------------------
def find_root(start=None):
    """The repository root: the first folder, from ``start`` (default: cwd) upwards and
    then from this file upwards, that holds ``notebooks/lessons``."""
    candidates = [Path(start or Path.cwd()).resolve(), Path(__file__).resolve().parent]
    for base in candidates:
        for folder in (base, *base.parents):
            if (folder / "notebooks" / "lessons").is_dir():
                return folder
    raise SystemExit("nnlessons.build: no notebooks/lessons folder here or above; run it from the repository.")


def lesson_sources(root):
    """Every lesson source ``notebooks/lessons/NN_slug.md``, in lesson order."""
    return sorted(p for p in (Path(root) / "notebooks" / "lessons").iterdir() if LESSON_NAME.match(p.name))


def built_path(source, language):
    """``notebooks/lessons/NN_slug.md`` → ``notebooks/<language>/NN_slug.ipynb``."""
    return source.parent.parent / language / (source.stem + ".ipynb")


def source_sha256(source):
    """sha256 of the source file's bytes (what staleness compares)."""
    return hashlib.sha256(Path(source).read_bytes()).hexdigest()


# ---- reading and checking a source -------------------------------------------------
def read_source(source):
    """The lesson source as an nbformat notebook (jupytext MyST markdown)."""
    import jupytext
    return jupytext.read(source, fmt="md:myst")


CELL_START = re.compile(r"^(\+\+\+|```\{code-cell\})")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def cell_lines(source):
    """The line number (1-based) in the ``.md`` source where each cell starts, in the
    order jupytext reads them: a ``+++`` marker or a code-cell fence opens a cell, and
    so does the first text after the front matter or after a code cell's closing fence."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    starts, number, in_code, open_text = [], 0, False, False
    if lines and lines[0] == "---":
        number = lines.index("---", 1) + 1
    for index in range(number, len(lines)):
        line = lines[index]
        if in_code:
            in_code = line != "```"
            continue
        if CELL_START.match(line):
            starts.append(index + 1)
            in_code, open_text = line.startswith("```"), not line.startswith("```")
        elif line.strip() and not open_text:
            starts.append(index + 1)
            open_text = True
    return starts


def syntax_problems(nb, source):
    """``NN_slug.md:LINE: SyntaxError: ...`` for every code cell Python cannot parse."""
    import ast

    starts, problems = cell_lines(source), []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in cell.source.splitlines())
        try:
            ast.parse(code)
        except SyntaxError as error:
            fence = starts[index] if index < len(starts) else 0
            line = fence + _options_lines(source, fence) + (error.lineno or 1)
            problems.append(f"{Path(source).name}:{line}: SyntaxError: {error.msg}")
    return problems


def _options_lines(source, fence):
    """How many option lines (``:tags: ...``) and the blank line after them follow the fence."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()[fence:]
    count = 0
    while count < len(lines) and lines[count].startswith(":"):
        count += 1
    return count + 1 if count else 0


def pairing_problems(nb, source=None):
    """Check the pairing rule; return a list of problems ([] when fine), each naming the
    ``.md`` line of the cell when ``source`` is given.

    Rule: every markdown cell has metadata ``lang`` "pt" or "en", and each "pt" cell
    is immediately followed by its "en" counterpart (code cells sit between pairs).
    """
    problems = []
    cells = nb.cells
    starts = cell_lines(source) if source else []
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        where = f"{Path(source).name}:{starts[index]}: " if index < len(starts) else f"cell {index}: "
        language = cell.metadata.get("lang")
        start = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else "(empty)"
        if language not in LANGUAGES:
            problems.append(f"{where}markdown cell has no lang metadata pt/en (starts: {start!r})")
        elif language == "pt":
            following = cells[index + 1] if index + 1 < len(cells) else None
            if following is None or following.cell_type != "markdown" or following.metadata.get("lang") != "en":
                problems.append(f"{where}pt cell is not followed by its en twin (starts: {start!r})")
        else:
            previous = cells[index - 1] if index > 0 else None
            if previous is None or previous.cell_type != "markdown" or previous.metadata.get("lang") != "pt":
                problems.append(f"{where}en cell does not follow its pt twin (starts: {start!r})")
    return problems


def source_problems(source):
    """Every problem of a lesson source found without running it: missing twins and
    syntax errors, each with its ``.md`` line."""
    nb = read_source(source)
    return pairing_problems(nb, source) + syntax_problems(nb, source)


# ---- building one notebook ---------------------------------------------------------
def split_language(nb, language):
    """A new notebook with the setup cell, every code cell and ``language``'s markdown.

    Cell ids: ``setup``, ``code-NNN`` (same id in both languages) and ``md-NNN-pt``,
    where NNN is the cell's position in the source.
    """
    import nbformat.v4 as v4

    cells = [v4.new_code_cell(SETUP_SOURCE.format(lang=language), id="setup")]
    for index, cell in enumerate(nb.cells):
        metadata = dict(cell.metadata)
        if cell.cell_type == "code":
            cells.append(v4.new_code_cell(cell.source, metadata=metadata, id=f"code-{index:03d}"))
        elif cell.cell_type == "markdown" and metadata.get("lang") == language:
            cells.append(v4.new_markdown_cell(cell.source, metadata=metadata, id=f"md-{index:03d}-{language}"))
    built = v4.new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC)})
    built.nbformat_minor = 5
    return built


def execute(nb, cwd, timeout):
    """Run every cell with a fresh kernel (nbclient), in ``cwd``; raise on any error."""
    from nbclient import NotebookClient

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugger warning
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                            record_timing=False, coalesce_streams=True, store_widget_state=True,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def _rename_widget_ids(nb, seed):
    """Replace the random widget model ids by ids derived from ``seed`` and their order
    of appearance (outputs first, then the stored widget state), everywhere in ``nb``."""
    order = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            model_id = output.get("data", {}).get(WIDGET_VIEW, {}).get("model_id")
            if model_id and model_id not in order:
                order.append(model_id)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    order += [model_id for model_id in state if model_id not in order]
    if not order:
        return nb
    text = json.dumps(nb)
    for number, model_id in enumerate(order):
        new_id = hashlib.sha256(f"{seed}/{number}".encode()).hexdigest()[:32]
        text = text.replace(model_id, new_id)
    import nbformat
    return nbformat.from_dict(json.loads(text))


def normalise(nb, source, root, digest, language):
    """Make the executed notebook deterministic and record where it came from."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for output in cell.outputs:
                output.get("metadata", {}).pop("execution", None)
    widgets = nb.metadata.get("widgets")
    nb.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": dict(LANGUAGE_INFO),
        "nnlessons": {
            "build_format": BUILD_FORMAT,
            "language": language,
            "source": Path(source).resolve().relative_to(Path(root).resolve()).as_posix(),
            "source_sha256": digest,
        },
    }
    if widgets:
        nb.metadata["widgets"] = widgets
    return _rename_widget_ids(nb, f"{Path(source).stem}/{language}")


def stored_build_info(path):
    """``metadata.nnlessons`` of a built notebook, or None if missing/unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle).get("metadata", {}).get("nnlessons")
    except (OSError, ValueError):
        return None


def is_stale(source, language):
    """True when ``built_path(source, language)`` is missing or was built from another
    source text or build format."""
    info = stored_build_info(built_path(source, language))
    return (info is None or info.get("source_sha256") != source_sha256(source)
            or info.get("build_format") != BUILD_FORMAT)


def build_notebook(source, language, root, timeout=120):
    """Build, execute and write ``notebooks/<language>/<slug>.ipynb``; return its path."""
    import nbformat

    source = Path(source)
    digest = source_sha256(source)
    nb = read_source(source)
    problems = source_problems(source)
    if problems:
        raise ValueError("; ".join(problems))
    target = built_path(source, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    built = execute(split_language(nb, language), target.parent, timeout)
    built = normalise(built, source, root, digest, language)
    nbformat.validate(built)
    text = nbformat.writes(built)
    if not text.endswith("\n"):
        text += "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def _build_task(task):
    source, language, root, timeout = task
    try:
        return str(build_notebook(source, language, root, timeout)), None
    except Exception as error:  # reported by the parent, which exits non-zero
        return f"{Path(source).name} [{language}]", ANSI.sub("", f"{type(error).__name__}: {error}")


# ---- command line ------------------------------------------------------------------
def select(sources, names):
    """The sources whose stem equals, or starts with, one of ``names``."""
    if not names:
        return sources
    chosen = [s for s in sources if any(s.stem == n or s.stem.startswith(n) for n in names)]
    unknown = [n for n in names if not any(s.stem == n or s.stem.startswith(n) for s in sources)]
    if unknown:
        raise SystemExit(f"nnlessons.build: no lesson named {', '.join(unknown)}; "
                         f"lessons are {', '.join(s.stem for s in sources)}.")
    return chosen


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m nnlessons.build", description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson slugs or number prefixes (default: all)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--check", action="store_true", help="only list stale notebooks; exit 1 if any")
    parser.add_argument("--jobs", "-j", type=int, default=2, help="notebooks built at once (default 2)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell (default 120)")
    parser.add_argument("--language", choices=LANGUAGES, action="append", help="only this language")
    args = parser.parse_args(argv)

    root = find_root()
    languages = args.language or list(LANGUAGES)
    tasks = [(source, language, root, args.timeout)
             for source in select(lesson_sources(root), args.lessons) for language in languages
             if args.force or is_stale(source, language)]
    if args.check:
        for source, language, *_ in tasks:
            print(f"stale: {built_path(source, language).relative_to(root)}")
        return 1 if tasks else 0
    if not tasks:
        print("nnlessons.build: every notebook is up to date (use --force to rebuild).")
        return 0
    problems = {source: source_problems(source) for source in dict.fromkeys(source for source, *_ in tasks)}
    for problem in (problem for found in problems.values() for problem in found):
        print(problem, file=sys.stderr)                  # once per lesson, not once per language
    tasks = [task for task in tasks if not problems[task[0]]]
    failures = []
    jobs = max(1, min(args.jobs, len(tasks)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for name, error in pool.map(_build_task, tasks):
            if error:
                failures.append(f"{name}: {error}")
                print(f"FAILED {name}", file=sys.stderr)
            else:
                print(f"built {Path(name).relative_to(root)}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures or any(problems.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
