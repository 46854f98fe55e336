"""Build the lesson notebooks: ``notebooks/lessons/NN_slug.md`` → ``notebooks/{pt,en}/NN_slug.ipynb``.

Usage::

    python -m nnlessons.build                    # every lesson whose source changed
    python -m nnlessons.build 00 03_batches      # some lessons (slug or number prefix)
    python -m nnlessons.build --force            # rebuild even if up to date
    python -m nnlessons.build --check            # only report stale notebooks (exit 1)

For each language the build keeps that language's markdown cells and every code cell,
prepends the setup cell (``SETUP_SOURCE``: ``setup_lesson("<lang>")``, or the command
that installs nnlessons where it is missing), fills the lesson's "before you start" header
(``READING_TIME``: the reading time and the counts of code cells, panels and questions,
computed from the source by ``lesson_counts``), executes the notebook with a real kernel
(cwd = the notebook's folder, a timeout per cell) and writes it with its outputs.

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
import math
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .i18n import LANGUAGES, get_language, register, set_language, tr
from .project import INSTALL_TARGET

#: Bump when the build changes what it writes (setup cell, metadata, normalisation):
#: every notebook then counts as stale.
BUILD_FORMAT = 3

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


# ---- "before you start": the reading time, computed from the lesson's own words -----
#: The placeholder in a lesson's "before you start" cell that the build replaces by
#: ``reading_time_text`` (see WRITING_LESSONS.md, "How a lesson opens").
READING_TIME = "{{reading_time}}"

#: Silent reading of non-fiction by adults, in English: 238 words per minute, the average of
#: 190 studies (18,573 readers) in M. Brysbaert (2019), "How many words do we read per minute?
#: A review and meta-analysis of reading rate", Journal of Memory and Language 109, 104047.
#: The same review predicts the rate of another language from the number of words it needs to
#: convey what English says in one: the same content takes about the same time. So the
#: Portuguese rate of a lesson is 238 × (its Portuguese words / its English words).
WORDS_PER_MINUTE = 238

WORD = re.compile(r"[^\W_]")                           # a word holds a letter or a digit
LINK_TARGET = re.compile(r"\]\([^)]*\)")               # [text](target) → [text]
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
QUESTION = re.compile(r"\bex\.([cq])(\d+)\.check\(")   # ex.c1.check(...), ex.q1.check(...)
PANEL = re.compile(r"(?<!plt)\.show\(\)|\binteract\b")  # an explorer's show(), not plt.show()

register({
    "build.minutes.one": {"en": "1 minute", "pt": "1 minuto"},
    "build.minutes.many": {"en": "{n} minutes", "pt": "{n} minutos"},
    "build.code_cells.one": {"en": "run 1 code cell", "pt": "rodar 1 célula de código"},
    "build.code_cells.many": {"en": "run {n} code cells", "pt": "rodar {n} células de código"},
    "build.panels.one": {"en": "try 1 interactive panel", "pt": "mexer em 1 painel interativo"},
    "build.panels.many": {"en": "try {n} interactive panels", "pt": "mexer em {n} painéis interativos"},
    "build.checkpoints.one": {"en": "1 checkpoint", "pt": "1 pergunta de checagem"},
    "build.checkpoints.many": {"en": "{n} checkpoints", "pt": "{n} perguntas de checagem"},
    "build.exercises.one": {"en": "1 exercise", "pt": "1 exercício"},
    "build.exercises.many": {"en": "{n} exercises", "pt": "{n} exercícios"},
    "build.answer": {"en": "answer {questions}", "pt": "responder {questions}"},
    "build.and": {"en": " and ", "pt": " e "},
    "build.reading": {
        "en": "about **{minutes}** of reading ({words:,} words at {rate} words per minute, the average "
              "silent-reading speed of adults for non-fiction measured by Brysbaert, 2019)",
        "pt": "cerca de **{minutes}** de leitura ({words:,} palavras a {rate} por minuto: a velocidade média "
              "de leitura silenciosa de não ficção medida por Brysbaert, 2019, {base} palavras por minuto em "
              "inglês, ajustada ao número de palavras que o português usa para dizer o mesmo)",
    },
    "build.on_top": {"en": "{reading}, plus the time to {activities}.", "pt": "{reading}, mais o tempo de {activities}."},
})


def prose_words(markdown):
    """Words of a markdown text: runs of non-space characters holding a letter or a digit,
    after link targets, HTML comments and the ``READING_TIME`` placeholder are removed
    (so ``**Bold**``, ``$x_1$`` and ``R$ 10.000`` are one word each, ``|`` and ``---`` none)."""
    text = HTML_COMMENT.sub(" ", LINK_TARGET.sub("]", markdown.replace(READING_TIME, " ")))
    return sum(1 for token in text.split() if WORD.search(token))


def shows_panel(cell):
    """True for a code cell that shows an interactive panel: tagged ``nbval-ignore-output``
    (as every widget cell must be) and calling an explorer's ``.show()`` or ``interact``."""
    return (cell.cell_type == "code" and "nbval-ignore-output" in cell.metadata.get("tags", [])
            and bool(PANEL.search(cell.source)))


def lesson_counts(nb):
    """What the "before you start" header states, counted from the lesson source ``nb``:
    ``{"words": {"pt": ..., "en": ...}, "code_cells", "panels", "checkpoints", "exercises"}``.

    Words: prose words (``prose_words``) of each language's markdown cells. Panels: code cells
    that show one (``shows_panel``).
    Checkpoints and exercises: the distinct ``ex.cN`` and ``ex.qN`` whose ``check`` a cell calls."""
    words = {language: sum(prose_words(cell.source) for cell in nb.cells
                           if cell.cell_type == "markdown" and cell.metadata.get("lang") == language)
             for language in LANGUAGES}
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    questions = {match for cell in code for match in QUESTION.findall(cell.source)}
    return {
        "words": words,
        "code_cells": len(code),
        "panels": sum(1 for cell in code if shows_panel(cell)),
        "checkpoints": sum(1 for kind, _ in questions if kind == "c"),
        "exercises": sum(1 for kind, _ in questions if kind == "q"),
    }


def reading_rate(counts, language):
    """Words per minute in ``language``: ``WORDS_PER_MINUTE`` for English; for another
    language, scaled by its words per English word in this lesson (Brysbaert 2019)."""
    if language == "en" or not counts["words"]["en"]:
        return WORDS_PER_MINUTE
    return round(WORDS_PER_MINUTE * counts["words"][language] / counts["words"]["en"])


def reading_minutes(counts, language):
    """Whole minutes (half up, at least 1) to read the lesson's prose in ``language``: the
    English words at ``WORDS_PER_MINUTE`` in every language, since ``reading_rate`` scales a
    language's rate by its words per English word (rounding that rate would otherwise split
    5.49 and 5.50 minutes into 5 and 6)."""
    words = counts["words"]["en"] or counts["words"][language]
    return max(1, math.floor(words / WORDS_PER_MINUTE + 0.5))


def _counted(key, n):
    return tr(f"build.{key}.{'one' if n == 1 else 'many'}", n=n)


def reading_time_text(counts, language):
    """The sentence that replaces ``READING_TIME`` in ``language``: reading time with its
    words and rate, then what comes on top (code cells, panels, questions); none is typed
    by hand."""
    previous = get_language()
    set_language(language)
    try:
        joiner = tr("build.and")
        questions = [_counted(key, counts[key]) for key in ("checkpoints", "exercises") if counts[key]]
        activities = [_counted(key, counts[key]) for key in ("code_cells", "panels") if counts[key]]
        if questions:
            activities.append(tr("build.answer", questions=joiner.join(questions)))
        reading = tr("build.reading", minutes=_counted("minutes", reading_minutes(counts, language)),
                     words=counts["words"][language], rate=reading_rate(counts, language), base=WORDS_PER_MINUTE)
        if not activities:
            return reading + "."
        listed = ", ".join(activities[:-1]) + joiner + activities[-1] if len(activities) > 1 else activities[0]
        return tr("build.on_top", reading=reading, activities=listed)
    finally:
        set_language(previous)


# ---- building one notebook ---------------------------------------------------------
def split_language(nb, language):
    """A new notebook with the setup cell, every code cell and ``language``'s markdown,
    ``READING_TIME`` replaced by ``reading_time_text``.

    Cell ids: ``setup``, ``code-NNN`` (same id in both languages) and ``md-NNN-pt``,
    where NNN is the cell's position in the source.
    """
    import nbformat.v4 as v4

    cells = [v4.new_code_cell(SETUP_SOURCE.format(lang=language), id="setup")]
    reading_time = reading_time_text(lesson_counts(nb), language)
    for index, cell in enumerate(nb.cells):
        metadata = dict(cell.metadata)
        if cell.cell_type == "code":
            cells.append(v4.new_code_cell(cell.source, metadata=metadata, id=f"code-{index:03d}"))
        elif cell.cell_type == "markdown" and metadata.get("lang") == language:
            text = cell.source.replace(READING_TIME, reading_time)
            cells.append(v4.new_markdown_cell(text, metadata=metadata, id=f"md-{index:03d}-{language}"))
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
