"""Lesson 06's exercises: right, wrong and malformed answers, in both languages."""

import pytest

from nnlessons import i18n
from nnlessons.lessons.gradient_descent import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def descend(w, learning_rate, steps):
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 3)
    return w


@pytest.mark.parametrize("question, right", [
    (ex.q1, (2.1 ** 3 - 1.9 ** 3) / 0.2),
    (ex.q2, [2.4, 0.2]),
    (ex.q3, 160),
    (ex.q4, descend),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, 12.0),                                         # the exact derivative
    (ex.q2, [3.6, 1.8]),                                   # stepped uphill
    (ex.q2, [2.4, 0.6]),                                   # forgot the 4
    (ex.q3, 155),                                          # 31 per epoch: dropped the last batch
    (ex.q4, lambda w, learning_rate, steps: w - learning_rate * 2 * (w - 3)),   # one step only
    (ex.q4, lambda w, learning_rate, steps: 3.0),          # the answer, not the algorithm
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "12.01"),
    (ex.q2, [2.4]),
    (ex.q3, [160, 1]),
    (ex.q4, 3.0),
])
def test_malformed_answers(question, strange):
    feedback = question.evaluate(strange)
    assert feedback.status in (MALFORMED, WRONG) and not feedback


def test_unanswered_and_unfinished_function():
    assert ex.q1.evaluate(None).status == UNANSWERED

    def descend_stub(w, learning_rate, steps):
        return None

    assert ex.q4.evaluate(descend_stub).status == UNANSWERED


def test_crashing_function_is_reported_not_raised():
    def broken(w, learning_rate, steps):
        raise ZeroDivisionError("oops")

    feedback = ex.q4.evaluate(broken)
    assert feedback.status == WRONG and "ZeroDivisionError" in feedback.message


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
