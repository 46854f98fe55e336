"""Lesson 01's exercises: right, wrong and malformed answers, in both languages."""

import pytest

from nnlessons import i18n
from nnlessons.lessons.neuron import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param


def perceptron(inputs, weights, bias):
    z = bias
    for x, w in zip(inputs, weights):
        z += x * w
    return 1 if z > 0 else 0


def test_right_answers(language):
    assert ex.q1.evaluate(0.5).status == CORRECT
    assert ex.q2.evaluate(1.5).status == CORRECT
    assert ex.q3.evaluate(perceptron).status == CORRECT
    assert ex.q4.evaluate(350).status == CORRECT


def test_typical_mistakes(language):
    assert ex.q1.evaluate(-4.5).status == WRONG          # forgot the bias
    assert ex.q2.evaluate(-1.5).status == WRONG          # sign of −b/w
    assert ex.q4.evaluate(310).status == WRONG           # forgot the bias
    step_at_zero = ex.q3.evaluate(lambda i, w, b: 1 if sum(x * y for x, y in zip(i, w)) + b >= 0 else 0)
    assert step_at_zero.status == WRONG and "0" in step_at_zero.message
    no_bias = ex.q3.evaluate(lambda i, w, b: 1 if sum(x * y for x, y in zip(i, w)) > 0 else 0)
    assert no_bias.status == WRONG
    assert "demais" not in no_bias.message and "too " not in no_bias.message


def test_returning_true_or_false_is_explained(language):
    feedback = ex.q3.evaluate(lambda i, w, b: sum(x * y for x, y in zip(i, w)) + b > 0)
    assert feedback.status == WRONG
    assert "int(z > 0)" in feedback.message


@pytest.mark.parametrize("answer", ["0.5", [0.5, 1.0], "half"])
def test_malformed_numbers(answer, language):
    assert ex.q1.evaluate(answer).status == MALFORMED


def test_unanswered_and_unfinished(language):
    assert ex.q1.evaluate(None).status == UNANSWERED

    def unfinished(inputs, weights, bias):
        return None
    assert ex.q3.evaluate(unfinished).status == UNANSWERED
    assert ex.q3.evaluate(3).status == MALFORMED           # a number, not a function


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
    exec(i18n.tr("neuron.q3.solution").split("\n\n")[1], namespace)
    assert ex.q3.evaluate(namespace["perceptron"]).status == CORRECT
