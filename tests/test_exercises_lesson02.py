"""Lesson 02's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.dot_product import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param


def dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


def test_right_answers(language):
    assert ex.q1.evaluate(12).status == CORRECT
    assert ex.q2.evaluate((8, 3)).status == CORRECT
    assert ex.q2.evaluate([8, 3]).status == CORRECT
    assert ex.q3.evaluate(dot).status == CORRECT
    assert ex.q3.evaluate(np.dot).status == CORRECT
    weights, biases, inputs = np.array([[1, 0, 2], [-1, 1, 0]]), np.array([0.5, -1]), np.array([1, -2, 0.5])
    assert ex.q4.evaluate(np.dot(weights, inputs) + biases).status == CORRECT


def test_typical_mistakes(language):
    assert ex.q1.evaluate(32).status == WRONG                    # 4 + 10 + 18: lost the minus
    assert ex.q2.evaluate((3, 8)).status == WRONG
    swapped = ex.q2.evaluate((3, 8))
    assert ("outra ordem" if language == "pt" else "another order") in swapped.message
    assert ex.q3.evaluate(lambda a, b: sum(a) * sum(b)).status == WRONG
    assert ex.q4.evaluate([2.0, -3.0]).status == WRONG            # forgot the biases
    assert ex.q4.evaluate([[2.5], [-4.0]]).status == WRONG        # a column instead of a vector


@pytest.mark.parametrize("question, answer", [("q1", "12"), ("q2", "8x3"), ("q4", "2.5, -4"), ("q3", 12)])
def test_malformed_answers(question, answer, language):
    assert getattr(ex, question).evaluate(answer).status == MALFORMED


def test_unanswered(language):
    assert ex.q2.evaluate(None).status == UNANSWERED
    assert ex.q3.evaluate(lambda a, b: None).status == UNANSWERED


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4"])
def test_hints_and_solutions_in_both_languages(name, capsys):
    question = getattr(ex, name)
    texts = {}
    for code in ("pt", "en"):
        i18n.set_language(code)
        question.hint()
        question.solution()
        texts[code] = capsys.readouterr().out
    assert texts["pt"] != texts["en"] and all(texts.values())


def test_the_solution_code_of_q3_is_right():
    namespace = {}
    exec(i18n.tr("dot_product.q3.solution").split("\n\n")[1], namespace)
    assert ex.q3.evaluate(namespace["dot"]).status == CORRECT
