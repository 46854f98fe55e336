"""Lesson parity: every source's pt/en cells pair up, and the built notebooks are
complete, current, identical in code across languages, and safe for nbval."""

import json
import re
from pathlib import Path

import nbformat
import pytest

from nnlessons import build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = build.lesson_sources(ROOT)
LANG_LINE = re.compile(r'^\+\+\+ \{"lang": "(pt|en)"\}$')


def built(source, language):
    path = build.built_path(source, language)
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run make notebooks")
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def outputs(nb):
    for cell in code_cells(nb):
        for output in cell.outputs:
            yield cell, output


@pytest.fixture(params=SOURCES, ids=[s.stem for s in SOURCES])
def source(request):
    return request.param


def test_there_are_lessons():
    assert SOURCES, "no lesson sources in notebooks/lessons"


def test_markdown_cells_pair_up(source):
    problems = build.pairing_problems(build.read_source(source))
    assert not problems, f"{source.name}: " + "; ".join(problems)


def test_cell_markers_have_the_standard_form(source):
    """Markdown cells start with exactly '+++ {"lang": "pt"}' or '+++ {"lang": "en"}'."""
    bad = [f"line {number}: {line!r}" for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
           if line.startswith("+++") and not LANG_LINE.match(line)]
    assert not bad, f"{source.name}: non-standard cell markers: {bad}"


def test_built_notebook_is_up_to_date(source, language):
    path = build.built_path(source, language)
    info = build.stored_build_info(path)
    assert info is not None, f"{path.relative_to(ROOT)} is missing or unreadable: run make notebooks"
    assert info.get("build_format") == build.BUILD_FORMAT, (
        f"{path.relative_to(ROOT)} was built by another build format: run make notebooks")
    assert info.get("source_sha256") == build.source_sha256(source), (
        f"{path.relative_to(ROOT)} is out of date with {source.relative_to(ROOT)}: run make notebooks")
    assert info.get("language") == language


def test_first_cell_sets_the_language(source, language):
    first = built(source, language).cells[0]
    assert first.cell_type == "code"
    assert f'setup_lesson("{language}")' in first.source, first.source


def test_code_cells_equal_the_source_in_both_languages(source):
    expected = [cell.source for cell in code_cells(build.read_source(source))]
    notebooks = {language: built(source, language) for language in build.LANGUAGES}
    for language, nb in notebooks.items():
        got = [cell.source for cell in code_cells(nb)[1:]]
        assert got == expected, f"{language}: code cells differ from {source.name}: run make notebooks"
    pt, en = ([(cell.id, cell.source, cell.metadata.get("tags", [])) for cell in code_cells(notebooks[lang])[1:]]
              for lang in ("pt", "en"))
    assert pt == en, "code cells differ between the pt and en notebooks"


def test_markdown_is_in_the_notebook_language(source, language):
    other = [cell.source[:60] for cell in built(source, language).cells
             if cell.cell_type == "markdown" and cell.metadata.get("lang") != language]
    assert not other, f"cells of another language in the {language} notebook: {other}"


def test_no_svg_and_no_errors_stored(source, language):
    for cell, output in outputs(built(source, language)):
        assert output.output_type != "error", f"cell {cell.id} stored an error: {output.get('ename')}"
        assert "image/svg+xml" not in output.get("data", {}), f"cell {cell.id} stored an SVG; use PNG"


def test_every_output_has_an_execution_count(source, language):
    """nbval refuses a stored cell with outputs and a null execution count."""
    for cell in code_cells(built(source, language)):
        assert not cell.outputs or cell.execution_count is not None, f"cell {cell.id}"


def test_widget_cells_skip_output_comparison(source, language):
    for cell, output in outputs(built(source, language)):
        if build.WIDGET_VIEW in output.get("data", {}):
            tagged = "nbval-ignore-output" in cell.metadata.get("tags", [])
            commented = any(line.strip() == "# NBVAL_IGNORE_OUTPUT" for line in cell.source.splitlines())
            assert tagged or commented, (f"cell {cell.id} shows a widget: tag it nbval-ignore-output "
                                         f"(:tags: [nbval-ignore-output] in {source.name})")


# ---- the build itself, on small made-up sources (no kernel needed) ----------------
def nb_from_cells(*cells):
    import nbformat.v4 as v4
    made = []
    for kind, lang, text in cells:
        if kind == "code":
            made.append(v4.new_code_cell(text))
        else:
            made.append(v4.new_markdown_cell(text, metadata={"lang": lang} if lang else {}))
    return v4.new_notebook(cells=made)


def test_pairing_accepts_pt_then_en():
    nb = nb_from_cells(("md", "pt", "Olá"), ("md", "en", "Hello"), ("code", None, "1"),
                       ("md", "pt", "Fim"), ("md", "en", "End"))
    assert build.pairing_problems(nb) == []


@pytest.mark.parametrize("cells, fragment", [
    ([("md", "pt", "Olá"), ("code", None, "1")], "cell 0: pt cell is not followed by its en twin"),
    ([("md", "en", "Hello")], "cell 0: en cell does not follow its pt twin"),
    ([("md", "en", "Hello"), ("md", "pt", "Olá")], "cell 0: en cell does not follow"),
    ([("md", None, "Hello")], "no lang metadata"),
    ([("md", "pt", "Olá"), ("md", "pt", "Oi"), ("md", "en", "Hi")], "cell 0: pt cell is not followed"),
])
def test_pairing_reports_unpaired_cells(cells, fragment):
    problems = build.pairing_problems(nb_from_cells(*cells))
    assert any(fragment in problem for problem in problems), problems


def test_split_language_keeps_code_and_one_language_with_stable_ids():
    nb = nb_from_cells(("md", "pt", "Olá"), ("md", "en", "Hello"), ("code", None, "x = 1"))
    for language in build.LANGUAGES:
        split = build.split_language(nb, language)
        assert [cell.id for cell in split.cells] == ["setup", f"md-{0 if language == 'pt' else 1:03d}-{language}",
                                                     "code-002"]
        assert split.cells[0].source == build.SETUP_SOURCE.format(lang=language)
        assert split.cells[2].source == "x = 1"


def test_widget_ids_are_renamed_deterministically():
    model = "0123456789abcdef0123456789abcdef"
    notebook = {
        "cells": [{"cell_type": "code", "id": "c", "metadata": {}, "execution_count": 1, "source": "",
                   "outputs": [{"output_type": "display_data", "metadata": {},
                                "data": {build.WIDGET_VIEW: {"model_id": model}, "text/plain": "VBox()"}}]}],
        "metadata": {"widgets": {build.WIDGET_STATE: {"state": {model: {"state": {"children": [f"IPY_MODEL_{model}"]}}}}}},
        "nbformat": 4, "nbformat_minor": 5}
    once = json.dumps(build._rename_widget_ids(nbformat.from_dict(notebook), "00_x/en"))
    again = json.dumps(build._rename_widget_ids(nbformat.from_dict(notebook), "00_x/en"))
    assert once == again
    assert model not in once
    new_id = json.loads(once)["cells"][0]["outputs"][0]["data"][build.WIDGET_VIEW]["model_id"]
    assert once.count(new_id) == 3  # the output, the state key and the IPY_MODEL_ reference


LESSON = '''---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
---

+++ {"lang": "pt"}

# Teste

+++ {"lang": "en"}

# Test

```{code-cell} ipython3
import numpy as np
from nnlessons.i18n import get_language
print(get_language(), np.array([1 / 3, 2 / 3]))
```
'''


def test_build_records_hash_and_is_byte_identical(tmp_path):
    """Builds a two-cell lesson with a real kernel, twice: same bytes, hash recorded."""
    lessons = tmp_path / "notebooks" / "lessons"
    lessons.mkdir(parents=True)
    source = lessons / "99_test.md"
    source.write_text(LESSON, encoding="utf-8")
    assert build.is_stale(source, "en")
    target = build.build_notebook(source, "en", tmp_path, timeout=60)
    first = target.read_bytes()
    assert not build.is_stale(source, "en")
    nb = nbformat.reads(first.decode(), as_version=4)
    assert nb.metadata.nnlessons.source == "notebooks/lessons/99_test.md"
    assert nb.cells[-1].outputs[0].text == "en [0.3333 0.6667]\n"
    build.build_notebook(source, "en", tmp_path, timeout=60)
    assert target.read_bytes() == first
    source.write_text(LESSON.replace("# Test", "# Test!"), encoding="utf-8")
    assert build.is_stale(source, "en")
