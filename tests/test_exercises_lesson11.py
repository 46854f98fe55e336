"""Lesson 11's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.convolution import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.layers import Conv2D, MaxPool2D
from nnlessons.layers.windows import output_size


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param


def loops_max_pool(x):
    """The loop solution the lesson's solution text shows."""
    H, W = x.shape
    out = np.zeros((H // 2, W // 2))
    for y in range(H // 2):
        for x_ in range(W // 2):
            out[y, x_] = x[2 * y:2 * y + 2, 2 * x_:2 * x_ + 2].max()
    return out


def test_expected_answers_agree_with_the_engine():
    assert ex.q1.expected == output_size(32, 5, stride=2, pad_before=2, pad_after=2) == 16
    layer = Conv2D(3, 16, 5)
    assert ex.q2.expected == layer.weights.size + layer.biases.size == 1216
    for (x,) in ex.q3.cases:
        assert np.array_equal(ex.q3.reference(x), MaxPool2D(2).forward(x[None, None])[0, 0])


def test_right_answers(language):
    assert ex.q1.evaluate(16).status == CORRECT
    assert ex.q2.evaluate(1216).status == CORRECT
    assert ex.q3.evaluate(loops_max_pool).status == CORRECT
    assert ex.q3.evaluate(lambda x: x.reshape(x.shape[0] // 2, 2, x.shape[1] // 2, 2).max(axis=(1, 3))).status == CORRECT
    assert ex.q4.evaluate("vertical edges").status == CORRECT
    assert ex.q4.evaluate("Bordas Verticais").status == CORRECT


def test_typical_mistakes(language):
    assert ex.q1.evaluate(14).status == WRONG          # forgot the padding: ⌊27/2⌋ + 1
    assert ex.q1.evaluate(32).status == WRONG          # "same" thinking, forgot the stride
    assert ex.q2.evaluate(1200).status == WRONG        # no biases
    assert ex.q2.evaluate(416).status == WRONG         # 16·25 + 16: forgot the 3 channels
    assert ex.q3.evaluate(lambda x: x.reshape(x.shape[0] // 2, 2, x.shape[1] // 2, 2).mean(axis=(1, 3))).status == WRONG
    assert ex.q4.evaluate("horizontal edges").status == WRONG


def test_a_crashing_function_is_reported_not_raised(language):
    feedback = ex.q3.evaluate(lambda x: x.reshape(2, 2, 2, 2).max(axis=(1, 3)))
    assert feedback.status == WRONG
    assert "ValueError" in feedback.message


@pytest.mark.parametrize("question, answer", [("q1", "16"), ("q2", [1216, 16]), ("q3", 3),
                                              ("q4", "diagonal"), ("q4", 1)])
def test_malformed_answers(question, answer, language):
    assert getattr(ex, question).evaluate(answer).status == MALFORMED


def test_unanswered(language):
    assert ex.q1.evaluate(None).status == UNANSWERED
    assert ex.q3.evaluate(lambda x: None).status == UNANSWERED


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4"])
def test_hint_and_solution_print(name, language, capsys):
    getattr(ex, name).hint()
    getattr(ex, name).solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
