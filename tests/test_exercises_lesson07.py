"""Lesson 07's exercises: right, wrong and malformed answers, in both languages."""

import pytest

from nnlessons import i18n
from nnlessons.lessons.backpropagation import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def dense_dweights(inputs, dvalues):
    return inputs.T @ dvalues


@pytest.mark.parametrize("question, right", [
    (ex.q1, 24),
    (ex.q2, [0, 0]),
    (ex.q3, [0.7, -0.8, 0.1]),
    (ex.q4, dense_dweights),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, 8),                                   # forgot du/dx = 3
    (ex.q2, [-2, -4]),                            # forgot the ReLU gate
    (ex.q3, [0.7, 0.2, 0.1]),                     # p without subtracting y
    (ex.q3, [-0.3, 0.2, 0.1]),                    # subtracted at class 0
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


def test_transposed_function_is_told_so(language):
    feedback = ex.q4.evaluate(lambda inputs, dvalues: dvalues.T @ inputs)
    assert feedback.status == WRONG
    assert ".T" in feedback.message


def test_crashing_function_is_wrong_not_raised():
    feedback = ex.q4.evaluate(lambda inputs, dvalues: inputs @ dvalues)   # shapes do not line up
    assert feedback.status == WRONG and "ValueError" in feedback.message


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "24"),
    (ex.q3, "p - y"),
    (ex.q4, [[1, 2]]),
])
def test_malformed_answers(question, strange):
    assert question.evaluate(strange).status == MALFORMED


def test_wrong_shape_is_explained(language):
    feedback = ex.q2.evaluate([0, 0, 0])
    assert feedback.status == WRONG
    assert ("formato" if language == "pt" else "shape") in feedback.message


def test_unanswered():
    assert ex.q3.evaluate(None).status == UNANSWERED
    assert ex.q4.evaluate(lambda inputs, dvalues: None).status == UNANSWERED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
