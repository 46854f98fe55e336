"""Checkpoints (issue 13 §5): every lesson asks the reader to predict, then run, at least
twice in its body, and the first time within the first third of its prose.

The format (notebooks/WRITING_LESSONS.md, "Checkpoints"): a markdown pair that opens with
**Pare e preveja.** / **Stop and predict.**, then a code cell calling ``ex.cN.check(...)``;
the questions are ``c1, c2, …`` of the lesson's ``exercises`` module, in order of appearance.
"""

import importlib
import re
from pathlib import Path

import pytest

from nnlessons import build
from nnlessons.exercises import Question

ROOT = Path(__file__).resolve().parents[1]
SOURCES = build.lesson_sources(ROOT)
OPENING = {"pt": "**Pare e preveja.**", "en": "**Stop and predict.**"}
EXERCISES_HEADING = re.compile(r"^## (Exercícios|Exercises)\s*$", re.M)
MINIMUM = 2


def slug(source):
    return source.stem.split("_", 1)[1]


def checkpoints(source):
    """[(name, English prose words before it)] of the checkpoints in the lesson's body (before
    its exercises), and the lesson's English prose words in all, counted as the header
    counts them (``build.prose_words``)."""
    nb = build.read_source(source)
    found, prose, in_exercises = [], 0, False
    for index, cell in enumerate(nb.cells):
        language = cell.metadata.get("lang")
        if cell.cell_type == "markdown" and EXERCISES_HEADING.search(cell.source):
            in_exercises = True
        if cell.cell_type == "markdown" and language == "en":
            if cell.source.startswith(OPENING["en"]) and not in_exercises:
                follower = next((c for c in nb.cells[index + 1:] if c.cell_type == "code"), None)
                calls = [f"{kind}{number}" for kind, number in build.QUESTION.findall(follower.source)
                         if kind == "c"] if follower is not None else []
                assert len(calls) == 1, (f"{source.name}: the checkpoint '{cell.source[:60]}…' must be followed by "
                                         f"one code cell calling ex.cN.check(guess); found {calls}")
                found.append((calls[0], prose))
            prose += build.prose_words(cell.source)
    return found, prose


@pytest.fixture(params=SOURCES, ids=[s.stem for s in SOURCES])
def source(request):
    return request.param


def test_pairs_open_alike(source):
    """A checkpoint's Portuguese cell opens with 'Pare e preveja.' exactly when its English one opens with 'Stop and predict.'."""
    nb = build.read_source(source)
    markdown = [cell for cell in nb.cells if cell.cell_type == "markdown"]
    for pt, en in zip(markdown[::2], markdown[1::2]):
        assert pt.source.startswith(OPENING["pt"]) == en.source.startswith(OPENING["en"]), (
            f"{source.name}: a checkpoint pair must open with {OPENING['pt']} and {OPENING['en']}: {en.source[:80]!r}")


def test_at_least_two_checkpoints_the_first_early(source):
    found, prose = checkpoints(source)
    assert len(found) >= MINIMUM, f"{source.name}: {len(found)} checkpoint(s) in the body, expected at least {MINIMUM}"
    first_name, before = found[0]
    assert before <= prose / 3, (f"{source.name}: the first checkpoint ({first_name}) comes after {before} of "
                                 f"{prose} words of prose; put one within the first third ({prose // 3} words)")


def test_checkpoints_are_numbered_in_order_and_are_questions(source):
    found, _ = checkpoints(source)
    names = [name for name, _ in found]
    assert names == [f"c{number}" for number in range(1, len(names) + 1)], f"{source.name}: checkpoints {names}"
    module = importlib.import_module(f"nnlessons.lessons.{slug(source)}.exercises")
    for name in names:
        assert isinstance(getattr(module, name, None), Question), f"{source.name}: ex.{name} is not a question"
    extra = sorted(n for n in vars(module) if re.fullmatch(r"c\d+", n) and n not in names)
    assert not extra, f"{module.__name__} defines checkpoints the lesson never asks: {extra}"
