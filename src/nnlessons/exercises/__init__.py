"""The question kinds of the self-checking exercises; each lesson's questions live in
its own package, ``nnlessons.lessons.<slug>.exercises``.

Usage in a lesson::

    from nnlessons.lessons.introduction import exercises as ex
    answer = None          # your answer here
    ex.q1.check(answer)    # right or wrong, and why, in the lesson's language
    ex.q1.hint()
    ex.q1.solution()

The question kinds (``NumberQuestion``, ``ArrayQuestion``, ``ShapeQuestion``,
``ChoiceQuestion``, ``FunctionQuestion``) are in ``questions.py``; the build-it kinds, where the reader writes
a class (``LayerQuestion``, ``OptimizerQuestion``, each run on ``Trial``s), in ``build.py``; the find-the-bugs
kind, where the reader names the wrong lines of a listing (``BugHuntQuestion``), in ``bughunt.py``.
A lesson module creates its questions and registers their hint/solution texts in
``nnlessons.i18n``.
"""

from .bughunt import BugHuntQuestion
from .build import BuildQuestion, LayerQuestion, OptimizerQuestion, Trial
from .questions import (ArrayQuestion, ChoiceQuestion, Feedback, FunctionQuestion, NumberQuestion, Question,
                        ShapeQuestion, close, compare_values)

__all__ = ["ArrayQuestion", "BugHuntQuestion", "BuildQuestion", "ChoiceQuestion", "Feedback", "FunctionQuestion",
           "LayerQuestion", "NumberQuestion", "OptimizerQuestion", "Question", "ShapeQuestion", "Trial", "close",
           "compare_values"]
