"""Lesson 12's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.activations import ReLU
from nnlessons.lessons.cnn import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.layers import Conv2D, Flatten, MaxPool2D


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param


def test_expected_answers_agree_with_the_engine():
    layer = Conv2D(32, 64, 3)
    assert ex.q1.expected == layer.weights.size + layer.biases.size
    out = np.zeros((1, 1, 28, 28))
    for step in (Conv2D(1, 8, 3), ReLU(), MaxPool2D(2), Conv2D(8, 16, 3), ReLU(), MaxPool2D(2), Flatten()):
        out = step.forward(out)
    assert out.shape == (1, ex.q2.expected)


def test_right_answers(language):
    assert ex.q1.evaluate(18496).status == CORRECT
    assert ex.q2.evaluate(400).status == CORRECT
    assert ex.q3.evaluate(7).status == CORRECT
    assert ex.q4.evaluate(lambda m: np.diag(m) / m.sum(axis=1)).status == CORRECT


def test_typical_mistakes(language):
    assert ex.q1.evaluate(18432).status == WRONG       # no biases
    assert ex.q1.evaluate(640).status == WRONG         # 64 · 9 + 64: forgot the input channels
    assert ex.q2.evaluate(576).status == WRONG         # rounded 11 / 2 up to 6
    assert ex.q2.evaluate(784).status == WRONG         # "same" padding
    assert ex.q3.evaluate(9).status == WRONG           # 3 · 3
    assert ex.q3.evaluate(49).status == WRONG          # the area, not the side
    feedback = ex.q4.evaluate(lambda m: np.diag(m) / m.sum(axis=0))   # columns instead of rows
    assert feedback.status == WRONG


@pytest.mark.parametrize("question, answer", [("q1", "18496"), ("q2", [16, 5, 5]), ("q3", "7x7"), ("q4", 0.9)])
def test_malformed_answers(question, answer, language):
    assert getattr(ex, question).evaluate(answer).status == MALFORMED


def test_unanswered(language):
    assert ex.q2.evaluate(None).status == UNANSWERED
    assert ex.q4.evaluate(lambda m: None).status == UNANSWERED


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4"])
def test_hint_and_solution_print(name, language, capsys):
    getattr(ex, name).hint()
    getattr(ex, name).solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
