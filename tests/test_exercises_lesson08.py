"""Lesson 08's exercises: right, wrong and malformed answers, in both languages."""

import pytest

from nnlessons import i18n
from nnlessons.lessons.optimizers import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.optimizers import SGD, Adam
from nnlessons.lessons.optimizers.explorers import Point


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def engine_steps(optimizer, theta, gradient, steps):
    """θ after ``steps`` steps of an engine optimizer on one parameter (a 1×2 Point, one slot used)."""
    point = Point((theta, 0.0))
    for _ in range(steps):
        point.dweights[0] = (gradient(point.weights[0, 0]), 0.0)
        optimizer.step([point])
    return point.weights[0, 0]


def test_expected_answers_agree_with_the_engine():
    """q1: two momentum steps on L = θ²; q2: the rate after 1500 steps; q3: Adam's first step."""
    assert engine_steps(SGD(learning_rate=0.1, momentum=0.9), 2.0, lambda t: 2 * t, 2) == pytest.approx(
        ex.q1.expected)
    decayed = SGD(learning_rate=0.05, decay=0.001)
    for _ in range(1501):                     # the 1501st step runs with iterations = 1500
        decayed.step([])
    assert decayed.current_learning_rate == pytest.approx(ex.q2.expected)
    assert engine_steps(Adam(learning_rate=0.01), 0.0, lambda t: 0.003, 1) == pytest.approx(ex.q3.expected)


@pytest.mark.parametrize("question, right", [
    (ex.q1, 0.92),
    (ex.q2, 0.02),
    (ex.q2, 0.05 / 2.5),
    (ex.q3, -0.01 * 0.003 / 0.0030001),
    (ex.q3, -0.01),                          # ≈ −η·sign(g): close enough
    (ex.q4, "AdaGrad"),
    (ex.q4, " adagrad "),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, 1.28),                           # plain SGD, no velocity
    (ex.q1, 0.84),                           # kept the first gradient (4) for the second step
    (ex.q1, 2.96),                           # walked uphill
    (ex.q2, 0.05),                           # no decay at all
    (ex.q2, 0.05 / (1 + 0.001 * 1499)),      # one iteration too few
    (ex.q2, 0.05 - 0.001 * 1500),            # subtracted instead of dividing
    (ex.q3, -0.01 * 0.003),                  # SGD's step −η·g
    (ex.q3, -0.0316),                        # no bias correction
    (ex.q3, 0.01),                           # wrong sign
    (ex.q4, "RMSprop"),
    (ex.q4, "Adam"),
    (ex.q4, "SGD com momento"),
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


def test_wrong_momentum_answer_is_explained(language):
    message = ex.q1.evaluate(1.28).message
    assert ("SGD puro" if language == "pt" else "plain SGD") in message


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "0.92"),
    (ex.q2, [0.02, 0.025]),
    (ex.q3, "-eta"),
    (ex.q4, "Nesterov"),
    (ex.q4, 3),
])
def test_malformed_answers(question, strange):
    assert question.evaluate(strange).status == MALFORMED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_unanswered(question):
    assert question.evaluate(None).status == UNANSWERED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
