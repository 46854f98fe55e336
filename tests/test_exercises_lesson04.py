"""Lesson 04's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.activations import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    return request.param


def stable_softmax(z):
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)


def naive_softmax(z):
    exps = np.exp(z)
    return exps / exps.sum(axis=1, keepdims=True)


def whole_array_softmax(z):
    exps = np.exp(z - z.max())
    return exps / exps.sum()


def test_q1_sigmoid_slope_at_four(language):
    assert ex.q1.evaluate(0.0177).status == CORRECT
    assert ex.q1.evaluate(1 / (1 + np.exp(-4)) * (1 - 1 / (1 + np.exp(-4)))).status == CORRECT
    wrong = ex.q1.evaluate(0.982)               # σ(4) itself, not its slope
    assert wrong.status == WRONG and "σ(z)·(1 − σ(z))" in wrong.message
    assert ex.q1.evaluate("0.0177").status == MALFORMED
    assert ex.q1.evaluate(None).status == UNANSWERED


def test_q2_softmax_must_be_stable_and_per_row(language):
    assert ex.q2.evaluate(stable_softmax).status == CORRECT
    with np.errstate(over="ignore", invalid="ignore"):
        naive = ex.q2.evaluate(naive_softmax)
    assert naive.status == WRONG and "nan" in naive.message and "1000" in naive.message
    per_array = ex.q2.evaluate(whole_array_softmax)
    assert per_array.status == WRONG and "[[2." in per_array.message
    assert ex.q2.evaluate("softmax").status == MALFORMED
    assert ex.q2.evaluate(lambda z: None).status == UNANSWERED


def test_q2_a_crashing_function_is_reported_not_raised(language):
    feedback = ex.q2.evaluate(lambda z: z.nope)
    assert feedback.status == WRONG and "AttributeError" in feedback.message


def test_q3_bias_of_the_collapsed_layer(language):
    W1, b1, W2, b2 = ex.two_layers()
    assert ex.q3.evaluate(b1 @ W2 + b2).status == CORRECT
    assert ex.q3.evaluate([[2.5, -1.5]]).status == CORRECT
    wrong = ex.q3.evaluate(b2 + b1 @ np.ones((3, 2)))
    assert wrong.status == WRONG and "b1 @ W2 + b2" in wrong.message
    assert "(1, 2)" in ex.q3.evaluate([2.5, -1.5]).message   # right numbers, wrong shape
    assert ex.q3.evaluate("b1 @ W2 + b2").status == MALFORMED


def test_q3_arrays_have_the_shapes_the_lesson_states():
    W1, b1, W2, b2 = ex.two_layers()
    assert (W1.shape, b1.shape, W2.shape, b2.shape) == ((2, 3), (1, 3), (3, 2), (1, 2))


def test_q4_where_the_relu_bends(language):
    assert ex.q4.evaluate(0.6).status == CORRECT
    assert ex.q4.evaluate(-0.6).status == WRONG
    assert ex.q4.evaluate([0.6, 0.7]).status == MALFORMED


def test_hints_and_solutions_exist_in_both_languages(language, capsys):
    for question in (ex.q1, ex.q2, ex.q3, ex.q4):
        question.hint()
        question.solution()
    printed = capsys.readouterr().out
    assert printed.count("💡") == 4 and printed.count("📖") == 4
