"""Lesson 10's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.regularisation import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.layers import BatchNorm


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.mark.parametrize("question, right", [
    (ex.q1, [[0.2, -0.4], [0.1, 0.0]]),
    (ex.q2, [6.25, 5]),
    (ex.q3, [-1.683, 0.106, 1.894, 3.683]),
    (ex.q4, "L1"),
    (ex.q4, "l1"),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


def test_q3_agrees_with_the_engines_batchnorm():
    norm = BatchNorm(1)
    norm.gamma[:] = 2.0
    norm.beta[:] = 1.0
    output = norm.forward(np.array([[1.0], [3.0], [5.0], [7.0]]))
    assert ex.q3.evaluate(output.ravel()).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, [[0.1, -0.2], [0.05, 0.0]]),              # λ·W: forgot the 2 of the square
    (ex.q1, [[0.1, 0.4], [0.025, 0.0]]),              # λ·W²
    (ex.q2, [4.0, 4.0]),                              # multiplied by 1 − rate
    (ex.q2, [6.25, 6.25]),                            # expected value without the dropped case
    (ex.q3, [-1.324, 0.225, 1.775, 3.324]),           # variance divided by n − 1 = 3
    (ex.q3, [-3.0, -1.0, 1.0, 3.0]),                  # x − μ, not normalised, no γ and β
    (ex.q4, "L2"),
    (ex.q4, "dropout"),
    (ex.q4, "batch normalisation"),
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


def test_choice_is_accepted_in_portuguese_without_accents():
    assert ex.q4.evaluate("normalizacao em lote").status == WRONG
    assert ex.q4.evaluate("Normalização em lote").status == WRONG


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "2 * lambda * W"),
    (ex.q2, "6.25"),
    (ex.q3, [[1, 2], [3]]),
    (ex.q4, 1),
    (ex.q4, "L3"),
])
def test_malformed_answers(question, strange):
    assert question.evaluate(strange).status == MALFORMED


def test_wrong_shape_is_explained(language):
    feedback = ex.q1.evaluate([0.2, -0.4, 0.1, 0.0])
    assert feedback.status == WRONG
    assert ("formato" if language == "pt" else "shape") in feedback.message


def test_unanswered():
    assert ex.q1.evaluate(None).status == UNANSWERED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed


def test_right_and_wrong_explanations_follow_the_language(language):
    right = ex.q2.evaluate([6.25, 5]).message
    wrong = ex.q4.evaluate("L2").message
    assert ("média" if language == "pt" else "average") in right
    assert ("histogramas" if language == "pt" else "histograms") in wrong
