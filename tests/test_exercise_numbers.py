"""Exercise numbering (WRITING_LESSONS.md, "Exercises"): under a lesson's
``## Exercícios`` / ``## Exercises`` heading, the question a cell checks, ``ex.qN``, is the
one the text just before it numbers "**N.**", in both languages. Build-it questions in the
lesson body come after the exercises' numbers; checkpoints ``ex.c1`` … are named apart."""

import re
from pathlib import Path

import nbformat
import pytest

from nnlessons import build

ROOT = Path(__file__).resolve().parents[1]
HEADINGS = {"pt": "## Exercícios", "en": "## Exercises"}
NUMBER = re.compile(r"^\*\*(\d+)\.\*\*", re.M)
CHECK = re.compile(r"\bex\.q(\d+)\.check\(")


def exercise_problems(cells, language):
    """(number in the text, question checked) for every check cell of the exercises
    section whose question is not the one its text numbers."""
    problems, inside, number = [], False, None
    for cell in cells:
        if cell.cell_type == "markdown":
            heading = cell.source.lstrip().split("\n")[0]
            if heading.startswith("## "):
                inside = heading.strip() == HEADINGS[language]
            numbers = NUMBER.findall(cell.source)
            number = numbers[-1] if numbers else number
        elif inside:
            problems += [(number, f"q{question}") for question in CHECK.findall(cell.source)
                         if question != number]
    return problems


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize("source", build.lesson_sources(ROOT), ids=lambda source: source.stem)
def test_each_exercise_checks_the_question_its_text_numbers(source, language):
    nb = nbformat.read(build.built_path(source, language), as_version=4)
    assert exercise_problems(nb.cells, language) == []


def test_a_mismatch_is_found():
    cells = [nbformat.v4.new_markdown_cell("## Exercises"), nbformat.v4.new_markdown_cell("**5.** What is z?"),
             nbformat.v4.new_code_cell("answer = None\nex.q7.check(answer)"),
             nbformat.v4.new_markdown_cell("**6.** And now?"), nbformat.v4.new_code_cell("ex.q6.check(None)"),
             nbformat.v4.new_markdown_cell("## Summary"), nbformat.v4.new_code_cell("ex.q9.check(None)")]
    assert exercise_problems(cells, "en") == [("5", "q7")]
