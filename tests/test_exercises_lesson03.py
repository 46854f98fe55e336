"""Lesson 03's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.dense_layers import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param


def test_right_answers(language):
    assert ex.q1.evaluate((32, 8)).status == CORRECT
    assert ex.q2.evaluate(387).status == CORRECT
    assert ex.q3.evaluate(lambda inputs, weights, biases: inputs @ weights.T + biases).status == CORRECT
    assert ex.q3.evaluate(lambda inputs, weights, biases: np.dot(inputs, weights.T) + biases).status == CORRECT
    assert ex.q4.evaluate("a").status == CORRECT
    assert ex.q4.evaluate(" A ").status == CORRECT


def test_typical_mistakes(language):
    assert ex.q1.evaluate((8, 32)).status == WRONG
    assert ex.q2.evaluate(320).status == WRONG                    # weights only, no biases
    assert ex.q4.evaluate("b").status == WRONG


def test_forward_without_the_transpose_is_reported_not_raised(language):
    feedback = ex.q3.evaluate(lambda inputs, weights, biases: inputs @ weights + biases)
    assert feedback.status == WRONG
    assert "ValueError" in feedback.message and "Traceback" not in feedback.message


def test_forward_with_neurons_along_the_rows_is_wrong(language):
    feedback = ex.q3.evaluate(lambda inputs, weights, biases: weights @ inputs.T + biases[:, None])
    assert feedback.status == WRONG


def test_the_book_batch_is_among_the_cases():
    inputs, weights, biases = ex.q3.cases[1]
    expected = np.array([[4.8, 1.21, 2.385], [8.9, -1.81, 0.2]])
    assert np.allclose(inputs @ weights.T + biases, expected)


@pytest.mark.parametrize("question, answer", [("q1", "32x8"), ("q2", "387"), ("q4", "d"), ("q4", 1),
                                              ("q3", "inputs @ weights.T")])
def test_malformed_answers(question, answer, language):
    assert getattr(ex, question).evaluate(answer).status == MALFORMED


def test_unanswered(language):
    assert ex.q4.evaluate(None).status == UNANSWERED
    assert ex.q3.evaluate(lambda inputs, weights, biases: None).status == UNANSWERED


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
    exec(i18n.tr("dense_layers.q3.solution").split("\n\n")[1], namespace)
    assert ex.q3.evaluate(namespace["forward"]).status == CORRECT
